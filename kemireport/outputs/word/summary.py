"""The final report of a strategy period for the council: what was achieved, per goal.

The first pages answer the council's question (what did the strategy achieve, per goal); the
goal chapters show each objective, each action's course and its last Toteuma; then what
deviated for long, how the indicators moved, what continues into the next strategy, and what
data the report rests on. Same styles, accessibility points and self-check as the period's report.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kemireport.core.finnish import count, fi_date, fi_int, shorten
from kemireport.core.settings import Settings
from kemireport.outputs import summary_wording as say
from kemireport.outputs.charts import Group, stacked_chart
from kemireport.outputs.facts import NO_TOTEUMA, department_name
from kemireport.outputs.summary import SummaryFacts
from kemireport.outputs.word import progress as pieces
from kemireport.outputs.word import sections, tables
from kemireport.outputs.word.blocks import Builder, Cell, Column
from kemireport.outputs.word.document import new_section
from kemireport.outputs.wording import ACTION_CHARS, realisation_title


def write_summary_report(facts: SummaryFacts, path: Path, *, settings: Settings,
                         today: date | None = None) -> str:
    """Write the final report to ``path`` (atomically); return the self-check's result."""
    from kemireport.outputs.word import assembly

    strategy = facts.strategy
    b, organisation = assembly.begin(settings, strategy)

    _cover(b, facts, organisation, today or date.today())
    placeholder = sections.contents(b)
    _abstract(b, facts)
    for goal in strategy.goals:
        _goal(b, facts, goal.code)
    _long_deviations(b, facts)
    if facts.progress.indicators:
        new_section(b.doc, landscape=True)
        pieces.indicators(b, facts.progress, heading="Mittarit", level=1)
    _continuing(b, facts)
    _sources(b, facts)

    return assembly.finish(
        b, placeholder, path,
        title=f"{realisation_title(facts.strategy)}. Strategiakauden loppuraportti",
        subject=f"Strategian toteutuminen {facts.progress.span}",
        author=organisation,
        keywords="kaupunkistrategia; loppuraportti; strategian seuranta; valtuusto",
        description=f"Strategian toimenpiteiden toteutuminen, mittarit ja jatkuvat toimenpiteet "
                    f"seurantakausilta {facts.progress.span}.",
    )


def _cover(b: Builder, facts: SummaryFacts, organisation: str, today: date) -> None:
    b.paragraph(realisation_title(facts.strategy), b.styles.title)
    b.paragraph(f"Strategiakauden loppuraportti {facts.progress.span}", b.styles.subtitle)
    b.paragraph(organisation, b.styles.cover)
    b.paragraph(f"Laadittu {fi_date(today)}", b.styles.cover)
    b.page_break()


def _abstract(b: Builder, facts: SummaryFacts) -> None:
    progress = facts.progress
    overall = facts.overall
    b.heading(1, "Tiivistelmä")
    b.paragraph(say.scope_sentence(facts))
    if facts.gaps:
        b.paragraph(say.gaps_sentence(facts))
    b.paragraph(say.outcome_sentence(facts, overall, "Strategian"))
    for sentence in say.goal_outcome_sentences(facts):
        b.paragraph(sentence)
    for sentence in say.findings_sentences(facts, long_where="luvussa ⟦long⟧",
                                           continuing_where="lukuun ⟦continuing⟧"):
        b.paragraph(sentence)

    b.heading(2, say.OUTCOME_TITLE)
    categories = pieces.category_bars(facts.strategy, progress)
    groups = [Group(o.label, o.counts) for o in facts.by_goal]
    groups.append(Group(overall.label, overall.counts))
    title = say.OUTCOME_TITLE
    chart = stacked_chart(groups, categories, title)
    b.picture(chart.png, width_cm=chart.width_cm, caption=title, title=chart.title,
              description=chart.description)
    tables.status_by_goal(
        b, "Viimeisin tila", [(name, _fill(facts, name)) for name in facts.categories],
        facts.by_goal, overall, caption=title,
        description="Kuinka monen kunkin strategisen päämäärän toimenpiteen viimeisin "
                        "raportoitu tila on kukin tila, yhteensä ja osuutena kaikista.")


def _fill(facts: SummaryFacts, name: str) -> str | None:
    level = facts.strategy.status_level(name)
    return level.color if level is not None else None


