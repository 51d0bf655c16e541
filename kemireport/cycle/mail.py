"""``kemireport mail``: who gets which e-mail draft for a period, and writing the drafts.

Three kinds, each into ``output/P/viestit/<kind>/``, one ``.eml`` per department:

- ``templates``: every department, its template from ``templates/P/`` attached;
- ``reminders``: departments without an accepted return in ``input/P/`` (a rejected file is
  named in the text with the reason);
- ``feedback``: departments whose accepted return has errors; the feedback copy is made here,
  from the same validation that lists the findings in the body, so the attachment and the text
  can never disagree (a copy left in ``output/P/palaute/`` by an earlier run might).

Everything that can fail (addresses, texts, placeholders without a value, missing templates) is
checked before the first file is written. Nothing is sent.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from kemireport.core.findings import Finding, Verdict
from kemireport.core.finnish import and_list, fi_date
from kemireport.core.period import Period
from kemireport.core.settings import RECIPIENTS_TABLE, SETTINGS_FILE, Settings
from kemireport.cycle.mailtexts import KIND_WORDS, load_text, render
from kemireport.cycle.workspace import Workspace
from kemireport.errors import ConfigError
from kemireport.outputs.wording import points
from kemireport.strategy import Department, Strategy
from kemireport.templates.workbook import template_filenames

if TYPE_CHECKING:
    from kemireport.checks.validation import Validation

KINDS = ("templates", "reminders", "feedback")
# Without --kind: the drafts that follow from the returns, written again after each new return
# during the round. Templates go out once, at the start of the period, and only when asked.
DEFAULT_KINDS = ("reminders", "feedback")
_HEADINGS = {"templates": "Pohjien lähetys", "reminders": "Muistutukset",
             "feedback": "Palautteet"}


@dataclass(frozen=True)
class FollowUp:
    """What the returns of a period call for, in strategy order (department codes)."""

    reminders: tuple[str, ...]  # no accepted return
    feedback: tuple[str, ...]  # an accepted return with errors


def follow_up(strategy: Strategy, verdict: Verdict) -> FollowUp:
    used = verdict.used_files()
    with_errors = {f.department for f in verdict.findings
                   if f.severity == "error" and f.department and f.file == used.get(f.department)}
    codes = [d.code for d in strategy.departments]
    return FollowUp(reminders=tuple(c for c in codes if c not in used),
                    feedback=tuple(c for c in codes if c in used and c in with_errors))


def follow_up_lines(strategy: Strategy, verdict: Verdict, period: Period) -> list[str]:
    """For ``run``: who would get a reminder or feedback, and the one command for the drafts."""
    todo = follow_up(strategy, verdict)
    if not todo.reminders and not todo.feedback:
        return []
    lines = []
    if todo.reminders:
        names = [strategy.department(c).name for c in todo.reminders]
        lines.append(f"Muistutus: {and_list(names)} (ei hyväksyttyä palautusta).")
    if todo.feedback:
        names = [strategy.department(c).name for c in todo.feedback]
        lines.append(f"Palaute: {and_list(names)} (palautuksessa virheitä).")
    lines.append(f"Sähköpostiluonnokset näille toimialoille: kemireport mail --period {period.id}")
    return lines


@dataclass
class MailResult:
    """The drafts ``mail`` wrote and what it prints."""

    written: list[Path] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)  # what the command prints, in Finnish


@dataclass
class _Planned:
    """A draft to be written: its recipient department and the placeholders' values."""

    department: Department
    values: dict[str, str | None]
    attachment: Path | None = None  # read when the drafts are built
    subject: str = ""
    body: str = ""


