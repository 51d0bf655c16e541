"""``kemireport run``: the half-year cycle on the defaults."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kemireport.core.findings import Verdict
from kemireport.core.finnish import and_list
from kemireport.core.period import Period
from kemireport.cycle.mail import follow_up_lines
from kemireport.cycle.workspace import Workspace
from kemireport.errors import ConfigError
from kemireport.strategy import Strategy


@dataclass
class CycleResult:
    """What ``run`` did: the verdict and the lines it prints."""

    verdict: Verdict
    lines: list[str] = field(default_factory=list)


def run_cycle(strategy: Strategy, workspace: Workspace) -> CycleResult:
    """Consolidate the newest period under ``input/``, after any earlier ones not yet stored.

    Earlier periods go first, oldest first, so that "changes since the previous period" works
    on a fresh clone whose history database does not exist yet.
    """
    from kemireport.cycle.guard import run_guard
    from kemireport.cycle.half_year import build_reports
    from kemireport.history.store import HistoryStore

    folders = workspace.input_periods()
    if not folders:
        raise ConfigError(
            f"Kansiossa {workspace.input} ei ole yhtään seurantakauden kansiota (esim. "
            f"{workspace.input / '2025-H1'}). Tallenna toimialojen palautukset seurantakauden "
            "kansioon ja aja komento uudelleen."
        )
    *earlier, (newest, newest_folder) = folders
    lines: list[str] = []
    with run_guard(workspace, [(folder, period) for period, folder in folders]):
        database = workspace.database
        stored: set[Period] = set()
        if database.exists():
            with HistoryStore(database) as store:
                stored = set(store.periods())
        for period, folder in earlier:
            if period in stored:
                continue
            build_reports(strategy, period, folder, workspace)
            lines.append(f"Aiempi seurantakausi {period.label} ({period.id}) koottiin ensin "
                         "historiaan.")
        result = build_reports(strategy, newest, newest_folder, workspace)
    lines.append(f"Palautukset: {newest_folder}")
    lines.extend(result.lines)
    lines.extend(_missing_lines(strategy, result.verdict, workspace.feedback_folder(newest)))
    mail = follow_up_lines(strategy, result.verdict, newest)
    if mail:
        lines += ["", *mail]
    return CycleResult(verdict=result.verdict, lines=lines)


def _missing_lines(strategy: Strategy, verdict: Verdict, feedback: Path) -> list[str]:
    missing = [f.department for f in verdict.findings
               if f.code == "missing-department" and f.department]
    if not missing and verdict.valid:
        return []
    lines = [""]
    if missing:
        names = [strategy.department(code).name for code in missing]
        verb = "ei ole palauttanut" if len(names) == 1 else "eivät ole palauttaneet"
        lines.append(f"{and_list(names)} {verb} seurantatietojaan. Raportit on kirjoitettu, ja "
                     "puuttuvat tiedot on merkitty niihin.")
    errors = verdict.count("error")
    if errors:
        lines.append("Korjattavaa: katso havainnot yltä tai palautekopiot kansiosta "
                     f"{feedback}.")
    return lines
