"""Drafts: attributions before entity resolution, and what they mean, decided in one place.

A finder (rule or learned) returns :class:`Draft` objects: character offsets of
cue, source and content plus the tokens entity resolution needs. What a draft
*means* is decided here, once, for every path:

* :func:`speech_kind` — direct, mixed or indirect speech, by how much of the
  content lies inside quotation marks (:data:`QUOTED_SHARE`);
* :func:`cue_stance` — the stance a cue word carries (reporting or passive lexicon);
* :func:`finish` — negation, source, inversion and chain of a verb cue;
* :func:`claim_kind`, :func:`claim_stance`, :func:`hedges` — the last word when
  the draft becomes a claim (headline kind; the content's stance rules of
  :mod:`reportedly.extract.stance`, reported stance).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from ..model import ClaimKind, SectionKind, Stance
from .grammar import chain_from_verb, has_neg
from .lexicon import (
    HEDGE_PHRASES,
    HEDGE_WORDS,
    LISTENER_NOUNS,
    PASSIVE_VERBS,
    REPORTING_VERBS,
    UNVERIFIED_PHRASES,
    any_word,
)
from .quotes import Quote
from .spans import char_span, mention_span
from .stance import StanceReading, read_stance

if TYPE_CHECKING:
    from ..nlp.blocks import Block
    from .learned import Relation

#: sections whose claims are headline claims, whatever their construction
TITLE_SECTIONS = frozenset({SectionKind.HEADLINE, SectionKind.RELATED})
#: the share of a content inside quotation marks that makes it direct speech
QUOTED_SHARE = 0.8


@dataclass(slots=True)
class Draft:
    """An attribution found in one sentence, with absolute character offsets."""

    kind: ClaimKind
    cue: tuple[int, int]
    cue_lemma: str
    content: list[tuple[int, int]]
    stance: Stance
    source_tokens: Span | None = None  # for entity resolution (noun phrase without relative clause)
    source_span: tuple[int, int] | None = None  # the source as written (may include a relative clause)
    chain_before: list[tuple[Span, str]] = field(default_factory=list)  # nearer the reader than the source
    chain_after: list[tuple[Span, str]] = field(default_factory=list)  # towards the origin
    negated: bool = False
    inverted: bool = False
    cue_token: Token | None = None
    quotes: list[Quote] = field(default_factory=list)
    headline_source_text: tuple[int, int] | None = None
    # where it was found: the block, and the sentence the claim's evidence starts from
    block: Block | None = None
    sent: Span | None = None
    # the learned taggers' relation behind a learned reading (None for a rule's)
    relation: Relation | None = None
    # False: a learned reading that fails the rules' sanity checks as a claim of its own; it
    # still draws the boundaries of a rule reading of the same cue (see merge.py)
    alone: bool = True


def mostly_quoted(quoted: float, whole: float) -> bool:
    """Whether ``quoted`` (tokens or characters inside quotation marks) is enough of ``whole``."""
    return quoted >= QUOTED_SHARE * whole


def speech_kind(direct: bool, inner_quotes: bool) -> ClaimKind:
    """Direct speech when the content is mostly quoted, mixed when it holds a quotation, else indirect."""
    if direct:
        return ClaimKind.DIRECT
    return ClaimKind.MIXED if inner_quotes else ClaimKind.INDIRECT


def cue_stance(lemma: str, *, passive: bool = False, learned: bool = False) -> Stance:
    """The stance a cue word carries.

    A passive cue (``is believed to``) reads the passive lexicon, an active one the
    reporting verbs. A cue only the learned taggers found may be a word of either
    lexicon: the reporting verbs first (``said`` asserts), then the passive one.
    Anything else asserts.
    """
    if passive:
        return PASSIVE_VERBS.get(lemma) or Stance.ASSERTED
    stance = REPORTING_VERBS.get(lemma)
    if stance is None and learned:
        stance = PASSIVE_VERBS.get(lemma)
    return stance or Stance.ASSERTED


#: Bodies that can speak when counted (*27 companies reported*); people are lexicon.LISTENER_NOUNS.
_BODY_NOUNS = frozenset(
    {"company", "firm", "business", "group", "organization", "organisation", "union", "party", "agency",
     "bank", "state", "country", "city", "school", "university", "hospital", "outlet", "newspaper"}
)  # fmt: skip


def is_number_phrase(mention: Span) -> bool:
    """Whether a would-be source is a figure with its counted thing (*22,000 houses*, *some
    3,500 homes*): such a phrase is never a speaker, and taken for one it became an entity and
    then an independent origin. Only a figure in digits counts; a name in the phrase, a number
    word (*two officials*), counted people or bodies (*10 voters say*, *27 companies reported*)
    or a share (*40 percent of voters*) keep it a source, as PolNeAR's annotators read them."""
    if any(t.pos_ == "PROPN" for t in mention):
        return False
    root = mention.root
    if root.lower_ in ("percent", "%", "per", "percentage") or any(
        c.dep_ == "prep" and c.lower_ == "of" for c in root.children if c in mention
    ):
        return False  # a share of people (*40 percent of voters say*, *300 of the workers said*)
    if root.lower_ in LISTENER_NOUNS or root.lemma_.lower() in _BODY_NOUNS:
        return False  # people or bodies counted (*10 voters say*, *27 companies reported*)
    if root.like_num and any(c.isdigit() for c in root.text):
        return True
    return root.pos_ == "NOUN" and any(
        c.dep_ == "nummod" and any(ch.isdigit() for ch in c.text) for c in root.children if c in mention
    )


