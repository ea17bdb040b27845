"""What linking reads: documents and claims with the few derived facts every step needs.

Everything is computed once per claim here (polarity, origin, measures,
text to embed) so that the steps after it (stories, clusters, independence,
conflicts, timelines) are cheap lookups and can be tested on hand-built items.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache

from ..model import ChainLink, Claim, ClaimRef, Document, EntityType, Measure, Quantity, SectionKind, Stance
from .embed import words
from .entities import Canonical, EntityIndex
from .relayed import relayed_speaker

#: Content words below which a claim is compared with its source and cue ("placing the blame on Moscow").
STATEMENT_WORDS = 4
#: The negation words the link layer reads, as a regex alternation between word boundaries (here
#: and in conflicts.py).
NEGATION_WORDS = r"not|cannot|never|no|neither|nor|without|none|nothing|nobody|nowhere"
#: A verb with a contracted "not" ("didn't", "wasn’t", "can't"): the contraction sits inside the
#: word, so it cannot stand in the alternation above, whose word boundary before "n't" never holds.
CONTRACTED_NOT = r"\b\w+n['’]t\b"
#: Words that make a content a denial: negation words, the negative pronouns ("there is nothing
#: that allows us to say it was a strike" denies as "there was no strike" does; "nobody survived")
#: and a denial told inside the content ("the army has denied any involvement": an outlet's own
#: report of the denial states what the army's "we did not strike" states), but not a reciprocal
#: one ("each denied responsibility", "both deny it": each side denies the other's charge, which
#: the blame reading would file as a denial by a party that is no party).
_NEGATION = re.compile(
    rf"\b(?:{NEGATION_WORDS}|(?<!\beach )(?<!\bboth )den(?:y|ies|ied|ying))\b|{CONTRACTED_NOT}",
    re.I,
)
#: A sentence's end inside a content: a stop after a word, then a space and a capital (or a quote).
_SENTENCE_END = re.compile(r"(\w+)([.!?…])[\"”’]?\s+(?=[\"“‘(]?[A-Z])")
#: Abbreviations a stop follows without ending the sentence ("Mr. Smith did not").
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "gen",
        "col",
        "lt",
        "sgt",
        "gov",
        "sen",
        "rep",
        "prof",
        "capt",
        "maj",
        "jr",
        "sr",
        "no",
        "nos",
        "vs",
        "etc",
        "inc",
        "ltd",
        "co",
        "corp",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)
#: Stances that take no side on the content: they neither support nor contradict it.
NEUTRAL_STANCES = frozenset({Stance.NO_COMMENT, Stance.UNVERIFIED})


@dataclass(slots=True)
class DocItem:
    document: Document
    outlet: str  # the publisher, or the document id when unknown: each unknown outlet counts alone

    @property
    def id(self) -> str:
        return self.document.id

    @property
    def published(self) -> date | None:
        return self.document.published

    def lead(self, limit: int = 600) -> str:
        """Headline plus the first body paragraphs: what a reader uses to tell the topic."""
        doc = self.document
        parts: list[str] = [doc.title] if doc.title else []
        for p in doc.paragraphs:
            kind = doc.section_at(p.start)
            if kind is SectionKind.RELATED:
                continue
            if doc.title and p.text.strip() == doc.title.strip():
                continue
            parts.append(p.text)
            if sum(len(x) for x in parts) > limit:
                break
        if len(parts) <= (1 if doc.title else 0):
            parts.append(doc.text[:limit])
        return " ".join(parts)[: limit + 200]


@dataclass(slots=True)
class Measured:
    """A counted quantity of a claim with the measure extraction typed it with."""

    position: int  # the quantity's position in its claim
    typed: Measure
    #: The series the figure is drawn in when linking read it into one its text does not name
    #: (an unplaced toll drawn with its story's whole place); ``typed`` stays as the text says,
    #: and conflicts compare what the text says.
    drawn: Measure | None = None
    #: The measure the conflicts compare where linking read a place into a figure whose text names
    #: none (:func:`reportedly.link.settle.story_place`); ``None``: compared as typed.
    compared: Measure | None = None
    #: Whether ``compared``'s place is the story's country read for the figure, not a place a
    #: report gives this very figure: such a whole is compared leniently (see ``numbers``).
    read: bool = False
    #: The rule that placed a figure with no place (``settle.RULES``), for a reader asking why.
    placed_by: str | None = None

    @property
    def measure(self) -> str:
        """The series key: equal keys are one number series across documents."""
        return (self.drawn or self.typed).key

    @property
    def when(self) -> date | None:
        return self.typed.as_of


@dataclass(slots=True)
class ClaimItem:
    claim: Claim
    doc: DocItem
    origin: Canonical | None
    source: Canonical | None
    negative: bool  # denies, or asserts a negated content
    measures: list[Measured] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.claim.id

    @property
    def text(self) -> str:
        return self.claim.content_text

    @property
    def statement(self) -> str:
        """What the claim says, as one text to compare: the content, or for a content too short to
        stand alone ("each other for the destruction", "Moscow") the source and cue with it."""
        content = self.claim.content_text
        if len(set(words(content))) >= STATEMENT_WORDS or self.claim.source is None:
            return content or self.claim.cue.text
        return f"{self.claim.source.text} {self.claim.cue.text} {content}".strip()

    @property
    def neutral(self) -> bool:
        return self.claim.stance in NEUTRAL_STANCES

    def measures_when(self, position: int) -> date | None:
        """The as-of day of the claim's quantity at ``position``."""
        for m in self.measures:
            if m.position == position:
                return m.when
        return None

    def ref(self) -> ClaimRef:
        return ClaimRef.from_claim(self.claim, self.doc.document)


