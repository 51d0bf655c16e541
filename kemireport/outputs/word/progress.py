"""The view across the strategy period in Word: statuses over time, trajectories, indicators.

The period's report has one chapter of it (``chapter``); the final report of the strategy period
(``kemireport summary``) builds its chapters from the same pieces, so both say the same thing
the same way.
"""

from __future__ import annotations

from collections.abc import Sequence

from kemireport.core.finnish import count_words, fi_int, shorten
from kemireport.core.period import Period
from kemireport.outputs.charts import Bar, Group, Panel, panel_chart, stacked_chart
from kemireport.outputs.facts import NO_TOTEUMA
from kemireport.outputs.progress import (
    NOT_REPORTED_COLOR,
    GoalTrend,
    IndicatorTrend,
    Progress,
    Trajectory,
)
from kemireport.outputs.word.blocks import Builder, Cell, Column
from kemireport.outputs.word.document import new_section
from kemireport.outputs.wording import NO_ACTION_TEXT
from kemireport.strategy import Strategy

CHAPTER = "Kehitys strategiakaudella"
ACTION_CHARS = 90
PANELS_PER_CHART = 8  # two rows of four: a chart and its caption fit a landscape page
MAX_PANELS = 48  # six pages of small charts; beyond that the table (and Excel) carry the values


def chapter(b: Builder, strategy: Strategy, progress: Progress, period: Period) -> None:
    """The period report's chapter: every stored period up to this one (none without a history,
    e.g. a report built straight from returns)."""
    if not progress.periods:
        return
    new_section(b.doc, landscape=True)
    b.heading(1, CHAPTER)
    if len(progress.periods) < 2:
        b.paragraph(f"Tämän strategian seurantakausista on koottu vasta tämä ({period.label}). "
                    "Toimenpiteiden ja mittareiden kehitys seurantakausittain esitetään tässä "
                    "luvussa, kun seuraavan seurantakauden tiedot on koottu.")
        if progress.indicators:
            indicators(b, progress)
        return
    b.paragraph(
        f"Luku kattaa kaikki tämän strategian kootut seurantakaudet ({progress.span}, "
        f"{count_words(len(progress.periods), 'seurantakausi', 'seurantakautta')}). Siinä "
        "esitetään kunkin päämäärän toimenpiteiden tilat seurantakausittain, jokaisen "
        "toimenpiteen tila seurantakaudesta toiseen sekä mittareiden arvot suhteessa "
        "lähtötasoon ja tavoitetasoon.")
    b.heading(2, "Toimenpiteiden tila seurantakausittain")
    for goal in progress.goals:
        status_over_time(b, strategy, progress, goal)
    b.heading(2, "Toimenpiteiden tila seurantakaudesta toiseen")
    b.paragraph("Tilat on lueteltu vanhimmasta uusimpaan; suluissa on, kuinka monena "
                "peräkkäisenä seurantakautena tila pysyi samana. Kunkin seurantakauden tilat "
                "ovat Excel-koosteen Kehitys-välilehdellä.")
    for g in strategy.goals:
        trajectory_table(b, progress.of_goal(g.code),
                         caption=f"{g.name}: toimenpiteiden tila seurantakaudesta toiseen")
    if progress.indicators:
        indicators(b, progress)


def status_over_time(b: Builder, strategy: Strategy, progress: Progress,
                     goal: GoalTrend) -> None:
    """One goal: a stacked bar per period and the same numbers as a table."""
    categories = category_bars(strategy, progress)
    title = f"{goal.name}: toimenpiteiden tila seurantakausittain"
    chart = stacked_chart([Group(p.short, counts) for p, counts in
                           zip(progress.periods, goal.counts, strict=True)],
                          categories, title, width_cm=24.0)
    b.picture(chart.png, width_cm=chart.width_cm, caption=title, title=chart.title,
              description=chart.description)
    rows = [[Cell(p.short), *(Cell(fi_int(n)) for n in counts), Cell(fi_int(sum(counts)))]
            for p, counts in zip(progress.periods, goal.counts, strict=True)]
    b.table([Column("Seurantakausi", 2.4), *(Column(name, 2.0) for name in progress.categories),
             Column("Yhteensä", 1.6)], rows, caption=title,
            description=f"Päämäärän {goal.name} toimenpiteiden määrä tiloittain jokaisena "
                        "koottuna seurantakautena, vanhimmasta uusimpaan.")


