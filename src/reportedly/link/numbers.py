"""Numeric conflicts that understand scope and time, and the pairs declined with their reason.

Two numbers of one measure series (same thing counted, same place and control, same scope:
see :class:`~reportedly.model.Measure`) are compared when they hold within
:data:`WINDOW_DAYS` of each other and their bounds do not meet ("about" widens a number by
:data:`.conflicts_reading.APPROX`, "more than 10,000" is open above).
What follows depends on who gives them and what they count:

* the **same origin** giving two figures is an *update* (or a revision), never a conflict;
* counts that only grow (the dead, the injured, the evacuated, the rescued, the arrested, and
  every running total) conflict when the **later figure is lower** than an earlier one from
  another origin ("4,300 dead" from the UN, then "2,274" from rescuers two days later); a later
  higher figure is the count growing. On the same day, two origins' figures conflict only when
  one report sets them side by side and they are far apart (more than :data:`SAME_DAY_GAP`):
  tallies move by the hour, and two reports of one day do not say which hour each is from;
* snapshots (the missing, troops in a place, homes still flooded) conflict only when given
  within :data:`SNAPSHOT_DAYS` of each other: they can rise and fall, but not far in days; a
  property of the event itself (a quake's magnitude) conflicts whenever two origins differ;
* a **part larger than its whole** conflicts: a figure for a place inside another place
  (a town in its region, a region in its country), with the same control qualifier, that
  exceeds the whole's figure at about the same time. A part smaller than its whole, a period
  and a running total, a forecast and a count, injured and dead, and different places are
  different series: they are never compared.

Every pair that a naive comparison would flag (bounds that do not meet, or a part larger than
its whole) and that is not a conflict is kept as a *declined* pair with its reason.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date

from ..model import Conflict, ConflictKind, Measure, MeasureScope, Quantity, Stance
from .conflicts_days import figure_day, part_of_group, past_event, past_year_clause, told_moving_to
from .conflicts_figures import (
    added,
    broken_down,
    by_site,
    compared,
    grave_apart,
    handled_bodies,
    in_a_unit,
    killed_and_wounded,
    moved_from,
    one_row_per_disagreement,
    others,
    over_a_span,
    renderings,
    rounded,
    several_units,
    shock,
    side,
    sighted,
    summed,
    todays_event,
    told_moving_in_report,
    told_rising,
)
from .conflicts_reading import (
    among,
    bounds,
    magnitudes_of_many,
    names_other_count,
    not_the_count,
    remaining,
    reread,
    same_update,
    snapshot,
    told_early,
    told_update,
)
from .corpus import ClaimItem

WINDOW_DAYS = 7
SAME_DAY_GAP = 0.25
#: How far a part counted days after its whole may exceed it before it contradicts the whole.
GROWTH = 1.5
#: What only grows: a lower later figure from another origin contradicts an earlier one.
MONOTONE = frozenset(
    {
        "killed",
        "injured",
        "killed_or_injured",
        "evacuated",
        "rescued",
        "arrested",
        "destroyed",
        "damaged",
        "flooded",  # "have been flooded" spreads with the water; "still / remain flooded" is a snapshot
        "identified",  # the dead named so far: a list that only grows
        "buried",  # the dead laid to rest so far: 2,530 on one day, 2,854 the next is an update
    }
)
#: Days apart two snapshots (the missing, troops in a place, homes under water) may be and still
#: be compared: such figures move, but not from 11,000 to 3,000 in two days.
SNAPSHOT_DAYS = 3

#: Properties of the event itself (a quake's magnitude) or of the thing in it (a ship's crew): any
#: two values from two origins disagree.
FIXED_PROPERTIES = frozenset({"magnitude", "attackers", "crew"})
#: What one voyage holds whatever day it is told (the people on board the vessel that sank): two
#: origins' values disagree on any day, and the place its sentence names is where its people came
#: from ("750 from Syria, Egypt and Pakistan were on board"), never where the count holds.
FIXED_WHATS = frozenset({"on_board"})


def fixed(m: Measure) -> bool:
    """Whether a measure is a property of the event, the voyage or the ship, not a count that moves."""
    return m.unit in FIXED_PROPERTIES or m.what in FIXED_WHATS


#: How many times larger one figure must be than another for the two to count different things:
#: no one revises 3,478 dead to 13; "13 killed Thursday in a battle" counts one incident.
ORDER = 10.0

#: Counted units that are a part of "people" ("including 474 children").
PART_OF_PEOPLE = frozenset({"children"})

#: ``contains(outer_place_id, inner_place_id)``: whether the first place holds the second.
Containment = Callable[[str, str], bool]


#: compass parts of a place ("northern Syria"): a part of the place, not a side holding it
COMPASS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"})


def counted_key(m: Measure) -> str:
    """The series key of a measure with its place left out: what is counted, whose, in which scope."""
    return replace(m, place=None, place_name=None, qualifier=None).key


@dataclass(slots=True)
class Point:
    item: ClaimItem
    quantity: Quantity
    measure: Measure
    #: the place is the story's country, read for a figure that names none
    #: (:func:`reportedly.link.settle.story_place`, rule 5), not one a report gives it
    settled: bool = False
    #: the figure was told before its own day, by an earlier report of its series (a stale relay)
    relayed: bool = False
    #: the other figures its report gives for its series ("arrested 10", "a further four", "14")
    told_with: tuple[float, ...] = ()

    @property
    def when(self) -> date | None:
        return self.measure.as_of

    @property
    def origin(self) -> str:
        o = self.item.origin
        return o.key if o is not None else f"outlet:{self.item.doc.outlet.casefold()}"

    @property
    def who(self) -> str:
        o = self.item.origin
        return o.name if o is not None else self.item.doc.outlet

    def says(self) -> str:
        day = self.when.isoformat() if self.when else "undated"
        return f"“{self.quantity.text}” ({self.who}, {day})"


def comparable(m: Measure) -> bool:
    """Whether two figures of the measure's series can contradict each other. A share ("percent
    of area") may be of a whole each report draws differently, a cost is an estimate that bodies
    reckon differently by design (so is any money), and so are quakes recorded: all are drawn as
    series; money is compared only where one report sets two origins' estimates side by side
    (:func:`judge`)."""
    return not m.money and not m.reckoned and not (m.unit or "").startswith("percent of ")


def points_of(items: Iterable[ClaimItem]) -> list[Point]:
    out = []
    for it in items:
        if it.neutral or it.negative or it.claim.stance in (Stance.EXPECTED, Stance.CONDITIONAL):
            # "could not confirm 500 deaths" asserts no figure; "the eventual count is expected
            # to be far higher, … up to 10,000" is a forecast, never compared with a count
            continue
        series = [(m.position, (m.compared or m.typed).key) for m in it.measures]
        for m in it.measures:
            if not comparable(m.typed) and not m.typed.money:
                continue  # a share of a whole each report draws differently
            q = reread(it, it.claim.quantities[m.position])
            if q is None:
                continue  # "one hundred and four" split in two: neither part is the figure
            if m.typed.unit == "magnitude" and not any(ch.isdigit() for ch in q.text):
                continue  # "Two 6.3 magnitude earthquakes": a magnitude is written in digits
            if m.typed.unit == "magnitude" and magnitudes_of_many(q):
                continue  # "aftershocks … with magnitude 3 to 5": many shocks, not the event's
            if sighted(it, q) or past_year_clause(it, q):
                continue  # "I saw 10-15 people dead": one witness's sight, no count
            if moved_from(it, q):
                continue  # "revised the toll to 275 from 288": 288 is the count as it was, no longer held
            if compared(it, m.position, series) and not past_event(it, it.doc.published):
                # compared where its story places it (``settle``), as of its report if its day is the event's
                measure = m.compared or m.typed
                if measure.what in FIXED_WHATS:
                    measure = replace(measure, place=None, place_name=None, qualifier=None)
                day = figure_day(it, measure.as_of, fixed(measure), q)  # a magnitude holds on the event's day
                out.append(Point(it, q, replace(measure, as_of=day), m.read))
    return out


def _figure(p: Point) -> tuple[float, float, str]:
    low, high = bounds(p.quantity)
    return (round(low, 3), round(high, 3), p.when.isoformat() if p.when else "")


def days_apart(a: Point, b: Point) -> int | None:
    if a.when is None or b.when is None:
        return None
    return abs((a.when - b.when).days)


def growing(m: Measure) -> bool:
    return m.what in MONOTONE or m.scope is MeasureScope.CUMULATIVE


def remains(p: Point) -> bool:
    return remaining(p.item, p.measure.what, p.quantity)


def _snapshot(p: Point) -> bool:
    return snapshot(p.item, p.measure.what)


#: A figure told as of a moment before its report that no date names: "was 238 at the time".
_THEN = re.compile(r"\b(?:at\s+the\s+time|at\s+that\s+(?:time|point)|back\s+then|by\s+then)\b", re.I)


def _summed_in_report(part: Point, whole: Point) -> bool:
    """Whether one report gives the two figures and a third that makes them parts and whole
    ("arrested 10" in one province, "a further four" in another, "14 people" in all): 10 and 14
    are a term and its sum, 10 and 4 the two terms."""
    lo, hi = part.quantity.value, whole.quantity.value
    if part.item.doc.id != whole.item.doc.id or lo is None or hi is None or lo >= hi:
        return False
    return any(v not in (lo, hi) and min(abs(lo + v - hi), abs(lo + hi - v)) < 0.5 for v in part.told_with)


def _apart(la: float, ha: float, lb: float, hb: float) -> bool:
    """Whether one figure's upper bound is under a tenth of the other's lower bound."""
    return (math.isfinite(ha) and lb > 0 and ha * ORDER < lb) or (
        math.isfinite(hb) and la > 0 and hb * ORDER < la
    )


def list_growing(a: Point, b: Point) -> tuple[Point, Point] | None:
    """Two reports' figures of the missing on different days, the later more than :data:`GROWTH`
    times the earlier: a list being compiled ("25 missing", then "more than 200 still missing"
    two days on), not two counts of one list, which differ by less (a mayor's 850 against a list
    of 1,000 to 1,100). The same day, two reports' far-apart figures still conflict ("between
    5,000 and 6,000" against "about 10,000"). Returns (earlier, later), or None."""
    if a.item.doc.id == b.item.doc.id or a.when is None or b.when is None or a.when == b.when:
        return None
    earlier, later = (a, b) if a.when < b.when else (b, a)
    high = bounds(earlier.quantity)[1]
    return (earlier, later) if math.isfinite(high) and bounds(later.quantity)[0] > high * GROWTH else None


