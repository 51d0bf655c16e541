"""The board's Word report: structure, content, accessibility, templates, LibreOffice."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from builders_word import consolidation, facts_for, toteuma, unknown_row
from defusedxml import ElementTree

from kemireport.core.ooxml import contrast_ratio
from kemireport.core.period import Period
from kemireport.core.settings import Settings
from kemireport.errors import ConfigError
from kemireport.history.records import Change
from kemireport.outputs.word.accessibility import AccessibilityError, readable_fill, self_check
from kemireport.outputs.word.document import default_template_path
from kemireport.outputs.word.report import write_word_report
from kemireport.strategy import Strategy

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
DC = "{http://purl.org/dc/elements/1.1/}"
PERIOD = Period.parse("2025-H1")
TODAY = date(2025, 8, 5)
ROOT = Path(__file__).resolve().parents[1]


def write(strategy: Strategy, path: Path, settings: Settings | None = None,
          **kwargs: Any) -> str:
    data = consolidation(strategy, **kwargs)
    return write_word_report(strategy, facts_for(strategy, data), path,
                             settings=settings or Settings(), today=TODAY)


_CAPTION_NUMBER = re.compile(r"^(Taulukko|Kuva) \d+\. ")


class Docx:
    """A written report's XML parts, read back as plain XML."""

    def __init__(self, path: Path) -> None:
        with zipfile.ZipFile(path) as package:
            self.names = package.namelist()
            self.document = ElementTree.fromstring(package.read("word/document.xml"))
            self.styles = ElementTree.fromstring(package.read("word/styles.xml"))
            self.core = ElementTree.fromstring(package.read("docProps/core.xml"))
            self.settings = ElementTree.fromstring(package.read("word/settings.xml"))
            self.footers = [package.read(n).decode("utf-8") for n in self.names
                            if n.startswith("word/footer")]

    def style_id(self, name: str) -> str:
        for style in self.styles.iter(f"{W}style"):
            if style.find(f"{W}name").get(f"{W}val").casefold() == name.casefold():
                return style.get(f"{W}styleId")
        raise KeyError(name)

    def paragraphs(self, style: str | None = None) -> list[str]:
        wanted = self.style_id(style) if style else None
        texts = []
        for p in self.document.iter(f"{W}p"):
            pstyle = p.find(f"{W}pPr/{W}pStyle")
            if wanted is None or (pstyle is not None and pstyle.get(f"{W}val") == wanted):
                texts.append("".join(t.text or "" for t in p.iter(f"{W}t")))
        return texts

    def headings(self) -> list[tuple[int, str]]:
        ids = {self.style_id(f"heading {n}"): n for n in (1, 2, 3)}
        result = []
        for p in self.document.iter(f"{W}p"):
            pstyle = p.find(f"{W}pPr/{W}pStyle")
            if pstyle is not None and pstyle.get(f"{W}val") in ids:
                result.append((ids[pstyle.get(f"{W}val")],
                               "".join(t.text or "" for t in p.iter(f"{W}t"))))
        return result

    def tables(self) -> list[Any]:
        return list(self.document.iter(f"{W}tbl"))

    @staticmethod
    def rows(table: Any) -> list[list[str]]:
        return [["\n".join("".join(t.text or "" for t in p.iter(f"{W}t"))
                           for p in tc.iter(f"{W}p")) for tc in tr.findall(f"{W}tc")]
                for tr in table.findall(f"{W}tr")]

    def table_after(self, heading: str) -> list[list[str]]:
        """The rows of the first table after a heading (or paragraph) with this text.

        A caption is matched without its number ("Taulukko 3. "): a test names its table,
        and a table added earlier in the document must not break it.
        """
        contents = {self.style_id("toc 1"), self.style_id("toc 2")}
        wanted = _CAPTION_NUMBER.sub("", heading)
        seen = False
        for element in self.document.find(f"{W}body"):
            style = element.find(f"{W}pPr/{W}pStyle")
            if style is not None and style.get(f"{W}val") in contents:
                continue
            if element.tag == f"{W}p" and _CAPTION_NUMBER.sub("", "".join(
                    t.text or "" for t in element.iter(f"{W}t"))) == wanted:
                seen = True
            elif seen and element.tag == f"{W}tbl":
                return self.rows(element)
        raise AssertionError(f"no table after {heading!r}")


@pytest.fixture(scope="module")
def complete(mini_strategy: Strategy, tmp_path_factory: pytest.TempPathFactory) -> tuple[
        Path, str]:
    path = tmp_path_factory.mktemp("word") / "raportti.docx"
    before = Period.parse("2024-H2")
    result = write(mini_strategy, path, previous_period=before, changes=[
        Change("EK-YMP-01", "EK", "YMP", "status-changed", before, "Ei käynnistynyt",
               "Toteutunut", "Katuvalot vaihdetaan LED-valoihin."),
        Change("HK-HYV-01", "HK", "HYV", "unchanged", before, "Keskeytetty", "Keskeytetty"),
    ])
    return path, result


# -- accessibility ------------------------------------------------------------------------------


