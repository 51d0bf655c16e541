"""Benchmark: writing the coordinator's reports for 1,000 departments' worth of records.

    python benchmarks/bench_report.py [--departments 1000] [--actions 20] [--keep DIR]

Builds a synthetic consolidation (every department reporting every action of the built-in
Kemi strategy's shape, with Finnish text of realistic length), then times each stage of what
``kemireport report`` does after validation: the history database, the Excel workbook and
the CSV. Prints one line per stage, in seconds.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

# Runs from a checkout without installing the package.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kemireport.core.findings import Finding, Summary, Verdict
from kemireport.core.period import Period
from kemireport.history.records import ActionRecord, Consolidation, Submission
from kemireport.history.store import HistoryStore
from kemireport.outputs.csv_export import write_csv
from kemireport.outputs.excel import write_excel_report
from kemireport.outputs.facts import gather
from kemireport.strategy import Department, Strategy, load_strategy

WORDS = ["kaupunki", "toimiala", "palvelu", "kehittäminen", "asukkaat", "yhteistyö", "hanke",
         "suunnitelma", "toteutus", "selvitys", "vuonna", "valmistui", "eteni", "aikataulussa",
         "kesken", "tavoite", "mittari", "päästöt", "liikunta", "kirjasto", "koulu",
         "kaavoitus", "talous", "viestintä", "digitalisaatio"]


def _text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def synthetic(strategy: Strategy, departments: int, actions: int,
              period: Period) -> tuple[Strategy, Consolidation, Verdict]:
    rng = random.Random(2025)
    depts = tuple(Department(f"D{i:04d}", f"Toimiala {i + 1}", "") for i in range(departments))
    big = replace(strategy, departments=depts)
    levels = list(strategy.status_names)
    goals = [g.code for g in strategy.goals]
    consolidation = Consolidation(period=period)
    for d, dept in enumerate(depts):
        for a in range(actions):
            status = rng.choice([*levels, None])
            state = "reported" if status else ("missing" if d % 50 == 0 else "incomplete")
            consolidation.records.append(ActionRecord(
                period=period, action_id=f"{goals[a % len(goals)]}-{dept.code}-{a + 1:02d}",
                goal=goals[a % len(goals)], department=dept.code,
                tavoite=_text(rng, 12), toimenpiteet=_text(rng, 20), vastuu=_text(rng, 4),
                mittarit=_text(rng, 8), status=status, status_raw=status or "",
                toteuma=_text(rng, 40) if status else None, sdg=(3, 7), sdg_raw="3, 7",
                state=state,  # type: ignore[arg-type]
                file=None if state == "missing" else f"{dept.code}.xlsx",
                sheet="Elinvoimainen kaupunki", row=5 + a, cell=f"F{5 + a}", sha256="0" * 64,
            ))
        if d % 50:
            consolidation.submissions.append(Submission(
                period, dept.code, f"{dept.code}.xlsx", "0" * 64, actions, actions))
    findings = [Finding.of("status-missing", "Tila puuttuu.", file=f"{r.department}.xlsx",
                           department=r.department, cell=r.cell, row_id=r.action_id)
                for r in consolidation.records if r.state == "incomplete"]
    report = Verdict(period, findings=findings, summary=Summary(
        departments, len(consolidation.submissions), departments * actions, 0))
    return big, consolidation, report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--departments", type=int, default=1000)
    parser.add_argument("--actions", type=int, default=20)
    parser.add_argument("--keep", type=Path, help="write the files here and keep them")
    args = parser.parse_args()

    period = Period.parse("2025-H1")
    strategy, consolidation, report = synthetic(load_strategy(), args.departments, args.actions,
                                                period)
    with tempfile.TemporaryDirectory() as tmp:
        out = args.keep or Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        print(f"{len(consolidation.records):,} toimenpidetietuetta, "
              f"{len(strategy.departments):,} toimialaa, {len(report.findings):,} havaintoa")
        timings = []
        start = time.perf_counter()
        with HistoryStore(out / "kemireport.sqlite") as store:
            store.save_period(strategy, consolidation, report)
            timings.append(("historia (sqlite, tallennus)", time.perf_counter() - start))
            start = time.perf_counter()
            consolidation.previous_period, consolidation.changes = store.changes(period)
            timings.append(("muutokset edelliseen kauteen", time.perf_counter() - start))
        start = time.perf_counter()
        facts = gather(strategy, consolidation, report)
        timings.append(("luvut (facts)", time.perf_counter() - start))
        start = time.perf_counter()
        xlsx = write_excel_report(strategy, facts, report, out / "2025-H1_strategiaseuranta.xlsx")
        timings.append((f"Excel-kooste ({xlsx.stat().st_size / 1e6:.1f} Mt)",
                        time.perf_counter() - start))
        start = time.perf_counter()
        csv_file = write_csv(strategy, facts, out / "2025-H1_toimenpiteet.csv")
        timings.append((f"CSV ({csv_file.stat().st_size / 1e6:.1f} Mt)",
                        time.perf_counter() - start))
        for label, seconds in timings:
            print(f"{label:40s} {seconds:6.2f} s")
        print(f"{'yhteensä':40s} {sum(s for _, s in timings):6.2f} s")


if __name__ == "__main__":
    main()
