"""What every route needs: the app's settings, its store, paging parameters.

Kept apart from ``app.py`` so route modules can import it without importing
the app factory (which imports them).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Annotated

from fastapi import Query, Request

from reportedly.batch import DEFAULT_MAX_MEMORY_MB
from reportedly.store import Store

DEFAULT_LIMIT = 50
MAX_LIMIT = 500
#: Default request body cap: the ingest stage's file limit (10 MiB) plus room for JSON escaping.
DEFAULT_MAX_BODY = 12 * 1024 * 1024
#: A news article runs to a few thousand to 30,000 characters; a body of more than this is
#: queued as a job by default (a 2-core machine analyses it for tens of seconds).
DEFAULT_ASYNC_ABOVE = 100_000


@dataclass(slots=True)
class Settings:
    store_url: str
    token: str | None = None
    allow_private: bool = False
    max_body: int = DEFAULT_MAX_BODY
    #: Seconds one posted article may take to analyse (0: no limit); past it, a 422.
    #: Analyses run one at a time, so this also bounds how long a write waits.
    analysis_timeout: float = 120.0
    #: MiB of resident memory the server may reach while analysing (0: no limit).
    max_memory: float = DEFAULT_MAX_MEMORY_MB
    #: Posted text or HTML longer than this many characters is analysed as a job (202) rather
    #: than on the request path (0: only when the client asks, with ``?async=true``).
    async_above: int = DEFAULT_ASYNC_ABOVE
    #: Jobs that may wait for the analysis worker before a POST is answered 429.
    job_queue: int = 8
    #: spaCy pipelines are not documented as thread-safe; analyses run one at a time.
    analysis_lock: threading.Lock = field(default_factory=threading.Lock)


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
