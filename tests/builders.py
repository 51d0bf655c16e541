"""Small builders for validation tests: returns as data, and filled templates as files."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path

from kemireport.reading.model import ReturnedRow, ReturnedSheet, ReturnedWorkbook, TemplateIdentity
from kemireport.strategy import Strategy
from kemireport.templates.contract import HEADERS, IDENTITY_PRODUCT, TEMPLATE_VERSION

HEADER_ROW = 4  # the templates' header row (1-based); data rows follow it
LETTERS = "ABCDEFGH"
COLUMN_LETTER = dict(zip(HEADERS, LETTERS, strict=True))

# A filled row. SDG is cleared: the report stage's tests count SDGs from what was returned.
GOOD = {"Tila": "Etenee suunnitellusti", "Toteuma": "Työ eteni suunnitelman mukaan.", "SDG": ""}


def identity(strategy: Strategy, department: str, period: str = "2026-H1",
             **changes: object) -> TemplateIdentity:
    values: dict[str, object] = {
        "product": IDENTITY_PRODUCT,
        "template_version": TEMPLATE_VERSION,
        "strategy_id": strategy.id,
        "strategy_fingerprint": strategy.fingerprint(department),
        "department": department,
        "period": period,
        "generator": "kemireport test",
    }
    values.update(changes)
    return TemplateIdentity(**values)  # type: ignore[arg-type]


def row(sheet: str, number: int, values: Mapping[str, str]) -> ReturnedRow:
    full = {header: str(values.get(header, "")) for header in HEADERS}
    cells = {header: f"{COLUMN_LETTER[header]}{number}" for header in HEADERS}
    return ReturnedRow(sheet=sheet, row=number, row_id=full["Tunniste"], values=full, cells=cells)


def sheet(name: str, rows: list[ReturnedRow]) -> ReturnedSheet:
    return ReturnedSheet(name=name, header_row=HEADER_ROW,
                         columns={h: i for i, h in enumerate(HEADERS)}, rows=tuple(rows))


def returned(strategy: Strategy, department: str, *, file: str | None = None,
             answers: Mapping[str, Mapping[str, str]] | None = None,
             default: Mapping[str, str] | None = GOOD, drop: tuple[str, ...] = (),
             extra: Mapping[str, list[Mapping[str, str]]] | None = None,
             ident: TemplateIdentity | str | None = "auto",
             period: str = "2026-H1") -> ReturnedWorkbook:
    """A department's return as the reader would give it: one sheet per goal, strategy order.

    ``answers`` maps tunniste -> the open (or edited strategy) cells; other actions get
    ``default``; ``drop`` deletes rows; ``extra`` appends raw rows to a sheet by name.
    """
    sheets = []
    for goal in strategy.goals:
        rows = []
        number = HEADER_ROW + 1
        for action in strategy.actions_for(department, goal.code):
            if action.id in drop:
                continue
            values = {"Tunniste": action.id, **strategy.strategy_texts(action),
                      "SDG": ", ".join(str(n) for n in action.sdg),
                      **(default or {}), **(answers or {}).get(action.id, {})}
            rows.append(row(goal.name, number, values))
            number += 1
        for values in (extra or {}).get(goal.name, []):
            rows.append(row(goal.name, number, values))
            number += 1
        sheets.append(sheet(goal.name, rows))
    name = file or f"{department.lower()}.xlsx"
    return ReturnedWorkbook(
        file=name,
        sha256=hashlib.sha256(name.encode()).hexdigest(),
        identity=identity(strategy, department, period) if ident == "auto" else ident,  # type: ignore[arg-type]
        sheets=tuple(sheets),
    )


def fill_template(path: Path, answers: Mapping[str, Mapping[str, object]],
                  target: Path | None = None) -> Path:
    """Fill a generated template with openpyxl by tunniste -> {header: value}; save to target."""
    from openpyxl import load_workbook

    workbook = load_workbook(path)
    for worksheet in workbook.worksheets:
        header_row, columns = _header(worksheet)
        if header_row is None:
            continue
        for cells in worksheet.iter_rows(min_row=header_row + 1):
            tunniste = cells[columns["Tunniste"]].value
            for header, value in answers.get(str(tunniste or "").strip(), {}).items():
                cells[columns[header]].value = value
    out = target or path
    workbook.save(out)
    return out


def _header(worksheet: object) -> tuple[int | None, dict[str, int]]:
    for cells in worksheet.iter_rows(min_row=1, max_row=10):  # type: ignore[attr-defined]
        texts = [str(c.value).strip() if c.value is not None else "" for c in cells]
        if texts[: len(HEADERS)] == list(HEADERS):
            return cells[0].row, {h: i for i, h in enumerate(HEADERS)}
    return None, {}
