"""Every environment variable reportedly reads, in one place.

Each is read when asked for, not at import, so a test (or a long-lived
process) that changes the environment sees the change. The CLI's options
that fall back to a variable (``--db``, ``--token``, ``--scheduler``) name it
from here too.

=============================  ===================================================================
``REPORTEDLY_DB``              the store: SQLite file or SQLAlchemy URL (default ``reportedly.db``)
``REPORTEDLY_TOKEN``           the web API's write token (``serve``, ``app_from_env``)
``REPORTEDLY_ALLOW_PRIVATE``   ``1``/``true``/``yes``: the web API may fetch private addresses
``REPORTEDLY_DASK_SCHEDULER``  ``ingest --scheduler``: a running Dask cluster
``REPORTEDLY_ALIASES``         extra alias files (TSV), separated by ``os.pathsep``
``REPORTEDLY_ENCODER``         another encoder model folder, or ``off`` to run the CRFs alone
``REPORTEDLY_ENCODER_RUNTIME`` ``onnx`` (default when ONNX Runtime is installed) or ``torch``
``REPORTEDLY_ENCODER_THREADS`` threads of the encoder in each worker of a running Dask cluster
``REPORTEDLY_EMBEDDINGS``      ``minilm``, ``tfidf`` or ``auto`` for story linking
``REPORTEDLY_DEBUG``           set: the CLI shows a traceback instead of a one-line error
=============================  ===================================================================
"""

from __future__ import annotations

import os

DB_ENV = "REPORTEDLY_DB"
TOKEN_ENV = "REPORTEDLY_TOKEN"
ALLOW_PRIVATE_ENV = "REPORTEDLY_ALLOW_PRIVATE"
SCHEDULER_ENV = "REPORTEDLY_DASK_SCHEDULER"
ALIASES_ENV = "REPORTEDLY_ALIASES"
ENCODER_ENV = "REPORTEDLY_ENCODER"
ENCODER_RUNTIME_ENV = "REPORTEDLY_ENCODER_RUNTIME"
ENCODER_THREADS_ENV = "REPORTEDLY_ENCODER_THREADS"
EMBEDDINGS_ENV = "REPORTEDLY_EMBEDDINGS"
DEBUG_ENV = "REPORTEDLY_DEBUG"

DEFAULT_DB = "reportedly.db"


def db() -> str:
    """The store to use when none is given."""
    return os.environ.get(DB_ENV, DEFAULT_DB)


def token() -> str | None:
    """The web API's write token, or None (writes refused)."""
    return os.environ.get(TOKEN_ENV)


def allow_private() -> bool:
    """Whether the web API may fetch URLs on loopback or private addresses."""
    return os.environ.get(ALLOW_PRIVATE_ENV, "") in ("1", "true", "yes")


def alias_files() -> list[str]:
    """Extra alias files named in the environment, in order."""
    return [p for p in os.environ.get(ALIASES_ENV, "").split(os.pathsep) if p]


def encoder() -> str:
    """The encoder folder asked for ('' for the shipped one; 'off' for none)."""
    return os.environ.get(ENCODER_ENV) or ""


def encoder_runtime() -> str:
    """The encoder runtime asked for, lower-cased ('' when the default applies)."""
    return (os.environ.get(ENCODER_RUNTIME_ENV) or "").lower()


def encoder_threads() -> int | None:
    """The encoder's threads a Dask worker of a running cluster uses (None: every core).

    Several workers started on one machine would otherwise each run the encoder on every
    core and fight over them; ``REPORTEDLY_ENCODER_THREADS=1 dask worker …`` gives each
    one. Read on the worker, before it loads the models (``reportedly.batch``).
    """
    value = os.environ.get(ENCODER_THREADS_ENV, "").strip()
    if not value:
        return None
    if not value.isdigit() or int(value) < 1:
        raise ValueError(f"{ENCODER_THREADS_ENV}={value!r}: give a whole number of threads, 1 or more")
    return int(value)


def embeddings() -> str:
    """The embedding method asked for ('' when the caller's default applies)."""
    return os.environ.get(EMBEDDINGS_ENV) or ""


def debug() -> bool:
    """Whether the CLI should let an unexpected exception's traceback through."""
    return bool(os.environ.get(DEBUG_ENV))
