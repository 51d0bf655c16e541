"""Command line: parses arguments, calls one library function, maps errors to exit codes.

Exit codes (DESIGN.md): 0 no errors; 1 findings of severity error; 2 usage or configuration
error; 3 internal error (one Finnish sentence and the path of a log file with the details).
Heavy libraries are imported inside the commands so that ``--help`` stays fast.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import gc
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from kemireport import __version__, clickfi
from kemireport.core.names import shown_path
from kemireport.errors import KemireportError

if TYPE_CHECKING:
    from kemireport.core.settings import Settings
    from kemireport.strategy import Strategy

clickfi.install()

_F = TypeVar("_F", bound=Callable[..., Any])

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


class UserError(click.ClickException):
    """A fatal error in the user's input or settings (exit 2)."""

    exit_code = EXIT_USAGE


EXIT_INTERRUPTED = 130  # POSIX: killed by SIGINT (Ctrl+C)


def _write_log() -> Path | None:
    """The details of an internal error in the user's own log folder; None if even that fails.

    platformdirs knows each platform's per-user place (``%LOCALAPPDATA%\\kemireport\\Logs`` on
    Windows, ``~/.local/state/kemireport/log`` on Linux); the name is unique (time, process,
    random part), so two crashes never overwrite each other's log.
    """
    import secrets

    details = (f"kemireport {__version__}, Python {sys.version}\n"
               f"komento: {' '.join(sys.argv)}\n\n{traceback.format_exc()}")
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    name = f"virhe-{stamp}-{os.getpid()}-{secrets.token_hex(3)}.log"
    for folder in _log_folders():
        try:
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            log = folder / name
            with open(log, "x", encoding="utf-8", errors="backslashreplace") as handle:
                handle.write(details)
            return log
        except OSError:
            continue
    return None


def _log_folders() -> list[Path]:
    folders = []
    try:
        import platformdirs

        folders.append(Path(platformdirs.user_log_dir("kemireport", appauthor=False)))
    except Exception:  # no usable home folder: try the next place
        pass
    with contextlib.suppress(Exception):
        import tempfile

        folders.append(Path(tempfile.gettempdir()) / f"kemireport-lokit-{_user_tag()}")
    return folders


def _user_tag() -> str:
    getuid = getattr(os, "getuid", None)
    if getuid is not None:
        return str(getuid())
    import getpass

    return getpass.getuser()


def _internal_error_line() -> str:
    try:
        log = _write_log()
    except Exception:
        log = None
    if log is None:
        return ("Sisäinen virhe: kemireport kaatui odottamatta, eikä vika ole syötteessäsi. "
                "Lokia ei voitu kirjoittaa; kerro ylläpidolle komento, jonka ajoit.")
    return ("Sisäinen virhe: kemireport kaatui odottamatta, eikä vika ole syötteessäsi. "
            f"Lähetä tiedosto {shown_path(log)} ylläpidolle.")


def _quiet_unraisable(unraisable: Any) -> None:
    """A writer's half-closed zip file complains when it is collected after a failed write
    (``Exception ignored in: ZipFile.__del__``). The failure itself was already reported in
    Finnish, so these echoes are dropped instead of printed as a traceback."""
    return None


class _Command(click.Command):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[VALINNAT]")
        super().__init__(*args, **kwargs)


class _Group(click.Group):
    command_class = _Command

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[VALINNAT]")
        kwargs.setdefault("subcommand_metavar", "KOMENTO [ARGUMENTIT]...")
        super().__init__(*args, **kwargs)

    def list_commands(self, ctx: click.Context) -> list[str]:
        # In the order of the half-year cycle, not alphabetically.
        return list(self.commands)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except KeyboardInterrupt:
            click.echo("\nKeskeytetty (Ctrl+C). Valmiit tiedostot ja historia ovat ehjiä; aja "
                       "komento uudelleen, kun haluat.", err=True)
            ctx.exit(EXIT_INTERRUPTED)
        except KemireportError as exc:
            raise UserError(str(exc)) from None
        except OSError as exc:
            # The machine, not the program: a full disk, no permission, a file in the way.
            from kemireport.core.environment import environment_error

            raise UserError(str(environment_error(exc))) from None
        except Exception:
            click.echo(_internal_error_line(), err=True)
            ctx.exit(EXIT_INTERNAL)


class _State:
    """What the group's options leave for the commands (a plain class: no dataclasses import
    on the way to ``--help``)."""

    def __init__(self, strategy_file: Path | None) -> None:
        self.strategy_file = strategy_file


