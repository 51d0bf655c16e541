"""The strategy as data: goals and their objectives, departments, action rows, the status scale.

Loaded and checked from the YAML file by ``loader``. SDG goals: a strategy document may tie an
action row to UN Sustainable Development Goals in two ways: in the row's own SDG cell
(``Action.sdg``), or once for a whole department table (``SdgTable``). ``Strategy.strategy_sdg``
gives the goals the strategy itself gives a row: the row's own when it has any, else its
table's. The one rule every output follows (``checks.meaning.sdg_goals``): a row's SDG goals are
the numbers in the department's SDG cell when it has any; when the cell is empty,
``strategy_sdg`` of the row.

Indicators: where a measure of the strategy is plainly a quantity, the file may define an
``Indicator`` for the action (name, unit, the good direction, and a baseline and a target only
where the strategy gives them). Departments report its value each period.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

_T = TypeVar("_T")


@dataclass(frozen=True)
class StatusLevel:
    """A level of the status scale (Tila) and how the outputs show it."""

    name: str
    color: str
    description: str
    # A return with this status must say why, what is done about it and by when (the board
    # and the auditors ask it of every deviation).
    needs_explanation: bool = False
    # The action is done: it does not continue into the next period or the next strategy.
    completed: bool = False
    # The status as a sentence's predicate after a number: "(25) on toteutunut".
    phrase: str = ""


@dataclass(frozen=True)
class Department:
    """A department (toimiala) that reports."""

    code: str
    name: str
    seed_name: str


@dataclass(frozen=True)
class Objective:
    """An objective under a strategic goal."""

    code: str
    text: str


@dataclass(frozen=True)
class Goal:
    """A strategic goal: one data sheet in the templates."""

    code: str
    name: str
    aliases: tuple[str, ...]
    description: tuple[str, ...]
    objectives: tuple[Objective, ...]


@dataclass(frozen=True)
class Value:
    """One of the strategy's values, with its text."""

    name: str
    text: tuple[str, ...]


@dataclass(frozen=True)
class Action:
    """One action row: the unit that gets a status each half-year."""

    id: str
    goal: str
    department: str
    objectives: tuple[str, ...]
    toimenpiteet: str
    vastuu: str
    mittarit: str
    sdg: tuple[int, ...]
    seed_tavoite: str = ""
    notes: str = ""


@dataclass(frozen=True)
class SdgTable:
    """SDG goals the strategy gives a whole department table (one goal × one department)."""

    goal: str
    department: str
    sdg: tuple[int, ...]
    notes: str = ""


Direction = Literal["up", "down"]


@dataclass(frozen=True)
class Point:
    """An indicator's value in a given year (a baseline or a target)."""

    value: float
    year: int


@dataclass(frozen=True)
class Indicator:
    """A quantity that measures an action: its value is reported every period."""

    id: str
    action: str  # the action id it measures
    name: str
    unit: str
    direction: Direction  # which way is better: "up" (more is better) or "down"
    baseline: Point | None = None
    target: Point | None = None
    notes: str = ""


