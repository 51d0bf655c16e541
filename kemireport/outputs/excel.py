"""The coordinator's Excel workbook: summary with charts, every action, changes, findings, SDG.

Written with xlsxwriter in its normal mode: Excel tables (``add_table``) are not available in
constant-memory mode, and at our sizes (a few thousand rows) the writer is fast enough.
Department text is always written with ``write_string`` and the workbook refuses to turn
strings into formulas, links or numbers, so ``=SUM(A1)`` stays the text a person typed.
"""

from __future__ import annotations

import datetime as _dt
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from kemireport.core.atomic import atomic_path
from kemireport.core.findings import Verdict
from kemireport.core.finnish import fi_date
from kemireport.core.ooxml import readable_fill
from kemireport.core.textfit import FONT, FONT_SIZE, line_count, row_height
from kemireport.history.records import Change
from kemireport.outputs.columns import (
    CHANGE_LABELS,
    MAX_CHART_ROWS,
    SEVERITY_LABELS,
    action_columns,
    clean_text,
)
from kemireport.outputs.facts import NOT_REPORTED, PeriodFacts, Tally, category
from kemireport.outputs.wording import (
    NO_ACTION_TEXT,
    NO_EXPLANATION_CELL,
    NO_PREVIOUS,
    SDG_GOAL,
    action_text,
    changes_sentence,
    deviation_names,
    status_at,
)
from kemireport.strategy import Strategy
from kemireport.templates.contract import DEVIATION, NEW_SCHEDULE

# -- the workbook -----------------------------------------------------------------------------


def write_excel_report(strategy: Strategy, facts: PeriodFacts, verdict: Verdict,
                       path: Path) -> Path:
    """Write the coordinator's workbook to ``path`` (atomically)."""
    with atomic_path(path) as tmp:
        _Writer(strategy, facts, verdict, tmp).write()
    return Path(path)


Cell = str | int | float | None


