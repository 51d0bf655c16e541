"""Reading the returned workbooks: every file gets exactly one outcome, and none can stop the run.

Each candidate file is checked by ``kemireport.safety`` and then parsed with python-calamine
(a Rust reader, ~10× faster than openpyxl) in worker processes. The workers are the safety
boundary: a parser that crashes, exhausts its memory budget or hangs takes down only its own
process; the run re-reads the unfinished files one by one to name the culprit and goes on.

What is read is "what a person sees": a cell's cached value as text, formatted the way a
Finnish user would have typed it (``3``, ``0.5``, ``15.8.2025``, ``TOSI``).
"""

from __future__ import annotations

import concurrent.futures as cf
import datetime as dt
import faulthandler
import hashlib
import io
import multiprocessing
import os
import re
import stat
import sys
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, Generic, TypeVar, cast

from kemireport.core.findings import Finding
from kemireport.core.memory import bounded_memory
from kemireport.core.names import shown_name
from kemireport.reading.model import (
    IndicatorRow,
    NamedCell,
    ReturnedRow,
    ReturnedSheet,
    ReturnedWorkbook,
    SignOff,
    TemplateIdentity,
)
from kemireport.reading.safety import (
    DEFAULT_LIMITS,
    SPREADSHEET_SUFFIXES,
    Limits,
    Problem,
    column_letters,
    defined_names,
    inspect_workbook,
    too_large,
    unreadable,
)
from kemireport.templates import contract

# Excel's own limit for one cell. Text is read whole (a file's size limits bound it); a longer
# Toteuma gets a warning, and only the outputs that cannot hold it cut it, with a mark.
MAX_CELL_CHARS = 32_767

T = TypeVar("T")


@dataclass(frozen=True)
class ReadOutcome:
    """What became of one file of the input folder."""

    file: str  # path relative to the input folder, forward slashes, safe to show (shown_name)
    workbook: ReturnedWorkbook | None  # when readable
    finding: Finding | None  # a file-level finding when not
    source: str = ""  # the real path on disk (``file`` may have escapes for odd names)
    modified: float = 0.0  # the file's modification time as it was read; 0 when unknown


# --- the folder ---------------------------------------------------------------------------


def read_returns(input_dir: Path, *, progress: bool = False, workers: int | None = None,
                 limits: Limits = DEFAULT_LIMITS) -> list[ReadOutcome]:
    """One outcome per entry under ``input_dir`` (recursively), sorted by relative name.

    Every entry gets exactly one outcome: links, named pipes and devices are refused by name,
    without touching what they point at, so nothing outside the folder is ever read.
    """
    with FolderReader(input_dir, _as_read, workers=workers, limits=limits) as folder:
        outcomes = list(folder.examine(progress=progress))
    return sorted(outcomes, key=lambda o: (o.file, o.source))


def _as_read(outcome: ReadOutcome, full: bool) -> ReadOutcome:
    return outcome


