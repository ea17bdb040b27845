"""Entities: the sources the ledger knows, with aliases merged across documents."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from reportedly.api.deps import Limit, Offset, store
from reportedly.api.schemas import NOT_FOUND, EntityOut, Page
from reportedly.model import EntityType
from reportedly.store import Store

router = APIRouter(prefix="/api/entities", tags=["entities"])

StoreDep = Annotated[Store, Depends(store)]


@router.get("", response_model=Page[EntityOut], summary="List entities (sources)")
def list_entities(
    db: StoreDep,
    q: Annotated[str | None, Query(max_length=200, description="Part of a name or alias.")] = None,
    type: EntityType | None = None,  # noqa: A002 - the public query parameter is called "type"
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Entities by name; ``claims`` counts what each said, joined or relayed."""
    rows = db.entities()
    if q is not None and q.strip():
        needle = q.strip().casefold()
        rows = [
            e
            for e in rows
            if needle in e["name"].casefold() or any(needle in a.casefold() for a in e["aliases"])
        ]
    if type is not None:
        rows = [e for e in rows if e["type"] == type.value]
    return {"items": rows[offset : offset + limit], "total": len(rows), "limit": limit, "offset": offset}


@router.get("/{entity_id}", response_model=EntityOut, responses=NOT_FOUND, summary="One entity")
def get_entity(entity_id: str, db: StoreDep) -> dict[str, Any]:
    """One entity by id, read alone from the store (not found among all of them)."""
    return db.entity(entity_id)
