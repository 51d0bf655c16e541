"""Settings of a working folder: ``kemireport.toml``; command-line options override them."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, fields, replace
from datetime import date
from pathlib import Path
from typing import Any

from kemireport.core.names import shown_path
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

    def with_overrides(self, **values: Any) -> Settings:
        return replace(self, **{k: v for k, v in values.items() if v is not None})

    def path(self, value: Path) -> Path:
        return value if value.is_absolute() else self.root / value


_PATH_KEYS = {"strategy", "templates_dir", "input_dir", "output_dir", "word_template"}
_TEXT_KEYS = {"organisation", "contact"}


MAX_SETTINGS_BYTES = 1 * 2**20  # a settings file is a dozen lines


def load_settings(root: Path | None = None) -> Settings:
    """Read ``kemireport.toml`` from ``root`` (default: the current folder), if there is one."""
    # Relative to the current folder by default, so messages show short paths.
    folder = Path(root) if root is not None else Path()
    file = folder / SETTINGS_FILE
    shown = shown_path(file)
    if not file.exists() and not file.is_symlink():
        return Settings(root=folder)
    if not file.is_file():
        raise ConfigError(
            f"Asetustiedoston {shown} paikalla on kansio tai muu kuin tavallinen tiedosto, joten "
            "asetuksia ei voi lukea. Siirrä se pois tieltä tai tee tilalle asetustiedosto "
            "(mallin saa komennolla kemireport init).")
    try:
        with file.open("rb") as handle:
            raw = handle.read(MAX_SETTINGS_BYTES + 1)
    except OSError as exc:
        raise ConfigError(f"Asetustiedostoa {shown} ei voi lukea ({exc.strerror or exc}). "
                          "Tarkista tiedoston oikeudet.") from None
    if len(raw) > MAX_SETTINGS_BYTES:
        raise ConfigError(f"Asetustiedosto {shown} on liian suuri (yli 1 Mt); asetustiedostossa "
                          "on tavallisesti kymmenkunta riviä. Tarkista, että se on oikea tiedosto.")
    try:
        # utf-8-sig: Windows Notepad saves UTF-8 with a byte order mark.
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ConfigError(
            f"Asetustiedosto {shown} ei ole UTF-8-tekstiä. Tallenna se UTF-8-muodossa "
            "(Muistiossa: Tallenna nimellä > Koodaus: UTF-8).") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(_toml_problem(shown, exc)) from None
    return parse_settings(data, folder, shown)


# tomllib's messages (Python 3.11–3.14), in Finnish; the first that matches is used.
_TOML_PROBLEMS = (
    ("illegal character '\\n'", "tekstin lopusta puuttuu lainausmerkki"),
    ("invalid statement", "rivi ei ole muotoa avain = arvo"),
    ("invalid value", "arvo ei kelpaa: kirjoita teksti lainausmerkkeihin, esim. "
                      'output_dir = "raportit"'),
    ("expected '=' after a key", "avaimen jälkeen puuttuu yhtäsuuruusmerkki (=)"),
    ("unclosed string", "tekstin lopusta puuttuu lainausmerkki"),
    ("unterminated string", "tekstin lopusta puuttuu lainausmerkki"),
    ("illegal character", "tekstissä on merkki, jota TOML ei salli (esim. sarkain tai "
                          "ohjausmerkki)"),
    ("unescaped '\\'", "kenoviiva (\\) on kirjoitettava kahdesti tai teksti "
                        "heittomerkkeihin, esim. 'C:\\raportit'"),
    ("escape sequence", "kenoviiva (\\) on kirjoitettava kahdesti tai teksti "
                        "heittomerkkeihin, esim. 'C:\\raportit'"),
    ("cannot overwrite a value", "sama asetus on tiedostossa kahdesti"),
    ("cannot declare", "sama asetus on tiedostossa kahdesti"),
    ("expected newline", "rivin lopussa on ylimääräistä tekstiä"),
)


def _toml_problem(shown: str, exc: Exception) -> str:
    text = str(exc)
    lower = text.lower()
    what = next((finnish for key, finnish in _TOML_PROBLEMS if key in lower),
                "tiedoston muoto ei ole kelvollista TOMLia")
    line = getattr(exc, "lineno", None)
    column = getattr(exc, "colno", None)
    if line is None:
        match = re.search(r"line (\d+), column (\d+)", text)
        if match:
            line, column = int(match.group(1)), int(match.group(2))
    where = f" rivillä {line}, sarakkeessa {column}" if line is not None else ""
    hint = "" if "esim." in what else (
        ' Jokainen asetus on omalla rivillään muodossa avain = "arvo", esim. '
        'output_dir = "raportit".')
    return f"Asetustiedosto {shown} on rikki{where}: {what}. Korjaa kohta.{hint}"


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
            if not isinstance(value, str):
                raise ConfigError(
                    f"Asetuksen '{key}' arvon pitää olla tekstiä lainausmerkeissä ({shown}), "
                    f'esim. {key} = "{_EXAMPLES[key]}".')
            if not value.strip():
                raise ConfigError(
                    f"Asetuksen '{key}' arvo on tyhjä ({shown}). Kirjoita arvo lainausmerkkeihin, "
                    f'esim. {key} = "{_EXAMPLES[key]}", tai poista rivi, jolloin käytetään '
                    "oletusta.")
            values[key] = Path(value) if key in _PATH_KEYS else value.strip()
        elif key == "deadline":
            values[key] = parse_deadline(value, shown)
    return Settings(root=root, **values)


_EXAMPLES = {
    "strategy": "strategia.yaml", "templates_dir": "templates", "input_dir": "input",
    "output_dir": "output", "word_template": "asiakirjapohja.docx",
    "organisation": "Kemin kaupunki",
    "contact": "Strategiakoordinaattori, etunimi.sukunimi@kemi.fi",
}


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
