"""Sourceless attributions: agentless passives ("X has been suspected of …") and *reportedly*."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ...model import ClaimKind, Stance
from ..drafts import Draft, cue_stance, finish
from ..grammar import has_agent
from ..lexicon import PASSIVE_VERBS
from ..registry import Passage, finder
from ..spans import char_span, runs

_REPORTEDLY = frozenset({"reportedly", "allegedly", "purportedly"})


@finder("passives")
def passive_attributions(sent: Span, passage: Passage) -> list[Draft]:
    """Agentless passives: "North Korea has been suspected of sending …", "X is believed to …"."""
    offset, text = passage.offset, passage.text
    drafts: list[Draft] = []
    for tok in passage.tokens_with(sent, "lemma", PASSIVE_VERBS):
        lemma = tok.lemma_.lower()
        if lemma not in PASSIVE_VERBS or tok.tag_ != "VBN":
            continue
        if not any(c.dep_ == "auxpass" for c in tok.children) or has_agent(tok):
            continue
        if passage.in_quote(offset + tok.idx):
            continue
        subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        comp = [c for c in tok.children if c.dep_ in {"xcomp", "prep", "ccomp"} and c.i > tok.i]
        if lemma == "say" and not comp:
            continue
        if not comp and lemma not in {"confirm", "verify"}:
            continue
        cue_toks = [c for c in tok.children if c.dep_ in {"aux", "auxpass", "neg"} and c.i < tok.i] + [tok]
        cue = char_span(cue_toks, offset, text)
        content_toks: list[Token] = []
        if subj is not None and subj.lower_ not in {"it"}:
            content_toks.extend(subj.subtree)
        for c in comp:
            content_toks.extend(c.subtree)
        spans = [s for r in runs(content_toks) if (s := char_span(r, offset, text))]
        if not spans or cue is None:
            continue
        draft = Draft(ClaimKind.PASSIVE, cue, lemma, spans, cue_stance(lemma, passive=True), cue_token=tok)
        drafts.append(finish(draft, tok, None))  # no source: the subject is what is said about
    return drafts


def _coordinated_clauses(head: Token, adverb: Token) -> set[int]:
    """The tokens of clauses joined to ``head`` after the adverb that have subjects of their own,
    with the ", and" joining them: "The harbour master reportedly ordered …, and the ferry
    operator said …" hears only the order from unnamed reports, not the operator."""
    cut: set[int] = set()
    for clause in head.children:
        if (
            clause.dep_ != "conj"
            or clause.i < adverb.i
            or clause.pos_ not in {"VERB", "AUX"}
            or not any(c.dep_ in {"nsubj", "nsubjpass"} for c in clause.children)
        ):
            continue
        cut.update(range(clause.left_edge.i, clause.right_edge.i + 1))
        k = clause.left_edge.i - 1
        while k > adverb.i and head.doc[k].dep_ in {"cc", "punct"}:
            cut.add(k)
            k -= 1
    return cut


@finder("reportedly")
def reportedly_adverbs(sent: Span, passage: Passage) -> list[Draft]:
    """ "The singer has reportedly cancelled …": an attribution to unnamed reports."""
    offset, text = passage.offset, passage.text
    drafts = []
    for tok in passage.tokens_with(sent, "lower", _REPORTEDLY):
        if tok.lower_ not in _REPORTEDLY or tok.dep_ != "advmod":
            continue
        if passage.in_quote(offset + tok.idx):
            continue
        head = tok.head
        cut = _coordinated_clauses(head, tok)
        content = [t for t in head.subtree if t.i != tok.i and t.i not in cut]
        spans = [s for r in runs(content) if (s := char_span(r, offset, text))]
        cue = char_span([tok], offset, text)
        if not spans or cue is None:
            continue
        stance = Stance.REPORTED if tok.lower_ == "reportedly" else Stance.SUSPECTED
        drafts.append(Draft(ClaimKind.PASSIVE, cue, tok.lemma_.lower(), spans, stance, cue_token=tok))
    return drafts
