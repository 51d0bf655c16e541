"""Charts for the board's report: PNG images drawn on a small Pillow canvas (``canvas``).

Pillow is imported only when a chart is drawn, so the commands that draw nothing do not pay for
it. Every chart is readable without colour: each bar is named on its axis and carries its
number, colour is a second cue only. The same data gives the same bytes (no timestamp or
software name in the PNG). Sizes are given in points, as matplotlib gave them when it drew
these charts: the same type sizes, line widths, tick lengths and paddings.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from kemireport.core.finnish import fi_int, fi_percent
from kemireport.outputs.canvas import Canvas

DPI = 200
WIDTH_CM = 16.0  # fits a portrait A4 page with 2 cm margins
_CM = 1 / 2.54
_TEXT = "#1A1A1A"
_EDGE = "#1A1A1A"  # the bar outline carries the non-text contrast (≥ 3:1), not the fill
SDG_COLOR = "#2F5597"  # the SDG bars: one colour, since the goal is named on each bar


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    color: str  # "#RRGGBB"


@dataclass(frozen=True)
class Chart:
    """A drawn chart and the words that stand in for it (alt text)."""

    png: bytes
    title: str
    description: str
    width_cm: float
    height_cm: float


def status_chart(bars: Sequence[Bar]) -> Chart:
    """Horizontal bars of actions per status, each labelled ``12 (30 %)``."""
    return _horizontal_bars(bars, status_values(bars), STATUS_TITLE, status_description(bars),
                            "Toimenpiteitä")


def sdg_chart(bars: Sequence[Bar]) -> Chart:
    """Horizontal bars of actions per SDG goal."""
    return _horizontal_bars(bars, [fi_int(bar.value) for bar in bars], SDG_TITLE,
                            sdg_description(bars), "Toimenpiteitä")


# The words of the two charts, for every output that draws them (the Word report's pictures,
# the web page's SVG).
STATUS_TITLE = "Toimenpiteiden tila"
SDG_TITLE = "Toimenpiteet kestävän kehityksen tavoitteittain"


def status_values(bars: Sequence[Bar]) -> list[str]:
    """The number on each status bar: ``12 (30 %)``."""
    total = sum(bar.value for bar in bars)
    return [f"{fi_int(bar.value)} ({fi_percent(bar.value, total)})" for bar in bars]


def status_description(bars: Sequence[Bar]) -> str:
    total = sum(bar.value for bar in bars)
    parts = ", ".join(f"{bar.label} {fi_int(bar.value)}" for bar in bars)
    return (f"Palkkikaavio: toimenpiteiden tila. {parts}. "
            f"Toimenpiteitä yhteensä {fi_int(total)}.")


def sdg_description(bars: Sequence[Bar]) -> str:
    parts = ", ".join(f"{bar.label} {fi_int(bar.value)}" for bar in bars)
    return ("Palkkikaavio: toimenpiteiden määrä kestävän kehityksen tavoitteittain. "
            f"{parts or 'ei toimenpiteitä'}.")


@dataclass(frozen=True)
class Group:
    """One stacked bar: a goal or an objective, and its count per status category."""

    label: str
    counts: Sequence[int]


def stacked_chart(groups: Sequence[Group], categories: Sequence[Bar], title: str,
                  axis_label: str = "Toimenpiteitä", *, width_cm: float = WIDTH_CM,
                  label_chars: int = 30) -> Chart:
    """One horizontal bar per group, stacked by status category in the scale's order.

    ``categories`` name the stack's parts and their colours (``Bar.value`` is not used). Each
    part carries its count when it is wide enough; the legend and the alt text say the rest.
    """
    names = [_wrap(group.label, label_chars) for group in groups]
    height_cm = 3.2 + sum(0.35 + 0.38 * (name.count("\n") + 1) for name in names)
    canvas = _canvas(width_cm, height_cm)
    top = max((sum(group.counts) for group in groups), default=0)
    legend = _Legend(canvas, [(c.label, c.color) for c in categories], min(len(categories), 3),
                     size_pt=8, patch=True)
    axes = _BarAxes(canvas, names, max(top * 1.02, 1), axis_label,
                    bottom_reserved=legend.height + canvas.px(_PAD))
    for row, group in enumerate(groups):
        start = 0
        for category, value in zip(categories, group.counts, strict=True):
            if value:
                left, right = axes.x(start), axes.x(start + value)
                upper, lower = axes.bar(row)
                canvas.rect(left, upper, right, lower, fill=category.color, edge=_EDGE,
                            edge_pt=0.6)
                if value >= max(top, 1) * 0.045:
                    canvas.text((left + right) / 2, (upper + lower) / 2, fi_int(value), 8,
                                _TEXT, align="center", valign="middle")
            start += value
    axes.frame()
    legend.draw(canvas.size[1] - canvas.px(_PAD) - legend.height)
    return Chart(canvas.png(), title, stacked_description(groups, categories, title), width_cm,
                 height_cm)


def stacked_description(groups: Sequence[Group], categories: Sequence[Bar], title: str) -> str:
    """A stacked chart's numbers in words: ``Palkkikaavio: … Goal: Toteutunut 25, …; …``."""
    parts = "; ".join(
        f"{group.label}: " + ", ".join(f"{category.label} {fi_int(n)}"
                                       for category, n in zip(categories, group.counts,
                                                              strict=True) if n)
        for group in groups)
    return f"Palkkikaavio: {title[0].lower()}{title[1:]}. {parts}."


