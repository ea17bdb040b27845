"""Stories: documents about one unfolding event, grouped in one pass in date order.

This is the classic single-pass method of topic detection and tracking: take
the documents oldest first; compare each with the stories still *active*
(their newest document within ``window_days``); join the most similar story
if its similarity reaches the threshold, else start a new story. Each
comparison is against a story centroid (the mean of its documents' vectors),
so the cost is documents x active stories: linear in the corpus for a fixed
news rate, never all pairs of documents.

Two guards keep a story an event rather than a topic: a document must also be
close to at least one of the story's documents (not just to its centroid,
which drifts towards the generic as a story grows), and a story stops taking
documents :data:`MAX_SPAN_DAYS` after its first.

Similarity is the cosine of headline+lead vectors, plus a small bonus for
sharing named sources (the same agency briefing twice is a strong sign of one
story; two articles quoting only "officials" is not), because vectors of
short leads are noisy.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np

from .corpus import ClaimItem, DocItem

ENTITY_BONUS = 0.04  # per shared named source, at most three
WINDOW_DAYS = 10
#: A story older than this takes no new documents: a long-running topic ("the primaries")
#: becomes successive stories instead of one that absorbs the campaign.
MAX_SPAN_DAYS = 21


@dataclass(slots=True)
class StoryGroup:
    id: str
    documents: list[DocItem] = field(default_factory=list)
    centroid: np.ndarray | None = None
    members: np.ndarray | None = None  # one row per document, for the nearest-neighbour check
    sources: Counter[str] = field(default_factory=Counter)
    last: date | None = None
    first: date | None = None
    title: str = ""


def story_id(first_document: str) -> str:
    """Stable across rebuilds as long as the story's first document stays its first."""
    return "s-" + hashlib.sha1(first_document.encode()).hexdigest()[:10]


def group_documents(
    docs: list[DocItem],
    vectors: np.ndarray,
    claims_by_doc: dict[str, list[ClaimItem]],
    threshold: float,
    neighbour: float,
    window_days: int = WINDOW_DAYS,
) -> list[StoryGroup]:
    """Assign every document to exactly one story; returns stories oldest first."""
    order = sorted(range(len(docs)), key=lambda i: (docs[i].published or date.min, docs[i].id))
    window = timedelta(days=window_days)
    max_span = timedelta(days=MAX_SPAN_DAYS)
    stories: list[StoryGroup] = []
    active: list[StoryGroup] = []
    for i in order:
        doc, vec = docs[i], vectors[i]
        when = doc.published
        named = _named_sources(claims_by_doc.get(doc.id, []))
        if when is not None:
            active = [
                s
                for s in active
                if s.last is None or (when - s.last <= window and when - s.first <= max_span)  # type: ignore[operator]
            ]
        best, best_score = None, threshold
        if active:
            cents = np.stack([s.centroid for s in active])  # type: ignore[misc]
            sims = cents @ vec
            for s, sim in zip(active, sims, strict=True):
                shared = sum(1 for k in named if s.sources[k])
                bonus = ENTITY_BONUS * min(shared, 3)
                score = float(sim) + bonus
                if score < best_score:
                    continue
                # a close neighbour among the story's documents, not just the centroid: this is
                # what stops a story drifting from one event to the whole topic
                nearest = float(np.max(s.members @ vec)) + bonus  # type: ignore[operator]
                if nearest >= neighbour:
                    best, best_score = s, score
        if best is None:
            best = StoryGroup(story_id(doc.id))
            stories.append(best)
            active.append(best)
        _add(best, doc, vec, named)
    for s in stories:
        s.title = _title(s, vectors, docs)
    return stories


def _add(story: StoryGroup, doc: DocItem, vec: np.ndarray, named: set[str]) -> None:
    n = len(story.documents)
    total = vec if story.centroid is None else story.centroid * n + vec
    norm = float(np.linalg.norm(total)) or 1.0
    story.centroid = (total / norm).astype(np.float32)
    row = vec[np.newaxis, :].astype(np.float32)
    story.members = row if story.members is None else np.vstack([story.members, row])
    story.documents.append(doc)
    story.sources.update(named)
    if doc.published is not None:
        story.last = max(story.last or doc.published, doc.published)
        story.first = min(story.first or doc.published, doc.published)


def _named_sources(items: list[ClaimItem]) -> set[str]:
    """Named sources and origins, minus countries: "the U.S. said" is in every foreign story."""
    out = set()
    for it in items:
        for c in (it.source, it.origin):
            if c is not None and not c.anonymous and c.type.value != "country":
                out.add(c.key)
    return out


def _title(story: StoryGroup, vectors: np.ndarray, docs: list[DocItem]) -> str:
    """The headline of the document closest to the story's centroid: the most typical one."""
    index = {d.id: i for i, d in enumerate(docs)}
    best = max(story.documents, key=lambda d: float(vectors[index[d.id]] @ story.centroid))
    return best.document.title or best.lead(80)