def test_self_check_result_is_one_finnish_line(complete: tuple[Path, str]) -> None:
    _, result = complete
    assert result == ("Saavutettavuustarkistus: kunnossa (15 otsikkoa oikeassa "
                      "tasojärjestyksessä, kuvien vaihtoehtoiset tekstit 4/4, taulukoiden "
                      "otsikkorivit 12/12, kieli fi-FI, asiakirjan ominaisuudet)")


def test_document_language_is_finnish(complete: tuple[Path, str]) -> None:
    doc = Docx(complete[0])
    lang = doc.styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert lang.get(f"{W}val") == "fi-FI"
    normal = next(s for s in doc.styles.iter(f"{W}style") if s.get(f"{W}styleId") == "Normal")
    assert normal.find(f"{W}rPr/{W}lang").get(f"{W}val") == "fi-FI"
    assert doc.core.find(f"{DC}language").text == "fi-FI"


def test_document_properties(complete: tuple[Path, str], mini_strategy: Strategy) -> None:
    core = Docx(complete[0]).core
    assert core.find(f"{DC}title").text == (
        "Testikunnan kuntastrategian 2026–2029 toteutuminen. Seurantaraportti 1.1.–30.6.2025")
    assert core.find(f"{DC}subject").text == "Seurantaraportti 1.1.–30.6.2025, kaupunginhallitus"
    assert core.find(f"{DC}creator").text == "Testikunta"
    keywords = core.find("{http://schemas.openxmlformats.org/package/2006/metadata/"
                         "core-properties}keywords").text
    assert "2025-H1" in keywords


def test_every_picture_has_alt_text_with_the_numbers(complete: tuple[Path, str]) -> None:
    pictures = list(Docx(complete[0]).document.iter(f"{WP}docPr"))
    assert len(pictures) == 4  # the goals' status, each goal's objectives, the SDG view
    status, _, _, sdg = (p.get("descr") for p in pictures)
    # mini strategy, statuses cycling through the scale: 6 actions.
    assert status == ("Palkkikaavio: toimenpiteiden tila päämäärittäin. Elinvoimainen kunta: "
                      "Toteutunut 1, Etenee suunnitellusti 1, Ei käynnistynyt 1; Hyvinvoivat "
                      "asukkaat: Toteutunut 1, Viivästynyt 1, Keskeytetty 1; Kaikki päämäärät: "
                      "Toteutunut 2, Etenee suunnitellusti 1, Viivästynyt 1, Ei käynnistynyt 1, "
                      "Keskeytetty 1.")
    assert sdg.startswith("Palkkikaavio: toimenpiteiden määrä kestävän kehityksen "
                          "tavoitteittain. 1 Ei köyhyyttä 0,")
    assert "3 Terveyttä ja hyvinvointia 2" in sdg
    assert all(p.get("title") for p in pictures)
    assert not any(p.get("name", "").startswith("Picture") for p in pictures)


def test_every_table_has_a_repeating_header_row_and_a_caption(
        complete: tuple[Path, str]) -> None:
    tables = Docx(complete[0]).tables()
    assert len(tables) == 12
    for table in tables:
        first = table.find(f"{W}tr")
        assert first.find(f"{W}trPr/{W}tblHeader") is not None
        assert first.find(f"{W}trPr/{W}cantSplit") is not None
        assert table.find(f"{W}tblPr/{W}tblCaption").get(f"{W}val").startswith("Taulukko ")
        assert table.find(f"{W}tblPr/{W}tblDescription").get(f"{W}val")


def test_status_is_text_and_shading_is_a_readable_second_cue(
        complete: tuple[Path, str], mini_strategy: Strategy) -> None:
    doc = Docx(complete[0])
    colours = {level.name: level.color for level in mini_strategy.status_scale}
    found = 0
    for table in doc.tables():
        for tr in table.findall(f"{W}tr")[1:]:
            for tc in tr.findall(f"{W}tc"):
                # The status is the cell's first line (a deviation's duration may follow).
                text = "".join(t.text or "" for t in tc.find(f"{W}p").iter(f"{W}t"))
                shade = tc.find(f"{W}tcPr/{W}shd")
                if shade is None:
                    continue
                found += 1
                assert text in colours  # never a coloured cell without its status in words
                fill = shade.get(f"{W}fill")
                assert fill == readable_fill(colours[text])
                assert contrast_ratio("#000000", fill) >= 4.5
    assert found >= 6


def test_scale_colours_give_enough_contrast_for_black_text(
        mini_strategy: Strategy, kemi_strategy: Strategy) -> None:
    for level in (*mini_strategy.status_scale, *kemi_strategy.status_scale):
        assert readable_fill(level.color) == level.color.lstrip("#").upper()
        assert contrast_ratio("#000000", level.color) >= 4.5
    # An organisation's dark colour is lightened until black text on it is readable.
    dark = readable_fill("#1F3864")
    assert dark != "1F3864"
    assert contrast_ratio("#000000", dark) >= 4.5
    assert round(contrast_ratio("#000000", "#FFFFFF"), 1) == 21.0


