"""The history of every consolidated period, in one SQLite file beside the reports.

SQLite from the standard library: one file the coordinator can copy, back up or open in any
SQLite browser, no server. A period is replaced as a whole in one transaction, so re-running a
half-year never duplicates it, and a crash mid-way leaves the previous state of that period.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import TracebackType

from kemireport import __version__
from kemireport.core.environment import environment_error
from kemireport.core.findings import Verdict
from kemireport.core.names import shown_path
from kemireport.core.period import Period
from kemireport.errors import ConfigError, OutputError
from kemireport.history.records import (
    ActionRecord,
    Change,
    ChangeKind,
    Consolidation,
    Reading,
    Submission,
)
from kemireport.history.trends import Trends
from kemireport.strategy import Strategy

SCHEMA_VERSION = 4
LOCK_TIMEOUT = 5.0  # seconds to wait for another program's write to finish

_INDICATOR_VALUES_TABLE = """CREATE TABLE indicator_values (
    period       TEXT NOT NULL REFERENCES periods(id) ON DELETE CASCADE,
    seq          INTEGER NOT NULL,
    indicator_id TEXT NOT NULL,
    action_id    TEXT NOT NULL,
    department   TEXT NOT NULL,
    value        REAL,                              -- NULL when not reported or not a number
    value_raw    TEXT NOT NULL,                     -- as typed
    source       TEXT NOT NULL,
    file         TEXT,
    cell         TEXT,
    PRIMARY KEY (period, indicator_id),
    FOREIGN KEY (period, file) REFERENCES files(period, file)
)"""

_SCHEMA = """
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE periods (
    id                   TEXT PRIMARY KEY,          -- 2025-H1
    strategy_id          TEXT NOT NULL,
    strategy_name        TEXT NOT NULL,
    consolidated_at      TEXT NOT NULL,             -- ISO 8601, local time
    generator            TEXT NOT NULL,
    valid                INTEGER NOT NULL CHECK (valid IN (0, 1)),
    departments_expected INTEGER NOT NULL,
    departments_received INTEGER NOT NULL,
    rows_expected        INTEGER NOT NULL,
    rows_complete        INTEGER NOT NULL
);
CREATE TABLE files (
    period     TEXT NOT NULL REFERENCES periods(id) ON DELETE CASCADE,
    file       TEXT NOT NULL,
    department TEXT,
    status     TEXT NOT NULL,
    PRIMARY KEY (period, file)
);
CREATE TABLE submissions (
    period        TEXT NOT NULL REFERENCES periods(id) ON DELETE CASCADE,
    department    TEXT NOT NULL,
    file          TEXT NOT NULL,
    sha256        TEXT NOT NULL,
    rows_expected INTEGER NOT NULL,
    rows_complete INTEGER NOT NULL,
    approver      TEXT NOT NULL DEFAULT '',         -- who signed the return off
    approved      TEXT,                             -- ISO date, NULL when not a date
    PRIMARY KEY (period, department),
    FOREIGN KEY (period, file) REFERENCES files(period, file)
);
CREATE TABLE action_reports (
    id           INTEGER PRIMARY KEY,
    period       TEXT NOT NULL REFERENCES periods(id) ON DELETE CASCADE,
    seq          INTEGER NOT NULL,                  -- order within the period
    action_id    TEXT NOT NULL,
    known        INTEGER NOT NULL CHECK (known IN (0, 1)),
    goal         TEXT NOT NULL,
    department   TEXT NOT NULL,
    tavoite      TEXT NOT NULL,
    toimenpiteet TEXT NOT NULL,
    vastuu       TEXT NOT NULL,
    mittarit     TEXT NOT NULL,
    status       TEXT,
    status_raw   TEXT NOT NULL,
    toteuma      TEXT,
    sdg          TEXT NOT NULL,                     -- "7,13"
    sdg_raw      TEXT NOT NULL,
    state        TEXT NOT NULL CHECK (state IN ('reported', 'incomplete', 'missing')),
    file         TEXT,
    sheet        TEXT,
    row          INTEGER,
    cell         TEXT,
    sha256       TEXT,
    objectives   TEXT NOT NULL DEFAULT '',          -- "EK-1,EK-2": the objectives reported to
    deviation    TEXT,                              -- why it deviates, what is done about it
    new_schedule TEXT,
    UNIQUE (period, seq),
    -- provenance: the returned file a record was read from (NULL when nothing was returned)
    FOREIGN KEY (period, file) REFERENCES files(period, file)
);
-- A strategy action has one record per period; departments' own rows may repeat a tunniste.
CREATE UNIQUE INDEX action_reports_action ON action_reports(period, action_id) WHERE known = 1;
CREATE INDEX action_reports_department ON action_reports(period, department);
""" + _INDICATOR_VALUES_TABLE + """;
CREATE TABLE findings (
    id         INTEGER PRIMARY KEY,
    period     TEXT NOT NULL REFERENCES periods(id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    code       TEXT NOT NULL,
    severity   TEXT NOT NULL CHECK (severity IN ('error', 'warning', 'info')),
    message    TEXT NOT NULL,
    file       TEXT,
    department TEXT,
    sheet      TEXT,
    cell       TEXT,
    row_id     TEXT,
    UNIQUE (period, seq)
);
"""

_TABLES = ("periods", "files", "submissions", "action_reports", "indicator_values", "findings")

# Upgrades in place, one step per schema version: the statements that take a database written
# at version N to N + 1. A history is never rebuilt, so no stored period is ever lost.
_MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: ("ALTER TABLE action_reports ADD COLUMN objectives TEXT NOT NULL DEFAULT ''",),
    2: ("ALTER TABLE action_reports ADD COLUMN deviation TEXT",
        "ALTER TABLE action_reports ADD COLUMN new_schedule TEXT",
        "ALTER TABLE submissions ADD COLUMN approver TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE submissions ADD COLUMN approved TEXT"),
    3: (_INDICATOR_VALUES_TABLE,),
}

_RECORD_COLUMNS = (
    "period", "action_id", "goal", "department", "tavoite", "toimenpiteet", "vastuu",
    "mittarit", "status", "status_raw", "toteuma", "sdg", "sdg_raw", "state", "file", "sheet",
    "row", "cell", "sha256", "known", "objectives", "deviation", "new_schedule",
)


_SQLITE_REASONS = (
    ("readonly", "tiedosto tai sen kansio on vain luettavissa",
     "Anna itsellesi kirjoitusoikeus tai valitse toinen raporttien kansio valinnalla --output."),
    ("disk is full", "levy on täynnä",
     "Vapauta levytilaa ja aja komento uudelleen."),
    ("locked", "toinen ohjelma käyttää sitä",
     "Jos se on auki toisessa ohjelmassa (esim. SQLite-selaimessa), sulje se ja aja komento "
     "uudelleen."),
    ("unable to open", "tiedostoa ei voi avata",
     "Tarkista, että kansio on olemassa ja että sinulla on siihen kirjoitusoikeus."),
    ("i/o error", "levy ilmoitti luku- tai kirjoitusvirheestä",
     "Tarkista levy tai valitse toinen raporttien kansio valinnalla --output."),
)


def _unwritable(path: Path, exc: sqlite3.Error) -> OutputError:
    text = str(exc).lower()
    reason, advice = next(
        ((reason, advice) for key, reason, advice in _SQLITE_REASONS if key in text),
        (f"SQLite: {exc}", "Jos se on auki toisessa ohjelmassa (esim. SQLite-selaimessa), "
         "sulje se ja aja komento uudelleen."))
    return OutputError(
        f"Historiatietokantaa {shown_path(path)} ei voi käyttää: {reason}. {advice} "
        "Historia ja aiemmat raportit ovat ennallaan."
    )


class HistoryStore:
    """The history database; use as a context manager so the file is always closed."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # Autocommit mode: transactions are opened explicitly (BEGIN IMMEDIATE), so that
            # what belongs together is written together, and nothing else is left open.
            self._conn = sqlite3.connect(self.path, isolation_level=None, timeout=LOCK_TIMEOUT)
        except OSError as exc:
            raise environment_error(exc, self.path.parent, what="Historian kansiota") from None
        except sqlite3.OperationalError as exc:  # "unable to open database file"
            raise _unwritable(self.path, exc) from None
        try:
            self._conn.execute("PRAGMA foreign_keys = ON")
            self._prepare()
        except sqlite3.OperationalError as exc:
            self._conn.close()
            raise _unwritable(self.path, exc) from None
        except sqlite3.DatabaseError as exc:
            self._conn.close()
            raise ConfigError(
                f"Historiatietokanta {self.path} ei ole kemireportin tietokanta tai se on "
                f"vioittunut ({exc}). Siirrä tiedosto talteen ja aja komento uudelleen: uusi "
                "tietokanta luodaan tilalle."
            ) from None

    # -- lifecycle ----------------------------------------------------------------------------

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> HistoryStore:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:  # "database is locked", a read-only file …
            raise _unwritable(self.path, exc) from None
        try:
            yield self._conn
            self._conn.execute("COMMIT")
        except BaseException as exc:
            with contextlib.suppress(sqlite3.Error):
                self._conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.OperationalError):  # read-only, disk full, I/O error
                raise _unwritable(self.path, exc) from None
            raise

    def _prepare(self) -> None:
        version = self._conn.execute("PRAGMA user_version").fetchone()[0]
        if version == SCHEMA_VERSION:
            return
        if version > SCHEMA_VERSION:
            raise ConfigError(
                f"Historiatietokanta {self.path} on tehty uudemmalla kemireportilla "
                f"(rakenneversio {version}). Päivitä kemireport."
            )
        tables = self._conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
        if version == 0 and tables:
            raise ConfigError(
                f"Tiedosto {self.path} on SQLite-tietokanta, mutta ei kemireportin "
                "historiatietokanta. Anna raporteille toinen kansio."
            )
        if version > 0:
            self._upgrade(version)
            return
        with self._transaction() as conn:
            for statement in _statements(_SCHEMA):
                conn.execute(statement)
            conn.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", [
                ("schema_version", str(SCHEMA_VERSION)),
                ("created_by", f"kemireport {__version__}"),
                ("created_at", _now()),
            ])
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _upgrade(self, version: int) -> None:
        """Bring a history written by an earlier kemireport up to date, all or nothing."""
        with self._transaction() as conn:
            for step in range(version, SCHEMA_VERSION):
                for statement in _MIGRATIONS[step]:
                    conn.execute(statement)
            conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                         ("schema_version", str(SCHEMA_VERSION)))
            conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                         (f"upgraded_to_{SCHEMA_VERSION}", _now()))
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    # -- writing ------------------------------------------------------------------------------

    def save_period(self, strategy: Strategy, consolidation: Consolidation,
                    verdict: Verdict) -> None:
        """Store a period, replacing any earlier run of the same period, all or nothing."""
        period = consolidation.period.id
        with self._transaction() as conn:
            # ON DELETE CASCADE removes the period's files, submissions, records and findings.
            conn.execute("DELETE FROM periods WHERE id = ?", (period,))
            summary = verdict.summary
            conn.execute(
                "INSERT INTO periods (id, strategy_id, strategy_name, consolidated_at, "
                "generator, valid, departments_expected, departments_received, rows_expected, "
                "rows_complete) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (period, strategy.id, strategy.name, _now(), f"kemireport {__version__}",
                 int(verdict.valid), summary.departments_expected,
                 summary.departments_received, summary.rows_expected, summary.rows_complete),
            )
            self._insert_files(conn, period, consolidation, verdict)
            conn.executemany(
                "INSERT INTO submissions (period, department, file, sha256, rows_expected, "
                "rows_complete, approver, approved) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [(period, s.department, s.file, s.sha256, s.rows_expected, s.rows_complete,
                  s.approver, s.approved.isoformat() if s.approved else None)
                 for s in consolidation.submissions],
            )
            self._insert_records(conn, period, consolidation.records)
            conn.executemany(
                "INSERT INTO indicator_values (period, seq, indicator_id, action_id, department, "
                "value, value_raw, source, file, cell) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(period, seq, r.indicator_id, r.action_id, r.department, r.value, r.raw,
                  r.source, r.file, r.cell) for seq, r in enumerate(consolidation.readings)])
            self._insert_findings(conn, period, verdict)
            self._backfill_objectives(conn, strategy)

    def _backfill_objectives(self, conn: sqlite3.Connection, strategy: Strategy) -> None:
        """Objectives for the records of periods stored before the history kept them.

        A tunniste names the same action throughout a strategy, so the strategy's own
        objectives are exact for the earlier periods of the same strategy.
        """
        conn.executemany(
            "UPDATE action_reports SET objectives = ? WHERE action_id = ? AND known = 1 "
            "AND objectives = '' AND period IN (SELECT id FROM periods WHERE strategy_id = ?)",
            [(",".join(a.objectives), a.id, strategy.id) for a in strategy.actions],
        )

    def _insert_files(self, conn: sqlite3.Connection, period: str,
                      consolidation: Consolidation, verdict: Verdict) -> None:
        rows = {f.file: (period, f.file, f.department, f.status) for f in verdict.files}
        # Every file a record or a submission points at must be listed (foreign keys), even
        # if the validation's file list left it out.
        for sub in consolidation.submissions:
            rows.setdefault(sub.file, (period, sub.file, sub.department, "ok"))
        for record in consolidation.records:
            if record.file is not None:
                rows.setdefault(record.file, (period, record.file, record.department, "ok"))
        for reading in consolidation.readings:
            if reading.file is not None:
                rows.setdefault(reading.file, (period, reading.file, reading.department, "ok"))
        conn.executemany(
            "INSERT INTO files (period, file, department, status) VALUES (?, ?, ?, ?)",
            list(rows.values()),
        )

    def _insert_records(self, conn: sqlite3.Connection, period: str,
                        records: list[ActionRecord]) -> None:
        conn.executemany(
            "INSERT INTO action_reports (period, seq, action_id, known, goal, department, "
            "tavoite, toimenpiteet, vastuu, mittarit, status, status_raw, toteuma, sdg, "
            "sdg_raw, state, file, sheet, row, cell, sha256, objectives, deviation, "
            "new_schedule) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (period, seq, r.action_id, int(r.known), r.goal, r.department, r.tavoite,
                 r.toimenpiteet, r.vastuu, r.mittarit, r.status,
                 r.status_raw, r.toteuma, ",".join(map(str, r.sdg)), r.sdg_raw, r.state,
                 r.file, r.sheet, r.row, r.cell, r.sha256, ",".join(r.objectives),
                 r.deviation, r.new_schedule)
                for seq, r in enumerate(records)
            ],
        )

    def _insert_findings(self, conn: sqlite3.Connection, period: str, verdict: Verdict) -> None:
        conn.executemany(
            "INSERT INTO findings (period, seq, code, severity, message, file, department, "
            "sheet, cell, row_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(period, seq, f.code, f.severity, f.message, f.file, f.department, f.sheet,
              f.cell, f.row_id) for seq, f in enumerate(verdict.sorted_findings())],
        )

    # -- reading ------------------------------------------------------------------------------

    def periods(self) -> list[Period]:
        """Stored periods, oldest first."""
        return sorted(Period.parse(row[0])
                      for row in self._conn.execute("SELECT id FROM periods"))

    def strategy_of(self, period: Period) -> str | None:
        row = self._conn.execute("SELECT strategy_id FROM periods WHERE id = ?",
                                 (period.id,)).fetchone()
        return row[0] if row else None

    def row_counts(self) -> dict[str, int]:
        """Rows per table (for the coordinator's curiosity and for tests)."""
        return {table: self._conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in _TABLES}

    def records(self, period: Period) -> list[ActionRecord]:
        cursor = self._conn.execute(
            f"SELECT {', '.join(_RECORD_COLUMNS)} FROM action_reports WHERE period = ? "
            "ORDER BY seq", (period.id,))
        return [_record_from_row(row) for row in cursor]

    def submissions(self, period: Period) -> list[Submission]:
        cursor = self._conn.execute(
            "SELECT department, file, sha256, rows_expected, rows_complete, approver, approved "
            "FROM submissions WHERE period = ? ORDER BY rowid", (period.id,))
        return [Submission(period, department, file, sha256, expected, complete, approver,
                           _dt.date.fromisoformat(approved) if approved else None)
                for department, file, sha256, expected, complete, approver, approved in cursor]

    def readings(self, period: Period) -> list[Reading]:
        cursor = self._conn.execute(
            "SELECT indicator_id, action_id, department, value, value_raw, source, file, cell "
            "FROM indicator_values WHERE period = ? ORDER BY seq", (period.id,))
        return [Reading(period, *row) for row in cursor]

    def trends(self, period: Period, since: Period | None = None) -> Trends:
        """Every stored period of the same strategy up to ``period`` (and from ``since``): the
        actions' statuses and the indicators' values, for the view across the strategy period.
        """
        strategy_id = self.strategy_of(period)
        if strategy_id is None:
            return Trends()
        first = since.id if since is not None else ""
        window = (first, period.id, strategy_id)
        periods = tuple(sorted(Period.parse(row[0]) for row in self._conn.execute(
            "SELECT id FROM periods WHERE id >= ? AND id <= ? AND strategy_id = ?", window)))
        statuses: dict[Period, dict[str, str | None]] = {p: {} for p in periods}
        for period_id, action_id, status in self._conn.execute(
                "SELECT a.period, a.action_id, a.status FROM action_reports a JOIN periods p "
                "ON a.period = p.id WHERE a.known = 1 AND a.period >= ? AND a.period <= ? "
                "AND p.strategy_id = ? ORDER BY a.period, a.seq", window):
            statuses[Period.parse(period_id)][action_id] = status
        readings: dict[str, dict[Period, float | None]] = {}
        for period_id, indicator_id, value in self._conn.execute(
                "SELECT v.period, v.indicator_id, v.value FROM indicator_values v JOIN periods p "
                "ON v.period = p.id WHERE v.period >= ? AND v.period <= ? AND p.strategy_id = ? "
                "ORDER BY v.period, v.seq", window):
            readings.setdefault(indicator_id, {})[Period.parse(period_id)] = value
        return Trends(periods, statuses, readings)

    def last_toteumat(self, periods: Sequence[Period]) -> dict[str, tuple[Period, str]]:
        """Each action's last reported Toteuma within ``periods``, and the period it is from."""
        ids = [p.id for p in periods]
        if not ids:
            return {}
        found: dict[str, tuple[Period, str]] = {}
        marks = ",".join("?" * len(ids))
        for period_id, action_id, toteuma in self._conn.execute(
                f"SELECT period, action_id, toteuma FROM action_reports WHERE known = 1 AND "
                f"toteuma IS NOT NULL AND toteuma != '' AND period IN ({marks}) "
                "ORDER BY period, seq", ids):
            found[action_id] = (Period.parse(period_id), toteuma)
        return found

    def strategy_periods(self, strategy_id: str) -> list[Period]:
        """The stored periods of one strategy, oldest first."""
        return sorted(Period.parse(row[0]) for row in self._conn.execute(
            "SELECT id FROM periods WHERE strategy_id = ?", (strategy_id,)))

    def strategies(self) -> dict[str, str]:
        """The strategies the history holds periods of: id -> name."""
        return dict(self._conn.execute(
            "SELECT strategy_id, strategy_name FROM periods ORDER BY id"))

    def coverage(self, period: Period) -> tuple[int, int, int, int]:
        """Departments received and expected, actions reported and expected, as consolidated."""
        row = self._conn.execute(
            "SELECT departments_received, departments_expected, rows_complete, rows_expected "
            "FROM periods WHERE id = ?", (period.id,)).fetchone()
        return (0, 0, 0, 0) if row is None else (int(row[0]), int(row[1]), int(row[2]),
                                                 int(row[3]))

    def changes(self, period: Period) -> tuple[Period | None, list[Change]]:
        """The previous stored period of the same strategy and how each action moved since.

        Periods of another strategy are skipped: the same tunniste would name another action.
        """
        strategy_id = self.strategy_of(period)
        if strategy_id is None:
            return None, []
        row = self._conn.execute(
            "SELECT id FROM periods WHERE id < ? AND strategy_id = ? ORDER BY id DESC LIMIT 1",
            (period.id, strategy_id)).fetchone()
        if row is None:
            return None, []
        previous_period = Period.parse(row[0])
        before = {r.action_id: r for r in self.records(previous_period) if r.known}
        changes = []
        for record in self.records(period):
            if not record.known:
                continue
            prev = before.get(record.action_id)
            changes.append(Change(
                action_id=record.action_id, goal=record.goal, department=record.department,
                kind=_change_kind(prev, record), previous_period=previous_period,
                previous_status=prev.status if prev else None, status=record.status,
                toimenpiteet=record.toimenpiteet,
            ))
        return previous_period, changes


def _change_kind(previous: ActionRecord | None, current: ActionRecord) -> ChangeKind:
    """A report appeared, disappeared, or its status moved (an incomplete one counts as sent)."""
    had = previous is not None and previous.state != "missing"
    has = current.state != "missing"
    if has and not had:
        return "new-report"
    if had and not has:
        return "missing-report"
    if has and previous is not None and previous.status != current.status:
        return "status-changed"
    return "unchanged"


def _record_from_row(row: tuple[object, ...]) -> ActionRecord:
    values = dict(zip(_RECORD_COLUMNS, row, strict=True))
    values["period"] = Period.parse(str(values["period"]))
    sdg_text = str(values["sdg"])
    values["sdg"] = tuple(int(n) for n in sdg_text.split(",")) if sdg_text else ()
    values["known"] = bool(values["known"])
    objectives = str(values["objectives"])
    values["objectives"] = tuple(objectives.split(",")) if objectives else ()
    return ActionRecord(**values)  # type: ignore[arg-type]


def _statements(script: str) -> Iterator[str]:
    """SQL statements one by one (``executescript`` would commit the open transaction)."""
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            yield buffer
            buffer = ""


def _now() -> str:
    return _dt.datetime.now().astimezone().isoformat(timespec="seconds")
