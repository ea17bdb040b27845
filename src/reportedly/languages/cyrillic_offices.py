"""An office named with a capital after "в"/"у": "В Минобороны РФ сообщили", "В Кремле заявили",
"В Офісі генпрокурора повідомили", "У Генштабі ЗСУ".

"В пресс-службе сообщили" has long given the office as the source; a capitalised word after the
preposition was taken for a town ("В Москве сообщили") and the statement left with no source.
An office is told from a town by the dictionary (an organisation's name, not a place's, a
surname's or a first name's) or by an office's own word ("офис", "кремль", "генштаб").

Also who a named outlet's reporter speaks for (:func:`correspondents_outlet`): "как рассказал
корреспондент РИА Новости" is the agency's report, and the agency is its source.
"""

from __future__ import annotations

from .cyrillic_lexicon import morph
from .cyrillic_tokens import Tok

#: offices named with a capital after "в"/"у" ("В Кремле заявили", "В Офисе генпрокурора сообщили")
_OFFICE_WORDS = frozenset(
    """офис кремль генштаб штаб министерство правительство администрация ведомство
    офіс кремль генштаб штаб міністерство уряд адміністрація відомство""".split()  # noqa: SIM905
)


def named_office(code: str, head: Tok) -> bool:
    """Whether a capitalised noun after "в"/"у" is an office, not a town (module docstring)."""
    readings = morph(code).parse(head.text.lower())[:3]
    tags = [set(str(p.tag).replace(" ", ",").split(",")) for p in readings]
    if tags and tags[0] & {"Geox", "Surn", "Name"}:
        return False
    return any("Orgn" in t for t in tags) or head.lemma in _OFFICE_WORDS


#: a reporter of a named outlet ("корреспондент РИА Новости"), who speaks for it
_CORRESPONDENTS = frozenset({"корреспондент", "кореспондент", "корреспондентка", "кореспондентка"})


def correspondents_outlet(code: str, src: list[Tok], stext: str) -> str | None:
    """The outlet a source phrase "корреспондент X" names (X in the nominative when it is one
    word: "Интерфакса" → "Интерфакс"); None when the phrase is no named outlet's reporter."""
    if len(src) < 2 or src[0].lemma not in _CORRESPONDENTS or not src[1].cap:
        return None
    word = stext[src[1].start : src[-1].end]
    gen = [p for p in morph(code).parse(word.lower())[:3] if p.tag.case == "gent" and p.tag.POS == "NOUN"]
    return gen[0].normal_form.capitalize() if len(src) == 2 and gen else word


def abbreviation(word: str) -> bool:
    """Whether a word is an abbreviation in capitals ("РФ", "МВД", "ДСНС") and no media outlet's
    ("В полиции ТАСС сообщили": whom the police told): the owner of an office named by a common
    noun ("у міністерстві оборони РФ", round 15)."""
    from ..extract.gazetteer import load_gazetteer
    from ..model import EntityType

    if not (len(word) > 1 and word.isupper() and word.isalpha()):
        return False
    known = load_gazetteer().lookup(word)
    return known is None or known[1] is not EntityType.MEDIA_OUTLET


def quoted_title(src: list[Tok], stext: str) -> str | None:
    """The name in quotation marks a source phrase ends with, after common words only
    ("новостной телеграм-канал «База»", "газета «Известия»"): who it is, as the name alone is
    (round 15); None when the phrase ends otherwise or names someone before the marks."""
    if len(src) < 4 or src[-1].text not in '»”"':
        return None
    k = next((n for n in range(len(src) - 2, 0, -1) if src[n].text in '«„“"'), None)
    if k is None or k + 1 >= len(src) - 1:
        return None
    words = [t for t in src[:k] if not t.punct]
    if not words or any((t.cap and n > 0) or t.text.isupper() for n, t in enumerate(words)):
        return None  # "РИА «Новости»": the abbreviation is part of the name
    if any(t.pos not in ("NOUN", "ADJF", "PRTF") for t in words):
        return None
    if [t for t in words if t.pos == "NOUN"] != words[-1:]:
        return None  # "сайт мережі «Колос»": the name is the network's, not the site's
    return stext[src[k + 1].start : src[-2].end]
