"""``kemireport summary``: the final report of a strategy period, from the history alone.

Nothing is read from the returns: the history holds every period as it was consolidated, which
is what the council was told each half-year. By default every stored period of the strategy is
included; ``--from`` and ``--to`` narrow it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kemireport.core.finnish import and_list, count_words
from kemireport.core.names import shown_path
from kemireport.core.period import Period
from kemireport.cycle.workspace import Workspace
from kemireport.errors import ConfigError, OutputError
from kemireport.outputs.summary import SummaryFacts
from kemireport.strategy import Strategy


@dataclass
class SummaryRun:
    facts: SummaryFacts
    outputs: list[Path] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)  # what the command prints, in Finnish


def write_summary(strategy: Strategy, workspace: Workspace, *, first: Period | None = None,
                  last: Period | None = None) -> SummaryRun:
    """Gather the periods from the history and write the final report: Word, Excel and the
    web page.

    The history is read and the report written under the output folder's lock, as ``report``,
    ``run`` and ``mail`` write: never while a run is saving a period or writing its reports.
    """
    from kemireport.cycle.guard import ensure_folder, writing_into
    from kemireport.outputs.excel_summary import write_summary_excel
    from kemireport.outputs.html.summary import write_summary_html
    from kemireport.outputs.word.summary import write_summary_report

    _check_window(workspace.database, first, last)  # before the lock creates the output folder
    folder = workspace.summary_folder
    with writing_into(workspace, folder):
        facts = gather_from_history(strategy, workspace.database, first, last)
        progress = facts.progress
        assert progress.first is not None and progress.last is not None  # gather checked it
        files = workspace.summary(progress.first, progress.last)
        docx, xlsx, html = files.docx, files.xlsx, files.html
        for target in files.all():
            if target.is_dir():
                raise OutputError(
                    f"Loppuraportin {shown_path(target)} paikalla on kansio. Siirrä kansio pois "
                    "tieltä tai valitse toinen kansio valinnalla --output.")
        ensure_folder(folder, "Loppuraportin kansio")
        self_check = write_summary_report(facts, docx, settings=workspace.settings)
        write_summary_excel(facts, xlsx)
        write_summary_html(facts, html, organisation=workspace.settings.organisation)

    lines = [f"Strategiakauden loppuraportti: {strategy.name}, seurantakaudet "
             f"{progress.span} "
             f"({count_words(len(facts.coverage), 'seurantakausi', 'seurantakautta')})."]
    if facts.gaps:
        lines.append("Historiasta puuttuvat seurantakaudet: "
                     + and_list([p.id for p in facts.gaps])
                     + ". Raportissa niiden tila on ”Ei raportoitu”.")
    lines.append(f"Word-raportti valtuustolle ja kaupunginhallitukselle: {docx}")
    lines.append(f"Excel-kooste strategiakoordinaattorille: {xlsx}")
    lines.append(f"Verkkosivu asukkaille: {html}")
    lines.append(self_check)
    return SummaryRun(facts=facts, outputs=files.all(), lines=lines)


def gather_from_history(strategy: Strategy, database: Path, first: Period | None,
                        last: Period | None) -> SummaryFacts:
    """The final report's facts from the history, or a Finnish error saying what is missing."""
    from kemireport.history.store import HistoryStore
    from kemireport.outputs.progress import progress_of
    from kemireport.outputs.summary import Coverage, gather_summary

    _check_window(database, first, last)
    with HistoryStore(database) as store:
        stored = store.strategy_periods(strategy.id)
        if not stored:
            others = store.strategies()
            held = (" Historiassa on strategian " + and_list(
                [f"{name} ({sid})" for sid, name in others.items()]) + " seurantakausia."
                if others else " Historia on tyhjä.")
            raise ConfigError(
                f"Historiassa ei ole yhtään strategian {strategy.name} ({strategy.id}) "
                f"seurantakautta.{held} Valitse oikea strategia valinnalla --strategy.")
        chosen = [p for p in stored if (first is None or p >= first)
                  and (last is None or p <= last)]
        if not chosen:
            raise ConfigError(
                "Valitulla aikavälillä ei ole historiassa yhtään seurantakautta. Historiassa "
                f"on seurantakaudet {and_list([p.id for p in stored])}.")
        trends = store.trends(chosen[-1], since=chosen[0])
        toteumat = store.last_toteumat(chosen)
        coverage = tuple(Coverage(p, *store.coverage(p)) for p in chosen)
    return gather_summary(strategy, progress_of(strategy, trends, against_first=True), toteumat,
                          coverage)


def _check_window(database: Path, first: Period | None, last: Period | None) -> None:
    """The periods asked for are in order and there is a history to read them from."""
    if first is not None and last is not None and first > last:
        raise ConfigError(f"Ensimmäinen seurantakausi {first.id} (--from) on myöhempi kuin "
                          f"viimeinen {last.id} (--to). Vaihda ne keskenään.")
    if not database.is_file():
        raise ConfigError(
            f"Historiatietokantaa {shown_path(database)} ei ole. Loppuraportti kootaan "
            "historiasta: kokoa ensin seurantakaudet komennolla kemireport report tai "
            "kemireport run, tai anna valinnalla --output kansio, jossa historia on.")
