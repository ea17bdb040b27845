"""Russian: natasha's sentences and named entities, pymorphy3's lemmas, the shared Cyrillic rules.

natasha ships its embeddings, NER and morphology models inside its packages (navec, slovnet):
nothing is downloaded. The named entities name the people in a source phrase
("глава района Владимир Петров" → Владимир Петров, in the nominative).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..model import Document, Ledger
from .common import build_ledger
from .cyrillic import Cyrillic
from .cyrillic_lexicon import load_lexicon, person_nominative

code = "ru"

#: the words and patterns of lexicons/ru.toml
LEXICON = load_lexicon("ru")


@lru_cache(maxsize=1)
def _natasha() -> tuple[Any, Any]:
    # natasha's MorphVocab goes through pymorphy2 and pkg_resources; names are put in the
    # nominative with pymorphy3 instead
    from natasha import NewsEmbedding, NewsNERTagger, Segmenter

    return Segmenter(), NewsNERTagger(NewsEmbedding())


@lru_cache(maxsize=256)
def named_entities(text: str) -> list[tuple[int, int, str, str]]:
    """natasha's PER / ORG / LOC spans of a sentence: (start, end, type, name in the nominative)."""
    from natasha import Doc

    segmenter, ner_tagger = _natasha()
    doc = Doc(text)
    doc.segment(segmenter)
    doc.tag_ner(ner_tagger)
    out = []
    for span in doc.spans:
        normal = person_nominative("ru", span.text.split()) if span.type == "PER" else span.text
        out.append((span.start, span.stop, span.type, normal))
    return out


def split(paragraph: str) -> list[tuple[int, int]]:
    """razdel's sentences (natasha's segmenter) of a paragraph."""
    from razdel import sentenize

    return [(s.start, s.stop) for s in sentenize(paragraph)]


def reader() -> Cyrillic:
    return Cyrillic(LEXICON, split, named_entities)


def extract(document: Document) -> Ledger:
    """The claim ledger of a Russian document."""
    return build_ledger(document, reader())
