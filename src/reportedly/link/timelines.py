"""Timelines: the series of numbers given for one measure, as rows, JSON and a plot.

The points themselves come from the store (:meth:`Store.timeline`), which
keeps each counted quantity's measure and date from the last link run; this
module shapes them for people (a table) and for scripts (JSON).
"""

from __future__ import annotations

from typing import Any

from ..model import TimelinePoint, bounded_text


def timeline_dict(measure: str, points: list[TimelinePoint]) -> dict[str, Any]:
    """``{"measure", "points": [{"date", "value", "low", "high", "unit", "source", "stance", …}]}``."""
    return {"measure": measure, "points": [p.to_dict() for p in points]}


def value_text(p: TimelinePoint) -> str:
    """ "≥10,000", "~7,000", "3,000–5,000": how the number was bounded, at a glance."""
    return bounded_text(p.value, p.low, p.high, p.approximate)
