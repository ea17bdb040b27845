"""How news language relates two figures of one count: rises told, increments, one disagreement.

Split from :mod:`.numbers` (which decides, pair by pair, whether two figures of one series
contradict) for the parts that read the words around a figure rather than its measure:

* a report that tells the count rising ("risen to 59, up from 55", "from 2,620 to 3,614") says
  which of the two figures came first: another report of the lower one is the earlier state,
  not a rival count;
* a figure that adds to another ("another 22 flights", "a further 300", "12 bodies were found
  today, bringing the toll to 67") counts what was added, not the total: it is compared with
  nothing of its own report, and a figure told as the step to a total with nothing else;
* one disagreement is one row (:func:`one_row_per_disagreement`): the same figure relayed by
  several outlets, or set against several figures that agree with one another ("11,300 in
  Derna" against 3,252, 3,283 and "nearly 4,000" in Libya), is one row, with the other reports
  of each side in ``a_also`` / ``b_also``.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..model import Conflict, ConflictKind, Quantity
from .corpus import ClaimItem, vague
from .partition import Partition

_NUMBER = r"(?:about |around |some |nearly |almost )?(\d[\d,]*(?:\.\d+)?)"
#: "up from 55", "risen from 2,620", "from 96 to 99", "revised the toll to 275 from 288": the
#: report says which figure came first.
_RISE_FROM = re.compile(
    rf"\b(?:up|down|rose|risen|rising|raised|climbed|jumped|increased|grew|went)\s+from\s+{_NUMBER}"
    rf"|\bfrom\s+{_NUMBER}\s+(?:\w+\s+){{0,3}}?to\s+(?:about |around |some |nearly |almost )?\d"
    rf"|\bto\s+(?:about |around |some |nearly |almost )?\d[\d,]*(?:\.\d+)?\s+from\s+{_NUMBER}",
    re.I,
)
#: A figure counting an addition: "another 22 flights", "a further 10,100", "an additional 300".
_ADDED = re.compile(r"\b(?:another|a\s+further|an\s+additional|additional)\s+$", re.I)
#: "…, bringing the death toll to 67": the figure before it is the step, not the total.
_STEP_TO = re.compile(
    r"^[^.;]{0,120}?\b(?:bringing|moving|taking|pushing|raising|lifting)\s+(?:the\s+|its\s+)?"
    r"(?:[\w-]+\s+){0,3}(?:toll|total|number|count|tally|figure)\b[^.;]{0,40}?\bto\b",
    re.I,
)
#: Figures within this share of each other stand on one side of a disagreement: "3,252",
#: "3,283" and "nearly 4,000" against "11,300" are one low count against one high one.
CLOSE = 0.25


#: How far a round figure may be from a precise one and still be its rounding: "10,000 missing"
#: beside "10,100 missing" is one count, not two (the clusters' tolerance for one figure).
ROUNDING = 0.03


def rounded(qa: Quantity, qb: Quantity) -> bool:
    """Whether one figure is the other rounded: a round number ("10,000", "5,500": two significant
    digits at most) within :data:`ROUNDING` of a precise one. Outlets round what they relay."""
    va, vb = qa.value, qb.value
    if va is None or vb is None or va == vb or min(va, vb) <= 0:
        return False
    round_one = any(v >= 100 and v == int(v) and len(str(int(v)).rstrip("0")) <= 2 for v in (va, vb))
    return round_one and abs(va - vb) <= ROUNDING * max(va, vb)


#: How near two exact figures of one day must be to be one count rendered twice ("2,060" and
#: "2,053" the same Sunday; "314" and "324" injured from one ministry statement): a tally moving
#: through a day moves by more than two copies of one figure differ.
RENDERING = 0.05


def renderings(qa: Quantity, qb: Quantity) -> bool:
    """Whether two figures told for one day are renderings of one count that disagree: both exact
    (no bound, no approximation, two precise figures of three digits or more, neither the other
    rounded) and within :data:`RENDERING` of each other. Both cannot be the count: a reader has to
    choose, whoever relayed them; a figure that moved would have moved further or been told so."""
    va, vb = qa.value, qb.value
    if va is None or vb is None or va == vb or min(va, vb) < 100:
        return False
    if qa.approximate or qb.approximate or rounded(qa, qb):
        return False
    for q in (qa, qb):
        low = q.low if q.low is not None else (q.value if q.high is None else None)
        high = q.high if q.high is not None else (q.value if q.low is None else None)
        if low != q.value or high != q.value:
            return False  # "at least 2,440", "up to 300": a bound, which a moving count may meet
    return abs(va - vb) <= RENDERING * max(va, vb)


def _value(text: str) -> float | None:
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


def risen_from(item: ClaimItem) -> set[float]:
    """The figures a claim tells its count rising from ("up from 55 Thursday night" -> {55})."""
    claim = item.claim
    text = " ".join(x for x in (claim.content_text, claim.sentence.text if claim.sentence else "") if x)
    out: set[float] = set()
    for m in _RISE_FROM.finditer(text):
        raw = next((g for g in m.groups() if g), None)
        if raw and (v := _value(raw)) is not None:
            out.add(v)
    return out


def told_rising(a: ClaimItem, qa: Quantity, b: ClaimItem, qb: Quantity) -> bool:
    """Whether one of the two claims tells the count rising from the other's figure."""
    va, vb = qa.value, qb.value
    return (vb is not None and vb in risen_from(a) and vb != va) or (
        va is not None and va in risen_from(b) and va != vb
    )


