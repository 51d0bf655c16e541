"""One vocabulary (``docs/sanasto.md``): the example data's outputs speak it.

Every output of the example data is made in a temporary working folder with the real commands
(templates, validation as text and JSON, feedback copies, the reports of both periods, the mail
drafts, every ``--help`` and click's own error messages), read back as text a person sees, and
searched for the glossary's retired variants. The strategy's and the departments' own words are
theirs, not kemireport's: they are taken out of the text before it is searched.
"""

from __future__ import annotations

import csv
import email
import io
import json
import os
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import policy
from pathlib import Path

import pytest
from click.testing import CliRunner

from kemireport.checks.validation import validate_folder
from kemireport.cli import cli
from kemireport.core.finnish import shorten
from kemireport.core.period import Period
from kemireport.strategy import Strategy

ROOT = Path(__file__).resolve().parents[1]
GLOSSARY = ROOT / "docs" / "sanasto.md"
SETTINGS_EXTRA = ('meeting = "Kaupunginhallitus 2.3.2026"\nattachment = 4\n'
                  'preparer = "strategiakoordinaattori Maija Esimerkki"\n')

# (pattern, what the glossary says instead). Case-insensitive.
RETIRED: tuple[tuple[str, str], ...] = (
    (r"raportointikau", "seurantakausi"),
    (r"puolivuotiskau", "seurantakausi"),
    (r"\b(?:kausi|kauden|kaudella|kaudelta|kauteen|kaudet|kausien|kausittain|kaudesta|"
     r"kaudelle|kaudeksi|kausia|kautena)\b", "seurantakausi (ei pelkkä kausi)"),
    (r"raportointipohj", "pohja"),
    (r"työkirj", "pohja tai palautus"),
    (r"raportin palautti|raportti puuttuu|raporttinsa|ilman raporttia|palautetui(?:ssa|sta) "
     r"raporte|toimialan raportti|uusi raportti|kiitos raportista|raporttia, jolla|"
     r"raportit puuttuvat|joiden raportti",
     "seurantatiedot tai palautus (raportti on kaupunginhallituksen asiakirja)"),
    (r"ei palautettu", "Ei raportoitu"),
    (r"tila puuttuu tai ei asteikolla|\(ei tilaa\)", "Ei raportoitu"),
    (r"\bhuomautu|\bhuom\.", "varoitus tai ilmoitus"),
    (r"\bselity", "selvitys"),
    (r"(?<![\w-])koordinaattori", "strategiakoordinaattori"),
    (r"tila nyt", "Tila 31.12.2025 (tila päivämäärään sidottuna)"),
    (r"pylväskaavio", "palkkikaavio"),
    (r"rivin tunniste", "tunniste"),
    (r"\blause", "virke"),
    (r"mitä tehdä", "korjausohje"),
    (r"mikä tämä on", "pohjan tarkoitus"),
    (r"toteuman seuranta(?!kau)|strategian toteuma\b", "strategian toteutuminen"),
    (r"sdg-tavoit", "kestävän kehityksen tavoite"),
    (r"sdg-numerot virheelliset", "virke, jossa on verbi"),
    (r"toimenpiteitä \d+:", "Päämäärään kuuluu N toimenpidettä, joista …"),
    (r"odotetuista \d", "Kaikki viisi toimialaa palauttivat seurantatietonsa."),
    (r"palauttamatta jääneet|raportoimatta jääneet", "virke, jossa on verbi"),
    (r"(?<![\d,])0 (?:virhe|varoitu|huomautu|ilmoitu|toimenpi|toimiala|korjattava)",
     "ei havaittu virheitä (ei nollaa)"),
    (r"(?<![\d,./])[2-9] (?:toimialaa|virhettä|varoitusta|ilmoitusta|korjattavaa|pohjaa|"
     r"mittaria|muutosta)\b|(?<![\d,./])1 (?:toimiala|virhe|varoitus|pohja|mittari|muutos)\b",
     "pienet luvut kirjaimin"),
    (r"'[^'\s][^'\n]{0,80}'", "lainausmerkit ” ”"),
    (r"\"[^\"\s][^\"\n]{0,80}\"", "lainausmerkit ” ”"),
    (r"virheellinen arvo \(|puuttuva (?:valinta|argumentti)|ei ole mikään näistä|"
     r"ylimääräinen argumentti \(|tarvitsee arvon",
     "clickin viestit luontevana suomena"),
    (r"kaupunginhallituksen word-raportin", "Word-raportin kaupunginhallitukselle"),
)
# In what people read (not on the command line, in JSON or in the CSV's data cells).
PEOPLE_ONLY: tuple[tuple[str, str], ...] = (
    (r"\b20\d\d-H[12]\b", "seurantakausi päivämäärinä, ei tunnisteena"),
)
# In what the board and residents read: the history database is the coordinator's tool.
PUBLIC_ONLY: tuple[tuple[str, str], ...] = (
    (r"\bhistori", "Edellisen seurantakauden tietoja ei ole käytettävissä …"),
)


