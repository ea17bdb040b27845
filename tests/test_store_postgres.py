"""The store on PostgreSQL: same contract as on SQLite, checked against a real server.

"Any SQLAlchemy URL" is only a promise until it runs, so these tests open the
store on a PostgreSQL database (tests/pg.py starts a throwaway server, or uses
``REPORTEDLY_TEST_POSTGRES_URL``) and check what test_store.py checks on
SQLite: the migrations build exactly the declared schema, ledgers come back
losslessly, saving is idempotent, the filters and the search fallback find the
right claims, and linking, the CLI and the web API give the answers they give
on SQLite. Where a result can be compared with SQLite's it is, on the same
hand-built ledgers, so a difference between the databases shows up as a
failing comparison. Without a server or the psycopg driver these tests skip.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.pool import NullPool
from typer.testing import CliRunner

from reportedly.api import create_app
from reportedly.cli import app as cli
from reportedly.link import TfidfEmbedder, ensure_linked
from reportedly.model import (
    Claim,
    ClaimKind,
    Cue,
    Document,
    Entity,
    EntityType,
    Ledger,
    Section,
    SectionKind,
    SourceMention,
    Span,
    Stance,
)
from reportedly.store import SaveResult, Store, StoreError
from reportedly.store.engine import alembic_config, head_revision
from reportedly.store.schema import claims as claims_table
from reportedly.store.schema import documents as documents_table
from reportedly.store.schema import metadata
from reportedly.store.schema import quantities as quantities_table
from test_cli import ARTICLE
from test_link_story import CONTAINERS, FIXTURES, TROOPS, load_ledger
from test_store import TEXT_B, expected_claims, ids, ledger_a, ledger_b, nis
from test_store_links import CLUSTER_ORDER, MEASURE_ORDER, STORY_ORDER, save_link_run
from web_ledgers import MEASURE, STORY_ID, ferry_ledger, hostile_ledger, save_story

pytestmark = pytest.mark.slow  # starts a PostgreSQL server and runs the store suite again on it

SCHEMA_TABLES = {t.name for t in metadata.sorted_tables} | {"alembic_version"}


@pytest.fixture
def pg_store(pg_url: str) -> Iterator[Store]:
    with Store(pg_url) as s:
        yield s


@pytest.fixture
def pg_filled(pg_store: Store) -> Store:
    pg_store.save(ledger_a(), source="a.html")
    pg_store.save(ledger_b(), source="https://example.com/b")
    return pg_store


@pytest.fixture
def sqlite_filled(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "ledger.db") as s:
        s.save(ledger_a(), source="a.html")
        s.save(ledger_b(), source="https://example.com/b")
        yield s


UNICODE_TEXT = (
    "Ålesund ferry “Ørnen” 🚢 stays in port\n"
    "The Ålesund harbour master said that the ferry 🚢 would stay in port until Friday. "
    "Zoë Ångström, a spokeswoman for the operator, said the storm was the worst since 1994."
)


def unicode_ledger() -> Ledger:
    """Letters outside ASCII and a character outside the BMP before every offset after the title.

    Offsets are Python code points; a database that counted UTF-16 units or
    bytes would cut every span after the ship emoji in the wrong place.
    """
    t = UNICODE_TEXT
    head_end = t.index("\n")
    doc = Document(
        text=t,
        title=t[:head_end],
        outlet="Sunnmøre Tidende",
        published=date(2024, 2, 1),
        paragraphs=[Span(0, head_end, t[:head_end]), Span(head_end + 1, len(t), t[head_end + 1 :])],
        sections=[
            Section(SectionKind.HEADLINE, 0, head_end),
            Section(SectionKind.BODY, head_end + 1, len(t)),
        ],
        meta={"note": "Bokmål – “quoted”"},
    )
    master = Entity("alesund-harbour-master", "Ålesund harbour master", EntityType.PERSON, ["havnesjef"])
    zoe = Entity("zoe-angstrom", "Zoë Ångström", EntityType.PERSON)

    def at(fragment: str, after: int = 0) -> Span:
        start = t.index(fragment, after)
        return Span(start, start + len(fragment), fragment)

    first_sentence_end = t.index("Friday.") + len("Friday.")
    src0 = at("The Ålesund harbour master")
    said0 = at("said", src0.end)
    src1 = at("Zoë Ångström")
    said1 = at("said", src1.end)
    c0 = Claim(
        id="uni-0",
        kind=ClaimKind.INDIRECT,
        section=SectionKind.BODY,
        stance=Stance.ASSERTED,
        cue=Cue(said0.start, said0.end, said0.text, "say"),
        content=[at("the ferry 🚢 would stay in port until Friday")],
        source=SourceMention(src0.start, src0.end, src0.text, master),
        sentence=Span(src0.start, first_sentence_end, t[src0.start : first_sentence_end]),
    )
    c1 = Claim(
        id="uni-1",
        kind=ClaimKind.INDIRECT,
        section=SectionKind.BODY,
        stance=Stance.ASSERTED,
        cue=Cue(said1.start, said1.end, said1.text, "say"),
        content=[at("the storm was the worst since 1994")],
        source=SourceMention(src1.start, src1.end, src1.text, zoe),
        sentence=Span(src1.start, len(t), t[src1.start :]),
    )
    return Ledger(doc, [c0, c1], [master, zoe])


def spans_reproduce(store: Store) -> int:
    """Checks every offset served against the stored text; returns how many were checked."""
    checked = 0
    for listed in store.documents():
        doc_text = store.load(listed["id"]).document.text
        for c in store.ledger(listed["id"])["claims"]:
            pieces = [c["cue"]] + ([c["source"]] if c["source"] else [])
            pieces += [c["sentence"]] if c["sentence"] else []
            pieces += [link["mention"] for link in c["chain"] if link["mention"]]
            pieces += c["quantities"] + c["times"]
            for p in pieces:
                assert doc_text[p["start"] : p["end"]] == p["text"], (c["id"], p)
                checked += 1
            for start, end in c["content"]["spans"]:
                assert doc_text[start:end] in c["content"]["text"]
                checked += 1
    return checked


# -- schema ----------------------------------------------------------------------------------------


def test_migrations_build_the_declared_schema_on_an_empty_database(pg_url: str) -> None:
    engine = create_engine(pg_url, poolclass=NullPool)
    try:
        assert inspect(engine).get_table_names() == []
    finally:
        engine.dispose()
    with Store(pg_url) as store:
        found = inspect(store.engine)
        # Migration 0003 (FTS5 index, triggers, Datasette views) is SQLite's alone: nothing of it here.
        assert set(found.get_table_names()) == SCHEMA_TABLES
        assert found.get_view_names() == []
        claim_indexes = {ix["name"] for ix in found.get_indexes("claims")}
        assert {"ix_claims_document_id", "ix_claims_source_entity_id", "ix_claims_stance"} <= claim_indexes
        with store.engine.connect() as conn:
            assert conn.scalar(text("SELECT version_num FROM alembic_version")) == head_revision()
            assert conn.scalar(text("SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal")) == 0
            # The hand-written migrations must build exactly what schema.py declares, types included.
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            assert compare_metadata(context, metadata) == []
        assert store.full_text is False
        store.save(ledger_a())
    # Opening it again finds the schema at head and the data as it was.
    with Store(pg_url) as again:
        assert again.counts()["claims"] == 4


def test_an_older_schema_is_upgraded_in_place(pg_url: str) -> None:
    engine = create_engine(pg_url, poolclass=NullPool)
    try:
        cfg = alembic_config()
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "0001")
            conn.execute(
                text("INSERT INTO ingest_errors (source, reason, message, at) VALUES ('x', 'y', 'z', now())")
            )
    finally:
        engine.dispose()
    with Store(pg_url) as store:
        assert store.errors()[0]["source"] == "x"
        assert set(inspect(store.engine).get_table_names()) == SCHEMA_TABLES
        store.record_error("w", "v", "u")  # the id sequence carried over: no duplicate key
        assert [e["id"] for e in store.errors()] == [1, 2]


def test_a_database_from_a_newer_version_is_refused(pg_url: str) -> None:
    Store(pg_url).close()
    engine = create_engine(pg_url, poolclass=NullPool)
    try:
        with engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    finally:
        engine.dispose()
    with pytest.raises(StoreError, match="9999"):
        Store(pg_url)


def test_a_missing_database_is_a_store_error(pg_url: str) -> None:
    with pytest.raises(StoreError, match="cannot open"):
        Store(pg_url.replace("/reportedly_test_", "/no_such_database_", 1))


# -- saving and reading back -----------------------------------------------------------------------


@pytest.mark.parametrize("make", [ledger_a, ledger_b, unicode_ledger])
def test_ledger_round_trip(pg_store: Store, make) -> None:  # noqa: ANN001 - a ledger factory
    original = make()
    assert original.validate() == []
    assert pg_store.save(original) == SaveResult(original.document.id, True, len(original.claims))
    assert pg_store.ledger(original.document.id) == original.to_dict()
    loaded = pg_store.load(original.document.id).document
    assert (loaded.text, loaded.published, loaded.meta) == (
        original.document.text,
        original.document.published,
        original.document.meta,
    )
    assert spans_reproduce(pg_store) >= 3 * len(original.claims)


def test_claims_round_trip_as_on_sqlite(pg_filled: Store, sqlite_filled: Store) -> None:
    stored = pg_filled.claims()
    assert stored == expected_claims(ledger_a(), ledger_b()) == sqlite_filled.claims()
    by_id = {c["id"]: c for c in stored}
    assert by_id["a-2"]["chain"][1]["mention"]["text"] == "the NIS"
    assert by_id["a-1"]["inverted"] is True and by_id["a-3"]["negated"] is True
    assert by_id["a-0"]["quantities"][0]["approximate"] is True
    assert by_id["b-1"]["source"]["joint"] == ["South Korea"]
    agency = next(e for e in pg_filled.ledger(ledger_a().document.id)["entities"] if e["id"] == "nis")
    assert agency["aliases"] == ["NIS", "South Korea's spy agency", "the NIS"]


def test_saving_again_creates_nothing(pg_filled: Store) -> None:
    before = pg_filled.counts()
    assert pg_filled.save(ledger_a(), source="elsewhere.html") == SaveResult(ledger_a().document.id, False, 4)
    fresh = Ledger(Document(text=TEXT_B))  # same text, freshly built: same document
    assert pg_filled.save(fresh) == SaveResult(fresh.document.id, False, 2)
    assert pg_filled.counts() == before
    assert (before["documents"], before["claims"], before["entities"]) == (2, 6, 5)
    assert [d["source"] for d in pg_filled.documents()] == ["a.html", "https://example.com/b"]


def test_listings_match_sqlite(pg_filled: Store, sqlite_filled: Store) -> None:
    def without_times(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [{k: v for k, v in r.items() if k != "ingested_at"} for r in rows]

    assert without_times(pg_filled.documents()) == without_times(sqlite_filled.documents())
    assert pg_filled.documents()[0]["ingested_at"].endswith("+00:00")
    assert pg_filled.entities() == sqlite_filled.entities()
    ents = {e["id"]: e for e in pg_filled.entities()}
    assert (ents["nis"]["claims"], ents["a-lawmakers-1"]["anonymous"]) == (4, True)


def test_entity_upsert_keeps_first_name_and_fills_unknown_type(pg_store: Store) -> None:
    pg_store.save(
        Ledger(
            Document(text="The spy agency said it was true."),
            entities=[Entity("nis", "spy agency", EntityType.UNKNOWN)],
        )
    )
    pg_store.save(Ledger(Document(text=TEXT_B), entities=[nis("NIS")]))
    (entity,) = pg_store.entities()
    assert (entity["name"], entity["type"]) == ("spy agency", "agency")
    assert entity["aliases"] == ["NIS", "National Intelligence Service"]


def test_refusals_leave_nothing_behind(pg_store: Store) -> None:
    bad = ledger_a()
    c = bad.claims[0]
    assert c.sentence is not None
    bad.claims[0] = replace(c, sentence=Span(c.sentence.start + 1, c.sentence.end, c.sentence.text))
    with pytest.raises(StoreError, match="sentence"):
        pg_store.save(bad)
    pg_store.save(ledger_a())
    b = ledger_b()
    b.claims[0].id = "a-0"  # taken by ledger_a
    with pytest.raises(StoreError, match="claim ids"):
        pg_store.save(b)
    assert (pg_store.counts()["documents"], pg_store.counts()["entities"]) == (1, 2)


def test_delete_cascades_and_foreign_keys_hold(pg_filled: Store) -> None:
    with pytest.raises(IntegrityError), pg_filled.engine.begin() as conn:
        conn.execute(
            text("INSERT INTO chain_links (claim_id, position, entity_id) VALUES ('a-0', 9, 'missing')")
        )
    pg_filled.delete_document(ledger_a().document.id)
    counts = pg_filled.counts()
    assert (counts["documents"], counts["claims"], counts["chain_links"]) == (1, 2, 2)
    assert counts["time_expressions"] == 0
    assert counts["entities"] == 5
    with pytest.raises(StoreError):
        pg_filled.delete_document(ledger_a().document.id)
    assert pg_filled.save(ledger_a()).created is True


def test_concurrent_saves_sharing_new_entities(pg_url: str) -> None:
    """Writers that all bring the same new entities, some the same article, must all succeed.

    On SQLite one writer at a time holds the file; PostgreSQL runs them side
    by side, so "look up the entity, insert it if missing" races unless the
    store serialises its write transactions. Six articles, each saved twice.
    """
    shared = [nis("NIS"), Entity("united-states", "United States", EntityType.COUNTRY)]
    ledgers = [
        Ledger(Document(text=f"Report {i % 6}: the NIS said it was so."), entities=list(shared))
        for i in range(12)
    ]
    stores = [Store(pg_url) for _ in range(4)]
    start = threading.Barrier(len(ledgers))
    failures: list[BaseException] = []
    created: list[bool] = []

    def save(i: int) -> None:
        start.wait()
        try:
            created.append(stores[i % len(stores)].save(ledgers[i]).created)
        except BaseException as exc:  # noqa: BLE001 - reported below
            failures.append(exc)

    threads = [threading.Thread(target=save, args=(i,)) for i in range(len(ledgers))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for s in stores:
        s.close()
    assert failures == []
    assert sorted(created) == [False] * 6 + [True] * 6
    with Store(pg_url) as store:
        counts = store.counts()
        assert (counts["documents"], counts["entities"], counts["entity_aliases"]) == (6, 2, 1)


def test_concurrent_first_opens_migrate_once(pg_url: str) -> None:
    """Processes opening a new database at the same moment all end up at head, none failing.

    Separate processes, as two ``reportedly ingest`` runs would be: each
    waits for the other's migration instead of creating the same tables.
    """
    at = time.time() + 3  # after every process has imported the store
    script = (
        "import sys, time; from reportedly.store import Store; "
        "time.sleep(max(0.0, float(sys.argv[2]) - time.time())); Store(sys.argv[1]).close()"
    )
    procs = [
        subprocess.Popen([sys.executable, "-c", script, pg_url, str(at)], stderr=subprocess.PIPE, text=True)
        for _ in range(4)
    ]
    errors = [p.communicate(timeout=120)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0, 0], errors
    with Store(pg_url) as store, store.engine.connect() as conn:
        assert conn.scalar(text("SELECT version_num FROM alembic_version")) == head_revision()


# -- queries ---------------------------------------------------------------------------------------

SOURCE_QUERIES = {
    "nis": {"a-0", "a-1", "a-2", "b-0"},  # a-2 was said by lawmakers, relayed from the NIS
    "SOUTH KOREA'S SPY AGENCY": {"a-0", "a-1", "a-2", "b-0"},
    "National Intelligence Service": {"a-0", "a-1", "a-2", "b-0"},
    "lawmakers": {"a-2"},
    "a Ukrainian official": {"b-0"},
    "the russian embassy": {"a-3"},  # unresolved: matched on the mention text
    "THE RUSSIAN EMBASSY": {"a-3"},
    "south korea": {"b-1"},  # a joint statement is each speaker's
    "the united states": {"b-1"},
    "nobody": set(),
}


@pytest.mark.parametrize(("needle", "expected"), SOURCE_QUERIES.items())
def test_source_filter(pg_filled: Store, sqlite_filled: Store, needle: str, expected: set[str]) -> None:
    found = pg_filled.claims(source=needle)
    assert ids(found) == expected
    assert found == sqlite_filled.claims(source=needle)


def folds_non_ascii_case(store: Store) -> bool:
    """Whether the database's lower() knows "Å" (its ctype is UTF-8 aware); a C-locale one does not."""
    with store.engine.connect() as conn:
        return bool(conn.scalar(text("SELECT lower('ÅØ') = 'åø'")))


