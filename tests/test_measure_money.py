"""Measures read from the noun phrase beyond casualties (round 11): amounts of money by what they
are worth, and fractions in words as the shares they name. Sentences are our own."""

from __future__ import annotations

from datetime import date

import pytest

from reportedly.extract.measures import type_measures
from reportedly.extract.quantities import find_quantities
from reportedly.extract.times import find_times
from reportedly.model import Measure
from reportedly.nlp import load

PUBLISHED = date(2025, 3, 6)


@pytest.fixture(scope="module")
def nlp():
    return load()


def keys(nlp, text: str) -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    for sent in nlp(text).sents:
        times = find_times(sent, 0, PUBLISHED)
        qs = find_quantities(sent, 0, times)
        for q, m in zip(qs, type_measures(sent, qs, 0, times, PUBLISHED), strict=True):
            out[q.text] = m.key if m else None
    return out


def test_an_amount_is_typed_by_the_money_noun_it_is_worth(nlp):
    # "in aid", a modified noun ("a $2 billion loan"), the subject of a valuing verb
    assert keys(nlp, "The government pledged 50 million euros in aid.")["50 million"] == "aid (EUR)"
    assert keys(nlp, "The bank approved a $2 billion loan for the new bridge.")["$2 billion"] == "loan (USD)"
    got = keys(nlp, "A reward of $10,000 was offered for information about the arson.")
    assert got["$10,000"] == "reward (USD)"
    # costs keep their one key: damage, losses and the cost itself
    assert keys(nlp, "Damage to the harbour was estimated at $4 billion.")["$4 billion"] == "cost (USD)"
    assert keys(nlp, "Farmers reported losses of $30 million.")["$30 million"] == "cost (USD)"
    # a price of nothing named stays untyped
    assert keys(nlp, "A loaf of bread now sells for $3.")["$3"] is None


def test_money_measures_are_never_compared_and_keep_the_currency():
    aid = Measure("aid", "usd")
    assert aid.money and aid.key == "aid (USD)"
    assert Measure("cost", "eur").key == "cost (EUR)"
    assert not Measure("killed", "people").money


def test_a_fraction_of_a_whole_is_the_share_it_names(nlp):
    # "a quarter of the town" and "25% of the town" are one series
    got = keys(nlp, "Engineers estimated that a quarter of the town had been destroyed.")
    assert (
        got["a quarter"] == keys(nlp, "Engineers estimated that 25% of the town had been destroyed.")["25%"]
    )
    assert got["a quarter"] == "percent of town destroyed"
    two = keys(nlp, "Two-thirds of the flooded area lies on the east bank.")
    assert (
        two["Two-thirds"] == keys(nlp, "Officials said 70% of the flooded area lies on the east bank.")["70%"]
    )


def test_a_fraction_of_a_duration_is_no_share():
    from reportedly.extract.fractions import fraction_shares

    assert fraction_shares("The meeting lasted a quarter of an hour.") == []
    assert fraction_shares("half a century ago") == []
    assert [round(p) for *_, p in fraction_shares("two-thirds of the homes and half of the roads")] == [
        67,
        50,
    ]


def test_a_cost_told_by_its_verb_or_an_estimate_is_a_forecast_cost(nlp):
    # the verb "cost" (or "take", "need") of work to be done, with a modal or an infinitive of purpose
    got = keys(nlp, "Engineers say repairing the dam could take three years and cost at least $400 million.")
    assert got["at least $400 million"] == "cost (USD) [forecast]"
    got = keys(nlp, "The city estimates it will cost $1.1 billion to $1.3 billion to replace the viaduct.")
    assert got["$1.1 billion to $1.3 billion"] == "cost (USD) [forecast]"
    assert keys(nlp, "Officials said it could take nearly $900 million to rebuild the pier.")[
        "nearly $900 million"
    ] == ("cost (USD) [forecast]")
    # an estimate noun's "of the costs" phrase
    got = keys(nlp, "Early estimates of the repair costs are at $250 million, a consultancy said.")
    assert got["$250 million"] == "cost (USD) [forecast]"
    # a price stated in the present is no cost of the story, nor "take" with no purpose
    assert keys(nlp, "A ticket to the museum costs $25.")["$25"] is None
    assert keys(nlp, "The ride will take $5 and an hour.")["$5"] is None


def test_relief_funds_and_aid_are_one_award(nlp):
    got = keys(nlp, "The ministry awarded the province $45 million in emergency relief on Monday.")
    assert got["$45 million"] == "aid (USD)"
    got = keys(nlp, "The minister said the first $45 million in federal emergency funds had been approved.")
    assert got["$45 million"] == "aid (USD)"
    assert keys(nlp, "The bank approved a $2 billion loan for the port.")["$2 billion"] == "loan (USD)"
