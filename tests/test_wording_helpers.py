"""The shared wording helpers that the outputs' sentences and tables are built from."""

from __future__ import annotations

from kemireport.core.finnish import and_list, genitive_number, or_list, word_list
from kemireport.history.records import Change
from kemireport.outputs.wording import (
    NO_ACTION_TEXT,
    change_action_text,
    realisation_title,
    status_predicate,
)
from kemireport.strategy import Strategy


def test_one_list_joiner_with_the_conjunction_as_a_parameter() -> None:
    assert word_list([], "sekä") == ""
    assert word_list(["3 Terveyttä ja hyvinvointia"], "sekä") == "3 Terveyttä ja hyvinvointia"
    assert word_list(["a", "b"], "sekä") == "a sekä b"
    assert word_list(["a", "b", "c"], "sekä") == "a, b sekä c"
    assert and_list(["tila", "toteuma"]) == "tila ja toteuma"
    assert or_list(["”Viivästynyt”", "”Ei käynnistynyt”", "”Keskeytetty”"]) == (
        "”Viivästynyt”, ”Ei käynnistynyt” tai ”Keskeytetty”")


def test_a_status_after_a_number_is_worded_once() -> None:
    assert status_predicate("Toteutunut", "on toteutunut") == "on toteutunut"
    assert status_predicate("Toteutunut") == "on toteutunut"  # status_phrase's rule
    assert status_predicate("Etenee suunnitellusti") == "etenee suunnitellusti"
    assert status_predicate("Ei raportoitu", "ignored") == "on raportoimatta"
    assert status_predicate("Ei raportoitu", plural=True) == "ovat raportoimatta"
    assert status_predicate("Toteutunut", "on toteutunut", plural=True) == (
        "ovat tilassa ”Toteutunut”")


def test_the_reports_title_and_a_changed_actions_text(mini_strategy: Strategy) -> None:
    assert realisation_title(mini_strategy) == "Testikunnan kuntastrategian 2026–2029 toteutuminen"

    def change(action_id: str, text: str = "") -> Change:
        return Change(action_id, "EK", "YMP", "status-changed", None, None, "Toteutunut", text)

    assert change_action_text(mini_strategy, change("EK-YMP-01")) == (
        "Katuvalot vaihdetaan LED-valoihin.")
    assert change_action_text(mini_strategy, change("EK-YMP-01", "Oma teksti.")) == "Oma teksti."
    assert change_action_text(mini_strategy, change("XX-99", "  ")) == NO_ACTION_TEXT
    assert change_action_text(mini_strategy, change("XX-99", "sana " * 40)).endswith("…")


def test_a_number_before_a_noun_in_the_genitive() -> None:
    assert [genitive_number(n) for n in (1, 6, 10)] == ["yhden", "kuuden", "kymmenen"]
    assert genitive_number(16) == "16"
    assert genitive_number(1800) == "1\u00a0800"
