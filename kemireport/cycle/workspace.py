"""The working folder: where a period's returns are, which period is the newest."""

from __future__ import annotations

from pathlib import Path

from kemireport.core.period import Period
from kemireport.core.settings import Settings
from kemireport.errors import ConfigError


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


def resolve_input(settings: Settings, input_dir: Path | None,
                  period: str | None) -> tuple[Path, Period]:
    """The folder of returns and its period, from the options and the working folder."""
    the_period = Period.parse(period) if period else None
    if input_dir is None:
        base = settings.path(settings.input_dir)
        if the_period is not None:
            folder = base / the_period.id
            if not folder.is_dir():
                raise ConfigError(
                    f"Kauden {the_period.id} palautuskansiota {folder} ei ole. Tallenna "
                    "toimialojen palautukset sinne tai anna kansio komennon argumenttina."
                )
            return folder, the_period
        folders = period_folders(base)
        if not folders:
            raise ConfigError(
                f"Kansiossa {base} ei ole yhtään kauden kansiota (esim. {base / '2025-H1'}). "
                "Tallenna palautukset kauden kansioon tai anna kansio ja --period."
            )
        return folders[-1][1], folders[-1][0]
    if not input_dir.is_dir():
        raise ConfigError(f"Kansiota {input_dir} ei ole.")
    if the_period is None:
        name = input_dir.resolve().name
        if not Period.is_period_id(name):
            raise ConfigError(
                f"Kansion nimestä '{name}' ei näe kautta. Anna kausi valinnalla --period, "
                "esim. --period 2025-H1."
            )
        the_period = Period.parse(name)
    return input_dir, the_period
