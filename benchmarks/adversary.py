"""The adversarial set of issue 13, run against the installed ``kemireport`` command.

    python benchmarks/adversary.py                 # a temporary folder, removed after
    python benchmarks/adversary.py --kills 50 --keep /tmp/vihollinen

It builds a working folder with the example returns of 2025-H2 plus hostile files (bombs,
XXE, encrypted, truncated, legacy formats), the calamine corpus of real-world broken files
(``tests/data/corpus``), odd names (bytes that are not UTF-8, a newline, a leading dash,
a 200-character name), links (to a file outside, dangling, to /dev/zero, to a folder) and a
named pipe. Then, each as a person or a machine would do it:

- load: ``validate --format json`` and ``report`` on the whole folder: every entry exactly one
  outcome, every non-return exactly one finding, the five returns still counted;
- kill -9 at random moments (half of them the whole process group, as a power cut would; half
  only the main process, whose reading workers must then end by themselves); after each, the
  history passes SQLite's integrity check and every report under its final name is whole;
- three runs on one output folder started 0.05 s apart; Ctrl+C in the middle of a run;
- faults of the machine and of settings: exit 2 with one Finnish sentence, never a traceback
  or exit 3, and the earlier outputs unchanged;
- the input folder byte for byte the same before and after everything.

POSIX only (links, pipes, signals); the read-only and full-disk faults need root (they run
``kemireport`` as the user nobody, and mount a small tmpfs) and are skipped otherwise.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

import hostile  # noqa: E402  (the tests' builders of hostile files)

PERIOD = "2025-H2"
CORPUS = REPO / "tests" / "data" / "corpus" / "calamine-tests"
REPORTS = (f"{PERIOD}_strategiaseuranta.docx", f"{PERIOD}_strategiaseuranta.xlsx",
           f"{PERIOD}_toimenpiteet.csv")
COMMAND = [sys.executable, "-m", "kemireport"]
NOBODY = "65534"  # the user nobody (and its group) on Debian
RUNS_AT_ONCE = 6  # more than the lock's wait covers: the last ones must name the holder


@dataclass
class Tally:
    held: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def check(self, ok: bool, what: str) -> bool:
        (self.held if ok else self.failed).append(what)
        print(("  ok   " if ok else "  FAIL ") + what, flush=True)
        return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=30, help="kill -9 rounds (default 30)")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--keep", type=Path, help="build the working folder here and keep it")
    args = parser.parse_args(argv)
    if sys.platform == "win32":
        print("POSIX only: links, named pipes and signals.")
        return 2
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        return run(args.keep, args.kills, random.Random(args.seed))
    with tempfile.TemporaryDirectory(prefix="kemireport-vihollinen-") as tmp:
        return run(Path(tmp), args.kills, random.Random(args.seed))


def run(base: Path, kills: int, chance: random.Random) -> int:
    root = base / "tyokansio"
    inbox = root / "input" / PERIOD
    shutil.copytree(REPO / "input" / PERIOD, inbox)
    (root / "input" / "LUEMINUT.md").write_text("esimerkki\n", encoding="utf-8")
    returns = sorted(p.name for p in inbox.glob("*.xlsx"))
    outside = base / "ulkopuolella.xlsx"
    shutil.copy(inbox / returns[0], outside)
    entries = build_hostile(inbox, outside)
    before = tree_digest(root / "input")
    tally = Tally()
    print(f"Working folder {root}: {len(returns)} returns, {entries} other entries")

    print("\nLoad")
    load(root, inbox, returns, tally)
    print("\nkill -9 at random moments")
    killed(root, kills, chance, tally)
    print("\nConcurrent runs and Ctrl+C")
    concurrent(root, tally)
    interrupted(root, tally)
    print("\nFaults of the machine and of the settings")
    faults(base, root, tally)

    after = tree_digest(root / "input")
    tally.check(after == before, f"input folder byte-identical ({len(before)} entries)")
    print(f"\nHeld: {len(tally.held)}; failed: {len(tally.failed)}")
    for what in tally.failed:
        print(f"  FAILED: {what}")
    return 1 if tally.failed else 0


# -- the adversarial set ------------------------------------------------------------------------


def build_hostile(inbox: Path, outside: Path) -> int:
    """Hostile files, odd names, links and a pipe in ``inbox``; returns how many entries."""
    odd = inbox / "vihamieliset"
    odd.mkdir()
    good = hostile.workbook(odd / "kelvollinen.xlsx", {1: hostile.inline("A1", "teksti")})
    hostile.far_corner(odd / "kulma.xlsx")
    hostile.entity_bomb(odd / "naurut.xlsx")
    hostile.external_entity(odd / "xxe.xlsx", Path("/etc/passwd"))
    hostile.zip_bomb(odd / "pommi.xlsx")
    hostile.encrypted_ole2(odd / "salattu.xlsx")
    hostile.legacy_xls(odd / "vanha.xls")
    hostile.ods(odd / "libre.ods")
    hostile.ods(odd / "salattu.ods", encrypted=True)
    data = good.read_bytes()
    (odd / "katkennut.xlsx").write_bytes(data[: len(data) // 2])
    (odd / "tyhja.xlsx").write_bytes(b"")
    (odd / "teksti.xlsx").write_text("ei taulukko", encoding="utf-8")
    (odd / "ohjaus.xlsx").write_bytes(hostile.write_zip(odd / "_tmp.xlsx", hostile.package_parts(
        {"A": hostile.sheet_xml({1: hostile.inline("A1", "a\x01b")})})).read_bytes())
    (odd / "_tmp.xlsx").unlink()
    (odd / "taulu.csv").write_text("=cmd|' /C calc'!A0;x\n", encoding="utf-8")
    (odd / "~$lukko.xlsx").write_bytes(b"\x05matti" + bytes(160))
    (odd / "saate.pdf").write_bytes(b"%PDF-1.4\n")
    names = odd / "nimet"
    names.mkdir()
    for raw in (b"bad\xe4.xlsx", b"huono\xff\n.txt", b"-o.xlsx", b"x" * 200 + b".xlsx",
                "välilyönti ja äöå € 😀.xlsx".encode()):
        Path(os.fsdecode(bytes(names) + b"/" + raw)).write_bytes(data)
    links = odd / "linkit"
    links.mkdir()
    (links / "ulos.xlsx").symlink_to(outside)
    (links / "roikkuva.xlsx").symlink_to(links / "ei-ole.xlsx")
    (links / "nolla.xlsx").symlink_to("/dev/zero")
    (links / "kansio").symlink_to("/etc")
    os.mkfifo(links / "putki.xlsx")
    if CORPUS.is_dir():
        shutil.copytree(CORPUS, odd / "korpus", symlinks=True)
    return sum(1 for _ in walk_entries(odd))


def walk_entries(folder: Path) -> list[Path]:
    found = []
    for top, dirs, files in os.walk(folder):
        linked = [d for d in dirs if os.path.islink(os.path.join(top, d))]
        dirs[:] = [d for d in dirs if d not in linked]
        found += [Path(top) / name for name in [*files, *linked]]
    return found


def tree_digest(folder: Path) -> dict[str, str]:
    """Every entry's kind and content (a link's target text, a file's SHA-256), by lstat."""
    digest = {}
    for path in walk_entries(folder):
        info = path.lstat()
        key = os.fsencode(path.relative_to(folder)).hex()
        if os.path.islink(path):
            digest[key] = "link:" + os.readlink(path)
        elif path.is_file():
            digest[key] = hashlib.sha256(path.read_bytes()).hexdigest() + f":{info.st_mode:o}"
        else:
            digest[key] = f"special:{info.st_mode:o}"
    return digest


