"""Named components of extraction: finders and steps, registered by name.

In the spirit of spaCy's registered factories, an :class:`~.extractor.Extractor`
is built from names, so its pipeline is data::

    @finder("according_to")
    def according_to(sent: Span, passage: Passage) -> list[Draft]: ...

    @step("colon_closes")
    def colon_closes(article: Article) -> None: ...

A **finder** reads one passage (a sentence, or a whole block with
``scope="block"``) and returns drafts; it never sees other passages. A
**step** reads and rewrites the drafts of the whole article (``article.drafts``,
in text order by block), so it may look across paragraphs.

This module imports no component: the components import it, and
:mod:`reportedly.extract.finders` and :mod:`reportedly.extract.steps` import
them all, so registration runs once, in one direction.
"""

from __future__ import annotations

from collections.abc import Callable, Container
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Span, Token

from ..model import Document, SectionKind
from .drafts import Draft
from .quotes import Quote
from .spans import Ranges, Subtrees

if TYPE_CHECKING:
    from ..nlp.blocks import Block
    from .learned import AttributionModel, BlockView

Scope = Literal["sentence", "block"]
FindFn = Callable[[Span, "Passage"], list[Draft]]
StepFn = Callable[["Article"], None]


@dataclass(slots=True)
class Passage:
    """What a finder sees: one parsed block of the article, its quotations and the learned model.

    ``first``: the block is the article's first (a title the layout took for body).
    ``model``/``view``: the learned taggers and the block's token arrays, or ``None``
    when the rules work alone.
    """

    block: Block
    text: str
    quotes: list[Quote]
    first: bool = False
    model: AttributionModel | None = None
    view: BlockView | None = None
    # built on first use, once per block, for the finders of all its sentences (issue 18)
    _quote_ranges: Ranges | None = field(default=None, init=False, repr=False, compare=False)
    _outer_ranges: Ranges | None = field(default=None, init=False, repr=False, compare=False)
    _subtrees: Subtrees | None = field(default=None, init=False, repr=False, compare=False)
    _words: dict[str, list[str]] = field(default_factory=dict, init=False, repr=False, compare=False)

    @property
    def offset(self) -> int:
        return self.block.offset

    @property
    def quote_ranges(self) -> Ranges:
        """The quotations' ``(start, end)`` (inside the marks), searchable by position."""
        if self._quote_ranges is None:
            self._quote_ranges = Ranges([(q.start, q.end) for q in self.quotes])
        return self._quote_ranges

    @property
    def outer_ranges(self) -> Ranges:
        """The quotations' ``(outer_start, outer_end)`` (marks included), searchable by position."""
        if self._outer_ranges is None:
            self._outer_ranges = Ranges([(q.outer_start, q.outer_end) for q in self.quotes])
        return self._outer_ranges

    def in_quote(self, pos: int) -> bool:
        """Whether a quotation's text (inside the marks) holds document offset ``pos``."""
        return bool(self.quote_ranges.holding(pos, pos + 1))

    @property
    def subtrees(self) -> Subtrees:
        """Every token's subtree in the block's parse as an interval of one walk."""
        if self._subtrees is None:
            self._subtrees = Subtrees(self.block.doc)
        return self._subtrees

    @property
    def section(self) -> SectionKind:
        return self.block.section

    def tokens_with(self, sent: Span, attr: Literal["lower", "lemma"], words: Container[str]) -> list[Token]:
        """The tokens of ``sent``, in order, whose ``Token.lower_`` (``attr`` "lower") or lower-cased
        ``Token.lemma_`` ("lemma") is one of ``words``.

        A finder that looks for a few words walked every token of every sentence, a ``Token``
        object each (some 80,000 per finder over the 84 PolNeAR dev texts); the block's words are
        read once as an array, shared by every finder, and only the tokens found are built.
        """
        if sent.doc is not self.block.doc:  # a span of some other doc: its own tokens
            return [t for t in sent if (t.lower_ if attr == "lower" else t.lemma_.lower()) in words]
        found = self._words.get(attr)
        if found is None:
            doc = self.block.doc
            strings = doc.vocab.strings
            ids = doc.to_array(LOWER if attr == "lower" else LEMMA).tolist() if len(doc) else []
            found = [strings[i] if attr == "lower" else strings[i].lower() for i in ids]
            self._words[attr] = found
        doc = sent.doc
        return [doc[i] for i in range(sent.start, sent.end) if found[i] in words]


@dataclass(slots=True)
class Article:
    """What a step sees: the whole document, its blocks and every draft found so far."""

    document: Document
    blocks: list[Block]
    quotes: list[list[Quote]]  # per block, in the order of ``blocks``
    drafts: list[Draft] = field(default_factory=list)
    model: AttributionModel | None = None
    views: dict[int, BlockView] = field(default_factory=dict)  # by block paragraph, with a model

    @property
    def text(self) -> str:
        return self.document.text

    def by_block(self) -> list[tuple[Block, list[Draft]]]:
        """The drafts grouped by the block they were found in, blocks in text order."""
        groups: dict[int, tuple[Block, list[Draft]]] = {}
        for draft in self.drafts:
            assert draft.block is not None, "every draft is placed in its block when found"
            groups.setdefault(draft.block.paragraph, (draft.block, []))[1].append(draft)
        return list(groups.values())

    def quotes_of(self, block: Block) -> list[Quote]:
        """The quotations of one block."""
        return self.quotes[next(i for i, b in enumerate(self.blocks) if b is block)]


@dataclass(frozen=True, slots=True)
class Finder:
    name: str
    scope: Scope
    find: FindFn


@dataclass(frozen=True, slots=True)
class Step:
    name: str
    run: StepFn


FINDERS: dict[str, Finder] = {}
STEPS: dict[str, Step] = {}


def finder(name: str, *, scope: Scope = "sentence") -> Callable[[FindFn], FindFn]:
    """Register a finder under ``name``; ``scope="block"`` hands it the whole block at once."""

    def register(fn: FindFn) -> FindFn:
        if name in FINDERS:
            raise ValueError(f"a finder named {name!r} is already registered")
        FINDERS[name] = Finder(name, scope, fn)
        return fn

    return register


def step(name: str) -> Callable[[StepFn], StepFn]:
    """Register a step under ``name``."""

    def register(fn: StepFn) -> StepFn:
        if name in STEPS:
            raise ValueError(f"a step named {name!r} is already registered")
        STEPS[name] = Step(name, fn)
        return fn

    return register


def get_finder(name: str) -> Finder:
    try:
        return FINDERS[name]
    except KeyError:
        raise KeyError(f"no finder named {name!r}; registered: {', '.join(sorted(FINDERS))}") from None


def get_step(name: str) -> Step:
    try:
        return STEPS[name]
    except KeyError:
        raise KeyError(f"no step named {name!r}; registered: {', '.join(sorted(STEPS))}") from None
