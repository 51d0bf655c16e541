"""The validation verdict as text for a person: findings per department, then one summary line.

``validate --format json`` prints the same verdict as data (``Verdict.to_dict``).
"""

from __future__ import annotations

import textwrap

from kemireport.core.findings import Finding, Severity, Verdict
from kemireport.core.finnish import (
    and_list,
    count_words,
    elative,
    fi_int,
    number,
    numbers_in_words,
)
from kemireport.strategy import Strategy

_SEVERITY_WORD = {"error": "virhe", "warning": "varoitus", "info": "ilmoitus"}
_HEADINGS = ("vakavuus", "koodi", "välilehti", "solu", "tunniste")


def summary_line(verdict: Verdict) -> str:
    """How many returned and reported, and what the check found, in two sentences:
    ``Seurantatietonsa on palauttanut neljä toimialaa viidestä, ja 71 toimenpidettä 92:sta on
    raportoitu. Tarkistuksessa havaittiin kuusi virhettä.``"""
    s = verdict.summary
    received, expected = s.departments_received, s.departments_expected
    if received == expected:
        returned = (f"Kaikki {count_words(expected, 'toimiala', 'toimialaa')} ovat "
                    "palauttaneet seurantatietonsa" if expected != 1 else
                    "Toimiala on palauttanut seurantatietonsa")
    elif received == 0:
        returned = "Yksikään toimiala ei ole palauttanut seurantatietojaan"
    else:
        words = numbers_in_words(received, expected)
        shown = count_words(received, "toimiala", "toimialaa") if words else \
            f"{fi_int(received)} toimialaa"
        returned = (f"Seurantatietonsa on palauttanut {shown} {elative(expected, words)}")
    words = numbers_in_words(s.rows_complete, s.rows_expected)
    if s.rows_complete == 0:
        return f"{returned}, eikä yhtäkään toimenpidettä ole raportoitu. " \
               f"{findings_sentence(verdict)}"
    if s.rows_complete == s.rows_expected:
        rows = f"kaikki {number(s.rows_expected, words)} toimenpidettä on raportoitu"
    else:
        rows = (f"{number(s.rows_complete, words)} toimenpidettä "
                f"{elative(s.rows_expected, words)} on raportoitu")
    return f"{returned}, ja {rows}. {findings_sentence(verdict)}"


def findings_sentence(verdict: Verdict) -> str:
    """``Tarkistuksessa havaittiin kuusi virhettä ja yksi varoitus.``; never a zero."""
    kinds: tuple[tuple[Severity, str, str], ...] = (
        ("error", "virhe", "virhettä"), ("warning", "varoitus", "varoitusta"),
        ("info", "ilmoitus", "ilmoitusta"))
    found = [count_words(verdict.count(severity), one, many)
             for severity, one, many in kinds if verdict.count(severity)]
    errors, warnings = verdict.count("error"), verdict.count("warning")
    if not found:
        return "Tarkistuksessa ei havaittu virheitä eikä varoituksia."
    if errors:
        return f"Tarkistuksessa havaittiin {and_list(found)}."
    if warnings:
        return f"Tarkistuksessa ei havaittu virheitä, mutta havaittiin {and_list(found)}."
    return f"Tarkistuksessa ei havaittu virheitä eikä varoituksia; havaittiin {and_list(found)}."


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
    heading = f"Seurantakausi {verdict.period.label} ({verdict.period.id})"
    lines = [f"{heading}, strategia: {strategy.name}", ""]
    findings = verdict.sorted_findings()
    used = verdict.used_files()
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
    lines.extend(textwrap.wrap(summary_line(verdict), width))
    if not any(f.severity in ("error", "warning") for f in findings):
        lines.append("Kaikki palautukset ovat kunnossa.")
    return "\n".join(lines) + "\n"