@lru_cache(maxsize=256)
def _moved_from_in(text: str) -> frozenset[float]:
    values = (_value(next((g for g in m.groups() if g), "")) for m in _RISE_FROM.finditer(text))
    return frozenset(v for v in values if v is not None)


def told_moving_in_report(a: ClaimItem, qa: Quantity, b: ClaimItem, qb: Quantity) -> bool:
    """Whether either report tells the count moving from the other's figure, in any of its
    sentences ("revised the death toll to 275 from 288", then "the final toll has been fixed at
    275" against another outlet's 288): the move its report tells, not two counts disagreeing."""
    va, vb = qa.value, qb.value
    if va is None or vb is None or va == vb:
        return False
    return float(vb) in _moved_from_in(a.doc.document.text) or float(va) in _moved_from_in(
        b.doc.document.text
    )


def moved_from(item: ClaimItem, q: Quantity) -> bool:
    """Whether the figure is the one its own claim tells the count moving from ("revised the toll
    to 275 from 288": the 288): the count as it was, which the claim says no longer holds."""
    return (
        q.value is not None
        and any(o is not q and o.value is not None and o.value != q.value for o in item.claim.quantities)
        and float(q.value) in risen_from(item)
    )


def added(item: ClaimItem, q: Quantity) -> bool:
    """Whether a figure counts an addition ("another 22 evacuation flights", "a further 300")."""
    text = item.doc.document.text
    if _ADDED.search(text[max(0, q.start - 20) : q.start]) is not None:
        return True
    return _ADDED.match(q.text.rsplit(" ", 1)[0] + " ") is not None and " " in q.text


def step_to_total(item: ClaimItem, q: Quantity) -> bool:
    """Whether a figure is the step a claim adds to reach a total it also gives ("12 bodies were
    found today, moving the official death toll to 67"): it counts the day's finds, not the toll."""
    if not any(o is not q and o.start > q.end for o in item.claim.quantities):
        return False
    text = item.doc.document.text
    return _STEP_TO.search(text[q.end : q.end + 200]) is not None