class FolderReader(Generic[T]):
    """The entries of an input folder, read and examined in worker processes.

    ``examine(outcome, full)`` runs in the reading workers, right after a file is read: what
    comes back to this process is only what it returns, so the caller can keep what it needs
    and let the rest go (memory stays flat in the number of files). ``full`` is the caller's
    wish, per round, for a fuller answer (``examine`` and ``again``); without it only a
    workbook's answers are parsed (``ReturnedWorkbook.partial``), after every safety check
    of the whole file as ever. ``examine`` must be a
    module-level function or a ``functools.partial`` of one: it goes to each worker once,
    when the worker starts. A file re-read on its own (after a crash or a hang) is examined
    in this process; so is one whose examination raised in a worker, so that the error
    surfaces here as it would have.
    """

    def __init__(self, input_dir: Path, examine: Callable[[ReadOutcome, bool], T], *,
                 workers: int | None = None, limits: Limits = DEFAULT_LIMITS) -> None:
        self.input_dir = input_dir
        self.examine_one = examine
        self.workers = workers
        self.limits = limits
        self._pool: cf.ProcessPoolExecutor | None = None
        self._pool_size = 0
        entries = _listing(input_dir)
        names = _shown_names(entries)
        self.candidates: list[tuple[Path, str]] = []  # files to read, with their shown names
        self.refused: list[ReadOutcome] = []  # entries refused by name and kind, unread
        for path, rel in entries:
            problem = skip_reason(path, input_dir, rel)
            if problem is None:
                self.candidates.append((path, names[path]))
            else:
                self.refused.append(_refused(names[path], problem, str(path)))

    def __enter__(self) -> FolderReader[T]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __len__(self) -> int:
        return len(self.candidates) + len(self.refused)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def examine(self, *, full: bool = True, progress: bool = False) -> Iterator[T]:
        """Every entry, examined, in the order they finish."""
        for outcome in self.refused:
            yield self.examine_one(outcome, full)
        if not self.candidates:
            return
        # A handful of files is read in a blink; a counter only helps when there are many.
        meter = (_Progress(len(self.candidates)) if progress and len(self.candidates) >= 20
                 else None)
        try:
            yield from self._read_contained(self.candidates, full, meter)
        finally:
            if meter is not None:
                meter.close()

    def again(self, files: Collection[str], *, full: bool = True) -> Iterator[T]:
        """The named files (by shown name) read afresh and examined again."""
        chosen = [(path, rel) for path, rel in self.candidates if rel in files]
        yield from (self.examine_one(o, full) for o in self.refused if o.file in files)
        yield from self._read_contained(chosen, full, None)

    def _pool_for(self, count: int) -> tuple[cf.ProcessPoolExecutor, int]:
        """The pool (started for ``count`` files, when it is not running yet), and its size."""
        if self._pool is None:
            self._pool_size = max(1, min(self.workers or min(2, os.cpu_count() or 1), count))
            self._pool = cf.ProcessPoolExecutor(
                max_workers=self._pool_size, initializer=_init_worker,
                initargs=(self.limits.memory_bytes, self.examine_one))
        return self._pool, self._pool_size

    def _read_contained(self, entries: Sequence[tuple[Path, str]], full: bool,
                        meter: _Progress | None) -> Iterator[T]:
        if not entries:
            return
        limits, input_dir = self.limits, self.input_dir
        pool, count = self._pool_for(len(entries))
        batches = _batches([(str(path), rel) for path, rel in entries], count)
        unfinished: list[tuple[str, str]] = []
        try:
            pending = {pool.submit(_read_batch, batch, str(input_dir), limits, full): batch
                       for batch in batches}
            while pending:
                # A batch normally takes well under a second; when no batch at all finishes
                # within a file's time limit, a parser is stuck. Re-reading the rest one by
                # one is slower but gives the same outcomes, so a false alarm costs only time.
                done, _ = cf.wait(pending, timeout=limits.timeout,
                                  return_when=cf.FIRST_COMPLETED)
                if not done:
                    break
                for future in done:
                    batch = pending.pop(future)
                    try:
                        results = future.result()
                    except Exception:
                        # A broken pool (a worker died) fails every batch still queued; they
                        # are re-read one by one below.
                        unfinished.extend(batch)
                        continue
                    for result in results:
                        # An examination that failed in the worker fails here again, for real.
                        yield (self.examine_one(result.outcome, full)
                               if isinstance(result, _ExamineFailed) else cast(T, result))
                    if meter is not None:
                        meter.advance(len(results))
            for batch in pending.values():
                unfinished.extend(batch)
        finally:
            if unfinished:
                _terminate(pool)
                pool.shutdown(wait=False, cancel_futures=True)
                self._pool = None  # a new one, should it be needed again
        for path, rel in sorted(unfinished):
            yield self.examine_one(_read_isolated(Path(path), input_dir, limits, rel), full)
            if meter is not None:
                meter.advance(1)


