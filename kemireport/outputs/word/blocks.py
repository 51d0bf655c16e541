"""Building blocks of the report body: headings, paragraphs, captions, tables, pictures, contents.

Paragraphs and cells are built on python-docx's XML elements with style ids resolved once:
looking a style up by name for each of thousands of cells, or reaching cells through
``table.cell(r, c)``, costs more than everything else together.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape as xml_escape

from kemireport.core.finnish import clean
from kemireport.outputs.word.accessibility import describe_picture, label_table, readable_fill
from kemireport.outputs.word.document import Styles, field_runs, text_width, unnumbered, w
from kemireport.reading.overview import Block

# A row with more text than this may split across pages: kept whole it might not fit a page.
KEEP_ROW_TOGETHER_MAX = 1500


@dataclass(frozen=True)
class Column:
    header: str
    share: float  # relative width


@dataclass(frozen=True)
class Cell:
    """A cell's text (one paragraph per line) and an optional fill colour as a second cue."""

    text: str
    fill: str | None = None
    emphasis: bool = False  # written in the header style (bold), e.g. a total row


@dataclass
class Builder:
    """The document being built, with its resolved styles and running numbers."""

    doc: Any
    styles: Styles
    headings: list[tuple[int, str, str]] = field(default_factory=list)  # level, text, bookmark
    tables: int = 0
    figures: int = 0
    numbers: dict[str, str] = field(default_factory=dict)  # a heading's key -> its number
    _bookmark: int = 0
    _counters: list[int] = field(default_factory=lambda: [0, 0, 0])
    _references: list[tuple[Any, str]] = field(default_factory=list)  # run, text with ⟦key⟧

    # -- text ------------------------------------------------------------------------------------

    def paragraph(self, text: str = "", style: str | None = None) -> Any:
        """A paragraph; ``⟦key⟧`` in ``text`` becomes the number of the heading of that key
        (``luvussa ⟦deviations⟧`` → ``luvussa 5``), even of a heading written later."""
        paragraph = self.doc.add_paragraph()
        paragraph._p.style = style or self.styles.normal
        if text:
            run = paragraph._p.add_r()
            run.text = clean(text)
            if "⟦" in text:
                self._references.append((run, clean(text)))
        return paragraph

    def heading(self, level: int, text: str, *, key: str = "", numbered: bool = True) -> Any:
        """A real heading (outline level from its style) with a bookmark for the contents.

        A numbered heading takes its number from the style's list (``number_headings``); the
        same number is counted here for the contents and for references by ``key``.
        """
        from docx.oxml import parse_xml
        from docx.oxml.ns import nsdecls

        paragraph = self.paragraph(text, self.styles.headings[level - 1])
        shown = clean(text)
        if numbered:
            self._counters[level - 1] += 1
            for deeper in range(level, len(self._counters)):
                self._counters[deeper] = 0
            number = ".".join(str(n) for n in self._counters[:level])
            shown = f"{number} {shown}"
            if key:
                self.numbers[key] = number
        else:
            unnumbered(paragraph)
        self._bookmark += 1
        name = f"_Toc{self._bookmark:08d}"
        ns = nsdecls("w")
        run = paragraph._p.r_lst[0]
        run.addprevious(parse_xml(
            f'<w:bookmarkStart {ns} w:id="{self._bookmark}" w:name="{name}"/>'))
        run.addnext(parse_xml(f'<w:bookmarkEnd {ns} w:id="{self._bookmark}"/>'))
        self.headings.append((level, shown, name))
        return paragraph

    def fill_references(self) -> None:
        """Write the numbers of the headings that paragraphs refer to by key."""
        for run, text in self._references:
            run.text = re.sub(r"⟦([^⟧]*)⟧", lambda m: self.numbers.get(m.group(1), "?"), text)

    def page_break(self) -> None:
        from docx.enum.text import WD_BREAK

        paragraph = self.paragraph()
        paragraph.add_run().add_break(WD_BREAK.PAGE)

    def caption(self, kind: str, text: str) -> tuple[Any, str]:
        """``Taulukko 3. text`` with a SEQ field, so Word can list and renumber them."""
        if kind == "Taulukko":
            self.tables += 1
            number = self.tables
        else:
            self.figures += 1
            number = self.figures
        paragraph = self.paragraph(style=self.styles.caption)
        paragraph._p.add_r().text = f"{kind} "
        for run in field_runs(f"SEQ {kind} \\* ARABIC", str(number)):
            paragraph._p.append(run)
        paragraph._p.add_r().text = f". {clean(text)}"
        return paragraph, f"{kind} {number}. {clean(text)}"

    def overview(self, label: str, blocks: Sequence[Block], *, empty: str) -> None:
        """The coordinator's text, in a block of its own apart from the departments' answers:
        paragraphs, list items (a bullet or a number), bold and italic as written."""
        self.paragraph(label, self.styles.overview_label)
        if not blocks:
            self.paragraph(empty, self.styles.overview)
            return
        number = 0
        for block in blocks:
            if block.kind == "paragraph":
                number = 0
                paragraph = self.paragraph(style=self.styles.overview)
            else:
                number = number + 1 if block.kind == "number" else 0
                paragraph = self.paragraph(style=self.styles.overview_item)
                paragraph.add_run(f"{number}.\t" if block.kind == "number" else "•\t")
            for part in block.runs:
                run = paragraph.add_run(clean(part.text))
                run.bold = part.bold or None
                run.italic = part.italic or None

    # -- tables ----------------------------------------------------------------------------------

    def table(self, columns: Sequence[Column], rows: Sequence[Sequence[Cell]], *,
              caption: str, description: str, width: float = 1.0) -> Any:
        """A captioned table whose header row repeats on every page and whose rows stay whole."""
        caption_paragraph, caption_text = self.caption("Taulukko", caption)
        caption_paragraph.paragraph_format.keep_with_next = True  # never a caption alone
        table = self.doc.add_table(rows=1, cols=len(columns))
        tbl = table._tbl
        tbl.tblPr.get_or_add_tblStyle().val = self.styles.table
        table.autofit = False
        total = sum(c.share for c in columns)
        # ``width``: a fraction of the text width, for tables of a few short columns.
        available = text_width(self.doc.sections[-1]) * width
        widths = [int(available * c.share / total) for c in columns]
        for grid_col, col_width in zip(tbl.tblGrid.gridCol_lst, widths, strict=True):
            grid_col.w = col_width
        header = tbl.tr_lst[0]
        for tc, column, col_width in zip(header.tc_lst, columns, widths, strict=True):
            tc.width = col_width
            self._fill(tc, column.header, self.styles.cell_header)
        trpr = header.get_or_add_trPr()
        _append(trpr, "cantSplit")
        _append(trpr, "tblHeader")
        if rows:
            self._rows(tbl, rows)
        label_table(table, caption_text, description)
        return table

    def _rows(self, tbl: Any, rows: Sequence[Sequence[Cell]]) -> None:
        """The body rows, written as one piece of XML and parsed once: a report has thousands
        of cells, and python-docx's element calls cost far more per cell than the XML does.
        The elements are the ones python-docx would make (``tests/test_word_report.py``)."""
        from docx.oxml import parse_xml
        from docx.oxml.ns import nsdecls, qn

        widths = [grid_col.get(qn("w:w")) for grid_col in tbl.tblGrid.gridCol_lst]
        styles = {False: _attr(self.styles.cell), True: _attr(self.styles.cell_header)}
        parts = [f"<w:tbl {nsdecls('w')}>"]
        for values in rows:
            if len(values) != len(widths):
                raise ValueError(f"a row of {len(values)} cells in a table of {len(widths)}")
            parts.append("<w:tr>")
            if sum(len(value.text) for value in values) <= KEEP_ROW_TOGETHER_MAX:
                parts.append("<w:trPr><w:cantSplit/></w:trPr>")
            for width, value in zip(widths, values, strict=True):
                parts.append(f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{width}"/>')
                if value.fill:
                    parts.append(f'<w:shd w:val="clear" w:color="auto" '
                                 f'w:fill="{_attr(readable_fill(value.fill).lstrip("#"))}"/>')
                parts.append("</w:tcPr>")
                paragraph = f'<w:p><w:pPr><w:pStyle w:val="{styles[value.emphasis]}"/></w:pPr>'
                for line in _lines(value.text):
                    parts.append(paragraph)
                    if line:
                        parts.append(f"<w:r>{_run_content(line)}</w:r>")
                    parts.append("</w:p>")
                parts.append("</w:tc>")
            parts.append("</w:tr>")
        parts.append("</w:tbl>")
        tbl.extend(list(parse_xml("".join(parts))))

    def _fill(self, tc: Any, text: str, style: str) -> None:
        lines = _lines(text)
        p = tc.p_lst[0] if tc.p_lst else tc.add_p()
        for index, line in enumerate(lines):
            if index:
                p = tc.add_p()
            p.style = style
            if line:
                p.add_r().text = line

    # -- pictures --------------------------------------------------------------------------------

    def picture(self, png: bytes, *, width_cm: float, caption: str, title: str,
                description: str) -> None:
        """A picture that fits the text width, its alt text, and a caption below it."""
        from docx.shared import Cm, Emu

        width = min(int(Cm(width_cm)), text_width(self.doc.sections[-1]))
        paragraph = self.paragraph()
        paragraph.paragraph_format.keep_with_next = True  # the caption stays with its picture
        shape = paragraph.add_run().add_picture(io.BytesIO(png), width=Emu(width))
        describe_picture(shape, title=title, description=description,
                         name=f"Kaavio {self.figures + 1}")
        self.caption("Kuva", caption)

    # -- contents --------------------------------------------------------------------------------

    def contents_placeholder(self) -> Any:
        return self.paragraph()

    def fill_contents(self, placeholder: Any, levels: int = 2) -> None:
        """A real TOC field, its result pre-filled with linked headings.

        Word rebuilds it with page numbers when the document is opened (settings ask it to);
        a converter that does not update fields (LibreOffice) shows the pre-filled list, whose
        entries link to their headings in a PDF.
        """
        from docx.oxml import parse_xml
        from docx.oxml.ns import nsdecls

        ns = nsdecls("w")
        entries = [(lvl, text, mark) for lvl, text, mark in self.headings if lvl <= levels]
        runs = field_runs(f'TOC \\o "1-{levels}" \\h \\z \\u', "")
        begin, end = runs[:3], runs[4]
        if not entries:
            entries = [(1, "Päivitä sisällysluettelo (F9).", "")]
        for index, (level, text, mark) in enumerate(entries):
            p = parse_xml(f"<w:p {ns}/>")
            p.style = self.styles.toc[min(level, 2) - 1]
            if index == 0:
                for run in begin:
                    p.append(run)
            target = parse_xml(f'<w:hyperlink {ns} w:anchor="{mark}" w:history="1"/>') \
                if mark else p
            run = parse_xml(f"<w:r {ns}/>")
            run.text = text
            target.append(run)
            if target is not p:
                p.append(target)
            if index == len(entries) - 1:
                p.append(end)
            placeholder._p.addprevious(p)
        placeholder._p.getparent().remove(placeholder._p)


def _lines(text: str) -> list[str]:
    """A cell's paragraphs: its lines without surrounding space, empty ones left out."""
    lines = [line.strip() for line in clean(text).splitlines()]
    return [line for line in lines if line] or [""]


def _attr(value: str) -> str:
    return xml_escape(value, {'"': "&quot;"})


def _run_content(line: str) -> str:
    """A run's text as python-docx writes it: tabs as ``<w:tab/>``, the rest in ``<w:t>``,
    with ``xml:space="preserve"`` where space at an end would otherwise be lost."""
    parts = []
    for number, piece in enumerate(line.split("\t")):
        if number:
            parts.append("<w:tab/>")
        if piece:
            space = ' xml:space="preserve"' if len(piece.strip()) < len(piece) else ""
            parts.append(f"<w:t{space}>{xml_escape(piece)}</w:t>")
    return "".join(parts)


def _append(parent: Any, tag: str) -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    if parent.find(w(tag)) is None:
        element = parse_xml(f"<w:{tag} {nsdecls('w')}/>")
        # trPr order: cantSplit comes before tblHeader.
        if tag == "cantSplit" and parent.find(w("tblHeader")) is not None:
            parent.find(w("tblHeader")).addprevious(element)
        else:
            parent.append(element)
