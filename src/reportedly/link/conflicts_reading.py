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
  the later (an update, not two counts disagreeing);
* :func:`not_the_count`: a figure whose words make it a part of the count the other figure gives:
  the rest of a group ("the remaining four", "four more workers remain missing", "the three other
  workers"), those still missing beside all who went missing, one person's children ("a father
  of two"), or the bodies found so far against a toll told as presumed ("two bodies recovered"
  beside "six presumed dead").
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

#: A figure its own report tells as an early one: "Previous estimates put the toll at 5,000", "in
#: the first hours after the blast, sources put the figure at 500", "had initially reported 27".
_EARLY = re.compile(
    r"\b(?:initial(?:ly)?|previous(?:ly)?|preliminary|provisional(?:ly)?|earlier\s+(?:estimates?|figures?|"
    r"reports?|counts?|tolls?)|had\s+earlier|in\s+the\s+first\s+hours?|at\s+first)\b",
    re.I,
)


def told_early(item: ClaimItem, q: Quantity) -> bool:
    """Whether the words before the figure in its sentence tell it as an early one, since revised
    ("Previous estimates put the number of deaths at more than 5,000"): a count its own report
    says no longer stands is no rival of a lower count told days later. Only before the figure:
    "left 3,958 dead (adjusting the numbers from a previous report …)" tells the 3,958 as the new."""
    text = item.doc.document.text
    start = max(text.rfind(c, 0, q.start) for c in ".;!?\n") + 1
    return _EARLY.search(text[max(start, q.start - 150) : q.start]) is not None


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


_STILL = re.compile(r"\b(?:still|remain(?:s|ed|ing)?)\b", re.I)


def remaining(item: ClaimItem, what: str | None, q: Quantity) -> bool:
    """A count of what remains after the event: people still in hospital, homes still flooded, the
    missing told as what is left ("four remained missing", "the remaining four", "recover four
    missing bodies": six missing, then four once two bodies are recovered). The missing told
    plainly ("5,000 missing" a day after "10,000 missing") are no remainder: they disagree."""
    if what == "missing":
        clause = _clause(item, q)
        return _STILL.search(clause) is not None or rest_of_group(item, q) or _found_bodies(clause)
    return what in ("in_hospital", "not_identified") or snapshot(item, what)


#: Counts that only grow unless told as a state ("remain flooded", "still evacuated"), which
#: falls as the water recedes or people go home.
_STATES = frozenset({"flooded", "evacuated"})


def snapshot(item: ClaimItem, what: str | None) -> bool:
    """A figure told as a state at its time ("1,300 homes remain flooded", "47 settlements are still
    flooded", "23,000 people remain evacuated at shelters", "are staying at shelters"): it falls as
    the water recedes or the evacuees go home, so it is no count that only grows."""
    claim = item.claim
    text = claim.sentence.text if claim.sentence is not None else claim.content_text
    return what in _STATES and (_STILL.search(text) is not None or _STAYING.search(text) is not None)


#: Evacuees told as where they are now: "are staying at shelters", "continuing to shelter".
_STAYING = re.compile(
    r"\b(?:(?:are|were|is|was)\s+(?:now\s+)?staying|continu(?:e|es|ed|ing)\s+to\s+(?:shelter|stay|live)|"
    r"(?:are|were)\s+(?:now\s+)?sheltering)\b",
    re.I,
)


#: How wide a magnitude's range must be to span many shocks ("magnitude 3 to 5"): one shock's
#: magnitude is told as one figure, or two estimates a few tenths apart.
MANY_SHOCKS = 1.0


def magnitudes_of_many(q: Quantity) -> bool:
    """Whether a magnitude is a range of many shocks ("aftershocks … with magnitude 3 to 5"), not
    the one figure of one shock: compared with the main shock's 7.6 it says nothing against it."""
    return q.low is not None and q.high is not None and float(q.high) - float(q.low) >= MANY_SHOCKS


