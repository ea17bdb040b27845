"""The places gazetteer read as the numeric conflicts and the settling of unplaced figures need
it: whether a place is a country, and which country holds a place. Split from :mod:`.numbers`."""

from __future__ import annotations

from collections.abc import Callable

#: ``country_of(place_id)``: the (id, name) of the country holding a place, or None.
CountryOf = Callable[[str], tuple[str, str] | None]


def gazetteer_is_country() -> Callable[[str], bool]:
    """Whether a place id is a country, from the places gazetteer."""
    from ..places import default_places

    gaz = default_places()

    def is_country(pid: str) -> bool:
        return (place := gaz.get(pid)) is not None and place.kind == "country"

    return is_country


def gazetteer_country_of() -> CountryOf:
    """The country a place id lies in (id and name), from the places gazetteer."""
    from ..places import default_places

    gaz = default_places()

    def country_of(pid: str) -> tuple[str, str] | None:
        place = gaz.get(pid)
        if place is None or not place.country:
            return None
        country = gaz.get(place.country)
        return (country.id, country.name) if country is not None else None

    return country_of
