"""Validate a folder of returns: read every file, run the checks, decide one return per department.

``validate_outcomes`` is the pure part (reader outcomes in, a ``Validation`` out), so every
rule is testable on data built in memory; ``validate_folder`` adds the reading. The verdict is
deterministic: relative file names, sorted findings, nothing time-dependent in it. Each answered
row's meaning (``checks.meaning``) is decided here, once, and travels with the validation to
consolidation.
"""

from __future__ import annotations

import io
import pickle
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kemireport.checks import Where, check_action
from kemireport.checks.approval import check_sign_off
from kemireport.checks.carried import check_carried
from kemireport.checks.departments import Claim, check_duplicates, check_missing, rank
from kemireport.checks.headers import check_headers
from kemireport.checks.identity import REJECTING, check_identity, identity_department
from kemireport.checks.indicators import IndicatorValue, read_indicators
from kemireport.checks.meaning import Answer, completes, interpret
from kemireport.checks.overview import CoordinatorText, check_overview
from kemireport.checks.period import check_period
from kemireport.checks.rows import RowIndex, check_rows, index_rows
from kemireport.core.findings import FileStatus, Finding, Summary, Verdict, sort_key
from kemireport.core.period import Period
from kemireport.errors import KemireportError
from kemireport.reading.model import ReturnedWorkbook
from kemireport.reading.overview import OVERVIEW_FILE, Overview, read_overview
from kemireport.strategy import Action, Indicator, Strategy

if TYPE_CHECKING:
    from kemireport.reading.reader import ReadOutcome

# What a file-level finding from the reader makes of the file's status.
_FILE_STATUS = {
    "file-unreadable": "unreadable",
    "file-encrypted": "encrypted",
    "file-unsupported-format": "unsupported",
    "file-ignored": "ignored",
}


@dataclass
class Validation:
    """The verdict on a period's folder and what the reports need of the returns used."""

    period: Period
    verdict: Verdict
    # file -> its real path on disk, for every file of the folder (``file`` is the name shown,
    # which may have escapes for odd names)
    sources: dict[str, str]
    accepted: dict[str, ReturnedWorkbook]  # department code -> the return used for it
    # department code -> how the accepted return's rows matched the strategy's actions; its
    # ``reported_rows()`` are the rows with content that belong to no action (row-unknown).
    rows: dict[str, RowIndex] = field(default_factory=dict)
    # department code -> the accepted return's answered rows and what they mean: the matched
    # actions in strategy order, then the rows the department added, as a person reads them.
    answers: dict[str, tuple[Answer, ...]] = field(default_factory=dict)
    # department code -> the accepted return's indicator values (``checks.indicators``).
    indicators: dict[str, tuple[IndicatorValue, ...]] = field(default_factory=dict)
    # The coordinator's overview, placed by goal (``checks.overview``).
    overview: CoordinatorText = field(default_factory=lambda: CoordinatorText(given=False))


@dataclass(frozen=True)
class Rules:
    """What the working folder's settings ask of a return beyond the contract."""

    require_approval: bool = False  # a missing sign-off is an error, not a warning
    today: date | None = None  # the day approval dates are checked against (default: today)

    @property
    def day(self) -> date:
        """The day approval dates are checked against: ``today``, else today's date."""
        return self.today if self.today is not None else date.today()

    def fixed(self) -> Rules:
        """These rules with their ``day`` fixed, so that every file of a run is checked
        against the same day (in every reading worker, and across midnight)."""
        return replace(self, today=self.day)


@dataclass
class Candidate:
    """A return of a department, checked: what the reports need if it is the one used."""

    workbook: ReturnedWorkbook
    index: RowIndex
    findings: list[Finding]
    answers: tuple[Answer, ...]
    indicators: tuple[IndicatorValue, ...] = ()


