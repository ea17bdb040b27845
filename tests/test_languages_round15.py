"""Round 15 (lang20): who said it, in Ukrainian and Russian constructions read from uk-heldout11's
source misses. Sentences written for these tests.

A town of two words in the genitive before a name ("Кривого Рогу") is no person; to whom it was
said ("журналістам") comes before the speaker after "як"; a verb of reacting closes a quotation;
a quotation runs over a paragraph break to the cue that closes it; a pronoun with nobody before it
is the person named next; a title typed with a curly apostrophe is a title; an office's owner is an
abbreviation after it ("у міністерстві оборони РФ").
"""

from __future__ import annotations

import pytest

from language_checks import analysed, only
from reportedly.languages.uk import people
from reportedly.model import Claim, ClaimKind


def uk(text: str) -> list[Claim]:
    return analysed(text, "uk", "2024-05-20").claims


def ru(text: str) -> list[Claim]:
    return analysed(text, "ru", "2024-05-20").claims


def who(claim: Claim) -> str | None:
    return claim.source.entity.name if claim.source and claim.source.entity else None


def test_a_town_of_two_words_before_a_name_is_no_part_of_it() -> None:
    claim = only(
        analysed(
            "Голова Ради оборони Кривого Рогу Петро Коваленко заявив, що міст відкрили.", "uk", "2024-05-20"
        )
    )
    assert who(claim) == "Петро Коваленко"
    # the town alone, in the dative or the genitive, is nobody's name
    assert people("удару по Кривому Рогу, що стався вчора") == []
    assert people("мешканці Старого Самбора") == []
    # a first name the dictionary reads as a common noun still begins a name
    assert people("Президент Володимир Зеленський") == [(10, 30, "PER", "Володимир Зеленський")]


def test_a_title_with_a_towns_genitive_names_the_person_with_that_title() -> None:
    claims = uk(
        "Голова Ради оборони Кривого Рогу Петро Коваленко заявив, що міст відкрили.\n\n"
        "Рух транспорту відновлять увечері.\n\n"
        "«Ми працюємо цілодобово», – написав голова Ради оборони Кривого Рогу."
    )
    quoted = next(c for c in claims if "цілодобово" in c.content_text)
    assert who(quoted) == "Петро Коваленко"


@pytest.mark.parametrize(
    ("read", "text", "speaker"),
    [
        (uk, "Як сказала журналістам сусідка Марія, хлопець був на подвір'ї.", "сусідка Марія"),
        (ru, "Как рассказал журналистам сосед Петр, мальчик был во дворе.", "сосед Петр"),
    ],
)
def test_to_whom_it_was_said_comes_before_the_speaker(read, text: str, speaker: str) -> None:  # noqa: ANN001
    (claim,) = read(text)
    assert claim.source is not None and claim.source.text == speaker


def test_a_verb_of_reacting_closes_a_quotation_and_tells_nothing_alone() -> None:
    (claim,) = uk('"Ми відновимо міст", - відреагував мер Іван Коваль.')
    assert who(claim) == "Іван Коваль" and claim.content_text == "Ми відновимо міст"
    (claim,) = ru("«Мы восстановим мост», — отреагировал мэр Иван Петров.")
    assert who(claim) == "Иван Петров"
    assert uk("Мер Іван Коваль відреагував на обстріл міста.") == []
    # reacting, then saying: the verb of saying tells it
    (claim,) = uk("Мер Іван Коваль відреагував на обстріл і повідомив, що міст уцілів.")
    assert who(claim) == "Іван Коваль" and claim.content_text == "міст уцілів"
    assert ru("Мэр Иван Петров отреагировал на обстрел города.") == []


def test_a_quotation_over_a_paragraph_break_is_the_closing_cues_speakers() -> None:
    claims = uk(
        "Мер Іван Коваль повідомив, що пожежу вже загасили.\n\n"
        '"Росіяни знову вдарили по мирному місту. Це злочин. Ми все відновимо.\n\n'
        'Рятувальники працюють на місці. Постраждалих немає", - відреагувала голова області Марія Шевченко.'
    )
    assert who(claims[0]) == "Іван Коваль"
    assert [who(c) for c in claims[1:]] == ["Марія Шевченко"] * 3
    assert claims[2].kind is ClaimKind.DIRECT  # the outlet's reading of its first sentence gives way


def test_a_closed_quotation_in_its_own_paragraph_keeps_its_speaker() -> None:
    claims = uk(
        "Мер Іван Коваль повідомив, що пожежу вже загасили.\n\n"
        '"Ми все відновимо", - додав він.\n\n'
        "Рятувальники працюють на місці, - заявила голова області Марія Шевченко."
    )
    assert who(claims[1]) == "Іван Коваль"


def test_a_pronoun_with_nobody_before_it_is_the_person_named_next() -> None:
    claims = uk(
        "Серед постраждалих – семеро дітей, зазначив він.\n\n"
        "Як повідомив мер міста Іван Коваль, двоє людей у важкому стані."
    )
    assert [who(c) for c in claims] == ["Іван Коваль", "Іван Коваль"]


