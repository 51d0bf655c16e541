"""The words of the e-mail drafts: built-in Finnish texts, or the coordinator's own files.

A text is plain UTF-8 (with or without a BOM, as Notepad saves it), so a coordinator can edit it
in any editor::

    # Lines starting with '#' before the subject line are notes, not part of the message.
    Aihe: Strategian seuranta {kausi}: muistutus, {toimiala}

    Hei,
    ...

The first other line is ``Aihe: …`` (the subject); the body follows it. Placeholders in braces
(``{toimiala}``, ``{kausi}``, ``{määräpäivä}`` …) are replaced per department. An unknown
placeholder, or one whose value is not set (no deadline in the settings), is an error before any
draft is written.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from kemireport.errors import ConfigError

TEXTS_FOLDER = "viestipohjat"
TEXT_FILES = {"templates": "pohjat.txt", "reminders": "muistutus.txt", "feedback": "palaute.txt"}
KIND_WORDS = {"templates": "pohjien lähetys", "reminders": "muistutukset",
              "feedback": "palautteet"}
_KIND_GENITIVE = {"templates": "Pohjien lähetyksen", "reminders": "Muistutusten",
                  "feedback": "Palautteiden"}

# Placeholder -> what it becomes (for the notes of an editable file and for error messages).
COMMON = {
    "toimiala": "toimialan nimi, esim. Ympäristötoimiala",
    "kausi": "seurantakausi, esim. 1.1.–30.6.2026",
    "määräpäivä": "palautuspäivä asetuksesta deadline, esim. 14.8.2026",
    "yhteyshenkilö": "asetus contact, esim. Strategiakoordinaattori, etunimi.sukunimi@kemi.fi",
    "organisaatio": "organisaation nimi, esim. Kemin kaupunki",
}
PLACEHOLDERS: dict[str, dict[str, str]] = {
    "templates": {**COMMON, "liite": "liitteenä olevan pohjan tiedostonimi"},
    "reminders": {**COMMON, "hylätyt": "kappale palautetuista tiedostoista, joita ei voitu "
                  "hyväksyä, ja miksi (tyhjä, jos niitä ei ole)"},
    "feedback": {**COMMON, "liite": "liitteenä olevan palautekopion tiedostonimi",
                 "virheet": "korjattavien kohtien määrä, esim. neljä korjattavaa kohtaa",
                 "havainnot": "luettelo korjattavista kohdista (pakollinen)"},
}
REQUIRED = {"feedback": ("havainnot",)}
MULTILINE = {"hylätyt", "havainnot"}  # paragraphs: not for the subject line

DEFAULT_TEXTS = {
    "templates": """\
Aihe: Strategian seuranta {kausi}: pohja, {toimiala}

Hei,

liitteenä on pohja, jolla {toimiala} kertoo, miten kaupunkistrategian toimenpiteet ovat \
edenneet seurantakaudella {kausi}.

Jokaisesta toimenpiteestä täytetään tila ja muutaman virkkeen kuvaus toteumasta. Strategian \
tekstit on lukittu, eikä niitä tarvitse muuttaa. Tarkemmat ohjeet ovat pohjan ensimmäisellä \
välilehdellä. Pohjan voi täyttää Excelillä, Excel Onlinella tai LibreOfficella.

Täytetty pohja pyydetään palauttamaan viimeistään {määräpäivä} vastaamalla tähän viestiin. \
Kysymyksiin vastaa {yhteyshenkilö}.

Ystävällisin terveisin
""",
    "reminders": """\
Aihe: Strategian seuranta {kausi}: muistutus, {toimiala}

Hei,

{toimiala} ei ole vielä palauttanut seurantatietojaan seurantakaudelta {kausi}. Pyysimme \
palauttamaan täytetyn pohjan viimeistään {määräpäivä}.

{hylätyt}

