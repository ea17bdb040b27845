"""Numeric conflicts that understand scope and time: what is a contradiction, and what is declined.

Each case is a pair of hand-built figures for one measure; the expectations follow the glossary:
a later figure from the same origin is an update, counts that only grow conflict when a later
figure from another origin is lower, snapshots conflict only on the same day, and a part larger
than its whole is a contradiction while a part smaller than its whole is not.
"""

from __future__ import annotations

from datetime import date

from reportedly.link.corpus import ClaimItem, DocItem, Measured
from reportedly.link.entities import Canonical
from reportedly.link.numbers import numeric_conflicts
from reportedly.model import (
    Claim,
    ClaimKind,
    Cue,
    Document,
    EntityType,
    Measure,
    MeasureScope,
    Quantity,
    SectionKind,
    Span,
    Stance,
)

_N = iter(range(10_000))


def point(
    value: float,
    day: int,
    origin: str,
    *,
    what: str = "killed",
    place: str | None = "X",
    low: float | None = None,
    high: float | None = None,
    scope=MeasureScope.POINT,
    approximate: bool = False,
) -> ClaimItem:
    n = next(_N)
    text = f"{value:g} people"
    doc = Document(text=f"doc {n}: {text}", outlet=f"Outlet {n}", published=date(2025, 3, day))
    q = Quantity(
        0,
        1,
        f"{value:g}",
        value,
        value if low is None and high is None else low,
        value if low is None and high is None else high,
        approximate,
        "people",
    )
    claim = Claim(
        ClaimKind.INDIRECT,
        SectionKind.BODY,
        Stance.ASSERTED,
        Cue(0, 0, "", "say"),
        [Span(0, 1, "x")],
        quantities=[q],
        id=f"c{n}",
    )
    m = Measure(what, "people", place=place, place_name=place, scope=scope, as_of=date(2025, 3, day))
    item = ClaimItem(
        claim, DocItem(doc, doc.outlet), Canonical(origin, origin, EntityType.AGENCY), None, False
    )
    item.measures.append(Measured(0, m))
    return item


def verdicts(*items: ClaimItem, contains=None):
    return [(c.declined, c.why) for c in numeric_conflicts(items, {}, contains)]


def test_the_same_origin_updating_is_declined():
    ((declined, why),) = verdicts(point(40, 3, "ministry"), point(61, 4, "ministry"))
    assert declined and "same origin" in why


def test_a_later_lower_count_from_another_origin_conflicts():
    ((declined, why),) = verdicts(point(4300, 12, "UN"), point(2274, 14, "rescuers"))
    assert not declined and "lower than the earlier" in why


def test_a_later_higher_count_is_growth_not_conflict():
    ((declined, why),) = verdicts(point(2274, 12, "rescuers"), point(4300, 14, "UN"))
    assert declined and "higher" in why


def test_same_day_counts_conflict_only_side_by_side_in_one_report_and_far_apart():
    ((declined, _why),) = verdicts(point(17134, 9, "agency"), point(17600, 9, "wire", low=17600, high=None))
    assert declined
    # two reports of one day: a rising toll read at two hours, whichever came first
    ((declined, why),) = verdicts(point(60, 9, "agency"), point(133, 9, "committee"))
    assert declined and "within a day" in why
    # one report setting two origins' figures side by side: they disagree at one moment
    monitor, ministry = point(5329, 9, "monitor"), point(1414, 9, "ministry")
    ministry.doc = monitor.doc
    ((declined, why),) = verdicts(monitor, ministry)
    assert not declined and "one report" in why
    close = point(5000, 9, "ministry")
    close.doc = monitor.doc
    ((declined, _why),) = verdicts(monitor, close)
    assert declined


def test_bounds_that_meet_are_not_compared():
    assert verdicts(point(3614, 9, "ministry"), point(3600, 9, "wire", low=3600, high=None)) == []
    assert verdicts(point(6000, 9, "UN", approximate=True), point(6400, 9, "other")) == []


def test_snapshots_conflict_on_the_same_day_only():
    same_day = verdicts(point(25, 12, "governor", what="missing"), point(41, 12, "minister", what="missing"))
    assert [d for d, _ in same_day] == [False]
    days_apart = verdicts(
        point(27, 10, "governor", what="missing"), point(31, 17, "minister", what="missing")
    )
    assert [d for d, _ in days_apart] == [True]


