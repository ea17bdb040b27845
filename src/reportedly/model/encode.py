"""How a ledger type writes its JSON: the keys in order, each value by its type.

Every ``to_dict`` of :mod:`.ledger` and :mod:`.stories` (and :class:`~.kinds.Measure`) is one
call of :func:`as_json`: the keys in the order the JSON has always been written, and only the
values that are not the attribute of that name written plainly (a renamed field, a count, a
sorted copy). What "plainly" means is said once, in :func:`plain`: enums by value, dates in ISO
form, ledger types by their own ``to_dict``, lists item by item.
"""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Any


def plain(value: Any) -> Any:
    """``value`` as the ledger JSON holds it: an enum by its value, a date as ``YYYY-MM-DD``, a
    ledger type by its ``to_dict``, a list item by item (a new list); anything else as it is."""
    if isinstance(value, Enum):  # before str: the vocabularies are StrEnums
        return value.value
    if value is None or isinstance(value, str | int | float | dict):
        return value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value.to_dict()


def as_json(obj: Any, keys: str, /, **values: Any) -> dict[str, Any]:
    """The JSON object of ``obj``: ``keys`` (space-separated) in order, each the value given in
    ``values`` or else ``obj``'s attribute of that name, written by :func:`plain`."""
    names = keys.split()
    assert values.keys() <= set(names), f"values for keys not written: {values.keys() - set(names)}"
    return {k: plain(values[k] if k in values else getattr(obj, k)) for k in names}
