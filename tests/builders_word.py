"""Builders for the Word report: a ``Consolidation`` and a ``Verdict`` made by hand.

The texts read like real department answers (several sentences, Finnish characters), and each
one names its action, so a test can find every action's toteuma in the document.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from kemireport.core.findings import Finding, Summary, Verdict
from kemireport.core.period import Period
from kemireport.history.records import ActionRecord, Change, Consolidation, Submission
from kemireport.outputs.facts import PeriodFacts, gather
from kemireport.strategy import Action, Strategy

PERIOD = Period.parse("2025-H1")

_SENTENCES = (
    "Hankkeen suunnittelu valmistui kesäkuussa, ja urakka kilpailutetaan syksyllä.",
    "Työ on edennyt aikataulussa; ensimmäiset tulokset esitellään lautakunnalle elokuussa.",
    "Rahoitushakemus hylättiin, joten toteutus siirtyy seuraavalle vuodelle. Uusi hakemus "
    "jätetään syyskuussa, ja sen päätös odotetaan joulukuussa.",
    "Henkilöstövajeen vuoksi työtä ei ole voitu aloittaa. Rekrytointi on käynnissä, ja "
    "tehtävä täytetään arviolta lokakuussa.",
    "Toimenpide keskeytettiin valtuuston talousarviopäätöksen mukaisesti.",
)


def toteuma(action: Action, index: int) -> str:
    """A department's answer in its own words; names the action so a test can find it."""
    return f"{_SENTENCES[index % len(_SENTENCES)]} Seuranta jatkuu ({action.id})."


def consolidation(strategy: Strategy, *, period: Period = PERIOD,
                  statuses: Mapping[str, str | None] | None = None,
                  toteumat: Mapping[str, str | None] | None = None,
                  deviations: Mapping[str, str | None] | None = None,
                  missing_departments: Iterable[str] = (),
                  unknown_rows: Iterable[ActionRecord] = (),
                  previous_period: Period | None = None,
                  changes: Iterable[Change] = ()) -> Consolidation:
    """Every action reported (status cycling through the scale) unless told otherwise; a
    deviation explains itself unless ``deviations`` says otherwise."""
    statuses = statuses or {}
    toteumat = toteumat or {}
    deviations = deviations or {}
    absent = set(missing_departments)
    scale = strategy.status_names
    result = Consolidation(period=period, previous_period=previous_period,
                           changes=list(changes))
    for index, action in enumerate(strategy.actions):
        if action.department in absent:
            result.records.append(record(strategy, action, period=period, status=None,
                                         toteuma=None, state="missing"))
            continue
        status = statuses.get(action.id, scale[index % len(scale)])
        text = toteumat.get(action.id, toteuma(action, index))
        why = deviations.get(action.id, explanation(action)
                             if status in strategy.deviation_statuses else None)
        state = "reported" if status is not None and text is not None else "incomplete"
        result.records.append(record(strategy, action, period=period, status=status,
                                     toteuma=text, state=state, deviation=why,
                                     new_schedule="12/2026" if why else None))
    result.records.extend(unknown_rows)
    for dept in strategy.departments:
        if dept.code in absent:
            continue
        mine = [r for r in result.records if r.known and r.department == dept.code]
        result.submissions.append(Submission(
            period=period, department=dept.code, file=f"{dept.code.lower()}.xlsx",
            sha256="0" * 64, rows_expected=len(mine),
            rows_complete=sum(1 for r in mine if r.state == "reported")))
    return result


def explanation(action: Action) -> str:
    """Why a deviating action deviates, and what is done; names the action."""
    return f"Rahoitus siirtyi; hanke kilpailutetaan uudelleen syksyllä ({action.id})."


def record(strategy: Strategy, action: Action, *, period: Period = PERIOD,
           status: str | None, toteuma: str | None, state: str,
           deviation: str | None = None, new_schedule: str | None = None) -> ActionRecord:
    return ActionRecord(
        period=period, action_id=action.id, goal=action.goal, department=action.department,
        tavoite=strategy.tavoite(action), toimenpiteet=action.toimenpiteet,
        vastuu=action.vastuu, mittarit=action.mittarit, status=status,
        status_raw=status or "", toteuma=toteuma, sdg=strategy.strategy_sdg(action),
        sdg_raw=", ".join(map(str, action.sdg)), state=state,  # type: ignore[arg-type]
        objectives=action.objectives, deviation=deviation, new_schedule=new_schedule,
    )


def unknown_row(department: str, goal: str, text: str, *,
                period: Period = PERIOD) -> ActionRecord:
    """A row a department added itself (no tunniste)."""
    return ActionRecord(
        period=period, action_id="", goal=goal, department=department, tavoite="",
        toimenpiteet=text, vastuu="", mittarit="", status="Etenee suunnitellusti",
        status_raw="Etenee suunnitellusti", toteuma="Toimiala lisäsi rivin itse.", sdg=(),
        sdg_raw="", state="reported", known=False,
    )


def report_for(strategy: Strategy, data: Consolidation) -> Verdict:
    """The validation report that goes with a consolidation (missing departments as errors)."""
    received = {s.department for s in data.submissions}
    findings = [
        Finding.of("missing-department", f"Toimialan {d.name} palautus puuttuu.",
                   department=d.code)
        for d in strategy.departments if d.code not in received
    ]
    known = [r for r in data.records if r.known]
    summary = Summary(
        departments_expected=len(strategy.departments), departments_received=len(received),
        rows_expected=len(known), rows_complete=sum(1 for r in known if r.state == "reported"))
    return Verdict(period=data.period, findings=findings, summary=summary)


def facts_for(strategy: Strategy, data: Consolidation) -> PeriodFacts:
    """The facts every output renders, with the validation report that goes with ``data``."""
    return gather(strategy, data, report_for(strategy, data))
