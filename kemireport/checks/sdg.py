"""The SDG cell: the UN sustainable development goal numbers an action serves.

What a typed list means is decided in ``meaning``; a cell that is not such a list is
``sdg-invalid`` here, and the person is asked to type it again. An empty SDG cell is fine.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kemireport.checks.common import Where, shorten
from kemireport.checks.meaning import RowMeaning
from kemireport.core.findings import Finding
from kemireport.core.finnish import quote
from kemireport.reading.model import ReturnedRow

_DECIMAL = re.compile(r"^\d{1,2}\.\d+$")

EXPECTED = "numerot 1–17 pilkuilla erotettuina, esim. 3, 7, 13"


def check_sdg(row: ReturnedRow, meaning: RowMeaning, action_id: str,
              where: Where) -> Iterator[Finding]:
    """sdg-invalid, on the SDG cell."""
    if meaning.sdg_typed is not None:
        return
    raw = meaning.sdg_raw
    text = raw.strip()
    expected = EXPECTED
    if _DECIMAL.match(text):
        why = " Excel on ilmeisesti muuttanut pilkulla erotetut numerot desimaaliluvuksi."
        expected += " (välilyönti pilkun jälkeen estää muutoksen)"
    else:
        too_big = [n for n in re.findall(r"\d+", text) if not 1 <= int(n) <= 17]
        why = f" Numeroa {too_big[0]} ei ole: tavoitteita on 17." if too_big else ""
    yield Finding.of(
        "sdg-invalid",
        f"SDG-solussa on {quote(shorten(text, 40))}.{why} Kirjoita SDG-soluun {expected}, tai "
        "jätä solu tyhjäksi.",
        **where.at(row, "SDG", action_id),
    )
