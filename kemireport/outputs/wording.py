"""The sentences every output writes from the same facts, worded once (``docs/sanasto.md``).

The board's Word report, the web page and the coordinator's workbook say the same things about
a period: how complete the returns are, how a goal's actions are doing, what deviates and for
how long, what changed. Each of those sentences is built here, so the outputs cannot word them
differently. Small numbers are written in words unless a larger one shares the sentence; every
list ends with "ja"; a department's name stays in the nominative.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kemireport.core.finnish import (
    and_list,
    count_words,
    elative,
    fi_date,
    fi_percent,
    genitive_name,
    genitive_number,
    number,
    numbers_in_words,
    or_list,
    quote,
    shorten,
)
from kemireport.core.period import Period
from kemireport.history.records import ActionRecord, Change, ChangeKind
from kemireport.outputs.facts import NOT_REPORTED, PeriodFacts, Tally
from kemireport.strategy import Strategy

ACTION_CHARS = 110  # an action's description where a table only names the action
NO_ACTION_TEXT = "(toimenpidettä ei ole kirjattu strategiaan)"
NO_ROW_TEXT = "(toimiala ei kirjoittanut rivin kuvausta)"
NO_EXPLANATION = "Toimiala ei antanut selvitystä."
NO_EXPLANATION_CELL = "(toimiala ei antanut selvitystä)"  # in a data table's cell
NO_PREVIOUS = ("Edellisen seurantakauden tietoja ei ole käytettävissä, joten vertailua ei voida "
               "vielä esittää.")
APPENDIX_TITLE = "Seurantatietojen kattavuus"
SDG_GOAL = "Kestävän kehityksen tavoite"  # a table's column of SDG names


def realisation_title(strategy: Strategy) -> str:
    """``Kemin kaupunkistrategian 2022–2025 toteutuminen``: what every report of the strategy is
    titled; a name whose genitive cannot be trusted is written around, not guessed."""
    genitive = genitive_name(strategy.name)
    return (f"{genitive} toteutuminen" if genitive
            else f"{strategy.name}: strategian toteutuminen")


def action_text(record: ActionRecord) -> str:
    """What the action is, as a reader is shown it: never an empty cell."""
    if record.toimenpiteet.strip():
        return record.toimenpiteet
    return NO_ACTION_TEXT if record.known else NO_ROW_TEXT


def change_action_text(strategy: Strategy, change: Change) -> str:
    """A changed action in a table of changes, shortened: the row's own text, else the
    strategy's, else ``NO_ACTION_TEXT``."""
    action = strategy.action(change.action_id)
    text = change.toimenpiteet or (action.toimenpiteet if action else "")
    return shorten(text, ACTION_CHARS) if text.strip() else NO_ACTION_TEXT


def status_at(period: Period) -> str:
    """A status belongs to a date: ``Tila 30.6.2025``."""
    return f"Tila {fi_date(period.end)}"


def status_phrase(name: str) -> str:
    """A scale level as the predicate of a sentence: ``on toteutunut``, ``etenee
    suunnitellusti``, ``ei ole käynnistynyt``; a name that fits no rule: ``on tilassa ”X”``."""
    words = name.split()
    if not words:
        return f"on tilassa {quote(name)}"
    lower = name[0].lower() + name[1:]
    if words[0].casefold() == "ei" and len(words) >= 2:
        return "ei ole " + " ".join(words[1:])
    if len(words) == 1 and re.search(r"(?:nut|nyt|tu|ty)$", lower):
        return f"on {lower}"
    if len(words) >= 2 and words[0][0].isupper():
        return lower  # a verb phrase: "Etenee suunnitellusti"
    return f"on tilassa {quote(name)}"


def status_predicate(name: str, phrase: str = "", *, plural: bool = False) -> str:
    """A status category as the predicate after a number: ``(25) on toteutunut``, ``(3) on
    raportoimatta``; ``plural`` after "kaikki": ``ovat tilassa ”X”``. ``phrase`` is the
    strategy's own wording of the level (``StatusLevel.phrase``), else ``status_phrase``'s rule.
    Finnish takes the singular verb after any numeral, so one phrase serves every count."""
    if name == NOT_REPORTED:
        return "ovat raportoimatta" if plural else "on raportoimatta"
    if plural:
        return f"ovat tilassa {quote(name)}"
    return phrase or status_phrase(name)


