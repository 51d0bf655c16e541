"""The web page for residents: strict HTML5, accessible structure, escaped department text,
and, in a real browser (Chromium), axe-core's WCAG 2.1 A and AA rules, a phone's width and the
print style sheet.

The browser tests need Debian's ``chromium`` and ``chromedriver``; without them they are
skipped with that reason, except under CI, where they fail (``tests/conftest.py``).
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from pathlib import Path
from typing import Any

import html5lib
import pytest
from builders_report import CONTROL, CONTROL_CLEANED, department_return, validation
from builders_word import consolidation, facts_for, unknown_row
from pages import HOSTILE, check_hostile_in_browser, check_structure
from pages import find_all as _all
from pages import parse as _parse
from pages import screenshots as _screenshots
from pages import text as _text

from kemireport.core.ooxml import contrast_ratio
from kemireport.core.period import Period
from kemireport.core.settings import Settings
from kemireport.cycle.half_year import build_reports
from kemireport.cycle.workspace import Workspace
from kemireport.history.consolidate import consolidate
from kemireport.history.records import Change
from kemireport.outputs.facts import NOT_REPORTED, gather
from kemireport.outputs.html.page import render_page, write_html_report
from kemireport.strategy import Strategy

ROOT = Path(__file__).resolve().parents[1]
TODAY = date(2025, 8, 5)
needs_browser = pytest.mark.needs("chromium", "chromedriver")


# -- building pages ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def example_pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The example data's pages, both periods (2025-H2 compares with 2025-H1)."""
    from kemireport.strategy import load_strategy

    strategy = load_strategy()
    base = tmp_path_factory.mktemp("esimerkki")
    workspace = Workspace.of(Settings(root=base))
    pages = {}
    for period_id in ("2025-H1", "2025-H2"):
        period = Period.parse(period_id)
        build_reports(strategy, period, ROOT / "input" / period_id, workspace)
        pages[period_id] = workspace.reports(period).html
    return pages


def _hostile_page(strategy: Strategy, path: Path) -> Path:
    """A page whose department text is markup, through the real checks and consolidation."""
    ids = [a.id for a in strategy.actions]
    answers = {action_id: {"Tila": "Viivästynyt", "Toteuma": HOSTILE[i % len(HOSTILE)]}
               for i, action_id in enumerate(ids)}
    extra = {"Elinvoimainen kunta": [
        {"Tunniste": "<b>X</b>", "Toimenpiteet": HOSTILE[1], "Tila": "Toteutunut",
         "Toteuma": HOSTILE[0]},
        {"Tunniste": "", "Toimenpiteet": "Ohjausmerkkejä", "Tila": "Toteutunut",
         "Toteuma": CONTROL}]}
    returns = [department_return(strategy, d.code, "2026-H1", answers=answers,
                                 extra=extra if d.code == "YMP" else None)
               for d in strategy.departments]
    checked = validation(strategy, "2026-H1", returns)
    facts = gather(strategy, consolidate(strategy, checked), checked.verdict)
    return write_html_report(strategy, facts, path, today=TODAY)


def _cards(root: Any) -> dict[str, Any]:
    """The actions' entries in the goal sections, by their anchor."""
    return {li.get("id"): li for li in _all(root, "li", "toimenpide") if li.get("id")}


# -- strict HTML and structure -----------------------------------------------------------------


@pytest.mark.parametrize("period_id", ["2025-H1", "2025-H2"])
def test_example_page_is_strict_html5(example_pages: dict[str, Path], period_id: str) -> None:
    root = _parse(example_pages[period_id].read_bytes())
    assert root.get("lang") == "fi"


def test_strict_parser_catches_broken_html() -> None:
    with pytest.raises(html5lib.html5parser.ParseError):
        _parse("<!DOCTYPE html><html lang=fi><title>x</title><p>a</b></html>")


@pytest.mark.parametrize("period_id", ["2025-H1", "2025-H2"])
def test_page_structure_is_accessible(example_pages: dict[str, Path], period_id: str) -> None:
    source = example_pages[period_id].read_text(encoding="utf-8")
    root = check_structure(source, charts=2, tables=5)
    assert _text(root.find("head/title")).startswith(
        "Kemin kaupunkistrategia 2022–2025: strategian")


