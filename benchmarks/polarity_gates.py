"""Why each missed number-free gold conflict (polarity, stance) was not found: the gates it met.

For every gold conflict of kind ``polarity`` or ``stance`` that the story scorer did not find, the
claims at its two sides (as the scorer reads them) and, for the most similar pairs, what the
polarity and stance rules of :mod:`reportedly.link.conflicts` look at: each claim's polarity and
stance, its cue and origin, the cosine of the two claims, the share of content words they have in
common, and the words under the negation with the share of them the other claim carries. A pair
printed with one claim id on both sides means both gold sides sit in one claim (a denial quoting
what it denies): no pair of claims exists to compare.

    PYTHONPATH=src python benchmarks/polarity_gates.py GOLD ARTICLES [--cache F.pkl] [--pairs 3]

``--cache`` keeps the analysed ledgers (pickled, as ``/work/notes/dev/dev_link.py`` writes them).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import Any

import numpy as np
from conflict_misses import _ledgers  # noqa: PLC2701 - the sibling's cache of analysed corpora

import reportedly.link.pipeline as pipeline
from reportedly.corpora.stories import load_story_corpus
from reportedly.eval.stories import gold_conflict_sides, score_links
from reportedly.link import link_store
from reportedly.link.conflicts import negated_terms
from reportedly.link.embed import words
from reportedly.store import Store


def _who(it: Any) -> str:
    return it.origin.name if it.origin is not None else it.doc.outlet


def _short(text: str, n: int = 150) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _link_capturing(store: Store) -> tuple[Any, dict[str, Any], dict[str, np.ndarray]]:
    """Link the store, keeping the claim items and vectors the opposition rules were given."""
    items: dict[str, Any] = {}
    vectors: dict[str, np.ndarray] = {}
    original = pipeline.opposition_conflicts

    def capture(members: Any, vecs: Any, *args: Any, **kwargs: Any) -> Any:
        items.update({it.id: it for it in members})
        vectors.update(vecs)
        return original(members, vecs, *args, **kwargs)

    pipeline.opposition_conflicts = capture  # type: ignore[assignment]
    try:
        result = link_store(store)
    finally:
        pipeline.opposition_conflicts = original  # type: ignore[assignment]
    return result, items, vectors


def pair_gates(x: Any, y: Any) -> tuple[float, set[str], float]:
    """What the polarity rule reads of two claims besides their cosine: the share of content words
    they have in common, the words under the negation of the negative one (the first when both
    are), and the share of those words the other claim carries."""
    neg, pos = (x, y) if x.negative else (y, x)
    terms = negated_terms(neg)
    wx, wy = set(words(x.text)), set(words(y.text))
    shared = len(wx & wy) / len(wx | wy) if wx | wy else 0.0
    carried = len(terms & set(words(pos.text))) / len(terms) if terms else 0.0
    return shared, terms, carried


def gates(
    gold: dict[str, Any],
    ledgers: dict[str, Any],
    found: set[str],
    items: dict[str, Any],
    vectors: dict[str, np.ndarray],
    pairs: int = 3,
) -> list[str]:
    """Lines for each missed number-free gold conflict: its most similar pairs of side claims."""
    out: list[str] = []
    for g, (a, b) in zip(gold.get("conflicts", []), gold_conflict_sides(gold, ledgers), strict=True):
        if g["kind"] == "numeric" or g["id"] in found:
            continue
        out.append(
            f"  MISS {g['id']} ({g['kind']}): {_short(g['a']['quote'], 70)} || {_short(g['b']['quote'], 70)}"
        )
        ranked = sorted(
            (
                (float(vectors[x] @ vectors[y]), items[x], items[y])
                for x in a
                for y in b
                if x in items and y in items
            ),
            key=lambda t: -t[0],
        )
        if not ranked:
            out.append(
                f"    no claim at a side that a story holds (claims at the sides: {len(a)} / {len(b)})"
            )
        for sim, x, y in ranked[:pairs]:
            for it in (x, y):
                out.append(
                    f"    [{it.id} negative={it.negative} stance={it.claim.stance.value} "
                    f"cue={it.claim.cue.lemma} origin={_who(it)}] {_short(it.text)}"
                )
            shared, terms, carried = pair_gates(x, y)
            same = " (one claim)" if x.id == y.id else ""
            out.append(
                f"    cosine {sim:.2f}, shared words {shared:.2f}, negated {sorted(terms)} "
                f"carried {carried:.2f}{same}"
            )
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("articles", type=Path)
    ap.add_argument("--cache", type=Path)
    ap.add_argument("--pairs", type=int, default=3, help="pairs of side claims shown per miss")
    args = ap.parse_args(argv)
    corpus = load_story_corpus(args.gold, args.articles)
    ledgers = _ledgers(corpus, args.cache)
    with tempfile.TemporaryDirectory(prefix="polarity-gates-") as tmp:
        store = Store(str(Path(tmp) / "s.db"))
        try:
            for f in corpus.articles:
                store.save(ledgers[f], source=corpus.articles[f].document.meta.get("source"))
            result, items, vectors = _link_capturing(store)
        finally:
            store.close()
    series = {(m.claim_id, m.position): m.measure for m in result.measures}
    report = score_links(corpus.gold, ledgers, result.stories, result.conflicts, series)
    print(f"{corpus.name}: number-free gold conflicts missed, and the gates their claims met")
    for line in gates(corpus.gold, ledgers, set(report["conflicts"]["found"]), items, vectors, args.pairs):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