def _period_option(required: bool) -> Callable[[_F], _F]:
    return click.option(
        "--period", "-p", "period", metavar="SEURANTAKAUSI", required=required,
        help="Seurantakausi, esim. 2025-H1 tai 2025-H2 (myös 1/2025, 2025/1, 2025H1).",
    )


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--strategy", "strategy_file", metavar="TIEDOSTO",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Strategian määrittelytiedosto (YAML). Oletus: asetustiedoston strategy-asetus tai "
    "sisäänrakennettu Kemin kaupunkistrategia 2022–2025.",
)
@click.version_option(__version__, "--version", prog_name="kemireport",
                      message="%(prog)s %(version)s")
@click.pass_context
def cli(ctx: click.Context, strategy_file: Path | None) -> None:
    """Kaupunkistrategian seuranta puolen vuoden välein.

    Tekee toimialoille Excel-pohjat strategiasta, tarkistaa toimialojen palautukset,
    kokoaa ne, säilyttää historian ja kirjoittaa Word-raportin kaupunginhallitukselle,
    Excel-koosteen strategiakoordinaattorille ja verkkosivun asukkaille.

    Tavallisin käyttö: kemireport run työkansiossa, jonka input-kansiossa on
    palautukset seurantakausittain (esim. input/2025-H1/).
    """
    ctx.obj = _State(strategy_file)


def _context(ctx: click.Context) -> tuple[Settings, Strategy]:
    """Settings of the working folder and the strategy, command-line options first."""
    from kemireport.core.settings import load_settings
    from kemireport.strategy import load_strategy

    state: _State = ctx.obj
    settings = load_settings()
    strategy_file = state.strategy_file or (
        settings.path(settings.strategy) if settings.strategy else None
    )
    return settings, load_strategy(strategy_file)


@cli.command()
@_period_option(required=True)
@click.option("--output", "-o", "output", metavar="KANSIO", type=click.Path(path_type=Path),
              help="Kansio, jonka alle seurantakauden kansio pohjineen kirjoitetaan (oletus: "
              "templates).")
@click.option("--deadline", metavar="PÄIVÄ",
              help="Palautuspäivä ohjesivulle, esim. 15.8.2025 (oletus: asetustiedostosta).")
@click.option("--from", "carry_from", metavar="SEURANTAKAUSI",
              help="Esitäytä Tila ja Toteuma tämän aiemman seurantakauden vastauksilla "
              "historiasta (esim. --from 2025-H2). Esitäytetyt solut on merkitty "
              "päivitettäviksi.")
@click.option("--contact", metavar="TEKSTI",
              help="Kenelle täytetty pohja palautetaan, esim. Strategiakoordinaattori, "
              "etunimi.sukunimi@kemi.fi.")
@click.pass_context
def templates(ctx: click.Context, period: str, output: Path | None, deadline: str | None,
              carry_from: str | None, contact: str | None) -> None:
    """Tee jokaiselle toimialalle oma Excel-pohja.

    Pohjat kirjoitetaan seurantakauden kansioon, esim. templates/2025-H1/, yksi
    .xlsx-tiedosto toimialaa kohden, valmiina lähetettäviksi.
    """
    from kemireport.core.period import Period
    from kemireport.core.settings import parse_deadline
    from kemireport.cycle.prepare import prepare_templates
    from kemireport.cycle.workspace import Workspace

    settings, strategy = _context(ctx)
    settings = settings.with_overrides(
        deadline=parse_deadline(deadline) if deadline is not None else None, contact=contact
    )
    _, lines = prepare_templates(
        strategy, Workspace.of(settings, templates=output), Period.parse(period),
        carry_from=Period.parse(carry_from) if carry_from is not None else None)
    for line in lines:
        click.echo(line)


@cli.command()
@click.argument("input_dir", metavar="[KANSIO]", required=False,
                type=click.Path(path_type=Path))
@_period_option(required=False)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True,
              help="Tulosteen muoto: text (teksti ihmiselle) tai json (ohjelmille).")
@click.option("--feedback", "feedback", metavar="KANSIO", is_flag=False, flag_value="",
              default=None,
              help="Kirjoita palautekopiot palautuksista, joissa on korjattavaa; korjattavat "
              "solut on korostettu (oletus: seurantakauden kansio, esim. "
              "output/2025-H1/palaute/). Alkuperäisiä ei muuteta.")
