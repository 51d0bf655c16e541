"""The history database: schema, replacing a period atomically, changes between periods."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from builders_report import department_return, statuses, validation

from kemireport.core.findings import Verdict
from kemireport.core.period import Period
from kemireport.errors import ConfigError
from kemireport.history.consolidate import consolidate
from kemireport.history.records import Change, Consolidation
from kemireport.history.store import SCHEMA_VERSION, HistoryStore
from kemireport.strategy import Strategy

P = Period.parse


def _period(strategy: Strategy, period: str, by_action: dict[str, str] | None = None,
            departments: tuple[str, ...] = ("YMP", "HYV")) -> tuple[Consolidation, Verdict]:
    returns = [r for r in statuses(strategy, period, by_action or {})
               if r.identity is not None and r.identity.department in departments]
    checked = validation(strategy, period, returns)
    return consolidate(strategy, checked), checked.verdict


def _save(path: Path, strategy: Strategy, period: str,
          by_action: dict[str, str] | None = None, **kw: tuple[str, ...]) -> None:
    consolidation, report = _period(strategy, period, by_action, **kw)
    with HistoryStore(path) as store:
        store.save_period(strategy, consolidation, report)


def test_schema_has_keys_version_and_foreign_keys(tmp_path: Path,
                                                  mini_strategy: Strategy) -> None:
    database = tmp_path / "kemireport.sqlite"
    _save(database, mini_strategy, "2026-H1")
    conn = sqlite3.connect(database)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert dict(conn.execute("SELECT key, value FROM meta"))["schema_version"] == "4"
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"meta", "periods", "files", "submissions", "action_reports", "findings"} <= tables
    assert conn.execute("SELECT strategy_id FROM periods").fetchall() == [(mini_strategy.id,)]
    conn.close()
    with HistoryStore(database) as store:
        conn = store._conn
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute("INSERT INTO submissions VALUES "
                         "('2030-H1', 'YMP', 'x.xlsx', '', 1, 1, '', NULL)")


def test_records_round_trip(tmp_path: Path, mini_strategy: Strategy) -> None:
    hyv = department_return(mini_strategy, "HYV", "2026-H1",
                            answers={"HK-HYV-01": {"SDG": "4, 3", "Tila": "Valmis"}},
                            extra={"Elinvoimainen kunta": [
                                {"Tunniste": "EK-HYV-01", "Toteuma": "Kaksoiskappale."}]})
    checked = validation(mini_strategy, "2026-H1", [hyv])
    consolidation = consolidate(mini_strategy, checked)
    with HistoryStore(tmp_path / "h.sqlite") as store:
        store.save_period(mini_strategy, consolidation, checked.verdict)
        assert store.records(P("2026-H1")) == consolidation.records
        assert store.periods() == [P("2026-H1")]


def test_rerun_replaces_the_period_and_keeps_others(tmp_path: Path,
                                                    mini_strategy: Strategy) -> None:
    database = tmp_path / "kemireport.sqlite"
    _save(database, mini_strategy, "2025-H2", departments=("YMP",))
    _save(database, mini_strategy, "2026-H1")
    with HistoryStore(database) as store:
        counts = store.row_counts()
        earlier = store.records(P("2025-H2"))
    assert counts["action_reports"] == 12 and counts["periods"] == 2

    _save(database, mini_strategy, "2026-H1", {"EK-YMP-01": "Viivästynyt"})
    with HistoryStore(database) as store:
        assert store.row_counts() == counts
        assert store.records(P("2025-H2")) == earlier
        assert store.records(P("2026-H1"))[0].status == "Viivästynyt"
        assert store.periods() == [P("2025-H2"), P("2026-H1")]


def test_crash_mid_transaction_leaves_the_previous_state(
        tmp_path: Path, mini_strategy: Strategy, monkeypatch: pytest.MonkeyPatch) -> None:
    database = tmp_path / "kemireport.sqlite"
    _save(database, mini_strategy, "2026-H1", {"EK-YMP-01": "Toteutunut"})
    with HistoryStore(database) as store:
        before = store.records(P("2026-H1"))
        counts = store.row_counts()

    def crash(*args: object) -> None:
        raise RuntimeError("kaatui kesken")

    # The period's old rows are already deleted and the new records written when this runs.
    monkeypatch.setattr(HistoryStore, "_insert_findings", crash)
    consolidation, report = _period(mini_strategy, "2026-H1", {"EK-YMP-01": "Keskeytetty"})
    with HistoryStore(database) as store, pytest.raises(RuntimeError):
        store.save_period(mini_strategy, consolidation, report)
    with HistoryStore(database) as store:
        assert store.records(P("2026-H1")) == before
        assert store.row_counts() == counts


def test_changes_name_exactly_what_moved(tmp_path: Path, mini_strategy: Strategy) -> None:
    database = tmp_path / "kemireport.sqlite"
    # 2025-H2: only HYV returned.
    _save(database, mini_strategy, "2025-H2", {"EK-HYV-01": "Viivästynyt"},
          departments=("HYV",))
    # 2026-H1: YMP returned too, EK-HYV-01 moved on, HK-HYV-02's row was deleted.
    hyv = department_return(mini_strategy, "HYV", "2026-H1", drop=("HK-HYV-02",),
                            answers={"EK-HYV-01": {"Tila": "Toteutunut"}})
    ymp = department_return(mini_strategy, "YMP", "2026-H1")
    checked = validation(mini_strategy, "2026-H1", [ymp, hyv])
    with HistoryStore(database) as store:
        store.save_period(mini_strategy, consolidate(mini_strategy, checked), checked.verdict)
        assert store.changes(P("2025-H2")) == (None, [])
        previous, changes = store.changes(P("2026-H1"))
    assert previous == P("2025-H2")
    moved = [(c.action_id, c.kind, c.previous_status, c.status)
             for c in changes if c.kind != "unchanged"]
    assert moved == [
        ("EK-YMP-01", "new-report", None, "Etenee suunnitellusti"),
        ("EK-YMP-02", "new-report", None, "Etenee suunnitellusti"),
        ("HK-YMP-01", "new-report", None, "Etenee suunnitellusti"),
        ("EK-HYV-01", "status-changed", "Viivästynyt", "Toteutunut"),
        ("HK-HYV-02", "missing-report", "Etenee suunnitellusti", None),
    ]
    assert [c.action_id for c in changes if c.kind == "unchanged"] == ["HK-HYV-01"]
    assert changes[3] == Change(
        action_id="EK-HYV-01", goal="EK", department="HYV", kind="status-changed",
        previous_period=P("2025-H2"), previous_status="Viivästynyt", status="Toteutunut",
        toimenpiteet="Kirjaston aukioloa laajennetaan omatoimikirjastolla.")


def test_changes_skip_periods_of_another_strategy(tmp_path: Path,
                                                  mini_strategy: Strategy) -> None:
    database = tmp_path / "kemireport.sqlite"
    other = replace(mini_strategy, id="toinen-strategia")
    _save(database, mini_strategy, "2025-H1", {"EK-YMP-01": "Viivästynyt"})
    consolidation, report = _period(mini_strategy, "2025-H2")
    with HistoryStore(database) as store:
        store.save_period(other, consolidation, report)
    _save(database, mini_strategy, "2026-H1")
    with HistoryStore(database) as store:
        assert store.changes(P("2025-H2")) == (None, [])
        previous, changes = store.changes(P("2026-H1"))
    assert previous == P("2025-H1")
    assert [(c.action_id, c.kind) for c in changes if c.kind != "unchanged"] == [
        ("EK-YMP-01", "status-changed")]


def test_a_foreign_file_is_a_clear_error(tmp_path: Path) -> None:
    junk = tmp_path / "kemireport.sqlite"
    junk.write_bytes(b"not a database at all" * 100)
    with pytest.raises(ConfigError, match="ei ole kemireportin"):
        HistoryStore(junk)
    other = tmp_path / "muu.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE muu (x)")
    conn.commit()
    conn.close()
    with pytest.raises(ConfigError, match="ei kemireportin historiatietokanta"):
        HistoryStore(other)


def test_a_locked_database_is_a_clear_error(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    import sqlite3

    import kemireport.history.store
    from kemireport.errors import OutputError
    from kemireport.history.store import HistoryStore

    monkeypatch.setattr(kemireport.history.store, "LOCK_TIMEOUT", 0.0)
    path = tmp_path / "kemireport.sqlite"
    HistoryStore(path).close()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # another program holds the database
    try:
        with pytest.raises(OutputError, match="auki toisessa ohjelmassa"):
            HistoryStore(path)
    finally:
        other.execute("ROLLBACK")
        other.close()
    with HistoryStore(path) as store:  # and nothing was harmed
        assert store.periods() == []


def test_a_history_of_schema_version_1_is_upgraded_in_place(tmp_path: Path,
                                                           kemi_strategy: Strategy) -> None:
    """tests/data/history-v1.sqlite was written by kemireport 0.1.0 from the example data."""
    database = tmp_path / "kemireport.sqlite"
    database.write_bytes((Path(__file__).parent / "data" / "history-v1.sqlite").read_bytes())
    conn = sqlite3.connect(database)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    before = {table: conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
              for table in ("periods", "files", "submissions", "action_reports", "findings")}
    conn.close()
    assert len(before["action_reports"]) == 184

    with HistoryStore(database) as store:
        assert store.periods() == [P("2025-H1"), P("2025-H2")]
        records = store.records(P("2025-H2"))
    conn = sqlite3.connect(database)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    after = {table: conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
             for table in before}
    conn.close()
    # Every row is still there, every old column unchanged; the new columns start empty.
    assert {t: len(rows) for t, rows in after.items()} == {
        t: len(rows) for t, rows in before.items()}
    assert [row[:-3] for row in after["action_reports"]] == before["action_reports"]
    assert {row[-3:] for row in after["action_reports"]} == {("", None, None)}
    assert [row[:-2] for row in after["submissions"]] == before["submissions"]
    assert {row[-2:] for row in after["submissions"]} == {("", None)}
    for table in ("periods", "files", "findings"):
        assert after[table] == before[table]
    assert len(records) == 92 and {r.objectives for r in records} == {()}
    assert records[0].action_id == "EK-YMP-01" and records[0].status == "Etenee suunnitellusti"

    # The first save under the same strategy fills in the objectives of the earlier periods.
    _save(database, kemi_strategy, "2026-H1", departments=())
    with HistoryStore(database) as store:
        upgraded = store.records(P("2025-H2"))
    assert upgraded[0].objectives == ("EK-1",)
    assert [replace(r, objectives=()) for r in upgraded] == records