Täytetty pohja pyydetään palauttamaan mahdollisimman pian vastaamalla tähän viestiin. Jos \
pohja on hukassa, lähetämme uuden pyynnöstä.

Ystävällisin terveisin
""",
    "feedback": """\
Aihe: Strategian seuranta {kausi}: korjattavaa, {toimiala}

Hei,

kiitos seurantatiedoista, jotka {toimiala} palautti seurantakaudelta {kausi}. Palautuksessa \
on {virheet}. Seurantaraportti voidaan koota kaupunginhallitukselle, kun korjattu pohja on \
palautettu.

{havainnot}

Liitteenä on palautuksenne palautekopiona ({liite}). Siinä korjattavat solut on korostettu ja \
kommentoitu, ja ensimmäisellä välilehdellä (Palaute) on sama luettelo linkkeineen. Kohdat voi \
korjata suoraan kopioon. Korjattu pohja pyydetään palauttamaan vastaamalla tähän viestiin.

Ystävällisin terveisin
""",
}

_PLACEHOLDER = re.compile(r"\{([^{}\n]*)\}")
_SUBJECT = re.compile(r"^\s*aihe\s*:(.*)$", re.IGNORECASE)


@dataclass(frozen=True)
class MessageText:
    """A mail's subject and body with placeholders, and where they were written."""

    kind: str
    subject: str
    body: str
    source: str  # the file, or a description of the built-in text, as messages show it
    subject_line: int = 1  # line numbers in the source, for messages
    body_line: int = 3
    builtin: bool = False

    @property
    def where(self) -> str:
        """"Viestipohjassa FILE", or which built-in text, to start a message with."""
        if self.builtin:
            return f"{_KIND_GENITIVE[self.kind]} sisäänrakennetussa viestipohjassa"
        return f"Viestipohjassa {self.source}"

    def placeholders(self) -> set[str]:
        return {_key(m) for m in _PLACEHOLDER.findall(self.subject + "\n" + self.body)}


def text_file(root: Path, kind: str) -> Path:
    return root / TEXTS_FOLDER / TEXT_FILES[kind]


def load_text(root: Path, kind: str) -> MessageText:
    """The coordinator's text for ``kind`` if the working folder has one, else the built-in."""
    path = text_file(root, kind)
    if path.is_file():
        try:
            raw = path.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ConfigError(
                f"Viestipohja {path} ei ole UTF-8-tekstiä. Tallenna se muodossa UTF-8 (Muistio: "
                "Tallenna nimellä → Koodaus: UTF-8)."
            ) from None
        except OSError as exc:
            raise ConfigError(f"Viestipohjaa {path} ei voi lukea: {exc.strerror}.") from None
        text = parse_text(raw, kind, str(path))
    else:
        text = replace(parse_text(DEFAULT_TEXTS[kind], kind,
                                  f"(sisäänrakennettu teksti: {KIND_WORDS[kind]})"),
                       builtin=True)
    check_placeholders(text)
    return text


def parse_text(raw: str, kind: str, source: str) -> MessageText:
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    number = 0
    while number < len(lines) and (not lines[number].strip()
                                   or lines[number].lstrip().startswith("#")):
        number += 1
    found = _SUBJECT.match(lines[number]) if number < len(lines) else None
    if found is None:
        raise ConfigError(
            f"Viestipohjan {source} ensimmäisen rivin pitää olla viestin aihe muodossa "
            "”Aihe: …” (ennen sitä saa olla vain #-merkillä alkavia kommenttirivejä)."
        )
    subject = found.group(1).strip()
    if not subject:
        raise ConfigError(f"Viestipohjan {source} rivillä {number + 1} aihe on tyhjä.")
    body_start = number + 1
    while body_start < len(lines) and not lines[body_start].strip():
        body_start += 1
    body = "\n".join(line.rstrip() for line in lines[body_start:]).rstrip() + "\n"
    if not body.strip():
        raise ConfigError(f"Viestipohjassa {source} ei ole tekstiä aiherivin jälkeen.")
    return MessageText(kind, subject, body, source, number + 1, body_start + 1)


