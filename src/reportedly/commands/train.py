"""``reportedly train``: reproduce the shipped attribution model from PolNeAR train."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.text import Text

from ..cli import EXIT_USAGE, _dump, _fail, app, err, out


@app.command()
def train(
    corpus: Annotated[
        Path, typer.Option("--corpus", help="A PolNeAR split folder holding text/ and attributions/.")
    ] = Path("../shared/data/polnear/train"),
    out_dir: Annotated[
        Path, typer.Option("--out", help="Where to write the model (cue.crfsuite, span.crfsuite, meta.json).")
    ] = Path("src/reportedly/data/models/attribution"),
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="Use only the first N texts.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the model's meta data as JSON.")] = False,
) -> None:
    """Train the cue and source/content taggers (CRFs) on PolNeAR train; deterministic for a corpus.

    Takes about 7 minutes for the 840 train texts on 2 cores. The default --out
    overwrites the model shipped in the package (run from the repository root).

    Example: reportedly train --corpus ../shared/data/polnear/train --out /tmp/model
    """
    from ..training import train as run_training

    if not (corpus / "text").is_dir() or not (corpus / "attributions").is_dir():
        raise _fail(
            f"{corpus} has no text/ and attributions/ folders; point --corpus at a PolNeAR split", EXIT_USAGE
        )
    meta = run_training(corpus, out_dir, limit=limit, progress=lambda m: err.print(Text(m, style="dim")))
    if as_json:
        _dump(meta)
    else:
        out.print(
            Text(f"model written to {out_dir}: {meta['sequences']} sequences, timings {meta['timings']}")
        )
