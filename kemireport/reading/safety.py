"""Cheap checks on a returned file's bytes before any parser sees them.

python-calamine is fast and memory-safe for ordinary workbooks, but some valid packages make it
abort the whole process (a cell in A1 and another in XFD1048576 asks its Rust core for a dense
17-billion-cell range, an uncatchable allocation failure). Everything here uses only the
standard library and reads at most the package's own bounded parts, so a hostile file costs
milliseconds and a fixed amount of memory before it is refused.

``inspect_file`` answers one question: is this an Office Open XML workbook that is safe to hand
to the parser? If not, it returns the file-level finding code and a Finnish message that tells
the department what to do.
"""

from __future__ import annotations

import io
import posixpath
import re
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from operator import itemgetter
from typing import IO, Any, TypeVar, cast
from xml.etree import ElementTree

try:  # ISA-L inflates the same format about twice as fast as zlib; zlib where it is missing
    from isal import isal_zlib as inflating
except ImportError:  # pragma: no cover - isal is a dependency; a platform without its wheel
    inflating = zlib  # type: ignore[misc]
# What a broken deflate stream raises (isal's own error class; its stub calls it an instance).
_INFLATE_ERRORS = (zlib.error, cast("type[Exception]", inflating.error))

_T = TypeVar("_T")

ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")  # a local file header, or an empty archive
OLE2_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")

# Office puts an encrypted OOXML package inside an OLE2 compound file with these two streams;
# their directory entries are stored as UTF-16LE names.
_ENCRYPTION_STREAMS = tuple(
    name.encode("utf-16-le") for name in ("EncryptionInfo", "EncryptedPackage")
)

SPREADSHEET_SUFFIXES = frozenset({
    ".xlsx", ".xltx", ".xlsm", ".xltm", ".xlsb", ".xls", ".xlt", ".xla", ".xlam",
    ".ods", ".ots", ".fods", ".csv", ".tsv", ".numbers",
})
MACRO_SUFFIXES = frozenset({".xlsm", ".xltm", ".xlam"})

_XLSX = "Excel-työkirja (*.xlsx)"
_SAVE_AS = (
    f"Avaa se Excelissä tai LibreOfficessa ja tallenna muodossa {_XLSX}: Tiedosto > "
    f"Tallenna nimellä > tiedostotyypiksi {_XLSX}. Palauta sitten .xlsx-tiedosto."
)


@dataclass(frozen=True)
class Limits:
    """How much a single returned file may cost. Generous for any real return (a department's
    template is ~30 kB with a few hundred cells), tight enough that a hostile file is refused
    before it costs more than a fraction of a second and a few hundred megabytes."""

    max_file_bytes: int = 50 * 2**20
    max_entries: int = 10_000
    max_total_bytes: int = 200 * 2**20  # sum of declared uncompressed sizes, and of bytes read
    max_ratio: int = 200  # compression ratio, for entries larger than ratio_floor
    ratio_floor: int = 2**20
    max_cells: int = 2_000_000  # rows * columns of one sheet's used extent, counted from A1
    max_rows: int = 100_000
    max_sheet_cells: int = 4_000_000  # the same, summed over the workbook
    prolog_bytes: int = 64 * 1024  # an XML part's prolog must end within this many bytes
    max_tag_bytes: int = 4096  # no real <c> or <row> start tag is longer
    timeout: float = 30.0  # seconds for one file when it is re-read on its own
    memory_bytes: int = 2 * 2**30  # address-space budget of a reading worker (POSIX)


DEFAULT_LIMITS = Limits()


@dataclass(frozen=True)
class Problem:
    """Why a file is not handed to the parser: a file-level finding code and its message."""

    code: str  # file-unreadable, file-encrypted, file-unsupported-format
    message: str


def unreadable(message: str) -> Problem:
    return Problem("file-unreadable", message)


def unsupported(format_name: str) -> Problem:
    return Problem(
        "file-unsupported-format",
        f"Tiedosto on {format_name}, jota kemireport ei lue. {_SAVE_AS}",
    )


ENCRYPTED_EXCEL = Problem(
    "file-encrypted",
    "Työkirja on suojattu salasanalla, joten sitä ei voi lukea. Poista salasana: avaa "
    "tiedosto Excelissä, valitse Tiedosto > Tiedot > Suojaa työkirja > Salaa salasanalla, "
    "tyhjennä salasanakenttä, valitse OK ja tallenna. Palauta sitten tiedosto uudelleen.",
)
ENCRYPTED_ODS = Problem(
    "file-encrypted",
    "Tiedosto on suojattu salasanalla, joten sitä ei voi lukea. Avaa se LibreOfficessa, "
    f"valitse Tiedosto > Tallenna nimellä, tiedostotyypiksi {_XLSX} ja poista valinta "
    "kohdasta Tallenna salasanan kanssa. Palauta sitten .xlsx-tiedosto.",
)
NOT_EXCEL = unreadable(
    "Tiedosto ei ole Excel-työkirja (sen sisältö ei ole mitään taulukkolaskentamuotoa, vaikka "
    "nimi on taulukon). Palauta alkuperäinen raportointipohja täytettynä .xlsx-muodossa."
)


