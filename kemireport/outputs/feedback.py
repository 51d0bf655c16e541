"""Feedback copies: the department's own workbook with every problem cell marked.

The copy is the original re-saved with openpyxl (the original is read into memory and never
opened for writing), so the hidden identity sheet, sheet protection, dropdowns and the
department's text all survive: the department fixes the marked cells in the copy, returns it,
and it validates. Each problem cell gets a fill, a thick border *and* a comment (colour is never
the only signal), and a first sheet "Palaute" lists every finding with a link to its cell.
A deleted action row is put back at the end of its goal's sheet, ready to be filled.
"""

from __future__ import annotations

import io
import logging
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kemireport.core.atomic import atomic_path
from kemireport.core.findings import Finding
from kemireport.errors import ConfigError
from kemireport.outputs.wording import points
from kemireport.strategy import Strategy
from kemireport.templates.contract import HEADER_SEARCH_ROWS, HEADERS, OPEN_COLUMNS

if TYPE_CHECKING:
    from kemireport.checks.validation import Validation

_log = logging.getLogger(__name__)

SHEET = "Palaute"
AUTHOR = "kemireport"
# Light red / light yellow: black text on them stays easy to read.
_FILLS = {"error": "FFC7CE", "warning": "FFEB9C"}
_BORDER = "C00000"
_SEVERITY_WORD = {"error": "Virhe", "warning": "Varoitus"}
_COLUMNS = (("Vakavuus", 10), ("Havainto", 34), ("Välilehti", 24), ("Solu", 7),
            ("Tunniste", 16), ("Korjausohje", 80))


def write_feedback(strategy: Strategy, validation: Validation, input_dir: Path,
                   target_dir: Path) -> list[Path]:
    """A marked copy of each accepted return with errors or warnings; returns the paths written."""
    source_root = Path(input_dir).resolve()
    target_root = Path(target_dir).resolve()
    if target_root == source_root or source_root in target_root.parents:
        raise ConfigError(
            f"Palautekopioiden kansio {target_dir} on palautuskansion sisällä. Valitse muu "
            "kansio (oletus output/KAUSI/palaute), jotta palautuksia ei muuteta eikä kopioita "
            "lueta seuraavalla kerralla palautuksina."
        )
    written = []
    # The real names on disk: a shown name may carry escapes for bytes that are not UTF-8.
    sources = validation.sources
    for department in strategy.departments:
        workbook = validation.accepted.get(department.code)
        if workbook is None:
            continue
        findings = [
            f for f in validation.verdict.sorted_findings()
            if f.department == department.code and f.file == workbook.file
            and f.severity in ("error", "warning")
        ]
        if not findings:
            continue
        target = Path(target_dir) / workbook.file
        data = Path(sources.get(workbook.file) or Path(input_dir) / workbook.file).read_bytes()
        try:
            marked = _mark(strategy, validation, department.code, data, findings)
        except Exception:
            # calamine read it but openpyxl cannot: one odd workbook must not cost the other
            # departments their copies, and its findings are in the report anyway.
            _log.warning("Palautekopiota ei voitu tehdä tiedostosta %s", workbook.file,
                         exc_info=True)
            continue
        with atomic_path(target) as tmp:
            marked.save(tmp)
        written.append(target)
    return written


def _mark(strategy: Strategy, validation: Validation, department: str, data: bytes,
          findings: list[Finding]) -> Any:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data))
    if SHEET in book.sheetnames:  # feedback on a returned feedback copy: replace the old list
        del book[SHEET]
    by_cell: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    restored: dict[str, tuple[str, str]] = {}  # row id -> (sheet, cell) of the row put back
    for finding in findings:
        if finding.code == "row-missing" and finding.row_id and finding.sheet:
            place = _restore_row(strategy, book, finding.sheet, finding.row_id)
            if place is not None:
                restored[finding.row_id] = place
                by_cell[place].append(finding)
        elif finding.sheet and finding.cell and finding.sheet in book.sheetnames:
            by_cell[(finding.sheet, finding.cell)].append(finding)
    for (sheet, cell), found in by_cell.items():
        _highlight(book[sheet][cell], found)
    _palaute_sheet(strategy, validation, department, book, findings, restored)
    return book


