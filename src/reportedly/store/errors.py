"""The one exception the store raises, so callers need not know SQLAlchemy."""

from __future__ import annotations


class StoreError(RuntimeError):
    """The database cannot do what was asked: missing row, bad data, wrong schema."""
