"""``kemireport mail``: e-mail drafts parsed back with the ``email`` package, fact by fact.

A working folder with the mini strategy: the environment department (YMP) returns a workbook
with errors, the wellbeing department (HYV) does not return. Every draft is read back as a mail
program would read it: recipients, subject, body facts, and attachment bytes identical to the
template or the feedback copy.
"""

from __future__ import annotations

import email
import email.policy
import shutil
from email.message import EmailMessage
from pathlib import Path

import pytest
from builders import fill_template
from click.testing import CliRunner

from kemireport.cli import cli
from kemireport.core.findings import Verdict
from kemireport.core.finnish import and_list, count_words
from kemireport.core.mailaddress import AddressError, check_address
from kemireport.core.settings import load_settings
from kemireport.cycle.mailtexts import DEFAULT_TEXTS, PLACEHOLDERS, load_text
from kemireport.errors import ConfigError
from kemireport.outputs.mail import XLSX, Attachment, Draft, message_bytes
from kemireport.strategy import Strategy

MINI = Path(__file__).parent / "data" / "mini-strategia.yaml"
P = "2026-H1"
YMP, HYV = "Ympäristötoimiala", "Hyvinvointitoimiala"
DONE = {"Tila": "Etenee suunnitellusti", "Toteuma": "Työ eteni suunnitellusti."}
SETTINGS = """\
strategy = "strategia.yaml"
deadline = 2026-08-14
contact = "Strategiakoordinaattori, strategia@testikunta.example"
mail_from = "Strategiakoordinaattori <strategia@testikunta.example>"

[recipients]
YMP = ["Ympäristöjohtaja <ymparisto@testikunta.example>", "kirjaamo@testikunta.example"]
HYV = "hyvinvointi@testikunta.example"
"""


def _invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def _read(path: Path) -> EmailMessage:
    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    return message


def _body(message: EmailMessage) -> str:
    part = message.get_body(("plain",))
    assert part is not None
    # The text as a mail program shows it: the wire's CRLF line ends as newlines.
    return str(part.get_content()).replace("\r\n", "\n")  # type: ignore[attr-defined]


def _attachments(message: EmailMessage) -> list[tuple[str | None, str, bytes]]:
    return [(p.get_filename(), p.get_content_type(), p.get_content())  # type: ignore[attr-defined]
            for p in message.iter_attachments()]