# -- runs -----------------------------------------------------------------------------------------


def kemireport(root: Path, *args: str, timeout: float = 300,
               user: str | None = None) -> subprocess.CompletedProcess[str]:
    command = [*COMMAND, *args]
    if user is not None:
        command = ["setpriv", f"--reuid={user}", f"--regid={user}", "--clear-groups",
                   "--reset-env", *command]
    return subprocess.run(command, cwd=root, capture_output=True, text=True, timeout=timeout,
                          errors="replace", check=False)


def clean_exit(result: subprocess.CompletedProcess[str], code: int) -> bool:
    text = result.stdout + result.stderr
    return (result.returncode == code and "Traceback" not in text
            and "Sisäinen virhe" not in text and "Exception ignored" not in text)


def load(root: Path, inbox: Path, returns: list[str], tally: Tally) -> None:
    started = time.perf_counter()
    result = kemireport(root, "validate", "--format", "json")
    seconds = time.perf_counter() - started
    report = json.loads(result.stdout)
    entries = {os.fsdecode(p.relative_to(inbox)) for p in walk_entries(inbox)}
    files = report["files"]
    by_file: dict[str, list[str]] = {}
    for finding in report["findings"]:
        if finding["file"]:
            by_file.setdefault(finding["file"], []).append(finding["code"])
    # The coordinator's overview (katsaus.md) is read as text: its outcome is "overview".
    others = [f["file"] for f in files if f["file"] not in returns and f["status"] != "overview"]
    one_each = [name for name in others if len(by_file.get(name, [])) == 1]
    tally.check(len(files) == len(entries),
                f"every entry one outcome: {len(files)} outcomes for {len(entries)} entries")
    tally.check(len(one_each) == len(others),
                f"every non-return exactly one finding: {len(one_each)}/{len(others)} "
                f"(validate {seconds:.1f} s incl. start-up)")
    tally.check(report["summary"]["departments_received"] == len(returns),
                f"returns still counted: {report['summary']['departments_received']}/"
                f"{len(returns)}")
    json.dumps(report, ensure_ascii=False).encode("utf-8")  # strict: raises on a surrogate
    started = time.perf_counter()
    result = kemireport(root, "report", "--period", PERIOD)
    tally.check(clean_exit(result, 1),
                f"report on the whole set: exit {result.returncode} (1 = findings), "
                f"{time.perf_counter() - started:.1f} s")


