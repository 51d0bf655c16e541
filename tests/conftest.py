"""Shared fixtures: strategies and small workbook builders live in ``tests/builders.py``.

Everything the tests read is inside the repository (``tests/data``), so ``pytest`` passes from a
fresh clone in any folder. Tests that run programs outside Python say so with
``@pytest.mark.needs(...)`` (``tests/needs_marker.py``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from needs_marker import pytest_configure, pytest_runtest_setup

from kemireport.strategy import Strategy, load_strategy

__all__ = ["CORPUS", "DATA", "SEED", "pytest_configure", "pytest_runtest_setup"]

DATA = Path(__file__).parent / "data"
CORPUS = DATA / "corpus"  # real-world spreadsheets (README.md there: source and licence)
SEED = DATA / "strategia" / "kemin-kaupunkistrategia-2022-2025.txt"  # the strategy's text


@pytest.fixture(scope="session")
def mini_strategy() -> Strategy:
    """A small two-goal, two-department strategy: fast, and proves a strategy is just a file."""
    return load_strategy(DATA / "mini-strategia.yaml")


@pytest.fixture(scope="session")
def kemi_strategy() -> Strategy:
    """The built-in default: the City of Kemi strategy 2022–2025."""
    return load_strategy()


@pytest.fixture(scope="module")
def driver() -> Iterator[Any]:
    """A headless Chromium for a module's web page tests (each test sets the width it needs);
    started only by the tests that ask for it (``tests/browser.py``)."""
    from browser import chromium

    with chromium() as browser:
        yield browser
