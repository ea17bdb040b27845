"""From parsed blocks to the claim ledger.

The steps run in a fixed order, each small and named (see STYLE.md):
quotes → attributions (verbs, according to, non-statements, passives,
headline punctuation) → quotations continued across paragraphs → sources and
chains resolved to entities → stance, hedges, negation → quantities and dates.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from itertools import takewhile

from spacy.tokens import Span

from ..model import (
    ChainLink,
    Claim,
    ClaimKind,
    Cue,
    Document,
    Entity,
    Ledger,
    Quantity,
    SectionKind,
    SourceMention,
    Stance,
    TimeExpr,
)
from ..model import (
    Span as TextSpan,
)
from ..nlp import doc_text
from ..nlp.blocks import Block
from .attribution import (
    Draft,
    _overlap,
    according_to,
    char_span,
    citing_attributions,
    dash_credits,
    headline_colon,
    lead_in,
    learned_drafts,
    non_statements,
    passive_attributions,
    reportedly_adverbs,
    speaker_lines,
    trim,
    verb_attributions,
    what_is_cited,
)
from .encoder import load_encoder
from .entities import EntityResolver, Gazetteer, load_gazetteer, mention_span
from .learned import AttributionModel, BlockView, load_model
from .lexicon import HEDGE_PHRASES, HEDGE_WORDS, UNVERIFIED_PHRASES
from .quantities import find_quantities
from .quotes import Quote, find_quotes
from .times import find_times

_FINDERS = (
    verb_attributions,
    according_to,
    non_statements,
    citing_attributions,
    passive_attributions,
    reportedly_adverbs,
)
_TITLE_SECTIONS = {SectionKind.HEADLINE, SectionKind.RELATED}


def extract(
    document: Document, blocks: list[Block], gazetteer: Gazetteer | None = None, *, learned: bool = True
) -> Ledger:
    """Build the ledger of one document from its parsed blocks.

    ``learned=False`` uses the rules alone (the shipped model is used when present otherwise).
    """
    text = document.text
    model = load_model() if learned else None
    # the encoder's reading of the whole text feeds the CRFs' features (see extract/encoder.py);
    # CRFs trained on that reading are worse than the rules without it, so then the rules work alone
    tags = None
    if model is not None and model.meta.get("encoder_features"):
        encoder = load_encoder()
        if encoder is None:
            model = None
        else:
            tags = encoder.tag(text)
    resolver = EntityResolver(document.id, text, gazetteer or load_gazetteer())
    block_quotes = [find_quotes(b.doc.text, b.offset) for b in blocks]
    found: list[tuple[Block, Span, Draft]] = []
    views: dict[int, BlockView] = {}
    for block, quotes in zip(blocks, block_quotes, strict=True):
        drafts: list[tuple[Span, Draft]] = []
        if block.section in _TITLE_SECTIONS | {SectionKind.SUBHEADLINE}:
            drafts += [
                (block.doc[:], d) for d in headline_colon(block.doc[:], block.offset, text, block.section)
            ]
        if block.section is SectionKind.BODY and block is blocks[0] and _title_like(block):
            # a title the layout could not tell from the body (it ends with a full stop, as
            # PolNeAR's do): only its colon reading applies ("Poll: Clinton and Trump in dead heat")
            drafts += [
                (block.doc[:], d)
                for d in headline_colon(block.doc[:], block.offset, text, block.section, in_body=True)
            ]
        if block.section is SectionKind.BODY:
            for finder in (speaker_lines, dash_credits):
                drafts += [(block.doc[:], d) for d in finder(block.doc[:], block.offset, text, quotes)]
        for sent in block.doc.sents:
            for finder in _FINDERS:
                drafts += [(sent, d) for d in finder(sent, block.offset, text, quotes)]
        kept = _dedupe(drafts)
        if model is not None:
            view = views[block.paragraph] = BlockView.of(block.doc, block.offset, block.section.value, tags)
            merged = learned_drafts(
                model.predict(view), view, block.offset, text, [d for _, d in kept], quotes
            )
            kept = [(_sentence_of(block, d), d) for d in merged]
        _before_next_cue([d for _, d in kept], block, text)
        for sent, d in kept:
            d.cue = _colon_closes(d.cue, text)
            _after_dateline(d, block, text)
            d.content = _full_stop(_quote_runs_on(d.content, quotes, text), block, text, d.kind)
            d.content = _cited_content(d, block, text)
            found.append((block, sent, d))
    _lead_ins(found, blocks, block_quotes, text, model, views)
    _continue_quotes(found, blocks, block_quotes)
    _quote_resumes(found, blocks, block_quotes, text)

    claims: list[Claim] = []
    by_block: dict[int, list[tuple[Span, Draft]]] = {}
    for block, sent, draft in found:
        by_block.setdefault(block.paragraph, []).append((sent, draft))
    numbers = _SentenceNumbers(document)
    for n, block in enumerate(blocks):  # in text order, so that anaphora only look back
        resolver.learn(block.doc[:], block.offset)
        following = blocks[n + 1 :]
        for sent, draft in sorted(by_block.get(block.paragraph, []), key=lambda f: f[1].cue[0]):
            claims.append(_claim(document, block, sent, draft, resolver, numbers, following))
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


def _title_like(block: Block) -> bool:
    """A first paragraph short enough to be a title: one line, at most 25 words."""
    raw = doc_text(block.doc)
    return "\n" not in raw.strip() and len(raw.split()) <= 25


def _colon_closes(cue: tuple[int, int], text: str) -> tuple[int, int]:
    """A colon right after the cue belongs to it ("said:"), as PolNeAR annotates it.

    In PolNeAR train 367 of 385 cues directly followed by a colon include it.
    """
    start, end = cue
    return (start, end + 1) if text[end : end + 1] == ":" else cue


# a place in capitals, maybe a region, then a dash set off by spaces ("AL-QAEDA" is no dateline)
_DATELINE_LEAD = re.compile(
    r"[A-Z][A-Z.'’]*(?: [A-Z][A-Z.'’]*)*(?:, [A-Z][A-Za-z.]*)?(?: ?(?:--|[–—]) ?| - )"
)


def _after_dateline(draft: Draft, block: Block, text: str) -> None:
    """A source at the start of a paragraph does not take in its dateline
    ("WASHINGTON -- President Obama said …": the source is the president); a source that is
    nothing but the dateline ("NEW YORK -- Clinton's campaign said …") gives way to the
    noun phrase that follows it."""
    m = _DATELINE_LEAD.match(text, block.offset)
    source, words = draft.source_span, draft.source_tokens
    if m is None or source is None:
        return
    named_after = words is None or words.start_char + block.offset >= m.end()
    if source[0] >= m.end() and named_after:
        return
    if source[1] <= m.end():  # nothing but the dateline
        phrase = _phrase_after(block, m.end())
        if phrase is not None:
            draft.source_tokens = phrase
            draft.source_span = char_span(list(phrase), block.offset, text)
        return
    draft.source_span = (max(source[0], m.end()), source[1])
    if words is not None:  # the entity is named from these: no "BRUSSELS European leaders"
        kept = [t.i for t in words if t.idx + block.offset >= m.end()]
        draft.source_tokens = words.doc[kept[0] : kept[-1] + 1] if kept else words


def _phrase_after(block: Block, at: int) -> Span | None:
    """The noun phrase that starts at character ``at`` (the first word after a dateline)."""
    first = next((t for t in block.doc if t.idx + block.offset >= at), None)
    if first is None or first.pos_ not in {"PROPN", "NOUN", "DET", "ADJ"}:
        return None
    tok = first
    while tok.head.i != tok.i and tok.head.left_edge.i == first.i and tok.head.pos_ in {"PROPN", "NOUN"}:
        tok = tok.head
    if tok.pos_ not in {"PROPN", "NOUN"}:
        return None
    return mention_span(tok)


_QUOTE_MARKS = frozenset('"“”„«»')


def _quote_runs_on(content: list[tuple[int, int]], quotes: list[Quote], text: str) -> list[tuple[int, int]]:
    """Content that stops at a sentence end inside a quotation runs on to the quotation's end.

    The span tagger sees two sentences either side of its cue, so a long
    quotation loses its last sentences; PolNeAR's content is the whole
    quotation. On dev, 19 of 25 contents cut this way end where the gold
    content ends once extended; the others sat in mispaired marks, which the
    "no further mark" test leaves alone.
    """
    if not content:
        return content
    a, b = content[-1]
    for q in quotes:
        if q.start <= a + 1 and a < q.end and b < q.end - 1:
            rest = text[b : q.end]
            whole = text[b - 1 : b] in {".", "?", "!", "…"} and rest[:1].isspace()
            if whole and not _QUOTE_MARKS & set(rest):
                return [*content[:-1], (a, q.end)]
            break
    return content


_CLOSERS = ("”", '"', "’’", "''")


def _full_stop(
    content: list[tuple[int, int]], block: Block, text: str, kind: ClaimKind = ClaimKind.INDIRECT
) -> list[tuple[int, int]]:
    """A content's final stop or comma follows the quotation marks, as PolNeAR annotates it.

    Inside a quotation it is part of what was said (“… reduced to rubble.”): in PolNeAR train
    3,476 contents ending before a closing mark take the stop and 4 leave it; 1,716 take the
    comma and none leave it. Outside one it belongs to the reporter's sentence: 8,425 contents
    leave the stop and 139 take it (abbreviations such as *U.S.*, whose stop is part of the
    word); 2,827 leave the comma and 103 take it. Direct speech without marks (a transcript's
    ``PENCE: Well, look, …``) keeps its stop: the whole line was said.
    """
    if not content:
        return content
    a, b = content[-1]
    if text[b : b + 1] in {".", "?", "!", ","} and text[b + 1 :].startswith(_CLOSERS):
        return [*content[:-1], (a, b + 1)]
    own_stop = text[b - 1 : b] in {".", ","} and not text[b:].startswith(_CLOSERS)
    if kind is not ClaimKind.DIRECT and b - a > 1 and own_stop:
        at = b - 1 - block.offset
        if block.doc.char_span(at, at + 1) is not None:  # a token of its own, not an abbreviation's stop
            return [*content[:-1], (a, b - 1)]
    return content


_CITING = frozenset({"cite", "quote"})


def _cited_content(draft: Draft, block: Block, text: str) -> list[tuple[int, int]]:
    """The content of a participial *citing X* / *quoting X* read as a statement is X, to the end
    of its clause.

    "The court blocked the sale, citing a threat to public health." says the court
    cited a threat, not that it blocked the sale; the span tagger, used to contents
    beside their cue, sometimes takes the main clause. PolNeAR train annotates all
    32 *citing* / *quoting* cues with what follows them.
    """
    if draft.cue_lemma not in _CITING or draft.kind is ClaimKind.CITING:
        return draft.content  # the rules' CITING reading: X is the origin of the main clause
    at = draft.cue[0] - block.offset, draft.cue[1] - block.offset
    cue = block.doc.char_span(*at, alignment_mode="contract")
    verb = next((t for t in cue or () if t.lemma_ in _CITING and t.tag_ == "VBG"), None)
    if verb is None or not any(c.dep_ == "dobj" for c in verb.children):
        return draft.content
    span = what_is_cited(verb, block.offset, text)
    return [span] if span else draft.content


_JOINED = frozenset({"conj", "advcl"})


def _before_next_cue(drafts: list[Draft], block: Block, text: str) -> None:
    """A content ends before a verb joined to it that is another claim's cue.

    ``Merrill says Machado promised to keep supporting Clinton and said she would …``: what
    Merrill says stops at *and said*, which is Machado's own claim; likewise ``, arguing that
    …`` or ``, implicitly putting …`` after a reported clause. The learned span tagger often runs
    on through them. Any cue verb joined (``conj``, ``advcl``) to a word of the content counts,
    even one with a subject of its own (``… was right when he said …``): sparing those scored
    lower on PolNeAR dev and train (docs/quality.md, step 56). Quotations are left whole.
    """
    for d in drafts:
        if not d.content or d.kind is ClaimKind.DIRECT:
            continue  # a quotation is what was said, whatever verbs it holds
        a, b = d.content[-1]
        for other in drafts:
            verb = other.cue_token
            if other is d or verb is None or verb.doc is not block.doc or verb.dep_ not in _JOINED:
                continue
            at = block.offset + verb.idx
            if not (a < at < b) or other.cue[0] < d.cue[1]:
                continue
            head_at = block.offset + verb.head.idx
            if not (a <= head_at < at):
                continue
            cut = trim(a, at, text, " \t\n,;:—–-")
            while cut is not None and re.search(r"\s(and|but|or|then)$", text[cut[0] : cut[1]]):
                cut = trim(cut[0], cut[1] - len(text[cut[0] : cut[1]].split()[-1]), text, " \t\n,;:—–-")
            if cut is not None:
                a, b = cut
                d.content = [*d.content[:-1], cut]


def _sentence_of(block: Block, draft: Draft) -> Span:
    at = draft.cue[0] - block.offset
    for sent in block.doc.sents:
        if sent.start_char <= at < sent.end_char:
            return sent
    return block.doc[:]


def _dedupe(drafts: list[tuple[Span, Draft]]) -> list[tuple[Span, Draft]]:
    """One claim per cue; an attribution nested inside another's content yields a hedge, not a claim."""
    out: list[tuple[Span, Draft]] = []
    seen: set[tuple[int, int]] = set()
    for sent, d in drafts:
        if d.cue in seen:
            continue
        if d.kind is ClaimKind.PASSIVE and any(
            a <= d.cue[0] < b for _, o in out if o.kind is not ClaimKind.PASSIVE for a, b in o.content
        ):
            continue
        seen.add(d.cue)
        out.append((sent, d))
    return out


