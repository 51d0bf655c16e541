"""The final report's web page for residents: strict HTML5, the period page's accessible
structure, the Word final report's words, escaped department text and, in a real browser
(Chromium), axe-core's WCAG 2.1 A and AA rules at a phone's and a desktop's width.

The browser tests need Debian's ``chromium`` and ``chromedriver``; without them they are
skipped with that reason, except under CI, where they fail (``tests/conftest.py``).
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from builders_report import department_return, validation
from docx import Document
from pages import (
    HOSTILE,
    SVG,
    check_hostile_in_browser,
    check_structure,
    find_all,
    parse,
    screenshots,
    text,
)

from kemireport.core.period import Period
from kemireport.core.settings import Settings
from kemireport.cycle.half_year import build_reports
from kemireport.cycle.summary import SummaryRun, gather_from_history, write_summary
from kemireport.cycle.workspace import Workspace
from kemireport.history.consolidate import consolidate
from kemireport.history.store import HistoryStore
from kemireport.outputs.html.summary import render_summary_page, write_summary_html
from kemireport.strategy import Strategy
from kemireport.templates.contract import DEVIATION

ROOT = Path(__file__).resolve().parents[1]
TODAY = date(2026, 1, 20)
WIDTHS = (320, 375, 1280)
needs_browser = pytest.mark.needs("chromium", "chromedriver")


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory, kemi_strategy: Strategy) -> SummaryRun:
    """The example data's every period through ``report``, then the final report."""
    workspace = Workspace.of(Settings(root=tmp_path_factory.mktemp("loppuraportti")))
    for folder in sorted(p for p in (ROOT / "input").iterdir() if p.is_dir()):
        build_reports(kemi_strategy, Period.parse(folder.name), folder, workspace)
    return write_summary(kemi_strategy, workspace)


def _page(run: SummaryRun) -> Path:
    return next(p for p in run.outputs if p.suffix == ".html")


def _hostile_history(tmp_path: Path, strategy: Strategy) -> Path:
    """Two periods in which every Toteuma is markup, through the real checks and history."""
    ids = [a.id for a in strategy.actions]
    answers = {action_id: {"Tila": "Viivästynyt", "Toteuma": HOSTILE[i % len(HOSTILE)],
                           DEVIATION: "Syy ja korjaavat toimenpiteet."}
               for i, action_id in enumerate(ids)}
    database = tmp_path / "kemireport.sqlite"
    with HistoryStore(database) as store:
        for period in ("2025-H1", "2025-H2"):
            returns = [department_return(strategy, d.code, period, answers=answers)
                       for d in strategy.departments]
            checked = validation(strategy, period, returns)
            store.save_period(strategy, consolidate(strategy, checked), checked.verdict)
    return database


def _hostile_page(tmp_path: Path, strategy: Strategy) -> Path:
    facts = gather_from_history(strategy, _hostile_history(tmp_path, strategy), None, None)
    return write_summary_html(facts, tmp_path / "vihamielinen.html", today=TODAY)


# -- structure and words -----------------------------------------------------------------------


