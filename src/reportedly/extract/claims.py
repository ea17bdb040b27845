"""From drafts to the ledger: sources and chains resolved to entities, stance, evidence, numbers.

The last stage of extraction, after the finders, the merge and the steps: in
text order (so that anaphora only look back) every draft becomes a
:class:`~reportedly.model.Claim`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import takewhile

from spacy.tokens import Span

from ..model import (
    ChainLink,
    Claim,
    ClaimKind,
    Cue,
    Document,
    Entity,
    EntityType,
    Ledger,
    Measure,
    Quantity,
    SourceMention,
    TimeExpr,
)
from ..model import Span as TextSpan
from ..nlp import sentences
from ..nlp.blocks import Block
from ..places import default_places
from .drafts import Draft, claim_kind, claim_stance, hedges, is_number_phrase
from .entities import EntityResolver
from .gazetteer import Gazetteer
from .measure_places import gazetteer_places
from .measures import type_measures
from .mentions import is_bare_figure
from .outlet import outlet_claims
from .quantities import find_quantities
from .spans import Ranges, enclosing
from .times import find_times


def ledger(document: Document, blocks: list[Block], drafts: list[Draft], gazetteer: Gazetteer) -> Ledger:
    """The ledger of one document: a claim per draft, in text order, and the entities they name."""
    resolver = EntityResolver(document.id, document.text, gazetteer)
    claims: list[Claim] = []
    by_block: dict[int, list[Draft]] = {}
    for draft in drafts:
        assert draft.block is not None, "every draft is placed in its block when found"
        by_block.setdefault(draft.block.paragraph, []).append(draft)
    numbers = _SentenceNumbers(document)
    wire = wire_of(document, resolver)
    relays: dict[str, tuple[list[ChainLink], list[ChainLink]]] = {}
    for n, block in enumerate(blocks):  # in text order, so that anaphora only look back
        resolver.learn(block.doc[:], block.offset)
        following = blocks[n + 1 :]
        for draft in sorted(by_block.get(block.paragraph, []), key=lambda d: d.cue[0]):
            claim = claim_of(document, block, draft, resolver, numbers, following)
            claims.append(with_wire(carry_relays(claim, relays), wire))
    nest_relays(claims)
    name_lede_roles(claims, document.text)
    claims += outlet_claims(document, blocks, claims, numbers.of, wire)
    claims.sort(key=lambda c: (c.sentence.start if c.sentence else c.cue.start, c.cue.start))
    for i, claim in enumerate(claims):
        claim.id = f"{document.id}:{i}"
    used = {link.entity.id for c in claims for link in c.chain} | {
        e.id
        for c in claims
        if c.source
        for e in ([c.source.entity] if c.source.entity else []) + c.source.joint
    }
    entities = [e for e in resolver.all() if e.id in used]
    return Ledger(document=document, claims=claims, entities=entities)


#: How much of a report's opening is read for the countries it names (a measure's place hints).
LEDE_CHARS = 2000


#: Units no bare tally continues ("the total" after a magnitude is not a magnitude).
_NO_TALLY = frozenset({"magnitude", "attackers", "metres", "percent"})


class _SentenceNumbers:
    """Quantities and dates of each sentence, found once: a sentence with several claims would
    otherwise be searched once per claim (date parsing is the slow part)."""

    def __init__(self, document: Document) -> None:
        self.published = document.published
        # the countries the report's title and lede name rank a shared place name inside them
        # first; read when a sentence first needs places, and from the lede only (LEDE_CHARS):
        # reports name their country early, and a whole long text costs more than its figures
        lede = f"{document.title or ''}\n{document.text[:LEDE_CHARS]}"
        self.places = gazetteer_places(hints=lambda: default_places().countries_in(lede))
        self.found: dict[tuple[int, int], tuple[list[Quantity], list[TimeExpr]]] = {}
        self._ranges: dict[tuple[int, int], Ranges] = {}
        #: the last figure typed in each paragraph (by block offset): a bare tally's event
        self.last: dict[int, Measure] = {}
        self.latest: Measure | None = None

    def of(self, block: Block, sent: Span) -> tuple[list[Quantity], list[TimeExpr]]:
        """The sentence's quantities, each typed with its measure, and its time expressions."""
        key = (block.offset, sent.start)
        if key not in self.found:
            times = find_times(sent, block.offset, self.published)
            quantities = find_quantities(sent, block.offset, times)
            # a paragraph that opens on a bare tally ("The new figure … included …") goes on
            # from the figure told last, in the paragraph before
            before = self.last.get(block.offset, self.latest)
            typed = type_measures(sent, quantities, block.offset, times, self.published, self.places, before)
            for q, m in zip(quantities, typed, strict=True):
                q.measure = m
                if m is not None and m.what is not None and m.unit not in _NO_TALLY:
                    self.last[block.offset] = self.latest = m
            self.found[key] = (quantities, times)
        return self.found[key]

    def ranges(self, block: Block, sent: Span) -> Ranges:
        """The sentence's quantities' ``(start, end)``, searchable by position."""
        key = (block.offset, sent.start)
        if key not in self._ranges:
            self._ranges[key] = Ranges([(q.start, q.end) for q in self.of(block, sent)[0]])
        return self._ranges[key]