def test_summary_leads_with_what_was_achieved(example_pages: dict[str, Path]) -> None:
    root = _parse(example_pages["2025-H2"].read_bytes())
    main = root.find("body/main")
    paragraphs = [_text(p) for p in main.iter("p")]
    summary = main.find(".//h2[@id='yhteenveto']")
    assert _text(summary) == "Yhteenveto"
    assert paragraphs[1] == ("Strategiassa on 92 toimenpidettä, joista 64 on toteutunut, 18 "
                             "etenee suunnitellusti, 7 on viivästynyt, 1 ei ole käynnistynyt ja "
                             "2 on keskeytetty.")
    assert re.match(r"Toimenpiteistä \d+ \(\d+(,\d)? %\) on tilassa ”Toteutunut” tai "
                    r"”Etenee suunnitellusti”\.", paragraphs[2].replace("\u00a0", " "))
    # Sections in the order a resident reads them; what is missing comes last.
    headings = [_text(h) for h in main.iter("h2")]
    assert headings == ["Yhteenveto", "Poikkeamat", "Elinvoimainen kaupunki",
                        "Hyvinvoivat kuntalaiset", "Sujuva arki", "Kehitys strategiakaudella",
                        "Kestävän kehityksen tavoitteet", "Muutokset edelliseen seurantakauteen",
                        "Seurantatietojen kattavuus"]
    changes = next(t for t in main.iter("table")
                   if _text(t.find("caption")).startswith("Tilan muutokset seurantakauteen "
                                                          "1.1."))
    assert [_text(c) for c in changes.find("thead/tr")] == ["Toimenpide", "Tila 30.6.2025",
                                                           "Tila 31.12.2025"]
    assert len(changes.find("tbody")) > 10


# -- department text ---------------------------------------------------------------------------


def test_department_text_is_escaped(tmp_path: Path, mini_strategy: Strategy) -> None:
    page = _hostile_page(mini_strategy, tmp_path / "sivu.html")
    source = page.read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in source
    assert "&lt;img src=x onerror=alert(1)&gt;" in source
    root = _parse(source)  # strict: the markup did not break the document
    assert not list(root.iter("script")) and not list(root.iter("img"))
    assert not list(root.iter("b")) and len(list(root.iter("h1"))) == 1
    texts = {li.get("id"): _text(li.findall("div")[1].findall("p")[1])
             for li in _all(root, "li", "toimenpide") if li.get("id")}
    ids = [a.id for a in mini_strategy.actions]
    assert len(ids) >= len(HOSTILE)
    for index, action_id in enumerate(ids):
        expected = " ".join(HOSTILE[index % len(HOSTILE)].split())
        assert texts[f"toimenpide-{action_id.lower()}"] == expected
    first, second = [li for li in _all(root, "li", "toimenpide") if not li.get("id")]
    assert _text(first).startswith("<b>X</b> (toimialan lisäämä rivi) <img src=x onerror")
    # Characters HTML cannot hold are dropped, the same way as in the Office files.
    assert _text(second).endswith(f"Toteuma {CONTROL_CLEANED}")


def test_missing_returns_and_added_rows_are_said(tmp_path: Path,
                                                  mini_strategy: Strategy) -> None:
    added = unknown_row("YMP", "EK", "Uusi pyöräparkki asemalle.")
    data = consolidation(mini_strategy, missing_departments=["HYV"], unknown_rows=[added])
    text = render_page(mini_strategy, facts_for(mini_strategy, data), organisation="Testikunta",
                       today=TODAY)
    root = _parse(text)
    paragraphs = [_text(p) for p in root.iter("p")]
    assert ("Seurantatietonsa palautti yksi toimiala kahdesta. Hyvinvointitoimiala ei "
            "palauttanut seurantatietojaan. Tila ja toteuma on kerrottu kolmesta toimenpiteestä "
            "kuudesta (50 %).") in [p.replace("\u00a0", " ") for p in paragraphs]
    assert ("Lisäksi toimialat kirjoittivat yhden rivin, jota strategiassa ei ole; se on "
            "toimialan toimenpiteiden lopussa.") in paragraphs
    cards = _cards(root)
    hyv = [a.id for a in mini_strategy.actions if a.department == "HYV"]
    for action_id in hyv:
        card = cards[f"toimenpide-{action_id.lower()}"]
        assert "Toimiala ei palauttanut seurantatietojaan." in _text(card)
        assert _text(_all(card, "span", "status")[0]) == NOT_REPORTED
    unknown = next(li for li in _all(root, "li", "toimenpide") if not li.get("id"))
    assert _text(unknown).startswith("(ei tunnistetta) (toimialan lisäämä rivi) Uusi "
                                     "pyöräparkki asemalle.")
    # The organisation given (the setting) heads the page and signs it.
    assert _text(root.find("body/header")).startswith("Testikunta · Testikunnan kuntastrategia")


