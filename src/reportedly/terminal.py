"""Terminal output that cannot be hijacked by the text it shows.

Stored articles are whatever the web served. Printed raw, an ESC sequence in a
title or a quote can clear the screen, retitle the window or plant an OSC 8
hyperlink; a C1 CSI (U+009B) or a bidi override can disguise what is shown.
Every terminal rendering therefore shows such characters escaped (``\\x1b``),
while ``--json`` output, meant for programs, keeps the text exact.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable

from rich.console import Console
from rich.segment import Segment

#: Exit code when the reader of stdout went away (``reportedly … | head -1``): 128 + SIGPIPE,
#: what a shell reports for any Unix tool killed by a closed pipe. Not 1, which means
#: "an input could not be read".
EXIT_BROKEN_PIPE = 141

#: C0 controls but tab and newline, DEL, C1 controls, and the bidi embeddings,
#: overrides and isolates (which reorder what the reader sees).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _escape(m: re.Match[str]) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def escape_controls(text: str) -> str:
    """``text`` with every terminal control character written as a visible escape."""
    return _UNSAFE.sub(_escape, text) if _UNSAFE.search(text) else text


class SafeConsole(Console):
    """A Rich console escaping control characters in everything it prints.

    The escaping happens on the rendered segments, just before Rich adds its
    own style codes, so tables, panels and plain strings are all covered, and
    Rich's own control segments (cursor moves it emits itself) pass untouched.
    """

    def _render_buffer(self, buffer: Iterable[Segment]) -> str:
        safe = (seg if seg.control else Segment(escape_controls(seg.text), seg.style) for seg in buffer)
        return super()._render_buffer(safe)

    def on_broken_pipe(self) -> None:
        """Rich exits 1 here; a closed pipe is no input error, so end as other Unix tools do."""
        self.quiet = True
        end_on_broken_pipe()


def end_on_broken_pipe() -> None:
    """Stop quietly because stdout's reader closed the pipe.

    Python's documented recipe (signal module, "Note on SIGPIPE"): point stdout at
    /dev/null so the interpreter's final flush cannot raise again, then exit with
    the shell's code for a closed pipe instead of a traceback or exit 1.
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout without a file descriptor (tests' captured output)
        pass
    raise SystemExit(EXIT_BROKEN_PIPE)
