"""Organisation names across documents: the parts of a name (country, kind of body, domain), its
short forms, and the index that decides which gathered organisation a new mention belongs to.

"Ukraine's interior ministry", "the Ukrainian Interior Ministry" and "Interior Ministry of
Ukraine" have one country, one head ("ministry") and one domain ("interior"); "WHO" and "World
Health Organisation" share a short form. :class:`Organisations` blocks candidates by spelling,
short form and head so a corpus is compared in near-linear time. Used by
:class:`reportedly.link.entities.EntityIndex`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from anyascii import anyascii
from rapidfuzz.distance import Levenshtein

from ..extract.gazetteer import Gazetteer, normalise_key, slug
from ..extract.roles import same_stem
from ..model import Entity, EntityType

#: Head nouns that name the same kind of body: a spy service is a spy agency.
_HEAD_CLASS = {
    "ministry": "ministry",
    "department": "ministry",
    "agency": "agency",
    "service": "agency",
    "authority": "agency",
    "bureau": "agency",
    "directorate": "agency",
    "intelligence": "agency",
    "military": "military",
    "army": "military",
    "forces": "military",
    "idf": "military",
}
#: Nouns for a country's intelligence as a whole: "the US intelligence community", "US intelligence
#: services", "American intelligence agencies" are one voice (its intelligence), written three ways.
_COLLECTIVE = frozenset({"community", "services", "agencies"})
#: Words a country's armed forces are named with besides its name: "Israel Defense Forces", "the
#: Armed Forces of Ukraine" and "Israel's military" are each the one military of their country.
_MILITARY_WORDS = frozenset({"armed", "defense", "defence", "national", "s"})


#: Domain words written two ways in English news: "spy"/"intelligence", "internal"/"interior affairs".
_DOMAIN_SAME = {
    "spy": "intelligence",
    "internal": "interior",
    "defence": "defense",
    "emergencies": "emergency",
}


ORG_STOP = frozenset({"the", "a", "an", "of", "for", "and", "on", "&", "its", "s"})


CountryOf = Callable[[str], str | None]


def fold(text: str) -> str:
    """ASCII, lower case, letters, digits and spaces: "Erdoğan" -> "erdogan", "Зеленський" -> "zelenskiy"."""
    return " ".join(re.sub(r"[^a-z0-9\s-]+", "", anyascii(text).lower()).replace("-", " ").split())


def same_country(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and (a == b or same_stem(a, b))


@dataclass(frozen=True, slots=True)
class OrgParts:
    """An organisation description as comparable parts: "Ukraine's interior ministry"."""

    country: str | None
    head: str  # the head noun's class: "ministry", "agency", or the noun itself
    domain: frozenset[str]
    proper: bool = False  # written as a name ("Interior Ministry"), not a description ("emergency services")

    @property
    def national_military(self) -> bool:
        """A country's armed forces named by the country alone ("Israel's military", "the Israeli
        army", "Israel Defense Forces"): a country has one, so no domain word is needed to know it."""
        return self.head == "military" and self.country is not None and not self.domain

    @property
    def comparable(self) -> bool:
        """Parts that can name one body: a domain ("interior ministry"), or a country's military."""
        return bool(self.domain) or self.national_military

    def fits(self, other: OrgParts) -> bool:
        """Same kind of body, no two different countries, one domain inside the other."""
        if self.national_military and other.national_military:
            return same_country(self.country, other.country)
        if not _same_word(self.head, other.head) or not self.domain or not other.domain:
            return False
        if self.country and other.country and not same_country(self.country, other.country):
            return False
        small, big = sorted((self.domain, other.domain), key=len)
        return all(any(_same_word(w, x) for x in big) for w in small)


def same_words(a: list[str], b: list[str]) -> bool:
    """Two names of 2+ words that differ in spelling only, word by word."""
    a = [w for w in a if w not in ORG_STOP]
    return len(a) >= 2 and len(a) == len(b) and all(map(_same_word, a, b))


def _same_word(a: str, b: str) -> bool:
    """One word: equal, an adjective or plural of the other, or one letter apart (defence/defense)."""
    return a == b or same_stem(a, b) or (min(len(a), len(b)) >= 5 and Levenshtein.distance(a, b) <= 1)


