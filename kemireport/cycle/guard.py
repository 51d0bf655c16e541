"""Before a run writes anything: every guard, the output folder's lock, leftovers of killed runs.

``run_guard`` is entered once per command that writes reports (``report``, ``run``). In order:
the output folders must lie apart from every folder of returns (so no return is ever replaced),
the output folder must be a folder that can be written, the history must be a usable database,
a given Word template must be a safe, readable Word file; then the output folder is locked for
the whole run (a second run waits a few seconds, then names the holder), and temporary files
that a killed run of ours left there are removed. Only then is the first byte written.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import json
import os
import socket
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

from kemireport.core.atomic import clean_stale_temporaries
from kemireport.core.environment import environment_error
from kemireport.core.names import shown_path
from kemireport.core.period import Period
from kemireport.cycle.workspace import Workspace
from kemireport.errors import ConfigError, OutputError

LOCK_NAME = ".kemireport.lock"
HOLDER_NAME = ".kemireport.lock.json"  # who holds the lock, for the run that has to wait
LOCK_WAIT = 5.0  # seconds a second run waits for the first one before it gives up


@contextlib.contextmanager
def run_guard(workspace: Workspace, inputs: Sequence[tuple[Path, Period]], *,
              wait: float | None = None) -> Iterator[None]:
    """Check everything the run will write to, lock the output folder, then let it run."""
    for input_dir, period in inputs:
        check_apart(workspace, input_dir, period)
    output = workspace.output
    if output.exists() and not output.is_dir():
        raise _not_a_folder(output, "Raporttien kansio")
    for _, period in inputs:
        for folder in (workspace.output_folder(period), workspace.feedback_folder(period)):
            if folder.exists() and not folder.is_dir():
                raise _not_a_folder(folder, "Kauden raporttien kansio")
        for target in workspace.reports(period).all():
            if target.is_dir():
                raise OutputError(
                    f"Raportin {shown_path(target)} paikalla on kansio. Siirrä kansio pois "
                    "tieltä tai valitse toinen raporttien kansio valinnalla --output.")
    if workspace.settings.word_template:
        check_word_template(workspace.settings.path(workspace.settings.word_template))
    ensure_folder(output, "Raporttien kansio")
    with output_lock(output, wait=wait):
        check_history(workspace.database)
        for _, period in inputs:
            for folder in (workspace.output_folder(period), workspace.feedback_folder(period)):
                # Nobody else writes here while we hold the lock: any temporary is a leftover.
                clean_stale_temporaries(folder, older_than=0)
        clean_stale_temporaries(output, older_than=0)
        yield


@contextlib.contextmanager
def writing_into(workspace: Workspace, target: Path) -> Iterator[None]:
    """Hold the output folder's lock while a smaller command (``mail``, ``validate
    --feedback``, ``summary``) writes to ``target`` inside it, so that it never writes while a
    run does.

    A folder of the user's own outside the output folder is not locked: no run writes there.
    """
    output = workspace.output
    if not _resolved(target).is_relative_to(_resolved(output)):
        yield
        return
    ensure_folder(output, "Raporttien kansio")
    with output_lock(output):
        yield


def check_apart(workspace: Workspace, input_dir: Path, period: Period) -> None:
    """Reports, feedback copies and the history must not land among the returns."""
    roots = [(input_dir, _resolved(input_dir))]
    if workspace.input.is_dir():  # another period's returns are returns too
        roots.append((workspace.input, _resolved(workspace.input)))
    places = (
        (workspace.output_folder(period), "Raporttien kansio"),
        (workspace.feedback_folder(period), "Palautekopioiden kansio"),
        (workspace.database, "Historiatietokanta"),
    )
    for place, label in places:
        resolved = _resolved(place)
        for shown, returns in roots:
            if not resolved.is_relative_to(returns):
                continue
            where = ("olisi sama kansio kuin palautuskansio" if resolved == returns
                     else "olisi palautuskansion sisällä:")
            raise ConfigError(
                f"{label} {shown_path(place)} {where} {shown_path(shown)}. "
                "Raportit voisivat korvata palautuksia, ja ne luettaisiin seuraavalla kerralla "
                "palautuksina. Valitse valinnalla --output toinen kansio (oletus output); "
                "mitään ei kirjoitettu.")


def ensure_folder(folder: Path, label: str) -> None:
    """``folder`` exists (created if need be) and a file can be written in it."""
    if folder.exists() and not folder.is_dir():
        raise _not_a_folder(folder, label)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=".kemireport-kirjoituskoe.", dir=folder)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise environment_error(exc, folder, what=_partitive(label)) from None


def check_history(database: Path) -> None:
    """The history database, when there is one, is a regular file that opens and can be written."""
    if not database.exists() and not database.is_symlink():
        return
    if not database.is_file():
        raise OutputError(
            f"Historiatietokannan {shown_path(database)} paikalla on jotain muuta kuin tiedosto. "
            "Siirrä se pois tieltä tai valitse toinen raporttien kansio valinnalla --output.")
    if not os.access(database, os.R_OK | os.W_OK):
        raise OutputError(
            f"Historiatietokantaan {shown_path(database)} ei voi kirjoittaa: ei kirjoitusoikeutta "
            "(tiedosto on vain luettavissa). Anna itsellesi kirjoitusoikeus tiedostoon tai "
            "valitse toinen raporttien kansio; historia ja aiemmat raportit ovat ennallaan.")
    from kemireport.history.store import HistoryStore

    with HistoryStore(database):
        pass  # opening checks that it is our history, and of a version we can read


def check_word_template(path: Path) -> None:
    """A Word template opens, within the same safety limits as a returned workbook."""
    from kemireport.outputs.word.document import open_template

    open_template(path)


@contextlib.contextmanager
def output_lock(folder: Path, *, wait: float | None = None) -> Iterator[None]:
    """Hold ``folder``'s lock for the whole run; after ``wait`` seconds say who holds it.

    The operating system releases the lock when its holder ends, even by kill -9 or a power
    cut, so a lock is never left behind; the holder's note beside it is only information.
    """
    from filelock import FileLock, Timeout

    # Readable and writable by everyone who may write the folder: coordinators share it, and
    # a lock file left by one of them must not lock out the next (it holds nothing).
    lock = FileLock(str(folder / LOCK_NAME), timeout=LOCK_WAIT if wait is None else wait,
                    mode=0o666)
    try:
        lock.acquire()
    except Timeout:
        raise OutputError(
            f"Raporttien kansiota {shown_path(folder)} käyttää toinen kemireport-ajo"
            f"{_holder(folder)}. Odota, että se päättyy, ja aja komento sitten uudelleen; "
            "mitään ei kirjoitettu.") from None
    except OSError as exc:
        raise environment_error(exc, folder, what="Raporttien kansiota") from None
    note = folder / HOLDER_NAME
    try:
        with contextlib.suppress(OSError):
            # Replaced, not rewritten: a note left by another user is not ours to open.
            fresh = folder / f"{HOLDER_NAME}.{os.getpid()}"
            fresh.write_text(json.dumps({
                "host": socket.gethostname(),
                "pid": os.getpid(),
                "started": _dt.datetime.now().astimezone().isoformat(timespec="seconds"),
                "command": " ".join(["kemireport", *sys.argv[1:]]),
            }, ensure_ascii=False), encoding="utf-8")
            os.replace(fresh, note)
        yield
    finally:
        with contextlib.suppress(OSError):
            note.unlink()
        lock.release()


def _holder(folder: Path) -> str:
    """`` (kone X, prosessi N, aloitettu …, komento …)`` from the holder's note, if readable."""
    try:
        info = json.loads((folder / HOLDER_NAME).read_text(encoding="utf-8"))
        started = _dt.datetime.fromisoformat(str(info["started"]))
        when = f"{started.day}.{started.month}.{started.year} klo {started:%H.%M.%S}"
        return (f" (kone {shown_path(info['host'])}, prosessi {int(info['pid'])}, aloitettu "
                f"{when}, komento: {shown_path(info['command'])})")
    except (OSError, ValueError, KeyError, TypeError):
        return ""


def _not_a_folder(folder: Path, label: str) -> OutputError:
    return OutputError(
        f"{label} {shown_path(folder)} on tiedosto tai laite eikä kansio. Anna valinnalla "
        "--output kansio (oletus output) tai siirrä tiedosto pois tieltä; mitään ei kirjoitettu.")


def _partitive(label: str) -> str:
    return {"Raporttien kansio": "Raporttien kansiota"}.get(label, label + "a")


def _resolved(path: Path) -> Path:
    try:
        return Path(path).resolve()
    except OSError:
        return Path(os.path.abspath(path))
