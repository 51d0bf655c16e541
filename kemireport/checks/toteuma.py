"""The Toteuma cell: a few sentences of what was done, not a placeholder.

Whether a text is an answer or only stands in for one is decided in ``meaning``.
"""

from __future__ import annotations

from collections.abc import Iterator

from kemireport.checks.common import Where
from kemireport.checks.meaning import RowMeaning
from kemireport.core.findings import Finding
from kemireport.core.finnish import only_in_cell
from kemireport.reading.model import ReturnedRow


def check_toteuma(row: ReturnedRow, meaning: RowMeaning, action_id: str,
                  where: Where) -> Iterator[Finding]:
    """toteuma-missing, on the Toteuma cell."""
    if meaning.toteuma is not None:
        return
    yield Finding.of(
        "toteuma-missing",
        f"Toteuma puuttuu{only_in_cell(meaning.toteuma_raw)}. Kirjoita Toteuma-soluun "
        "muutamalla virkkeellä, mitä kaudella tehtiin ja mihin päästiin.",
        **where.at(row, "Toteuma", action_id),
    )
