"""Every ``Example:`` of ``--help`` runs on the demo store as the README's first command makes it.

Round 10's help named placeholder ids (``--story s-1a2b3c4d5e``), a measure no fresh store has
("North Korean troops in Russia") and a source the demo article lacks, so a newcomer who copied
an example after ``reportedly demo`` got an error or nothing. An example that needs more (an
article of one's own, the shared data, a server that runs until Ctrl-C) says so in parentheses
right after it, ``(needs …)`` or ``(runs until Ctrl-C)``, and is not run here.
"""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from reportedly.cli import app

runner = CliRunner()
NOT_RUN = re.compile(r"\((?:needs|runs until)\b[^)]*\)")


def _examples() -> list[str]:
    """Each example paragraph of every verb's docstring, its lines joined."""
    found: list[str] = []
    group = typer.main.get_command(app)
    commands = []
    for command in group.commands.values():  # type: ignore[attr-defined]
        commands.append(command)
        commands.extend(getattr(command, "commands", {}).values())
    for command in commands:
        for paragraph in (command.help or "").split("\n\n"):
            text = " ".join(line.strip() for line in paragraph.strip().splitlines())
            if text.startswith("Example:"):
                found.append(text.removeprefix("Example:").strip())
    return found


def _command(example: str) -> list[str]:
    """The example's arguments after ``reportedly``, its trailing explanation dropped."""
    words = shlex.split(re.sub(r"\s\(.*\)$", "", example))
    return words[words.index("reportedly") + 1 :]


def test_every_example_either_runs_here_or_says_what_it_needs() -> None:
    examples = _examples()
    assert len(examples) >= 20
    for example in examples:
        assert "news.db" not in example, example  # the demo store is the default store
        assert not re.search(r"s-1a2b3c4d5e|North Korean|\bNIS\b", example), example


@pytest.mark.slow  # builds the demo store (the models load once)
def test_every_runnable_example_runs_on_the_demo_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("REPORTEDLY_DB", raising=False)
    first = runner.invoke(app, ["demo"], env={"COLUMNS": "200"})  # the README's first command
    assert first.exit_code == 0, first.output
    ran = []
    for example in _examples():
        if NOT_RUN.search(example):
            continue
        args = _command(example)
        result = runner.invoke(app, args, env={"COLUMNS": "200"})
        assert result.exit_code == 0, (example, result.output)
        if "--json" in args and args[0] != "conflicts":  # a one-article store may have no conflict
            assert json.loads(result.stdout) not in ([], {}, None), example  # something, not nothing
        ran.append(args[0])
    assert {"claims", "story", "timeline", "export", "conflicts", "aliases"} <= set(ran)
