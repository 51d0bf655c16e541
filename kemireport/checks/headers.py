"""The header row of each goal sheet: where it is, and whether its texts are the contract's.

What a person did, said at the cell where they did it: a header text retyped (the column is
still read when its place is certain from its neighbours), a header deleted (its column cannot
be read, so its row-level findings would only mislead and are left out), or rows inserted
above the header row (the rows are still read).
"""

from __future__ import annotations

from collections.abc import Iterator

from kemireport.checks.common import Where
from kemireport.core.findings import Finding, Location
from kemireport.core.finnish import quote
from kemireport.reading.model import ReturnedSheet, ReturnedWorkbook
from kemireport.reading.safety import column_letters
from kemireport.strategy import Strategy
from kemireport.templates.contract import HEADER_SEARCH_ROWS, HEADERS


def check_headers(workbook: ReturnedWorkbook, strategy: Strategy,
                  where: Where) -> Iterator[Finding]:
    """header-moved, header-changed and header-missing, on the goal sheets."""
    for sheet in workbook.sheets:
        if strategy.goal_by_name(sheet.name) is None:
            continue
        yield from _sheet(sheet, where)


def _sheet(sheet: ReturnedSheet, where: Where) -> Iterator[Finding]:
    def at(cell: str | None = None) -> Location:
        return {"file": where.file, "department": where.department, "sheet": sheet.name,
                "cell": cell}

    row = sheet.header_row
    if row is None:
        yield Finding.of(
            "header-missing",
            f"Välilehdeltä {quote(sheet.name)} ei löydy otsikkoriviä ({', '.join(HEADERS)}), joten "
            "sen rivejä ei voitu lukea. Palauta otsikkorivi pohjan mukaiseksi tai kopioi tiedot "
            "uuteen raportointipohjaan.",
            **at())
        return
    first = min(sheet.columns.values(), default=0)
    if row > HEADER_SEARCH_ROWS:
        yield Finding.of(
            "header-moved",
            f"Otsikkorivi on rivillä {row}, vaikka sen paikka on {HEADER_SEARCH_ROWS} ensimmäisen "
            "rivin joukossa. Rivit luettiin silti. Poista otsikkorivin yläpuolelle lisätyt "
            "rivit, jotta pohja pysyy yhteensopivana.",
            **at(f"{column_letters(first)}{row}"))
    for header, now in sheet.renamed.items():
        said = f"lukee nyt {quote(now)}" if now else "on nyt tyhjä"
        yield Finding.of(
            "header-changed",
            f"Sarakkeen otsikkoa on muutettu: solussa {said}, kun siinä pitää lukea "
            f"{quote(header)}. Sarake luettiin paikkansa perusteella. Palauta otsikoksi "
            f"{quote(header)}.",
            **at(f"{column_letters(sheet.columns[header])}{row}"))
    for header in sheet.unplaced:
        yield Finding.of(
            "header-missing",
            f"Otsikkoriviltä (rivi {row}) puuttuu sarake {quote(header)}, joten sen tietoja ei "
            f"voitu lukea. Palauta sarake otsikkoineen {quote(header)} paikalleen (otsikot "
            f"järjestyksessä: {', '.join(HEADERS)}).",
            **at(f"{column_letters(first)}{row}"))
