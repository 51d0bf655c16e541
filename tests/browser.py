"""A real browser for the web page's tests: Debian's Chromium, headless, through Selenium.

Nothing is downloaded: the driver and the browser are the system's (``/usr/bin/chromedriver``
and ``/usr/bin/chromium``, or whatever ``chromedriver`` and ``chromium`` are on PATH), given to
Selenium by path so that Selenium Manager is never asked. Pages are opened from ``file://``
URLs; the browser is told not to reach for anything else (no sync, updates or background
requests), and the page's own Content-Security-Policy forbids every request.

axe-core comes from a registry package, ``axe-playwright-python`` (PyPI), which ships the
current ``axe.min.js``; only that file is used (its Playwright API is not).
"""

from __future__ import annotations

import base64
import contextlib
import json
import shutil
import tempfile
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
         "--no-first-run", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--disable-default-apps", "--disable-extensions",
         "--hide-scrollbars", "--force-device-scale-factor=1", "--lang=fi")


def chromium_path() -> str:
    return shutil.which("chromium") or "/usr/bin/chromium"


def chromedriver_path() -> str:
    return shutil.which("chromedriver") or "/usr/bin/chromedriver"


@contextlib.contextmanager
def chromium() -> Iterator[Any]:
    """A headless Chromium under Selenium, with its own throw-away profile."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = Path(tempfile.mkdtemp(prefix="kemireport-chromium-"))
    options = webdriver.ChromeOptions()
    options.binary_location = chromium_path()
    for flag in (*FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=chromedriver_path()),
                              options=options)
    try:
        driver.set_script_timeout(60)
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def set_width(driver: Any, width: int, height: int = 900) -> None:
    """An exact viewport width (a headless window has a minimum width of its own)."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})


def open_page(driver: Any, path: Path) -> None:
    driver.get(path.resolve().as_uri())


def page_overflow(driver: Any) -> tuple[int, int]:
    """The page's scroll width and the viewport's width."""
    width, inner = driver.execute_script(
        "return [document.documentElement.scrollWidth, window.innerWidth];")
    return int(width), int(inner)


def screenshot(driver: Any, path: Path) -> Path:
    """The whole page (not only the viewport) as a PNG."""
    width, height = driver.execute_script(
        "return [document.documentElement.scrollWidth, "
        "document.documentElement.scrollHeight];")
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}})
    path.write_bytes(base64.b64decode(shot["data"]))
    return path


def printed_styles(driver: Any, queries: list[tuple[str, str]]) -> list[str]:
    """Each (CSS selector, property) of the open page as computed for print."""
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        return list(driver.execute_script(
            f"return {json.dumps(queries)}.map(([e, p]) =>"
            " getComputedStyle(document.querySelector(e))[p]);"))
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def print_pdf(driver: Any, path: Path) -> Path:
    """The page printed (its print style sheet) to an A4 PDF."""
    pdf = driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True,
                                                     "printBackground": True})
    path.write_bytes(base64.b64decode(pdf["data"]))
    return path


def axe_source() -> str:
    return (resources.files("axe_playwright_python") / "axe.min.js").read_text(encoding="utf-8")


def run_axe(driver: Any, tags: list[str] = WCAG_21_AA) -> dict[str, Any]:
    """axe-core's results for the open page, with only the rules of ``tags``."""
    driver.execute_script(axe_source())
    options = {"runOnly": {"type": "tag", "values": tags}, "resultTypes": ["violations"]}
    script = ("const done = arguments[arguments.length - 1];"
              f"axe.run(document, {json.dumps(options)})"
              ".then(r => done(JSON.stringify(r)), e => done(JSON.stringify({error: String(e)})));")
    results: dict[str, Any] = json.loads(driver.execute_async_script(script))
    if "error" in results:
        raise AssertionError(f"axe-core failed: {results['error']}")
    return results


def describe(violations: list[dict[str, Any]]) -> str:
    """axe-core's violations as a person reads them: rule, impact, help, the elements."""
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v.get('impact')}): {v['help']} — {v['helpUrl']}")
        for node in v["nodes"][:8]:
            lines.append(f"    {' '.join(node['target'])}: {node['html'][:160]}")
            summary = node.get("failureSummary", "").replace("\n", " ")
            if summary:
                lines.append(f"      {summary[:300]}")
        if len(v["nodes"]) > 8:
            lines.append(f"    … and {len(v['nodes']) - 8} more")
    return "\n".join(lines)
