"""LibreOffice in tests: convert to PDF, or open a workbook and save it again as .xlsx.

Each test process gets its own LibreOffice profile folder: two soffice processes sharing the
user's default profile collide (the second one silently does nothing), and a private profile
also keeps the tests independent of the machine's LibreOffice settings.
"""

from __future__ import annotations

import atexit
import shutil
import subprocess
import tempfile
from pathlib import Path

TIMEOUT = 180  # seconds; the first start of a fresh profile is the slow one

_profile: Path | None = None


def _profile_dir() -> Path:
    global _profile
    if _profile is None:
        _profile = Path(tempfile.mkdtemp(prefix="kemireport-lo-profile-"))
        atexit.register(shutil.rmtree, _profile, True)
    return _profile


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        raise RuntimeError("LibreOffice (soffice) is not on PATH: a test that uses it must be "
                           "marked @pytest.mark.needs('soffice') (tests/needs_marker.py)")
    return found


def convert(path: Path, outdir: Path, target: str, *, infilter: str | None = None) -> Path:
    """Run ``soffice --convert-to target`` on ``path``; return the written file.

    ``infilter`` gives the import filter and its options (e.g. a CSV's separator)."""
    outdir.mkdir(parents=True, exist_ok=True)
    extension = target.split(":", 1)[0]
    expected = outdir / f"{path.stem}.{extension}"
    if expected.resolve() == path.resolve():
        raise ValueError(f"{path} would overwrite itself; convert into another folder")
    command = [
        soffice(), f"-env:UserInstallation={_profile_dir().as_uri()}", "--headless",
        "--norestore", *([f"--infilter={infilter}"] if infilter else []),
        "--convert-to", target, "--outdir", str(outdir), str(path),
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT,
                            check=False)
    if not expected.is_file():
        raise RuntimeError(
            f"LibreOffice did not write {expected} (exit {result.returncode}):\n"
            f"{result.stdout}\n{result.stderr}"
        )
    return expected


def to_pdf(path: Path, outdir: Path) -> Path:
    """``path`` printed to PDF by LibreOffice (every visible sheet, with its print settings)."""
    return convert(Path(path), Path(outdir), "pdf")


def resave(path: Path, outdir: Path, fmt: str = "xlsx") -> Path:
    """``path`` opened in LibreOffice and saved again, as a department might do."""
    filters = {"xlsx": 'xlsx:Calc MS Excel 2007 XML', "ods": "ods", "xls": "xls:MS Excel 97"}
    return convert(Path(path), Path(outdir), filters.get(fmt, fmt))


def pdf_pages(pdf: Path) -> int:
    """The number of pages of a PDF (pdfinfo when available, else counting page objects)."""
    pdfinfo = shutil.which("pdfinfo")
    if pdfinfo:
        result = subprocess.run([pdfinfo, str(pdf)], capture_output=True, text=True,
                                timeout=60, check=True)
        for line in result.stdout.splitlines():
            if line.startswith("Pages:"):
                return int(line.split()[1])
    data = Path(pdf).read_bytes()
    return data.count(b"/Type /Page") - data.count(b"/Type /Pages")