def inspect_file(data: bytes, suffix: str, limits: Limits = DEFAULT_LIMITS) -> Problem | None:
    """None when ``data`` is an OOXML workbook that is safe to parse, else why it is not.

    The format is decided by content (magic bytes), not by the name: departments rename files,
    and an encrypted .xlsx is not a zip at all but an OLE2 compound file.
    """
    found = inspect_workbook(data, suffix, limits)
    return found if isinstance(found, Problem) else None


def inspect_workbook(data: bytes, suffix: str,
                     limits: Limits = DEFAULT_LIMITS) -> Problem | Inspected:
    """``inspect_file``, answering with what was learnt when the workbook is safe to parse."""
    suffix = suffix.lower()
    if not data:
        return unreadable(
            "Tiedosto on tyhjä (0 tavua): tallennus tai kopiointi on keskeytynyt. Tallenna "
            "työkirja uudelleen ja palauta se."
        )
    if len(data) > limits.max_file_bytes:
        return too_large(len(data), limits)
    if data.startswith(OLE2_MAGIC):
        return _inspect_ole2(data)
    if data.startswith(ZIP_MAGIC):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                return _inspect_zip(archive, suffix, limits, data)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError,
                NotImplementedError, RuntimeError) as exc:
            # RuntimeError: an encrypted zip entry; NotImplementedError: an unknown compression.
            return unreadable(
                "Tiedosto on vioittunut tai vajaa, eikä se aukea Excel-työkirjana (esim. "
                "tallennus tai liitteen lataus on keskeytynyt; tekninen syy: "
                f"{_short(exc)}). Tallenna työkirja uudelleen Excelissä ja palauta se."
            )
    return _inspect_other(data, suffix)


def too_large(size: int, limits: Limits) -> Problem:
    return unreadable(
        f"Tiedosto on liian suuri ({size / 2**20:.1f} Mt; enintään "
        f"{limits.max_file_bytes / 2**20:.0f} Mt). Raportointipohja on yleensä alle 100 kt: "
        "poista työkirjaan lisätyt kuvat tai ylimääräiset välilehdet, tai kopioi tiedot "
        "uuteen pohjaan, ja palauta tiedosto uudelleen."
    )


def _short(exc: BaseException) -> str:
    return (str(exc) or type(exc).__name__)[:120]


def _inspect_ole2(data: bytes) -> Problem:
    if any(name in data for name in _ENCRYPTION_STREAMS):
        return ENCRYPTED_EXCEL
    return unsupported("vanhan Excel 97–2003 -muodon työkirja (.xls)")


def _inspect_other(data: bytes, suffix: str) -> Problem:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if b"urn:schemas-microsoft-com:office:spreadsheet" in head:
        return unsupported("Excel 2003 XML -taulukko")
    if head.startswith((b"<!doctype html", b"<html", b"<table")):
        return unsupported("verkkosivuksi (HTML) tallennettu taulukko")
    if suffix in (".csv", ".tsv"):
        return unsupported("tekstimuotoinen taulukko (CSV)")
    if head.startswith(b"<?xml") and b"opendocument" in head:
        return unsupported("OpenDocument-laskentataulukko (.fods)")
    return NOT_EXCEL