@dataclass
class Outputs:
    """Every output as the text a person sees, by a name for messages."""

    texts: dict[str, str] = field(default_factory=dict)  # name -> text, own words only
    raw: dict[str, str] = field(default_factory=dict)  # name -> text as written
    people: set[str] = field(default_factory=set)  # names of outputs meant for reading
    headers: dict[str, list[list[str]]] = field(default_factory=dict)  # table header rows
    work: Path = Path()


@contextmanager
def _inside(folder: Path) -> Iterator[None]:
    before = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


# -- reading the outputs ------------------------------------------------------------------------


def _docx(path: Path) -> tuple[str, list[list[str]]]:
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    doc = Document(str(path))
    parts: list[str] = []
    headers: list[list[str]] = []
    for child in doc.element.body.iterchildren():
        tag = child.tag.rpartition("}")[2]
        if tag == "p":
            parts.append(Paragraph(child, doc).text)
        elif tag == "tbl":
            table = Table(child, doc)
            headers.append([c.text for c in table.rows[0].cells])
            parts.extend("\n".join(c.text for c in row.cells) for row in table.rows)
    for section in doc.sections:
        for part in (section.header, section.footer):
            parts.extend(p.text for p in part.paragraphs)
    props = doc.core_properties
    parts += [props.title or "", props.subject or "", props.comments or ""]
    for shape in doc.element.body.iter(
            "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"):
        parts += [shape.get("title") or "", shape.get("descr") or ""]
    return "\n\n".join(parts), headers


def _xlsx(path: Path, skip_sheets: tuple[str, ...] = ()) -> tuple[str, list[list[str]]]:
    from openpyxl import load_workbook

    book = load_workbook(path)
    parts: list[str] = []
    headers: list[list[str]] = []
    for sheet in book.worksheets:
        if sheet.sheet_state != "visible":
            continue
        parts.append(sheet.title)
        for table in sheet.tables.values():
            first = table.ref.split(":")[0]
            row = sheet[first].row
            headers.append([str(c.value or "") for c in sheet[row] if c.value is not None])
        if sheet.title in skip_sheets:
            continue
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    parts.append(cell.value)
                if cell.comment is not None:
                    parts.append(cell.comment.text)
        for validation in sheet.data_validations.dataValidation:
            parts += [validation.promptTitle or "", validation.prompt or "",
                      validation.errorTitle or "", validation.error or ""]
        for head in (sheet.oddHeader, sheet.oddFooter):
            parts += [head.left.text or "", head.center.text or "", head.right.text or ""]
    parts += [book.properties.title or "", book.properties.subject or "",
              book.properties.description or ""]
    return "\n\n".join(parts), headers


def _html(path: Path) -> tuple[str, list[list[str]]]:
    import lxml.html

    root = lxml.html.fromstring(path.read_text(encoding="utf-8"))
    for style in root.xpath("//style"):
        style.drop_tree()
    parts = ["".join(element.itertext()) for element in root.xpath(
        "//p|//li|//th|//td|//h1|//h2|//h3|//caption|//title|//desc|//a|//text|//span")]
    parts += [value for value in root.xpath("//@aria-label|//meta[@name='description']/@content")]
    headers = [["".join(th.itertext()).strip() for th in table.xpath("./thead/tr/th")]
               for table in root.xpath("//table")]
    return "\n\n".join(parts), headers


