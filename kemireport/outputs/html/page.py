"""The web page for residents: ``output/P/P_strategiaseuranta.html``.

One self-contained file: styles inline, no scripts, no external requests, the reader's own
fonts. A city uploads it to its website or intranet as it is, or opens it from a shared folder.
It renders the same ``PeriodFacts`` as the board's Word report and the coordinator's workbook
(plus the strategy for names and colours), so it cannot disagree with them.

Accessible as the law on digital services (306/2019, WCAG 2.1 AA) asks: ``lang="fi"``,
landmarks, a skip link, one ``h1`` and ordered headings, a table of contents, tables with
captions and scoped header cells, charts as inline SVG with a title and a description and their
numbers in a table right after, status always written as text (colour is a second signal
only, on fills black text reads on), readable on a 320 px wide phone, and a print style sheet.

Department text goes through Jinja2 with autoescaping and is never marked safe, so a Toteuma
of ``<script>`` is shown as that text; characters HTML does not allow are dropped on output.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kemireport.core.finnish import elative, fi_date, fi_int, fi_percent, or_list, quote, shorten
from kemireport.history.records import ActionRecord, Change
from kemireport.outputs.charts import (
    SDG_COLOR,
    SDG_TITLE,
    STATUS_TITLE,
    Bar,
    sdg_description,
    status_description,
    status_values,
)
from kemireport.outputs.facts import (
    NO_ID,
    NOT_REPORTED,
    GoalActions,
    PeriodFacts,
    Tally,
    category,
    department_name,
    toteuma_shown,
)
from kemireport.outputs.html.common import (
    Card,
    Cell,
    Chart,
    Column,
    DepartmentView,
    Link,
    PageBase,
    Row,
    Table,
    bar_chart,
    indicator_table,
    render,
    status_fills,
    status_over_time,
    write_page,
)
from kemireport.outputs.wording import (
    ACTION_CHARS,
    APPENDIX_TITLE,
    NO_EXPLANATION,
    SDG_GOAL,
    action_text,
    added_sentence,
    change_action_text,
    changes_sentence,
    deviation_names,
    deviations_sentence,
    goal_sentence,
    no_deviations,
    no_moves,
    overall_sentence,
    returns_sentences,
    sdg_sentence,
    status_at,
    streak_text,
)
from kemireport.reading.overview import Block
from kemireport.strategy import Strategy

TEMPLATE = "strategiaseuranta.html.j2"
# Fixed fragment identifiers: the page's parts and its two charts.
SECTIONS = ("sisalto", "sisallys", "yhteenveto", "huomio", "kehitys", "sdg", "muutokset",
            "puuttuvat", "kaavio-tila", "kaavio-sdg")
EXPLANATION_CHARS = 200  # a department's explanation in the list of actions needing attention

# -- what the template renders -----------------------------------------------------------------


@dataclass(frozen=True)
class Attention:
    """An action needing attention (the deviations section)."""

    action_id: str
    href: str
    department: str
    toimenpiteet: str
    status: str
    status_class: str
    streak: str  # "uusi poikkeama", "kaksi seurantakautta peräkkäin"
    explanation: str
    explained: bool
    new_schedule: str


@dataclass(frozen=True)
class GoalView:
    anchor: str
    code: str  # "" for the rows on no goal's sheet
    name: str
    sentence: str
    overview: tuple[Block, ...]  # the coordinator's text for the goal
    objectives: Table | None
    departments: tuple[DepartmentView, ...]


@dataclass(frozen=True)
class ChangesView:
    sentences: tuple[str, ...]
    table: Table | None


@dataclass(frozen=True)
class ProgressView:
    shown: bool  # False without a history (nothing to show across periods)
    intro: str
    tables: tuple[Table, ...]  # one per goal: its status counts per period
    indicators: Table | None


@dataclass(frozen=True)
class MissingView:
    sentences: tuple[str, ...]  # how complete the follow-up data is
    gaps: tuple[Link, ...]  # actions without a status or a Toteuma in the returns
    gaps_sentence: str


# -- writing -----------------------------------------------------------------------------------


def write_html_report(strategy: Strategy, facts: PeriodFacts, path: Path, *,
                      organisation: str = "", today: date | None = None) -> Path:
    """Write the page to ``path`` (atomically)."""
    return write_page(render_page(strategy, facts, organisation=organisation,
                                  today=today or date.today()), path)


def render_page(strategy: Strategy, facts: PeriodFacts, *, organisation: str,
                today: date) -> str:
    """The page as text; ``organisation`` "" is the strategy's own."""
    return _Page(strategy, facts, organisation or strategy.organisation, today).render()


