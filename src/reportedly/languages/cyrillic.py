"""Russian and Ukrainian share their constructions of attribution; this module reads both.

::

    Глава района заявил, что вода поднялась.         source  verb, что  content
    «Вода поднялась», — сообщил глава района.        content — verb  source (inverted)
    По словам главы района, вода поднялась.          по словам / за словами  source, content
    ТАСС сообщил со ссылкой на МЧС, что …            a relay: со ссылкой на / з посиланням на

Words are lemmatised by pymorphy3 with the language's dictionary (``заявил`` → ``заявить``,
``заявив`` → ``заявити``), so one lexicon of reporting verbs per language is enough; cases
tell a subject (nominative) from the rest. :mod:`.ru` adds natasha's named entities to name
the people and organisations; :mod:`.uk` uses spaCy's Ukrainian tokenizer. The lexicons are
in each language's module (filling :class:`.cyrillic_lexicon.Lexicon`), numbers and dates in
:mod:`.cyrillic_numbers`; the constructions are here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from ..model import ClaimKind, Document, Quantity, Stance, TimeExpr
from .common import Attribution, Hop, Range, Sentence, paragraphs_of
from .cyrillic_lexicon import Lexicon, morph, nominative, parse_word, surname_lemma
from .cyrillic_numbers import quantities, times

_WORD = re.compile(r"[\w’'ʼ`-]+|[^\w\s]")
_QUOTES = '«»„“”"‘’'
_DASHES = "—–-"


@dataclass(slots=True)
class Tok:
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


class Cyrillic:
    """A language reader over a :class:`Lexicon`; ``names`` finds people and organisations."""

    def __init__(
        self,
        lex: Lexicon,
        split: Callable[[str], list[tuple[int, int]]],
        names: Callable[[str], list[tuple[int, int, str, str]]] | None = None,
    ) -> None:
        self.lex = lex
        self.code = lex.code
        self.split = split
        self.names = names or (lambda _s: [])
        self.pronouns = lex.pronouns
        self.known: set[str] = set()  # people's names the named entities gave, in the nominative

    # -------------------------------------------------------------- protocol

    def sentences(self, document: Document) -> list[Sentence]:
        out: list[Sentence] = []
        text = document.text
        for n, (start, end) in enumerate(paragraphs_of(document)):
            for a, b in self.split(text[start:end]):
                if out and out[-1].paragraph == n and _unclosed(text[out[-1].start : out[-1].end]):
                    out[-1].end = start + b  # a quotation runs on
                else:
                    out.append(Sentence(start + a, start + b, n))
        return out

    def person(self, name: str) -> tuple[str, str | None] | None:
        if name in self.known:  # the named entities said so ("Сальдо" is in no dictionary)
            last = name.split()[-1]
            return (name, last) if len(name.split()) > 1 else (last, last)
        words = [w for w in name.split() if w[:1].isupper()]
        if not words or len(words) > 3 or any(w.isupper() and len(w) > 1 for w in words):
            return None
        if not all(parse_word(self.code, w.lower())[1] in ("NOUN", None) for w in words):
            return None
        if len(words) == 1:
            tags = morph(self.code).parse(words[0].lower())[0].tag
            if "Surn" in tags:  # a surname alone: the person named before
                return surname_lemma(self.code, words[0]), surname_lemma(self.code, words[0])
            return None
        if "Name" not in morph(self.code).parse(words[0].lower())[0].tag:
            return None
        return " ".join(words), surname_lemma(self.code, words[-1])

    surname_alone = True

    def stance_of(self, sentence: str) -> Stance:
        if self._pending(sentence):
            return Stance.UNVERIFIED  # "Інформація щодо кількості постраждалих уточнюється."
        return self.content_stance(sentence, Stance.REPORTED)

    def quoted(self, sentence: str) -> bool:
        """Whether a sentence is one quotation and nothing else («…», "…", „…“, “…”): words with no
        cue of their own, the speaker named before goes on into them."""
        s = sentence.strip()
        pairs = {"«": "»", '"': '"', "„": "“", "“": "”"}
        if len(s) < 3 or s[0] not in pairs:
            return False
        body = s.rstrip(".!?…").rstrip()
        if not body.endswith(pairs[s[0]]):
            return False
        return body.count('"') == 2 if s[0] == '"' else body.count(s[0]) == 1

    def _pending(self, sentence: str) -> bool:
        return bool(self.lex.pending and re.search(self.lex.pending, sentence.strip(), re.IGNORECASE))

    def quantities(self, text: str, sent: Sentence) -> list[Quantity]:
        return quantities(self.lex, text[sent.start : sent.end], sent.start)

    def times(self, text: str, sent: Sentence, published: date | None) -> list[TimeExpr]:
        return times(self.lex, text[sent.start : sent.end], sent.start, published)

    # -------------------------------------------------------------- attribution

    def unattributed(self, sentence: str) -> bool:
        """Whether a sentence opens as a report nobody is named for ("Ранее сообщалось, что …",
        "Пізніше стало відомо, що …") or as the outlet's reminder ("Напомним, …", "Нагадаємо, …"):
        the outlet's own recap, and the speaker before does not go on."""
        s = sentence.strip()
        return bool(
            (self.lex.earlier and re.match(self.lex.earlier, s, re.IGNORECASE))
            or (self.lex.recap and re.match(self.lex.recap, s, re.IGNORECASE))
        )

    def _earlier(self, stext: str, base: int) -> list[Attribution]:
        """ "Ранее стало известно, что задержан подозреваемый": a claim nobody is named for, in the
        outlet's voice (what follows "что"/"що", or the words after the recap)."""
        m = re.match(r"\s*" + self.lex.earlier, stext, re.IGNORECASE) if self.lex.earlier else None
        if m is None:
            return []
        rest = stext[m.end() :]
        that = re.match(r"\s*,?\s*(?:" + "|".join(self.lex.that) + r")\b", rest, re.IGNORECASE)
        return self._said(stext, base, m.end(), m.end() + (that.end() if that else 0), ClaimKind.OUTLET, True)

    def _passive(self, stext: str, base: int) -> list[Attribution]:
        """ "Сообщается, что …" / "Повідомляється, що …": said, by nobody named; the speaker before
        goes on (the ledger carries it, as for a subject left out)."""
        m = re.match(r"\s*" + self.lex.passive, stext, re.IGNORECASE) if self.lex.passive else None
        if m is None:
            return []
        that = re.match(r"\s*,\s*(?:" + "|".join(self.lex.that) + r")\b", stext[m.end() :], re.IGNORECASE)
        if that is None:
            return []
        return self._said(stext, base, m.end(), m.end() + that.end(), ClaimKind.INDIRECT, False)

    def _said(
        self, stext: str, base: int, cue_end: int, content_start: int, kind: ClaimKind, nobody: bool
    ) -> list[Attribution]:
        """The claim of an opening that names no speaker: the opening is its cue, the rest of the
        sentence its content (none when nothing is left)."""
        a, b = _strip(stext, content_start, len(stext))
        if b <= a:
            return []
        cue = _strip(stext, 0, cue_end)
        return [
            Attribution(
                cue=(base + cue[0], base + cue[1]),
                lemma=stext[cue[0] : cue[1]].lower(),
                content=[(base + a, base + b)],
                stance=self.content_stance(stext[a:b], Stance.REPORTED),
                kind=kind,
                nobody=nobody,
            )
        ]

    def attributions(self, text: str, sent: Sentence) -> list[Attribution]:
        stext = text[sent.start : sent.end]
        if self.lex.earlier and re.match(self.lex.earlier, stext.strip(), re.IGNORECASE):
            self._previous = sent
            return self._earlier(stext, sent.start)
        toks = tokens(self.code, stext)
        base = sent.start
        self._text = text
        passive = self._passive(stext, base)
        if passive:
            self._previous = sent
            return passive
        found = self._relayed_back(toks, stext, base) or self._according(toks, stext, base)
        if not found:
            found = self._said_in_before(toks, stext, base) or self._in_statement(stext, base)
        if not found or found[0].nobody:
            # "«По оперативной информации… 65 человек …», — сказано в сообщении X": the statement's
            found = self._says_in(stext, base) or found
        if not found or found[0].nobody:
            verb = next(
                (
                    i
                    for i, t in enumerate(toks)
                    if (t.pos == "VERB" or (t.pos == "INFN" and _refused(toks, i)))
                    and t.lemma in self.lex.verbs
                    and not _idiom(self.lex, toks, i)
                    and not _impersonal(self.code, t)
                    and not (i == 0 and self.lex.recap and re.match(self.lex.recap, t.text, re.IGNORECASE))
                ),
                None,
            )
            told = self._reported(toks, stext, base, verb) if verb is not None else []
            # "В МЧС уточнили, что, по предварительной информации, …": the office that told it
            if not found or (told and told[0].source is not None):
                found = told or found
        self._previous = sent
        return found

    _previous: Sentence | None = None
    _text = ""
    #: nouns that stand for the source named just before when a source phrase opens with them:
    #: "собеседник агентства" / "співрозмовник видання" (the informant), "чиновник" / "посадовець"
    #: (the official)
    interlocutors = frozenset({"собеседник", "співрозмовник", "чиновник", "посадовець", "посадовиця"})
    #: an institution's common noun alone ("в ведомстве", "у міністерстві"): the institution that
    #: spoke last (with a complement, "министерство обороны", it names its own)
    offices = frozenset({"ведомство", "министерство", "відомство", "міністерство"})
    #: the head of state named by office ("глава государства", "глава держави", "президент"):
    #: the president named before (lemmas, sorted)
    head_of_state = frozenset({"глава государство", "глава держава", "президент"})

    def _by_words(self, pair: str, body: str, stance: Stance) -> Stance:
        """ "По словам X" / "за словами X" tells figures (reported) or a position (asserted), as a
        verb of saying does: with no count in the words, it is the speaker's position."""
        if pair in ("по словам", "за словами") and stance is Stance.REPORTED and not self.counts(body):
            return Stance.ASSERTED
        return stance

    def _in_statement(self, stext: str, base: int) -> list[Attribution]:
        """ "В заявлении МИД говорится, что …" / "У заяві МЗС ідеться, що …": whose statement, then
        what it says."""
        m = _IN_STATEMENT.match(stext)
        if m is None:
            return []
        who = [t for t in tokens(self.code, m.group("who")) if not t.punct]
        a, b = _strip(stext, m.end(), len(stext))
        if not who or b <= a:
            return []
        at = m.start("who")
        source = (base + at + who[0].start, base + at + who[-1].end)
        return [
            Attribution(
                cue=(base + m.start("verb"), base + m.end("verb")),
                lemma=m.group("verb").lower(),
                content=[(base + a, base + b)],
                stance=self.content_stance(stext[a:b], Stance.REPORTED),
                kind=ClaimKind.INDIRECT,
                source=source,
                source_name=self._office_name(who, "gent"),
            )
        ]

    def _said_in_before(self, toks: list[Tok], stext: str, base: int) -> list[Attribution]:
        """ "Об этом говорится в сообщении МЧС." / "Про це йдеться у повідомленні Генштабу.": the
        sentence before is the statement's, and whose it is follows."""
        m = _SAID_IN_BEFORE.match(stext)
        back = self._back_reference(toks) if m else None
        if m is None or back is None:
            return []
        source, name = self._statement_of(stext, m.end(), base)
        verb = re.search(r"\S+\s+\S+\s+(\S+)", stext)
        cue = (base + verb.start(1), base + verb.end(1)) if verb else (base, base + m.end())
        body = self._text[back[0] : back[1]]
        return [
            Attribution(
                cue=cue,
                lemma=stext[cue[0] - base : cue[1] - base].lower(),
                content=[back],
                stance=self.content_stance(body, Stance.REPORTED),
                kind=ClaimKind.INDIRECT,
                source=source,
                source_name=name,
            )
        ]

    def _says_in(self, stext: str, base: int) -> list[Attribution]:
        """ "«…», — ідеться у повідомленні" / "…, говорится в сообщении": the words are the
        statement's; who made it is the source named before (the ledger carries it over)."""
        m = re.search(self.lex.says_in, stext, re.IGNORECASE) if self.lex.says_in else None
        if m is None:
            return []
        a, b = _strip(stext, 0, m.start())
        if b <= a:
            return []
        body = stext[a:b]
        quoted = stext[max(0, a - 1) : a] in _QUOTES or body[:1] in _QUOTES
        verb = re.search(r"\S+", stext[m.start() :].lstrip(" ,–—-"))
        at = m.start() + len(stext[m.start() :]) - len(stext[m.start() :].lstrip(" ,–—-"))
        cue = (base + at, base + at + (verb.end() if verb else 0))
        source, name = self._statement_of(stext, m.end(), base)
        return [
            Attribution(
                cue=cue,
                lemma=stext[cue[0] - base : cue[1] - base].lower(),
                content=[(base + a, base + b)],
                stance=self.content_stance(body, Stance.REPORTED),
                kind=ClaimKind.DIRECT if quoted else ClaimKind.INDIRECT,
                source=source,
                source_name=name,
            )
        ]

    def _statement_of(self, stext: str, at: int, base: int) -> tuple[Range | None, str | None]:
        """Whose statement "говорится в сообщении …" names after it: "… городской администрации",
        "… в Telegram-канале администрации главы региона" (the channel is where, not who)."""
        rest = [t for t in tokens(self.code, stext[at:]) if not t.punct]
        n = 0
        if (
            len(rest) > 1
            and rest[0].text.lower() in ("в", "во", "у")
            and re.search(
                r"telegram|телеграм|канал|facebook|фейсбук|сайт|соцсет|соцмереж", rest[1].text, re.IGNORECASE
            )
        ):
            n = 2
        words = []
        for t in rest[n:]:
            if not (t.cap or self._genitive(t)):
                break
            words.append(t)
        if not words or not any(t.pos == "NOUN" or t.cap for t in words):
            return None, None
        a, b = at + words[0].start, at + words[-1].end
        return (base + a, base + b), self._office_name(words, "gent")

    def _relayed_back(self, toks: list[Tok], stext: str, base: int) -> list[Attribution]:
        """ "Як передає X, про це повідомляє Y …" / "Как передает X, об этом сообщил Y": Y told the
        sentence before, and X relays it (X first in the chain, Y and its origins after)."""
        if (
            len(toks) < 6
            or toks[0].text.lower() not in self.lex.as_reported
            or toks[1].lemma not in self.lex.verbs
        ):
            return []
        comma = next((i for i, t in enumerate(toks) if t.text == ","), None)
        if comma is None or comma < 3:
            return []
        rest = toks[comma + 1 :]
        if [t.text.lower() for t in rest[:2]] not in (["об", "этом"], ["о", "том"], ["про", "це"]):
            return []
        verb = next((i for i, t in enumerate(rest) if t.pos == "VERB" and t.lemma in self.lex.verbs), None)
        if verb is None:
            return []
        inner = self._reported(rest, stext, base, verb)
        relay, relay_name, relay_hops = self._source(toks[2:comma], stext, base)
        if not inner or relay is None:
            return inner
        att = inner[0]
        hops = list(relay_hops)
        if att.source is not None:
            hops.append(
                Hop(att.source, att.source_name or stext[att.source[0] - base : att.source[1] - base], "told")
            )
        hops += att.hops
        att.source, att.source_name, att.hops = relay, relay_name, hops
        return [att]

    def _back_reference(self, toks: list[Tok]) -> Range | None:
        """The sentence before, when this one opens with "Об этом" / "Про це" (about this)."""
        words = [t.text.lower() for t in toks[:2]]
        if words not in (["об", "этом"], ["о", "том"], ["про", "це"]) or self._previous is None:
            return None
        prev = self._previous
        a, b = _strip(self._text, prev.start, prev.end)
        return (a, b) if b > a else None

    def _according(self, toks: list[Tok], stext: str, base: int) -> list[Attribution]:
        """ "По словам X, …" / "За даними X, …" / "Как сообщает X, …"."""
        for i in range(len(toks) - 1):
            pair = f"{toks[i].text.lower()} {toks[i + 1].text.lower()}"
            stance = self.lex.according.get(pair)
            first = 2
            if (
                stance is None
                and toks[i].text.lower() in self.lex.as_reported
                and toks[i + 1].lemma in self.lex.verbs
            ):
                stance = Stance.REPORTED
            nobody = False
            origin: list[Tok] = []
            cites = _citing(self.lex, toks, i + 1) if toks[i].text.lower() in self.lex.as_reported else 0
            if stance is None and cites:
                # "Как со ссылкой на очевидцев сообщает «Медуза», …": the relay after its verb,
                # the origin before it
                v = next(
                    (
                        x
                        for x in range(i + 1 + cites, len(toks))
                        if (toks[x].punct and toks[x].text not in _QUOTES)
                        or (toks[x].pos == "VERB" and toks[x].lemma in self.lex.verbs)
                    ),
                    None,
                )
                if v is not None and not toks[v].punct and v > i + 1 + cites:
                    origin = [t for t in toks[i + 1 + cites : v] if not t.punct]
                    stance = Stance.REPORTED
                    first = v - i + 1
            if stance is None:
                # "по его словам" / "по предварительным данным": a pronoun or an adjective between
                if (
                    i + 2 < len(toks)
                    and f"{toks[i].text.lower()} {toks[i + 2].text.lower()}" in self.lex.according
                ):
                    stance = self.lex.according[f"{toks[i].text.lower()} {toks[i + 2].text.lower()}"]
                    first = 3
                    # "по предварительной информации, …" names nobody unless a name follows
                    # ("по предварительным данным МЧС"): figures nobody is named for
                    nobody = toks[i + 1].pos in ("ADJF", "PRTF") and not _names_next(toks, i + 3)
                else:
                    continue
            # the source runs to the next comma (or the sentence's end)
            j = i + first
            k = j
            while not nobody and k < len(toks) and toks[k].text not in (",", ":", ";", ".", "—", "–"):
                if toks[k].text in _QUOTES:
                    # a name in quotation marks ("по данным «Базы»", "сообщает «Медуза»")
                    close = _closing(toks, k) if toks[k].text in '«„“"' else None
                    if close is None:
                        break
                    k = close
                k += 1
            if first == 3 and k > j and not nobody and not origin:
                src_toks = toks[j:k]  # "по предварительным данным МЧС": the name after
                source_after = True
            else:
                source_after = False
            cue = (base + toks[i].start, base + toks[i + first - 1].end)
            source: Range | None = None
            name = None
            hops: list[Hop] = []
            if k == j and first == 2 and pair not in self.lex.according:
                # "як кажуть," / "как говорится,": an idiom with nobody named, no attribution
                continue
            if k > j and (first == 2 or source_after or origin):
                src_toks = toks[j:k]
                source, name, hops = self._source(src_toks, stext, base)
                if toks[j].text in _QUOTES and name and len(name.split()) == 1:
                    name = self._genitive_name(name)  # "по данным «Базы»": the name is «База»
            if origin:
                r = (base + origin[0].start, base + origin[-1].end)
                hops = [Hop(r, self._name_in(stext, origin[0].start, origin[-1].end), "citing"), *hops]
            parts: list[Range] = []
            noun_first = i == 2 and toks[1].text == "," and toks[0].pos == "NOUN"  # "Работы, по …"
            if i > 2 or noun_first:  # "…, по словам X." : the content is before
                content = (base, base + toks[i].start)
                if k < len(toks) - 1 and any(not t.punct for t in toks[k + 1 :]):
                    # "Работы, по его словам, продлятся до утра": the words on both sides
                    parts = [(base + toks[k].end, base + len(stext))]
            elif nobody:  # "По предварительной информации пострадали 10 человек": all after the cue
                content = (base + (toks[j].start if j < len(toks) else len(stext)), base + len(stext))
            else:
                content = (base + (toks[k].end if k < len(toks) else len(stext)), base + len(stext))
            body = " ".join(stext[a - base : b - base] for a, b in [content, *parts])
            return [
                Attribution(
                    cue=cue,
                    lemma=pair,
                    content=[content, *parts],
                    stance=self._by_words(pair, body, self.content_stance(body, stance)),
                    kind=ClaimKind.ACCORDING_TO,
                    source=source,
                    source_name=name,
                    hops=hops,
                    nobody=nobody,
                )
            ]
        return []

    def _source(self, src: list[Tok], stext: str, base: int) -> tuple[Range | None, str | None, list[Hop]]:
        """The source phrase's range and name, and the origin after "со ссылкой на" within it."""
        hops: list[Hop] = []
        for n in range(len(src) - 2):
            size = _citing(self.lex, src, n)
            if size:
                rest = src[n + size :]
                if rest:
                    r = (base + rest[0].start, base + rest[-1].end)
                    hops.append(Hop(r, self._name_in(stext, rest[0].start, rest[-1].end), "citing"))
                src = src[:n]
                break
        while src and (src[-1].punct or src[-1].pos in ("PREP", "CONJ", "FUNC")):
            src = src[:-1]
        while src and (src[0].punct or src[0].pos in ("PREP", "CONJ", "ADVB", "FUNC")):
            src = src[1:]
        if not src:
            return None, None, hops
        phrase = stext[src[0].start : src[-1].end]
        # a person named in the phrase ("глава района Иван Петров") is the source's name
        people = [
            normal
            for a, b, kind, normal in self.names(stext)
            if kind == "PER" and src[0].start <= a and b <= src[-1].end
        ]
        self.known.update(people)
        name = people[-1] if people else self.normal_name(phrase)
        return (base + src[0].start, base + src[-1].end), name, hops

    def _reported(self, toks: list[Tok], stext: str, base: int, v: int) -> list[Attribution]:
        verb = toks[v]
        stance = self.lex.verbs[verb.lemma]
        refused = _refused(toks, v)
        if refused:
            # "Песков отказался комментировать …", "не стали комментировать": no comment, and the
            # refusal is the cue's start
            stance = Stance.NO_COMMENT
            v0 = v - refused
        elif v > 0 and toks[v - 1].text.lower() == "не" and stance is Stance.CONFIRMED:
            stance = Stance.UNVERIFIED  # "не подтвердили": not (yet) confirmed
        cue = (base + verb.start, base + verb.end)
        if refused:
            cue = (base + toks[v0].start, base + verb.end)
        # the clause around the verb: back to the last punctuation, on to the next
        if refused:
            v = v0  # the refusal's verb is the clause's ("Песков отказался …": its subject)
        left = v
        while left > 0 and not (toks[left - 1].punct and toks[left - 1].text not in ("-",)):
            left -= 1
        right = v + 1
        while right < len(toks) and not (toks[right].punct and toks[right].text not in ("-",)):
            right += 1
        inverted = False
        extra_hops: list[Hop] = []
        before = [t for t in toks[left:v] if not t.punct]
        after = toks[v + 1 + refused : right]  # after the infinitive of a refusal
        office = self._office(before, verb)
        loc_name = None
        if office is not None:
            place, told = office
            if told:  # "В оперативных службах журналистам ТАСС заявили": told the agency
                r = (base + place[0].start, base + place[-1].end)
                extra_hops.append(Hop(r, self._office_name(place), "told"))
                subject = told
            else:
                subject = place
                loc_name = self._office_name(place)
        else:
            subject = self._subject(before)
        src_toks: list[Tok] = []
        if subject:
            src_toks = subject
        elif after:
            lead = 0
            if after[0].text.lower() in ("в", "во", "у") and len(after) >= 2:
                # "сообщил в своем Telegram-канале глава региона X": where it was said, then who
                lead = 1
                while lead < len(after) - 1 and after[lead].case in ("loct", "ablt"):
                    lead += 1
            src_toks = self._subject(after[lead:], leading=True) if lead < len(after) else []
            if not src_toks and lead:
                src_toks = self._subject(after, leading=True)
            after = after[lead:] if src_toks and lead else after
            src_toks = self._person_after(after, src_toks, stext) or src_toks
            if not src_toks and after and after[0].cap and after[0].pos == "ADJF" and len(after) <= 3:
                src_toks = after  # "повідомляє Суспільне", "пишет «Новая газета»": a name, not a noun
            inverted = bool(src_toks)
            rest = after[len(src_toks) :] if src_toks else []
        rest = after[len(src_toks) :] if inverted else after
        # "сообщили ТАСС в экстренных службах": told to the agency, by the service; a time phrase
        # may come first ("сообщили ТАСС в понедельник в экстренных службах")
        at = next(
            (
                p
                for p in range(len(rest) - 1)
                if rest[p].text.lower() in ("в", "во", "у")
                and any(t.lemma in _OFFICES for t in rest[p + 1 : p + 3])
            ),
            None,
        )
        if at is not None and at <= 2:
            extra_hops.append(
                Hop(
                    (base + rest[at + 1].start, base + rest[-1].end),
                    self._office_name(rest[at + 1 :]),
                    "told",
                )
            )
        # the content
        tail = right
        content: Range | None = None
        kind = ClaimKind.INDIRECT
        if tail < len(toks) and toks[tail].text in (",", ":"):
            nxt = tail + 1
            that = nxt < len(toks) and toks[nxt].text.lower() in self.lex.that
            if that:
                nxt += 1
            if nxt < len(toks) and (that or toks[tail].text == ":" or not after or inverted):
                content = (toks[nxt].start, len(stext))
            elif after and not inverted:
                # "Песков назвал разрушение диверсией, передает РБК": the verb's own clause
                content = (after[0].start, toks[tail].start)
        if left > 0 and (content is None or inverted):
            # "«…», — заявил X" / "…, сообщил X": the content is before the verb's clause
            end = toks[left - 1].start
            content = (0, end)
        skip = len(src_toks) if inverted else 0
        if content is None and len(after) > skip:
            # "X сообщил об эвакуации …": what is told follows the verb
            content = (after[skip].start, len(stext))
        back = self._back_reference(toks)
        if back is not None:  # "Об этом сообщил X": the sentence before is what X told
            content = (back[0] - base, back[1] - base)
        if content is None:
            return []
        a, b = _strip(stext, *content) if back is None else content
        if b <= a:
            return []
        body = stext[a:b] if back is None else self._text[back[0] : back[1]]
        if body[:1] in _QUOTES or stext[max(0, a - 1) : a] in _QUOTES:
            kind = ClaimKind.DIRECT
        source: Range | None = None
        name = None
        hops: list[Hop] = []
        if src_toks:
            source, name, hops = self._source(src_toks, stext, base)
            at_src = next((n for n, t in enumerate(toks) if t is src_toks[0]), 0)
            if not loc_name and at_src > 0 and toks[at_src - 1].text.lower() in ("в", "во", "у"):
                # "сообщили в региональном Минздраве": the office, in the nominative
                loc_name = self._office_name(src_toks)
            name = loc_name or name
        hops += extra_hops
        # "со ссылкой на X" after the verb's clause: a deeper hop
        if not hops:
            hops = self._citing_anywhere(toks, stext, base, (a, b))
        stance = self.content_stance(body, stance)
        if stance is Stance.ASSERTED and self.counts(body):
            stance = Stance.REPORTED  # figures told, not an opinion asserted
        return [
            Attribution(
                cue=cue,
                lemma=verb.lemma,
                content=[(base + a, base + b)],
                stance=stance,
                kind=kind,
                source=source,
                source_name=name,
                hops=hops,
                negated=stance is Stance.DENIED,
                inverted=inverted,
            )
        ]

    def _person_after(self, after: list[Tok], found: list[Tok], stext: str) -> list[Tok]:
        """ "– прокоментував удар керівник Офісу Андрій Єрмак": the verb's object came first; the
        source is the person named after it, with the title words before the name (back to a
        preposition's object)."""
        if not found or not after:
            return []
        people = [
            (a, b)
            for a, b, kind, _n in self.names(stext)
            if kind == "PER" and after[0].start <= a and b <= after[-1].end
        ]
        if not people or any(found[0].start <= a and b <= found[-1].end for a, b in people):
            return []
        a, b = people[0]
        idx = [n for n, t in enumerate(after) if a <= t.start and t.end <= b]
        if not idx:
            return []
        first, last = idx[0], idx[-1]
        while first > 0 and after[first - 1].pos in ("NOUN", "ADJF", None) and not after[first - 1].punct:
            if first > 1 and after[first - 2].text.lower() in _PREPOSITIONS:
                break  # "удар по Чернігову": the object of a preposition is not the title
            first -= 1
        if first == 0:
            return []  # nothing came before the title: the subject found was right
        return after[first : last + 1]

    def _office(self, before: list[Tok], verb: Tok) -> tuple[list[Tok], list[Tok]] | None:
        """ "В пресс-службе правительства сообщили, что …", "У Повітряних силах попередили …": a
        plural verb with no subject, after the office it was said in (a common noun in the
        locative, with its adjectives and genitives). The words left before the verb are whom it
        was told ("журналистам ТАСС"), a relay when they name one."""
        lead = 0  # "Позже в администрации рассказали": an adverb first
        while (
            lead < len(before)
            and before[lead].pos in ("ADVB", "COMP", "FUNC", "CONJ", "PRCL")
            and (before[lead].text.lower() not in ("в", "во", "у"))
        ):
            lead += 1
        before = before[lead:]
        if len(before) < 2 or before[0].text.lower() not in ("в", "во", "у"):
            return None
        if morph(self.code).parse(verb.text.lower())[0].tag.number != "plur":
            return None
        n = 1
        while n < len(before) and before[n].pos in ("ADJF", "PRTF"):
            n += 1
        if n >= len(before) or before[n].pos != "NOUN" or before[n].cap:
            return None
        head = before[n]
        if head.lemma in _PLACES or not any(
            p.tag.case in ("loct", "loc2") for p in morph(self.code).parse(head.text.lower())
        ):
            return None
        end = n + 1
        while end < len(before) and not before[end].cap and self._genitive(before[end]):
            end += 1  # "пресс-службе правительства региона"
        told = [t for t in before[end:] if t.cap]
        if before[end:] and not told:
            return None  # "в пресс-службе в среду сообщили": not told anyone, a time between
        return before[1:end], told

    def _genitive_name(self, word: str) -> str:
        """A quoted name after "по данным" is in the genitive singular: "Базы" → "База"."""
        for p in morph(self.code).parse(word.lower())[:4]:
            if p.tag.POS == "NOUN" and p.tag.case == "gent" and p.tag.number == "sing":
                form = p.inflect({"nomn"})
                if form is not None:
                    return form.word[:1].upper() + form.word[1:] if word[:1].isupper() else form.word
        return word

    def _genitive(self, t: Tok) -> bool:
        """Whether a word can be a genitive of a noun phrase ("правительства", "региона")."""
        return t.pos in ("NOUN", "ADJF", "PRTF") and any(
            p.tag.case == "gent" for p in morph(self.code).parse(t.text.lower())[:4]
        )

    def _office_name(self, place: list[Tok], case: str = "loct") -> str:
        """The office's phrase in the nominative: "оперативных службах" → "оперативные службы",
        "городской администрации" → "городская администрация" (its genitives kept)."""
        out = []
        head_seen = False
        for t in place:
            word = t.text
            if not head_seen and t.pos in ("ADJF", "PRTF", "NOUN") and not t.text.isupper():
                parses = morph(self.code).parse(t.text.lower())
                p = next((q for q in parses if q.tag.case == case), parses[0])
                form = p.inflect({"nomn"})
                if form is not None:
                    word = form.word if not t.cap else form.word[:1].upper() + form.word[1:]
                head_seen = t.pos == "NOUN"
            out.append(word)
        return " ".join(out)

    def _citing_anywhere(self, toks: list[Tok], stext: str, base: int, content: Range) -> list[Hop]:
        for i in range(len(toks)):
            if toks[i].start >= content[0] and toks[i].start < content[1]:
                continue
            n = _citing(self.lex, toks, i)
            if n:
                j = i + n
                k = j
                while k < len(toks) and not toks[k].punct:
                    k += 1
                if k > j:
                    r = (base + toks[j].start, base + toks[k - 1].end)
                    return [Hop(r, self._name_in(stext, toks[j].start, toks[k - 1].end), "citing")]
        return []

    def _subject(self, clause: list[Tok], leading: bool = False) -> list[Tok]:
        """The source phrase in a clause: from a nominative noun (or a name) with what follows it."""
        head = None
        governed = False  # after a preposition: its object is no subject ("После полуночи …")
        tail = False
        for i, t in enumerate(clause):
            if t.punct:
                continue
            if t.pos in ("ADVB", "COMP", "PRED", "CONJ", "PRCL", "INTJ", "PREP", "FUNC"):
                if leading:
                    return []
                governed = t.text.lower() in _PREPOSITIONS
                continue
            if _PLATFORM.search(t.text):
                continue  # "в своем Telegram-канале": where it was said, never who
            if governed and t.pos == "NOUN" and not t.cap:
                governed = False
                tail = True  # and the genitives after it ("По итогам совещания министр …")
                continue
            if governed and t.pos not in ("ADJF", "PRTF", "NUMR"):
                governed = False  # "Об этом …", "Про це …": the pronoun was the object
            if tail and t.pos == "NOUN" and not t.cap and self._genitive(t):
                continue
            tail = False
            title = t.pos == "NOUN" and t.case is None and t.lemma in self.lex.titles  # uk "глава"
            if (
                (t.pos == "NOUN" and t.case == "nomn")
                or title
                or (t.pos == "NPRO" and t.lemma in self.pronouns)
            ):
                head = i
                break
            if t.cap and t.pos in ("NOUN", None) and i > 0:
                head = i
                break
            if leading and t.pos not in ("ADJF", "NOUN", None, "PRTF"):
                return []
        if head is None:
            return []
        # adjectives before the head belong to it
        start = head
        while start > 0 and clause[start - 1].pos in ("ADJF", "PRTF") and not clause[start - 1].punct:
            start -= 1
        end = head + 1
        citing = False
        while end < len(clause):
            t = clause[end]
            if t.punct and t.text not in ("-",):
                break
            if citing and t.pos not in ("VERB",):  # the origin runs to the clause's end
                end += 1
                continue
            if _citing(self.lex, clause, end):
                citing = True
                end += _citing(self.lex, clause, end)
                continue
            if (
                t.text.lower() in ("в", "во", "у")
                and clause[head].lemma in _INFORMANTS
                and end + 1 < len(clause)
                and clause[end + 1].pos in ("ADJF", "NOUN", None)
            ):
                end += 1  # "источник в силовых структурах", "джерело в СБУ": where the informant sits
                continue
            if t.pos in ("VERB", "INFN", "PREP", "CONJ", "ADVB", "PRCL", "ADJS", "PRTS", "GRND", "FUNC"):
                # "со ссылкой на …": keep the relay's origin with it
                break
            end += 1
        return clause[start:end]

    def _name_in(self, stext: str, a: int, b: int) -> str:
        """The name a phrase of the sentence resolves by: a person named in it, else the phrase in
        the nominative ("повідомлення голови ОДА Валентина Резніченка" → Валентин Резніченко)."""
        people = [normal for s, e, kind, normal in self.names(stext) if kind == "PER" and a <= s and e <= b]
        self.known.update(people)
        return people[-1] if people else self.normal_name(stext[a:b])

    def lemmas(self, phrase: str) -> set[str]:
        """The lemmas of a phrase's words, to know "глави ОВА" in "Голова ОВА Валентин Резніченко"."""
        return {t.lemma for t in tokens(self.code, phrase) if not t.punct}

    def normal_name(self, phrase: str) -> str:
        """The phrase in the nominative: "главы района" → "глава района"; names of people whole."""
        words = phrase.split()
        out = []
        for n, w in enumerate(words):
            tag = morph(self.code).parse(w.lower())[0].tag
            person = any(g in tag for g in ("Name", "Surn", "Patr"))
            if n == 0 or (
                w[:1].isupper() and person and tag.case in ("gent", "datv", "ablt", "loct", "accs")
            ):
                if w.isupper() or not w[:1].isalpha():
                    out.append(w)
                    continue
                form = nominative(self.code, w)
                out.append(form)
            else:
                out.append(w)
        return " ".join(out)

    def content_stance(self, content: str, stance: Stance) -> Stance:
        if stance in (Stance.DENIED, Stance.CONFIRMED, Stance.NO_COMMENT):
            return stance
        # a modal inside a relative clause ("намети, де люди можуть перечекати") is not the
        # statement's own
        low = _RELATIVE.sub("", content.lower())
        if re.search(self.lex.unverified, low):
            return Stance.UNVERIFIED
        if re.search(self.lex.estimated, low):
            return Stance.ESTIMATED
        if re.search(self.lex.expected, low):
            return Stance.EXPECTED
        return stance

    def counts(self, content: str) -> bool:
        return any(not q.attribute for q in quantities(self.lex, content, 0))

    def marked(self, sentence: str) -> bool:
        low = sentence.lower()
        return bool(
            re.search(self.lex.estimated, low) or re.search(self.lex.unverified, low) or self._pending(low)
        )


