"""Reading back the measures the link stage stored, and a measure's timeline across documents.

Paged in SQL like the story listings (:mod:`.stories`); the rows are written by :mod:`.links`.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    Connection,
    Row,
    Select,
    and_,
    func,
    select,
)

from reportedly.model import (
    Claim,
    Document,
    QuantityScope,
    Span,
    Stance,
    TimelinePoint,
)
from reportedly.store.reading import documents_in, load_claims
from reportedly.store.schema import (
    claim_measures,
    claims,
    quantities,
    story_documents,
)
from reportedly.store.values import by_code_point, count_rows, day, paged


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
    # ids: see reading.documents_in. It reads ``claims`` through an alias, or it would be
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
        context=number_context(claim.sentence, q.start, q.end),
    )


#: How much of a sentence a timeline shows around a number.
CONTEXT_CHARS = 100


def number_context(sentence: Span | None, start: int, end: int, size: int = CONTEXT_CHARS) -> str | None:
    """The words around a number in its sentence, at most about ``size`` characters, cut at
    spaces and marked "…" where cut: "… 36 total fatalities have been discovered today …".
    None when the sentence is unknown or does not hold the number."""
    if sentence is None or not sentence.start <= start < end <= sentence.start + len(sentence.text):
        return None
    text, a, b = sentence.text, start - sentence.start, end - sentence.start
    room = max(size - (b - a), 0)
    lo = max(a - room // 2, 0)
    hi = min(b + room - (a - lo), len(text))  # what the left side cannot use goes right …
    lo = max(min(lo, hi - size), 0)  # … and what the right cannot use goes left
    if lo > 0:
        lo = text.find(" ", lo, a) + 1 or a
    if hi < len(text):
        cut = text.rfind(" ", b, hi)
        hi = cut if cut > 0 else b
    return ("… " if lo > 0 else "") + text[lo:hi].strip() + (" …" if hi < len(text) else "")