#: A figure after the whole it is a part of: "out of the 275, 88 bodies …", "of the 1,100 injured,
#: fewer than 200 are still in hospital"; the part counts a subset (those identified, those still
#: treated), whatever series its clause's words typed it in.
_PART_AFTER = re.compile(
    r"\b(?:out\s+of\s+(?:the\s+)?|of\s+(?:the|these|those|all|its|their)\s+)"
    r"(?:about |around |some |nearly |almost )?"
    r"\d[\d,]*(?:\s+[\w-]+){0,3}\s*,\s*(?:[\w-]+\s+){0,3}$",
    re.I,
)
#: The whole of such a breakdown, told in the frame of it ("out of the 275, …"): its clause's
#: words are the part's, so the series it was typed in is the part's, not its own.
_WHOLE_FRAME = re.compile(r"\b(?:out\s+of\s+(?:the\s+)?|of\s+(?:the|these|those|all|its|their)\s+)$", re.I)
_FRAME_END = re.compile(r"^(?:\s+[\w-]+){0,3}\s*,\s*(?:[\w-]+\s+){0,3}\d", re.I)
#: A part of a whole the report gave before, named by a noun: "Of the total, eight died of
#: indirect causes", "of the dead, 12 were children".
_OF_THE_TOTAL = re.compile(
    r"\bof\s+(?:the|those|these)\s+(?:total|toll|dead|deaths|victims|injured|missing)\s*,\s*(?:[\w-]+\s+){0,3}$",
    re.I,
)
#: A part named after its whole: "162 bodies in two phases, of which 133 were handed over".
_OF_WHICH = re.compile(r"\bof\s+(?:which|whom|them|those)\s+(?:[\w-]+\s+){0,2}$", re.I)


def broken_down(item: ClaimItem, q: Quantity) -> bool:
    """Whether a figure is one term of a breakdown its sentence gives ("out of the 275, 88 bodies
    have been identified", "of the 1,100 injured, fewer than 200 are still treated", "162
    bodies, of which 133 were handed over"): the part counts a subset, and the whole told in the
    breakdown's frame took the part's words; neither is the count the words around it say. The
    judge keeps a part typed by its own state ("of whom 1,220 were in a serious condition"): the
    gravely hurt are always a part of the injured, and that part is the count."""
    text = item.doc.document.text
    before = text[max(0, q.start - 80) : q.start]
    if _PART_AFTER.search(before) or _OF_WHICH.search(before) or _OF_THE_TOTAL.search(before):
        return True
    return _WHOLE_FRAME.search(text[max(0, q.start - 30) : q.start]) is not None and bool(
        _FRAME_END.match(text[q.end : q.end + 60])
    )


#: Words that tell one claim's two figures of one count apart in time: "lowered the count to
#: about 850", "adjusting the numbers from a previous report", "instead of 11,300".
_CHANGE = re.compile(
    r"\b(?:lower\w*|rais\w*|revis\w*|adjust\w*|updat\w*|correct\w*|instead|previous\w*|earlier|"
    r"initial\w*|first|later|now|rose|risen|rising|fell|fallen|dropp\w*|climb\w*|increas\w*|"
    r"decreas\w*|up|down|from)\b",
    re.I,
)


def second_of_one_count(item: ClaimItem, position: int, series: list[tuple[int, str]]) -> bool:
    """Whether a figure repeats a count its claim already gave with another number, the claim
    telling no change between them: "reached 471 martyrs, and 28 critical cases remain, in
    addition to 314 people with various injuries" cannot give the toll as both 471 and 314, and
    the later number counts something else (the injured) whatever series it was typed in. A smaller
    figure before a larger one of its series is a part too: "three bodies were recovered on
    Monday from the sinking that killed at least 78" gives the day's finds, then the toll.
    ``series`` holds (position, series key) of the claim's typed figures."""
    quantities = item.claim.quantities
    mine = next((key for pos, key in series if pos == position), None)
    q = quantities[position]
    for pos, key in series:
        other = quantities[pos]
        if key != mine or other.value == q.value or other.value is None or q.value is None:
            continue
        if other.start >= q.start and other.value < q.value:
            continue  # a larger figure first, then a smaller one: the first is the count
        first, last = (other, q) if other.start < q.start else (q, other)
        between = item.doc.document.text[first.start : last.end]
        if _CHANGE.search(item.claim.cue.text) is None and _CHANGE.search(between) is None:
            return True
    return False


def compared(item: ClaimItem, position: int, series: list[tuple[int, str]]) -> bool:
    """Whether a claim's figure is compared with others at all: not an order of magnitude
    ("thousands" states no figure), not the step to a total the claim gives ("12 bodies were
    found today, bringing the toll to 67"), not a second number for a count the claim already
    gave (:func:`second_of_one_count`)."""
    q = item.claim.quantities[position]
    return not vague(q) and not step_to_total(item, q) and not second_of_one_count(item, position, series)


@dataclass(slots=True)
class Side:
    """One side of a reported numeric row: the claim and its figure's bounds."""

    item: ClaimItem
    value: float
    #: what is counted, its place left out: the two sides of a part and its whole count one thing
    counted: str


