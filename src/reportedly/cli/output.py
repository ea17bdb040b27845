"""Printing: the consoles, JSON for scripts, and tables for people.

Article text is untrusted: everything from a document is printed through
``rich.text.Text``, never as Rich markup, on a :class:`SafeConsole` that
escapes control characters (terminal.py).
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from rich.console import RenderableType
from rich.measure import Measurement
from rich.table import Column, Table
from rich.text import Text

from ..model import Ledger
from ..terminal import SafeConsole, end_on_broken_pipe

out = SafeConsole(highlight=False, soft_wrap=False)
err = SafeConsole(stderr=True, highlight=False, soft_wrap=True)


#: DEL and the C1 controls (U+0080-U+009F; U+009B is a CSI many terminals act on). JSON escapes
#: the C0 controls itself; with ``ensure_ascii=False`` these would reach the terminal raw.
_C1 = re.compile("[\x7f-\x9f]")


def dump(data: Any) -> None:
    """Print ``data`` as indented JSON on stdout.

    Exact: DEL and C1 controls are written as ``\\u009b`` escapes (they can occur only inside
    JSON strings), which any JSON reader decodes to the same text, and a terminal shows as text.
    """
    text = json.dumps(data, ensure_ascii=False, indent=2, default=str)
    write_stdout(_C1.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n")


def write_stdout(text: str) -> None:
    """Write ``text`` to stdout; a reader that closed the pipe ends the command quietly
    (exit 141, see terminal.EXIT_BROKEN_PIPE) rather than with Click's exit 1."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        end_on_broken_pipe()


def print_rows(
    rows: Iterable[Any],
    columns: Sequence[str | Column],
    cells: Callable[[Any], Sequence[RenderableType]],
    *,
    as_json: bool,
    title: str | None = None,
    data: Any = None,
    show_lines: bool = False,
) -> None:
    """The list verbs' output: ``data`` (default: the rows) as JSON, or a table of one row per item.

    ``columns`` are headers, or :class:`rich.table.Column` for a width ratio or
    alignment; ``cells`` turns one row into its cells (untrusted text as ``Text``).
    """
    rows = list(rows)
    if as_json:
        dump(rows if data is None else data)
        return
    table = Table(*columns, title=title, expand=True, show_lines=show_lines, title_justify="left")
    for row in rows:
        table.add_row(*cells(row))
    show(table)


#: The longest word a column is widened for; a longer one (a URL) folds as before.
LONGEST_WORD = 20
#: The shortest word length a narrow terminal still keeps whole in every column.
SHORTEST_KEPT = 6


def keep_words(table: Table, width: int) -> Table:
    """Give each ratio column of ``table`` room for its longest word when the table can afford it.

    Rich shares a table's width among its ratio columns by ratio alone, whatever they hold: on a
    100-column terminal the claims table printed the cue "reportedly" as "repor/tedly" and "have
    suggested" as "sugge/sted", one word over two lines. Rich takes a ratio column's ``width`` as
    its least share, so that is set to the column's longest word (at most LONGEST_WORD, less on a
    terminal too narrow for every column's longest word, down to SHORTEST_KEPT) when that fits
    beside the fixed columns; otherwise the ratios share the width as before, so the table never
    grows past ``width``.
    """
    console = out
    options = console.options.update_width(width)
    pad = 2  # the default padding: one space either side
    borders = len(table.columns) + 1 if table.box else 0
    fixed, least = 0, {}
    for index, column in enumerate(table.columns):
        cells = [column.header, *column.cells]
        sizes = [Measurement.get(console, options, c) for c in cells if c is not None]
        if column.ratio is None:
            fixed += max((m.maximum for m in sizes), default=1) + pad
        elif column.width is None:
            least[index] = min(max((m.minimum for m in sizes), default=1), LONGEST_WORD)
    room = width - borders - fixed - pad * len(least)
    cap = LONGEST_WORD
    # on a narrow terminal (80 columns) the longest words cannot all fit: each column then gets
    # room for words up to the longest length that fits in all of them, so that only the
    # longer words (names, ids) fold instead of every word of a ratio-squeezed column
    while least and cap > SHORTEST_KEPT and sum(min(w, cap) for w in least.values()) > room:
        cap -= 1
    if not least or sum(min(w, cap) for w in least.values()) > room:
        return table
    for index, words in least.items():
        table.columns[index].width = min(words, cap)
    return table


