"""The invented example data in ``input/``: made by ``tools/make_example_data.py``, and it tells
the intended story (spring: a late department and a return with errors; autumn: all clean)."""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from kemireport.checks.meaning import is_placeholder, parse_sdg
from kemireport.checks.validation import validate_folder
from kemireport.core.period import Period
from kemireport.strategy import Strategy

ROOT = Path(__file__).resolve().parents[1]
INPUT = ROOT / "input"
TOOL = ROOT / "tools" / "make_example_data.py"


@pytest.fixture(scope="module")
def tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_example_data", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up while being made
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def data(tool: ModuleType, kemi_strategy: Strategy) -> Any:
    return tool.load_example_data(kemi_strategy)


@pytest.fixture(scope="module")
def built(tool: ModuleType, kemi_strategy: Strategy, data: Any,
          tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("esimerkki")
    tool.build_examples(kemi_strategy, data, out)
    return out


def _contents(path: Path) -> dict[str, Any]:
    """What a person sees in a workbook: sheets, their state, every cell value, the properties."""
    from openpyxl import load_workbook

    workbook = load_workbook(path)
    props = workbook.properties
    return {
        "sheets": [(s.title, s.sheet_state, bool(s.protection.sheet)) for s in workbook.worksheets],
        "cells": {s.title: list(s.iter_rows(values_only=True)) for s in workbook.worksheets},
        "properties": (props.title, props.subject, props.creator, props.lastModifiedBy,
                       props.created, props.modified),
    }


def _xlsx(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob("*.xlsx"))


def test_committed_examples_are_what_the_script_makes(data: Any, built: Path) -> None:
    for plan in data.periods:
        period = plan.period.id
        expected = sorted(r.file for r in plan.returns)
        assert _xlsx(INPUT / period) == _xlsx(built / period) == expected
        for name in _xlsx(built / period):
            assert _contents(INPUT / period / name) == _contents(built / period / name), (
                f"input/{period}/{name} ei vastaa skriptin tulosta: aja "
                "python tools/make_example_data.py")


def test_the_script_makes_byte_identical_files(tool: ModuleType, kemi_strategy: Strategy,
                                               data: Any, built: Path, tmp_path: Path) -> None:
    tool.build_examples(kemi_strategy, data, tmp_path)
    files = sorted(p.relative_to(built) for p in built.rglob("*.xlsx"))
    assert files == sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*.xlsx"))
    for name in files:
        assert (built / name).read_bytes() == (tmp_path / name).read_bytes(), name


def test_workbooks_say_they_are_invented(built: Path) -> None:
    for path in built.rglob("*.xlsx"):
        title, subject, *_ = _contents(path)["properties"]
        assert title.startswith("KEKSITTY ESIMERKKIAINEISTO: Kemin kaupunkistrategia 2022–2025")
        assert subject.startswith("KEKSITTY ESIMERKKIAINEISTO")


def test_every_action_has_a_clean_answer_for_h2(kemi_strategy: Strategy, data: Any) -> None:
    answers = data.answers_for("2025-H2")
    assert sorted(answers) == sorted(a.id for a in kemi_strategy.actions)
    for action_id, answer in answers.items():
        assert answer.tila in kemi_strategy.status_names, action_id
        assert not is_placeholder(answer.toteuma), action_id
        assert answer.sdg is None or parse_sdg(str(answer.sdg)) is not None, action_id


def test_the_story_of_the_statuses(kemi_strategy: Strategy, data: Any) -> None:
    spring, autumn = data.answers_for("2025-H1"), data.answers_for("2025-H2")
    # Perusturvatoimiala did not return in spring; everyone else answered every row.
    assert [r.department for r in data.periods[0].returns] == ["YMP", "KV", "HYV", "EV"]
    assert sorted(spring) == sorted(a.id for a in kemi_strategy.actions if a.department != "PT")
    # The strategy's last year: the whole scale is used, and many statuses moved.
    assert set(Counter(a.tila for a in autumn.values())) == set(kemi_strategy.status_names)
    changed = [i for i in spring if spring[i].tila != autumn[i].tila]
    assert len(changed) >= len(spring) // 2
    assert {spring[i].toteuma for i in spring}.isdisjoint(autumn[i].toteuma for i in spring)


def test_validation_finds_exactly_the_planted_problems(kemi_strategy: Strategy) -> None:
    spring = validate_folder(kemi_strategy, Period.parse("2025-H1"), INPUT / "2025-H1").verdict
    found = sorted((f.code, f.department, f.sheet, f.cell, f.row_id) for f in spring.findings)
    assert found == [
        ("deviation-unexplained", "EV", "Elinvoimainen kaupunki", "I15", "EK-EV-11"),
        ("missing-department", "PT", None, None, None),
        ("sdg-invalid", "EV", "Elinvoimainen kaupunki", "H7", "EK-EV-03"),
        ("status-invalid", "EV", "Elinvoimainen kaupunki", "F12", "EK-EV-08"),
        ("status-missing", "EV", "Hyvinvoivat kuntalaiset", "F12", "HK-EV-08"),
        ("toteuma-missing", "EV", "Elinvoimainen kaupunki", "G13", "EK-EV-09"),
    ]
    autumn = validate_folder(kemi_strategy, Period.parse("2025-H2"), INPUT / "2025-H2").verdict
    # Valid, with one warning: the wellbeing department's return was sent unsigned.
    assert [(f.code, f.severity, f.department, f.sheet, f.cell) for f in autumn.findings] == [
        ("approval-missing", "warning", "HYV", "Ohjeet", "B9")]
    assert autumn.valid


def test_every_deviation_is_explained_but_the_planted_one(kemi_strategy: Strategy,
                                                         data: Any) -> None:
    deviations = set(kemi_strategy.deviation_statuses)
    unexplained = sorted(
        (action_id, period) for action_id, by_period in data.answers.items()
        for period, answer in by_period.items()
        if answer.tila in deviations and not answer.poikkeama)
    assert unexplained == [("EK-EV-11", "2025-H1")]


def test_every_return_is_signed_but_one(data: Any) -> None:
    unsigned = [(plan.period.id, r.department) for plan in data.periods for r in plan.returns
                if not r.approver or r.approved is None]
    assert unsigned == [("2025-H2", "HYV")]
    assert all(plan.katsaus.strip() for plan in data.periods)
