"""``from_dict`` is the exact inverse of ``to_dict`` for every ledger and story type.

Checked over real ledgers rather than hand-built objects: the seed article, the bundled demo
article and the frozen fixture ledgers (``tests/fixtures/story/ledgers.json``), and over the
stories, clusters, conflicts and timelines the link stage builds from the fixture ledgers. For
every object ``X.from_dict(x.to_dict()).to_dict() == x.to_dict()``; a type whose ``to_dict``
drops something (a document's text, an entity's aliases in a claim) says so in its docstring.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

import reportedly
from reportedly.link import TfidfEmbedder, link_ledgers, link_store
from reportedly.model import (
    ChainLink,
    Claim,
    ClaimCluster,
    ClaimRef,
    Conflict,
    Cue,
    Document,
    Entity,
    Ledger,
    Measure,
    Origin,
    Quantity,
    Section,
    SourceMention,
    Span,
    Story,
    TimeExpr,
    TimelinePoint,
)
from reportedly.store import Store

TESTS = Path(__file__).resolve().parent
SEED = TESTS.parents[1] / "shared" / "seed" / "seed-article.txt"
FIXTURE_LEDGERS = TESTS / "fixtures" / "story" / "ledgers.json"


def objects(ledger: Ledger) -> Iterator[tuple[type[Any], Any]]:
    """Every object of a ledger that has a ``to_dict``, with its type."""
    doc = ledger.document
    yield Ledger, ledger
    yield Document, doc
    yield from ((Section, s) for s in doc.sections)
    yield from ((Span, p) for p in doc.paragraphs)
    if doc.dateline:
        yield Span, doc.dateline
    yield from ((Entity, e) for e in ledger.entities)
    for c in ledger.claims:
        yield Claim, c
        yield Cue, c.cue
        yield from ((Span, s) for s in c.content)
        if c.sentence:
            yield Span, c.sentence
        if c.source:
            yield SourceMention, c.source
        for link in c.chain:
            yield ChainLink, link
            yield Entity, link.entity
            if link.mention:
                yield Span, link.mention
        for q in c.quantities:
            yield Quantity, q
            if q.measure:
                yield Measure, q.measure
        yield from ((TimeExpr, t) for t in c.times)


def round_trips(cls: type[Any], obj: Any, **kwargs: Any) -> bool:
    written = obj.to_dict()
    return cls.from_dict(json.loads(json.dumps(written)), **kwargs).to_dict() == written


def check_ledger(ledger: Ledger) -> int:
    """Round-trips every object of ``ledger``; returns how many were checked."""
    text = ledger.document.text
    n = 0
    for cls, obj in objects(ledger):
        needs_text = cls is Document or cls is Ledger
        ok = round_trips(cls, obj, text=text) if needs_text else round_trips(cls, obj)
        assert ok, f"{cls.__name__} does not round-trip: {obj.to_dict()}"
        n += 1
    return n


@pytest.fixture(scope="module")
def analysed() -> list[Ledger]:
    demo = resources.files("reportedly").joinpath("data/demo-article.txt").read_text(encoding="utf-8")
    out = [reportedly.analyze(demo, published="2024-11-20")]
    if SEED.exists():
        out.append(reportedly.analyze(SEED.read_text(encoding="utf-8"), published="2024-11-20"))
    return out


@pytest.fixture(scope="module")
def fixture_ledgers() -> list[Ledger]:
    data = json.loads(FIXTURE_LEDGERS.read_text(encoding="utf-8"))
    return [Ledger.from_dict(d) for d in data]


def test_the_seed_article_is_among_the_analysed_ledgers(analysed: list[Ledger]) -> None:
    if not SEED.exists():
        pytest.skip(f"seed article not found at {SEED}")
    assert len(analysed) == 2 and all(led.claims for led in analysed)


def test_every_object_of_analysed_ledgers_round_trips(analysed: list[Ledger]) -> None:
    assert sum(check_ledger(led) for led in analysed) > 100


def test_a_ledger_read_back_equals_the_analysed_one(analysed: list[Ledger]) -> None:
    """With the text, reading back loses nothing but what ``to_dict`` never writes."""
    for led in analysed:
        back = Ledger.from_dict(led.to_dict(), led.document.text)
        assert back.validate() == []
        assert back.document.paragraphs == led.document.paragraphs
        assert back.document.sections == led.document.sections
        for old, new in zip(led.claims, back.claims, strict=True):
            assert new.content == old.content  # span texts cut from the document, exactly
            assert (new.kind, new.stance, new.cue, new.sentence) == (
                old.kind,
                old.stance,
                old.cue,
                old.sentence,
            )
            assert new.quantities == old.quantities
            assert new.times == old.times
            assert [link.entity.id for link in new.chain] == [link.entity.id for link in old.chain]


def test_claims_read_without_the_document_text(analysed: list[Ledger]) -> None:
    """Without the text the content is split at its joints and still writes back identically."""
    many = [c for led in analysed for c in led.claims if len(c.content) > 1]
    assert many, "the articles should have a claim with a quoted fragment split in two"
    for led in analysed:
        for c in led.claims:
            assert Claim.from_dict(c.to_dict()).to_dict() == c.to_dict()


def test_a_document_needs_its_text() -> None:
    doc = Document(text="Headline\n\nBody.")
    with pytest.raises(ValueError, match="text"):
        Document.from_dict(doc.to_dict())
    with pytest.raises(ValueError, match="characters"):
        Document.from_dict(doc.to_dict(), text="something else")
    assert Document.from_dict(doc.to_dict() | {"text": doc.text}).to_dict() == doc.to_dict()


def test_fixture_ledgers_round_trip(fixture_ledgers: list[Ledger]) -> None:
    data = json.loads(FIXTURE_LEDGERS.read_text(encoding="utf-8"))
    for raw, led in zip(data, fixture_ledgers, strict=True):
        assert led.validate() == []
        written = led.to_dict()
        expected = {k: v for k, v in raw.items()}
        expected["document"] = {k: v for k, v in raw["document"].items() if k != "text"}
        # the frozen file predates ``not_denied`` and the derived ``display`` of a quantity;
        # everything it holds is read back as written
        for claim in expected["claims"]:
            claim.setdefault("not_denied", False)
            for q in claim["quantities"]:
                q.setdefault("display", Quantity.from_dict(q).display)
        assert written == expected
        check_ledger(led)


@pytest.fixture(scope="module")
def linked(fixture_ledgers: list[Ledger], tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = Store(tmp_path_factory.mktemp("dicts") / "story.db")
    for led in fixture_ledgers:
        store.save(led)
    link_store(store, embedder=TfidfEmbedder())
    yield store
    store.close()


def test_story_types_round_trip(fixture_ledgers: list[Ledger]) -> None:
    result = link_ledgers(fixture_ledgers, embedder=TfidfEmbedder())
    assert result.stories and result.conflicts
    n = 0
    for story in result.stories:
        assert round_trips(Story, story)
        for cluster in story.clusters:
            assert round_trips(ClaimCluster, cluster)
            for ref in cluster.claims:
                assert round_trips(ClaimRef, ref)
            for origin in cluster.origins:
                assert round_trips(Origin, origin)
            n += 1
    for conflict in result.conflicts:
        assert round_trips(Conflict, conflict)
    assert n > 5


def test_timeline_points_round_trip(linked: Store) -> None:
    measures = [m["measure"] for m in linked.measures()]
    points = [p for m in measures for p in linked.timeline(m)]
    assert len(points) > 5
    for p in points:
        assert round_trips(TimelinePoint, p)


def test_stored_stories_and_conflicts_round_trip(linked: Store) -> None:
    """What the store reads back (what the API serves) round-trips as well."""
    stories = [linked.story(summary["id"])[0] for summary in linked.stories()]
    assert sum(len(s.clusters) for s in stories) > 5
    for story in stories:
        assert round_trips(Story, story)
    conflicts = linked.conflicts(declined=None)
    assert conflicts
    for conflict in conflicts:
        assert round_trips(Conflict, conflict)


def test_one_formatter_shows_every_bound_everywhere() -> None:
    """ "more than 10,000" is never shown as "10,000": the CLI table, the CSV export, the API (and
    through it the web UI) all show a quantity's ``display``."""
    from reportedly.model import QuantityScope, bounded_text

    def q(value, low, high, approximate=False, unit="troops", scope=QuantityScope.POINT) -> Quantity:
        return Quantity(0, 1, "x", value, low, high, approximate, unit, scope)

    assert q(10000, 10000, None).display == "≥10,000 troops [point]"
    assert q(500, None, 500).display == "≤500 troops [point]"
    assert q(None, 3000, 5000).display == "3,000–5,000 troops [point]"
    assert q(7000, 7000, 7000, True, None, QuantityScope.CUMULATIVE).display == "~7,000 [cumulative]"
    assert q(None, 1000, None, True).display == "≥~1,000 troops [point]"
    assert q(2.5, 2.5, 2.5, unit="metres").display == "2.5 metres [point]"
    assert Quantity(0, 5, "170mm", attribute=True).display == "170mm (attribute)"
    assert bounded_text(None, None, None, False) == "?"
    assert q(10000, 10000, None).to_dict()["display"] == "≥10,000 troops [point]"
    assert Quantity.from_dict(q(10000, 10000, None).to_dict()).display == "≥10,000 troops [point]"
