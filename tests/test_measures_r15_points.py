"""Figures a reader types at once that measure typing left untyped (round 15, gold points of the
development stories lost before series were built): a toll that "sits at" a number, a tally
told by a pronoun, "N dead" in a verbless list, the earlier value of a toll "up from" a number
hung on a day, and the people whose safety is unconfirmed. Sentences are our own."""

from __future__ import annotations

import pytest

from reportedly.nlp import load
from test_measures import keys


@pytest.fixture(scope="module")
def nlp():
    return load()


def test_a_toll_that_sits_at_a_number(nlp):
    got = keys(nlp, "The confirmed death toll from the region's worst storm in years currently sits at 64.")
    assert got["64"] == "people killed"


def test_a_tally_moved_by_its_pronoun_is_the_sentence_s_tally(nlp):
    got = keys(nlp, "The death toll climbed again after the province raised it to 41 on Sunday.")
    assert got["41"] == "people killed"
    # a pronoun moved by a tally verb in a sentence that names no tally counts nothing
    assert keys(nlp, "It took 40 minutes for the ferry to reach the island.")["40"] is None


def test_a_number_with_its_event_adjective_in_a_verbless_list(nlp):
    got = keys(nlp, "Puerto Alto (Chile) – At least 18 dead, six missing, shops and schools damaged.")
    assert got["At least 18"] == "people killed"
    assert got["six"] == "people missing"
    got = keys(
        nlp,
        "Officials on Friday raised the official number of victims of the storm to 33 dead and 12 missing.",
    )
    assert got["33"] == "people killed"
    assert got["12"] == "people missing"
    # an age beside a name stays no count
    assert keys(nlp, "Maria Lopez, 62, was rescued from the roof on Tuesday.")["62"] is None


def test_a_missing_tally_named_by_its_participle(nlp):
    got = keys(nlp, "The governor raised the number of missing to 19 on Monday.")
    assert got["19"] == "people missing"


def test_the_earlier_value_hung_on_a_day(nlp):
    got = keys(nlp, "The mayor said the death toll has risen to 47, up from 41 Friday night.")
    assert got == {"47": "people killed", "41": "people killed"}


def test_people_whose_safety_is_unconfirmed_are_missing(nlp):
    got = keys(nlp, "The safety of 140 residents remains unconfirmed in the district.")
    assert got["140"] == "people missing"
    got = keys(nlp, "The whereabouts of 25 people are still unknown, police said.")
    assert got["25"] == "people missing"
    # safety that is no unknown is no count
    assert keys(nlp, "The safety of 500 workers is the company's priority.")["500"] is None
