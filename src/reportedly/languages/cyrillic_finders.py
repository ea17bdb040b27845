"""The constructions of attribution in a Russian or Ukrainian sentence, one finder each: a
reporting verb and its subject (``_reported``), "со ссылкой на" relayed back, "в заявлении X
говорится", "об этом говорится в сообщении …".

Split out of :mod:`.cyrillic` (issue 17) as the mixin :class:`Finders`; the reader
(:class:`.cyrillic.Cyrillic`) tries them in order in ``attributions`` and supplies the stance
rules (``content_stance``, ``counts``) and the sentence before (``_previous``, ``_text``).
"По словам" / "за словами" (``_according``) is in :mod:`.cyrillic_according` (round 12).
"""

from __future__ import annotations

import re

from ..model import ClaimKind, Stance
from .common import Attribution, Hop, Range, Sentence, attributed
from .cyrillic_according import According
from .cyrillic_inversion import addressee_first, quoted_after, relay_last
from .cyrillic_tokens import (
    QUOTES,
    Tok,
    closing_quote,
    name_before,
    refusing_words,
    tokens,
    trim,
)

#: how many paragraphs before it a paragraph that opens "Об этом сообщил X" tells
PARAGRAPHS_BACK = 2

#: "told TASS in the … service": the office that told an agency
_OFFICES = frozenset(
    """служба пресс-служба ведомство министерство администрация штаб оперштаб полиция правительство
    управление аппарат минздрав мчс силовой экстренный оперативный служба пресс-служба відомство
    міністерство адміністрація поліція уряд управління отдел відділ департамент прокуратура""".split()  # noqa: SIM905
)

#: "оценивают состояние как …" / "оцінюють стан як …": a patient's condition, reported, not estimated
_CONDITION = frozenset({"состояние", "стан"})

#: verbs of telling whose negation withholds ("не уточнил, чем …", "не повідомив, скільки …")
_WITHHOLD = frozenset(
    """уточнить уточнять сообщить сообщать комментировать прокомментировать раскрыть
    уточнити уточнювати повідомити повідомляти коментувати прокоментувати розкрити""".split()  # noqa: SIM905
)

#: "Об этом говорится в сообщении …" / "Про це йдеться у повідомленні …": the sentence before
_SAID_IN_BEFORE = re.compile(
    r"\s*(?:об этом|о том|про це)\s+(?:(?:ід|йд)еться|говорится|сказано|зазначено|указано|сообщается"
    r"|повідомляється)\s+(?:у|в|во)\s+(?:повідомленні|заяві|дописі|документі|публікації|зверненні"
    r"|сообщении|заявлении|документе|публикации|пресс-релизе|обращении|посте|сводке|отч[её]те|зведенні|звіті"
    r"|(?:telegram|телеграм)-?канал[еі]|(?:telegram|телеграм)[еі]?|канал[еі]|facebook|фейсбуке|фейсбуці)(?!\w)",
    re.IGNORECASE,
)

#: "В заявлении МИД говорится, что …" / "У заяві МЗС ідеться, що …"
_IN_STATEMENT = re.compile(
    r"\s*(?:в|во|у)\s+(?:(?:официальном|своем|своём|офіційному|своєму)\s+)?"
    r"(?:заявлении|сообщении|документе|публикации|пресс-релизе|обращении|заяві"
    r"|повідомленні|дописі|документі|публікації|зверненні|сводке|отч[её]те|зведенні|звіті"
    # round 15: where an office posts ("В официальном аккаунте УМВД … сообщается, что …")
    r"|аккаунте|акаунті|(?:телеграм|telegram)-канале|(?:телеграм|telegram)-каналі|канале|каналі)"
    r"\s+(?P<who>[^,.]+?)\s+"
    r"(?P<verb>говорится|сказано|отмечается|указывается|(?:ід|йд)еться|зазначається|зазначено"
    r"|сообщается|повідомляється)"
    r"\s*,?\s*(?:что|що)\b",
    re.IGNORECASE,
)


