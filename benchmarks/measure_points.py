"""Where every gold measure point went: the series each point was drawn in, and why.

The story scorer (``reportedly eval-stories``) reports, per gold measure, the purity of its points
(the share in the one series holding most of them) and how many series they fall in. This says
*why* a point left its measure's main series: for each gold point, the quantity found at its quote,
the measure extraction typed it with (what, unit, subject, place, scope, as of), the series key it
was drawn in and the rule that placed it when its text names no place; then, against the main
series' measure, which field differs (the cause of the split). Points of other gold measures that
share a main series (foreign points) are listed with the field that should have kept them apart.

    PYTHONPATH=src python benchmarks/measure_points.py kakhovka quake ... \\
        [--cache DIR [--reanalyse]] [--json FILE]

NAME is one of the dev corpora below (or ``all``); ``--cache DIR`` reuses (or writes) the analysed
ledgers as ``DIR/NAME.pkl`` (the dev loop's cache); without it, or with ``--reanalyse``, the texts
are analysed afresh. Prints one block per corpus, headed by the scorer's figures (as
``reportedly eval-stories`` gives them), and a table of causes over all corpora named.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from story_sets import STORIES as DEVELOPMENT_STORIES  # the sibling table (python benchmarks/x.py)

REPO = Path(__file__).resolve().parents[1]
LOCAL = Path("/work/stories-local")
CORPORA = {name: (REPO / gold, folder) for name, (gold, folder) in DEVELOPMENT_STORIES.items()}
FIELDS = ("what", "unit", "subject", "place", "qualifier", "scope")


def _link(corpus: Any, ledgers: dict[str, Any]) -> tuple[Any, dict[tuple[str, int], Any]]:
    """Link the corpus in a scratch store; returns the link result and every figure's ``Measured``."""
    from reportedly.link import link_store, pipeline
    from reportedly.store import Store

    seen: dict[tuple[str, int], Any] = {}
    settle = pipeline.settle_places

    def keep(items: Any, *args: Any, **kwargs: Any) -> int:
        items = list(items)
        n = settle(items, *args, **kwargs)
        for it in items:
            for m in it.measures:
                seen[(it.id, m.position)] = m
        return n

    pipeline.settle_places = keep
    try:
        with tempfile.TemporaryDirectory(prefix="measure-points-") as tmp:
            store = Store(str(Path(tmp) / "s.db"))
            try:
                for f, ledger in ledgers.items():
                    store.save(ledger, source=corpus.articles[f].document.meta.get("source"))
                result = link_store(store)
            finally:
                store.close()
    finally:
        pipeline.settle_places = settle
    return result, seen


def _ledgers(name: str, corpus: Any, cache: Path | None, reanalyse: bool) -> dict[str, Any]:
    from reportedly import analyze_many

    files = list(corpus.articles)
    path = cache / f"{name}.pkl" if cache else None
    if path is not None and path.exists() and not reanalyse:
        return pickle.loads(path.read_bytes())
    ledgers = dict(zip(files, analyze_many([corpus.articles[f].document for f in files]), strict=True))
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pickle.dumps(ledgers))
    return ledgers


def _fields(m: Any) -> dict[str, Any]:
    return {f: (getattr(m, f).value if f == "scope" else getattr(m, f)) for f in FIELDS}