#: "told TASS in the … service": the office that told an agency
_OFFICES = frozenset(
    """служба пресс-служба ведомство министерство администрация штаб оперштаб полиция правительство
    управление аппарат минздрав мчс силовой экстренный оперативный служба пресс-служба відомство
    міністерство адміністрація поліція уряд управління""".split()  # noqa: SIM905
)


#: "Об этом говорится в сообщении …" / "Про це йдеться у повідомленні …": the sentence before
_SAID_IN_BEFORE = re.compile(
    r"\s*(?:об этом|о том|про це)\s+(?:(?:ід|йд)еться|говорится|сказано|зазначено|указано)\s+"
    r"(?:у|в|во)\s+(?:повідомленні|заяві|дописі|документі|публікації|зверненні|сообщении|заявлении"
    r"|документе|публикации|пресс-релизе|обращении|посте)\b",
    re.IGNORECASE,
)

#: "В заявлении МИД говорится, что …" / "У заяві МЗС ідеться, що …"
_IN_STATEMENT = re.compile(
    r"\s*(?:в|во|у)\s+(?:заявлении|сообщении|документе|публикации|пресс-релизе|обращении|заяві"
    r"|повідомленні|дописі|документі|публікації|зверненні)\s+(?P<who>[^,.]+?)\s+"
    r"(?P<verb>говорится|сказано|отмечается|указывается|(?:ід|йд)еться|зазначається|зазначено)"
    r"\s*,?\s*(?:что|що)\b",
    re.IGNORECASE,
)

