"""The document frame: the template and its styles, sections, fields, footer and properties.

Everything the reader sees takes its look from named styles, so a city's own template
(``--word-template``) replaces the look without code changes. Styles are found by their
built-in name, whatever the template's language calls them in Word's menus; a style the
template lacks is copied from the default template, so the report never falls back to
direct formatting.
"""

from __future__ import annotations

import copy
import io
import os
import re
import stat
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from kemireport.core.names import shown_path
from kemireport.errors import ConfigError

DEFAULT_TEMPLATE = "kemireport-pohja.docx"
LANGUAGE = "fi-FI"

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_TEMPLATE_TYPES = (
    b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    b"application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)
_DOCUMENT_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def w(tag: str) -> str:
    """Clark notation for a WordprocessingML name: ``w("p")`` → ``{…/main}p``."""
    return f"{{{_W}}}{tag}"


def default_template_path() -> Path:
    # Beside this module, as pip installs package data (importlib.resources costs ~6 ms of
    # start-up, and its answer was turned into a path all the same).
    return Path(__file__).with_name(DEFAULT_TEMPLATE)


# -- the template -------------------------------------------------------------------------------


MAX_TEMPLATE_BYTES = 20 * 2**20  # a letterhead template with its logos is well below this


def open_template(path: Path | None) -> Any:
    """A ``docx.Document`` with the template's styles, sections and headers but no body text.

    A given template is checked like a returned workbook before python-docx sees it: a regular
    file under the size limit, a zip package within the same structural limits, no DTD.
    """
    import docx

    from kemireport.reading.safety import DEFAULT_LIMITS, package_hazard

    source = default_template_path() if path is None else Path(path)
    shown = shown_path(source)
    advice = ("Anna valinnalla --word-template (tai asetuksella word_template) Wordissa "
              "tallennettu .docx- tai .dotx-tiedosto.")
    data = _read_template(source, shown, advice)
    limits = replace(DEFAULT_LIMITS, max_file_bytes=MAX_TEMPLATE_BYTES)
    hazard = package_hazard(data, limits) if data.startswith(b"PK") else None
    if hazard is not None:
        raise ConfigError(
            f"Word-pohjaa {shown} ei käytetä, koska se ei ole ehjä Word-tiedosto ({hazard}). "
            f"{advice}")
    try:
        doc = docx.Document(io.BytesIO(_as_document(data)))
    except Exception:  # python-docx raises many kinds for a file that is not a .docx
        raise ConfigError(
            f"Word-pohja {shown} ei ole Word-asiakirja tai -pohja (.docx tai .dotx). {advice}"
        ) from None
    body = doc.element.body
    for child in list(body):
        if child.tag != w("sectPr"):
            body.remove(child)
    return doc


def _read_template(source: Path, shown: str, advice: str) -> bytes:
    """The template's bytes: a regular file, at most ``MAX_TEMPLATE_BYTES``, never a pipe."""
    flags = (os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0))
    try:
        fd = os.open(source, flags)
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise ConfigError(f"Word-pohja {shown} ei ole tavallinen tiedosto. {advice}")
            if info.st_size > MAX_TEMPLATE_BYTES:
                raise ConfigError(
                    f"Word-pohja {shown} on liian suuri ({info.st_size / 2**20:.0f} Mt; "
                    f"enintään {MAX_TEMPLATE_BYTES // 2**20} Mt). {advice}")
            return handle.read(MAX_TEMPLATE_BYTES + 1)
    except FileNotFoundError:
        raise ConfigError(f"Word-pohjaa {shown} ei voi lukea: tiedostoa ei ole. {advice}") from None
    except IsADirectoryError:
        raise ConfigError(f"Word-pohja {shown} on kansio eikä tiedosto. {advice}") from None
    except OSError as exc:
        raise ConfigError(f"Word-pohjaa {shown} ei voi lukea ({exc.strerror or exc}). "
                          f"{advice}") from None


