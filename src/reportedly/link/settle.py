"""Where a figure is drawn: the places of measures settled across a story.

A figure with no place is drawn in the series of the place its story counts that thing in
(the whole that contains every other place, or the one town or region it names), sides of a
country by compass or by who holds them, and the same figure given with and without its place
agreed; the containment test (a region inside its country) comes from the places gazetteer.
Split from :mod:`.numbers`, which compares the figures once they are drawn.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date

from ..model import Quantity
from .corpus import ClaimItem, vague
from .numbers import COMPASS, FIXED_PROPERTIES, Containment, counted_key, gazetteer_is_country


def settle_places(
    items: Iterable[ClaimItem],
    story_of: dict[str, str],
    is_country: Callable[[str], bool] | None = None,
    contains: Containment | None = None,
) -> int:
    """Give a figure with no place the one country its story counts that thing in; returns how many.

    "The toll rose to 137" in a story whose every placed death toll is "in Russia" is a toll in
    Russia: a figure with no place means the story's place, and where the story names only one
    country for what is counted, and no other place, the figure holds inside it whatever part of
    it the figure counts. Only a country (``is_country``; by default the places gazetteer's):
    "evacuated from the Kherson and Mykolaiv regions" as the one place a story names for
    evacuees says nothing of where "4,300 evacuated" were. Where the story names several places
    and one of them holds all the others (tolls in Turkey, in Syria and in "Turkey and Syria";
    in two regions and in their country), the figure is drawn in that whole's series
    (:func:`_story_whole`) but compared with nothing: it could still be any part, so a text
    that names no place never makes a conflict. Where no place holds the others, it stays
    unplaced. Where the one place is a town or region ("missing in Derna"), the figure is drawn
    in its series the same way, and compared with none. Applied after clustering: it changes the
    series a figure is drawn and compared in, not what the claim says.

    In the same way an area named only by who holds it ("29 died in territories that Moscow
    controls") is that side's part of the place the story names under that side's control
    ("the Russian-occupied parts of the Kherson region"), when every place the story names
    under that control for what is counted lies inside one of them (``contains``).
    """
    if is_country is None:
        is_country = gazetteer_is_country()
    items = list(items)
    settled = _sides_by_compass(items, story_of, is_country)
    settled += _places_by_agreement(items, story_of)
    places: dict[tuple[str | None, str], set[tuple[str, str | None, str | None]]] = defaultdict(set)
    for it in items:
        story = story_of.get(it.doc.id)
        for m in it.measures:
            if m.typed.place is not None:
                where = (m.typed.place, m.typed.place_name, m.typed.qualifier)
                places[(story, counted_key(m.typed))].add(where)
    for it in items:
        story = story_of.get(it.doc.id)
        for i, m in enumerate(it.measures):
            if m.typed.unit in FIXED_PROPERTIES:
                continue
            if m.typed.place is not None and m.typed.place.startswith("area:") and contains is not None:
                held = _held_whole(
                    places.get((story, counted_key(m.typed)), set()), m.typed.qualifier, contains
                )
                if held is not None:
                    place, name = held
                    it.measures[i] = replace(m, typed=replace(m.typed, place=place, place_name=name))
                    settled += 1
                continue
            if m.typed.place is not None:
                continue
            found = places.get((story, counted_key(m.typed)))
            if found is not None and len(found) > 1 and contains is not None:
                whole = _story_whole(found, contains)
                if whole is not None:
                    place, name = whole
                    it.measures[i] = replace(m, drawn=replace(m.typed, place=place, place_name=name))
                    settled += 1
                continue
            if found is None or len(found) != 1:
                continue
            place, name, qualifier = next(iter(found))
            if qualifier is not None or place.startswith("area:"):
                continue
            if is_country(place):
                it.measures[i] = replace(
                    m, typed=replace(m.typed, place=place, place_name=name, qualifier=qualifier)
                )
            else:
                # "10,000 people are missing" in a story that counts the missing only "in Derna":
                # drawn with Derna's figures, compared with none (it may be Derna's or the rest's)
                it.measures[i] = replace(m, drawn=replace(m.typed, place=place, place_name=name))
            settled += 1
    return settled


def _story_whole(
    found: set[tuple[str, str | None, str | None]], contains: Containment
) -> tuple[str, str | None] | None:
    """The place a story counts something in that holds every other place it counts it in.

    "16 dead in Ukraine", "14 in Kherson Oblast and two in Mykolaiv Oblast", "25 in the occupied
    part of the Kherson region": a story that counts a toll in several places, one of which
    holds all the others, tells its reader what the whole is; "the toll rose to ten" with no
    place is that whole's toll (a part is named as one). Areas named only by who holds them
    ("rebel-held areas") have no extent in the gazetteer and neither hold nor block a whole; a
    side's part of the whole itself ("Libya (east)") is inside it. Only where at least two
    places are named: one place alone may be the whole, or a part beside an unnamed rest."""
    named = {(p, n, q) for p, n, q in found if not p.startswith("area:")}
    if len({p for p, _n, _q in named}) < 2:
        return None
    wholes = [
        (p, n)
        for p, n, q in named
        if q is None and all(other == p or contains(p, other) for other, _n, _q in named)
    ]
    return wholes[0] if len(wholes) == 1 else None


def _places_by_agreement(items: list[ClaimItem], story_of: dict[str, str]) -> int:
    """A figure with no place takes the place its story gives the very same figure.

    "At least 16 people are confirmed dead" and "the toll has risen to 16 in Ukraine", "29
    people have died in territories that Moscow controls … the death toll had risen to 29": the
    clusters already hold such pairs to be one proposition (the same number of the same thing,
    once with its place and once without); the unplaced one is drawn and compared in the placed
    one's series. Only where every placed statement of that figure in the story names one place;
    the same number in two places says nothing of an unplaced one. Returns how many moved."""
    from .clusters import SAME_FIGURE_DAYS, one_figure, same_exact

    placed: dict[
        tuple[str | None, str], list[tuple[Quantity, date | None, tuple[str, str | None, str | None]]]
    ]
    placed = defaultdict(list)
    loose: list[tuple[ClaimItem, int]] = []
    for it in items:
        if it.neutral or it.negative:
            continue
        for i, m in enumerate(it.measures):
            q = it.claim.quantities[m.position]
            if vague(q) or m.typed.unit in FIXED_PROPERTIES:
                continue
            if m.typed.place is None:
                loose.append((it, i))
            else:
                where = (m.typed.place, m.typed.place_name, m.typed.qualifier)
                placed[(story_of.get(it.doc.id), counted_key(m.typed))].append((q, m.typed.as_of, where))
    moved = 0
    for it, i in loose:
        m = it.measures[i]
        q = it.claim.quantities[m.position]
        found = set()
        for other, when, where in placed.get((story_of.get(it.doc.id), counted_key(m.typed)), []):
            close = (
                when is not None
                and m.typed.as_of is not None
                and abs((when - m.typed.as_of).days) <= SAME_FIGURE_DAYS
            )
            if same_exact(q, other) or (close and one_figure(q, other)):
                found.add(where)
        if len(found) == 1:
            place, name, qualifier = found.pop()
            it.measures[i] = replace(
                m, typed=replace(m.typed, place=place, place_name=name, qualifier=qualifier)
            )
            moved += 1
    return moved


def _sides_by_compass(
    items: list[ClaimItem], story_of: dict[str, str], is_country: Callable[[str], bool]
) -> int:
    """One name for a side's area that a story names by its holder and by its compass direction.

    "The rebel-held northwest" tells the story's reader that the northwest is the rebels': in
    that story "northwestern Syria" and "rebel-held areas" are that one area, and so is "the
    rebel-held northwest" itself. Read from the story's own words, never from a map: a story
    that names a compass part of a country with no side keeps it as said. Returns how many
    figures were renamed."""
    sides: dict[tuple[str | None, str], set[str]] = defaultdict(set)
    for it in items:
        for m in it.measures:
            t = m.typed
            if t.place and t.place.startswith("area:") and t.qualifier:
                parts = t.qualifier.split(", ")
                held = [p for p in parts if p not in COMPASS]
                for p in parts:
                    if p in COMPASS and len(held) == 1:
                        sides[(story_of.get(it.doc.id), p)].add(held[0])
    renamed = 0
    for it in items:
        story = story_of.get(it.doc.id)
        for i, m in enumerate(it.measures):
            t = m.typed
            if not t.place or not t.qualifier:
                continue
            parts = t.qualifier.split(", ")
            compass = [p for p in parts if p in COMPASS]
            held = [p for p in parts if p not in COMPASS]
            if len(compass) != 1:
                continue
            side = sides.get((story, compass[0]))
            if side is None or len(side) != 1:
                continue
            (holder,) = side
            if t.place.startswith("area:") and held != [holder]:
                continue
            if not t.place.startswith("area:") and (held or not is_country(t.place)):
                continue
            it.measures[i] = replace(
                m, typed=replace(t, place=f"area:{holder}", place_name=f"{holder} areas", qualifier=holder)
            )
            renamed += 1
    return renamed


def _held_whole(
    found: set[tuple[str, str | None, str | None]], qualifier: str | None, contains: Containment
) -> tuple[str, str | None] | None:
    """The one named place under ``qualifier`` that holds every other such place, if any."""
    held = {(p, n) for p, n, q in found if q == qualifier and qualifier and not p.startswith("area:")}
    for place, name in held:
        if all(other == place or contains(place, other) for other, _n in held):
            return place, name
    return None


def place_containment(places=None) -> Containment:  # noqa: ANN001 - a reportedly.places.Places
    """``contains(outer, inner)`` over the places gazetteer, for single and combined places.

    A combined place ("Turkey+Syria", from "in Turkey and Syria") holds each of its members
    and whatever lies inside them; a part is inside a whole when each of its members is.
    """
    from ..places import default_places

    gaz = places or default_places()

    def inside(outer_ids: list[str], pid: str) -> bool:
        inner = gaz.get(pid)
        for oid in outer_ids:
            if oid == pid:
                return True
            outer = gaz.get(oid)
            if outer is not None and inner is not None and gaz.contains(outer, inner):
                return True
        return False

    def contains(outer: str, inner: str) -> bool:
        outer_ids, inner_ids = outer.split("+"), inner.split("+")
        if set(outer_ids) == set(inner_ids):
            return False
        return all(inside(outer_ids, pid) for pid in inner_ids)

    return contains
