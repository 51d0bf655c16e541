"""The report's content, section by section, in the order a board member reads it."""

from __future__ import annotations

from datetime import date

from kemireport.core.finnish import (
    and_list,
    count,
    fi_date,
    fi_int,
    fi_percent,
    or_list,
    quote,
    shorten,
)
from kemireport.core.period import Period
from kemireport.history.records import ActionRecord, Change, ChangeKind
from kemireport.outputs.charts import SDG_COLOR, Bar, Group, sdg_chart, stacked_chart
from kemireport.outputs.columns import clean_text
from kemireport.outputs.facts import (
    MOVED_KINDS,
    NO_ID,
    PeriodFacts,
    Tally,
    category,
    department_name,
    toteuma_shown,
    what_is_missing,
)
from kemireport.outputs.word.blocks import Builder, Cell, Column
from kemireport.outputs.word.document import new_section
from kemireport.strategy import Strategy

EXPLANATION_CHARS = 200  # a department's explanation in the summary
ACTION_CHARS = 110  # an action's description where it only names the action
DEVIATIONS_CHAPTER = "Poikkeamat ja korjaavat toimenpiteet"


def title_page(b: Builder, strategy: Strategy, period: Period, organisation: str,
               today: date) -> None:
    b.paragraph(strategy.name, b.styles.title)
    b.paragraph("Strategian toteutumisen seuranta", b.styles.subtitle)
    b.paragraph(f"Seurantakausi {period.label}", b.styles.cover)
    b.paragraph(f"Raportti laadittu {fi_date(today)}", b.styles.cover)
    b.paragraph(organisation, b.styles.cover)
    b.page_break()


def contents(b: Builder) -> object:
    b.paragraph("Sisällys", b.styles.toc_heading)
    placeholder = b.contents_placeholder()
    b.page_break()
    return placeholder