def test_different_series_never_meet():
    # injured vs dead, a forecast vs a count, two places
    assert verdicts(point(105505, 9, "a", what="injured"), point(35418, 9, "b")) == []
    assert verdicts(point(56000, 9, "a", scope=MeasureScope.FORECAST), point(28191, 9, "b")) == []
    assert verdicts(point(4300, 9, "a", place="North"), point(1414, 9, "b", place="South")) == []


def test_a_part_larger_than_its_whole_conflicts_and_a_smaller_part_does_not():
    def inside(outer: str, inner: str) -> bool:
        return (outer, inner) == ("Region", "Town")

    ((declined, why),) = verdicts(
        point(500, 18, "resistance", place="Town"),
        point(29, 17, "administration", place="Region"),
        contains=inside,
    )
    assert not declined and "which contains it" in why
    assert verdicts(point(5, 8, "a", place="Town"), point(8, 9, "b", place="Region"), contains=inside) == []


def test_an_order_of_magnitude_states_no_figure_to_contradict():
    from dataclasses import replace

    from reportedly.link.clusters import figure_groups
    from reportedly.link.corpus import vague

    hundreds = point(200, 3, "ministry", low=200)
    q = hundreds.claim.quantities[0]
    hundreds.claim.quantities[0] = replace(q, text="hundreds", value=None, high=None, approximate=True)
    assert vague(hundreds.claim.quantities[0])
    assert not vague(point(150, 3, "agency").claim.quantities[0])
    # "hundreds" on day 3 against 150 from another origin the same day: no conflict, none declined
    assert verdicts(hundreds, point(150, 3, "agency")) == []
    # and "hundreds" makes no figure cluster with "more than 200" either
    assert figure_groups([hundreds, point(250, 3, "agency", low=200)]) == []


def test_a_town_under_a_sides_control_is_part_of_that_sides_areas():
    from dataclasses import replace

    def held(item: ClaimItem, place: str, qualifier: str) -> ClaimItem:
        m = item.measures[0]
        item.measures[0] = type(m)(m.position, replace(m.typed, place=place, qualifier=qualifier))
        return item

    whole = held(point(29, 18, "installed governor"), "area:occupied", "occupied")
    town = held(point(500, 19, "aid group", low=500), "geo:town", "occupied")
    ((declined, why),) = verdicts(town, whole, contains=lambda outer, inner: False)
    assert not declined and "500" in why and "29" in why
    # a town held by the other side is no part of these areas
    other = held(point(500, 19, "aid group", low=500), "geo:town", "government")
    assert verdicts(other, whole, contains=lambda outer, inner: False) == []


def test_undated_snapshots_are_declined_saying_so():
    from dataclasses import replace

    a, b = point(1300, 3, "ministry", what="flooded"), point(14000, 3, "agency", what="flooded")
    for item in (a, b):
        m = item.measures[0]
        item.measures[0] = type(m)(m.position, replace(m.typed, as_of=None))
    ((declined, why),) = verdicts(a, b)
    assert declined and "undated" in why and "None" not in why


def test_a_figure_with_no_place_takes_the_one_place_its_story_counts_in():
    from reportedly.link.settle import settle_places

    countries = {"Valmont", "Riverton"}.__contains__
    placed, bare = point(40, 3, "ministry", place="Valmont"), point(61, 4, "police", place=None)
    story = {placed.doc.id: "s1", bare.doc.id: "s1"}
    assert settle_places([placed, bare], story, countries) == 1
    assert bare.measures[0].measure == placed.measures[0].measure == "people killed in Valmont"
    # a region may not be the story's whole: a figure with no place may be in the region or beside
    # it, so it is drawn with the region's figures but keeps no place and is compared with none
    region, bare = point(40, 3, "ministry", place="Eastland"), point(61, 2, "police", place=None)
    story = {region.doc.id: "s1", bare.doc.id: "s1"}
    assert settle_places([region, bare], story, countries) == 1
    assert bare.measures[0].measure == "people killed in Eastland" and bare.measures[0].typed.place is None
    assert not [c for c in numeric_conflicts([region, bare], story) if not c.declined]


