"""The merge step: one draft per cue, the rules' reading with the learned boundaries.

Per block, the rule finders' drafts are first reduced to one per cue
(:func:`dedupe`). With a learned model, its readings are then reconciled with
them (:func:`reconcile`): where both found the same cue, the rule's reading
(kind, stance, chain, source identity) stays and the learned spans adjust its
boundaries to the annotation conventions of PolNeAR (auxiliaries in the cue,
appositions in the source, punctuation inside quotation marks in the content).
Learned readings the rules missed become drafts of their own when they stand
alone; rule drafts the model did not confirm are kept, so no construction the
rules know is lost, unless the encoder too doubts an indirect reading
(:func:`encoder_doubts`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Span

from ..model import ClaimKind
from ..nlp import sentences
from .drafts import TITLE_SECTIONS, Draft
from .grammar import NEWSROOM, source_like
from .lexicon import TALLY_VERBS
from .quotes import Quote
from .registry import Article, step
from .roles import ROLE_NOUNS
from .spans import (
    Ranges,
    content_spans,
    mention_span,
    overlap,
    root_of,
    shared,
    starting_in,
    token_chars,
    token_count,
)

if TYPE_CHECKING:
    from ..nlp.blocks import Block
    from .learned import BlockView

# speech acts that attribute whatever the encoder thinks: on PolNeAR dev the vetting dropped 50
# readings rightly, mostly of cognition and evidence verbs (show, think, expect, believe), and two
# of "say"; the encoder puts 0 on "The U.S. estimated more than 10,000 …" and on a "said" after an
# unclosed quotation, which no reader would want dropped
_NEVER_VETTED = frozenset({"say", "tell", "estimate"})


@step("merge")
def merge(article: Article) -> None:
    """Each block's drafts: the rules' deduplicated, reconciled with the learned readings."""
    merged: list[Draft] = []
    for block, drafts in article.by_block():
        rules = dedupe([d for d in drafts if d.relation is None])
        view = article.views.get(block.paragraph)
        if view is None:  # the rules work alone
            merged += rules
            continue
        learned = [d for d in drafts if d.relation is not None]
        kept = reconcile(rules, learned, view, block, article.text, article.quotes_of(block))
        by_source = speakers_by_start(kept)
        kept = [d for d in kept if not makes_speak(d, kept, article.text, by_source)]
        for draft in kept:  # each draft now belongs to the sentence of its cue
            draft.sent = sentence_of(block, draft)
        merged += kept
    article.drafts = merged


def speakers_by_start(drafts: list[Draft]) -> dict[int, list[Draft]]:
    """The drafts with a source, by the character their source starts at (for :func:`makes_speak`)."""
    out: dict[int, list[Draft]] = {}
    for d in drafts:
        if d.source_span is not None:
            out.setdefault(d.source_span[0], []).append(d)
    return out


def makes_speak(
    draft: Draft, drafts: list[Draft], text: str, by_source: dict[int, list[Draft]] | None = None
) -> bool:
    """ "the quake that led the president to declare it …", "prompted officials to warn …": a
    reading whose cue's object is another claim's speaker, with that claim's infinitive cue
    within its content, tells what made someone speak; the speaker is the other claim's, and the cause
    says nothing.

    The other claim's source starts right after the cue, past white space only, so only the
    drafts whose source starts there are read (``by_source``, :func:`speakers_by_start`): testing
    every draft of the block per draft grew with the square of a quote-dense block (issue 18).
    """
    if not draft.content:
        return False
    if by_source is None:
        by_source = speakers_by_start(drafts)
    end = draft.content[-1][1]
    at = draft.cue[1]
    while True:  # every start the speaker may have: the cue's end, then past each space
        for other in by_source.get(at, ()):
            if (
                other is not draft
                and other.source_span is not None
                and at < other.cue[0] < end
                and text[other.cue[0] : other.cue[1]].lower().startswith("to ")
            ):
                return True
        if at < len(text) and text[at].isspace():
            at += 1
        else:
            return False


def dedupe(drafts: list[Draft]) -> list[Draft]:
    """One claim per cue; an attribution nested inside another's content yields a hedge, not a claim."""
    out: list[Draft] = []
    seen: set[tuple[int, int]] = set()
    for d in drafts:
        if d.cue in seen:
            continue
        if d.kind is ClaimKind.PASSIVE and any(
            a <= d.cue[0] < b for o in out if o.kind is not ClaimKind.PASSIVE for a, b in o.content
        ):
            continue
        seen.add(d.cue)
        out.append(d)
    return out


