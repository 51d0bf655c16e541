"""The board's decision material: sign-off, old templates, the coordinator's overview, streaks."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import pytest
from builders import APPROVER, fill_template, returned, sign_date, signed, write_overview
from builders_report import statuses, validation

from kemireport.checks.overview import check_overview
from kemireport.checks.validation import Rules, validate_folder, validate_outcomes
from kemireport.core.period import Period
from kemireport.core.settings import Settings
from kemireport.history.consolidate import consolidate
from kemireport.history.store import HistoryStore
from kemireport.reading.model import SignOff
from kemireport.reading.overview import Block, Run, parse_overview, read_overview
from kemireport.reading.reader import ReadOutcome, read_workbook
from kemireport.strategy import Strategy
from kemireport.templates.workbook import write_templates

H1 = Period.parse("2026-H1")
TODAY = datetime.date(2026, 8, 20)


def _checked(strategy: Strategy, sign_off: SignOff, *, required: bool = False) -> list[tuple]:
    workbook = returned(strategy, "YMP", sign_off=sign_off)
    result = validate_outcomes(strategy, H1, [ReadOutcome(workbook.file, workbook, None)],
                               rules=Rules(require_approval=required, today=TODAY))
    return [(f.code, f.severity, f.sheet, f.cell, f.message) for f in result.verdict.findings
            if f.department == "YMP"]


# -- sign-off -----------------------------------------------------------------------------------


def test_a_signed_return_has_no_sign_off_findings(mini_strategy: Strategy) -> None:
    assert _checked(mini_strategy, signed(H1, approved=datetime.date(2026, 8, 14))) == []


@pytest.mark.parametrize(("approver", "approved", "cell", "what"), [
    ("", datetime.date(2026, 8, 14), "B9", "hyväksyjän nimi"),
    (APPROVER, "", "B10", "hyväksymispäivä"),
    ("", "", "B9", "hyväksyjän nimi ja hyväksymispäivä"),
])
def test_approval_missing_is_a_warning_unless_required(mini_strategy: Strategy, approver: str,
                                                       approved: object, cell: str,
                                                       what: str) -> None:
    sign_off = signed(H1, approver, approved)
    [(code, severity, sheet, at, message)] = _checked(mini_strategy, sign_off)
    assert (code, severity, sheet, at) == ("approval-missing", "warning", "Ohjeet", cell)
    assert message.startswith(f"Palautuksesta puuttuu {what}.")
    [(code, severity, *_)] = _checked(mini_strategy, sign_off, required=True)
    assert (code, severity) == ("approval-missing", "error")


@pytest.mark.parametrize(("approved", "says"), [
    ("ensi viikolla", "Hyväksymispäivä ”ensi viikolla” ei ole päivämäärä."),
    (datetime.date(2025, 12, 31),
     "Hyväksymispäivä 31.12.2025 on ennen seurantakauden alkua (1.1.2026)."),
    (datetime.date(2026, 9, 1), "Hyväksymispäivä 1.9.2026 on tulevaisuudessa."),
])
def test_approval_invalid(mini_strategy: Strategy, approved: object, says: str) -> None:
    [(code, severity, sheet, cell, message)] = _checked(mini_strategy, signed(H1, APPROVER,
                                                                              approved))
    assert (code, severity, sheet, cell) == ("approval-invalid", "error", "Ohjeet", "B10")
    assert message.startswith(says)


@pytest.mark.needs("soffice")
def test_the_sign_off_survives_a_libreoffice_save(mini_strategy: Strategy,
                                                  tmp_path: Path) -> None:
    from office import resave

    [path, *_] = write_templates(mini_strategy, H1, tmp_path / "pohjat", settings=Settings())
    filled = fill_template(path, {a.id: {"Tila": "Toteutunut", "Toteuma": "Tehtiin."}
                                  for a in mini_strategy.actions}, tmp_path / "täytetty.xlsx")
    folder = tmp_path / "lo"
    saved = resave(filled, folder)
    outcome = read_workbook(saved, folder)
    assert outcome.workbook is not None
    sign_off = outcome.workbook.sign_off
    assert sign_off.approver is not None and sign_off.approved is not None
    assert (sign_off.approver.sheet, sign_off.approver.text) == ("Ohjeet", APPROVER)
    assert sign_off.approved.date == sign_date(H1)


def test_approvals_are_consolidated(mini_strategy: Strategy) -> None:
    ymp = returned(mini_strategy, "YMP", sign_off=signed(H1, "Ville Esimerkki, johtaja",
                                                        datetime.date(2026, 7, 3)))
    hyv = returned(mini_strategy, "HYV", sign_off=signed(H1, "", ""))
    data = consolidate(mini_strategy, validate_outcomes(
        mini_strategy, H1, [ReadOutcome(w.file, w, None) for w in (ymp, hyv)],
        rules=Rules(today=TODAY)))
    assert [(s.department, s.approver, s.approved) for s in data.submissions] == [
        ("YMP", "Ville Esimerkki, johtaja", datetime.date(2026, 7, 3)), ("HYV", "", None)]


# -- an old template ----------------------------------------------------------------------------


def test_a_return_of_the_old_template_is_read_and_reported(mini_strategy: Strategy) -> None:
    old = returned(mini_strategy, "YMP", version=1,
                   answers={"EK-YMP-01": {"Tila": "Viivästynyt", "Toteuma": "Urakka siirtyi."}})
    result = validate_outcomes(mini_strategy, H1, [ReadOutcome(old.file, old, None)],
                               rules=Rules(today=TODAY))
    ymp = [(f.code, f.severity) for f in result.verdict.findings if f.department == "YMP"]
    assert ymp == [("template-outdated", "warning")]  # one finding, nothing else asked
    message = next(f.message for f in result.verdict.findings if f.code == "template-outdated")
    assert message.startswith("Palautus on tehty vanhalla pohjalla")
    records = consolidate(mini_strategy, result).records
    first = next(r for r in records if r.action_id == "EK-YMP-01")
    assert (first.status, first.toteuma, first.deviation, first.state) == (
        "Viivästynyt", "Urakka siirtyi.", None, "reported")


# -- the coordinator's overview -------------------------------------------------------------------

OVERVIEW = """# Katsaus kaudelle 1/2026

