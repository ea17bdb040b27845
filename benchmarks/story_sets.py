"""The development story corpora the benchmark scripts read: gold folder and text folder per name.

One table for every script that walks the stories (``extraction_gaps.py``, ``match_conventions.py``),
so a story added to the development set reaches all of them at once. Gold paths are relative to the
repository; texts live in ``../stories-local/<folder>/articles`` (never committed).
"""

from __future__ import annotations

STORIES: dict[str, tuple[str, str]] = {
    "kakhovka": ("../shared/data/stories/kakhovka-dam-2023", "kakhovka-dam-2023"),
    "quake": ("../shared/data/stories/turkey-syria-earthquake-2023", "turkey-syria-earthquake-2023"),
    "crocus": ("benchmarks/stories/crocus-city-hall-2024", "crocus-city-hall-2024"),
    "derna": ("benchmarks/stories/derna-floods-2023", "derna-floods-2023"),
    "alahli": ("benchmarks/stories/al-ahli-hospital-2023", "al-ahli-hospital-2023"),
    "maui": ("benchmarks/stories/maui-wildfires-2023", "maui-wildfires-2023"),
    "balasore": ("benchmarks/stories/balasore-train-collision-2023", "balasore-train-collision-2023"),
    "herat": ("benchmarks/stories/herat-earthquakes-2023", "herat-earthquakes-2023"),
    "morocco": ("benchmarks/stories/morocco-earthquake-2023", "morocco-earthquake-2023"),
    "pylos": ("benchmarks/stories/pylos-shipwreck-2023", "pylos-shipwreck-2023"),
    "keybridge": ("benchmarks/stories/key-bridge-collapse-2024", "key-bridge-collapse-2024"),
    "noto": ("benchmarks/stories/noto-earthquake-2024", "noto-earthquake-2024"),
    "otis": ("benchmarks/stories/otis-hurricane-2023", "otis-hurricane-2023"),
    "valencia": ("benchmarks/stories/valencia-floods-2024", "valencia-floods-2024"),
    "helene": ("benchmarks/stories/hurricane-helene-2024", "hurricane-helene-2024"),
}
