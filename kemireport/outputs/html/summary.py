"""The final report's web page for residents, beside its Word and Excel files:
``output/loppuraportti/<first>_<last>_loppuraportti.html``.

What the council's Word final report says, from the same ``SummaryFacts`` and worded by the same
``summary_wording``, so the two cannot disagree: the abstract (how many actions ended in each
status, per goal, as a chart and a table), per goal its objectives' outcomes, its status over
the periods and its actions with their course and last Toteuma, the long deviations, the
indicators, the actions that continue into the next strategy and what data the report rests on.

Built like the period's page (``page``) from the shared pieces of ``common``, the frame
``layout.html.j2`` and the macros of ``macros.html.j2``: one self-contained file, no scripts,
no requests, department text escaped and never marked safe.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kemireport.core.finnish import count, fi_date, fi_int, fi_value, shorten
from kemireport.outputs import summary_wording as say
from kemireport.outputs.charts import Group
from kemireport.outputs.facts import NO_TOTEUMA, department_name
from kemireport.outputs.html.common import (
    Card,
    Cell,
    Column,
    DepartmentView,
    LineChart,
    Link,
    PageBase,
    Row,
    StackedChart,
    Table,
    indicator_table,
    line_chart,
    render,
    stacked_chart,
    status_fills,
    status_over_time,
    write_page,
)
from kemireport.outputs.progress import Trajectory
from kemireport.outputs.summary import SummaryFacts
from kemireport.outputs.wording import ACTION_CHARS, NO_ACTION_TEXT, realisation_title
from kemireport.strategy import Goal

TEMPLATE = "loppuraportti.html.j2"
# Fixed fragment identifiers: the page's parts and its chart.
SECTIONS = ("sisalto", "sisallys", "tiivistelma", "pitkat-poikkeamat", "mittarit", "jatkuvat",
            "aineisto", "kaavio-tulos")


@dataclass(frozen=True)
class GoalView:
    anchor: str
    name: str
    sentence: str
    objectives: Table | None
    over_time: Table | None
    departments: tuple[DepartmentView, ...]


@dataclass(frozen=True)
class IndicatorsView:
    aims: Table
    charts: tuple[LineChart, ...]  # one per indicator with a value (none for a single period)
    values: Table  # the charts' numbers


def write_summary_html(facts: SummaryFacts, path: Path, *, organisation: str = "",
                       today: date | None = None) -> Path:
    """Write the final report's page to ``path`` (atomically)."""
    return write_page(render_summary_page(facts, organisation=organisation,
                                          today=today or date.today()), path)


def render_summary_page(facts: SummaryFacts, *, organisation: str, today: date) -> str:
    """The page as text; ``organisation`` "" is the strategy's own."""
    return _SummaryPage(facts, organisation or facts.strategy.organisation, today).render()


