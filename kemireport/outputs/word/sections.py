"""The report's content, section by section, in the order a board member reads it.

The words follow the glossary (``docs/sanasto.md``); the sentences that other outputs write
too come from ``outputs.wording``.
"""

from __future__ import annotations

from datetime import date

from kemireport.core.finnish import elative, fi_date, fi_int, genitive_number, shorten
from kemireport.core.period import Period
from kemireport.core.settings import Settings
from kemireport.history.records import ActionRecord, Change
from kemireport.outputs.charts import SDG_COLOR, Bar, Group, sdg_chart, stacked_chart
from kemireport.outputs.columns import clean_text
from kemireport.outputs.facts import (
    NO_ID,
    NOT_REPORTED,
    PeriodFacts,
    category,
    department_name,
    toteuma_shown,
    what_is_missing,
)
from kemireport.outputs.word import tables
from kemireport.outputs.word.blocks import Builder, Cell, Column
from kemireport.outputs.word.document import new_section
from kemireport.outputs.wording import (
    ACTION_CHARS,
    APPENDIX_TITLE,
    NO_EXPLANATION,
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
    realisation_title,
    returns_sentences,
    sdg_sentence,
    status_at,
    streak_text,
    unsigned_sentence,
)
from kemireport.strategy import Strategy

EXPLANATION_CHARS = 200  # a department's explanation in the summary
DEVIATIONS_CHAPTER = "Poikkeamat ja korjaavat toimenpiteet"
APPENDIX = "1"  # the appendix's number: "Liite 1."


def document_title(strategy: Strategy, period: Period) -> str:
    """``Kemin kaupunkistrategian 2022–2025 toteutuminen``; the second half-year's report is
    the year's (``… toteutuminen vuonna 2025``), in step with the annual report."""
    title = realisation_title(strategy)
    return f"{title} vuonna {period.year}" if period.half == 2 else title


def document_type(period: Period) -> str:
    return f"Seurantaraportti {period.label}"


def title_page(b: Builder, strategy: Strategy, period: Period, settings: Settings,
               organisation: str, today: date) -> None:
    """The cover: what the document is and for which period, and where it is dealt with."""
    b.paragraph(document_title(strategy, period), b.styles.title)
    b.paragraph(document_type(period), b.styles.subtitle)
    meeting = settings.meeting.strip()
    attachment = settings.attachment.strip()
    if meeting and attachment:
        b.paragraph(f"{meeting}, liite {attachment}", b.styles.cover)
    elif meeting:
        b.paragraph(meeting, b.styles.cover)
    elif attachment:
        b.paragraph(f"Liite {attachment}", b.styles.cover)
    if settings.preparer.strip():
        b.paragraph(f"Valmistelija: {settings.preparer.strip()}", b.styles.cover)
    b.paragraph(organisation, b.styles.cover)
    b.paragraph(f"Laadittu {fi_date(today)}", b.styles.cover)
    b.page_break()


def contents(b: Builder) -> object:
    b.paragraph("Sisällys", b.styles.toc_heading)
    placeholder = b.contents_placeholder()
    b.page_break()
    return placeholder


