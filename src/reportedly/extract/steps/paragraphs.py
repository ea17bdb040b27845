"""Steps across paragraphs: a colon hands over to the next paragraph, quotations continue.

The finders and the learned taggers read one paragraph at a time; these steps
join what news style spreads over several: ``He said:`` ¶ ``“…”``, a quotation
left open at a paragraph's end, and a quotation cut by its attribution.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from dataclasses import replace

from spacy.tokens import Span

from ...model import ClaimKind, SectionKind
from ...nlp.blocks import Block
from ..drafts import Draft, cue_stance, finish, source_of
from ..grammar import aside_or_question, cue_tokens, has_agent, is_reporting, subject_of
from ..learned import Relation
from ..quotes import Quote
from ..registry import Article, step
from ..spans import Ranges, char_span, overlap, root_of, token_chars, trim
from .boundaries import colon_closes, full_stop


@step("lead_ins")
def lead_ins(article: Article) -> None:
    """A paragraph that ends with a colon attributes the next one (``He said:`` ¶ ``"We …"``).

    The taggers and the rules read one paragraph at a time, so the cue either
    had no content or took the phrase before the colon (``made the following
    comment``). When the next paragraph is one quotation, or has no attribution
    of its own, it is the content; a quotation left open runs on through the
    paragraphs that continue it. In PolNeAR train 41 relations reach into a
    later paragraph, 30 of them after a colon.
    """
    blocks, quotes, text = article.blocks, article.quotes, article.text
    for i, (block, nxt) in enumerate(zip(blocks, blocks[1:], strict=False)):
        if block.section is not SectionKind.BODY or nxt.section is not SectionKind.BODY:
            continue
        if not text[block.offset : block.end].rstrip().endswith(":"):
            continue
        if any(d.block is nxt and nxt.offset <= d.cue[0] < nxt.end for d in article.drafts):
            continue  # the next paragraph has an attribution of its own
        content, quoted = handed_over(blocks, quotes, i + 1, text)
        if not content:
            continue
        sent = list(block.doc.sents)[-1]
        start = block.offset + sent.start_char
        model = article.model
        relation = model.lead_in(article.views[block.paragraph]) if model is not None else None
        draft = lead_in(sent, block.offset, text, content, quoted, relation)
        if draft is None:
            continue
        draft.cue = colon_closes(draft.cue, text)
        draft.content = full_stop(content, nxt, text, draft.kind)
        draft.block, draft.sent = block, sent
        # a reading of the same cue that took the phrase before the colon gives way
        article.drafts = [
            d
            for d in article.drafts
            if not (d.block is block and d.cue[0] >= start and overlap(d.cue, draft.cue))
        ]
        article.drafts.append(draft)


def lead_in(
    sent: Span,
    offset: int,
    text: str,
    content: list[tuple[int, int]],
    quoted: bool,
    relation: Relation | None = None,
) -> Draft | None:
    """The attribution of a paragraph that ends with a colon and hands over to the next one.

    ``Caddell continued:``, ``The New York Times reports:``, ``Sanders made the following
    comment:``: what is said is the next paragraph (``content``, found by the caller),
    which no tagger of this paragraph sees. The cue is the learned taggers' last cue of
    the sentence (``relation``, with its source) or else the last reporting verb in it. A
    cue whose verb has a clause of its own (``suggested that Clinton has the following
    tasks:``) says that clause, not the next paragraph; an imperative (``Imagine that
    she:``) or a subjectless fragment (``Partial transcript as follows:``) has no source.
    """
    doc = sent.doc
    if relation is not None:
        head = root_of(doc, relation.cue)
        cue = token_chars(doc, relation.cue, offset, text)
        subj = root_of(doc, relation.source) if relation.source else subject_of(head)
    else:
        verbs = [t for t in sent if is_reporting(t) and t.pos_ in {"VERB", "AUX"}]
        if not verbs:
            return None
        head = verbs[-1]
        cue = char_span(cue_tokens(head), offset, text)
        subj = subject_of(head)
    if cue is None or subj is None or head.pos_ not in {"VERB", "AUX"}:
        return None
    if any(c.dep_ in {"ccomp", "xcomp"} for c in head.children) or aside_or_question(head, sent):
        return None
    if subj.dep_ == "nsubjpass" and not has_agent(head):
        return None  # "is recorded in detail:": the subject is what is recorded, not who records it
    mention, span = source_of(subj, offset, text)
    if relation is not None and relation.source:  # the tagged source keeps its learned boundaries
        span = token_chars(doc, relation.source, offset, text, keep_punct=True)
    if span is None:
        return None
    lemma = head.lemma_.lower()
    kind = ClaimKind.DIRECT if quoted else ClaimKind.INDIRECT
    draft = finish(
        Draft(kind, cue, lemma, content, cue_stance(lemma), cue_token=head), head, subj, mention, span
    )
    draft.inverted = False  # as the lead-in has always read: the quotation follows in the next paragraph
    return draft


def handed_over(
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


@step("continue_quotes")
def continue_quotes(article: Article) -> None:
    """A quotation left open at a paragraph's end continues in the next paragraph's quotation.

    News style opens each paragraph of a long quotation with a mark and closes
    only the last one; the attribution usually sits in the last paragraph.
    """
    blocks, quotes = article.blocks, article.quotes
    index = {b.paragraph: i for i, b in enumerate(blocks)}
    for draft in article.drafts:
        block = draft.block
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


@step("quote_resumes")
def quote_resumes(article: Article) -> None:
    """A quotation cut by its attribution resumes in the next sentence: in ``“A,” said X, a
    lawyer. “B.”`` both quotations are X's one statement, as PolNeAR annotates it.

    Only when the first part ends with a comma (the speech is unfinished), nothing but the
    attribution's own sentence stands between the two, and no other claim holds the second
    quotation (``“A,” said X. “B,” said Y.`` are two claims).
    """
    blocks, quotes, text = article.blocks, article.quotes, article.text
    index = {b.paragraph: i for i, b in enumerate(blocks)}
    held = Ranges([(a, b) for d in article.drafts for a, b in d.content])
    resumed_so_far: list[tuple[int, int]] = []  # held too; by start, and they never overlap
    # each block's quotations by position (``find_quotes`` lists them by opening mark): testing
    # every quotation of the block for every draft cost a quote-dense block's length squared
    quoted = [Ranges([(q.start, q.end) for q in mine]) for mine in quotes]
    opening = [[q.outer_start for q in mine] for mine in quotes]
    for draft in article.drafts:
        block, sent = draft.block, draft.sent
        if not draft.content or draft.kind is not ClaimKind.DIRECT:
            continue
        a, b = draft.content[-1]
        if b > draft.cue[0] or text[b - 1 : b] != ",":
            continue  # the quotation must come first and be unfinished
        i = index[block.paragraph]
        mine, opens = quotes[i], opening[i]
        if not quoted[i].holding(a, b - 1):  # q.start <= a and b <= q.end + 1
            continue
        end = block.offset + sent.end_char
        k = bisect_left(opens, end)  # the first quotation opening at or after ``end``
        nxt = mine[k] if k < len(mine) else None
        if nxt is None or text[draft.cue[1] : end].rstrip()[-1:] not in {".", "!", "?"}:
            continue
        if text[end : nxt.outer_start].strip() or bisect_left(opens, draft.cue[1]) < k:
            continue  # the next quotation must open the next sentence, with no quotation between
        # held: some (a2, b2) with a2 < nxt.end and nxt.start < b2
        if held.overlapping(nxt.start + 1, nxt.end - 1) or _overlaps(resumed_so_far, nxt.start, nxt.end):
            continue
        resumed = trim(nxt.start, nxt.end, text, " \t\n")
        if resumed:
            draft.content.append(resumed)
            insort(resumed_so_far, resumed)  # it overlaps none of them: tested just above


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether a span of ``spans`` (non-empty, sorted, none overlapping another, so their ends
    rise with their starts) overlaps ``[start, end)``: only the last starting before ``end`` can."""
    k = bisect_left(spans, (end,)) - 1
    return k >= 0 and spans[k][1] > start


