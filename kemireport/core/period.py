"""Half-year reporting periods: canonical id ``2025-H1``.

Also accepted as input: ``1/2025``, ``2025/1`` and ``2025H1``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from kemireport.errors import PeriodError

_FORMS = (
    re.compile(r"^(?P<year>\d{4})\s*-?\s*[Hh](?P<half>[12])$"),  # 2025-H1, 2025H1
    re.compile(r"^(?P<half>[12])\s*/\s*(?P<year>\d{4})$"),  # 1/2025
    re.compile(r"^(?P<year>\d{4})\s*/\s*(?P<half>[12])$"),  # 2025/1
)


@dataclass(frozen=True, order=True)
class Period:
    """A follow-up period: a half-year (``2025-H1``), ordered in time."""

    year: int
    half: int

    @classmethod
    def parse(cls, text: str) -> Period:
        value = str(text).strip()
        if not value:
            raise PeriodError(
                "Seurantakausi on tyhjä. Anna seurantakausi muodossa 2025-H1 tai 2025-H2 (myös "
                "1/2025, 2025/1 ja 2025H1 käyvät), tai jätä valinta pois, jolloin käytetään "
                "input-kansion uusinta seurantakautta.")
        for form in _FORMS:
            match = form.match(value)
            if match:
                year = int(match.group("year"))
                if 2000 <= year <= 2100:
                    return cls(year, int(match.group("half")))
        raise PeriodError(
            f"Seurantakautta ”{text}” ei tunnisteta. Anna seurantakausi muodossa 2025-H1 tai "
            "2025-H2 (myös 1/2025, 2025/1 ja 2025H1 käyvät)."
        )

    @classmethod
    def of(cls, day: date) -> Period:
        """The half-year a day falls in."""
        return cls(day.year, 1 if day.month <= 6 else 2)

    @classmethod
    def is_period_id(cls, text: str) -> bool:
        try:
            cls.parse(text)
        except PeriodError:
            return False
        return True

    @property
    def id(self) -> str:
        return f"{self.year}-H{self.half}"

    @property
    def start(self) -> date:
        return date(self.year, 1 if self.half == 1 else 7, 1)

    @property
    def end(self) -> date:
        return date(self.year, 6, 30) if self.half == 1 else date(self.year, 12, 31)

    @property
    def label(self) -> str:
        """The period in words, as a board member reads it: ``1.1.–30.6.2025``."""
        return f"{self.start.day}.{self.start.month}.–{self.end.day}.{self.end.month}.{self.year}"

    @property
    def short(self) -> str:
        """The period in a table heading or on a chart's axis: ``1–6/2025``, ``7–12/2025``."""
        return f"{'1–6' if self.half == 1 else '7–12'}/{self.year}"

    @property
    def long_label(self) -> str:
        half = "tammi–kesäkuu" if self.half == 1 else "heinä–joulukuu"
        return f"{self.label} ({half} {self.year})"

    def previous(self) -> Period:
        return Period(self.year, 1) if self.half == 2 else Period(self.year - 1, 2)

    def next(self) -> Period:
        return Period(self.year, 2) if self.half == 1 else Period(self.year + 1, 1)

    def __str__(self) -> str:
        return self.id
