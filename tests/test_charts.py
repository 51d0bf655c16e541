"""Charts: Finnish numbers, alt text with the numbers, deterministic PNG, no pyplot."""

from __future__ import annotations

import io
import struct
import subprocess
import sys

import pytest

from kemireport.core.finnish import NBSP, count, fi_date, fi_int, fi_number, fi_percent, shorten
from kemireport.outputs.charts import DPI, WIDTH_CM, Bar, sdg_chart, status_chart

BARS = [
    Bar("Toteutunut", 12, "#C8E6C9"),
    Bar("Etenee suunnitellusti", 40, "#DCEDC8"),
    Bar("Viivästynyt", 9, "#FFE0B2"),
    Bar("Ei käynnistynyt", 3, "#FFCDD2"),
    Bar("Keskeytetty", 1, "#E0E0E0"),
    Bar("Ei raportoitu", 5, "#FFFFFF"),
]


def _chunks(png: bytes) -> list[tuple[bytes, bytes]]:
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, pos = [], 8
    while pos < len(png):
        (length,) = struct.unpack(">I", png[pos:pos + 4])
        kind = png[pos + 4:pos + 8]
        chunks.append((kind, png[pos + 8:pos + 8 + length]))
        pos += 12 + length
    return chunks


def test_status_chart_alt_text_names_every_status_with_its_number() -> None:
    chart = status_chart(BARS)
    assert chart.description == (
        "Palkkikaavio: toimenpiteiden tila. Toteutunut 12, Etenee suunnitellusti 40, "
        "Viivästynyt 9, Ei käynnistynyt 3, Keskeytetty 1, Ei raportoitu 5. "
        "Toimenpiteitä yhteensä 70."
    )
    assert chart.title == "Toimenpiteiden tila"


def test_chart_png_is_200_dpi_page_wide_and_carries_no_software_name() -> None:
    chart = status_chart(BARS)
    chunks = dict(_chunks(chart.png))
    width, height = struct.unpack(">II", chunks[b"IHDR"][:8])
    assert abs(width - round(WIDTH_CM / 2.54 * DPI)) <= 2
    assert abs(height - round(chart.height_cm / 2.54 * DPI)) <= 2
    pixels_per_metre = struct.unpack(">II", chunks[b"pHYs"][:8])
    assert pixels_per_metre == (round(DPI / 0.0254),) * 2
    texts = [data for kind, data in _chunks(chart.png) if kind in {b"tEXt", b"iTXt", b"zTXt"}]
    assert not any(b"Software" in t or b"matplotlib" in t for t in texts)


def test_same_data_gives_the_same_bytes() -> None:
    assert status_chart(BARS).png == status_chart(list(BARS)).png
    assert status_chart(BARS).png != status_chart(BARS[:-1]).png


def _dark_pixels(png: bytes) -> int:
    from PIL import Image  # matplotlib's own dependency

    image = Image.open(io.BytesIO(png)).convert("L")
    return sum(image.histogram()[:100])


def test_bars_are_outlined_so_a_white_bar_shows_in_greyscale(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Colour is never the only cue: the dark outline draws even a white bar."""
    import kemireport.outputs.charts as charts

    bars = [Bar("Ei raportoitu", 5, "#FFFFFF")]
    outlined = _dark_pixels(status_chart(bars).png)
    monkeypatch.setattr(charts, "_EDGE", "#FFFFFF")
    bare = _dark_pixels(status_chart(bars).png)
    # The outline of a bar about 1,000 × 100 pixels is at least its perimeter.
    assert outlined - bare > 1500


def test_sdg_chart_lists_goals_with_finnish_names() -> None:
    chart = sdg_chart([Bar("3 Terveyttä ja hyvinvointia", 4, "#2F5597"),
                       Bar("13 Ilmastotekoja", 0, "#2F5597")])
    assert chart.description == (
        "Palkkikaavio: toimenpiteiden määrä kestävän kehityksen tavoitteittain. "
        "3 Terveyttä ja hyvinvointia 4, 13 Ilmastotekoja 0."
    )
    assert chart.png.startswith(b"\x89PNG")


def test_matplotlib_is_imported_only_when_drawing_and_never_pyplot() -> None:
    code = (
        "import sys\n"
        "import kemireport.outputs.charts as c\n"
        "assert 'matplotlib' not in sys.modules\n"
        "c.status_chart([c.Bar('Toteutunut', 1, '#C8E6C9')])\n"
        "assert 'matplotlib' in sys.modules\n"
        "assert 'matplotlib.pyplot' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)


def test_finnish_numbers_without_setlocale() -> None:
    assert fi_percent(17, 40) == f"42,5{NBSP}%"
    assert fi_percent(1, 3) == f"33,3{NBSP}%"
    assert fi_percent(5, 5) == f"100{NBSP}%"
    assert fi_percent(0, 0) == f"0{NBSP}%"
    assert fi_number(1234.56, 1) == f"1{NBSP}234,6"
    assert fi_int(1840) == f"1{NBSP}840"
    assert count(1, "virhe", "virhettä") == "1 virhe"
    assert count(0, "virhe", "virhettä") == "0 virhettä"


def test_date_in_finnish_format() -> None:
    from datetime import date

    assert fi_date(date(2025, 8, 5)) == "5.8.2025"


def test_shorten_cuts_at_a_sentence_end_with_an_ellipsis() -> None:
    text = ("Rahoitushakemus hylättiin, joten toteutus siirtyy seuraavalle vuodelle. "
            "Uusi hakemus jätetään syyskuussa, ja sen päätös odotetaan joulukuussa. "
            "Hankkeen ohjausryhmä kokoontuu seuraavan kerran lokakuussa ja arvioi tilanteen.")
    short = shorten(text, 200)
    assert short == ("Rahoitushakemus hylättiin, joten toteutus siirtyy seuraavalle vuodelle. "
                     "Uusi hakemus jätetään syyskuussa, ja sen päätös odotetaan joulukuussa. …")
    assert shorten("Lyhyt selitys.", 200) == "Lyhyt selitys."


def test_shorten_without_a_sentence_end_cuts_at_a_word() -> None:
    text = "sana " * 100
    short = shorten(text, 50)
    assert short.endswith("sana…")
    assert len(short) <= 51
    assert shorten("a\x01b\x0bc", 10) == "abc"  # control characters never reach the document
