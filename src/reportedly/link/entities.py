"""Cross-document entities: one canonical source per real-world speaker across articles.

Extraction already resolves names through the alias table within each
article, so "Seoul" in one article and "South Korea" in another share the id
``south-korea``. What is left for the story level:

* user aliases added after the articles were stored (``reportedly aliases add``,
  a ``--aliases FILE`` in the bundled TSV format, or ``REPORTEDLY_ALIASES``):
  applied here, so nothing has to be re-ingested;
* people: "Hillary Rodham Clinton" and "Hillary Clinton" (same first and last
  name) are one person, and a bare surname ("Clinton") joins a full name only
  when exactly one person in the corpus carries that surname. Two different
  full names are never merged, which is the rule that keeps distinct people
  apart;
* anonymous groups: the extractor gives "U.S. officials" a per-document id,
  because an article cannot know whether two articles' officials are the same
  people. Here they share one canonical *description* ("U.S. officials",
  which "unidentified American officials" already normalises to); whether two
  mentions are the same *origin* is decided by :mod:`reportedly.link.independence`,
  which also needs their dates.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..extract.entities import Gazetteer, load_gazetteer, normalise_key, slug
from ..model import Entity, EntityType

_ANON_DROP = {
    "unidentified",
    "unnamed",
    "anonymous",
    "senior",
    "top",
    "high-ranking",
    "current",
    "some",
    "several",
    "two",
    "three",
    "other",
    "the",
    "a",
    "an",
}
_DEMONYM_KEYS = {
    "american": "u.s.",
    "us": "u.s.",
    "u.s": "u.s.",
    "america's": "u.s.",
    "ukrainian": "ukraine",
    "russian": "russia",
    "korean": "korea",
    "chinese": "china",
    "british": "britain",
    "israeli": "israel",
    "iranian": "iran",
    "french": "france",
    "german": "germany",
}


@dataclass(slots=True)
class Canonical:
    """One real-world source as the story level sees it, with the stored entities it gathers."""

    key: str
    name: str
    type: EntityType
    anonymous: bool = False
    members: set[str] = field(default_factory=set)
    aliases: set[str] = field(default_factory=set)

    def to_dict(self) -> dict[str, object]:
        return {
            "key": self.key,
            "name": self.name,
            "type": self.type.value,
            "anonymous": self.anonymous,
            "members": sorted(self.members),
            "aliases": sorted(self.aliases - {self.name}),
        }


def anonymous_description(name: str) -> str:
    """The comparable form of an unnamed group: no hedging adjectives, U.S. unified, singular."""
    words = [w for w in re.split(r"\s+", name.strip().lower()) if w and w not in _ANON_DROP]
    words = [_DEMONYM_KEYS.get(w, w) for w in words]
    if words and len(words[-1]) > 3 and words[-1].endswith("s") and not words[-1].endswith("ss"):
        words[-1] = words[-1][:-1]
    return " ".join(words) or name.strip().lower()


def load_aliases(
    extra_files: Iterable[str | Path] = (), user: dict[str, tuple[str, str | None]] | None = None
) -> Gazetteer:
    """The alias table linking uses: bundled TSV, ``REPORTEDLY_ALIASES``, extra files, store aliases.

    ``user`` maps a normalised alias to (canonical name, type or None), as
    :meth:`reportedly.store.Store.user_aliases` returns it.
    """
    base = load_gazetteer(tuple(str(p) for p in extra_files))
    gaz = Gazetteer(dict(base.by_key), {k: list(v) for k, v in base.aliases.items()})
    for alias, (canonical, etype) in (user or {}).items():
        known = gaz.lookup(canonical)
        kind = EntityType(etype) if etype else (known[1] if known else EntityType.UNKNOWN)
        name = known[0] if known else canonical
        gaz.add(name, kind, [alias])
    return gaz


class EntityIndex:
    """Maps stored entity ids to canonical sources; build it with every entity, then ask."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gaz = gazetteer or load_gazetteer()
        self._entities: dict[str, Entity] = {}
        self._map: dict[str, Canonical] | None = None

    def add(self, entities: Iterable[Entity]) -> None:
        for e in entities:
            have = self._entities.get(e.id)
            if have is None:
                self._entities[e.id] = Entity(e.id, e.name, e.type, list(e.aliases), e.anonymous)
            else:
                have.aliases.extend(a for a in e.aliases if a not in have.aliases)
        self._map = None

    def canonical(self, entity: Entity) -> Canonical:
        if self._map is None:
            self._build()
        assert self._map is not None
        if entity.id not in self._map:
            self.add([entity])
            self._build()
        return self._map[entity.id]

    def all(self) -> list[Canonical]:
        if self._map is None:
            self._build()
        assert self._map is not None
        seen: dict[str, Canonical] = {}
        for c in self._map.values():
            seen.setdefault(c.key, c)
        return sorted(seen.values(), key=lambda c: (c.name.casefold(), c.key))

    # -- building ----------------------------------------------------------------------------
    def _build(self) -> None:
        by_key: dict[str, Canonical] = {}
        mapping: dict[str, Canonical] = {}

        def put(key: str, name: str, etype: EntityType, anonymous: bool, e: Entity) -> None:
            c = by_key.get(key)
            if c is None:
                c = by_key[key] = Canonical(key, name, etype, anonymous)
            c.members.add(e.id)
            c.aliases.update([e.name, *e.aliases])
            if c.type is EntityType.UNKNOWN:
                c.type = e.type
            mapping[e.id] = c

        people: list[Entity] = []
        for e in self._entities.values():
            if e.anonymous:
                desc = anonymous_description(e.name)
                hit = self.gaz.lookup(e.name)  # a user may alias an unnamed group to a named source
                if hit:
                    put(slug(hit[0]), hit[0], hit[1], False, e)
                else:
                    put(f"anon:{desc}", _display(e.name), e.type, True, e)
                continue
            hit = next((h for h in map(self.gaz.lookup, [e.name, *e.aliases]) if h), None)
            if hit:
                put(slug(hit[0]), hit[0], hit[1], False, e)
            elif e.type is EntityType.PERSON or _bare_name(e):
                people.append(e)
            else:
                put(slug(normalise_key(e.name)), e.name, e.type, False, e)
        self._people(people, put)
        self._map = mapping

    def _people(self, people: list[Entity], put) -> None:  # noqa: ANN001 - the local closure above
        """Full names by (first, last); a bare surname only joins a full name that is unique."""
        full: dict[tuple[str, str], list[Entity]] = defaultdict(list)
        single: list[Entity] = []
        for e in people:
            parts = _name_parts(e.name)
            if len(parts) >= 2:
                full[(parts[0], parts[-1])].append(e)
            else:
                single.append(e)
        surnames: dict[str, set[tuple[str, str]]] = defaultdict(set)
        for first_last in full:
            surnames[first_last[1]].add(first_last)
        for (first, last), group in full.items():
            group = [e for e in group if e.type is EntityType.PERSON] or group
            name = max((e.name for e in group), key=lambda n: (len(_name_parts(n)) == 2, -len(n), n))
            for e in group:
                put(f"person:{first}-{last}", name, EntityType.PERSON, False, e)
        for e in single:
            parts = _name_parts(e.name)
            owners = surnames.get(parts[0] if parts else "", set())
            if len(owners) == 1:
                ((first, last),) = owners
                put(f"person:{first}-{last}", e.name, EntityType.PERSON, False, e)
            elif e.type is EntityType.PERSON:
                put(f"person:{slug(e.name)}", e.name, EntityType.PERSON, False, e)
            else:  # a one-word organisation name that is nobody's surname stays what it was
                put(slug(normalise_key(e.name)), e.name, e.type, False, e)


def _bare_name(e: Entity) -> bool:
    """ "Singh", "Brandt": spaCy often tags a lone surname as an organisation; it may be a person."""
    words = e.name.split()
    return (
        len(words) == 1
        and e.type in (EntityType.ORGANIZATION, EntityType.UNKNOWN)
        and words[0][:1].isupper()
        and not words[0].isupper()
    )


def _name_parts(name: str) -> list[str]:
    return [slug(w) for w in name.split() if slug(w) not in {"jr", "sr", "ii", "iii"} and len(slug(w)) > 1]


def _display(name: str) -> str:
    words = [w for w in name.split() if w.lower() not in _ANON_DROP]
    return " ".join(words) or name
