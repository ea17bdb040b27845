"""Fractions in words as shares: "a quarter of the city", "two-thirds of the area", "half of them".

Round 11: a share told as a fraction word was no quantity at all, so "a quarter of the city has
been destroyed" and "25% of the city was destroyed" could never meet in one series. A fraction
followed by "of" is read as the percentage it is (``unit`` "percent", 25.0), and measure typing
reads its whole from the "of" phrase as it does for "25% of". Only with "of" and a whole that is
not "a / an" ("a quarter of an hour", "half a century" are durations, not shares).
"""

from __future__ import annotations

import re

_PARTS = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fifth": 5,
    "fifths": 5,
}
_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4}

#: "a quarter of", "two-thirds of", "three quarters of", "half of" (not "of a / an …").
FRACTION_RE = re.compile(
    r"(?<![\w\-])(?:(?P<n>a|an|one|two|three|four)[\s\-]+)?(?P<part>halves|half|thirds?|quarters?|fifths?)"
    r"(?=\s+of\s+(?!an?\b))",
    re.IGNORECASE,
)


#: A figure and "or" right before the fraction (bound words between): the fraction restates it.
_RESTATED = re.compile(r"\d,?\s+or\s+(?:[a-z]+\s+){0,2}$", re.IGNORECASE)


def fraction_shares(text: str) -> list[tuple[int, int, float]]:
    """(start, end, percent) of each fraction word followed by "of" in ``text`` (offsets in it)."""
    out = []
    for m in FRACTION_RE.finditer(text):
        if _RESTATED.search(text[max(0, m.start() - 40) : m.start()]):
            continue  # "1,684, or more than half of the deaths": the figure again, as a share
        part = _PARTS[m.group("part").lower()]
        count = _COUNTS[m.group("n").lower()] if m.group("n") else 1
        if m.group("n") is None and part != 2:
            continue  # "thirds of" alone is no share; "half of" is
        if count >= part:
            continue
        out.append((m.start(), m.end(), round(100.0 * count / part, 1)))
    return out
