"""A part larger than its whole: a figure for a place inside another place that exceeds the
whole's figure at about the same time (:func:`containment`, called by
:func:`reportedly.link.numbers.numeric_conflicts`), and the pairs of that kind declined with their reason.

Split from ``numbers.py`` (which was at the module size limit) so that the comparison of one
series and the comparison of a part with its whole each have a module.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable

from .conflicts_figures import broken_down, broken_down_after, handled_bodies, in_a_unit
from .conflicts_reading import bounds, subset, told_update, unnamed
from .numbers import GROWTH, ORDER, WINDOW_DAYS, Containment, Point, days_apart, growing, remains


def _part_of(part: Point, whole: Point, contains: Containment | None) -> bool:
    pm, wm = part.measure, whole.measure
    if contains is None or pm.place is None or wm.place is None or pm.place == wm.place:
        return False
    # a period's count is no part of a running total, nor a forecast of a count: the same scope
    same = (pm.what, pm.unit, pm.subject, pm.scope, pm.period_days) == (
        wm.what,
        wm.unit,
        wm.subject,
        wm.scope,
        wm.period_days,
    )
    if not (same and _same_side(wm.qualifier, pm.qualifier)):
        return False
    if wm.place.startswith("area:"):
        # "territories that Moscow controls" holds every place under that control: "the occupied
        # town of Oleshky" is inside it, whatever the gazetteer says of the town's country
        return not pm.place.startswith("area:") and wm.place == f"area:{pm.qualifier}"
    return contains(wm.place, pm.place)


def _same_side(whole: str | None, part: str | None) -> bool:
    """The same control qualifier: an unqualified figure may be one side's, so it is no whole for a side."""
    return whole == part


def containment(
    points: list[Point], contains: Containment, emit: Callable[[Point, Point, bool, str], None]
) -> None:
    """A part whose figure exceeds its whole's at about the same time."""
    by_what: dict[tuple[str | None, str | None], list[Point]] = defaultdict(list)
    for p in points:
        if p.measure.place is not None:
            by_what[(p.measure.what, p.measure.unit)].append(p)
    for group in by_what.values():
        for part in group:
            exceeded: list[tuple[int, float, Point, str]] = []
            for whole in group:
                if part is whole or not _part_of(part, whole, contains):
                    continue
                days = days_apart(part, whole)
                if days is not None and days > 3:
                    continue
                (lp, _hp), (_lw, hw) = bounds(part.quantity), bounds(whole.quantity)
                if whole.settled and math.isfinite(hw) and hw > 0 and lp > hw * ORDER:
                    # "12 dead in Bayda" against "one death" with no place: the smaller figure
                    # counts one incident, not the country's toll
                    continue
                # a part counted later than its whole may have grown past it; only growth no
                # count makes in days (beyond GROWTH) still contradicts the whole
                later = part.when is not None and whole.when is not None and part.when > whole.when
                if whole.settled and (later or (days == 0 and part.item.doc.id != whole.item.doc.id)):
                    # a toll read as the country's and a place's higher one told the same day or
                    # later, in another report: tallies grow, by the hour
                    continue
                if whole.settled and part.item.doc.id == whole.item.doc.id and told_update(whole, part):
                    continue  # "according to initial reports, 25 injured" then "more than 30"
                if lp <= (hw * GROWTH if later and growing(part.measure) else hw) or _grown_past(
                    part, whole, group
                ):
                    continue
                if part.origin == whole.origin:
                    emit(part, whole, False, f"{part.says()} and {whole.says()}: one origin's part and whole")
                    continue
                if broken_down(part.item, part.quantity) or broken_down(whole.item, whole.quantity):
                    emit(part, whole, False, f"{part.says()} and {whole.says()}: a term of a breakdown")
                    continue
                if broken_down_after(part.item, part.quantity):
                    # "at least 217 have died, with 213 of those in Valencia, three in …": a sum
                    # over the places its clause names, read in one of them
                    emit(
                        part,
                        whole,
                        False,
                        f"{part.says()} and {whole.says()}: the part is a whole it breaks down",
                    )
                    continue
                if unnamed(whole.item, whole.quantity):
                    emit(
                        part,
                        whole,
                        False,
                        f"{part.says()} and {whole.says()}: the whole counts the unidentified dead",
                    )
                    continue
                if whole.measure.what == "killed" and handled_bodies(whole.item, whole.quantity):
                    # "the courts authorised the handing over of nearly fifty bodies": one stage of
                    # the bodies' handling, no toll of the whole place
                    emit(
                        part,
                        whole,
                        False,
                        f"{part.says()} and {whole.says()}: the whole counts bodies handled",
                    )
                    continue
                if subset(whole.item, whole.quantity):
                    # "Eight of the deaths were at evacuation centers": a part of the toll, no whole
                    emit(part, whole, False, f"{part.says()} and {whole.says()}: the whole counts a subset")
                    continue
                if in_a_unit(whole.item, whole.quantity):
                    # "the district, where 1,688 were injured": the whole is itself one district's
                    emit(part, whole, False, f"{part.says()} and {whole.says()}: the whole is a district's")
                    continue
                if (
                    remains(whole)
                    and part.when is not None
                    and whole.when is not None
                    and whole.when > part.when
                ):
                    emit(
                        part,
                        whole,
                        False,
                        f"{part.says()} then {whole.says()}: what remains falls (the found)",
                    )
                    continue
                why = (
                    f"{part.says()} for {part.measure.key} exceeds {whole.says()} for "
                    f"{whole.measure.key}, which contains it"
                )
                exceeded.append((days if days is not None else WINDOW_DAYS, -hw, whole, why))
            # one part above several wholes of one origin is one disagreement: shown with that
            # origin's whole told closest in time to it, the others declined saying so
            nearest: dict[str, Point] = {}
            for _d, _hw, whole, _why in sorted(exceeded, key=lambda e: e[:2]):
                nearest.setdefault(whole.origin, whole)
            for _d, _hw, whole, why in exceeded:
                if nearest[whole.origin] is whole:
                    emit(part, whole, True, why)
                else:
                    emit(part, whole, False, f"{why}; shown with the whole told closest in time")


def _grown_past(part: Point, whole: Point, group: list[Point]) -> bool:
    """Whether the whole's own series holds the part's figure by the part's day: a count that grows
    ("632 in the country" on Saturday, "2,681" by Monday) had passed the part told later."""
    if part.when is None or whole.when is None or part.when <= whole.when or not growing(whole.measure):
        return False
    low = bounds(part.quantity)[0]
    return any(
        w.measure.key == whole.measure.key
        and w.when is not None
        and whole.when <= w.when <= part.when
        and bounds(w.quantity)[1] >= low
        for w in group
    )
