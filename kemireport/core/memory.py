"""A bounded memory of what a text-to-value function gave for the short texts it has seen.

The same titles, headers, tunnisteet and SDG lists come back in every row of every return of
a strategy, so the reading and the checks remember what each short text is. The memory is a
dict whose misses are worked out by ``__missing__``: a hit is a single C-level look-up through
the bound ``__getitem__`` (quicker than a Python function around a dict, and than
``functools.lru_cache``, micro-benchmarked), and a long text is worked out each time without
being kept, so the memory stays small whatever a return holds.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

V = TypeVar("V")


class BoundedMemory(dict[str, V]):
    """``compute(text)`` for each text asked, kept for up to ``size`` texts of at most
    ``max_chars`` characters (any length when None); once full, nothing more is kept."""

    __slots__ = ("compute", "max_chars", "size")

    def __init__(self, compute: Callable[[str], V], size: int,
                 max_chars: int | None = None) -> None:
        super().__init__()
        self.compute = compute
        self.size = size
        self.max_chars = max_chars

    def __missing__(self, text: str) -> V:
        value = self.compute(text)
        if len(self) < self.size and (self.max_chars is None or len(text) <= self.max_chars):
            self[text] = value
        return value


def bounded_memory(size: int, max_chars: int | None = None,
                   ) -> Callable[[Callable[[str], V]], Callable[[str], V]]:
    """A decorator: the function remembered in a ``BoundedMemory`` (see there).

    The decorated name is the memory's bound ``__getitem__``: calling it is the look-up.
    """
    def decorate(compute: Callable[[str], V]) -> Callable[[str], V]:
        return BoundedMemory(compute, size, max_chars).__getitem__
    return decorate