def test_self_check_fails_on_a_picture_without_alt_text(complete: tuple[Path, str],
                                                       tmp_path: Path) -> None:
    broken = _edit(complete[0], tmp_path, lambda xml: re.sub(r' descr="[^"]*"', "", xml))
    with pytest.raises(AccessibilityError, match="vaihtoehtoinen teksti puuttuu 4 kuvasta"):
        self_check(broken)


def test_self_check_fails_on_a_skipped_heading_level(complete: tuple[Path, str],
                                                    tmp_path: Path, ) -> None:
    doc = Docx(complete[0])
    h2 = doc.style_id("heading 2")
    h3 = doc.style_id("heading 3")
    broken = _edit(complete[0], tmp_path,
                   lambda xml: xml.replace(f'w:val="{h2}"', f'w:val="{h3}"', 1))
    with pytest.raises(AccessibilityError, match="otsikkotaso 3 tasolta 1"):
        self_check(broken)


def test_self_check_fails_on_a_table_without_header_row(complete: tuple[Path, str],
                                                       tmp_path: Path) -> None:
    broken = _edit(complete[0], tmp_path, lambda xml: xml.replace("<w:tblHeader/>", "", 1))
    with pytest.raises(AccessibilityError, match="toistuva otsikkorivi puuttuu 1 taulukosta"):
        self_check(broken)


def _edit(source: Path, tmp_path: Path, change: Any) -> Path:
    target = tmp_path / "rikki.docx"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            data = old.read(info.filename)
            if info.filename == "word/document.xml":
                data = change(data.decode("utf-8")).encode("utf-8")
            new.writestr(info, data)
    return target


# -- structure and content ----------------------------------------------------------------------

EXPECTED_HEADINGS = [
    (1, "Yhteenveto"),
    (2, "Toimenpiteiden tila"),
    (2, "Poikkeamat"),
    (1, "Elinvoimainen kunta"),
    (2, "Ympäristötoimiala"),
    (2, "Hyvinvointitoimiala"),
    (1, "Hyvinvoivat asukkaat"),
    (2, "Ympäristötoimiala"),
    (2, "Hyvinvointitoimiala"),
    (1, "Poikkeamat ja korjaavat toimenpiteet"),
    (1, "Kestävän kehityksen tavoitteet"),
    (1, "Muutokset edelliseen seurantakauteen"),
    (1, "Liite 1. Seurantatietojen kattavuus"),
    (2, "Palautusten hyväksyntä"),
    (2, "Puuttuvat tiedot"),
]
# The numbers Word gives the headings (the appendix and its parts have none), as the contents
# lists them.
NUMBERED = ["1 Yhteenveto", "1.1 Toimenpiteiden tila", "1.2 Poikkeamat",
            "2 Elinvoimainen kunta", "2.1 Ympäristötoimiala", "2.2 Hyvinvointitoimiala",
            "3 Hyvinvoivat asukkaat", "3.1 Ympäristötoimiala", "3.2 Hyvinvointitoimiala",
            "4 Poikkeamat ja korjaavat toimenpiteet", "5 Kestävän kehityksen tavoitteet",
            "6 Muutokset edelliseen seurantakauteen", "Liite 1. Seurantatietojen kattavuus",
            "Palautusten hyväksyntä", "Puuttuvat tiedot"]


def test_sections_in_order_for_complete_returns(complete: tuple[Path, str]) -> None:
    assert Docx(complete[0]).headings() == EXPECTED_HEADINGS


def test_title_page(complete: tuple[Path, str]) -> None:
    doc = Docx(complete[0])
    assert doc.paragraphs("Title") == ["Testikunnan kuntastrategian 2026–2029 toteutuminen"]
    assert doc.paragraphs("Subtitle") == ["Seurantaraportti 1.1.–30.6.2025"]
    assert doc.paragraphs("Kansilehden tieto") == ["Testikunta", "Laadittu 5.8.2025"]


def test_title_page_names_the_meeting_attachment_and_preparer(mini_strategy: Strategy,
                                                              tmp_path: Path) -> None:
    path = tmp_path / "r.docx"
    write(mini_strategy, path, Settings(meeting="Kunnanhallitus 2.3.2026", attachment="4",
                                        preparer="kehittämispäällikkö Maija Esimerkki"))
    assert Docx(path).paragraphs("Kansilehden tieto") == [
        "Kunnanhallitus 2.3.2026, liite 4", "Valmistelija: kehittämispäällikkö Maija Esimerkki",
        "Testikunta", "Laadittu 5.8.2025"]
    write(mini_strategy, path, Settings(attachment="4 b"))
    assert Docx(path).paragraphs("Kansilehden tieto")[0] == "Liite 4 b"


def test_the_second_half_years_report_is_the_years_report(mini_strategy: Strategy,
                                                          tmp_path: Path) -> None:
    path = tmp_path / "r.docx"
    write(mini_strategy, path, period=Period.parse("2025-H2"))
    doc = Docx(path)
    assert doc.paragraphs("Title") == [
        "Testikunnan kuntastrategian 2026–2029 toteutuminen vuonna 2025"]
    assert doc.paragraphs("Subtitle") == ["Seurantaraportti 1.7.–31.12.2025"]
    assert ("Raportti kertoo, miten kaupunkistrategian toimenpiteet etenivät vuonna 2025. "
            "Toimenpiteiden tila on vuoden lopun tilanne 31.12.2025, ja toimialojen kuvaukset "
            "koskevat seurantakautta 1.7.–31.12.2025. Raportti täydentää vuoden 2025 "
            "toimintakertomusta.") in doc.paragraphs()


