"""What the web pages' tests share: the strict HTML5 parser, small ElementTree helpers, hostile
department text, where screenshots go, and the structural accessibility checks every page must
pass (``tests/test_html_report.py`` for the period's page, ``tests/test_summary_html.py`` for the
final report's)."""

from __future__ import annotations

import itertools
import os
import re
from pathlib import Path
from typing import Any

import html5lib

HOSTILE = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
           "<script>window.__x = 1</script>", '<img src=x onerror="window.__x = 2">',
           "</li></ul><h1>Ei otsikko</h1>", "&amp; & <b>lihava</b>")
SVG = "{http://www.w3.org/2000/svg}"
STATUS_NAMES = {"Toteutunut", "Etenee suunnitellusti", "Viivästynyt", "Ei käynnistynyt",
                "Keskeytetty", "Ei raportoitu"}


def parse(text: str | bytes) -> Any:
    """The page through an HTML5 parser in strict mode: any parse error raises."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    return parser.parse(text)


def text(element: Any) -> str:
    return " ".join("".join(element.itertext()).split())


def classes(element: Any) -> set[str]:
    return set(element.get("class", "").split())


def find_all(root: Any, tag: str, css: str | None = None) -> list[Any]:
    return [e for e in root.iter(tag) if css is None or css in classes(e)]


def screenshots(tmp_path: Path) -> Path:
    """Where the screenshots go: KEMIREPORT_SCREENSHOTS (to look at them), else tmp_path."""
    folder = Path(os.environ.get("KEMIREPORT_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def check_structure(source: str, *, charts: int, tables: int) -> Any:
    """Assert what every page's structure must be; return the parsed page.

    Landmarks in order, a skip link to main, one h1 and no heading level skipped, tables with
    captions and scoped header cells in a focusable scrolling box, ``charts`` SVG charts with a
    title and a description, each (or each group of small ones) followed by its numbers in a
    table, every link to an id on
    the page, ids unique, nothing that runs or fetches, statuses in words.
    """
    root = parse(source)
    assert root.get("lang") == "fi"
    body = root.find("body")
    assert [child.tag for child in body] == ["a", "header", "nav", "main", "footer"]
    skip, main, nav = body[0], body.find("main"), body.find("nav")
    assert skip.get("href") == f"#{main.get('id')}" and text(skip) == "Siirry pääsisältöön"
    assert root.find(f".//*[@id='{nav.get('aria-labelledby')}']").text == "Sisällys"
    levels = [int(e.tag[1]) for e in root.iter() if re.fullmatch(r"h[1-6]", str(e.tag))]
    assert levels.count(1) == 1 and levels[0] == 1
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), levels
    found = find_all(root, "table")
    assert len(found) >= tables
    for table in found:
        assert text(table.find("caption"))
        assert all(th.get("scope") == "col" for th in table.find("thead").iter("th"))
        for row in table.find("tbody").iter("tr"):
            assert row[0].tag == "th" and row[0].get("scope") == "row"
            assert all(cell.tag == "td" for cell in row[1:])
    for box in find_all(root, "div", "taulukko"):
        assert box.get("tabindex") == "0" and box.get("role") == "region"
        assert root.find(f".//caption[@id='{box.get('aria-labelledby')}']") is not None
    svgs = list(root.iter(f"{SVG}svg"))
    assert len(svgs) == charts
    for svg in svgs:
        assert svg.get("role") == "img"
        title = svg.find(f"{SVG}title[@id='{svg.get('aria-labelledby')}']")
        desc = svg.find(f"{SVG}desc[@id='{svg.get('aria-describedby')}']")
        assert text(title) and text(desc).startswith(("Palkkikaavio: ", "Viivakaavio: "))
    for chart_box in find_all(root, "div", "kaavio") + find_all(root, "div", "pienkaaviot"):
        parent = next(p for p in root.iter() if chart_box in list(p))
        following = list(parent)[list(parent).index(chart_box) + 1]
        assert "taulukko" in classes(following)
    ids = [e.get("id") for e in root.iter() if e.get("id")]
    assert len(ids) == len(set(ids))
    for link in root.iter("a"):
        assert link.get("href", "").startswith("#") and link.get("href")[1:] in ids
    assert not list(root.iter("script"))
    assert not [a for e in root.iter() for a in e.attrib if a.lower().startswith("on")]
    assert not [e for e in root.iter() if e.get("src")]
    assert "http://" not in source.replace("http://www.w3.org/2000/svg", "")
    assert "https://" not in source
    policy = root.find(".//meta[@http-equiv='Content-Security-Policy']").get("content")
    assert "default-src 'none'" in policy
    statuses = {text(s) for s in find_all(root, "span", "status")}
    assert statuses <= STATUS_NAMES and len(statuses) >= 4
    return root


def check_hostile_in_browser(driver: Any, page: Path) -> None:
    """Open a page whose Toteuma texts are ``HOSTILE`` in the browser: nothing ran or loaded,
    every text shows as itself in the cards, and axe-core finds nothing.

    The page's own Content-Security-Policy would stop an injected script anyway: it is
    bypassed, so that this proves the escaping alone.
    """
    from browser import open_page, run_axe, set_width

    driver.execute_cdp_cmd("Page.setBypassCSP", {"enabled": True})
    try:
        set_width(driver, 1280)
        open_page(driver, page)
        state = driver.execute_script(
            "return {x: window.__x === undefined ? null : window.__x,"
            " scripts: document.scripts.length, images: document.images.length,"
            " handlers: document.querySelectorAll('[onerror]').length,"
            " texts: Array.from(document.querySelectorAll('li.toimenpide .teksti'))"
            "   .map(p => p.textContent)};")
    finally:
        driver.execute_cdp_cmd("Page.setBypassCSP", {"enabled": False})
    assert state["x"] is None
    assert (state["scripts"], state["images"], state["handlers"]) == (0, 0, 0)
    for hostile in HOSTILE:
        assert hostile in state["texts"], hostile
    assert run_axe(driver)["violations"] == []
