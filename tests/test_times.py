"""Time expressions: what is found in a sentence, and how it resolves against publication.

Publication is Wednesday 2024-11-20 throughout, so weekday arithmetic is easy to check by hand.
"""

from __future__ import annotations

from datetime import date

import pytest

from reportedly.extract.dates import resolve
from reportedly.extract.times import find_times
from reportedly.nlp import load

PUBLISHED = date(2024, 11, 20)  # a Wednesday


@pytest.fixture(scope="module")
def nlp():
    return load()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tuesday", ("2024-11-19", "day")),
        ("Sunday", ("2024-11-17", "day")),
        ("Wednesday", ("2024-11-20", "day")),  # the publication day itself counts
        ("Thursday", ("2024-11-14", "day")),  # never the future for a bare weekday
        ("last month", ("2024-10", "month")),
        ("this month", ("2024-11", "month")),
        ("last week", ("2024-11-11/2024-11-17", "week")),
        ("yesterday", ("2024-11-19", "day")),
        ("today", ("2024-11-20", "day")),
        ("early August", ("2024-08-01/2024-08-10", "interval")),
        ("mid-August", ("2024-08-11/2024-08-20", "interval")),
        ("late September", ("2024-09-21/2024-09-30", "interval")),
        ("August", ("2024-08", "month")),
        ("December", ("2023-12", "month")),  # the most recent December not after publication
        ("the last two months", ("2024-09-20/2024-11-20", "interval")),
        ("the past two weeks", ("2024-11-06/2024-11-20", "interval")),
        ("last year", ("2023", "year")),
        ("2023", ("2023", "year")),
        ("Nov. 5", ("2024-11-05", "day")),
        ("Dec. 5", ("2024-12-05", "day")),  # 15 days ahead, not 350 back: the nearer one
        ("November 5, 2024", ("2024-11-05", "day")),
        ("5 November 2024", ("2024-11-05", "day")),
        ("2024-11-05", ("2024-11-05", "day")),
        ("August 2023", ("2023-08", "month")),
        ("earlier this year", ("2024-01-01/2024-11-20", "interval")),
        ("the end of the month", ("2024-11-21/2024-11-30", "interval")),
        ("two weeks ago", ("2024-11-04/2024-11-10", "week")),
        ("the weekend", ("2024-11-16/2024-11-17", "interval")),
        ("recent weeks", (None, "unresolved")),
        ("soon", (None, "unresolved")),
        ("the future", (None, "unresolved")),
        ("the past few months", (None, "unresolved")),  # "few" is not a number
    ],
)
def test_resolve_against_publication(text: str, expected: tuple[str | None, str]) -> None:
    assert resolve(text, PUBLISHED) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tuesday", (None, "unresolved")),
        ("last month", (None, "unresolved")),
        ("early August", (None, "unresolved")),
        ("Nov. 5", (None, "unresolved")),
        ("November 5, 2024", ("2024-11-05", "day")),
        ("early August 2024", ("2024-08-01/2024-08-10", "interval")),
        ("August 2024", ("2024-08", "month")),
        ("2023", ("2023", "year")),
    ],
)
def test_resolve_without_publication_date(text: str, expected: tuple[str | None, str]) -> None:
    assert resolve(text, None) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Pyongyang has shipped about 7,000 containers over the last two months, "
            "officials said on Tuesday.",
            [("the last two months", "2024-09-20/2024-11-20", "interval"), ("Tuesday", "2024-11-19", "day")],
        ),
        (
            "The first units crossed the border in early August and more followed last month.",
            [("early August", "2024-08-01/2024-08-10", "interval"), ("last month", "2024-10", "month")],
        ),
        ("The two delegations met on Sunday in Vladivostok.", [("Sunday", "2024-11-17", "day")]),
        ("Shelling has intensified in recent weeks, residents said.", [("recent weeks", None, "unresolved")]),
        ("Exports have doubled since February.", [("February", "2024-02", "month")]),
        ("The treaty was ratified on Nov. 5 by the lower house.", [("Nov. 5", "2024-11-05", "day")]),
        ("The agreement dates from 2023, diplomats said.", [("2023", "2023", "year")]),
        ("Some 2000 volunteers signed up, the mayor said.", []),  # a count, not a year
    ],
)
def test_find_times_in_sentence(nlp, sentence: str, expected: list[tuple[str, str | None, str]]) -> None:
    doc = nlp(sentence)
    found = find_times(doc[:], 0, PUBLISHED)
    assert [(t.text, t.resolved, t.granularity) for t in found] == expected
    for t in found:
        assert sentence[t.start : t.end] == t.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tuesday", ("2024-11-26", "day")),
        ("Wednesday", ("2024-11-20", "day")),  # the publication day itself
        ("Thursday", ("2024-11-21", "day")),
        ("last Tuesday", ("2024-11-19", "day")),  # the phrase says which one
        ("March", ("2025-03", "month")),
        ("November", ("2024-11", "month")),
        ("December", ("2024-12", "month")),
        ("last March", ("2024-03", "month")),
        ("March 2024", ("2024-03", "month")),
        ("Nov. 5", ("2025-11-05", "day")),
        ("Dec. 5", ("2024-12-05", "day")),
        ("February 29", ("2028-02-29", "day")),  # the next leap day, not a made-up 2025-02-28
        ("November 5, 2024", ("2024-11-05", "day")),  # a year is a year
        ("early March", ("2025-03-01/2025-03-10", "interval")),
        ("late November", ("2024-11-21/2024-11-30", "interval")),
        ("yesterday", ("2024-11-19", "day")),
        ("last month", ("2024-10", "month")),
    ],
)
def test_resolve_ahead_reads_bare_dates_as_the_next_one(text: str, expected: tuple[str | None, str]) -> None:
    assert resolve(text, PUBLISHED, True) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # ten months back or two ahead: a report of late March means the coming May
        ("22 May", date(2024, 3, 27), ("2024-05-22", "day")),
        ("May", date(2024, 3, 27), ("2023-05", "month")),  # a month alone stays past: "since May"
        ("mid-May", date(2024, 3, 27), ("2024-05-11/2024-05-20", "interval")),
        # within nine months back the past reading stands
        ("22 May", date(2024, 12, 20), ("2024-05-22", "day")),
        ("22 May", date(2024, 1, 10), ("2023-05-22", "day")),
        ("December 5", date(2024, 3, 27), ("2023-12-05", "day")),
        # a year, or last / next, says which one
        ("May 2023", date(2024, 3, 27), ("2023-05", "month")),
        ("last May", date(2024, 3, 27), ("2023-05", "month")),
    ],
)
def test_resolve_reads_a_bare_date_far_back_as_the_nearer_next_one(
    text: str, published: date, expected: tuple[str | None, str]
) -> None:
    assert resolve(text, published) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The committee will meet on Tuesday to review the budget.", [("Tuesday", "2024-11-26")]),
        ("The committee met on Tuesday to review the budget.", [("Tuesday", "2024-11-19")]),
        (
            "The minister said on Monday that parliament will vote in March.",
            [("Monday", "2024-11-18"), ("March", "2025-03")],
        ),
        (
            "The minister said on Monday that parliament voted in March.",
            [("Monday", "2024-11-18"), ("March", "2024-03")],
        ),
        ("The company plans to open the plant in early March.", [("early March", "2025-03-01/2025-03-10")]),
        ("Talks are due to resume on Friday.", [("Friday", "2024-11-22")]),
        ("The union is going to strike on Thursday.", [("Thursday", "2024-11-21")]),
        ("He won't travel on Sunday, his office said.", [("Sunday", "2024-11-24")]),
        (
            "The vote, which will take place on Monday, was announced on Tuesday.",
            [("Monday", "2024-11-25"), ("Tuesday", "2024-11-19")],
        ),
        ("Budget talks on Tuesday", [("Tuesday", "2024-11-19")]),  # no verb at all: the past
        ("The report is expected in early December.", [("early December", "2024-12-01/2024-12-10")]),
        ("The report was expected in early March.", [("early March", "2024-03-01/2024-03-10")]),
    ],
)
def test_find_times_reads_future_clauses_ahead(nlp, sentence: str, expected: list[tuple[str, str]]) -> None:
    """Each phrase follows its own clause: *said on Monday* is past even beside *will vote in March*."""
    found = find_times(nlp(sentence)[:], 0, PUBLISHED)
    assert [(t.text, t.resolved) for t in found] == expected


