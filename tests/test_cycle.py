"""The half-year cycle end to end, as a coordinator runs it in a working folder.

templates → departments fill → run (two periods) → reports with changes → carried-forward
templates for the next period → a carried text returned unchanged is flagged.
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from builders import fill_template
from click.testing import CliRunner
from openpyxl import load_workbook

from kemireport.cli import cli
from kemireport.core.period import Period
from kemireport.history.store import HistoryStore

MINI = Path(__file__).parent / "data" / "mini-strategia.yaml"
YMP = "Ympäristötoimiala"
HYV = "Hyvinvointitoimiala"


def _invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def _return(period: str, department: str, answers: dict[str, dict[str, object]]) -> Path:
    template = Path("templates") / period / f"{period}_{department}.xlsx"
    target = Path("input") / period / f"{department} palautus.xlsx"
    target.parent.mkdir(parents=True, exist_ok=True)
    return fill_template(template, answers, target)


def _answers(status: str, text: str, ids: list[str]) -> dict[str, dict[str, object]]:
    return {i: {"Tila": status, "Toteuma": f"{text} ({i})."} for i in ids}


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "Seuranta ä"
    code, output = _invoke("--strategy", str(MINI), "init", str(folder))
    assert code == 0, output
    monkeypatch.chdir(folder)
    return folder


def test_two_periods_then_carry_forward(workdir: Path) -> None:
    ymp_ids, hyv_ids = ["EK-YMP-01", "EK-YMP-02", "HK-YMP-01"], ["EK-HYV-01", "HK-HYV-01",
                                                                   "HK-HYV-02"]
    # 2026-H1: the environment department reports, the wellbeing department is late.
    assert _invoke("templates", "--period", "2026-H1")[0] == 0
    _return("2026-H1", YMP, _answers("Etenee suunnitellusti", "Suunnittelu alkoi", ymp_ids))
    # 2026-H2: both report; one action completed, one delayed.
    assert _invoke("templates", "--period", "2026-H2")[0] == 0
    h2 = _answers("Etenee suunnitellusti", "Työ jatkui", ymp_ids)
    h2["EK-YMP-01"] = {"Tila": "Toteutunut", "Toteuma": "Kaikki katuvalot vaihdettiin."}
    h2["HK-YMP-01"] = {"Tila": "Viivästynyt", "Toteuma": "Urakoitsijan konkurssi viivästytti.",
                       "Poikkeaman syy ja korjaavat toimenpiteet": "Urakoitsija meni "
                       "konkurssiin; työ kilpailutetaan uudelleen syksyllä.",
                       "Uusi aikataulu": "6/2027"}
    _return("2026-H2", YMP, h2)
    _return("2026-H2", HYV, _answers("Etenee suunnitellusti", "Ryhmät alkoivat", hyv_ids))

    code, output = _invoke("run")
    assert code == 0, output
    assert "Aiempi seurantakausi 1.1.–30.6.2026 (2026-H1) koottiin ensin historiaan." in output
    assert "Kaikki palautukset ovat kunnossa." in output
    for period in ("2026-H1", "2026-H2"):
        for name in ("strategiaseuranta.xlsx", "strategiaseuranta.docx", "toimenpiteet.csv"):
            assert (workdir / "output" / period / f"{period}_{name}").is_file()

    with HistoryStore(workdir / "output" / "kemireport.sqlite") as store:
        assert [p.id for p in store.periods()] == ["2026-H1", "2026-H2"]
        previous, changes = store.changes(Period.parse("2026-H2"))
    assert previous == Period.parse("2026-H1")
    moved = {(c.action_id, c.kind, c.previous_status, c.status) for c in changes
             if c.kind != "unchanged"}
    assert moved == {
        ("EK-YMP-01", "status-changed", "Etenee suunnitellusti", "Toteutunut"),
        ("HK-YMP-01", "status-changed", "Etenee suunnitellusti", "Viivästynyt"),
        ("EK-HYV-01", "new-report", None, "Etenee suunnitellusti"),
        ("HK-HYV-01", "new-report", None, "Etenee suunnitellusti"),
        ("HK-HYV-02", "new-report", None, "Etenee suunnitellusti"),
    }
    sheet = load_workbook(workdir / "output" / "2026-H2" / "2026-H2_strategiaseuranta.xlsx",
                          read_only=True)["Muutokset"]
    listed = {str(v) for row in sheet.iter_rows(values_only=True) for v in row if v}
    assert {"EK-YMP-01", "HK-YMP-01", "EK-HYV-01"} <= listed
    assert "EK-YMP-02" not in listed  # unchanged actions are not listed as changes
    with zipfile.ZipFile(workdir / "output" / "2026-H2" / "2026-H2_strategiaseuranta.docx") as z:
        document = z.read("word/document.xml").decode("utf-8")
    assert "Urakoitsijan konkurssi viivästytti." in document

    # 2027-H1 templates carry the 2026-H2 answers forward.
    code, output = _invoke("templates", "--period", "2027-H1", "--from", "2026-H2")
    assert code == 0, output
    assert ("Esitäytetty seurantakauden 1.7.–31.12.2026 (2026-H2) vastauksilla: kuusi "
            "toimenpidettä.") in output
    carried = workdir / "templates" / "2027-H1" / f"2027-H1_{YMP}.xlsx"
    workbook = load_workbook(carried)
    rows = {r[0]: r for r in workbook["Elinvoimainen kunta"].iter_rows(values_only=True)}
    assert rows["EK-YMP-01"][5:7] == ("Toteutunut", "Kaikki katuvalot vaihdettiin.")
    identity = dict(workbook["kemireport"].iter_rows(values_only=True))
    assert identity["edellinen_kausi"] == "2026-H2"

    # A department returns the carried workbook without touching the text: flagged.
    target = workdir / "input" / "2027-H1" / "ymp.xlsx"
    target.parent.mkdir(parents=True)
    shutil.copyfile(carried, target)
    code, output = _invoke("validate", "--format", "json")
    assert code == 1  # the wellbeing department has not returned
    assert '"code": "toteuma-unchanged"' in output
    assert '"row_id": "EK-YMP-01"' in output


def test_carry_from_a_period_not_in_history_is_a_usage_error(workdir: Path) -> None:
    code, output = _invoke("templates", "--period", "2027-H1", "--from", "2026-H2")
    assert code == 2
    assert "Historiatietokantaa" in output and "Aja ensin komento kemireport report" in output
