"""Write a corpus of hostile inputs for ``ingest`` and ``analyze`` (issue 18).

Each case is a file whose expected fate is known: ``good`` (stored once),
``bad`` (an error record naming the file) or ``jsonl`` (a batch whose
``JSONL_GOOD`` good lines are stored and whose ``JSONL_BAD_LINES`` are one
error record each, naming the file and the line). ``scale="small"`` keeps the
big cases small enough for a test; ``scale="full"`` writes the sizes the issue
names (a 5 MB single line, 10,000 unbalanced quotation marks, 50 MB, HTML
nested 5,000 deep). ``HOSTILE_URLS`` are sources that must be refused before
anything is fetched (loopback, link-local, private, ``file://``); redirects to
them are checked hop by hop in ``tests/test_ingest_fetch.py``, which needs a
local HTTP server.

Usage: python benchmarks/adversarial.py OUT_DIR [small|full]
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

GOOD_TEXT = (
    "Harbour authority closes the east pier\n\n"
    "The harbour authority said on Monday that the east pier would stay closed until repairs end."
)


#: Lines of ``batch.jsonl``: two good records, then one bad line of each kind.
JSONL_LINES = [
    b'{"text": "Ferry service resumes\\n\\nThe operator said on Friday that ferries would run again."}',
    b'{"html": "<html><head><title>Clinic opens</title></head><body><p>The clinic said on Sunday '
    b'that it had opened.</p></body></html>"}',
    b'{"text": "unterminated',  # invalid JSON
    b"[1, 2, 3]",  # not an object
    b'{"title": "no text"}',  # neither text nor html
    b'{"text": "caf\xe9"}',  # invalid UTF-8
]
JSONL_GOOD = 2
JSONL_BAD_LINES = [3, 4, 5, 6]

#: Sources refused before any connection: (URL, why).
HOSTILE_URLS = [
    ("http://127.0.0.1:9/article", "loopback"),
    ("http://[::1]:9/article", "IPv6 loopback"),
    ("http://169.254.169.254/latest/meta-data/", "link-local (cloud metadata)"),
    ("http://10.0.0.1/article", "private network"),
    ("file:///etc/passwd", "file://"),
]


def build(root: Path, scale: str = "small") -> dict[str, str]:
    """Write every case under ``root``; return {file name: "good" | "bad" | "jsonl"}."""
    full = scale == "full"
    root.mkdir(parents=True, exist_ok=True)
    cases: dict[str, str] = {}

    def write(name: str, data: bytes | str, fate: str) -> None:
        path = root / name
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        cases[name] = fate

    write("good.txt", GOOD_TEXT, "good")
    write("empty.txt", b"", "bad")
    write("binary.txt", bytes(range(256)) * 64, "bad")
    write("invalid_utf8.txt", b"Caf\xe9 owners said \xff\xfe on Monday.\n", "bad")
    write(
        "utf16_bom.txt",
        ("Utility raises prices\n\nThe utility said on Tuesday that prices would rise.").encode("utf-16"),
        "good",
    )
    # Terminal escapes in a quotation: clear the screen, retitle the window, an OSC 8 link and
    # a C1 CSI. Stored as given; shown escaped by every terminal output, never acted on.
    write(
        "escapes.txt",
        "Escapes in the ledger\n\nThe mayor said \u201cthe \x1b[2J\x1b]0;owned\x07bridge "
        "\x1b]8;;http://example.invalid/\x1b\\opens\x1b]8;;\x1b\\ \x9b31mon Monday\u201d.",
        "good",
    )
    words = 1_000_000 if full else 3_000  # 5 MB or 15 KB on one line
    # At full scale a million words: over --max-words (50,000 by default), refused at once with
    # reason too_long_to_analyse (its analysis needs some 15 minutes of CPU); the small one is stored.
    write("single_line.txt", "The minister said prices rose. " * (words // 5), "bad" if full else "good")
    quotes = 10_000 if full else 500
    write("unbalanced_quotes.txt", "Quotes\n\n" + "He said \u201cno " * quotes, "good")
    depth = 5_000 if full else 300
    # Main-text extraction finds no article under hundreds of nested <div>s: an error
    # record ("found no article text in nested.html"), not a crash or a hang.
    write(
        "nested.html",
        "<html><body>" + "<div>" * depth + f"<p>{GOOD_TEXT.replace(chr(10), ' ')}</p>" + "</div>" * depth,
        "bad",
    )
    write(
        "script.html",
        "<html><head><title>Council approves budget</title><script>alert(1)</script></head><body>"
        '<img src=x onerror="alert(2)"><p>The council said on Wednesday that the budget '
        "had passed.</p><script>document.write('x')</script></body></html>",
        "good",
    )
    write("oversize.txt", b"a " * ((25 if full else 6) * 1024 * 1024), "bad")  # 50 MB or 12 MB
    write("batch.jsonl", b"\n".join(JSONL_LINES) + b"\n", "jsonl")
    if os.geteuid() != 0:  # root reads any file: the case cannot be made there
        write("unreadable.txt", GOOD_TEXT + " Unreadable.", "bad")
        (root / "unreadable.txt").chmod(0)
    loop = root / "loop.txt"
    loop.symlink_to(loop)
    cases["loop.txt"] = "bad"
    if hasattr(os, "mkfifo"):
        os.mkfifo(root / "pipe.txt")
        cases["pipe.txt"] = "bad"
    return cases


if __name__ == "__main__":
    out = Path(sys.argv[1])
    for name, fate in build(out, sys.argv[2] if len(sys.argv) > 2 else "small").items():
        print(f"{fate}\t{out / name}")