#: "the remaining four", "the other four", "the rest of the four": what is left of a group.
_REST_BEFORE = re.compile(r"\b(?:remaining|other|rest\s+of\s+the)\s+$", re.I)
#: "four more workers", "three other workers", "six remaining", "sixteen further deaths", not
#: "ten more than last year".
_REST_AFTER = re.compile(
    r"^\s+(?:more\b(?!\s+than)|other\b|others\b|remaining\b|further\b|additional\b)", re.I
)
#: A toll that counts the missing as dead: "six people presumed dead", "feared drowned".
_PRESUMED = re.compile(
    r"\b(?:presumed|feared|believed|assumed)\s+(?:to\s+(?:be|have)\s+)?(?:been\s+)?(?:dead|drowned|killed|died)\b",
    re.I,
)
#: "a father of two": the children of one person named, no count of the event.
_FAMILY = re.compile(r"\b(?:father|mother|parent|grandfather|grandmother)\s+of\s+$", re.I)
#: "four workers remained missing", "three are still unaccounted for": what is left of the missing.
_STILL_MISSING = re.compile(
    r"^[^.;]{0,60}?\b(?:remain(?:s|ed|ing)?|still(?:\s+\w+)?)\s+(?:missing|unaccounted)\b", re.I
)
#: "62 bodies were still pending identification", "40 unidentified bodies", "yet to be identified":
#: the dead not yet named, a part of the toll.
_UNNAMED = re.compile(
    r"^[^.;\d]{0,40}?\b(?:unidentified|(?:pending|awaiting|await)\s+identification|"
    r"(?:yet|still)\s+to\s+be\s+identified|not\s+(?:yet\s+)?(?:been\s+)?identified)\b",
    re.I,
)
_BODIES = re.compile(r"\b(?:bod(?:y|ies)|remains)\b", re.I)
_FOUND = re.compile(r"\b(?:recover\w*|found|retriev\w*|pulled|discovered|located)\b", re.I)


def _clause(item: ClaimItem, q: Quantity, reach: int = 80) -> str:
    """The figure's sentence, cut to ``reach`` characters either side of it."""
    text = item.doc.document.text
    start = max(text.rfind(c, 0, q.start) for c in ".;!?\n") + 1
    end = min((i for i in (text.find(c, q.end) for c in ".;!?\n") if i >= 0), default=len(text))
    return text[max(start, q.start - reach) : min(end, q.end + reach)]


def _found_bodies(clause: str) -> bool:
    return _BODIES.search(clause) is not None and _FOUND.search(clause) is not None


def rest_of_group(item: ClaimItem, q: Quantity) -> bool:
    """Whether a figure counts what is left of a group once some were accounted for ("the remaining
    four workers", "four more workers remained missing", "the three other workers"): a part of
    the group, never the count a figure of the whole group gives."""
    text = item.doc.document.text
    return _REST_BEFORE.search(text[max(0, q.start - 20) : q.start]) is not None or (
        _REST_AFTER.match(text[q.end : q.end + 20]) is not None
    )


def unnamed(item: ClaimItem, q: Quantity) -> bool:
    """Whether the figure counts the dead not yet identified ("62 bodies were still pending
    identification"): a part of the toll, never the toll of a place."""
    return _UNNAMED.match(item.doc.document.text[q.end : q.end + 60]) is not None


def not_the_count(item: ClaimItem, q: Quantity, other: ClaimItem, qo: Quantity) -> str | None:
    """Why a figure is a part of the count the other figure gives, not a rival of it (None when its
    words say nothing of the kind): the rest of a group, or the bodies found so far against a toll
    told as presumed, which counts the missing as dead ("two bodies recovered" beside "six
    presumed dead": the found rise until they meet it)."""
    if _FAMILY.search(item.doc.document.text[max(0, q.start - 25) : q.start]) is not None:
        return "counts one person's children (“a father of two”), not the event's"
    if rest_of_group(item, q):
        return "counts the rest of a group (“the remaining four”, “four more”), not the whole"
    lower = bounds(q)[1] < bounds(qo)[0]
    text, other_text = item.doc.document.text, other.doc.document.text
    if (
        lower
        and _STILL_MISSING.match(text[q.end : q.end + 80])
        and not _STILL_MISSING.match(other_text[qo.end : qo.end + 80])
    ):
        return "counts those still missing, beside all who went missing"
    if lower and unnamed(item, q) and not unnamed(other, qo):
        return "counts the dead not yet identified, a part of the toll"
    clause = _clause(item, q)
    found = _found_bodies(clause) or _bodies_of_found(item, q)
    if lower and found and not _BODIES.search(_clause(other, qo)):
        return "counts the bodies found so far, beside a toll that counts the missing as dead"
    return None


#: "the bodies of two construction workers …": the figure counts bodies, however far its verb.
_BODIES_OF = re.compile(r"\b(?:bod(?:y|ies)|remains)\s+of\s+(?:the\s+|all\s+)?$", re.I)


