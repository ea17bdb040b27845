"""The command line: one verb per library call, each a thin skin (see STYLE.md).

Exit codes mean the same on every verb:

* 0 — success;
* 1 — input problem: a document could not be read (it is reported and, for
  ``ingest``, recorded in the store; the rest of the batch still runs);
* 2 — usage error (bad option or argument);
* 3 — store problem (database cannot be opened or is not a reportedly store);
* 141 — stdout's reader closed the pipe (``reportedly analyze a.txt | head -1``):
  the command stops quietly, no traceback, with the shell's code for SIGPIPE
  (``terminal.EXIT_BROKEN_PIPE``), as other Unix tools do.

Article text is untrusted: everything from a document is printed through
``rich.text.Text``, never as Rich markup.

Layout: ``app`` (the Typer app), ``options`` (exit codes, shared options,
opening the store) and ``output`` (JSON, tables, ledgers) are the bottom;
each verb module imports them and registers its verbs on ``app``; this
module imports the verb modules in the order ``--help`` lists them. Nothing
below imports this module.
"""

from __future__ import annotations

import sys

from rich.text import Text

from .. import settings

# isort: off
# The verb modules, in the order --help lists their verbs.
from . import ingest, ledger, demo, eval_stories, evaluate, export, serve, stories, train  # noqa: F401

# isort: on
from .app import app
from .options import DEFAULT_DB, DEFAULT_MAX_BYTES, EXIT_INPUT, EXIT_OK, EXIT_STORE, EXIT_USAGE
from .output import err

__all__ = [
    "DEFAULT_DB",
    "DEFAULT_MAX_BYTES",
    "EXIT_INPUT",
    "EXIT_OK",
    "EXIT_STORE",
    "EXIT_USAGE",
    "app",
    "main",
]


def main() -> None:
    """Entry point: maps unexpected failures to a one-line message, never a traceback."""
    try:
        app(standalone_mode=True)
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)
    except MemoryError:
        err.print(Text("Error: out of memory; analyse fewer or smaller documents at once", style="bold red"))
        sys.exit(EXIT_INPUT)
    except Exception as exc:  # last resort: one line, and a hint for bug reports
        if settings.debug():
            raise
        errors = sys.modules.get("reportedly.store.errors")  # loaded if the store raised
        if errors is not None and isinstance(exc, errors.StoreError):
            err.print(Text(f"Error: {exc}", style="bold red"))
            sys.exit(exc.exit_code)
        err.print(
            Text(
                f"Error: {exc.__class__.__name__}: {exc} (set REPORTEDLY_DEBUG=1 for a traceback)",
                style="bold red",
            )
        )
        sys.exit(EXIT_INPUT)
