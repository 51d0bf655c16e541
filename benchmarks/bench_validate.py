"""How fast are returned workbooks read and validated, against the floor and the naive loop?

    python benchmarks/bench_validate.py --n 200 1000 [--keep DIR] [--no-naive] [--repeat 5]

Generates N filled returns (the built-in strategy's five department templates, filled with
openpyxl in a few variants, then copied with varied Toteuma texts), and times over the same
folder, each phase in a fresh process so that its peak memory is its own:

  floor     the yardstick: a bare single-process loop in which python-calamine reads every
            cell of every *data* sheet (the sheets named after the strategy's goals)
  naive     pandas.read_excel(path, sheet_name=None) per file (openpyxl engine)
  reader    kemireport.reading.reader.read_returns (safety checks + parse, worker processes)
  validate  what ``kemireport validate --format json`` does: validate_folder (reading, every
            check, the choice between duplicates) and the JSON text

The phases are timed inside their process, after the imports. The whole commands are timed
too, from outside, in turn (A B A B ...; median of --repeat pairs, see ``paired.py``):
``kemireport validate DIR --format json`` against ``python`` running the floor loop, start-up
and imports included, with the modules compiled once as an installed package's are
(PYTHONDONTWRITEBYTECODE is left out of the commands' environment, ``paired.ENV``), and their
CPU time (the process and its workers) beside the wall time.

Peak RSS is the phase process's own maximum, and separately the largest of its workers.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from paired import Pair

ROOT = Path(__file__).resolve().parents[1]
DATA_SHEETS: list[str] = []  # the strategy's goal names (set in main)
PHASES = ("floor", "naive", "reader", "validate")
PERIOD = "2025-H1"


# --- generating returns --------------------------------------------------------------------


def generate(folder: Path, count: int, variants: int = 3) -> None:
    """``count`` filled returns in ``folder`` (deterministic)."""
    from openpyxl import load_workbook

    from kemireport.core.period import Period
    from kemireport.core.settings import Settings
    from kemireport.strategy import load_strategy
    from kemireport.templates.workbook import write_templates

    strategy = load_strategy()
    statuses = [level.name for level in strategy.status_scale]
    scratch = Path(tempfile.mkdtemp(prefix="kemireport-bench-"))
    try:
        templates = write_templates(strategy, Period.parse(PERIOD), scratch, settings=Settings())
        filled: list[bytes] = []
        for template in templates:
            for variant in range(variants):
                book = load_workbook(template)
                for goal in strategy.goals:
                    if goal.name not in book.sheetnames:
                        continue
                    sheet = book[goal.name]
                    header = next(r for r in range(1, 11) if sheet.cell(r, 1).value == "Tunniste")
                    for offset, row in enumerate(range(header + 1, sheet.max_row + 1)):
                        if not sheet.cell(row, 1).value:
                            continue
                        sheet.cell(row, 6).value = statuses[(offset + variant) % len(statuses)]
                        sheet.cell(row, 7).value = (
                            f"Toteuma #000000: toimenpide {offset} eteni kauden aikana; "
                            f"kokouksia {offset + variant} ja hankkeen raportti valmistui."
                        )
                        sheet.cell(row, 8).value = f"{offset % 17 + 1}, {(offset + 5) % 17 + 1}"
                out = scratch / f"filled-{template.stem}-{variant}.xlsx"
                book.save(out)
                filled.append(out.read_bytes())
        folder.mkdir(parents=True, exist_ok=True)
        for index in range(count):
            source = filled[index % len(filled)]
            _vary(source, folder / f"palautus-{index:05d}.xlsx", index)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _vary(source: bytes, target: Path, index: int) -> None:
    """A copy whose Toteuma texts carry this copy's number (different bytes, same shape)."""
    import io

    marker = f"#{index:06d}".encode()
    with zipfile.ZipFile(io.BytesIO(source)) as src, \
            zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename.endswith(".xml"):  # shared or inline strings
                data = data.replace(b"#000000", marker)
            dst.writestr(info, data)


# --- phases (each run in its own process) --------------------------------------------------


FLOOR = """
import sys
from pathlib import Path
from python_calamine import CalamineWorkbook

def floor(folder, data_sheets):
    cells = 0
    for path in sorted(folder.iterdir()):
        book = CalamineWorkbook.from_path(path)
        for name in book.sheet_names:
            if name in data_sheets:
                for row in book.get_sheet_by_name(name).to_python(skip_empty_area=False):
                    cells += len(row)
        book.close()
    return cells

if __name__ == "__main__":
    print(floor(Path(sys.argv[1]), set(sys.argv[2:])))
"""


