"""Nothing of the seed's 17 department tables is lost in the strategy definition.

The seed is the strategy document converted to text (``tests/data/strategia``). Every word of
four or more letters in its tables must appear in the definition's action texts, except the
misspellings that were corrected (each correction is recorded in the row's ``notes``).
"""

from __future__ import annotations

import itertools
import re

from conftest import SEED

from kemireport.strategy import Strategy

WORD = re.compile(r"[A-Za-zÅÄÖåäöéü]{4,}")
HEADINGS = {"tavoite", "toimenpiteet", "vastuu", "aikataulu", "mittarit", "arviointi",
            "toteuma"}
# Seed words that a recorded typo correction replaced (see kemireport/strategy/RECONSTRUCTION.md).
CORRECTED = {
    "taluspäällikkö", "vuositainen", "viestintäiimi", "kaupungeedeetti", "kaupungeodeetti",
    "elinvoimaproessin", "jatkokon", "kurssitarjoanta", "väilytyömarkkinoiden", "viestintämiin",
    "keväät", "tapahtuminen", "kouluverkkoosuunnitelua", "päiväkotij", "perhekeskisyhteistyö",
    "hankeiden", "viikottainen", "viestimä", "rahoitusta",
    "aika",  # "Vapaa-aika päällikkö" → "Vapaa-aikapäällikkö"
    "kemien",  # "vihreän Kemien" → "vihreän Kemin" (EK-EV-01)
    # SDG labels as printed; the definition keeps the numbers and the official names.
    "köyhyttä", "sukupuoliten", "ihmissarvoista", "oikeuden", "mukaisuus",
}


def _seed_tables() -> list[str]:
    text = SEED.read_text(encoding="utf-8")
    starts = [m.start() for m in re.finditer(r"^Strateginen päämäärä: ", text, re.M)]
    end = text.index("\nKemin kaupungin tapa toimia\n", starts[-1])
    bounds = [*starts, end]
    return [text[a:b].split("\n", 1)[1] for a, b in itertools.pairwise(bounds)]


def _words(text: str) -> set[str]:
    return {w.lower() for w in WORD.findall(re.sub(r"</?p>", " ", text))}


def test_every_word_of_the_seed_tables_is_in_the_definition(kemi_strategy: Strategy) -> None:
    tables = _seed_tables()
    assert len(tables) == 17
    texts: list[str] = []
    for action in kemi_strategy.actions:
        texts += [kemi_strategy.tavoite(action), action.seed_tavoite, action.toimenpiteet,
                  action.vastuu, action.mittarit]
        texts += [f"{n} {kemi_strategy.sdg[n]}" for n in kemi_strategy.strategy_sdg(action)]
    known = _words(" ".join(texts))
    lost = sorted(
        w for table in tables for w in _words(table)
        if w not in known and w not in CORRECTED and w not in HEADINGS
    )
    assert lost == []


def test_every_seed_table_has_rows(kemi_strategy: Strategy) -> None:
    counts = {(d.code, g.code): len(kemi_strategy.actions_for(d.code, g.code))
              for d in kemi_strategy.departments for g in kemi_strategy.goals}
    assert all(n > 0 for n in counts.values()), counts
    assert len(kemi_strategy.actions) == 92
    assert len({a.id for a in kemi_strategy.actions}) == 92
