"""The Markdown tables in README.md, BENCHMARKS.md and docs/ render whole.

docs/api.md's error table had a paragraph between its 502 and 503 rows: GitHub ends a table at
the first line that is not a row, so the 503 row rendered as a stray line of pipes."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", ROOT / "BENCHMARKS.md", *sorted((ROOT / "docs").glob("*.md"))]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_no_table_row_follows_a_paragraph(page: Path) -> None:
    lines = page.read_text(encoding="utf-8").splitlines()
    fenced = False
    stray = []
    for n, line in enumerate(lines):
        if line.startswith("```"):
            fenced = not fenced
        if fenced or not line.startswith("|") or n == 0:
            continue
        before = lines[n - 1]
        if before.startswith("|"):
            continue
        after = lines[n + 1] if n + 1 < len(lines) else ""
        # a table opens with its header row and the |---| line; any other row is a stray one
        if before.strip() or not after.replace(" ", "").startswith("|-"):
            stray.append(f"line {n + 1}: {line[:60]}")
    assert stray == [], f"{page.name}: table rows cut off from their table by a paragraph: {stray}"
