"""Outputs are written atomically: a failure leaves the previous file whole."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kemireport.core.atomic import atomic_path, write_bytes_atomic
from kemireport.errors import OutputError


def test_a_crash_while_writing_leaves_the_old_file(tmp_path: Path) -> None:
    target = write_bytes_atomic(tmp_path / "raportti.docx", b"vanha")
    with pytest.raises(RuntimeError), atomic_path(target) as tmp:
        tmp.write_bytes(b"puoli")
        raise RuntimeError("kaatui kesken")
    assert target.read_bytes() == b"vanha"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["raportti.docx"]


def test_a_file_open_in_another_program_is_a_clear_error(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    target = write_bytes_atomic(tmp_path / "kooste.xlsx", b"vanha")

    def locked(src: object, dst: object) -> None:
        raise PermissionError(13, "Permission denied")  # what Windows says for an open file

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(OutputError, match="auki toisessa ohjelmassa"), \
            atomic_path(target) as tmp:
        tmp.write_bytes(b"uusi")
    assert target.read_bytes() == b"vanha"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kooste.xlsx"]


def test_written_files_get_ordinary_permissions(tmp_path: Path) -> None:
    target = write_bytes_atomic(tmp_path / "ä.csv", b"x")
    if os.name == "posix":
        umask = os.umask(0)
        os.umask(umask)
        assert target.stat().st_mode & 0o777 == 0o666 & ~umask
