"""The Toteuma cell: a few sentences of what was done, not a placeholder.

Whether a text is an answer or only stands in for one is decided in ``meaning``.
"""

from __future__ import annotations

from collections.abc import Iterator

from kemireport.checks.common import Where
from kemireport.checks.meaning import RowMeaning
from kemireport.core.findings import Finding
from kemireport.core.finnish import fi_int, only_in_cell
from kemireport.reading.model import ReturnedRow

_KINDS = {"number": "luku", "date": "päivämäärä", "time": "kellonaika",
          "boolean": "totuusarvo"}
CELL_LIMIT = 32_767  # characters (UTF-16 units) an Excel cell holds


def check_toteuma(row: ReturnedRow, meaning: RowMeaning, action_id: str,
                  where: Where) -> Iterator[Finding]:
    """toteuma-missing, toteuma-not-text and toteuma-too-long, on the Toteuma cell."""
    if meaning.toteuma is not None:
        kind = row.kinds.get("Toteuma")
        if kind is not None:
            what = _KINDS.get(kind, "arvo")
            yield Finding.of(
                "toteuma-not-text",
                f"Toteuma-solussa on {what} ({meaning.toteuma[:40]}) eikä tekstiä. Kirjoita "
                "Toteuma-soluun muutamalla virkkeellä, mitä seurantakaudella tehtiin ja mihin "
                "päästiin.",
                **where.at(row, "Toteuma", action_id),
            )
        units = len(meaning.toteuma.encode("utf-16-le")) // 2
        if units > CELL_LIMIT:
            yield Finding.of(
                "toteuma-too-long",
                f"Toteuma on {fi_int(units)} merkkiä pitkä, enemmän kuin Excelin solu voi "
                f"näyttää ({fi_int(CELL_LIMIT)}). Koko teksti on tallessa historiassa ja "
                "CSV-aineistossa, mutta Excel-koosteessa ja seurantaraportissa se katkaistaan "
                "merkinnällä. Tiivistä Toteuma muutamaan kappaleeseen.",
                **where.at(row, "Toteuma", action_id),
            )
        return
    yield Finding.of(
        "toteuma-missing",
        f"Toteuma puuttuu{only_in_cell(meaning.toteuma_raw)}. Kirjoita Toteuma-soluun "
        "muutamalla virkkeellä, mitä seurantakaudella tehtiin ja mihin päästiin.",
        **where.at(row, "Toteuma", action_id),
    )