def test_a_title_typed_with_a_curly_apostrophe_is_a_title() -> None:
    claims = uk(
        "Міст закрили на ремонт. Про це написав віцепрем’єр-міністр – міністр розвитку громад Іван Коваль."
    )
    assert [who(c) for c in claims] == ["Іван Коваль"]


@pytest.mark.parametrize(
    ("read", "text", "source"),
    [
        (uk, "У міністерстві оборони РФ заявили, що удар був точним.", "Russian Ministry of Defence"),
        (ru, "В министерстве обороны РФ заявили, что удар был точным.", "Russian Ministry of Defence"),
        (
            uk,
            "Генштаб Збройних сил України спростував заяву про удар.",
            "General Staff of the Armed Forces of Ukraine",
        ),
    ],
)
def test_an_office_named_with_its_owners_abbreviation(read, text: str, source: str) -> None:  # noqa: ANN001
    (claim,) = read(text)
    assert who(claim) == source


def test_a_media_outlet_after_an_office_is_whom_it_told() -> None:
    (claim,) = ru("В полиции ТАСС сообщили, что водитель задержан.")
    assert claim.source is not None and claim.source.text == "полиции"


def test_a_quotation_of_three_paragraphs_is_the_closing_cues_speakers() -> None:
    claims = uk(
        "Мер Іван Коваль повідомив, що пожежу вже загасили.\n\n"
        "“Рятувальна операція триває.\n\n"
        "У лікарнях міста перебувають троє поранених. Лікарі роблять усе можливе.\n\n"
        "Ми все відбудуємо!” – написала голова області Марія Шевченко."
    )
    assert who(claims[0]) == "Іван Коваль"
    assert [who(c) for c in claims[1:]] == ["Марія Шевченко"] * 4


def test_the_paragraph_a_colon_announces_goes_on_with_the_speaker() -> None:
    claims = uk(
        "Вибух пролунав увечері.\n\n"
        "Мер Іван Коваль у своєму телеграм-каналі повідомив, що ворог вдарив ракетою по складу:\n\n"
        "На жаль, вже троє загиблих.\n\n"
        "Рух транспорту відновлять увечері, повідомили в поліції."
    )
    told = next(c for c in claims if "загиблих" in c.content_text)
    assert who(told) == "Іван Коваль"
    # with a full stop the next paragraph's count is the outlet's (the speaker gave no figure)
    claims = uk(
        "Вибух пролунав увечері.\n\n"
        "Мер Іван Коваль у своєму телеграм-каналі повідомив, що ворог вдарив ракетою по складу.\n\n"
        "На жаль, вже троє загиблих.\n\n"
        "Рух транспорту відновлять увечері, повідомили в поліції."
    )
    told = next(c for c in claims if "загиблих" in c.content_text)
    assert told.source is None


@pytest.mark.parametrize(
    ("read", "text", "source"),
    [
        (
            ru,
            "В официальном аккаунте УМВД России по Тульской области сообщается, что водитель задержан.",
            "УМВД",
        ),
        (ru, "В телеграм-канале МВД говорится, что водитель задержан.", "МВД"),
        (uk, "У телеграм-каналі ДСНС повідомляється, що пожежу загасили.", "ДСНС"),
    ],
)
def test_what_an_office_posts_is_the_offices(read, text: str, source: str) -> None:  # noqa: ANN001
    (claim,) = read(text)
    assert claim.source is not None and claim.source.text.startswith(source)


def test_a_name_in_quotation_marks_after_common_nouns_is_who_it_is() -> None:
    (claim,) = ru("Новостной телеграм-канал «Маяк» сообщил, что водитель скрылся.")
    assert who(claim) == "Маяк"
    # a name before the marks is still the person's
    (claim,) = ru("Водитель скрылся, сообщил Иван Петров из «Лукойла».")
    assert who(claim) == "Иван Петров"


def test_an_offices_press_service_speaks_for_the_office_named_before() -> None:
    claims = ru("Вертолет МЧС прилетел в Тулу, чтобы забрать раненых, сообщила пресс-служба ведомства.")
    assert [who(c) for c in claims] == ["Russian Emergencies Ministry"]


def test_a_pronoun_with_nobody_before_it_is_the_surname_named_next() -> None:
    claims = uk(
        "Серед постраждалих – семеро дітей, зазначив він.\n\n"
        "У лікарнях перебувають ще троє людей.\n\n"
        "Як повідомив Коваленко, двоє людей у важкому стані."
    )
    assert who(claims[0]) == "Коваленко"


def test_a_title_ten_words_before_the_name_is_the_persons() -> None:
    claims = uk(
        "Міст закрили на ремонт. Про це написав віцепрем’єр-міністр з відновлення – міністр розвитку "
        "громад та територій Іван Коваль у Telegram."
    )
    assert [who(c) for c in claims] == ["Іван Коваль"]
