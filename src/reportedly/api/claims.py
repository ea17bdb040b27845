"""Claims: the filtered, searchable, paged list; one claim; one claim's provenance graph."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from reportedly.api.deps import Limit, Offset, store
from reportedly.api.schemas import NOT_FOUND, ClaimListItem, ClaimOut, Page, ProvenanceOut
from reportedly.model import ClaimKind, SectionKind, Stance
from reportedly.store import NotFound, Store

#: Every claims route can answer 404: an unknown claim, or an unknown story or document to filter by.
router = APIRouter(prefix="/api/claims", tags=["claims"], responses=NOT_FOUND)

StoreDep = Annotated[Store, Depends(store)]

#: Longest claim label drawn in a graph node; the full text is beside the graph.
LABEL_CHARS = 120


@router.get("", response_model=Page[ClaimListItem], summary="Find claims")
def list_claims(
    db: StoreDep,
    q: Annotated[
        str | None, Query(max_length=500, description="Full-text search over content, source, cue, sentence.")
    ] = None,
    source: Annotated[
        str | None, Query(max_length=500, description="Entity name, id or alias; includes relayed claims.")
    ] = None,
    stance: Stance | None = None,
    kind: ClaimKind | None = None,
    section: SectionKind | None = None,
    document: Annotated[str | None, Query(max_length=200, description="Only this document id.")] = None,
    story: Annotated[str | None, Query(max_length=200, description="Only documents of this story.")] = None,
    published_from: Annotated[date | None, Query(description="Articles published on or after.")] = None,
    published_to: Annotated[date | None, Query(description="Articles published on or before.")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Claims in document order, every filter combined with AND; ``total`` counts all matches."""
    documents = db.story_documents(story) if story is not None else None
    if document is not None and not db.has_document(document):
        raise NotFound("document", document)  # a mistyped id is a 404, not "no claims"
    found = db.claim_page(
        search=q,
        source=source,
        stance=stance,
        kind=kind,
        section=section,
        document=document,
        documents=documents,
        published_from=published_from,
        published_to=published_to,
        limit=limit,
        offset=offset,
    ).to_dict()
    wanted = {c["document_id"] for c in found["items"]}
    briefs = {
        d["id"]: {k: d[k] for k in ("id", "title", "outlet", "published")}
        for d in (db.documents(ids=wanted) if wanted else [])
    }
    for claim in found["items"]:
        claim["document"] = briefs[claim["document_id"]]
    return found


@router.get("/{claim_id}", response_model=ClaimOut, summary="One claim")
def get_claim(claim_id: str, db: StoreDep) -> dict[str, Any]:
    return db.claim(claim_id)


@router.get(
    "/{claim_id}/provenance", response_model=ProvenanceOut, summary="One claim's provenance chain as a graph"
)
def get_provenance(claim_id: str, db: StoreDep) -> dict[str, Any]:
    """Nodes and edges for drawing who relayed the claim: outlet → sources → origin → claim."""
    claim = db.claim(claim_id)
    document = db.document(claim["document_id"])
    nodes, edges = provenance_graph(claim, document)
    return {"claim": claim, "document": document, "nodes": nodes, "edges": edges}


def provenance_graph(
    claim: dict[str, Any], document: dict[str, Any]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The chain of one claim (``Claim.to_dict()`` shape) as graph nodes and edges.

    The publishing outlet is the implicit first link (GLOSSARY.md: chains
    leave it out), so it is drawn first; hops get positional ids because one
    entity may appear twice in a chain.
    """
    outlet = document.get("outlet") or document.get("title") or "the article"
    nodes: list[dict[str, Any]] = [{"id": "outlet", "label": outlet, "kind": "outlet"}]
    edges: list[dict[str, Any]] = []
    hops: list[dict[str, Any]] = []
    cues: list[str | None] = []
    if claim["chain"]:
        for link in claim["chain"]:
            hops.append({"label": link["entity"], "type": link["type"], "anonymous": link["anonymous"]})
            cues.append(link["cue"])
    elif claim["source"]:
        src = claim["source"]
        hops.append({"label": src["entity"], "type": src["type"], "anonymous": src["anonymous"]})
        cues.append(claim["cue"]["text"])
    previous = "outlet"
    for position, (hop, cue) in enumerate(zip(hops, cues, strict=True)):
        node_id = f"hop-{position}"
        kind = "origin" if position == len(hops) - 1 else "source"
        nodes.append({"id": node_id, **hop, "kind": kind})
        edges.append({"source": previous, "target": node_id, "label": cue})
        previous = node_id
    text = claim["content"]["text"] or claim["cue"]["text"]
    label = text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1].rstrip() + "…"
    nodes.append({"id": "claim", "label": label, "kind": "claim"})
    edges.append({"source": previous, "target": "claim", "label": claim["stance"]})
    if claim["source"]:
        for position, name in enumerate(claim["source"]["joint"]):
            node_id = f"joint-{position}"
            nodes.append({"id": node_id, "label": name, "kind": "source"})
            edges.append({"source": "outlet", "target": node_id, "label": claim["cue"]["text"]})
            edges.append({"source": node_id, "target": "claim", "label": claim["stance"]})
    return nodes, edges
