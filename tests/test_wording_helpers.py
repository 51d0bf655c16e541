"""The shared wording helpers that the outputs' sentences and tables are built from."""

from __future__ import annotations

from kemireport.core.finnish import and_list, or_list, word_list


def test_one_list_joiner_with_the_conjunction_as_a_parameter() -> None:
    assert word_list([], "sekä") == ""
    assert word_list(["3 Terveyttä ja hyvinvointia"], "sekä") == "3 Terveyttä ja hyvinvointia"
    assert word_list(["a", "b"], "sekä") == "a sekä b"
    assert word_list(["a", "b", "c"], "sekä") == "a, b sekä c"
    assert and_list(["tila", "toteuma"]) == "tila ja toteuma"
    assert or_list(["”Viivästynyt”", "”Ei käynnistynyt”", "”Keskeytetty”"]) == (
        "”Viivästynyt”, ”Ei käynnistynyt” tai ”Keskeytetty”")
