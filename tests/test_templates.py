"""Department workbooks: contents, locking, dropdowns, identity, print settings, reproducibility."""

from __future__ import annotations

import dataclasses
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from office import pdf_pages, resave, to_pdf
from python_calamine import CalamineWorkbook

from kemireport.core.ooxml import readable_fill
from kemireport.core.period import Period
from kemireport.core.settings import Settings, load_settings
from kemireport.core.textfit import LINE_HEIGHT, line_count, row_height
from kemireport.errors import ConfigError
from kemireport.strategy import Action, Department, StatusLevel, Strategy, load_strategy
from kemireport.templates.contract import (
    ALL_HEADERS,
    HEADER_SEARCH_ROWS,
    HEADERS,
    IDENTITY_KEYS,
    IDENTITY_SHEET,
    INDICATOR_HEADERS,
    INDICATOR_REQUIRED,
    INDICATOR_SHEET,
    INSTRUCTIONS_SHEET,
    OPEN_COLUMNS,
    STRATEGY_COLUMNS,
    identity_fingerprint,
)
from kemireport.templates.instructions import FALLBACK_RETURN
from kemireport.templates.workbook import (
    MIN_DATA_LINES,
    identity_values,
    template_filename,
    template_filenames,
    write_templates,
)

PERIOD = Period(2026, 1)
REPO = Path(__file__).resolve().parents[1]
COMMITTED_PERIOD = Period(2025, 1)


@pytest.fixture(scope="module")
def written(mini_strategy: Strategy, tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return write_templates(mini_strategy, PERIOD, tmp_path_factory.mktemp("pohjat"),
                           settings=Settings())


@pytest.fixture(scope="module")
def books(written: list[Path]) -> dict[str, Any]:
    """Department code -> the workbook read back with openpyxl."""
    result = {}
    for path in written:
        book = openpyxl.load_workbook(path)
        result[book[IDENTITY_SHEET]["B5"].value] = book
    return result


def header_row(sheet: Any) -> int:
    for row in range(1, HEADER_SEARCH_ROWS + 1):
        values = tuple(sheet.cell(row, col).value for col in range(1, len(HEADERS) + 1))
        if values == HEADERS:
            return row
    raise AssertionError(f"no header row in {sheet.title}")


def data_rows(sheet: Any) -> Iterator[dict[str, Any]]:
    top = header_row(sheet)
    for row in range(top + 1, sheet.max_row + 1):
        cells = {h: sheet.cell(row, col) for col, h in enumerate(ALL_HEADERS, start=1)}
        if any(c.value not in (None, "") for c in cells.values()):
            yield cells


def with_actions(strategy: Strategy, actions: tuple[Action, ...], **changes: Any) -> Strategy:
    return dataclasses.replace(strategy, actions=actions, _objectives={}, **changes)


# -- files ----------------------------------------------------------------------------------------


def test_one_file_per_department_in_strategy_order(written: list[Path]) -> None:
    assert [p.name for p in written] == ["2026-H1_Ympäristötoimiala.xlsx",
                                         "2026-H1_Hyvinvointitoimiala.xlsx"]
    folder = written[0].parent
    assert folder.name == "2026-H1"
    # Written through a temporary file: nothing else is left behind.
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in written)


def test_file_names_are_safe_on_windows_and_unique() -> None:
    depts = [Department("A", 'Tekninen/ympäristö: "uusi"?', ""),
             Department("B", "Tekninen|ympäristö* \"uusi\"", ""),
             Department("C", "Sivistys. ", "")]
    names = template_filenames(PERIOD, depts)
    assert names["A"] == "2026-H1_Tekninen-ympäristö- -uusi-.xlsx"
    assert names["B"] == "2026-H1_Tekninen-ympäristö- -uusi-_B.xlsx"
    assert names["C"] == "2026-H1_Sivistys.xlsx"
    for name in names.values():
        assert not set(name) & set('<>:"/\\|?*')
    # A decomposed ä (as macOS may give it) is written composed.
    assert template_filename(PERIOD, Department("Y", "Ympa\u0308risto\u0308", "")) == \
        "2026-H1_Ympäristö.xlsx"