def source_of(subj: Token, offset: int, text: str) -> tuple[Span, tuple[int, int] | None]:
    """A subject's noun phrase for entity resolution, and its extent in the text."""
    mention = mention_span(subj)
    return mention, char_span(list(mention), offset, text)


def finish(
    draft: Draft,
    verb: Token,
    subj: Token | None,
    mention: Span | None = None,
    span: tuple[int, int] | None = None,
) -> Draft:
    """What every reading of a verb cue shares, rule or learned: negation on the verb and, with a
    subject, the source (``mention`` for resolution, ``span`` as written), whether the speaker
    follows the verb of a quotation (``“…,” said X``) and the chain written around the verb."""
    draft.negated = has_neg(verb)
    if subj is not None:
        draft.source_tokens, draft.source_span = mention, span
        draft.inverted = draft.kind is ClaimKind.DIRECT and subj.i > verb.i
        chain_from_verb(draft, verb, subj)
    return draft


def claim_kind(draft: Draft, section: SectionKind) -> ClaimKind:
    """Every claim of a headline or related headline is a headline claim, unless nobody spoke."""
    if section in TITLE_SECTIONS and draft.kind is not ClaimKind.NON_STATEMENT:
        return ClaimKind.HEADLINE
    return draft.kind


def claim_stance(
    draft: Draft,
    content_text: str,
    source_text: str | None,
    cue_context: str = "",
    *,
    speaker: str = "",
    media: bool = False,
) -> StanceReading:
    """The cue's stance, read again against the content and the words around the cue
    (:func:`reportedly.extract.stance.read_stance`: non-denials, refusals, rejections, doubts,
    conditions, forecasts, assessments, confirmations), then by the source: nobody commenting
    (``no official has commented``) → no_comment, a report (``according to … reports``) or a media
    outlet (``state news agency RIA said``, ``according to state media``: ``media`` or a source
    naming one) → reported, estimates (``according to the estimates``) → estimated; and by a
    forecasting cue (``predicted that …`` → expected). ``speaker`` is the source's names and roles
    (see :func:`reportedly.extract.stance.read_stance`)."""
    lowered = content_text.lower()
    stance = draft.stance
    if stance is not Stance.NO_COMMENT and any(p in lowered for p in UNVERIFIED_PHRASES):
        stance = Stance.UNVERIFIED
    reading = read_stance(
        stance,
        cue_lemma=draft.cue_lemma,
        negated=draft.negated,
        content=content_text,
        cue_context=cue_context,
        speaker=" ".join(filter(None, [source_text, speaker])),
    )
    if reading.stance is not draft.stance or reading.not_denied:
        return reading
    if draft.cue_lemma in SPEAKING_CUES and source_text is not None and _NOBODY.match(source_text):
        return StanceReading(Stance.NO_COMMENT)  # "no senior official has commented on the claims"
    if draft.kind is ClaimKind.ACCORDING_TO and source_text is not None:
        if re.search(r"\breports?\b", source_text, re.I):
            return StanceReading(Stance.REPORTED)
        if _ESTIMATES.search(source_text):
            return StanceReading(Stance.ESTIMATED)  # "according to the estimates, the reservoir lost 72%"
    media = media or (source_text is not None and MEDIA_SOURCE.search(source_text) is not None)
    if OWN_PRESS.search(f"{source_text or ''} {speaker}"):
        media = False  # "Kremlin press secretary Dmitry Peskov", "the army press service": a body's own voice
    if reading.stance is Stance.ASSERTED and media:
        # GLOSSARY.md: `reported` is a relayed report, typically media: "the roof was collapsing,
        # state news agency RIA said", "all from Tajikistan, according to Russian state media"
        return StanceReading(Stance.REPORTED)
    if draft.stance is Stance.ASSERTED and draft.cue_lemma in FORECAST_CUES:
        return StanceReading(Stance.EXPECTED)  # "predicted that the river would peak on Friday"
    if (
        reading.stance is Stance.REPORTED
        and draft.cue_lemma == "report"
        and source_text is not None
        and not media
        and not RELAYING_SOURCE.search(source_text)
    ):
        # "The UN has reported a death toll of about 6,000": a body stating its own figures
        # asserts them; `reported` is for relayed reports (GLOSSARY.md), "TRT reported that …"
        return StanceReading(Stance.ASSERTED)
    return reading


