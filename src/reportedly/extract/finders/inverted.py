"""A report credited after the clause: "Russia moved 500 troops, reported The Washington Post".

Web copy inverts the credit and puts the reporter after the verb, with the verb joined to the
reported clause. The parser then reads the reported clause's subject as the verb's subject and
the outlet as its object, so a plain reading makes the article's subject ("Russia") the source
and the outlet ("The Washington Post") the content. Here the outlet is the source and the clause
before the comma the content.
"""

from __future__ import annotations

from spacy.tokens import Span

from ...model import ClaimKind
from ..drafts import Draft, cue_stance, finish, source_of
from ..grammar import source_like
from ..lexicon import REPORTING_VERBS
from ..registry import Passage, finder
from ..spans import char_span, in_quote, runs

#: Relays that report without being named: "…, reported local outlets".
RELAY_NOUNS = frozenset(
    {"outlet", "media", "reporter", "newspaper", "broadcaster", "channel", "press", "daily"}
)


@finder("credit_after")
def credit_after(sent: Span, passage: Passage) -> list[Draft]:
    """ "…, reported The Washington Post": the object after a final joined reporting verb is its source."""
    offset, text, quotes = passage.offset, passage.text, passage.quotes
    drafts = []
    for tok in sent:
        lemma = tok.lemma_.lower()
        if lemma not in REPORTING_VERBS or tok.i == sent.start:
            continue
        joined = tok.dep_ == "conj" and tok.head.i < tok.i  # parsed as a verb joined to the clause
        over = tok.dep_ == "ROOT" and any(c.dep_ == "ccomp" and c.i < tok.i for c in tok.children)
        if not (joined or over):
            continue
        if tok.doc[tok.i - 1].text != "," or in_quote(offset + tok.idx, quotes):
            continue
        if any(c.dep_ in {"nsubj", "nsubjpass"} or (c.dep_ == "ccomp" and c.i > tok.i) for c in tok.children):
            continue
        obj = next((c for c in tok.children if c.dep_ == "dobj" and c.i > tok.i), None)
        if obj is None or not (source_like(obj) or obj.lemma_.lower() in RELAY_NOUNS):
            continue
        rest = [t for t in sent if t.i > max(x.i for x in obj.subtree)]
        if any(not t.is_punct for t in rest):
            continue  # the credit must close the sentence
        content = [t for t in sent if t.i < tok.i - 1]
        spans = [s for r in runs(content) if (s := char_span(r, offset, text))]
        cue = char_span([tok], offset, text)
        if not spans or cue is None:
            continue
        draft = Draft(ClaimKind.INDIRECT, cue, lemma, spans, cue_stance(lemma), cue_token=tok)
        mention, span = source_of(obj, offset, text)
        drafts.append(finish(draft, tok, obj, mention, span))
    return drafts
