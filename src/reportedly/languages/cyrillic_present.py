"""The outlet's own voice in the present: what is going on, told in a sentence with no cue.

"Тривають пошуково-рятувальні роботи." "На місці трагедії працюють усі служби." "Правоохоронці
фіксують черговий злочин." "Наразі розглядаються декілька версій трагедії." "Завтра в Одесі буде
оголошена жалоба." A report tells the state of things in the present as often as what happened
(:mod:`.cyrillic_outlet` reads only the past); the gold sets list such sentences as claims, the
outlet's own or, after a speaker in the same paragraph, the speaker's going on. Round 12.

The sentence's first verb outside quotation marks is a present of the third person ("тривають",
"працює", "розглядаються") or a future of "быть/бути" before a short passive participle ("буде
оголошена": an act announced); no reporting verb, modal or conditional anywhere outside the
quotation marks; no pronoun before the verb; no question; three words at least. Not read: being,
having or being called ("Дамба находится …", "Имеется запас коек", "Его зовут …": a description),
"Речь идет о …" / "Мова йде про …" (what something is about: someone's reading), a
verb before "що/что" ("Підкреслюється, що …", "Зазначається, що …": someone's words, unnamed).
"Співробітники СБУ проводять …" with nobody named before it is the outlet's too (round 13: an
institution's act told with no cue is the outlet's claim, docs/languages.md; round 12 left it
unread while the gold sets credited such lines to the institution). Unlike a past event
it needs no name: "Триває розбір завалів" is checkable by anyone at the scene.

Who is among the dead or hurt, with no verb ("Серед загиблих – місцеві жителі", "Серед них також
є дитина", "Среди погибших …") is a tally's part: reported, and it goes on from a speaker who gave
figures as figures do (the next three paragraphs); with no such speaker it is left unread (read in
uk-heldout8: such lines follow a statement the reader did not tie to its figures, and were
someone's, not the outlet's).

Its stance: an operation or help still going on, a count still rising ("тривають роботи",
"надається допомога", "проводяться аварійно-рятувальні роботи", "зростає кількість жертв") is a
situation update, which the gold sets read as ``reported``, and so is a tally with no figure
("десятки людей вважаються зниклими", the reader's ``figures_told``); a figure still being
established or told differently ("Остаточну кількість загиблих встановлюють", "Данные разнятся")
is ``unverified``; any other act in the present ("фіксують злочин", "розглядаються версії") is a
plain statement, ``asserted``. "Немає" (there is none) and "планується" (is planned) are no state
of things told: someone's count, someone's plan.
"""

from __future__ import annotations

from ..model import Stance
from .common import Range
from .cyrillic_lexicon import Lexicon, morph
from .cyrillic_tokens import QUOTES, Tok, quoted_words, tokens

#: words that make a sentence a judgement or a hypothesis, not a state of things
_MODAL = frozenset(
    """мочь могти можливо возможно бы б би якби если якщо нужно нужен треба потрібно необхідно
    должен повинен""".split()  # noqa: SIM905
)
#: pronouns that point back at a speaker or a thing of the sentence before, in any case
_BACK = frozenset(
    """он она оно они это мы я вы він вона воно вони це ми ви его её ее их ему им його її їх йому
    їм""".split()  # noqa: SIM905
)
#: lemmas of being, having, being called: a description of a thing, not the state of affairs
_DESCRIBING = frozenset(
    """находиться знаходитися являться являтися иметься матися называться називатися звать звати
    состоять складатися бути быть немати планироваться плануватися""".split()  # noqa: SIM905
)
#: lemmas of a figure still being established ("кількість … встановлюють"; "Следователи
#: устанавливают обстоятельства" is an act) or told differently: not yet known (unverified)
_PENDING = frozenset(
    """встановлювати устанавливать уточнювати уточнять з'ясовувати з’ясовувати выяснять""".split()  # noqa: SIM905
)
_DIFFER = frozenset({"разниться", "різнитися"})
_FIGURE = ("кількіст", "количеств", "числ", "дані", "даних", "данны", "сведени", "відомост")
#: stems of the nouns of an operation or help going on ("проводяться аварійно-рятувальні роботи")
_OPERATION = (
    "робот",
    "работ",
    "операці",
    "операци",
    "розбір",
    "розбор",
    "разбор",
    "пошук",
    "поиск",
    "допомог",
    "помощ",
)
#: lemmas of an operation, help or count still going on: a situation update (reported)
_SITUATION = frozenset(
    """тривати продовжуватися продовжуватись продолжаться продолжать идти вестись вестися
    продовжувати працювати работать надавати надаватися оказывать оказываться ліквідовувати ликвидировать
    зростати расти збільшуватися увеличиваться уточнюватися уточнюватись уточняться
    рятувати спасать шукати искать розбирати разбирать""".split()  # noqa: SIM905
)
#: lemmas of holding a version ("Следственный комитет РФ рассматривает взрыв газа как основную
#: версию"): the subject's judgement, which keeps its maker (round 13), not the outlet's state of
#: things; the passive ("розглядаються кілька версій", nobody named) stays the outlet's
_JUDGING = frozenset({"рассматривать", "розглядати"})
_BE = frozenset({"быть", "бути"})
_AMONG = frozenset({"серед", "среди"})
_SPEECH = frozenset({"речь", "мова"})
#: the dead, hurt or missing, in the genitive plural after "серед/среди" ("них": of those counted)
_HURT = frozenset(
    """загиблих постраждалих поранених травмованих зниклих жертв погибших пострадавших раненых
    пропавших""".split()  # noqa: SIM905
)
_MIN_WORDS = 3


