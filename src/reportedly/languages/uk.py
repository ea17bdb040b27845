"""Ukrainian: spaCy's Ukrainian tokenizer for sentences, pymorphy3's Ukrainian dictionary for
lemmas, cases and names, the shared Cyrillic rules.

``spacy.blank("uk")`` needs no model (its tokenizer rules ship with spaCy); pymorphy3's
Ukrainian dictionary is the pymorphy3-dicts-uk package. People are found as two or three
capitalised words the dictionary reads as a first name and a surname.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ..model import Document, Ledger
from .common import build_ledger
from .cyrillic import Cyrillic
from .cyrillic_lexicon import load_lexicon, morph, person_nominative

code = "uk"


#: the words and patterns of lexicons/uk.toml
LEXICON = load_lexicon("uk")


@lru_cache(maxsize=1)
def _spacy() -> Any:
    import spacy

    nlp = spacy.blank("uk")
    nlp.add_pipe("sentencizer")
    return nlp


def split(paragraph: str) -> list[tuple[int, int]]:
    """spaCy's Ukrainian sentences of a paragraph, where a full stop followed by a lower-case word
    ends no sentence: it closes an abbreviation ("в т.ч. троє дітей", "і т.д.", "ст. 110"); nor
    does one after a short lower-case abbreviation followed by digits ("в т.ч. 14 психологів",
    "10 тис. 300 м кв.")."""
    out: list[tuple[int, int]] = []
    for s in _spacy()(paragraph).sents:
        if (
            out
            and paragraph[out[-1][1] - 1 : out[-1][1]] == "."
            and (
                s.text.lstrip()[:1].islower()
                or (
                    _ABBREVIATION.search(paragraph[out[-1][0] : out[-1][1]]) and s.text.lstrip()[:1].isdigit()
                )
            )
        ):
            out[-1] = (out[-1][0], s.end_char)
        else:
            out.append((s.start_char, s.end_char))
    return out


#: a short lower-case abbreviation closing a sentence spaCy cut: "т.ч.", "тис.", "ст."
_ABBREVIATION = re.compile(r"(?<![\w.])(?:[а-яіїєґ]{1,3}\.){1,2}$")

_CAP = re.compile(r"[А-ЯІЇЄҐ][а-яіїєґ’'ʼ-]+")


@lru_cache(maxsize=256)
def people(text: str) -> list[tuple[int, int, str, str]]:
    """A capitalised word read as a first name and the one or two capitalised words after it
    (a patronymic, a surname), in the nominative."""
    caps = list(_CAP.finditer(text))
    out = []
    n = 0
    while n < len(caps):
        first = morph("uk").parse(caps[n].group(0).lower())
        nxt = caps[n + 1] if n + 1 < len(caps) else None
        # a first name the dictionary lacks ("Володимир": a person's noun, no surname) before a
        # surname it knows ("Зеленський"), in the same case: a town's name of two words ("Кривого
        # Рогу", "Кривому Рогу": each read as a surname only) is no person's name
        surnames = [p for p in morph("uk").parse(nxt.group(0).lower()) if "Surn" in p.tag] if nxt else []
        before_surname = (
            nxt is not None
            and text[caps[n].end() : nxt.start()].strip() == ""
            and any(
                p.tag.POS == "NOUN"
                and "anim" in p.tag
                and "Surn" not in p.tag
                and any(s.tag.case == p.tag.case for s in surnames)
                for p in first
            )
        )
        if not any("Name" in p.tag for p in first) and not before_surname:
            n += 1
            continue
        k = n + 1
        while k < len(caps) and k - n < 3 and text[caps[k - 1].end() : caps[k].start()].strip() == "":
            k += 1
        if k - n >= 2:
            words = [m.group(0) for m in caps[n:k]]
            out.append((caps[n].start(), caps[k - 1].end(), "PER", person_nominative("uk", words)))
        n = k
    return out


def reader() -> Cyrillic:
    return Cyrillic(LEXICON, split, people)


def extract(document: Document) -> Ledger:
    """The claim ledger of a Ukrainian document."""
    return build_ledger(document, reader())
