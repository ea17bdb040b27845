"""Why each gold proposition mention of a story is missed: one cause per mention, then per pair.

``pair_misses.py`` puts every missed gold *pair* under a cause; a proposition with many mentions
weighs quadratically there. This reads the same ledgers (the dev loop's cache, ``--cache``) and the
package's pair model (the clusters the pipeline ships), and puts every gold proposition *mention*
under the first of these that holds:

* ``found``: at least one of its cross-document gold pairs is a scorer hit;
* ``no partner``: no mention of its propositions in another document (it has no pair to score);
* ``(a) no claim``: no claim meets the quote (``best_claim``, as the scorer finds it);
* ``(c) neighbour's claim``: the claim the scorer takes covers under half of the quote's words
  (the quote's own statement is not a claim; a claim beside it is taken instead);
* ``(c) shared cluster, scored apart``: its claim shares a cluster with a partner's claim, but the
  scorer stands the mention only in the cluster of the figure it quotes;
* ``(d) source/measure``: every partner pair is kept apart by what extraction gave the claims:
  figures of one series that differ, figures typed apart, numerals apart, two named voices the
  hand rule does not join, or two story groups;
* ``(b) polarity/neutral reading``: every partner pair is kept apart by the linker's reading of
  polarity (one side reads as a denial: a negation word in its content) or by a neutral claim, or
  by the causes above;
* ``(b) not clustered``: its claim is in no cluster (cosine under the floor, too short, the
  model's probability low for every neighbour);
* ``(b) clustered apart``: the rest (the pair model's probability under its threshold, average
  linkage).

    PYTHONPATH=src python benchmarks/mention_causes.py --cache /tmp/cache-NAME noto [--list]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pair_misses import _scored, _stories  # noqa: E402
from train_pairs import STORIES, Story  # noqa: E402

_WORD = re.compile(r"\w+")
#: Pair causes that come from what extraction put in the claims (source, figures, story group).
EXTRACTION_SIDE = ("figures apart", "figures typed apart", "numerals apart", "two voices", "other story")
#: Pair causes of the linker's reading of a claim: one side denies or is a refusal or a doubt.
READING = ("polarity", "neutral")


def _pair_cause(story: Story, a: str, b: str, model: Any) -> str:
    """The pair's cause, as ``pair_misses._cause`` reads it, with the model's two-voice refusal named."""
    from pair_misses import _cause

    from reportedly.link import clusters as C
    from reportedly.link.pairs import FEATURES

    cause = _cause(story, a, b, model)
    if not cause.startswith("model p"):
        return cause
    for _sid, _n, members, vecs, thr, blame in story.groups:
        ids = {it.id: it for it in members}
        if a in ids and b in ids:
            for _x, _y, row in C.model_pairs([ids[a], ids[b]], vecs, thr, blame):
                if row[FEATURES.index("two_voices")] > 0 and row[FEATURES.index("rule")] <= 0:
                    return "two voices"
    return cause


def _covered(claim: Any, where: Any, text: str) -> float:
    """Share of the quote's words inside the claim's content (its extent, as the scorer reads it)."""
    from reportedly.eval.matching import claim_extent

    words = [(m.start(), m.end()) for m in _WORD.finditer(text, where.start, where.end)]
    if not words:
        return 0.0
    spans = claim_extent(claim)
    inside = sum(1 for s, e in words if any(a < e and s < b for a, b in spans))
    return inside / len(words)


def mention_causes(story: Story, model: Any) -> list[dict[str, Any]]:
    """One row per distinct gold mention (file, quote): its propositions, claim and cause."""
    from reportedly.eval.matching import best_claim, locate

    found_stories = _stories(story, model)
    scored = _scored(story, found_stories)
    cluster_of: dict[str, set[int]] = defaultdict(set)
    for s in found_stories:
        for cl in s.clusters:
            for ref in cl.claims:
                cluster_of[ref.id].add(id(cl))
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    for p in story.corpus.gold.get("propositions", []):
        for m in p["mentions"]:
            led = story.ledgers.get(m["file"])
            where = locate(led.document.text, m["quote"], m["file"]) if led is not None else None
            if where is None:
                continue
            node = (m["file"], m["quote"])
            row = rows.setdefault(node, {"file": m["file"], "quote": m["quote"], "props": set()})
            row["props"].add(p["id"])
            c = best_claim(led.claims, where)
            row["claim"] = c
            row["covered"] = _covered(c, where, led.document.text) if c is not None else 0.0
    for node, row in rows.items():
        partners = [
            o for o in rows if o[0] != node[0] and rows[o]["props"] & row["props"]
        ]  # cross-document mentions of one of its propositions
        c = row["claim"]
        pair_causes = []
        for o in partners:
            oc = rows[o]["claim"]
            if c is None or oc is None:
                pair_causes.append("no claim")
            elif scored.get(node, set()) & scored.get(o, set()):
                pair_causes.append("found")
            elif cluster_of[c.id] & cluster_of[oc.id]:
                pair_causes.append("shared cluster, scored apart")
            else:
                pair_causes.append(_pair_cause(story, c.id, oc.id, model))
        row["pairs"] = Counter(pair_causes)
        if not partners:
            cause = "no partner"
        elif c is None:
            cause = "(a) no claim"
        elif "found" in pair_causes:
            cause = "found"
        elif row["covered"] < 0.5:
            cause = "(c) neighbour's claim"
        elif "shared cluster, scored apart" in pair_causes:
            cause = "(c) shared cluster, scored apart"
        elif all(k == "no claim" or k in EXTRACTION_SIDE for k in pair_causes):
            cause = "(d) source/measure"
        elif all(k == "no claim" or k in EXTRACTION_SIDE or k in READING for k in pair_causes):
            cause = "(b) polarity/neutral reading"
        elif not cluster_of[c.id]:
            cause = "(b) not clustered"
        else:
            cause = "(b) clustered apart"
        row["cause"] = cause
    return list(rows.values())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("stories", nargs="*", default=list(STORIES))
    ap.add_argument("--cache", type=Path, default=Path("/tmp/devcache"))
    ap.add_argument("--texts", type=Path, default=Path("/work/stories-local"))
    ap.add_argument("--list", action="store_true", help="print every mention with its claim")
    args = ap.parse_args()
    from reportedly.link.pairs import packaged_model

    model = packaged_model()
    total: Counter[str] = Counter()
    pairs_total: Counter[str] = Counter()
    for name in args.stories:
        story = Story(name, args.cache, args.texts)
        rows = mention_causes(story, model)
        tally = Counter(r["cause"] for r in rows)
        total.update(tally)
        for r in rows:
            pairs_total.update(r["pairs"])
        print(f"{name}: {len(rows)} mentions: " + ", ".join(f"{k} {v}" for k, v in sorted(tally.items())))
        if args.list:
            for r in sorted(rows, key=lambda r: (r["cause"], sorted(r["props"]))):
                c = r["claim"]
                claim = f"[{c.source.text if c and c.source else '-'}] {c.content_text[:90]}" if c else "-"
                props = ",".join(sorted(r["props"]))
                print(f"  {r['cause']:34s} {props} {r['file'][:16]} | {r['quote'][:100]}")
                print(f"      claim: {claim} (covers {r['covered']:.2f}) pairs: {dict(r['pairs'])}")
    if len(args.stories) > 1:
        print("all: " + ", ".join(f"{k} {v}" for k, v in sorted(total.items())))
    print("pair ends (each pair twice): " + ", ".join(f"{k} {v}" for k, v in pairs_total.most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