def ongoing(
    code: str, lex: Lexicon, sentence: str, after_speaker: bool = False
) -> tuple[Range, Stance, bool] | None:
    """(the verb's offsets in the sentence, the stance, whether it is a tally's part) when
    ``sentence`` tells the state of things in the present with no cue, or who is among the dead or
    hurt (module docstring), else None. ``after_speaker``: a speaker was named earlier in the
    paragraph, who goes on into it (an institution's people then are its own)."""
    s = sentence.strip()
    if not s or s[0] in QUOTES or s.endswith("?"):
        return None
    toks = tokens(code, sentence)
    among = _among(code, toks)
    if among is not None:
        return among, Stance.REPORTED, True
    if sum(1 for t in toks if not t.punct and t.text[0].isalpha()) < _MIN_WORDS:
        return None
    quoted = quoted_words(toks)
    verb: tuple[Range, str] | None = None
    for n, t in enumerate(toks):
        if quoted[n] or t.punct:
            continue
        low = t.text.lower()
        if t.lemma in lex.verbs or t.lemma in _MODAL or low in _MODAL:
            return None  # someone says it, or a judgement
        if verb is not None:
            continue
        tag = morph(code).parse(low)[0].tag
        if tag.POS != "VERB":
            continue
        if any(x.text.lower() in _BACK for x in toks[:n] if not x.punct):
            return None  # "Вони працюють …": a subject pointing back
        if "pres" in tag and "3per" in tag:
            if (
                t.lemma in _DESCRIBING
                or t.lemma in _JUDGING
                or (n > 0 and toks[n - 1].text.lower() in _SPEECH)
            ):
                # "Дамба находится в черте города", "имеется запас коек": a description;
                # "Речь идет о …", "Мова йде про …": what something is about, someone's reading
                return None
            if any(x.text.lower() in lex.that for x in toks[n + 1 : n + 3]):
                return None  # "Підкреслюється, що …": said by someone, not the outlet's state of things
            verb = ((t.start, t.end), t.lemma)
        elif t.lemma in _BE and "futr" in tag and _participle_next(code, toks, n):
            verb = ((t.start, toks[n + 1].end), t.lemma)
        else:
            return None  # the first verb is a past, an imperative, an infinitive: not this reading
    if verb is None:
        return None
    span, lemma = verb
    if lemma in _DIFFER or (lemma in _PENDING and any(t.text.lower().startswith(_FIGURE) for t in toks)):
        return span, Stance.UNVERIFIED, False  # "Остаточну кількість загиблих встановлюють"
    going_on = lemma in _SITUATION or any(t.text.lower().startswith(_OPERATION) for t in toks)
    return span, Stance.REPORTED if going_on else Stance.ASSERTED, False


def _among(code: str, toks: list[Tok]) -> Range | None:
    """ "Серед загиблих – …", "Серед них також є дитина", "Среди погибших …": who is among the
    dead or hurt, told with no verb (but "є/есть"): the offsets of "серед/среди" and the word
    after it, or None."""
    words = [t for t in toks if not t.punct]
    if len(words) < 3 or words[0].text.lower() not in _AMONG:
        return None
    head = words[1].text.lower()
    if head not in ("них", "їх") and head not in _HURT:
        return None
    for t in words[2:]:
        if t.text.lower() in ("є", "есть"):
            continue
        if morph(code).parse(t.text.lower())[0].tag.POS == "VERB":
            return None  # "Серед загиблих опинилися …": a sentence with its own verb
    return words[0].start, words[1].end


def _participle_next(code: str, toks: list[Tok], n: int) -> bool:
    """Whether a short passive participle follows "буде/будет" ("буде оголошена")."""
    if n + 1 >= len(toks) or toks[n + 1].punct:
        return False
    tag = morph(code).parse(toks[n + 1].text.lower())[0].tag
    return tag.POS == "PRTS" or (tag.POS == "ADJF" and "pssv" in tag)  # uk reads "оголошена" so


def going_on(code: str, text: str) -> bool:
    """Whether words tell an operation, help or count still going on ("поисковая операция
    продолжается", "на месте работают спасатели"): a situation update, which the gold sets read
    as ``reported`` whatever verb tells it."""
    toks = [t for t in tokens(code, text) if not t.punct]
    return any(
        t.lemma in _SITUATION or t.lemma in _CONDITION or t.text.lower().startswith(_OPERATION + _CARE)
        for t in toks
    )


#: a patient's condition and care ("стрелок находится в реанимации", "доставили в больницу", "стан
#: важкий"): a situation update, as "оценивают состояние как тяжелое" is (round 13)
_CONDITION = frozenset({"состояние", "стан"})
_CARE = ("реанимац", "реанімац", "больниц", "лікарн", "госпитал", "госпітал", "шпитал", "ивл", "швл")