def _batches(entries: list[tuple[str, str]], workers: int) -> list[list[tuple[str, str]]]:
    """The files in batches for ``workers``: up to 32 files each, keeping the inter-process
    traffic low for a thousand files, and ever smaller towards the end (a quarter of what is
    left per worker, down to one), so that the workers run out of work at nearly the same time
    instead of one finishing a whole batch alone."""
    batches = []
    start = 0
    while start < len(entries):
        left = len(entries) - start
        size = max(1, min(32, left // (workers * 4)))
        batches.append(entries[start:start + size])
        start += size
    return batches


def _shown_names(entries: list[tuple[Path, str]]) -> dict[Path, str]:
    """Each entry's name to show (``relative_name``), unique in the folder; ``entries`` are
    (path, its path relative to the folder with ``/`` between the parts), as ``_listing``.

    Two real names may show alike (a literal ``\\x41`` and an undecodable byte): the later
    ones, in the order of (shown name, real path), are numbered, so that every file keeps a
    name of its own in the report and the history.
    """
    shown = sorted((shown_name(rel), str(path), path) for path, rel in entries)
    seen = {name for name, _, _ in shown}
    used: set[str] = set()
    names: dict[Path, str] = {}
    for name, _, path in shown:
        if name in used:
            stem, dot, suffix = name.rpartition(".")
            base, ext = (stem, dot + suffix) if stem else (name, "")
            number = 2
            while f"{base} ({number}){ext}" in seen or f"{base} ({number}){ext}" in used:
                number += 1
            name = f"{base} ({number}){ext}"
        used.add(name)
        names[path] = name
    return names


def _listing(input_dir: Path) -> list[tuple[Path, str]]:
    """Every entry below ``input_dir`` that is not a folder, in a deterministic order, with its
    path relative to the folder (``/`` between the parts; worked out once per folder, as
    ``Path.relative_to`` for each of a thousand files costs the command milliseconds).

    Links (to files or folders), named pipes and devices are listed too, so that each gets an
    outcome; linked folders are not entered (no cycles, nothing outside the folder).
    """
    found: list[tuple[Path, str]] = []
    for root, dirs, files in os.walk(input_dir):
        dirs.sort()
        linked = [name for name in dirs if os.path.islink(os.path.join(root, name))]
        for name in linked:
            dirs.remove(name)
        base = Path(root)
        inside = os.path.relpath(root, input_dir)
        prefix = "" if inside == os.curdir else inside.replace(os.sep, "/") + "/"
        for name in sorted([*files, *linked]):
            found.append((base / name, prefix + name))
    return found


def relative_name(path: Path, input_dir: Path) -> str:
    """The path relative to the input folder, safe to show and store (see ``shown_name``)."""
    return shown_name(path.relative_to(input_dir).as_posix())


def skip_reason(path: Path, input_dir: Path, rel: str | None = None) -> Problem | None:
    """Why an entry is not read (its one finding), or None to read it. ``rel``: the path
    relative to ``input_dir`` with ``/`` between the parts, when the caller has it."""
    name = path.name
    if name.startswith("~$"):
        return Problem("file-ignored", (
            "Excelin väliaikainen lukitustiedosto (~$…), joka syntyy, kun työkirja on auki. "
            "Se ohitettiin; varsinainen työkirja luetaan."
        ))
    parts = rel.split("/") if rel is not None else path.relative_to(input_dir).parts
    if any(part.startswith(".") for part in parts) or _hidden_on_windows(path):
        return Problem("file-ignored", "Piilotettu tiedosto ohitettiin.")
    suffix = path.suffix.lower()
    special = _special_kind(path)
    if special is not None:
        # A return may hide behind it: a spreadsheet's name makes it an error, not a note.
        code = "file-unreadable" if suffix in SPREADSHEET_SUFFIXES else "file-ignored"
        return Problem(code, special)
    if suffix not in SPREADSHEET_SUFFIXES:
        kind = f"({suffix})" if suffix else "(ei tiedostopäätettä)"
        return Problem("file-ignored",
                       f"Tiedosto ei ole taulukkolaskentatiedosto {kind}, joten se ohitettiin.")
    return None


def ignore_reason(path: Path, input_dir: Path) -> str | None:
    """The message of ``skip_reason`` (kept for callers that only need the text)."""
    problem = skip_reason(path, input_dir)
    return problem.message if problem is not None else None


_COPY_HERE = ("kemireport lukee vain palautuskansiossa olevat tavalliset tiedostot. Kopioi "
              "työkirja itse kansioon tämän tilalle.")


def _special_kind(path: Path) -> str | None:
    """A Finnish sentence when ``path`` is a link, a pipe or a device (never followed)."""
    try:
        mode = os.lstat(path).st_mode
    except OSError:
        return None  # gone already: reading it will say so
    if stat.S_ISLNK(mode) or _is_junction(path):
        if not path.exists():
            return f"Tiedosto on linkki, jonka kohdetta ei ole, joten sitä ei luettu. {_COPY_HERE}"
        if path.is_dir():
            return f"Kansiolinkkiä ei seurattu, joten sen sisältöä ei luettu. {_COPY_HERE}"
        return f"Tiedosto on linkki toiseen paikkaan, eikä linkkiä seurattu. {_COPY_HERE}"
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISFIFO(mode):
        kind = "nimetty putki (FIFO)"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        kind = "laitetiedosto"
    elif stat.S_ISSOCK(mode):
        kind = "pistoke (socket)"
    else:
        kind = "erikoistiedosto"
    return f"Tämä ei ole tavallinen tiedosto vaan {kind}, joten sitä ei luettu. {_COPY_HERE}"


def _is_junction(path: Path) -> bool:
    check = getattr(os.path, "isjunction", None)  # Windows junctions, Python 3.12+
    return bool(check(path)) if check is not None else False


def _hidden_on_windows(path: Path) -> bool:
    if sys.platform != "win32":  # st_file_attributes exists only there
        return False
    try:
        return bool(getattr(path.stat(), "st_file_attributes", 0) & stat.FILE_ATTRIBUTE_HIDDEN)
    except OSError:
        return False  # gone already: reading it will say so


# --- containment: worker processes --------------------------------------------------------


def _terminate(pool: cf.ProcessPoolExecutor) -> None:
    """Stop the workers of a stuck or broken pool (a hung parser never returns by itself)."""
    processes: Mapping[int, Any] = getattr(pool, "_processes", None) or {}
    for process in list(processes.values()):
        if process.is_alive():
            process.kill()


# What a reading worker does with each outcome (``FolderReader``), set when it starts.
_worker_examine: Callable[[ReadOutcome, bool], object] = _as_read


def _init_worker(memory_bytes: int,
                 examine: Callable[[ReadOutcome, bool], object] = _as_read) -> None:
    """Prepare a reading worker.

    Its stderr goes to the null device: every Python-level error is returned as a finding, so
    what would be left there is a native parser's crash report, which would only frighten the
    user (the crash itself becomes a finding). Its address space is capped, so a parser asking
    for too much memory fails in its own process instead of pushing the machine into swap
    (POSIX only; Windows has no setrlimit).
    """
    global _worker_examine
    _worker_examine = examine
    watch_parent()
    faulthandler.disable()  # a test runner's crash dump would bypass the redirect below
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 2)
        os.close(null)
    except OSError:
        pass
    try:
        import resource
    except ImportError:
        return
    current = _address_space()
    if current is None:
        return
    limit = current + memory_bytes
    try:
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        if soft == resource.RLIM_INFINITY or soft > limit:
            resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ValueError, OSError):
        pass  # e.g. macOS, which does not enforce RLIMIT_AS


