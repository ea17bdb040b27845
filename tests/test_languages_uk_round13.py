"""Round 13 (lang18), Ukrainian stance and numbers on new text: counts of munitions, deaths told by
the outlet with no figure, month names, scale nouns after a bound, numbers in several words. Our
own sentences."""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest

import reportedly
from language_checks import analysed, only
from reportedly.languages.cyrillic_numbers import quantities, times
from reportedly.languages.ru import LEXICON as RU
from reportedly.languages.uk import LEXICON as UK
from reportedly.model import ClaimKind, Stance

analyse = partial(analysed, language="uk", published="2024-05-20")


def test_a_count_of_munitions_alone_is_no_tally() -> None:
    claim = only(analyse("Окупанти атакували місто трьома крилатими ракетами зранку."))
    assert claim.kind is ClaimKind.OUTLET
    assert [q.value for q in claim.quantities] == [3]
    assert claim.stance is Stance.ASSERTED


def test_munitions_beside_a_toll_still_tell_figures() -> None:
    claim = only(analyse("Окупанти атакували місто трьома ракетами, загинули семеро людей."))
    assert claim.stance is Stance.REPORTED


def test_deaths_told_by_the_outlet_with_no_figure_are_reported() -> None:
    claim = only(analyse("Унаслідок аварії на шахті загинули директор Іван Коваль та його заступник."))
    assert claim.kind is ClaimKind.OUTLET
    assert claim.stance is Stance.REPORTED


def test_an_event_without_casualties_stays_asserted() -> None:
    claim = only(analyse("Служба безпеки України відкрила кримінальне провадження через аварію на шахті."))
    assert claim.stance is Stance.ASSERTED


@pytest.mark.parametrize(
    ("text", "bounds"),
    [
        # a participle that opens with a month's stem ("трав" for травень) is no month
        ("Відомо про 31 загиблого та 214 травмованих людей.", [(31, 31, 31), (214, 214, 214)]),
        ("Майже сотня мешканців залишилася без даху.", [(100, None, 100)]),
        ("Близько півсотні волонтерів прибули на місце.", [(50, None, None)]),
        ("Понад десяток будинків пошкоджено.", [(10, 10, None)]),
        ("Понад два десятки рятувальників працюють на місці.", [(20, 20, None)]),
        ("Евакуювали триста сорок сім мешканців.", [(347, 347, 347)]),
        ("Без світла залишилися чотириста родин.", [(400, 400, 400)]),
        ("Сотні людей вийшли на вулиці.", []),
        ("Десятки людей вийшли на вулиці.", []),
    ],
)
def test_ukrainian_numbers(text: str, bounds: list) -> None:
    got = [(q.value, q.low, q.high) for q in quantities(UK, text, 0)]
    assert got == bounds


def test_russian_numbers_in_words_and_scale_nouns() -> None:
    got = [
        (q.value, q.low, q.high)
        for q in quantities(RU, "Эвакуировали около сотни жителей и пятьсот коров.", 0)
    ]
    assert got == [(100, None, None), (500, 500, 500)]
    assert [(q.value,) for q in quantities(RU, "Спасли сто двадцать пять человек.", 0)] == [(125,)]


def test_a_month_is_still_a_date() -> None:
    got = times(UK, "Це сталося 19 травня 2024 року, а 3 листопада знову.", 0, date(2024, 12, 1))
    assert [t.resolved for t in got] == ["2024-05-19", "2024-11-03"]
    assert quantities(UK, "Це сталося 19 травня.", 0) == []


def test_an_aside_between_the_subject_and_its_verb() -> None:
    ledger = analyse(
        "Голова громади Іван Петренко повідомив, що у місті пошкоджено школу.\n\n"
        "Заступник міністра Олег Коваль, у свою чергу, повідомив, що кількість поранених зросла."
    )
    claim = ledger.claims[-1]
    assert claim.source is not None and claim.source.entity is not None
    assert claim.source.entity.name == "Олег Коваль"


def test_an_aside_in_russian() -> None:
    ledger = reportedly.analyze(
        "Глава района Иван Петров сообщил, что погибли двое. Министр Олег Смирнов, в свою очередь, "
        "заявил, что помощь будет оказана всем.",
        published="2024-05-20",
    )
    claim = ledger.claims[-1]
    assert claim.source is not None and claim.source.entity is not None
    assert claim.source.entity.name == "Олег Смирнов"


def test_the_institution_named_by_its_common_noun_in_any_case() -> None:
    ledger = analyse(
        "Міністерство оборони заявило, що навчань не було. За даними відомства, у закладі тривали "
        "заняття. У відомстві додали, що тривогу оголосили заздалегідь."
    )
    names = [c.source.entity.name for c in ledger.claims if c.source and c.source.entity]
    assert len(set(names)) == 1 and len(names) == 3, names


@pytest.mark.parametrize(
    "text",
    [
        "Від початку року по області було випущено понад 300 ракет різних типів.",  # a bound
        "Уночі окупанти випустили по країні 27 ракет різних типів.",  # a barrage's count
        "У місті зафіксували два попадання крилатих ракет.",  # hits, not munitions
        "Ворог завдав двох ракетних ударів по околиці міста.",  # strikes
    ],
)
def test_other_counts_of_weapons_are_a_tally(text: str) -> None:
    assert only(analyse(text)).stance is Stance.REPORTED


def test_munitions_after_a_speaker_keep_the_speakers_stance() -> None:
    claim = only(analyse("Голова громади Іван Петренко заявив, що ворог випустив по селу дві ракети."))
    assert claim.stance is Stance.REPORTED


def test_munitions_as_the_subject_of_what_hit_are_a_damage_report() -> None:
    claim = only(analyse("Дві ракети влучили в житлові будинки та склад на околиці міста."))
    assert claim.stance is Stance.REPORTED
