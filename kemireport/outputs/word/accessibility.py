"""Accessibility (law 306/2019, WCAG 2.1 AA): what python-docx has no API for, and a self-check.

The self-check reads the written file back as plain XML, not through the objects that wrote
it, so it sees what a screen reader or a converter will see.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

from kemireport.core import ooxml
from kemireport.core.finnish import fi_int

MIN_CONTRAST = 4.5  # WCAG 2.1 AA for normal-size text

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_HEADING_NAME = re.compile(r"^heading\s*([1-9])$", re.IGNORECASE)


# -- colour -------------------------------------------------------------------------------------


def readable_fill(color: str) -> str:
    """A shading (``RRGGBB``, as Word writes it) that black text on it reads at AA contrast.

    The status scale lives in the strategy file and an organisation may choose dark colours;
    the status is written as text, so the shading may only ever help, never hide it.
    """
    return ooxml.readable_fill(color, MIN_CONTRAST).lstrip("#")


# -- what python-docx cannot do ----------------------------------------------------------------


def describe_picture(shape: Any, *, title: str, description: str, name: str) -> None:
    """Alt text on an inline picture: ``descr`` (what a screen reader reads) and ``title``."""
    doc_pr = shape._inline.docPr
    doc_pr.set("descr", description)
    doc_pr.set("title", title)
    doc_pr.set("name", name)
    for c_nv_pr in shape._inline.iter(
            "{http://schemas.openxmlformats.org/drawingml/2006/picture}cNvPr"):
        c_nv_pr.set("name", name)
        c_nv_pr.set("descr", description)


def label_table(table: Any, caption: str, description: str) -> None:
    """``w:tblCaption`` and ``w:tblDescription``: a table's name and summary for assistive tech."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    tbl_pr = table._tbl.tblPr
    for tag, value in (("tblCaption", caption), ("tblDescription", description)):
        for old in tbl_pr.findall(f"{_W}{tag}"):
            tbl_pr.remove(old)
        element = parse_xml(f'<w:{tag} {nsdecls("w")}/>')
        element.set(f"{_W}val", value)
        tbl_pr.append(element)  # the last children of tblPr in the schema order


# -- self-check ---------------------------------------------------------------------------------


class AccessibilityError(RuntimeError):
    """The written report fails its own accessibility check: a bug, not a user error."""


def self_check(path: Path) -> str:
    """Check the written file: return the Finnish one-line result, or raise AccessibilityError."""
    from lxml import etree

    # The parser python-docx itself reads these parts with: no DTD, no entities, no network.
    parser = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True)
    with zipfile.ZipFile(path) as package:
        document = etree.fromstring(package.read("word/document.xml"), parser)
        styles = etree.fromstring(package.read("word/styles.xml"), parser)
        core = etree.fromstring(package.read("docProps/core.xml"), parser)
    problems: list[str] = []

    levels = _heading_levels(styles)
    headings = 0
    previous = 0
    for paragraph in document.iter(f"{_W}p"):
        style = paragraph.find(f"{_W}pPr/{_W}pStyle")
        level = levels.get(style.get(f"{_W}val", "")) if style is not None else None
        if level is None:
            continue
        headings += 1
        text = "".join(t.text or "" for t in paragraph.iter(f"{_W}t")).strip()
        if not text:
            problems.append(f"tyhjä otsikko (taso {level})")
        if level > previous + 1:
            problems.append(f"otsikkotaso {level} tasolta {previous} (”{text[:40]}”)")
        previous = level
    if headings == 0:
        problems.append("asiakirjassa ei ole otsikoita")

    pictures = list(document.iter(f"{_WP}docPr"))
    described = [p for p in pictures if (p.get("descr") or "").strip()]
    if len(described) != len(pictures):
        problems.append(f"vaihtoehtoinen teksti puuttuu {len(pictures) - len(described)} kuvasta")

    tables = list(document.iter(f"{_W}tbl"))
    with_header = 0
    for table in tables:
        first = table.find(f"{_W}tr")
        marker = first.find(f"{_W}trPr/{_W}tblHeader") if first is not None else None
        caption = table.find(f"{_W}tblPr/{_W}tblCaption")
        if marker is not None and marker.get(f"{_W}val", "true") not in {"0", "false"}:
            with_header += 1
        if caption is None or not (caption.get(f"{_W}val") or "").strip():
            problems.append("taulukolta puuttuu otsikko (tblCaption)")
    if with_header != len(tables):
        problems.append(f"toistuva otsikkorivi puuttuu {len(tables) - with_header} taulukosta")

    lang = styles.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr/{_W}lang")
    language = lang.get(f"{_W}val") if lang is not None else None
    if language != "fi-FI":
        problems.append(f"asiakirjan kieli on {language or 'määrittämättä'}, ei fi-FI")
    for tag, shown in (("title", "otsikko"), ("subject", "aihe"), ("creator", "tekijä"),
                       ("language", "kieli")):
        element = core.find(f"{_DC}{tag}")
        if element is None or not (element.text or "").strip():
            problems.append(f"asiakirjan ominaisuuksista puuttuu {shown}")

    if problems:
        raise AccessibilityError("Saavutettavuustarkistus epäonnistui: " + "; ".join(problems))
    return (
        f"Saavutettavuustarkistus: kunnossa ({fi_int(headings)} otsikkoa oikeassa "
        f"tasojärjestyksessä, kuvien vaihtoehtoiset tekstit {len(described)}/{len(pictures)}, "
        f"taulukoiden otsikkorivit {with_header}/{len(tables)}, kieli fi-FI, "
        "asiakirjan ominaisuudet)"
    )


def _heading_levels(styles: Any) -> dict[str, int]:
    """Paragraph style id → heading level, by built-in name or by outline level."""
    levels: dict[str, int] = {}
    for style in styles.iter(f"{_W}style"):
        if style.get(f"{_W}type") != "paragraph":
            continue
        style_id = style.get(f"{_W}styleId", "")
        name = style.find(f"{_W}name")
        match = _HEADING_NAME.match(name.get(f"{_W}val", "") if name is not None else "")
        outline = style.find(f"{_W}pPr/{_W}outlineLvl")
        if match:
            levels[style_id] = int(match.group(1))
        elif outline is not None and (outline.get(f"{_W}val") or "").isdigit() \
                and int(outline.get(f"{_W}val") or 9) < 9:
            levels[style_id] = int(outline.get(f"{_W}val") or 0) + 1
    return levels