PARENT_POLL = 0.5  # seconds between a worker's checks that the run that started it is alive


def watch_parent() -> None:
    """End this worker when its parent ends, even by kill -9 (which runs no clean-up).

    A daemon thread polls: on POSIX an orphan is re-parented, so ``os.getppid()`` changes; on
    Windows the parent's process handle (``multiprocessing.parent_process()``) tells.
    """
    import threading
    import time

    parent_pid = os.getppid()
    parent = multiprocessing.parent_process()

    def orphaned() -> bool:
        if sys.platform != "win32":
            return os.getppid() != parent_pid
        return parent is not None and not parent.is_alive()

    def watch() -> None:
        while not orphaned():
            time.sleep(PARENT_POLL)
        os._exit(1)

    threading.Thread(target=watch, name="kemireport-parent-watch", daemon=True).start()


def _address_space() -> int | None:
    """The process's current virtual size (a forked worker inherits its parent's)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            pages = int(statm.read().split()[0])
        return pages * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError, AttributeError):
        return None


@dataclass(frozen=True)
class _ExamineFailed:
    """An examination that raised in a worker: the parent runs it again on ``outcome``."""

    outcome: ReadOutcome


def _read_batch(entries: list[tuple[str, str]], input_dir: str, limits: Limits,
                full: bool) -> list[object]:
    base = Path(input_dir)
    results: list[object] = []
    for path, rel in entries:
        # Asked only for ranks (not ``full``), a worker reads only the answers.
        outcome = read_workbook(Path(path), base, limits, rel=rel, answers_only=not full)
        try:
            results.append(_worker_examine(outcome, full))
        except Exception:
            results.append(_ExamineFailed(outcome))
    return results


def _read_isolated(path: Path, input_dir: Path, limits: Limits,
                   rel: str | None = None) -> ReadOutcome:
    """Re-read one file in a fresh process of its own, with a time limit."""
    rel = rel if rel is not None else relative_name(path, input_dir)
    context = multiprocessing.get_context()
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(
        target=_isolated_main, args=(sender, str(path), str(input_dir), limits, rel),
        daemon=True,
    )
    process.start()
    sender.close()
    try:
        ready = receiver.poll(limits.timeout)
        if not ready and not process.is_alive():
            ready = receiver.poll(0)  # it answered just as the time ran out
        if ready:
            try:
                outcome: ReadOutcome = receiver.recv()
                return outcome
            except (EOFError, OSError):
                pass  # the process died before it could answer
            return _crashed(rel, path)
        if process.is_alive():
            seconds = f"{limits.timeout:g}".replace(".", ",")
            return ReadOutcome(rel, None, Finding.of(
                "file-unreadable",
                f"Tiedoston lukeminen kesti yli {seconds} sekuntia, joten se "
                "keskeytettiin. Tallenna työkirja uudelleen Excelissä (tai kopioi tiedot "
                "uuteen raportointipohjaan) ja palauta se.",
                file=rel,
            ), source=str(path))
        return _crashed(rel, path)
    finally:
        receiver.close()
        if process.is_alive():
            process.kill()
        process.join(5)


def _crashed(rel: str, path: Path) -> ReadOutcome:
    return ReadOutcome(rel, None, Finding.of(
        "file-unreadable",
        "Tiedoston lukeminen kaatui (lukija ei selvinnyt tiedoston sisällöstä). Tiedosto "
        "voi olla vioittunut: tallenna työkirja uudelleen Excelissä tai kopioi tiedot uuteen "
        "raportointipohjaan ja palauta se.",
        file=rel,
    ), source=str(path))


def _isolated_main(sender: Connection, path: str, input_dir: str, limits: Limits,
                   rel: str) -> None:
    _init_worker(limits.memory_bytes)
    sender.send(read_workbook(Path(path), Path(input_dir), limits, rel=rel))
    sender.close()


# --- one file -----------------------------------------------------------------------------


def read_workbook(path: Path, input_dir: Path, limits: Limits = DEFAULT_LIMITS, *,
                  rel: str | None = None, answers_only: bool = False) -> ReadOutcome:
    """Check and read one file; never raises for anything in the file. ``rel`` is the name to
    show (default ``relative_name``); ``answers_only`` as in ``parse_workbook`` (every safety
    check still runs on every part)."""
    rel = rel if rel is not None else relative_name(path, input_dir)
    source = str(path)
    try:
        read = _read_regular(path, limits)
        if isinstance(read, Problem):
            return _refused(rel, read, source)
        data, modified = read
        inspected = inspect_workbook(data, path.suffix, limits)
        if isinstance(inspected, Problem):
            return _refused(rel, inspected, source)
        workbook = parse_workbook(data, rel, inspected.defined_names,
                                  answers_only=answers_only, parse_data=inspected.parse_data)
        return ReadOutcome(rel, workbook, None, source, modified)
    except (KeyboardInterrupt, SystemExit):
        raise
    except OSError as exc:
        return _refused(rel, unreadable(
            f"Tiedostoa ei voitu avata ({exc.strerror or exc}). Tarkista, ettei se ole auki "
            "toisessa ohjelmassa tai vain verkkolevyllä, ja aja tarkistus uudelleen."
        ), source)
    except BaseException as exc:  # PyO3's PanicException is not an Exception
        return _refused(rel, unreadable(
            "Tiedosto on vioittunut, eikä sitä voi lukea (tekninen syy: "
            f"{type(exc).__name__}: {str(exc)[:160]}). Tallenna työkirja uudelleen Excelissä "
            "ja palauta se."
        ), source)


# Opening never follows a link and never waits on a pipe: a file swapped for either after the
# folder was listed is refused like one found there.
_OPEN_FLAGS = (os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
               | getattr(os, "O_NONBLOCK", 0))


def _read_regular(path: Path, limits: Limits) -> tuple[bytes, float] | Problem:
    """The bytes of a regular file (read-only, at most the size limit) and its modification
    time, or why not."""
    fd = os.open(path, _OPEN_FLAGS)  # read-only; the file is never written
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return unreadable("Tämä ei ole tavallinen tiedosto, joten sitä ei luettu. "
                              + _COPY_HERE)
        if info.st_size > limits.max_file_bytes:
            return too_large(info.st_size, limits)
        # Up to the limit and a byte more (a file that grew since is read on, and a too large
        # one is refused from what was read), asking first for just the size it has: a read
        # of the whole limit would make room for 50 MB for a 30 kB file.
        room = limits.max_file_bytes + 1
        chunks: list[bytes] = []
        wanted = info.st_size + 1
        while room > 0:
            chunk = os.read(fd, min(wanted, room))
            if not chunk:
                break
            chunks.append(chunk)
            room -= len(chunk)
            wanted = 2**20
        return (chunks[0] if len(chunks) == 1 else b"".join(chunks)), info.st_mtime
    finally:
        os.close(fd)


def _refused(rel: str, problem: Problem, source: str = "") -> ReadOutcome:
    return ReadOutcome(rel, None, Finding.of(problem.code, problem.message, file=rel), source)


def parse_workbook(data: bytes, rel: str, names: Mapping[str, str] | None = None, *,
                   answers_only: bool = False, parse_data: bytes | None = None
                   ) -> ReturnedWorkbook:
    """Parse a workbook that passed ``safety.inspect_file``; ``names`` are its defined names
    when the inspection already found them. ``answers_only`` leaves the instructions and
    indicator sheets unread (a ``partial`` workbook). ``parse_data`` is the same package as
    the inspection handed it on (``safety.Inspected``), read instead of ``data``."""
    from python_calamine import CalamineWorkbook, SheetTypeEnum

    book = CalamineWorkbook.from_filelike(io.BytesIO(parse_data or data))
    grids: dict[str, Sequence[Sequence[object]]] = {}
    skipped = (contract.INSTRUCTIONS_SHEET, contract.INDICATOR_SHEET) if answers_only else ()
    try:
        identity: TemplateIdentity | None = None
        sheets: list[ReturnedSheet] = []
        indicators: tuple[IndicatorRow, ...] | None = None
        for meta in book.sheets_metadata:
            if meta.typ != SheetTypeEnum.WorkSheet or meta.name in skipped:
                continue  # chart and dialog sheets hold no cells
            grid = book.get_sheet_by_name(meta.name).to_python(skip_empty_area=False)
            if meta.name == contract.IDENTITY_SHEET:
                identity = parse_identity(grid)
            elif meta.name == contract.INSTRUCTIONS_SHEET:
                grids[meta.name] = grid
            elif meta.name == contract.INDICATOR_SHEET:
                indicators = parse_indicators(grid)
            else:
                grids[meta.name] = grid
                sheets.append(parse_sheet(meta.name, grid))
    finally:
        book.close()
    sign_off = SignOff(None, None)
    if identity is not None and not answers_only:  # only our templates carry a sign-off
        if names is None:
            names = defined_names(data)
        sign_off = SignOff(named_cell(names.get(contract.APPROVER_NAME), grids),
                           named_cell(names.get(contract.APPROVED_NAME), grids))
    return ReturnedWorkbook(
        file=rel, sha256=hashlib.sha256(data).hexdigest(), identity=identity,
        sheets=tuple(sheets), sign_off=sign_off, indicators=indicators, partial=answers_only,
    )


_REFERENCE = re.compile(r"^=?(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Z]{1,3})\$?(\d{1,7})$")
_FINNISH_DATE = re.compile(r"^(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4})$")


def named_cell(reference: str | None,
               grids: Mapping[str, Sequence[Sequence[object]]]) -> NamedCell | None:
    """The cell a defined name refers to (``'Ohjeet'!$B$7``), with its text and any date."""
    if not reference:
        return None
    match = _REFERENCE.match(reference.strip())
    if match is None:
        return None
    sheet = (match.group(1) or "").replace("''", "'") or (match.group(2) or "").strip()
    letters, number = match.group(3), int(match.group(4))
    col = 0
    for char in letters:
        col = col * 26 + ord(char) - 64
    grid = grids.get(sheet, ())
    row = grid[number - 1] if number - 1 < len(grid) else ()
    value = row[col - 1] if col - 1 < len(row) else None
    text = cell_text(value)
    day: dt.date | None = None
    if isinstance(value, dt.datetime):
        day = value.date()
    elif isinstance(value, dt.date):
        day = value
    else:
        found = _FINNISH_DATE.match(text)
        if found:
            try:
                day = dt.date(int(found.group(3)), int(found.group(2)), int(found.group(1)))
            except ValueError:
                day = None
    return NamedCell(sheet=sheet, cell=f"{letters}{number}", text=text, date=day)


def parse_identity(grid: Sequence[Sequence[object]]) -> TemplateIdentity | None:
    """The identity sheet's key/value rows (column A key, column B value)."""
    pairs: dict[str, str] = {}
    for row in grid[:5000]:
        if len(row) >= 2:
            key = cell_text(row[0]).casefold()
            if key and key not in pairs:
                pairs[key] = cell_text(row[1])
    if pairs.get("tuote") != contract.IDENTITY_PRODUCT:
        return None
    version = pairs.get("pohjan_versio", "")
    return TemplateIdentity(
        product=pairs["tuote"],
        template_version=int(version) if version.isdigit() else None,
        strategy_id=pairs.get("strategia", ""),
        strategy_fingerprint=pairs.get("strategian_tarkiste", ""),
        department=pairs.get("toimiala", ""),
        period=pairs.get("kausi", ""),
        generator=pairs.get("luotu_ohjelmalla", ""),
        carried_from=pairs.get(contract.CARRIED_FROM_KEY, ""),
        carried={key[len(contract.CARRIED_PREFIX):].upper(): value for key, value in pairs.items()
                 if key.startswith(contract.CARRIED_PREFIX)},
        intact=(contract.identity_fingerprint(pairs) == pairs[contract.IDENTITY_FINGERPRINT_KEY]
                if contract.IDENTITY_FINGERPRINT_KEY in pairs else None),
    )