def side(item: ClaimItem, q: Quantity, counted: str) -> Side:
    """A row's side for a figure: its value, or for a range its floor ("100 to 300" -> 100)."""
    low = q.low if q.low is not None else q.value
    value = q.value if q.value is not None else (low if low is not None else q.high)
    return Side(item, float(value if value is not None else math.nan), counted)


#: Share of a story's placed figures (for one thing counted) that one place must hold to be
#: the site of the count (as :data:`.numbers.DOMINANT` for a country).
SITE_SHARE = 0.75


def one_site(
    placed: Sequence[tuple[str | None, str | None, str | None]],
    country_of: Callable[[str], tuple[str, str] | None] | None,
) -> tuple[str, str | None] | None:
    """The one place a story counts something in, where a figure with no place is that place's.

    "Between 100 and 300 killed in the blast at the hospital in Gaza" beside "471 killed": a
    story that counts a toll at one site, naming no other place in that country (a toll
    abroad, of another event, aside), gives its unplaced figures that site, not the site's
    country: read as the country's, they would be wholes the site's figures are parts of, and
    a part smaller than its whole is never compared. ``placed`` holds (place, name, qualifier)
    of each placed figure; a side's area or qualified place makes no site."""
    if country_of is None or not placed or any(q is not None for _p, _n, q in placed):
        return None
    at = Counter((p, n) for p, n, _q in placed if p is not None)
    if not at:
        return None
    (top, n), *_ = at.most_common(1)
    home = country_of(top[0])
    if home is None or n < SITE_SHARE * len(placed):
        return None
    if any(other != top[0] and country_of(other) == home for other, _name in at):
        return None  # "in Derna" and "in Bayda": parts of one country, the country is the whole
    return top


def _close(x: Side, y: Side) -> bool:
    lo, hi = sorted((x.value, y.value))
    return lo > 0 and (hi - lo) / hi <= CLOSE


def one_row_per_disagreement(rows: Sequence[tuple[Conflict, Side, Side]]) -> list[Conflict]:
    """Reported numeric rows of one story and thing counted, merged into one row per disagreement.

    Two rows are one disagreement when one side of each gives the same figure and their other
    sides give figures within :data:`CLOSE` of each other, on the same side of it (both higher
    or both lower): "11,300 dead in Derna" against the eastern government's 3,252 on Saturday,
    the minister's 3,283 on Monday and the WHO's "nearly 4,000" is one disagreement between a
    high count and a low one, not three; the same two figures relayed by four outlets are one.
    The row kept is the first reported; the other rows' claims go to ``a_also`` / ``b_also``."""
    part = Partition(len(rows))

    def same(x: Side, y: Side) -> bool:
        return x.value == y.value

    for i, (ci, ai, bi) in enumerate(rows):
        for j in range(i):
            cj, aj, bj = rows[j]
            if ci.story_id != cj.story_id or ci.kind is not ConflictKind.NUMERIC or cj.kind is not ci.kind:
                continue
            if {ai.counted, bi.counted} != {aj.counted, bj.counted}:
                continue
            for (x1, y1), (x2, y2) in (((ai, bi), (aj, bj)), ((ai, bi), (bj, aj))):
                if (same(x1, x2) and _close(y1, y2) and (y1.value > x1.value) == (y2.value > x2.value)) or (
                    same(y1, y2) and _close(x1, x2) and (x1.value > y1.value) == (x2.value > y2.value)
                ):
                    part.union(i, j)
                    break
    out: list[Conflict] = []
    for members in part.groups():
        head, a0, b0 = rows[members[0]]
        a_ids, b_ids = {head.a.id}, {head.b.id}
        for k in members[1:]:
            _c, a, b = rows[k]
            # orient each merged row's sides as the head's: the side nearer the head's a figure
            if abs(a.value - a0.value) > abs(b.value - a0.value):
                a, b = b, a
            for side, ids, also in ((a, a_ids, head.a_also), (b, b_ids, head.b_also)):
                if side.item.id not in ids:
                    ids.add(side.item.id)
                    also.append(side.item.ref())
        if len(members) > 1:
            head.why = f"{head.why} (one disagreement: {len(members)} pairs of reports)"
        out.append(head)
    return out


