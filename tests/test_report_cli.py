"""``kemireport report`` end to end: real templates, filled, read back and reported."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from pathlib import Path

import openpyxl
import pytest
from builders import fill_template
from click.testing import CliRunner

from kemireport.cli import cli
from kemireport.core.period import Period
from kemireport.core.settings import Settings
from kemireport.cycle.half_year import build_reports
from kemireport.cycle.workspace import Workspace, report_names
from kemireport.strategy import Strategy
from kemireport.templates.workbook import template_filenames, write_templates

MINI = Path(__file__).parent / "data" / "mini-strategia.yaml"

DONE = {"Tila": "Toteutunut", "Toteuma": "Tehtiin suunnitellusti."}


def _returns(tmp_path: Path, strategy: Strategy, period: str,
             answers: dict[str, dict[str, dict[str, object]]]) -> Path:
    """Templates of ``period`` filled per department code; the departments not named are
    left out (no return)."""
    the_period = Period.parse(period)
    write_templates(strategy, the_period, tmp_path / "templates",
                    settings=Settings(root=tmp_path))
    folder = tmp_path / "input" / period
    folder.mkdir(parents=True)
    for code, name in template_filenames(the_period, strategy.departments).items():
        if code in answers:
            fill_template(tmp_path / "templates" / period / name, answers[code], folder / name)
    return folder


def _all(strategy: Strategy, department: str, **override: Mapping[str, object]
         ) -> dict[str, dict[str, object]]:
    return {a.id: {**DONE, **override.get(a.id, {})} for a in strategy.actions_for(department)}


def test_report_command_writes_everything_and_exit_codes(
        tmp_path: Path, mini_strategy: Strategy, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    first = _returns(tmp_path, mini_strategy, "2025-H2",
                     {"YMP": _all(mini_strategy, "YMP"), "HYV": _all(mini_strategy, "HYV")})
    out = tmp_path / "output"
    runner = CliRunner()
    result = runner.invoke(cli, ["--strategy", str(MINI), "report", str(first), "--output",
                                 str(out)])
    assert result.exit_code == 0, result.output
    folder = out / "2025-H2"
    for name in report_names(Period.parse("2025-H2")).all():
        assert (folder / name).is_file(), result.output
        assert str(folder / name) in result.output
    assert (out / "kemireport.sqlite").is_file()
    assert "edellistä seurantakautta ei ole vertailtavaksi" in result.output

    # The next half-year: HYV did not return, YMP's first action was delayed.
    second = _returns(tmp_path, mini_strategy, "2026-H1", {"YMP": _all(
        mini_strategy, "YMP", **{"EK-YMP-01": {"Tila": "Viivästynyt"}})})
    result = runner.invoke(cli, ["--strategy", str(MINI), "report", str(second), "--output",
                                 str(out)])
    assert result.exit_code == 1, result.output
    assert "missing-department" in result.output
    names = report_names(Period.parse("2026-H1"))
    for name in names.all():
        assert (out / "2026-H1" / name).is_file()
    assert "verrattu seurantakauteen 2025-H2: neljä muutosta" in result.output

    book = openpyxl.load_workbook(out / "2026-H1" / names.xlsx)
    moved = [[c.value for c in row][:5] for row in book["Muutokset"].iter_rows(min_row=5)]
    assert [(row[0], row[4]) for row in moved] == [
        ("EK-YMP-01", "Tila muuttui"), ("EK-HYV-01", "Ei raportoitu nyt"),
        ("HK-HYV-01", "Ei raportoitu nyt"), ("HK-HYV-02", "Ei raportoitu nyt")]
    conn = sqlite3.connect(out / "kemireport.sqlite")
    assert conn.execute("SELECT id, valid FROM periods ORDER BY id").fetchall() == [
        ("2025-H2", 1), ("2026-H1", 0)]
    conn.close()


def test_build_reports_rerun_keeps_the_history_size(tmp_path: Path,
                                                    mini_strategy: Strategy) -> None:
    folder = _returns(tmp_path, mini_strategy, "2026-H1", {
        "YMP": _all(mini_strategy, "YMP", **{"EK-YMP-02": {"Toteuma": "-"}}),
        "HYV": _all(mini_strategy, "HYV")})
    out = tmp_path / "output"
    workspace = Workspace.of(Settings(root=tmp_path), output=out)
    period = Period.parse("2026-H1")
    first = build_reports(mini_strategy, period, folder, workspace)
    assert not first.verdict.valid
    assert [r.state for r in first.consolidation.records].count("incomplete") == 1
    assert any(p.parent.name == "palaute" for p in first.outputs)
    conn = sqlite3.connect(out / "kemireport.sqlite")
    counts = [conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("periods", "files", "submissions", "action_reports", "findings")]
    conn.close()
    assert counts[0] == 1 and counts[3] == 6

    build_reports(mini_strategy, period, folder, workspace)
    conn = sqlite3.connect(out / "kemireport.sqlite")
    again = [conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
             for t in ("periods", "files", "submissions", "action_reports", "findings")]
    conn.close()
    assert again == counts
    # Nothing but the reports, the feedback folder and the database: no temporary leftovers.
    assert sorted(p.name for p in (out / "2026-H1").iterdir()) == sorted(
        [*(p.name for p in report_names(period).all()), "palaute"])
    assert sorted(p.name for p in out.iterdir()) == ["2026-H1", "kemireport.sqlite"]
