"""Timelines: the series of numbers given for one measure, as rows, JSON and a plot.

The points themselves come from the store (:meth:`Store.timeline`), which
keeps each counted quantity's measure and date from the last link run; this
module shapes them for people (a table) and for scripts (JSON).
"""

from __future__ import annotations

from typing import Any

from ..model import TimelinePoint


def timeline_dict(measure: str, points: list[TimelinePoint]) -> dict[str, Any]:
    """``{"measure", "points": [{"date", "value", "low", "high", "unit", "source", "stance", …}]}``."""
    return {"measure": measure, "points": [p.to_dict() for p in points]}


def value_text(p: TimelinePoint) -> str:
    """ "≥10,000", "~7,000", "3,000–5,000": how the number was bounded, at a glance."""

    def n(x: float | None) -> str:
        if x is None:
            return "?"
        return f"{int(x):,}" if float(x).is_integer() else f"{x:,}"

    approx = "~" if p.approximate else ""
    if p.low is not None and p.high is not None and p.low != p.high:
        return f"{approx}{n(p.low)}–{n(p.high)}"
    if p.low is not None and p.high is None:
        return f"≥{approx}{n(p.low)}"
    if p.high is not None and p.low is None:
        return f"≤{approx}{n(p.high)}"
    return f"{approx}{n(p.value if p.value is not None else p.low)}"
