"""Shared fixtures: strategies and small workbook builders live in ``tests/builders.py``."""

from __future__ import annotations

from pathlib import Path

import pytest

from kemireport.strategy import Strategy, load_strategy

DATA = Path(__file__).parent / "data"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


@pytest.fixture(scope="session")
def mini_strategy() -> Strategy:
    """A small two-goal, two-department strategy: fast, and proves a strategy is just a file."""
    return load_strategy(DATA / "mini-strategia.yaml")


@pytest.fixture(scope="session")
def kemi_strategy() -> Strategy:
    """The built-in default: the City of Kemi strategy 2022–2025."""
    return load_strategy()