class SheetWriter:
    """A workbook of the product's look: formats, page setup, tables that fit their text."""

    def __init__(self, strategy: Strategy, path: Path, *, title: str, subject: str,
                 scope: str) -> None:
        import xlsxwriter

        self.strategy = strategy
        self.scope = scope  # e.g. "kausi 2025-H2": the right side of every printed page's header
        self.book = xlsxwriter.Workbook(str(path), {
            # Department text is text: never a formula, a link or a number.
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
        })
        self.book.set_properties({
            "title": title,
            "subject": subject,
            "author": strategy.organisation,
            "company": strategy.organisation,
            "comments": "Koottu kemireportilla",
        })
        self.departments = {d.code: d.name for d in strategy.departments}
        self.goals = {g.code: g.name for g in strategy.goals}
        self.f = self._formats()

    # -- formats ------------------------------------------------------------------------------

    def _formats(self) -> dict[str, Any]:
        add = self.book.add_format
        base = {"font_name": FONT, "font_size": FONT_SIZE, "valign": "top"}
        formats = {
            "title": add({**base, "bold": True, "font_size": 14}),
            "subtitle": add({**base, "italic": True}),
            "h2": add({**base, "bold": True, "font_size": 12}),
            "text": add({**base}),
            "wrap": add({**base, "text_wrap": True}),
            "bold": add({**base, "bold": True}),
            "header": add({**base, "bold": True, "text_wrap": True, "valign": "bottom"}),
            "header_number": add({**base, "bold": True, "text_wrap": True, "valign": "bottom",
                                  "align": "center"}),
            # Counts sit under the middle of their heading, not against the next column's text.
            "number": add({**base, "num_format": "0", "align": "center"}),
            "percent": add({**base, "num_format": "0 %", "align": "center"}),
            "note": add({**base, "italic": True, "font_color": "#404040"}),
        }
        for level in self.strategy.status_scale:
            # The strategy's colour lightened until black text on it is easy to read.
            fill = readable_fill(level.color) if level.color else "#FFFFFF"
            formats[f"status:{level.name}"] = add({**base, "text_wrap": True, "bold": True,
                                                   "bg_color": fill, "border": 1,
                                                   "border_color": "#808080"})
        return formats

    def status_format(self, status: str | None) -> Any:
        return self.f.get(f"status:{status}", self.f["wrap"]) if status else self.f["wrap"]

    # -- helpers ------------------------------------------------------------------------------

    def text(self, sheet: Any, row: int, col: int, value: object, fmt: Any = None) -> None:
        text = clean_text("" if value is None else str(value))
        fmt = fmt if fmt is not None else self.f["wrap"]
        if text:
            sheet.write_string(row, col, text, fmt)
        else:
            sheet.write_blank(row, col, None, fmt)

    def page(self, sheet: Any, title: str, *, repeat_header: int | None = None) -> None:
        sheet.set_landscape()
        sheet.set_paper(9)  # A4
        sheet.set_margins(left=0.4, right=0.4, top=0.7, bottom=0.6)
        sheet.fit_to_pages(1, 0)  # as wide as the page, as many pages as needed
        name = clean_text(self.strategy.name).replace("&", "&&")
        sheet.set_header(f"&L&8{name}&R&8{title}, {self.scope}")
        sheet.set_footer("&L&8Koottu kemireportilla&C&8&P (&N)")
        if repeat_header is not None:
            sheet.repeat_rows(repeat_header)

    def table(self, sheet: Any, first_row: int, headers: Sequence[str],
               rows: Sequence[Sequence[Cell]], *, name: str, widths: Sequence[float],
               formats: Sequence[Any] = (), style: str = "Table Style Light 9",
               bold: Sequence[int] = (), nowrap: Sequence[int] = (),
               status: Sequence[int] = ()) -> int:
        """An Excel table with a filter on every column; returns the row after it.

        Rows get heights that fit their wrapped text (``bold`` columns measured as bold);
        ``nowrap`` columns stay on one line and do not count. A ``status`` column's cells that
        name a level of the scale get its colour (``status_format``), with the text itself:
        never colour alone; they are measured as bold.
        """
        for col, width in enumerate(widths):
            sheet.set_column(col, col, width)
        last_row = first_row + max(len(rows), 1)
        numeric = {c for c, value in enumerate(rows[0] if rows else ())
                   if isinstance(value, (int, float))}
        sheet.add_table(first_row, 0, last_row, len(headers) - 1, {
            "name": name,
            "style": style,
            "columns": [{"header": clean_text(h),
                         "header_format": self.f["header_number" if c in numeric else "header"]}
                        for c, h in enumerate(headers)],
        })
        sheet.set_row(first_row, row_height(max(
            line_count(h, w, bold=True) for h, w in zip(headers, widths, strict=True))))
        numbers = self.f["number"]
        text_formats = [self.f["text"] if c in nowrap else self.f["wrap"]
                        for c in range(len(headers))]
        measured = [c not in nowrap for c in range(len(headers))]
        bolder = {*bold, *status}  # status formats are bold
        for r, values in enumerate(rows, start=first_row + 1):
            lines = 1
            for c, value in enumerate(values):
                fmt = formats[c] if c < len(formats) and formats[c] is not None else None
                if value is None or isinstance(value, str):
                    text = clean_text(value or "")
                    if fmt is None and c in status:
                        fmt = self.status_format(text)
                    if text:
                        sheet.write_string(r, c, text, fmt or text_formats[c])
                        if measured[c]:
                            lines = max(lines, line_count(text, widths[c], bold=c in bolder))
                    else:
                        sheet.write_blank(r, c, None, fmt or text_formats[c])
                else:
                    sheet.write_number(r, c, value, fmt or numbers)
            if lines > 1:
                sheet.set_row(r, row_height(lines))
        return last_row + 1


    def count_section(self, sheet: Any, row: int, title: str, first_header: str,
                       categories: list[str], rows: list[list[Cell]], name: str,
                       widths: list[float], *, chart: bool = True) -> int:
        self.text(sheet, row, 0, title, self.f["h2"])
        row += 1
        header_row = row
        after = self.table(sheet, row, [first_header, *categories, "Yhteensä"], rows, name=name,
                            style="Table Style Light 1", widths=widths)
        if not chart:
            return after + 1
        if len(rows) > MAX_CHART_ROWS:
            self.text(sheet, after, 0, "Kaavio jätettiin pois, koska rivejä on liikaa yhteen "
                       "kaavioon. Suodata taulukkoa.", self.f["note"])
            return after + 2
        drawn = self.stacked_chart(title, first_header, categories, header_row, len(rows))
        height = max(240, 110 + 30 * len(rows))
        drawn.set_size({"width": 940, "height": height})
        sheet.insert_chart(after + 1, 0, drawn, {"object_position": 1})
        return after + 2 + (height + 19) // 20 + 1

    def stacked_chart(self, title: str, axis: str, categories: list[str], header_row: int,
                       count: int) -> Any:
        chart = self.book.add_chart({"type": "bar", "subtype": "stacked"})
        first, last = header_row + 1, header_row + count
        colours = {level.name: level.color for level in self.strategy.status_scale}
        for col, name in enumerate(categories, start=1):
            series: dict[str, Any] = {
                "name": ["Yhteenveto", header_row, col],
                "categories": ["Yhteenveto", first, 0, last, 0],
                "values": ["Yhteenveto", first, col, last, col],
                "border": {"color": "#404040", "width": 0.75},
                "gap": 60,
            }
            if name in colours:
                series["fill"] = {"color": readable_fill(colours[name])}
            else:
                series["pattern"] = {"pattern": "dark_downward_diagonal",
                                     "fg_color": "#404040", "bg_color": "#BFBFBF"}
            chart.add_series(series)
        font = {"name": FONT, "size": 9}
        chart.set_title({"name": title, "name_font": {"name": FONT, "size": 11, "bold": True}})
        # A bar chart's category axis is the vertical one: list it top-down like the table.
        chart.set_x_axis({"name": "Toimenpiteitä (kpl)", "name_font": font, "num_font": font,
                          "major_gridlines": {"visible": True,
                                              "line": {"color": "#D9D9D9"}},
                          "num_format": "0"})
        chart.set_y_axis({"name": axis, "name_font": font, "num_font": font, "reverse": True})
        chart.set_legend({"position": "bottom", "font": font})
        return chart


