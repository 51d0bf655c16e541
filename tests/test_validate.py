"""Validating a folder: one return per department, the report's shape, text and CLI."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from builders import GOOD, fill_template, returned, write_overview
from click.testing import CliRunner

from kemireport.checks.render import render_text, summary_line
from kemireport.checks.validation import validate_folder, validate_outcomes
from kemireport.cli import cli
from kemireport.core.findings import Finding, Summary, Verdict
from kemireport.core.period import Period
from kemireport.core.settings import Settings
from kemireport.reading.reader import ReadOutcome
from kemireport.strategy import Strategy
from kemireport.templates.workbook import write_templates

H1 = Period(2026, 1)
KEMI_H1 = Period(2025, 1)  # within the Kemi strategy's years 2022–2025
EK, HK = "Elinvoimainen kunta", "Hyvinvoivat asukkaat"
DONE = {"Tila": "Toteutunut", "Toteuma": "Työ tehtiin suunnitellusti.", "SDG": "3"}


def read(*workbooks: object) -> list[ReadOutcome]:
    return [ReadOutcome(w.file, w, None) for w in workbooks]  # type: ignore[attr-defined]


def refused(file: str, code: str) -> ReadOutcome:
    return ReadOutcome(file, None, Finding.of(code, "Tiedostoa ei voitu lukea.", file=file))


def located(verdict: Verdict) -> list[tuple[str | None, ...]]:
    return [(f.code, f.file, f.department, f.sheet, f.cell, f.row_id) for f in verdict.findings]


def statuses(verdict: Verdict) -> list[tuple[str, str | None, str]]:
    return [(s.file, s.department, s.status) for s in verdict.files]


# -- the rules, on data -------------------------------------------------------------------------


def test_clean_returns_are_valid(mini_strategy: Strategy) -> None:
    validation = validate_outcomes(mini_strategy, H1, read(
        returned(mini_strategy, "YMP"), returned(mini_strategy, "HYV")))
    assert validation.verdict.findings == []
    assert validation.verdict.valid
    assert statuses(validation.verdict) == [("hyv.xlsx", "HYV", "ok"), ("ymp.xlsx", "YMP", "ok")]
    assert validation.verdict.summary == Summary(2, 2, 6, 6)
    assert set(validation.accepted) == {"YMP", "HYV"}


def test_a_department_without_a_file_is_missing(mini_strategy: Strategy) -> None:
    validation = validate_outcomes(mini_strategy, H1, read(returned(mini_strategy, "YMP")))
    assert located(validation.verdict) == [
        ("missing-department", None, "HYV", None, None, None)]
    assert validation.verdict.summary == Summary(2, 1, 6, 3)
    assert not validation.verdict.valid


@pytest.mark.parametrize(("code", "status"), [
    ("file-unreadable", "unreadable"), ("file-encrypted", "encrypted"),
    ("file-unsupported-format", "unsupported"), ("file-ignored", "ignored"),
])
def test_file_level_outcomes(mini_strategy: Strategy, code: str, status: str) -> None:
    outcomes = [*read(returned(mini_strategy, "YMP"), returned(mini_strategy, "HYV")),
                refused("outo.xls", code)]
    report = validate_outcomes(mini_strategy, H1, outcomes).verdict
    assert located(report) == [(code, "outo.xls", None, None, None, None)]
    assert ("outo.xls", None, status) in statuses(report)
    assert report.valid is (code == "file-ignored")


def test_a_rejected_file_leaves_its_department_missing(mini_strategy: Strategy) -> None:
    outcomes = read(returned(mini_strategy, "YMP"),
                    returned(mini_strategy, "HYV", period="2025-H2"),
                    returned(mini_strategy, "HYV", file="muu.xlsx", ident=None))
    validation = validate_outcomes(mini_strategy, H1, outcomes)
    assert located(validation.verdict) == [
        ("missing-department", None, "HYV", None, None, None),
        ("wrong-period", "hyv.xlsx", "HYV", None, None, None),
        ("not-a-template", "muu.xlsx", None, None, None, None),
    ]
    missing = validation.verdict.findings[0]
    assert "hyv.xlsx: pohja on toisen seurantakauden" in missing.message
    assert statuses(validation.verdict) == [
        ("hyv.xlsx", "HYV", "rejected"), ("muu.xlsx", None, "rejected"), ("ymp.xlsx", "YMP", "ok")]
    assert "HYV" not in validation.accepted


def test_duplicate_department_uses_the_most_complete(mini_strategy: Strategy) -> None:
    half = returned(mini_strategy, "YMP", file="a-vanha.xlsx", answers={"EK-YMP-01": {"Tila": ""}})
    full = returned(mini_strategy, "YMP", file="b-uusi.xlsx")
    validation = validate_outcomes(mini_strategy, H1,
                                   read(half, full, returned(mini_strategy, "HYV")))
    assert located(validation.verdict) == [
        ("duplicate-department", "a-vanha.xlsx", "YMP", None, None, None),
        ("duplicate-department", "b-uusi.xlsx", "YMP", None, None, None),
    ]  # the unused file's own status-missing is not reported: it is not used
    assert validation.accepted["YMP"].file == "b-uusi.xlsx"
    assert ("a-vanha.xlsx", "YMP", "duplicate") in statuses(validation.verdict)
    assert ("b-uusi.xlsx", "YMP", "findings") in statuses(validation.verdict)
    assert "käytetään tiedostoa b-uusi.xlsx" in validation.verdict.findings[0].message


def test_duplicate_department_tie_goes_to_the_newest(mini_strategy: Strategy) -> None:
    first = returned(mini_strategy, "YMP", file="a.xlsx")
    second = returned(mini_strategy, "YMP", file="b.xlsx")
    validation = validate_outcomes(mini_strategy, H1, read(first, second),
                                   modified={"a.xlsx": 200.0, "b.xlsx": 100.0})
    assert validation.accepted["YMP"].file == "a.xlsx"
    chosen = [f for f in validation.verdict.findings if f.file == "a.xlsx"]
    assert "Tätä tiedostoa (a.xlsx) käytetään, koska se on tallennettu viimeisimpänä" in (
        chosen[0].message)


def test_outdated_template_is_still_validated(mini_strategy: Strategy) -> None:
    from builders import identity

    ident = identity(mini_strategy, "YMP", strategy_fingerprint="vanha")
    validation = validate_outcomes(mini_strategy, H1, read(
        returned(mini_strategy, "YMP", ident=ident, answers={"HK-YMP-01": {"SDG": "x"}}),
        returned(mini_strategy, "HYV")))
    assert located(validation.verdict) == [
        ("template-outdated", "ymp.xlsx", "YMP", None, None, None),
        ("sdg-invalid", "ymp.xlsx", "YMP", HK, "H5", "HK-YMP-01"),
    ]
    assert validation.verdict.summary.rows_complete == 5


def test_unknown_rows_are_kept_for_consolidation(mini_strategy: Strategy) -> None:
    workbook = returned(mini_strategy, "YMP", extra={EK: [{"Tunniste": "", **DONE}]})
    validation = validate_outcomes(mini_strategy, H1,
                                   read(workbook, returned(mini_strategy, "HYV")))
    assert located(validation.verdict) == [("row-unknown", "ymp.xlsx", "YMP", EK, "A7", None)]
    assert validation.verdict.valid  # a warning
    assert [r.values["Toteuma"] for r in validation.rows["YMP"].reported_rows()] == [
        DONE["Toteuma"]]
    assert set(validation.rows["YMP"].matched) == {"EK-YMP-01", "EK-YMP-02", "HK-YMP-01"}


def test_json_has_exactly_the_contract_shape(mini_strategy: Strategy) -> None:
    report = validate_outcomes(mini_strategy, H1, read(returned(mini_strategy, "YMP"))).verdict
    data = json.loads(json.dumps(report.to_dict()))
    assert list(data) == ["period", "valid", "summary", "files", "findings"]
    assert data["period"] == "2026-H1"
    assert data["valid"] is False
    assert data["summary"] == {"departments_expected": 2, "departments_received": 1,
                               "rows_expected": 6, "rows_complete": 3}
    assert data["files"] == [{"file": "ymp.xlsx", "department": "YMP", "status": "ok"}]
    assert set(data["findings"][0]) == {"code", "severity", "file", "department", "sheet",
                                        "cell", "row_id", "message"}


# -- text ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("errors", "warnings", "infos", "tail"), [
    (0, 0, 0, "Tarkistuksessa ei havaittu virheitä eikä varoituksia."),
    (1, 1, 0, "Tarkistuksessa havaittiin yksi virhe ja yksi varoitus."),
    (3, 2, 1, "Tarkistuksessa havaittiin kolme virhettä, kaksi varoitusta ja yksi ilmoitus."),
    (2, 0, 2, "Tarkistuksessa havaittiin kaksi virhettä ja kaksi ilmoitusta."),
    (0, 12, 0, "Tarkistuksessa ei havaittu virheitä, mutta havaittiin 12 varoitusta."),
    (0, 0, 1, "Tarkistuksessa ei havaittu virheitä eikä varoituksia; havaittiin yksi "
              "ilmoitus."),
])
def test_summary_line_speaks_finnish(errors: int, warnings: int, infos: int, tail: str) -> None:
    findings = (
        [Finding.of("status-missing", f"v{i}") for i in range(errors)]
        + [Finding.of("row-unknown", f"w{i}") for i in range(warnings)]
        + [Finding.of("file-ignored", f"i{i}") for i in range(infos)]
    )
    report = Verdict("2026-H1", findings=findings, summary=Summary(5, 4, 86, 78))
    assert summary_line(report) == (
        "Seurantatietonsa on palauttanut neljä toimialaa viidestä, ja 78 toimenpidettä 86:sta "
        f"on raportoitu. {tail}")


@pytest.mark.parametrize(("summary", "said"), [
    (Summary(5, 5, 92, 92), "Kaikki viisi toimialaa ovat palauttaneet seurantatietonsa, ja "
                            "kaikki 92 toimenpidettä on raportoitu."),
    (Summary(2, 1, 6, 3), "Seurantatietonsa on palauttanut yksi toimiala kahdesta, ja kolme "
                          "toimenpidettä kuudesta on raportoitu."),
    (Summary(12, 11, 40, 30), "Seurantatietonsa on palauttanut 11 toimialaa 12:sta, ja 30 "
                              "toimenpidettä 40:stä on raportoitu."),
    (Summary(3, 0, 9, 0), "Yksikään toimiala ei ole palauttanut seurantatietojaan, eikä "
                          "yhtäkään toimenpidettä ole raportoitu."),
])
def test_summary_line_counts_in_words(summary: Summary, said: str) -> None:
    report = Verdict("2026-H1", summary=summary)
    assert summary_line(report) == f"{said} Tarkistuksessa ei havaittu virheitä eikä varoituksia."


def test_render_text_per_department_then_other_files(mini_strategy: Strategy) -> None:
    outcomes = [*read(returned(mini_strategy, "YMP", answers={"EK-YMP-02": {"Tila": "valmis"}})),
                refused("rikki.xlsx", "file-unreadable")]
    text = render_text(validate_outcomes(mini_strategy, H1, outcomes).verdict, mini_strategy)
    lines = text.splitlines()
    assert lines[0] == ("Seurantakausi 1.1.–30.6.2026 (2026-H1), strategia: Testikunnan "
                        "kuntastrategia 2026–2029")
    ymp = lines.index("Ympäristötoimiala (YMP): ymp.xlsx")
    assert lines[ymp + 1].split() == ["vakavuus", "koodi", "välilehti", "solu", "tunniste"]
    assert lines[ymp + 2].split() == ["virhe", "status-invalid", "Elinvoimainen", "kunta", "F6",
                                      "EK-YMP-02"]
    assert "Tarkoititko ”Toteutunut”?" in " ".join(lines[ymp + 3: ymp + 5])
    assert lines.index("Hyvinvointitoimiala (HYV): ei palautusta") > ymp
    assert lines.index("Muut tiedostot") > lines.index("Hyvinvointitoimiala (HYV): ei palautusta")
    assert "  rikki.xlsx" in lines
    assert max(len(line) for line in lines) <= 100
    assert " ".join(lines[-2:]) == (
        "Seurantatietonsa on palauttanut yksi toimiala kahdesta, ja kaksi toimenpidettä "
        "kuudesta on raportoitu. Tarkistuksessa havaittiin kolme virhettä.")


def test_render_text_when_all_is_well(mini_strategy: Strategy) -> None:
    report = validate_outcomes(mini_strategy, H1, read(
        returned(mini_strategy, "YMP"), returned(mini_strategy, "HYV"))).verdict
    text = render_text(report, mini_strategy)
    assert "Ympäristötoimiala (YMP): ymp.xlsx — kunnossa" in text
    assert " ".join(text.split("\n\n")[-1].split()) == (
        "Kaikki kaksi toimialaa ovat palauttaneet seurantatietonsa, ja kaikki kuusi "
        "toimenpidettä on raportoitu. Tarkistuksessa ei havaittu virheitä eikä varoituksia. "
        "Kaikki palautukset ovat kunnossa.")


# -- real files ---------------------------------------------------------------------------------


def _answers(strategy: Strategy) -> dict[str, dict[str, object]]:
    return {a.id: dict(DONE) for a in strategy.actions}


@pytest.fixture()
def returns(tmp_path: Path, mini_strategy: Strategy) -> Path:
    """Filled templates of every department in ``tmp_path/input/2026-H1``."""
    paths = write_templates(mini_strategy, H1, tmp_path / "templates", settings=Settings())
    folder = tmp_path / "input" / H1.id
    folder.mkdir(parents=True)
    for path in paths:
        fill_template(path, _answers(mini_strategy), folder / path.name)
    write_overview(folder)
    return folder


def _hashes(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_filled_templates_validate_clean(mini_strategy: Strategy, returns: Path) -> None:
    validation = validate_folder(mini_strategy, H1, returns)
    assert validation.verdict.findings == []
    assert validation.verdict.summary == Summary(2, 2, 6, 6)
    assert [s.status for s in validation.verdict.files] == ["ok", "ok", "overview"]


def test_a_blank_template_reports_every_open_cell(mini_strategy: Strategy, tmp_path: Path) -> None:
    write_templates(mini_strategy, H1, tmp_path, settings=Settings())
    report = validate_folder(mini_strategy, H1, tmp_path / H1.id).verdict
    ymp = [(f.code, f.sheet, f.cell, f.row_id) for f in report.findings if f.department == "YMP"]
    assert ymp == [
        ("status-missing", EK, "F5", "EK-YMP-01"), ("toteuma-missing", EK, "G5", "EK-YMP-01"),
        ("status-missing", EK, "F6", "EK-YMP-02"), ("toteuma-missing", EK, "G6", "EK-YMP-02"),
        ("status-missing", HK, "F5", "HK-YMP-01"), ("toteuma-missing", HK, "G5", "HK-YMP-01"),
        ("indicator-missing", "Mittarit", "H5", "EK-YMP-01"),
        ("approval-missing", "Ohjeet", "B9", None),
    ]


def test_edits_in_a_real_workbook(mini_strategy: Strategy, returns: Path) -> None:
    from openpyxl import load_workbook

    path = next(returns.glob("*Ympäristö*"))
    book = load_workbook(path)
    sheet = book[EK]
    sheet["C5"] = "Katuvalot vaihdetaan."
    sheet.move_range("A6:H6", rows=3)  # a row moved down, leaving a gap: still matched
    book[HK].delete_rows(5)
    sheet["A12"], sheet["F12"], sheet["G12"] = "EK-YMP-77", "Toteutunut", "Oma lisärivi."
    book.save(path)
    report = validate_folder(mini_strategy, H1, returns).verdict
    assert [(f.code, f.department, f.sheet, f.cell, f.row_id) for f in report.findings] == [
        ("strategy-text-changed", "YMP", EK, "C5", "EK-YMP-01"),
        ("row-unknown", "YMP", EK, "A12", "EK-YMP-77"),
        ("row-missing", "YMP", HK, None, "HK-YMP-01"),
    ]


def test_validating_twice_gives_identical_json(mini_strategy: Strategy, returns: Path) -> None:
    (returns / "muistio.txt").write_text("ei taulukko", encoding="utf-8")
    (returns / "rikki.xlsx").write_bytes(b"PK\x03\x04 ei oikea zip")
    shutil.copy2(next(returns.glob("*Hyvinvointi*")), returns / "kopio.xlsx")  # same mtime
    report = validate_folder(mini_strategy, H1, returns).verdict
    first = json.dumps(report.to_dict())
    second = json.dumps(validate_folder(mini_strategy, H1, returns).verdict.to_dict())
    assert first == second
    assert str(returns) not in first
    assert [(s.file, s.status) for s in report.files] == [
        ("2026-H1_Hyvinvointitoimiala.xlsx", "findings"), ("2026-H1_Ympäristötoimiala.xlsx", "ok"),
        ("katsaus.md", "overview"), ("kopio.xlsx", "duplicate"), ("muistio.txt", "ignored"),
        ("rikki.xlsx", "unreadable")]
    assert [(f.code, f.file) for f in report.findings if f.department is None] == [
        ("file-ignored", "muistio.txt"), ("file-unreadable", "rikki.xlsx")]


def test_the_kemi_strategy_end_to_end(kemi_strategy: Strategy, tmp_path: Path) -> None:
    paths = write_templates(kemi_strategy, KEMI_H1, tmp_path / "templates", settings=Settings())
    folder = tmp_path / "input"
    folder.mkdir()
    for path in paths:
        fill_template(path, _answers(kemi_strategy), folder / path.name)
    write_overview(folder)
    report = validate_folder(kemi_strategy, KEMI_H1, folder).verdict
    assert report.findings == []
    count = len(kemi_strategy.actions)
    assert summary_line(report) == (
        f"Kaikki viisi toimialaa ovat palauttaneet seurantatietonsa, ja kaikki {count} "
        "toimenpidettä on raportoitu. Tarkistuksessa ei havaittu virheitä eikä varoituksia.")


@pytest.mark.needs("soffice")
def test_libreoffice_saved_return_validates_clean(mini_strategy: Strategy, returns: Path,
                                                 tmp_path: Path) -> None:
    from office import resave

    original = next(returns.glob("*Ympäristö*"))
    saved = resave(original, tmp_path / "lo")
    shutil.move(saved, original)
    report = validate_folder(mini_strategy, H1, returns).verdict
    assert report.findings == []
    assert report.summary == Summary(2, 2, 6, 6)


# -- the command --------------------------------------------------------------------------------


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--strategy", str(Path(__file__).parent / "data" /
                                                         "mini-strategia.yaml"), *args])
    return result.exit_code, result.output


def test_cli_clean_folder_exits_0(returns: Path) -> None:
    before = _hashes(returns)
    code, output = _run("validate", str(returns), "--period", "2026-H1")
    assert code == 0, output
    assert output.splitlines()[-3:] == [
        "Kaikki kaksi toimialaa ovat palauttaneet seurantatietonsa, ja kaikki kuusi "
        "toimenpidettä on",
        "raportoitu. Tarkistuksessa ei havaittu virheitä eikä varoituksia.",
        "Kaikki palautukset ovat kunnossa."]
    assert _hashes(returns) == before


def test_cli_errors_exit_1_and_json(returns: Path) -> None:
    next(returns.glob("*Hyvinvointi*")).unlink()
    code, output = _run("validate", str(returns), "--period", "2026-H1", "--format", "json")
    assert code == 1
    data = json.loads(output)
    assert data["valid"] is False
    assert [(f["code"], f["department"]) for f in data["findings"]] == [
        ("missing-department", "HYV")]
    code2, output2 = _run("validate", str(returns), "--period", "2026-H1", "--format", "json")
    assert (code2, output2) == (code, output)


def test_cli_period_from_folder_name(returns: Path) -> None:
    code, output = _run("validate", str(returns))
    assert code == 0, output


def test_cli_missing_folder_exits_2(tmp_path: Path) -> None:
    code, output = _run("validate", str(tmp_path / "ei-ole"), "--period", "2026-H1")
    assert code == 2
    assert "Traceback" not in output


def test_cli_feedback_option(returns: Path, tmp_path: Path) -> None:
    path = next(returns.glob("*Ympäristö*"))
    fill_template(path, {"EK-YMP-01": {"Tila": "", "Toteuma": "-"}})
    target = tmp_path / "palaute"
    code, output = _run("validate", str(returns), "--feedback", str(target))
    assert code == 1
    assert f"Palautekopiot toimialoille (1 kpl): {target}" in output
    assert (target / path.name).is_file()


def test_cli_feedback_without_a_folder_uses_output(returns: Path, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    path = next(returns.glob("*Ympäristö*"))
    fill_template(path, {"EK-YMP-01": {"Tila": "", "Toteuma": "-"}})
    monkeypatch.chdir(tmp_path)
    code, output = _run("validate", str(returns), "--feedback")
    assert code == 1
    default = Path("output") / "2026-H1" / "palaute"
    assert f"Palautekopiot toimialoille (1 kpl): {default}" in output
    assert (tmp_path / default / path.name).is_file()
    assert not list(tmp_path.glob("*.xlsx"))  # nothing written into the current folder


def test_modification_time_does_not_leak_into_the_report(mini_strategy: Strategy,
                                                        returns: Path) -> None:
    copy = returns / "zz-kopio.xlsx"
    shutil.copy(next(returns.glob("*Ympäristö*")), copy)
    os.utime(copy, (1_000_000_000, 1_000_000_000))  # older: the original is used
    report = validate_folder(mini_strategy, H1, returns).verdict
    assert ("zz-kopio.xlsx", "YMP", "duplicate") in statuses(report)
    assert "1000000000" not in json.dumps(report.to_dict())


def test_good_default_is_a_complete_row() -> None:
    assert GOOD["Tila"] and GOOD["Toteuma"]


def test_render_text_names_the_file_of_a_rejected_return(mini_strategy: Strategy) -> None:
    outcomes = read(returned(mini_strategy, "YMP"),
                    returned(mini_strategy, "HYV", file="hyv-vanha.xlsx", period="2025-H2"))
    text = render_text(validate_outcomes(mini_strategy, H1, outcomes).verdict, mini_strategy)
    assert ("hyv-vanha.xlsx: Pohja on seurantakaudelle 1.7.–31.12.2025 (2025-H2)"
            in " ".join(text.split()))


def test_many_returns_are_decided_as_a_few(mini_strategy: Strategy, returns: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """Above SEND_CANDIDATES_UP_TO files, the workers send only claims and the return used
    is read again: the verdict and what the reports get are the same as from full answers."""
    from kemireport.checks import validation as module
    from kemireport.reading.reader import read_returns

    ymp = next(returns.glob("*Ympäristö*"))
    for number in range(3):  # copies of one return, each saved later than the one before
        copy = returns / f"ymp-kopio-{number}.xlsx"
        shutil.copy2(ymp, copy)
        os.utime(copy, (ymp.stat().st_mtime + number + 1,) * 2)
    full = validate_folder(mini_strategy, H1, returns)
    monkeypatch.setattr(module, "SEND_CANDIDATES_UP_TO", 0)
    light = validate_folder(mini_strategy, H1, returns)
    assert light.verdict.to_dict() == full.verdict.to_dict()
    assert light.accepted["YMP"].file == "ymp-kopio-2.xlsx"
    assert light.accepted == full.accepted
    assert light.answers == full.answers
    assert light.indicators == full.indicators
    assert light.sources == full.sources
    outcomes = read_returns(returns)
    in_memory = validate_outcomes(mini_strategy, H1, outcomes, modified={
        o.file: Path(o.source).stat().st_mtime for o in outcomes})
    assert light.verdict.findings == [f for f in in_memory.verdict.findings
                                      if f.code != "overview-missing"]


def test_a_return_that_changes_during_the_run_stops_it(mini_strategy: Strategy) -> None:
    from kemireport.checks.validation import decide, examine
    from kemireport.errors import KemireportError

    first = examine(mini_strategy, H1, read(returned(mini_strategy, "YMP"))[0])
    edited = returned(mini_strategy, "YMP", answers={"EK-YMP-01": {"Tila": "Viivästynyt"}})
    second = examine(mini_strategy, H1, ReadOutcome(edited.file, replace(edited, sha256="muu"),
                                                    None))
    with pytest.raises(KemireportError, match=r"ymp\.xlsx muuttui tai katosi tarkistuksen"):
        decide(mini_strategy, H1, [first.light()], again=lambda files: [second])
    kept = decide(mini_strategy, H1, [first.light()], again=lambda files: [first])
    assert kept.accepted["YMP"] == first.unpacked(mini_strategy).workbook


def test_a_claim_alone_ranks_a_return_as_its_full_examination(mini_strategy: Strategy) -> None:
    from kemireport.checks.validation import examine

    returns = [
        returned(mini_strategy, "YMP"),
        returned(mini_strategy, "YMP", answers={"EK-YMP-01": {"Tila": "Viivästynyt"},
                                                "EK-YMP-02": {"Toteuma": "-"}}),
        returned(mini_strategy, "HYV", drop=("HK-HYV-01",)),
    ]
    for workbook in returns:
        outcome = ReadOutcome(workbook.file, workbook, None)
        full = examine(mini_strategy, H1, outcome, modified=5.0)
        alone = examine(mini_strategy, H1, outcome, modified=5.0, claim_only=True)
        assert alone.claim == full.claim
        assert alone.candidate is None and full.candidate is not None
    assert [examine(mini_strategy, H1, ReadOutcome(w.file, w, None)).claim.complete  # type: ignore[union-attr]
            for w in returns] == [3, 1, 2]


def test_a_return_ranks_the_same_from_its_answers_alone(mini_strategy: Strategy,
                                                        returns: Path) -> None:
    """The ranking read (only the answer cells of each row) claims what the full read does."""
    from kemireport.checks.validation import examine
    from kemireport.reading.reader import read_workbook

    claims = 0
    for path in sorted(returns.iterdir()):
        partial = read_workbook(path, returns, answers_only=True)
        whole = read_workbook(path, returns)
        if whole.workbook is None:
            continue
        assert partial.workbook is not None and partial.workbook.partial
        ranked = examine(mini_strategy, H1, partial, claim_only=True)
        checked = examine(mini_strategy, H1, whole)
        assert ranked.claim == checked.claim
        claims += ranked.claim is not None and ranked.claim.complete > 0
    assert claims > 0
