"""store/errors.py: typed store errors, and the one table that maps them to HTTP statuses and exit codes.

Every error is still a ``StoreError`` (old ``except StoreError`` keeps working); the API
answers with each type's status and the CLI exits with each type's code, so a missing
row is a 404 and exit 1 wherever it comes from, never guessed from the message's wording.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.exc import IntegrityError, OperationalError, ProgrammingError
from typer.testing import CliRunner

from reportedly.api import create_app
from reportedly.api.app import INTERNAL_ERROR
from reportedly.cli import app as cli
from reportedly.store import AlreadyExists, InvalidInput, NotFound, Store, StoreError, StoreUnavailable
from reportedly.store.errors import from_database
from test_store import ledger_a, ledger_b
from web_ledgers import ferry_ledger

TABLE = {  # type: (HTTP status, exit code)
    NotFound: (404, 1),
    InvalidInput: (422, 2),
    AlreadyExists: (409, 3),
    StoreUnavailable: (503, 3),
    StoreError: (500, 3),
}


@pytest.mark.parametrize(("kind", "expected"), TABLE.items())
def test_each_error_is_a_store_error_with_its_status_and_exit_code(kind: type, expected: tuple) -> None:
    assert issubclass(kind, StoreError) and issubclass(kind, RuntimeError)
    error = kind("what", "key") if kind is NotFound else kind("something failed")
    assert (error.http_status, error.exit_code) == expected


def test_not_found_names_the_row_and_gives_the_hint_to_people_only() -> None:
    error = NotFound("story", "s-1", "list them with: reportedly stories")
    assert (error.what, error.key) == ("story", "s-1")
    assert str(error) == "no story 's-1'; list them with: reportedly stories"
    assert error.http_detail == "no story 's-1'"
    assert str(NotFound("claim", "c")) == "no claim 'c'"


def test_database_failures_are_translated_by_kind() -> None:
    def sa(kind: type) -> Exception:
        return kind("INSERT ...", {}, Exception("boom"))

    assert type(from_database(sa(IntegrityError))) is AlreadyExists
    assert type(from_database(sa(OperationalError))) is StoreUnavailable
    assert type(from_database(sa(ProgrammingError))) is StoreError
    assert "boom" in str(from_database(sa(OperationalError)))


def test_the_store_raises_typed_errors(tmp_path: Path) -> None:
    with Store(tmp_path / "e.db") as store:
        store.save(ledger_a())
        for missing in (
            lambda: store.load("nope"),
            lambda: store.document("nope"),
            lambda: store.claim("nope"),
            lambda: store.delete_document("nope"),
            lambda: store.remove_user_alias("nope"),
            lambda: store.story("nope"),
        ):
            with pytest.raises(NotFound):
                missing()
        for invalid in (
            lambda: store.claims(stance="bogus"),
            lambda: store.claims(limit=-1),
            lambda: store.claim_page(published_from="2024-13-01"),
            lambda: store.add_user_alias(" ", "x"),
            lambda: store.measure_page(offset=-1),
        ):
            with pytest.raises(InvalidInput):
                invalid()
        b = ledger_b()
        b.claims[0].id = ledger_a().claims[0].id
        with pytest.raises(AlreadyExists, match="claim ids already used"):
            store.save(b)
    with pytest.raises(StoreUnavailable, match="cannot open"):
        Store("nosuchdialect://host/db")


# -- the API -----------------------------------------------------------------------------


def _ferry_store(store: Store) -> None:
    store.save(ferry_ledger())


@pytest.fixture
def client(tmp_path: Path, store_copy: Callable[..., Path]) -> Iterator[TestClient]:
    db = store_copy(tmp_path / "api.db", _ferry_store)
    with TestClient(create_app(db)) as c:
        yield c


@pytest.mark.parametrize(
    ("path", "detail"),
    [
        ("/api/documents/nope", "no document 'nope'"),
        ("/api/claims/nope", "no claim 'nope'"),
        ("/api/claims/nope/provenance", "no claim 'nope'"),
        ("/api/entities/nope", "no entity 'nope'"),
        ("/api/stories/s-nope", "no story 's-nope'"),
        ("/api/stories/s-nope/clusters", "no story 's-nope'"),
        ("/api/stories/s-nope/conflicts", "no story 's-nope'"),
        ("/api/stories/s-nope/timeline", "no story 's-nope'"),
        ("/api/claims?story=s-nope", "no story 's-nope'"),
        ("/api/export?story=s-nope", "no story 's-nope'"),
        ("/api/export?document=nope", "no document 'nope'"),
    ],
)
def test_a_missing_row_is_a_404_with_one_sentence(client: TestClient, path: str, detail: str) -> None:
    answer = client.get(path)
    assert (answer.status_code, answer.json()) == (404, {"detail": detail})


@pytest.mark.parametrize(
    ("error", "status", "detail"),
    [
        (InvalidInput("limit and offset must not be negative"), 422, "limit and offset must not be negative"),
        # 5xx: the status is kept, the driver's message (SQL, parameters) only goes to the log
        (StoreUnavailable("database is locked"), 503, INTERNAL_ERROR),
        (AlreadyExists("taken"), 409, "the store could not answer: taken"),
        (StoreError("disk I/O error"), 500, INTERNAL_ERROR),
    ],
)
def test_other_store_errors_answer_with_their_status(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, error: StoreError, status: int, detail: str
) -> None:
    def fail(*_args: object, **_kwargs: object) -> None:
        raise error

    monkeypatch.setattr(Store, "document_page", fail)
    answer = client.get("/api/documents")
    assert (answer.status_code, answer.json()) == (status, {"detail": detail})


# -- the command line ----------------------------------------------------------------------


def test_cli_exit_codes_come_from_the_error_type(tmp_path: Path) -> None:
    db = str(tmp_path / "cli.db")
    with Store(db) as store:
        store.save(ferry_ledger())
    runner = CliRunner()
    missing = runner.invoke(cli, ["aliases", "remove", "nope", "--db", db])
    assert missing.exit_code == 1 and "no user alias 'nope'" in missing.output
    unknown = runner.invoke(cli, ["export", "--document", "nope", "--db", db])
    assert unknown.exit_code == 1 and "no document 'nope'" in unknown.output
    empty = runner.invoke(cli, ["aliases", "add", " ", "Someone", "--db", db])
    assert empty.exit_code == 2 and "must both be non-empty" in empty.output
    unusable = runner.invoke(cli, ["documents", "--db", "nosuchdialect://host/db"])
    assert unusable.exit_code == 3 and "cannot open" in unusable.output


def test_a_store_error_no_verb_expected_exits_with_its_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from reportedly import cli as cli_module

    db = str(tmp_path / "cli.db")
    Store(db).close()

    def gone(*_args: object, **_kwargs: object) -> None:
        raise StoreUnavailable("database is locked")

    monkeypatch.setattr(Store, "documents", gone)
    monkeypatch.setattr(sys, "argv", ["reportedly", "documents", "--db", db])
    with pytest.raises(SystemExit) as exited:
        cli_module.main()
    assert exited.value.code == 3
    assert "Error: database is locked" in capsys.readouterr().err


# -- what a person reads when the store cannot be opened -----------------------------------


def test_database_failures_keep_the_drivers_sentence_only() -> None:
    """SQLAlchemy's message adds the statement and a "Background on this error" link on more
    lines; the store's error keeps the driver's one line, which says what went wrong."""
    error = from_database(OperationalError("SELECT 1 FROM claims", {}, Exception("database is locked")))
    assert str(error) == "database is locked"


@pytest.mark.parametrize("kind", ["folder", "text file"])
def test_a_db_path_that_is_no_database_is_one_line_on_the_cli(tmp_path: Path, kind: str) -> None:
    target = tmp_path / "notes"
    if kind == "folder":
        target.mkdir()
    else:
        target.write_text("A note I wrote, not a database.\n", encoding="utf-8")
    with pytest.raises(StoreUnavailable) as caught:
        Store(target)
    assert "\n" not in str(caught.value) and "sqlalche.me" not in str(caught.value)
    assert str(target) in str(caught.value)
    result = CliRunner().invoke(cli, ["claims", "--db", str(target)])
    assert result.exit_code == 3
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: cannot open database"), result.output


def test_opening_a_new_store_waits_for_another_process_holding_its_lock(tmp_path: Path) -> None:
    """Two ingests started together on a new file: one creates the schema while the other opens it.
    The second waits for the lock (longer than SQLite's 5 s default) instead of "database is locked"."""
    import sqlite3
    import threading
    import time

    db = tmp_path / "new.db"
    holder = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN EXCLUSIVE")  # a fresh file in rollback-journal mode, locked as a migration locks it
    release = threading.Timer(6.0, lambda: holder.execute("COMMIT"))
    release.start()
    started = time.monotonic()
    try:
        store = Store(db)
    finally:
        release.join()
        holder.close()
    assert time.monotonic() - started >= 5.5  # it waited for the lock rather than failing at 5 s
    assert store.save(ledger_a()).created  # and the store it opened is whole: it takes a ledger