_SPACE = re.compile(r"\s+")


class _HeaderSet:
    """The headers a sheet's header row is made of, and what makes a row the header row.

    A cell names a header when its text does, ignoring case and whitespace; texts longer than
    ``max_chars`` are skipped without being normalised (strategy texts are long). A row is a
    candidate when it names at least ``minimum`` headers, ``required`` among them if given.
    """

    def __init__(self, headers: Sequence[str], *, max_chars: int, minimum: int,
                 required: str | None = None) -> None:
        keys = {_SPACE.sub(" ", h).strip().casefold(): h for h in headers}
        self.names = frozenset(keys.values())
        self.max_chars = max_chars
        self.minimum = minimum
        self.required = required

        # The same titles, headers and strategy texts come back in every return of a
        # strategy: a reading worker remembers what each short text it has seen is.
        @bounded_memory(20_000)
        def header_of(value: str) -> str | None:
            """The header a cell's text names, ignoring case and whitespace, or None."""
            return keys.get(" ".join(value.split()).casefold())

        self.header_of = header_of


_DATA_HEADERS = _HeaderSet(
    contract.ALL_HEADERS,
    max_chars=4 * max(len(h) for h in contract.ALL_HEADERS),  # room for odd whitespace
    minimum=3)  # a title cell that happens to say "Tila" is not a header row
