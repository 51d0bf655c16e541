"""Whether the period at hand lies within the years the strategy covers.

A coordinator who starts the first half-year after the strategy period with last period's
settings would otherwise follow up a strategy that has ended, without a word from the tool.
"""

from __future__ import annotations

from collections.abc import Iterator

from kemireport.core.findings import Finding
from kemireport.core.period import Period
from kemireport.strategy import Strategy


def outside_strategy(strategy: Strategy, period: Period) -> str | None:
    """The warning for a period outside the strategy's years, or None when it is within."""
    years = strategy.years()
    if years is None or years[0] <= period.year <= years[1]:
        return None
    first, last = years
    return (f"Seurantakausi {period.label} ({period.id}) on strategian {strategy.name} "
            f"vuosien {first}–{last} ulkopuolella. Tarkista, että kausi on oikea ja että "
            "käytössä on voimassa oleva strategia (valinta --strategy tai asetus strategy).")


def check_period(strategy: Strategy, period: Period) -> Iterator[Finding]:
    """period-outside-strategy (warning)."""
    message = outside_strategy(strategy, period)
    if message is not None:
        yield Finding.of("period-outside-strategy", message)