def killed(root: Path, rounds: int, chance: random.Random, tally: Tally) -> None:
    started = time.perf_counter()
    kemireport(root, "report", "--period", PERIOD)
    span = time.perf_counter() - started
    broken: list[str] = []
    leftovers: list[int] = []
    orphans = 0
    for round_ in range(rounds):
        process = subprocess.Popen([*COMMAND, "report", "--period", PERIOD], cwd=root,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                   start_new_session=True)
        time.sleep(chance.uniform(0.05, span * 1.1))
        whole_group = round_ % 2 == 0
        try:
            if whole_group:
                os.killpg(process.pid, signal.SIGKILL)
            else:
                os.kill(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        process.wait()
        if not whole_group and not group_ends(process.pid, 10.0):
            orphans += 1
            with _suppress():
                os.killpg(process.pid, signal.SIGKILL)
        broken += whole_outputs(root)
        leftovers.append(len(temporaries(root / "output")))
    tally.check(max(leftovers, default=0) <= len(REPORTS) + 1,
                f"temporaries never pile up: {sum(leftovers)} seen after {rounds} kills, at most "
                f"{max(leftovers, default=0)} at a time (each run removes the last one's)")
    tally.check(not broken, f"{rounds} kill -9s: history intact and no half-written report "
                            f"under its final name ({len(broken)} problems: {broken[:3]})")
    tally.check(orphans == 0, f"reader workers ended with their killed parent "
                              f"({rounds // 2} parent-only kills, {orphans} left workers)")
    left = temporaries(root / "output")
    result = kemireport(root, "report", "--period", PERIOD)
    after = temporaries(root / "output")
    tally.check(clean_exit(result, 1) and not after,
                f"next run cleans leftovers: {len(left)} temporaries before, {len(after)} after")


class _suppress:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> bool:
        return exc[0] is not None and issubclass(exc[0], OSError)  # type: ignore[arg-type]


def group_ends(pgid: int, within: float) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.1)
    return False


