"""Feedback copies: marked problem cells, a Palaute sheet, and a copy that validates once fixed."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from builders import fill_template, write_overview

from kemireport.checks.validation import validate_folder
from kemireport.core.period import Period
from kemireport.core.settings import Settings
from kemireport.errors import ConfigError
from kemireport.outputs.feedback import write_feedback
from kemireport.strategy import Strategy
from kemireport.templates.contract import IDENTITY_SHEET
from kemireport.templates.workbook import write_templates

H1 = Period(2026, 1)
EK, HK = "Elinvoimainen kunta", "Hyvinvoivat asukkaat"
DONE = {"Tila": "Toteutunut", "Toteuma": "Työ tehtiin suunnitellusti.", "SDG": "3"}


@pytest.fixture()
def folder(tmp_path: Path, mini_strategy: Strategy) -> Path:
    """HYV returned clean; YMP with a wrong Tila, a placeholder, a bad SDG, an edited strategy
    cell and a deleted row."""
    from openpyxl import load_workbook

    paths = write_templates(mini_strategy, H1, tmp_path / "templates", settings=Settings())
    folder = tmp_path / "input" / H1.id
    folder.mkdir(parents=True)
    answers = {a.id: dict(DONE) for a in mini_strategy.actions}
    answers["EK-YMP-01"] = {"Tila": "valmis", "Toteuma": "-", "SDG": "7,18"}
    for path in paths:
        fill_template(path, answers, folder / path.name)
    ymp = next(folder.glob("*Ympäristö*"))
    book = load_workbook(ymp)
    book[EK]["E5"] = "Sähkönkulutus."
    book[HK].delete_rows(5)
    book.save(ymp)
    write_overview(folder)
    return folder


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_feedback_marks_every_problem_cell(mini_strategy: Strategy, folder: Path,
                                           tmp_path: Path) -> None:
    from openpyxl import load_workbook

    original = next(folder.glob("*Ympäristö*"))
    before = _sha(original)
    validation = validate_folder(mini_strategy, H1, folder)
    written = write_feedback(mini_strategy, validation, folder, tmp_path / "palaute")
    assert written == [tmp_path / "palaute" / original.name]  # HYV was clean: no copy
    assert _sha(original) == before

    book = load_workbook(written[0])
    assert book.sheetnames[0] == "Palaute"
    assert book.active.title == "Palaute"
    assert book[IDENTITY_SHEET].sheet_state == "hidden"
    assert book[EK].protection.sheet and book[HK].protection.sheet
    for ref, severity_fill in (("F5", "FFC7CE"), ("G5", "FFC7CE"), ("H5", "FFC7CE"),
                               ("E5", "FFEB9C")):
        cell = book[EK][ref]
        assert cell.fill.fgColor.rgb.endswith(severity_fill), ref
        assert cell.border.left.style == "thick"
        assert cell.comment is not None and cell.comment.author == "kemireport"
    assert "Tarkoititko ”Toteutunut”?" in book[EK]["F5"].comment.text
    assert book[EK]["A5"].comment is None  # a fine cell stays untouched

    # The deleted row is back at the end of its sheet, strategy text as text, Tila open.
    restored = [r for r in book[HK].iter_rows(min_row=5) if r[0].value == "HK-YMP-01"]
    assert len(restored) == 1
    row = restored[0]
    assert row[2].value == "Ulkoilureitin rakentaminen Äijälänsalmelle."
    assert row[0].comment is not None and "puuttuu" in row[0].comment.text
    assert row[5].protection.locked is False and row[2].protection.locked is True
    tila_lists = [dv for dv in book[HK].data_validations.dataValidation if dv.type == "list"]
    assert any(row[5].coordinate in dv.sqref for dv in tila_lists)

    palaute = book["Palaute"]
    table = [[c.value for c in r] for r in palaute.iter_rows(min_row=4, values_only=False)]
    assert table[0] == ["Vakavuus", "Havainto", "Välilehti", "Solu", "Tunniste", "Korjausohje"]
    places = [(r[2], r[3], r[4]) for r in table[1:]]
    assert places == [
        (EK, "E5", "EK-YMP-01"), (EK, "F5", "EK-YMP-01"), (EK, "G5", "EK-YMP-01"),
        (EK, "H5", "EK-YMP-01"), (HK, row[0].coordinate, "HK-YMP-01"),
    ]
    assert palaute["D5"].hyperlink.location == f"'{EK}'!E5"


def _fixed_feedback_copy(strategy: Strategy, folder: Path, tmp_path: Path) -> Path:
    """The department's feedback copy, with every marked cell put right as the comments ask."""
    from openpyxl import load_workbook

    validation = validate_folder(strategy, H1, folder)
    [copy] = write_feedback(strategy, validation, folder, tmp_path / "palaute")
    fill_template(copy, {"EK-YMP-01": dict(DONE), "HK-YMP-01": dict(DONE)})
    book = load_workbook(copy)
    book[EK]["E5"] = "Sähkönkulutus MWh/v."
    book.save(copy)
    return copy