#: News agencies a byline credits ("By OMAR AKOUR Associated Press", "AFP, Istanbul").
_WIRE_BYLINE = re.compile(
    r"\b(Associated Press|AP|AFP|Agence France-Presse|Reuters|dpa|Xinhua|Yonhap|Kyodo|ANI|PTI|IANS|TASS|"
    r"RIA Novosti|Anadolu|EFE|ANSA|UPI|Bloomberg)\b"
)


#: A credit paragraph of its own near the top: "AFP, Istanbul," / "Reuters" / "By AFP".
_CREDIT_LINE = re.compile(rf"^\s*(?:By\s+)?{_WIRE_BYLINE.pattern}\s*(?:,\s*[A-Z][\w .'’-]{{0,30}})?[,.]?\s*$")
#: A dateline with no place: "(Al Jazeera) – The death toll …".
_AGENCY_OPENING = re.compile(r"^\s*\((?P<agency>[A-Z][\w .&/-]{1,30})\)\s*(?:[–—]|--|-)\s+[A-Z\"“]")
#: A syndicator's opening naming the copy's source: "(MENAFN- Ukrinform) Mykhailo Podolyak … has said".
_SYNDICATED_OPENING = re.compile(
    r"^\s*\((?:[A-Z][A-Za-z]{1,15})\s*[-–—]\s*(?P<agency>[A-Z][\w .&'’-]{1,40}?)\s*\)\s*(?:[–—-]\s+)?[A-Z\"“]"
)
#: A paragraph signed by a wire at its end: "… 783 confirmed fatalities in Syria. (AFP)".
_CREDIT_END = re.compile(rf"[.!?\"”]\s*\({_WIRE_BYLINE.pattern}\)\s*$")
#: Paragraphs from the top a credit line or a placeless dateline may stand in.
_CREDIT_REACH = 5
#: An aggregator's credit line: "Source: RT, SANA", "Sources: Reuters, AFP." (each name a known outlet).
_SOURCE_LINE = re.compile(r"^\s*Sources?\s*:\s*(?P<names>[^:;]{2,80}?)\s*\.?\s*$")
#: A relay's own line closing its lead: "… a UN relief agency said Monday, Kazinform reports citing Xinhua."
_REPORTS_CITING = re.compile(
    rf"\b(?:reports?|informs?|writes?)\s*,?\s+(?:citing|quoting)\s+(?:the\s+)?{_WIRE_BYLINE.pattern}"
    r"(?:\s+news\s+agency)?\s*\.?\s*$"
)
#: A lead photo's caption ending in a bare agency after a full stop: "… on June 5, 2023. AFP".
_CAPTION_AGENCY = re.compile(rf"[.!?]\s+{_WIRE_BYLINE.pattern}(?:\s+Photo)?\s*$", re.I)


