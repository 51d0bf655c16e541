"""Indicator values: a number for each of the department's indicators, with its source.

The value cell holds a number as the person typed it ("24", "31,5"); a value that is not a
number is ``indicator-invalid`` (an error: the reports cannot show it), an empty one is
``indicator-missing`` (a warning: the value may not be published yet, and the source cell can
say so). Returns of a template made before indicators (version 1) are not asked for them:
``template-outdated`` already says what they lack.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from kemireport.checks.common import tunniste_key
from kemireport.checks.meaning import parse_number, stored_text
from kemireport.core.findings import Finding, Location
from kemireport.core.finnish import quote
from kemireport.reading.model import IndicatorRow, ReturnedWorkbook
from kemireport.strategy import Indicator, Strategy
from kemireport.templates.contract import INDICATOR_SHEET, SOURCE, TEMPLATE_VERSION, VALUE


@dataclass(frozen=True)
class IndicatorValue:
    """What a return says of one indicator."""

    indicator: Indicator
    value: float | None  # None when empty or not a number
    raw: str  # the value cell as typed
    source: str
    sheet: str | None = None
    cell: str | None = None  # the value cell


def read_indicators(strategy: Strategy, department: str,
                    workbook: ReturnedWorkbook) -> tuple[tuple[IndicatorValue, ...],
                                                        list[Finding]]:
    """The department's indicator values from its return, and the findings about them."""
    indicators = strategy.indicators_for(department)
    identity = workbook.identity
    if not indicators or identity is None or identity.template_version != TEMPLATE_VERSION:
        return (), []
    rows = {tunniste_key(r.indicator_id): r for r in workbook.indicators or ()}
    values: list[IndicatorValue] = []
    findings: list[Finding] = []
    for indicator in indicators:
        row = rows.get(tunniste_key(indicator.id))
        value = _value(indicator, row)
        values.append(value)
        findings.extend(_check(indicator, row, value, workbook.file, department))
    return tuple(values), findings


def _value(indicator: Indicator, row: IndicatorRow | None) -> IndicatorValue:
    if row is None:
        return IndicatorValue(indicator, None, "", "")
    raw = stored_text(row.value)
    return IndicatorValue(indicator, parse_number(raw), raw, stored_text(row.source),
                          INDICATOR_SHEET, row.cells.get(VALUE))


def _check(indicator: Indicator, row: IndicatorRow | None, value: IndicatorValue, file: str,
           department: str) -> Iterator[Finding]:
    where: Location = {"file": file, "department": department, "sheet": INDICATOR_SHEET,
                       "row_id": indicator.action,
                       "cell": row.cells.get(VALUE) if row is not None else None}
    name = f"{quote(indicator.name)} ({indicator.id})"
    if row is None:
        yield Finding.of(
            "indicator-missing",
            f"Mittarin {name} rivi puuttuu {INDICATOR_SHEET}-välilehdeltä. Lisää rivi "
            "tunnisteineen takaisin ja kirjoita sen arvo, tai pyydä uusi pohja.",
            file=file, department=department, sheet=INDICATOR_SHEET, row_id=indicator.action)
        return
    if not value.raw.strip():
        yield Finding.of(
            "indicator-missing",
            f"Mittarin {name} arvo puuttuu. Kirjoita Arvo-soluun seurantakauden arvo pelkkänä "
            f"lukuna (yksikkö {indicator.unit}). Jos arvoa ei vielä ole, kerro syy {SOURCE} "
            "-solussa.",
            **where)
    elif value.value is None:
        yield Finding.of(
            "indicator-invalid",
            f"Mittarin {name} arvo {quote(value.raw)} ei ole luku. Kirjoita Arvo-soluun pelkkä "
            f"luku, esim. 24 tai 31,5; yksikkö ({indicator.unit}) on valmiina Yksikkö-"
            "sarakkeessa, ja selitykset kuuluvat huomioihin.",
            **where)
