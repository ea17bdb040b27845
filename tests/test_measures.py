"""Measure typing: what a number counts, whose, where, in which scope, as of when.

Sentences are our own, modelled on wire reports of disasters and wars; each expectation is the
series key (and scope) a reader would give the number.
"""

from __future__ import annotations

from datetime import date

import pytest

from reportedly.extract.measures import PlaceHit, type_measures
from reportedly.extract.quantities import find_quantities
from reportedly.extract.times import find_times
from reportedly.model import MeasureScope
from reportedly.nlp import load

PUBLISHED = date(2025, 3, 6)  # a Thursday


@pytest.fixture(scope="module")
def nlp():
    return load()


def measures(nlp, text: str, places=None):
    doc = nlp(text)
    out = []
    for sent in doc.sents:
        times = find_times(sent, 0, PUBLISHED)
        qs = find_quantities(sent, 0, times)
        kwargs = {"find_places": places} if places else {}
        for q, m in zip(qs, type_measures(sent, qs, 0, times, PUBLISHED, **kwargs), strict=True):
            out.append((q.text, m))
    return out


def keys(nlp, text: str, places=None) -> dict[str, str | None]:
    return {t: (m.key if m else None) for t, m in measures(nlp, text, places)}


def test_the_event_comes_from_noun_verb_or_predicate(nlp):
    assert keys(nlp, "The storm killed more than 120 people and injured hundreds more.") == {
        "more than 120": "people killed",
        "hundreds": "people injured",
    }
    assert keys(nlp, "At least 40 people were still missing and some 900 houses remained flooded.") == {
        "At least 40": "people missing",
        "some 900": "homes flooded",
    }
    assert keys(nlp, "Rescuers said 35 residents had been evacuated.")["35"] == "people evacuated"


def test_a_tally_takes_its_event_from_the_toll_or_its_neighbours(nlp):
    assert keys(nlp, "The death toll rose to 1,340 on Wednesday.")["1,340"] == "people killed"
    got = keys(
        nlp,
        "There were 610 confirmed deaths in the valley and another 95 on the coast, "
        "putting the total at 705.",
    )
    assert got["610"] == got["95"] == got["705"] == "people killed"
    assert keys(nlp, "That brought the number of people killed to 2,210.")["2,210"] == "people killed"


def test_a_subset_counts_the_same_event(nlp):
    got = keys(nlp, "A total of 2,400 people were evacuated, including 310 children.")
    assert got["2,400"] == "people evacuated" and got["310"] == "children evacuated"


def test_numbers_that_count_nothing_tracked_get_no_measure(nlp):
    got = keys(nlp, "The quake hit an area that is home to 4 million people, and the rally drew 3,000 fans.")
    assert got["4 million"] is None
    # a historical comparison belongs to another event
    assert keys(nlp, "It was the worst since a 1999 quake that killed 17,000 people.")["17,000"] is None


def test_forecasts_and_hedged_counts(nlp):
    got = measures(nlp, "Officials warned the toll could rise to more than 5,000.")
    assert got[0][1].scope is MeasureScope.FORECAST and got[0][1].key == "people killed [forecast]"
    hedged = measures(nlp, "As many as 300 people might have died in the village.")
    assert hedged[0][1].scope is MeasureScope.POINT and hedged[0][1].what == "killed"


def test_a_day_the_verb_gives_is_the_as_of_day_and_a_day_on_a_noun_is_not(nlp):
    got = measures(nlp, "The toll climbed to 900 on Tuesday.")
    assert got[0][1].as_of == date(2025, 3, 4)
    got = measures(nlp, "Monday's landslide has killed 80 people.")
    assert got[-1][1].as_of == PUBLISHED


def _places(sent):
    found = []
    for name in ("Valmont", "Riverton", "Eastland"):
        at = sent.text.find(name)
        if at >= 0:
            found.append(PlaceHit(at, at + len(name), name.lower(), name))
    return found


def test_the_numbers_own_place_not_someone_elses(nlp):
    got = keys(nlp, "Officials in Riverton said 52 people died in Valmont.", _places)
    assert got["52"] == "people killed in Valmont"
    got = keys(nlp, "The combined toll rose to over 700 for Valmont and Eastland.", _places)
    assert (
        got["over 700"] == "people killed in Eastland and Valmont"
        or got["over 700"] == "people killed in Valmont and Eastland"
    )
    got = keys(nlp, "Authorities in Riverton reported 14 deaths.", _places)
    assert got["14"] == "people killed"


def test_a_quakes_magnitude_however_it_is_written(nlp):
    # the scale after the number, joined by a hyphen, or named before it: one series
    assert keys(nlp, "Rescuers reached towns shaken by Sunday's 6.9-magnitude tremor.")["6.9"] == "magnitude"
    assert keys(nlp, "The magnitude 6.9 quake struck before dawn.")["6.9"] == "magnitude"
    assert keys(nlp, "A 6.9 magnitude quake struck before dawn.")["6.9"] == "magnitude"
    # a hyphen still joins other numbers into a compound: no count there
    assert "4" not in keys(nlp, "A 4-year-old boy was pulled from the rubble.")
