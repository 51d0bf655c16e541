"""Every output says the same numbers: the Word report, the Excel report, the web page, the
CSV and the history.

Each output is read back the way its reader would see it (the Word tables, the Excel tables,
the web page's tables and lists of actions, the CSV rows, the database rows) and reduced to the
same figures: status counts per goal, per department and per objective, SDG counts, the
departments that sent nothing, and the actions needing attention. They must be equal, for the
example data and for randomly filled returns (some departments missing, some values invalid,
SDG cells empty and filled). This is the test that would have caught the SDG difference between
the Word and the Excel report.
"""

from __future__ import annotations

import csv
import random
import re
import shutil
import sqlite3
import zipfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import html5lib
import openpyxl
import pytest
from builders import fill_template

from kemireport.core.period import Period
from kemireport.core.settings import Settings
from kemireport.cycle.half_year import PeriodRun, build_reports
from kemireport.cycle.workspace import Workspace
from kemireport.outputs.facts import NOT_REPORTED
from kemireport.outputs.wording import NO_EXPLANATION, NO_EXPLANATION_CELL
from kemireport.strategy import Strategy
from kemireport.templates.contract import DEVIATION, NEW_SCHEDULE
from kemireport.templates.workbook import template_filenames, write_templates

ROOT = Path(__file__).resolve().parents[1]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CAPTION = re.compile(r"^Taulukko \d+\. ")

Counts = dict[str, dict[str, int]]  # group label -> category -> count (zeros left out)


@dataclass
class Numbers:
    by_goal: Counts
    by_department: Counts
    by_objective: Counts
    sdg: dict[int, int]
    missing: list[str]  # department names
    attention: list[str]  # action ids
    deviations: list[tuple[str, str, str]]  # action id, reason and corrective action, schedule


def _nonzero(counts: Counts) -> Counts:
    return {group: {c: n for c, n in row.items() if n} for group, row in counts.items()}


# -- from rows (the CSV and the history) ------------------------------------------------------


def _from_rows(strategy: Strategy, rows: list[dict[str, Any]], returned: set[str]) -> Numbers:
    """``rows``: one per record with goal and department codes, objective codes, category,
    SDG numbers, the deviation texts and whether the strategy knows the action."""
    goals = {g.code: g.name for g in strategy.goals}
    departments = {d.code: d.name for d in strategy.departments}
    objectives = {o.code: o.text for g in strategy.goals for o in g.objectives}
    by_goal: Counts = defaultdict(Counter)
    by_department: Counts = defaultdict(Counter)
    by_objective: Counts = defaultdict(Counter)
    sdg: Counter[int] = Counter()
    attention_names = strategy.deviation_statuses
    attention = []
    deviations = []
    for row in rows:
        for number in row["sdg"]:
            sdg[number] += 1
        if not row["known"]:
            continue
        by_goal[goals[row["goal"]]][row["category"]] += 1
        by_department[departments[row["department"]]][row["category"]] += 1
        for code in row["objectives"]:
            by_objective[objectives[code]][row["category"]] += 1
        if row["category"] in attention_names:
            attention.append(row["id"])
            deviations.append((row["id"], row["deviation"], row["schedule"]))
    return Numbers(_nonzero(by_goal), _nonzero(by_department), _nonzero(by_objective),
                   dict(sdg), sorted(departments[c] for c in departments if c not in returned),
                   sorted(attention), sorted(deviations))


def from_csv(strategy: Strategy, path: Path) -> Numbers:
    goals = {g.name: g.code for g in strategy.goals}
    departments = {d.name: d.code for d in strategy.departments}
    with path.open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.DictReader(handle, delimiter=";"))
    rows = [{
        "id": r["Tunniste"], "goal": goals.get(r["Päämäärä"], r["Päämäärä"]),
        "department": departments[r["Toimiala"]], "category": r["Tila"],
        "objectives": [c for c in r["Tavoitteet"].split(", ") if c],
        "sdg": [int(n) for n in r["SDG"].split(", ") if n],
        "known": r["Strategiassa"] == "Kyllä",
        "deviation": r[DEVIATION], "schedule": r[NEW_SCHEDULE],
    } for r in table]
    returned = {departments[r["Toimiala"]] for r in table if r["Tiedosto"]}
    return _from_rows(strategy, rows, returned)


