"""The report's content, section by section, in the order a board member reads it."""

from __future__ import annotations

from datetime import date

from kemireport.core.finnish import count, fi_date, fi_int, fi_percent, shorten
from kemireport.core.period import Period
from kemireport.history.records import ActionRecord, Change
from kemireport.outputs.charts import Bar, sdg_chart, status_chart
from kemireport.outputs.columns import clean_text
from kemireport.outputs.facts import (
    NO_ID,
    PeriodFacts,
    Tally,
    category,
    department_name,
    what_is_missing,
)
from kemireport.outputs.word.blocks import Builder, Cell, Column
from kemireport.outputs.word.document import new_section
from kemireport.strategy import Strategy

EXPLANATION_CHARS = 200  # a department's explanation in the summary
ACTION_CHARS = 110  # an action's description where it only names the action
SDG_COLOR = "#2F5597"


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
                    + ". Puuttuvat tiedot on lueteltu luvussa Puuttuvat tiedot.")
    extra = len(facts.added)
    if extra == 1:
        b.paragraph("Lisäksi toimialat ilmoittivat yhden rivin, jota strategiassa ei ole; se "
                    "näkyy toimialan taulukon lopussa.")
    elif extra:
        b.paragraph(f"Lisäksi toimialat ilmoittivat {fi_int(extra)} riviä, joita strategiassa ei "
                    "ole; ne näkyvät toimialan taulukon lopussa.")

    b.heading(2, "Toimenpiteiden tila")
    overall = facts.overall
    chart = status_chart([Bar(c.name, n, c.color)
                          for c, n in zip(facts.categories, overall.counts, strict=True)])
    b.picture(chart.png, width_cm=chart.width_cm, caption="Toimenpiteiden tila",
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

    b.heading(2, "Huomiota vaativat toimenpiteet")
    names = facts.attention_statuses
    flagged = facts.attention
    if not flagged:
        b.paragraph(f"Yhdenkään toimenpiteen tila ei ole {_or(names)}.")
        return
    b.paragraph(f"Toimenpiteet, joiden tila on {_or(names)}, ja toimialan oma selitys "
                f"lyhennettynä (koko teksti on toimialan taulukossa).")
    rows = [[Cell(f"{r.action_id or NO_ID} · {department_name(strategy, r.department)}\n"
                  f"{shorten(r.toimenpiteet, ACTION_CHARS)}"),
             Cell(category(r), facts.color(r)),
             Cell(shorten(r.toteuma, EXPLANATION_CHARS) if r.toteuma else "Ei selitystä.")]
            for r in flagged]
    b.table([Column("Toimenpide", 5.8), Column("Tila", 3.0), Column("Toimialan selitys", 8.2)],
            rows, caption=f"Huomiota vaativat toimenpiteet ({fi_int(len(flagged))})",
            description=f"Toimenpiteet, joiden tila on {_or(names)}, ja toimialan selitys.")


def _tally_table(b: Builder, facts: PeriodFacts, tallies: tuple[Tally, ...], first: str, *,
                 caption: str, description: str) -> None:
    """A status table: one row per group, one column per status category, and a total."""
    columns = [Column(first, 4.2), *(Column(c.name, 1.6) for c in facts.categories),
               Column("Yhteensä", 1.5)]
    rows = [[Cell(t.label), *(Cell(fi_int(n)) for n in t.counts), Cell(fi_int(t.total))]
            for t in tallies]
    b.table(columns, rows, caption=caption, description=description)


def goals(b: Builder, strategy: Strategy, facts: PeriodFacts) -> None:
    returned = set(facts.departments_received)
    for goal in facts.goals:
        new_section(b.doc, landscape=True)
        b.heading(1, goal.name)
        counts = [(c.name, n) for c, n in zip(facts.categories, goal.tally.counts, strict=True)
                  if n]
        b.paragraph(f"Toimenpiteitä {fi_int(goal.tally.total)}: "
                    + ", ".join(f"{name} {fi_int(n)}" for name, n in counts) + ".")
        if goal.objectives:
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
                            "toimialan raportoima toteuma.")


def _action_row(facts: PeriodFacts, record: ActionRecord, returned: bool) -> list[Cell]:
    if record.toteuma:
        # The board's report shows what a spreadsheet cell could; the rest is marked as cut.
        toteuma = clean_text(record.toteuma)
    elif record.state == "missing":
        toteuma = ("Ei raportoitu: rivi puuttuu toimialan palautuksesta." if returned
                   else "Ei raportoitu: toimialan raportti puuttuu.")
    else:
        toteuma = "Ei raportoitu."
    return [Cell(record.action_id or NO_ID), Cell(record.toimenpiteet),
            Cell(category(record), facts.color(record)), Cell(toteuma)]


def sdg(b: Builder, strategy: Strategy, facts: PeriodFacts) -> None:
    new_section(b.doc, landscape=False)
    b.heading(1, "Kestävän kehityksen tavoitteet")
    linked = sum(1 for r in facts.records if r.sdg)
    b.paragraph(f"Toimenpiteistä {fi_int(linked)} on liitetty YK:n kestävän kehityksen "
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
    kinds = {kind: [c for c in facts.changes if c.kind == kind]
             for kind in ("status-changed", "new-report", "missing-report", "unchanged")}
    said = {
        "status-changed": "tila muuttui {} toimenpiteessä",
        "new-report": "{} toimenpiteestä raportoitiin nyt ensimmäistä kertaa",
        "missing-report": "{} toimenpiteestä raportti puuttuu nyt",
        "unchanged": "{} toimenpiteen tila pysyi ennallaan",
    }
    parts = [text.format(fi_int(len(kinds[kind]))) for kind, text in said.items() if kinds[kind]]
    sentence = _and(parts) if parts else "ei vertailtavia toimenpiteitä"
    b.paragraph(f"Vertailukausi on {previous}. {sentence[0].upper()}{sentence[1:]}.")
    moved = kinds["status-changed"] + kinds["new-report"] + kinds["missing-report"]
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
    b.heading(1, "Puuttuvat tiedot")
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


def _and(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " ja " + parts[-1]


def _or(names: tuple[str, ...]) -> str:
    quoted = [f"”{n}”" for n in names]
    if len(quoted) <= 1:
        return "".join(quoted)
    return ", ".join(quoted[:-1]) + " tai " + quoted[-1]
