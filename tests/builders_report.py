"""Builders for the report stage: a ``Validation`` from returns built in memory.

The returns come from ``tests/builders.returned`` (what the reader would give); they go
through the real ``validate_outcomes``, so the findings and the accepted returns are the ones
the command would produce, without any file on disk.
"""

from __future__ import annotations

from collections.abc import Mapping

from builders import GOOD, returned

from kemireport.checks.validation import Validation, validate_outcomes
from kemireport.core.period import Period
from kemireport.reading.model import ReturnedWorkbook
from kemireport.reading.reader import ReadOutcome
from kemireport.strategy import Strategy
from kemireport.templates.contract import DEVIATION

# Text a spreadsheet would turn into something else if it were not written as text, and
# characters an .xlsx cannot hold.
FORMULA_LIKE = ("=SUM(A1)", "+358 40 123", "@foo", "http://x", "-1", "=1+1", "0012",
                "1,5", "TOSI", "2025-01-01")
CONTROL = "alku\x00\x01\x08\x0b\x0c\x0e\x1f\ud800loppu"
CONTROL_CLEANED = "alkuloppu"


def validation(strategy: Strategy, period: str, returns: list[ReturnedWorkbook]) -> Validation:
    """Validate returns built in memory, as ``validate_folder`` would after reading them."""
    outcomes = [ReadOutcome(wb.file, wb, None) for wb in returns]
    return validate_outcomes(strategy, Period.parse(period), outcomes)


def department_return(strategy: Strategy, department: str, period: str, *,
                      answers: Mapping[str, Mapping[str, str]] | None = None,
                      default: Mapping[str, str] | None = GOOD, drop: tuple[str, ...] = (),
                      extra: Mapping[str, list[Mapping[str, str]]] | None = None,
                      file: str | None = None) -> ReturnedWorkbook:
    return returned(strategy, department, period=period, answers=answers, default=default,
                    drop=drop, extra=extra, file=file)


def statuses(strategy: Strategy, period: str,
             by_action: Mapping[str, str]) -> list[ReturnedWorkbook]:
    """Every department's return with the given Tila per tunniste (others 'Etenee …')."""
    answers = {action_id: {"Tila": status, "Toteuma": f"Toteuma {action_id} {status}.",
                           DEVIATION: f"Syy ja korjaavat toimenpiteet {action_id}."}
               for action_id, status in by_action.items()}
    return [department_return(strategy, d.code, period, answers=answers)
            for d in strategy.departments]
