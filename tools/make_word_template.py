"""Regenerate the default Word template ``kemireport-pohja.docx`` from python-docx's default.

The template is the report's look: fonts, heading styles, captions, table styles, A4 pages.
A city replaces it with its own template (``--word-template``); this script only exists so the
default is not a mystery binary. Run from the repository root:

    python tools/make_word_template.py

It writes ``kemireport/outputs/word/kemireport-pohja.docx`` (what the installed package uses)
and a copy in
``templates/kemireport-pohja.docx``. The output is byte-for-byte reproducible for one python-docx
version: fixed document properties and fixed zip timestamps.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import re
import sys
import zipfile
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor

ROOT = Path(__file__).resolve().parents[1]
if (ROOT / "kemireport").is_dir() and str(ROOT) not in sys.path:  # a checkout, not installed
    sys.path.insert(0, str(ROOT))

from kemireport.outputs.word.document import number_headings  # noqa: E402

TARGETS = (ROOT / "kemireport" / "outputs" / "word" / "kemireport-pohja.docx",
           ROOT / "templates" / "kemireport-pohja.docx")

FONT = "Arial"  # on every Windows machine; LibreOffice substitutes the metric twin Liberation Sans
DARK_BLUE = RGBColor(0x1F, 0x38, 0x64)  # 11.9:1 on white
DARK_GREY = RGBColor(0x40, 0x40, 0x40)  # 10.4:1 on white
HEADER_FILL = "D9E2F3"  # black text on it: 16.0:1
OVERVIEW_FILL = "EEF3FA"  # the coordinator's overview: black text on it 18.6:1
OVERVIEW_RULE = "1F3864"  # its left rule
FIXED_TIME = dt.datetime(2025, 1, 1, 0, 0, 0)


def main() -> int:
    doc = Document()
    _page_setup(doc)
    _defaults(doc)
    _headings(doc)
    _other_styles(doc)
    # Numbered headings ("1", "1.1"), as a board document refers to its chapters by number;
    # the report writer adds the same numbering to a city's template that has none.
    number_headings(doc, ("Heading1", "Heading2", "Heading3"))
    _table_style(doc)
    _properties(doc)
    buffer = io.BytesIO()
    doc.save(buffer)
    data = _reproducible(buffer.getvalue())
    for target in TARGETS:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    print(f"Kirjoitettu {', '.join(str(t.relative_to(ROOT)) for t in TARGETS)}")
    return 0


def _page_setup(doc: Any) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.0))
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.0)
    section.header_distance, section.footer_distance = Cm(1.0), Cm(1.0)
    # The title page carries no page number.
    section.different_first_page_header_footer = True


def _fonts(rpr: Any, size_pt: float | None = None) -> None:
    """Set explicit fonts and drop theme-font references (they would win over the explicit)."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = parse_xml(f"<w:rFonts {nsdecls('w')}/>")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        if attr.lower().endswith("theme"):  # asciiTheme, hAnsiTheme, cstheme, …
            del fonts.attrib[attr]
    for attr in ("ascii", "hAnsi", "cs", "eastAsia"):
        fonts.set(qn(f"w:{attr}"), FONT)
    if size_pt is not None:
        for tag in ("w:sz", "w:szCs"):
            for old in rpr.findall(qn(tag)):
                rpr.remove(old)
            rpr.append(parse_xml(
                f'<{tag} {nsdecls("w")} w:val="{round(size_pt * 2)}"/>'))


def _defaults(doc: Any) -> None:
    styles = doc.styles.element
    rpr = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _fonts(rpr, 10.5)
    for old in rpr.findall(qn("w:lang")):
        rpr.remove(old)
    rpr.append(parse_xml(
        f'<w:lang {nsdecls("w")} w:val="fi-FI" w:eastAsia="fi-FI" w:bidi="ar-SA"/>'))
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    _fonts(normal.element.get_or_add_rPr())
    normal.element.get_or_add_rPr().append(parse_xml(f'<w:lang {nsdecls("w")} w:val="fi-FI"/>'))
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    normal.paragraph_format.widow_control = True


def _headings(doc: Any) -> None:
    sizes = {1: 17, 2: 13.5, 3: 11.5}
    for level, size in sizes.items():
        style = doc.styles[f"Heading {level}"]
        _fonts(style.element.get_or_add_rPr(), size)
        style.font.bold = True
        style.font.italic = False
        style.font.color.rgb = DARK_BLUE
        style.paragraph_format.space_before = Pt(18 if level == 1 else 12)
        style.paragraph_format.space_after = Pt(6)
        style.paragraph_format.keep_with_next = True
        style.paragraph_format.keep_together = True
    title = doc.styles["Title"]
    _fonts(title.element.get_or_add_rPr(), 28)
    title.font.color.rgb = DARK_BLUE
    title.paragraph_format.space_before = Pt(120)
    title.paragraph_format.space_after = Pt(12)
    subtitle = doc.styles["Subtitle"]
    _fonts(subtitle.element.get_or_add_rPr(), 18)
    subtitle.font.italic = False
    subtitle.font.color.rgb = DARK_GREY
    subtitle.paragraph_format.space_after = Pt(36)


def _paragraph_style(doc: Any, name: str, base: str) -> Any:
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles[base]
    style.quick_style = True
    return style


