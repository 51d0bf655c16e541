"""The invented example data in ``input/``: made by ``tools/make_example_data.py``, and it tells
the intended story across the strategy period, 2022-H2 … 2025-H2: actions move towards
Toteutunut, some are delayed for long or stopped, one department is late twice, one return has
errors (2025-H1) and the last period is clean but for one unsigned return."""

from __future__ import annotations

import importlib.util
import re
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
from kemireport.templates.contract import INDICATOR_SHEET

ROOT = Path(__file__).resolve().parents[1]
INPUT = ROOT / "input"
TOOL = ROOT / "tools" / "make_example_data.py"
PERIODS = ("2022-H2", "2023-H1", "2023-H2", "2024-H1", "2024-H2", "2025-H1", "2025-H2")
DEVIATIONS = ("Viivästynyt", "Ei käynnistynyt", "Keskeytetty")


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


def _status(data: Any, action_id: str) -> list[str | None]:
    """The action's Tila in every period, oldest first (None: its department did not return)."""
    by_period = data.answers[action_id]
    return [by_period[p].tila if p in by_period else None for p in PERIODS]


def _longest_deviation_run(statuses: list[str | None]) -> int:
    """Consecutive returned periods in a deviation state (a missing return does not count)."""
    longest = run = 0
    for status in statuses:
        if status is None:
            continue
        run = run + 1 if status in DEVIATIONS else 0
        longest = max(longest, run)
    return longest


def test_every_action_has_a_clean_answer_for_h2(kemi_strategy: Strategy, data: Any) -> None:
    answers = data.answers_for("2025-H2")
    assert sorted(answers) == sorted(a.id for a in kemi_strategy.actions)
    for action_id, answer in answers.items():
        assert answer.tila in kemi_strategy.status_names, action_id
        assert not is_placeholder(answer.toteuma), action_id
        assert answer.sdg is None or parse_sdg(str(answer.sdg)) is not None, action_id


def test_the_history_covers_the_strategy_period(kemi_strategy: Strategy, data: Any) -> None:
    assert tuple(plan.period.id for plan in data.periods) == PERIODS
    # Every department returned every half-year but two late ones: wellbeing in spring 2024
    # and basic services in spring 2025.
    returned = {(plan.period.id, r.department) for plan in data.periods for r in plan.returns}
    late = sorted((p, d.code) for p in PERIODS for d in kemi_strategy.departments
                  if (p, d.code) not in returned)
    assert late == [("2024-H1", "HYV"), ("2025-H1", "PT")]
    # A returned department answered every one of its rows; nobody else answered.
    for period in PERIODS:
        expected = sorted(a.id for a in kemi_strategy.actions if (period, a.department) in returned)
        assert sorted(data.answers_for(period)) == expected, period
    # The earlier periods are whole: clean statuses and real Toteuma texts on every row.
    for period in PERIODS[:5]:
        for action_id, answer in data.answers_for(period).items():
            assert answer.tila in kemi_strategy.status_names, (action_id, period)
            assert not is_placeholder(answer.toteuma), (action_id, period)
            assert answer.sdg is None or parse_sdg(str(answer.sdg)) is not None, action_id


