"""``kemireport validate``: check a period's returns, print the verdict, write feedback copies."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from kemireport.checks.validation import Validation
from kemireport.cycle.workspace import Workspace
from kemireport.strategy import Strategy


@dataclass
class CheckRun:
    """What ``validate`` did: the validation, its printed form and the feedback copies written."""

    validation: Validation
    output: str  # what the command prints: the verdict as text or JSON
    feedback: list[Path]


def check_period(strategy: Strategy, workspace: Workspace, input_dir: Path | None,
                 period: str | None, *, as_json: bool = False, progress: bool = False,
                 feedback: Path | None = None, write_feedback: bool = False) -> CheckRun:
    """Validate the period's folder (never writing to it); feedback copies when asked for.

    ``feedback`` is the folder for the copies; without it they go to the period's feedback
    folder of the working folder.
    """
    from kemireport.checks.render import render_text
    from kemireport.checks.validation import validate_folder

    folder, the_period = workspace.resolve_input(input_dir, period)
    validation = validate_folder(strategy, the_period, folder, progress=progress,
                                 rules=workspace.rules)
    verdict = validation.verdict
    if as_json:
        output = json.dumps(verdict.to_dict(), ensure_ascii=False, indent=2) + "\n"
    else:
        output = render_text(verdict, strategy)
    written: list[Path] = []
    if write_feedback or feedback is not None:
        from kemireport.cycle.guard import writing_into
        from kemireport.outputs.feedback import write_feedback as write_copies

        target = feedback if feedback is not None else workspace.feedback_folder(the_period)
        with writing_into(workspace, target):
            written = write_copies(strategy, validation, folder, target)
        if not as_json:
            output += f"Palautekopiot toimialoille ({len(written)} kpl): {target}\n"
    return CheckRun(validation, output, written)
