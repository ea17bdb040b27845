"""The "according to" construction of a Russian or Ukrainian sentence: "По словам X, …" / "За
даними X, …", "Как сообщает X, …", "Как со ссылкой на очевидцев сообщает «Медуза», …", "по её
словам", and the same in mid-sentence ("Работы, по словам мэра, продлятся до утра").

Split out of :mod:`.cyrillic_finders` (round 12, which was at the module size limit) as the mixin
:class:`According`; the reader (:class:`.cyrillic.Cyrillic`) supplies the stance rules
(``content_stance``, ``counts``, ``figures_told``) and the text read so far (``_text``).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import ClaimKind, Stance
from .common import Attribution, Hop, Range, attributed
from .cyrillic_speakers import Speakers
from .cyrillic_tokens import (
    POSSESSIVES,
    QUOTES,
    Tok,
    citing_words,
    closing_quote,
    ends_source,
    names_next,
    per_merged,
    within_quotation,
)


class According(Speakers):
    """ "По словам X" / "за даними X" / "как сообщает X", over the ways of finding a source."""

    _text = ""

    def content_stance(self, content: str, stance: Stance) -> Stance:
        raise NotImplementedError  # the reader's stance rules (:class:`.cyrillic.Cyrillic`)

    def counts(self, content: str) -> bool:
        raise NotImplementedError  # the reader's stance rules (:class:`.cyrillic.Cyrillic`)

    def figures_told(self, content: str, stance: Stance) -> Stance:
        raise NotImplementedError  # the reader's stance rules (:class:`.cyrillic.Cyrillic`)

    def told_plainly(self, content: str, stance: Stance) -> Stance:
        raise NotImplementedError  # the reader's stance rules (:class:`.cyrillic.Cyrillic`)

    def told_by(self, content: str, stance: Stance, source_words: list[str], hops: Sequence[Hop]) -> Stance:
        raise NotImplementedError  # the reader's stance rules (:class:`.cyrillic.Cyrillic`)

    def _by_words(self, pair: str, body: str, stance: Stance) -> Stance:
        """ "По словам X" / "за словами X" tells figures (reported) or a position (asserted), as a
        verb of saying does: with no count in the words, it is the speaker's position."""
        if pair in ("по словам", "за словами") and stance is Stance.REPORTED and not self.counts(body):
            return Stance.ASSERTED
        return stance

    def _according(self, toks: list[Tok], stext: str, base: int) -> list[Attribution]:
        """ "По словам X, …" / "За даними X, …" / "Как сообщает X, …"."""
        toks = per_merged(self.lex, toks)  # "згідно з даними X", "согласно данным X"
        inside = within_quotation(toks)
        for i in range(len(toks) - 1):
            if inside[i]:
                continue  # "«… За інформацією з прописок, це 200 людей»": the quoted speaker's hedge
            pair = f"{toks[i].text.lower()} {toks[i + 1].text.lower()}"
            stance = self.lex.according.get(pair)
            first = 2
            if (
                stance is None
                and toks[i].text.lower() in self.lex.as_reported
                and toks[i + 1].lemma in self.lex.verbs
            ):
                # "как сообщает X" tells news; "как подчеркнули в Кремле", "як стверджує X" take
                # the verb's own stance, as the verb does elsewhere
                stance = self.lex.verbs[toks[i + 1].lemma]
            nobody = False
            origin: list[Tok] = []
            cites = citing_words(self.lex, toks, i + 1) if toks[i].text.lower() in self.lex.as_reported else 0
            if stance is None and cites:
                # "Как со ссылкой на очевидцев сообщает «Медуза», …": the relay after its verb,
                # the origin before it
                v = next(
                    (
                        x
                        for x in range(i + 1 + cites, len(toks))
                        if (toks[x].punct and toks[x].text not in QUOTES)
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
                    nobody = toks[i + 1].pos in ("ADJF", "PRTF") and not names_next(toks, i + 3)
                else:
                    continue
            whose = first == 3 and toks[i + 1].text.lower() in POSSESSIVES
            # "Как сообщила местная жительница, …": after "как" and a verb the source is in the
            # nominative, so a nominative noun after its adjective is its head, not what is told
            nomn = first == 2 and pair not in self.lex.according
            # the source runs to the next comma (or the sentence's end); with no comma, it ends
            # where a number or a verb starts what is told ("За даними МВС 8 липня загинули …"),
            # or a common noun that cannot be a genitive ("За даними ОВА обстріл стався …")
            j = self._where_first(toks, i + first) if nomn else i + first
            k = j
            while (
                not (nobody or whose)
                and k < len(toks)
                and toks[k].text not in (",", ":", ";", ".", "—", "–")
                and not (
                    k > j and (toks[k].text[:1].isdigit() or toks[k].pos == "VERB" or ends_source(toks[k]))
                )
                and not (k > j and self._new_subject(toks[k]) and not (nomn and self._modified(toks[k - 1])))
            ):
                if toks[k].text in QUOTES:
                    # a name in quotation marks ("по данным «Базы»", "сообщает «Медуза»")
                    close = closing_quote(toks, k) if toks[k].text in '«„“"' else None
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
            published = False
            if k > j and (first == 2 or source_after or origin):
                src_toks = toks[j:k]
                site = self._site_owner(src_toks)
                published = site is not src_toks  # "с сайта завода": the plant, in what it publishes
                source, name, hops = self._source(site, stext, base)
                if toks[j].text in QUOTES and name and len(name.split()) == 1:
                    name = self._genitive_name(name)  # "по данным «Базы»": the name is «База»
            # "по её словам" / "за його словами": the person named last before it said it
            named = self.last_person(self._text[: base + toks[i].start]) if whose else None
            if named:
                source, name = (base + toks[i + 1].start, base + toks[i + 1].end), named
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
            elif k < len(toks) and not toks[k].punct:  # "За даними МВС загинули 5 людей"
                content = (base + toks[k].start, base + len(stext))
            else:
                content = (base + (toks[k].end if k < len(toks) else len(stext)), base + len(stext))
            body = " ".join(stext[a - base : b - base] for a, b in [content, *parts])
            stance = self._by_words(pair, body, self.content_stance(body, stance))
            stance = self.figures_told(body, stance)  # "як зазначили у міністерстві, … двох осіб"
            if published and not self.counts(body):
                stance = Stance.ASSERTED  # what a site says of its owner, no figures: a statement
            told = toks[i].text.lower() in self.lex.as_reported and toks[i + 1].lemma in self.lex.verbs
            told = told and source is not None and not origin and stance is Stance.REPORTED
            if told:
                # "Как сообщили в пресс-службе СК, нападавшим оказался студент": a statement
                stance = self.told_by(body, stance, [t.text for t in toks[j:k]], hops)
                told = stance is Stance.ASSERTED
            if nobody:
                # "По предварительным данным, стрелком оказался студент" (nobody named): the
                # outlet's account of a past event, no count, no operation going on: a statement
                stance = self.told_plainly(body, stance)
            spans, who = [content, *parts], (source, name, hops)
            found = attributed(cue, pair, spans, stance, ClaimKind.ACCORDING_TO, who, nobody=nobody)
            found[0].told = told
            return found
        return []