class _Package:
    """A zip archive's parts by normalised name: some tools write Windows separators
    (``xl\\workbook.xml``), which the parser accepts, so the checks must see them too.

    With the archive's bytes at hand (``data``), a part is inflated straight from them
    (``head``, ``whole``), which costs a fraction of ``zipfile``'s streams for the small
    parts of a workbook; anything unusual (encryption, another compression, a local header
    that disagrees with the directory, a broken stream) takes ``zipfile``'s own path, so
    its checks and its errors decide as before.
    """

    def __init__(self, archive: zipfile.ZipFile, infos: dict[str, zipfile.ZipInfo],
                 data: bytes | None = None) -> None:
        self.archive = archive
        self.infos = infos
        self.data = data
        self._inflated: dict[str, bytes] = {}  # parts inflated whole, by ``whole``
        self._entries: dict[str, tuple[bytes, bytes] | None] = {}  # by ``_entry``

    @property
    def names(self) -> set[str]:
        return set(self.infos)

    def open(self, name: str) -> IO[bytes]:
        return self.archive.open(self.infos[name])

    def _payload(self, info: zipfile.ZipInfo) -> bytes | None:
        """The part's stored bytes, found as ``zipfile`` finds them, or None when unusual."""
        entry = self._entry(info)
        return entry[1] if entry is not None else None

    def _entry(self, info: zipfile.ZipInfo) -> tuple[bytes, bytes] | None:
        """The part's local header (up to its name) and stored bytes, or None when unusual."""
        try:
            return self._entries[info.orig_filename]
        except KeyError:
            pass
        entry = self._entries[info.orig_filename] = self._find_entry(info)
        return entry

    def _find_entry(self, info: zipfile.ZipInfo) -> tuple[bytes, bytes] | None:
        data = self.data
        if (data is None or info.flag_bits & _ODD_FLAGS
                or info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)):
            return None
        offset = info.header_offset
        header = data[offset:offset + 30]
        if len(header) != 30 or not header.startswith(b"PK\x03\x04"):
            return None
        name_length, extra_length = struct.unpack_from("<HH", header, 26)
        raw_name = data[offset + 30:offset + 30 + name_length]
        try:  # an ASCII name reads the same in both (and cp437's codec is slow)
            name = raw_name.decode("ascii" if raw_name.isascii() else
                                   "utf-8" if info.flag_bits & 0x800 else "cp437")
        except UnicodeDecodeError:
            return None
        if name != info.orig_filename:
            return None
        start = offset + 30 + name_length + extra_length
        payload = data[start:start + info.compress_size]
        if len(payload) != info.compress_size:
            return None
        return header + raw_name, payload

    def repacked(self, limit: int) -> bytes | None:
        """The package again, with every part that the checks inflated whole (and checked
        against its size and CRC) stored uncompressed, and every other part as it was: the
        very bytes the checks read, for the parser, which then need not inflate them again.
        None when any entry is unusual, or the inflated parts are more than ``limit`` bytes
        (the parser then reads the original)."""
        if self.data is None or sum(map(len, self._inflated.values())) > limit:
            return None
        inflated = {self.infos[name].orig_filename: whole
                    for name, whole in self._inflated.items()}
        pieces: list[bytes] = []
        directory: list[bytes] = []
        offset = 0
        infos = self.archive.infolist()
        for info in infos:
            entry = self._entry(info)
            if entry is None:
                return None
            header, payload = entry
            raw_name = header[30:]
            whole = inflated.get(info.orig_filename)
            method, body = ((zipfile.ZIP_STORED, whole) if whole is not None
                            else (info.compress_type, payload))
            flags = info.flag_bits & 0x800  # UTF-8 names; sizes in the header, no descriptor
            fields = struct.pack("<HHH4sIII", 20, flags, method, header[10:14], info.CRC,
                                 len(body), info.file_size)
            pieces += (b"PK\x03\x04", fields, struct.pack("<HH", len(raw_name), 0), raw_name,
                       body)
            directory += (b"PK\x01\x02", struct.pack("<H", 20), fields,
                          struct.pack("<HHHHHII", len(raw_name), 0, 0, 0, 0,
                                      info.external_attr, offset), raw_name)
            offset += 30 + len(raw_name) + len(body)
        central = b"".join(directory)
        end = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(infos), len(infos),
                          len(central), offset, 0)
        return b"".join(pieces) + central + end

    def head(self, name: str, size: int) -> bytes:
        """At most the first ``size`` bytes of a part. A read that reaches the part's declared
        end is checked against its size and CRC, as ``zipfile`` checks it."""
        inflated = self._inflated.get(name)
        if inflated is not None:
            return inflated[:size]
        info = self.infos[name]
        payload = self._payload(info)
        if payload is not None:
            wanted = min(size, info.file_size)
            # A stored part is cut where zipfile cuts it; a stream is inflated a byte further,
            # so that one longer than declared takes zipfile's path.
            stored = info.compress_type == zipfile.ZIP_STORED
            head = self._inflate(info, payload, wanted if stored else wanted + 1) or b""
            if wanted < info.file_size:
                if len(head) >= wanted:
                    return head[:wanted]
            elif self._keep(name, info, head):  # read whole: kept for later reads and the parser
                return head
        with self.open(name) as stream:  # zipfile says what is wrong, as ever
            return stream.read(size)

    def whole(self, name: str, budget: int) -> bytes:
        """All of a part, checked against its declared size and CRC (see ``_chunks``)."""
        whole = self.inflated(name, budget)
        if whole is not None:
            return whole
        return b"".join(_chunks(self, name, budget))  # its errors, as ever

    def inflated(self, name: str, budget: int) -> bytes | None:
        """All of a part when the direct way can give it, checked and kept; else None."""
        whole = self._inflated.get(name)
        if whole is not None:
            return whole
        info = self.infos[name]
        if info.file_size > budget:
            return None
        payload = self._payload(info)
        if payload is None:
            return None
        # A byte more than declared, so that a longer part fails the size check.
        whole = self._inflate(info, payload, info.file_size + 1)
        return whole if whole is not None and self._keep(name, info, whole) else None

    @staticmethod
    def _inflate(info: zipfile.ZipInfo, payload: bytes, size: int) -> bytes | None:
        """The first ``size`` bytes of a part (fewer when it is shorter) from its stored
        bytes, or None when its stream is broken."""
        if info.compress_type == zipfile.ZIP_STORED:
            return payload[:size]
        try:
            return inflating.decompressobj(-15).decompress(payload, size)
        except _INFLATE_ERRORS:
            return None

    def _keep(self, name: str, info: zipfile.ZipInfo, whole: bytes) -> bool:
        """Whether ``whole`` is the part as declared (its size and CRC): then it is kept."""
        if len(whole) != info.file_size or inflating.crc32(whole) != info.CRC:
            return False
        self._inflated[name] = whole
        return True


_ODD_FLAGS = 0x1 | 0x20 | 0x40  # encrypted, compressed patch data, strong encryption


@dataclass(frozen=True)
class Inspected:
    """A workbook that passed ``inspect_workbook``, with what the checks learnt on the way."""

    defined_names: dict[str, str]  # workbook-level defined names (see ``defined_names``)
    # What the parser is to read: the package with the parts the checks inflated stored
    # uncompressed (``_Package.repacked``), or None for the file's own bytes.
    parse_data: bytes | None = None