class _SummaryPage(PageBase):
    def __init__(self, facts: SummaryFacts, organisation: str, today: date) -> None:
        strategy = facts.strategy
        colors = {level.name: level.color for level in strategy.status_scale}
        super().__init__(((name, colors.get(name, "")) for name in facts.categories), SECTIONS)
        self.facts = facts
        self.organisation = organisation
        self.today = today
        for t in facts.progress.trajectories:
            self.anchors[t.action.id] = self._anchor("toimenpide-" + t.action.id)

    def render(self) -> str:
        facts = self.facts
        progress = facts.progress
        span = progress.span
        goals = [self._goal(goal) for goal in facts.strategy.goals]
        context = {
            "title": f"{facts.strategy.name}: strategiakauden loppuraportti {span}",
            "description": f"Miten kaupunkistrategian toimenpiteet toteutuivat ajalla {span}: "
                           "strategiakauden loppuraportti.",
            "strategy_name": facts.strategy.name,
            "organisation": self.organisation,
            "heading": realisation_title(facts.strategy),
            "heading_period": "Strategiakauden loppuraportti",
            "span": span,
            "today": fi_date(self.today),
            "sections": self.sections,
            "styles": list(self.styles.values()),
            "titles": {"outcome": say.OUTCOME_TITLE, "long": say.LONG_TITLE,
                       "continuing": say.CONTINUING_TITLE, "sources": say.SOURCES_TITLE},
            "abstract": self._abstract(),
            "outcome_chart": self._outcome_chart(),
            "outcome_table": self._outcome_table(),
            "trajectory_intro": say.TRAJECTORY_INTRO,
            "goals": goals,
            "long_intro": say.long_intro(facts),
            "long_table": self._long_table(),
            "indicators": self._indicators(),
            "continuing_intro": say.continuing_intro(facts),
            "continuing_table": self._continuing_table(),
            "sources": [s for s in (say.SOURCES_INTRO, say.sources_gaps(facts)) if s],
            "coverage_table": self._coverage_table(),
        }
        return render(TEMPLATE, context)

    # -- the abstract -------------------------------------------------------------------------

    def _abstract(self) -> list[str]:
        facts = self.facts
        lines = [say.scope_sentence(facts)]
        gaps = say.gaps_sentence(facts)
        if gaps:
            lines.append(gaps)
        lines.append(say.outcome_sentence(facts, facts.overall, "Strategian"))
        lines += say.goal_outcome_sentences(facts)
        lines += say.findings_sentences(
            facts, long_where=f"kohdassa {say.LONG_TITLE}",
            continuing_where=f"kohtaan {say.CONTINUING_TITLE}")
        return lines

    def _outcome_chart(self) -> StackedChart:
        facts = self.facts
        groups = [Group(o.label, o.counts) for o in (*facts.by_goal, facts.overall)]
        chart_id = self.sections["kaavio-tulos"]
        return stacked_chart(chart_id, say.OUTCOME_TITLE, groups, facts.categories,
                             status_fills(facts.categories, self.styles, chart_id))

    def _outcome_table(self) -> Table:
        facts = self.facts
        return self._by_goal_table(self._anchor("taulukko-tulos"), say.OUTCOME_TITLE,
                                   "Viimeisin tila", facts.categories, facts.by_goal,
                                   facts.overall)

    # -- the goals ----------------------------------------------------------------------------

    def _goal(self, goal: Goal) -> GoalView:
        facts = self.facts
        anchor = self._anchor(f"paamaara-{goal.code}")
        objectives = facts.objective_outcomes(goal)
        table = (self._counts_table(f"{goal.name}: toimenpiteiden tulos tavoitteittain",
                                    "Tavoite", facts.categories, objectives)
                 if objectives else None)
        trend = next(t for t in facts.progress.goals if t.code == goal.code)
        over_time = (status_over_time(self._anchor(f"kehitys-{goal.code}"), facts.progress,
                                      trend)
                     if len(facts.progress.periods) >= 2 else None)
        mine = facts.progress.of_goal(goal.code)
        departments = []
        for department in facts.strategy.departments:
            theirs = [t for t in mine if t.action.department == department.code]
            if theirs:
                departments.append(DepartmentView(
                    self._anchor(f"{anchor}-{department.code}"), department.name,
                    tuple(self._card(t) for t in theirs)))
        return GoalView(anchor, goal.name,
                        say.outcome_sentence(facts, facts.goal_outcome(goal), "Päämäärän"),
                        table, over_time, tuple(departments))

    def _card(self, t: Trajectory) -> Card:
        found = self.facts.toteumat.get(t.action.id)
        status = say.last_status(t)
        return Card(
            anchor=self.anchors[t.action.id], action_id=t.action.id,
            toimenpiteet=t.action.toimenpiteet.strip() or NO_ACTION_TEXT,
            status=status, status_class=self._status_class(status),
            toteuma=found[1] if found else NO_TOTEUMA, answered=found is not None,
            known=True,
            trajectory=t.text if len(self.facts.progress.periods) >= 2 else "",
            status_label="Viimeisin tila",
            status_note=fi_date(t.last_period.end) if t.last_period else "",
            toteuma_label=(f"Viimeisin toteuma (seurantakausi {found[0].label})" if found
                           else "Viimeisin toteuma"))

    # -- long deviations, indicators, continuing ----------------------------------------------

    def _action_cell(self, t: Trajectory) -> Cell:
        """A table's row header: the action's id (a link to its card), what it is, and whose."""
        text = shorten(t.action.toimenpiteet, ACTION_CHARS) or NO_ACTION_TEXT
        return Cell(text, links=(Link(t.action.id, self._href(t.action.id)),),
                    note=department_name(self.facts.strategy, t.action.department))

    def _status_cell(self, name: str, note: str = "") -> Cell:
        return Cell(name, status=self._status_class(name), note=note)

    def _long_table(self) -> Table | None:
        found = self.facts.long_deviations
        if not found:
            return None
        rows = tuple(Row((self._action_cell(t), self._status_cell(run.shown),
                          Cell(count(run.length, "seurantakausi", "seurantakautta"),
                               note=run.span),
                          self._status_cell(say.last_status(t))))
                     for t, run in found)
        return Table(self._anchor("taulukko-pitkat-poikkeamat"),
                     f"Pitkään poikenneet toimenpiteet ({fi_int(len(found))})",
                     (Column("Toimenpide"), Column("Poikkeama"), Column("Kesto"),
                      Column("Viimeisin tila")), rows, "toimenpiteittain")

    def _indicators(self) -> IndicatorsView | None:
        progress = self.facts.progress
        if not progress.indicators:
            return None
        aims = indicator_table(self._anchor("taulukko-mittarit"), progress,
                               progress.indicators, met=True)
        columns = (Column("Mittari"), *(Column(p.short, numeric=True) for p in progress.periods))
        rows = tuple(Row((Cell(i.indicator.name, note=i.indicator.unit),
                          *(Cell("–" if v is None else fi_value(v), numeric=True)
                            for v in i.values)))
                     for i in progress.indicators)
        values = Table(self._anchor("taulukko-mittarit-seurantakausittain"),
                       "Mittareiden arvot seurantakausittain", columns, rows, "leveat")
        charts = tuple(chart for i in progress.indicators
                       if (chart := line_chart(self._anchor(f"kaavio-{i.indicator.id}"), i)))
        return IndicatorsView(aims, charts, values)

    def _continuing_table(self) -> Table | None:
        ordered = say.continuing_in_order(self.facts)
        if not ordered:
            return None
        rows = []
        for t in ordered:
            found = self.facts.toteumat.get(t.action.id)
            rows.append(Row((
                self._action_cell(t),
                self._status_cell(say.last_status(t),
                                  fi_date(t.last_period.end) if t.last_period else ""),
                Cell(shorten(found[1], say.TOTEUMA_CHARS) if found else NO_TOTEUMA,
                     note=found[0].short if found else ""))))
        return Table(self._anchor("taulukko-jatkuvat"),
                     f"{say.CONTINUING_TITLE} ({fi_int(len(ordered))})",
                     (Column("Toimenpide"), Column("Viimeisin tila"),
                      Column("Viimeisin toteuma (lyhennetty)")), tuple(rows), "toimenpiteittain")

    # -- what the report rests on -------------------------------------------------------------

    def _coverage_table(self) -> Table:
        rows = tuple(Row((Cell(c.period.label),
                          Cell(f"{fi_int(c.received)} / {fi_int(c.expected)}", numeric=True),
                          Cell(f"{fi_int(c.complete)} / {fi_int(c.actions)}", numeric=True)))
                     for c in self.facts.coverage)
        return Table(self._anchor("taulukko-kattavuus"),
                     "Seurantakaudet ja tietojen kattavuus",
                     (Column("Seurantakausi"), Column("Palauttaneet toimialat", numeric=True),
                      Column("Raportoidut toimenpiteet", numeric=True)), rows)

