"""The sign-off: the head of the department stands behind the return.

The template's instructions sheet has two open cells, reached through the workbook-level
defined names ``Hyvaksyja`` and ``Hyvaksytty``. No approver or no date is ``approval-missing``
(a warning; an error where the working folder's settings say ``require_approval = true``). A
date that is not a date, is before the period began or is in the future is
``approval-invalid``: returns are usually signed after the period ends, but never before it
began. Returns from a template without the cells (version 1) get no finding here:
``template-outdated`` already says what they lack.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from kemireport.core.findings import Finding, Location
from kemireport.core.finnish import and_list, fi_date
from kemireport.core.period import Period
from kemireport.reading.model import NamedCell, ReturnedWorkbook


def check_sign_off(workbook: ReturnedWorkbook, department: str, period: Period, *,
                   today: date, required: bool) -> Iterator[Finding]:
    """approval-missing and approval-invalid, at the sign-off cells."""
    approver, approved = workbook.sign_off.approver, workbook.sign_off.approved
    if approver is None and approved is None:
        return

    def at(cell: NamedCell | None) -> Location:
        return {"file": workbook.file, "department": department,
                "sheet": cell.sheet if cell else None, "cell": cell.cell if cell else None}

    missing = [label for label, cell in (("hyväksyjän nimi", approver),
                                         ("hyväksymispäivä", approved))
               if cell is None or not cell.text]
    if missing:
        first = approver if approver is None or not approver.text else approved
        what = and_list(missing)
        yield Finding.of(
            "approval-missing",
            f"Palautuksesta puuttuu {what}. Toimialajohtaja tai hänen valtuuttamansa henkilö "
            "hyväksyy vastaukset: kirjoita Ohjeet-välilehden Hyväksyntä-kohtaan hyväksyjän "
            "nimi ja tehtävänimike sekä hyväksymispäivä.",
            severity="error" if required else "warning", **at(first),
        )
    if approved is None or not approved.text:
        return
    if approved.date is None:
        yield Finding.of(
            "approval-invalid",
            f"Hyväksymispäivä ”{approved.text}” ei ole päivämäärä. Kirjoita päivä muodossa "
            "15.8.2025.",
            **at(approved),
        )
    elif approved.date < period.start:
        yield Finding.of(
            "approval-invalid",
            f"Hyväksymispäivä {fi_date(approved.date)} on ennen seurantakauden alkua "
            f"({fi_date(period.start)}). Tarkista päivämäärä: vastaukset hyväksytään "
            "yleensä seurantakauden päätyttyä.",
            **at(approved),
        )
    elif approved.date > today:
        yield Finding.of(
            "approval-invalid",
            f"Hyväksymispäivä {fi_date(approved.date)} on tulevaisuudessa. Kirjoita päivä, "
            "jona vastaukset hyväksyttiin.",
            **at(approved),
        )