#: where a statement was posted or aired: a channel, a site, a programme, never its source
_PLATFORM = re.compile(
    r"telegram|телеграм|канал|facebook|фейсбук|twitter|твиттер|твіттер|youtube|instagram|сайт|соцсет"
    r"|соцмереж|эфир|ефір",
    re.IGNORECASE,
)

#: a relative clause, to the sentence's end (its own commas included): "…, де люди можуть
#: перечекати", "…, которые могут …"
_RELATIVE = re.compile(
    r",\s*(?:де|куди|який|яка|яке|які|якого|яких|якій|яким|где|куда|который|которая|которое|которые"
    r"|которых|которым|которой)\b[^.;!?]*"
)

#: prepositions whose object (a common noun) is never the subject of a reporting verb
_PREPOSITIONS = frozenset(
    """после перед до около во в на по при через без для из от с со к над под между среди о об обо про
    після перед до біля в у на по при через без для з із зі від к над під між серед""".split()  # noqa: SIM905
)

#: common nouns of places, which a locative before a plural verb is not an office in ("в городе
#: заявили" names nobody)
_PLACES = frozenset(
    """город район регион область село место страна мир столица результат время день связь
    місто регіон країна світ місце столиця результат час день зв'язок""".split()  # noqa: SIM905
)


def _closing(toks: list[Tok], k: int) -> int | None:
    """The closing mark of a short quoted name opening at ``toks[k]`` (five words at most)."""
    for x in range(k + 1, min(len(toks), k + 7)):
        if toks[x].text in _QUOTES:
            return x if x > k + 1 else None
        if toks[x].text in (",", ".", ":", ";"):
            return None
    return None