def negated_content(text: str) -> bool:
    """A negation word in the content's first sentence ("in place but not in combat").

    A content that runs over several sentences (a long quotation: "36 deaths have been found
    today. No other details are available") asserts what its first sentence says; a negation in a
    later sentence is another statement, and reading it as the claim's polarity would set the toll
    against its own repetitions as a denial.
    """
    end = len(text)
    for m in _SENTENCE_END.finditer(text):
        word = m.group(1)
        if m.group(2) == "." and (word.lower() in _ABBREVIATIONS or len(word) == 1):
            continue  # "Mr. Smith", "U.S. officials", "J. Smith": no sentence ends there
        end = m.start(2)
        break
    return _NEGATION.search(text[:end]) is not None


def vague(q: Quantity) -> bool:
    """An amount with only a floor and no figure ("thousands", "hundreds of buildings").

    It states an order of magnitude, not a figure: it stays in its series (a reader sees it on
    the timeline) but neither makes two reports one proposition nor contradicts a figure.
    """
    return q.value is None and q.high is None and not any(ch.isdigit() for ch in q.text)


def claim_item(claim: Claim, doc: DocItem, index: EntityIndex) -> ClaimItem:
    # the last hop that is not a relay; a wire's credit alone is the newsroom's own voice (an AP
    # copy stating a toll flatly), as the publishing outlet's is: it repeats, it does not originate
    text = doc.document.text
    hops = [h for h in claim.chain if h.cue != "credit" and not dateline(h, text)]
    origin = index.origin(
        [h for h in hops if not (misread_place(c := index.canonical(h.entity)) or cited_figure(c))]
    )
    if origin is not None and origin.type is EntityType.MEDIA_OUTLET and not origin.relay:
        # "The UN called for an inquiry, the BBC noted": the outlet passes on the UN's words
        origin = relayed_speaker(claim.content_text, index.all) or origin
    src_entity = claim.source.entity if claim.source else None
    source = index.canonical(src_entity) if src_entity is not None else None
    negative = (claim.stance is Stance.DENIED) != (claim.negated != negated_content(claim.content_text))
    item = ClaimItem(claim, doc, origin, source, negative)
    for pos, q in enumerate(claim.quantities):
        if q.measure is not None:
            typed = q.measure if q.measure.as_of is not None else replace(q.measure, as_of=doc.published)
            item.measures.append(Measured(pos, typed))
    return item


def dateline(hop: ChainLink, text: str) -> bool:
    """A hop read from a line's opening "X:" that names no speaker: a dateline ("New Delhi: The
    toll rose to 278", "Kherson: …") or a section label ("Odisha Train Accident: …", "Source: …").
    Outlets open paragraphs so; a speaker introduced by a colon at a line's start is a person
    written by full name ("Jane Smith: we will rebuild"), which stays a hop. Without this the
    place is the claim's origin, and every report from one capital counts as one more origin."""
    if hop.cue != ":" or hop.mention is None:
        return False
    start = hop.mention.start
    if start > 0 and text[start - 1 : start] not in ("\n", ""):
        return False
    e = hop.entity
    return not (e.type is EntityType.PERSON and not e.anonymous and len(e.name.split()) >= 2)


def misread_place(c: Canonical) -> bool:
    """A "person" that is a place: one word the places gazetteer knows, no role, and nobody's
    surname in the corpus ("he said", resolved to "Bhubaneshwar", a city the tagger read as a
    person). It speaks for no one; the claim is the outlet's, or the hop's before it. A surname
    that is also a town ("Green" of "Josh Green") is joined to its full name and stays."""
    if c.type is not EntityType.PERSON or c.anonymous or c.roles or len(c.name.split()) != 1:
        return False
    return _is_place(c.name)


#: Heads of a figure written as the subject of a speech verb ("the toll was put at 288").
_FIGURE_HEADS = frozenset(
    {"toll", "tolls", "figure", "figures", "number", "numbers", "count", "tally", "total"}
)


def cited_figure(c: Canonical) -> bool:
    """A hop that is a figure, not a speaker: "the toll was earlier put at 288", "the death toll
    stood at 115, it said", written in lower case with a figure's head noun. The claim is the
    outlet's (or the hop's before it), as a statement of the figure with no source is; "Red
    Crescent figures" (a body's, capitalised) is that body's (see :mod:`.roles`)."""
    if c.type is EntityType.PERSON or c.anonymous:
        return False
    head = re.split(r"\s+(?:of|in|from|for|on)\s+", c.name.strip())[
        0
    ]  # "the death toll of the floods in Derna"
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", head) if w.lower() not in {"the", "a", "an"}]
    return bool(words) and not any(w[:1].isupper() for w in words) and words[-1].lower() in _FIGURE_HEADS


@lru_cache(maxsize=4096)
def _is_place(name: str) -> bool:
    from ..places import default_places

    return default_places().lookup(name) is not None


def outlet_of(document: Document) -> str:
    return (document.outlet or "").strip() or f"document {document.id}"
