"""Quantities: value, bounds, hedging, unit and scope of the numbers in a sentence."""

from __future__ import annotations

from typing import Any

import pytest

from reportedly.extract.quantities import find_quantities
from reportedly.model import Quantity, QuantityScope
from reportedly.nlp import load

POINT, PERIOD, CUMULATIVE = QuantityScope.POINT, QuantityScope.PERIOD, QuantityScope.CUMULATIVE


@pytest.fixture(scope="module")
def nlp():
    return load()


def _find(nlp, sentence: str) -> list[Quantity]:
    found = find_quantities(nlp(sentence)[:], 0)
    for q in found:
        assert sentence[q.start : q.end] == q.text
    return found


def _fields(q: Quantity) -> dict[str, Any]:
    return {
        "value": q.value,
        "low": q.low,
        "high": q.high,
        "approximate": q.approximate,
        "unit": q.unit,
        "scope": q.scope,
        "attribute": q.attribute,
    }


def _q(value, low, high, unit, scope=POINT, approximate=False, attribute=False) -> dict[str, Any]:
    return {
        "value": value,
        "low": low,
        "high": high,
        "approximate": approximate,
        "unit": unit,
        "scope": scope,
        "attribute": attribute,
    }


@pytest.mark.parametrize(
    ("sentence", "text", "expected"),
    [
        (
            "Pyongyang has sent about 7,000 containers of munitions to Russia over the last two months, "
            "officials said.",
            "about 7,000",
            _q(7000.0, None, None, "containers", PERIOD, approximate=True),
        ),
        (
            "A new shipment reached the port on Friday, bringing the total number of containers to 20,000.",
            "20,000",
            _q(20000.0, 20000.0, 20000.0, "containers", CUMULATIVE),
        ),
        (
            "More than 10,000 North Korean soldiers are stationed in the border region.",
            "More than 10,000",
            _q(10000.0, 10000.0, None, "soldiers"),
        ),
        (
            "Up to 3,000 engineers could follow, the ministry said.",
            "Up to 3,000",
            _q(3000.0, None, 3000.0, "engineers"),
        ),
        (
            "Analysts put the deployment at between 8,000 and 12,000 troops.",
            "between 8,000 and 12,000",
            _q(None, 8000.0, 12000.0, "troops"),
        ),
        (
            "Some 8,000-12,000 workers were flown in.",
            "Some 8,000-12,000",
            _q(None, 8000.0, 12000.0, "workers", approximate=True),
        ),
        (
            "The plant can fill 1.5 million shells.",
            "1.5 million",
            _q(1500000.0, 1500000.0, 1500000.0, "shells"),
        ),
        (
            "The factory turns out two million rounds a year.",
            "two million",
            _q(2000000.0, 2000000.0, 2000000.0, "rounds", PERIOD),
        ),
        (
            "Seoul pledged $3 billion in reconstruction aid.",
            "$3 billion",
            _q(3e9, 3e9, 3e9, "USD"),
        ),
        (
            "Grain exports fell 20 percent, the agency said.",
            "20 percent",
            _q(20.0, 20.0, 20.0, "percent"),
        ),
        (
            "The army has lost nearly 1,200 tanks so far.",
            "nearly 1,200",
            _q(1200.0, None, 1200.0, "tanks", CUMULATIVE, approximate=True),
        ),
        (
            "At least 200 civilians were evacuated on Monday.",
            "At least 200",
            _q(200.0, 200.0, None, "civilians"),
        ),
        (
            "Rescuers found two survivors.",
            "two",
            _q(2.0, 2.0, 2.0, "survivors"),
        ),
        (
            "The brigade has received thousands of drones since the spring.",
            "thousands",
            _q(None, 2000.0, None, "drones", PERIOD, approximate=True),
        ),
        (
            "The crews fire as many as 50 rockets per day.",
            "as many as 50",
            _q(50.0, None, 50.0, "rockets", PERIOD),
        ),
        (
            "Russia received 6,000 mortars in all.",
            "6,000",
            _q(6000.0, 6000.0, 6000.0, "mortars", CUMULATIVE),
        ),
        (
            # The small model tags this phrase DATE; it must still be read as a range.
            "Between 10 and 15 percent of voters stayed home.",
            "Between 10 and 15 percent",
            _q(None, 10.0, 15.0, "percent"),
        ),
        (
            "The depot held 152 mm shells and old rifles.",
            "152 mm",
            _q(152.0, 152.0, 152.0, "mm", attribute=True),
        ),
    ],
)
def test_quantity_fields(nlp, sentence: str, text: str, expected: dict[str, Any]) -> None:
    found = {q.text: q for q in _find(nlp, sentence)}
    assert text in found, f"{text!r} not in {list(found)}"
    assert _fields(found[text]) == expected


