"""Fixtures shared across test modules: a PostgreSQL database for the store tests (see pg.py),
the sentence model's presence for the linking tests that need it, and stores built once a session."""

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from pg import pg_url, postgres_server

__all__ = ["minilm", "pg_url", "postgres_server", "store_copy"]

# The CLI tests give each invocation its own COLUMNS; one already in the environment when the CLI
# module is imported (exported by a shell, or the 80 that pytest-xdist's workers set) would fix
# the width of its Rich consoles for the whole session and cut their tables short.
os.environ.pop("COLUMNS", None)


@pytest.fixture(scope="session")
def minilm() -> None:
    """Skip unless the MiniLM sentence model is installed.

    Checked when a test runs, not when the suite is collected: the check used to import
    sentence-transformers and so torch (about 5 s of CPU), which a fast-lane run that
    deselects every test needing it should not pay.
    """
    from reportedly.link.embed import minilm_available

    if not minilm_available():
        pytest.skip("sentence model not installed")


@pytest.fixture(scope="session")
def store_copy(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Path]:
    """``store_copy(path, build)`` puts at ``path`` a copy of the SQLite store that ``build(store)``
    fills, built the first time that ``build`` is asked for and copied after that.

    Migrating a new database to the schema head and saving its ledgers costs about 50 ms; the
    API tests want a fresh store for each test (they write to it), and a file copy is about
    1 ms. ``build`` must be a module-level function: it is the key. The migrations themselves
    are tested on new files by test_store.py and every test that opens a store of its own.
    """
    from reportedly.store import Store

    built: dict[Callable[..., None], Path] = {}

    def make(path: Path, build: Callable[..., None]) -> Path:
        if build not in built:
            template = tmp_path_factory.mktemp("stores") / "store.db"
            with Store(template) as store:
                build(store)
            built[build] = template
        shutil.copyfile(built[build], path)
        return path

    return make
