"""File names as text that can be shown, stored and printed anywhere.

A POSIX file name is bytes: Python decodes the bytes that are not UTF-8 as lone surrogates
(``surrogateescape``), which SQLite, JSON consumers and a UTF-8 terminal all refuse. Control
characters (a newline in a name) would break a report's lines. ``shown_name`` writes each such
byte or character as a visible escape (``bad\\xe4.txt``), so the name is readable, stable and
tells the coordinator exactly which file is meant. The file itself is still opened by its real
path: a shown name is for people and records only.
"""

from __future__ import annotations

import re

_ODD = re.compile(r"[\x00-\x1f\x7f\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte, as surrogateescape carries it
        return f"\\x{code - 0xDC00:02x}"
    if code >= 0xD800:  # a lone surrogate in a Windows name
        return f"\\u{code:04x}"
    return f"\\x{code:02x}"


def shown_name(text: str) -> str:
    """``text`` with undecodable bytes and control characters written as visible escapes."""
    return _ODD.sub(_escape, text)


def shown_path(path: object) -> str:
    """A path (or any text) safe to print and store; see ``shown_name``."""
    return shown_name(str(path))