def test_example_page_is_accessible_in_structure(example: SummaryRun) -> None:
    source = _page(example).read_text(encoding="utf-8")
    indicators = example.facts.progress.indicators
    root = check_structure(source, charts=1 + len(indicators), tables=10)
    assert text(root.find("head/title")) == ("Kemin kaupunkistrategia 2022–2025: "
                                             "strategiakauden loppuraportti 1.7.2022–31.12.2025")
    assert text(root.find("body/header")) == (
        "Kemin kaupunki · Kemin kaupunkistrategia 2022–2025 Kemin kaupunkistrategian "
        "2022–2025 toteutuminen Strategiakauden loppuraportti 1.7.2022–31.12.2025")
    main = root.find("body/main")
    assert [text(h) for h in main.iter("h2")] == [
        "Tiivistelmä", "Elinvoimainen kaupunki", "Hyvinvoivat kuntalaiset", "Sujuva arki",
        "Pitkään suunnitelmasta poikenneet toimenpiteet", "Mittarit", "Jatkuvat toimenpiteet",
        "Aineisto"]
    # The contents name every part and every goal's departments.
    contents = [text(a) for a in root.find("body/nav").iter("a")]
    assert contents[:3] == ["Tiivistelmä", "Elinvoimainen kaupunki", "Ympäristötoimiala"]
    assert contents[-4:] == ["Pitkään suunnitelmasta poikenneet toimenpiteet", "Mittarit",
                             "Jatkuvat toimenpiteet", "Aineisto"]
    # Every action has its card, with its course and its last status tied to a date.
    cards = find_all(main, "li", "toimenpide")
    assert len(cards) == 92
    first = text(cards[0])
    assert first.startswith("EK-YMP-01 ")
    assert "Viimeisin tila: Etenee suunnitellusti (31.12.2025)" in first
    assert "Tila seurantakaudesta toiseen: Etenee suunnitellusti (7 seurantakautta)" in first
    assert "Viimeisin toteuma (seurantakausi 1.7.–31.12.2025)" in first
    # Each indicator's small line chart says its numbers in words, as the Word report's does.
    lines = [text(svg.find(f"{SVG}desc")) for svg in root.iter(f"{SVG}svg")
             if svg.find(f"{SVG}polyline") is not None]
    assert lines == [" ".join(f"Viivakaavio: {i.description}.".split()) for i in indicators]
    assert len(lines) == 16
    # The coordinator's own tool is not named in a public document.
    assert "histori" not in text(root).casefold()


def _word_section(path: Path, heading: str) -> list[str]:
    """The Word report's paragraphs under ``heading`` up to the next heading or caption."""
    paragraphs = [(p.style.name, p.text) for p in Document(str(path)).paragraphs]
    start = paragraphs.index(("Heading 1", heading)) + 1
    said = []
    for style, words in paragraphs[start:]:
        if style.startswith(("Heading", "Caption")):
            break
        if words:
            said.append(words)
    return said


def test_the_page_says_what_the_council_is_told(example: SummaryRun) -> None:
    docx = next(p for p in example.outputs if p.suffix == ".docx")
    root = parse(_page(example).read_bytes())
    sections = {text(s.find("h2")): s for s in root.find("body/main/div").iter("section")
                if s.find("h2") is not None}

    def said(name: str) -> list[str]:
        section = sections[name]
        return [text(p) for p in section.findall("p")]

    # The Word report refers to its numbered chapters; the page names its parts.
    word = [re.sub(r"luvussa \d+", "kohdassa Pitkään suunnitelmasta poikenneet toimenpiteet",
                   re.sub(r"lukuun \d+", "kohtaan Jatkuvat toimenpiteet", line))
            for line in _word_section(docx, "Tiivistelmä")]
    assert said("Tiivistelmä") == word
    assert len(word) == 8
    for goal in ("Elinvoimainen kaupunki", "Hyvinvoivat kuntalaiset", "Sujuva arki"):
        assert said(goal)[0] == _word_section(docx, goal)[0]
    for part in ("Pitkään suunnitelmasta poikenneet toimenpiteet", "Jatkuvat toimenpiteet"):
        assert said(part) == _word_section(docx, part)
    assert said("Aineisto") == _word_section(docx, "Liite. Aineisto")
    # The data the report rests on: a row per period.
    coverage = next(t for t in sections["Aineisto"].iter("table"))
    assert [text(row[0]) for row in coverage.find("tbody")] == [
        p.label for p in example.facts.progress.periods]


def test_a_single_period_has_no_course_to_show(tmp_path: Path, mini_strategy: Strategy) -> None:
    database = _hostile_history(tmp_path, mini_strategy)
    facts = gather_from_history(mini_strategy, database, Period.parse("2025-H2"),
                                Period.parse("2025-H2"))
    root = parse(render_summary_page(facts, organisation="Testikunta", today=TODAY))
    assert not find_all(root, "p", "kulku")
    captions = [text(c) for c in root.iter("caption")]
    assert not [c for c in captions if c.endswith("seurantakausittain")
                and not c.startswith("Mittareiden")]
    assert "Yksikään toimenpide ei poikennut suunnitelmasta kahtena tai useampana " \
           "peräkkäisenä seurantakautena." in [text(p) for p in root.iter("p")]
    assert text(root.find("body/header")).startswith("Testikunta · ")


