"""Where a Korean, Russian or Ukrainian figure counts: the gazetteer's place its clause names.

An English measure carries the place its clause names ("people killed in Seoul",
:mod:`reportedly.extract.measure_places`); a figure in another language with no place has
another series key ("people killed") and never meets the English figures of the same count.
Here the clause around the number is searched for place names in the language's script
(:class:`reportedly.places.scripts.ScriptNames`) and the nearest one to the number is the
figure's place, as the English path prefers the place nearest its number within the clause.

Russian and Ukrainian words are looked up by their pymorphy3 lemmas ("в Херсонской области" →
"херсонский область"), only from a capitalised word (a place name is capitalised; "мир" the
word is not "Мир" the town), and a single word pymorphy3 reads only as a person's name or
surname is no place. Korean place
names are kiwipiepy's proper nouns (NNP) with their particles stripped ("서울에서" → "서울"), and
only a whole word: a proper noun written together with another noun is part of a longer name
("해밀턴호텔", the Hamilton Hotel, names no city).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..places import Place, default_places
from ..places.scripts import MAX_WORDS, MIN_LENGTH, ScriptNames

_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _cyrillic_key(code: str, name: str) -> str:
    """A gazetteer name's key: each word's lemma where the dictionary knows the word, else the
    word as written. Most of the index's 60,000 names are foreign names in Cyrillic the dictionary
    does not know ("Хьюстон"), written in the nominative: pymorphy3's guess by analogy is slow (it
    took four fifths of building the index) and gives nothing the text side lacks, which looks a
    word up by each of its readings and as written (:func:`_keys`)."""
    from .cyrillic_lexicon import morph, parse_word

    known = morph(code).word_is_known
    words = [w.lower() for w in _WORD.findall(name)]
    return " ".join(parse_word(code, w)[0] if known(w) else w for w in words)


def _korean_key(name: str) -> str:
    return " ".join(name.split())


@lru_cache(maxsize=3)
def names(code: str) -> ScriptNames:
    """The gazetteer's names in this language (built on first use, once per process)."""
    if code == "ko":
        return ScriptNames(default_places(), code, _korean_key)
    return ScriptNames(default_places(), code, lambda name: _cyrillic_key(code, name))


def mentions(code: str, text: str) -> list[tuple[int, int, Place]]:
    """The places named in ``text`` (a clause or sentence): (start, end, place), in text order."""
    if code == "ko":
        return _korean(text)
    if code in ("ru", "uk"):
        return _cyrillic(code, text)
    return []


def _cyrillic(code: str, text: str) -> list[tuple[int, int, Place]]:
    index = names(code)
    words = list(_WORD.finditer(text))
    found: list[tuple[int, int, Place]] = []
    k = 0
    while k < len(words):
        w = words[k]
        hit = None
        if w.group()[0].isupper():
            for n in range(min(MAX_WORDS, len(words) - k), 0, -1):
                span = words[k : k + n]
                if span[-1].end() - span[0].start() < MIN_LENGTH[code]:
                    continue
                place = next(
                    (p for key in _keys(code, [x.group() for x in span]) if (p := index.get(key))), None
                )
                if place is None:
                    continue
                hit = (span[0].start(), span[-1].end(), place, n)
                break
        if hit is None:
            k += 1
            continue
        found.append(hit[:3])
        k += hit[3]
    return found


def _keys(code: str, words: list[str]) -> list[str]:
    """The keys a run of words may stand for: its words' lemmas, each word read every way
    pymorphy3 reads it ("Києві" reads first as a form of the name "Кий", then of "Київ"), then
    the words as written. A single word read as a person's name is no place ("Кличко"), and where
    the dictionary marks places (Russian: ``Geox``) a single known word must be one ("Мир", the
    word, is not the town)."""
    from itertools import product

    from .cyrillic_lexicon import morph

    readings = []
    for w in words:
        parses = morph(code).parse(w.lower())[:4]
        if len(words) == 1:
            parses = [p for p in parses if not _a_person(str(p.tag))]
            if code == "ru":
                parses = [p for p in parses if "Geox" in str(p.tag) or not p.is_known]
            if not parses:
                return []
        forms = list(dict.fromkeys(p.normal_form for p in parses))
        readings.append(forms or [w.lower()])
    keys = [" ".join(ks) for ks in product(*readings)]
    return [*keys, " ".join(w.lower() for w in words)]


def _a_person(tag: str) -> bool:
    """Whether a pymorphy3 reading is a person's name, surname or patronymic."""
    return any(g in tag for g in ("Surn", "Name", "Patr"))


def _korean(text: str) -> list[tuple[int, int, Place]]:
    from .ko import kiwi

    index = names("ko")
    toks = kiwi().tokenize(text)
    found: list[tuple[int, int, Place]] = []
    k = 0
    while k < len(toks):
        if toks[k].tag != "NNP":
            k += 1
            continue
        if k > 0 and toks[k - 1].tag.startswith("NN") and _joined(toks[k - 1], toks[k]):
            k += 1  # the tail of a longer name ("…해밀턴"): not a name of its own
            continue
        j = k
        while j + 1 < len(toks) and toks[j + 1].tag == "NNP" and j + 1 - k < MAX_WORDS:
            j += 1
        hit = None
        for end in range(j, k - 1, -1):  # the longest run of proper nouns that is a name
            if (
                end + 1 < len(toks)
                and toks[end + 1].tag.startswith("NN")
                and _joined(toks[end], toks[end + 1])
            ):
                continue  # "해밀턴호텔", the Hamilton Hotel: a name that goes on is another name
            name = " ".join(t.form for t in toks[k : end + 1])
            place = index.get(_korean_key(name))
            if place is not None:
                hit = (toks[k].start, toks[end].start + toks[end].len, place, end)
                break
        if hit is None:
            k += 1
            continue
        found.append(hit[:3])
        k = hit[3] + 1
    return found


def _joined(a, b) -> bool:  # noqa: ANN001 - kiwipiepy tokens
    """Whether two kiwipiepy tokens are written as one word (no space between them)."""
    return bool(a.start + a.len == b.start)


def number_place(code: str, clause: str, at: int) -> Place | None:
    """The place of a figure: the name in its clause nearest the number (``at``, an offset in
    ``clause``), or None where the clause names none."""
    found = mentions(code, clause)
    if not found:
        return None
    return min(found, key=lambda m: min(abs(m[0] - at), abs(m[1] - at)))[2]
