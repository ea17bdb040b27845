"""K-fold cross-validation of the CRF layer on a PolNeAR split (``benchmarks/cv_polnear.py``).

The dev split was read after each of 57 tuning steps (docs/quality.md), so its figures are no
longer a measure of new text. Cross-validation on train gives a second one: the texts are cut
into ``folds`` parts by position in sorted order (every ``folds``-th text, as the fold
encoders of :func:`reportedly.train.encoder.split_fold` cut them), the two CRFs are trained
with the shipped recipe and parameters (:mod:`.crf`) on all parts but one, and the extractor
(rules, merge and steps as shipped, with those CRFs) is scored on the part left out. The
scores of all parts are pooled, as the shared scorer pools the texts of a folder.

What it does *not* hold out is the encoder. Retraining it per fold takes minutes on a GPU and
hours on a CPU; without fold encoders (``fold_dir``) every fold reads its texts with the
shipped encoder, which was trained on all of train. Its reading of a training text is far
better than of new text (cue word F1 0.80 against 0.71 on dev, docs/quality.md step 48), so
the figure is an optimistic bound for the whole extractor and an honest one only for the
CRFs, the merge and the rules. The report says which reading was used (``"encoder"``).

Beside the cross-validated extractor the same parsed texts are scored by the rules alone
(no learned model, so nothing of theirs saw train) and by the shipped models (which trained on
every text: the in-sample figure), so the three are comparable text for text.
"""

from __future__ import annotations

import hashlib
import json
import pickle
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from ..corpora.polnear import read_split
from ..eval.score import score_documents
from .extra import require
from .recipe import TrainingError, check_split

#: the extractors scored on each held-out part, in the report's order
VARIANTS = ("cross_validated", "rules_alone", "shipped_in_sample")
#: the metrics a report gives per extractor (F1 and P / R, as docs/quality.md tabulates them)
METRICS = ("source_exact", "cue_exact", "content_exact", "relation_exact", "relation_lenient")


def fold_of(position: int, folds: int) -> int:
    """The part a text falls in, by its position in sorted order (as the fold encoders' split)."""
    return position % folds


def _interned(sequences: Iterator[tuple[str, list[list[str]], list[str]]]) -> list[tuple]:
    """One document's training sequences with every feature string interned.

    The same few thousand feature strings recur millions of times; interned, a pickle of one
    document stores each once, and the files of a whole split fit in a few hundred MB.
    """
    intern = sys.intern
    return [(kind, [[intern(f) for f in item] for item in xseq], yseq) for kind, xseq, yseq in sequences]


def _read_features(
    corpus: Path,
    limit: int | None,
    reading: Callable[[str, str], Any] | None,
    span_reading: Callable[[str, str], Any] | None,
    cache: Path,
    say: Callable[[str], None],
) -> list[str]:
    """Parse every text once and store its training sequences under ``cache``; the names in order."""
    from .crf import examples, sequences

    names = []
    for n, example in enumerate(examples(corpus, limit, reading, span_reading)):
        with (cache / f"{n}.pkl").open("wb") as fh:
            pickle.dump(_interned(sequences(example)), fh, protocol=pickle.HIGHEST_PROTOCOL)
        names.append(example.name)
        if (n + 1) % 50 == 0:
            say(f"features of {n + 1} texts read")
    return names


