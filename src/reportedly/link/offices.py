"""One office under two names: a body described by what it does, a department and its head.

Reports name one office several ways, and entity resolution (which compares names) keeps them
apart, so each counted as one more origin of the same statement:

* a body described by its kind and what it does, with its owner: "the UN's migration agency",
  "the UN refugee agency" is the one named body of the cluster whose name holds what it does
  ("the International Organization for Migration"), in any report of the same news cycle
  (:func:`described_offices`). :func:`.voices.kind_named` joins a bare kind ("the agency") within
  its own report only; a description that says what the body does is specific enough to find it
  in another report;
* the head of a department named by its office: "Maryland Transportation Secretary Jane Roe",
  "Interior Minister John Doe" speaks for "the Maryland Department of Transportation", "the
  Ministry of the Interior", the one department of the cluster whose name's words the role holds
  (:func:`department_heads`): a secretary giving the department's estimate is the department.

Split from :mod:`.independence`, which counts the origins these pairs join.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..model import EntityType
from .corpus import ClaimItem
from .voices import KIND_NOUNS, kind_of

_TOKEN = re.compile(r"[^\W\d_]+")
#: Words that say nothing of what a body does: articles, particles, the kind nouns, its levels.
_EMPTY = frozenset({"the", "a", "an", "of", "for", "and", "on", "in", "s", "its", "their", "un", "u", "n"})
#: The heads of a department's name.
_DEPARTMENT = frozenset({"ministry", "department"})
#: Role nouns of who heads a department.
_HEADS = frozenset({"minister", "secretary", "commissioner", "director", "head", "chief"})
_BODY_TYPES = (EntityType.GOVERNMENT, EntityType.ORGANIZATION, EntityType.AGENCY)


def _words(text: str) -> list[str]:
    return [w.lower() for w in _TOKEN.findall(text)]


def _fits(word: str, name_words: set[str]) -> bool:
    """A word in a name, or its plural there ("refugee agency": "… for Refugees")."""
    return word in name_words or f"{word}s" in name_words


def _named_office(item: ClaimItem, key: tuple[str, str, bool]) -> bool:
    o = item.origin
    return (
        o is not None
        and not o.relay
        and not key[2]
        and o.type in _BODY_TYPES
        and not key[0].startswith("outlet:")
        and not key[0].endswith(f"@{item.doc.id}")
        and kind_of(o.name) is None
    )


def described_offices(
    items: list[ClaimItem],
    keys: list[tuple[str, str, bool]],
    find: Callable[[int], int],
    near: Callable[[ClaimItem, ClaimItem], bool],
) -> list[tuple[int, int]]:
    """Pairs to merge: a body described by its kind and the lower-case words of what it does ("the
    UN's migration agency") and the one named body of the cluster within ``near`` whose name holds
    each of those words ("International Organization for Migration"). A bare kind ("the UN agency")
    says nothing of what the body does and is left to :func:`.voices.kind_named`; two named bodies
    that fit, or none, leave it apart."""
    # each named office with the words of its name, read once
    offices = {j: set(_words(it.origin.name)) for j, it in enumerate(items) if _named_office(it, keys[j])}
    out: list[tuple[int, int]] = []
    for i, it in enumerate(items):
        o = it.origin
        if o is None or o.relay or keys[i][2] or o.type is EntityType.PERSON or kind_of(o.name) is None:
            continue
        lower = [w for w in _TOKEN.findall(o.name) if w[:1].islower()]
        does = {w.lower() for w in lower if w.lower() not in _EMPTY and w.lower() not in KIND_NOUNS}
        if not does or any(len(w) < 4 for w in does):
            continue
        fits = {
            find(j): j
            for j, name_words in offices.items()
            if find(j) != find(i) and near(it, items[j]) and all(_fits(w, name_words) for w in does)
        }
        if len(fits) == 1:
            out.append((i, next(iter(fits.values()))))
    return out


def department_heads(
    items: list[ClaimItem],
    keys: list[tuple[str, str, bool]],
    find: Callable[[int], int],
    near: Callable[[ClaimItem, ClaimItem], bool],
) -> list[tuple[int, int]]:
    """Pairs to merge: a named person whose role heads a department ("Maryland Transportation
    Secretary", "Interior Minister") and the one department of the cluster within ``near`` whose
    name's words (its head noun and particles aside) the role holds ("Maryland Department of
    Transportation", "the Ministry of the Interior"). A role that fits two departments, or none,
    leaves the person apart."""
    departments: dict[int, set[str]] = {}
    for j, it in enumerate(items):
        if not _named_office(it, keys[j]) or it.origin is None:
            continue
        name = _words(it.origin.name)
        if not _DEPARTMENT & set(name):
            continue
        what = {w for w in name if w not in _EMPTY and w not in _DEPARTMENT}
        if what:
            departments[j] = what
    out: list[tuple[int, int]] = []
    if not departments:
        return out
    for i, it in enumerate(items):
        o = it.origin
        if o is None or o.anonymous or o.type is not EntityType.PERSON or not o.roles:
            continue
        roles = [set(_words(r)) for r in o.roles]
        fits = {
            find(j): j
            for j, what in departments.items()
            if find(j) != find(i) and near(it, items[j]) and any(_HEADS & r and what <= r for r in roles)
        }
        if len(fits) == 1:
            out.append((i, next(iter(fits.values()))))
    return out
