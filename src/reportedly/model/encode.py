"""How a ledger type writes its JSON and reads it back: the keys in order, each value by its type.

Every ``to_dict`` of :mod:`.ledger` and :mod:`.stories` (and :class:`~.kinds.Measure`) is one
call of :func:`as_json`: the keys in the order the JSON has always been written, and only the
values that are not the attribute of that name written plainly (a renamed field, a count, a
sorted copy). What "plainly" means is said once, in :func:`plain`: enums by value, dates in ISO
form, ledger types by their own ``to_dict``, lists item by item. :func:`from_json` reads such
an object back by the dataclass's fields and their declared types (the types of
:mod:`.stories`; a ledger's types rebuild spans from the document text, and say so themselves).
"""

from __future__ import annotations

import types
from collections.abc import Mapping
from dataclasses import MISSING, fields
from datetime import date
from enum import Enum
from functools import cache
from typing import Any, ClassVar, Self, TypeVar, Union, get_args, get_origin, get_type_hints

T = TypeVar("T")


_AS_IS = frozenset({str, int, float, bool, dict, type(None)})


def plain(value: Any) -> Any:
    """``value`` as the ledger JSON holds it: an enum by its value, a date as ``YYYY-MM-DD``, a
    ledger type by its ``to_dict``, a list item by item (a new list); anything else as it is.

    Called for every value a ledger writes, so the common case (a str, a number, None) is one
    set lookup."""
    if type(value) in _AS_IS:  # the exact types: a StrEnum is a str but is written by value
        return value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return [plain(v) for v in value]
    to_dict = getattr(value, "to_dict", None)
    return to_dict() if to_dict is not None else value  # a ledger type; else as it is (a numpy number)


def as_json(obj: Any, keys: str, /, **values: Any) -> dict[str, Any]:
    """The JSON object of ``obj``: ``keys`` (space-separated) in order, each the value given in
    ``values`` or else ``obj``'s attribute of that name, written by :func:`plain`."""
    names = _split(keys)
    assert not values or values.keys() <= set(names), f"values for no key: {values.keys() - set(names)}"
    return {k: plain(values[k] if k in values else getattr(obj, k)) for k in names}


@cache
def _split(keys: str) -> tuple[str, ...]:
    return tuple(keys.split())


class FromJson:
    """What gives a dataclass its ``from_dict``: :func:`from_json` with the type's ``json_names``
    (field name → JSON key, for the fields its ``to_dict`` writes under another name)."""

    __slots__ = ()
    json_names: ClassVar[Mapping[str, str]] = {}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """The inverse of ``to_dict``: each field read by its declared type (:func:`from_json`);
        what ``to_dict`` derives is recomputed."""
        return from_json(cls, data, **cls.json_names)


def from_json(cls: type[T], data: Mapping[str, Any], /, **keys: str) -> T:
    """The dataclass ``cls`` from the JSON object ``data``: each field read under its own name,
    or under the key ``keys`` gives for it (``document_id="document"``), by its declared type.

    Keys that are not fields (derived values :func:`as_json` wrote) are ignored. A field missing
    from ``data`` takes its default; without one it is None if it may be, false if a flag, empty
    if a list, and otherwise a KeyError.
    """
    values = {}
    for name, hint, required in _fields(cls):
        key = keys.get(name, name)
        if key in data:
            values[name] = _read(hint, data[key])
        elif required:
            values[name] = _absent(hint, data, key)
    return cls(**values)


@cache
def _fields(cls: type) -> tuple[tuple[str, Any, bool], ...]:
    hints = get_type_hints(cls)
    return tuple(
        (f.name, hints[f.name], f.default is MISSING and f.default_factory is MISSING) for f in fields(cls)
    )


def _absent(kind: Any, data: Mapping[str, Any], key: str) -> Any:
    """What a field without a default is when its key is missing (as ``data.get`` would give)."""
    if kind is bool:
        return False
    if get_origin(kind) is list:
        return []
    if get_origin(kind) in (Union, types.UnionType) and type(None) in get_args(kind):
        return None
    return data[key]  # required: the KeyError names the key


def _read(kind: Any, value: Any) -> Any:
    """``value`` of the JSON read as the declared type ``kind`` (the inverse of :func:`plain`)."""
    if kind is bool:
        return bool(value)
    if get_origin(kind) in (Union, types.UnionType):  # ``X | None``
        (inner,) = (a for a in get_args(kind) if a is not type(None))
        if value is None or (not value and (inner is date or hasattr(inner, "from_dict"))):
            return None  # an empty date or object is none
        return _read(inner, value)
    if get_origin(kind) is list:
        return [_read(get_args(kind)[0], v) for v in value]
    if isinstance(kind, type) and issubclass(kind, Enum):
        return kind(value)
    if kind is date:
        return date.fromisoformat(value)
    if hasattr(kind, "from_dict"):
        return kind.from_dict(value)
    return value
