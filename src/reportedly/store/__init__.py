"""Storage stage: keeps ledgers in a relational database and answers queries on them.

SQLite by default, so a ledger is one file users can open in Datasette; any
SQLAlchemy URL works for a shared server. The schema is versioned with
Alembic and upgraded whenever a :class:`Store` is opened.

:class:`Store` is the one entry point; its failures are the errors below, all of
them :class:`StoreError` (see :mod:`reportedly.store.errors` for what each means
to the API and the command line).
"""

from reportedly.store.errors import AlreadyExists, InvalidInput, NotFound, StoreError, StoreUnavailable
from reportedly.store.links import LinkRows
from reportedly.store.store import SaveResult, Store
from reportedly.store.values import Page

__all__ = [
    "AlreadyExists",
    "InvalidInput",
    "LinkRows",
    "NotFound",
    "Page",
    "SaveResult",
    "Store",
    "StoreError",
    "StoreUnavailable",
]
