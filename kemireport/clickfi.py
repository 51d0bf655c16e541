"""Finnish for click's own words ("Usage:", "Options", error messages).

click marks its user-facing strings for gettext but ships no translations, and installing a
message catalogue would need a writable system locale folder. Every user-facing word must be
Finnish, so we point the ``_``/``ngettext`` names inside click's modules at this table instead.
The messages click composes from parts (a missing option, a value that is not allowed) are
worded as whole Finnish sentences by replacing the few methods that compose them:
``Valinta --period (-p) puuttuu.``, ``Valinnan --format arvo ”xml” ei kelpaa. Sallitut: text,
json.``. Unknown strings pass through unchanged.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from typing import Any

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
    "Try '{command} {option}' for help.": "Ohje: {command} {option}",
    "No such option: {name}": "Tuntematon valinta {name}.",
    "No such option {name!r}.": "Tuntematon valinta {name}.",
    "No such command {name!r}.": "Tuntematon komento {name}.",
    "Missing command.": "Komento puuttuu.",
    "Got unexpected extra argument ({args})": "Ylimääräinen argumentti: {args}.",
    "Got unexpected extra arguments ({args})": "Ylimääräisiä argumentteja: {args}.",
    "Option {name!r} does not take a value.": "Valinta {name} ei ota arvoa.",
    "Option {name!r} requires an argument.": "Valinnalle {name} puuttuu arvo.",
    "Option {name!r} requires {nargs} arguments.": "Valinnalle {name} pitää antaa {nargs} arvoa.",
    "{value!r} is not a valid {number_type}.": "”{value}” ei ole kelvollinen luku.",
    "{value} is not in the range {range}.": "{value} ei ole välillä {range}.",
    "{name} {filename!r} does not exist.": "{name} ”{filename}” ei ole olemassa.",
    "{name} {filename!r} is a directory.": "{name} ”{filename}” on kansio.",
    "{name} {filename!r} is a file.": "{name} ”{filename}” on tiedosto.",
    "{name} {filename!r} is not readable.": "{name} ”{filename}” ei ole luettavissa.",
    "{name} {filename!r} is not writable.": "{name} ”{filename}” ei ole kirjoitettavissa.",
    "Could not open file {filename!r}: {message}":
        "Tiedostoa ”{filename}” ei voi avata: {message}",
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


def _hint(param: Any, ctx: Any) -> str:
    """How a message names a parameter: ``--period (-p)`` or ``KANSIO``."""
    import click

    if isinstance(param, click.Option):
        longs = [o for o in param.opts if o.startswith("--")]
        shorts = [o for o in param.opts if not o.startswith("--")]
        if longs and shorts:
            return f"{longs[0]} ({', '.join(shorts)})"
        return (longs or shorts)[0]
    if ctx is not None:
        return str(param.make_metavar(ctx)).strip("[]").rstrip(".")
    return str(param.human_readable_name)


def _bad_parameter(self: Any) -> str:
    """``Valinnan --format arvo ”xml” ei kelpaa. Sallitut: text, json.``"""
    import click

    message = str(self.message)
    if self.param is None:
        return f"Virheellinen arvo: {message}"
    hint = _hint(self.param, self.ctx)
    owner = "Valinnan" if isinstance(self.param, click.Option) else "Argumentin"
    if message.startswith("arvo "):
        return f"{owner} {hint} {message}"
    return f"{owner} {hint} arvo ei kelpaa: {message}"


def _missing_parameter(self: Any) -> str:
    """``Valinta --period (-p) puuttuu.``, ``Argumentti KANSIO puuttuu.``"""
    import click

    if self.param is None:
        return "Pakollinen arvo puuttuu."
    what = "Valinta" if isinstance(self.param, click.Option) else "Argumentti"
    return f"{what} {_hint(self.param, self.ctx)} puuttuu."


def _invalid_choice(self: Any, value: Any, ctx: Any) -> str:
    choices = ", ".join(str(c) for c in self.choices)
    return f"arvo ”{value}” ei kelpaa. Sallitut: {choices}."


def _possibilities(possibilities: Iterable[str]) -> str:
    names = sorted(possibilities)
    if len(names) == 1:
        return f"Tarkoititko {names[0]}?"
    return f"Tarkoititko jotakin näistä: {', '.join(names)}?"


def install() -> None:
    import click
    import click.exceptions

    for name in ("core", "exceptions", "formatting", "decorators", "parser", "types", "termui"):
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = _gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = _ngettext  # type: ignore[attr-defined]
    click.exceptions.BadParameter.format_message = _bad_parameter  # type: ignore[method-assign]
    click.exceptions.MissingParameter.format_message = (  # type: ignore[method-assign]
        _missing_parameter)
    if hasattr(click.Choice, "get_invalid_choice_message"):
        click.Choice.get_invalid_choice_message = _invalid_choice  # type: ignore[method-assign]
    if hasattr(click.exceptions, "_format_possibilities"):
        click.exceptions._format_possibilities = _possibilities
