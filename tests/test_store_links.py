"""store/links.py: stories, clusters, conflicts, measures and timelines are ordered and paged in SQL.

A hand-built link run (no linking heuristics) whose ties can only be broken by the
rule each listing documents: equal counts fall back to dates, then to ids and names
in code-point order ("Zeta" before "apple", as Python sorts), which is what a
database's own collation would get wrong. Every page must be the matching slice of
the whole listing, fetched with LIMIT/OFFSET rather than sliced from it in Python.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import event

from reportedly.model import ClaimCluster, ClaimRef, Conflict, ConflictKind, Ledger, Origin, Story
from reportedly.store import InvalidInput, LinkRows, NotFound, Store
from web_ledgers import ferry_ledger, followup_ledger, hostile_ledger

FERRY, FOLLOW, WATER = ferry_ledger(), followup_ledger(), hostile_ledger()
BY_ID = {c.id: (led, c) for led in (FERRY, FOLLOW, WATER) for c in led.claims}

STORY_ORDER = ["s-portview", "s-water", "s-Zeta", "s-apple", "s-mid"]
CLUSTER_ORDER = ["c-3", "c-2", "c-1"]  # by their first claim: ferry-0, ferry-1 (both 12 March), follow-1
MEASURE_ORDER = ["Zeta sailings", "Apple homes", "Beta euros", "apple sailings"]


def ref(claim_id: str) -> ClaimRef:
    ledger, claim = BY_ID[claim_id]
    return ClaimRef.from_claim(claim, ledger.document)


def cluster(cluster_id: str, *claim_ids: str) -> ClaimCluster:
    origins = [Origin(f"o-{cid}", f"Origin of {cid}", claims=[cid]) for cid in claim_ids]
    return ClaimCluster(
        cluster_id, "s-portview", f"label {cluster_id}", [ref(c) for c in claim_ids], None, origins
    )


def save_link_run(store: Store) -> None:
    """Store the three web ledgers and a link run whose listings need every tie-break."""
    for ledger in (FERRY, FOLLOW, WATER):
        store.save(ledger)
    found = [
        Story("s-mid", "no documents, dated", first=date(2024, 1, 1)),
        Story("s-apple", "no documents, undated"),
        Story("s-Zeta", "no documents, undated, upper case"),
        Story("s-water", "water", [WATER.document.id], date(2024, 4, 5), date(2024, 4, 5)),
        Story(
            "s-portview",
            "storm",
            [FERRY.document.id, FOLLOW.document.id],
            date(2024, 3, 12),
            date(2024, 3, 13),
            entities=["Portview Ferries"],
            # Stored in id order c-1, c-2, c-3; shown by their first claims.
            clusters=[
                cluster("c-1", "follow-1", "ferry-2"),
                cluster("c-2", "ferry-1"),
                cluster("c-3", "ferry-0", "follow-0"),
            ],
        ),
    ]
    conflicts = [
        Conflict(
            ConflictKind.NUMERIC,
            ref("ferry-0"),
            ref("follow-0"),
            "numbers differ",
            "s-portview",
            "Zeta sailings",
        ),
        Conflict(
            ConflictKind.STANCE,
            ref("ferry-2"),
            ref("follow-1"),
            "reported and denied",
            "s-portview",
            a_also=[ref("ferry-1"), ref("follow-2")],
            b_also=[ref("ferry-0")],
        ),
        Conflict(ConflictKind.INTERNAL, ref("water-0"), ref("water-1"), "two dates", "s-water"),
    ]
    measures = [
        ("ferry-0", 0, "Zeta sailings", date(2024, 3, 12)),
        ("follow-0", 0, "Zeta sailings", None),
        ("follow-2", 0, "apple sailings", date(2024, 3, 15)),
        ("water-0", 0, "Apple homes", date(2024, 4, 5)),
        ("ferry-2", 0, "Beta euros", date(2024, 3, 12)),
    ]
    run = LinkRows(found, conflicts, measures, method="hand-built", seconds=0.5, fingerprint="f")
    store.replace_links(run)


@pytest.fixture
def store(tmp_path: Path, store_copy: Callable[..., Path]) -> Iterator[Store]:
    with Store(store_copy(tmp_path / "links.db", save_link_run)) as s:
        yield s


@pytest.fixture
def statements(store: Store) -> list[str]:
    """The SQL the store runs from here on."""
    seen: list[str] = []
    event.listen(store.engine, "before_cursor_execute", lambda *args: seen.append(args[2]))
    return seen


def check_pages(whole: list, page_of, total: int) -> None:  # noqa: ANN001 - a page method
    for limit, offset in ((2, 0), (2, 2), (1, 4), (0, 0), (50, 3), (3, 99)):
        page = page_of(limit=limit, offset=offset)
        assert (page.items, page.total, page.limit, page.offset) == (
            whole[offset : offset + limit],
            total,
            limit,
            offset,
        )


def test_stories_largest_first_then_undated_then_ids_by_code_point(store: Store) -> None:
    rows = store.stories(min_documents=0)
    assert [s["id"] for s in rows] == STORY_ORDER
    assert rows == sorted(rows, key=lambda s: (-s["documents"], -s["clusters"], s["first"] or "", s["id"]))
    portview = rows[0]
    assert (portview["documents"], portview["clusters"], portview["conflicts"]) == (2, 3, 2)
    assert portview["outlets"] == ["Coastal Times", "Harbour Gazette"]
    assert [s["id"] for s in store.stories()] == ["s-portview", "s-water"]  # min_documents=1


def test_story_pages_are_slices_of_the_listing_fetched_with_limit(
    store: Store, statements: list[str]
) -> None:
    check_pages(store.stories(min_documents=0), lambda **k: store.story_page(min_documents=0, **k), 5)
    statements.clear()
    page = store.story_page(limit=1, offset=1)
    assert [s["id"] for s in page.items] == ["s-water"] and page.total == 2
    assert any("LIMIT" in sql and "FROM stories" in sql for sql in statements)
    assert page.items[0]["outlets"] == ['<b onmouseover="window.__pwned = true">Eastbrook Echo</b>']


def test_story_and_its_documents(store: Store) -> None:
    story, documents = store.story("s-portview")
    assert story.documents == [FERRY.document.id, FOLLOW.document.id]
    assert [d["id"] for d in documents] == story.documents
    assert set(documents[0]) == {"id", "title", "outlet", "url", "published"}
    assert store.story_documents("s-portview") == story.documents
    assert store.story_documents("s-mid") == []
    for lookup in (store.story, store.story_documents, store.cluster_page):
        with pytest.raises(NotFound, match="no story 's-nope'; list them with: reportedly stories"):
            lookup("s-nope")


def test_clusters_follow_their_first_claim_and_page_in_sql(store: Store, statements: list[str]) -> None:
    story, _ = store.story("s-portview")
    assert [c.id for c in story.clusters] == CLUSTER_ORDER
    first = story.clusters[0]
    assert [c.id for c in first.claims] == ["ferry-0", "follow-0"]
    assert first.outlets == ["Coastal Times", "Harbour Gazette"] and first.independent_origins == 2
    check_pages(story.clusters, lambda **k: store.cluster_page("s-portview", **k), 3)
    statements.clear()
    page = store.cluster_page("s-portview", limit=1, offset=1)
    assert page.to_dict()["items"] == [story.clusters[1].to_dict()]
    assert any("LIMIT" in sql and "FROM claim_clusters" in sql for sql in statements)
    assert store.cluster_page("s-water").total == 0


def test_conflicts_in_found_order_filtered_and_paged(store: Store) -> None:
    found = store.conflicts()
    assert [c.kind.value for c in found] == ["numeric", "stance", "internal"]
    assert (found[0].a.id, found[0].b.id, found[0].measure) == ("ferry-0", "follow-0", "Zeta sailings")
    assert found[0].a.content.text == FERRY.claims[0].content_text
    check_pages(found, store.conflict_page, 3)
    assert [c.why for c in store.conflicts(story="s-water")] == ["two dates"]
    assert store.conflict_page(story="s-portview", kind="STANCE ", limit=0).total == 1
    assert store.conflicts(story="s-nope") == []
    # a side's other claims come back as references with their evidence, in the stored order
    (stance,) = store.conflicts(kind="stance")
    assert [r.id for r in stance.a_also] == ["ferry-1", "follow-2"]
    assert [r.id for r in stance.b_also] == ["ferry-0"]
    assert stance.a_also[0] == ref("ferry-1")
    assert [c.a_also for c in store.conflicts(story="s-water")] == [[]]
    with pytest.raises(InvalidInput, match="unknown conflict kind 'rumour'"):
        store.conflict_page(kind="rumour")


def test_measures_most_documents_first_then_names_by_code_point(store: Store) -> None:
    rows = store.measures()
    assert [m["measure"] for m in rows] == MEASURE_ORDER
    assert rows[0] == {
        "measure": "Zeta sailings",
        "points": 2,
        "documents": 2,
        "first": "2024-03-12",
        "last": "2024-03-12",
    }
    check_pages(rows, store.measure_page, 4)
    assert [m["measure"] for m in store.measures(story="s-portview")] == [
        "Zeta sailings",
        "Beta euros",
        "apple sailings",
    ]
    assert store.measure_page(story="s-water").items[0]["measure"] == "Apple homes"


def test_timeline_puts_undated_numbers_first(store: Store) -> None:
    points = store.timeline("Zeta sailings")
    assert [(p.date, p.claim_id, p.evidence.text) for p in points] == [
        (None, "follow-0", "More than 60"),
        (date(2024, 3, 12), "ferry-0", FERRY.claims[0].quantities[0].text),
    ]
    assert points[1].outlet == "Harbour Gazette" and points[1].stance == FERRY.claims[0].stance
    assert store.timeline("Zeta sailings", story="s-water") == []
    assert store.timeline("nothing counted") == []


def test_replacing_links_records_the_run(store: Store) -> None:
    run = store.last_link_run()
    assert run is not None
    assert {k: run[k] for k in ("documents", "claims", "method", "fingerprint", "seconds")} == {
        "documents": 3,
        "claims": 9,
        "method": "hand-built",
        "fingerprint": "f",
        "seconds": 0.5,
    }
    store.replace_links(LinkRows([], [], [], method="tfidf", seconds=1.0, fingerprint="g"))
    assert store.stories(min_documents=0) == [] and store.conflicts() == [] and store.measures() == []
    assert store.last_link_run()["fingerprint"] == "g"  # type: ignore[index]


def test_fingerprint_follows_documents_and_user_aliases(store: Store) -> None:
    before = store.link_fingerprint()
    assert store.link_fingerprint() == before and store.link_fingerprint("x") != before
    store.add_user_alias("the operator", "Portview Ferries")
    assert store.link_fingerprint() != before


def test_vectors_are_cached_per_method_and_replaced(store: Store) -> None:
    store.save_vectors("m", {"a": [1.0, 2.0], "b": np.array([3, 4])})
    store.save_vectors("other", {"a": [9.0, 9.0]})
    found = store.cached_vectors("m", ["a", "b", "c"])
    assert sorted(found) == ["a", "b"] and found["b"].dtype == np.float32
    assert found["a"].tolist() == [1.0, 2.0]
    store.save_vectors("m", {"a": [5.0, 6.0]})
    assert store.cached_vectors("m", ["a"])["a"].tolist() == [5.0, 6.0]
    assert store.cached_vectors("other", ["a"])["a"].tolist() == [9.0, 9.0]


def test_link_inputs_are_every_document_and_claim(store: Store) -> None:
    docs, claims = store.link_inputs()
    assert [d.id for d in docs] == sorted(led.document.id for led in (FERRY, FOLLOW, WATER))
    ledgers: dict[str, Ledger] = {led.document.id: led for led in (FERRY, FOLLOW, WATER)}
    assert sorted(c.id for _, c in claims) == sorted(BY_ID)
    assert all(c.to_dict() in [x.to_dict() for x in ledgers[d].claims] for d, c in claims)


def test_link_inputs_carry_the_entities_aliases(store: Store) -> None:
    # roles and other names analysis gave a source ("the harbour authority") are what linking
    # resolves entities with: a store must give them back as the in-memory ledgers hold them
    _docs, claims = store.link_inputs()
    loaded = {c.id: c for _, c in claims}
    for claim_id in ("ferry-2", "follow-1"):
        _ledger, original = BY_ID[claim_id]
        got = loaded[claim_id]
        for hop, was in zip(got.chain, original.chain, strict=True):
            assert set(hop.entity.aliases) >= set(was.entity.aliases)
        if original.source is not None and original.source.entity is not None:
            assert set(got.source.entity.aliases) >= set(original.source.entity.aliases)
    assert "the harbour authority" in loaded["ferry-2"].chain[-1].entity.aliases


def test_new_linking_rules_relink_a_store_linked_by_an_older_release(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Upgrading reportedly must not leave stories built by the old rules until a document arrives."""
    import reportedly.link as link
    from reportedly.link.embed import TfidfEmbedder

    embedder = TfidfEmbedder()
    assert link.ensure_linked(store, embedder=embedder) is not None  # first run
    assert link.ensure_linked(store, embedder=embedder) is None  # nothing changed
    monkeypatch.setattr(link, "LINK_REVISION", link.LINK_REVISION + 1)
    assert link.ensure_linked(store, embedder=embedder) is not None  # new rules: linked again
    assert link.ensure_linked(store, embedder=embedder) is None
