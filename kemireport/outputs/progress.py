"""The view across the strategy period, counted once for every output that shows it.

Each goal's status distribution in every stored period, each action's trajectory from period to
period, and each indicator's values against its baseline and target. The period's reports show
it up to their own period (``PeriodFacts.progress``); the final report of the strategy period
(``kemireport summary``) shows it over the periods asked for. Like ``facts``, nothing here reads a
cell: the history's statuses are the meanings the rows were given when they were checked.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from kemireport.core.finnish import count, fi_date, fi_value
from kemireport.core.period import Period
from kemireport.history.trends import Trends
from kemireport.strategy import Action, Indicator, Point, Strategy

# One category for every record without a status on the scale: the department sent nothing, the
# row was deleted, or the Tila was empty or not on the scale (``facts`` and every output use it).
NOT_REPORTED = "Ei raportoitu"
NOT_REPORTED_COLOR = "#FFFFFF"  # never the only carrier of meaning: the category is named too
ARROW = " → "


class Counted(Protocol):
    """A group's count per status category (a period's ``Tally``, the final ``Outcome``): what
    a status table's row is built from."""

    @property
    def label(self) -> str: ...

    @property
    def counts(self) -> tuple[int, ...]: ...

    @property
    def total(self) -> int: ...


@dataclass(frozen=True)
class Run:
    """Consecutive periods in which an action had the same status."""

    status: str | None  # None: not reported
    first: Period
    last: Period
    length: int

    @property
    def shown(self) -> str:
        return self.status or NOT_REPORTED

    @property
    def span(self) -> str:
        """``7–12/2023`` or ``7–12/2023 – 1–6/2025``."""
        if self.first == self.last:
            return self.first.short
        return f"{self.first.short} – {self.last.short}"


@dataclass(frozen=True)
class Trajectory:
    """One action's status in every period of the view."""

    action: Action
    periods: tuple[Period, ...]
    statuses: tuple[str | None, ...]  # one per period; None: not reported

    @property
    def runs(self) -> tuple[Run, ...]:
        runs: list[Run] = []
        for period, status in zip(self.periods, self.statuses, strict=True):
            if runs and runs[-1].status == status:
                last = runs[-1]
                runs[-1] = Run(status, last.first, period, last.length + 1)
            else:
                runs.append(Run(status, period, period, 1))
        return tuple(runs)

    @property
    def text(self) -> str:
        """``Etenee suunnitellusti (3 seurantakautta) → Viivästynyt → Toteutunut``."""
        return ARROW.join(run.shown if run.length == 1
                          else f"{run.shown} "
                               f"({count(run.length, 'seurantakausi', 'seurantakautta')})"
                          for run in self.runs)

    @property
    def last(self) -> str | None:
        """The last status the action was reported with (None: never reported)."""
        return next((s for s in reversed(self.statuses) if s is not None), None)

    @property
    def last_period(self) -> Period | None:
        return next((p for p, s in zip(reversed(self.periods), reversed(self.statuses),
                                       strict=True) if s is not None), None)

    @property
    def changed(self) -> bool:
        """Whether the reported status ever changed (periods without a report do not count)."""
        return len({s for s in self.statuses if s is not None}) > 1

    def longest(self, statuses: Sequence[str]) -> Run | None:
        """The longest run (the latest of equals) in one of ``statuses``, e.g. the deviations."""
        best: Run | None = None
        for run in self.runs:
            if run.status in statuses and (best is None or run.length >= best.length):
                best = run
        return best


@dataclass(frozen=True)
class GoalTrend:
    """One goal's status distribution in each period: counts per category."""

    code: str
    name: str
    counts: tuple[tuple[int, ...], ...]  # one row per period, in ``Progress.categories`` order

    def total(self, index: int) -> int:
        return sum(self.counts[index])


@dataclass(frozen=True)
class IndicatorTrend:
    """One indicator's values in each period, and what they mean against its aims."""

    indicator: Indicator
    action: Action | None
    periods: tuple[Period, ...]
    values: tuple[float | None, ...]  # one per period; None: not reported
    latest: tuple[Period, float] | None  # the last value reported
    # What the latest is compared with: the value reported before it (a period's report) or
    # the first value of the view (the final report: the development over the whole period).
    previous: tuple[Period, float] | None

    @property
    def baseline(self) -> Point | None:
        return self.indicator.baseline

    @property
    def target(self) -> Point | None:
        return self.indicator.target

    @property
    def change(self) -> float | None:
        if self.latest is None or self.previous is None:
            return None
        return self.latest[1] - self.previous[1]

    @property
    def better(self) -> str:
        """Which way is good, in words."""
        return "suurempi on parempi" if self.indicator.direction == "up" \
            else "pienempi on parempi"

    @property
    def direction(self) -> str:
        """``parempaan``, ``huonompaan``, ``ennallaan`` or ``""`` (nothing to compare)."""
        change = self.change
        if change is None:
            return ""
        if change == 0:
            return "ennallaan"
        better = change > 0 if self.indicator.direction == "up" else change < 0
        return "parempaan" if better else "huonompaan"

    @property
    def direction_text(self) -> str:
        return {"parempaan": "Parempaan suuntaan", "huonompaan": "Huonompaan suuntaan",
                "ennallaan": "Ennallaan"}.get(self.direction, "Ei vertailukohtaa")

    @property
    def target_met(self) -> bool | None:
        """Whether the latest value reaches the target (None when either is missing)."""
        if self.latest is None or self.target is None:
            return None
        value, aim = self.latest[1], self.target.value
        return value >= aim if self.indicator.direction == "up" else value <= aim

    def shown(self, value: float | None) -> str:
        """A value with its unit: ``388 kpl``; a dash when there is none."""
        if value is None:
            return "–"
        return f"{fi_value(value)} {self.indicator.unit}".strip()

    @property
    def change_text(self) -> str:
        change = self.change
        if change is None:
            return "–"
        sign = "+" if change > 0 else ""
        if self.indicator.unit == "%":  # a rate moves in percentage points, not per cent
            return f"{sign}{fi_value(change)} %-yks." if change else "0 %-yks."
        return f"{sign}{self.shown(change)}"

    @property
    def description(self) -> str:
        """The numbers in words, for a chart's text alternative."""
        parts = [f"{p.short} {self.shown(v)}" for p, v in zip(self.periods, self.values,
                                                               strict=True) if v is not None]
        text = f"{self.indicator.name}: " + (", ".join(parts) if parts else "ei arvoja")
        if self.baseline:
            text += f"; lähtötaso {self.shown(self.baseline.value)} ({self.baseline.year})"
        if self.target:
            text += f"; tavoitetaso {self.shown(self.target.value)} ({self.target.year})"
        return text


