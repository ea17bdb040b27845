"""Guard: story-layer quality on the real multi-outlet corpora must not fall below recorded floors.

The corpora's gold lives in ``../shared/data/stories`` (Kakhovka, the earthquake) and in
``benchmarks/stories`` (Crocus, developed on since 2026-12-04; Derna, held out: never tuned on);
their article texts are third-party
pages each user collects once into a folder outside the repository (``../stories-local/<story>/
articles`` beside the clone, or ``$REPORTEDLY_STORIES_LOCAL/<story>/articles``). Where the texts or
the gold are absent, as in CI, these tests skip and say why; the hand-written fixture corpus
(``test_link_story.py``, ``test_eval_stories.py``) guards CI instead.

The floors live in ``story_quality_floor.json``: the figures measured when they were set (see
BENCHMARKS.md, "Story layer on real news") minus a 0.03 margin, so a rule change that helps one
story and hurts another is caught here instead of at the next benchmark run.
"""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
FLOORS = json.loads((Path(__file__).with_name("story_quality_floor.json")).read_text(encoding="utf-8"))
SHARED = ROOT.parent / "shared" / "data" / "stories"
GOLD = {
    "kakhovka-dam-2023": SHARED / "kakhovka-dam-2023",
    "turkey-syria-earthquake-2023": SHARED / "turkey-syria-earthquake-2023",
    "crocus-city-hall-2024": ROOT / "benchmarks" / "stories" / "crocus-city-hall-2024",
    "derna-floods-2023": ROOT / "benchmarks" / "stories" / "derna-floods-2023",
}
TEXTS = Path(os.environ.get("REPORTEDLY_STORIES_LOCAL", ROOT.parent / "stories-local"))


@cache
def _report(story: str) -> dict[str, Any]:
    from reportedly.corpora.stories import load_story_corpus
    from reportedly.eval.stories import evaluate_story_corpus

    gold, articles = GOLD[story], TEXTS / story / "articles"
    if not (gold / "gold.json").is_file():
        pytest.skip(f"story gold not found at {gold} (checkout without ../shared)")
    if not articles.is_dir():
        pytest.skip(
            f"article texts of {story} not collected at {articles}: collect them as "
            "../shared/data/stories/README.md says, or set REPORTEDLY_STORIES_LOCAL"
        )
    return evaluate_story_corpus(load_story_corpus(gold, articles))


def _figure(report: dict[str, Any], path: str) -> float:
    value: Any = report
    for key in path.split("."):
        value = value[key]
    return float(value)


@pytest.mark.slow  # ingests and links a real multi-outlet story
@pytest.mark.parametrize("story", sorted(k for k in FLOORS if not k.startswith("_")))
def test_story_layer_keeps_its_floors(story: str) -> None:
    report = _report(story)
    low = {
        path: (_figure(report, path), floor)
        for path, floor in FLOORS[story].items()
        if not path.startswith("_") and _figure(report, path) < floor
    }
    assert not low, f"{story}: below the floor (measured, floor): {low}"
