"""The one exception type of the ingest stage.

Ingest is the stage users hit with their own files and URLs, so its failures
are expected, not bugs: each carries a short machine-readable ``reason`` (for
batch reports and exit codes) and a one-line message that says what to do
next, because "UnicodeDecodeError at position 4711" helps nobody decide.
"""

from __future__ import annotations

import errno
from typing import Any

REASONS = frozenset(
    {
        "empty",
        "binary",
        "encoding",
        "too_large",
        "not_found",
        "is_directory",
        "no_articles",
        "not_regular_file",
        "symlink_loop",
        "unreadable",
        "fetch",
        "refused_address",
        "parse",
    }
)


class IngestError(Exception):
    """A source that could not be turned into a Document.

    ``line`` is set when the problem is one record of a multi-record source
    (a JSONL line), so a batch report can point at it without parsing the
    message.
    """

    def __init__(self, reason: str, source: str | None, message: str, *, line: int | None = None) -> None:
        if reason not in REASONS:
            # A typo in a reason code would silently break callers that switch on it.
            raise ValueError(f"unknown IngestError reason {reason!r}; expected one of {sorted(REASONS)}")
        super().__init__(message)
        self.reason = reason
        self.source = source
        self.message = message
        self.line = line

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"IngestError(reason={self.reason!r}, source={self.source!r}, message={self.message!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        # The default reduction replays ``args`` (only the message), which would
        # make the error unpicklable across worker processes.
        return (_rebuild, (self.reason, self.source, self.message, self.line))

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"reason": self.reason, "source": self.source, "message": self.message}
        if self.line is not None:
            out["line"] = self.line
        return out


def unreadable(name: str, exc: OSError, what_to_do: str) -> IngestError:
    """The error for a path that exists but cannot be opened, with a reason of its own.

    A symlink loop and a permission problem both surface as an ``OSError``; calling
    them ``not_found`` sent users looking for a missing file, so each gets its own code.
    """
    if exc.errno == errno.ELOOP:
        return IngestError(
            "symlink_loop",
            name,
            f"{name} cannot be read ({exc.strerror}: a symlink loop); point it at a file",
        )
    return IngestError("unreadable", name, f"{name} cannot be read ({exc.strerror}); {what_to_do}")


def _rebuild(reason: str, source: str | None, message: str, line: int | None) -> IngestError:
    return IngestError(reason, source, message, line=line)
