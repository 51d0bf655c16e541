"""Is this workbook one of our templates, for this period and this strategy?

A workbook identifies itself by its hidden identity sheet, never by its file name: people
rename files ("Ympäristö_korjattu_v2 (1).xlsx") but cannot easily lose a hidden sheet.
"""

from __future__ import annotations

from collections.abc import Iterator

from kemireport.core.findings import Finding, Location
from kemireport.core.finnish import quote
from kemireport.core.period import Period
from kemireport.errors import PeriodError
from kemireport.reading.model import ReturnedWorkbook
from kemireport.strategy import Strategy
from kemireport.templates.contract import IDENTITY_PRODUCT, READABLE_VERSIONS, TEMPLATE_VERSION

REJECTING = frozenset({"not-a-template", "wrong-period", "wrong-strategy", "identity-changed"})


def _period_words(period_id: str) -> str:
    try:
        return f"{Period.parse(period_id).label} ({period_id})"
    except PeriodError:
        return quote(period_id)


def identity_department(workbook: ReturnedWorkbook, strategy: Strategy) -> str | None:
    """The department code the workbook claims, if the strategy knows it."""
    identity = workbook.identity
    if identity is None:
        return None
    codes = {d.code for d in strategy.departments}
    return identity.department if identity.department in codes else None


def check_identity(workbook: ReturnedWorkbook, strategy: Strategy,
                   period: Period) -> Iterator[Finding]:
    """not-a-template, wrong-period, wrong-strategy (rejecting) and template-outdated."""
    identity = workbook.identity
    department = identity_department(workbook, strategy)
    where: Location = {"file": workbook.file, "department": department}
    if identity is None or identity.product != IDENTITY_PRODUCT:
        yield Finding.of(
            "not-a-template",
            "Tiedosto ei ole kemireportin pohja (pohjan piilotettu tunnistevälilehti puuttuu). "
            "Täytä strategiakoordinaattorin lähettämä toimialasi pohja ja palauta se; älä "
            "kopioi vastauksia uuteen tiedostoon.",
            **where,
        )
        return
    if identity.intact is False:
        yield Finding.of(
            "identity-changed",
            "Pohjan piilotettua tunnistetta (toimiala, seurantakausi tai strategia) on muutettu "
            "käsin, joten palautusta ei voi luotettavasti liittää mihinkään toimialaan ja "
            "seurantakauteen. Siirrä vastaukset strategiakoordinaattorin lähettämään oman "
            "toimialasi ja tämän seurantakauden pohjaan ja palauta se.",
            **where,
        )
        return
    if identity.template_version not in READABLE_VERSIONS:
        shown = identity.template_version if identity.template_version is not None else "?"
        yield Finding.of(
            "wrong-strategy",
            f"Pohjan versio on {shown}, mutta tämä kemireport lukee versiota {TEMPLATE_VERSION}. "
            "Pyydä strategiakoordinaattorilta uusi pohja ja siirrä vastauksesi siihen.",
            **where,
        )
    if identity.strategy_id != strategy.id:
        yield Finding.of(
            "wrong-strategy",
            f"Pohja on tehty strategialle {quote(identity.strategy_id)}, mutta nyt seurataan "
            f"strategiaa {quote(strategy.id)} ({strategy.name}). Täytä strategiakoordinaattorin "
            "tälle seurantakaudelle lähettämä pohja.",
            **where,
        )
    elif department is None:
        known = ", ".join(f"{d.code} ({d.name})" for d in strategy.departments)
        yield Finding.of(
            "wrong-strategy",
            f"Pohjan toimialaa {quote(identity.department)} ei ole strategiassa {strategy.name} "
            f"(toimialat: {known}). Täytä oman toimialasi pohja.",
            **where,
        )
    if identity.period != period.id:
        yield Finding.of(
            "wrong-period",
            f"Pohja on seurantakaudelle {_period_words(identity.period)}, mutta nyt "
            f"tarkistetaan seurantakautta {period.label} ({period.id}). Täytä tämän "
            "seurantakauden pohja, jonka strategiakoordinaattori lähetti.",
            **where,
        )
    reasons = []
    if identity.template_version in READABLE_VERSIONS and (
            identity.template_version != TEMPLATE_VERSION):
        reasons.append("Palautus on tehty vanhalla pohjalla, jossa ei ole poikkeaman syyn, uuden "
                       "aikataulun eikä hyväksynnän kohtia. Se luettiin ja raportoidaan "
                       "sellaisenaan; lähetä toimialalle seuraavalla seurantakaudella uusi "
                       "pohja.")
    if (
        identity.strategy_id == strategy.id
        and department is not None
        and identity.strategy_fingerprint != strategy.fingerprint(department)
    ):
        reasons.append("Strategian tekstejä on muutettu sen jälkeen, kun pohja lähetettiin. "
                       "Palautus tarkistettiin nykyistä strategiaa vasten; tarkista alla "
                       "mainitut rivit, ja lähetä toimialalle tarvittaessa uusi pohja.")
    if reasons:
        yield Finding.of("template-outdated", " ".join(reasons), **where)
