"""When a figure holds and which event it counts (``link/conflicts_days.py``), as the numeric
judge uses it: a day on the event's verb, two steps of a moving tally, a stale relay, a past
event a pronoun refers to, a part of a group, a part told after its whole has grown.

Sentences are our own, in the way wire copy tells tolls.
"""

from __future__ import annotations

from datetime import date

from reportedly.link.conflicts_days import event_day, figure_day, part_of_group, past_event, told_moving_to
from reportedly.link.corpus import ClaimItem
from reportedly.model import Document
from test_link_conflicts_figures import rows, said


def _published(item: ClaimItem, day: int) -> ClaimItem:
    item.doc.document.published = date(2023, 8, day)
    return item


def test_a_day_on_the_events_own_verb_dates_the_event_not_the_count():
    # the flood "struck on Friday" (4 August); the report of Monday 7 August gives Monday's toll
    item = said(
        "the ministry", "the toll of the flood that struck on Friday has risen to 1,480", ["1,480"], day=4
    )
    _published(item, 7)
    assert event_day(item, date(2023, 8, 4))  # 4 August 2023 was a Friday
    assert not event_day(item, date(2023, 8, 7))  # the report's own day: nothing to move
    dated = said(
        "the ministry", "the toll of the flood that struck on August 4 rose to 1,480", ["1,480"], day=4
    )
    assert event_day(_published(dated, 7), date(2023, 8, 4))
    # a tally verb with its figure before the day dates the count
    tally = said("the ministry", "the toll hit 1,480 on Friday", ["1,480"], day=4)
    assert not event_day(_published(tally, 7), date(2023, 8, 4))


def test_a_later_report_dated_by_its_events_day_is_no_earlier_higher_count():
    # Monday's 1,480 read as Friday's would make Saturday's 600 "lower than the earlier": an update
    monday = said(
        "the ministry", "the toll of the flood that struck on Friday has risen to 1,480", ["1,480"], day=4
    )
    _published(monday, 7)
    saturday = said("rescuers", "600 people died", ["600"], day=5)
    assert all(r.declined for r in rows(monday, saturday))


def test_two_steps_of_a_tally_told_moving_are_no_renderings_of_one_count():
    first = said("the ministry", "the toll has risen to 2,862", ["2,862"], day=9)
    second = said("the government", "the toll has risen to 2,901", ["2,901"], day=9)
    assert told_moving_to(first, first.claim.quantities[0])
    (row,) = rows(first, second)
    assert row.declined
    # one told moving, the other not: two renderings of one day, as before
    plain = said("the government", "2,901 people had lost their lives", ["2,901"], day=9)
    (row,) = rows(first, plain)
    assert not row.declined and "rendered two ways" in row.why


def test_a_figure_told_as_the_earlier_one_is_no_rendering_of_the_same_day():
    report = Document(text="", outlet="Wire", published=date(2023, 8, 9))
    earlier = said("the authorities", "the toll had previously been 2,946", ["2,946"], day=9, doc=report)
    later = said("the ministry", "the toll is now 2,960", ["2,960"], day=9, doc=report)
    (row,) = rows(earlier, later)
    assert row.declined


def test_a_figure_relayed_after_its_own_day_is_no_rendering_of_the_later_day():
    tuesday = said("the ministry", "2,901 people had died", ["2,901"], day=8)
    stale = said("an outlet's source", "2,901 people had died", ["2,901"], day=9)
    wednesday = said("the government", "2,946 people were confirmed dead", ["2,946"], day=9)
    assert not any(not r.declined and "rendered two ways" in r.why for r in rows(tuesday, stale, wednesday))


def test_a_pronoun_after_a_past_year_counts_that_earlier_event():
    report = Document(
        text="The last quake of that size hit the coast in 1960.", outlet="W", published=date(2023, 8, 9)
    )
    old = said("It", "at least 12,000 people", ["12,000"], day=9, doc=report)
    assert past_event(old, date(2023, 8, 9))
    now = said("the ministry", "2,497 people died", ["2,497"], day=9, doc=report)
    assert not past_event(now, date(2023, 8, 9))
    assert rows(old, now) == []
    recent = Document(text="The quake hit the coast in 2023.", outlet="W", published=date(2023, 8, 9))
    assert not past_event(
        said("It", "at least 12,000 people", ["12,000"], day=9, doc=recent), date(2023, 8, 9)
    )


def test_a_part_of_a_group_is_no_count_of_the_group():
    report = Document(text="", outlet="W", published=date(2023, 8, 9))
    buried = said(
        "the ministry", "2,530 of the dead had been buried", ["2,530"], day=9, doc=report, what="injured"
    )
    assert part_of_group(buried, buried.claim.quantities[0], "injured")
    injured = said("state television", "2,421 people were injured", ["2,421"], day=9, what="injured")
    (row,) = rows(buried, injured)
    assert row.declined and "a part of a group" in row.why
    plain = said("the ministry", "2,530 were injured in the quake", ["2,530"], day=9, what="injured")
    assert not part_of_group(plain, plain.claim.quantities[0], "injured")
    them = said("the agency", "2,530 of them were buried", ["2,530"], day=9, what="injured")
    assert part_of_group(them, them.claim.quantities[0], "injured")
    rest = said("the agency", "2,884 of the deceased victims have been laid to rest", ["2,884"], day=9)
    assert part_of_group(rest, rest.claim.quantities[0], "killed")
    killed = said("the agency", "30 of them were killed", ["30"], day=9)
    assert not part_of_group(killed, killed.claim.quantities[0], "killed")
    # a group that is no other count: "two of the defendants" is the count of those who pleaded
    court = said(
        "the court", "two of the defendants had pleaded guilty", ["two"], day=9, what="pleaded_guilty"
    )
    assert not part_of_group(court, court.claim.quantities[0], "pleaded_guilty")
    other = said(
        "officials", "Three of the suspects admitted guilt", ["Three"], day=10, what="pleaded_guilty"
    )
    (row,) = rows(court, other)
    assert not row.declined