def reconcile(
    rules: list[Draft], learned: list[Draft], view: BlockView, block: Block, text: str, quotes: list[Quote]
) -> list[Draft]:
    """The rule drafts and the learned readings of one block as one list of drafts."""
    out: list[Draft] = []
    matched: set[int] = set()
    # the first rule draft whose cue overlaps the reading's, by position: reading the rules from
    # the first for every reading cost a quote-dense block's cues squared (issue 18)
    cues = Ranges([d.cue for d in rules])
    quoted = Ranges([(q.start, q.end) for q in quotes])
    # the contents of rule drafts with a speaker of their own, and whose they are
    spoken = Spoken.of(rules)
    for reading in learned:
        cue = reading.cue
        # (a, b) overlaps cue, a < cue[1] and cue[0] < b, is a <= cue[1] - 1 and b >= cue[0] + 1
        base = next((n for n in cues.overlapping(cue[0] + 1, cue[1] - 1) if n not in matched), None)
        if base is None:
            if reading.alone and not (block.section in TITLE_SECTIONS and rules):
                out.append(reading)  # a headline has one reading: the rules' colon or verb reading
            continue
        matched.add(base)
        out.append(rules[base])
        adopt(rules[base], reading, view, block.offset, text, quoted, spoken)
    relayed = relayed_speech(rules)
    for n, draft in enumerate(rules):
        if n not in matched and (n in relayed or not encoder_doubts(draft, view, block.offset)):
            out.append(draft)
    return out


def relayed_speech(drafts: list[Draft]) -> set[int]:
    """Drafts said inside a newsroom's draft's content by a named or described speaker, the
    newsroom's cue after both ("…, CNN reported", "…, according to CNN").

    "The mayor denied any wrongdoing, CNN reported": the encoder reads *denied* as part of what
    CNN reported and doubts it, which leaves CNN as the claim's only source and so its origin.
    The mayor's denial is kept, so that nesting (``claims.nest_relays``) makes CNN a relay.
    """
    out: set[int] = set()
    # the newsrooms' drafts, found once: testing every draft's source for each draft cost a
    # long block's drafts squared in pattern searches (issue 18)
    newsrooms = [o for o in drafts if o.source_tokens is not None and NEWSROOM.search(o.source_tokens.text)]
    for n, d in enumerate(drafts):
        src, at = d.source_tokens, d.source_span
        if src is None or at is None or d.kind is not ClaimKind.INDIRECT:
            continue
        if not (source_like(src.root) or src.root.lemma_.lower() in ROLE_NOUNS):
            continue
        end = max((b for _, b in d.content), default=d.cue[1])
        if any(
            o is not d and o.cue[0] >= end and any(a <= at[0] and d.cue[1] <= b for a, b in o.content)
            for o in newsrooms
        ):
            out.add(n)
    return out


@dataclass(frozen=True, slots=True)
class Spoken:
    """The contents of a block's rule drafts that name a speaker, and the draft each belongs to."""

    spans: Ranges
    owners: list[Draft]

    @classmethod
    def of(cls, rules: list[Draft]) -> Spoken:
        """The content spans of ``rules`` that name a source, each with its draft."""
        held = [(span, d) for d in rules if d.source_span is not None for span in d.content]
        return cls(Ranges([span for span, _ in held]), [d for _, d in held])

    def by_another(self, draft: Draft, start: int, end: int) -> bool:
        """Whether another draft with a speaker of its own holds text of ``[start, end)``."""
        return any(self.owners[n] is not draft for n in self.spans.overlapping(start + 1, end - 1))


