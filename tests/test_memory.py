"""The bounded memory that the reading and the checks keep of the short texts they have seen."""

from __future__ import annotations

from kemireport.core.memory import BoundedMemory, bounded_memory


def test_a_text_is_worked_out_once_and_none_is_remembered_too() -> None:
    calls: list[str] = []

    def header(text: str) -> str | None:
        calls.append(text)
        return text.upper() if text.startswith("t") else None

    memory = BoundedMemory(header, size=10)
    assert [memory[t] for t in ("tila", "x", "tila", "x")] == ["TILA", None, "TILA", None]
    assert calls == ["tila", "x"]
    assert dict(memory) == {"tila": "TILA", "x": None}


def test_long_texts_are_not_kept_and_a_full_memory_keeps_no_more() -> None:
    memory = BoundedMemory(len, size=2, max_chars=3)
    assert memory["abcd"] == 4  # longer than max_chars: worked out, not kept
    assert memory["a"] == 1 and memory["ab"] == 2 and memory["abc"] == 3
    assert dict(memory) == {"a": 1, "ab": 2}


def test_the_decorated_function_answers_as_the_function() -> None:
    @bounded_memory(5, max_chars=10)
    def key(text: str) -> str:
        return "".join(text.split()).upper()

    assert key("ek - 01") == "EK-01"
    assert key("ek - 01") == "EK-01"
    assert key("x" * 20) == "X" * 20
