"""Defects a new-user trial found (round 8b); each test failed before its fix."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from reportedly.terminal import EXIT_BROKEN_PIPE

SRC = Path(__file__).resolve().parents[1] / "src"


def test_closed_stdout_ends_quietly_with_the_pipe_code(tmp_path: Path) -> None:
    """'reportedly analyze FILE | head -1' exited 1 (Rich's broken-pipe handler), the code
    for "input could not be read". A reader closing the pipe now ends the command with the
    shell's SIGPIPE code (141), no traceback, nothing on stderr."""
    article = tmp_path / "a.txt"
    article.write_text(
        "Harbour closes after storm\n\n"
        "The harbour master said on Monday that the north quay would stay shut for a week.\n",
        encoding="utf-8",
    )
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "reportedly.cli", "analyze", str(article)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader goes away before the first line is written
    stderr = proc.stderr.read().decode()
    assert proc.wait(timeout=300) == EXIT_BROKEN_PIPE, stderr
    assert "Traceback" not in stderr and "Error" not in stderr, stderr


def test_plain_progress_ends_with_the_errors_read_after_its_last_line(capsys) -> None:
    """ingest of a JSONL file printed "1 stored, 0 errors" and then reported the file's two bad
    lines (read after the document before them was stored): nothing corrected the count. The
    progress now ends with a line whose count includes them."""
    from reportedly.cli.ingest import PlainProgress
    from reportedly.ingesting import IngestEvent, IngestFailure

    lines = PlainProgress(enabled=True)
    lines.every = 0.0  # a line on the first event
    lines.update(IngestEvent("stored", source="a.jsonl"))
    lines.every = 3600.0  # no periodic line for the bad lines that follow
    for n in (2, 3):
        failure = IngestFailure(f"a.jsonl line {n}", "invalid", "invalid JSON", None)
        lines.update(IngestEvent("error", source=failure.source, error=failure))
    lines.finish()
    printed = [line for line in capsys.readouterr().err.splitlines() if line.startswith("ingest:")]
    assert "0 errors" in printed[0]
    assert printed[-1].startswith("ingest: 3 documents read, 1 stored, 2 errors"), printed


def test_a_figure_with_its_counted_noun_is_never_a_source() -> None:
    """'22,000 houses say they cannot pay' made "22,000 houses" a source entity, which then
    counted as an independent origin. A figure with a counted thing is never a speaker; counted
    people (*two officials*, *40 voters*) still are."""
    import reportedly

    ledger = reportedly.analyze(
        "Tariff row\n\n22,000 houses say they cannot pay the new tariff.\n\n"
        "Two officials said the tariff would be reviewed.\n\n"
        "Asked in a survey, 40 voters said the tariff was unfair.\n",
        published=date(2024, 3, 12),
    )
    speakers = [c.source.entity.name.lower() for c in ledger.claims if c.source and c.source.entity]
    assert not any("22,000" in name or "houses" in name for name in speakers), speakers
    assert not any("22,000" in e.name or "houses" in e.name.lower() for e in ledger.entities)
    assert "officials" in speakers
    assert any("voters" in name for name in speakers), speakers