def summary(b: Builder, strategy: Strategy, period: Period, facts: PeriodFacts) -> None:
    b.heading(1, "Yhteenveto")
    received, expected = len(facts.departments_received), len(facts.departments_expected)
    known = facts.known
    b.paragraph(
        f"Seurantakausi on {period.label}. Odotetuista {fi_int(expected)} toimialasta "
        f"raportin palautti {fi_int(received)}. Strategiassa on {fi_int(len(known))} "
        f"toimenpidettä, ja tila ja toteuma on raportoitu {fi_int(facts.complete)} "
        f"toimenpiteestä ({fi_percent(facts.complete, len(known))}).")
    missing = facts.missing_departments
    if missing:
        b.paragraph("Raportti puuttuu: " + ", ".join(d.name for d in missing)
                    + ". Puuttuvat tiedot on lueteltu luvussa Palautukset ja tietojen "
                    "kattavuus.")
    unsigned = [a.name for a in facts.approvals if a.returned and not a.approver]
    if unsigned:
        b.paragraph(f"Hyväksyntä puuttuu palautuksesta: {and_list(unsigned)}.")
    extra = len(facts.added)
    if extra == 1:
        b.paragraph("Lisäksi toimialat ilmoittivat yhden rivin, jota strategiassa ei ole; se "
                    "näkyy toimialan taulukon lopussa.")
    elif extra:
        b.paragraph(f"Lisäksi toimialat ilmoittivat {fi_int(extra)} riviä, joita strategiassa ei "
                    "ole; ne näkyvät toimialan taulukon lopussa.")
    b.overview("Koordinaattorin katsaus", facts.overview.general,
               empty="Koordinaattori ei antanut kauden katsausta.")

    b.heading(2, "Toimenpiteiden tila")
    overall = facts.overall
    groups = [Group(t.label, t.counts) for t in facts.by_goal]
    groups.append(Group("Kaikki päämäärät", overall.counts))
    chart = stacked_chart(groups, [Bar(c.name, 0, c.color) for c in facts.categories],
                          "Toimenpiteiden tila päämäärittäin")
    b.picture(chart.png, width_cm=chart.width_cm, caption="Toimenpiteiden tila päämäärittäin",
              title=chart.title, description=chart.description)
    # One table, the status of every goal side by side: the first thing a board member asks.
    goal_columns = [Column(t.label, 2.2) for t in facts.by_goal]
    rows = []
    for index, c in enumerate(facts.categories):
        shade = c.color if overall.counts[index] and c.name in strategy.status_names else None
        rows.append([Cell(c.name, shade), *(Cell(fi_int(t.counts[index])) for t in facts.by_goal),
                     Cell(fi_int(overall.counts[index])),
                     Cell(fi_percent(overall.counts[index], overall.total))])
    rows.append([Cell("Yhteensä", emphasis=True),
                 *(Cell(fi_int(t.total), emphasis=True) for t in facts.by_goal),
                 Cell(fi_int(overall.total), emphasis=True),
                 Cell(fi_percent(overall.total, overall.total), emphasis=True)])
    b.table([Column("Tila", 3.2), *goal_columns, Column("Yhteensä", 1.7),
             Column("Osuus", 1.5)], rows,
            caption="Toimenpiteiden tila päämäärittäin",
            description="Kuinka monta kunkin strategisen päämäärän toimenpidettä on kussakin "
                        "tilassa, yhteensä ja osuutena kaikista toimenpiteistä.")

    b.heading(2, "Poikkeamat")
    names = facts.deviation_statuses
    deviations = facts.deviations
    if not deviations:
        b.paragraph(f"Yhdenkään toimenpiteen tila ei ole {_or(names)}.")
        return
    lasting = sum(1 for d in deviations if d.streak >= 2)
    said = (f" Niistä {fi_int(lasting)} on poikennut suunnitelmasta useamman kauden "
            "peräkkäin." if lasting else "")
    b.paragraph(f"Toimenpiteitä, joiden tila on {_or(names)}, on {fi_int(len(deviations))}."
                f"{said} Taulukossa on toimialan ilmoittama syy ja korjaavat toimenpiteet "
                f"lyhennettyinä; koko teksti on luvussa {DEVIATIONS_CHAPTER}.")
    rows = [[Cell(f"{d.record.action_id or NO_ID} · "
                  f"{department_name(strategy, d.record.department)}\n"
                  f"{shorten(d.record.toimenpiteet, ACTION_CHARS)}"),
             Cell(f"{category(d.record)}\n{_streak(d.streak)}", facts.color(d.record)),
             Cell(shorten(d.record.deviation, EXPLANATION_CHARS) if d.record.deviation
                  else _no_explanation(d.record)),
             Cell(d.record.new_schedule or "–")]
            for d in deviations]
    b.table([Column("Toimenpide", 5.0), Column("Tila", 2.8),
             Column("Syy ja korjaavat toimenpiteet", 6.6), Column("Uusi aikataulu", 2.8)],
            rows, caption=f"Poikkeamat ({fi_int(len(deviations))})",
            description=f"Toimenpiteet, joiden tila on {_or(names)}: tila ja kuinka monta "
                        "kautta peräkkäin, syy ja korjaavat toimenpiteet sekä uusi aikataulu.")


def _streak(streak: int) -> str:
    return "1. kausi" if streak <= 1 else f"{streak}. peräkkäinen kausi"


def _no_explanation(record: ActionRecord) -> str:
    return "Toimiala ei kertonut syytä." if record.state != "missing" else "Ei raportoitu."