def from_history(strategy: Strategy, database: Path, period: Period) -> Numbers:
    conn = sqlite3.connect(database)
    try:
        records = conn.execute(
            "SELECT action_id, goal, department, status, objectives, sdg, known, deviation, "
            "new_schedule FROM action_reports WHERE period = ? ORDER BY seq",
            (period.id,)).fetchall()
        returned = {row[0] for row in conn.execute(
            "SELECT department FROM submissions WHERE period = ?", (period.id,))}
    finally:
        conn.close()
    rows = [{
        "id": action_id, "goal": goal, "department": department,
        "category": status if status is not None else NOT_REPORTED,
        "objectives": [c for c in objectives.split(",") if c],
        "sdg": [int(n) for n in sdg.split(",") if n], "known": bool(known),
        "deviation": deviation or "", "schedule": schedule or "",
    } for (action_id, goal, department, status, objectives, sdg, known, deviation,
           schedule) in records]
    return _from_rows(strategy, rows, returned)


# -- from the Excel report ----------------------------------------------------------------------


def _excel_table(book: Any, name: str) -> list[dict[str, Any]]:
    for sheet in book.worksheets:
        if name in sheet.tables:
            cells = sheet[sheet.tables[name].ref]
            headers = [c.value for c in cells[0]]
            return [dict(zip(headers, (c.value for c in row), strict=True)) for row in cells[1:]]
    raise AssertionError(f"no Excel table {name}")


def _tally(rows: list[dict[str, Any]], first: str, categories: tuple[str, ...]) -> Counts:
    return _nonzero({r[first]: {c: int(r[c]) for c in categories} for r in rows})


def from_excel(strategy: Strategy, path: Path) -> Numbers:
    book = openpyxl.load_workbook(path)
    categories = (*strategy.status_names, NOT_REPORTED)
    attention_names = strategy.deviation_statuses
    actions = _excel_table(book, "Toimenpiteet")
    known = {a.id for a in strategy.actions}
    listed = _excel_table(book, "Poikkeamat") if attention_names else []
    return Numbers(
        by_goal=_tally(_excel_table(book, "Tilat_paamaarittain"), "Päämäärä", categories),
        by_department=_tally(_excel_table(book, "Tilat_toimialoittain"), "Toimiala",
                             categories),
        by_objective=_tally(_excel_table(book, "Tilat_tavoitteittain"), "Tavoite", categories),
        sdg={int(r["SDG"]): r["Yhteensä"] for r in _excel_table(book, "SDG_maarat")
             if r["Yhteensä"]},
        missing=sorted(r["Toimiala"] for r in _excel_table(book, "Palautukset")
                       if r["Palautettu"] == "Ei"),
        attention=sorted(r["Tunniste"] for r in actions
                         if r["Tila"] in attention_names and r["Tunniste"] in known),
        deviations=sorted((r["Tunniste"], "" if r[DEVIATION] == NO_EXPLANATION_CELL
                           else r[DEVIATION], r[NEW_SCHEDULE] or "") for r in listed),
    )


# -- from the Word report ------------------------------------------------------------------------


_NOT_RETURNED = re.compile(r"(?:^|(?<=\. ))([^.]+?) (?:ei palauttanut|eivät palauttaneet) "
                           r"seurantatietojaan\b")


def _not_returned(texts: list[str]) -> list[str]:
    """The departments the text says sent nothing: "X ei palauttanut seurantatietojaan",
    "X ja Y eivät palauttaneet seurantatietojaan"."""
    names: set[str] = set()
    for text in texts:
        for match in _NOT_RETURNED.finditer(text):
            names.update(re.split(r", | ja ", match.group(1)))
    return sorted(names)


def _word_paragraphs(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as package:
        document = ElementTree.fromstring(package.read("word/document.xml"))
    return ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in document.iter(f"{W}p")]


