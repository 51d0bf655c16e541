"""``kemireport init``: a new working folder with settings, folders and the default strategy."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from kemireport.core.period import Period
from kemireport.core.settings import SETTINGS_FILE
from kemireport.cycle.mailtexts import TEXT_FILES, TEXTS_FOLDER, editable_file
from kemireport.errors import ConfigError
from kemireport.reading.overview import OVERVIEW_FILE
from kemireport.strategy import Strategy, default_strategy_path, load_strategy

STRATEGY_COPY = "strategia.yaml"
OVERVIEW_EXAMPLE = "katsaus-malli.md"


_SETTINGS_TEMPLATE = """\
# kemireport-asetukset tälle työkansiolle. Komentorivin valinnat ohittavat nämä.
# Polut ovat suhteessa tähän kansioon.

# Organisaation nimi raporttien kansilehdelle (oletus: strategiatiedoston organisaatio).
# organisation = "Kemin kaupunki"

# Seurantaraportin kansilehdelle (valinnaiset, vaihdetaan joka seurantakaudelle): kokous,
# jossa raportti käsitellään, liitteen numero siinä ja valmistelija. Kansilehdelle tulee
# esim. "Kaupunginhallitus 2.3.2026, liite 4" ja "Valmistelija: strategiakoordinaattori …".
# meeting = "Kaupunginhallitus 2.3.2026"
# attachment = 4
# preparer = "strategiakoordinaattori Etunimi Sukunimi"

# Strategian määrittely. Muokkaa tätä tiedostoa, kun strategia päivittyy.
strategy = "{strategy}"

# Kansiot: pohjat, palautukset ja raportit (kukin seurantakausittain, esim. input/2025-H1/).
templates_dir = "templates"
input_dir = "input"
output_dir = "output"

# Pohjan ohjesivulle: mihin mennessä ja kenelle toimialat palauttavat täytetyn pohjan.
# deadline = 2025-08-15
# contact = "Strategiakoordinaattori, etunimi.sukunimi@kemi.fi"

# Kaupungin oma Word-asiakirjapohja, jonka tyylejä raportti käyttää.
# word_template = "asiakirjapohja.docx"

# Onko toimialajohtajan hyväksyntä pakollinen? false: puuttuva hyväksyntä on varoitus,
# true: se on virhe, joka estää palautuksen hyväksymisen.
# require_approval = true

# Sähköpostiluonnokset (kemireport mail): lähettäjä (valinnainen; ilman sitä
# sähköpostiohjelma käyttää omaa tiliäsi) ja toimialojen vastaanottajat, kullekin yksi osoite
# tai luettelo osoitteita. Viestien tekstit ovat kansiossa {texts}/.
# mail_from = "Strategiakoordinaattori <etunimi.sukunimi@kemi.fi>"
#
# [recipients]
{recipients}
"""


def init_folder(directory: Path, *, strategy_file: Path | None = None,
                today: date | None = None) -> list[str]:
    """Create a working folder: settings, the folders, and an editable copy of the strategy."""
    directory = Path(directory)
    settings_file = directory / SETTINGS_FILE
    if settings_file.exists():
        raise ConfigError(
            f"Kansiossa {directory} on jo asetustiedosto {SETTINGS_FILE}; en korvaa sitä. "
            "Valitse toinen kansio tai poista tiedosto ensin."
        )
    source = Path(strategy_file) if strategy_file else default_strategy_path()
    if not source.is_file():
        raise ConfigError(f"Strategiatiedostoa {source} ei löydy.")
    strategy = load_strategy(source)  # a broken strategy is reported before anything is made
    try:
        directory.mkdir(parents=True, exist_ok=True)
        for name in ("templates", "input", "output"):
            (directory / name).mkdir(exist_ok=True)
        strategy_copy = directory / STRATEGY_COPY
        if not strategy_copy.exists():
            shutil.copyfile(source, strategy_copy)
        texts = directory / TEXTS_FOLDER
        texts.mkdir(exist_ok=True)
        for kind, name in TEXT_FILES.items():
            if not (texts / name).exists():
                (texts / name).write_text(editable_file(kind), encoding="utf-8")
        overview = directory / OVERVIEW_EXAMPLE
        if not overview.exists():
            overview.write_text(overview_example(strategy), encoding="utf-8")
        settings_file.write_text(
            _SETTINGS_TEMPLATE.format(strategy=STRATEGY_COPY, texts=TEXTS_FOLDER,
                                      recipients=_recipient_lines(strategy)),
            encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"Kansiota {directory} ei voi luoda: {exc.strerror}") from None
    parts = [
        (SETTINGS_FILE, "asetukset (palautuspäivä, yhteyshenkilö, osoitteet, Word-pohja)"),
        (STRATEGY_COPY, "strategian määrittely, muokattavissa"),
        (f"{TEXTS_FOLDER}/", "sähköpostiviestien tekstit, muokattavissa"),
        (OVERVIEW_EXAMPLE, "malli strategiakoordinaattorin katsaukseen (esim. "
                           f"input/2025-H1/{OVERVIEW_FILE})"),
        ("templates/", "toimialojen pohjat seurantakausittain"),
        ("input/", "toimialojen palautukset seurantakausittain, esim. input/2025-H1/"),
        ("output/", "raportit ja historiatietokanta"),
    ]
    current = Period.of(today or date.today())
    return [
        f"Työkansio luotu: {directory}",
        *(f"  {name:<17} {what}" for name, what in parts),
        f"Seuraavaksi: siirry kansioon {directory} ja anna komento "
        f"kemireport templates --period {current.id}",
    ]


def overview_example(strategy: Strategy) -> str:
    """An example katsaus.md for the strategy: a whole-period part and a section per goal."""
    goals = "\n\n".join(
        f"## {goal.name}\n\nMiten päämäärän toimenpiteet etenivät, mikä on myöhässä ja "
        "miksi, ja mitä asialle tehdään." for goal in strategy.goals)
    return f"""\
# Strategiakoordinaattorin katsaus

Kopioi tämä tiedosto seurantakauden palautuskansioon nimellä {OVERVIEW_FILE} (esim.
input/2025-H2/{OVERVIEW_FILE}) ja kirjoita katsaus sen tilalle. Ensimmäisen päämääräotsikon
edellä oleva teksti on koko seurantakauden katsaus; se tulee raportin yhteenvetoon. Kunkin päämäärän
otsikon alla oleva teksti tulee sen päämäärän lukuun. Otsikoksi käy päämäärän nimi tai koodi.
**Lihavointi**, *kursiivi* ja luettelot (rivin alussa - tai 1.) näkyvät raportissa.

{goals}
"""


def _recipient_lines(strategy: Strategy) -> str:
    """One commented example line per department of the strategy, so the codes are at hand."""
    width = max(len(d.code) for d in strategy.departments)
    return "\n".join(f'# {d.code:<{width}} = "etunimi.sukunimi@kemi.fi"  # {d.name}'
                     for d in strategy.departments)
