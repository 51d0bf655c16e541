"""Builders for malformed and hostile files, written by hand so that each test makes its own.

A minimal OOXML package is five parts; every builder starts from ``package_parts`` and swaps
or adds the part it is about, so what makes a file hostile is visible in one line.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from collections.abc import Mapping
from pathlib import Path
from typing import BinaryIO
from xml.sax.saxutils import escape

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
SHEET_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
WORKBOOK_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
MACRO_WORKBOOK_CT = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
SST_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def inline(ref: str, text: str) -> str:
    """A cell with an inline string (no shared-strings part needed)."""
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(text)}</t></is></c>'


def number(ref: str, value: float) -> str:
    return f'<c r="{ref}"><v>{value}</v></c>'


def sheet_xml(rows: Mapping[int, str], *, prologue: str = DECL) -> bytes:
    """A worksheet part from row number -> the row's cell elements."""
    body = "".join(f'<row r="{n}">{cells}</row>' for n, cells in sorted(rows.items()))
    return (f'{prologue}<worksheet xmlns="{MAIN_NS}"><sheetData>{body}</sheetData>'
            "</worksheet>").encode()


def package_parts(sheets: Mapping[str, bytes], *, workbook_ct: str = WORKBOOK_CT,
                  shared_strings: bytes | None = None) -> dict[str, bytes]:
    """The parts of a minimal workbook: sheet name -> worksheet XML, in order."""
    overrides = [f'<Override PartName="/xl/workbook.xml" ContentType="{workbook_ct}"/>']
    sheet_entries, rels = [], []
    parts: dict[str, bytes] = {}
    for index, (name, xml) in enumerate(sheets.items(), start=1):
        part = f"xl/worksheets/sheet{index}.xml"
        overrides.append(f'<Override PartName="/{part}" ContentType="{SHEET_CT}"/>')
        sheet_entries.append(f'<sheet name="{escape(name)}" sheetId="{index}" r:id="rId{index}"/>')
        rels.append(f'<Relationship Id="rId{index}" Type="{REL_NS}/worksheet" '
                    f'Target="worksheets/sheet{index}.xml"/>')
        parts[part] = xml
    if shared_strings is not None:
        overrides.append(f'<Override PartName="/xl/sharedStrings.xml" ContentType="{SST_CT}"/>')
        rels.append(f'<Relationship Id="rId{len(sheets) + 1}" Type="{REL_NS}/sharedStrings" '
                    'Target="sharedStrings.xml"/>')
        parts["xl/sharedStrings.xml"] = shared_strings
    content_types = (
        f'{DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'{"".join(overrides)}</Types>'
    )
    return {
        "[Content_Types].xml": content_types.encode(),
        "_rels/.rels": (
            f'{DECL}<Relationships xmlns="{PKG_REL_NS}"><Relationship Id="rId1" '
            f'Type="{REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ).encode(),
        "xl/workbook.xml": (
            f'{DECL}<workbook xmlns="{MAIN_NS}" xmlns:r="{REL_NS}"><sheets>'
            f'{"".join(sheet_entries)}</sheets></workbook>'
        ).encode(),
        "xl/_rels/workbook.xml.rels": (
            f'{DECL}<Relationships xmlns="{PKG_REL_NS}">{"".join(rels)}</Relationships>'
        ).encode(),
        **parts,
    }


def write_zip(path: Path, parts: Mapping[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return path


def workbook(path: Path, rows: Mapping[int, str], *, name: str = "Taulukko1") -> Path:
    """A valid one-sheet workbook."""
    return write_zip(path, package_parts({name: sheet_xml(rows)}))


def far_corner(path: Path) -> Path:
    """Valid, 1.6 kB: a value in A1 and another in XFD1048576. python-calamine builds the dense
    range between them (17 billion cells) and the process aborts."""
    return workbook(path, {1: inline("A1", "alku"), 1048576: inline("XFD1048576", "loppu")})


def entity_bomb(path: Path) -> Path:
    """Billion laughs in the shared strings."""
    entities = ['<!ENTITY lol "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    ]
    sst = (f'{DECL}<!DOCTYPE sst [{"".join(entities)}]><sst xmlns="{MAIN_NS}" count="1" '
           'uniqueCount="1"><si><t>&lol9;</t></si></sst>').encode()
    sheet = sheet_xml({1: '<c r="A1" t="s"><v>0</v></c>'})
    return write_zip(path, package_parts({"Taulukko1": sheet}, shared_strings=sst))


def external_entity(path: Path, target: Path) -> Path:
    """XXE: a sheet whose cell would show the content of another local file."""
    prologue = (f'{DECL}<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "{target.as_uri()}">]>')
    sheet = sheet_xml({1: '<c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c>'},
                      prologue=prologue)
    return write_zip(path, package_parts({"Taulukko1": sheet}))


def zip_bomb(path: Path, size: int = 2**30, *, declared: int | None = None) -> Path:
    """A workbook whose sheet part inflates to ``size`` bytes of zeros (~1 MB on disk per GB).

    Written by hand in one pass: with a full flush every 1 MiB block of zeros compresses to
    the same bytes, so the deflate stream is one compressed block repeated. ``declared``
    makes the archive lie about the size, as a streamed bomb's headers do.
    """
    block = 2**20
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    unit = compressor.compress(b"\0" * block) + compressor.flush(zlib.Z_FULL_FLUSH)
    repeats = size // block
    tail = zlib.compressobj(9, zlib.DEFLATED, -15).flush(zlib.Z_FINISH)
    crc = 0
    zeros = b"\0" * block
    for _ in range(repeats):
        crc = zlib.crc32(zeros, crc)
    parts = package_parts({"Taulukko1": sheet_xml({1: inline("A1", "x")})})
    del parts["xl/worksheets/sheet1.xml"]
    bomb_name = b"xl/worksheets/sheet1.xml"
    compressed_size = len(unit) * repeats + len(tail)
    listed_size = repeats * block if declared is None else declared
    with path.open("wb") as out:
        central = []
        for name, data in parts.items():
            entry = zlib.compressobj(6, zlib.DEFLATED, -15)
            packed = entry.compress(data) + entry.flush()
            central.append(_local(out, name.encode(), packed, zlib.crc32(data), len(data)))
        offset = out.tell()
        out.write(_local_header(bomb_name, crc, compressed_size, listed_size))
        for _ in range(repeats):
            out.write(unit)
        out.write(tail)
        central.append((bomb_name, crc, compressed_size, listed_size, offset))
        _central_directory(out, central)
    return path


def _local_header(name: bytes, crc: int, compressed: int, size: int) -> bytes:
    return struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0, 8, 0, 0, crc, compressed,
                       size, len(name), 0) + name


def _local(out: BinaryIO, name: bytes, packed: bytes, crc: int,
           size: int) -> tuple[bytes, int, int, int, int]:
    offset = out.tell()
    out.write(_local_header(name, crc, len(packed), size) + packed)
    return (name, crc, len(packed), size, offset)


def _central_directory(out: BinaryIO, entries: list[tuple[bytes, int, int, int, int]]) -> None:
    start = out.tell()
    for name, crc, compressed, size, offset in entries:
        out.write(struct.pack("<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 20, 20, 0, 8, 0, 0, crc,
                              compressed, size, len(name), 0, 0, 0, 0, 0, offset) + name)
    end = out.tell()
    out.write(struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(entries), len(entries),
                          end - start, start, 0))


def encrypted_ole2(path: Path) -> Path:
    """The shape of an encrypted OOXML file: an OLE2 compound file whose directory names the
    EncryptionInfo and EncryptedPackage streams (no real cipher needed to be recognised)."""
    header = bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504)
    directory = bytearray()
    for name in ("Root Entry", "EncryptionInfo", "EncryptedPackage"):
        encoded = (name + "\0").encode("utf-16-le")
        entry = encoded.ljust(64, b"\0") + struct.pack("<H", len(encoded))
        directory += entry.ljust(128, b"\0")
    path.write_bytes(header + bytes(directory).ljust(512, b"\0"))
    return path


def legacy_xls(path: Path) -> Path:
    """An OLE2 compound file with a Workbook stream, as Excel 97–2003 writes."""
    header = bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504)
    encoded = "Workbook\0".encode("utf-16-le")
    entry = (encoded.ljust(64, b"\0") + struct.pack("<H", len(encoded))).ljust(128, b"\0")
    path.write_bytes(header + entry.ljust(512, b"\0"))
    return path


def ods(path: Path, *, encrypted: bool = False) -> Path:
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
                '<manifest:file-entry manifest:full-path="content.xml">'
                + ('<manifest:encryption-data manifest:checksum-type="SHA1/1K"/>'
                   if encrypted else "")
                + "</manifest:file-entry></manifest:manifest>")
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        package.writestr("content.xml", '<?xml version="1.0"?><office:document-content/>')
        package.writestr("META-INF/manifest.xml", manifest)
    return path