def points(name: str, cache: Path | None, reanalyse: bool = False) -> dict[str, Any]:
    """Every gold point of the corpus with where it went and, off its main series, why; with the
    scorer's figures for the corpus (purity, series per measure, values, conflicts)."""
    from reportedly.corpora.stories import load_story_corpus
    from reportedly.eval.matching import locate, quantity_in
    from reportedly.eval.stories import score_links

    gold_dir, folder = CORPORA[name]
    corpus = load_story_corpus(gold_dir, LOCAL / folder / "articles")
    ledgers = _ledgers(name, corpus, cache, reanalyse)
    result, seen = _link(corpus, ledgers)
    series = {(m.claim_id, m.position): m.measure for m in result.measures}
    scored = score_links(corpus.gold, ledgers, result.stories, result.conflicts, series)
    figures = {
        k: scored["measures"][k]
        for k in ("purity", "series_per_measure", "foreign_points", "value_accuracy", "bounds_accuracy")
    }
    c = scored["conflicts"]
    figures.update(
        conflicts_precision=c["precision"],
        conflicts_recall=c["recall"],
        reported=c["reported"],
        traps=c["trap_hits"],
    )
    measures = []
    for gm in corpus.gold.get("measures", []):
        rows = []
        for pt in gm["points"]:
            row: dict[str, Any] = {"file": pt["file"], "quote": pt["quote"], "value": pt.get("value")}
            ledger = ledgers.get(pt["file"])
            where = locate(ledger.document.text, pt["quote"], pt["file"]) if ledger else None
            if where is None:
                continue  # not scored: article or quote not found
            hit = quantity_in(ledger.claims, where, pt.get("value"), pt.get("low"), pt.get("high"))
            if hit is None:
                row["cause"] = "no quantity"
                rows.append(row)
                continue
            claim, pos, q = hit
            row["number"] = q.text
            m = seen.get((claim.id, pos))
            if m is None:
                row["cause"] = "no measure"
                rows.append(row)
                continue
            drawn = m.drawn or m.typed
            row.update(series=m.measure, rule=m.placed_by, typed=_fields(m.typed), drawn=_fields(drawn))
            row["as_of"] = str(m.typed.as_of) if m.typed.as_of else None
            row["_key"] = (claim.id, pos)
            rows.append(row)
        keys = Counter(r["series"] for r in rows if "series" in r)
        main = keys.most_common(1)[0][0] if keys else None
        ref = next((r["drawn"] for r in rows if main is not None and r.get("series") == main), None)
        for r in rows:
            if "cause" in r:
                continue
            if r["series"] == main:
                r["cause"] = "main"
            else:
                diff = [f for f in FIELDS if ref is not None and r["drawn"][f] != ref[f]]
                r["cause"] = "+".join(diff) or "key"
        measures.append(
            {"id": gm["id"], "name": gm.get("name", ""), "main": main, "series": len(keys), "points": rows}
        )
    # foreign points: other measures' points drawn in a measure's main series
    for gm in measures:
        own = {(r["file"], r["quote"]) for r in gm["points"]}
        gm["foreign"] = [
            {"from": other["id"], "quote": r["quote"], "file": r["file"]}
            for other in measures
            if other is not gm
            for r in other["points"]
            if gm["main"] is not None and r.get("series") == gm["main"] and (r["file"], r["quote"]) not in own
        ]
    for gm in measures:
        for r in gm["points"]:
            r.pop("_key", None)
    return {"corpus": name, "figures": figures, "measures": measures}


def _print(report: dict[str, Any]) -> Counter[str]:
    causes: Counter[str] = Counter()
    f = report["figures"]
    print(
        f"=== {report['corpus']}: purity {f['purity']:.3f} series {f['series_per_measure']:.3f} "
        f"foreign {f['foreign_points']} values {f['value_accuracy']:.3f} bounds {f['bounds_accuracy']:.3f} "
        f"conflicts P/R {f['conflicts_precision']:.2f}/{f['conflicts_recall']:.2f} "
        f"({f['reported']} reported, {f['traps']} traps)"
    )
    for gm in report["measures"]:
        n = len(gm["points"])
        main_n = sum(1 for r in gm["points"] if r["cause"] == "main")
        print(f"{gm['id']} {gm['name'][:70]!r}: {main_n}/{n} in {gm['main']!r}, {gm['series']} series")
        for r in gm["points"]:
            if r["cause"] == "main":
                continue
            causes[r["cause"]] += 1
            if "series" in r:
                diff = {f: r["drawn"][f] for f in r["cause"].split("+") if f in FIELDS}
                where = f"{r['file']}: {r['quote']!r}"
                print(f"   {r['cause']:18s} {r['series']!r} {diff} rule={r['rule']} | {where}")
            else:
                print(f"   {r['cause']:18s} {r.get('number', '')!r} | {r['file']}: {r['quote']!r}")
        for f in gm["foreign"]:
            causes["foreign"] += 1
            print(f"   foreign from {f['from']}: {f['file']}: {f['quote']!r}")
    return causes


