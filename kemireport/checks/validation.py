"""Validate a folder of returns: read every file, run the checks, decide one return per department.

``validate_outcomes`` is the pure part (reader outcomes in, a ``Validation`` out), so every
rule is testable on data built in memory; ``validate_folder`` adds the reading. The verdict is
deterministic: relative file names, sorted findings, nothing time-dependent in it. Each answered
row's meaning (``checks.meaning``) is decided here, once, and travels with the validation to
consolidation.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from kemireport.checks import Where, check_action
from kemireport.checks.approval import check_sign_off
from kemireport.checks.carried import check_carried
from kemireport.checks.departments import Claim, check_duplicates, check_missing, choose
from kemireport.checks.headers import check_headers
from kemireport.checks.identity import REJECTING, check_identity, identity_department
from kemireport.checks.indicators import IndicatorValue, read_indicators
from kemireport.checks.meaning import Answer, interpret
from kemireport.checks.overview import CoordinatorText, check_overview
from kemireport.checks.period import check_period
from kemireport.checks.rows import RowIndex, check_rows, index_rows
from kemireport.core.findings import FileStatus, Finding, Summary, Verdict, sort_key
from kemireport.core.period import Period
from kemireport.reading.model import ReturnedWorkbook
from kemireport.reading.overview import OVERVIEW_FILE, Overview, read_overview
from kemireport.strategy import Strategy

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
    period: Period
    verdict: Verdict
    outcomes: list[ReadOutcome]
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


@dataclass
class _Candidate:
    workbook: ReturnedWorkbook
    index: RowIndex
    findings: list[Finding]
    claim: Claim
    answers: tuple[Answer, ...]
    indicators: tuple[IndicatorValue, ...] = ()


def validate_folder(strategy: Strategy, period: Period, input_dir: Path, *,
                    progress: bool = False, rules: Rules = Rules()) -> Validation:
    """Read every file under ``input_dir`` (never writing to it) and validate the returns."""
    from kemireport.reading.reader import read_returns

    # The coordinator's overview is read as text, not as a return.
    outcomes = [o for o in read_returns(input_dir, progress=progress)
                if o.file != OVERVIEW_FILE]
    modified: dict[str, float] = {}
    for outcome in outcomes:
        if outcome.workbook is not None:
            try:
                source = Path(outcome.source) if outcome.source else input_dir / outcome.file
                modified[outcome.file] = source.stat().st_mtime
            except OSError:
                modified[outcome.file] = 0.0
    return validate_outcomes(strategy, period, outcomes, modified=modified, rules=rules,
                             overview=read_overview(input_dir), overview_expected=True)


def validate_outcomes(strategy: Strategy, period: Period, outcomes: list[ReadOutcome], *,
                      modified: Mapping[str, float] | None = None, rules: Rules = Rules(),
                      overview: Overview | None = None,
                      overview_expected: bool = False) -> Validation:
    """Validate what the reader returned; ``modified`` (file -> mtime) breaks duplicate ties.

    ``overview`` is the coordinator's overview file, if there is one; only when it is
    ``overview_expected`` (a real input folder) does its absence give a finding.
    """
    modified = modified or {}
    today = rules.today or date.today()
    findings: list[Finding] = []
    statuses: dict[str, FileStatus] = {}
    candidates: dict[str, list[_Candidate]] = {}
    rejected: dict[str, list[Finding]] = {}

    for outcome in sorted(outcomes, key=lambda o: o.file):
        workbook = outcome.workbook
        if outcome.finding is not None:
            findings.append(outcome.finding)
        if workbook is None:
            code = outcome.finding.code if outcome.finding is not None else "file-unreadable"
            statuses[outcome.file] = FileStatus(outcome.file, None,
                                                _FILE_STATUS.get(code, "unreadable"))
            continue
        identity = list(check_identity(workbook, strategy, period))
        findings.extend(f for f in identity if f.code in REJECTING)
        department = identity_department(workbook, strategy)
        if department is None or any(f.code in REJECTING for f in identity):
            statuses[outcome.file] = FileStatus(outcome.file, department, "rejected")
            if department is not None:
                rejected.setdefault(department, []).extend(
                    f for f in identity if f.code in REJECTING)
            continue
        candidate = _check_workbook(strategy, department, workbook, identity,
                                    modified.get(outcome.file, 0.0))
        candidate.findings.extend(check_sign_off(workbook, department, period, today=today,
                                                 required=rules.require_approval))
        candidates.setdefault(department, []).append(candidate)

    accepted: dict[str, ReturnedWorkbook] = {}
    rows: dict[str, RowIndex] = {}
    answers: dict[str, tuple[Answer, ...]] = {}
    indicators: dict[str, tuple[IndicatorValue, ...]] = {}
    complete = 0
    for department in (d.code for d in strategy.departments):
        claims = candidates.get(department, [])
        if not claims:
            continue
        if len(claims) == 1:
            chosen = claims[0]
        else:
            best, _ = choose([c.claim for c in claims])
            chosen = next(c for c in claims if c.claim is best)
            duplicates = list(check_duplicates(strategy, department, [c.claim for c in claims]))
            findings.extend(duplicates)
            for other in claims:
                if other is not chosen:
                    statuses[other.workbook.file] = FileStatus(other.workbook.file, department,
                                                               "duplicate")
            chosen.findings.extend(f for f in duplicates if f.file == chosen.workbook.file)
        findings.extend(f for f in chosen.findings if f.code != "duplicate-department")
        serious = any(f.severity in ("error", "warning") for f in chosen.findings)
        statuses[chosen.workbook.file] = FileStatus(chosen.workbook.file, department,
                                                    "findings" if serious else "ok")
        accepted[department] = chosen.workbook
        rows[department] = chosen.index
        answers[department] = chosen.answers
        indicators[department] = chosen.indicators
        complete += chosen.claim.complete

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
    return Validation(period=period, verdict=verdict, outcomes=list(outcomes),
                      accepted=accepted, rows=rows, answers=answers, indicators=indicators,
                      overview=placed)


def _check_workbook(strategy: Strategy, department: str, workbook: ReturnedWorkbook,
                    identity: list[Finding], modified: float) -> _Candidate:
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
    return _Candidate(workbook, index, findings, Claim(workbook.file, complete, modified),
                      tuple(answers), indicators)