def summary(b: Builder, strategy: Strategy, period: Period, facts: PeriodFacts) -> None:
    b.heading(1, "Yhteenveto", key="summary")
    if period.half == 2:
        b.paragraph(f"Raportti kertoo, miten kaupunkistrategian toimenpiteet etenivät vuonna "
                    f"{period.year}. Toimenpiteiden tila on vuoden lopun tilanne "
                    f"{fi_date(period.end)}, ja toimialojen kuvaukset koskevat seurantakautta "
                    f"{period.label}. Raportti täydentää vuoden {period.year} "
                    "toimintakertomusta.")
    else:
        b.paragraph(f"Raportti kertoo, miten kaupunkistrategian toimenpiteet etenivät "
                    f"seurantakaudella {period.label}. Toimenpiteiden tila kuvaa tilannetta "
                    f"{fi_date(period.end)}.")
    said = [*returns_sentences(facts), unsigned_sentence(facts),
            added_sentence(facts, "toimialan taulukon lopussa"),
            f"Seurantatietojen kattavuus on eritelty liitteessä {APPENDIX}."]
    b.paragraph(" ".join(s for s in said if s))
    b.overview("Strategiakoordinaattorin katsaus", facts.overview.general,
               empty="Strategiakoordinaattori ei kirjoittanut seurantakaudesta katsausta.")

    b.heading(2, "Toimenpiteiden tila")
    b.paragraph(overall_sentence(facts))
    overall = facts.overall
    groups = [Group(t.label, t.counts) for t in facts.by_goal]
    groups.append(Group("Kaikki päämäärät", overall.counts))
    chart = stacked_chart(groups, [Bar(c.name, 0, c.color) for c in facts.categories],
                          "Toimenpiteiden tila päämäärittäin")
    b.picture(chart.png, width_cm=chart.width_cm, caption="Toimenpiteiden tila päämäärittäin",
              title=chart.title, description=chart.description)
    # One table, the status of every goal side by side: the first thing a board member asks.
    tables.status_by_goal(
        b, "Tila", [(c.name, c.color if c.name in strategy.status_names else None)
                    for c in facts.categories], facts.by_goal, overall,
        caption="Toimenpiteiden tila päämäärittäin",
        description="Kuinka monta kunkin strategisen päämäärän toimenpidettä on kussakin "
                        "tilassa, yhteensä ja osuutena kaikista toimenpiteistä.")

    b.heading(2, "Poikkeamat")
    deviations = facts.deviations
    if not deviations:
        b.paragraph(no_deviations(facts))
        return
    b.paragraph(f"{deviations_sentence(facts)} Taulukossa on toimialan selvitys lyhennettynä; "
                "koko teksti on luvussa ⟦deviations⟧.")
    rows = [[Cell(f"{d.record.action_id or NO_ID} · "
                  f"{department_name(strategy, d.record.department)}\n"
                  f"{shorten(action_text(d.record), ACTION_CHARS)}"),
             Cell(f"{category(d.record)}\n{streak_text(d.streak)}", facts.color(d.record)),
             Cell(shorten(d.record.deviation, EXPLANATION_CHARS) if d.record.deviation
                  else NO_EXPLANATION),
             Cell(d.record.new_schedule or "–")]
            for d in deviations]
    b.table([Column("Toimenpide", 5.0), Column("Tila", 2.8),
             Column("Toimialan selvitys", 6.6), Column("Uusi aikataulu", 2.8)],
            rows, caption=f"Poikkeamat ({fi_int(len(deviations))})",
            description=f"Toimenpiteet, joiden tila on {deviation_names(facts)}: tila ja "
                        "kuinka kauan toimenpide on poikennut suunnitelmasta, toimialan "
                        "selvitys ja uusi aikataulu.")


def deviations(b: Builder, strategy: Strategy, facts: PeriodFacts) -> None:
    """Every deviation with its whole explanation: what the auditors read."""
    if not facts.deviations:
        return
    new_section(b.doc, landscape=True)
    b.heading(1, DEVIATIONS_CHAPTER, key="deviations")
    b.paragraph("Taulukossa ovat kaikki poikkeamat ja toimialojen selvitykset sellaisinaan: "
                "poikkeaman syy, korjaavat toimenpiteet ja uusi aikataulu. Kesto kertoo, kuinka "
                "monta seurantakautta peräkkäin toimenpide on poikennut suunnitelmasta.")
    rows = [[Cell(d.record.action_id or NO_ID), Cell(action_text(d.record)),
             Cell(department_name(strategy, d.record.department)),
             Cell(category(d.record), facts.color(d.record)), Cell(streak_text(d.streak)),
             Cell(d.record.deviation or NO_EXPLANATION),
             Cell(d.record.new_schedule or "–")] for d in facts.deviations]
    b.table([Column("Tunniste", 2.2), Column("Toimenpide", 5.8), Column("Toimiala", 3.0),
             Column("Tila", 2.6), Column("Kesto", 2.4),
             Column("Toimialan selvitys", 8.4), Column("Uusi aikataulu", 2.4)],
            rows, caption="Poikkeamat: syyt, korjaavat toimenpiteet ja uusi aikataulu",
            description="Jokainen poikkeama: tunniste, toimenpide, toimiala, tila, kuinka "
                        "monta seurantakautta peräkkäin, toimialan selvitys ja uusi aikataulu.")