#: Sources whose *reported* relays what others saw or said: media, reporters, observers' reports.
RELAYING_SOURCE = any_word(
    r"media press outlets? news newspapers? paper TV television broadcaster radio channel daily magazine "
    "website reporters? journalists? correspondents? reports? activists? monitors? witnesses residents "
    r"AFP AP Associated\s+Press Reuters BBC CNN NBC CBS ABC Sky Al\s+Jazeera TASS RIA Interfax Xinhua Yonhap "
    "Kyodo dpa Anadolu Bloomberg Times Post Journal Herald Guardian Telegraph"
)


#: A source that is a news medium by its words: "state media", "the news agency", "local outlets".
MEDIA_SOURCE = any_word(
    r"media press outlets? news\s+agenc(?:y|ies) newspapers? broadcasters? television TV radio tabloids? "
    r"news\s+(?:site|website|channel|service|portal)"
)
#: A body's own press people and offices, which speak for it and relay nobody: "press secretary",
#: "press service", "media office", "news conference".
OWN_PRESS = re.compile(
    r"\b(?:press|media|news)\s+(?:secretar\w*|services?|offices?|officers?|releases?|department|cent(?:re|er)|"
    r"spokes\w*|attach\w*|team|advis[eo]rs?|aides?|relations|desk|conferences?|briefings?)\b",
    re.I,
)
#: "according to the estimates / calculations / assessments": an estimate, not a statement.
_ESTIMATES = re.compile(
    r"^(?:the\s+|their\s+|its\s+|his\s+|her\s+|our\s+)?(?:\w+\s+)?(?:estimates?|calculations?|assessments?)\b",
    re.I,
)
#: Cues of speaking whose silence is a non-statement when nobody spoke ("no official has commented").
SPEAKING_CUES = frozenset({"comment", "respond", "reply", "speak"})
_NOBODY = re.compile(r"^(?:no|none\s+of|neither)\b", re.I)

#: Reporting verbs that make a forecast of what they report.
FORECAST_CUES = frozenset({"predict", "forecast", "expect", "project", "anticipate"})


#: Where one clause of a sentence ends and a coordinated one begins: ", and", "; ", ", but".
_NEXT_CLAUSE = re.compile(r"[,;]\s+(?:and|but|while|whereas)\s|;\s")


def hedges(content: str, sentence: str, claim_start: int | None = None) -> list[str]:
    """Hedge words of the content (``likely``, ``may``) and *reportedly* / *allegedly* of its
    sentence, unless a coordinated clause stands between the word and the claim (which starts
    at ``claim_start`` in the sentence): in "The harbour master reportedly ordered …, and the
    operator said …" the operator's claim is no hearsay."""
    low = content.lower()
    # case-sensitive for single words: "may" hedges, the month "May" does not
    found = [w for w in HEDGE_WORDS if re.search(rf"\b{w}\b", content)]
    found += [p for p in HEDGE_PHRASES if p in low]
    sent_low = sentence.lower()
    for w in ("reportedly", "allegedly"):
        at = sent_low.find(w)
        if at < 0 or w in found:
            continue
        between = sent_low[at:claim_start] if claim_start is not None and claim_start > at else ""
        if w in low or not _NEXT_CLAUSE.search(between):
            found.append(w)
    return sorted(set(found), key=lambda w: (low.find(w) if w in low else 10**6, w))