def org_parts(name: str, country_of: CountryOf) -> OrgParts | None:
    """Country, head class and domain words of an organisation name, or None when it has no head."""
    text = re.sub(r"\s*\([^()]*\)?$", "", name.replace("’", "'")).strip()
    text = _RUN_BY.sub("", text).strip()  # "Hamas-run health ministry": who runs it is no part of its name
    text = re.sub(r"\s+in\s+(?=[A-Z])", " of ", text)  # "the health ministry in Gaza" = "… of Gaza"
    country: str | None = None
    m = re.match(r"^(?:[Tt]he\s+)?(.+?)'s?\s+(.+)$", text, re.I)  # "Ukraine's interior ministry"
    if m and (owner := country_of(m.group(1))):
        country, text = owner, m.group(2)
    text = re.sub(r"(?<=\w)'s?(?=\s)", "", text)  # "Gaza's health ministry" = "Gaza health ministry"
    m = re.match(r"^(.+?)\s+of\s+(?:the\s+)?(.+)$", text, re.I)  # "Ministry of Health of Syria"
    tail: list[str] = []
    if m:
        text = m.group(1)
        for part in re.split(r"\s+of\s+(?:the\s+)?", m.group(2), flags=re.I):
            owner = country_of(part)
            if owner and not country:
                country = owner
            elif not owner:
                tail += fold(part).split()
    words = fold(text).split()
    while words and words[0] in ORG_STOP:
        words = words[1:]
    if not words:
        return None
    for n in (2, 1):  # "South Korean intelligence", "Ukrainian Interior Ministry"
        if len(words) > n and (owner := country_of(" ".join(words[:n]))):
            country = country or owner
            words = words[n:]
            break
    written = [w for w in re.findall(r"[^\W\d_][\w'-]*", text) if w.lower() not in ORG_STOP]
    proper = bool(written) and all(w[:1].isupper() for w in written[-len(words) :])
    head = _HEAD_CLASS.get(words[-1], words[-1])
    if words[-1] in _COLLECTIVE and "intelligence" in words[:-1]:  # "US intelligence community/services"
        head = "agency"
    domain = [_DOMAIN_SAME.get(w, w) for w in words[:-1] + tail if w not in ORG_STOP]
    if head == "military":
        domain = [w for w in domain if w not in _MILITARY_WORDS]
    if head == "agency" and words[-1] == "intelligence":
        domain.append("intelligence")
    return OrgParts(country, head, frozenset(domain), proper)


_RUN_BY = re.compile(r"\b[\w'’]+-(?:run|controlled|led|backed|held)\s+", re.I)

#: Words after an organisation's name that describe it rather than name it: "the Libyan Red
#: Crescent aid organization", "Libyan Red Crescent Society" are the Libyan Red Crescent.
_GENERIC_TAIL = frozenset(
    {"society", "organization", "organisation", "aid", "charity", "group", "humanitarian"}
)


def base_name(name: str, country_of: CountryOf) -> tuple[str, ...] | None:
    """An organisation name without what outlets add around it, for comparing two written names:
    brackets anywhere ("International Organization for Migration (IOM) Libya"), a country or a
    describing word after it ("… Libya", "… aid organization", "… Society"), "UN" spelled out
    ("UN Office for …" = "United Nations Office for …"). None for fewer than two name words
    or a name not written as one (a description: "emergency services")."""
    text = re.sub(r"\([^()]*\)?", " ", name)
    written = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text) if w.lower() not in ORG_STOP]
    if sum(1 for w in written if w[:1].isupper()) < 2:
        return None
    words = [w for w in fold(text).split() if w not in ORG_STOP]
    if words[:1] == ["un"]:
        words = ["united", "nations", *words[1:]]
    while len(words) > 2 and (words[-1] in _GENERIC_TAIL or country_of(words[-1])):
        words = words[:-1]
    return tuple(words) if len(words) >= 2 else None


def with_short_form(entity: Entity, written: str | None) -> Entity:
    """The entity with the way a report wrote it as one more alias, where that writing gives a short
    form in brackets ("the French military intelligence directorate (DRM) said"): the report binds
    the two, and "the DRM said" later in it, or in another report, is that body."""
    if not written or written in entity.aliases:
        return entity
    _name, short = repair(written)
    if not any(is_acronym(s) for s in short):
        return entity
    return Entity(entity.id, entity.name, entity.type, [*entity.aliases, written], entity.anonymous)


def initials(name: str) -> str:
    words = [w for w in re.split(r"[\s-]+", name.replace(".", "")) if w]
    return "".join(w[0] for w in words if w[0].isupper() and w.lower() not in ORG_STOP).upper()


