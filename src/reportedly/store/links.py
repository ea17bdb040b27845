"""What ``reportedly link`` derives from the ledgers: stories, claim clusters, conflicts, measures.

The link stage reads every ledger (:func:`link_inputs`), reuses the sentence vectors earlier
runs cached (:func:`cached_vectors`, :func:`save_vectors`) and replaces every derived row
in one transaction (:func:`replace_links`). The story verbs and the API read the result
back: listings are ordered and paged in SQL (``limit``/``offset``), in the order Python
would sort them (text by code point, see :func:`reportedly.store.values.by_code_point`),
so a page reads the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Row,
    Select,
    and_,
    delete,
    false,
    func,
    insert,
    select,
    true,
    union,
)

from reportedly.model import (
    Claim,
    ClaimCluster,
    ClaimRef,
    Conflict,
    ConflictKind,
    Document,
    Origin,
    QuantityScope,
    Span,
    Stance,
    Story,
    TimelinePoint,
)
from reportedly.store.aliases import aliases_of
from reportedly.store.errors import NotFound
from reportedly.store.rows import chunks, document_from_row, documents_in, insert_rows, load_claims
from reportedly.store.schema import (
    claim_clusters,
    claim_measures,
    claims,
    cluster_claims,
    conflicts,
    documents,
    link_runs,
    link_vectors,
    quantities,
    stories,
    story_documents,
    user_aliases,
)
from reportedly.store.values import by_code_point, count_rows, day, enum_value, iso, paged

# -- link runs --------------------------------------------------------------------------


def link_inputs(
    conn: Connection, document_ids: Sequence[str] | None = None
) -> tuple[list[Document], list[tuple[str, Claim]]]:
    """Every document (by id) and every claim with its document id, as model objects; with
    ``document_ids``, only those documents and their claims (an incremental link run)."""
    if document_ids is None:
        docs = [document_from_row(r) for r in conn.execute(select(documents).order_by(documents.c.id))]
        return docs, _with_aliases(conn, load_claims(conn, []))
    wanted = sorted(set(document_ids))
    docs, found = [], []
    for chunk in chunks(wanted, 500):
        query = select(documents).where(documents.c.id.in_(chunk)).order_by(documents.c.id)
        docs += [document_from_row(r) for r in conn.execute(query)]
        found += load_claims(conn, [claims.c.document_id.in_(chunk)])
    return docs, _with_aliases(conn, found)


def _with_aliases(conn: Connection, found: list[tuple[str, Claim]]) -> list[tuple[str, Claim]]:
    """The claims' sources and chain hops with their stored aliases, as analysis gave them.

    Linking reads roles from aliases ("Ukrainian President" for Volodymyr Zelenskyy, "top
    adviser to President Zelensky"): without them a store links differently from the same
    ledgers held in memory.
    """
    held: dict[str, list[Any]] = defaultdict(list)
    for _doc, c in found:
        entities_of = [link.entity for link in c.chain]
        if c.source is not None:
            entities_of += [c.source.entity, *c.source.joint]
        for e in entities_of:
            if e is not None and not any(e is x for x in held[e.id]):
                held[e.id].append(e)
    for chunk in chunks(sorted(held), 500):
        for eid, names in aliases_of(conn, chunk).items():
            for e in held.get(eid, []):
                e.aliases = list(dict.fromkeys([*e.aliases, *names]))
    return found


def story_assignment(conn: Connection) -> tuple[dict[str, str], dict[str, Any], int]:
    """(story id of each linked document, publication date of every stored document, claims stored)."""
    linked = {r.document_id: r.story_id for r in conn.execute(select(story_documents))}
    dates = {r.id: r.published for r in conn.execute(select(documents.c.id, documents.c.published))}
    return linked, dates, conn.scalar(select(func.count()).select_from(claims)) or 0


def link_fingerprint(conn: Connection, extra: str = "") -> str:
    """Changes whenever a link run would give a different answer: documents, claims, user aliases."""
    digest = hashlib.sha1(extra.encode("utf-8"))
    for (doc_id,) in conn.execute(select(documents.c.id).order_by(documents.c.id)):
        digest.update(doc_id.encode())
    digest.update(str(conn.scalar(select(func.count()).select_from(claims))).encode())
    for r in conn.execute(select(user_aliases).order_by(user_aliases.c.alias)):
        digest.update(f"{r.alias}\t{r.canonical}\t{r.type}".encode())
    return digest.hexdigest()[:16]


def last_link_run(conn: Connection) -> dict[str, Any] | None:
    """The newest link run as a dict, or None before the first.

    Keys: ``built_at``, ``documents``, ``claims``, ``method``, ``fingerprint``, ``seconds``.
    """
    r = conn.execute(select(link_runs).order_by(link_runs.c.id.desc()).limit(1)).first()
    if r is None:
        return None
    return {
        "built_at": iso(r.built_at),
        "documents": r.documents,
        "claims": r.claims,
        "method": r.method,
        "fingerprint": r.fingerprint,
        "seconds": r.seconds,
    }


def cached_vectors(conn: Connection, method: str, items: list[str]) -> dict[str, Any]:
    """Sentence vectors stored by earlier link runs (numpy float32 rows), by item key."""
    import numpy as np

    out: dict[str, Any] = {}
    for chunk in chunks(items, 500):
        query = select(link_vectors.c.item, link_vectors.c.vector).where(
            link_vectors.c.method == method, link_vectors.c.item.in_(chunk)
        )
        for item, blob in conn.execute(query):
            out[item] = np.frombuffer(blob, dtype=np.float32)
    return out


def vector_rows(method: str, vectors: dict[str, Any]) -> list[dict[str, Any]]:
    """``link_vectors`` rows for vectors by item key, as float32 bytes."""
    import numpy as np

    return [
        {"item": k, "method": method, "vector": np.asarray(v, dtype=np.float32).tobytes()}
        for k, v in vectors.items()
    ]


def save_vectors(conn: Connection, method: str, rows: list[dict[str, Any]]) -> None:
    """Store rows made by :func:`vector_rows`, replacing vectors cached for the same items."""
    for chunk in chunks(rows, 500):
        keys = [r["item"] for r in chunk]
        conn.execute(
            delete(link_vectors).where(link_vectors.c.method == method, link_vectors.c.item.in_(keys))
        )
        insert_rows(conn, link_vectors, list(chunk))


def replace_links(
    conn: Connection,
    found_stories: Sequence[Story],
    found_conflicts: Sequence[Conflict],
    measures: Sequence[tuple[str, int, str, Any]],
    run: dict[str, Any],
) -> None:
    """Replace every derived story row with a new link run's (call it inside one write transaction).

    ``measures`` are (claim id, quantity position, measure, date); ``run`` holds the
    ``method``, ``seconds`` and ``fingerprint`` recorded in ``link_runs``.
    """
    for table in (conflicts, cluster_claims, claim_clusters, story_documents, claim_measures, stories):
        conn.execute(delete(table))
    _insert_links(conn, found_stories, found_conflicts, measures, run)


def replace_story_links(
    conn: Connection,
    old_stories: Sequence[str],
    document_ids: Sequence[str],
    found_stories: Sequence[Story],
    found_conflicts: Sequence[Conflict],
    measures: Sequence[tuple[str, int, str, Any]],
    run: dict[str, Any],
) -> None:
    """Replace the derived rows of some stories with an incremental run's (inside one write
    transaction): the rows of ``old_stories`` go, and so do the conflicts between two claims of
    ``document_ids`` and those claims' measures; conflicts reaching outside them are kept."""
    doc_ids = sorted(set(document_ids))
    story_ids = sorted(set(old_stories))
    for chunk in chunks(story_ids, 500):
        clusters_of = select(claim_clusters.c.id).where(claim_clusters.c.story_id.in_(chunk))
        conn.execute(delete(cluster_claims).where(cluster_claims.c.cluster_id.in_(clusters_of)))
        conn.execute(delete(claim_clusters).where(claim_clusters.c.story_id.in_(chunk)))
        conn.execute(delete(story_documents).where(story_documents.c.story_id.in_(chunk)))
        conn.execute(delete(conflicts).where(conflicts.c.story_id.in_(chunk)))
    subset: set[str] = set()
    for chunk in chunks(doc_ids, 500):
        inside = select(claims.c.id).where(claims.c.document_id.in_(chunk))
        subset.update(conn.scalars(inside))
        conn.execute(delete(claim_measures).where(claim_measures.c.claim_id.in_(inside)))
    stale = []
    for chunk in chunks(sorted(subset), 500):
        rows = conn.execute(select(conflicts.c.id, conflicts.c.claim_b).where(conflicts.c.claim_a.in_(chunk)))
        stale += [r.id for r in rows if r.claim_b in subset]
    for chunk in chunks(stale, 500):
        conn.execute(delete(conflicts).where(conflicts.c.id.in_(chunk)))
    for chunk in chunks(story_ids, 500):
        conn.execute(delete(stories).where(stories.c.id.in_(chunk)))
    _insert_links(conn, found_stories, found_conflicts, measures, run)


