"""Write a corpus of hostile inputs for ``ingest`` and ``analyze`` (issue 18).

Each case is a file whose expected fate is known: ``good`` (stored once) or
``bad`` (an error record naming the file). ``scale="small"`` keeps the big
cases small enough for a test; ``scale="full"`` writes the sizes the issue
names (a 5 MB single line, 10,000 unbalanced quotation marks, 50 MB).

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


def build(root: Path, scale: str = "small") -> dict[str, str]:
    """Write every case under ``root``; return {file name: "good" | "bad"}."""
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
    words = 1_000_000 if full else 3_000  # 5 MB or 15 KB on one line
    write("single_line.txt", "The minister said prices rose. " * (words // 5), "good")
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
    write("oversize.txt", b"a " * ((26 if full else 6) * 1024 * 1024), "bad")
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
