"""*Citing* with no other cue: "Turnout reached 61 percent, as cited by the election commission"."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ...model import ClaimKind, Stance
from ..drafts import Draft
from ..grammar import agent_of, is_reporting, source_like, what_is_cited
from ..registry import Passage, finder
from ..spans import char_span, contiguous, mention_span, runs

_CITING = frozenset({"cite", "quote"})


@finder("citing")
def citing_attributions(sent: Span, passage: Passage) -> list[Draft]:
    """ "Turnout reached 61 percent, as cited by the election commission": citing with no other cue."""
    offset, text = passage.offset, passage.text
    drafts = []
    for tok in passage.tokens_with(sent, "lemma", _CITING):
        if tok.lemma_.lower() not in _CITING or tok.pos_ != "VERB":
            continue
        head = tok.head
        if head.i == tok.i or is_reporting(head) or passage.in_quote(offset + tok.idx):
            continue
        if head.pos_ in {"NOUN", "PROPN"} and head.dep_ == "nsubj" and is_reporting(head.head):
            # "The Times, also citing officials, reported …": a hop of the Times' claim (grammar.
            # chain_from_verb), never a claim of the officials whose content is "The Times"
            continue
        source = agent_of(tok)
        if source is None and tok.tag_ == "VBG":
            obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
            citer = next((c for c in head.children if c.dep_ == "nsubj"), None)
            if obj is not None and citer is not None and not source_like(obj):
                # "The court blocked the sale, citing a threat to health": the court cites a threat
                # (PolNeAR's reading too); "…, citing officials" keeps the officials as the origin
                drafts += _cited_by_subject(tok, citer, offset, text)
                continue
            source = mention_span(obj) if obj is not None else None
        if source is None:
            continue
        phrase = {t.i for t in tok.subtree}
        content = [t for t in head.subtree if t.i not in phrase]
        spans = [s for r in runs(content) if (s := char_span(r, offset, text))]
        cue_toks = [c for c in tok.children if c.dep_ in {"mark", "advmod"} and c.i < tok.i] + [tok]
        cue = char_span(cue_toks, offset, text) if contiguous(cue_toks) else char_span([tok], offset, text)
        if not spans or cue is None:
            continue
        draft = Draft(ClaimKind.CITING, cue, tok.lemma_.lower(), spans, Stance.ASSERTED, cue_token=tok)
        draft.source_tokens = source
        draft.source_span = char_span(list(source), offset, text)
        drafts.append(draft)
    return drafts


def _cited_by_subject(tok: Token, citer: Token, offset: int, text: str) -> list[Draft]:
    """*citing X* after a clause with a subject: the subject says X (what follows *citing*)."""
    content = what_is_cited(tok, offset, text)
    cue = char_span([tok], offset, text)
    if content is None or cue is None:
        return []
    draft = Draft(ClaimKind.INDIRECT, cue, tok.lemma_.lower(), [content], Stance.ASSERTED, cue_token=tok)
    draft.source_tokens = mention_span(citer)
    draft.source_span = char_span(list(draft.source_tokens), offset, text)
    return [draft]
