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


def _python_blocks() -> list[tuple[str, str]]:
    """Every ```python block of README.md and docs/*.md, as (file:line, code)."""
    blocks = []
    for path in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        text = path.read_text(encoding="utf-8")
        for m in re.finditer(r"```python\n(.*?)```", text, re.S):
            blocks.append((f"{path.name}:{text[: m.start()].count(chr(10)) + 1}", m.group(1)))
    return blocks


def _unbound_names(code: str) -> set[str]:
    """The names a snippet reads that it neither imports, assigns nor defines (nor builtins)."""
    import ast
    import builtins

    tree = ast.parse(code)
    bound = set(dir(builtins))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            bound |= {(a.asname or a.name).split(".")[0] for a in node.names}
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            bound.add(node.name)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            bound.add(node.id)
        elif isinstance(node, ast.arg):
            bound.add(node.arg)
    read = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
    return read - bound


@pytest.mark.parametrize(("where", "code"), _python_blocks(), ids=[w for w, _ in _python_blocks()])
def test_every_python_snippet_runs_on_its_own(where: str, code: str) -> None:
    """The round-9 trial copied docs snippets one at a time: several read a ``text``, ``ledger``,
    ``Store`` or ``os`` that only an earlier block (or nothing) defined, and failed with a
    NameError. Each block now imports and defines what it reads."""
    assert not _unbound_names(code), f"{where} reads names it never defines: {sorted(_unbound_names(code))}"
