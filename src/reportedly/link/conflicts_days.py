"""When a figure holds, and which event it counts, read from the words of its sentence.

The numeric judge (:mod:`.numbers`) compares figures by their as-of day and decides whether two
of one day disagree. Three readings of news language keep it from reporting updates as rivals:

* a day on the verb of the event itself ("the earthquake that struck on September 8 has risen to
  2,901", "following a quake that struck late Friday") is the day of the event, not of the count:
  the count holds on the day of its report (:func:`event_day`);
* a count told as moving to its figure ("has risen to 2,901", "climbed to 2,122 with 2,421
  injured") is one step of a tally that moves; two such steps told the same day are two moments
  of that tally, not one count rendered two ways (:func:`told_moving_to`);
* a sentence whose subject is a pronoun ("It killed at least 12,000 people") after a sentence
  naming a year well before the report's ("… hitting Agadir in 1960.") counts that earlier
  event, a comparison the report draws, not the story's count (:func:`past_event`);
* a figure told as a part of a group of another count ("2,530 of the dead had been buried",
  read as injured) counts that part, not this count (:func:`part_of_group`).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..extract.measure_words import EVENTS
from ..model import Quantity
from .corpus import ClaimItem

_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = (
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "oct",
    "nov",
    "dec",
)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
#: Verbs that tell the event happening (not a tally moving): the day after them is its day. No
#: digit may stand between verb and day ("the toll hit 100 on Monday" dates the count).
_EVENT_DAY = re.compile(
    r"\b(?:struck|strikes|hit|hits|shook|shakes|rocked|jolted|occurred|erupted|collapsed|burst|"
    r"derailed|crashed|broke\s+out|began|started)\b[^.,;:\d]{0,60}?\b(?:on\s+)?(?:late\s+|early\s+)?"
    rf"(?:(?P<wd>{'|'.join(_DAYS)})|(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}})\b|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH}))",
    re.I,
)
#: A tally told moving to its figure: "has risen to", "climbed to", "has gone up to", "reached".
_MOVING_TO = re.compile(
    r"\b(?:ris(?:en|es|ing)|rose|climb(?:ed|s|ing)?|(?:gone|went|going)\s+up|increas(?:ed|es|ing)|"
    r"jump(?:ed|s)?|soar(?:ed|s)?|mount(?:ed|s)?|grew|grown|reach(?:ed|es)?)\b(?:\s+to\b)?",
    re.I,
)
_PRONOUN_START = re.compile(r"^\W*(?:it|that|this|they)\b", re.I)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+")


def _sentence(item: ClaimItem) -> tuple[str, int]:
    s = item.claim.sentence
    if s is None:
        return item.claim.content_text, -1
    return item.doc.document.text[s.start : s.end], s.start


def event_day(item: ClaimItem, as_of: date | None) -> bool:
    """Whether the figure's as-of day is the day its sentence gives the event itself ("the quake
    that struck Morocco on September 8 has risen to 2,901"): that day is when the event happened,
    and the count is the one known when the report was written."""
    published = item.doc.published
    if as_of is None or published is None or as_of >= published:
        return False
    text, _ = _sentence(item)
    for m in _EVENT_DAY.finditer(text):
        if m.group("wd"):
            if _DAYS.index(m.group("wd").lower()) == as_of.weekday():
                return True
            continue
        month, day = (m.group("m1"), m.group("d1")) if m.group("m1") else (m.group("m2"), m.group("d2"))
        if _MONTHS.index(month[:3].lower()) + 1 == as_of.month and int(day) == as_of.day:
            return True
    return False


def told_moving_to(item: ClaimItem, q: Quantity) -> bool:
    """Whether the figure's sentence, before it, tells a tally moving to a figure ("has risen to
    2,901", "climbed to 2,122 with 2,421 people injured"): the count as it stood at one moment."""
    text, start = _sentence(item)
    if start < 0 or not (start <= q.start <= start + len(text)):
        return False
    return _MOVING_TO.search(text[: q.start - start]) is not None


def past_event(item: ClaimItem, published: date | None) -> bool:
    """Whether the figure's sentence opens on a pronoun and the sentence before it names a year
    before the report's last ("The last quake of that size hit the coast in 1960. It killed at
    least 12,000 people."): the figure counts that earlier event."""
    text, start = _sentence(item)
    if published is None or start <= 0 or not _PRONOUN_START.match(text):
        return False
    before = item.doc.document.text[max(0, start - 400) : start].rstrip()
    ends = list(_SENTENCE_END.finditer(before[:-1]))
    previous = before[ends[-1].end() :] if ends else before
    return any(int(y) < published.year - 1 for y in _YEAR.findall(previous))


#: "since June 3, 2016, when at least 320 people died", "in 1999, in which 17,000 were killed":
#: a year, then a clause of what happened in it, then the figure, with no stop between.
_YEAR_CLAUSE = re.compile(r"\b(1[89]\d\d|20\d\d)\b,?\s+(?:when|in\s+which|during\s+which)\b[^.;!?]*$", re.I)


def past_year_clause(item: ClaimItem, q: Quantity) -> bool:
    """Whether the figure stands in a clause about a year before the report's last ("the worst
    toll since June 3, 2016, when at least 320 people died"): a comparison with another event."""
    published = item.doc.published
    if published is None:
        return False
    text = item.doc.document.text
    start = max(text.rfind(c, 0, q.start) for c in ".;!?\n") + 1
    m = _YEAR_CLAUSE.search(text[max(start, q.start - 160) : q.start])
    return m is not None and int(m.group(1)) < published.year - 1


