"""Shared fixtures: strategies and small workbook builders live in ``tests/builders.py``."""

from __future__ import annotations

import os
import shutil
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


# -- tools outside Python -----------------------------------------------------------------------
# ``@pytest.mark.needs("chromium", "chromedriver")``: the test needs these programs on PATH. On a
# developer's machine without them it is skipped, naming what is missing; under CI
# (KEMIREPORT_CI set, as .ci/run does) a missing tool fails the test instead, so a green CI
# always means the test ran.
CI_VARIABLE = "KEMIREPORT_CI"


def pytest_runtest_setup(item: pytest.Item) -> None:
    for marker in item.iter_markers(name="needs"):
        missing = [tool for tool in marker.args if shutil.which(tool) is None]
        if not missing:
            continue
        reason = "needs " + ", ".join(missing) + " on PATH (not found)"
        if os.environ.get(CI_VARIABLE):
            pytest.fail(f"{reason}; {CI_VARIABLE} is set, so this is CI: install it, never skip",
                        pytrace=False)
        pytest.skip(reason)