def show(table: Table) -> None:
    """Print a table on stdout, its words kept whole where the width allows (keep_words)."""
    out.print(keep_words(table, out.width))


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` and its noun, singular for one: "1 independent origin", "2 independent origins"."""
    if n == 1:
        return f"1 {noun}"
    return f"{n} {plural or noun + 's'}"


def cell(value: Any) -> Text:
    """A table cell for a value that may be None (shown empty)."""
    return Text(str(value if value is not None else ""))


def entity_cells(row: dict[str, Any], *lists: str) -> list[RenderableType]:
    """An entity's cells in a table (``entities``, ``aliases``): name, type, "yes" when anonymous,
    then each of the named lists of names (its aliases, the entities it merges) joined."""
    flags = [Text(row["name"]), row["type"], "yes" if row["anonymous"] else ""]
    return flags + [Text(", ".join(row[name])) for name in lists]


# ---------------------------------------------------------------------------- ledgers
def _chain_text(chain: list[dict[str, Any]]) -> str:
    return " → ".join(link["entity"] + (" (anon.)" if link["anonymous"] else "") for link in chain)


def _numbers(claim: dict[str, Any]) -> str:
    return "\n".join(q["display"] for q in claim["quantities"])


def _dates(claim: dict[str, Any]) -> str:
    """Each date as written = as resolved; an ISO interval ``a/b`` is shown ``a – b`` so that a
    narrow column breaks it between its two days instead of cutting it (the JSON keeps ISO)."""
    return "\n".join(f"{t['text']} = {(t['resolved'] or '?').replace('/', ' – ')}" for t in claim["times"])


#: Below this terminal width the claims table folds its seven columns into five (cue over
#: stance, numbers over dates): at 80 columns seven columns left the cue three characters wide
#: ("rep/ort/edl/y") and the dates six ("2024-0/3-11").
NARROW = 110


def claims_table(
    claims: list[dict[str, Any]], title: str | None = None, *, ids: bool = False, width: int | None = None
) -> Table:
    """The claims as a table. ``ids`` adds each claim's id (its document's id, a colon and its
    place) under the claim: a store's listing mixes documents, and the id is what a reader
    passes on (``claims --document``, ``export``, the web UI's address). ``width`` (default: the
    terminal's) below NARROW shows cue and stance in one column and numbers and dates in one."""
    narrow = (out.width if width is None else width) < NARROW
    table = Table(title=title, show_lines=True, expand=True, title_justify="left")
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("Source ← chain", ratio=2, overflow="fold")
    if narrow:
        table.add_column("Cue · stance", ratio=1, overflow="fold")
    else:
        table.add_column("Cue", ratio=1, overflow="fold")
        table.add_column("Stance", ratio=1, overflow="fold")
    table.add_column("Claim", ratio=4, overflow="fold")
    if narrow:
        table.add_column("Numbers · dates", ratio=2, overflow="fold")
    else:
        table.add_column("Numbers", ratio=2, overflow="fold")
        table.add_column("Dates", ratio=2, overflow="fold")
    for n, c in enumerate(claims, 1):
        src = c["source"]
        # a mention resolved to no entity ("which" with nothing it stands for) is shown as written
        resolved = bool(src and src.get("entity_id", True))
        who = Text(src["entity"] if src and resolved else "—")
        if src and src.get("joint"):
            who.append(" + " + " + ".join(src["joint"]))
        if src and (src["text"] != src["entity"] or not resolved):
            who.append(f"\n“{src['text']}”", style="dim")
        if len(c["chain"]) > 1:
            who.append("\nvia " + _chain_text(c["chain"]), style="cyan")
        stance = Text(c["stance"], style=_STANCE_STYLE.get(c["stance"], ""))
        flags = [f for f, on in (("negated", c["negated"]), ("inverted", c.get("inverted"))) if on]
        if c.get("hedges"):
            flags.append("hedge: " + ", ".join(c["hedges"]))
        if flags:
            stance.append("\n" + "; ".join(flags), style="dim")
        claim = Text(c["content"]["text"] or "—")
        meta = f"{c['kind']} · {c['section']} · @{c['cue']['start']}"
        claim.append(f"\n{c['id']} · {meta}" if ids and c.get("id") else f"\n{meta}", style="dim")
        cue = Text(c["cue"]["text"])
        numbers, dates = Text(_numbers(c)), Text(_dates(c))
        if narrow:
            both = Text("\n").join(t for t in (numbers, dates) if t.plain)
            table.add_row(str(n), who, Text("\n").join([cue, stance]), claim, both)
        else:
            table.add_row(str(n), who, cue, stance, claim, numbers, dates)
    return table


_STANCE_STYLE = {
    "confirmed": "green",
    "asserted": "",
    "estimated": "yellow",
    "suspected": "magenta",
    "reported": "blue",
    "denied": "red",
    "no_comment": "dim",
    "unverified": "bold yellow",
}


def print_ledger(ledger: Ledger) -> None:
    """A document's head (title, outlet, date …), its claims table and a one-line summary."""
    doc = ledger.document
    head = Text(doc.title or "(untitled)", style="bold")
    meta = [
        x
        for x in (
            doc.outlet,
            doc.published and doc.published.isoformat(),
            doc.dateline and doc.dateline.text,
            doc.byline and f"by {doc.byline}",
            doc.meta.get("language") and f"language {doc.meta['language']}",
        )
        if x
    ]
    if meta:
        head.append("\n" + " · ".join(meta), style="dim")
    out.print(head)
    data = ledger.to_dict()
    show(claims_table(data["claims"]))
    out.print(
        Text(
            f"{counted(len(ledger.claims), 'claim')} from {counted(len(ledger.entities), 'source')}; "
            f"document {doc.id}",
            style="dim",
        )
    )
