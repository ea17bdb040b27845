"""States a disaster leaves people and homes in, counts of quakes, and the places of a whole's parts.

Sentences are our own, modelled on wire reports of earthquakes and storms; each expectation is
the series key a reader would give the number (round 13, ``meas16``).
"""

from __future__ import annotations

import pytest

from reportedly.nlp import load
from test_measures import keys, measures


@pytest.fixture(scope="module")
def nlp():
    return load()


def test_homes_without_water_or_power_are_a_state_of_their_own(nlp):
    assert keys(nlp, "A total of 52,300 households in the region remained without water on Tuesday.") == {
        "52,300": "homes without water"
    }
    assert keys(nlp, "More than 90,000 households were left without running water.")["More than 90,000"] == (
        "homes without water"
    )
    assert keys(nlp, "Some 12,400 homes were without power after the storm.")["Some 12,400"] == (
        "homes without power"
    )
    assert keys(nlp, "About 8,200 houses have no power.")["About 8,200"] == "homes without power"
    # a home with power is no count of anything
    assert keys(nlp, "About 8,200 houses have solar power.")["About 8,200"] is None


def test_people_cut_off_or_in_shelters(nlp):
    assert keys(nlp, "At least 1,700 people were still cut off by blocked roads.")["At least 1,700"] == (
        "people isolated"
    )
    assert keys(nlp, "About 2,600 people in 14 villages remain isolated.")["About 2,600"] == "people isolated"
    assert keys(nlp, "Some 900 residents remain inaccessible after the landslides.")["Some 900"] == (
        "people isolated"
    )
    got = keys(nlp, "More than 19,000 people were continuing to shelter in evacuation centres.")
    assert got["More than 19,000"] == "people evacuated"
    assert keys(nlp, "Around 15,000 people are staying at temporary shelters.")["Around 15,000"] == (
        "people evacuated"
    )
    # the city centre is no shelter
    assert keys(nlp, "Around 15,000 people are staying at the city centre.")["Around 15,000"] is None


def test_a_count_of_quakes_is_no_magnitude(nlp):
    assert keys(nlp, "The agency has recorded 830 tremors since Monday.")["830"] == "earthquakes recorded"
    got = keys(nlp, "A total of 612 earthquakes measuring 1 or higher have struck the area.")
    assert got == {"612": "earthquakes recorded", "1": None}  # "measuring 1": a reading on a scale
    assert keys(nlp, "Rescuers worked through more than 400 aftershocks.")["more than 400"] == (
        "earthquakes recorded"
    )
    assert keys(nlp, "A 6.1 magnitude quake struck the coast.")["6.1"] == "magnitude"


def test_a_tally_that_totals_or_triples(nlp):
    assert keys(nlp, "The death toll in the province totaled 213 as of Thursday.")["213"] == "people killed"
    assert keys(nlp, "The number of people unaccounted for more than tripled on Monday to 323.")["323"] == (
        "people missing"
    )


def _places(nlp, text: str) -> dict[str, str | None]:
    return {t: (m.place_name if m else None) for t, m in measures(nlp, text)}


def test_the_places_of_a_whole_s_parts_are_not_the_whole_s(nlp):
    got = measures(nlp, "Of the 72 deaths, 39 were in Wajima, 22 in Suzu and five in Nanao.")
    assert [(t, m.key if m else None) for t, m in got] == [
        ("72", "people killed"),
        ("39", "people killed in Wajima"),
        ("22", "people killed in Suzu"),
        ("five", "people killed in Nanao"),
    ]
    got = _places(nlp, "The 168 confirmed deaths included 70 people in Wajima, 70 in Suzu and 18 in Anamizu.")
    assert got["168"] is None
    assert _places(nlp, "The earthquake left 238 people dead, 101 each in Wajima and Suzu.")["238"] is None
    # a count that holds in its place keeps it, alone or joined to another count
    assert _places(nlp, "At least 40 people and 20 soldiers were killed in Gaza.") == {
        "At least 40": "Gaza",
        "20": "Gaza",
    }


def test_a_state_on_the_noun_itself_comes_first(nlp):
    got = keys(nlp, "The quake damaged lines, leaving 23,000 homes without power in the region.")
    assert got["23,000"] == "homes without power"
    got = keys(
        nlp,
        "The crisis continues, with more than 14,000 people still evacuating and about 40,000 "
        "households left without running water.",
    )
    assert got == {"more than 14,000": "people evacuated", "about 40,000": "homes without water"}
    # what happened to their homes is not what happened to them
    got = keys(nlp, "Some 26,000 people whose homes were destroyed are staying at schools.")
    assert got["Some 26,000"] is None
    got = keys(nlp, "Some 26,000 people who were injured are staying at schools.")
    assert got["Some 26,000"] == "people injured"


def test_a_tally_of_people_listed_as_missing(nlp):
    got = keys(nlp, "The number of people listed as missing jumped, meanwhile, to more than 323.")
    assert got["more than 323"] == "people missing"


def test_a_place_where_most_of_a_count_is_is_not_where_it_holds(nlp):
    from reportedly.extract.measure_places import gazetteer_places

    places = gazetteer_places()
    got = measures(nlp, "The storm left 140 people dead, mostly in the towns of Wajima and Suzu.", places)
    assert [(t, m.key) for t, m in got] == [("140", "people killed")]
    got = measures(nlp, "Of the victims, 14 died in Kherson Oblast and two more in Mykolaiv Oblast.", places)
    assert [(t, m.key) for t, m in got] == [
        ("14", "people killed in Kherson region"),
        ("two", "people killed in Mykolayiv region"),
    ]
    # a count told after another in one sentence keeps its own place
    text = "A total of 2,620 people have been evacuated, and four people have died in Kherson Oblast."
    assert dict((t, m.key if m else None) for t, m in measures(nlp, text, places))["four"] == (
        "people killed in Kherson region"
    )


def test_power_by_its_adjective_or_a_negated_have(nlp):
    got = keys(nlp, "Around 40,000 people were without electrical supply in the region on Friday.")
    assert got["Around 40,000"] == "people without power"
    got = keys(nlp, "The utility said about 90,000 households still do not have electricity.")
    assert got["about 90,000"] == "homes without power"
    # a negated "have" of something that is no utility is no state
    assert keys(nlp, "Some 2,000 residents did not have an evacuation plan.")["Some 2,000"] is None
    # a utility's customers or clients are the people without it
    assert (
        keys(nlp, "The utility said 12,000 customers were still without power.")["12,000"]
        == "people without power"
    )