class Finders(According):
    """The sentence finders of the reader, over its ways of finding a source (:class:`.Speakers`)
    and "according to" (:class:`.According`)."""

    _previous: Sentence | None = None
    _text = ""
    _credit: tuple[Range, str | None] | None = None
    _spoken = False
    _para_start = 0
    _para_free = True
    _paragraph = -1
    #: the sentence being read
    _current: Sentence | None = None
    #: where the uncued sentences before this one start (offset, paragraph); None: it had a cue
    _free_from: tuple[int, int] | None = None

    def _in_statement(self, stext: str, base: int) -> list[Attribution]:
        """ "В заявлении МИД говорится, что …" / "У заяві МЗС ідеться, що …": whose statement, then
        what it says."""
        m = _IN_STATEMENT.match(stext)
        if m is None:
            return []
        who = [t for t in tokens(self.code, m.group("who")) if not t.punct]
        a, b = trim(stext, m.end(), len(stext))
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
        back = self.back_reference(toks) if m else None
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
        a, b = trim(stext, 0, m.start())
        if b <= a:
            return []
        body = stext[a:b]
        quoted = stext[max(0, a - 1) : a] in QUOTES or body[:1] in QUOTES
        verb = re.search(r"\S+", stext[m.start() :].lstrip(" ,–—-"))
        at = m.start() + len(stext[m.start() :]) - len(stext[m.start() :].lstrip(" ,–—-"))
        cue = (base + at, base + at + (verb.end() if verb else 0))
        source, name = self._statement_of(stext, m.end(), base)
        if source is None and self._credit is not None and not self._spoken:
            source, name = self._credit  # "Джерело: X" before "«…», – йдеться у дописі"
        hops = [Hop(source, name or stext[source[0] - base : source[1] - base], "told")] if source else []
        if (relay := relay_last(stext, m.end())) is not None:  # "…, передає BBC News"
            source, name = (base + relay[0], base + relay[1]), None
        else:
            hops = []
        return [
            Attribution(
                cue=cue,
                lemma=stext[cue[0] - base : cue[1] - base].lower(),
                content=[(base + a, base + b)],
                stance=self.content_stance(body, Stance.REPORTED),
                kind=ClaimKind.DIRECT if quoted else ClaimKind.INDIRECT,
                source=source,
                source_name=name,
                hops=hops,
            )
        ]

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

    def back_reference(self, toks: list[Tok], opened: bool = False) -> Range | None:
        """The sentence before, when this one opens with "Об этом" / "Про це" (about this), or
        ``opened`` with another phrase that points back ("Такі дані …", :mod:`.cyrillic_given`)."""
        back = opened or [t.text.lower() for t in toks[:2]] in (["об", "этом"], ["о", "том"], ["про", "це"])
        if not back or self._previous is None:
            return None
        prev = self._previous
        a, b = trim(self._text, prev.start, prev.end)
        if opened:  # "these figures": the sentence before alone
            return (a, b) if b > a else None
        if self._para_free and self._para_start < a and self._paragraph_of(prev):
            # "А. Б. Об этом заявил X.": the paragraph's sentences before, none with a cue of its
            # own, are what X told
            a = trim(self._text, self._para_start, b)[0]
        elif (
            not self._paragraph_of(prev)
            and self._current is not None
            and self._current.start == self._para_start
            and self._free_from is not None
            and self._paragraph - self._free_from[1] <= PARAGRAPHS_BACK
        ):
            # "А. ¶ Б. ¶ Про це в ефірі повідомив X.": a paragraph of its own that opens with
            # "about this" tells the paragraphs before it that have no cue (two at most)
            a = trim(self._text, self._free_from[0], b)[0]
        return (a, b) if b > a else None

    def _paragraph_of(self, prev: Sentence) -> bool:
        """Whether the sentence before is in this sentence's paragraph."""
        return prev.start >= self._para_start

    def _reported(self, toks: list[Tok], stext: str, base: int, v: int) -> list[Attribution]:
        verb = toks[v]
        stance = self.lex.verbs[verb.lemma]
        refused = refusing_words(toks, v)
        if refused:
            # "Песков отказался комментировать …", "не стали комментировать": no comment, and the
            # refusal is the cue's start
            stance = Stance.NO_COMMENT
            v0 = v - refused
        elif v > 0 and toks[v - 1].text.lower() == "не" and stance is Stance.CONFIRMED:
            stance = Stance.UNVERIFIED  # "не подтвердили": not (yet) confirmed
        elif v > 0 and toks[v - 1].text.lower() == "не" and verb.lemma in _WITHHOLD:
            stance = Stance.NO_COMMENT  # "он не уточнил, чем …": declined to say
        elif stance is Stance.ESTIMATED and any(t.lemma in _CONDITION for t in toks[v + 1 : v + 3]):
            stance = Stance.REPORTED  # "Медики оценивают его состояние как тяжелое": a condition report
        cue = (base + verb.start, base + verb.end)
        if refused:
            cue = (base + toks[v0].start, base + verb.end)
        # the clause around the verb: back to the last punctuation, on to the next
        if refused:
            v = v0  # the refusal's verb is the clause's ("Песков отказался …": its subject)
        left = v
        while left > 0 and not (toks[left - 1].punct and toks[left - 1].text not in ("-",)):
            left -= 1
        if left == v and (opening := name_before(toks, v)) is not None:
            # "РИА «Новости» сообщает": a name in quotation marks is the clause's, not its edge
            left = opening
            while left > 0 and not (toks[left - 1].punct and toks[left - 1].text not in ("-",)):
                left -= 1
        seg = left - 1  # "X, коментуючи удар, назвав …": the subject before a gerund's clause
        while left == v and seg > 0 and not (toks[seg - 1].punct and toks[seg - 1].text not in ("-",)):
            seg -= 1
        aside = " ".join(t.text.lower() for t in toks[seg : v - 1]) in self.lex.asides
        if left == v and 1 < seg < v and (toks[seg].pos == "GRND" or aside) and toks[seg - 1].text == ",":
            # also "X, у свою чергу, повідомив …" / "X, в свою очередь, сообщил …" (round 13)
            left = seg - 1
            while left > 0 and not (toks[left - 1].punct and toks[left - 1].text not in ("-",)):
                left -= 1
        right = v + 1
        while right < len(toks) and not (toks[right].punct and toks[right].text not in ("-",)):
            right += 1
        if right > v + 1 and toks[right - 1].cap and (close := closing_quote(toks, right)) is not None:
            # "заявили РИА «Новости» в экстренных службах": the name goes on past its marks
            right = close + 1
            while right < len(toks) and not (toks[right].punct and toks[right].text not in ("-",)):
                right += 1
        inverted = False
        extra_hops: list[Hop] = []
        before = [t for t in toks[left:v] if not t.punct or t.text in QUOTES]
        after = toks[v + 1 + refused : right]  # after the infinitive of a refusal
        office = self._office(before, verb)
        object_first = False
        loc_name = None
        if office is not None:
            place, told, case = office
            if told:  # "В оперативных службах журналистам ТАСС заявили": told the agency
                r = (base + place[0].start, base + place[-1].end)
                extra_hops.append(Hop(r, self._office_name(place), "told"))
                subject = told
            else:
                subject = place
                loc_name = self._office_name(place, case)
        else:
            subject = self._subject(before)
            object_first = bool(subject) and not self._agrees(subject, verb, before)
            if object_first:
                subject = []  # "Гибель 11 шахтеров подтвердили власти": the object, the subject after
            elif told := addressee_first(self.names, subject, after, stext):
                # "Об этом ТАСС сообщил X": the agency before the verb relays X, who told it
                if subject[0].cap:
                    x, y = told[0].start, told[-1].end
                    extra_hops.append(Hop((base + x, base + y), self._name_in(stext, x, y), "told"))
                else:  # "Об этом журналистам сообщил X": whom X told is no hop
                    subject = []
        src_toks: list[Tok] = []
        named = quoted_after(toks, v) if not (subject or after) else []
        if named:  # "…, передает «Интерфакс»": the quoted name after the verb is who
            after = src_toks = named
            inverted = True
        elif subject:
            src_toks = subject
        elif after:
            lead = self._adverbials(after)
            src_toks = self._subject(after[lead:], leading=True) if lead < len(after) else []
            if not src_toks and lead:
                src_toks = self._subject(after, leading=True)
            after = after[lead:] if src_toks and lead else after
            src_toks = (
                self._person_after(after, src_toks, stext) or self._title_after_object(src_toks) or src_toks
            )
            if not src_toks and after and after[0].cap and after[0].pos == "ADJF" and len(after) <= 3:
                src_toks = after  # "повідомляє Суспільне", "пишет «Новая газета»": a name, not a noun
            src_toks = self._quoted_name(toks, src_toks, right) or src_toks
            if (
                src_toks
                and src_toks[0] is after[0]
                and not self._agrees(src_toks, verb, after)
                and not {"и", "і", "й", "та"} & {t.text.lower() for t in after}
            ):
                # "у місті оголосили день жалоби": a noun with no plural is the object of an act
                # nobody is named for, no statement (a later "Про це повідомив X" tells it)
                return []
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
                # "Песков назвал разрушение диверсией, передает РБК": the verb's own clause; with no
                # reporting verb after it, the sentence's end ("сообщило о семи погибших, включая …")
                told = any(t.lemma in self.lex.verbs for t in toks[tail + 1 :])
                content = (after[0].start, toks[tail].start if told else len(stext))
        parts: list[Range] = []
        if left > 0 and (content is None or inverted):
            # "«…», — заявил X" / "…, сообщил X": the content is before the verb's clause
            end = toks[left - 1].start
            content = (0, end)
            if (
                inverted
                and toks[left - 1].text == ","
                and right < len(toks) - 1
                and toks[right].text == ","
                and right - left <= 4
                and any(not t.punct for t in toks[right + 1 :])
            ):
                # "За это время, отметил он, не было пролито …": the words on both sides
                parts = [(toks[right].end, len(stext))]
            elif (
                inverted
                and toks[left - 1].text in "–—"
                and right < len(toks) - 2
                and toks[right].text in ".,"
                and toks[right + 1].text in "–—"
            ):
                # "«…, – написав X у Facebook. – …»": the quotation goes on after the writer's words
                parts = [(toks[right + 1].end, len(stext))]
        skip = len(src_toks) if inverted else 0
        if office is None and object_first and inverted and before:
            content = (before[0].start, verb.start)  # what the subject after the verb confirmed
        if content is None and len(after) > skip:
            # "X сообщил об эвакуации …": what is told follows the verb
            content = (after[skip].start, len(stext))
        back = self.back_reference(toks)
        if back is not None:  # "Об этом сообщил X": the sentence before is what X told
            content = (back[0] - base, back[1] - base)
        elif (
            inverted
            and content is not None
            and content[0] == 0
            and left > 0
            and any(t.text in ("–", "—", "-") for t in toks[left - 1 : v])
            and self._para_free
            and self._para_start < base
            and not any(t.text in QUOTES for t in toks[:left])
        ):
            # "У місті троє загиблих. Також 25 поранених, – повідомляє X.": a dash before the
            # verb, with no quotation marks, ends a paragraph of X's words told without quotes: the
            # sentences before it in the paragraph, which name nobody, are X's too
            back = (self._para_start, base + trim(stext, 0, content[1])[1])
            content = (back[0] - base, back[1] - base)
        if (
            content is None
            and inverted
            and not before
            and self._previous is not None
            and not [t for t in toks[right:] if not t.punct]
        ):
            # "Сообщил Дмитрий Песков.": a verb and its speaker alone tell the sentence before
            prev = self._previous
            back = trim(self._text, prev.start, prev.end)
            content = (back[0] - base, back[1] - base)
        if content is None and not after and any(t.text.lower() in ("это", "це") for t in before):
            # "В экстренных службах это отрицают": what "this" is was told before; the refusal,
            # confirmation or remark is told in this sentence, which is the claim's content
            content = (0, len(stext))
        if content is None:
            return []
        a, b = trim(stext, *content) if back is None else content
        if b <= a:
            return []
        body = stext[a:b] if back is None else self._text[back[0] : back[1]]
        if (body[:1] and body[:1] in QUOTES) or (back is None and a > 0 and stext[a - 1] in QUOTES):
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
        spans = [(base + a, base + b)]
        for x, y in parts:
            x, y = trim(stext, x, y)
            if y > x:
                spans.append((base + x, base + y))
                body += " " + stext[x:y]
        stance = self.content_stance(body, stance)
        stance = self.figures_told(body, stance)
        told = False
        if self.lex.verbs[verb.lemma] is Stance.REPORTED and src_toks:
            # "В СК сообщили, что нападавший задержан": a named speaker's plain statement
            told = stance is Stance.REPORTED
            stance = self.told_by(body, stance, [t.text for t in src_toks], hops)
            told = told and stance is Stance.ASSERTED
        denied = stance is Stance.DENIED
        who = (source, name, hops)
        found = attributed(cue, verb.lemma, spans, stance, kind, who, negated=denied, inverted=inverted)
        found[0].told = told
        return found
