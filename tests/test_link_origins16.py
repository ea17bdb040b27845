"""Origins, round 14 (origins16): a cluster's origins are those of its core, not of its edge.

Passages are our own. A cluster's claims are counted by :func:`reportedly.link.independence.origins`
as before; :func:`reportedly.link.origins_core.core_origins` then keeps the origins with a claim
near the cluster's centroid. Sentence vectors are given by hand (three directions: the
proposition, a neighbouring topic, an unrelated one) so that each case says exactly how far each
claim stands from the cluster's centroid.
"""

from __future__ import annotations

from datetime import date

import numpy as np

from origin_cases import doc_item, said
from reportedly.link.corpus import claim_item
from reportedly.link.entities import EntityIndex
from reportedly.link.independence import origins
from reportedly.link.origins_core import CORE_SLACK, core_origins
from reportedly.model import Entity, EntityType

_TEXTS = {
    "A": "The harbour wall gave way under the weight of the storm surge, the port authority said.",
    "B": "The storm surge broke through the harbour wall on Tuesday night, the port authority said.",
    "C": "The surge broke the harbour wall, the fire brigade said.",
    "D": "A ferry was moored at the far pier when the storm came in, the ferry company said.",
}


def _unit(*xs: float) -> np.ndarray:
    v = np.array(xs, dtype=np.float32)
    return v / np.linalg.norm(v)


#: The proposition's direction, a close paraphrase, and a neighbouring topic joined by one link.
_VECTORS = {"A": _unit(1, 0.05, 0), "B": _unit(1, 0.1, 0), "C": _unit(1, 0.2, 0), "D": _unit(0.2, 0.9, 0.4)}


def _port() -> Entity:
    return Entity("port", "Port Authority", EntityType.AGENCY, aliases=["the port authority"])


def _brigade() -> Entity:
    return Entity("brigade", "Fire Brigade", EntityType.AGENCY, aliases=["the fire brigade"])


def _ferry() -> Entity:
    return Entity("ferry", "Ferry Company", EntityType.ORGANIZATION, aliases=["the ferry company"])


def _count(*voices: tuple[str, Entity]) -> tuple[list[str], dict[str, str]]:
    index = EntityIndex()
    index.add([e for _k, e in voices])
    items = []
    vectors = {}
    for day, (key, e) in enumerate(voices, start=1):
        d = doc_item(key, _TEXTS[key], date(2023, 3, day))
        it = claim_item(said(d, e), d, index)
        items.append(it)
        vectors[it.id] = _VECTORS[key]
    total = np.sum([vectors[it.id] for it in items], axis=0)
    centroid = total / np.linalg.norm(total)
    found, _ = origins(items)
    kept = core_origins(found, items, vectors, centroid)
    return sorted(o.key for o in kept), {c: o.key for o in kept for c in o.claims}


def test_a_speaker_only_at_the_edge_is_no_origin_of_the_proposition() -> None:
    keys, per_claim = _count(("A", _port()), ("C", _brigade()), ("D", _ferry()))
    assert keys == ["fire-brigade", "port-authority"]
    # the edge claim stays in the cluster, listed under the core's most reported origin
    assert set(per_claim) == {"A:port", "C:brigade", "D:ferry"}
    assert per_claim["D:ferry"] in {"fire-brigade", "port-authority"}


def test_two_voices_of_the_core_stay_two() -> None:
    keys, _ = _count(("A", _port()), ("C", _brigade()))
    assert keys == ["fire-brigade", "port-authority"]


def test_a_speaker_at_the_edge_who_also_speaks_at_the_core_counts_once() -> None:
    # the ferry company's sentence B restates the proposition: it is at the core
    keys, _ = _count(("A", _port()), ("B", _ferry()), ("D", _ferry()))
    assert keys == ["ferry-company", "port-authority"]


def test_the_count_never_rises_and_a_cluster_without_centroid_is_untouched() -> None:
    index = EntityIndex()
    index.add([_port(), _ferry()])
    d1, d2 = doc_item("A", _TEXTS["A"], date(2023, 3, 1)), doc_item("D", _TEXTS["D"], date(2023, 3, 2))
    items = [claim_item(said(d1, _port()), d1, index), claim_item(said(d2, _ferry()), d2, index)]
    found, _ = origins(items)
    kept = core_origins(found, items, {}, None)
    assert kept == found
    vectors = {items[0].id: _VECTORS["A"], items[1].id: _VECTORS["D"]}
    centroid = _unit(*(vectors[items[0].id] + vectors[items[1].id]))
    assert len(core_origins(found, items, vectors, centroid)) <= len(found)


def test_the_slack_is_a_similarity_margin() -> None:
    assert 0.0 < CORE_SLACK < 0.5
