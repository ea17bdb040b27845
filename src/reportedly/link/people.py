"""Whether two written names are one person: transliterations (Zelensky / Zelenskyy), initials,
titles and honorifics. Split from :mod:`.entities`, which decides what the index merges.
"""

from __future__ import annotations

import re

from rapidfuzz.distance import JaroWinkler

from ..extract.lexicon import TITLES
from .organisations import fold

#: Words around a name that are no part of it: honorifics and generational suffixes.
_NOT_NAME = frozenset(
    {"mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady", "prof", "jr", "sr", "ii", "iii"}
)


def skeleton(word: str) -> str:
    """The consonants of a transliterated name: zelensky, zelenskyy, zelenskiy -> zlnsk."""
    w = word.replace("x", "ks").replace("q", "k")  # Arabic qaf written q or k: Tawfiq / Tawfik
    w = w[:1] + re.sub(r"[aeiouyjhw]", "", w[1:])
    return re.sub(r"(.)\1+", r"\1", w)


def same_surname(a: str, b: str) -> bool:
    """Two folded surnames that are one name written two ways (Shoigu/Shoygu, Klymenko/Klimenko)."""
    if a == b:
        return True
    return (
        min(len(a), len(b)) >= 4
        and skeleton(a) == skeleton(b)
        and JaroWinkler.normalized_similarity(a, b) >= 0.85
    )


def same_given(a: str, b: str) -> bool:
    """Given names that agree: equal, an initial, or transliterated (Andrei/Andrey, Dmitry/Dmitri)."""
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return skeleton(a) == skeleton(b) and JaroWinkler.normalized_similarity(a, b) >= 0.75


def name_parts(name: str) -> list[str]:
    """Folded name words without titles and honorifics: "Mr Erdoğan" -> ["erdogan"]."""
    words = [w for w in fold(name.replace("’s", "").replace("'s", "")).split() if w not in _NOT_NAME]
    while len(words) > 1 and words[0] in TITLES:
        words = words[1:]
    return [w for w in words if len(w) > 1 or len(words) > 2]


def same_person(a: list[str], b: list[str]) -> bool:
    """Two full names of one person: the surnames agree, and the given names (first, or all of one side)."""
    if len(a) < 2 or len(b) < 2 or not same_surname(a[-1], b[-1]):
        return False
    ga, gb = a[:-1], b[:-1]
    if same_given(ga[0], gb[0]):
        return True
    short, long_ = sorted((ga, gb), key=len)
    return all(any(same_given(s, x) for x in long_) for s in short)  # "Tayyip Erdogan", "Recep Tayyip …"