@dataclass(frozen=True)
class Examined:
    """One file of the folder, examined on its own: all that validation needs of it.

    A file is examined where it was read (in a reading worker, ``FolderReader``), so only this
    record crosses to the main process. A department's return has a ``claim``, and its
    ``candidate`` (what the reports need if it is the one used) may travel packed (``pack``)
    or be left behind (``light``) and fetched again for the one return that is used: a folder
    of a thousand copies then costs neither a thousand parsed workbooks in memory nor their
    transfer between processes.
    """

    file: str
    source: str
    finding: Finding | None  # the reader's file-level finding
    # What became of a file that is not a return ("unreadable", "ignored", "rejected"...);
    # None for a return, whose status is decided among its department's returns.
    status: str | None
    department: str | None = None  # the department the workbook claims, if the strategy knows
    rejecting: tuple[Finding, ...] = ()  # identity findings that keep the file out
    claim: Claim | None = None  # set for a return that competes for its department
    candidate: Candidate | bytes | None = None
    sha256: str = ""  # of the bytes read, for a return

    def pack(self, strategy: Strategy) -> Examined:
        """The same record with its candidate as bytes (cheap to send between processes)."""
        if not isinstance(self.candidate, Candidate):
            return self
        return replace(self, candidate=pack(strategy, self.candidate))

    def light(self) -> Examined:
        """The same record without its candidate."""
        return self if self.candidate is None else replace(self, candidate=None)

    def unpacked(self, strategy: Strategy) -> Candidate:
        assert self.candidate is not None, "only a competing return has a candidate"
        if isinstance(self.candidate, bytes):
            return unpack(strategy, self.candidate)
        return self.candidate


# Up to this many files, the workers send every return's candidate at once; above it, only
# the claims, and the one return used for each department is read again.
SEND_CANDIDATES_UP_TO = 32


def validate_folder(strategy: Strategy, period: Period, input_dir: Path, *,
                    progress: bool = False, rules: Rules = Rules()) -> Validation:
    """Read every file under ``input_dir`` (never writing to it) and validate the returns."""
    from kemireport.reading.reader import FolderReader

    rules = rules.fixed()
    with FolderReader(input_dir, partial(_examine_file, strategy, period, rules)) as folder:
        examined = folder.examine(full=len(folder) <= SEND_CANDIDATES_UP_TO, progress=progress)
        return decide(strategy, period, examined, again=folder.again,
                      overview=read_overview(input_dir), overview_expected=True)


def _examine_file(strategy: Strategy, period: Period, rules: Rules, outcome: ReadOutcome,
                  full: bool) -> Examined:
    """What a reading worker sends back of one file: with its candidate packed when ``full``."""
    examined = examine(strategy, period, outcome, modified=outcome.modified, rules=rules,
                       claim_only=not full)
    return examined.pack(strategy) if full else examined


def validate_outcomes(strategy: Strategy, period: Period, outcomes: list[ReadOutcome], *,
                      modified: Mapping[str, float] | None = None, rules: Rules = Rules(),
                      overview: Overview | None = None,
                      overview_expected: bool = False) -> Validation:
    """Validate what the reader returned. Duplicate ties are broken by modification time:
    each outcome's own (``ReadOutcome.modified``) unless ``modified`` (file -> mtime) gives one.

    ``overview`` is the coordinator's overview file, if there is one; only when it is
    ``overview_expected`` (a real input folder) does its absence give a finding.
    """
    modified = modified or {}
    rules = rules.fixed()
    examined = (examine(strategy, period, outcome,
                        modified=modified.get(outcome.file, outcome.modified),
                        rules=rules) for outcome in outcomes)
    return decide(strategy, period, examined, overview=overview,
                  overview_expected=overview_expected)


def examine(strategy: Strategy, period: Period, outcome: ReadOutcome, *, modified: float = 0.0,
            rules: Rules = Rules(), claim_only: bool = False) -> Examined:
    """Every check that needs only this one file: its identity, rows, sign-off, indicators.

    ``claim_only``: of a department's return, only what ranks it against the department's
    other returns (its findings and candidate are worked out when it is the one used).
    """
    workbook = outcome.workbook
    if workbook is None:
        code = outcome.finding.code if outcome.finding is not None else "file-unreadable"
        return Examined(outcome.file, outcome.source, outcome.finding,
                        _FILE_STATUS.get(code, "unreadable"))
    identity = list(check_identity(workbook, strategy, period))
    rejecting = tuple(f for f in identity if f.code in REJECTING)
    department = identity_department(workbook, strategy)
    if department is None or rejecting:
        return Examined(outcome.file, outcome.source, outcome.finding, "rejected", department,
                        rejecting)
    if claim_only or workbook.partial:
        if not claim_only:
            raise ValueError(f"{workbook.file}: only its answers were read; read it whole")
        return Examined(outcome.file, outcome.source, outcome.finding, None, department,
                        rejecting, _claim(strategy, department, workbook, modified),
                        sha256=workbook.sha256)
    candidate, claim = _check_workbook(strategy, department, workbook, identity, modified)
    candidate.findings.extend(check_sign_off(workbook, department, period,
                                             today=rules.day,
                                             required=rules.require_approval))
    return Examined(outcome.file, outcome.source, outcome.finding, None, department,
                    rejecting, claim, candidate, workbook.sha256)


