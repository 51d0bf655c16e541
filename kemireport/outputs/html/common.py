"""What every web page of kemireport shares: the template engine, the pieces the templates
render (tables, charts, action cards), fragment identifiers and the status styles.

The period's page (``page``) and the final report's page (``summary``) are both built from
these, with the macros of ``templates/macros.html.j2`` and the frame of
``templates/layout.html.j2``, so they look and behave alike: one self-contained file, no
scripts, no requests, department text escaped by Jinja2 and never marked safe.
"""

from __future__ import annotations

import re
import textwrap
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kemireport.core.atomic import atomic_path
from kemireport.core.finnish import fi_int, fi_percent
from kemireport.core.ooxml import readable_fill
from kemireport.outputs.charts import Bar, Group, stacked_description
from kemireport.outputs.progress import NOT_REPORTED, Counted, GoalTrend, IndicatorTrend, Progress
from kemireport.reading.overview import Block

if TYPE_CHECKING:
    import jinja2

TEXT_ON_FILL = 7.0  # contrast of black status text on its fill (WCAG AAA; AA asks 4.5)
NOT_REPORTED_CLASS = "tila-puuttuu"

# Characters HTML does not allow in text (controls other than whitespace, noncharacters, lone
# surrogates), and the form feed, which the Office files cannot hold: the page shows the same
# text as the Word report. A department's text may carry them, pasted from another program.
_NOT_HTML = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef"
    + "".join(f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}"
              for plane in range(17))
    + "]")


def html_text(value: str) -> str:
    """``value`` without the characters an HTML document cannot hold."""
    return _NOT_HTML.sub("", value)


# -- what the templates render -----------------------------------------------------------------


@dataclass(frozen=True)
class Link:
    text: str
    href: str


@dataclass(frozen=True)
class Column:
    text: str
    numeric: bool = False


@dataclass(frozen=True)
class Cell:
    text: str = ""
    numeric: bool = False
    status: str = ""  # the CSS class of a status badge ("" for plain text)
    links: tuple[Link, ...] = ()  # shown after the text, separated by commas
    note: str = ""  # a second, smaller line


@dataclass(frozen=True)
class Row:
    cells: tuple[Cell, ...]  # the first is the row's header cell
    total: bool = False


@dataclass(frozen=True)
class Table:
    id: str
    caption: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    css: str = ""  # "leveat": long row headers that need room; "muutokset": fits a phone


@dataclass(frozen=True)
class ChartBar:
    lines: tuple[str, ...]  # the bar's name, wrapped
    value: str  # its number as text
    width: float  # percent of the chart's width
    fill: str
    label_y: int  # baseline of the name's first line
    bar_y: int
    value_y: int


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    description: str
    height: int
    bars: tuple[ChartBar, ...]


@dataclass(frozen=True)
class Card:
    """One action as a page shows it."""

    anchor: str  # "" for a row the strategy does not know (nothing links to it)
    action_id: str
    toimenpiteet: str
    status: str
    status_class: str
    toteuma: str
    answered: bool  # False: the Toteuma is the page's note of what is missing
    known: bool
    trajectory: str = ""  # the status in each stored period, when there are two or more
    status_label: str = "Tila"  # "Viimeisin tila" in the final report
    status_note: str = ""  # e.g. the period the last status is from
    toteuma_label: str = "Toteuma"  # "Viimeisin toteuma (7–12/2025)" in the final report


@dataclass(frozen=True)
class DepartmentView:
    anchor: str
    name: str
    cards: tuple[Card, ...]


@dataclass(frozen=True)
class StatusStyle:
    css_class: str
    fill: str


# -- the template engine -----------------------------------------------------------------------


def render(template: str, context: dict[str, Any]) -> str:
    return _environment().get_template(template).render(context)


def write_page(text: str, path: Path) -> Path:
    """Write a rendered page to ``path`` (atomically, UTF-8, LF line ends)."""
    with atomic_path(Path(path)) as tmp:
        tmp.write_text(text, encoding="utf-8", newline="\n")
    return Path(path)


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    import jinja2

    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("kemireport.outputs.html", "templates"),
        autoescape=True,  # every value is escaped; department text is never marked safe
        undefined=jinja2.StrictUndefined,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters["groupby_kind"] = _groupby_kind
    return environment


@dataclass(frozen=True)
class _BlockGroup:
    kind: str
    blocks: tuple[Block, ...]