#: "2,530 of the dead", "2,884 of the deceased victims", "2,530 of them": a part of a group.
_OF_GROUP = re.compile(r"^\s+of\s+(?:the\s+([a-z]+)|them|whom|those|these)\b(?!\s+\d)", re.I)
#: "… were buried", "… have now been laid to rest": what the part underwent.
_UNDERWENT = re.compile(
    r"^(?:\s+[a-z]+){0,2}?\s+(?:were|was|are|is|(?:had|have|has)\s+(?:now\s+)?been)\s+([a-z]+)", re.I
)


def _event(word: str) -> str | None:
    word = word.lower()
    return next((EVENTS[w] for w in (word, word[:-1], word[:-2]) if w in EVENTS), None)


def part_of_group(item: ClaimItem, q: Quantity, what: str | None) -> bool:
    """Whether the figure counts a part of a group that is not this count ("adding that 2,530 of
    the dead had been buried", "2,884 of the deceased victims have been laid to rest", read as the
    dead or the injured): what the part underwent, else the group, names another count. A group
    that is no count ("two of the defendants had pleaded guilty") or the count itself ("140 of the
    dead", "30 of them were killed") leaves the figure as it is."""
    after = item.doc.document.text[q.end : q.end + 80]
    m = _OF_GROUP.match(after)
    if m is None:
        return False
    if done := _UNDERWENT.match(after[m.end() :]):
        return _event(done.group(1)) != what
    group = _event(m.group(1)) if m.group(1) else None
    return group is not None and group != what


#: A count dated by its own words: "the death toll as of September 10 was 2,000".
#: How many days before its report a count's own date may lie and still date it.
WINDOW = 14
_AS_OF = re.compile(
    rf"\bas\s+(?:of|at)\s+(?:(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}})\b|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH}))",
    re.I,
)


#: The figure's own verb dated to a day: "17 migrants died early on Wednesday, June 14", "12
#: people were killed on 3 May". No digit, stop or other clause between the figure and its verb.
_OWN_DAY = re.compile(
    r"^[^.,;:\d]{0,40}?\b(?:died|drowned|perished|lost\s+their\s+lives|"
    r"(?:were|was|had\s+been|have\s+been)\s+(?:killed|injured|wounded|rescued|arrested|evacuated))\b"
    r"\s+(?:early\s+|late\s+)?(?:on\s+)?(?:early\s+|late\s+)?"
    rf"(?:(?P<wd>{'|'.join(_DAYS)}),?\s*)?(?:(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}})\b|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH}))?",
    re.I,
)


def own_day(item: ClaimItem, q: Quantity, as_of: date | None) -> date | None:
    """The day the figure's own words give what it counts, before its as-of day: "17 migrants
    died early on Wednesday, June 14" in a copy dated the 15th (or republished the 17th) counts
    the dead of the 14th, as told on that day; dated by the copy, the early figure would read as
    a later, lower count than the 14th's own updates. A weekday alone is the last such day on or
    before ``as_of``; a day more than :data:`WINDOW` days back is no recent report's."""
    text, start = _sentence(item)
    if as_of is None or start < 0 or not (start <= q.end <= start + len(text)):
        return None
    m = _OWN_DAY.match(text[q.end - start :])
    if m is None or not (m.group("wd") or m.group("m1") or m.group("m2")):
        return None
    if m.group("m1") or m.group("m2"):
        month, day = (m.group("m1"), m.group("d1")) if m.group("m1") else (m.group("m2"), m.group("d2"))
        try:
            told = date(as_of.year, _MONTHS.index(month[:3].lower()) + 1, int(day))
        except ValueError:
            return None
    else:
        told = as_of - timedelta(days=(as_of.weekday() - _DAYS.index(m.group("wd").lower())) % 7)
    return told if told < as_of and (as_of - told).days <= WINDOW else None


def figure_day(item: ClaimItem, as_of: date | None, fixed: bool, q: Quantity | None = None) -> date | None:
    """The day a figure is compared as of. A day its sentence gives the count itself ("as of
    September 10 was 2,000", before the report's own day) dates it, whatever day the report
    bears: a later report restating an earlier day's count is no later count ("as of last week"
    dates it seven days back); so does a day its own verb is dated by (:func:`own_day`: "17 died
    on Wednesday, June 14"). A day the sentence gives another event (:func:`event_day`: "the
    quake that struck on Friday has risen to 2,901") is no count's day: the report's own day is
    (not for a property of the event, such as a magnitude, ``fixed``)."""
    if q is not None and not fixed and (own := own_day(item, q, as_of)) is not None:
        return own
    published = item.doc.document.published
    text, _ = _sentence(item)
    m = _AS_OF.search(text)
    if m is not None and published is not None:
        month, day = (m.group("m1"), m.group("d1")) if m.group("m1") else (m.group("m2"), m.group("d2"))
        try:
            told = date(published.year, _MONTHS.index(month[:3].lower()) + 1, int(day))
        except ValueError:
            told = None
        if told is not None and told <= published and (published - told).days <= WINDOW:
            return told
    if published is not None and not fixed and _LAST_WEEK.search(text):
        return published - timedelta(days=7)  # "as of last week, the official figure was 26 missing"
    return published if not fixed and event_day(item, as_of) else as_of


#: A count told as it stood a week before its report: "As of last week, the figure was 26".
_LAST_WEEK = re.compile(r"\bas\s+of\s+(?:last\s+week|a\s+week\s+ago)\b", re.I)
