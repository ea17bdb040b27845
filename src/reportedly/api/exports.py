"""Exports over HTTP: the same files ``reportedly export`` writes, for one document, a story or all."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Response

from reportedly.api.deps import store
from reportedly.api.schemas import ErrorOut
from reportedly.export import MEDIA_TYPES, ExportError, ledgers_from_store, render
from reportedly.store import Store

router = APIRouter(prefix="/api/export", tags=["exports"])

StoreDep = Annotated[Store, Depends(store)]
Format = Literal["jsonl", "csv", "brat", "prov-json", "prov-ttl", "graphml"]


@router.get(
    "",
    responses={
        200: {"content": {media.split(";")[0]: {} for media, _ in MEDIA_TYPES.values()}},
        404: {"model": ErrorOut},
        422: {"model": ErrorOut},
    },
    summary="Export ledgers as JSONL, CSV, brat, PROV or GraphML",
)
def export(
    db: StoreDep,
    format: Format = "jsonl",  # noqa: A002 - the public query parameter is called "format"
    document: Annotated[str | None, Query(max_length=200)] = None,
    story: Annotated[str | None, Query(max_length=200)] = None,
) -> Response:
    """One document, one story or (neither given) the whole store, as a download.

    brat standoff is one ``.ann`` per document, so it needs ``document``.
    """
    if document is not None and story is not None:
        raise HTTPException(422, "give document or story, not both")
    ids = db.story_documents(story) if story is not None else None
    key = document or story or "all"
    try:
        body = render(ledgers_from_store(db, document=document, documents=ids), format)
    except ExportError as exc:
        raise HTTPException(422, str(exc)) from None
    media, suffix = MEDIA_TYPES[format]
    # The key is user input: only filename-safe characters reach the header.
    name = "reportedly-" + re.sub(r"[^A-Za-z0-9._-]", "_", key)[:80] + suffix
    return Response(body, media_type=media, headers={"Content-Disposition": f'attachment; filename="{name}"'})
