"""The half-year job on the example data against the import floor of its libraries.

    python benchmarks/bench_run.py [--repeat 7]

On a copy of the repository's example data (``input/``), the history is first built by one
``kemireport run`` (every period, oldest first). Then, in turn with the yardstick (A B A B ...,
median of --repeat pairs, see ``paired.py``):

- ``kemireport run`` with the history already present (it consolidates the newest period and
  writes its reports), against ``python -c`` importing python_calamine, xlsxwriter, docx, click
  and matplotlib (Figure + Agg): the import floor of the libraries the job was built on;
- ``kemireport run`` into an empty output folder (every period consolidated and reported),
  against the same floor, for scale.

The checkout's package is used (PYTHONPATH), with its modules compiled once as an installed
package's are (PYTHONDONTWRITEBYTECODE is left out of the commands' environment).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from paired import ENV, ROOT, paired, table

FLOOR = ("import python_calamine, xlsxwriter, docx, click; "
         "from matplotlib.figure import Figure; "
         "from matplotlib.backends.backend_agg import FigureCanvasAgg")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    python = sys.executable
    run = [python, "-m", "kemireport", "run"]
    floor = [python, "-c", FLOOR]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        shutil.copytree(ROOT / "input", work / "input")
        # The history of every period (and the modules compiled), as a coordinator has it.
        subprocess.run(run, cwd=work, env=ENV, check=False, stdout=subprocess.DEVNULL)
        periods = len([p for p in (work / "input").iterdir() if p.is_dir()])
        newest = paired(run, floor, work, repeat=args.repeat, env=ENV)

        def fresh_output() -> None:
            shutil.rmtree(work / "output", ignore_errors=True)

        everything = paired(run, floor, work, repeat=max(3, args.repeat // 2), env=ENV,
                            prepare=fresh_output)
    yardstick = "import floor: calamine, xlsxwriter, docx, click, mpl"
    print(table([
        ("kemireport run (history present)", yardstick, newest),
        (f"kemireport run (all {periods} periods)", yardstick, everything),
    ]))


if __name__ == "__main__":
    main()
