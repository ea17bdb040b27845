"""Korean constructions, in our own sentences: sources, relays, stances, numbers and dates."""

from __future__ import annotations

from functools import partial

import pytest

import reportedly
from language_checks import analysed, only
from reportedly.languages.ko_numbers import korean_number
from reportedly.model import ClaimKind, Stance

PUBLISHED = "2024-10-25"


analyse = partial(analysed, language="ko", published=PUBLISHED)


def test_topic_source_quotative_and_reporting_verb() -> None:
    claim = only(analyse("해양경찰청은 24일 실종자 수색을 밤새 이어갔다고 밝혔다."))
    assert claim.source is not None and claim.source.text == "해양경찰청"
    assert claim.cue.text == "밝혔다"
    assert "실종자 수색을 밤새 이어갔" in claim.content_text
    assert claim.stance is Stance.ASSERTED
    assert [t.resolved for t in claim.times] == ["2024-10-24"]


def test_a_relay_is_a_chain_from_the_relay_to_the_origin() -> None:
    claim = only(analyse("국정원이 북한군 1만1천여명이 파병됐다고 보고했다고 김민수 의원이 전했다."))
    # the origin says it; the relay stays first in the chain
    assert claim.source is not None and claim.source.text == "국정원"
    assert claim.inverted
    assert [link.entity.name for link in claim.chain] == ["김민수", "National Intelligence Service"]
    (q,) = claim.quantities
    assert (q.value, q.low, q.high, q.approximate) == (11000, 11000, None, True)


def test_according_to_with_an_estimate() -> None:
    claim = only(analyse("기상청에 따르면 이번 지진의 규모는 4.5로 추정된다."))
    assert claim.kind is ClaimKind.ACCORDING_TO
    assert claim.source is not None and claim.source.text == "기상청"
    assert claim.stance is Stance.ESTIMATED


def test_two_quotations_joined_by_rami_are_two_claims_of_one_speaker() -> None:
    ledger = analyse('박영호 시장은 "복구에 최선을 다하고 있다"라며 "주민 대피는 모두 끝났다"고 말했다.')
    assert [c.content_text for c in ledger.claims] == ["복구에 최선을 다하고 있다", "주민 대피는 모두 끝났다"]
    assert all(c.kind is ClaimKind.DIRECT for c in ledger.claims)
    assert {c.source.entity.name for c in ledger.claims if c.source and c.source.entity} == {"박영호"}


@pytest.mark.parametrize(
    ("sentence", "stance"),
    [
        ("경찰은 용의자가 현장에 있었다는 사실을 확인했다.", Stance.CONFIRMED),
        ("국방부는 해당 보도를 부인했다.", Stance.DENIED),
        ("전문가들은 피해액이 더 늘어날 것으로 예상했다.", Stance.EXPECTED),
        ("당국은 피해 가구가 2천여 가구에 이를 것으로 추정했다.", Stance.ESTIMATED),
        ("구청은 원인이 아직 확인되지 않았다고 밝혔다.", Stance.UNVERIFIED),
    ],
)
def test_stance_from_the_verb_or_the_contents_ending(sentence: str, stance: Stance) -> None:
    assert only(analyse(sentence)).stance is stance


def test_a_title_with_a_surname_is_the_person_named_before() -> None:
    ledger = analyse(
        "정하늘 환경부 장관은 23일 수질 검사를 다시 하겠다고 밝혔다.\n\n"
        '정 장관은 "결과는 다음 주에 공개하겠다"고 덧붙였다.'
    )
    names = [c.source.entity.name for c in ledger.claims if c.source and c.source.entity]
    assert names == ["정하늘", "정하늘"]


def test_figures_after_a_briefing_stay_with_its_source() -> None:
    ledger = analyse(
        "소방청은 이날 사망자가 12명이라고 밝혔다. 부상자는 30명이다.\n\n실종자는 5명으로 집계됐다."
    )
    assert len(ledger.claims) == 3
    assert all(c.source and c.source.text == "소방청" for c in ledger.claims)
    assert [q.value for c in ledger.claims for q in c.quantities] == [12, 30, 5]


def test_figures_nobody_gives_are_the_outlets_own() -> None:
    claim = only(analyse("이번 산불로 주택 40채가 불에 탔다."))
    assert claim.kind is ClaimKind.OUTLET and claim.source is None