def _as_document(data: bytes) -> bytes:
    """A Word template (.dotx/.dotm) is a document with another content type: relabel it."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            types = package.read("[Content_Types].xml")
            if not any(t in types for t in _TEMPLATE_TYPES):
                return data
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
                for info in package.infolist():
                    blob = package.read(info.filename)
                    if info.filename == "[Content_Types].xml":
                        for kind in _TEMPLATE_TYPES:
                            blob = blob.replace(kind, _DOCUMENT_TYPE)
                    target.writestr(info, blob)
            return out.getvalue()
    except (zipfile.BadZipFile, KeyError):
        return data  # python-docx gives the error message


# -- styles -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Styles:
    """The style ids the report uses, resolved once for the template at hand."""

    title: str
    subtitle: str
    cover: str
    headings: tuple[str, str, str]
    caption: str
    toc_heading: str
    toc: tuple[str, str]
    cell: str
    cell_header: str
    table: str
    footer: str
    normal: str
    overview: str  # the coordinator's text: a block of its own
    overview_label: str
    overview_item: str


# Built-in names as stored in styles.xml (Word localises only what its menus show).
_WANTED: dict[str, tuple[str, ...]] = {
    "title": ("Title",),
    "subtitle": ("Subtitle",),
    "cover": ("Kansilehden tieto",),
    "heading1": ("heading 1",),
    "heading2": ("heading 2",),
    "heading3": ("heading 3",),
    "caption": ("caption",),
    "toc_heading": ("TOC Heading",),
    "toc1": ("toc 1",),
    "toc2": ("toc 2",),
    "cell": ("Taulukon teksti",),
    "cell_header": ("Taulukon otsikko",),
    "table": ("Kemireport-taulukko", "Table Grid"),
    "footer": ("footer",),
    "normal": ("Normal",),
    "overview": ("Katsaus",),
    "overview_label": ("Katsauksen otsikko",),
    "overview_item": ("Katsaus, luettelo",),
}


def resolve_styles(doc: Any) -> Styles:
    """Find every style the report needs, copying the missing ones from the default template."""
    element = doc.styles.element
    default: Any = None
    ids: dict[str, str] = {}
    tables = _style_tables(element)
    for key, names in _WANTED.items():
        found = _find_style(element, names, tables)
        if found is None:
            if default is None:
                default = open_template(None).styles.element
            found = _import_style(element, default, names[0])
            tables = _style_tables(element)  # one more style now
        ids[key] = found
    return Styles(
        title=ids["title"], subtitle=ids["subtitle"], cover=ids["cover"],
        headings=(ids["heading1"], ids["heading2"], ids["heading3"]), caption=ids["caption"],
        toc_heading=ids["toc_heading"], toc=(ids["toc1"], ids["toc2"]), cell=ids["cell"],
        cell_header=ids["cell_header"], table=ids["table"], footer=ids["footer"],
        normal=ids["normal"], overview=ids["overview"], overview_label=ids["overview_label"],
        overview_item=ids["overview_item"],
    )


def _key(name: str) -> str:
    return re.sub(r"[\s_-]", "", name).casefold()


def _style_tables(styles: Any) -> tuple[dict[str, str], dict[str, str]]:
    """Style ids by their names and by their ids, as ``_key`` compares them."""
    by_name: dict[str, str] = {}
    by_id: dict[str, str] = {}
    for style in styles.findall(w("style")):
        style_id = style.get(w("styleId")) or ""
        name = style.find(w("name"))
        if name is not None:
            by_name.setdefault(_key(name.get(w("val")) or ""), style_id)
        by_id.setdefault(_key(style_id), style_id)
    return by_name, by_id


def _find_style(styles: Any, names: tuple[str, ...],
                tables: tuple[dict[str, str], dict[str, str]] | None = None) -> str | None:
    by_name, by_id = tables if tables is not None else _style_tables(styles)
    for wanted in names:
        for table in (by_name, by_id):
            if _key(wanted) in table:
                return table[_key(wanted)]
    return None


def _import_style(styles: Any, source: Any, name: str) -> str:
    """Copy a style (and the styles it is based on) from the default template."""
    style_id = _find_style(source, (name,))
    if style_id is None:  # pragma: no cover - the default template has every style
        raise RuntimeError(f"oletuspohjasta puuttuu tyyli {name}")
    original = next(s for s in source.findall(w("style")) if s.get(w("styleId")) == style_id)
    based = original.find(w("basedOn"))
    if based is not None:
        base_id = based.get(w("val")) or ""
        base = next(s for s in source.findall(w("style")) if s.get(w("styleId")) == base_id)
        base_name = base.find(w("name")).get(w("val"))
        found = _find_style(styles, (base_name,))
        if found is None:
            found = _import_style(styles, source, base_name)
        clone = copy.deepcopy(original)
        clone.find(w("basedOn")).set(w("val"), found)
    else:
        clone = copy.deepcopy(original)
    # A template may use our id for something else: keep both by renaming ours.
    existing = {s.get(w("styleId")) for s in styles.findall(w("style"))}
    new_id = style_id
    while new_id in existing:
        new_id += "Kr"
    clone.set(w("styleId"), new_id)
    styles.append(clone)
    return new_id


def set_language(doc: Any) -> None:
    """Finnish as the language of the whole document (screen readers and spelling use it)."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    styles = doc.styles.element
    defaults = styles.find(w("docDefaults"))
    if defaults is None:
        defaults = parse_xml(f"<w:docDefaults {nsdecls('w')}/>")
        styles.insert(0, defaults)
    rpr_default = defaults.find(w("rPrDefault"))
    if rpr_default is None:
        rpr_default = parse_xml(f"<w:rPrDefault {nsdecls('w')}><w:rPr/></w:rPrDefault>")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(w("rPr"))
    if rpr is None:
        rpr = parse_xml(f"<w:rPr {nsdecls('w')}/>")
        rpr_default.append(rpr)
    _set_lang(rpr)
    normal = _find_style(styles, ("Normal",))
    if normal is not None:
        style = next(s for s in styles.findall(w("style")) if s.get(w("styleId")) == normal)
        style_rpr = style.find(w("rPr"))
        if style_rpr is None:
            style_rpr = parse_xml(f"<w:rPr {nsdecls('w')}/>")
            style.append(style_rpr)
        _set_lang(style_rpr)
    doc.core_properties.language = LANGUAGE


