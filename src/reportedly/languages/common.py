"""What the Korean, Russian and Ukrainian extractors share: from attributions found in sentences
to the same :class:`~reportedly.model.Ledger` the English pipeline builds.

A language module finds, sentence by sentence, :class:`Attribution` objects (cue, content,
source, deeper hops of the chain, stance) and the sentence's quantities and time expressions;
:func:`build_ledger` turns them into claims with exact offsets, resolves names through the
alias table (so 국정원, NIS and National Intelligence Service are one entity), carries a
source over to the sentences that continue its statement, and gives measured sentences nobody
is quoted for to the outlet's own voice, as the English pipeline does.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Protocol

from ..model import (
    ChainLink,
    Claim,
    ClaimKind,
    Cue,
    Document,
    EntityType,
    Ledger,
    Quantity,
    SectionKind,
    SourceMention,
    Stance,
    TimeExpr,
)
from .names import Names

#: a character range of the document text, end exclusive
Range = tuple[int, int]
#: paragraphs of figures after a source that gave figures, still its statement
CARRY_PARAGRAPHS = 3


@dataclass(slots=True)
class Hop:
    """A deeper hop of a chain: who the source relays ("국정원이 … 보고했다고"), and by which cue."""

    span: Range
    name: str
    cue: str | None = None


@dataclass(slots=True)
class Attribution:
    """One attributed statement found in a sentence, before names are resolved."""

    cue: Range
    lemma: str
    content: list[Range]
    stance: Stance
    kind: ClaimKind = ClaimKind.INDIRECT
    source: Range | None = None
    #: the name the source resolves by (a lemma, a person's name without the title); None: its text
    source_name: str | None = None
    hops: list[Hop] = field(default_factory=list)
    negated: bool = False
    inverted: bool = False
    #: "по предварительным данным, …" with nobody named: the speaker before goes on only in
    #: its own paragraph (a new paragraph's "preliminary data" is the outlet's)
    nobody: bool = False
    #: the whole quotation a sentence of it was cut from: its other sentences' dates are theirs,
    #: not this claim's (nor when it was said)
    within: Range | None = None
    #: a plain statement told by a verb of telling (round 14, ``Stances.told_by``): a media
    #: outlet's is a media report, ``reported``, once its name is resolved
    told: bool = False


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int


class Language(Protocol):
    """What a language module gives :func:`build_ledger`."""

    code: str

    def sentences(self, document: Document) -> list[Sentence]: ...

    def attributions(self, text: str, sent: Sentence) -> list[Attribution]: ...

    def quantities(self, text: str, sent: Sentence) -> list[Quantity]: ...

    def times(self, text: str, sent: Sentence, published: date | None) -> list[TimeExpr]: ...

    def person(self, name: str) -> tuple[str, str | None] | None:
        """(name, surname) when a source mention names a person, with the title dropped."""
        ...


# ------------------------------------------------------------------------------------ names


# ------------------------------------------------------------------------------------ ledger


def build_ledger(document: Document, lang: Language) -> Ledger:
    from .measures import type_measures
    from .quote_runs import credit_runs_over

    """The ledger of a document in ``lang``: a claim per attribution, continuations, outlet voice."""
    text = document.text
    names = Names(document, lang)
    claims: list[Claim] = []
    last: Claim | None = None
    last_para = -10
    unattributed = getattr(lang, "unattributed", None)
    credited = getattr(lang, "credited", None)
    credit_on = True  # a credit line ("Джерело: X") owns the figures nobody is named for, until a recap
    sentences = lang.sentences(document)
    firsts = {s.start for n, s in enumerate(sentences) if n == 0 or sentences[n - 1].paragraph != s.paragraph}

    def opens_quote(sent: Sentence) -> bool:
        """Whether a sentence opens its paragraph with a quotation mark."""
        return sent.start in firsts and text[sent.start : sent.start + 1] in '«"„“'

    announced = -10  # the paragraph after a speaker's words that end in a colon: theirs
    for sent in sentences:
        if sent.paragraph == announced and last is not None:
            last_para = sent.paragraph  # "…повідомив, що …:" ¶ the words it announces go on
        found = lang.attributions(text, sent)
        if unattributed is not None and unattributed(text[sent.start : sent.end]):
            # "Ранее сообщалось, что …": the outlet's recap; the last speaker does not go on
            last, last_para, credit_on = None, -10, False
        quantities = lang.quantities(text, sent)
        times = lang.times(text, sent, document.published)
        type_measures(
            lang.code, text[sent.start : sent.end], sent.start, quantities, times, document.published
        )
        section = document.section_at(sent.start)
        if found:
            for att in found:
                if att.content and att.content[0][0] < sent.start:
                    # the statement told in an earlier sentence ("Об этом сообщил X"): its figures
                    # and its outlet-voice reading give way
                    a, b = att.content[0]
                    earlier = [c for c in claims if c.sentence and a <= c.sentence.start < b]
                    claims = [
                        c
                        for c in claims
                        if c not in earlier or c.source is not None and c.kind is not ClaimKind.OUTLET
                    ]
                    quantities = [q for c in earlier for q in c.quantities] + quantities
                    times = [t for c in earlier for t in c.times] + times
                claim = _claim(document, sent, att, names, quantities, times, section)
                _own_outlet(claim, document)
                near = 0 <= sent.paragraph - last_para <= (0 if att.nobody else CARRY_PARAGRAPHS)
                if att.nobody and sent.paragraph - last_para == 1 and opens_quote(sent):
                    # a quotation opening the next paragraph ("«… За наявною інформацією, там
                    # можуть бути люди …»"): the speaker's words, with what they tell inside
                    near = True
                if claim.source is None and last is not None and last.source and near:
                    # the subject is left out: the last speaker goes on
                    claim.source, claim.chain = last.source, list(last.chain)
                elif claim.source is None and not att.nobody and credit_on and credited is not None:
                    # "Наразі повідомлять про …" with nobody before it, under "Джерело: X": X's
                    credit = credited(text, sent)
                    if credit is not None:
                        by = _claim(document, sent, credit, names, [], [], section)
                        claim.source, claim.chain = by.source, by.chain
                claims.append(claim)
                if claim.source is not None:
                    last, last_para = claim, sent.paragraph
                    announced = (
                        sent.paragraph + 1 if text[sent.start : sent.end].rstrip().endswith(":") else -10
                    )
            continue
        counted = [q for q in quantities if not q.attribute]
        span = _trim(text, sent.start, sent.end)
        marked = getattr(lang, "marked", None)
        stance_marked = bool(marked and marked(text[span[0] : span[1]]))
        quoted = getattr(lang, "quoted", None)
        if (
            quoted is not None
            and section is SectionKind.BODY
            and last is not None
            and last.source is not None
            and 0 <= sent.paragraph - last_para <= 1
            and quoted(text[sent.start : sent.end])
        ):
            # a quotation standing alone after the sentence that named its speaker ("Пригожин
            # записал обращение. «…»"): the speaker's words, told as the speaker told the rest
            stance = _tally_stance(text[span[0] : span[1]], lang)
            if stance is Stance.REPORTED and not counted and last.stance is not Stance.REPORTED:
                stance = Stance.ASSERTED
            direct = ClaimKind.DIRECT
            claims.append(_carried(last, direct, stance, section, document, span, quantities, times))
            last_para = sent.paragraph
            continue
        if section is not SectionKind.BODY:
            continue
        told = None
        if not (counted or stance_marked):
            # an event the outlet tells, with no cue and no figure ("СКР возбудил уголовное дело по
            # факту взрыва"): its own claim, as in the English pipeline
            event = getattr(lang, "event", None)
            told = event(text[span[0] : span[1]]) if event is not None else None
            if told is None:
                # the state of things in the present ("Тривають пошуково-рятувальні роботи"): the
                # outlet's, or the speaker's going on in the speaker's paragraph (round 12)
                speaking = last is not None and last.source is not None and sent.paragraph == last_para
                now = _ongoing(lang, text, (sent.start, sent.end), speaking)  # its quotation marks too
                if now is not None:
                    verb, stance, part = now
                    # a tally's part ("Серед загиблих – …") goes on as figures do, over paragraphs
                    figures = part and last is not None and last.source is not None and bool(last.quantities)
                    if last is not None and (
                        speaking or (figures and 0 < sent.paragraph - last_para <= CARRY_PARAGRAPHS)
                    ):
                        kind = last.kind if last.kind is not ClaimKind.DIRECT else ClaimKind.INDIRECT
                        claims.append(
                            _carried(last, kind, stance, section, document, span, quantities, times)
                        )
                    elif not part:  # a tally's part with no speaker to go on from is left unread
                        cue = Cue(verb[0], verb[1], text[verb[0] : verb[1]], "outlet")
                        claims.append(_outlet_claim(document, section, stance, cue, span, quantities, times))
                continue
        # a source goes on for its paragraph, and for the next few when it gave figures (a briefing
        # told over several paragraphs of numbers)
        tally = bool(last and last.quantities) and bool(counted)
        by_group = getattr(lang, "by_group", None)
        after_speaker = last is not None and sent.paragraph == last_para
        if told is not None and by_group is not None and after_speaker and by_group(text[span[0] : span[1]]):
            # "Однако спасатели нашли ребёнка" after "В управлении МЧС сообщили, что …" in one
            # paragraph: the outlet's, or the speaker's going on? Neither is sure
            continue
        # an event the outlet tells names who did it: it is not the speaker before going on
        goes_on = (
            told is None
            and last is not None
            and (
                sent.paragraph == last_para or (tally and 0 < sent.paragraph - last_para <= CARRY_PARAGRAPHS)
            )
        )
        if goes_on and last is not None and last.source is not None:
            # the sentence goes on with the figures of the statement before it
            kind = last.kind if last.kind is not ClaimKind.DIRECT else ClaimKind.INDIRECT
            stance = _tally_stance(text[span[0] : span[1]], lang)
            claims.append(_carried(last, kind, stance, section, document, span, quantities, times))
            continue
        credit = credited(text, sent) if credited is not None and credit_on and counted else None
        if credit is not None:
            # under a credit line, figures nobody is named for are the credited source's
            claim = _claim(document, sent, credit, names, quantities, times, section)
            _own_outlet(claim, document)
            claims.append(claim)
            continue
        if told is not None:
            at = span[0] + told[0]
            cue = Cue(at, span[0] + told[1], text[at : span[0] + told[1]], "outlet")
        elif counted:
            cue = Cue(counted[0].start, counted[0].end, counted[0].text, "outlet")
        else:  # the ending that marks the stance: the sentence's last word
            at = text.rfind(" ", span[0], span[1]) + 1 or span[0]
            cue = Cue(at, span[1], text[at : span[1]], "outlet")
        stance = _outlet_stance(text[span[0] : span[1]], lang, told is not None)
        claims.append(_outlet_claim(document, section, stance, cue, span, quantities, times))
    credit_runs_over(claims, document, paragraphs_of(document))  # «… ¶ …», – сказав X
    claims.sort(key=lambda c: (c.sentence.start if c.sentence else c.cue.start, c.cue.start))
    for i, claim in enumerate(claims):
        claim.id = f"{document.id}:{i}"
    used = {link.entity.id for c in claims for link in c.chain}
    used |= {c.source.entity.id for c in claims if c.source and c.source.entity}
    entities = [e for e in names.entities.values() if e.id in used]
    return Ledger(document=document, claims=claims, entities=entities)


def _own_outlet(claim: Claim, document: Document) -> None:
    """A source that is the publishing outlet itself ("…, сообщает ТАСС" on TASS's site) is no
    hop: what it cites is the source, and with nothing cited the claim is in the outlet's voice."""
    if not claim.chain or not document.outlet:
        return
    outlet = _words(document.outlet)
    first = claim.chain[0]
    names = [first.entity.name, *first.entity.aliases, *([first.mention.text] if first.mention else [])]
    if not any(_words(n) and _words(n) <= outlet for n in names):
        return
    rest = claim.chain[1:]
    if rest:
        claim.chain = rest
        if claim.source is not None and claim.source.entity is first.entity:
            link = rest[-1]
            mention = link.mention or claim.source
            claim.source = SourceMention(mention.start, mention.end, mention.text, link.entity)
    else:
        claim.source, claim.chain, claim.kind = None, [], ClaimKind.OUTLET


def _words(name: str) -> set[str]:
    """Words of a name in ASCII, so "Інформатор" is a word of "Informator (informator.ua)"."""
    from anyascii import anyascii

    # "и" is "y" in the outlets' own spelling ("Patrioty Ukrainy") and "i" in anyascii's
    words = re.findall(r"[a-z0-9]+", anyascii(name).lower().replace("y", "i"))
    return {w for w in words if len(w) > 1}


def _ongoing(lang: Language, text: str, span: Range, speaking: bool) -> tuple[Range, Stance, bool] | None:
    """The verb (document offsets), stance and whether it is a tally's part, of a sentence telling
    the state of things in the present (or who is among the dead), for a language that reads them
    (``lang.ongoing``), the stance after the content's own marks."""
    ongoing = getattr(lang, "ongoing", None)
    found = ongoing(text[span[0] : span[1]], speaking) if ongoing is not None else None
    if found is None:
        return None
    (a, b), stance, part = found
    content_stance = getattr(lang, "content_stance", None)
    if content_stance is not None:
        stance = content_stance(text[span[0] : span[1]], stance)
    figures_told = getattr(lang, "figures_told", None)  # "десятки людей вважаються зниклими"
    if figures_told is not None:
        stance = figures_told(text[span[0] : span[1]], stance)
    return (span[0] + a, span[0] + b), stance, part


def _outlet_claim(
    document: Document,
    section: SectionKind,
    stance: Stance,
    cue: Cue,
    span: Range,
    quantities: Sequence[Quantity],
    times: Sequence[TimeExpr],
) -> Claim:
    """A sentence in the outlet's own voice."""
    return Claim(
        kind=ClaimKind.OUTLET,
        section=section,
        stance=stance,
        cue=cue,
        content=[document.span(*span)],
        quantities=_inside(quantities, [span]),
        times=[replace(t) for t in times],
        sentence=document.span(*span),
    )


def _tally_stance(sentence: str, lang: Language) -> Stance:
    stance_of = getattr(lang, "stance_of", None)
    return stance_of(sentence) if stance_of else Stance.REPORTED


def _outlet_stance(sentence: str, lang: Language, event: bool) -> Stance:
    """The stance of the outlet's own sentence: figures are reported (a tally); an event told with
    no figure is a plain statement, asserted, as an attributed statement without figures is
    (GLOSSARY.md, "asserted"), unless its words mark it ("по предварительным данным, мог …")."""
    if not event:
        stance = _tally_stance(sentence, lang)
        munitions_only = getattr(lang, "munitions_only", None)
        if stance is Stance.REPORTED and munitions_only is not None and munitions_only(sentence):
            # "Росіяни вдарили двома балістичними ракетами": how a strike was made, no tally (round 13)
            content_stance = getattr(lang, "content_stance", None)
            return content_stance(sentence, Stance.ASSERTED) if content_stance else Stance.ASSERTED
        return stance
    content_stance = getattr(lang, "content_stance", None)
    stance = content_stance(sentence, Stance.ASSERTED) if content_stance else Stance.ASSERTED
    # an event that tells deaths or injuries ("Внаслідок авіакатастрофи загинули міністр, …") is a
    # tally without a figure: reported, as the same words are after a reporting verb (round 13)
    figures_told = getattr(lang, "figures_told", None)
    return figures_told(sentence, stance) if figures_told else stance


def _claim(
    document: Document,
    sent: Sentence,
    att: Attribution,
    names: Names,
    quantities: list[Quantity],
    times: list[TimeExpr],
    section: SectionKind,
) -> Claim:
    text = document.text
    source = None
    chain: list[ChainLink] = []
    cue_text = text[att.cue[0] : att.cue[1]]
    if att.source is not None:
        s, e = att.source
        entity = names.resolve(text[s:e], att.source_name, s)
        source = SourceMention(s, e, text[s:e], entity)
        chain.append(ChainLink(entity, cue_text, document.span(s, e)))
    for hop in att.hops:
        entity = names.resolve(text[hop.span[0] : hop.span[1]], hop.name, hop.span[0])
        if all(link.entity.id != entity.id for link in chain):
            chain.append(ChainLink(entity, hop.cue, document.span(*hop.span)))
    if len(chain) > (1 if source else 0):
        # a relay names its origin ("со ссылкой на МЧС", "국정원이 … 보고했다고"): the origin is who
        # says it, the relay stays first in the chain
        origin = chain[-1]
        span = origin.mention or document.span(*att.cue)
        source = SourceMention(span.start, span.end, span.text, origin.entity)
    content = [document.span(*_trim(text, a, b)) for a, b in att.content if b > a]
    content = [c for c in content if c.end > c.start] or [document.span(*att.cue)]
    stance = att.stance
    if att.told and any(link.entity.type is EntityType.MEDIA_OUTLET for link in chain):
        # "сообщает ТАСС, что …", "сообщил ТАСС X", "…, сообщили РБК в МЧС": a media report
        stance = Stance.REPORTED
    return Claim(
        kind=att.kind,
        section=section,
        stance=stance,
        cue=Cue(att.cue[0], att.cue[1], cue_text, att.lemma),
        content=content,
        source=source,
        chain=chain,
        quantities=_inside(quantities, [(c.start, c.end) for c in content]),
        times=[
            replace(t)
            for t in times
            if not (source and source.start <= t.start < source.end)
            and not (
                att.within
                and att.within[0] <= t.start < att.within[1]
                and not any(c.start <= t.start < c.end for c in content)
            )
        ],
        negated=att.negated,
        inverted=att.inverted,
        sentence=document.span(*_trim(text, sent.start, sent.end)),
    )


def _carried(
    last: Claim,
    kind: ClaimKind,
    stance: Stance,
    section: SectionKind,
    document: Document,
    span: Range,
    quantities: Sequence[Quantity],
    times: Sequence[TimeExpr],
) -> Claim:
    """A sentence told in the voice of the claim before it: its cue, source and chain, this
    sentence's own words, figures and dates."""
    return Claim(
        kind=kind,
        section=section,
        stance=stance,
        cue=replace(last.cue),
        content=[document.span(*span)],
        source=last.source,
        chain=list(last.chain),
        quantities=_inside(quantities, [span]),
        times=[replace(t) for t in times],
        sentence=document.span(*span),
    )


def _inside(quantities: Sequence[Quantity], spans: Sequence[Range]) -> list[Quantity]:
    return [replace(q) for q in quantities if any(a <= q.start and q.end <= b for a, b in spans)]


_EDGE = " \t\n,.;:·…\"'“”«»„‘’″()[]—–-"


def _trim(text: str, start: int, end: int) -> Range:
    """The range without the spaces and punctuation at its edges (quote marks included)."""
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


# ------------------------------------------------------------------------------------ numbers


def paragraphs_of(document: Document) -> list[Range]:
    """The document's paragraphs and its headline and subheadline (the whole text when layout
    found none); related-story links are left out, as in English."""
    ranges = [(p.start, p.end) for p in document.paragraphs]
    ranges += [
        (s.start, s.end)
        for s in document.sections
        if s.kind in (SectionKind.HEADLINE, SectionKind.SUBHEADLINE)
        and not any(a < s.end and s.start < b for a, b in ranges)
    ]
    return sorted(ranges) or [(0, len(document.text))]


def as_of(published: date | None, day: int) -> date | None:
    """The day of the month ``day`` nearest before (or on) publication: "23일", "23 мая" with no month."""
    if published is None or not 1 <= day <= 31:
        return None
    year, month = published.year, published.month
    if day > published.day:
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    try:
        return date(year, month, day)
    except ValueError:
        return None


def time_expr(text: str, start: int, end: int, when: date | None, granularity: str = "day") -> TimeExpr:
    return TimeExpr(
        start, end, text[start:end], when.isoformat() if when else None, granularity if when else "unresolved"
    )


def sentence_quantity(
    stext: str,
    base: int,
    span: Range,
    figures: tuple[float | None, float | None, float | None],
    approximate: bool,
    unit: str | None,
) -> Quantity:
    """The quantity written at ``stext[start:end]`` (``span``) of a sentence that starts at offset
    ``base`` of the document, with its ``(value, low, high)``: the offsets every language's
    number reader gives, and the text they cut.

    A ``percent`` figure is read as written ("12%": 12) and kept as a fraction (0.12), so each
    reader only says which unit it found, and none of them scales on its own.
    """
    start, end = span
    value, low, high = figures
    if unit == "percent":
        value, low, high = (None if v is None else v / 100 for v in figures)
    return Quantity(
        base + start,
        base + end,
        stext[start:end],
        value=value,
        low=low,
        high=high,
        approximate=approximate,
        unit=unit,
    )


def month_before(published: date | None) -> str | None:
    """'last month' resolved against publication, as ``YYYY-MM``."""
    if published is None:
        return None
    year, month = (published.year, published.month - 1) if published.month > 1 else (published.year - 1, 12)
    return f"{year:04d}-{month:02d}"


def attributed(
    cue: Range,
    lemma: str,
    content: list[Range],
    stance: Stance,
    kind: ClaimKind,
    who: tuple[Range | None, str | None, list[Hop]],
    *,
    negated: bool = False,
    inverted: bool = False,
    nobody: bool = False,
) -> list[Attribution]:
    """The one attribution a finder that names a source through :meth:`Speakers._source` returns:
    ``who`` is what that gives (the source's range, the name it resolves by, its hops), passed on
    as one value."""
    source, name, hops = who
    return [
        Attribution(
            cue=cue,
            lemma=lemma,
            content=content,
            stance=stance,
            kind=kind,
            source=source,
            source_name=name,
            hops=hops,
            negated=negated,
            inverted=inverted,
            nobody=nobody,
        )
    ]