def _csv(path: Path) -> tuple[str, list[list[str]]]:
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig")), delimiter=";"))
    status = rows[0].index("Tila")
    # The data cells are the departments' and the strategy's; the program's own words are the
    # header and the categories it wrote.
    own = [rows[0], *([row[status]] for row in rows[1:])]
    return "\n".join("\n".join(row) for row in own), [rows[0]]


def _eml(path: Path) -> str:
    message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
    body = message.get_body(("plain",))
    return f"{message['subject']}\n\n{body.get_content() if body else ''}"


# -- the departments' and the strategy's own words ---------------------------------------------


def _foreign(strategy: Strategy, work: Path) -> list[str]:
    """Text that is not kemireport's: the strategy's, the departments', the coordinator's."""
    found: set[str] = set()
    for action in strategy.actions:
        found.update(strategy.strategy_texts(action).values())
    for goal in strategy.goals:
        found.update(o.text for o in goal.objectives)
    for indicator in strategy.indicators:
        found.update((indicator.name, indicator.unit, indicator.notes))
    periods = sorted(Period.parse(p.name) for p in (work / "input").iterdir()
                     if p.is_dir() and Period.is_period_id(p.name))
    for period in periods:
        folder = work / "input" / period.id
        validation = validate_folder(strategy, period, folder)
        for answers in validation.answers.values():
            for answer in answers:
                found.update(answer.row.values.values())
        for workbook in validation.accepted.values():
            for named in (workbook.sign_off.approver, workbook.sign_off.approved):
                if named is not None:
                    found.add(named.text)
            for indicator_row in workbook.indicators or ():
                found.update((indicator_row.value, indicator_row.source))
        blocks = [*validation.overview.general,
                  *(b for bs in validation.overview.goals.values() for b in bs)]
        found.update("".join(run.text for run in block.runs) for block in blocks)
        found.update(p.name for p in folder.iterdir())
    found.update(p.name for p in (work / "templates").rglob("*.xlsx"))
    with_shortened = set()
    for text in found:
        flat = " ".join(text.split())
        if len(flat) < 4:
            continue
        with_shortened.add(flat)
        for limit in (40, 90, 110, 200):
            short = shorten(flat, limit)
            with_shortened.update((short, short.rstrip(" …").rstrip("…")))
    return sorted(with_shortened, key=len, reverse=True)


def _own_words(text: str, foreign: list[str]) -> str:
    flat = "\n".join(" ".join(line.split()) for line in text.replace("\u2011", "-").splitlines())
    for words in foreign:
        if words in flat:
            flat = flat.replace(words, "⟨⟩")
    return flat


# -- making the outputs -------------------------------------------------------------------------


