"""Claim clusters: claims in different documents of one story asserting the same proposition.

Clustering runs inside each story, which is the blocking step that keeps the
cost near-linear: claims are only ever compared with claims of the same story.
Within a story, claims are taken in date order and join the most similar
cluster centroid above the threshold (single pass, as for stories).

Sentence vectors alone are dominated by topic: every sentence about North
Korean troops in Russia is close to every other. So a claim joins a cluster
only when it is close to the centroid *and* shares at least half of its
content words (:data:`LEXICAL_OVERLAP`) with one member: the names, the
predicate and the numbers that make two statements one proposition. A
paraphrase with no words in common is missed; that is the price of not
merging "troops entered combat" with "troops suffered casualties".

Two rules sit on top of text similarity:

* polarity splits: a denial and a confirmation of the same thing are near
  neighbours in vector space but must not corroborate each other; they go to
  separate clusters and meet again in :mod:`reportedly.link.conflicts`;
* a shared measure groups first: "about 11,000 North Korean troops in Russia"
  and "more than 10,000 North Korean soldiers sent to Russia" are one cluster
  whatever their wording, which is how "different numbers for the same
  measure" are grouped; a claim counted there is not clustered again by text,
  so "troops have entered combat" stays a proposition of its own.

Neutral claims (declined to comment, cannot verify) take no side and are not
clustered, nor are contents of fewer than :data:`MIN_WORDS` content words (a name,
a fragment). A cluster is kept when its claims come from at least two documents.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from .corpus import ClaimItem
from .embed import words

#: Content-word Jaccard overlap a claim needs with one member of a cluster to join it.
LEXICAL_OVERLAP = 0.5
#: Content words a claim needs to be clustered by its text (claims counting a measure need none).
MIN_WORDS = 4

_MIN = date.min


@dataclass(slots=True)
class Group:
    id: str = ""
    items: list[ClaimItem] = field(default_factory=list)
    centroid: np.ndarray | None = None
    measure: str | None = None

    @property
    def documents(self) -> set[str]:
        return {it.doc.id for it in self.items}


def cluster_id(claim_ids: list[str]) -> str:
    return "k-" + hashlib.sha1(min(claim_ids).encode()).hexdigest()[:10]


def cluster_claims(items: list[ClaimItem], vectors: dict[str, np.ndarray], threshold: float) -> list[Group]:
    """Clusters of one story's claims (cross-document ones only), in order of first appearance."""
    ordered = sorted(
        (it for it in items if not it.neutral and it.text.strip()),
        key=lambda it: (it.doc.published or _MIN, it.doc.id, it.claim.id),
    )
    groups = _measure_groups(ordered)
    counted = {it.id for g in groups for it in g.items}
    # "Trump", "Mr. Cruz", "Bernie did": a name or a fragment is not a proposition, and one
    # shared word would make any two of them a cluster
    ordered = [it for it in ordered if it.id in counted or len(set(words(it.text))) >= MIN_WORDS]
    for negative in (False, True):
        side = [it for it in ordered if it.negative == negative and it.id not in counted]
        groups.extend(_single_pass(side, vectors, threshold))
    for g in groups:
        if g.centroid is None:
            total = np.sum([vectors[it.id] for it in g.items], axis=0)
            g.centroid = (total / (float(np.linalg.norm(total)) or 1.0)).astype(np.float32)
    kept = [g for g in groups if len(g.documents) >= 2]
    for g in kept:
        g.id = cluster_id([it.id for it in g.items])
        g.items.sort(key=lambda it: (it.doc.published or _MIN, it.doc.id, it.claim.id))
    kept.sort(key=lambda g: (g.items[0].doc.published or _MIN, g.items[0].doc.id, g.items[0].claim.id))
    return kept


def label(group: Group, vectors: dict[str, np.ndarray]) -> str:
    """The most typical member's content (closest to the centroid), or the measure."""
    if group.measure:
        return group.measure
    best = max(group.items, key=lambda it: float(vectors[it.id] @ group.centroid))
    text = best.text.strip()
    return text if len(text) <= 160 else text[:157].rstrip() + "…"


def _single_pass(items: list[ClaimItem], vectors: dict[str, np.ndarray], threshold: float) -> list[Group]:
    groups: list[Group] = []
    bags: list[list[frozenset[str]]] = []
    for it in items:
        vec = vectors[it.id]
        bag = frozenset(words(it.text))
        best = None
        if groups:
            sims = np.stack([g.centroid for g in groups]) @ vec  # type: ignore[misc]
            for k in np.argsort(-sims, kind="stable"):
                if float(sims[k]) < threshold:
                    break
                # the lexical anchor: one member must share at least half the content words
                if max(_jaccard(bag, other) for other in bags[int(k)]) >= LEXICAL_OVERLAP:
                    best = int(k)
                    break
        if best is None:
            groups.append(Group())
            bags.append([])
            best = len(groups) - 1
        _add(groups[best], it, vec)
        bags[best].append(bag)
    return groups


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _add(group: Group, it: ClaimItem, vec: np.ndarray) -> None:
    n = len(group.items)
    total = vec if group.centroid is None else group.centroid * n + vec
    group.centroid = (total / (float(np.linalg.norm(total)) or 1.0)).astype(np.float32)
    group.items.append(it)


def _measure_groups(items: list[ClaimItem]) -> list[Group]:
    """Claims counting the same measure, across at least two documents, one group per measure.

    A claim with several measures joins the group of its first; claims whose
    measure no other document counts are left to text clustering.
    """
    by_measure: dict[tuple[str, bool], list[ClaimItem]] = {}
    for it in items:
        if it.measures:
            by_measure.setdefault((it.measures[0].measure, it.negative), []).append(it)
    out = []
    for (measure, _neg), members in by_measure.items():
        if len({it.doc.id for it in members}) >= 2:
            out.append(Group(items=list(members), measure=measure))
    return out
