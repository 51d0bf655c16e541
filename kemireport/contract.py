"""The template contract shared by the template writer and the return reader.

Both sides import these names, so a template and its reader cannot drift apart.
"""

from __future__ import annotations

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
STRATEGY_COLUMNS: tuple[str, ...] = ("Tavoite", "Toimenpiteet", "Vastuu ja aikataulu",
                                     "Mittarit, arviointi")
OPEN_COLUMNS: tuple[str, ...] = ("Tila", "Toteuma", "SDG")
HEADER_SEARCH_ROWS = 10

# The workbook's identity lives on a hidden sheet of key/value rows: unlike custom document
# properties, a plain sheet survives every office suite's save (Excel, Excel Online,
# LibreOffice) and python-calamine reads it as cheaply as the data.
IDENTITY_SHEET = "kemireport"
IDENTITY_PRODUCT = "kemireport"
TEMPLATE_VERSION = 1
# Keys in the identity sheet's column A; values in column B.
IDENTITY_KEYS: tuple[str, ...] = (
    "tuote",  # always IDENTITY_PRODUCT
    "pohjan_versio",  # TEMPLATE_VERSION
    "strategia",  # Strategy.id
    "strategian_tarkiste",  # Strategy.fingerprint(department)
    "toimiala",  # Department.code
    "kausi",  # Period.id
    "luotu_ohjelmalla",  # "kemireport <version>"
)
INSTRUCTIONS_SHEET = "Ohjeet"