def _insert_links(
    conn: Connection,
    found_stories: Sequence[Story],
    found_conflicts: Sequence[Conflict],
    measures: Sequence[tuple[str, int, str, Any]],
    run: dict[str, Any],
) -> None:
    n_docs = conn.scalar(select(func.count()).select_from(documents)) or 0
    n_claims = conn.scalar(select(func.count()).select_from(claims)) or 0
    found = [(s, c) for s in found_stories for c in s.clusters]
    insert_rows(
        conn,
        stories,
        [
            {
                "id": s.id,
                "title": s.title,
                "first": s.first,
                "last": s.last,
                "entities": json.dumps(s.entities, ensure_ascii=False),
            }
            for s in found_stories
        ],
    )
    insert_rows(
        conn,
        story_documents,
        [
            {"story_id": s.id, "document_id": d, "position": i}
            for s in found_stories
            for i, d in enumerate(s.documents)
        ],
    )
    insert_rows(
        conn,
        claim_clusters,
        [
            {
                "id": c.id,
                "story_id": s.id,
                "label": c.label,
                "measure": c.measure,
                "outlets": len(c.outlets),
                "independent_origins": c.independent_origins,
            }
            for s, c in found
        ],
    )
    insert_rows(conn, cluster_claims, [row for _, c in found for row in _member_rows(c)])
    insert_rows(
        conn,
        conflicts,
        [
            {
                "kind": ConflictKind(c.kind).value,
                "story_id": c.story_id,
                "claim_a": c.a.id,
                "claim_b": c.b.id,
                "measure": c.measure,
                "why": c.why,
                "declined": bool(c.declined),
            }
            for c in found_conflicts
        ],
    )
    insert_rows(
        conn,
        claim_measures,
        [{"claim_id": cid, "position": p, "measure": m, "date": d} for cid, p, m, d in measures],
    )
    counted = {"built_at": datetime.now(UTC), "documents": n_docs, "claims": n_claims}
    conn.execute(insert(link_runs), [{**counted, **run}])


