"""Each check on data built in memory: the exact (code, department, sheet, cell, row_id)."""

from __future__ import annotations

from collections.abc import Iterable

import pytest
from builders import identity, returned, row

from kemireport.checks import Where, check_action
from kemireport.checks.departments import Claim, check_duplicates, check_missing, choose
from kemireport.checks.identity import check_identity
from kemireport.checks.meaning import (
    canonical_status,
    completes,
    interpret,
    is_placeholder,
    parse_sdg,
)
from kemireport.checks.rows import check_rows, index_rows
from kemireport.checks.status import suggest_status
from kemireport.core.findings import FINDING_TYPES, Finding
from kemireport.core.period import Period
from kemireport.strategy import Strategy
from kemireport.templates.contract import ALL_HEADERS, DEVIATION, HEADERS, NEW_SCHEDULE

H1 = Period(2026, 1)
WHERE = Where("ymp.xlsx", "YMP")
EK = "Elinvoimainen kunta"


def located(findings: Iterable[Finding]) -> list[tuple[str | None, ...]]:
    return [(f.code, f.department, f.sheet, f.cell, f.row_id) for f in findings]


def action_findings(strategy: Strategy, **values: str) -> list[Finding]:
    action = strategy.action("EK-YMP-01")
    assert action is not None
    the_row = row(EK, 5, {"Tunniste": action.id, **strategy.strategy_texts(action), **values})
    return list(check_action(strategy, action, the_row, interpret(strategy, action, the_row),
                             WHERE))


# -- identity ---------------------------------------------------------------------------------


def test_a_good_template_has_no_identity_findings(mini_strategy: Strategy) -> None:
    assert list(check_identity(returned(mini_strategy, "YMP"), mini_strategy, H1)) == []


def test_not_a_template(mini_strategy: Strategy) -> None:
    workbook = returned(mini_strategy, "YMP", ident=None)
    findings = list(check_identity(workbook, mini_strategy, H1))
    assert located(findings) == [("not-a-template", None, None, None, None)]
    assert "koordinaattorin lähettämä" in findings[0].message


def test_wrong_period_names_both_periods(mini_strategy: Strategy) -> None:
    workbook = returned(mini_strategy, "YMP", period="2025-H2")
    findings = list(check_identity(workbook, mini_strategy, H1))
    assert located(findings) == [("wrong-period", "YMP", None, None, None)]
    assert "1.7.–31.12.2025 (2025-H2)" in findings[0].message
    assert "1.1.–30.6.2026 (2026-H1)" in findings[0].message


@pytest.mark.parametrize("changes", [
    {"strategy_id": "kemi-2022-2025"},
    {"template_version": 99},
    {"template_version": None},
    {"department": "XYZ"},
])
def test_wrong_strategy(mini_strategy: Strategy, changes: dict[str, object]) -> None:
    ident = identity(mini_strategy, "YMP")
    ident = type(ident)(**{**ident.__dict__, **changes})
    workbook = returned(mini_strategy, "YMP", ident=ident)
    findings = list(check_identity(workbook, mini_strategy, H1))
    department = None if changes.get("department") == "XYZ" else "YMP"
    assert located(findings) == [("wrong-strategy", department, None, None, None)]


def test_edited_strategy_makes_the_template_outdated(mini_strategy: Strategy) -> None:
    ident = identity(mini_strategy, "YMP", strategy_fingerprint="0123456789abcdef")
    findings = list(check_identity(returned(mini_strategy, "YMP", ident=ident),
                                   mini_strategy, H1))
    assert located(findings) == [("template-outdated", "YMP", None, None, None)]
    assert findings[0].severity == "warning"


# -- departments ------------------------------------------------------------------------------


def test_duplicates_choose_the_most_complete_then_newest_then_name() -> None:
    assert choose([Claim("a.xlsx", 2, 5.0), Claim("b.xlsx", 3, 1.0)])[0].file == "b.xlsx"
    assert choose([Claim("a.xlsx", 3, 5.0), Claim("b.xlsx", 3, 9.0)])[0].file == "b.xlsx"
    assert choose([Claim("b.xlsx", 3, 5.0), Claim("a.xlsx", 3, 5.0)])[0].file == "a.xlsx"


