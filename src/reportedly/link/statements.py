"""A published thing with no publisher ("according to a statement", "the report said"): whose?

Extraction keeps "a statement" as the source where the report names no one behind it, and the
story level keys such a lower-case description per article (:func:`.independence.origin_key`),
so each one counts as an origin of its own. But a statement speaks only for whoever issued it:
in a cluster where other reports name who said the same thing ("the royal palace said",
"the king declared"), the nameless statement is that voice's, not one more. Split from
:mod:`.independence`, which counts the origins these pairs join.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .corpus import ClaimItem

#: A published thing named by its kind alone: "a statement", "the official statement", "the report".
BARE_STATEMENT = re.compile(
    r"^(?:(?:a|an|the|its|their|this|that)\s+)?(?:(?:official|new|latest|brief|short|written|earlier)\s+)?"
    r"(?:statement|communiqu[eé]|announcement|press\s+release|release|bulletin|report|update)s?$",
    re.I,
)


def bare_statement(item: ClaimItem, key: tuple[str, str, bool]) -> bool:
    """Whether a claim's origin is a published thing its report names no publisher of."""
    o = item.origin
    return (
        o is not None
        and not o.relay
        and not key[2]
        and key[0].endswith(f"@{item.doc.id}")
        and bool(BARE_STATEMENT.match(o.name.strip()))
    )


def statement_owners(
    items: list[ClaimItem],
    keys: list[tuple[str, str, bool]],
    find: Callable[[int], int],
    near: Callable[[ClaimItem, ClaimItem], bool],
) -> list[tuple[int, int]]:
    """Pairs to merge: a nameless statement ("Morocco declared three days of mourning, according
    to a statement") and the most reported speaker of its cluster within ``near`` ("the royal
    palace said …"), named or described, never a newsroom's own voice nor another nameless
    statement: the statement is that speaker's, written without its name. Several bodies
    described together ("international aid groups") issue no one statement."""
    bare = [bare_statement(it, k) for it, k in zip(items, keys, strict=True)]
    speakers = [
        j
        for j in range(len(items))
        if not bare[j] and not keys[j][0].startswith("outlet:") and not _several(items[j], keys[j])
    ]
    out: list[tuple[int, int]] = []
    if not speakers:
        return out
    for i in (i for i in range(len(items)) if bare[i]):
        fits = [j for j in speakers if find(j) != find(i) and near(items[i], items[j])]
        if fits:
            reach = Counter(find(j) for j in fits)
            out.append((i, max(fits, key=lambda j: (reach[find(j)], -j))))
    return out


def _several(item: ClaimItem, key: tuple[str, str, bool]) -> bool:
    """A lower-case description of several bodies: "international aid groups", "both sides"."""
    o = item.origin
    if o is None or not key[0].endswith(f"@{item.doc.id}"):
        return False
    last = (o.name.split() or [""])[-1].lower()
    return (last.endswith("s") and not last.endswith("ss")) or last in ("both", "sides", "parties")


_TOKEN = re.compile(r"[a-z0-9]+")


def _name_words(name: str) -> set[str]:
    """A name's words and each two neighbours written as one ("Greek coast guard" holds
    "coastguard"): outlets write one body's kind both ways."""
    toks = _TOKEN.findall(name.lower())
    return {*toks, *(a + b for a, b in zip(toks, toks[1:], strict=False))}


def kind_bodies(
    items: list[ClaimItem],
    keys: list[tuple[str, str, bool]],
    find: Callable[[int], int],
    near: Callable[[ClaimItem, ClaimItem], bool],
) -> list[tuple[int, int]]:
    """Pairs to merge: a body a report calls by its kind in lower case ("the coastguard said",
    "the ministry said") and the one named body of the cluster, in any report within ``near``,
    whose name holds that kind ("the Greek coast guard"): the report named it elsewhere, or
    took its words from a report that did. Where two named bodies of the cluster hold the
    kind, or none, it stays its own article's (see :func:`.independence.origin_key`)."""
    named = [
        j
        for j in range(len(items))
        if items[j].origin is not None
        and not keys[j][2]
        and not keys[j][0].startswith("outlet:")
        and not keys[j][0].endswith(f"@{items[j].doc.id}")
    ]
    out: list[tuple[int, int]] = []
    for i, it in enumerate(items):
        o = it.origin
        if o is None or keys[i][2] or not keys[i][0].endswith(f"@{it.doc.id}") or bare_statement(it, keys[i]):
            continue
        head = _TOKEN.findall(o.name.lower())[-1:]
        if not head or len(head[0]) < 4:
            continue
        fits = {
            find(j): j
            for j in named
            if find(j) != find(i) and near(it, items[j]) and head[0] in _name_words(items[j].origin.name)
        }
        if len(fits) == 1:
            out.append((i, next(iter(fits.values()))))
    return out
