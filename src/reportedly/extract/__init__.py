"""Extraction: parsed blocks in, the claim ledger out.

``Extractor`` runs registered finders and steps (``registry.py``) with the models it is
given; ``extract`` is the same with the shipped models. See docs/architecture.md.

The names below load on first use: the encoder's trainer imports ``extract.encoder`` on
machines without spaCy, so importing this package must not import the extractor.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .extractor import FINDERS, STEPS, Extractor, Models, extract

__all__ = ["FINDERS", "STEPS", "Extractor", "Models", "extract"]


def __getattr__(name: str) -> Any:  # noqa: ANN401 - whichever of the names above
    if name in __all__:
        from . import extractor

        return getattr(extractor, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