def test_duplicate_department_on_each_file(mini_strategy: Strategy) -> None:
    claims = [Claim("vanha.xlsx", 1, 0.0), Claim("uusi.xlsx", 3, 0.0)]
    findings = list(check_duplicates(mini_strategy, "YMP", claims))
    assert located(findings) == [("duplicate-department", "YMP", None, None, None)] * 2
    assert [f.file for f in findings] == ["uusi.xlsx", "vanha.xlsx"]
    assert ("myös tiedostossa vanha.xlsx. Tätä tiedostoa (uusi.xlsx) käytetään"
            in findings[0].message)
    assert ("myös tiedostossa uusi.xlsx. Tätä tiedostoa (vanha.xlsx) ei käytetä; käytetään "
            "tiedostoa uusi.xlsx, koska") in findings[1].message


def test_duplicate_department_names_the_first_few_others(mini_strategy: Strategy) -> None:
    for count in range(2, 7):
        files = [f"{chr(97 + i)}.xlsx" for i in range(count)]
        findings = list(check_duplicates(mini_strategy, "YMP",
                                         [Claim(file, 1, 0.0) for file in reversed(files)]))
        for finding in findings:
            others = [file for file in files if file != finding.file]
            where = "tiedostossa" if len(others) == 1 else "tiedostoissa"
            listed = (", ".join(others) if len(others) <= 3
                      else f"{', '.join(others[:3])} ja {len(others) - 3} muussa")
            assert f"palautus on myös {where} {listed}. Tätä tiedostoa" in finding.message


def test_missing_department_says_why_a_sent_file_did_not_count(mini_strategy: Strategy) -> None:
    rejected = Finding.of("wrong-period", "…", file="hyv.xlsx", department="HYV")
    findings = list(check_missing(mini_strategy, Period.parse("2026-H1"), {"YMP": object()},
                                  {"HYV": [rejected]}))
    assert located(findings) == [("missing-department", "HYV", None, None, None)]
    assert findings[0].file is None
    assert "Hyvinvointitoimiala" in findings[0].message
    assert "hyv.xlsx: pohja on toisen seurantakauden" in findings[0].message


# -- rows -------------------------------------------------------------------------------------


def test_row_missing_points_at_the_goals_sheet(mini_strategy: Strategy) -> None:
    workbook = returned(mini_strategy, "YMP", drop=("HK-YMP-01",))
    index = index_rows(workbook, mini_strategy, "YMP")
    findings = list(check_rows(index, mini_strategy, WHERE))
    assert located(findings) == [
        ("row-missing", "YMP", "Hyvinvoivat asukkaat", None, "HK-YMP-01")]


def test_rows_match_by_tunniste_wherever_they_are(mini_strategy: Strategy) -> None:
    workbook = returned(mini_strategy, "YMP")
    ek, hk = workbook.sheets
    moved = row(EK, 9, dict(hk.rows[0].values))  # HK row moved to the EK sheet …
    reordered = (ek.rows[1], ek.rows[0], moved)  # … and the EK rows sorted the other way
    workbook = type(workbook)(workbook.file, workbook.sha256, workbook.identity, (
        type(ek)(ek.name, ek.header_row, ek.columns, reordered),
        type(hk)(hk.name, hk.header_row, hk.columns, ()),
    ))
    index = index_rows(workbook, mini_strategy, "YMP")
    assert set(index.matched) == {"EK-YMP-01", "EK-YMP-02", "HK-YMP-01"}
    assert located(check_rows(index, mini_strategy, WHERE)) == [
        ("row-other-sheet", "YMP", EK, "A9", "HK-YMP-01")]


def test_row_unknown_for_empty_unknown_and_other_departments_tunniste(
        mini_strategy: Strategy) -> None:
    content = {"Tila": "Toteutunut", "Toteuma": "Tehtiin."}
    workbook = returned(mini_strategy, "YMP", extra={EK: [
        {"Tunniste": "", **content},
        {"Tunniste": "EK-YMP-99", **content},
        {"Tunniste": "EK-HYV-01", **content},
        {"Tunniste": "", "Toimenpiteet": "Vain muistiinpano ilman tilaa"},  # no content: skipped
    ]})
    index = index_rows(workbook, mini_strategy, "YMP")
    findings = list(check_rows(index, mini_strategy, WHERE))
    assert located(findings) == [
        ("row-unknown", "YMP", EK, "A7", None),
        ("row-unknown", "YMP", EK, "A8", "EK-YMP-99"),
        ("row-unknown", "YMP", EK, "A9", "EK-HYV-01"),
    ]
    assert "kuuluu toimialalle Hyvinvointitoimiala" in findings[2].message
    assert [r.row for r in index.reported_rows()] == [7, 8, 9]


