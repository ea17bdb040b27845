"""The learned taggers as a finder: the CRFs' relations (over the parse and the encoder's reading)
of one block, read as drafts with the same checks and decisions as the rules'.

The model itself lives in :mod:`reportedly.extract.learned` (CRFs) and
:mod:`reportedly.extract.encoder` (MiniLM); the extractor hands it in through
the passage (``passage.model``, ``passage.view``). How a learned reading and a
rule reading of the same cue become one draft is :mod:`reportedly.extract.merge`'s.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ...model import ClaimKind, Stance
from ..drafts import Draft, cue_stance, finish, mostly_quoted, speech_kind
from ..grammar import aside_or_question, not_attributive, subject_of
from ..learned import Relation
from ..lexicon import PASSIVE_VERBS, REPORTING_VERBS
from ..registry import Passage, finder
from ..spans import char_span, content_spans, mention_span, root_of, token_chars


@finder("learned", scope="block")
def learned(block: Span, passage: Passage) -> list[Draft]:
    """One draft per learned relation of the block (none when the rules work alone).

    A relation that passes the rules' sanity checks (no ``That said,``, no question, a
    source or a known cue word) is a full draft. One that fails them is returned with
    ``alone=False``: it does not stand as a claim, but its boundaries still apply to a
    rule reading of the same cue.
    """
    model, view = passage.model, passage.view
    if model is None or view is None:
        return []
    doc, offset, text = view.doc, passage.offset, passage.text
    out = []
    for rel in model.predict(view):
        cue = token_chars(doc, rel.cue, offset, text)
        if cue is None:
            continue
        head = root_of(doc, rel.cue)
        draft = _reading(rel, head, cue, passage)
        if draft is None:
            draft = Draft(ClaimKind.INDIRECT, cue, head.lemma_.lower(), [], Stance.ASSERTED, alone=False)
            draft.cue_token = head
        draft.relation = rel
        out.append(draft)
    return out


def _reading(rel: Relation, head: Token, cue: tuple[int, int], passage: Passage) -> Draft | None:
    """The draft of a relation read alone, or ``None`` when the rules' checks reject it."""
    doc, offset, text = head.doc, passage.offset, passage.text
    source_span = token_chars(doc, rel.source, offset, text, keep_punct=True) if rel.source else None
    content = content_spans(doc, rel.content, offset, text, [cue, *([source_span] if source_span else [])])
    if not content or head.dep_ in {"amod", "compound"}:
        return None
    lemma = head.lemma_.lower()
    subj = root_of(doc, rel.source) if rel.source else None
    modified = modified_noun(head) if subj is None and lemma in REPORTING_VERBS else None
    if modified is not None:  # "posts describing the looting": the posts describe it
        subj, source_span = modified.root, char_span(list(modified), offset, text)
    sent = doc[head.sent.start : head.sent.end]
    parsed_subj = subject_of(head) if head.pos_ in {"VERB", "AUX"} else None
    check = parsed_subj or subj
    if check is not None and head.pos_ in {"VERB", "AUX"} and not_attributive(head, check, sent):
        return None
    if aside_or_question(head, sent):
        return None
    if subj is None and parsed_subj is not None and _shares_subject(head):
        # "Trump … and called for steep new tariffs", "…, comparing him favorably to …": the
        # taggers see no source near the second verb; it is the first verb's subject
        subj = parsed_subj
        source_span = char_span(list(mention_span(subj)), offset, text)
    if subj is None and lemma not in REPORTING_VERBS and lemma not in PASSIVE_VERBS:
        return None
    inside = [passage.quotes[k] for k in passage.quote_ranges.inside(content, slack=1)]
    covered = sum(q.end - q.start for q in inside)
    total = sum(b - a for a, b in content)
    if lemma == "according":
        kind = ClaimKind.ACCORDING_TO
    elif subj is None:
        kind = ClaimKind.PASSIVE
    else:
        kind = speech_kind(bool(inside) and mostly_quoted(covered, total), bool(inside))
    draft = Draft(kind, cue, lemma, content, cue_stance(lemma, learned=True), cue_token=head)
    if subj is None:
        return finish(draft, head, None)
    return finish(draft, head, subj, modified if modified is not None else mention_span(subj), source_span)


def _shares_subject(verb: Token) -> bool:
    """A past-tense verb joined by *and*, or a participle clause, that borrows its subject."""
    return (verb.dep_ == "conj" and verb.tag_ == "VBD") or (verb.dep_ == "advcl" and verb.tag_ == "VBG")


def modified_noun(verb: Token) -> Span | None:
    """The noun phrase a participle cue modifies, up to its head ("social media posts" in
    "social media posts describing the looting"): the one who speaks, when no source was tagged."""
    noun = verb.head
    if verb.dep_ != "acl" or verb.tag_ != "VBG" or noun.pos_ not in {"NOUN", "PROPN"} or noun.i > verb.i:
        return None
    first = min(t.i for t in noun.subtree)
    return noun.doc[first : noun.i + 1]