def _invoke(runner: CliRunner, args: list[str]) -> str:
    result = runner.invoke(cli, args, catch_exceptions=False)
    return result.output


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory, kemi_strategy: Strategy) -> Outputs:
    work = tmp_path_factory.mktemp("kieli")
    shutil.copytree(ROOT / "input", work / "input")
    settings = (ROOT / "kemireport.toml").read_text(encoding="utf-8")
    (work / "kemireport.toml").write_text(SETTINGS_EXTRA + settings, encoding="utf-8")
    runner = CliRunner()
    found = Outputs(work=work)
    cli_text: dict[str, str] = {}
    with _inside(work):
        cli_text["templates"] = _invoke(runner, ["templates", "--period", "2025-H1"])
        cli_text["validate H1"] = _invoke(runner, ["validate", "--period", "2025-H1",
                                                   "--feedback"])
        cli_text["validate H2"] = _invoke(runner, ["validate", "--period", "2025-H2"])
        cli_text["run"] = _invoke(runner, ["run"])
        cli_text["summary"] = _invoke(runner, ["summary"])
        cli_text["mail"] = _invoke(runner, ["mail", "--period", "2025-H1"])
        cli_text["mail templates"] = _invoke(runner, ["mail", "--period", "2025-H1",
                                                      "--kind", "templates"])
        json_text = _invoke(runner, ["validate", "--period", "2025-H1", "--format", "json"])
        for command in ("", "templates", "validate", "report", "run", "summary", "mail", "init"):
            cli_text[f"{command} --help"] = _invoke(runner, [*command.split(), "--help"])
        for wrong in (["templates"], ["validate", "--format", "xml"], ["validate", "--bogus"],
                      ["validate", "a", "b"], ["templates", "-p"], ["nosuch"],
                      ["validate", "--period", "2025-H5"], ["init"]):
            cli_text[" ".join(wrong)] = _invoke(runner, wrong)
    foreign = _foreign(kemi_strategy, work)

    def add(name: str, text: str, headers: list[list[str]] | None = None, *,
            people: bool = True) -> None:
        found.raw[name] = text
        found.texts[name] = _own_words(text, foreign)
        found.headers[name] = headers or []
        if people:
            found.people.add(name)

    for name, text in cli_text.items():
        add(f"kemireport {name}", text, people=False)
    messages = [f["message"] for f in json.loads(json_text)["findings"]]
    add("validate --format json", "\n".join(messages), people=False)
    for path in sorted((work / "output").rglob("*")):
        name = str(path.relative_to(work))
        if path.suffix == ".docx":
            add(name, *_docx(path))
        elif path.suffix == ".xlsx":
            skip = ("Toimenpiteet",) if path.parent.name.startswith("20") else ()
            add(name, *_xlsx(path, skip))
        elif path.suffix == ".html":
            add(name, *_html(path))
        elif path.suffix == ".csv":
            add(name, *_csv(path), people=False)
        elif path.suffix == ".eml":
            add(name, _eml(path))
    for path in sorted((work / "templates").rglob("*.xlsx")):
        add(str(path.relative_to(work)), *_xlsx(path))
    return found


# -- the tests ----------------------------------------------------------------------------------


def test_the_glossary_is_in_the_repository() -> None:
    text = GLOSSARY.read_text(encoding="utf-8")
    for term in ("seurantakausi", "palautus", "seurantatiedot", "seurantaraportti", "pohja",
                 "toimenpide", "kestävän kehityksen tavoite", "strategiakoordinaattori",
                 "Ei raportoitu", "korjausohje", "palkkikaavio", "virke"):
        assert f"**{term}**" in text, term


def test_every_output_was_made(outputs: Outputs) -> None:
    names = set(outputs.texts)
    for period in ("2025-H1", "2025-H2"):
        for suffix in (".docx", ".xlsx", ".html"):
            assert f"output/{period}/{period}_strategiaseuranta{suffix}" in names
        assert f"output/{period}/{period}_toimenpiteet.csv" in names
    for suffix in (".docx", ".xlsx", ".html"):
        assert f"output/loppuraportti/2022-H2_2025-H2_loppuraportti{suffix}" in names
    assert any(n.startswith("output/2025-H1/palaute/") for n in names)
    assert any("viestit/feedback" in n for n in names)
    assert any("viestit/reminders" in n for n in names)
    assert any("viestit/templates" in n for n in names)
    assert sum(1 for n in names if n.startswith("templates/2025-H1/")) == 5


def _hits(outputs: Outputs, rules: tuple[tuple[str, str], ...], names: set[str]) -> list[str]:
    hits = []
    for name in sorted(names):
        text = outputs.texts[name]
        for pattern, instead in rules:
            for match in re.finditer(pattern, text, re.IGNORECASE):
                start = max(match.start() - 50, 0)
                context = text[start:match.end() + 50].replace("\n", " ⏎ ")
                hits.append(f"{name}: {match.group(0)!r} → {instead}\n    …{context}…")
    return hits


def test_no_retired_variant_in_any_output(outputs: Outputs) -> None:
    hits = _hits(outputs, RETIRED, set(outputs.texts))
    assert not hits, f"{len(hits)} poistunutta muotoa:\n" + "\n".join(hits)


def test_what_people_read_names_periods_by_dates(outputs: Outputs) -> None:
    # (The strategy coordinator's own workbooks may name periods as their folders do.)
    coordinator = {n for n in outputs.people if n.endswith(".xlsx") and n.startswith("output/")
                   and "/palaute/" not in n}
    hits = _hits(outputs, PEOPLE_ONLY, outputs.people - coordinator)
    public = {n for n in outputs.people if n.endswith((".docx", ".html"))}
    hits += _hits(outputs, PUBLIC_ONLY, public)
    assert not hits, f"{len(hits)} poistunutta muotoa:\n" + "\n".join(hits)


