"""Control characters in stored text never reach the terminal raw; ``--json`` keeps them exact."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from reportedly.cli import app
from reportedly.terminal import escape_controls

runner = CliRunner()

CLEAR = "\x1b[2J"
TITLE = "\x1b]0;pwned\x07"
LINK = "\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\"
HOSTILE = (
    f"Harbour{TITLE} pier closed{CLEAR}\n\n"
    f"The harbour{LINK} authority said on Monday that the pier would stay closed."
)


def _no_raw_controls(output: str) -> None:
    assert "\x1b" not in output and "\x07" not in output and "\x9b" not in output


def test_escape_controls_shows_each_character() -> None:
    assert escape_controls("a\x1b[2Jb\tc\nd\x9b\u202e") == "a\\x1b[2Jb\tc\nd\\x9b\\u202e"
    assert escape_controls("plain “text”") == "plain “text”"


def test_analyze_ingest_documents_and_claims_print_escapes(tmp_path: Path) -> None:
    path = tmp_path / "hostile.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    db = str(tmp_path / "t.db")
    for args in (
        ["analyze", str(path)],
        ["ingest", str(path), "--db", db],
        ["documents", "--db", db],
        ["claims", "--db", db],
    ):
        result = runner.invoke(app, args, env={"COLUMNS": "200"})
        assert result.exit_code == 0, result.output
        _no_raw_controls(result.output)
    shown = runner.invoke(app, ["documents", "--db", db], env={"COLUMNS": "200"}).output
    assert "\\x1b" in shown  # escaped, not dropped: the reader sees the text was tampered with


def test_json_writes_c1_controls_as_escapes_and_stays_exact(tmp_path: Path) -> None:
    # JSON escapes C0 controls itself; a C1 CSI (U+009B) went to the terminal raw before.
    text = "Tram\x9b2J line reopens\x7f\n\nThe operator said on Monday that trams run again."
    path = tmp_path / "c1.txt"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(path), "--json"])
    assert result.exit_code == 0
    assert "\x9b" not in result.output and "\x7f" not in result.output
    assert "\\u009b2J" in result.output
    assert json.loads(result.output)["document"]["title"] == "Tram\x9b2J line reopens\x7f"


def test_json_keeps_the_text_exact(tmp_path: Path) -> None:
    path = tmp_path / "hostile.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(path), "--json"])
    assert result.exit_code == 0
    assert json.loads(result.output)["document"]["title"] == f"Harbour{TITLE} pier closed{CLEAR}"