_INDICATOR_HEADERS = _HeaderSet(contract.INDICATOR_HEADERS, max_chars=99, minimum=1,
                                required="Tunniste")


HEADER_FALLBACK_ROWS = 1000  # a header row pushed further down is still found (and reported)


def find_header(grid: Sequence[Sequence[object]]) -> tuple[int | None, dict[str, int]]:
    """The header row (0-based) and its contract columns.

    The row with the most contract headers wins; a header that was deleted or renamed leaves
    a gap in ``columns`` for the checks to report, rather than hiding the whole sheet. The
    contract's place is the first ``HEADER_SEARCH_ROWS`` rows; when rows were inserted above
    it, the row is looked for further down, so the data is still read (the checks say so).
    """
    best = _best_header(grid, 0, contract.HEADER_SEARCH_ROWS)
    if best[0] is None:
        best = _best_header(grid, contract.HEADER_SEARCH_ROWS, HEADER_FALLBACK_ROWS)
    return best


def _best_header(grid: Sequence[Sequence[object]], start: int, stop: int,
                 headers: _HeaderSet = _DATA_HEADERS) -> tuple[int | None, dict[str, int]]:
    """The row among ``grid[start:stop]`` that names the most ``headers`` (the first such
    row), with the column of each header it names; (None, {}) when no row qualifies."""
    best: tuple[int | None, dict[str, int]] = (None, {})
    header_of, max_chars, minimum = headers.header_of, headers.max_chars, headers.minimum
    required, every = headers.required, len(headers.names)
    for index in range(start, min(stop, len(grid))):
        columns: dict[str, int] = {}
        for col, value in enumerate(grid[index]):
            if type(value) is not str or len(value) > max_chars:
                continue  # strategy texts are long: skip them without normalising
            header = header_of(value)
            if header is not None and header not in columns:
                columns[header] = col
        if (len(columns) >= minimum and len(columns) > len(best[1])
                and (required is None or required in columns)):
            best = (index, columns)
            if len(columns) == every:
                break  # every header: no later row can have more
    return best


