"""Records that flow between the stages: reading → checks → consolidation → store → reports."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal


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


@dataclass(frozen=True)
class ReturnedRow:
    """One data row of a returned workbook, as a person sees it."""

    sheet: str
    row: int  # 1-based spreadsheet row
    row_id: str  # Tunniste as typed ("" when empty)
    values: Mapping[str, str]  # header name -> displayed text, stripped ("" when empty)
    cells: Mapping[str, str]  # header name -> A1 address of that cell


@dataclass(frozen=True)
class ReturnedSheet:
    name: str
    header_row: int | None  # 1-based; None when the contract's header row was not found
    columns: Mapping[str, int]  # header name -> 0-based column index
    rows: tuple[ReturnedRow, ...]


@dataclass(frozen=True)
class ReturnedWorkbook:
    """A readable workbook (any workbook, not yet known to be one of ours)."""

    file: str  # path relative to the input folder, with forward slashes
    sha256: str
    identity: TemplateIdentity | None
    sheets: tuple[ReturnedSheet, ...]


RecordState = Literal["reported", "incomplete", "missing"]


@dataclass(frozen=True)
class ActionReport:
    """One tidy record per action per period (what is missing is marked, never guessed)."""

    period: str
    action_id: str  # as typed for a row with an unknown tunniste ("" when empty); see known
    goal: str
    department: str
    tavoite: str  # the strategy text as it stood this period
    toimenpiteet: str
    vastuu: str
    mittarit: str
    status: str | None  # None when not reported or not on the scale
    status_raw: str  # as typed
    toteuma: str | None  # None when empty or a placeholder
    sdg: tuple[int, ...]
    sdg_raw: str
    state: RecordState
    file: str | None = None
    sheet: str | None = None
    row: int | None = None
    cell: str | None = None  # the Tila cell's address
    sha256: str | None = None
    known: bool = True  # False for a row-unknown row


@dataclass(frozen=True)
class Submission:
    """One accepted return: the file a department's records came from."""

    period: str
    department: str
    file: str
    sha256: str
    rows_expected: int
    rows_complete: int


ChangeKind = Literal["status-changed", "new-report", "missing-report", "unchanged"]


@dataclass(frozen=True)
class Change:
    """How an action's report moved from the previous period to this one."""

    action_id: str
    goal: str
    department: str
    kind: ChangeKind
    previous_period: str | None
    previous_status: str | None
    status: str | None
    toimenpiteet: str = ""


@dataclass
class Consolidation:
    """Everything the reports need for one period."""

    period: str
    records: list[ActionReport] = field(default_factory=list)
    submissions: list[Submission] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    previous_period: str | None = None
