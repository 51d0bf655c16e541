"""How close is the CLI's start-up to click's own?

    python benchmarks/bench_startup.py [--repeat 20]

Times, in turn with the yardstick ``python -c "import click"`` (median of --repeat pairs):
``kemireport --help`` and ``kemireport validate --help``. Both should stay within 1.5× of the
yardstick: every heavy library is imported inside the command that needs it, never by the
CLI module itself.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from paired import ENV, paired, table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    python = sys.executable
    click = [python, "-c", "import click"]
    with tempfile.TemporaryDirectory() as tmp:  # no kemireport.toml around
        cwd = Path(tmp)
        rows = [
            (f"kemireport {' '.join(extra)}", 'python -c "import click"',
             paired([python, "-m", "kemireport", *extra], click, cwd, repeat=args.repeat,
                    env=ENV))
            for extra in (["--help"], ["validate", "--help"])
        ]
    print(table(rows))


if __name__ == "__main__":
    main()
