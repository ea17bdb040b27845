"""Credits written by layout, not grammar: transcript lines ("PENCE: …") and "“…” ― Jane Doe"."""

from __future__ import annotations

import re

from spacy.tokens import Span

from ...model import ClaimKind, SectionKind, Stance
from ...nlp import span_text
from ..drafts import Draft
from ..grammar import looks_like_source
from ..registry import Passage, finder
from ..spans import trim

# a transcript quoted paragraph by paragraph opens each line with a quotation mark: "WALLACE: …
_SPEAKER_LINE = re.compile(r"^[\"“]?((?:[A-Z][\w.’'-]*)(?:\s+[A-Z][\w.’'-]*){0,3}):[ \t]+(?=\S)")
# matched at a quotation's end with ``match(text, pos)``, which anchors it there
_DASH_CREDIT = re.compile(r"[ \t\u00a0]*[―—–][ \t\u00a0]*([^\n―—–]{2,80}?)[ \t\u00a0.]*(?=\n|$)")


@finder("speaker_lines", scope="block")
def speaker_lines(block_doc: Span, passage: Passage) -> list[Draft]:
    """Transcript lines in the body: "PENCE: Gennifer Flowers will not be attending …"."""
    if passage.section is not SectionKind.BODY:
        return []
    offset, text = passage.offset, passage.text
    raw = span_text(block_doc)
    m = _SPEAKER_LINE.match(raw)
    if not m or not (m.group(1).isupper() or looks_like_source(m.group(1), block_doc.doc, m.start(1))):
        return []
    if len(raw[m.end() :].split()) < 3:
        return []
    content = trim(offset + m.end(), offset + len(raw.rstrip()), text, " \t\n")
    if content is None:
        return []
    idx = m.end(1)
    draft = Draft(ClaimKind.DIRECT, (offset + idx, offset + idx + 1), ":", [content], Stance.ASSERTED)
    draft.source_span = (offset + m.start(1), offset + idx)
    draft.source_tokens = block_doc.doc.char_span(m.start(1), idx, alignment_mode="expand")
    return [draft]


@finder("dash_credits", scope="block")
def dash_credits(block_doc: Span, passage: Passage) -> list[Draft]:
    """A quotation credited after a dash, as in reader comments and tweets: "“…” ― Jane Doe"."""
    if passage.section is not SectionKind.BODY:
        return []
    offset, text = passage.offset, passage.text
    drafts = []
    doc = block_doc.doc
    # the block's text once, matched in place: a Span's text is rebuilt from its tokens on every
    # read, and slicing it per quotation made a quote-dense block quadratic (issue 18)
    raw = span_text(block_doc)
    for q in passage.quotes:
        rel = q.outer_end - offset
        m = _DASH_CREDIT.match(raw, rel)
        if not m or len(m.group(1).split()) > 6:
            continue
        dash = rel + m.group(0).find(next(ch for ch in m.group(0) if ch in "―—–"))
        name = trim(offset + m.start(1), offset + m.end(1), text)  # m's offsets are the block's
        if name is None:
            continue
        draft = Draft(
            ClaimKind.DIRECT, (offset + dash, offset + dash + 1), "―", [(q.start, q.end)], Stance.ASSERTED
        )
        draft.source_span = name
        draft.source_tokens = doc.char_span(name[0] - offset, name[1] - offset, alignment_mode="expand")
        draft.quotes = [q]
        drafts.append(draft)
    return drafts