# -- department text ---------------------------------------------------------------------------


def test_department_text_is_escaped(tmp_path: Path, mini_strategy: Strategy) -> None:
    source = _hostile_page(tmp_path, mini_strategy).read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in source
    assert "&lt;img src=x onerror=alert(1)&gt;" in source
    root = parse(source)  # strict: the markup did not break the document
    assert not list(root.iter("script")) and not list(root.iter("img"))
    assert not list(root.iter("b")) and len(list(root.iter("h1"))) == 1
    shown = {text(find_all(li, "p", "tunniste")[0]): text(find_all(li, "p", "teksti")[0])
             for li in find_all(root, "li", "toimenpide")}
    for index, action in enumerate(mini_strategy.actions):
        assert shown[action.id] == " ".join(HOSTILE[index % len(HOSTILE)].split())


def test_written_atomically(tmp_path: Path, mini_strategy: Strategy) -> None:
    page = _hostile_page(tmp_path, mini_strategy)
    facts = gather_from_history(mini_strategy, tmp_path / "kemireport.sqlite", None, None)
    write_summary_html(facts, page, today=TODAY)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kemireport.sqlite",
                                                          "vihamielinen.html"]
    assert "Koottu 20.1.2026 seurantakausien tiedoista." in page.read_text(encoding="utf-8")


# -- in a real browser -------------------------------------------------------------------------


@needs_browser
def test_example_page_passes_axe_and_fits_every_width(example: SummaryRun, driver: Any,
                                                       tmp_path: Path) -> None:
    from browser import describe, open_page, page_overflow, run_axe, screenshot, set_width

    for width in WIDTHS:
        set_width(driver, width)
        open_page(driver, _page(example))
        results = run_axe(driver)
        assert results["violations"] == [], (
            f"axe-core, {width} px:\n{describe(results['violations'])}")
        page_width, viewport = page_overflow(driver)
        assert (page_width, viewport) == (width, width)
        wider = driver.execute_script(
            "return Array.from(document.querySelectorAll('main *'))"
            ".filter(e => !e.closest('.taulukko') && e.getBoundingClientRect().right > "
            "window.innerWidth + 0.5).map(e => e.tagName + '.' + e.className);")
        assert wider == []
        shot = screenshot(driver, screenshots(tmp_path) / f"loppuraportti-{width}.png")
        assert shot.stat().st_size > 10_000
    # On a phone, the wide tables scroll inside their own box.
    set_width(driver, 320)
    open_page(driver, _page(example))
    assert driver.execute_script(
        "return Array.from(document.querySelectorAll('.taulukko'))"
        ".filter(b => b.scrollWidth > b.clientWidth).length;") >= 3


@needs_browser
def test_hostile_text_stays_text_in_the_browser(tmp_path: Path, driver: Any,
                                                mini_strategy: Strategy) -> None:
    check_hostile_in_browser(driver, _hostile_page(tmp_path, mini_strategy))


@needs_browser
def test_print_style_sheet(example: SummaryRun, driver: Any, tmp_path: Path) -> None:
    """Printed: no skip link or contents, tables whole, each goal and part on a new page."""
    from browser import open_page, print_pdf, printed_styles, set_width

    set_width(driver, 1280)
    open_page(driver, _page(example))
    styles = printed_styles(driver, [("nav", "display"), (".ohitus", "display"),
                                     (".taulukko", "overflowX"), (".paamaara", "breakBefore"),
                                     (".uusi-sivu", "breakBefore")])
    assert styles == ["none", "none", "visible", "page", "page"]
    pdf = print_pdf(driver, screenshots(tmp_path) / "loppuraportti.pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
