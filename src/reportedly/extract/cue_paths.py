"""How each token around a cue hangs off the cue's head in the parse, with work bounded per cue.

The span tagger names, for every token of a cue's window, its path to the cue's head: below it
(through which child), above it, or beside it (through which child of their lowest common
ancestor), and how many steps. The first way of reading this listed the head's whole chain of
ancestors for each cue and walked every token up to that chain. On a quote-dense paragraph the
parser chains a block's fragments into one deep tree, so the chain grew with the cue's place in
its block (58 tokens a cue on average at 500 fragments, 95 at 2,000; issue 18). Here the
ancestor test is two comparisons on one pre-order numbering of the block (made once per block),
and each token's way up is kept for the cue, so a token whose parent was already read costs one
step: the work per cue follows its window, not the block.
"""

from __future__ import annotations

from dataclasses import dataclass

#: the name, depth and edge of a token that is in another tree than the cue's head
NOPATH = ("nopath", 9, "")


@dataclass(slots=True)
class TreeIndex:
    """A block's parse numbered once: each token's depth, its tree's root, and its subtree as
    the interval ``[first, stop)`` of a pre-order numbering (``a`` is an ancestor of ``b``, or
    ``b`` itself, exactly when ``first[a] <= first[b] < stop[a]``)."""

    depth: list[int]
    root: list[int]
    first: list[int]
    stop: list[int]

    @classmethod
    def of(cls, heads: list[int], children: list[list[int]], order: list[int]) -> TreeIndex:
        """``order`` lists every token after its head (roots first), as ``BlockView.of`` walks it."""
        n = len(heads)
        depth, root, size = [0] * n, list(range(n)), [1] * n
        for k in order:
            for c in children[k]:
                depth[c] = depth[k] + 1
                root[c] = root[k]
        for j in reversed(order):
            if heads[j] != j:
                size[heads[j]] += size[j]
        first = [0] * n
        at = 0
        for k in order:
            if heads[k] == k:
                first[k] = at
                at += size[k]
        for k in order:
            nxt = first[k] + 1
            for c in children[k]:
                first[c] = nxt
                nxt += size[c]
        return cls(depth, root, first, [f + s for f, s in zip(first, size, strict=True)])


def relations(
    heads: list[int],
    dep: list[str],
    left: list[int],
    right: list[int],
    tree: TreeIndex,
    head: int,
    tokens: range,
    cue: set[int],
) -> tuple[list[str], list[int], list[str]]:
    """Per token of ``tokens``: relation name, depth and subtree edge marker against the cue head.

    A cue token is ``CUE`` (its depth and edge are never read). Otherwise, as the span tagger was
    trained: ``above`` and the steps up from the head when the token is one of its ancestors;
    ``below:DEP`` (DEP the head's child it hangs through) when it hangs below the head;
    ``side:DEP>N`` when it hangs below the lowest common ancestor, N that ancestor's steps above
    the head (at most 3); ``nopath`` in another tree. Edges: ``first``/``last`` (``sfirst``/
    ``slast`` beside) when the token is the first or last of that child's subtree.
    """
    depth, root, first, stop = tree.depth, tree.root, tree.first, tree.stop
    at_head, head_depth, head_root = first[head], depth[head], root[head]
    # token -> (steps up to the head's lowest ancestor over it, the token just below that
    # ancestor, the ancestor): filled as the tokens are read, so shared paths are read once
    way: dict[int, tuple[int, int, int]] = {}
    rels: list[str] = []
    depths: list[int] = []
    edges: list[str] = []
    for i in tokens:
        if i in cue:
            rels.append("CUE")
            depths.append(0)
            edges.append("")
            continue
        if root[i] != head_root:
            rels.append(NOPATH[0])
            depths.append(NOPATH[1])
            edges.append(NOPATH[2])
            continue
        if first[i] <= at_head < stop[i]:
            rels.append("above")
            depths.append(head_depth - depth[i])
            edges.append("")
            continue
        path = []
        node = i
        while node not in way and not first[node] <= at_head < stop[node]:
            path.append(node)
            node = heads[node]
        steps, below, meet = way[node] if node in way else (0, path[-1], node)
        for j in reversed(path):
            steps += 1
            way[j] = (steps, below, meet)
        steps, below, meet = way[i]
        edge = ""
        if meet == head:
            rel = "below:" + dep[below]
            if i == left[below]:
                edge = "first"
            elif i == right[below]:
                edge = "last"
        else:
            rel = "side:" + dep[below] + ">" + str(min(head_depth - depth[meet], 3))
            if i == left[below]:
                edge = "sfirst"
            elif i == right[below]:
                edge = "slast"
        rels.append(rel)
        depths.append(steps)
        edges.append(edge)
    return rels, depths, edges