def test_same_input_gives_byte_identical_files(mini_strategy: Strategy, tmp_path: Path) -> None:
    first = write_templates(mini_strategy, PERIOD, tmp_path / "a", settings=Settings())
    second = write_templates(mini_strategy, PERIOD, tmp_path / "b", settings=Settings())
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    other = write_templates(mini_strategy, PERIOD.next(), tmp_path / "c", settings=Settings())
    assert first[0].read_bytes() != other[0].read_bytes()
    book = openpyxl.load_workbook(first[0])
    assert book.properties.created.isoformat() == "2026-01-01T00:00:00"


# -- sheets and contents ----------------------------------------------------------------------


def test_sheets_in_order_identity_hidden(books: dict[str, Any]) -> None:
    for book in books.values():
        # Both departments have an indicator: the Mittarit sheet follows the goals' sheets.
        assert book.sheetnames == [INSTRUCTIONS_SHEET, "Elinvoimainen kunta",
                                   "Hyvinvoivat asukkaat", INDICATOR_SHEET, IDENTITY_SHEET]
        assert [s.sheet_state for s in book.worksheets] == ["visible"] * 4 + ["hidden"]
        assert book.active.title == INSTRUCTIONS_SHEET


def test_every_action_in_place(mini_strategy: Strategy, books: dict[str, Any]) -> None:
    for dept in mini_strategy.departments:
        book = books[dept.code]
        for goal in mini_strategy.goals:
            sheet = book[goal.name]
            top = header_row(sheet)
            assert sheet.cell(1, 1).value == goal.name
            assert dept.name in sheet.cell(2, 1).value
            assert PERIOD.label in sheet.cell(2, 1).value
            actions = mini_strategy.actions_for(dept.code, goal.code)
            rows = list(data_rows(sheet))
            assert len(rows) == len(actions)
            for offset, (action, cells) in enumerate(zip(actions, rows, strict=True)):
                assert cells["Tunniste"].row == top + 1 + offset
                assert cells["Tunniste"].value == action.id
                for header, text in mini_strategy.strategy_texts(action).items():
                    assert cells[header].value == text, (action.id, header)
                    assert cells[header].data_type == "s"
                assert cells["Tila"].value is None
                assert cells["Toteuma"].value is None
                assert (cells["SDG"].value or "") == ", ".join(map(str, action.sdg))


def test_sdg_prefilled_as_text(books: dict[str, Any]) -> None:
    rows = {c["Tunniste"].value: c for c in data_rows(books["YMP"]["Elinvoimainen kunta"])}
    assert rows["EK-YMP-01"]["SDG"].value == "7, 13"
    assert rows["EK-YMP-01"]["SDG"].data_type == "s"
    assert rows["EK-YMP-02"]["SDG"].value is None


def test_strategy_text_is_never_a_formula(mini_strategy: Strategy, tmp_path: Path) -> None:
    first = mini_strategy.actions[0]
    tricky = dataclasses.replace(first, toimenpiteet="=SUM(A1:A3)", vastuu="+358 40 123",
                                 mittarit="=HYPERLINK(\"http://x\")")
    strategy = with_actions(mini_strategy, (tricky, *mini_strategy.actions[1:]))
    path = write_templates(strategy, PERIOD, tmp_path, settings=Settings())[0]
    cells = next(data_rows(openpyxl.load_workbook(path)["Elinvoimainen kunta"]))
    assert cells["Toimenpiteet"].value == "=SUM(A1:A3)"
    assert cells["Vastuu ja aikataulu"].value == "+358 40 123"
    assert {cells[h].data_type for h in STRATEGY_COLUMNS} == {"s"}
    with zipfile.ZipFile(path) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
        assert not any(b"<f>" in archive.read(n) for n in sheets)


def test_goal_named_like_a_template_sheet_is_refused(mini_strategy: Strategy,
                                                     tmp_path: Path) -> None:
    goals = (dataclasses.replace(mini_strategy.goals[0], name="OHJEET"),
             *mini_strategy.goals[1:])
    strategy = dataclasses.replace(mini_strategy, goals=goals, _objectives={})
    with pytest.raises(ConfigError, match="päämäärän nimi 'OHJEET' on varattu"):
        write_templates(strategy, PERIOD, tmp_path, settings=Settings())
    assert not any(tmp_path.iterdir())


