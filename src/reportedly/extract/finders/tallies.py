"""A body's figure stated by what it does to a tally: "The disaster agency put the magnitude at
7.4", "The health ministry raised the confirmed death toll to 1,414".

No reporting verb is said, yet the subject is who gives the figure (news English for an official
count: *put … at*, *raised … to*, *revised … to*): the claim is the subject's, not the outlet's.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ...model import ClaimKind, Stance
from ..drafts import Draft, finish, source_of
from ..grammar import source_like
from ..lexicon import TALLY_VERBS
from ..registry import Passage, finder
from ..spans import char_span, runs

#: What they set: a count or a measure, never a thing ("put the boats at sea").
_TALLY_NOUNS = frozenset({"toll", "tally", "figure", "number", "count", "estimate", "magnitude", "total"})


#: Records that hold a figure rather than bodies that give it.
_RECORDS = frozenset({"data", "statistic", "statistics", "report", "record", "list"})
_UP_DOWN = frozenset({"down", "up"})
#: What introduces the figure: "at 7.4", "to 1,414", "from 900 to 1,414".
_FIGURE_PREPS = frozenset({"at", "to", "from"})


def _giver(subj: Token | None) -> Token | None:
    """Who sets the tally: the subject when it names a person or body, or a name in apposition to
    a subject that names none ("Kolkata: West Bengal Chief Minister … put", where the parser makes
    the dateline the subject). A record is no giver ("Earlier figures from the administration had
    put the toll at five": the story gold counts such figures with the body's own briefing, one
    origin, and reading them as the body's cost the Kakhovka and Derna origin counts, round 8)."""
    if (
        subj is None
        or subj.lemma_.lower() in _TALLY_NOUNS | _RECORDS
        or subj.lower_ in _TALLY_NOUNS | _RECORDS
    ):
        return None
    if source_like(subj):
        return subj
    return next((c for c in subj.children if c.dep_ == "appos" and source_like(c)), None)


@finder("tallies")
def tally_attributions(sent: Span, passage: Passage) -> list[Draft]:
    """ "X put the magnitude at 7.4" / "X raised the death toll to 17,134": X's figure."""
    offset, text = passage.offset, passage.text
    drafts: list[Draft] = []
    for tok in passage.tokens_with(sent, "lemma", TALLY_VERBS):
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in TALLY_VERBS or passage.in_quote(offset + tok.idx):
            continue
        subj = _giver(next((c for c in tok.children if c.dep_ == "nsubj"), None))
        obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
        if subj is None or obj is None or obj.lemma_.lower() not in _TALLY_NOUNS:
            continue
        # "the updated death figure … down to 52": the figure hangs on the verb, its object or a particle
        heads = [tok, obj, *(c for c in tok.children if c.dep_ in ("prt", "advmod") and c.lower_ in _UP_DOWN)]
        preps = [c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in _FIGURE_PREPS]
        if not any(t.like_num for p in preps for t in p.subtree):
            continue  # the figure itself is said, or this is no tally
        content = [t for t in tok.subtree if t.i > tok.i and not (t.is_punct and t.i == sent.end - 1)]
        spans = [s for r in runs(content) if (s := char_span(r, offset, text))]
        cue = char_span([tok], offset, text)
        if not spans or cue is None:
            continue
        draft = Draft(ClaimKind.INDIRECT, cue, tok.lemma_.lower(), spans, Stance.ASSERTED, cue_token=tok)
        drafts.append(finish(draft, tok, subj, *source_of(subj, offset, text)))
    return drafts