@dataclass(frozen=True)
class Progress:
    """The view across the periods of the history, for one strategy."""

    periods: tuple[Period, ...]  # oldest first
    categories: tuple[str, ...]  # the scale's levels, then NOT_REPORTED
    goals: tuple[GoalTrend, ...]
    trajectories: tuple[Trajectory, ...]  # the strategy's actions, in strategy order
    indicators: tuple[IndicatorTrend, ...]  # the strategy's indicators, in strategy order
    deviation_statuses: tuple[str, ...]
    completed_statuses: tuple[str, ...]
    against_first: bool = False  # indicators compared with their first value, not the previous

    @property
    def compared_with(self) -> str:
        """The heading of the value the latest is compared with."""
        return "Ensimmäinen arvo" if self.against_first else "Edellinen arvo"

    @property
    def first(self) -> Period | None:
        return self.periods[0] if self.periods else None

    @property
    def last(self) -> Period | None:
        return self.periods[-1] if self.periods else None

    @property
    def span(self) -> str:
        """``1.7.2022–31.12.2025``: the dates the view covers."""
        if not self.periods:
            return ""
        return f"{fi_date(self.periods[0].start)}–{fi_date(self.periods[-1].end)}"

    def of_goal(self, goal: str) -> list[Trajectory]:
        return [t for t in self.trajectories if t.action.goal == goal]

    def indicators_of_goal(self, goal: str) -> list[IndicatorTrend]:
        return [i for i in self.indicators if i.action is not None and i.action.goal == goal]

    def long_deviations(self, at_least: int = 2) -> list[tuple[Trajectory, Run]]:
        """Actions that deviated for ``at_least`` consecutive periods, longest first."""
        found = []
        for trajectory in self.trajectories:
            run = trajectory.longest(self.deviation_statuses)
            if run is not None and run.length >= at_least:
                found.append((trajectory, run))
        return sorted(found, key=lambda item: -item[1].length)

    def continuing(self) -> list[Trajectory]:
        """Actions whose last status is not a completed one: material for the next strategy."""
        return [t for t in self.trajectories if t.last not in self.completed_statuses]

    def final_counts(self, trajectories: Sequence[Trajectory]) -> tuple[int, ...]:
        """How many of ``trajectories`` ended in each category (their last reported status)."""
        found = Counter(t.last or NOT_REPORTED for t in trajectories)
        return tuple(found.get(name, 0) for name in self.categories)


def progress_of(strategy: Strategy, trends: Trends, *, against_first: bool = False) -> Progress:
    """The view across ``trends``' periods, for ``strategy``'s goals, actions and indicators.

    ``against_first``: each indicator's latest value is compared with its first in the view
    (the final report), not with the one before it (a period's report).
    """
    # Every half-year from the first to the last: one missing from the history is a period in
    # which nothing was reported, shown as such, never silently joined to its neighbours.
    periods: tuple[Period, ...] = ()
    if trends.periods:
        every = [trends.periods[0]]
        while every[-1] < trends.periods[-1]:
            every.append(every[-1].next())
        periods = tuple(every)
    trends = Trends(periods, trends.statuses, trends.readings)
    categories = (*(level.name for level in strategy.status_scale), NOT_REPORTED)
    trajectories = tuple(
        Trajectory(action, periods, tuple(status for _, status in trends.trajectory(action.id)))
        for action in strategy.actions)
    goals = []
    for goal in strategy.goals:
        mine = [t for t in trajectories if t.action.goal == goal.code]
        rows = []
        for index in range(len(periods)):
            found = Counter(t.statuses[index] or NOT_REPORTED for t in mine)
            rows.append(tuple(found.get(name, 0) for name in categories))
        goals.append(GoalTrend(goal.code, goal.name, tuple(rows)))
    indicators = tuple(_indicator(strategy, indicator, trends, against_first)
                       for indicator in strategy.indicators)
    return Progress(periods, categories, tuple(goals), trajectories, indicators,
                    strategy.deviation_statuses, strategy.completed_statuses, against_first)


def _indicator(strategy: Strategy, indicator: Indicator, trends: Trends,
               against_first: bool) -> IndicatorTrend:
    series = trends.series(indicator.id)
    reported = [(p, v) for p, v in series if v is not None]
    return IndicatorTrend(
        indicator=indicator,
        action=strategy.action(indicator.action),
        periods=tuple(p for p, _ in series),
        values=tuple(v for _, v in series),
        latest=reported[-1] if reported else None,
        previous=(reported[0] if against_first else reported[-2]) if len(reported) > 1
        else None,
    )