def test_the_story_of_the_statuses(kemi_strategy: Strategy, data: Any) -> None:
    spring, autumn = data.answers_for("2025-H1"), data.answers_for("2025-H2")
    # The strategy's last year: the whole scale is used, and many statuses moved.
    assert set(Counter(a.tila for a in autumn.values())) == set(kemi_strategy.status_names)
    changed = [i for i in spring if spring[i].tila != autumn[i].tila]
    assert len(changed) >= len(spring) // 2
    # Across the period, actions move towards Toteutunut and fewer are left unstarted.
    done = [sum(a.tila == "Toteutunut" for a in data.answers_for(p).values()) for p in PERIODS]
    assert done[0] < done[4] < done[6] and done[6] > len(kemi_strategy.actions) // 2
    unstarted = [sum(a.tila == "Ei käynnistynyt" for a in data.answers_for(p).values())
                 for p in PERIODS]
    assert unstarted[0] >= 5 and unstarted[-1] == 1
    # Long delays: the swimming hall, the booking system, the housing plans and the work with
    # associations are each in a deviation state for two or more periods in a row.
    for action_id in ("SA-YMP-03", "SA-HYV-04", "EK-YMP-05", "HK-YMP-04", "HK-KV-04"):
        assert _longest_deviation_run(_status(data, action_id)) >= 2, action_id
    # The work with associations never starts; cultural entrepreneurship starts only in 2025.
    assert _status(data, "HK-YMP-04") == ["Ei käynnistynyt"] * 7
    assert _status(data, "EK-HYV-04") == [
        "Ei käynnistynyt", "Ei käynnistynyt", "Ei käynnistynyt", None, "Ei käynnistynyt",
        "Ei käynnistynyt", "Etenee suunnitellusti"]
    # Stopped on the way and restarted: family work after the wellbeing services county began,
    # and the work with entrepreneurs' associations after its project ended.
    assert _status(data, "HK-PT-01")[1:4] == ["Keskeytetty", "Keskeytetty",
                                              "Etenee suunnitellusti"]
    assert _status(data, "HK-EV-08")[3:5] == ["Keskeytetty", "Viivästynyt"]
    # Every action tells something new every period.
    for action_id, by_period in data.answers.items():
        texts = [answer.toteuma for answer in by_period.values()]
        assert len(set(texts)) == len(texts), action_id


def test_validation_finds_exactly_the_planted_problems(kemi_strategy: Strategy) -> None:
    expected: dict[str, list[tuple[str | None, ...]]] = {
        "2022-H2": [],
        # Sent unsigned: the head of basic services had retired and the successor not begun.
        "2023-H1": [("approval-missing", "warning", "PT", "Ohjeet", "B9", None)],
        "2023-H2": [],
        # Wellbeing did not return; economic development left one indicator value empty.
        "2024-H1": [
            ("indicator-missing", "warning", "EV", INDICATOR_SHEET, "H5", "EK-EV-04"),
            ("missing-department", "error", "HYV", None, None, None),
        ],
        "2024-H2": [],
        "2025-H1": [
            ("deviation-unexplained", "error", "EV", "Elinvoimainen kaupunki", "I15", "EK-EV-11"),
            ("missing-department", "error", "PT", None, None, None),
            ("sdg-invalid", "error", "EV", "Elinvoimainen kaupunki", "H7", "EK-EV-03"),
            ("status-invalid", "error", "EV", "Elinvoimainen kaupunki", "F12", "EK-EV-08"),
            ("status-missing", "error", "EV", "Hyvinvoivat kuntalaiset", "F12", "HK-EV-08"),
            ("toteuma-missing", "error", "EV", "Elinvoimainen kaupunki", "G13", "EK-EV-09"),
        ],
        # Valid, with one warning: the wellbeing department's return was sent unsigned.
        "2025-H2": [("approval-missing", "warning", "HYV", "Ohjeet", "B9", None)],
    }
    assert tuple(expected) == PERIODS
    for period, findings in expected.items():
        verdict = validate_folder(kemi_strategy, Period.parse(period), INPUT / period).verdict
        found = sorted(((f.code, f.severity, f.department, f.sheet, f.cell, f.row_id)
                        for f in verdict.findings), key=str)
        assert found == sorted(findings, key=str), period
        assert verdict.valid == (period not in ("2024-H1", "2025-H1")), period


def test_every_deviation_is_explained_but_the_planted_one(kemi_strategy: Strategy,
                                                         data: Any) -> None:
    deviations = set(kemi_strategy.deviation_statuses)
    unexplained = sorted(
        (action_id, period) for action_id, by_period in data.answers.items()
        for period, answer in by_period.items()
        if answer.tila in deviations and not (answer.poikkeama and answer.uusi_aikataulu))
    assert unexplained == [("EK-EV-11", "2025-H1")]


