"""Small builders for validation tests: returns as data, and filled templates as files."""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Mapping
from pathlib import Path

from kemireport.core.period import Period
from kemireport.reading.model import (
    IndicatorRow,
    NamedCell,
    ReturnedRow,
    ReturnedSheet,
    ReturnedWorkbook,
    SignOff,
    TemplateIdentity,
)
from kemireport.strategy import Strategy
from kemireport.templates.contract import (
    ALL_HEADERS,
    APPROVED_NAME,
    APPROVER_NAME,
    HEADERS,
    IDENTITY_PRODUCT,
    IDENTITY_SHEET,
    INDICATOR_SHEET,
    TEMPLATE_VERSION,
)

HEADER_ROW = 4  # the templates' header row (1-based); data rows follow it
LETTERS = "ABCDEFGHIJ"
COLUMN_LETTER = dict(zip(ALL_HEADERS, LETTERS, strict=True))

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


def row(sheet: str, number: int, values: Mapping[str, str],
        headers: tuple[str, ...] = ALL_HEADERS) -> ReturnedRow:
    """A data row; ``headers=HEADERS`` is a row of a version 1 template (no deviation columns)."""
    full = {header: str(values.get(header, "")) for header in ALL_HEADERS}
    cells = {header: f"{COLUMN_LETTER[header]}{number}" for header in headers}
    return ReturnedRow(sheet=sheet, row=number, row_id=full["Tunniste"], values=full, cells=cells)


def sheet(name: str, rows: list[ReturnedRow],
          headers: tuple[str, ...] = ALL_HEADERS) -> ReturnedSheet:
    return ReturnedSheet(name=name, header_row=HEADER_ROW,
                         columns={h: i for i, h in enumerate(headers)}, rows=tuple(rows))


def returned(strategy: Strategy, department: str, *, file: str | None = None,
             answers: Mapping[str, Mapping[str, str]] | None = None,
             default: Mapping[str, str] | None = GOOD, drop: tuple[str, ...] = (),
             extra: Mapping[str, list[Mapping[str, str]]] | None = None,
             ident: TemplateIdentity | str | None = "auto",
             period: str = "2026-H1", version: int = TEMPLATE_VERSION,
             sign_off: SignOff | str = "auto",
             indicators: Mapping[str, tuple[str, str]] | str = "auto") -> ReturnedWorkbook:
    """A department's return as the reader would give it: one sheet per goal, strategy order.

    ``answers`` maps tunniste -> the open (or edited strategy) cells; other actions get
    ``default``; ``drop`` deletes rows; ``extra`` appends raw rows to a sheet by name.
    ``version`` 1 makes a return of the old template (no deviation columns, no sign-off);
    ``sign_off`` "auto" signs it as the head of the department would (``signed``);
    ``indicators`` maps an indicator id to (value, source) as typed on the Mittarit sheet ("auto":
    every indicator of the department gets a number).
    """
    headers = ALL_HEADERS if version >= 2 else HEADERS
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
            rows.append(row(goal.name, number, values, headers))
            number += 1
        for values in (extra or {}).get(goal.name, []):
            rows.append(row(goal.name, number, values, headers))
            number += 1
        sheets.append(sheet(goal.name, rows, headers))
    name = file or f"{department.lower()}.xlsx"
    if sign_off == "auto":
        sign_off = signed(Period.parse(period)) if version >= 2 else SignOff(None, None)
    if indicators == "auto":
        indicators = {i.id: (str(10 + n), "Tilastokeskus")
                      for n, i in enumerate(strategy.indicators_for(department))}
    indicator_rows = tuple(
        IndicatorRow(HEADER_ROW + 1 + n, indicator_id, value, source,
                     {"Tunniste": f"A{HEADER_ROW + 1 + n}", "Arvo": f"H{HEADER_ROW + 1 + n}",
                      "Lähde tai huomio": f"I{HEADER_ROW + 1 + n}"})
        for n, (indicator_id, (value, source)) in enumerate(indicators.items())
    ) if version >= 2 and strategy.indicators_for(department) else None
    return ReturnedWorkbook(
        file=name,
        sha256=hashlib.sha256(name.encode()).hexdigest(),
        identity=(identity(strategy, department, period, template_version=version)
                  if ident == "auto" else ident),  # type: ignore[arg-type]
        sheets=tuple(sheets),
        sign_off=sign_off,  # type: ignore[arg-type]
        indicators=indicator_rows,
    )


