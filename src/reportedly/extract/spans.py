"""Offsets: from tokens to character spans of the document and back.

Every span the extractor writes is a pair of absolute character offsets into
the document's text; a token ``t`` of a block sits at ``offset + t.idx``.
These helpers are shared by the rule finders, the learned finder, the merge
and the boundary steps, so that all of them cut spans the same way.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from itertools import accumulate

from spacy.tokens import Doc, Span, Token

from .quotes import Quote

_EDGE_PUNCT = {",", ";", ":", "—", "–", "-", ".", "!", "?", "(", ")"}
_ABBREV = re.compile(r"(?:\b[A-Za-z]\.){2,}$|\b(?:Jr|Sr|Inc|Corp|Ltd|Co|St|Mr|Mrs|Ms|Dr)\.$")


def char_span(tokens: list[Token], offset: int, text: str) -> tuple[int, int] | None:
    """Offsets covering tokens, without edge punctuation tokens (abbreviations keep their dot)."""
    toks = sorted((t for t in tokens if not t.is_space), key=lambda t: t.i)
    while toks and toks[0].text in _EDGE_PUNCT:
        toks = toks[1:]
    while toks and toks[-1].text in _EDGE_PUNCT:
        toks = toks[:-1]
    if not toks:
        return None
    start = offset + toks[0].idx
    end = offset + toks[-1].idx + len(toks[-1].text)
    return trim(start, end, text)


def trim(start: int, end: int, text: str, chars: str = " \t\n,;:—–-.") -> tuple[int, int] | None:
    """Strip ``chars`` from both ends; a final dot stays when it ends an abbreviation ("U.S.")."""
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        if text[end - 1] == "." and _ABBREV.search(text[start:end]):
            break
        end -= 1
    return (start, end) if end > start else None


def token_chars(
    doc: Doc | Span, idx: list[int], offset: int, text: str, keep_punct: bool = False
) -> tuple[int, int] | None:
    """Character span of token indices; content keeps punctuation inside quotation marks (PolNeAR)."""
    if not idx:
        return None
    toks = [doc[i] for i in sorted(idx)]
    if keep_punct:
        start = offset + toks[0].idx
        end = offset + toks[-1].idx + len(toks[-1].text)
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return (start, end) if end > start else None
    return char_span(toks, offset, text)


def runs(tokens: list[Token]) -> list[list[Token]]:
    """Split a token set into runs of consecutive tokens (for discontinuous content)."""
    out: list[list[Token]] = []
    for t in sorted({t.i: t for t in tokens}.values(), key=lambda t: t.i):
        if out and t.i == out[-1][-1].i + 1:
            out[-1].append(t)
        else:
            out.append([t])
    return [r for r in out if not all(t.is_punct or t.is_space for t in r)]


def content_spans(
    doc: Doc | Span, content: list[list[int]], offset: int, text: str, exclude: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Character spans of tagged content runs (token indices), without any token in ``exclude``."""
    spans = []
    for run in content:
        keep = [i for i in run if not any(a <= offset + doc[i].idx < b for a, b in exclude)]
        for part in runs([doc[i] for i in keep]):
            span = token_chars(doc, [t.i for t in part], offset, text, keep_punct=True)
            if span is not None:
                spans.append(span)
    return spans


def contiguous(toks: list[Token]) -> bool:
    """Whether the tokens follow each other with no gap."""
    ids = sorted(t.i for t in toks)
    return ids == list(range(ids[0], ids[-1] + 1))


def root_of(doc: Doc | Span, idx: list[int]) -> Token:
    """The token of ``idx`` whose head lies outside them (the head of a tagged cue or source)."""
    inside = set(idx)
    for i in idx:
        if doc[i].head.i not in inside or doc[i].head.i == i:
            return doc[i]
    return doc[idx[0]]  # not reached on a parse: some token of a set always heads it


def starting_in(doc: Doc | Span, start: int, end: int) -> list[Token]:
    """Tokens of ``doc`` that start in characters [start, end), found without walking the doc."""
    start, end = max(0, start), min(end, _text_length(doc))
    if start >= end:
        return []
    span = doc.char_span(start, end, alignment_mode="expand")
    return [t for t in span if t.idx >= start] if span is not None else []


def _text_length(doc: Doc | Span) -> int:
    """``len(doc.text)`` without building the text: ``Doc.text`` joins every token, and this
    runs for each cue of a block (thousands of times in a paragraph of quotation fragments)."""
    if isinstance(doc, Doc):
        return doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    return len(doc.text)


def token_count(doc: Doc | Span, span: tuple[int, int], offset: int) -> int:
    """How many tokens of ``doc`` start inside the document span ``span``."""
    return len(starting_in(doc, span[0] - offset, span[1] - offset))


def overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def shared(xs: list[tuple[int, int]], ys: list[tuple[int, int]]) -> int:
    """Characters covered by both span lists."""
    return sum(max(0, min(b, d) - max(a, c)) for a, b in xs for c, d in ys)


def in_quote(pos: int, quotes: list[Quote]) -> Quote | None:
    """The quotation whose text holds document offset ``pos``, if any."""
    for q in quotes:
        if q.start <= pos < q.end:
            return q
    return None


#: How a newsroom came by a document it reports: "seen by", "obtained by", "reviewed by".
_SEEN = frozenset({"see", "obtain", "review", "view", "read"})


def mention_span(subject: Token) -> Span:
    """The source noun phrase for resolution: the subject without relative clauses and appositions."""
    doc = subject.doc
    drop: set[int] = set()
    for child in subject.children:
        after_comma = child.i > subject.i and any(t.text == "," for t in doc[subject.i : child.left_edge.i])
        if child.dep_ in {"relcl", "acl"} and (
            after_comma
            or any(t.lower_ in {"who", "which", "that"} for t in child.subtree)
            # "a report seen by Reuters", "an assessment obtained by CNN": who saw the document
            # is the outlet reporting it, not part of its name ("figures provided by the police"
            # name who made them, and stay)
            or (child.lemma_ in _SEEN and any(t.dep_ == "agent" for t in child.children))
        ):
            drop.update(t.i for t in child.subtree)
        elif child.dep_ == "appos" and child.i > subject.i and child.ent_type_ == "PERSON":
            continue  # "the company’s chief executive, Hana Sato": the name is the source
        elif (
            child.dep_ == "relcl"
            or (child.dep_ == "appos" and child.i > subject.i)
            or child.dep_ == "prep"
            and child.lower_ in {"with", "on", "in", "at", "from", "to"}
            and child.i > subject.i
        ):
            drop.update(t.i for t in child.subtree)
    toks = [t.i for t in subject.subtree if t.i not in drop]
    start, end = min(toks), max(toks) + 1
    # stop at the first dropped token (keeps the span contiguous)
    for i in range(subject.i, end):
        if i in drop:
            end = i
            break
    for i in range(subject.i, start - 1, -1):
        if i in drop:
            start = i + 1
            break
    span = doc[start:end]
    while len(span) > 1 and (span[-1].is_punct or span[-1].dep_ == "cc"):
        span = doc[span.start : span.end - 1]
    while len(span) > 1 and span[0].is_punct:
        span = doc[span.start + 1 : span.end]
    return span


def first_from(span: Span, at: int) -> int:
    """The doc index of ``span``'s first token that starts at or after character ``at`` (doc-relative),
    ``span.end`` if none: by binary search, since looking for "the token after X" by reading the
    sentence from its start made a sentence of n numbers or dates cost n x its length, and a
    quote-dense paragraph's parser block is one sentence of thousands of tokens (issue 18)."""
    doc = span.doc
    lo, hi = span.start, span.end
    while lo < hi:
        mid = (lo + hi) // 2
        if doc[mid].idx >= at:
            hi = mid
        else:
            lo = mid + 1
    return lo


def enclosing(ranges: Sequence[tuple[int, int]]) -> Callable[[int, int], list[int]]:
    """A lookup of which ``ranges`` (character ``(start, end)`` pairs) hold ``[start, end)``: their
    positions, in the order given (:meth:`Ranges.holding`)."""
    return Ranges(ranges).holding


