"""The view across the strategy period: trajectories, goal counts per period, indicators, the
final report's facts, the ``summary`` command and the period outside the strategy's years."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest
from builders_report import department_return, statuses, validation
from click.testing import CliRunner
from docx import Document

from kemireport.cli import cli
from kemireport.core.period import Period
from kemireport.history.consolidate import consolidate
from kemireport.history.store import HistoryStore
from kemireport.history.trends import Trends
from kemireport.outputs.progress import NOT_REPORTED, progress_of
from kemireport.strategy import Strategy

MINI = Path(__file__).parent / "data" / "mini-strategia.yaml"
P = [Period.parse(p) for p in ("2025-H1", "2025-H2", "2026-H1", "2026-H2")]


def _trends(strategy: Strategy, by_period: list[Mapping[str, str | None]],
            readings: Mapping[str, list[float | None]] | None = None) -> Trends:
    periods = tuple(P[:len(by_period)])
    return Trends(
        periods,
        {p: {a.id: moves.get(a.id, "Etenee suunnitellusti") for a in strategy.actions}
         for p, moves in zip(periods, by_period, strict=True)},
        {i: dict(zip(periods, values, strict=True)) for i, values in (readings or {}).items()})


def test_a_trajectory_names_each_run_of_the_same_status(mini_strategy: Strategy) -> None:
    progress = progress_of(mini_strategy, _trends(mini_strategy, [
        {"EK-YMP-01": "Viivästynyt"}, {"EK-YMP-01": "Viivästynyt"}, {"EK-YMP-01": None},
        {"EK-YMP-01": "Toteutunut", "EK-YMP-02": "Toteutunut"}]))
    ymp = next(t for t in progress.trajectories if t.action.id == "EK-YMP-01")
    assert ymp.text == "Viivästynyt (2 seurantakautta) → Ei raportoitu → Toteutunut"
    assert ymp.last == "Toteutunut" and ymp.last_period == P[3] and ymp.changed
    assert [(r.status, r.span) for r in ymp.runs] == [
        ("Viivästynyt", "1–6/2025 – 7–12/2025"), (None, "1–6/2026"), ("Toteutunut", "7–12/2026")]
    other = next(t for t in progress.trajectories if t.action.id == "HK-YMP-01")
    assert other.text == "Etenee suunnitellusti (4 seurantakautta)" and not other.changed
    # Long deviations: two periods in a row or more; what continues: not completed.
    assert [(t.action.id, run.length) for t, run in progress.long_deviations()] == [
        ("EK-YMP-01", 2)]
    assert {t.action.id for t in progress.continuing()} == {
        a.id for a in mini_strategy.actions} - {"EK-YMP-01", "EK-YMP-02"}
    assert progress.final_counts(progress.trajectories) == (2, 4, 0, 0, 0, 0)
    # Each goal's counts per period, in the scale's order then "Ei raportoitu".
    assert progress.categories[-1] == NOT_REPORTED
    ek = next(g for g in progress.goals if g.code == "EK")
    assert ek.counts[2] == (0, 2, 0, 0, 0, 1)
    assert progress.span == "1.1.2025–31.12.2026"


def test_indicator_change_direction_and_target(mini_strategy: Strategy) -> None:
    progress = progress_of(mini_strategy, _trends(
        mini_strategy, [{}, {}, {}],
        {"EK-YMP-01-M1": [410.0, None, 395.5], "EK-HYV-01-M1": [None, 120.0, None]}))
    light, loans = progress.indicators
    # Down is good: 410 → 395,5 is better; the target 300 is not reached.
    assert light.latest == (P[2], 395.5) and light.previous == (P[0], 410.0)
    assert (light.change_text, light.direction_text, light.target_met) == (
        "−14,5 MWh/v", "Parempaan suuntaan", False)
    assert light.better == "pienempi on parempi"
    assert light.description == ("Katuvalaistuksen sähkönkulutus: 1–6/2025 410 MWh/v, 1–6/2026 "
                                 "395,5 MWh/v; lähtötaso 420 MWh/v (2025); tavoitetaso 300 MWh/v "
                                 "(2029)")
    # One value only: nothing to compare, no target to reach.
    assert (loans.change_text, loans.direction_text, loans.target_met) == (
        "–", "Ei vertailukohtaa", None)


def _history(tmp_path: Path, strategy: Strategy,
             periods: list[tuple[str, Mapping[str, str]]]) -> Path:
    database = tmp_path / "output" / "kemireport.sqlite"
    database.parent.mkdir(parents=True, exist_ok=True)
    with HistoryStore(database) as store:
        for period, moves in periods:
            checked = validation(strategy, period, statuses(strategy, period, moves))
            store.save_period(strategy, consolidate(strategy, checked), checked.verdict)
    return database


def test_the_store_gives_a_window_of_periods_and_the_last_toteuma(
        tmp_path: Path, mini_strategy: Strategy) -> None:
    database = _history(tmp_path, mini_strategy, [
        ("2025-H1", {"EK-YMP-01": "Viivästynyt"}), ("2025-H2", {"EK-YMP-01": "Toteutunut"}),
        ("2026-H1", {})])
    with HistoryStore(database) as store:
        trends = store.trends(P[2], since=P[1])
        assert trends.periods == (P[1], P[2])
        assert trends.trajectory("EK-YMP-01") == [(P[1], "Toteutunut"),
                                                   (P[2], "Etenee suunnitellusti")]
        assert store.last_toteumat(P[:2])["EK-YMP-01"] == (
            P[1], "Toteuma EK-YMP-01 Toteutunut.")
        assert store.coverage(P[0]) == (2, 2, 6, 6)
        assert store.strategy_periods(mini_strategy.id) == P[:3]


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--strategy", str(MINI), *args])
    return result.exit_code, result.output


def test_summary_writes_the_final_report_from_the_history(
        tmp_path: Path, mini_strategy: Strategy, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _history(tmp_path, mini_strategy, [
        ("2025-H1", {"EK-YMP-01": "Viivästynyt", "HK-HYV-02": "Ei käynnistynyt"}),
        ("2025-H2", {"EK-YMP-01": "Viivästynyt", "HK-HYV-02": "Ei käynnistynyt"}),
        ("2026-H2", {"EK-YMP-01": "Toteutunut", "EK-YMP-02": "Toteutunut",
                     "HK-HYV-02": "Keskeytetty"})])
    code, output = _run("summary")
    assert code == 0, output
    folder = Path("output") / "loppuraportti"
    assert output.splitlines()[:5] == [
        "Strategiakauden loppuraportti: Testikunnan kuntastrategia 2026–2029, seurantakaudet "
        "1.1.2025–31.12.2026 (kolme seurantakautta).",
        "Historiasta puuttuvat seurantakaudet: 2026-H1. Raportissa niiden tila on ”Ei "
        "raportoitu”.",
        f"Word-raportti valtuustolle ja kaupunginhallitukselle: "
        f"{folder / '2025-H1_2026-H2_loppuraportti.docx'}",
        "Excel-kooste strategiakoordinaattorille: "
        f"{folder / '2025-H1_2026-H2_loppuraportti.xlsx'}",
        f"Verkkosivu asukkaille: {folder / '2025-H1_2026-H2_loppuraportti.html'}"]
    assert output.splitlines()[5].startswith("Saavutettavuustarkistus: kunnossa")

    doc = Document(str(folder / "2025-H1_2026-H2_loppuraportti.docx"))
    text = [p.text for p in doc.paragraphs]
    assert text[:2] == ["Testikunnan kuntastrategian 2026–2029 toteutuminen",
                        "Strategiakauden loppuraportti 1.1.2025–31.12.2026"]
    # The mini strategy's scale gives no phrases: the rule for a status after a number.
    assert ("Strategian kuudesta toimenpiteestä kaksi on toteutunut, kolme etenee "
            "suunnitellusti ja yksi on keskeytetty." in text)
    # Chapters are referred to by their numbers, as the headings are numbered.
    assert ("Vähintään kahtena peräkkäisenä seurantakautena suunnitelmasta poikkesi kaksi "
            "toimenpidettä; ne on lueteltu luvussa 4." in text)
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert headings == ["Tiivistelmä", *(g.name for g in mini_strategy.goals),
                        "Pitkään suunnitelmasta poikenneet toimenpiteet", "Mittarit",
                        "Jatkuvat toimenpiteet", "Liite. Aineisto"]
    lasting = next(t for t in doc.tables
                   if t.rows[0].cells[0].text == "Tunniste"
                   and t.rows[0].cells[3].text == "Poikkeama")
    assert [[c.text for c in row.cells] for row in lasting.rows[1:]] == [
        ["EK-YMP-01", "Katuvalot vaihdetaan LED-valoihin.", "Ympäristötoimiala", "Viivästynyt",
         "2 seurantakautta\n1–6/2025 – 7–12/2025", "Toteutunut"],
        ["HK-HYV-02", "Liikuntaneuvonta ikäihmisille.", "Hyvinvointitoimiala",
         "Ei käynnistynyt", "2 seurantakautta\n1–6/2025 – 7–12/2025", "Keskeytetty"]]

    book = openpyxl.load_workbook(folder / "2025-H1_2026-H2_loppuraportti.xlsx")
    assert book.sheetnames == ["Yhteenveto", "Toimenpiteet", "Kehitys",
                               "Kehitys päämäärittäin", "Mittarit", "Pitkät poikkeamat",
                               "Jatkuvat", "Aineisto"]
    actions = book["Toimenpiteet"]
    header = [c.value for c in actions[1]]
    rows = {r[0]: dict(zip(header, r, strict=True))
            for r in actions.iter_rows(min_row=2, values_only=True)}
    assert rows["EK-YMP-01"]["Tila seurantakaudesta toiseen"] == (
        "Viivästynyt (2 seurantakautta) → Ei raportoitu → Toteutunut")
    assert rows["EK-YMP-01"]["Jatkuu"] == "Ei"
    assert rows["HK-HYV-02"]["Jatkuu"] == "Kyllä"
    assert rows["HK-HYV-02"]["Viimeisin toteuma"] == "Toteuma HK-HYV-02 Keskeytetty."
    assert rows["HK-HYV-02"]["Pisin poikkeama (seurantakautta)"] == 2

    # The web page says the same for residents.
    page = (folder / "2025-H1_2026-H2_loppuraportti.html").read_text(encoding="utf-8")
    assert "<h1>Testikunnan kuntastrategian 2026–2029 toteutuminen</h1>" in page
    assert ("Strategian kuudesta toimenpiteestä kaksi on toteutunut, kolme etenee "
            "suunnitellusti ja yksi on keskeytetty.") in page

    # A narrower window gets files of its own: the whole period's report stays.
    code, output = _run("summary", "--from", "2025-H2", "--to", "2025-H2")
    assert code == 0, output
    assert sorted(p.name for p in folder.glob("*.docx")) == [
        "2025-H1_2026-H2_loppuraportti.docx", "2025-H2_2025-H2_loppuraportti.docx"]
    assert sorted(p.name for p in folder.glob("*.html")) == [
        "2025-H1_2026-H2_loppuraportti.html", "2025-H2_2025-H2_loppuraportti.html"]


def test_summary_and_a_run_wait_for_each_other(
        tmp_path: Path, mini_strategy: Strategy, monkeypatch: pytest.MonkeyPatch) -> None:
    """``summary`` reads the history and writes under the output folder's lock, the one
    ``report``, ``run`` and ``mail`` take: never while a run writes, nor a run while it does."""
    import kemireport.cycle.guard as guard
    import kemireport.outputs.excel_summary as excel_summary
    from kemireport.errors import OutputError

    monkeypatch.chdir(tmp_path)
    _history(tmp_path, mini_strategy, [("2025-H1", {}), ("2025-H2", {})])
    out = tmp_path / "output"
    monkeypatch.setattr(guard, "LOCK_WAIT", 0.2)
    with guard.output_lock(out):
        code, output = _run("summary")
    assert code == 2, output
    assert output.startswith(
        "Virhe: Raporttien kansiota output käyttää toinen kemireport-ajo"), output
    assert not (out / "loppuraportti").exists()

    # While the summary writes, a run finds the output folder taken.
    seen: list[str] = []
    real = excel_summary.write_summary_excel

    def while_writing(*args: object, **kwargs: object) -> None:
        try:
            with guard.output_lock(Path("output"), wait=0.1):
                seen.append("free")
        except OutputError as exc:
            seen.append(str(exc))
        real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(excel_summary, "write_summary_excel", while_writing)
    code, output = _run("summary")
    assert code == 0, output
    assert len(seen) == 1 and seen[0].startswith(
        "Raporttien kansiota output käyttää toinen kemireport-ajo"), seen
    assert sorted(p.name for p in (out / "loppuraportti").iterdir()) == [
        f"2025-H1_2025-H2_loppuraportti{suffix}" for suffix in (".docx", ".html", ".xlsx")]


def test_summary_says_plainly_what_is_missing(tmp_path: Path, mini_strategy: Strategy,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert _run("summary") == (2, (
        "Virhe: Historiatietokantaa output/kemireport.sqlite ei ole. Loppuraportti kootaan "
        "historiasta: kokoa ensin seurantakaudet komennolla kemireport report tai kemireport "
        "run, tai anna valinnalla --output kansio, jossa historia on.\n").replace(
        "output/kemireport.sqlite", str(Path("output") / "kemireport.sqlite")))
    _history(tmp_path, mini_strategy, [("2025-H1", {}), ("2025-H2", {})])
    code, output = _run("summary", "--from", "2025-H2", "--to", "2025-H1")
    assert (code, output) == (2, "Virhe: Ensimmäinen seurantakausi 2025-H2 (--from) on "
                                 "myöhempi kuin viimeinen 2025-H1 (--to). Vaihda ne "
                                 "keskenään.\n")
    code, output = _run("summary", "--from", "2027-H1")
    assert (code, output) == (2, "Virhe: Valitulla aikavälillä ei ole historiassa yhtään "
                                 "seurantakautta. Historiassa on seurantakaudet 2025-H1 ja "
                                 "2025-H2.\n")
    result = CliRunner().invoke(cli, ["summary"])  # the built-in Kemi strategy
    assert result.exit_code == 2
    assert result.output == (
        "Virhe: Historiassa ei ole yhtään strategian Kemin kaupunkistrategia 2022–2025 "
        "(kemi-2022-2025) seurantakautta. Historiassa on strategian "
        "Testikunnan kuntastrategia 2026–2029 (testikunta-2026-2029) seurantakausia. Valitse "
        "oikea "
        "strategia valinnalla --strategy.\n")


def test_a_period_outside_the_strategy_years_is_a_warning(
        tmp_path: Path, mini_strategy: Strategy) -> None:
    dated = replace(mini_strategy, period_start=2026, period_end=2029)
    inside = validation(dated, "2026-H1", [department_return(dated, d.code, "2026-H1")
                                           for d in dated.departments])
    assert [f.code for f in inside.verdict.findings] == []
    outside = validation(dated, "2025-H2", [department_return(dated, d.code, "2025-H2")
                                            for d in dated.departments])
    assert [(f.code, f.severity, f.message) for f in outside.verdict.findings] == [(
        "period-outside-strategy", "warning",
        "Seurantakausi 1.7.–31.12.2025 (2025-H2) on strategian Testikunnan kuntastrategia "
        "2026–2029 vuosien 2026–2029 ulkopuolella. Tarkista, että seurantakausi on oikea ja että "
        "käytössä on voimassa oleva strategia (valinta --strategy tai asetus strategy).")]


def test_templates_for_a_period_after_the_kemi_strategy_say_so(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["templates", "--period", "2026-H2"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == (
        "Huomio: Seurantakausi 1.7.–31.12.2026 (2026-H2) on strategian Kemin kaupunkistrategia "
        "2022–2025 vuosien 2022–2025 ulkopuolella. Tarkista, että seurantakausi on oikea ja että "
        "käytössä on voimassa oleva strategia (valinta --strategy tai asetus strategy).")
    result = CliRunner().invoke(cli, ["templates", "--period", "2025-H2"])
    assert "Huomio" not in result.output


def test_the_period_report_shows_the_view_across_periods(
        tmp_path: Path, mini_strategy: Strategy) -> None:
    from builders import fill_template

    from kemireport.core.settings import Settings
    from kemireport.cycle.half_year import build_reports
    from kemireport.cycle.workspace import Workspace
    from kemireport.templates.workbook import template_filenames, write_templates

    workspace = Workspace.of(Settings(root=tmp_path))
    texts = {}
    for period, status in ((P[0], "Viivästynyt"), (P[1], "Toteutunut")):
        write_templates(mini_strategy, period, tmp_path / "templates",
                        settings=Settings(root=tmp_path))
        folder = tmp_path / "input" / period.id
        folder.mkdir(parents=True)
        for code, name in template_filenames(period, mini_strategy.departments).items():
            answers = {a.id: {"Tila": status if a.id == "EK-YMP-01" else "Toteutunut",
                              "Toteuma": "Tehty.", "Poikkeaman syy ja korjaavat toimenpiteet":
                              "Syy."} for a in mini_strategy.actions_for(code)}
            fill_template(tmp_path / "templates" / period.id / name, answers, folder / name)
        run = build_reports(mini_strategy, period, folder, workspace)
        with zipfile.ZipFile(workspace.reports(period).docx) as package:
            texts[period] = package.read("word/document.xml").decode()
    assert ("Tämän strategian seurantakausista on koottu vasta tämä (1.1.–30.6.2025)"
            in texts[P[0]])
    assert "Viivästynyt → Toteutunut" in texts[P[1]]
    assert run.facts.progress.periods == (P[0], P[1])
    page = workspace.reports(P[1]).html.read_text(encoding="utf-8")
    assert "Tila seurantakaudesta toiseen: Viivästynyt → Toteutunut" in page
    book = openpyxl.load_workbook(workspace.reports(P[1]).xlsx)
    rows = list(book["Kehitys"].iter_rows(min_row=3, values_only=True))
    assert rows[0][:4] == ("Tunniste", "Päämäärä", "Toimiala", "Toimenpide")
    assert rows[0][4:] == ("Tila 1–6/2025", "Tila 7–12/2025", "Tila seurantakaudesta toiseen")
    ymp = next(r for r in rows if r[0] == "EK-YMP-01")
    assert ymp[4:] == ("Viivästynyt", "Toteutunut", "Viivästynyt → Toteutunut")
    values = list(book["Mittarit"].iter_rows(min_row=4, values_only=True))
    assert values[0][:2] == ("Tunniste", "Mittari")
    assert json.dumps(values[1][:2], ensure_ascii=False) == (
        '["EK-YMP-01-M1", "Katuvalaistuksen sähkönkulutus"]')
