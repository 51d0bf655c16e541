"""Carrying forward: pre-fill a new period's templates with the previous period's answers.

The answers come from the history database, so a period must have been consolidated
(``kemireport report``) before its answers can be carried. Each carried Toteuma's fingerprint
goes into the template's identity sheet, so that validation can warn when a department sends the
old text back unchanged.
"""

from __future__ import annotations

from pathlib import Path

from kemireport.core.period import Period
from kemireport.errors import ConfigError
from kemireport.templates.workbook import Carry


def carry_from_history(database: Path, period: Period) -> Carry:
    """The answers of ``period`` from the history database, by action id."""
    from kemireport.history.store import HistoryStore

    if not database.is_file():
        raise ConfigError(
            f"Historiatietokantaa {database} ei ole, joten seurantakauden {period.id} vastauksia "
            "ei voi siirtää. Aja ensin komento kemireport report sille seurantakaudelle."
        )
    with HistoryStore(database) as store:
        if period not in store.periods():
            stored = ", ".join(p.id for p in store.periods()) or "ei yhtään"
            raise ConfigError(
                f"Seurantakautta {period.id} ei ole historiassa (tallennetut seurantakaudet: "
                f"{stored}). Aja ensin komento kemireport report --period {period.id}."
            )
        records = store.records(period)
    return {
        r.action_id: (r.status or "", r.toteuma or "")
        for r in records
        if r.known and r.action_id and (r.status or r.toteuma)
    }
