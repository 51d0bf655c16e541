"""Department reporting workbooks: one .xlsx per department and period.

Layout of every workbook (the reader relies on the contract, not on these positions):

- ``Ohjeet`` (first, active): the instructions, written by ``instructions``.
- One data sheet per strategic goal, named after the goal, in strategy order:
  rows 1–3 a title (goal; department and period; what to fill, or that the department has no
  actions under this goal), row 4 the header row ``contract.ALL_HEADERS`` in columns A–J (the
  contract's eight, then the deviation and new-schedule columns), from row 5 one row per action
  of the department under that goal, in strategy order. When the strategy gives the
  department's table under that goal SDG goals of its own (``Strategy.table_sdg``), row 4 names
  them (merged across the columns) and the header row and the actions move down by one.
- ``contract.IDENTITY_SHEET`` (last, hidden, protected): ``key | value`` rows in columns A–B.

Same strategy + period + settings give byte-identical files: the workbook's creation time is
derived from the period and xlsxwriter stamps zip members with a fixed date.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from kemireport import __version__
from kemireport.core.atomic import atomic_path
from kemireport.core.finnish import fi_date, or_list, quote, word_list
from kemireport.core.ooxml import readable_fill
from kemireport.core.period import Period
from kemireport.core.settings import Settings
from kemireport.core.textfit import FONT, FONT_SIZE, line_count, row_height
from kemireport.errors import ConfigError
from kemireport.strategy import Action, Department, Goal, Indicator, Point, Strategy
from kemireport.templates.contract import (
    ALL_HEADERS,
    CARRIED_FROM_KEY,
    CARRIED_PREFIX,
    DEVIATION,
    IDENTITY_FINGERPRINT_KEY,
    IDENTITY_KEYS,
    IDENTITY_PRODUCT,
    IDENTITY_SHEET,
    INDICATOR_HEADERS,
    INDICATOR_SHEET,
    INSTRUCTIONS_SHEET,
    NEW_SCHEDULE,
    PROTECTION,
    SOURCE,
    TEMPLATE_VERSION,
    VALUE,
    identity_fingerprint,
    text_fingerprint,
)
from kemireport.templates.instructions import instruction_lines, write_instructions

Carry = Mapping[str, tuple[str, str]]  # action id -> (previous status, previous toteuma)

# -- layout (0-based indices, as xlsxwriter takes them) -----------------------------------------

HEADER_ROW = 3  # spreadsheet row 4; one lower on a sheet that names its table's SDG goals
TABLE_SDG_ROW = 3  # spreadsheet row 4, above the header row, when the table has SDG goals
COLUMN_WIDTHS: dict[str, float] = {  # in Excel's character units (Arial 10)
    "Tunniste": 12, "Tavoite": 17, "Toimenpiteet": 24, "Vastuu ja aikataulu": 15,
    "Mittarit, arviointi": 16, "Tila": 13, "Toteuma": 28, "SDG": 6,
    DEVIATION: 26, NEW_SCHEDULE: 12,
}  # 169 in all: A4 landscape at about 88 %
COL = {header: index for index, header in enumerate(ALL_HEADERS)}

MIN_DATA_LINES = 5  # room to write a few sentences of Toteuma
LOCKED_FILL = "#F2F2F2"
ASK_FILL = "#FFF2CC"  # an explanation is expected here
HEADER_FILL = "#D9E2F3"
BORDER_COLOR = "#A6A6A6"



# -- public API ---------------------------------------------------------------------------------


def write_templates(strategy: Strategy, period: Period, output_dir: Path, *,
                    settings: Settings, carry: Carry | None = None,
                    carry_period: Period | None = None) -> list[Path]:
    """Write one workbook per department into ``output_dir/<period id>/``; return the paths."""
    reserved = {INSTRUCTIONS_SHEET.casefold(), IDENTITY_SHEET.casefold(),
                INDICATOR_SHEET.casefold()}
    clashing = [g.name for g in strategy.goals if g.name.casefold() in reserved]
    if clashing:  # Excel sheet names are unique regardless of case
        raise ConfigError(
            f"Strategian {strategy.source or strategy.id} päämäärän nimi '{clashing[0]}' on "
            f"varattu pohjan omalle välilehdelle; nimeä päämäärä toisin."
        )
    folder = Path(output_dir) / period.id
    names = template_filenames(period, strategy.departments)
    return [
        write_template(strategy, period, dept, folder / names[dept.code], settings=settings,
                       carry=carry, carry_period=carry_period)
        for dept in strategy.departments
    ]


def write_template(strategy: Strategy, period: Period, department: Department, target: Path,
                   *, settings: Settings, carry: Carry | None = None,
                   carry_period: Period | None = None) -> Path:
    """Write one department's workbook to ``target`` (atomically).

    ``carry`` pre-fills Tila and Toteuma with the answers of ``carry_period`` (default: the
    previous period).
    """
    with atomic_path(Path(target)) as tmp:
        _TemplateWriter(strategy, period, department, settings, carry or {},
                        carry_period or period.previous()).write(tmp)
    return Path(target)


def template_filenames(period: Period, departments: Sequence[Department]) -> dict[str, str]:
    """File name per department code: readable Finnish, safe on Windows, unique."""
    names: dict[str, str] = {}
    taken: set[str] = set()
    for dept in departments:
        name = template_filename(period, dept)
        if name.casefold() in taken:  # Windows file names ignore case
            name = f"{period.id}_{_safe_name(dept.name)}_{dept.code}.xlsx"
        taken.add(name.casefold())
        names[dept.code] = name
    return names


def template_filename(period: Period, department: Department) -> str:
    return f"{period.id}_{_safe_name(department.name) or department.code}.xlsx"


def identity_values(strategy: Strategy, period: Period, department: Department) -> dict[str, str]:
    """The identity a workbook carries, as text (a version number must survive as text)."""
    values = {
        "tuote": IDENTITY_PRODUCT,
        "pohjan_versio": str(TEMPLATE_VERSION),
        "strategia": strategy.id,
        "strategian_tarkiste": strategy.fingerprint(department.code),
        "toimiala": department.code,
        "kausi": period.id,
        "luotu_ohjelmalla": f"kemireport {__version__}",
    }
    values[IDENTITY_FINGERPRINT_KEY] = identity_fingerprint(values)
    return {key: values[key] for key in IDENTITY_KEYS}


# -- helpers ------------------------------------------------------------------------------------

_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]+')


def _safe_name(name: str) -> str:
    text = unicodedata.normalize("NFC", name)
    text = " ".join(_UNSAFE.sub("-", text).split())
    return text[:100].rstrip(". ")


def _header_text(text: str) -> str:
    return text.replace("&", "&&")  # '&' starts a code in Excel's header/footer language


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _write_text(sheet: Any, row: int, col: int, text: str, style: Any) -> None:
    """Text as text (never a formula); an empty cell stays truly empty, with its format."""
    if text:
        sheet.write_string(row, col, text, style)
    else:
        sheet.write_blank(row, col, None, style)


def xl_col(index: int) -> str:
    """A column letter as Excel writes it (0 → A)."""
    from xlsxwriter.utility import xl_col_to_name

    return str(xl_col_to_name(index))


def _point_text(point: Point | None) -> str:
    """A baseline or a target as a Finn reads it: "29 (2021)"."""
    if point is None:
        return ""
    value = f"{point.value:g}".replace(".", ",")
    return f"{value} ({point.year})"


def _sdg_text(action: Action) -> str:
    return ", ".join(str(n) for n in action.sdg)


def table_sdg_sentence(strategy: Strategy, numbers: Sequence[int],
                       actions: Sequence[Action]) -> str:
    """The line above a goal sheet's header row naming its table's SDG goals, and what an empty
    SDG cell then means (a row's own goals, pre-filled, win over its table's)."""
    named = [f"{n} {strategy.sdg.get(n, '')}".strip() for n in numbers]
    listed = word_list(named, "sekä")
    if any(action.sdg for action in actions):
        empty = ("Rivi, jonka SDG-solua ei ole täytetty valmiiksi, liitetään näihin "
                 "tavoitteisiin, jos sen SDG-solu jätetään tyhjäksi.")
    else:
        empty = "Jos rivin SDG-solu jätetään tyhjäksi, rivi liitetään näihin tavoitteisiin."
    return ("Strategia liittää tämän taulukon toimenpiteet YK:n kestävän kehityksen "
            f"tavoitteisiin {listed}. {empty}")


# -- the writer ---------------------------------------------------------------------------------


class _TemplateWriter:
    def __init__(self, strategy: Strategy, period: Period, department: Department,
                 settings: Settings, carry: Carry, carry_period: Period) -> None:
        self.strategy = strategy
        self.carry_period = carry_period
        self.period = period
        self.dept = department
        self.settings = settings
        self.carry = {k: v for k, v in carry.items()
                      if any(a.id == k for a in strategy.actions_for(department.code))}
        self.fmt: dict[str, Any] = {}
        self.status_range = ""  # where the Tila list lives on the instructions sheet

    def write(self, path: Path) -> None:
        import xlsxwriter

        workbook = xlsxwriter.Workbook(str(path), {
            "in_memory": True,
            "strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False,
            "default_format_properties": {"font_name": FONT, "font_size": FONT_SIZE},
            "default_row_height": 17, "default_column_width": 64,
        })
        self._formats(workbook)
        self._properties(workbook)
        lines = instruction_lines(self.strategy, self.dept, self.period, self.settings,
                                  carried=bool(self.carry))
        cells = write_instructions(
            workbook.add_worksheet(INSTRUCTIONS_SHEET), lines, self.fmt,
            header=f"&L{_header_text(self.dept.name)}&R{_header_text(self.period.label)}",
            period=self.period)
        self.status_range = cells.status_range
        for name, reference in cells.inputs.items():
            workbook.define_name(name, reference)
        for goal in self.strategy.goals:
            self._goal_sheet(workbook.add_worksheet(goal.name), goal)
        indicators = self.strategy.indicators_for(self.dept.code)
        if indicators:
            self._indicator_sheet(workbook.add_worksheet(INDICATOR_SHEET), indicators)
        self._identity(workbook.add_worksheet(IDENTITY_SHEET))
        workbook.close()

    def _formats(self, workbook: Any) -> None:
        base = {"font_name": FONT, "font_size": FONT_SIZE, "valign": "top", "text_wrap": True}
        cell = {**base, "border": 1, "border_color": BORDER_COLOR}
        specs: dict[str, dict[str, Any]] = {
            "title": {"font_name": FONT, "bold": True, "font_size": 14},
            "subtitle": {"font_name": FONT, "bold": True, "font_size": 11},
            "hint": {"font_name": FONT, "font_size": FONT_SIZE, "italic": True},
            "header": {**cell, "bold": True, "bg_color": HEADER_FILL, "valign": "vcenter"},
            "id": {**cell, "bold": True, "bg_color": LOCKED_FILL},
            "locked": {**cell, "bg_color": LOCKED_FILL},
            "open": {**cell, "locked": False},
            "open_date": {**cell, "locked": False, "num_format": "d.m.yyyy", "align": "left"},
            # A number as the person types it: the decimal comma is the locale's, not ours.
            "open_number": {**cell, "locked": False, "num_format": "General", "align": "right"},
            "carried": {**cell, "locked": False, "italic": True, "font_color": "#404040"},
            "label": {**base, "bold": True},
            "text": base,
            "heading": {"font_name": FONT, "bold": True, "font_size": 12},
            "plain": {"font_name": FONT, "font_size": FONT_SIZE},
        }
        self.fmt = {name: workbook.add_format(spec) for name, spec in specs.items()}
        for level in self.strategy.status_scale:
            fill = readable_fill(level.color) if level.color else "#FFFFFF"
            self.fmt[f"status:{level.name}"] = workbook.add_format(
                {**base, "bold": True, "bg_color": fill, "border": 1,
                 "border_color": BORDER_COLOR})
            self.fmt[f"cf:{level.name}"] = workbook.add_format(
                {"bg_color": fill, "font_color": "#000000"})
        self.fmt["cf:ask"] = workbook.add_format({"bg_color": ASK_FILL, "font_color": "#000000"})

    def _properties(self, workbook: Any) -> None:
        organisation = self.settings.organisation or self.strategy.organisation
        workbook.set_properties({
            "title": f"{self.strategy.name}: {self.dept.name}, {self.period.label}",
            "subject": f"Strategian toteutumisen seuranta, seurantakausi {self.period.label}",
            "author": organisation,
            "company": organisation,
            "keywords": "kemireport, strategia, seuranta",
            "comments": "Täytä Tila ja Toteuma sekä tarvittaessa SDG. Ohjeet ovat "
                        "Ohjeet-välilehdellä.",
            "created": datetime(self.period.start.year, self.period.start.month,
                                self.period.start.day),
        })
        for key, value in identity_values(self.strategy, self.period, self.dept).items():
            workbook.set_custom_property(f"kemireport_{key}", value, "text")

    # -- sheets -------------------------------------------------------------------------------

    def _sheet_top(self, sheet: Any, title: str) -> None:
        """A sheet's title, and under it the department and the period."""
        sheet.write_string(0, 0, title, self.fmt["title"])
        sheet.set_row(0, 22)
        sheet.write_string(1, 0, f"{self.dept.name}, seurantakausi {self.period.long_label}",
                           self.fmt["subtitle"])
        sheet.set_row(1, 18)

    def _goal_sheet(self, sheet: Any, goal: Goal) -> None:
        actions = self.strategy.actions_for(self.dept.code, goal.code)
        table_sdg = self.strategy.table_sdg(goal.code, self.dept.code) if actions else ()
        header_row = HEADER_ROW + 1 if table_sdg else HEADER_ROW
        first_data_row = header_row + 1
        for header, index in COL.items():
            sheet.set_column(index, index, COLUMN_WIDTHS[header])
        self._sheet_top(sheet, goal.name)
        deviations = self.strategy.deviation_statuses
        listed = or_list([quote(d) for d in deviations])
        explain = (f"Jos tila on {listed}, kerro myös poikkeaman syy, korjaavat toimenpiteet ja "
                   "uusi aikataulu. " if deviations else "")
        hint = (
            "Täytä jokaiselle riville Tila ja Toteuma sekä tarvittaessa SDG (valkoiset solut). "
            f"{explain}Harmaat sarakkeet ovat strategian tekstiä. Ohjeet ovat "
            "Ohjeet-välilehdellä."
            if actions else
            f"Toimialalla {self.dept.name} ei ole toimenpiteitä tämän päämäärän alla. "
            "Tälle välilehdelle ei täytetä mitään."
        )
        sheet.write_string(2, 0, hint, self.fmt["hint"])
        if table_sdg:
            sentence = table_sdg_sentence(self.strategy, table_sdg, actions)
            sheet.merge_range(TABLE_SDG_ROW, 0, TABLE_SDG_ROW, len(ALL_HEADERS) - 1, sentence,
                              self.fmt["text"])
            width = sum(COLUMN_WIDTHS.values())
            sheet.set_row(TABLE_SDG_ROW, row_height(line_count(sentence, width)) + 4)
        for header, index in COL.items():
            sheet.write_string(header_row, index, header, self.fmt["header"])
        sheet.set_row(header_row, row_height(2))
        for offset, action in enumerate(actions):
            self._action_row(sheet, first_data_row + offset, action)
        if actions:
            self._reporting_cells(sheet, first_data_row, first_data_row + len(actions) - 1)
            sheet.set_selection(first_data_row, COL["Tila"], first_data_row, COL["Tila"])
        sheet.freeze_panes(first_data_row, 0)
        self._print_and_protect(sheet, header_row)

    def _print_and_protect(self, sheet: Any, header_row: int) -> None:
        """A4 landscape, one page wide, the header row on every page, the department and the
        period in the page header; then the sheet is protected (answer cells stay open)."""
        sheet.set_paper(9)
        sheet.set_landscape()
        sheet.fit_to_pages(1, 0)
        sheet.repeat_rows(header_row)
        sheet.set_margins(left=0.4, right=0.4, top=0.75, bottom=0.75)
        sheet.set_header(f"&L{_header_text(self.dept.name)}&C&A&R{_header_text(self.period.label)}")
        sheet.set_footer("&C&P (&N)")
        sheet.protect("", PROTECTION)

    def _action_row(self, sheet: Any, row: int, action: Action) -> None:
        texts = {"Tunniste": action.id, **self.strategy.strategy_texts(action)}
        for header, text in texts.items():
            style = self.fmt["id"] if header == "Tunniste" else self.fmt["locked"]
            sheet.write_string(row, COL[header], text, style)
        status, toteuma = self.carry.get(action.id, ("", ""))
        style = self.fmt["carried"] if action.id in self.carry else self.fmt["open"]
        _write_text(sheet, row, COL["Tila"], status, style)
        _write_text(sheet, row, COL["Toteuma"], toteuma, style)
        _write_text(sheet, row, COL["SDG"], _sdg_text(action), self.fmt["open"])
        for header in (DEVIATION, NEW_SCHEDULE):
            sheet.write_blank(row, COL[header], None, self.fmt["open"])
        if action.id in self.carry:
            sheet.write_comment(row, COL["Toteuma"], (
                f"Edellisen seurantakauden ({self.carry_period.label}) tila ja toteuma. "
                f"Päivitä ne kuvaamaan seurantakautta {self.period.label}."),
                {"author": "kemireport"})
        cells = {**texts, "Tila": status, "Toteuma": toteuma, "SDG": _sdg_text(action)}
        lines = max(line_count(text, COLUMN_WIDTHS[h], bold=h == "Tunniste")
                    for h, text in cells.items())
        sheet.set_row(row, row_height(max(lines, MIN_DATA_LINES)))

    def _reporting_cells(self, sheet: Any, first: int, last: int) -> None:
        """Dropdown, messages and status colours of the open columns, rows ``first..last``."""
        names = list(self.strategy.status_names)
        inline = ",".join(names)
        source: str | list[str] = names
        if len(inline) > 255 or any("," in name for name in names):
            source = self.status_range  # too long or ambiguous for an inline list
        listed = ", ".join(names)
        error = f"Valitse tila luettelosta: {listed}."
        if len(error) > 255:
            error = "Valitse tila solun pudotusvalikosta. Tilat on lueteltu Ohjeet-välilehdellä."
        tila = COL["Tila"]
        sheet.data_validation(first, tila, last, tila, {
            "validate": "list", "source": source, "ignore_blank": True,
            "input_title": "Tila",
            "input_message": "Valitse luettelosta toimenpiteen tila "
                             f"{fi_date(self.period.end)}.",
            "error_type": "stop", "error_title": "Virheellinen tila",
            "error_message": error,
        })
        sdg = COL["SDG"]
        sheet.data_validation(first, sdg, last, sdg, {
            "validate": "any", "input_title": "SDG",
            "input_message": "YK:n kestävän kehityksen tavoitteiden numerot 1–17 pilkulla "
                             "erotettuina, esim. 3, 4. Nimet ovat Ohjeet-välilehdellä.",
        })
        for level in self.strategy.status_scale:
            sheet.conditional_format(first, tila, last, tila, {
                "type": "cell", "criteria": "==", "value": _quoted(level.name),
                "format": self.fmt[f"cf:{level.name}"],
            })
        deviations = self.strategy.deviation_statuses
        if not deviations:
            return
        listed = or_list([quote(d) for d in deviations])
        deviation, schedule = COL[DEVIATION], COL[NEW_SCHEDULE]
        sheet.data_validation(first, deviation, last, deviation, {
            "validate": "any", "input_title": "Poikkeama",
            "input_message": f"Täytä, kun Tila on {listed}: miksi toimenpide poikkeaa "
                             "suunnitelmasta ja mitä asialle tehdään.",
        })
        sheet.data_validation(first, schedule, last, schedule, {
            "validate": "any", "input_title": "Uusi aikataulu",
            "input_message": "Milloin toimenpiteen arvioidaan valmistuvan tai jatkuvan, "
                             "esim. 6/2026 tai syksy 2026.",
        })
        # The explanation cell asks for attention while a deviation is unexplained; the
        # validation finding says it in words, so the fill is only a nudge.
        status_cell = f"${xl_col(tila)}{first + 1}"
        wanted = ",".join(f"{status_cell}={_quoted(name)}" for name in deviations)
        sheet.conditional_format(first, deviation, last, deviation, {
            "type": "formula",
            "criteria": f"=AND(OR({wanted}),LEN(TRIM({xl_col(deviation)}{first + 1}))=0)",
            "format": self.fmt["cf:ask"],
        })

    def _indicator_sheet(self, sheet: Any, indicators: Sequence[Indicator]) -> None:
        """One row per indicator: the strategy's words locked, the value and its source open."""
        widths = {"Tunniste": 15, "Toimenpide": 12, "Mittari": 34, "Yksikkö": 12,
                  "Parempi suunta": 12, "Lähtötaso": 12, "Tavoite": 12, VALUE: 12, SOURCE: 40}
        columns = {header: index for index, header in enumerate(INDICATOR_HEADERS)}
        for header, index in columns.items():
            sheet.set_column(index, index, widths[header])
        self._sheet_top(sheet, "Mittarit")
        sheet.write_string(2, 0, "Kirjoita Arvo-soluun mittarin arvo seurantakauden lopussa "
                           "pelkkänä lukuna (esim. 24 tai 31,5) ja Lähde tai huomio -soluun, "
                           "mistä luku on peräisin. Jos arvoa ei vielä ole, jätä Arvo tyhjäksi "
                           "ja kerro syy Lähde tai huomio -solussa.", self.fmt["hint"])
        header_row = HEADER_ROW
        for header, index in columns.items():
            sheet.write_string(header_row, index, header, self.fmt["header"])
        sheet.set_row(header_row, row_height(2))
        first = header_row + 1
        for offset, indicator in enumerate(indicators):
            row = first + offset
            better = "kasvu" if indicator.direction == "up" else "lasku"
            texts = {"Tunniste": indicator.id, "Toimenpide": indicator.action,
                     "Mittari": indicator.name, "Yksikkö": indicator.unit,
                     "Parempi suunta": better,
                     "Lähtötaso": _point_text(indicator.baseline),
                     "Tavoite": _point_text(indicator.target)}
            for header, text in texts.items():
                style = self.fmt["id"] if header == "Tunniste" else self.fmt["locked"]
                _write_text(sheet, row, columns[header], text, style)
            sheet.write_blank(row, columns[VALUE], None, self.fmt["open_number"])
            sheet.write_blank(row, columns[SOURCE], None, self.fmt["open"])
            lines = max(line_count(indicator.name, widths["Mittari"]), 2)
            sheet.set_row(row, row_height(lines))
        last = first + len(indicators) - 1
        value = columns[VALUE]
        sheet.data_validation(first, value, last, value, {
            "validate": "decimal", "criteria": "between", "minimum": -1e12, "maximum": 1e12,
            "input_title": "Arvo", "input_message": "Pelkkä luku, esim. 24 tai 31,5 "
                                                     "(yksikkö on Yksikkö-sarakkeessa).",
            "error_type": "stop", "error_title": "Arvo ei ole luku",
            "error_message": "Kirjoita arvo pelkkänä lukuna, esim. 24 tai 31,5. Yksikköä ei "
                             "kirjoiteta soluun.",
        })
        sheet.freeze_panes(first, 0)
        sheet.set_selection(first, value, first, value)
        self._print_and_protect(sheet, header_row)

    def _identity(self, sheet: Any) -> None:
        sheet.set_column(0, 0, 22)
        sheet.set_column(1, 1, 40)
        values = identity_values(self.strategy, self.period, self.dept)
        if self.carry:
            # Fingerprints of the carried texts: validation warns when one comes back unchanged.
            values[CARRIED_FROM_KEY] = self.carry_period.id
            for action_id, (_, toteuma) in sorted(self.carry.items()):
                if toteuma:
                    values[f"{CARRIED_PREFIX}{action_id}"] = text_fingerprint(toteuma)
        for row, (key, value) in enumerate(values.items()):
            sheet.write_string(row, 0, key, self.fmt["plain"])
            sheet.write_string(row, 1, value, self.fmt["plain"])
        sheet.protect("", PROTECTION)
        sheet.hide()

