"""Claims from reports in other languages than English, as the same typed ledger.

``analyze_many`` asks :func:`language_of` for each document's language (kept in
``Document.meta["language"]``, so the store, the CLI and the API show it) and
hands Korean, Russian and Ukrainian documents to :func:`extract_foreign`
instead of the English spaCy pipeline, which stays exactly as it is. Each
language's module turns sentences into the same :class:`~reportedly.model.Claim`
objects (sources, chains, stances, quantities, times with exact offsets), so
everything downstream works unchanged. See docs/languages.md.
"""

from __future__ import annotations

from ..model import Document, Ledger
from .detect import SUPPORTED, detect_language

__all__ = ["SUPPORTED", "detect_language", "extract_foreign", "has_extractor", "language_of"]


def language_of(document: Document) -> str:
    """The document's language: the one it was given (``meta["language"]``), else detected and kept."""
    lang = document.meta.get("language")
    if not lang:
        lang = detect_language(document.text)
        document.meta["language"] = lang
    return str(lang)


def has_extractor(language: str) -> bool:
    """Whether a language other than English has an extractor of its own."""
    return language in _EXTRACTORS


def extract_foreign(document: Document) -> Ledger:
    """The ledger of a document in one of the languages of :func:`has_extractor`."""
    import importlib

    module = importlib.import_module(f".{_EXTRACTORS[language_of(document)]}", __name__)
    return module.extract(document)


#: language code → module of this package with an ``extract(document) -> Ledger``
_EXTRACTORS: dict[str, str] = {"ko": "ko", "ru": "ru", "uk": "uk"}