def embedded_acronym(name: str) -> list[str]:
    """The one acronym a described name is built on: "FSB security service", "Russia's FSB
    security service" -> ["FSB"]. Only where every other word is lower case or a possessive
    qualifier ("Russia's"): "FSB Director Alexander Bortnikov" names a person, not the body."""
    words = name.replace("’", "'").split()
    caps = [w for w in words if is_acronym(w)]
    rest = [w for w in words if not is_acronym(w)]
    if len(caps) != 1 or not rest or not all(w[:1].islower() or w.endswith("'s") for w in rest):
        return []
    return caps


def is_acronym(name: str) -> bool:
    return bool(re.fullmatch(r"[A-Z][A-Z&]{1,7}", name.strip()))


def repair(name: str) -> tuple[str, list[str]]:
    """A mention's name without a broken or bracketed short form, and that short form.

    "National Intelligence Service(NIS" -> ("National Intelligence Service", ["NIS"]);
    "the Syrian Civil Defense (White Helmets)" -> ("the Syrian Civil Defense", ["White Helmets"]).
    """
    m = re.match(r"^(.*?\S)\s*\(([^()]*)\)?\s*$", name)
    if not m or not m.group(1).strip():
        return name, []
    short = m.group(2).strip()
    return m.group(1).strip(), [short] if short else []


_GROUP_NOUN = r"(?:group|organi[sz]ation|movement|militia|network|faction)"
_NAMED_AFTER = re.compile(
    rf"^(?:[Tt]he\s+)?(?:[\w-]+\s+){{0,4}}?{_GROUP_NOUN}\s+(?P<core>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){{0,4}})$"
)
_NAMED_BEFORE = re.compile(
    rf"^(?:[Tt]he\s+)?(?P<core>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){{0,4}})(?:\s+[a-z][\w-]*){{0,3}}\s+{_GROUP_NOUN}$"
)


def descriptor_cores(name: str) -> list[str]:
    """The proper name inside a described mention: "Militant Islamist group Islamic State" ->
    "Islamic State", "the ISIS transnational jihadist group" -> "ISIS", "ISIS itself" -> "ISIS".

    Outlets wrap one organisation's name in their own descriptions; the name is what the
    gazetteer and the other articles know it by.
    """
    text = re.sub(r"\s+(?:itself|themselves)$", "", name.strip())
    out = [text] if text != name.strip() else []
    for pattern in (_NAMED_AFTER, _NAMED_BEFORE):
        m = pattern.match(text)
        if m and m.group("core") != text:
            out.append(m.group("core"))
    return out


@dataclass(slots=True)
class Org:
    """An organisation being gathered: its key, name, and the descriptions and short forms it has."""

    key: str
    name: str
    type: EntityType
    parts: list[OrgParts] = field(default_factory=list)
    short: set[str] = field(default_factory=set)  # acronyms written and initials of its names
    names: list[list[str]] = field(default_factory=list)
    bases: set[tuple[str, ...]] = field(default_factory=set)


