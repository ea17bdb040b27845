"""Ledgers into rows and rows back into ledgers.

Rows hold offsets, not copies of the evidence: span texts (content pieces, sentences,
chain mentions, paragraphs) are cut from the stored document text when read back. That
keeps one source of truth, and is why a ledger whose offsets do not reproduce their text
is refused (:func:`prepare` says so): storing it would silently change the evidence on the
way back out. The few text columns kept beside offsets (``cue_text``, ``source_text``,
``content_text``) are there for people browsing the tables.

Everything read back is rebuilt into the model classes (:func:`load_claims`,
:func:`load_ledger`) and serialised with their own ``to_dict``, so the store's output
cannot drift from the shape the rest of the project (exports, API) expects.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
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
    insert,
    select,
    true,
    update,
)

from reportedly.model import (
    ChainLink,
    Claim,
    ClaimKind,
    Cue,
    Document,
    Entity,
    EntityType,
    Ledger,
    Measure,
    Quantity,
    QuantityScope,
    Section,
    SectionKind,
    SourceMention,
    Span,
    Stance,
    TimeExpr,
)
from reportedly.store.aliases import aliases_of
from reportedly.store.errors import NotFound
from reportedly.store.schema import (
    chain_links,
    claims,
    document_entities,
    documents,
    entities,
    entity_aliases,
    joint_sources,
    quantities,
    time_expressions,
)
from reportedly.store.values import iso

# -- checks --------------------------------------------------------------------------


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


@dataclass(slots=True)
class Prepared:
    """A ledger's claim ids and claim rows, or why it cannot be stored (``refusal``)."""

    claim_ids: list[str]
    claim_rows: list[dict[str, Any]] = field(default_factory=list)
    refusal: str | None = None


def prepare(ledger: Ledger) -> Prepared:
    """Claim ids (the ledger's, or ``<document id>-<n>``) and rows, checked before any database work.

    A refusal is only reported by the caller when the document is new: a bad re-analysis
    of an article already stored is still "nothing new".
    """
    doc = ledger.document
    claim_ids = [c.id or f"{doc.id}-{i}" for i, c in enumerate(ledger.claims)]
    if problems := span_problems(ledger):
        more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
        return Prepared(
            claim_ids, refusal=f"offsets do not reproduce their text: {'; '.join(problems[:5])}{more}"
        )
    if len(set(claim_ids)) != len(claim_ids):
        return Prepared(claim_ids, refusal="claim ids are not unique")
    try:
        rows = [
            _claim_row(c, cid, doc.id, i)
            for i, (c, cid) in enumerate(zip(ledger.claims, claim_ids, strict=True))
        ]
    except ValueError as exc:  # an enum field holding a value the model does not define
        return Prepared(claim_ids, refusal=str(exc))
    return Prepared(claim_ids, rows)


def stored_claims(conn: Connection, document_id: str) -> int | None:
    """Claims stored for a document, or None when the document is not stored."""
    if conn.scalar(select(documents.c.id).where(documents.c.id == document_id)) is None:
        return None
    return (
        conn.scalar(select(func.count()).select_from(claims).where(claims.c.document_id == document_id)) or 0
    )


def claim_ids_taken(conn: Connection, claim_ids: list[str]) -> list[str]:
    """Which of ``claim_ids`` stored claims already use."""
    return list(conn.scalars(select(claims.c.id).where(claims.c.id.in_(claim_ids))))


# -- rows out --------------------------------------------------------------------------


def insert_ledger(conn: Connection, ledger: Ledger, prepared: Prepared, source: str | None) -> None:
    """Write a new document's rows: document, entities, claims and their parts, in that order."""
    doc = ledger.document
    pairs = list(zip(ledger.claims, prepared.claim_ids, strict=True))
    conn.execute(insert(documents), [_document_row(doc, source)])
    _upsert_entities(conn, _merge_entities(ledger).values())
    listed = list(dict.fromkeys(e.id for e in ledger.entities))
    insert_rows(
        conn,
        document_entities,
        [{"document_id": doc.id, "position": i, "entity_id": eid} for i, eid in enumerate(listed)],
    )
    insert_rows(conn, claims, prepared.claim_rows)
    for table, rows_of in (
        (joint_sources, _joint_rows),
        (chain_links, _chain_rows),
        (quantities, _quantity_rows),
        (time_expressions, _time_rows),
    ):
        insert_rows(conn, table, [r for c, cid in pairs for r in rows_of(c, cid)])