def _horizontal_bars(bars: Sequence[Bar], value_labels: Sequence[str], title: str,
                     description: str, axis_label: str) -> Chart:
    names = [_wrap(bar.label) for bar in bars]
    height_cm = 1.6 + sum(0.45 + 0.4 * (name.count("\n") + 1) for name in names)
    canvas = _canvas(WIDTH_CM, height_cm)
    values = [bar.value for bar in bars]
    axes = _BarAxes(canvas, names, max(max(values, default=0) * 1.3, 1), axis_label,
                    bottom_reserved=0.0)
    axes.grid()
    offset = canvas.px(4)  # the number, 4 points after its bar
    for row, (bar, label) in enumerate(zip(bars, value_labels, strict=True)):
        upper, lower = axes.bar(row)
        canvas.rect(axes.x(0), upper, axes.x(bar.value), lower, fill=bar.color, edge=_EDGE,
                    edge_pt=0.8)
        canvas.text(axes.x(bar.value) + offset, (upper + lower) / 2, label, 9, _TEXT,
                    valign="middle")
    axes.frame()
    return Chart(canvas.png(), title, description, WIDTH_CM, height_cm)


# -- the parts of a chart -------------------------------------------------------------------------
# matplotlib's defaults, in points: the sizes these charts were designed with.
_PAD = 4.0  # around the whole chart
_AXIS_PT = 0.8  # the axis lines and the ticks
_TICK = 3.5  # a tick's length, and the gap from a tick to its label
_LABEL_PAD = 4.0  # from the tick labels to the axis title
_BAR_HEIGHT = 0.62  # of a bar's row


def _canvas(width_cm: float, height_cm: float, *, scale: int = 1) -> Canvas:
    return Canvas(round(width_cm * _CM * DPI), round(height_cm * _CM * DPI), DPI, scale=scale)


def nice_ticks(low: float, high: float, room: int, *, integer: bool = False) -> list[float]:
    """Round ticks from ``low`` to ``high``: a step of 1, 2, 2,5 or 5 times a power of ten
    (not 2,5 and not below 1 when the values are counts), at most ``room`` steps."""
    span = high - low
    if span <= 0:
        return [low]
    raw = span / max(room, 1)
    power = 10.0 ** math.floor(math.log10(raw))
    multiples = (1.0, 2.0, 5.0, 10.0) if integer else (1.0, 2.0, 2.5, 5.0, 10.0)
    step = next(m * power for m in multiples if m * power >= raw * (1 - 1e-9))
    if integer:
        step = max(1.0, round(step))
    first = math.ceil(low / step - 1e-9)
    last = math.floor(high / step + 1e-9)
    return [round(n * step, 10) for n in range(first, last + 1)]


