"""Putting a source phrase's words in the nominative so they agree: a head noun in its
adjectives' number ("міської ради" → "рада"), an adjective in its head noun's gender
("Национального антитеррористического комитета" → "Национальный").

Split out of :mod:`.cyrillic_speakers` (round 13, which was at the module size limit); used by
its ``normal_name``.
"""

from __future__ import annotations

from .cyrillic_lexicon import morph


def agreeing(code: str, word: str, adjective: object) -> str | None:
    """The head noun after adjectives in the nominative, in the adjectives' number ("міської ради"
    → "рада", not the plural "ради" the word also reads as): None when no reading agrees."""
    case, number = getattr(adjective, "case", None), getattr(adjective, "number", None)
    for p in morph(code).parse(word.lower())[:6]:
        if p.tag.POS == "NOUN" and p.tag.case == case and (p.tag.number == number or number is None):
            if p.tag.number == "plur" and number is None:
                continue
            form = p.inflect({"nomn"})
            if form is not None:
                return form.word[:1].upper() + form.word[1:] if word[:1].isupper() else form.word
    return None


def in_gender(code: str, adjective: str, after: list[str]) -> str | None:
    """An adjective in the nominative in its head noun's gender ("Национального
    антитеррористического комитета" → "Национальный", not the neuter the genitive also reads as);
    None when no noun follows the adjectives or none agrees."""
    for w in after:
        p = morph(code).parse(w.lower())[0]
        if p.tag.POS == "ADJF":
            continue
        if p.tag.POS != "NOUN" or p.tag.number != "sing" or p.tag.gender is None:
            return None
        for a in morph(code).parse(adjective.lower())[:6]:
            if a.tag.POS == "ADJF" and a.tag.case == p.tag.case and a.tag.gender == p.tag.gender:
                form = a.inflect({"nomn", "sing", p.tag.gender})
                if form is not None:
                    return form.word[:1].upper() + form.word[1:] if adjective[:1].isupper() else form.word
        return None
    return None


def noun_cases(code: str, word: str) -> set[str | None]:
    """The cases a noun can stand in."""
    return {p.tag.case for p in morph(code).parse(word.lower()) if p.tag.POS == "NOUN"}


def agrees_with_title(code: str, word: str, cases: set[str | None]) -> bool:
    """Whether a word read as a person's name can stand in one of ``cases``, those of the title
    before it: "главы района Иванова" agrees; in "голова Ради оборони Кривого Рогу" "Рогу" is a
    surname only in the dative, so it is a town's genitive, no name (round 15)."""
    named = [p for p in morph(code).parse(word.lower()) if {"Name", "Surn", "Patr"} & set(p.tag.grammemes)]
    known = cases - {None}  # a reading with no case ("глава") tells nothing
    return not known or not named or any(p.tag.case in known for p in named)
