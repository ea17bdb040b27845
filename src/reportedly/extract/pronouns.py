"""What a pronoun can stand for: the trail of mentions before it, and which person a "he" or a "she"
can stand for, learned from the text itself.

The pronoun rule takes the nearest person before the pronoun. Where a text names a woman and then
a man ("Jane Doe, a board member, said … The minister said … She said …"), or a man is named
between a woman and her "she", the nearest person is the wrong one. No list of first names is
used: a person whose name a "he" (or "she") has already been resolved to in the same document,
or who was written with an honorific ("Mr", "Ms"), is not taken for the other pronoun. People are
keyed by their surname (the last word of the name), so "Ashwini Vaishnaw" and "Vaishnaw" share
what the text said of either.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")

_PRONOUN_SEX = {"he": "m", "him": "m", "she": "f", "her": "f"}
_HONORIFIC = re.compile(r"\b(?:(mr|sir)|(mrs|ms|miss|madam|dame))\.?\s+\Z", re.I)


def surname(name: str) -> str:
    """The last word of a person's name, lower-cased and without a possessive ending."""
    words = re.sub(r"[’']s\b", "", name).split()
    return words[-1].lower().strip(".,") if words else ""


class Genders:
    """What one document has said of each person's pronoun, by surname."""

    def __init__(self) -> None:
        self._seen: dict[str, str] = {}

    def learn_name(self, before: str, name: str) -> None:
        """A name written after an honorific ("Mr Doe", "Ms Roe") says which pronoun fits."""
        m = _HONORIFIC.search(before) or _HONORIFIC.search(name.split()[0] + " " if name.split() else "")
        if m and (key := surname(name)):
            self._seen.setdefault(key, "m" if m.group(1) else "f")

    def fits(self, pronoun: str, name: str) -> bool:
        """Whether ``pronoun`` may stand for the person ``name``: nothing in the text says otherwise."""
        sex = _PRONOUN_SEX.get(pronoun)
        seen = self._seen.get(surname(name))
        return sex is None or seen is None or seen == sex

    def note(self, pronoun: str, name: str) -> None:
        """A pronoun resolved to ``name``: the first one the text used for a person is kept."""
        if (sex := _PRONOUN_SEX.get(pronoun)) and (key := surname(name)):
            self._seen.setdefault(key, sex)


class Trail(Generic[T]):
    """Offsets of mentions in the order they were recorded, searchable for the pronoun rule.

    The order is not the text's (a claim's source may follow its cue; a block lists its
    names, then its subjects), and the pronoun rule reads the list backwards from its end,
    skipping what lies at or after the pronoun and stopping at the first offset out of
    reach. Reading it entry by entry cost the reach per pronoun, and a quote-dense text's
    thousands of "she said" read thousands of mentions each (issue 18). Here each kind of
    pronoun reads only the entries that fit it, and where the scan would have stopped is
    found by binary search, so the answer is the scan's.
    """

    def __init__(self, kinds: dict[str, Callable[[T], bool]]) -> None:
        self.pos: list[int] = []
        self.of_kind: dict[str, list[int]] = {kind: [] for kind in kinds}  # entry indices, ascending
        self._kinds = kinds
        # the entries whose offset is below every later entry's, in order (offsets ascending)
        self._low_at: list[int] = []
        self._low_pos: list[int] = []
        self.highest: list[int] = []  # per entry, the largest offset up to it

    def add(self, pos: int, item: T) -> None:
        n = len(self.pos)
        self.pos.append(pos)
        for kind, fits in self._kinds.items():
            if fits(item):
                self.of_kind[kind].append(n)
        while self._low_pos and self._low_pos[-1] >= pos:
            self._low_pos.pop()
            self._low_at.pop()
        self._low_pos.append(pos)
        self._low_at.append(n)
        self.highest.append(max(pos, self.highest[-1]) if self.highest else pos)

    def last_below(self, limit: int) -> int:
        """The last entry whose offset is below ``limit`` (where a backward scan stops), or -1."""
        k = bisect_left(self._low_pos, limit) - 1
        return self._low_at[k] if k >= 0 else -1

    def nearest(self, kind: str, at: int, after: int = -1, stop: int = -1) -> int:
        """The last entry of ``kind`` after entry ``stop`` with ``after < offset < at``, or -1: a
        backward scan that skips entries outside that range and ends at entry ``stop``."""
        for n in reversed(self.of_kind[kind]):
            if n <= stop or self.highest[n] <= after:
                break  # the scan ended here, or every earlier entry is at or before ``after``
            if after < self.pos[n] < at:
                return n
        return -1