def parse_indicators(grid: Sequence[Sequence[object]]) -> tuple[IndicatorRow, ...]:
    """The indicator sheet's rows: found by its header row, as the data sheets are."""
    header, columns = _best_header(grid, 0, contract.HEADER_SEARCH_ROWS, _INDICATOR_HEADERS)
    if header is None:
        return ()
    letters = {h: column_letters(col) for h, col in columns.items()}
    rows = []
    for index in range(header + 1, len(grid)):
        line = grid[index]
        values = {h: cell_text(line[col]) if col < len(line) else ""
                  for h, col in columns.items()}
        if not values.get("Tunniste"):
            continue
        number = index + 1
        rows.append(IndicatorRow(
            row=number, indicator_id=values["Tunniste"], value=values.get(contract.VALUE, ""),
            source=values.get(contract.SOURCE, ""),
            cells={h: f"{letters[h]}{number}" for h in columns}))
    return tuple(rows)


def place_renamed(line: Sequence[object], columns: Mapping[str, int]) -> dict[str, int]:
    """Columns of headers whose text was changed, placed by their found neighbours.

    The contract fixes the order, so a missing header between two found ones that sit two
    columns apart is the column between them; the first or last header, the column next to its
    one neighbour. Anything less certain (a neighbour missing too, a place taken) is not
    guessed: the header is reported missing instead.
    """
    taken = set(columns.values())
    placed: dict[str, int] = {}
    for i, header in enumerate(contract.HEADERS):
        if header in columns:
            continue
        left = columns.get(contract.HEADERS[i - 1]) if i > 0 else None
        right = columns.get(contract.HEADERS[i + 1]) if i + 1 < len(contract.HEADERS) else None
        at_end = i == 0 or i + 1 == len(contract.HEADERS)
        if not at_end and (left is None or right is None):
            continue
        guesses = {c for c in ((left + 1) if left is not None else None,
                               (right - 1) if right is not None else None) if c is not None}
        if len(guesses) != 1:
            continue
        col = guesses.pop()
        if col < 0 or col in taken or col in placed.values():
            continue
        placed[header] = col
    return placed


