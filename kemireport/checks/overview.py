"""The coordinator's overview: which section belongs to which goal, and what is wrong with it.

The text before the first goal heading (under an optional ``#`` title) is the overview of the
whole period; a heading that names a goal by its name, an alias or its code (``## Sujuva
arki``, ``## SA``, ``## Sujuva arki: liikenne``) starts that goal's section. A lower heading
that names no goal is ``overview-heading-unknown``, with its line: its text still goes to the
report, under the whole period's overview, so nothing the coordinator wrote is lost. No file
is ``overview-missing`` (info): the report then says that no overview was given.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from kemireport.checks.common import fold
from kemireport.core.findings import Finding
from kemireport.reading.overview import OVERVIEW_FILE, Block, Overview, Run
from kemireport.strategy import Goal, Strategy


@dataclass(frozen=True)
class CoordinatorText:
    """The overview as the reports place it."""

    given: bool  # a readable overview file was there
    general: tuple[Block, ...] = ()
    goals: Mapping[str, tuple[Block, ...]] = field(default_factory=dict)  # goal code -> text

    def for_goal(self, code: str) -> tuple[Block, ...]:
        return tuple(self.goals.get(code, ()))


def goal_of_heading(strategy: Strategy, heading: str) -> Goal | None:
    """The goal a heading names: its name, an alias or its code, alone or at the start."""
    wanted = fold(heading)
    for goal in strategy.goals:
        for name in (goal.code, goal.name, *goal.aliases):
            key = fold(name)
            if wanted == key or re.match(re.escape(key) + r"\b", wanted):
                return goal
    return None


def check_overview(strategy: Strategy,
                   overview: Overview | None) -> tuple[CoordinatorText, list[Finding]]:
    """Place each section of the overview; overview-missing and overview-heading-unknown."""
    if overview is None:
        return CoordinatorText(given=False), [Finding.of(
            "overview-missing",
            f"Seurantakauden kansiossa ei ole strategiakoordinaattorin katsausta "
            f"({OVERVIEW_FILE}). Raportissa todetaan, ettei katsausta kirjoitettu. Mallin saa "
            "komennolla kemireport init.",
            file=OVERVIEW_FILE)]
    if overview.problem:
        return CoordinatorText(given=False), [Finding.of(
            "overview-missing",
            f"Strategiakoordinaattorin katsausta ei voitu lukea: {overview.problem} Raportissa "
            "todetaan, ettei katsausta kirjoitettu.", file=OVERVIEW_FILE)]
    general: list[Block] = []
    goals: dict[str, list[Block]] = {}
    findings: list[Finding] = []
    for section in overview.sections:
        goal = goal_of_heading(strategy, section.heading) if section.heading else None
        if goal is not None:
            goals.setdefault(goal.code, []).extend(section.blocks)
            continue
        if section.level >= 2:
            names = ", ".join(f"{g.name} ({g.code})" for g in strategy.goals)
            findings.append(Finding.of(
                "overview-heading-unknown",
                f"Rivin {section.line} otsikko ”{section.heading}” ei nimeä strategian "
                f"päämäärää (päämäärät: {names}). Sen teksti näytetään raportissa koko "
                "seurantakauden katsauksen lopussa. Korjaa otsikko päämäärän nimeksi, jos teksti "
                "kuuluu päämäärälle.",
                file=OVERVIEW_FILE))
            general.append(Block("paragraph", (Run(section.heading, bold=True),)))
        general.extend(section.blocks)
    return CoordinatorText(True, tuple(general),
                           {code: tuple(blocks) for code, blocks in goals.items()}), findings
