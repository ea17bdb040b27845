"""The link run: stored ledgers in, stories, clusters, conflicts and measures out.

:func:`link_corpus` is pure (documents and claims in, :class:`LinkResult` out)
so tests and the API can link ledgers that were never stored;
:func:`link_store` reads a store, reuses the sentence vectors it cached for
claims and documents seen before (embedding is the only costly step), links,
and replaces the derived tables in one transaction. Every step after
embedding is blocked (by time window, story, or measure), so a run costs about
linear time in the number of claims; see docs/benchmarks-stories.md.
"""

from __future__ import annotations

import hashlib
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from ..model import ClaimCluster, Conflict, Document, Entity, EntityType, Ledger, Story
from .blame import DENIES, MUTUAL, OWN, blame_conflicts, blame_groups, blaming, gazetteer_sides
from .clusters import cluster_claims, cluster_id
from .conflicts import internal_conflicts, opposition_conflicts
from .corpus import ClaimItem, DocItem, claim_item, outlet_of
from .embed import MINILM, THRESHOLDS, Embedder, default_embedder
from .entities import EntityIndex, load_aliases
from .independence import origins, with_demonyms
from .labels import label
from .numbers import numeric_conflicts
from .organisations import with_short_form
from .origins_core import core_origins
from .pairs import packaged_model
from .settle import place_containment, settle_places
from .stories import FOLLOW_UP_DAYS, WINDOW_DAYS, group_documents

if TYPE_CHECKING:
    from ..store import LinkRows

Progress = Callable[[str], None]


@dataclass(slots=True)
class MeasureRow:
    claim_id: str
    position: int
    measure: str
    when: date | None


@dataclass(slots=True)
class LinkResult:
    stories: list[Story]
    conflicts: list[Conflict]
    measures: list[MeasureRow]
    method: str
    documents: int
    claims: int
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)
    entities: EntityIndex | None = None
    #: for an incremental run, the new documents it placed (``documents`` counts what it relinked)
    new_documents: int | None = None

    def summary(self) -> dict[str, Any]:
        multi = [s for s in self.stories if len(s.documents) >= 2]
        # Declined pairs are kept (with their reason) beside the conflicts, but a reader of the
        # summary counts contradictions: the two are reported apart, as `conflicts` lists them.
        reported = [c for c in self.conflicts if not c.declined]
        return {
            "documents": self.documents,
            "claims": self.claims,
            "stories": len(self.stories),
            "stories_with_2_or_more_documents": len(multi),
            "clusters": sum(len(s.clusters) for s in self.stories),
            "conflicts": len(reported),
            "conflicts_by_kind": _count(c.kind.value for c in reported),
            "declined_pairs": len(self.conflicts) - len(reported),
            "measures": len({m.measure for m in self.measures}),
            "method": self.method,
            "seconds": round(self.seconds, 3),
            "timings": {k: round(v, 3) for k, v in self.timings.items()},
            "incremental": self.new_documents is not None,
            "new_documents": self.new_documents,
        }


def _count(values: Iterable[str]) -> dict[str, int]:
    out: dict[str, int] = defaultdict(int)
    for v in values:
        out[v] += 1
    return dict(sorted(out.items()))


def _entities(claims: Iterable[tuple[str, Any]]) -> Iterable[Entity]:
    for _doc, c in claims:
        if c.source is not None:
            if c.source.entity is not None:
                yield with_short_form(c.source.entity, c.source.text)
            yield from c.source.joint
        for link in c.chain:
            yield with_short_form(link.entity, link.mention.text if link.mention is not None else None)


def link_ledgers(ledgers: Sequence[Ledger], **kwargs: Any) -> LinkResult:
    """Link ledgers held in memory (analysed but not stored)."""
    return link_corpus(
        [led.document for led in ledgers],
        [(led.document.id, c) for led in ledgers for c in led.claims],
        **kwargs,
    )


