"""The consolidated records: one per action per period, as the history keeps them and every
output renders them.

A record carries the meaning its row was given when it was checked (``checks.meaning``): the
scale level, the Toteuma (None for a placeholder), the SDG goals by the one rule, and whether
it is fully reported. Outputs never re-interpret the typed text; they render these fields.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from kemireport.checks.overview import CoordinatorText
from kemireport.core.period import Period
from kemireport.history.trends import Trends

RecordState = Literal["reported", "incomplete", "missing"]


@dataclass(frozen=True)
class ActionRecord:
    """One tidy record per action per period (what is missing is marked, never guessed)."""

    period: Period
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
    sdg: tuple[int, ...]  # the goals the action serves (checks.meaning.sdg_goals), sorted
    sdg_raw: str  # the SDG cell as typed
    state: RecordState  # reported: complete; incomplete: returned, not complete; missing
    file: str | None = None
    sheet: str | None = None
    row: int | None = None
    cell: str | None = None  # the Tila cell's address
    sha256: str | None = None
    known: bool = True  # False for a row-unknown row
    objectives: tuple[str, ...] = ()  # the strategy objectives (tavoite codes) it reports to
    deviation: str | None = None  # why it deviates and what is done; None: not given
    new_schedule: str | None = None


@dataclass(frozen=True)
class Submission:
    """One accepted return: the file a department's records came from."""

    period: Period
    department: str
    file: str
    sha256: str
    rows_expected: int
    rows_complete: int
    approver: str = ""  # who signed the return off ("" when nobody did)
    approved: date | None = None  # when, if the cell held a date


@dataclass(frozen=True)
class Reading:
    """An indicator's value in a period, as its department reported it."""

    period: Period
    indicator_id: str
    action_id: str
    department: str
    value: float | None  # None when not reported or not a number
    raw: str  # as typed
    source: str  # where the number comes from, or a remark
    file: str | None = None
    cell: str | None = None


ChangeKind = Literal["status-changed", "new-report", "missing-report", "unchanged"]


@dataclass(frozen=True)
class Change:
    """How an action's report moved from the previous period to this one."""

    action_id: str
    goal: str
    department: str
    kind: ChangeKind
    previous_period: Period | None
    previous_status: str | None
    status: str | None
    toimenpiteet: str = ""


@dataclass
class Consolidation:
    """Everything the reports need for one period."""

    period: Period
    records: list[ActionRecord] = field(default_factory=list)
    submissions: list[Submission] = field(default_factory=list)
    readings: list[Reading] = field(default_factory=list)  # every indicator, strategy order
    changes: list[Change] = field(default_factory=list)
    previous_period: Period | None = None
    # action id -> for how many consecutive periods, this one included, the action's status
    # has been a deviation (from the history; 1 when it deviates for the first time).
    streaks: dict[str, int] = field(default_factory=dict)
    overview: CoordinatorText = field(default_factory=lambda: CoordinatorText(given=False))
    trends: Trends = field(default_factory=Trends)  # every stored period of the strategy
