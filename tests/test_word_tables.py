"""Word tables read as tables: ``any_word`` and the tables written with it type and match as before."""

from __future__ import annotations

import pytest

from reportedly.extract.drafts import MEDIA_SOURCE, RELAYING_SOURCE
from reportedly.extract.lexicon import ANAPHORIC_NOUNS, any_word
from reportedly.extract.mentions import guess_type
from reportedly.model import EntityType


def test_any_word_matches_whole_words_ignoring_case() -> None:
    pattern = any_word(r"press outlets? white_house Al\s+Jazeera")
    assert pattern.search("The PRESS said")
    assert pattern.search("local outlets")
    assert not pattern.search("pressure mounted")  # a whole word, not a prefix
    assert pattern.search("the White House")
    assert not pattern.search("the White  House")  # ``_`` is one space
    assert pattern.search("Al  Jazeera")  # ``\s+`` any run of white space


@pytest.mark.parametrize(
    ("name", "label", "expected"),
    [
        ("the Daily Telegraph", "ORG", EntityType.MEDIA_OUTLET),
        ("the White House", "ORG", EntityType.GOVERNMENT),
        ("the Air Force", "ORG", EntityType.MILITARY_UNIT),
        ("the Joint Chiefs", "ORG", EntityType.MILITARY_UNIT),
        ("the police", None, EntityType.AGENCY),
        ("White Housekeeping", "ORG", EntityType.ORGANIZATION),
        ("France", "GPE", EntityType.COUNTRY),
    ],
)
def test_a_name_is_typed_by_its_words(name: str, label: str | None, expected: EntityType) -> None:
    assert guess_type(name, label) is expected


def test_source_words_relay_or_name_a_medium() -> None:
    assert RELAYING_SOURCE.search("according to the Associated Press")
    assert RELAYING_SOURCE.search("local residents")
    assert not RELAYING_SOURCE.search("the ministry")
    assert MEDIA_SOURCE.search("the state news agency")
    assert MEDIA_SOURCE.search("a news  portal")
    assert not MEDIA_SOURCE.search("the news")  # news alone is not a medium here


def test_anaphoric_nouns_keep_each_group_and_its_types_in_order() -> None:
    assert ANAPHORIC_NOUNS["newspaper"] == ("media_outlet",)
    assert ANAPHORIC_NOUNS["agency"] == ("agency", "media_outlet")
    assert ANAPHORIC_NOUNS["organisation"] == ("organization",)
    assert ANAPHORIC_NOUNS["committee"] == ("organization", "government")
    assert len(ANAPHORIC_NOUNS) == 24
