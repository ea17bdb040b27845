"""Floors under the figures recorded in BENCHMARKS.md for the Korean, Russian and Ukrainian gold sets.

The article texts are third-party pages kept outside the repository (see each GOLD.md):
``$REPORTEDLY_STORIES_LOCAL/lang-{ko,ru,uk}/articles`` and, for the second development sets,
``lang-dev2-{ru,uk}/articles``, and for the sets held out until round 4 and development text from
round 5, ``heldout-{ru,uk}/articles``, and for the sets held out in round 5 (scored once at its
end, development text from round 6), ``heldout2-{ru,uk}/articles``, and for the sets held out in
round 6 (scored once at its end), ``heldout3-{ru,uk}/articles``, and for the sets held out in
round 7 (scored once before and once after its work), ``heldout4-{ru,uk}/articles``, and for the
sets held out in round 8 (likewise), ``heldout5-{ru,uk}/articles``, and for those held out in
round 9 (likewise), ``heldout6-{ru,uk}/articles``, and for those held out in round 10 (likewise),
``heldout7-{ru,uk}/articles``, and for those held out in round 11 (likewise),
``heldout8-{ru,uk}/articles``, and for those held out in round 12 (likewise),
``heldout9-{ru,uk}/articles``, and for those held out in round 13 (likewise),
``heldout10-{ru,uk}/articles``, and for those held out in round 14 (likewise),
``heldout11-{ru,uk}/articles``; by default
``../stories-local`` beside the checkout.
Without them the test skips and says where it looked. The floors sit a little under the recorded
figures so that a change that loses ground fails here. Sets still held out have no floor: they are
scored once at the end of a round, never while rules are written.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LOCAL = Path(os.environ.get("REPORTEDLY_STORIES_LOCAL", ROOT.parent / "stories-local"))

#: gold set (a folder of benchmarks/languages) → its language and its texts' folder in LOCAL
SETS: dict[str, tuple[str, str]] = {
    "ko": ("ko", "lang-ko"),
    "ru": ("ru", "lang-ru"),
    "uk": ("uk", "lang-uk"),
    "ru-dev2": ("ru", "lang-dev2-ru"),
    "uk-dev2": ("uk", "lang-dev2-uk"),
    "ru-heldout": ("ru", "heldout-ru"),  # development text from round 5
    "uk-heldout": ("uk", "heldout-uk"),
    "ru-heldout2": ("ru", "heldout2-ru"),  # held out in round 5, development text from round 6
    "uk-heldout2": ("uk", "heldout2-uk"),
    "ru-heldout3": ("ru", "heldout3-ru"),  # held out in round 6, scored once at its end
    "uk-heldout3": ("uk", "heldout3-uk"),
    "ru-heldout4": ("ru", "heldout4-ru"),  # held out in round 7, development text from round 8
    "uk-heldout4": ("uk", "heldout4-uk"),
    "ru-heldout5": ("ru", "heldout5-ru"),  # held out in round 8, scored once before and once after
    "uk-heldout5": ("uk", "heldout5-uk"),
    "ru-heldout6": ("ru", "heldout6-ru"),  # held out in round 9, scored once before and once after
    "uk-heldout6": ("uk", "heldout6-uk"),
    "ru-heldout7": ("ru", "heldout7-ru"),  # held out in round 10, scored once before and once after
    "uk-heldout7": ("uk", "heldout7-uk"),
    "ru-heldout8": ("ru", "heldout8-ru"),  # held out in round 11, scored once before and once after
    "uk-heldout8": ("uk", "heldout8-uk"),
    "ru-heldout9": ("ru", "heldout9-ru"),  # held out in round 12, scored once before and once after
    "uk-heldout9": ("uk", "heldout9-uk"),
    "ru-heldout10": ("ru", "heldout10-ru"),  # held out in round 13, scored once before and once after
    "uk-heldout10": ("uk", "heldout10-uk"),
    "ru-heldout11": ("ru", "heldout11-ru"),  # held out in round 14, scored once before and once after
    "uk-heldout11": ("uk", "heldout11-uk"),
}

#: gold set → floors (recorded figure minus 0.05, never lowered; BENCHMARKS.md, "Claims in other
#: languages"), except where the texts changed: round 15 (a new machine) collected every text
#: again, some pages could not be found (ko 04 and 06, uk-heldout2 02, 05, 09 and 13, ru-heldout9
#: 05, 08 and 13, …; the heldout3 sets not at all) and chrome was kept differently, and the
#: round's starting code (bf0ca33) measures under six floors on them: those are that figure minus
#: 0.05 (ko source and stance, uk-heldout stance, ru-heldout2 stance, uk-heldout2 source and
#: stance, ru-heldout9 stance; BENCHMARKS.md, "Round 15, every branch merged; languages")
FLOORS: dict[str, dict[str, float]] = {
    "ko": {"recall": 0.85, "source_accuracy": 0.76, "stance_accuracy": 0.68, "quantity_accuracy": 0.95},
    "ru": {"recall": 0.95, "source_accuracy": 0.85, "stance_accuracy": 0.83, "quantity_accuracy": 0.90},
    # uk source 0.77 -> 0.73: the texts were collected again in round 8 (a new machine) and the code
    # of the round's start (6f43478) measures 0.763 on them, as its end does (BENCHMARKS.md, round 8);
    # round 9 raised it to 0.841: floor 0.79
    "uk": {"recall": 0.93, "source_accuracy": 0.79, "stance_accuracy": 0.83, "quantity_accuracy": 0.89},
    "ru-dev2": {"recall": 0.93, "source_accuracy": 0.85, "stance_accuracy": 0.81, "quantity_accuracy": 0.95},
    "uk-dev2": {"recall": 0.93, "source_accuracy": 0.91, "stance_accuracy": 0.88, "quantity_accuracy": 0.95},
    "ru-heldout": {
        "recall": 0.92,
        "source_accuracy": 0.83,
        "stance_accuracy": 0.74,
        "quantity_accuracy": 0.95,
    },
    "uk-heldout": {
        "recall": 0.86,
        "source_accuracy": 0.77,
        "stance_accuracy": 0.73,
        "quantity_accuracy": 0.91,
    },
    "ru-heldout2": {
        "recall": 0.9,
        "source_accuracy": 0.82,
        "stance_accuracy": 0.65,
        "quantity_accuracy": 0.95,
    },
    "uk-heldout2": {
        "recall": 0.87,
        "source_accuracy": 0.79,
        "stance_accuracy": 0.68,
        "quantity_accuracy": 0.95,
    },
    "ru-heldout3": {
        "recall": 0.88,
        "source_accuracy": 0.78,
        "stance_accuracy": 0.71,  # round 10: 0.761, minus 0.05
        "quantity_accuracy": 0.85,
    },
    "uk-heldout3": {
        "recall": 0.9,
        "source_accuracy": 0.76,
        "stance_accuracy": 0.78,
        "quantity_accuracy": 0.86,
    },
    "ru-heldout4": {
        "recall": 0.87,
        "source_accuracy": 0.87,
        "stance_accuracy": 0.88,
        "quantity_accuracy": 0.95,
    },
    "uk-heldout4": {
        "recall": 0.92,
        "source_accuracy": 0.84,
        "stance_accuracy": 0.77,
        "quantity_accuracy": 0.95,
    },
    "ru-heldout5": {  # development text from round 9: raised to its figures minus 0.05
        "recall": 0.84,
        "source_accuracy": 0.79,
        "stance_accuracy": 0.72,
        "quantity_accuracy": 0.92,
    },
    "uk-heldout5": {
        "recall": 0.89,
        "source_accuracy": 0.8,
        "stance_accuracy": 0.77,
        "quantity_accuracy": 0.84,
    },
    "ru-heldout6": {  # held out in round 9, scored once before and once after: its after-figures minus 0.05
        "recall": 0.85,
        "source_accuracy": 0.79,  # round 10: 0.740; wave 2: 0.779
        "stance_accuracy": 0.77,
        "quantity_accuracy": 0.87,
    },
    "uk-heldout6": {
        "recall": 0.92,
        "source_accuracy": 0.80,  # round 10: 0.851
        "stance_accuracy": 0.82,
        "quantity_accuracy": 0.91,  # round 10, wave 2: 0.967 (gold percentages as fractions)
    },
    "ru-heldout7": {  # held out in round 10, scored before and after (no change): its figures minus 0.05
        "recall": 0.79,
        "source_accuracy": 0.81,
        "stance_accuracy": 0.75,
        "quantity_accuracy": 0.92,
    },
    "uk-heldout7": {
        "recall": 0.84,
        "source_accuracy": 0.83,
        "stance_accuracy": 0.77,
        "quantity_accuracy": 0.92,
    },
    "ru-heldout8": {  # held out in round 11, scored before and after: its after-figures minus 0.05
        "recall": 0.81,
        "source_accuracy": 0.64,
        "stance_accuracy": 0.75,
        "quantity_accuracy": 0.95,
    },
    "uk-heldout8": {
        "recall": 0.83,
        "source_accuracy": 0.79,
        "stance_accuracy": 0.82,
        "quantity_accuracy": 0.85,
    },
    "ru-heldout9": {  # held out in round 12, scored before and after: its after-figures minus 0.05
        "recall": 0.77,
        "source_accuracy": 0.76,
        "stance_accuracy": 0.69,
        "quantity_accuracy": 0.95,
    },
    "uk-heldout9": {
        "recall": 0.83,
        "source_accuracy": 0.82,
        "stance_accuracy": 0.78,
        "quantity_accuracy": 0.84,
    },
    "ru-heldout10": {  # held out in round 13, scored before and after: its after-figures minus 0.05
        "recall": 0.79,
        "source_accuracy": 0.74,
        "stance_accuracy": 0.75,
        "quantity_accuracy": 0.84,
    },
    "uk-heldout10": {
        "recall": 0.92,
        "source_accuracy": 0.71,
        "stance_accuracy": 0.61,
        "quantity_accuracy": 0.95,
    },
    "ru-heldout11": {  # held out in round 14, scored before and after: its after-figures minus 0.05
        "recall": 0.81,
        "source_accuracy": 0.83,
        "stance_accuracy": 0.68,
        "quantity_accuracy": 0.87,
    },
    "uk-heldout11": {
        "recall": 0.8,
        "source_accuracy": 0.79,
        "stance_accuracy": 0.79,
        "quantity_accuracy": 0.86,
    },
}


@pytest.mark.slow  # scores real article corpora, as the other quality floors do
@pytest.mark.parametrize("gold_set", sorted(FLOORS))
def test_language_gold_floors(gold_set: str) -> None:
    from reportedly.corpora.stories import load_story_corpus
    from reportedly.eval.claims import evaluate_claims_corpus

    language, folder = SETS[gold_set]
    articles = LOCAL / folder / "articles"
    if not articles.is_dir() or not any(articles.iterdir()):
        pytest.skip(f"{gold_set} article texts not collected at {articles} (set REPORTEDLY_STORIES_LOCAL)")
    gold = ROOT / "benchmarks" / "languages" / gold_set
    corpus = load_story_corpus(gold, articles).only_language(language)
    report = evaluate_claims_corpus(corpus)
    assert report["counts"].get("gold", 0) > 0
    low = {k: (report[k], floor) for k, floor in FLOORS[gold_set].items() if report[k] < floor}
    assert not low, f"{gold_set} below its floors (figure, floor): {low}"