def _key(name: str) -> str:
    return unicodedata.normalize("NFC", name.strip()).casefold()


def _line_of(text: MessageText, token: str) -> int:
    if token in text.subject:
        return text.subject_line
    before = text.body[:max(text.body.find(token), 0)]
    return text.body_line + before.count("\n")


def check_placeholders(text: MessageText) -> None:
    """Placeholders known for the kind, the required ones present, no paragraph in the subject."""
    allowed = PLACEHOLDERS[text.kind]
    for match in _PLACEHOLDER.finditer(text.subject + "\n" + text.body):
        name = _key(match.group(1))
        if name not in allowed:
            known = ", ".join(f"{{{k}}}" for k in allowed)
            raise ConfigError(
                f"{text.where} (rivi {_line_of(text, match.group(0))}) on "
                f"tuntematon paikkamerkki {match.group(0)}. Tässä viestissä voi käyttää: {known}."
            )
    for name in REQUIRED.get(text.kind, ()):
        if name not in text.placeholders():
            raise ConfigError(
                f"Viestipohjasta {text.source} puuttuu paikkamerkki {{{name}}} "
                f"({allowed[name]}). Lisää se omalle rivilleen viestin tekstiin."
            )
    for match in _PLACEHOLDER.finditer(text.subject):
        if _key(match.group(1)) in MULTILINE:
            raise ConfigError(
                f"Viestipohjan {text.source} aiherivillä on {match.group(0)}, joka on "
                "kokonainen kappale; siirrä se viestin tekstiin."
            )


def render(text: MessageText, values: Mapping[str, str | None],
           missing_help: Mapping[str, str]) -> tuple[str, str]:
    """``(subject, body)`` with the placeholders replaced; a value of None is an error.

    ``missing_help`` says, per placeholder, how the coordinator gives the missing value.
    """
    own = f"{TEXTS_FOLDER}/{TEXT_FILES[text.kind]}"
    for name in sorted(text.placeholders()):
        if values.get(name) is None:
            token = f"{{{name}}}"
            other = (f"kirjoita oma viestipohja {own} ilman sitä" if text.builtin
                     else f"poista {token} viestipohjasta")
            raise ConfigError(
                f"{text.where} on {token}, mutta sille ei ole arvoa. "
                f"{missing_help.get(name, 'Anna arvo')} tai {other}. Viestejä ei kirjoitettu."
            )

    def fill(template: str) -> str:
        return _PLACEHOLDER.sub(lambda m: str(values[_key(m.group(1))]), template)

    subject = " ".join(fill(text.subject).split())
    body = fill(text.body)
    # An empty paragraph placeholder must not leave a gap of several blank lines.
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(line.rstrip() for line in body.split("\n")))
    return subject, body.strip("\n") + "\n"


def editable_file(kind: str) -> str:
    """The built-in text with notes on top: what ``init`` puts into the working folder."""
    width = max(len(name) for name in PLACEHOLDERS[kind]) + 2
    notes = [
        f"# Viestipohja: kemireport mail --kind {kind} ({KIND_WORDS[kind]}).",
        "# Muokkaa tekstiä vapaasti ja tallenna tiedosto UTF-8-muodossa. #-merkillä alkavat",
        "# rivit ennen Aihe-riviä ovat huomautuksia eivätkä tule viestiin. Jos poistat tämän",
        "# tiedoston, kemireport käyttää sisäänrakennettua tekstiä.",
        "#",
        "# Aaltosulkeissa olevat paikkamerkit korvataan kunkin toimialan tiedoilla:",
        *(f"#   {'{' + name + '}':<{width}}  {what}" for name, what in PLACEHOLDERS[kind].items()),
    ]
    return "\n".join(notes) + "\n\n" + DEFAULT_TEXTS[kind]
