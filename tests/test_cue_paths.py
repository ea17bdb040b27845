"""A cue's relations to the tokens of its window cost its window, not its block (issue 18).

The span tagger names each token's path to the cue head. The old code listed the head's whole
chain of ancestors per cue and walked each token up to it; on a paragraph of quotation fragments
the parser chains a block into one deep tree, so that chain (and the cost per cue) grew with the
cue's place in the block. ``cue_paths.relations`` is checked here against the old walk on random
parses, and its work is counted (reads of the head array) on chains of growing depth and on a
real quote-dense block: the count per cue must not grow with the block.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from reportedly.extract.cue_paths import TreeIndex, relations

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))


class CountingList(list):
    """A list that counts its item reads (``heads[i]``)."""

    reads = 0

    def __getitem__(self, k):  # noqa: ANN001, ANN204 - list's own signature
        CountingList.reads += 1
        return super().__getitem__(k)


def _reference(heads, dep, left, right, head, i):  # noqa: ANN001, ANN202 - the old walk, in short
    """The relation as the old code read it: the head's chain of ancestors, then a walk up."""
    chain = [head]
    while heads[chain[-1]] != chain[-1]:
        chain.append(heads[chain[-1]])
    head_pos = {a: n for n, a in enumerate(chain)}
    node, below, steps = i, -1, 0
    while node not in head_pos:
        if heads[node] == node:
            return "nopath", 9, ""
        below, node, steps = node, heads[node], steps + 1
    if steps == 0:
        return "above", head_pos[i], ""
    side = node != head
    rel = ("side:" + dep[below] + ">" + str(min(head_pos[node], 3))) if side else "below:" + dep[below]
    edge = "first" if i == left[below] else "last" if i == right[below] else ""
    return rel, steps, ("s" + edge if side and edge else edge)


def _forest(rng: random.Random, n: int) -> tuple[list[int], list[str], list[int], list[int]]:
    """A random parse of ``n`` tokens (one to three trees), its relations and subtree edges."""
    perm = list(range(n))
    rng.shuffle(perm)
    heads = list(range(n))
    roots = rng.randint(1, 3)
    for k in range(roots, n):
        heads[perm[k]] = perm[rng.randrange(k)] if rng.random() < 0.6 else perm[k - 1]
    dep = [rng.choice(["nsubj", "ccomp", "punct", "dobj"]) for _ in range(n)]
    left, right = list(range(n)), list(range(n))
    for _ in range(n):  # edges settle within the depth of the deepest tree
        for j in range(n):
            h = heads[j]
            if h != j:
                left[h], right[h] = min(left[h], left[j]), max(right[h], right[j])
    return heads, dep, left, right


def _index(heads: list[int]) -> TreeIndex:
    children: list[list[int]] = [[] for _ in heads]
    for j, h in enumerate(heads):
        if h != j:
            children[h].append(j)
    order = [j for j, h in enumerate(heads) if h == j]
    for k in order:
        order.extend(children[k])
    return TreeIndex.of(heads, children, order)


def test_relations_are_the_old_walk_on_random_parses() -> None:
    for seed in range(300):
        rng = random.Random(seed)
        n = rng.randint(1, 60)
        heads, dep, left, right = _forest(rng, n)
        tree = _index(heads)
        head = rng.randrange(n)
        cue = {head} | ({head + 1} if head + 1 < n and rng.random() < 0.3 else set())
        lo, hi = sorted(rng.sample(range(n + 1), 2)) if n > 1 else (0, 1)
        rels, depths, edges = relations(heads, dep, left, right, tree, head, range(lo, hi), cue)
        for at, i in enumerate(range(lo, hi)):
            if i in cue:
                assert rels[at] == "CUE"
                continue
            expected = _reference(heads, dep, left, right, head, i)
            assert (rels[at], depths[at], edges[at]) == expected, (seed, i)


def _chain_reads(n: int, window: int) -> int:
    """Head reads for one cue near the bottom of an ``n``-token chain (each token's head the next
    one, as the parser chains a quote-dense block), its window ``window`` tokens a side."""
    heads = [min(i + 1, n - 1) for i in range(n)]
    dep = ["dep"] * n
    left, right = [0] * n, list(range(n))
    tree = _index(heads)
    counted = CountingList(heads)
    head = n // 2
    CountingList.reads = 0
    relations(counted, dep, left, right, tree, head, range(head - window, head + window + 1), {head})
    return CountingList.reads


def test_work_per_cue_does_not_grow_with_the_depth_of_the_tree() -> None:
    shallow, deep = _chain_reads(500, 100), _chain_reads(8_000, 100)
    assert deep == shallow
    assert deep <= 2 * 201  # about one read per token of the window, the old code read the chain


def test_work_per_cue_on_a_quote_dense_block_does_not_grow_with_the_block() -> None:
    from bench_quote_fragments import fragments

    from reportedly.extract import learned
    from reportedly.nlp import load

    nlp = load()
    per_cue = []
    for n in (40, 160):  # one block each (under 8,000 characters), 4x the fragments
        text = fragments(n)
        view = learned.BlockView.of(nlp(text), 0, "body")
        view.head = CountingList(view.head)
        cues = [[t.i] for t in view.doc if t.lower_ == "said"]
        CountingList.reads = 0
        tokens = 0
        for cue in cues:
            lo, hi = learned.span_window(view, cue)
            learned.span_features(view, cue, lo, hi)
            tokens += hi - lo
        per_cue.append(CountingList.reads / tokens)
    # reads per token of the windows: the old code's grew with the block (the head's chain)
    # (8.1 -> 8.7 reads a token at 40 -> 160 fragments, 1.08x; now 1.9 -> 1.9)
    assert per_cue[1] <= 1.03 * per_cue[0] and per_cue[1] < 3, per_cue