#: "At least three others have been identified", "Twenty-two others were …": a figure told as
#: others beside a group named before counts what is added to it, not the total.
_OTHERS = re.compile(r"^\s+others\s+(?:have|has|had|were|was|are|is|will)\b", re.I)


def others(item: ClaimItem, q: Quantity) -> bool:
    """Whether a figure is the subject "N others" of its clause: an addition to a group its report
    gave before ("the identities of two people" … "at least three others have been identified")."""
    text = item.doc.document.text
    return _OTHERS.match(text[q.end : q.end + 40]) is not None


def summed(item: ClaimItem, q: Quantity, whole: Quantity) -> bool:
    """Whether a figure is one term of a sum its claim gives that makes the other figure: "the toll
    reached 105 in one district and 52 in another" beside "157": the parts of a total, each
    counting one place (or group) the words around them may not name in the gazetteer."""
    if q.value is None or whole.value is None or q.value >= whole.value:
        return False
    terms = [x.value for x in item.claim.quantities if x.value is not None and not vague(x)]
    if len(terms) < 2 or q.value not in terms:
        return False
    others_ = [t for t in terms if t != q.value]
    # the figure and any run of its claim's other figures: "105 … and 52" (two terms, or three)
    for k in range(1, min(3, len(others_)) + 1):
        for start in range(len(others_) - k + 1):
            if abs(q.value + sum(others_[start : start + k]) - whole.value) < 0.5:
                return True
    return False


#: What is done with the bodies of the dead: "hospitals have received 170 of the dead", "78 bodies
#: have been handed over", "kept in six hospitals". Such a figure counts the bodies at one place
#: or one stage of their handling, not the toll, whatever series its noun typed it in.
_HANDLED = re.compile(
    r"\b(?:receiv\w*|hand(?:ed|ing)?\s+over|brought|shifted|transferr\w*|transport\w*|kept|stored|"
    r"preserved|sent|moved)\b",
    re.I,
)
_BODIES = re.compile(r"\b(?:bod(?:y|ies)|dead|remains|corpses?)\b", re.I)


def handled_bodies(item: ClaimItem, q: Quantity) -> bool:
    """Whether a figure counts bodies received, handed over or moved (a hospital's or a stage's
    count) rather than the dead: the verb of handling and the bodies in the figure's clause."""
    text = item.doc.document.text
    start = max(text.rfind(c, 0, q.start) for c in ".;!?\n") + 1
    end = min((i for i in (text.find(c, q.end) for c in ".;!?\n") if i >= 0), default=len(text))
    clause = text[max(start, q.start - 60) : min(end, q.end + 60)]
    return _HANDLED.search(clause) is not None and _BODIES.search(clause) is not None


#: Which shock a magnitude belongs to: an aftershock, a second (another, new) one, or the main one.
_SHOCK = re.compile(
    r"\b(?P<after>aftershocks?)\b|\b(?P<second>second|another|new|fresh|subsequent)\s+"
    r"(?:\S+\s+){0,3}?(?:quakes?|earthquakes?|tremors?|temblors?|tremblors?|shocks?|eruptions?)\b",
    re.I,
)


def shock(item: ClaimItem, q: Quantity) -> str:
    """The shock a magnitude is of: "after" (an aftershock), "second" (another quake), or "main"
    (no such word in the figure's clause): two magnitudes of different shocks are two events, not
    one disputed. The clause only: "the magnitude 6.3 earthquake, followed by strong aftershocks"
    gives the main shock's."""
    text = item.doc.document.text
    before = re.split(r"[,;.!?\n]", text[max(0, q.start - 40) : q.start])[-1]
    after = re.split(r"[,;.!?\n]", text[q.end : q.end + 25])[0]
    m = _SHOCK.search(f"{before}{q.text}{after}")
    if m is None:
        return "main"
    return "after" if m.group("after") else "second"


#: A witness's own sighting: "Suddenly I saw 10-15 people dead", "we counted 30 bodies".
_SIGHTING = re.compile(
    r"\b(?:I|we)\s+(?:\w+\s+)?(?:saw|see|seen|counted|watched|noticed)\s+(?:[\w-]+\s+){0,3}$"
    # "the first ship I was on was 42 people": what the speaker lived through, not this event
    r"|\b(?:I|we)\s+(?:was|were)\s+(?:on|in|aboard)\b[^.;]{0,30}$",
    re.I,
)


