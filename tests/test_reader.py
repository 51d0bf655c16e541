"""Reading returned workbooks: what a person sees, one outcome per file, and containment."""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import time
from pathlib import Path

import hostile
import pytest

from kemireport.core.period import Period
from kemireport.core.settings import Settings
from kemireport.reading.model import TemplateIdentity
from kemireport.reading.reader import (
    MAX_CELL_CHARS,
    cell_text,
    find_header,
    parse_indicators,
    read_returns,
    read_workbook,
)
from kemireport.reading.safety import Limits
from kemireport.strategy import Strategy
from kemireport.templates.contract import ALL_HEADERS, HEADERS

HEADER_CELLS = "".join(hostile.inline(f"{letter}3", header)
                       for letter, header in zip("ABCDEFGH", HEADERS, strict=True))


def codes(outcomes: list) -> dict[str, str | None]:
    return {o.file: (o.finding.code if o.finding else None) for o in outcomes}


def digests(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_every_hostile_file_gets_exactly_its_finding(tmp_path: Path) -> None:
    inbox = tmp_path / "2025-H1"
    (inbox / "alikansio").mkdir(parents=True)
    (inbox / ".git").mkdir()
    hostile.workbook(inbox / "ok.xlsx", {3: HEADER_CELLS, 4: hostile.inline("A4", "EK-1")})
    hostile.far_corner(inbox / "kulma.xlsx")
    hostile.entity_bomb(inbox / "naurut.xlsx")
    hostile.external_entity(inbox / "xxe.xlsx", inbox / "ok.xlsx")
    hostile.zip_bomb(inbox / "alikansio" / "pommi.xlsx")
    hostile.encrypted_ole2(inbox / "salattu.xlsx")
    hostile.legacy_xls(inbox / "vanha.xls")
    hostile.ods(inbox / "libre.ods")
    hostile.write_zip(inbox / "makro.xlsm", hostile.package_parts({"A": hostile.sheet_xml({})}))
    good = (inbox / "ok.xlsx").read_bytes()
    (inbox / "katkennut.xlsx").write_bytes(good[: len(good) // 2])
    (inbox / "rikki.xlsx").write_bytes(b"PK\x03\x04" + bytes(range(256)) * 4)
    (inbox / "teksti.xlsx").write_text("ei taulukko", encoding="utf-8")
    (inbox / "tyhja.xlsx").write_bytes(b"")
    (inbox / "taulu.csv").write_text("Tunniste;Tila\nEK-1;Toteutunut\n", encoding="utf-8")
    (inbox / "~$ok.xlsx").write_bytes(b"\x05matti" + bytes(160))
    (inbox / ".piilo.xlsx").write_bytes(good)
    (inbox / ".git" / "config").write_text("[core]\n", encoding="utf-8")
    (inbox / "saate.pdf").write_bytes(b"%PDF-1.4\n")
    (inbox / "alikansio" / "Thumbs.db").write_bytes(bytes(64))
    before = digests(inbox)

    started = time.perf_counter()
    outcomes = read_returns(inbox)
    elapsed = time.perf_counter() - started

    assert codes(outcomes) == {
        ".git/config": "file-ignored",
        ".piilo.xlsx": "file-ignored",
        "alikansio/Thumbs.db": "file-ignored",
        "alikansio/pommi.xlsx": "file-unreadable",
        "katkennut.xlsx": "file-unreadable",
        "kulma.xlsx": "file-unreadable",
        "libre.ods": "file-unsupported-format",
        "makro.xlsm": "file-unsupported-format",
        "naurut.xlsx": "file-unreadable",
        "ok.xlsx": None,
        "rikki.xlsx": "file-unreadable",
        "saate.pdf": "file-ignored",
        "salattu.xlsx": "file-encrypted",
        "taulu.csv": "file-unsupported-format",
        "teksti.xlsx": "file-unreadable",
        "tyhja.xlsx": "file-unreadable",
        "vanha.xls": "file-unsupported-format",
        "xxe.xlsx": "file-unreadable",
        "~$ok.xlsx": "file-ignored",
    }
    assert [o.file for o in outcomes] == sorted(o.file for o in outcomes)
    for outcome in outcomes:
        assert (outcome.workbook is None) != (outcome.finding is None)
        if outcome.finding is not None:
            assert outcome.finding.file == outcome.file
    assert elapsed < 10
    assert digests(inbox) == before  # nothing was written to any input


def test_filled_template_reads_as_a_person_sees_it(tmp_path: Path,
                                                   mini_strategy: Strategy) -> None:
    from openpyxl import load_workbook

    from kemireport.templates.workbook import write_templates

    period = Period.parse("2026-H1")
    [path, *_] = write_templates(mini_strategy, period, tmp_path, settings=Settings())
    book = load_workbook(path)
    sheet = book[mini_strategy.goals[0].name]
    header_row = next(r for r in range(1, 11) if sheet.cell(r, 1).value == "Tunniste")
    first = header_row + 1
    sheet.cell(first, 6).value = "  Toteutunut  "
    sheet.cell(first, 7).value = "Rivi 1\r\nRivi 2 "
    sheet.cell(first, 8).value = 13
    sheet.cell(first + 1, 7).value = dt.datetime(2025, 8, 15)
    sheet.cell(first + 1, 8).value = 0.5
    sheet.cell(first + 1, 6).value = True
    sheet.cell(first, 12).value = "ylimääräinen sarake, ei lueta"
    book.save(path)

    outcome = read_workbook(path, tmp_path)
    assert outcome.finding is None and outcome.workbook is not None
    workbook = outcome.workbook
    assert workbook.file == f"{period.id}/{path.name}"
    assert workbook.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    department = mini_strategy.departments[0].code
    assert workbook.identity == TemplateIdentity(
        product="kemireport", template_version=2, strategy_id=mini_strategy.id,
        strategy_fingerprint=mini_strategy.fingerprint(department), department=department,
        period="2026-H1", generator=workbook.identity.generator if workbook.identity else "",
        intact=True,
    )
    assert [s.name for s in workbook.sheets] == [g.name for g in mini_strategy.goals]
    data = workbook.sheets[0]
    assert data.header_row == header_row
    assert data.columns == {h: i for i, h in enumerate(ALL_HEADERS)}
    actions = mini_strategy.actions_for(department, mini_strategy.goals[0].code)
    assert [r.row_id for r in data.rows] == [a.id for a in actions]
    row1, row2 = data.rows[0], data.rows[1]
    assert row1.row == first
    assert (row1.values["Tila"], row1.values["Toteuma"], row1.values["SDG"]) == (
        "Toteutunut", "Rivi 1\nRivi 2", "13")
    assert (row2.values["Tila"], row2.values["Toteuma"], row2.values["SDG"]) == (
        "TOSI", "15.8.2025", "0.5")
    assert row1.cells["Tila"] == f"F{first}" and row2.cells["SDG"] == f"H{first + 1}"
    assert row1.values["Tavoite"] == mini_strategy.strategy_texts(actions[0])["Tavoite"]


def test_header_search_and_row_selection(tmp_path: Path) -> None:
    header = (hostile.inline("B2", "  TUNNISTE ") + hostile.inline("C2", "Tavoite")
              + hostile.inline("D2", "Mittarit,\n  arviointi") + hostile.inline("E2", "Tila")
              + hostile.inline("F2", "Huom."))
    rows = {
        1: hostile.inline("A1", "Toimialan raportti: Tila ja Tunniste"),
        2: header,
        3: hostile.inline("B3", "EK-1") + hostile.inline("E3", "Viivästynyt"),
        4: hostile.inline("A4", "vasemmalla, ei sarakkeessa") + hostile.inline("F4", "ohi"),
        5: '<c r="E5" s="1"/>',
        7: hostile.inline("C7", "tavoite ilman tunnistetta"),
        8: '<c r="B8"><f>1+1</f><v>2</v></c>' + '<c r="E8" t="e"><v>#N/A</v></c>',
    }
    path = hostile.workbook(tmp_path / "raportti.xlsx", rows, name="Elinvoimainen kaupunki")
    outcome = read_workbook(path, tmp_path)
    assert outcome.workbook is not None
    assert outcome.workbook.identity is None
    [sheet] = outcome.workbook.sheets
    assert (sheet.name, sheet.header_row) == ("Elinvoimainen kaupunki", 2)
    assert sheet.columns == {"Tunniste": 1, "Tavoite": 2, "Mittarit, arviointi": 3, "Tila": 4}
    assert [(r.row, r.row_id) for r in sheet.rows] == [(3, "EK-1"), (7, ""), (8, "2")]
    assert sheet.rows[0].values == {**dict.fromkeys(ALL_HEADERS, ""), "Tunniste": "EK-1",
                                    "Tila": "Viivästynyt"}
    assert sheet.rows[0].cells == {"Tunniste": "B3", "Tavoite": "C3",
                                   "Mittarit, arviointi": "D3", "Tila": "E3"}


def test_sheet_without_header_and_instructions_sheet(tmp_path: Path) -> None:
    parts = hostile.package_parts({
        "Ohjeet": hostile.sheet_xml({1: HEADER_CELLS.replace("3", "1")}),
        "Muistiinpanot": hostile.sheet_xml({12: HEADER_CELLS.replace("3", "12")}),
    })
    outcome = read_workbook(hostile.write_zip(tmp_path / "a.xlsx", parts), tmp_path)
    assert outcome.workbook is not None
    [sheet] = outcome.workbook.sheets  # the instructions sheet is not data
    # A header row below the first ten rows is still found (the checks report it as moved).
    assert (sheet.name, sheet.header_row, sheet.rows) == ("Muistiinpanot", 12, ())
    empty = hostile.package_parts({"Tyhjä": hostile.sheet_xml({1: hostile.inline("A1", "x")})})
    outcome = read_workbook(hostile.write_zip(tmp_path / "b.xlsx", empty), tmp_path)
    assert outcome.workbook is not None
    [sheet] = outcome.workbook.sheets
    assert (sheet.name, sheet.header_row, sheet.columns, sheet.rows) == ("Tyhjä", None, {}, ())


def test_identity_sheet_of_another_product_is_no_identity(tmp_path: Path) -> None:
    def with_identity(product: str) -> TemplateIdentity | None:
        identity = hostile.sheet_xml({
            1: hostile.inline("A1", "tuote") + hostile.inline("B1", product),
            2: hostile.inline("A2", "pohjan_versio") + hostile.number("B2", 1.0),
            3: hostile.inline("A3", "toimiala") + hostile.inline("B3", "YMP"),
        })
        parts = hostile.package_parts({"kemireport": identity, "Data": hostile.sheet_xml({})})
        path = hostile.write_zip(tmp_path / f"{product}.xlsx", parts)
        outcome = read_workbook(path, tmp_path)
        assert outcome.workbook is not None
        assert [s.name for s in outcome.workbook.sheets] == ["Data"]
        return outcome.workbook.identity

    assert with_identity("muu") is None
    assert with_identity("kemireport") == TemplateIdentity(
        product="kemireport", template_version=1, strategy_id="", strategy_fingerprint="",
        department="YMP", period="", generator="")


def test_million_character_cell_is_read_whole_and_quickly(tmp_path: Path) -> None:
    # Varied text, as pasted from a document (a million identical characters would compress
    # 1000:1 and be refused as a likely bomb instead).
    words = ["toimenpide", "edistyi", "kevään", "aikana", "ja", "hankkeen", "työpaja", "pidettiin"]
    chance = random.Random(1)
    text = " ".join(chance.choice(words) + str(chance.randrange(1000)) for _ in range(100_000))
    rows = {3: HEADER_CELLS, 4: hostile.inline("A4", "EK-1") + hostile.inline("G4", text)}
    assert len(text) > 10**6
    path = hostile.workbook(tmp_path / "pitka.xlsx", rows)
    started = time.perf_counter()
    [outcome] = read_returns(tmp_path)
    assert time.perf_counter() - started < 5
    assert outcome.workbook is not None
    # Kept whole (history and CSV keep it); validation warns that a cell cannot show it.
    assert outcome.workbook.sheets[0].rows[0].values["Toteuma"] == text.strip()
    assert len(text) > MAX_CELL_CHARS
    assert path.exists()


def test_control_characters_are_removed(tmp_path: Path) -> None:
    rows = {3: HEADER_CELLS,
            4: hostile.inline("A4", "EK-1") + hostile.inline("G4", "a_x0001_b_x000D_\nc\td_x001F_")}
    outcome = read_workbook(hostile.workbook(tmp_path / "ohjaus.xlsx", rows), tmp_path)
    assert outcome.workbook is not None
    assert outcome.workbook.sheets[0].rows[0].values["Toteuma"] == "ab\nc\td"


@pytest.mark.parametrize(("value", "text"), [
    (None, ""), ("", ""), ("  teksti \n", "teksti"), (3.0, "3"), (0.5, "0.5"), (7, "7"),
    (-2.25, "-2.25"), (1e20, "100000000000000000000"), (True, "TOSI"), (False, "EPÄTOSI"),
    (dt.date(2025, 8, 15), "15.8.2025"), (dt.datetime(2025, 1, 2), "2.1.2025"),
    (dt.datetime(2025, 1, 2, 14, 5), "2.1.2025 14.05"), (dt.time(9, 30), "9.30"),
    (dt.timedelta(hours=26, minutes=3, seconds=4), "26.03.04"),
    ("a\r\nb\rc\x00\x0b\x7f", "a\nb\nc"), ("x" * 40_000, "x" * 40_000),
])
def test_cell_text(value: object, text: str) -> None:
    assert cell_text(value) == text


def test_a_parser_crash_takes_down_only_its_file(tmp_path: Path) -> None:
    # With the extent check relaxed, the far-corner workbook reaches python-calamine, whose
    # process aborts (an allocation failure Python cannot catch). The other files still read.
    hostile.workbook(tmp_path / "a.xlsx", {3: HEADER_CELLS})
    hostile.far_corner(tmp_path / "b.xlsx")
    hostile.workbook(tmp_path / "c.xlsx", {3: HEADER_CELLS})
    relaxed = Limits(max_cells=10**12, max_rows=10**8, max_sheet_cells=10**12)
    started = time.perf_counter()
    outcomes = read_returns(tmp_path, workers=1, limits=relaxed)
    assert time.perf_counter() - started < 30
    assert codes(outcomes) == {"a.xlsx": None, "b.xlsx": "file-unreadable", "c.xlsx": None}
    assert outcomes[1].finding is not None
    assert outcomes[1].finding.message.startswith("Tiedoston lukeminen kaatui")


def test_a_file_that_takes_too_long_is_cut_off(tmp_path: Path) -> None:
    # 200,000 numbers take ~0.4 s to check and read; with a 0.1 s limit the slow file is cut
    # off (in the pool, then once more on its own) and the quick one is still read.
    cells = {r: "".join(f'<c r="{c}{r}"><v>{r}</v></c>' for c in "ABCDEFGHIJ")
             for r in range(1, 20_001)}
    hostile.workbook(tmp_path / "hidas.xlsx", cells)
    hostile.workbook(tmp_path / "nopea.xlsx", {3: HEADER_CELLS})
    started = time.perf_counter()
    outcomes = read_returns(tmp_path, limits=Limits(timeout=0.1))
    assert time.perf_counter() - started < 5
    assert codes(outcomes) == {"hidas.xlsx": "file-unreadable", "nopea.xlsx": None}
    assert outcomes[0].finding is not None
    assert outcomes[0].finding.message.startswith(
        "Tiedoston lukeminen kesti yli 0,1 sekuntia, joten se keskeytettiin.")


def test_many_files_are_read_in_order_with_several_workers(tmp_path: Path) -> None:
    for number in range(40):
        hostile.workbook(tmp_path / f"t{number:02d}.xlsx",
                         {3: HEADER_CELLS, 4: hostile.inline("A4", f"EK-{number}")})
    hostile.far_corner(tmp_path / "t17b.xlsx")
    outcomes = read_returns(tmp_path, workers=2)
    assert len(outcomes) == 41
    assert [o.file for o in outcomes] == sorted(p.name for p in tmp_path.iterdir())
    ids = [o.workbook.sheets[0].rows[0].row_id for o in outcomes if o.workbook is not None]
    assert ids == [f"EK-{n}" for n in range(40)]


def test_empty_folder(tmp_path: Path) -> None:
    assert read_returns(tmp_path) == []


def test_progress_bar_for_many_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "source.txt"
    source.write_text("ei työkirja", encoding="utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    for number in range(25):
        (folder / f"{number:02d}.xlsx").write_bytes(source.read_bytes())
    outcomes = read_returns(folder, progress=True)
    assert [o.finding.code for o in outcomes if o.finding] == ["file-unreadable"] * 25
    assert "Luetaan työkirjoja" in capsys.readouterr().err


def test_answers_only_reads_the_answers_and_says_what_it_left(tmp_path: Path,
                                                              mini_strategy: Strategy) -> None:
    from dataclasses import replace

    from kemireport.checks.validation import examine
    from kemireport.reading.model import SignOff
    from kemireport.templates.workbook import write_templates

    period = Period.parse("2026-H1")
    [path, *_] = write_templates(mini_strategy, period, tmp_path, settings=Settings())
    whole = read_workbook(path, tmp_path).workbook
    answers = read_workbook(path, tmp_path, answers_only=True).workbook
    assert whole is not None and answers is not None
    assert whole.sign_off.approver is not None and whole.indicators is not None
    assert not whole.partial and answers.partial
    assert answers == replace(whole, sign_off=SignOff(None, None), indicators=None,
                              partial=True)
    outcome = read_workbook(path, tmp_path, answers_only=True)
    assert examine(mini_strategy, period, outcome, claim_only=True).claim == examine(
        mini_strategy, period, read_workbook(path, tmp_path), claim_only=True).claim
    with pytest.raises(ValueError, match="only its answers were read"):
        examine(mini_strategy, period, outcome)


def test_a_file_is_read_whole_up_to_the_size_limit(tmp_path: Path) -> None:
    from kemireport.reading.reader import _read_regular

    data = bytes(range(256)) * 5000  # 1.28 MB: more than one read's worth after the first
    path = tmp_path / "iso.xlsx"
    path.write_bytes(data)
    assert _read_regular(path, Limits()) == (data, path.stat().st_mtime)
    refused = _read_regular(path, Limits(max_file_bytes=len(data) - 1))
    assert not isinstance(refused, tuple)
    assert refused.message.startswith("Tiedosto on liian suuri")


def test_indicator_header_row_is_found_as_the_data_sheets_header_row() -> None:
    # A title that says "Tunniste" alone, then the header row with odd case and spacing; a
    # text of 100 characters or more is never a header, and rows after the tenth are not read.
    grid: list[list[object]] = [
        ["Mittarit", None, None],
        ["Tunniste"],
        ["  TUNNISTE ", "mittari", "Arvo\n", "lähde  tai\thuomio", "Yksikkö" + " " * 100],
        ["EK-YMP-01", "Päästöt", 24, "Tilasto"],
        [None, "ei tunnistetta", 3],
    ]
    rows = parse_indicators(grid)
    assert [(r.row, r.indicator_id, r.value, r.source) for r in rows] == [
        (4, "EK-YMP-01", "24", "Tilasto")]
    assert rows[0].cells == {"Tunniste": "A4", "Mittari": "B4", "Arvo": "C4",
                             "Lähde tai huomio": "D4"}
    assert parse_indicators([[None]] * 10 + [["Tunniste", "Arvo"], ["EK-1", 1]]) == ()


def test_data_header_row_needs_three_headers_and_is_looked_for_further_down() -> None:
    assert find_header([["Tila", "Toteuma"], ["x"]]) == (None, {})
    grid: list[list[object]] = [[None]] * 12 + [["tunniste", " Tila ", "TOTEUMA"]]
    assert find_header(grid) == (12, {"Tunniste": 0, "Tila": 1, "Toteuma": 2})
