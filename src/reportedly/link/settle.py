"""Where a figure is drawn and compared: the places of measures settled across a story.

Places the texts name are first given the story's names for them (a compass part the story
names as one side's, an area named by its holder as that side's part of the story's place).
Then every figure with no place goes through one function, :func:`story_place`, with one rule
order: the same figure placed, the story's one country, the story's whole, the story's one
place, and, for the comparison, the story's country. It says where the figure is drawn (its
series) and where :mod:`.numbers` compares it; the containment test (a region inside its
country) comes from the places gazetteer.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date

from ..model import Measure, Quantity
from .conflicts_figures import one_site
from .corpus import ClaimItem, vague
from .countries import CountryOf, gazetteer_country_of, gazetteer_is_country
from .numbers import COMPASS, FIXED_PROPERTIES, Containment, counted_key

#: Share of a story's placed figures (for one thing counted) that one country must hold for a
#: figure with no place to be compared as that country's (rule 5 of :func:`story_place`).
DOMINANT = 0.75

#: A place as a measure names it: (place id, place name, control qualifier).
Where = tuple[str, str | None, str | None]

#: The rules that place a figure whose text names none, in the order :func:`story_place` tries
#: them (the first that applies decides; see its docstring).
SAME_FIGURE = "the same figure placed"
ONLY_COUNTRY = "the story's one country"
WHOLE = "the story's whole"
MAIN_PLACE = "the story's main place"
STORY_COUNTRY = "the story's country"
RULES = (SAME_FIGURE, ONLY_COUNTRY, WHOLE, MAIN_PLACE, STORY_COUNTRY)


@dataclass(slots=True)
class StoryCount:
    """Where one story counts one thing (what, whose, in which scope): what the rules read.

    Read from what the texts say, before any figure is placed, so that the order figures are
    settled in changes nothing."""

    #: every place a figure of it names, stated or not, exact or vague ("thousands in Derna")
    places: set[Where] = field(default_factory=set)
    #: the figures stated as facts (not denied, not "thousands"), with their place
    figures: list[tuple[Quantity, date | None, Where]] = field(default_factory=list)
    #: the places of the stated figures, placed by their text or by the same figure placed (rule
    #: 1): where the story's reports put what they count, each report once (rule 5 weighs them)
    tally: list[Where] = field(default_factory=list)
    #: whether the story counts anything on either side of a front ("occupied", "rebel-held")
    front: bool = False

    def same_figure(self, q: Quantity, as_of: date | None) -> Where | None:
        """The one place the story gives the very same figure (exactly so, or the same number
        within a day, as the clusters hold), if it gives it one place only."""
        found = {where for other, when, where in self.figures if _one_figure(q, as_of, other, when)}
        return found.pop() if len(found) == 1 else None


@dataclass(frozen=True, slots=True)
class StoryPlace:
    """Where a story puts a figure that names no place, and by which rule."""

    drawn: Where | None  # the series it is drawn in; None: left unplaced
    compared: Where | None  # the place the conflicts compare it as; None: as unplaced
    read: bool  # ``compared`` is the story's country read for it, not a place a report gives it
    rule: str


def story_counts(
    items: Iterable[ClaimItem], story_of: dict[str, str]
) -> dict[tuple[str | None, str], StoryCount]:
    """Per (story, counted key), where the story counts that thing (:class:`StoryCount`)."""
    counts: dict[tuple[str | None, str], StoryCount] = defaultdict(StoryCount)
    fronts: set[str | None] = set()
    loose: list[tuple[tuple[str | None, str], Quantity, date | None]] = []
    for it in items:
        story = story_of.get(it.doc.id)
        asserted = not (it.neutral or it.negative)
        for m in it.measures:
            t = m.typed
            q = it.claim.quantities[m.position]
            stated = asserted and not vague(q)
            if stated and _side(t.qualifier):
                fronts.add(story)
            if t.unit in FIXED_PROPERTIES:
                continue
            if t.place is None:
                if stated:
                    loose.append(((story, counted_key(t)), q, t.as_of))
                continue
            where = (t.place, t.place_name, t.qualifier)
            count = counts[(story, counted_key(t))]
            count.places.add(where)
            if stated:
                count.figures.append((q, t.as_of, where))
                count.tally.append(where)
    for key, q, as_of in loose:
        found = counts[key].same_figure(q, as_of) if key in counts else None
        if found is not None:
            counts[key].tally.append(found)
    for (story, _key), count in counts.items():
        count.front = story in fronts
    return dict(counts)


def story_place(
    q: Quantity,
    as_of: date | None,
    count: StoryCount,
    *,
    stated: bool,
    is_country: Callable[[str], bool],
    contains: Containment | None = None,
    country_of: CountryOf | None = None,
) -> StoryPlace | None:
    """Where a story puts a figure ``q`` (of ``as_of``) that names no place, or None.

    A figure with no place means the story's place; which place that is, the story's own
    figures of the same thing (``count``) say. The rules, in order (the first that applies
    decides where the figure is drawn; where it is compared follows with it):

    1. **the same figure placed** (:data:`SAME_FIGURE`): "at least 16 people are confirmed dead"
       beside "the toll has risen to 16 in Ukraine": the very same figure (exact, or the same
       number within a day), stated as a fact, given one place in the story, and only one, is
       that place's. Drawn and compared there.
    2. **the story's one country** (:data:`ONLY_COUNTRY`): "the toll rose to 137" in a story
       whose every placed toll is "in Russia". Drawn and compared there: whatever part of the
       country it counts, it holds inside it.
    3. **the story's whole** (:data:`WHOLE`): the story names several places and one holds all
       the others (tolls in Turkey, in Syria and in "Turkey and Syria"): drawn in that whole's
       series (a part is named as one), compared as unplaced, since it could still be a part.
       Where no place holds them all, strays abroad are set aside as in rule 4 (the country
       nearly every placed figure lies in) and the whole is looked for among the rest.
       Areas named only by who holds them have no extent and neither make nor block a whole.
       In a story with no front, a compass part of a place ("western Afghanistan") that holds
       the story's other places is that whole, and drawn there when it is the one place named.
    4. **the story's main place** (:data:`MAIN_PLACE`): the one place the story names, a town
       or region ("missing in Derna"), or where it names others, the one it names in the
       country (nearly, :data:`DOMINANT`) all its placed figures lie in, the others being
       strays abroad that few figures name (a flood elsewhere linked into the story, a misread
       name): drawn with that place's figures, compared as unplaced (it may be the place's or
       the rest's).
    5. **the story's country** (:data:`STORY_COUNTRY`), for the comparison only, after 3, 4 or
       none: first the story's one site (:func:`~reportedly.link.conflicts_figures.one_site`:
       "between 100 and 300 killed in the blast at the hospital in Gaza" makes an unplaced "471
       killed" that site's, not a whole the site's figures are parts of); else one country the
       story names holds (nearly, :data:`DOMINANT`) every place
       it counts the thing in (each stated figure once, those placed by rule 1 too), else
       the gazetteer puts (nearly) all of them in one country (``country_of``), and the story
       counts nothing on either side of a front. Compared as that country's figure (``read``:
       the conflicts do not hold a later or another report's larger part against it); the
       series it is drawn in is what 3 or 4 said.

    A place named with a control qualifier ("the occupied part of the region") is no story
    place for 2 and 4: an unqualified figure may be either side's. Rules 3 and 5 need
    ``contains``."""
    same = count.same_figure(q, as_of) if stated and not vague(q) else None
    if same is not None:
        return StoryPlace(same, same, False, SAME_FIGURE)
    drawn: Where | None = None
    rule = STORY_COUNTRY
    if len(count.places) == 1:
        ((place, name, qualifier),) = count.places
        if qualifier is None and not place.startswith("area:"):
            if is_country(place):
                return StoryPlace((place, name, None), (place, name, None), False, ONLY_COUNTRY)
            drawn, rule = (place, name, None), MAIN_PLACE
        elif _compass_only(qualifier) and not count.front and not place.startswith("area:"):
            # "2,000 killed in western Afghanistan" is the story's one place: its part of the country
            drawn, rule = (place, name, qualifier), MAIN_PLACE
    elif contains is not None:
        whole = _story_whole(count.places, contains, compass=not count.front)
        if whole is None and country_of is not None:
            # strays abroad set aside, as for rule 4: "Andalusia" read as a town in Alabama must
            # not keep a story of tolls in Spain and its regions from having Spain as its whole
            whole = _story_whole(_at_home(count, country_of), contains, compass=not count.front)
        if whole is not None:
            drawn, rule = whole, WHOLE
    if drawn is None and len(count.places) > 1:
        main = _main_place(count, country_of)
        if main is not None:
            drawn, rule = (main[0], main[1], None), MAIN_PLACE
    compared = None
    if contains is not None and not count.front:
        country = _story_country(count, is_country, contains, country_of)
        compared = (country[0], country[1], None) if country is not None else None
    if drawn is None and compared is None:
        return None
    return StoryPlace(drawn, compared, compared is not None, rule)


def _home_country(tally: list[Where], country_of: CountryOf) -> tuple[str, str] | None:
    """The country (nearly, :data:`DOMINANT`) every stated figure the story places lies in, if any:
    the places outside it are strays (rules 3, 4 and 5)."""
    if not tally:
        return None
    (top, n), *_ = Counter(country_of(p) for p, _n, _q in tally).most_common(1)
    return top if top is not None and n >= DOMINANT * len(tally) else None


def _at_home(count: StoryCount, country_of: CountryOf) -> set[Where]:
    """The places of ``count`` inside its home country (:func:`_home_country`); none without one."""
    top = _home_country(count.tally, country_of)
    return {w for w in count.places if country_of(w[0]) == top} if top is not None else set()


def _main_place(count: StoryCount, country_of: CountryOf | None) -> tuple[str, str | None] | None:
    """The story's one place once stray places are set aside (rule 4): (nearly, :data:`DOMINANT`)
    every stated figure the story places lies in one country, and the story names one place in
    it; a place in another country that few figures name is a report of somewhere else (a flood
    abroad, another attack, a misread name). None where any place is named by its holder or
    under a side's control: an unplaced figure may be that side's."""
    if country_of is None or not count.tally:
        return None
    if any(q is not None or p.startswith("area:") for p, _n, q in count.places):
        return None
    top = _home_country(count.tally, country_of)
    if top is None:
        return None
    inside = {(p, name) for p, name, _q in count.places if country_of(p) == top}
    return inside.pop() if len(inside) == 1 else None


def _one_figure(q: Quantity, as_of: date | None, other: Quantity, when: date | None) -> bool:
    """The very same figure: exactly so, or the same number within a day (as the clusters hold)."""
    from .clusters import SAME_FIGURE_DAYS, one_figure, same_exact

    if same_exact(q, other):
        return True
    close = when is not None and as_of is not None and abs((when - as_of).days) <= SAME_FIGURE_DAYS
    return close and one_figure(q, other)


def _story_country(
    count: StoryCount,
    is_country: Callable[[str], bool],
    contains: Containment,
    country_of: CountryOf | None,
) -> tuple[str, str | None] | None:
    """The one country holding (nearly) every stated figure the story places (rule 5)."""
    placed = count.tally
    if not placed:
        return None
    named = {(p, n) for p, n, q in placed if q is None}
    for place, name in sorted(named, key=lambda x: x[0]):
        if not is_country(place):
            continue
        held = sum(1 for p, _n, _q in placed if p == place or contains(place, p))
        if held >= DOMINANT * len(placed):
            return place, name
    site = one_site(placed, country_of)
    if site is not None:
        return site  # "killed in the blast at the hospital in Gaza": that site's toll, not its country's
    return _home_country(placed, country_of) if country_of is not None else None


def _side(qualifier: str | None) -> bool:
    """Whether a control qualifier names a side ("occupied:RU", "held:rebel"), not only a compass part."""
    return bool(qualifier) and any(q not in COMPASS for q in (qualifier or "").split(", "))


def settle_places(
    items: Iterable[ClaimItem],
    story_of: dict[str, str],
    is_country: Callable[[str], bool] | None = None,
    contains: Containment | None = None,
    country_of: CountryOf | None = None,
) -> int:
    """Settle the places of a story's figures; returns how many figures were renamed or placed.

    First the places the texts name are given the story's names for them: a compass part the
    story names as one side's (:func:`_sides_by_compass`), an area named only by who holds it
    as that side's part of the one place the story names under that control ("29 died in
    territories that Moscow controls" in a story of "the Russian-occupied parts of the Kherson
    region"), when every place the story names under that control lies inside one of them.
    Then each figure with no place is placed by :func:`story_place` (one rule order): its
    ``drawn`` measure is the series it is drawn in, its ``compared`` measure the one conflicts
    compare; ``typed`` stays as the text says. Applied after clustering.

    ``is_country`` and ``country_of`` are by default the places gazetteer's (``country_of``
    only when ``is_country`` is not given either)."""
    if is_country is None:
        is_country, country_of = gazetteer_is_country(), country_of or gazetteer_country_of()
    items = list(items)
    settled = _sides_by_compass(items, story_of, is_country)
    settled += same_figure_nationality(items, story_of)
    if contains is not None:
        settled += _held_wholes(items, story_of, contains)
    counts = story_counts(items, story_of)
    for it in items:
        story = story_of.get(it.doc.id)
        stated = not (it.neutral or it.negative)
        for i, m in enumerate(it.measures):
            t = m.typed
            if t.place is not None or t.unit in FIXED_PROPERTIES:
                continue
            count = counts.get((story, counted_key(t)))
            found = count and story_place(
                it.claim.quantities[m.position],
                t.as_of,
                count,
                stated=stated,
                is_country=is_country,
                contains=contains,
                country_of=country_of,
            )
            # settled afresh on every run: a figure keeps no place an earlier run read into it
            it.measures[i] = replace(
                m,
                drawn=_at(t, found.drawn) if found else None,
                compared=_at(t, found.compared) if found else None,
                read=found.read if found else False,
                placed_by=found.rule if found else None,
            )
            settled += found is not None
    return settled


#: A figure told with a nationality: (quantity, as of, nationality, place).
_Told = tuple[Quantity, date | None, str, str | None]


def same_figure_nationality(items: list[ClaimItem], story_of: dict[str, str]) -> int:
    """A figure told without a nationality takes the one the story mostly gives the same figure.

    "Nine Egyptians were arrested" and "nine people were arrested" (the same nine, told a day
    apart) are one count: a nationality naming the whole group counted says who they are, not a
    part of them, so the plain figure is drawn with it rather than in a series of its own. Only
    the very same figure (exact, or the same number within a day; stated as a fact) of the same
    thing, in the same scope, in a place the plain figure does not contradict (none, or the
    same), where the story gives it one nationality, and tells it so more often than plainly:
    "471 people were killed" told by most reports stays in the story's toll when one says "471
    Palestinians". "47 Syrians" among "104 survivors" is a part with a figure of its own and
    never matches. Returns how many figures took one."""
    told: dict[tuple[str | None, str], list[_Told]] = defaultdict(list)
    plain: dict[tuple[str | None, str], list[_Told]] = defaultdict(list)
    for it in items:
        if it.neutral or it.negative:
            continue
        for m in it.measures:
            t, q = m.typed, it.claim.quantities[m.position]
            if t.unit in FIXED_PROPERTIES or vague(q):
                continue
            if _nationality(t.subject):
                told[(story_of.get(it.doc.id), _plain_key(t))].append((q, t.as_of, t.subject or "", t.place))
            elif t.subject is None:
                plain[(story_of.get(it.doc.id), _plain_key(t))].append((q, t.as_of, "", t.place))
    renamed = 0
    for it in items:
        if it.neutral or it.negative:
            continue
        for i, m in enumerate(it.measures):
            t, q = m.typed, it.claim.quantities[m.position]
            if t.subject is not None or t.unit in FIXED_PROPERTIES or vague(q):
                continue
            key = (story_of.get(it.doc.id), _plain_key(t))
            named = [
                subject
                for other, when, subject, place in told.get(key, ())
                if t.place in (None, place) and _one_figure(q, t.as_of, other, when)
            ]
            if len(set(named)) != 1:
                continue
            bare = sum(
                1
                for other, when, _s, place in plain.get(key, ())
                if place in (None, t.place) and _one_figure(q, t.as_of, other, when)
            )
            if len(named) > bare:
                it.measures[i] = replace(m, typed=replace(t, subject=named[0]))
                renamed += 1
    return renamed


def _nationality(subject: str | None) -> bool:
    """A subject naming who the counted are ("Egyptian"), not which of them ("second")."""
    return bool(subject) and subject[:1].isupper()


def _plain_key(m: Measure) -> str:
    """The series key with neither nationality nor place: what is counted, in which scope."""
    return counted_key(replace(m, subject=None))


def _at(m: Measure, where: Where | None) -> Measure | None:
    if where is None:
        return None
    place, name, qualifier = where
    return replace(m, place=place, place_name=name, qualifier=qualifier)


def _held_wholes(items: list[ClaimItem], story_of: dict[str, str], contains: Containment) -> int:
    """An area named only by its holder as that side's part of the story's one place under that
    control (:func:`_held_whole`). Returns how many figures were renamed."""
    places: dict[tuple[str | None, str], set[Where]] = defaultdict(set)
    for it in items:
        for m in it.measures:
            if m.typed.place is not None:
                where = (m.typed.place, m.typed.place_name, m.typed.qualifier)
                places[(story_of.get(it.doc.id), counted_key(m.typed))].add(where)
    renamed = 0
    for it in items:
        for i, m in enumerate(it.measures):
            t = m.typed
            if t.unit in FIXED_PROPERTIES or t.place is None or not t.place.startswith("area:"):
                continue
            held = _held_whole(
                places.get((story_of.get(it.doc.id), counted_key(t)), set()), t.qualifier, contains
            )
            if held is not None:
                it.measures[i] = replace(m, typed=replace(t, place=held[0], place_name=held[1]))
                renamed += 1
    return renamed


def _story_whole(found: set[Where], contains: Containment, compass: bool = False) -> Where | None:
    """The place a story counts something in that holds every other place it counts it in.

    "16 dead in Ukraine", "14 in Kherson Oblast and two in Mykolaiv Oblast", "25 in the occupied
    part of the Kherson region": a story that counts a toll in several places, one of which
    holds all the others, tells its reader what the whole is; "the toll rose to ten" with no
    place is that whole's toll (a part is named as one). Areas named only by who holds them
    ("rebel-held areas") have no extent in the gazetteer and neither hold nor block a whole; a
    side's part of the whole itself ("Libya (east)") is inside it. Only where at least two
    places are named: one place alone may be the whole, or a part beside an unnamed rest.

    With ``compass`` (a story that counts nothing on either side of a front), a compass part of
    a place with no side may be the whole too: "2,000 killed in western Afghanistan" and "more
    than 2,000 across Herat" tell a story whose whole is the country's west, the part the story
    names for every place it counts in. It holds what lies inside its place, never the place
    itself or another part of it (a story naming "western" and "northern Syria" has no whole)."""
    named = {(p, n, q) for p, n, q in found if not p.startswith("area:")}
    if len({p for p, _n, _q in named}) < 2:
        return None

    def holds(p: str, q: str | None, other: str, other_q: str | None) -> bool:
        if other == p:
            return q is None or other_q == q
        return contains(p, other)

    wholes = [
        (p, n, q)
        for p, n, q in named
        if (q is None or (compass and _compass_only(q)))
        and all(holds(p, q, other, other_q) for other, _n, other_q in named)
    ]
    return wholes[0] if len(wholes) == 1 else None


def _compass_only(qualifier: str | None) -> bool:
    """Whether a qualifier names only a compass part of its place ("west"), no side holding it."""
    return bool(qualifier) and all(q in COMPASS for q in (qualifier or "").split(", "))


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
