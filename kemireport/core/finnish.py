"""Finnish text for the report: numbers with decimal commas, dates, sensible shortening.

Formatting is done by hand, never with ``locale.setlocale``: the process locale is global state
and on a coordinator's Windows machine it may be anything.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from kemireport.core.ooxml import xml_safe

NBSP = "\u00a0"  # keeps "42,5 %" and "1 800" on one line

_SENTENCE_END = re.compile(r"[.!?…](?=\s+[A-ZÅÄÖ0-9\"“”'(])")


def clean(text: str) -> str:
    """Text safe to put into a Word document (control characters dropped)."""
    return xml_safe(text)


def fi_int(value: int) -> str:
    """``1800`` → ``1 800`` (a non-breaking space as the thousands separator)."""
    return f"{value:,}".replace(",", NBSP)


def fi_number(value: float, decimals: int = 1) -> str:
    """``42.5`` → ``42,5``."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", NBSP).replace(".", ",")


def fi_value(value: float, decimals: int = 2) -> str:
    """A measured value as typed: ``388`` → ``388``, ``12.5`` → ``12,5``, ``-3.25`` → ``−3,25``.

    No trailing zeros: an indicator's value is shown with the precision it was reported in.
    """
    text = fi_number(abs(value), decimals).rstrip("0").rstrip(",")
    return f"−{text}" if value < 0 and text.strip("0,") else text


def fi_percent(part: int, whole: int, decimals: int = 1) -> str:
    """``17`` of ``40`` → ``42,5 %``; an empty whole gives ``0 %``."""
    if whole <= 0:
        return f"0{NBSP}%"
    value = 100.0 * part / whole
    if value == round(value):
        return f"{round(value)}{NBSP}%"
    return f"{fi_number(value, decimals)}{NBSP}%"


def fi_date(day: date) -> str:
    """``2025-08-05`` → ``5.8.2025``."""
    return f"{day.day}.{day.month}.{day.year}"


def shorten(text: str, limit: int = 200) -> str:
    """At most about ``limit`` characters, cut at a sentence end if one is near, else a word.

    A department's explanation is quoted in its own words; cutting mid-sentence would put
    words in its mouth, so a whole sentence is preferred even if it leaves the text shorter.
    """
    flat = " ".join(clean(text).split())
    if len(flat) <= limit:
        return flat
    ends = [m.end() for m in _SENTENCE_END.finditer(flat, 0, limit + 1)]
    ends = [end for end in ends if end <= limit]
    if ends and ends[-1] >= limit * 0.4:
        return f"{flat[:ends[-1]]} …"
    cut = flat.rfind(" ", 0, limit)
    if cut < limit * 0.5:
        cut = limit
    return flat[:cut].rstrip(" ,;:–-") + "…"


def count(number: int, one: str, many: str) -> str:
    """``1 virhe``, ``0 virhettä``, ``2 virhettä``: Finnish takes the singular only after 1."""
    return f"{fi_int(number)} {one if number == 1 else many}"


def and_list(items: Sequence[str]) -> str:
    """``a``, ``a ja b``, ``a, b ja c``: a Finnish list ends with "ja", no comma before it."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} ja {items[-1]}"


def or_list(items: Sequence[str]) -> str:
    """``a``, ``a tai b``, ``a, b tai c``."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} tai {items[-1]}"


def quote(text: str) -> str:
    """Text in Finnish quotation marks: ”teksti” (the same mark opens and closes)."""
    return f"”{text}”"


_MARKS = {"-": "viiva", "–": "viiva", "—": "viiva", "?": "kysymysmerkki", "x": "rasti",
          "X": "rasti", ".": "piste", "…": "kolme pistettä", "...": "kolme pistettä"}


def only_in_cell(raw: str) -> str:
    """What a cell that stands in for an answer holds, as the end of a clause.

    ``""`` for an empty cell, ``": solussa on vain viiva"`` for ``-``, ``": solussa on vain
    ”tbd”"`` otherwise: a person sees at once which cell is meant and why it does not count.
    """
    text = raw.strip()
    if not text:
        return ""
    return f": solussa on vain {_MARKS.get(text, quote(text))}"


_SMALL = ("nolla", "yksi", "kaksi", "kolme", "neljä", "viisi", "kuusi", "seitsemän",
          "kahdeksan", "yhdeksän", "kymmenen")


def count_words(number: int, one: str, many: str) -> str:
    """``yksi virhe``, ``neljä virhettä``, ``12 virhettä``: small numbers in words, as running
    text writes them."""
    shown = _SMALL[number] if 0 <= number < len(_SMALL) else fi_int(number)
    return f"{shown} {one if number == 1 else many}"
