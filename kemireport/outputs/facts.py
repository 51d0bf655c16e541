"""What a period's outputs say, counted once from the consolidated records.

Every number an output shows (status counts per goal, department and objective, SDG counts,
completeness, the missing returns, the actions needing attention) is computed here and nowhere
else: the Word report, the Excel report, the web page and the CSV only render these facts and
the records they come from, so they cannot disagree. Nothing here interprets a cell either:
the records carry the meaning their rows were given when they were checked.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from kemireport.checks.overview import CoordinatorText
from kemireport.core.findings import Verdict
from kemireport.core.finnish import and_list
from kemireport.core.period import Period
from kemireport.history.records import ActionRecord, Change, ChangeKind, Consolidation
from kemireport.outputs.progress import NOT_REPORTED as NOT_REPORTED  # every output's category
from kemireport.outputs.progress import NOT_REPORTED_COLOR, Progress, progress_of
from kemireport.strategy import Department, Strategy

# NOT_REPORTED (from ``progress``): which of its reasons it was is the coordinator's business (the
# findings and the Excel report's provenance columns say it).
OTHER_GOAL = "Muut toimialojen ilmoittamat rivit"  # added rows on no goal's sheet
NO_ID = "(ei tunnistetta)"
NO_TOTEUMA = "Toimiala ei kertonut toteumaa."  # every output, where a Toteuma is empty
# The kinds of change a reader is shown, in the order the board's report lists them.
MOVED_KINDS: tuple[ChangeKind, ...] = ("status-changed", "new-report", "missing-report")


def category(record: ActionRecord) -> str:
    """The status category a record is counted in: its scale level, or ``NOT_REPORTED``."""
    return record.status if record.status is not None else NOT_REPORTED


@dataclass(frozen=True)
class Category:
    """A status category of the counts, with its colour and its wording."""

    name: str
    color: str  # "#RRGGBB"; white for NOT_REPORTED (never the only carrier of meaning)
    predicate: str = ""  # the status after a number in a sentence: "(25) on toteutunut"


@dataclass(frozen=True)
class Tally:
    """One row of a status table: how many actions of one group are in each category."""

    key: str  # goal, department or objective code ("" for the total)
    label: str
    counts: tuple[int, ...]  # in ``PeriodFacts.categories`` order

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True)
class DepartmentActions:
    """A department's actions of the period, in record order."""

    code: str
    name: str
    records: tuple[ActionRecord, ...]


@dataclass(frozen=True)
class GoalActions:
    """One strategic goal's chapter: its departments' records and its objectives' tallies."""

    code: str
    name: str
    departments: tuple[DepartmentActions, ...]
    tally: Tally
    objectives: tuple[Tally, ...]  # the goal's objectives, in strategy order

    @property
    def records(self) -> list[ActionRecord]:
        return [r for d in self.departments for r in d.records]


@dataclass(frozen=True)
class SdgCount:
    """A sustainable development goal and the period's actions serving it."""

    number: int
    name: str
    records: tuple[ActionRecord, ...]  # the actions serving the goal, in record order

    @property
    def action_ids(self) -> tuple[str, ...]:
        return tuple(r.action_id or NO_ID for r in self.records)

    def count(self, department: str) -> int:
        return sum(1 for r in self.records if r.department == department)


@dataclass(frozen=True)
class Deviation:
    """An action whose status needs an explanation, and for how long it has deviated."""

    record: ActionRecord
    streak: int  # consecutive periods in the history, this one included (1: the first)


@dataclass(frozen=True)
class Approval:
    """Who stood behind a department's return."""

    department: str  # code
    name: str
    returned: bool
    approver: str  # "" when the return was not signed (or not returned)
    approved: date | None