@pytest.mark.parametrize(
    ("sentence", "texts"),
    [
        # Years, days of the month and numbers inside time phrases are times, not quantities.
        ("The accord was signed in 2023 and extended on Nov. 5.", []),
        ("Talks lasted the last two months.", []),
        # Pronoun "one", ordinals and compound adjectives are not counts.
        ("One of the officials said the first convoy left in a 20-year-old truck.", []),
        # "from X to Y" is a change between two numbers, not a range.
        ("The garrison grew from 5,000 to 9,000.", ["5,000", "9,000"]),
        ("The units fielded 170mm self-propelled artillery and 240mm howitzers.", ["170mm", "240mm"]),
    ],
)
def test_which_numbers_are_found(nlp, sentence: str, texts: list[str]) -> None:
    assert [q.text for q in _find(nlp, sentence)] == texts


def test_calibres_are_attributes(nlp) -> None:
    found = _find(nlp, "The units fielded 170mm self-propelled artillery and 240mm howitzers.")
    assert [(q.value, q.unit, q.attribute) for q in found] == [(170.0, "mm", True), (240.0, "mm", True)]


def test_model_designations_are_attributes(nlp) -> None:
    found = _find(
        nlp, "Kyiv said Russia fired KN-23 missiles at a base that hosts F-16 jets and Su-25 aircraft."
    )
    assert [(q.text, q.value, q.unit, q.attribute) for q in found] == [
        ("KN-23", None, None, True),
        ("F-16", None, None, True),
        ("Su-25", None, None, True),
    ]


def test_offsets_are_absolute_for_a_block_inside_the_document(nlp) -> None:
    before = "SEOUL, Nov. 20 (Wire) -\n\nA headline that is not part of the block.\n\n"
    block = (
        "The spy agency briefed lawmakers. It said more than 10,000 North Korean soldiers had arrived "
        "over the last two months, bringing the total number of troops to 12,000."
    )
    document = before + block
    doc = nlp(block)
    second = list(doc.sents)[1]
    found = find_quantities(second, len(before))
    assert [q.text for q in found] == ["more than 10,000", "12,000"]
    for q in found:
        assert document[q.start : q.end] == q.text
    first, total = found
    assert (first.low, first.high, first.unit, first.scope) == (10000.0, None, "soldiers", PERIOD)
    assert (total.value, total.unit, total.scope) == (12000.0, "troops", CUMULATIVE)


def test_multipliers_are_found_with_their_factor(nlp) -> None:
    found = _find(
        nlp, "The toll could rise eight-fold, and tenfold increases are not unusual; a 3-fold rise too."
    )
    assert [(q.text, q.value, q.unit) for q in found] == [
        ("eight-fold", 8.0, "fold"),
        ("tenfold", 10.0, "fold"),
        ("3-fold", 3.0, "fold"),
    ]