def test_unresolved_source_matches_non_ascii_case_insensitively(pg_store: Store) -> None:
    if not folds_non_ascii_case(pg_store):
        pytest.skip("this database's locale folds ASCII letters only")
    t = "ÅLESUND HAVN said the quay was closed."
    end = t.index(" said")
    pg_store.save(
        Ledger(
            Document(text=t),
            [
                Claim(
                    id="q-0",
                    kind=ClaimKind.INDIRECT,
                    section=SectionKind.BODY,
                    stance=Stance.ASSERTED,
                    cue=Cue(end + 1, end + 5, "said", "say"),
                    content=[Span(end + 6, len(t) - 1, t[end + 6 : -1])],
                    source=SourceMention(0, end, t[:end], None),
                )
            ],
        )
    )
    assert ids(pg_store.claims(source="ålesund havn")) == {"q-0"}


def test_column_filters_and_paging(pg_filled: Store, sqlite_filled: Store) -> None:
    assert ids(pg_filled.claims(stance="denied")) == {"a-3"}
    assert ids(pg_filled.claims(stance=Stance.ESTIMATED)) == {"b-0"}
    assert ids(pg_filled.claims(kind="direct")) == {"a-1"}
    assert ids(pg_filled.claims(source="nis", stance="reported")) == {"a-2"}
    assert ids(pg_filled.claims(document=ledger_b().document.id)) == {"b-0", "b-1"}
    with pytest.raises(StoreError, match="stance"):
        pg_filled.claims(stance="rumoured")
    everything = pg_filled.claims()
    assert [c["id"] for c in everything] == [c["id"] for c in sqlite_filled.claims()]
    assert pg_filled.claims(limit=2) == everything[:2]
    assert pg_filled.claims(limit=2, offset=2) == everything[2:4]
    assert pg_filled.claims(offset=3) == everything[3:]
    assert pg_filled.claims(limit=0) == []


