"""How tall a spreadsheet row must be for its wrapped text.

xlsxwriter and openpyxl cannot measure text, and LibreOffice does not grow a row to fit wrapped
text that a writer left at the default height: every writer of a workbook (the templates, the
coordinator's report, the feedback copies) estimates row heights here from Arial's widths.
Arial, because LibreOffice substitutes the metric-compatible Liberation Sans for it everywhere.
"""

from __future__ import annotations

from functools import lru_cache

FONT = "Arial"
FONT_SIZE = 10
LINE_HEIGHT = 12.75  # points per wrapped line of Arial 10, as Excel spaces them
MAX_ROW_HEIGHT = 409.0  # Excel's limit
_NARROW = frozenset("fijlrtI.,:;'!|()[]{} ")
_WIDE = frozenset("mwMWÅÄÖ%@")
_SPACE = 0.28


@lru_cache(maxsize=65_536)  # the same words recur in every row
def _word_em(word: str) -> float:
    # Arial's advance widths, coarsely: narrow letters, wide letters, capitals, digits, the rest.
    total = 0.0
    for char in word:
        if char in _NARROW:
            total += 0.28
        elif char in _WIDE:
            total += 0.85
        elif char.isupper():
            total += 0.68
        elif char.isdigit():
            total += 0.56
        else:
            total += 0.51
    return total


def line_count(text: str, width: float, *, bold: bool = False) -> int:
    """Lines ``text`` wraps to in a column ``width`` characters wide (Arial 10, word wrap)."""
    if not text:
        return 1
    room = ((width * 7 + 5) - 8) * 0.75 / FONT_SIZE  # pixels -> points -> ems, minus padding
    if bold:
        room /= 1.08  # bold Arial is about 8 % wider
    if "\n" not in text and len(text) * 0.85 <= room:
        return 1  # fits even if every letter were wide
    lines = 0
    for paragraph in text.split("\n"):
        lines += 1
        used = 0.0
        for word in paragraph.split(" "):
            size = _word_em(word)
            if used and used + _SPACE + size > room:
                lines += 1
                used = size
            else:
                used += (_SPACE if used else 0.0) + size
            while used > room:  # a word longer than the column breaks mid-word
                lines += 1
                used -= room
    return lines


def row_height(lines: int) -> float:
    return min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT + 3)