def test_goal_without_actions_still_has_its_sheet(mini_strategy: Strategy,
                                                  tmp_path: Path) -> None:
    strategy = with_actions(mini_strategy, tuple(
        a for a in mini_strategy.actions if not (a.department == "YMP" and a.goal == "HK")))
    path = write_templates(strategy, PERIOD, tmp_path, settings=Settings())[0]
    sheet = openpyxl.load_workbook(path)["Hyvinvoivat asukkaat"]
    assert header_row(sheet) == 4
    assert list(data_rows(sheet)) == []
    assert sheet.cell(3, 1).value == ("Toimialalla Ympäristötoimiala ei ole toimenpiteitä tämän "
                                      "päämäärän alla. Tälle välilehdelle ei täytetä mitään.")
    assert sheet.protection.sheet


# -- locking, dropdown, colours ---------------------------------------------------------------


def test_strategy_columns_locked_reporting_columns_open(books: dict[str, Any]) -> None:
    for book in books.values():
        for sheet in book.worksheets[1:-2]:
            top = header_row(sheet)
            assert all(sheet.cell(top, c).protection.locked for c in range(1, 9))
            assert sheet.cell(1, 1).protection.locked
            for cells in data_rows(sheet):
                for header in ("Tunniste", *STRATEGY_COLUMNS):
                    assert cells[header].protection.locked, header
                for header in OPEN_COLUMNS:
                    assert not cells[header].protection.locked, header
                    assert cells[header].alignment.wrap_text


def test_sheets_protected_without_password(books: dict[str, Any]) -> None:
    for book in books.values():
        for sheet in book.worksheets:
            protection = sheet.protection
            assert protection.sheet, sheet.title
            assert protection.password is None
            # False = this action is not prevented: people can resize and select any cell.
            assert protection.formatColumns is False
            assert protection.formatRows is False
            assert protection.selectLockedCells is False
            assert protection.selectUnlockedCells is False
            assert protection.deleteRows is not False  # rows must not be deleted


def test_status_dropdown_is_the_scale(mini_strategy: Strategy, books: dict[str, Any]) -> None:
    sheet = books["HYV"]["Hyvinvoivat asukkaat"]
    lists = [dv for dv in sheet.data_validations.dataValidation if dv.type == "list"]
    assert len(lists) == 1
    dv = lists[0]
    assert dv.formula1 == '"' + ",".join(mini_strategy.status_names) + '"'
    assert str(dv.sqref) == "F5:F6"
    assert dv.showInputMessage and dv.showErrorMessage
    assert dv.errorStyle in (None, "stop")
    assert dv.promptTitle == "Tila" and "30.6." in dv.prompt
    assert dv.error == ("Valitse tila luettelosta: Toteutunut, Etenee suunnitellusti, "
                        "Viivästynyt, Ei käynnistynyt, Keskeytetty.")


def test_status_with_comma_uses_the_list_on_the_instructions_sheet(
        mini_strategy: Strategy, tmp_path: Path) -> None:
    scale = (StatusLevel("Valmis, hyväksytty", "#C8E6C9", "Tehty."),
             StatusLevel("Kesken", "#FFE0B2", "Työ jatkuu."))
    strategy = dataclasses.replace(mini_strategy, status_scale=scale, _objectives={})
    book = openpyxl.load_workbook(write_templates(strategy, PERIOD, tmp_path,
                                                  settings=Settings())[0])
    dv = next(dv for dv in book["Elinvoimainen kunta"].data_validations.dataValidation
              if dv.type == "list")
    sheet_name, cells = dv.formula1.split("!")
    assert sheet_name == f"'{INSTRUCTIONS_SHEET}'"
    first, last = cells.replace("$", "").split(":")
    listed = [c.value for row in book[INSTRUCTIONS_SHEET][first:last] for c in row]
    assert listed == ["Valmis, hyväksytty", "Kesken"]


