"""``kemireport report``: validate, consolidate, keep the history, write every report.

The history is saved before any report is written, so that "changes since the previous
period" in this period's reports comes from the same database a later run will read. Each
output goes through ``atomic_path``: a crash leaves the previous version of a file whole.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kemireport.core.findings import Verdict
from kemireport.core.finnish import count_words
from kemireport.core.period import Period
from kemireport.cycle.beside import Beside
from kemireport.cycle.workspace import Workspace
from kemireport.history.consolidate import consolidate
from kemireport.history.records import Consolidation
from kemireport.history.store import HistoryStore
from kemireport.outputs.facts import PeriodFacts, gather
from kemireport.strategy import Strategy


@dataclass
class PeriodRun:
    verdict: Verdict  # the validation report
    consolidation: Consolidation
    facts: PeriodFacts
    outputs: list[Path] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)  # what the command prints, in Finnish


def build_reports(strategy: Strategy, period: Period, input_dir: Path,
                  workspace: Workspace) -> PeriodRun:
    """The whole ``report`` command for one period's folder of returns."""
    from kemireport.checks.render import render_text
    from kemireport.checks.validation import validate_folder
    from kemireport.outputs.csv_export import write_csv
    from kemireport.outputs.excel import write_excel_report
    from kemireport.outputs.feedback import write_feedback
    from kemireport.outputs.html.page import write_html_report
    from kemireport.outputs.word.report import write_word_report

    validation = validate_folder(strategy, period, input_dir, rules=workspace.rules)
    verdict = validation.verdict
    consolidation = consolidate(strategy, validation)

    database = workspace.database
    with HistoryStore(database) as store:
        store.save_period(strategy, consolidation, verdict)
        consolidation.previous_period, consolidation.changes = store.changes(period)
        consolidation.trends = store.trends(period)
        consolidation.streaks = consolidation.trends.deviation_streaks(
            period, strategy.deviation_statuses)
    # Counted once; every output renders the same facts.
    facts = gather(strategy, consolidation, verdict)

    files = workspace.reports(period)
    feedback_dir = workspace.feedback_folder(period)

    def other_reports() -> tuple[Path, Path, Path, list[Path]]:
        return (write_excel_report(strategy, facts, verdict, files.xlsx),
                write_csv(strategy, facts, files.csv),
                write_html_report(strategy, facts, files.html,
                                  organisation=workspace.settings.organisation),
                write_feedback(strategy, validation, input_dir, feedback_dir))

    # The Word report here, the others beside it (a child process where one can be forked).
    # Every writer renames its own temporary file into place.
    with Beside(other_reports) as others:
        docx = files.docx
        self_check = write_word_report(strategy, facts, docx, settings=workspace.settings)
        xlsx, csv_file, html, feedback = others.result()

    lines = render_text(verdict, strategy).splitlines()
    lines.append("")
    lines.append(f"Word-raportti kaupunginhallitukselle: {docx}")
    lines.append(f"Excel-kooste strategiakoordinaattorille: {xlsx}")
    lines.append(f"Verkkosivu asukkaille: {html}")
    lines.append(f"CSV-aineisto (Excel, Power BI): {csv_file}")
    if feedback:
        lines.append(f"Palautekopiot toimialoille ({len(feedback)} kpl): {feedback_dir}")
    lines.append(f"Historia: {database} ({_history_line(consolidation)})")
    if self_check:
        lines.append(self_check)
    return PeriodRun(verdict=verdict, consolidation=consolidation, facts=facts,
                     outputs=[docx, xlsx, html, csv_file, *feedback], lines=lines)


def _history_line(consolidation: Consolidation) -> str:
    if consolidation.previous_period is None:
        return "edellistä seurantakautta ei ole vertailtavaksi"
    moved = sum(1 for c in consolidation.changes if c.kind != "unchanged")
    said = count_words(moved, "muutos", "muutosta") if moved else "ei muutoksia"
    return f"verrattu seurantakauteen {consolidation.previous_period.id}: {said}"
