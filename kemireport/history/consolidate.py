"""Consolidation: the accepted returns become one tidy record per action per period.

Every strategy action gets exactly one record, in strategy order, whatever happened to its
department's return: a department that sent nothing, or a deleted row, gives a ``missing``
record that carries the strategy's own text and nothing invented. Returns with findings are
still consolidated, because the board wants what *was* reported; the findings say what is
wrong. Rows a department added (no or unknown tunniste) are kept as ``known=False`` records
after the strategy's actions, since their text is reported content too.

Nothing here interprets a cell: each answer arrives with the meaning validation gave it
(``checks.meaning``), and a record stores exactly that.
"""

from __future__ import annotations

from kemireport.checks.meaning import Answer, sdg_goals, stored_text
from kemireport.checks.validation import Validation
from kemireport.core.period import Period
from kemireport.history.records import ActionRecord, Consolidation, Reading, Submission
from kemireport.reading.model import ReturnedWorkbook
from kemireport.strategy import Action, Strategy
from kemireport.templates.contract import STRATEGY_COLUMNS


def consolidate(strategy: Strategy, validation: Validation) -> Consolidation:
    """One record per strategy action (strategy order), then the departments' own rows."""
    period = validation.period
    consolidation = Consolidation(period=period, overview=validation.overview)
    answered: dict[str, tuple[Answer, ReturnedWorkbook]] = {}
    added: list[ActionRecord] = []
    for dept in strategy.departments:
        workbook = validation.accepted.get(dept.code)
        if workbook is None:
            continue
        for answer in validation.answers.get(dept.code, ()):
            if answer.action is not None:
                answered[answer.action.id] = (answer, workbook)
            else:
                added.append(_record(strategy, period, dept.code, answer, workbook))

    for action in strategy.actions:
        found = answered.get(action.id)
        consolidation.records.append(
            _record(strategy, period, action.department, *found) if found is not None
            else _missing(strategy, period, action))
    consolidation.records.extend(added)

    # Every indicator of the strategy gets a reading, reported or not, like every action.
    reported = {v.indicator.id: (v, validation.accepted[code].file)
                for code, values in validation.indicators.items() for v in values}
    for dept in strategy.departments:
        for indicator in strategy.indicators_for(dept.code):
            value, file = reported.get(indicator.id, (None, None))
            consolidation.readings.append(Reading(
                period=period, indicator_id=indicator.id, action_id=indicator.action,
                department=dept.code, value=value.value if value else None,
                raw=value.raw if value else "", source=value.source if value else "",
                file=file, cell=value.cell if value else None))

    for dept in strategy.departments:
        workbook = validation.accepted.get(dept.code)
        if workbook is None:
            continue
        mine = [r for r in consolidation.records if r.known and r.department == dept.code]
        approver, approved = workbook.sign_off.approver, workbook.sign_off.approved
        consolidation.submissions.append(Submission(
            period=period,
            department=dept.code,
            file=workbook.file,
            sha256=workbook.sha256,
            rows_expected=len(mine),
            rows_complete=sum(1 for r in mine if r.state == "reported"),
            approver=stored_text(approver.text) if approver else "",
            approved=approved.date if approved else None,
        ))
    return consolidation


def _missing(strategy: Strategy, period: Period, action: Action) -> ActionRecord:
    """No return, or the row was deleted: the strategy's text and SDG goals, nothing else."""
    return ActionRecord(
        period=period, action_id=action.id, goal=action.goal, department=action.department,
        tavoite=strategy.tavoite(action), toimenpiteet=action.toimenpiteet,
        vastuu=action.vastuu, mittarit=action.mittarit, status=None, status_raw="",
        toteuma=None, sdg=sdg_goals(strategy, action, ()), sdg_raw="", state="missing",
        objectives=action.objectives,
    )


def _record(strategy: Strategy, period: Period, department: str, answer: Answer,
            workbook: ReturnedWorkbook) -> ActionRecord:
    action, row, meaning = answer.action, answer.row, answer.meaning
    if action is not None:
        # The strategy's text as it stood, even if the department edited a locked cell (that
        # edit is a strategy-text-changed finding, and the returned file keeps it).
        texts = strategy.strategy_texts(action)
        action_id, goal, objectives = action.id, action.goal, action.objectives
    else:
        texts = {name: stored_text(row.values.get(name, "")) for name in STRATEGY_COLUMNS}
        sheet_goal = strategy.goal_by_name(row.sheet)
        # The tunniste as typed: an unknown one is still what the department wrote.
        action_id = stored_text(row.row_id.strip())
        goal = sheet_goal.code if sheet_goal else ""
        objectives = ()
    return ActionRecord(
        period=period, action_id=action_id, goal=goal, department=department,
        tavoite=texts["Tavoite"], toimenpiteet=texts["Toimenpiteet"],
        vastuu=texts["Vastuu ja aikataulu"], mittarit=texts["Mittarit, arviointi"],
        status=meaning.status, status_raw=meaning.status_raw, toteuma=meaning.toteuma,
        sdg=meaning.sdg, sdg_raw=meaning.sdg_raw,
        state="reported" if meaning.complete else "incomplete",
        file=workbook.file, sheet=row.sheet, row=row.row, cell=row.cells.get("Tila"),
        sha256=workbook.sha256, known=action is not None, objectives=objectives,
        deviation=meaning.deviation, new_schedule=meaning.new_schedule,
    )