@dataclass(frozen=True)
class Strategy:
    """A whole strategy as its file defines it (see the module's description)."""

    id: str
    name: str
    organisation: str
    approved: str
    period_start: int
    period_end: int
    vision: str
    mission: tuple[str, ...]
    values: tuple[Value, ...]
    status_scale: tuple[StatusLevel, ...]
    sdg: dict[int, str]
    departments: tuple[Department, ...]
    goals: tuple[Goal, ...]
    actions: tuple[Action, ...]
    tables: tuple[SdgTable, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    reconstruction_notes: str = ""
    source: str = ""
    _objectives: dict[str, Objective] = field(default_factory=dict, repr=False, compare=False)
    # Look-ups worked out once (``remember``); not an argument, so ``dataclasses.replace``
    # starts a changed strategy with none.
    _memo: dict[Hashable, Any] = field(default_factory=dict, init=False, repr=False,
                                       compare=False)

    def __post_init__(self) -> None:
        self._objectives.update({o.code: o for g in self.goals for o in g.objectives})

    def remember(self, key: Hashable, compute: Callable[[], _T]) -> _T:
        """``compute()``, worked out once per strategy and ``key``: a strategy never changes,
        and validation asks the same look-ups for every row of every return."""
        try:
            value: _T = self._memo[key]
        except KeyError:
            value = self._memo[key] = compute()
        return value

    # -- look-ups -----------------------------------------------------------------------------

    def goal(self, code: str) -> Goal:
        return next(g for g in self.goals if g.code == code)

    def department(self, code: str) -> Department:
        return next(d for d in self.departments if d.code == code)

    def objective(self, code: str) -> Objective:
        return self._objectives[code]

    def goal_by_name(self, name: str) -> Goal | None:
        """A goal by its name or an alias, ignoring case and surrounding space."""
        def find() -> Goal | None:
            wanted = " ".join(str(name).split()).casefold()
            for goal in self.goals:
                if wanted in {n.casefold() for n in (goal.name, *goal.aliases)}:
                    return goal
            return None
        return self.remember(("goal_by_name", name), find)

    def actions_for(self, department: str, goal: str | None = None) -> list[Action]:
        return list(self.remember(("actions_for", department, goal), lambda: tuple(
            a
            for a in self.actions
            if a.department == department and (goal is None or a.goal == goal)
        )))

    def action(self, action_id: str) -> Action | None:
        return self.remember("actions", lambda: {a.id: a for a in reversed(
            self.actions)}).get(action_id)

    @property
    def status_names(self) -> tuple[str, ...]:
        return self.remember("status_names",
                                lambda: tuple(level.name for level in self.status_scale))

    @property
    def deviation_statuses(self) -> tuple[str, ...]:
        """The levels that need an explanation: the deviations the board decides on."""
        return self.remember("deviation_statuses", lambda: tuple(
            level.name for level in self.status_scale if level.needs_explanation))

    @property
    def completed_statuses(self) -> tuple[str, ...]:
        """The levels that mean the action is done (what the final report counts as achieved)."""
        return tuple(level.name for level in self.status_scale if level.completed)

    def status_level(self, name: str) -> StatusLevel | None:
        return next((s for s in self.status_scale if s.name == name), None)

    def indicators_for(self, department: str) -> list[Indicator]:
        """The department's indicators, in the order of its actions."""
        def find() -> tuple[Indicator, ...]:
            order = {a.id: i for i, a in enumerate(self.actions_for(department))}
            return tuple(sorted((i for i in self.indicators if i.action in order),
                                key=lambda i: order[i.action]))
        return list(self.remember(("indicators_for", department), find))

    def indicator(self, indicator_id: str) -> Indicator | None:
        return self.remember("indicators", lambda: {i.id: i for i in reversed(
            self.indicators)}).get(indicator_id)

    def years(self) -> tuple[int, int] | None:
        """The first and last year the strategy covers, when the file says so."""
        if self.period_start and self.period_end:
            return self.period_start, self.period_end
        return None

    def table_sdg(self, goal: str, department: str) -> tuple[int, ...]:
        """The SDG goals of the department's table under ``goal`` (sorted; () when none)."""
        return next((t.sdg for t in self.tables
                     if t.goal == goal and t.department == department), ())

    def strategy_sdg(self, action: Action) -> tuple[int, ...]:
        """The SDG goals the strategy itself gives an action row (sorted; () when none).

        The row's own numbers when it has any, else its table's (``table_sdg``). A reported row's
        goals are the numbers in the department's SDG cell when it has any; when the cell is
        empty, these.
        """
        return action.sdg or self.table_sdg(action.goal, action.department)

    def tavoite(self, action: Action) -> str:
        """The Tavoite cell text of an action row: its objectives' canonical texts."""
        return "\n".join(self.objective(code).text for code in action.objectives)

    def strategy_texts(self, action: Action) -> dict[str, str]:
        """The locked strategy columns of an action row, by header name."""
        def texts() -> dict[str, str]:
            return {
                "Tavoite": self.tavoite(action),
                "Toimenpiteet": action.toimenpiteet,
                "Vastuu ja aikataulu": action.vastuu,
                "Mittarit, arviointi": action.mittarit,
            }
        if self.action(action.id) is not action:
            return texts()  # not this strategy's own row: nothing to remember it by
        return dict(self.remember(("strategy_texts", action.id), texts))

    def fingerprint(self, department: str | None = None) -> str:
        """A short hash of the strategy text a department reports on (all, if None).

        A template carries it so that validation can tell when the strategy file was edited
        after the templates were sent. It covers the locked text the department sees, not the
        SDG goals (a row's own or its table's): those are open answers, read at consolidation
        against the current strategy file, so correcting them must not make returned workbooks
        look like another strategy's.
        """
        def compute() -> str:
            actions = self.actions if department is None else self.actions_for(department)
            payload = [
                [a.id, a.goal, a.department, self.strategy_texts(a)] for a in actions
            ]
            data = json.dumps([self.id, payload], ensure_ascii=False, sort_keys=True)
            return hashlib.sha256(data.encode("utf-8")).hexdigest()[:16]

        # Validation asks once per returned workbook.
        return self.remember(("fingerprint", department), compute)