def _groupby_kind(blocks: Sequence[Block]) -> list[_BlockGroup]:
    """Consecutive list items of one kind are one list; paragraphs stay paragraphs."""
    groups: list[_BlockGroup] = []
    for block in blocks:
        if groups and groups[-1].kind == block.kind:
            groups[-1] = _BlockGroup(block.kind, (*groups[-1].blocks, block))
        else:
            groups.append(_BlockGroup(block.kind, (block,)))
    return groups


def _finalize(value: object) -> object:
    """Every printed value: text without the characters HTML cannot hold (before escaping)."""
    from markupsafe import Markup

    if isinstance(value, str) and not isinstance(value, Markup):
        return html_text(value)
    return value


# -- names and styles --------------------------------------------------------------------------


class Anchors:
    """Unique, readable fragment identifiers: ``paamaara-ek``, ``toimenpide-ek-ymp-02``."""

    def __init__(self) -> None:
        self.ids: set[str] = set()

    def __call__(self, text: str) -> str:
        folded = unicodedata.normalize("NFKD", text.casefold())
        base = re.sub(r"[^a-z0-9]+", "-", folded.encode("ascii", "ignore").decode()).strip("-")
        base = base or "kohta"
        anchor, number = base, 1
        while anchor in self.ids:
            number += 1
            anchor = f"{base}-{number}"
        self.ids.add(anchor)
        return anchor


class PageBase:
    """What both pages do with names: fragment identifiers, links to actions, status classes."""

    def __init__(self, categories: Iterable[tuple[str, str]], sections: Sequence[str]) -> None:
        self._anchor = Anchors()
        self.styles = status_styles(categories)
        # The sections' and charts' names first: an action can never take one of them.
        self.sections = {key: self._anchor(key) for key in sections}
        self.anchors: dict[str, str] = {}  # action id -> its card's anchor

    def _status_class(self, name: str) -> str:
        style = self.styles.get(name)
        return style.css_class if style else NOT_REPORTED_CLASS

    def _href(self, action_id: str) -> str:
        anchor = self.anchors.get(action_id)
        return f"#{anchor}" if anchor else ""

    def _by_goal_table(self, anchor: str, caption: str, first: str,
                       categories: Sequence[str], goals: Sequence[Counted],
                       overall: Counted) -> Table:
        """A row per status category (named with its badge), a column per goal, the total and
        the share; a total row last."""
        rows = []
        for index, name in enumerate(categories):
            rows.append(Row((
                Cell(name, status=self._status_class(name)),
                *(Cell(fi_int(g.counts[index]), numeric=True) for g in goals),
                Cell(fi_int(overall.counts[index]), numeric=True),
                Cell(fi_percent(overall.counts[index], overall.total), numeric=True))))
        rows.append(Row((
            Cell("Yhteensä"), *(Cell(fi_int(g.total), numeric=True) for g in goals),
            Cell(fi_int(overall.total), numeric=True),
            Cell(fi_percent(overall.total, overall.total), numeric=True)), total=True))
        columns = (Column(first), *(Column(g.label, numeric=True) for g in goals),
                   Column("Yhteensä", numeric=True), Column("Osuus", numeric=True))
        return Table(anchor, caption, columns, tuple(rows))

    def _counts_table(self, caption: str, first: str, categories: Sequence[str],
                      groups: Sequence[Counted]) -> Table:
        """A row per group (an objective, a department) with its count per category."""
        columns = (Column(first), *(Column(name, numeric=True) for name in categories),
                   Column("Yhteensä", numeric=True))
        rows = tuple(Row((Cell(g.label), *(Cell(fi_int(n), numeric=True) for n in g.counts),
                          Cell(fi_int(g.total), numeric=True))) for g in groups)
        return Table(self._anchor("taulukko-" + caption), caption, columns, rows, "leveat")


def status_styles(categories: Iterable[tuple[str, str]]) -> dict[str, StatusStyle]:
    """Each status category (name, scale colour) as a CSS class and a fill black text reads on
    at 7:1; "Ei raportoitu" is white with a dashed outline."""
    styles = {}
    for index, (name, color) in enumerate(categories):
        if name == NOT_REPORTED:
            styles[name] = StatusStyle(NOT_REPORTED_CLASS, "#FFFFFF")
        else:
            fill = readable_fill(color, TEXT_ON_FILL) if color else "#FFFFFF"
            styles[name] = StatusStyle(f"tila-{index + 1}", fill)
    return styles


# -- charts ------------------------------------------------------------------------------------