def _lead_ins(
    found: list[tuple[Block, Span, Draft]],
    blocks: list[Block],
    quotes: list[list[Quote]],
    text: str,
    model: AttributionModel | None,
    views: dict[int, BlockView],
) -> None:
    """A paragraph that ends with a colon attributes the next one (``He said:`` ¶ ``"We …"``).

    The taggers and the rules read one paragraph at a time, so the cue either
    had no content or took the phrase before the colon (``made the following
    comment``). When the next paragraph is one quotation, or has no attribution
    of its own, it is the content; a quotation left open runs on through the
    paragraphs that continue it. In PolNeAR train 41 relations reach into a
    later paragraph, 30 of them after a colon.
    """
    for i, (block, nxt) in enumerate(zip(blocks, blocks[1:], strict=False)):
        if block.section is not SectionKind.BODY or nxt.section is not SectionKind.BODY:
            continue
        if not text[block.offset : block.end].rstrip().endswith(":"):
            continue
        if any(b is nxt and nxt.offset <= d.cue[0] < nxt.end for b, _, d in found):
            continue  # the next paragraph has an attribution of its own
        content, quoted = _handed_over(blocks, quotes, i + 1, text)
        if not content:
            continue
        sent = list(block.doc.sents)[-1]
        start = block.offset + sent.start_char
        relation = model.lead_in(views[block.paragraph]) if model is not None else None
        draft = lead_in(sent, block.offset, text, content, quoted, relation)
        if draft is None:
            continue
        draft.cue = _colon_closes(draft.cue, text)
        draft.content = _full_stop(content, nxt, text, draft.kind)
        # a reading of the same cue that took the phrase before the colon gives way
        found[:] = [
            (b, s, d)
            for b, s, d in found
            if not (b is block and d.cue[0] >= start and _overlap(d.cue, draft.cue))
        ]
        found.append((block, sent, draft))


