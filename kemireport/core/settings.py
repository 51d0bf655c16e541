"""Settings of a working folder: ``kemireport.toml``; command-line options override them."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, fields, replace
from datetime import date
from pathlib import Path
from typing import Any

from kemireport.core.finnish import count
from kemireport.core.mailaddress import AddressError, check_address
from kemireport.core.names import shown_path
from kemireport.errors import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

SETTINGS_FILE = "kemireport.toml"
RECIPIENTS_TABLE = "recipients"


@dataclass(frozen=True)
class Recipients:
    """A department's e-mail addresses for the drafts (``[recipients]`` in the settings)."""

    department: str  # the code as written in the file; checked against the strategy later
    addresses: tuple[str, ...]
    line: int | None = None  # where the key is in the settings file, for messages


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
    mail_from: str = ""  # the sender of the e-mail drafts (the coordinator's own address)
    # The board document's cover: the meeting it goes to ("Kaupunginhallitus 2.3.2026"), its
    # attachment number there ("4") and who prepared it; each optional.
    meeting: str = ""
    attachment: str = ""
    preparer: str = ""
    recipients: tuple[Recipients, ...] = ()  # department code -> addresses, in file order
    source: str = ""  # the settings file, as messages show it ("" when there is none)

    def with_overrides(self, **values: Any) -> Settings:
        return replace(self, **{k: v for k, v in values.items() if v is not None})

    def path(self, value: Path) -> Path:
        return value if value.is_absolute() else self.root / value


_PATH_KEYS = {"strategy", "templates_dir", "input_dir", "output_dir", "word_template"}
_TEXT_KEYS = {"organisation", "contact", "meeting", "preparer"}
_BOOL_KEYS = {"require_approval"}


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
    return parse_settings(data, folder, shown, text=text)


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


def parse_settings(data: dict[str, Any], root: Path, shown: str, *, text: str = "") -> Settings:
    """Settings from parsed TOML; ``text`` is the file's text, for the line numbers of errors."""
    known = {f.name for f in fields(Settings)} - {"root", "source"}
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
        elif key == "attachment":
            values[key] = _attachment(value, shown)
        elif key in _BOOL_KEYS:
            if not isinstance(value, bool):
                raise ConfigError(f"Asetuksen '{key}' arvo on true tai false ({shown}).")
            values[key] = value
    lines = _Lines(text)
    problems: list[str] = []
    if "mail_from" in data:
        values["mail_from"] = _sender(data["mail_from"], lines, problems)
    if RECIPIENTS_TABLE in data:
        values["recipients"] = _recipients(data[RECIPIENTS_TABLE], lines, problems)
    if problems:
        listed = "\n".join(f"  - {p}" for p in problems)
        raise ConfigError(f"Asetustiedoston {shown} sähköpostiosoitteissa on "
                          f"{count(len(problems), 'virhe', 'virhettä')}:\n{listed}")
    return Settings(root=root, source=shown, **values)


# -- e-mail addresses, with the line numbers tomllib does not give ------------------------------