def goals(b: Builder, strategy: Strategy, facts: PeriodFacts) -> None:
    returned = set(facts.departments_received)
    for goal in facts.goals:
        new_section(b.doc, landscape=True)
        b.heading(1, goal.name)
        b.paragraph(goal_sentence(facts, goal.tally))
        if goal.code:
            b.overview("Strategiakoordinaattorin katsaus", facts.overview.for_goal(goal.code),
                       empty="Strategiakoordinaattori ei kirjoittanut tästä päämäärästä "
                             "katsausta.")
        if goal.objectives:
            # A landscape page: a wide chart keeps the objectives' long names on two lines.
            chart = stacked_chart([Group(t.label, t.counts) for t in goal.objectives],
                                  [Bar(c.name, 0, c.color) for c in facts.categories],
                                  f"{goal.name}: toimenpiteiden tila tavoitteittain",
                                  width_cm=24.0, label_chars=62)
            b.picture(chart.png, width_cm=chart.width_cm,
                      caption=f"{goal.name}: toimenpiteiden tila tavoitteittain",
                      title=chart.title, description=chart.description)
            tables.counts_by_category(
                b, "Tavoite", [c.name for c in facts.categories], goal.objectives,
                caption=f"{goal.name}: toimenpiteiden tila tavoitteittain",
                description=f"Päämäärän {goal.name} kunkin tavoitteen toimenpiteiden määrä "
                            "tiloittain. Sama toimenpide voi edistää useaa tavoitetta.")
        for dept in goal.departments:
            b.heading(2, dept.name)
            if dept.code not in returned and all(r.state == "missing" for r in dept.records):
                # Not one of its rows was answered: one sentence, not a column of blanks.
                count = len(dept.records)
                b.paragraph(f"{dept.name} ei palauttanut seurantatietojaan tältä "
                            f"seurantakaudelta, joten sen {genitive_number(count)} "
                            f"toimenpiteen tila ei ole tiedossa. "
                            f"{'Se' if count == 1 else 'Ne'} on laskettu tilaan "
                            f"”{NOT_REPORTED}”.")
                continue
            b.table(
                [Column("Tunniste", 2.2), Column("Toimenpide", 8.2), Column("Tila", 2.8),
                 Column("Toteuma", 12.5)],
                [_action_row(facts, r, dept.code in returned) for r in dept.records],
                caption=f"{goal.name} – {dept.name}: toimenpiteet ja toteuma",
                description=f"{dept.name}: jokaisen toimenpiteen tunniste, kuvaus, tila ja "
                            "toimialan kertoma toteuma sekä poikkeaman selvitys ja uusi "
                            "aikataulu.")


def _action_row(facts: PeriodFacts, record: ActionRecord, returned: bool) -> list[Cell]:
    # The board's report shows what a spreadsheet cell could; the rest is marked as cut.
    toteuma = clean_text(toteuma_shown(record, returned))
    if record.deviation:
        toteuma += f"\nToimialan selvitys: {record.deviation}"
    if record.new_schedule:
        toteuma += f"\nUusi aikataulu: {record.new_schedule}"
    return [Cell(record.action_id or NO_ID), Cell(action_text(record)),
            Cell(category(record), facts.color(record)), Cell(toteuma)]


def sdg(b: Builder, strategy: Strategy, facts: PeriodFacts) -> None:
    new_section(b.doc, landscape=False)
    b.heading(1, "Kestävän kehityksen tavoitteet")
    b.paragraph(sdg_sentence(facts))
    chart = sdg_chart([Bar(f"{c.number} {c.name}", len(c.action_ids), SDG_COLOR)
                       for c in facts.sdg])
    b.picture(chart.png, width_cm=chart.width_cm, caption="Toimenpiteet kestävän kehityksen "
              "tavoitteittain", title=chart.title, description=chart.description)
    b.table([Column("SDG", 1.3), Column("Kestävän kehityksen tavoite", 5.5),
             Column("Toimenpiteitä", 2.7), Column("Toimenpiteiden tunnisteet", 7.5)],
            [[Cell(str(c.number)), Cell(c.name), Cell(fi_int(len(c.action_ids))),
              Cell(", ".join(_unbroken(i) for i in c.action_ids) or "–")] for c in facts.sdg],
            caption="Toimenpiteet kestävän kehityksen tavoitteittain",
            description="Kunkin YK:n kestävän kehityksen tavoitteen toimenpiteiden määrä ja "
                        "tunnisteet.")