@pytest.mark.parametrize(
    ("written", "value"),
    [("3천", 3000), ("1만 1천", 11000), ("1만1천", 11000), ("2,500", 2500), ("1.5만", 15000), ("154", 154)],
)
def test_korean_numbers(written: str, value: float) -> None:
    assert korean_number(written) == value


def test_quantities_about_at_least_ranges_and_not_times_of_day() -> None:
    claim = only(
        analyse(
            "경찰은 오전 6시 30분 기준 8만~10만명이 모였고 3천여 명이 대피했으며 "
            "100명 이상이 다쳤다고 밝혔다."
        )
    )
    got = [(q.text, q.value, q.low, q.high, q.approximate) for q in claim.quantities]
    assert got == [
        ("8만~10만명", None, 80000, 100000, True),
        ("3천여 명", 3000, 3000, None, True),
        ("100명 이상", 100, 100, None, False),
    ]


def test_dates_resolve_against_publication() -> None:
    ledger = analyse("군 당국은 지난달 훈련이 있었고 20일 다시 시작됐다고 밝혔다.")
    found = {t.text: t.resolved for c in ledger.claims for t in c.times}
    assert found == {"지난달": "2024-09", "20일": "2024-10-20"}


def test_a_day_after_publication_day_is_last_month() -> None:
    ledger = analyse("해경은 28일 어선 1척이 침몰했다고 밝혔다.")
    assert [t.resolved for t in ledger.claims[0].times] == ["2024-09-28"]


def test_an_age_group_is_no_count() -> None:
    claim = only(analyse("중대본은 사망자 가운데 20대가 103명으로 가장 많았다고 밝혔다."))
    assert [q.text for q in claim.quantities] == ["103명"]
    assert claim.quantities[0].measure is None  # a part of the dead, not their total


def test_a_known_short_name_is_a_source() -> None:
    claim = only(analyse("합참은 북한이 미사일 2발을 발사했다고 밝혔다."))
    assert claim.source is not None and claim.source.entity is not None
    assert claim.source.entity.name == "Joint Chiefs of Staff"


def test_quotations_then_ieoke_malhaetda() -> None:
    ledger = analyse("윤하늘 청장은 ″책임을 통감한다″며 ″최선을 다하겠다″며 이렇게 말했습니다.")
    assert [c.content_text for c in ledger.claims] == ["책임을 통감한다", "최선을 다하겠다"]
    assert [c.stance for c in ledger.claims] == [Stance.ASSERTED, Stance.EXPECTED]


def test_two_counts_in_one_clause_take_each_its_own_event_and_the_citys_place() -> None:
    ledger = analyse("소방당국은 서울 용산구에서 153명이 숨지고 103명이 다쳤다고 밝혔다.")
    typed = {q.text: q.measure for c in ledger.claims for q in c.quantities}
    dead, hurt = typed["153명"], typed["103명"]
    assert dead is not None and hurt is not None
    assert (dead.what, hurt.what) == ("killed", "injured")
    assert dead.place_name == "Seoul" and dead.key == "people killed in Seoul"


def test_a_name_written_into_a_longer_name_is_no_place() -> None:
    # "해밀턴호텔" is a hotel: no city called Hamilton; Seoul, the whole word before it, is the place
    ledger = analyse("경찰은 서울 해밀턴호텔 인근에서 사망자가 1명 늘어 총 155명이 됐다고 밝혔다.")
    typed = {q.text: q.measure for c in ledger.claims for q in c.quantities}
    total = typed["155명"]
    assert total is not None and total.place_name == "Seoul"


def test_a_total_after_a_parenthesis_closed_before_it_keeps_the_clauses_event() -> None:
    """ "사망자는 … 120명(외국인 12명)에서 2명 추가돼 122명이 됐다": the parenthesis is an aside, so
    122 is still the count of the dead the clause opened with (the 2 added is a change)."""
    ledger = reportedly.analyze(
        "사망자는 오후 6시 기준 120명(외국인 12명)에서 2명 추가돼 122명이 됐다고 소방당국이 밝혔다.",
        published="2022-10-30",
    )
    keys = {q.value: (q.measure.key if q.measure else None) for c in ledger.claims for q in c.quantities}
    assert keys[120] == keys[122] == "people killed"
    assert keys[12] == "foreigners killed" and keys[2] is None
