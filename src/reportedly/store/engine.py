"""Connecting to the database and bringing its schema up to date.

SQLite is the default and needs care that other databases do not: foreign
keys are off unless each connection turns them on, and Python's ``sqlite3``
driver does not begin transactions for SELECT or DDL, which would make
"check then insert" races and half-applied migrations possible. Everything
SQLite-specific is kept in this module, behind dialect checks.

The store's writes are "look, then insert what is missing" (entities,
aliases, documents) and "delete, then insert" (link runs, vectors). SQLite
runs one write transaction at a time, which makes that safe; PostgreSQL runs
them side by side, so two ingests bringing the same new entity would both
insert it and one would fail. Write transactions there take one advisory
lock first, which gives PostgreSQL the same one-writer-at-a-time rule, while
reads stay concurrent on both.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import URL, Connection, Engine, create_engine, event, make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import StaticPool

from reportedly.store.errors import StoreUnavailable, driver_message

MIGRATIONS = Path(__file__).resolve().parent / "migrations"

# Execution option that asks for a write transaction: on SQLite it becomes
# BEGIN IMMEDIATE, so the write lock is taken up front and a concurrent writer
# waits (busy timeout) instead of failing when its read lock cannot be upgraded.
WRITE = "reportedly_write"

# The key of the PostgreSQL advisory lock every write transaction takes (any
# fixed 64-bit number; advisory locks are per database, so stores on other
# databases of the same server do not wait for each other).
WRITE_LOCK_KEY = 0x7265706F72746564  # "reported"

# Alembic keeps the running migration in module globals (``context``, ``op``),
# so two threads migrating at once, even different databases, would mix
# their operations up; migrations in one process therefore take turns.
_MIGRATING = threading.Lock()


#: seconds a SQLite connection waits for another connection's lock before it gives up
SQLITE_BUSY_SECONDS = 60.0


def to_url(url_or_path: str | Path) -> URL:
    """A bare path (or ``:memory:``) means SQLite; anything with ``://`` is a URL."""
    if isinstance(url_or_path, str) and "://" in url_or_path:
        try:
            return make_url(url_or_path)
        except SQLAlchemyError as exc:  # ArgumentError for malformed URLs
            raise StoreUnavailable(f"not a database URL: {url_or_path!r}") from exc
    if str(url_or_path) == ":memory:":
        return make_url("sqlite://")
    path = Path(url_or_path).expanduser()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreUnavailable(f"cannot create the folder for {path}: {exc}") from exc
    return URL.create("sqlite", database=str(path))


def _is_memory(url: URL) -> bool:
    return url.database in (None, "", ":memory:") or url.query.get("mode") == "memory"


def create(url: URL) -> Engine:
    if url.get_backend_name() == "postgresql":
        engine = create_engine(url, pool_pre_ping=True)

        @event.listens_for(engine, "begin")
        def _on_pg_begin(conn: Connection) -> None:
            if conn.get_execution_options().get(WRITE):
                # Held until the transaction ends, whichever way it ends.
                conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")

        return engine
    if url.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)

    memory = _is_memory(url)
    if memory:
        # One shared connection, or every pooled connection would see its own
        # empty database.
        engine = create_engine(url, poolclass=StaticPool, connect_args={"check_same_thread": False})
    else:
        # Wait for another process's write (a migration of a fresh store, a long batch commit) instead
        # of failing with "database is locked" after the driver's 5 s default: two ingests started
        # together on a new file open it while the first one creates the schema (issue 18).
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_SECONDS})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy emit BEGIN itself (see the "begin" hook) instead of
        # the driver's partial, DML-only transaction handling.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA foreign_keys=ON")
            if not memory:
                # Readers (Datasette, the API) do not block the writer.
                cursor.execute("PRAGMA journal_mode=WAL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITE) else "BEGIN")

    return engine


def alembic_config() -> Config:
    """The Alembic configuration, built in code so no ini file has to ship."""
    cfg = Config()
    # ConfigParser interpolates "%", which may legitimately occur in a path.
    cfg.set_main_option("script_location", str(MIGRATIONS).replace("%", "%%"))
    cfg.set_main_option("path_separator", "os")
    return cfg


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine) -> None:
    """Bring the schema to head; costs one small query when it already is."""
    cfg = alembic_config()
    script = ScriptDirectory.from_config(cfg)
    head = script.get_current_head()
    try:
        current = current_revision(engine)
    except SQLAlchemyError as exc:
        raise StoreUnavailable(f"cannot open database {_safe(engine)}: {driver_message(exc)}") from exc
    if current == head:
        return
    if current is not None:
        try:
            script.get_revision(current)
        except CommandError as exc:
            raise StoreUnavailable(
                f"database {_safe(engine)} is at schema revision {current!r}, which this version of "
                "reportedly does not know (was it written by a newer version?)"
            ) from exc

    sqlite = engine.dialect.name == "sqlite"
    # The write lock (see create) also makes a second process that opens a
    # new database at the same moment wait, then find the schema at head.
    with _MIGRATING, engine.connect().execution_options(**{WRITE: True}) as conn:
        if sqlite:
            # Batch migrations copy and drop tables; with foreign keys on, the
            # drop would cascade into child rows. The pragma is ignored inside
            # a transaction, so it goes straight to the driver before BEGIN.
            _pragma(conn, "foreign_keys=OFF")
        try:
            with conn.begin():
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
                if sqlite:
                    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise StoreUnavailable(
                            f"migration left {len(broken)} rows with dangling foreign keys"
                        )
        except (SQLAlchemyError, CommandError) as exc:
            raise StoreUnavailable(f"cannot migrate database {_safe(engine)}: {driver_message(exc)}") from exc
        finally:
            if sqlite:
                _pragma(conn, "foreign_keys=ON")


def _pragma(conn: Connection, pragma: str) -> None:
    driver = conn.connection.driver_connection
    assert driver is not None
    driver.execute(f"PRAGMA {pragma}")


def _safe(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=True)
