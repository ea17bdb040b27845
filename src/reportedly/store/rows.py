"""Ledgers into rows (read back by :mod:`.reading`).

Rows hold offsets, not copies of the evidence: span texts (content pieces, sentences,
chain mentions, paragraphs) are cut from the stored document text when read back. That
keeps one source of truth, and is why a ledger whose offsets do not reproduce their text
is refused (:func:`prepare` says so): storing it would silently change the evidence on the
way back out. The few text columns kept beside offsets (``cue_text``, ``source_text``,
``content_text``) are there for people browsing the tables.

Everything read back is rebuilt into the model classes
(:func:`reportedly.store.reading.load_claims`, :func:`~reportedly.store.reading.load_ledger`)
and serialised with their own ``to_dict``, so the store's output cannot drift from the shape
the rest of the project (exports, API) expects.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    Connection,
    Table,
    func,
    insert,
    select,
    update,
)

from reportedly import model
from reportedly.store import schema

# -- checks --------------------------------------------------------------------------


def span_problems(ledger: model.Ledger) -> list[str]:
    """``Ledger.validate`` plus the spans it does not check but the store relies on."""
    problems = ledger.validate()
    doc = ledger.document
    text = doc.text

    def check(what: str, span: model.Span) -> None:
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


def prepare(ledger: model.Ledger) -> Prepared:
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
    if conn.scalar(select(schema.documents.c.id).where(schema.documents.c.id == document_id)) is None:
        return None
    return (
        conn.scalar(
            select(func.count()).select_from(schema.claims).where(schema.claims.c.document_id == document_id)
        )
        or 0
    )


def claim_ids_taken(conn: Connection, claim_ids: list[str]) -> list[str]:
    """Which of ``claim_ids`` stored claims already use."""
    return list(conn.scalars(select(schema.claims.c.id).where(schema.claims.c.id.in_(claim_ids))))


# -- rows out --------------------------------------------------------------------------


def insert_ledger(conn: Connection, ledger: model.Ledger, prepared: Prepared, source: str | None) -> None:
    """Write a new document's rows: document, entities, claims and their parts, in that order."""
    doc = ledger.document
    pairs = list(zip(ledger.claims, prepared.claim_ids, strict=True))
    conn.execute(insert(schema.documents), [_document_row(doc, source)])
    _upsert_entities(conn, _merge_entities(ledger).values())
    listed = list(dict.fromkeys(e.id for e in ledger.entities))
    insert_rows(
        conn,
        schema.document_entities,
        [{"document_id": doc.id, "position": i, "entity_id": eid} for i, eid in enumerate(listed)],
    )
    insert_rows(conn, schema.claims, prepared.claim_rows)
    for table, rows_of in (
        (schema.joint_sources, _joint_rows),
        (schema.chain_links, _chain_rows),
        (schema.quantities, _quantity_rows),
        (schema.time_expressions, _time_rows),
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


def _document_row(doc: model.Document, source: str | None) -> dict[str, Any]:
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
            [{"kind": model.SectionKind(s.kind).value, "start": s.start, "end": s.end} for s in doc.sections]
        ),
        # Meta is free-form; anything not JSON-native (dates) is kept as text.
        "meta": json.dumps(doc.meta, ensure_ascii=False, default=str),
        "text": doc.text,
        "ingested_at": datetime.now(UTC),
        "source": source,
    }


def _claim_row(c: model.Claim, claim_id: str, document_id: str, ordinal: int) -> dict[str, Any]:
    src = c.source
    return {
        "id": claim_id,
        "document_id": document_id,
        "ordinal": ordinal,
        "kind": model.ClaimKind(c.kind).value,
        "section": model.SectionKind(c.section).value,
        "stance": model.Stance(c.stance).value,
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


def _joint_rows(c: model.Claim, claim_id: str) -> list[dict[str, Any]]:
    joint = c.source.joint if c.source else []
    return [{"claim_id": claim_id, "position": i, "entity_id": e.id} for i, e in enumerate(joint)]


def _chain_rows(c: model.Claim, claim_id: str) -> list[dict[str, Any]]:
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


def _quantity_rows(c: model.Claim, claim_id: str) -> list[dict[str, Any]]:
    return [
        {
            **_span_part(claim_id, i, q),
            "value": q.value,
            "low": q.low,
            "high": q.high,
            "approximate": bool(q.approximate),
            "unit": q.unit,
            "scope": model.QuantityScope(q.scope).value,
            "attribute": bool(q.attribute),
            "measure": measure_json(q.measure),
        }
        for i, q in enumerate(c.quantities)
    ]


def _time_rows(c: model.Claim, claim_id: str) -> list[dict[str, Any]]:
    return [
        {**_span_part(claim_id, i, t), "resolved": t.resolved, "granularity": t.granularity}
        for i, t in enumerate(c.times)
    ]


def _span_part(claim_id: str, position: int, part: model.Quantity | model.TimeExpr) -> dict[str, Any]:
    """The columns every spanned part of a claim has: its key and where it stands in the text."""
    where = {"text": part.text, "start": part.start, "end": part.end}
    return {"claim_id": claim_id, "position": position, **where}


def _merge_entities(ledger: model.Ledger) -> dict[str, model.Entity]:
    """Every entity the ledger mentions, once per id, without touching the caller's objects.

    Claims can reference entities the ledger's list leaves out; they still
    need a row for the foreign keys to hold.
    """
    merged: dict[str, model.Entity] = {}
    found: list[model.Entity] = list(ledger.entities)
    for c in ledger.claims:
        if c.source is not None:
            if c.source.entity is not None:
                found.append(c.source.entity)
            found.extend(c.source.joint)
        found.extend(link.entity for link in c.chain)
    for e in found:
        have = merged.get(e.id)
        if have is None:
            merged[e.id] = model.Entity(
                e.id, e.name, model.EntityType(e.type), list(e.aliases), bool(e.anonymous)
            )
            continue
        have.aliases.extend(e.aliases)
        if e.name != have.name:
            have.aliases.append(e.name)
        if have.type == model.EntityType.UNKNOWN:
            have.type = model.EntityType(e.type)
    return merged


def _upsert_entities(conn: Connection, found: Iterable[model.Entity]) -> None:
    """Insert new entities; for known ones only add what was learnt.

    The first name stored for an id stays its name (a later spelling becomes
    an alias) so that ids and names shown to users do not shift as articles
    arrive; a type is only filled in where it was still unknown.
    """
    found = list(found)
    ids = [e.id for e in found]
    if not ids:
        return
    existing = {r.id: r for r in conn.execute(select(schema.entities).where(schema.entities.c.id.in_(ids)))}
    known = {
        (r.entity_id, r.alias)
        for r in conn.execute(select(schema.entity_aliases).where(schema.entity_aliases.c.entity_id.in_(ids)))
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
            if row.type == model.EntityType.UNKNOWN.value and e.type != model.EntityType.UNKNOWN:
                conn.execute(
                    update(schema.entities).where(schema.entities.c.id == e.id).values(type=e.type.value)
                )
        new_aliases.extend({"entity_id": e.id, "alias": a} for a in sorted(names) if (e.id, a) not in known)
    insert_rows(conn, schema.entities, new_entities)
    insert_rows(conn, schema.entity_aliases, new_aliases)


# -- rows in ---------------------------------------------------------------------------


def measure_json(m: model.Measure | None) -> str | None:
    """A typed measure as stored: its fields as JSON (the series key is derived, not stored)."""
    if m is None:
        return None
    data = m.to_dict()
    data.pop("key")
    return json.dumps(data, ensure_ascii=False, sort_keys=True)
