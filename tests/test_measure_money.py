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
