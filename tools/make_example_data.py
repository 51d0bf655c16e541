"""Build the invented example returns in ``input/<period>/`` from the example data file.

The data file is ``examples/esimerkkiaineisto.yaml``. Run:

    python tools/make_example_data.py            # from the repository root

For each period of the data file (2022-H2 … 2025-H2): generate the blank department workbooks
with ``kemireport.templates``, fill Tila, Toteuma, SDG and the deviation cells by tunniste and
the indicator values on the Mittarit sheet the way a department contact would, sign the return,
mark the workbook as invented in its document properties, and save it under the file name the
department "returned" it with. Departments without a return in the data file get no file (that
is how a late department looks). The coordinator's overview goes to ``katsaus.md``.

Same data file + same templates give byte-identical workbooks: the document properties are
taken from the data file and every zip member gets the return's save time, so re-running the
script does not churn the committed files.
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a plain script from a checkout, without installing
    sys.path.insert(0, str(ROOT))

from kemireport.core.atomic import write_bytes_atomic  # noqa: E402
from kemireport.core.period import Period  # noqa: E402
from kemireport.core.settings import Settings  # noqa: E402
from kemireport.reading.overview import OVERVIEW_FILE  # noqa: E402
from kemireport.strategy import Strategy, load_strategy  # noqa: E402
from kemireport.templates.contract import (  # noqa: E402
    ALL_HEADERS,
    APPROVED_NAME,
    APPROVER_NAME,
    DEVIATION,
    HEADER_SEARCH_ROWS,
    HEADERS,
    IDENTITY_SHEET,
    INDICATOR_SHEET,
    INSTRUCTIONS_SHEET,
    NEW_SCHEDULE,
    SOURCE,
    VALUE,
)

DATA_FILE = ROOT / "examples" / "esimerkkiaineisto.yaml"
INPUT_DIR = ROOT / "input"
MARK = "KEKSITTY ESIMERKKIAINEISTO"
SUBJECT = (f"{MARK} kemireportin kokeilemiseen – ei Kemin kaupungin todellista "
           "strategiaraportointia")

SdgValue = str | int | float | None  # a float is what Excel makes of '11,13' typed by a Finn


class ExampleDataError(Exception):
    """The data file does not fit the strategy or is malformed."""


@dataclass(frozen=True)
class Answer:
    tila: str
    toteuma: str
    sdg: SdgValue = None  # None: leave the template's SDG cell as it is
    poikkeama: str = ""  # why it deviates and what is done about it
    uusi_aikataulu: str = ""


@dataclass(frozen=True)
class Return:
    department: str
    file: str
    saved: datetime
    saved_by: str
    approver: str = ""  # the sign-off; empty: the return was sent unsigned
    approved: date | None = None


@dataclass(frozen=True)
class PeriodPlan:
    period: Period
    deadline: date
    contact: str
    returns: tuple[Return, ...]
    katsaus: str = ""  # the coordinator's overview (katsaus.md); empty: none


@dataclass(frozen=True)
class Reading:
    arvo: float | int | None  # None: the value cell left empty, the source says why
    lahde: str


@dataclass(frozen=True)
class ExampleData:
    periods: tuple[PeriodPlan, ...]
    answers: Mapping[str, Mapping[str, Answer]]  # action id -> period id -> answer
    # indicator id -> period id -> the value and its source (no entry: both cells left empty)
    indicators: Mapping[str, Mapping[str, Reading]] = field(default_factory=dict)

    def answers_for(self, period_id: str) -> dict[str, Answer]:
        return {action_id: by_period[period_id]
                for action_id, by_period in self.answers.items() if period_id in by_period}


# -- loading ------------------------------------------------------------------------------------


def load_example_data(strategy: Strategy, path: Path = DATA_FILE) -> ExampleData:
    """Read and check the data file against ``strategy``."""
    raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    if not isinstance(raw, dict) or not {"periods", "answers"} <= set(raw) <= {
            "periods", "answers", "indicators"}:
        raise ExampleDataError(f"{path}: odotettiin avaimet periods, answers ja indicators.")
    periods = tuple(_period_plan(strategy, key, value) for key, value in raw["periods"].items())
    period_ids = {plan.period.id for plan in periods}
    answers: dict[str, dict[str, Answer]] = {}
    for action_id, by_period in raw["answers"].items():
        if strategy.action(str(action_id)) is None:
            raise ExampleDataError(f"{path}: tunnistetta {action_id} ei ole strategiassa.")
        answers[str(action_id)] = {}
        for period_id, fields in by_period.items():
            if period_id not in period_ids:
                raise ExampleDataError(f"{path}: {action_id}: tuntematon kausi {period_id}.")
            answers[str(action_id)][period_id] = _answer(f"{action_id} {period_id}", fields)
    readings: dict[str, dict[str, Reading]] = {}
    for indicator_id, by_period in (raw.get("indicators") or {}).items():
        if strategy.indicator(str(indicator_id)) is None:
            raise ExampleDataError(f"{path}: mittaria {indicator_id} ei ole strategiassa.")
        readings[str(indicator_id)] = {}
        for period_id, fields in by_period.items():
            if period_id not in period_ids or not isinstance(fields, dict) or "arvo" not in fields \
                    or not isinstance(fields["arvo"], (int, float, type(None))) \
                    or isinstance(fields["arvo"], bool) or not isinstance(fields.get("lähde"), str):
                raise ExampleDataError(f"{path}: {indicator_id} {period_id}: anna kausi, arvo "
                                       "(luku tai null) ja lähde (teksti).")
            readings[str(indicator_id)][period_id] = Reading(fields["arvo"], fields["lähde"])
    return ExampleData(periods=periods, answers=answers, indicators=readings)


def _period_plan(strategy: Strategy, key: Any, value: Any) -> PeriodPlan:
    period = Period.parse(str(key))
    if not isinstance(value.get("deadline"), date):
        raise ExampleDataError(f"Kausi {key}: deadline puuttuu tai ei ole päivämäärä.")
    codes = {dept.code for dept in strategy.departments}
    returns = []
    for code, ret in (value.get("returns") or {}).items():
        if code not in codes:
            raise ExampleDataError(f"Kausi {key}: tuntematon toimiala {code}.")
        if not str(ret["file"]).endswith(".xlsx") or not isinstance(ret["saved"], datetime):
            raise ExampleDataError(f"Kausi {key}, {code}: file (.xlsx) ja saved (aika) tarvitaan.")
        approved = ret.get("approved")
        if approved is not None and not isinstance(approved, date):
            raise ExampleDataError(f"Kausi {key}, {code}: approved on päivämäärä.")
        returns.append(Return(code, str(ret["file"]), ret["saved"], str(ret["saved_by"]),
                              str(ret.get("approver", "")), approved))
    names = [r.file.casefold() for r in returns]
    if len(set(names)) != len(names):
        raise ExampleDataError(f"Kausi {key}: kahdella palautuksella on sama tiedostonimi.")
    return PeriodPlan(period, value["deadline"], str(value["contact"]), tuple(returns),
                      str(value.get("katsaus", "")))


def _answer(where: str, fields: Any) -> Answer:
    allowed = {"tila", "toteuma", "sdg", "poikkeama", "uusi_aikataulu"}
    if not isinstance(fields, dict) or not set(fields) <= allowed:
        raise ExampleDataError(f"{where}: sallitut kentät ovat {', '.join(sorted(allowed))}.")
    tila, toteuma, sdg = fields.get("tila"), fields.get("toteuma"), fields.get("sdg")
    if not isinstance(tila, str) or not isinstance(toteuma, str):
        raise ExampleDataError(f"{where}: tila ja toteuma ovat tekstiä.")
    if sdg is not None and not isinstance(sdg, str | int | float):
        raise ExampleDataError(f"{where}: sdg on teksti tai luku.")
    if toteuma.startswith("="):  # openpyxl would store it as a formula
        raise ExampleDataError(f"{where}: toteuma ei saa alkaa '='-merkillä.")
    return Answer(tila, toteuma, sdg, str(fields.get("poikkeama", "")),
                  str(fields.get("uusi_aikataulu", "")))


# -- building -----------------------------------------------------------------------------------


def build_examples(strategy: Strategy, data: ExampleData, input_dir: Path = INPUT_DIR
                   ) -> list[Path]:
    """Write every period's returns into ``input_dir/<period id>/``; return the paths."""
    return [path for plan in data.periods
            for path in build_period(strategy, data, plan, input_dir)]


