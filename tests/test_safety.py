"""The pre-parse checks: every hostile package is refused from its bytes alone, quickly."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import hostile
import pytest
from conftest import CORPUS

from kemireport.reading.safety import (
    DEFAULT_LIMITS,
    Inspected,
    Limits,
    SheetExtent,
    _Package,
    _prolog_verdict,
    _Refused,
    column_letters,
    inspect_file,
    inspect_workbook,
    quick_extent,
    within_small,
)


def inspect(path: Path, limits: Limits = DEFAULT_LIMITS) -> tuple[str, str] | None:
    started = time.perf_counter()
    problem = inspect_file(path.read_bytes(), path.suffix, limits)
    assert time.perf_counter() - started < 3
    return None if problem is None else (problem.code, problem.message)


def test_a_plain_workbook_passes(tmp_path: Path) -> None:
    path = hostile.workbook(tmp_path / "ok.xlsx", {1: hostile.inline("A1", "Tunniste")})
    assert inspect(path) is None


def test_far_corner_is_refused_with_the_corner_named(tmp_path: Path) -> None:
    path = hostile.far_corner(tmp_path / "kulma.xlsx")
    assert path.stat().st_size < 2000
    code, message = inspect(path) or ("", "")
    assert code == "file-unreadable"
    assert "Välilehti 'Taulukko1' ulottuu soluun XFD1048576 asti" in message
    assert "Poista tyhjät rivit ja sarakkeet" in message


def test_too_many_rows_even_in_one_column(tmp_path: Path) -> None:
    path = hostile.workbook(tmp_path / "pitka.xlsx", {1: hostile.inline("A1", "a"),
                                                      200_000: hostile.inline("A200000", "b")})
    code, message = inspect(path) or ("", "")
    assert code == "file-unreadable"
    assert "A200000" in message


def test_wide_but_small_sheet_is_accepted(tmp_path: Path) -> None:
    # A value in the last column of row 1 is 16,384 cells: well within the limit.
    path = hostile.workbook(tmp_path / "levea.xlsx", {1: hostile.inline("XFD1", "x")})
    assert inspect(path) is None


def test_empty_styled_cells_far_away_do_not_count(tmp_path: Path) -> None:
    # The parser skips cells without a value, so formatting alone cannot blow up the range.
    path = hostile.workbook(tmp_path / "muotoilu.xlsx", {
        1: hostile.inline("A1", "a"), 1048576: '<c r="XFD1048576" s="1"/>'})
    assert inspect(path) is None


def test_cells_without_references_are_placed_like_the_parser_does(tmp_path: Path) -> None:
    # 20 unreferenced cells in the first row, then a referenced row far below: 20 columns wide.
    first = "".join('<c t="inlineStr"><is><t>x</t></is></c>' for _ in range(20))
    rows = {1: first, 150_000: '<c><v>1</v></c>'}
    path = hostile.workbook(tmp_path / "viitteeton.xlsx", rows)
    code, message = inspect(path) or ("", "")
    assert code == "file-unreadable"
    assert "T150000" in message  # column 20 = T


def test_namespace_prefix_does_not_hide_a_cell(tmp_path: Path) -> None:
    sheet = (f'{hostile.DECL}<x:worksheet xmlns:x="{hostile.MAIN_NS}"><x:sheetData>'
             '<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row>'
             '<x:row r="1048576"><x:c r="XFD1048576" t="s" q=">"><x:v>1</x:v></x:c></x:row>'
             '</x:sheetData></x:worksheet>').encode()
    path = hostile.write_zip(tmp_path / "etuliite.xlsx", hostile.package_parts({"A": sheet}))
    code, _ = inspect(path) or ("", "")
    assert code == "file-unreadable"


@pytest.mark.parametrize("chunk", [1, 7, 64, 4096])
def test_extent_is_the_same_whatever_the_chunk_boundaries(chunk: int) -> None:
    xml = hostile.sheet_xml({3: hostile.inline("C3", "a") + '<c r="Z3"/>',
                             9: '<c r="AB9" t="n"><v>2</v></c>'})
    extent = SheetExtent()
    extent.scan(iter([xml[i:i + chunk] for i in range(0, len(xml), chunk)]), Limits())
    assert (extent.rows, extent.cols) == (9, 28)


def test_a_start_tag_longer_than_any_real_one_is_refused() -> None:
    # Streamed in chunks, a tag must end within max_tag_bytes of its start.
    xml = b'<worksheet><sheetData><row r="1"><c r="A1" ' + b'x="1" ' * 2000 + b"/></row>"
    chunks = [xml[i:i + 1024] for i in range(0, len(xml), 1024)]
    with pytest.raises(_Refused, match="solun tai rivin merkintä on rikki"):
        SheetExtent().scan(iter(chunks), Limits())


def test_a_malformed_cell_tag_is_refused() -> None:
    code, message = _scan_problem(b'<row r="1"><c r=XFD1><v>1</v></c></row>')
    assert (code, message) == ("refused", "solun tai rivin merkintä on rikki")


def test_an_unparseable_reference_is_refused() -> None:
    code, message = _scan_problem(b'<row r="1"><c r="&#88;FD1"><v>1</v></c></row>')
    assert (code, message) == ("refused", "soluviittaus b'&#88;FD1' on virheellinen")


def _scan_problem(xml: bytes) -> tuple[str, str]:
    try:
        SheetExtent().scan(iter([xml]), Limits())
    except _Refused as refused:
        return ("refused", str(refused))
    return ("ok", "")


def test_entity_bomb_is_refused(tmp_path: Path) -> None:
    code, message = inspect(hostile.entity_bomb(tmp_path / "naurut.xlsx")) or ("", "")
    assert code == "file-unreadable"
    assert "xl/sharedStrings.xml" in message
    assert "DTD" in message


def test_external_entity_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "salaisuus.txt"
    secret.write_text("salasana", encoding="utf-8")
    code, message = inspect(hostile.external_entity(tmp_path / "xxe.xlsx", secret)) or ("", "")
    assert code == "file-unreadable"
    assert "xl/worksheets/sheet1.xml" in message


@pytest.mark.parametrize(("head", "verdict"), [
    (b'<?xml version="1.0"?>\n<worksheet/>', "ok"),
    (b'\xef\xbb\xbf<?xml version="1.0"?><!-- <!DOCTYPE x> --><sst/>', "ok"),
    (b'<?xml version="1.0"?><!-- c --> <!DOCTYPE x [<!ENTITY a "b">]><x/>', "doctype"),
    (b'<!doctype x><x/>', "doctype"),
    (b'<?xml version="1.0"?>' + b" " * 100, "odd"),  # the prolog runs past what was read
    ('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x><x/>'.encode("utf-16"), "doctype"),
    (b"<\x00?\x00x\x00", "odd"),  # UTF-16 without a byte order mark
])
def test_prolog_verdicts(head: bytes, verdict: str) -> None:
    assert _prolog_verdict(head) == verdict


def test_zip_bomb_is_refused_by_its_declared_size(tmp_path: Path) -> None:
    path = hostile.zip_bomb(tmp_path / "pommi.xlsx")
    assert path.stat().st_size < 2 * 2**20
    code, message = inspect(path) or ("", "")
    assert code == "file-unreadable"
    assert "purettuna 1024 Mt" in message


def test_zip_bomb_under_the_total_is_refused_by_its_ratio(tmp_path: Path) -> None:
    path = hostile.zip_bomb(tmp_path / "pommi.xlsx", 64 * 2**20)
    code, message = inspect(path) or ("", "")
    assert code == "file-unreadable"
    assert "xl/worksheets/sheet1.xml purkautuu" in message


def test_a_bomb_that_lies_about_its_size_stops_at_the_declared_size(tmp_path: Path) -> None:
    path = hostile.zip_bomb(tmp_path / "valehtelija.xlsx", 256 * 2**20, declared=1000)
    code, message = inspect(path) or ("", "")
    assert code == "file-unreadable"
    assert "vioittunut" in message


def test_too_many_entries(tmp_path: Path) -> None:
    parts = hostile.package_parts({"A": hostile.sheet_xml({1: hostile.inline("A1", "a")})})
    parts.update({f"xl/media/kuva{i}.png": b"" for i in range(30)})
    path = hostile.write_zip(tmp_path / "osia.xlsx", parts)
    code, message = inspect(path, Limits(max_entries=20)) or ("", "")
    assert code == "file-unreadable"
    assert "pakkauksessa on 35 osaa" in message


def test_duplicate_entry_names_are_refused(tmp_path: Path) -> None:
    path = hostile.workbook(tmp_path / "tupla.xlsx", {1: hostile.inline("A1", "a")})
    with pytest.warns(UserWarning), zipfile.ZipFile(path, "a") as package:
        package.writestr("xl/worksheets/sheet1.xml", hostile.sheet_xml({1: "<c/>"}))
    code, message = inspect(path) or ("", "")
    assert code == "file-unreadable"
    assert "kahdesti" in message


def test_missing_workbook_part(tmp_path: Path) -> None:
    parts = hostile.package_parts({"A": hostile.sheet_xml({})})
    del parts["xl/workbook.xml"]
    code, message = inspect(hostile.write_zip(tmp_path / "vajaa.xlsx", parts)) or ("", "")
    assert code == "file-unreadable"
    assert "xl/workbook.xml" in message


def test_workbook_part_found_through_the_package_relationships(tmp_path: Path) -> None:
    # Excel itself only writes xl/workbook.xml, but any path the package names is valid.
    corpus = CORPUS / "calamine-tests"
    assert inspect(corpus / "minimal_package.xlsx") is None
    assert inspect(corpus / "strict_iso_paths.xlsx") is None


@pytest.mark.parametrize(("suffix", "content_type", "expected"), [
    (".xlsm", hostile.WORKBOOK_CT, "(.xlsm)"),
    (".xlsx", hostile.MACRO_WORKBOOK_CT, "(.xlsm)"),
])
def test_macro_workbooks_are_unsupported(tmp_path: Path, suffix: str, content_type: str,
                                         expected: str) -> None:
    parts = hostile.package_parts({"A": hostile.sheet_xml({})}, workbook_ct=content_type)
    code, message = inspect(hostile.write_zip(tmp_path / f"makro{suffix}", parts)) or ("", "")
    assert code == "file-unsupported-format"
    assert expected in message
    assert "Excel-työkirja (*.xlsx)" in message


def test_formats_are_told_by_content(tmp_path: Path) -> None:
    cases = {
        "salattu.xlsx": (hostile.encrypted_ole2, "file-encrypted"),
        "vanha.xlsx": (hostile.legacy_xls, "file-unsupported-format"),
        "vanha.xls": (hostile.legacy_xls, "file-unsupported-format"),
        "taulukko.ods": (hostile.ods, "file-unsupported-format"),
    }
    for name, (build, code) in cases.items():
        assert (inspect(build(tmp_path / name)) or ("",))[0] == code, name
    encrypted = hostile.ods(tmp_path / "salattu.ods", encrypted=True)
    assert (inspect(encrypted) or ("",))[0] == "file-encrypted"


def test_text_files(tmp_path: Path) -> None:
    (tmp_path / "teksti.xlsx").write_text("Hei, tässä raportti.", encoding="utf-8")
    (tmp_path / "taulu.csv").write_text("Tunniste;Tila\n", encoding="utf-8")
    (tmp_path / "sivu.xls").write_text("<html><table><tr><td>1</td></tr></table></html>")
    (tmp_path / "tyhja.xlsx").write_bytes(b"")
    assert inspect(tmp_path / "teksti.xlsx") == (
        "file-unreadable",
        "Tiedosto ei ole Excel-työkirja (sen sisältö ei ole mitään taulukkolaskentamuotoa, "
        "vaikka nimi on taulukon). Palauta alkuperäinen raportointipohja täytettynä "
        ".xlsx-muodossa.",
    )
    assert (inspect(tmp_path / "taulu.csv") or ("", ""))[1].startswith(
        "Tiedosto on tekstimuotoinen taulukko (CSV)")
    assert (inspect(tmp_path / "sivu.xls") or ("", ""))[1].startswith(
        "Tiedosto on verkkosivuksi (HTML) tallennettu taulukko")
    assert (inspect(tmp_path / "tyhja.xlsx") or ("", ""))[1].startswith("Tiedosto on tyhjä")


def test_file_size_limit(tmp_path: Path) -> None:
    path = hostile.workbook(tmp_path / "iso.xlsx", {1: hostile.inline("A1", "a")})
    code, message = inspect(path, Limits(max_file_bytes=100)) or ("", "")
    assert code == "file-unreadable"
    assert message.startswith("Tiedosto on liian suuri")


def test_column_letters() -> None:
    assert [column_letters(i) for i in (0, 25, 26, 701, 702, 16383)] == [
        "A", "Z", "AA", "ZZ", "AAA", "XFD"]


def test_quick_extent_is_an_upper_bound_or_declines() -> None:
    canonical = hostile.sheet_xml({2: hostile.inline("C2", "a") + '<c r="AA9" s="1"/>'})
    assert quick_extent(canonical) == (9, 27)  # the empty AA9 counts: a bound, not exact
    assert quick_extent(b'<row r="1"><c t="n" r="B1"><v>1</v></c></row>') is None
    assert quick_extent(b'<x:row r="1"><x:c r="B1"><x:v>1</x:v></x:c></x:row>') is None
    assert quick_extent(b"<sheetData/>") == (0, 0)


def test_within_small_only_for_canonical_tags_inside_z999() -> None:
    assert within_small(hostile.sheet_xml({999: hostile.inline("Z999", "a") + '<c r="B999"/>'}))
    assert within_small(b'<cols><col min="1" max="16384"/></cols><rowBreaks count="1"/>')
    assert not within_small(hostile.sheet_xml({2: '<c r="AA2" s="1"/>'}))
    assert not within_small(hostile.sheet_xml({1000: hostile.inline("A1000", "a")}))
    assert not within_small(hostile.sheet_xml({2: hostile.inline("B1000", "a")}))
    assert not within_small(b'<row r="1"><c t="n" r="B1"><v>1</v></c></row>')
    assert not within_small(b'<x:row r="1"><x:c r="B1"/></x:row>')
    assert not within_small(b"<row r='1'><c r='B1'/></row>")
    assert not within_small(b'<row\tr="1"/>')


def test_a_sheet_of_many_small_ones_is_still_measured(tmp_path: Path) -> None:
    """Small sheets count as A1:Z999 only while that fits the workbook's limit: a workbook of
    many small sheets is measured sheet by sheet, not refused for the sum of the bounds."""
    sheets = {f"T{i}": hostile.sheet_xml({1: hostile.inline("A1", "x")}) for i in range(40)}
    path = hostile.write_zip(tmp_path / "many.xlsx", hostile.package_parts(sheets))
    limits = Limits(max_sheet_cells=10 * 999 * 26)
    assert isinstance(inspect_workbook(path.read_bytes(), ".xlsx", limits), Inspected)
    tight = Limits(max_cells=100)  # a bound of 999 × 26 would not fit: measured instead
    assert isinstance(inspect_workbook(path.read_bytes(), ".xlsx", tight), Inspected)
    # Refused for the sum, the message names the sheet's own extent, not the loose bound.
    refused = inspect_workbook(path.read_bytes(), ".xlsx", Limits(max_sheet_cells=39))
    assert not isinstance(refused, Inspected)
    assert "Välilehti 'T39' ulottuu soluun A1 asti (1 riviä × 1 saraketta)" in refused.message


def test_a_refusal_for_the_sum_names_a_streamed_sheets_own_extent(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A small sheet, then one too large to check in one piece (streamed): the refusal for
    the workbook's sum names the second sheet's extent, not the small one's."""
    import kemireport.reading.safety as safety

    rows = {n: hostile.inline(f"J{n}", "x") for n in range(1, 3001)}
    sheets = {"A": hostile.sheet_xml({1: hostile.inline("B3", "x")}),
              "B": hostile.sheet_xml(rows)}
    path = hostile.write_zip(tmp_path / "kaksi.xlsx", hostile.package_parts(sheets))
    monkeypatch.setattr(safety, "_WHOLE_PART_BYTES", 10_000)  # B is streamed, A is not
    refused = inspect_workbook(path.read_bytes(), ".xlsx", Limits(max_sheet_cells=30_005))
    assert not isinstance(refused, Inspected)
    assert "Välilehti 'B' ulottuu soluun J3000 asti (3000 riviä × 10 saraketta)" in refused.message


