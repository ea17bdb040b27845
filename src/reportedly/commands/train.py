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
        int | None, typer.Option("--epochs", min=1, help="Encoder epochs (default: the shipped 4).")
    ] = None,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="Use only the first N texts.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the models' meta data as JSON.")] = False,
) -> None:
    """Train the attribution models on PolNeAR train, deterministically for a corpus.

    Two models ship: a MiniLM encoder fine-tuned to tag cue, source and content
    words (about 50-60 minutes on 2 cores, CPU only), and the CRF cue and
    source/content taggers whose features include the encoder's reading (about
    10 minutes). With --model all the encoder is trained first and the CRFs
    then use it; --model crf uses the encoder in OUT/encoder, else the shipped
    one. The default --out overwrites the shipped models (run from the
    repository root).

    Example: reportedly train --model encoder --out /tmp/models --dev ../shared/data/polnear/dev
    """
    _check_split("--corpus", corpus)
    if dev is not None:
        _check_split("--dev", dev)
    say = lambda m: err.print(Text(m, style="dim"))  # noqa: E731 - a one-line progress sink
    metas = {}
    # the encoder first: the CRFs are trained on its reading of the corpus
    if which in (Which.encoder, Which.all):
        from ..training_encoder import train as train_encoder

        metas["encoder"] = train_encoder(
            corpus, out_dir / "encoder", dev_dir=dev, limit=limit, epochs=epochs, progress=say
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
        out.print(
            Text(
                f"encoder written to {out_dir / 'encoder'}: {m['windows']} windows, "
                f"{last['epoch']} epochs in {last['elapsed_s']} s"
            )
        )
