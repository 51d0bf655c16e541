"""`kemireport init`: a new working folder a coordinator can start from."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from kemireport.cli import cli
from kemireport.core.settings import load_settings
from kemireport.strategy import load_strategy


def test_init_creates_a_working_folder(tmp_path: Path) -> None:
    target = tmp_path / "Strategiaseuranta Kemi ä"
    result = CliRunner().invoke(cli, ["init", str(target)])
    assert result.exit_code == 0, result.output
    assert f"Työkansio luotu: {target}" in result.output
    for name in ("templates", "input", "output"):
        assert (target / name).is_dir()
    settings = load_settings(target)
    assert settings.strategy == Path("strategia.yaml")
    strategy = load_strategy(settings.path(settings.strategy))
    assert strategy.id == "kemi-2022-2025"


def test_init_refuses_to_overwrite_settings(tmp_path: Path) -> None:
    (tmp_path / "kemireport.toml").write_text('organisation = "Oma"\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["init", str(tmp_path)])
    assert result.exit_code == 2
    assert "on jo asetustiedosto kemireport.toml; en korvaa sitä" in result.output
    assert (tmp_path / "kemireport.toml").read_text(encoding="utf-8") == 'organisation = "Oma"\n'


def test_init_with_another_strategy(tmp_path: Path) -> None:
    mini = Path(__file__).parent / "data" / "mini-strategia.yaml"
    result = CliRunner().invoke(cli, ["--strategy", str(mini), "init", str(tmp_path / "t")])
    assert result.exit_code == 0, result.output
    assert load_strategy(tmp_path / "t" / "strategia.yaml").id == "testikunta-2026-2029"


def test_unknown_setting_is_an_error_naming_the_key(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "kemireport.toml").write_text('organisaatio = "Kemi"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["templates", "--period", "2025-H1"])
    assert result.exit_code == 2
    assert "tuntematon asetus: organisaatio" in result.output


def test_init_gives_an_overview_example_that_checks_clean(tmp_path: Path) -> None:
    import datetime

    from kemireport.checks.overview import check_overview
    from kemireport.cycle.init import OVERVIEW_EXAMPLE, init_folder
    from kemireport.reading.overview import Overview, parse_overview
    from kemireport.strategy import load_strategy

    lines = init_folder(tmp_path / "kansio", today=datetime.date(2026, 11, 30))
    assert lines[-1].endswith("kemireport templates --period 2026-H2")  # the current one
    text = (tmp_path / "kansio" / OVERVIEW_EXAMPLE).read_text(encoding="utf-8")
    strategy = load_strategy()
    placed, findings = check_overview(strategy, Overview("katsaus.md", parse_overview(text)))
    assert findings == []
    assert placed.general and all(placed.for_goal(g.code) for g in strategy.goals)
