"""The real multi-outlet story corpora the quality-floor tests score: where their gold and their
article texts are, and a skip with the reason where either is absent (as in CI).

The gold lives in ``../shared/data/stories`` (Kakhovka, the earthquake) and in
``benchmarks/stories`` (Crocus, developed on since 2026-12-04; Derna and the al-Ahli hospital
explosion, held out until their scores were recorded, developed on since 2026-12-05; the Maui
wildfires, held out in round 6 and scored once at its end, developed on since; the Balasore
train collision, held out in round 7 and scored once before and once after its work; Herat,
Morocco, the Pylos shipwreck, the Key Bridge collapse, the Noto Peninsula earthquake, Hurricane
Otis and the Valencia floods, held out in rounds 8 to 14 likewise); the
article texts are third-party pages each user collects once into a folder outside the repository
(``../stories-local/<story>/articles`` beside the clone, or ``$REPORTEDLY_STORIES_LOCAL``).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data" / "stories"
GOLD = {
    "kakhovka-dam-2023": SHARED / "kakhovka-dam-2023",
    "turkey-syria-earthquake-2023": SHARED / "turkey-syria-earthquake-2023",
    "crocus-city-hall-2024": ROOT / "benchmarks" / "stories" / "crocus-city-hall-2024",
    "derna-floods-2023": ROOT / "benchmarks" / "stories" / "derna-floods-2023",
    "al-ahli-hospital-2023": ROOT / "benchmarks" / "stories" / "al-ahli-hospital-2023",
    "maui-wildfires-2023": ROOT / "benchmarks" / "stories" / "maui-wildfires-2023",
    "balasore-train-collision-2023": ROOT / "benchmarks" / "stories" / "balasore-train-collision-2023",
    "herat-earthquakes-2023": ROOT / "benchmarks" / "stories" / "herat-earthquakes-2023",
    "morocco-earthquake-2023": ROOT / "benchmarks" / "stories" / "morocco-earthquake-2023",
    "pylos-shipwreck-2023": ROOT / "benchmarks" / "stories" / "pylos-shipwreck-2023",
    "key-bridge-collapse-2024": ROOT / "benchmarks" / "stories" / "key-bridge-collapse-2024",
    "noto-earthquake-2024": ROOT / "benchmarks" / "stories" / "noto-earthquake-2024",
    "otis-hurricane-2023": ROOT / "benchmarks" / "stories" / "otis-hurricane-2023",
    "valencia-floods-2024": ROOT / "benchmarks" / "stories" / "valencia-floods-2024",
    "hurricane-helene-2024": ROOT / "benchmarks" / "stories" / "hurricane-helene-2024",
}
TEXTS = Path(os.environ.get("REPORTEDLY_STORIES_LOCAL", ROOT.parent / "stories-local"))


def load_corpus(story: str):  # noqa: ANN201 - a reportedly.corpora.stories.StoryCorpus
    """The story's gold and texts, or a skip naming what is missing and how to get it."""
    from reportedly.corpora.stories import load_story_corpus

    gold, articles = GOLD[story], TEXTS / story / "articles"
    if not (gold / "gold.json").is_file():
        pytest.skip(f"story gold not found at {gold} (checkout without ../shared)")
    if not articles.is_dir():
        pytest.skip(
            f"article texts of {story} not collected at {articles}: collect them as "
            "../shared/data/stories/README.md says, or set REPORTEDLY_STORIES_LOCAL"
        )
    return load_story_corpus(gold, articles)