class _Writer(SheetWriter):
    def __init__(self, strategy: Strategy, facts: PeriodFacts, verdict: Verdict,
                 path: Path) -> None:
        period = facts.period
        super().__init__(strategy, path,
                         title=f"{strategy.name}: strategian toteutumisen seuranta {period.label}",
                         subject=f"Seurantakausi {period.label}",
                         scope=f"seurantakausi {period.label}")
        self.period = period
        self.facts = facts
        self.verdict = verdict

    # -- sheets -------------------------------------------------------------------------------

    def write(self) -> None:
        from kemireport.outputs.excel_progress import indicator_sheet, trend_sheet

        self._summary()
        self._deviations()
        self._actions()
        trend_sheet(self, self.facts.progress)
        indicator_sheet(self, self.facts.progress)
        self._changes()
        self._findings()
        self._sdg()
        self.book.close()

    def _summary(self) -> None:
        sheet = self.book.add_worksheet("Yhteenveto")
        self.page(sheet, "Yhteenveto")
        facts = self.facts
        categories = list(facts.category_names)
        widths: list[float] = [30, *([13] * len(categories)), 10]
        self.text(sheet, 0, 0, f"Strategian toteutumisen seuranta {self.period.label}",
                  self.f["title"])
        self.text(sheet, 1, 0, f"{self.strategy.name}, seurantakausi "
                  f"{self.period.long_label}. Koottu {_fi_now()}.", self.f["subtitle"])
        known = facts.known
        added = len(facts.added)
        figures = [
            ("Palauttaneet toimialat",
             f"{len(facts.departments_received)} / {len(facts.departments_expected)}"),
            ("Toimenpiteitä strategiassa", str(len(known))),
            ("Raportoitu (tila ja toteuma kunnossa)",
             f"{facts.complete} / {len(known)} ({_percent(facts.complete, len(known))})"),
            ("Tarkistuksen virheet / varoitukset",
             f"{facts.errors} / {facts.warnings} (katso välilehti Havainnot)"),
            ("Toimialojen lisäämät rivit", f"{added} (ei tunnistetta tai tuntematon tunniste)"
             if added else "0"),
        ]
        row = 3
        for label, value in figures:
            self.text(sheet, row, 0, label, self.f["bold"])
            self.text(sheet, row, 1, value, self.f["text"])
            row += 1
        row += 1

        def rows_of(tallies: tuple[Tally, ...]) -> list[list[Cell]]:
            return [[t.label, *t.counts, t.total] for t in tallies]

        row = self.count_section(sheet, row, "Toimenpiteiden tilat päämäärittäin", "Päämäärä",
                                  categories, rows_of(facts.by_goal),
                                  "Tilat_paamaarittain", widths)
        # Each later section starts a printed page of its own: a chart is never cut in two.
        breaks = [row]
        row = self.count_section(sheet, row, "Toimenpiteiden tilat toimialoittain", "Toimiala",
                                  categories, rows_of(facts.by_department),
                                  "Tilat_toimialoittain", widths)
        breaks.append(row)
        row = self.count_section(sheet, row, "Toimenpiteiden tilat tavoitteittain", "Tavoite",
                                  categories, rows_of(facts.by_objective),
                                  "Tilat_tavoitteittain", widths)
        breaks.append(row)
        sheet.set_h_pagebreaks(breaks)

        self.text(sheet, row, 0, "Palautukset toimialoittain", self.f["h2"])
        row += 1
        actions: Counter[str] = Counter(r.department for r in known)
        done: Counter[str] = Counter(r.department for r in known if r.state == "reported")
        files = {r.department: r.file for r in known if r.file}
        rows: list[list[Cell]] = []
        for approval in facts.approvals:
            code = approval.department
            total = actions[code]
            rows.append([approval.name, "Kyllä" if approval.returned else "Ei", total,
                         done[code], done[code] / total if total else 0.0,
                         approval.approver or ("Ei hyväksyntää" if approval.returned else
                                               "Ei palautusta"),
                         fi_date(approval.approved) if approval.approved else "",
                         files.get(code, "") if approval.returned else ""])
        row = self.table(sheet, row, ["Toimiala", "Palautettu", "Toimenpiteitä", "Raportoitu",
                                      "Raportoitu %", "Hyväksyjä", "Hyväksymispäivä",
                                      "Tiedosto"],
                          rows, name="Palautukset",
                          widths=[widths[0], 13, 13, 13, 13, 26, 13, 30],
                          formats=[None, None, None, None, self.f["percent"], None, None, None],
                          nowrap=(6, 7))
        # The table above set the widths of the columns the count tables share: restore them.
        for col, width in enumerate(widths):
            sheet.set_column(col, col, width)
        self.text(sheet, row + 1, 0, "Raportoitu: tila on asteikolla ja toteuma on "
                   "kirjoitettu. Värit ovat vain apuna: tila on aina myös tekstinä. Sama "
                   "toimenpide voi edistää useaa tavoitetta.", self.f["note"])

    def _deviations(self) -> None:
        sheet = self.book.add_worksheet("Poikkeamat")
        self.page(sheet, "Poikkeamat", repeat_header=2)
        facts = self.facts
        self.text(sheet, 0, 0, "Poikkeamat: syyt, korjaavat toimenpiteet ja uusi aikataulu",
                   self.f["title"])
        if not facts.deviations:
            self.text(sheet, 2, 0, "Yhdenkään toimenpiteen tila ei edellytä selvitystä.",
                       self.f["note"])
            return
        self.text(sheet, 1, 0, f"Toimenpiteet, joiden tila on {deviation_names(facts)}. "
                  "Peräkkäisiä seurantakausia: kuinka monta seurantakautta peräkkäin "
                  "toimenpide on poikennut suunnitelmasta.", self.f["subtitle"])
        headers = ["Tunniste", "Päämäärä", "Toimiala", "Toimenpide", "Tila",
                   "Peräkkäisiä seurantakausia", DEVIATION, NEW_SCHEDULE]
        rows: list[list[Cell]] = [
            [d.record.action_id, self.goals.get(d.record.goal, d.record.goal),
             self.departments.get(d.record.department, d.record.department),
             action_text(d.record), category(d.record), d.streak,
             d.record.deviation or NO_EXPLANATION_CELL, d.record.new_schedule or ""]
            for d in facts.deviations]
        self.table(sheet, 2, headers, rows, name="Poikkeamat",
                    widths=[11, 14, 16, 34, 13, 11, 50, 14], status=(4,))
        sheet.freeze_panes(3, 1)

    def _actions(self) -> None:
        sheet = self.book.add_worksheet("Toimenpiteet")
        columns = action_columns(self.strategy)
        self.page(sheet, "Toimenpiteet", repeat_header=0)
        status_col = next(i for i, c in enumerate(columns) if c.header == "Tila")
        rows = [[col.value(r) for col in columns] for r in self.facts.records]
        self.table(sheet, 0, [c.header for c in columns], rows, name="Toimenpiteet",
                    widths=[c.width for c in columns], status=(status_col,),
                    nowrap=[i for i, c in enumerate(columns) if not c.wrap])
        sheet.freeze_panes(1, 2)
        printed = [i for i, c in enumerate(columns) if c.printed]
        sheet.print_area(0, 0, max(len(rows), 1), max(printed))

    def _changes(self) -> None:
        sheet = self.book.add_worksheet("Muutokset")
        self.page(sheet, "Muutokset")
        previous = self.facts.previous_period
        self.text(sheet, 0, 0, "Muutokset edelliseen seurantakauteen", self.f["title"])
        if previous is None:
            self.text(sheet, 2, 0, f"{NO_PREVIOUS} Muutokset näkyvät täällä, kun seuraavan "
                      "seurantakauden tiedot kootaan.", self.f["note"])
            return
        self.text(sheet, 1, 0, changes_sentence(self.facts), self.f["subtitle"])
        moved = [c for c in self.facts.changes if c.kind != "unchanged"]
        if not moved:
            self.text(sheet, 3, 0, "Yhdenkään toimenpiteen tila tai raportointi ei "
                       "muuttunut.", self.f["note"])
            return
        header_row = 3
        headers = ["Tunniste", "Päämäärä", "Toimiala", "Toimenpide", "Muutos",
                   status_at(previous), status_at(self.period)]
        self.table(sheet, header_row, headers, [self._change_row(c) for c in moved],
                    name="Muutokset", widths=[11, 15, 17, 44, 15, 20, 20], status=(5, 6))
        sheet.repeat_rows(header_row)
        sheet.freeze_panes(header_row + 1, 0)

    def _change_row(self, change: Change) -> list[Cell]:
        return [change.action_id, self.goals.get(change.goal, change.goal),
                self.departments.get(change.department, change.department),
                change.toimenpiteet or NO_ACTION_TEXT, CHANGE_LABELS[change.kind],
                change.previous_status or NOT_REPORTED, change.status or NOT_REPORTED]

    def _findings(self) -> None:
        sheet = self.book.add_worksheet("Havainnot")
        self.page(sheet, "Havainnot", repeat_header=0)
        findings = self.verdict.sorted_findings()
        if not findings:
            self.text(sheet, 0, 0, "Tarkistuksessa ei havaittu virheitä eikä varoituksia.",
                      self.f["note"])
            return
        headers = ["Vakavuus", "Koodi", "Havainto", "Korjausohje", "Toimiala", "Tiedosto",
                   "Välilehti", "Solu", "Tunniste"]
        rows: list[list[Cell]] = [
            [SEVERITY_LABELS.get(f.severity, f.severity), f.code, f.title, f.message,
             self.departments.get(f.department or "", f.department or ""), f.file or "",
             f.sheet or "", f.cell or "", f.row_id or ""] for f in findings]
        self.table(sheet, 0, headers, rows, name="Havainnot",
                    widths=[9, 20, 20, 60, 16, 22, 15, 6, 11], nowrap=(1, 7))
        sheet.freeze_panes(1, 0)

    def _sdg(self) -> None:
        sheet = self.book.add_worksheet("SDG")
        self.page(sheet, "SDG")
        depts = list(self.strategy.departments)
        self.text(sheet, 0, 0, "Toimenpiteet YK:n kestävän kehityksen tavoitteittain (SDG)",
                   self.f["title"])
        self.text(sheet, 1, 0, "Toimenpiteiden määrä kestävän kehityksen tavoitteittain ja "
                  "toimialoittain. Sama toimenpide voi edistää useaa tavoitetta.",
                  self.f["subtitle"])
        widths: list[float] = [6, 40, *([16] * max(len(depts), 3)), 10]
        if len(depts) <= MAX_CHART_ROWS:
            # A goal per row and a department per column: the view a board member asks for.
            headers = ["SDG", SDG_GOAL, *[d.name for d in depts], "Yhteensä"]
            rows: list[list[Cell]] = [
                [str(s.number), s.name, *[s.count(d.code) for d in depts], len(s.records)]
                for s in self.facts.sdg]
        else:
            # Too many departments for columns: one row per goal and department that meet.
            headers = ["SDG", SDG_GOAL, "Toimiala", "Toimenpiteitä"]
            rows = [[str(s.number), s.name, self.departments.get(code, code), s.count(code)]
                    for s in self.facts.sdg
                    for code in sorted({r.department for r in s.records})]
        row = self.table(sheet, 3, headers, rows, name="SDG_maarat",
                          style="Table Style Light 1", widths=widths[:len(headers)])
        row += 1
        self.text(sheet, row, 0, "Toimenpiteet tavoitteittain", self.f["h2"])
        row += 1
        # The same columns as the counts above, so that the widths suit both tables.
        detail: list[list[Cell]] = [
            [str(s.number), action_text(r), r.action_id,
             self.departments.get(r.department, r.department), category(r)]
            for s in self.facts.sdg for r in s.records
        ]
        if detail:
            self.table(sheet, row, ["SDG", "Toimenpide", "Tunniste", "Toimiala", "Tila"],
                        detail, name="SDG_toimenpiteet", widths=widths[:5])
        else:
            self.text(sheet, row, 0, "Yhtäkään toimenpidettä ei ole liitetty kestävän "
                      "kehityksen tavoitteisiin.", self.f["note"])


def _percent(part: int, whole: int) -> str:
    if not whole:
        return "0 %"
    return f"{round(100 * part / whole)} %"


def _fi_now() -> str:
    now = _dt.datetime.now()
    return f"{now.day}.{now.month}.{now.year} klo {now:%H.%M}"