def test_every_return_is_signed_but_two(data: Any) -> None:
    unsigned = [(plan.period.id, r.department) for plan in data.periods for r in plan.returns
                if not r.approver or r.approved is None]
    assert unsigned == [("2023-H1", "PT"), ("2025-H2", "HYV")]
    assert all(plan.katsaus.strip() for plan in data.periods)


def test_indicator_values_in_every_returned_period(kemi_strategy: Strategy, data: Any) -> None:
    returned = {(plan.period.id, r.department) for plan in data.periods for r in plan.returns}
    for indicator in kemi_strategy.indicators:
        department = kemi_strategy.action(indicator.action).department
        expected = [p for p in PERIODS if (p, department) in returned]
        assert list(data.indicators.get(indicator.id, {})) == expected, indicator.id
    empty = [(i, p) for i, by_period in data.indicators.items()
             for p, reading in by_period.items() if reading.arvo is None]
    assert empty == [("EK-EV-04-M1", "2024-H1")]
    assert all(r.lahde for by_period in data.indicators.values() for r in by_period.values())


def _fi(value: float) -> str:
    return f"{value:.1f}".replace(".", ",") if isinstance(value, float) else f"{value:,}".replace(
        ",", " ")


@pytest.mark.parametrize("indicator_id", [
    "EK-YMP-07-M1", "HK-YMP-03-M1", "SA-PT-03-M1", "EK-EV-04-M2", "EK-EV-05-M1", "EK-EV-11-M1",
    "HK-EV-01-M1", "HK-EV-04-M1", "EK-HYV-05-M1", "EK-EV-07-M1", "EK-EV-10-M1"])
def test_indicator_values_agree_with_the_toteuma_texts(data: Any, indicator_id: str) -> None:
    """Where the department's text gives the indicator's number, it is the same number."""
    action_id = indicator_id.rsplit("-M", 1)[0]
    for period, reading in data.indicators[indicator_id].items():
        assert reading.arvo is not None
        assert _fi(reading.arvo) in data.answers[action_id][period].toteuma, (indicator_id, period)


# Published once a year, about a year and a half late: the value is the latest year's figure.
ANNUAL = ("EK-YMP-01-M1",)


def _period_end(period: str) -> re.Pattern[str]:
    """The half-year itself (``7–12/2024``) or its last month (``12/2024``), never a span that
    starts earlier in the year (``1–12/2024``, ``1–10/2024``) or a year's total."""
    year, half = period.split("-H")
    months = "1–6|6" if half == "1" else "7–12|12"
    return re.compile(rf"(?<![\d–])(?:{months})/{year}(?!\d)")


def test_every_value_covers_its_own_half_year(data: Any) -> None:
    """Consecutive values compare like with like: a count is the half-year's own (H2 is
    July–December, not the year so far) and a level is the one at the period's end, and the
    source cell says which."""
    for indicator_id, by_period in data.indicators.items():
        if indicator_id in ANNUAL:
            continue
        for period, reading in by_period.items():
            if reading.arvo is None:
                continue
            assert _period_end(period).search(reading.lahde), (indicator_id, period, reading.lahde)
            assert "koko vuosi" not in reading.lahde, (indicator_id, period)


def test_the_story_of_the_indicators(kemi_strategy: Strategy, data: Any) -> None:
    """Most indicators end the strategy period better than they began it; three do not. The
    domestic overnight stays, once a zig-zag of year-to-date and spring figures, grow every
    half-year."""
    worse = []
    for indicator in kemi_strategy.indicators:
        values = [r.arvo for r in data.indicators[indicator.id].values() if r.arvo is not None]
        change = values[-1] - values[0]
        assert change != 0, indicator.id
        if (change > 0) != (indicator.direction == "up"):
            worse.append(indicator.id)
    assert worse == ["EK-KV-01-M1", "EK-HYV-04-M1", "EK-EV-04-M1"]
    for indicator_id in ("EK-EV-10-M1", "HK-EV-04-M1"):
        values = [r.arvo for r in data.indicators[indicator_id].values()]
        assert values == sorted(values) and len(set(values)) == len(values), indicator_id
