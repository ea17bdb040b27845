"""``reportedly train``: reproduce the shipped attribution models from PolNeAR train."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.text import Text

from .app import app
from .options import EXIT_USAGE, fail
from .output import dump, err, out


class Which(StrEnum):
    crf = "crf"
    encoder = "encoder"
    all = "all"


def _check_split(option: str, folder: Path) -> None:
    if not (folder / "text").is_dir() or not (folder / "attributions").is_dir():
        raise fail(
            f"{option} {folder} has no text/ and attributions/ folders; point it at a PolNeAR split",
            EXIT_USAGE,
        )


def _check_device(device: str) -> None:
    """Refuse a device torch cannot use before an hour of corpus reading, not after."""
    import torch

    try:
        kind = torch.device(device).type
    except RuntimeError as exc:
        raise fail(f"--device {device}: {exc}", EXIT_USAGE) from None
    if kind == "cuda" and not torch.cuda.is_available():
        raise fail(f"--device {device}: this torch build sees no CUDA GPU", EXIT_USAGE)
    if kind not in {"cpu", "cuda"}:
        raise fail(f"--device {device}: only cpu and cuda are supported", EXIT_USAGE)


def _fold_reading(fold_dir: Path, folds: int):
    """Per text, the reading of the fold encoder that was trained without it.

    The encoder's reading of a text it was trained on is better than its reading of
    new text; CRFs trained on the former would over-trust it (see
    :func:`reportedly.training_encoder.split_fold`).
    """
    from ..extract.encoder import EncoderTagger

    owner: dict[str, EncoderTagger] = {}
    for k in range(folds):
        folder = fold_dir / str(k)
        if not (folder / "meta.json").exists():
            raise fail(
                f"--fold-dir {fold_dir} has no fold encoder {k}: train them with --model encoder "
                "(or pass --folds 0 to let the shipped encoder read its own training texts)",
                EXIT_USAGE,
            )
        tagger = EncoderTagger(folder)
        if tagger.meta.get("fold") != [k, folds]:
            raise fail(f"{folder} holds fold {tagger.meta.get('fold')}, not {k} of {folds}", EXIT_USAGE)
        owner |= dict.fromkeys(tagger.meta["held_out"], tagger)

    def reading(name: str, text: str):
        if name not in owner:
            raise fail(
                f"no fold encoder in {fold_dir} held out {name}: trained on another corpus?", EXIT_USAGE
            )
        return owner[name].tag(text)

    return reading


@app.command()
def train(
    corpus: Annotated[
        Path, typer.Option("--corpus", help="A PolNeAR split folder holding text/ and attributions/.")
    ] = Path("../shared/data/polnear/train"),
    out_dir: Annotated[
        Path,
        typer.Option(
            "--out",
            help="Models folder: the CRFs go to OUT/attribution, the encoder to OUT/encoder.",
        ),
    ] = Path("src/reportedly/data/models"),
    which: Annotated[
        Which, typer.Option("--model", help="Which model to train: the two CRFs, the encoder, or both.")
    ] = Which.all,
    dev: Annotated[
        Path | None,
        typer.Option("--dev", help="A PolNeAR split to score the encoder on (word F1) after each epoch."),
    ] = None,
    epochs: Annotated[
        int | None,
        typer.Option("--epochs", min=1, help="Encoder epochs of stage one (default: the shipped 8)."),
    ] = None,
    pair_epochs: Annotated[
        int | None,
        typer.Option("--pair-epochs", min=1, help="Epochs of stage two, the pair head (default: 4)."),
    ] = None,
    base_encoder: Annotated[
        Path | None,
        typer.Option(
            "--base-encoder",
            help="Skip stage one: add the pair head to this stage-one encoder folder instead.",
        ),
    ] = None,
    folds: Annotated[
        int,
        typer.Option(
            "--folds",
            min=0,
            help="Fold encoders whose held-out reading the span CRF learns from (0: none, the shipped one).",
        ),
    ] = 4,
    fold_dir: Annotated[
        Path,
        typer.Option("--fold-dir", help="Where the fold encoders are written (encoder) and read (crf)."),
    ] = Path("build/encoder-folds"),
    device: Annotated[
        str,
        typer.Option(
            "--device",
            help="Torch device for the encoder: cpu, or cuda (a GPU trains both stages in minutes).",
        ),
    ] = "cpu",
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="Use only the first N texts.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the models' meta data as JSON.")] = False,
) -> None:
    """Train the attribution models on PolNeAR train, deterministically for a corpus and device.

    Two models ship: a MiniLM encoder fine-tuned to tag cue, source and content
    words, and the CRF cue and source/content taggers whose features include
    the encoder's reading. The encoder trains in two stages: stage one the word
    tagger (8 epochs), stage two adds the cue-conditioned pair head (4 epochs).
    Four fold encoders, each trained the same way without a quarter of the
    texts, read the texts they did not see for the span tagger (--folds 0
    skips them), so the CRFs learn how far to trust a reading of new text.
    On a GPU (--device cuda) each encoder takes 3-5 minutes; on 2 CPU cores
    each takes hours. The CRFs then take 10-20 minutes on a CPU.
    --base-encoder starts the shipped encoder's stage two from a stage-one
    folder. --model crf uses the encoder in OUT/encoder (else the shipped one)
    and the fold encoders in --fold-dir. The default --out overwrites the
    shipped models (run from the repository root).

    Example: reportedly train --device cuda --dev ../shared/data/polnear/dev
    """
    _check_split("--corpus", corpus)
    if which in (Which.encoder, Which.all):
        _check_device(device)
        if folds and limit is not None and limit <= folds:
            raise fail(f"--limit {limit} leaves a fold encoder without texts: use --folds 0", EXIT_USAGE)
    if dev is not None:
        _check_split("--dev", dev)
    say = lambda m: err.print(Text(m, style="dim"))  # noqa: E731 - a one-line progress sink
    metas = {}
    # the encoder first: the CRFs are trained on its reading of the corpus
    if which in (Which.encoder, Which.all):
        import tempfile

        from ..extract.encoder import WEIGHTS
        from ..training_encoder import train as train_encoder
        from ..training_encoder import train_pair

        if base_encoder is not None and not (base_encoder / WEIGHTS).exists():
            raise fail(f"--base-encoder {base_encoder} holds no encoder weights", EXIT_USAGE)
        # the fold encoders first (each without a quarter of the texts), then the shipped one
        plan = [(f"fold {k + 1} of {folds}", fold_dir / str(k), (k, folds), None) for k in range(folds)]
        plan.append(("the shipped encoder", out_dir / "encoder", None, base_encoder))
        for title, target, fold, stage_one in plan:
            with tempfile.TemporaryDirectory(prefix="reportedly-stage1-") as scratch:
                if stage_one is None:
                    stage_one = Path(scratch)
                    say(f"{title}, stage one: the word tagger")
                    train_encoder(
                        corpus, stage_one, dev_dir=dev, limit=limit, epochs=epochs, progress=say,
                        device=device, fold=fold,
                    )
                say(f"{title}, stage two: the cue-conditioned pair head")
                meta = train_pair(
                    corpus, target, stage_one, dev_dir=dev, limit=limit, epochs=pair_epochs, progress=say,
                    device=device,
                )
            if fold is None:
                metas["encoder"] = meta
            else:
                metas.setdefault("folds", []).append({"dir": str(target), "held_out": len(meta["held_out"])})
    if which in (Which.crf, Which.all):
        from ..extract.encoder import load_encoder
        from ..training import train as train_crf

        encoder_dir = out_dir / "encoder"
        tagger = load_encoder(str(encoder_dir)) if (encoder_dir / "meta.json").exists() else load_encoder()
        reading = span_reading = None
        if tagger is None:
            say("no encoder found: the CRFs are trained without its features")
        else:
            say(f"CRF features include the encoder in {tagger.path}")
            reading = lambda _name, text: tagger.tag(text)  # noqa: E731 - one encoder reads every text
            if folds:
                span_reading = _fold_reading(fold_dir, folds)
                say(f"the span tagger's: each text read by the fold encoder in {fold_dir} that held it out")
        metas["crf"] = train_crf(
            corpus,
            out_dir / "attribution",
            limit=limit,
            encoder=reading,
            span_encoder=span_reading,
            progress=say,
        )
    if as_json:
        dump(metas)
        return
    if "crf" in metas:
        m = metas["crf"]
        where = out_dir / "attribution"
        out.print(Text(f"CRFs written to {where}: {m['sequences']} sequences, {m['timings']}"))
    if "encoder" in metas:
        m = metas["encoder"]
        last = m["history"][-1]
        pair = m["pair"]["history"][-1]
        out.print(
            Text(
                f"encoder written to {out_dir / 'encoder'}: {m['windows']} windows, "
                f"stage one {last['epoch']} epochs in {last['elapsed_s']} s, "
                f"pair head {pair['epoch']} epochs in {pair['elapsed_s']} s"
            )
        )
