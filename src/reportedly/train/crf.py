"""The CRF cue and span taggers, trained from PolNeAR train (``reportedly train``, ``train_all``).

The corpus is read exactly as inference reads articles (``parse_layout`` then
the block parser), so training features and inference features cannot drift
apart. Gold spans are the shared scorer's trimmed spans. CRFsuite training is
deterministic for a given data order; files are read in sorted order and the
configuration is fixed, so the same corpus gives the same model.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..corpora.polnear import read_split
from ..eval.score import parse_annotations, relation_triples
from ..extract.encoder import WordTags
from ..extract.learned import BlockView, cue_features, span_features, span_window
from ..ingest.layout import parse_layout
from ..nlp import load
from ..nlp.blocks import parse_many
from .extra import require

CRF_PARAMS = {
    "max_iterations": 150,
    "feature.possible_transitions": True,
}
# Elastic-net weights per tagger, tuned on PolNeAR dev: both taggers gain from
# stronger L1 than CRFsuite's defaults, the span tagger (many sparse relative
# features) most of all.
REGULARIZATION = {
    "cue": {"c1": 0.4, "c2": 0.1},
    "span": {"c1": 2.0, "c2": 0.1},
}


@dataclass(slots=True)
class Example:
    """One gold document, parsed."""

    name: str
    views: list[BlockView]
    triples: list[tuple]
    # the same blocks with another encoder's reading, for the span tagger (see ``train``)
    span_views: list[BlockView] | None = None


def examples(
    split_dir: Path,
    limit: int | None = None,
    encoder: Callable[[str, str], WordTags] | None = None,
    span_encoder: Callable[[str, str], WordTags] | None = None,
) -> Iterator[Example]:
    """Parsed gold documents; with ``encoder`` (name, text → word tags) the views carry its reading,
    with ``span_encoder`` a second set of views carries that one's."""
    items = list(read_split(split_dir, limit))
    documents = [parse_layout(text) for _, text, _ in items]
    for (name, text, ann), _document, blocks in zip(
        items, documents, parse_many(documents, load()), strict=True
    ):
        words = encoder(name, text) if encoder is not None else None
        views = [BlockView.of(b.doc, b.offset, b.section.value, words) for b in blocks]
        span_views = None
        if span_encoder is not None:
            other = span_encoder(name, text)
            span_views = [BlockView.of(b.doc, b.offset, b.section.value, other) for b in blocks]
        yield Example(name, views, relation_triples(parse_annotations(ann, text)), span_views)


def _tokens_in(view: BlockView, segments) -> list[int]:
    out = []
    for tok in view.doc:
        s = view.offset + tok.idx
        e = s + len(tok.text)
        if any(s < b and e > a for a, b in segments):
            out.append(tok.i)
    return out


def _bio(n: int, lo: int, runs: dict[str, list[int]]) -> list[str]:
    labels = ["O"] * n
    for kind, idx in runs.items():
        prev = None
        for i in sorted(idx):
            if not lo <= i < lo + n:
                continue
            labels[i - lo] = ("I-" if prev is not None and i == prev + 1 else "B-") + kind
            prev = i
    return labels


def sequences(example: Example) -> Iterator[tuple[str, list[list[str]], list[str]]]:
    """("cue" | "span", features, labels) training sequences of one document."""
    cue_tokens: dict[int, set[int]] = {}
    located = []
    for source, cue, content in example.triples:
        for b, view in enumerate(example.views):
            start, end = view.offset, view.offset + len(view.doc.text)
            if start <= cue[0][0] < end:
                cue_idx = _tokens_in(view, cue)
                if cue_idx:
                    cue_tokens.setdefault(b, set()).update(cue_idx)
                    located.append((b, cue_idx, source, content))
                break
    for b, view in enumerate(example.views):
        gold = cue_tokens.get(b, set())
        for start, end in view.sent_bounds:
            labels = _bio(end - start, start, {"CUE": [i for i in gold if start <= i < end]})
            yield "cue", cue_features(view, start, end), labels
    for b, cue_idx, source, content in located:
        view = (example.span_views or example.views)[b]
        lo, hi = span_window(view, cue_idx)
        runs = {"CON": [i for i in _tokens_in(view, content) if i not in cue_idx]}
        if source:
            runs["SRC"] = [i for i in _tokens_in(view, source) if i not in cue_idx and i not in runs["CON"]]
        yield "span", span_features(view, cue_idx, lo, hi), _bio(hi - lo, lo, runs)


def train(
    split_dir: str | Path,
    out_dir: str | Path,
    *,
    limit: int | None = None,
    max_iterations: int | None = None,
    encoder: Callable[[str, str], WordTags] | None = None,
    span_encoder: Callable[[str, str], WordTags] | None = None,
    progress: Callable[[str], None] | None = None,
) -> dict:
    """Train both taggers on ``split_dir`` (a PolNeAR split with text/ and attributions/).

    ``encoder`` gives the reading both taggers learn from; ``span_encoder``, if given, replaces
    it for the span tagger. The shipped span tagger learns from fold encoders that never saw
    the text they read (cross-fitting), the cue tagger from the shipped encoder itself. On dev
    that split beat both uniform choices (docs/quality.md, step 48).
    """
    split_dir, out = Path(split_dir), Path(out_dir)
    counts, params, timings = fit_taggers(
        (sequences(ex) for ex in examples(split_dir, limit, encoder, span_encoder)),
        out,
        max_iterations,
        progress,
    )
    meta = {
        "name": "reportedly-attribution-crf",
        "trained_on": str(split_dir),
        "sequences": counts,
        "encoder_features": encoder is not None,
        "span_reading": "fold encoders (cross-fitted)" if span_encoder is not None else "as the cue tagger's",
        "params": params,
        "timings": timings,
    }
    (out / "meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return meta


def fit_taggers(
    documents: Iterable[Iterable[tuple[str, Any, Any]]],
    out: Path,
    max_iterations: int | None = None,
    progress: Callable[[str], None] | None = None,
) -> tuple[dict[str, int], dict[str, dict[str, Any]], dict[str, float]]:
    """Both taggers trained with the shipped recipe on ``documents`` (each its ``(kind, xseq,
    yseq)`` sequences) and written to ``out``: (sequence counts, each tagger's parameters,
    timings). One recipe for ``reportedly train`` and the cross-validation's folds."""
    require("pycrfsuite")
    import pycrfsuite

    out.mkdir(parents=True, exist_ok=True)
    params = dict(CRF_PARAMS)
    if max_iterations:
        params["max_iterations"] = max_iterations
    trainers = {"cue": pycrfsuite.Trainer(verbose=False), "span": pycrfsuite.Trainer(verbose=False)}
    counts = {"documents": 0, "cue": 0, "span": 0}
    t0 = time.perf_counter()
    for document in documents:
        counts["documents"] += 1
        for kind, xseq, yseq in document:
            trainers[kind].append(xseq, yseq)
            counts[kind] += 1
        if progress and counts["documents"] % 50 == 0:
            progress(f"read {counts['documents']} documents")
    timings = {"features_s": round(time.perf_counter() - t0, 1)}
    for kind, trainer in trainers.items():
        if progress:
            progress(f"training the {kind} tagger on {counts[kind]} sequences")
        t1 = time.perf_counter()
        trainer.set_params({**params, **REGULARIZATION[kind]})
        trainer.train(str(out / f"{kind}.crfsuite"))
        timings[f"{kind}_train_s"] = round(time.perf_counter() - t1, 1)
    return counts, {kind: {**params, **REGULARIZATION[kind]} for kind in trainers}, timings
