"""Guard: single-article ledger quality on real web articles must not fall below recorded floors.

``reportedly eval-claims`` scores each article's ledger against the per-article claims of a story
corpus's gold (issue 16). Where the gold and the article texts are is ``story_corpora.py``.
Where either is absent, as in CI, these tests skip
and say why; ``test_eval_claims_matching.py`` and ``test_constructions.py`` guard CI instead.

The floors live in ``claim_quality_floor.json``: the figures measured when they were set (see
BENCHMARKS.md, "Single-article ledgers on real web articles") minus a 0.03 margin, so a rule that
helps one corpus and hurts another is caught here rather than at the next benchmark run.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from story_corpora import load_corpus

FLOORS = json.loads((Path(__file__).with_name("claim_quality_floor.json")).read_text(encoding="utf-8"))


@cache
def _report(story: str) -> dict[str, Any]:
    from reportedly.eval.claims import evaluate_claims_corpus

    return evaluate_claims_corpus(load_corpus(story))


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