def _bodies_of_found(item: ClaimItem, q: Quantity) -> bool:
    """A figure that counts bodies by "the bodies of N …" in a sentence that tells them found ("The
    bodies of two construction workers killed in the collapse were recovered on Wednesday"): the
    verb may stand beyond the clause's reach, after the long name of what they were."""
    text = item.doc.document.text
    if _BODIES_OF.search(text[max(0, q.start - 20) : q.start]) is None:
        return False
    return _FOUND.search(_clause(item, q, reach=240)) is not None


#: What a figure typed as the dead may be told as in its own clause, and the words of a death.
_OTHER_COUNT = re.compile(r"\b(?:missing|unaccounted)\b", re.I)
_DEATH = re.compile(
    r"\b(?:kill\w*|dead|deaths?|died|dying|toll|lives|bod(?:y|ies)|fatal\w*|perish\w*|drown\w*)\b", re.I
)


def names_other_count(item: ClaimItem, q: Quantity, what: str | None) -> str | None:
    """What a figure typed as the dead is told as when its own clause names another count and no
    death ("the number of people listed as missing … jumped to more than 323", read with a toll
    the claim gave a sentence before): the missing, never a rival toll (the injured are left to the
    rules on wounds). None when the clause says nothing of the kind."""
    if what != "killed":
        return None
    text = item.doc.document.text
    start = max(text.rfind(c, 0, q.start) for c in ".;!?\n") + 1
    before = text[max(start, q.start - 160) : q.start]
    clause = _clause(item, q)
    m = _OTHER_COUNT.search(before)
    if m is None or _DEATH.search(clause):
        return None
    return f"the {m.group(0).lower()}"


_OF_GROUP_AFTER = re.compile(r"^\s+of\s+(?:the|them|those|these|whom)\b", re.I)


#: "three foreign residents were among at least 45 people killed", "two are among the dead".
_AMONG = re.compile(r"^(?:\s+[\w-]+){0,3}?\s+(?:were|are|was|is|being)\s+(?:also\s+)?among\b", re.I)


def among(item: ClaimItem, q: Quantity) -> bool:
    """Whether a figure is told as a part of a larger group ("three foreign residents were among
    at least 45 people killed"): the part, never the group's count, whatever series it was read in."""
    return _AMONG.match(item.doc.document.text[q.end : q.end + 60]) is not None


def subset(item: ClaimItem, q: Quantity) -> bool:
    """Whether a figure counts a part of a group its sentence names after it ("Eight of the deaths
    were at evacuation centers", "three were among the dead"): never a place's whole count,
    whatever place it was read in."""
    return _OF_GROUP_AFTER.match(item.doc.document.text[q.end : q.end + 20]) is not None or among(item, q)


#: The least figure that marks one update when two reports both give it: "2,946 dead" is a
#: statement's signature, "two dead" is not.
UPDATE_MARK = 100


def companions(item: ClaimItem, q: Quantity, what: str | None) -> set[tuple[str | None, float]]:
    """The other counts a figure's claim gives beside it ("2,946 people were confirmed dead and
    5,674 others were injured": for the 5,674, the dead's 2,946), as (what, value)."""
    out: set[tuple[str | None, float]] = set()
    for m in item.measures:
        other = item.claim.quantities[m.position]
        if other is q or not _precise(other) or m.typed.what == what or float(other.value) < UPDATE_MARK:
            continue
        out.add((m.typed.what, float(other.value)))
    return out


def _exact(q: Quantity) -> bool:
    """A figure told exactly: no bound ("at least 59"), no "about"."""
    return q.value is not None and not q.approximate and q.low is not None and q.low == q.high


def _precise(q: Quantity) -> bool:
    """An exact figure, not a round one: "2,946", not "more than 100", "about 600" or "1,000"."""
    return _exact(q) and float(q.value) % 10 != 0  # type: ignore[arg-type]


def same_update(a: ClaimItem, qa: Quantity, b: ClaimItem, qb: Quantity, what: str | None) -> float | None:
    """The companion figure two reports share when they tell one update ("2,946 dead and 5,674
    injured" against "the toll was 2,946 and the injured 6,125"): the same statement, so their
    different figures of this count disagree, whatever day each was told. None if they share none."""
    if not (_exact(qa) and _exact(qb)):
        return None  # a bound or an estimate ("at least 59") is no rival rendering of an exact figure
    shared = companions(a, qa, what) & companions(b, qb, what)
    return max((v for _w, v in shared), default=None)
