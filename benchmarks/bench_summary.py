"""Benchmark: ``kemireport summary`` over 8 periods × 1,000 departments' worth of history.

    python benchmarks/bench_summary.py [--departments 1000] [--actions 20] [--periods 8]
                                       [--keep DIR]

Builds a synthetic strategy of the built-in Kemi strategy's shape with ``departments`` ×
``actions`` actions (20,000 by default) and an indicator per department, saves ``periods``
consolidated half-years into a history database (statuses that move from period to period as
real ones do), then times what ``kemireport summary`` does: reading the history, the Word
report for the council, the Excel workbook for the coordinator and the web page for residents.
Prints one line per stage in seconds, and the peak memory of the process.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kemireport.core.findings import Summary, Verdict
from kemireport.core.period import Period
from kemireport.core.settings import Settings
from kemireport.cycle.summary import gather_from_history
from kemireport.history.records import ActionRecord, Consolidation, Reading, Submission
from kemireport.history.store import HistoryStore
from kemireport.outputs.excel_summary import write_summary_excel
from kemireport.outputs.html.summary import write_summary_html
from kemireport.outputs.word.summary import write_summary_report
from kemireport.strategy import Action, Department, Indicator, Strategy, load_strategy

WORDS = ["kaupunki", "toimiala", "palvelu", "kehittäminen", "asukkaat", "yhteistyö", "hanke",
         "suunnitelma", "toteutus", "selvitys", "vuonna", "valmistui", "eteni", "aikataulussa",
         "kesken", "tavoite", "mittari", "päästöt", "liikunta", "kirjasto", "koulu"]


def _text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def synthetic_strategy(base: Strategy, departments: int, actions: int) -> Strategy:
    rng = random.Random(2022)
    depts = tuple(Department(f"D{i:04d}", f"Toimiala {i + 1}", "") for i in range(departments))
    goals = base.goals
    made = []
    indicators = []
    for dept in depts:
        for a in range(actions):
            goal = goals[a % len(goals)]
            objective = goal.objectives[a % len(goal.objectives)].code
            made.append(Action(f"{goal.code}-{dept.code}-{a + 1:02d}", goal.code, dept.code,
                               (objective,), _text(rng, 20), _text(rng, 4), _text(rng, 8),
                               (3, 7)))
        indicators.append(Indicator(f"{made[-1].id}-M1", made[-1].id, "Asiakkaat", "kpl", "up"))
    return replace(base, departments=depts, actions=tuple(made), indicators=tuple(indicators),
                   tables=())


def save_history(strategy: Strategy, periods: list[Period], database: Path) -> None:
    rng = random.Random(2025)
    levels = list(strategy.status_names)
    status = {a.id: "Etenee suunnitellusti" for a in strategy.actions}
    with HistoryStore(database) as store:
        for index, period in enumerate(periods):
            consolidation = Consolidation(period=period)
            for a in strategy.actions:
                if rng.random() < 0.25:  # a quarter of the actions move each half-year
                    status[a.id] = rng.choice(levels)
                reported = rng.random() > 0.03
                current = status[a.id] if reported else None
                consolidation.records.append(ActionRecord(
                    period=period, action_id=a.id, goal=a.goal, department=a.department,
                    tavoite="", toimenpiteet=a.toimenpiteet, vastuu=a.vastuu,
                    mittarit=a.mittarit, status=current, status_raw=current or "",
                    toteuma=_text(rng, 40) if current else None, sdg=(3, 7), sdg_raw="3, 7",
                    state="reported" if current else "incomplete",
                    file=f"{a.department}.xlsx", sheet="Elinvoimainen kaupunki", row=5,
                    cell="F5", sha256="0" * 64, objectives=a.objectives))
            for d in strategy.departments:
                consolidation.submissions.append(Submission(
                    period, d.code, f"{d.code}.xlsx", "0" * 64, 20, 20))
            consolidation.readings.extend(
                Reading(period, i.id, i.action, i.action.split("-")[1], float(100 + index), "",
                        "", f"{i.action.split('-')[1]}.xlsx", "H5")
                for i in strategy.indicators)
            verdict = Verdict(period, summary=Summary(len(strategy.departments),
                                                      len(strategy.departments),
                                                      len(strategy.actions), 0))
            store.save_period(strategy, consolidation, verdict)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--departments", type=int, default=1000)
    parser.add_argument("--actions", type=int, default=20)
    parser.add_argument("--periods", type=int, default=8)
    parser.add_argument("--keep", type=Path, help="write the files here and keep them")
    args = parser.parse_args()

    strategy = synthetic_strategy(load_strategy(None), args.departments, args.actions)
    periods = [Period(2022, 2)]
    while len(periods) < args.periods:
        periods.append(periods[-1].next())
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        database = folder / "kemireport.sqlite"
        database.unlink(missing_ok=True)
        start = time.perf_counter()
        save_history(strategy, periods, database)
        print(f"history of {len(periods)} periods × {len(strategy.actions):,} actions "
              f"(setup)   {time.perf_counter() - start:6.2f} s")
        times = {}
        start = time.perf_counter()
        facts = gather_from_history(strategy, database, None, None)
        times["reading the history"] = time.perf_counter() - start
        start = time.perf_counter()
        write_summary_report(facts, folder / "loppuraportti.docx", settings=Settings())
        times["Word report"] = time.perf_counter() - start
        start = time.perf_counter()
        write_summary_excel(facts, folder / "loppuraportti.xlsx")
        times["Excel workbook"] = time.perf_counter() - start
        start = time.perf_counter()
        page = write_summary_html(facts, folder / "loppuraportti.html")
        times["web page"] = time.perf_counter() - start
        print(f"{'web page size':<28} {page.stat().st_size / 1e6:6.1f} MB")
        for name, seconds in times.items():
            print(f"{name:<28} {seconds:6.2f} s")
        print(f"{'summary in total':<28} {sum(times.values()):6.2f} s")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak memory                  {peak:6.0f} MB")


if __name__ == "__main__":
    main()