class Organisations:
    """The organisations of a corpus, looked up by key, spelling, short form and parts (blocked)."""

    def __init__(self, country_of: CountryOf) -> None:
        self.country_of = country_of
        self.by_key: dict[str, Org] = {}
        self.by_short: dict[str, list[Org]] = defaultdict(list)
        self.by_spelling: dict[tuple[int, str], list[Org]] = defaultdict(list)
        self.by_head: dict[str, list[Org]] = defaultdict(list)
        self.by_base: dict[tuple[str, ...], list[Org]] = defaultdict(list)

    def get(self, key: str) -> Org | None:
        return self.by_key.get(key)

    def add(self, org: Org, aliases: Iterable[str]) -> None:
        self.by_key.setdefault(org.key, org)
        for alias in aliases:
            name, short = repair(alias)
            words = [w for w in fold(name).split() if w not in ORG_STOP]
            if len(words) >= 2 and words not in org.names:
                org.names.append(words)
                _add(self.by_spelling[(len(words), words[0][:1])], org)
            base = base_name(alias, self.country_of)
            if base is not None and base not in org.bases:
                org.bases.add(base)
                _add(self.by_base[base], org)
            for s in [name, *short, *_unprefixed(name), *embedded_acronym(name)]:
                letters = s.strip() if is_acronym(s) else initials(s)
                if len(letters) >= 2 and letters not in org.short:
                    org.short.add(letters)
                    _add(self.by_short[letters], org)
            parts = org_parts(name, self.country_of)
            if parts is not None and parts.comparable and parts not in org.parts:
                org.parts.append(parts)
                _add(self.by_head[parts.head[:3]], org)

    def home(self, name: str, parts: OrgParts | None, short: Sequence[str] = ()) -> Org | None:
        """The one organisation a mention belongs to, or None (none, or several fit)."""
        exact = self.by_key.get(slug(normalise_key(name)))
        if exact is not None:
            return exact
        words = [w for w in fold(name).split() if w not in ORG_STOP]
        if len(words) >= 2:  # "World Health Organisation" / "World Health Organization"
            spelled = [
                o
                for o in self.by_spelling.get((len(words), words[0][:1]), [])
                if any(same_words(words, n) for n in o.names)
            ]
            if len(spelled) == 1:
                return spelled[0]
        base = base_name(name, self.country_of)
        if base is not None and len(self.by_base.get(base, [])) == 1:
            return self.by_base[base][0]
        wanted = (
            [name.strip()]
            if is_acronym(name)
            else [s for s in [*short, *embedded_acronym(name)] if is_acronym(s)]
        )
        if wanted:  # "WHO", "(OCHA)", "Norway's NORSAR institute"
            found = {id(o): o for w in wanted for o in self.by_short.get(w, [])}
            if len(found) == 1:
                return next(iter(found.values()))
            if is_acronym(name):
                return None
        # a description without a country joins only as a name: "Interior Ministry" may be the one
        # ministry the corpus qualifies, "emergency services" in two articles are not known to be one.
        # A ministry is named by its domain however it is cased ("the health ministry in Gaza" is
        # written lower case by most style books): a government has one of each.
        if (
            parts is None
            or not parts.comparable
            or not (parts.country or parts.proper or parts.head == "ministry")
        ):
            return None
        fits = [
            o
            for o in self.by_head.get(parts.head[:3], [])
            if any(parts.fits(p) and (p.country or p.proper or _placed_ministry(p)) for p in o.parts)
        ]
        if parts.country:  # a qualified description prefers the body of its own country
            own = [o for o in fits if any(same_country(parts.country, p.country) for p in o.parts)]
            fits = own or [o for o in fits if not any(p.country for p in o.parts)]
        return fits[0] if len(fits) == 1 else None


def _placed_ministry(parts: OrgParts) -> bool:
    """A ministry written in lower case with a place and its domain ("Gaza's health ministry"): as
    particular as its capitalised name ("Gaza Health Ministry"), so a home for other writings of it."""
    return parts.head == "ministry" and len(parts.domain) >= 2


def _unprefixed(name: str) -> list[str]:
    """A UN body's name without "UN": its acronym is made of the rest ("UN Office for the
    Coordination of Humanitarian Affairs" is OCHA)."""
    m = re.match(r"^(?:the\s+)?(?:UN|U\.N\.|United Nations)\s+(?P<rest>[A-Z].*)$", name.strip())
    return [m.group("rest")] if m else []


def _add(bucket: list[Org], org: Org) -> None:
    if all(o is not org for o in bucket):
        bucket.append(org)


def gazetteer_country(gaz: Gazetteer) -> CountryOf:
    """``country_of`` from the gazetteer's country rows: "Seoul" -> "south korea", "Turkish" -> "turkey".

    A word that names no known country is its own key, so "Norwegian" still
    matches "Norway's" by their shared stem in :func:`same_country`.
    """
    countries = {name.lower() for name, t in gaz.by_key.values() if t is EntityType.COUNTRY}

    def country_of(text: str) -> str | None:
        hit = gaz.lookup(text)
        if hit and hit[1] is EntityType.COUNTRY:
            return hit[0].lower()
        words = fold(text).split()  # "Turkish" ~ "turkey", "South Korean" ~ "south korea", word by word
        found = [
            c for c in countries if len(c.split()) == len(words) and all(map(same_stem, words, c.split()))
        ]
        if len(found) == 1:
            return found[0]
        return None if found else _places_country(text)

    return country_of


def _places_country(text: str) -> str | None:
    """A country the places gazetteer knows by name or demonym ("Libya", "Libyan"), for the
    countries the alias table does not list: "International Organization for Migration Libya"
    is the IOM, "Libyan Red Crescent" has a country like "Turkish Red Crescent" has."""
    from ..places import default_places

    places = default_places()
    key = fold(text)
    if not key:
        return None
    named = places.countries_named(key)
    hit = named[0] if len(named) == 1 else places.demonym(key) if " " not in key else None
    return hit.name.lower() if hit is not None else None