def _inspect_zip(archive: zipfile.ZipFile, suffix: str, limits: Limits,
                 data: bytes | None = None) -> Problem | Inspected:
    infos = archive.infolist()
    if len(infos) > limits.max_entries:
        return _hostile(f"pakkauksessa on {len(infos)} osaa")
    by_name: dict[str, zipfile.ZipInfo] = {}
    seen: set[str] = set()
    for info in infos:
        name = info.filename.replace("\\", "/").lstrip("/")
        # Two entries with one name: this reader and the parser might pick different ones.
        if name.lower() in seen:
            return _hostile(f"osa {info.filename} on pakkauksessa kahdesti")
        seen.add(name.lower())
        by_name[name] = info
    package = _Package(archive, by_name, data)
    names = package.names
    kind = _package_kind(package, names, suffix)
    if kind is not None:
        return kind
    declared = sum(info.file_size for info in infos)
    if declared > limits.max_total_bytes:
        return _hostile(f"purettuna {declared / 2**20:.0f} Mt")
    for info in infos:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > limits.ratio_floor and ratio > limits.max_ratio:
            return _hostile(f"osa {info.filename} purkautuu {ratio:.0f}-kertaiseksi")
    for name, info in by_name.items():
        lower = name.lower()
        if lower.endswith((".xml", ".rels", ".vml")) and not info.is_dir():
            if (info.file_size <= _WHOLE_PART_BYTES and lower.startswith("xl/worksheets/")) or (
                    info.file_size <= _SMALL_PART_BYTES and (
                        lower.endswith(".rels") or lower in _READ_AGAIN)):
                # A sheet is scanned whole below, and these small parts are read again (the
                # workbook, the relationships) or by the parser: inflated once, here, their
                # prolog read from them. Of the others (the theme, the document properties)
                # only the prolog is inflated.
                package.inflated(name, limits.max_total_bytes)
            problem = _check_prolog(package, name, limits)
            if problem is not None:
                return problem
    workbook_part = _workbook_part(package, names)
    if workbook_part is None:
        return unreadable(
            "Tiedosto ei ole ehjä Excel-työkirja: pakkauksesta puuttuu työkirjan osa "
            "(xl/workbook.xml). Tallenna työkirja uudelleen Excelissä ja palauta se."
        )
    return _check_sheets(package, workbook_part, names, limits)


def package_hazard(data: bytes, limits: Limits = DEFAULT_LIMITS) -> str | None:
    """Why a zip package other than a return (a Word template) is unsafe to open, or None.

    The same structural limits as for returns: entry count, declared and actual size,
    compression ratio, and no DTD in any XML part (entity bombs, XXE). The answer is a short
    Finnish detail for the caller's sentence.
    """
    if len(data) > limits.max_file_bytes:
        return f"tiedosto on liian suuri ({len(data) / 2**20:.1f} Mt)"
    if not data.startswith(ZIP_MAGIC):
        return "tiedosto ei ole Office-pakkaus (zip)"
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            if len(infos) > limits.max_entries:
                return f"pakkauksessa on {len(infos)} osaa"
            declared = sum(info.file_size for info in infos)
            if declared > limits.max_total_bytes:
                return f"pakkaus purkautuu {declared / 2**20:.0f} megatavuksi"
            for info in infos:
                ratio = info.file_size / max(info.compress_size, 1)
                if info.file_size > limits.ratio_floor and ratio > limits.max_ratio:
                    return f"osa {info.filename} purkautuu {ratio:.0f}-kertaiseksi"
            by_name = {info.filename.replace("\\", "/").lstrip("/"): info for info in infos}
            package = _Package(archive, by_name)
            for name, info in by_name.items():
                if name.lower().endswith((".xml", ".rels")) and not info.is_dir():
                    problem = _check_prolog(package, name, limits)
                    if problem is not None:
                        return f"osassa {name} on DTD-määrittely tai outo XML-alku"
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError,
            NotImplementedError, RuntimeError) as exc:
        return f"pakkaus on vioittunut ({_short(exc)})"
    return None


def _package_kind(package: _Package, names: set[str], suffix: str) -> Problem | None:
    """Which zip-based format this is, when it is not a plain OOXML workbook."""
    if "mimetype" in names:
        mimetype = _read_bounded(package, "mimetype", 200)
        if b"opendocument.spreadsheet" in mimetype:
            manifest = _read_bounded(package, "META-INF/manifest.xml", 2**20)
            if b"encryption-data" in manifest:
                return ENCRYPTED_ODS
            return unsupported("OpenDocument-laskentataulukko (.ods)")
        if b"opendocument" in mimetype:
            return NOT_EXCEL
    if "[Content_Types].xml" not in names:
        if "word/document.xml" in names:
            return unreadable(
                "Tiedosto on Word-asiakirja, ei Excel-työkirja. Palauta täytetty "
                "raportointipohja (.xlsx)."
            )
        return NOT_EXCEL
    content_types = _read_bounded(package, "[Content_Types].xml", 2**20)
    if b"sheet.binary" in content_types or "xl/workbook.bin" in names:
        return unsupported("Excelin binäärityökirja (.xlsb)")
    if b"spreadsheetml" not in content_types and b"macroEnabled" not in content_types:
        if b"wordprocessingml" in content_types:
            return unreadable(
                "Tiedosto on Word-asiakirja, ei Excel-työkirja. Palauta täytetty "
                "raportointipohja (.xlsx)."
            )
        return NOT_EXCEL
    if suffix in MACRO_SUFFIXES or b"sheet.macroEnabled" in content_types:
        return unsupported("makroja sisältävä Excel-työkirja (.xlsm)")
    return None


