"""The two values the gazetteer hands out: a place, and a place mentioned in a text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

PlaceKind = Literal["country", "region", "city"]


@dataclass(frozen=True)
class Place:
    """One place of the gazetteer, comparable across documents by its stable ``id``.

    Ids are codes, not names, so that "Kherson Oblast" and "Khersonska oblast" are one
    value: a country is its ISO 3166-1 alpha-2 code (``"UA"``), a region its ISO 3166-2
    code (``"UA-65"``), a city its GeoNames id (``"geo:706448"``). ``region`` is the
    region directly above: for a city its admin-1 region (None where the GeoNames admin-1
    code could not be tied to an ISO 3166-2 code), for a region its parent region (the
    French region above a department; None for a top-level unit).
    """

    id: str
    name: str
    kind: PlaceKind
    country: str
    region: str | None = None
    population: int = 0

    @property
    def ancestor_ids(self) -> tuple[str, ...]:
        """The ids directly known above this place, nearest first, ending with its country.

        ``Places.ancestors`` walks the full chain (a department's region's parents too).
        """
        if self.kind == "country":
            return ()
        return (self.region, self.country) if self.region else (self.country,)

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True)
class PlaceMention:
    """A place named in a text: character offsets into that text, the place, and how it is held.

    ``qualifier`` is (relation, party) when the text says who holds the place:
    "Russian-occupied Kherson" -> ("occupied", "RU"), "rebel-held Idlib" -> ("held", "rebel"),
    "occupied Oleshky" -> ("occupied", None). A party that is a country is its ISO code; any
    other party is the lower-cased word of the text. ``side`` is a river bank named with it
    ("the left bank of the Kherson region" -> "left bank"). ``via`` is "name" for a name of the
    place and "demonym" for an adjective that stands for a country ("the Russian region").
    """

    start: int
    end: int
    text: str
    place: Place
    qualifier: tuple[str, str | None] | None = None
    side: str | None = None
    via: Literal["name", "demonym"] = "name"
