"""One return per department: duplicates resolved, missing returns named."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from kemireport.core.findings import FINDING_TYPES, Finding
from kemireport.core.period import Period
from kemireport.strategy import Strategy


@dataclass(frozen=True)
class Claim:
    """A file that claims to be a department's return, and what ranks it against others."""

    file: str
    complete: int  # rows that are fully reported
    modified: float  # modification time; 0 when unknown (pure validation without files)


def rank(claim: Claim) -> tuple[int, float, str]:
    """The order of returns for one department: most complete, then newest, then by name."""
    return (-claim.complete, -claim.modified, claim.file)


def choose(claims: Sequence[Claim]) -> tuple[Claim, str]:
    """The return to use (the first by ``rank``) and why (Finnish)."""
    ranked = sorted(claims, key=rank)
    best, runner_up = ranked[0], ranked[1]
    if best.complete != runner_up.complete:
        why = f"siinä on eniten valmiiksi raportoituja rivejä ({best.complete})"
    elif best.modified != runner_up.modified:
        why = "se on tallennettu viimeisimpänä"
    else:
        why = "tiedostot ovat yhtä valmiita, ja se on ensimmäinen nimen mukaan"
    return best, why


def check_duplicates(strategy: Strategy, department: str,
                     claims: Sequence[Claim]) -> Iterator[Finding]:
    """duplicate-department on every claiming file, naming the others and the one used."""
    chosen, why = choose(claims)
    name = strategy.department(department).name
    by_name = sorted(claims, key=lambda c: c.file)
    others = len(by_name) - 1
    for claim in by_name:
        # The message names only the first few others: only those are listed.
        other_files = [c.file for c in by_name[:_SHOWN + 1] if c is not claim][:_SHOWN]
        where = "tiedostossa" if others == 1 else "tiedostoissa"
        if claim is chosen:
            verdict = f"Tätä tiedostoa ({claim.file}) käytetään, koska {why}."
        else:
            verdict = (f"Tätä tiedostoa ({claim.file}) ei käytetä; käytetään tiedostoa "
                       f"{chosen.file}, koska {why}.")
        yield Finding.of(
            "duplicate-department",
            f"Toimialan {name} palautus on myös {where} {_listed(other_files, others)}. {verdict} "
            "Poista ylimääräinen tiedosto kansiosta tai yhdistä vastaukset yhteen tiedostoon.",
            file=claim.file, department=department,
        )


_SHOWN = 3


def _listed(first: list[str], count: int) -> str:
    """At most a few names (``first``, of ``count`` in all): a folder of copies must not make
    every message a page long."""
    if count <= _SHOWN:
        return ", ".join(first)
    return f"{', '.join(first[:_SHOWN])} ja {count - _SHOWN} muussa"


def check_missing(strategy: Strategy, period: Period, accepted: Mapping[str, object],
                  rejected: Mapping[str, Sequence[Finding]]) -> Iterator[Finding]:
    """missing-department for every department without an accepted return.

    ``rejected`` maps a department to the findings that kept its files out, so the message
    can say why a file that was sent does not count.
    """
    for department in strategy.departments:
        if department.code in accepted:
            continue
        reasons = rejected.get(department.code, ())
        if reasons:
            shown = "; ".join(
                f"{f.file}: {FINDING_TYPES[f.code].title.lower()}"
                for f in sorted(reasons, key=lambda f: (f.file or "", f.code))
            )
            why = f" Toimialan lähettämää tiedostoa ei voitu hyväksyä ({shown})."
        else:
            why = ""
        yield Finding.of(
            "missing-department",
            f"{department.name} ({department.code}) ei ole palauttanut seurantakauden "
            f"{period.label} pohjaa täytettynä.{why} Pyydä toimialaa palauttamaan se.",
            department=department.code,
        )
