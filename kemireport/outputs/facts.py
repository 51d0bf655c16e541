"""What the board's report says, derived from the consolidation: counts, groups, what is missing.

Kept apart from the layout so each number in the document has one place where it is computed
(and tested). Nothing here invents data: an action the consolidation has no record for is
shown as not reported.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from kemireport.history.records import ActionRecord, Consolidation
from kemireport.strategy import Department, Goal, Strategy

NOT_REPORTED = "Ei raportoitu"
NOT_REPORTED_COLOR = "#FFFFFF"
# The scale's first two levels are progress; the rest (delayed, not started, stopped in the
# default scale) are what a board asks about.
ON_TRACK_LEVELS = 2


@dataclass(frozen=True)
class StatusCount:
    name: str
    count: int
    color: str


@dataclass(frozen=True)
class DepartmentActions:
    code: str
    name: str
    records: tuple[ActionRecord, ...]


@dataclass(frozen=True)
class GoalActions:
    code: str
    name: str
    departments: tuple[DepartmentActions, ...]

    @property
    def records(self) -> list[ActionRecord]:
        return [r for d in self.departments for r in d.records]


@dataclass(frozen=True)
class SdgCount:
    number: int
    name: str
    action_ids: tuple[str, ...]


@dataclass(frozen=True)
class Facts:
    records: tuple[ActionRecord, ...]  # strategy order, then the departments' own rows
    goals: tuple[GoalActions, ...]
    departments_expected: tuple[Department, ...]
    departments_received: tuple[str, ...]

    @property
    def known(self) -> list[ActionRecord]:
        return [r for r in self.records if r.known]

    @property
    def complete(self) -> int:
        return sum(1 for r in self.known if r.state == "reported")

    @property
    def missing_departments(self) -> list[Department]:
        return [d for d in self.departments_expected if d.code not in self.departments_received]


def gather(strategy: Strategy, consolidation: Consolidation) -> Facts:
    records = _complete_records(strategy, consolidation)
    received = {s.department for s in consolidation.submissions}
    goals = []
    for goal in strategy.goals:
        mine = [r for r in records if goal_of(strategy, r.goal) is goal]
        goals.append(GoalActions(goal.code, goal.name, _by_department(strategy, mine)))
    orphans = [r for r in records if goal_of(strategy, r.goal) is None]
    if orphans:  # rows on a sheet that is no goal of the strategy: shown, not dropped
        goals.append(GoalActions("", "Muut toimialojen ilmoittamat rivit",
                                 _by_department(strategy, orphans)))
    return Facts(
        records=tuple(records),
        goals=tuple(goals),
        departments_expected=strategy.departments,
        departments_received=tuple(d.code for d in strategy.departments if d.code in received),
    )


def goal_of(strategy: Strategy, value: str) -> Goal | None:
    """A record's goal, whether it holds the goal's code or its name."""
    for goal in strategy.goals:
        if goal.code == value:
            return goal
    return strategy.goal_by_name(value) if value else None


def department_name(strategy: Strategy, code: str) -> str:
    return next((d.name for d in strategy.departments if d.code == code), code)


def _complete_records(strategy: Strategy, consolidation: Consolidation) -> list[ActionRecord]:
    """The consolidation's records in strategy order; an action it lacks becomes 'missing'."""
    by_id = {r.action_id: r for r in consolidation.records if r.known}
    records: list[ActionRecord] = []
    for action in strategy.actions:
        record = by_id.pop(action.id, None)
        if record is None:
            record = ActionRecord(
                period=consolidation.period, action_id=action.id, goal=action.goal,
                department=action.department, tavoite=strategy.tavoite(action),
                toimenpiteet=action.toimenpiteet, vastuu=action.vastuu, mittarit=action.mittarit,
                status=None, status_raw="", toteuma=None, sdg=action.sdg, sdg_raw="",
                state="missing")
        records.append(record)
    records.extend(by_id.values())  # known to the consolidation, unknown to this strategy
    records.extend(r for r in consolidation.records if not r.known)
    return records


def _by_department(strategy: Strategy,
                   records: Sequence[ActionRecord]) -> tuple[DepartmentActions, ...]:
    codes = [d.code for d in strategy.departments]
    codes += sorted({r.department for r in records} - set(codes))
    groups = []
    for code in codes:
        mine = tuple(r for r in records if r.department == code)
        if mine:
            groups.append(DepartmentActions(code, department_name(strategy, code), mine))
    return tuple(groups)


def status_counts(strategy: Strategy, records: Sequence[ActionRecord]) -> list[StatusCount]:
    """Actions per status, in the scale's order, then the ones without a status."""
    counts = Counter(r.status for r in records)
    result = [StatusCount(level.name, counts.get(level.name, 0), level.color)
              for level in strategy.status_scale]
    unknown = sum(n for status, n in counts.items() if status not in strategy.status_names)
    result.append(StatusCount(NOT_REPORTED, unknown, NOT_REPORTED_COLOR))
    return result


def attention_statuses(strategy: Strategy) -> tuple[str, ...]:
    return strategy.status_names[ON_TRACK_LEVELS:]


def needing_attention(strategy: Strategy, records: Sequence[ActionRecord]) -> list[ActionRecord]:
    wanted = attention_statuses(strategy)
    return sorted((r for r in records if r.status in wanted),
                  key=lambda r: wanted.index(r.status or ""))


def status_text(record: ActionRecord) -> str:
    return record.status or NOT_REPORTED


def status_color(strategy: Strategy, record: ActionRecord) -> str | None:
    level = strategy.status_level(record.status) if record.status else None
    return level.color if level else None


def what_is_missing(record: ActionRecord, department_returned: bool) -> str:
    """In words, what a record lacks (for the 'missing' section)."""
    if record.state == "missing":
        return "Rivi puuttuu palautuksesta." if department_returned else "Toimiala ei palauttanut."
    parts = []
    if record.status is None:
        parts.append(f"Tila ”{record.status_raw}” ei ole asteikolla." if record.status_raw
                     else "Tila puuttuu.")
    if record.toteuma is None:
        parts.append("Toteuma puuttuu.")
    return " ".join(parts)


def sdg_counts(strategy: Strategy, records: Sequence[ActionRecord]) -> list[SdgCount]:
    """Actions per SDG goal (as reported; the strategy's goals where the report gives none)."""
    ids: dict[int, list[str]] = {n: [] for n in sorted(strategy.sdg)}
    for record in records:
        for number in sdg_of(strategy, record):
            ids.setdefault(number, []).append(record.action_id or "(ei tunnistetta)")
    return [SdgCount(n, strategy.sdg.get(n, f"Tavoite {n}"), tuple(v)) for n, v in ids.items()]


def sdg_of(strategy: Strategy, record: ActionRecord) -> tuple[int, ...]:
    """A record's SDG goals as reported, or the strategy's where the report gives none."""
    numbers = record.sdg
    if not numbers and record.known:
        action = strategy.action(record.action_id)
        numbers = strategy.strategy_sdg(action) if action else ()
    return tuple(sorted(set(numbers)))
