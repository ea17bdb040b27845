"""Round 12 numeric rules (link/numbers.py, link/conflicts_reading.py, link/conflicts_figures.py):
the people aboard one vessel as a property of the voyage; the rest of a group, the bodies found so
far, one person's children and the missing as figures that are no rival of a toll; a speaker's own
past as no count. Sentences written for these tests."""

from __future__ import annotations

from reportedly.link.conflicts_figures import sighted
from reportedly.link.conflicts_reading import not_the_count, rest_of_group
from reportedly.link.numbers import numeric_conflicts
from test_link_conflicts_figures import rows, said


def test_the_people_aboard_one_vessel_disagree_on_any_day_and_whatever_place_is_named():
    low = said("the agency", "up to 300 people were on board the trawler", ["300"], day=3, what="on_board")
    high = said(
        "a rescuer",
        "900 people from Chad and Sudan were on board",
        ["900"],
        day=9,
        what="on_board",
        place="Chad",
    )
    (row,) = rows(low, high)
    assert not row.declined and "aboard" in row.why
    # the same figure relayed by another origin, and a range that holds both, are no disagreement
    same = said("a paper", "300 people were on board the trawler", ["300"], day=5, what="on_board")
    assert rows(low, same) == []
    # one origin's two figures are its update, as for any count
    again = said("the agency", "up to 500 people were on board", ["500"], day=4, what="on_board")
    assert all(r.declined for r in rows(low, again))


def test_the_rest_of_a_group_is_no_rival_of_the_whole():
    rest = said("the police", "the remaining three workers are presumed dead", ["three"], day=5)
    whole = said("the mayor", "five workers were killed", ["five"], day=4)
    assert rest_of_group(rest, rest.claim.quantities[0])
    (row,) = rows(whole, rest)
    assert row.declined and "rest of a group" in row.why
    more = said("a paper", "two more workers remained missing", ["two"], day=5, what="missing")
    assert rest_of_group(more, more.claim.quantities[0])
    other = said("a paper", "the 4 other workers remained missing", ["4"], day=5, what="missing")
    assert rest_of_group(other, other.claim.quantities[0])
    # "more than" is a bound, not a rest; a plain figure is the count
    bound = said("a paper", "10 more than last year drowned", ["10"], day=5)
    plain = said("a paper", "three workers died", ["three"], day=5)
    assert not rest_of_group(bound, bound.claim.quantities[0])
    assert not rest_of_group(plain, plain.claim.quantities[0])


def test_bodies_found_so_far_are_no_lower_toll():
    found = said("the police", "the bodies of two workers were recovered from the river", ["two"], day=6)
    toll = said("the mayor", "five workers died when the pier fell", ["five"], day=4)
    (row,) = rows(toll, found)
    assert row.declined and "bodies found" in row.why
    # against another count of bodies, the found are compared
    bodies = said("the navy", "the bodies of five workers were recovered", ["five"], day=4)
    q, qo = found.claim.quantities[0], bodies.claim.quantities[0]
    assert not_the_count(found, q, bodies, qo) is None


def test_a_parents_children_are_no_count_of_the_event():
    father = said("the union", "one of the dead was a father of two from the coast", ["two"], day=6)
    toll = said("the mayor", "five workers died", ["five"], day=4)
    (row,) = rows(toll, father)
    assert row.declined and "children" in row.why


def test_the_missing_fall_as_the_search_finds_them():
    first = said("the coast guard", "6 workers are missing", ["6"], day=3, what="missing")
    later = said(
        "the governor", "divers are still looking for 4 missing workers", ["4"], day=5, what="missing"
    )
    (row,) = rows(first, later)
    assert row.declined and "remains" in row.why
    # a later higher figure of the missing from another origin still disagrees
    up = said("the governor", "9 workers are missing", ["9"], day=5, what="missing")
    (row,) = rows(first, up)
    assert not row.declined


def test_what_a_speaker_lived_through_is_no_count():
    past = said("a captain", "the first ship I was on was 40 people", ["40"], day=5)
    assert sighted(past, past.claim.quantities[0])
    plain = said("a captain", "40 people were on the ship", ["40"], day=5)
    assert not sighted(plain, plain.claim.quantities[0])


def test_those_still_missing_are_no_rival_of_all_who_went_missing():
    went = said("a paper", "6 workers went missing after the pier fell", ["6"], day=5, what="missing")
    left = said("a station", "4 workers remained missing after the fall", ["4"], day=5, what="missing")
    (row,) = rows(went, left)
    assert row.declined and "still missing" in row.why
    # two figures of those still missing, the same day, disagree
    also = said("a radio", "2 workers remain missing after the fall", ["2"], day=5, what="missing")
    assert not_the_count(also, also.claim.quantities[0], left, left.claim.quantities[0]) is None


def test_the_missing_of_a_whole_told_days_after_a_part_may_have_fallen():
    part = said("the coast guard", "6 workers are missing", ["6"], day=3, what="missing", place="Port")
    whole = said("the governor", "4 workers are still missing", ["4"], day=5, what="missing", place="Land")
    out = numeric_conflicts(
        [part, whole], {part.doc.id: "s1", whole.doc.id: "s1"}, lambda o, i: (o, i) == ("Land", "Port")
    )
    assert out and all(r.declined for r in out)