def _word_tables(path: Path) -> dict[str, list[list[str]]]:
    """Every table of the document by its caption (without the number)."""
    with zipfile.ZipFile(path) as package:
        document = ElementTree.fromstring(package.read("word/document.xml"))
    tables = {}
    for table in document.iter(f"{W}tbl"):
        caption = table.find(f"{W}tblPr/{W}tblCaption").get(f"{W}val")
        rows = [["\n".join("".join(t.text or "" for t in p.iter(f"{W}t"))
                           for p in tc.iter(f"{W}p")) for tc in tr.findall(f"{W}tc")]
                for tr in table.findall(f"{W}tr")]
        tables[_CAPTION.sub("", caption)] = rows
    return tables


def _word_tally(rows: list[list[str]]) -> Counts:
    header, *body = rows
    return _nonzero({row[0]: {c: int(n.replace("\u00a0", "")) for c, n in
                              zip(header[1:-1], row[1:-1], strict=True)} for row in body})


def from_word(strategy: Strategy, path: Path) -> Numbers:
    tables = _word_tables(path)
    known = {a.id for a in strategy.actions}
    by_department: Counts = defaultdict(Counter)
    by_objective: Counts = {}
    for caption, rows in tables.items():
        match = re.fullmatch(r".* – (.*): toimenpiteet ja toteuma", caption)
        if match:
            for row in rows[1:]:
                if row[0].replace("\u2011", "-") in known:
                    by_department[match.group(1)][row[2]] += 1
        elif caption.endswith(": toimenpiteiden tila tavoitteittain"):
            by_objective.update(_word_tally(rows))
    # A department that sent nothing has one sentence in each goal instead of a table: its
    # actions are counted as not reported.
    missing = _not_returned(_word_paragraphs(path))
    names = {d.name: d.code for d in strategy.departments}
    for name in missing:
        by_department[name][NOT_REPORTED] += sum(1 for a in strategy.actions
                                                 if a.department == names[name])
    attention = next((rows for caption, rows in tables.items()
                      if caption.startswith("Poikkeamat (")), [[]])
    full = tables.get("Poikkeamat: syyt, korjaavat toimenpiteet ja uusi aikataulu", [[]])
    unexplained = (NO_EXPLANATION,)
    # The summary's table has a row per status and a column per goal.
    header, *body = tables["Toimenpiteiden tila päämäärittäin"]
    goals = header[1:-2]
    by_goal = _nonzero({goal: {row[0]: int(row[1 + g].replace("\u00a0", ""))
                               for row in body[:-1]} for g, goal in enumerate(goals)})
    return Numbers(
        by_goal=by_goal,
        by_department=_nonzero(by_department),
        by_objective=_nonzero(by_objective),
        sdg={int(row[0]): int(row[2]) for row in
             tables["Toimenpiteet kestävän kehityksen tavoitteittain"][1:] if row[2] != "0"},
        missing=missing,
        attention=sorted(row[0].split(" · ")[0] for row in attention[1:]),
        deviations=sorted((row[0], "" if row[5] in unexplained else row[5],
                           "" if row[6] == "–" else row[6]) for row in full[1:]),
    )


# -- from the web page ---------------------------------------------------------------------------


def _text(element: Any) -> str:
    return " ".join("".join(element.itertext()).split())


def _html_tables(root: Any) -> dict[str, list[list[str]]]:
    """Every table of the page by its caption, as the cells' texts."""
    return {_text(table.find("caption")): [[_text(cell) for cell in row if cell.tag in {"th", "td"}]
                                            for row in table.iter("tr")]
            for table in root.iter("table")}


def _classes(element: Any) -> set[str]:
    return set(element.get("class", "").split())


def _with_class(root: Any, tag: str, name: str) -> list[Any]:
    return [e for e in root.iter(tag) if name in _classes(e)]


