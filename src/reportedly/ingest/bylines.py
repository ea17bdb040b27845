"""Reading one line of an article's furniture: credits, bylines and datelines.

``Reporting by A; Editing by B``, ``By NAME``, ``WASHINGTON (Reuters) -``: each reader takes one
line (or the start of a paragraph) and returns what it names, or ``None`` when the line is not
unambiguously that, because :mod:`.layout` keeps anything else as body text. The length
limits of layout lines are declared here too, as both modules judge lines by them.
"""

from __future__ import annotations

import re
from typing import Any

# Lines this long are never headlines, crossheads or related items.
HEADLINE_MAX = 200
STANDFIRST_MAX = 300
CROSSHEAD_MAX = 100
CROSSHEAD_MAX_WORDS = 14
_CREDIT_ROLE = re.compile(
    r"""^\(?\s*(?P<role>(?:additional\s+)?
        (?:reporting|writing|editing|edited|written|compiled|reported|research|photos?|photography
          |graphics?|produced|fact[- ]checking|fact[- ]checked|translation|translated|video)
        (?:\s+and\s+\w+)?)
      \s+by\s+(?P<names>.+?)\s*\)?\s*\.?\s*\)?$""",
    re.IGNORECASE | re.VERBOSE,
)


# Case-sensitive on purpose: a hard-wrapped line "by Russia and China" is not a byline.
_TOP_BYLINE = re.compile(r"^(?:By|BY)\s+(?P<names>.+?)\.?$")

# Words allowed lowercase inside a run of names ("Ursula von der Leyen").
_NAME_PARTICLES = frozenset(
    str.split("and in of the de del della der di da dos du van von bin al el la le y zu st")
)


_NAME_SPLIT = re.compile(r"\s*(?:[,;&|/·]|\band\b|\s[–—-]\s)\s*", re.IGNORECASE)
_PLACE_SUFFIX = re.compile(r"\s+in\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*")
_DATELINE = re.compile(
    r"""(?P<place>[A-Z][A-Z.'’-]*(?:\s+[A-Z][A-Z.'’-]*){0,4})
        (?P<region>,\s*[A-Z0-9][\w.'’-]*(?:\s+[A-Z0-9][\w.'’-]*){0,3})?
        (?:\s*\((?P<agency>[A-Za-z][\w .&/-]{0,30})\))?
        (?:\s*(?:[–—]|--)\s*|\s+-\s*|-(?=[A-Z][a-z])|\s*(?P<colon>:)\s+)  # "AL-QAEDA" has no dateline
        (?=["“‘'(]?[A-Z0-9])""",
    re.VERBOSE,
)


_MONTH = re.compile(
    r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}$", re.IGNORECASE
)


def _names_ok(names: str) -> bool:
    """True when ``names`` reads like a list of proper names, not a clause."""
    names = _PLACE_SUFFIX.sub("", names).strip().rstrip(".")
    if not names or len(names) > 160:
        return False
    pieces = [p for p in _NAME_SPLIT.split(names) if p]
    if not pieces:
        return False
    for piece in pieces:
        words = piece.split()
        if not words or len(words) > 5:
            return False
        for w in words:
            w = w.strip("()\"'“”‘’")
            if not w:
                continue
            if w.lower() in _NAME_PARTICLES:
                continue
            if not (w[0].isupper() or w[0].isdigit()):
                return False
    return True


def _clean_names(names: str) -> str:
    names = _PLACE_SUFFIX.sub("", names)
    return names.strip().rstrip(".").strip("() ").strip()


def credit_of(s: str) -> list[dict[str, str]] | None:
    """Parse an agency-style credit line ("Reporting by A; Editing by B")."""
    if len(s) > STANDFIRST_MAX or ("by " not in s and "BY " not in s):
        return None
    first_alpha = next((c for c in s if c.isalpha()), "")
    if not first_alpha.isupper():
        return None  # "reporting by Reuters" inside a wrapped sentence
    credits: list[dict[str, str]] = []
    for segment in s.strip().strip("()").split(";"):
        segment = segment.strip()
        if not segment:
            continue
        m = _CREDIT_ROLE.match(segment)
        if not m or not _names_ok(m.group("names")):
            return None
        credits.append(
            {"role": " ".join(m.group("role").lower().split()), "names": _clean_names(m.group("names"))}
        )
    return credits or None


def top_byline_of(s: str) -> list[dict[str, str]] | None:
    """Parse a "By NAME" line; a sentence starting "By Monday, ..." must not match."""
    if len(s) > CROSSHEAD_MAX:
        return None
    m = _TOP_BYLINE.match(s)
    if not m or not _names_ok(m.group("names")):
        return None
    return [{"role": "by", "names": _clean_names(m.group("names"))}]


def byline_of(s: str) -> list[dict[str, str]] | None:
    return credit_of(s) or top_byline_of(s)


def dateline_of(text: str, start: int, end: int) -> dict[str, Any] | None:
    m = _DATELINE.match(text, start, end)
    if not m:
        return None
    place = m.group("place")
    letters = sum(c.isalpha() for c in place)
    if letters < 2 or len(m.group(0)) > 80:
        return None
    if m.group("colon") and letters < 4:
        return None  # "US: Prices rose" is a label, not a dateline
    region = (m.group("region") or "").lstrip(",").strip()
    info: dict[str, Any] = {"body_start": m.end()}
    place_end = m.end("place")
    if region and _MONTH.match(region):
        info["date"] = region
    elif region:
        place_end = m.end("region")
    info["place"] = (start, place_end)
    if m.group("agency"):
        info["agency"] = m.group("agency").strip()
    return info
