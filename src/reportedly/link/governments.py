"""A government and the bodies that speak for it: one voice, whatever name the report gives it.

Reports name a ruling movement by itself ("the Taliban said"), as a government ("the Taliban
government", "the Taliban-run government"), by its people ("Taliban officials", "a Taliban
government spokesman"). Entity resolution keeps these apart (they are different words, and a
movement is not always a government), so each counted as one more origin of the same figure.
The corpus itself tells when they are one: where some report writes "<name> government" (or
"administration", "regime", "cabinet", or "<name>-run/-led government"), the bare name and its
officials speak as that government (:func:`join_rulers`, run once over the corpus's entities).

In a cluster, a government named as a whole ("the Taliban government", "the Foo government")
beside the ministries it runs ("the Ministry of Disaster Management", "the Interior Ministry")
is the voice of one of them: a report that writes "the government said" passes on what one
ministry gave. It counts under the cluster's most reported ministry of its side
(:func:`government_ministries`); the ministries stay apart from each other (two ministries
giving their own figures are two voices). Split from :mod:`.entities` and
:mod:`.independence`, which call these.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from ..model import EntityType

if TYPE_CHECKING:  # entities builds its canonicals with join_rulers: no import back at run time
    from .corpus import ClaimItem
    from .entities import Canonical

#: Words that make a ruling body's name a government's: "the Taliban government".
_RULE_HEADS = r"(?:government|administration|regime|cabinet)"
#: "the Taliban government", "the Taliban-run government", "a Taliban government spokesman".
_RULER = re.compile(
    rf"^(?:(?:the|a|an)\s+)?(?P<core>[A-Z][\w'’]*(?:\s+[A-Z][\w'’]*){{0,3}})"
    rf"(?:-(?:run|led|controlled))?\s+{_RULE_HEADS}$"
)
#: Words after a body's name that name its people or its government: "Taliban officials".
_MEMBER_WORDS = frozenset(
    {
        "officials",
        "official",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "spokesmen",
        "leaders",
        "leadership",
        "authorities",
        "government",
        "administration",
        "regime",
        "cabinet",
    }
)
_WORD = re.compile(r"[\w'’]+")


def _below_the_state(name: str) -> bool:
    from .voices import below_the_state  # noqa: PLC0415 (voices reads corpus, which reads entities)

    return below_the_state(name)


def _core(name: str) -> tuple[str, ...]:
    """A body's name without articles, "-run"/"-led" and the words naming its people or its
    government: "a Taliban government spokesman" -> ("taliban",)."""
    text = re.sub(r"-(?:run|led|controlled)\b", "", name, flags=re.I)
    words = [w.lower() for w in _WORD.findall(text)]
    while words and words[0] in ("the", "a", "an"):
        words.pop(0)
    while len(words) > 1 and words[-1] in _MEMBER_WORDS:
        words.pop()
    return tuple(words)


def _plain(c: Canonical) -> tuple[int, bool, int, str]:
    """The government's name to count under: the most written, then "the Taliban government"
    before "the Taliban-run government"."""
    return len(c.members), "-" not in c.name, -len(c.name), c.name


def join_rulers(canonicals: Iterable[Canonical], country_of: Callable[[str], str | None]) -> None:
    """Point every body named by a ruling movement's name ("the Taliban", "Taliban officials",
    "the Taliban-run government") at that movement's government ("Taliban government"), through
    :attr:`Canonical.speaks_for`, where some report names the movement as a government. A
    country's or a place's government ("the Afghan government", "the Odisha government") is left
    to the side rules: a country is not one body. People whose role speaks for a joined body
    speak for the government."""
    found = list(canonicals)
    govs: dict[tuple[str, ...], Canonical] = {}
    for c in found:
        if c.anonymous or c.relay or c.type in (EntityType.PERSON, EntityType.COUNTRY):
            continue
        m = _RULER.match(c.name.strip())
        if m is None or m.group(0).split()[-1].lower() not in ("government", "administration", "regime"):
            continue
        core = m.group("core")
        if country_of(core) is not None or _below_the_state(core):
            continue
        have = govs.get(_core(core))
        if have is None or _plain(c) > _plain(have):
            govs[_core(core)] = c
    if not govs:
        return
    joined: dict[str, Canonical] = {}
    for c in found:
        if c.anonymous or c.relay or c.type in (EntityType.PERSON, EntityType.COUNTRY):
            continue
        gov = govs.get(_core(c.name))
        if gov is not None and gov is not c and c.speaks_for is None:
            c.speaks_for = gov
            joined[c.key] = gov
    for c in found:  # "a Taliban spokesman": spoke for the Taliban, now for its government
        if c.speaks_for is not None and c.speaks_for.key in joined:
            c.speaks_for = joined[c.speaks_for.key]


_MINISTRY = re.compile(r"\b(?:ministry|ministries|department)\b", re.I)
_GOVERNMENT = re.compile(rf"\b{_RULE_HEADS}\b", re.I)


def _body(item: ClaimItem) -> Canonical | None:
    o = item.origin
    if o is None or o.relay or o.anonymous:
        return None
    return o.speaks_for or o


def government_ministries(
    items: list[ClaimItem],
    find: Callable[[int], int],
    near: Callable[[ClaimItem, ClaimItem], bool],
    side: Callable[[ClaimItem], str | None],
) -> list[tuple[int, int]]:
    """Pairs to merge: a national government named as a whole (or a body speaking for it) and the
    most reported ministry of the cluster of its side (a ministry naming no country counts as the
    government's own), within ``near``. "The Foo government said 2,400 died" beside the
    disaster ministry's 2,400 is that ministry's figure passed on, not a second count. Only where
    the cluster names one such government; a government below the state ("the Odisha
    government") runs no national ministry."""
    govs: dict[str, list[int]] = {}
    ministries: list[int] = []
    for i, it in enumerate(items):
        b = _body(it)
        if b is None or b.type not in (EntityType.GOVERNMENT, EntityType.ORGANIZATION):
            continue
        if _MINISTRY.search(b.name) and not _GOVERNMENT.search(b.name):
            ministries.append(i)
        elif b.type is EntityType.GOVERNMENT and _GOVERNMENT.search(b.name) and not _below_the_state(b.name):
            govs.setdefault(b.key, []).append(i)
    if len(govs) != 1 or not ministries:
        return []
    (members,) = govs.values()
    gov_side = side(items[members[0]])
    fits = [j for j in ministries if side(items[j]) in (None, gov_side)]
    reach = Counter(find(j) for j in fits)
    out: list[tuple[int, int]] = []
    for i in members:
        near_fits = [j for j in fits if near(items[i], items[j])]
        if near_fits:
            out.append((i, max(near_fits, key=lambda j: (reach[find(j)], -j))))
    return out
