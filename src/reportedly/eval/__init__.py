"""Measuring attribution extraction against hand-annotated corpora (PolNeAR).

``score`` implements the metrics of the project's shared scorer so that our
numbers can be computed in-process (tests, the quality floor, error analysis)
and still be the numbers everyone else reports; ``runner`` predicts a folder
of texts into brat files and scores them.
"""

from __future__ import annotations

from .score import score_documents, score_folder

__all__ = ["score_documents", "score_folder"]