@dataclass(frozen=True)
class PeriodFacts:
    """Everything a period's outputs show, derived once from the consolidation."""

    period: Period
    categories: tuple[Category, ...]  # the scale's levels in order, then NOT_REPORTED
    records: tuple[ActionRecord, ...]  # strategy order, then the departments' own rows
    goals: tuple[GoalActions, ...]
    overall: Tally  # the strategy's actions (known records)
    by_goal: tuple[Tally, ...]
    by_department: tuple[Tally, ...]
    by_objective: tuple[Tally, ...]  # every objective of the strategy, in strategy order
    sdg: tuple[SdgCount, ...]
    departments_expected: tuple[Department, ...]
    departments_received: tuple[str, ...]  # department codes, strategy order
    deviations: tuple[Deviation, ...]  # known records whose status needs an explanation
    deviation_statuses: tuple[str, ...]
    approvals: tuple[Approval, ...]  # one per department, strategy order
    gaps: tuple[ActionRecord, ...]  # not fully reported, from departments that returned
    changes: tuple[Change, ...]
    previous_period: Period | None
    errors: int  # the validation's findings, for the one sentence the board reads about them
    warnings: int
    overview: CoordinatorText  # the coordinator's overview, placed by goal
    progress: Progress  # every stored period up to this one: statuses and indicators over time

    @property
    def attention(self) -> tuple[ActionRecord, ...]:
        """The deviating actions' records, most serious status last in the scale's order."""
        return tuple(d.record for d in self.deviations)

    @property
    def unexplained(self) -> tuple[ActionRecord, ...]:
        return tuple(d.record for d in self.deviations if not d.record.deviation)

    @property
    def known(self) -> list[ActionRecord]:
        return [r for r in self.records if r.known]

    @property
    def added(self) -> list[ActionRecord]:
        """Rows the departments added (no or an unknown tunniste)."""
        return [r for r in self.records if not r.known]

    @property
    def complete(self) -> int:
        return sum(1 for r in self.known if r.state == "reported")

    @property
    def missing_departments(self) -> list[Department]:
        return [d for d in self.departments_expected if d.code not in self.departments_received]

    @property
    def category_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.categories)

    @property
    def on_track_statuses(self) -> tuple[str, ...]:
        """The scale's levels that are no deviation: done, or progressing as planned."""
        scale = self.category_names[:-1]  # the last category is NOT_REPORTED
        return tuple(name for name in scale if name not in self.deviation_statuses)

    @property
    def on_track(self) -> int:
        """The strategy's actions whose status is progress: what a resident asks first."""
        wanted = set(self.on_track_statuses)
        return sum(n for c, n in zip(self.categories, self.overall.counts, strict=True)
                   if c.name in wanted)

    @property
    def sdg_linked(self) -> int:
        """Records serving at least one SDG goal."""
        return sum(1 for r in self.records if r.sdg)

    def changes_of(self, kind: ChangeKind) -> list[Change]:
        return [c for c in self.changes if c.kind == kind]

    @property
    def moved(self) -> list[Change]:
        """The changes a reader is shown: status changed, first reported, report missing."""
        return [c for kind in MOVED_KINDS for c in self.changes_of(kind)]

    def color(self, record: ActionRecord) -> str | None:
        """The status colour of a record (None when it has no status on the scale)."""
        if record.status is None:
            return None
        return next((c.color for c in self.categories if c.name == record.status), None)