def link_corpus(
    documents: Sequence[Document],
    claims: Sequence[tuple[str, Any]],
    *,
    embedder: Embedder | None = None,
    aliases: Iterable[str | Path] = (),
    user_aliases: dict[str, tuple[str, str | None]] | None = None,
    cached: Callable[[str, list[str]], dict[str, np.ndarray]] | None = None,
    save: Callable[[str, dict[str, np.ndarray]], None] | None = None,
    window_days: int = WINDOW_DAYS,
    progress: Progress | None = None,
) -> LinkResult:
    """Stories, claim clusters with independent origins, conflicts and measures for a corpus."""
    started = time.perf_counter()
    timings: dict[str, float] = {}
    say = progress or (lambda _msg: None)
    embedder = embedder or default_embedder()
    thresholds = THRESHOLDS[embedder.method]
    # the pair model weighs the sentence model's cosines: with TF-IDF vectors the hand rules link
    pair_model = packaged_model() if embedder.method == MINILM else None

    tick = time.perf_counter()
    index = EntityIndex(load_aliases(aliases, user_aliases))
    index.add(_entities(claims))
    docs = [DocItem(d, outlet_of(d)) for d in documents]
    by_id = {d.id: d for d in docs}
    items = [claim_item(c, by_id[doc_id], index) for doc_id, c in claims if doc_id in by_id]
    timings["prepare"] = time.perf_counter() - tick

    tick = time.perf_counter()
    say(f"embedding {len(docs)} documents and {len(items)} claims ({embedder.method})")
    doc_vecs = _vectors(embedder, [(d.id, d.lead()) for d in docs], cached, save)
    claim_vecs = _vectors(embedder, [(it.id, it.statement) for it in items], cached, save)
    timings["embed"] = time.perf_counter() - tick

    tick = time.perf_counter()
    claims_by_doc: dict[str, list[ClaimItem]] = defaultdict(list)
    for it in items:
        claims_by_doc[it.doc.id].append(it)
    doc_matrix = np.stack([doc_vecs[d.id] for d in docs]) if docs else np.zeros((0, 1), dtype=np.float32)
    groups = group_documents(docs, doc_matrix, claims_by_doc, thresholds.story, window_days)
    timings["stories"] = time.perf_counter() - tick

    tick = time.perf_counter()
    canonical_names = {c.key: c.name for c in index.all()}
    countries = {name for name, etype in index.gaz.by_key.values() if etype is EntityType.COUNTRY}
    side_of = gazetteer_sides(index.gaz.lookup, countries)
    origin_side = with_demonyms(side_of, index.country_of, countries)
    stories: list[Story] = []
    conflicts: list[Conflict] = []
    story_of: dict[str, str] = {}
    for g in groups:
        members = [it for d in g.documents for it in claims_by_doc.get(d.id, [])]
        for d in g.documents:
            story_of[d.id] = g.id
        clusters = []
        blamed = blame_groups(members, side_of)
        blame = {it.id: side for side, group in blamed for it in group}
        for cg in cluster_claims(members, claim_vecs, thresholds.cluster, pair_model, blame):
            found, _per_claim = origins(cg.items, origin_side)
            # a claim at the cluster's edge (joined through one close neighbour) backs no proposition
            found = core_origins(found, cg.items, claim_vecs, cg.centroid)
            clusters.append(
                ClaimCluster(
                    id=cg.id,
                    story_id=g.id,
                    label=label(cg, claim_vecs),
                    claims=[it.ref() for it in cg.items],
                    measure=cg.measure,
                    origins=found,
                )
            )
        for side, blamers in blamed:
            found, _per_claim = origins(blamers, origin_side)
            clusters.append(
                ClaimCluster(
                    id=cluster_id([it.id for it in blamers], f"blame:{side}"),
                    story_id=g.id,
                    label=_blame_label(side),
                    claims=[it.ref() for it in blamers],
                    origins=found,
                )
            )
        named = sorted(
            {k for k, n in g.sources.items() if n},
            key=lambda k: (-g.sources[k], k),
        )
        names = [canonical_names.get(k, k) for k in named[:8]]
        stories.append(
            Story(
                id=g.id,
                title=g.title,
                documents=[d.id for d in g.documents],
                first=g.first,
                last=g.last,
                outlets=sorted({d.outlet for d in g.documents}),
                entities=names,
                clusters=clusters,
            )
        )
        if len(members) > 1:
            blamed = blaming(members, side_of)
            conflicts.extend(opposition_conflicts(members, claim_vecs, thresholds, g.id, blamed))
            conflicts.extend(blame_conflicts(members, side_of, g.id))
            conflicts.extend(internal_conflicts(members, claim_vecs, thresholds, g.id))
    timings["clusters"] = time.perf_counter() - tick

    tick = time.perf_counter()
    contains = place_containment()
    settle_places(items, story_of, contains=contains)
    conflicts.extend(numeric_conflicts(items, story_of, contains))
    measures = [MeasureRow(it.id, m.position, m.measure, m.when) for it in items for m in it.measures]
    timings["conflicts"] = time.perf_counter() - tick

    return LinkResult(
        stories=stories,
        conflicts=conflicts,
        measures=measures,
        method=embedder.method,
        documents=len(docs),
        claims=len(items),
        seconds=time.perf_counter() - started,
        timings=timings,
        entities=index,
    )