def test_duplicate_tunniste_keeps_the_fullest_row(mini_strategy: Strategy) -> None:
    workbook = returned(mini_strategy, "YMP", answers={"EK-YMP-01": {"Toteuma": ""}},
                        extra={EK: [{"Tunniste": "ek-ymp-01 ", "Tila": "Toteutunut",
                                     "Toteuma": "Valmis.", "SDG": "7"}]})
    index = index_rows(workbook, mini_strategy, "YMP")
    assert index.matched["EK-YMP-01"].row == 7
    findings = list(check_rows(index, mini_strategy, WHERE))
    assert located(findings) == [("row-duplicate", "YMP", EK, "A5", "EK-YMP-01")]
    assert "rivi 7" in findings[0].message
    assert [r.row for r in index.reported_rows()] == [5]  # its Tila is kept, not lost


def test_strategy_text_changed_once_per_cell(mini_strategy: Strategy) -> None:
    findings = action_findings(mini_strategy, Toimenpiteet="Jotain muuta.",
                               **{"Vastuu ja aikataulu": ""})
    assert located(findings) == [
        ("strategy-text-changed", "YMP", EK, "C5", "EK-YMP-01"),
        ("strategy-text-changed", "YMP", EK, "D5", "EK-YMP-01"),
        ("status-missing", "YMP", EK, "F5", "EK-YMP-01"),
        ("toteuma-missing", "YMP", EK, "G5", "EK-YMP-01"),
    ]


def test_rewrapped_strategy_text_is_not_a_change(mini_strategy: Strategy) -> None:
    action = mini_strategy.action("EK-YMP-02")
    assert action is not None
    texts = {k: "  " + v.replace(" ", "\n", 2) + " " for k, v in
             mini_strategy.strategy_texts(action).items()}
    the_row = row(EK, 6, {"Tunniste": action.id, **texts, "Tila": "Toteutunut",
                          "Toteuma": "Tori on valmis."})
    meaning = interpret(mini_strategy, action, the_row)
    assert list(check_action(mini_strategy, action, the_row, meaning, WHERE)) == []


# -- Tila -------------------------------------------------------------------------------------


def test_status_missing_and_invalid_point_at_the_tila_cell(mini_strategy: Strategy) -> None:
    missing = action_findings(mini_strategy, Tila="", Toteuma="Tehtiin paljon.")
    assert located(missing) == [("status-missing", "YMP", EK, "F5", "EK-YMP-01")]
    assert missing[0].message.startswith(
        "Tila puuttuu. Valitse Tila-sarakkeen pudotusvalikosta jokin: Toteutunut, ")
    invalid = action_findings(mini_strategy, Tila="Etenee suunitellusti", Toteuma="Eteni.")
    assert located(invalid) == [("status-invalid", "YMP", EK, "F5", "EK-YMP-01")]
    assert "Tarkoititko ”Etenee suunnitellusti”?" in invalid[0].message


@pytest.mark.parametrize(("typed", "meant"), [
    ("toteutunut", "Toteutunut"),
    ("  EI   KAYNNISTYNYT ", "Ei käynnistynyt"),
    ("Viivästynyt", "Viivästynyt"),
])
def test_status_ignores_case_spacing_and_diacritics(mini_strategy: Strategy, typed: str,
                                                    meant: str) -> None:
    assert canonical_status(mini_strategy, typed) == meant


@pytest.mark.parametrize(("typed", "meant"), [
    ("Toteutunu", "Toteutunut"), ("etenee", "Etenee suunnitellusti"), ("valmis", "Toteutunut"),
    ("Viivastyi", "Viivästynyt"), ("keskeytetty.", "Keskeytetty"), ("sininen", None),
])
def test_status_suggestions(mini_strategy: Strategy, typed: str, meant: str | None) -> None:
    assert canonical_status(mini_strategy, typed) is None or typed == "keskeytetty."
    assert suggest_status(mini_strategy, typed) == meant


@pytest.mark.parametrize(("tila", "toteuma", "contradicts"), [
    ("Toteutunut", "Ei käynnistynyt resurssipulan vuoksi.", True),
    ("Toteutunut", "Työtä ei ole vielä aloitettu.", True),
    ("Toteutunut", "Hanke valmistui. Jatkovaihe ei ole vielä alkanut.", False),
    ("Ei käynnistynyt", "Uusi reitti otettiin käyttöön toukokuussa.", True),
    ("Ei käynnistynyt", "Hanke ei valmistunut, koska rahoitus puuttui.", False),
    ("Etenee suunnitellusti", "Ei ole aloitettu.", False),
])
def test_status_contradiction_is_conservative(mini_strategy: Strategy, tila: str, toteuma: str,
                                              contradicts: bool) -> None:
    findings = action_findings(mini_strategy, Tila=tila, Toteuma=toteuma,
                               **{DEVIATION: "Rahoitus haetaan uudelleen syksyllä."})
    expected = [("status-contradiction", "YMP", EK, "F5", "EK-YMP-01")] if contradicts else []
    assert located(findings) == expected
    if contradicts:
        assert findings[0].severity == "warning"


