"""Whole commands timed from outside, in turn with their yardstick (A B A B ...).

A ratio from one run of each drifts with whatever else the machine does; taken pair by pair
and then the median, it does much less. Each run's wall seconds come from a monotonic clock
around the child's whole life, its CPU seconds and peak memory from the operating system's
accounting of the reaped child (``os.wait4``: the child and the processes it waited for; the
peak is the largest single one of them). POSIX only.

``ENV`` is the commands' environment for every benchmark: the checkout's package first on the
path (whether or not it is installed), with its modules compiled once as an installed package's
are (PYTHONDONTWRITEBYTECODE left out, so the bytecode is cached and not recompiled per run).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
ENV["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))


@dataclass(frozen=True)
class Run:
    wall: float  # seconds
    cpu: float  # user + system seconds
    peak_mb: float


def run_once(command: Sequence[str], cwd: Path, env: dict[str, str] | None = None) -> Run:
    started = time.perf_counter()
    process = subprocess.Popen(list(command), cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = 0  # reaped above
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


@dataclass(frozen=True)
class Pair:
    a: Run  # medians of the command
    b: Run  # medians of the yardstick
    wall_ratio: float  # median of the pairwise ratios
    cpu_ratio: float


def paired(a: Sequence[str], b: Sequence[str], cwd: Path, *, repeat: int = 5,
           env: dict[str, str] | None = None,
           prepare: Callable[[], None] | None = None) -> Pair:
    """``a`` against ``b``: one warm-up each, then ``repeat`` pairs in turn.

    ``prepare`` runs before every run of ``a`` (not timed), e.g. to remove its outputs.
    """
    def run_a() -> Run:
        if prepare is not None:
            prepare()
        return run_once(a, cwd, env)

    run_a()
    run_once(b, cwd, env)
    runs_a: list[Run] = []
    runs_b: list[Run] = []
    for _ in range(repeat):
        runs_a.append(run_a())
        runs_b.append(run_once(b, cwd, env))

    def median(runs: list[Run]) -> Run:
        return Run(statistics.median(r.wall for r in runs), statistics.median(r.cpu for r in runs),
                   max(r.peak_mb for r in runs))

    return Pair(median(runs_a), median(runs_b),
                statistics.median(x.wall / y.wall for x, y in zip(runs_a, runs_b, strict=True)),
                statistics.median(x.cpu / max(y.cpu, 1e-6)
                                  for x, y in zip(runs_a, runs_b, strict=True)))


def table(rows: list[tuple[str, str, Pair]]) -> str:
    """One line per command and one per its yardstick, the ratios on the command's line."""
    lines = [f"{'command':<52} {'wall s':>7} {'cpu s':>7} {'peak MB':>8} {'× wall':>7} "
             f"{'× cpu':>6}"]
    for name, yardstick, pair in rows:
        lines.append(f"{yardstick:<52} {pair.b.wall:>7.3f} {pair.b.cpu:>7.3f} "
                     f"{pair.b.peak_mb:>8.0f} {1:>7.2f} {1:>6.2f}")
        lines.append(f"{name:<52} {pair.a.wall:>7.3f} {pair.a.cpu:>7.3f} {pair.a.peak_mb:>8.0f} "
                     f"{pair.wall_ratio:>7.2f} {pair.cpu_ratio:>6.2f}")
    return "\n".join(lines)
