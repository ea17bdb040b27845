"""Round 12 (lang16), recall: the outlet's present-tense sentences in Russian and Ukrainian, and
Korean statements the reader skipped. Our own sentences."""

from __future__ import annotations

import pytest

import reportedly
from language_checks import analysed, only
from reportedly.model import ClaimKind, Ledger, Stance


def analyse(text: str, language: str, published: str = "2023-01-16") -> Ledger:
    return analysed(text, language, published)


@pytest.mark.parametrize(
    ("text", "language", "stance"),
    [
        ("Тривають пошуково-рятувальні роботи біля зруйнованої школи.", "uk", Stance.REPORTED),
        ("Потерпілим надають необхідну медичну допомогу.", "uk", Stance.REPORTED),
        ("Поліцейські фіксують черговий злочин окупантів.", "uk", Stance.ASSERTED),
        ("Наразі розглядаються кілька версій цієї події, серед яких:", "uk", Stance.ASSERTED),
        ("Післязавтра в місті буде оголошена жалоба.", "uk", Stance.ASSERTED),
        ("Продолжаются поисково-спасательные работы у разрушенного здания.", "ru", Stance.REPORTED),
        ("Следователи устанавливают все обстоятельства пожара.", "ru", Stance.ASSERTED),
        ("Наразі проводяться аварійно-рятувальні роботи біля школи.", "uk", Stance.REPORTED),
        ("Пожежники продовжують гасити склад біля вокзалу.", "uk", Stance.REPORTED),
        ("Остаточну кількість постраждалих встановлюють.", "uk", Stance.UNVERIFIED),
        ("Сведения о числе пострадавших разнятся.", "ru", Stance.UNVERIFIED),
        ("Після вибуху десятки людей вважаються зниклими безвісти.", "uk", Stance.REPORTED),
    ],
)
def test_the_state_of_things_in_the_present_is_the_outlets(text: str, language: str, stance: Stance) -> None:
    """No cue, no figure, a present verb: the outlet tells what is going on; an operation or help
    going on is a situation update (reported), any other act a plain statement (asserted)."""
    claim = only(analyse(text, language))
    assert claim.kind is ClaimKind.OUTLET and claim.source is None
    assert claim.stance is stance


@pytest.mark.parametrize(
    "text",
    [
        "Вони працюють на місці цілу ніч.",  # a pronoun points back
        "Люди можуть перебувати під завалами будинку.",  # a modal: a judgement
        "Підкреслюється, що роботи на місці тривають.",  # someone's words, unnamed
        "Чи тривають роботи на місці?",  # a question
    ],
)
def test_no_present_reading(text: str) -> None:
    ledger = analyse(text, "uk")
    assert not [
        c
        for c in ledger.claims
        if c.kind is ClaimKind.OUTLET and c.cue.text.startswith(("працю", "трива", "провод"))
    ]


def test_the_present_after_a_speaker_in_his_paragraph_is_his() -> None:
    """ "Мер Петро Іваненко повідомив, що … . Тривають роботи …": the mayor goes on."""
    ledger = analyse(
        "Мер Петро Іваненко повідомив, що ракета влучила у школу. Тривають пошуково-рятувальні роботи.", "uk"
    )
    going_on = [c for c in ledger.claims if c.content_text.startswith("Тривають")]
    assert len(going_on) == 1
    assert going_on[0].source is not None and going_on[0].source.entity is not None
    assert going_on[0].source.entity.name == "Петро Іваненко"


def test_korean_proclaimed_quotations_are_the_speakers() -> None:
    """ "…"며 "…"고 선포했다": proclaimed, a reporting verb; one claim per quotation."""
    ledger = analyse(
        '김철수 시장은 "슬픔을 함께 나누겠다"며 "오늘부터 애도 기간이다"고 선포했다.', "ko", "2024-10-25"
    )
    assert [c.cue.text for c in ledger.claims] == ["선포했다", "선포했다"]
    assert all(c.source is not None and c.source.text == "김철수 시장" for c in ledger.claims)


