"""Time the half-year job on the example data against Python's own start-up.

    python benchmarks/bench_run.py [--repeat 5]

Measures, each as the median of --repeat runs of a fresh process:
- ``python -c pass`` and ``kemireport --help``: the CLI's start-up must stay close to Python's,
  so heavy libraries are imported only inside the commands that use them;
- the bare import of every library ``run`` needs, and ``kemireport run`` on a copy of the
  repository's example data (two periods: the first one is consolidated into the empty history
  first, then the newest one): the job should be dominated by that start-up, not by its work.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The checkout's package, whether or not it is installed.
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT),
                                                               os.environ.get("PYTHONPATH")]))}
LIBRARIES = ("import click, yaml, openpyxl, xlsxwriter, docx, python_calamine, defusedxml; "
             "from matplotlib.figure import Figure; "
             "from matplotlib.backends.backend_agg import FigureCanvasAgg")


def timed(command: list[str], cwd: Path, repeat: int, prepare: object = None) -> float:
    runs = []
    for _ in range(repeat):
        if callable(prepare):
            prepare()
        start = time.perf_counter()
        subprocess.run(command, cwd=cwd, check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, env=ENV)
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    python = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        shutil.copytree(ROOT / "input", work / "input")

        def fresh_output() -> None:
            shutil.rmtree(work / "output", ignore_errors=True)

        rows = [
            ("python -c pass", timed([python, "-c", "pass"], work, args.repeat)),
            ("kemireport --help", timed([python, "-m", "kemireport", "--help"], work,
                                        args.repeat)),
            ("import run's libraries", timed([python, "-c", LIBRARIES], work, args.repeat)),
            ("kemireport run (2 periods)", timed([python, "-m", "kemireport", "run"], work,
                                                 args.repeat, fresh_output)),
            ("kemireport run (newest only)", timed([python, "-m", "kemireport", "run"], work,
                                                   args.repeat)),
        ]
    base = rows[0][1]
    print(f"{'':32} {'seconds':>8} {'× python':>9}")
    for name, seconds in rows:
        print(f"{name:32} {seconds:8.3f} {seconds / base:9.1f}")


if __name__ == "__main__":
    main()