def test_the_dead_buried_so_far_only_grow():
    # the number laid to rest is a running count: a higher figure a day later updates it
    first = said("the ministry", "1,210 victims had been buried", ["1,210"], day=9, what="buried")
    later = said("the governor", "1,390 victims had been buried", ["1,390"], day=10, what="buried")
    assert all(r.declined and "update" in r.why for r in rows(first, later))
    # a lower figure from another origin a day later still disagrees
    lower = said("the governor", "900 victims had been buried", ["900"], day=10, what="buried")
    assert not any(r.declined for r in rows(first, lower))


def test_the_gravely_hurt_of_two_updates_are_no_disagreement():
    # morning: 900 injured, 410 of them critical; evening: 1,650 injured, 1,120 critical
    morning = said(
        "the ministry",
        "900 people were injured, including 410 in a critical condition",
        ["410"],
        day=9,
        what="critical",
    )
    evening = said(
        "the ministry",
        "another 1,650 people were injured, 1,120 critically",
        ["1,120"],
        day=9,
        what="critical",
    )
    assert all(r.declined and "two updates" in r.why for r in rows(morning, evening))
    # a paper that calls the whole injured count grave, beside the morning's part: another update
    paper = said(
        "the paper", "the quake killed 700, gravely wounding 1,650", ["1,650"], day=9, what="critical"
    )
    assert all(r.declined for r in rows(paper, morning))
    # the same update told two ways (1,650 injured of whom 1,120 serious, or 1,650 gravely): disagrees
    told = said(
        "officials",
        "1,650 were injured, of whom 1,120 were in a serious condition",
        ["1,120"],
        day=9,
        what="critical",
    )
    assert not any(r.declined for r in rows(paper, told))


def test_a_count_dated_by_its_own_words_is_compared_as_of_that_day():
    # a report of 7 August restates the count as of 6 August: no later, lower count than 6 August's
    restated = said("the paper", "the toll as of August 6 was 1,000", ["1,000"], day=7)
    assert figure_day(restated, date(2023, 8, 7), False) == date(2023, 8, 6)
    wire = said("the agency", "more than 1,100 people were killed", ["more than 1,100"], day=6)
    assert all(r.declined for r in rows(wire, restated))
    # without its own date it is the later, lower count from another origin
    plain = said("the paper", "the toll was 1,000", ["1,000"], day=7)
    assert not any(r.declined for r in rows(wire, plain))


def test_a_figure_whose_own_verb_is_dated_counts_that_day():
    # a copy dated 5 August (Saturday) of Thursday's first count: "12 died early on Thursday,
    # August 3"; Thursday's later count from another origin was 40: no later, lower count
    copy = said("the coastguard", "12 sailors died early on Thursday, August 3", ["12"], day=5)
    q = copy.claim.quantities[0]
    assert figure_day(copy, date(2023, 8, 5), False, q) == date(2023, 8, 3)
    navy = Document(text="Navy report.", outlet="Navy", published=date(2023, 8, 3))
    later = said("the navy", "at least 40 sailors have died", ["at least 40"], day=3, doc=navy)
    assert all(r.declined for r in rows(later, copy))
    # a weekday alone is the last such day; a day on another verb is not the figure's own
    weekday = said("the coastguard", "12 sailors were killed on Thursday", ["12"], day=5)
    assert figure_day(weekday, date(2023, 8, 5), False, weekday.claim.quantities[0]) == date(2023, 8, 3)
    other = said("the coastguard", "12 sailors died after the storm that hit on Thursday", ["12"], day=5)
    assert figure_day(other, date(2023, 8, 5), False, other.claim.quantities[0]) == date(2023, 8, 5)
    # without a day of its own it is the later, lower count from another origin
    plain = said("the coastguard", "12 sailors died", ["12"], day=5)
    assert not any(r.declined for r in rows(later, plain))


def test_a_count_told_as_of_last_week_holds_a_week_before_its_report():
    old = _published(said("the paper", "as of last week, 26 people were missing", ["26"], day=23), 23)
    assert figure_day(old, date(2023, 8, 23), False) == date(2023, 8, 16)
    now = _published(said("the paper", "26 people were missing", ["26"], day=23), 23)
    assert figure_day(now, date(2023, 8, 23), False) == date(2023, 8, 23)
    # a week apart, two figures of the missing may both be right
    doc = Document(text="", outlet="One wire", published=date(2023, 8, 23))
    told = said(
        "the paper", "as of last week, 26 people were missing", ["26"], day=23, what="missing", doc=doc
    )
    new = said("the governor", "30 people are missing", ["30"], day=23, what="missing", doc=doc)
    from reportedly.link.numbers import points_of

    assert {p.when for p in points_of([told, new])} == {date(2023, 8, 16), date(2023, 8, 23)}
    assert all(r.declined for r in rows(told, new))
