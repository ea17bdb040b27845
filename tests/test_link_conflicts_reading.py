"""A figure's own words read again before it is compared (link/conflicts_reading.py), and the
numeric rules of round 11: a year's clause, an addition told days later, a sum in one report,
the day's finds before the toll. Sentences written for these tests."""

from __future__ import annotations

from datetime import date

from reportedly.link.conflicts_days import past_year_clause
from reportedly.link.conflicts_figures import second_of_one_count
from reportedly.link.conflicts_reading import reread
from reportedly.model import Document, Quantity
from test_link_conflicts_figures import rows, said


def _spelled(text: str) -> tuple[Quantity, Quantity]:
    """The two halves an extractor gives of a number written in words ("two hundred" / "and six")."""
    item = said("the ministry", text, [], day=4)
    body = item.doc.document.text
    head, tail = "two hundred", "six"
    at, end = body.index(head), body.index(" and six") + len(" and ")
    return (
        Quantity(at, at + len(head), head, 200.0, 200.0, 200.0, False, "people"),
        Quantity(end, end + len(tail), tail, 6.0, 6.0, 6.0, False, "people"),
    ), item  # type: ignore[return-value]


def test_a_number_written_in_words_and_split_is_not_the_figure():
    (head, tail), item = _spelled("two hundred and six passengers were taken to hospital")
    assert reread(item, head) is None and reread(item, tail) is None
    whole = said("the ministry", "206 passengers were taken to hospital", ["206"], day=4)
    q = whole.claim.quantities[0]
    assert reread(whole, q) == q


def test_a_hyphenated_range_and_a_floor_before_an_article_are_read_again():
    boat = said(
        "a witness", "the ferry was a 40- to 55-metre vessel", ["40"], day=3, what="length", unit="metres"
    )
    q = reread(boat, boat.claim.quantities[0])
    assert q is not None and (q.low, q.high) == (40.0, 55.0)
    other = said(
        "the port", "a 50- to 55-metre ferry left the harbour", ["50"], day=4, what="length", unit="metres"
    )
    # two ranges that overlap are no disagreement
    assert rows(boat, other) == []
    floor = said("the rescuers", "more than a 200 people were rescued", ["200"], day=6, what="rescued")
    q = reread(floor, floor.claim.quantities[0])
    assert q is not None and q.low == 200.0 and q.high is None
    exact = said("the navy", "212 people were rescued", ["212"], day=5, what="rescued")
    assert all(r.declined for r in rows(exact, floor))


def test_a_figure_in_a_clause_about_an_earlier_year_counts_that_event():
    doc = Document(text="", outlet="Harbour news", published=date(2023, 8, 4))
    old = said(
        "the paper",
        "it was the worst since May 2, 2011, when at least 230 people drowned",
        ["230"],
        day=4,
        doc=doc,
    )
    assert past_year_clause(old, old.claim.quantities[0])
    now = said("the paper", "at least 40 people drowned in 2023, when the ferry sank", ["40"], day=4)
    assert not past_year_clause(now, now.claim.quantities[0])


def _report(name: str, day: int) -> Document:
    """A report of its own (its id set: an empty text would give every report one id)."""
    return Document(text="", outlet=name, published=date(2023, 8, day), id=name)


def test_a_further_figure_told_days_later_is_an_addition_not_a_lower_total():
    first = said(
        "a ministry official", "11 people were arrested over the sinking", ["11"], day=5, what="arrested"
    )
    more = said(
        "an official",
        "a further five people were arrested in the north",
        ["five"],
        day=9,
        what="arrested",
        doc=_report("later report", 9),
    )
    (row,) = rows(first, more)
    assert row.declined and "addition" in row.why
    # a plain lower total days later is still a disagreement
    lower = said(
        "an official",
        "five people were arrested over the sinking",
        ["five"],
        day=9,
        what="arrested",
        doc=_report("another report", 9),
    )
    (row,) = rows(first, lower)
    assert not row.declined


def test_two_figures_of_one_report_with_the_term_that_sums_them_are_parts_and_whole():
    def report() -> Document:
        return Document(text="", outlet="Daily of the arrests", published=date(2023, 8, 9))

    doc = report()
    total = said("police", "they have arrested 17 people", ["17"], day=9, doc=doc, what="arrested")
    part = said("an officer", "we have arrested 12 suspects", ["12"], day=9, doc=doc, what="arrested")
    rest = said(
        "an official", "five people were arrested in the south", ["five"], day=9, doc=doc, what="arrested"
    )
    assert all(r.declined for r in rows(total, part, rest))
    doc = report()
    total = said("police", "they have arrested 17 people", ["17"], day=9, doc=doc, what="arrested")
    part = said("an officer", "we have arrested 12 suspects", ["12"], day=9, doc=doc, what="arrested")
    (row,) = rows(total, part)
    assert not row.declined  # no term makes the sum: side by side in one report


def test_a_smaller_figure_before_a_larger_one_of_its_count_is_a_part():
    finds = said(
        "the coastguard",
        "two bodies were recovered on Monday after the sinking that killed at least 90",
        ["two", "90"],
        day=7,
    )
    keys = [(0, "killed"), (1, "killed")]
    assert second_of_one_count(finds, 0, keys)
    # a larger figure first keeps it: "471 killed, in addition to 314 injured" gives the toll first
    toll = said("the ministry", "the toll reached 471, in addition to 314 injured", ["471", "314"], day=7)
    assert not second_of_one_count(toll, 0, keys) and second_of_one_count(toll, 1, keys)


def test_the_dead_not_yet_identified_are_a_part_of_the_toll():
    # "41 bodies were still awaiting identification": the unnamed dead, not a rival toll
    toll = said("the ministry", "at least 130 people have died in the floods", ["130"], day=4)
    unnamed = said("the court", "41 bodies were still awaiting identification", ["41"], day=6)
    ((row,),) = [rows(toll, unnamed)]
    assert row.declined and "not yet identified" in row.why
    for words in ("41 unidentified bodies lie in the morgue", "41 of them are yet to be identified"):
        assert all(r.declined for r in rows(toll, said("the court", words, ["41"], day=6)))
    # told plainly, the later lower toll from another origin still disagrees
    ((row,),) = [rows(toll, said("the court", "41 people have died", ["41"], day=6))]
    assert not row.declined


def test_the_bodies_of_a_group_found_are_a_part_of_the_toll_however_far_the_verb():
    toll = said("the governor", "6 people are presumed dead after the collapse", ["6"], day=4)
    words = (
        "the bodies of 2 road workers who had been repairing potholes on the span in the middle of "
        "the night were recovered from the river on Wednesday"
    )
    ((row,),) = [rows(toll, said("the police", words, ["2"], day=5))]
    assert row.declined and "bodies found so far" in row.why
    # told plainly, the later lower figure from another origin still disagrees
    ((row,),) = [rows(toll, said("the police", "2 people have died in the collapse", ["2"], day=5))]
    assert not row.declined