def _rank(item: Examined) -> tuple[int, float, str]:
    """The order of ``departments.choose``, so the return used is the one its message names."""
    assert item.claim is not None
    return rank(item.claim)


def decide(strategy: Strategy, period: Period, examined: Iterable[Examined], *,
           again: Callable[[Collection[str]], Iterable[Examined]] | None = None,
           overview: Overview | None = None, overview_expected: bool = False) -> Validation:
    """The verdict on a folder from its examined files, taken in any order.

    Only the best return so far of each department keeps its candidate; the others keep only
    their claim (for ``duplicate-department``), so memory does not grow with copies. A best
    return that came without its candidate is fetched ``again`` (read afresh): if its bytes
    are no longer those first read, the folder changed during the run, and the run stops.
    """
    findings: list[Finding] = []
    statuses: dict[str, FileStatus] = {}
    sources: dict[str, str] = {}
    returns: dict[str, list[Examined]] = {}  # department -> its returns, best first once sorted
    rejected: dict[str, list[Finding]] = {}

    for item in examined:
        if item.file == OVERVIEW_FILE:
            continue  # the coordinator's overview is read as text, not as a return
        if item.source:
            sources[item.file] = item.source
        if item.finding is not None:
            findings.append(item.finding)
        findings.extend(item.rejecting)
        if item.claim is None or item.department is None:
            statuses[item.file] = FileStatus(item.file, item.department,
                                             item.status or "unreadable")
            if item.department is not None:
                rejected.setdefault(item.department, []).extend(item.rejecting)
            continue
        competing = returns.setdefault(item.department, [])
        if competing and _rank(item) < _rank(competing[0]):
            competing[0] = competing[0].light()  # no longer the best: its claim is enough
            competing.insert(0, item)
        else:
            competing.append(item.light() if competing else item)
        statuses[item.file] = FileStatus(item.file, item.department, "duplicate")

    fetch = [competing[0].file for competing in returns.values()
             if competing[0].candidate is None]
    if fetch:
        if again is None:
            raise ValueError("a return without its candidate, and no way to read it again")
        fetched = {item.file: item for item in again(fetch)}
        for competing in returns.values():
            best = competing[0]
            if best.candidate is None:
                fresh = fetched.get(best.file)
                if fresh is None or fresh.sha256 != best.sha256 or fresh.candidate is None:
                    raise KemireportError(
                        f"Palautus {best.file} muuttui tai katosi tarkistuksen aikana. Aja "
                        "komento uudelleen, kun kansion tiedostoja ei enää muokata.")
                competing[0] = fresh

    accepted: dict[str, ReturnedWorkbook] = {}
    rows: dict[str, RowIndex] = {}
    answers: dict[str, tuple[Answer, ...]] = {}
    indicators: dict[str, tuple[IndicatorValue, ...]] = {}
    complete = 0
    for department in (d.code for d in strategy.departments):
        items = returns.get(department, [])
        if not items:
            continue
        chosen_item = items[0]
        chosen = chosen_item.unpacked(strategy)
        chosen_findings = list(chosen.findings)
        claims = [item.claim for item in items if item.claim is not None]
        if len(claims) > 1:
            duplicates = list(check_duplicates(strategy, department, claims))
            findings.extend(duplicates)
            chosen_findings.extend(f for f in duplicates if f.file == chosen_item.file)
        findings.extend(f for f in chosen_findings if f.code != "duplicate-department")
        serious = any(f.severity in ("error", "warning") for f in chosen_findings)
        statuses[chosen_item.file] = FileStatus(chosen_item.file, department,
                                                "findings" if serious else "ok")
        accepted[department] = chosen.workbook
        rows[department] = chosen.index
        answers[department] = chosen.answers
        indicators[department] = chosen.indicators
        complete += claims[0].complete

    findings.extend(check_missing(strategy, period, accepted, rejected))
    findings.extend(check_period(strategy, period))
    placed, overview_findings = check_overview(strategy, overview)
    if overview is not None or overview_expected:
        findings.extend(overview_findings)
        if overview is not None:
            statuses[OVERVIEW_FILE] = FileStatus(OVERVIEW_FILE, None, "overview")
    verdict = Verdict(
        period=period,
        files=sorted(statuses.values(), key=lambda s: s.file),
        findings=sorted(set(findings), key=sort_key),
        summary=Summary(
            departments_expected=len(strategy.departments),
            departments_received=len(accepted),
            rows_expected=len(strategy.actions),
            rows_complete=complete,
        ),
    )
    return Validation(period=period, verdict=verdict, sources=sources, accepted=accepted,
                      rows=rows, answers=answers, indicators=indicators, overview=placed)


