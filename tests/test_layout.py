"""The package's folders are the stages of the data's path, and imports only run forwards.

strategy definition → templates → reading returns → checks → history → outputs → the cycle; the
foundation (``core``, ``errors``) is used by all, and the command line (``cli``) uses all. A
module may import its own stage and the stages before it, never a later one: a newcomer can
read the package in the order of the folders.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "kemireport"
STAGES = ("core", "strategy", "templates", "reading", "checks", "history", "outputs", "cycle")
FOUNDATION = {"errors", "__init__"}
COMMAND_LINE = {"cli", "clickfi", "clidoc", "__main__"}


def _rank(module: str) -> int:
    """The stage of ``kemireport.<part>…``: -1 for the foundation, len(STAGES) for the CLI."""
    part = module.split(".")[1] if "." in module else "__init__"
    if part in FOUNDATION:
        return -1
    if part in COMMAND_LINE:
        return len(STAGES)
    return STAGES.index(part)


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "kemireport":
                found += [f"kemireport.{alias.name}" for alias in node.names]
            elif node.module.startswith("kemireport."):
                found.append(node.module)
        elif isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.startswith("kemireport.")]
    return found


def _module(path: Path) -> str:
    return ".".join(("kemireport", *path.relative_to(PACKAGE).with_suffix("").parts))


def test_every_module_lives_in_a_stage() -> None:
    top = {p.stem for p in PACKAGE.glob("*.py")}
    assert top <= FOUNDATION | COMMAND_LINE, top - FOUNDATION - COMMAND_LINE
    folders = {p.name for p in PACKAGE.iterdir() if p.is_dir() and p.name != "__pycache__"}
    assert folders == set(STAGES)


def test_imports_only_run_forwards() -> None:
    backwards = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = _module(path)
        for imported in _imports(path):
            if imported.split(".")[1] in {"__version__"}:
                continue
            if _rank(imported) > _rank(module):
                backwards.append(f"{module} → {imported}")
    assert backwards == []