Kausi eteni **pääosin** suunnitellusti.

## Elinvoimainen kunta

- Tori valmistui.
- Katuvalot *vaihdettiin*.

## Talous

Talousarvio piti.

## HK

1. Liikuntaneuvonta alkoi.
"""


def test_overview_sections_go_to_their_goals(mini_strategy: Strategy) -> None:
    placed, findings = check_overview(mini_strategy, read_overview_text(OVERVIEW))
    assert placed.given
    assert [b.text for b in placed.general] == [
        "Kausi eteni pääosin suunnitellusti.", "Talous", "Talousarvio piti."]
    assert placed.general[0].runs == (Run("Kausi eteni "), Run("pääosin", bold=True),
                                      Run(" suunnitellusti."))
    assert placed.for_goal("EK") == (
        Block("bullet", (Run("Tori valmistui."),)),
        Block("bullet", (Run("Katuvalot "), Run("vaihdettiin", italic=True), Run("."))))
    assert placed.for_goal("HK") == (Block("number", (Run("Liikuntaneuvonta alkoi."),)),)
    assert [(f.code, f.severity, f.file) for f in findings] == [
        ("overview-heading-unknown", "warning", "katsaus.md")]
    assert findings[0].message.startswith("Rivin 10 otsikko ”Talous” ei nimeä strategian "
                                          "päämäärää")


def read_overview_text(text: str) -> object:
    from kemireport.reading.overview import Overview

    return Overview("katsaus.md", parse_overview(text))


def test_overview_missing_and_unreadable(mini_strategy: Strategy, tmp_path: Path) -> None:
    assert read_overview(tmp_path) is None
    placed, findings = check_overview(mini_strategy, None)
    assert not placed.given
    assert [(f.code, f.severity) for f in findings] == [("overview-missing", "info")]
    (tmp_path / "katsaus.md").write_bytes("Kausi eteni.".encode("cp1252") + b"\xe4")
    placed, findings = check_overview(mini_strategy, read_overview(tmp_path))
    assert "ei ole UTF-8-tekstiä" in findings[0].message and not placed.given
    (tmp_path / "katsaus.md").write_bytes(b"\xef\xbb\xbf## HK\nTeksti.\n")  # Notepad's BOM
    placed, findings = check_overview(mini_strategy, read_overview(tmp_path))
    assert findings == [] and placed.for_goal("HK")[0].text == "Teksti."


def test_the_overview_file_is_not_a_return(mini_strategy: Strategy, tmp_path: Path) -> None:
    paths = write_templates(mini_strategy, H1, tmp_path / "pohjat", settings=Settings())
    folder = tmp_path / "input" / H1.id
    folder.mkdir(parents=True)
    for path in paths:
        fill_template(path, {a.id: {"Tila": "Toteutunut", "Toteuma": "Tehtiin."}
                             for a in mini_strategy.actions}, folder / path.name)
    write_overview(folder, OVERVIEW)
    verdict = validate_folder(mini_strategy, H1, folder).verdict
    assert [(f.code, f.file) for f in verdict.findings] == [
        ("overview-heading-unknown", "katsaus.md")]
    assert ("katsaus.md", "overview") in [(s.file, s.status) for s in verdict.files]
    shutil.rmtree(tmp_path / "pohjat")


# -- deviations across periods ------------------------------------------------------------------


def test_deviation_streaks_count_consecutive_periods(tmp_path: Path,
                                                     mini_strategy: Strategy) -> None:
    database = tmp_path / "kemireport.sqlite"
    history = [("2025-H1", {"EK-YMP-01": "Viivästynyt", "HK-YMP-01": "Viivästynyt"}),
               ("2025-H2", {"EK-YMP-01": "Ei käynnistynyt", "HK-YMP-01": "Toteutunut"}),
               ("2026-H1", {"EK-YMP-01": "Keskeytetty", "HK-YMP-01": "Viivästynyt",
                            "EK-HYV-01": "Viivästynyt"})]
    with HistoryStore(database) as store:
        for period, moves in history:
            checked = validation(mini_strategy, period, statuses(mini_strategy, period, moves))
            store.save_period(mini_strategy, consolidate(mini_strategy, checked),
                              checked.verdict)
        deviations = mini_strategy.deviation_statuses
        assert store.trends(H1).deviation_streaks(H1, deviations) == {
            "EK-YMP-01": 3, "HK-YMP-01": 1, "EK-HYV-01": 1}
        # A half-year missing from the history ends the run.
        before = H1.previous()
        assert store.trends(before).deviation_streaks(before, deviations) == {"EK-YMP-01": 2}
    with HistoryStore(tmp_path / "gap.sqlite") as store:
        for period, moves in (history[0], history[2]):
            checked = validation(mini_strategy, period, statuses(mini_strategy, period, moves))
            store.save_period(mini_strategy, consolidate(mini_strategy, checked),
                              checked.verdict)
        assert store.trends(H1).deviation_streaks(H1, deviations)["EK-YMP-01"] == 1
