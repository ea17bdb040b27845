"""Reading back what the link stage stored: stories, their claim clusters and conflicts.

Listings are ordered and paged in SQL (``limit``/``offset``), in the order Python would sort
them (text by code point, see :func:`reportedly.store.values.by_code_point`), so a page reads
the same on SQLite and PostgreSQL. The link stage writes these rows in :mod:`.links`; measures
and timelines are read in :mod:`.measures`.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Row,
    Select,
    and_,
    false,
    func,
    select,
    true,
    union,
)

from reportedly import model
from reportedly.store.errors import NotFound
from reportedly.store.reading import documents_in, load_claims
from reportedly.store.rows import chunks
from reportedly.store.schema import (
    claim_clusters,
    claims,
    cluster_claims,
    conflicts,
    documents,
    stories,
    story_documents,
)
from reportedly.store.values import by_code_point, count_rows, enum_value, paged


def _story_query(min_documents: int) -> tuple[Select[Any], tuple[ColumnElement[Any], ...]]:
    """Stories with their counts of documents, clusters and conflicts, and the counts to sort by."""
    n_docs = (
        select(story_documents.c.story_id, func.count().label("n"))
        .group_by(story_documents.c.story_id)
        .subquery()
    )
    n_clusters = (
        select(claim_clusters.c.story_id, func.count().label("n"))
        .group_by(claim_clusters.c.story_id)
        .subquery()
    )
    n_conflicts = (
        select(conflicts.c.story_id, func.count().label("n"))
        .where(conflicts.c.declined == false())
        .group_by(conflicts.c.story_id)
        .subquery()
    )
    counts = tuple(func.coalesce(n.c.n, 0) for n in (n_docs, n_clusters, n_conflicts))
    query = (
        select(
            stories,
            counts[0].label("documents"),
            counts[1].label("clusters"),
            counts[2].label("conflicts"),
        )
        .select_from(
            stories.outerjoin(n_docs, n_docs.c.story_id == stories.c.id)
            .outerjoin(n_clusters, n_clusters.c.story_id == stories.c.id)
            .outerjoin(n_conflicts, n_conflicts.c.story_id == stories.c.id)
        )
        .where(counts[0] >= min_documents)
    )
    return query, counts


def story_rows(
    conn: Connection, *, min_documents: int = 1, limit: int | None = None, offset: int = 0
) -> list[dict[str, Any]]:
    """Stories told by at least ``min_documents`` documents, as dicts, largest first.

    Keys: ``id``, ``title``, ``first``, ``last`` (``YYYY-MM-DD``), ``documents``,
    ``outlets`` (sorted names), ``clusters``, ``conflicts`` (counts), ``entities``.
    Ordered by documents, then clusters (most first), first date, id.
    """
    query, (n_docs, n_clusters, _) = _story_query(min_documents)
    query = query.order_by(
        n_docs.desc(),
        n_clusters.desc(),
        stories.c.first.asc().nulls_first(),
        by_code_point(conn, stories.c.id),
    )
    rows = conn.execute(paged(query, limit, offset)).all()
    outlets: dict[str, set[str]] = defaultdict(set)
    named = select(story_documents.c.story_id, documents.c.outlet, documents.c.id).join(
        documents, documents.c.id == story_documents.c.document_id
    )
    for part in chunks([r.id for r in rows], 500):
        for sid, outlet, doc_id in conn.execute(named.where(story_documents.c.story_id.in_(part))):
            outlets[sid].add(outlet or f"document {doc_id}")
    return [
        {
            "id": r.id,
            "title": r.title,
            "first": r.first.isoformat() if r.first else None,
            "last": r.last.isoformat() if r.last else None,
            "documents": r.documents,
            "outlets": sorted(outlets[r.id]),
            "clusters": r.clusters,
            "conflicts": r.conflicts,
            "entities": json.loads(r.entities),
        }
        for r in rows
    ]


def count_stories(conn: Connection, *, min_documents: int = 1) -> int:
    """How many stories :func:`story_rows` lists in all."""
    return count_rows(conn, _story_query(min_documents)[0])


def require_story(conn: Connection, story_id: str) -> Row[Any]:
    """The ``stories`` row of ``story_id``; NotFound when the last link run made no such story."""
    row = conn.execute(select(stories).where(stories.c.id == story_id)).first()
    if row is None:
        raise NotFound("story", story_id, "list them with: reportedly stories")
    return row


def story_document_ids(conn: Connection, story_id: str) -> list[str]:
    """The ids of a story's documents in story order; NotFound for an unknown story."""
    require_story(conn, story_id)
    return list(
        conn.scalars(
            select(story_documents.c.document_id)
            .where(story_documents.c.story_id == story_id)
            .order_by(story_documents.c.position)
        )
    )


