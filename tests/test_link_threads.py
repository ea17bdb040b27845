"""Stories as event threads across weeks: a follow-up joins its event on a strong link, while a
report that only shares the topic joins a story only while it is young and within the window.

The texts are our own and invented (a reservoir breach in made-up places), so the only signal
is the rare-word similarity; the sentence vectors are zero here.
"""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pytest

from reportedly.link.corpus import DocItem
from reportedly.link.stories import (
    FOLLOW_UP_DAYS,
    FOLLOW_UP_SCORE,
    MAX_SPAN_DAYS,
    WINDOW_DAYS,
    _cosine,
    group_documents,
    rare_words,
)
from reportedly.model import Document

THRESHOLD = 0.35  # the MiniLM story threshold

TEXTS = {
    "first": (
        "Velmora reservoir breach floods Tarnick",
        "Floodwater from the breached Velmora reservoir swept through Tarnick and the Oskel villages on "
        "Monday, and rescuers pulled families from rooftops along the Drava embankment.",
    ),
    "second": (
        "Thousands flee as Velmora reservoir gives way",
        "The breach of the Velmora reservoir sent water into Tarnick and Oskel overnight; rescuers "
        "worked along the Drava embankment.",
    ),
    "inquiry": (
        "Inquiry finds Velmora reservoir breach began at cracked spillway",
        "Engineers investigating the breach of the Velmora reservoir that flooded Tarnick and the "
        "Oskel villages said a cracked spillway on the Drava embankment gave way first.",
    ),
    "council": (
        "Tarnick council delays budget vote",
        "Councillors in Tarnick postponed the vote on next year's budget after a row over road "
        "repairs and school funding in the Oskel district.",
    ),
}
START = date(2031, 3, 3)


def _doc(key: str, day: int) -> DocItem:
    title, body = TEXTS[key]
    return DocItem(
        Document(text=body, title=title, id=f"{key}-{day}", published=START + timedelta(days=day)), key
    )


def _stories(*placed: tuple[str, int]) -> list[set[str]]:
    docs = [_doc(key, day) for key, day in placed]
    vectors = np.zeros((len(docs), 4), dtype=np.float32)
    groups = group_documents(docs, vectors, {}, THRESHOLD)
    return [{d.id for d in g.documents} for g in groups]


def _together(stories: list[set[str]], a: str, b: str) -> bool:
    return any(a in s and b in s for s in stories)


def test_the_texts_span_the_two_thresholds() -> None:
    """The premise: the inquiry is a strong link, the council report only a loose one."""
    bag = {k: rare_words(_doc(k, 0)) for k in TEXTS}
    assert _cosine(bag["inquiry"], bag["first"]) >= FOLLOW_UP_SCORE
    assert THRESHOLD <= _cosine(bag["council"], bag["first"]) < FOLLOW_UP_SCORE


def test_a_loose_link_joins_a_young_story_within_the_window() -> None:
    stories = _stories(("first", 0), ("second", 1), ("council", 2))
    assert _together(stories, "first-0", "council-2")


def test_a_follow_up_weeks_later_joins_its_event() -> None:
    late = WINDOW_DAYS + 30
    stories = _stories(("first", 0), ("second", 1), ("inquiry", late))
    assert _together(stories, "first-0", f"inquiry-{late}")
    assert len(stories) == 1


def test_a_report_sharing_only_the_topic_weeks_later_starts_its_own_story() -> None:
    late = WINDOW_DAYS + 30
    stories = _stories(("first", 0), ("second", 1), ("council", late))
    assert not _together(stories, "first-0", f"council-{late}")
    assert len(stories) == 2


@pytest.mark.parametrize("key", ["inquiry", "council"])
def test_an_old_story_takes_only_strong_links_even_inside_the_window(key: str) -> None:
    # the story's last report is recent (inside the window) but its first is over MAX_SPAN_DAYS old
    last = MAX_SPAN_DAYS - 2
    day = MAX_SPAN_DAYS + 3
    assert day - last <= WINDOW_DAYS
    stories = _stories(("first", 0), ("second", last), (key, day))
    assert _together(stories, "first-0", f"second-{last}")
    assert _together(stories, "first-0", f"{key}-{day}") is (key == "inquiry")


def test_nothing_links_beyond_the_follow_up_reach() -> None:
    late = FOLLOW_UP_DAYS + 5
    stories = _stories(("first", 0), ("inquiry", late))
    assert len(stories) == 2