def parse_sheet(name: str, grid: Sequence[Sequence[object]]) -> ReturnedSheet:
    header, found = find_header(grid)
    if header is None:
        return ReturnedSheet(name=name, header_row=None, columns={}, rows=())
    line = grid[header]
    placed = place_renamed(line, found)
    renamed = {h: cell_text(line[col]) if col < len(line) else "" for h, col in placed.items()}
    # Only the base columns are placed by their neighbours: a version 1 template has no
    # deviation columns, so a missing one there is no sign of a renamed header.
    columns = {h: found.get(h, placed.get(h)) for h in contract.ALL_HEADERS
               if h in found or h in placed}
    unplaced = tuple(h for h in contract.HEADERS if h not in columns)
    letters = {h: column_letters(col) for h, col in columns.items() if col is not None}
    read = [(h, col) for h, col in columns.items() if col is not None]
    blank = dict.fromkeys(contract.ALL_HEADERS, "")
    rows: list[ReturnedRow] = []
    for index in range(header + 1, len(grid)):
        line = grid[index]
        width = len(line)
        values: dict[str, str] | None = None  # made when the row has a first value
        kinds: dict[str, str] = {}
        for h, col in read:
            if col >= width:
                continue
            value = line[col]
            if type(value) is str:  # most cells: ``cell_text``'s first case, inline
                if not value:
                    continue
                text = value.strip() if value.isprintable() else cell_text(value)
                if not text:
                    continue
            elif value is None:
                continue
            else:
                text = cell_text(value)
                if not text:
                    continue
                kinds[h] = value_kind(value)
            if values is None:
                values = blank.copy()
            values[h] = text
        if values is None:
            continue  # an empty row
        number = str(index + 1)
        rows.append(ReturnedRow(
            sheet=name, row=index + 1, row_id=values["Tunniste"], values=values,
            cells={h: column + number for h, column in letters.items()}, kinds=kinds,
        ))
    return ReturnedSheet(name=name, header_row=header + 1,
                         columns={h: c for h, c in columns.items() if c is not None},
                         rows=tuple(rows), renamed=renamed, unplaced=unplaced)


# --- cell text ----------------------------------------------------------------------------

def value_kind(value: object) -> str:
    """What a cell that is not text holds: "boolean", "number", "date", "time" or "other"."""
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, dt.datetime | dt.date):
        return "date"
    if isinstance(value, dt.time | dt.timedelta):
        return "time"
    return "other"


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def cell_text(value: object) -> str:
    """A cell's value as the text a person sees in it."""
    if type(value) is str:  # by far the most common: checked first
        if value.isprintable():  # no line break, no control character: nothing to remove
            return value.strip()
        text = value
        if "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        return _CONTROL.sub("", text).strip()
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TOSI" if value else "EPÄTOSI"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.datetime):
        day = f"{value.day}.{value.month}.{value.year}"
        if value.time() == dt.time():
            return day
        return f"{day} {value.hour}.{value.minute:02d}"
    if isinstance(value, dt.date):
        return f"{value.day}.{value.month}.{value.year}"
    if isinstance(value, dt.time):
        return f"{value.hour}.{value.minute:02d}"
    if isinstance(value, dt.timedelta):
        minutes, seconds = divmod(int(value.total_seconds()), 60)
        return f"{minutes // 60}.{minutes % 60:02d}.{seconds:02d}"
    return _CONTROL.sub("", str(value)).strip()


# --- progress -----------------------------------------------------------------------------


class _Progress:
    """A progress bar on stderr (the CLI asks for one only on a terminal)."""

    def __init__(self, total: int) -> None:
        import click

        self.bar = click.progressbar(length=total, label="Luetaan työkirjoja", file=sys.stderr,
                                     show_pos=True, show_percent=False, show_eta=False)
        self.bar.__enter__()

    def advance(self, count: int) -> None:
        self.bar.update(count)

    def close(self) -> None:
        self.bar.__exit__(None, None, None)