def _handed_over(
    blocks: list[Block], quotes: list[list[Quote]], at: int, text: str
) -> tuple[list[tuple[int, int]], bool]:
    """The content a colon hands over to paragraph ``at``: its quotation when it is one
    (continued through the paragraphs a quotation left open runs into), else the paragraph."""
    block = blocks[at]
    mine = quotes[at]
    if not mine or mine[0].outer_start != block.offset:
        span = trim(block.offset, block.end, text, " \t\n")
        return ([span] if span else []), False
    first = mine[0]
    if text[first.outer_end : block.end].strip(" \t\n.,"):
        return [], True  # a quotation with more after it: the paragraph is built otherwise
    spans = [s for s in [trim(first.start, first.end, text, " \t\n")] if s]
    while first.open_end and at + 1 < len(blocks):
        at += 1
        nxt = quotes[at]
        if not nxt or nxt[0].outer_start != blocks[at].offset:
            break
        first = nxt[0]
        spans += [s for s in [trim(first.start, first.end, text, " \t\n")] if s]
    return spans, True


def _continue_quotes(
    found: list[tuple[Block, Span, Draft]], blocks: list[Block], quotes: list[list[Quote]]
) -> None:
    """A quotation left open at a paragraph's end continues in the next paragraph's quotation.

    News style opens each paragraph of a long quotation with a mark and closes
    only the last one; the attribution usually sits in the last paragraph.
    """
    index = {b.paragraph: i for i, b in enumerate(blocks)}
    for block, _sent, draft in found:
        if draft.kind is not ClaimKind.DIRECT or not draft.quotes:
            continue
        first = draft.quotes[0]
        i = index[block.paragraph]
        if first.outer_start != block.offset:
            continue
        while i > 0:
            prev = quotes[i - 1]
            if not prev or not prev[-1].open_end or prev[-1].outer_start != blocks[i - 1].offset:
                break
            draft.content.insert(0, (prev[-1].start, prev[-1].end))
            i -= 1


