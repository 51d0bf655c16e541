"""The repository stands alone: a fresh clone in any folder passes its tests.

Nothing builds a path outside the repository (the team's machines keep a ``shared`` folder beside
it; a clone elsewhere does not have one), and a test that needs a program outside Python says so
with ``@pytest.mark.needs``, so that a machine without it gets a named skip, and CI a failure.
"""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from needs_marker import CI_VARIABLE, TOOLS

ROOT = Path(__file__).resolve().parents[1]
TESTS = ROOT / "tests"

# A path to the folder beside the repository, or to the team machines' copy of it. The name is
# spelled in pieces so that this file does not match itself.
BESIDE = "sha" + "red"
OUTSIDE = re.compile("|".join([
    r"\.\.[/\\]+" + BESIDE,
    "[\"']" + BESIDE + "[\"']",  # a path part: Path(...) / "<name>"
    "/work/" + BESIDE,
]))
PARENTS = re.compile(r"Path\(__file__\)(?:\.resolve\(\))?\.parents\[(\d+)\]")
SKIPPED_FOLDERS = {".git", ".venv", ".venv-ci", "build", "dist", "node_modules"}


def tracked_files() -> list[Path]:
    """The repository's tracked files (every file, when this is not a git checkout)."""
    try:
        listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True,
                                check=True, timeout=60).stdout
    except (OSError, subprocess.SubprocessError):
        return sorted(p for p in ROOT.rglob("*") if p.is_file()
                      and not SKIPPED_FOLDERS & set(p.relative_to(ROOT).parts)
                      and "__pycache__" not in p.parts and ".egg-info" not in str(p))
    paths = [ROOT / name for name in listed.decode("utf-8").split("\0") if name]
    return [p for p in paths if p.is_file()]  # not one deleted in the working tree


def text_of(path: Path) -> str | None:
    data = path.read_bytes()
    if b"\0" in data[:8192]:
        return None  # binary
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def outside_paths(relative: str, text: str) -> list[str]:
    """Lines of ``text`` (a file at ``relative``) that build a path outside the repository."""
    depth = len(Path(relative).parts)  # parents[depth] is the folder the repository is in
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        climbs = [int(n) for n in PARENTS.findall(line)]
        if OUTSIDE.search(line) or any(n >= depth for n in climbs):
            found.append(f"{relative}:{number}: {line.strip()}")
    return found


def test_the_check_finds_paths_outside_the_repository() -> None:
    up = "Path(__file__)" + ".parents"  # in pieces, like BESIDE
    bad = [
        f'SEED = {up}[2] / "{BESIDE}" / "strategia"',
        f"corpus = ROOT / '..' / '{BESIDE}' / 'corpus'",
        f"cp ../{BESIDE}/corpus/x.xlsx .",
        f"See ..\\{BESIDE}\\strategia",
        f"open('/work/{BESIDE}/DESIGN.md')",
        f"ROOT = {up}[2]",
    ]
    for line in bad:
        assert outside_paths("tests/test_x.py", line), line
    good = [
        "ROOT = Path(__file__).resolve().parents[1]",
        "from docx.shared import Pt",
        'SST_CT = "…spreadsheetml.sharedStrings+xml"',
        "outputs are shared documents",
    ]
    for line in good:
        assert not outside_paths("tests/test_x.py", line), line
    assert outside_paths("kemireport/strategy/x.py", f"{up}[3]")
    assert not outside_paths("kemireport/strategy/x.py", f"{up}[2]")


def test_nothing_reads_beside_the_repository() -> None:
    files = tracked_files()
    assert any(p.name == "conftest.py" for p in files)
    found: list[str] = []
    for path in files:
        text = text_of(path)
        if text is not None:
            found += outside_paths(path.relative_to(ROOT).as_posix(), text)
    assert found == []


def test_what_the_tests_read_is_in_the_repository() -> None:
    data = TESTS / "data"
    corpus = data / "corpus" / "calamine-tests"
    assert len([p for p in corpus.iterdir() if p.is_file()]) > 100
    assert (corpus / "LICENSE-MIT.md").read_text(encoding="utf-8").startswith("The MIT License")
    assert "calamine" in (data / "corpus" / "README.md").read_text(encoding="utf-8")
    seed = data / "strategia" / "kemin-kaupunkistrategia-2022-2025.txt"
    assert seed.read_text(encoding="utf-8").count("Strateginen päämäärä: ") == 17
    assert "KV 31.1.2022" in (data / "strategia" / "README.md").read_text(encoding="utf-8")


# -- programs outside Python: the needs marker --------------------------------------------------

OFFICE_HELPERS = {"to_pdf", "resave", "convert", "pdf_pages"}  # tests/office.py: soffice


def _tools_used(function: ast.FunctionDef) -> set[str]:
    """The programs a test's body runs: by name, or through the helpers of tests/office.py."""
    nodes = [n for statement in function.body for n in ast.walk(statement)]
    words = {n.value for n in nodes if isinstance(n, ast.Constant) and isinstance(n.value, str)}
    words |= {n.id for n in nodes if isinstance(n, ast.Name)}
    words |= {n.attr for n in nodes if isinstance(n, ast.Attribute)}
    used = set(TOOLS) & words
    if words & OFFICE_HELPERS:
        used.add("soffice")
    return used


