"""Validation findings: records, not exceptions.

Modelled on frictionless: every check *yields* ``Finding`` records with a stable kebab-case
code; the ``Verdict`` owns the verdict, and the CLI's exit code is ``int(not report.valid)``.
The JSON output is the same report that the text output renders.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any, Literal, TypedDict

from kemireport.core.period import Period

if TYPE_CHECKING:
    from typing import Unpack

Severity = Literal["error", "warning", "info"]


class Location(TypedDict, total=False):
    """Where a finding points: any of these may be left out (None)."""

    file: str | None
    department: str | None
    sheet: str | None
    cell: str | None
    row_id: str | None


@dataclass(frozen=True)
class FindingType:
    """What a finding code means: its severity and title, the same for every instance."""

    code: str
    severity: Severity
    title: str


# Every finding code, in one registry. Stable: add new ones, never rename (departments' and the
# coordinator's scripts use them). DESIGN.md lists the contract's codes; the rest were added for
# what the contract's codes did not say.
FINDING_TYPES: dict[str, FindingType] = {
    t.code: t
    for t in (
        FindingType("file-unreadable", "error", "Tiedostoa ei voi lukea"),
        FindingType("file-encrypted", "error", "Tiedosto on salasanasuojattu"),
        FindingType("file-unsupported-format", "error", "Tiedostomuotoa ei tueta"),
        FindingType("file-ignored", "info", "Tiedosto ohitettiin"),
        FindingType("not-a-template", "error", "Tiedosto ei ole pohja"),
        FindingType("wrong-period", "error", "Pohja on toisen seurantakauden"),
        FindingType("wrong-strategy", "error", "Pohja on toisen strategian tai version"),
        FindingType("duplicate-department", "error", "Sama toimiala kahdessa tiedostossa"),
        FindingType("missing-department", "error", "Toimiala ei ole palauttanut pohjaa"),
        FindingType("row-missing", "error", "Toimenpiderivi puuttuu"),
        FindingType("row-unknown", "warning", "Rivi ei ole strategian toimenpide"),
        FindingType("strategy-text-changed", "warning", "Strategian tekstiä on muutettu"),
        FindingType("status-missing", "error", "Tila puuttuu"),
        FindingType("status-invalid", "error", "Tila ei ole asteikolla"),
        FindingType("toteuma-missing", "error", "Toteuma puuttuu"),
        FindingType("sdg-invalid", "error", "SDG-numeroita ei voi lukea"),
        # Beyond the contract's table:
        FindingType("template-outdated", "warning", "Pohja on tehty ennen strategian muutosta"),
        FindingType("row-duplicate", "warning", "Sama tunniste on useammalla rivillä"),
        FindingType("row-other-sheet", "info", "Rivi on toisen päämäärän välilehdellä"),
        FindingType("status-contradiction", "warning", "Tila ja Toteuma ovat ristiriidassa"),
        FindingType("toteuma-unchanged", "warning",
                    "Edellisen seurantakauden toteuma on palautettu muuttamattomana"),
        FindingType("deviation-unexplained", "error", "Poikkeaman syy puuttuu"),
        FindingType("approval-missing", "warning", "Hyväksyntä puuttuu"),
        FindingType("approval-invalid", "error", "Hyväksymispäivä ei kelpaa"),
        FindingType("overview-missing", "info", "Strategiakoordinaattorin katsaus puuttuu"),
        FindingType("overview-heading-unknown", "warning",
                    "Katsauksen otsikko ei nimeä päämäärää"),
        FindingType("indicator-invalid", "error", "Mittarin arvo ei ole luku"),
        FindingType("indicator-missing", "warning", "Mittarin arvo puuttuu"),
        FindingType("period-outside-strategy", "warning",
                    "Kausi on strategian vuosien ulkopuolella"),
        FindingType("toteuma-too-long", "warning", "Toteuma on pidempi kuin Excelin solu"),
        FindingType("header-changed", "warning", "Sarakkeen otsikkoa on muutettu"),
        FindingType("header-missing", "error", "Sarake tai otsikkorivi puuttuu"),
        FindingType("header-moved", "warning", "Otsikkorivi on siirtynyt alemmas"),
        FindingType("identity-changed", "error", "Pohjan tunnistetta on muutettu"),
        FindingType("toteuma-not-text", "warning", "Toteuma ei ole tekstiä"),
    )
}


@dataclass(frozen=True)
class Finding:
    """One thing found in the input, with where it is (file, sheet, cell, row id)."""

    code: str
    severity: Severity
    message: str
    file: str | None = None
    department: str | None = None
    sheet: str | None = None
    cell: str | None = None
    row_id: str | None = None

    @classmethod
    def of(cls, code: str, message: str, *, severity: Severity | None = None,
           **location: Unpack[Location]) -> Finding:
        """A finding of a registered code, its severity taken from the code table unless a
        setting raises it (``require_approval`` makes a missing approval an error)."""
        return cls(code=code, severity=severity or FINDING_TYPES[code].severity,
                   message=message, **location)

    @property
    def title(self) -> str:
        kind = FINDING_TYPES.get(self.code)
        return kind.title if kind else self.code

    def to_dict(self) -> dict[str, Any]:
        # ``asdict`` without its deep copies: every field is text or None (a verdict of a
        # thousand copies has a thousand findings).
        return dict(vars(self))


_SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def sort_key(finding: Finding) -> tuple[Any, ...]:
    """A stable order: by department, file, sheet, row, then severity and code."""
    return (
        finding.department or "~",
        finding.file or "",
        finding.sheet or "",
        _cell_order(finding.cell),
        finding.row_id or "",
        _SEVERITY_ORDER.get(finding.severity, 9),
        finding.code,
        finding.message,
    )


def _cell_order(cell: str | None) -> tuple[int, int]:
    if not cell:
        return (0, 0)
    letters = "".join(c for c in cell if c.isalpha())
    digits = "".join(c for c in cell if c.isdigit())
    col = 0
    for char in letters.upper():
        col = col * 26 + (ord(char) - 64)
    return (int(digits or 0), col)


USED_STATUSES = ("ok", "findings")  # FileStatus.status of the file used for its department


@dataclass(frozen=True)
class FileStatus:
    """One file of the input folder and what became of it."""

    file: str
    department: str | None
    status: str  # "ok", "findings", "unreadable", "ignored", "rejected", "duplicate"

    def to_dict(self) -> dict[str, Any]:
        return dict(vars(self))  # as ``asdict``: every field is text or None


@dataclass
class Summary:
    """How much of the period's expected reporting came in."""

    departments_expected: int = 0
    departments_received: int = 0
    rows_expected: int = 0
    rows_complete: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Verdict:
    """The findings of validating one folder, the files seen, and what owns the verdict."""

    period: Period
    files: list[FileStatus] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    summary: Summary = field(default_factory=Summary)

    @property
    def valid(self) -> bool:
        return not any(f.severity == "error" for f in self.findings)

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    def sorted_findings(self) -> list[Finding]:
        return sorted(self.findings, key=sort_key)

    def used_files(self) -> dict[str, str]:
        """Department code -> the name of the file used for it (the accepted return, with or
        without findings); a department without one is absent."""
        return {s.department: s.file for s in self.files
                if s.department and s.status in USED_STATUSES}

    def to_dict(self) -> dict[str, Any]:
        return {
            "period": self.period.id,
            "valid": self.valid,
            "summary": self.summary.to_dict(),
            "files": [f.to_dict() for f in sorted(self.files, key=lambda s: s.file)],
            "findings": [f.to_dict() for f in self.sorted_findings()],
        }