def _read_bounded(package: _Package, name: str, limit: int) -> bytes:
    if name not in package.infos:
        return b""
    return package.head(name, limit)


def _hostile(detail: str) -> Problem:
    return unreadable(
        f"Tiedostoa ei lueta, koska sen rakenne on epätavallinen ja mahdollisesti haitallinen "
        f"({detail}). Tallenna tiedot uuteen raportointipohjaan ja palauta se."
    )


def _check_prolog(package: _Package, name: str, limits: Limits) -> Problem | None:
    """Refuse document type declarations: they are how entity bombs and external entities
    (XXE) get in, and no office suite writes one into a workbook part."""
    # A real prolog is a hundred bytes; read further only when it has not ended yet.
    head = package.head(name, min(1024, limits.prolog_bytes))
    verdict = _prolog_verdict(head)
    if verdict == "odd" and len(head) < limits.prolog_bytes:
        head = package.head(name, limits.prolog_bytes)
        verdict = _prolog_verdict(head)
    if verdict == "ok":
        return None
    if verdict == "doctype":
        return _hostile(f"osassa {name} on DTD-määrittely tai entiteettejä")
    return _hostile(f"osan {name} alku ei ole tavallista XML:ää")


# An XML declaration (or none) and the root element's start: nothing that could declare.
_PLAIN_PROLOG = re.compile(rb"(?:\xef\xbb\xbf)?(?:<\?[^<>]*\?>)?[ \t\r\n]*<[^!?]")


def _prolog_verdict(head: bytes) -> str:
    """'ok' when the root element starts before any declaration, 'doctype' when a DTD or
    entity declaration comes first, 'odd' when the prolog does not end within ``head``."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            head = head.decode("utf-16").encode("utf-8", "replace")
        except UnicodeDecodeError:
            return "odd"
    elif b"\x00" in head[:64]:
        return "odd"  # UTF-16/32 without a mark: nothing here can vouch for its prolog
    if b"<!" in head and b"<!ENTITY" in head.upper():
        return "doctype"
    if _PLAIN_PROLOG.match(head) is not None:
        return "ok"  # what every office suite writes; anything else is walked through below
    pos = 3 if head.startswith(b"\xef\xbb\xbf") else 0
    size = len(head)
    while pos < size:
        char = head[pos:pos + 1]
        if char in (b" ", b"\t", b"\r", b"\n"):
            pos += 1
        elif head.startswith(b"<?", pos):
            end = head.find(b"?>", pos + 2)
            if end < 0:
                return "odd"
            pos = end + 2
        elif head.startswith(b"<!--", pos):
            end = head.find(b"-->", pos + 4)
            if end < 0:
                return "odd"
            pos = end + 3
        elif head.startswith(b"<!", pos):
            return "doctype"
        elif char == b"<":
            return "ok"
        else:
            return "ok"  # not XML at all: the parser reports it as a plain error
    return "odd" if size else "ok"


_REL_TYPE_END = re.compile(r"/(officeDocument|worksheet)$")


# The relationship and workbook parts of returns made from one template are mostly the very
# same bytes: a reading worker remembers what each small one it has parsed says (bounded; the
# bytes themselves are the key, so a changed part is parsed afresh).
_PARSED: dict[tuple[bytes, str], Any] = {}
_PARSED_SIZE = 64
_PARSED_BYTES = 64 * 1024


def _remembered(raw: bytes, kind: str, parse: Callable[[bytes], _T]) -> _T:
    """``parse(raw)``, or what it said before for the same bytes and kind."""
    if len(raw) > _PARSED_BYTES:
        return parse(raw)
    key = (raw, kind)
    try:
        found: _T = _PARSED[key]
        return found
    except KeyError:
        pass
    value = parse(raw)
    if len(_PARSED) >= _PARSED_SIZE:
        _PARSED.clear()
    _PARSED[key] = value
    return value


def _relationships(package: _Package, rels_name: str,
                   base: str) -> dict[str, tuple[str, str]]:
    """Relationship id -> (type suffix, target part name) of one .rels part."""
    raw = _read_bounded(package, rels_name, 4 * 2**20)
    if not raw:
        return {}
    return dict(_remembered(raw, "rels " + base, partial(_parse_relationships, base=base)))


def _parse_relationships(raw: bytes, base: str) -> dict[str, tuple[str, str]]:
    found: dict[str, tuple[str, str]] = {}
    try:
        root = ElementTree.fromstring(raw)  # no DTD can remain: _check_prolog ran first
    except ElementTree.ParseError:
        return found
    for element in root.iter():
        if not element.tag.endswith("Relationship") or element.get("TargetMode") == "External":
            continue
        kind = _REL_TYPE_END.search(element.get("Type", ""))
        target = element.get("Target", "")
        if not target:
            continue
        part = target.lstrip("/") if target.startswith("/") else posixpath.join(base, target)
        found[element.get("Id", "")] = (kind.group(1) if kind else "",
                                        posixpath.normpath(part))
    return found


def _workbook_part(package: _Package, names: set[str]) -> str | None:
    for kind, part in _relationships(package, "_rels/.rels", "").values():
        if kind == "officeDocument" and part in names:
            return part
    return "xl/workbook.xml" if "xl/workbook.xml" in names else None


def defined_names(data: bytes) -> dict[str, str]:
    """The workbook-level defined names of a package that passed ``inspect_file``.

    python-calamine does not expose them; the workbook part is small, and its prolog was
    already checked (no DTD, no entities), so the standard parser is safe on it.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            package = _Package(archive, {i.filename.replace("\\", "/").lstrip("/"): i
                                         for i in archive.infolist()})
            part = _workbook_part(package, package.names)
            if part is None:
                return {}
            raw = _read_bounded(package, part, 16 * 2**20)
        return _parse_workbook(raw)[1]
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        return {}