def story(conn: Connection, story_id: str) -> tuple[model.Story, list[dict[str, Any]]]:
    """A story with all its clusters, and summary dicts of its documents (``id``, ``title``,
    ``outlet``, ``url``, ``published``) in story order; NotFound for an unknown story."""
    row = require_story(conn, story_id)
    doc_ids = story_document_ids(conn, story_id)
    # Subqueries, not lists of ids: see reading.documents_in.
    docs = documents_in(
        conn, select(story_documents.c.document_id).where(story_documents.c.story_id == story_id)
    )
    ordered = [docs[d] for d in doc_ids]
    found = model.Story(
        id=row.id,
        title=row.title,
        documents=doc_ids,
        first=row.first,
        last=row.last,
        outlets=sorted({d.outlet or f"document {d.id}" for d in ordered}),
        entities=json.loads(row.entities),
        clusters=cluster_list(conn, story_id),
    )
    summaries = [
        {
            "id": d.id,
            "title": d.title,
            "outlet": d.outlet,
            "url": d.url,
            "published": d.published.isoformat() if d.published else None,
        }
        for d in ordered
    ]
    return found, summaries


def _cluster_query(conn: Connection, story_id: str) -> Select[Any]:
    """A story's clusters in the order the story shows them: by their first claim's
    publication date (undated first), document id and claim id, then cluster id."""
    lead_id = (
        select(cluster_claims.c.claim_id)
        .where(cluster_claims.c.cluster_id == claim_clusters.c.id)
        .order_by(cluster_claims.c.position)
        .limit(1)
        .correlate(claim_clusters)
        .scalar_subquery()
    )
    lead = claims.alias("lead")
    lead_doc = documents.alias("lead_document")
    return (
        select(claim_clusters)
        .select_from(
            claim_clusters.outerjoin(lead, lead.c.id == lead_id).outerjoin(
                lead_doc, lead_doc.c.id == lead.c.document_id
            )
        )
        .where(claim_clusters.c.story_id == story_id)
        .order_by(
            lead_doc.c.published.asc().nulls_first(),
            by_code_point(conn, lead.c.document_id),
            by_code_point(conn, lead.c.id),
            by_code_point(conn, claim_clusters.c.id),
        )
    )


def cluster_list(
    conn: Connection, story_id: str, *, limit: int | None = None, offset: int = 0
) -> list[model.ClaimCluster]:
    """A story's claim clusters with their claims (as :class:`ClaimRef`) and independent origins."""
    query = paged(_cluster_query(conn, story_id), limit, offset)
    cluster_rows = conn.execute(query).all()
    if limit is None and not offset:  # the whole story: no need to repeat the ordering
        page_ids = select(claim_clusters.c.id).where(claim_clusters.c.story_id == story_id)
    else:
        page_ids = select(query.subquery("page").c.id)
    members = conn.execute(
        select(cluster_claims)
        .where(cluster_claims.c.cluster_id.in_(page_ids))
        .order_by(cluster_claims.c.cluster_id, cluster_claims.c.position)
    ).all()
    in_page = select(cluster_claims.c.claim_id).where(cluster_claims.c.cluster_id.in_(page_ids))
    loaded = {c.id: (d, c) for d, c in load_claims(conn, [claims.c.id.in_(in_page)])}
    docs = documents_in(conn, select(claims.c.document_id).where(claims.c.id.in_(in_page)))
    by_cluster: dict[str, list[Row[Any]]] = defaultdict(list)
    for m in members:
        by_cluster[m.cluster_id].append(m)
    out: list[model.ClaimCluster] = []
    for r in cluster_rows:
        refs, origins = [], {}
        for m in by_cluster[r.id]:
            doc_id, claim = loaded[m.claim_id]
            refs.append(model.ClaimRef.from_claim(claim, docs[doc_id]))
            o = origins.setdefault(
                m.origin_key, model.Origin(m.origin_key, m.origin_name, bool(m.origin_anonymous))
            )
            o.claims.append(m.claim_id)
            o.outlets.append(docs[doc_id].outlet or f"document {doc_id}")
        out.append(model.ClaimCluster(r.id, story_id, r.label, refs, r.measure, list(origins.values())))
    return out


