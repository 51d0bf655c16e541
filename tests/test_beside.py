"""Work beside the main process: its value or its error comes back as if it had run here."""

from __future__ import annotations

import os

import pytest

from kemireport.cycle.beside import Beside, can_fork
from kemireport.errors import OutputError

FORKS = [False, *([True] if can_fork() else [])]


@pytest.mark.parametrize("fork", FORKS)
def test_the_value_comes_back(fork: bool) -> None:
    with Beside(lambda: (os.getpid(), [1, 2, 3]), fork=fork) as beside:
        here = os.getpid()
        pid, value = beside.result()
    assert value == [1, 2, 3]
    assert (pid != here) is fork


def _refuse() -> None:
    raise OutputError("Raporttia ei voitu kirjoittaa: levy on täynnä.")


@pytest.mark.parametrize("fork", FORKS)
def test_an_error_comes_back_as_it_was(fork: bool) -> None:
    with Beside(_refuse, fork=fork) as beside, pytest.raises(OutputError,
                                                              match="levy on täynnä"):
        beside.result()


@pytest.mark.skipif(not can_fork(), reason="fork is how the child starts (Linux)")
def test_a_child_that_dies_is_an_internal_error() -> None:
    with Beside(lambda: os._exit(9), fork=True) as beside, pytest.raises(
            RuntimeError, match="ended with code 9"):
        beside.result()


@pytest.mark.skipif(not can_fork(), reason="fork is how the child starts (Linux)")
def test_a_value_that_cannot_be_sent_is_an_internal_error() -> None:
    with Beside(lambda: (lambda: None), fork=True) as beside, pytest.raises(
            RuntimeError, match="failed"):
        beside.result()