#: Kinds of speech a quotation paragraph can go on from: a speaker's own words, quoted or told.
_SPEECH = frozenset({ClaimKind.DIRECT, ClaimKind.INDIRECT, ClaimKind.MIXED})


@step("quote_follows")
def quote_follows(article: Article) -> None:
    """A paragraph that is one quotation and names no speaker goes on in the words of the speaker
    whose attribution closes the paragraph before: ``“A,” he said.`` ¶ ``“B.”``.

    News style gives the speaker once and lets the next quoted paragraph stand alone; the finders
    read one paragraph at a time and left it with no claim (the story corpora's gold counts it as
    the speaker's). The quotation becomes a claim of its own with that speaker's source and cue
    (PolNeAR would join it to the first claim's content; the story layer links each statement
    with its own reports, and a joined content cost Crocus propositions precision). Only when the
    speaker's claim is the last of its paragraph, in its last sentence, with no quotation after
    its cue outside its own content (``“A,” said X. “B,” said Y.`` ¶ ``“C.”`` is Y's, and a
    paragraph that goes on quoting someone else is left alone), and when no claim holds the
    quotation already.
    """
    blocks, quotes, text = article.blocks, article.quotes, article.text
    mine: dict[int, list[Draft]] = {}
    for d in article.drafts:
        mine.setdefault(d.block.paragraph, []).append(d)  # type: ignore[union-attr]
    held = Ranges([(a, b) for d in article.drafts for a, b in d.content])
    for i in range(1, len(blocks)):
        block, prev = blocks[i], blocks[i - 1]
        if block.section is not SectionKind.BODY or prev.section is not SectionKind.BODY:
            continue
        if block.paragraph in mine or not quotes[i] or prev.paragraph not in mine:
            continue
        first = quotes[i][0]
        if first.outer_start != block.offset or text[first.outer_end : block.end].strip(" \t\n.,"):
            continue  # the paragraph is not one quotation
        span = trim(first.start, first.end, text, " \t\n")
        if span is None or held.overlapping(span[0] + 1, span[1] - 1):
            continue
        last = max(mine[prev.paragraph], key=lambda d: d.cue[0])
        if last.kind not in _SPEECH or last.source_span is None or not last.content:
            continue
        closing = list(prev.doc.sents)[-1]
        if last.cue[0] < prev.offset + closing.start_char:
            continue  # the speaker's sentence does not close the paragraph
        own = Ranges(last.content)
        after = [q for q in quotes[i - 1] if q.outer_end > last.cue[1]]
        if any(not own.holding(q.start + 1, q.end - 1) for q in after):
            continue  # another quotation after the speaker's: not their words going on
        # a claim of its own, by the same speaker and cue: joined to the speaker's first words, the
        # two statements read as one content and linked with neither's other reports
        going_on = replace(last, kind=ClaimKind.DIRECT, content=[span], quotes=[first], negated=False)
        article.drafts.append(going_on)
