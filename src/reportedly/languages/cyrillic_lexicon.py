"""What differs between Russian and Ukrainian (:class:`Lexicon`), and the morphology both read.

Each language's words are package data, ``lexicons/<code>.toml`` (one key a field), read by
:func:`load_lexicon`: the two files have one shape, which as Python was the same long declaration
twice. The reader (:mod:`.cyrillic`) and its numbers and dates (:mod:`.cyrillic_numbers`) read
words through :func:`parse_word`.
"""

from __future__ import annotations

import re
import tomllib
import typing
from collections.abc import Mapping
from dataclasses import dataclass, fields
from dataclasses import field as dataclass_field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..model import Stance


@dataclass(frozen=True, slots=True)
class Lexicon:
    """What differs between Russian and Ukrainian: words, and the morphology dictionary."""

    code: str
    verbs: dict[str, Stance]  # reporting verb lemmas
    according: dict[str, Stance]  # "по словам": the two words, lower-case, and the stance
    citing: tuple[tuple[str, ...], ...]  # "со ссылкой на", "посилаючись на": words before the origin
    as_reported: tuple[str, ...]  # "как сообщает": the first word
    that: tuple[str, ...]  # что / що
    months: dict[str, int]  # genitive month stems
    weekdays: dict[str, int]  # weekday stems, Monday 0
    today: tuple[str, ...]
    yesterday: tuple[str, ...]
    last_month: tuple[str, ...]
    expected: str  # a regex on the content: forecasts and possibility
    estimated: str  # a regex on the content: estimates
    unverified: str
    more: tuple[str, ...]  # more than / at least: low bound
    less: tuple[str, ...]  # up to / under: high bound
    about: tuple[str, ...]  # about: approximate
    thousands: tuple[str, ...]
    millions: tuple[str, ...]
    billions: tuple[str, ...]
    number_words: dict[str, float]
    titles: tuple[str, ...]  # nouns that make a source of a common noun ("глава", "представитель")
    pronouns: frozenset[str]
    #: a regex at a sentence's start: an earlier report nobody is named for ("Ранее сообщалось")
    earlier: str = ""
    #: a regex: "— говорится в сообщении" after the words of a statement named before
    says_in: str = ""
    #: a regex at a sentence's start: the outlet reminds ("Напомним, …", "Нагадаємо, …"); a source
    #: named in it is still the source, but the speaker before does not go on into it
    recap: str = ""
    #: a regex at a sentence's start: "Таким образом" / "Таким чином", the writer's sum of what the
    #: sentences before told; after a sentence nobody is quoted in, the speaker before stops
    thus: str = ""
    #: a regex at a sentence's start: an agentless passive of saying ("Сообщается, что …",
    #: "Повідомляється, що …"): the speaker before goes on, as when the subject is left out
    passive: str = ""
    #: a regex at a sentence's end: a figure still being established ("… уточняется."): unverified
    pending: str = ""
    #: verbs whose future is a forecast (rise, exceed, last until): "вырастет", "продлится",
    #: "будет расти", "триватиме"; the plain future of any other verb is the speaker's statement
    #: ("дело будет прекращено", "допомогу надаватимуть": asserted, as in English)
    forecast_verbs: frozenset[str] = frozenset()
    #: a regex anywhere in a sentence: the impersonal past of reporting ("Станом на ранок
    #: повідомлялося про 8 загиблих"): earlier reports, nobody named, the speaker before stops
    told_earlier: str = ""
    #: a regex at the content's start: an if-clause ("Если нам кто-то помешает, …"): conditional
    conditional: str = ""
    #: the auxiliary of the compound future ("будет", "буде")
    future_aux: frozenset[str] = frozenset()
    #: nouns that name one person by office ("пресс-секретарь", "керівник"): a source phrase of
    #: such a title and no name is the person named with that title before ("— сказал
    #: пресс-секретарь Кремля" after "пресс-секретарь президента Дмитрий Песков")
    person_titles: frozenset[str] = frozenset()
    #: a regex on the content: a word of probability ("вероятно", "ймовірно", "схоже", "висока
    #: ймовірність"): a judgement (estimated) about what is or was, a forecast (expected) about
    #: what will be (GLOSSARY.md: "estimate, assess" against "will likely")
    likely: str = ""
    #: a regex on the content: the speaker rejects what it reports ("не соответствуют
    #: действительности", "не відповідають дійсності"): denied, whatever the verb
    denied: str = ""
    #: words that open an according-to phrase as its preposition does, mapped to that
    #: preposition: "згідно з інформацією X" is read as "за інформацією X", "согласно данным X"
    #: as "по данным X" (the noun's case is the same after both)
    per: dict[str, str] = dataclass_field(default_factory=dict)
    #: nouns of speech that name a quotation's speaker in the genitive before a colon: "Пряма
    #: мова Резніченка: «…»", "Заявление Пескова: «…»"
    speech_nouns: frozenset[str] = frozenset()
    #: stems of the nouns of weapons a count may count ("двома балістичними ракетами", "2 дрони"):
    #: the count of the munitions of a strike tells how it was done, no tally of its toll, so a
    #: statement that counts only munitions is asserted, not reported (round 13)
    munitions: tuple[str, ...] = ()
    #: a parenthetical between commas after a subject and before its verb ("X, у свою чергу,
    #: повідомив", "X, в свою очередь, сообщил"): the subject is before it (round 13)
    asides: frozenset[str] = frozenset()


