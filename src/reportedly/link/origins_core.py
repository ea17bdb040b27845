"""Which of a cluster's origins back its proposition: the origins of its core, not of its edge.

A cluster is built by links between pairs of claims; a claim can join through one close
neighbour while saying something else (a church strike reported beside the hospital blast, a
figure of the day beside the accusation). Counted over every member, each such claim's speaker
is one more "independent origin" of a proposition it does not state. Counted over the claims
near the cluster's centroid (the mean of its members' sentence vectors: what most of them say),
the origins are those that state the proposition, whatever the edge holds.

An origin counts when at least one of its claims is within :data:`CORE_SLACK` of the cluster's
most central claim (cosine to the centroid). An origin with claims only at the edge is no
independent origin of the proposition: its claims are listed under the core's most reported
origin, as a flat statement is listed under the origin it repeats (every claim of a cluster keeps
one origin, which the store records). Origins are never split: a claim at the edge whose
speaker also speaks at the core is counted under that speaker as before, and the count only
ever falls. Measured on all thirteen development stories (BENCHMARKS.md, round 14: origins).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

import numpy as np

from ..model import Origin
from .corpus import ClaimItem

#: How far below the most central claim's similarity to the centroid a claim may be and still
#: belong to the cluster's core.
CORE_SLACK = 0.15


def core_origins(
    found: list[Origin],
    items: list[ClaimItem],
    vectors: Mapping[str, np.ndarray],
    centroid: np.ndarray | None,
    slack: float = CORE_SLACK,
) -> list[Origin]:
    """The origins of ``found`` with a claim in the cluster's core, the claims of the others added
    to the core's most reported origin (each claim is counted under the origin that lists it)."""
    if centroid is None or len(found) < 2:
        return found
    sims = {it.id: float(np.dot(vectors[it.id], centroid)) for it in items if it.id in vectors}
    if not sims:
        return found
    bar = max(sims.values()) - slack
    core = [o for o in found if any(sims.get(c, bar) >= bar for c in o.claims)]
    edge = [o for o in found if o not in core]
    if not edge or not core:
        return found
    anchor = max(core, key=lambda o: (len(o.claims), -core.index(o)))
    grown = replace(
        anchor,
        claims=anchor.claims + [c for o in edge for c in o.claims],
        outlets=anchor.outlets + [w for o in edge for w in o.outlets],
    )
    return [grown if o is anchor else o for o in core]
