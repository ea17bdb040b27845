"""Stories, claim clusters, conflicts and number timelines, as ``reportedly link`` stored them.

Stories are derived data: the link stage builds them from every stored
ledger and replaces them wholesale. Reads serve the last link run (``GET
/api/status`` says when it was); ``POST /api/stories/rebuild`` runs linking
again when the ledgers changed, and needs the write token like any write,
since it costs real CPU.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request

from reportedly.api.deps import Limit, Offset, Settings, settings, store
from reportedly.api.schemas import (
    NOT_FOUND,
    ClusterOut,
    ConflictOut,
    ErrorOut,
    LinkRunOut,
    MeasureOut,
    Page,
    StoryOut,
    StorySummary,
    TimelineOut,
)
from reportedly.api.security import require_token
from reportedly.model import ConflictKind
from reportedly.store import Store

#: ``declined=true`` pages through the pairs a link run examined and declined, with their reasons
Declined = Annotated[
    bool,
    Query(description="List the pairs examined and declined (updates, parts of a whole …) instead."),
]

router = APIRouter(tags=["stories"])

StoreDep = Annotated[Store, Depends(store)]


@dataclass(slots=True)
class ConflictQuery:
    """The query parameters both conflict listings take, declared once: which kind, declined or
    not, and the page. FastAPI reads them from the fields (``Annotated[ConflictQuery, Depends()]``)."""

    kind: ConflictKind | None = None
    declined: Declined = False
    limit: Limit = 50
    offset: Offset = 0

    def page(self, db: Store, story: str | None) -> dict[str, Any]:
        """The page of conflicts (or of declined pairs) these parameters ask for, in ``story`` or all."""
        found = db.conflict_page(
            story=story,
            kind=self.kind.value if self.kind else None,
            limit=self.limit,
            offset=self.offset,
            declined=self.declined,
        )
        return found.to_dict()


Conflicts = Annotated[ConflictQuery, Depends()]


def stories_available(db: Store) -> bool:
    """Whether this store can answer story queries (the link stage's tables and methods exist)."""
    return hasattr(db, "stories") and hasattr(db, "story")


@router.get("/api/stories", response_model=Page[StorySummary], summary="List stories")
def list_stories(
    db: StoreDep,
    min_documents: Annotated[
        int, Query(ge=1, description="Only stories told by at least this many articles.")
    ] = 1,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Stories from the last link run, most documents first."""
    return db.story_page(min_documents=min_documents, limit=limit, offset=offset).to_dict()


@router.get("/api/stories/{story_id}", response_model=StoryOut, responses=NOT_FOUND, summary="One story")
def get_story(story_id: str, db: StoreDep) -> dict[str, Any]:
    """A story's articles, outlets and measures; its clusters and conflicts are paged separately."""
    story, documents = db.story(story_id)
    data = story.to_dict()
    data["documents"] = documents
    data["clusters"] = len(story.clusters)
    data["conflicts"] = db.conflict_page(story=story_id, limit=0).total
    data["measures"] = db.measures(story=story_id)
    return data


@router.get(
    "/api/stories/{story_id}/clusters",
    response_model=Page[ClusterOut],
    responses=NOT_FOUND,
    summary="A story's claim clusters",
)
def story_clusters(story_id: str, db: StoreDep, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """Each proposition the story's articles share, with outlets and independent origins counted."""
    return db.cluster_page(story_id, limit=limit, offset=offset).to_dict()


@router.get(
    "/api/stories/{story_id}/conflicts",
    response_model=Page[ConflictOut],
    responses=NOT_FOUND,
    summary="A story's conflicts",
)
def story_conflicts(story_id: str, db: StoreDep, query: Conflicts) -> dict[str, Any]:
    db.story_documents(story_id)  # an unknown story is a 404, not an empty page
    return query.page(db, story_id)


@router.get(
    "/api/stories/{story_id}/timeline",
    response_model=TimelineOut,
    responses=NOT_FOUND,
    summary="A number timeline within a story",
)
def story_timeline(
    story_id: str,
    db: StoreDep,
    measure: Annotated[
        str | None,
        Query(max_length=500, description="Which measure; the story's most reported when left out."),
    ] = None,
) -> dict[str, Any]:
    """Every number the story's articles give for one measure, by date, with source and stance."""
    db.story_documents(story_id)  # an unknown story is a 404
    if measure is None:
        measures = db.measures(story=story_id)
        if not measures:
            return {"measure": None, "points": []}
        measure = measures[0]["measure"]
    points = db.timeline(measure, story=story_id)
    if not points and measure not in {m["measure"] for m in db.measures(story=story_id)}:
        raise HTTPException(404, f"story {story_id!r} counts no measure {measure!r}")
    return {"measure": measure, "points": [p.to_dict() for p in points]}


@router.get(
    "/api/conflicts",
    response_model=Page[ConflictOut],
    responses=NOT_FOUND,
    summary="Conflicts across the store",
)
def list_conflicts(
    db: StoreDep,
    query: Conflicts,
    story: Annotated[str | None, Query(max_length=200)] = None,
) -> dict[str, Any]:
    """Pairs of claims that cannot both be true, with why; side by side in the story page.
    ``declined=true`` lists instead the pairs examined and declined, each with its reason.
    An unknown ``story`` is a 404, as in ``/api/claims``, not an empty page."""
    if story is not None:
        db.story_documents(story)
    return query.page(db, story)


@router.get(
    "/api/measures", response_model=Page[MeasureOut], responses=NOT_FOUND, summary="Measures across the store"
)
def list_measures(
    db: StoreDep,
    story: Annotated[str | None, Query(max_length=200)] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """What is counted and where; an unknown ``story`` is a 404, as in ``/api/claims``."""
    if story is not None:
        db.story_documents(story)
    return db.measure_page(story=story, limit=limit, offset=offset).to_dict()


@router.get("/api/timeline", response_model=TimelineOut, responses=NOT_FOUND, summary="A number timeline")
def timeline(db: StoreDep, measure: Annotated[str, Query(min_length=1, max_length=500)]) -> dict[str, Any]:
    """Every stored number for one measure, across all stories."""
    points = db.timeline(measure)
    if not points:
        raise HTTPException(404, f"no numbers stored for measure {measure!r}; list them at /api/measures")
    return {"measure": measure, "points": [p.to_dict() for p in points]}


@router.post(
    "/api/stories/rebuild",
    response_model=LinkRunOut,
    dependencies=[Depends(require_token)],
    responses={401: {"model": ErrorOut}, 403: {"model": ErrorOut}},
    summary="Link the stored ledgers into stories again",
)
def rebuild(request: Request, db: StoreDep, config: Annotated[Settings, Depends(settings)]) -> dict[str, Any]:
    """Rebuild stories, clusters, conflicts and timelines when the ledgers changed since the last run."""
    from reportedly.link import ensure_linked

    with config.analysis_lock.exclusive():
        result = ensure_linked(db)
    run = db.last_link_run()
    if run is None:  # pragma: no cover - ensure_linked always records a run
        raise HTTPException(500, "linking finished without recording a run")
    return {**run, "rebuilt": result is not None}