def _highlight(cell: Any, findings: list[Finding]) -> None:
    from openpyxl.comments import Comment
    from openpyxl.styles import Border, PatternFill, Side

    worst = "error" if any(f.severity == "error" for f in findings) else "warning"
    cell.fill = PatternFill("solid", start_color=_FILLS[worst], end_color=_FILLS[worst])
    thick = Side(style="thick", color=_BORDER)
    cell.border = Border(left=thick, right=thick, top=thick, bottom=thick)
    text = "\n\n".join(f"{_SEVERITY_WORD[f.severity]}: {f.message}" for f in findings)
    old = cell.comment
    if old is not None and old.author != AUTHOR:
        text = f"{text}\n\n(Aiempi kommentti: {old.text})"
    comment = Comment(text, AUTHOR)
    comment.width = 360
    comment.height = min(60 + 18 * (len(text) // 45 + 1), 400)
    cell.comment = comment


def _header(sheet: Any) -> tuple[int, dict[str, int]] | None:
    """The contract header row of a data sheet (1-based) and its columns (1-based)."""
    for cells in sheet.iter_rows(min_row=1, max_row=HEADER_SEARCH_ROWS):
        columns = {" ".join(str(c.value).split()): c.column for c in cells
                   if isinstance(c.value, str) and " ".join(c.value.split()) in HEADERS}
        if "Tunniste" in columns and len(columns) >= 3:
            return cells[0].row, columns
    return None


def _restore_row(strategy: Strategy, book: Any, sheet_name: str,
                 action_id: str) -> tuple[str, str] | None:
    """Put a deleted action row back after the sheet's last row; its Tunniste cell's address."""
    from copy import copy

    from openpyxl.styles import Alignment, Protection

    action = strategy.action(action_id)
    if action is None or sheet_name not in book.sheetnames:
        return None
    sheet = book[sheet_name]
    found = _header(sheet)
    if found is None:
        return None
    header_row, columns = found
    last = header_row
    for cells in sheet.iter_rows(min_row=header_row + 1):
        if any(c.value not in (None, "") for c in cells):
            last = cells[0].row
    new = last + 1
    texts: dict[str, str] = {"Tunniste": action.id, **strategy.strategy_texts(action),
                             "SDG": ", ".join(str(n) for n in action.sdg)}
    for header, column in columns.items():
        cell = sheet.cell(row=new, column=column)
        model = sheet.cell(row=last, column=column) if last > header_row else None
        if model is not None and model.has_style:
            cell._style = copy(model._style)  # the same look as the rows around it
        else:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        # Whatever the model row was, the strategy stays locked and the answers open.
        cell.protection = Protection(locked=header not in OPEN_COLUMNS)
        value = texts.get(header, "")
        if value:
            cell.value = value
            cell.data_type = "s"  # text from the strategy, never a formula
        for validation in sheet.data_validations.dataValidation:
            covers_column = any(r.min_col <= column <= r.max_col and r.max_row > header_row
                                for r in validation.sqref.ranges)
            if covers_column and cell.coordinate not in validation.sqref:
                validation.sqref.add(cell.coordinate)  # the Tila dropdown reaches the new row
    if last > header_row and sheet.row_dimensions[last].height:
        sheet.row_dimensions[new].height = sheet.row_dimensions[last].height
    return sheet_name, sheet.cell(row=new, column=columns["Tunniste"]).coordinate


def _palaute_sheet(strategy: Strategy, validation: Validation, department: str, book: Any,
                   findings: list[Finding], restored: dict[str, tuple[str, str]]) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.hyperlink import Hyperlink

    from kemireport.core.textfit import FONT, FONT_SIZE, line_count, row_height

    sheet = book.create_sheet(SHEET, 0)
    for other in book.worksheets:
        other.sheet_view.tabSelected = False
    book.active = 0
    sheet.sheet_view.tabSelected = True
    name = strategy.department(department).name
    period = validation.period
    errors = sum(1 for f in findings if f.severity == "error")
    warnings = len(findings) - errors
    _text(sheet.cell(1, 1), f"Palaute: {name}, seurantakausi {period.label}")
    sheet.cell(1, 1).font = Font(name=FONT, bold=True, size=14)
    _text(sheet.cell(2, 1), (
        f"Palautuksessa on {points(errors, warnings)}. Korjaa alla luetellut kohdat tähän "
        "pohjaan: solut on korostettu värillä ja paksulla reunuksella, ja jokaisessa on "
        "kommentti. Solu-sarakkeen linkki vie soluun. Tallenna pohja ja palauta se "
        "strategiakoordinaattorille."
    ))
    sheet.cell(2, 1).alignment = Alignment(wrap_text=True, vertical="top")
    sheet.cell(2, 1).font = Font(name=FONT, size=FONT_SIZE)
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(_COLUMNS))
    total = sum(width for _, width in _COLUMNS)
    sheet.row_dimensions[2].height = row_height(line_count(sheet.cell(2, 1).value, total))
    header_row = 4
    for column, (title, width) in enumerate(_COLUMNS, start=1):
        cell = sheet.cell(header_row, column)
        _text(cell, title)
        cell.font = Font(name=FONT, size=FONT_SIZE, bold=True)
        cell.fill = PatternFill("solid", start_color="D9E2F3", end_color="D9E2F3")
        sheet.column_dimensions[cell.column_letter].width = width
    for offset, finding in enumerate(findings, start=1):
        row = header_row + offset
        place = restored.get(finding.row_id or "") if finding.code == "row-missing" else None
        sheet_name, cell_ref = place if place else (finding.sheet or "", finding.cell or "")
        values = (_SEVERITY_WORD[finding.severity], finding.title, sheet_name, cell_ref,
                  finding.row_id or "", finding.message)
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row, column)
            _text(cell, value)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            cell.font = Font(name=FONT, size=FONT_SIZE)
        # openpyxl cannot measure text, and LibreOffice keeps a stored height: set it ourselves.
        sheet.row_dimensions[row].height = row_height(max(
            line_count(value, width) for value, (_, width) in zip(values, _COLUMNS, strict=True)))
        if sheet_name and cell_ref:
            link = sheet.cell(row, 4)
            link.hyperlink = Hyperlink(ref=link.coordinate, location=f"'{sheet_name}'!{cell_ref}",
                                       display=cell_ref)
            link.font = Font(name=FONT, size=FONT_SIZE, color="0563C1", underline="single")
    sheet.freeze_panes = sheet.cell(header_row + 1, 1)
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def _text(cell: Any, value: str) -> None:
    """Write text as text: a message or a sheet name starting with '=' is not a formula."""
    cell.value = value
    if value:
        cell.data_type = "s"
