"""The shipped training recipe as one call: :func:`train_all`.

The encoder first (its fold encoders, then the shipped one, two stages each), then the CRFs,
which learn from the encoder's reading of the corpus. ``reportedly train`` is a thin skin
over it. The trainers are imported inside :func:`train_all`, so importing this module loads
neither spaCy nor torch.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from .extra import require

MODELS = ("crf", "encoder", "all")


class TrainingError(ValueError):
    """A corpus, device or folder that training cannot use; the message says what to pass instead."""


def check_split(option: str, folder: Path) -> None:
    """Refuse a folder that is not a PolNeAR split (``text/`` and ``attributions/``)."""
    if not (folder / "text").is_dir() or not (folder / "attributions").is_dir():
        raise TrainingError(
            f"{option} {folder} has no text/ and attributions/ folders; point it at a PolNeAR split"
        )


def check_device(device: str) -> None:
    """Refuse a device torch cannot use before an hour of corpus reading, not after."""
    import torch

    try:
        kind = torch.device(device).type
    except RuntimeError as exc:
        raise TrainingError(f"--device {device}: {exc}") from None
    if kind == "cuda" and not torch.cuda.is_available():
        raise TrainingError(f"--device {device}: this torch build sees no CUDA GPU")
    if kind not in {"cpu", "cuda"}:
        raise TrainingError(f"--device {device}: only cpu and cuda are supported")


def fold_reading(fold_dir: Path, folds: int) -> Callable[[str, str], Any]:
    """Per text, the reading of the fold encoder that was trained without it.

    The encoder's reading of a text it was trained on is better than its reading of
    new text; CRFs trained on the former would over-trust it (see
    :func:`reportedly.train.encoder.split_fold`).
    """
    from ..extract.encoder import EncoderTagger

    owner: dict[str, EncoderTagger] = {}
    for k in range(folds):
        folder = fold_dir / str(k)
        if not (folder / "meta.json").exists():
            raise TrainingError(
                f"--fold-dir {fold_dir} has no fold encoder {k}: train them with --model encoder "
                "(or pass --folds 0 to let the shipped encoder read its own training texts)"
            )
        tagger = EncoderTagger(folder)
        if tagger.meta.get("fold") != [k, folds]:
            raise TrainingError(f"{folder} holds fold {tagger.meta.get('fold')}, not {k} of {folds}")
        owner |= dict.fromkeys(tagger.meta["held_out"], tagger)

    def reading(name: str, text: str) -> Any:
        if name not in owner:
            raise TrainingError(f"no fold encoder in {fold_dir} held out {name}: trained on another corpus?")
        return owner[name].tag(text)

    return reading


def train_all(
    corpus: str | Path,
    out: str | Path,
    *,
    models: str = "all",
    dev: str | Path | None = None,
    epochs: int | None = None,
    pair_epochs: int | None = None,
    base_encoder: str | Path | None = None,
    folds: int = 4,
    fold_dir: str | Path = Path("build/encoder-folds"),
    device: str = "cpu",
    limit: int | None = None,
    progress: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Train every model of the shipped recipe, in order, from the PolNeAR split ``corpus``.

    ``models`` is ``"all"`` (the encoders, then the CRFs), ``"encoder"`` or ``"crf"`` (which reads
    the encoder in ``out/encoder``, else the shipped one, and the fold encoders in ``fold_dir``).
    The fold encoders (``folds`` of them, each without a ``folds``-th of the texts) go to
    ``fold_dir``, the shipped encoder to ``out/encoder``, the CRFs to ``out/attribution``.
    Returns each trainer's meta data: ``{"folds": […], "encoder": {…}, "crf": {…}}`` as trained.
    Raises :class:`TrainingError` for unusable arguments, before any training starts, and
    ImportError naming the ``[train]`` extra when a training dependency is missing.
    """
    if models not in MODELS:
        raise TrainingError(f"models={models!r}: choose one of {', '.join(MODELS)}")
    corpus, out, fold_dir = Path(corpus), Path(out), Path(fold_dir)
    say = progress or (lambda _m: None)
    check_split("--corpus", corpus)
    encoders, crfs = models in ("encoder", "all"), models in ("crf", "all")
    require(*(("torch", "transformers") if encoders else ()), *(("pycrfsuite",) if crfs else ()))
    if encoders:
        check_device(device)
        if folds and limit is not None and limit <= folds:
            raise TrainingError(f"--limit {limit} leaves a fold encoder without texts: use --folds 0")
    if dev is not None:
        dev = Path(dev)
        check_split("--dev", dev)
    metas: dict[str, Any] = {}
    # the encoder first: the CRFs are trained on its reading of the corpus
    if encoders:
        from ..extract.encoder import WEIGHTS
        from .encoder import Run, train_pair
        from .encoder import train as train_encoder

        if base_encoder is not None and not (Path(base_encoder) / WEIGHTS).exists():
            raise TrainingError(f"--base-encoder {base_encoder} holds no encoder weights")
        # the fold encoders first (each without a quarter of the texts), then the shipped one
        plan = [(f"fold {k + 1} of {folds}", fold_dir / str(k), (k, folds), None) for k in range(folds)]
        plan.append(("the shipped encoder", out / "encoder", None, base_encoder))
        run = Run(corpus=corpus, out=out, dev=dev, limit=limit, progress=say, device=device)
        for title, target, fold, stage_one in plan:
            with tempfile.TemporaryDirectory(prefix="reportedly-stage1-") as scratch:
                if stage_one is None:
                    stage_one = Path(scratch)
                    say(f"{title}, stage one: the word tagger")
                    train_encoder(replace(run, out=stage_one, epochs=epochs), fold=fold)
                say(f"{title}, stage two: the cue-conditioned pair head")
                meta = train_pair(replace(run, out=target, epochs=pair_epochs), stage_one)
            if fold is None:
                metas["encoder"] = meta
            else:
                metas.setdefault("folds", []).append({"dir": str(target), "held_out": len(meta["held_out"])})
    if crfs:
        from ..extract.encoder import load_encoder
        from .crf import train as train_crf

        encoder_dir = out / "encoder"
        tagger = load_encoder(str(encoder_dir)) if (encoder_dir / "meta.json").exists() else load_encoder()
        reading = span_reading = None
        if tagger is None:
            say("no encoder found: the CRFs are trained without its features")
        else:
            say(f"CRF features include the encoder in {tagger.path}")
            reading = lambda _name, text: tagger.tag(text)  # noqa: E731 - one encoder reads every text
            if folds:
                span_reading = fold_reading(fold_dir, folds)
                say(f"the span tagger's: each text read by the fold encoder in {fold_dir} that held it out")
        metas["crf"] = train_crf(
            corpus,
            out / "attribution",
            limit=limit,
            encoder=reading,
            span_encoder=span_reading,
            progress=say,
        )
    return metas