def write_mail(strategy: Strategy, workspace: Workspace, period: Period,
               kind: str | None = None, *, progress: bool = False) -> MailResult:
    """Write the drafts of ``kind`` (default: reminders and feedback) for ``period``."""
    settings = workspace.settings
    if kind is not None and kind not in KINDS:
        raise ConfigError(f"Tuntematon viestien laji ”{kind}”. Valitse jokin: {', '.join(KINDS)}.")
    kinds = (kind,) if kind else DEFAULT_KINDS
    recipients = department_recipients(strategy, settings)
    texts = {k: load_text(settings.root, k) for k in kinds}
    input_folder = workspace.input_folder(period)
    result = MailResult()

    validation: Validation | None = None
    if "reminders" in kinds or "feedback" in kinds:
        if input_folder.is_dir():
            from kemireport.checks.render import summary_line
            from kemireport.checks.validation import validate_folder

            validation = validate_folder(strategy, period, input_folder, progress=progress,
                                         rules=workspace.rules)
            result.lines += [f"Seurantakausi {period.label} ({period.id}):",
                             summary_line(validation.verdict), ""]
        else:
            result.lines += [f"Palautuskansiota {input_folder} ei ole, joten yhdeltäkään "
                             "toimialalta ei ole palautusta.", ""]

    todo = follow_up(strategy, validation.verdict) if validation is not None else None
    plans: dict[str, list[_Planned]] = {}
    for k in kinds:
        if k == "templates":
            plans[k] = _plan_templates(strategy, workspace, period)
        elif k == "reminders":
            plans[k] = _plan_reminders(strategy, validation, todo)
        else:
            plans[k] = _plan_feedback(strategy, validation, todo)
    help_for = _missing_help(period)
    for k, planned in plans.items():
        for plan in planned:
            values = {**_common_values(strategy, settings, period, plan.department),
                      **plan.values}
            plan.subject, plan.body = render(texts[k], values, help_for)

    # Everything is decided: from here on, files are written, under the output folder's lock
    # (a run writing the same period's feedback copies at the same moment would race us).
    from kemireport.cycle.guard import writing_into

    with writing_into(workspace, workspace.output_folder(period)):
        without_address = _write_planned(strategy, workspace, period, plans, validation,
                                         recipients, result)
    result.lines += _closing_lines(strategy, settings, without_address, bool(result.written))
    return result


def _write_planned(strategy: Strategy, workspace: Workspace, period: Period,
                   plans: dict[str, list[_Planned]], validation: Validation | None,
                   recipients: dict[str, tuple[str, ...]], result: MailResult) -> list[str]:
    """Write the feedback copies and the drafts; the departments that have no address."""
    settings = workspace.settings
    input_folder = workspace.input_folder(period)
    copies: dict[str, Path] = {}
    if plans.get("feedback") and validation is not None:
        from kemireport.outputs.feedback import write_feedback

        target = workspace.feedback_folder(period)
        written = set(write_feedback(strategy, validation, input_folder, target))
        for plan in plans["feedback"]:
            copy = target / validation.accepted[plan.department.code].file
            if copy in written:
                copies[plan.department.code] = copy

    # Here, not at the top: the e-mail package is ~10 ms of every ``run``'s start-up, which
    # only names who would get a draft.
    from kemireport.outputs.mail import DRAFT_SUFFIX, Attachment, Draft, write_drafts

    names = {code: Path(name).with_suffix(DRAFT_SUFFIX).name
             for code, name in template_filenames(period, strategy.departments).items()}
    without_address: list[str] = []
    for k in plans:
        folder = workspace.messages_folder(period, k)
        drafts: dict[str, Draft] = {}
        shown: list[str] = []
        for plan in plans[k]:
            code = plan.department.code
            attachment = plan.attachment if k != "feedback" else copies.get(code)
            attachments = (Attachment(attachment.name, attachment.read_bytes()),) \
                if attachment is not None else ()
            to = recipients.get(code, ())
            drafts[names[code]] = Draft(to=to, subject=plan.subject, body=plan.body,
                                        sender=settings.mail_from, attachments=attachments)
            shown.append(_draft_line(plan.department, to, k, attachment))
            if not to and plan.department.name not in without_address:
                without_address.append(plan.department.name)
        result.written += write_drafts(folder, drafts, names.values())
        if drafts:
            result.lines.append(f"{_HEADINGS[k]} ({len(drafts)} kpl): {folder}")
            result.lines += shown
        else:
            result.lines.append(_nothing_to_write(k))
    if copies:
        result.lines.append(f"Palautekopiot: {workspace.feedback_folder(period)}")
    return without_address


