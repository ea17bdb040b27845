"""Rows back into ledgers: documents, claims and whole ledgers rebuilt into the model classes.

The counterpart of :mod:`.rows` (ledgers into rows). Span texts are cut from the stored
document text, not stored twice (see :mod:`.rows`); what is read back is rebuilt into the
model classes (:func:`load_claims`, :func:`load_ledger`) and serialised with their own
``to_dict``, so the store's output cannot drift from the shape exports and the API expect.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Row,
    Select,
    Subquery,
    Table,
    and_,
    func,
    select,
    true,
)

from reportedly import model
from reportedly.store.aliases import aliases_of
from reportedly.store.errors import NotFound
from reportedly.store.rows import chunks
from reportedly.store.schema import (
    chain_links,
    claims,
    document_entities,
    documents,
    entities,
    joint_sources,
    quantities,
    time_expressions,
)
from reportedly.store.values import iso


def document_rows(
    conn: Connection, *, ids: Collection[str] | None = None, limit: int | None = None, offset: int = 0
) -> list[dict[str, Any]]:
    """Documents as summary dicts with their number of claims, oldest ingestion first.

    Keys: ``id``, ``title``, ``outlet``, ``published``, ``url``, ``source``,
    ``ingested_at``, ``claims``, ``language`` (from the document's meta JSON: no
    column of its own, so no migration). ``ids`` keeps only those documents; ``limit`` and
    ``offset`` page the listing in SQL.
    """
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
            documents.c.meta,
            n_claims.label("claims"),
        )
        .select_from(documents.outerjoin(claims, claims.c.document_id == documents.c.id))
        .group_by(documents.c.id)
        .order_by(documents.c.ingested_at, documents.c.id)
    )
    if ids is not None:
        # In slices, each in the listing's order; merged back into that order.
        found = [
            r
            for part in chunks(sorted(set(ids)), 500)
            for r in conn.execute(query.where(documents.c.id.in_(part)))
        ]
        rows = sorted(found, key=lambda r: (r.ingested_at, r.id))
    else:
        if limit is not None or offset:
            query = query.limit(limit).offset(offset)
        rows = list(conn.execute(query))
    return [
        {
            "id": r.id,
            "title": r.title,
            "outlet": r.outlet,
            "published": r.published.isoformat() if r.published else None,
            "url": r.url,
            "source": r.source,
            "ingested_at": iso(r.ingested_at),
            "claims": r.claims,
            "language": _language(r.meta),
        }
        for r in rows
    ]


def _language(meta: str | None) -> str | None:
    """The language kept in a document's meta JSON (older rows have none)."""
    try:
        value = json.loads(meta or "{}").get("language")
    except (ValueError, AttributeError):
        return None
    return str(value) if value else None


def count_documents(conn: Connection) -> int:
    """How many documents are stored."""
    return conn.scalar(select(func.count()).select_from(documents)) or 0


def document_from_row(r: Row[Any]) -> model.Document:
    """A stored ``documents`` row as a :class:`Document`, spans cut from its text."""
    text = r.text
    return model.Document(
        text=text,
        id=r.id,
        title=r.title,
        subtitle=r.subtitle,
        outlet=r.outlet,
        url=r.url,
        published=r.published,
        dateline=model.Span(r.dateline_start, r.dateline_end, r.dateline) if r.dateline is not None else None,
        byline=r.byline,
        byline_span=model.Span(r.byline_start, r.byline_end, text[r.byline_start : r.byline_end])
        if r.byline_start is not None
        else None,
        paragraphs=[model.Span(s, e, text[s:e]) for s, e in json.loads(r.paragraphs)],
        sections=[
            model.Section(model.SectionKind(s["kind"]), s["start"], s["end"]) for s in json.loads(r.sections)
        ],
        meta=json.loads(r.meta),
    )


def documents_in(conn: Connection, ids: Select[Any]) -> dict[str, model.Document]:
    """The documents whose ids ``ids`` selects, by id.

    Reads that gather ids in one query and need their rows from another
    (story documents, the claims of a timeline or of every conflict) pass
    the first query along as a subquery rather than its ids as
    ``IN (:id1, :id2, ...)``: PostgreSQL refuses a statement with more than
    65,535 bound parameters, and a store-wide timeline can name more claims
    than that (SQLite as Debian builds it allows 250,000, so it never showed).
    """
    return {
        r.id: document_from_row(r) for r in conn.execute(select(documents).where(documents.c.id.in_(ids)))
    }


def entity(eid: str, name: str, type_: str, anonymous: Any, aliases: list[str]) -> model.Entity:
    """An :class:`Entity` from its columns."""
    return model.Entity(
        id=eid, name=name, type=model.EntityType(type_), aliases=list(aliases), anonymous=bool(anonymous)
    )