def deviations(b: Builder, strategy: Strategy, facts: PeriodFacts) -> None:
    """Every deviation with its whole explanation: what the auditors read."""
    if not facts.deviations:
        return
    new_section(b.doc, landscape=True)
    b.heading(1, DEVIATIONS_CHAPTER)
    b.paragraph("Toimenpiteet, joiden tila edellyttää selvitystä, sekä toimialan ilmoittama syy, "
                "korjaavat toimenpiteet ja uusi aikataulu sellaisinaan. Kesto kertoo, monennenko "
                "seurantakauden peräkkäin toimenpide poikkeaa suunnitelmasta.")
    rows = [[Cell(d.record.action_id or NO_ID), Cell(d.record.toimenpiteet),
             Cell(department_name(strategy, d.record.department)),
             Cell(category(d.record), facts.color(d.record)), Cell(_streak(d.streak)),
             Cell(d.record.deviation or _no_explanation(d.record)),
             Cell(d.record.new_schedule or "–")] for d in facts.deviations]
    b.table([Column("Tunniste", 2.2), Column("Toimenpide", 5.8), Column("Toimiala", 3.0),
             Column("Tila", 2.6), Column("Kesto", 2.4),
             Column("Syy ja korjaavat toimenpiteet", 8.4), Column("Uusi aikataulu", 2.4)],
            rows, caption="Poikkeamat: syyt, korjaavat toimenpiteet ja uusi aikataulu",
            description="Jokainen poikkeama: tunniste, toimenpide, toimiala, tila, kesto "
                        "peräkkäisinä kausina, syy ja korjaavat toimenpiteet sekä uusi aikataulu.")


def goals(b: Builder, strategy: Strategy, facts: PeriodFacts) -> None:
    returned = set(facts.departments_received)
    for goal in facts.goals:
        new_section(b.doc, landscape=True)
        b.heading(1, goal.name)
        counts = [(c.name, n) for c, n in zip(facts.categories, goal.tally.counts, strict=True)
                  if n]
        b.paragraph(f"Toimenpiteitä {fi_int(goal.tally.total)}: "
                    + ", ".join(f"{name} {fi_int(n)}" for name, n in counts) + ".")
        if goal.code:
            b.overview("Koordinaattorin katsaus", facts.overview.for_goal(goal.code),
                       empty="Koordinaattori ei antanut tästä päämäärästä katsausta.")
        if goal.objectives:
            # A landscape page: a wide chart keeps the objectives' long names on two lines.
            chart = stacked_chart([Group(t.label, t.counts) for t in goal.objectives],
                                  [Bar(c.name, 0, c.color) for c in facts.categories],
                                  f"{goal.name}: toimenpiteiden tila tavoitteittain",
                                  width_cm=24.0, label_chars=62)
            b.picture(chart.png, width_cm=chart.width_cm,
                      caption=f"{goal.name}: toimenpiteiden tila tavoitteittain",
                      title=chart.title, description=chart.description)
            _tally_table(b, facts, goal.objectives, "Tavoite",
                         caption=f"{goal.name}: toimenpiteiden tila tavoitteittain",
                         description=f"Päämäärän {goal.name} kunkin tavoitteen toimenpiteiden "
                                     "määrä tiloittain. Sama toimenpide voi edistää useaa "
                                     "tavoitetta.")
        for dept in goal.departments:
            b.heading(2, dept.name)
            b.table(
                [Column("Tunniste", 2.2), Column("Toimenpide", 8.2), Column("Tila", 2.8),
                 Column("Toteuma", 12.5)],
                [_action_row(facts, r, dept.code in returned) for r in dept.records],
                caption=f"{goal.name} – {dept.name}: toimenpiteet ja toteuma",
                description=f"{dept.name}: jokaisen toimenpiteen tunniste, kuvaus, tila ja "
                            "toimialan raportoima toteuma sekä poikkeaman syy ja uusi "
                            "aikataulu.")


def _tally_table(b: Builder, facts: PeriodFacts, tallies: tuple[Tally, ...], first: str, *,
                 caption: str, description: str) -> None:
    """A status table: one row per group, one column per status category, and a total."""
    columns = [Column(first, 4.2), *(Column(c.name, 1.6) for c in facts.categories),
               Column("Yhteensä", 1.5)]
    rows = [[Cell(t.label), *(Cell(fi_int(n)) for n in t.counts), Cell(fi_int(t.total))]
            for t in tallies]
    b.table(columns, rows, caption=caption, description=description)