def whole_outputs(root: Path) -> list[str]:
    problems = []
    database = root / "output" / "kemireport.sqlite"
    if database.exists():
        try:
            with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
                if db.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                    problems.append("history integrity")
                db.execute("SELECT count(*) FROM action_reports").fetchone()
        except sqlite3.Error as exc:
            problems.append(f"history: {exc}")
    for name in REPORTS:
        path = root / "output" / PERIOD / name
        if not path.exists():
            continue
        try:
            if path.suffix == ".csv":
                path.read_bytes().decode("utf-8-sig")
            else:
                with zipfile.ZipFile(path) as package:
                    if package.testzip() is not None:
                        problems.append(f"{name} corrupt")
        except (OSError, zipfile.BadZipFile, UnicodeDecodeError) as exc:
            problems.append(f"{name}: {exc}")
    return problems


def temporaries(folder: Path) -> list[Path]:
    return [p for p in folder.rglob(".*.tmp*") if p.is_file()]


def concurrent(root: Path, tally: Tally) -> None:
    processes = []
    for _ in range(RUNS_AT_ONCE):
        processes.append(subprocess.Popen([*COMMAND, "report", "--period", PERIOD], cwd=root,
                                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                          text=True))
        time.sleep(0.05)
    outcomes = [(p.wait(timeout=300), *p.communicate()) for p in processes]
    codes = [code for code, _, _ in outcomes]
    refused = [err for code, _, err in outcomes if code == 2]
    named = all("käyttää toinen kemireport-ajo (kone" in err for err in refused)
    tally.check(set(codes) <= {1, 2} and named and not whole_outputs(root),
                f"{RUNS_AT_ONCE} runs 0.05 s apart on one output folder: exits {codes} "
                f"({len(refused)} waited and then named the holder, the rest ran in turn)")


def interrupted(root: Path, tally: Tally) -> None:
    # Ctrl+C halfway through a run, however long a run takes on this machine.
    started = time.perf_counter()
    kemireport(root, "report", "--period", PERIOD)
    halfway = (time.perf_counter() - started) / 2
    process = subprocess.Popen([*COMMAND, "report", "--period", PERIOD], cwd=root,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               start_new_session=True)
    time.sleep(halfway)
    os.killpg(process.pid, signal.SIGINT)  # what Ctrl+C does to the terminal's process group
    _, err = process.communicate(timeout=60)
    tally.check(process.returncode == 130 and "Keskeytetty (Ctrl+C)" in err
                and "Traceback" not in err and not whole_outputs(root),
                f"Ctrl+C: exit {process.returncode}, one Finnish line, outputs whole")


# -- faults ---------------------------------------------------------------------------------------


