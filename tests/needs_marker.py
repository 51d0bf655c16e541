"""``@pytest.mark.needs("soffice", "pdftoppm")``: a test that needs programs outside Python.

On a developer's machine a missing program skips the test with one reason that names the
program and the package to install. Under CI (``KEMIREPORT_CI=1``, set by ``.ci/run``, which
installs every program the tests need) a missing program fails the test instead: a test that CI
silently skipped would prove nothing.

``tests/conftest.py`` wires the two hooks below into the test run.
"""

from __future__ import annotations

import os
import shutil

import pytest

CI_VARIABLE = "KEMIREPORT_CI"

# Program -> (the names it may be installed under, where it comes from on Debian/Ubuntu).
TOOLS: dict[str, tuple[tuple[str, ...], str]] = {
    "soffice": (("soffice", "libreoffice"),
                "LibreOffice: apt-get install libreoffice-calc-nogui libreoffice-writer-nogui"),
    "pdftoppm": (("pdftoppm",), "poppler: apt-get install poppler-utils"),
    "pdftotext": (("pdftotext",), "poppler: apt-get install poppler-utils"),
    "pdfinfo": (("pdfinfo",), "poppler: apt-get install poppler-utils"),
    "chromium": (("chromium", "chromium-browser"), "apt-get install chromium"),
    "chromedriver": (("chromedriver",), "apt-get install chromium-driver"),
}


def find_tool(name: str) -> str | None:
    """The path of program ``name`` (or of one of its other names) on PATH, else None."""
    names, _ = TOOLS.get(name, ((name,), ""))
    return next((found for n in names if (found := shutil.which(n))), None)


def missing_tools(names: tuple[str, ...]) -> list[str]:
    return [name for name in names if find_tool(name) is None]


def under_ci() -> bool:
    return os.environ.get(CI_VARIABLE, "").strip() not in ("", "0")


def reason(missing: list[str]) -> str:
    """One sentence naming what is missing and where it comes from."""
    hints = sorted({TOOLS[name][1] for name in missing if name in TOOLS})
    text = f"needs {', '.join(missing)}, not found on PATH"
    return f"{text} ({'; '.join(hints)})" if hints else text


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "needs(*programs): the test runs programs outside Python (e.g. soffice, "
        f"pdftoppm); skipped when one is missing, failed instead when {CI_VARIABLE}=1")


def pytest_runtest_setup(item: pytest.Item) -> None:
    wanted: list[str] = []
    for marker in item.iter_markers(name="needs"):
        if not marker.args or not all(isinstance(a, str) for a in marker.args):
            pytest.fail(f"{item.nodeid}: @pytest.mark.needs takes program names, e.g. "
                        "@pytest.mark.needs('soffice', 'pdftoppm')", pytrace=False)
        wanted += [a for a in marker.args if a not in wanted]
    missing = missing_tools(tuple(wanted))
    if not missing:
        return
    if under_ci():
        pytest.fail(f"{reason(missing)}; {CI_VARIABLE} is set, so this is a failure, "
                    "not a skip: CI must install every program the tests need", pytrace=False)
    pytest.skip(reason(missing))