def _action_row(facts: PeriodFacts, record: ActionRecord, returned: bool) -> list[Cell]:
    # The board's report shows what a spreadsheet cell could; the rest is marked as cut.
    toteuma = clean_text(toteuma_shown(record, returned))
    if record.deviation:
        toteuma += f"\nPoikkeaman syy ja korjaavat toimenpiteet: {record.deviation}"
    if record.new_schedule:
        toteuma += f"\nUusi aikataulu: {record.new_schedule}"
    return [Cell(record.action_id or NO_ID), Cell(record.toimenpiteet),
            Cell(category(record), facts.color(record)), Cell(toteuma)]


def sdg(b: Builder, strategy: Strategy, facts: PeriodFacts) -> None:
    new_section(b.doc, landscape=False)
    b.heading(1, "Kestävän kehityksen tavoitteet")
    b.paragraph(f"Toimenpiteistä {fi_int(facts.sdg_linked)} on liitetty YK:n kestävän kehityksen "
                "tavoitteisiin (SDG). Sama toimenpide voi edistää useaa tavoitetta.")
    chart = sdg_chart([Bar(f"{c.number} {c.name}", len(c.action_ids), SDG_COLOR)
                       for c in facts.sdg])
    b.picture(chart.png, width_cm=chart.width_cm, caption="Toimenpiteet kestävän kehityksen "
              "tavoitteittain", title=chart.title, description=chart.description)
    b.table([Column("SDG", 1.3), Column("Tavoite", 5.5), Column("Toimenpiteitä", 2.7),
             Column("Toimenpiteiden tunnisteet", 7.5)],
            [[Cell(str(c.number)), Cell(c.name), Cell(fi_int(len(c.action_ids))),
              Cell(", ".join(_unbroken(i) for i in c.action_ids) or "–")] for c in facts.sdg],
            caption="Toimenpiteet kestävän kehityksen tavoitteittain",
            description="Kunkin YK:n kestävän kehityksen tavoitteen toimenpiteiden määrä ja "
                        "tunnisteet.")


def changes(b: Builder, strategy: Strategy, facts: PeriodFacts) -> None:
    new_section(b.doc, landscape=False)
    b.heading(1, "Muutokset edelliseen kauteen")
    if facts.previous_period is None:
        b.paragraph("Aiempaa seurantakautta ei ole tallennettu historiaan, joten muutoksia ei "
                    "voi vielä verrata. Vertailu on mukana seuraavasta kaudesta alkaen.")
        return
    previous = facts.previous_period.label
    kinds = {kind: facts.changes_of(kind) for kind in (*MOVED_KINDS, "unchanged")}
    said: dict[ChangeKind, str] = {
        "status-changed": "tila muuttui {} toimenpiteessä",
        "new-report": "{} toimenpiteestä raportoitiin nyt ensimmäistä kertaa",
        "missing-report": "{} toimenpiteestä raportti puuttuu nyt",
        "unchanged": "{} toimenpiteen tila pysyi ennallaan",
    }
    parts = [text.format(fi_int(len(kinds[kind]))) for kind, text in said.items() if kinds[kind]]
    sentence = and_list(parts) if parts else "ei vertailtavia toimenpiteitä"
    b.paragraph(f"Vertailukausi on {previous}. {sentence[0].upper()}{sentence[1:]}.")
    moved = facts.moved
    if not moved:
        b.paragraph("Toimenpiteiden tiloissa ei ole muutoksia edelliseen kauteen verrattuna.")
        return
    b.table([Column("Tunniste", 2.2), Column("Toimenpide", 5.8), Column("Toimiala", 3.4),
             Column(f"Tila {previous}", 2.8), Column("Tila nyt", 2.8)],
            [_change_row(strategy, c) for c in moved],
            caption=f"Tilan muutokset kauteen {previous} verrattuna",
            description="Toimenpiteet, joiden tila muuttui, joista raportoitiin ensimmäistä "
                        "kertaa tai joiden raportti puuttuu nyt.")


