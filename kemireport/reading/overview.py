"""The coordinator's overview: ``katsaus.md`` in the period's input folder.

A plain text file the coordinator writes in Notepad or any editor, in Markdown:

```
# Koordinaattorin katsaus 1.7.–31.12.2025     (optional title, not shown)

Kokonaisuutena strategia eteni ...           (the whole period: before the first goal)

## Elinvoimainen kaupunki                    (a goal's section: its name or code)
...
```

Parsed with markdown-it-py (CommonMark), never by hand. What the reports keep: paragraphs,
bullet and numbered lists, bold and italic; everything else (quotes, code, links, HTML) comes
through as its plain text, so nothing the coordinator wrote is lost.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

OVERVIEW_FILE = "katsaus.md"
MAX_BYTES = 1 * 2**20  # a page or two of text; anything larger is not an overview

BlockKind = Literal["paragraph", "bullet", "number"]


@dataclass(frozen=True)
class Run:
    """A piece of text with its emphasis."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Block:
    """A paragraph or one list item, as runs of text."""

    kind: BlockKind
    runs: tuple[Run, ...]

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


@dataclass(frozen=True)
class Section:
    """A heading of the overview and the blocks under it."""

    heading: str  # "" for the text before the first heading
    level: int  # the heading's level (1 for "#"); 0 for the text before any heading
    line: int  # 1-based line of the heading in the file (1 for the text before any)
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Overview:
    """The coordinator's overview file, read into sections (or why it could not be)."""

    file: str  # the file name, relative to the input folder
    sections: tuple[Section, ...] = field(default_factory=tuple)
    problem: str = ""  # why the file could not be read (a Finnish sentence), if it could not


def read_overview(input_dir: Path) -> Overview | None:
    """The period's overview, or None when the folder has none."""
    path = Path(input_dir) / OVERVIEW_FILE
    if not path.is_file():
        return None
    try:
        with path.open("rb") as handle:  # read-only; the file is never written
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        return Overview(OVERVIEW_FILE, problem=f"Tiedostoa ei voitu avata ({exc.strerror}).")
    if len(data) > MAX_BYTES:
        return Overview(OVERVIEW_FILE, problem="Tiedosto on yli megatavun kokoinen, joten se ei "
                        "ole katsaus. Lyhennä tekstiä.")
    try:
        text = data.decode("utf-8-sig")  # Notepad may add a byte-order mark
    except UnicodeDecodeError:
        return Overview(OVERVIEW_FILE, problem="Tiedosto ei ole UTF-8-tekstiä. Tallenna se "
                        "muistiossa valinnalla Koodaus: UTF-8.")
    return Overview(OVERVIEW_FILE, parse_overview(text))


def parse_overview(text: str) -> tuple[Section, ...]:
    """Sections of a Markdown text: the part before the first heading, then one per heading."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").parse(text)
    sections: list[Section] = []
    heading, level, line = "", 0, 1
    blocks: list[Block] = []
    lists: list[BlockKind] = []  # the open lists, innermost last
    in_heading = False
    for token in tokens:
        kind = token.type
        if kind == "heading_open":
            if blocks or heading:
                sections.append(Section(heading, level, line, tuple(blocks)))
            blocks = []
            level = int(token.tag[1:])
            line = (token.map[0] + 1) if token.map else line
            in_heading = True
        elif kind == "heading_close":
            in_heading = False
        elif kind == "bullet_list_open":
            lists.append("bullet")
        elif kind == "ordered_list_open":
            lists.append("number")
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "inline":
            runs = _runs(token.children or [])
            if in_heading:
                heading = "".join(run.text for run in runs).strip()
            elif runs:
                blocks.append(Block(lists[-1] if lists else "paragraph", runs))
        elif kind in ("fence", "code_block", "html_block"):
            content = token.content.strip()
            if content:
                blocks.append(Block("paragraph", (Run(content),)))
    if blocks or heading:
        sections.append(Section(heading, level, line, tuple(blocks)))
    return tuple(sections)


def _runs(children: list[Any]) -> tuple[Run, ...]:
    runs: list[Run] = []
    bold = italic = False
    for child in children:
        kind = child.type
        if kind == "strong_open":
            bold = True
        elif kind == "strong_close":
            bold = False
        elif kind == "em_open":
            italic = True
        elif kind == "em_close":
            italic = False
        elif kind in ("softbreak", "hardbreak"):
            runs.append(Run(" ", bold, italic))
        elif child.content:  # text, code_inline, html_inline, and a link's text
            runs.append(Run(child.content, bold, italic))
    # Neighbouring runs of the same look are one run: fewer, cleaner runs in the Word file.
    merged: list[Run] = []
    for run in runs:
        if merged and (merged[-1].bold, merged[-1].italic) == (run.bold, run.italic):
            merged[-1] = Run(merged[-1].text + run.text, run.bold, run.italic)
        else:
            merged.append(run)
    return tuple(merged)
