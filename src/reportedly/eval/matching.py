"""Finding the system's claims and quantities behind a gold quote.

Gold files name evidence by quotation (file + exact substring of the body);
the ledger names it by character offsets. A quote and a claim *match* when
their extents overlap by at least half of the shorter one, so a gold quote of
the whole sentence ("Erdogan said 105,505 people were injured") finds the
claim whose content is its clause, and a gold quote of a phrase ("placing the
blame on Moscow") finds the claim whose content holds it. The extent of a
claim is its content spans (its cue too for non-statements, whose content can
be empty).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Claim, Quantity

#: Share of the shorter of (quote, claim extent) the two must overlap to match.
MIN_OVERLAP = 0.5


@dataclass(frozen=True, slots=True)
class Located:
    """A gold quote found in its document's text."""

    file: str
    start: int
    end: int

    @property
    def length(self) -> int:
        return self.end - self.start


def locate(text: str, quote: str, file: str, near: int = 0) -> Located | None:
    """The quote's offsets; with several occurrences, the first at or after ``near``."""
    at = text.find(quote, near)
    if at < 0:
        at = text.find(quote)
    if at < 0:
        return None
    return Located(file, at, at + len(quote))


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def claim_extent(claim: Claim) -> list[tuple[int, int]]:
    spans = [(s.start, s.end) for s in claim.content if s.end > s.start]
    if not spans:
        spans = [(claim.cue.start, claim.cue.end)]
    return spans


def match_score(claim: Claim, where: Located) -> float:
    """Overlap as a share of the shorter side; 0 when they do not meet."""
    spans = claim_extent(claim)
    shared = sum(_overlap(s, e, where.start, where.end) for s, e in spans)
    if shared == 0:
        return 0.0
    size = sum(e - s for s, e in spans)
    return shared / max(1, min(size, where.length))


def matching_claims(claims: list[Claim], where: Located) -> list[tuple[float, Claim]]:
    """Claims matching the quote, best first (ties: the tighter claim)."""
    found = []
    for c in claims:
        score = match_score(c, where)
        if score >= MIN_OVERLAP:
            size = sum(e - s for s, e in claim_extent(c))
            found.append((score, -abs(size - where.length), c))
    found.sort(key=lambda t: (t[0], t[1]), reverse=True)
    return [(s, c) for s, _tight, c in found]


def best_claim(claims: list[Claim], where: Located) -> Claim | None:
    found = matching_claims(claims, where)
    return found[0][1] if found else None


def quantity_in(
    claims: list[Claim], where: Located, value: float | None, low: float | None, high: float | None
) -> tuple[Claim, int, Quantity] | None:
    """The claim quantity inside the quote that stands for a gold number.

    Among quantities overlapping the quote, one with the gold's value (or one
    of its bounds) wins; else the first in the text.
    """
    targets = {float(x) for x in (value, low, high) if x is not None}
    hits: list[tuple[int, int, Claim, int, Quantity]] = []
    for c in claims:
        for pos, q in enumerate(c.quantities):
            if q.attribute or _overlap(q.start, q.end, where.start, where.end) == 0:
                continue
            numbers = {float(x) for x in (q.value, q.low, q.high) if x is not None}
            rank = 0 if numbers & targets else 1
            hits.append((rank, q.start, c, pos, q))
    if not hits:
        return None
    hits.sort(key=lambda h: (h[0], h[1]))
    _rank, _start, c, pos, q = hits[0]
    return c, pos, q
