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

import re
import textwrap
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from kemireport.core.atomic import atomic_path
from kemireport.core.finnish import fi_date, fi_int, fi_percent, shorten
from kemireport.core.ooxml import readable_fill
from kemireport.history.records import ActionRecord, Change, ChangeKind
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
from kemireport.reading.overview import Block
from kemireport.strategy import Strategy

if TYPE_CHECKING:
    import jinja2

TEMPLATE = "strategiaseuranta.html.j2"
# Fixed fragment identifiers: the page's parts and its two charts.
SECTIONS = ("sisalto", "sisallys", "yhteenveto", "huomio", "kehitys", "sdg", "muutokset",
            "puuttuvat", "kaavio-tila", "kaavio-sdg")
EXPLANATION_CHARS = 200  # a department's explanation in the list of actions needing attention
ACTION_CHARS = 110  # an action's description where it only names the action
TEXT_ON_FILL = 7.0  # contrast of black status text on its fill (WCAG AAA; AA asks 4.5)

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


# -- what the template renders -----------------------------------------------------------------


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
    """One action as the page shows it."""

    anchor: str  # "" for a row the strategy does not know (nothing links to it)
    action_id: str
    toimenpiteet: str
    status: str
    status_class: str
    toteuma: str
    answered: bool  # False: the Toteuma is the page's note of what is missing
    known: bool
    trajectory: str = ""  # the status in each stored period, when there are two or more


@dataclass(frozen=True)
class Attention:
    """An action needing attention (the deviations section)."""

    action_id: str
    href: str
    department: str
    toimenpiteet: str
    status: str
    status_class: str
    streak: str  # "1. kausi", "2. peräkkäinen kausi"
    explanation: str
    explained: bool
    new_schedule: str


@dataclass(frozen=True)
class DepartmentView:
    anchor: str
    name: str
    cards: tuple[Card, ...]


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
    sentence: str  # how complete the returns are
    table: Table | None  # the departments that sent nothing (None: every one did)
    gaps: tuple[Link, ...]  # actions without a status or a Toteuma in the returns


@dataclass(frozen=True)
class StatusStyle:
    css_class: str
    fill: str


# -- writing -----------------------------------------------------------------------------------


def write_html_report(strategy: Strategy, facts: PeriodFacts, path: Path, *,
                      organisation: str = "", today: date | None = None) -> Path:
    """Write the page to ``path`` (atomically)."""
    page = render_page(strategy, facts, organisation=organisation, today=today or date.today())
    with atomic_path(Path(path)) as tmp:
        tmp.write_text(page, encoding="utf-8", newline="\n")
    return Path(path)


def render_page(strategy: Strategy, facts: PeriodFacts, *, organisation: str,
                today: date) -> str:
    """The page as text; ``organisation`` "" is the strategy's own."""
    return _Page(strategy, facts, organisation or strategy.organisation, today).render()


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


