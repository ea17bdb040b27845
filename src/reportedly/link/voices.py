"""Voices a report names by their kind after naming them once: "the group", "the UN agency", "the
Secretary General of the group", "a spokesman for the aid group".

A report introduces a body by name ("the Libyan Red Crescent said …") and calls it by its kind
after ("… a spokesman for the aid group voiced astonishment"). The mention names no body a reader
could find in another report, so entity resolution leaves it apart; but in the report that wrote
it, it points back at the one body of its kind the report names. Split from
:mod:`.independence`, which counts the origins these pairs join.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..extract.roles import role_words
from ..model import EntityType
from .corpus import ClaimItem

#: Nouns that name a body by its kind only: "the group", "the agency", "the organisation".
KIND_NOUNS = frozenset(
    {
        "group",
        "organization",
        "organisation",
        "agency",
        "society",
        "charity",
        "body",
        "institution",
    }
)
#: "the Secretary General of the group", "a spokesman for the aid group": a role of a body named by kind.
_OF_KIND = re.compile(r"^.*?\b(?:of|for|at|from)\s+(?:the|its|this|that)\s+(?P<desc>[^,()]+)$", re.I)
_LEADING = re.compile(r"^(?:the|a|an|this|that)\s+", re.I)
#: "a spokesman said", "the spokeswoman": an unnamed spokesperson, who speaks for a body.
_SPOKES_ONLY = re.compile(r"^(?:(?:the|a|an)\s+)?(?:[\w-]+\s+)?spokes(?:man|woman|person)$", re.I)
_WORD = re.compile(r"[^\W_][\w'’.-]*")


def kind_of(name: str) -> list[str] | None:
    """The capitalised qualifiers of a description that names a body by its kind ("UN agency" ->
    ["UN"], "the Secretary General of the group" -> [], "a spokesman" -> []), or None for a name.

    A qualifier written capitalised ("UN", "Palestinian") must be a word of the body it points
    back at; lower-case ones ("aid", "militant") describe it and are not compared."""
    text = name.strip()
    if _SPOKES_ONLY.match(text):
        return []
    m = _OF_KIND.match(text)
    desc = _LEADING.sub("", m.group("desc") if m else text).strip()
    words = _WORD.findall(desc)
    capital = [w for w in words[:-1] if w[:1].isupper()]
    if not words or words[-1].lower() not in KIND_NOUNS or len(capital) > 1:
        return None  # "Libyan Red Crescent aid organization" is a name, "the UN agency" a kind
    return [t for w in capital for t in re.findall(r"[a-z0-9]+", w.lower())]


def kind_named(
    items: list[ClaimItem],
    keys: list[tuple[str, str, bool]],
    find: Callable[[int], int],
    words_of: Callable[[ClaimItem], set[str]],
) -> list[tuple[int, int]]:
    """Pairs to merge: a voice a report names by its kind ("the UN agency said", "the Secretary
    General of the group said", "a spokesman for the aid group said") and the one body of the
    cluster that the same report names, of that kind's qualifiers ("UN"). A person named by name,
    a news outlet, a country, and two or more bodies that fit are never joined."""
    out: list[tuple[int, int]] = []
    for i, it in enumerate(items):
        o = it.origin
        if o is None or o.relay or (o.type is EntityType.PERSON and not o.anonymous):
            continue
        quals = kind_of(o.name)
        if quals is None:
            continue
        fits = {
            find(j): j
            for j, other in enumerate(items)
            if other.doc.id == it.doc.id
            and find(j) != find(i)
            and _named_body(other, keys[j])
            and set(quals) <= words_of(other)
        }
        if len(fits) == 1:
            out.append((i, next(iter(fits.values()))))
    return out


def _named_body(item: ClaimItem, key: tuple[str, str, bool]) -> bool:
    """A body the report names: no person, country or news outlet, nor a description itself."""
    o = item.origin
    return (
        o is not None
        and not o.relay
        and not key[2]
        and not key[0].startswith("outlet:")
        and not key[0].endswith(f"@{item.doc.id}")
        and o.type not in (EntityType.PERSON, EntityType.COUNTRY, EntityType.MEDIA_OUTLET)
        and kind_of(o.name) is None
    )


#: Heads of a place's government as a body: "the Odisha government", "Kherson regional administration".
_GOVERNMENT_HEADS = frozenset({"government", "administration", "authorities", "cabinet"})
#: Words that give a government's level or kind, not its place.
_LEVEL = frozenset(
    {
        "state",
        "regional",
        "provincial",
        "district",
        "city",
        "municipal",
        "local",
        "military",
        "county",
        "s",
        "of",
        "the",
    }
)


def place_officials(
    items: list[ClaimItem], find: Callable[[int], int], near: Callable[[ClaimItem, ClaimItem], bool]
) -> list[tuple[int, int]]:
    """Pairs to merge: a named official whose role names a place ("Odisha Chief Secretary Pradeep
    Jena", "Kherson Governor Oleksandr Prokudin") and the government of that place as a body in the
    same cluster ("the Odisha government revised the toll", "the Kherson regional military
    administration said"), within one news cycle: the official speaks for the government they run,
    one voice written two ways; a place typed a government and named bare ("Maryland said") is its
    government as well. Only where one such government fits; a country's government is
    the country (see the side rules of :mod:`.independence`), and a ministry is a body of its own."""
    bodies: list[tuple[int, frozenset[str]]] = []
    for j, it in enumerate(items):
        o = it.origin
        if o is None or o.relay or o.anonymous or o.type in (EntityType.PERSON, EntityType.COUNTRY):
            continue
        words = frozenset(_TOKEN.findall(o.name.lower()))
        place = words - _GOVERNMENT_HEADS - _LEVEL
        # "the Odisha government"; or a place the report makes speak as its government ("Maryland
        # said it estimates …", typed a government by extraction), the state an official runs
        if (words & _GOVERNMENT_HEADS or o.type is EntityType.GOVERNMENT) and place:
            bodies.append((j, place))
    out: list[tuple[int, int]] = []
    if not bodies:
        return out
    for i, it in enumerate(items):
        o = it.origin
        if o is None or o.anonymous or o.type is not EntityType.PERSON or not o.roles:
            continue
        quals = {q for r in o.roles for w in _capitalised(r) for q in _TOKEN.findall(w.lower())}
        fits = {
            find(j): j for j, place in bodies if place <= quals and find(j) != find(i) and near(it, items[j])
        }
        if len(fits) == 1:
            out.append((i, next(iter(fits.values()))))
    return out


_TOKEN = re.compile(r"[a-z0-9]+")


def _capitalised(role: str) -> list[str]:
    """The capitalised words of a role that are no role noun: "Odisha Chief Secretary" -> ["Odisha"]."""
    nouns = role_words(role)
    skip = {nouns[0], *nouns[2]}
    return [w for w in _WORD.findall(role) if w[:1].isupper() and w.lower().strip(".") not in skip]


def introductions(name: str, text: str) -> list[str]:
    """The roles a report gives a person where it introduces them, before or after the name:
    "Catherine Smallwood, WHO's senior emergency officer for Europe, told …", "the WHO's senior
    emergency officer for Europe, Catherine Smallwood, told …". Only phrases holding a role noun."""
    if len(name.split()) < 2:
        return []
    at = re.escape(name)
    found = [
        m.group("role").strip()
        for pattern in (
            rf"{at},\s+(?P<role>[^,.;:\"“”()]{{3,90}}?),",
            rf"(?P<role>[^,.;:\"“”()\n]{{3,90}}),\s+{at}\b",
        )
        for m in re.finditer(pattern, text)
    ]
    return [r for r in found if role_words(r)[0] or _OFFICERS & set(_TOKEN.findall(r.lower()))]


#: Positions in a body besides the titled roles extraction knows: "WHO's senior emergency officer".
_OFFICERS = frozenset(
    {"officer", "official", "representative", "manager", "executive", "researcher", "expert"}
)


def introduced_officials(
    items: list[ClaimItem],
    keys: list[tuple[str, str, bool]],
    find: Callable[[int], int],
    near: Callable[[ClaimItem, ClaimItem], bool],
) -> list[tuple[int, int]]:
    """Pairs to merge: a named person a report introduces as an officer of a body ("Catherine
    Smallwood, WHO's senior emergency officer for Europe", "Marie el-Drese, secretary general of
    aid group") and that body, named in the same cluster within one news cycle ("the World Health
    Organization warned …"): the officer speaks for the body, one voice. The role names the body
    by one of the ways the corpus writes it ("WHO"), or by its kind where the same report names
    one body of the cluster ("aid group"). Two bodies that fit, or none, leave the person apart."""
    bodies = [j for j in range(len(items)) if _named_body(items[j], keys[j])]
    out: list[tuple[int, int]] = []
    if not bodies:
        return out
    for i, it in enumerate(items):
        o = it.origin
        if o is None or o.anonymous or o.type is not EntityType.PERSON or o.speaks_for is not None:
            continue
        text = it.doc.document.text
        roles = {r for name in {o.name, *o.aliases} for r in introductions(name, text)}
        if not roles:
            continue
        fits: dict[int, int] = {}
        for j in bodies:
            other = items[j]
            if find(j) == find(i) or not near(it, other) or other.origin is None:
                continue
            names = [
                re.sub(r"^the\s+", "", a, flags=re.I) for a in {other.origin.name, *other.origin.aliases}
            ]
            if any(_names_in(n, r) for n in names if len(n) >= 2 for r in roles) or (
                other.doc.id == it.doc.id and any(kind_of(r) == [] for r in roles)
            ):
                fits[find(j)] = j
        if len(fits) == 1:
            out.append((i, next(iter(fits.values()))))
    return out


def _names_in(name: str, role: str) -> bool:
    """Whether a role phrase writes a body's name, whole words, acronyms as written."""
    flags = 0 if name.isupper() else re.I
    return re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", role, flags) is not None


_NAME_STOP = frozenset({"the", "a", "an", "of", "for", "and", "in", "on", "s", "its"})
_RUN_BY = re.compile(r"\b[\w'’]+-(?:run|controlled|led|backed|held|based)\b", re.I)


def _name_words(name: str) -> frozenset[str]:
    """A body's name as words, who runs it dropped and "UN" spelled out: "UN Office for …" holds
    "united nations"; "the Hamas-run health ministry" does not hold "Hamas"."""
    words = [w for w in _TOKEN.findall(_RUN_BY.sub(" ", name).lower()) if w not in _NAME_STOP]
    while len(words) > 1 and words[-1] in _MEMBERS:  # "UN officials", "Taliban officials": the body's
        words.pop()
    return frozenset(w for x in words for w in (("united", "nations") if x == "un" else (x,)))


#: Words after a body's name that name its people: "UN officials" speak as the UN.
_MEMBERS = frozenset(
    {
        "officials",
        "official",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "sources",
        "staff",
        "representatives",
    }
)


def parent_bodies(
    items: list[ClaimItem],
    keys: list[tuple[str, str, bool]],
    near: Callable[[ClaimItem, ClaimItem], bool],
) -> list[tuple[int, int]]:
    """Pairs to merge: a body named by a shorter name whose every word is in the name of one other
    body of the cluster ("the United Nations offered that toll" beside "the UN Office for the
    Coordination of Humanitarian Affairs said"; "the Red Crescent" beside "the Libyan Red
    Crescent"; "UN officials" are the UN speaking), within one news cycle: outlets name the office
    by its parent, one voice. Where
    two bodies of the cluster hold the words (two UN agencies), none is chosen."""
    bodies = [j for j in range(len(items)) if _named_body(items[j], keys[j])]
    words = {j: _name_words(items[j].origin.name) for j in bodies if items[j].origin is not None}
    out: list[tuple[int, int]] = []
    for i in bodies:
        if not words[i]:
            continue
        near_i = [j for j in bodies if j != i and near(items[i], items[j])]
        # "UN officials", "the United Nations": one body written two ways, as one entity is, on any day
        out += [(i, j) for j in bodies if j != i and words[j] == words[i]]
        fits = {words[j]: j for j in near_i if words[i] < words[j]}  # one office per name
        if len(fits) == 1:
            out.append((i, next(iter(fits.values()))))
    return out


#: Role nouns of a government's own members: its ministers and those who speak for it.
_GOVERNMENT_ROLES = frozenset({"minister", "spokesman", "spokeswoman", "spokesperson", "spokesmen"})


def government_members(
    items: list[ClaimItem],
    keys: list[tuple[str, str, bool]],
    find: Callable[[int], int],
    near: Callable[[ClaimItem, ClaimItem], bool],
    side: Callable[[ClaimItem], str | None],
) -> list[tuple[int, int]]:
    """Pairs to merge: a named minister or spokesperson whose role names no other body ("Public
    Health Minister Jane Roe") and the one national government of the cluster ("the Foo
    government said more than 1,000 were killed"), within ``near``: a minister speaks for the
    government they sit in, one voice. A government of a place below the state ("regional
    administration"), a person of another side, or two governments that fit leave them apart."""
    govs = {
        find(j): j
        for j in range(len(items))
        if _named_body(items[j], keys[j])
        and items[j].origin is not None
        and items[j].origin.type is EntityType.GOVERNMENT
        and set(_TOKEN.findall(items[j].origin.name.lower())) & _GOVERNMENT_HEADS  # a ministry is its own
        and not set(_TOKEN.findall(items[j].origin.name.lower())) & (_LEVEL - {"s", "of", "the"})
        and not below_the_state(items[j].origin.name)
    }
    out: list[tuple[int, int]] = []
    if len(govs) != 1:
        return out
    root, j = next(iter(govs.items()))
    gov_side = side(items[j])
    for i, it in enumerate(items):
        o = it.origin
        if o is None or o.anonymous or o.type is not EntityType.PERSON or find(i) == root:
            continue
        roles = [role_words(r) for r in o.roles]
        if not any(
            r[0] in _GOVERNMENT_ROLES and not _OF_BODY.search(text)
            for r, text in zip(roles, o.roles, strict=True)
        ):
            continue
        own = side(it)
        if own is not None and gov_side is not None and own != gov_side:
            continue
        if near(it, items[j]):
            out.append((i, j))
    return out


def below_the_state(name: str) -> bool:
    """Whether a government's name places it below a country ("the Odisha government": the
    places gazetteer knows Odisha as a region), so that a national minister is not read as
    speaking for it. Demonyms and countries ("the Indian government") find no such place."""
    from ..places import default_places

    places = default_places()
    if any(m.place.kind != "country" for m in places.find(name)):
        return True
    runs = re.findall(r"[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*", name)  # "Uttar Pradesh", "Queensland"
    found = (places.lookup(run) for run in runs if run.lower() not in _GOVERNMENT_HEADS)
    return any(p is not None and p.kind != "country" for p in found)


#: A role that names the body it serves ("spokesman for the Red Cross"):
#: that body's, not the government's.
_OF_BODY = re.compile(r"\b(?:for|at)\s+(?:the\s+)?[A-Z]")