def by_stance(lemmas: Mapping[Stance, str]) -> dict[str, Stance]:
    """Lemma → stance, from each stance's lemmas written as one space-separated string: the way a
    language module lists its reporting verbs (a lemma listed twice keeps the later stance)."""
    return {lemma: stance for stance, text in lemmas.items() for lemma in text.split()}


def load_lexicon(code: str) -> Lexicon:
    """The :class:`Lexicon` of ``lexicons/<code>.toml``: a field's value as the file writes it, made
    the field's type (a list a tuple or frozenset; a frozenset of words may be one string of them;
    ``verbs`` each stance's lemmas as one string, ``according`` a stance's value)."""
    data = tomllib.loads((Path(__file__).parent / "lexicons" / f"{code}.toml").read_text(encoding="utf-8"))
    hints = typing.get_type_hints(Lexicon)
    unknown = set(data) - set(hints)
    if unknown:  # a misspelt key would otherwise leave its field at the default, silently
        raise ValueError(f"lexicons/{code}.toml: no Lexicon field {sorted(unknown)}")
    values: dict[str, Any] = {}
    for f in fields(Lexicon):
        if f.name not in data:
            continue
        v, kind = data[f.name], typing.get_origin(hints[f.name])
        if f.name == "verbs":
            v = by_stance({Stance(stance): lemmas for stance, lemmas in v.items()})
        elif f.name == "according":
            v = {words: Stance(stance) for words, stance in v.items()}
        elif kind is frozenset:
            v = frozenset(v.split() if isinstance(v, str) else v)
            # the apostrophe as pages type it ("прем’єр", "премʼєр"): the lexicon writes "'"
            v = v | {w.replace("'", mark) for w in v for mark in "’ʼ" if "'" in w}
        elif kind is tuple:
            v = tuple(tuple(x) if isinstance(x, list) else x for x in v)
        values[f.name] = v
    return Lexicon(**values)


@lru_cache(maxsize=2)
def morph(code: str) -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=code)


@lru_cache(maxsize=50_000)
def parse_word(code: str, word: str) -> tuple[str, str | None, str | None]:
    """Lemma, part of speech and case of the likeliest reading; the case is ``nomn`` when any
    noun reading is nominative ("власти" is both a genitive singular and a nominative plural)."""
    parses = morph(code).parse(word)
    p = parses[0]
    function = [q for q in parses[:3] if q.tag.POS in ("PREP", "CONJ", "PRCL")]
    if function and len(word) <= 4:  # "про" is a preposition before it is a noun
        p = function[0]
    case = p.tag.case
    if p.tag.POS == "NOUN" and any(q.tag.POS == "NOUN" and q.tag.case == "nomn" for q in parses[:4]):
        case = "nomn"
    return p.normal_form, str(p.tag.POS) if p.tag.POS else None, str(case) if case else None