def _vectors(
    embedder: Embedder,
    texts: list[tuple[str, str]],
    cached: Callable[[str, list[str]], dict[str, np.ndarray]] | None,
    save: Callable[[str, dict[str, np.ndarray]], None] | None,
) -> dict[str, np.ndarray]:
    """Vectors by id; cached ones are reused when the method's vectors depend only on the text.

    Cache keys include a hash of the text, so an edited text is embedded again.
    """
    keyed = [(f"{item}#{_digest(text)}", item, text) for item, text in texts]
    have: dict[str, np.ndarray] = {}
    if embedder.cacheable and cached is not None and keyed:
        have = cached(embedder.method, [k for k, _, _ in keyed])
    missing = [(k, t) for k, _, t in keyed if k not in have]
    if missing:
        fresh = embedder.encode([t for _, t in missing])
        new = {k: fresh[i] for i, (k, _) in enumerate(missing)}
        have.update(new)
        if embedder.cacheable and save is not None:
            save(embedder.method, new)
    return {item: have[k] for k, item, _ in keyed}


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def _link_stored(
    store: Any,
    documents: Sequence[Document],
    claims: Sequence[tuple[str, Any]],
    embedder: Embedder | None,
    aliases: Iterable[str | Path],
    progress: Progress | None,
) -> LinkResult:
    """:func:`link_corpus` over documents read from ``store``, with its user aliases and vector cache."""
    return link_corpus(
        documents,
        claims,
        embedder=embedder,
        aliases=aliases,
        user_aliases=store.user_aliases(),
        cached=store.cached_vectors,
        save=store.save_vectors,
        progress=progress,
    )


def link_store(
    store: Any,
    *,
    embedder: Embedder | None = None,
    aliases: Iterable[str | Path] = (),
    progress: Progress | None = None,
    fingerprint: str | None = None,
) -> LinkResult:
    """Link everything stored and replace the store's stories, clusters, conflicts and measures."""
    say = progress or (lambda _msg: None)
    say("reading the stored ledgers")
    documents, claims = store.link_inputs()
    result = _link_stored(store, documents, claims, embedder, aliases, progress)
    say(f"saving {len(result.stories)} stories")
    tick = time.perf_counter()
    store.replace_links(_link_rows(result, fingerprint or store.link_fingerprint()))
    result.timings["save"] = time.perf_counter() - tick
    return result


def link_store_incremental(
    store: Any,
    *,
    embedder: Embedder | None = None,
    aliases: Iterable[str | Path] = (),
    progress: Progress | None = None,
    fingerprint: str,
    last_run: dict[str, Any],
) -> LinkResult | None:
    """Place the documents stored since the last run without relinking the whole store.

    Only documents were added since ``last_run`` (the caller checked the method and aliases):
    the stories that can take a new document (one of theirs published within reach of a
    strong link, :data:`~reportedly.link.stories.FOLLOW_UP_DAYS`) are linked again together
    with the new documents, and only their rows are replaced. Stories elsewhere keep their
    rows, so the cost grows with the batch and the stories it touches, not with the store.
    Returns None when the change is not a pure addition (a document removed or re-analysed, an
    undated new document): the caller then relinks everything.

    What an incremental run cannot see, a full one (``link --force``) does: entities resolved
    with the help of documents outside the relinked stories, and numeric conflicts between a new
    document and a story it did not join.
    """
    say = progress or (lambda _msg: None)
    assignment, dates, n_claims = store.story_assignment()
    new = sorted(d for d in dates if d not in assignment)
    if not new or any(dates[d] is None for d in new):
        return None
    if last_run.get("documents") != len(dates) - len(new):
        return None  # a document went away since the last run
    new_dates = sorted(dates[d] for d in new)
    window = timedelta(days=max(WINDOW_DAYS, FOLLOW_UP_DAYS))  # a strong link reaches this far back
    touched = sorted(
        {
            story
            for doc, story in assignment.items()
            if dates.get(doc) is not None and new_dates[0] - window <= dates[doc] <= new_dates[-1] + window
        }
    )
    reached = set(touched)
    subset = set(new) | {doc for doc, story in assignment.items() if story in reached}
    say(f"placing {len(new)} new documents among {len(touched)} stories that can take them")
    documents, claims = store.link_inputs(sorted(subset))
    fresh = set(new)
    new_claims = sum(1 for doc_id, _ in claims if doc_id in fresh)
    if last_run.get("claims") != n_claims - new_claims:
        return None  # claims changed in documents already linked
    result = _link_stored(store, documents, claims, embedder, aliases, progress)
    result.new_documents = len(new)
    say(f"saving {len(result.stories)} stories")
    tick = time.perf_counter()
    store.replace_story_links(touched, sorted(subset), _link_rows(result, fingerprint))
    result.timings["save"] = time.perf_counter() - tick
    return result


def _link_rows(result: LinkResult, fingerprint: str) -> LinkRows:
    """What the store keeps of a link run: its stories, conflicts and dated measures, and how it ran."""
    from ..store import LinkRows  # here: linking ledgers alone needs no database driver

    measures = [(m.claim_id, m.position, m.measure, m.when) for m in result.measures]
    return LinkRows(
        result.stories,
        result.conflicts,
        measures,
        method=result.method,
        seconds=result.seconds,
        fingerprint=fingerprint,
    )


def _blame_label(key: str) -> str:
    if key == MUTUAL:
        return "the sides blame each other"
    if key.startswith(OWN):
        return f"{key.removeprefix(OWN)} claims responsibility"
    if key.startswith(DENIES):
        return f"{key.removeprefix(DENIES)} denies any part"
    blamed, _, accuser = key.partition("|")
    return f"{blamed} is responsible" + (f", according to {accuser}" if accuser else "")
