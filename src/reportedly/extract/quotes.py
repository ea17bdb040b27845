"""Quotation regions: where direct speech starts and ends in a block of text.

The dependency parser does not know that a quotation spans two sentences, so
quotation marks are paired on the characters first. Curly marks are paired
by direction; straight marks alternate. An opening mark with no closing one
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
    """Pair double quotation marks in one paragraph; offsets are shifted by ``offset``."""
    quotes: list[Quote] = []
    open_at: int | None = None
    open_char = ""
    for i, ch in enumerate(text):
        if open_at is None:
            if ch in OPENERS or ch == STRAIGHT:
                open_at, open_char = i, ch
            continue
        closes = (open_char == STRAIGHT and ch == STRAIGHT) or (open_char != STRAIGHT and ch in CLOSERS)
        if closes:
            quotes.append(Quote(offset + open_at, offset + open_at + 1, offset + i, offset + i + 1))
            open_at = None
        elif ch in OPENERS and open_char in OPENERS:
            # A new opener before a closer: the previous quote was left open (typo or nested
            # style); restart here rather than swallowing the rest of the paragraph.
            open_at = i
    if open_at is not None:
        end = len(text.rstrip())
        if end - open_at > 1:
            quotes.append(Quote(offset + open_at, offset + open_at + 1, offset + end, offset + end, True))
    return quotes
