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


def word_list(items: Sequence[str], conjunction: str) -> str:
    """``a``, ``a ja b``, ``a, b ja c``: a Finnish list ends with its conjunction (``ja``,
    ``tai``, ``sekä``), no comma before it; an empty list is ``""``."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def and_list(items: Sequence[str]) -> str:
    """``a``, ``a ja b``, ``a, b ja c``."""
    return word_list(items, "ja")


def or_list(items: Sequence[str]) -> str:
    """``a``, ``a tai b``, ``a, b tai c``."""
    return word_list(items, "tai")


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
_SMALL_ELATIVE = ("nollasta", "yhdestä", "kahdesta", "kolmesta", "neljästä", "viidestä",
                  "kuudesta", "seitsemästä", "kahdeksasta", "yhdeksästä", "kymmenestä")
WORDS_UP_TO = 10  # running text writes 1–10 in words, larger numbers in digits


def in_words(number: int) -> str:
    """``4`` → ``neljä``, ``12`` → ``12``: a small number in running text is written in words."""
    return _SMALL[number] if 0 <= number <= WORDS_UP_TO else fi_int(number)


_SMALL_GENITIVE = ("", "yhden", "kahden", "kolmen", "neljän", "viiden", "kuuden", "seitsemän",
                  "kahdeksan", "yhdeksän", "kymmenen")


def genitive_number(number: int) -> str:
    """``6`` → ``kuuden``, ``16`` → ``16``: a number before a noun in the genitive (``kuuden
    toimenpiteen``); written in words from one to ten, in digits the noun alone carries the
    case."""
    return _SMALL_GENITIVE[number] if 1 <= number <= WORDS_UP_TO else fi_int(number)


def count_words(number: int, one: str, many: str) -> str:
    """``yksi virhe``, ``neljä virhettä``, ``12 virhettä``: small numbers in words, as running
    text writes them."""
    return f"{in_words(number)} {one if number == 1 else many}"


def numbers_in_words(*numbers: int) -> bool:
    """Whether the numbers of one sentence are written in words: only when all are small.

    Kielitoimisto's rule: small and large numbers side by side are all written in digits.
    """
    return all(0 <= n <= WORDS_UP_TO for n in numbers)


def number(value: int, words: bool) -> str:
    """``value`` in words (``words``) or in digits: for sentences that decide once."""
    return in_words(value) if words else fi_int(value)


def elative(value: int, words: bool = True) -> str:
    """``5`` → ``viidestä``, ``92`` → ``92:sta``, ``20`` → ``20:stä`` (the ending as it is said).
    """
    if words and 0 <= value <= WORDS_UP_TO:
        return _SMALL_ELATIVE[value]
    last = value % 100
    if last == 0 or 11 <= last <= 19:
        back = True  # sadasta, tuhannesta, -toista
    elif last % 10 == 0:
        back = False  # -kymmenestä
    else:
        back = last % 10 in (2, 3, 6, 8)  # kahdesta, kolmesta, kuudesta, kahdeksasta
    return f"{fi_int(value)}:{'sta' if back else 'stä'}"


def genitive_name(name: str) -> str | None:
    """A name's genitive where it is plainly regular: ``Kemin kaupunkistrategia 2022–2025`` →
    ``Kemin kaupunkistrategian 2022–2025``; None when the rule cannot be trusted.

    The head word is the last word of letters; it takes an ``n`` when it ends in a vowel
    other than ``e`` or ``i`` after anything but ``k``, ``p`` or ``t`` (strategia, ohjelma,
    suunnitelma, visio): such words do not change their stem. Anything else is better written
    around than guessed.
    """
    words = name.split(" ")
    for index in range(len(words) - 1, -1, -1):
        word = words[index]
        if word.isalpha():
            if len(word) >= 5 and word[-1] in "aäoöuy" and word[-2].lower() not in "kpt":
                words[index] = word + "n"
                return " ".join(words)
            return None
    return None
