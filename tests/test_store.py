"""The store keeps ledgers losslessly, never duplicates them, and answers the queries the CLI needs.

Ledgers are built by hand from the model, so these tests need no spaCy model
and pin the store's contract independently of what extraction produces.
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from reportedly.model import (
    ChainLink,
    Claim,
    ClaimKind,
    Cue,
    Document,
    Entity,
    EntityType,
    Ledger,
    Quantity,
    QuantityScope,
    Section,
    SectionKind,
    SourceMention,
    Span,
    Stance,
    TimeExpr,
)
from reportedly.store import SaveResult, Store, StoreError
from reportedly.store.engine import head_revision
from reportedly.store.schema import metadata
from reportedly.store.search import SEARCH_TABLES

TEXT_A = (
    "North Korea has troops in Russia, Seoul says\n"
    "SEOUL, Nov 20 - North Korea has sent about 10,000 troops to Russia, the National Intelligence "
    'Service said on Wednesday. "They are already fighting in Kursk," the NIS said.\n'
    "Lawmakers said the NIS told them that casualties had been reported since last month.\n"
    "The Russian embassy denied the report."
)

TEXT_B = (
    "Ukraine says North Korean soldiers engaged\n"
    "KYIV - South Korea's spy agency estimated that between 11,000 and 12,000 soldiers are in Kursk, "
    "a Ukrainian official said on Monday.\n"
    "The United States and South Korea said the troops were moving."
)


def at(doc_text: str, fragment: str, after: int = 0) -> Span:
    start = doc_text.index(fragment, after)
    return Span(start, start + len(fragment), fragment)


def mention(doc_text: str, fragment: str, entity: Entity | None, after: int = 0) -> SourceMention:
    s = at(doc_text, fragment, after)
    return SourceMention(s.start, s.end, s.text, entity)


def cue(doc_text: str, fragment: str, lemma: str, after: int = 0) -> Cue:
    s = at(doc_text, fragment, after)
    return Cue(s.start, s.end, s.text, lemma)


def nis(*aliases: str) -> Entity:
    return Entity("nis", "National Intelligence Service", EntityType.AGENCY, list(aliases))


def ledger_a() -> Ledger:
    t = TEXT_A
    headline_end = t.index("\n")
    body = headline_end + 1
    doc = Document(
        text=t,
        title="North Korea has troops in Russia, Seoul says",
        outlet="Example Wire",
        url="https://example.com/a",
        published=date(2024, 11, 20),
        dateline=at(t, "SEOUL, Nov 20"),
        byline=None,
        paragraphs=[Span(0, headline_end, t[:headline_end]), Span(body, len(t), t[body:])],
        sections=[Section(SectionKind.HEADLINE, 0, headline_end), Section(SectionKind.BODY, body, len(t))],
        meta={"language": "en", "tags": ["korea"]},
    )
    agency = nis("NIS", "the NIS")
    lawmakers = Entity("a-lawmakers-1", "lawmakers", EntityType.OFFICIAL_GROUP, ["Lawmakers"], anonymous=True)
    s1 = at(t, "North Korea has sent")
    sent1 = Span(s1.start, t.index("Wednesday.") + len("Wednesday."), "")
    sent1 = Span(sent1.start, sent1.end, t[sent1.start : sent1.end])
    c1 = Claim(
        id="a-0",
        kind=ClaimKind.INDIRECT,
        section=SectionKind.BODY,
        stance=Stance.CONFIRMED,
        cue=cue(t, "said", "say", sent1.start),
        content=[at(t, "North Korea has sent about 10,000 troops to Russia")],
        source=mention(t, "the National Intelligence Service", agency),
        quantities=[
            Quantity(
                *_offsets(t, "about 10,000"),
                value=10000.0,
                approximate=True,
                unit="troops",
                scope=QuantityScope.POINT,
            )
        ],
        times=[TimeExpr(*_offsets(t, "Wednesday"), resolved="2024-11-20", granularity="day")],
        sentence=sent1,
    )
    quote = at(t, "They are already fighting in Kursk,")
    c2 = Claim(
        id="a-1",
        kind=ClaimKind.DIRECT,
        section=SectionKind.BODY,
        stance=Stance.ASSERTED,
        cue=cue(t, "said", "say", quote.end),
        content=[quote],
        source=mention(t, "the NIS", agency, quote.end),
        inverted=True,
        hedges=["already"],
    )
    lm = at(t, "Lawmakers")
    c3 = Claim(
        id="a-2",
        kind=ClaimKind.INDIRECT,
        section=SectionKind.BODY,
        stance=Stance.REPORTED,
        cue=cue(t, "said", "say", lm.end),
        content=[at(t, "casualties had been reported"), at(t, "since last month")],
        source=SourceMention(lm.start, lm.end, lm.text, lawmakers),
        chain=[
            ChainLink(lawmakers, cue="said", mention=lm),
            ChainLink(agency, cue="told", mention=at(t, "the NIS", lm.end)),
        ],
        times=[TimeExpr(*_offsets(t, "last month"), resolved="2024-10", granularity="month")],
        hedges=["had been reported"],
    )
    c4 = Claim(
        id="a-3",
        kind=ClaimKind.INDIRECT,
        section=SectionKind.BODY,
        stance=Stance.DENIED,
        cue=cue(t, "denied", "deny"),
        content=[at(t, "the report")],
        source=mention(t, "The Russian embassy", None),
        negated=True,
    )
    return Ledger(doc, [c1, c2, c3, c4], [agency, lawmakers])


def ledger_b() -> Ledger:
    t = TEXT_B
    doc = Document(text=t, title="Ukraine says North Korean soldiers engaged", published=date(2024, 11, 25))
    agency = nis("South Korea's spy agency")
    official = Entity("b-ukrainian-official", "a Ukrainian official", EntityType.PERSON, anonymous=True)
    c1 = Claim(
        id="b-0",
        kind=ClaimKind.INDIRECT,
        section=SectionKind.BODY,
        stance=Stance.ESTIMATED,
        cue=cue(t, "estimated", "estimate"),
        content=[at(t, "between 11,000 and 12,000 soldiers are in Kursk")],
        source=mention(t, "South Korea's spy agency", agency),
        chain=[ChainLink(official, cue="said"), ChainLink(agency, cue="estimated")],
        quantities=[
            Quantity(
                *_offsets(t, "between 11,000 and 12,000"),
                low=11000.0,
                high=12000.0,
                unit="soldiers",
                scope=QuantityScope.POINT,
            )
        ],
    )
    us = Entity("united-states", "United States", EntityType.COUNTRY, ["The United States"])
    korea = Entity("south-korea", "South Korea", EntityType.COUNTRY)
    c2 = Claim(
        id="b-1",
        kind=ClaimKind.INDIRECT,
        section=SectionKind.BODY,
        stance=Stance.ASSERTED,
        cue=cue(t, "said", "say", t.index("The United States")),
        content=[at(t, "the troops were moving")],
        source=SourceMention(*_offsets(t, "The United States and South Korea"), entity=us, joint=[korea]),
    )
    return Ledger(doc, [c1, c2], [agency, official, us, korea])


def _offsets(doc_text: str, fragment: str) -> tuple[int, int, str]:
    s = at(doc_text, fragment)
    return s.start, s.end, s.text


def expected_claims(*ledgers: Ledger) -> list[dict]:
    out = [{**c.to_dict(), "document_id": lg.document.id} for lg in ledgers for c in lg.claims]
    # Ordered by document id, then position in the ledger (a stable sort keeps the latter).
    return sorted(out, key=lambda d: d["document_id"])


@pytest.fixture
def store(tmp_path: Path):
    with Store(tmp_path / "ledger.db") as s:
        yield s


@pytest.fixture
def filled(store: Store) -> Store:
    store.save(ledger_a(), source="a.html")
    store.save(ledger_b(), source="https://example.com/b")
    return store


def ids(claims: list[dict]) -> set[str]:
    return {c["id"] for c in claims}


def test_ledgers_are_valid_fixtures() -> None:
    assert ledger_a().validate() == []
    assert ledger_b().validate() == []


def test_claims_round_trip_as_claim_to_dict(filled: Store) -> None:
    stored = filled.claims()
    assert stored == expected_claims(ledger_a(), ledger_b())
    # The fixtures exercise every part of a claim, so equality is not vacuous.
    by_id = {c["id"]: c for c in stored}
    assert by_id["a-2"]["chain"][1]["mention"]["text"] == "the NIS"
    assert by_id["a-2"]["content"]["text"] == "casualties had been reported … since last month"
    assert by_id["a-0"]["sentence"]["text"].endswith("said on Wednesday.")
    assert by_id["b-0"]["quantities"][0]["low"] == 11000.0
    assert by_id["b-1"]["source"]["joint"] == ["South Korea"]
    assert by_id["a-3"]["source"]["entity_id"] is None


@pytest.mark.parametrize("make", [ledger_a, ledger_b])
def test_ledger_round_trip(store: Store, make) -> None:
    original = make()
    result = store.save(original)
    assert result == SaveResult(original.document.id, True, len(original.claims))
    assert store.ledger(original.document.id) == original.to_dict()


def test_ledger_entities_show_aliases_merged_across_documents(filled: Store) -> None:
    stored = filled.ledger(ledger_a().document.id)
    agency = next(e for e in stored["entities"] if e["id"] == "nis")
    assert agency["aliases"] == ["NIS", "South Korea's spy agency", "the NIS"]
    with pytest.raises(StoreError):
        filled.ledger("no-such-document")


def test_save_is_idempotent(filled: Store) -> None:
    before = filled.counts()
    again = filled.save(ledger_a(), source="elsewhere.html")
    assert again == SaveResult(ledger_a().document.id, False, 4)
    # Same text, freshly built document: same id, still nothing new.
    fresh = Ledger(Document(text=TEXT_B))
    assert filled.save(fresh) == SaveResult(fresh.document.id, False, 2)
    assert filled.counts() == before
    assert before["documents"] == 2
    assert before["claims"] == 6


def test_source_filter_matches_alias_case_insensitively_and_chain(filled: Store) -> None:
    by_nis = filled.claims(source="nis")
    # a-2 was said by lawmakers, relayed from the NIS: it counts as the NIS's too.
    assert ids(by_nis) == {"a-0", "a-1", "a-2", "b-0"}
    assert ids(filled.claims(source="SOUTH KOREA'S SPY AGENCY")) == ids(by_nis)
    assert ids(filled.claims(source="National Intelligence Service")) == ids(by_nis)
    assert ids(filled.claims(source="lawmakers")) == {"a-2"}
    assert ids(filled.claims(source="a Ukrainian official")) == {"b-0"}
    assert ids(filled.claims(source="the russian embassy")) == {"a-3"}
    assert filled.claims(source="nobody") == []
    # A joint statement is each speaker's statement.
    assert ids(filled.claims(source="south korea")) == {"b-1"}
    assert ids(filled.claims(source="the united states")) == {"b-1"}


def test_filters_combine(filled: Store) -> None:
    assert ids(filled.claims(stance="denied")) == {"a-3"}
    assert ids(filled.claims(stance=Stance.ESTIMATED)) == {"b-0"}
    assert ids(filled.claims(kind="direct")) == {"a-1"}
    assert ids(filled.claims(source="nis", stance="reported")) == {"a-2"}
    assert ids(filled.claims(document=ledger_b().document.id)) == {"b-0", "b-1"}
    with pytest.raises(StoreError, match="stance"):
        filled.claims(stance="rumoured")


def test_limit_and_offset_page_in_order(filled: Store) -> None:
    everything = filled.claims()
    assert filled.claims(limit=2) == everything[:2]
    assert filled.claims(limit=2, offset=2) == everything[2:4]
    assert filled.claims(offset=3) == everything[3:]
    assert filled.claims(limit=0) == []


def test_documents_and_entities_listings(filled: Store) -> None:
    docs = {d["id"]: d for d in filled.documents()}
    a = docs[ledger_a().document.id]
    assert (a["title"], a["outlet"], a["published"], a["url"], a["claims"]) == (
        "North Korea has troops in Russia, Seoul says",
        "Example Wire",
        "2024-11-20",
        "https://example.com/a",
        4,
    )
    assert a["source"] == "a.html"
    assert docs[ledger_b().document.id]["claims"] == 2

    ents = {e["id"]: e for e in filled.entities()}
    assert set(ents) == {"nis", "a-lawmakers-1", "b-ukrainian-official", "united-states", "south-korea"}
    assert ents["nis"]["claims"] == len(filled.claims(source="nis")) == 4
    assert ents["nis"]["type"] == "agency"
    assert ents["a-lawmakers-1"]["anonymous"] is True
    assert ents["a-lawmakers-1"]["claims"] == 1
    assert ents["south-korea"]["claims"] == 1


def test_entity_upsert_keeps_first_name_and_fills_unknown_type(store: Store) -> None:
    t = "The spy agency said it was true."
    vague = Entity("nis", "spy agency", EntityType.UNKNOWN)
    first = Ledger(Document(text=t), entities=[vague])
    store.save(first)
    store.save(Ledger(Document(text=TEXT_B), entities=[nis("NIS")]))
    (entity,) = store.entities()
    assert entity["name"] == "spy agency"
    assert entity["type"] == "agency"
    assert entity["aliases"] == ["NIS", "National Intelligence Service"]


def test_delete_document_cascades(filled: Store) -> None:
    a = ledger_a().document.id
    filled.delete_document(a)
    counts = filled.counts()
    assert counts["documents"] == 1
    assert counts["claims"] == 2
    assert counts["joint_sources"] == 1
    assert counts["chain_links"] == 2  # b-0's chain
    assert counts["quantities"] == 1
    assert counts["time_expressions"] == 0
    assert counts["document_entities"] == 4
    assert counts["entities"] == 5  # entities outlive the documents that named them
    assert ids(filled.claims()) == {"b-0", "b-1"}
    with pytest.raises(StoreError):
        filled.delete_document(a)
    # Deleted means re-ingestable.
    assert filled.save(ledger_a()).created is True


def test_foreign_keys_are_enforced(filled: Store) -> None:
    with filled.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    with pytest.raises(IntegrityError), filled.engine.begin() as conn:
        conn.execute(
            text("INSERT INTO chain_links (claim_id, position, entity_id) VALUES ('a-0', 9, 'missing')")
        )
    assert filled.counts()["chain_links"] == 4


def test_migration_creates_schema_at_head(store: Store, tmp_path: Path) -> None:
    # The full-text index (migration 0003, SQLite only) is not part of schema.py.
    tables = set(inspect(store.engine).get_table_names()) - SEARCH_TABLES
    assert tables == {
        "alembic_version",
        "documents",
        "entities",
        "entity_aliases",
        "document_entities",
        "claims",
        "joint_sources",
        "chain_links",
        "quantities",
        "time_expressions",
        "ingest_errors",
        # stories (migration 0002)
        "link_runs",
        "stories",
        "story_documents",
        "claim_clusters",
        "cluster_claims",
        "conflicts",
        "claim_measures",
        "link_vectors",
        "user_aliases",
    }
    claim_indexes = {ix["name"] for ix in inspect(store.engine).get_indexes("claims")}
    assert {"ix_claims_document_id", "ix_claims_source_entity_id", "ix_claims_stance"} <= claim_indexes
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == head_revision()
        # The hand-written migrations must build exactly what schema.py declares.
        opts = {"include_object": lambda _o, name, kind, *_: not (kind == "table" and name in SEARCH_TABLES)}
        diff = compare_metadata(MigrationContext.configure(conn, opts=opts), metadata)
    assert diff == []


def test_reopening_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "dir" / "ledger.db"
    with Store(path) as first:
        first.save(ledger_a())
        expected = first.claims()
    with Store(str(path)) as again:
        assert again.claims() == expected
        assert again.save(ledger_a()).created is False
    with Store(f"sqlite:///{path}") as by_url:
        assert by_url.url == f"sqlite:///{path}"
        assert len(by_url.documents()) == 1


def test_database_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "ledger.db"
    Store(path).close()
    raw = sqlite3.connect(path)
    with raw:
        raw.execute("UPDATE alembic_version SET version_num = '9999'")
    raw.close()
    with pytest.raises(StoreError, match="9999"):
        Store(path)


def test_errors_are_recorded_and_listed(store: Store) -> None:
    assert store.errors() == []
    store.record_error("https://example.com/x", "fetch", "HTTP 404")
    store.record_error("feed.xml", "empty", "no article text")
    errors = store.errors()
    assert [(e["source"], e["reason"], e["message"]) for e in errors] == [
        ("https://example.com/x", "fetch", "HTTP 404"),
        ("feed.xml", "empty", "no article text"),
    ]
    assert errors[0]["id"] < errors[1]["id"]
    assert errors[0]["at"].endswith("+00:00")


def test_ledger_whose_offsets_do_not_match_is_refused(store: Store) -> None:
    bad = ledger_a()
    c = bad.claims[0]
    assert c.sentence is not None
    bad.claims[0] = replace(c, sentence=Span(c.sentence.start + 1, c.sentence.end, c.sentence.text))
    with pytest.raises(StoreError, match="sentence"):
        store.save(bad)
    assert store.counts()["documents"] == 0
    # Once the article is stored, a later (even faulty) analysis of it is simply not new.
    store.save(ledger_a())
    assert store.save(bad).created is False


def test_claim_ids_are_generated_when_missing_and_must_not_collide(store: Store) -> None:
    a = ledger_a()
    for c in a.claims:
        c.id = ""
    store.save(a)
    assert [c["id"] for c in store.claims()] == [f"{a.document.id}-{i}" for i in range(4)]

    b = ledger_b()
    b.claims[0].id = f"{a.document.id}-0"
    with pytest.raises(StoreError, match="claim ids"):
        store.save(b)
    assert store.counts()["documents"] == 1


def test_in_memory_store(tmp_path: Path) -> None:
    with Store(":memory:") as mem:
        mem.save(ledger_a())
        mem.save(ledger_b())
        assert mem.claims() == expected_claims(ledger_a(), ledger_b())


def test_unusable_url_is_a_store_error() -> None:
    with pytest.raises(StoreError, match="cannot open"):
        Store("nosuchdialect://host/db")
