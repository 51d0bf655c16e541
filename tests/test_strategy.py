"""The strategy loader: the built-in and the mini strategy load; broken files say where."""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from kemireport.cli import cli
from kemireport.core.names import shown_path
from kemireport.errors import StrategyError
from kemireport.strategy import Strategy, load_strategy

MINI = Path(__file__).parent / "data" / "mini-strategia.yaml"
MINI_TEXT = MINI.read_text(encoding="utf-8")


def line_of(text: str, fragment: str) -> int:
    """1-based line number of the only line containing ``fragment``."""
    found = [n for n, line in enumerate(text.splitlines(), start=1) if fragment in line]
    assert len(found) == 1, fragment
    return found[0]


def broken(tmp_path: Path, old: str, new: str) -> tuple[Path, str]:
    assert MINI_TEXT.count(old) == 1, old
    text = MINI_TEXT.replace(old, new)
    path = tmp_path / "strategia.yaml"
    path.write_text(text, encoding="utf-8")
    return path, text


def problems(path: Path) -> list[str]:
    with pytest.raises(StrategyError) as caught:
        load_strategy(path)
    return caught.value.problems


# -- what loads --------------------------------------------------------------------------------


def test_the_compiled_builtin_strategy_is_its_yaml(tmp_path: Path) -> None:
    """builtin_data.py is what tools/compile_strategy.py writes from the YAML today: after an
    edit of the YAML, run the tool (until then the loader parses the YAML itself)."""
    from kemireport.strategy import builtin_data
    from kemireport.strategy.loader import compiled_source, default_strategy_path

    text = default_strategy_path().read_text(encoding="utf-8")
    written = Path(builtin_data.__file__).read_text(encoding="utf-8")
    assert written == compiled_source(text), "aja: python tools/compile_strategy.py"
    copy = tmp_path / "kopio.yaml"  # not the built-in path: parsed from its YAML
    copy.write_text(text, encoding="utf-8")
    builtin = load_strategy()
    assert load_strategy(copy) == replace(builtin, source=shown_path(copy))


def test_the_compiled_data_is_used_only_for_the_text_it_came_from(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from kemireport.strategy import builtin_data, loader

    path = tmp_path / loader.DEFAULT_STRATEGY_FILE
    path.write_text(MINI_TEXT, encoding="utf-8")
    monkeypatch.setattr(loader, "default_strategy_path", lambda: path)
    assert load_strategy().id == "testikunta-2026-2029"  # another text: its own YAML
    # The compiled data of a text with a problem: the message still has the YAML's line.
    text = MINI_TEXT.replace("seed_name: ympäristö}", "seed_name: ympäristö, vari: 1}", 1)
    path.write_text(text, encoding="utf-8")
    monkeypatch.setattr(builtin_data, "DATA", loader._parse_yaml(text, "x")[1])
    monkeypatch.setattr(builtin_data, "SOURCE_SHA256",
                        hashlib.sha256(text.encode("utf-8")).hexdigest())
    monkeypatch.setattr(loader, "_parse_yaml", _counting(loader._parse_yaml, calls := []))
    with pytest.raises(StrategyError) as caught:
        load_strategy()
    assert calls == ["for the lines"]  # the data came compiled; only the lines from YAML
    assert caught.value.problems[0].startswith(f"rivi {line_of(text, 'vari: 1')}, ")


def test_the_compiled_data_serves_a_checkout_with_windows_line_endings(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from kemireport.strategy import builtin_data, loader

    text = loader.default_strategy_path().read_text(encoding="utf-8")
    path = tmp_path / loader.DEFAULT_STRATEGY_FILE
    path.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))  # git's autocrlf
    monkeypatch.setattr(loader, "default_strategy_path", lambda: path)
    node, data = loader._parse(path.read_bytes().decode("utf-8"), path, "x")
    assert node is None and data is builtin_data.DATA
    assert load_strategy().id == "kemi-2022-2025"


def _counting(function: Any, calls: list[str]) -> Any:
    def counted(*args: Any) -> Any:
        calls.append("for the lines")
        return function(*args)
    return counted


