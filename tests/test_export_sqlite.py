"""The SQLite file as an export: readable views for Datasette, and the full-text index kept current."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine

from reportedly.store import Store
from reportedly.store.engine import alembic_config
from reportedly.store.search import fts_query
from web_ledgers import FERRY_TEXT, ferry_ledger, hostile_ledger

VIEWS = {"claim_ledger", "claim_chains", "claim_numbers", "claim_dates", "source_summary"}


def rows(path: Path, sql: str, *args: object) -> list[dict]:
    connection = sqlite3.connect(path)
    connection.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in connection.execute(sql, args)]
    finally:
        connection.close()


def test_views_read_like_the_ledger(tmp_path: Path) -> None:
    path = tmp_path / "views.db"
    with Store(path) as store:
        store.save(ferry_ledger())
        store.save(hostile_ledger())
    found = {r["name"] for r in rows(path, "SELECT name FROM sqlite_master WHERE type = 'view'")}
    assert found >= VIEWS

    ledger = {r["claim_id"]: r for r in rows(path, "SELECT * FROM claim_ledger")}
    assert len(ledger) == 6
    relayed = ledger["ferry-2"]
    assert relayed["source"] == "council members" and relayed["source_as_written"] == "Council members"
    assert relayed["chain"] == "council members → Harbour Authority"
    assert relayed["origin"] == "Harbour Authority"
    assert (relayed["outlet"], relayed["published"], relayed["stance"]) == (
        "Harbour Gazette",
        "2024-03-12",
        "reported",
    )
    assert relayed["numbers"] == 1
    assert ledger["ferry-1"]["origin"] == "Mira Lund"  # no chain: the source is the origin
    cue = ledger["ferry-0"]
    assert FERRY_TEXT[cue["cue_start"] : cue["cue_end"]] == cue["cue"]

    hops = rows(
        path, "SELECT hop, source, cue, is_origin FROM claim_chains WHERE claim_id = 'ferry-2' ORDER BY hop"
    )
    assert [(h["source"], h["cue"], h["is_origin"]) for h in hops] == [
        ("council members", "said", 0),
        ("Harbour Authority", "told", 1),
    ]
    numbers = rows(path, "SELECT * FROM claim_numbers WHERE claim_id = 'ferry-2'")
    assert (numbers[0]["number_as_written"], numbers[0]["high"], numbers[0]["unit"]) == (
        "up to 2 million",
        2_000_000.0,
        "euros",
    )
    dates = rows(path, "SELECT * FROM claim_dates WHERE claim_id = 'ferry-0'")
    assert (dates[0]["date_as_written"], dates[0]["resolved"]) == ("Tuesday", "2024-03-12")
    harbour = rows(path, "SELECT * FROM source_summary WHERE entity_id = 'harbour-authority'")[0]
    assert (harbour["claims_as_source"], harbour["claims_in_chains"], harbour["claims_as_origin"]) == (
        1,
        1,
        1,
    )
    assert harbour["aliases"] == "the harbour authority"


def test_search_index_follows_saves_and_deletes(tmp_path: Path) -> None:
    with Store(tmp_path / "fts.db") as store:
        store.save(ferry_ledger())
        assert store.full_text is True
        assert [c["id"] for c in store.claim_page(search="crane").items] == ["ferry-1"]
        assert [c["id"] for c in store.claim_page(search="ferry operator").items] == ["ferry-0"]  # alias
        store.delete_document(ferry_ledger().document.id)  # cascades; the trigger cleans the index
        assert store.claim_page(search="crane").total == 0
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM claim_search").scalar() == 0


def test_search_expression_never_passes_syntax_through() -> None:
    assert fts_query("troops Kursk") == '"troops" "Kursk"*'
    assert fts_query('say "NOT this" OR that*') == '"say" "NOT" "this" "OR" "that"*'
    assert fts_query("   ") is None and fts_query("!!") is None


def test_upgrading_an_older_store_indexes_what_it_holds(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    engine = create_engine(f"sqlite:///{path}")
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0002")  # a store written before full-text search existed
    engine.dispose()
    with Store(path) as store:  # opening migrates to head
        store.save(ferry_ledger())
    connection = sqlite3.connect(path)
    try:
        connection.execute("DELETE FROM claim_search")  # as if the claims predated the index
        connection.execute("DELETE FROM alembic_version")
        connection.execute("INSERT INTO alembic_version VALUES ('0002')")
        for name in VIEWS:
            connection.execute(f"DROP VIEW {name}")
        for trigger in ("insert", "delete", "update"):
            connection.execute(f"DROP TRIGGER claim_search_after_{trigger}")
        connection.execute("DROP TABLE claim_search")
        connection.commit()
    finally:
        connection.close()
    with Store(path) as store:
        assert [c["id"] for c in store.claim_page(search="sailings").items] == ["ferry-0"]
        assert store.claim_page(search="timetable").total == 1