def test_status_colours_are_conditional_formats(mini_strategy: Strategy,
                                                books: dict[str, Any]) -> None:
    sheet = books["YMP"]["Elinvoimainen kunta"]
    rules = [(str(cf.sqref), rule) for cf in sheet.conditional_formatting for rule in cf.rules]
    statuses = [(ref, r) for ref, r in rules if ref == "F5:F6"]
    assert [r.formula for _, r in statuses] == [[f'"{n}"'] for n in mini_strategy.status_names]
    # An unexplained deviation asks for its explanation (the finding says it in words).
    asks = [(ref, r.formula) for ref, r in rules if ref != "F5:F6"]
    assert asks == [("I5:I6", ['AND(OR($F5="Viivästynyt",$F5="Ei käynnistynyt",'
                                '$F5="Keskeytetty"),LEN(TRIM(I5))=0)'])]
    for (_, rule), level in zip(statuses, mini_strategy.status_scale, strict=True):
        fill = rule.dxf.fill.bgColor.rgb[-6:]
        assert f"#{fill}" == readable_fill(level.color)


def test_readable_fill_keeps_light_colours_and_lightens_dark_ones() -> None:
    assert readable_fill("#C8E6C9") == "#C8E6C9"
    dark = readable_fill("#1B5E20")
    assert dark != "#1B5E20"
    rgb = [int(dark[i:i + 2], 16) for i in (1, 3, 5)]

    def lin(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    lum = 0.2126 * lin(rgb[0]) + 0.7152 * lin(rgb[1]) + 0.0722 * lin(rgb[2])
    assert (lum + 0.05) / 0.05 >= 7
    assert readable_fill("#000000") != "#000000"


# -- identity -----------------------------------------------------------------------------------


def test_identity_sheet_and_properties(mini_strategy: Strategy, books: dict[str, Any]) -> None:
    for dept in mini_strategy.departments:
        book = books[dept.code]
        sheet = book[IDENTITY_SHEET]
        rows = [(r[0].value, r[1].value) for r in sheet.iter_rows(max_col=2)]
        assert rows == [
            ("tuote", "kemireport"),
            ("pohjan_versio", "2"),
            ("strategia", "testikunta-2026-2029"),
            ("strategian_tarkiste", mini_strategy.fingerprint(dept.code)),
            ("toimiala", dept.code),
            ("kausi", "2026-H1"),
            ("luotu_ohjelmalla", rows[-2][1]),
            ("tunnisteen_tarkiste", identity_fingerprint(dict(rows))),
        ]
        assert [k for k, _ in rows] == list(IDENTITY_KEYS)
        assert rows[-2][1].startswith("kemireport ")
        assert {r[1].data_type for r in sheet.iter_rows(max_col=2)} == {"s"}
        props = {p.name: p.value for p in book.custom_doc_props.props}
        assert props == {f"kemireport_{k}": v
                         for k, v in identity_values(mini_strategy, PERIOD, dept).items()}


# -- print ---------------------------------------------------------------------------------------


def test_print_settings(books: dict[str, Any]) -> None:
    book = books["YMP"]
    for sheet in book.worksheets[1:-2]:
        setup = sheet.page_setup
        assert setup.orientation == "landscape"
        assert setup.paperSize == 9  # A4
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert setup.fitToWidth in (None, 1) and setup.fitToHeight == 0
        assert sheet.print_title_rows == "$4:$4"
        assert sheet.freeze_panes == "A5"
        assert sheet.oddFooter.center.text == "&P (&N)"  # "3 (5)", as Finnish documents
        assert sheet.oddHeader.left.text == "Ympäristötoimiala"
        assert sheet.oddHeader.right.text == PERIOD.label
        assert sheet.column_dimensions["G"].width > sheet.column_dimensions["C"].width
    instructions = book[INSTRUCTIONS_SHEET]
    assert instructions.page_setup.orientation == "portrait"
    # No forced break: the SDG list follows the instructions on their second page.
    assert [b.id for b in instructions.row_breaks.brk] == []


def test_rows_are_tall_enough_for_their_text(mini_strategy: Strategy, tmp_path: Path) -> None:
    long_text = " ".join(["Pitkäkestoinen kehittämistoimenpide"] * 10)
    first = dataclasses.replace(mini_strategy.actions[0], toimenpiteet=long_text)
    strategy = with_actions(mini_strategy, (first, *mini_strategy.actions[1:]))
    sheet = openpyxl.load_workbook(
        write_templates(strategy, PERIOD, tmp_path, settings=Settings())[0]
    )["Elinvoimainen kunta"]
    rows = list(data_rows(sheet))
    long_row = sheet.row_dimensions[rows[0]["Tunniste"].row].height
    short_row = sheet.row_dimensions[rows[1]["Tunniste"].row].height
    assert long_row >= line_count(long_text, 28) * LINE_HEIGHT > 15 * LINE_HEIGHT
    assert short_row >= MIN_DATA_LINES * LINE_HEIGHT  # room to write a few sentences


def test_line_count() -> None:
    assert line_count("", 20) == 1
    assert line_count("Lyhyt.", 20) == 1
    assert line_count("Yksi\nkaksi\nkolme", 20) == 3
    assert line_count("sana " * 40, 20) >= 8
    assert line_count("x" * 200, 10) >= 10  # a word longer than the column breaks
    assert row_height(1000) == 409  # Excel's highest row
    assert line_count("Etenee suunnitellusti", 20, bold=True) == 1
    assert line_count("Etenee suunnitellusti", 18, bold=True) == 2


# -- SDG goals of a whole table ------------------------------------------------------------------


TABLE_SDG = "tables:\n  - {goal: EK, department: YMP, sdg: [16, 1, 17]}\nactions:"


@pytest.fixture(scope="module")
def table_book(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The mini strategy with SDG goals for YMP's EK table: YMP's workbook, read back."""
    folder = tmp_path_factory.mktemp("taulukko")
    text = (Path(__file__).parent / "data" / "mini-strategia.yaml").read_text(encoding="utf-8")
    (folder / "strategia.yaml").write_text(text.replace("actions:", TABLE_SDG, 1),
                                           encoding="utf-8")
    strategy = load_strategy(folder / "strategia.yaml")
    return openpyxl.load_workbook(write_templates(strategy, PERIOD, folder,
                                                  settings=Settings())[0])


def test_table_sdg_goals_are_named_above_the_header_row(table_book: Any) -> None:
    sheet = table_book["Elinvoimainen kunta"]
    assert sheet.cell(4, 1).value == (
        "Strategia liittää tämän taulukon toimenpiteet YK:n kestävän kehityksen tavoitteisiin "
        "1 Ei köyhyyttä, 16 Rauha, oikeudenmukaisuus ja hyvä hallinto sekä 17 Yhteistyö ja "
        "kumppanuus. Rivi, jonka SDG-solua ei ole täytetty valmiiksi, liitetään näihin "
        "tavoitteisiin, jos sen SDG-solu jätetään tyhjäksi.")  # EK-YMP-01 has goals of its own
    assert "A4:J4" in {str(r) for r in sheet.merged_cells.ranges}
    assert sheet.cell(4, 1).alignment.wrap_text
    assert sheet.row_dimensions[4].height >= 2 * LINE_HEIGHT
    assert sheet.cell(4, 1).protection.locked
    assert header_row(sheet) == 5
    assert sheet.print_title_rows == "$5:$5"
    assert sheet.freeze_panes == "A6"
    rows = {c["Tunniste"].value: c for c in data_rows(sheet)}
    assert [c["Tunniste"].row for c in rows.values()] == [6, 7]
    # The SDG cells hold the rows' own goals only; the table's are read from the strategy.
    assert rows["EK-YMP-01"]["SDG"].value == "7, 13"
    assert rows["EK-YMP-02"]["SDG"].value is None
    lists = [dv for dv in sheet.data_validations.dataValidation if dv.type == "list"]
    assert [str(dv.sqref) for dv in lists] == ["F6:F7"]
    # A table without SDG goals keeps the usual layout.
    assert header_row(table_book["Hyvinvoivat asukkaat"]) == 4
    assert table_book["Hyvinvoivat asukkaat"].cell(4, 1).value == "Tunniste"


def test_table_sdg_sentence_when_no_row_has_goals_of_its_own(kemi_strategy: Strategy,
                                                             tmp_path: Path) -> None:
    pt = kemi_strategy.department("PT")
    path = next(p for p in write_templates(kemi_strategy, COMMITTED_PERIOD, tmp_path,
                                           settings=Settings()) if pt.name in p.name)
    book = openpyxl.load_workbook(path)
    sentence = book["Hyvinvoivat kuntalaiset"].cell(4, 1).value
    assert sentence == (
        "Strategia liittää tämän taulukon toimenpiteet YK:n kestävän kehityksen tavoitteisiin "
        "1 Ei köyhyyttä, 2 Ei nälkää, 3 Terveyttä ja hyvinvointia, 4 Hyvä koulutus, "
        "5 Sukupuolten tasa-arvo, 8 Ihmisarvoista työtä ja talouskasvua, 10 Eriarvoisuuden "
        "vähentäminen, 11 Kestävät kaupungit ja yhteisöt, 16 Rauha, oikeudenmukaisuus ja hyvä "
        "hallinto sekä 17 Yhteistyö ja kumppanuus. Jos rivin SDG-solu jätetään tyhjäksi, rivi "
        "liitetään näihin tavoitteisiin.")
    assert all(c["SDG"].value is None for c in data_rows(book["Hyvinvoivat kuntalaiset"]))
    assert header_row(book["Elinvoimainen kaupunki"]) == 4


def test_instructions_say_how_an_empty_sdg_cell_is_read(books: dict[str, Any],
                                                       table_book: Any) -> None:
    plain = next(line for line in instruction_text(books["YMP"])
                 if line.startswith("Tyhjä SDG-solu "))
    assert plain == (
        "Tyhjä SDG-solu Jos SDG-solu jätetään tyhjäksi, rivi liitetään niihin tavoitteisiin, "
        "jotka strategia antaa sille: rivin omiin, jotka on täytetty soluun valmiiksi. Jos "
        "strategia ei anna rivillä tavoitteita, tyhjä solu tarkoittaa, ettei rivi liity "
        "mihinkään tavoitteeseen.")
    with_table = next(line for line in instruction_text(table_book)
                      if line.startswith("Tyhjä SDG-solu "))
    assert with_table == (
        "Tyhjä SDG-solu Jos SDG-solu jätetään tyhjäksi, rivi liitetään niihin tavoitteisiin, "
        "jotka strategia antaa sille: rivin omiin (ne on täytetty soluun valmiiksi) tai, jos "
        "niitä ei ole, koko taulukon tavoitteisiin, jotka on mainittu välilehden yläosassa. Jos "
        "strategia ei anna rivillä tavoitteita, tyhjä solu tarkoittaa, ettei rivi liity "
        "mihinkään tavoitteeseen.")


# -- instructions ----------------------------------------------------------------------------------


def instruction_text(book: Any) -> list[str]:
    return [" ".join(str(c.value) for c in row if c.value is not None)
            for row in book[INSTRUCTIONS_SHEET].iter_rows()]


def test_instructions_say_what_when_and_how(mini_strategy: Strategy,
                                           books: dict[str, Any]) -> None:
    lines = instruction_text(books["YMP"])
    text = "\n".join(lines)
    assert "Strategia Testikunnan kuntastrategia 2026–2029" in lines
    assert "Toimiala Ympäristötoimiala" in lines
    assert "Seurantakausi 1.1.–30.6.2026 (tammi–kesäkuu 2026)" in lines
    assert f"Palautus {FALLBACK_RETURN}" in lines
    for level in mini_strategy.status_scale:
        assert f"{level.name} {level.description}" in lines
    for number, name in mini_strategy.sdg.items():
        assert f"{number} {name}" in lines
    for needed in ("Tila", "Toteuma", "SDG", ".xlsx", "nimetä uudelleen", "Älä poista rivejä",
                   "muutamalla virkkeellä", "seurantakaudella 1.1.–30.6.2026",
                   "Pohjan tarkoitus", "toimenpiteen tilannetta 30.6.2026"):
        assert needed in text, needed
    status_cell = next(c for c in books["YMP"][INSTRUCTIONS_SHEET]["A"] if c.value == "Viivästynyt")
    assert f"#{status_cell.fill.fgColor.rgb[-6:]}" == readable_fill("#FFE0B2")


@pytest.mark.parametrize(("contact", "deadline", "expected"), [
    ("Strategiakoordinaattori, etunimi.sukunimi@kemi.fi", date(2026, 8, 15),
     "Palauta täytetty pohja viimeistään 15.8.2026. Vastaanottaja: Strategiakoordinaattori, "
     "etunimi.sukunimi@kemi.fi."),
    ("strategia@testikunta.fi", None,
     "Palauta täytetty pohja. Vastaanottaja: strategia@testikunta.fi. Palautuspäivän saat "
     "strategiakoordinaattorilta."),
    ("", date(2026, 8, 15),
     "Palauta täytetty pohja viimeistään 15.8.2026. Palautusohjeet saat "
     "strategiakoordinaattorilta."),
])
def test_instructions_return_line(mini_strategy: Strategy, tmp_path: Path, contact: str,
                                  deadline: date | None, expected: str) -> None:
    settings = Settings(contact=contact, deadline=deadline)
    book = openpyxl.load_workbook(write_templates(mini_strategy, PERIOD, tmp_path,
                                                  settings=settings)[0])
    assert f"Palautus {expected}" in instruction_text(book)


# -- carried forward from the previous period ---------------------------------------------------


def test_carry_prefills_status_and_toteuma_marked(mini_strategy: Strategy,
                                                 tmp_path: Path) -> None:
    carry = {"EK-YMP-01": ("Etenee suunnitellusti", "Puolet valoista vaihdettu."),
             "XX-YMP-99": ("Toteutunut", "ei tämän strategian rivi")}
    path = write_templates(mini_strategy, PERIOD, tmp_path, settings=Settings(),
                           carry=carry)[0]
    book = openpyxl.load_workbook(path)
    rows = {c["Tunniste"].value: c for c in data_rows(book["Elinvoimainen kunta"])}
    carried = rows["EK-YMP-01"]
    assert carried["Tila"].value == "Etenee suunnitellusti"
    assert carried["Toteuma"].value == "Puolet valoista vaihdettu."
    assert carried["Tila"].font.italic and carried["Toteuma"].font.italic
    assert not carried["Tila"].protection.locked
    assert "1.7.–31.12.2025" in carried["Toteuma"].comment.text
    assert rows["EK-YMP-02"]["Tila"].value is None
    assert rows["EK-YMP-02"]["Toteuma"].comment is None
    assert any(line.startswith("Edellinen seurantakausi Osaan riveistä")
               for line in instruction_text(book))


# -- LibreOffice -------------------------------------------------------------------------------


@pytest.mark.needs("soffice")
def test_libreoffice_resave_keeps_identity_and_headers(mini_strategy: Strategy,
                                                       written: list[Path],
                                                       tmp_path: Path) -> None:
    saved = resave(written[0], tmp_path)
    book = CalamineWorkbook.from_path(str(saved))
    hidden = {s.name: str(s.visible) for s in book.sheets_metadata}
    assert "Hidden" in hidden[IDENTITY_SHEET]
    identity = {str(k): str(v) for k, v in book.get_sheet_by_name(IDENTITY_SHEET).to_python()}
    assert identity == identity_values(mini_strategy, PERIOD, mini_strategy.department("YMP"))
    for goal in mini_strategy.goals:
        rows = book.get_sheet_by_name(goal.name).to_python()
        top = next(i for i, row in enumerate(rows[:HEADER_SEARCH_ROWS])
                   if tuple(row[:len(HEADERS)]) == HEADERS)
        ids = [row[0] for row in rows[top + 1:] if row[0]]
        assert ids == [a.id for a in mini_strategy.actions_for("YMP", goal.code)]


@pytest.mark.needs("soffice")
def test_libreoffice_prints_every_sheet(written: list[Path], tmp_path: Path) -> None:
    pdf = to_pdf(written[0], tmp_path)
    # Ohjeet on two pages (the SDG list after the instructions); one page per goal sheet; the
    # indicators on a page of their own.
    assert pdf_pages(pdf) == 5


def test_kemi_templates_hold_every_action_once(kemi_strategy: Strategy, tmp_path: Path) -> None:
    seen: list[str] = []
    for path in write_templates(kemi_strategy, COMMITTED_PERIOD, tmp_path, settings=Settings()):
        book = CalamineWorkbook.from_path(str(path))
        identity = {str(k): str(v) for k, v in book.get_sheet_by_name(IDENTITY_SHEET).to_python()}
        assert book.sheet_names == [INSTRUCTIONS_SHEET, *(g.name for g in kemi_strategy.goals),
                                    INDICATOR_SHEET, IDENTITY_SHEET]
        for goal in kemi_strategy.goals:
            rows = book.get_sheet_by_name(goal.name).to_python()
            table = kemi_strategy.table_sdg(goal.code, identity["toimiala"])
            top = 4 if table else 3  # the line naming the table's SDG goals comes first
            assert tuple(rows[top][:len(HEADERS)]) == HEADERS
            assert str(rows[3][0]).startswith("Strategia liittää tämän taulukon") == bool(table)
            for row in rows[top + 1:]:
                action = kemi_strategy.action(str(row[0]))
                assert action is not None and action.goal == goal.code
                assert action.department == identity["toimiala"]
                assert list(row[1:5]) == list(kemi_strategy.strategy_texts(action).values())
                seen.append(action.id)
    assert sorted(seen) == sorted(a.id for a in kemi_strategy.actions)


# -- the committed example set ------------------------------------------------------------------


def xlsx_parts(path: Path) -> list[tuple[str, bytes]]:
    """The members of an .xlsx, uncompressed: deflate's bytes vary with the zlib build."""
    with zipfile.ZipFile(path) as archive:
        return [(info.filename, archive.read(info)) for info in archive.infolist()]


def test_committed_example_templates_are_current(tmp_path: Path) -> None:
    committed = REPO / "templates" / COMMITTED_PERIOD.id
    fresh = write_templates(load_strategy(), COMMITTED_PERIOD, tmp_path,
                            settings=load_settings(REPO))
    stale = [p.name for p in fresh
             if not (committed / p.name).is_file()
             or xlsx_parts(committed / p.name) != xlsx_parts(p)]
    extra = sorted({p.name for p in committed.glob("*.xlsx")} - {p.name for p in fresh})
    assert not stale and not extra, (
        f"templates/{COMMITTED_PERIOD.id} is stale (differs: {stale}, extra: {extra}); "
        f"regenerate it in the repository root: kemireport templates --period "
        f"{COMMITTED_PERIOD.id}"
    )


def test_indicator_sheet(mini_strategy: Strategy, books: dict[str, Any]) -> None:
    sheet = books["YMP"][INDICATOR_SHEET]
    header = [c.value for c in sheet[4]]
    assert header == list(INDICATOR_HEADERS)
    assert set(INDICATOR_REQUIRED) <= set(header)
    row = {h: sheet.cell(5, i + 1) for i, h in enumerate(header)}
    assert [row[h].value for h in ("Tunniste", "Toimenpide", "Mittari", "Yksikkö",
                                   "Parempi suunta", "Lähtötaso", "Tavoite")] == [
        "EK-YMP-01-M1", "EK-YMP-01", "Katuvalaistuksen sähkönkulutus", "MWh/v", "lasku",
        "420 (2025)", "300 (2029)"]
    assert all(row[h].protection.locked for h in header if h not in ("Arvo",
                                                                     "Lähde tai huomio"))
    assert not row["Arvo"].protection.locked and not row["Lähde tai huomio"].protection.locked
    [validation] = sheet.data_validations.dataValidation
    assert validation.type == "decimal" and str(validation.sqref) == "H5"