def test_organisation_from_settings(mini_strategy: Strategy, tmp_path: Path) -> None:
    path = tmp_path / "r.docx"
    write(mini_strategy, path, Settings(organisation="Testikunnan kaupunginkanslia"))
    doc = Docx(path)
    assert doc.paragraphs("Kansilehden tieto")[-2] == "Testikunnan kaupunginkanslia"
    assert doc.core.find(f"{DC}creator").text == "Testikunnan kaupunginkanslia"


def test_every_toteuma_is_in_the_document(complete: tuple[Path, str],
                                          mini_strategy: Strategy) -> None:
    text = "\n".join(Docx(complete[0]).paragraphs())
    for index, action in enumerate(mini_strategy.actions):
        assert toteuma(action, index) in text


def test_action_tables_per_department(complete: tuple[Path, str]) -> None:
    rows = Docx(complete[0]).table_after("Taulukko 5. Elinvoimainen kunta – Ympäristötoimiala: "
                                         "toimenpiteet ja toteuma")
    assert rows[0] == ["Tunniste", "Toimenpide", "Tila", "Toteuma"]
    assert [r[0] for r in rows[1:]] == ["EK-YMP-01", "EK-YMP-02"]
    assert rows[1][1] == "Katuvalot vaihdetaan LED-valoihin."
    assert rows[1][2] == "Toteutunut"
    assert rows[2][1] == "Torin perusparannus: =SUM(A1) ei ole kaava vaan teksti."


def test_summary_counts(complete: tuple[Path, str]) -> None:
    doc = Docx(complete[0])
    assert ("Kaikki kaksi toimialaa palauttivat seurantatietonsa, ja tila ja toteuma on kerrottu "
            "kaikista kuudesta toimenpiteestä. Ympäristötoimiala ja Hyvinvointitoimiala "
            "palauttivat seurantatietonsa ilman hyväksyntää. Seurantatietojen kattavuus on "
            "eritelty liitteessä 1.") in doc.paragraphs()
    assert ("Strategiassa on kuusi toimenpidettä, joista kaksi on toteutunut, yksi etenee "
            "suunnitellusti, yksi on viivästynyt, yksi ei ole käynnistynyt ja yksi on "
            "keskeytetty.") in doc.paragraphs()
    assert ("Poikkeamia eli toimenpiteitä, joiden tila on ”Viivästynyt”, ”Ei käynnistynyt” tai "
            "”Keskeytetty”, on kolme. Taulukossa on toimialan selvitys lyhennettynä; koko teksti "
            "on luvussa 4.") in doc.paragraphs()
    rows = doc.table_after("Taulukko 1. Toimenpiteiden tila päämäärittäin")
    assert rows == [
        ["Tila", "Elinvoimainen kunta", "Hyvinvoivat asukkaat", "Yhteensä", "Osuus"],
        ["Toteutunut", "1", "1", "2", "33,3\u00a0%"],
        ["Etenee suunnitellusti", "1", "0", "1", "16,7\u00a0%"],
        ["Viivästynyt", "0", "1", "1", "16,7\u00a0%"],
        ["Ei käynnistynyt", "1", "0", "1", "16,7\u00a0%"],
        ["Keskeytetty", "0", "1", "1", "16,7\u00a0%"],
        ["Ei raportoitu", "0", "0", "0", "0\u00a0%"],
        ["Yhteensä", "3", "3", "6", "100\u00a0%"],
    ]
    flagged = doc.table_after("Taulukko 2. Poikkeamat (3)")
    assert flagged[0] == ["Toimenpide", "Tila", "Toimialan selvitys", "Uusi aikataulu"]
    assert [r[1] for r in flagged[1:]] == ["Viivästynyt\nuusi poikkeama",
                                           "Ei käynnistynyt\nuusi poikkeama",
                                           "Keskeytetty\nuusi poikkeama"]
    assert flagged[1][0] == "HK-YMP-01 · Ympäristötoimiala\n" \
        "Ulkoilureitin rakentaminen Äijälänsalmelle."
    assert flagged[1][2:] == ["Rahoitus siirtyi; hanke kilpailutetaan uudelleen syksyllä "
                              "(HK-YMP-01).", "12/2026"]