def build_period(strategy: Strategy, data: ExampleData, plan: PeriodPlan, input_dir: Path
                 ) -> list[Path]:
    from openpyxl import load_workbook

    from kemireport.templates.workbook import write_templates

    answers = data.answers_for(plan.period.id)
    settings = Settings(contact=plan.contact, deadline=plan.deadline)
    folder = Path(input_dir) / plan.period.id
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="kemireport-esimerkki-") as tmp:
        paths = write_templates(strategy, plan.period, Path(tmp), settings=settings)
        templates = dict(zip((d.code for d in strategy.departments), paths, strict=True))
        for ret in plan.returns:
            wanted = {a.id for a in strategy.actions_for(ret.department)}
            missing = sorted(wanted - set(answers))
            if missing:
                raise ExampleDataError(
                    f"Kausi {plan.period.id}, {ret.department}: vastaus puuttuu riveiltä "
                    f"{', '.join(missing)}.")
            workbook = load_workbook(templates[ret.department])
            filled = fill_workbook(workbook, {k: v for k, v in answers.items() if k in wanted})
            if filled != wanted:
                raise ExampleDataError(
                    f"Kausi {plan.period.id}, {ret.department}: pohjasta ei löytynyt rivejä "
                    f"{', '.join(sorted(wanted - filled))}.")
            fill_indicators(workbook, {i: by_period[plan.period.id]
                                       for i, by_period in data.indicators.items()
                                       if plan.period.id in by_period})
            sign(workbook, ret)
            mark_invented(workbook, ret)
            target = folder / ret.file
            write_bytes_atomic(target, deterministic_bytes(workbook, ret.saved))
            written.append(target)
    overview = folder / OVERVIEW_FILE
    if plan.katsaus:
        write_bytes_atomic(overview, plan.katsaus.encode("utf-8"))
        written.append(overview)
    elif overview.exists():
        overview.unlink()
    expected = {r.file for r in plan.returns}
    for stray in sorted(folder.glob("*.xlsx")):
        if stray.name not in expected:
            print(f"Huom.: {stray} ei kuulu esimerkkiaineistoon (jätetty paikalleen).",
                  file=sys.stderr)
    return written


