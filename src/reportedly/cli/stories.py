"""Story verbs: link, stories, story, conflicts, timeline, aliases.

``reportedly link`` builds stories from everything stored; the read verbs
(``stories``, ``story``, ``conflicts``, ``timeline``) run it first whenever
the store changed since the last run (new documents, new user aliases, a
different ``--aliases`` file), so they never show stale stories and never pay
for linking twice. Each verb is a few lines over ``reportedly.link`` and
``Store``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Column, Table
from rich.text import Text

from .app import app
from .options import DEFAULT_DB, EXIT_INPUT, EXIT_USAGE, DbOpt, JsonOpt, fail, require_store, store_failures
from .output import NARROW, counted, dump, entity_cells, err, out, print_rows

AliasesOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--aliases",
        help="Extra alias file (TSV: name, type, aliases separated by |), applied across documents. "
        "Repeatable.",
    ),
]
MethodOpt = Annotated[
    str,
    typer.Option(
        "--method",
        help="Text similarity: minilm (the packaged sentence model), tfidf, or auto (minilm when installed).",
    ),
]
StoryOpt = Annotated[
    str | None, typer.Option("--story", help="Only this story id (see: reportedly stories).")
]


def _embedder(method: str):  # noqa: ANN202 - Embedder is imported lazily to keep --help fast
    from ..link import default_embedder

    try:
        return default_embedder(method)
    except ValueError as exc:
        raise fail(str(exc), EXIT_USAGE) from None


def _alias_files(aliases: list[Path] | None) -> list[Path]:
    files = list(aliases or [])
    for path in files:
        if not path.is_file():
            raise fail(f"alias file {str(path)!r} does not exist; check the path", EXIT_USAGE)
    return files


def _require_story(store: Any, story: str | None) -> None:
    """Exit 1 with a hint for a --story no link run made: an empty list would read as 'none found'."""
    if story is None:
        return
    with store_failures():
        store.story_documents(story)


def _refresh(store: Any, method: str, aliases: list[Path] | None, *, quiet: bool, force: bool = False) -> Any:
    """Link again when the store changed since the last run; returns the run's result or None.

    ``quiet`` (a --json run) keeps stderr clean for a script, but not on a terminal: linking can
    take minutes, and the JSON goes to stdout anyway."""
    from ..link import ensure_linked

    files = _alias_files(aliases)
    embedder = _embedder(method)

    def say(msg: str) -> None:
        if not quiet or err.is_terminal:
            err.print(Text(msg, style="dim"))

    with store_failures():
        try:
            return ensure_linked(store, embedder=embedder, aliases=files, progress=say, force=force)
        except ValueError as exc:  # a malformed alias file
            raise fail(str(exc), EXIT_INPUT) from None


@app.command()
def link(
    db: DbOpt = DEFAULT_DB,
    aliases: AliasesOpt = None,
    method: MethodOpt = "auto",
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Link the whole store again, even if nothing changed (otherwise documents added "
            "since the last run are placed incrementally).",
        ),
    ] = False,
    as_json: JsonOpt = False,
) -> None:
    """Build stories, claim clusters, conflicts and measures from every stored ledger.

    Only needed to rebuild by hand: the story verbs link by themselves when the store changed.
    Documents added since the last run (same method and aliases) are placed incrementally: only
    the stories in their reach are linked again. --force relinks the whole store.

    Example: reportedly link --force

    Example: reportedly link --aliases my-aliases.tsv (needs an alias file of your own)
    """
    store = require_store(db)
    with store:
        result = _refresh(store, method, aliases, quiet=as_json, force=force)
        # "up_to_date" is in both shapes, so a script can tell a run from "nothing to do".
        summary = (
            {"up_to_date": False, **result.summary()}
            if result is not None
            else {"up_to_date": True, **(store.last_link_run() or {})}
        )
    if as_json:
        dump(summary)
        return
    if result is None:
        out.print(Text("stories are up to date; use --force to link again"))
        return
    placed = (
        f"placed {summary['new_documents']} new documents (relinking the stories in their reach), "
        if summary.get("incremental")
        else ""
    )
    out.print(
        Text(
            f"{placed}linked {summary['documents']} documents and {summary['claims']} claims: "
            f"{summary['stories']} stories "
            f"({summary['stories_with_2_or_more_documents']} with 2+ documents), "
            f"{summary['clusters']} claim clusters, {summary['conflicts']} conflicts "
            f"({summary.get('declined_pairs', 0)} pairs declined), "
            f"{summary['measures']} measures in {summary['seconds']:.1f}s ({summary['method']})"
        )
    )


@app.command()
def stories(
    db: DbOpt = DEFAULT_DB,
    show_all: Annotated[bool, typer.Option("--all", help="Also list single-document stories.")] = False,
    aliases: AliasesOpt = None,
    method: MethodOpt = "auto",
    as_json: JsonOpt = False,
) -> None:
    """List stories (documents about one event), largest first.

    Example: reportedly stories --all --json (the demo store's one article is a story of one; without
    --all only stories of 2+ documents are listed)
    """
    store = require_store(db)
    with store:
        _refresh(store, method, aliases, quiet=as_json)
        rows = store.stories(min_documents=1 if show_all else 2)
    print_rows(
        rows,
        *stories_table(out.width),
        as_json=as_json,
        title=counted(len(rows), "story", "stories"),
    )
    if not rows and not show_all and not as_json:
        out.print(Text("no story has two or more documents yet; see single ones with --all", style="dim"))


def stories_table(width: int) -> tuple[list[Column], Any]:
    """The ``stories`` table's columns and its row builder for a terminal ``width``.

    At 80 columns an id column and four numeric columns headed by whole words left the title
    8 characters wide, one word a line. Below NARROW the id goes under the title (dim, kept whole:
    it is what ``story ID`` takes) and the four counts share one right-aligned column, so the
    title gets most of the width; the JSON keeps every field."""
    if width >= NARROW:
        columns = [
            Column("id", no_wrap=True),
            Column("title", ratio=3),
            Column("first", no_wrap=True),
            *(
                Column(name, justify="right", no_wrap=True)
                for name in ("docs", "outlets", "clusters", "conflicts")
            ),
        ]
        return columns, lambda r: [
            r["id"],
            Text(r["title"]),
            r["first"] or "?",
            str(r["documents"]),
            str(len(r["outlets"])),
            str(r["clusters"]),
            str(r["conflicts"]),
        ]
    columns = [
        Column("story", ratio=1),
        Column("first", no_wrap=True),
        Column("size", justify="right", no_wrap=True),
    ]

    def cells(r: dict[str, Any]) -> list[Any]:
        title = Text(r["title"])
        title.append(f"\n{r['id']}", style="dim")
        counts = (
            f"{counted(r['documents'], 'doc')} · {counted(len(r['outlets']), 'outlet')}\n"
            f"{counted(r['clusters'], 'cluster')} · {counted(r['conflicts'], 'conflict')}"
        )
        return [title, r["first"] or "?", counts]

    return columns, cells


def _story_json(story: Any, documents: list[dict[str, Any]], conflicts: list[Any]) -> dict[str, Any]:
    data = story.to_dict()
    data["documents"] = documents
    data["conflicts"] = [c.to_dict() for c in conflicts]
    return data


@app.command("story")
def story_cmd(
    story_id: Annotated[str, typer.Argument(help="Story id from 'reportedly stories'.")],
    db: DbOpt = DEFAULT_DB,
    aliases: AliasesOpt = None,
    method: MethodOpt = "auto",
    as_json: JsonOpt = False,
) -> None:
    """Show one story: its documents, claim clusters with independent origins, and conflicts.

    Example: reportedly story s-975998563f --json (the demo article's story, as `stories --all` lists it)
    """
    store = require_store(db)
    with store:
        _refresh(store, method, aliases, quiet=as_json)
        with store_failures():
            story, documents = store.story(story_id)
        found = store.conflicts(story=story_id)
    if as_json:
        dump(_story_json(story, documents, found))
        return
    head = Text(story.title, style="bold")
    span = f"{_day(story.first)} – {_day(story.last)}"
    head.append(f"\n{story.id} · {len(documents)} documents · {span}", style="dim")
    out.print(head)
    docs = Table(expand=True, title="documents", title_justify="left")
    for col in ("published", "outlet", "title", "id"):
        docs.add_column(col)
    for d in documents:
        docs.add_row(d["published"] or "", Text(d["outlet"] or ""), Text(d["title"] or ""), d["id"])
    out.print(docs)
    for c in story.clusters:
        line = Text(f"\n{c.label}", style="bold")
        line.append(
            f"\nreported by {counted(len(c.outlets), 'outlet')}, "
            f"{counted(c.independent_origins, 'independent origin')}: "
            + "; ".join(f"{o.name}{' (anon.)' if o.anonymous else ''} ×{len(o.claims)}" for o in c.origins),
            style="cyan",
        )
        out.print(line)
        for ref in c.claims:
            out.print(
                Text(
                    f"  {_day(ref.published)} {ref.outlet or ref.document_id} · {ref.source or '—'} "
                    f"({ref.stance.value}): “{ref.content.text}”"
                )
            )
    if found:
        out.print(
            Text(f"\n{len(found)} conflicts; see: reportedly conflicts --story {story.id}", style="yellow")
        )


@app.command()
def conflicts(
    db: DbOpt = DEFAULT_DB,
    story: StoryOpt = None,
    kind: Annotated[str | None, typer.Option("--kind", help="numeric, polarity, stance or internal.")] = None,
    declined: Annotated[
        bool,
        typer.Option(
            "--declined",
            help="List instead the pairs examined and declined (an update, a part and its whole, "
            "a forecast and a count, different places …), each with its reason.",
        ),
    ] = False,
    aliases: AliasesOpt = None,
    method: MethodOpt = "auto",
    as_json: JsonOpt = False,
) -> None:
    """List contradictions: numbers out of bounds, opposite polarity, confirmed vs denied, and one
    article giving one event two dates; each with both evidence spans. A conflict between two
    sides (who is to blame) also lists each side's other claims: "a_also" and "b_also" in --json.
    With --declined, the pairs that looked like contradictions but are not, each with why it was
    declined.

    Example: reportedly conflicts --kind numeric --json

    Example: reportedly conflicts --declined --story s-975998563f
    """
    from ..model import ConflictKind

    if kind is not None and kind not in {k.value for k in ConflictKind}:
        choices = ", ".join(k.value for k in ConflictKind)
        raise fail(f"unknown conflict kind {kind!r}; use one of: {choices}", EXIT_USAGE)
    store = require_store(db)
    with store:
        _refresh(store, method, aliases, quiet=as_json)
        _require_story(store, story)
        found = store.conflicts(story=story, kind=kind, declined=declined)
    print_rows(
        found,
        [Column("kind", no_wrap=True), *(Column(col, ratio=1) for col in ("why", "a", "b"))],
        lambda c: [
            c.kind.value,
            Text(c.why),
            Text(f"{c.a.outlet or c.a.document_id} {_day(c.a.published)}: “{c.a.content.text}”"),
            Text(f"{c.b.outlet or c.b.document_id} {_day(c.b.published)}: “{c.b.content.text}”"),
        ],
        as_json=as_json,
        title=f"{counted(len(found), 'pair')} declined" if declined else counted(len(found), "conflict"),
        data=[c.to_dict() for c in found],
        show_lines=True,
    )


@app.command()
def timeline(
    db: DbOpt = DEFAULT_DB,
    measure: Annotated[
        str | None, typer.Option("--measure", help="What is counted and where, as 'timeline' lists it.")
    ] = None,
    story: StoryOpt = None,
    plot: Annotated[
        Path | None, typer.Option("--plot", help="Also draw the series to this .png or .svg file.")
    ] = None,
    aliases: AliasesOpt = None,
    method: MethodOpt = "auto",
    as_json: JsonOpt = False,
) -> None:
    """Without --measure, list the measures (what is counted and where); with it, the series of
    (date, value, bounds, source, stance) across the stored articles.

    Example: reportedly timeline --measure "seasons missing" --plot seasons.png (a measure of the demo
    article, as `reportedly timeline` lists it)
    """
    from ..link.timelines import timeline_dict, value_text

    store = require_store(db)
    with store:
        _refresh(store, method, aliases, quiet=as_json)
        _require_story(store, story)
        if measure is None:
            rows = store.measures(story=story)
        else:
            points = store.timeline(measure, story=story)
            known = {m["measure"] for m in store.measures(story=story)} if not points else set()
    if measure is None:
        if plot is not None:
            raise fail("--plot needs --measure; list the measures with: reportedly timeline", EXIT_USAGE)
        print_rows(
            rows,
            (
                Column("measure", ratio=1),
                Column("numbers", justify="right"),
                Column("documents", justify="right"),
                Column("first", no_wrap=True),
                Column("last", no_wrap=True),
            ),
            lambda r: [
                Text(r["measure"]),
                str(r["points"]),
                str(r["documents"]),
                r["first"] or "",
                r["last"] or "",
            ],
            as_json=as_json,
            title=counted(len(rows), "measure"),
        )
        return
    if not points:
        close = sorted(m for m in known if measure.lower() in m.lower())[:5]
        hint = f"; did you mean: {', '.join(close)}" if close else "; list them with: reportedly timeline"
        raise fail(f"no numbers for the measure {measure!r}{hint}", EXIT_INPUT)
    if plot is not None:
        from ..link.plot import PlotUnavailable, plot_timeline

        try:
            plot_timeline(measure, points, plot)
        except (PlotUnavailable, ValueError) as exc:
            raise fail(str(exc), EXIT_USAGE) from None
        err.print(Text(f"plot written to {plot}", style="dim"))
    print_rows(
        points,
        (
            Column("date", no_wrap=True),  # cut to "2023-06-…" it says nothing
            Column("value", justify="right"),
            Column("scope"),
            Column("source · outlet", ratio=1, overflow="fold"),
            Column("stance"),
            # the words around the number: the number alone ("36") said nothing
            Column("evidence", ratio=2, overflow="fold"),
        ),
        lambda p: [
            p.date.isoformat() if p.date else "?",
            value_text(p),
            p.scope.value,
            Text(p.source or "—").append(f"\n{p.outlet or p.document_id}", style="dim"),
            p.stance.value,
            Text(p.context or p.evidence.text),
        ],
        as_json=as_json,
        title=measure,
        data=timeline_dict(measure, points),
    )


aliases_app = typer.Typer(
    help="Cross-document entities and the alias table: list them, add or remove your own aliases.\n\n"
    "Example: reportedly aliases --json",
    no_args_is_help=False,
    invoke_without_command=True,
)
app.add_typer(aliases_app, name="aliases")


@aliases_app.callback()
def aliases_list(
    ctx: typer.Context,
    db: DbOpt = DEFAULT_DB,
    user: Annotated[bool, typer.Option("--user", help="Only the aliases added with 'aliases add'.")] = False,
    aliases: AliasesOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """List canonical sources across documents (with the stored entities each gathers).

    Example: reportedly aliases --json
    """
    if ctx.invoked_subcommand is not None:
        return
    from ..link import EntityIndex, load_aliases
    from ..model import Entity, EntityType

    store = require_store(db)
    with store:
        if user:
            rows = store.user_alias_rows()
        else:
            index = EntityIndex(load_aliases(_alias_files(aliases), store.user_aliases()))
            index.add(
                Entity(e["id"], e["name"], EntityType(e["type"]), list(e["aliases"]), bool(e["anonymous"]))
                for e in store.entities()
            )
            rows = [c.to_dict() for c in index.all()]
    title = f"{len(rows)} {'user aliases' if user else 'sources'}"
    if user:
        print_rows(
            rows,
            ("alias", "canonical", "type", "added_at"),
            lambda r: [Text(r["alias"]), Text(r["canonical"]), r["type"] or "", r["added_at"] or ""],
            as_json=as_json,
            title=title,
        )
        return
    print_rows(
        rows,
        ("name", "type", "anonymous", Column("stored as", overflow="fold"), "aliases"),
        lambda r: entity_cells(r, "members", "aliases"),
        as_json=as_json,
        title=title,
    )


def _group_db(ctx: typer.Context, db: str) -> str:
    """The store a sub-command opens: its own --db, else the group's ('aliases --db X add …',
    where 'aliases --help' lists --db), else REPORTEDLY_DB or the default."""

    def typed(c: typer.Context) -> bool:  # by name: Typer vendors its own click
        source = c.get_parameter_source("db")
        return source is not None and source.name == "COMMANDLINE"

    parent = ctx.parent
    if typed(ctx) or parent is None or not typed(parent):
        return db
    return str(parent.params["db"])


@aliases_app.command("add")
def aliases_add(
    ctx: typer.Context,
    alias: Annotated[str, typer.Argument(help='The name as articles write it, e.g. "Seoul\'s spy agency".')],
    canonical: Annotated[
        str, typer.Argument(help='The source it names, e.g. "National Intelligence Service".')
    ],
    db: DbOpt = DEFAULT_DB,
    type_: Annotated[str | None, typer.Option("--type", help="Entity type when the name is new.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Say that ALIAS names CANONICAL in every article; stories are relinked on next use.

    Two different named people are never merged: that is refused.

    Example: reportedly aliases add "the South's spy agency" "National Intelligence Service"
    """
    from ..model import EntityType

    db = _group_db(ctx, db)
    if type_ is not None and type_ not in {t.value for t in EntityType}:
        raise fail(
            f"unknown type {type_!r}; use one of: {', '.join(t.value for t in EntityType)}", EXIT_USAGE
        )
    store = require_store(db)
    with store:
        people = _people_named(store, alias, canonical)
        if people:
            raise fail(
                f"{people[0]!r} and {people[1]!r} are two different people; reportedly never merges "
                "distinct people (add an alias of one name instead, e.g. a nickname)",
                EXIT_USAGE,
            )
        with store_failures():
            store.add_user_alias(alias, canonical, type_)
    if as_json:
        dump({"alias": alias, "canonical": canonical, "type": type_})
        return
    out.print(
        Text(f"“{alias}” now names {canonical} in every document; stories will be relinked on next use")
    )