def _quote_resumes(
    found: list[tuple[Block, Span, Draft]], blocks: list[Block], quotes: list[list[Quote]], text: str
) -> None:
    """A quotation cut by its attribution resumes in the next sentence: in ``“A,” said X, a
    lawyer. “B.”`` both quotations are X's one statement, as PolNeAR annotates it.

    Only when the first part ends with a comma (the speech is unfinished), nothing but the
    attribution's own sentence stands between the two, and no other claim holds the second
    quotation (``“A,” said X. “B,” said Y.`` are two claims).
    """
    index = {b.paragraph: i for i, b in enumerate(blocks)}
    held = [(a, b) for _, _, d in found for a, b in d.content]
    for block, sent, draft in found:
        if not draft.content or draft.kind is not ClaimKind.DIRECT:
            continue
        a, b = draft.content[-1]
        if b > draft.cue[0] or text[b - 1 : b] != ",":
            continue  # the quotation must come first and be unfinished
        mine = quotes[index[block.paragraph]]
        if not any(q.start <= a and b <= q.end + 1 for q in mine):
            continue
        end = block.offset + sent.end_char
        nxt = next((q for q in mine if q.outer_start >= end), None)
        if nxt is None or text[draft.cue[1] : end].rstrip()[-1:] not in {".", "!", "?"}:
            continue
        if text[end : nxt.outer_start].strip() or any(draft.cue[1] <= q.outer_start < end for q in mine):
            continue  # the next quotation must open the next sentence, with no quotation between
        if any(a2 < nxt.end and nxt.start < b2 for a2, b2 in held):
            continue
        resumed = trim(nxt.start, nxt.end, text, " \t\n")
        if resumed:
            draft.content.append(resumed)
            held.append(resumed)