def test_mini_strategy_loads(mini_strategy: Strategy) -> None:
    assert mini_strategy.id == "testikunta-2026-2029"
    assert [g.name for g in mini_strategy.goals] == ["Elinvoimainen kunta",
                                                     "Hyvinvoivat asukkaat"]
    assert [d.code for d in mini_strategy.departments] == ["YMP", "HYV"]
    assert len(mini_strategy.actions) == 6
    assert mini_strategy.goal_by_name(" hyvinvoivat  KUNTALAISET ") == mini_strategy.goals[1]


def test_builtin_kemi_strategy_loads(kemi_strategy: Strategy) -> None:
    assert kemi_strategy.id == "kemi-2022-2025"
    assert kemi_strategy.organisation.startswith("Kemi")
    assert [d.code for d in kemi_strategy.departments] == ["YMP", "KV", "HYV", "PT", "EV"]
    assert [g.code for g in kemi_strategy.goals] == ["EK", "HK", "SA"]
    assert kemi_strategy.status_names == ("Toteutunut", "Etenee suunnitellusti", "Viivästynyt",
                                          "Ei käynnistynyt", "Keskeytetty")
    assert sorted(kemi_strategy.sdg) == list(range(1, 18))
    # Both names of the second goal are accepted.
    assert kemi_strategy.goal_by_name("Hyvinvoivat kuntalaiset") is not None
    assert kemi_strategy.goal_by_name("Hyvinvoivat asukkaat") is not None


@pytest.mark.parametrize("which", ["mini_strategy", "kemi_strategy"])
def test_tunnisteet_are_unique_and_well_formed(which: str,
                                               request: pytest.FixtureRequest) -> None:
    strategy: Strategy = request.getfixturevalue(which)
    counts = Counter(a.id for a in strategy.actions)
    assert [i for i, n in counts.items() if n > 1] == []
    for action in strategy.actions:
        assert action.id.startswith(f"{action.goal}-{action.department}-")
        for code in action.objectives:
            assert code in {o.code for o in strategy.goal(action.goal).objectives}


@pytest.mark.parametrize("which", ["mini_strategy", "kemi_strategy"])
def test_every_department_has_actions(which: str, request: pytest.FixtureRequest) -> None:
    strategy: Strategy = request.getfixturevalue(which)
    for dept in strategy.departments:
        assert strategy.actions_for(dept.code), dept.code


def test_kemi_every_department_reports_on_every_goal(kemi_strategy: Strategy) -> None:
    # The seed has a table for each of the 5 departments under each of the 3 goals.
    for dept in kemi_strategy.departments:
        for goal in kemi_strategy.goals:
            assert kemi_strategy.actions_for(dept.code, goal.code), (dept.code, goal.code)


def test_fingerprint_follows_the_department_text(mini_strategy: Strategy) -> None:
    assert mini_strategy.fingerprint("YMP") != mini_strategy.fingerprint("HYV")
    assert mini_strategy.fingerprint("YMP") == load_strategy(MINI).fingerprint("YMP")


# -- what does not, and where ---------------------------------------------------------------------


def test_unknown_key_is_reported_with_its_line(tmp_path: Path) -> None:
    path, text = broken(tmp_path, "    toimenpiteet: Katuvalot",
                        "    vari: punainen\n    toimenpiteet: Katuvalot")
    found = problems(path)
    assert len(found) == 1
    assert found[0].startswith(f"rivi {line_of(text, 'vari: punainen')}, actions[0].vari: "
                               "tuntematon avain 'vari' (sallitut: ")


def test_bad_reference_is_reported_with_its_line(tmp_path: Path) -> None:
    path, text = broken(tmp_path, "department: HYV\n    objectives: [EK-2]",
                        "department: XYZ\n    objectives: [EK-2]")
    assert (f"rivi {line_of(text, 'department: XYZ')}, actions[3].department: tuntematon "
            "toimiala 'XYZ' (tunnetut: HYV, YMP)") in problems(path)