def test_long_explanation_is_shortened_at_a_sentence_in_the_summary(
        mini_strategy: Strategy, tmp_path: Path) -> None:
    long = ("Urakoitsija meni konkurssiin toukokuussa, ja työmaa seisoo. Uusi kilpailutus "
            "käynnistetään elokuussa, ja työt jatkuvat aikaisintaan marraskuussa. Lisäkustannus "
            "on arviolta 120 000 euroa, ja siitä tuodaan esitys lautakunnalle syyskuussa. "
            "Kaupunginhallitukselle raportoidaan tilanteesta erikseen.")
    path = tmp_path / "r.docx"
    write(mini_strategy, path, statuses={"EK-YMP-02": "Viivästynyt"},
          deviations={"EK-YMP-02": long})
    doc = Docx(path)
    flagged = doc.table_after("Taulukko 2. Poikkeamat (4)")
    row = next(r for r in flagged if r[0].startswith("EK-YMP-02"))
    assert row[2] == ("Urakoitsija meni konkurssiin toukokuussa, ja työmaa seisoo. Uusi "
                      "kilpailutus käynnistetään elokuussa, ja työt jatkuvat aikaisintaan "
                      "marraskuussa. …")
    assert long in "\n".join(doc.paragraphs())  # the deviations chapter has it whole
    whole = doc.table_after("Poikkeamat: syyt, korjaavat toimenpiteet ja uusi aikataulu")
    assert next(r for r in whole if r[0] == "EK-YMP-02")[5] == long


def test_partial_returns_show_the_missing_department(mini_strategy: Strategy,
                                                     tmp_path: Path) -> None:
    path = tmp_path / "r.docx"
    write(mini_strategy, path, missing_departments=["HYV"],
          statuses={"EK-YMP-02": None}, toteumat={"HK-YMP-01": None},
          unknown_rows=[unknown_row("YMP", "EK", "Kesätyöseteli nuorille.")])
    doc = Docx(path)
    assert doc.headings() == EXPECTED_HEADINGS
    texts = doc.paragraphs()
    assert ("Seurantatietonsa palautti yksi toimiala kahdesta. Hyvinvointitoimiala ei "
            "palauttanut seurantatietojaan. Tila ja toteuma on kerrottu yhdestä toimenpiteestä "
            "kuudesta (16,7\u00a0%). Ympäristötoimiala palautti seurantatietonsa ilman "
            "hyväksyntää. Lisäksi toimialat kirjoittivat yhden rivin, jota strategiassa ei ole; "
            "se on toimialan taulukon lopussa. Seurantatietojen kattavuus on eritelty "
            "liitteessä 1.") in texts
    # A department that sent nothing: one sentence in each goal, not a column of blanks.
    assert ("Hyvinvointitoimiala ei palauttanut seurantatietojaan tältä seurantakaudelta, joten "
            "sen yhden toimenpiteen tila ei ole tiedossa. Se on laskettu tilaan ”Ei "
            "raportoitu”.") in texts
    assert ("Hyvinvointitoimiala ei palauttanut seurantatietojaan, joten sen kolmen "
            "toimenpiteen tila ja toteuma puuttuvat.") in texts
    assert doc.table_after("Palautusten hyväksyntä") == [
        ["Toimiala", "Hyväksyjä", "Hyväksymispäivä"],
        ["Ympäristötoimiala", "Ei hyväksyntää", "–"],
        ["Hyvinvointitoimiala", "Ei palautusta", "–"]]
    assert "Palautuksista puuttuu tietoja kahdesta toimenpiteestä." in texts
    assert doc.table_after("Toimenpiteet, joiden tiedot ovat puutteelliset") == [
        ["Tunniste", "Toimenpide", "Toimiala", "Puuttuvat tiedot"],
        ["EK-YMP-02", "Torin perusparannus: =SUM(A1) ei ole kaava vaan teksti.",
         "Ympäristötoimiala", "Tila puuttuu."],
        ["HK-YMP-01", "Ulkoilureitin rakentaminen Äijälänsalmelle.", "Ympäristötoimiala",
         "Toteuma puuttuu."],
    ]
    ymp = doc.table_after("Taulukko 4. Elinvoimainen kunta – Ympäristötoimiala: "
                          "toimenpiteet ja toteuma")
    assert ymp[-1] == ["(ei tunnistetta)", "Kesätyöseteli nuorille.", "Etenee suunnitellusti",
                       "Toimiala lisäsi rivin itse."]
    # The check's findings are the coordinator's: none of them is in the board's document.
    assert not any("virhe" in text or "Tarkistuksen havainnot" in text for text in texts)


def test_no_previous_period_is_said_plainly(mini_strategy: Strategy, tmp_path: Path) -> None:
    path = tmp_path / "r.docx"
    write(mini_strategy, path)
    assert ("Edellisen seurantakauden tietoja ei ole käytettävissä, joten vertailua ei voida "
            "vielä esittää.") in Docx(path).paragraphs()


def test_changes_since_the_previous_period(complete: tuple[Path, str]) -> None:
    doc = Docx(complete[0])
    assert ("Verrattuna seurantakauteen 1.7.–31.12.2024 tila muuttui yhdessä toimenpiteessä ja "
            "yhden toimenpiteen tila pysyi ennallaan.") in doc.paragraphs()
    changes = doc.table_after("Muutokset edelliseen seurantakauteen")
    assert changes[0] == ["Tunniste", "Toimenpide", "Toimiala", "Tila 31.12.2024",
                          "Tila 30.6.2025"]
    assert changes[1:] == [
        ["EK-YMP-01", "Katuvalot vaihdetaan LED-valoihin.", "Ympäristötoimiala",
         "Ei käynnistynyt", "Toteutunut"]]


