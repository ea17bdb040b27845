"""store/rows.py: a ledger goes into rows and comes back the same, and documents are listed from rows.

The module's functions take a connection, so these tests call them inside one
transaction of a fresh store, the way the ``Store`` facade does.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import Connection, event

from reportedly.model import Span
from reportedly.store import NotFound, Store, reading, rows
from reportedly.store.schema import claims
from test_store import ledger_a, ledger_b
from web_ledgers import ferry_ledger, followup_ledger, hostile_ledger


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "rows.db") as s:
        yield s


@pytest.fixture
def conn(store: Store) -> Iterator[Connection]:
    with store.engine.connect() as c, c.begin():
        yield c


def test_prepare_names_claims_and_builds_their_rows() -> None:
    ledger = ledger_a()
    ledger.claims[1].id = ""
    prepared = rows.prepare(ledger)
    assert prepared.refusal is None
    assert prepared.claim_ids[1] == f"{ledger.document.id}-1"
    assert [r["ordinal"] for r in prepared.claim_rows] == [0, 1, 2, 3]
    assert prepared.claim_rows[0]["stance"] == ledger.claims[0].stance.value


def test_prepare_refuses_what_would_not_come_back_the_same() -> None:
    bad = ledger_a()
    c = bad.claims[0]
    assert c.sentence is not None
    bad.claims[0] = replace(c, sentence=Span(c.sentence.start + 1, c.sentence.end, c.sentence.text))
    assert "sentence" in (rows.prepare(bad).refusal or "")
    assert rows.span_problems(bad) and not rows.span_problems(ledger_a())
    twice = ledger_a()
    twice.claims[1].id = twice.claims[0].id
    assert rows.prepare(twice).refusal == "claim ids are not unique"


@pytest.mark.parametrize("make", [ledger_a, ledger_b, ferry_ledger, followup_ledger, hostile_ledger])
def test_a_ledger_comes_back_as_it_went_in(conn: Connection, make) -> None:  # noqa: ANN001 - a factory
    ledger = make()
    assert rows.stored_claims(conn, ledger.document.id) is None
    rows.insert_ledger(conn, ledger, rows.prepare(ledger), "somewhere.txt")
    assert rows.stored_claims(conn, ledger.document.id) == len(ledger.claims)
    assert reading.load_ledger(conn, ledger.document.id).to_dict() == ledger.to_dict()
    assert sorted(rows.claim_ids_taken(conn, ["nope", ledger.claims[0].id])) == [ledger.claims[0].id]


def test_load_claims_pages_in_document_order(conn: Connection) -> None:
    for ledger in (ledger_b(), ledger_a()):
        rows.insert_ledger(conn, ledger, rows.prepare(ledger), None)
    every = reading.load_claims(conn, [])
    assert [d for d, _ in every] == sorted(d for d, _ in every)
    assert reading.load_claims(conn, [], limit=2, offset=3) == every[3:5]
    one = every[4][1].id
    assert [c.id for _, c in reading.load_claims(conn, [claims.c.id == one])] == [one]
    assert reading.listed(*every[0]) == {**every[0][1].to_dict(), "document_id": every[0][0]}


def test_load_ledger_of_an_unknown_document(conn: Connection) -> None:
    with pytest.raises(NotFound, match="no document 'nope'"):
        reading.load_ledger(conn, "nope")


def test_documents_listing_lookup_and_pages(store: Store) -> None:
    saved = [ferry_ledger(), hostile_ledger(), followup_ledger()]
    for i, ledger in enumerate(saved):
        store.save(ledger, source=f"source-{i}")
    every = store.documents()
    assert [d["id"] for d in every] == [led.document.id for led in saved]  # oldest ingestion first
    keys = {"id", "title", "outlet", "published", "url", "source", "ingested_at", "claims", "language"}
    assert set(every[0]) == keys
    assert [d["claims"] for d in every] == [len(led.claims) for led in saved]
    assert store.document(saved[1].document.id) == every[1]
    assert store.documents(ids=[saved[2].document.id, saved[0].document.id, "nope"]) == [every[0], every[2]]
    for limit, offset in ((1, 0), (2, 1), (0, 0), (5, 2)):
        page = store.document_page(limit=limit, offset=offset)
        assert (page.items, page.total) == (every[offset : offset + limit], 3)
    with pytest.raises(NotFound, match="no document 'nope'"):
        store.document("nope")


def test_document_lookups_read_one_row_not_the_table(store: Store) -> None:
    for ledger in (ferry_ledger(), hostile_ledger()):
        store.save(ledger)
    seen: list[str] = []
    event.listen(store.engine, "before_cursor_execute", lambda *args: seen.append(args[2]))
    store.document(ferry_ledger().document.id)
    store.document_page(limit=1)
    selects = [sql for sql in seen if "FROM documents" in sql]
    assert "WHERE documents.id IN" in selects[0] and "LIMIT" in selects[1]