def insert_rows(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert ``rows`` into ``table`` (nothing at all for no rows)."""
    # An executemany with no rows would insert one row of defaults.
    if rows:
        conn.execute(insert(table), rows)


def chunks(seq: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    """Slices small enough for the bound-parameter limit of SQLite."""
    for i in range(0, len(seq), size):
        yield seq[i : i + size]


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
        "not_denied": bool(c.not_denied),
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
            **_span_part(claim_id, i, q),
            "value": q.value,
            "low": q.low,
            "high": q.high,
            "approximate": bool(q.approximate),
            "unit": q.unit,
            "scope": QuantityScope(q.scope).value,
            "attribute": bool(q.attribute),
            "measure": measure_json(q.measure),
        }
        for i, q in enumerate(c.quantities)
    ]


def _time_rows(c: Claim, claim_id: str) -> list[dict[str, Any]]:
    return [
        {**_span_part(claim_id, i, t), "resolved": t.resolved, "granularity": t.granularity}
        for i, t in enumerate(c.times)
    ]


def _span_part(claim_id: str, position: int, part: Quantity | TimeExpr) -> dict[str, Any]:
    """The columns every spanned part of a claim has: its key and where it stands in the text."""
    where = {"text": part.text, "start": part.start, "end": part.end}
    return {"claim_id": claim_id, "position": position, **where}


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
    insert_rows(conn, entities, new_entities)
    insert_rows(conn, entity_aliases, new_aliases)


# -- rows in ---------------------------------------------------------------------------


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


def document_from_row(r: Row[Any]) -> Document:
    """A stored ``documents`` row as a :class:`Document`, spans cut from its text."""
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


def documents_in(conn: Connection, ids: Select[Any]) -> dict[str, Document]:
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


def entity(eid: str, name: str, type_: str, anonymous: Any, aliases: list[str]) -> Entity:
    """An :class:`Entity` from its columns."""
    return Entity(id=eid, name=name, type=EntityType(type_), aliases=list(aliases), anonymous=bool(anonymous))


def load_ledger(conn: Connection, document_id: str) -> Ledger:
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
    return Ledger(
        document=document_from_row(row),
        claims=[claim for _, claim in loaded],
        entities=[entity(r.id, r.name, r.type, r.anonymous, aliases.get(r.id, [])) for r in listed],
    )


def listed(document_id: str, claim: Claim) -> dict[str, Any]:
    """A claim as the read methods list it: its dict plus the id of its document."""
    return {**claim.to_dict(), "document_id": document_id}


def load_claims(
    conn: Connection, conds: Sequence[ColumnElement[bool]], *, limit: int | None = None, offset: int = 0
) -> list[tuple[str, Claim]]:
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
    cache: dict[str, Entity] = {}

    def known(eid: str, name: str, type_: str, anonymous: Any) -> Entity:
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


def _claim(r: Row[Any], text: str, parts: _Parts, known: Callable[[str, str, str, Any], Entity]) -> Claim:
    """A claim from its row, its parts and the text its offsets index."""

    def span(start: int, end: int) -> Span:
        return Span(start, end, text[start:end])

    source = None
    if r.source_text is not None:
        ent = (
            known(r.source_entity_id, r.src_name, r.src_type, r.src_anonymous)
            if r.source_entity_id is not None
            else None
        )
        joint = [known(j.entity_id, j.name, j.type, j.anonymous) for j in parts.joints[r.id]]
        source = SourceMention(r.source_start, r.source_end, r.source_text, ent, joint)
    return Claim(
        id=r.id,
        kind=ClaimKind(r.kind),
        section=SectionKind(r.section),
        stance=Stance(r.stance),
        cue=Cue(r.cue_start, r.cue_end, r.cue_text, r.cue_lemma),
        content=[span(s, e) for s, e in json.loads(r.content_spans)],
        source=source,
        chain=[
            ChainLink(
                entity=known(link.entity_id, link.name, link.type, link.anonymous),
                cue=link.cue,
                mention=span(link.mention_start, link.mention_end)
                if link.mention_start is not None
                else None,
            )
            for link in parts.chains[r.id]
        ],
        quantities=[_quantity(q) for q in parts.quantities[r.id]],
        times=[TimeExpr(t.start, t.end, t.text, t.resolved, t.granularity) for t in parts.times[r.id]],
        negated=bool(r.negated),
        hedges=list(json.loads(r.hedges)),
        inverted=bool(r.inverted),
        not_denied=bool(r.not_denied),
        sentence=span(r.sentence_start, r.sentence_end) if r.sentence_start is not None else None,
    )


def _quantity(q: Row[Any]) -> Quantity:
    bounds = (q.value, q.low, q.high, bool(q.approximate))
    scope = QuantityScope(q.scope)
    return Quantity(
        q.start, q.end, q.text, *bounds, q.unit, scope, bool(q.attribute), measure_of_json(q.measure)
    )


def measure_json(m: Measure | None) -> str | None:
    """A typed measure as stored: its fields as JSON (the series key is derived, not stored)."""
    if m is None:
        return None
    data = m.to_dict()
    data.pop("key")
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def measure_of_json(value: str | None) -> Measure | None:
    if not value:
        return None
    return Measure.from_dict(json.loads(value))