def _check_workbook(strategy: Strategy, department: str, workbook: ReturnedWorkbook,
                    identity: list[Finding], modified: float) -> tuple[Candidate, Claim]:
    where = Where(workbook.file, department)
    index = index_rows(workbook, strategy, department)
    findings = [*identity, *check_headers(workbook, strategy, where),
                *check_rows(index, strategy, where)]
    answers: list[Answer] = []
    for action in strategy.actions_for(department):
        row = index.matched.get(action.id)
        if row is None:
            continue
        meaning = interpret(strategy, action, row)
        answers.append(Answer(action, row, meaning))
        findings.extend(check_action(strategy, action, row, meaning, where))
        if workbook.identity is not None and workbook.identity.carried:
            findings.extend(check_carried(row, action.id, workbook.identity.carried,
                                          workbook.identity.carried_from, where))
    complete = sum(1 for answer in answers if answer.meaning.complete)
    # Rows the department added are reported content too: their meaning is decided the same way.
    sheets = {sheet.name: i for i, sheet in enumerate(workbook.sheets)}
    extras = sorted(index.reported_rows(), key=lambda r: (sheets.get(r.sheet, len(sheets)), r.row))
    answers.extend(Answer(None, row, interpret(strategy, None, row)) for row in extras)
    indicators, indicator_findings = read_indicators(strategy, department, workbook)
    findings.extend(indicator_findings)
    return (Candidate(workbook, index, findings, tuple(answers), indicators),
            Claim(workbook.file, complete, modified))


def _claim(strategy: Strategy, department: str, workbook: ReturnedWorkbook,
           modified: float) -> Claim:
    """The claim ``_check_workbook`` would make, without the findings."""
    index = index_rows(workbook, strategy, department)
    complete = sum(1 for action in strategy.actions_for(department)
                   if (row := index.matched.get(action.id)) is not None
                   and completes(strategy, action, row))
    return Claim(workbook.file, complete, modified)


# --- a candidate between processes ------------------------------------------------------------
# A candidate refers to the strategy's own actions and indicators, which both processes already
# have: they travel as references, not copies, and come back as the very same objects.


class _Pickler(pickle.Pickler):
    def __init__(self, file: io.BytesIO, strategy: Strategy) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.strategy = strategy

    def persistent_id(self, obj: Any) -> tuple[str, str] | None:
        kind = type(obj)
        if kind is Action:
            key: str = obj.id
            return ("action", key) if self.strategy.action(key) is obj else None
        if kind is Indicator:
            key = obj.id
            return ("indicator", key) if self.strategy.indicator(key) is obj else None
        return None


class _Unpickler(pickle.Unpickler):
    def __init__(self, file: io.BytesIO, strategy: Strategy) -> None:
        super().__init__(file)
        self.strategy = strategy

    def persistent_load(self, pid: Any) -> Any:
        kind, key = pid
        found = (self.strategy.action(key) if kind == "action"
                 else self.strategy.indicator(key))
        if found is None:
            raise pickle.UnpicklingError(f"no {kind} {key} in the strategy")
        return found


def pack(strategy: Strategy, candidate: Candidate) -> bytes:
    """``candidate`` as bytes; ``unpack`` with the same strategy gives it back."""
    buffer = io.BytesIO()
    _Pickler(buffer, strategy).dump(candidate)
    return buffer.getvalue()


def unpack(strategy: Strategy, data: bytes) -> Candidate:
    candidate: Candidate = _Unpickler(io.BytesIO(data), strategy).load()
    return candidate
