"""The SDG cell: the UN sustainable development goal numbers an action serves.

Expected form: numbers 1–17 separated by commas ('3, 7, 13'). Semicolons, spaces and 'ja'
are accepted as separators too, and a leading 'SDG' before a number ('SDG 7'), because their
meaning is plain. A decimal point is not: in a Finnish Excel '7,13' typed into a number cell
becomes the number 7.13, and '7,10' becomes 7.1 — the list cannot be recovered safely, so
the person is asked to type it again. An empty SDG cell is fine.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kemireport.checks.common import Where, shorten
from kemireport.core.findings import Finding
from kemireport.reading.model import ReturnedRow

_SEPARATORS = re.compile(r"\s*(?:[,;]|\s+ja\s+|\s)\s*", re.IGNORECASE)
_NUMBER = re.compile(r"^(?:sdg\s*)?#?0*(\d{1,2})$", re.IGNORECASE)
_DECIMAL = re.compile(r"^\d{1,2}\.\d+$")

EXPECTED = "numerot 1–17 pilkuilla erotettuina, esim. 3, 7, 13"


def parse_sdg(raw: str) -> tuple[int, ...] | None:
    """The goal numbers in typed order without repeats; () when empty; None when invalid."""
    text = raw.strip()
    if not text:
        return ()
    numbers: list[int] = []
    for part in _SEPARATORS.split(re.sub(r"(?i)\bsdg\s+", "sdg", text)):
        if not part:
            continue
        match = _NUMBER.match(part)
        if match is None:
            return None
        number = int(match.group(1))
        if not 1 <= number <= 17:
            return None
        if number not in numbers:
            numbers.append(number)
    return tuple(numbers)


def check_sdg(row: ReturnedRow, action_id: str, where: Where) -> Iterator[Finding]:
    """sdg-invalid, on the SDG cell."""
    raw = row.values.get("SDG", "")
    if parse_sdg(raw) is not None:
        return
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
        f"SDG-solussa on '{shorten(text, 40)}'.{why} Kirjoita SDG-soluun {expected}, tai "
        "jätä solu tyhjäksi.",
        **where.at(row, "SDG", action_id),
    )
