"""reportedly: news articles in, an auditable ledger of attributed claims out.

The Python API is the product; the CLI and the web API are thin skins over it::

    import reportedly
    ledger = reportedly.analyze(text, published="2024-11-20")
    for claim in ledger.claims:
        print(claim.source.entity.name if claim.source else "-", claim.stance, claim.content_text)

    from reportedly.store import Store
    report = reportedly.ingest_into(Store("news.db"), ["articles/"], timeout=120)
    print(len(report.stored), "stored,", len(report.skipped), "already there,", len(report.errors), "errors")
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from .ingesting import IngestReport, ingest_into
from .model import Claim, ClaimKind, Document, Entity, EntityType, Ledger, SectionKind, Stance

if TYPE_CHECKING:
    from spacy.language import Language

__version__ = "0.1.0"
__all__ = [
    "Claim",
    "ClaimKind",
    "Document",
    "Entity",
    "EntityType",
    "IngestReport",
    "Ledger",
    "SectionKind",
    "Stance",
    "analyze",
    "analyze_document",
    "analyze_many",
    "ingest_into",
]


def analyze(
    text: str,
    *,
    published: date | datetime | str | None = None,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
) -> Ledger:
    """Analyse one article given as plain text and return its claim ledger."""
    from .ingest.layout import parse_layout

    document = parse_layout(text, title=title, url=url, outlet=outlet, published=published)
    return analyze_document(document)


def warm_up() -> None:
    """Load spaCy and the learned models now rather than inside the first document's analysis.

    Loading takes seconds (torch, the encoder, the CRFs); a per-document time
    limit such as ``ingest --timeout`` must measure analysis, not start-up.
    """
    from .extract import Models
    from .nlp import load

    load()
    models = Models.shipped()
    if models.encoder is not None:
        models.encoder.tag("Warming up, the tagger said.")


def analyze_document(document: Document, nlp: Language | None = None) -> Ledger:
    """Analyse a Document that ingest already built (from HTML, a feed, JSONL …)."""
    return next(iter(analyze_many([document], nlp)))


def analyze_many(documents, nlp: Language | None = None):  # noqa: ANN001, ANN201 - iterable in, iterator out
    """Analyse many documents, streaming the English ones through spaCy in batches.

    Each document's language is detected first and kept in ``meta["language"]``;
    Korean, Russian and Ukrainian documents go to their own extractors
    (:mod:`reportedly.languages`), the rest to the English pipeline, in input order.
    """
    from .languages import extract_foreign, has_extractor, language_of

    docs = list(documents)
    foreign = [has_extractor(language_of(d)) for d in docs]
    english = _english((d for d, f in zip(docs, foreign, strict=True) if not f), nlp)
    for document, other in zip(docs, foreign, strict=True):
        yield extract_foreign(document) if other else next(english)


def _english(documents, nlp: Language | None = None):  # noqa: ANN001, ANN202 - iterable in, iterator out
    from .extract import Extractor, Models
    from .nlp.blocks import parse_many

    docs = list(documents)
    if not docs:
        return
    extractor = Extractor(Models.shipped())
    for document, blocks in zip(docs, parse_many(docs, nlp), strict=True):
        yield extractor(document, blocks)
