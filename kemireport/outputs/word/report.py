"""The board's Word report: complete, readable as PDF on a tablet, and accessible.

Built on a template's styles (the default ``kemireport/outputs/word/kemireport-pohja.docx`` or the
city's own, ``--word-template``), then read back and checked for the accessibility points
the law (306/2019) asks of a public-sector document. A failed check is a bug in this module,
so it raises instead of returning a finding.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kemireport.core.atomic import atomic_path
from kemireport.core.settings import Settings
from kemireport.outputs.facts import PeriodFacts
from kemireport.strategy import Strategy


def write_word_report(strategy: Strategy, facts: PeriodFacts, path: Path, *,
                      settings: Settings, today: date | None = None) -> str:
    """Write the report to ``path`` (atomically); return the self-check's one-line result."""
    from kemireport.outputs.word import progress, sections
    from kemireport.outputs.word.accessibility import self_check
    from kemireport.outputs.word.blocks import Builder
    from kemireport.outputs.word.document import (
        add_page_numbers,
        ask_to_update_fields,
        open_template,
        resolve_styles,
        set_language,
        set_properties,
    )

    template = settings.path(settings.word_template) if settings.word_template else None
    doc = open_template(template)
    styles = resolve_styles(doc)
    set_language(doc)
    organisation = settings.organisation or strategy.organisation
    builder = Builder(doc, styles)
    period = facts.period

    sections.title_page(builder, strategy, period, organisation, today or date.today())
    # The summary first, right after the cover: a board member finds how each goal is doing,
    # what deviates, why and what is done about it, on the first pages.
    sections.summary(builder, strategy, period, facts)
    builder.page_break()
    placeholder = sections.contents(builder)
    sections.goals(builder, strategy, facts)
    sections.deviations(builder, strategy, facts)
    progress.chapter(builder, strategy, facts.progress, period)
    sections.sdg(builder, strategy, facts)
    sections.changes(builder, strategy, facts)
    sections.missing(builder, strategy, facts)
    builder.fill_contents(placeholder)

    add_page_numbers(doc, styles)
    ask_to_update_fields(doc)
    set_properties(
        doc,
        title=f"{strategy.name}: strategian toteutumisen seuranta {period.label}",
        subject=f"Strategian toteutumisen seuranta, seurantakausi {period.label}",
        author=organisation,
        keywords=f"kaupunkistrategia; strategian seuranta; {period.id}; kaupunginhallitus",
        description=f"Toimialojen puolivuotisraportit strategian toimenpiteistä kaudelta "
                    f"{period.label}.",
    )
    with atomic_path(Path(path)) as tmp:
        doc.save(str(tmp))
        # Checked before it replaces anything: a report that fails leaves the old one whole.
        return self_check(tmp)
