"""The Word reports' status tables, built once for the period's report and the final report.

The web pages' twins are ``PageBase._by_goal_table`` and ``PageBase._counts_table``
(``outputs.html.common``): the same rows and columns, so every output counts alike.
"""

from __future__ import annotations

from collections.abc import Sequence

from kemireport.core.finnish import fi_int, fi_percent
from kemireport.outputs.progress import Counted
from kemireport.outputs.word.blocks import Builder, Cell, Column


def status_by_goal(b: Builder, first: str, categories: Sequence[tuple[str, str | None]],
                   goals: Sequence[Counted], overall: Counted, *, caption: str,
                   description: str) -> None:
    """A row per status category (``categories``: its name and its fill, None for none), a
    column per goal, the total and the share; a total row last. A category is shaded only
    where it has actions."""
    rows = []
    for index, (name, fill) in enumerate(categories):
        rows.append([Cell(name, fill if overall.counts[index] else None),
                     *(Cell(fi_int(g.counts[index])) for g in goals),
                     Cell(fi_int(overall.counts[index])),
                     Cell(fi_percent(overall.counts[index], overall.total))])
    rows.append([Cell("Yhteensä", emphasis=True),
                 *(Cell(fi_int(g.total), emphasis=True) for g in goals),
                 Cell(fi_int(overall.total), emphasis=True),
                 Cell(fi_percent(overall.total, overall.total), emphasis=True)])
    b.table([Column(first, 3.2), *(Column(g.label, 2.2) for g in goals),
             Column("Yhteensä", 1.7), Column("Osuus", 1.5)], rows,
            caption=caption, description=description)


def counts_by_category(b: Builder, first: str, categories: Sequence[str],
                       groups: Sequence[Counted], *, caption: str, description: str) -> None:
    """A row per group (an objective), one column per status category, and a total."""
    columns = [Column(first, 4.2), *(Column(name, 1.6) for name in categories),
               Column("Yhteensä", 1.5)]
    rows = [[Cell(g.label), *(Cell(fi_int(n)) for n in g.counts), Cell(fi_int(g.total))]
            for g in groups]
    b.table(columns, rows, caption=caption, description=description)
