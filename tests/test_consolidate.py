"""Consolidation: one record per action per period, missing marked missing, nothing guessed."""

from __future__ import annotations

import hashlib

from builders import APPROVER, sign_date
from builders_report import department_return, validation

from kemireport.checks.meaning import parse_sdg
from kemireport.core.period import Period
from kemireport.history.consolidate import consolidate
from kemireport.history.records import ActionRecord, Submission
from kemireport.strategy import Strategy

ORDER = ["EK-YMP-01", "EK-YMP-02", "HK-YMP-01", "EK-HYV-01", "HK-HYV-01", "HK-HYV-02"]
GOOD_TOTEUMA = "Työ eteni suunnitelman mukaan."
H1 = Period.parse("2026-H1")


def _sha(name: str) -> str:
    return hashlib.sha256(name.encode()).hexdigest()


def test_complete_returns_give_one_reported_record_per_action(mini_strategy: Strategy) -> None:
    returns = [department_return(mini_strategy, d, "2026-H1") for d in ("YMP", "HYV")]
    result = consolidate(mini_strategy, validation(mini_strategy, "2026-H1", returns))

    assert [r.action_id for r in result.records] == ORDER
    assert {r.state for r in result.records} == {"reported"}
    assert result.records[1] == ActionRecord(
        period=H1, action_id="EK-YMP-02", goal="EK", department="YMP",
        tavoite="Päästöt vähenevät.\nKeskusta on viihtyisä.",
        toimenpiteet="Torin perusparannus: =SUM(A1) ei ole kaava vaan teksti.",
        vastuu="Ympäristöjohtaja/2027", mittarit="Valmis tori.",
        status="Etenee suunnitellusti", status_raw="Etenee suunnitellusti",
        toteuma=GOOD_TOTEUMA, sdg=(), sdg_raw="", state="reported",
        file="ymp.xlsx", sheet="Elinvoimainen kunta", row=6, cell="F6",
        sha256=_sha("ymp.xlsx"), known=True, objectives=("EK-1", "EK-2"),
    )
    signed = (APPROVER, sign_date(H1))
    assert result.submissions == [
        Submission(H1, "YMP", "ymp.xlsx", _sha("ymp.xlsx"), 3, 3, *signed),
        Submission(H1, "HYV", "hyv.xlsx", _sha("hyv.xlsx"), 3, 3, *signed),
    ]
    assert result.changes == [] and result.previous_period is None


def test_partial_returns_mark_missing_and_incomplete_without_guessing(
        mini_strategy: Strategy) -> None:
    hyv = department_return(
        mini_strategy, "HYV", "2026-H1",
        answers={
            "EK-HYV-01": {"Tila": "", "Toteuma": "Omatoimikirjasto avattiin."},
            "HK-HYV-01": {"Tila": "toteutunut", "Toteuma": "-", "SDG": "4, 3"},
        },
        drop=("HK-HYV-02",),
        extra={"Hyvinvoivat asukkaat": [
            {"Tunniste": "", "Toimenpiteet": "Oma lisäys", "Tila": "Viivästynyt",
             "Toteuma": "Kesken."}]},
    )
    result = consolidate(mini_strategy, validation(mini_strategy, "2026-H1", [hyv]))
    by_id = {r.action_id: r for r in result.records if r.known}

    # No return from YMP: missing records with the strategy's text and SDG goals only.
    assert by_id["EK-YMP-01"] == ActionRecord(
        period=H1, action_id="EK-YMP-01", goal="EK", department="YMP",
        tavoite="Päästöt vähenevät.", toimenpiteet="Katuvalot vaihdetaan LED-valoihin.",
        vastuu="Kuntatekniikan päällikkö/2026", mittarit="Sähkönkulutus MWh/v.",
        status=None, status_raw="", toteuma=None, sdg=(7, 13), sdg_raw="", state="missing",
        objectives=("EK-1",),
    )
    assert [by_id[i].state for i in ORDER] == [
        "missing", "missing", "missing", "incomplete", "incomplete", "missing"]
    first = by_id["EK-HYV-01"]
    assert (first.status, first.status_raw, first.toteuma) == (
        None, "", "Omatoimikirjasto avattiin.")
    second = by_id["HK-HYV-01"]
    assert (second.status, second.status_raw, second.toteuma, second.sdg, second.sdg_raw) == (
        "Toteutunut", "toteutunut", None, (3, 4), "4, 3")
    deleted = by_id["HK-HYV-02"]
    assert (deleted.file, deleted.sheet, deleted.cell, deleted.status) == (None, None, None, None)

    # The department's own row is kept after the strategy's actions, marked unknown.
    assert [r.action_id for r in result.records] == [*ORDER, ""]
    added = result.records[-1]
    assert (added.known, added.goal, added.department, added.toimenpiteet, added.status,
            added.toteuma, added.state, added.sheet, added.row, added.cell) == (
        False, "HK", "HYV", "Oma lisäys", "Viivästynyt", "Kesken.", "reported",
        "Hyvinvoivat asukkaat", 6, "F6")
    assert result.submissions == [
        Submission(H1, "HYV", "hyv.xlsx", _sha("hyv.xlsx"), 3, 0, APPROVER, sign_date(H1))]


def test_invalid_values_keep_what_was_typed(mini_strategy: Strategy) -> None:
    ymp = department_return(
        mini_strategy, "YMP", "2026-H1",
        answers={
            "EK-YMP-01": {"Tila": "Valmis", "SDG": "7.13",
                          "Toteuma": "Tehty\ud800 ja =SUM(A1)"},
            "EK-YMP-02": {"Tunniste": "ek-ymp-02", "Tavoite": "Muokattu tavoite"},
        },
        extra={"Elinvoimainen kunta": [
            {"Tunniste": "XX-99", "Tila": "Toteutunut", "Toteuma": "Lisätty rivi."}]},
    )
    records = consolidate(mini_strategy, validation(mini_strategy, "2026-H1", [ymp])).records
    first = records[0]
    # An SDG cell that is not a list counts as no answer: the row keeps the strategy's goals.
    assert (first.status, first.status_raw, first.sdg, first.sdg_raw, first.state) == (
        None, "Valmis", (7, 13), "7.13", "incomplete")
    # A lone surrogate cannot be stored anywhere; the rest of the text is kept as typed.
    assert first.toteuma == "Tehty ja =SUM(A1)"
    # A lower-case tunniste still matches; the strategy's text stands, not the edited cell.
    assert records[1].action_id == "EK-YMP-02" and records[1].tavoite.startswith("Päästöt")
    assert records[1].state == "reported"
    unknown = [r for r in records if not r.known]
    assert [(r.action_id, r.goal, r.status, r.toteuma) for r in unknown] == [
        ("XX-99", "EK", "Toteutunut", "Lisätty rivi.")]


def test_parse_sdg_is_the_checks_rule() -> None:
    assert parse_sdg("") == ()
    assert parse_sdg("7, 13") == (7, 13)
    assert parse_sdg("3;4 5") == (3, 4, 5)
    assert parse_sdg("7.13") is None
    assert parse_sdg("18") is None
