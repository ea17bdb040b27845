"""Stories: what the link stage builds across documents (see GLOSSARY.md and docs/stories.md).

Kept with the ledger types in :mod:`reportedly.model` rather than in ``link/`` so that the store,
the API and the exports can read these objects without importing the stage that builds them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any, ClassVar

from .encode import FromJson, as_json
from .kinds import QuantityScope, Stance
from .ledger import Claim, Document, Span, bounded_text


class ConflictKind(StrEnum):
    NUMERIC = "numeric"  # numbers for one measure out of each other's bounds at overlapping times
    POLARITY = "polarity"  # "in combat" vs "not in combat"
    STANCE = "stance"  # confirmed (or asserted) vs denied
    INTERNAL = "internal"  # one document gives one event two different days


@dataclass(slots=True)
class Origin(FromJson):
    """One independent origin of a cluster's claims: a briefing, a named source, a wire story.

    ``key`` is what made claims count as the same origin (a canonical entity
    id, an anonymous description with its time bucket, or ``wire:…``);
    ``claims`` are the member claims that trace back to it.
    """

    key: str
    name: str
    anonymous: bool = False
    claims: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return as_json(self, "key name anonymous claims outlets", outlets=sorted(set(self.outlets)))


@dataclass(slots=True)
class ClaimRef(FromJson):
    """A claim as a story shows it: enough to read and audit it without loading the ledger."""

    id: str
    document_id: str
    outlet: str | None
    published: date | None
    source: str | None
    origin: str | None
    stance: Stance
    negated: bool
    content: Span
    sentence: Span | None = None
    json_names: ClassVar[Mapping[str, str]] = {"document_id": "document", "content": "evidence"}

    @classmethod
    def from_claim(cls, claim: Claim, document: Document) -> ClaimRef:
        """The reference for a claim of ``document``; the evidence runs from first to last content span."""
        if claim.content:
            start, end = claim.content[0].start, claim.content[-1].end
        else:
            start, end = claim.cue.start, claim.cue.end
        source = claim.source
        return cls(
            id=claim.id,
            document_id=document.id,
            outlet=document.outlet,
            published=document.published,
            source=(source.entity.name if source.entity else source.text) if source else None,
            origin=claim.origin.name if claim.origin else None,
            stance=Stance(claim.stance),
            negated=bool(claim.negated),
            content=Span(start, end, document.text[start:end]),
            sentence=claim.sentence,
        )

    def to_dict(self) -> dict[str, Any]:
        return as_json(
            self,
            "id document outlet published source origin stance negated evidence sentence",
            document=self.document_id,
            evidence=self.content,
        )


@dataclass(slots=True)
class ClaimCluster(FromJson):
    """Claims in several documents asserting one proposition (or counting one measure).

    ``outlets`` counts publishing outlets; ``origins`` the independent origins
    behind them: "reported by 6 outlets, 2 independent origins".
    """

    id: str
    story_id: str
    label: str
    claims: list[ClaimRef] = field(default_factory=list)
    measure: str | None = None
    origins: list[Origin] = field(default_factory=list)
    json_names: ClassVar[Mapping[str, str]] = {"story_id": "story"}

    @property
    def outlets(self) -> list[str]:
        return sorted({c.outlet or c.document_id for c in self.claims})

    @property
    def independent_origins(self) -> int:
        return len(self.origins)

    def to_dict(self) -> dict[str, Any]:
        """Its fields, with what it derives from its claims: documents, outlets and their count."""
        return as_json(
            self,
            "id story label measure claims documents outlets outlet_names independent_origins origins",
            story=self.story_id,
            documents=sorted({c.document_id for c in self.claims}),
            outlets=len(self.outlets),
            outlet_names=self.outlets,
        )


@dataclass(slots=True)
class Conflict(FromJson):
    """Two claims that cannot both be true at the same time, with why we think so."""

    kind: ConflictKind
    a: ClaimRef
    b: ClaimRef
    why: str
    story_id: str | None = None
    measure: str | None = None
    #: a pair that looks like a conflict but is not one (an update, a part and its whole …):
    #: kept with the reason so a reader can see what was declined and why
    declined: bool = False
    #: the other claims saying what ``a`` says, and what ``b`` says: a disagreement between two
    #: sides ("Russia's officials blame Ukraine; Ukraine's deny it") is shown on one claim of each
    #: side, and these are the rest of each side's claims, so a reader sees every report of it
    a_also: list[ClaimRef] = field(default_factory=list)
    b_also: list[ClaimRef] = field(default_factory=list)
    json_names: ClassVar[Mapping[str, str]] = {"story_id": "story"}

    def to_dict(self) -> dict[str, Any]:
        return as_json(self, "kind story measure declined a b why a_also b_also", story=self.story_id)

    def sides(self) -> tuple[list[ClaimRef], list[ClaimRef]]:
        """Every claim of each side: the one shown first, then the rest."""
        return [self.a, *self.a_also], [self.b, *self.b_also]


@dataclass(slots=True)
class TimelinePoint(FromJson):
    """One number for a measure: when, how much (with bounds), who says so, how surely."""

    date: date | None
    value: float | None
    low: float | None
    high: float | None
    unit: str | None
    source: str | None
    stance: Stance
    document_id: str
    claim_id: str
    evidence: Span
    scope: QuantityScope = QuantityScope.POINT
    outlet: str | None = None
    approximate: bool = False
    #: the words around the number in its sentence (at most about CONTEXT_CHARS): ``evidence`` is
    #: the number itself ("36"), which says nothing on its own in a timeline
    context: str | None = None
    json_names: ClassVar[Mapping[str, str]] = {"document_id": "document", "claim_id": "claim"}

    def to_dict(self) -> dict[str, Any]:
        """Its fields, with ``display``: the bounded number as people read it."""
        return as_json(
            self,
            "date value low high unit approximate display scope source stance outlet document claim evidence"
            " context",
            display=bounded_text(self.value, self.low, self.high, self.approximate),
            document=self.document_id,
            claim=self.claim_id,
        )


@dataclass(slots=True)
class Story(FromJson):
    """Documents about one unfolding event, with the claim clusters that run through them."""

    id: str
    title: str
    documents: list[str] = field(default_factory=list)
    first: date | None = None
    last: date | None = None
    outlets: list[str] = field(default_factory=list)
    entities: list[str] = field(default_factory=list)
    clusters: list[ClaimCluster] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return as_json(
            self, "id title documents first last outlets entities clusters", outlets=sorted(set(self.outlets))
        )