def test_korean_thus_written_as_pronoun_and_particle() -> None:
    """ "…"라며 이같이 말했다": kiwi reads 이같이 as 이/NP + 같이/JKB; the quotation is still told."""
    claim = only(
        analyse('박영희 장관은 "많은 인파가 몰린 것은 아니다"라며 이같이 말했다.', "ko", "2024-10-25")
    )
    assert claim.cue.text == "말했다"
    assert "인파가 몰린 것은 아니다" in claim.content_text


def test_korean_worrying_degree_is_no_forecast_and_an_adverb_before_parak_is_estimated() -> None:
    """ "우려할 정도로" (to a worrying degree) is no forecast; "것으로 지금 파악하고 있다" estimates."""
    claim = only(
        analyse('박영희 장관은 "우려할 정도로 많은 인파가 모인 것은 아니었다"고 말했다.', "ko", "2024-10-25")
    )
    assert claim.stance is Stance.ASSERTED
    claim = only(
        analyse(
            '박영희 장관은 "막을 수 있던 문제는 아니었던 것으로 지금 파악하고 있다"고 말했다.',
            "ko",
            "2024-10-25",
        )
    )
    assert claim.stance is Stance.ESTIMATED


@pytest.mark.parametrize(
    "text",
    [
        "Дамба находится в черте города и прикрывает его от воды.",  # a description
        "В больницах имеется необходимый запас лекарств.",  # having
        "Его зовут Иван Петров, он местный житель.",  # a name given
        "Речь идет о преднамеренном ударе по жилым кварталам.",  # what it is about
        "Старий кінотеатр у центрі міста планується знести.",  # someone's plan
        "Загиблих серед мешканців будинку наразі немає.",  # someone's count of none
    ],
)
def test_describing_verbs_are_no_state_of_affairs(text: str) -> None:
    ledger = reportedly.analyze(text, published="2023-01-16")
    assert not [c for c in ledger.claims if c.kind is ClaimKind.OUTLET]


def test_korean_an_officials_act_is_the_officials() -> None:
    """ "김철수 총리는 … 정했다": no reporting verb, an act of an official: his claim, asserted."""
    claim = only(analyse("김철수 국무총리는 국가 애도 기간을 다음 주까지로 정했다.", "ko", "2024-10-25"))
    assert claim.source is not None and claim.source.text == "김철수 국무총리"
    assert claim.stance is Stance.ASSERTED and claim.cue.text.startswith("정")


@pytest.mark.parametrize(
    "text",
    [
        "윤 대통령도 사고 수습에 집중할 예정이다.",  # a plan, not an act done
        "사고 현장에는 많은 시민이 모였다.",  # no official as the topic
        '김철수 총리는 "애도 기간을 정했다"고 말했다.',  # a reporting verb reads it already
    ],
)
def test_korean_no_act_reading(text: str) -> None:
    ledger = analyse(text, "ko", "2024-10-25")
    assert not [c for c in ledger.claims if c.cue.text.startswith(("집중", "모였", "정했"))]


def test_who_is_among_the_dead_goes_on_from_the_speaker_of_the_figures() -> None:
    """ "Серед загиблих – …" with no verb is a tally's part: reported, the speaker's who gave the
    figures in the paragraph before; with no such speaker, left unread."""
    ledger = analyse(
        "Мер Петро Іваненко повідомив, що загинули 5 людей.\n\nСеред загиблих – двоє рятувальників та медик.",
        "uk",
    )
    part = [c for c in ledger.claims if c.content_text.startswith("Серед")]
    assert len(part) == 1 and part[0].stance is Stance.REPORTED
    assert part[0].source is not None and part[0].source.entity is not None
    assert part[0].source.entity.name == "Петро Іваненко"
    assert analyse("Серед загиблих – рятувальники та медик.", "uk").claims == []
    ledger = analyse("Серед загиблих опинилися двоє рятувальників біля школи.", "uk")
    assert not [c for c in ledger.claims if c.cue.text.lower().startswith("серед")]
