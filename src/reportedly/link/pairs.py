"""A learned judge of whether two claims of different documents state one proposition.

The hand rules of :mod:`reportedly.link.clusters` (a cosine bar with a share of words, a lower
bar for one named voice, a quotation inside another) were tuned story by story and carry
poorly to stories nobody tuned on. This module reads the same evidence as features of a claim
pair (sentence cosine, shared and rare shared words, quotation overlap, numbers, voices,
stance, kinds, days apart, lengths, and whether the hand rule fires) and weighs it with a
logistic model fitted on the development stories' gold propositions
(``benchmarks/train_pairs.py``, judged leave-one-story-out). At run time it is one dot product:
the weights are package data (``data/models/pairs.json``), no learning library is imported.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import numpy as np

from .corpus import ClaimItem
from .embed import STOPWORDS, words

#: The features of a pair, in the order of the model's weights.
FEATURES = (
    "cos",
    "jaccard",
    "overlap",
    "rare",
    "quote",
    "rule",
    "numerals_apart",
    "numerals_shared",
    "one_figure",
    "same_voice",
    "two_voices",
    "same_source",
    "same_stance",
    "blame_same",
    "blame_apart",
    "both_outlet",
    "one_outlet",
    "both_direct",
    "days",
    "short",
    "long",
    # round 14: evidence that reads the same in every story (no story's vocabulary or pace)
    "same_origin",
    "values_shared",
    "values_apart",
    "dates_shared",
    "dates_apart",
    "names_shared",
)
#: The features of the round-9 model (``pairs.json`` up to round 13): a model names the features
#: it weighs (:attr:`PairModel.features`), any subset of :data:`FEATURES` in that order.
ROUND9_FEATURES = FEATURES[:21]
#: Pairs under this cosine are never compared by the model (its probability is taken as 0): they
#: are the bulk of a story's pairs and none of the gold's paraphrases lies that low.
FLOOR = 0.3
#: Zipf frequency under which a shared word counts as rare ("Kakhovka", "breach"; not "people").
RARE_ZIPF = 4.5

_TOKEN = re.compile(r"[a-z][a-z'-]+")
#: A word of a text, in order (:func:`names` keeps the capitalised ones past the first).
_WORD = re.compile(r"\b[A-Za-z][A-Za-z'-]*")


@dataclass(frozen=True, slots=True)
class PairModel:
    """A logistic model over :data:`FEATURES`: standardised features, weights, a bias and the
    probability a text link needs (``threshold``, chosen leave-one-story-out)."""

    weights: np.ndarray
    bias: float
    mean: np.ndarray
    scale: np.ndarray
    threshold: float
    #: How far under ``threshold`` the average probability between two clusters may be for a link
    #: to join them (average linkage: one likely pair must not chain a topic together).
    slack: float = 0.05
    #: Whether two different named voices are left to the hand rule: the model links them only
    #: where the rule does (each voice is an origin; the model must not gather speakers).
    voices_apart: bool = False
    #: Whether a model link may join two clusters whose named voices are all different: off, each
    #: cluster keeps its speakers, and only a hand-rule link gathers two speakers' words. A bigger
    #: cluster must not count several speakers' statements as the independent origins of one.
    keep_voices: bool = False
    #: Whether a model link may join a cluster held together by one figure (a figure link) with a
    #: cluster none of whose claims states a figure of that series: off, a stated figure's cluster
    #: takes no statement beside it ("the disaster of the century" beside the speaker's toll).
    keep_figures: bool = False
    features: tuple[str, ...] = FEATURES

    def probability(self, x: np.ndarray) -> np.ndarray:
        """P(one proposition) for feature rows ``x`` (shape (n, len(FEATURES)) or (len(FEATURES),)):
        the model reads its own :attr:`features` of each row."""
        if self.features != FEATURES:
            x = x[..., columns(self.features)]
        z = ((x - self.mean) / self.scale) @ self.weights + self.bias
        return 1.0 / (1.0 + np.exp(-z))

    def to_json(self) -> dict:
        return {
            "features": list(self.features),
            "weights": [round(float(w), 6) for w in self.weights],
            "bias": round(float(self.bias), 6),
            "mean": [round(float(v), 6) for v in self.mean],
            "scale": [round(float(v), 6) for v in self.scale],
            "threshold": round(float(self.threshold), 4),
            "slack": round(float(self.slack), 4),
            "voices_apart": self.voices_apart,
            "keep_voices": self.keep_voices,
            "keep_figures": self.keep_figures,
        }

    @classmethod
    def from_json(cls, data: dict) -> PairModel:
        names = tuple(data["features"])
        if any(f not in FEATURES for f in names) or list(names) != sorted(names, key=FEATURES.index):
            raise ValueError(f"pair model features {names} are not a subset of this version's {FEATURES}")
        return cls(
            weights=np.asarray(data["weights"], dtype=np.float64),
            bias=float(data["bias"]),
            mean=np.asarray(data["mean"], dtype=np.float64),
            scale=np.asarray(data["scale"], dtype=np.float64),
            threshold=float(data["threshold"]),
            slack=float(data.get("slack", 0.05)),
            voices_apart=bool(data.get("voices_apart", False)),
            keep_voices=bool(data.get("keep_voices", False)),
            keep_figures=bool(data.get("keep_figures", False)),
            features=names,
        )


@cache
def columns(names: tuple[str, ...]) -> list[int]:
    """The positions of ``names`` in a full feature row (:data:`FEATURES`)."""
    return [FEATURES.index(f) for f in names]


@cache
def packaged_model() -> PairModel | None:
    """The shipped pair model, or None where the package carries none (the hand rules then link)."""
    path = resources.files("reportedly") / "data" / "models" / "pairs.json"
    if not path.is_file():
        return None
    return PairModel.from_json(json.loads(path.read_text(encoding="utf-8")))


@lru_cache(maxsize=200_000)
def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


def rare_words(text: str) -> frozenset[str]:
    """The content's rare words (Zipf frequency under :data:`RARE_ZIPF`), lower-cased, unstemmed."""
    out = set()
    for w in _TOKEN.findall(text.lower().replace("’", "'")):
        w = w.strip("'-")
        if len(w) >= 3 and w not in STOPWORDS and _zipf(w) < RARE_ZIPF:
            out.add(w)
    return frozenset(out)


