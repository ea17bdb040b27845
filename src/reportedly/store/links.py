"""What ``reportedly link`` derives from the ledgers: stories, claim clusters, conflicts, measures.

The link stage reads every ledger (:func:`link_inputs`), reuses the sentence vectors earlier
runs cached (:func:`cached_vectors`, :func:`save_vectors`) and replaces every derived row
in one transaction (:func:`replace_links`). The story verbs and the API read the result
back through :mod:`.stories` (stories, clusters, conflicts) and :mod:`.measures`.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    Connection,
    delete,
    func,
    insert,
    select,
)

from reportedly.model import (
    Claim,
    ClaimCluster,
    Conflict,
    ConflictKind,
    Document,
    Story,
)
from reportedly.store.aliases import aliases_of
from reportedly.store.reading import document_from_row, load_claims
from reportedly.store.rows import chunks, insert_rows
from reportedly.store.schema import (
    claim_clusters,
    claim_measures,
    claims,
    cluster_claims,
    conflicts,
    documents,
    link_runs,
    link_vectors,
    stories,
    story_documents,
    user_aliases,
)
from reportedly.store.values import iso

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


@dataclass(frozen=True, slots=True)
class LinkRows:
    """What one link run writes, whole (:meth:`Store.replace_links`) or for some stories
    (:meth:`Store.replace_story_links`): its stories, conflicts and dated measures, and how it
    ran, which ``link_runs`` records (the fingerprint is what tells a later run whether the
    store or the aliases changed since)."""

    stories: Sequence[Story]
    conflicts: Sequence[Conflict]
    #: (claim id, quantity position, measure, date)
    measures: Sequence[tuple[str, int, str, Any]]
    method: str
    seconds: float
    fingerprint: str


def replace_links(conn: Connection, found: LinkRows) -> None:
    """Replace every derived story row with a new link run's (call it inside one write transaction)."""
    for table in (conflicts, cluster_claims, claim_clusters, story_documents, claim_measures, stories):
        conn.execute(delete(table))
    _insert_links(conn, found)


def replace_story_links(
    conn: Connection, old_stories: Sequence[str], document_ids: Sequence[str], found: LinkRows
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
    _insert_links(conn, found)


def _insert_links(conn: Connection, rows: LinkRows) -> None:
    n_docs = conn.scalar(select(func.count()).select_from(documents)) or 0
    n_claims = conn.scalar(select(func.count()).select_from(claims)) or 0
    found_stories, found_conflicts, measures = rows.stories, rows.conflicts, rows.measures
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
                "also": _also_json(c),
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
    run = {"method": rows.method, "seconds": rows.seconds, "fingerprint": rows.fingerprint}
    conn.execute(insert(link_runs), [{**counted, **run}])


def _also_json(conflict: Conflict) -> str | None:
    """``conflicts.also``: the rest of each side's claim ids, or NULL when there are none."""
    if not conflict.a_also and not conflict.b_also:
        return None
    return json.dumps({"a": [r.id for r in conflict.a_also], "b": [r.id for r in conflict.b_also]})


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


# -- clusters -----------------------------------------------------------------------------


# -- conflicts ----------------------------------------------------------------------------


# -- measures and timelines ---------------------------------------------------------------
