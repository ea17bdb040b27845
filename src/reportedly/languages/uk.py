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

from ..model import Document, Ledger, Stance
from .common import build_ledger
from .cyrillic import Cyrillic
from .cyrillic_lexicon import Lexicon, by_stance, morph, person_nominative

code = "uk"


LEXICON = Lexicon(
    code="uk",
    verbs=by_stance(
        {
            Stance.ASSERTED: "заявити заявляти сказати казати зазначити зазначати наголосити наголошувати "
            "розповісти розповідати пояснити пояснювати додати додавати написати писати уточнити уточнювати "
            "оголосити оголошувати запевнити вказати підкреслити констатувати закликати нагадати "
            "назвати називати звинуватити звинувачувати відповісти висловитися зауважити зауважувати "
            "прокоментувати коментувати цитувати процитувати підкреслювати стверджувати запевняти",
            Stance.REPORTED: "повідомити повідомляти інформувати поінформувати доповісти передати передавати",
            Stance.CONFIRMED: "підтвердити підтверджувати визнати визнавати",
            Stance.DENIED: "спростувати спростовувати заперечити заперечувати",
            Stance.ESTIMATED: "припустити припускати вважати оцінити оцінювати",
            Stance.EXPECTED: "очікувати прогнозувати попередити попереджати пообіцяти обіцяти",
        }
    ),
    according={
        "за словами": Stance.REPORTED,
        "за даними": Stance.REPORTED,
        "за інформацією": Stance.REPORTED,
        "за повідомленням": Stance.REPORTED,
        "за оцінками": Stance.ESTIMATED,
        "на думку": Stance.ESTIMATED,
        "за версією": Stance.ESTIMATED,  # "за версією слідства": the investigators' account
        "з слів": Stance.REPORTED,  # "з його слів" (the pronoun between)
        "із слів": Stance.REPORTED,
    },
    citing=(("з", "посиланням", "на"), ("посилаючись", "на"), ("із", "посиланням", "на")),
    as_reported=("як",),
    that=("що", "щоб"),
    months={
        "січ": 1,
        "лют": 2,
        "берез": 3,
        "квіт": 4,
        "трав": 5,
        "черв": 6,
        "лип": 7,
        "серп": 8,
        "верес": 9,
        "жовт": 10,
        "листопад": 11,
        "груд": 12,
    },  # fmt: skip
    weekdays={
        "понеділ": 0,
        "вівтор": 1,
        "серед": 2,
        "четвер": 3,
        "п'ятниц": 4,
        "п’ятниц": 4,
        "субот": 5,
        "неділ": 6,
    },
    today=("сьогодні",),
    yesterday=("вчора", "учора", "напередодні"),
    last_month=("минулого місяця",),
    # a future of change or duration ("триватиме", "зросте") is in ``forecast_verbs``
    expected=r"\bмо(?:же|жуть)\b|очікується|прогноз|не виключ|доведеться",
    estimated=r"орієнтовно|за оцінками|\bмог(?:ло|ли|ла)\b|підстав\w* вважати",
    unverified=(
        r"не підтвердж|не вдалося підтвердити|невідом[ао]\b|поки не встановл|не вдалося встановити"
        r"|не можна сказати|неможливо сказати|ніхто не (?:скаже|знає)|не змог\w* (?:\w+ )?зробити висновок"
        r"|можна буде (?:\w+ )?пізніше|інформаці\w*[^.;]*\bнемає\b|\bнемає\b[^.;]{0,20}інформаці"
        r"|збира\w*[^.;]{0,25}\bдані"
    ),
    more=("понад", "більше ніж", "більше", "щонайменше", "як мінімум", "принаймні", "не менше"),
    less=("майже до", "до", "не більше", "менше", "майже"),
    about=("близько", "приблизно", "орієнтовно", "майже близько"),
    thousands=("тис.", "тис", "тисяч", "тисячі", "тисяча"),
    millions=("млн.", "млн", "мільйона", "мільйонів", "мільйон"),
    billions=("млрд.", "млрд", "мільярда", "мільярдів", "мільярд"),
    number_words={
        "один": 1,
        "два": 2,
        "двоє": 2,
        "три": 3,
        "троє": 3,
        "чотири": 4,
        "четверо": 4,
        "п'ять": 5,
        "п’ять": 5,
        "п'ятеро": 5,
        "шість": 6,
        "шестеро": 6,
        "сім": 7,
        "семеро": 7,
        "вісім": 8,
        "дев'ять": 9,
        "десять": 10,
        "двадцять": 20,
        "тридцять": 30,
        "сорок": 40,
        "сто": 100,
        "трьох": 3,
        "дві": 2,
        "чотирьох": 4,
        "двох": 2,
        "сімох": 7,
        "п'ятьох": 5,
        "восьмеро": 8,
        "дев'ятеро": 9,
        "десятеро": 10,
        "одинадцять": 11,
        "дванадцять": 12,
        "тринадцять": 13,
        "чотирнадцять": 14,
        "п'ятнадцять": 15,
        "шістнадцять": 16,
        "сімнадцять": 17,
        "вісімнадцять": 18,
        "дев'ятнадцять": 19,
        "п'ятдесят": 50,
        "шістдесят": 60,
        "сімдесят": 70,
        "вісімдесят": 80,
        "дев'яносто": 90,
        "півтора": 1.5,  # "півтори тисячі": 1,500
        "півтори": 1.5,
        "двісті": 200,
        "триста": 300,
    },  # fmt: skip
    titles=("голова", "глава", "речник", "представник", "губернатор", "міністр", "директор", "мер"),
    pronouns=frozenset({"він", "вона", "вони", "Він", "Вона", "Вони"}),
    earlier=(
        r"(?:(?:раніше|як|пізніше|згодом|також|потім)\s+)?"
        r"(?:повідомлялося|повідомлялось|стало відомо|було відомо)\b"
    ),
    recap=r"(?:(?:нагадаємо|нагадуємо|зазначимо|відзначимо|зауважимо|уточнимо)\b|довідка\s*:)",
    passive=(
        r"(?:також\s+)?(?:повідомляється|уточнюється|зазначається|вказується|було заявлено"
        r"|було повідомлено|зазначалося|зазначалось|уточнювалося|наголошувалося|наголошувалось)\b"
    ),
    pending=r"(?:уточнюється|з'ясовується|з’ясовується|встановлюється|уточнюються|з'ясовуються)\W*$",
    forecast_verbs=frozenset(
        str.split(
            "тривати продовжуватися продовжитися працювати зрости зростати збільшитися збільшуватися "
            "перевищити перевищувати досягти досягнути скоротитися знизитися зменшитися піднятися"
        )
    ),
    future_aux=frozenset({"буде", "будуть"}),
    conditional=r"^\W*(?:а\s+)?(?:якщо|якби|у разі,? якщо)\b",
    told_earlier=r"\b(?:повідомлялося|повідомлялось|говорилося|говорилось)\b",
    likely=r"[йі]мовірн|\bсхоже\b|судячи з усього|вочевидь",
    denied=r"не відповіда\w* дійсності",
    person_titles=frozenset(
        str.split(
            "голова глава речник речниця представник представниця губернатор міністр міністерка директор "
            "мер керівник керівниця очільник очільниця засновник лідер власник начальник начальниця "
            "командувач генпрокурор прокурор прем'єр-міністр прем'єр посол омбудсман заступник"
        )
    ),
    says_in=(
        r"[,–—-]\s*(?:(?:ід|йд)еться|сказано)\s+(?:у|в)\s+(?:(?:аудіо|відео)?(?:повідомленні|зверненні)|заяві"
        r"|дописі|документі|публікації|оголошенні|аудіозаписі|відеозаписі|ролику)\b"
    ),
)


@lru_cache(maxsize=1)
def _spacy() -> Any:
    import spacy

    nlp = spacy.blank("uk")
    nlp.add_pipe("sentencizer")
    return nlp


def split(paragraph: str) -> list[tuple[int, int]]:
    """spaCy's Ukrainian sentences of a paragraph, where a full stop followed by a lower-case word
    ends no sentence: it closes an abbreviation ("в т.ч. троє дітей", "і т.д.", "ст. 110")."""
    out: list[tuple[int, int]] = []
    for s in _spacy()(paragraph).sents:
        if out and paragraph[out[-1][1] - 1 : out[-1][1]] == "." and s.text.lstrip()[:1].islower():
            out[-1] = (out[-1][0], s.end_char)
        else:
            out.append((s.start_char, s.end_char))
    return out


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
        # a first name the dictionary lacks ("Володимир") before a surname it knows ("Зеленський")
        before_surname = (
            nxt is not None
            and text[caps[n].end() : nxt.start()].strip() == ""
            and any("Surn" in p.tag for p in morph("uk").parse(nxt.group(0).lower()))
            and any(p.tag.POS == "NOUN" and "anim" in p.tag for p in first)
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
