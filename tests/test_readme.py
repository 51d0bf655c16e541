"""The README documents the program as it is."""

from __future__ import annotations

from pathlib import Path

from kemireport.clidoc import END, START, reference_markdown

README = Path(__file__).resolve().parents[1] / "README.md"


def test_command_reference_is_the_help_texts() -> None:
    text = README.read_text(encoding="utf-8")
    section = text[text.index(START): text.index(END) + len(END)]
    assert section == reference_markdown(), "aja: python tools/update_readme.py"


def test_quick_start_is_the_two_commands() -> None:
    text = README.read_text(encoding="utf-8")
    assert "pip install . && kemireport run" in text
    assert "pip install '.[test]' && pytest" in text


def test_ci_runs_the_readmes_test_command() -> None:
    ci = (README.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install '.[test]' && pytest" in ci