def judge(a: Point, b: Point) -> tuple[bool, str] | None:
    """Conflict or declined (with why) for two points of one series; None when their bounds meet."""
    (la, ha), (lb, hb) = bounds(a.quantity), bounds(b.quantity)
    if max(la, lb) <= min(ha, hb):
        return None
    if a.measure.money and (a.item.doc.id != b.item.doc.id or a.origin == b.origin):
        # bodies reckon a cost differently by design, and revise it as the work is known: two
        # estimates disagree only where one report sets two origins' side by side
        return None
    key = a.measure.key
    for p in (a, b):
        if broken_down(p.item, p.quantity) and p.measure.what != "critical":  # its own words type it
            return False, (
                f"{a.says()} and {b.says()} for {key}: {p.says()} is a term of a breakdown its report "
                "gives (“out of the 275, 88 …”), not the count"
            )
    parts = (p for p in (a, b) if part_of_group(p.item, p.quantity, p.measure.what))
    if part := next(parts, None):
        return (
            False,
            f"{a.says()} and {b.says()}: {part.says()} counts a part of a group (“2,530 of the dead”)",
        )
    if a.measure.what == "critical" and grave_apart(a.item, a.quantity, b.item, b.quantity):
        return False, f"{a.says()} and {b.says()}: the gravely hurt of two updates (their injured differ)"
    days = days_apart(a, b)
    if (
        days == 0
        and renderings(a.quantity, b.quantity)
        and not told_rising(a.item, a.quantity, b.item, b.quantity)
        and not (told_moving_to(a.item, a.quantity) and told_moving_to(b.item, b.quantity))
        and not (a.relayed or b.relayed)
        and told_update(a, b) is None  # "had previously announced 2,946" and "has risen to 2,960"
    ):
        # "2,060" and "2,053" the same day, "314" and "324" from one statement: copies of one
        # count that disagree, whoever relayed them
        return True, f"{a.says()} and {b.says()} for {key}: one day's count rendered two ways"
    if a.origin == b.origin:
        return False, f"{a.says()} and {b.says()} for {key}: the same origin updating its figure"
    if rounded(a.quantity, b.quantity):
        return False, f"{a.says()} and {b.says()} for {key}: one figure and the other rounded"
    if told_rising(a.item, a.quantity, b.item, b.quantity):
        return False, f"{a.says()} and {b.says()} for {key}: the report tells the count rising from one"
    if told_moving_in_report(a.item, a.quantity, b.item, b.quantity):
        return (
            False,
            f"{a.says()} and {b.says()} for {key}: a report tells the count moving from one to the next",
        )
    if a.item.doc.id == b.item.doc.id and (added(a.item, a.quantity) or added(b.item, b.quantity)):
        return False, f"{a.says()} and {b.says()} for {key}: one adds to the other (“another”, “a further”)"
    both = f"{a.says()} and {b.says()} for {key}"
    if a.item.doc.id != b.item.doc.id and (
        mark := same_update(a.item, a.quantity, b.item, b.quantity, a.measure.what)
    ):
        return True, f"{both}: one update (both give {mark:,.0f} for another count) told with two figures"
    for p, q in ((a, b), (b, a)):
        if others(p.item, p.quantity):
            return False, f"{both}: {p.says()} counts others beside a group, not the total"
        if (part := not_the_count(p.item, p.quantity, q.item, q.quantity)) is not None:
            return False, f"{both}: {p.says()} {part}"
        if summed(p.item, p.quantity, q.quantity) or _summed_in_report(p, q):
            return False, f"{both}: {p.says()} is one term of a sum that makes {q.says()}"
        if over_a_span(p.item, p.quantity) and not over_a_span(q.item, q.quantity):
            return False, f"{both}: {p.says()} is counted over a span of days, not the event's toll"
        if killed_and_wounded(p.item, p.quantity):
            return False, f"{both}: {p.says()} counts the killed and the wounded together (or the missing)"
        smaller = bounds(p.quantity)[1] < bounds(q.quantity)[0] and not fixed(p.measure)
        if smaller and among(p.item, p.quantity):
            return False, f"{both}: {p.says()} is told as a part of a larger group (“were among”)"
        if smaller and by_site(p.item, p.quantity):
            return False, f"{both}: {p.says()} is one site's term of a breakdown by place"
        if smaller and in_a_unit(p.item, p.quantity) and not in_a_unit(q.item, q.quantity):
            return False, f"{both}: {p.says()} is told for a district or village: a part"
        if p.measure.what == "killed" and handled_bodies(p.item, p.quantity):
            return False, (
                f"{a.says()} and {b.says()} for {key}: {p.says()} counts bodies received or handed over "
                "(one place, one stage), not the toll"
            )
    for p, q in ((a, b), (b, a)):
        if (other := names_other_count(p.item, p.quantity, p.measure.what)) is not None:
            return False, f"{both}: {p.says()} is told as {other}, not {p.measure.what}"
        lower = bounds(q.quantity)[1] < bounds(p.quantity)[0] and p.item.doc.id != q.item.doc.id
        if lower and several_units(p.item, p.quantity) and not several_units(q.item, q.quantity):
            return False, f"{both}: {p.says()} sums several provinces or the like; the lower may count one"
    if a.measure.unit == "magnitude" and shock(a.item, a.quantity) != shock(b.item, b.quantity):
        return False, f"{both}: magnitudes of two shocks (an aftershock, another quake)"
    if a.measure.unit not in FIXED_PROPERTIES and _apart(la, ha, lb, hb):
        return False, (
            f"{a.says()} and {b.says()} for {key}: an order of magnitude apart, the smaller counts "
            "something narrower (one incident, one day, one group), not the same total"
        )
    gap = max(lb - ha, la - hb)
    if growing(a.measure) and not (_snapshot(a) or _snapshot(b)):
        if days == 0 or days is None:
            if a.item.doc.id != b.item.doc.id:
                # "60 killed" and "133 killed" in two reports of one day are two hours of a
                # rising count: a day says nothing of which came first
                return False, (
                    f"{a.says()} and {b.says()} for {key}: two reports of the same day; "
                    "tallies move within a day"
                )
            told = told_update(a, b)
            if told is not None:
                return False, f"{told[0].says()} then {told[1].says()} for {key}: the report tells the update"
            size = max(abs(x) for x in (la, ha, lb, hb) if math.isfinite(x)) or 1.0
            if gap / size <= SAME_DAY_GAP:
                return False, (
                    f"{a.says()} and {b.says()} for {key}: the same day and close; tallies move within a day"
                )
            return True, f"{a.says()} and {b.says()} for {key} do not overlap, side by side in one report"
        earlier, later = (a, b) if a.when <= b.when else (b, a)  # type: ignore[operator]
        le, hl = bounds(earlier.quantity)[0], bounds(later.quantity)[1]
        if hl < le and added(later.item, later.quantity):
            # "a further four people were arrested": the day's addition, not the running total
            return False, f"{later.says()} counts an addition (“a further”), not the total {earlier.says()}"
        if todays_event(later.item, later.quantity):
            # "two people were dead in this morning's earthquake": an event after the earlier report
            return False, f"{later.says()} counts an event of its own day, after {earlier.says()} for {key}"
        if hl < le and _THEN.search(later.item.text):
            # "the toll was 238 at the time": a moment no date names, maybe before the higher one
            return False, (
                f"{later.says()} is told as the count at an earlier, unnamed moment, so it may precede "
                f"{earlier.says()} for {key}"
            )
        if (
            hl < le
            and told_early(earlier.item, earlier.quantity)
            and not told_early(later.item, later.quantity)
        ):
            # "Previous estimates put the toll at more than 5,000", then "3,958" days later: the
            # earlier report itself tells its figure as an early one, since revised
            return False, (
                f"{later.says()} is lower than {earlier.says()} for {key}, which its own report tells as "
                "an early figure (“initially”, “previous estimates”)"
            )
        if hl < le and earlier.item.origin is None and later.item.origin is not None:
            # "over 500 were killed" in the outlet's own voice, then "officials said 471": the
            # outlet relayed an early count, which the named authority's figure revises
            return False, f"{later.says()} revises the earlier {earlier.says()}, which names no origin"
        if hl < le:
            return True, (
                f"{later.says()} is lower than the earlier {earlier.says()} for {key}, "
                "from another origin: such counts do not fall"
            )
        return False, f"{earlier.says()} then {later.says()} for {key}: a later, higher count (an update)"
    if a.item.doc.id == b.item.doc.id and not a.measure.money and (told := told_update(a, b)) is not None:
        # "had initially reported four missing" and "10 are currently unaccounted for": the report
        # itself orders the two figures, the earlier and the later (two bodies' cost estimates set
        # side by side stay a disagreement: see the money rule above)
        return False, f"{told[0].says()} then {told[1].says()} for {key}: the report tells the update"
    if days and all(remains(p) or p.measure.what == "missing" for p in (a, b)):
        earlier, later = (a, b) if a.when <= b.when else (b, a)  # type: ignore[operator]
        if bounds(later.quantity)[1] < bounds(earlier.quantity)[0] and remains(later):  # the missing: "still"
            return False, (
                f"{earlier.says()} then {later.says()} for {key}: what remains after the event "
                "(patients still in hospital, homes still flooded) falls as it eases"
            )
    if a.measure.what == "missing" and (listed := list_growing(a, b)) is not None:
        first, then = (p.says() for p in listed)
        return False, f"{first} then {then} for {key}: a list of the missing compiled, not two counts"
    if fixed(a.measure):
        told = a.measure.unit if a.measure.unit in FIXED_PROPERTIES else "count of those aboard"
        return True, f"{a.says()} and {b.says()} for {key}: one event's {told} cannot be both"
    if days is not None and days <= SNAPSHOT_DAYS:
        when = "for the same day" if days == 0 else f"{days} day{'s' if days > 1 else ''} apart"
        return True, f"{a.says()} and {b.says()} for {key} do not overlap, {when}"
    if days is None:
        return False, f"{a.says()} and {b.says()} for {key}: undated, so they may hold at different times"
    return False, f"{a.says()} and {b.says()} for {key}: figures {days} days apart can both be right"


