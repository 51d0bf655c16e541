"""The sentences of the final report of a strategy period, worded once for every output.

The council's Word report and the residents' web page say the same things about the strategy
period (how many actions ended in each status, what deviated for long, what continues, how the
indicators moved, what data the report rests on); each sentence is built here from
``SummaryFacts``, so the two cannot word or count them differently. Where a sentence points to
another part, the caller says how (a numbered chapter in Word, a named section on the page).
"""

from __future__ import annotations

from kemireport.core.finnish import (
    WORDS_UP_TO,
    and_list,
    count_words,
    elative,
    fi_int,
    number,
    numbers_in_words,
    or_list,
)
from kemireport.outputs.progress import NOT_REPORTED, Trajectory
from kemireport.outputs.summary import Outcome, SummaryFacts
from kemireport.outputs.wording import status_predicate

TOTEUMA_CHARS = 400  # the last Toteuma in the table of continuing actions
LONG_TITLE = "Pitkään suunnitelmasta poikenneet toimenpiteet"
CONTINUING_TITLE = "Jatkuvat toimenpiteet"
OUTCOME_TITLE = "Toimenpiteiden tulos päämäärittäin"
SOURCES_TITLE = "Aineisto"
SOURCES_INTRO = ("Raportti on koottu seurantakausien tiedoista sellaisina kuin ne olivat kunkin "
                 "seurantakauden seurantaraportissa.")
TRAJECTORY_INTRO = ("Tilat on lueteltu vanhimmasta uusimpaan; suluissa on, kuinka monena "
                    "peräkkäisenä seurantakautena tila pysyi samana. Viimeisin toteuma on "
                    "toimialan viimeksi raportoima teksti, ja sen seurantakausi on suluissa.")


def scope_sentence(facts: SummaryFacts) -> str:
    stored = count_words(len(facts.coverage), "seurantakausi", "seurantakautta")
    return (f"Raportti kokoaa, miten kaupunkistrategia toteutui ajalla {facts.progress.span}. "
            f"Tältä ajalta on koottu {stored}. Kunkin toimenpiteen tulos on sen viimeisin "
            "raportoitu tila.")


def gaps_sentence(facts: SummaryFacts) -> str:
    """The periods without data, or "" when there are none."""
    if not facts.gaps:
        return ""
    gaps = and_list([p.label for p in facts.gaps])
    if len(facts.gaps) > 1:
        return (f"Seurantakausilta {gaps} ei ole koottuja tietoja; niiltä toimenpiteiden tila "
                "on ”Ei raportoitu”.")
    return (f"Seurantakaudelta {gaps} ei ole koottuja tietoja; siltä toimenpiteiden tila on "
            "”Ei raportoitu”.")


def outcome_sentence(facts: SummaryFacts, outcome: Outcome, opening: str, *,
                     capital: bool = True) -> str:
    """``Strategian 92 toimenpiteestä 64 on toteutunut, 18 etenee suunnitellusti …``; small
    numbers in words when no larger one shares the sentence."""
    counts = [(name, n) for name, n in zip(facts.categories, outcome.counts, strict=True) if n]
    words = numbers_in_words(outcome.total, *(n for _, n in counts))
    total = elative(outcome.total) if words else fi_int(outcome.total)
    clause = and_list([f"{number(n, words)} {_verb(facts, name)}" for name, n in counts])
    said = f"{opening} {total} toimenpiteestä {clause}.".strip()
    return (said[0].upper() if capital else said[0]) + said[1:]


def goal_outcome_sentences(facts: SummaryFacts) -> list[str]:
    """``Elinvoimainen kaupunki: 37 toimenpiteestä …`` for every goal."""
    return [f"{o.label}: {outcome_sentence(facts, o, '', capital=False)}"
            for o in facts.by_goal]


def _verb(facts: SummaryFacts, status: str) -> str:
    """The predicate after a number: ``(25) on toteutunut``."""
    level = facts.strategy.status_level(status)
    return status_predicate(status, level.phrase if level else "")