def from_html(strategy: Strategy, path: Path) -> Numbers:
    """The page as a reader sees it: its tables, and each department's list of actions."""
    root = html5lib.parse(path.read_bytes(), namespaceHTMLElements=False)
    tables = _html_tables(root)
    known = {a.id for a in strategy.actions}
    by_department: Counts = defaultdict(Counter)
    for section in _with_class(root, "section", "toimiala"):
        name = _text(section.find("h3"))
        for card in _with_class(section, "li", "toimenpide"):
            action_id = (_with_class(card, "p", "tunniste")[0].text or "").strip()
            if action_id in known:
                by_department[name][_text(_with_class(card, "span", "status")[0])] += 1
    by_objective: Counts = {}
    for caption, rows in tables.items():
        if caption.endswith(": toimenpiteiden tila tavoitteittain"):
            by_objective.update(_word_tally(rows))
    header, *body = tables["Toimenpiteiden tila päämäärittäin"]
    goals = header[1:-2]
    by_goal = _nonzero({goal: {row[0]: int(row[1 + g].replace("\u00a0", ""))
                               for row in body[:-1]} for g, goal in enumerate(goals)})
    items = _with_class(root, "li", "huomio-kohta")
    attention = [_text(_with_class(item, "p", "tunniste")[0]).split(" · ")[0] for item in items]
    deviations = []
    for action_id, item in zip(attention, items, strict=True):
        why = _with_class(item, "span", "teksti")[0]
        explained = "puuttuu" not in (why.get("class") or "")
        when = _text(_with_class(item, "span", "aikataulu")[0])
        deviations.append((action_id, _text(why) if explained else "",
                           "" if when == "–" else when))
    missing = _not_returned([_text(p) for p in root.iter("p") if "teksti" not in _classes(p)])
    return Numbers(
        by_goal=by_goal,
        by_department=_nonzero(by_department),
        by_objective=_nonzero(by_objective),
        sdg={int(row[0]): int(row[2].replace("\u00a0", "")) for row in
             tables["Toimenpiteet kestävän kehityksen tavoitteittain"][1:] if row[2] != "0"},
        missing=missing,
        attention=sorted(attention),
        deviations=sorted(deviations),
    )


# -- the test -----------------------------------------------------------------------------------


def _agree(strategy: Strategy, run: PeriodRun, workspace: Workspace) -> Numbers:
    period = run.facts.period
    files = workspace.reports(period)
    numbers = {
        "Word": from_word(strategy, files.docx),
        "verkkosivu": from_html(strategy, files.html),
        "Excel": from_excel(strategy, files.xlsx),
        "CSV": from_csv(strategy, files.csv),
        "historia": from_history(strategy, workspace.database, period),
    }
    first = numbers["historia"]
    for name, other in numbers.items():
        assert other == first, f"{name} eroaa historiasta ({period.id})"
    assert [d[0] for d in first.deviations] == first.attention
    facts = run.facts
    assert sum(first.sdg.values()) == sum(len(s.records) for s in facts.sdg)
    assert first.attention == sorted(r.action_id for r in facts.attention)
    return first


def _random_answers(rng: random.Random, strategy: Strategy, department: str
                    ) -> dict[str, dict[str, object]]:
    levels = list(strategy.status_names)
    tila = [*levels * 3, "", "valmis", "viivästynyt.", "toteutunut"]
    toteuma = ["Työ eteni: suunnitelma hyväksyttiin.", "Hanke valmistui.", "-", "", "x",
               "Ei muutoksia edelliseen kauteen."]
    sdg = ["", "", "", "3, 7", "13", "7.13", "18", "SDG 11", "4 ja 5"]
    why = ["", "", "-", "Urakoitsija vaihtui; uusi kilpailutus syksyllä.",
           "Rahoitus haetaan uudelleen."]
    when = ["", "6/2026", "syksy 2026"]
    return {a.id: {"Tila": rng.choice(tila), "Toteuma": rng.choice(toteuma),
                   "SDG": rng.choice(sdg), DEVIATION: rng.choice(why),
                   NEW_SCHEDULE: rng.choice(when)} for a in strategy.actions_for(department)}


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_randomly_filled_returns_agree(tmp_path: Path, kemi_strategy: Strategy,
                                       seed: int) -> None:
    rng = random.Random(seed)
    period = Period.parse("2025-H1")
    write_templates(kemi_strategy, period, tmp_path / "templates",
                    settings=Settings(root=tmp_path))
    folder = tmp_path / "input" / period.id
    folder.mkdir(parents=True)
    names = template_filenames(period, kemi_strategy.departments)
    absent = set(rng.sample([d.code for d in kemi_strategy.departments], k=seed % 3))
    for department in kemi_strategy.departments:
        if department.code in absent:
            continue
        fill_template(tmp_path / "templates" / period.id / names[department.code],
                      _random_answers(rng, kemi_strategy, department.code),
                      folder / names[department.code])
    workspace = Workspace.of(Settings(root=tmp_path))
    run = build_reports(kemi_strategy, period, folder, workspace)
    numbers = _agree(kemi_strategy, run, workspace)
    assert numbers.missing == sorted(d.name for d in kemi_strategy.departments
                                     if d.code in absent)
    shutil.rmtree(tmp_path / "templates")