def _other_styles(doc: Any) -> None:
    caption = doc.styles["Caption"]
    _fonts(caption.element.get_or_add_rPr(), 9.5)
    caption.font.bold = True
    caption.font.color.rgb = DARK_GREY
    caption.paragraph_format.space_before = Pt(6)
    caption.paragraph_format.space_after = Pt(4)

    toc_heading = doc.styles["TOC Heading"]
    toc_heading.font.color.rgb = DARK_BLUE
    for level, indent in ((1, 0.0), (2, 0.6)):
        # Word's built-in names are lower-case "toc N"; python-docx maps "TOC N" to them.
        style = _paragraph_style(doc, f"TOC {level}", "Normal")
        style.element.find(qn("w:name")).set(qn("w:val"), f"toc {level}")
        style.paragraph_format.left_indent = Cm(indent)
        style.paragraph_format.space_after = Pt(3 if level == 1 else 1)
        style.font.bold = level == 1
        style.paragraph_format.tab_stops.add_tab_stop(Cm(17.0), WD_TAB_ALIGNMENT.RIGHT,
                                                        WD_TAB_LEADER.DOTS)

    cell = _paragraph_style(doc, "Taulukon teksti", "Normal")
    _fonts(cell.element.get_or_add_rPr(), 9.5)
    cell.paragraph_format.space_after = Pt(2)
    cell.paragraph_format.line_spacing = 1.0
    header = _paragraph_style(doc, "Taulukon otsikko", "Taulukon teksti")
    header.font.bold = True
    header.paragraph_format.keep_with_next = True

    cover = _paragraph_style(doc, "Kansilehden tieto", "Normal")
    _fonts(cover.element.get_or_add_rPr(), 12)
    cover.paragraph_format.space_after = Pt(4)

    # The coordinator's overview stands apart from the departments' answers: a shaded block
    # with a rule on the left. Adjacent paragraphs of the same border merge into one block.
    box = _paragraph_style(doc, "Katsaus", "Normal")
    box.paragraph_format.left_indent = Cm(0.3)
    box.paragraph_format.right_indent = Cm(0.3)
    box.paragraph_format.space_after = Pt(4)
    box.element.get_or_add_pPr().append(parse_xml(
        f'<w:pBdr {nsdecls("w")}>'
        f'<w:left w:val="single" w:sz="24" w:space="8" w:color="{OVERVIEW_RULE}"/>'
        '</w:pBdr>'))
    box.element.get_or_add_pPr().append(parse_xml(
        f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{OVERVIEW_FILL}"/>'))
    label = _paragraph_style(doc, "Katsauksen otsikko", "Katsaus")
    label.font.bold = True
    label.font.color.rgb = DARK_BLUE
    label.paragraph_format.keep_with_next = True
    item = _paragraph_style(doc, "Katsaus, luettelo", "Katsaus")
    item.paragraph_format.left_indent = Cm(0.9)
    item.paragraph_format.first_line_indent = Cm(-0.5)
    item.paragraph_format.space_after = Pt(2)
    item.paragraph_format.tab_stops.add_tab_stop(Cm(0.9))

    footer = doc.styles["Footer"]
    _fonts(footer.element.get_or_add_rPr(), 9)
    footer.font.color.rgb = DARK_GREY
    footer.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _table_style(doc: Any) -> None:
    """A table style of our own: grid lines, a shaded header row, cell margins."""
    grid = doc.styles["Table Grid"].element
    style = copy.deepcopy(grid)
    style.set(qn("w:styleId"), "Kemireporttaulukko")
    style.find(qn("w:name")).set(qn("w:val"), "Kemireport-taulukko")
    style.find(qn("w:basedOn")).set(qn("w:val"), "TableGrid")
    for tag in ("w:uiPriority", "w:rsid"):
        for old in style.findall(qn(tag)):
            style.remove(old)
    style.append(parse_xml(
        f'<w:tblStylePr {nsdecls("w")} w:type="firstRow">'
        '<w:rPr><w:b/><w:bCs/></w:rPr>'
        f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{HEADER_FILL}"/></w:tcPr>'
        '</w:tblStylePr>'))
    grid.addnext(style)


def _properties(doc: Any) -> None:
    props = doc.core_properties
    props.author = ""
    props.last_modified_by = ""
    props.title = ""
    props.subject = ""
    props.keywords = ""
    props.comments = ""
    props.language = "fi-FI"
    props.revision = 1
    props.created = FIXED_TIME
    props.modified = FIXED_TIME
    props.last_printed = FIXED_TIME
    settings = doc.settings.element
    # python-docx's default claims to be spell-checked; Word should check the report's text.
    for proof in settings.findall(qn("w:proofState")):
        settings.remove(proof)
    lang = settings.find(qn("w:themeFontLang"))
    if lang is None:
        settings.append(parse_xml(f'<w:themeFontLang {nsdecls("w")} w:val="fi-FI"/>'))
    else:
        lang.set(qn("w:val"), "fi-FI")


_APP_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Template>kemireport-pohja.docx</Template><Application>kemireport</Application>"
    "</Properties>"
)


def _reproducible(data: bytes) -> bytes:
    """Drop python-docx's thumbnail, neutralise app.xml and fix every zip timestamp."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(
            out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            name = info.filename
            if name == "docProps/thumbnail.jpeg":
                continue
            blob = source.read(name)
            if name == "_rels/.rels":
                blob = re.sub(rb"<Relationship [^>]*thumbnail[^>]*/>", b"", blob)
            elif name == "docProps/app.xml":
                blob = _APP_XML.encode("utf-8")
            entry = zipfile.ZipInfo(name, date_time=FIXED_TIME.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, blob)
    return out.getvalue()


if __name__ == "__main__":
    if len(sys.argv) > 1:
        print(__doc__)
        sys.exit(2)
    sys.exit(main())