class _Page:
    def __init__(self, strategy: Strategy, facts: PeriodFacts, organisation: str,
                 today: date) -> None:
        self.strategy = strategy
        self.facts = facts
        self.organisation = organisation
        self.today = today
        self.returned = set(facts.departments_received)
        self.ids: set[str] = set()
        self.styles = self._status_styles()
        # The sections' and charts' names first: an action can never take one of them.
        self.sections = {key: self._anchor(key) for key in SECTIONS}
        # Every action of the strategy has an anchor the other sections link to.
        progress = facts.progress
        self.trajectories = {t.action.id: t.text for t in progress.trajectories} \
            if len(progress.periods) >= 2 else {}
        self.anchors: dict[str, str] = {}
        for record in facts.records:
            if record.known and record.action_id not in self.anchors:
                self.anchors[record.action_id] = self._anchor("toimenpide-" + record.action_id)

    # -- names --------------------------------------------------------------------------------

    def _anchor(self, text: str) -> str:
        """A unique, readable fragment identifier: ``paamaara-ek``, ``toimenpide-ek-ymp-02``."""
        folded = unicodedata.normalize("NFKD", text.casefold())
        base = re.sub(r"[^a-z0-9]+", "-", folded.encode("ascii", "ignore").decode()).strip("-")
        base = base or "kohta"
        anchor, number = base, 1
        while anchor in self.ids:
            number += 1
            anchor = f"{base}-{number}"
        self.ids.add(anchor)
        return anchor

    def _status_styles(self) -> dict[str, StatusStyle]:
        styles = {}
        for index, c in enumerate(self.facts.categories):
            if c.name == NOT_REPORTED:
                styles[c.name] = StatusStyle("tila-puuttuu", "#FFFFFF")
            else:
                fill = readable_fill(c.color, TEXT_ON_FILL) if c.color else "#FFFFFF"
                styles[c.name] = StatusStyle(f"tila-{index + 1}", fill)
        return styles

    def _status_class(self, name: str) -> str:
        style = self.styles.get(name)
        return style.css_class if style else "tila-puuttuu"

    def _href(self, action_id: str) -> str:
        anchor = self.anchors.get(action_id)
        return f"#{anchor}" if anchor else ""

    # -- the page -----------------------------------------------------------------------------

    def render(self) -> str:
        facts, strategy, period = self.facts, self.strategy, self.facts.period
        goals = [self._goal(goal) for goal in facts.goals]
        context = {
            "title": f"{strategy.name}: strategian toteutumisen seuranta {period.label}",
            "description": f"Toimialojen puolivuotisraportit strategian toimenpiteistä "
                           f"kaudelta {period.label}.",
            "strategy_name": strategy.name,
            "organisation": self.organisation,
            "period_label": period.label,
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
            "sdg_intro": f"Toimenpiteistä {fi_int(facts.sdg_linked)} on liitetty YK:n kestävän "
                         "kehityksen tavoitteisiin (SDG). Sama toimenpide voi edistää useaa "
                         "tavoitetta.",
            "sdg_chart": self._sdg_chart(),
            "sdg_table": self._sdg_table(),
            "changes": self._changes(),
            "missing": self._missing(),
            "progress": self._progress(),
        }
        return _environment().get_template(TEMPLATE).render(context)

    def _intro(self) -> str:
        return (f"{self.organisation} seuraa strategiansa toteutumista puolen vuoden välein. "
                "Kukin toimiala kertoo, miten sen vastuulla olevat strategian toimenpiteet "
                "ovat edenneet. Tällä sivulla on koonti seurantakaudelta "
                f"{self.facts.period.label}.")

    def _summary(self) -> list[str]:
        facts = self.facts
        known = facts.known
        total = len(known)
        counts = [(c.name, n) for c, n in zip(facts.categories, facts.overall.counts,
                                              strict=True) if n]
        lines = [f"Strategiassa on {fi_int(total)} toimenpidettä."
                 + (" Niiden tila kauden lopussa: "
                    + _and([f"{name} {fi_int(n)}" for name, n in counts]) + "."
                    if counts else "")]
        if total:
            lines.append(
                f"Toimenpiteistä {fi_int(facts.on_track)} ({fi_percent(facts.on_track, total)}) "
                f"on tilassa {_or(facts.on_track_statuses)}. Poikkeamia eli toimenpiteitä, "
                f"joiden tila on {_or(facts.deviation_statuses)}, on "
                f"{fi_int(len(facts.deviations))}.")
        missing = facts.missing_departments
        if missing:
            whom = ("yhdeltä toimialalta" if len(missing) == 1
                    else f"{fi_int(len(missing))} toimialalta")
            lines.append(f"Raportti puuttuu {whom}: {_and([d.name for d in missing])}. "
                         f"Toimenpiteet, joista ei ole raporttia, ovat tilassa ”{NOT_REPORTED}”.")
        extra = len(facts.added)
        if extra == 1:
            lines.append("Lisäksi toimialat ilmoittivat yhden rivin, jota strategiassa ei ole; "
                         "se näkyy toimialan toimenpiteiden lopussa.")
        elif extra:
            lines.append(f"Lisäksi toimialat ilmoittivat {fi_int(extra)} riviä, joita "
                         "strategiassa ei ole; ne näkyvät toimialan toimenpiteiden lopussa.")
        return lines

    # -- charts and tables --------------------------------------------------------------------

    def _status_chart(self) -> Chart:
        facts = self.facts
        bars = [Bar(c.name, n, c.color) for c, n in zip(facts.categories, facts.overall.counts,
                                                        strict=True)]
        fills = ["url(#kaavio-tila-viivoitus)" if c.name == NOT_REPORTED
                 else self.styles[c.name].fill for c in facts.categories]
        return _chart("kaavio-tila", STATUS_TITLE, status_description(bars), bars,
                      status_values(bars), fills)

    def _status_table(self) -> Table:
        facts = self.facts
        overall = facts.overall
        rows = []
        for index, c in enumerate(facts.categories):
            rows.append(Row((
                Cell(c.name, status=self._status_class(c.name)),
                *(Cell(fi_int(t.counts[index]), numeric=True) for t in facts.by_goal),
                Cell(fi_int(overall.counts[index]), numeric=True),
                Cell(fi_percent(overall.counts[index], overall.total), numeric=True))))
        rows.append(Row((
            Cell("Yhteensä"), *(Cell(fi_int(t.total), numeric=True) for t in facts.by_goal),
            Cell(fi_int(overall.total), numeric=True),
            Cell(fi_percent(overall.total, overall.total), numeric=True)), total=True))
        columns = (Column("Tila"), *(Column(t.label, numeric=True) for t in facts.by_goal),
                   Column("Yhteensä", numeric=True), Column("Osuus", numeric=True))
        return Table(self._anchor("taulukko-tila"), "Toimenpiteiden tila päämäärittäin",
                     columns, tuple(rows))

    def _tally_table(self, caption: str, first: str, tallies: Sequence[Tally]) -> Table:
        columns = (Column(first), *(Column(c.name, numeric=True) for c in self.facts.categories),
                   Column("Yhteensä", numeric=True))
        rows = tuple(Row((Cell(t.label), *(Cell(fi_int(n), numeric=True) for n in t.counts),
                          Cell(fi_int(t.total), numeric=True))) for t in tallies)
        return Table(self._anchor("taulukko-" + caption), caption, columns, rows, "leveat")

    def _sdg_chart(self) -> Chart:
        bars = [Bar(f"{c.number} {c.name}", len(c.records), SDG_COLOR) for c in self.facts.sdg]
        return _chart("kaavio-sdg", SDG_TITLE, sdg_description(bars), bars,
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
                     (Column("SDG"), Column("Tavoite"), Column("Toimenpiteitä", numeric=True),
                      Column("Toimenpiteiden tunnisteet")), tuple(rows))

    # -- the actions --------------------------------------------------------------------------

    def _attention_intro(self) -> str:
        names = _or(self.facts.deviation_statuses)
        if not self.facts.deviations:
            return f"Yhdenkään toimenpiteen tila ei ole {names}."
        return (f"Toimenpiteet, joiden tila on {names}: toimialan kertoma syy ja korjaavat "
                "toimenpiteet sekä uusi aikataulu. Toimenpiteen koko raportti on sen kohdalla "
                "päämäärän luvussa: tunnisteesta pääsee sinne.")

    def _attention(self) -> list[Attention]:
        items = []
        for deviation in self.facts.deviations:
            r = deviation.record
            items.append(Attention(
                action_id=r.action_id or NO_ID, href=self._href(r.action_id),
                department=department_name(self.strategy, r.department),
                toimenpiteet=shorten(r.toimenpiteet, ACTION_CHARS), status=category(r),
                status_class=self._status_class(category(r)),
                streak=("1. kausi" if deviation.streak <= 1
                        else f"{deviation.streak}. peräkkäinen kausi"),
                explanation=r.deviation or "Toimiala ei kertonut syytä.",
                explained=bool(r.deviation), new_schedule=r.new_schedule or "–"))
        return items

    def _goal(self, goal: GoalActions) -> GoalView:
        anchor = self._anchor(f"paamaara-{goal.code or 'muut'}")
        counts = [(c.name, n) for c, n in zip(self.facts.categories, goal.tally.counts,
                                              strict=True) if n]
        sentence = (f"Toimenpiteitä {fi_int(goal.tally.total)}: "
                    + ", ".join(f"{name} {fi_int(n)}" for name, n in counts) + ".")
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
            action_id=record.action_id or NO_ID, toimenpiteet=record.toimenpiteet,
            status=status, status_class=self._status_class(status),
            toteuma=toteuma_shown(record, returned), answered=bool(record.toteuma),
            known=record.known, trajectory=self.trajectories.get(record.action_id, "")
            if record.known else "")

    # -- across the strategy period -----------------------------------------------------------

    def _progress(self) -> ProgressView:
        progress = self.facts.progress
        if len(progress.periods) < 2:
            intro = ("Kehitys kausittain näkyy tässä, kun seuraavan seurantakauden tiedot on "
                     "koottu.")
            tables: list[Table] = []
        else:
            intro = (f"Toimenpiteiden tilat kaikilta seurantakausilta {progress.span} "
                     "päämäärittäin. Kunkin toimenpiteen tila kaudesta toiseen on sen "
                     "kortissa yllä.")
            columns = (Column("Seurantakausi"),
                       *(Column(name, numeric=True) for name in progress.categories),
                       Column("Yhteensä", numeric=True))
            tables = [Table(self._anchor(f"kehitys-{goal.code}"),
                            f"{goal.name}: toimenpiteiden tila kausittain", columns,
                            tuple(Row((Cell(period.short),
                                       *(Cell(fi_int(n), numeric=True) for n in counts),
                                       Cell(fi_int(sum(counts)), numeric=True)))
                                  for period, counts in zip(progress.periods, goal.counts,
                                                            strict=True)))
                      for goal in progress.goals]
        indicators = None
        if progress.indicators:
            # Four columns, so the table fits a phone: the aims go under the name, the
            # direction under the change.
            columns = (Column("Mittari"), Column(progress.compared_with),
                       Column("Viimeisin arvo"), Column("Muutos"))
            rows = []
            for i in progress.indicators:
                aims = [i.better]
                if i.baseline:
                    aims.append(f"lähtötaso {i.shown(i.baseline.value)} ({i.baseline.year})")
                if i.target:
                    aims.append(f"tavoite {i.shown(i.target.value)} ({i.target.year})")
                rows.append(Row((
                    Cell(i.indicator.name, note="; ".join(aims)),
                    Cell(i.shown(i.previous[1]) if i.previous else "–",
                         note=i.previous[0].short if i.previous else ""),
                    Cell(i.shown(i.latest[1]) if i.latest else "Ei ilmoitettu",
                         note=i.latest[0].short if i.latest else ""),
                    Cell(i.change_text, note=i.direction_text if i.change is not None else ""))))
            indicators = Table(self._anchor("taulukko-mittarit"), "Mittareiden arvot",
                               columns, tuple(rows))
        return ProgressView(bool(progress.periods), intro, tuple(tables), indicators)

    # -- changes and what is missing ----------------------------------------------------------

    def _changes(self) -> ChangesView:
        facts = self.facts
        if facts.previous_period is None:
            return ChangesView((
                "Aiempaa seurantakautta ei ole tallennettu historiaan, joten muutoksia ei voi "
                "vielä verrata. Vertailu on mukana seuraavasta kaudesta alkaen.",), None)
        previous = facts.previous_period.label
        said: dict[ChangeKind, str] = {
            "status-changed": "tila muuttui {} toimenpiteessä",
            "new-report": "{} toimenpiteestä raportoitiin nyt ensimmäistä kertaa",
            "missing-report": "{} toimenpiteestä raportti puuttuu nyt",
            "unchanged": "{} toimenpiteen tila pysyi ennallaan",
        }
        parts = [text.format(fi_int(len(facts.changes_of(kind))))
                 for kind, text in said.items() if facts.changes_of(kind)]
        sentence = _and(parts) if parts else "ei vertailtavia toimenpiteitä"
        first = f"Vertailukausi on {previous}. {sentence[0].upper()}{sentence[1:]}."
        moved = facts.moved
        if not moved:
            return ChangesView((first, "Toimenpiteiden tiloissa ei ole muutoksia edelliseen "
                                       "kauteen verrattuna."), None)
        table = Table(self._anchor("taulukko-muutokset"),
                      f"Tilan muutokset kauteen {previous} verrattuna",
                      (Column("Toimenpide"), Column(f"Tila {previous}"), Column("Tila nyt")),
                      tuple(self._change_row(c) for c in moved), "muutokset")
        return ChangesView((first,), table)

    def _change_row(self, change: Change) -> Row:
        action = self.strategy.action(change.action_id)
        text = change.toimenpiteet or (action.toimenpiteet if action else "")
        before = change.previous_status or NOT_REPORTED
        now = change.status or NOT_REPORTED
        href = self._href(change.action_id)
        first = Cell(shorten(text, ACTION_CHARS), links=(Link(change.action_id or NO_ID, href),),
                     note=department_name(self.strategy, change.department))
        return Row((first, Cell(before, status=self._status_class(before)),
                    Cell(now, status=self._status_class(now))))

    def _missing(self) -> MissingView:
        facts = self.facts
        absent = facts.missing_departments
        totals = {t.key: t.total for t in facts.by_department}
        table = None
        if absent:
            table = Table(self._anchor("taulukko-puuttuvat"),
                          "Toimialat, joiden raportti puuttuu",
                          (Column("Toimiala"),
                           Column("Toimenpiteitä ilman raporttia", numeric=True)),
                          tuple(Row((Cell(d.name), Cell(fi_int(totals.get(d.code, 0)),
                                                        numeric=True))) for d in absent))
        gaps = tuple(Link(r.action_id or NO_ID, self._href(r.action_id)) for r in facts.gaps)
        known = len(facts.known)
        sentence = (f"Odotetuista {fi_int(len(facts.departments_expected))} toimialasta raportin "
                    f"palautti {fi_int(len(facts.departments_received))}. Tila ja toteuma on "
                    f"raportoitu {fi_int(facts.complete)} toimenpiteestä "
                    f"({fi_percent(facts.complete, known)} kaikista).")
        return MissingView(sentence, table, gaps)


# -- helpers -----------------------------------------------------------------------------------

_LINE = 19  # px between the lines of a bar's name (15 px text)
_BAR = 22
_GAP = 16
_LONGEST_BAR = 66.0  # percent of the width, so that the number fits after the longest bar
_LABEL_CHARS = 32  # a name longer than this wraps (fits a 320 px wide phone)


def _chart(chart_id: str, title: str, description: str, bars: Sequence[Bar],
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


def _and(parts: Sequence[str]) -> str:
    if not parts:
        return ""
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " ja " + parts[-1]


def _or(names: Sequence[str]) -> str:
    quoted = [f"”{n}”" for n in names]
    if len(quoted) <= 1:
        return "".join(quoted)
    return ", ".join(quoted[:-1]) + " tai " + quoted[-1]