def sighted(item: ClaimItem, q: Quantity) -> bool:
    """Whether a figure is what a witness saw ("I saw 10-15 people dead") or lived ("the first ship
    I was on was 42 people"): what one person saw at one place, no count of the whole to hold
    another against."""
    text = item.doc.document.text
    return _SIGHTING.search(text[max(0, q.start - 40) : q.start]) is not None


#: An event of the report's own day named on the figure: "in this morning's powerful earthquake".
_TODAYS_EVENT = re.compile(r"\b(?:this\s+(?:morning|afternoon|evening)|today|tonight)['’]s\b", re.I)


def todays_event(item: ClaimItem, q: Quantity) -> bool:
    """Whether a figure counts an event of its report's own day ("two people were dead in this
    morning's earthquake"): a figure reported days before cannot have counted it."""
    text = item.doc.document.text
    end = min((i for i in (text.find(c, q.end) for c in ".;!?\n") if i >= 0), default=len(text))
    start = max(text.rfind(c, 0, q.start) for c in ".;!?\n") + 1
    return _TODAYS_EVENT.search(text[start:end]) is not None


#: The dead and the wounded counted together: "four thousand people have been killed and wounded";
#: so the dead and the missing: "counted about 120 dead or missing at sea".
_JOINT = re.compile(
    r"^[^.;]{0,60}?\b(?:killed|dead|died)\s+(?:and|or)\s+(?:wounded|injured|hurt|missing)\b"
    r"|^[^.;]{0,30}?\b(?:dead|killed)\s+(?:or|and)\s+(?:wounded|injured|missing)\b"
    r"|^[^.;]{0,30}?\bmissing\s+(?:or|and)\s+(?:presumed\s+)?dead\b",
    re.I,
)


def killed_and_wounded(item: ClaimItem, q: Quantity) -> bool:
    """Whether one figure counts the killed and the wounded (or the missing) together ("4,000 people
    have been killed and wounded", "120 dead or missing"): no toll of the dead, whatever series its
    first participle typed it in."""
    return _JOINT.match(item.doc.document.text[q.end : q.end + 80]) is not None


_NUMBER_WORD = r"(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+dozen|dozens)"
#: "Eight people were killed at the bar and seven at the bowling alley", "12 died in the town and
#: four in the port": the figure is one place's term of a breakdown its clause goes on to give.
_BY_SITE = re.compile(
    rf"^[^.;:\d]{{0,60}}?\b(?:at|in|on|inside)\s+[^.;:\d]{{1,40}}?\s+and\s+(?:another\s+)?{_NUMBER_WORD}"
    r"\s+(?:(?:more|others?|people)\s+)?(?:at|in|on|inside)\b",
    re.I,
)


def by_site(item: ClaimItem, q: Quantity) -> bool:
    """Whether the figure is the first term of a breakdown by place in its own clause ("eight were
    killed at the bar and seven at the bowling alley"): one site's count, never the toll that a
    figure of the whole event gives."""
    return _BY_SITE.match(item.doc.document.text[q.end : q.end + 140]) is not None


#: "at least 217 people have died, with 213 of those deaths in the region of Valencia, three in …":
#: a whole its own clause goes on to break down.
_BROKEN_AFTER = re.compile(
    r"^[^.;]{0,80}?\bwith\s+(?:about\s+|some\s+|at\s+least\s+)?\d[\d,]*\s+of\s+(?:those|them|whom|these|which)\b",
    re.I,
)


def broken_down_after(item: ClaimItem, q: Quantity) -> bool:
    """Whether the figure is a whole its clause breaks down ("at least 217 have died, with 213 of
    those in the region of Valencia, three in Castilla-La Mancha"): the places its clause names are
    its terms', so the place it was read in is no place it holds in."""
    return _BROKEN_AFTER.match(item.doc.document.text[q.end : q.end + 140]) is not None


