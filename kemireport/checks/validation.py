"""Validate a folder of returns: read every file, run the checks, decide one return per department.

``validate_outcomes`` is the pure part (reader outcomes in, a ``Validation`` out), so every
rule is testable on data built in memory; ``validate_folder`` adds the reading. The report is
deterministic: relative file names, sorted findings, nothing time-dependent in it.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kemireport.checks import Where, check_action, is_complete
from kemireport.checks.carried import check_carried
from kemireport.checks.departments import Claim, check_duplicates, check_missing, choose
from kemireport.checks.identity import REJECTING, check_identity, identity_department
from kemireport.checks.rows import RowIndex, check_rows, index_rows
from kemireport.core.findings import FileStatus, Finding, Summary, Verdict, sort_key
from kemireport.core.period import Period
from kemireport.errors import PeriodError
from kemireport.reading.model import ReturnedWorkbook
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


@dataclass
class _Candidate:
    workbook: ReturnedWorkbook
    index: RowIndex
    findings: list[Finding]
    claim: Claim


def validate_folder(strategy: Strategy, period: Period, input_dir: Path, *,
                    progress: bool = False) -> Validation:
    """Read every file under ``input_dir`` (never writing to it) and validate the returns."""
    from kemireport.reading.reader import read_returns

    outcomes = read_returns(input_dir, progress=progress)
    modified: dict[str, float] = {}
    for outcome in outcomes:
        if outcome.workbook is not None:
            try:
                modified[outcome.file] = (input_dir / outcome.file).stat().st_mtime
            except OSError:
                modified[outcome.file] = 0.0
    return validate_outcomes(strategy, period, outcomes, modified=modified)


def validate_outcomes(strategy: Strategy, period: Period, outcomes: list[ReadOutcome], *,
                      modified: Mapping[str, float] | None = None) -> Validation:
    """Validate what the reader returned; ``modified`` (file -> mtime) breaks duplicate ties."""
    modified = modified or {}
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
        candidates.setdefault(department, []).append(
            _check_workbook(strategy, department, workbook, identity,
                            modified.get(outcome.file, 0.0)))

    accepted: dict[str, ReturnedWorkbook] = {}
    rows: dict[str, RowIndex] = {}
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
        complete += chosen.claim.complete

    findings.extend(check_missing(strategy, period.id, accepted, rejected))
    report = Verdict(
        period=period.id,
        files=sorted(statuses.values(), key=lambda s: s.file),
        findings=sorted(set(findings), key=sort_key),
        summary=Summary(
            departments_expected=len(strategy.departments),
            departments_received=len(accepted),
            rows_expected=len(strategy.actions),
            rows_complete=complete,
        ),
    )
    return Validation(period=period, verdict=report, outcomes=list(outcomes),
                      accepted=accepted, rows=rows)


def _check_workbook(strategy: Strategy, department: str, workbook: ReturnedWorkbook,
                    identity: list[Finding], modified: float) -> _Candidate:
    where = Where(workbook.file, department)
    index = index_rows(workbook, strategy, department)
    findings = [*identity, *check_rows(index, strategy, where)]
    complete = 0
    for action in strategy.actions_for(department):
        row = index.matched.get(action.id)
        if row is None:
            continue
        findings.extend(check_action(strategy, action, row, where))
        if workbook.identity is not None and workbook.identity.carried:
            findings.extend(check_carried(row, action.id, workbook.identity.carried,
                                          workbook.identity.carried_from, where))
        complete += is_complete(strategy, row)
    return _Candidate(workbook, index, findings, Claim(workbook.file, complete, modified))


# -- text output ----------------------------------------------------------------------------

_SEVERITY_WORD = {"error": "virhe", "warning": "varoitus", "info": "huom."}
_HEADINGS = ("laji", "koodi", "välilehti", "solu", "tunniste")


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def summary_line(verdict: Verdict) -> str:
    """'4/5 toimialaa palauttanut, 78/86 toimenpidettä raportoitu' and the finding counts."""
    s = verdict.summary
    line = (f"{s.departments_received}/{s.departments_expected} toimialaa palauttanut, "
            f"{s.rows_complete}/{s.rows_expected} toimenpidettä raportoitu")
    counts = [
        _plural(verdict.count("error"), "virhe", "virhettä"),
        _plural(verdict.count("warning"), "varoitus", "varoitusta"),
    ]
    if verdict.count("info"):
        counts.append(_plural(verdict.count("info"), "huomautus", "huomautusta"))
    return f"{line}; {', '.join(counts)}."


def _table(findings: list[Finding], width: int, source: str | None) -> list[str]:
    cells = [
        (_SEVERITY_WORD.get(f.severity, f.severity), f.code, f.sheet or "", f.cell or "",
         f.row_id or "")
        for f in findings
    ]
    widths = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(_HEADINGS)]

    def fixed(values: tuple[str, ...]) -> str:
        return "  " + "  ".join(v.ljust(w) for v, w in zip(values, widths, strict=True)) + "  "

    indent = len(fixed(_HEADINGS))
    room = width - indent
    beside = room >= 50
    lines = [(fixed(_HEADINGS) + ("viesti" if beside else "")).rstrip()]
    below = " " * (4 + widths[0])  # under the code column, so each finding reads as a block
    for values, finding in zip(cells, findings, strict=True):
        # A rejected or unused file of the department: say which file the finding is about.
        message = (f"{finding.file}: {finding.message}"
                   if finding.file and finding.file != source else finding.message)
        if beside:
            wrapped = textwrap.wrap(message, room) or [""]
            lines.append(fixed(values) + wrapped[0])
            lines.extend(" " * indent + rest for rest in wrapped[1:])
        else:
            # Long sheet names leave too little room beside them: the message goes below.
            lines.append(fixed(values).rstrip())
            lines.extend(textwrap.wrap(message, width, initial_indent=below,
                                       subsequent_indent=below))
    return lines


def render_text(verdict: Verdict, strategy: Strategy, *, width: int = 100) -> str:
    """The findings per department in strategy order, other files, then one summary line."""
    try:
        heading = f"Kausi {verdict.period} ({Period.parse(verdict.period).label})"
    except PeriodError:
        heading = f"Kausi {verdict.period}"
    lines = [f"{heading}, strategia: {strategy.name}", ""]
    findings = verdict.sorted_findings()
    used = {s.department: s.file for s in verdict.files
            if s.department and s.status in ("ok", "findings")}
    for department in strategy.departments:
        mine = [f for f in findings if f.department == department.code]
        source = used.get(department.code)
        title = f"{department.name} ({department.code}): " + (source or "ei palautusta")
        if mine:
            if lines[-1]:
                lines.append("")  # a department with findings stands apart
            lines.append(title)
            lines.extend(_table(mine, width, source))
            lines.append("")
        else:
            lines.append(f"{title} — kunnossa")
    if lines[-1]:
        lines.append("")
    others = [f for f in findings if f.department is None]
    if others:
        lines.append("Muut tiedostot")
        for file in sorted({f.file or "" for f in others}):
            lines.append(f"  {file}")
            for finding in (f for f in others if (f.file or "") == file):
                word = _SEVERITY_WORD.get(finding.severity, finding.severity)
                lines.extend(textwrap.wrap(f"{word} {finding.code}: {finding.message}",
                                           width - 4, initial_indent="    ",
                                           subsequent_indent="      "))
        lines.append("")
    lines.append(summary_line(verdict))
    if not any(f.severity in ("error", "warning") for f in findings):
        lines.append("Kaikki palautukset ovat kunnossa.")
    return "\n".join(lines) + "\n"
