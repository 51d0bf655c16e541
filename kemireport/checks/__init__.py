"""The checks of a returned workbook, each a function that yields ``Finding`` records.

Modules follow the data: ``identity`` (is it our template), ``departments`` (one return per
department), ``rows`` (action rows by tunniste), and one module per open column: ``status``,
``toteuma`` and ``sdg``. ``check_action`` runs the row-level checks of one matched row.
"""

from __future__ import annotations

from collections.abc import Iterator

from kemireport.checks.common import Where
from kemireport.checks.rows import check_strategy_texts
from kemireport.checks.sdg import check_sdg, parse_sdg
from kemireport.checks.status import canonical_status, check_contradiction, check_status
from kemireport.checks.toteuma import check_toteuma, is_placeholder
from kemireport.core.findings import Finding
from kemireport.reading.model import ReturnedRow
from kemireport.strategy import Action, Strategy

__all__ = ["Where", "check_action", "is_complete"]


def check_action(strategy: Strategy, action: Action, row: ReturnedRow,
                 where: Where) -> Iterator[Finding]:
    """Every row-level check of one action's row, in the order its columns read."""
    yield from check_strategy_texts(strategy, action, row, where)
    yield from check_status(strategy, row, action.id, where)
    yield from check_toteuma(row, action.id, where)
    yield from check_sdg(row, action.id, where)
    yield from check_contradiction(strategy, row, action.id, where)


def is_complete(strategy: Strategy, row: ReturnedRow) -> bool:
    """A fully reported row: a Tila on the scale, a real Toteuma and a valid SDG."""
    return (
        canonical_status(strategy, row.values.get("Tila", "")) is not None
        and not is_placeholder(row.values.get("Toteuma", ""))
        and parse_sdg(row.values.get("SDG", "")) is not None
    )