def test_a_figure_with_no_place_stays_so_where_the_story_names_several_or_counts_elsewhere():
    from reportedly.link.settle import settle_places

    a, b = point(40, 3, "ministry", place="Valmont"), point(9, 3, "police", place="Riverton")
    bare = point(61, 4, "rescuers", place=None)
    countries = {"Valmont", "Riverton"}.__contains__
    assert settle_places([a, b, bare], {a.doc.id: "s1", b.doc.id: "s1", bare.doc.id: "s1"}, countries) == 0
    assert bare.measures[0].measure == "people killed"
    # one place in another story, or for another thing counted, says nothing of this figure
    other = point(40, 3, "ministry", place="Valmont")
    injured = point(12, 3, "ministry", place="Riverton", what="injured")
    story = {other.doc.id: "s2", injured.doc.id: "s1", bare.doc.id: "s1"}
    assert settle_places([other, injured, bare], story, countries) == 0
    assert bare.measures[0].measure == "people killed"


def test_about_widens_a_figure_but_not_into_the_next_round_figure_a_seventh_away():
    # "about 7,000" then "about 6,000" from another origin: two round figures a thousand apart
    ((declined, why),) = verdicts(
        point(7000, 14, "monitor", approximate=True), point(6000, 16, "UN", approximate=True)
    )
    assert not declined and "lower" in why
    # "about 6,000" holds 6,200
    assert verdicts(point(6000, 14, "monitor", approximate=True), point(6200, 14, "agency")) == []


def test_about_reaches_the_next_round_figure_within_a_tenth():
    assert (
        verdicts(point(11000, 14, "agency", approximate=True), point(12000, 15, "ministry", approximate=True))
        == []
    )


def test_an_area_named_by_its_holder_is_that_sides_part_of_the_storys_place():
    from dataclasses import replace

    from reportedly.link.settle import settle_places

    def contains(outer: str, inner: str) -> bool:
        return (outer, inner) == ("Region", "Town")

    def held(value: float, day: int, origin: str, place: str) -> ClaimItem:
        item = point(value, day, origin, place=place)
        m = item.measures[0]
        item.measures[0] = replace(m, typed=replace(m.typed, qualifier="occupied"))
        return item

    region, town = held(8, 9, "governor", "Region"), held(500, 19, "outlet", "Town")
    area = held(29, 17, "officials", "area:occupied")
    story = {x.doc.id: "s1" for x in (region, town, area)}
    assert settle_places([region, town, area], story, lambda _p: False, contains) == 1
    assert area.measures[0].typed.place == "Region"
    # two places held by the side, neither inside the other: the area stays an area
    other, area2 = held(3, 9, "mayor", "Elsewhere"), held(29, 17, "officials", "area:occupied")
    story = {x.doc.id: "s1" for x in (region, other, area2)}
    assert settle_places([region, other, area2], story, lambda _p: False, contains) == 0
    assert area2.measures[0].typed.place == "area:occupied"


def test_one_report_telling_its_count_growing_is_no_conflict():
    first, updated = point(3, 13, "governor"), point(6, 13, "mayor")
    updated.doc = first.doc
    first.claim.sentence = Span(0, 1, "According to initial reports, three residents were killed")
    ((declined, why),) = verdicts(first, updated)
    assert declined and "tells the update" in why
    # told the other way round (the later figure lower), one report still shows a disagreement
    high, low = point(6, 13, "governor"), point(3, 13, "mayor")
    low.doc = high.doc
    high.claim.sentence = Span(0, 1, "According to initial reports, six residents were killed")
    ((declined, _why),) = verdicts(high, low)
    assert not declined


def test_the_number_of_attackers_is_a_fact_of_the_event():
    from dataclasses import replace as _replace

    def attackers(value: float, day: int, origin: str, **kw) -> ClaimItem:
        it = point(value, day, origin, place=None, **kw)
        m = it.measures[0]
        it.measures[0] = Measured(0, _replace(m.typed, what=None, unit="attackers"))
        return it

    # "at least five gunmen" and "the four men who attacked": they cannot both be right, days apart
    ((declined, why),) = verdicts(attackers(5, 1, "videos", low=5, high=None), attackers(4, 6, "president"))
    assert not declined and "cannot be both" in why
    assert verdicts(attackers(3, 1, "witnesses", low=3, high=None), attackers(4, 2, "president")) == []


