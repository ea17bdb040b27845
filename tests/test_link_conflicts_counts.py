"""Round 13 numeric rules (link/numbers.py, link/conflicts_reading.py, link/conflicts_figures.py,
link/conflicts_containment.py): figures that count something else than the rival figure they were
set against. Many shocks' magnitudes, a further addition, a part of the total, a state of the
evacuated, a list of the missing being compiled, the missing read as the dead, a sum over
several provinces, a subset as a whole. Sentences written for these tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from reportedly.link.conflicts_figures import broken_down, several_units
from reportedly.link.conflicts_reading import (
    magnitudes_of_many,
    names_other_count,
    rest_of_group,
    same_update,
    snapshot,
    subset,
)
from reportedly.link.numbers import numeric_conflicts
from reportedly.model import Document, Quantity
from test_link_conflicts_figures import rows, said


def report(day: int, name: str) -> Document:
    """A report of its own (its id is read off its first text), for rules about two reports."""
    return Document(text=f"{name}.", outlet=name, published=date(2023, 8, day))


def test_a_range_of_magnitudes_is_many_shocks_not_the_main_one():
    many = Quantity(0, 6, "4 to 6", None, 4.0, 6.0, False, "magnitude")
    close = Quantity(0, 9, "6.8 to 7", None, 6.8, 7.0, False, "magnitude")
    one = Quantity(0, 3, "7.1", 7.1, 7.1, 7.1, False, "magnitude")
    assert magnitudes_of_many(many)
    assert not magnitudes_of_many(close) and not magnitudes_of_many(one)


def test_a_further_number_adds_to_the_toll():
    more = said("the governor", "12 further deaths were confirmed in the port town", ["12"], day=6)
    toll = said("the agency", "the toll had reached 80", ["80"], day=3)
    assert rest_of_group(more, more.claim.quantities[0])
    (row,) = rows(toll, more)
    assert row.declined and "rest of a group" in row.why
    plain = said("the governor", "12 deaths were confirmed", ["12"], day=6)
    assert not rest_of_group(plain, plain.claim.quantities[0])


def test_a_part_of_the_total_named_by_a_noun_is_a_term_of_a_breakdown():
    part = said("the prefecture", "of the total, 9 died of illness in shelters", ["9"], day=9)
    assert broken_down(part, part.claim.quantities[0])
    plain = said("the prefecture", "in total, 9 died", ["9"], day=9)
    assert not broken_down(plain, plain.claim.quantities[0])


def test_the_evacuated_told_as_still_in_shelters_are_a_state():
    state = said("the city", "40,000 people remain evacuated in gyms", ["40,000"], day=9, what="evacuated")
    done = said("the city", "40,000 people were evacuated", ["40,000"], day=9, what="evacuated")
    assert snapshot(state, "evacuated") and not snapshot(done, "evacuated")
    # days apart, a lower state is people going home, not a count that fell
    earlier = said("the army", "more than 50,000 were evacuated", ["50,000"], day=3, what="evacuated")
    (row,) = rows(earlier, state)
    assert row.declined
    # a lower count told plainly, two days after, still disagrees
    (row,) = rows(earlier, said("a paper", "40,000 were evacuated", ["40,000"], day=5, what="evacuated"))
    assert not row.declined


def test_a_list_of_the_missing_growing_is_no_disagreement():
    first = said(
        "the broadcaster", "20 people are missing", ["20"], day=3, what="missing", doc=report(3, "TV")
    )
    later = said(
        "a wire", "more than 150 people are still missing", ["150"], day=5, what="missing", doc=report(5, "W")
    )
    (row,) = rows(first, later)
    assert row.declined and "list of the missing" in row.why
    # the same day in two reports, far apart: two counts of one day disagree
    same = said("a wire", "45 people are missing", ["45"], day=3, what="missing", doc=report(3, "W3"))
    (row,) = rows(first, same)
    assert not row.declined
    # close figures are two counts of one list, and a fall is no list growing
    close = said("a wire", "26 people are missing", ["26"], day=4, what="missing", doc=report(4, "W4"))
    (row,) = rows(first, close)
    assert not row.declined
    fall = said("a wire", "5 people are missing", ["5"], day=4, what="missing", doc=report(4, "W5"))
    (row,) = rows(first, fall)
    assert not row.declined


def test_a_figure_read_as_the_dead_but_told_as_the_missing_is_not_compared():
    doc = Document(text="", outlet="Wire", published=date(2023, 8, 9))
    missing = said(
        "officials", "the number of people listed as missing jumped to 300", ["300"], day=9, doc=doc
    )
    q = missing.claim.quantities[0]
    assert names_other_count(missing, q, "killed") == "the missing"
    assert names_other_count(missing, q, "missing") is None
    toll = said("officials", "the quake killed 300 and left many missing", ["300"], day=9)
    assert names_other_count(toll, toll.claim.quantities[0], "killed") is None
    later = said("the governor", "the toll stood at 180", ["180"], day=10)
    (row,) = rows(missing, later)
    assert row.declined and "the missing" in row.why


def test_a_sum_over_several_provinces_is_no_rival_of_a_lower_figure():
    wide = said(
        "a newspaper",
        "400 people were injured in six provinces, the coast included",
        ["400"],
        day=3,
        doc=report(3, "N"),
    )
    assert several_units(wide, wide.claim.quantities[0])
    one = said("the broadcaster", "350 people were injured", ["350"], day=4, doc=report(4, "TV"))
    (row,) = rows(wide, one)
    assert row.declined and "several provinces" in row.why
    plain = said("a newspaper", "400 people were injured in the province", ["400"], day=3)
    assert not several_units(plain, plain.claim.quantities[0])


def test_a_subset_of_the_dead_is_no_whole_for_a_place():
    whole = said("a wire", "9 of the deaths were in shelters", ["9"], day=11, place="Country")
    assert subset(whole, whole.claim.quantities[0])
    part = said("a paper", "60 died in the port", ["60"], day=10, place="Port")

    def inside(outer: str, inner: str) -> bool:
        return (outer, inner) == ("Country", "Port")

    found = numeric_conflicts([part, whole], {}, inside)
    assert all(c.declined for c in found) and any("subset" in c.why for c in found)
    plain = said("a wire", "9 died in all", ["9"], day=11, place="Country")
    assert not subset(plain, plain.claim.quantities[0])
    assert any(not c.declined for c in numeric_conflicts([part, plain], {}, inside))


def test_two_reports_of_one_update_disagree_on_its_other_figure():
    def two(origin: str, content: str, figures: list[str], day: int, name: str):
        item = said(origin, content, figures, day=day, doc=report(day, name))
        item.measures[1].typed = replace(item.measures[1].typed, what="injured")
        return item

    first = two("the ministry", "1,187 people died and 3,400 others were injured", ["1,187", "3,400"], 4, "A")
    second = two("a news agency", "the toll was 1,187 and the injured 3,900", ["1,187", "3,900"], 9, "B")
    q1, q2 = first.claim.quantities[1], second.claim.quantities[1]
    assert same_update(first, q1, second, q2, "injured") == 1187.0
    found = [r for r in rows(first, second) if "injured" in (r.measure or "")]
    assert [r.declined for r in found] == [False] and "one update" in found[0].why
    # another toll beside it: two updates, and a later higher injured count is the count growing
    third = two("a news agency", "the toll was 1,500 and the injured 3,900", ["1,500", "3,900"], 9, "C")
    assert same_update(first, q1, third, third.claim.quantities[1], "injured") is None
    assert all(r.declined for r in rows(first, third) if "injured" in (r.measure or ""))


def test_two_origins_cost_estimates_disagree_only_side_by_side_in_one_report():
    doc = report(10, "Paper")
    low = said("a consultancy", "rebuilding would cost $500 million", ["500"], day=10, doc=doc)
    high = said("officials", "the cost could reach at least $2 billion", ["2"], day=10, doc=doc)
    for item, value in ((low, 5e8), (high, 2e9)):
        q = item.claim.quantities[0]
        item.claim.quantities[0] = replace(q, value=value, low=value, high=value, unit="USD")
        item.measures[0].typed = replace(item.measures[0].typed, what="cost", unit="USD")
    (row,) = rows(low, high)
    assert not row.declined
    # in two reports, or one origin's two estimates, they are reckoned differently: no row
    other = said("officials", "the cost could reach $2 billion", ["2"], day=10, doc=report(10, "Wire"))
    other.claim.quantities[0] = replace(other.claim.quantities[0], value=2e9, low=2e9, high=2e9, unit="USD")
    other.measures[0].typed = replace(other.measures[0].typed, what="cost", unit="USD")
    assert rows(low, other) == []


def test_a_round_or_bounded_companion_marks_no_update():
    def two(origin: str, content: str, figures: list[str], day: int, name: str):
        item = said(origin, content, figures, day=day, doc=report(day, name))
        item.measures[1].typed = replace(item.measures[1].typed, what="rescued")
        return item

    a = two("the coast guard", "17 died and 100 were rescued", ["17", "100"], 4, "A")
    b = two("a broadcaster", "59 died and 100 were rescued", ["59", "100"], 4, "B")
    assert same_update(a, a.claim.quantities[0], b, b.claim.quantities[0], "killed") is None