def test_contents_is_a_toc_field_prefilled_with_linked_headings(
        complete: tuple[Path, str]) -> None:
    doc = Docx(complete[0])
    instructions = [t.text for t in doc.document.iter(f"{W}instrText")]
    assert ' TOC \\o "1-2" \\h \\z \\u ' in instructions
    entries = [p for p in doc.paragraphs() if p in NUMBERED]
    assert entries[:len(NUMBERED)] == NUMBERED  # the appendix's headings come again later
    assert sorted(doc.paragraphs("toc 1") + doc.paragraphs("toc 2")) == sorted(NUMBERED)
    bookmarks = {b.get(f"{W}name") for b in doc.document.iter(f"{W}bookmarkStart")}
    anchors = [h.get(f"{W}anchor") for h in doc.document.iter(f"{W}hyperlink")]
    assert len(anchors) == len(EXPECTED_HEADINGS)
    assert set(anchors) <= bookmarks
    assert doc.settings.find(f"{W}updateFields").get(f"{W}val") == "true"


def test_page_numbers_in_the_footer(complete: tuple[Path, str]) -> None:
    footers = "".join(Docx(complete[0]).footers)
    assert "Sivu " not in footers
    # "3 (23)": the page, then the number of pages in parentheses.
    assert re.search(r"<w:instrText[^>]*> PAGE </w:instrText>.*?<w:t[^>]*> \(</w:t>.*?"
                     r"<w:instrText[^>]*> NUMPAGES </w:instrText>.*?<w:t[^>]*>\)</w:t>", footers)


def test_headings_are_numbered_by_the_styles_and_the_appendix_is_not(
        complete: tuple[Path, str]) -> None:
    with zipfile.ZipFile(complete[0]) as package:
        numbering = ElementTree.fromstring(package.read("word/numbering.xml"))
    doc = Docx(complete[0])
    heading = next(s for s in doc.styles.iter(f"{W}style")
                   if s.get(f"{W}styleId") == doc.style_id("heading 1"))
    num_id = heading.find(f"{W}pPr/{W}numPr/{W}numId").get(f"{W}val")
    num = next(n for n in numbering.iter(f"{W}num") if n.get(f"{W}numId") == num_id)
    abstract_id = num.find(f"{W}abstractNumId").get(f"{W}val")
    abstract = next(a for a in numbering.iter(f"{W}abstractNum")
                    if a.get(f"{W}abstractNumId") == abstract_id)
    assert [lvl.find(f"{W}lvlText").get(f"{W}val") for lvl in abstract.iter(f"{W}lvl")] == [
        "%1", "%1.%2", "%1.%2.%3"]
    appendix = next(p for p in doc.document.iter(f"{W}p")
                    if "".join(t.text or "" for t in p.iter(f"{W}t")) ==
                    "Liite 1. Seurantatietojen kattavuus"
                    and p.find(f"{W}pPr/{W}numPr") is not None)
    assert appendix.find(f"{W}pPr/{W}numPr/{W}numId").get(f"{W}val") == "0"


def test_goal_sections_are_landscape(complete: tuple[Path, str]) -> None:
    doc = Docx(complete[0])
    sections = list(doc.document.iter(f"{W}sectPr"))
    sizes = [(s.find(f"{W}pgSz").get(f"{W}orient") or "portrait",
              int(s.find(f"{W}pgSz").get(f"{W}w")) > int(s.find(f"{W}pgSz").get(f"{W}h")))
             for s in sections]
    assert sizes == [("portrait", False), ("landscape", True), ("landscape", True),
                     ("landscape", True), ("portrait", False), ("portrait", False),
                     ("portrait", False)]


def test_long_rows_may_split_short_rows_may_not(mini_strategy: Strategy,
                                                tmp_path: Path) -> None:
    path = tmp_path / "r.docx"
    long = "Pitkä selvitys toimenpiteen etenemisestä ja sen syistä. " * 40
    write(mini_strategy, path, toteumat={"EK-YMP-01": long})
    doc = Docx(path)
    for table in doc.tables():
        for tr in table.findall(f"{W}tr")[1:]:
            text = "".join(t.text or "" for t in tr.iter(f"{W}t"))
            keeps = tr.find(f"{W}trPr/{W}cantSplit") is not None
            assert keeps == (len(text) <= 1500), text[:40]


def test_control_characters_do_not_break_the_document(mini_strategy: Strategy,
                                                      tmp_path: Path) -> None:
    path = tmp_path / "r.docx"
    write(mini_strategy, path, toteumat={"EK-YMP-01": "Valmis\x01\x0b työ\x1f."})
    assert "Valmis työ." in Docx(path).paragraphs()


# -- templates ----------------------------------------------------------------------------------


def test_default_template_is_packaged_and_in_templates_folder() -> None:
    packaged = default_template_path()
    assert packaged.is_file()
    assert (ROOT / "templates" / "kemireport-pohja.docx").read_bytes() == packaged.read_bytes()