class _Page(PageBase):
    def __init__(self, strategy: Strategy, facts: PeriodFacts, organisation: str,
                 today: date) -> None:
        self.strategy = strategy
        self.facts = facts
        self.organisation = organisation
        self.today = today
        self.returned = set(facts.departments_received)
        super().__init__(((c.name, c.color) for c in facts.categories), SECTIONS)
        # Every action of the strategy has an anchor the other sections link to.
        progress = facts.progress
        self.trajectories = {t.action.id: t.text for t in progress.trajectories} \
            if len(progress.periods) >= 2 else {}
        for record in facts.records:
            if record.known and record.action_id not in self.anchors:
                self.anchors[record.action_id] = self._anchor("toimenpide-" + record.action_id)

    # -- the page -----------------------------------------------------------------------------

    def render(self) -> str:
        facts, strategy, period = self.facts, self.strategy, self.facts.period
        goals = [self._goal(goal) for goal in facts.goals]
        context = {
            "title": f"{strategy.name}: strategian toteutumisen seuranta {period.label}",
            "description": f"Miten kaupunkistrategian toimenpiteet etenivät seurantakaudella "
                           f"{period.label}: toimialojen seurantatiedot.",
            "appendix_title": APPENDIX_TITLE,
            "strategy_name": strategy.name,
            "organisation": self.organisation,
            "period_label": period.label,
            "heading": "Strategian toteutumisen seuranta",
            "heading_period": "Seurantakausi",
            "span": period.label,
            "today": fi_date(self.today),
            "sections": self.sections,
            "styles": list(self.styles.values()),
            "intro": self._intro(),
            "summary": self._summary(),
            "overview_general": self.facts.overview.general,
            "status_chart": self._status_chart(),
            "status_table": self._status_table(),
            "attention": self._attention(),
            "attention_intro": self._attention_intro(),
            "goals": goals,
            "sdg_intro": sdg_sentence(facts),
            "sdg_chart": self._sdg_chart(),
            "sdg_table": self._sdg_table(),
            "changes": self._changes(),
            "missing": self._missing(),
            "progress": self._progress(),
        }
        return render(TEMPLATE, context)

    def _intro(self) -> str:
        return (f"{self.organisation} seuraa strategiansa toteutumista puolen vuoden välein. "
                "Kukin toimiala kertoo, miten sen vastuulla olevat strategian toimenpiteet "
                "ovat edenneet. Tällä sivulla on koonti seurantakaudelta "
                f"{self.facts.period.label}; toimenpiteiden tila kuvaa tilannetta "
                f"{fi_date(self.facts.period.end)}.")

    def _summary(self) -> list[str]:
        facts = self.facts
        lines = [overall_sentence(facts)]
        deviations = deviations_sentence(facts) if facts.deviations else no_deviations(facts)
        if facts.on_track:
            lines.append(
                f"Toimenpiteistä {fi_int(facts.on_track)} "
                f"({fi_percent(facts.on_track, len(facts.known))}) on tilassa "
                f"{or_list([quote(n) for n in facts.on_track_statuses])}. {deviations}")
        elif facts.known:
            lines.append(deviations)
        lines.append(" ".join(returns_sentences(facts)))
        added = added_sentence(facts, "toimialan toimenpiteiden lopussa")
        if added:
            lines.append(added)
        return lines

    # -- charts and tables --------------------------------------------------------------------

    def _status_chart(self) -> Chart:
        facts = self.facts
        bars = [Bar(c.name, n, c.color) for c, n in zip(facts.categories, facts.overall.counts,
                                                        strict=True)]
        fills = status_fills([c.name for c in facts.categories], self.styles, "kaavio-tila")
        return bar_chart("kaavio-tila", STATUS_TITLE, status_description(bars), bars,
                      status_values(bars), fills)

    def _status_table(self) -> Table:
        facts = self.facts
        return self._by_goal_table(self._anchor("taulukko-tila"),
                                   "Toimenpiteiden tila päämäärittäin", "Tila",
                                   [c.name for c in facts.categories], facts.by_goal,
                                   facts.overall)

    def _tally_table(self, caption: str, first: str, tallies: Sequence[Tally]) -> Table:
        return self._counts_table(caption, first, [c.name for c in self.facts.categories],
                                  tallies)

    def _sdg_chart(self) -> Chart:
        bars = [Bar(f"{c.number} {c.name}", len(c.records), SDG_COLOR) for c in self.facts.sdg]
        return bar_chart("kaavio-sdg", SDG_TITLE, sdg_description(bars), bars,
                      [fi_int(b.value) for b in bars], [SDG_COLOR] * len(bars))

    def _sdg_table(self) -> Table:
        rows = []
        for c in self.facts.sdg:
            links = tuple(Link(r.action_id or NO_ID, self._href(r.action_id))
                          for r in c.records)
            rows.append(Row((Cell(str(c.number)), Cell(c.name),
                             Cell(fi_int(len(c.records)), numeric=True),
                             Cell("" if links else "–", links=links))))
        return Table(self._anchor("taulukko-sdg"), SDG_TITLE,
                     (Column("SDG"), Column(SDG_GOAL), Column("Toimenpiteitä", numeric=True),
                      Column("Toimenpiteiden tunnisteet")), tuple(rows))

    # -- the actions --------------------------------------------------------------------------

    def _attention_intro(self) -> str:
        if not self.facts.deviations:
            return no_deviations(self.facts)
        return (f"Toimenpiteet, joiden tila on {deviation_names(self.facts)}, toimialan "
                "selvitys poikkeaman syystä ja korjaavista toimenpiteistä sekä uusi aikataulu. "
                "Toimenpiteen koko toteuma on sen kohdalla päämäärän osassa: tunnisteesta "
                "pääsee sinne.")

    def _attention(self) -> list[Attention]:
        items = []
        for deviation in self.facts.deviations:
            r = deviation.record
            items.append(Attention(
                action_id=r.action_id or NO_ID, href=self._href(r.action_id),
                department=department_name(self.strategy, r.department),
                toimenpiteet=shorten(action_text(r), ACTION_CHARS), status=category(r),
                status_class=self._status_class(category(r)),
                streak=streak_text(deviation.streak),
                explanation=r.deviation or NO_EXPLANATION,
                explained=bool(r.deviation), new_schedule=r.new_schedule or "–"))
        return items

    def _goal(self, goal: GoalActions) -> GoalView:
        anchor = self._anchor(f"paamaara-{goal.code or 'muut'}")
        sentence = goal_sentence(self.facts, goal.tally)
        objectives = (self._tally_table(f"{goal.name}: toimenpiteiden tila tavoitteittain",
                                        "Tavoite", goal.objectives)
                      if goal.objectives else None)
        departments = tuple(
            DepartmentView(self._anchor(f"{anchor}-{d.code}"), d.name,
                           tuple(self._card(r, d.code in self.returned) for r in d.records))
            for d in goal.departments)
        return GoalView(anchor, goal.code, goal.name, sentence,
                        self.facts.overview.for_goal(goal.code), objectives, departments)

    def _card(self, record: ActionRecord, returned: bool) -> Card:
        status = category(record)
        return Card(
            anchor=self.anchors.get(record.action_id, "") if record.known else "",
            action_id=record.action_id or NO_ID, toimenpiteet=action_text(record),
            status=status, status_class=self._status_class(status),
            toteuma=toteuma_shown(record, returned), answered=bool(record.toteuma),
            known=record.known, trajectory=self.trajectories.get(record.action_id, "")
            if record.known else "")

    # -- across the strategy period -----------------------------------------------------------

    def _progress(self) -> ProgressView:
        progress = self.facts.progress
        if len(progress.periods) < 2:
            intro = ("Kehitys seurantakausittain näkyy tässä, kun seuraavan seurantakauden "
                     "tiedot on koottu.")
            tables: list[Table] = []
        else:
            intro = (f"Toimenpiteiden tilat kaikilta seurantakausilta {progress.span} "
                     "päämäärittäin. Kunkin toimenpiteen tila seurantakaudesta toiseen on sen "
                     "kohdalla päämäärän osassa.")
            tables = [status_over_time(self._anchor(f"kehitys-{goal.code}"), progress, goal)
                      for goal in progress.goals]
        indicators = (indicator_table(self._anchor("taulukko-mittarit"), progress,
                                      progress.indicators)
                      if progress.indicators else None)
        return ProgressView(bool(progress.periods), intro, tuple(tables), indicators)

    # -- changes and what is missing ----------------------------------------------------------

    def _changes(self) -> ChangesView:
        facts = self.facts
        previous = facts.previous_period
        first = changes_sentence(facts)
        if previous is None:
            return ChangesView((first,), None)
        moved = facts.moved
        if not moved:
            return ChangesView((first, no_moves(facts)), None)
        table = Table(self._anchor("taulukko-muutokset"),
                      f"Tilan muutokset seurantakauteen {previous.label} verrattuna",
                      (Column("Toimenpide"), Column(status_at(previous)),
                       Column(status_at(facts.period))),
                      tuple(self._change_row(c) for c in moved), "muutokset")
        return ChangesView((first,), table)

    def _change_row(self, change: Change) -> Row:
        before = change.previous_status or NOT_REPORTED
        now = change.status or NOT_REPORTED
        href = self._href(change.action_id)
        first = Cell(change_action_text(self.strategy, change),
                     links=(Link(change.action_id or NO_ID, href),),
                     note=department_name(self.strategy, change.department))
        return Row((first, Cell(before, status=self._status_class(before)),
                    Cell(now, status=self._status_class(now))))

    def _missing(self) -> MissingView:
        facts = self.facts
        gaps = tuple(Link(r.action_id or NO_ID, self._href(r.action_id)) for r in facts.gaps)
        count = len(gaps)
        if not facts.departments_received:
            said = ""
        elif not gaps:
            said = ("Palautuksissa on kaikkien toimenpiteiden tila ja toteuma."
                    if not facts.missing_departments else
                    "Palautuksissa on kaikkien muiden toimenpiteiden tila ja toteuma.")
        else:
            said = (f"Palautuksista puuttuu tila, toteuma tai poikkeaman selvitys "
                    f"{elative(count)} toimenpiteestä:")
        return MissingView(tuple(returns_sentences(facts)), gaps, said)

