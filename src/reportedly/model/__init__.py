"""The typed ledger: every object the pipeline stages pass forward.

This package is the project's equivalent of spaCy's ``Doc``: ingest builds a
:class:`Document`, extraction adds :class:`Claim` and :class:`Entity` objects
to a :class:`Ledger`, the store and the exports read them back. Nothing here
imports a pipeline stage, so every stage can import it.

Every span is a pair of character offsets into ``Document.text`` (end
exclusive) such that ``text[start:end]`` reproduces the evidence exactly; the
``text`` kept beside the offsets is a convenience copy that
:meth:`Ledger.validate` checks against the document.

The types live in three modules, :mod:`.kinds` (the closed vocabularies and the typed measure),
:mod:`.ledger` (one document's ledger) and :mod:`.stories`
(what the link stage builds across documents); import them from here.
"""

from __future__ import annotations

from enum import StrEnum

from .kinds import (
    MONEY_WHATS,
    ClaimKind,
    EntityType,
    Measure,
    MeasureScope,
    QuantityScope,
    SectionKind,
    Stance,
)
from .ledger import (
    ChainLink,
    Claim,
    Cue,
    Document,
    Entity,
    Ledger,
    Quantity,
    Section,
    SourceMention,
    Span,
    TimeExpr,
    as_plain,
    bounded_text,
    document_id,
    normalise_text,
)
from .stories import (
    ClaimCluster,
    ClaimRef,
    Conflict,
    ConflictKind,
    Origin,
    Story,
    TimelinePoint,
)

#: The closed vocabularies of the ledger, by the name clients know them by: what the API serves
#: at ``/api/vocabulary`` so the web UI (and any client) lists them without a copy of its own.
VOCABULARY: dict[str, type[StrEnum]] = {
    "stance": Stance,
    "kind": ClaimKind,
    "section": SectionKind,
    "entity_type": EntityType,
    "quantity_scope": QuantityScope,
    "measure_scope": MeasureScope,
    "conflict_kind": ConflictKind,
}

__all__ = [
    "MONEY_WHATS",
    "VOCABULARY",
    "ChainLink",
    "Claim",
    "ClaimCluster",
    "ClaimKind",
    "ClaimRef",
    "Conflict",
    "ConflictKind",
    "Cue",
    "Document",
    "Entity",
    "EntityType",
    "Ledger",
    "Measure",
    "MeasureScope",
    "Origin",
    "Quantity",
    "QuantityScope",
    "Section",
    "SectionKind",
    "SourceMention",
    "Span",
    "Stance",
    "Story",
    "TimeExpr",
    "TimelinePoint",
    "as_plain",
    "bounded_text",
    "document_id",
    "normalise_text",
]
