"""A figure a speaker's sentence only recalls: whose is it?

Reports name the disaster by what it did: "its lines had been de-energized hours before a
wildfire that killed at least 115 people", "the attacks on Moscow, which killed 139". Extraction
rightly credits the sentence to its speaker (the utility, the security chief), but the figure in
the relative clause is the newsroom's background, not the speaker's count. In a cluster about
that figure (most of its claims state it as their own), such a claim counted the speaker as one
more origin of the toll. :func:`recalled_only` finds these claims; :mod:`.independence` counts
them as the publishing outlet's own voice, which then joins the cluster's attributed origin as
any flat statement of a figure does. Split from :mod:`.independence` (module size).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .corpus import ClaimItem

#: A relative clause naming what the event did: "that killed at least 115", "which left 500 dead",
#: "that has claimed 2,000 lives"; it runs to the clause's end (a comma, a stop, a semicolon).
_BACKGROUND = re.compile(
    r"\b(?:that|which)\s+(?:has\s+|had\s+|have\s+)?(?:killed|left|claimed|injured|displaced)\b[^.,;:]*",
    re.I,
)
_FIGURE = re.compile(r"\d[\d,.]*\d|\d")


def _figures(text: str) -> set[str]:
    return {f.replace(",", "") for f in _FIGURE.findall(text)}


def _split(text: str) -> tuple[set[str], set[str]]:
    """(figures stated outside any background clause, figures inside one)."""
    inside = {f for m in _BACKGROUND.finditer(text) for f in _figures(m.group(0))}
    return _figures(_BACKGROUND.sub(" ", text)), inside


def recalled_only(items: list[ClaimItem]) -> set[int]:
    """The claims of a cluster that give the cluster's figure only in a background clause.

    The cluster's figure is the one most of its claims state outside such a clause (at least
    half of the others, and two or more); a claim that states it only inside one ("a wildfire
    that killed at least 115") recalls it. A cluster not about a figure (a responsibility claim
    whose sentences all recall the toll) has no figure to recall, and is left as it is."""
    parts = [_split(it.text) for it in items]
    stated = Counter(f for own, _bg in parts for f in own)
    if not stated:
        return set()
    figure, n = stated.most_common(1)[0]
    out: set[int] = set()
    for i, (own, bg) in enumerate(parts):
        if figure in bg and figure not in own and n >= 2 and 2 * n >= len(items) - 1:
            out.add(i)
    return out
