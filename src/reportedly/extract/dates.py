"""Resolving a time phrase against the publication date.

News text dates events relative to the day of publication ("on Tuesday", "last month",
"over the last two months"), so a time expression is only comparable across articles once
it is anchored. We anchor on ``Document.published`` and, where an expression is ambiguous
(a bare weekday or month), we prefer the past: reports mostly describe what already happened,
unless the phrase's clause lies ahead (``ahead``, decided by :mod:`reportedly.extract.times`).

Each phrase shape has a handler registered with ``@_resolver(pattern)``; the first whose
pattern matches the whole (normalised) phrase resolves it.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date, datetime, timedelta
from functools import lru_cache, wraps

import dateparser

__all__ = ["GRANULARITIES", "MONTHS", "WEEKDAYS", "resolve"]

GRANULARITIES = ("day", "week", "month", "year", "interval", "unresolved")

# ---------------------------------------------------------------------------
# Vocabulary

MONTHS: dict[str, int] = {}
for _i, _name in enumerate(calendar.month_name):
    if _name:
        MONTHS[_name.lower()] = _i
        MONTHS[_name.lower()[:3]] = _i
MONTHS["sept"] = 9

WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}

_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "couple of": 2, "a couple of": 2,
}  # fmt: skip

# ---------------------------------------------------------------------------
# Resolving


@lru_cache(maxsize=8192)
def resolve(text: str, published: date | None, ahead: bool = False) -> tuple[str | None, str]:
    """Resolve a time phrase to ``(ISO value, granularity)`` against ``published``.

    Cached: the same phrase is resolved for every claim of a block, and once
    more against a fixed date to ask whether it is a time at all; dateparser
    is the slowest step of the claim details.

    Relative phrases need ``published``; absolute ones with a year resolve without it.
    Anything we do not understand is ``(None, "unresolved")`` rather than a guess.
    A bare weekday, month or day of a month is read as the most recent one,
    since news mostly reports what happened; ``ahead`` (the phrase belongs to
    a future clause: *will meet on Tuesday*) reads it as the next one instead.
    """
    t = _normalise(text)
    if not t:
        return None, "unresolved"
    for pattern, handler in _RESOLVERS:
        m = pattern.fullmatch(t)
        if m:
            result = handler(m, published)
            if result is None:
                return None, "unresolved"
            if published is not None and handler in _UNANCHORED and not _anchored(m):
                if ahead:
                    return _forward(result, published, weekly=handler is _weekday)
                if handler in _DAY_OF_MONTH:
                    return _nearest(result, published)
            return result
    return None, "unresolved"


def _anchored(m: re.Match[str]) -> bool:
    """Whether the phrase itself says which one it means (a year, or last / next / this)."""
    groups = m.groupdict()
    return bool(groups.get("year") or groups.get("rel"))


def _forward(result: tuple[str | None, str], published: date, *, weekly: bool) -> tuple[str | None, str]:
    """Move a past reading of a bare weekday, month or day forward to the next occurrence."""
    value, granularity = result
    if value is None:
        return result
    try:
        if granularity == "day":
            day = date.fromisoformat(value)
            if day < published:
                day = day + timedelta(days=7) if weekly else _next_same_day(day)
            return day.isoformat(), granularity
        if granularity == "month":
            year, month = map(int, value.split("-"))
            if (year, month) < (published.year, published.month):
                year += 1
            return f"{year:04d}-{month:02d}", granularity
        if granularity == "interval":
            start, end = (date.fromisoformat(v) for v in value.split("/"))
            if end < published:
                start, end = _next_year(start), _next_year(end)
            return _interval(start, end), granularity
    except ValueError:
        return result
    return result


#: A bare date read in the past further back than this is read ahead when that is nearer
#: (nine months: "in May" of a December report is still this year's May).
FAR_BACK_DAYS = 270


def _nearest(result: tuple[str | None, str], published: date) -> tuple[str | None, str]:
    """A bare day of a month far in the past read as its next occurrence when that is nearer.

    "Held in custody until 22 May" in a report of 27 March means the coming May, not one ten
    months gone: news dates an event without its year only when the year is plain from the
    day of publication, so the nearer occurrence wins once the past one is half a year back.
    """
    value, _granularity = result
    if value is None:
        return result
    first = _first_day(value)
    if first is None:
        return result
    back = (published - first).days
    if back <= FAR_BACK_DAYS:
        return result
    ahead = _forward(result, published, weekly=False)
    if ahead[0] is None or ahead == result:
        return result
    later = _first_day(ahead[0])
    return ahead if later is not None and (later - published).days < back else result


def _first_day(value: str) -> date | None:
    """The first day of a resolved value: a day, a month (``2024-05``) or an interval."""
    first = value.split("/")[0]
    try:
        return date.fromisoformat(first if len(first) == 10 else f"{first}-01")
    except ValueError:
        return None


def _next_year(day: date) -> date:
    """The same day a year later; an interval ending on 29 February ends on the 28th."""
    return day.replace(year=day.year + 1, day=min(day.day, _month_end(day.year + 1, day.month)))


def _next_same_day(day: date) -> date:
    """The next year that has this month and day: *February 29* ahead is the next leap day."""
    for year in range(day.year + 1, day.year + 9):
        if day.day <= _month_end(year, day.month):
            return day.replace(year=year)
    return day


def _normalise(text: str) -> str:
    t = text.strip().lower().replace("’", "'")
    t = re.sub(r"'s$", "", t)
    t = re.sub(r"\s+", " ", t).strip(" ,;:")
    t = re.sub(r"^(?:on|in|over|since|during|by|until|from|for|within|throughout) ", "", t)
    return t


_Result = tuple[str | None, str] | None
_Handler = Callable[[re.Match[str], date | None], _Result]
#: the handler of a phrase that means nothing without the publication date
_RelativeHandler = Callable[[re.Match[str], date], _Result]
_RESOLVERS: list[tuple[re.Pattern[str], _Handler]] = []


def _resolver(regex: str, *, relative: bool = False) -> Callable[[_Handler | _RelativeHandler], _Handler]:
    """Register ``handler`` for the phrases ``regex`` matches whole, in the order tried.

    A ``relative`` phrase ("last month", "on Tuesday", "two weeks ago") is unresolved without a
    publication date, so its handler is only called with one: said once here, not in each handler.
    What is registered (and bound to the handler's name) is the handler as called.
    """

    def register(handler: _Handler | _RelativeHandler) -> _Handler:
        def anchored(m: re.Match[str], published: date | None) -> _Result:
            return None if published is None else handler(m, published)  # type: ignore[arg-type]

        call = wraps(handler)(anchored) if relative else handler
        _RESOLVERS.append((re.compile(regex), call))
        return call  # type: ignore[return-value]

    return register


_M = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_Y = r"(?P<year>1[89]\d\d|20\d\d|2100)"
_D = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_WD = r"(?P<weekday>" + "|".join(WEEKDAYS) + ")"
_N = (
    r"(?P<count>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
    r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty"
    r"|few|several|(?:a )?couple of)"
)
_PART = r"(?P<part>early|mid|late|the (?:beginning|start|end|middle) of)"


def _part_name(part: str) -> str:
    """Map "the beginning of" etc. onto early/mid/late."""
    if part in ("early", "the beginning of", "the start of"):
        return "early"
    if part in ("mid", "the middle of"):
        return "mid"
    return "late"


def _count(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return _NUMBER_WORDS.get(word)  # "few", "several" are vague: None


def _month_end(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _add_months(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(d.day, _month_end(year, month)))


def _interval(start: date, end: date) -> str:
    return f"{start.isoformat()}/{end.isoformat()}"


def _recent_month_year(month: int, published: date) -> int:
    """Year of the most recent ``month`` not after the publication month (prefer the past)."""
    return published.year if month <= published.month else published.year - 1


@_resolver(r"\d{4}-\d{2}-\d{2}")
def _iso(m: re.Match[str], published: date | None) -> _Result:
    try:
        return date.fromisoformat(m.group(0)).isoformat(), "day"
    except ValueError:
        return None


@_resolver(rf"(?:{_WD},? )?{_M} {_D}(?:,? {_Y})?")
@_resolver(rf"(?:{_WD},? )?{_D} (?:of )?{_M}(?:,? {_Y})?")
def _absolute_day(m: re.Match[str], published: date | None) -> _Result:
    # dateparser knows the spelling variants; we only hand it phrases already shaped as dates,
    # because on free text it is far too permissive.
    if m.group("year") is None and published is None:
        return None
    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if published is not None:
        settings["RELATIVE_BASE"] = datetime(published.year, published.month, published.day)
    phrase = m.group(0)
    if m.group("weekday"):
        phrase = phrase[len(m.group("weekday")) :].lstrip(", ")
    parsed = dateparser.parse(phrase, languages=["en"], settings=settings)
    if parsed is None:
        return None
    return parsed.date().isoformat(), "day"


@_resolver(rf"{_PART}[ -]?{_M}(?:,? {_Y})?")
def _part_of_month(m: re.Match[str], published: date | None) -> _Result:
    month = MONTHS[m.group("month")]
    if m.group("year"):
        year = int(m.group("year"))
    elif published is not None:
        year = _recent_month_year(month, published)
    else:
        return None
    return _month_part(year, month, _part_name(m.group("part"))), "interval"


def _month_part(year: int, month: int, part: str) -> str:
    last = _month_end(year, month)
    first_day, last_day = {"early": (1, 10), "mid": (11, 20), "late": (21, last)}[part]
    return _interval(date(year, month, first_day), date(year, month, last_day))


def _year_part(year: int, part: str) -> str:
    # Thirds of the year: early = January-April, mid = May-August, late = September-December.
    first, last = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}[part]
    return _interval(date(year, first, 1), date(year, last, _month_end(year, last)))


@_resolver(rf"{_PART}[ -]?{_Y}")
def _part_of_year(m: re.Match[str], published: date | None) -> _Result:
    return _year_part(int(m.group("year")), _part_name(m.group("part"))), "interval"


@_resolver(rf"{_M},? (?:of )?{_Y}")
def _month_year(m: re.Match[str], published: date | None) -> _Result:
    return f"{int(m.group('year')):04d}-{MONTHS[m.group('month')]:02d}", "month"


@_resolver(rf"(?P<rel>last |this |next )?{_M}", relative=True)
def _month_alone(m: re.Match[str], published: date) -> _Result:
    month = MONTHS[m.group("month")]
    rel = (m.group("rel") or "").strip()
    year = _recent_month_year(month, published)
    if rel == "last" and month == published.month:
        year -= 1
    elif rel == "next":
        year = published.year if month > published.month else published.year + 1
    elif rel == "this":
        year = published.year
    return f"{year:04d}-{month:02d}", "month"


@_resolver(_Y)
def _year(m: re.Match[str], published: date | None) -> _Result:
    return m.group("year"), "year"


@_resolver(rf"(?P<rel>last |this |next )?{_WD}(?: (?:morning|afternoon|evening|night))?", relative=True)
def _weekday(m: re.Match[str], published: date) -> _Result:
    target = WEEKDAYS[m.group("weekday")]
    rel = (m.group("rel") or "").strip()
    back = (published.weekday() - target) % 7
    if rel == "next":
        ahead = (target - published.weekday()) % 7 or 7
        return (published + timedelta(days=ahead)).isoformat(), "day"
    if rel == "last" and back == 0:
        back = 7
    return (published - timedelta(days=back)).isoformat(), "day"


_DAY_OFFSETS = {
    "yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1, "the day before yesterday": -2,
    "last night": -1, "this morning": 0, "this afternoon": 0, "this evening": 0,
}  # fmt: skip


@_resolver("|".join(_DAY_OFFSETS), relative=True)
def _relative_day(m: re.Match[str], published: date) -> _Result:
    return (published + timedelta(days=_DAY_OFFSETS[m.group(0)])).isoformat(), "day"


def _week_of(d: date) -> tuple[date, date]:
    monday = d - timedelta(days=d.weekday())
    return monday, monday + timedelta(days=6)


def _unit_bounds(unit: str, anchor: date) -> tuple[date, date]:
    """The calendar week, month or year that contains ``anchor``."""
    if unit == "week":
        return _week_of(anchor)
    if unit == "month":
        return anchor.replace(day=1), anchor.replace(day=_month_end(anchor.year, anchor.month))
    return date(anchor.year, 1, 1), date(anchor.year, 12, 31)


def _shift(anchor: date, unit: str, n: int) -> date:
    if unit == "week":
        return anchor + timedelta(weeks=n)
    if unit == "month":
        return _add_months(anchor, n)
    return _add_months(anchor, 12 * n)


@_resolver(
    r"(?:(?P<part>early|mid|late|the (?:beginning|start|end|middle) of)[ -])?"
    r"(?P<rel>earlier this|later this|this|last|next|the past|the previous|the coming|the)"
    r" (?P<unit>week|month|year|weekend)|(?P<rel2>the) (?P<unit2>weekend)",
    relative=True,
)
def _relative_unit(m: re.Match[str], published: date) -> _Result:
    rel = m.group("rel") or m.group("rel2")
    unit = m.group("unit") or m.group("unit2")
    part = m.group("part")
    if unit == "weekend":
        if rel not in ("this", "last", "the past", "the"):
            return None
        # The most recent Saturday-Sunday not after publication.
        saturday = published - timedelta(days=(published.weekday() - 5) % 7)
        if rel == "last" and published.weekday() >= 5:
            saturday -= timedelta(days=7)
        return _interval(saturday, saturday + timedelta(days=1)), "interval"
    if rel == "the" and not part:
        return None  # "the week" alone does not say which week
    if rel in ("the past", "the previous"):
        return _interval(_shift(published, unit, -1), published), "interval"
    if rel == "the coming":
        return _interval(published, _shift(published, unit, 1)), "interval"
    step = {"last": -1, "next": 1}.get(rel, 0)  # "the end of the month" is this month's end
    start, end = _unit_bounds(unit, _shift(published, unit, step))
    if rel == "earlier this":
        return _interval(start, published), "interval"
    if rel == "later this":
        return _interval(published, end), "interval"
    if part:
        part = _part_name(part)
        if unit == "month":
            return _month_part(start.year, start.month, part), "interval"
        if unit == "year":
            return _year_part(start.year, part), "interval"
        first, last = {"early": (0, 1), "mid": (2, 3), "late": (4, 6)}[part]
        return _interval(start + timedelta(days=first), start + timedelta(days=last)), "interval"
    if unit == "week":
        return _interval(start, end), "week"
    if unit == "month":
        return f"{start.year:04d}-{start.month:02d}", "month"
    return f"{start.year:04d}", "year"


@_resolver(
    rf"(?:the )?(?P<rel>last|past|previous|next|coming) (?:{_N} )?(?P<unit>hour|day|week|month|year|decade)s",
    relative=True,
)
def _rolling(m: re.Match[str], published: date) -> _Result:
    """ "the last two months": the interval of that length ending at publication."""
    n = _count(m.group("count")) if m.group("count") else None
    if n is None:
        return None
    unit = m.group("unit")
    span = _duration(published, unit, n)
    if m.group("rel") in ("next", "coming"):
        return _interval(published, published + span), "interval"
    return _interval(published - span, published), "interval"


def _duration(anchor: date, unit: str, n: int) -> timedelta:
    if unit == "hour":
        return timedelta(days=-(-n // 24))
    if unit == "day":
        return timedelta(days=n)
    if unit == "week":
        return timedelta(weeks=n)
    months = n * {"month": 1, "year": 12, "decade": 120}[unit]
    return anchor - _add_months(anchor, -months)


@_resolver(rf"{_N} (?P<unit>day|week|month|year)s? ago", relative=True)
def _ago(m: re.Match[str], published: date) -> _Result:
    n = _count(m.group("count"))
    if n is None:
        return None
    unit = m.group("unit")
    anchor = published - _duration(published, unit, n)
    if unit == "day":
        return anchor.isoformat(), "day"
    if unit == "week":
        return _interval(*_week_of(anchor)), "week"
    if unit == "month":
        return f"{anchor.year:04d}-{anchor.month:02d}", "month"
    return f"{anchor.year:04d}", "year"


#: Resolvers whose phrase may name the past or the coming occurrence (*Tuesday*,
#: *March*, *March 3*, *early March*): the ones ``resolve(..., ahead=True)`` moves forward.
_UNANCHORED = frozenset({_weekday, _month_alone, _absolute_day, _part_of_month})
#: Days of a month without a year ("22 May", "mid-May"): read nearest the publication when the
#: past reading is far back. A month alone stays in the past ("since February").
_DAY_OF_MONTH = frozenset({_absolute_day, _part_of_month})
