"""A PostgreSQL database per test, for the tests that check the store on PostgreSQL.

The store promises to work on any SQLAlchemy URL, and PostgreSQL is the one
teams use, so it has to be tested against a real server rather than assumed.
When ``REPORTEDLY_TEST_POSTGRES_URL`` names a server (its user must be allowed
to create databases) that server is used; otherwise a throwaway server is
started from the PostgreSQL binaries of this machine, in a temporary folder,
reachable only through a Unix socket there, and removed when the session ends.
Without binaries or without the ``psycopg`` driver the tests that ask for a
database are skipped, so the suite still passes on a machine without them.

Each test gets a database of its own (created empty, dropped afterwards), so
tests cannot see each other's rows; creating one takes a few hundredths of a
second, far less than the tests themselves.
"""

from __future__ import annotations

import importlib.util
import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import URL, create_engine, make_url, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

ENV_URL = "REPORTEDLY_TEST_POSTGRES_URL"
NO_DRIVER = "psycopg is not installed (pip install -e '.[postgres]')"
NO_SERVER = "PostgreSQL server binaries not found (Debian: apt-get install postgresql)"

# Durability is pointless for a server that is deleted after the tests, and
# flushing to disk is most of what makes a small server slow.
FAST_SETTINGS = {
    "listen_addresses": "''",  # socket only: no port to collide with, nothing reachable from outside
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "max_connections": "50",
    "shared_buffers": "32MB",
}


def find_bindir() -> Path | None:
    """The folder holding initdb, pg_ctl and postgres, or None.

    Debian keeps them off PATH under ``/usr/lib/postgresql/<version>/bin``;
    the newest version there wins. A PATH entry may be a symlink into such a
    folder, so it is resolved: pg_ctl must start the ``postgres`` beside it.
    """
    found = shutil.which("initdb")
    candidates = [Path(found).resolve().parent] if found else []

    def version(p: Path) -> tuple[int, ...]:
        return tuple(int(x) for x in p.parent.name.split(".") if x.isdigit())

    candidates += sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=version, reverse=True)
    for folder in candidates:
        if all((folder / tool).is_file() for tool in ("initdb", "pg_ctl", "postgres")):
            return folder
    return None


@dataclass
class Server:
    """A PostgreSQL server reached through ``admin_url``, on which test databases are made."""

    admin_url: URL
    _names: Iterator[int] = field(default_factory=itertools.count)

    def create_database(self) -> URL:
        """A new empty database, sorting and folding case like a typical ``en_US`` deployment.

        Databases made with ``initdb``'s defaults on a bare machine sort text
        by code point, as SQLite does, which would hide any result whose
        order comes from the database's collation. An ICU ``en-US``
        collation (PostgreSQL 15+, built with ICU, as Debian's is) brings
        that out; older or ICU-less servers get their default.
        """
        name = f"reportedly_test_{os.getpid()}_{next(self._names)}"
        self._admin(f'DROP DATABASE IF EXISTS "{name}"')
        try:
            icu = "TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US'"
            self._admin(f'CREATE DATABASE "{name}" {icu}')
        except DBAPIError:
            self._admin(f'CREATE DATABASE "{name}"')
        return self.admin_url.set(database=name)

    def drop_database(self, url: URL) -> None:
        # FORCE ends connections a failing test left open (PostgreSQL 13 and later).
        self._admin(f'DROP DATABASE IF EXISTS "{url.database}" WITH (FORCE)')

    def _admin(self, *statements: str) -> None:
        # CREATE/DROP DATABASE cannot run inside a transaction.
        engine = create_engine(self.admin_url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
        try:
            with engine.connect() as conn:
                for statement in statements:
                    conn.execute(text(statement))
        finally:
            engine.dispose()


def _as_postgres(command: list[str]) -> list[str]:
    """initdb and postgres refuse to run as root; CI runs as root, so drop to the postgres user."""
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", "postgres", "--", *command]


def _run(command: list[str], cwd: Path) -> None:
    done = subprocess.run(_as_postgres(command), cwd=cwd, capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({done.returncode}): {done.stderr or done.stdout}")


def _start_throwaway(bindir: Path, home: Path) -> tuple[Server, Path]:
    data, log = home / "data", home / "server.log"
    initdb = [str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8"]
    try:
        # A UTF-8 ctype, so that even without ICU (see create_database) the
        # databases fold non-ASCII letters in lower() as a real deployment's do.
        _run([*initdb, "--locale=C.UTF-8", "--no-sync"], home)
    except RuntimeError:
        shutil.rmtree(data, ignore_errors=True)
        _run([*initdb, "--no-locale", "--no-sync"], home)
    options = " ".join(f"-c {k}={v}" for k, v in FAST_SETTINGS.items())
    _run(
        [
            str(bindir / "pg_ctl"),
            "-D",
            str(data),
            "-l",
            str(log),
            "-w",
            "-s",
            "-t",
            "60",
            "-o",
            f"{options} -k {home} -p 5432",
            "start",
        ],
        home,
    )
    url = URL.create(
        "postgresql+psycopg",
        username="postgres",
        database="postgres",
        query={"host": str(home), "port": "5432"},
    )
    return Server(url), data


def _stop(bindir: Path, home: Path, data: Path) -> None:
    subprocess.run(
        _as_postgres([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-s", "stop"]),
        cwd=home,
        capture_output=True,
        timeout=60,
        check=False,
    )


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[Server]:
    """The session's PostgreSQL server; skips the test when none can be had."""
    if importlib.util.find_spec("psycopg") is None:
        pytest.skip(NO_DRIVER)
    given = os.environ.get(ENV_URL)
    if given:
        yield Server(make_url(given))
        return
    bindir = find_bindir()
    if bindir is None:
        pytest.skip(NO_SERVER)
    owner: pwd.struct_passwd | None = None
    if os.geteuid() == 0:
        try:
            owner = pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("running as root and there is no 'postgres' user for the PostgreSQL server to run as")
        if shutil.which("runuser") is None:
            pytest.skip("running as root and runuser (util-linux) is missing")
    # Directly under the temp folder: pytest's own tmp folders are private to
    # their owner, and the server may run as another user.
    home = Path(tempfile.mkdtemp(prefix="reportedly-pg-"))
    if owner is not None:
        os.chown(home, owner.pw_uid, owner.pw_gid)
    data = home / "data"
    try:
        try:
            server, data = _start_throwaway(bindir, home)
        except (RuntimeError, subprocess.TimeoutExpired) as exc:
            log = home / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            pytest.fail(f"could not start a throwaway PostgreSQL server from {bindir}: {exc}\n{tail}")
        yield server
    finally:
        if data.exists():
            _stop(bindir, home, data)
        shutil.rmtree(home, ignore_errors=True)


@pytest.fixture
def pg_url(postgres_server: Server) -> Iterator[str]:
    """The URL of a new, empty database (no schema yet), as users pass it to ``--db``."""
    url = postgres_server.create_database()
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        postgres_server.drop_database(url)
