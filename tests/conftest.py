"""Fixtures shared across test modules: a PostgreSQL database for the store tests (see pg.py),
and the sentence model's presence for the linking tests that need it."""

import pytest

from pg import pg_url, postgres_server

__all__ = ["minilm", "pg_url", "postgres_server"]


@pytest.fixture(scope="session")
def minilm() -> None:
    """Skip unless the MiniLM sentence model is installed.

    Checked when a test runs, not when the suite is collected: the check imports
    sentence-transformers and so torch (about 5 s of CPU), which a fast-lane run
    that deselects every test needing it should not pay.
    """
    from reportedly.link.embed import minilm_available

    if not minilm_available():
        pytest.skip("sentence model not installed")