#: A unit smaller than a region the figure is told for: "wounded 600 people in the two districts",
#: "the district, where 1,294 people died" (a place the gazetteer may not know).
_UNIT = r"(?:districts?|villages?|municipalit(?:y|ies)|neighbou?rhoods?|communes?|sub-districts?)"
_IN_UNIT = re.compile(rf"^[^.;,\d]{{0,60}}?\bin\s+(?:the\s+)?(?:\w+\s+){{0,2}}{_UNIT}\b", re.I)
_UNIT_WHERE = re.compile(rf"\b{_UNIT}\s*,?\s+where\s+(?:[^.;]{{0,60}}?)$", re.I)


def in_a_unit(item: ClaimItem, q: Quantity) -> bool:
    """Whether a figure is told for a district or village ("600 wounded in the two
    districts", "the district, where 1,688 were injured"): a part of the area its story counts."""
    text = item.doc.document.text
    return bool(
        _IN_UNIT.match(text[q.end : q.end + 100]) or _UNIT_WHERE.search(text[max(0, q.start - 100) : q.start])
    )


#: A span the figure is counted over: "killed in Israel's 11-day bombardment", "a two-week offensive".
_SPAN = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)-(?:day|week|month|year)\b",
    re.I,
)


def over_a_span(item: ClaimItem, q: Quantity) -> bool:
    """Whether a figure is told over a span of days or weeks ("3,000 killed in the 11-day
    bombardment"): a period's tally, not the toll of the story's one event."""
    text = item.doc.document.text
    start = max(text.rfind(c, 0, q.start) for c in ".;!?\n") + 1
    end = min((i for i in (text.find(c, q.end) for c in ".;!?\n") if i >= 0), default=len(text))
    return _SPAN.search(text[max(start, q.start - 60) : min(end, q.end + 80)]) is not None


#: An injured total told beside a count in grave condition: "1,204 people were injured, including
#: 721 in a critical condition", "1,832 were injured, of whom 1,220 …", "2,681 injuries".
_INJURED_TOTAL = re.compile(
    r"(?<![\d.,])(\d[\d,]*)\s+(?:[a-z]+\s+){0,2}?(?:(?:were|have\s+been|had\s+been)\s+)?"
    r"(?:injured|wounded|hurt|injuries)\b",
    re.I,
)


def _injured_totals(item: ClaimItem, q: Quantity) -> set[float]:
    """The injured totals the figure's sentence tells above it: the update it belongs to."""
    s = item.claim.sentence
    text = item.doc.document.text[s.start : s.end] if s is not None else item.claim.content_text
    values = {float(m.group(1).replace(",", "")) for m in _INJURED_TOTAL.finditer(text)}
    return {v for v in values if v > q.value}


def grave_apart(a: ClaimItem, qa: Quantity, b: ClaimItem, qb: Quantity) -> bool:
    """Whether two counts of the gravely hurt belong to two updates: each is told with the injured
    total of its statement ("1,204 injured, including 721 critical"; "2,059 injured, 1,404
    critically"), and the totals differ, or one tells none and its figure is no total of the
    other's ("gravely wounding 1,832" beside "1,204 injured, including 721"). Patients pass in and
    out of grave condition as the injured rise, so only counts of one update disagree: "1,832
    were injured, of whom 1,220 serious" against "gravely wounding 1,832" stays compared."""
    ta, tb = _injured_totals(a, qa), _injured_totals(b, qb)
    if ta and tb:
        return not ta & tb
    if ta or tb:
        return qa.value not in tb and qb.value not in ta
    return False


_SEVERAL_UNITS = re.compile(
    r"^[^.;!?\d]{0,60}?\b(?:in|across|from)\s+(?:the\s+|all\s+)?"
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|multiple)\s+"
    r"(?:[\w-]+\s+)?(?:prefectures|provinces|states|regions|governorates|counties|countries)\b",
    re.I,
)


def several_units(item: ClaimItem, q: Quantity) -> bool:
    """Whether a figure is told as a sum over several provinces, prefectures or states ("372
    people had been injured in seven prefectures, including Ishikawa"): a report's lower figure
    that names no such sum may count one of them (the worst-hit one), so the two are no rival
    counts of one thing."""
    return _SEVERAL_UNITS.match(item.doc.document.text[q.end : q.end + 120]) is not None
