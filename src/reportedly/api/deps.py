"""What every route needs: the app's settings, its store, paging parameters.

Kept apart from ``app.py`` so route modules can import it without importing
the app factory (which imports them).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Annotated

from fastapi import Query, Request

from reportedly.batch import DEFAULT_MAX_MEMORY_MB, DEFAULT_MAX_WORDS
from reportedly.store import Store

DEFAULT_LIMIT = 50
MAX_LIMIT = 500
#: Default request body cap: the ingest stage's file limit (10 MiB) plus room for JSON escaping.
DEFAULT_MAX_BODY = 12 * 1024 * 1024
#: A news article runs to a few thousand to 30,000 characters; a body of more than this is
#: queued as a job by default (a 2-core machine analyses it for tens of seconds).
DEFAULT_ASYNC_ABOVE = 100_000


#: Analyses that may run at once. Two: a small article posted while a heavy one is analysed
#: (up to ``--analysis-timeout``) is analysed beside it instead of waiting behind it, and two
#: analyses of at most ``--max-memory`` each (1100 MiB by default) over the models fit a 2-core
#: 24 GB machine. More would only share the same two cores.
DEFAULT_ANALYSIS_WORKERS = 2


class AnalysisSlots:
    """At most ``n`` analyses at once, used as ``with slots:`` around one analysis.

    Analyses run in threads of the server process and share its models (one spaCy pipeline and
    one encoder, read-only during analysis), so a second analysis costs no second copy of the
    models. :meth:`exclusive` takes every slot, for work that must not overlap any analysis
    (rebuilding the stories).
    """

    def __init__(self, n: int) -> None:
        self.n = max(1, n)
        self._free = threading.Semaphore(self.n)
        self._count = threading.Lock()
        self._running = 0
        self._exclusive = threading.Lock()  # two rebuilds taking slots in turn would deadlock

    def __enter__(self) -> AnalysisSlots:
        self._free.acquire()
        with self._count:
            self._running += 1
        return self

    def __exit__(self, *_exc: object) -> None:
        with self._count:
            self._running -= 1
        self._free.release()

    def locked(self) -> bool:
        """Whether any analysis is running (a new POST is then queued rather than held)."""
        return self._running > 0

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        """Hold every slot: no analysis runs meanwhile."""
        with self._exclusive:
            for _ in range(self.n):
                self._free.acquire()
            try:
                yield
            finally:
                for _ in range(self.n):
                    self._free.release()


@dataclass(slots=True)
class Settings:
    store_url: str
    token: str | None = None
    allow_private: bool = False
    max_body: int = DEFAULT_MAX_BODY
    #: Seconds one posted article may take to analyse (0: no limit); past it, a 422.
    #: Analyses run at most ``analysis_workers`` at once, so this also bounds how long a write waits.
    analysis_timeout: float = 120.0
    #: MiB of resident memory the server may reach while analysing (0: no limit).
    max_memory: float = DEFAULT_MAX_MEMORY_MB
    #: Most words a posted article may have to be analysed (0: no limit); a longer one is a 422 at once.
    max_words: int = DEFAULT_MAX_WORDS
    #: Posted text or HTML longer than this many characters is analysed as a job (202) rather
    #: than on the request path (0: only when the client asks, with ``?async=true``).
    async_above: int = DEFAULT_ASYNC_ABOVE
    #: Jobs that may wait for an analysis worker before a POST is answered 429.
    job_queue: int = 8
    #: Analyses that may run at once (job workers; a POST on the request path takes a slot too).
    analysis_workers: int = DEFAULT_ANALYSIS_WORKERS
    #: The slots those analyses hold; see :class:`AnalysisSlots`.
    analysis_lock: AnalysisSlots = field(default_factory=lambda: AnalysisSlots(DEFAULT_ANALYSIS_WORKERS))


def settings(request: Request) -> Settings:
    return request.app.state.settings


def store(request: Request) -> Store:
    return request.app.state.store


Limit = Annotated[int, Query(ge=0, le=MAX_LIMIT, description=f"Items per page (at most {MAX_LIMIT}).")]
#: Largest ``offset`` accepted. Both stores keep 64-bit integers; an offset at or past
#: 2**63 overflowed the driver and answered 500 (PostgreSQL with the SQL in the body).
#: No store holds a billion items, so the bound costs nothing and makes it a 422.
MAX_OFFSET = 1_000_000_000
Offset = Annotated[
    int, Query(ge=0, le=MAX_OFFSET, description=f"How many matching items to skip (at most {MAX_OFFSET:,}).")
]