def findings_sentences(facts: SummaryFacts, *, long_where: str,
                       continuing_where: str) -> list[str]:
    """What deviated for long, what continues and how the indicators moved. ``long_where``:
    where the long deviations are listed (``luvussa 4``); ``continuing_where``: into which
    part the continuing actions are gathered (``lukuun 6``)."""
    lasting = facts.long_deviations
    continuing = facts.continuing
    sentences = []
    if lasting:
        sentences.append("Vähintään kahtena peräkkäisenä seurantakautena suunnitelmasta "
                         f"poikkesi {count_words(len(lasting), 'toimenpide', 'toimenpidettä')}; "
                         f"ne on lueteltu {long_where}.")
    if continuing:
        shown = number(len(continuing), len(continuing) <= WORDS_UP_TO)
        sentences.append(f"Toimenpiteistä {shown} ei ole toteutunut. Ne on "
                         f"koottu {continuing_where} seuraavan strategian valmistelua varten.")
    indicators = facts.progress.indicators
    if indicators:
        reported = [i for i in indicators if i.latest is not None]
        better = [i for i in indicators if i.direction == "parempaan"]
        targeted = [i for i in indicators if i.target is not None]
        met = [i for i in targeted if i.target_met]
        many = len(indicators)
        text = (f"Strategian {fi_int(many)} mittarista "
                + ("kaikille" if len(reported) == many else f"{fi_int(len(reported))}:lle")
                + " ilmoitettiin arvo. ")
        text += (f"Viimeisin arvo oli ensimmäistä parempi {fi_int(len(better))} mittarissa."
                 if better else
                 "Yhdenkään mittarin viimeisin arvo ei ollut ensimmäistä parempi.")
        if len(targeted) == 1:
            text += (" Tavoitetaso on asetettu yhdelle mittarille, ja se on "
                     + ("saavutettu." if met else "vielä saavuttamatta."))
        elif targeted:
            text += (f" Tavoitetaso on asetettu {fi_int(len(targeted))} mittarille, ja niistä "
                     f"{fi_int(len(met))} on saavutettu.")
        sentences.append(text)
    return sentences


def long_intro(facts: SummaryFacts) -> str:
    if not facts.long_deviations:
        return ("Yksikään toimenpide ei poikennut suunnitelmasta kahtena tai useampana "
                "peräkkäisenä seurantakautena.")
    names = or_list([f"”{n}”" for n in facts.progress.deviation_statuses])
    return (f"Toimenpiteet, joiden tila oli {names} vähintään kahtena peräkkäisenä "
            "seurantakautena, pisimmästä lyhimpään. Viimeisin tila kertoo, miten toimenpiteen "
            "lopulta kävi.")


def continuing_intro(facts: SummaryFacts) -> str:
    done = and_list([f"”{s}”" for s in facts.progress.completed_statuses])
    if not facts.continuing:
        return f"Kaikkien toimenpiteiden viimeisin tila on {done}."
    return (f"Toimenpiteet, joiden viimeisin tila ei ole {done}: aineistoa seuraavan "
            "strategian valmisteluun. Ryhmittely on viimeisimmän tilan mukaan, ja mukana on "
            "toimialan viimeksi raportoima toteuma.")


def continuing_in_order(facts: SummaryFacts) -> list[Trajectory]:
    """The continuing actions grouped by their last status, in the scale's order."""
    order = {name: i for i, name in enumerate(facts.categories)}
    return sorted(facts.continuing, key=lambda t: (order.get(t.last or "", len(order)),))


def last_status(trajectory: Trajectory) -> str:
    return trajectory.last or NOT_REPORTED


def sources_gaps(facts: SummaryFacts) -> str:
    """The periods without data, as the appendix says it ("" when there are none)."""
    if not facts.gaps:
        return ""
    return ("Seurantakaudet, joilta ei ole koottuja tietoja: "
            + and_list([p.label for p in facts.gaps]) + ". Niiden tilat näkyvät "
            "toimenpiteiden kulussa tilana ”Ei raportoitu”.")

