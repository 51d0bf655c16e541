"""How long does the board's Word report take for the Kemi strategy, and for N times it?

    python benchmarks/bench_word_report.py [--scale 1 20] [--keep DIR]

Builds a consolidation by hand (every action reported, statuses cycling through the scale,
several-sentence Toteuma texts), multiplies the built-in strategy's actions by each scale
(new tunnisteet, same departments and goals), and times ``write_word_report`` including the
self-check. The first run of a process also pays for importing python-docx and Pillow;
that is reported separately.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from builders_word import consolidation, facts_for  # noqa: E402

from kemireport.core.period import Period  # noqa: E402
from kemireport.core.settings import Settings  # noqa: E402
from kemireport.strategy import Strategy, load_strategy  # noqa: E402


def scaled(strategy: Strategy, factor: int) -> Strategy:
    """The strategy with every action repeated ``factor`` times under new tunnisteet."""
    if factor == 1:
        return strategy
    actions = []
    for copy in range(factor):
        for action in strategy.actions:
            prefix, number = action.id.rsplit("-", 1)
            actions.append(replace(action, id=f"{prefix}-{copy * 40 + int(number):03d}"))
    return replace(strategy, actions=tuple(actions))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=int, nargs="+", default=[1, 20])
    parser.add_argument("--keep", type=Path, help="keep the written reports in this folder")
    args = parser.parse_args()

    started = time.perf_counter()
    import docx  # noqa: F401
    from PIL import Image, ImageDraw, ImageFont  # noqa: F401

    from kemireport.outputs.word.report import write_word_report
    print(f"imports (python-docx, Pillow): {time.perf_counter() - started:.2f} s")

    base = load_strategy()
    period = Period.parse("2025-H1")
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench-word-"))
    folder.mkdir(parents=True, exist_ok=True)
    for factor in args.scale:
        strategy = scaled(base, factor)
        data = consolidation(strategy, period=period)
        facts = facts_for(strategy, data)
        target = folder / f"raportti-x{factor}.docx"
        started = time.perf_counter()
        result = write_word_report(strategy, facts, target, settings=Settings())
        elapsed = time.perf_counter() - started
        size = target.stat().st_size / 1e6
        print(f"x{factor}: {len(strategy.actions)} actions, {elapsed:.2f} s, {size:.1f} MB "
              f"-> {target}\n    {result}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
