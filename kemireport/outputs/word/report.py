"""The board's Word report: complete, readable as PDF on a tablet, and accessible.

Built on a template's styles (the default ``kemireport/outputs/word/kemireport-pohja.docx`` or the
city's own, ``--word-template``), then read back and checked for the accessibility points
the law (306/2019) asks of a public-sector document. A failed check is a bug in this module,
so it raises instead of returning a finding.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kemireport.core.settings import Settings
from kemireport.outputs.facts import PeriodFacts
from kemireport.strategy import Strategy


def write_word_report(strategy: Strategy, facts: PeriodFacts, path: Path, *,
                      settings: Settings, today: date | None = None) -> str:
    """Write the report to ``path`` (atomically); return the self-check's one-line result."""
    from kemireport.outputs.word import assembly, progress, sections

    builder, organisation = assembly.begin(settings, strategy)
    period = facts.period

    sections.title_page(builder, strategy, period, settings, organisation,
                        today or date.today())
    placeholder = sections.contents(builder)
    # The summary first, right after the contents: a board member finds how each goal is
    # doing, what deviates, why and what is done about it, on the first pages.
    sections.summary(builder, strategy, period, facts)
    sections.goals(builder, strategy, facts)
    sections.deviations(builder, strategy, facts)
    progress.chapter(builder, strategy, facts.progress, period)
    sections.sdg(builder, strategy, facts)
    sections.changes(builder, strategy, facts)
    sections.appendix(builder, strategy, facts)

    title = sections.document_title(strategy, period)
    return assembly.finish(
        builder, placeholder, path,
        title=f"{title}. {sections.document_type(period)}",
        subject=f"{sections.document_type(period)}, kaupunginhallitus",
        author=organisation,
        keywords=f"kaupunkistrategia; strategian seuranta; {period.id}; kaupunginhallitus",
        description=f"Toimialojen seurantatiedot kaupunkistrategian toimenpiteistä "
                    f"seurantakaudelta {period.label}.",
    )
