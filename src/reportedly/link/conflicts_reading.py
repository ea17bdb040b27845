"""A figure's bounds as the numeric judge reads them, and the words that re-read them.

Split from :mod:`.numbers` (the judge) for what reads a figure's own text before it is compared:

* :func:`bounds`: a figure's [low, high], open where the text leaves it open, widened when
  approximate;
* :func:`reread`: the words right around a figure that the quantity extractor did not fold into
  it, read again before the figure is compared: a range written with hyphens ("a 20- to
  30-metre boat" is 20 to 30, not 20), a bound before an article ("more than a 100" is at least
  100), and a number written in words that the extractor split ("one hundred and four" read as
  "one hundred" and "four": neither is the figure, so neither is compared);
* :func:`told_update`: one report telling one of two figures as the earlier and the other as
  the later (an update, not two counts disagreeing).
"""

from __future__ import annotations

import math
import re
from dataclasses import replace
from typing import Protocol, TypeVar

from ..model import Quantity
from .corpus import ClaimItem

#: How far "about" widens a figure: "about 11,000" holds "some 12,000" (a round figure's next
#: neighbour within a tenth), "about 7,000" does not hold "about 6,000".
APPROX = 0.07


def bounds(q: Quantity) -> tuple[float, float]:
    """[low, high] of a quantity, open where the text leaves it open, widened when approximate."""
    low = q.low if q.low is not None else (q.value if q.high is None else None)
    high = q.high if q.high is not None else (q.value if q.low is None else None)
    lo = -math.inf if low is None else float(low)
    hi = math.inf if high is None else float(high)
    if q.approximate:
        lo, hi = lo * (1 - APPROX), hi * (1 + APPROX)
    return lo, hi


_WORDS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
    r"hundred|thousand"
)
#: "one hundred | and four", "two thousand | and twenty": the figure continues past its text.
_CONTINUES = re.compile(rf"^\s+and\s+(?:{_WORDS})\b", re.I)
#: "one hundred and | four": the figure is the tail of a number written in words.
_CONTINUED = re.compile(r"\b(?:hundred|thousand)\s+and\s+$", re.I)
#: "20- to 30-metre", "20 - 30 metres": the figure is a range's floor; its ceiling follows.
_RANGE_CEILING = re.compile(r"^\s*-\s*(?:to\s+)?(\d[\d,]*(?:\.\d+)?)\b")
#: "more than a 100", "over a 100": a floor the extractor read as an exact figure.
_FLOOR_BEFORE = re.compile(r"\b(?:more\s+than|over|upwards\s+of)\s+(?:a|an)\s+$", re.I)


def reread(item: ClaimItem, q: Quantity) -> Quantity | None:
    """The figure as its own words give it: a range's ceiling or a floor the extractor left out
    put back, or None for the part of a number written in words that the extractor split (its
    value is not the figure). The quantity as it is when nothing around it changes its reading."""
    text = item.doc.document.text
    after, before = text[q.end : q.end + 30], text[max(0, q.start - 20) : q.start]
    spelled = not any(ch.isdigit() for ch in q.text)
    if spelled and (_CONTINUES.match(after) or _CONTINUED.search(before)):
        return None
    if q.value is None or q.low != q.high or q.approximate:
        return q  # a bound or an approximation already: its words were read
    if (m := _RANGE_CEILING.match(after)) is not None:
        ceiling = float(m.group(1).replace(",", ""))
        if ceiling > q.value:
            return replace(q, low=q.value, high=ceiling)
    if _FLOOR_BEFORE.search(before):
        return replace(q, low=q.value, high=None)
    return q


class Figure(Protocol):
    """What :func:`told_update` reads of a figure: its claim and its quantity."""

    item: ClaimItem
    quantity: Quantity


#: Words that mark a figure as the earlier or the later of two told of one count.
_EARLIER = re.compile(
    r"\b(?:initial(?:ly)?|earlier|first|previous(?:ly)?|preliminary|provisional(?:ly)?)\b", re.I
)
_LATER = re.compile(r"\b(?:later|updated?|raised|revised|risen|rose|now)\b", re.I)


F = TypeVar("F", bound=Figure)


def told_update(a: F, b: F) -> tuple[F, F] | None:
    """(earlier, later) when one report marks one figure as the earlier ("according to initial
    reports, three") or the other as the later ("later updated the toll to six") and the later
    one is the higher: the report tells a count growing, not two counts disagreeing."""

    def marks(p: F) -> tuple[bool, bool]:
        claim = p.item.claim
        sentence = claim.sentence.text if claim.sentence is not None else ""
        own = f"{claim.cue.text} {claim.content_text}"
        if _EARLIER.search(own) or _LATER.search(own):
            # "gave a preliminary figure of 320, but later said it was being verified": the
            # figure's own words first
            return _EARLIER.search(own) is not None, _LATER.search(own) is not None
        other = (q.item.claim.sentence for q in (a, b) if q is not p)
        if any(s is not None and s.text == sentence for s in other):
            sentence = ""  # "In the first hours, one said 300, while others put it at 500": both early
        text = f"{own} {sentence}"
        return _EARLIER.search(text) is not None, _LATER.search(text) is not None

    for earlier, later in ((a, b), (b, a)):
        (e_early, e_late), (l_early, l_late) = marks(earlier), marks(later)
        told = (e_early and not e_late) or (l_late and not l_early) or (e_early and l_late)
        if told and bounds(later.quantity)[1] >= bounds(earlier.quantity)[0]:
            return earlier, later
    return None