def test_report_tables_use_the_glossarys_headers(outputs: Outputs) -> None:
    problems = []
    for name, tables in outputs.headers.items():
        if name.startswith(("templates/", "output/2025-H1/palaute/")):
            continue  # the department's own workbook: the contract's headers
        for header in tables:
            if "Toimenpiteet" in header:
                problems.append(f"{name}: Toimenpiteet → Toimenpide ({header})")
            if header[:1] == ["SDG"] and "Tavoite" in header:
                problems.append(f"{name}: Tavoite → Kestävän kehityksen tavoite ({header})")
    assert not problems, "\n".join(problems)


def _docx_xml(path: Path) -> str:
    import zipfile

    with zipfile.ZipFile(path) as package:
        return "".join(package.read(n).decode("utf-8") for n in package.namelist()
                       if n.startswith("word/") and n.endswith(".xml"))


def test_the_board_document_has_its_conventions(outputs: Outputs) -> None:
    spring = outputs.raw["output/2025-H1/2025-H1_strategiaseuranta.docx"]
    autumn = outputs.raw["output/2025-H2/2025-H2_strategiaseuranta.docx"]
    cover = spring.split("\n\n")[:6]
    assert cover[:2] == ["Kemin kaupunkistrategian 2022–2025 toteutuminen",
                         "Seurantaraportti 1.1.–30.6.2025"]
    assert "Kaupunginhallitus 2.3.2026, liite 4" in cover
    assert "Valmistelija: strategiakoordinaattori Maija Esimerkki" in cover
    # The year's report, in step with the annual report.
    assert autumn.split("\n\n")[:2] == [
        "Kemin kaupunkistrategian 2022–2025 toteutuminen vuonna 2025",
        "Seurantaraportti 1.7.–31.12.2025"]
    # Data-quality material is in the appendix, with one sentence in the summary.
    assert "Tarkistuksen havainnot" not in spring
    assert "”viivästynyt.”" not in spring
    assert "Liite 1. Seurantatietojen kattavuus" in spring
    summary = spring[spring.index("\n\nYhteenveto\n\n"):
                     spring.index("\n\nToimenpiteiden tila\n\n")]
    assert "liitteessä 1" in summary
    assert ("Perusturvatoimiala ei palauttanut seurantatietojaan" in summary)
    assert "Kaikki viisi toimialaa palauttivat seurantatietonsa" in autumn
    # Statuses belong to dates.
    assert "Tila 30.6.2025" in autumn and "Tila 31.12.2025" in autumn
    # A goal's sentence has a verb, and a chapter is referred to by its number.
    assert "Päämäärään kuuluu 37 toimenpidettä, joista 25 on toteutunut, 7 etenee " \
           "suunnitellusti" in autumn
    assert re.search(r"luvussa \d\b", spring)
    assert "(toimenpidettä ei ole kirjattu strategiaan)" in autumn


def test_the_board_document_numbers_pages_and_headings(outputs: Outputs) -> None:
    xml = _docx_xml(outputs.work / "output/2025-H1/2025-H1_strategiaseuranta.docx")
    assert re.search(r"PAGE\s*</w:instrText>.*?\(.*?NUMPAGES", xml, re.S)
    assert "Sivu " not in xml
    # Headings take their numbers from the numbering part, as Word renumbers them.
    assert re.search(r'<w:style [^>]*w:styleId="Heading1".*?<w:numPr>.*?</w:style>', xml, re.S)
    spring = outputs.raw["output/2025-H1/2025-H1_strategiaseuranta.docx"]
    assert "1 Yhteenveto" in spring  # the contents lists the numbers too


def test_click_speaks_finnish(outputs: Outputs) -> None:
    said = outputs.raw
    assert "Valinta --period (-p) puuttuu." in said["kemireport templates"]
    assert ("Valinnan --format arvo ”xml” ei kelpaa. Sallitut: text, json."
            in said["kemireport validate --format xml"])
    assert "Tuntematon valinta --bogus." in said["kemireport validate --bogus"]
    assert "Argumentti KANSIO puuttuu." in said["kemireport init"]