def test_the_parser_reads_the_bytes_the_checks_read(tmp_path: Path) -> None:
    """The package handed on to the parser holds every part as it was, with the parts the
    checks inflated (and checked) stored uncompressed; it parses to the very same workbook."""
    from kemireport.reading.reader import parse_workbook

    path = hostile.workbook(tmp_path / "ok.xlsx", {1: hostile.inline("A1", "Tunniste"),
                                                   2: hostile.number("B2", 2.5)})
    data = path.read_bytes()
    inspected = inspect_workbook(data, ".xlsx")
    assert isinstance(inspected, Inspected) and inspected.parse_data is not None
    with zipfile.ZipFile(path) as original, \
            zipfile.ZipFile(io.BytesIO(inspected.parse_data)) as repacked:
        assert repacked.testzip() is None
        assert [i.filename for i in repacked.infolist()] == original.namelist()
        for info in repacked.infolist():
            assert repacked.read(info) == original.read(info.filename)
        kinds = {i.filename: i.compress_type for i in repacked.infolist()}
    assert kinds["xl/worksheets/sheet1.xml"] == zipfile.ZIP_STORED
    assert kinds["xl/workbook.xml"] == zipfile.ZIP_STORED  # read whole by the checks
    assert (parse_workbook(data, "ok.xlsx", parse_data=inspected.parse_data)
            == parse_workbook(data, "ok.xlsx"))