def header_columns(sheet: Any) -> tuple[int, dict[str, int]] | None:
    """The header row (1-based) and each contract header's column, or None on a non-data sheet."""
    for row in sheet.iter_rows(min_row=1, max_row=HEADER_SEARCH_ROWS):
        texts = [str(cell.value).strip() if cell.value is not None else "" for cell in row]
        if all(header in texts for header in HEADERS):
            return row[0].row, {header: texts.index(header) + 1 for header in ALL_HEADERS
                                if header in texts}
    return None


def fill_indicators(workbook: Any, readings: Mapping[str, Reading]) -> None:
    """The value and source of each indicator with a reading, on the Mittarit sheet."""
    if INDICATOR_SHEET not in workbook.sheetnames:
        return
    sheet = workbook[INDICATOR_SHEET]
    for row in sheet.iter_rows(min_row=1, max_row=HEADER_SEARCH_ROWS):
        texts = [str(c.value) if c.value is not None else "" for c in row]
        if "Tunniste" in texts and VALUE in texts:
            header, col = row[0].row, {h: texts.index(h) + 1 for h in texts if h}
            break
    else:
        raise ExampleDataError("Mittarit-välilehdeltä puuttuu otsikkorivi.")
    for row_number in range(header + 1, sheet.max_row + 1):
        reading = readings.get(str(sheet.cell(row_number, col["Tunniste"]).value))
        if reading is not None:
            sheet.cell(row_number, col[VALUE]).value = reading.arvo
            sheet.cell(row_number, col[SOURCE]).value = reading.lahde