def test_a_compass_part_the_story_names_as_a_sides_is_that_sides_area():
    from dataclasses import replace

    from reportedly.link.settle import settle_places

    def placed(value: float, day: int, origin: str, place: str, qualifier: str) -> ClaimItem:
        item = point(value, day, origin, place=place)
        m = item.measures[0]
        name = f"{qualifier} areas" if place.startswith("area:") else place
        item.measures[0] = replace(m, typed=replace(m.typed, qualifier=qualifier, place_name=name))
        return item

    said = placed(4400, 16, "UN", "area:held:rebel, north", "held:rebel, north")
    compass = placed(4300, 14, "OCHA", "Country", "north")
    holder = placed(4300, 15, "agency", "area:held:rebel", "held:rebel")
    other = placed(900, 15, "ministry", "Country", "south")
    story = {x.doc.id: "s1" for x in (said, compass, holder, other)}
    settle_places([said, compass, holder, other], story, lambda p: p == "Country")
    keys = [x.measures[0].typed.key for x in (said, compass, holder, other)]
    assert keys[:3] == ["people killed in held:rebel areas"] * 3
    # the south was never said to be anyone's: it stays the country's south
    assert keys[3] == "people killed in Country (south)"
    # in a story that never ties the north to a side, "the north" stays as said
    alone = placed(4300, 14, "OCHA", "Country", "north")
    settle_places([alone], {alone.doc.id: "s2"}, lambda p: p == "Country")
    assert alone.measures[0].typed.key == "people killed in Country (north)"


def test_unplaced_children_are_not_compared_where_the_story_places_the_count():
    from dataclasses import replace

    def children(value: float, day: int, origin: str) -> ClaimItem:
        it = point(value, day, origin, place=None, what="evacuated")
        m = it.measures[0]
        it.measures[0] = Measured(0, replace(m.typed, unit="children"))
        return it

    # "including 558 children" on one bank, "including 474 children" on the other, a day later
    placed = point(3600, 16, "ministry", place="Region", what="evacuated")
    a, b = children(558, 16, "governor"), children(474, 17, "ministry")
    story = {x.doc.id: "s1" for x in (placed, a, b)}
    assert numeric_conflicts([placed, a, b], story) == []
    # in a story that places no evacuation count, the two figures are compared
    story = {x.doc.id: "s1" for x in (a, b)}
    assert [c.declined for c in numeric_conflicts([a, b], story)] == [False]


def test_an_unplaced_figure_takes_the_place_its_story_gives_the_same_figure():
    from reportedly.link.settle import settle_places

    placed = point(16, 18, "ministry", place="Country")
    bare = point(16, 17, "officials", place=None)
    other = point(9, 17, "police", place=None)  # another figure: stays unplaced
    story = {x.doc.id: "s1" for x in (placed, bare, other)}
    settle_places([placed, bare, other], story, lambda _p: False)
    assert bare.measures[0].measure == placed.measures[0].measure  # drawn in the placed one's series
    assert bare.measures[0].compared.place == "Country"  # and compared there
    assert bare.measures[0].typed.place is None  # what the text says is kept
    # another figure is drawn with the story's one place (not known to be a country), compared with none
    assert other.measures[0].measure == "people killed in Country" and other.measures[0].compared is None
    # the same number given for two places says nothing of the unplaced one
    a, b = point(40, 3, "ministry", place="North"), point(40, 3, "agency", place="South")
    bare2 = point(40, 3, "outlet", place=None)
    story = {x.doc.id: "s2" for x in (a, b, bare2)}
    settle_places([a, b, bare2], story, lambda _p: False)
    assert bare2.measures[0].measure == "people killed" and bare2.measures[0].compared is None
    # in another story the same number is no evidence
    bare3 = point(16, 17, "officials", place=None)
    settle_places([placed, bare3], {placed.doc.id: "s1", bare3.doc.id: "s3"}, lambda _p: False)
    assert bare3.measures[0].measure == "people killed"


def test_flooded_homes_spread_with_the_water_but_homes_still_flooded_are_a_snapshot():
    # "up to 14,000 homes have been flooded", then "22,000 houses flooded" a day later: the flood spreading
    ((declined, why),) = verdicts(
        point(14000, 8, "emergency services", what="flooded", high=14000, low=None),
        point(22000, 9, "defence ministry", what="flooded"),
    )
    assert declined and "higher count" in why

    def still(value: float, day: int, origin: str) -> ClaimItem:
        it = point(value, day, origin, what="flooded")
        text = f"{value:g} homes remain flooded"
        it.claim.sentence = Span(0, len(text), text)
        return it

    # homes that remain flooded fall as the water recedes: a later lower figure is the flood easing,
    # not a count that fell
    ((declined, why),) = verdicts(still(1300, 10, "ministry"), still(700, 12, "governor"))
    assert declined and "falls" in why


