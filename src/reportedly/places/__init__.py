"""Places: a gazetteer of countries, regions and cities, built from offline packages."""

from .gazetteer import DEFAULT_MIN_POPULATION, Places, default_places
from .model import Place, PlaceKind, PlaceMention

__all__ = ["DEFAULT_MIN_POPULATION", "Place", "PlaceKind", "PlaceMention", "Places", "default_places"]
