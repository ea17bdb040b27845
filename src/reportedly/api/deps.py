"""What every route needs: the app's settings, its store, paging parameters, error mapping.

Kept apart from ``app.py`` so route modules can import it without importing
the app factory (which imports them).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Annotated, Any

from fastapi import HTTPException, Query, Request, status

from reportedly.store import Store, StoreError

DEFAULT_LIMIT = 50
MAX_LIMIT = 500
#: Default request body cap: the ingest stage's file limit (10 MiB) plus room for JSON escaping.
DEFAULT_MAX_BODY = 12 * 1024 * 1024


@dataclass(slots=True)
class Settings:
    store_url: str
    token: str | None = None
    allow_private: bool = False
    max_body: int = DEFAULT_MAX_BODY
    #: spaCy pipelines are not documented as thread-safe; analyses run one at a time.
    analysis_lock: threading.Lock = field(default_factory=threading.Lock)


def settings(request: Request) -> Settings:
    return request.app.state.settings


def store(request: Request) -> Store:
    return request.app.state.store


Limit = Annotated[int, Query(ge=0, le=MAX_LIMIT, description=f"Items per page (at most {MAX_LIMIT}).")]
Offset = Annotated[int, Query(ge=0, description="How many matching items to skip.")]


def page(items: list[Any], total: int, limit: int, offset: int) -> dict[str, Any]:
    return {"items": items, "total": total, "limit": limit, "offset": offset}


def not_found(what: str, key: str) -> HTTPException:
    return HTTPException(status.HTTP_404_NOT_FOUND, f"no {what} {key!r}")


@contextmanager
def lookup(what: str, key: str) -> Iterator[None]:
    """Turn the store's "no such row" into 404; any other store failure stays an error."""
    try:
        yield
    except StoreError as exc:
        if str(exc).startswith("no "):
            raise not_found(what, key) from None
        raise