def wire_of(document: Document, resolver: EntityResolver) -> Entity | None:
    """The news agency the document credits: in its dateline ("KHERSON, Ukraine (AP) —"), its
    byline ("By OMAR AKOUR Associated Press") or, failing both, a credit in the body (see
    :func:`_body_credit`)."""
    agency = document.meta.get("dateline_agency")
    if not agency and document.byline:
        m = _WIRE_BYLINE.search(document.byline)
        agency = m.group(1) if m else None
    if not agency:
        agency = _body_credit(document, resolver.gaz)
    return resolver.resolve_name(agency) if agency else None


def _is_outlet(name: str, gazetteer: Gazetteer) -> bool:
    """Whether a bare name is a news organisation's: a wire's name or a known outlet's."""
    if _WIRE_BYLINE.fullmatch(name.strip()):
        return True
    known = gazetteer.lookup(name)
    return known is not None and known[1] is EntityType.MEDIA_OUTLET


def _body_credit(document: Document, gazetteer: Gazetteer) -> str | None:
    """A credit in the body, in the order of how surely it names whose copy the text is:

    * near the top, a credit line of its own ("AFP, Istanbul,"), a dateline with no place
      ("(Al Jazeera) – …"), a syndicator's opening naming its source ("(MENAFN- Ukrinform) …"),
      or a line that is nothing but a known outlet's name (an
      aggregator's "USA Today" between the lead and the rest);
    * a relay's line closing a lead paragraph ("…, Kazinform reports citing Xinhua."): the
      agency cited is the copy's wire;
    * an aggregator's source line ("Source: RT, SANA"), each name a known outlet: the first;
    * a paragraph signed by a wire at its end ("… in Syria. (AFP)");
    * failing all, the lead photo's credit, before the first paragraph of text (a caption
      "… (AP Photo/Jane Doe)" kept out as clutter, or a first paragraph "… June 5, 2023. AFP"):
      a page that credits nobody and opens on an agency's photo reprints that agency's copy.
    """
    paragraphs = [p.text for p in document.paragraphs]
    reach = len(document.text)
    if len(paragraphs) > _CREDIT_REACH:
        reach = document.paragraphs[_CREDIT_REACH].start
    heads = [document.text[a:b] for a, b in document.meta.get("crossheads", []) if a < reach]
    for text in paragraphs[:_CREDIT_REACH]:
        if m := _CREDIT_LINE.match(text) or _AGENCY_OPENING.match(text) or _SYNDICATED_OPENING.match(text):
            return m.group(1) if m.re is _CREDIT_LINE else m.group("agency").strip()
    for text in paragraphs[:_CREDIT_REACH] + heads:
        if len(text) <= 40 and _is_outlet(text, gazetteer):
            return text.strip()
    for text in paragraphs[:_CREDIT_REACH]:
        if m := _REPORTS_CITING.search(text):
            return m.group(1)
    for text in paragraphs:
        names = [n.strip() for n in m.group("names").split(",")] if (m := _SOURCE_LINE.match(text)) else []
        if names and all(_is_outlet(n, gazetteer) for n in names):
            return names[0]
    for text in paragraphs:
        if m := _CREDIT_END.search(text):
            return m.group(1)
    first = document.paragraphs[0].start if paragraphs else len(document.text)
    for a, b, reason in document.meta.get("clutter", []):
        found = list(_WIRE_BYLINE.finditer(document.text[a:b])) if a < first else []
        if found and reason in ("caption", "photo credit"):
            return found[-1].group(1)
    if agency := _photo_and_interview(document, gazetteer):
        return agency
    lead = [document.text[a:b] for a, b in document.meta.get("crossheads", []) if a < first] + paragraphs[:1]
    for text in lead:  # a short caption is laid out as a crosshead, a long one as a paragraph
        if m := _CAPTION_AGENCY.search(text):
            return m.group(1)
    return None


#: The agency as the text's interviewer: "In an interview with the Associated Press", "told The AP".
_INTERVIEWED_BY = re.compile(
    r"\b(?:interview with|told|speaking to|spoke to)\s+(?:the\s+)?"
    r"(?P<name>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3})"
)


