"""The coordinator's workbook of the final report: every number of the council's report, and
every action's whole course, to filter and to quote from."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from kemireport.core.atomic import atomic_path
from kemireport.core.finnish import fi_date
from kemireport.outputs.excel import Cell, SheetWriter
from kemireport.outputs.excel_progress import indicator_sheet, trend_sheet
from kemireport.outputs.progress import NOT_REPORTED
from kemireport.outputs.summary import SummaryFacts


def write_summary_excel(facts: SummaryFacts, path: Path) -> Path:
    """Write the final report's workbook to ``path`` (atomically)."""
    with atomic_path(path) as tmp:
        _SummaryWriter(facts, tmp).write()
    return Path(path)


class _SummaryWriter(SheetWriter):
    def __init__(self, facts: SummaryFacts, path: Path) -> None:
        strategy = facts.strategy
        span = facts.progress.span
        super().__init__(strategy, path, title=f"{strategy.name}: strategiakauden loppuraportti",
                         subject=f"Seurantakaudet {span}", scope=f"seurantakaudet {span}")
        self.facts = facts

    def write(self) -> None:
        self._summary()
        self._actions()
        trend_sheet(self, self.facts.progress, name="Kehitys")
        indicator_sheet(self, self.facts.progress)
        self._long_deviations()
        self._continuing()
        self._sources()
        self.book.close()

    def _summary(self) -> None:
        facts = self.facts
        sheet = self.book.add_worksheet("Yhteenveto")
        self.page(sheet, "Yhteenveto")
        categories = list(facts.categories)
        widths: list[float] = [30, *([13] * len(categories)), 10]
        self.text(sheet, 0, 0, f"Strategiakauden loppuraportti: {facts.strategy.name}",
                  self.f["title"])
        self.text(sheet, 1, 0, f"Seurantakaudet {facts.progress.span} "
                  f"({len(facts.progress.periods)} kpl). Toimenpiteen tulos on sen viimeisin "
                  "raportoitu tila.", self.f["subtitle"])
        rows: list[list[Cell]] = [[o.label, *o.counts, o.total]
                                  for o in (*facts.by_goal, facts.overall)]
        row = self.count_section(sheet, 3, "Toimenpiteiden tulos päämäärittäin", "Päämäärä",
                                 categories, rows, "Tulos_paamaarittain", widths)
        sheet.set_h_pagebreaks([row])
        objectives: list[list[Cell]] = [
            [o.label, *o.counts, o.total]
            for goal in facts.strategy.goals for o in facts.objective_outcomes(goal)]
        self.count_section(sheet, row, "Toimenpiteiden tulos tavoitteittain", "Tavoite",
                           categories, objectives, "Tulos_tavoitteittain", widths)

    def _actions(self) -> None:
        facts = self.facts
        sheet = self.book.add_worksheet("Toimenpiteet")
        self.page(sheet, "Toimenpiteet", repeat_header=0)
        lasting = {t.action.id: run for t, run in facts.long_deviations}
        headers = ["Tunniste", "Päämäärä", "Toimiala", "Tavoitteet", "Toimenpide",
                   "Viimeisin tila", "Viimeisimmän tilan seurantakausi",
                   "Tila seurantakaudesta toiseen", "Pisin poikkeama (seurantakautta)", "Jatkuu",
                   "Viimeisin toteuma", "Toteuman seurantakausi"]
        rows: list[list[Cell]] = []
        for t in facts.progress.trajectories:
            found = facts.toteumat.get(t.action.id)
            run = lasting.get(t.action.id)
            rows.append([
                t.action.id, self.goals.get(t.action.goal, t.action.goal),
                self.departments.get(t.action.department, t.action.department),
                ", ".join(t.action.objectives), t.action.toimenpiteet,
                t.last or NOT_REPORTED, t.last_period.short if t.last_period else "",
                t.text, run.length if run else 0,
                "Ei" if t.last in facts.progress.completed_statuses else "Kyllä",
                found[1] if found else "", found[0].short if found else ""])
        self.table(sheet, 0, headers, rows, name="Toimenpiteet",
                   widths=[11, 16, 16, 12, 40, 16, 11, 40, 11, 8, 60, 10], status=(5,),
                   nowrap=(6, 11))
        sheet.freeze_panes(1, 1)

    def _long_deviations(self) -> None:
        sheet = self.book.add_worksheet("Pitkät poikkeamat")
        self.page(sheet, "Pitkät poikkeamat", repeat_header=2)
        self.text(sheet, 0, 0, "Vähintään kaksi peräkkäistä seurantakautta suunnitelmasta "
                  "poikenneet toimenpiteet", self.f["title"])
        found = self.facts.long_deviations
        if not found:
            self.text(sheet, 2, 0, "Yksikään toimenpide ei poikennut suunnitelmasta kahtena "
                      "peräkkäisenä seurantakautena.", self.f["note"])
            return
        rows: list[list[Cell]] = [
            [t.action.id, self.goals.get(t.action.goal, t.action.goal),
             self.departments.get(t.action.department, t.action.department),
             t.action.toimenpiteet, run.shown, run.length, run.first.short, run.last.short,
             t.last or NOT_REPORTED] for t, run in found]
        self.table(sheet, 2, ["Tunniste", "Päämäärä", "Toimiala", "Toimenpide", "Poikkeama",
                              "Seurantakausia", "Alkaen", "Päättyen", "Viimeisin tila"], rows,
                   name="Pitkat_poikkeamat", widths=[11, 16, 16, 44, 16, 8, 11, 11, 16],
                   bold=(4, 8), nowrap=(6, 7))
        sheet.freeze_panes(3, 1)

    def _continuing(self) -> None:
        facts = self.facts
        sheet = self.book.add_worksheet("Jatkuvat")
        self.page(sheet, "Jatkuvat", repeat_header=2)
        self.text(sheet, 0, 0, "Jatkuvat toimenpiteet: aineistoa seuraavaan strategiaan",
                  self.f["title"])
        continuing = facts.continuing
        if not continuing:
            self.text(sheet, 2, 0, "Kaikki toimenpiteet ovat toteutuneet.", self.f["note"])
            return
        rows: list[list[Cell]] = []
        for t in continuing:
            found = facts.toteumat.get(t.action.id)
            rows.append([t.action.id, self.goals.get(t.action.goal, t.action.goal),
                         self.departments.get(t.action.department, t.action.department),
                         t.action.toimenpiteet, t.last or NOT_REPORTED,
                         t.last_period.short if t.last_period else "",
                         found[1] if found else ""])
        self.table(sheet, 2, ["Tunniste", "Päämäärä", "Toimiala", "Toimenpide",
                              "Viimeisin tila", "Seurantakausi", "Viimeisin toteuma"], rows,
                   name="Jatkuvat", widths=[11, 16, 16, 44, 16, 10, 70], status=(4,),
                   nowrap=(5,))
        sheet.freeze_panes(3, 1)

    def _sources(self) -> None:
        facts = self.facts
        sheet = self.book.add_worksheet("Aineisto")
        self.page(sheet, "Aineisto")
        self.text(sheet, 0, 0, "Seurantakaudet ja tietojen kattavuus", self.f["title"])
        rows: list[list[Cell]] = [
            [c.period.id, c.period.label, c.received, c.expected, c.complete, c.actions]
            for c in facts.coverage]
        row = self.table(sheet, 2, ["Seurantakausi", "Ajanjakso", "Palauttaneet toimialat",
                                    "Toimialoja", "Raportoidut toimenpiteet",
                                    "Toimenpiteitä"], rows, name="Aineisto",
                         widths=[10, 18, 14, 12, 14, 14], nowrap=(0, 1))
        if facts.gaps:
            self.text(sheet, row + 1, 0, "Historiasta puuttuvat seurantakaudet: "
                      + ", ".join(p.id for p in facts.gaps) + ".", self.f["note"])
            row += 2
        self.text(sheet, row + 1, 0, f"Koottu {fi_date(_dt.date.today())} kemireportin "
                  "historiatietokannasta.", self.f["note"])