def _set_lang(rpr: Any) -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    lang = rpr.find(w("lang"))
    if lang is None:
        # rPr children have a schema order; w:lang comes after everything we would meet here
        # except w:eastAsianLayout, w:specVanish and w:oMath.
        lang = parse_xml(f"<w:lang {nsdecls('w')}/>")
        tail = [rpr.find(w(t)) for t in ("eastAsianLayout", "specVanish", "oMath")]
        later = next((t for t in tail if t is not None), None)
        if later is not None:
            later.addprevious(lang)
        else:
            rpr.append(lang)
    lang.set(w("val"), LANGUAGE)


# -- sections -----------------------------------------------------------------------------------


def new_section(doc: Any, *, landscape: bool) -> Any:
    """Start a section on a new page, in landscape for wide tables."""
    from docx.enum.section import WD_ORIENT, WD_SECTION

    section = doc.add_section(WD_SECTION.NEW_PAGE)
    # Only the title page goes without a page number.
    section.different_first_page_header_footer = False
    width, height = section.page_width, section.page_height
    if landscape != (width > height):
        section.page_width, section.page_height = height, width
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    return section


def text_width(section: Any) -> int:
    """The width between the margins, in EMU."""
    return int(section.page_width - section.left_margin - section.right_margin)


# -- fields -------------------------------------------------------------------------------------


