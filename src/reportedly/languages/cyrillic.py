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
:mod:`.cyrillic_numbers`.

The reader is split by concern (issue 17): here the reader itself (:class:`Cyrillic`: sentences,
the order it tries the constructions in, openings that name nobody); the stance rules in
:mod:`.cyrillic_stance` (round 13);
the finder of each construction in :mod:`.cyrillic_finders`; finding and naming a source
phrase in :mod:`.cyrillic_speakers`; the tokens and the word-level tests they share in
:mod:`.cyrillic_tokens`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from ..model import ClaimKind, Document, Quantity, Stance, TimeExpr
from .common import Attribution, Range, Sentence, paragraphs_of
from .cyrillic_agreement import agrees_with_title, noun_cases
from .cyrillic_credits import credit_line
from .cyrillic_descriptions import describes
from .cyrillic_finders import Finders
from .cyrillic_given import figures_given
from .cyrillic_lexicon import Lexicon, morph, parse_word, surname_lemma
from .cyrillic_numbers import quantities, times
from .cyrillic_outlet import by_group_only, event_verb
from .cyrillic_present import ongoing
from .cyrillic_stance import Stances
from .cyrillic_tokens import QUOTES, Tok, quoted_words, refusing_words, tokens, trim

#: "…, однако он не уточнял, …" / "…, але кількості він не назвав, …": a clause after "but"
#: whose subject, a pronoun, withholds something (up to two words, its object, before it)
_WITHHELD = re.compile(
    r",\s*(?:однако|но|а|але|проте|однак)\s+(?P<rest>(?:[\w’'ʼ-]+\s+){0,2}?"
    r"(?:он|она|они|він|вона|вони)\s+(?P<neg>не)\s+(?P<verb>\w+))",
    re.IGNORECASE,
)
#: verbs whose negation withholds: "не уточнил", "не назвав" (the number), "не повідомив"
_WITHHOLDING = frozenset(
    """уточнить уточнять сообщить сообщать назвать называть раскрыть комментировать
    уточнити уточнювати повідомити повідомляти назвати називати розкрити коментувати""".split()  # noqa: SIM905
)


