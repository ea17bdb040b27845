"""Place names in another language's script ("Херсон", "Києві", "서울"), to the gazetteer's places.

The English path finds places by their Latin names; a Korean, Russian or Ukrainian measure
must reach the same ids (``geo:1835848`` for "서울" and "Seoul") or its series never meets the
English one. No name is written here: the names come from the packages the gazetteer already
reads (see :mod:`.data`):

* cities: GeoNames' ``alternatenames`` in the language's script (Cyrillic or Hangul), for the
  cities the gazetteer holds (from its population floor up);
* countries and ISO 3166-2 regions: pycountry's gettext catalogues (``iso3166-1``,
  ``iso3166-2``) for the language ("Херсонская область", "대한민국"), CLDR's everyday country
  names through Babel ("Росія", "러시아", where the catalogues have "Російська Федерація"),
  and countryinfo's native names and spellings in the script ("Россия").

Russian and Ukrainian names are inflected in text ("в Херсонской области"), so a name is
indexed by the lemmas of its words (and as written, lower-cased), and the caller looks text
up by the lemmas of its words (``normalise``: pymorphy3's normal forms, as the readers use).
GeoNames also lists some inflected forms as names ("Херсонскую"): their lemmas fall on the
same key. A Korean name is its noun as written: the caller strips the particles (kiwipiepy)
before looking it up.

Where one key names several places the country ranks first, then the most populous city, then
the region: a bare name in the news is the best-known place of that name, and a city that is
also a region ("서울", "Москва") is the city, as the English lookup reads "Seoul".
"""

from __future__ import annotations

import gettext
import json
import re
import threading
from collections.abc import Callable

from .gazetteer import Places
from .model import Place

#: the script a language's place names are written in
SCRIPTS: dict[str, str] = {
    "ru": r"[А-Яа-яЁёІіЇїЄєҐґ'’ -]+",
    "uk": r"[А-Яа-яЁёІіЇїЄєҐґ'’ -]+",
    "ko": r"[가-힣 ]+",
}
#: the longest name, in words, a text is searched for ("Херсонская область" is two)
MAX_WORDS = 3
#: the shortest name kept: one Hangul syllable block is a word, not a place ("서" is a town too)
MIN_LENGTH: dict[str, int] = {"ru": 3, "uk": 3, "ko": 2}
_RANK = {"country": 0, "city": 1, "region": 2}


class ScriptNames:
    """Names of the gazetteer's places in one language, keyed by ``normalise`` (built on first use).

    ``normalise`` turns a name (one or more words) into its key: lemmas joined by spaces for
    Russian and Ukrainian, the name itself for Korean. The text side must be normalised the
    same way.
    """

    def __init__(self, places: Places, code: str, normalise: Callable[[str], str]) -> None:
        self.places = places
        self.code = code
        self.normalise = normalise
        self._keys: dict[str, list[Place]] | None = None
        self._lock = threading.Lock()

    def get(self, key: str) -> Place | None:
        """The place a normalised name names, or None."""
        found = self.keys.get(key)
        return found[0] if found else None

    @property
    def keys(self) -> dict[str, list[Place]]:
        if self._keys is None:
            with self._lock:
                if self._keys is None:
                    self._keys = self._build()
        return self._keys

    def _build(self) -> dict[str, list[Place]]:
        import pycountry

        script = re.compile(SCRIPTS[self.code])
        keys: dict[str, list[Place]] = {}

        def add(name: str, place: Place) -> None:
            name = name.strip()
            if (
                len(name) < MIN_LENGTH[self.code]
                or not script.fullmatch(name)
                or len(name.split()) > MAX_WORDS
            ):
                return
            for key in {self.normalise(name), " ".join(name.lower().split())}:
                if key and place not in keys.setdefault(key, []):
                    keys[key].append(place)

        countries = self.places.countries
        for lang_domain, items in (
            ("iso3166-1", [(iso, p.name) for iso, p in countries.by_id.items()]),
            ("iso3166-2", [(s.code, s.name) for s in pycountry.subdivisions]),
        ):
            try:
                tr = gettext.translation(lang_domain, pycountry.LOCALES_DIR, languages=[self.code])
            except OSError:
                continue
            for code, english in items:
                place = self.places.get(code)
                if place is None:
                    continue
                names = {english}
                if lang_domain == "iso3166-1":
                    c = pycountry.countries.get(alpha_2=code)
                    names |= {getattr(c, a, None) or "" for a in ("name", "official_name", "common_name")}
                for n in names:
                    local = tr.gettext(n) if n else n
                    if local and local != n:
                        add(local, place)
        from babel import Locale

        # the everyday name in the language ("Росія", "러시아", "Сполучені Штати") from CLDR,
        # where the ISO catalogues have the official one ("Російська Федерація", "러시아 연방")
        territories = Locale(self.code).territories
        for iso in countries.by_id:
            place, local = self.places.get(iso), territories.get(iso)
            if place is not None and local:
                add(local, place)
        from countryinfo import all_countries

        for info in all_countries():  # a country's own name ("Россия") where gettext has its official one
            try:
                place = self.places.get(info.iso(2) or "")
                data = info.info()
            except Exception:  # pragma: no cover - a record without codes
                continue
            if place is not None and place.kind == "country":
                for n in [data.get("nativeName") or "", *(data.get("altSpellings") or [])]:
                    add(n, place)
        cities = self.places.cities
        index = {g: i for i, g in enumerate(cities.ids)}
        wanted: list[tuple[int, list[str]]] = []

        def city(rec: dict):
            if "geonameid" not in rec:
                return rec
            i = index.get(int(rec["geonameid"]))
            if i is not None:
                local = [a for a in rec.get("alternatenames") or () if script.fullmatch(a)]
                if local:
                    wanted.append((i, local))
            return None

        from .data import city_file

        path, _ = city_file(self.places.min_population)
        with open(path, encoding="utf-8") as fh:
            json.load(fh, object_hook=city)
        for i, names in wanted:
            place = self.places.get(f"geo:{cities.ids[i]}")
            if place is not None:
                for n in names:
                    add(n, place)
        for found in keys.values():
            found.sort(key=lambda p: (_RANK[p.kind], -p.population))
        return keys