_LINE = 19  # px between the lines of a bar's name (15 px text)
_BAR = 22
_GAP = 16
_LONGEST_BAR = 66.0  # percent of the width, so that the number fits after the longest bar
_LABEL_CHARS = 32  # a name longer than this wraps (fits a 320 px wide phone)


def bar_chart(chart_id: str, title: str, description: str, bars: Sequence[Bar],
              values: Sequence[str], fills: Sequence[str]) -> Chart:
    """Horizontal bars, each named above itself and numbered after itself.

    The SVG has no viewBox: its width is the page's, bar lengths are percentages of it, and
    the text keeps its size, so the chart reads the same on a phone and on a desktop.
    """
    top = max((b.value for b in bars), default=0)
    drawn = []
    y = 0
    for bar, value, fill in zip(bars, values, fills, strict=True):
        lines = tuple(textwrap.wrap(bar.label, _LABEL_CHARS, break_long_words=False)) or ("",)
        label_y = y + 15
        bar_y = y + _LINE * len(lines) + 4
        width = round(_LONGEST_BAR * bar.value / top, 2) if top else 0.0
        drawn.append(ChartBar(lines, value, width, fill, label_y, bar_y, bar_y + 16))
        y = bar_y + _BAR + _GAP
    return Chart(chart_id, title, description, max(y - _GAP + 2, 1), tuple(drawn))


@dataclass(frozen=True)
class Segment:
    """One status's part of a stacked bar; lengths in percent of the chart's width."""

    x: float
    width: float
    fill: str
    value: str  # its number, "" where the part is too narrow to carry it (the table has it)
    text_x: float


@dataclass(frozen=True)
class StackedBar:
    lines: tuple[str, ...]
    total: str
    total_x: float
    label_y: int
    bar_y: int
    value_y: int
    segments: tuple[Segment, ...]


@dataclass(frozen=True)
class LegendEntry:
    name: str
    fill: str
    y: int


@dataclass(frozen=True)
class StackedChart:
    id: str
    title: str
    description: str
    height: int
    bars: tuple[StackedBar, ...]
    legend: tuple[LegendEntry, ...]


_STACK_LONGEST = 84.0  # percent of the width: the total after the longest bar still fits
_DIGIT_ROOM = 3.5  # percent of the width a part needs per digit of its number (320 px phone)
_LEGEND_LINE = 24


def stacked_chart(chart_id: str, title: str, groups: Sequence[Group],
                  categories: Sequence[str], fills: Sequence[str]) -> StackedChart:
    """One horizontal bar per group, stacked by status category, named above itself and with
    its total after itself; the legend under the bars, one category a line (fits a phone).

    As ``bar_chart``: no viewBox, lengths in percent, so the text keeps its size. A hatched
    part ("Ei raportoitu") carries no number on its stripes; the table after the chart does.
    """
    top = max((sum(g.counts) for g in groups), default=0)
    scale = _STACK_LONGEST / top if top else 0.0
    drawn = []
    y = 0
    for group in groups:
        lines = tuple(textwrap.wrap(group.label, _LABEL_CHARS, break_long_words=False)) or ("",)
        label_y = y + 15
        bar_y = y + _LINE * len(lines) + 4
        segments = []
        start = 0
        for fill, n in zip(fills, group.counts, strict=True):
            if n:
                x, width = round(start * scale, 2), round(n * scale, 2)
                carries = (width >= _DIGIT_ROOM * (len(fi_int(n)) + 0.5)
                           and not fill.startswith("url("))
                segments.append(Segment(x, width, fill, fi_int(n) if carries else "",
                                        round(x + width / 2, 2)))
            start += n
        drawn.append(StackedBar(lines, fi_int(sum(group.counts)), round(start * scale, 2),
                                label_y, bar_y, bar_y + 16, tuple(segments)))
        y = bar_y + _BAR + _GAP
    legend = tuple(LegendEntry(name, fill, y + index * _LEGEND_LINE)
                   for index, (name, fill) in enumerate(zip(categories, fills, strict=True)))
    height = y + len(legend) * _LEGEND_LINE
    description = stacked_description(groups, [Bar(name, 0, "") for name in categories], title)
    return StackedChart(chart_id, title, description, height, tuple(drawn), legend)


def status_fills(categories: Sequence[str], styles: dict[str, StatusStyle],
                 chart_id: str) -> list[str]:
    """The bars' fills: the status styles' fills, hatching for "Ei raportoitu"."""
    return [f"url(#{chart_id}-viivoitus)" if name == NOT_REPORTED else styles[name].fill
            for name in categories]


# -- across the periods ------------------------------------------------------------------------