def test_default_template_is_reproducible_from_its_script(tmp_path: Path) -> None:
    """The template is no mystery binary: the script rebuilds it byte for byte."""
    script = ROOT / "tools" / "make_word_template.py"
    copy = tmp_path / "repo"
    (copy / "tools").mkdir(parents=True)
    shutil.copy(script, copy / "tools")
    subprocess.run([shutil.which("python") or "python", str(copy / "tools" / script.name)],
                   check=True, capture_output=True, timeout=120)
    built = copy / "kemireport" / "outputs" / "word" / "kemireport-pohja.docx"
    assert built.read_bytes() == default_template_path().read_bytes()


def _city_template(path: Path, *, dotx: bool = False) -> Path:
    """python-docx's own default (none of our custom styles), Heading 1 in Courier New, and
    its style id renamed as a Finnish Word names it."""
    import docx
    from docx.shared import Pt

    doc = docx.Document()
    heading = doc.styles["Heading 1"]
    heading.font.name = "Courier New"
    heading.font.size = Pt(20)
    fonts = heading.element.rPr.rFonts
    for attr in list(fonts.attrib):
        if attr.lower().endswith("theme"):
            del fonts.attrib[attr]
    doc.sections[0].footer.paragraphs[0].text = "Testikunnan kirjaamo"
    doc.add_paragraph("Pohjan oma teksti, jonka raportti poistaa.")
    doc.save(str(path))
    with zipfile.ZipFile(path) as old:
        parts = {i.filename: old.read(i.filename) for i in old.infolist()}
    parts["word/styles.xml"] = parts["word/styles.xml"].replace(
        b'w:val="Heading1"', b'w:val="Otsikko1"').replace(
        b'w:styleId="Heading1"', b'w:styleId="Otsikko1"')
    if dotx:
        parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
            b"wordprocessingml.document.main+xml", b"wordprocessingml.template.main+xml")
    with zipfile.ZipFile(path, "w") as new:
        for name, data in parts.items():
            new.writestr(name, data)
    return path


@pytest.mark.parametrize("suffix", [".docx", ".dotx"])
def test_word_template_styles_are_used(mini_strategy: Strategy, tmp_path: Path,
                                       suffix: str) -> None:
    template = _city_template(tmp_path / f"kaupungin-pohja{suffix}", dotx=suffix == ".dotx")
    path = tmp_path / "r.docx"
    result = write(mini_strategy, path,
                   Settings(root=tmp_path, word_template=Path(template.name)))
    assert result.startswith("Saavutettavuustarkistus: kunnossa")
    doc = Docx(path)
    assert doc.style_id("heading 1") == "Otsikko1"
    h1 = next(s for s in doc.styles.iter(f"{W}style") if s.get(f"{W}styleId") == "Otsikko1")
    assert h1.find(f"{W}rPr/{W}rFonts").get(f"{W}ascii") == "Courier New"
    assert doc.headings() == EXPECTED_HEADINGS
    assert "Pohjan oma teksti, jonka raportti poistaa." not in doc.paragraphs()
    # Styles the city's template lacks come from the default one; none is dropped.
    assert doc.paragraphs("Taulukon teksti")
    assert doc.paragraphs("toc 1")
    footers = "".join(doc.footers)
    assert "Testikunnan kirjaamo" in footers and "NUMPAGES" in footers


def test_unreadable_word_template_is_a_configuration_error(mini_strategy: Strategy,
                                                           tmp_path: Path) -> None:
    bad = tmp_path / "pohja.docx"
    bad.write_text("ei ole Word-tiedosto", encoding="utf-8")
    with pytest.raises(ConfigError, match="ei ole Word-asiakirja tai -pohja"):
        write(mini_strategy, tmp_path / "r.docx", Settings(word_template=bad))
    with pytest.raises(ConfigError, match=r"Word-pohjaa .* ei voi lukea"):
        write(mini_strategy, tmp_path / "r.docx",
              Settings(word_template=tmp_path / "puuttuu.docx"))


# -- writing ------------------------------------------------------------------------------------