def _parse_workbook(raw: bytes) -> tuple[dict[str, str], dict[str, str]]:
    """The workbook part's sheets (relationship id -> sheet name) and its workbook-level
    defined names; nothing at all when the part is not well-formed XML."""
    titles: dict[str, str] = {}
    defined: dict[str, str] = {}
    try:
        for element in ElementTree.fromstring(raw).iter():
            tag = element.tag.rsplit("}", 1)[-1]
            if tag == "definedName":
                if element.get("localSheetId") is None:
                    defined.setdefault(element.get("name", ""), (element.text or "").strip())
                continue
            if tag != "sheet":
                continue
            for key, value in element.attrib.items():
                if key.endswith("}id"):
                    titles[value] = element.get("name", "")
    except ElementTree.ParseError:
        return {}, {}
    return titles, defined


def _sheet_parts(package: _Package, workbook_part: str, names: set[str],
                 defined: dict[str, str] | None = None) -> list[tuple[str, str]]:
    """(sheet name, part name) of every worksheet the workbook refers to; the workbook-level
    defined names go into ``defined`` on the way (the same parse)."""
    folder, file_name = posixpath.split(workbook_part)
    rels = _relationships(package, posixpath.join(folder, "_rels", file_name + ".rels"), folder)
    raw = _read_bounded(package, workbook_part, 16 * 2**20)
    titles, names_found = _remembered(raw, "workbook", _parse_workbook)
    if defined is not None:
        defined.update(names_found)
    parts = [(titles.get(rel_id, posixpath.basename(part)), part)
             for rel_id, (kind, part) in rels.items() if kind == "worksheet" and part in names]
    # Parts in the usual folder that no relationship names are scanned too: the parser might
    # still find them by another route, and scanning costs little.
    listed = {part for _, part in parts}
    parts += [(posixpath.basename(name), name) for name in sorted(names)
              if name.lower().startswith("xl/worksheets/") and name.lower().endswith(".xml")
              and name not in listed]
    return parts


def _check_sheets(package: _Package, workbook_part: str, names: set[str],
                  limits: Limits) -> Problem | Inspected:
    budget = limits.max_total_bytes
    total_cells = 0
    small: list[bytes] = []  # sheets counted as SMALL_EXTENT, a loose bound
    small_fits = _within(*SMALL_EXTENT, limits)
    defined: dict[str, str] = {}
    for title, part in _sheet_parts(package, workbook_part, names, defined):
        loose = False  # this sheet is counted as SMALL_EXTENT
        try:
            if package.infos[part].file_size <= _WHOLE_PART_BYTES:
                data = package.whole(part, budget)
                read = len(data)
                if small_fits and within_small(data):
                    rows, cols = SMALL_EXTENT
                    small.append(data)
                    loose = True
                else:
                    rows, cols = _measure(data, limits)
            else:
                extent = SheetExtent()
                read = extent.scan(_chunks(package, part, budget), limits)
                rows, cols = extent.rows, extent.cols
        except _Refused as refused:
            return _hostile(f"välilehti '{title}': {refused}")
        budget -= read
        if rows > limits.max_rows or rows * cols > limits.max_cells:
            return too_wide(title, rows, cols)
        total_cells += rows * cols
        if total_cells > limits.max_sheet_cells and small:
            # Only the loose bounds add up to too much: count those sheets exactly (this
            # one too, so that a refusal names its own extent).
            exact = [_measure(d, limits) for d in small]
            if loose:
                rows, cols = exact[-1]
            total_cells += sum(r * c for r, c in exact) - len(small) * _SMALL_CELLS
            small.clear()
        if total_cells > limits.max_sheet_cells:
            return too_wide(title, rows, cols)
    return Inspected(defined_names=defined, parse_data=package.repacked(_REPACK_BYTES))


def _measure(data: bytes, limits: Limits) -> tuple[int, int]:
    """A whole sheet's extent: ``quick_extent``'s bound when it is within the limits, else the
    exact scan's (which raises ``_Refused`` for a hostile sheet)."""
    bound = quick_extent(data)
    if bound is not None and _within(*bound, limits):
        return bound
    return SheetExtent().measure(iter([data]), limits)


_READ_AGAIN = frozenset({"[content_types].xml", "xl/workbook.xml", "xl/sharedstrings.xml",
                         "xl/styles.xml"})
_WHOLE_PART_BYTES = 4 * 2**20  # sheets up to this size are checked in one piece
_SMALL_PART_BYTES = 16 * 1024  # parts read again, up to this size, are inflated whole at once
_REPACK_BYTES = 16 * 2**20  # a package inflated to more goes to the parser as it is


def _within(rows: int, cols: int, limits: Limits) -> bool:
    return rows <= limits.max_rows and rows * cols <= limits.max_cells


