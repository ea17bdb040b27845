"""Finding the system's claims and quantities behind a gold quote.

Gold files name evidence by quotation (file + exact substring of the body);
the ledger names it by character offsets. A quote and a claim *match* when
their extents overlap by at least half of the shorter one, so a gold quote of
the whole sentence finds the claim whose content is its clause, and a gold
quote of a phrase ("placing the blame on Moscow") finds the claim whose
content holds it.

What a claim's extent is depends on the convention (:data:`MATCH_CONVENTIONS`,
BENCHMARKS.md round 11 "match11", docs/benchmarks-stories.md):

* ``content``: its content spans (its cue for a non-statement, whose content
  can be empty): the story scorer's convention up to round 10;
* ``evidence`` (the default): a gold mention's quote is the span of the
  mention, and a mention of a proposition is a claim: who says it, the words
  that say it, what is said (GLOSSARY.md, "Claim"). So the claim's own source
  and cue count beside its content ("officials said 471 people were killed"
  is the claim whose content runs on "471 people were killed in the blast at
  ... on Tuesday"), as ``eval-claims`` counts them. Guards against a quote
  finding a neighbour's claim: the source and cue count only when the quote
  meets the claim's content (the cue of a non-statement), and only where they
  stand in the sentence of that content (no sentence end between them): a
  quote of one sentence never takes the claim of the next one through the
  speaker the two share, nor a claim of the same sentence whose content it
  does not touch. The score is never below the content-only score.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Literal

from ..model import Claim, Ledger, Quantity

#: Share of the shorter of (quote, claim extent) the two must overlap to match.
MIN_OVERLAP = 0.5

Match = Literal["content", "evidence"]
#: The conventions for a claim's extent, in the order the CLI lists them.
MATCH_CONVENTIONS: tuple[Match, ...] = ("content", "evidence")
#: The story scorer's convention since round 11 (the gold quote is the mention: speaker, cue, content).
DEFAULT_MATCH: Match = "evidence"

#: A sentence end between two spans: a full stop (or ! ?), optional closing quotes or brackets,
#: white space, then an opening quote or a capital; or a line break (a new paragraph). "U.S.
#: officials" is no end; a false end ("Mr. Smith") only keeps a span out, never lets one in.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+[\"'“‘(\[]*[A-Z]|\n")


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
    """The content spans (the cue for a non-statement with no content): the ``content`` extent."""
    spans = [(s.start, s.end) for s in claim.content if s.end > s.start]
    if not spans:
        spans = [(claim.cue.start, claim.cue.end)]
    return spans


def merged_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Character spans sorted and joined where they touch or overlap (empty spans dropped)."""
    out: list[tuple[int, int]] = []
    for b, e in sorted(s for s in spans if s[1] > s[0]):
        if out and b <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((b, e))
    return out


def _same_sentence(claim: Claim, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether no sentence end (:data:`_SENTENCE_END`) lies in the gap between two of the claim's
    spans, read in the claim's own sentences (``Claim.sentence`` runs from the first to the last
    of its source, cue and content, so it holds the gap); a claim with no sentence: never."""
    sent = claim.sentence
    if sent is None:
        return False
    gap_start, gap_end = (a[1], b[0]) if a[0] <= b[0] else (b[1], a[0])
    if gap_end <= gap_start:
        return True
    # one character either side: a full stop closing the first span, the capital opening the next
    lo = max(sent.start, gap_start - 1) - sent.start
    hi = min(sent.end, gap_end + 1) - sent.start
    return _SENTENCE_END.search(sent.text, lo, hi) is None


def evidence_extent(claim: Claim, where: Located) -> list[tuple[int, int]]:
    """The ``evidence`` extent for this quote: the content extent, with the claim's source and cue
    when the quote meets the content extent and they stand in the sentence of the part it meets."""
    spans = claim_extent(claim)
    met = [s for s in spans if _overlap(s[0], s[1], where.start, where.end) > 0]
    if not met:
        return spans
    speaker = [(claim.cue.start, claim.cue.end)]
    if claim.source is not None:
        speaker.append((claim.source.start, claim.source.end))
    extra = [sp for sp in speaker if sp[1] > sp[0] and any(_same_sentence(claim, sp, m) for m in met)]
    return merged_spans(spans + extra)


def _score_spans(spans: list[tuple[int, int]], where: Located) -> float:
    shared = sum(_overlap(s, e, where.start, where.end) for s, e in spans)
    if shared == 0:
        return 0.0
    size = sum(e - s for s, e in spans)
    return shared / max(1, min(size, where.length))


def match_score(claim: Claim, where: Located, match: Match = DEFAULT_MATCH) -> float:
    """Overlap as a share of the shorter side; 0 when they do not meet.

    ``match="evidence"`` scores :func:`evidence_extent` too and keeps the better of the two: the
    source and cue can only add a match, never lose one the content alone makes.
    """
    own = _score_spans(claim_extent(claim), where)
    if match == "content" or own == 0:
        return own
    return max(own, _score_spans(evidence_extent(claim, where), where))


def matching_claims(
    claims: list[Claim], where: Located, match: Match = DEFAULT_MATCH
) -> list[tuple[float, Claim]]:
    """Claims matching the quote, best first (ties: the tighter claim, by its content extent).

    Many to one, as in every round: two gold mentions may find one claim (a sentence the gold
    splits into two propositions and the ledger keeps as one content)."""
    found = []
    for c in claims:
        score = match_score(c, where, match)
        if score >= MIN_OVERLAP:
            size = sum(e - s for s, e in claim_extent(c))
            found.append((score, -abs(size - where.length), c))
    found.sort(key=lambda t: (t[0], t[1]), reverse=True)
    return [(s, c) for s, _tight, c in found]


def best_claim(claims: list[Claim], where: Located, match: Match = DEFAULT_MATCH) -> Claim | None:
    found = matching_claims(claims, where, match)
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


class QuoteIndex:
    """Gold quotes to claims for one corpus's ledgers (file name → ledger), by one convention;
    every quote it cannot place is counted under ``skipped``, by what it was for."""

    def __init__(self, ledgers: dict[str, Ledger], match: Match = DEFAULT_MATCH) -> None:
        if match not in MATCH_CONVENTIONS:
            raise ValueError(f"unknown match convention {match!r}: one of {', '.join(MATCH_CONVENTIONS)}")
        self.ledgers = ledgers
        self.match = match
        self.skipped: Counter[str] = Counter()

    def where(self, file: str, quote: str, what: str) -> Located | None:
        ledger = self.ledgers.get(file)
        if ledger is None:
            self.skipped[f"{what}: article not collected"] += 1
            return None
        found = locate(ledger.document.text, quote, file)
        if found is None:
            self.skipped[f"{what}: quote not in the text"] += 1
        return found

    def claims(self, file: str) -> list[Claim]:
        return self.ledgers[file].claims

    def best(self, ref: dict[str, str], what: str) -> Claim | None:
        where = self.where(ref["file"], ref["quote"], what)
        return best_claim(self.claims(ref["file"]), where, self.match) if where else None

    def candidates(self, ref: dict[str, str], what: str) -> set[str]:
        where = self.where(ref["file"], ref["quote"], what)
        if where is None:
            return set()
        return {c.id for _s, c in matching_claims(self.claims(ref["file"]), where, self.match)}
