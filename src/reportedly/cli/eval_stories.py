"""``reportedly eval-stories`` and ``eval-claims``: score on a real story corpus with gold.

Thin skins over :mod:`reportedly.eval.stories` and :mod:`reportedly.eval.claims`;
the corpus format is described in :mod:`reportedly.corpora.stories`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from .app import app
from .options import EXIT_INPUT, EXIT_USAGE, JsonOpt, fail
from .output import dump, err, out

GoldArg = Annotated[
    Path,
    typer.Argument(
        help="Folder holding the corpus's gold.json (e.g. ../shared/data/stories/kakhovka-dam-2023)."
    ),
]
ArticlesOpt = Annotated[
    Path | None,
    typer.Option(
        "--articles",
        help="Folder of the collected article texts (5-line header, then the page text). "
        "Default: GOLD_DIR/articles.",
    ),
]
# Each verb's --list says what it prints: one shared help promised conflicts (only eval-stories
# lists them) and extra and missed claims (only eval-claims does) from both.
StoryListOpt = Annotated[
    bool,
    typer.Option(
        "--list",
        help="Also print each conflict reported, with its verdict against the gold (right, trap, unmatched).",
    ),
]
ClaimListOpt = Annotated[
    bool,
    typer.Option(
        "--list",
        help="Also print the items to judge: extra claims, missed gold claims and the stance confusion.",
    ),
]


def _corpus(gold_dir: Path, articles: Path | None) -> Any:
    from ..corpora.stories import CorpusError, load_story_corpus

    try:
        corpus = load_story_corpus(gold_dir, articles)
    except CorpusError as exc:
        raise fail(str(exc), EXIT_USAGE if "does not exist" in str(exc) else EXIT_INPUT) from None
    if corpus.missing:
        err.print(
            f"{len(corpus.missing)} of the gold's articles are not in the folder; their items are skipped"
        )
    return corpus


def _figures(title: str, rows: list[tuple[str, str, str]]) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column("Part")
    table.add_column("Figure")
    table.add_column("Value", justify="right")
    for part, name, value in rows:
        table.add_row(part, name, Text(value, style="bold"))
    return table


def _f(x: Any) -> str:
    return "—" if x is None else (f"{x:.3f}" if isinstance(x, float) else str(x))


def _scores(figures: dict[str, Any], *keys: str) -> str:
    """Several scores of one part as "0.812 / 0.774 / 0.793" (precision / recall / F1 and the like)."""
    return " / ".join(f"{figures[k]:.3f}" for k in keys)


@app.command("eval-stories")
def eval_stories(
    gold_dir: GoldArg,
    articles: ArticlesOpt = None,
    db: Annotated[
        str | None,
        typer.Option(
            "--db", help="Keep the store the corpus is linked in (SQLite path); default: a temporary one."
        ),
    ] = None,
    show: StoryListOpt = False,
    as_json: JsonOpt = False,
    match: Annotated[
        str,
        typer.Option(
            "--match",
            help="How a gold quote finds its claim: 'evidence' (default: the claim's source and cue "
            "count beside its content, when the quote meets the content in their sentence) or "
            "'content' (the content only: the figures of rounds 1-10).",
        ),
    ] = "evidence",
) -> None:
    """Ingest a story corpus into a fresh store, link it, and score the story layer against its gold.

    Figures: story B-cubed P/R/F1 (distractors included); proposition linking
    pairwise P/R/F1 over gold mentions; measure purity (share of a gold
    measure's points in its main series) and series per gold measure; value,
    bound and approximation accuracy; conflict precision and recall (a trap
    reported as a conflict is a false positive); independent-origin exact
    accuracy and mean absolute error. A story told in several languages (the
    gold's documents carry "language") also gets "across languages": the share
    of one proposition's mention pairs in two languages that share a cluster,
    and of one measure's point pairs in two languages that share a series.
    Quotes that cannot be placed are counted under "skipped", never dropped
    silently. --match chooses how a gold quote finds its claim; the report
    names it ("match").

    Exit codes: 0 scored; 1 a corpus file could not be read; 2 a missing folder.

    Example: reportedly eval-stories ../shared/data/stories/kakhovka-dam-2023
    --articles ../stories-local/kakhovka-dam-2023/articles
    (needs a story corpus and its collected articles)
    """
    from ..eval.matching import MATCH_CONVENTIONS
    from ..eval.stories import evaluate_story_corpus

    if match not in MATCH_CONVENTIONS:
        raise fail(f"--match is one of {', '.join(MATCH_CONVENTIONS)}, not {match!r}", EXIT_USAGE)
    corpus = _corpus(gold_dir, articles)
    report = evaluate_story_corpus(
        corpus, db=db, progress=None if as_json else lambda m: err.print(m), match=match
    )
    if as_json:
        dump(report)
        return
    s, p, m, c, o = (report[k] for k in ("stories", "propositions", "measures", "conflicts", "origins"))
    rows = [
        ("stories", "B-cubed P / R / F1", _scores(s, "precision", "recall", "f1")),
        (
            "stories",
            "in-story documents in the main story",
            f"{s['in_main_story']} of {s['in_story_documents']}",
        ),
        ("propositions", "pairwise P / R / F1", _scores(p, "precision", "recall", "f1")),
        (
            "propositions",
            "mentions with a claim / clustered",
            f"{p['mentions_with_claim']} / {p['mentions_clustered']} of {p['mentions']}",
        ),
        ("measures", "purity", _f(m["purity"])),
        ("measures", "series per gold measure", _f(m["series_per_measure"])),
        (
            "measures",
            "value / bounds / approximate accuracy",
            _scores(m, "value_accuracy", "bounds_accuracy", "approximate_accuracy"),
        ),
        ("conflicts", "P / R", _scores(c, "precision", "recall")),
        (
            "conflicts",
            "reported / right / traps flagged",
            f"{c['reported']} / {c['right']} / {c['trap_hits']}",
        ),
        ("origins", "exact accuracy", _f(o["exact_accuracy"])),
        ("origins", "mean absolute error", _f(o["mean_absolute_error"])),
    ]
    for what in ("propositions", "measures") if "cross_language" in report else ():
        x = report["cross_language"][what]
        rows.append(
            (
                "across languages",
                f"{what}: pairs in two languages together",
                f"{x['together']} of {x['pairs']} ({x['items_together']} of {x['items']} {what})",
            )
        )
    title = f"Story layer on {report['corpus']} ({report['documents']} articles; quotes matched by {match})"
    out.print(_figures(title, rows))
    if report["skipped"]:
        out.print(Text(f"skipped: {report['skipped']}", style="dim"))
    if show:
        for item in c["listed"]:
            out.print(Text(f"[{item['verdict']}] {item['kind']}: {item['why']}"))


@app.command("eval-claims")
def eval_claims(
    gold_dir: GoldArg,
    articles: ArticlesOpt = None,
    show: ClaimListOpt = False,
    as_json: JsonOpt = False,
    language: Annotated[
        str | None,
        typer.Option("--language", help="Score only the gold documents in this language (ko, ru …)."),
    ] = None,
) -> None:
    """Analyse a story corpus's articles and score each ledger against the gold's per-article claims.

    Figures: claim recall (a gold claim is found when a claim's content, with
    its speaker and verb, overlaps its quote, or when the quote lies inside a
    claim that holds several of the gold's propositions; the one-to-one recall
    is given too); strict precision (every system claim matching no gold claim
    counted wrong: the gold lists key claims, not all of them, so --list prints
    those extras for you to judge); then, on matched claims, source, chain
    (hops after the outlet a reader of the text can know; also on multi-hop
    chains alone), stance, quantity and date accuracy. --list also prints the
    stance confusion (gold stance → the ledger's, on matched claims) where they differ.

    Exit codes: 0 scored; 1 a corpus file could not be read; 2 a missing folder.

    Example: reportedly eval-claims ../shared/data/stories/kakhovka-dam-2023
    --articles ../stories-local/kakhovka-dam-2023/articles --list
    (needs a story corpus and its collected articles)
    """
    from ..eval.claims import evaluate_claims_corpus

    corpus = _corpus(gold_dir, articles)
    if language:
        corpus = corpus.only_language(language)
    report = evaluate_claims_corpus(corpus, progress=None if as_json else lambda m: err.print(m))
    if as_json:
        dump(report)
        return
    n = report["counts"]
    rows = [
        ("claims", "recall", f"{report['recall']:.3f} ({n.get('matched', 0)} of {n.get('gold', 0)})"),
        ("claims", "recall, one to one", _f(report["recall_one_to_one"])),
        (
            "claims",
            "precision, strict",
            f"{report['precision_strict']:.3f} ({n.get('system', 0)} system claims)",
        ),
        ("matched", "source", _f(report["source_accuracy"])),
        (
            "matched",
            "chain / multi-hop chain",
            f"{_scores(report, 'chain_accuracy', 'multi_hop_chain_accuracy')} ({n.get('multi_hop', 0)})",
        ),
        ("matched", "stance", _f(report["stance_accuracy"])),
        ("matched", "quantities", _f(report["quantity_accuracy"])),
        ("matched", "date", _f(report["date_accuracy"])),
    ]
    out.print(_figures(f"Per-article claims on {report['corpus']}", rows))
    if show:
        for e in report["extras"]:
            out.print(Text(f"extra {e['file']} [{e['section']}] {e['source']} — {e['cue']} — {e['content']}"))
        for miss in report["misses"]:
            out.print(Text(f"missed {miss['file']} {miss['source']}: {miss['quote']}"))
        for gold, row in report["stance_confusion"].items():
            for system, count in row.items():
                if system != gold:
                    out.print(Text(f"stance gold {gold} → ledger {system}: {count}"))
