"""Storage stage: keeps ledgers in a relational database and answers queries on them.

SQLite by default, so a ledger is one file users can open in Datasette; any
SQLAlchemy URL works for a shared server. The schema is versioned with
Alembic and upgraded whenever a :class:`Store` is opened.
"""

from reportedly.store.errors import StoreError
from reportedly.store.store import SaveResult, Store

__all__ = ["SaveResult", "Store", "StoreError"]
