"""The coordinator's workbook and the CSV: text stays text, every sheet says what it should."""

from __future__ import annotations

import csv
import io
import subprocess
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from builders_report import (
    CONTROL,
    CONTROL_CLEANED,
    FORMULA_LIKE,
    department_return,
    statuses,
    validation,
)
from office import to_pdf

from kemireport.core.findings import Verdict
from kemireport.core.ooxml import readable_fill
from kemireport.core.period import Period
from kemireport.history.consolidate import consolidate
from kemireport.history.records import Consolidation
from kemireport.history.store import HistoryStore
from kemireport.outputs.columns import TRUNCATED, action_columns, clean_text
from kemireport.outputs.csv_export import neutralise, write_csv
from kemireport.outputs.excel import write_excel_report
from kemireport.outputs.facts import gather
from kemireport.strategy import Strategy
from kemireport.templates.contract import DEVIATION, NEW_SCHEDULE

SHEETS = ["Yhteenveto", "Poikkeamat", "Toimenpiteet", "Kehitys", "Kehitys päämäärittäin",
          "Mittarit", "Muutokset", "Havainnot", "SDG"]


def _hostile(strategy: Strategy, period: str = "2026-H1") -> tuple[Consolidation, Verdict]:
    """Every action's Toteuma and an added row full of formula-like and control text."""
    ids = [a.id for a in strategy.actions]
    answers = {action_id: {"Tila": "Toteutunut", "Toteuma": FORMULA_LIKE[i % len(FORMULA_LIKE)]}
               for i, action_id in enumerate(ids)}
    answers[ids[0]]["Toteuma"] = CONTROL
    extra: dict[str, list[Mapping[str, str]]] = {"Elinvoimainen kunta": [
        {"Tunniste": "=1+2", "Tavoite": "@foo", "Toimenpiteet": "http://x",
         "Tila": "+358 40 123", "Toteuma": "=SUM(A1)"}]}
    returns = [department_return(strategy, d.code, period, answers=answers,
                                 extra=extra if d.code == "YMP" else None)
               for d in strategy.departments]
    checked = validation(strategy, period, returns)
    return consolidate(strategy, checked), checked.verdict


def _xlsx(strategy: Strategy, consolidation: Consolidation, verdict: Verdict | None,
          path: Path) -> Path:
    """The coordinator's workbook of a consolidation, through the facts every output renders."""
    verdict = verdict or Verdict(consolidation.period)
    return write_excel_report(strategy, gather(strategy, consolidation, verdict), verdict, path)


def _csv(strategy: Strategy, consolidation: Consolidation, path: Path) -> Path:
    return write_csv(strategy, gather(strategy, consolidation, Verdict(consolidation.period)),
                     path)


def _rows(sheet: Any) -> list[list[Any]]:
    return [[cell for cell in row] for row in sheet.iter_rows()]


def _column(sheet: Any, header: str) -> list[Any]:
    """The cells of one column of a sheet whose header is on row 1."""
    headers = [c.value for c in sheet[1]]
    index = headers.index(header)
    return [row[index] for row in sheet.iter_rows(min_row=2)]