@aliases_app.command("remove")
def aliases_remove(
    ctx: typer.Context,
    alias: Annotated[str, typer.Argument(help="An alias added with 'aliases add'.")],
    db: DbOpt = DEFAULT_DB,
    as_json: JsonOpt = False,
) -> None:
    """Forget an alias added with 'aliases add'.

    Example: reportedly aliases remove "the South's spy agency"
    """
    store = require_store(_group_db(ctx, db))
    with store, store_failures():
        store.remove_user_alias(alias)
    if as_json:
        dump({"removed": alias})
        return
    out.print(Text(f"removed the alias “{alias}”"))


def _people_named(store: Any, alias: str, canonical: str) -> tuple[str, str] | None:
    """The two full person names when ALIAS and CANONICAL are stored as different people."""
    from ..link.entities import name_parts

    def person(name: str) -> str | None:
        key = name.strip().casefold()
        for e in store.entities():
            names = [e["name"], *e["aliases"]]
            if e["type"] == "person" and any(n.casefold() == key for n in names):
                return e["name"]
        return None

    a, b = person(alias), person(canonical)
    if a is None or b is None:
        return None
    pa, pb = name_parts(a), name_parts(b)
    if len(pa) >= 2 and len(pb) >= 2 and (pa[0], pa[-1]) != (pb[0], pb[-1]):
        return a, b
    return None


def _day(value: object) -> str:
    """A date for display; articles without a publication date say so instead of printing None."""
    return str(value) if value else "undated"