#: The agency's own pictures described in the text: "Reuters pictures and video showed".
_AGENCY_PICTURES = re.compile(
    rf"{_WIRE_BYLINE.pattern}\s+(?:pictures|photos|photographs|images|footage|video)\b"
)


def _photo_and_interview(document: Document, gazetteer: Gazetteer) -> str | None:
    """An agency whose photo the page carries (a caption's credit, anywhere, or "Reuters pictures
    showed" in the text) and whose own interview the text reports ("In an interview with the
    Associated Press, Hadi defended …", "one witness told Reuters"): the page is that agency's
    copy. Either alone is not enough: papers buy agency photos, and any outlet may relay what
    someone told an agency."""
    captions = [
        document.text[a:b]
        for a, b, reason in document.meta.get("clutter", [])
        if reason in ("caption", "photo credit")
    ]
    credited = {
        hit[0]
        for text in captions
        for m in _WIRE_BYLINE.finditer(text)
        if (hit := gazetteer.lookup(m.group(1))) is not None
    }
    for p in document.paragraphs:  # "Reuters pictures and video showed …": the agency's own pictures
        for m in _AGENCY_PICTURES.finditer(p.text):
            if (hit := gazetteer.lookup(m.group(1))) is not None:
                credited.add(hit[0])
    if not credited:
        return None
    for p in document.paragraphs:
        for m in _INTERVIEWED_BY.finditer(p.text):
            words = m.group("name").split()
            for n in range(len(words), 0, -1):  # the longest run of capitalised words that names one
                hit = gazetteer.lookup(" ".join(words[:n]))
                if hit is not None:
                    if hit[0] in credited:
                        return hit[0]
                    break
    return None


def carry_relays(claim: Claim, relays: dict[str, tuple[list[ChainLink], list[ChainLink]]]) -> Claim:
    """A relay introduced once carries to the same speaker's later claims.

    "The lawmakers, who were briefed by the NIS, said …" or "X said, citing Y, …": what the
    speaker says next ("the lawmakers added …") still comes through Y; "X told state TV" or
    "X wrote on Telegram": what X says next came the same way. A claim whose chain names hops
    before or after its source records them (``relays``, by the source's entity); a later
    claim of the same entity with no hop of its own takes them.
    """
    if claim.source is None or claim.source.entity is None or claim.kind is ClaimKind.NON_STATEMENT:
        return claim
    eid = claim.source.entity.id
    at = next((i for i, link in enumerate(claim.chain) if link.entity.id == eid), None)
    if at is None:
        return claim
    before, after = claim.chain[:at], claim.chain[at + 1 :]
    if before or after:
        relays[eid] = (before, after)
    elif eid in relays:
        was_before, was_after = relays[eid]
        claim.chain[:0] = [replace(link) for link in was_before if link.entity.id != eid]
        claim.chain.extend(replace(link) for link in was_after if link.entity.id != eid)
    return claim


def nest_relays(claims: list[Claim]) -> None:
    """A claim said inside another's content comes through the outer speaker.

    "Tass reported emergency services have said that 900 homes were flooded", "…, NBC News
    reported" after "Two officials have suggested …": the inner speaker is the origin and the
    outer one a relay, so the inner claim's chain is the outer claim's chain (the outer speaker
    included) followed by its own hops (GLOSSARY.md, "Chain": nearest the reader first).
    """
    # candidates by their contents' extent, so a quote-dense block is not compared claim by claim
    # with every other (issue 18)
    with_content = [c for c in claims if c.content]
    holding = enclosing(
        [(min(s.start for s in c.content), max(s.end for s in c.content)) for c in with_content]
    )
    for inner in claims:
        if inner.source is None or inner.source.entity is None:
            continue
        near = [with_content[k] for k in holding(inner.cue.start, inner.cue.end)]
        outers = [
            c
            for c in near
            if c is not inner
            and c.source is not None
            and c.source.entity is not None
            and c.source.entity.id != inner.source.entity.id
            and c.kind is not ClaimKind.NON_STATEMENT
            and any(s.start <= inner.cue.start and inner.cue.end <= s.end for s in c.content)
            and any(s.start <= inner.source.start and inner.source.end <= s.end for s in c.content)
        ]
        if not outers:
            continue
        outer = min(outers, key=lambda c: sum(s.end - s.start for s in c.content))
        ids = {link.entity.id for link in outer.chain}
        own = [link for link in inner.chain if link.entity.id not in ids]
        named = {link.entity.id for link in inner.chain}
        if inner.source.entity.id in ids or outer.source.entity.id in named:
            continue
        inner.chain = [replace(link) for link in outer.chain] + own