def test_an_unusual_package_goes_to_the_parser_as_it_is(tmp_path: Path) -> None:
    parts = hostile.package_parts({"Taulukko1": hostile.sheet_xml(
        {1: hostile.inline("A1", "Tunniste")})})
    path = tmp_path / "bzip2.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, part in parts.items():  # a part in another compression than deflate
            package.writestr(name, part, compress_type=zipfile.ZIP_BZIP2
                             if name.endswith("sheet1.xml") else zipfile.ZIP_DEFLATED)
    inspected = inspect_workbook(path.read_bytes(), ".xlsx")
    assert isinstance(inspected, Inspected) and inspected.parse_data is None
    # Over the size allowed for a repacked copy, the original too.
    package_data = hostile.workbook(tmp_path / "ok.xlsx", {1: hostile.inline("A1", "a")})
    assert _repack_limit_respected(package_data.read_bytes())


def _repack_limit_respected(data: bytes) -> bool:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        package = _Package(archive, {i.filename: i for i in archive.infolist()}, data)
        package.inflated("xl/worksheets/sheet1.xml", 2**20)
        return package.repacked(0) is None and package.repacked(2**20) is not None


def test_each_workbook_part_says_its_own_sheets_and_names(tmp_path: Path) -> None:
    """Parsed relationship and workbook parts are remembered by their bytes: a workbook that
    differs in one name is read afresh, and the same one again gives the same answer."""
    def package(defined: str, title: str, far: str) -> bytes:
        parts = hostile.package_parts({title: hostile.sheet_xml(
            {1: hostile.inline("A1", "a"), 1000: hostile.inline(far, "b")})})
        parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(
            b"</sheets>", f'</sheets><definedNames><definedName name="{defined}">'
            f"'{title}'!$A$1</definedName></definedNames>".encode())
        return hostile.write_zip(tmp_path / f"{defined}.xlsx", parts).read_bytes()

    for _ in range(2):
        for defined, title in (("Hyvaksyja", "Yksi"), ("Hyvaksytty", "Kaksi")):
            problem = inspect_workbook(package(defined, title, "XFD1000"), ".xlsx")
            assert not isinstance(problem, Inspected)
            assert f"Välilehti '{title}' ulottuu soluun XFD1000" in problem.message
            inspected = inspect_workbook(package(defined, title, "B1000"), ".xlsx")
            assert isinstance(inspected, Inspected)
            assert inspected.defined_names == {defined: f"'{title}'!$A$1"}


def test_a_broken_deflate_stream_is_a_finding_not_an_error(tmp_path: Path) -> None:
    from kemireport.reading.reader import read_workbook

    path = hostile.workbook(tmp_path / "ok.xlsx", {1: hostile.inline("A1", "Tunniste " * 50)})
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename.encode())
    data[start:start + 8] = b"\xff" * 8  # an invalid block type: no inflater reads past it
    broken = tmp_path / "rikki.xlsx"
    broken.write_bytes(bytes(data))
    outcome = read_workbook(broken, tmp_path)
    assert outcome.workbook is None and outcome.finding is not None
    assert outcome.finding.code == "file-unreadable"
    assert "invalid block type" in outcome.finding.message
