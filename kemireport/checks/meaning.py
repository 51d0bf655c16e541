"""What a returned row means, decided once, here, when the row is read and checked.

A row's Tila, Toteuma and SDG cells are text as a person typed them. What they *mean* (the
scale level, whether the Toteuma is an answer or a stand-in, which SDG goals the action serves,
whether the row is fully reported) is decided by the rules below and nowhere else: the checks
report on this meaning, consolidation stores it, and every output renders what was stored. So
the board's Word report, the coordinator's workbook, the CSV, the web page and the history can
never disagree about a row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kemireport.checks.common import fold
from kemireport.core.memory import bounded_memory
from kemireport.reading.model import ReturnedRow
from kemireport.strategy import Action, Strategy
from kemireport.templates.contract import DEVIATION, NEW_SCHEDULE

# -- the rules ----------------------------------------------------------------------------------


def canonical_status(strategy: Strategy, raw: str) -> str | None:
    """The scale level a Tila value means, or None if it is empty or not on the scale.

    A value that differs from a level only by case, spacing or missing diacritics
    ('toteutunut', 'Ei kaynnistynyt') is unambiguous, so it is that level: the dropdown is not
    enforced by every office suite, and refusing it would only cost a round trip.
    """
    wanted = fold(raw)
    if not wanted:
        return None
    levels = strategy.remember("folded status names", lambda: {
        fold(name): name for name in reversed(strategy.status_names)})
    return levels.get(wanted)


# Placeholders are what people type to get past a required cell ('-', 'x', '?', 'tbd') or a
# pointer the board cannot follow ('ks. edellinen': the previous report is not in front of
# them). 'Ei muutoksia' is *not* a placeholder: it is a statement the board can read, and it is
# the honest Toteuma of an action whose Tila says nothing happened.
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
    """True for an empty text or one that only stands in for an answer."""
    if len(text) > _LONGEST:  # a real answer: skip folding a long text (validation at scale)
        return _NO_WORDS.match(text) is not None
    folded = fold(text)
    if _NO_WORDS.match(folded):
        return True  # empty, or only punctuation: '-', '?', '..', '—', '-/-'
    return folded.rstrip(" .!?") in PLACEHOLDERS or folded in PLACEHOLDERS


# SDG cells: numbers 1–17 separated by commas ('3, 7, 13'). Semicolons, spaces and 'ja' are
# accepted as separators too, and a leading 'SDG' before a number ('SDG 7'), because their
# meaning is plain. A decimal point is not: in a Finnish Excel '7,13' typed into a number cell
# becomes the number 7.13, and '7,10' becomes 7.1, so the list cannot be recovered safely.
_SEPARATORS = re.compile(r"\s*(?:[,;]|\s+ja\s+|\s)\s*", re.IGNORECASE)
_NUMBER = re.compile(r"^(?:sdg\s*)?#?0*(\d{1,2})$", re.IGNORECASE)


# The same few lists come back in every return: a bounded memory of the short texts seen.
@bounded_memory(20_000, max_chars=100)
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


def sdg_goals(strategy: Strategy, action: Action | None,
              typed: tuple[int, ...] | None) -> tuple[int, ...]:
    """The SDG goals a row serves: one rule for every output.

    The numbers in the department's SDG cell when it has any (the department knows its action
    best); when the cell is empty (or not a valid list), the strategy's goals for the row: its
    own, else those of its table. A row the strategy does not know has only what was typed.
    """
    if typed:
        return tuple(sorted(typed))
    if action is None:
        return ()
    return strategy.strategy_sdg(action)


# A number as a Finn types it into an indicator's value cell: "24", "31,5", "1 234,5", "-2,1",
# or what a number cell reads back as ("31.5"). A trailing "%" is allowed (the unit column says
# it anyway); anything else (a unit, a date, words) is not a number.
_NUMBER_TEXT = re.compile(r"^[-+−]?(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:[.,]\d+)?$")


def parse_number(text: str) -> float | None:
    """The value an indicator cell holds, or None when it holds no number."""
    value = text.strip().removesuffix("%").strip()
    if not _NUMBER_TEXT.match(value):
        return None
    cleaned = value.replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    return float(cleaned.replace(",", ".").replace("−", "-"))


# A lone UTF-16 surrogate is not a character: no UTF-8 output (the database, the CSV, the
# Office files) can hold one, so it is dropped here, once, instead of crashing every writer.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def stored_text(text: str) -> str:
    """A department's text as the history stores it and every output shows it."""
    if text.isprintable():  # a surrogate is not printable: most texts need no look
        return text
    return _LONE_SURROGATE.sub("", text)


