"""The union-find the link steps share (origins, conflict rows)."""

from __future__ import annotations

import random

from reportedly.link.partition import Partition


def test_pairs_join_into_groups_named_by_the_later_items_root() -> None:
    part = Partition(6)
    part.union(0, 1)
    part.union(3, 4)
    part.union(1, 4)
    assert part.find(0) == part.find(3) == part.find(4) == 4  # each union keeps j's root
    assert part.groups() == [[0, 1, 3, 4], [2], [5]]


def test_groups_match_a_plain_connected_components_count_on_random_pairs() -> None:
    rng = random.Random(7)
    for _ in range(50):
        n = rng.randint(1, 30)
        pairs = [(rng.randrange(n), rng.randrange(n)) for _ in range(rng.randint(0, 40))]
        part = Partition(n)
        for i, j in pairs:
            part.union(i, j)
        # the reference: grow each component by search over the pairs
        seen: set[int] = set()
        expected = []
        for start in range(n):
            if start in seen:
                continue
            group, todo = {start}, [start]
            while todo:
                k = todo.pop()
                for i, j in pairs:
                    for a, b in ((i, j), (j, i)):
                        if a == k and b not in group:
                            group.add(b)
                            todo.append(b)
            seen |= group
            expected.append(sorted(group))
        assert part.groups() == sorted(expected)
