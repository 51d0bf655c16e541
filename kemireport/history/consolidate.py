"""Consolidation: the accepted returns become one tidy record per action per period.

Every strategy action gets exactly one record, in strategy order, whatever happened to its
department's return: a department that sent nothing, or a deleted row, gives a ``missing``
record that carries the strategy's own text and nothing invented. Returns with findings are
still consolidated, because the board wants what *was* reported; the findings say what is
wrong. Rows a department added (no or unknown tunniste) are kept as ``known=False`` records
after the strategy's actions, since their text is reported content too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from kemireport.checks.rows import RowIndex, index_rows
from kemireport.checks.sdg import parse_sdg
from kemireport.checks.status import canonical_status
from kemireport.checks.toteuma import is_placeholder
from kemireport.history.records import ActionRecord, Consolidation, RecordState, Submission
from kemireport.reading.model import ReturnedRow, ReturnedWorkbook
from kemireport.strategy import Action, Strategy
from kemireport.templates.contract import STRATEGY_COLUMNS

if TYPE_CHECKING:
    from kemireport.checks.validation import Validation

# The checks own the rules for what a Tila, a Toteuma and an SDG cell mean; consolidation
# applies the very same rules, so a report never counts as done what validation called wrong.
__all__ = ["consolidate", "is_placeholder", "parse_sdg"]

# A lone UTF-16 surrogate is not a character: no UTF-8 output (the database, the CSV, the
# Office files) can hold one, so it is dropped here, once, instead of crashing every writer.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def consolidate(strategy: Strategy, validation: Validation) -> Consolidation:
    """One record per strategy action (strategy order), then the departments' own rows."""
    period = validation.period.id
    consolidation = Consolidation(period=period)
    indexes: dict[str, RowIndex] = {}
    unknown: list[ActionRecord] = []
    for dept in strategy.departments:
        workbook = validation.accepted.get(dept.code)
        if workbook is None:
            continue
        # The validation's own matching when it has one: the same row the findings point at.
        index = validation.rows.get(dept.code) or index_rows(workbook, strategy, dept.code)
        indexes[dept.code] = index
        unknown.extend(_record(strategy, period, None, dept.code, workbook, row)
                       for row in sorted(index.reported_rows(), key=_row_order(workbook)))

    for action in strategy.actions:
        workbook = validation.accepted.get(action.department)
        found = indexes.get(action.department)
        row = found.matched.get(action.id) if found is not None else None
        consolidation.records.append(
            _record(strategy, period, action, action.department, workbook, row))
    consolidation.records.extend(unknown)

    for dept in strategy.departments:
        workbook = validation.accepted.get(dept.code)
        if workbook is None:
            continue
        mine = [r for r in consolidation.records if r.known and r.department == dept.code]
        consolidation.submissions.append(Submission(
            period=period,
            department=dept.code,
            file=workbook.file,
            sha256=workbook.sha256,
            rows_expected=len(mine),
            rows_complete=sum(1 for r in mine if r.state == "reported"),
        ))
    return consolidation


def _row_order(workbook: ReturnedWorkbook) -> Callable[[ReturnedRow], tuple[int, int]]:
    """Rows as a person reads the workbook: sheet by sheet, top to bottom."""
    sheets = {sheet.name: i for i, sheet in enumerate(workbook.sheets)}
    return lambda row: (sheets.get(row.sheet, len(sheets)), row.row)


def _record(strategy: Strategy, period: str, action: Action | None, department: str,
            workbook: ReturnedWorkbook | None, row: ReturnedRow | None) -> ActionRecord:
    if workbook is None or row is None:
        # No return, or the row was deleted: the strategy's text and SDG goals (strategy data,
        # not a guess) and nothing else.
        assert action is not None
        return ActionRecord(
            period=period, action_id=action.id, goal=action.goal, department=department,
            tavoite=strategy.tavoite(action), toimenpiteet=action.toimenpiteet,
            vastuu=action.vastuu, mittarit=action.mittarit, status=None, status_raw="",
            toteuma=None, sdg=action.sdg, sdg_raw="", state="missing",
        )
    values = _text_values(row.values)
    status_raw = values.get("Tila", "")
    status = canonical_status(strategy, status_raw)
    toteuma_raw = values.get("Toteuma", "")
    toteuma = None if is_placeholder(toteuma_raw) else toteuma_raw
    sdg_raw = values.get("SDG", "")
    sdg = parse_sdg(sdg_raw)
    # The same rule as the validation summary (checks.is_complete), so the counts agree.
    complete = status is not None and toteuma is not None and sdg is not None
    state: RecordState = "reported" if complete else "incomplete"
    if action is not None:
        # The strategy's text as it stood, even if the department edited a locked cell (that
        # edit is a strategy-text-changed finding, and the returned file keeps it).
        texts = strategy.strategy_texts(action)
        action_id, goal = action.id, action.goal
    else:
        texts = {name: values.get(name, "") for name in STRATEGY_COLUMNS}
        sheet_goal = strategy.goal_by_name(row.sheet)
        # The tunniste as typed: an unknown one is still what the department wrote.
        action_id = _LONE_SURROGATE.sub("", row.row_id.strip())
        goal = sheet_goal.code if sheet_goal else ""
    return ActionRecord(
        period=period, action_id=action_id, goal=goal, department=department,
        tavoite=texts["Tavoite"], toimenpiteet=texts["Toimenpiteet"],
        vastuu=texts["Vastuu ja aikataulu"], mittarit=texts["Mittarit, arviointi"],
        status=status, status_raw=status_raw, toteuma=toteuma,
        sdg=tuple(sorted(sdg)) if sdg is not None else (), sdg_raw=sdg_raw, state=state,
        file=workbook.file, sheet=row.sheet, row=row.row, cell=row.cells.get("Tila"),
        sha256=workbook.sha256, known=action is not None,
    )


def _text_values(values: Mapping[str, str]) -> dict[str, str]:
    return {name: _LONE_SURROGATE.sub("", text) for name, text in values.items()}
