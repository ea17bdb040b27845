"""The words of a Russian or Ukrainian sentence as the reader sees them (:class:`Tok`), and
the word-level tests more than one part of the reader asks.

Split out of :mod:`.cyrillic` (issue 17): the speaker finding (:mod:`.cyrillic_speakers`), the
sentence finders (:mod:`.cyrillic_finders`) and the reader itself all read these tokens.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .common import Range
from .cyrillic_lexicon import Lexicon, parse_word

#: a clock time ("16:01") is one word: its colon opens no clause
#: "и.о." / "в.о." / "т.в.о." (acting): one word of a title, not marks that end the speaker's phrase
_WORD = re.compile(r"\d{1,2}:\d{2}\b|\b(?:[Тт]\.\s?)?[ИиВв]\.\s?[Оо]\.|[\w’'ʼ`-]+|[^\w\s]")
#: the quotation marks of both languages' typography
QUOTES = '«»„“”"‘’'
_DASHES = "—–-"


@dataclass(slots=True)
class Tok:
    """One word or mark of a sentence, with its offset in the sentence and what pymorphy3 read in
    it (lemma, part of speech, case; ``FUNC`` for :data:`FUNCTION_WORDS`)."""

    text: str
    start: int  # in the sentence
    lemma: str
    pos: str | None
    case: str | None

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def punct(self) -> bool:
        return not self.text[0].isalnum()

    @property
    def cap(self) -> bool:
        return self.text[0].isupper()


#: words whose dictionary readings mislead (uk "про" is read as a noun first, "пізніше" as an
#: adjective): prepositions, conjunctions and sentence adverbs, never part of a source
FUNCTION_WORDS = frozenset(
    """про в у на з із зі до від для за по після під над через без біля та і й а але що як це ще вже
    також пізніше раніше зокрема потім нині наразі тоді згодом водночас крім того
    о об во с со к ко из от при и но это позднее ранее затем сейчас теперь тогда кроме""".split()  # noqa: SIM905
)


def tokens(code: str, stext: str) -> list[Tok]:
    out = []
    for m in _WORD.finditer(stext):
        w = m.group(0)
        if w.lower() in FUNCTION_WORDS:
            lemma, pos, case = w.lower(), "FUNC", None
        elif w[0].isalnum():
            lemma, pos, case = parse_word(code, w.lower())
        else:
            lemma, pos, case = w, None, None
        out.append(Tok(w, m.start(), lemma, pos, case))
    return out


#: verbs of refusing before an infinitive of saying: "отказался комментировать", "відмовився коментувати"
_REFUSE = frozenset({"отказаться", "отказываться", "відмовитися", "відмовлятися"})


def refusing_words(toks: list[Tok], i: int) -> int:
    """How many words before ``toks[i]`` refuse it ("отказался", "не стали"): 0 for none."""
    if i > 0 and toks[i - 1].lemma in _REFUSE:
        return 1
    if i > 1 and toks[i - 2].text.lower() == "не" and toks[i - 1].lemma in ("стать", "стати"):
        return 2
    return 0


#: "its own": what a speaker cites as its own ("ссылаясь на собственные данные", "посилаючись на
#: власний аналіз") is its own work, not someone it relays
_OWN = frozenset({"свой", "собственный", "свій", "власний"})
_INFORMANTS = frozenset({"источник", "джерело", "собеседник", "співрозмовник"})


def citing_words(lex: Lexicon, toks: list[Tok], i: int) -> int:
    """How many words of a citing phrase ("со ссылкой на") start at ``toks[i]``; 0 for none, and
    for a phrase that cites the speaker's own work ("посилаючись на власний аналіз": no relay)."""
    for phrase in lex.citing:
        if [t.text.lower() for t in toks[i : i + len(phrase)]] == list(phrase):
            after = toks[i + len(phrase)] if i + len(phrase) < len(toks) else None
            noun = toks[i + len(phrase) + 1] if i + len(phrase) + 1 < len(toks) else None
            if after is not None and after.lemma in _OWN and not (noun and noun.lemma in _INFORMANTS):
                return 0  # its own analysis or data ("собственные источники" are people it relays)
            return len(phrase)
    return 0


def trim(stext: str, a: int, b: int) -> Range:
    """``a``…``b`` of the sentence without the spaces, punctuation, quotation marks and dashes at
    its edges: the span a cue or a content is given as."""
    edge = " \t\n,.;:" + QUOTES + _DASHES
    while a < b and stext[a] in edge:
        a += 1
    while b > a and stext[b - 1] in edge:
        b -= 1
    return a, b