def adopt(
    draft: Draft,
    reading: Draft,
    view: BlockView,
    offset: int,
    text: str,
    quoted: Ranges,
    spoken: Spoken,
) -> None:
    """A rule draft takes the learned boundaries of a reading of the same cue, where they describe
    the same spans.

    A quotation the learned reading adds must not be another speaker's: in ``“A,” said X. “B,”
    said Y.`` the span tagger read both quotations as X's, but ``“B”`` has its own speaker
    (``spoken``: the contents of the block's rule drafts with a source)."""
    if draft.kind in {ClaimKind.NON_STATEMENT, ClaimKind.HEADLINE}:
        return  # the rules' own constructions: their spans are the ledger's convention
    rel, cue, doc = reading.relation, reading.cue, view.doc
    assert rel is not None, "a learned reading carries its relation"
    if (
        cue[0] <= draft.cue[0]
        and draft.cue[1] <= cue[1]
        and len(rel.cue) <= token_count(doc, draft.cue, offset) + 3
    ):
        draft.cue = cue
    source_span = token_chars(doc, rel.source, offset, text, keep_punct=True) if rel.source else None
    if source_span is not None and draft.source_span is not None and overlap(draft.source_span, source_span):
        draft.source_span = source_span
    elif source_span is not None and draft.source_span is None and draft.kind is not ClaimKind.PASSIVE:
        # an agentless passive's subject is what is said about, not who says it
        draft.source_tokens = mention_span(root_of(doc, rel.source))
        draft.source_span = source_span
    if draft.kind is ClaimKind.PASSIVE:
        return
    exclude = [draft.cue, *([draft.source_span] if draft.source_span else [])]
    if (frame := _quoter_frame(draft)) is not None:
        exclude.append(frame)
    content = content_spans(doc, rel.content, offset, text, exclude)
    # adopt the learned boundaries of the same content, not a different reading of the
    # sentence; a quotation's extent is known, so there only its edges may move
    common = shared(content, draft.content) if content else 0
    if common >= 0.7 * sum(b - a for a, b in draft.content) and (
        draft.kind is not ClaimKind.DIRECT or _quoted_growth(content, draft.content, quoted, draft, spoken)
    ):
        draft.content = content


def _quoter_frame(draft: Draft) -> tuple[int, int] | None:
    """The frame "quoted Y as saying:" of a quoter's draft (``finders.verbs``: the cue *quoted*
    read as saying), from the cue to the rule's content: the span tagger reads it as content."""
    verb = draft.cue_token
    if verb is None or verb.lemma_.lower() != "quote" or draft.cue_lemma != "say" or not draft.content:
        return None
    start = draft.content[0][0]
    return (draft.cue[0], start) if start > draft.cue[1] else None


def encoder_doubts(draft: Draft, view: BlockView, offset: int) -> bool:
    """An indirect or mixed rule reading that neither the CRFs nor the encoder see as speech.

    The rules' verb list reads ``said``/``believes``/``show`` as reporting
    wherever they have a clause; the encoder, reading the paragraph, gives
    such a cue under 20 % when it reports no statement. The rules' own
    constructions (quotations, according to, citing, passives, non-statements,
    headlines) are kept regardless.
    """
    if not view.enc or draft.kind not in {ClaimKind.INDIRECT, ClaimKind.MIXED}:
        return False
    if draft.cue_lemma in _NEVER_VETTED or draft.cue_lemma in TALLY_VERBS:
        return False  # speech the encoder must not doubt, and the tallies finder's own construction
    verb = draft.cue_token
    if verb is not None and any(
        c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        for c in verb.children
    ):
        return False  # "X said that …" reports; the encoder misreads it after a headline with no gap
    cue = [t.i for t in starting_in(view.doc, draft.cue[0] - offset, draft.cue[1] - offset)]
    return bool(cue) and all(view.enc[i][0] == "0" for i in cue)


def _quoted_growth(
    content: list[tuple[int, int]],
    rule: list[tuple[int, int]],
    quoted: Ranges,
    draft: Draft,
    spoken: Spoken,
) -> bool:
    """Whether every learned segment the rule's quotation lacks is itself quoted (a continuation):
    inside a quotation's text (``quoted``: the block's quotations' ``(start, end)``), give or take
    a character at each end, and not the content of another draft that names its own speaker."""
    for a, b in content:
        if shared([(a, b)], rule) >= 0.9 * (b - a):
            continue
        if not quoted.holding(a + 1, b - 1):  # q.start <= a + 1 and b - 1 <= q.end
            return False
        if spoken.by_another(draft, a, b):
            return False  # another speaker's quotation, not this one's continuation
    return True


def sentence_of(block: Block, draft: Draft) -> Span:
    """The sentence of the block that holds the draft's cue (the whole block if none does)."""
    sent = sentences(block.doc).at(draft.cue[0] - block.offset)
    return sent if sent is not None else block.doc[:]