PAGE_QUERIES: list[tuple[dict[str, Any], set[str]]] = [
    ({"section": "body"}, {"a-0", "a-1", "a-2", "a-3", "b-0", "b-1"}),
    ({"section": "headline"}, set()),
    ({"published_from": "2024-11-21"}, {"b-0", "b-1"}),
    ({"published_to": date(2024, 11, 20)}, {"a-0", "a-1", "a-2", "a-3"}),
    ({"published_from": "2024-11-21", "published_to": "2024-11-24"}, set()),
    ({"documents": [ledger_b().document.id]}, {"b-0", "b-1"}),
    ({"claim_ids": ["a-1", "b-1", "zzz"]}, {"a-1", "b-1"}),
    ({"source": "nis", "kind": "indirect", "published_to": "2024-11-20"}, {"a-0", "a-2"}),
    ({"stance": "asserted", "limit": 1, "offset": 1}, {"b-1"}),
]


@pytest.mark.parametrize(("query", "expected"), PAGE_QUERIES)
def test_claim_page_filters(
    pg_filled: Store, sqlite_filled: Store, query: dict[str, Any], expected: set[str]
) -> None:
    page = pg_filled.claim_page(**query)
    assert ids(page.items) == expected
    assert page.to_dict() == sqlite_filled.claim_page(**query).to_dict()


