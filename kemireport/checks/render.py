"""The validation verdict as text for a person: findings per department, then one summary line.

``validate --format json`` prints the same verdict as data (``Verdict.to_dict``).
"""

from __future__ import annotations

import textwrap

from kemireport.core.findings import Finding, Verdict
from kemireport.strategy import Strategy

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
    heading = f"Kausi {verdict.period.id} ({verdict.period.label})"
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