def test_what_remains_in_hospital_falls_as_patients_leave():
    # "97 are still in hospital", then "80 remain in hospital" two days later from another voice
    ((declined, why),) = verdicts(
        point(97, 25, "officials", what="in_hospital"), point(80, 27, "minister", what="in_hospital")
    )
    assert declined and "falls" in why
    # a later higher count of those still in hospital, two days on, from another origin, contradicts
    ((declined, _why),) = verdicts(
        point(80, 25, "officials", what="in_hospital"), point(120, 27, "minister", what="in_hospital")
    )
    assert not declined


def test_an_unplaced_toll_is_drawn_with_the_place_that_holds_every_other_but_compared_with_none():
    from reportedly.link.settle import settle_places

    inside = {("Valmont", "Eastland"), ("Valmont", "Westfield")}

    def contains(outer: str, inner: str) -> bool:
        return (outer, inner) in inside

    # the whole is a region here: a country holding the story's places is the story's country,
    # and its unplaced figures are compared as that country's (tests/test_link_settle.py)
    countries = {"Riverton"}.__contains__
    whole = point(40, 3, "ministry", place="Valmont")
    east, west = point(25, 3, "governor", place="Eastland"), point(15, 3, "mayor", place="Westfield")
    bare = point(12, 4, "rescuers", place=None)  # lower than the whole's 40, a day later
    items = [whole, east, west, bare]
    story = {it.doc.id: "s1" for it in items}
    assert settle_places(items, story, countries, contains) == 1
    assert bare.measures[0].measure == "people killed in Valmont"
    assert bare.measures[0].typed.place is None  # what the text says is kept
    # "12 dead" with no place could be any part: it contradicts no one's figure for the whole
    assert not [c for c in numeric_conflicts(items, story, contains) if not c.declined]
    # no place holding the others (a toll abroad beside them): the figure stays unplaced
    abroad = point(3, 3, "embassy", place="Riverton")
    bare2 = point(12, 4, "rescuers", place=None)
    items = [whole, east, abroad, bare2]
    assert settle_places(items, {it.doc.id: "s1" for it in items}, countries, contains) == 0
    assert bare2.measures[0].measure == "people killed"
    # an area named only by who holds it has no extent: it is no whole, nor one place of the story
    held, bare3 = point(25, 3, "governor", place="area:held:rebel"), point(12, 4, "rescuers", place=None)
    assert settle_places([held, bare3], {held.doc.id: "s1", bare3.doc.id: "s1"}, countries, contains) == 0
    assert bare3.measures[0].measure == "people killed"


def _country(pid: str) -> bool:
    return pid == "Country"


def _settled(items: list[ClaimItem], story: dict[str, str], country_of=None):  # noqa: ANN001
    """The numeric conflicts once the story has placed its figures with no place (as linking does)."""
    from reportedly.link.settle import settle_places

    settle_places(items, story, _country, _inside, country_of)
    return numeric_conflicts(items, story, _inside)


def _inside(outer: str, inner: str) -> bool:
    return outer == "Country" and inner in ("Town", "Region")


def test_a_toll_with_no_place_is_the_toll_of_the_one_country_its_story_counts_in():
    # "11,300 died in Derna alone" (a town), "6,000 in Libya" (the country), then "the toll has
    # reached 3,958" with no place, a day later: the country's toll, below its own town's figure
    town = point(11300, 17, "relief agency", place="Town")
    country = point(6000, 13, "official", place="Country")
    toll = point(3958, 18, "health agency", place=None)
    story = {x.doc.id: "s1" for x in (town, country, toll)}
    rows = _settled([town, country, toll], story)
    reported = [c.why for c in rows if not c.declined]
    assert any("3958" in why and "11300" in why and "which contains it" in why for why in reported)
    # without the country's own figure the story names no country: the toll stays unplaced
    story = {x.doc.id: "s1" for x in (town, toll)}
    assert _settled([town, toll], story) == []


def test_a_toll_with_no_place_is_no_sides_where_the_story_counts_on_both_sides_of_a_front():
    from dataclasses import replace

    held = point(29, 17, "occupation officials", place="Region")
    held.measures[0] = Measured(0, replace(held.measures[0].typed, qualifier="occupied:RU"))
    country = point(16, 17, "government", place="Country")
    total = point(35, 16, "newspaper", place=None)
    story = {x.doc.id: "s1" for x in (held, country, total)}
    # "35 lives in total" may be both sides' sum: it is compared with neither
    assert [c for c in _settled([held, country, total], story) if not c.declined] == []