class Cyrillic(Stances, Finders):
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
        self._paragraph = -1
        self._para_start = 0
        self._para_free = True  # no claim found yet in the paragraph
        #: a credit line's source ("Джерело: X"), for statements whose owner is not named
        self._credit: tuple[Range, str | None] | None = None
        self._spoken = False  # whether a source was named yet
        self._credit_cue: Range = (0, 0)  # "Джерело:" of the credit line

    # -------------------------------------------------------------- protocol

    def sentences(self, document: Document) -> list[Sentence]:
        out: list[Sentence] = []
        text = document.text
        credit = credit_line(self.names, text, paragraphs_of(document))
        if credit:
            # "Джерело: керівник Офісу президента Андрій Єрмак", or a name alone as the first line
            # (the page's furniture, out of the paragraphs): whose words the article relays
            (cue_at, cue_end), (a, b) = credit
            src, name, _hops = self._source(tokens(self.code, text[a:b]), text[a:b], a)
            self._credit = (src, name) if src is not None else None
            self._credit_cue = trim(text, cue_at, cue_end)
        for n, (start, end) in enumerate(paragraphs_of(document)):
            for a, b in self.split(text[start:end]):
                if out and out[-1].paragraph == n and _unclosed(text[out[-1].start : out[-1].end]):
                    out[-1].end = start + b  # a quotation runs on
                else:
                    out.append(Sentence(start + a, start + b, n))
        return out

    def credited(self, text: str, sent: Sentence) -> Attribution | None:
        """A sentence of figures that names nobody, in an article under a credit line ("Джерело:
        глава МВС Ігор Клименко у Telegram" above "На цій локації загинули двоє осіб"): the
        credited source's, as the page says whose words it relays (None without a credit line)."""
        if self._credit is None:
            return None
        a, b = trim(text, sent.start, sent.end)
        if b <= a:
            return None
        src, name = self._credit
        return Attribution(
            cue=self._credit_cue,
            lemma="джерело" if self.code == "uk" else "источник",
            content=[(a, b)],
            stance=self.stance_of(text[a:b]),
            kind=ClaimKind.INDIRECT,
            source=src,
            source_name=name,
        )

    def person(self, name: str) -> tuple[str, str | None] | None:
        if name in self.known:  # the named entities said so ("Сальдо" is in no dictionary)
            last = name.split()[-1]
            return (name, last) if len(name.split()) > 1 else (last, last)
        words = [w for w in name.split() if w[:1].isupper()]
        every = name.split()
        if len(every) > 1 and every[-1][:1].isupper() and not every[-1].isupper():
            # "Керівник Донецької ОВА Кириленко": a title, then a surname alone that can stand in
            # a case of the title ("голова Ради оборони Кривого Рогу": a town's genitive, no name)
            tags = [p.tag for p in morph(self.code).parse(every[-1].lower())[:2]]
            before = morph(self.code).parse(every[-2].lower())[0].tag
            if any("Surn" in t for t in tags) and not any(g in before for g in ("Name", "Patr")):
                titled = [t for t in tokens(self.code, name) if t.lemma in self.lex.person_titles]
                if titled and agrees_with_title(self.code, every[-1], noun_cases(self.code, titled[0].text)):
                    return surname_lemma(self.code, every[-1]), surname_lemma(self.code, every[-1])
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

    def full_name(self, surname: str, mention: str, before: str) -> str | None:
        """The whole name of a person a surname names ("Кириленко", "Керівник ОВА Кириленко"):
        the person with that surname named earlier in the text, else the surname alone (never the
        title)."""
        found = None
        for para in before.split("\n")[-40:]:
            for _a, _b, kind, normal in self.names(para) if para.strip() else []:
                if kind == "PER" and len(normal.split()) > 1 and normal.split()[-1] == surname:
                    found = normal
        return found or surname

    def last_person(self, before: str, paragraphs: int = 10) -> str | None:
        """The person named last in the text before a pronoun ("Президент Володимир Зеленський
        показав … ¶ «…», – написав він"), in the nominative: whom "he" or "she" is when no
        person has been a source yet (within the last ``paragraphs`` paragraphs)."""
        found = None
        for para in before.split("\n")[-paragraphs:]:
            for _a, _b, kind, normal in self.names(para) if para.strip() else []:
                if kind == "PER" and len(normal.split()) > 1:
                    found = normal
        return found

    def describes(self, mention: str) -> bool:
        """Whether a source phrase describes a person named before (:mod:`.cyrillic_descriptions`)."""
        return describes(self.code, self.lex, mention)

    def quoted(self, sentence: str) -> bool:
        """Whether a sentence is one quotation and nothing else («…», "…", „…“, “…”): words with no
        cue of their own, the speaker named before goes on into them."""
        s = sentence.strip()
        pairs = {"«": "»", '"': '"', "„": "“", "“": "”"}
        if len(s) < 3 or s[0] not in pairs:
            return False
        body = s.rstrip(".!?…").rstrip()
        if _unclosed(s):
            return True  # left open: it runs to the paragraph's end (a page cut short)
        if not body.endswith(pairs[s[0]]):
            return False
        return body.count('"') == 2 if s[0] == '"' else body.count(s[0]) == 1

    def quantities(self, text: str, sent: Sentence) -> list[Quantity]:
        return quantities(self.lex, text[sent.start : sent.end], sent.start)

    def times(self, text: str, sent: Sentence, published: date | None) -> list[TimeExpr]:
        return times(self.lex, text[sent.start : sent.end], sent.start, published)

    # -------------------------------------------------------------- attribution

    def unattributed(self, sentence: str) -> bool:
        """Whether a sentence opens as a report nobody is named for ("Ранее сообщалось, что …",
        "Пізніше стало відомо, що …") or as the outlet's reminder ("Напомним, …", "Нагадаємо, …"),
        or tells what was reported earlier ("Станом на ранок повідомлялося про 8 загиблих"): the
        outlet's own recap, and the speaker before does not go on."""
        s = sentence.strip()
        return bool(
            (self.lex.earlier and re.match(self.lex.earlier, s, re.IGNORECASE))
            or (self.lex.recap and re.match(self.lex.recap, s, re.IGNORECASE))
            or (self.lex.told_earlier and re.search(self.lex.told_earlier, s, re.IGNORECASE))
            or (self.lex.thus and re.match(self.lex.thus, s, re.IGNORECASE) and self._after_uncued())
        )

    def _after_uncued(self) -> bool:
        """Whether the sentence before the one being read found no cue ("Одна людина померла в
        лікарні. Таким чином, …": the writer sums up; after "Як зазначили у міністерстві, … ."
        the sum is the ministry's)."""
        return (
            self._current is not None
            and self._free_from is not None
            and self._free_from[0] < self._current.start
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
        a, b = trim(stext, content_start, len(stext))
        if b <= a:
            return []
        cue = trim(stext, 0, cue_end)
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
        if self._paragraph != sent.paragraph:
            # the paragraph's first sentence, and whether a claim was found in it since
            self._paragraph, self._para_start, self._para_free = sent.paragraph, sent.start, True
        self._current = sent
        found = [
            piece
            for att in self._attributions(text, sent)
            if att.lemma not in _REACTING or (att.content and att.content[-1][1] <= att.cue[0])
            for piece in self._per_sentence(att, text)
        ]
        found = [piece for att in found for piece in self._withheld_after(att, text)]
        if found:
            self._para_free = False
            self._free_from = None
            if any(att.source is not None for att in found):
                self._spoken = True
        elif self._free_from is None:
            self._free_from = (sent.start, sent.paragraph)
        return found

    def _withheld_after(self, att: Attribution, text: str) -> list[Attribution]:
        """ "…, що намерен выехать в район, однако он не уточнял, о чем идет речь" / "…, але
        кількості він не назвав": a second clause, after "but", in which the speaker withholds
        something is a claim of its own (no comment, the speaker before), and the first
        statement ends before it."""
        if len(att.content) != 1 or att.stance is Stance.NO_COMMENT:
            return [att]
        a, b = att.content[0]
        m = _WITHHELD.search(text, a, b)
        if m is None or parse_word(self.code, m.group("verb").lower())[0] not in _WITHHOLDING:
            return [att]
        first = trim(text, a, m.start())  # the statement, up to the comma before "but"
        rest = trim(text, m.start("rest"), b)
        if first[1] <= first[0] or rest[1] <= rest[0]:
            return [att]
        att.content = [first]
        withheld = Attribution(
            cue=(m.start("neg"), m.end("verb")),
            lemma=parse_word(self.code, m.group("verb").lower())[0],
            content=[rest],
            stance=Stance.NO_COMMENT,
            kind=ClaimKind.INDIRECT,
        )
        return [att, withheld]

    def _per_sentence(self, att: Attribution, text: str) -> list[Attribution]:
        """A quotation of several sentences ("«ЧВК хотели расформировать. … Сейчас наступил момент,
        когда кровь может пролиться. …», — говорится в аудиосообщении") takes the stance most of its
        sentences have: a modal or an if-clause in one sentence is not the others', and marks the
        whole only when it is in half of them or more."""
        if att.kind is not ClaimKind.DIRECT or len(att.content) != 1:
            return [att]
        a, b = att.content[0]
        pieces = [trim(text, a + x, a + y) for x, y in self.split(text[a:b])]
        pieces = [text[x:y] for x, y in pieces if y > x]
        if len(pieces) < 2:
            return [att]
        marks = (Stance.EXPECTED, Stance.ESTIMATED, Stance.UNVERIFIED, Stance.CONDITIONAL)
        if att.stance not in marks:
            return [att]
        base = self.lex.verbs.get(att.lemma, Stance.REPORTED)
        marked = sum(self.content_stance(piece, base) in marks for piece in pieces)
        if 2 * marked >= len(pieces):
            return [att]
        # most sentences are plain statements: the quotation is told as the verb tells it
        whole = text[a:b]
        att.stance = self.figures_told(whole, base)
        return [att]

    def _attributions(self, text: str, sent: Sentence) -> list[Attribution]:
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
        found = (
            figures_given(self, toks, stext, base)
            or self._relayed_back(toks, stext, base)
            or self._according(toks, stext, base)
            or self._speech_of(toks, stext, base)
        )
        if not found:
            found = self._said_in_before(toks, stext, base) or self._in_statement(stext, base)
        if not found or found[0].nobody:
            # "«По оперативной информации… 65 человек …», — сказано в сообщении X": the statement's
            found = self._says_in(stext, base) or found
        if not found or found[0].nobody:
            # a verb inside the quotation ("«… будемо інформувати додатково», – зазначає X") is
            # the speaker's own word, not who says it
            quoted = quoted_words(toks)
            verbs = [
                i
                for i, t in enumerate(toks)
                if (t.pos == "VERB" or (t.pos == "INFN" and refusing_words(toks, i)))
                and t.lemma in self.lex.verbs
                and not _idiom(self.lex, toks, i)
                and not _impersonal(self.code, t)
                and not (i == 0 and self.lex.recap and re.match(self.lex.recap, t.text, re.IGNORECASE))
                and not quoted[i]
            ]
            # "відреагував на трагедію та повідомив, що …": the verb of saying, not of reacting
            verbs = [i for i in verbs if toks[i].lemma not in _REACTING] or verbs
            verb = self._closing_speaker(toks, verbs) if len(verbs) > 1 else None
            verb = verb if verb is not None else (verbs[0] if verbs else None)
            told = self._reported(toks, stext, base, verb) if verb is not None else []
            # "В МЧС уточнили, что, по предварительной информации, …": the office that told it
            if not found or (told and told[0].source is not None):
                found = told or found
        self._previous = sent
        return found

    def _closing_speaker(self, toks: list[Tok], verbs: list[int]) -> int | None:
        """ "Медики оценивают его состояние как тяжелое, сказал губернатор X": a last reporting verb
        after a comma or dash whose speaker after it is a person by title or name tells the whole
        sentence (the first verb is inside what he said); "…, передает РБК" (an outlet) is left to
        the first verb, whose relay it is."""
        v = verbs[-1]
        if toks[v - 1].text not in ",—–-":
            return None
        rest = [t for t in toks[v + 1 :] if not t.punct]
        if not rest or any(t.pos == "VERB" or t.text.lower() in self.lex.that for t in rest):
            return None
        if any(t.lemma in self.lex.person_titles for t in rest[:3]):
            return v
        return None

    def _speech_of(self, toks: list[Tok], stext: str, base: int) -> list[Attribution]:
        """ "Пряма мова Резніченка: «…»" / "Заявление Пескова: «…»": a noun of speech opening the
        sentence (its adjectives before it), the speaker in the genitive, a colon, then the
        quotation, which is the speaker's (as after "X заявив:")."""
        s = 0
        while s < len(toks) and toks[s].pos == "ADJF":
            s += 1
        if s >= len(toks) - 3 or toks[s].lemma not in self.lex.speech_nouns:
            return []
        c = next((x for x in range(s + 1, min(len(toks), s + 8)) if toks[x].punct), None)
        if c is None or c == s + 1 or toks[c].text != ":" or toks[c + 1].text not in QUOTES:
            return []
        who = toks[s + 1 : c]  # a name, or a title in the genitive ("Слова мера: …")
        if not (who[0].cap or who[0].case == "gent"):
            return []
        a, b = trim(stext, toks[c + 1].start, len(stext))
        if b <= a:
            return []
        source, name, hops = self._source(who, stext, base)
        if source is None:
            return []
        stance = self.figures_told(stext[a:b], self.content_stance(stext[a:b], Stance.ASSERTED))
        return [
            Attribution(
                cue=(base + toks[0].start, base + toks[c].start),
                lemma=toks[s].lemma,
                content=[(base + a, base + b)],
                stance=stance,
                kind=ClaimKind.DIRECT,
                source=source,
                source_name=name,
                hops=hops,
            )
        ]

    #: nouns that stand for the source named just before when a source phrase opens with them:
    #: "собеседник агентства" / "співрозмовник видання" (the informant), "чиновник" / "посадовець"
    #: (the official)
    interlocutors = frozenset({"собеседник", "співрозмовник", "чиновник", "посадовець", "посадовиця"})
    #: an institution's common noun alone ("в ведомстве", "у міністерстві"; "агентство сообщает",
    #: "у виданні пишуть": the agency or outlet just named): the institution that spoke last (with a
    #: complement, "министерство обороны", it names its own)
    offices = frozenset(
        """ведомство министерство відомство міністерство агентство агенція издание видання""".split()  # noqa: SIM905
    )
    #: the head of state named by office ("глава государства", "глава держави", "президент"):
    #: the president named before (lemmas, sorted)
    head_of_state = frozenset({"глава государство", "глава держава", "президент"})

    def event(self, sentence: str) -> Range | None:
        """The verb of an event the outlet tells in a sentence with no cue and no figure
        (:mod:`.cyrillic_outlet`), as the English pipeline's outlet claims: None for none."""
        return event_verb(self.code, self.lex, sentence)

    def ongoing(self, sentence: str, after_speaker: bool) -> tuple[Range, Stance, bool] | None:
        """The state of things told in the present (:mod:`.cyrillic_present`)."""
        return ongoing(self.code, self.lex, sentence, after_speaker)

    def by_group(self, sentence: str) -> bool:
        """Whether an event the outlet tells names only a body of people (:mod:`.cyrillic_outlet`)."""
        return by_group_only(self.code, sentence)


#: verbs of reacting: a speaker's words only after what was said ("«…», – відреагував X"); "X
#: відреагував на обстріл" tells a reaction, no statement
_REACTING = frozenset({"відреагувати", "реагувати", "отреагировать", "реагировать"})


def _idiom(lex: Lexicon, toks: list[Tok], i: int) -> bool:
    """ "як кажуть," / "как говорят,": a reporting verb after "as" with nobody named is a hedge
    inside someone's words, not who says them; and a verb right after ", что" is a relative
    clause's ("…, что привело к затоплению")."""
    before = i > 0 and toks[i - 1].text.lower() in lex.as_reported
    if i > 1 and toks[i - 1].text.lower() in lex.that and toks[i - 2].text == ",":
        return True  # ", что привело к …": "что" is the verb's subject (which), not "that"
    return before and (i + 1 >= len(toks) or toks[i + 1].punct)


def _impersonal(code: str, t: Tok) -> bool:
    """An impersonal passive ("оголошено жалобу", "заявлено"): what was done, not who says so."""
    return (
        code == "uk"
        and t.text.lower().endswith(("но", "то"))
        and "Impe" in morph(code).parse(t.text.lower())[0].tag
    )


def _unclosed(sentence: str) -> bool:
    """Whether a quotation opened in the sentence runs on: «…», "…", „…“ and “…”."""
    if sentence.count("«") > sentence.count("»") or sentence.count('"') % 2 == 1:
        return True
    if "„" in sentence:
        return sentence.count("„") > sentence.count("“") + sentence.count("”")
    return sentence.count("“") > sentence.count("”")