def _member_rows(cluster: ClaimCluster) -> list[dict[str, Any]]:
    """``cluster_claims`` rows: each claim of a cluster with the origin it was counted under."""
    origin_of = {cid: o for o in cluster.origins for cid in o.claims}
    return [
        {
            "cluster_id": cluster.id,
            "claim_id": ref.id,
            "position": i,
            "origin_key": origin_of[ref.id].key,
            "origin_name": origin_of[ref.id].name,
            "origin_anonymous": origin_of[ref.id].anonymous,
        }
        for i, ref in enumerate(cluster.claims)
    ]


# -- stories ------------------------------------------------------------------------------


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


def story(conn: Connection, story_id: str) -> tuple[Story, list[dict[str, Any]]]:
    """A story with all its clusters, and summary dicts of its documents (``id``, ``title``,
    ``outlet``, ``url``, ``published``) in story order; NotFound for an unknown story."""
    row = require_story(conn, story_id)
    doc_ids = story_document_ids(conn, story_id)
    # Subqueries, not lists of ids: see rows.documents_in.
    docs = documents_in(
        conn, select(story_documents.c.document_id).where(story_documents.c.story_id == story_id)
    )
    ordered = [docs[d] for d in doc_ids]
    found = Story(
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


# -- clusters -----------------------------------------------------------------------------


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
) -> list[ClaimCluster]:
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
    out: list[ClaimCluster] = []
    for r in cluster_rows:
        refs, origins = [], {}
        for m in by_cluster[r.id]:
            doc_id, claim = loaded[m.claim_id]
            refs.append(ClaimRef.from_claim(claim, docs[doc_id]))
            o = origins.setdefault(
                m.origin_key, Origin(m.origin_key, m.origin_name, bool(m.origin_anonymous))
            )
            o.claims.append(m.claim_id)
            o.outlets.append(docs[doc_id].outlet or f"document {doc_id}")
        out.append(ClaimCluster(r.id, story_id, r.label, refs, r.measure, list(origins.values())))
    return out


def count_clusters(conn: Connection, story_id: str) -> int:
    """How many claim clusters a story has."""
    return count_rows(conn, select(claim_clusters.c.id).where(claim_clusters.c.story_id == story_id))


# -- conflicts ----------------------------------------------------------------------------


def _conflict_where(
    story: str | None, kind: str | None, declined: bool | None = False
) -> ColumnElement[bool]:
    conds: list[ColumnElement[bool]] = []
    if declined is not None:
        conds.append(conflicts.c.declined == declined)
    if story is not None:
        conds.append(conflicts.c.story_id == story)
    if kind is not None:
        conds.append(conflicts.c.kind == enum_value(ConflictKind, kind, "conflict kind"))
    return and_(true(), *conds)