def test_a_figure_a_tenth_of_another_counts_something_narrower():
    # "3,478 Palestinians killed since October 7", then "13 Palestinians killed Thursday in a battle"
    ((declined, why),) = verdicts(point(3478, 18, "ministry"), point(13, 19, "wire"))
    assert declined and "order of magnitude" in why
    # a third lower is a disagreement still
    ((declined, _why),) = verdicts(point(4300, 12, "UN"), point(1414, 14, "rescuers"))
    assert not declined


def test_a_preliminary_figure_is_an_earlier_one():
    preliminary, later = point(320, 7, "UN"), point(2000, 7, "administration", low=2000, high=None)
    later.doc = preliminary.doc
    preliminary.claim.sentence = Span(0, 1, "The UN gave a preliminary figure of 320 dead")
    ((declined, why),) = verdicts(preliminary, later)
    assert declined and "tells the update" in why


def test_a_lower_figure_disagrees_once_with_the_latest_figure_before_it():
    rows = verdicts(point(5000, 13, "official"), point(6000, 14, "wire"), point(3958, 18, "UN"))
    reported = [why for declined, why in rows if not declined]
    assert len(reported) == 1 and "“6000”" in reported[0]
    assert any(declined and "latest figure before it" in why for declined, why in rows)


def test_up_to_leaves_a_figure_open_below():
    # "it was possible up to 20,000 had died" holds "3,958 dead" told later
    assert verdicts(point(20000, 17, "mayor", low=None, high=20000), point(3958, 18, "UN")) == []


def test_a_periods_count_is_no_part_of_a_running_total():
    def inside(outer: str, inner: str) -> bool:
        return (outer, inner) == ("Region", "Town")

    day = point(500, 18, "monitor", place="Town", scope=MeasureScope.PERIOD)
    total = point(300, 18, "ministry", place="Region")
    assert verdicts(day, total, contains=inside) == []


def test_one_part_above_several_wholes_of_one_origin_is_one_disagreement():
    def inside(outer: str, inner: str) -> bool:
        return (outer, inner) == ("Region", "Town")

    part = point(500, 18, "resistance", place="Town")
    wholes = [
        point(25, 16, "administration", place="Region"),
        point(29, 17, "administration", place="Region"),
    ]
    rows = verdicts(part, *wholes, contains=inside)
    reported = [why for declined, why in rows if not declined]
    assert len(reported) == 1 and "“29”" in reported[0]


def test_a_story_that_names_no_country_takes_the_one_its_places_lie_in():
    # "10,000 missing" then "5,000 missing" a day later, in a story that counts the missing only
    # "in Derna": both are the country's, two origins a day apart disagree
    town = point(10100, 17, "relief agency", place="Town", what="missing")
    first = point(10000, 12, "federation", place=None, what="missing")
    second = point(5000, 13, "migration agency", place=None, what="missing")
    story = {x.doc.id: "s1" for x in (town, first, second)}

    def country_of(pid: str) -> tuple[str, str] | None:
        return ("Country", "Country") if pid in ("Town", "Region", "Country") else None

    rows = _settled([town, first, second], story, country_of)
    assert any(not c.declined and "10000" in c.why and "5000" in c.why for c in rows)
    # a story counting anything on each side of a front: an unplaced figure may be either side's
    from dataclasses import replace

    held = point(29, 17, "occupation officials", place="Region")
    held.measures[0] = Measured(0, replace(held.measures[0].typed, qualifier="occupied:RU"))
    story[held.doc.id] = "s1"
    rows = _settled([town, first, second, held], story, country_of)
    assert not any(not c.declined and "10000" in c.why and "5000" in c.why for c in rows)


def test_costs_and_shares_are_never_held_against_each_other():
    # two bodies' reckonings of a cost, or shares of wholes each report draws, disagree by design
    assert verdicts(point(4300, 12, "UN", what="cost"), point(2274, 14, "rescuers", what="cost")) == []
    # nor two pledges of aid, two loans: any money is drawn, never compared
    assert verdicts(point(4300, 12, "UN", what="aid"), point(2274, 14, "rescuers", what="aid")) == []
    a, b = point(4300, 12, "UN"), point(2274, 14, "rescuers")
    for item in (a, b):
        m = item.measures[0]
        item.measures[0] = Measured(
            0, Measure(None, "percent of area", place="X", place_name="X", as_of=m.typed.as_of)
        )
    assert verdicts(a, b) == []
