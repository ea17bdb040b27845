"""What the store raises, so callers need not know SQLAlchemy, and what each failure means to people.

Every error is a :class:`StoreError`, so ``except StoreError`` catches them all; the
subclasses say what kind of failure it was. This module is the one place that says how
each kind reaches a person: the HTTP status the API answers with (``http_status``) and
the exit code of the command line (``exit_code``, the codes the README lists: 1 an input
problem, 2 a usage error, 3 a store problem). The API's exception handler and the CLI
read these attributes rather than deciding for themselves.

=====================  ====  ====  ===============================================================
error                  HTTP  exit  raised when
=====================  ====  ====  ===============================================================
``NotFound``           404   1     a document, claim, story or user alias asked for is not stored
``InvalidInput``       422   2     an argument the store cannot use (unknown stance, negative
                                   limit, empty alias) or a ledger it refuses to store
``AlreadyExists``      409   3     a write clashes with stored rows (claim ids another document
                                   holds, a constraint the database enforces)
``StoreUnavailable``   503   3     the database cannot be opened, reached, locked or migrated
``StoreError``         500   3     any other failure of the database
=====================  ====  ====  ===============================================================
"""

from __future__ import annotations

from sqlalchemy.exc import (
    DBAPIError,
    DisconnectionError,
    IntegrityError,
    InterfaceError,
    OperationalError,
    SQLAlchemyError,
)


class StoreError(RuntimeError):
    """The database cannot do what was asked: missing row, bad data, wrong schema."""

    http_status = 500
    exit_code = 3

    @property
    def http_detail(self) -> str:
        """The sentence the API answers with."""
        return f"the store could not answer: {self}"


class NotFound(StoreError):
    """No stored row has the id asked for: ``what`` names the kind of row, ``key`` the id.

    The message is ``no <what> '<key>'``, followed by ``hint`` (what to run to list
    them) where one is given; the API answers with the sentence alone.
    """

    http_status = 404
    exit_code = 1

    def __init__(self, what: str, key: str, hint: str | None = None) -> None:
        self.what, self.key, self.hint = what, key, hint
        sentence = f"no {what} {key!r}"
        super().__init__(f"{sentence}; {hint}" if hint else sentence)

    @property
    def http_detail(self) -> str:
        return f"no {self.what} {self.key!r}"


class InvalidInput(StoreError):
    """An argument the store cannot use, or a ledger it refuses to store; the message says why."""

    http_status = 422
    exit_code = 2

    @property
    def http_detail(self) -> str:
        return str(self)


class AlreadyExists(StoreError):
    """A write clashes with stored rows: a key another row holds, or a constraint the database enforces."""

    http_status = 409
    exit_code = 3


class StoreUnavailable(StoreError):
    """The database cannot be used at all just now: not opened, not reachable, locked, not migrated."""

    http_status = 503
    exit_code = 3


def driver_message(exc: BaseException) -> str:
    """What went wrong, in the driver's one line: SQLAlchemy's own message adds the driver's
    class, the SQL statement and a "Background on this error at" link on further lines, which
    a person reading an error needs none of (``unable to open database file`` says it)."""
    cause = exc.orig if isinstance(exc, DBAPIError) and exc.orig is not None else exc
    text = str(cause).strip()
    return text.splitlines()[0] if text else type(cause).__name__


def from_database(exc: SQLAlchemyError) -> StoreError:
    """The store's error for a failure SQLAlchemy reported, in the driver's words (:func:`driver_message`)."""
    if isinstance(exc, IntegrityError):
        return AlreadyExists(driver_message(exc))
    if isinstance(exc, OperationalError | InterfaceError | DisconnectionError):
        return StoreUnavailable(driver_message(exc))
    return StoreError(driver_message(exc))
