"""Faults an adversary would try (issue 13): odd names, links, guards, locks, interruptions.

Each test reproduces one way a run used to stop, overwrite something or answer misleadingly,
and asserts what a coordinator sees now: a finding, or one Finnish sentence with exit code 2.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import sys
from collections.abc import Mapping
from pathlib import Path

import pytest
from builders import fill_template
from click.testing import CliRunner, Result

from kemireport.cli import cli
from kemireport.core.period import Period
from kemireport.core.settings import Settings
from kemireport.strategy import Strategy
from kemireport.templates.workbook import template_filenames, write_templates

MINI = Path(__file__).parent / "data" / "mini-strategia.yaml"
PERIOD = "2025-H1"
DONE = {"Tila": "Toteutunut", "Toteuma": "Tehtiin suunnitellusti."}
POSIX = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file system features")


def workfolder(root: Path, strategy: Strategy, period: str = PERIOD,
               answers: Mapping[str, Mapping[str, Mapping[str, object]]] | None = None) -> Path:
    """A working folder with every department's filled return in ``input/<period>/``."""
    the_period = Period.parse(period)
    write_templates(strategy, the_period, root / "templates", settings=Settings(root=root))
    folder = root / "input" / period
    folder.mkdir(parents=True, exist_ok=True)
    for code, name in template_filenames(the_period, strategy.departments).items():
        filled = {a.id: dict(DONE) for a in strategy.actions_for(code)}
        for action_id, values in (answers or {}).get(code, {}).items():
            filled[action_id] = {**filled[action_id], **values}
        fill_template(root / "templates" / period / name, filled, folder / name)
    return folder


def kemireport(*args: str) -> Result:
    return CliRunner().invoke(cli, ["--strategy", str(MINI), *args])


def digests(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.is_symlink()}


# -- 1. file names that are not UTF-8 ------------------------------------------------------------


@pytest.mark.skipif(not sys.platform.startswith("linux"),
                    reason="only Linux file systems allow names that are not UTF-8")
def test_a_file_name_that_is_not_utf8_is_shown_stored_and_printed(
        tmp_path: Path, mini_strategy: Strategy, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    folder = workfolder(tmp_path, mini_strategy)
    (Path(os.fsdecode(bytes(folder) + b"/bad\xe4.txt"))).write_bytes(b"x")
    (Path(os.fsdecode(bytes(folder) + b"/huono\xff\n.xlsx"))).write_bytes(b"x")

    result = kemireport("report", "--period", PERIOD)
    assert result.exit_code == 1, result.output  # the broken .xlsx is an error finding
    assert "bad\\xe4.txt" in result.output
    assert "huono\\xff\\x0a.xlsx" in result.output
    with sqlite3.connect(tmp_path / "output" / "kemireport.sqlite") as db:
        files = {row[0] for row in db.execute("SELECT file FROM files")}
    assert {"bad\\xe4.txt", "huono\\xff\\x0a.xlsx"} <= files

    checked = CliRunner().invoke(cli, ["--strategy", str(MINI), "validate", "--period", PERIOD,
                                       "--format", "json"])
    report = json.loads(checked.stdout_bytes.decode("utf-8"))  # strict: valid UTF-8
    codes = {f["file"]: f["code"] for f in report["findings"] if f["file"]}
    assert codes["bad\\xe4.txt"] == "file-ignored"
    assert codes["huono\\xff\\x0a.xlsx"] == "file-unreadable"


# -- 13. links and special files -----------------------------------------------------------------


@POSIX
def test_links_pipes_and_devices_each_get_one_finding_and_nothing_outside_is_read(
        tmp_path: Path, mini_strategy: Strategy) -> None:
    from kemireport.reading.reader import read_returns

    folder = workfolder(tmp_path, mini_strategy)
    outside = tmp_path / "salainen.xlsx"
    outside.write_bytes((next(folder.glob("*.xlsx"))).read_bytes())
    (folder / "linkki.xlsx").symlink_to(outside)
    (folder / "roikkuva.xlsx").symlink_to(tmp_path / "ei-ole.xlsx")
    (folder / "nolla.xlsx").symlink_to("/dev/zero")
    (folder / "kansio").symlink_to(tmp_path / "templates")
    (folder / "muistio.txt").symlink_to(outside)
    os.mkfifo(folder / "putki.xlsx")
    before = digests(tmp_path)

    outcomes = {o.file: o for o in read_returns(folder)}
    codes = {name: o.finding.code if o.finding else None for name, o in outcomes.items()}
    assert {k: v for k, v in codes.items() if v is not None} == {
        "linkki.xlsx": "file-unreadable",
        "roikkuva.xlsx": "file-unreadable",
        "nolla.xlsx": "file-unreadable",
        "putki.xlsx": "file-unreadable",
        "kansio": "file-ignored",
        "muistio.txt": "file-ignored",
    }
    assert "linkki" in outcomes["linkki.xlsx"].finding.message  # type: ignore[union-attr]
    assert "putki" in outcomes["putki.xlsx"].finding.message  # type: ignore[union-attr]
    assert "kohdetta ei ole" in outcomes["roikkuva.xlsx"].finding.message  # type: ignore[union-attr]
    assert sum(o.workbook is not None for o in outcomes.values()) == len(mini_strategy.departments)
    assert digests(tmp_path) == before
