"""Guard: single-article ledger quality on real web articles must not fall below recorded floors.

``reportedly eval-claims`` scores each article's ledger against the per-article claims of a story
corpus's gold (issue 16). The gold lives in ``../shared/data/stories`` (Kakhovka, the earthquake:
developed on) and ``benchmarks/stories`` (Crocus: held out, never tuned on); the article texts are
third-party pages collected outside the repository (``../stories-local/<story>/articles`` beside
the clone, or ``$REPORTEDLY_STORIES_LOCAL``). Where either is absent, as in CI, these tests skip
and say why; ``test_eval_claims_matching.py`` and ``test_constructions.py`` guard CI instead.

The floors live in ``claim_quality_floor.json``: the figures measured when they were set (see
BENCHMARKS.md, "Single-article ledgers on real web articles") minus a 0.03 margin, so a rule that
helps one corpus and hurts another is caught here rather than at the next benchmark run.
"""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
FLOORS = json.loads((Path(__file__).with_name("claim_quality_floor.json")).read_text(encoding="utf-8"))
SHARED = ROOT.parent / "shared" / "data" / "stories"
GOLD = {
    "kakhovka-dam-2023": SHARED / "kakhovka-dam-2023",
    "turkey-syria-earthquake-2023": SHARED / "turkey-syria-earthquake-2023",
    "crocus-city-hall-2024": ROOT / "benchmarks" / "stories" / "crocus-city-hall-2024",
}
TEXTS = Path(os.environ.get("REPORTEDLY_STORIES_LOCAL", ROOT.parent / "stories-local"))


@cache
def _report(story: str) -> dict[str, Any]:
    from reportedly.corpora.stories import load_story_corpus
    from reportedly.eval.claims import evaluate_claims_corpus

    gold, articles = GOLD[story], TEXTS / story / "articles"
    if not (gold / "gold.json").is_file():
        pytest.skip(f"story gold not found at {gold} (checkout without ../shared)")
    if not articles.is_dir():
        pytest.skip(
            f"article texts of {story} not collected at {articles}: collect them as "
            "../shared/data/stories/README.md says, or set REPORTEDLY_STORIES_LOCAL"
        )
    return evaluate_claims_corpus(load_story_corpus(gold, articles))


@pytest.mark.slow  # analyses some twenty real web articles
@pytest.mark.parametrize("story", sorted(k for k in FLOORS if not k.startswith("_")))
def test_ledgers_keep_their_floors(story: str) -> None:
    report = _report(story)
    low = {
        name: (report[name], floor)
        for name, floor in FLOORS[story].items()
        if not name.startswith("_") and report[name] < floor
    }
    assert not low, f"{story}: below the floor (measured, floor): {low}"
