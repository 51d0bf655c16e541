"""E-mail drafts (``.eml``): a message built from already-decided parts, written as a file.

kemireport prepares messages and never sends them: the coordinator opens a draft in their own
mail program (Outlook, Thunderbird), where the city's mail rules and signatures apply, and sends
it from there. Built with the standard ``email`` package:

- ``X-Unsent: 1`` makes Outlook open the file as an unsent message, ready to edit and send;
- headers with Finnish letters are RFC 2047 encoded words (``policy.SMTP``, CRLF line ends);
- the body is UTF-8 quoted-printable: 7-bit safe, and not hard-wrapped, so the mail program
  wraps it to its own window;
- an attachment's name is RFC 2231 (``filename*=utf-8''…``) in Content-Disposition, as the
  standard says, and also an RFC 2047 encoded word in Content-Type's ``name``, which older
  Outlook versions read instead (Thunderbird and Gmail write both, for the same reason);
- no Date and no Message-ID (the mail program sets them when the message is sent), and a
  multipart boundary derived from the content: the same draft is the same bytes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from email import policy
from email.header import Header
from email.message import EmailMessage
from pathlib import Path

from kemireport.core.atomic import write_bytes_atomic
from kemireport.errors import OutputError

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# By extension, so that the result does not depend on the machine's mimetypes registry.
MIME_TYPES = {".xlsx": XLSX, ".pdf": "application/pdf", ".txt": "text/plain",
              ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
DRAFT_SUFFIX = ".eml"
# policy.default with CRLF line ends, as .eml files have them; a header stored as written
# (``set_raw``) is kept as written.
_POLICY = policy.SMTP.clone(refold_source="none")


@dataclass(frozen=True)
class Attachment:
    """A file attached to a draft."""

    filename: str
    data: bytes

    @property
    def mime_type(self) -> str:
        return MIME_TYPES.get(Path(self.filename).suffix.lower(), "application/octet-stream")


@dataclass(frozen=True)
class Draft:
    """An unsent message. Addresses are checked ``addr`` or ``Name <addr>`` texts."""

    to: tuple[str, ...]
    subject: str
    body: str
    sender: str = ""
    attachments: tuple[Attachment, ...] = ()


def build_message(draft: Draft) -> EmailMessage:
    message = EmailMessage(policy=_POLICY)
    if draft.sender:
        message["From"] = draft.sender
    if draft.to:
        message["To"] = ", ".join(draft.to)
    message["Subject"] = " ".join(draft.subject.split())
    message["X-Unsent"] = "1"
    message["Content-Language"] = "fi"
    body = draft.body if draft.body.endswith("\n") else draft.body + "\n"
    message.set_content(body, charset="utf-8", cte="quoted-printable")
    for attachment in draft.attachments:
        maintype, subtype = attachment.mime_type.split("/")
        message.add_attachment(attachment.data, maintype=maintype, subtype=subtype,
                               filename=attachment.filename)
        part = list(message.iter_attachments())[-1]
        _name_for_outlook(part, attachment)
    if draft.attachments:
        digest = hashlib.sha256(body.encode("utf-8"))
        for attachment in draft.attachments:
            digest.update(attachment.filename.encode("utf-8"))
            digest.update(attachment.data)
        message.set_boundary(f"kemireport-{digest.hexdigest()[:40]}")
    return message


def _name_for_outlook(part: EmailMessage, attachment: Attachment) -> None:
    """Content-Type's ``name`` parameter, an RFC 2047 encoded word when the name is not ASCII.

    The policy's own parameter handling would turn it into RFC 2231 (and fold the long xlsx
    type into encoded words), so the header is stored as written, already folded.
    """
    name = attachment.filename
    if name.isascii():
        value = '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'
    else:
        # One or more encoded words of at most 75 characters, separated by spaces.
        words = Header(name, "utf-8", maxlinelen=76).encode(linesep="\n").split("\n")
        value = '"' + " ".join(w.strip() for w in words) + '"'
    del part["Content-Type"]
    part.set_raw("Content-Type", f"{attachment.mime_type};\n name={value}")


def message_bytes(draft: Draft) -> bytes:
    return build_message(draft).as_bytes(policy=_POLICY)


def write_drafts(folder: Path, drafts: dict[str, Draft],
                 others: Iterable[str] = ()) -> list[Path]:
    """Write each draft as ``folder/<name>`` atomically; remove the drafts named in ``others``.

    ``others`` are the names this kind of draft may have had on an earlier run (every
    department's): a department that no longer needs a reminder must not keep an old one lying
    ready to send. Other files in the folder are left alone.
    """
    folder = Path(folder)
    written = [write_bytes_atomic(folder / name, message_bytes(draft))
               for name, draft in drafts.items()]
    for name in others:
        stale = folder / name
        if name not in drafts and name.endswith(DRAFT_SUFFIX) and stale.is_file():
            try:
                stale.unlink()
            except OSError as exc:
                raise OutputError(
                    f"Vanhaa luonnosta {stale} ei voi poistaa ({exc.strerror}); se voi olla "
                    "auki sähköpostiohjelmassa. Sulje se ja aja komento uudelleen."
                ) from None
    return written
