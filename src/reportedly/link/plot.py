"""Timeline plots (PNG or SVG) with matplotlib, an optional dependency.

Each number is a dot at its date; bounds are drawn as whiskers ("more than
10,000" as an upward arrow), and the marker says the stance, so an estimate
and a confirmation are told apart without reading the legend twice.
"""

from __future__ import annotations

from pathlib import Path

from ..model import TimelinePoint

_MARKERS = {"confirmed": "o", "asserted": "s", "estimated": "D", "reported": "^", "suspected": "v"}


class PlotUnavailable(RuntimeError):
    """matplotlib is not installed."""


def plot_timeline(measure: str, points: list[TimelinePoint], path: str | Path) -> Path:
    """Draw the series to ``path`` (the suffix picks PNG or SVG) and return the path."""
    try:
        import matplotlib

        matplotlib.use("Agg")  # files only: never open a window
        import matplotlib.pyplot as plt
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise PlotUnavailable("plotting needs matplotlib: pip install 'reportedly[plot]'") from exc
    path = Path(path)
    if path.suffix.lower() not in (".png", ".svg"):
        raise ValueError(f"{path}: write the plot to a .png or .svg file")
    dated = [p for p in points if p.date is not None and (p.value is not None or p.low is not None)]
    fig, ax = plt.subplots(figsize=(8, 4.5), dpi=120)
    # One label per place: outlets that give one number on one day would otherwise print their
    # sources on top of each other, none of them readable. Each source is named once, in order.
    labels: dict[tuple[object, float], list[str]] = {}
    try:
        for stance in sorted({p.stance.value for p in dated}):
            group = [p for p in dated if p.stance.value == stance]
            xs = [p.date for p in group]
            ys = [p.value if p.value is not None else p.low for p in group]
            ax.scatter(xs, ys, marker=_MARKERS.get(stance, "o"), label=stance, zorder=3)
            for p, y in zip(group, ys, strict=True):
                if p.low is not None and p.high is not None and p.low != p.high:
                    ax.vlines(p.date, p.low, p.high, alpha=0.5)
                elif (p.low is None) != (p.high is None):  # one bound: "over 40" points up, "up to 40" down
                    reach = y * (1.12 if p.high is None else 0.88)
                    arrow = {"arrowstyle": "->", "alpha": 0.6}
                    ax.annotate("", xy=(p.date, reach), xytext=(p.date, y), arrowprops=arrow)
                names = labels.setdefault((p.date, y), [])
                if p.source and p.source not in names:
                    names.append(p.source)
        for (day, y), names in labels.items():
            ax.annotate(", ".join(names), (day, y), textcoords="offset points", xytext=(4, 4), fontsize=7)
        ax.set_title(measure)
        ax.set_ylabel(next((p.unit for p in dated if p.unit), "value"))
        ax.grid(alpha=0.3)
        if dated:
            ax.legend(title="stance", fontsize=8)
        fig.autofmt_xdate()
        fig.tight_layout()
        path.parent.mkdir(parents=True, exist_ok=True)
        fig.savefig(path)
    finally:
        plt.close(fig)
    return path