# -- across the strategy period ------------------------------------------------------------------


@dataclass
class Across:
    """The view across periods, as one output shows it."""

    counts: dict[str, dict[str, Counts]]  # goal -> period (short) -> category -> count
    trajectories: dict[str, str]  # action id -> "Etenee suunnitellusti (2 seurantakautta) → …"
    latest: dict[str, str]  # indicator id -> the latest value as shown, with its period

    def __post_init__(self) -> None:
        # A web page's text shows a no-break space as a space.
        self.latest = {k: v.replace("\u00a0", " ") for k, v in self.latest.items()}


def across_from_history(strategy: Strategy, database: Path) -> tuple[Across, dict[str, str]]:
    """The same figures straight from the database, and each action's last status."""
    from kemireport.outputs.progress import Run, Trajectory

    conn = sqlite3.connect(database)
    try:
        periods = [Period.parse(r[0]) for r in
                   conn.execute("SELECT id FROM periods ORDER BY id")]
        status = {(p, a): s for p, a, s in conn.execute(
            "SELECT period, action_id, status FROM action_reports WHERE known = 1")}
        values = conn.execute("SELECT period, indicator_id, value FROM indicator_values "
                              "WHERE value IS NOT NULL ORDER BY period").fetchall()
    finally:
        conn.close()
    counts: dict[str, dict[str, Counts]] = {}
    trajectories = {}
    last = {}
    for goal in strategy.goals:
        per_period: dict[str, Counts] = {}
        for period in periods:
            found = Counter(status.get((period.id, a.id)) or NOT_REPORTED
                            for a in strategy.actions if a.goal == goal.code)
            per_period[period.short] = {"": dict(found)}
        counts[goal.name] = per_period
    for action in strategy.actions:
        steps = [status.get((p.id, action.id)) for p in periods]
        trajectory = Trajectory(action, tuple(periods), tuple(steps))
        runs: list[Run] = list(trajectory.runs)
        assert sum(r.length for r in runs) == len(periods)
        trajectories[action.id] = trajectory.text
        last[action.id] = next((s for s in reversed(steps) if s), NOT_REPORTED)
    latest = {indicator: (Period.parse(period), value) for period, indicator, value in values}
    shown = {}
    for indicator_id, (period, value) in latest.items():
        indicator = strategy.indicator(indicator_id)
        assert indicator is not None
        number = f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")
        if abs(value) >= 1000:
            whole, _, decimals = number.partition(",")
            number = f"{int(whole):,}".replace(",", "\u00a0") + (f",{decimals}" if decimals
                                                                   else "")
        shown[indicator_id] = f"{number} {indicator.unit}".strip() + f" ({period.short})"
    return Across(counts, trajectories, shown), last


def _counts_of(rows: list[list[str]]) -> dict[str, Counts]:
    header, *body = rows
    return {row[0]: {"": {c: int(n.replace("\u00a0", "")) for c, n in
                          zip(header[1:-1], row[1:-1], strict=True) if n != "0"}}
            for row in body}