SEARCHES = {
    "troops Russia": {"a-0"},
    "TROOPS": {"a-0", "b-1"},  # case-insensitive
    "fight": {"a-1"},  # the last word is a prefix: fighting
    "kursk": {"a-1", "b-0"},
    "embassy": {"a-3"},  # the source as written
    "Intelligence": {"a-0", "a-1", "b-0"},  # the resolved source's name, whatever the mention
    "denied": {"a-3"},  # the cue
    "Wednesday": {"a-0"},  # the sentence around the claim
    "11,000 12,000": {"b-0"},  # punctuation is dropped, the numbers stay
    '"unbalanced quote NOT': set(),  # operators and quotes are searched for, never run
    "!!!": set(),
}


@pytest.mark.parametrize(("query", "expected"), SEARCHES.items())
def test_search_falls_back_to_substrings(
    pg_filled: Store, sqlite_filled: Store, query: str, expected: set[str]
) -> None:
    """Substring matching stands in for FTS5 and finds what FTS5 finds on these claims."""
    page = pg_filled.claim_page(search=query)
    assert ids(page.items) == expected
    assert page.total == len(expected)
    assert ids(sqlite_filled.claim_page(search=query).items) == expected


def test_search_fallback_is_not_fooled_by_like_wildcards(pg_filled: Store) -> None:
    assert ids(pg_filled.claim_page(search="10,000").items) == {"a-0"}
    assert pg_filled.claim_page(search="0_0").total == 0  # "_" is a character, not any character
    assert len(pg_filled.claim_page(search="").items) == 6  # an empty box filters nothing


