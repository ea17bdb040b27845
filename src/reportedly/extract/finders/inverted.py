"""A report credited after the clause: "Russia moved 500 troops, reported The Washington Post".

Web copy inverts the credit and puts the reporter after the verb, with the verb joined to the
reported clause. The parser then reads the reported clause's subject as the verb's subject and
the outlet as its object, so a plain reading makes the article's subject ("Russia") the source
and the outlet ("The Washington Post") the content. Here the outlet is the source and the clause
before the comma the content.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ...model import ClaimKind
from ..drafts import Draft, cue_stance, finish, source_of
from ..grammar import source_like
from ..lexicon import REPORTING_VERBS
from ..registry import Passage, finder
from ..spans import char_span, runs, trim

#: Relays that report without being named: "…, reported local outlets".
RELAY_NOUNS = frozenset(
    {"outlet", "media", "reporter", "newspaper", "broadcaster", "channel", "press", "daily"}
)


#: Verbs whose object is the listener: "told AFP" makes AFP a relay, never the speaker.
LISTENERS = frozenset({"tell", "assure", "inform", "remind"})


@finder("credit_after")
def credit_after(sent: Span, passage: Passage) -> list[Draft]:
    """ "…, reported The Washington Post": the object after a final joined reporting verb is its source."""
    offset, text = passage.offset, passage.text
    drafts = []
    for tok in passage.tokens_with(sent, "lemma", REPORTING_VERBS):
        lemma = tok.lemma_.lower()
        if lemma not in REPORTING_VERBS or tok.i == sent.start:
            continue
        joined = tok.dep_ == "conj" and tok.head.i < tok.i  # parsed as a verb joined to the clause
        over = tok.dep_ == "ROOT" and any(c.dep_ == "ccomp" and c.i < tok.i for c in tok.children)
        if not (joined or over):
            continue
        if tok.doc[tok.i - 1].text != "," or passage.in_quote(offset + tok.idx):
            continue
        if any(c.dep_ in {"nsubj", "nsubjpass"} or (c.dep_ == "ccomp" and c.i > tok.i) for c in tok.children):
            continue
        obj = next((c for c in tok.children if c.dep_ == "dobj" and c.i > tok.i), None)
        if obj is None or not (source_like(obj) or obj.lemma_.lower() in RELAY_NOUNS):
            continue
        if lemma in LISTENERS:
            # "“…,” the agency's chief hydrologist, Maria Olsen, told AFP": AFP heard it
            drafts += _told_after_quote(tok, sent, passage)
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


def _told_after_quote(verb: Token, sent: Span, passage: Passage) -> list[Draft]:
    """ "“…,” the WHO's regional officer, Ana Ruiz, told AFP": the parser, lost in the appositions,
    leaves *told* no subject. The speaker is the phrase between the quotation and the verb (its
    name when an apposition gives one), the quotation is what was said, and the listener is a
    relay hop (``relay_hops``, through :func:`finish`)."""
    offset, text = passage.offset, passage.text
    verb_at = offset + verb.idx
    before = [
        q for q in passage.quotes if offset + sent.start_char <= q.outer_start and q.outer_end <= verb_at
    ]
    if not before:
        return []
    quote = max(before, key=lambda q: q.outer_end)
    between = [t for t in sent if offset + t.idx >= quote.outer_end and t.i < verb.i]
    words = [t for t in between if not t.is_punct]
    if not words or not any(source_like(t) for t in words) or between[-1].text != ",":
        return []
    names = [t for t in words if t.pos_ == "PROPN" and t.ent_type_ == "PERSON"]
    head = names[-1] if names else max(words, key=lambda t: sum(1 for _ in t.subtree))
    mention = sent.doc[(names[0] if names else words[0]).i : head.i + 1]
    span = char_span(list(mention), offset, text)
    content = trim(quote.start, quote.end, text, " \t\n,")
    cue = char_span([verb], offset, text)
    if span is None or content is None or cue is None:
        return []
    draft = Draft(
        ClaimKind.DIRECT,
        cue,
        verb.lemma_.lower(),
        [content],
        cue_stance(verb.lemma_.lower()),
        cue_token=verb,
        quotes=[quote],
    )
    finish(draft, verb, head, mention, span)
    draft.inverted = True
    return [draft]