def test_changes_without_and_with_a_previous_period(mini_strategy: Strategy) -> None:
    first = render_page(mini_strategy, facts_for(mini_strategy, consolidation(mini_strategy)),
                        organisation="Testikunta", today=TODAY)
    assert ("Edellisen seurantakauden tietoja ei ole käytettävissä, joten vertailua ei voida "
            "vielä esittää.") in first
    previous = Period.parse("2024-H2")
    changed = Change("EK-YMP-01", "EK", "YMP", "status-changed", previous, "Viivästynyt",
                     "Toteutunut", "Päästöjen vähentäminen.")
    same = Change("EK-YMP-02", "EK", "YMP", "unchanged", previous, "Toteutunut", "Toteutunut")
    gone = Change("EK-YMP-99", "EK", "YMP", "missing-report", previous, "Toteutunut", None,
                  "Poistunut toimenpide.")
    data = consolidation(mini_strategy, previous_period=previous, changes=[changed, same, gone])
    root = _parse(render_page(mini_strategy, facts_for(mini_strategy, data),
                              organisation="Testikunta", today=TODAY))
    section = root.find(".//h2[@id='muutokset']/..")
    assert _text(section.find("p")) == (
        "Verrattuna seurantakauteen 1.7.–31.12.2024 tila muuttui yhdessä toimenpiteessä, "
        "yhdestä toimenpiteestä ei nyt raportoitu ja yhden toimenpiteen tila pysyi ennallaan.")
    rows = [[_text(c) for c in row] for row in section.find(".//tbody")]
    assert rows == [["EK-YMP-01 Päästöjen vähentäminen. Ympäristötoimiala", "Viivästynyt",
                     "Toteutunut"],
                    ["EK-YMP-99 Poistunut toimenpide. Ympäristötoimiala", "Toteutunut",
                     NOT_REPORTED]]
    # An action on the page is linked; one that is not (no longer in the strategy) is not.
    assert [a.get("href") for a in section.iter("a")] == ["#toimenpide-ek-ymp-01"]


def test_status_fills_are_readable_whatever_the_scale(mini_strategy: Strategy) -> None:
    """A strategy may choose dark status colours; black text on the page's fill stays 7:1."""
    dark = dataclasses.replace(mini_strategy, status_scale=tuple(
        dataclasses.replace(level, color=color) for level, color in zip(
            mini_strategy.status_scale, ("#006100", "#1F3864", "#9C5700", "#C00000", "#000000"),
            strict=True)))
    text = render_page(dark, facts_for(dark, consolidation(dark)), organisation="Testikunta",
                       today=TODAY)
    fills = dict(re.findall(r"\.(tila-[\w-]+) \{ background-color: (#[0-9A-F]{6}); \}", text))
    assert len(fills) == len(dark.status_scale) + 1
    for css_class, fill in fills.items():
        assert contrast_ratio("#000000", fill) >= 7.0, (css_class, fill)
    # The chart's bars have the same fills and a dark outline (non-text contrast 3:1 at least).
    bars = re.findall(r'<rect x="1" [^>]*fill="([^"]+)" stroke="(#[0-9A-F]{6})"', text)
    assert {fill for fill, _ in bars[:5]} == {fills[f"tila-{n}"] for n in range(1, 6)}
    assert all(contrast_ratio(stroke, "#FFFFFF") >= 3 for _, stroke in bars)


def test_written_atomically(tmp_path: Path, mini_strategy: Strategy) -> None:
    facts = facts_for(mini_strategy, consolidation(mini_strategy))
    path = tmp_path / "kausi" / "sivu.html"
    write_html_report(mini_strategy, facts, path, today=TODAY)
    write_html_report(mini_strategy, facts, path, today=TODAY)
    assert [p.name for p in path.parent.iterdir()] == ["sivu.html"]
    assert "Koottu 5.8.2025 toimialojen seurantatiedoista." in path.read_text(encoding="utf-8")


# -- in a real browser -------------------------------------------------------------------------


