"""A source named by a description: "Задержанный стрелок заявил", "молодой человек заявил".

A report names a person once ("… это 19-летний Ильназ Галявиев") and then speaks of them by
what they are: an adjective or participle and a common noun for a person ("задержанный
стрелок", "молодой человек", "поранений чоловік"). Such a phrase names nobody new; read as an
organisation it would be a source of its own. :func:`describes` says whether a source phrase is
one; ``names.Resolver`` then gives it to the person named last in its paragraph or the one before
(``Cyrillic.last_person``). Titles ("министр", "голова") are not descriptions: they have their
own rule (``Speakers.title_of``), which looks for the person named with the title.
"""

from __future__ import annotations

from .cyrillic_lexicon import Lexicon, morph

#: at most this many words: one or two modifiers and the noun
_MAX_WORDS = 3


def describes(code: str, lex: Lexicon, mention: str) -> bool:
    """Whether ``mention`` is modifiers then one animate singular common noun in the nominative
    (the Ukrainian dictionary tags no number on a singular), none of it a name, a number or a
    title (module docstring)."""
    words = mention.split()
    if not 2 <= len(words) <= _MAX_WORDS or any(not w.isalpha() for w in words):
        return False
    if any(w[:1].isupper() for w in words[1:]):
        return False  # a name in it: not a description
    *mods, head = words
    # a reading among the first few ("стрелок" reads first as a genitive plural of "стрелка")
    nouns = [
        p
        for p in morph(code).parse(head.lower())[:4]
        if p.tag.POS == "NOUN" and "anim" in p.tag and p.tag.number != "plur" and p.tag.case == "nomn"
    ]
    if not nouns:
        return False
    noun = nouns[0]
    named = any(g in str(noun.tag) for g in ("Name", "Surn", "Patr", "Orgn"))
    if noun.normal_form in lex.person_titles or named:
        return False
    return all(
        any(p.tag.POS in ("ADJF", "PRTF") and p.tag.case == "nomn" for p in morph(code).parse(w.lower())[:4])
        for w in mods
    )
