"""Where a story puts a figure that names no place: one function, one rule order (``story_place``).

Each case is a small story told as sentences (in the comments) and built as the figures its
measures would be: what is counted, where, by whom, when. The place ids are made up ("Country",
"Town"), with a containment and a country test of their own, so that the rules, not the
gazetteer, are what is tested.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from reportedly.link.corpus import ClaimItem, DocItem, Measured
from reportedly.link.numbers import numeric_conflicts
from reportedly.link.settle import (
    MAIN_PLACE,
    ONLY_COUNTRY,
    SAME_FIGURE,
    WHOLE,
    settle_places,
    story_counts,
    story_place,
)
from reportedly.model import Claim, ClaimKind, Cue, Document, Measure, Quantity, SectionKind, Span, Stance

_N = iter(range(10_000))
INSIDE = {("Country", "Town"), ("Country", "Region"), ("Region", "Town"), ("Country", "Village")}


def contains(outer: str, inner: str) -> bool:
    return (outer, inner) in INSIDE


def is_country(place: str) -> bool:
    return place in ("Country", "Abroad")


def country_of(place: str) -> tuple[str, str] | None:
    return ("Country", "Country") if place in ("Country", "Region", "Town", "Village") else None


def figure(
    value: float,
    day: int,
    place: str | None = None,
    *,
    what: str = "killed",
    qualifier: str | None = None,
    stance: Stance = Stance.ASSERTED,
    text: str | None = None,
) -> ClaimItem:
    n = next(_N)
    written = text or f"{value:g}"
    doc = Document(text=f"report {n}: {written}", outlet=f"Outlet {n}", published=date(2025, 5, day))
    number = None if text else value
    q = Quantity(0, len(written), written, number, number, number, False, "people")
    claim = Claim(
        ClaimKind.INDIRECT,
        SectionKind.BODY,
        stance,
        Cue(0, 4, "said", "say"),
        [Span(0, len(written), f"{written} people died")],
        quantities=[q],
        id=f"c{n}",
    )
    item = ClaimItem(claim, DocItem(doc, doc.outlet or ""), None, None, stance is Stance.DENIED)
    name = None if place is None else place
    measure = Measure(what, "people", place=place, place_name=name, qualifier=qualifier, as_of=doc.published)
    item.measures.append(Measured(0, measure))
    return item


def placed(items: list[ClaimItem], bare: ClaimItem):  # noqa: ANN201 - a StoryPlace or None
    """Where the story of ``items`` puts the first measure of ``bare``."""
    story = {it.doc.id: "s" for it in [*items, bare]}
    counts = story_counts([*items, bare], story)
    m = bare.measures[0]
    count = counts.get(("s", "people killed" if m.typed.what == "killed" else f"people {m.typed.what}"))
    if count is None:
        return None
    return story_place(
        bare.claim.quantities[0],
        m.typed.as_of,
        count,
        stated=bare.claim.stance is Stance.ASSERTED,
        is_country=is_country,
        contains=contains,
        country_of=country_of,
    )


def test_the_same_figure_placed_comes_first_even_where_the_story_has_a_whole():
    # "16 people died in the Region", "40 died across the Country", "5 died in the Town", then
    # "at least 16 people are confirmed dead" with no place: the Region's 16, not the Country's
    story = [figure(16, 3, "Region"), figure(40, 3, "Country"), figure(5, 3, "Town")]
    found = placed(story, figure(16, 3))
    assert found is not None and found.rule == SAME_FIGURE
    assert found.drawn == found.compared == ("Region", "Region", None) and not found.read
    # the same number told in two places says nothing of which one an unplaced one is
    twice = [figure(16, 3, "Region"), figure(16, 3, "Town"), figure(40, 3, "Country")]
    assert placed(twice, figure(16, 3)).rule == WHOLE


def test_a_denied_or_vague_figure_agrees_with_no_placed_one():
    # "the ministry denied that 16 died": no figure stated, so it is placed by the story, not the 16
    story = [figure(16, 3, "Region"), figure(40, 3, "Country")]
    denied = figure(16, 3, stance=Stance.DENIED)
    assert placed(story, denied).rule == WHOLE
    # "thousands" is no figure at all
    assert placed(story, figure(0, 3, text="thousands")).rule == WHOLE


def test_the_storys_one_country_is_drawn_and_compared():
    # "the toll rose to 137" in a story whose every placed toll is "in the Country"
    found = placed([figure(40, 3, "Country"), figure(61, 4, "Country")], figure(137, 5))
    assert found.rule == ONLY_COUNTRY and found.drawn == found.compared == ("Country", "Country", None)
    assert not found.read


def test_a_whole_is_drawn_but_compared_only_where_it_is_the_storys_country():
    # "9 died in the Region", "30 in the Country", then "the toll rose to 12": drawn with the
    # Country's tolls (the whole), compared as the Country's (it holds every place) and read so
    found = placed([figure(9, 3, "Region"), figure(30, 3, "Country")], figure(12, 4))
    assert found.rule == WHOLE and found.drawn == ("Country", "Country", None)
    assert found.compared == ("Country", "Country", None) and found.read
    # a whole that is no country (a region holding a town) is drawn, compared as unplaced...
    # ...unless the gazetteer puts the story's places in one country: the story's country
    found = placed([figure(9, 3, "Town"), figure(30, 3, "Region")], figure(12, 4))
    assert found.rule == WHOLE and found.drawn == ("Region", "Region", None)
    assert found.compared == ("Country", "Country", None) and found.read


def test_the_storys_one_town_is_drawn_and_compared_as_that_site():
    # "10,100 are missing in the Town", then "10,000 people are missing": drawn with the Town's
    # figures; compared as the Town's too (the story counts the missing at one site and names
    # no other place of its country: read as the Country's, the figure would be a whole the
    # Town's figures are parts of)
    found = placed([figure(10100, 3, "Town", what="missing")], figure(10000, 4, what="missing"))
    assert found.rule == MAIN_PLACE and found.drawn == ("Town", "Town", None)
    assert found.compared == ("Town", "Town", None) and found.read


def test_places_with_no_whole_leave_the_figure_unplaced_or_the_country_it_mostly_lies_in():
    # tolls in the Country and Abroad, neither inside the other: no series to draw it in
    found = placed([figure(9, 3, "Abroad"), figure(30, 3, "Country")], figure(12, 4))
    assert found is None
    # three of four placed tolls in the Country, one abroad (a stray): the Country, which holds
    # the rest, is the story's whole (round 15; before, drawn nowhere) and compared as its figure
    story = [
        figure(9, 3, "Region"),
        figure(3, 3, "Village"),
        figure(30, 3, "Country"),
        figure(1, 3, "Abroad"),
    ]
    found = placed(story, figure(12, 4))
    assert found.rule == WHOLE and found.drawn[0] == "Country" and found.compared[0] == "Country"
    # two of four abroad is no stray: no whole, and no country to compare it as
    story = [figure(9, 3, "Region"), figure(30, 3, "Country"), figure(1, 3, "Abroad"), figure(2, 3, "Abroad")]
    found = placed(story, figure(12, 4))
    assert found is None or (found.drawn is None and found.rule != WHOLE)


def test_a_story_counting_on_both_sides_of_a_front_compares_no_unplaced_figure():
    # "29 died in the occupied part of the Region", "16 in the Country": "35 lives in total" may
    # be both sides' sum; it is drawn with the Country's, and compared with none
    story = [figure(29, 3, "Region", qualifier="occupied:X"), figure(16, 3, "Country")]
    found = placed(story, figure(35, 4))
    assert found.rule == WHOLE and found.compared is None and not found.read
    # one place named under a side's control is no story place: an unqualified figure may be the other side's
    assert placed([figure(29, 3, "Region", qualifier="occupied:X")], figure(35, 4)) is None


def test_settling_keeps_what_the_text_says_and_settles_afresh_on_each_run():
    country, bare = figure(40, 3, "Country"), figure(61, 4)
    story = {country.doc.id: "s", bare.doc.id: "s"}
    assert settle_places([country, bare], story, is_country, contains, country_of) == 1
    m = bare.measures[0]
    assert m.typed.place is None and m.measure == "people killed in Country" and m.placed_by == ONLY_COUNTRY
    # the story loses its placed figure: the unplaced one keeps nothing an earlier run read into it
    assert settle_places([bare], story, is_country, contains, country_of) == 0
    m = bare.measures[0]
    assert m.measure == "people killed" and m.compared is None and m.placed_by is None


def test_a_toll_read_as_the_storys_country_is_no_whole_for_a_part_told_later():
    # "30 died in the Region" on the 3rd, "the toll stands at 12" on the 2nd (the Country's, read),
    # and "a further report: 25 in the Town" a day after it: the Town's figure grew past a toll
    # read for the Country, which no report gave the Country
    region, bare, town = figure(30, 3, "Region"), figure(12, 2), figure(25, 3, "Town")
    items = [region, bare, town]
    story = {it.doc.id: "s" for it in items}
    settle_places(items, story, is_country, contains, country_of)
    assert bare.measures[0].read and bare.measures[0].compared.place == "Country"
    rows = numeric_conflicts(items, story, contains)
    assert not [c for c in rows if not c.declined and "“12”" in c.why]
    # the same toll given in a report as the Country's own is a whole the Town's figure exceeds
    stated = figure(12, 2, "Country")
    items = [region, stated, town]
    story = {it.doc.id: "s" for it in items}
    settle_places(items, story, is_country, contains, country_of)
    rows = numeric_conflicts(items, story, contains)
    assert [c for c in rows if not c.declined and "“12”" in c.why and "which contains it" in c.why]


def test_a_stray_place_abroad_does_not_unplace_the_storys_figures():
    # "10,100 are missing in the Town" told by three reports, and one report of a flood abroad
    # ("four are missing Abroad") linked into the story: "10,000 people are missing" is drawn with
    # the Town's figures still
    story = [figure(10100, 3, "Town", what="missing") for _ in range(3)]
    story.append(figure(4, 3, "Abroad", what="missing"))
    found = placed(story, figure(10000, 4, what="missing"))
    assert found.rule == MAIN_PLACE and found.drawn == ("Town", "Town", None)
    # as many figures abroad as at home: either could be the figure's, it is drawn nowhere
    story = [figure(10100, 3, "Town", what="missing"), figure(4, 3, "Abroad", what="missing")]
    assert placed(story, figure(10000, 4, what="missing")) is None
    # two places in the story's country (a town and a village beside it): the figure could be
    # either's or their sum, whatever a stray abroad says
    story = [figure(10100, 3, "Town", what="missing") for _ in range(3)]
    story += [figure(30, 3, "Village", what="missing"), figure(4, 3, "Abroad", what="missing")]
    found = placed(story, figure(10000, 4, what="missing"))
    assert found is None or found.drawn is None
    # a place under a side's control: an unplaced figure may be that side's
    story = [figure(10100, 3, "Town", what="missing") for _ in range(3)]
    story += [figure(40, 3, "Region", what="missing", qualifier="occupied:X")]
    found = placed(story, figure(10000, 4, what="missing"))
    assert found is None or found.drawn is None


def test_a_compass_part_of_the_country_holding_the_storys_places_is_its_whole():
    # "2,000 died in the west of the Country", "more than 1,000 across the Region": "the toll
    # rose to 2,100" is drawn with the west's tolls, the part the story names for all its places
    story = [figure(2000, 3, "Country", qualifier="west"), figure(1000, 3, "Region")]
    found = placed(story, figure(2100, 4))
    assert found.rule == WHOLE and found.drawn == ("Country", "Country", "west")
    # the story's one place, a compass part: drawn there as well
    found = placed([figure(2000, 3, "Country", qualifier="west")], figure(2100, 4))
    assert found.rule == MAIN_PLACE and found.drawn == ("Country", "Country", "west")
    # two parts of the Country, or the Country itself beside its west: the part is no whole
    two = [figure(2000, 3, "Country", qualifier="west"), figure(30, 3, "Country", qualifier="north")]
    found = placed([*two, figure(9, 3, "Region")], figure(2100, 4))
    assert found is None or found.rule != WHOLE
    country = [figure(2000, 3, "Country", qualifier="west"), figure(2500, 3, "Country")]
    assert placed(country, figure(2100, 4)).drawn != ("Country", "Country", "west")
    # a story counting on either side of a front: a compass part may be one side's, never a whole
    front = [*story, figure(5, 3, "Town", qualifier="occupied:X")]
    found = placed(front, figure(2100, 4))
    assert found is None or found.drawn != ("Country", "Country", "west")


def test_a_nationality_naming_the_whole_group_does_not_split_the_same_count():
    # "nine Moldovans were arrested in Town", "police arrested nine Moldovans" and, a day later,
    # "nine people were arrested": one count, drawn in one series
    named = figure(9, 3, "Town", what="arrested")
    named.measures[0] = Measured(0, replace(named.measures[0].typed, subject="Moldovan"))
    again = figure(9, 4, what="arrested")
    again.measures[0] = Measured(0, replace(again.measures[0].typed, subject="Moldovan"))
    plain = figure(9, 4, what="arrested")
    other = figure(7, 4, what="arrested")  # another figure keeps its own series
    items = [named, again, plain, other]
    settle_places(items, {it.doc.id: "s" for it in items}, is_country, contains, country_of)
    assert plain.measures[0].measure == "Moldovan people arrested in Town"
    assert other.measures[0].typed.subject is None
    # a figure the story mostly tells plainly stays in its plain series ("471 killed" in most
    # reports, "471 Moldovans" in one)
    once = figure(471, 3, what="killed")
    once.measures[0] = Measured(0, replace(once.measures[0].typed, subject="Moldovan"))
    plains = [figure(471, 3, what="killed") for _ in range(2)]
    items = [once, *plains]
    settle_places(items, {it.doc.id: "s" for it in items}, is_country, contains, country_of)
    assert all(p.measures[0].typed.subject is None for p in plains)
    # a part of the group ("including 40 Moldovans") has a figure of its own: never matched
    part = figure(40, 3, what="rescued")
    part.measures[0] = Measured(0, replace(part.measures[0].typed, subject="Moldovan"))
    whole = figure(95, 3, what="rescued")
    items = [part, whole]
    settle_places(items, {it.doc.id: "s" for it in items}, is_country, contains, country_of)
    assert whole.measures[0].typed.subject is None
    # two nationalities for the same figure: which one is not the story's to say
    a = figure(9, 3, what="arrested")
    a.measures[0] = Measured(0, replace(a.measures[0].typed, subject="Moldovan"))
    b = figure(9, 3, what="arrested")
    b.measures[0] = Measured(0, replace(b.measures[0].typed, subject="Latvian"))
    bare = figure(9, 3, what="arrested")
    items = [a, b, bare]
    settle_places(items, {it.doc.id: "s" for it in items}, is_country, contains, country_of)
    assert bare.measures[0].typed.subject is None
