"""The command reference of the README, generated from the ``--help`` texts.

A test compares the README with this, so the documentation cannot drift from the program.
"""

from __future__ import annotations

import re
from pathlib import Path

START = "<!-- komentoviite:alku -->"
END = "<!-- komentoviite:loppu -->"


def help_texts() -> list[tuple[str, str]]:
    """``(command line, help text)`` for the group and every subcommand, in order."""
    import click
    from click.testing import CliRunner

    from kemireport.cli import cli

    runner = CliRunner()
    ctx = click.Context(cli)
    commands: list[list[str]] = [[], *([name] for name in cli.list_commands(ctx))]
    texts = []
    for args in commands:
        result = runner.invoke(cli, [*args, "--help"], prog_name="kemireport",
                               terminal_width=88)
        texts.append((" ".join(["kemireport", *args, "--help"]), result.output.rstrip()))
    return texts


def reference_markdown() -> str:
    parts = [START, ""]
    for command, text in help_texts():
        parts += [f"### `{command}`", "", "```text", text, "```", ""]
    parts.append(END)
    return "\n".join(parts)


def update_readme(readme: Path) -> bool:
    """Rewrite the reference section of ``readme``; True when it changed."""
    text = readme.read_text(encoding="utf-8")
    pattern = re.compile(re.escape(START) + ".*?" + re.escape(END), re.S)
    if not pattern.search(text):
        raise ValueError(f"{readme}: merkinnät {START} … {END} puuttuvat")
    new = pattern.sub(lambda _: reference_markdown(), text)
    if new != text:
        readme.write_text(new, encoding="utf-8", newline="\n")
    return new != text
