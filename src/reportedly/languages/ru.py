"""Russian: natasha's sentences and named entities, pymorphy3's lemmas, the shared Cyrillic rules.

natasha ships its embeddings, NER and morphology models inside its packages (navec, slovnet):
nothing is downloaded. The named entities name the people in a source phrase
("глава района Владимир Петров" → Владимир Петров, in the nominative).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..model import Document, Ledger, Stance
from .common import build_ledger
from .cyrillic import Cyrillic
from .cyrillic_lexicon import Lexicon, by_stance, person_nominative

code = "ru"

_A, _C, _D, _E, _N, _U = (
    Stance.ASSERTED,
    Stance.CONFIRMED,
    Stance.DENIED,
    Stance.ESTIMATED,
    Stance.EXPECTED,
    Stance.UNVERIFIED,
)


LEXICON = Lexicon(
    code="ru",
    verbs=by_stance(
        {
            _A: "заявить заявлять сказать говорить отметить отмечать подчеркнуть подчёркивать рассказать "
            "рассказывать пояснить пояснять добавить добавлять написать писать уточнить уточнять "
            "объявить объявлять заверить указать констатировать призвать заметить напомнить напоминать "
            "обратить назвать называть обвинить обвинять привести цитировать процитировать ответить "
            "высказаться прокомментировать комментировать утверждать уверять уверить",
            # verbs that tell news rather than take a position: figures and situation updates
            Stance.REPORTED: "сообщить сообщать информировать проинформировать доложить передать передавать",
            _C: "подтвердить подтверждать признать признавать",
            _D: "опровергнуть опровергать отрицать отвергнуть отвергать",
            _E: "предположить предполагать считать счесть оценить оценивать полагать",
            _N: "ожидать прогнозировать предупредить предупреждать пообещать обещать",
        }
    ),
    according={
        "по словам": Stance.REPORTED,
        "по данным": Stance.REPORTED,
        "по информации": Stance.REPORTED,
        "по сведениям": Stance.REPORTED,
        "по оценкам": _E,
        "по мнению": _E,
        "по подсчетам": _E,
        "по подсчётам": _E,
        "по версии": _E,  # "по версии следствия": the investigators' account, a judgement
        "с слов": Stance.REPORTED,  # "с его слов" (the pronoun between)
        "со слов": Stance.REPORTED,
    },
    citing=(("со", "ссылкой", "на"), ("ссылаясь", "на")),
    as_reported=("как",),
    that=("что", "чтобы"),
    months={
        "январ": 1,
        "феврал": 2,
        "март": 3,
        "апрел": 4,
        "мая": 5,  # not "ма": "300 машин" is no date
        "июн": 6,
        "июл": 7,
        "август": 8,
        "сентябр": 9,
        "октябр": 10,
        "ноябр": 11,
        "декабр": 12,
    },  # fmt: skip
    weekdays={
        "понедельник": 0,
        "вторник": 1,
        "сред": 2,
        "четверг": 3,
        "пятниц": 4,
        "суббот": 5,
        "воскресень": 6,
    },
    today=("сегодня",),
    yesterday=("вчера", "накануне"),
    last_month=("в прошлом месяце",),
    expected=r"\bмо(?:жет|гут)\b|ожида[её]тся|прогноз|не исключ|превысит|возможн",
    estimated=r"предположительно|по оценкам|ориентировочно|\bмог(?:ло|ли|ла)\b|основани\w* полагать",
    unverified=(
        r"не подтвержд|не удалось подтвердить|неизвестн[оа]\b|пока не установ|не удалось установить"
        r"|нельзя сказать|невозможно сказать|никто не (?:скажет|знает)|информаци\w*[^.;]*\bнет\b"
        r"|\bнет\b[^.;]{0,20}информаци|собира\w*[^.;]{0,25}\bданны"
    ),
    more=(
        "более чем на",
        "более чем",
        "более",
        "свыше",
        "больше",
        "не менее",
        "как минимум",
        "по меньшей мере",
        "превысило",
        "превысит",
        "превышает",
    ),  # fmt: skip
    less=("до", "не более", "менее", "чуть меньше", "почти"),
    about=("около", "порядка", "примерно", "приблизительно", "в районе", "ориентировочно"),
    thousands=("тыс.", "тыс", "тысяч", "тысячи", "тысяча"),
    millions=("млн.", "млн", "миллиона", "миллионов", "миллион"),
    billions=("млрд.", "млрд", "миллиарда", "миллиардов", "миллиард"),
    number_words={
        "один": 1,
        "два": 2,
        "двое": 2,
        "три": 3,
        "трое": 3,
        "четыре": 4,
        "четверо": 4,
        "пять": 5,
        "пятеро": 5,
        "шесть": 6,
        "шестеро": 6,
        "семь": 7,
        "семеро": 7,
        "восемь": 8,
        "девять": 9,
        "десять": 10,
        "двадцать": 20,
        "тридцать": 30,
        "сорок": 40,
        "пятьдесят": 50,
        "сто": 100,
        "семи": 7,
        "двух": 2,
        "трех": 3,
        "трёх": 3,
        "пяти": 5,
        "шести": 6,
        "восьми": 8,
        "девяти": 9,
        "десяти": 10,
        "двоих": 2,
        "троих": 3,
        "восьмеро": 8,
        "девятеро": 9,
        "десятеро": 10,
        "одиннадцать": 11,
        "двенадцать": 12,
        "тринадцать": 13,
        "четырнадцать": 14,
        "пятнадцать": 15,
        "шестнадцать": 16,
        "семнадцать": 17,
        "восемнадцать": 18,
        "девятнадцать": 19,
        "шестьдесят": 60,
        "семьдесят": 70,
        "восемьдесят": 80,
        "девяносто": 90,
        "полтора": 1.5,  # "полутора тысяч": 1,500
        "полторы": 1.5,
        "двести": 200,
        "триста": 300,
    },  # fmt: skip
    titles=("глава", "представитель", "пресс-секретарь", "губернатор", "министр", "директор"),
    pronouns=frozenset({"он", "она", "они", "Он", "Она", "Они"}),
    earlier=(
        r"(?:(?:ранее|как|позже|позднее|затем|также|впоследствии)\s+)?"
        r"(?:сообщалось|стало известно|было известно)\b"
    ),
    recap=r"(?:(?:напомним|напоминаем|отметим|заметим|уточним)\b|справка\s*:)",
    passive=(
        r"(?:также\s+)?(?:сообщается|уточняется|отмечается|указывается|было заявлено|было сообщено"
        r"|отмечалось|уточнялось|указывалось|подчеркивалось|подчёркивалось)\b"
    ),
    pending=r"(?:уточняется|выясняется|устанавливается|уточняются|выясняются)\W*$",
    forecast_verbs=frozenset(
        str.split(
            "продлиться длиться продолжаться продолжиться работать вырасти расти возрасти увеличиться "
            "увеличиваться превысить превышать достигнуть достичь сократиться снизиться уменьшиться "
            "подняться подниматься опуститься"
        )
    ),
    future_aux=frozenset({"будет", "будут"}),
    conditional=r"^\W*(?:а\s+)?(?:если|в случае,? если)\b",
    told_earlier=r"\b(?:сообщалось|сообщалося|говорилось|говорилося)\b",
    likely=r"вероятно|вероятност|по всей видимости|судя по всему|\bпохоже\b|\bвидимо\b",
    denied=r"не соответству\w* действительности",
    person_titles=frozenset(
        str.split(
            "глава главарь пресс-секретарь спикер представитель губернатор министр директор основатель "
            "лидер владелец руководитель председатель мэр командующий начальник генпрокурор прокурор "
            "премьер-министр премьер посол омбудсмен вице-премьер замминистра заместитель"
        )
    ),
    # "аудиосообщении", "видеообращении": a statement recorded or filmed is a statement
    says_in=(
        r"[,–—-]\s*(?:говорится|сказано)\s+(?:в|во)\s+(?:(?:аудио|видео)?(?:сообщении|заявлении|обращении)"
        r"|документе|публикации|пресс-релизе|объявлении|посте|аудиозаписи|видеозаписи|ролике)\b"
    ),
)


@lru_cache(maxsize=1)
def _natasha() -> tuple[Any, Any]:
    # natasha's MorphVocab goes through pymorphy2 and pkg_resources; names are put in the
    # nominative with pymorphy3 instead
    from natasha import NewsEmbedding, NewsNERTagger, Segmenter

    return Segmenter(), NewsNERTagger(NewsEmbedding())


@lru_cache(maxsize=256)
def named_entities(text: str) -> list[tuple[int, int, str, str]]:
    """natasha's PER / ORG / LOC spans of a sentence: (start, end, type, name in the nominative)."""
    from natasha import Doc

    segmenter, ner_tagger = _natasha()
    doc = Doc(text)
    doc.segment(segmenter)
    doc.tag_ner(ner_tagger)
    out = []
    for span in doc.spans:
        normal = person_nominative("ru", span.text.split()) if span.type == "PER" else span.text
        out.append((span.start, span.stop, span.type, normal))
    return out


def split(paragraph: str) -> list[tuple[int, int]]:
    """razdel's sentences (natasha's segmenter) of a paragraph."""
    from razdel import sentenize

    return [(s.start, s.stop) for s in sentenize(paragraph)]


def reader() -> Cyrillic:
    return Cyrillic(LEXICON, split, named_entities)


def extract(document: Document) -> Ledger:
    """The claim ledger of a Russian document."""
    return build_ledger(document, reader())