def data_sheets() -> list[str]:
    """The data sheets of a return: one per strategic goal, named after it."""
    from kemireport.strategy import load_strategy

    return [goal.name for goal in load_strategy().goals]


def phase_floor(folder: Path) -> int:
    namespace: dict[str, object] = {}
    exec(compile(FLOOR, "floor", "exec"), namespace)  # the very loop the command runs
    count: int = namespace["floor"](folder, set(DATA_SHEETS))  # type: ignore[operator]
    return count


def phase_naive(folder: Path) -> int:
    import pandas as pd

    cells = 0
    for path in sorted(folder.iterdir()):
        for frame in pd.read_excel(path, sheet_name=None, engine="openpyxl").values():
            cells += frame.size
    return cells


def phase_reader(folder: Path) -> int:
    from kemireport.reading.reader import read_returns

    outcomes = read_returns(folder)
    return sum(len(s.rows) for o in outcomes if o.workbook for s in o.workbook.sheets)


def phase_validate(folder: Path) -> int:
    from kemireport.checks.validation import validate_folder
    from kemireport.core.period import Period
    from kemireport.strategy import load_strategy

    strategy, period = load_strategy(), Period.parse(PERIOD)
    validation = validate_folder(strategy, period, folder)
    text = json.dumps(validation.verdict.to_dict(), ensure_ascii=False, indent=2)
    return len(text)


def run_phase(name: str, folder: Path) -> dict[str, float]:
    """Run in a child process: time one phase, report its peak memory."""
    import resource

    function = {"floor": phase_floor, "naive": phase_naive, "reader": phase_reader,
                "validate": phase_validate}[name]
    # Imported before the clock starts, for every phase alike.
    if name == "naive":
        import pandas  # noqa: F401
    elif name == "floor":
        import python_calamine  # noqa: F401
    else:
        import kemireport.checks.validation
        import kemireport.reading.reader  # noqa: F401
    started = time.perf_counter()
    count = function(folder)
    seconds = time.perf_counter() - started
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"seconds": seconds, "count": count, "rss_mb": own / 1024,
            "worker_rss_mb": children / 1024}


def measure(phase: str, folder: Path) -> dict[str, float] | None:
    result = subprocess.run(
        [sys.executable, __file__, "--phase", phase, "--folder", str(folder),
         "--sheets", *DATA_SHEETS],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )
    if result.returncode != 0:
        print(f"  {phase}: epäonnistui\n{result.stderr[-2000:]}", file=sys.stderr)
        return None
    found = re.search(r"^RESULT (.*)$", result.stdout, re.MULTILINE)
    return json.loads(found.group(1)) if found else None


# --- whole commands, from outside ------------------------------------------------------------


def commands(folder: Path, repeat: int) -> Pair:
    """``kemireport validate --format json`` against the floor script, in turn (``paired``):
    the medians of each and of the pairwise wall and CPU ratios, the peak of the largest single
    process. One warm-up each first: the files in the page cache, the bytecode cached."""
    from paired import ENV, paired

    script = folder.parent / "floor.py"
    script.write_text(FLOOR, encoding="utf-8")
    validate = [sys.executable, "-m", "kemireport", "validate", str(folder),
                "--period", PERIOD, "--format", "json"]
    floor = [sys.executable, str(script), str(folder), *DATA_SHEETS]
    return paired(validate, floor, ROOT, repeat=repeat, env=ENV)


# --- single-workbook and start-up measurements ---------------------------------------------


def per_workbook(path: Path, repeat: int = 50) -> dict[str, float]:
    """Median milliseconds to read one return: calamine, openpyxl read-only, the reader."""
    import statistics

    from openpyxl import load_workbook
    from python_calamine import CalamineWorkbook

    from kemireport.reading.reader import read_workbook

    def calamine() -> None:
        book = CalamineWorkbook.from_path(path)
        for name in book.sheet_names:
            book.get_sheet_by_name(name).to_python(skip_empty_area=False)
        book.close()

    def openpyxl_ro() -> None:
        book = load_workbook(path, read_only=True, data_only=True)
        for sheet in book.worksheets:
            for _ in sheet.iter_rows(values_only=True):
                pass
        book.close()

    def reader() -> None:
        read_workbook(path, path.parent)

    timings = {}
    for name, function in (("calamine", calamine), ("openpyxl read-only", openpyxl_ro),
                           ("read_workbook (checks + parse)", reader)):
        function()
        samples = []
        for _ in range(repeat):
            started = time.perf_counter()
            function()
            samples.append(time.perf_counter() - started)
        timings[name] = statistics.median(samples) * 1000
    return timings