def _needs(function: ast.FunctionDef) -> set[str]:
    declared: set[str] = set()
    for decorator in function.decorator_list:
        if (isinstance(decorator, ast.Call) and isinstance(decorator.func, ast.Attribute)
                and decorator.func.attr == "needs"):
            declared |= {a.value for a in decorator.args
                         if isinstance(a, ast.Constant) and isinstance(a.value, str)}
    return declared


def test_every_test_that_runs_a_program_is_marked() -> None:
    unmarked = []
    checked = 0
    for path in sorted(TESTS.glob("test_*.py")):
        if path.name == Path(__file__).name:  # its tiny test file names programs as text
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef) and node.name.startswith("test_"):
                used = _tools_used(node)
                checked += bool(used)
                if used - _needs(node):
                    unmarked.append(f"{path.name}::{node.name} needs {sorted(used)}")
    assert unmarked == []
    assert checked >= 6  # the LibreOffice tests are found


TINY_TESTS = """
import pytest

@pytest.mark.needs("soffice", "pdftoppm")
def test_prints():
    pass

@pytest.mark.needs()
def test_marker_without_programs():
    pass

def test_plain():
    pass
"""


def _run_tiny(tmp_path: Path, path_dirs: list[Path], ci: bool) -> subprocess.CompletedProcess[str]:
    project = tmp_path / "projekti"
    project.mkdir(exist_ok=True)
    (project / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    (project / "conftest.py").write_text(
        "from needs_marker import pytest_configure, pytest_runtest_setup  # noqa: F401\n",
        encoding="utf-8")
    (project / "test_tiny.py").write_text(textwrap.dedent(TINY_TESTS), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != CI_VARIABLE}
    env["PATH"] = os.pathsep.join(str(p) for p in path_dirs)
    env["COLUMNS"] = "1000"  # the short summary holds the whole reason
    env["PYTHONPATH"] = os.pathsep.join([str(TESTS), env.get("PYTHONPATH", "")])
    if ci:
        env[CI_VARIABLE] = "1"
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-rsE", "-q", str(project)],
        cwd=project, env=env, capture_output=True, text=True, timeout=120, check=False)


def _fake_programs(folder: Path, *names: str) -> Path:
    folder.mkdir()
    for name in names:
        for file in (folder / name, folder / f"{name}.bat"):  # .bat: found on Windows
            file.write_text("exit 0\n", encoding="utf-8")
            file.chmod(0o755)
    return folder


def test_missing_program_skips_with_its_name_and_package(tmp_path: Path) -> None:
    empty = tmp_path / "tyhja"
    empty.mkdir()
    result = _run_tiny(tmp_path, [empty], ci=False)
    out = result.stdout
    assert result.returncode == 1, out  # only the marker without programs fails
    assert "1 passed, 1 skipped, 1 error" in out
    assert ("SKIPPED [1] " in out and "needs soffice, pdftoppm, not found on PATH (LibreOffice: "
            "apt-get install libreoffice-calc-nogui libreoffice-writer-nogui; poppler: "
            "apt-get install poppler-utils)") in out
    assert ("ERROR test_tiny.py::test_marker_without_programs - Failed: test_tiny.py::"
            "test_marker_without_programs: @pytest.mark.needs takes program names") in out


def test_missing_program_fails_under_ci(tmp_path: Path) -> None:
    empty = tmp_path / "tyhja"
    empty.mkdir()
    result = _run_tiny(tmp_path, [empty], ci=True)
    out = result.stdout
    assert result.returncode == 1, out
    assert "1 passed, 2 errors" in out, out
    assert "skipped" not in out
    assert ("ERROR test_tiny.py::test_prints - Failed: needs soffice, pdftoppm, not found on "
            "PATH (LibreOffice: ") in out
    assert f"{CI_VARIABLE} is set, so this is a failure, not a skip" in out


@pytest.mark.parametrize("ci", [False, True])
def test_present_programs_run_the_test(tmp_path: Path, ci: bool) -> None:
    # LibreOffice may be installed as 'libreoffice' only.
    tools = _fake_programs(tmp_path / "bin", "libreoffice", "pdftoppm")
    result = _run_tiny(tmp_path, [tools], ci=ci)
    assert "2 passed, 1 error" in result.stdout, result.stdout  # the marker without programs
    assert "skipped" not in result.stdout


def test_ci_installs_the_programs_and_tests_a_fresh_clone() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "set -euo pipefail" in ci
    assert "trap cleanup EXIT" in ci
    for package in ("libreoffice-writer-nogui", "libreoffice-calc-nogui", "poppler-utils",
                    "chromium", "chromium-driver"):
        assert package in ci.split("packages=(", 1)[1].split(")", 1)[0], package
    assert f"export {CI_VARIABLE}=1" in ci
    clone = ci.index("git clone")
    assert clone < ci.index('python3 -m venv "$work/venv"') < ci.index('cd "$work/kemireport"')
    assert ci.rstrip().endswith("pip install '.[test]' && pytest")
