"""Faults of the machine (a full disk, a read-only folder, a file where a folder should be) as
one Finnish sentence that names the path and says what to do; never an "internal error"."""

from __future__ import annotations

import errno

from kemireport.core.names import shown_path
from kemireport.errors import OutputError

# What an operating-system error means, in Finnish, and what the user can do about it.
_OS_REASONS = {
    "EACCES": ("ei ole kirjoitus- tai lukuoikeutta",
               "Tarkista kansion oikeudet tai valitse kansio, johon sinulla on oikeus kirjoittaa."),
    "EPERM": ("ei ole kirjoitus- tai lukuoikeutta",
              "Tarkista kansion oikeudet tai valitse kansio, johon sinulla on oikeus kirjoittaa."),
    "EROFS": ("levy on vain luettavissa",
              "Valitse kansio levyltä, jolle voi kirjoittaa."),
    "ENOSPC": ("levy on täynnä",
               "Vapauta levytilaa tai valitse toinen kansio ja aja komento uudelleen."),
    "EDQUOT": ("levytilakiintiösi on täynnä",
               "Vapauta levytilaa tai valitse toinen kansio ja aja komento uudelleen."),
    "ENOTDIR": ("polun osa on tiedosto eikä kansio",
                "Anna kansion polku tai siirrä samanniminen tiedosto pois tieltä."),
    "EISDIR": ("tiedoston paikalla on kansio",
               "Siirrä kansio pois tieltä tai valitse toinen kansio."),
    "EEXIST": ("samanniminen tiedosto on jo olemassa",
               "Siirrä tiedosto pois tieltä tai valitse toinen kansio."),
    "ENOENT": ("polkua ei ole",
               "Tarkista polku."),
    "ENAMETOOLONG": ("nimi on liian pitkä",
                     "Valitse lyhyempi kansiopolku."),
    "EIO": ("levy ilmoitti lukuvirheestä tai kirjoitusvirheestä",
            "Tarkista levy tai valitse toinen kansio."),
    "EBUSY": ("tiedosto on toisen ohjelman käytössä",
              "Sulje ohjelma, jossa tiedosto on auki, ja aja komento uudelleen."),
}


def environment_error(exc: OSError, path: object = None, *, what: str = "Tiedostoa") -> OutputError:
    """An ``OutputError`` that names the path, says what went wrong and what to do.

    ``what`` is the partitive noun phrase that starts the sentence ("Raporttien kansiota").
    """
    name = errno.errorcode.get(exc.errno or 0, "")
    target = path if path is not None else (exc.filename or "")
    reason, advice = _OS_REASONS.get(
        name, (f"järjestelmä ilmoitti virheen {name or exc.errno}",
               "Tarkista polku ja levy ja aja komento uudelleen."))
    return OutputError(f"{what} {shown_path(target)} ei voi käyttää: {reason}. {advice}")
