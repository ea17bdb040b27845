"""Round 14 (lang19): the stance of a verb of telling news (сообщить, повідомити) without figures.

GLOSSARY.md counts "tell" and "announce" among the asserting verbs and keeps ``reported`` for relayed
reports; the Russian and Ukrainian gold sets split on "повідомив" with no figure. The convention
(docs/languages.md, "Stance of a verb of telling"): a named speaker's plain statement is
``asserted``; figures or a tally, an operation or care going on, a report *of* an event ("про
вибух") and relays (the media in general, "со ссылкой на") stay ``reported``. Sentences written for
these tests.
"""

from __future__ import annotations

import pytest

import reportedly
from language_checks import only
from reportedly.model import Stance


def stance(text: str) -> Stance:
    ledger = reportedly.analyze(text, published="2024-05-20")
    assert ledger.validate() == []
    return only(ledger).stance


@pytest.mark.parametrize(
    "text",
    [
        "Голова обласної адміністрації Іван Коваль повідомив, що поліція затримала водія вантажівки.",
        "Водія вантажівки затримали на місці, повідомив голова обласної адміністрації Іван Коваль.",
        "Як повідомив голова обласної адміністрації Іван Коваль, водія вантажівки затримали.",
        "Глава района Петр Смирнов сообщил, что водитель грузовика скрылся с места аварии.",
        "В пресс-службе МВД сообщили, что водитель грузовика задержан.",
    ],
)
def test_a_named_speaker_telling_a_plain_fact_asserts_it(text: str) -> None:
    assert stance(text) is Stance.ASSERTED


@pytest.mark.parametrize(
    "text",
    [
        # figures or casualties: a tally
        "Голова обласної адміністрації Іван Коваль повідомив, що загинули троє людей.",
        # an operation going on: a situation update
        "Глава района Петр Смирнов сообщил, что на месте работают спасатели.",
        # a report of an event
        "Голова обласної адміністрації Іван Коваль повідомив про вибух на складі у передмісті.",
        # the media in general: relayed reports
        "ЗМІ повідомили, що водія вантажівки затримали на місці.",
        "СМИ сообщили, что водитель грузовика скрылся с места аварии.",
    ],
)
def test_figures_events_and_the_media_stay_reported(text: str) -> None:
    assert stance(text) is Stance.REPORTED


def test_a_surname_that_starts_like_the_media_is_a_speaker() -> None:
    # "Смирнов" starts with "сми": only the word for the media is the media
    assert stance("Глава района Петр Смирнов сообщил, что мост через реку закрыли.") is Stance.ASSERTED


def test_a_media_outlet_telling_news_is_a_media_report() -> None:
    # GLOSSARY.md: "reported" is what the media report; a named agency's plain statement stays so
    assert stance("ТАСС сообщает, что водитель грузовика скрылся с места аварии.") is Stance.REPORTED
    assert stance("Как сообщает Интерфакс, водитель грузовика скрылся с места аварии.") is Stance.REPORTED


def test_an_operation_named_by_its_noun_is_a_situation_update() -> None:
    told = "Глава района Петр Смирнов сообщил, что эвакуация жителей села началась утром."
    assert stance(told) is Stance.REPORTED
    assert stance("Голова громади Іван Коваль повідомив, що рятувальна операція тривала.") is Stance.REPORTED


def test_a_tally_named_without_a_figure_stays_reported() -> None:
    told = "Голова громади Іван Коваль повідомив, що вночі росіяни вдарили по місту, є загиблі та поранені."
    assert stance(told) is Stance.REPORTED
    told = "Глава района Петр Смирнов сообщил, что число погибших при аварии выросло."
    assert stance(told) is Stance.REPORTED


def test_an_outlet_named_by_its_common_noun_is_the_media() -> None:
    told = "Местное издание Zarya.ru сообщило, что водитель грузовика скрылся с места аварии."
    assert stance(told) is Stance.REPORTED


def test_casualties_led_to_or_the_hurt_as_a_group_stay_reported() -> None:
    told = "Голова громади Іван Коваль повідомив, що росіяни обстріляли місто, що призвело до постраждалих."
    assert stance(told) is Stance.REPORTED
    assert stance("Как сообщил министр Иван Петров, раненые хорошо перенесли дорогу.") is Stance.REPORTED


def test_a_vague_count_stays_reported() -> None:
    told = "На момент аварії на ринку було багато покупців, повідомляють очевидці."
    assert stance(told) is Stance.REPORTED
