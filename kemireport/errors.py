"""The one family of fatal errors.

Findings about returned workbooks are *not* exceptions (see ``findings``); these are for what
stops a command: bad options, a broken strategy file, a missing folder. The CLI maps them to
exit code 2; anything else that escapes is an internal error (exit 3).
"""

from __future__ import annotations


class KemireportError(Exception):
    """A fatal error with a Finnish message meant for the user."""

    exit_code = 2


class ConfigError(KemireportError):
    """Settings, options or folders are wrong (exit 2)."""


class PeriodError(ConfigError):
    """A period id that cannot be parsed."""


class StrategyError(ConfigError):
    """An invalid strategy definition file; ``problems`` lists every problem found."""

    def __init__(self, path: str, problems: list[str]) -> None:
        self.path = path
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems)
        count = "1 virhe" if len(problems) == 1 else f"{len(problems)} virhettä"
        super().__init__(f"Strategiatiedosto {path} ei kelpaa ({count}):\n{lines}")


class OutputError(KemireportError):
    """An output file cannot be written (open in another program, no permission, disk full)."""

