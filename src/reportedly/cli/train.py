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


@app.command()
def train(
    corpus: Annotated[
        Path, typer.Option("--corpus", help="A PolNeAR split folder holding text/ and attributions/.")
    ],
    out_dir: Annotated[
        Path,
        typer.Option(
            "--out",
            help="Models folder: the CRFs go to OUT/attribution, the encoder to OUT/encoder.",
        ),
    ],
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
    and the fold encoders in --fold-dir. --corpus and --out have no default:
    --out src/reportedly/data/models (from the repository root) overwrites
    the shipped models. The Python call is reportedly.train.train_all.

    Example: reportedly train --corpus ../shared/data/polnear/train --out /tmp/models --device cuda
    (needs the shared PolNeAR data and a GPU)
    """
    try:
        from ..train import MissingTrainingDependency, TrainingError, train_all

        metas = train_all(
            corpus,
            out_dir,
            models=which.value,
            dev=dev,
            epochs=epochs,
            pair_epochs=pair_epochs,
            base_encoder=base_encoder,
            folds=folds,
            fold_dir=fold_dir,
            device=device,
            limit=limit,
            progress=lambda m: err.print(Text(m, style="dim")),
        )
    except (TrainingError, MissingTrainingDependency) as exc:  # the message says what to do
        raise fail(str(exc), EXIT_USAGE) from None
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