def test_find_times_offsets_are_absolute(nlp) -> None:
    before = "MOSCOW, Nov. 20 (Wire) -\n\nA headline that is not part of the block.\n\n"
    block = "The talks stalled. Negotiators will meet again on Monday, a spokesman said on Sunday."
    document = before + block
    doc = nlp(block)
    second = list(doc.sents)[1]
    found = find_times(second, len(before), PUBLISHED)
    # "will meet again on Monday" lies ahead; "said on Sunday" is past.
    assert [(t.text, t.resolved) for t in found] == [("Monday", "2024-11-25"), ("Sunday", "2024-11-17")]
    for t in found:
        assert document[t.start : t.end] == t.text
        assert t.start >= len(before) + second.start_char


def test_find_times_without_publication_date(nlp) -> None:
    sentence = "The ministry confirmed on Tuesday that the shipment left on November 5, 2024."
    found = find_times(nlp(sentence)[:], 0, None)
    assert [(t.text, t.resolved, t.granularity) for t in found] == [
        ("Tuesday", None, "unresolved"),
        ("November 5, 2024", "2024-11-05", "day"),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The mayor said on Monday the road would stay closed until Friday.",
            [("Monday", "2024-03-11"), ("Friday", "2024-03-15")],
        ),
        ("The board must decide by Thursday, a spokeswoman said.", [("Thursday", "2024-03-14")]),
        ("The lane was closed until Friday, the mayor said.", [("Friday", "2024-03-08")]),
    ],
)
def test_find_times_reads_deadlines_and_modals_ahead(
    nlp, sentence: str, expected: list[tuple[str, str]]
) -> None:
    """Published Tuesday 2024-03-12: a weekday after *until*/*by*, or in a *would*/*must* clause,
    is the coming one (it read 2024-03-08 before); a past clause (*was closed until*) stays past."""
    found = find_times(nlp(sentence)[:], 0, date(2024, 3, 12))
    assert [(t.text, t.resolved) for t in found] == expected
