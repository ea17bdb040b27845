"""Why each gold conflict of a story corpus is missed, and why each false report was made.

For every gold conflict the story scorer did not find, one line saying where the chain broke:
no claim at one side's quote; a side's claims in no story or in different stories; a figure
with no measure or the two sides' figures in different series; a pair examined and declined
(with the declined row's reason); or neither claim a numeric, negated or denied one (a stance
or polarity the conflict rules do not model). For every reported conflict that matches no gold
conflict, its kind, verdict (unmatched or trap) and reason. Declined traps are counted too.

    PYTHONPATH=src python benchmarks/conflict_misses.py GOLD ARTICLES [--cache F.pkl] [--store F.db]

``--cache`` keeps the analysed ledgers (pickled, as ``/work/notes/dev/dev_link.py`` writes them)
so that a second run only links and scores; ``--store FILE.db`` keeps the stored ledgers and their
sentence vectors too (a run after a change to linking only, not to analysis).
"""

from __future__ import annotations

import argparse
import pickle
import sys
import tempfile
from pathlib import Path
from typing import Any

from reportedly import analyze_many
from reportedly.corpora.stories import load_story_corpus
from reportedly.eval.stories import gold_conflict_sides, score_links
from reportedly.link import link_store
from reportedly.link.corpus import negated_content
from reportedly.model import Stance
from reportedly.store import Store


def _ledgers(corpus: Any, cache: Path | None) -> dict[str, Any]:
    files = list(corpus.articles)
    if cache is not None and cache.exists():
        return pickle.loads(cache.read_bytes())
    ledgers = dict(zip(files, analyze_many([corpus.articles[f].document for f in files]), strict=True))
    if cache is not None:
        cache.write_bytes(pickle.dumps(ledgers))
    return ledgers


def _short(text: str, n: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def diagnose(gold: dict[str, Any], ledgers: dict[str, Any], result: Any, report: dict[str, Any]) -> list[str]:
    """One line per missed gold conflict, then one per false report."""
    sides = gold_conflict_sides(gold, ledgers)
    claims = {c.id: (f, c) for f, led in ledgers.items() for c in led.claims}
    story_of_doc = {d: s.id for s in result.stories for d in s.documents}
    series: dict[str, list[str]] = {}
    for m in result.measures:
        series.setdefault(m.claim_id, []).append(m.measure)
    sides_of = [({r.id for r in side} for side in c.sides()) for c in result.conflicts]
    rows = [(c, *map(set, s)) for c, s in zip(result.conflicts, sides_of, strict=True)]
    out: list[str] = []
    found = set(report["conflicts"]["found"])
    for g, (a, b) in zip(gold.get("conflicts", []), sides, strict=True):
        if g["id"] in found:
            continue
        head = f"  MISS {g['id']} ({g['kind']}):"
        if not a or not b:
            gone = " and ".join(s for s, ids in (("a", a), ("b", b)) if not ids)
            out.append(f"{head} no claim at side {gone}: {_short(g['a' if not a else 'b']['quote'])}")
            continue
        declined = [c for c, xs, ys in rows if c.declined and ((xs & a and ys & b) or (xs & b and ys & a))]
        if declined:
            out.append(f"{head} declined: {_short(declined[0].why, 160)}")
            continue

        def stories(ids: set[str]) -> set[str]:
            return {story_of_doc.get(ledgers[claims[i][0]].document.id, "-") for i in ids}

        if not stories(a) & stories(b):
            out.append(f"{head} sides in different stories {sorted(stories(a))} / {sorted(stories(b))}")
            continue
        if g["kind"] == "numeric":
            sa = {k for i in a for k in series.get(i, [])}
            sb = {k for i in b for k in series.get(i, [])}
            if not sa or not sb:
                out.append(f"{head} no measure at side {'a' if not sa else 'b'}")
            elif not sa & sb:
                out.append(f"{head} different series: {sorted(sa)[:2]} / {sorted(sb)[:2]}")
            else:
                out.append(f"{head} same series {sorted(sa & sb)[:1]}, never paired (rule before judge)")
            continue

        def marks(ids: set[str]) -> str:
            cs = [claims[i][1] for i in ids]
            neg = any(c.negated or negated_content(c.content_text) for c in cs)
            den = any(c.stance is Stance.DENIED for c in cs)
            return "denied" if den else ("negated" if neg else "plain")

        ma, mb = marks(a), marks(b)
        why = "neither side negated or denied: stance/polarity in substance" if ma == mb == "plain" else ""
        out.append(f"{head} {g['kind']} not found, sides {ma}/{mb} {why}")
    for c in report["conflicts"]["listed"]:
        if c["verdict"] != "right":
            out.append(f"  FALSE {c['verdict']} {c['kind']}: {_short(c['why'], 170)}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("articles", type=Path)
    ap.add_argument("--cache", type=Path)
    ap.add_argument("--store", type=Path, help="a store kept between runs: the ledgers and their vectors")
    args = ap.parse_args(argv)
    corpus = load_story_corpus(args.gold, args.articles)
    ledgers = _ledgers(corpus, args.cache)
    with tempfile.TemporaryDirectory(prefix="conflict-misses-") as tmp:
        fresh = args.store is None or not args.store.exists()
        store = Store(str(args.store or Path(tmp) / "s.db"))
        try:
            if fresh:
                for f in corpus.articles:
                    store.save(ledgers[f], source=corpus.articles[f].document.meta.get("source"))
            result = link_store(store)
        finally:
            store.close()
    series = {(m.claim_id, m.position): m.measure for m in result.measures}
    report = score_links(corpus.gold, ledgers, result.stories, result.conflicts, series)
    c = report["conflicts"]
    print(
        f"{corpus.name}: conflicts P/R {c['precision']:.2f}/{c['recall']:.2f} "
        f"(reported {c['reported']}, right {c['right']}, traps {c['trap_hits']}, "
        f"declined {c['declined']} of which traps {c['traps_declined_with_reason']})"
    )
    for line in diagnose(corpus.gold, ledgers, result, report):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