class _BarAxes:
    """Horizontal bars in rows (the first on top), named on the left, counted along the
    bottom: the frame matplotlib drew for them, with its room worked out from the words."""

    def __init__(self, canvas: Canvas, names: Sequence[str], xmax: float, axis_label: str, *,
                 bottom_reserved: float) -> None:
        self.canvas, self.names, self.xmax = canvas, names, xmax
        self.axis_label = axis_label
        px = canvas.px
        width, height = canvas.size
        label_width = max((canvas.text_size(name, 9)[0] for name in names), default=0.0)
        self.left = px(_PAD) + label_width + px(_TICK) * 2
        tick_height = canvas.line_height(8)
        self.bottom = (height - bottom_reserved - px(_PAD) - canvas.line_height(9)
                       - px(_LABEL_PAD) - tick_height - px(_TICK) * 2)
        # The first name may be taller than its row: the frame starts low enough for it.
        first = canvas.text_size(names[0], 9)[1] if names else 0.0
        rows = max(len(names), 1)
        self.top = px(_PAD)
        slot = (self.bottom - self.top) / rows
        if first > slot:
            self.top += (first - slot) / 2
        room = int((width - self.left) / px(8 * 3))  # a tick label's width, thrice
        self.ticks = nice_ticks(0, xmax, room, integer=True)
        last = canvas.text_size(fi_int(int(self.ticks[-1])), 8)[0]
        self.right = width - px(_PAD) - last / 2
        self.right = min(self.right, width - px(_PAD))

    def x(self, value: float) -> float:
        return self.left + (self.right - self.left) * value / self.xmax

    def bar(self, row: int) -> tuple[float, float]:
        """The top and bottom of row ``row``'s bar."""
        slot = (self.bottom - self.top) / max(len(self.names), 1)
        middle = self.top + slot * (row + 0.5)
        return middle - slot * _BAR_HEIGHT / 2, middle + slot * _BAR_HEIGHT / 2

    def grid(self) -> None:
        """Light lines up from the ticks, behind the bars (drawn first)."""
        px = self.canvas.px
        for tick in self.ticks:
            self.canvas.rect(self.x(tick) - px(0.25), self.top, self.x(tick) + px(0.25),
                             self.bottom, fill="#BFBFBF")

    def frame(self) -> None:
        """The axes, ticks and words (drawn last, over the bars' ends)."""
        canvas, px = self.canvas, self.canvas.px
        line = px(_AXIS_PT)
        canvas.rect(self.left - line / 2, self.top, self.left + line / 2, self.bottom + line / 2,
                    fill=_TEXT)
        canvas.rect(self.left - line / 2, self.bottom - line / 2, self.right, self.bottom
                    + line / 2, fill=_TEXT)
        for row, name in enumerate(self.names):
            upper, lower = self.bar(row)
            middle = (upper + lower) / 2
            canvas.rect(self.left - px(_TICK), middle - line / 2, self.left, middle + line / 2,
                        fill=_TEXT)
            canvas.text(self.left - px(_TICK) * 2, middle, name, 9, _TEXT, align="right",
                        valign="middle")
        for tick in self.ticks:
            at = self.x(tick)
            canvas.rect(at - line / 2, self.bottom, at + line / 2, self.bottom + px(_TICK),
                        fill=_TEXT)
            canvas.text(at, self.bottom + px(_TICK) * 2, fi_int(int(tick)), 8, _TEXT,
                        align="center")
        below = self.bottom + px(_TICK) * 2 + canvas.line_height(8) + px(_LABEL_PAD)
        canvas.text((self.left + self.right) / 2, below, self.axis_label, 9, _TEXT,
                    align="center")