def trajectory_table(b: Builder, trajectories: Sequence[Trajectory], *, caption: str,
                     toteumat: dict[str, tuple[Period, str]] | None = None) -> None:
    """Each action's statuses from period to period (and its last Toteuma, when given)."""
    if not trajectories:
        return
    columns = [Column("Tunniste", 2.2), Column("Toimenpide", 7.0 if toteumat is None else 5.6),
               Column("Tila seurantakaudesta toiseen", 9.0 if toteumat is None else 6.0)]
    if toteumat is not None:
        columns.append(Column("Viimeisin toteuma", 11.0))
    rows = []
    for t in trajectories:
        row = [Cell(t.action.id),
               Cell(shorten(t.action.toimenpiteet, ACTION_CHARS) or NO_ACTION_TEXT),
               Cell(t.text)]
        if toteumat is not None:
            found = toteumat.get(t.action.id)
            row.append(Cell(f"{found[1]}\n({found[0].short})" if found else NO_TOTEUMA))
        rows.append(row)
    described = "tunniste, kuvaus ja tila jokaisena seurantakautena vanhimmasta uusimpaan"
    if toteumat is not None:
        described += " sekä viimeisin raportoitu toteuma ja sen seurantakausi"
    b.table(columns, rows, caption=caption,
            description=f"Jokaisen toimenpiteen {described}.")


def indicators(b: Builder, progress: Progress, trends: Sequence[IndicatorTrend] | None = None,
               *, heading: str = "Mittarit", level: int = 2,
               caption: str = "Mittareiden arvot") -> None:
    """The indicators: small charts of their values and a table of the numbers."""
    shown = list(progress.indicators if trends is None else trends)
    if not shown:
        return
    b.heading(level, heading)
    intro = b.paragraph("Mittarit ovat strategian toimenpiteiden määrällisiä mittareita. "
                        "Toimialat ilmoittavat niiden arvot jokaisena seurantakautena. Kaaviossa "
                        "katkoviiva on lähtötaso ja pisteviiva tavoitetaso silloin, kun "
                        "strategia ne antaa; jokaisella mittarilla on oma asteikkonsa.")
    intro.paragraph_format.keep_with_next = True  # never a heading alone at a page's end
    if len(shown) > MAX_PANELS:
        b.paragraph(f"Mittareita on {fi_int(len(shown))}, joten niistä ei piirretä kaavioita; "
                    "arvot seurantakausittain ovat Excel-koosteen Mittarit-välilehdellä.")
    elif len(progress.periods) >= 2:
        for start in range(0, len(shown), PANELS_PER_CHART):
            part = shown[start:start + PANELS_PER_CHART]
            title = f"{caption} seurantakausittain"
            if len(shown) > PANELS_PER_CHART:
                title += f" ({start + 1}–{start + len(part)}/{len(shown)})"
            chart = panel_chart(
                [Panel(i.indicator.name, i.indicator.unit, [p.short for p in i.periods],
                       i.values, i.baseline.value if i.baseline else None,
                       i.target.value if i.target else None, i.better) for i in part],
                title, "Viivakaaviot: " + "; ".join(i.description for i in part) + ".")
            b.picture(chart.png, width_cm=chart.width_cm, caption=title, title=chart.title,
                      description=chart.description)
    rows = [[Cell(f"{i.indicator.name}\n({i.indicator.id})"),
             Cell(_point(i, i.baseline)),
             Cell(_dated(i, i.previous)), Cell(_dated(i, i.latest)), Cell(i.change_text),
             Cell(i.direction_text), Cell(_point(i, i.target)), Cell(_met(i))]
            for i in shown]
    b.table([Column("Mittari", 5.6), Column("Lähtötaso", 2.3),
             Column(progress.compared_with, 2.4),
             Column("Viimeisin arvo", 2.4), Column("Muutos", 1.9), Column("Suunta", 2.4),
             Column("Tavoitetaso", 2.3), Column("Tavoitetaso saavutettu", 2.1)], rows,
            caption=caption,
            description=f"Jokaisen mittarin lähtötaso, {progress.compared_with.lower()} ja "
                        "viimeisin ilmoitettu arvo seurantakausineen, muutos, muuttuiko arvo "
                        "hyvään vai huonoon suuntaan sekä tavoitetaso ja onko se saavutettu.")


def _point(i: IndicatorTrend, point: object) -> str:
    from kemireport.strategy import Point

    if not isinstance(point, Point):
        return "–"
    return f"{i.shown(point.value)}\n({point.year})"


def _dated(i: IndicatorTrend, found: tuple[Period, float] | None) -> str:
    if found is None:
        return "Ei ilmoitettu"
    return f"{i.shown(found[1])}\n({found[0].short})"


def _met(i: IndicatorTrend) -> str:
    met = i.target_met
    return "–" if met is None else ("Kyllä" if met else "Ei vielä")


def category_bars(strategy: Strategy, progress: Progress) -> list[Bar]:
    """The status categories with the scale's colours (white for not reported)."""
    colors = {level.name: level.color for level in strategy.status_scale}
    return [Bar(name, 0, colors.get(name, NOT_REPORTED_COLOR)) for name in progress.categories]
