"""Across languages without a sentence model: one speaker in two scripts, one number, one series.

Round 10 (issue 19): a Hangul name and its romanisation are one person; a number a speaker
writes in two languages the same day joins the two statements; counts typed so that Korean and
English reports of one figure share a series ("foreign nationals" and "외국인"; "in critical
condition" and "중상자", also in a sentence that forecasts something else).
"""

from __future__ import annotations

import reportedly
from reportedly.link.people import korean_romanised


def _measure_keys(text: str, published: str = "2024-10-25") -> list[str]:
    ledger = reportedly.analyze(text, published=published)
    return [q.measure.key for c in ledger.claims for q in c.quantities if q.measure is not None]


def test_a_hangul_name_and_its_romanisations_are_one_name() -> None:
    for hangul, latin in (
        ("김민수", "Kim Min-soo"),
        ("김민수", "Kim Minsu"),
        ("김민수", "Min-su Kim"),
        ("이정훈", "Lee Jung-hoon"),
        ("이정훈", "Yi Jeong-hun"),
        ("박서진", "Park Seo-jin"),
        ("오동석", "Oh Dong-suk"),
    ):
        assert korean_romanised(hangul, latin), (hangul, latin)
    for hangul, latin in (
        ("김민수", "Kim Min-jae"),  # another given name
        ("이정훈", "Park Jung-hoon"),  # another family
        ("김민수", "Kim"),  # a bare surname is no full name
        ("Kim", "Kim Min-soo"),
    ):
        assert not korean_romanised(hangul, latin), (hangul, latin)


def test_foreign_nationals_are_foreigners_as_in_korean() -> None:
    english = _measure_keys("The ministry said 31 foreign nationals were killed in the fire.")
    assert english == ["foreigners killed"]
    assert _measure_keys("외국인 사망자는 31명이다.") == english
    assert _measure_keys("The ministry said 31 foreigners were killed in the fire.") == english


def test_the_gravely_injured_are_one_series_in_korean_and_english() -> None:
    korean = _measure_keys("소방당국은 부상자 가운데 중상자는 17명이라고 밝혔다.")
    assert korean == ["people critical"]
    assert _measure_keys("Officials said 17 of the injured were in critical condition.") == korean
    # a stated cause of a forecast is a count of now, not part of the forecast
    because = _measure_keys("The toll could rise further as 17 of the injured are in critical condition.")
    assert because == korean
    assert _measure_keys("Officials said the toll could rise to 300.") == ["people killed [forecast]"]
    assert _measure_keys("경상자는 40명이다.") == []  # the slightly hurt stay a part, untyped


def _clusters(tmp_path, texts: list[tuple[str, str]]) -> list[set[str]]:  # noqa: ANN001 - a path
    from reportedly.link import link_store
    from reportedly.store import Store

    store = Store(str(tmp_path / "speakers.db"))
    for text, published in texts:
        store.save(reportedly.analyze(text, published=published))
    try:
        result = link_store(store)
    finally:
        store.close()
    return [{ref.id.split(":")[0] for ref in cl.claims} for s in result.stories for cl in s.clusters]


def test_one_speakers_statement_with_one_number_in_two_languages_is_one_cluster(tmp_path) -> None:  # noqa: ANN001
    korean = (
        "소방청은 화재로 사망자가 231명이라고 밝혔다. "
        '김민수 경찰청장은 "화재 직전 119 신고가 여러 건 접수됐다"고 밝혔다.',
        "2024-10-25",
    )
    english = (
        "Officials said the fire killed 231 people. "
        'Police chief Kim Min-soo said: "Several calls reached the 119 line just before the fire."',
        "2024-10-25",
    )
    clusters = _clusters(tmp_path, [korean, english])
    assert sum(len(c) == 2 for c in clusters) >= 2  # the toll, and the chief's statement
    later = (english[0].replace("the 119 line", "the 911 line"), english[1])
    assert sum(len(c) == 2 for c in _clusters(tmp_path / "x", [korean, later]) if c) == 1


def test_one_speaker_writing_one_number_in_two_languages_is_one_story(tmp_path) -> None:  # noqa: ANN001
    """No figure in common, no word in common: the named speaker and the number tell one event."""
    from reportedly.link import link_store
    from reportedly.store import Store

    korean = '김민수 경찰청장은 "화재 직전 119 신고가 여러 건 접수됐다"고 밝혔다.'
    english = 'Police chief Kim Min-soo said: "Several calls reached the 119 line just before the fire."'
    other = 'Police chief Kim Min-soo said: "We will review the 911 calls."'
    for texts, together in (((korean, english), True), ((korean, other), False)):
        store = Store(str(tmp_path / f"story-{together}.db"))
        for text in texts:
            store.save(reportedly.analyze(text, published="2024-10-25"))
        try:
            stories = link_store(store).stories
        finally:
            store.close()
        assert any(len(s.documents) == 2 for s in stories) is together