def load_ledger(conn: Connection, document_id: str) -> model.Ledger:
    """The stored ledger of a document as model objects; NotFound when it is not stored.

    Entities carry their aliases as merged across every stored document.
    """
    row = conn.execute(select(documents).where(documents.c.id == document_id)).first()
    if row is None:
        raise NotFound("document", document_id)
    loaded = load_claims(conn, [claims.c.document_id == document_id])
    listed = conn.execute(
        select(entities)
        .join(document_entities, document_entities.c.entity_id == entities.c.id)
        .where(document_entities.c.document_id == document_id)
        .order_by(document_entities.c.position)
    ).all()
    aliases = aliases_of(conn, [r.id for r in listed])
    return model.Ledger(
        document=document_from_row(row),
        claims=[claim for _, claim in loaded],
        entities=[entity(r.id, r.name, r.type, r.anonymous, aliases.get(r.id, [])) for r in listed],
    )


def listed(document_id: str, claim: model.Claim) -> dict[str, Any]:
    """A claim as the read methods list it: its dict plus the id of its document."""
    return {**claim.to_dict(), "document_id": document_id}


def load_claims(
    conn: Connection, conds: Sequence[ColumnElement[bool]], *, limit: int | None = None, offset: int = 0
) -> list[tuple[str, model.Claim]]:
    """Claims matching ``conds`` as model objects, each with its document id, by document then position.

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
    parts = _Parts(
        chains=_parts_of(conn, chain_links, page, named=True),
        joints=_parts_of(conn, joint_sources, page, named=True),
        quantities=_parts_of(conn, quantities, page),
        times=_parts_of(conn, time_expressions, page),
    )
    cache: dict[str, model.Entity] = {}

    def known(eid: str, name: str, type_: str, anonymous: Any) -> model.Entity:
        # Aliases are not part of a claim's serialised form, so not loaded here.
        if eid not in cache:
            cache[eid] = entity(eid, name, type_, anonymous, [])
        return cache[eid]

    return [(r.document_id, _claim(r, texts[r.document_id], parts, known)) for r in rows]


@dataclass(slots=True)
class _Parts:
    """The child rows of a page of claims, by claim id, in position order."""

    chains: dict[str, list[Row[Any]]]
    joints: dict[str, list[Row[Any]]]
    quantities: dict[str, list[Row[Any]]]
    times: dict[str, list[Row[Any]]]


def _parts_of(
    conn: Connection, table: Table, page: Subquery, *, named: bool = False
) -> dict[str, list[Row[Any]]]:
    """Rows of a claim child table for the claims of ``page``; ``named`` joins the entity's columns."""
    query = select(table)
    if named:
        query = select(table, entities.c.name, entities.c.type, entities.c.anonymous).join(
            entities, entities.c.id == table.c.entity_id
        )
    query = query.join(page, page.c.id == table.c.claim_id).order_by(table.c.claim_id, table.c.position)
    out: dict[str, list[Row[Any]]] = defaultdict(list)
    for r in conn.execute(query):
        out[r.claim_id].append(r)
    return out


def _claim(
    r: Row[Any], text: str, parts: _Parts, known: Callable[[str, str, str, Any], model.Entity]
) -> model.Claim:
    """A claim from its row, its parts and the text its offsets index."""

    def span(start: int, end: int) -> model.Span:
        return model.Span(start, end, text[start:end])

    source = None
    if r.source_text is not None:
        ent = (
            known(r.source_entity_id, r.src_name, r.src_type, r.src_anonymous)
            if r.source_entity_id is not None
            else None
        )
        joint = [known(j.entity_id, j.name, j.type, j.anonymous) for j in parts.joints[r.id]]
        source = model.SourceMention(r.source_start, r.source_end, r.source_text, ent, joint)
    return model.Claim(
        id=r.id,
        kind=model.ClaimKind(r.kind),
        section=model.SectionKind(r.section),
        stance=model.Stance(r.stance),
        cue=model.Cue(r.cue_start, r.cue_end, r.cue_text, r.cue_lemma),
        content=[span(s, e) for s, e in json.loads(r.content_spans)],
        source=source,
        chain=[
            model.ChainLink(
                entity=known(link.entity_id, link.name, link.type, link.anonymous),
                cue=link.cue,
                mention=span(link.mention_start, link.mention_end)
                if link.mention_start is not None
                else None,
            )
            for link in parts.chains[r.id]
        ],
        quantities=[_quantity(q) for q in parts.quantities[r.id]],
        times=[model.TimeExpr(t.start, t.end, t.text, t.resolved, t.granularity) for t in parts.times[r.id]],
        negated=bool(r.negated),
        hedges=list(json.loads(r.hedges)),
        inverted=bool(r.inverted),
        not_denied=bool(r.not_denied),
        sentence=span(r.sentence_start, r.sentence_end) if r.sentence_start is not None else None,
    )


def _quantity(q: Row[Any]) -> model.Quantity:
    bounds = (q.value, q.low, q.high, bool(q.approximate))
    scope = model.QuantityScope(q.scope)
    return model.Quantity(
        q.start, q.end, q.text, *bounds, q.unit, scope, bool(q.attribute), measure_of_json(q.measure)
    )


def measure_of_json(value: str | None) -> model.Measure | None:
    if not value:
        return None
    return model.Measure.from_dict(json.loads(value))
