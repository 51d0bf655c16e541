"""The calamine test corpus: 132 real-world and broken spreadsheets, read in place."""

from __future__ import annotations

import time
from collections import Counter

from conftest import CORPUS

from kemireport.reading.reader import read_returns

CALAMINE = CORPUS / "calamine-tests"
FILE_LEVEL = {"file-unreadable", "file-encrypted", "file-unsupported-format", "file-ignored"}


def test_every_corpus_file_gets_one_outcome_quickly() -> None:
    files = sorted(p.relative_to(CALAMINE).as_posix() for p in CALAMINE.rglob("*") if p.is_file())
    assert len(files) > 100

    started = time.perf_counter()
    outcomes = read_returns(CALAMINE)
    elapsed = time.perf_counter() - started
    print(f"\n{len(outcomes)} tiedostoa {elapsed:.2f} s")

    assert [o.file for o in outcomes] == files
    for outcome in outcomes:
        assert (outcome.workbook is None) != (outcome.finding is None), outcome.file
        if outcome.workbook is not None:
            assert outcome.workbook.identity is None, outcome.file  # none is our template
        else:
            assert outcome.finding is not None and outcome.finding.code in FILE_LEVEL
    by_file = {o.file: (o.finding.code if o.finding else "read") for o in outcomes}
    # The files whose verdict is known from their content, not from their name:
    assert by_file["LICENSE-MIT.md"] == "file-ignored"
    assert by_file["pass_protected.xlsx"] == "file-encrypted"  # OLE2 with EncryptionInfo
    assert by_file["pass_protected.xlsb"] == "file-encrypted"
    assert by_file["pass_protected.ods"] == "file-encrypted"  # manifest encryption-data
    assert by_file["too_small.xls"] == "file-unreadable"  # a text file named .xls
    assert by_file["strict_iso_paths.xlsx"] == "read"  # Strict OOXML is read
    assert by_file["minimal_package.xlsx"] == "read"  # workbook part outside xl/
    assert by_file["issue_530.xlsx"] == "read"  # Windows separators in part names
    assert by_file["issue252.xlsx"] == "file-unreadable"  # a part larger than declared
    assert by_file["OOM_alloc.xls"] == "file-unsupported-format"
    assert by_file["issue_594_dos.ods"] == "file-unsupported-format"
    assert by_file["vba.xlsm"] == "file-unsupported-format"
    counts = Counter(by_file.values())
    assert counts["read"] >= 60
    assert elapsed < 15
