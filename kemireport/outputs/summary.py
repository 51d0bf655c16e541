"""What the final report of a strategy period says, counted once from the history.

An action's outcome is its last reported status: what the council asks is where each action
ended up, and an action that stopped being reported keeps the last thing that was said of it
(the trajectory shows when that was). Every number the Word and Excel final reports show comes
from here.
"""

from __future__ import annotations

from dataclasses import dataclass

from kemireport.core.period import Period
from kemireport.outputs.progress import Progress, Run, Trajectory
from kemireport.strategy import Goal, Objective, Strategy


@dataclass(frozen=True)
class Coverage:
    """How complete one period's data in the history is."""

    period: Period
    received: int  # departments whose return was used
    expected: int
    complete: int  # actions with a status on the scale and a Toteuma
    actions: int


@dataclass(frozen=True)
class Outcome:
    """How many of a group's actions ended in each category."""

    key: str  # goal or objective code; "" for every action
    label: str
    counts: tuple[int, ...]  # in ``Progress.categories`` order

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True)
class SummaryFacts:
    strategy: Strategy
    progress: Progress
    toteumat: dict[str, tuple[Period, str]]  # action id -> the last Toteuma and its period
    coverage: tuple[Coverage, ...]  # one per period of the view
    gaps: tuple[Period, ...]  # half-years between the first and last with no data in history

    @property
    def categories(self) -> tuple[str, ...]:
        return self.progress.categories

    @property
    def overall(self) -> Outcome:
        return Outcome("", "Kaikki päämäärät",
                       self.progress.final_counts(self.progress.trajectories))

    @property
    def by_goal(self) -> tuple[Outcome, ...]:
        return tuple(self.goal_outcome(g) for g in self.strategy.goals)

    def goal_outcome(self, goal: Goal) -> Outcome:
        return Outcome(goal.code, goal.name,
                       self.progress.final_counts(self.progress.of_goal(goal.code)))

    def objective_outcomes(self, goal: Goal) -> tuple[Outcome, ...]:
        return tuple(self.objective_outcome(o) for o in goal.objectives)

    def objective_outcome(self, objective: Objective) -> Outcome:
        mine = [t for t in self.progress.trajectories if objective.code in t.action.objectives]
        return Outcome(objective.code, objective.text, self.progress.final_counts(mine))

    def count(self, outcome: Outcome, status: str) -> int:
        return outcome.counts[self.categories.index(status)]

    @property
    def completed(self) -> int:
        return sum(self.count(self.overall, s) for s in self.progress.completed_statuses)

    @property
    def long_deviations(self) -> list[tuple[Trajectory, Run]]:
        return self.progress.long_deviations()

    @property
    def continuing(self) -> list[Trajectory]:
        return self.progress.continuing()


def gather_summary(strategy: Strategy, progress: Progress,
                   toteumat: dict[str, tuple[Period, str]],
                   coverage: tuple[Coverage, ...]) -> SummaryFacts:
    stored = {c.period for c in coverage}
    gaps = [p for p in progress.periods if p not in stored]
    return SummaryFacts(strategy, progress, toteumat, coverage, tuple(gaps))
