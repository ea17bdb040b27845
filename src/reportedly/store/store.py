"""The ledger store: what the CLI and the API use to keep and query ledgers.

Rows hold offsets, not copies of the evidence: span texts (content pieces,
sentences, chain mentions, paragraphs) are cut from the stored document text
when read back. That keeps one source of truth, and is why :meth:`Store.save`
refuses a ledger whose offsets do not reproduce their text: storing it would
silently change the evidence on the way back out. The few text columns kept
beside offsets (``cue_text``, ``source_text``, ``content_text``) are there for
people browsing the tables.

Everything read back is rebuilt into the model classes and serialised with
their own ``to_dict``, so the store's output cannot drift from the shape the
rest of the project (exports, API) expects.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum
from pathlib import Path
from types import TracebackType
from typing import Any, Self, TypeVar

from sqlalchemy import (
    ColumnElement,
    Connection,
    Engine,
    Row,
    Select,
    and_,
    column,
    delete,
    false,
    func,
    insert,
    literal_column,
    or_,
    select,
    table,
    true,
    union,
    update,
)
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from reportedly.model import (
    ChainLink,
    Claim,
    ClaimCluster,
    ClaimKind,
    ClaimRef,
    Conflict,
    ConflictKind,
    Cue,
    Document,
    Entity,
    EntityType,
    Ledger,
    Origin,
    Quantity,
    QuantityScope,
    Section,
    SectionKind,
    SourceMention,
    Span,
    Stance,
    Story,
    TimeExpr,
    TimelinePoint,
)
from reportedly.store import engine as db
from reportedly.store.errors import StoreError
from reportedly.store.schema import (  # the story tables of revision 0002
    TABLES,
    chain_links,
    claim_clusters,
    claim_measures,
    claims,
    cluster_claims,
    conflicts,
    document_entities,
    documents,
    entities,
    entity_aliases,
    ingest_errors,
    joint_sources,
    link_runs,
    link_vectors,
    quantities,
    stories,
    story_documents,
    time_expressions,
    user_aliases,
)

E = TypeVar("E", bound=StrEnum)


@dataclass(frozen=True, slots=True)
class SaveResult:
    """What :meth:`Store.save` did.

    ``claims`` is the number of claims stored for the document, whether they
    were written now (``created``) or by an earlier save of the same article.
    """

    document_id: str
    created: bool
    claims: int


class Store:
    """A database of ledgers; SQLite file by default, any SQLAlchemy URL otherwise.

    Opening a store migrates its schema to the version this code expects, so a
    database written by an older reportedly is upgraded in place.
    """

    def __init__(self, url_or_path: str | Path = "reportedly.db") -> None:
        url = db.to_url(url_or_path)
        try:
            self._engine = db.create(url)
        except (SQLAlchemyError, ImportError) as exc:  # unknown dialect, driver not installed
            shown = url.render_as_string(hide_password=True)
            raise StoreError(f"cannot open database {shown}: {exc}") from exc
        try:
            db.upgrade(self._engine)
        except BaseException:
            self._engine.dispose()
            raise

    @property
    def url(self) -> str:
        """The database URL, password masked: safe to print or log."""
        return self._engine.url.render_as_string(hide_password=True)

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine, for ad-hoc SQL the methods here do not cover.

        On SQLite its connections already enforce foreign keys; raw writes
        bypass the checks :meth:`save` makes, so prefer the methods.
        """
        return self._engine

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.url!r})"

    # -- connections -------------------------------------------------------

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        """One transaction per call, so a multi-query read sees one snapshot."""
        try:
            with self._engine.connect() as conn, conn.begin():
                yield conn
        except SQLAlchemyError as exc:
            raise StoreError(str(exc)) from exc

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        try:
            with self._engine.connect().execution_options(**{db.WRITE: True}) as conn, conn.begin():
                yield conn
        except SQLAlchemyError as exc:
            raise StoreError(str(exc)) from exc

    # -- writing -----------------------------------------------------------

    def save(self, ledger: Ledger, *, source: str | None = None) -> SaveResult:
        """Store a ledger in one transaction; a document already stored is left as it is.

        Idempotence is by document id, which is a hash of the article text: the
        same article read again from a file, URL or feed is the same document,
        and its first analysis stands. ``source`` records where it was read from.
        """
        doc = ledger.document
        # Checked up front but only reported if the document is new: a bad
        # re-analysis of an article already stored is still "nothing new".
        refusal: str | None = None
        claim_ids = [c.id or f"{doc.id}-{i}" for i, c in enumerate(ledger.claims)]
        pairs = list(zip(ledger.claims, claim_ids, strict=True))
        claim_rows: list[dict[str, Any]] = []
        if problems := span_problems(ledger):
            more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
            refusal = f"offsets do not reproduce their text: {'; '.join(problems[:5])}{more}"
        elif len(set(claim_ids)) != len(claim_ids):
            refusal = "claim ids are not unique"
        else:
            try:
                claim_rows = [_claim_row(c, cid, doc.id, i) for i, (c, cid) in enumerate(pairs)]
            except ValueError as exc:  # an enum field holding a value the model does not define
                refusal = str(exc)

        try:
            with self._write() as conn:
                stored = _stored_claims(conn, doc.id)
                if stored is not None:
                    return SaveResult(doc.id, False, stored)
                if refusal is not None:
                    raise StoreError(f"document {doc.id}: {refusal}")
                taken = conn.scalars(select(claims.c.id).where(claims.c.id.in_(claim_ids))).all()
                if taken:
                    raise StoreError(
                        f"document {doc.id}: claim ids already used by another document: {sorted(taken)[:5]}"
                    )
                conn.execute(insert(documents), [_document_row(doc, source)])
                merged = _merge_entities(ledger)
                _upsert_entities(conn, merged.values())
                listed = list(dict.fromkeys(e.id for e in ledger.entities))
                _insert(
                    conn,
                    document_entities,
                    [
                        {"document_id": doc.id, "position": i, "entity_id": eid}
                        for i, eid in enumerate(listed)
                    ],
                )
                _insert(conn, claims, claim_rows)
                _insert(conn, joint_sources, [r for c, cid in pairs for r in _joint_rows(c, cid)])
                _insert(conn, chain_links, [r for c, cid in pairs for r in _chain_rows(c, cid)])
                _insert(conn, quantities, [r for c, cid in pairs for r in _quantity_rows(c, cid)])
                _insert(conn, time_expressions, [r for c, cid in pairs for r in _time_rows(c, cid)])
        except StoreError as exc:
            # Another process may have saved the same article between our
            # check and our insert; that is the idempotent outcome, not an error.
            if isinstance(exc.__cause__, IntegrityError):
                with self._read() as conn:
                    stored = _stored_claims(conn, doc.id)
                if stored is not None:
                    return SaveResult(doc.id, False, stored)
            raise
        return SaveResult(doc.id, True, len(claim_rows))

    def record_error(self, source: str, reason: str, message: str) -> None:
        """Remember an article that could not be ingested, for the user to review later."""
        with self._write() as conn:
            conn.execute(
                insert(ingest_errors),
                [{"source": source, "reason": reason, "message": message, "at": datetime.now(UTC)}],
            )

    def delete_document(self, document_id: str) -> None:
        """Remove a document with its claims (the database cascades); entities stay."""
        with self._write() as conn:
            result = conn.execute(delete(documents).where(documents.c.id == document_id))
            if result.rowcount == 0:
                raise StoreError(f"no document {document_id!r}")

    # -- reading -----------------------------------------------------------

    def has_document(self, document_id: str) -> bool:
        """Whether a document is stored; lets a batch skip analysing what it would not store."""
        with self._read() as conn:
            return conn.scalar(select(documents.c.id).where(documents.c.id == document_id)) is not None

    def errors(self) -> list[dict[str, Any]]:
        with self._read() as conn:
            rows = conn.execute(select(ingest_errors).order_by(ingest_errors.c.id)).all()
        return [
            {"id": r.id, "source": r.source, "reason": r.reason, "message": r.message, "at": _iso(r.at)}
            for r in rows
        ]

    def documents(self) -> list[dict[str, Any]]:
        """Every stored document, oldest ingestion first, with its number of claims."""
        n_claims = func.count(claims.c.id)
        query = (
            select(
                documents.c.id,
                documents.c.title,
                documents.c.outlet,
                documents.c.published,
                documents.c.url,
                documents.c.source,
                documents.c.ingested_at,
                n_claims.label("claims"),
            )
            .select_from(documents.outerjoin(claims, claims.c.document_id == documents.c.id))
            .group_by(documents.c.id)
            .order_by(documents.c.ingested_at, documents.c.id)
        )
        with self._read() as conn:
            rows = conn.execute(query).all()
        return [
            {
                "id": r.id,
                "title": r.title,
                "outlet": r.outlet,
                "published": r.published.isoformat() if r.published else None,
                "url": r.url,
                "source": r.source,
                "ingested_at": _iso(r.ingested_at),
                "claims": r.claims,
            }
            for r in rows
        ]

    def claims(
        self,
        *,
        source: str | None = None,
        stance: str | None = None,
        kind: str | None = None,
        document: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Claims as ``Claim.to_dict()`` plus ``document_id``, by document then position.

        ``source`` names an entity by name, id or alias (case-insensitive) and
        matches claims it made (alone or jointly) *or relayed*: a claim whose
        chain passes through the entity counts, since "what did the NIS say"
        includes what lawmakers said the NIS told them. An unresolved source
        matches on its mention text.
        """
        if limit is not None and limit < 0 or offset < 0:
            raise StoreError("limit and offset must not be negative")
        conds = _claim_filters(stance=stance, kind=kind, document=document)
        with self._read() as conn:
            if source is not None:
                conds.append(_source_condition(conn, source))
            return [_listed(d, c) for d, c in _load_claims(conn, conds, limit=limit, offset=offset)]

    def entities(self) -> list[dict[str, Any]]:
        """Every entity, aliases merged across documents.

        ``claims`` counts the claims the entity made, joined or relayed, the same set
        ``claims(source=entity_id)`` returns.
        """
        involved = union(
            select(claims.c.source_entity_id.label("entity_id"), claims.c.id.label("claim_id")).where(
                claims.c.source_entity_id.is_not(None)
            ),
            select(joint_sources.c.entity_id, joint_sources.c.claim_id),
            select(chain_links.c.entity_id, chain_links.c.claim_id),
        ).subquery()
        counts = (
            select(involved.c.entity_id, func.count().label("n")).group_by(involved.c.entity_id).subquery()
        )
        query = select(entities, func.coalesce(counts.c.n, 0).label("claims")).select_from(
            entities.outerjoin(counts, counts.c.entity_id == entities.c.id)
        )
        with self._read() as conn:
            rows = conn.execute(query).all()
            aliases = _aliases(conn)
        out = [
            {
                "id": r.id,
                "name": r.name,
                "type": r.type,
                "anonymous": bool(r.anonymous),
                "aliases": aliases.get(r.id, []),
                "claims": r.claims,
            }
            for r in rows
        ]
        out.sort(key=lambda e: (e["name"].casefold(), e["id"]))
        return out

    def ledger(self, document_id: str) -> dict[str, Any]:
        """The stored ledger in the shape of ``Ledger.to_dict()``."""
        return self.load(document_id).to_dict()

    def load(self, document_id: str) -> Ledger:
        """The stored ledger rebuilt as model objects, for stages that want types not dicts.

        Entities carry their aliases as merged across every stored document.
        """
        with self._read() as conn:
            row = conn.execute(select(documents).where(documents.c.id == document_id)).first()
            if row is None:
                raise StoreError(f"no document {document_id!r}")
            loaded = _load_claims(conn, [claims.c.document_id == document_id])
            listed = conn.execute(
                select(entities)
                .join(document_entities, document_entities.c.entity_id == entities.c.id)
                .where(document_entities.c.document_id == document_id)
                .order_by(document_entities.c.position)
            ).all()
            aliases = _aliases(conn, [r.id for r in listed])
        return Ledger(
            document=_document(row),
            claims=[claim for _, claim in loaded],
            entities=[_entity(r.id, r.name, r.type, r.anonymous, aliases.get(r.id, [])) for r in listed],
        )

    def counts(self) -> dict[str, int]:
        """Rows per table: a cheap summary for ``status`` commands and tests."""
        with self._read() as conn:
            return {t.name: conn.scalar(select(func.count()).select_from(t)) or 0 for t in TABLES}

    # -- stories (written by reportedly.link, read by the story verbs and the API) ------------

    def link_inputs(self) -> tuple[list[Document], list[tuple[str, Claim]]]:
        """Every document and every claim (with its document id), as model objects, for linking."""
        with self._read() as conn:
            docs = [_document(r) for r in conn.execute(select(documents).order_by(documents.c.id))]
            loaded = _load_claims(conn, [])
        return docs, loaded

    def link_fingerprint(self, extra: str = "") -> str:
        """Changes whenever a link run would give a different answer: documents, claims, user aliases."""
        digest = hashlib.sha1(extra.encode("utf-8"))
        with self._read() as conn:
            for (doc_id,) in conn.execute(select(documents.c.id).order_by(documents.c.id)):
                digest.update(doc_id.encode())
            digest.update(str(conn.scalar(select(func.count()).select_from(claims))).encode())
            for r in conn.execute(select(user_aliases).order_by(user_aliases.c.alias)):
                digest.update(f"{r.alias}\t{r.canonical}\t{r.type}".encode())
        return digest.hexdigest()[:16]

    def last_link_run(self) -> dict[str, Any] | None:
        with self._read() as conn:
            r = conn.execute(select(link_runs).order_by(link_runs.c.id.desc()).limit(1)).first()
        if r is None:
            return None
        return {
            "built_at": _iso(r.built_at),
            "documents": r.documents,
            "claims": r.claims,
            "method": r.method,
            "fingerprint": r.fingerprint,
            "seconds": r.seconds,
        }

    def cached_vectors(self, method: str, items: list[str]) -> dict[str, Any]:
        """Sentence vectors stored by earlier link runs (numpy float32 rows), by item key."""
        import numpy as np

        out: dict[str, Any] = {}
        with self._read() as conn:
            for chunk in _chunks(items, 500):
                query = select(link_vectors.c.item, link_vectors.c.vector).where(
                    link_vectors.c.method == method, link_vectors.c.item.in_(chunk)
                )
                for item, blob in conn.execute(query):
                    out[item] = np.frombuffer(blob, dtype=np.float32)
        return out

    def save_vectors(self, method: str, vectors: dict[str, Any]) -> None:
        import numpy as np

        rows = [
            {"item": k, "method": method, "vector": np.asarray(v, dtype=np.float32).tobytes()}
            for k, v in vectors.items()
        ]
        with self._write() as conn:
            for chunk in _chunks(rows, 500):
                keys = [r["item"] for r in chunk]
                conn.execute(
                    delete(link_vectors).where(link_vectors.c.method == method, link_vectors.c.item.in_(keys))
                )
                _insert(conn, link_vectors, chunk)

    def replace_links(
        self,
        found_stories: Sequence[Story],
        found_conflicts: Sequence[Conflict],
        measures: Sequence[tuple[str, int, str, Any]],
        *,
        method: str,
        seconds: float,
        fingerprint: str,
    ) -> None:
        """Replace every derived story row with a new link run's, in one transaction."""
        with self._write() as conn:
            n_docs = conn.scalar(select(func.count()).select_from(documents)) or 0
            n_claims = conn.scalar(select(func.count()).select_from(claims)) or 0
            derived = (conflicts, cluster_claims, claim_clusters, story_documents, claim_measures, stories)
            for table in derived:
                conn.execute(delete(table))
            _insert(
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
            _insert(
                conn,
                story_documents,
                [
                    {"story_id": s.id, "document_id": d, "position": i}
                    for s in found_stories
                    for i, d in enumerate(s.documents)
                ],
            )
            _insert(
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
                    for s in found_stories
                    for c in s.clusters
                ],
            )
            rows = []
            for s in found_stories:
                for c in s.clusters:
                    origin_of = {cid: o for o in c.origins for cid in o.claims}
                    for i, ref in enumerate(c.claims):
                        o = origin_of[ref.id]
                        rows.append(
                            {
                                "cluster_id": c.id,
                                "claim_id": ref.id,
                                "position": i,
                                "origin_key": o.key,
                                "origin_name": o.name,
                                "origin_anonymous": o.anonymous,
                            }
                        )
            _insert(conn, cluster_claims, rows)
            _insert(
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
                    }
                    for c in found_conflicts
                ],
            )
            _insert(
                conn,
                claim_measures,
                [{"claim_id": cid, "position": p, "measure": m, "date": d} for cid, p, m, d in measures],
            )
            conn.execute(
                insert(link_runs),
                [
                    {
                        "built_at": datetime.now(UTC),
                        "documents": n_docs,
                        "claims": n_claims,
                        "method": method,
                        "fingerprint": fingerprint,
                        "seconds": seconds,
                    }
                ],
            )

    def stories(self, *, min_documents: int = 1) -> list[dict[str, Any]]:
        """Stories, largest first: id, title, dates, documents, outlets, clusters, conflicts."""
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
            select(conflicts.c.story_id, func.count().label("n")).group_by(conflicts.c.story_id).subquery()
        )
        query = (
            select(
                stories,
                func.coalesce(n_docs.c.n, 0).label("documents"),
                func.coalesce(n_clusters.c.n, 0).label("clusters"),
                func.coalesce(n_conflicts.c.n, 0).label("conflicts"),
            )
            .select_from(
                stories.outerjoin(n_docs, n_docs.c.story_id == stories.c.id)
                .outerjoin(n_clusters, n_clusters.c.story_id == stories.c.id)
                .outerjoin(n_conflicts, n_conflicts.c.story_id == stories.c.id)
            )
            .where(func.coalesce(n_docs.c.n, 0) >= min_documents)
        )
        with self._read() as conn:
            rows = conn.execute(query).all()
            outlets: dict[str, set[str]] = defaultdict(set)
            for sid, outlet, doc_id in conn.execute(
                select(story_documents.c.story_id, documents.c.outlet, documents.c.id).join(
                    documents, documents.c.id == story_documents.c.document_id
                )
            ):
                outlets[sid].add(outlet or f"document {doc_id}")
        out = [
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
        out.sort(key=lambda s: (-s["documents"], -s["clusters"], s["first"] or "", s["id"]))
        return out

    def story(self, story_id: str) -> tuple[Story, list[dict[str, Any]]]:
        """A story with its clusters (claims, origins) and the summary rows of its documents."""
        with self._read() as conn:
            row = conn.execute(select(stories).where(stories.c.id == story_id)).first()
            if row is None:
                raise StoreError(f"no story {story_id!r}; list them with: reportedly stories")
            doc_ids = list(
                conn.scalars(
                    select(story_documents.c.document_id)
                    .where(story_documents.c.story_id == story_id)
                    .order_by(story_documents.c.position)
                )
            )
            # Subqueries, not lists of ids: see _documents_in.
            docs = _documents_in(
                conn, select(story_documents.c.document_id).where(story_documents.c.story_id == story_id)
            )
            cluster_rows = conn.execute(
                select(claim_clusters)
                .where(claim_clusters.c.story_id == story_id)
                .order_by(claim_clusters.c.id)
            ).all()
            members = conn.execute(
                select(cluster_claims)
                .join(claim_clusters, claim_clusters.c.id == cluster_claims.c.cluster_id)
                .where(claim_clusters.c.story_id == story_id)
                .order_by(cluster_claims.c.cluster_id, cluster_claims.c.position)
            ).all()
            in_story = select(cluster_claims.c.claim_id).join(
                claim_clusters, claim_clusters.c.id == cluster_claims.c.cluster_id
            ).where(claim_clusters.c.story_id == story_id)
            loaded = dict(
                (c.id, (d, c)) for d, c in _load_claims(conn, [claims.c.id.in_(in_story)])
            )
        by_cluster: dict[str, list[Row[Any]]] = defaultdict(list)
        for m in members:
            by_cluster[m.cluster_id].append(m)
        clusters: list[ClaimCluster] = []
        for r in cluster_rows:
            refs, found = [], {}
            for m in by_cluster[r.id]:
                doc_id, claim = loaded[m.claim_id]
                refs.append(ClaimRef.from_claim(claim, docs[doc_id]))
                o = found.setdefault(
                    m.origin_key, Origin(m.origin_key, m.origin_name, bool(m.origin_anonymous))
                )
                o.claims.append(m.claim_id)
                o.outlets.append(docs[doc_id].outlet or f"document {doc_id}")
            clusters.append(
                ClaimCluster(r.id, story_id, r.label, refs, r.measure, list(found.values()))
            )
        clusters.sort(
            key=lambda c: (c.claims[0].published or date.min, c.claims[0].document_id, c.claims[0].id)
        )
        ordered = [docs[d] for d in doc_ids]
        story = Story(
            id=row.id,
            title=row.title,
            documents=doc_ids,
            first=row.first,
            last=row.last,
            outlets=sorted({d.outlet or f"document {d.id}" for d in ordered}),
            entities=json.loads(row.entities),
            clusters=clusters,
        )
        summaries = [
            {"id": d.id, "title": d.title, "outlet": d.outlet, "url": d.url,
             "published": d.published.isoformat() if d.published else None}
            for d in ordered
        ]
        return story, summaries

    def conflicts(self, *, story: str | None = None, kind: str | None = None) -> list[Conflict]:
        """Stored conflicts, each with both claims' evidence, by story then kind."""
        conds: list[ColumnElement[bool]] = []
        if story is not None:
            conds.append(conflicts.c.story_id == story)
        if kind is not None:
            conds.append(conflicts.c.kind == _enum(ConflictKind, kind, "conflict kind"))
        where = and_(true(), *conds)
        with self._read() as conn:
            rows = conn.execute(select(conflicts).where(where).order_by(conflicts.c.id)).all()
            involved = union(
                select(conflicts.c.claim_a.label("id")).where(where),
                select(conflicts.c.claim_b.label("id")).where(where),
            ).subquery()
            loaded = {c.id: (d, c) for d, c in _load_claims(conn, [claims.c.id.in_(select(involved.c.id))])}
            docs = _documents_in(
                conn, select(claims.c.document_id).where(claims.c.id.in_(select(involved.c.id)))
            )

        def ref(claim_id: str) -> ClaimRef:
            doc_id, claim = loaded[claim_id]
            return ClaimRef.from_claim(claim, docs[doc_id])

        return [
            Conflict(ConflictKind(r.kind), ref(r.claim_a), ref(r.claim_b), r.why, r.story_id, r.measure)
            for r in rows
        ]

    def measures(self, *, story: str | None = None) -> list[dict[str, Any]]:
        """What is counted and where, with how many numbers, documents and which dates."""
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
        with self._read() as conn:
            rows = conn.execute(query).all()
        out = [
            {
                "measure": r.measure,
                "points": r.points,
                "documents": r.documents,
                "first": _day(r.first),
                "last": _day(r.last),
            }
            for r in rows
        ]
        out.sort(key=lambda m: (-m["documents"], -m["points"], m["measure"]))
        return out

    def timeline(self, measure: str, *, story: str | None = None) -> list[TimelinePoint]:
        """Every number stored for a measure, by date: value, bounds, source, stance, evidence."""
        conds: list[ColumnElement[bool]] = [claim_measures.c.measure == measure]
        if story is not None:
            conds.append(
                claims.c.document_id.in_(
                    select(story_documents.c.document_id).where(story_documents.c.story_id == story)
                )
            )
        # The claims (and documents) to load are named by a subquery, not by the
        # ids of ``marks``: see _documents_in. ``marked`` may not name ``claims``
        # itself, or it would be correlated with the claims _load_claims selects.
        marked = select(claim_measures.c.claim_id).where(claim_measures.c.measure == measure)
        if story is not None:
            member = claims.alias("member")
            marked = marked.join(member, member.c.id == claim_measures.c.claim_id).where(
                member.c.document_id.in_(
                    select(story_documents.c.document_id).where(story_documents.c.story_id == story)
                )
            )
        with self._read() as conn:
            marks = conn.execute(
                select(claim_measures, claims.c.document_id)
                .join(claims, claims.c.id == claim_measures.c.claim_id)
                .where(and_(*conds))
            ).all()
            loaded = {c.id: c for _, c in _load_claims(conn, [claims.c.id.in_(marked)])}
            docs = _documents_in(conn, select(claims.c.document_id).where(claims.c.id.in_(marked)))
        points = []
        for m in marks:
            claim = loaded[m.claim_id]
            q = claim.quantities[m.position]
            doc = docs[m.document_id]
            origin = claim.origin
            points.append(
                TimelinePoint(
                    date=m.date,
                    value=q.value,
                    low=q.low,
                    high=q.high,
                    unit=q.unit,
                    source=origin.name if origin else (doc.outlet or None),
                    stance=Stance(claim.stance),
                    document_id=doc.id,
                    claim_id=claim.id,
                    evidence=Span(q.start, q.end, q.text),
                    scope=QuantityScope(q.scope),
                    outlet=doc.outlet,
                    approximate=q.approximate,
                )
            )
        points.sort(key=lambda p: (p.date or date.min, p.document_id, p.claim_id, p.evidence.start))
        return points

    def user_aliases(self) -> dict[str, tuple[str, str | None]]:
        """Aliases users added: normalised alias -> (canonical name, entity type or None)."""
        with self._read() as conn:
            return {r.alias: (r.canonical, r.type) for r in conn.execute(select(user_aliases))}

    def user_alias_rows(self) -> list[dict[str, Any]]:
        """Aliases users added, by canonical name then alias, in code-point order.

        Sorted here rather than by ORDER BY: a PostgreSQL database sorts text
        by its collation (``en_US`` puts "apple" before "Zeta", SQLite does
        not), and the listing should read the same on every database.
        """
        with self._read() as conn:
            rows = sorted(conn.execute(select(user_aliases)), key=lambda r: (r.canonical, r.alias))
        return [
            {"alias": r.shown, "canonical": r.canonical, "type": r.type, "added_at": _iso(r.added_at)}
            for r in rows
        ]

    def add_user_alias(self, alias: str, canonical: str, type_: str | None = None) -> None:
        """Say that ``alias`` names ``canonical`` in every document (replaces an earlier entry)."""
        key = _alias_key(alias)
        if not key or not canonical.strip():
            raise StoreError("an alias and the name it stands for must both be non-empty")
        if type_ is not None:
            type_ = _enum(EntityType, type_, "entity type")
        with self._write() as conn:
            conn.execute(delete(user_aliases).where(user_aliases.c.alias == key))
            conn.execute(
                insert(user_aliases),
                [{"alias": key, "shown": alias.strip(), "canonical": canonical.strip(), "type": type_,
                  "added_at": datetime.now(UTC)}],
            )

    def remove_user_alias(self, alias: str) -> None:
        with self._write() as conn:
            result = conn.execute(delete(user_aliases).where(user_aliases.c.alias == _alias_key(alias)))
            if result.rowcount == 0:
                raise StoreError(f"no user alias {alias!r}; list them with: reportedly aliases --user")

    # -- pages and search (web API, UI) ------------------------------------

    def claim_page(
        self,
        *,
        source: str | None = None,
        stance: str | None = None,
        kind: str | None = None,
        section: str | None = None,
        document: str | None = None,
        documents: Collection[str] | None = None,
        claim_ids: Collection[str] | None = None,
        published_from: date | str | None = None,
        published_to: date | str | None = None,
        search: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> Page:
        """One page of claims (as :meth:`claims` returns them) and how many match in all.

        Besides the filters of :meth:`claims`: ``section``; ``documents`` and
        ``claim_ids`` restrict to a set (a story's documents, a cluster's
        claims); ``published_from``/``published_to`` bound the article's
        publication date (inclusive); ``search`` is full text over content,
        source, cue and sentence, with every word required and the last one
        matched as a prefix (FTS5 on SQLite, substring match elsewhere).
        User input is never passed through as FTS query syntax, so a stray
        quote cannot turn into a query error.
        """
        if limit < 0 or offset < 0:
            raise StoreError("limit and offset must not be negative")
        conds = _claim_filters(stance=stance, kind=kind, section=section, document=document)
        if documents is not None:
            conds.append(claims.c.document_id.in_(list(documents)))
        if claim_ids is not None:
            conds.append(claims.c.id.in_(list(claim_ids)))
        low, high = _as_date(published_from, "published_from"), _as_date(published_to, "published_to")
        if low is not None or high is not None:
            dated = select(_DOCUMENTS.c.id)
            if low is not None:
                dated = dated.where(_DOCUMENTS.c.published >= low)
            if high is not None:
                dated = dated.where(_DOCUMENTS.c.published <= high)
            conds.append(claims.c.document_id.in_(dated))
        with self._read() as conn:
            if search is not None and search.strip():
                conds.append(_search_condition(conn, search))
            if source is not None:
                conds.append(_source_condition(conn, source))
            total = conn.scalar(select(func.count()).select_from(claims).where(and_(true(), *conds))) or 0
            items = [_listed(d, c) for d, c in _load_claims(conn, conds, limit=limit, offset=offset)]
        return Page(items, total, limit, offset)

    def claim(self, claim_id: str) -> dict[str, Any]:
        """One claim as :meth:`claims` returns it; ``StoreError`` when there is none."""
        with self._read() as conn:
            found = _load_claims(conn, [claims.c.id == claim_id])
        if not found:
            raise StoreError(f"no claim {claim_id!r}")
        return _listed(*found[0])

    def document_page(self, *, limit: int = 50, offset: int = 0) -> Page:
        """A page of :meth:`documents` (oldest ingestion first) with the total count."""
        if limit < 0 or offset < 0:
            raise StoreError("limit and offset must not be negative")
        rows = self.documents()
        return Page(rows[offset : offset + limit], len(rows), limit, offset)

    @property
    def full_text(self) -> bool:
        """Whether claim search runs on the FTS5 index (SQLite) rather than substring matching."""
        with self._read() as conn:
            return _has_search_index(conn)


# -- validation --------------------------------------------------------------


def span_problems(ledger: Ledger) -> list[str]:
    """``Ledger.validate`` plus the spans it does not check but the store relies on."""
    problems = ledger.validate()
    doc = ledger.document
    text = doc.text

    def check(what: str, span: Span) -> None:
        if not (0 <= span.start <= span.end <= len(text)) or text[span.start : span.end] != span.text:
            problems.append(f"{what} [{span.start}:{span.end}] does not reproduce {span.text!r}")

    for what, span in (("dateline", doc.dateline), ("byline", doc.byline_span)):
        if span is not None:
            check(what, span)
    for p in doc.paragraphs:
        check("paragraph", p)
    for c in ledger.claims:
        if c.sentence is not None:
            check(f"claim {c.id} sentence", c.sentence)
        for link in c.chain:
            if link.mention is not None:
                check(f"claim {c.id} chain mention", link.mention)
    return problems


# -- rows out ----------------------------------------------------------------


def _document_row(doc: Document, source: str | None) -> dict[str, Any]:
    return {
        "id": doc.id,
        "title": doc.title,
        "subtitle": doc.subtitle,
        "outlet": doc.outlet,
        "url": doc.url,
        "published": doc.published,
        "dateline": doc.dateline.text if doc.dateline else None,
        "dateline_start": doc.dateline.start if doc.dateline else None,
        "dateline_end": doc.dateline.end if doc.dateline else None,
        "byline": doc.byline,
        "byline_start": doc.byline_span.start if doc.byline_span else None,
        "byline_end": doc.byline_span.end if doc.byline_span else None,
        "paragraphs": json.dumps([[p.start, p.end] for p in doc.paragraphs]),
        "sections": json.dumps(
            [{"kind": SectionKind(s.kind).value, "start": s.start, "end": s.end} for s in doc.sections]
        ),
        # Meta is free-form; anything not JSON-native (dates) is kept as text.
        "meta": json.dumps(doc.meta, ensure_ascii=False, default=str),
        "text": doc.text,
        "ingested_at": datetime.now(UTC),
        "source": source,
    }


def _claim_row(c: Claim, claim_id: str, document_id: str, ordinal: int) -> dict[str, Any]:
    src = c.source
    return {
        "id": claim_id,
        "document_id": document_id,
        "ordinal": ordinal,
        "kind": ClaimKind(c.kind).value,
        "section": SectionKind(c.section).value,
        "stance": Stance(c.stance).value,
        "negated": bool(c.negated),
        "inverted": bool(c.inverted),
        "hedges": json.dumps(list(c.hedges), ensure_ascii=False),
        "cue_text": c.cue.text,
        "cue_start": c.cue.start,
        "cue_end": c.cue.end,
        "cue_lemma": c.cue.lemma,
        "source_text": src.text if src else None,
        "source_start": src.start if src else None,
        "source_end": src.end if src else None,
        "source_entity_id": src.entity.id if src and src.entity else None,
        "content_text": c.content_text,
        "content_spans": json.dumps([[s.start, s.end] for s in c.content]),
        "sentence_start": c.sentence.start if c.sentence else None,
        "sentence_end": c.sentence.end if c.sentence else None,
    }


def _joint_rows(c: Claim, claim_id: str) -> list[dict[str, Any]]:
    joint = c.source.joint if c.source else []
    return [{"claim_id": claim_id, "position": i, "entity_id": e.id} for i, e in enumerate(joint)]


def _chain_rows(c: Claim, claim_id: str) -> list[dict[str, Any]]:
    return [
        {
            "claim_id": claim_id,
            "position": i,
            "entity_id": link.entity.id,
            "cue": link.cue,
            "mention_start": link.mention.start if link.mention else None,
            "mention_end": link.mention.end if link.mention else None,
        }
        for i, link in enumerate(c.chain)
    ]


def _quantity_rows(c: Claim, claim_id: str) -> list[dict[str, Any]]:
    return [
        {
            "claim_id": claim_id,
            "position": i,
            "text": q.text,
            "start": q.start,
            "end": q.end,
            "value": q.value,
            "low": q.low,
            "high": q.high,
            "approximate": bool(q.approximate),
            "unit": q.unit,
            "scope": QuantityScope(q.scope).value,
            "attribute": bool(q.attribute),
        }
        for i, q in enumerate(c.quantities)
    ]


def _time_rows(c: Claim, claim_id: str) -> list[dict[str, Any]]:
    return [
        {
            "claim_id": claim_id,
            "position": i,
            "text": t.text,
            "start": t.start,
            "end": t.end,
            "resolved": t.resolved,
            "granularity": t.granularity,
        }
        for i, t in enumerate(c.times)
    ]


def _insert(conn: Connection, table: Any, rows: list[dict[str, Any]]) -> None:
    # An executemany with no rows would insert one row of defaults.
    if rows:
        conn.execute(insert(table), rows)


def _stored_claims(conn: Connection, document_id: str) -> int | None:
    """Claims stored for a document, or None when the document is not stored."""
    if conn.scalar(select(documents.c.id).where(documents.c.id == document_id)) is None:
        return None
    return (
        conn.scalar(select(func.count()).select_from(claims).where(claims.c.document_id == document_id)) or 0
    )


def _merge_entities(ledger: Ledger) -> dict[str, Entity]:
    """Every entity the ledger mentions, once per id, without touching the caller's objects.

    Claims can reference entities the ledger's list leaves out; they still
    need a row for the foreign keys to hold.
    """
    merged: dict[str, Entity] = {}
    found: list[Entity] = list(ledger.entities)
    for c in ledger.claims:
        if c.source is not None:
            if c.source.entity is not None:
                found.append(c.source.entity)
            found.extend(c.source.joint)
        found.extend(link.entity for link in c.chain)
    for e in found:
        have = merged.get(e.id)
        if have is None:
            merged[e.id] = Entity(e.id, e.name, EntityType(e.type), list(e.aliases), bool(e.anonymous))
            continue
        have.aliases.extend(e.aliases)
        if e.name != have.name:
            have.aliases.append(e.name)
        if have.type == EntityType.UNKNOWN:
            have.type = EntityType(e.type)
    return merged


def _upsert_entities(conn: Connection, found: Iterable[Entity]) -> None:
    """Insert new entities; for known ones only add what was learnt.

    The first name stored for an id stays its name (a later spelling becomes
    an alias) so that ids and names shown to users do not shift as articles
    arrive; a type is only filled in where it was still unknown.
    """
    found = list(found)
    ids = [e.id for e in found]
    if not ids:
        return
    existing = {r.id: r for r in conn.execute(select(entities).where(entities.c.id.in_(ids)))}
    known = {
        (r.entity_id, r.alias)
        for r in conn.execute(select(entity_aliases).where(entity_aliases.c.entity_id.in_(ids)))
    }
    new_entities: list[dict[str, Any]] = []
    new_aliases: list[dict[str, Any]] = []
    for e in found:
        names = {a for a in e.aliases if a.strip()}
        row = existing.get(e.id)
        if row is None:
            new_entities.append({"id": e.id, "name": e.name, "type": e.type.value, "anonymous": e.anonymous})
        else:
            if e.name != row.name:
                names.add(e.name)
            if row.type == EntityType.UNKNOWN.value and e.type != EntityType.UNKNOWN:
                conn.execute(update(entities).where(entities.c.id == e.id).values(type=e.type.value))
        new_aliases.extend({"entity_id": e.id, "alias": a} for a in sorted(names) if (e.id, a) not in known)
    _insert(conn, entities, new_entities)
    _insert(conn, entity_aliases, new_aliases)


# -- rows in -----------------------------------------------------------------


def _claim_filters(
    *, stance: str | None, kind: str | None, document: str | None, section: str | None = None
) -> list[ColumnElement[bool]]:
    """The column filters shared by :meth:`Store.claims` and :meth:`Store.claim_page`."""
    conds: list[ColumnElement[bool]] = []
    if stance is not None:
        conds.append(claims.c.stance == _enum(Stance, stance, "stance"))
    if kind is not None:
        conds.append(claims.c.kind == _enum(ClaimKind, kind, "kind"))
    if section is not None:
        conds.append(claims.c.section == _enum(SectionKind, section, "section"))
    if document is not None:
        conds.append(claims.c.document_id == document)
    return conds


def _listed(document_id: str, claim: Claim) -> dict[str, Any]:
    """A claim as the read methods list it: its dict plus the id of its document."""
    return {**claim.to_dict(), "document_id": document_id}


def _source_condition(conn: Connection, needle: str) -> ColumnElement[bool]:
    """Claims made by, or relayed through, whatever entity ``needle`` names.

    Names are compared with Python's casefold rather than SQL ``lower()``,
    which SQLite applies to ASCII only; the entity tables are small enough to
    scan. Unresolved mentions fall back to SQL ``lower()`` on the mention text.
    """
    key = needle.strip().casefold()
    ids = {
        r.id
        for r in conn.execute(select(entities.c.id, entities.c.name))
        if key in (r.id.casefold(), r.name.casefold())
    }
    ids |= {r.entity_id for r in conn.execute(select(entity_aliases)) if r.alias.casefold() == key}
    unresolved = and_(
        claims.c.source_entity_id.is_(None), func.lower(claims.c.source_text) == needle.strip().lower()
    )
    if not ids:
        return unresolved
    joint = select(joint_sources.c.claim_id).where(joint_sources.c.entity_id.in_(ids))
    relayed = select(chain_links.c.claim_id).where(chain_links.c.entity_id.in_(ids))
    return or_(
        claims.c.source_entity_id.in_(ids), claims.c.id.in_(joint), claims.c.id.in_(relayed), unresolved
    )


def _load_claims(
    conn: Connection, conds: Sequence[ColumnElement[bool]], *, limit: int | None = None, offset: int = 0
) -> list[tuple[str, Claim]]:
    """Claims matching ``conds`` as model objects, each with its document id.

    Child rows are fetched by joining on the same filtered page of claim ids,
    not with an ``IN (...)`` list, so there is no bound-parameter limit on how
    many claims one call may return.
    """
    where = and_(true(), *conds)
    order = (claims.c.document_id, claims.c.ordinal)
    src = entities.alias("source_entity")
    query: Select[Any] = (
        select(
            claims,
            src.c.name.label("src_name"),
            src.c.type.label("src_type"),
            src.c.anonymous.label("src_anonymous"),
        )
        .select_from(claims.outerjoin(src, claims.c.source_entity_id == src.c.id))
        .where(where)
        .order_by(*order)
    )
    page_ids = select(claims.c.id, claims.c.document_id).where(where)
    if limit is not None or offset:
        query = query.limit(limit).offset(offset)
        page_ids = page_ids.order_by(*order).limit(limit).offset(offset)
    page = page_ids.subquery("page")

    rows = conn.execute(query).all()
    if not rows:
        return []
    texts = dict(
        conn.execute(
            select(documents.c.id, documents.c.text).where(documents.c.id.in_(select(page.c.document_id)))
        ).all()
    )
    chains: dict[str, list[Row[Any]]] = defaultdict(list)
    for r in conn.execute(
        select(chain_links, entities.c.name, entities.c.type, entities.c.anonymous)
        .join(entities, entities.c.id == chain_links.c.entity_id)
        .join(page, page.c.id == chain_links.c.claim_id)
        .order_by(chain_links.c.claim_id, chain_links.c.position)
    ):
        chains[r.claim_id].append(r)
    joints: dict[str, list[Row[Any]]] = defaultdict(list)
    for r in conn.execute(
        select(joint_sources, entities.c.name, entities.c.type, entities.c.anonymous)
        .join(entities, entities.c.id == joint_sources.c.entity_id)
        .join(page, page.c.id == joint_sources.c.claim_id)
        .order_by(joint_sources.c.claim_id, joint_sources.c.position)
    ):
        joints[r.claim_id].append(r)
    quants: dict[str, list[Row[Any]]] = defaultdict(list)
    for r in conn.execute(
        select(quantities)
        .join(page, page.c.id == quantities.c.claim_id)
        .order_by(quantities.c.claim_id, quantities.c.position)
    ):
        quants[r.claim_id].append(r)
    times: dict[str, list[Row[Any]]] = defaultdict(list)
    for r in conn.execute(
        select(time_expressions)
        .join(page, page.c.id == time_expressions.c.claim_id)
        .order_by(time_expressions.c.claim_id, time_expressions.c.position)
    ):
        times[r.claim_id].append(r)

    cache: dict[str, Entity] = {}

    def entity(eid: str, name: str, type_: str, anonymous: Any) -> Entity:
        # Aliases are not part of a claim's serialised form, so not loaded here.
        if eid not in cache:
            cache[eid] = _entity(eid, name, type_, anonymous, [])
        return cache[eid]

    out: list[tuple[str, Claim]] = []
    for r in rows:
        text = texts[r.document_id]

        def span(start: int, end: int, text: str = text) -> Span:
            return Span(start, end, text[start:end])

        source = None
        if r.source_text is not None:
            ent = (
                entity(r.source_entity_id, r.src_name, r.src_type, r.src_anonymous)
                if r.source_entity_id is not None
                else None
            )
            joint = [entity(j.entity_id, j.name, j.type, j.anonymous) for j in joints[r.id]]
            source = SourceMention(r.source_start, r.source_end, r.source_text, ent, joint)
        claim = Claim(
            id=r.id,
            kind=ClaimKind(r.kind),
            section=SectionKind(r.section),
            stance=Stance(r.stance),
            cue=Cue(r.cue_start, r.cue_end, r.cue_text, r.cue_lemma),
            content=[span(s, e) for s, e in json.loads(r.content_spans)],
            source=source,
            chain=[
                ChainLink(
                    entity=entity(link.entity_id, link.name, link.type, link.anonymous),
                    cue=link.cue,
                    mention=span(link.mention_start, link.mention_end)
                    if link.mention_start is not None
                    else None,
                )
                for link in chains[r.id]
            ],
            quantities=[
                Quantity(
                    start=q.start,
                    end=q.end,
                    text=q.text,
                    value=q.value,
                    low=q.low,
                    high=q.high,
                    approximate=bool(q.approximate),
                    unit=q.unit,
                    scope=QuantityScope(q.scope),
                    attribute=bool(q.attribute),
                )
                for q in quants[r.id]
            ],
            times=[TimeExpr(t.start, t.end, t.text, t.resolved, t.granularity) for t in times[r.id]],
            negated=bool(r.negated),
            hedges=list(json.loads(r.hedges)),
            inverted=bool(r.inverted),
            sentence=span(r.sentence_start, r.sentence_end) if r.sentence_start is not None else None,
        )
        out.append((r.document_id, claim))
    return out


def _document(r: Row[Any]) -> Document:
    text = r.text
    return Document(
        text=text,
        id=r.id,
        title=r.title,
        subtitle=r.subtitle,
        outlet=r.outlet,
        url=r.url,
        published=r.published,
        dateline=Span(r.dateline_start, r.dateline_end, r.dateline) if r.dateline is not None else None,
        byline=r.byline,
        byline_span=Span(r.byline_start, r.byline_end, text[r.byline_start : r.byline_end])
        if r.byline_start is not None
        else None,
        paragraphs=[Span(s, e, text[s:e]) for s, e in json.loads(r.paragraphs)],
        sections=[Section(SectionKind(s["kind"]), s["start"], s["end"]) for s in json.loads(r.sections)],
        meta=json.loads(r.meta),
    )


def _entity(eid: str, name: str, type_: str, anonymous: Any, aliases: list[str]) -> Entity:
    return Entity(id=eid, name=name, type=EntityType(type_), aliases=list(aliases), anonymous=bool(anonymous))


def _aliases(conn: Connection, ids: list[str] | None = None) -> dict[str, list[str]]:
    query = select(entity_aliases).order_by(entity_aliases.c.entity_id, entity_aliases.c.alias)
    if ids is not None:
        query = query.where(entity_aliases.c.entity_id.in_(ids))
    out: dict[str, list[str]] = defaultdict(list)
    for r in conn.execute(query):
        out[r.entity_id].append(r.alias)
    return {k: sorted(v) for k, v in out.items()}


def _enum(enum: type[E], value: str, what: str) -> str:
    try:
        return enum(str(value).strip().lower()).value
    except ValueError:
        choices = ", ".join(m.value for m in enum)
        raise StoreError(f"unknown {what} {value!r}; expected one of: {choices}") from None


def _iso(moment: datetime | None) -> str | None:
    """ISO time in UTC; SQLite hands back naive datetimes, which we stored as UTC."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat()


# -- pages and search --------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Page:
    """One page of a listing: ``items`` from ``offset`` on, of ``total`` matching in all."""

    items: list[dict[str, Any]]
    total: int
    limit: int
    offset: int

    def to_dict(self) -> dict[str, Any]:
        return {"items": self.items, "total": self.total, "limit": self.limit, "offset": self.offset}


#: The FTS5 table of migration 0003 and the shadow tables SQLite keeps for it:
#: real tables in the file that ``schema.metadata`` does not (and cannot) declare.
SEARCH_TABLES = frozenset(
    {"claim_search"} | {f"claim_search_{part}" for part in ("data", "idx", "content", "docsize", "config")}
)

_WORD = re.compile(r"\w+")
# claim_page's ``documents`` argument shadows the table of that name.
_DOCUMENTS = documents


def search_terms(text: str) -> list[str]:
    """The words of a search box entry; punctuation and FTS operators are dropped."""
    return _WORD.findall(text)


def fts_query(text: str) -> str | None:
    """An FTS5 MATCH expression requiring every word, the last as a prefix (typing-as-you-go).

    Each word is quoted, so ``NOT``, ``NEAR``, ``*`` or an unbalanced quote in
    the input are searched for (or dropped), never interpreted.
    """
    words = search_terms(text)
    if not words:
        return None
    quoted = ['"' + w.replace('"', '""') + '"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


def _has_search_index(conn: Connection) -> bool:
    if conn.dialect.name != "sqlite":
        return False
    found = conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'claim_search'"
    ).first()
    return found is not None


def _search_condition(conn: Connection, text: str) -> ColumnElement[bool]:
    query = fts_query(text)
    if query is None:
        return false()  # nothing searchable typed: match nothing rather than everything
    if _has_search_index(conn):
        index = table("claim_search", column("claim_id"))
        matching = select(index.c.claim_id).where(literal_column("claim_search").op("MATCH")(query))
        return claims.c.id.in_(matching)
    return _substring_condition(search_terms(text))


def _substring_condition(words: list[str]) -> ColumnElement[bool]:
    """Every word somewhere in what the FTS5 index holds: content, source, cue, sentence.

    The stand-in for FTS5 where there is none (PostgreSQL), so it reads the
    same fields the index is built from (the source being the mention, the
    resolved entity's name and its aliases) and a search finds a claim by
    whichever of them matched, as it does on SQLite. The sentence is cut
    from the document text by character offsets, which is how Python counts
    them too. Words may hold ``_`` (a LIKE wildcard), so matching escapes it.
    """
    name = select(entities.c.name).where(entities.c.id == claims.c.source_entity_id).scalar_subquery()
    sentence = (
        select(
            func.substr(
                documents.c.text, claims.c.sentence_start + 1, claims.c.sentence_end - claims.c.sentence_start
            )
        )
        .where(documents.c.id == claims.c.document_id)
        .scalar_subquery()
    )
    fields = (claims.c.content_text, claims.c.source_text, claims.c.cue_text, name, sentence)
    conds = []
    for word in words:
        needle = word.lower()
        alias = (
            select(entity_aliases.c.entity_id)
            .where(
                entity_aliases.c.entity_id == claims.c.source_entity_id,
                func.lower(entity_aliases.c.alias).contains(needle, autoescape=True),
            )
            .exists()
        )
        conds.append(or_(*(func.lower(f).contains(needle, autoescape=True) for f in fields), alias))
    return and_(*conds)


def _as_date(value: date | str | None, what: str) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise StoreError(f"{what} {value!r} is not a date; use YYYY-MM-DD") from None


# -- stories helpers -----------------------------------------------------------


def _chunks(seq: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    """Slices small enough for the bound-parameter limit of SQLite."""
    for i in range(0, len(seq), size):
        yield seq[i : i + size]


def _documents_in(conn: Connection, ids: Select[Any]) -> dict[str, Document]:
    """The documents whose ids ``ids`` selects, by id.

    Reads that gather ids in one query and need their rows from another
    (story documents, the claims of a timeline or of every conflict) pass
    the first query along as a subquery rather than its ids as
    ``IN (:id1, :id2, ...)``: PostgreSQL refuses a statement with more than
    65,535 bound parameters, and a store-wide timeline can name more claims
    than that (SQLite as Debian builds it allows 250,000, so it never showed).
    """
    return {r.id: _document(r) for r in conn.execute(select(documents).where(documents.c.id.in_(ids)))}


def _alias_key(alias: str) -> str:
    """The lookup form of an alias: lower case, apostrophes unified, no leading "the"."""
    key = re.sub(r"\s+", " ", alias.replace("’", "'").strip().lower())
    return re.sub(r"^the ", "", key)


def _day(value: Any) -> str | None:
    if value is None:
        return None
    return value.isoformat() if hasattr(value, "isoformat") else str(value)
