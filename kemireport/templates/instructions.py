"""The instructions sheet (``Ohjeet``) of a department workbook: what it says, and its layout.

The words are built first as a list of lines, apart from the layout, so that the wording can be
read and tested as plain Finnish and the layout can change without touching a sentence.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from kemireport.core.finnish import and_list, count_words, fi_date, or_list, quote
from kemireport.core.period import Period
from kemireport.core.settings import Settings
from kemireport.core.textfit import line_count, row_height
from kemireport.strategy import Department, Strategy
from kemireport.templates.contract import (
    APPROVED_NAME,
    APPROVER_NAME,
    IDENTITY_SHEET,
    INDICATOR_SHEET,
    INSTRUCTIONS_SHEET,
    PROTECTION,
)

LineKind = Literal["title", "field", "heading", "text", "status", "sdg", "blank", "input",
                   "date"]

FALLBACK_RETURN = "Palautusohjeet saat strategiakoordinaattorilta."
WIDTHS = (20, 68)  # columns A and B: A4 portrait at 100 %


@dataclass(frozen=True)
class Line:
    """One row of the instructions sheet: a short label (column A) and its text (column B)."""

    kind: LineKind
    label: str = ""
    text: str = ""
    color: str = ""  # a status level's colour, for kind "status"
    new_page: bool = False  # printed from the top of a new page
    name: str = ""  # for kinds "input" and "date": the open cell's workbook-level defined name


@dataclass(frozen=True)
class InstructionCells:
    """Where the instructions sheet put what other sheets and the reader refer to."""

    status_range: str  # the status names, for the Tila dropdown when too long to inline
    inputs: dict[str, str]  # defined name -> absolute reference of its open cell


def return_instruction(settings: Settings) -> str:
    """Whom to return the workbook to and by when; never an empty placeholder."""
    contact = settings.contact.strip()
    if contact and settings.deadline:
        return (f"Palauta täytetty pohja viimeistään {fi_date(settings.deadline)}. "
                f"Vastaanottaja: {contact}.")
    if contact:
        return (f"Palauta täytetty pohja. Vastaanottaja: {contact}. Palautuspäivän saat "
                "strategiakoordinaattorilta.")
    if settings.deadline:
        return (f"Palauta täytetty pohja viimeistään {fi_date(settings.deadline)}. "
                f"{FALLBACK_RETURN}")
    return FALLBACK_RETURN


def empty_sdg_instruction(strategy: Strategy, department: Department) -> str:
    """How an empty SDG cell is read: the goals the strategy gives the row (its own, else its
    table's: ``Strategy.strategy_sdg``), or none."""
    if any(t.department == department.code for t in strategy.tables):
        given = ("rivin omiin (ne on täytetty soluun valmiiksi) tai, jos niitä ei ole, koko "
                 "taulukon tavoitteisiin, jotka on mainittu välilehden yläosassa")
    else:
        given = "rivin omiin, jotka on täytetty soluun valmiiksi"
    return ("Jos SDG-solu jätetään tyhjäksi, rivi liitetään niihin tavoitteisiin, jotka "
            f"strategia antaa sille: {given}. Jos strategia ei anna rivillä tavoitteita, tyhjä "
            "solu tarkoittaa, ettei rivi liity mihinkään tavoitteeseen.")


def instruction_lines(strategy: Strategy, department: Department, period: Period,
                      settings: Settings, *, carried: bool = False) -> list[Line]:
    """The instructions sheet, top to bottom."""
    goals = [goal.name for goal in strategy.goals]
    sheets = "välilehti" if len(goals) == 1 else "välilehdet"
    fill = [
        Line("heading", "Mitä täytetään"),
        Line("text", "Tila", "Valitse Tila-solun pudotusvalikosta tila, joka kuvaa parhaiten "
             f"toimenpiteen tilannetta {fi_date(period.end)}. Tilat ja niiden merkitykset ovat "
             "alla."),
        Line("text", "Toteuma", "Kerro muutamalla virkkeellä, mitä toimenpiteen eteen tehtiin "
             f"seurantakaudella {period.label}: mitä valmistui, mikä on käynnissä ja mikä "
             "viivästyi. Jos mitään ei tehty, kerro miksi. Pelkkä viiva, rasti tai "
             "kysymysmerkki ei riitä."),
        Line("text", "SDG", "YK:n kestävän kehityksen tavoitteiden numerot 1–17, joita "
             "toimenpide edistää, pilkulla erotettuina, esimerkiksi 3, 4. Strategiassa rivillä "
             "mainitut numerot on täytetty valmiiksi; korjaa tai täydennä niitä tarvittaessa. "
             "Numerot ja tavoitteiden nimet ovat tämän välilehden lopussa."),
        Line("text", "Tyhjä SDG-solu", empty_sdg_instruction(strategy, department)),
        Line("text", "Muut sarakkeet", "Tunniste, Tavoite, Toimenpiteet, Vastuu ja aikataulu "
             "sekä Mittarit, arviointi ovat strategian tekstiä. Ne on lukittu (harmaa tausta), "
             "eikä niihin kirjoiteta mitään."),
    ]
    deviations = strategy.deviation_statuses
    if deviations:
        listed = or_list([quote(d) for d in deviations])
        fill[3:3] = [
            Line("text", "Poikkeaman syy ja korjaavat toimenpiteet", "Täytä, kun tila on "
                 f"{listed}. Kerro, miksi toimenpide poikkeaa suunnitelmasta ja "
                 "mitä asialle tehdään. Kaupunginhallitus ja tarkastuslautakunta lukevat "
                 "tämän tekstin sellaisenaan. Muillekin riveille saa kirjoittaa huomioita."),
            Line("text", "Uusi aikataulu", "Arvio siitä, milloin poikkeava toimenpide valmistuu "
                 "tai jatkuu, esimerkiksi 6/2026 tai syksy 2026."),
        ]
    indicators = strategy.indicators_for(department.code)
    if indicators:
        fill.append(Line(
            "text", "Mittarit", f"{INDICATOR_SHEET}-välilehdellä on toimialan "
            f"{count_words(len(indicators), 'mittari', 'mittaria')}. Kirjoita kunkin "
            "Arvo-soluun mittarin arvo seurantakauden lopussa pelkkänä lukuna (esim. 24 tai "
            "31,5) ja Lähde tai huomio -soluun, mistä luku on peräisin."))
    if carried:
        fill.append(Line(
            "text", "Edellinen seurantakausi", "Osaan riveistä on kopioitu valmiiksi edellisen "
            f"seurantakauden ({period.previous().label}) tila ja toteuma. Ne on kirjoitettu "
            "kursiivilla, ja Toteuma-solussa on siitä kommentti. Päivitä molemmat vastaamaan "
            f"seurantakauden {period.label} tilannetta."))

    lines = [
        Line("title", text="Strategian toteutumisen seuranta"),
        Line("field", "Strategia", strategy.name),
        Line("field", "Toimiala", department.name),
        Line("field", "Seurantakausi", period.long_label),
        Line("field", "Palautus", return_instruction(settings)),
        Line("blank"),
        Line("heading", "Hyväksyntä"),
        Line("text", "", "Toimialajohtaja tai hänen valtuuttamansa henkilö hyväksyy toimialan "
             "vastaukset ennen palautusta. Kirjoita hyväksyjän nimi ja tehtävänimike sekä "
             "hyväksymispäivä alla oleviin valkoisiin soluihin."),
        Line("input", "Hyväksyjä", name=APPROVER_NAME),
        Line("date", "Hyväksymispäivä", name=APPROVED_NAME),
        Line("blank"),
        Line("heading", "Pohjan tarkoitus"),
        Line("text", "", "Tällä pohjalla toimiala kertoo, miten sen vastuulla olevat strategian "
             f"toimenpiteet ovat edenneet seurantakaudella {period.label}. Jokaisella "
             f"strategisella päämäärällä on oma välilehtensä: {sheets} {and_list(goals)}. "
             "Kukin välilehden rivi on yksi toimialan toimenpide. Vastauksista kootaan "
             "kaupunginhallitukselle seurantaraportti strategian toteutumisesta."),
        Line("blank"),
        *fill,
        Line("blank"),
        Line("heading", "Tilat"),
        *(Line("status", level.name, level.description or level.name, level.color)
          for level in strategy.status_scale),
        Line("text", "", "Tilan nimi on aina kirjoitettu soluun; väri on vain apuna."),
        Line("blank"),
        Line("heading", "Muista"),
        Line("text", "Rivit", "Älä poista rivejä, sarakkeita tai välilehtiä. Jos toimenpide ei "
             "ole enää ajankohtainen, valitse sille sopiva tila ja kerro syy Toteuma-sarakkeessa."),
        Line("text", "Tiedosto", "Tallenna pohja Excel-muodossa (.xlsx). Tiedoston voi nimetä "
             "uudelleen: toimiala ja seurantakausi tunnistetaan pohjan sisältä. Pohjan voi "
             "täyttää Excelillä, Excelin selainversiolla tai LibreOfficella."),
        Line("text", "Tekstin mahtuminen", "Jos teksti ei mahdu soluun näkyviin, suurenna riviä "
             "vetämällä rivinumeroiden välistä rajaa alaspäin. Rivien korkeutta ja sarakkeiden "
             "leveyttä saa muuttaa."),
        Line("text", "Tunnistetiedot", f"Pohjassa on piilotettu välilehti {IDENTITY_SHEET}, "
             "josta toimiala ja seurantakausi tunnistetaan. Älä poista sitä."),
        Line("blank"),
        Line("heading", "YK:n kestävän kehityksen tavoitteet (SDG)"),
        *(Line("sdg", str(number), name) for number, name in sorted(strategy.sdg.items())),
    ]
    return lines


def write_instructions(sheet: Any, lines: Sequence[Line], formats: Mapping[str, Any], *,
                       header: str, period: Period) -> InstructionCells:
    """Lay ``lines`` out on an xlsxwriter ``sheet``; say where the status names and the open
    input cells are.

    ``formats`` are the workbook's formats by name (``title``, ``heading``, ``label``, ``text``,
    ``open``, ``open_date`` and ``status:<name>`` per status level); ``header`` is the printed
    page header.
    """
    sheet.set_column(0, 0, WIDTHS[0])
    sheet.set_column(1, 1, WIDTHS[1])
    status_rows: list[int] = []
    inputs: dict[str, str] = {}
    for row, line in enumerate(lines):
        if line.kind in ("input", "date"):
            sheet.write_string(row, 0, line.label, formats["label"])
            sheet.write_blank(row, 1, None, formats["open_date" if line.kind == "date"
                                                     else "open"])
            sheet.set_row(row, 20)
            inputs[line.name] = f"='{INSTRUCTIONS_SHEET}'!$B${row + 1}"
            if line.kind == "date":
                sheet.data_validation(row, 1, row, 1, {
                    "validate": "date", "criteria": ">=", "value": period.start,
                    "input_title": line.label,
                    "input_message": "Päivämäärä muodossa 15.8.2025.",
                    "error_type": "warning", "error_title": "Tarkista päivämäärä",
                    "error_message": "Hyväksymispäivä on päivämäärä seurantakauden alun "
                                     f"{fi_date(period.start)} jälkeen, esim. 15.8.2025.",
                })
            continue

        if line.kind == "title":
            sheet.write_string(row, 0, line.text, formats["title"])
            sheet.set_row(row, 24)
        elif line.kind == "heading":
            sheet.write_string(row, 0, line.label, formats["heading"])
            sheet.set_row(row, 20)
        elif line.kind == "blank":
            sheet.set_row(row, 9)
        else:
            label_format = formats["label"]
            if line.kind == "status":
                label_format = formats[f"status:{line.label}"]
                status_rows.append(row)
            sheet.write_string(row, 0, line.label, label_format)
            sheet.write_string(row, 1, line.text, formats["text"])
            needed = max(line_count(line.label, WIDTHS[0], bold=True),
                         line_count(line.text, WIDTHS[1]))
            if needed > 1:
                sheet.set_row(row, row_height(needed))
    sheet.set_h_pagebreaks([row for row, line in enumerate(lines) if line.new_page])
    sheet.set_paper(9)
    sheet.set_portrait()  # no fit-to-page: Excel would then ignore the page breaks
    sheet.set_margins(left=0.6, right=0.6, top=0.6, bottom=0.6)
    sheet.set_header(header)
    sheet.set_footer("&C&P (&N)")
    sheet.protect("", PROTECTION)
    sheet.activate()
    status_range = (f"='{INSTRUCTIONS_SHEET}'!$A${status_rows[0] + 1}:$A${status_rows[-1] + 1}"
                    if status_rows else "")
    return InstructionCells(status_range, inputs)