# -- Toteuma ----------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "  ", "-", "x", "?", "..", "—", "tbd", "TBD.",
                                  "ks. edellinen", "Sama kuin edellä", "-/-", "n/a"])
def test_placeholders_are_a_missing_toteuma(mini_strategy: Strategy, text: str) -> None:
    assert is_placeholder(text)
    findings = action_findings(mini_strategy, Tila="Toteutunut", Toteuma=text)
    assert located(findings) == [("toteuma-missing", "YMP", EK, "G5", "EK-YMP-01")]
    assert "Kirjoita Toteuma-soluun muutamalla virkkeellä" in findings[0].message


@pytest.mark.parametrize("text", ["Ei muutoksia.", "x-akselin hanke valmistui", "OK, valmis.",
                                  "Tehty 5/2026."])
def test_real_answers_are_not_placeholders(text: str) -> None:
    assert not is_placeholder(text)


# -- SDG --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("typed", "numbers"), [
    ("", ()), ("7", (7,)), ("3, 7, 13", (3, 7, 13)), ("3,7,13", (3, 7, 13)),
    ("3; 7", (3, 7)), ("3 7 13", (3, 7, 13)), ("SDG 7, SDG 13", (7, 13)), ("7 ja 13", (7, 13)),
    ("13, 7, 13", (13, 7)), ("07", (7,)),
    ("18", None), ("0", None), ("7.13", None), ("kaikki", None), ("7-9", None), ("3,,x", None),
])
def test_parse_sdg(typed: str, numbers: tuple[int, ...] | None) -> None:
    assert parse_sdg(typed) == numbers


def test_sdg_invalid_points_at_the_sdg_cell(mini_strategy: Strategy) -> None:
    findings = action_findings(mini_strategy, Tila="Toteutunut", Toteuma="Tehtiin.", SDG="7, 18")
    assert located(findings) == [("sdg-invalid", "YMP", EK, "H5", "EK-YMP-01")]
    assert "Numeroa 18 ei ole" in findings[0].message
    assert "numerot 1–17 pilkuilla erotettuina" in findings[0].message
    decimal = action_findings(mini_strategy, Tila="Toteutunut", Toteuma="Tehtiin.", SDG="7.13")
    assert "desimaaliluvuksi" in decimal[0].message


# -- completeness -----------------------------------------------------------------------------


@pytest.mark.parametrize(("values", "complete"), [
    ({"Tila": "Toteutunut", "Toteuma": "Tehtiin.", "SDG": "7"}, True),
    ({"Tila": "toteutunut", "Toteuma": "Tehtiin.", "SDG": ""}, True),
    ({"Tila": "Valmis", "Toteuma": "Tehtiin.", "SDG": ""}, False),
    ({"Tila": "Toteutunut", "Toteuma": "-", "SDG": ""}, False),
    ({"Tila": "Toteutunut", "Toteuma": "Tehtiin.", "SDG": "99"}, False),
])
def test_is_complete(mini_strategy: Strategy, values: dict[str, str], complete: bool) -> None:
    action = mini_strategy.action("EK-YMP-01")
    the_row = row(EK, 5, {"Tunniste": "EK-YMP-01", **values})
    assert interpret(mini_strategy, action, the_row).complete is complete


def test_completes_agrees_with_the_meaning(mini_strategy: Strategy) -> None:
    """The ranking's shortcut (``completes``) says what ``interpret(...).complete`` says, on
    every combination of the cells that decide it, with and without the deviation column."""
    action = mini_strategy.action("EK-YMP-01")
    cases = 0
    for tila in ("", "Toteutunut", "toteutunut", "Valmis", "Viivästynyt", "ei kaynnistynyt"):
        for toteuma in ("", "-", "tbd", "Tehtiin.", "x\ud800", "\ud800"):
            for sdg in ("", "7", "3, 7", "99", "7.13"):
                for explanation in ("", "?", "Urakka siirtyi."):
                    values = {"Tunniste": "EK-YMP-01", "Tila": tila, "Toteuma": toteuma,
                              "SDG": sdg, DEVIATION: explanation}
                    for headers in (ALL_HEADERS, HEADERS):
                        the_row = row(EK, 5, values, headers=headers)
                        for owner in (action, None):
                            expected = interpret(mini_strategy, owner, the_row).complete
                            assert completes(mini_strategy, owner, the_row) is expected
                            cases += expected
    assert cases > 0


