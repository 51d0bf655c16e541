"""The working folder's layout, in one place (DESIGN.md, "Working folder").

```
kemireport.toml            settings
templates/<period>/        blank department workbooks of the period
input/<period>/            the workbooks departments returned (never modified)
output/<period>/           the period's reports, feedback copies (palaute/) and mail drafts
output/kemireport.sqlite   the history of every consolidated period
output/loppuraportti/      the final report of the strategy period (``summary``)
```

Every command asks a ``Workspace`` where things are, so that a folder chosen with ``--output``
moves the history, the reports, the feedback copies and the drafts together.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kemireport.checks.validation import Rules
from kemireport.core.period import Period
from kemireport.core.settings import Settings
from kemireport.errors import ConfigError

DATABASE = "kemireport.sqlite"
FEEDBACK = "palaute"
MESSAGES = "viestit"
SUMMARY = "loppuraportti"


@dataclass(frozen=True)
class ReportFiles:
    """A period's reports, by what they are for."""

    docx: Path  # the board's Word report
    xlsx: Path  # the coordinator's Excel report
    csv: Path  # the action records as data
    html: Path  # the web page for residents

    def all(self) -> list[Path]:
        return [self.docx, self.xlsx, self.csv, self.html]


def report_names(period: Period) -> ReportFiles:
    """The file names of a period's reports (relative paths)."""
    return ReportFiles(
        docx=Path(f"{period.id}_strategiaseuranta.docx"),
        xlsx=Path(f"{period.id}_strategiaseuranta.xlsx"),
        csv=Path(f"{period.id}_toimenpiteet.csv"),
        html=Path(f"{period.id}_strategiaseuranta.html"),
    )


@dataclass(frozen=True)
class SummaryFiles:
    """The final report of a strategy period, by what it is for."""

    docx: Path  # the Word report for the council and the board
    xlsx: Path  # the coordinator's Excel workbook
    html: Path  # the web page for residents

    def all(self) -> list[Path]:
        return [self.docx, self.xlsx, self.html]


def summary_names(first: Period, last: Period) -> SummaryFiles:
    """The file names of the final report (relative paths): the periods it covers, so that a
    narrower run never replaces the whole strategy period's report."""
    stem = f"{first.id}_{last.id}_loppuraportti"
    return SummaryFiles(docx=Path(f"{stem}.docx"), xlsx=Path(f"{stem}.xlsx"),
                        html=Path(f"{stem}.html"))


@dataclass(frozen=True)
class Workspace:
    """Where a working folder keeps its templates, returns, reports and history."""

    settings: Settings
    templates: Path
    input: Path
    output: Path

    @classmethod
    def of(cls, settings: Settings, *, templates: Path | None = None,
           output: Path | None = None) -> Workspace:
        """The folders of ``settings``; command-line options override them."""
        return cls(
            settings=settings,
            templates=templates if templates is not None else settings.path(
                settings.templates_dir),
            input=settings.path(settings.input_dir),
            output=output if output is not None else settings.path(settings.output_dir),
        )

    @property
    def rules(self) -> Rules:
        """What the settings ask of every return beyond the contract."""
        return Rules(require_approval=self.settings.require_approval)

    @property
    def database(self) -> Path:
        return self.output / DATABASE

    def templates_folder(self, period: Period) -> Path:
        return self.templates / period.id

    def input_folder(self, period: Period) -> Path:
        return self.input / period.id

    def output_folder(self, period: Period) -> Path:
        return self.output / period.id

    def reports(self, period: Period) -> ReportFiles:
        folder = self.output_folder(period)
        names = report_names(period)
        return ReportFiles(docx=folder / names.docx, xlsx=folder / names.xlsx,
                           csv=folder / names.csv, html=folder / names.html)

    @property
    def summary_folder(self) -> Path:
        return self.output / SUMMARY

    def summary(self, first: Period, last: Period) -> SummaryFiles:
        """The final report's files for the periods ``first`` to ``last``."""
        folder = self.summary_folder
        names = summary_names(first, last)
        return SummaryFiles(docx=folder / names.docx, xlsx=folder / names.xlsx,
                            html=folder / names.html)

    def feedback_folder(self, period: Period) -> Path:
        return self.output_folder(period) / FEEDBACK

    def messages_folder(self, period: Period, kind: str) -> Path:
        return self.output_folder(period) / MESSAGES / kind

    def input_periods(self) -> list[tuple[Period, Path]]:
        """Sub-folders of the input folder named after a period, oldest first."""
        return period_folders(self.input)

    def resolve_input(self, input_dir: Path | None,
                      period: str | None) -> tuple[Path, Period]:
        """The folder of returns and its period, from the options and the working folder."""
        the_period = Period.parse(period) if period is not None else None
        if input_dir is None:
            if the_period is not None:
                folder = self.input_folder(the_period)
                if not folder.is_dir():
                    raise ConfigError(
                        f"Seurantakauden {the_period.id} palautuskansiota {folder} ei ole. "
                        "Tallenna toimialojen palautukset sinne tai anna kansio komennon "
                        "argumenttina."
                    )
                return folder, the_period
            folders = self.input_periods()
            if not folders:
                raise ConfigError(
                    f"Kansiossa {self.input} ei ole yhtään seurantakauden kansiota (esim. "
                    f"{self.input / '2025-H1'}). Tallenna palautukset seurantakauden kansioon "
                    "tai anna kansio ja --period."
                )
            return folders[-1][1], folders[-1][0]
        if not input_dir.is_dir():
            raise ConfigError(f"Kansiota {input_dir} ei ole.")
        if the_period is None:
            name = input_dir.resolve().name
            if not Period.is_period_id(name):
                raise ConfigError(
                    f"Kansion nimestä ”{name}” ei näe seurantakautta. Anna seurantakausi "
                    "valinnalla --period, esim. --period 2025-H1."
                )
            the_period = Period.parse(name)
        return input_dir, the_period


def period_folders(base: Path) -> list[tuple[Period, Path]]:
    """Sub-folders of ``base`` named after a period, oldest first."""
    if not base.is_dir():
        return []
    found = [
        (Period.parse(child.name), child)
        for child in base.iterdir()
        if child.is_dir() and Period.is_period_id(child.name)
    ]
    return sorted(found)