def sign(workbook: Any, ret: Return) -> None:
    """The sign-off cells, found through their defined names as the reader finds them."""
    for name, value in ((APPROVER_NAME, ret.approver or None), (APPROVED_NAME, ret.approved)):
        sheet, cell = next(iter(workbook.defined_names[name].destinations))
        workbook[sheet][cell.replace("$", "")].value = value


def fill_workbook(workbook: Any, answers: Mapping[str, Answer]) -> set[str]:
    """Write Tila, Toteuma and SDG of every row whose tunniste has an answer; return those ids."""
    from kemireport.core.textfit import line_count, row_height
    from kemireport.templates.workbook import COLUMN_WIDTHS, MIN_DATA_LINES

    filled: set[str] = set()
    for sheet in workbook.worksheets:
        if sheet.title in (IDENTITY_SHEET, INSTRUCTIONS_SHEET):
            continue
        found = header_columns(sheet)
        if found is None:
            continue
        header_row, col = found
        for row in range(header_row + 1, sheet.max_row + 1):
            action_id = sheet.cell(row, col["Tunniste"]).value
            answer = answers.get(str(action_id).strip()) if action_id is not None else None
            if answer is None:
                continue
            # An empty cell, as a person leaves it (the template writes an empty string).
            sheet.cell(row, col["Tila"]).value = answer.tila or None
            sheet.cell(row, col["Toteuma"]).value = answer.toteuma or None
            if answer.sdg is not None:
                sheet.cell(row, col["SDG"]).value = answer.sdg
            sheet.cell(row, col[DEVIATION]).value = answer.poikkeama or None
            sheet.cell(row, col[NEW_SCHEDULE]).value = answer.uusi_aikataulu or None
            # Excel grows a row as its owner types; keep the text visible the same way.
            lines = max(line_count(answer.toteuma, COLUMN_WIDTHS["Toteuma"]),
                        line_count(answer.poikkeama, COLUMN_WIDTHS[DEVIATION]), MIN_DATA_LINES)
            current = sheet.row_dimensions[row].height or 0
            sheet.row_dimensions[row].height = max(current, row_height(lines))
            filled.add(str(action_id).strip())
    return filled


def mark_invented(workbook: Any, ret: Return) -> None:
    """Say in the document properties that this is invented data, and who 'saved' it when."""
    props = workbook.properties
    props.title = f"{MARK}: {props.title}" if props.title else MARK
    props.subject = SUBJECT
    props.keywords = f"{props.keywords}, {MARK.lower()}" if props.keywords else MARK.lower()
    props.lastModifiedBy = ret.saved_by
    props.modified = ret.saved
    props.lastPrinted = None


def deterministic_bytes(workbook: Any, saved: datetime) -> bytes:
    """The workbook as .xlsx bytes that depend only on its content and ``saved``."""
    from openpyxl.writer.excel import ExcelWriter

    # openpyxl's save() stamps 'modified' with the current time; the writer itself does not.
    raw = io.BytesIO()
    ExcelWriter(workbook, zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED)).save()
    stamp = (saved.year, saved.month, saved.day, saved.hour, saved.minute, saved.second)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw.getvalue())) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=stamp)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            dst.writestr(member, src.read(info.filename))
    return out.getvalue()


# -- command line -------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Tekee keksityn esimerkkiaineiston (toimialojen palauttamat työkirjat) "
                    "kansioihin input/<kausi>/.")
    parser.add_argument("--data", type=Path, default=DATA_FILE,
                        help="esimerkkiaineiston YAML-tiedosto (oletus: %(default)s)")
    parser.add_argument("--input", type=Path, default=INPUT_DIR,
                        help="kansio, jonka alle kausikansiot tehdään (oletus: %(default)s)")
    args = parser.parse_args(argv)
    strategy = load_strategy()
    try:
        data = load_example_data(strategy, args.data)
        paths = build_examples(strategy, data, args.input)
    except ExampleDataError as exc:
        print(f"Virhe: {exc}", file=sys.stderr)
        return 2
    for path in paths:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
