"""What the reader makes of a returned workbook: identity, sheets and rows as a person sees them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class TemplateIdentity:
    """What a returned workbook says about itself (its hidden identity sheet)."""

    product: str
    template_version: int | None
    strategy_id: str
    strategy_fingerprint: str
    department: str
    period: str
    generator: str = ""
    carried_from: str = ""  # the period whose answers were pre-filled, if any
    carried: Mapping[str, str] = field(default_factory=dict)  # action id -> text fingerprint
    # Whether the identity values still match the fingerprint the template was written with;
    # None for templates written before the fingerprint existed.
    intact: bool | None = None


@dataclass(frozen=True)
class ReturnedRow:
    """One data row of a returned workbook, as a person sees it."""

    sheet: str
    row: int  # 1-based spreadsheet row
    row_id: str  # Tunniste as typed ("" when empty)
    values: Mapping[str, str]  # header name -> displayed text, stripped ("" when empty)
    cells: Mapping[str, str]  # header name -> A1 address of that cell
    # header name -> what a cell that is not text holds ("number", "date", "time", "boolean"),
    # for the non-empty cells whose value the reader turned into text
    kinds: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ReturnedSheet:
    """One data sheet of a returned workbook: its header row and its rows with content."""

    name: str
    header_row: int | None  # 1-based; None when the contract's header row was not found
    columns: Mapping[str, int]  # header name -> 0-based column index
    rows: tuple[ReturnedRow, ...]
    # Headers whose text was changed but whose column is certain from its neighbours (still
    # read): header name -> what the header cell says now.
    renamed: Mapping[str, str] = field(default_factory=dict)
    # Contract headers found nowhere on the header row: their column could not be read.
    unplaced: tuple[str, ...] = ()


@dataclass(frozen=True)
class IndicatorRow:
    """One row of the indicator sheet, as a person sees it."""

    row: int  # 1-based spreadsheet row
    indicator_id: str  # Tunniste as typed
    value: str  # the Arvo cell's text ("" when empty; a number cell as 24 or 31.5)
    source: str  # Lähde tai huomio
    cells: Mapping[str, str]  # header -> A1 address


@dataclass(frozen=True)
class NamedCell:
    """A single cell reached through a workbook-level defined name."""

    sheet: str
    cell: str  # A1
    text: str  # what a person sees in it ("" when empty)
    date: dt.date | None = None  # when the cell holds a date, or text that is a Finnish date


@dataclass(frozen=True)
class SignOff:
    """Who approved the return and when (the template's ``Hyvaksyja`` and ``Hyvaksytty``)."""

    approver: NamedCell | None  # None when the workbook has no such name
    approved: NamedCell | None


@dataclass(frozen=True)
class ReturnedWorkbook:
    """A readable workbook (any workbook, not yet known to be one of ours)."""

    file: str  # path relative to the input folder, with forward slashes
    sha256: str
    identity: TemplateIdentity | None
    sheets: tuple[ReturnedSheet, ...]
    sign_off: SignOff = SignOff(None, None)
    # The indicator sheet's rows; None when the workbook has no indicator sheet.
    indicators: tuple[IndicatorRow, ...] | None = None
    # True when only the answers were read (``parse_workbook(answers_only=True)``): the
    # instructions and indicator sheets were skipped, so the sign-off and the indicator values
    # are unknown, not absent. Enough to rank a return against its department's others.
    partial: bool = False
