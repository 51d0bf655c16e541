"""The report's content, section by section, in the order a board member reads it."""

from __future__ import annotations

from datetime import date

from kemireport.core.findings import Verdict
from kemireport.core.finnish import count, fi_date, fi_int, fi_percent, shorten
from kemireport.core.period import Period
from kemireport.errors import PeriodError
from kemireport.history.records import ActionRecord, Change, Consolidation
from kemireport.outputs.charts import Bar, sdg_chart, status_chart
from kemireport.outputs.facts import (
    Facts,
    attention_statuses,
    department_name,
    needing_attention,
    sdg_counts,
    sdg_of,
    status_color,
    status_counts,
    status_text,
    what_is_missing,
)
from kemireport.outputs.word.blocks import Builder, Cell, Column
from kemireport.outputs.word.document import new_section
from kemireport.strategy import Strategy

EXPLANATION_CHARS = 200  # a department's explanation in the summary
ACTION_CHARS = 110  # an action's description where it only names the action
NO_ID = "(ei tunnistetta)"
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


def summary(b: Builder, strategy: Strategy, period: Period, facts: Facts) -> None:
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
    extra = len(facts.records) - len(known)
    if extra == 1:
        b.paragraph("Lisäksi toimialat ilmoittivat yhden rivin, jota strategiassa ei ole; se "
                    "näkyy toimialan taulukon lopussa.")
    elif extra:
        b.paragraph(f"Lisäksi toimialat ilmoittivat {fi_int(extra)} riviä, joita strategiassa ei "
                    "ole; ne näkyvät toimialan taulukon lopussa.")

    b.heading(2, "Toimenpiteiden tila")
    counts = status_counts(strategy, known)
    total = sum(c.count for c in counts)
    chart = status_chart([Bar(c.name, c.count, c.color) for c in counts])
    b.picture(chart.png, width_cm=chart.width_cm, caption="Toimenpiteiden tila",
              title=chart.title, description=chart.description)
    rows = [[Cell(c.name, c.color if c.count and c.name in strategy.status_names else None),
             Cell(fi_int(c.count)), Cell(fi_percent(c.count, total))] for c in counts]
    rows.append([Cell("Yhteensä", emphasis=True), Cell(fi_int(total), emphasis=True),
                 Cell(fi_percent(total, total), emphasis=True)])
    b.table([Column("Tila", 3), Column("Toimenpiteitä", 1.5), Column("Osuus", 1.5)], rows,
            caption="Toimenpiteiden määrä tiloittain",
            description="Kuinka monta strategian toimenpidettä on kussakin tilassa.",
            width=0.65)

    b.heading(2, "Huomiota vaativat toimenpiteet")
    names = attention_statuses(strategy)
    flagged = needing_attention(strategy, known)
    if not flagged:
        b.paragraph(f"Yhdenkään toimenpiteen tila ei ole {_or(names)}.")
        return
    b.paragraph(f"Toimenpiteet, joiden tila on {_or(names)}, ja toimialan oma selitys "
                f"lyhennettynä (koko teksti on toimialan taulukossa).")
    rows = [[Cell(f"{r.action_id or NO_ID} · {department_name(strategy, r.department)}\n"
                  f"{shorten(r.toimenpiteet, ACTION_CHARS)}"),
             Cell(status_text(r), status_color(strategy, r)),
             Cell(shorten(r.toteuma, EXPLANATION_CHARS) if r.toteuma else "Ei selitystä.")]
            for r in flagged]
    b.table([Column("Toimenpide", 5.8), Column("Tila", 3.0), Column("Toimialan selitys", 8.2)],
            rows, caption=f"Huomiota vaativat toimenpiteet ({fi_int(len(flagged))})",
            description=f"Toimenpiteet, joiden tila on {_or(names)}, ja toimialan selitys.")