def field_runs(instruction: str, shown: str) -> list[Any]:
    """The runs of a complex field with ``shown`` as its last computed result."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    ns = nsdecls("w")
    return [
        parse_xml(f'<w:r {ns}><w:fldChar w:fldCharType="begin"/></w:r>'),
        parse_xml(f'<w:r {ns}><w:instrText xml:space="preserve"> {_escape(instruction)} '
                  "</w:instrText></w:r>"),
        parse_xml(f'<w:r {ns}><w:fldChar w:fldCharType="separate"/></w:r>'),
        parse_xml(f'<w:r {ns}><w:t xml:space="preserve">{_escape(shown)}</w:t></w:r>'),
        parse_xml(f'<w:r {ns}><w:fldChar w:fldCharType="end"/></w:r>'),
    ]


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def add_page_numbers(doc: Any, styles: Styles) -> None:
    """``3 (23)`` in the footer, as Finnish documents number their pages, unless the template's
    footer already numbers them."""
    footer = doc.sections[0].footer
    footer.is_linked_to_previous = False
    xml = footer._element.xml
    if re.search(r"instrText[^>]*>\s*PAGE\b", xml) or 'w:instr="PAGE' in xml:
        return
    paragraph = footer.add_paragraph() if footer.paragraphs[0].text.strip() else \
        footer.paragraphs[0]
    paragraph._p.style = styles.footer
    for run in field_runs("PAGE", "1"):
        paragraph._p.append(run)
    paragraph.add_run(" (")
    for run in field_runs("NUMPAGES", "1"):
        paragraph._p.append(run)
    paragraph.add_run(")")


# -- heading numbers ----------------------------------------------------------------------------

# "1", "1.1", "1.1.1": a number, then a tab to the heading's text.
_LEVEL_TEXT = ("%1", "%1.%2", "%1.%2.%3")
_INDENT = (567, 794, 964)  # twips: room for "1", "1.1", "1.1.1" before the text


def number_headings(doc: Any, headings: tuple[str, ...]) -> None:
    """Numbered headings, as Word numbers them: a multilevel list linked to the heading styles.

    Nothing is done when the template's first heading style is numbered already (a city's own
    template decides its own numbering). Word renumbers the headings by itself; the report's
    references to chapters ("luvussa 5") and its pre-filled contents use the same numbers.
    """
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    style_elements = {s.get(w("styleId")): s for s in doc.styles.element.findall(w("style"))}
    first = style_elements.get(headings[0])
    if first is None or heading_numbered(first):
        return
    numbering = doc.part.numbering_part.element
    abstract_ids = [int(a.get(w("abstractNumId"))) for a in numbering.findall(w("abstractNum"))]
    num_ids = [int(n.get(w("numId"))) for n in numbering.findall(w("num"))]
    abstract_id = max(abstract_ids, default=-1) + 1
    num_id = max(num_ids, default=0) + 1
    levels = "".join(
        f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        f'<w:pStyle w:val="{style_id}"/><w:lvlText w:val="{_LEVEL_TEXT[level]}"/>'
        f'<w:lvlJc w:val="left"/><w:pPr><w:tabs><w:tab w:val="num" w:pos="{_INDENT[level]}"/>'
        f'</w:tabs><w:ind w:left="{_INDENT[level]}" w:hanging="{_INDENT[level]}"/></w:pPr></w:lvl>'
        for level, style_id in enumerate(headings[:3]))
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        f'<w:multiLevelType w:val="multilevel"/>{levels}</w:abstractNum>')
    existing = numbering.findall(w("num"))
    if existing:
        existing[0].addprevious(abstract)  # every abstractNum comes before the first num
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}">'
                               f'<w:abstractNumId w:val="{abstract_id}"/></w:num>'))
    for level, style_id in enumerate(headings[:3]):
        style = style_elements.get(style_id)
        if style is None:
            continue
        num_pr = style.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_ilvl().val = level
        num_pr.get_or_add_numId().val = num_id
    # A style built on a heading (the contents' own heading "Sisällys") would inherit the
    # number: it gets none of its own.
    for style_id, style in style_elements.items():
        based = style.find(w("basedOn"))
        ppr = style.find(w("pPr"))
        if (style_id not in headings and based is not None and based.get(w("val")) in headings
                and (ppr is None or ppr.find(w("numPr")) is None)):
            num_pr = style.get_or_add_pPr().get_or_add_numPr()
            num_pr.get_or_add_ilvl().val = 0
            num_pr.get_or_add_numId().val = 0


def heading_numbered(style: Any) -> bool:
    """Whether a heading style carries a list number."""
    ppr = style.find(w("pPr"))
    num_pr = ppr.find(w("numPr")) if ppr is not None else None
    if num_pr is None:
        return False
    num_id = num_pr.find(w("numId"))
    return num_id is None or num_id.get(w("val")) != "0"


def unnumbered(paragraph: Any) -> None:
    """A heading without its style's number (an appendix is "Liite 1", not chapter 8)."""
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = 0
    num_pr.get_or_add_numId().val = 0


_AFTER_UPDATE_FIELDS = frozenset((
    "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids", "mathPr",
    "attachedSchema", "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures", "forceUpgrade", "captions", "readModeInkLockDown",
    "smartTagType", "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol",
    "listSeparator",
))


def ask_to_update_fields(doc: Any) -> None:
    """Word updates the contents and page numbers when the file is opened (it asks first)."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    settings = doc.settings.element
    update = settings.find(w("updateFields"))
    if update is None:
        update = parse_xml(f'<w:updateFields {nsdecls("w")} w:val="true"/>')
        # settings.xml has a schema order: updateFields goes before the first of these.
        later = next((child for child in settings
                      if child.tag.rpartition("}")[2] in _AFTER_UPDATE_FIELDS), None)
        if later is None:
            settings.append(update)
        else:
            later.addprevious(update)
    update.set(w("val"), "true")


def set_properties(doc: Any, *, title: str, subject: str, author: str, keywords: str,
                   description: str) -> None:
    """The document properties a reader's software shows (and tagged PDF takes its title from)."""
    import datetime as dt

    props = doc.core_properties
    props.title = title
    props.subject = subject
    props.author = author
    props.last_modified_by = author
    props.keywords = keywords
    props.comments = description
    props.category = "Strategian seuranta"
    props.language = LANGUAGE
    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0, tzinfo=None)
    props.created = now
    props.modified = now
    props.revision = 1