# ------------------------------------------------------------------------------------ names


def surname_lemma(code: str, word: str) -> str:
    """A surname as its lemma, capitalised ("Смирнова" → "Смирнов")."""
    lemma = parse_word(code, word.lower())[0]
    return lemma[:1].upper() + lemma[1:]


def nominative(code: str, word: str) -> str:
    """One word in the nominative, as written when it already reads as one."""
    parses = morph(code).parse(word.lower())
    p = parses[0]
    if p.tag.case in (None, "nomn") or any(
        q.tag.case == "nomn" and q.tag.POS == p.tag.POS for q in parses[:4]
    ):
        return word
    form = p.inflect({"nomn"})
    if form is None:
        return word
    w = form.word
    return w[:1].upper() + w[1:] if word[:1].isupper() else w


def person_nominative(code: str, words: list[str]) -> str:
    """A person's name in the nominative ("Петра Смирнова" → "Петр Смирнов"): the first word that
    reads as a name gives the case and gender every word of the name agrees with."""
    readings = []
    for n, w in enumerate(words):
        parses = morph(code).parse(w.lower())
        # the last word (or a word alone) is a surname first: "Иванов" is no plural of Иван
        prefer = ("Surn",) if n == len(words) - 1 else ("Name", "Patr")
        readings.append(
            [p for p in parses if any(g in p.tag for g in prefer)]
            or [p for p in parses if any(g in p.tag for g in ("Name", "Surn", "Patr"))]
            or parses[:1]
        )
    case = gender = None
    for options in readings if len(words) > 1 else []:
        named = [p for p in options if "Name" in p.tag]
        # a source is never addressed: no vocative reading ("Павло" is not "Павла" called to); and
        # the reading the surname agrees with comes first ("Павла Кириленка": the genitive of
        # Павло, not the woman's name Павла)
        named = [p for p in named if p.tag.case != "voct"] or named
        last = readings[-1]
        named.sort(
            key=lambda p: (
                not any(q.tag.case == p.tag.case and q.tag.gender in (p.tag.gender, None) for q in last),
                not any(q.tag.gender == p.tag.gender for q in last),  # "Юлія Норовкова": a woman
            )
        )
        if named:
            case, gender = named[0].tag.case, named[0].tag.gender
            break
    out = []
    for word, options in zip(words, readings, strict=True):
        agree = [
            p for p in options if p.tag.case == case and (gender is None or p.tag.gender in (gender, None))
        ]
        if case == "nomn" and not agree:
            out.append(word)  # a surname the dictionary misreads ("Меликов"): as written
            continue
        p = (agree or options)[0]
        form = None if p.tag.case in (None, "nomn") else (p.inflect({"nomn", "sing"}) or p.inflect({"nomn"}))
        new = form.word if form is not None else word.lower()
        if "ё" in new and "ё" not in word.lower():
            new = new.replace("ё", "е")
        out.append(new[:1].upper() + new[1:] if word[:1].isupper() else new)
    return " ".join(out)


#: a word that may be a passive form of a verb of confirming: "подтверждена", "підтверджено"
_PASSIVE_WORD = re.compile(r"(?<![\w-])(?P<neg>не\s+)?(?P<word>[а-яёіїєґ]+(?:н|на|но|ны))(?!\w)")


def confirmed_passive(code: str, verbs: Mapping[str, Stance], low: str) -> bool:
    """Whether a lower-case sentence says a fact is confirmed with a passive and no one named:
    "Подтверждена гибель 48 человек" (a short passive participle, pymorphy3's PRTS) or "Підтверджено
    загибель 16 людей" (the Ukrainian impersonal in -но) of a verb the lexicon reads as confirming;
    "не подтверждена" is not (the lexicon's unverified pattern reads it first)."""
    for m in _PASSIVE_WORD.finditer(low):
        if m.group("neg"):
            continue
        p = morph(code).parse(m.group("word"))[0]
        passive = p.tag.POS == "PRTS" or (p.tag.POS == "VERB" and "Impe" in p.tag)
        if passive and verbs.get(p.normal_form) is Stance.CONFIRMED:
            return True
    return False
