"""The Toteuma cell: a few sentences of what was done, not a placeholder.

Placeholders are what people type to get past a required cell ('-', 'x', '?', 'tbd') or a
pointer the board cannot follow ('ks. edellinen': the previous report is not in front of
them). 'Ei muutoksia' is *not* a placeholder: it is a statement the board can read, and it is
the honest Toteuma of an action whose Tila says nothing happened.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kemireport.checks.common import Where, fold
from kemireport.core.findings import Finding
from kemireport.reading.model import ReturnedRow

PLACEHOLDERS = frozenset({
    "x", "xx", "xxx", "tbd", "tba", "todo", "n/a", "na", "nn", "tyhja", "taytetaan",
    "taytetaan myohemmin", "tulossa", "myohemmin", "ks. edellinen", "ks edellinen",
    "kts. edellinen", "kts edellinen", "katso edellinen", "ks. ed", "ks. yla", "ks. ylla",
    "sama kuin edella", "kuten edella", "sama kuin edellinen", "kuten edellinen",
    "sama", "idem", "lorem ipsum",
})
_NO_WORDS = re.compile(r"^[\W_]*$")


_LONGEST = max(len(p) for p in PLACEHOLDERS) + 8  # room for dots, spaces and a '?'


def is_placeholder(text: str) -> bool:
    """True for an empty Toteuma or one that only stands in for an answer."""
    if len(text) > _LONGEST:  # a real answer: skip folding a long text (validation at scale)
        return _NO_WORDS.match(text) is not None
    folded = fold(text)
    if _NO_WORDS.match(folded):
        return True  # empty, or only punctuation: '-', '?', '..', '—', '-/-'
    return folded.rstrip(" .!?") in PLACEHOLDERS or folded in PLACEHOLDERS


def check_toteuma(row: ReturnedRow, action_id: str, where: Where) -> Iterator[Finding]:
    """toteuma-missing, on the Toteuma cell."""
    raw = row.values.get("Toteuma", "")
    if not is_placeholder(raw):
        return
    said = f" (nyt: '{raw.strip()}')" if raw.strip() else ""
    yield Finding.of(
        "toteuma-missing",
        f"Toteuma puuttuu{said}. Kirjoita Toteuma-soluun muutamalla lauseella, mitä kaudella "
        "tehtiin ja mihin päästiin.",
        **where.at(row, "Toteuma", action_id),
    )