def test_objective_of_another_goal_is_reported(tmp_path: Path) -> None:
    path, text = broken(tmp_path, "objectives: [HK-1]\n    toimenpiteet: Ulkoilu",
                        "objectives: [EK-1]\n    toimenpiteet: Ulkoilu")
    assert problems(path) == [
        f"rivi {line_of(text, 'toimenpiteet: Ulkoilu') - 1}, actions[2].objectives: "
        "tavoite EK-1 kuuluu päämäärään EK, ei päämäärään HK"
    ]


def test_duplicate_tunniste_is_reported(tmp_path: Path) -> None:
    path, text = broken(tmp_path, "id: EK-YMP-02", "id: EK-YMP-01")
    lines = [n for n, line in enumerate(text.splitlines(), start=1) if "id: EK-YMP-01" in line]
    assert problems(path) == [f"rivi {lines[1]}, actions[1].id: tunniste EK-YMP-01 on jo "
                              "käytössä"]


def test_every_problem_is_listed_at_once(tmp_path: Path) -> None:
    path, _ = broken(tmp_path, "  - {code: YMP, name: Ympäristötoimiala, seed_name: ympäristö}",
                     "  - {code: ymp, name: Ympäristötoimiala, vari: x}")
    found = problems(path)
    assert any("departments[0].vari: tuntematon avain" in p for p in found)
    assert any("departments[0].code: toimialan koodi on 1–5 isoa kirjainta" in p for p in found)
    assert all(p.startswith("rivi ") for p in found)


def test_broken_yaml_is_reported_with_line_and_column(tmp_path: Path) -> None:
    path, text = broken(tmp_path, "sdg: [7, 13]", "sdg: [7, 13")
    found = problems(path)
    assert len(found) == 1
    # The flow list runs on until the parser meets the next key, on the following line.
    assert found[0].startswith(f"rivi {line_of(text, 'sdg: [7, 13') + 1}, sarake ")
    assert "YAML-muoto on rikki" in found[0]


def test_missing_file_and_wrong_encoding(tmp_path: Path) -> None:
    assert problems(tmp_path / "ei-ole.yaml") == ["tiedostoa ei löydy"]
    latin = tmp_path / "latin1.yaml"
    latin.write_bytes(MINI_TEXT.encode("latin-1", errors="replace"))
    assert problems(latin)[0].startswith("tiedosto ei ole UTF-8-tekstiä")


def test_cli_rejects_an_invalid_strategy_file_in_finnish(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    path, text = broken(tmp_path, "department: HYV\n    objectives: [EK-2]",
                        "department: XYZ\n    objectives: [EK-2]")
    result = CliRunner().invoke(cli, ["--strategy", str(path), "templates", "--period",
                                      "2026-H1"])
    assert result.exit_code == 2
    assert f"Virhe: Strategiatiedosto {path} ei kelpaa (2 virhettä):" in result.output
    assert (f"  - rivi {line_of(text, 'department: XYZ')}, actions[3].department: tuntematon "
            "toimiala 'XYZ'") in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "templates").exists()


# -- SDG goals of whole tables ------------------------------------------------------------------

TABLES = """tables:
  - goal: EK
    department: YMP
    sdg: [13, 11, 13]
    notes: Kuvakkeet taulukon vieressä.
actions:"""


def with_tables(tmp_path: Path, tables: str = TABLES) -> tuple[Path, str]:
    return broken(tmp_path, "actions:", tables)


def test_a_file_without_tables_loads(mini_strategy: Strategy) -> None:
    assert "tables" not in MINI_TEXT
    assert mini_strategy.tables == ()
    assert mini_strategy.table_sdg("EK", "YMP") == ()
    action = mini_strategy.action("EK-YMP-02")
    assert action is not None and mini_strategy.strategy_sdg(action) == ()


