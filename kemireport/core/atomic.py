"""Atomic output: write to a temporary file beside the target, then rename it into place.

A crash (or a full disk) mid-write leaves the previous output whole. ``os.replace`` is atomic
on POSIX and on Windows (where a plain rename refuses to overwrite).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from kemireport.errors import OutputError

# mkstemp creates files readable by the owner only; outputs are shared documents, so they get
# the permissions an ordinary file would (what the umask allows).
_UMASK = os.umask(0)
os.umask(_UMASK)


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path to write; on success it replaces ``target``."""
    target = Path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.stem}.",
                                        suffix=f".tmp{target.suffix}", dir=target.parent)
    except OSError as exc:
        raise OutputError(f"Kansioon {target.parent} ei voi kirjoittaa: {exc.strerror}.") from None
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        os.chmod(tmp, 0o666 & ~_UMASK)
        try:
            os.replace(tmp, target)
        except PermissionError:
            # On Windows a file open in Excel or Word cannot be replaced; the old one stays.
            raise OutputError(
                f"Tiedostoa {target} ei voi korvata: se on todennäköisesti auki toisessa "
                "ohjelmassa (Excel, Word). Sulje se ja aja komento uudelleen; vanha tiedosto "
                "on ennallaan."
            ) from None
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


def write_atomic(target: Path, writer: Callable[[Path], object]) -> Path:
    """Call ``writer(tmp_path)`` and move the result into place."""
    with atomic_path(target) as tmp:
        writer(tmp)
    return Path(target)


def write_bytes_atomic(target: Path, data: bytes) -> Path:
    return write_atomic(target, lambda tmp: tmp.write_bytes(data))