def across_from_word(strategy: Strategy, path: Path) -> Across:
    tables = _word_tables(path)
    counts = {g.name: _counts_of(tables[f"{g.name}: toimenpiteiden tila seurantakausittain"])
              for g in strategy.goals}
    trajectories = {}
    for caption, rows in tables.items():
        # The period's report, and the final report with each action's last Toteuma.
        if caption.endswith((": toimenpiteiden tila seurantakaudesta toiseen",
                             ": toimenpiteiden kulku ja viimeisin toteuma")):
            for row in rows[1:]:
                trajectories[row[0].replace("\u2011", "-")] = row[2]
    latest = {re.search(r"\(([^()]*)\)$", row[0]).group(1): row[3].replace("\n", " ")
              for row in tables["Mittareiden arvot"][1:] if row[3] != "Ei ilmoitettu"}
    return Across(counts, trajectories, latest)


def across_from_excel(strategy: Strategy, path: Path) -> Across:
    book = openpyxl.load_workbook(path)
    categories = (*strategy.status_names, NOT_REPORTED)
    counts: dict[str, dict[str, Counts]] = defaultdict(dict)
    for row in _excel_table(book, "Kehitys_tilat"):
        counts[row["Päämäärä"]][row["Seurantakausi"]] = {
            "": {c: int(row[c]) for c in categories if row[c]}}
    trajectories = {r["Tunniste"]: r["Tila seurantakaudesta toiseen"]
                    for r in _excel_table(book, "Kehitys_toimenpiteet")}
    periods = [h for h in _excel_table(book, "Mittarit_arvot")[0]
               if re.fullmatch(r"\d+–\d+/\d{4}", str(h))]
    latest = {}
    for row in _excel_table(book, "Mittarit_arvot"):
        reported = [(p, row[p]) for p in periods if row[p] is not None]
        if reported:
            period, value = reported[-1]
            number = f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")
            if abs(value) >= 1000:
                whole, _, decimals = number.partition(",")
                number = f"{int(whole):,}".replace(",", "\u00a0") + (
                    f",{decimals}" if decimals else "")
            latest[row["Tunniste"]] = f"{number} {row['Yksikkö'] or ''}".strip() + \
                f" ({period})"
    return Across(dict(counts), trajectories, latest)


def across_from_html(strategy: Strategy, path: Path) -> Across:
    root = html5lib.parse(path.read_bytes(), namespaceHTMLElements=False)
    tables = _html_tables(root)
    counts = {g.name: _counts_of(tables[f"{g.name}: toimenpiteiden tila seurantakausittain"])
              for g in strategy.goals}
    trajectories = {}
    for card in _with_class(root, "li", "toimenpide"):
        action_id = (_with_class(card, "p", "tunniste")[0].text or "").strip()
        shown = _with_class(card, "p", "kulku")
        if shown:
            trajectories[action_id] = _text(shown[0]).removeprefix(
                "Tila seurantakaudesta toiseen: ")
    ids = {i.name: i.id for i in strategy.indicators}
    latest = {}
    for row in tables["Mittareiden arvot"][1:]:
        name = next(n for n in ids if row[0].startswith(n))
        if row[2] != "Ei ilmoitettu":
            value, _, period = row[2].rpartition(" ")
            latest[ids[name]] = f"{value} ({period})"
    return Across(counts, trajectories, latest)


