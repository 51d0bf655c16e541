"""A small raster canvas for the report's charts, on Pillow.

The charts are simple (bars, lines, points and their words), so they are drawn here directly:
matplotlib took longer to import than the whole report takes to write, and most of its drawing
time went to a general text layout these charts do not need. Measures are in points, as in a
word processor, and the image is rendered at ``dpi``; text is set in DejaVu Sans (the typeface
the charts have always used), which the package carries in ``fonts/`` with its licence, so
that a chart looks the same on every machine. Lines that are not straight across or up (a
polyline, a point's circle) are drawn on a ``scale``-times larger image that is reduced at
the end, so that they are as smooth as text. The same drawing gives the same bytes: the PNG
carries only the pixels and their density (``png_bytes``).
"""

from __future__ import annotations

import itertools
import struct
import zlib
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PIL.ImageFont import FreeTypeFont

Color = str  # "#RRGGBB"


FONT_FILE = Path(__file__).with_name("fonts") / "DejaVuSans.ttf"


@lru_cache(maxsize=64)
def _font(size_px: int) -> FreeTypeFont:
    from PIL import ImageFont

    return ImageFont.truetype(str(FONT_FILE), size_px)


class Canvas:
    """A white image ``width_px`` × ``height_px`` pixels at ``dpi``; (0, 0) is the top left.

    Places are given in those pixels (floats); sizes of type and lines in points."""

    def __init__(self, width_px: int, height_px: int, dpi: int, *, scale: int = 1) -> None:
        from PIL import Image, ImageDraw

        self.dpi = dpi
        self.scale = scale
        self.size = (width_px, height_px)
        self.image = Image.new("RGB", (width_px * scale, height_px * scale), "white")
        self.draw = ImageDraw.Draw(self.image)

    # -- measures -----------------------------------------------------------------------------

    def px(self, points: float) -> float:
        """Points as output pixels."""
        return points * self.dpi / 72

    def _s(self, value: float) -> int:
        return round(value * self.scale)

    def _font(self, size_pt: float) -> FreeTypeFont:
        return _font(max(1, round(self.px(size_pt) * self.scale)))

    def text_size(self, text: str, size_pt: float) -> tuple[float, float]:
        """Width and height in output pixels of ``text`` (lines split at ``\\n``)."""
        font = self._font(size_pt)
        lines = text.split("\n")
        width = max(font.getlength(line) for line in lines) / self.scale
        return width, self.line_height(size_pt) * len(lines)

    def line_height(self, size_pt: float) -> float:
        """The distance of two lines of text, in output pixels (1.2 × the size)."""
        return self.px(size_pt) * 1.2

    # -- drawing (coordinates in output pixels) ----------------------------------------------

    def rect(self, left: float, top: float, right: float, bottom: float, *,
             fill: Color | None = None, edge: Color | None = None,
             edge_pt: float = 0.0) -> None:
        box = (self._s(left), self._s(top), self._s(right), self._s(bottom))
        if box[2] < box[0] or box[3] < box[1]:
            return
        width = max(1, round(self.px(edge_pt) * self.scale)) if edge and edge_pt else 0
        self.draw.rectangle(box, fill=fill, outline=edge if width else None, width=width)

    def line(self, points: list[tuple[float, float]], color: Color, width_pt: float, *,
             dash: tuple[float, float] | None = None) -> None:
        """A polyline ``width_pt`` wide; ``dash`` is (on, off) in points."""
        width = max(1, round(self.px(width_pt) * self.scale))
        scaled = [(x * self.scale, y * self.scale) for x, y in points]
        if dash is None:
            self.draw.line(scaled, fill=color, width=width, joint="curve")
            return
        on, off = (self.px(d) * self.scale for d in dash)
        for (x0, y0), (x1, y1) in itertools.pairwise(scaled):
            length = ((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5
            if not length:
                continue
            at = 0.0
            while at < length:
                end = min(at + on, length)
                self.draw.line([(x0 + (x1 - x0) * at / length, y0 + (y1 - y0) * at / length),
                                (x0 + (x1 - x0) * end / length, y0 + (y1 - y0) * end / length)],
                               fill=color, width=width)
                at = end + off

    def dot(self, x: float, y: float, diameter_pt: float, color: Color) -> None:
        radius = self.px(diameter_pt) * self.scale / 2
        cx, cy = x * self.scale, y * self.scale
        self.draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), fill=color)

    def text(self, x: float, y: float, text: str, size_pt: float, color: Color, *,
             align: str = "left", valign: str = "top") -> None:
        """``text`` (lines split at ``\\n``) placed by its box: ``align`` left, center or right
        of ``x``; ``valign`` top, middle or bottom of ``y``."""
        font = self._font(size_pt)
        lines = text.split("\n")
        step = self.line_height(size_pt)
        top = y - {"top": 0.0, "middle": step * len(lines) / 2,
                   "bottom": step * len(lines)}[valign]
        anchor = {"left": "lm", "center": "mm", "right": "rm"}[align]
        for number, line in enumerate(lines):
            middle = top + step * (number + 0.5)
            self.draw.text((x * self.scale, middle * self.scale), line, font=font, fill=color,
                           anchor=anchor)

    def vertical_text(self, x: float, y: float, text: str, size_pt: float,
                      color: Color) -> None:
        """One line of ``text`` read upwards, centred on (``x``, ``y``)."""
        from PIL import Image, ImageDraw

        font = self._font(size_pt)
        width = int(font.getlength(text)) + 2
        height = round(self.line_height(size_pt) * self.scale) + 2
        mask = Image.new("L", (width, height), 0)
        ImageDraw.Draw(mask).text((width / 2, height / 2), text, font=font, fill=255,
                                  anchor="mm")
        mask = mask.transpose(Image.Transpose.ROTATE_90)
        left = round(x * self.scale - mask.width / 2)
        top = round(y * self.scale - mask.height / 2)
        self.image.paste(color, (left, top, left + mask.width, top + mask.height), mask)

    # -- the result ---------------------------------------------------------------------------

    def png(self) -> bytes:
        image = self.image
        if self.scale != 1:
            image = image.reduce(self.scale)  # each pixel the mean of its scale × scale
        return png_bytes(image.size, image.tobytes(), self.dpi)


def _deflater() -> Any:
    try:
        from isal import isal_zlib
    except ImportError:  # pragma: no cover - isal is a dependency; a platform without its wheel
        return zlib.compressobj(3)
    return isal_zlib.compressobj(1)


def png_bytes(size: tuple[int, int], rgb: bytes, dpi: int) -> bytes:
    """A PNG of 8-bit RGB pixels: the rows unfiltered and deflated, and the pixel density;
    nothing else. Pillow's encoder tries five filters on every row, which costs it twice the
    time for a larger file on a chart's flat colours; ISA-L's level 1 deflates a chart in a
    quarter of zlib's level-3 time for a file about a tenth larger (zlib where isal is
    missing)."""
    width, height = size
    stride = width * 3
    pixels = memoryview(rgb)
    deflate = _deflater()
    packed = []
    for start in range(0, stride * height, stride):  # each row: filter type 0, its pixels
        packed.append(deflate.compress(b"\x00"))
        packed.append(deflate.compress(pixels[start:start + stride]))
    packed.append(deflate.flush())
    per_metre = round(dpi / 0.0254)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data)))

    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"pHYs", struct.pack(">IIB", per_metre, per_metre, 1))
            + chunk(b"IDAT", b"".join(packed))
            + chunk(b"IEND", b""))
