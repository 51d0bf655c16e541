"""Action rows: matched by tunniste, wherever they are in the workbook.

Rows are matched by their tunniste, not by position, so sorted, moved and re-ordered rows are
fine — even a row moved to another goal's sheet. What cannot be matched is still kept (as an
unknown row), because a department's text is never dropped silently.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from kemireport.checks.common import Where, quoted, shorten, squash, tunniste_key
from kemireport.core.findings import Finding
from kemireport.core.finnish import quote
from kemireport.reading.model import ReturnedRow, ReturnedWorkbook
from kemireport.strategy import Action, Strategy
from kemireport.templates.contract import (
    IDENTITY_SHEET,
    INDICATOR_SHEET,
    INSTRUCTIONS_SHEET,
    OPEN_COLUMNS,
)

_NOT_DATA = frozenset({IDENTITY_SHEET, INSTRUCTIONS_SHEET, INDICATOR_SHEET, "Palaute"})


def _filled(row: ReturnedRow) -> int:
    return sum(1 for column in OPEN_COLUMNS if row.values.get(column, "").strip())


def has_content(row: ReturnedRow) -> bool:
    """Whether the department wrote something a report must show (Tila or Toteuma)."""
    return any(row.values.get(column, "").strip() for column in ("Tila", "Toteuma"))


@dataclass
class RowIndex:
    """The rows of one workbook sorted out against the department's actions."""

    matched: dict[str, ReturnedRow] = field(default_factory=dict)  # action id -> row used
    missing: list[Action] = field(default_factory=list)
    duplicates: list[tuple[ReturnedRow, ReturnedRow]] = field(default_factory=list)  # (extra, used)
    unknown: list[ReturnedRow] = field(default_factory=list)  # no or unknown tunniste

    def reported_rows(self) -> list[ReturnedRow]:
        """Rows with content that belong to no action: still shown in the reports."""
        extras = [extra for extra, _ in self.duplicates if has_content(extra)]
        return [*self.unknown, *extras]


def data_rows(workbook: ReturnedWorkbook) -> Iterator[ReturnedRow]:
    for sheet in workbook.sheets:
        if sheet.header_row is None or sheet.name in _NOT_DATA:
            continue
        yield from sheet.rows


def index_rows(workbook: ReturnedWorkbook, strategy: Strategy, department: str) -> RowIndex:
    expected = {tunniste_key(a.id): a for a in strategy.actions_for(department)}
    index = RowIndex()
    candidates: dict[str, list[ReturnedRow]] = {}
    for row in data_rows(workbook):
        action = expected.get(tunniste_key(row.row_id))
        if action is not None:
            candidates.setdefault(action.id, []).append(row)
        elif has_content(row):
            index.unknown.append(row)
    for action_id, rows in candidates.items():
        # The fullest row wins; on a tie the first one, as a person reads the workbook.
        used = max(rows, key=_filled) if len(rows) > 1 else rows[0]
        index.matched[action_id] = used
        index.duplicates.extend((extra, used) for extra in rows if extra is not used)
    index.missing = [a for a in strategy.actions_for(department) if a.id not in index.matched]
    return index


def check_rows(index: RowIndex, strategy: Strategy, where: Where) -> Iterator[Finding]:
    """row-missing, row-unknown, row-duplicate and row-other-sheet."""
    for missing in index.missing:
        goal = strategy.goal(missing.goal)
        # Some actions have no text of their own in the strategy table: name the objective.
        texts = strategy.strategy_texts(missing)
        described = shorten(next((texts[c] for c in ("Toimenpiteet", "Mittarit, arviointi",
                                                      "Tavoite") if texts.get(c)), ""), 60)
        about = f" (”{described}”)" if described else ""
        yield Finding.of(
            "row-missing",
            f"Toimenpiderivi {missing.id}{about} puuttuu "
            f"välilehdeltä {quote(goal.name)}. Lisää rivi takaisin tunnisteineen ja täytä Tila ja "
            "Toteuma (palautekopiossa rivi on valmiina välilehden lopussa).",
            file=where.file, department=where.department, sheet=goal.name, row_id=missing.id,
        )
    for row in index.unknown:
        foreign = strategy.action(tunniste_key(row.row_id))
        if not row.row_id.strip():
            what = "Rivillä ei ole tunnistetta"
        elif foreign is not None:
            owner = strategy.department(foreign.department).name
            what = f"Tunniste {row.row_id.strip()} kuuluu toimialalle {owner}, ei tälle toimialalle"
        else:
            what = f"Tunnistetta {quote(shorten(row.row_id, 30))} ei ole strategiassa"
        yield Finding.of(
            "row-unknown",
            f"{what}. Rivin tiedot näytetään raporteissa toimialan lisäämänä rivinä. Jos rivi "
            "kuuluu johonkin toimenpiteeseen, siirrä Tila ja Toteuma sen riville ja tyhjennä "
            "tämä rivi.",
            **where.at(row, "Tunniste", row.row_id.strip() or None),
        )
    for extra, used in index.duplicates:
        action_id = tunniste_key(used.row_id)
        yield Finding.of(
            "row-duplicate",
            f"Tunniste {action_id} on pohjassa useammalla rivillä. Raportteihin "
            f"otetaan rivi {used.row} välilehdeltä {quote(used.sheet)}"
            + ("; tämän rivin tiedot näytetään toimialan lisäämänä rivinä"
               if has_content(extra) else "")
            + ". Poista ylimääräinen rivi tai yhdistä tiedot yhdelle riville.",
            **where.at(extra, "Tunniste", action_id),
        )
    for action_id, row in index.matched.items():
        matched = strategy.action(action_id)
        sheet_goal = strategy.goal_by_name(row.sheet)
        if matched is not None and sheet_goal is not None and sheet_goal.code != matched.goal:
            goal = strategy.goal(matched.goal)
            yield Finding.of(
                "row-other-sheet",
                f"Rivi {action_id} on välilehdellä {quote(row.sheet)}, vaikka se kuuluu "
                f"päämäärään {quote(goal.name)}. Rivi luettiin silti; siirtoa ei tarvitse "
                "korjata.",
                **where.at(row, "Tunniste", action_id),
            )


def check_strategy_texts(strategy: Strategy, action: Action, row: ReturnedRow,
                         where: Where) -> Iterator[Finding]:
    """strategy-text-changed, one per edited locked cell."""
    for column, expected in strategy.strategy_texts(action).items():
        if column not in row.cells:
            continue
        typed = row.values.get(column, "")
        if typed == expected or squash(typed) == squash(expected):
            continue
        original = (f"Strategiassa teksti on: {quoted(expected, 90)} Palauta alkuperäinen "
                    "teksti" if squash(expected) else
                    "Strategiassa tämä solu on tyhjä. Tyhjennä solu")
        yield Finding.of(
            "strategy-text-changed",
            f"Lukittua strategiatekstiä ({column}) on muutettu. {original} ja kirjoita omat "
            "huomiosi Toteuma-soluun.",
            **where.at(row, column, action.id),
        )
