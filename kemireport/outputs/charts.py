"""Charts for the board's report: PNG images drawn with matplotlib's Agg backend.

matplotlib is imported inside the drawing function (not pyplot: no GUI, no global state), so the
commands that draw nothing do not pay for it. Every chart is readable without colour: each bar
is named on its axis and carries its number, colour is a second cue only. The same data gives
the same bytes (no timestamp or software name in the PNG).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from kemireport.core.finnish import fi_int, fi_percent

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
    return (f"Pylväskaavio: toimenpiteiden tila. {parts}. "
            f"Toimenpiteitä yhteensä {fi_int(total)}.")


def sdg_description(bars: Sequence[Bar]) -> str:
    parts = ", ".join(f"{bar.label} {fi_int(bar.value)}" for bar in bars)
    return ("Pylväskaavio: toimenpiteiden määrä kestävän kehityksen tavoitteittain. "
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
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    names = [_wrap(group.label, label_chars) for group in groups]
    height_cm = 3.2 + sum(0.35 + 0.38 * (name.count("\n") + 1) for name in names)
    figure = Figure(figsize=(width_cm * _CM, height_cm * _CM), dpi=DPI)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    positions = list(range(len(groups)))
    left = [0] * len(groups)
    top = max((sum(group.counts) for group in groups), default=0)
    for index, category in enumerate(categories):
        values = [group.counts[index] for group in groups]
        axes.barh(positions, values, left=left, height=0.62, color=category.color,
                  edgecolor=_EDGE, linewidth=0.6, label=category.label)
        for position, start, value in zip(positions, left, values, strict=True):
            if value and value >= max(top, 1) * 0.045:
                axes.text(start + value / 2, position, fi_int(value), ha="center",
                          va="center", fontsize=8, color=_TEXT)
        left = [a + b for a, b in zip(left, values, strict=True)]
    axes.set_yticks(positions, names, fontsize=9, color=_TEXT)
    axes.set_ylim(len(groups) - 0.5, -0.5)
    axes.set_xlim(0, max(top * 1.02, 1))
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.tick_params(axis="x", labelsize=8, colors=_TEXT)
    axes.set_xlabel(axis_label, fontsize=9, color=_TEXT)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    # The legend gets a band of its own below the axis title, never over it.
    columns = min(len(categories), 3)
    legend_cm = 0.5 * -(-len(categories) // columns) + 0.2
    handles, labels = axes.get_legend_handles_labels()
    figure.legend(handles, labels, loc="lower center", ncol=columns, fontsize=8, frameon=False)
    figure.tight_layout(pad=0.4, rect=(0, legend_cm / height_cm, 1, 1))
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, facecolor="white",
                   metadata={"Software": None})
    parts = "; ".join(
        f"{group.label}: " + ", ".join(f"{category.label} {fi_int(n)}"
                                       for category, n in zip(categories, group.counts,
                                                              strict=True) if n)
        for group in groups)
    description = f"Palkkikaavio: {title[0].lower()}{title[1:]}. {parts}."
    return Chart(buffer.getvalue(), title, description, width_cm, height_cm)


def _horizontal_bars(bars: Sequence[Bar], value_labels: Sequence[str], title: str,
                     description: str, axis_label: str) -> Chart:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    names = [_wrap(bar.label) for bar in bars]
    height_cm = 1.6 + sum(0.45 + 0.4 * (name.count("\n") + 1) for name in names)
    figure = Figure(figsize=(WIDTH_CM * _CM, height_cm * _CM), dpi=DPI)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    positions = list(range(len(bars)))
    values = [bar.value for bar in bars]
    axes.barh(positions, values, height=0.62, color=[bar.color for bar in bars],
              edgecolor=_EDGE, linewidth=0.8)
    axes.set_yticks(positions, names, fontsize=9, color=_TEXT)
    axes.set_ylim(len(bars) - 0.5, -0.5)  # the first bar on top, in reading order
    top = max(values, default=0)
    axes.set_xlim(0, max(top * 1.3, 1))
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.tick_params(axis="x", labelsize=8, colors=_TEXT)
    axes.set_xlabel(axis_label, fontsize=9, color=_TEXT)
    for position, value, label in zip(positions, values, value_labels, strict=True):
        axes.annotate(label, (value, position), xytext=(4, 0), textcoords="offset points",
                      va="center", ha="left", fontsize=9, color=_TEXT)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.grid(axis="x", color="#BFBFBF", linewidth=0.5)
    axes.set_axisbelow(True)
    figure.tight_layout(pad=0.4)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, facecolor="white",
                   metadata={"Software": None})
    return Chart(buffer.getvalue(), title, description, WIDTH_CM, height_cm)


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
    are dashed and dotted lines named in each panel's legend, the same on every panel.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.ticker import MaxNLocator

    from kemireport.core.finnish import fi_value

    rows = -(-len(panels) // columns)
    panel_cm = 5.4
    legend_cm = 0.9
    height_cm = rows * panel_cm + legend_cm
    figure = Figure(figsize=(width_cm * _CM, height_cm * _CM), dpi=DPI)
    FigureCanvasAgg(figure)
    grid = figure.add_gridspec(rows, columns)
    for index, panel in enumerate(panels):
        axes = figure.add_subplot(grid[index // columns, index % columns])
        positions = list(range(len(panel.labels)))
        shown = [(x, v) for x, v in zip(positions, panel.values, strict=True) if v is not None]
        if shown:
            xs, ys = zip(*shown, strict=True)
            axes.plot(xs, ys, color=PANEL_COLOR, linewidth=1.6, marker="o", markersize=3.5)
            for x, y in shown:
                axes.annotate(fi_value(y), (x, y), xytext=(0, 5), textcoords="offset points",
                              ha="center", fontsize=6.5, color=_TEXT)
        if panel.baseline is not None:
            axes.axhline(panel.baseline, color=_AIM_COLOR, linewidth=1.0, linestyle="--")
        if panel.target is not None:
            axes.axhline(panel.target, color=_AIM_COLOR, linewidth=1.2, linestyle=":")
        title = _wrap(panel.title, 30) + (f"\n({panel.note})" if panel.note else "")
        axes.set_title(title, fontsize=7.5, color=_TEXT, loc="left")
        # "7–12/2025" as "7–12" over "2025": eight periods fit a small panel's width.
        axes.set_xticks(positions, [label.replace("/", "\n") for label in panel.labels],
                        fontsize=6, color=_TEXT)
        axes.tick_params(axis="y", labelsize=6, colors=_TEXT)
        numbers = [v for v in (*panel.values, panel.baseline, panel.target) if v is not None]
        if all(float(v).is_integer() for v in numbers):  # counts get no "0,5" ticks
            axes.yaxis.set_major_locator(MaxNLocator(integer=True))
        axes.yaxis.set_major_formatter(lambda value, _: fi_value(value))
        if panel.unit:
            axes.set_ylabel(panel.unit, fontsize=6.5, color=_TEXT)
        axes.margins(x=0.12, y=0.25)
        if numbers and min(numbers) >= 0 and axes.get_ylim()[0] < 0:
            axes.set_ylim(bottom=0)  # a count or a rate never goes below zero
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)
        axes.grid(axis="y", color="#D9D9D9", linewidth=0.5)
        axes.set_axisbelow(True)
    handles = [Line2D([], [], color=PANEL_COLOR, marker="o", markersize=3.5, linewidth=1.6),
               Line2D([], [], color=_AIM_COLOR, linestyle="--", linewidth=1.0),
               Line2D([], [], color=_AIM_COLOR, linestyle=":", linewidth=1.2)]
    figure.legend(handles, ["Ilmoitettu arvo", "Lähtötaso", "Tavoite"], loc="lower center",
                  ncol=3, fontsize=7.5, frameon=False)
    figure.tight_layout(pad=0.5, h_pad=1.2, w_pad=1.0, rect=(0, legend_cm / height_cm, 1, 1))
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, facecolor="white",
                   metadata={"Software": None})
    return Chart(buffer.getvalue(), title, description, width_cm, height_cm)