def status_over_time(anchor: str, progress: Progress, goal: GoalTrend) -> Table:
    """One goal's status counts in every period of the view."""
    columns = (Column("Seurantakausi"),
               *(Column(name, numeric=True) for name in progress.categories),
               Column("Yhteensä", numeric=True))
    return Table(anchor, f"{goal.name}: toimenpiteiden tila seurantakausittain", columns,
                 tuple(Row((Cell(period.short),
                            *(Cell(fi_int(n), numeric=True) for n in counts),
                            Cell(fi_int(sum(counts)), numeric=True)))
                       for period, counts in zip(progress.periods, goal.counts, strict=True)))


def indicator_table(anchor: str, progress: Progress, indicators: Sequence[IndicatorTrend], *,
                    caption: str = "Mittareiden arvot", met: bool = False) -> Table:
    """The indicators against their aims. Four columns, so the table fits a phone: the aims go
    under the name, the direction under the change; ``met``: whether the latest value reaches
    the target is said with the target."""
    columns = (Column("Mittari"), Column(progress.compared_with),
               Column("Viimeisin arvo"), Column("Muutos"))
    rows = []
    for i in indicators:
        aims = [i.better]
        if i.baseline:
            aims.append(f"lähtötaso {i.shown(i.baseline.value)} ({i.baseline.year})")
        if i.target:
            aims.append(f"tavoitetaso {i.shown(i.target.value)} ({i.target.year})")
            if met and i.target_met is not None:
                aims.append("tavoitetaso saavutettu" if i.target_met
                            else "tavoitetasoa ei vielä saavutettu")
        rows.append(Row((
            Cell(i.indicator.name, note="; ".join(aims)),
            Cell(i.shown(i.previous[1]) if i.previous else "–",
                 note=i.previous[0].short if i.previous else ""),
            Cell(i.shown(i.latest[1]) if i.latest else "Ei ilmoitettu",
                 note=i.latest[0].short if i.latest else ""),
            Cell(i.change_text, note=i.direction_text if i.change is not None else ""))))
    return Table(anchor, caption, columns, tuple(rows))


# -- an indicator's small line chart -----------------------------------------------------------

# The chart's own coordinates (the template's viewBox is 0 0 300 136): it scales with its box,
# up to 20rem wide, so its 13-unit text stays readable on a phone. The scale's top value is
# written above the plot, its bottom value and the first and last period under it.
_PLOT_LEFT, _PLOT_RIGHT, _PLOT_TOP, _PLOT_BOTTOM = 6, 294, 24, 98


@dataclass(frozen=True)
class LineChart:
    """One indicator's values over the periods, with its baseline and target as lines."""

    id: str
    title: str
    description: str
    lines: tuple[str, ...]  # polyline points, one per run of reported values
    dots: tuple[tuple[float, float], ...]
    baseline_y: float | None
    target_y: float | None
    top: str  # the value at the top and at the bottom of the scale
    bottom: str
    first: str  # the first and the last period on the axis
    last: str


def line_chart(chart_id: str, trend: IndicatorTrend) -> LineChart | None:
    """The indicator's values as a small line chart; None when no value was reported."""
    values = [v for v in trend.values if v is not None]
    if not values or len(trend.periods) < 2:
        return None
    aims = [p.value for p in (trend.baseline, trend.target) if p is not None]
    low, high = min(values + aims), max(values + aims)
    if high == low:
        low, high = low - (abs(low) * 0.1 or 1), high + (abs(high) * 0.1 or 1)

    def y(value: float) -> float:
        share = (value - low) / (high - low)
        return round(_PLOT_BOTTOM - share * (_PLOT_BOTTOM - _PLOT_TOP), 1)

    step = (_PLOT_RIGHT - _PLOT_LEFT) / (len(trend.periods) - 1)
    lines: list[list[str]] = [[]]
    dots = []
    for index, value in enumerate(trend.values):
        if value is None:
            if lines[-1]:
                lines.append([])
            continue
        point = (round(_PLOT_LEFT + index * step, 1), y(value))
        lines[-1].append(f"{point[0]},{point[1]}")
        dots.append(point)
    return LineChart(
        chart_id, trend.indicator.name, f"Viivakaavio: {trend.description}.",
        tuple(" ".join(points) for points in lines if len(points) > 1), tuple(dots),
        y(trend.baseline.value) if trend.baseline else None,
        y(trend.target.value) if trend.target else None,
        trend.shown(high), trend.shown(low), trend.periods[0].short, trend.periods[-1].short)
