"""The view across the strategy period in Excel: the Kehitys and Mittarit sheets.

Shared by the period's workbook and the final report's workbook, so the coordinator filters the
same columns in both. Statuses are text with their colour as a second cue; values are numbers.
"""

from __future__ import annotations

from typing import Any

from kemireport.core.textfit import FONT, FONT_SIZE
from kemireport.outputs.excel import Cell, SheetWriter
from kemireport.outputs.progress import Progress

STATUS_WIDTH = 20  # "Etenee suunnitellusti" in bold on one line


def trend_sheet(w: SheetWriter, progress: Progress, *, name: str = "Kehitys") -> None:
    """Each action's status in every period, then each goal's counts per period (a sheet each:
    the two tables' columns would not suit each other)."""
    sheet = w.book.add_worksheet(name)
    w.page(sheet, name, repeat_header=2)
    w.text(sheet, 0, 0, "Toimenpiteiden tila seurantakaudesta toiseen", w.f["title"])
    counts_sheet = w.book.add_worksheet(f"{name} päämäärittäin")
    w.page(counts_sheet, f"{name} päämäärittäin", repeat_header=2)
    w.text(counts_sheet, 0, 0, "Toimenpiteiden tilat päämäärittäin ja seurantakausittain",
           w.f["title"])
    if not progress.periods:
        for empty in (sheet, counts_sheet):
            w.text(empty, 2, 0, "Historiassa ei ole yhtään tämän strategian seurantakautta.",
                   w.f["note"])
        return
    w.text(sheet, 1, 0, f"Historiaan tallennetut seurantakaudet {progress.span} "
           f"({len(progress.periods)} kpl), vanhimmasta uusimpaan. Tyhjä tila: ei raportoitu.",
           w.f["subtitle"])
    headers = ["Tunniste", "Päämäärä", "Toimiala", "Toimenpide",
               *(f"Tila {p.short}" for p in progress.periods), "Tila seurantakaudesta toiseen"]
    first = 2
    rows: list[list[Cell]] = [
        [t.action.id, w.goals.get(t.action.goal, t.action.goal),
         w.departments.get(t.action.department, t.action.department), t.action.toimenpiteet,
         *(s or "" for s in t.statuses), t.text] for t in progress.trajectories]
    w.table(sheet, first, headers, rows, name=f"{name}_toimenpiteet",
            widths=[11, 16, 16, 40, *([STATUS_WIDTH] * len(progress.periods)), 44],
            status=tuple(range(4, 4 + len(progress.periods))))
    sheet.freeze_panes(first + 1, 1)

    w.text(counts_sheet, 1, 0, f"Seurantakaudet {progress.span}, vanhimmasta uusimpaan.",
           w.f["subtitle"])
    counts: list[list[Cell]] = [
        [goal.name, period.short, *goal.counts[index], sum(goal.counts[index])]
        for goal in progress.goals for index, period in enumerate(progress.periods)]
    w.table(counts_sheet, 2, ["Päämäärä", "Seurantakausi", *progress.categories, "Yhteensä"],
            counts, name=f"{name}_tilat", style="Table Style Light 1",
            widths=[30, 14, *([13] * len(progress.categories)), 10], nowrap=(1,))
    counts_sheet.freeze_panes(3, 0)


def indicator_sheet(w: SheetWriter, progress: Progress, *, name: str = "Mittarit") -> None:
    """Every indicator: its aims, its value in each period, and what the values say."""
    sheet = w.book.add_worksheet(name)
    w.page(sheet, name)
    w.text(sheet, 0, 0, "Mittarit", w.f["title"])
    if not progress.indicators:
        w.text(sheet, 2, 0, "Strategiassa ei ole määritelty mittareita.", w.f["note"])
        return
    w.text(sheet, 1, 0, "Toimialojen ilmoittamat arvot seurantakausittain. Tyhjä solu: arvoa ei "
           "ilmoitettu tai se ei ollut luku (katso tarkistuksen havainnot).", w.f["subtitle"])
    headers = ["Tunniste", "Mittari", "Toimenpide", "Toimiala", "Yksikkö", "Hyvä suunta",
               "Lähtötaso", "Lähtövuosi", "Tavoitetaso", "Tavoitevuosi",
               *(p.short for p in progress.periods),
               "Muutos ensimmäisestä arvosta" if progress.against_first
               else "Muutos edellisestä arvosta", "Kehitys",
               "Tavoitetaso saavutettu"]
    rows: list[list[Cell]] = []
    for i in progress.indicators:
        action = i.action
        rows.append([
            i.indicator.id, i.indicator.name, i.indicator.action,
            w.departments.get(action.department, action.department) if action else "",
            i.indicator.unit, i.better,
            i.baseline.value if i.baseline else None, i.baseline.year if i.baseline else None,
            i.target.value if i.target else None, i.target.year if i.target else None,
            *i.values, i.change, i.direction_text,
            "" if i.target_met is None else ("Kyllä" if i.target_met else "Ei vielä")])
    periods = len(progress.periods)
    value_columns = [6, 8, *range(10, 10 + periods), 10 + periods]
    formats: list[Any] = [None] * len(headers)
    # "General": 388 and 12,5 as typed (Excel shows the reader's decimal comma).
    number = w.book.add_format({"font_name": FONT, "font_size": FONT_SIZE, "valign": "top",
                                "num_format": "General", "align": "right"})
    for col in value_columns:
        formats[col] = number
    _write_numbers(w, sheet, 3, headers, rows, formats,
                   widths=[14, 30, 11, 16, 12, 16, 11, 10, 11, 10, *([11] * periods), 10, 18,
                           11])
    sheet.freeze_panes(4, 2)


def _write_numbers(w: SheetWriter, sheet: Any, first: int, headers: list[str],
                   rows: list[list[Cell]], formats: list[Any], *, widths: list[float]) -> None:
    """A table whose empty number cells stay empty (``table`` writes text for ``None``)."""
    w.table(sheet, first, headers, [[("" if v is None else v) for v in row] for row in rows],
            name="Mittarit_arvot", widths=widths, formats=formats, nowrap=(0,))