def signed(period: Period, approver: str = "Maija Meikäläinen, toimialajohtaja",
           approved: object = "auto") -> SignOff:
    """The sign-off cells as the reader gives them: text, and the date when it is one."""
    day = sign_date(period) if approved == "auto" else approved
    date_text = (f"{day.day}.{day.month}.{day.year}" if isinstance(day, datetime.date)
                 else str(day or ""))
    return SignOff(
        NamedCell("Ohjeet", "B9", approver),
        NamedCell("Ohjeet", "B10", date_text,
                  day if isinstance(day, datetime.date) else None),
    )


APPROVER = "Maija Meikäläinen, toimialajohtaja"


def sign_date(period: Period, today: datetime.date | None = None) -> datetime.date:
    """A plausible approval date: two weeks after the period ended, but never in the future
    (a period still running is signed today)."""
    today = today or datetime.date.today()
    return max(period.start, min(today, period.end + datetime.timedelta(days=14)))


def fill_template(path: Path, answers: Mapping[str, Mapping[str, object]],
                  target: Path | None = None,
                  sign: tuple[object, object] | str | None = "auto",
                  indicators: Mapping[str, tuple[object, str]] | str = "auto") -> Path:
    """Fill a generated template with openpyxl by tunniste -> {header: value}; save to target.

    ``sign`` is the approver and the approval date written into the sign-off cells (found
    through their defined names, as the reader finds them); "auto" signs it as the head of
    the department would (``sign_date`` of the template's period); None leaves them empty.
    ``indicators`` maps an indicator id to (value, source) for the Mittarit sheet; "auto" gives
    every indicator a number.
    """
    from openpyxl import load_workbook

    workbook = load_workbook(path)
    if sign == "auto":
        identity = {row[0].value: row[1].value
                    for row in workbook[IDENTITY_SHEET].iter_rows(max_col=2)}
        sign = (APPROVER, sign_date(Period.parse(str(identity["kausi"]))))
    if INDICATOR_SHEET in workbook.sheetnames:
        sheet = workbook[INDICATOR_SHEET]
        header = next(row for row in sheet.iter_rows(max_row=10)
                      if any(c.value == "Tunniste" for c in row))
        columns = {c.value: c.column for c in header}
        for row in sheet.iter_rows(min_row=header[0].row + 1):
            indicator_id = row[columns["Tunniste"] - 1].value
            if not indicator_id:
                continue
            if indicators == "auto":
                value, source = 10 + row[0].row, "Tilastokeskus"
            elif indicator_id in indicators:
                value, source = indicators[str(indicator_id)]
            else:
                continue
            row[columns["Arvo"] - 1].value = value
            row[columns["Lähde tai huomio"] - 1].value = source
    if isinstance(sign, tuple):
        for name, value in zip((APPROVER_NAME, APPROVED_NAME), sign, strict=True):
            sheet, cell = next(iter(workbook.defined_names[name].destinations))
            workbook[sheet][cell.replace("$", "")].value = value
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
            return cells[0].row, {h: i for i, h in enumerate(texts) if h in ALL_HEADERS}
    return None, {}


OVERVIEW = """# Koordinaattorin katsaus

Strategia eteni kaudella pääosin suunnitellusti.
"""


def write_overview(folder: Path, text: str = OVERVIEW) -> Path:
    """The coordinator's overview (katsaus.md) in a period's input folder."""
    path = folder / "katsaus.md"
    path.write_text(text, encoding="utf-8")
    return path