def goals(b: Builder, strategy: Strategy, facts: Facts) -> None:
    returned = set(facts.departments_received)
    for goal in facts.goals:
        new_section(b.doc, landscape=True)
        b.heading(1, goal.name)
        counts = [c for c in status_counts(strategy, goal.records) if c.count]
        b.paragraph(f"Toimenpiteitä {fi_int(len(goal.records))}: "
                    + ", ".join(f"{c.name} {fi_int(c.count)}" for c in counts) + ".")
        for dept in goal.departments:
            b.heading(2, dept.name)
            b.table(
                [Column("Tunniste", 2.2), Column("Toimenpide", 8.2), Column("Tila", 2.8),
                 Column("Toteuma", 12.5)],
                [_action_row(strategy, r, dept.code in returned) for r in dept.records],
                caption=f"{goal.name} – {dept.name}: toimenpiteet ja toteuma",
                description=f"{dept.name}: jokaisen toimenpiteen tunniste, kuvaus, tila ja "
                            "toimialan raportoima toteuma.")


def _action_row(strategy: Strategy, record: ActionRecord, returned: bool) -> list[Cell]:
    if record.toteuma:
        toteuma = record.toteuma
    elif record.state == "missing":
        toteuma = ("Ei raportoitu: rivi puuttuu toimialan palautuksesta." if returned
                   else "Ei raportoitu: toimialan raportti puuttuu.")
    else:
        toteuma = "Ei raportoitu."
    return [Cell(record.action_id or NO_ID), Cell(record.toimenpiteet),
            Cell(status_text(record), status_color(strategy, record)), Cell(toteuma)]


def sdg(b: Builder, strategy: Strategy, facts: Facts) -> None:
    new_section(b.doc, landscape=False)
    b.heading(1, "Kestävän kehityksen tavoitteet")
    counts = sdg_counts(strategy, facts.records)
    linked = sum(1 for r in facts.records if sdg_of(strategy, r))
    b.paragraph(f"Toimenpiteistä {fi_int(linked)} on liitetty YK:n kestävän kehityksen "
                "tavoitteisiin (SDG). Sama toimenpide voi edistää useaa tavoitetta.")
    chart = sdg_chart([Bar(f"{c.number} {c.name}", len(c.action_ids), SDG_COLOR) for c in counts])
    b.picture(chart.png, width_cm=chart.width_cm, caption="Toimenpiteet kestävän kehityksen "
              "tavoitteittain", title=chart.title, description=chart.description)
    b.table([Column("SDG", 1.3), Column("Tavoite", 5.5), Column("Toimenpiteitä", 2.7),
             Column("Toimenpiteiden tunnisteet", 7.5)],
            [[Cell(str(c.number)), Cell(c.name), Cell(fi_int(len(c.action_ids))),
              Cell(", ".join(_unbroken(i) for i in c.action_ids) or "–")] for c in counts],
            caption="Toimenpiteet kestävän kehityksen tavoitteittain",
            description="Kunkin YK:n kestävän kehityksen tavoitteen toimenpiteiden määrä ja "
                        "tunnisteet.")


def changes(b: Builder, strategy: Strategy, consolidation: Consolidation) -> None:
    new_section(b.doc, landscape=False)
    b.heading(1, "Muutokset edelliseen kauteen")
    if consolidation.previous_period is None:
        b.paragraph("Aiempaa seurantakautta ei ole tallennettu historiaan, joten muutoksia ei "
                    "voi vielä verrata. Vertailu on mukana seuraavasta kaudesta alkaen.")
        return
    previous = _period_label(consolidation.previous_period)
    kinds = {kind: [c for c in consolidation.changes if c.kind == kind]
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


def missing(b: Builder, strategy: Strategy, facts: Facts, verdict: Verdict) -> None:
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
    returned = set(facts.departments_received)
    gaps = [r for r in facts.records if r.state != "reported" and r.department in returned]
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
    errors, warnings = verdict.count("error"), verdict.count("warning")
    b.paragraph(f"Palautusten tarkistuksessa löytyi {count(errors, 'virhe', 'virhettä')} ja "
                f"{count(warnings, 'huomautus', 'huomautusta')}. Tarkistuksen havainnot ovat "
                "koordinaattorin Excel-koosteessa.")


def _period_label(period_id: str) -> str:
    try:
        return Period.parse(period_id).label
    except PeriodError:  # a history written by another tool: show the id as it is
        return period_id


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