@pytest.mark.parametrize(
    ("sentence", "text", "low", "high"),
    [
        # A converted text lost the group after the separator: 12,000 to 12,999, not 12.
        ("Officials said the number of bodies recovered exceeded 12,<> by Friday.", "12", 12000.0, 12999.0),
        ("More than 4,<> homes were destroyed, the agency said.", "More than 4", 4000.0, None),
        ("Up to 7,? people were moved, the agency said.", "Up to 7", None, 7999.0),
    ],
)
def test_a_lost_thousands_group_is_read_as_thousands(nlp, sentence: str, text: str, low, high) -> None:
    found = {q.text: q for q in _find(nlp, sentence)}
    assert (found[text].value, found[text].low, found[text].high) == (
        (low if low is not None else high - 999.0),
        low,
        high,
    )


@pytest.mark.parametrize(
    "sentence",
    [
        # a comma that ends a clause, a quotation or a list is no thousands separator
        "Rescuers found 12, the agency said.",
        'He said the toll was "12," and rising.',
        "The toll (12,) was revised.",
        "The team numbered 3600,<> in all.",
    ],
)
def test_an_ordinary_comma_after_a_number_changes_nothing(nlp, sentence: str) -> None:
    values = [q.value for q in _find(nlp, sentence)]
    assert values in ([12.0], [3600.0])


def test_numbers_inside_terminal_control_sequences_are_no_figures(nlp) -> None:
    """Stored text keeps escape bytes as given (issue 18); their parameters are not quantities.

    The digits of a screen clear (ESC [ 2 J), a window title (ESC ] 0 ; ... BEL), an OSC 8 link
    and a C1 CSI colour (U+009B 31 m) became figures; the sentence's real figure stays one.
    """
    sentence = (
        "The mayor said \x1b]0;42 ships\x07 that 12 \x1b[2Jpeople \x1b]8;;http://x.invalid/7\x1b\\were"
        "\x1b]8;;\x1b\\ hurt and \x9b31m 5 \x9b0mwere missing."
    )
    assert [q.text for q in _find(nlp, sentence)] == ["12", "5"]
    assert [q.text for q in _find(nlp, "The mayor said \x1b]0;300 dead\x07 on Monday.")] == []


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        # British and US spellings of a number in words with its rest after the scale
        ("The lifeboat brought one hundred and four sailors ashore.", "one hundred and four", 104.0),
        ("The lifeboat brought one hundred four sailors ashore.", "one hundred four", 104.0),
        ("The charity fed a hundred and twenty families.", "a hundred and twenty", 120.0),
        ("Some two thousand five hundred homes lost power.", "Some two thousand five hundred", 2500.0),
        ("Officials counted three thousand and sixty-two ballots.", "three thousand and sixty-two", 3062.0),
    ],
)
def test_a_number_in_words_is_read_whole(nlp, sentence: str, text: str, value: float) -> None:
    found = {q.text: q for q in _find(nlp, sentence)}
    assert text in found, f"{text!r} not in {list(found)}"
    assert found[text].value == value


def test_two_numbers_joined_by_and_stay_two(nlp) -> None:
    # "and" joins a number's rest only after a scale written in words
    assert [q.value for q in _find(nlp, "The team sent two and then three more vans.")] == [2.0, 3.0]
    assert [q.value for q in _find(nlp, "They found 100 and four more were missing.")] == [100.0, 4.0]


def test_an_article_between_a_bound_and_digits_keeps_the_bound(nlp) -> None:
    (q,) = _find(nlp, "More than a 100 volunteers have signed up.")
    assert (q.text, q.value, q.low, q.high, q.unit) == ("More than a 100", 100.0, 100.0, None, "volunteers")
    (q,) = _find(nlp, "Up to a 1,000 seats were empty.")
    assert (q.low, q.high) == (None, 1000.0)


def test_a_tolls_of_phrase_names_its_event_not_what_is_counted(nlp) -> None:
    found = _find(nlp, "The toll of the fire at the market keeps growing: the latest reports say 41 dead.")
    assert [(q.value, q.unit) for q in found] == [(41.0, None)]
    # the number of X still counts X
    assert [q.unit for q in _find(nlp, "The number of refugees rose to 45.")] == ["refugees"]
