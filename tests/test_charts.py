"""Charts: Finnish numbers, alt text with the numbers, deterministic PNG, Pillow only."""

from __future__ import annotations

import io
import struct
import subprocess
import sys

import pytest

from kemireport.core.finnish import NBSP, count, fi_date, fi_int, fi_number, fi_percent, shorten
from kemireport.outputs.charts import (
    DPI,
    WIDTH_CM,
    Bar,
    Panel,
    nice_ticks,
    panel_chart,
    sdg_chart,
    status_chart,
)

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
    from PIL import Image

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


def test_pillow_is_imported_only_when_drawing_and_matplotlib_never() -> None:
    code = (
        "import sys\n"
        "import kemireport.outputs.charts as c\n"
        "assert 'PIL' not in sys.modules\n"
        "c.status_chart([c.Bar('Toteutunut', 1, '#C8E6C9')])\n"
        "c.panel_chart([c.Panel('Työttömyysaste', '%', ['1–6/2025', '7–12/2025'], [12.8, 12.1],"
        " baseline=14.5, target=12.0)], 'Mittarit', 'kuvaus')\n"
        "assert 'PIL' in sys.modules\n"
        "assert not any(name.split('.')[0] == 'matplotlib' for name in sys.modules)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)


def test_ticks_are_round_numbers_that_fit() -> None:
    assert nice_ticks(0, 92.0, 16, integer=True) == [0, 10, 20, 30, 40, 50, 60, 70, 80, 90]
    assert nice_ticks(0, 1.02, 16, integer=True) == [0, 1]  # counts: never a "0,5"
    assert nice_ticks(11.5, 15.6, 9) == [11.5, 12, 12.5, 13, 13.5, 14, 14.5, 15, 15.5]
    assert nice_ticks(8900, 9240, 9) == [8900, 8950, 9000, 9050, 9100, 9150, 9200]
    assert nice_ticks(3, 3, 5) == [3]


def test_a_panel_chart_draws_every_value_on_its_own_scale() -> None:
    from PIL import Image

    labels = ["7–12/2024", "1–6/2025", "7–12/2025"]
    chart = panel_chart([Panel("Työttömyysaste", "%", labels, [12.9, None, 12.1],
                               baseline=14.5, target=12.0, note="pienempi on parempi"),
                         Panel("Työpaikat", "kpl", labels, [9180, 9110, 9160])],
                        "Mittarit", "Kuvaus.", width_cm=24.0, columns=4)
    image = Image.open(io.BytesIO(chart.png))
    assert image.size == (round(24.0 / 2.54 * DPI), round(chart.height_cm / 2.54 * DPI))
    assert image.mode == "RGB"
    colours = {colour for _, colour in image.getcolors(2**20) or []}
    assert (0x2F, 0x55, 0x97) in colours  # the values' line and points
    assert (0x7F, 0x7F, 0x7F) in colours  # the baseline and the target


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
