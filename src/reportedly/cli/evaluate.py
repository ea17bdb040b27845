"""``reportedly eval``: measure extraction on an annotated corpus in one command.

A thin skin over :mod:`reportedly.eval.runner`: predict a folder of texts
into brat files, score them with the shared scorer's metrics, print a table
(or the scorer's JSON, so the two can be diffed).
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from .app import app
from .options import EXIT_INPUT, EXIT_USAGE, JsonOpt, fail
from .output import dump, err, out

_ROWS = (
    ("source_exact", "Source", "exact"),
    ("source_token", "Source", "token"),
    ("cue_exact", "Cue", "exact"),
    ("cue_token", "Cue", "token"),
    ("content_exact", "Content", "exact"),
    ("content_token", "Content", "token"),
    ("relation_exact", "Relation", "exact"),
    ("relation_lenient", "Relation", "lenient"),
)


def _check_dir(option: str, folder: Path) -> None:
    if not folder.exists():
        raise fail(f"{option} {str(folder)!r} does not exist", EXIT_USAGE)
    if not folder.is_dir():
        raise fail(f"{option} {str(folder)!r} is not a folder", EXIT_USAGE)


def results_table(result: dict[str, Any], title: str | None = None) -> Table:
    """P/R/F1 per span type and per relation, three decimals like the shared scorer prints."""
    table = Table(title=title, title_justify="left")
    table.add_column("Type")
    table.add_column("Match")
    for col in ("P", "R", "F1"):
        table.add_column(col, justify="right")
    for key, kind, match in _ROWS:
        p, r, f = result[key]
        table.add_row(kind, match, f"{p:.3f}", f"{r:.3f}", Text(f"{f:.3f}", style="bold"))
    return table


def _predict(text: Path, pred_dir: Path, workers: int, total: int) -> float:
    from ..eval.runner import EvalError, predict_folder

    started = time.perf_counter()
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        disable=not err.is_terminal,
        transient=True,
    ) as progress:
        task = progress.add_task("predicting", total=total)
        try:
            predict_folder(text, pred_dir, workers=workers, progress=lambda n: progress.advance(task, n))
        except EvalError as exc:
            raise fail(str(exc), EXIT_INPUT) from None
    return time.perf_counter() - started


@app.command("eval")
def eval_(
    text: Annotated[
        Path, typer.Option("--text", help="Folder of NAME.txt articles (UTF-8) to run extraction on.")
    ],
    gold: Annotated[
        Path,
        typer.Option(
            "--gold",
            help="Folder of gold brat files: NAME_ANNOTATOR.ann (the first in sorted order is used) "
            "or NAME.ann. Texts without one are skipped.",
        ),
    ],
    pred_out: Annotated[
        Path | None,
        typer.Option(
            "--pred-out",
            help="Keep the predictions: write one NAME.ann per text here (created if missing, "
            "existing NAME.ann files overwritten). Default: a temporary folder, deleted afterwards.",
        ),
    ] = None,
    workers: Annotated[
        int, typer.Option("--workers", min=1, help="Processes to predict with; each loads spaCy once.")
    ] = 1,
    as_json: JsonOpt = False,
) -> None:
    """Run extraction over a folder of texts and score it against gold attribution annotations.

    Every NAME.txt in --text is analysed; its claims are written as brat
    standoff (T lines Source / Cue / Content / Attribution, E lines tying them
    together, as in PolNeAR) and scored against the gold file for NAME.

    Metrics, the same definitions and numbers as ../shared/eval/score_attributions.py:
    exact = span-level P/R/F1 per type, segments trimmed of white space and
    quote marks; token = P/R/F1 over the whitespace tokens each type covers;
    relation exact = source, cue and content all exact; relation lenient =
    cue tokens overlap, content token Jaccard >= 0.5 and sources overlap (or
    both absent), matched one-to-one greedily.

    --json prints the scorer's JSON (P, R, F1 lists) to stdout; a progress bar
    goes to stderr while predicting. Exit codes: 0 scored; 1 a text could not
    be read or analysed; 2 bad options, a missing folder, no texts, or no
    text with a gold file.

    Example: reportedly eval --text ../shared/data/polnear/dev/text
    --gold ../shared/data/polnear/dev/attributions --pred-out preds/ --workers 2
    (needs the shared PolNeAR data)
    """
    from ..eval.runner import evaluate, text_files
    from ..eval.score import gold_file

    _check_dir("--text", text)
    _check_dir("--gold", gold)
    if pred_out is not None and pred_out.exists() and not pred_out.is_dir():
        raise fail(f"--pred-out {str(pred_out)!r} exists and is not a folder", EXIT_USAGE)
    if pred_out is not None and pred_out.resolve() == gold.resolve():
        message = "--pred-out must not be the --gold folder: predictions would overwrite gold NAME.ann files"
        raise fail(message, EXIT_USAGE)
    texts = text_files(text)
    if not texts:
        raise fail(f"no .txt files in --text {str(text)!r}", EXIT_USAGE)
    if not any(gold_file(gold, t.stem) for t in texts):
        raise fail(
            f"none of the {len(texts)} texts in {str(text)!r} has a gold file NAME_*.ann or NAME.ann "
            f"in {str(gold)!r}",
            EXIT_USAGE,
        )

    with tempfile.TemporaryDirectory(prefix="reportedly-eval-") as tmp:
        pred_dir = pred_out if pred_out is not None else Path(tmp)
        seconds = _predict(text, pred_dir, workers, len(texts))
        result = evaluate(text, gold, pred_dir)

    if as_json:
        dump(result)
        return
    out.print(results_table(result, title="Attribution extraction"))
    counts = result["counts"]
    out.print(
        Text(
            f"{result['documents']} documents scored; relations: {counts['gold_relations']} gold, "
            f"{counts['pred_relations']} predicted"
        )
    )
    where = f"; predictions in {pred_out}" if pred_out is not None else ""
    out.print(
        Text(
            f"predicted {len(texts)} texts from {text} in {seconds:.1f} s with {workers} worker(s){where}",
            style="dim",
        )
    )