@click.pass_context
def validate(ctx: click.Context, input_dir: Path | None, period: str | None, fmt: str,
             feedback: str | None) -> None:
    """Tarkista toimialojen palautukset.

    KANSIO on palautusten kansio (oletus: seurantakauden kansio, esim. input/2025-H1/,
    tai input-kansion uusin seurantakausi). Kertoo toimialoittain, välilehdittäin ja
    soluittain, mitä puuttuu tai on korjattava. Tiedostoja ei muuteta. Paluuarvo on 0,
    kun virheitä ei ole, ja 1, kun virheitä löytyi.
    """
    from kemireport.cycle.check import check_period
    from kemireport.cycle.workspace import Workspace

    settings, strategy = _context(ctx)
    # "--feedback" alone gives "" (click's flag_value): the period's default folder.
    result = check_period(strategy, Workspace.of(settings), input_dir, period,
                          as_json=fmt == "json",
                          progress=fmt == "text" and sys.stderr.isatty(),
                          feedback=Path(feedback) if feedback else None,
                          write_feedback=feedback is not None)
    click.echo(result.output, nl=False)
    ctx.exit(int(not result.validation.verdict.valid))


@cli.command()
@click.argument("input_dir", metavar="[KANSIO]", required=False,
                type=click.Path(path_type=Path))
@_period_option(required=False)
@click.option("--output", "-o", "output", metavar="KANSIO", type=click.Path(path_type=Path),
              help="Raporttien kansio (oletus: output). Raportit kirjoitetaan sen alle "
              "seurantakauden kansioon ja historia tiedostoon kemireport.sqlite.")
@click.option("--word-template", "word_template", metavar="TIEDOSTO",
              type=click.Path(path_type=Path, dir_okay=False),
              help="Word-pohja (.docx), jonka tyylejä raportti käyttää (esim. kaupungin oma "
              "asiakirjapohja).")
@click.pass_context
def report(ctx: click.Context, input_dir: Path | None, period: str | None,
           output: Path | None, word_template: Path | None) -> None:
    """Tarkista, kokoa ja kirjoita seurantakauden raportit.

    Tallentaa seurantakauden historiatietokantaan ja kirjoittaa Word-raportin
    kaupunginhallitukselle, Excel-koosteen strategiakoordinaattorille, verkkosivun
    (HTML) asukkaille, CSV-aineiston ja palautekopiot seurantakauden kansioon, esim.
    output/2025-H1/. Puuttuvat tiedot merkitään raportteihin; paluuarvo on 1, jos
    palautuksissa on virheitä.
    """
    from kemireport.cycle.guard import run_guard
    from kemireport.cycle.half_year import build_reports
    from kemireport.cycle.workspace import Workspace

    settings, strategy = _context(ctx)
    workspace = Workspace.of(settings.with_overrides(word_template=word_template),
                             output=output)
    folder, the_period = workspace.resolve_input(input_dir, period)
    with run_guard(workspace, [(folder, the_period)]):
        result = build_reports(strategy, the_period, folder, workspace)
    for line in result.lines:
        click.echo(line)
    ctx.exit(int(not result.verdict.valid))


@cli.command()
@click.pass_context
def run(ctx: click.Context) -> None:
    """Tee seurantakauden koko ajo oletusasetuksilla.

    Ottaa input-kansion uusimman seurantakauden, kokoaa ensin historiaan ne aiemmat
    seurantakaudet, joita siellä ei vielä ole, ja kirjoittaa raportit ja asukkaille
    julkaistavan verkkosivun output-kansioon. Lopuksi kertoo, missä ne ovat ja mitä
    puuttuu.
    """
    from kemireport.cycle.run import run_cycle
    from kemireport.cycle.workspace import Workspace

    settings, strategy = _context(ctx)
    result = run_cycle(strategy, Workspace.of(settings))
    for line in result.lines:
        click.echo(line)
    ctx.exit(int(not result.verdict.valid))


@cli.command()
@click.option("--from", "first", metavar="SEURANTAKAUSI",
              help="Ensimmäinen mukaan otettava seurantakausi, esim. 2022-H2 (oletus: "
              "historian ensimmäinen tämän strategian seurantakausi).")
@click.option("--to", "last", metavar="SEURANTAKAUSI",
              help="Viimeinen mukaan otettava seurantakausi, esim. 2025-H2 (oletus: "
              "historian viimeisin).")
