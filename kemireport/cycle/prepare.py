"""``kemireport templates``: the period's blank workbooks, optionally pre-filled from history."""

from __future__ import annotations

from pathlib import Path

from kemireport.core.period import Period
from kemireport.cycle.workspace import Workspace
from kemireport.strategy import Strategy


def prepare_templates(strategy: Strategy, workspace: Workspace, period: Period, *,
                      carry_from: Period | None = None) -> tuple[list[Path], list[str]]:
    """Write one workbook per department; the paths and what the command prints."""
    from kemireport.checks.period import outside_strategy
    from kemireport.history.carry import carry_from_history
    from kemireport.templates.workbook import write_templates

    carry = carry_from_history(workspace.database, carry_from) if carry_from else None
    written = write_templates(strategy, period, workspace.templates, settings=workspace.settings,
                              carry=carry, carry_period=carry_from)
    lines = [f"Kirjoitettu: {path}" for path in written]
    lines.append(f"{len(written)} pohjaa kaudelle {period.id} ({period.label}).")
    if carry is not None and carry_from is not None:
        lines.append(f"Esitäytetty kauden {carry_from.id} vastauksilla: {len(carry)} "
                     "toimenpidettä.")
    warning = outside_strategy(strategy, period)
    if warning is not None:
        lines.append(f"Huomio: {warning}")
    return written, lines