#: How far after a lede's unnamed speaker the naming sentence may come (characters).
_LEDE_REACH = 600


def name_lede_roles(claims: list[Claim], text: str) -> None:
    """A lede's unnamed speaker is the person the next paragraph names with the same role.

    "Five residents … have died, its Kremlin-appointed mayor said Thursday." then "Vladimir
    Leontyev, the Russian-appointed mayor of Nova Kakhovka, told Russian state TV that …": the
    wire lede gives the role, the second paragraph the name and the outlet told. The lede's claim
    is Leontyev's, through what his next claim goes through. Only a role never named before (an
    anonymous source whose head noun the later speaker's apposition repeats) and only the next
    speaker within a short reach.
    """
    for n, claim in enumerate(claims):
        src = claim.source
        if src is None or src.entity is None or not src.entity.anonymous or src.joint:
            continue
        role = src.entity.name.split()[-1].lower() if src.entity.name.split() else ""
        if len(role) < 4:
            continue
        for later in claims[n + 1 :]:
            ls = later.source
            if ls is None or ls.start - src.end > _LEDE_REACH:
                break
            if ls.entity is None or ls.entity.anonymous or ls.entity.type is not EntityType.PERSON:
                continue
            apposition = text[ls.start : max(ls.end, later.cue.start)].lower()
            if not re.search(rf"\b{re.escape(role)}\b", apposition):
                break  # the next named speaker is someone else
            credits = [link for link in claim.chain if link.cue == "credit"]
            hops = [replace(link) for link in later.chain if link.cue != "credit"]
            claim.source = SourceMention(src.start, src.end, src.text, ls.entity, [])
            claim.chain = credits + hops
            break


def with_wire(claim: Claim, wire: Entity | None) -> Claim:
    """A wire copy's claims all pass through the wire: it is the first hop of every chain
    (GLOSSARY.md, "Chain": outermost relay first), unless the chain already names it."""
    if wire is not None and all(link.entity.id != wire.id for link in claim.chain):
        claim.chain.insert(0, ChainLink(wire, "credit"))
    return claim


