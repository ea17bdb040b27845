"""Why a story corpus's origin counts miss: the round-7 classification, reproducible.

The scorer (``reportedly eval-stories``) counts a gold proposition's independent origins on the
system cluster holding most of its gold mentions. A miss there mixes extraction, clustering and
counting; this script tells them apart by counting origins again on exactly the claims found at
the gold mentions (what the count would be with a perfect cluster), with the same rules
(:func:`reportedly.link.independence.origins`) and the same cross-document entities:

* ``ok``: the scorer's count equals the gold count;
* ``clustering: split``: the re-count is right, but the scorer's cluster holds fewer than two of
  the mentions' claims, or none (the mentions are spread over clusters);
* ``clustering: foreign``: the re-count is right, and the cluster holds all of them and claims of
  other propositions that add (or remove) origins;
* ``extraction``: the re-count is wrong and at least one mention has no claim;
* ``counting``: every mention has a claim and the re-count on them is wrong.

Usage (analyses are cached per corpus as pickled ledgers, the dev loop's format):

    PYTHONPATH=src python benchmarks/origin_misses.py GOLD_DIR ARTICLES_DIR \\
        [--cache FILE.pkl] [-v] [--json OUT]

``-v`` prints, for every miss, the gold count, ours, the re-count and each mention's claim with the
origin key it was counted under.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from collections import Counter
from pathlib import Path
from typing import Any


def _analyse(gold_dir: Path, articles: Path, cache: Path | None) -> tuple[Any, dict[str, Any]]:
    from reportedly import analyze_many
    from reportedly.corpora.stories import load_story_corpus

    corpus = load_story_corpus(gold_dir, articles)
    files = list(corpus.articles)
    if cache is not None and cache.exists():
        ledgers = pickle.loads(cache.read_bytes())
    else:
        ledgers = dict(zip(files, analyze_many([corpus.articles[f].document for f in files]), strict=True))
        if cache is not None:
            cache.parent.mkdir(parents=True, exist_ok=True)
            cache.write_bytes(pickle.dumps(ledgers))
    return corpus, ledgers


def _mention_claim(ledgers: dict[str, Any], mention: dict[str, str]) -> tuple[Any, bool]:
    """(the claim at a gold mention or None, whether the quote was placed at all)."""
    from reportedly.eval.matching import best_claim, locate

    led = ledgers.get(mention["file"])
    if led is None:
        return None, False
    where = locate(led.document.text, mention["quote"], mention["file"])
    if where is None:
        return None, False
    return best_claim(led.claims, where), True


def _clusters_at(claim: Any, mention: dict[str, str], ledgers: dict[str, Any], cluster_of: dict) -> list:
    """The clusters a mention's claim stands in; a mention quoting a figure only in its figure's."""
    from reportedly.eval.matching import locate

    led = ledgers[mention["file"]]
    where = locate(led.document.text, mention["quote"], mention["file"])
    quoted = {
        q.measure.key
        for q in claim.quantities
        if q.measure is not None and q.start < where.end and where.start < q.end
    }
    return [cl for cl in cluster_of.get(claim.id, []) if not quoted or getattr(cl, "measure", None) in quoted]


def classify(
    gold: dict[str, Any], ledgers: dict[str, Any], verbose: bool = False, members: bool = False
) -> dict[str, Any]:
    """Link the ledgers and classify every gold proposition's origin count."""
    from reportedly.link import link_ledgers
    from reportedly.link.blame import gazetteer_sides
    from reportedly.link.corpus import DocItem, claim_item, outlet_of
    from reportedly.link.independence import origin_key, origins, with_demonyms
    from reportedly.model import EntityType

    result = link_ledgers(list(ledgers.values()))
    index = result.entities
    countries = {name for name, etype in index.gaz.by_key.values() if etype is EntityType.COUNTRY}
    side = with_demonyms(gazetteer_sides(index.gaz.lookup, countries), index.country_of, countries)
    docs = {led.document.id: DocItem(led.document, outlet_of(led.document)) for led in ledgers.values()}
    items = {
        c.id: claim_item(c, docs[led.document.id], index) for led in ledgers.values() for c in led.claims
    }
    cluster_of: dict[str, list] = {}
    for s in result.stories:
        for cl in s.clusters:
            for ref in cl.claims:
                cluster_of.setdefault(ref.id, []).append(cl)

    rows = []
    for p in gold.get("propositions", []):
        found = []
        tally: Counter[int] = Counter()
        keep = {}
        for m in p["mentions"]:
            claim, placed = _mention_claim(ledgers, m)
            if not placed:
                continue
            found.append((m, claim))
            if claim is not None:
                for cl in _clusters_at(claim, m, ledgers, cluster_of):
                    tally[id(cl)] += 1
                    keep[id(cl)] = cl
        system = cluster = None
        if tally:
            key, n = tally.most_common(1)[0]
            if n >= 2 or len(p["mentions"]) == 1:
                cluster = keep[key]
                system = len(cluster.origins)
        claims = list({c.id: c for _m, c in found if c is not None}.values())
        mention_items = [items[c.id] for c in claims]
        recount = len(origins(mention_items, side)[0]) if mention_items else 0
        in_cluster = {r.id for r in cluster.claims} if cluster is not None else set()
        gold_n = p["independent_origins"]
        if system == gold_n:
            kind = "ok"
        elif recount == gold_n and (cluster is None or not {c.id for c in claims} <= in_cluster):
            kind = "clustering: split"
        elif recount == gold_n:
            kind = "clustering: foreign"
        elif any(c is None for _m, c in found):
            kind = "extraction"
        else:
            kind = "counting"
        row = {
            "proposition": p["id"],
            "gold": gold_n,
            "system": system,
            "recount": recount,
            "class": kind,
            "mentions": [
                {
                    "file": m["file"],
                    "quote": m["quote"][:100],
                    "claim": c.id if c is not None else None,
                    "origin": origin_key(items[c.id])[0] if c is not None else None,
                }
                for m, c in found
            ],
            "cluster_origins": [o.key for o in cluster.origins] if cluster is not None else None,
            "cluster_size": len(in_cluster),
        }
        rows.append(row)
        if verbose and kind != "ok":
            head = f"{p['id']} [{kind}] gold {gold_n} system {system} recount {recount}"
            print(f"\n{head}: {p.get('text', '')[:90]}")
            for mm in row["mentions"]:
                print(f"   {mm['file'][:24]:24s} {str(mm['origin'])[:40]:40s} | {mm['quote'][:70]}")
            if cluster is not None:
                print(f"   cluster ({len(in_cluster)} claims): {row['cluster_origins']}")
                if members:  # every claim of the cluster, under the origin it was counted
                    for o in cluster.origins:
                        for cid in o.claims:
                            it = items[cid]
                            print(
                                f"      {o.key[:28]:28s} {origin_key(it)[0][:30]:30s} "
                                f"{it.doc.id[:16]:16s} | {it.text[:80]}"
                            )
    classes = Counter(r["class"] for r in rows)
    return {
        "exact": round(classes["ok"] / len(rows), 4) if rows else 0.0,
        "propositions": len(rows),
        "classes": dict(classes),
        "recount_exact": round(sum(r["recount"] == r["gold"] for r in rows) / len(rows), 4) if rows else 0.0,
        "rows": rows,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("articles", type=Path)
    ap.add_argument("--cache", type=Path, default=None, help="pickled ledgers (made when missing)")
    ap.add_argument("--json", type=Path, default=None)
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--members", action="store_true", help="with -v: every claim of a miss's cluster")
    args = ap.parse_args(argv)
    corpus, ledgers = _analyse(args.gold, args.articles, args.cache)
    out = classify(corpus.gold, ledgers, args.verbose, args.members)
    print(
        f"{corpus.name}: exact {out['exact']:.2f} of {out['propositions']}; "
        f"re-count on the mentions' claims exact {out['recount_exact']:.2f}; "
        + ", ".join(f"{k} {v}" for k, v in sorted(out["classes"].items()))
    )
    if args.json is not None:
        args.json.write_text(json.dumps(out, indent=1, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
