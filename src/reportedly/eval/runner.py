"""Predict a folder of texts into brat files and score them against gold annotations.

Prediction goes through the public path (``parse_layout`` then
``reportedly.analyze_many``), so what is measured is what users get. Texts are
read exactly as the scorer reads them (UTF-8, universal newlines), because the
predicted offsets must index the same string the gold offsets index.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from pathlib import Path
from typing import Any, TypeVar

from .score import score_folder

T = TypeVar("T")

#: Documents handed to spaCy in one ``analyze_many`` call: large enough for
#: ``nlp.pipe`` batching to pay off, small enough for a responsive progress bar.
BATCH_DOCS = 16

Progress = Callable[[int], None]


class EvalError(RuntimeError):
    """A folder or a text could not be evaluated; the message names which and why."""


def text_files(text_dir: str | Path) -> list[Path]:
    """The ``*.txt`` files of a folder in sorted order (the order every report uses)."""
    folder = Path(text_dir)
    if not folder.is_dir():
        raise EvalError(f"text folder {str(folder)!r} does not exist or is not a folder")
    return sorted(folder.glob("*.txt"))


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise EvalError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except OSError as exc:
        raise EvalError(f"{path}: cannot read: {exc.strerror or exc}") from None


def predict_annotations(texts: Sequence[str]) -> list[str]:
    """The brat standoff of each text's ledger, in memory, analysed in one spaCy stream.

    For callers that score without touching the disk (the quality-floor test,
    error analysis); :func:`predict_folder` writes the same strings to files.
    """
    import reportedly
    from reportedly.export.brat import ledger_to_brat
    from reportedly.ingest.layout import parse_layout

    return [ledger_to_brat(ledger) for ledger in reportedly.analyze_many(parse_layout(t) for t in texts)]


def _predict_batch(paths: Sequence[Path], out_dir: Path) -> None:
    """Analyse a batch in one spaCy stream and write one ``.ann`` per text."""
    texts = [_read_text(p) for p in paths]
    try:
        annotations = predict_annotations(texts)
    except Exception:
        # Find the culprit so the error names a file, not a batch.
        annotations = []
        for path, text in zip(paths, texts, strict=True):
            try:
                annotations.extend(predict_annotations([text]))
            except Exception as exc:
                raise EvalError(f"{path}: extraction failed: {exc.__class__.__name__}: {exc}") from exc
    for path, ann in zip(paths, annotations, strict=True):
        (out_dir / f"{path.stem}.ann").write_text(ann, encoding="utf-8")


def _predict_paths(paths: Sequence[Path], out_dir: Path, progress: Progress | None) -> int:
    for i in range(0, len(paths), BATCH_DOCS):
        batch = paths[i : i + BATCH_DOCS]
        _predict_batch(batch, out_dir)
        if progress is not None:
            progress(len(batch))
    return len(paths)


# A queue inherited by pool workers through the initializer, so that workers
# can report progress per batch while each still processes one whole chunk.
_worker_queue: Any = None


def _init_worker(queue: Any) -> None:
    from ..extract.encoder import set_threads

    global _worker_queue
    _worker_queue = queue
    set_threads(1)


def _predict_chunk(paths: list[str], out_dir: str) -> int:
    queue = _worker_queue
    return _predict_paths([Path(p) for p in paths], Path(out_dir), queue.put if queue is not None else None)


def balanced_chunks(items: Sequence[T], workers: int, weight: Callable[[T], int]) -> list[list[T]]:
    """Split ``items`` into one chunk per worker of about equal total ``weight``.

    Longest first onto the lightest chunk: analysis time grows with text
    length, so equal counts would leave one worker finishing long after the
    other. Each chunk keeps the items' original order.
    """
    chunks: list[list[int]] = [[] for _ in range(max(1, min(workers, len(items))))]
    loads = [0] * len(chunks)
    for n in sorted(range(len(items)), key=lambda n: -weight(items[n])):
        lightest = loads.index(min(loads))
        chunks[lightest].append(n)
        loads[lightest] += weight(items[n])
    return [[items[n] for n in sorted(chunk)] for chunk in chunks if chunk]


def split_chunks(paths: Sequence[Path], workers: int) -> list[list[Path]]:
    """One chunk of files per worker, balanced by file size (see :func:`balanced_chunks`)."""
    return balanced_chunks(sorted(paths), workers, lambda p: p.stat().st_size)


def predict_folder(
    text_dir: str | Path, out_dir: str | Path, *, workers: int = 1, progress: Progress | None = None
) -> int:
    """Analyse every ``*.txt`` in ``text_dir`` and write ``NAME.ann`` (brat) for each into ``out_dir``.

    ``workers > 1`` runs a process pool with one chunk of files per worker
    (each process loads spaCy once). ``progress`` is called with the number
    of texts just finished, batch by batch. Returns the number of texts
    predicted; raises :class:`EvalError` for a missing folder, an unreadable
    text, or a text the extractor fails on.
    """
    if workers < 1:
        raise EvalError(f"workers must be at least 1, got {workers}")
    paths = text_files(text_dir)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    if workers == 1 or len(paths) <= 1:
        return _predict_paths(paths, out, progress)

    # spawn, not fork: the parent may be running threads (Rich's progress
    # refresh), and forking a threaded process can deadlock the child.
    context = multiprocessing.get_context("spawn")
    queue = context.Queue() if progress is not None else None
    chunks = split_chunks(paths, workers)
    done = 0
    with ProcessPoolExecutor(
        max_workers=len(chunks), mp_context=context, initializer=_init_worker, initargs=(queue,)
    ) as pool:
        pending = {pool.submit(_predict_chunk, [str(p) for p in chunk], str(out)) for chunk in chunks}
        while pending:
            finished, pending = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
            while queue is not None and progress is not None and not queue.empty():
                progress(queue.get())
            for future in finished:
                done += future.result()  # re-raises a worker's EvalError here
    if queue is not None and progress is not None:
        while not queue.empty():
            progress(queue.get())
        queue.close()
    return done


def evaluate(text_dir: str | Path, gold_dir: str | Path, pred_dir: str | Path) -> dict[str, Any]:
    """Score the predictions in ``pred_dir``; the dict has the shared scorer's keys and values."""
    for role, folder in (("text", text_dir), ("gold", gold_dir), ("prediction", pred_dir)):
        if not Path(folder).is_dir():
            raise EvalError(f"{role} folder {str(folder)!r} does not exist or is not a folder")
    return score_folder(text_dir, gold_dir, pred_dir)
