"""The gazetteer: names to places, demonyms to countries, containment, capitals."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from functools import lru_cache

from .data import CityTables, CountryTables, load_cities, load_countries
from .model import Place, PlaceKind, PlaceMention
from .names import REGION_NOUNS, fold

#: The default floor for cities: GeoNames' file of places of 5,000 people or more. Smaller
#: towns are rarely in the news; each step down costs start-up time and memory and brings
#: more names that are also words ("docs/stories.md", Places).
DEFAULT_MIN_POPULATION = 5000

_POSSESSIVE = re.compile(r"^(?P<owner>.+?)['’]s\s+(?P<rest>.+)$")
_REGION_SUFFIX = re.compile(r"^(?P<stem>.+?)\s+(?P<noun>" + "|".join(sorted(REGION_NOUNS)) + r")$")
_REGION_PREFIX = re.compile(r"^(?P<noun>" + "|".join(sorted(REGION_NOUNS)) + r")\s+of\s+(?P<stem>.+)$")
_CITY_SUFFIX = re.compile(r"^(?P<stem>.+?)\s+city$")
_CITY_PREFIX = re.compile(r"^(?:city|town|village)\s+of\s+(?P<stem>.+)$")

Hint = Place | str | Iterable[Place | str] | None


class Places:
    """Names, demonyms and containment of countries, ISO 3166-2 regions and GeoNames cities.

    Countries load on first use (a few hundred records, tens of milliseconds); cities and
    regions load together on the first question that needs them, so an import of the
    package costs nothing. ``min_population`` is the floor for cities (capitals are always
    kept); GeoNames files exist from 500 up, and each step down costs start-up time and
    memory (figures in docs/stories.md).
    """

    def __init__(self, min_population: int = DEFAULT_MIN_POPULATION) -> None:
        self.min_population = min_population
        self._countries: CountryTables | None = None
        self._cities: CityTables | None = None
        self._city_places: dict[int, Place] = {}
        self._geo_index: dict[int, int] | None = None
        self._lock = threading.Lock()

    # -- loading ---------------------------------------------------------------------------
    @property
    def countries(self) -> CountryTables:
        if self._countries is None:
            with self._lock:
                if self._countries is None:
                    self._countries = load_countries()
        return self._countries

    @property
    def cities(self) -> CityTables:
        if self._cities is None:
            countries = self.countries
            with self._lock:
                if self._cities is None:
                    self._cities = load_cities(countries, self.min_population)
        return self._cities

    def _city(self, i: int) -> Place:
        p = self._city_places.get(i)
        if p is None:
            c = self.cities
            p = Place(f"geo:{c.ids[i]}", c.names[i], "city", c.countries[i], c.regions[i], c.populations[i])
            self._city_places[i] = p
        return p

    # -- by id -----------------------------------------------------------------------------
    def get(self, place_id: str) -> Place | None:
        """The place with this id: "UA", "UA-65", "geo:706448"."""
        if place_id.startswith("geo:"):
            if self._geo_index is None:
                self._geo_index = {g: i for i, g in enumerate(self.cities.ids)}
            try:
                i = self._geo_index.get(int(place_id[4:]))
            except ValueError:
                return None
            return None if i is None else self._city(i)
        if "-" in place_id:
            return self.cities.region_by_id.get(place_id)
        return self.countries.by_id.get(place_id.upper())

    def ancestors(self, place: Place) -> list[Place]:
        """Every place that contains this one, nearest first, ending with its country."""
        out: list[Place] = []
        rid = place.region
        seen = set()
        while rid and rid not in seen:
            seen.add(rid)
            r = self.cities.region_by_id.get(rid)
            if r is None:
                break
            out.append(r)
            rid = r.region
        if place.kind != "country":
            country = self.countries.by_id.get(place.country)
            if country is not None:
                out.append(country)
        return out

    def contains(self, outer: Place, inner: Place) -> bool:
        """True when ``inner`` lies strictly inside ``outer``: Kherson in Kherson Oblast, in Ukraine.

        A place does not contain itself; a city whose region is unknown is inside its
        country only. Use it to tell a subset from a total: 3,600 people evacuated in
        Kherson and 17,000 in Ukraine are not two figures for one place.
        """
        if outer.id == inner.id or outer.kind == "city":
            return False
        if outer.kind == "country":
            return inner.country == outer.id
        return any(a.id == outer.id for a in self.ancestors(inner))

    def related(self, a: Place, b: Place) -> str:
        """How two places relate: "same", "contains" (a holds b), "within" (a inside b) or "apart"."""
        if a.id == b.id:
            return "same"
        if self.contains(a, b):
            return "contains"
        if self.contains(b, a):
            return "within"
        return "apart"

    # -- names -----------------------------------------------------------------------------
    def lookup(self, name: str, *, country: Hint = None, kind: PlaceKind | None = None) -> Place | None:
        """The place a name most likely means, or None.

        Countries by any common name or spelling ("the Russian Federation", "Republic of
        Korea", "U.S.", "Türkiye"); regions in their English and ISO forms ("Kherson region",
        "Kherson Oblast", "the Kherson oblast", "Khersonska oblast", "the province of Hatay");
        cities (a capital is its city: "Moscow" is the city; see ``country_of_capital``).
        "Russia's Kursk region" is the Kursk region, looked for inside Russia. ``country``
        (a place, an ISO code, or several) prefers places inside it when a name is shared.
        """
        found = self.candidates(name, country=country, kind=kind)
        return found[0] if found else None

    def candidates(self, name: str, *, country: Hint = None, kind: PlaceKind | None = None) -> list[Place]:
        """Every place the name may mean, the likeliest first (see ``lookup``)."""
        text = name.strip()
        m = _POSSESSIVE.match(text)
        if m:
            owner = self.lookup(m.group("owner"))
            if owner is not None:
                return self.candidates(m.group("rest"), country=owner, kind=kind)
        key = fold(text)
        if not key:
            return []
        hints = self._hints(country)
        out: list[Place] = []
        if kind in (None, "country"):  # first: "Republic of Korea" is no region "of Korea"
            out += self.countries_named(key, hints)
            if hints and out and not any(p.id in hints for p in out) and kind is None:
                inside = [p for p in self.bare(key, hints) if p.country in hints]
                out = inside + out  # "Georgia" asked inside the US is the state
            if out or kind == "country":
                return _only(out, kind)
        m = _REGION_SUFFIX.match(key) or _REGION_PREFIX.match(key)
        if m and key not in self.cities.region_keys:
            out += self.regions_named(m.group("stem"), hints, stems=True)
            if not out:  # "Kakhovka district": no such region here; the town is the nearest place
                out += self.cities_named(m.group("stem"), hints)
            return _only(out, kind)
        m = _CITY_SUFFIX.match(key) or _CITY_PREFIX.match(key)
        if m:
            return _only(self.cities_named(m.group("stem"), hints), kind)
        if kind in (None, "city", "region"):
            out += self.bare(key, hints)
        return _only(out, kind)

    def bare(self, key: str, hints: frozenset[str] = frozenset()) -> list[Place]:
        """Cities and regions a bare folded name may mean: cities by their own name, then regions,
        then cities by an alternate name ("Hatay" is the province before it is Antakya)."""
        primary = self.cities_named(key, hints, alternates=False)
        regions = self.regions_named(key, hints)
        others = [p for p in self.cities_named(key, hints) if p not in primary]
        found = primary + regions + others
        if hints:  # inside the country asked for first ("Antioch" in Turkey is Antakya)
            found.sort(key=lambda p: p.country not in hints and p.id not in hints)
        return found

    def countries_named(self, key: str, hints: frozenset[str] = frozenset()) -> list[Place]:
        t = self.countries
        isos = t.keys.get(key, [])
        places = [t.by_id[i] for i in isos if i in t.by_id]
        return sorted(places, key=lambda p: (p.id not in hints, -p.population))

    def regions_named(
        self, key: str, hints: frozenset[str] = frozenset(), *, stems: bool = False, weak: bool = True
    ) -> list[Place]:
        """Regions by full name; with ``stems``, also by the name before "region", "oblast"…
        (and, when ``weak``, last, by other languages' names of the city they are named after)."""
        t = self.cities
        codes = list(t.region_keys.get(key, []))
        extra: list[str] = []
        if stems:
            codes += [c for c in t.region_stems.get(key, []) if c not in codes]
            if weak:
                extra = [c for c in t.region_alt_stems.get(key, []) if c not in codes]
        places = [t.region_by_id[c] for c in codes]

        def rank(p: Place) -> tuple:
            inside = p.country in hints or p.id in hints or (p.region in hints)
            return (not inside, p.id in t.city_regions, p.region is not None, -p.population)

        return sorted(places, key=rank) + sorted((t.region_by_id[c] for c in extra), key=rank)

    def cities_named(
        self, key: str, hints: frozenset[str] = frozenset(), *, alternates: bool = True
    ) -> list[Place]:
        t = self.cities
        scored: dict[int, float] = {}
        for j in t.keys.get(key, ()):
            i, weight = (j, 1.0) if j >= 0 else (~j, 0.5)
            if j < 0 and not alternates:
                continue
            inside = t.countries[i] in hints or (t.regions[i] in hints)
            score = (t.populations[i] + 1) * weight * (1000 if inside else 1)
            scored[i] = max(scored.get(i, 0.0), score)
        return [self._city(i) for i in sorted(scored, key=lambda i: -scored[i])]

    def _hints(self, hint: Hint) -> frozenset[str]:
        if hint is None:
            return frozenset()
        items = [hint] if isinstance(hint, (Place, str)) else list(hint)
        out: set[str] = set()
        for h in items:
            if isinstance(h, Place):
                out.add(h.id if h.kind != "city" else h.country)
                out.add(h.country)
            elif h:
                place = self.get(h) if (len(h) == 2 or "-" in h or h.startswith("geo:")) else self.lookup(h)
                if place is not None:
                    out |= {place.id, place.country}
        return frozenset(out)

    # -- demonyms and capitals ---------------------------------------------------------------
    def demonym(self, word: str) -> Place | None:
        """The country an adjective or people names: "Ukrainian" -> UA, "North Koreans" -> KP."""
        key = fold(word)
        t = self.countries
        iso = t.demonyms.get(key)
        if iso is None and key.endswith("s"):
            iso = t.demonyms.get(key[:-1])
        return t.by_id.get(iso) if iso else None

    def capital_of(self, place: Place | str) -> Place | None:
        """The capital city of a country (or of the country of a region or city)."""
        country = place if isinstance(place, Place) else self.get(place) or self.lookup(place)
        if country is None:
            return None
        iso = country.country
        name = self.countries.capitals.get(iso)
        if not name:
            return None
        hits = [p for p in self.cities_named(fold(name), frozenset({iso})) if p.country == iso]
        return hits[0] if hits else None

    def country_of_capital(self, name: str) -> Place | None:
        """The country whose capital the name is ("Moscow" -> Russia, "Kiev" -> Ukraine), else None.

        For the entity layer's metonymy ("Moscow said"): it says only that the name is a
        capital; whether the text means the government is for the caller to judge.
        """
        key = fold(name)
        t = self.countries
        for p in self.cities_named(key):
            cap = t.capitals.get(p.country)
            if cap and self.capital_of(p.country) == p:
                return t.by_id.get(p.country)
        return None

    # -- text ------------------------------------------------------------------------------
    def find(
        self, text: str, *, not_places: Iterable[str] = (), hints: Iterable[str] = ()
    ) -> list[PlaceMention]:
        """Every place named in a text, with offsets and how the text says it is held.

        ``not_places`` are names the caller knows to be something else in this text (the
        surnames of people the entity layer found). ``hints`` are countries (ISO codes) the
        text is known to be about, such as those its whole document names: a shared name is
        looked for inside them first. See ``reportedly.places.mentions``.
        """
        from .mentions import find_mentions

        return find_mentions(self, text, not_places=not_places, hints=hints)

    def countries_in(self, text: str) -> frozenset[str]:
        """The countries a text names as countries (ISO codes): the ``hints`` of its sentences.

        A report on the Valencia floods names Spain once, in its first paragraph; its later
        sentences say only "Valencia", which alone ranks Venezuela's city first.
        """
        return frozenset(m.place.id for m in self.find(text) if m.place.kind == "country")


def _only(places: list[Place], kind: PlaceKind | None) -> list[Place]:
    seen: set[str] = set()
    out = []
    for p in places:
        if (kind is None or p.kind == kind) and p.id not in seen:
            seen.add(p.id)
            out.append(p)
    return out


@lru_cache(maxsize=1)
def default_places() -> Places:
    """The process-wide gazetteer (cities from 5,000 people), loaded lazily on first question."""
    return Places()
