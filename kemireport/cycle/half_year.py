"""``kemireport report``: validate, consolidate, keep the history, write every report.

The history is saved before any report is written, so that "changes since the previous
period" in this period's reports comes from the same database a later run will read. Each
output goes through ``atomic_path``: a crash leaves the previous version of a file whole.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kemireport.core.findings import Verdict
from kemireport.core.period import Period
from kemireport.core.settings import Settings
from kemireport.history.consolidate import consolidate
from kemireport.history.records import Consolidation
from kemireport.history.store import HistoryStore
from kemireport.strategy import Strategy

DATABASE = "kemireport.sqlite"
FEEDBACK_FOLDER = "palaute"


@dataclass
class PeriodRun:
    verdict: Verdict  # the validation report
    consolidation: Consolidation
    outputs: list[Path] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)  # what the command prints, in Finnish


def output_names(period: Period) -> dict[str, str]:
    """File names of a period's reports (the board's, the coordinator's, the data)."""
    return {
        "xlsx": f"{period.id}_strategiaseuranta.xlsx",
        "csv": f"{period.id}_toimenpiteet.csv",
        "docx": f"{period.id}_strategiaseuranta.docx",
    }


def build_reports(strategy: Strategy, period: Period, input_dir: Path, output_dir: Path, *,
                  settings: Settings) -> PeriodRun:
    """The whole ``report`` command for one period's folder of returns."""
    from kemireport.checks.validation import render_text, validate_folder
    from kemireport.outputs.csv_export import write_csv
    from kemireport.outputs.excel import write_excel_report
    from kemireport.outputs.feedback import write_feedback
    from kemireport.outputs.word.report import write_word_report

    validation = validate_folder(strategy, period, input_dir)
    report = validation.verdict
    consolidation = consolidate(strategy, validation)

    output_dir = Path(output_dir)
    database = output_dir / DATABASE
    with HistoryStore(database) as store:
        store.save_period(strategy, consolidation, report)
        consolidation.previous_period, consolidation.changes = store.changes(period.id)

    folder = output_dir / period.id
    names = output_names(period)
    xlsx = write_excel_report(strategy, period, consolidation, report, folder / names["xlsx"])
    csv_file = write_csv(strategy, consolidation, folder / names["csv"])
    docx = folder / names["docx"]
    # The Word writer renames its own temporary file into place (as every writer here does).
    self_check = write_word_report(strategy, period, consolidation, report, docx,
                                   settings=settings)
    feedback_dir = folder / FEEDBACK_FOLDER
    feedback = write_feedback(strategy, validation, input_dir, feedback_dir)

    lines = render_text(report, strategy).splitlines()
    lines.append("")
    lines.append(f"Word-raportti kaupunginhallitukselle: {docx}")
    lines.append(f"Excel-kooste koordinaattorille: {xlsx}")
    lines.append(f"CSV-aineisto (Excel, Power BI): {csv_file}")
    if feedback:
        lines.append(f"Palautekopiot toimialoille ({len(feedback)} kpl): {feedback_dir}")
    lines.append(f"Historia: {database} ({_history_line(consolidation)})")
    if self_check:
        lines.append(self_check)
    return PeriodRun(verdict=report, consolidation=consolidation,
                        outputs=[docx, xlsx, csv_file, *feedback], lines=lines)


def _history_line(consolidation: Consolidation) -> str:
    if consolidation.previous_period is None:
        return "ei aiempaa kautta vertailtavaksi"
    moved = sum(1 for c in consolidation.changes if c.kind != "unchanged")
    word = "muutos" if moved == 1 else "muutosta"
    return f"verrattu kauteen {consolidation.previous_period}: {moved} {word}"
