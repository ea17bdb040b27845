"""Cut a Document into blocks and parse them with spaCy.

Blocks are the units the parser sees: each headline, related headline and body
paragraph separately, because headlines carry no final full stop and spaCy
would otherwise run a headline into the next paragraph as one sentence. The
dateline ("TAIPEI, Taiwan –") is cut off the first paragraph for the same
reason: parsed as part of the sentence it becomes the subject.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from ..model import Document, SectionKind
from . import doc_text, load

#: Longest block handed to the parser, in characters. News paragraphs run to a
#: few hundred characters, rarely 3,000; a longer "paragraph" is a page without
#: line breaks or an adversarial text, and several steps (spaCy's parser, quote
#: pairing, candidate pairing inside a paragraph) grow faster than linearly with
#: block length. Cutting such blocks keeps the work per document linear in its
#: length and keeps spaCy's ``max_length`` (error E088) out of reach.
MAX_BLOCK_CHARS = 8_000
#: Most characters handed to spaCy in one batch (``nlp.pipe``), and most blocks.
#: A batch's arrays (tok2vec, NER) grow with all of its tokens, and past a few
#: tens of thousands of characters they cost more per token: a 2,000-fragment
#: paragraph parsed as one batch of eleven full blocks took 4.6x the parse time
#: of a 500-fragment one (three blocks) for 4.0x the tokens, in batches of at most
#: this many characters 3.9x (BENCHMARKS.md, "Quote-dense paragraph"). News
#: paragraphs average some 220 characters, so an ordinary batch of 64 of them
#: fits; a long document is parsed two full blocks at a time, which also bounds
#: the memory of one parser call. The parses are the same whatever the batch.
MAX_BATCH_CHARS = 2 * MAX_BLOCK_CHARS
MAX_BATCH_BLOCKS = 64
#: Longest run of text without a sentence end handed to the parser as one block. Such a run is
#: one "sentence" to every step after the parser, and a sentence's steps (a reporting verb's
#: clause, its content's stance and hedge patterns, the verbs finder's walk) read it once per
#: cue: 10,000 unbalanced quotation marks (no full stop anywhere) made 8,000-character sentences
#: with some 650 cues each, and the analysis ran past its 120 s (issue 18). News sentences run to
#: a few hundred characters; none of the PolNeAR dev texts, the seed article or the story dev
#: articles has a run over 1,200 (BENCHMARKS.md, "Round 12: hostile input"), so they are cut as before.
MAX_RUN_CHARS = 2_000
#: Where a cut prefers to fall: after a sentence end, then at any white space.
_SENTENCE_END = re.compile(r"[.!?…][\"”’»)]*\s+")
_SPACE = re.compile(r"\s+")
#: What no sentence opens with: after "Oct. 7" or "e.g. the" a full stop ends no sentence.
_GOES_ON = re.compile(r"[a-z0-9]")
#: Longest unfinished tail read as one cut sentence; a longer run without a sentence end is a
#: page without punctuation, parsed as it is (test_hostile_blocks).
CUT_TAIL_CHARS = 600

_MARKER = re.compile(
    r"^\s*(related( stories| articles| coverage)?|read more|see also|more from\b.*)\s*:?\s*$", re.I
)


@dataclass(slots=True)
class Block:
    """A parsed unit of text; token ``t`` sits at document offset ``offset + t.idx``."""

    section: SectionKind
    offset: int
    doc: Doc
    paragraph: int  # index among the document's blocks, in text order

    @property
    def end(self) -> int:
        # the doc's text joined once (``Doc.text`` rebuilds it from every token on each read)
        return self.offset + len(doc_text(self.doc))


def block_spans(document: Document) -> list[tuple[SectionKind, int, int]]:
    """(section, start, end) of every block, in text order, trimmed of surrounding white space."""
    text = document.text
    spans: list[tuple[SectionKind, int, int]] = []
    for sec in document.sections:
        if sec.kind is SectionKind.BODY:
            continue
        if _MARKER.match(text[sec.start : sec.end]):
            continue
        spans.append((sec.kind, sec.start, sec.end))
    paragraphs = [(p.start, p.end) for p in document.paragraphs]
    if not paragraphs and not spans:
        paragraphs = [(m.start(), m.end()) for m in re.finditer(r"\S(?:.*?\S)?(?=\n\s*\n|\s*\Z)", text, re.S)]
    dateline_end = document.meta.get("dateline_end")
    for start, end in paragraphs:
        if isinstance(dateline_end, int) and start <= dateline_end < end:
            start = dateline_end
        spans.append((SectionKind.BODY, start, end))
    out = []
    for kind, start, end in sorted(spans, key=lambda s: s[1]):
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.extend(
                (kind, s, e) for a, b in split_runs(text, start, end) for s, e in split_long(text, a, b)
            )
    return _without_cut_tail(text, out)


#: Fewest words after a document's last sentence end that make a cut sentence rather than a sign-off.
CUT_TAIL_WORDS = 8

#: A last word that is a whole figure ("2,445", "14", "3.5") ends the text as it is: a page may lack
#: its final stop, and dropping the figure loses the claim's number.
_WHOLE_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")


def _without_cut_tail(
    text: str, spans: list[tuple[SectionKind, int, int]]
) -> list[tuple[SectionKind, int, int]]:
    """The blocks without the half word a collector's length limit left at the end of the text.

    Pages are collected with a length limit, and one ended "… Hamas terrorists who killed 1,400
    Israe": parsed, the fragment gave the count "1,400 Israe", and another "… official, Herman
    Anday" would give a person of that name. When the text's last body paragraph (of two or more)
    ends in a letter or digit, with no sentence punctuation, and runs on for CUT_TAIL_WORDS words
    or more after its last sentence end, the sentence was cut: its last word may be a piece of
    one, and the block stops before it, unless it is a whole figure ("… has risen to 2,445"): a
    page may simply lack its final stop. The rest of the sentence is read (its speaker and cue are
    whole: the story corpora's gold counts such claims). The text itself is kept whole: offsets
    and evidence spans do not move."""
    body = [i for i, (kind, _, _) in enumerate(spans) if kind is SectionKind.BODY]
    if len(body) < 2 or body[-1] != len(spans) - 1:
        return spans
    kind, start, end = spans[-1]
    if end != len(text.rstrip()) or not text[end - 1].isalnum():
        return spans
    ends = [m for m in _SENTENCE_END.finditer(text, start, end) if not _GOES_ON.match(text, m.end())]
    tail = ends[-1].end() if ends else start
    if len(text[tail:end].split()) < CUT_TAIL_WORDS or end - tail > CUT_TAIL_CHARS:
        return spans
    cut = end
    while cut > tail and not text[cut - 1].isspace():  # back over the last word
        cut -= 1
    if _WHOLE_NUMBER.fullmatch(text, cut, end):
        return spans  # "… has risen to 2,445": a page without its final stop, not a word cut in two
    while cut > start and (text[cut - 1].isspace() or text[cut - 1] in ",;:-–—"):
        cut -= 1
    return spans[:-1] + [(kind, start, cut)]


def split_runs(text: str, start: int, end: int, limit: int = MAX_RUN_CHARS) -> list[tuple[int, int]]:
    """Cut every run of more than ``limit`` characters without a sentence end out of
    ``text[start:end]``, in pieces of at most ``limit`` characters cut at white space (else
    hard); the text around such runs stays whole. A span without such a run comes back as it is.
    """
    pieces: list[tuple[int, int]] = []
    piece = last = start  # where the current piece starts, and the last sentence end
    for at in [*(m.end() for m in _SENTENCE_END.finditer(text, start, end)), end]:
        while at - last > limit:
            cut = 0
            for m in _SPACE.finditer(text, last + limit // 2, last + limit):
                cut = m.end()
            cut = cut or last + limit
            piece_end = cut
            while piece_end > piece and text[piece_end - 1].isspace():
                piece_end -= 1
            if piece_end > piece:
                pieces.append((piece, piece_end))
            while cut < end and text[cut].isspace():
                cut += 1
            piece = last = cut
        last = max(last, at)
    if end > piece:
        pieces.append((piece, end))
    return pieces


def split_long(text: str, start: int, end: int, limit: int = MAX_BLOCK_CHARS) -> list[tuple[int, int]]:
    """Cut ``text[start:end]`` into pieces of at most ``limit`` characters.

    A cut falls after the last sentence end in the window, else at the last
    white space, else (a single "word" longer than the limit) at the limit
    itself. Pieces are trimmed of white space; short spans come back whole.
    """
    pieces: list[tuple[int, int]] = []
    while end - start > limit:
        window = text[start : start + limit]
        cut = 0
        for m in _SENTENCE_END.finditer(window, limit // 2):
            cut = m.end()
        if not cut:
            for m in _SPACE.finditer(window, limit // 2):
                cut = m.end()
        if not cut:
            cut = limit
        piece_end = start + cut
        while piece_end > start and text[piece_end - 1].isspace():
            piece_end -= 1
        if piece_end > start:
            pieces.append((start, piece_end))
        start += cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        pieces.append((start, end))
    return pieces


def batches(
    texts: Iterable[str], max_chars: int = MAX_BATCH_CHARS, max_texts: int = MAX_BATCH_BLOCKS
) -> Iterator[list[str]]:
    """Consecutive runs of ``texts``, in order, each of at most ``max_texts`` texts and
    ``max_chars`` characters in all (a text longer than that alone)."""
    batch: list[str] = []
    size = 0
    for text in texts:
        if batch and (size + len(text) > max_chars or len(batch) >= max_texts):
            yield batch
            batch, size = [], 0
        batch.append(text)
        size += len(text)
    if batch:
        yield batch


def parse_blocks(
    document: Document, nlp: Language | None = None, batch_size: int = MAX_BATCH_BLOCKS
) -> list[Block]:
    """Parse every block of one document."""
    return next(iter(parse_many([document], nlp, batch_size)))


def parse_many(
    documents: Iterable[Document],
    nlp: Language | None = None,
    batch_size: int = MAX_BATCH_BLOCKS,
    batch_chars: int = MAX_BATCH_CHARS,
) -> Iterator[list[Block]]:
    """Parse the blocks of many documents in one spaCy stream (faster than one call per document),
    in batches of at most ``batch_size`` blocks and ``batch_chars`` characters (:func:`batches`)."""
    nlp = nlp or load()
    docs = list(documents)
    plan = [block_spans(d) for d in docs]
    texts = (d.text[s:e] for d, spans in zip(docs, plan, strict=True) for _, s, e in spans)
    parsed = (
        doc
        for batch in batches(texts, batch_chars, batch_size)
        for doc in nlp.pipe(batch, batch_size=len(batch))
    )
    for spans in plan:
        yield [Block(kind, start, next(parsed), i) for i, (kind, start, _) in enumerate(spans)]
