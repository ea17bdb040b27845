"""Cross-document entities: one canonical source per real-world speaker across articles.

Extraction resolves names within each article (aliases the article defines,
the gazetteer, roles: "the president" after "President Volodymyr Zelensky").
What is left for the story level, where every article's entities meet:

* **user aliases** added after the articles were stored (``reportedly aliases add``,
  ``--aliases FILE``, ``REPORTEDLY_ALIASES``): applied here, nothing is re-ingested;
* **people**: spellings and transliterations of one name are one person
  ("Volodymyr Zelensky" / "Zelenskyy" / "Zelenskiy", "Erdoğan" / "Erdogan",
  "Andrei Alekseyenko" / "Andrey Alekseenko"): names are transliterated to ASCII
  (``anyascii``), then two surnames match when their consonant skeletons are equal
  and their Jaro-Winkler similarity (``rapidfuzz``) is high; "Peskov" and "Pestov"
  differ in a consonant and stay apart. Two named people are never merged: both
  given names must agree too ("Hillary" never joins "Bill"), and a bare surname joins
  a full name only when exactly one person in the corpus carries it. A person keeps
  the roles the articles gave them ("Kremlin spokesman"), and an unnamed role of
  one article ("the Turkish president") joins the one person the corpus gives
  that role, qualifiers and all;
* **organisations**: a malformed mention is repaired ("National Intelligence
  Service(NIS"), a trailing statement noun dropped ("a Pentagon statement"), a
  member of an organisation is the organisation ("researchers of Norway's NORSAR
  institute"); descriptions are compared as *country + domain + head*
  ("Ukraine's interior ministry" = ("ukraine", {interior}, ministry class) =
  "the Ukrainian Interior Ministry"; "Ministry of Health" = "health ministry"),
  against the gazetteer's aliases (so "Turkey's disaster agency" finds AFAD) and
  against each other; a description without a country joins a qualified one only
  when it is the only candidate in the corpus; an acronym joins the one name it
  abbreviates ("WHO", "World Health Organization"). Two gazetteer entries are never
  merged;
* **anonymous groups** stay per document ("officials" in two unrelated articles are
  not known to be the same people); each carries a *description* comparable across
  documents (``group``: "U.S. officials" and "unidentified American officials" are
  ``anon:u.s. official``), and :mod:`reportedly.link.independence` decides with the
  dates whether two of them are one briefing;
* **relays** ("reporters", "state media", "local outlets", "social media",
  "Telegram") are hops, never origins: :attr:`Canonical.relay` marks them and
  :meth:`EntityIndex.origin` returns the last hop of a chain that is not one.

Countries ("Seoul's", "Ukrainian", "of Ukraine") are read through the
``country_of`` function the index is given; by default it uses the gazetteer's
country rows and shared word stems (Turkish/Turkey). A places gazetteer can be
plugged in there (``EntityIndex(gaz, country_of=places_country)``) without
touching the rest.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..extract.gazetteer import Gazetteer, load_gazetteer, normalise_key, slug
from ..extract.roles import ROLE_NOUNS, role_words
from ..model import ChainLink, Entity, EntityType
from . import people as persons
from .governments import join_rulers
from .organisations import (
    CountryOf,
    Org,
    Organisations,
    OrgParts,
    descriptor_cores,
    fold,
    gazetteer_country,
    is_acronym,
    org_parts,
    repair,
    same_words,
)
from .people import name_parts, same_as_known, same_person, same_surname, skeleton, titled_name
from .roles import (
    ASSESSED,
    HEAD_OF,
    MEMBER,
    PUBLISHED,
    led_body,
    named_org,
    publisher,
    role_fits,
    spoken_for,
)

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
#: Hops that pass a claim on and never originate it (GLOSSARY: relays are never origins).
_RELAY_HEADS = frozenset({"media", "reporters", "reporter", "outlets", "outlet", "reports", "press"})
_PLATFORMS = frozenset(
    {"telegram", "facebook", "twitter", "instagram", "youtube", "tiktok", "vkontakte", "whatsapp", "weibo"}
)
_PLATFORM_PARTS = frozenset({"channel", "channels", "post", "posts", "account", "page", "feed"})


@dataclass(slots=True)
class Canonical:
    """One real-world source as the story level sees it, with the stored entities it gathers.

    ``roles`` are the positions the articles gave a person ("Kremlin spokesman");
    ``relay`` marks hops that are never origins ("state media", "Telegram");
    ``group`` is an unnamed group's description, comparable across documents
    (the entity itself stays per document); ``speaks_for`` is the body a
    spokesperson speaks for, whose origin their words count under.
    """

    key: str
    name: str
    type: EntityType
    anonymous: bool = False
    members: set[str] = field(default_factory=set)
    aliases: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)
    relay: bool = False
    group: str | None = None
    speaks_for: Canonical | None = None

    def to_dict(self) -> dict[str, object]:
        return {
            "key": self.key,
            "name": self.name,
            "type": self.type.value,
            "anonymous": self.anonymous,
            "members": sorted(self.members),
            "aliases": sorted(self.aliases - {self.name} - self.roles),
            "roles": sorted({r.casefold(): r for r in sorted(self.roles, reverse=True)}.values()),
            "relay": self.relay,
            "speaks_for": self.speaks_for.name if self.speaks_for is not None else None,
        }


def anonymous_description(name: str) -> str:
    """The comparable form of an unnamed group: no hedging adjectives, U.S. unified, singular."""
    words = [w for w in re.split(r"\s+", name.strip().lower()) if w and w not in _ANON_DROP]
    words = [_DEMONYM_KEYS.get(w, w) for w in words]
    if words and len(words[-1]) > 3 and words[-1].endswith("s") and not words[-1].endswith("ss"):
        words[-1] = words[-1][:-1]
    return " ".join(words) or name.strip().lower()


def is_relay(name: str) -> bool:
    """Whether a source only passes claims on: "state media", "local outlets", "reporters", "Telegram"."""
    words = [w for w in fold(name).split() if w not in {"the", "a", "an", "some", "its", "their"}]
    if not words:
        return False
    if words[-1] in _PLATFORMS or (
        len(words) > 1 and words[-1] in _PLATFORM_PARTS and words[-2] in _PLATFORMS
    ):
        return True
    if words[-1] == "press":  # "the press", not "The Associated Press"
        return len(words) == 1
    if words[-1] not in _RELAY_HEADS:
        return False
    # "Reporters Without Borders" is a name; "Russian state media" is a description
    capitalised = [w for w in name.split()[:-1] if w[:1].isupper() and w.lower() not in {"the", "a", "an"}]
    return len(capitalised) <= 2 and not name.split()[-1][:1].isupper() or len(words) == 1


def origin_of(hops: Sequence[Canonical], names: Sequence[str] = ()) -> Canonical | None:
    """The origin of a chain (nearest hop first): its last hop that speaks, None when none does.

    Relays never speak. Nor, with another hop to speak for it, do a media outlet (it passes on
    what the hops around it say: "according to CNN, the UN stated"), a pronoun ("that"), or a
    thing a speaker cites rather than a speaker ("its own review", "the humanitarian toll of
    the disaster": no capital, no person, no group of people): the claim is the hop before's.
    ``names`` are the hops' words as the article wrote them, where known.
    """
    written = [*names, *[""] * (len(hops) - len(names))]
    speaking = [(c, w) for c, w in zip(hops, written, strict=True) if not c.relay]
    if len(speaking) <= 1:
        return speaking[0][0] if speaking else None
    firm = [c for c, w in speaking if c.type is not EntityType.MEDIA_OUTLET and not _not_speaker(c, w)]
    return firm[-1] if firm else speaking[-1][0]


_PRONOUN = frozenset({"that", "which", "who", "it", "this", "these", "those", "they", "he", "she", "its"})


def _not_speaker(c: Canonical, written: str) -> bool:
    """A chain hop that names no one who speaks: a pronoun, or a lower-case thing ("its review")."""
    text = (written or c.name).strip()
    words = fold(text).split()
    if not words or words[0] in _PRONOUN and (len(words) == 1 or words[0] == "its"):
        return True
    if c.anonymous or c.type is EntityType.PERSON or c.type is EntityType.OFFICIAL_GROUP:
        return False
    named = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text) if w.lower() not in {"the", "a", "an"}]
    return not any(w[:1].isupper() for w in named)


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


# --- the index ----------------------------------------------------------------------------------


class EntityIndex:
    """Maps stored entity ids to canonical sources; build it with every entity, then ask."""

    def __init__(self, gazetteer: Gazetteer | None = None, *, country_of: CountryOf | None = None) -> None:
        self.gaz = gazetteer or load_gazetteer()
        self.country_of = country_of or gazetteer_country(self.gaz)
        self._entities: dict[str, Entity] = {}
        self._seen: Counter[str] = Counter()
        self._map: dict[str, Canonical] | None = None
        self._gaz_parts: list[tuple[OrgParts, str, EntityType]] | None = None

    def add(self, entities: Iterable[Entity]) -> None:
        for e in entities:
            self._seen[e.id] += 1
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

    def origin(self, chain: Iterable[ChainLink | Entity]) -> Canonical | None:
        """The canonical origin of a chain: its last hop that speaks (None: only relays, or none)."""
        links = list(chain)
        hops = [self.canonical(h.entity if isinstance(h, ChainLink) else h) for h in links]
        return origin_of(hops, [h.entity.name if isinstance(h, ChainLink) else h.name for h in links])

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

        def put(key: str, name: str, etype: EntityType, anonymous: bool, e: Entity) -> Canonical:
            c = by_key.get(key)
            if c is None:
                c = by_key[key] = Canonical(key, name, etype, anonymous)
            c.members.add(e.id)
            c.aliases.update([e.name, *e.aliases])
            if c.type is EntityType.UNKNOWN:
                c.type = e.type
            # a platform the tagger read as a person ("Twitter") passes words on like any platform
            c.relay = c.relay or (
                (etype is not EntityType.PERSON or fold(e.name) in _PLATFORMS) and is_relay(e.name)
            )
            mapping[e.id] = c
            return c

        people: list[Entity] = []
        orgs: list[tuple[Entity, str]] = []
        anonymous: list[Entity] = []
        members: list[tuple[Entity, str]] = []
        heads: list[tuple[Entity, str]] = []
        known: dict[str, list[list[str]]] = defaultdict(list)  # people's names, to tell "KS Anand"
        for e in self._entities.values():
            if e.type is EntityType.PERSON and not e.anonymous and len(parts := name_parts(e.name)) >= 2:
                known[skeleton(parts[-1])].append(parts)
        for e in self._entities.values():
            if not e.anonymous and (titled := titled_name(e.name, ROLE_NOUNS)):
                e = Entity(e.id, titled[0], EntityType.PERSON, [*e.aliases, e.name, titled[1]], False)  # noqa: PLW2901
            elif e.type is not EntityType.PERSON and not e.anonymous and same_as_known(e.name, known):
                e = Entity(e.id, e.name, EntityType.PERSON, list(e.aliases), False)  # noqa: PLW2901
            name, short = repair(e.name)
            short = [*short, *descriptor_cores(name)]
            hit = self._lookup(e, name, short)
            if hit:
                put(slug(hit[0]), hit[0], hit[1], False, e)
            elif (m := MEMBER.match(name)) and (not e.anonymous or named_org(m.group("org"))):
                # "a spokesperson for the Libyan Red Crescent", "officials of the UN refugee agency"
                members.append((e, m.group("org")))
            elif e.anonymous:
                anonymous.append(e)
            elif e.type is EntityType.PERSON or _bare_name(e):
                people.append(e)
            elif m := HEAD_OF.match(name):  # "the head of the WMO": a person's title (see _heads)
                heads.append((e, m.group("org")))
            elif m := PUBLISHED.match(name):
                members.append((e, publisher(m.group("org"))))
            elif (m := ASSESSED.match(name)) and named_org(m.group("org")):
                members.append((e, m.group("org")))  # "a U.S. intelligence assessment": that intelligence
            else:
                orgs.append((e, name))
        self._people(people, anonymous, put)
        found = self._orgs(orgs, members, put, by_key)
        for e in anonymous:  # "an unclassified U.S. intelligence report": that intelligence, if named
            m = ASSESSED.match(e.name) if e.id not in mapping else None
            if m and (home := found.home(m["org"], org_parts(m["org"], self.country_of))):
                put(home.key, home.name, home.type, False, e)
        self._anonymous([e for e in anonymous if e.id not in mapping], put)
        self._spokespeople(by_key, found)
        self._heads(heads, put, by_key, found)
        join_rulers(by_key.values(), self.country_of)
        self._map = mapping

    def _lookup(self, e: Entity, name: str, short: list[str]) -> tuple[str, EntityType] | None:
        """The gazetteer's entry for an entity: its names and aliases, then a description's parts."""
        names = [e.name, name, *short]
        if e.type is not EntityType.PERSON:
            names += e.aliases
        for n in names:
            hit = self.gaz.lookup(n)
            if hit and not (e.type is EntityType.PERSON and hit[1] is not EntityType.PERSON):
                return hit
        if e.anonymous or e.type is EntityType.PERSON:
            return None
        parts = org_parts(name, self.country_of)
        if parts is None or parts.country is None:
            return None
        fits = {(n, t) for p, n, t in self._gazetteer_parts() if p.country and parts.fits(p)}
        return next(iter(fits)) if len(fits) == 1 else None

    def _gazetteer_parts(self) -> list[tuple[OrgParts, str, EntityType]]:
        if self._gaz_parts is None:
            self._gaz_parts = []
            for name, etype in set(self.gaz.by_key.values()):
                if etype in (EntityType.COUNTRY, EntityType.PERSON, EntityType.MEDIA_OUTLET):
                    continue
                for alias in [name, *self.gaz.aliases.get(name, [])]:
                    parts = org_parts(alias, self.country_of)
                    if parts is not None and parts.comparable:
                        self._gaz_parts.append((parts, name, etype))
        return self._gaz_parts

    def _people(self, people: list[Entity], anonymous: list[Entity], put: _Put) -> None:
        """Full names by surname and given names; a bare surname only joins a unique person."""
        full: list[tuple[Entity, list[str]]] = []
        single: list[tuple[Entity, list[str]]] = []
        for e in people:
            parts = name_parts(e.name)
            (full if len(parts) >= 2 else single).append((e, parts))
        # most mentioned first, so that a person's usual spelling names them
        full.sort(key=lambda ep: (-self._seen[ep[0].id], -len(ep[1]), ep[0].name))
        clusters: list[list[tuple[Entity, list[str]]]] = []
        by_skeleton: dict[str, list[list[tuple[Entity, list[str]]]]] = defaultdict(list)  # blocking
        for e, parts in full:
            near = by_skeleton[skeleton(parts[-1])]
            home = [c for c in near if all(same_person(parts, p) for _, p in c)]
            if len(home) == 1:
                home[0].append((e, parts))
            else:
                clusters.append([(e, parts)])
                near.append(clusters[-1])
        alone: dict[str, list[Entity]] = defaultdict(list)  # bare surnames of nobody in the corpus
        for e, parts in single:
            word = parts[0] if parts else slug(e.name)
            # a Korean name in Hangul joins the one person the corpus names so romanised ("윤희근")
            hangul = [c for c in clusters if any(persons.korean_romanised(e.name, x.name) for x, _p in c)]
            near = hangul if len(hangul) == 1 else by_skeleton.get(skeleton(word), [])
            owners = [c for c in near if near is hangul or any(same_surname(word, p[-1]) for _, p in c)]
            if len(owners) == 1:
                owners[0].append((e, parts))
            elif not owners:
                alone[next((k for k in alone if same_surname(word, k)), word)].append(e)
            elif e.type is EntityType.PERSON:  # a surname two people share: never guessed
                put(f"person:{slug(e.name)}", e.name, EntityType.PERSON, False, e)
            else:
                put(slug(normalise_key(e.name)), e.name, e.type, False, e)
        held: list[tuple[Canonical, set[str]]] = []
        for cluster in clusters:
            counts: Counter[str] = Counter()
            for e, p in cluster:
                if len(p) >= 2:
                    counts[e.name] += self._seen[e.id]
            name = max(counts, key=lambda x: (counts[x], len(name_parts(x)) == 2, -len(x), x))
            parts = name_parts(name)
            key = f"person:{slug(parts[0])}-{slug(parts[-1])}"
            for e, _p in cluster:
                c = put(key, name, EntityType.PERSON, False, e)
                c.roles.update(_roles(e))
            held.append((c, c.roles))
        for word, group in alone.items():
            for e in group:
                if e.type is EntityType.PERSON:
                    put(f"person:{slug(word)}", e.name, EntityType.PERSON, False, e)
                else:  # a one-word organisation name that is nobody's surname stays what it was
                    put(slug(normalise_key(e.name)), e.name, e.type, False, e)
        # "the Turkish president" in an article that never names him: the one person the corpus
        # gives that role with every qualifier ("Turkish President Recep Tayyip Erdogan")
        for e in anonymous:
            want = role_words(e.name)
            named = [w for w in re.findall(r"[\w'’-]+", e.name) if w[:1].isupper() and not _role_of_word(w)]
            if e.type is not EntityType.PERSON or not want[0] or not named:  # not "the city's mayor"
                continue
            fit = {id(c): c for c, roles in held if any(role_fits(want, role_words(r)) for r in roles)}
            if len(fit) == 1:
                (c,) = fit.values()
                put(c.key, c.name, EntityType.PERSON, False, e)

    def _orgs(
        self,
        orgs: list[tuple[Entity, str]],
        members: list[tuple[Entity, str]],
        put: _Put,
        by_key: dict[str, Canonical],
    ) -> Organisations:
        """Organisation descriptions joined by their parts, acronyms by their initials."""
        found = Organisations(self.country_of)
        for c in list(by_key.values()):  # gazetteer entries met in the corpus take descriptions too
            if c.type not in (EntityType.PERSON, EntityType.COUNTRY) and not c.anonymous:
                found.add(Org(c.key, c.name, c.type), [c.name, *c.aliases])
        items = [(e, name, org_parts(name, self.country_of)) for e, name in orgs]
        items.sort(  # the most specific first: a bare "Interior Ministry" then meets the qualified ones
            key=lambda t: (
                t[2] is None or t[2].country is None,
                -len(t[2].domain) if t[2] else 0,
                -self._seen[t[0].id],
                t[0].id,
            )
        )
        for e, name, parts in items:
            short = [*repair(e.name)[1], *descriptor_cores(name)]
            home = found.home(name, parts, short)
            if home is None:
                home = found.get(slug(normalise_key(name))) or Org(
                    slug(normalise_key(name)), _strip_the(name), e.type
                )
            found.add(home, [name, *short, *e.aliases])
            put(home.key, home.name, home.type, False, e)
        for e, phrase in members:
            name, short = repair(phrase)
            hit = next((h for h in map(self.gaz.lookup, [name, *short]) if h), None)
            if hit:
                put(slug(hit[0]), hit[0], hit[1], False, e)
                continue
            inner = [w for w in re.findall(r"[A-Z][A-Z&]{1,7}", name) if is_acronym(w)]  # "NORSAR institute"
            home = found.home(name, org_parts(name, self.country_of), [*short, *inner])
            if home is not None:
                put(home.key, home.name, home.type, False, e)
            else:
                put(slug(normalise_key(e.name)), e.name, e.type, False, e)
        return found

    def _spokespeople(self, by_key: dict[str, Canonical], found: Organisations) -> None:
        """A person given a spokesperson's role for a body the corpus knows speaks for that body.

        "Rear Adm. Daniel Hagari, spokesperson for the Israel Defense Forces" and "the IDF said"
        are one institution's voice; "Tawfiq Shukri, the Libyan Red Crescent spokesman" is the
        Red Crescent's. Only a body met in the corpus or the gazetteer counts ("deputy spokesman
        for the UN Secretary-General" names a person's office, not a source of the corpus), and
        never a country ("Kremlin spokesman" is not every voice of Russia).
        """
        for c in list(by_key.values()):
            if c.type is not EntityType.PERSON or c.anonymous:
                continue
            for role in sorted(c.roles):
                body = spoken_for(role)
                target = self._body(body, found, by_key) if body is not None else None
                if target is not None:
                    c.speaks_for = target
                    break

    def _body(self, phrase: str, found: Organisations, by_key: dict[str, Canonical]) -> Canonical | None:
        """The body a role's phrase names ("the Israel Defense Forces", "WMO"), if the gazetteer or
        the corpus knows it and it is no country and no relay."""
        name, short = repair(phrase)
        hit = next((h for h in map(self.gaz.lookup, [name, *short]) if h), None)
        if hit is not None:
            target = by_key.get(slug(hit[0]))
            if target is None and hit[1] is not EntityType.COUNTRY:
                target = Canonical(slug(hit[0]), hit[0], hit[1])
        else:
            home = found.home(name, org_parts(name, self.country_of), short)
            target = by_key.get(home.key) if home is not None else None
        if target is None or target.type is EntityType.COUNTRY or target.relay:
            return None
        return target

    def _heads(
        self, heads: list[tuple[Entity, str]], put: _Put, by_key: dict[str, Canonical], found: Organisations
    ) -> None:
        """ "The head of the World Meteorological Organization said" where the corpus names the one
        person it calls that body's head ("WMO chief Petteri Taalas"): that person. A leader's
        title is a role, not a body speaking; with no such person, or two, it stays as it was."""
        leaders: dict[str, set[str]] = defaultdict(set)  # body key -> person keys
        for c in list(by_key.values()):
            if c.type is EntityType.PERSON and not c.anonymous:
                for role in c.roles:
                    body = led_body(role)
                    target = self._body(body, found, by_key) if body is not None else None
                    if target is not None:
                        leaders[target.key].add(c.key)
        for e, phrase in heads:
            target = self._body(phrase, found, by_key)
            people = leaders.get(target.key, set()) if target is not None else set()
            if len(people) == 1:
                person = by_key[next(iter(people))]
                put(person.key, person.name, EntityType.PERSON, False, e)
            else:
                put(slug(normalise_key(e.name)), _strip_the(e.name), e.type, False, e)

    def _anonymous(self, anonymous: list[Entity], put: _Put) -> None:
        """Unnamed groups stay per document, with a description to compare across documents.

        Within one article, extraction already joined what plainly refers back ("the
        officials"); independence joins one article's descriptions of one group by their words.
        """
        descriptions: dict[tuple[int, str], list[list[str]]] = defaultdict(list)  # spellings met, blocked
        for e in sorted(anonymous, key=lambda x: x.id):
            doc = e.id.rsplit("@", 1)[1] if "@" in e.id else ""
            desc = anonymous_description(e.name)
            words = desc.split()
            seen = descriptions[(len(words), words[0][:1] if words else "")]
            same = next((w for w in seen if same_words(words, w)), None)  # "civil defence/defense official"
            if same is None:
                seen.append(words)
            else:
                desc = " ".join(same)
            c = put(f"anon:{desc}@{doc}" if doc else f"anon:{desc}", _display(e.name), e.type, True, e)
            c.group = f"anon:{desc}"


_Put = Callable[[str, str, EntityType, bool, Entity], Canonical]


def _strip_the(text: str) -> str:
    return re.sub(r"^(?i:the)\s+", "", text.strip())


def _role_of_word(word: str) -> bool:
    return word.lower().strip(".") in ROLE_NOUNS


def _roles(e: Entity) -> set[str]:
    """The aliases of a person that are roles the text gave them, not names."""
    surname = name_parts(e.name)[-1:] or [""]
    return {a for a in e.aliases if role_words(a)[0] and surname[0] not in fold(a).split()}


def _bare_name(e: Entity) -> bool:
    """ "Singh", "Brandt": spaCy often tags a lone surname as an organisation; it may be a person."""
    words = e.name.split()
    return (
        len(words) == 1
        and e.type in (EntityType.ORGANIZATION, EntityType.UNKNOWN)
        and words[0][:1].isupper()
        and not words[0].isupper()
    )


def _display(name: str) -> str:
    words = [w for w in name.split() if w.lower() not in _ANON_DROP]
    return " ".join(words) or name