# A template's sheets lie within A1:Z999. One search for a tag that is not canonical and small
# (``_NOT_SMALL``) settles that for a sheet without collecting its references: about a third
# of ``quick_extent``'s time, and the bound stays a bound.
SMALL_EXTENT = (999, 26)
_SMALL_CELLS = SMALL_EXTENT[0] * SMALL_EXTENT[1]
_NOT_SMALL = re.compile(rb'<(?:c(?! r="[A-Z][0-9]{1,3}")|row(?! r="[0-9]{1,3}"))[\s/>]')


def within_small(data: bytes) -> bool:
    """True when every cell and row tag of a sheet is canonical (as in ``quick_extent``) and
    inside ``SMALL_EXTENT``: a ``<c`` start with a one-letter column and a row of at most
    three digits, a ``<row`` start with at most three digits, and no prefixed start."""
    return _NOT_SMALL.search(data) is None and _PREFIXED_STARTS.search(data) is None


def quick_extent(data: bytes) -> tuple[int, int] | None:
    """An upper bound of a sheet's extent when every cell and row tag is in the canonical form
    that Excel, LibreOffice and the libraries write (``<c r="B7"``, ``<row r="7"``, the
    reference first); None when any tag is not, and the exact scan must decide.

    One pass of ``_QUICK`` finds every start of a ``<c>`` or ``<row>`` element (and perhaps
    some look-alikes in text too): a canonical one with its reference, any other as an empty
    match. ``_PREFIXED_STARTS`` finds a start after a namespace prefix (the character before
    the name is ``:``). So no empty match and no prefixed start mean no tag escaped the
    canonical pattern (a look-alike only makes the exact scan decide). Cells without a value
    are included, and rows' own numbers too, so this can only over-estimate, never miss a
    cell.
    """
    # Row numbers and columns repeat in every row and column: each distinct one counts once.
    found = _QUICK.findall(data)
    numbers = set(map(itemgetter(1), found))
    # Only a start that is not canonical has no number.
    if b"" in numbers or _PREFIXED_STARTS.search(data) is not None:
        return None
    columns = set(map(itemgetter(0), found))
    columns.discard(b"")  # rows have no column
    rows = max(map(int, numbers), default=0)
    cols = max(map(_column_index, columns), default=-1)
    return rows, cols + 1


def _column_index(letters: bytes) -> int:
    col = 0
    for letter in letters:
        col = col * 26 + letter - 64
    return col - 1


def too_wide(title: str, rows: int, cols: int) -> Problem:
    corner = f"{column_letters(max(cols - 1, 0))}{max(rows, 1)}"
    return unreadable(
        f"Välilehti '{title}' ulottuu soluun {corner} asti ({rows} riviä × {cols} saraketta), "
        "mikä on liikaa luettavaksi. Yleensä syynä on jokin kaukana tietojen alapuolella tai "
        "oikealla oleva solu. Poista tyhjät rivit ja sarakkeet tietojen alapuolelta ja "
        "oikealta puolelta (tai kopioi tiedot uuteen työkirjaan), tallenna ja palauta tiedosto "
        "uudelleen."
    )


