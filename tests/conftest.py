"""Fixtures shared across test modules: a PostgreSQL database for the store tests (see pg.py)."""

from pg import pg_url, postgres_server

__all__ = ["pg_url", "postgres_server"]
