"""*According to X*: "according to the ministry, 40 people died"."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ...model import ClaimKind, Stance
from ..drafts import Draft
from ..grammar import SOURCE_NOUNS, chain_from_verb
from ..lexicon import GROUP_NOUNS
from ..registry import Passage, finder
from ..spans import char_span, mention_span, runs


@finder("according_to")
def according_to(sent: Span, passage: Passage) -> list[Draft]:
    """*according to X*: X is the source of the clause the phrase belongs to (without the phrase)."""
    offset, text = passage.offset, passage.text
    drafts = []
    for tok in passage.tokens_with(sent, "lower", ("according",)):
        if tok.lower_ != "according":
            continue
        to = next((c for c in tok.children if c.lower_ == "to"), None)
        if to is None and tok.i + 1 < len(tok.doc) and tok.nbor().lower_ == "to":
            to = tok.nbor()
        if to is None:
            continue
        objs = [c for c in to.children if c.dep_ == "pobj"]
        if not objs:
            continue
        src = objs[0]
        if not (
            src.pos_ in {"PROPN", "PRON"}
            or src.ent_type_
            or src.lemma_.lower() in SOURCE_NOUNS
            or src.lemma_.lower() in GROUP_NOUNS
            or src.lower_ in GROUP_NOUNS
        ):
            continue  # "arranged according to height" is manner, not attribution
        phrase = {t.i for t in tok.subtree} | {t.i for t in to.subtree} | {tok.i}
        head = tok.head
        if head.i == tok.i or head.is_punct:
            head = sent.root
        # content: the clause the phrase belongs to, without the phrase itself
        clause = head
        while clause.dep_ not in {"ROOT", "ccomp", "conj", "advcl", "relcl"} and clause.head.i != clause.i:
            clause = clause.head
        content = [t for t in clause.subtree if t.i not in phrase]
        if clause.dep_ != "ROOT" and clause.head.i != clause.i:
            content = [t for t in sent if t.i not in phrase]
        spans = [s for r in runs(content) if (s := char_span(r, offset, text))]
        cue = char_span([tok, to], offset, text)
        if not spans or cue is None:
            continue
        agent = _author(src)
        lemma_ok = src.lemma_.lower()
        stance = Stance.REPORTED if lemma_ok in {"report", "reports", "media"} else Stance.ASSERTED
        draft = Draft(ClaimKind.ACCORDING_TO, cue, "according to", spans, stance, cue_token=tok)
        if agent is not None:
            # "according to a statement by the regional government": the government speaks
            draft.source_tokens = mention_span(agent)
            draft.source_span = char_span(list(agent.subtree), offset, text)
        else:
            draft.source_tokens = mention_span(src)
            draft.source_span = char_span(list(src.subtree), offset, text)
        # "according to X, citing Y" / "according to X, who were briefed by Y"
        chain_from_verb(draft, src, src)
        drafts.append(draft)
    return drafts


#: What a body issues: "according to a statement by X" reaches through the statement to X.
_ISSUED = frozenset(
    {"statement", "post", "video", "release", "communique", "announcement", "notice", "message"}
)


def _author(src: Token) -> Token | None:
    """Who issued the statement an *according to* names ("a statement by / from the ministry")."""
    if src.lemma_.lower() not in _ISSUED:
        return None
    for prep in src.children:
        if prep.dep_ == "prep" and prep.lower_ in {"by", "from", "of"}:
            obj = next((o for o in prep.children if o.dep_ == "pobj"), None)
            if obj is not None and (
                obj.pos_ == "PROPN"
                or obj.ent_type_
                or obj.lemma_.lower() in GROUP_NOUNS
                or obj.lemma_.lower() in SOURCE_NOUNS
            ):
                return obj
    return None