def _names_next(toks: list[Tok], j: int) -> bool:
    """Whether the words after "по предварительным данным" name someone before the comma: a
    capitalised word or a noun in the genitive ("МЧС", "пресс-службы", «Базы»), not the
    statement itself ("пострадали 10 человек")."""
    if j >= len(toks):
        return False
    t = toks[j]
    if t.text in _QUOTES:
        return True
    if t.punct or t.pos in ("VERB", "NUMR", "INFN", "PRTS", "ADJS"):
        return False
    if t.text[:1].isdigit():
        return False
    if t.cap and t.pos in ("NOUN", None):
        return True
    head = next((x for x in toks[j : j + 3] if x.pos == "NOUN"), None)
    return head is not None and head.case == "gent" and toks[j].pos in ("NOUN", "ADJF")


def _idiom(lex: Lexicon, toks: list[Tok], i: int) -> bool:
    """ "як кажуть," / "как говорят,": a reporting verb after "as" with nobody named is a hedge
    inside someone's words, not who says them; and a verb right after ", что" is a relative
    clause's ("…, что привело к затоплению")."""
    before = i > 0 and toks[i - 1].text.lower() in lex.as_reported
    if i > 1 and toks[i - 1].text.lower() in lex.that and toks[i - 2].text == ",":
        return True  # ", что привело к …": "что" is the verb's subject (which), not "that"
    return before and (i + 1 >= len(toks) or toks[i + 1].punct)