def department_recipients(strategy: Strategy, settings: Settings) -> dict[str, tuple[str, ...]]:
    """Department code -> addresses from the settings; a code the strategy lacks is an error."""
    codes = {d.code for d in strategy.departments}
    unknown = [r for r in settings.recipients if r.department not in codes]
    if unknown:
        known = ", ".join(f"{d.code} ({d.name})" for d in strategy.departments)
        problems = "; ".join(
            (f"rivi {r.line}: " if r.line else "") + f"'{r.department}'" for r in unknown)
        raise ConfigError(
            f"Asetustiedoston {settings.source or SETTINGS_FILE} taulukossa [{RECIPIENTS_TABLE}] "
            f"on toimiala, jota strategiassa {strategy.name} ei ole: {problems}. Toimialat: "
            f"{known}."
        )
    return {r.department: r.addresses for r in settings.recipients}


# -- who gets what ------------------------------------------------------------------------------


def _plan_templates(strategy: Strategy, workspace: Workspace,
                    period: Period) -> list[_Planned]:
    folder = workspace.templates_folder(period)
    names = template_filenames(period, strategy.departments)
    missing = [folder / names[d.code] for d in strategy.departments
               if not (folder / names[d.code]).is_file()]
    if missing:
        more = f" (ja {len(missing) - 1} muuta)" if len(missing) > 1 else ""
        raise ConfigError(
            f"Seurantakauden {period.id} pohjaa ei löydy: {missing[0]}{more}. Tee pohjat ensin: "
            f"kemireport templates --period {period.id}"
        )
    return [_Planned(d, {"liite": names[d.code]}, folder / names[d.code])
            for d in strategy.departments]


def _plan_reminders(strategy: Strategy, validation: Validation | None,
                    todo: FollowUp | None) -> list[_Planned]:
    if validation is None or todo is None:  # no input folder: nobody has returned
        return [_Planned(d, {"hylätyt": ""}) for d in strategy.departments]
    return [_Planned(strategy.department(code),
                     {"hylätyt": _rejected_text(validation.verdict, code)})
            for code in todo.reminders]


def _plan_feedback(strategy: Strategy, validation: Validation | None,
                   todo: FollowUp | None) -> list[_Planned]:
    if validation is None or todo is None:
        return []
    planned = []
    for code in todo.feedback:
        file = validation.accepted[code].file
        findings = [f for f in validation.verdict.sorted_findings()
                    if f.department == code and f.file == file
                    and f.severity in ("error", "warning")]
        errors = sum(1 for f in findings if f.severity == "error")
        planned.append(_Planned(strategy.department(code), {
            "liite": file,
            "virheet": points(errors, len(findings) - errors),
            "havainnot": findings_text(findings),
        }))
    return planned


def _common_values(strategy: Strategy, settings: Settings, period: Period,
                   department: Department) -> dict[str, str | None]:
    return {
        "toimiala": department.name,
        "kausi": period.label,
        "määräpäivä": fi_date(settings.deadline) if settings.deadline else None,
        "yhteyshenkilö": settings.contact or None,
        "organisaatio": settings.organisation or strategy.organisation,
    }


def _missing_help(period: Period) -> dict[str, str]:
    example = period.end + timedelta(days=45)
    return {
        "määräpäivä": (f"Lisää palautuspäivä asetustiedostoon {SETTINGS_FILE} (deadline = "
                       f"{example.isoformat()}), anna se valinnalla --deadline "
                       f"{fi_date(example)}"),
        "yhteyshenkilö": (f"Lisää yhteystieto asetustiedostoon {SETTINGS_FILE} (contact = "
                          '"Strategiakoordinaattori, etunimi.sukunimi@kemi.fi")'),
    }


