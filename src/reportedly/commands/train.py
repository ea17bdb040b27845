"""``reportedly train``: reproduce the shipped attribution models from PolNeAR train."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.text import Text

from ..cli import EXIT_USAGE, _dump, _fail, app, err, out


class Which(StrEnum):
    crf = "crf"
    encoder = "encoder"
    all = "all"


def _check_split(option: str, folder: Path) -> None:
    if not (folder / "text").is_dir() or not (folder / "attributions").is_dir():
        raise _fail(
            f"{option} {folder} has no text/ and attributions/ folders; point it at a PolNeAR split",
            EXIT_USAGE,
        )


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
        typer.Option("--epochs", min=1, help="Encoder epochs of stage one (default: the shipped 4)."),
    ] = None,
    pair_epochs: Annotated[
        int | None,
        typer.Option("--pair-epochs", min=1, help="Epochs of stage two, the pair head (default: 2)."),
    ] = None,
    base_encoder: Annotated[
        Path | None,
        typer.Option(
            "--base-encoder",
            help="Skip stage one: add the pair head to this stage-one encoder folder instead.",
        ),
    ] = None,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="Use only the first N texts.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the models' meta data as JSON.")] = False,
) -> None:
    """Train the attribution models on PolNeAR train, deterministically for a corpus.

    Two models ship: a MiniLM encoder fine-tuned to tag cue, source and content
    words, and the CRF cue and source/content taggers whose features include
    the encoder's reading (about 10 minutes). The encoder trains in two
    stages on 2 CPU cores: stage one the word tagger (4 epochs, 35-60
    minutes), stage two adds the cue-conditioned pair head (2 epochs, about
    30 minutes); --base-encoder starts stage two from a stage-one folder.
    With --model all the encoder is trained first and the CRFs then use it;
    --model crf uses the encoder in OUT/encoder, else the shipped one. The
    default --out overwrites the shipped models (run from the repository root).

    Example: reportedly train --model encoder --out /tmp/models --dev ../shared/data/polnear/dev
    """
    _check_split("--corpus", corpus)
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

        with tempfile.TemporaryDirectory(prefix="reportedly-stage1-") as scratch:
            stage_one = base_encoder
            if stage_one is None:
                stage_one = Path(scratch)
                say("encoder stage one: the word tagger")
                train_encoder(corpus, stage_one, dev_dir=dev, limit=limit, epochs=epochs, progress=say)
            elif not (stage_one / WEIGHTS).exists():
                raise _fail(f"--base-encoder {stage_one} holds no encoder weights", EXIT_USAGE)
            say("encoder stage two: the cue-conditioned pair head")
            metas["encoder"] = train_pair(
                corpus,
                out_dir / "encoder",
                stage_one,
                dev_dir=dev,
                limit=limit,
                epochs=pair_epochs,
                progress=say,
            )
    if which in (Which.crf, Which.all):
        from ..extract.encoder import load_encoder
        from ..training import train as train_crf

        encoder_dir = out_dir / "encoder"
        tagger = load_encoder(str(encoder_dir)) if (encoder_dir / "meta.json").exists() else load_encoder()
        if tagger is None:
            say("no encoder found: the CRFs are trained without its features")
        else:
            say(f"CRF features include the encoder in {tagger.path}")
        reading = (lambda _name, text: tagger.tag(text)) if tagger is not None else None
        metas["crf"] = train_crf(corpus, out_dir / "attribution", limit=limit, encoder=reading, progress=say)
    if as_json:
        _dump(metas)
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
