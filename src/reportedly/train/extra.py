"""The ``[train]`` extra: what training imports, checked before a run starts."""

from __future__ import annotations

import importlib.util

# the module each training dependency is imported as, and its distribution name
TRAINING_MODULES = {"torch": "torch", "transformers": "transformers", "pycrfsuite": "python-crfsuite"}


class MissingTrainingDependency(ImportError):
    """A package training imports is not installed; the message names the extra to install."""


def require(*modules: str) -> None:
    """Raise :class:`MissingTrainingDependency` (an ImportError) naming the ``[train]`` extra
    if a training dependency is missing.

    Checked before a run starts, so a missing package is one sentence at the start, not a
    traceback after an hour of reading the corpus. ``find_spec`` looks without importing.
    """
    missing = [TRAINING_MODULES.get(m, m) for m in modules or TRAINING_MODULES if _absent(m)]
    if missing:
        raise MissingTrainingDependency(
            f"training needs {', '.join(missing)}, which is not installed: pip install 'reportedly[train]'"
        )


def _absent(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is None
    except ValueError:  # a module set to None in sys.modules (how tests hide one)
        return True
