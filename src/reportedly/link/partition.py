"""Items numbered 0..n-1 gathered into groups by pairs found to belong together.

Origins (claims that are one briefing or one copy), conflict rows (reports of one disagreement)
and other link steps each join items pair by pair and then ask which group an item is in; this
is the one union-find they share. ``union(i, j)`` puts ``i``'s group under ``j``'s root, so a
step that picks an anchor item keeps the anchor's root as the group's name."""

from __future__ import annotations


class Partition:
    """A union-find over ``range(n)`` with path halving: near-constant time per operation."""

    __slots__ = ("_parent",)

    def __init__(self, n: int) -> None:
        self._parent = list(range(n))

    def find(self, i: int) -> int:
        """The root naming ``i``'s group."""
        parent = self._parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        """Join ``i``'s group to ``j``'s, under ``j``'s root."""
        self._parent[self.find(i)] = self.find(j)

    def groups(self) -> list[list[int]]:
        """The groups, each in item order, ordered by their first item."""
        by_root: dict[int, list[int]] = {}
        for i in range(len(self._parent)):
            by_root.setdefault(self.find(i), []).append(i)
        return sorted(by_root.values())
