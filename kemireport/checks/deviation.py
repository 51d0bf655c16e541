"""A deviation must say why, what is done about it and by when.

The strategy's status scale says which levels are deviations (``needs_explanation``). A row in
such a state whose "Poikkeaman syy ja korjaavat toimenpiteet" cell is empty or only a
placeholder is ``deviation-unexplained``. An explanation on a row that needs none is kept and
shown, never an error. Returns made from a template without the column are read as they are:
``template-outdated`` already says so once, instead of an error on every row.
"""

from __future__ import annotations

from collections.abc import Iterator

from kemireport.checks.common import Where
from kemireport.checks.meaning import RowMeaning
from kemireport.core.findings import Finding
from kemireport.core.finnish import only_in_cell
from kemireport.reading.model import ReturnedRow
from kemireport.templates.contract import DEVIATION, NEW_SCHEDULE


def check_deviation(row: ReturnedRow, meaning: RowMeaning, action_id: str,
                    where: Where) -> Iterator[Finding]:
    """deviation-unexplained, on the explanation cell."""
    if not meaning.unexplained:
        return
    yield Finding.of(
        "deviation-unexplained",
        f"Tila on ”{meaning.status}”, mutta poikkeaman syy puuttuu"
        f"{only_in_cell(meaning.deviation_raw)}. Kirjoita {DEVIATION} -soluun, miksi "
        "toimenpide poikkeaa suunnitelmasta ja mitä asialle tehdään, ja "
        f"{NEW_SCHEDULE} -soluun, milloin toimenpiteen arvioidaan valmistuvan.",
        **where.at(row, DEVIATION, action_id),
    )