def breakdown(facts: PeriodFacts, tally: Tally, *, opening: str, none: str) -> str:
    """``{opening} 37 toimenpidettä, joista 25 on toteutunut, 7 etenee suunnitellusti ja 3 on
    viivästynyt.`` (``opening`` e.g. "Päämäärään kuuluu"; ``none`` when there are none)."""
    total = tally.total
    if total == 0:
        return none
    parts = [(c.name, n) for c, n in zip(facts.categories, tally.counts, strict=True) if n]
    words = numbers_in_words(total, *(n for _, n in parts))
    phrases = {c.name: c.predicate for c in facts.categories}

    def predicate(name: str, plural: bool) -> str:
        return status_predicate(name, phrases.get(name, ""), plural=plural)

    if total == 1:
        return f"{opening} yksi toimenpide, joka {predicate(parts[0][0], False)}."
    said = f"{opening} {number(total, words)} toimenpidettä"
    if len(parts) == 1:
        return f"{said}, ja kaikki {predicate(parts[0][0], True)}."
    listed = [f"{number(n, words)} {predicate(name, False)}" for name, n in parts]
    return f"{said}, joista {and_list(listed)}."


def goal_sentence(facts: PeriodFacts, tally: Tally) -> str:
    return breakdown(facts, tally, opening="Päämäärään kuuluu",
                     none="Päämäärään ei kuulu yhtään toimenpidettä.")


def overall_sentence(facts: PeriodFacts) -> str:
    return breakdown(facts, facts.overall, opening="Strategiassa on",
                     none="Strategiassa ei ole yhtään toimenpidettä.")


def _verb(count: int, one: str, many: str) -> str:
    return one if count == 1 else many


def returns_sentences(facts: PeriodFacts) -> list[str]:
    """Who returned their follow-up data and how much of it there is, in two sentences at most.
    """
    expected = len(facts.departments_expected)
    received = len(facts.departments_received)
    missing = [d.name for d in facts.missing_departments]
    known = len(facts.known)
    complete = facts.complete
    words = numbers_in_words(complete, known)
    if complete == known:
        # "kaikista kuudesta toimenpiteestä", "kaikista 92 toimenpiteestä": a number before
        # its noun takes the case in words, in digits the noun alone carries it.
        shown = elative(known) if words else number(known, False)
        reported = f"tila ja toteuma on kerrottu kaikista {shown} toimenpiteestä" if known else ""
    elif complete == 0:
        reported = "yhdenkään toimenpiteen tilaa ja toteumaa ei ole kerrottu"
    else:
        shown = elative(complete) if words else number(complete, False)
        reported = (f"tila ja toteuma on kerrottu {shown} toimenpiteestä "
                    f"{elative(known, words)} ({fi_percent(complete, known)})")
    if received == expected and expected:
        if expected == 1:
            first = "Toimiala palautti seurantatietonsa"
        else:
            first = (f"Kaikki {number(expected, expected <= 10)} toimialaa palauttivat "
                     "seurantatietonsa")
        return [f"{first}, ja {reported}." if reported else f"{first}."]
    sentences = []
    if received == 0:
        sentences.append("Yksikään toimiala ei palauttanut seurantatietojaan.")
    else:
        words = numbers_in_words(received, expected)
        sentences.append(f"Seurantatietonsa palautti {number(received, words)} "
                         f"{_verb(received, 'toimiala', 'toimialaa')} "
                         f"{elative(expected, words)}.")
        sentences.append(f"{and_list(missing)} "
                         f"{_verb(len(missing), 'ei palauttanut', 'eivät palauttaneet')} "
                         "seurantatietojaan.")
    if reported:
        sentences.append(reported[0].upper() + reported[1:] + ".")
    return sentences


def unsigned_sentence(facts: PeriodFacts) -> str:
    """``Hyvinvointitoimiala palautti seurantatietonsa ilman hyväksyntää.`` ("" if none did)."""
    unsigned = [a.name for a in facts.approvals if a.returned and not a.approver]
    if not unsigned:
        return ""
    verb = _verb(len(unsigned), "palautti", "palauttivat")
    return f"{and_list(unsigned)} {verb} seurantatietonsa ilman hyväksyntää."


def added_sentence(facts: PeriodFacts, where: str) -> str:
    """Rows the departments added: ``where`` says where a reader finds them."""
    extra = len(facts.added)
    if not extra:
        return ""
    if extra == 1:
        return ("Lisäksi toimialat kirjoittivat yhden rivin, jota strategiassa ei ole; se on "
                f"{where}.")
    return (f"Lisäksi toimialat kirjoittivat {number(extra, extra <= 10)} riviä, joita "
            f"strategiassa ei ole; ne ovat {where}.")


