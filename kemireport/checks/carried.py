"""A carried-forward Toteuma returned unchanged.

Templates made with ``--from`` pre-fill last period's answers and keep a fingerprint of each
pre-filled Toteuma in the identity sheet. The same text coming back means the department did
not update it: the board would read last half-year's news as this one's.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from kemireport.checks.common import Where
from kemireport.core.findings import Finding
from kemireport.reading.model import ReturnedRow
from kemireport.templates.contract import text_fingerprint


def check_carried(row: ReturnedRow, action_id: str, carried: Mapping[str, str],
                  carried_from: str, where: Where) -> Iterator[Finding]:
    """toteuma-unchanged, on the Toteuma cell."""
    fingerprint = carried.get(action_id)
    text = row.values.get("Toteuma", "")
    if not fingerprint or not text.strip() or text_fingerprint(text) != fingerprint:
        return
    period = f" {carried_from}" if carried_from else ""
    yield Finding.of(
        "toteuma-unchanged",
        f"Toteuma on sama kuin edellisellä seurantakaudella{period}, jolta se esitäytettiin. "
        "Päivitä teksti kertomaan, mitä tällä seurantakaudella tehtiin, ja tarkista myös Tila.",
        **where.at(row, "Toteuma", action_id),
    )
