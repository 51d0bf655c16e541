"""Stage 4, checks: what each returned row means, and the findings about it.

``meaning`` decides what a row says (the one place); the other modules follow the data:
``identity`` (is it our template), ``departments`` (one return per department), ``rows``
(action rows by tunniste), and one module per open column: ``status``, ``toteuma`` and
``sdg``. ``check_action`` runs the row-level checks of one matched row.
"""

from __future__ import annotations

from collections.abc import Iterator

from kemireport.checks.common import Where
from kemireport.checks.deviation import check_deviation
from kemireport.checks.meaning import RowMeaning
from kemireport.checks.rows import check_strategy_texts
from kemireport.checks.sdg import check_sdg
from kemireport.checks.status import check_contradiction, check_status
from kemireport.checks.toteuma import check_toteuma
from kemireport.core.findings import Finding
from kemireport.reading.model import ReturnedRow
from kemireport.strategy import Action, Strategy

__all__ = ["Where", "check_action"]


def check_action(strategy: Strategy, action: Action, row: ReturnedRow, meaning: RowMeaning,
                 where: Where) -> Iterator[Finding]:
    """Every row-level check of one action's row, in the order its columns read."""
    yield from check_strategy_texts(strategy, action, row, where)
    # A column whose header is gone was not read: ``header-missing`` says so once, instead of
    # a misleading "empty" finding on every row.
    if "Tila" in row.cells:
        yield from check_status(strategy, row, meaning, action.id, where)
    if "Toteuma" in row.cells:
        yield from check_toteuma(row, meaning, action.id, where)
    if "SDG" in row.cells:
        yield from check_sdg(row, meaning, action.id, where)
    if "Tila" in row.cells:
        yield from check_deviation(row, meaning, action.id, where)
    if "Tila" in row.cells and "Toteuma" in row.cells:
        yield from check_contradiction(row, meaning, action.id, where)
