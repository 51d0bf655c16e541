"""Settings of a working folder: ``kemireport.toml``; command-line options override them."""

from __future__ import annotations

import sys
from dataclasses import dataclass, fields, replace
from datetime import date
from pathlib import Path
from typing import Any

from kemireport.errors import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

SETTINGS_FILE = "kemireport.toml"


@dataclass(frozen=True)
class Settings:
    """Everything a coordinator may set; paths are relative to the working folder."""

    root: Path = Path(".")
    organisation: str = ""  # default: the strategy's organisation
    strategy: Path | None = None  # default: the built-in Kemi strategy
    templates_dir: Path = Path("templates")
    input_dir: Path = Path("input")
    output_dir: Path = Path("output")
    deadline: date | None = None  # return deadline shown on the instructions sheet
    contact: str = ""  # whom departments return the workbook to (name, e-mail)
    word_template: Path | None = None
    require_approval: bool = False  # a return without a sign-off is an error, not a warning

    def with_overrides(self, **values: Any) -> Settings:
        return replace(self, **{k: v for k, v in values.items() if v is not None})

    def path(self, value: Path) -> Path:
        return value if value.is_absolute() else self.root / value


_PATH_KEYS = {"strategy", "templates_dir", "input_dir", "output_dir", "word_template"}
_TEXT_KEYS = {"organisation", "contact"}
_BOOL_KEYS = {"require_approval"}


def load_settings(root: Path | None = None) -> Settings:
    """Read ``kemireport.toml`` from ``root`` (default: the current folder), if there is one."""
    # Relative to the current folder by default, so messages show short paths.
    folder = Path(root) if root is not None else Path()
    file = folder / SETTINGS_FILE
    if not file.is_file():
        return Settings(root=folder)
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(f"Asetustiedosto {file} ei ole UTF-8-tekstiä.") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"Asetustiedosto {file} on rikki: {exc}") from None
    return parse_settings(data, folder, str(file))


def parse_settings(data: dict[str, Any], root: Path, shown: str) -> Settings:
    known = {f.name for f in fields(Settings)} - {"root"}
    unknown = sorted(set(data) - known)
    if unknown:
        raise ConfigError(
            f"Asetustiedostossa {shown} on tuntematon asetus: {', '.join(unknown)}. "
            f"Sallitut asetukset: {', '.join(sorted(known))}."
        )
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key in _PATH_KEYS or key in _TEXT_KEYS:
            if not isinstance(value, str) or not value.strip():
                raise ConfigError(f"Asetuksen '{key}' arvon pitää olla tekstiä ({shown}).")
            values[key] = Path(value) if key in _PATH_KEYS else value.strip()
        elif key == "deadline":
            values[key] = parse_deadline(value, shown)
        elif key in _BOOL_KEYS:
            if not isinstance(value, bool):
                raise ConfigError(f"Asetuksen '{key}' arvo on true tai false ({shown}).")
            values[key] = value
    return Settings(root=root, **values)


def parse_deadline(value: Any, shown: str = "komentorivi") -> date:
    """A date as TOML gives it, or as a Finn writes it (``15.8.2025``) or ISO (``2025-08-15``)."""
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        if "." in text:
            day, month, year = (int(p) for p in text.strip(".").split("."))
            return date(year, month, day)
        return date.fromisoformat(text)
    except ValueError:
        raise ConfigError(
            f"Palautuspäivä '{text}' ei ole päivämäärä ({shown}); kirjoita esim. 15.8.2025."
        ) from None
