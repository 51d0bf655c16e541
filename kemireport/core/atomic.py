"""Atomic output: write to a temporary file beside the target, then rename it into place.

A crash (or a full disk) mid-write leaves the previous output whole. ``os.replace`` is atomic
on POSIX and on Windows (where a plain rename refuses to overwrite). A run that was killed
leaves its temporary file behind (``.{stem}.XXXXXXXX.tmp{suffix}``); the next run removes such
leftovers of ours (``clean_stale_temporaries``), and nothing else.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from kemireport.core.environment import environment_error
from kemireport.core.names import shown_path
from kemireport.errors import KemireportError, OutputError

# mkstemp creates files readable by the owner only; outputs are shared documents, so they get
# the permissions an ordinary file would (what the umask allows).
_UMASK = os.umask(0)
os.umask(_UMASK)

# mkstemp's name: our prefix, eight random characters from its alphabet, our suffix.
_TEMPORARY = re.compile(r"^\.(?P<stem>.+)\.[a-z0-9_]{8}\.tmp(?P<suffix>\.[A-Za-z0-9]{1,8})?$")
STALE_AFTER = 60.0  # seconds: a temporary this old belongs to no running writer of ours


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path to write; on success it replaces ``target``.

    An operating-system error while writing (a full disk, no permission) becomes an
    ``OutputError`` that names ``target``; the previous ``target`` is left whole.
    """
    target = Path(target)
    if target.is_dir():
        raise OutputError(
            f"Tiedoston {shown_path(target)} paikalla on kansio. Siirrä kansio pois tieltä tai "
            "valitse toinen kansio ja aja komento uudelleen.")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.stem}.",
                                        suffix=f".tmp{target.suffix}", dir=target.parent)
    except OSError as exc:
        raise environment_error(exc, target.parent, what="Kansiota") from None
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        try:
            yield tmp
        except KemireportError:
            raise
        except OSError as exc:
            raise _unwritten(exc, target) from None
        try:
            os.chmod(tmp, 0o666 & ~_UMASK)
            os.replace(tmp, target)
        except PermissionError:
            # On Windows a file open in Excel or Word cannot be replaced; the old one stays.
            raise OutputError(
                f"Tiedostoa {shown_path(target)} ei voi korvata: se on todennäköisesti auki "
                "toisessa ohjelmassa (Excel, Word). Sulje se ja aja komento uudelleen; vanha "
                "tiedosto on ennallaan."
            ) from None
        except OSError as exc:
            raise _unwritten(exc, target) from None
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


def _unwritten(exc: OSError, target: Path) -> OutputError:
    error = environment_error(exc, target, what="Tiedostoa")
    return OutputError(f"{error} Aiempi tiedosto (jos sellainen oli) on ennallaan.")


def write_atomic(target: Path, writer: Callable[[Path], object]) -> Path:
    """Call ``writer(tmp_path)`` and move the result into place."""
    with atomic_path(target) as tmp:
        writer(tmp)
    return Path(target)


def write_bytes_atomic(target: Path, data: bytes) -> Path:
    return write_atomic(target, lambda tmp: tmp.write_bytes(data))


def is_temporary(name: str) -> bool:
    """Whether ``name`` is the name ``atomic_path`` gives its temporary files."""
    return _TEMPORARY.match(name) is not None


def clean_stale_temporaries(folder: Path, *, older_than: float = STALE_AFTER,
                            now: float | None = None) -> list[Path]:
    """Remove our temporary files left in ``folder`` (not below it) by a killed run.

    Only regular files with our naming pattern and untouched for ``older_than`` seconds are
    removed: a writer that is running now renews its file far more often than that.
    """
    removed: list[Path] = []
    moment = time.time() if now is None else now
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not is_temporary(entry.name):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if not entry.is_file(follow_symlinks=False) or moment - info.st_mtime < older_than:
                continue
            os.unlink(entry.path)
        except OSError:
            continue
        removed.append(Path(entry.path))
    return removed