def faults(base: Path, root: Path, tally: Tally) -> None:
    output = root / "output"
    kept = tree_digest(output)
    fifo = base / "putki.yaml"
    os.mkfifo(fifo)
    (base / "teksti.docx").write_text("ei Word", encoding="utf-8")
    hostile.zip_bomb(base / "pommi.docx")
    (root / "tiedosto").write_text("x", encoding="utf-8")
    named = root / "input" / PERIOD / f"{PERIOD}_strategiaseuranta.xlsx"

    cases: list[tuple[str, list[str], Callable[[], None] | None, Callable[[], None] | None]] = [
        ("-o /dev/null", ["report", "-p", PERIOD, "-o", os.devnull], None, None),
        ("-o a file", ["report", "-p", PERIOD, "-o", "tiedosto"], None, None),
        ("-o the input folder with a return named like a report",
         ["report", "-p", PERIOD, "-o", "input"],
         lambda: shutil.copy(next((root / "input" / PERIOD).glob("Kesk*.xlsx")), named),
         lambda: named.unlink()),
        ("--word-template that is text", ["report", "-p", PERIOD, "--word-template",
                                          str(base / "teksti.docx")], None, None),
        ("--word-template zip bomb", ["report", "-p", PERIOD, "--word-template",
                                      str(base / "pommi.docx")], None, None),
        ("--strategy /dev/zero", ["--strategy", "/dev/zero", "report", "-p", PERIOD], None, None),
        ("--strategy a FIFO", ["--strategy", str(fifo), "report", "-p", PERIOD], None, None),
        ("--period ''", ["report", "--period", ""], None, None),
        ("kemireport.toml syntax error", ["report", "-p", PERIOD],
         lambda: (root / "kemireport.toml").write_text("output_dir = raportit\n"),
         lambda: (root / "kemireport.toml").unlink()),
        ("a folder named kemireport.toml", ["report", "-p", PERIOD],
         lambda: (root / "kemireport.toml").mkdir(), lambda: (root / "kemireport.toml").rmdir()),
        ("a corrupt history", ["report", "-p", PERIOD], *_corrupt_history(output)),
    ]
    for name, args, setup, undo in cases:
        if setup:
            setup()
        result = kemireport(root, *args, timeout=120)
        if undo:
            undo()
        line = (result.stderr.strip().splitlines() or [""])[-1][:150]
        tally.check(clean_exit(result, 2) and tree_digest(output) == kept,
                    f"{name}: exit {result.returncode}, outputs unchanged — {line}")
    (root / "kemireport.toml").write_bytes(b"\xef\xbb\xbforganisation = \"Kemin kaupunki\"\n")
    result = kemireport(root, "report", "-p", PERIOD)
    (root / "kemireport.toml").unlink()
    tally.check(clean_exit(result, 1), "kemireport.toml saved with a BOM (Notepad) is read, "
                                       "and a run after the faults works")
    if os.geteuid() == 0 and shutil.which("setpriv"):
        as_nobody(base, root, tally)
        full_disk(base, root, tally)
    else:
        print("  skip read-only and full-disk faults (need root)")


def _corrupt_history(output: Path) -> tuple[Callable[[], None], Callable[[], None]]:
    database = output / "kemireport.sqlite"
    saved = output.parent / "historia.talteen"

    def setup() -> None:
        shutil.copy(database, saved)
        database.write_bytes(database.read_bytes()[:3000])

    def undo() -> None:
        shutil.move(saved, database)

    return setup, undo


def as_nobody(base: Path, root: Path, tally: Tally) -> None:
    """Read-only output folder and read-only history, for a user who is not root."""
    for path in (base, *base.parents):
        if path == Path("/"):
            break
        path.chmod(path.stat().st_mode | 0o055)
    probe = kemireport(root, "--version", user=NOBODY)
    if probe.returncode != 0:
        print(f"  skip read-only faults: nobody cannot run kemireport ({probe.stderr[:80]})")
        return
    output = root / "output"
    kept = tree_digest(output)
    result = kemireport(root, "report", "-p", PERIOD, user=NOBODY)  # owned by root: read-only
    tally.check(clean_exit(result, 2) and tree_digest(output) == kept,
                f"read-only output folder: exit {result.returncode} — "
                f"{result.stderr.strip()[:150]}")
    for top, dirs, _ in os.walk(output):
        for name in [*dirs, "."]:
            (Path(top) / name).chmod(0o777)
    kept = tree_digest(output)
    result = kemireport(root, "report", "-p", PERIOD, user=NOBODY)  # history 0644 root
    tally.check(clean_exit(result, 2) and tree_digest(output) == kept,
                f"read-only history: exit {result.returncode} — {result.stderr.strip()[:150]}")


def full_disk(base: Path, root: Path, tally: Tally) -> None:
    small = base / "taynna"
    small.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=160k", "tmpfs", str(small)],
                             capture_output=True, check=False).returncode == 0
    if not mounted:
        print("  skip full-disk fault: no tmpfs mount here")
        return
    try:
        result = kemireport(root, "report", "-p", PERIOD, "-o", str(small))
        tally.check(clean_exit(result, 2) and "levy on täynnä" in result.stderr
                    and not temporaries(small),
                    f"full disk: exit {result.returncode} — {result.stderr.strip()[:150]}")
    finally:
        subprocess.run(["umount", str(small)], check=False)


if __name__ == "__main__":
    sys.exit(main())
