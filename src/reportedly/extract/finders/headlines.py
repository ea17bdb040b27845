"""Headline attribution by punctuation: "… in place but not in combat: Ukraine official", "Poll: …"."""

from __future__ import annotations

from spacy.tokens import Span

from ...model import ClaimKind, SectionKind, Stance
from ...nlp import doc_text
from ...nlp.blocks import Block
from ..drafts import Draft
from ..grammar import looks_like_source
from ..registry import Passage, finder
from ..spans import trim


@finder("headline_colon", scope="block")
def headline_colon(block: Span, passage: Passage) -> list[Draft]:
    """A headline, related headline or subheadline attributed by a colon."""
    return colon_reading(block, passage.offset, passage.text, passage.section)


@finder("title_colon", scope="block")
def title_colon(block: Span, passage: Passage) -> list[Draft]:
    """A title the layout could not tell from the body (it ends with a full stop, as PolNeAR's do):
    only its colon reading applies ("Poll: Clinton and Trump in dead heat")."""
    if passage.section is not SectionKind.BODY or not passage.first or not title_like(passage.block):
        return []
    return colon_reading(block, passage.offset, passage.text, passage.section, in_body=True)


def title_like(block: Block) -> bool:
    """A first paragraph short enough to be a title: one line, at most 25 words."""
    raw = doc_text(block.doc)
    return "\n" not in raw.strip() and len(raw.split()) <= 25


def colon_reading(
    block_doc: Span, offset: int, text: str, section: SectionKind, in_body: bool = False
) -> list[Draft]:
    """Headline attribution by punctuation: "… in place but not in combat: Ukraine official".

    ``in_body``: a title the layout read as body (it ends with a full stop). Title case makes
    every word look like a name, so only the short source-first reading applies ("Poll: …").
    """
    if not in_body and section not in {SectionKind.HEADLINE, SectionKind.RELATED, SectionKind.SUBHEADLINE}:
        return []
    raw = block_doc.text
    idx = raw.find(":") if in_body else raw.rfind(":")
    if idx <= 0:
        return []
    head, tail = raw[:idx], raw[idx + 1 :]
    tail_words = tail.split()
    head_words = head.split()
    doc = block_doc.doc if isinstance(block_doc, Span) else block_doc
    source_first = 0 < len(head_words) <= 4 and len(tail_words) >= 3
    if (
        not in_body
        and 0 < len(tail_words) <= 5
        and len(head_words) >= 3
        and looks_like_source(tail, doc, idx + 1)
    ):
        src = trim(offset + idx + 1, offset + len(raw.rstrip()), text)
        content = trim(offset, offset + idx, text)
        source_side = (idx + 1, len(raw.rstrip()))
    elif source_first and (
        looks_like_source(head, doc, 0)
        if not in_body
        # title case tags every word a proper noun: a phrase word ("Stealth Over Health:") rules
        # the head out, a capitalised noun the tagger missed ("Politifact:") lets it in
        else not _TITLE_PHRASE & {w.lower() for w in head_words}
        and (looks_like_source(head, doc, 0) or _title_name(head, doc))
    ):
        src = trim(offset, offset + idx, text)
        content = trim(offset + idx + 1, offset + len(raw.rstrip()), text)
        source_side = (0, idx)
    else:
        return []
    if src is None or content is None:
        return []
    draft = Draft(ClaimKind.HEADLINE, (offset + idx, offset + idx + 1), ":", [content], Stance.ASSERTED)
    toks = [t for t in doc if source_side[0] <= t.idx < source_side[1] and not t.is_space]
    if toks:
        draft.source_tokens = doc[toks[0].i : toks[-1].i + 1]
    draft.source_span = src
    return [draft]


# labels that open titles the way a source would ("The Latest: …", "Exclusive: …")
_TITLE_LABELS = frozenset(
    {"latest", "breaking", "update", "exclusive", "watch", "analysis", "opinion", "editorial"}
)


# words a title phrase has and a short name rarely does
_TITLE_PHRASE = frozenset(
    {"the", "a", "an", "over", "in", "on", "for", "to", "and", "with", "at", "by", "from", "about"}
)


def _title_name(head: str, doc) -> bool:
    """One to three capitalised words with no article or preposition: a name the tagger missed
    ("Politifact", "Sanders" tagged as common nouns in a title-case line)."""
    toks = [t for t in doc if t.idx < len(head) and not t.is_space and not t.is_punct]
    return (
        0 < len(toks) <= 3
        and all(t.text[:1].isupper() and t.pos_ in {"NOUN", "PROPN"} for t in toks)
        and not any(t.lower_ in _TITLE_LABELS for t in toks)
    )