def test_failed_check_keeps_the_previous_report(mini_strategy: Strategy, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    import kemireport.outputs.word.accessibility as accessibility

    path = tmp_path / "r.docx"
    path.write_bytes(b"edellinen raportti")

    def fail(_: Path) -> str:
        raise AccessibilityError("Saavutettavuustarkistus epäonnistui: testi")

    monkeypatch.setattr(accessibility, "self_check", fail)
    with pytest.raises(AccessibilityError):
        write(mini_strategy, path)
    assert path.read_bytes() == b"edellinen raportti"
    assert [p.name for p in tmp_path.iterdir()] == ["r.docx"]


def test_kemi_strategy_complete_report(kemi_strategy: Strategy, tmp_path: Path) -> None:
    path = tmp_path / "kemi.docx"
    result = write(kemi_strategy, path)
    assert result.startswith("Saavutettavuustarkistus: kunnossa")
    text = "\n".join(Docx(path).paragraphs())
    for index, action in enumerate(kemi_strategy.actions):
        assert toteuma(action, index) in text
    headings = [h for h in Docx(path).headings() if h[0] == 1]
    assert [h[1] for h in headings] == ["Yhteenveto", *(g.name for g in kemi_strategy.goals),
                                        "Poikkeamat ja korjaavat toimenpiteet",
                                        "Kestävän kehityksen tavoitteet",
                                        "Muutokset edelliseen seurantakauteen",
                                        "Liite 1. Seurantatietojen kattavuus"]


@pytest.mark.needs("soffice", "pdftotext")
def test_libreoffice_converts_the_report_to_pdf(mini_strategy: Strategy, tmp_path: Path) -> None:
    from office import pdf_pages, to_pdf

    path = tmp_path / "raportti.docx"
    write(mini_strategy, path, missing_departments=["HYV"])
    pdf = to_pdf(path, tmp_path / "pdf")
    assert pdf_pages(pdf) >= 6
    # The words a board member sees:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True, timeout=60).stdout
    for words in ("Seurantaraportti 1.1.–30.6.2025", "Sisällys", "1 Yhteenveto",
                  "Puuttuvat tiedot", "Hyvinvointitoimiala", "Liite 1. Seurantatietojen"):
        assert words in text
    # LibreOffice numbers the headings from the styles as Word does, and the pages "2 (7)".
    # (once in the contents, once as the heading; "Sisällys" itself has no number)
    assert len(re.findall(r"^\s*1\s+Yhteenveto", text, re.M)) == 2
    assert len(re.findall(r"^\s*4\s+Poikkeamat ja korjaavat toimenpiteet", text, re.M)) == 2
    assert re.search(r"^\s*Sisällys", text, re.M)
    assert re.search(rf"\b2 \({pdf_pages(pdf)}\)", text)



def test_status_off_the_scale_is_a_missing_status_in_the_appendix(mini_strategy: Strategy,
                                                              tmp_path: Path) -> None:
    from dataclasses import replace

    data = consolidation(mini_strategy)
    data.records[1] = replace(data.records[1], status=None, status_raw="melkein valmis",
                              state="incomplete")
    path = tmp_path / "r.docx"
    write_word_report(mini_strategy, facts_for(mini_strategy, data), path,
                      settings=Settings(), today=TODAY)
    # The appendix says what is missing, not how the cell was typed (that is in the Excel
    # report): a public board document does not quote a department's slips.
    rows = Docx(path).table_after("Toimenpiteet, joiden tiedot ovat puutteelliset")
    assert rows[1] == ["EK-YMP-02", "Torin perusparannus: =SUM(A1) ei ole kaava vaan teksti.",
                       "Ympäristötoimiala", "Tila puuttuu."]
    assert "melkein valmis" not in "\n".join(Docx(path).paragraphs())


def test_table_rows_are_the_elements_python_docx_would_make() -> None:
    """Body rows are written as XML in one piece; python-docx's own calls are the reference."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn
    from lxml import etree

    from kemireport.outputs.word.blocks import KEEP_ROW_TOGETHER_MAX, Builder, Cell, Column
    from kemireport.outputs.word.document import open_template, resolve_styles

    doc = open_template(None)
    styles = resolve_styles(doc)
    rows = [
        [Cell("  Tunniste\tEK-YMP-01 "), Cell("Rivi yksi\n\n  rivi <kaksi> & 'kolme' ",
                                              fill="#FFE0B2")],
        [Cell("Yhteensä", emphasis=True), Cell("")],
        [Cell("x" * KEEP_ROW_TOGETHER_MAX), Cell("Tila: \t Toteutunut\tb\t")],
    ]
    table = Builder(doc, styles).table([Column("A", 1), Column("B", 2)], rows, caption="c",
                                       description="d")
    built = table._tbl.tr_lst[1:]

    expected = []
    for values in rows:
        tr = parse_xml(f"<w:tr {nsdecls('w')}/>")
        size = 0
        for grid_col, value in zip(table._tbl.tblGrid.gridCol_lst, values, strict=True):
            tc = tr.add_tc()
            tc.width = grid_col.w
            lines = [line.strip() for line in value.text.splitlines()]
            lines = [line for line in lines if line] or [""]
            p = tc.p_lst[0]
            for index, line in enumerate(lines):
                if index:
                    p = tc.add_p()
                p.style = styles.cell_header if value.emphasis else styles.cell
                if line:
                    p.add_r().text = line
            if value.fill:
                shade = parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" '
                                  f'w:fill="{readable_fill(value.fill)}"/>')
                tc.tcPr.find(qn("w:tcW")).addnext(shade)
            size += len(value.text)
        if size <= KEEP_ROW_TOGETHER_MAX:
            tr.get_or_add_trPr().append(parse_xml(f"<w:cantSplit {nsdecls('w')}/>"))
        expected.append(tr)

    def canonical(element: Any) -> bytes:
        return etree.tostring(element, method="c14n", exclusive=True)

    assert [canonical(tr) for tr in built] == [canonical(tr) for tr in expected]
    assert built[0].tc_lst[1].tcPr.find(qn("w:shd")) is not None
    assert built[2].trPr is None  # a long row may split across pages