def test_search_fallback_cuts_sentences_by_code_points(pg_store: Store) -> None:
    if not folds_non_ascii_case(pg_store):
        pytest.skip("this database's locale folds ASCII letters only")
    pg_store.save(unicode_ledger())
    # Only the sentence holds "Friday." before the claim's own words; "1994" only the second claim.
    assert ids(pg_store.claim_page(search="harbour master Friday").items) == {"uni-0"}
    assert ids(pg_store.claim_page(search="zoë ångström").items) == {"uni-1"}
    assert ids(pg_store.claim_page(search="ÅLESUND").items) == {"uni-0"}
    assert ids(pg_store.claim_page(search="havnesjef").items) == {"uni-0"}  # an alias of the source


def test_errors_are_recorded_in_order_with_utc_times(pg_store: Store) -> None:
    assert pg_store.errors() == []
    pg_store.record_error("https://example.com/x", "fetch", "HTTP 404")
    pg_store.record_error("feed.xml", "empty", "no article text — “nothing”")
    errors = pg_store.errors()
    assert [(e["source"], e["reason"], e["message"]) for e in errors] == [
        ("https://example.com/x", "fetch", "HTTP 404"),
        ("feed.xml", "empty", "no article text — “nothing”"),
    ]
    assert errors[0]["id"] < errors[1]["id"]
    assert all(e["at"].endswith("+00:00") for e in errors)
    # A session in another time zone reads the same instants, still given in UTC.
    elsewhere = pg_store.engine.url.update_query_dict({"options": "-c timezone=Asia/Tokyo"})
    with Store(elsewhere.render_as_string(hide_password=False)) as tokyo:
        with tokyo.engine.connect() as conn:
            assert conn.scalar(text("SHOW timezone")) == "Asia/Tokyo"
        assert tokyo.errors() == errors


