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


def titled_name(name: str, role_nouns: frozenset[str]) -> tuple[str, str] | None:
    """(the name, the title) of a person written after their title as one mention: "Odisha Chief
    Secretary Pradeep Jena" -> ("Pradeep Jena", "Odisha Chief Secretary"). The tagger often reads
    such a string as an organisation or a place, and the person then counts as a body of their
    own beside the same person named plainly. The name is the two to four capitalised words after
    the last role noun; a role followed by "of" ("Secretary General of the group") names none."""
    words = name.split()
    at = max((i for i, w in enumerate(words) if w.lower().strip(".,") in role_nouns), default=None)
    if at is None or at == 0 and len(words) < 3:
        return None
    person = words[at + 1 :]
    if not 2 <= len(person) <= 4 or not all(w[:1].isupper() for w in person):
        return None
    return " ".join(person), " ".join(words[: at + 1])


def same_as_known(name: str, known: dict[str, list[list[str]]]) -> bool:
    """Whether a name the tagger typed as a body is the full name of a person of the corpus
    ("KS Anand" beside "K. S. Anand"): two to four capitalised words whose parts are that
    person's. ``known``: the corpus's people's name parts by surname skeleton."""
    words = name.split()
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
        return False
    parts = name_parts(name)
    if len(parts) < 2:
        return False
    return any(same_person(parts, p) for p in known.get(skeleton(parts[-1]), []))


# A Korean name in Hangul and the same name romanised ("윤희근" / "Yoon Hee-keun", "이상민" / "Lee
# Sang-min"): romanisations differ (g/k, eo/u, Lee/Yi/Rhee), so each syllable is compared by its
# consonants in classes that every romanisation keeps apart: the initial consonant (the silent
# ㅇ none) and the final one, vowels dropped.
_INITIAL = "kknttlmppss-jjjktph"  # the 19 initial jamo in Unicode order (ㄱ ㄲ ㄴ ㄷ … ㅎ); ㅇ silent
_FINAL = "-kkknnntllllllllmppttNttktpt"  # the 28 finals (none, ㄱ … ㅎ); ㅇ is "ng"


def _hangul_syllables(name: str) -> list[tuple[str, str]] | None:
    """Per syllable its (initial, final) consonant classes, "" for none, for a name of 2 to 4
    Hangul syllables (else None)."""
    if not 2 <= len(name) <= 4 or not all(0xAC00 <= ord(ch) <= 0xD7A3 for ch in name):
        return None
    out = []
    for ch in name:
        code = ord(ch) - 0xAC00
        out.append((_INITIAL[code // 588].strip("-"), _FINAL[code % 28].strip("-")))
    return out


def _latin_classes(word: str) -> str:
    """A romanised word's consonant classes, in the syllable classes of :func:`_hangul_syllables`:
    an h or r after a vowel spells the vowel ("Oh", "Park"), doubled letters are one ("Duck")."""
    w = re.sub(r"[^a-z]", "", word.lower())
    for a, b in (("rh", "r"), ("ng", "N"), ("tch", "j"), ("ch", "j"), ("sh", "s"), ("kh", "k"), ("ph", "p")):
        w = w.replace(a, b)
    w = re.sub(r"(?<=[aeiouy])[hr](?![aeiouy])", "", w.replace("th", "t"))
    w = w.translate(str.maketrans("gcqdbfzr", "kkktppjl"))
    return _single(re.sub(r"[aeiouyw]", "", w))


def _single(classes: str) -> str:
    return re.sub(r"(.)\1+", r"\1", classes)


def korean_romanised(hangul: str, latin: str) -> bool:
    """Whether a Hangul name and a romanised one are one name: the family syllable (first in
    Hangul, first or last in Latin) and the given name's consonants agree. A silent family
    initial (이, 윤, 유) matches a romanised l/r ("Lee", "Rhee") or none ("Yi", "Yoon")."""
    sylls = _hangul_syllables(hangul)
    words = [w for w in re.split(r"[\s\-]+", latin.strip()) if w]
    if sylls is None or len(words) < 2 or not all(w.isascii() and w[:1].isalpha() for w in words):
        return False
    (initial, final), given = sylls[0], _single("".join(i + f for i, f in sylls[1:]))
    family = {initial + final} | ({"l" + final} if not initial else set())
    for fam, rest in ((words[0], words[1:]), (words[-1], words[:-1])):
        if _latin_classes(fam) in family and _latin_classes("".join(rest)) == given:
            return True
    return False
