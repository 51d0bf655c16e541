"""What every check shares: where a finding points, and how text is compared.

Departments type in Excel, Excel Online and LibreOffice, with autocorrect on: comparisons
ignore what those tools change on their own (runs of spaces, line breaks, typographic dashes)
but never what a person means.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from kemireport.core.findings import Location
from kemireport.core.memory import bounded_memory
from kemireport.reading.model import ReturnedRow

_DASHES = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-",
                         "\u2014": "-", "\u2212": "-"})


def squash(text: str) -> str:
    """Whitespace normalised: what a reader sees, not how the cell happens to wrap."""
    return " ".join(str(text).split())


@lru_cache(maxsize=4096)  # Tila values and scale names repeat in every row of every return
def fold(text: str) -> str:
    """Case, whitespace and diacritics folded: 'Ei  KAYNNISTYNYT' equals 'Ei käynnistynyt'."""
    decomposed = unicodedata.normalize("NFKD", squash(text).casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# The strategy's tunnisteet come back in every row of every return: a bounded memory of the
# short texts seen (a long one is worked out each time, so memory stays small).
@bounded_memory(20_000, max_chars=100)
def tunniste_key(text: str) -> str:
    """A tunniste as compared: 'ek – ymp – 01' and 'EK-YMP-01' are the same row."""
    text = str(text)
    # The dashes to unify are not ASCII: most tunnisteet need no translation.
    return "".join((text if text.isascii() else text.translate(_DASHES)).split()).upper()


def shorten(text: str, limit: int = 70) -> str:
    """A quotable excerpt of a long text, cut at a word boundary."""
    flat = squash(text)
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,.;:")
    return f"{cut}…"


def quoted(text: str, limit: int = 70) -> str:
    """A quoted excerpt that ends a sentence: the closing period only when the text lacks one."""
    excerpt = shorten(text, limit)
    return f"”{excerpt}”" + ("" if excerpt.endswith((".", "!", "?", "…")) else ".")


@dataclass(frozen=True)
class Where:
    """The workbook and department a check runs in; ``at`` adds the sheet, cell and row."""

    file: str | None
    department: str | None

    def at(self, row: ReturnedRow, column: str | None, row_id: str | None) -> Location:
        return {
            "file": self.file,
            "department": self.department,
            "sheet": row.sheet,
            "cell": row.cells.get(column) if column else None,
            "row_id": row_id or None,
        }
