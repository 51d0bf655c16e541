"""Carrying forward: pre-fill a new period's templates with the previous period's answers.

The answers come from the history database, so a period must have been consolidated
(``kemireport report``) before its answers can be carried. Each carried Toteuma's fingerprint
goes into the template's identity sheet, so that validation can warn when a department sends the
old text back unchanged.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from kemireport.errors import ConfigError
from kemireport.period import Period

Carry = dict[str, tuple[str, str]]  # action id -> (previous status, previous Toteuma)

CARRIED_FROM_KEY = "edellinen_kausi"
CARRIED_PREFIX = "edellinen:"  # identity key prefix: "edellinen:EK-YMP-01" -> text fingerprint


def text_fingerprint(text: str) -> str:
    """A short hash of a text, blind to whitespace differences an office suite may introduce."""
    normal = " ".join(str(text).split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:16]


def carry_from_history(database: Path, period: Period) -> Carry:
    """The answers of ``period`` from the history database, by action id."""
    from kemireport.store import HistoryStore

    if not database.is_file():
        raise ConfigError(
            f"Historiatietokantaa {database} ei ole, joten kauden {period.id} vastauksia ei voi "
            "siirtää. Aja ensin 'kemireport report' sille kaudelle."
        )
    with HistoryStore(database) as store:
        if period.id not in store.periods():
            stored = ", ".join(store.periods()) or "ei yhtään"
            raise ConfigError(
                f"Kautta {period.id} ei ole historiassa (tallennetut kaudet: {stored}). Aja "
                f"ensin 'kemireport report --period {period.id}'."
            )
        records = store.records(period.id)
    return {
        r.action_id: (r.status or "", r.toteuma or "")
        for r in records
        if r.known and r.action_id and (r.status or r.toteuma)
    }