def numeric_conflicts(
    items: Iterable[ClaimItem],
    story_of: dict[str, str],
    contains: Containment | None = None,
) -> list[Conflict]:
    """Numeric conflicts across the corpus, and the declined pairs (``declined=True``).

    A figure with no place is compared where :func:`reportedly.link.settle.settle_places` put
    it (``Measured.compared``): run that first. ``contains`` (a region inside its country) lets
    a part larger than its whole be found."""
    points = points_of(items)
    out: list[Conflict] = []
    pairs: list[tuple[Point, Point]] = []
    seen: dict[tuple[object, ...], tuple[tuple[tuple[date, str, str], ...], int]] = {}

    def first_report(p: Point) -> tuple[date, str, str]:
        return (p.item.doc.published or date.min, p.item.doc.id, p.item.id)

    def emit(a: Point, b: Point, conflict: bool, why: str) -> None:
        # one row per pair of figures: the same two numbers relayed by several outlets are one
        # disagreement (or one update), not one per pair of articles; it shows the earliest
        # reports of the two figures, whatever order the claims were read in
        figures = tuple(sorted((_figure(a), _figure(b))))
        key = (a.measure.key, b.measure.key, figures, conflict)
        rank = tuple(sorted((first_report(a), first_report(b))))
        if key in seen and seen[key][0] <= rank:
            return
        row = Conflict(
            ConflictKind.NUMERIC,
            a.item.ref(),
            b.item.ref(),
            why,
            story_of.get(a.item.doc.id),
            a.measure.key,
            declined=not conflict,
        )
        if key in seen:
            out[seen[key][1]], pairs[seen[key][1]] = row, (a, b)
            seen[key] = (rank, seen[key][1])
        else:
            seen[key] = (rank, len(out))
            out.append(row)
            pairs.append((a, b))

    by_series: dict[str, list[Point]] = defaultdict(list)

    def counted(p: Point) -> tuple[str | None, str | None, str | None]:
        # children are people: "474 children evacuated" with no place, in a story that counts
        # evacuees in named places, is part of a count that could be any of them
        unit = "people" if p.measure.unit in PART_OF_PEOPLE else p.measure.unit
        return (story_of.get(p.item.doc.id), p.measure.what, unit)

    placed = {counted(p) for p in points if p.measure.place}
    for p in points:
        if p.measure.place is None and counted(p) in placed:
            # the story counts this in named places: a figure with none could be any of them, or
            # their sum, and is compared with nothing
            continue
        by_series[p.measure.key].append(p)
    falls: dict[int, list[tuple[Point, Point, str]]] = defaultdict(list)
    for series in by_series.values():
        series.sort(key=lambda p: (p.when or date.min, p.item.doc.id, p.item.id))
        told: dict[
            tuple[float, float], date
        ] = {}  # "2,901" on Tuesday, relayed again on Wednesday beside that day's "2,946"
        for p in series:
            p.relayed = p.when is not None and told.setdefault(_figure(p)[:2], p.when) < p.when
            p.told_with = tuple(
                o.quantity.value
                for o in series
                if o.item.doc.id == p.item.doc.id and o is not p and o.quantity.value is not None
            )
        for i, a in enumerate(series):
            for b in series[i + 1 :]:
                days = days_apart(a, b)
                if days is not None and days > WINDOW_DAYS:
                    break
                if a.item.id == b.item.id:
                    continue
                if a.measure.place is None and story_of.get(a.item.doc.id) != story_of.get(b.item.doc.id):
                    continue  # "the toll" with no place means this story's place, not another's
                verdict = judge(a, b)
                if verdict is None:
                    continue
                if verdict[0] and _falls(a, b):
                    falls[id(b)].append((a, b, verdict[1]))  # sorted: b is the later
                else:
                    emit(a, b, *verdict)
    for found in falls.values():
        _latest_only(found, emit)
    if contains is not None:
        from .conflicts_containment import containment  # it reads this module's points

        containment(points, contains, emit)
    reported = [
        (row, *(side(p.item, p.quantity, counted_key(p.measure)) for p in pair))
        for row, pair in zip(out, pairs, strict=True)
        if not row.declined
    ]
    return [row for row in out if row.declined] + one_row_per_disagreement(reported)


def _falls(a: Point, b: Point) -> bool:
    """Whether ``b``, told days after ``a``, is a growing count lower than ``a`` (a conflict of a
    figure with an earlier one it falls below)."""
    days = days_apart(a, b)
    return bool(days) and growing(a.measure) and a.when is not None and b.when is not None and b.when > a.when


def _latest_only(
    found: list[tuple[Point, Point, str]], emit: Callable[[Point, Point, bool, str], None]
) -> None:
    """One later figure below several earlier ones is one disagreement: with the latest figure
    before it, the one it would revise ("3,958" against Sunday's "11,300", not also against every
    higher toll of the week before). The older pairs are declined, saying so."""
    # the latest day, and on it the figure the later one falls least below
    shown = max(found, key=lambda f: (f[0].when or date.min, -bounds(f[0].quantity)[0]))[0]
    for a, b, why in found:
        if a is shown:
            emit(a, b, True, why)
        else:
            why = f"{b.says()} is lower than the earlier {a.says()} for {a.measure.key}, but the "
            emit(a, b, False, why + "disagreement is shown with the latest figure before it")