def _train_fold(
    k: int, folds: int, count: int, cache: Path, out: Path, max_iterations: int | None, encoder: bool
) -> dict[str, Any]:
    """Both CRFs trained on every text outside part ``k``, written to ``out`` as a model folder."""
    from .crf import fit_taggers

    def documents() -> Iterator[list[tuple[str, Any, Any]]]:
        for n in range(count):
            if fold_of(n, folds) != k:
                with (cache / f"{n}.pkl").open("rb") as fh:
                    yield pickle.load(fh)

    counts, params, timings = fit_taggers(documents(), out, max_iterations)
    meta = {
        "name": "reportedly-attribution-crf (cross-validation fold)",
        "fold": [k, folds],
        "sequences": counts,
        "encoder_features": encoder,
        "params": params,
        "timings": timings,
    }
    (out / "meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return meta


def _predict_part(
    items: list[tuple[str, str, str]], extractors: dict[str, Any], reading: Callable[[str, str], Any] | None
) -> dict[str, list[tuple[str, str, str]]]:
    """(text, gold, predicted brat) per text of one held-out part, for each extractor.

    The texts are parsed once and read once by the encoder; each extractor then builds its
    ledger from the same blocks, as ``reportedly.analyze_many`` does for one extractor.
    """
    from ..export.brat import ledger_to_brat
    from ..ingest.layout import parse_layout
    from ..nlp import load
    from ..nlp.blocks import parse_many

    documents = [parse_layout(text) for _, text, _ in items]
    scored: dict[str, list[tuple[str, str, str]]] = {name: [] for name in extractors}
    for (name, text, gold), document, blocks in zip(
        items, documents, parse_many(documents, load()), strict=True
    ):
        tags = reading(name, text) if reading is not None else None
        for variant, extractor in extractors.items():
            words = tags if extractor.encoder is not None else None
            scored[variant].append((text, gold, ledger_to_brat(extractor(document, blocks, words))))
    return scored


def _fingerprint(folder: Path) -> str:
    """A short hash of an encoder's weights file."""
    from ..extract.encoder import WEIGHTS

    return hashlib.sha256((Path(folder) / WEIGHTS).read_bytes()).hexdigest()[:16]


def _claim_work_dir(work: Path, settings: dict[str, Any]) -> None:
    """Refuse a work folder left by a run with other settings; a run with the same ones resumes."""
    work.mkdir(parents=True, exist_ok=True)
    marker = work / "settings.json"
    if marker.exists():
        before = json.loads(marker.read_text(encoding="utf-8"))
        if before != settings:
            raise TrainingError(
                f"--work-dir {work} holds a run with other settings ({before}); give an empty folder"
            )
    else:
        marker.write_text(json.dumps(settings, indent=2) + "\n", encoding="utf-8")


def _manifest(cache: Path) -> list[str] | None:
    """The names whose features a finished earlier reading stored in ``cache``, if any."""
    manifest = cache / "manifest.json"
    return json.loads(manifest.read_text(encoding="utf-8")) if manifest.exists() else None


def _write_predictions(
    folder: Path, items: list[tuple[str, str, str]], scored: dict[str, list[tuple[str, str, str]]]
) -> None:
    """Each extractor's brat file per held-out text, so an interrupted run resumes after its last part."""
    for variant, rows in scored.items():
        target = folder / variant
        target.mkdir(parents=True, exist_ok=True)
        for (name, _, _), (_, _, predicted) in zip(items, rows, strict=True):
            (target / f"{name}.ann").write_text(predicted, encoding="utf-8")


def _read_predictions(
    folder: Path, items: list[tuple[str, str, str]]
) -> dict[str, list[tuple[str, str, str]]]:
    return {
        variant: [
            (text, gold, (folder / variant / f"{name}.ann").read_text(encoding="utf-8"))
            for name, text, gold in items
        ]
        for variant in VARIANTS
    }


def _figures(result: dict[str, Any]) -> dict[str, dict[str, float]]:
    """P / R / F1 of each metric, rounded to the three places docs/quality.md gives."""
    return {m: dict(zip(("p", "r", "f1"), (round(x, 4) for x in result[m]), strict=True)) for m in METRICS}


def cross_validate(
    corpus: str | Path,
    folds: int = 4,
    *,
    limit: int | None = None,
    only: list[int] | None = None,
    max_iterations: int | None = None,
    work_dir: str | Path | None = None,
    progress: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Cross-validate the CRF layer on the PolNeAR split ``corpus`` (see the module docstring).

    ``limit`` takes the first N texts in sorted order; ``only`` scores only those parts (each
    still trained on all the others), to spread a run over sessions; ``max_iterations``
    overrides CRFsuite's (150 in the recipe: only for quick checks, and the report says so).
    ``work_dir`` keeps the feature files, the fold models and each part's predictions (else a
    temporary folder); a run given the folder of an interrupted one with the same settings
    resumes it: the features are not read again, and the parts already scored are not redone.
    Returns per extractor of :data:`VARIANTS` the pooled figures, and the figures per part.
    """
    require("pycrfsuite")
    from ..extract import Extractor, Models
    from ..extract.encoder import load_encoder
    from ..extract.learned import AttributionModel

    corpus = Path(corpus)
    check_split("--corpus", corpus)
    if folds < 2:
        raise TrainingError(f"--folds {folds}: cross-validation needs at least 2 parts")
    parts = sorted(set(only)) if only else list(range(folds))
    if any(not 0 <= k < folds for k in parts):
        raise TrainingError(f"--only {parts}: parts are numbered 0 to {folds - 1}")
    say = progress or (lambda _m: None)
    items = list(read_split(corpus, limit))
    if len(items) < folds:
        raise TrainingError(f"{len(items)} texts cannot be cut into {folds} parts")
    encoder = load_encoder()
    reading = (lambda _name, text: encoder.tag(text)) if encoder is not None else None
    settings = {
        "corpus": str(corpus.resolve()),
        "folds": folds,
        "limit": limit,
        "max_iterations": max_iterations,
        # the weights, not their path: a work folder serves any checkout with the same models
        "encoder": _fingerprint(encoder.path) if encoder is not None else None,
        "runtime": getattr(encoder, "backend", None),
    }
    started = time.perf_counter()
    timings: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="reportedly-cv-") as scratch:
        work = Path(work_dir) if work_dir is not None else Path(scratch)
        _claim_work_dir(work, settings)
        names = [name for name, _, _ in items]
        cache = work / "features"
        if _manifest(cache) != names:
            cache.mkdir(parents=True, exist_ok=True)
            say(f"reading {len(items)} texts (parse, encoder, CRF features)")
            read = _read_features(corpus, limit, reading, None, cache, say)
            if read != names:  # pragma: no cover - read_split is deterministic
                raise TrainingError(f"the texts of {corpus} changed while they were read")
            (cache / "manifest.json").write_text(json.dumps(names) + "\n", encoding="utf-8")
        else:
            say(f"features of {len(names)} texts found in {cache}")
        timings["features_s"] = round(time.perf_counter() - started, 1)
        shipped = Extractor(Models.shipped())
        rules = Extractor(Models())
        pooled: dict[str, list[tuple[str, str, str]]] = {v: [] for v in VARIANTS}
        per_part = []
        for k in parts:
            held_out = [item for n, item in enumerate(items) if fold_of(n, folds) == k]
            folder = work / f"part-{k}"
            done = folder / "part.json"
            if done.exists():
                say(f"part {k + 1} of {folds}: scored before, read from {folder}")
                scored = _read_predictions(folder, held_out)
                part = json.loads(done.read_text(encoding="utf-8"))
            else:
                t0 = time.perf_counter()
                say(f"part {k + 1} of {folds}: training both CRFs on the other {folds - 1}")
                meta = _train_fold(
                    k, folds, len(names), cache, folder / "model", max_iterations, encoder is not None
                )
                fold_model = Extractor(Models(AttributionModel(folder / "model"), encoder))
                say(f"part {k + 1} of {folds}: scoring its {len(held_out)} texts")
                extractors = {
                    "cross_validated": fold_model,
                    "rules_alone": rules,
                    "shipped_in_sample": shipped,
                }
                scored = _predict_part(held_out, extractors, reading)
                _write_predictions(folder, held_out, scored)
                part = {"part": k, "texts": len(held_out), "trained_on": meta["sequences"]["documents"]}
                for variant, rows in scored.items():
                    part[variant] = {m: f["f1"] for m, f in _figures(score_documents(rows)).items()}
                part["seconds"] = round(time.perf_counter() - t0, 1)
                done.write_text(json.dumps(part, indent=2) + "\n", encoding="utf-8")
            say(f"part {k + 1} of {folds}: relation lenient F1 {part['cross_validated']['relation_lenient']}")
            for variant, rows in scored.items():
                pooled[variant] += rows
            per_part.append(part)
    report: dict[str, Any] = {
        "corpus": str(corpus),
        "folds": folds,
        "parts_scored": parts,
        "texts": len(items),
        "texts_scored": len(pooled["cross_validated"]),
        "encoder": (
            "the shipped encoder, trained on all of the split: its reading of the held-out part is "
            "in-sample, so the figure is an optimistic bound for the whole extractor"
            if encoder is not None
            else "none (REPORTEDLY_ENCODER=off): the CRFs without encoder features"
        ),
        "max_iterations": max_iterations or "the recipe's (150)",
    }
    for variant in VARIANTS:
        result = score_documents(pooled[variant])
        report[variant] = _figures(result) | {"relations": result["counts"]}
    report["per_part"] = per_part
    timings["total_s"] = round(time.perf_counter() - started, 1)
    report["timings"] = timings
    return report