def conflict_list(
    conn: Connection,
    *,
    story: str | None = None,
    kind: str | None = None,
    declined: bool | None = False,
    limit: int | None = None,
    offset: int = 0,
) -> list[Conflict]:
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
    loaded = {c.id: (d, c) for d, c in load_claims(conn, [claims.c.id.in_(select(involved.c.id))])}
    docs = documents_in(conn, select(claims.c.document_id).where(claims.c.id.in_(select(involved.c.id))))

    def ref(claim_id: str) -> ClaimRef:
        doc_id, claim = loaded[claim_id]
        return ClaimRef.from_claim(claim, docs[doc_id])

    return [
        Conflict(
            ConflictKind(r.kind),
            ref(r.claim_a),
            ref(r.claim_b),
            r.why,
            r.story_id,
            r.measure,
            bool(r.declined),
        )
        for r in rows
    ]


def count_conflicts(
    conn: Connection, *, story: str | None = None, kind: str | None = None, declined: bool | None = False
) -> int:
    """How many conflicts :func:`conflict_list` lists in all."""
    return count_rows(conn, select(conflicts.c.id).where(_conflict_where(story, kind, declined)))


# -- measures and timelines ---------------------------------------------------------------


def _measure_query(story: str | None) -> Select[Any]:
    query = (
        select(
            claim_measures.c.measure,
            func.count().label("points"),
            func.count(func.distinct(claims.c.document_id)).label("documents"),
            func.min(claim_measures.c.date).label("first"),
            func.max(claim_measures.c.date).label("last"),
        )
        .join(claims, claims.c.id == claim_measures.c.claim_id)
        .group_by(claim_measures.c.measure)
    )
    if story is not None:
        query = query.join(story_documents, story_documents.c.document_id == claims.c.document_id).where(
            story_documents.c.story_id == story
        )
    return query


def measure_rows(
    conn: Connection, *, story: str | None = None, limit: int | None = None, offset: int = 0
) -> list[dict[str, Any]]:
    """What is counted and where, as dicts: ``measure``, ``points``, ``documents``, ``first``, ``last``.

    Most documents first, then most numbers, then by name.
    """
    query = _measure_query(story)
    columns = query.selected_columns
    query = query.order_by(
        columns.documents.desc(), columns.points.desc(), by_code_point(conn, claim_measures.c.measure)
    )
    return [
        {
            "measure": r.measure,
            "points": r.points,
            "documents": r.documents,
            "first": day(r.first),
            "last": day(r.last),
        }
        for r in conn.execute(paged(query, limit, offset))
    ]


def count_measures(conn: Connection, *, story: str | None = None) -> int:
    """How many measures :func:`measure_rows` lists in all."""
    return count_rows(conn, _measure_query(story))


def timeline(
    conn: Connection, measure: str, *, story: str | None = None, limit: int | None = None, offset: int = 0
) -> list[TimelinePoint]:
    """Every number stored for a measure (within a story's documents if given), by date.

    Undated numbers come first; then by document id, claim id and where the number stands.
    """
    # The page names the claims (and documents) to load as a subquery, not as a list of
    # ids: see rows.documents_in. It reads ``claims`` through an alias, or it would be
    # correlated with the claims load_claims selects.
    member = claims.alias("member")
    amount = quantities.alias("amount")
    query = (
        select(claim_measures, member.c.document_id)
        .join(member, member.c.id == claim_measures.c.claim_id)
        .outerjoin(
            amount,
            and_(
                amount.c.claim_id == claim_measures.c.claim_id, amount.c.position == claim_measures.c.position
            ),
        )
        .where(claim_measures.c.measure == measure)
        .order_by(
            claim_measures.c.date.asc().nulls_first(),
            by_code_point(conn, member.c.document_id),
            by_code_point(conn, member.c.id),
            amount.c.start,
            claim_measures.c.position,
        )
    )
    if story is not None:
        in_story = select(story_documents.c.document_id).where(story_documents.c.story_id == story)
        query = query.where(member.c.document_id.in_(in_story))
    query = paged(query, limit, offset)
    marks = conn.execute(query).all()
    marked = select(query.subquery("marked").c.claim_id)
    loaded = {c.id: c for _, c in load_claims(conn, [claims.c.id.in_(marked)])}
    docs = documents_in(conn, select(claims.c.document_id).where(claims.c.id.in_(marked)))
    return [_point(m, loaded[m.claim_id], docs[m.document_id]) for m in marks]


def _point(mark: Row[Any], claim: Claim, doc: Document) -> TimelinePoint:
    """A timeline point: the quantity ``mark`` names, who gives it, in which document."""
    q = claim.quantities[mark.position]
    origin = claim.origin
    return TimelinePoint(
        mark.date,
        q.value,
        q.low,
        q.high,
        q.unit,
        source=origin.name if origin else (doc.outlet or None),
        stance=Stance(claim.stance),
        document_id=doc.id,
        claim_id=claim.id,
        evidence=Span(q.start, q.end, q.text),
        scope=QuantityScope(q.scope),
        outlet=doc.outlet,
        approximate=q.approximate,
    )