class _Legend:
    """Keys in ``columns`` columns, filled column by column, centred: a coloured patch or a
    line sample, then its words (matplotlib's spacings, in multiples of the type size)."""

    def __init__(self, canvas: Canvas, entries: Sequence[tuple[str, str]], columns: int, *,
                 size_pt: float, patch: bool,
                 sample: Callable[[float, float, float, int], None] | None = None) -> None:
        self.canvas, self.entries, self.size_pt = canvas, entries, size_pt
        self.columns = max(columns, 1)
        self.rows = -(-len(entries) // self.columns) if entries else 0
        self.patch, self.sample = patch, sample
        em = canvas.px(size_pt)
        self.handle, self.gap, self.spacing = 2.0 * em, 0.8 * em, 2.0 * em
        self.row_height = canvas.line_height(size_pt) + 0.5 * em * 0.8
        self.height = self.rows * self.row_height + 0.4 * em * 2 if entries else 0.0
        widths = [self.handle + self.gap + canvas.text_size(label, size_pt)[0]
                  for label, _ in entries]
        self.column_widths = [max(widths[c * self.rows:(c + 1) * self.rows], default=0.0)
                              for c in range(self.columns)]

    def draw(self, top: float) -> None:
        canvas, em = self.canvas, self.canvas.px(self.size_pt)
        total = sum(self.column_widths) + self.spacing * (self.columns - 1)
        left = (canvas.size[0] - total) / 2
        for column in range(self.columns):
            for row in range(self.rows):
                index = column * self.rows + row
                if index >= len(self.entries):
                    continue
                label, color = self.entries[index]
                middle = top + 0.4 * em + self.row_height * (row + 0.5)
                if self.patch:
                    canvas.rect(left, middle - 0.35 * em, left + self.handle, middle + 0.35 * em,
                                fill=color, edge=_EDGE, edge_pt=0.6)
                elif self.sample is not None:
                    self.sample(left, left + self.handle, middle, index)
                canvas.text(left + self.handle + self.gap, middle, label, self.size_pt, _TEXT,
                            valign="middle")
            left += self.column_widths[column] + self.spacing


def _wrap(label: str, width: int = 34) -> str:
    """Break a long axis label onto two lines at a space, so the bars keep their room."""
    if len(label) <= width:
        return label
    cut = label.rfind(" ", 0, width + 1)
    if cut <= 0:
        return label
    return label[:cut] + "\n" + _wrap(label[cut + 1:], width)


@dataclass(frozen=True)
class Panel:
    """One indicator's small chart: its values per period and its baseline and target."""

    title: str
    unit: str
    labels: Sequence[str]  # the periods, oldest first
    values: Sequence[float | None]  # None: not reported in that period
    baseline: float | None = None
    target: float | None = None
    note: str = ""  # e.g. "pienempi on parempi", under the title


PANEL_COLOR = "#2F5597"
_AIM_COLOR = "#7F7F7F"


def panel_chart(panels: Sequence[Panel], title: str, description: str, *,
                width_cm: float = 24.0, columns: int = 4) -> Chart:
    """Small multiples: one line chart per indicator, each on its own scale.

    Every point carries its value, so the chart reads without the axis; the baseline and target
    are dashed and dotted lines named in the legend, the same for every panel.
    """
    rows = -(-len(panels) // columns)
    panel_cm = 5.4
    legend_cm = 0.9
    height_cm = rows * panel_cm + legend_cm
    canvas = _canvas(width_cm, height_cm, scale=2)
    width, height = canvas.size
    px = canvas.px
    cell_width = (width - px(_PAD) * 2) / columns
    cell_height = (height - legend_cm * _CM * DPI - px(_PAD)) / max(rows, 1)
    for index, panel in enumerate(panels):
        left = px(_PAD) + cell_width * (index % columns)
        top = px(_PAD) + cell_height * (index // columns)
        _panel(canvas, panel, left, top, cell_width - px(10), cell_height - px(14))

    def sample(start: float, end: float, middle: float, index: int) -> None:
        if index == 0:
            canvas.line([(start, middle), (end, middle)], PANEL_COLOR, 1.6)
            canvas.dot((start + end) / 2, middle, _POINT, PANEL_COLOR)
        else:
            canvas.line([(start, middle), (end, middle)], _AIM_COLOR, 1.0 if index == 1 else 1.2,
                        dash=_DASHED if index == 1 else _DOTTED)

    legend = _Legend(canvas, [("Ilmoitettu arvo", PANEL_COLOR), ("Lähtötaso", _AIM_COLOR),
                              ("Tavoitetaso", _AIM_COLOR)], 3, size_pt=7.5, patch=False,
                     sample=sample)
    legend.draw(height - px(_PAD) - legend.height)
    return Chart(canvas.png(), title, description, width_cm, height_cm)


_POINT = 4.5  # a point's diameter: matplotlib's 3,5-point marker and its 1-point edge
_DASHED = (3.7, 1.6)  # matplotlib's "--" and ":" for thin lines, in points
_DOTTED = (1.0, 1.65)


def _panel(canvas: Canvas, panel: Panel, left: float, top: float, width: float,
           height: float) -> None:
    """One indicator's chart in the box (``left``, ``top``, ``width``, ``height``)."""
    from kemireport.core.finnish import fi_value

    px = canvas.px
    title = _wrap(panel.title, 30) + (f"\n({panel.note})" if panel.note else "")
    canvas.text(left + _panel_left(canvas, panel), top, title, 7.5, _TEXT)
    numbers = [v for v in (*panel.values, panel.baseline, panel.target) if v is not None]
    low, high = (min(numbers), max(numbers)) if numbers else (0.0, 1.0)
    span = (high - low) or abs(high) or 1.0
    low, high = low - span * 0.25, high + span * 0.25  # room for the values over the points
    if numbers and min(numbers) >= 0 and low < 0:
        low = 0.0  # a count or a rate never goes below zero
    integer = all(float(v).is_integer() for v in numbers)
    frame_left = left + _panel_left(canvas, panel)
    frame_top = top + canvas.text_size(title, 7.5)[1] + px(6)
    frame_bottom = top + height - canvas.line_height(6) * 2 - px(_TICK) * 2
    frame_right = left + width
    # As many ticks as fit about one and a half tick labels apart.
    ticks = nice_ticks(low, high, max(2, int((frame_bottom - frame_top) / px(6 * 1.4))),
                       integer=integer)

    def y(value: float) -> float:
        return frame_bottom - (frame_bottom - frame_top) * (value - low) / (high - low)

    count = len(panel.labels)
    margin = 0.12 * max(count - 1, 1)

    def x(position: float) -> float:
        return frame_left + (frame_right - frame_left) * (position + margin) / (
            max(count - 1, 0) + 2 * margin)

    line = px(_AXIS_PT)
    for tick in ticks:
        at = y(tick)
        canvas.rect(frame_left, at - px(0.25), frame_right, at + px(0.25), fill="#D9D9D9")
        canvas.rect(frame_left - px(_TICK), at - line / 2, frame_left, at + line / 2, fill=_TEXT)
        canvas.text(frame_left - px(_TICK) * 2, at, fi_value(tick), 6, _TEXT, align="right",
                    valign="middle")
    if panel.unit:
        widest = max((canvas.text_size(fi_value(t), 6)[0] for t in ticks), default=0.0)
        canvas.vertical_text(frame_left - px(_TICK) * 2 - widest - px(_LABEL_PAD)
                             - canvas.line_height(6.5) / 2, (frame_top + frame_bottom) / 2,
                             panel.unit, 6.5, _TEXT)
    for reference, width_pt, dash in ((panel.baseline, 1.0, _DASHED),
                                      (panel.target, 1.2, _DOTTED)):
        if reference is not None:
            canvas.line([(frame_left, y(reference)), (frame_right, y(reference))], _AIM_COLOR,
                        width_pt, dash=dash)
    shown = [(x(n), y(v), v) for n, v in enumerate(panel.values) if v is not None]
    if len(shown) > 1:
        canvas.line([(a, b) for a, b, _ in shown], PANEL_COLOR, 1.6)
    for a, b, value in shown:
        canvas.dot(a, b, _POINT, PANEL_COLOR)
        canvas.text(a, b - px(5), fi_value(value), 6.5, _TEXT, align="center",
                    valign="bottom")
    canvas.rect(frame_left - line / 2, frame_top, frame_left + line / 2, frame_bottom + line / 2,
                fill=_TEXT)
    canvas.rect(frame_left - line / 2, frame_bottom - line / 2, frame_right,
                frame_bottom + line / 2, fill=_TEXT)
    for n, label in enumerate(panel.labels):
        at = x(n)
        canvas.rect(at - line / 2, frame_bottom, at + line / 2, frame_bottom + px(_TICK),
                    fill=_TEXT)
        # "7–12/2025" as "7–12" over "2025": eight periods fit a small panel's width.
        canvas.text(at, frame_bottom + px(_TICK) * 2, label.replace("/", "\n"), 6, _TEXT,
                    align="center")


def _panel_left(canvas: Canvas, panel: Panel) -> float:
    """Room on a panel's left for its tick labels and unit (as wide as the widest may be)."""
    px = canvas.px
    unit = canvas.line_height(6.5) + px(_LABEL_PAD) if panel.unit else 0.0
    numbers = [v for v in (*panel.values, panel.baseline, panel.target) if v is not None]
    from kemireport.core.finnish import fi_value

    widest = max((canvas.text_size(fi_value(v), 6)[0] for v in numbers), default=0.0)
    return px(_TICK) * 2 + widest * 1.15 + unit