def test_the_example_history_agrees_in_every_output(tmp_path: Path,
                                                    kemi_strategy: Strategy) -> None:
    """Every example period through ``report``; each period's outputs agree with each other and
    the history, and the last period's view across periods and the final report agree too."""
    from kemireport.cycle.summary import write_summary

    workspace = Workspace.of(Settings(root=tmp_path))
    periods = sorted(p.name for p in (ROOT / "input").iterdir() if p.is_dir())
    assert len(periods) >= 7
    run = None
    for period_id in periods:
        run = build_reports(kemi_strategy, Period.parse(period_id), ROOT / "input" / period_id,
                            workspace)
        _agree(kemi_strategy, run, workspace)
    assert run is not None
    files = workspace.reports(run.facts.period)
    truth, last = across_from_history(kemi_strategy, workspace.database)
    assert len(truth.counts[kemi_strategy.goals[0].name]) == len(periods)
    for name, reader, path in (("Word", across_from_word, files.docx),
                               ("Excel", across_from_excel, files.xlsx),
                               ("verkkosivu", across_from_html, files.html)):
        assert reader(kemi_strategy, path) == truth, f"{name}: kehitys eroaa historiasta"

    summary = write_summary(kemi_strategy, workspace)
    docx, xlsx, html = summary.outputs
    outcome: dict[str, Counter[str]] = defaultdict(Counter)
    for action in kemi_strategy.actions:
        outcome[next(g.name for g in kemi_strategy.goals if g.code == action.goal)][
            last[action.id]] += 1
    header, *body = _word_tables(docx)["Toimenpiteiden tulos päämäärittäin"]
    word = {goal: {row[0]: int(row[1 + g]) for row in body[:-1] if row[1 + g] != "0"}
            for g, goal in enumerate(header[1:-2])}
    word["Kaikki päämäärät"] = {row[0]: int(row[-2]) for row in body[:-1] if row[-2] != "0"}
    categories = (*kemi_strategy.status_names, NOT_REPORTED)
    excel = {r["Päämäärä"]: {c: r[c] for c in categories if r[c]} for r in
             _excel_table(openpyxl.load_workbook(xlsx), "Tulos_paamaarittain")}
    expected = {goal: dict(found) for goal, found in outcome.items()}
    assert word == {**expected, "Kaikki päämäärät": dict(sum(outcome.values(), Counter()))}
    assert excel == {**expected, "Kaikki päämäärät": dict(sum(outcome.values(), Counter()))}
    assert across_from_word(kemi_strategy, docx).trajectories == truth.trajectories
    # The web page for residents: the same outcome table, the same view across the periods
    # (each goal's counts per period, each action's course, the indicators' latest values),
    # and each action's last Toteuma from the same period as in the council's report.
    page = html5lib.parse(html.read_bytes(), namespaceHTMLElements=False)
    header, *body = _html_tables(page)["Toimenpiteiden tulos päämäärittäin"]
    web = {goal: {row[0]: int(row[1 + g]) for row in body[:-1] if row[1 + g] != "0"}
           for g, goal in enumerate(header[1:-2])}
    web["Kaikki päämäärät"] = {row[0]: int(row[-2]) for row in body[:-1] if row[-2] != "0"}
    assert web == word
    assert across_from_html(kemi_strategy, html) == truth
    toteumat = _last_toteumat_html(page, summary.facts.progress.periods)
    assert len(toteumat) == len(kemi_strategy.actions)
    assert toteumat == _last_toteumat_word(docx)


def _last_toteumat_word(path: Path) -> dict[str, tuple[str, str]]:
    """The final report's last Toteuma of each action and its period (``7–12/2025``)."""
    found = {}
    for caption, rows in _word_tables(path).items():
        if caption.endswith(": toimenpiteiden kulku ja viimeisin toteuma"):
            for row in rows[1:]:
                text, _, period = row[3].rpartition("\n")
                found[row[0].replace("\u2011", "-")] = (" ".join(text.split()),
                                                        period.strip("()"))
    return found


def _last_toteumat_html(root: Any, periods: tuple[Period, ...]) -> dict[str, tuple[str, str]]:
    """The same from the page's cards: ``Viimeisin toteuma (seurantakausi 1.7.–31.12.2025)``."""
    short = {p.label: p.short for p in periods}
    found = {}
    for card in _with_class(root, "li", "toimenpide"):
        action_id = _text(_with_class(card, "p", "tunniste")[0])
        label = _text(_with_class(card, "p", "otsake")[0])
        toteuma = _text(_with_class(card, "p", "teksti")[0])
        period = re.fullmatch(r"Viimeisin toteuma \(seurantakausi (.+)\)", label)
        if period is not None:
            found[action_id] = (toteuma, short[period.group(1)])
    return found