@click.option("--output", "-o", "output", metavar="KANSIO", type=click.Path(path_type=Path),
              help="Raporttien kansio (oletus: output), jossa historia KANSIO/kemireport.sqlite "
              "on. Loppuraportti kirjoitetaan kansioon KANSIO/loppuraportti/.")
@click.pass_context
def summary(ctx: click.Context, first: str | None, last: str | None,
            output: Path | None) -> None:
    """Kirjoita strategiakauden loppuraportti historiasta.

    Kokoaa historiaan tallennetuista seurantakausista Word-raportin valtuustolle,
    Excel-koosteen strategiakoordinaattorille ja verkkosivun asukkaille: päämäärittäin ja
    tavoitteittain, kuinka moni toimenpide toteutui, jatkuu, viivästyi, ei käynnistynyt tai
    keskeytettiin, jokaisen toimenpiteen kulku ja viimeisin toteuma, mittareiden kehitys
    lähtötasosta tavoitetasoon, pitkään viivästyneet toimenpiteet ja jatkuvat toimenpiteet
    seuraavaa strategiaa varten.
    """
    from kemireport.core.period import Period
    from kemireport.cycle.summary import write_summary
    from kemireport.cycle.workspace import Workspace

    settings, strategy = _context(ctx)
    result = write_summary(strategy, Workspace.of(settings, output=output),
                           first=Period.parse(first) if first is not None else None,
                           last=Period.parse(last) if last is not None else None)
    for line in result.lines:
        click.echo(line)


@cli.command()
@_period_option(required=True)
@click.option("--kind", "kind", type=click.Choice(["templates", "reminders", "feedback"]),
              default=None, metavar="LAJI",
              help="Mitä kirjoitetaan: templates (pohjat toimialoille seurantakauden alussa, "
              "pohja liitteenä), reminders (muistutukset toimialoille, joilta ei ole "
              "hyväksyttyä palautusta) tai feedback (palaute palautuksista, joissa on "
              "virheitä, palautekopio liitteenä). Oletus: reminders ja feedback yhdessä, "
              "koska ne kirjoitetaan uudelleen aina uusien palautusten jälkeen; pohjat "
              "lähetetään vain kerran.")
@click.option("--deadline", metavar="PÄIVÄ",
              help="Palautuspäivä viesteihin, esim. 15.8.2025 (oletus: asetustiedostosta).")
@click.pass_context
def mail(ctx: click.Context, period: str, kind: str | None, deadline: str | None) -> None:
    """Kirjoita toimialoille sähköpostiluonnokset (.eml).

    Yksi luonnos toimialaa kohden seurantakauden kansioon, esim.
    output/2025-H1/viestit/reminders/. Mitään ei lähetetä: avaa luonnokset omassa
    sähköpostiohjelmassasi (Outlook, Thunderbird), tarkista ja lähetä ne sieltä.
    Vastaanottajat ovat asetustiedoston [recipients]-taulukossa; omat viestitekstit
    voi kirjoittaa kansioon viestipohjat/.
    """
    from kemireport.core.period import Period
    from kemireport.core.settings import parse_deadline
    from kemireport.cycle.mail import write_mail
    from kemireport.cycle.workspace import Workspace

    settings, strategy = _context(ctx)
    settings = settings.with_overrides(deadline=parse_deadline(deadline) if deadline else None)
    result = write_mail(strategy, Workspace.of(settings), Period.parse(period), kind,
                        progress=sys.stderr.isatty())
    for line in result.lines:
        click.echo(line)


@cli.command()
@click.argument("directory", metavar="KANSIO", type=click.Path(path_type=Path))
@click.pass_context
def init(ctx: click.Context, directory: Path) -> None:
    """Luo uusi työkansio.

    Kansioon tulee asetustiedosto kemireport.toml, kansiot templates, input ja
    output sekä muokattavaksi kopio oletusstrategiasta.
    """
    from kemireport.cycle.init import init_folder

    for line in init_folder(directory, strategy_file=ctx.obj.strategy_file):
        click.echo(line)


def _safe_streams() -> None:
    """Whatever text reaches the terminal is printed: a character the stream cannot encode
    (a file name's undecodable byte in a path the user typed) is shown as an escape."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(Exception):
                reconfigure(errors="backslashreplace")


def main() -> None:
    _safe_streams()
    sys.unraisablehook = _quiet_unraisable
    try:
        cli(prog_name="kemireport")
    finally:
        # The command is done and the process ends: its objects need no cycle collection on
        # the way out, which for a thousand returns' verdict took ~15 ms of the exit.
        gc.freeze()
