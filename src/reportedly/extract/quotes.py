"""Quotation regions: where direct speech starts and ends in a block of text.

The dependency parser does not know that a quotation spans two sentences, so
quotation marks are paired on the characters first. Curly marks are paired
by direction (and nest); straight marks alternate. An opening mark with no closing one
runs to the end of the paragraph and is flagged ``open_end``: in news style,
a quotation continued in the next paragraph leaves the first one unclosed.
"""

from __future__ import annotations

from dataclasses import dataclass

OPENERS = {"“": "”", "„": "”", "«": "»"}
CLOSERS = {"”", "»"}
STRAIGHT = '"'


@dataclass(slots=True)
class Quote:
    """A quoted region; ``start``/``end`` exclude the marks, ``outer_*`` include them."""

    outer_start: int
    start: int
    end: int
    outer_end: int
    open_end: bool = False

    def words(self, text: str) -> int:
        return len(text[self.start : self.end].split())


def find_quotes(text: str, offset: int = 0) -> list[Quote]:
    """Pair double quotation marks in one paragraph; offsets are shifted by ``offset``.

    Curly marks nest (“… “hell” …”): only the outermost pair becomes a quote, the
    inner one is part of its text. An opener that is never closed was a typo or a
    quotation continued in the next paragraph: the pairs inside it still count, and
    when nothing was paired after it, it runs to the end of the paragraph.
    """
    quotes: list[Quote] = []
    stack: list[tuple[int, str]] = []
    inner: list[Quote] = []  # pairs closed while an outer opener is still open
    lead = len(text) - len(text.lstrip())
    for i, ch in enumerate(text):
        if i == lead and ch == "”" and text.count("”") >= 2:
            ch = "“"  # a paragraph opened with the wrong mark (”Fear. I am …”), a common typo
        if stack:
            top = stack[-1][1]
            if (top == STRAIGHT and ch == STRAIGHT) or (top != STRAIGHT and ch in CLOSERS):
                at = stack.pop()[0]
                q = Quote(offset + at, offset + at + 1, offset + i, offset + i + 1)
                if stack:
                    # ``inner`` is in text order and its pairs do not overlap, so the pairs q
                    # encloses are its tail: popping them keeps this linear in the marks
                    while inner and inner[-1].outer_end > q.outer_start:
                        inner.pop()
                    inner.append(q)
                else:
                    quotes.append(q)
                    inner = []
                continue
            if ch in OPENERS and top in OPENERS:
                stack.append((i, ch))
            continue
        if ch in OPENERS or ch == STRAIGHT:
            stack.append((i, ch))
    if stack:
        quotes.extend(inner)
        at = stack[-1][0]
        end = len(text.rstrip())
        if end - at > 1 and not (inner and inner[-1].outer_start > offset + at):
            quotes.append(Quote(offset + at, offset + at + 1, offset + end, offset + end, True))
    return sorted(quotes, key=lambda q: q.outer_start)
