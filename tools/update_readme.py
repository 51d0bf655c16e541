"""Regenerate the command reference in README.md from the ``--help`` texts.

Run from the repository root: ``python tools/update_readme.py``.
"""

from __future__ import annotations

from pathlib import Path

from kemireport.clidoc import update_readme

if __name__ == "__main__":
    readme = Path(__file__).resolve().parents[1] / "README.md"
    print("README päivitetty." if update_readme(readme) else "README oli jo ajan tasalla.")
