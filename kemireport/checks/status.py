"""The Tila cell: present, on the strategy's scale, and not contradicted by the Toteuma text.

What a Tila value means is decided in ``meaning``; a value that means no level of the scale is
``status-invalid`` here, with the closest level suggested.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator

from kemireport.checks.common import Where, fold, shorten
from kemireport.checks.meaning import RowMeaning
from kemireport.core.findings import Finding
from kemireport.core.finnish import quote
from kemireport.reading.model import ReturnedRow
from kemireport.strategy import Strategy

DONE = "Toteutunut"
NOT_STARTED = "Ei käynnistynyt"

# Words people write instead of picking from the dropdown; used only to suggest, never to accept.
_SYNONYMS: dict[str, str] = {
    "valmis": DONE, "tehty": DONE, "toteutettu": DONE, "toteutui": DONE, "ok": DONE,
    "kesken": "Etenee suunnitellusti", "etenee": "Etenee suunnitellusti",
    "kaynnissa": "Etenee suunnitellusti", "aikataulussa": "Etenee suunnitellusti",
    "myohassa": "Viivästynyt", "viivastyy": "Viivästynyt",
    "aloittamatta": NOT_STARTED, "ei aloitettu": NOT_STARTED, "ei alkanut": NOT_STARTED,
    "lopetettu": "Keskeytetty", "keskeytynyt": "Keskeytetty",
}


def suggest_status(strategy: Strategy, raw: str) -> str | None:
    """The level the person most likely meant, for the 'Tarkoititko …?' hint."""
    wanted = fold(raw).strip(" .!")
    if not wanted:
        return None
    folded = {fold(name): name for name in strategy.status_names}
    synonym = _SYNONYMS.get(wanted)
    if synonym is not None and synonym in strategy.status_names:
        return synonym
    prefixed = [name for key, name in folded.items() if len(wanted) >= 3 and key.startswith(wanted)]
    if len(prefixed) == 1:
        return prefixed[0]
    close = difflib.get_close_matches(wanted, list(folded), n=1, cutoff=0.6)
    return folded[close[0]] if close else None


def check_status(strategy: Strategy, row: ReturnedRow, meaning: RowMeaning, action_id: str,
                 where: Where) -> Iterator[Finding]:
    """status-missing and status-invalid, on the Tila cell."""
    raw = meaning.status_raw
    if meaning.status is not None:
        return
    choices = ", ".join(strategy.status_names)
    if not raw.strip():
        yield Finding.of(
            "status-missing",
            f"Tila puuttuu. Valitse Tila-sarakkeen pudotusvalikosta jokin: {choices}.",
            **where.at(row, "Tila", action_id),
        )
        return
    suggestion = suggest_status(strategy, raw)
    hint = f" Tarkoititko {quote(suggestion)}?" if suggestion else ""
    yield Finding.of(
        "status-invalid",
        f"Tila {quote(shorten(raw, 40))} ei ole asteikolla.{hint} Valitse Tila-sarakkeen "
        f"pudotusvalikosta jokin: {choices}.",
        **where.at(row, "Tila", action_id),
    )


# Conservative on purpose: only the first sentence is read (later sentences often describe a
# next phase: "Hanke valmistui. Jatkovaihe ei ole vielä alkanut."), and only plain phrases.
_NOT_DONE = re.compile(
    r"\b(?:ei|eikä)\s+(?:ole\s+)?(?:vielä\s+)?(?:käynnistynyt|käynnistetty|aloitettu|alkanut|"
    r"toteutunut|toteutettu|tehty)\b|\b(?:aloittamatta|käynnistämättä|tekemättä)\b",
    re.IGNORECASE,
)
_DONE = re.compile(
    r"\b(?:valmistui|valmistunut|valmistuneet|on\s+valmis|ovat\s+valmiit|saatiin\s+valmiiksi|"
    r"saatu\s+valmiiksi|toteutui|toteutettiin|on\s+toteutettu|on\s+toteutunut|"
    r"otettiin\s+käyttöön|on\s+otettu\s+käyttöön)\b",
    re.IGNORECASE,
)
_NEGATION = re.compile(r"\b(?:ei|eikä|eivät|en|emme)\b", re.IGNORECASE)


def _first_sentence(text: str) -> str:
    return re.split(r"(?<=[.!?])\s+|\n", text.strip(), maxsplit=1)[0]


def check_contradiction(row: ReturnedRow, meaning: RowMeaning, action_id: str,
                        where: Where) -> Iterator[Finding]:
    """status-contradiction: 'Toteutunut' but not started, or 'Ei käynnistynyt' but done."""
    status = meaning.status
    if status not in (DONE, NOT_STARTED):
        return
    sentence = _first_sentence(meaning.toteuma_raw)
    if not sentence:
        return
    if status == DONE:
        match = _NOT_DONE.search(sentence)
        if match:
            yield Finding.of(
                "status-contradiction",
                f"Tila on {quote(DONE)}, mutta Toteuma kertoo {quote(match.group(0))}. Tarkista, "
                "kumpi pitää paikkansa, ja korjaa Tila tai Toteuma.",
                **where.at(row, "Tila", action_id),
            )
    elif status == NOT_STARTED:
        match = _DONE.search(sentence)
        if match and not _NEGATION.search(sentence):
            yield Finding.of(
                "status-contradiction",
                f"Tila on {quote(NOT_STARTED)}, mutta Toteuma kertoo {quote(match.group(0))}. "
                "Tarkista, "
                "kumpi pitää paikkansa, ja korjaa Tila tai Toteuma.",
                **where.at(row, "Tila", action_id),
            )