def gather(strategy: Strategy, consolidation: Consolidation, verdict: Verdict) -> PeriodFacts:
    """The facts of one consolidated period."""
    records = tuple(consolidation.records)
    known = [r for r in records if r.known]
    categories = (*(Category(level.name, level.color, level.phrase)
                    for level in strategy.status_scale),
                  Category(NOT_REPORTED, NOT_REPORTED_COLOR))
    names = tuple(c.name for c in categories)

    def tally(key: str, label: str, group: Iterable[ActionRecord]) -> Tally:
        counts = Counter(category(r) for r in group)
        return Tally(key, label, tuple(counts.get(name, 0) for name in names))

    def tallies(keys: Sequence[tuple[str, str]],
                of: Callable[[ActionRecord], Iterable[str]]) -> tuple[Tally, ...]:
        groups: dict[str, list[ActionRecord]] = {key: [] for key, _ in keys}
        for record in known:
            for key in of(record):
                groups.setdefault(key, []).append(record)
        labels = dict(keys)
        return tuple(tally(key, labels.get(key, key), group) for key, group in groups.items())

    by_goal = tallies([(g.code, g.name) for g in strategy.goals], lambda r: (r.goal,))
    by_department = tallies([(d.code, d.name) for d in strategy.departments],
                            lambda r: (r.department,))
    objectives = [(o.code, o.text) for g in strategy.goals for o in g.objectives]
    by_objective = tallies(objectives, lambda r: r.objectives)

    goals = []
    for goal in strategy.goals:
        mine = [r for r in records if r.goal == goal.code]
        goal_tally = next(t for t in by_goal if t.key == goal.code)
        codes = {o.code for o in goal.objectives}
        goals.append(GoalActions(goal.code, goal.name, _by_department(strategy, mine),
                                 goal_tally, tuple(t for t in by_objective if t.key in codes)))
    goal_codes = {g.code for g in strategy.goals}
    orphans = [r for r in records if r.goal not in goal_codes]
    if orphans:  # rows on a sheet that is no goal of the strategy: shown, not dropped
        goals.append(GoalActions("", OTHER_GOAL, _by_department(strategy, orphans),
                                 tally("", OTHER_GOAL, orphans), ()))

    received = {s.department: s for s in consolidation.submissions}
    deviation_names = strategy.deviation_statuses
    deviating = sorted((r for r in known if r.status in deviation_names),
                       key=lambda r: deviation_names.index(r.status or ""))
    approvals = tuple(
        Approval(d.code, d.name, d.code in received,
                 received[d.code].approver if d.code in received else "",
                 received[d.code].approved if d.code in received else None)
        for d in strategy.departments)
    return PeriodFacts(
        period=consolidation.period,
        categories=categories,
        records=records,
        goals=tuple(goals),
        overall=tally("", "Yhteensä", known),
        by_goal=by_goal,
        by_department=by_department,
        by_objective=by_objective,
        sdg=_sdg_counts(strategy, records),
        departments_expected=strategy.departments,
        departments_received=tuple(d.code for d in strategy.departments if d.code in received),
        deviations=tuple(Deviation(r, consolidation.streaks.get(r.action_id, 1))
                         for r in deviating),
        deviation_statuses=deviation_names,
        approvals=approvals,
        gaps=tuple(r for r in records if r.state != "reported" and r.department in received),
        changes=tuple(consolidation.changes),
        previous_period=consolidation.previous_period,
        errors=verdict.count("error"),
        warnings=verdict.count("warning"),
        overview=consolidation.overview,
        progress=progress_of(strategy, consolidation.trends),
    )


def department_name(strategy: Strategy, code: str) -> str:
    return next((d.name for d in strategy.departments if d.code == code), code)


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


def _sdg_counts(strategy: Strategy, records: Sequence[ActionRecord]) -> tuple[SdgCount, ...]:
    """Actions per SDG goal, by each record's goals (one rule: ``checks.meaning.sdg_goals``)."""
    found: dict[int, list[ActionRecord]] = {n: [] for n in sorted(strategy.sdg)}
    for record in records:
        for number in record.sdg:
            found.setdefault(number, []).append(record)
    return tuple(SdgCount(n, strategy.sdg.get(n, f"Tavoite {n}"), tuple(v))
                 for n, v in sorted(found.items()))


def toteuma_shown(record: ActionRecord, department_returned: bool) -> str:
    """A record's Toteuma as every report shows it: the department's text, or why there is none.
    """
    if record.toteuma:
        return record.toteuma
    if record.state == "missing" and not department_returned:
        return "Toimiala ei palauttanut seurantatietojaan."
    return NO_TOTEUMA


def what_is_missing(record: ActionRecord, department_returned: bool,
                    deviation_statuses: Sequence[str] = ()) -> str:
    """In plain words, what a record lacks: for the appendix, without quoting the cells.

    The cells' own wording (a misspelt status, a placeholder) is the coordinator's business and
    is in the Excel report; a public board document says only what information is missing.
    """
    from kemireport.checks.meaning import parse_sdg

    if record.state == "missing":
        return ("Toimenpiteen rivi puuttui palautuksesta." if department_returned
                else "Toimiala ei palauttanut seurantatietojaan.")
    parts = []
    if record.status is None:
        parts.append("tila")
    if record.toteuma is None:
        parts.append("toteuma")
    if record.known and record.deviation is None and record.status in deviation_statuses:
        parts.append("poikkeaman selvitys")
    said = ""
    if parts:
        verb = "puuttuu" if len(parts) == 1 else "puuttuvat"
        said = f"{and_list(parts).capitalize()} {verb}."
    if record.sdg_raw.strip() and parse_sdg(record.sdg_raw) is None:
        said += (" " if said else "") + ("Kestävän kehityksen tavoitteiden numeroita ei voitu "
                                         "lukea.")
    return said or "Tiedot ovat puutteelliset."
