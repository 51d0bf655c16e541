"""The action records as CSV for Finnish Excel and Power BI.

UTF-8 with a byte-order mark (so Excel recognises the encoding), ``;`` as the separator (the
Finnish list separator, as the decimal separator is a comma), CRLF line endings, and quotes
only where a value needs them. The columns are those of the workbook's "Toimenpiteet" sheet.

A text that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is written with
an apostrophe before it, as OWASP's CSV-injection guidance says: a spreadsheet that opens the
file would otherwise run ``=HYPERLINK(…)`` or ``=cmd|' /C calc'!A0`` as a live formula. Text
from departments is not trusted, and the CSV is opened in spreadsheets. The exact text, without
the apostrophe, is in the Excel report (stored as text, never a formula) and in the history
database. Only characters a spreadsheet cannot hold at all (C0 controls other than tab and line
breaks, lone surrogates) are removed, as in the workbook; nothing is truncated.
"""

from __future__ import annotations

import csv
from pathlib import Path

from kemireport.core.atomic import atomic_path
from kemireport.outputs.columns import action_columns, clean_text
from kemireport.outputs.facts import PeriodFacts
from kemireport.strategy import Strategy


def write_csv(strategy: Strategy, facts: PeriodFacts, path: Path) -> Path:
    """Write the period's action records to ``path`` (atomically)."""
    columns = action_columns(strategy)
    with atomic_path(path) as tmp, tmp.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", quotechar='"', lineterminator="\r\n",
                            quoting=csv.QUOTE_MINIMAL)
        writer.writerow([c.header for c in columns])
        for record in facts.records:
            writer.writerow([_cell(c.value(record)) for c in columns])
    return Path(path)


# OWASP, "CSV Injection": the characters that make a spreadsheet read a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: str | int | None) -> str:
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value)  # a number the program wrote, never a formula
    return neutralise(clean_text(value, limit=None))


def neutralise(text: str) -> str:
    """``text`` that a spreadsheet shows as text: an apostrophe before a formula's first sign."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text