def test_fixed_feedback_copy_validates_clean(mini_strategy: Strategy, folder: Path,
                                             tmp_path: Path) -> None:
    copy = _fixed_feedback_copy(mini_strategy, folder, tmp_path)
    again = tmp_path / "input2" / H1.id
    again.mkdir(parents=True)
    shutil.copy(copy, again / copy.name)
    shutil.copy(next(folder.glob("*Hyvinvointi*")), again)
    write_overview(again)
    report = validate_folder(mini_strategy, H1, again).verdict
    assert report.findings == []
    assert report.summary.rows_complete == 6


@pytest.mark.needs("soffice")
def test_fixed_feedback_copy_saved_in_libreoffice_validates_clean(
        mini_strategy: Strategy, folder: Path, tmp_path: Path) -> None:
    from office import resave

    copy = _fixed_feedback_copy(mini_strategy, folder, tmp_path)
    again = tmp_path / "input2" / H1.id
    resave(copy, again)
    write_overview(again)
    report = validate_folder(mini_strategy, H1, again).verdict
    assert [f.code for f in report.findings] == ["missing-department"]  # only HYV is absent


def test_a_second_round_replaces_the_feedback_sheet(mini_strategy: Strategy, folder: Path,
                                                    tmp_path: Path) -> None:
    from openpyxl import load_workbook

    validation = validate_folder(mini_strategy, H1, folder)
    [copy] = write_feedback(mini_strategy, validation, folder, tmp_path / "palaute")
    again = tmp_path / "input2" / H1.id
    again.mkdir(parents=True)
    shutil.copy(copy, again / copy.name)
    write_overview(again)
    second = validate_folder(mini_strategy, H1, again)
    assert {f.code for f in validation.verdict.findings} == {
        "row-missing", "strategy-text-changed", "status-invalid", "toteuma-missing",
        "sdg-invalid"}
    # The deleted row is back (empty), the rest is as it was; HYV's file was not copied.
    assert {f.code for f in second.verdict.findings} == {
        "status-missing", "strategy-text-changed", "status-invalid", "toteuma-missing",
        "sdg-invalid", "missing-department"}
    [copy2] = write_feedback(mini_strategy, second, again, tmp_path / "palaute2")
    book = load_workbook(copy2)
    assert book.sheetnames.count("Palaute") == 1
    assert book[EK]["F5"].comment.text.count("Tarkoititko") == 1


def test_feedback_never_writes_into_the_input_folder(mini_strategy: Strategy,
                                                     folder: Path) -> None:
    validation = validate_folder(mini_strategy, H1, folder)
    for target in (folder, folder / "palaute"):
        with pytest.raises(ConfigError):
            write_feedback(mini_strategy, validation, folder, target)
    assert not (folder / "palaute").exists()


def test_a_workbook_openpyxl_cannot_open_costs_only_its_own_copy(
        mini_strategy: Strategy, folder: Path, tmp_path: Path) -> None:
    hyv = next(folder.glob("*Hyvinvointi*"))
    fill_template(hyv, {"EK-HYV-01": {"Tila": ""}})
    validation = validate_folder(mini_strategy, H1, folder)
    next(folder.glob("*Ympäristö*")).write_bytes(b"changed after validation")
    written = write_feedback(mini_strategy, validation, folder, tmp_path / "palaute")
    assert [p.name for p in written] == [hyv.name]