#: anonymous informants, whose source phrase goes on with where they sit ("источник в полиции")
_INFORMANTS = frozenset({"источник", "джерело", "собеседник", "співрозмовник"})

#: verbs of refusing before an infinitive of saying: "отказался комментировать", "відмовився коментувати"
_REFUSE = frozenset({"отказаться", "отказываться", "відмовитися", "відмовлятися"})


def _refused(toks: list[Tok], i: int) -> int:
    """How many words before ``toks[i]`` refuse it ("отказался", "не стали"): 0 for none."""
    if i > 0 and toks[i - 1].lemma in _REFUSE:
        return 1
    if i > 1 and toks[i - 2].text.lower() == "не" and toks[i - 1].lemma in ("стать", "стати"):
        return 2
    return 0


def _impersonal(code: str, t: Tok) -> bool:
    """An impersonal passive ("оголошено жалобу", "заявлено"): what was done, not who says so."""
    return (
        code == "uk"
        and t.text.lower().endswith(("но", "то"))
        and "Impe" in morph(code).parse(t.text.lower())[0].tag
    )


def _citing(lex: Lexicon, toks: list[Tok], i: int) -> int:
    """How many words of a citing phrase ("со ссылкой на") start at ``toks[i]``; 0 for none."""
    for phrase in lex.citing:
        if [t.text.lower() for t in toks[i : i + len(phrase)]] == list(phrase):
            return len(phrase)
    return 0


def _strip(stext: str, a: int, b: int) -> Range:
    edge = " \t\n,.;:" + _QUOTES + _DASHES
    while a < b and stext[a] in edge:
        a += 1
    while b > a and stext[b - 1] in edge:
        b -= 1
    return a, b


def _unclosed(sentence: str) -> bool:
    """Whether a quotation opened in the sentence runs on: «…», "…", „…“ and “…”."""
    if sentence.count("«") > sentence.count("»") or sentence.count('"') % 2 == 1:
        return True
    if "„" in sentence:
        return sentence.count("„") > sentence.count("“") + sentence.count("”")
    return sentence.count("“") > sentence.count("”")
