"""The action records as CSV for Finnish Excel and Power BI.

UTF-8 with a byte-order mark (so Excel recognises the encoding), ``;`` as the separator (the
Finnish list separator, as the decimal separator is a comma), CRLF line endings, and quotes
only where a value needs them. The columns are those of the workbook's "Toimenpiteet" sheet.

Text is written exactly as departments typed it, even when it begins with ``=``, ``+``, ``-``
or ``@``. Prefixing such cells (an apostrophe, a tab) would change the data every other
consumer reads (Power BI, pandas, the coordinator's scripts), and a Toteuma such as
"-20 % päästöistä" or "+358 40 123" is ordinary text. The CSV is the machine-readable copy:
people open the .xlsx report, where the same text is stored as text and can never run as a
formula. Only characters a spreadsheet cannot hold at all (C0 controls other than tab and line
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


def _cell(value: str | int | None) -> str:
    if value is None:
        return ""
    return clean_text(str(value), limit=None)