def startup(folder: Path) -> dict[str, float]:
    """What the worker pool costs for a tiny folder (one and five files)."""
    from kemireport.reading.reader import read_returns, read_workbook

    files = sorted(folder.iterdir())
    timings = {}
    for count in (1, 5):
        tiny = Path(tempfile.mkdtemp(prefix="kemireport-tiny-"))
        try:
            for path in files[:count]:
                shutil.copy(path, tiny / path.name)
            started = time.perf_counter()
            for path in sorted(tiny.iterdir()):
                read_workbook(path, tiny)
            timings[f"{count} file(s) in-process"] = (time.perf_counter() - started) * 1000
            started = time.perf_counter()
            read_returns(tiny)
            timings[f"{count} file(s) read_returns (pool)"] = (time.perf_counter() - started) * 1000
        finally:
            shutil.rmtree(tiny, ignore_errors=True)
    return timings


# --- main ----------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, nargs="+", default=[1000],
                        help="number of returns (several values: one run each)")
    parser.add_argument("--keep", type=Path, help="generate into DIR and keep the files")
    parser.add_argument("--no-naive", action="store_true", help="skip the slow pandas loop")
    parser.add_argument("--repeat", type=int, default=5,
                        help="pairs of whole-command runs for each N (0: none)")
    parser.add_argument("--phase", choices=PHASES, help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--sheets", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    global DATA_SHEETS
    DATA_SHEETS = args.sheets if args.sheets is not None else data_sheets()

    if args.phase:
        print("RESULT " + json.dumps(run_phase(args.phase, args.folder)))
        return

    base = args.keep or Path(tempfile.mkdtemp(prefix="kemireport-bench-"))
    try:
        phases = [p for p in PHASES if not (p == "naive" and args.no_naive)]
        rows: list[tuple[int, str, dict[str, float]]] = []
        wholes: dict[int, Pair] = {}
        for count in args.n:
            folder = base / f"n{count}"
            if not folder.is_dir() or len(list(folder.iterdir())) != count:
                shutil.rmtree(folder, ignore_errors=True)
                started = time.perf_counter()
                generate(folder, count)
                print(f"Generated {count} returns in {time.perf_counter() - started:.1f} s "
                      f"({sum(p.stat().st_size for p in folder.iterdir()) / 2**20:.1f} MB)")
            for phase in phases:
                result = measure(phase, folder)
                if result is not None:
                    rows.append((count, phase, result))
            if args.repeat > 0:
                wholes[count] = commands(folder, args.repeat)
        print()
        print(f"{'N':>6} {'phase':<9} {'seconds':>8} {'× floor':>8} {'ms/file':>8} "
              f"{'peak RSS MB':>12} {'worker RSS MB':>14}")
        floors = {n: r["seconds"] for n, p, r in rows if p == "floor"}
        for count, phase, result in rows:
            ratio = result["seconds"] / floors[count] if floors.get(count) else float("nan")
            print(f"{count:>6} {phase:<9} {result['seconds']:>8.2f} {ratio:>8.2f} "
                  f"{result['seconds'] / count * 1000:>8.2f} {result['rss_mb']:>12.0f} "
                  f"{result['worker_rss_mb']:>14.0f}")
        if wholes:
            print(f"\nWhole commands, from outside (median of {args.repeat} pairs run in turn):")
            print(f"{'N':>6} {'command':<34} {'seconds':>8} {'peak MB':>8} {'× floor':>8} "
                  f"{'CPU s':>6} {'× CPU':>6}")
            for count, pair in wholes.items():
                print(f"{count:>6} {'python floor.py (data sheets)':<34} {pair.b.wall:>8.2f} "
                      f"{pair.b.peak_mb:>8.0f} {1:>8.2f} {pair.b.cpu:>6.2f} {1:>6.2f}")
                print(f"{count:>6} {'kemireport validate --format json':<34} "
                      f"{pair.a.wall:>8.2f} {pair.a.peak_mb:>8.0f} {pair.wall_ratio:>8.2f} "
                      f"{pair.a.cpu:>6.2f} {pair.cpu_ratio:>6.2f}")
        sample = next(p for p in (base / f"n{args.n[0]}").iterdir())
        print("\nOne return, median of 50 reads (ms):")
        for name, ms in per_workbook(sample).items():
            print(f"  {name:<32} {ms:7.2f}")
        print("\nWorker-pool start-up on a tiny folder (ms):")
        for name, ms in startup(base / f"n{args.n[0]}").items():
            print(f"  {name:<32} {ms:7.1f}")
    finally:
        if args.keep is None:
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
