"""Finnish for click's own words ("Usage:", "Options", error messages).

click marks its user-facing strings for gettext but ships no translations, and installing a
message catalogue would need a writable system locale folder. Every user-facing word must be
Finnish, so we point the ``_``/``ngettext`` names inside click's modules at this table instead.
Unknown strings pass through unchanged.
"""

from __future__ import annotations

import importlib

_FI: dict[str, str] = {
    "Usage:": "Käyttö:",
    "Options": "Valinnat",
    "Commands": "Komennot",
    "Show this message and exit.": "Näytä tämä ohje ja lopeta.",
    "Show the version and exit.": "Näytä versio ja lopeta.",
    "%(prog)s, version %(version)s": "%(prog)s, versio %(version)s",
    "Error": "Virhe",
    "Error: {message}": "Virhe: {message}",
    "Aborted!": "Keskeytetty.",
    "Try '{command} {option}' for help.": "Ohjeet: '{command} {option}'.",
    "No such option: {name}": "Tuntematon valinta: {name}",
    "No such option {name!r}.": "Tuntematon valinta {name!r}.",
    "No such command {name!r}.": "Tuntematon komento {name!r}.",
    "Missing command.": "Komento puuttuu.",
    "Missing argument": "Puuttuva argumentti",
    "Missing option": "Puuttuva valinta",
    "Missing parameter": "Puuttuva parametri",
    "Missing {param_type}": "Puuttuu: {param_type}",
    "Missing parameter: {param_name}": "Puuttuva parametri: {param_name}",
    "Invalid value for {param_hint}: {message}": "Virheellinen arvo ({param_hint}): {message}",
    "Invalid value: {message}": "Virheellinen arvo: {message}",
    "Option {name!r} does not take a value.": "Valinta {name!r} ei ota arvoa.",
    "Option {name!r} requires an argument.": "Valinta {name!r} tarvitsee arvon.",
    "Option {name!r} requires {nargs} arguments.": "Valinta {name!r} tarvitsee {nargs} arvoa.",
    "Got unexpected extra argument ({args})": "Ylimääräinen argumentti ({args})",
    "Got unexpected extra arguments ({args})": "Ylimääräisiä argumentteja ({args})",
    "Did you mean {possibility}?": "Tarkoititko {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(Tarkoititko jotakin näistä: {possibilities}?)",
    "{value!r} is not {choice}.": "{value!r} ei ole {choice}.",
    "{value!r} is not one of {choices}.": "{value!r} ei ole mikään näistä: {choices}.",
    "{value!r} is not a valid {number_type}.": "{value!r} ei ole kelvollinen luku.",
    "{value} is not in the range {range}.": "{value} ei ole välillä {range}.",
    "{name} {filename!r} does not exist.": "{name} {filename!r} ei ole olemassa.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} on kansio.",
    "{name} {filename!r} is a file.": "{name} {filename!r} on tiedosto.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} ei ole luettavissa.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} ei ole kirjoitettavissa.",
    "Could not open file {filename!r}: {message}": "Tiedostoa {filename!r} ei voi avata: {message}",
    "file": "Tiedosto",
    "directory": "Kansio",
    "path": "Polku",
    "default: {default}": "oletus: {default}",
    "required": "pakollinen",
    "unknown error": "tuntematon virhe",
}


def _gettext(message: str) -> str:
    return _FI.get(message, message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    return _gettext(singular if n == 1 else plural)


def install() -> None:
    for name in ("core", "exceptions", "formatting", "decorators", "parser", "types", "termui"):
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = _gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = _ngettext  # type: ignore[attr-defined]
