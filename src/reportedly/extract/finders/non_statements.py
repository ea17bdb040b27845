"""Non-statements: sources that did not speak ("remained silent", "declined to comment")."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ...model import ClaimKind, Stance
from ..drafts import Draft, source_of
from ..grammar import has_neg, subject_of
from ..registry import Passage, finder
from ..spans import char_span, contiguous, runs

#: What is referred elsewhere in a referral: "referred questions / inquiries / reporters to …".
_REFERRED = {"question", "inquiry", "enquiry", "request", "reporter", "journalist", "query"}
_NO_COMMENT_XCOMP = {"comment", "respond", "speak", "elaborate", "confirm", "discuss"}
#: Every verb a non-statement reads (the branches below): the only tokens it looks at.
_NON_STATEMENT_VERBS = frozenset(
    {"remain", "stay", "keep", "decline", "refuse", "comment", "respond", "reply", "reach", "refer"}
)


@finder("non_statements")
def non_statements(sent: Span, passage: Passage) -> list[Draft]:
    """Sources that did not speak: remained silent, declined to comment, has not commented,
    referred questions to another body."""
    offset, text = passage.offset, passage.text
    drafts = []
    for tok in passage.tokens_with(sent, "lemma", _NON_STATEMENT_VERBS):
        lemma = tok.lemma_.lower()
        cue_toks: list[Token] | None = None
        topic_from: Token | None = None
        if lemma in {"remain", "stay", "keep"} and any(
            c.lower_ in {"silent", "quiet", "mum"} for c in tok.children
        ):
            adj = next(c for c in tok.children if c.lower_ in {"silent", "quiet", "mum"})
            cue_toks, topic_from = [tok, adj], adj
        elif lemma in {"decline", "refuse"}:
            x = next(
                (c for c in tok.children if c.dep_ == "xcomp" and c.lemma_.lower() in _NO_COMMENT_XCOMP), None
            )
            if x is not None:
                cue_toks, topic_from = [tok, *[c for c in x.children if c.dep_ == "aux"], x], x
            elif not any(c.dep_ in {"dobj", "xcomp"} for c in tok.children) and tok.pos_ == "VERB":
                cue_toks, topic_from = [tok], tok  # "declined to" elided: "The ministry declined."
                if not re.search(r"comment|request", sent.text, re.I):
                    cue_toks = None
        elif lemma in {"comment", "respond", "reply"} and has_neg(tok):
            if lemma != "comment" and not re.search(r"comment", sent.text, re.I):
                continue
            # "has not officially commented": the negation is part of the cue
            lead = [c for c in tok.children if c.dep_ in {"aux", "neg", "advmod"} and c.i < tok.i]
            cue_toks, topic_from = [*lead, tok], tok
        elif (
            lemma == "reach" and any(c.dep_ == "neg" for c in tok.children) and "comment" in sent.text.lower()
        ):
            cue_toks, topic_from = [tok], tok
        elif lemma == "refer" and (
            obj := next((c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in _REFERRED), None)
        ):
            # "referred questions to the defence ministry": a referral, nothing said (GLOSSARY.md)
            to_obj = any(c.dep_ == "prep" and c.lower_ == "to" for c in obj.children)  # parsed on the noun
            cue_toks, topic_from = [tok, *[t for t in obj.subtree if t.i <= obj.i]], obj if to_obj else tok
        if not cue_toks or topic_from is None:
            continue
        if passage.in_quote(offset + tok.idx):
            continue
        subj = subject_of(tok)
        if subj is None:
            continue
        cue = char_span(cue_toks, offset, text) if contiguous(cue_toks) else char_span([tok], offset, text)
        if cue is None:
            continue
        topic: list[Token] = []
        for c in topic_from.children:
            if c.dep_ == "prep" and c.lower_ in {"on", "about", "regarding", "to", "over", "concerning"}:
                topic.extend(c.subtree)
        if not topic:
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in {"on", "about", "regarding", "over", "concerning"}:
                    topic.extend(c.subtree)
        spans = [s for r in runs(topic) if (s := char_span(r, offset, text))]
        draft = Draft(ClaimKind.NON_STATEMENT, cue, lemma, spans, Stance.NO_COMMENT, cue_token=tok)
        draft.source_tokens, draft.source_span = source_of(subj, offset, text)
        drafts.append(draft)
    return drafts