def _addresses(message: EmailMessage, header: str = "To") -> list[str]:
    value = message[header]
    return [a.addr_spec for a in value.addresses] if value is not None else []


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Templates for 2026-H1; YMP returned with two errors, HYV has not returned."""
    folder = tmp_path / "Seuranta ä"
    assert _invoke("--strategy", str(MINI), "init", str(folder))[0] == 0
    monkeypatch.chdir(folder)
    (folder / "kemireport.toml").write_text(SETTINGS, encoding="utf-8")
    shutil.rmtree(folder / "viestipohjat")  # the built-in texts, unless a test writes its own
    assert _invoke("templates", "--period", P)[0] == 0
    answers: dict[str, dict[str, object]] = {
        i: dict(DONE) for i in ("EK-YMP-01", "EK-YMP-02", "HK-YMP-01")}
    answers["EK-YMP-02"] = {"Tila": "valmis", "Toteuma": "Tehtiin."}
    answers["HK-YMP-01"] = {"Tila": "Toteutunut", "Toteuma": "-"}
    target = folder / "input" / P / "YMP kevät (palautus).xlsx"
    target.parent.mkdir(parents=True)
    fill_template(folder / "templates" / P / f"{P}_{YMP}.xlsx", answers, target)
    return folder


# -- templates ----------------------------------------------------------------------------------


def test_template_drafts_attach_each_departments_template(workdir: Path) -> None:
    code, output = _invoke("mail", "--period", P, "--kind", "templates")
    assert code == 0, output
    folder = workdir / "output" / P / "viestit" / "templates"
    assert sorted(p.name for p in folder.iterdir()) == [f"{P}_{HYV}.eml", f"{P}_{YMP}.eml"]
    assert f"Pohjien lähetys (2 kpl): output/{P}/viestit/templates" in output

    ymp = _read(folder / f"{P}_{YMP}.eml")
    assert _addresses(ymp) == ["ymparisto@testikunta.example", "kirjaamo@testikunta.example"]
    assert ymp["To"].addresses[0].display_name == "Ympäristöjohtaja"
    assert _addresses(ymp, "From") == ["strategia@testikunta.example"]
    assert ymp["Subject"] == f"Strategian seuranta 1.1.–30.6.2026: pohja, {YMP}"
    assert ymp["X-Unsent"] == "1"
    assert ymp["Date"] is None  # the mail program dates it when it is sent
    body = _body(ymp)
    assert f"pohja, jolla {YMP} kertoo, miten kaupunkistrategian toimenpiteet" in body
    assert "viimeistään 14.8.2026" in body
    assert "Kysymyksiin vastaa Strategiakoordinaattori, strategia@testikunta.example." in body
    template = workdir / "templates" / P / f"{P}_{YMP}.xlsx"
    assert _attachments(ymp) == [(template.name, XLSX, template.read_bytes())]

    hyv = _read(folder / f"{P}_{HYV}.eml")
    assert _addresses(hyv) == ["hyvinvointi@testikunta.example"]
    [(name, _, data)] = _attachments(hyv)
    assert name == f"{P}_{HYV}.xlsx"
    assert data == (workdir / "templates" / P / name).read_bytes()


def test_without_templates_it_says_what_to_run(workdir: Path) -> None:
    shutil.rmtree(workdir / "templates" / P)
    code, output = _invoke("mail", "--period", P, "--kind", "templates")
    assert code == 2
    assert f"Seurantakauden {P} pohjaa ei löydy" in output
    assert f"Tee pohjat ensin: kemireport templates --period {P}" in output
    assert not (workdir / "output" / P / "viestit").exists()


# -- reminders and feedback (the default) -------------------------------------------------------


def test_default_writes_a_reminder_and_feedback(workdir: Path) -> None:
    code, output = _invoke("mail", "--period", P)
    assert code == 0, output
    mail = workdir / "output" / P / "viestit"
    assert not (mail / "templates").exists()
    assert [p.name for p in (mail / "reminders").iterdir()] == [f"{P}_{HYV}.eml"]
    assert [p.name for p in (mail / "feedback").iterdir()] == [f"{P}_{YMP}.eml"]
    assert "Muistutukset (1 kpl)" in output and "Palautteet (1 kpl)" in output
    assert "Mitään ei ole lähetetty." in output

    reminder = _read(mail / "reminders" / f"{P}_{HYV}.eml")
    assert _addresses(reminder) == ["hyvinvointi@testikunta.example"]
    assert reminder["Subject"] == f"Strategian seuranta 1.1.–30.6.2026: muistutus, {HYV}"
    body = _body(reminder)
    assert (f"{HYV} ei ole vielä palauttanut seurantatietojaan seurantakaudelta "
            "1.1.–30.6.2026.") in body
    assert "Pyysimme palauttamaan täytetyn pohjan viimeistään 14.8.2026." in body
    assert "Saimme tiedoston" not in body  # it sent nothing
    assert "\n\n\n" not in body  # the empty paragraph leaves no gap
    assert _attachments(reminder) == []

    feedback = _read(mail / "feedback" / f"{P}_{YMP}.eml")
    assert _addresses(feedback) == ["ymparisto@testikunta.example", "kirjaamo@testikunta.example"]
    assert feedback["Subject"] == f"Strategian seuranta 1.1.–30.6.2026: korjattavaa, {YMP}"
    body = _body(feedback)
    assert "Palautuksessa on kaksi korjattavaa kohtaa." in body
    assert "Korjattavat kohdat:\n\n1. Välilehti Elinvoimainen kunta, solu F6, toimenpide " \
           "EK-YMP-02: Tila ”valmis” ei ole asteikolla." in body
    assert "\n\n2. Välilehti Hyvinvoivat asukkaat, solu G5, toimenpide HK-YMP-01: Toteuma " \
           "puuttuu: solussa on vain viiva." in body
    assert "(YMP kevät (palautus).xlsx)" in body
    copy = workdir / "output" / P / "palaute" / "YMP kevät (palautus).xlsx"
    assert _attachments(feedback) == [(copy.name, XLSX, copy.read_bytes())]


def test_who_gets_what_is_worked_out_once_for_reminders_and_feedback(
        workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import kemireport.cycle.mail as mail

    calls: list[str] = []
    real = mail.follow_up

    def counted(strategy: Strategy, verdict: Verdict) -> mail.FollowUp:
        calls.append(verdict.period.id)
        return real(strategy, verdict)

    monkeypatch.setattr(mail, "follow_up", counted)
    code, output = _invoke("mail", "--period", P)
    assert code == 0, output
    assert calls == [P]
    drafts = workdir / "output" / P / "viestit"
    assert [p.name for p in (drafts / "reminders").iterdir()] == [f"{P}_{HYV}.eml"]
    assert [p.name for p in (drafts / "feedback").iterdir()] == [f"{P}_{YMP}.eml"]


def test_a_fixed_return_takes_back_the_old_drafts(workdir: Path) -> None:
    assert _invoke("mail", "--period", P)[0] == 0
    mail = workdir / "output" / P / "viestit"
    (mail / "reminders" / "oma muistiinpano.txt").write_text("jää", encoding="utf-8")
    answers = {i: dict(DONE) for i in ("EK-YMP-01", "EK-YMP-02", "HK-YMP-01")}
    fill_template(workdir / "templates" / P / f"{P}_{YMP}.xlsx", answers,
                  workdir / "input" / P / "YMP kevät (palautus).xlsx")
    fill_template(workdir / "templates" / P / f"{P}_{HYV}.xlsx",
                  {i: dict(DONE) for i in ("EK-HYV-01", "HK-HYV-01", "HK-HYV-02")},
                  workdir / "input" / P / "hyv.xlsx")
    code, output = _invoke("mail", "--period", P)
    assert code == 0, output
    assert "Muistutuksia ei tarvita: kaikilta toimialoilta on hyväksytty palautus." in output
    assert "Palautteita ei tarvita: hyväksytyissä palautuksissa ei ole virheitä." in output
    assert "Mitään ei ole lähetetty" not in output
    assert [p.name for p in (mail / "reminders").iterdir()] == ["oma muistiinpano.txt"]
    assert list((mail / "feedback").iterdir()) == []


def test_a_rejected_file_is_named_in_the_reminder(workdir: Path) -> None:
    fill_template(workdir / "templates" / P / f"{P}_{HYV}.xlsx", {},
                  workdir / "input" / P / "hyv.xlsx")
    assert _invoke("templates", "--period", "2026-H2")[0] == 0
    (workdir / "input" / P / "hyv.xlsx").unlink()
    shutil.copyfile(workdir / "templates" / "2026-H2" / f"2026-H2_{HYV}.xlsx",
                    workdir / "input" / P / "hyv syksy.xlsx")
    assert _invoke("mail", "--period", P, "--kind", "reminders")[0] == 0
    body = _body(_read(workdir / "output" / P / "viestit" / "reminders" / f"{P}_{HYV}.eml"))
    assert "Saimme tiedoston ”hyv syksy.xlsx”, mutta sitä ei voitu hyväksyä: Pohja on " \
           "seurantakaudelle 1.7.–31.12.2026 (2026-H2)" in body


def test_no_input_folder_means_everyone_gets_a_reminder(workdir: Path) -> None:
    shutil.rmtree(workdir / "input" / P)
    code, output = _invoke("mail", "--period", P)
    assert code == 0, output
    assert f"Palautuskansiota input/{P} ei ole" in output
    folder = workdir / "output" / P / "viestit"
    assert sorted(p.name for p in (folder / "reminders").iterdir()) == [
        f"{P}_{HYV}.eml", f"{P}_{YMP}.eml"]
    assert not (folder / "feedback").exists()


def test_a_department_without_an_address_is_reported(workdir: Path) -> None:
    settings = SETTINGS.replace('HYV = "hyvinvointi@testikunta.example"\n', "")
    (workdir / "kemireport.toml").write_text(settings, encoding="utf-8")
    code, output = _invoke("mail", "--period", P)
    assert code == 0, output
    assert f"  {HYV}: EI VASTAANOTTAJAA" in output
    assert f"Vastaanottaja puuttuu: {HYV}. Luonnos on kirjoitettu ilman " \
           "vastaanottajaa." in output
    assert '(esim. HYV = "etunimi.sukunimi@kemi.fi")' in output
    reminder = _read(workdir / "output" / P / "viestit" / "reminders" / f"{P}_{HYV}.eml")
    assert reminder["To"] is None
    assert reminder["Subject"].endswith(HYV)


def test_a_missing_deadline_is_an_error_before_anything_is_written(workdir: Path) -> None:
    settings = SETTINGS.replace("deadline = 2026-08-14\n", "")
    (workdir / "kemireport.toml").write_text(settings, encoding="utf-8")
    code, output = _invoke("mail", "--period", P)
    assert code == 2
    assert "Muistutusten sisäänrakennetussa viestipohjassa on {määräpäivä}, mutta sille ei " \
           "ole arvoa." in output
    assert "(deadline = 2026-08-14), anna se valinnalla --deadline 14.8.2026 tai kirjoita " \
           "oma viestipohja viestipohjat/muistutus.txt ilman sitä." in output
    assert not (workdir / "output" / P).exists()  # not even the feedback copies
    # The option gives it.
    assert _invoke("mail", "--period", P, "--deadline", "1.9.2026")[0] == 0
    body = _body(_read(workdir / "output" / P / "viestit" / "reminders" / f"{P}_{HYV}.eml"))
    assert "Pyysimme palauttamaan täytetyn pohjan viimeistään 1.9.2026." in body


def test_run_names_the_departments_and_the_command(workdir: Path) -> None:
    code, output = _invoke("run")
    assert code == 1
    assert f"\nMuistutus: {HYV} (ei hyväksyttyä palautusta).\n" \
           f"Palaute: {YMP} (palautuksessa virheitä).\n" \
           f"Sähköpostiluonnokset näille toimialoille: kemireport mail --period {P}\n" in output


# -- the coordinator's own texts ----------------------------------------------------------------


def test_own_text_from_notepad(workdir: Path) -> None:
    own = ("# Oma muistutus\r\n"
           "Aihe: Muistutus {Kausi} – {toimiala}\r\n\r\n"
           "Hyvä {toimiala},\r\n\r\nraportti kaudelta {kausi} puuttuu ({organisaatio}).\r\n")
    (workdir / "viestipohjat").mkdir()
    (workdir / "viestipohjat" / "muistutus.txt").write_bytes(b"\xef\xbb\xbf" + own.encode())
    assert _invoke("mail", "--period", P, "--kind", "reminders")[0] == 0
    message = _read(workdir / "output" / P / "viestit" / "reminders" / f"{P}_{HYV}.eml")
    assert message["Subject"] == f"Muistutus 1.1.–30.6.2026 – {HYV}"
    assert _body(message) == (f"Hyvä {HYV},\n\nraportti kaudelta 1.1.–30.6.2026 puuttuu "
                              "(Testikunta).\n")


@pytest.mark.parametrize(("name", "text", "expected"), [
    ("muistutus.txt", "Aihe: Muistutus\n\nHei {toimialla}!\n",
     "Viestipohjassa viestipohjat/muistutus.txt (rivi 3) on tuntematon paikkamerkki "
     "{toimialla}. Tässä viestissä voi käyttää: {toimiala}, {kausi}"),
    ("palaute.txt", "Aihe: Palaute\n\nKorjatkaa.\n",
     "Viestipohjasta viestipohjat/palaute.txt puuttuu paikkamerkki {havainnot}"),
    ("palaute.txt", "Hei\n\n{havainnot}\n",
     "Viestipohjan viestipohjat/palaute.txt ensimmäisen rivin pitää olla viestin aihe "
     "muodossa ”Aihe: …”"),
    ("muistutus.txt", "Aihe: {hylätyt}\n\nHei\n",
     "aiherivillä on {hylätyt}, joka on kokonainen kappale"),
])
def test_a_broken_own_text_is_an_error(workdir: Path, name: str, text: str,
                                       expected: str) -> None:
    (workdir / "viestipohjat").mkdir()
    (workdir / "viestipohjat" / name).write_text(text, encoding="utf-8")
    code, output = _invoke("mail", "--period", P)
    assert code == 2
    assert expected in " ".join(output.split())
    assert not (workdir / "output" / P).exists()


def test_init_writes_the_built_in_texts_for_editing(tmp_path: Path) -> None:
    assert _invoke("--strategy", str(MINI), "init", str(tmp_path / "w"))[0] == 0
    for kind in PLACEHOLDERS:
        own, builtin = load_text(tmp_path / "w", kind), load_text(tmp_path / "nothing", kind)
        assert not own.builtin and builtin.builtin
        assert (own.subject, own.body) == (builtin.subject, builtin.body)
        assert DEFAULT_TEXTS[kind].endswith(own.body)
    settings = (tmp_path / "w" / "kemireport.toml").read_text(encoding="utf-8")
    assert '# YMP = "etunimi.sukunimi@kemi.fi"  # Ympäristötoimiala' in settings
    assert load_settings(tmp_path / "w").recipients == ()


# -- addresses in the settings ------------------------------------------------------------------


@pytest.mark.parametrize(("text", "reason"), [
    ("matti.kemi.fi", "osoitteesta puuttuu @-merkki"),
    ("matti@kemi", "verkkotunnuksesta 'kemi' puuttuu piste"),
    ("matti@@kemi.fi", "useampi kuin yksi @-merkki"),
    ("matti @kemi.fi", "välilyönti"),
    ("matti.meikäläinen@kemi.fi", "merkki 'ä'"),
    ("matti@", "puuttuu verkkotunnus"),
    ("a@kemi.fi; b@kemi.fi", "kirjoita ne luetteloksi"),
    ("Matti <matti@kemi.fi", "kulmasulkeet eivät täsmää"),
    ("matti@kemi..fi", "ei ole kelvollinen"),
    ("a..b@kemi.fi", "ei ole muotoa"),
])
def test_bad_addresses(text: str, reason: str) -> None:
    with pytest.raises(AddressError, match=reason):
        check_address(text)


def test_good_addresses_in_one_form() -> None:
    assert check_address(" matti@kemi.fi ") == "matti@kemi.fi"
    assert check_address("Matti Meikäläinen <matti@kemi.fi>") == \
        "Matti Meikäläinen <matti@kemi.fi>"
    assert check_address('"Meikäläinen, Matti" <m@kemi.fi>') == '"Meikäläinen, Matti" <m@kemi.fi>'


def test_a_bad_address_is_an_error_with_its_line(tmp_path: Path) -> None:
    (tmp_path / "kemireport.toml").write_text(
        '\ufeffmail_from = "koordinaattori@kemi"\n\n[recipients]\nYMP = "ymp@kemi.fi"\n'
        'KV = [\n  "hyva@kemi.fi",\n  "huono.kemi.fi",\n]\nPT = []\n'
        'EV = "huono.kemi.fi"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_settings(tmp_path)
    assert str(caught.value).splitlines() == [
        f"Asetustiedoston {tmp_path / 'kemireport.toml'} sähköpostiosoitteissa on 4 virhettä:",
        "  - rivi 1: lähettäjän osoite 'koordinaattori@kemi' ei kelpaa: verkkotunnuksesta "
        "'kemi' puuttuu piste (esim. kemi.fi)",
        "  - rivi 7: toimialan KV osoite 'huono.kemi.fi' ei kelpaa: osoitteesta puuttuu "
        "@-merkki",
        "  - rivi 9: toimialalle PT ei ole annettu yhtään osoitetta; anna vähintään yksi tai "
        "poista rivi",
        "  - rivi 10: toimialan EV osoite 'huono.kemi.fi' ei kelpaa: osoitteesta puuttuu "
        "@-merkki",
    ]


def test_an_unknown_department_is_an_error_with_its_line(workdir: Path) -> None:
    (workdir / "kemireport.toml").write_text(SETTINGS + 'YMPA = "x@testikunta.example"\n',
                                             encoding="utf-8")
    code, output = _invoke("mail", "--period", P)
    assert code == 2
    assert "taulukossa [recipients] on toimiala, jota strategiassa Testikunnan kuntastrategia " \
           "2026–2029 ei ole: rivi 9: 'YMPA'. Toimialat: YMP (Ympäristötoimiala), HYV " \
           "(Hyvinvointitoimiala)." in " ".join(output.split())


def test_recipients_in_file_order_without_duplicates(tmp_path: Path) -> None:
    (tmp_path / "kemireport.toml").write_text(
        'recipients.KV = ["a@kemi.fi", "A@kemi.fi", "b@kemi.fi"]\n', encoding="utf-8")
    [kv] = load_settings(tmp_path).recipients
    assert (kv.department, kv.addresses, kv.line) == ("KV", ("a@kemi.fi", "b@kemi.fi"), 1)


# -- the message itself -------------------------------------------------------------------------


def test_finnish_in_headers_and_names_is_encoded_for_any_mail_program() -> None:
    long_name = "Ympäristötoimiala strategiaseuranta 1-2025 (korjattu versio).xlsx"
    draft = Draft(to=("Ympäristöjohtaja <ymp@kemi.example>",), subject="Hyvä ääkkönen – ö",
                  body="Hei,\n\nteksti, jossa on ä, ö ja å.\n",
                  attachments=(Attachment(long_name, b"PK\x03\x04 data \xff"),))
    raw = message_bytes(draft)
    assert raw == message_bytes(draft)  # deterministic: no date, boundary from the content
    assert raw.isascii() and b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    head = raw.split(b"\r\n\r\n", 1)[0].decode("ascii")
    assert "Subject: =?utf-8?" in head and "X-Unsent: 1" in head and "Date:" not in head
    text = raw.decode("ascii")
    assert "filename*0*=utf-8''Ymp%C3%A4rist%C3%B6toimiala" in text  # RFC 2231
    assert 'name="=?utf-8?q?Ymp=C3=A4rist=C3=B6toimiala' in text  # RFC 2047, for old Outlook
    assert f"Content-Type: {XLSX};" in text  # the type is never folded into encoded words
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    assert message["Subject"] == "Hyvä ääkkönen – ö"
    assert message["To"].addresses[0].display_name == "Ympäristöjohtaja"
    assert _body(message) == "Hei,\n\nteksti, jossa on ä, ö ja å.\n"
    [part] = message.iter_attachments()
    assert part.get_param("name") == long_name
    assert _attachments(message) == [(long_name, XLSX, b"PK\x03\x04 data \xff")]
    assert message.defects == [] and part.defects == []


def test_finnish_helpers() -> None:
    assert and_list([]) == "" and and_list(["a"]) == "a"
    assert and_list(["a", "b", "c"]) == "a, b ja c"
    assert count_words(1, "virhe", "virhettä") == "yksi virhe"
    assert count_words(4, "virhe", "virhettä") == "neljä virhettä"
    assert count_words(12, "virhe", "virhettä") == "12 virhettä"


def test_drafts_and_feedback_copies_wait_for_a_run_holding_the_output_folder(
        workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``mail`` and ``validate --feedback`` write into the output folder only under its lock,
    as ``report`` and ``run`` do: never at the same moment as a run writing the same copies."""
    import kemireport.cycle.guard as guard

    out = workdir / "output"
    out.mkdir(exist_ok=True)
    before = sorted(p.relative_to(out) for p in out.rglob("*"))
    monkeypatch.setattr(guard, "LOCK_WAIT", 0.2)
    with guard.output_lock(out):
        for args in (("mail", "--period", P), ("validate", "--period", P, "--feedback")):
            code, output = _invoke(*args)
            assert code == 2, output
            assert output.startswith(
                "Virhe: Raporttien kansiota output käyttää toinen kemireport-ajo"), output
        assert sorted(p.relative_to(out) for p in out.rglob("*")
                      if not p.name.startswith(".kemireport.lock")) == before
    # Released: both go through, and a folder of one's own elsewhere needs no lock.
    assert _invoke("mail", "--period", P)[0] == 0
    with guard.output_lock(out):
        code, output = _invoke("validate", "--period", P, "--feedback", str(workdir / "omat"))
    assert code == 1, output  # YMP's return has errors
    assert [p.name for p in (workdir / "omat").iterdir()] == ["YMP kevät (palautus).xlsx"]
