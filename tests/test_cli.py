"""Command-line basics: Finnish help everywhere, and the exit codes of ``templates``."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from kemireport.cli import cli
from kemireport.core.period import Period
from kemireport.errors import PeriodError

MINI = Path(__file__).parent / "data" / "mini-strategia.yaml"
# Words that give away untranslated English (click's own or a forgotten help text).
ENGLISH = re.compile(r"\b(the|and|of|to|with|for|is|show|this|usage|options|commands|"
                     r"error)\b", re.IGNORECASE)


def help_problems(group: click.Group) -> list[str]:
    """What is missing or English in the help of ``group`` and its commands."""
    found = []
    for name, command in [("kemireport", group), *sorted(group.commands.items())]:
        if not (command.help or "").strip():
            found.append(f"{name}: komennolta puuttuu ohjeteksti")
        for param in command.params:
            if isinstance(param, click.Option):
                text = (param.help or "").strip()
                if not text:
                    found.append(f"{name} {param.opts[0]}: valinnalta puuttuu ohjeteksti")
                elif ENGLISH.search(text):
                    found.append(f"{name} {param.opts[0]}: englantia: {text}")
        if command.help and ENGLISH.search(command.help):
            found.append(f"{name}: englantia ohjeessa")
    return found


def test_help_texts_exist_and_are_finnish() -> None:
    assert help_problems(cli) == []


def test_the_help_check_catches_a_missing_help() -> None:
    @click.group()
    def group() -> None:
        """Ryhmä."""

    @group.command()
    @click.option("--period")
    def bare(period: str) -> None:
        pass

    @group.command()
    @click.option("--kausi", help="Show the period.")
    def english(kausi: str) -> None:
        """Does things with the files."""

    assert help_problems(group) == [
        "bare: komennolta puuttuu ohjeteksti",
        "bare --period: valinnalta puuttuu ohjeteksti",
        "english --kausi: englantia: Show the period.",
        "english: englantia ohjeessa",
    ]


@pytest.mark.parametrize("args", [["--help"], *([name, "--help"] for name in sorted(cli.commands))])
def test_rendered_help_is_finnish(args: list[str]) -> None:
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.startswith("Käyttö: ")
    assert "Valinnat:" in out
    assert "Näytä tämä ohje ja lopeta." in out
    for english in ("Usage:", "Options:", "Commands:", "Show this message", "[default"):
        assert english not in out
    body = out.split("\n", 2)[2].strip()  # beyond the usage line
    assert len(body) > 40
    if args == ["--help"]:
        assert "Komennot:" in out
        for name in cli.commands:
            assert f"  {name} " in out


def test_version() -> None:
    from kemireport import __version__

    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert result.output == f"kemireport {__version__}\n"


# -- templates -----------------------------------------------------------------------------------


def test_templates_writes_one_workbook_per_department(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["--strategy", str(MINI), "templates", "--period", "1/2026"])
    assert result.exit_code == 0, result.output
    folder = tmp_path / "templates" / "2026-H1"
    assert sorted(p.name for p in folder.iterdir()) == ["2026-H1_Hyvinvointitoimiala.xlsx",
                                                        "2026-H1_Ympäristötoimiala.xlsx"]
    shown = Path("templates") / "2026-H1"  # relative to the working folder, as typed
    assert result.output.splitlines() == [
        f"Kirjoitettu: {shown / '2026-H1_Ympäristötoimiala.xlsx'}",
        f"Kirjoitettu: {shown / '2026-H1_Hyvinvointitoimiala.xlsx'}",
        "Kaksi pohjaa kirjoitettiin seurantakaudelle 1.1.–30.6.2026 (2026-H1).",
    ]


def test_templates_output_option(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["--strategy", str(MINI), "templates", "-p", "2026-H2",
                                      "--output", "pohjat", "--deadline", "15.1.2027",
                                      "--contact", "strategia@testikunta.fi"])
    assert result.exit_code == 0, result.output
    assert len(list((tmp_path / "pohjat" / "2026-H2").glob("*.xlsx"))) == 2


def test_templates_bad_period_exits_2_with_the_finnish_message(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["--strategy", str(MINI), "templates", "--period",
                                      "2025-H3"])
    assert result.exit_code == 2
    with pytest.raises(PeriodError) as caught:
        Period.parse("2025-H3")
    assert result.output == f"Virhe: {caught.value}\n"
    assert result.output == (
        "Virhe: Seurantakautta ”2025-H3” ei tunnisteta. Anna seurantakausi muodossa 2025-H1 tai "
        "2025-H2 (myös 1/2025, 2025/1 ja 2025H1 käyvät).\n"
    )
    assert not (tmp_path / "templates").exists()


def test_templates_without_period_exits_2(tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["--strategy", str(MINI), "templates"])
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == "Virhe: Valinta --period (-p) puuttuu."


@pytest.mark.parametrize(("args", "said"), [
    (["validate", "--format", "xml"],
     "Virhe: Valinnan --format arvo ”xml” ei kelpaa. Sallitut: text, json."),
    (["validate", "--perod", "2025-H1"],
     "Virhe: Tuntematon valinta --perod. Tarkoititko --period?"),
    (["validate", "a", "b"], "Virhe: Ylimääräinen argumentti: b."),
    (["templates", "-p"], "Virhe: Valinnalle -p puuttuu arvo."),
    (["init"], "Virhe: Argumentti KANSIO puuttuu."),
    (["nosuch"], "Virhe: Tuntematon komento nosuch."),
])
def test_clicks_own_messages_are_finnish_sentences(args: list[str], said: str) -> None:
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == said


@pytest.mark.parametrize("content", [None, "schema_version: 1\nid: [rikki\n", "- vain lista\n"])
def test_templates_invalid_strategy_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            content: str | None) -> None:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "strategia.yaml"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(cli, ["--strategy", str(path), "templates", "--period",
                                      "2025-H1"])
    assert result.exit_code == 2, result.output
    assert result.output.startswith(f"Virhe: Strategiatiedosto {path} ei kelpaa")
    assert "Traceback" not in result.output


def test_internal_error_is_one_sentence_and_a_log(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    import platformdirs

    import kemireport.templates.workbook

    def broken(*args: object, **kwargs: object) -> list[Path]:
        raise RuntimeError("ohjelmointivirhe")

    monkeypatch.setattr(kemireport.templates.workbook, "write_templates", broken)
    monkeypatch.setattr(platformdirs, "user_log_dir", lambda *a, **k: str(tmp_path / "lokit"))
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["templates", "--period", "2025-H1"])
    assert result.exit_code == 3
    assert "Traceback" not in result.output
    assert result.output.startswith("Sisäinen virhe: kemireport kaatui odottamatta")
    logs = list((tmp_path / "lokit").glob("virhe-*.log"))
    assert len(logs) == 1 and str(logs[0]) in result.output
    assert "RuntimeError: ohjelmointivirhe" in logs[0].read_text(encoding="utf-8")
