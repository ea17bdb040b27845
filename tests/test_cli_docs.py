"""Every verb has --help with an example and is documented (as sqlite-utils checks its docs).

A verb added without an ``Example: reportedly …`` line in its docstring, or
never named in README.md or docs/*.md, fails here rather than surprising a user.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from reportedly.cli import app

ROOT = Path(__file__).resolve().parents[1]
DOCS = "\n".join(
    p.read_text(encoding="utf-8") for p in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
)


def _verbs() -> list[tuple[str, ...]]:
    """Every command path: ('ingest',), ('aliases',), ('aliases', 'add') …"""
    group = typer.main.get_command(app)
    paths: list[tuple[str, ...]] = []
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        paths.append((name,))
        paths.extend((name, sub) for sub in getattr(command, "commands", {}))  # a group's sub-commands
    return paths


VERBS = _verbs()


def test_the_verbs_are_found() -> None:
    names = {" ".join(v) for v in VERBS}
    assert {"analyze", "ingest", "demo", "stories", "aliases", "aliases add", "aliases remove"} <= names


@pytest.mark.parametrize("verb", VERBS, ids=" ".join)
def test_every_verb_has_help_with_an_example(verb: tuple[str, ...]) -> None:
    result = CliRunner().invoke(app, [*verb, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert f"Example: reportedly {' '.join(verb)}" in result.output


@pytest.mark.parametrize("verb", VERBS, ids=" ".join)
def test_every_verb_is_documented(verb: tuple[str, ...]) -> None:
    # A sub-command may be named after its group ("aliases remove"); a verb must not
    # count as mentioned inside a longer one ("eval" in "eval-stories").
    phrase = " ".join(verb) if len(verb) > 1 else f"reportedly {verb[0]}"
    assert re.search(re.escape(phrase) + r"(?![\w-])", DOCS), f"{phrase!r} is in no README.md or docs/*.md"


# serve runs until Ctrl-C and answers over HTTP: its JSON is the API (docs/api.md).
WITHOUT_JSON = {("serve",)}


@pytest.mark.parametrize("verb", [v for v in VERBS if v not in WITHOUT_JSON], ids=" ".join)
def test_every_verb_has_json(verb: tuple[str, ...]) -> None:
    result = CliRunner().invoke(app, [*verb, "--help"], env={"COLUMNS": "200"})
    assert "--json" in result.output, f"reportedly {' '.join(verb)} has no --json for scripts"
