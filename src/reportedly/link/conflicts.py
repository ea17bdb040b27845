"""Contradictions: pairs of claims that cannot both be true at the same time.

Four kinds (GLOSSARY.md, "Conflict"):

``numeric``
    Two documents give numbers for the same measure, at times no more than
    :data:`OVERLAP_DAYS` apart, whose bounds do not meet. "About" widens a
    number by :data:`APPROX`; "more than 10,000" is [10,000, ∞). Blocked by
    measure and swept in date order, so only near-in-time pairs are compared.
    One conflict per pair of documents and measure (the widest gap).
``polarity``
    One claim asserts what another negates ("not in combat" against "engaged in
    combat"). The claims must be similar as wholes (threshold ``opposite``) and
    every content word of the negated clause must occur in the other claim, so
    "did not comment" never contradicts a figure.
``stance``
    The same with one side *denied* (confirmed, asserted … vs denied).
``internal``
    One article gives one event two different days: two of its claims with the
    same origin and similar content carry different resolved days in the same
    role (both dating the statement, outside the content, or both dating the
    event, inside it).

Polarity and stance conflicts are searched inside stories (the blocking
step); each negative claim yields at most one conflict, with its most similar
positive counterpart.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable
from datetime import date

import numpy as np

from ..model import Conflict, ConflictKind, Quantity, Stance
from .corpus import ClaimItem
from .embed import Thresholds, words

OVERLAP_DAYS = 3
APPROX = 0.10
_NEG_CLAUSE = re.compile(
    r"\b(?:not(?!\s+only)|never|no|n['’]t|neither|nor|without|none)\b\s*(?P<rest>[^,;.:]*)", re.I
)
#: A denial needs a proposition to contradict: "denied Obama's actions" is too short to match on.
MIN_DENIED_TERMS = 3
#: Content words each side of a polarity or stance conflict needs (a name is no proposition).
MIN_WORDS = 4
#: Content-word Jaccard overlap two claims need to be about the same thing at all.
ANCHOR = 0.3
_CLAUSE_END = re.compile(r"\b(?:but|and|while|although|because|though)\b", re.I)


def bounds(q: Quantity) -> tuple[float, float]:
    low = q.low if q.low is not None else q.value
    high = q.high if q.high is not None else (q.value if q.low is None else None)
    lo = -math.inf if low is None else float(low)
    hi = math.inf if high is None else float(high)
    if q.approximate:
        lo, hi = lo * (1 - APPROX), hi * (1 + APPROX)
    return lo, hi


def _fmt(q: Quantity) -> str:
    return f"“{q.text}”"


def numeric_conflicts(items: Iterable[ClaimItem], story_of: dict[str, str]) -> list[Conflict]:
    by_measure: dict[str, list[tuple[date | None, ClaimItem, Quantity]]] = defaultdict(list)
    for it in items:
        if it.neutral or it.negative:
            continue
        for m in it.measures:
            by_measure[m.measure].append((m.when, it, it.claim.quantities[m.position]))
    out: list[Conflict] = []
    for measure, points in sorted(by_measure.items()):
        points.sort(key=lambda p: (p[0] or date.min, p[1].doc.id, p[1].id))
        best: dict[tuple[str, str], tuple[float, int, int]] = {}
        for i, (da, a, qa) in enumerate(points):
            for j in range(i + 1, len(points)):
                db, b, qb = points[j]
                if da is not None and db is not None and (db - da).days > OVERLAP_DAYS:
                    break
                if a.doc.id == b.doc.id:
                    continue
                (la, ha), (lb, hb) = bounds(qa), bounds(qb)
                gap = max(lb - ha, la - hb)
                if gap <= 0:
                    continue
                pair = tuple(sorted((a.doc.id, b.doc.id)))
                if pair not in best or gap > best[pair][0]:
                    best[pair] = (gap, i, j)  # type: ignore[index]
        for _gap, i, j in sorted(best.values(), key=lambda t: (t[1], t[2])):
            (_da, a, qa), (_db, b, qb) = points[i], points[j]
            why = (
                f"{_fmt(qa)} ({a.doc.outlet}, {a.doc.published}) and {_fmt(qb)} ({b.doc.outlet}, "
                f"{b.doc.published}) for {measure} do not overlap"
            )
            out.append(Conflict(ConflictKind.NUMERIC, a.ref(), b.ref(), why, story_of.get(a.doc.id), measure))
    return out


def negated_terms(item: ClaimItem) -> set[str]:
    """Content words under the negation: "in place but not in combat" -> {"combat"}."""
    m = _NEG_CLAUSE.search(item.text)
    if m is None:
        if item.claim.stance is not Stance.DENIED:
            return set()
        terms = set(words(item.text))
        return terms if len(terms) >= MIN_DENIED_TERMS else set()
    rest = _CLAUSE_END.split(m.group("rest"), maxsplit=1)[0]
    return set(words(rest))


def opposition_conflicts(
    items: list[ClaimItem], vectors: dict[str, np.ndarray], thresholds: Thresholds, story: str | None
) -> list[Conflict]:
    """Polarity and stance conflicts inside one story."""
    # plainly positive claims only: a double negative is too easy to misread
    positive = [
        it
        for it in items
        if not it.negative
        and not it.neutral
        and it.text.strip()
        and it.claim.stance is not Stance.DENIED
        and not _NEG_CLAUSE.search(it.text)
    ]
    negative = [it for it in items if it.negative and not it.neutral and it.text.strip()]
    if not positive or not negative:
        return []
    pos_vecs = np.stack([vectors[it.id] for it in positive])
    pos_words = [set(words(it.text)) for it in positive]
    out: list[Conflict] = []
    for neg in negative:
        terms = negated_terms(neg)
        if not terms:
            continue
        neg_words = set(words(neg.text))
        if len(neg_words) < MIN_WORDS:
            continue
        sims = pos_vecs @ vectors[neg.id]
        for k in np.argsort(-sims, kind="stable"):
            if float(sims[k]) < thresholds.opposite:
                break
            pos = positive[int(k)]
            if _overlap(pos, neg):
                continue  # one claim quoting the other ("we never said there were no …")
            if len(pos_words[int(k)]) < MIN_WORDS or _jaccard(pos_words[int(k)], neg_words) < ANCHOR:
                continue  # "his endorsement" vs "it's not an endorsement": too little to go on
            share = len(terms & pos_words[int(k)]) / len(terms)
            if share < (1.0 if neg.claim.stance is not Stance.DENIED else 0.8):
                continue
            denied = Stance.DENIED in (neg.claim.stance, pos.claim.stance)
            kind = ConflictKind.STANCE if denied else ConflictKind.POLARITY
            if denied:
                why = f"{pos.claim.stance.value} by {_who(pos)} but denied by {_who(neg)}"
            else:
                why = f"{_who(pos)} says “{_short(pos.text)}”; {_who(neg)} says “{_short(neg.text)}”"
            out.append(Conflict(kind, pos.ref(), neg.ref(), why, story))
            break
    return out


def internal_conflicts(
    items: list[ClaimItem], vectors: dict[str, np.ndarray], thresholds: Thresholds, story: str | None
) -> list[Conflict]:
    """One document dating one event (or one statement) to two different days."""
    by_doc: dict[str, list[ClaimItem]] = defaultdict(list)
    for it in items:
        if not it.neutral:
            by_doc[it.doc.id].append(it)
    out: list[Conflict] = []
    for claims in by_doc.values():
        dated = []
        for it in claims:
            for t in it.claim.times:
                if t.granularity != "day" or not t.resolved:
                    continue
                inside = any(s.start <= t.start and t.end <= s.end for s in it.claim.content)
                dated.append((it, "event" if inside else "statement", t))
        seen: set[tuple[str, str, str]] = set()
        for i, (a, role_a, ta) in enumerate(dated):
            for b, role_b, tb in dated[i + 1 :]:
                if a.id == b.id or role_a != role_b or ta.resolved == tb.resolved:
                    continue
                sim = float(vectors[a.id] @ vectors[b.id])
                wa, wb = set(words(a.text)), set(words(b.text))
                if min(len(wa), len(wb)) < MIN_WORDS or _jaccard(wa, wb) < ANCHOR:
                    continue  # one speaker saying two different things on two days is no conflict
                if role_a == "statement":
                    same_origin = (
                        a.origin is not None and b.origin is not None and a.origin.key == b.origin.key
                    )
                    if not same_origin or sim < thresholds.internal:
                        continue
                elif sim < thresholds.same_event:
                    continue
                key = (a.origin.key if a.origin else "", *sorted((ta.resolved or "", tb.resolved or "")))
                if key in seen:
                    continue
                seen.add(key)  # type: ignore[arg-type]
                what = f"{_who(a)}'s statement" if role_a == "statement" else "the event"
                why = (
                    f"{what} is dated “{ta.text}” ({ta.resolved}) in one place and “{tb.text}” "
                    f"({tb.resolved}) in another"
                )
                out.append(Conflict(ConflictKind.INTERNAL, a.ref(), b.ref(), why, story))
    return out


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _overlap(a: ClaimItem, b: ClaimItem) -> bool:
    """Claims of one document whose contents share characters: nested or repeated attributions."""
    if a.doc.id != b.doc.id:
        return False
    return any(x.start < y.end and y.start < x.end for x in a.claim.content for y in b.claim.content)


def _who(it: ClaimItem) -> str:
    if it.origin is not None:
        return it.origin.name
    if it.source is not None:
        return it.source.name
    return it.doc.outlet


def _short(text: str, n: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"
