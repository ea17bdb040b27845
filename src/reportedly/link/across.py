"""One figure told in two languages: a claim cluster for the very same count across languages.

Figure clusters (:func:`reportedly.link.clusters.figure_groups`) join claims that count one
measure series, and a series needs the count typed alike in both languages ("사망자는 154명" and
"154 people were killed" are both ``people killed``). What the Korean, Russian and Ukrainian
readers count but do not type (a part of a toll, "외국인은 26명"; the seriously and slightly
injured, "중상자는 33명, 경상자는 116명"), and what two languages type differently ("26 foreign
nationals" against "26 foreigners"), has no series in common, and no sentence vector links the
two languages either (the packaged sentence model is English-only: it reads Hangul as jamo and
Cyrillic letter by letter). Numbers, days and places are language-independent (issue 19): in
one story, the very same count of the same kind of thing stated in two languages within a day is
one figure, and one proposition.

The rule is kept narrow, so that a coincidence of numbers does not make a proposition: only
documents in different languages are joined (a story in one language, every English corpus, gets
nothing from here); the count is exact and at least :data:`MIN_COUNT` (small counts recur by
chance in one story: five from one country, four children); the counted things agree (the same
unit, or people on both sides: a Korean 명 and an English count typed as people, or counted
persons); typed events agree where both sides have one, and places never conflict; a run whose
points all share one series is left to the figure clusters, which already hold it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace
from datetime import date
from itertools import combinations

from ..extract.measure_what import UNITS
from ..model import Quantity
from .corpus import ClaimItem

#: The smallest count joined across languages by its number alone.
MIN_COUNT = 10
#: Days apart two statements of one figure may be.
DAYS = 1


def language(it: ClaimItem) -> str:
    """The document's language as analysis stored it (English when none is stored)."""
    return str(it.doc.document.meta.get("language") or "en")


def _exact(q: Quantity) -> float | None:
    if q.value is None or q.approximate or q.attribute or q.unit == "percent":
        return None
    if (q.low, q.high) not in ((q.value, q.value), (None, None)):
        return None
    return q.value


#: events only people (or beings counted as people) undergo: a count typed with one counts persons
PERSON_EVENTS = frozenset(
    {"killed", "injured", "killed_or_injured", "missing", "evacuated", "displaced", "rescued"}
)


def _persons(q: Quantity) -> bool:
    """Whether a quantity counts people: typed so ("people killed", "foreigner killed": an event
    only people undergo), or its counted noun is a word for persons."""
    m = q.measure
    if m is not None and (m.unit == "people" or m.what in PERSON_EVENTS):
        return True
    unit = (q.unit or "").lower()
    return unit == "people" or UNITS.get(unit) == "people" or UNITS.get(unit.rstrip("s")) == "people"


def _same_thing(a: Quantity, b: Quantity) -> bool:
    if not ((a.unit and a.unit == b.unit) or (_persons(a) and _persons(b))):
        return False
    ma, mb = a.measure, b.measure
    if ma is not None and mb is not None:
        if ma.what and mb.what and ma.what != mb.what:
            return False
        if ma.place and mb.place and ma.place != mb.place:
            return False
    return True


def _series(q: Quantity) -> str | None:
    """The point's series without its place (the figure clusters join placed and unplaced points)."""
    if q.measure is None:
        return None
    return replace(q.measure, place=None, place_name=None, qualifier=None, as_of=None).key


def figures_across_languages(items: list[ClaimItem]) -> list[tuple[list[ClaimItem], str | None]]:
    """Claims of one story stating the very same count in two languages within :data:`DAYS`:
    (the claims, the series key most of the typed points have, or None) per figure."""
    if len({language(it) for it in items}) < 2:
        return []
    by_value: dict[float, list[tuple[ClaimItem, Quantity, date | None]]] = defaultdict(list)
    for it in items:
        for q in it.claim.quantities:
            v = _exact(q)
            if v is not None and v >= MIN_COUNT:
                when = q.measure.as_of if q.measure is not None and q.measure.as_of else it.doc.published
                by_value[v].append((it, q, when))
    out: list[tuple[list[ClaimItem], str | None]] = []
    for _v, points in sorted(by_value.items()):
        points.sort(key=lambda p: (p[2] or date.min, p[0].doc.id, p[0].id))
        runs: list[list[tuple[ClaimItem, Quantity, date | None]]] = []
        for p in points:
            for run in runs:
                if all(_near(p[2], o[2]) and _same_thing(p[1], o[1]) for o in run):
                    run.append(p)
                    break
            else:
                runs.append([p])
        for run in runs:
            if len({language(it) for it, _q, _w in run}) < 2 or len({it.doc.id for it, _q, _w in run}) < 2:
                continue
            series = [_series(q) for _it, q, _w in run]
            if None not in series and len(set(series)) == 1:
                continue  # one series in every language: the figure clusters hold it
            keys = [q.measure.key for _it, q, _w in run if q.measure is not None]
            key = max(set(keys), key=lambda k: (keys.count(k), len(k), k)) if keys else None
            members = list({it.id: it for it, _q, _w in run}.values())
            out.append((members, key))
    return out


def _near(a: date | None, b: date | None) -> bool:
    return a is None or b is None or abs((a - b).days) <= DAYS


_DIGITS = re.compile(r"(?<![\d.,])\d{2,}(?![\d.,]*\d)")


def _numbers(text: str) -> frozenset[str]:
    """The numbers a content writes in digits, two or more, years left out ("112" in "112 신고" and
    "the 112 emergency line"; not "2022")."""
    return frozenset(n for n in _DIGITS.findall(text) if not (len(n) == 4 and n[:2] in ("19", "20")))


def statements_across_languages(items: list[ClaimItem]) -> list[list[ClaimItem]]:
    """Two claims of one named speaker in documents of two languages within :data:`DAYS` that
    write the same number (not a counted figure: an emergency line, an article of a law): one
    statement told in two languages, a pair per cluster (a speaker's three statements naming one
    number are not one statement). No sentence vector compares Hangul or Cyrillic with English
    (the packaged model is English-only); the speaker's canonical entity (a Hangul name joins its
    romanisation, :func:`reportedly.link.people.korean_romanised`), the day and the number are
    language-independent. A story in one language gets nothing from here."""
    if len({language(it) for it in items}) < 2:
        return []
    voiced: dict[str, list[tuple[ClaimItem, frozenset[str]]]] = defaultdict(list)
    for it in items:
        if (key := _named_voice(it)) and (nums := _numbers(it.text)):
            voiced[key].append((it, nums))
    out = []
    for claims in voiced.values():
        for (a, na), (b, nb) in combinations(claims, 2):
            two = language(a) != language(b) and a.doc.id != b.doc.id
            if two and na & nb and _near(a.doc.published, b.doc.published):
                out.append([a, b])
    return out


def _named_voice(it: ClaimItem) -> str | None:
    o = it.origin
    return o.key if o is not None and not o.anonymous and not o.relay else None


def spoken_numbers(items: list[ClaimItem]) -> set[tuple[str, str]]:
    """(named speaker, number) a document's claims write: two documents in different languages
    sharing one tell the same statement (:func:`statements_across_languages`), so one story."""
    return {(key, n) for it in items if (key := _named_voice(it)) for n in _numbers(it.text)}