def _change_row(strategy: Strategy, change: Change) -> list[Cell]:
    action = strategy.action(change.action_id)
    text = change.toimenpiteet or (action.toimenpiteet if action else "")
    before = change.previous_status or "Ei raportoitu"
    now = change.status or "Ei raportoitu"
    level = strategy.status_level(now)
    return [Cell(change.action_id or NO_ID), Cell(shorten(text, ACTION_CHARS)),
            Cell(department_name(strategy, change.department)), Cell(before),
            Cell(now, level.color if level else None)]


def missing(b: Builder, strategy: Strategy, facts: PeriodFacts) -> None:
    new_section(b.doc, landscape=False)
    b.heading(1, "Palautukset ja tietojen kattavuus")
    b.heading(2, "Palautusten hyväksyntä")
    b.table([Column("Toimiala", 4), Column("Hyväksyjä", 6), Column("Hyväksytty", 2.5)],
            [[Cell(a.name),
              Cell(a.approver or ("Ei hyväksyntää." if a.returned else "Ei palautettu.")),
              Cell(fi_date(a.approved) if a.approved else "–")] for a in facts.approvals],
            caption="Palautusten hyväksyntä",
            description="Kunkin toimialan palautuksen hyväksyjä ja hyväksymispäivä.")
    b.heading(2, "Palauttamatta jääneet toimialat")
    absent = facts.missing_departments
    if not absent:
        b.paragraph("Kaikki toimialat palauttivat seurantaraporttinsa.")
    else:
        b.table([Column("Toimiala", 3), Column("Toimenpiteitä ilman raporttia", 2)],
                [[Cell(d.name), Cell(fi_int(sum(1 for r in facts.known
                                                 if r.department == d.code)))]
                 for d in absent],
                caption="Toimialat, joiden raportti puuttuu",
                description="Toimialat, jotka eivät palauttaneet raporttia, ja niiden "
                            "toimenpiteiden määrä.")
    b.heading(2, "Raportoimatta jääneet toimenpiteet")
    gaps = facts.gaps
    if not gaps:
        b.paragraph("Palautetuissa raporteissa on kaikkien toimenpiteiden tila ja toteuma.")
    else:
        b.paragraph("Palautetuista raporteista puuttuvat seuraavat tiedot toimialoittain.")
    for dept in strategy.departments:
        mine = [r for r in gaps if r.department == dept.code]
        if not mine:
            continue
        b.heading(3, dept.name)
        b.table([Column("Tunniste", 2.2), Column("Toimenpide", 8.8), Column("Mikä puuttuu", 6)],
                [[Cell(r.action_id or NO_ID), Cell(shorten(r.toimenpiteet, ACTION_CHARS)),
                  Cell(what_is_missing(r, True))] for r in mine],
                caption=f"{dept.name}: toimenpiteet, joiden tila tai toteuma puuttuu",
                description=f"{dept.name}: palautetun raportin puuttuvat tiedot.")
    b.heading(2, "Tarkistuksen havainnot")
    b.paragraph(f"Palautusten tarkistuksessa löytyi {count(facts.errors, 'virhe', 'virhettä')} "
                f"ja {count(facts.warnings, 'huomautus', 'huomautusta')}. Tarkistuksen havainnot "
                "ovat koordinaattorin Excel-koosteessa.")


def _unbroken(action_id: str) -> str:
    """A tunniste with non-breaking hyphens: a list of them wraps between, never inside, ids."""
    return action_id.replace("-", "\u2011")


def _or(names: tuple[str, ...]) -> str:
    return or_list([quote(n) for n in names])
