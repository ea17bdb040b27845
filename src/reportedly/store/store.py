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

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
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
    delete,
    func,
    insert,
    or_,
    select,
    true,
    union,
    update,
)
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from reportedly.model import (
    ChainLink,
    Claim,
    ClaimKind,
    Cue,
    Document,
    Entity,
    EntityType,
    Ledger,
    Quantity,
    QuantityScope,
    Section,
    SectionKind,
    SourceMention,
    Span,
    Stance,
    TimeExpr,
)
from reportedly.store import engine as db
from reportedly.store.errors import StoreError
from reportedly.store.schema import (
    TABLES,
    chain_links,
    claims,
    document_entities,
    documents,
    entities,
    entity_aliases,
    ingest_errors,
    joint_sources,
    quantities,
    time_expressions,
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
        conds: list[ColumnElement[bool]] = []
        if stance is not None:
            conds.append(claims.c.stance == _enum(Stance, stance, "stance"))
        if kind is not None:
            conds.append(claims.c.kind == _enum(ClaimKind, kind, "kind"))
        if document is not None:
            conds.append(claims.c.document_id == document)
        with self._read() as conn:
            if source is not None:
                conds.append(_source_condition(conn, source))
            return [
                {**claim.to_dict(), "document_id": doc_id}
                for doc_id, claim in _load_claims(conn, conds, limit=limit, offset=offset)
            ]

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