def test_every_registered_code_has_finnish_title() -> None:
    for code in ("template-outdated", "row-duplicate", "row-other-sheet", "status-contradiction"):
        assert FINDING_TYPES[code].title


# -- deviations ---------------------------------------------------------------------------------


@pytest.mark.parametrize("explanation", ["", "  ", "-", "?", "tbd"])
def test_a_deviation_without_an_explanation(mini_strategy: Strategy, explanation: str) -> None:
    findings = action_findings(mini_strategy, Tila="Viivästynyt", Toteuma="Urakka siirtyi.",
                               **{DEVIATION: explanation})
    assert located(findings) == [("deviation-unexplained", "YMP", EK, "I5", "EK-YMP-01")]
    assert findings[0].severity == "error"
    assert findings[0].message.startswith("Tila on ”Viivästynyt”, mutta poikkeaman syy puuttuu")
    assert "Poikkeaman syy ja korjaavat toimenpiteet -soluun" in findings[0].message
    if explanation.strip() == "-":
        assert "solussa on vain viiva" in findings[0].message


@pytest.mark.parametrize("tila", ["Viivästynyt", "Ei käynnistynyt", "Keskeytetty"])
def test_an_explained_deviation_is_fine(mini_strategy: Strategy, tila: str) -> None:
    values = {"Tila": tila, "Toteuma": "Urakka siirtyi.",
              DEVIATION: "Tarjoukset ylittivät määrärahan; uusi kilpailutus syksyllä.",
              NEW_SCHEDULE: "6/2027"}
    assert action_findings(mini_strategy, **values) == []
    action = mini_strategy.action("EK-YMP-01")
    meaning = interpret(mini_strategy, action, row(EK, 5, {"Tunniste": "EK-YMP-01", **values}))
    assert (meaning.is_deviation, meaning.complete, meaning.new_schedule) == (True, True, "6/2027")


def test_an_explanation_on_a_row_that_needs_none_is_kept(mini_strategy: Strategy) -> None:
    values = {"Tila": "Toteutunut", "Toteuma": "Valmis.", DEVIATION: "Valmistui kuukauden "
              "myöhässä, koska urakoitsija vaihtui."}
    assert action_findings(mini_strategy, **values) == []
    action = mini_strategy.action("EK-YMP-01")
    meaning = interpret(mini_strategy, action, row(EK, 5, {"Tunniste": "EK-YMP-01", **values}))
    assert meaning.deviation == values[DEVIATION] and not meaning.is_deviation


def test_an_old_template_row_is_not_asked_to_explain(mini_strategy: Strategy) -> None:
    action = mini_strategy.action("EK-YMP-01")
    assert action is not None
    old = row(EK, 5, {"Tunniste": action.id, **mini_strategy.strategy_texts(action),
                      "Tila": "Viivästynyt", "Toteuma": "Urakka siirtyi."}, headers=HEADERS)
    meaning = interpret(mini_strategy, action, old)
    assert list(check_action(mini_strategy, action, old, meaning, WHERE)) == []
    assert meaning.complete and not meaning.explanation_asked


def test_a_finding_as_a_dict_is_its_fields_in_order() -> None:
    from dataclasses import asdict

    from kemireport.core.findings import FileStatus

    finding = Finding.of("row-missing", "Rivi puuttuu.", file="a.xlsx", department="YMP",
                         sheet="Sujuva arki", cell="A5", row_id="EK-YMP-01")
    status = FileStatus("a.xlsx", None, "ok")
    for record in (finding, status, Finding.of("file-ignored", "Ohitettiin.")):
        assert list(record.to_dict().items()) == list(asdict(record).items())


def test_the_file_used_for_each_department_is_its_accepted_return() -> None:
    from kemireport.core.findings import FileStatus, Verdict

    verdict = Verdict(Period.parse("2025-H1"), files=[
        FileStatus("ymp-vanha.xlsx", "YMP", "duplicate"),
        FileStatus("ymp.xlsx", "YMP", "findings"),
        FileStatus("hyv.xlsx", "HYV", "ok"),
        FileStatus("sivu.xlsx", "SIV", "rejected"),
        FileStatus("rikki.xlsx", None, "unreadable"),
        FileStatus("muistio.docx", None, "ignored"),
    ])
    assert verdict.used_files() == {"YMP": "ymp.xlsx", "HYV": "hyv.xlsx"}
