"""From parsed blocks to the claim ledger: an :class:`Extractor` built from named components.

::

    blocks ──► finders (per block, then per sentence) ──► steps (whole article) ──► claims
               headline_colon … learned                   merge, before_next_cue …    ledger

The finder and step lists are data (names in :mod:`reportedly.extract.registry`);
the learned models are passed in (:class:`Models`), never loaded inside
:meth:`Extractor.__call__`. :func:`extract` is the convenience that builds an
extractor with the shipped models, as ``reportedly.analyze`` does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Document, Ledger
from ..nlp import doc_text
from ..nlp.blocks import Block

# importing the components registers them
from . import finders as finder_modules  # noqa: F401
from . import merge as merge_module  # noqa: F401
from . import steps as step_modules  # noqa: F401
from .claims import ledger
from .drafts import Draft
from .encoder import EncoderTagger, WordTags, load_encoder
from .gazetteer import Gazetteer, load_gazetteer
from .learned import AttributionModel, BlockView, load_model
from .quotes import find_quotes
from .registry import Article, Passage, get_finder, get_step

#: the finders, in the order their drafts are kept when two read the same cue: block-wide
#: finders first, then, sentence by sentence, the sentence finders
FINDERS: tuple[str, ...] = (
    "headline_colon",
    "title_colon",
    "speaker_lines",
    "dash_credits",
    "credit_after",
    "verbs",
    "according_to",
    "non_statements",
    "citing",
    "tallies",
    "passives",
    "reportedly",
    "learned",
)
#: the steps, in order; ``merge`` comes first (one draft per cue, learned boundaries adopted)
STEPS: tuple[str, ...] = (
    "merge",
    "before_next_cue",
    "colon_closes",
    "after_dateline",
    "quote_runs_on",
    "full_stop",
    "cited_content",
    "lead_ins",
    "continue_quotes",
    "quote_resumes",
    "quote_follows",
)


@dataclass(frozen=True, slots=True)
class Models:
    """The learned models an extractor uses; none: the rules work alone."""

    attribution: AttributionModel | None = None  # the CRF cue and span taggers
    encoder: EncoderTagger | None = None  # the MiniLM whose reading feeds the CRFs' features

    @classmethod
    def shipped(cls) -> Models:
        """The models packaged with reportedly; ``REPORTEDLY_ENCODER=off`` (or another folder)
        is read here. The encoder is loaded only for CRFs trained on its reading."""
        attribution = load_model()
        needs_encoder = attribution is not None and attribution.meta.get("encoder_features")
        return cls(attribution, load_encoder() if needs_encoder else None)


class Extractor:
    """Finders, then steps, then claims, over the parsed blocks of one document.

    ``finders`` and ``steps`` are registered names (:data:`FINDERS`, :data:`STEPS` by
    default). CRFs trained on the encoder's reading are worse than the rules without it,
    so without the encoder they are left out and the rules work alone.
    """

    def __init__(
        self,
        models: Models | None = None,
        gazetteer: Gazetteer | None = None,
        *,
        finders: Sequence[str] = FINDERS,
        steps: Sequence[str] = STEPS,
    ) -> None:
        models = models or Models()
        attribution = models.attribution
        needs_encoder = attribution is not None and bool(attribution.meta.get("encoder_features"))
        if needs_encoder and models.encoder is None:
            attribution = None
        self.attribution = attribution
        self.encoder = models.encoder if needs_encoder else None
        self.gazetteer = gazetteer
        self.finders = [get_finder(name) for name in finders]
        self.steps = [get_step(name) for name in steps]

    def __call__(self, document: Document, blocks: list[Block], tags: WordTags | None = None) -> Ledger:
        """The ledger of one parsed document; ``tags`` is the encoder's reading if already made
        (:func:`reportedly.analyze_many` reads the next document while this one is parsed)."""
        article = self.article(document, blocks, tags)
        for step in self.steps:
            step.run(article)
        return ledger(document, blocks, article.drafts, self.gazetteer or load_gazetteer())

    def read(self, text: str) -> WordTags | None:
        """The encoder's reading of a whole text, which feeds the CRFs' features (see encoder.py)."""
        return self.encoder.tag(text) if self.encoder is not None else None

    def article(self, document: Document, blocks: list[Block], tags: WordTags | None = None) -> Article:
        """The drafts every finder found in every block, before the steps."""
        text = document.text
        if tags is None:
            tags = self.read(text)
        quotes = [find_quotes(doc_text(b.doc), b.offset) for b in blocks]  # the text joined once per block
        article = Article(document, blocks, quotes, model=self.attribution)
        for n, block in enumerate(blocks):
            view = None
            if self.attribution is not None:
                view = BlockView.of(block.doc, block.offset, block.section.value, tags)
                article.views[block.paragraph] = view
            passage = Passage(block, text, quotes[n], first=n == 0, model=self.attribution, view=view)
            article.drafts += self.find(passage)
        return article

    def find(self, passage: Passage) -> list[Draft]:
        """The drafts of one block: block-wide finders first, then sentence by sentence."""
        block = passage.block
        found: list[Draft] = []
        whole = block.doc[:]
        for f in self.finders:
            if f.scope == "block":
                found += _placed(f.find(whole, passage), block, whole)
        for sent in block.doc.sents:
            for f in self.finders:
                if f.scope == "sentence":
                    found += _placed(f.find(sent, passage), block, sent)
        return found


def _placed(drafts: list[Draft], block: Block, sent) -> list[Draft]:  # noqa: ANN001 - a spaCy Span
    for draft in drafts:
        draft.block, draft.sent = block, sent
    return drafts


def extract(
    document: Document, blocks: list[Block], gazetteer: Gazetteer | None = None, *, learned: bool = True
) -> Ledger:
    """The ledger of one document by the default extractor: the shipped models, or with
    ``learned=False`` the rules alone."""
    return Extractor(Models.shipped() if learned else Models(), gazetteer)(document, blocks)
