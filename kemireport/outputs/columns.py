"""The action table: one row per consolidated record, as the Excel report and the CSV lay it out.

Both outputs take their columns from here, so the coordinator's workbook and the data file
cannot disagree on what a column holds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kemireport.core.ooxml import xml_safe
from kemireport.history.records import ActionRecord
from kemireport.outputs.facts import category
from kemireport.strategy import Strategy
from kemireport.templates.contract import DEVIATION, NEW_SCHEDULE

EXCEL_CELL_LIMIT = 32_767
# Where a cut text is whole: the history and the CSV keep every character.
TRUNCATED = " … (katkaistu: koko teksti on CSV-aineistossa ja historiassa)"
# Characters an .xlsx cell cannot hold as text: C0 controls except tab, line feed and carriage
# return; lone UTF-16 surrogates; and the two non-characters XML forbids.

# How completely a record is reported (the glossary: "Ei raportoitu" is the status category).
STATE_LABELS = {"reported": "Raportoitu", "incomplete": "Puutteellinen", "missing": "Puuttuu"}
SEVERITY_LABELS = {"error": "Virhe", "warning": "Varoitus", "info": "Ilmoitus"}
CHANGE_LABELS: dict[str, str] = {
    "status-changed": "Tila muuttui",
    "new-report": "Raportoitu ensimmäistä kertaa",
    "missing-report": "Ei raportoitu nyt",
    "unchanged": "Ei muutosta",
}
MAX_CHART_ROWS = 30  # departments (or goals) beyond which a chart or a matrix is unreadable


def clean_text(value: str, limit: int | None = EXCEL_CELL_LIMIT) -> str:
    """Text as a cell can hold it: unsafe characters removed, capped with a visible marker."""
    text = xml_safe(value)
    if limit is None or len(text) <= limit // 2:
        return text
    # Excel counts UTF-16 code units: an emoji takes two of the 32,767.
    if len(text.encode("utf-16-le")) // 2 <= limit:
        return text
    room = limit - len(TRUNCATED)
    cut = text[:room]
    while len(cut.encode("utf-16-le")) // 2 > room:
        cut = cut[:-1]
    return cut + TRUNCATED


# -- the action table (shared with the CSV) ---------------------------------------------------


@dataclass(frozen=True)
class Column:
    header: str
    width: float
    value: Callable[[ActionRecord], str | int | None]
    printed: bool = True  # part of the printed page (provenance is for the screen)
    wrap: bool = True  # False: one line, never making the row taller (hashes, file names)


def action_columns(strategy: Strategy) -> tuple[Column, ...]:
    """The columns of the "Toimenpiteet" sheet and of the CSV, in order."""
    goals = {g.code: g.name for g in strategy.goals}
    departments = {d.code: d.name for d in strategy.departments}
    return (
        Column("Seurantakausi", 13, lambda r: r.period.id, wrap=False),  # the bold header fits
        Column("Tunniste", 11, lambda r: r.action_id),
        Column("Päämäärä", 12, lambda r: goals.get(r.goal, r.goal)),
        Column("Toimiala", 13, lambda r: departments.get(r.department, r.department)),
        Column("Tavoite", 22, lambda r: r.tavoite),
        Column("Toimenpide", 30, lambda r: r.toimenpiteet),
        Column("Vastuu ja aikataulu", 15, lambda r: r.vastuu),
        Column("Mittarit", 17, lambda r: r.mittarit),
        # The status as counted in every table (facts.category); what was typed is kept in
        # "Tila kirjoitettuna" below, even when it is not on the scale.
        Column("Tila", 12, category),
        Column("Toteuma", 34, lambda r: r.toteuma or ""),
        Column("SDG", 6, lambda r: ", ".join(map(str, r.sdg))),
        Column(DEVIATION, 30, lambda r: r.deviation or ""),
        Column(NEW_SCHEDULE, 12, lambda r: r.new_schedule or ""),
        Column("Raportointi", 11, lambda r: STATE_LABELS[r.state]),
        Column("Tavoitteet", 10, lambda r: ", ".join(r.objectives), printed=False, wrap=False),
        Column("Tila kirjoitettuna", 14, lambda r: r.status_raw, printed=False),
        Column("SDG kirjoitettuna", 10, lambda r: r.sdg_raw, printed=False, wrap=False),
        Column("Strategiassa", 14, lambda r: "Kyllä" if r.known else "Ei (toimialan lisäämä)",
               printed=False, wrap=False),
        Column("Tiedosto", 30, lambda r: r.file or "", printed=False, wrap=False),
        Column("Välilehti", 22, lambda r: r.sheet or "", printed=False, wrap=False),
        Column("Solu", 7, lambda r: r.cell or "", printed=False, wrap=False),
        Column("SHA-256", 20, lambda r: r.sha256 or "", printed=False, wrap=False),
    )