# -- the words ----------------------------------------------------------------------------------


def findings_text(findings: Sequence[Finding]) -> str:
    """The findings as numbered lists: errors to fix first, then warnings to check."""
    errors = [f for f in findings if f.severity == "error"]
    warnings = [f for f in findings if f.severity == "warning"]
    parts = []
    if errors:
        parts.append("Korjattavat kohdat:\n\n" + _numbered(errors))
    if warnings:
        parts.append("Tarkistettavat kohdat (nämä eivät estä seurantaraportin kokoamista):\n\n"
                     + _numbered(warnings))
    return "\n\n".join(parts)


def _numbered(findings: Sequence[Finding]) -> str:
    lines = []
    for number, finding in enumerate(findings, start=1):
        place = []
        if finding.sheet:
            place.append(f"välilehti {finding.sheet}")
        if finding.cell:
            place.append(f"solu {finding.cell}")
        if finding.row_id:
            place.append(f"toimenpide {finding.row_id}")
        where = ", ".join(place)
        where = where[:1].upper() + where[1:]
        lines.append(f"{number}. {where}: {finding.message}" if where
                     else f"{number}. {finding.message}")
    # A blank line between items: most run over several lines in a mail window.
    return "\n\n".join(lines)


def _rejected_text(verdict: Verdict, code: str) -> str:
    """Why the files a department did send do not count (empty when it sent none)."""
    by_file: dict[str, list[str]] = {}
    for finding in verdict.sorted_findings():
        if (finding.department == code and finding.file and finding.severity == "error"
                and finding.code != "missing-department"):
            by_file.setdefault(finding.file, []).append(finding.message)
    return "\n\n".join(
        f"Saimme tiedoston ”{file}”, mutta sitä ei voitu hyväksyä: {' '.join(messages)}"
        for file, messages in by_file.items()
    )


def _draft_line(department: Department, to: Sequence[str], kind: str,
                attachment: Path | None) -> str:
    line = f"  {department.name}: " + (", ".join(to) if to else "EI VASTAANOTTAJAA")
    if attachment is not None:
        line += f"; liitteenä {attachment.name}"
    elif kind == "feedback":
        line += "; palautekopiota ei voitu tehdä, havainnot ovat viestin tekstissä"
    return line


def _nothing_to_write(kind: str) -> str:
    if kind == "reminders":
        return "Muistutuksia ei tarvita: kaikilta toimialoilta on hyväksytty palautus."
    if kind == "feedback":
        return "Palautteita ei tarvita: hyväksytyissä palautuksissa ei ole virheitä."
    return f"{KIND_WORDS[kind].capitalize()}: ei luonnoksia."


def _closing_lines(strategy: Strategy, settings: Settings, without_address: list[str],
                   wrote: bool) -> list[str]:
    lines = [""]
    if without_address:
        file = settings.source or SETTINGS_FILE
        example = next(d.code for d in strategy.departments if d.name == without_address[0])
        lines.append(
            f"Vastaanottaja puuttuu: {and_list(without_address)}. Luonnos on kirjoitettu "
            f"ilman vastaanottajaa. Lisää osoitteet asetustiedoston {file} taulukkoon "
            f'[{RECIPIENTS_TABLE}] (esim. {example} = "etunimi.sukunimi@kemi.fi") ja aja '
            "komento uudelleen, tai kirjoita vastaanottaja luonnokseen."
        )
    if wrote:
        lines.append(
            "Mitään ei ole lähetetty. Avaa luonnokset sähköpostiohjelmassa (Outlook ja "
            "Thunderbird avaavat .eml-luonnoksen muokattavaksi), tarkista ja lähetä ne sieltä."
        )
    return lines if len(lines) > 1 else []