def test_user_aliases_and_vectors(pg_store: Store) -> None:
    pg_store.add_user_alias("The Harbor Ledger", "Harbour Ledger Group", "media_outlet")
    pg_store.add_user_alias("harbor ledger", "Harbour Ledger Group")  # same key: replaces
    pg_store.add_user_alias("NIS", "National Intelligence Service", "agency")
    pg_store.add_user_alias("Zeta", "Zeta Press")
    pg_store.add_user_alias("the apple", "apple Daily")
    assert pg_store.user_aliases() == {
        "harbor ledger": ("Harbour Ledger Group", None),
        "nis": ("National Intelligence Service", "agency"),
        "zeta": ("Zeta Press", None),
        "apple": ("apple Daily", None),
    }
    rows = pg_store.user_alias_rows()
    # Code-point order, as on SQLite, whatever the database's collation ("en_US" would put "apple" first).
    assert [r["alias"] for r in rows] == ["harbor ledger", "NIS", "Zeta", "the apple"]
    assert rows[0]["added_at"].endswith("+00:00")
    pg_store.remove_user_alias("Harbor Ledger")
    with pytest.raises(StoreError):
        pg_store.remove_user_alias("Harbor Ledger")

    vectors = {f"item-{i}": np.arange(4, dtype=np.float32) / (i + 1) for i in range(600)}
    pg_store.save_vectors("tfidf", vectors)
    back = pg_store.cached_vectors("tfidf", [*vectors, "unknown"])
    assert set(back) == set(vectors)
    assert all(np.array_equal(back[k], v) for k, v in vectors.items())
    assert pg_store.cached_vectors("minilm", list(vectors)) == {}


# -- linking ---------------------------------------------------------------------------------------


def _fixture_ledgers() -> list[Ledger]:
    return [load_ledger(d) for d in json.loads((FIXTURES / "ledgers.json").read_text(encoding="utf-8"))]


def _story_view(store: Store) -> dict[str, Any]:
    """Everything the story verbs and the API read after a link run, in comparable form."""
    listed = store.stories()
    return {
        "stories": listed,
        "story": {s["id"]: [store.story(s["id"])[0].to_dict(), store.story(s["id"])[1]] for s in listed},
        "conflicts": [c.to_dict() for c in store.conflicts()],
        "measures": store.measures(),
        "timelines": {
            m["measure"]: [p.to_dict() for p in store.timeline(m["measure"])] for m in store.measures()
        },
        "run": {k: v for k, v in (store.last_link_run() or {}).items() if k not in ("built_at", "seconds")},
    }


def test_linking_gives_the_same_stories_as_on_sqlite(pg_store: Store, tmp_path: Path) -> None:
    ledgers = _fixture_ledgers()
    with Store(tmp_path / "story.db") as lite:
        for led in ledgers:
            lite.save(led)
            pg_store.save(led)
        on_sqlite = ensure_linked(lite, embedder=TfidfEmbedder())
        on_pg = ensure_linked(pg_store, embedder=TfidfEmbedder())
        assert on_sqlite is not None and on_pg is not None
        assert [s.to_dict() for s in on_pg.stories] == [s.to_dict() for s in on_sqlite.stories]
        view = _story_view(pg_store)
        assert view == _story_view(lite)
    names = {led.document.id: led.document.meta["file"][:2] for led in ledgers}
    groups = sorted(sorted(names[d] for d in s.documents) for s in on_pg.stories)
    assert groups == [["a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9"], ["d1"], ["d2", "d3"]]
    # one numeric row for one disagreement ("about 3,000" against three reports of 11,000-12,000,
    # the others on that row), as tests/test_link_story.py::test_conflicts expects on SQLite
    assert len(view["conflicts"]) == 6
    assert {c["kind"] for c in view["conflicts"]} == {"numeric", "stance", "polarity", "internal"}
    assert [m["measure"] for m in view["measures"]] == [TROOPS, f"{TROOPS} (west)", CONTAINERS]
    assert [(p["date"], p["value"]) for p in view["timelines"][CONTAINERS]] == [
        ("2024-10-01", 7000.0),
        ("2024-11-21", 13000.0),
    ]
    assert view["run"] == {
        "documents": 12,
        "claims": sum(len(led.claims) for led in ledgers),
        "method": "tfidf",
        "fingerprint": view["run"]["fingerprint"],
    }
    # Nothing changed since: the fingerprint read back from PostgreSQL says so.
    assert ensure_linked(pg_store, embedder=TfidfEmbedder()) is None
    pg_store.add_user_alias("Harbor Ledger", "Harbour Ledger Group")
    assert ensure_linked(pg_store, embedder=TfidfEmbedder()) is not None