def deviation_names(facts: PeriodFacts) -> str:
    """``”Viivästynyt”, ”Ei käynnistynyt” tai ”Keskeytetty”``."""
    return or_list([quote(n) for n in facts.deviation_statuses])


def no_deviations(facts: PeriodFacts) -> str:
    return f"Yhdenkään toimenpiteen tila ei ole {deviation_names(facts)}."


def deviations_sentence(facts: PeriodFacts) -> str:
    """How many deviate, and how many of them for more than one period."""
    count = len(facts.deviations)
    lasting = sum(1 for d in facts.deviations if d.streak >= 2)
    words = numbers_in_words(count, lasting)
    first = (f"Poikkeamia eli toimenpiteitä, joiden tila on {deviation_names(facts)}, on "
             f"{number(count, words)}.")
    if not lasting:
        return first
    if lasting == count:
        return first + (" Kaikki ovat poikenneet suunnitelmasta useampana seurantakautena "
                        "peräkkäin." if count > 1 else " Se on poikennut suunnitelmasta "
                        "useampana seurantakautena peräkkäin.")
    return first + (f" Niistä {number(lasting, words)} on poikennut suunnitelmasta useampana "
                    "seurantakautena peräkkäin.")


def streak_text(streak: int) -> str:
    """For how long an action has deviated: ``uusi poikkeama``, ``kaksi seurantakautta
    peräkkäin``."""
    if streak <= 1:
        return "uusi poikkeama"
    return f"{number(streak, streak <= 10)} seurantakautta peräkkäin"


_CHANGES: dict[ChangeKind, str] = {  # kind -> its clause, {} for the number
    "status-changed": "tila muuttui {} toimenpiteessä",
    "new-report": "{} toimenpiteestä raportoitiin nyt ensimmäistä kertaa",
    "missing-report": "{} toimenpiteestä ei nyt raportoitu",
    "unchanged": "{} toimenpiteen tila pysyi ennallaan",
}
# A small number in the case its clause asks: inessive, elative or genitive.
_INESSIVE = ("", "yhdessä", "kahdessa", "kolmessa", "neljässä", "viidessä", "kuudessa",
             "seitsemässä", "kahdeksassa", "yhdeksässä", "kymmenessä")


def changes_sentence(facts: PeriodFacts) -> str:
    """``Verrattuna seurantakauteen 1.1.–30.6.2025 tila muuttui 58 toimenpiteessä, …``."""
    previous = facts.previous_period
    if previous is None:
        return NO_PREVIOUS
    counts = {kind: len(facts.changes_of(kind)) for kind in _CHANGES}
    words = numbers_in_words(*counts.values())
    parts = [_CHANGES[kind].format(_in_case(kind, n) if words else number(n, False))
             for kind, n in counts.items() if n]
    if not parts:
        return (f"Seurantakaudella {previous.label} ja nyt ei ole yhtään yhteistä toimenpidettä "
                "vertailtavaksi.")
    return f"Verrattuna seurantakauteen {previous.label} {and_list(parts)}."


def _in_case(kind: ChangeKind, n: int) -> str:
    if kind == "status-changed":
        return _INESSIVE[n]
    if kind == "unchanged":
        return genitive_number(n)
    return elative(n)


def no_moves(facts: PeriodFacts) -> str:
    return "Yhdenkään toimenpiteen tila ei muuttunut edelliseen seurantakauteen verrattuna."


def sdg_sentence(facts: PeriodFacts) -> str:
    linked = facts.sdg_linked
    if not linked:
        return ("Yhtäkään toimenpidettä ei ole liitetty YK:n kestävän kehityksen tavoitteisiin "
                "(SDG).")
    shown = number(linked, linked <= 10)
    return (f"Toimenpiteistä {shown} edistää yhtä tai useampaa YK:n kestävän kehityksen "
            "tavoitetta (SDG). Sama toimenpide voi edistää useaa tavoitetta.")


def listed(names: Sequence[str]) -> str:
    """Names as a Finnish list, in quotation marks."""
    return and_list([quote(n) for n in names])


def points(errors: int, warnings: int) -> str:
    """``neljä korjattavaa kohtaa``, ``yksi korjattava ja kaksi tarkistettavaa kohtaa``."""
    said = []
    if errors:
        said.append(count_words(errors, "korjattava kohta", "korjattavaa kohtaa"))
    if warnings:
        said.append(count_words(warnings, "tarkistettava kohta", "tarkistettavaa kohtaa"))
    if len(said) == 2:  # "kohta(a)" once, after the second
        said[0] = said[0].rsplit(" ", 1)[0]
    return and_list(said) or "ei korjattavaa"
