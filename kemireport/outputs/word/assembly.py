"""The start and the end every board document shares: the period's report and the final one.

Both open the same template (the city's own with ``--word-template``), speak Finnish, number
their headings, and end with the contents, page numbers, properties, an atomic save and the
accessibility self-check; what they say in between is their own.
"""

from __future__ import annotations

from pathlib import Path

from kemireport.core.atomic import atomic_path
from kemireport.core.settings import Settings
from kemireport.outputs.word.blocks import Builder
from kemireport.strategy import Strategy


def begin(settings: Settings, strategy: Strategy) -> tuple[Builder, str]:
    """A builder on a fresh document from the template, and the organisation to name in it."""
    from kemireport.outputs.word.document import (
        number_headings,
        open_template,
        resolve_styles,
        set_language,
    )

    template = settings.path(settings.word_template) if settings.word_template else None
    doc = open_template(template)
    styles = resolve_styles(doc)
    set_language(doc)
    number_headings(doc, styles.headings)
    return Builder(doc, styles), settings.organisation or strategy.organisation


def finish(builder: Builder, contents: object, path: Path, *, title: str, subject: str,
           author: str, keywords: str, description: str) -> str:
    """Fill the contents (at ``contents``, the placeholder) and the cross-references, number
    the pages, set the properties and save to ``path`` atomically; the self-check's result."""
    from kemireport.outputs.word.accessibility import self_check
    from kemireport.outputs.word.document import (
        add_page_numbers,
        ask_to_update_fields,
        set_properties,
    )

    builder.fill_contents(contents)
    builder.fill_references()
    add_page_numbers(builder.doc, builder.styles)
    ask_to_update_fields(builder.doc)
    set_properties(builder.doc, title=title, subject=subject, author=author, keywords=keywords,
                   description=description)
    with atomic_path(Path(path)) as tmp:
        builder.doc.save(str(tmp))
        # Checked before it replaces anything: a document that fails leaves the old one whole.
        return self_check(tmp)
