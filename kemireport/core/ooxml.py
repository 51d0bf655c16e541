"""What every Office file we write shares: characters XML can hold, fills black text reads on.

The department templates, the coordinator's workbook, the feedback copies and the board's Word
report all put department text and status colours into Office Open XML; one rule for each.
"""

from __future__ import annotations

import re

# Characters XML 1.0 does not allow (and lone surrogates, which no UTF-8 file can hold); a
# department's text may still contain them, pasted from another program.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """``text`` without the characters an Office file cannot hold."""
    return _ILLEGAL.sub("", text)


def _luminance(color: str) -> float:
    value = color.lstrip("#")
    channels = [int(value[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG contrast ratio of two ``#RRGGBB`` colours (1–21)."""
    lighter, darker = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def readable_fill(color: str, minimum: float = 7.0) -> str:
    """``#RRGGBB``: the colour itself if black text on it has ``minimum`` contrast, else the
    colour lightened towards white until it has.

    The status scale lives in the strategy file and an organisation may choose dark colours;
    the status is always written as text, so the fill may only ever help, never hide it. The
    default is WCAG AAA (7:1): spreadsheets are read zoomed out, in small print.
    """
    rgb = [int(color.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4)]
    for step in range(21):
        mix = step / 20
        fill = "#" + "".join(f"{round(c + (255 - c) * mix):02X}" for c in rgb)
        if contrast_ratio("#000000", fill) >= minimum:
            return fill
    return "#FFFFFF"