def test_story_listings_sort_and_page_by_code_point_as_on_sqlite(pg_store: Store, tmp_path: Path) -> None:
    """Ties in stories, clusters and measures fall back to ids and names in code-point order.

    The test database sorts text like ``en_US`` (see tests/pg.py), which would put
    "apple" before "Zeta" and "s-apple" before "s-Zeta"; the pages are cut in SQL, so
    the order has to come from the query, not from the database's collation.
    """
    save_link_run(pg_store)
    with Store(tmp_path / "links.db") as lite:
        save_link_run(lite)
        assert pg_store.stories(min_documents=0) == lite.stories(min_documents=0)
        assert pg_store.measures() == lite.measures()
        on_pg, on_lite = pg_store.story("s-portview"), lite.story("s-portview")
        assert on_pg[0].to_dict() == on_lite[0].to_dict() and on_pg[1] == on_lite[1]
        assert [p.to_dict() for p in pg_store.timeline("Zeta sailings")] == [
            p.to_dict() for p in lite.timeline("Zeta sailings")
        ]
    assert [s["id"] for s in pg_store.stories(min_documents=0)] == STORY_ORDER
    assert [m["measure"] for m in pg_store.measures()] == MEASURE_ORDER
    assert [c.id for c in pg_store.story("s-portview")[0].clusters] == CLUSTER_ORDER
    middle = pg_store.story_page(min_documents=0, limit=2, offset=2).items
    assert [s["id"] for s in middle] == STORY_ORDER[2:4]
    assert [m["measure"] for m in pg_store.measure_page(limit=2, offset=1).items] == MEASURE_ORDER[1:3]
    assert [c.id for c in pg_store.cluster_page("s-portview", limit=1, offset=2).items] == CLUSTER_ORDER[2:]
    assert [c.kind.value for c in pg_store.conflict_page(limit=2, offset=1).items] == ["stance", "internal"]


# -- the CLI and the web API on PostgreSQL ---------------------------------------------------------


def _cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), env={"COLUMNS": "200"})
    return result.exit_code, result.output


def test_cli_ingest_then_claims(pg_url: str, tmp_path: Path) -> None:
    article = tmp_path / "pier.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    code, output = _cli("ingest", str(article), "--db", pg_url, "--json")
    assert code == 0, output
    first = json.loads(output)
    assert first["stored"] == 1 and first["claims"] >= 3
    code, output = _cli("ingest", str(article), "--db", pg_url, "--json")
    assert code == 0, output
    assert (json.loads(output)["stored"], json.loads(output)["unchanged"]) == (0, 1)

    code, output = _cli("claims", "--json", "--db", pg_url)
    assert code == 0, output
    rows = json.loads(output)
    assert len(rows) == first["claims"]
    for r in rows:  # offsets served from PostgreSQL reproduce the article's text
        assert ARTICLE[r["cue"]["start"] : r["cue"]["end"]] == r["cue"]["text"]
        for start, end in r["content"]["spans"]:
            assert ARTICLE[start:end] in r["content"]["text"]
    # The URL may come from the environment instead of --db.
    result = CliRunner().invoke(
        cli, ["claims", "--json", "--source", "ines varga"], env={"REPORTEDLY_DB": pg_url}
    )
    assert result.exit_code == 0, result.output
    by_varga = json.loads(result.output)
    assert by_varga and all(r["source"]["entity"] == "Ines Varga" for r in by_varga)

    # The same article stored in SQLite lists the same claims, field for field.
    lite = str(tmp_path / "ledger.db")
    assert _cli("ingest", str(article), "--db", lite, "--json")[0] == 0
    assert json.loads(_cli("claims", "--json", "--db", lite)[1]) == rows


def _no_clock(data: Any) -> Any:
    """``data`` without ``ingested_at``: when each store was written is all that may differ."""
    if isinstance(data, dict):
        return {k: _no_clock(v) for k, v in data.items() if k != "ingested_at"}
    if isinstance(data, list):
        return [_no_clock(v) for v in data]
    return data


def test_web_api_reads_a_postgres_store(pg_url: str, tmp_path: Path) -> None:
    lite = tmp_path / "web.db"
    for url in (pg_url, str(lite)):
        with Store(url) as store:
            store.save(ferry_ledger(), source="ferry.txt")
            store.save(hostile_ledger(), source="water.txt")
            save_story(store)
    with TestClient(create_app(pg_url)) as pg, TestClient(create_app(lite)) as sq:
        status = pg.get("/api/status").json()
        assert (status["documents"], status["claims"], status["full_text_search"]) == (3, 9, False)
        ferry_id = ferry_ledger().document.id
        one = pg.get(f"/api/documents/{ferry_id}").json()
        assert [c["id"] for c in one["claims"]] == ["ferry-0", "ferry-1", "ferry-2", "ferry-3"]
        assert one == sq.get(f"/api/documents/{ferry_id}").json()
        for params in (
            {},
            {"source": "harbour authority"},
            {"q": "sailings cancelled"},
            {"q": "Lund"},
            {"published_from": "2024-04-01"},
            {"limit": 2, "offset": 1},
        ):
            page = pg.get("/api/claims", params=params)
            assert page.status_code == 200, page.text
            assert page.json() == sq.get("/api/claims", params=params).json(), params
        assert {c["id"] for c in pg.get("/api/claims", params={"q": "sailings"}).json()["items"]} == {
            "ferry-0",
            "follow-0",
            "follow-2",
        }
        assert pg.get(f"/api/stories/{STORY_ID}").json()["measures"][0]["measure"] == MEASURE
        for path in (
            "/api/documents",
            "/api/entities",
            "/api/entities/harbour-authority",
            "/api/claims/ferry-2",
            "/api/claims/ferry-2/provenance",
            "/api/stories",
            f"/api/stories/{STORY_ID}",
            f"/api/stories/{STORY_ID}/clusters",
            f"/api/stories/{STORY_ID}/conflicts",
            f"/api/stories/{STORY_ID}/timeline",
            "/api/conflicts",
            "/api/measures",
            f"/api/timeline?measure={MEASURE}",
        ):
            response = pg.get(path)
            assert response.status_code == 200, (path, response.text)
            assert _no_clock(response.json()) == _no_clock(sq.get(path).json()), path
        for fmt in ("jsonl", "csv", "graphml"):
            assert (
                pg.get("/api/export", params={"format": fmt}).text
                == sq.get("/api/export", params={"format": fmt}).text
            ), fmt


