"""The view across the strategy period: every stored half-year of the same strategy.

What the reports need beyond one period: each action's status in each period (its trajectory,
and each goal's status distribution over time) and each indicator's values (its trend).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from kemireport.core.period import Period


@dataclass(frozen=True)
class Trends:
    """The history as the reports follow it: statuses and indicator values by period."""

    periods: tuple[Period, ...] = ()  # oldest first, up to and including the period at hand
    # period -> action id -> its status (None: not reported), the strategy's actions only
    statuses: Mapping[Period, Mapping[str, str | None]] = field(default_factory=dict)
    # indicator id -> period -> its value (None: not reported or not a number)
    readings: Mapping[str, Mapping[Period, float | None]] = field(default_factory=dict)

    def trajectory(self, action_id: str) -> list[tuple[Period, str | None]]:
        """The action's status in every stored period, oldest first."""
        return [(p, self.statuses.get(p, {}).get(action_id)) for p in self.periods]

    def deviation_streaks(self, period: Period, statuses: Sequence[str]) -> dict[str, int]:
        """For each action deviating in ``period``: in how many consecutive half-years, this one
        included, its status has been one of ``statuses``.

        A half-year missing from the history ends the run: the board is told "second period
        in a row" only when the history shows both.
        """
        wanted = set(statuses)
        streaks: dict[str, int] = {}
        running: set[str] | None = None
        expected = period
        for stored in reversed(self.periods):
            if stored != expected:
                break
            deviating = {a for a, s in self.statuses.get(stored, {}).items() if s in wanted}
            running = deviating if running is None else running & deviating
            if not running:
                break
            for action_id in running:
                streaks[action_id] = streaks.get(action_id, 0) + 1
            expected = stored.previous()
        return streaks

    def series(self, indicator_id: str) -> list[tuple[Period, float | None]]:
        """The indicator's value in every stored period, oldest first."""
        values = self.readings.get(indicator_id, {})
        return [(p, values.get(p)) for p in self.periods]