#: The key components a point's series can differ from its measure's main series in, in the order
#: :func:`why` names them (the first that differs is the cause).
COMPONENTS = (("what", "what"), ("unit", "unit"), ("whose", "subject"), ("scope", "scope"))


def why(row: dict[str, Any], ref: dict[str, Any] | None, contains: Any) -> str:
    """Why a gold point is off its measure's main series, as one pooled class: extraction (no
    quantity or no measure at the quote), then the first key component that differs (what is
    counted, the counted unit, whose, the scope), then the place: read into a point whose text
    names none (by which ``story_place`` rule), missing on the point's side or on the main
    series', coarser (the point's place holds the main series' place), finer, another
    place, or the same place under another qualifier."""
    if "series" not in row:
        return f"extraction: {row['cause']}"
    if ref is None:
        return "key: no main series"
    d = row["drawn"]
    for name, f in COMPONENTS:
        if d[f] != ref[f]:
            return f"{name}: {ref[f]} -> {d[f]}" if name in ("what", "scope") else name
    here, there = d["place"], ref["place"]
    if here != there and here is not None and row["typed"]["place"] is None:
        return f"where: text names no place, drawn by {row['rule'] or 'no rule'}"
    if here == there:
        return "where: qualifier" if d["qualifier"] != ref["qualifier"] else "key: same fields"
    if here is None:
        return "where: point has no place"
    if there is None:
        return "where: main series has no place"
    if contains(here, there):
        return "where: point coarser"
    if contains(there, here):
        return "where: point finer"
    return "where: another place"


def pooled(reports: list[dict[str, Any]]) -> Counter[tuple[str, str]]:
    """(class, corpus) counts of every gold point off its measure's main series (:func:`why`)."""
    from reportedly.link.settle import place_containment

    contains = place_containment()
    out: Counter[tuple[str, str]] = Counter()
    for report in reports:
        for gm in report["measures"]:
            ref = next((r["drawn"] for r in gm["points"] if r["cause"] == "main"), None)
            for r in gm["points"]:
                if r["cause"] != "main":
                    out[(why(r, ref, contains), report["corpus"])] += 1
            foreign = "foreign point (another measure's, in this main series)"
            out[(foreign, report["corpus"])] += len(gm["foreign"])
    return out


def _print_pooled(reports: list[dict[str, Any]]) -> None:
    table = pooled(reports)
    names = [r["corpus"] for r in reports]
    classes = Counter()
    for (c, _n), k in table.items():
        classes[c] += k
    print("| why | all | " + " | ".join(names) + " |")
    print("| --- | ---: | " + " | ".join("---:" for _ in names) + " |")
    for c, k in classes.most_common():
        if k:
            print(f"| {c} | {k} | " + " | ".join(str(table[(c, n)] or "") for n in names) + " |")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("names", nargs="+", help="corpora: " + " ".join(CORPORA) + " or all")
    ap.add_argument("--cache", type=Path, help="folder of analysed ledgers (NAME.pkl), read or written")
    ap.add_argument("--json", type=Path, help="write every point as JSON here")
    ap.add_argument("--reanalyse", action="store_true", help="analyse afresh even where --cache has ledgers")
    ap.add_argument("--pooled", action="store_true", help="print the pooled table of why points scatter")
    args = ap.parse_args(argv)
    names = list(CORPORA) if args.names == ["all"] else args.names
    total: Counter[str] = Counter()
    reports = []
    for name in names:
        report = points(name, args.cache, args.reanalyse)
        reports.append(report)
        total += _print(report)
    print("=== causes over", ", ".join(names))
    for cause, n in total.most_common():
        print(f"{n:4d}  {cause}")
    if args.pooled:
        _print_pooled(reports)
    if args.json:
        args.json.write_text(json.dumps(reports, indent=1, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