def claim_of(
    document: Document,
    block: Block,
    draft: Draft,
    resolver: EntityResolver,
    numbers: _SentenceNumbers,
    following: list[Block],
) -> Claim:
    text = document.text
    source = None
    entities: list[Entity] = []
    if (
        draft.source_tokens is not None
        and draft.source_span is not None
        and not is_number_phrase(draft.source_tokens)
    ):
        # figures with nobody behind them ("the death toll is expected to rise") keep their span,
        # as annotators mark it, but name no entity: a figure is never a voice, nor an origin
        if not is_bare_figure(draft.source_tokens):
            entities = resolver.resolve(draft.source_tokens, block.offset)
        s, e = draft.source_span
        source = SourceMention(s, e, text[s:e], entities[0] if entities else None, entities[1:])
    # a hop written as a coordination ("citing engineers and explosives experts") is one hop,
    # named by its first conjunct as a joint source's link is: the others are not relays of it
    chain: list[ChainLink] = []
    for span, cue in draft.chain_before:
        hop = resolver.resolve(span, block.offset)[:1]
        chain += [ChainLink(ent, cue, _tspan(document, span, block)) for ent in hop]
    if entities:
        chain.append(
            ChainLink(
                entities[0],
                text[draft.cue[0] : draft.cue[1]],
                source and TextSpan(source.start, source.end, source.text),
            )
        )
    for span, cue in draft.chain_after:
        for ent in resolver.resolve(span, block.offset)[:1]:
            if all(link.entity.id != ent.id for link in chain):
                chain.append(ChainLink(ent, cue, _tspan(document, span, block)))

    content = [document.span(a, b) for a, b in draft.content]
    content_text = " ".join(c.text for c in content)
    ev_start = min([draft.cue[0], *(a for a, _ in draft.content)] + ([source.start] if source else []))
    ev_end = max([draft.cue[1], *(b for _, b in draft.content)] + ([source.end] if source else []))
    sentence = _evidence(document, block, ev_start, ev_end)

    # the speaker's names and roles so far: "adding that the Kremlin rejected …" is the spokesman's denial
    speaker = ""
    if entities:
        speaker = " ".join([entities[0].name, *entities[0].aliases, *resolver.roles_of(entities[0])])
    media = bool(entities) and entities[0].type is EntityType.MEDIA_OUTLET
    reading = claim_stance(
        draft,
        content_text,
        source.text if source else None,
        _cue_context(text, draft),
        speaker=speaker,
        media=media,
    )
    kind = claim_kind(draft, block.section)
    section = block.section

    # the evidence may run into later paragraphs (a colon's lead-in hands its content over)
    sents = [
        (b, s)
        for b in [block, *takewhile(lambda b: b.offset < sentence.end, following)]
        for s in sentences(b.doc).overlapping(sentence.start - b.offset, sentence.end - b.offset)
    ]
    quantities = []
    times = []
    for b, s in sents:
        found, dates = numbers.of(b, s)
        # copies: claims sharing a sentence must not share mutable objects; the quantities inside
        # the content found by position, not each tested (a sentence of a quote-dense block
        # holds hundreds of numbers and claims, issue 18)
        for k in numbers.ranges(b, s).inside((c.start, c.end) for c in content):
            quantities.append(replace(found[k]))
        # every date of the sentence, but those inside the source: the copies are the claim's
        # own, built directly (``dataclasses.replace`` reads the fields anew for each copy, and
        # a quote-dense sentence gives each of its hundreds of claims its hundreds of dates)
        times += [
            TimeExpr(t.start, t.end, t.text, t.resolved, t.granularity)
            for t in dates
            if not (source and source.start <= t.start < source.end)
        ]

    return Claim(
        kind=kind,
        section=section,
        stance=reading.stance,
        not_denied=reading.not_denied,
        cue=Cue(draft.cue[0], draft.cue[1], text[draft.cue[0] : draft.cue[1]], draft.cue_lemma),
        content=content,
        source=source,
        chain=chain,
        quantities=quantities,
        times=times,
        negated=draft.negated,
        hedges=hedges(content_text, text[sentence.start : sentence.end], ev_start - sentence.start),
        inverted=draft.inverted,
        sentence=sentence,
    )


def _cue_context(text: str, draft: Draft) -> str:
    """The cue and the words between it and a content that follows it ("declined to confirm …"):
    where a refusal is written."""
    start, end = draft.cue
    after = [a for a, _ in draft.content if a >= end]
    if after and min(after) - end <= 120:
        end = min(after)
    return text[start:end]


def _tspan(document: Document, span: Span, block: Block) -> TextSpan:
    return document.span(block.offset + span.start_char, block.offset + span.end_char)


def _evidence(document: Document, block: Block, start: int, end: int) -> TextSpan:
    """The sentences that hold the claim, as one span of the document (each found by binary
    search: walking the block's sentences per claim cost a long block's sentences squared)."""
    sents = sentences(block.doc)
    first, last = sents.at(start - block.offset), sents.ending(end - block.offset)
    if first is not None:
        start = block.offset + first.start_char
    if last is not None:
        end = block.offset + last.end_char
    text = document.text
    while end > start and text[end - 1].isspace():
        end -= 1
    return document.span(start, end)
