"""Helpers for the extraction unit tests: a short text as passages, a finder's drafts, a stub model."""

from __future__ import annotations

from dataclasses import dataclass, field

from reportedly.extract import Extractor, Models
from reportedly.extract.drafts import Draft
from reportedly.extract.learned import BlockView, Relation
from reportedly.extract.quotes import find_quotes
from reportedly.extract.registry import Article, Passage, get_finder
from reportedly.ingest.layout import parse_layout
from reportedly.model import Ledger
from reportedly.nlp.blocks import Block, parse_many

PUBLISHED = "2024-11-20"


def blocks_of(text: str, published: str = PUBLISHED) -> tuple[object, list[Block]]:
    """The document and parsed blocks of ``text`` (layout as ``reportedly.analyze`` reads it)."""
    document = parse_layout(text, published=published)
    return document, next(iter(parse_many([document])))


def passages(text: str) -> list[Passage]:
    """Each block of ``text`` as a finder sees it, without a learned model."""
    _, blocks = blocks_of(text)
    return [Passage(b, text, find_quotes(b.doc.text, b.offset), first=n == 0) for n, b in enumerate(blocks)]


def found(name: str, text: str) -> list[Draft]:
    """What the finder registered as ``name`` finds in ``text``, passage by passage."""
    f = get_finder(name)
    out: list[Draft] = []
    for passage in passages(text):
        spans = [passage.block.doc[:]] if f.scope == "block" else list(passage.block.doc.sents)
        for span in spans:
            out += f.find(span, passage)
    return out


def spans(text: str, draft: Draft) -> dict[str, object]:
    """A draft's cue, source and content as text, for asserting on."""
    return {
        "cue": text[slice(*draft.cue)],
        "source": text[slice(*draft.source_span)] if draft.source_span else None,
        "content": [text[a:b] for a, b in draft.content],
    }


def article(text: str, finders: tuple[str, ...], models: Models | None = None) -> Article:
    """The article after the named finders, before any step."""
    document, blocks = blocks_of(text)
    return Extractor(models, finders=finders, steps=()).article(document, blocks)


def run(
    text: str, *, finders: tuple[str, ...] | None = None, steps: tuple[str, ...], models: Models | None = None
) -> Ledger:
    """The ledger of ``text`` by an extractor with the given steps (and finders), rules alone by default."""
    document, blocks = blocks_of(text)
    options = {"steps": steps} | ({"finders": finders} if finders is not None else {})
    return Extractor(models, **options)(document, blocks)


@dataclass
class StubModel:
    """An attribution model that 'tags' what it is told: relations given as words of the text.

    ``relations`` maps a block's first word to (cue words, source words, content words);
    each word is matched to the first token with that text.
    """

    relations: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)
    meta: dict[str, object] = field(default_factory=dict)

    def predict(self, view: BlockView) -> list[Relation]:
        doc = view.doc
        out = []
        for cue, source, content in self.relations.get(doc[0].text, []):
            out.append(Relation(_find(doc, cue), _find(doc, source), [_find(doc, content)]))
        return out

    def lead_in(self, view: BlockView) -> Relation | None:
        return None


def _find(doc, words: str) -> list[int]:  # noqa: ANN001 - a spaCy Doc
    """Token indices of the first run of tokens spelling ``words`` ('' for none)."""
    if not words:
        return []
    want = words.split()
    for i in range(len(doc)):
        if [t.text for t in doc[i : i + len(want)]] == want:
            return list(range(i, i + len(want)))
    raise ValueError(f"{words!r} not in {doc.text!r}")