class _SentenceNumbers:
    """Quantities and dates of each sentence, found once: a sentence with several claims would
    otherwise be searched once per claim (date parsing is the slow part)."""

    def __init__(self, document: Document) -> None:
        self.published = document.published
        self.found: dict[tuple[int, int], tuple[list[Quantity], list[TimeExpr]]] = {}

    def of(self, block: Block, sent: Span) -> tuple[list[Quantity], list[TimeExpr]]:
        key = (block.offset, sent.start)
        if key not in self.found:
            times = find_times(sent, block.offset, self.published)
            self.found[key] = (find_quantities(sent, block.offset, times), times)
        return self.found[key]


def _claim(
    document: Document,
    block: Block,
    sent: Span,
    draft: Draft,
    resolver: EntityResolver,
    numbers: _SentenceNumbers,
    following: list[Block],
) -> Claim:
    text = document.text
    source = None
    entities: list[Entity] = []
    if draft.source_tokens is not None and draft.source_span is not None:
        entities = resolver.resolve(draft.source_tokens, block.offset)
        s, e = draft.source_span
        source = SourceMention(s, e, text[s:e], entities[0] if entities else None, entities[1:])
    chain: list[ChainLink] = []
    for span, cue in draft.chain_before:
        chain += [
            ChainLink(ent, cue, _tspan(document, span, block)) for ent in resolver.resolve(span, block.offset)
        ]
    if entities:
        chain.append(
            ChainLink(
                entities[0],
                text[draft.cue[0] : draft.cue[1]],
                source and TextSpan(source.start, source.end, source.text),
            )
        )
    for span, cue in draft.chain_after:
        for ent in resolver.resolve(span, block.offset):
            if all(link.entity.id != ent.id for link in chain):
                chain.append(ChainLink(ent, cue, _tspan(document, span, block)))

    content = [document.span(a, b) for a, b in draft.content]
    content_text = " ".join(c.text for c in content)
    ev_start = min([draft.cue[0], *(a for a, _ in draft.content)] + ([source.start] if source else []))
    ev_end = max([draft.cue[1], *(b for _, b in draft.content)] + ([source.end] if source else []))
    sentence = _evidence(document, block, ev_start, ev_end)

    stance = draft.stance
    lowered = content_text.lower()
    if stance is not Stance.NO_COMMENT and any(p in lowered for p in UNVERIFIED_PHRASES):
        stance = Stance.UNVERIFIED
    elif stance is Stance.CONFIRMED and draft.negated:
        stance = Stance.UNVERIFIED  # "could not (independently) verify/confirm"
    elif draft.kind is ClaimKind.ACCORDING_TO and source and re.search(r"\breports?\b", source.text, re.I):
        stance = Stance.REPORTED

    kind = draft.kind
    section = block.section
    if section in _TITLE_SECTIONS and kind is not ClaimKind.NON_STATEMENT:
        kind = ClaimKind.HEADLINE

    # the evidence may run into later paragraphs (a colon's lead-in hands its content over)
    sents = [
        (b, s)
        for b in [block, *takewhile(lambda b: b.offset < sentence.end, following)]
        for s in b.doc.sents
        if s.start_char + b.offset < sentence.end and s.end_char + b.offset > sentence.start
    ]
    quantities = []
    times = []
    for b, s in sents:
        found, dates = numbers.of(b, s)
        # copies: claims sharing a sentence must not share mutable objects
        for q in found:
            if any(c.start <= q.start and q.end <= c.end for c in content):
                quantities.append(replace(q))
        times.extend(replace(t) for t in dates)
    times = [t for t in times if not (source and source.start <= t.start < source.end)]

    return Claim(
        kind=kind,
        section=section,
        stance=stance,
        cue=Cue(draft.cue[0], draft.cue[1], text[draft.cue[0] : draft.cue[1]], draft.cue_lemma),
        content=content,
        source=source,
        chain=chain,
        quantities=quantities,
        times=times,
        negated=draft.negated,
        hedges=_hedges(content_text, text[sentence.start : sentence.end]),
        inverted=draft.inverted,
        sentence=sentence,
    )


def _tspan(document: Document, span: Span, block: Block) -> TextSpan:
    return document.span(block.offset + span.start_char, block.offset + span.end_char)


def _evidence(document: Document, block: Block, start: int, end: int) -> TextSpan:
    """The sentences that hold the claim, as one span of the document."""
    for s in block.doc.sents:
        a, b = block.offset + s.start_char, block.offset + s.end_char
        if a <= start < b:
            start = a
        if a < end <= b:
            end = b
    text = document.text
    while end > start and text[end - 1].isspace():
        end -= 1
    return document.span(start, end)


def _hedges(content: str, sentence: str) -> list[str]:
    low = content.lower()
    # case-sensitive for single words: "may" hedges, the month "May" does not
    found = [w for w in HEDGE_WORDS if re.search(rf"\b{w}\b", content)]
    found += [p for p in HEDGE_PHRASES if p in low]
    sent_low = sentence.lower()
    found += [w for w in ("reportedly", "allegedly") if w in sent_low and w not in found]
    return sorted(set(found), key=lambda w: (low.find(w) if w in low else 10**6, w))


def published_date(value: date | str | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])