def count_clusters(conn: Connection, story_id: str) -> int:
    """How many claim clusters a story has."""
    return count_rows(conn, select(claim_clusters.c.id).where(claim_clusters.c.story_id == story_id))


def _conflict_where(
    story: str | None, kind: str | None, declined: bool | None = False
) -> ColumnElement[bool]:
    conds: list[ColumnElement[bool]] = []
    if declined is not None:
        conds.append(conflicts.c.declined == declined)
    if story is not None:
        conds.append(conflicts.c.story_id == story)
    if kind is not None:
        conds.append(conflicts.c.kind == enum_value(model.ConflictKind, kind, "conflict kind"))
    return and_(true(), *conds)


def conflict_list(
    conn: Connection,
    *,
    story: str | None = None,
    kind: str | None = None,
    declined: bool | None = False,
    limit: int | None = None,
    offset: int = 0,
) -> list[model.Conflict]:
    """Stored conflicts, each with both claims' evidence, in the order the link run found them.

    ``declined``: False (default) the conflicts; True the pairs declined with their reason;
    None both.
    """
    query = paged(
        select(conflicts).where(_conflict_where(story, kind, declined)).order_by(conflicts.c.id),
        limit,
        offset,
    )
    rows = conn.execute(query).all()
    page = query.subquery("page")
    involved = union(select(page.c.claim_a.label("id")), select(page.c.claim_b.label("id"))).subquery()
    also = {r.id: json.loads(r.also) for r in rows if r.also}
    loaded = {c.id: (d, c) for d, c in load_claims(conn, [claims.c.id.in_(select(involved.c.id))])}
    docs = documents_in(conn, select(claims.c.document_id).where(claims.c.id.in_(select(involved.c.id))))
    more = sorted({cid for sides in also.values() for ids in sides.values() for cid in ids} - loaded.keys())
    for chunk in chunks(more, 500):  # each side's other claims, a bounded IN list at a time
        loaded.update((c.id, (d, c)) for d, c in load_claims(conn, [claims.c.id.in_(chunk)]))
        docs.update(documents_in(conn, select(claims.c.document_id).where(claims.c.id.in_(chunk))))

    def ref(claim_id: str) -> model.ClaimRef:
        doc_id, claim = loaded[claim_id]
        return model.ClaimRef.from_claim(claim, docs[doc_id])

    def refs(r: Any, side: str) -> list[model.ClaimRef]:
        # a claim gone since the link run (its document re-analysed) is left out, not an error
        return [ref(cid) for cid in also.get(r.id, {}).get(side, []) if cid in loaded]

    return [
        model.Conflict(
            model.ConflictKind(r.kind),
            ref(r.claim_a),
            ref(r.claim_b),
            r.why,
            r.story_id,
            r.measure,
            bool(r.declined),
            refs(r, "a"),
            refs(r, "b"),
        )
        for r in rows
    ]


def count_conflicts(
    conn: Connection, *, story: str | None = None, kind: str | None = None, declined: bool | None = False
) -> int:
    """How many conflicts :func:`conflict_list` lists in all."""
    return count_rows(conn, select(conflicts.c.id).where(_conflict_where(story, kind, declined)))
