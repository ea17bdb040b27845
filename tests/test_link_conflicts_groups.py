"""A figure its own words tell as a part of a group, a per-member count, a site of a breakdown or
a joint count of the dead and the missing (link/numbers.py, link/conflicts_figures.py), and two
figures one report orders in time. Sentences written for these tests."""

from __future__ import annotations

from datetime import date

from reportedly.link.numbers import numeric_conflicts, points_of
from reportedly.model import Document
from test_link_conflicts_figures import rows, said


def test_the_dead_and_the_missing_together_are_no_toll_of_the_dead():
    toll = said("The ministry", "the storm killed 46 people", ["46"], day=10)
    joint = said(
        "A chamber of commerce", "they had counted about 120 dead or missing at sea", ["120"], day=10
    )
    (row,) = rows(toll, joint)
    assert row.declined and "together" in row.why
    # a plain toll, told beside the other in one report, is a rival figure
    doc = Document(text="", outlet="One wire", published=date(2023, 8, 10))
    one = said("The ministry", "the storm killed 46 people", ["46"], day=10, doc=doc)
    other = said(
        "A chamber of commerce", "they had counted about 120 dead in the port", ["120"], day=10, doc=doc
    )
    (row,) = rows(one, other)
    assert not row.declined


def test_a_figure_told_among_a_larger_group_is_a_part_of_it():
    doc = Document(text="", outlet="One wire", published=date(2023, 8, 12))
    toll = said("The governor", "the storm killed at least 45 people", ["45"], day=12, doc=doc)
    part = said(
        "Prosecutors", "3 foreign residents were among the victims of the storm", ["3"], day=12, doc=doc
    )
    (row,) = rows(toll, part)
    assert row.declined and "part of a larger group" in row.why


def test_the_first_term_of_a_breakdown_by_place_is_one_sites_count():
    doc = Document(text="", outlet="One wire", published=date(2023, 8, 12))
    toll = said("The police", "a gunman killed at least 18 people", ["18"], day=12, doc=doc)
    site = said(
        "The sheriff", "8 people were killed at the bar and 7 at the bowling alley", ["8"], day=12, doc=doc
    )
    (row,) = rows(toll, site)
    assert row.declined and "breakdown by place" in row.why
    # without a second site, the lower figure of the same report is a rival toll
    plain = said("The sheriff", "8 people were killed at the bar on the main street", ["8"], day=12, doc=doc)
    assert any(not r.declined for r in rows(toll, plain))


def test_one_report_ordering_two_figures_of_the_missing_is_an_update():
    doc = Document(text="", outlet="One wire", published=date(2023, 8, 12))
    first = said(
        "The government",
        "it had initially reported 4 missing persons",
        ["4"],
        day=12,
        what="missing",
        doc=doc,
    )
    now = said("The minister", "10 people are unaccounted for", ["10"], day=12, what="missing", doc=doc)
    (row,) = rows(first, now)
    assert row.declined and "the report tells the update" in row.why
    # in two reports of one day, with nothing told of which came first, they disagree
    other = said("The minister", "10 people are unaccounted for", ["10"], day=12, what="missing")
    plain = said("The government", "it reported 4 missing persons", ["4"], day=12, what="missing")
    (row,) = rows(plain, other)
    assert not row.declined


def test_the_figure_a_claim_tells_the_count_moved_from_is_no_current_figure():
    revised = said("The state government", "it revised the toll to 275 from 288", ["275", "288"], day=5)
    assert [p.quantity.text for p in points_of([revised])] == ["275"]
    # the lower later figure of another origin does not contradict the figure revised away
    final = said("The secretary", "the final toll has been fixed at 275", ["275"], day=6)
    assert rows(revised, final) == []


