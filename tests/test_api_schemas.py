"""The API's response models are derived from the model dataclasses, not written beside them.

Checked three ways: every object of the fixture ledgers and of the stories linked from them
validates against its derived model and dumps back to exactly what ``to_dict`` wrote (so the
derived types are the wire types); a field added to a dataclass and to its ``to_dict`` appears
in the derived model with no other change; and a key ``to_dict`` invents without saying its
type is refused when the model is derived, rather than served untyped.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from reportedly.api import schemas
from reportedly.api.schemas import (
    ClaimOut,
    ClaimRefOut,
    ClusterOut,
    ConflictOut,
    DocumentOut,
    LedgerOut,
    OriginOut,
    SpanOut,
    derive,
)
from reportedly.link import TfidfEmbedder, link_ledgers
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
    Origin,
    Quantity,
    QuantityScope,
    Section,
    SourceMention,
    Span,
    TimeExpr,
    TimelinePoint,
)

FIXTURE_LEDGERS = Path(__file__).resolve().parent / "fixtures" / "story" / "ledgers.json"


@pytest.fixture(scope="module")
def ledgers() -> list[Ledger]:
    return [Ledger.from_dict(d) for d in json.loads(FIXTURE_LEDGERS.read_text(encoding="utf-8"))]


def served(model: type[BaseModel], written: dict[str, Any]) -> dict[str, Any]:
    return model.model_validate(written).model_dump(mode="json")


def without_measures(claim: dict[str, Any]) -> dict[str, Any]:
    """A claim dict as the API serves it: quantities without their measure (hidden, as before)."""
    quantities = [{k: v for k, v in q.items() if k != "measure"} for q in claim["quantities"]]
    return claim | {"quantities": quantities}


def test_every_served_dataclass_has_a_derived_model() -> None:
    derived = set(schemas._DERIVED)
    assert derived == {
        Span,
        SourceMention,
        Cue,
        ChainLink,
        Quantity,
        TimeExpr,
        Claim,
        Section,
        Document,
        Entity,
        Ledger,
        ClaimRef,
        Origin,
        ClaimCluster,
        Conflict,
        TimelinePoint,
    }


def test_ledgers_validate_and_dump_back_unchanged(ledgers: list[Ledger]) -> None:
    quantities = 0
    for led in ledgers:
        doc = led.document
        written = led.to_dict()
        written["document"]["text"] = doc.text
        for claim in written["claims"]:
            claim["document_id"] = doc.id
        expected = written | {"claims": [without_measures(c) for c in written["claims"]]}
        assert served(LedgerOut, written) == expected
        assert served(DocumentOut, written["document"]) == written["document"]
        for claim, obj in zip(written["claims"], led.claims, strict=True):
            assert served(ClaimOut, claim) == without_measures(claim)
            assert list(served(ClaimOut, claim)) == ["id", "document_id", *list(obj.to_dict())[1:]]
            quantities += len(obj.quantities)
    assert quantities > 5


def test_stories_validate_and_dump_back_unchanged(ledgers: list[Ledger]) -> None:
    result = link_ledgers(ledgers, embedder=TfidfEmbedder())
    clusters = [c for s in result.stories for c in s.clusters]
    assert clusters and result.conflicts
    for cluster in clusters:
        written = cluster.to_dict()
        assert served(ClusterOut, written) == written
        assert list(served(ClusterOut, written)) == list(written)
        for ref in cluster.claims:
            assert served(ClaimRefOut, ref.to_dict()) == ref.to_dict()
        for origin in cluster.origins:
            assert served(OriginOut, origin.to_dict()) == origin.to_dict()
    for conflict in result.conflicts:
        assert served(ConflictOut, conflict.to_dict()) == conflict.to_dict()


def test_descriptions_and_defaults_reach_the_schema() -> None:
    span = SpanOut.model_json_schema()
    assert span["properties"]["start"]["description"].startswith("Character offset")
    assert span["required"] == ["text", "start", "end"]
    claim = ClaimOut.model_json_schema()
    assert "not_denied" not in claim["required"] and claim["properties"]["not_denied"]["default"] is False
    assert "measure" not in claim["$defs"]["QuantityOut"]["properties"]


@dataclass(slots=True)
class Reading:
    """A stand-in for a ledger type that grows a field: ``confidence`` is new."""

    start: int
    end: int
    text: str
    scope: QuantityScope = QuantityScope.POINT
    evidence: Span | None = None
    confidence: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "scope": self.scope.value,
            "evidence": self.evidence.to_dict() if self.evidence else None,
            "confidence": self.confidence,
        }


def test_a_new_field_appears_without_declaring_it() -> None:
    model = derive(Reading, "ReadingOut")
    try:
        assert list(model.model_fields) == ["text", "start", "end", "scope", "evidence", "confidence"]
        schema = model.model_json_schema()
        assert schema["properties"]["confidence"]["anyOf"] == [{"type": "number"}, {"type": "null"}]
        assert schema["properties"]["scope"] == {"$ref": "#/$defs/QuantityScope"}
        assert schema["$defs"]["SpanOut"]["required"] == ["text", "start", "end"]  # the nested dataclass
        obj = Reading(1, 4, "abc", evidence=Span(1, 4, "abc"), confidence=0.5)
        assert served(model, obj.to_dict()) == obj.to_dict()
    finally:
        schemas._DERIVED.pop(Reading, None)


@dataclass(slots=True)
class Invented:
    start: int

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "length": 0}


def test_a_key_that_is_no_field_must_be_typed() -> None:
    with pytest.raises(TypeError, match="'length', which is no field"):
        derive(Invented, "InventedOut")
    with pytest.raises(TypeError, match="writes no"):
        derive(Invented, "InventedOut", types={"length": int}, hidden=("width",))
    model = derive(Invented, "InventedOut", types={"length": int})
    schemas._DERIVED.pop(Invented, None)
    assert served(model, {"start": 3, "length": 2}) == {"start": 3, "length": 2}