# -- the meaning of a row -----------------------------------------------------------------------


@dataclass(frozen=True)
class RowMeaning:
    """What one answered row says, by the rules above."""

    status: str | None  # the scale level; None when empty or not on the scale
    status_raw: str  # as typed
    toteuma: str | None  # None when empty or a placeholder
    toteuma_raw: str  # as typed
    sdg_typed: tuple[int, ...] | None  # the SDG cell's numbers; () empty, None invalid
    sdg_raw: str  # as typed
    sdg: tuple[int, ...]  # the goals the row serves (``sdg_goals``), sorted
    deviation: str | None = None  # why it deviates and what is done; None: empty/placeholder
    deviation_raw: str = ""
    new_schedule: str | None = None  # None when empty or a placeholder
    is_deviation: bool = False  # the status is one the scale says needs an explanation
    explanation_asked: bool = False  # the return has the deviation column (template v2)

    @property
    def unexplained(self) -> bool:
        """A deviation whose return could have said why, but did not."""
        return self.is_deviation and self.explanation_asked and self.deviation is None

    @property
    def complete(self) -> bool:
        """Fully reported: a Tila on the scale, a real Toteuma, a valid (or empty) SDG, and an
        explanation when the Tila is a deviation."""
        return (self.status is not None and self.toteuma is not None
                and self.sdg_typed is not None and not self.unexplained)


def interpret(strategy: Strategy, action: Action | None, row: ReturnedRow) -> RowMeaning:
    """The meaning of ``row``, which answers ``action`` (None: a row the strategy lacks)."""
    status_raw = stored_text(row.values.get("Tila", ""))
    toteuma_raw = stored_text(row.values.get("Toteuma", ""))
    sdg_raw = stored_text(row.values.get("SDG", ""))
    deviation_raw = stored_text(row.values.get(DEVIATION, ""))
    schedule_raw = stored_text(row.values.get(NEW_SCHEDULE, ""))
    typed = parse_sdg(sdg_raw)
    status = canonical_status(strategy, status_raw)
    return RowMeaning(
        status=status,
        status_raw=status_raw,
        toteuma=None if is_placeholder(toteuma_raw) else toteuma_raw,
        toteuma_raw=toteuma_raw,
        sdg_typed=typed,
        sdg_raw=sdg_raw,
        sdg=sdg_goals(strategy, action, typed),
        deviation=None if is_placeholder(deviation_raw) else deviation_raw,
        deviation_raw=deviation_raw,
        new_schedule=None if is_placeholder(schedule_raw) else schedule_raw,
        is_deviation=status in strategy.deviation_statuses,
        # Rows the department added are reported as they are: no check asks them to explain.
        explanation_asked=action is not None and DEVIATION in row.cells,
    )


def completes(strategy: Strategy, action: Action | None, row: ReturnedRow) -> bool:
    """``interpret(strategy, action, row).complete``, by the same rules, without building the
    meaning: what ranks a return against its department's other returns (every return of a
    folder of copies is ranked; only the one used is interpreted whole)."""
    values = row.values
    status = canonical_status(strategy, stored_text(values.get("Tila", "")))
    if status is None or is_placeholder(stored_text(values.get("Toteuma", ""))):
        return False
    if parse_sdg(stored_text(values.get("SDG", ""))) is None:
        return False
    if (status in strategy.deviation_statuses and action is not None
            and DEVIATION in row.cells):  # ``RowMeaning.unexplained``
        return not is_placeholder(stored_text(values.get(DEVIATION, "")))
    return True


@dataclass(frozen=True)
class Answer:
    """A row of an accepted return and its meaning."""

    action: Action | None  # None for a row with no or an unknown tunniste (row-unknown)
    row: ReturnedRow
    meaning: RowMeaning