@dataclass(slots=True)
class PairView:
    """What the features read of one claim, computed once per claim."""

    bag: frozenset[str]
    rare: frozenset[str]
    numerals: frozenset[str]
    grams: frozenset[tuple[str, ...]]
    voice: str | None
    source: str | None
    figures: bool
    stance: str
    kind: str
    day: int | None
    size: int
    blame: str | None = None  # the blame proposition the claim stands in (``link.blame``), if any
    origin: str | None = None  # who the claim comes from at the end of its chain (a canonical key)
    values: frozenset[float] = frozenset()  # its numbers as values ("five" and "5" are one)
    dates: frozenset[str] = frozenset()  # the days, months or intervals its time expressions resolve to
    names: frozenset[str] = frozenset()  # capitalised words past the content's first, lower-cased


def pair_view(
    it: ClaimItem,
    numerals: frozenset[str],
    grams: frozenset[tuple[str, ...]],
    voice: str | None,
    blame: str | None = None,
) -> PairView:
    published = it.doc.published
    return PairView(
        bag=frozenset(words(it.statement)),
        rare=rare_words(it.statement),
        numerals=numerals,
        grams=grams,
        voice=voice,
        source=it.source.key if it.source is not None else None,
        figures=bool(it.measures),
        stance=it.claim.stance.value,
        kind=it.claim.kind.value,
        day=published.toordinal() if published is not None else None,
        size=len(set(words(it.text))),
        blame=blame,
        origin=it.origin.key if it.origin is not None else None,
        values=frozenset(
            float(v)
            for q in it.claim.quantities
            if not q.attribute
            for v in (q.value, q.low, q.high)
            if v is not None
        ),
        dates=frozenset(t.resolved for t in it.claim.times if t.resolved),
        names=names(it.statement),
    )


def names(text: str) -> frozenset[str]:
    """The capitalised words of a text but its first (a sentence's first word is capitalised
    whatever it is): the names of people, places and bodies, in any story, without a list."""
    found = _WORD.findall(text)[1:]
    return frozenset(w.lower() for w in found if w[0].isupper() and len(w) > 1 and w.lower() not in STOPWORDS)


def pair_features(a: PairView, b: PairView, cos: float, quote: float, rule: bool) -> list[float]:
    """The feature row of one pair, in the order of :data:`FEATURES`.

    ``quote`` is the share of the shorter content's word 4-grams found in the other, ``rule``
    whether the hand rule of :mod:`reportedly.link.clusters` links the pair by its text.
    """
    shared = len(a.bag & b.bag)
    union = len(a.bag | b.bag)
    smaller = min(len(a.bag), len(b.bag))
    rare = a.rare & b.rare
    both_voiced = a.voice is not None and b.voice is not None
    days = abs(a.day - b.day) if a.day is not None and b.day is not None else 0
    return [
        cos,
        shared / union if union else 0.0,
        shared / smaller if smaller else 0.0,
        math.log1p(len(rare)),
        quote,
        float(rule),
        float(bool(a.numerals) and bool(b.numerals) and not a.numerals & b.numerals),
        float(bool(a.numerals & b.numerals)),
        float(a.figures != b.figures),
        float(both_voiced and a.voice == b.voice),
        float(both_voiced and a.voice != b.voice),
        float(a.source is not None and a.source == b.source),
        float(a.stance == b.stance),
        float(a.blame is not None and a.blame == b.blame),
        float(a.blame is not None and b.blame is not None and a.blame != b.blame),
        float(a.kind == "outlet" and b.kind == "outlet"),
        float((a.kind == "outlet") != (b.kind == "outlet")),
        float(a.kind == "direct" and b.kind == "direct"),
        math.log1p(days),
        math.log1p(min(a.size, b.size)),
        math.log1p(max(a.size, b.size)),
        float(a.origin is not None and a.origin == b.origin),
        float(bool(a.values & b.values)),
        float(bool(a.values) and bool(b.values) and not a.values & b.values),
        float(bool(a.dates & b.dates)),
        float(bool(a.dates) and bool(b.dates) and not a.dates & b.dates),
        math.log1p(len(a.names & b.names)),
    ]


def feature_matrix(rows: Sequence[Sequence[float]]) -> np.ndarray:
    return np.asarray(rows, dtype=np.float64).reshape(len(rows), len(FEATURES))