def changes(b: Builder, strategy: Strategy, facts: PeriodFacts) -> None:
    new_section(b.doc, landscape=False)
    b.heading(1, "Muutokset edelliseen seurantakauteen")
    b.paragraph(changes_sentence(facts))
    previous = facts.previous_period
    if previous is None:
        return
    moved = facts.moved
    if not moved:
        b.paragraph(no_moves(facts))
        return
    b.table([Column("Tunniste", 2.2), Column("Toimenpide", 5.8), Column("Toimiala", 3.4),
             Column(status_at(previous), 2.8), Column(status_at(facts.period), 2.8)],
            [_change_row(strategy, c) for c in moved],
            caption=f"Tilan muutokset seurantakauteen {previous.label} verrattuna",
            description="Toimenpiteet, joiden tila muuttui, joista raportoitiin ensimmäistä "
                        "kertaa tai joista ei nyt raportoitu.")


def _change_row(strategy: Strategy, change: Change) -> list[Cell]:
    before = change.previous_status or NOT_REPORTED
    now = change.status or NOT_REPORTED
    level = strategy.status_level(now)
    return [Cell(change.action_id or NO_ID),
            Cell(change_action_text(strategy, change)),
            Cell(department_name(strategy, change.department)), Cell(before),
            Cell(now, level.color if level else None)]


def appendix(b: Builder, strategy: Strategy, facts: PeriodFacts) -> None:
    """Liite 1: how complete the follow-up data is, in plain words.

    The check's findings and the cells' own wording are the coordinator's business (the Excel
    report); a public board document says which information is missing, not how it was typed.
    """
    new_section(b.doc, landscape=False)
    b.heading(1, f"Liite {APPENDIX}. {APPENDIX_TITLE}", numbered=False)
    b.paragraph(" ".join([*returns_sentences(facts), "Palautusten tarkistuksen yksityiskohdat "
                          "ovat strategiakoordinaattorin Excel-koosteessa."]))
    b.heading(2, "Palautusten hyväksyntä", numbered=False)
    b.table([Column("Toimiala", 4), Column("Hyväksyjä", 6), Column("Hyväksymispäivä", 2.8)],
            [[Cell(a.name),
              Cell(a.approver or ("Ei hyväksyntää" if a.returned else "Ei palautusta")),
              Cell(fi_date(a.approved) if a.approved else "–")] for a in facts.approvals],
            caption="Palautusten hyväksyntä",
            description="Kunkin toimialan palautuksen hyväksyjä ja hyväksymispäivä.")
    b.heading(2, "Puuttuvat tiedot", numbered=False)
    absent = facts.missing_departments
    for dept in absent:
        count = sum(1 for r in facts.known if r.department == dept.code)
        b.paragraph(f"{dept.name} ei palauttanut seurantatietojaan, joten sen "
                    f"{genitive_number(count)} toimenpiteen tila ja toteuma puuttuvat.")
    gaps = facts.gaps
    if not gaps:
        b.paragraph("Palautuksissa on kaikkien toimenpiteiden tila ja toteuma."
                    if not absent else "Palautuksissa on kaikkien muiden toimenpiteiden tila "
                    "ja toteuma.")
        return
    b.paragraph(f"Palautuksista puuttuu tietoja {elative(len(gaps))} toimenpiteestä.")
    b.table([Column("Tunniste", 2.2), Column("Toimenpide", 7.0), Column("Toimiala", 3.2),
             Column("Puuttuvat tiedot", 4.6)],
            [[Cell(r.action_id or NO_ID), Cell(shorten(action_text(r), ACTION_CHARS)),
              Cell(department_name(strategy, r.department)),
              Cell(what_is_missing(r, True, facts.deviation_statuses))] for r in gaps],
            caption="Toimenpiteet, joiden tiedot ovat puutteelliset",
            description="Palautusten toimenpiteet, joista puuttuu tila, toteuma tai poikkeaman "
                        "selvitys.")


def _unbroken(action_id: str) -> str:
    """A tunniste with non-breaking hyphens: a list of them wraps between, never inside, ids."""
    return action_id.replace("-", "\u2011")