def quoted_words(toks: list[Tok]) -> list[bool]:
    """Which tokens stand inside a quotation closed in the same sentence («…», „…“, “…”, "…"): a
    quotation left open is not counted (the words may be the writer's)."""
    inside = [False] * len(toks)
    # a dash after a comma or a stop: where the writer's words may open inside a quotation
    dash = [n > 0 and t.text in _DASH_MARKS and toks[n - 1].text in _STOPS for n, t in enumerate(toks)]
    opened: int | None = None
    close = ""
    for n, t in enumerate(toks):
        if opened is None:
            if t.text in '«„“"':
                opened, close = n, {"«": "»", "„": "“”", "“": "”", '"': '"'}[t.text]
        elif t.text in close:
            for k in range(opened + 1, n):
                inside[k] = True
            for a, b in _narration(toks, dash, opened, n):
                for k in range(a, b):
                    inside[k] = False
            opened = None
    return inside


_DASH_MARKS = "–—"
_STOPS = ",.!?…"


def _narration(toks: list[Tok], dash: list[bool], opened: int, closed: int) -> list[tuple[int, int]]:
    """The writer's words inside a quotation ("«…, – написав X у Facebook. – …»"): a dash after a
    comma or a full stop, then a verb, up to the next dash after a full stop or a comma, or to the
    closing mark: who says the quotation, not part of it."""
    out = []
    k = opened + 1
    while k < closed - 1:
        if dash[k] and toks[k + 1].pos == "VERB":
            end = next((m for m in range(k + 2, closed) if dash[m]), closed)
            out.append((k, end))
            k = end
        k += 1
    return out


def closing_quote(toks: list[Tok], k: int) -> int | None:
    """The closing mark of a short quoted name opening at ``toks[k]`` (five words at most)."""
    for x in range(k + 1, min(len(toks), k + 7)):
        if toks[x].text in QUOTES:
            return x if x > k + 1 else None
        if toks[x].text in (",", ".", ":", ";"):
            return None
    return None


def names_next(toks: list[Tok], j: int) -> bool:
    """Whether the words after "по предварительным данным" name someone before the comma: a
    capitalised word or a noun in the genitive ("МЧС", "пресс-службы", «Базы»), not the
    statement itself ("пострадали 10 человек")."""
    if j >= len(toks):
        return False
    t = toks[j]
    if t.text in QUOTES:
        return True
    if t.punct or t.pos in ("VERB", "NUMR", "INFN", "PRTS", "ADJS"):
        return False
    if t.text[:1].isdigit():
        return False
    if t.cap and t.pos in ("NOUN", None):
        return True
    head = next((x for x in toks[j : j + 3] if x.pos == "NOUN"), None)
    return head is not None and head.case == "gent" and toks[j].pos in ("NOUN", "ADJF")


def name_before(toks: list[Tok], v: int) -> int | None:
    """Where the quotation marks of a short name right before ``toks[v]`` open ("РИА «Новости»
    сообщает", "Telegram-канал «112» сообщает"), when a word stands before them: None for none."""
    if v < 3 or toks[v - 1].text not in '»“”"':
        return None
    for k in range(v - 2, max(0, v - 6), -1):
        if toks[k].text in '«„“"':
            return k if k > 0 and not toks[k - 1].punct and closing_quote(toks, k) == v - 1 else None
        if toks[k].punct and toks[k].text != "-":
            return None
    return None


def per_merged(lex: Lexicon, toks: list[Tok]) -> list[Tok]:
    """The tokens with "згідно з" / "согласно" read as the preposition of the according-to phrase
    it stands for ("за", "по"): one token at the first word's offset, so "згідно з даними X" is
    found as "за даними X" is (:attr:`Lexicon.per`)."""
    if not lex.per:
        return toks
    out: list[Tok] = []
    k = 0
    while k < len(toks):
        for words, prep in lex.per.items():
            n = len(words.split())
            if " ".join(t.text.lower() for t in toks[k : k + n]) == words and k + n < len(toks):
                out.append(Tok(prep, toks[k].start, prep, "FUNC", None))
                k += n
                break
        else:
            out.append(toks[k])
            k += 1
    return out


def within_quotation(toks: list[Tok]) -> list[bool]:
    """:func:`quoted_words`, and the words of a quotation that opens the sentence and is not closed
    in it (a quotation running over sentences or cut short by the page): the quoted speaker's."""
    inside = quoted_words(toks)
    if toks and toks[0].text in '«„“"' and not any(t.text in "»“”" for t in toks[1:]) and toks[0].text != '"':
        inside[1:] = [True] * (len(toks) - 1)
    return inside


#: possessive pronouns between "по" and "словам" ("по её словам", "за його словами"): whose words
POSSESSIVES = frozenset({"его", "её", "ее", "их", "його", "її", "їх", "їхніми"})
#: prepositions a source phrase goes on through: a body's remit or seat ("ГУ МВС у Київській
#: області", "МЧС по Татарстану", "департамент при ОВА") and a second body ("МВС і ДСНС")
_IN_NAME = frozenset("з із зі по при у в на с со и і й та".split())  # noqa: SIM905


def ends_source(t: Tok) -> bool:
    """Whether a word after "по данным X" / "за даними X" with no comma starts what is told:
    a preposition of cause or time ("За даними ОВА внаслідок обстрілу загинуло …"), not one
    that is part of a body's name."""
    return t.pos in ("PREP", "FUNC") and t.text.lower() not in _IN_NAME