def test_reads_bind_as_many_parameters_for_3000_documents_as_for_one(pg_store: Store) -> None:
    """No read binds one parameter per row it gathered: PostgreSQL refuses more than 65,535 per statement.

    A store-wide timeline or conflict list, or a big story, names thousands
    of claims and documents; passed on as ``IN (:id1, ...)`` they broke at
    65,536 on PostgreSQL. Copies made in SQL keep this quick: 3,000
    documents, each with one claim that counts troops, is in one story and
    conflicts with ledger_a's first claim.
    """
    pg_store.save(ledger_a())
    n = 3000

    def copy(table: Any, keys: dict[str, str], where: str) -> str:
        rest = [f'"{c.name}"' for c in table.columns if c.name not in keys]
        return (
            f"INSERT INTO {table.name} ({', '.join([*keys, *rest])}) "
            f"SELECT {', '.join([*keys.values(), *rest])} FROM {table.name}, generate_series(1, {n}) AS i "
            f"WHERE {where}"
        )

    with pg_store.engine.begin() as conn:
        conn.execute(text(copy(documents_table, {"id": "'d-' || i"}, f"id = '{ledger_a().document.id}'")))
        keys = {"id": "'x-' || i", "document_id": "'d-' || i", "ordinal": "0"}
        conn.execute(text(copy(claims_table, keys, "id = 'a-0'")))
        conn.execute(text(copy(quantities_table, {"claim_id": "'x-' || i"}, "claim_id = 'a-0'")))
        conn.execute(
            text(
                "INSERT INTO stories (id, title, entities) VALUES ('s-big', 'Troops', '[]');"
                "INSERT INTO story_documents (story_id, document_id, position) "
                f"SELECT 's-big', 'd-' || i, i FROM generate_series(1, {n}) AS i;"
                "INSERT INTO claim_measures (claim_id, position, measure, date) "
                f"SELECT 'x-' || i, 0, 'troops', DATE '2024-11-20' FROM generate_series(1, {n}) AS i;"
                "INSERT INTO conflicts (kind, story_id, claim_a, claim_b, why) "
                f"SELECT 'numeric', 's-big', 'x-' || i, 'a-0', 'copies' FROM generate_series(1, {n}) AS i"
            )
        )

    bound: list[int] = []

    def count(_conn: Any, _cursor: Any, _sql: str, parameters: Any, _context: Any, _many: bool) -> None:
        bound.append(len(parameters or ()))

    event.listen(pg_store.engine, "before_cursor_execute", count)
    try:
        points = pg_store.timeline("troops")
        found = pg_store.conflicts()
        story, summaries = pg_store.story("s-big")
        in_story = pg_store.timeline("troops", story="s-big")
    finally:
        event.remove(pg_store.engine, "before_cursor_execute", count)
    assert max(bound) < 20
    assert len(points) == len(in_story) == n
    assert {p.document_id for p in points} == {f"d-{i}" for i in range(1, n + 1)}
    assert all(p.evidence.text == "about 10,000" for p in points)
    assert len(found) == n and {c.b.id for c in found} == {"a-0"}
    assert len({c.a.document_id for c in found}) == n
    assert len(summaries) == len(story.documents) == n
    assert summaries[0]["id"] == "d-1" and summaries[-1]["id"] == f"d-{n}"


@pytest.mark.usefixtures("minilm")
def test_an_incremental_link_run_gives_the_same_rows_as_on_sqlite(pg_store: Store, tmp_path: Path) -> None:
    from reportedly.link.embed import default_embedder

    ledgers = sorted(_fixture_ledgers(), key=lambda led: (led.document.published, led.document.id))
    embedder = default_embedder()
    with Store(tmp_path / "story.db") as lite:
        for store in (lite, pg_store):
            for led in ledgers[:-2]:
                store.save(led)
            ensure_linked(store, embedder=embedder)
            for led in ledgers[-2:]:
                store.save(led)
            result = ensure_linked(store, embedder=embedder)
            assert result is not None and result.new_documents == 2
        assert _story_view(pg_store) == _story_view(lite)