class Ranges:
    """Character ranges (``(start, end)`` pairs) searched by position rather than one by one.

    A quote-dense block has hundreds of quotations and claims, and testing each against every
    other made its work grow with the square of its length (issue 18). Every answer is the
    ranges' positions in the order given, ascending, so a caller keeps the order a scan gave.
    Ranges are sorted by their starts with the furthest end reached so far, and by their ends.
    """

    def __init__(self, ranges: Sequence[tuple[int, int]]) -> None:
        self.ranges = list(ranges)
        order = sorted(range(len(self.ranges)), key=lambda n: self.ranges[n])
        self._order = order
        self._starts = [self.ranges[n][0] for n in order]
        self._reach = list(accumulate((self.ranges[n][1] for n in order), max))
        by_end = sorted(range(len(self.ranges)), key=lambda n: self.ranges[n][1])
        self._by_end = by_end
        self._ends = [self.ranges[n][1] for n in by_end]
        # a range ending before it starts could lie inside a span it starts after: always tested
        self._reversed = [n for n, (a, b) in enumerate(self.ranges) if b < a]

    def holding(self, start: int, end: int) -> list[int]:
        """Ranges ``(a, b)`` with ``a <= start`` and ``end <= b``."""
        found = []
        k = bisect_right(self._starts, start) - 1
        while k >= 0 and self._reach[k] >= end:  # no range starting earlier reaches ``end``: stop
            if self.ranges[self._order[k]][1] >= end:
                found.append(self._order[k])
            k -= 1
        return sorted(found)

    def overlapping(self, start: int, end: int) -> list[int]:
        """Ranges ``(a, b)`` with ``a <= end`` and ``b >= start`` (touching counts)."""
        found = []
        k = bisect_right(self._starts, end) - 1
        while k >= 0 and self._reach[k] >= start:
            if self.ranges[self._order[k]][1] >= start:
                found.append(self._order[k])
            k -= 1
        return sorted(found)

    def inside(self, spans: Iterable[tuple[int, int]], slack: int = 0) -> list[int]:
        """Ranges ``(a, b)`` lying inside one of ``spans`` ``(s, e)``: ``s <= a`` and ``b <= e + slack``."""
        found = set()
        for s, e in spans:
            k = bisect_left(self._starts, s)
            while k < len(self._starts) and self._starts[k] <= e + slack:
                if self.ranges[self._order[k]][1] <= e + slack:
                    found.add(self._order[k])
                k += 1
            odd = self._reversed
            found.update(n for n in odd if s <= self.ranges[n][0] and self.ranges[n][1] <= e + slack)
        return sorted(found)

    def starting_in(self, lo: int, hi: int) -> list[int]:
        """Ranges whose start lies in ``[lo, hi]``."""
        k = bisect_left(self._starts, lo)
        return sorted(self._order[k : bisect_right(self._starts, hi)])

    def ending_in(self, lo: int, hi: int) -> list[int]:
        """Ranges whose end lies in ``[lo, hi]``."""
        k = bisect_left(self._ends, lo)
        return sorted(self._by_end[k : bisect_right(self._ends, hi)])


class Subtrees:
    """Every token's subtree in a parsed doc as an interval of one walk, computed once per doc.

    The walk visits each tree as spaCy's ``Token.subtree`` does (left children's subtrees, the
    token, right children's subtrees), so ``token.subtree`` is ``walk[lo[i] : hi[i]]``, in that
    order. On a quote-dense paragraph the parser chains a block's fragments into one tree, and
    listing each reporting verb's clause subtree cost the block's length per verb (issue 18);
    with the walk a caller asks which of a few tokens fall in a subtree instead.

    ``valid`` is false when spaCy's own subtree edges disagree with the heads (a parse spaCy
    could not make consistent): callers then read ``token.subtree`` as before.
    """

    def __init__(self, doc: Doc) -> None:
        n = len(doc)
        heads = [t.head.i for t in doc]
        kids: list[list[int]] = [[] for _ in range(n)]
        for i, h in enumerate(heads):
            if h != i:
                kids[h].append(i)
        self.walk: list[int] = []
        self.lo = [0] * n
        self.hi = [0] * n
        self.low = list(range(n))  # the smallest token index in each subtree
        self.high = list(range(n))  # the largest
        visited: list[int] = []  # heads before their children
        stack: list[tuple[int, bool]] = [(i, False) for i in reversed(range(n)) if heads[i] == i]
        while stack:
            i, emit = stack.pop()
            if emit:
                self.walk.append(i)
                continue
            visited.append(i)
            self.lo[i] = len(self.walk)
            stack.extend((k, False) for k in reversed(kids[i]) if k > i)
            stack.append((i, True))
            stack.extend((k, False) for k in reversed(kids[i]) if k < i)
        self.valid = len(self.walk) == n
        if not self.valid:
            return
        self.pos = [0] * n
        for p, i in enumerate(self.walk):
            self.pos[i] = p
        size = [1] * n
        for i in reversed(visited):  # children before their heads
            h = heads[i]
            if h != i:
                size[h] += size[i]
                self.low[h] = min(self.low[h], self.low[i])
                self.high[h] = max(self.high[h], self.high[i])
        for i in range(n):
            self.hi[i] = self.lo[i] + size[i]
        self.valid = all(t.left_edge.i == self.low[t.i] and t.right_edge.i == self.high[t.i] for t in doc)


class EntityBounds:
    """A doc's named entities as token bounds, read once: ``Span.ents`` builds every entity of
    the doc (a ``Span`` each) on each read, and a block's runs of proper nouns each asked."""

    def __init__(self, doc: Doc) -> None:
        self.bounds = [(e.start, e.end) for e in doc.ents]
        self.starts = [a for a, _ in self.bounds]

    def inside(self, start: int, end: int) -> bool:
        """Whether ``doc[start:end].ents`` is not empty. spaCy reads the entities in order from
        the first starting at or after ``start`` and stops at the first one ending after ``end``;
        entities do not overlap, so that first one decides."""
        k = bisect_left(self.starts, start)
        return k < len(self.bounds) and self.bounds[k][1] <= end
