"""The half-year cycle on the defaults (``run``) and a new working folder (``init``)."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from kemireport.errors import ConfigError
from kemireport.findings import Report
from kemireport.period import Period
from kemireport.settings import SETTINGS_FILE, Settings
from kemireport.strategy import Strategy, default_strategy_path
from kemireport.workspace import period_folders

STRATEGY_COPY = "strategia.yaml"


@dataclass
class CycleResult:
    report: Report
    lines: list[str] = field(default_factory=list)


def run_cycle(strategy: Strategy, settings: Settings) -> CycleResult:
    """Consolidate the newest period under ``input/``, after any earlier ones not yet stored.

    Earlier periods go first, oldest first, so that "changes since the previous period" works
    on a fresh clone whose history database does not exist yet.
    """
    from kemireport.report import build_reports
    from kemireport.store import HistoryStore

    input_base = settings.path(settings.input_dir)
    output_base = settings.path(settings.output_dir)
    folders = period_folders(input_base)
    if not folders:
        raise ConfigError(
            f"Kansiossa {input_base} ei ole yhtään kauden kansiota (esim. "
            f"{input_base / '2025-H1'}). Tallenna toimialojen palautukset kauden kansioon ja "
            "aja komento uudelleen."
        )
    *earlier, (newest, newest_folder) = folders
    database = output_base / "kemireport.sqlite"
    stored: set[str] = set()
    if database.exists():
        with HistoryStore(database) as store:
            stored = set(store.periods())

    lines: list[str] = []
    for period, folder in earlier:
        if period.id in stored:
            continue
        build_reports(strategy, period, folder, output_base, settings=settings)
        lines.append(f"Aiempi kausi {period.id} ({period.label}) koottiin ensin historiaan.")

    result = build_reports(strategy, newest, newest_folder, output_base, settings=settings)
    lines.append(f"Palautukset: {newest_folder}")
    lines.extend(result.lines)
    lines.extend(_missing_lines(strategy, result.report, newest))
    return CycleResult(report=result.report, lines=lines)


def _missing_lines(strategy: Strategy, report: Report, period: Period) -> list[str]:
    missing = [f.department for f in report.findings
               if f.code == "missing-department" and f.department]
    if not missing and report.valid:
        return []
    lines = [""]
    if missing:
        names = ", ".join(strategy.department(code).name for code in missing)
        lines.append(f"Puuttuu: {names}. Raportit on kirjoitettu, ja puutteet on merkitty niihin.")
    errors = report.count("error")
    if errors:
        lines.append("Korjattavaa: katso havainnot yltä tai palautekopiot kansiosta "
                     f"output/{period.id}/palaute/.")
    return lines


_SETTINGS_TEMPLATE = """\
# kemireport-asetukset tälle työkansiolle. Komentorivin valinnat ohittavat nämä.
# Polut ovat suhteessa tähän kansioon.

# Organisaation nimi raporttien kansilehdelle (oletus: strategiatiedoston organisaatio).
# organisation = "Kemin kaupunki"

# Strategian määrittely. Muokkaa tätä tiedostoa, kun strategia päivittyy.
strategy = "{strategy}"

# Kansiot: pohjat, palautukset ja raportit (kukin kausittain, esim. input/2025-H1/).
templates_dir = "templates"
input_dir = "input"
output_dir = "output"

# Ohjesivulle: mihin mennessä ja kenelle toimialat palauttavat raporttinsa.
# deadline = 2025-08-15
# contact = "Strategiakoordinaattori, etunimi.sukunimi@kemi.fi"

# Kaupungin oma Word-asiakirjapohja, jonka tyylejä raportti käyttää.
# word_template = "asiakirjapohja.docx"
"""


def init_folder(directory: Path, *, strategy_file: Path | None = None) -> list[str]:
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
    try:
        directory.mkdir(parents=True, exist_ok=True)
        for name in ("templates", "input", "output"):
            (directory / name).mkdir(exist_ok=True)
        strategy_copy = directory / STRATEGY_COPY
        if not strategy_copy.exists():
            shutil.copyfile(source, strategy_copy)
        settings_file.write_text(_SETTINGS_TEMPLATE.format(strategy=STRATEGY_COPY),
                                 encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"Kansiota {directory} ei voi luoda: {exc.strerror}") from None
    parts = [
        (SETTINGS_FILE, "asetukset (palautuspäivä, yhteyshenkilö, Word-pohja)"),
        (STRATEGY_COPY, "strategian määrittely, muokattavissa"),
        ("templates/", "toimialojen pohjat kausittain"),
        ("input/", "palautetut työkirjat kausittain, esim. input/2025-H1/"),
        ("output/", "raportit ja historiatietokanta"),
    ]
    return [
        f"Työkansio luotu: {directory}",
        *(f"  {name:<17} {what}" for name, what in parts),
        f"Seuraavaksi: siirry kansioon {directory} ja anna komento "
        "'kemireport templates --period 2025-H1'.",
    ]