def column_letters(index: int) -> str:
    """0 -> 'A', 16383 -> 'XFD'."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class _Refused(Exception):
    pass


def _chunks(package: _Package, part: str, budget: int) -> Iterator[bytes]:
    """The part's bytes in chunks, never more than ``budget`` in all.

    zipfile trusts the central directory's size and checks the CRC at the end, so a part
    whose stream says more (or less) than its declared size ends in an error here, as it
    does in the parser.
    """
    info = package.infos[part]
    if info.file_size > budget:
        raise _Refused(f"purettuna yli {budget / 2**20:.0f} Mt")
    read = 0
    with package.open(part) as stream:
        while True:
            chunk = stream.read(min(2**20, budget - read + 1))
            if not chunk:
                break
            read += len(chunk)
            if read > budget or read > info.file_size:
                raise _Refused("osa on ilmoitettua suurempi")
            yield chunk
    if read != info.file_size:
        raise _Refused("osa on ilmoitettua pienempi")


# The start of a <c> or <row> element, with any namespace prefix (the parser matches local
# names), and a complete start tag whose quoted attribute values may even contain '>'; the
# tag's ``r`` attribute is captured on the way (a repeated group keeps its last capture).
_START = re.compile(rb"<(?:[^\s<>/:=!?\"']+:)?(?:c|row)(?=[\s/>])")
_TAG = re.compile(
    rb"<(?:[^\s<>/:=!?\"']+:)?(c|row)"
    rb"(?:\s+(?:r\s*=\s*(?:\"([^\"]*)\"|'([^']*)')"
    rb"|[^\s=<>/\"']+\s*=\s*(?:\"[^\"]*\"|'[^']*')))*"
    rb"\s*(/?)>"
)
_CELL_REF = re.compile(rb"([A-Za-z]{1,3})([0-9]{1,10})")
_ROW_REF = re.compile(rb"[0-9]{1,10}")
_CELL_REFS = re.compile(rb"(?:[A-Za-z]{1,3}[0-9]{1,10}(?: (?=.)|\Z))*")
_ROW_REFS = re.compile(rb"(?:[0-9]{1,10}(?: (?=.)|\Z))*")
# A canonical start with its column letters (none for a row) and number; any other start of a
# <c> or <row> element as ("", ""). The one leading "<" keeps the search fast.
_QUICK = re.compile(rb'<(?:(?:c r="([A-Z]{1,3})|row r=")([0-9]{1,7})"|(?:c|row)[\s/>])')
_PREFIXED_STARTS = re.compile(rb":(?:c|row)[\s/>]")
_DIGITS = re.compile(rb"[0-9]+")
_LETTERS = re.compile(rb"[A-Za-z]+")


class SheetExtent:
    """The used extent of a worksheet part, as the parser will see it.

    Mirrors how calamine places cells: a cell's own ``r`` when it has one, otherwise the next
    column of the current row (whose number is its ``r`` or the previous row's plus one).
    Self-closing ``<c/>`` elements hold no value and the parser skips them, so they move the
    position without widening the extent. The parser builds a dense range, and the reader
    pads it from A1, so the cost is rows × columns counted from A1.
    """

    def __init__(self) -> None:
        self.rows = 0  # 1-based number of the last row with a value
        self.cols = 0  # 1-based number of the last column with a value
        self._row = -1
        self._col = -1
        self._columns: dict[bytes, int] = {}  # column letters -> 0-based index, memoised

    def measure(self, chunks: Iterator[bytes], limits: Limits) -> tuple[int, int]:
        self.scan(chunks, limits)
        return self.rows, self.cols

    def scan(self, chunks: Iterator[bytes], limits: Limits) -> int:
        """Scan all chunks; return the number of bytes read. Stops early once over limits."""
        read = 0
        tail = b""
        for chunk in chunks:
            read += len(chunk)
            tail = self._feed(tail + chunk, limits, final=False)
            if self.rows > limits.max_rows or self.rows * self.cols > limits.max_cells:
                return read
        self._feed(tail, limits, final=True)
        return read

    def _feed(self, buffer: bytes, limits: Limits, *, final: bool) -> bytes:
        """Place every tag before the buffer's last '<' (everything before it is complete,
        since '<' cannot occur inside a tag); return the rest for the next chunk."""
        cut = len(buffer) if final else buffer.rfind(b"<")
        if cut < 0:
            return b""
        if len(buffer) - cut > limits.max_tag_bytes:
            cut = len(buffer)  # whatever starts there is complete by now, or broken
        tags = _TAG.findall(buffer, 0, cut)
        # A start the full pattern did not match is a tag this scan cannot read, though the
        # parser might: refuse rather than guess.
        if len(tags) != len(_START.findall(buffer, 0, cut)):
            raise _Refused("solun tai rivin merkintä on rikki")
        if not self._place_all_referenced(tags):
            for name, double, single, slash in tags:
                ref = double or single or None  # findall gives b"" for an absent attribute
                if name == b"row":
                    self._place_row(ref)
                else:
                    self._place_cell(ref, empty=bool(slash))
        return buffer[cut:]

    def _place_all_referenced(self, tags: list[tuple[bytes, bytes, bytes, bytes]]) -> bool:
        """The usual case, in bulk: every tag has a well-formed ``r`` (as Excel, LibreOffice
        and every library writes), so positions do not depend on order. False when the
        tag-by-tag placement is needed."""
        if not tags:
            return True
        refs = [double or single for _, double, single, _ in tags]
        if b"" in refs:
            return False
        cells = b" ".join([ref for ref, (name, _, _, slash) in zip(refs, tags, strict=True)
                           if name == b"c" and not slash])
        rows = b" ".join([ref for ref, tag in zip(refs, tags, strict=True) if tag[0] == b"row"])
        if not (_CELL_REFS.fullmatch(cells) and _ROW_REFS.fullmatch(rows)):
            return False
        if cells:
            self.rows = max(self.rows, max(map(int, _DIGITS.findall(cells))))
            last_col = max(self._column(letters) for letters in set(_LETTERS.findall(cells)))
            self.cols = max(self.cols, last_col + 1)
        # Where the next unreferenced tag (in a later chunk) would go.
        last_row = next((i for i in range(len(tags) - 1, -1, -1) if tags[i][0] == b"row"), -1)
        if last_row >= 0:
            self._row, self._col = int(refs[last_row]) - 1, -1
        if last_row < len(tags) - 1:
            self._col = self._column(refs[-1].rstrip(b"0123456789"))
        return True

    def _column(self, letters: bytes) -> int:
        col = self._columns.get(letters)
        if col is None:
            col = 0
            for letter in letters.upper():
                col = col * 26 + letter - 64
            col -= 1
            self._columns[letters] = col
        return col

    def _place_row(self, ref: bytes | None) -> None:
        if ref is None:
            self._row += 1
        elif _ROW_REF.fullmatch(ref):
            self._row = int(ref) - 1
        else:
            raise _Refused(f"rivin numero {ref[:20]!r} on virheellinen")
        self._col = -1

    def _place_cell(self, ref: bytes | None, *, empty: bool) -> None:
        if ref is None:
            self._col += 1
            row = self._row
        else:
            cell = _CELL_REF.fullmatch(ref)
            if cell is None:
                raise _Refused(f"soluviittaus {ref[:20]!r} on virheellinen")
            self._col = self._column(cell.group(1))
            row = int(cell.group(2)) - 1
        if not empty:
            if row >= self.rows:
                self.rows = row + 1
            if self._col >= self.cols:
                self.cols = self._col + 1
