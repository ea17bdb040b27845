"""PolNeAR on disk: a split folder with ``text/NAME.txt`` and ``attributions/NAME_ANNOTATOR.ann``.

The scorer (:mod:`reportedly.eval`) and the trainers (:mod:`reportedly.train`) both read it here,
so they pick the same annotator for a text. Nothing on the analysis path imports it, and it
imports nothing but the standard library, so the encoder's trainer runs where only torch is
installed (a GPU machine).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path


def gold_file(gold_dir: str | Path, name: str) -> Path | None:
    """The gold annotation of text ``name``: first ``NAME_*.ann`` in sorted order, else ``NAME.ann``.

    PolNeAR names files ``NAME_ANNOTATOR.ann``; several annotators per text
    exist, and every scorer must pick the same one.
    """
    folder = Path(gold_dir)
    candidates = sorted(folder.glob(f"{name}_*.ann")) + sorted(folder.glob(f"{name}.ann"))
    return candidates[0] if candidates else None


def read_split(split_dir: Path, limit: int | None = None) -> Iterator[tuple[str, str, str]]:
    """(name, text, first annotator's .ann) for every text with a gold file, in sorted order."""
    texts = sorted((split_dir / "text").glob("*.txt"))
    n = 0
    for path in texts:
        gold = gold_file(split_dir / "attributions", path.stem)
        if gold is None:
            continue
        yield path.stem, path.read_text(encoding="utf-8"), gold.read_text(encoding="utf-8")
        n += 1
        if limit is not None and n >= limit:
            return