class _Lines:
    """Finds where a key or a value is in the settings text (tomllib reports no positions).

    Keys are looked for as written at the start of a line; a value as its quoted text after its
    key. Values are looked up in file order, each search starting after the previous find, so
    the same address written twice is reported at each of its own lines. When the text does
    not show it literally (a TOML escape), the key's line is the best there is.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        table = re.search(rf"^[ \t]*\[[ \t]*\"?{RECIPIENTS_TABLE}\"?[ \t]*\]", text, re.M)
        self.table_start = table.end() if table else 0

    def line_at(self, position: int) -> int:
        return self.text.count("\n", 0, position) + 1

    def key(self, name: str, *, in_table: bool) -> int | None:
        """The position of ``name =`` (in the recipients table, or dotted, or at the top)."""
        prefix = rf"(?:\"?{RECIPIENTS_TABLE}\"?[ \t]*\.[ \t]*)?" if in_table else ""
        pattern = rf"^[ \t]*{prefix}[\"']?{re.escape(name)}[\"']?[ \t]*="
        start = self.table_start if in_table else 0
        found = re.compile(pattern, re.M).search(self.text, start)
        if found is None and in_table:  # an inline table or a dotted key before the table
            found = re.compile(pattern, re.M).search(self.text)
        return found.start() if found else None

    def value(self, value: str, after: int | None) -> int | None:
        start = after or 0
        places = [p for p in (self.text.find(f'"{value}"', start),
                              self.text.find(f"'{value}'", start)) if p >= 0]
        return min(places) if places else None


def _where(lines: _Lines, position: int | None) -> str:
    return f"rivi {lines.line_at(position)}: " if position is not None else ""


def _sender(value: Any, lines: _Lines, problems: list[str]) -> str:
    at = lines.key("mail_from", in_table=False)
    if not isinstance(value, str):
        problems.append(f"{_where(lines, at)}lähettäjän (mail_from) pitää olla yksi osoite "
                        'tekstinä, esim. mail_from = "etunimi.sukunimi@kemi.fi"')
        return ""
    try:
        return check_address(value)
    except AddressError as exc:
        place = lines.value(value, at)
        problems.append(f"{_where(lines, at if place is None else place)}lähettäjän osoite "
                        f"'{value}' ei kelpaa: {exc}")
        return ""


def _recipients(table: Any, lines: _Lines, problems: list[str]) -> tuple[Recipients, ...]:
    example = 'YMP = "etunimi.sukunimi@kemi.fi" tai KV = ["eka@kemi.fi", "toka@kemi.fi"]'
    if not isinstance(table, dict):
        at = lines.key(RECIPIENTS_TABLE, in_table=False)
        problems.append(f"{_where(lines, at)}[{RECIPIENTS_TABLE}] on taulukko, jossa kullakin "
                        f"toimialan tunnuksella on osoite tai osoitteiden luettelo: {example}")
        return ()
    found: list[Recipients] = []
    for code, value in table.items():
        at = lines.key(code, in_table=True)
        if at is None:  # e.g. an inline table: the line of the table's key is the best guess
            at = lines.key(RECIPIENTS_TABLE, in_table=False)
        values = [value] if isinstance(value, str) else value
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            problems.append(f"{_where(lines, at)}toimialan {code} osoitteen pitää olla tekstiä "
                            f"tai luettelo tekstejä, esim. {example}")
            continue
        if not values:
            problems.append(f"{_where(lines, at)}toimialalle {code} ei ole annettu yhtään "
                            "osoitetta; anna vähintään yksi tai poista rivi")
            continue
        addresses: list[str] = []
        cursor = at
        for text in values:
            place = lines.value(text, cursor)
            cursor = place + 1 if place is not None else cursor
            try:
                address = check_address(text)
            except AddressError as exc:
                problems.append(f"{_where(lines, place if place is not None else at)}toimialan "
                                f"{code} osoite '{text}' ei kelpaa: {exc}")
                continue
            if address.casefold() not in (a.casefold() for a in addresses):
                addresses.append(address)
        found.append(Recipients(code, tuple(addresses),
                                lines.line_at(at) if at is not None else None))
    return tuple(found)


def _attachment(value: Any, shown: str) -> str:
    """The board document's attachment number: 4 or "4" (or "4 a")."""
    if isinstance(value, bool) or not isinstance(value, (int, str)) or not str(value).strip():
        raise ConfigError(
            f"Asetuksen ”attachment” arvo on liitteen numero ({shown}), esim. attachment = 4.")
    return str(value).strip()


_EXAMPLES = {
    "strategy": "strategia.yaml", "templates_dir": "templates", "input_dir": "input",
    "output_dir": "output", "word_template": "asiakirjapohja.docx",
    "organisation": "Kemin kaupunki",
    "contact": "Strategiakoordinaattori, etunimi.sukunimi@kemi.fi",
    "meeting": "Kaupunginhallitus 2.3.2026",
    "preparer": "strategiakoordinaattori Etunimi Sukunimi",
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
