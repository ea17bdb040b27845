"""How the origins figure moves with the core's slack (:data:`reportedly.link.origins_core.CORE_SLACK`).

Links a story corpus once, keeping every cluster's claims, vectors and centroid, then recounts each
cluster's origins over its core at several slacks (``none``: every member, the count before round
14) and scores each with the scorer's own origins figure. Prints, per slack, the exact accuracy,
the MAE and the propositions whose count changed against ``none`` (id, gold, before, after).

    PYTHONPATH=src python benchmarks/origin_core_slack.py GOLD_DIR ARTICLES_DIR \\
        --cache FILE.pkl [--slacks 0.1,0.15,0.2] [--text-only]

``--text-only`` leaves figure clusters (those with a series) counted over every member.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("articles", type=Path)
    ap.add_argument("--cache", type=Path, default=None, help="pickled ledgers (made when missing)")
    ap.add_argument("--slacks", default="0.1,0.15,0.2,0.25")
    ap.add_argument("--text-only", action="store_true")
    args = ap.parse_args(argv)

    sys.path.insert(0, str(Path(__file__).parent))
    from origin_misses import _analyse

    import reportedly.link.pipeline as pipeline
    from reportedly.eval.stories import score_links
    from reportedly.link import link_ledgers
    from reportedly.link.independence import origins
    from reportedly.link.origins_core import core_origins

    corpus, ledgers = _analyse(args.gold, args.articles, args.cache)
    kept: dict[str, tuple[Any, Any]] = {}
    clustering = pipeline.cluster_claims

    def keeping(members, vectors, *rest, **kw):  # noqa: ANN001, ANN202 - the pipeline's own signature
        groups = clustering(members, vectors, *rest, **kw)
        kept.update({g.id: (g, vectors) for g in groups})
        return groups

    pipeline.cluster_claims = keeping
    try:
        result = link_ledgers(list(ledgers.values()))
    finally:
        pipeline.cluster_claims = clustering
    series = {(m.claim_id, m.position): m.measure for m in result.measures}
    clusters = [cl for s in result.stories for cl in s.clusters if cl.id in kept]
    side = _side(result)
    # the pipeline counted the core at CORE_SLACK: recount every member, then each slack's core
    every = {cl.id: origins(kept[cl.id][0].items, side)[0] for cl in clusters}
    before: dict[str, Any] = {}
    for slack in ["none", *args.slacks.split(",")]:
        for cl in clusters:
            g, vectors = kept[cl.id]
            cl.origins = every[cl.id]
            if slack != "none" and not (args.text_only and g.measure is not None):
                cl.origins = core_origins(every[cl.id], g.items, vectors, g.centroid, float(slack))[0]
        report = score_links(corpus.gold, ledgers, result.stories, result.conflicts, series)["origins"]
        rows = {r["proposition"]: (r["gold"], r["system"]) for r in report["rows"]}
        if slack == "none":
            before = rows
        changed = [(p, g, before[p][1], n) for p, (g, n) in rows.items() if n != before[p][1]]
        print(
            f"{corpus.name} slack {slack}: exact {report['exact_accuracy']:.4f} "
            f"MAE {report['mean_absolute_error'] or 0:.4f} changed {changed}"
        )
    return 0


def _side(result: Any) -> Any:
    """The side resolver the pipeline counts origins with."""
    from reportedly.link.blame import gazetteer_sides
    from reportedly.link.independence import with_demonyms
    from reportedly.model import EntityType

    index = result.entities
    countries = {name for name, etype in index.gaz.by_key.values() if etype is EntityType.COUNTRY}
    return with_demonyms(gazetteer_sides(index.gaz.lookup, countries), index.country_of, countries)


if __name__ == "__main__":
    sys.exit(main())