def test_formula_like_and_control_text_stays_text(tmp_path: Path,
                                                  mini_strategy: Strategy) -> None:
    consolidation, report = _hostile(mini_strategy)
    path = _xlsx(mini_strategy, consolidation, report, tmp_path / "raportti.xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == SHEETS
    sheet = book["Toimenpiteet"]
    toteuma = _column(sheet, "Toteuma")
    expected = [CONTROL_CLEANED, *FORMULA_LIKE[1:6], "=SUM(A1)"]
    assert [c.value for c in toteuma] == expected
    assert {c.data_type for c in toteuma} == {"s"}
    added = [c for c in sheet.iter_rows(min_row=2) if c[1].value == "=1+2"]
    assert len(added) == 1
    values = {sheet.cell(1, c.column).value: c for c in added[0]}
    for header, text in (("Tunniste", "=1+2"), ("Tavoite", "@foo"), ("Toimenpiteet", "http://x"),
                         ("Tila kirjoitettuna", "+358 40 123"), ("Tila", "Ei raportoitu"),
                         ("Toteuma", "=SUM(A1)"),
                         ("Strategiassa", "Ei, lisätty rivi")):
        assert (values[header].value, values[header].data_type) == (text, "s")
    assert values["Toimenpiteet"].hyperlink is None
    # The strategy's own text with a formula in it is text as well.
    toimenpiteet = _column(sheet, "Toimenpiteet")
    assert toimenpiteet[1].value == "Torin perusparannus: =SUM(A1) ei ole kaava vaan teksti."
    assert toimenpiteet[1].data_type == "s"


def test_csv_round_trips_the_same_text_with_formulas_neutralised(
        tmp_path: Path, mini_strategy: Strategy) -> None:
    consolidation, _ = _hostile(mini_strategy)
    path = _csv(mini_strategy, consolidation, tmp_path / "toimenpiteet.csv")
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfKausi;Tunniste;")
    assert data.count(b"\r\n") == len(consolidation.records) + 1  # no bare LF in this data
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    headers = [c.header for c in action_columns(mini_strategy)]
    assert rows[0] == headers
    toteuma = [row[headers.index("Toteuma")] for row in rows[1:]]
    # OWASP: an apostrophe before = + - @ (the exact text is in the workbook and the history).
    assert toteuma == [CONTROL_CLEANED, "'+358 40 123", "'@foo", "http://x", "'-1", "'=1+1",
                       "'=SUM(A1)"]
    assert FORMULA_LIKE[1:6] == ("+358 40 123", "@foo", "http://x", "-1", "=1+1")
    added = dict(zip(headers, rows[-1], strict=True))
    assert (added["Tunniste"], added["Tavoite"], added["Toimenpiteet"],
            added["Tila kirjoitettuna"]) == ("'=1+2", "'@foo", "http://x", "'+358 40 123")
    # Same records, same columns, same order as the workbook's table.
    book = openpyxl.load_workbook(
        _xlsx(mini_strategy, consolidation, None, tmp_path / "r.xlsx"))
    sheet_rows = [[c.value if c.value is not None else "" for c in row]
                  for row in book["Toimenpiteet"].iter_rows()]
    # The workbook keeps the exact text: the CSV differs only by the apostrophes.
    assert [[neutralise(str(v)) for v in row] for row in sheet_rows] == rows


def test_text_too_long_for_a_cell_is_cut_visibly() -> None:
    assert clean_text("a" * 32_767) == "a" * 32_767
    cut = clean_text("a" * 40_000)
    assert len(cut) == 32_767 and cut.endswith(TRUNCATED)
    emoji = clean_text("😀" * 20_000)  # two UTF-16 units each
    assert len(emoji.encode("utf-16-le")) // 2 <= 32_767 and emoji.endswith(TRUNCATED)
    assert clean_text("rivi 1\nrivi 2\tsarake\r") == "rivi 1\nrivi 2\tsarake\r"
    assert clean_text(CONTROL) == CONTROL_CLEANED
    assert clean_text("x" * 40_000, limit=None) == "x" * 40_000


def test_long_toteuma_through_the_workbook(tmp_path: Path, mini_strategy: Strategy) -> None:
    long_text = "Pitkä toteuma. " * 3000
    returns = [department_return(mini_strategy, "YMP", "2026-H1",
                                 answers={"EK-YMP-01": {"Toteuma": long_text}})]
    checked = validation(mini_strategy, "2026-H1", returns)
    path = _xlsx(mini_strategy, consolidate(mini_strategy, checked), checked.verdict,
                 tmp_path / "r.xlsx")
    cell = _column(openpyxl.load_workbook(path)["Toimenpiteet"], "Toteuma")[0]
    assert len(cell.value) == 32_767 and cell.value.endswith(TRUNCATED)
    assert cell.value.startswith(long_text[:1000])


def test_sheets_are_tables_ready_to_filter_and_print(tmp_path: Path,
                                                     mini_strategy: Strategy) -> None:
    returns = [department_return(mini_strategy, "YMP", "2026-H1",
                                 answers={"EK-YMP-01": {"Tila": "Viivästynyt",
                                                        "SDG": "13, 7",
                                                        DEVIATION: "Urakka siirtyi."},
                                          "EK-YMP-02": {"Tila": "", "Toteuma": ""}})]
    checked = validation(mini_strategy, "2026-H1", returns)
    path = _xlsx(mini_strategy, consolidate(mini_strategy, checked), checked.verdict,
                 tmp_path / "r.xlsx")
    book = openpyxl.load_workbook(path)
    sheet = book["Toimenpiteet"]
    table = sheet.tables["Toimenpiteet"]
    assert table.ref == "A1:V7"
    assert [c.value for c in sheet[1]] == [
        "Kausi", "Tunniste", "Päämäärä", "Toimiala", "Tavoite", "Toimenpiteet",
        "Vastuu ja aikataulu", "Mittarit", "Tila", "Toteuma", "SDG", DEVIATION, NEW_SCHEDULE,
        "Tila (tarkistus)", "Tavoitteet", "Tila kirjoitettuna", "SDG kirjoitettuna",
        "Strategiassa", "Tiedosto", "Välilehti", "Solu", "SHA-256"]
    assert sheet.freeze_panes == "C2"
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.paperSize == 9
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows == "$1:$1"
    assert "&P" in sheet.oddFooter.center.text
    tila = _column(sheet, "Tila")
    assert [c.value for c in tila] == ["Viivästynyt", "Ei raportoitu", "Etenee suunnitellusti",
                                       "Ei raportoitu", "Ei raportoitu", "Ei raportoitu"]
    state = [c.value for c in _column(sheet, "Tila (tarkistus)")]
    assert state == ["Raportoitu", "Puutteellinen", "Raportoitu", "Puuttuu", "Puuttuu",
                     "Puuttuu"]
    # The status colour comes with the status text, from the strategy's scale.
    delayed = mini_strategy.status_level("Viivästynyt")
    assert delayed is not None
    assert tila[0].fill.fgColor.rgb == "FF" + readable_fill(delayed.color)[1:]
    assert tila[0].font.b

    summary = book["Yhteenveto"]
    texts = [c.value for row in summary.iter_rows() for c in row if isinstance(c.value, str)]
    assert "Toimenpiteiden tilat päämäärittäin" in texts
    assert len(summary._charts) == 3  # per goal, per department, per objective
    goal_table = summary.tables["Tilat_paamaarittain"]
    first = summary[goal_table.ref.split(":")[0]].row
    header = [c.value for c in summary[first]][:8]
    assert header == ["Päämäärä", *mini_strategy.status_names, "Ei raportoitu", "Yhteensä"]
    assert [c.value for c in summary[first + 1]][:8] == [
        "Elinvoimainen kunta", 0, 0, 1, 0, 0, 2, 3]

    findings = book["Havainnot"]
    assert [c.value for c in findings[1]][:4] == ["Vakavuus", "Koodi", "Havainto", "Viesti"]
    codes = [c.value for c in _column(findings, "Koodi")]
    assert sorted(codes) == sorted(f.code for f in checked.verdict.findings)
    assert "Edellistä kautta ei ole" in book["Muutokset"]["A3"].value

    sdg = book["SDG"]
    rows = {r[0].value: [c.value for c in r] for r in sdg.iter_rows(min_row=5, max_row=21)}
    # EK-YMP-01 as reported; empty SDG cells (YMP's other rows) and HYV, which sent nothing,
    # count with the strategy's SDGs: one rule for every output (checks.meaning.sdg_goals).
    assert rows["7"][:5] == ["7", "Edullista ja puhdasta energiaa", 1, 0, 1]
    assert rows["3"][:5] == ["3", "Terveyttä ja hyvinvointia", 1, 1, 2]
    assert rows["4"][:5] == ["4", "Hyvä koulutus", 0, 2, 2]
    assert _column(sheet, "SDG")[0].value == "7, 13"


def _two_periods(tmp_path: Path, strategy: Strategy) -> Consolidation:
    database = tmp_path / "kemireport.sqlite"
    with HistoryStore(database) as store:
        for period, moves in (("2025-H2", {"EK-YMP-01": "Viivästynyt",
                                           "HK-HYV-01": "Ei käynnistynyt"}),
                              ("2026-H1", {"EK-YMP-01": "Toteutunut",
                                           "HK-HYV-01": "Ei käynnistynyt",
                                           "HK-HYV-02": "Keskeytetty"})):
            checked = validation(strategy, period, statuses(strategy, period, moves))
            consolidation = consolidate(strategy, checked)
            store.save_period(strategy, consolidation, checked.verdict)
            consolidation.previous_period, consolidation.changes = store.changes(
                Period.parse(period))
    return consolidation


def test_changes_sheet_names_exactly_the_status_changes(tmp_path: Path,
                                                        mini_strategy: Strategy) -> None:
    consolidation = _two_periods(tmp_path, mini_strategy)
    path = _xlsx(mini_strategy, consolidation, None, tmp_path / "r.xlsx")
    sheet = openpyxl.load_workbook(path)["Muutokset"]
    assert sheet["A2"].value == ("Kausi 2026-H1 verrattuna kauteen 2025-H2: tila muuttui 2, "
                                 "uusi raportti 0, raportti puuttuu 0, ei muutosta 4.")
    table = sheet.tables["Muutokset"]
    rows = [[c.value for c in row] for row in sheet[table.ref]]
    assert rows == [
        ["Tunniste", "Päämäärä", "Toimiala", "Toimenpiteet", "Muutos", "Tila 2025-H2",
         "Tila 2026-H1"],
        ["EK-YMP-01", "Elinvoimainen kunta", "Ympäristötoimiala",
         "Katuvalot vaihdetaan LED-valoihin.", "Tila muuttui", "Viivästynyt", "Toteutunut"],
        ["HK-HYV-02", "Hyvinvoivat asukkaat", "Hyvinvointitoimiala",
         "Liikuntaneuvonta ikäihmisille.", "Tila muuttui", "Etenee suunnitellusti",
         "Keskeytetty"],
    ]


@pytest.mark.needs("soffice", "pdftotext")
def test_the_workbook_opens_in_libreoffice(tmp_path: Path, mini_strategy: Strategy) -> None:
    consolidation = _two_periods(tmp_path, mini_strategy)
    hostile, report = _hostile(mini_strategy)
    consolidation.records.extend(r for r in hostile.records if not r.known)
    path = _xlsx(mini_strategy, consolidation, report,
                 tmp_path / "2026-H1_strategiaseuranta.xlsx")
    pdf = to_pdf(path, tmp_path / "pdf")
    assert pdf.stat().st_size > 10_000
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True, timeout=60).stdout
    # LibreOffice shows the text as typed: nothing was evaluated as a formula.
    # (What was typed as a Tila is on screen in "Tila kirjoitettuna", which is not printed.)
    for expected in ("Strategiaseuranta 2026-H1", "=SUM(A1)", "@foo", "Muutokset "
                     "edelliseen kauteen", "Toimenpiteiden tilat toimialoittain", "Sivu 1 /"):
        assert expected in text