def _goal(b: Builder, facts: SummaryFacts, code: str) -> None:
    goal = next(g for g in facts.strategy.goals if g.code == code)
    outcome = facts.goal_outcome(goal)
    new_section(b.doc, landscape=True)
    b.heading(1, goal.name)
    b.paragraph(say.outcome_sentence(facts, outcome, "Päämäärän"))
    objectives = facts.objective_outcomes(goal)
    categories = pieces.category_bars(facts.strategy, facts.progress)
    if objectives:
        title = f"{goal.name}: toimenpiteiden tulos tavoitteittain"
        chart = stacked_chart([Group(o.label, o.counts) for o in objectives], categories, title,
                              width_cm=24.0, label_chars=62)
        b.picture(chart.png, width_cm=chart.width_cm, caption=title, title=chart.title,
                  description=chart.description)
        tables.counts_by_category(
            b, "Tavoite", facts.categories, objectives, caption=title,
            description=f"Päämäärän {goal.name} kunkin tavoitteen toimenpiteiden määrä "
                        "viimeisimmän raportoidun tilan mukaan. Sama toimenpide voi edistää "
                        "useaa tavoitetta.")
    trend = next(t for t in facts.progress.goals if t.code == goal.code)
    if len(facts.progress.periods) >= 2:
        b.heading(2, "Tila seurantakausittain")
        pieces.status_over_time(b, facts.strategy, facts.progress, trend)
    mine = facts.progress.indicators_of_goal(goal.code)
    if mine:
        pieces.indicators(b, facts.progress, mine, heading="Päämäärän mittarit", level=2,
                          caption=f"{goal.name}: mittareiden arvot")
    b.heading(2, "Toimenpiteet")
    b.paragraph(say.TRAJECTORY_INTRO)
    pieces.trajectory_table(b, facts.progress.of_goal(goal.code),
                            caption=f"{goal.name}: toimenpiteiden kulku ja viimeisin toteuma",
                            toteumat=facts.toteumat)


def _long_deviations(b: Builder, facts: SummaryFacts) -> None:
    new_section(b.doc, landscape=True)
    b.heading(1, say.LONG_TITLE, key="long")
    found = facts.long_deviations
    b.paragraph(say.long_intro(facts))
    if not found:
        return
    rows = [[Cell(t.action.id), Cell(shorten(t.action.toimenpiteet, ACTION_CHARS)),
             Cell(department_name(facts.strategy, t.action.department)),
             Cell(run.shown, _fill(facts, run.shown)),
             Cell(f"{count(run.length, 'seurantakausi', 'seurantakautta')}\n{run.span}"),
             Cell(say.last_status(t), _fill(facts, t.last or ""))]
            for t, run in found]
    b.table([Column("Tunniste", 2.2), Column("Toimenpide", 8.0), Column("Toimiala", 3.4),
             Column("Poikkeama", 2.8), Column("Kesto", 3.4), Column("Viimeisin tila", 2.8)],
            rows, caption=f"Pitkään poikenneet toimenpiteet ({fi_int(len(found))})",
            description="Toimenpiteet, jotka poikkesivat suunnitelmasta vähintään kahtena "
                        "peräkkäisenä seurantakautena: tunniste, toimenpide, toimiala, "
                        "poikkeaman tila, "
                        "kesto ja ajanjakso sekä viimeisin raportoitu tila.")


def _continuing(b: Builder, facts: SummaryFacts) -> None:
    new_section(b.doc, landscape=True)
    b.heading(1, say.CONTINUING_TITLE, key="continuing")
    continuing = facts.continuing
    b.paragraph(say.continuing_intro(facts))
    if not continuing:
        return
    rows = []
    for t in say.continuing_in_order(facts):
        found = facts.toteumat.get(t.action.id)
        last = say.last_status(t)
        rows.append([Cell(t.action.id), Cell(shorten(t.action.toimenpiteet, ACTION_CHARS)),
                     Cell(department_name(facts.strategy, t.action.department)),
                     Cell(f"{last}\n({t.last_period.short})" if t.last_period else last,
                          _fill(facts, last)),
                     Cell(shorten(found[1], say.TOTEUMA_CHARS) if found
                          else NO_TOTEUMA)])
    b.table([Column("Tunniste", 2.2), Column("Toimenpide", 6.4), Column("Toimiala", 3.2),
             Column("Viimeisin tila", 2.8), Column("Viimeisin toteuma (lyhennetty)", 10.0)],
            rows, caption=f"Jatkuvat toimenpiteet ({fi_int(len(continuing))})",
            description="Toimenpiteet, jotka eivät ole toteutuneet: tunniste, toimenpide, "
                        "toimiala, viimeisin tila seurantakausineen ja viimeisin toteuma "
                        "lyhennettynä.")


def _sources(b: Builder, facts: SummaryFacts) -> None:
    new_section(b.doc, landscape=False)
    b.heading(1, f"Liite. {say.SOURCES_TITLE}", numbered=False)
    b.paragraph(say.SOURCES_INTRO)
    if facts.gaps:
        b.paragraph(say.sources_gaps(facts))
    rows = [[Cell(c.period.label), Cell(f"{fi_int(c.received)} / {fi_int(c.expected)}"),
             Cell(f"{fi_int(c.complete)} / {fi_int(c.actions)}")] for c in facts.coverage]
    b.table([Column("Seurantakausi", 4.0), Column("Palauttaneet toimialat", 3.6),
             Column("Raportoidut toimenpiteet", 3.6)], rows,
            caption="Seurantakaudet ja tietojen kattavuus",
            description="Jokaisesta seurantakaudesta: kuinka moni toimiala palautti "
                        "seurantatietonsa ja kuinka monesta toimenpiteestä tila ja toteuma "
                        "raportoitiin.")

