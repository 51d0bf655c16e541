"""E-mail addresses a coordinator writes into the settings: checked, then kept in one form.

The standard library parses the address (``email.headerregistry.Address``); on top of that a few
plain checks catch what the parser lets through but no city mailbox has: a domain without a dot,
spaces, letters outside ASCII (``ä`` in an address is a typing slip in a Finnish city, and a
draft with one could not be written as a standard message anyway).
"""

from __future__ import annotations

import re

# "Name <addr>": only the split into a display name and the address; the address itself is
# parsed by the standard library.
_NAMED = re.compile(r"^(?P<name>[^<>]*)<(?P<addr>[^<>]*)>$")
_LABEL = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$")


class AddressError(ValueError):
    """An address that will not do; the message (Finnish) says why."""


def check_address(text: str) -> str:
    """The address in one standard form (``addr`` or ``Name <addr>``), or ``AddressError``."""
    value = " ".join(str(text).split())
    if not value:
        raise AddressError("osoite on tyhjä")
    named = _NAMED.match(value)
    if named:
        name, addr = named["name"].strip().strip('"').strip(), named["addr"].strip()
    elif "<" in value or ">" in value:
        raise AddressError("kulmasulkeet eivät täsmää; kirjoita muodossa "
                           "Nimi <etunimi.sukunimi@kemi.fi> tai pelkkä osoite")
    else:
        name, addr = "", value
    if addr.count("@") > 1 and re.search(r"[,;\s]", addr):
        raise AddressError("tekstissä on useita osoitteita; kirjoita ne luetteloksi, esim. "
                           'KV = ["eka@kemi.fi", "toka@kemi.fi"]')
    _plain_checks(addr)
    # Imported here: the e-mail package costs every command ~8 ms of start-up, and only the
    # settings' recipients need it.
    from email.errors import HeaderParseError, MessageError
    from email.headerregistry import Address

    try:
        address = Address(display_name=name, addr_spec=addr)
    except (HeaderParseError, MessageError, IndexError, ValueError):
        # IndexError: the parser of some Python versions trips over a trailing '@'.
        raise AddressError("osoite ei ole muotoa etunimi.sukunimi@kemi.fi") from None
    if address.addr_spec != addr:
        raise AddressError("osoite ei ole muotoa etunimi.sukunimi@kemi.fi")
    return str(address)


def _plain_checks(addr: str) -> None:
    if any(c.isspace() for c in addr):
        raise AddressError("osoitteessa on välilyönti")
    odd = sorted({c for c in addr if not c.isascii() or not c.isprintable()})
    if odd:
        raise AddressError(
            f"osoitteessa on merkki {''.join(odd)!r}, jota sähköpostiosoitteissa ei käytetä "
            "(yleensä ä kirjoitetaan a:na ja ö o:na)"
        )
    if "@" not in addr:
        raise AddressError("osoitteesta puuttuu @-merkki")
    if addr.count("@") > 1:
        raise AddressError("osoitteessa on useampi kuin yksi @-merkki")
    local, domain = addr.split("@")
    if not local:
        raise AddressError("osoitteesta puuttuu @-merkkiä edeltävä osa")
    if not domain:
        raise AddressError("osoitteesta puuttuu verkkotunnus @-merkin jälkeen (esim. kemi.fi)")
    labels = domain.split(".")
    if len(labels) < 2:
        raise AddressError(f"verkkotunnuksesta '{domain}' puuttuu piste (esim. kemi.fi)")
    if not all(_LABEL.match(label) for label in labels) or not labels[-1].isalpha():
        raise AddressError(f"verkkotunnus '{domain}' ei ole kelvollinen (esim. kemi.fi)")