@needs_browser
@pytest.mark.parametrize("period_id", ["2025-H1", "2025-H2"])
def test_example_page_passes_axe_at_desktop_and_phone_width(
        example_pages: dict[str, Path], driver: Any, period_id: str, tmp_path: Path) -> None:
    from browser import describe, open_page, run_axe, screenshot, set_width

    for width in (1280, 375):
        set_width(driver, width)
        open_page(driver, example_pages[period_id])
        results = run_axe(driver)
        assert results["testEngine"]["version"].startswith("4.")
        assert results["violations"] == [], (
            f"axe-core, {period_id}, {width} px:\n{describe(results['violations'])}")
        shot = screenshot(driver, _screenshots(tmp_path) / f"{period_id}-{width}.png")
        assert shot.stat().st_size > 10_000


@needs_browser
def test_axe_finds_what_is_wrong(driver: Any, tmp_path: Path) -> None:
    """The harness can fail: a page without a language, alt text or contrast has violations."""
    from browser import open_page, run_axe

    page = tmp_path / "huono.html"
    page.write_text("<!DOCTYPE html><html><head><title>x</title></head><body><main>"
                    "<img src='data:image/gif;base64,R0lGODlhAQABAAAAACw='>"
                    "<p style='color:#BBBBBB'>Harmaata tekstiä</p></main></body></html>",
                    encoding="utf-8")
    open_page(driver, page)
    found = {v["id"] for v in run_axe(driver)["violations"]}
    assert {"html-has-lang", "image-alt", "color-contrast"} <= found


@needs_browser
@pytest.mark.parametrize("width", [320, 375])
def test_page_fits_a_phone(example_pages: dict[str, Path], driver: Any, width: int) -> None:
    """No sideways scrolling of the page; a wide table scrolls inside its own box."""
    from browser import open_page, page_overflow, set_width

    set_width(driver, width, 700)
    open_page(driver, example_pages["2025-H1"])
    page_width, viewport = page_overflow(driver)
    assert viewport == width
    assert page_width <= viewport
    scrolling = driver.execute_script(
        "return Array.from(document.querySelectorAll('.taulukko'))"
        ".filter(b => b.scrollWidth > b.clientWidth).length;")
    assert scrolling >= 1  # the goals' tables are wider than a phone, and scroll in their box
    wider = driver.execute_script(
        "return Array.from(document.querySelectorAll('main *'))"
        ".filter(e => !e.closest('.taulukko') && e.getBoundingClientRect().right > "
        "window.innerWidth + 0.5).map(e => e.tagName + '.' + e.className);")
    assert wider == []


@needs_browser
def test_hostile_text_stays_text_in_the_browser(tmp_path: Path, driver: Any,
                                                mini_strategy: Strategy) -> None:
    check_hostile_in_browser(driver, _hostile_page(mini_strategy, tmp_path / "vihamielinen.html"))


@needs_browser
def test_print_style_sheet(example_pages: dict[str, Path], driver: Any, tmp_path: Path) -> None:
    """Printed: no skip link or contents, tables whole (no scroll box), each goal on a new page."""
    from browser import open_page, print_pdf, printed_styles, set_width

    set_width(driver, 1280)
    open_page(driver, example_pages["2025-H2"])
    styles = printed_styles(driver, [("nav", "display"), (".ohitus", "display"),
                                     (".taulukko", "overflowX"), (".paamaara", "breakBefore")])
    assert styles == ["none", "none", "visible", "page"]
    pdf = print_pdf(driver, _screenshots(tmp_path) / "2025-H2.pdf")
    assert pdf.read_bytes().startswith(b"%PDF")


def test_a_period_without_any_return_is_a_page(mini_strategy: Strategy) -> None:
    data = consolidation(mini_strategy, missing_departments=["YMP", "HYV"])
    root = _parse(render_page(mini_strategy, facts_for(mini_strategy, data), organisation="",
                              today=TODAY))
    paragraphs = [_text(p) for p in root.iter("p")]
    assert "Strategiassa on kuusi toimenpidettä, ja kaikki ovat raportoimatta." in paragraphs
    assert ("Yksikään toimiala ei palauttanut seurantatietojaan. Yhdenkään toimenpiteen tilaa "
            "ja toteumaa ei ole kerrottu.") in paragraphs
    assert ("Yhdenkään toimenpiteen tila ei ole ”Viivästynyt”, ”Ei käynnistynyt” tai "
            "”Keskeytetty”.") in paragraphs
    assert not any("0 %" in p.replace("\u00a0", " ") or "nolla" in p for p in paragraphs)
    # No organisation in the settings: the strategy's own.
    assert _text(root.find("body/header")).startswith("Testikunta · ")