def test_table_goals_apply_to_rows_without_their_own(tmp_path: Path) -> None:
    path, _ = with_tables(tmp_path)
    strategy = load_strategy(path)
    assert [(t.goal, t.department, t.sdg, t.notes) for t in strategy.tables] == [
        ("EK", "YMP", (11, 13), "Kuvakkeet taulukon vieressä.")]
    assert strategy.table_sdg("EK", "YMP") == (11, 13)
    assert strategy.table_sdg("HK", "YMP") == ()
    assert strategy.table_sdg("EK", "HYV") == ()
    own, plain, other = (strategy.action(i) for i in ("EK-YMP-01", "EK-YMP-02", "EK-HYV-01"))
    assert own is not None and plain is not None and other is not None
    assert strategy.strategy_sdg(own) == (7, 13)  # the row's own goals win
    assert strategy.strategy_sdg(plain) == (11, 13)  # none of its own: the table's
    assert strategy.strategy_sdg(other) == (4,)
    # The table's goals are answers, not locked text: the templates' fingerprint ignores them.
    assert strategy.fingerprint("YMP") == load_strategy(MINI).fingerprint("YMP")
    empty, _ = broken(tmp_path, "actions:", "tables: []\nactions:")
    assert load_strategy(empty).tables == ()


def test_bad_tables_are_reported_with_their_lines(tmp_path: Path) -> None:
    path, text = with_tables(tmp_path, """tables:
  - {goal: EK, department: YMP, sdg: [7]}
  - {goal: XX, department: YMP, sdg: [1]}
  - {goal: HK, department: ABC, sdg: [18, 2]}
  - {goal: EK, department: YMP, sdg: [13]}
  - {goal: HK, department: HYV, sdg: []}
  - {goal: EK, department: HYV, sdg: [3], vari: x}
  - {goal: HK, department: YMP}
actions:""")
    first = line_of(text, "tables:")
    lines = list(range(first + 1, first + 8))
    assert problems(path) == [
        f"rivi {lines[1]}, tables[1].goal: tuntematon päämäärä 'XX' (tunnetut: EK, HK)",
        f"rivi {lines[2]}, tables[2].department: tuntematon toimiala 'ABC' (tunnetut: HYV, YMP)",
        f"rivi {lines[2]}, tables[2].sdg: odotettiin luetteloa SDG-numeroita 1–17",
        f"rivi {lines[3]}, tables[3]: päämäärän EK ja toimialan YMP taulukko on jo annettu; "
        "yhdistä SDG-numerot yhteen kohtaan",
        f"rivi {lines[4]}, tables[4].sdg: anna vähintään yksi SDG-numero 1–17",
        f"rivi {lines[5]}, tables[5].vari: tuntematon avain 'vari' (sallitut: department, goal, "
        "notes, sdg)",
        f"rivi {lines[6]}, tables[6]: puuttuu pakollinen avain 'sdg'",
    ]


def test_a_table_without_actions_is_reported(tmp_path: Path) -> None:
    text = MINI_TEXT.split("  - id: HK-YMP-01")[0] + "  - id: EK-HYV-01" + \
        MINI_TEXT.split("  - id: EK-HYV-01")[1]  # YMP has no action under HK
    text = text.replace("actions:", "tables:\n  - {goal: HK, department: YMP, sdg: [3]}\n"
                        "actions:", 1)
    path = tmp_path / "strategia.yaml"
    path.write_text(text, encoding="utf-8")
    assert problems(path) == [
        f"rivi {line_of(text, 'goal: HK, department: YMP')}, tables[0]: toimialalla YMP ei ole "
        "toimenpiteitä päämäärän HK alla, joten taulukon SDG-tavoitteet eivät koskisi mitään "
        "riviä"]


def test_kemi_sdg_goals_as_the_strategy_gives_them(kemi_strategy: Strategy) -> None:
    assert [(t.goal, t.department) for t in kemi_strategy.tables] == [("HK", "PT")]
    table = (1, 2, 3, 4, 5, 8, 10, 11, 16, 17)
    assert kemi_strategy.table_sdg("HK", "PT") == table
    printed_row = (3, 6, 7, 8, 9, 11, 12, 13, 14, 15)
    given = {a.id: kemi_strategy.strategy_sdg(a) for a in kemi_strategy.actions
             if kemi_strategy.strategy_sdg(a)}
    assert given == {**{f"HK-PT-0{n}": table for n in range(1, 6)},
                     **{f"EK-EV-{n:02}": printed_row for n in range(7, 11)}}
    assert all(a.sdg == () for a in kemi_strategy.actions_for("PT", "HK"))
