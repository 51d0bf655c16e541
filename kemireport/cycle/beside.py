"""Work done beside the main process: a forked child writes some of a run's outputs while the
main process writes the others.

A half-year run writes five kinds of output from the same facts, and most of its time is spent
writing them; on a machine with two or more cores the Word report and the rest can be written at
once. The child is a fork (Linux): it starts in a moment with everything already imported and
computed, and nothing is sent to it. It ends with the run that started it, even if that run is
killed (``watch_parent``). What the child returns, or the error it raised, comes back through a
pipe, so a failure there is the same failure here (an ``OutputError`` still exits with code 2).
Where forking is not the way to start a process (Windows, macOS), the work is simply done here,
in turn, when its result is asked for.
"""

from __future__ import annotations

import multiprocessing
import sys
import traceback
from collections.abc import Callable
from typing import Any, Generic, TypeVar

T = TypeVar("T")


def can_fork() -> bool:
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


class Beside(Generic[T]):
    """``work()`` started now in a child process (or later, here); ``result()`` is its value."""

    def __init__(self, work: Callable[[], T], *, fork: bool | None = None) -> None:
        self._work = work
        self._process: Any = None
        self._receiver: Any = None
        if fork if fork is not None else can_fork():
            context = multiprocessing.get_context("fork")
            self._receiver, sender = context.Pipe(duplex=False)
            for stream in (sys.stdout, sys.stderr):  # nothing buffered is written twice
                stream.flush()
            self._process = context.Process(target=_child, args=(sender, work), daemon=True)
            self._process.start()
            sender.close()

    def result(self) -> T:
        """The work's value; its exception if it raised one."""
        if self._process is None:
            return self._work()
        try:
            try:
                kind, payload = self._receiver.recv()
            except EOFError:
                self._process.join()
                raise RuntimeError(
                    f"the child process writing outputs ended with code "
                    f"{self._process.exitcode} before it answered") from None
        finally:
            self.close()
        if kind == "value":
            value: T = payload
            return value
        if kind == "error":
            raise payload
        raise RuntimeError(f"the child process writing outputs failed:\n{payload}")

    def close(self) -> None:
        """Wait for the child (it is never left running behind)."""
        if self._process is not None:
            self._process.join()
            self._receiver.close()

    def __enter__(self) -> Beside[T]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _child(sender: Any, work: Callable[[], Any]) -> None:
    from kemireport.reading.reader import watch_parent

    watch_parent()
    details = ""
    try:
        message: tuple[str, Any] = ("value", work())
    except BaseException as exc:  # every failure goes back to the parent, as it was
        message = ("error", exc)
        details = traceback.format_exc()
    try:
        sender.send(message)
    except Exception:  # the value or the error cannot be sent: say what it was
        sender.send(("crash", details or traceback.format_exc()))
    sender.close()