def test_evacuees_told_as_staying_at_shelters_are_a_state_that_falls():
    before = said(
        "A wire",
        "more than 9,000 people were continuing to shelter in halls",
        ["9,000"],
        day=9,
        what="evacuated",
    )
    after = said(
        "A paper", "around 8,000 people are staying at shelters", ["8,000"], day=11, what="evacuated"
    )
    (row,) = rows(before, after)
    assert row.declined and "falls" in row.why
    # evacuated told plainly is a count that only grows: a later lower figure disagrees
    plain = said("A paper", "around 8,000 people were evacuated", ["8,000"], day=11, what="evacuated")
    (row,) = rows(
        said("A wire", "more than 9,000 people were evacuated", ["9,000"], day=9, what="evacuated"), plain
    )
    assert not row.declined


def test_bodies_handed_over_are_no_whole_for_a_places_toll():
    def inside(outer: str, inner: str) -> bool:
        return (outer, inner) == ("Land", "Town")

    town = said(
        "The agency", "the floods killed at least 120 people in the town", ["120"], day=5, place="Town"
    )
    handed = said(
        "The court", "it authorised the handing over of nearly 40 bodies", ["40"], day=6, place="Land"
    )
    ((row,),) = [numeric_conflicts([town, handed], {}, inside)]
    assert row.declined and "bodies handled" in row.why
    # a toll of the whole place below its part's disagrees
    toll = said("The court", "the floods have killed nearly 40 people", ["40"], day=6, place="Land")
    ((row,),) = [numeric_conflicts([town, toll], {}, inside)]
    assert not row.declined


def test_a_report_telling_the_move_from_a_figure_reconciles_it_with_another_reports():
    doc = Document(text="", outlet="State wire", published=date(2023, 8, 6))
    said("The state government", "it revised the death toll to 275 from 288", ["275"], day=6, doc=doc)
    final = said("The secretary", "the final toll has been fixed at 275", ["275"], day=6, doc=doc)
    early = said("A paper", "the train crash killed 288 people", ["288"], day=5)
    assert all(r.declined for r in rows(early, final))
    assert any("moving from one to the next" in r.why for r in rows(early, final))
    # with no move told, the later lower figure of another origin disagrees
    plain = said("The secretary", "the final toll has been fixed at 275", ["275"], day=6)
    assert any(not r.declined for r in rows(early, plain))


def test_a_figure_its_report_tells_as_an_early_one_is_no_rival_of_a_later_lower_count():
    early = said(
        "A network",
        "previous estimates from aid groups put the number of deaths at more than 900",
        ["900"],
        day=4,
    )
    later = said("The health agency", "the floods left 640 people dead", ["640"], day=8)
    (row,) = rows(early, later)
    assert row.declined and "early figure" in row.why
    # told as the count of its day, the earlier higher figure of another origin disagrees
    plain = said("A network", "aid groups put the number of deaths at more than 900", ["900"], day=4)
    (row,) = rows(plain, later)
    assert not row.declined


def test_an_early_mark_after_the_later_figure_does_not_make_it_early():
    early = said("A network", "previous estimates put the number of deaths at more than 900", ["900"], day=4)
    later = said(
        "The health agency",
        "the floods left 640 people dead (adjusting the numbers from a previous report)",
        ["640"],
        day=8,
    )
    (row,) = rows(early, later)
    assert row.declined and "early figure" in row.why


def test_a_whole_broken_down_by_place_or_the_unidentified_dead_are_no_part_or_whole():
    def inside(outer: str, inner: str) -> bool:
        return (outer, inner) == ("Land", "Town")

    summed = said(
        "The agency",
        "at least 230 people have died, with 220 of those deaths in the town and ten elsewhere",
        ["230"],
        day=6,
        place="Town",
    )
    toll = said("The court", "the floods have killed 200 people", ["200"], day=6, place="Land")
    ((row,),) = [numeric_conflicts([summed, toll], {}, inside)]
    assert row.declined and "whole it breaks down" in row.why
    town = said(
        "The agency", "the floods killed at least 120 people in the town", ["120"], day=5, place="Town"
    )
    pending = said("The court", "62 bodies were still pending identification", ["62"], day=6, place="Land")
    ((row,),) = [numeric_conflicts([town, pending], {}, inside)]
    assert row.declined and "unidentified" in row.why
