"""Measures: what a number counts and where, so numbers from different articles line up.

"more than 10,000 North Korean soldiers had been sent to the southwestern
Russian region" and "about 11,000 North Korean troops in Russia" count the
same thing. The measure is built from the quantity's unit (with synonyms
folded: soldiers, troops, servicemen -> troops), the proper-noun modifiers
right before it (the subject: "North Korean"), and the place the content puts
it in ("in/to/into Russia", "Russian region" -> Russia). Running totals and
amounts over a period are different measures from counts at a time, so their
scope is part of the key. A quantity with no unit, or a calibre, has no
measure: it cannot be compared.
"""

from __future__ import annotations

import re
from datetime import date

from ..extract.entities import Gazetteer
from ..model import Claim, Quantity, QuantityScope, TimeExpr

UNIT_SYNONYMS = {
    "soldier": "troops",
    "soldiers": "troops",
    "troop": "troops",
    "troops": "troops",
    "servicemen": "troops",
    "personnel": "troops",
    "forces": "troops",
    "fighters": "troops",
    "people": "people",
    "persons": "people",
    "person": "people",
    "civilians": "civilians",
    "container": "containers",
    "containers": "containers",
}
#: Adjectives of place that stand for a country when they qualify a place noun ("the Russian region").
PLACE_ADJECTIVES = {
    "russian": "Russia",
    "ukrainian": "Ukraine",
    "north korean": "North Korea",
    "south korean": "South Korea",
    "chinese": "China",
    "american": "United States",
    "u.s.": "United States",
    "iranian": "Iran",
    "syrian": "Syria",
    "belarusian": "Belarus",
    "polish": "Poland",
    "israeli": "Israel",
}
DEMONYMS = {country: adj.title() if adj != "u.s." else "U.S." for adj, country in PLACE_ADJECTIVES.items()}
_PLACE_NOUNS = r"(?:region|territory|soil|border|front|province|oblast|city|capital|side|lines?)"
#: Money needs to know what it pays for, which a unit cannot say; two sums are rarely one measure.
_CURRENCIES = {
    "usd",
    "dollars",
    "dollar",
    "eur",
    "euros",
    "euro",
    "gbp",
    "pounds",
    "yen",
    "won",
    "rubles",
    "yuan",
    "$",
    "€",
    "£",
}
_SKIP_UNITS = _CURRENCIES | {
    "percent",
    "percentage",
    "%",
    "points",
    "point",
    "times",
    "mm",
    "years",
    "year",
    "days",
    "day",
    "months",
    "month",
    "weeks",
    "week",
    "hours",
    "hour",
    "minutes",
}
_CAP = r"[A-Z][\w’'.-]*"


def unit_key(unit: str | None) -> str | None:
    if not unit:
        return None
    u = unit.strip().lower()
    if u in _SKIP_UNITS:
        return None
    last = u.split()[-1]
    return UNIT_SYNONYMS.get(last, UNIT_SYNONYMS.get(u, u))


def measure_of(claim: Claim, q: Quantity, gaz: Gazetteer) -> str | None:
    """The measure a counted quantity belongs to, e.g. "North Korean troops in Russia"."""
    if q.attribute or q.value is None and q.low is None and q.high is None:
        return None
    size = q.value if q.value is not None else q.low
    if size is not None and size < 2:
        return None  # "one aim was to …": a count of one is rarely a measure anyone tracks
    unit = unit_key(q.unit)
    if unit is None:
        return None
    text, offset = _text_around(claim, q)
    if text is None:
        return None
    rel = q.end - offset
    after = text[rel:]
    # the unit's own words follow the number: "10,000 North Korean soldiers"
    m = (
        re.match(rf"\s+(?:of\s+)?((?:{_CAP}\s+){{0,3}}){re.escape(q.unit or '')}\b", after)
        if q.unit
        else None
    )
    subject = ""
    if m and m.group(1).strip():
        subject = _subject(m.group(1).strip(), gaz)
        tail = after[m.end() :]
    else:
        tail = (
            after[len(q.unit or "") + 1 :]
            if q.unit and after.lstrip().lower().startswith(q.unit.lower())
            else after
        )
    origin = re.match(rf"\s*from\s+(?:the\s+)?((?:{_CAP}\s+){{0,2}}{_CAP})", tail)
    if origin and not subject:
        subject = DEMONYMS.get(_country(origin.group(1), gaz), origin.group(1))
        tail = tail[origin.end() :]
    # the place after the counted thing, else the first place the content names
    place = _place(tail[:160], gaz) or _place(text, gaz)
    if not subject and not place:
        return None  # "673 delegates": whose, where? Without either, numbers are not comparable
    parts = [p for p in (subject, unit) if p]
    key = " ".join(parts)
    if place:
        key += f" in {place}"
    if q.scope is QuantityScope.CUMULATIVE:
        key += " (total)"
    elif q.scope is QuantityScope.PERIOD:
        key += " (over a period)"
    return key


def _text_around(claim: Claim, q: Quantity) -> tuple[str | None, int]:
    for span in [*claim.content, *([claim.sentence] if claim.sentence else [])]:
        if span.start <= q.start and q.end <= span.end:
            return span.text, span.start
    return None, 0


def _country(name: str, gaz: Gazetteer) -> str:
    hit = gaz.lookup(name)
    return hit[0] if hit else name


def _subject(words: str, gaz: Gazetteer) -> str:
    low = words.lower()
    for adj in sorted(PLACE_ADJECTIVES, key=len, reverse=True):
        if low == adj:
            return words
    hit = gaz.lookup(words)
    return hit[0] if hit else words


def _place(tail: str, gaz: Gazetteer) -> str | None:
    # stop at the clause boundary: the place must belong to the counted thing
    clause = re.split(r"[;:]|,\s+(?:and|but|while|which|who)\b|\.\s", tail, maxsplit=1)[0]
    m = re.search(
        rf"\b(?:in|to|into|inside|within|at)\s+(?:the\s+)?(?:[a-z]+\s+)?((?:{_CAP}\s+){{0,3}}(?:{_CAP}))(?:\s+{_PLACE_NOUNS})?",
        clause,
    )
    if not m:
        return None
    name = m.group(1).strip()
    adj = PLACE_ADJECTIVES.get(name.lower())
    if adj:
        return adj
    hit = gaz.lookup(name)
    return hit[0] if hit else name


def point_date(claim: Claim, q: Quantity, published: date | None) -> date | None:
    """When the number holds: a period's end, else the date the claim gives, else publication."""
    inside = [t for t in claim.times if t.resolved and _within(t, claim)]
    outside = [t for t in claim.times if t.resolved and not _within(t, claim)]
    if q.scope is QuantityScope.PERIOD:
        for t in inside:
            if "/" in (t.resolved or ""):
                return _to_date(t.resolved.split("/")[1])
    for t in outside + inside:
        if t.granularity in ("day", "month") and "/" not in (t.resolved or ""):
            d = _to_date(t.resolved or "")
            if d:
                return d
    return published


def _within(t: TimeExpr, claim: Claim) -> bool:
    return any(s.start <= t.start and t.end <= s.end for s in claim.content)


def _to_date(value: str) -> date | None:
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return date.fromisoformat(value)
        if re.fullmatch(r"\d{4}-\d{2}", value):
            return date.fromisoformat(value + "-01")
    except ValueError:
        return None
    return None
