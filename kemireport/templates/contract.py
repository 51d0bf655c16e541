"""The template contract shared by the template writer, the return reader and the checks.

Every side imports these names, so a template and its reader cannot drift apart: the header
row, the identity sheet and its keys, the sheet protection, and the fingerprints a workbook
carries of the strategy text and of pre-filled answers.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping

# The header row of every data sheet, in this order (DESIGN.md, "Templates"): within the first
# ``HEADER_SEARCH_ROWS`` rows, possibly with more columns after them.
HEADERS: tuple[str, ...] = (
    "Tunniste",
    "Tavoite",
    "Toimenpiteet",
    "Vastuu ja aikataulu",
    "Mittarit, arviointi",
    "Tila",
    "Toteuma",
    "SDG",
)
# Added for the board's decision material, after SDG in the same header row (template version 2):
# why an action deviates and what is done about it, and its new schedule.
DEVIATION = "Poikkeaman syy ja korjaavat toimenpiteet"
NEW_SCHEDULE = "Uusi aikataulu"
EXTENSIONS: tuple[str, ...] = (DEVIATION, NEW_SCHEDULE)
ALL_HEADERS: tuple[str, ...] = (*HEADERS, *EXTENSIONS)
STRATEGY_COLUMNS: tuple[str, ...] = ("Tavoite", "Toimenpiteet", "Vastuu ja aikataulu",
                                     "Mittarit, arviointi")
OPEN_COLUMNS: tuple[str, ...] = ("Tila", "Toteuma", "SDG", *EXTENSIONS)
HEADER_SEARCH_ROWS = 10

# The workbook's identity lives on a hidden sheet of key/value rows: unlike custom document
# properties, a plain sheet survives every office suite's save (Excel, Excel Online,
# LibreOffice) and python-calamine reads it as cheaply as the data.
IDENTITY_SHEET = "kemireport"
IDENTITY_PRODUCT = "kemireport"
TEMPLATE_VERSION = 2
# Versions this kemireport reads. Version 1 (before the deviation columns and the sign-off) is
# still read and reported, with a template-outdated finding.
READABLE_VERSIONS = frozenset({1, TEMPLATE_VERSION})
# Keys in the identity sheet's column A; values in column B.
IDENTITY_KEYS: tuple[str, ...] = (
    "tuote",  # always IDENTITY_PRODUCT
    "pohjan_versio",  # TEMPLATE_VERSION
    "strategia",  # Strategy.id
    "strategian_tarkiste",  # Strategy.fingerprint(department)
    "toimiala",  # Department.code
    "kausi",  # Period.id
    "luotu_ohjelmalla",  # "kemireport <version>"
    "tunnisteen_tarkiste",  # identity_fingerprint of the keys above (IDENTITY_FINGERPRINTED)
)
IDENTITY_FINGERPRINT_KEY = "tunnisteen_tarkiste"
# The identity values the fingerprint covers: an edit of any of them (a period typed over in
# the hidden sheet) no longer matches. Templates written before the key existed have none, and
# are read as before.
IDENTITY_FINGERPRINTED: tuple[str, ...] = (
    "tuote", "pohjan_versio", "strategia", "strategian_tarkiste", "toimiala", "kausi",
)
INSTRUCTIONS_SHEET = "Ohjeet"

# Indicator values (DESIGN.md): a sheet of its own, one row per indicator of the department. Its
# header row holds at least INDICATOR_REQUIRED; "Arvo" is the open value cell (a number).
INDICATOR_SHEET = "Mittarit"
VALUE = "Arvo"
SOURCE = "Lähde tai huomio"
INDICATOR_HEADERS: tuple[str, ...] = (
    "Tunniste", "Toimenpide", "Mittari", "Yksikkö", "Parempi suunta", "Lähtötaso", "Tavoite",
    VALUE, SOURCE,
)
INDICATOR_REQUIRED: tuple[str, ...] = ("Tunniste", "Mittari", "Yksikkö", VALUE, SOURCE)

# The sign-off: two single cells on the instructions sheet, reached through workbook-level
# defined names (DESIGN.md), which survive Excel's and LibreOffice's saves wherever the cells
# move. No Finnish letters in the names: Excel's name rules and older files handle ASCII best.
APPROVER_NAME = "Hyvaksyja"
APPROVED_NAME = "Hyvaksytty"

# Answers carried forward from an earlier period (``templates --from``): the period, and one
# key per pre-filled Toteuma holding its fingerprint, e.g. "edellinen:EK-YMP-01".
CARRIED_FROM_KEY = "edellinen_kausi"
CARRIED_PREFIX = "edellinen:"

PROTECTION = {  # no password: nobody is ever locked out of their own report
    "select_locked_cells": True, "select_unlocked_cells": True,
    "format_columns": True, "format_rows": True,
}


def text_fingerprint(text: str) -> str:
    """A short hash of a text, blind to whitespace differences an office suite may introduce."""
    normal = " ".join(str(text).split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:16]


def identity_fingerprint(values: Mapping[str, str]) -> str:
    """A fingerprint of a workbook's own identity values (``IDENTITY_FINGERPRINTED``).

    It detects an identity edited by hand, not a forgery: whoever knows this function can
    recompute it, which is no more than anyone could do by filling the right template.
    """
    text = "\n".join(f"{key}={values.get(key, '')}" for key in IDENTITY_FINGERPRINTED)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
