"""Why gold proposition pairs are missed, and which origins a re-clustering gets wrong.

For each development story (the ledgers cached by the dev loop, ``--cache``), every pair of
mentions of one gold proposition in two documents that the clusters do not join is put under one
cause, the first that holds:

* ``no claim``: a mention has no claim (``best_claim``, as the scorer finds it);
* ``not clustered``: a claim is in no cluster and the pair is not one the linker could weigh:
  ``neutral`` (a refusal or doubt), ``too short`` (under ``MIN_WORDS`` content words and no figure),
  ``polarity`` (one denies), ``other story`` (the claims are in two story groups);
* for two claims the linker compared: ``figures apart`` (a cannot-link: one series, figures that
  differ), ``figures typed apart`` (both state figures of series typed apart), ``numerals apart``
  (different numbers in the text), ``cosine < floor`` (under the pair model's floor), ``below
  bar`` (cosine above the floor, under the hand rule's bar), ``no anchor`` (cosine above the bar,
  too few shared words), ``linked, average`` (the hand rule links the pair but average linkage
  kept the clusters apart), or, with ``--model``, the model's probability band.

With ``--origins`` the pair model fitted leave-one-story-out (as ``train_pairs.py`` does, at
``--threshold`` / ``--slack``) is run too, and every gold proposition whose independent-origin
count the rules had right and the model has wrong is printed with the cluster's claims, their
origin keys and the gold propositions they are mentions of: what a bigger cluster counts.

    PYTHONPATH=src python benchmarks/pair_misses.py --cache /tmp/cache-props9 [--origins]
    ... --shipped        # the causes under the package's pair model (what the pipeline links with)
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from dataclasses import replace
from itertools import combinations
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from train_pairs import STORIES, Story, fit  # noqa: E402


def _mentions(story: Story) -> dict[tuple[str, str], tuple[set[str], str | None]]:
    """(file, quote) -> (gold propositions, the claim found there)."""
    from reportedly.eval.matching import best_claim, locate

    out: dict[tuple[str, str], tuple[set[str], str | None]] = {}
    for p in story.corpus.gold.get("propositions", []):
        for m in p["mentions"]:
            led = story.ledgers.get(m["file"])
            where = locate(led.document.text, m["quote"], m["file"]) if led is not None else None
            if where is None:
                continue
            c = best_claim(led.claims, where)
            node = (m["file"], m["quote"])
            props, _ = out.get(node, (set(), None))
            out[node] = (props | {p["id"]}, c.id if c is not None else None)
    return out


def _cause(story: Story, a: str, b: str, model: Any) -> str:
    """Why two claims of different documents are not in one cluster (see the module docstring)."""
    from reportedly.link import clusters as C

    where = {}
    for gi, group in enumerate(story.groups):
        members = group[2]
        for it in members:
            where[it.id] = (gi, it)
    if a not in where or b not in where:
        return "claim not linked (no story group)"
    (ga, ia), (gb, ib) = where[a], where[b]
    if ga != gb:
        return "other story"
    for it in (ia, ib):
        if it.neutral:
            return "neutral"
        if not it.text.strip() or not (it.measures or len(set(C.words(it.statement))) >= C.MIN_WORDS):
            return "too short"
    if ia.negative != ib.negative:
        return "polarity"
    _sid, _n, members, vecs, thr, blame = story.groups[ga]
    fa, fb = C._figures(ia), C._figures(ib)  # noqa: SLF001 - a diagnosis reads the linker's own tests
    shared = fa.keys() & fb.keys()
    if shared:
        if all(C._agree(fa[k], fb[k]) for k in shared):  # noqa: SLF001
            return "same figure, merge refused"
        return "figures apart"
    if fa and fb:
        return "figures typed apart"
    na, nb = C._numerals(ia.text), C._numerals(ib.text)  # noqa: SLF001
    apart = bool(na) and bool(nb) and not na & nb
    sim = float(vecs[a] @ vecs[b])
    if model is not None:
        for _x, _y, row in C.model_pairs([ia, ib], vecs, thr, blame):
            p = float(model.probability(C.feature_matrix([row]))[0])
            return f"model p {min(int(p * 10), 9) / 10:.1f}-{min(int(p * 10), 9) / 10 + 0.1:.1f}"
        return "cosine < floor"
    if apart:
        return "numerals apart"
    if sim < C.FLOOR:
        return "cosine < floor"
    one_voice = C._voice(ia) is not None and C._voice(ia) == C._voice(ib)  # noqa: SLF001
    bar = thr - C.SAME_VOICE_SLACK if one_voice else thr
    if sim < bar:
        quote = C._contained(C._word_grams(ia.text), C._word_grams(ib.text))  # noqa: SLF001
        return "quotation, average" if quote >= C.QUOTE_CONTAINMENT else "below bar"
    bags = frozenset(C.words(ia.statement)), frozenset(C.words(ib.statement))
    if sim < bar + C.STRONG and C._jaccard(*bags) < C.LEXICAL_OVERLAP:  # noqa: SLF001
        return "no anchor"
    return "linked, average"


def _clusters_of(stories: list[Any]) -> dict[str, list[Any]]:
    """Claim id -> every cluster of the linked stories that holds the claim."""
    cluster_of: dict[str, list[Any]] = defaultdict(list)
    for s in stories:
        for cl in s.clusters:
            for ref in cl.claims:
                cluster_of[ref.id].append(cl)
    return cluster_of


def _scored(story: Story, stories: list[Any]) -> dict[tuple[str, str], set[int]]:
    """(file, quote) -> the clusters the scorer stands the mention in (a mention quoting a figure
    stands only in that figure's cluster, :func:`reportedly.eval.stories._mention_clusters`)."""
    from reportedly.eval.matching import QuoteIndex
    from reportedly.eval.stories import _mention_clusters  # noqa: PLC2701 - the scorer's own reading

    idx = QuoteIndex(story.ledgers)
    cluster_of = _clusters_of(stories)
    out = {}
    for p in story.corpus.gold.get("propositions", []):
        for m in p["mentions"]:
            found = _mention_clusters(m, idx, cluster_of, "proposition mention")
            if found is not None:
                out[m["file"], m["quote"]] = {id(x) for x in found[1]}
    return out


def _standing(story: Story, stories: list[Any]) -> dict[tuple[str, str], tuple[list[Any], list[Any]]]:
    """(file, quote) -> (the measures of the figures the mention quotes, as the scorer reads
    them, and every cluster its claim is in): what :func:`apart_cause` reads."""
    from reportedly.eval.matching import QuoteIndex, best_claim

    idx = QuoteIndex(story.ledgers)
    cluster_of = _clusters_of(stories)
    out = {}
    for p in story.corpus.gold.get("propositions", []):
        for m in p["mentions"]:
            where = idx.where(m["file"], m["quote"], "proposition mention")
            c = best_claim(idx.claims(m["file"]), where, idx.match) if where is not None else None
            if c is None:
                continue
            quoted = [
                q.measure
                for q in c.quantities
                if q.measure is not None and q.start < where.end and where.start < q.end
            ]
            out[m["file"], m["quote"]] = (quoted, cluster_of.get(c.id, []))
    return out


def apart_cause(a: tuple[list[Any], list[Any]], b: tuple[list[Any], list[Any]]) -> str:
    """Why two mentions whose claims share a cluster are scored apart: the scorer stands a mention
    quoting a figure only in the clusters keyed by a figure it quotes (``_mention_clusters``).

    * ``figure under another key``: a mention quotes figures none of which keys a cluster of its
      claim, but a cluster of its claim is keyed by one of their series with or without the place
      (``same_figure_series``): the linker joined the figure there and named the cluster by the
      key most of its points have; the scorer read exact keys until round 14 and dropped it (it
      still does where the claim states two figures of that series: "17,134 … and 3,317");
    * ``figure unclustered``: a mention quotes figures none of which keys a cluster of its claim,
      so it stands in no cluster at all;
    * ``figure beside a text cluster``: one mention stands in its figure's cluster, the other's
      claim is not there; the cluster they share is keyed by no figure (a text cluster);
    * ``shared cluster keyed by another figure``: the shared cluster is keyed by a series the
      quoting mention does not quote (``_shared_measure`` keyed a text cluster by a figure).
    """
    from reportedly.eval.stories import same_figure_series

    (qa, ca), (qb, cb) = a, b
    shared = {id(x) for x in ca} & {id(x) for x in cb}
    for quoted, clusters in ((qa, ca), (qb, cb)):
        if quoted and not any(getattr(cl, "measure", None) in {m.key for m in quoted} for cl in clusters):
            keys = [getattr(cl, "measure", None) for cl in clusters]
            if any(same_figure_series(m, k) for m in quoted for k in keys):
                return "figure under another key"
            return "figure unclustered"
    keys = {getattr(cl, "measure", None) for cl in ca + cb if id(cl) in shared}
    if keys == {None}:
        return "figure beside a text cluster"
    return "shared cluster keyed by another figure"


def misses(
    story: Story, stories: list[Any], model: Any = None, apart: Counter[str] | None = None
) -> Counter[str]:
    """Each gold pair under its cause; "found" pairs are the scorer's hits, and a pair whose claims
    share a cluster that the scorer does not count (a mention quoting a figure stands only in that
    figure's cluster) is "shared cluster, scored apart (evidence span)"."""
    cluster_of: dict[str, set[int]] = defaultdict(set)
    for s in stories:
        for cl in s.clusters:
            for ref in cl.claims:
                cluster_of[ref.id].add(id(cl))
    nodes = _mentions(story)
    scored = _scored(story, stories)
    standing = _standing(story, stories) if apart is not None else {}
    tally: Counter[str] = Counter()
    for (na, (pa, ca)), (nb, (pb, cb)) in combinations(sorted(nodes.items()), 2):
        if na[0] == nb[0] or not pa & pb:
            continue
        tally["gold pairs"] += 1
        if ca is None or cb is None:
            tally["no claim"] += 1
        elif scored.get(na, set()) & scored.get(nb, set()):
            tally["found"] += 1
        elif cluster_of[ca] & cluster_of[cb]:
            tally["shared cluster, scored apart (evidence span)"] += 1
            if apart is not None:
                apart[apart_cause(standing[na], standing[nb])] += 1
        elif ca == cb:
            tally["one claim (?)"] += 1
        else:
            where = "both clustered" if cluster_of[ca] and cluster_of[cb] else "not both clustered"
            tally[f"{where}: {_cause(story, ca, cb, model)}"] += 1
    return tally


def origin_changes(story: Story, model: Any) -> None:
    """Gold propositions whose origins the rules count right and the model wrong, with the clusters."""
    rules = story.score(None)["origins"]["rows"]
    stories = _stories(story, model)
    after = story.score(model)["origins"]["rows"]
    props_of: dict[str, set[str]] = defaultdict(set)
    for (_f, _q), (ps, c) in _mentions(story).items():
        if c is not None:
            props_of[c] |= ps
    items = {it.id: it for g in story.groups for it in g[2]}
    from reportedly.link.independence import origin_key

    for r, a in zip(rules, after, strict=True):
        if r["system"] == r["gold"] and a["system"] != a["gold"]:
            print(f"  {a['proposition']}: gold {a['gold']}, rules {r['system']}, model {a['system']}")
            for s in stories:
                for cl in s.clusters:
                    ids = [ref.id for ref in cl.claims]
                    if any(a["proposition"] in props_of.get(i, ()) for i in ids) and len(ids) > 1:
                        print(f"    cluster {cl.id} ({len(ids)} claims, {len(cl.origins)} origins)")
                        for i in ids:
                            it = items.get(i)
                            key = origin_key(it)[0] if it is not None else "?"
                            text = it.text[:90] if it is not None else ""
                            print(f"      [{','.join(sorted(props_of.get(i, ()))) or '-'}] {key} | {text}")


def _stories(story: Story, model: Any) -> list[Any]:
    """The stories with the model's clusters (as :meth:`Story.score` builds them)."""
    from reportedly.eval import stories as scorer

    captured: list[Any] = []

    original = scorer.score_links

    def keep(gold, ledgers, stories, conflicts, series):  # noqa: ANN001, ANN202
        captured.extend(stories)
        return original(gold, ledgers, stories, conflicts, series)

    scorer.score_links = keep
    try:
        story.score(model)
    finally:
        scorer.score_links = original
    return captured


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache", type=Path, default=Path("/tmp/devcache"))
    ap.add_argument("--texts", type=Path, default=Path("/work/stories-local"))
    ap.add_argument("--stories", nargs="*", default=list(STORIES))
    ap.add_argument("--origins", action="store_true", help="run the LOSO model and show origin changes")
    ap.add_argument("--threshold", type=float, default=0.45)
    ap.add_argument("--slack", type=float, default=0.1)
    ap.add_argument("--keep-voices", action="store_true", help="the model keeps clusters' voices apart")
    ap.add_argument(
        "--shipped", action="store_true", help="the clusters of the package's pair model, not the hand rules'"
    )
    ap.add_argument(
        "--apart",
        action="store_true",
        help="split the shared-cluster, scored-apart pairs by cause (apart_cause)",
    )
    args = ap.parse_args()
    stories = {n: Story(n, args.cache, args.texts) for n in args.stories}
    total: Counter[str] = Counter()
    apart_total: Counter[str] = Counter()
    shipped = None
    if args.shipped:
        from reportedly.link.pairs import packaged_model

        shipped = packaged_model()
    for name, story in stories.items():
        found = _stories(story, shipped) if shipped is not None else story.result.stories
        apart: Counter[str] | None = Counter() if args.apart else None
        tally = misses(story, found, shipped, apart)
        total.update(tally)
        print(f"{name}: " + ", ".join(f"{k} {v}" for k, v in tally.most_common()), flush=True)
        if apart:
            apart_total.update(apart)
            print("  scored apart: " + ", ".join(f"{k} {v}" for k, v in apart.most_common()), flush=True)
    print("all: " + ", ".join(f"{k} {v}" for k, v in total.most_common()))
    if args.apart:
        print("all scored apart: " + ", ".join(f"{k} {v}" for k, v in apart_total.most_common()))
    if args.origins:
        data = {n: s.pairs() for n, s in stories.items()}
        for held, story in stories.items():
            rest = [n for n in stories if n != held]
            model = fit([data[n][0] for n in rest], [data[n][1] for n in rest], args.threshold, args.slack)
            model = replace(model, threshold=args.threshold, slack=args.slack, keep_voices=args.keep_voices)
            tally = misses(story, _stories(story, model), model)
            print(f"{held} (model): " + ", ".join(f"{k} {v}" for k, v in tally.most_common()), flush=True)
            origin_changes(story, model)
    return 0


if __name__ == "__main__":
    sys.exit(main())
