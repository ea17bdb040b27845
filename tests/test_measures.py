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
    # the scale before the number, joined by a hyphen (one token for the tokenizer)
    got = keys(nlp, "Towns were cut off after the magnitude-6.9 tremor hit the valley.")
    assert got["6.9"] == "magnitude"
    # a hyphen still joins other numbers into a compound: no count there
    assert "4" not in keys(nlp, "A 4-year-old boy was pulled from the rubble.")


def test_a_conjoined_number_with_its_own_participle_counts_that(nlp):
    got = keys(nlp, "The ministry reported 812 deaths and 1,449 injured in the north.")
    assert got == {"812": "people killed", "1,449": "people injured"}


def test_a_tally_naming_its_event_wins_over_a_bare_one(nlp):
    # "figures" (a bare tally) is the subject, "the death toll" the object: the toll says what
    assert keys(nlp, "Earlier figures had put the death toll at nine.")["nine"] == "people killed"
    # a relative clause on the toll
    got = keys(nlp, "The toll, which now stands at more than 300 people, is expected to rise.")
    assert got["more than 300"] == "people killed"


def test_a_later_event_is_not_the_first_ones_magnitude(nlp):
    assert keys(nlp, "Hours later, a 6.1 magnitude quake struck further north.")["6.1"] == "later magnitude"
    assert keys(nlp, "Another 5.9 magnitude tremor shook the coast.")["5.9"] == "later magnitude"
    assert keys(nlp, "The 6.9 magnitude quake struck before dawn.")["6.9"] == "magnitude"
    assert keys(nlp, "The second quake had a magnitude of 6.2.")["6.2"] == "second magnitude"


@pytest.fixture(scope="module")
def gazetteer():
    from reportedly.extract.measure_places import gazetteer_places

    return gazetteer_places()


def test_a_country_owning_a_region_gives_way_to_the_region(nlp, gazetteer):
    got = keys(nlp, "Twelve people died in Ukraine's Kherson region on Monday.", gazetteer)
    assert got["Twelve"] == "people killed in Kherson region"
    # a region claimed by a country not its own is held by that country
    got = keys(nlp, "The water rose by more than 4 metres in Russia's Kherson region.", gazetteer)
    assert got["more than 4"] == "metres in Kherson region (occupied)"
    got = keys(nlp, "Nine people died in Russia's Kursk region.", gazetteer)
    assert got["Nine"] == "people killed in Kursk region"


def test_an_area_held_by_both_sides_is_no_one_sides_area(nlp, gazetteer):
    got = keys(nlp, "The storm killed about 900 people in government and rebel-held areas.", gazetteer)
    assert got["about 900"] == "people killed"
    text = "It killed about 950 people in both the government- and rebel-held areas in Syria."
    got = keys(nlp, text, gazetteer)
    assert got["about 950"] == "people killed in Syria"
    got = keys(nlp, "Officials said 400 deaths had been reported in the rebel-held areas.", gazetteer)
    assert got["400"] == "people killed in held:rebel areas"


def test_a_place_in_another_numbers_phrase_or_on_the_event_is_not_this_numbers(nlp, gazetteer):
    text = "Officials said at least 210 people died in the storm, with another 45 deaths in Syria."
    got = keys(nlp, text, gazetteer)
    assert got["at least 210"] == "people killed"
    assert got["45"] == "people killed in Syria"
    got = keys(nlp, "He said 9,100 people were injured by the quake centred around Gaziantep.", gazetteer)
    assert got["9,100"] == "people injured"
    got = keys(nlp, "He said 9,100 people were injured in Gaziantep.", gazetteer)
    assert got["9,100"] == "people injured in Gaziantep"


def test_the_earlier_value_of_a_raised_tally_counts_the_same(nlp):
    got = keys(nlp, "The agency raised the death toll to 1,134, up from 1,046 a few hours earlier.")
    assert got == {"1,134": "people killed", "1,046": "people killed"}


def test_a_period_dating_the_event_makes_no_period_of_the_count(nlp):
    got = measures(nlp, "He said 3,418 people have died as a result of last week's storm.")
    assert got[-1][1].scope is not MeasureScope.PERIOD


def test_who_is_in_hospital_is_counted_apart_from_the_injured(nlp):
    # taken to hospital (a count that grows) and still in hospital (one that falls) are two counts
    got = keys(nlp, "A total of 145 were hospitalized and 97 are still in hospital.")
    assert got == {"145": "people hospitalised", "97": "people in hospital"}
    got = keys(nlp, "Eighty people injured in the attack remain in hospital.")
    assert got["Eighty"] == "people in hospital"
    # a number the parse hung on the date before it is the next verb's subject
    text = "Rescuers searched the site for remains on Monday and 97 are still in hospital."
    assert keys(nlp, text)["97"] == "people in hospital"
    assert keys(nlp, "Eighty people were injured in the attack.")["Eighty"] == "people injured"


def test_a_day_on_the_event_dates_the_event_not_the_count(nlp):
    # the killing happened on Saturday; the count of its dead is the one known when told
    got = measures(nlp, "Gunmen stormed the hall in an attack which killed 39 people on Saturday.")
    assert got[-1][1].as_of == PUBLISHED
    got = measures(nlp, "The March 1 attack on the market resulted in 39 fatalities.")
    assert got[-1][1].as_of == PUBLISHED
    # a day on the tally's own verb dates the count
    got = measures(nlp, "The toll rose on Tuesday to 43.")
    assert got[-1][1].as_of == date(2025, 3, 4)


def test_a_clause_joined_with_its_own_subject_says_nothing_of_the_tally(nlp):
    got = keys(nlp, "The death toll rose to 640 after aftershocks collapsed hundreds of buildings.")
    assert got["640"] == "people killed"
    # the number of lives lost in a place holds in that place
    got = keys(nlp, "The number of lives lost in Syria stands at 3,317.", gazetteer_places_once())
    assert got["3,317"] == "people killed in Syria"


def gazetteer_places_once():
    from reportedly.extract.measure_places import gazetteer_places

    return gazetteer_places()


def test_a_modal_above_the_numbers_clause_makes_a_forecast(nlp):
    text = "Officials said the breach could result in the river rising by as much as 9 metres."
    assert keys(nlp, text)["9"] == "metres [forecast]"
    # the speaker's verb is not the count's, and a refusal to rule out is a hedge, not a forecast
    assert keys(nlp, "Officials said 5 people died.")["5"] == "people killed"
    got = measures(nlp, "Officials would not rule out that 500 people might have died.")
    assert got[-1][1].scope is not MeasureScope.FORECAST


def test_a_number_on_an_event_word_and_a_tally_that_amounts_to(nlp):
    got = keys(nlp, "At least 40 people were killed and over 100 hurt when the roof fell.")
    assert got == {"At least 40": "people killed", "over 100": "people injured"}
    got = keys(nlp, "The toll has risen to 144, and the injuries amount to 551.")
    assert got == {"144": "people killed", "551": "people injured"}
    assert keys(nlp, "Doctors treated 40 people.")["40"] == "people treated"


def test_a_number_of_an_event_dated_months_before_belongs_to_no_series(nlp):
    got = keys(nlp, "The town was hit by a missile in November that killed four people.")
    assert got["four"] is None
    got = keys(nlp, "A missile hit the town on Monday, killing four people.")
    assert got["four"] == "people killed"
    # however the parse hangs the clause, and not when the month dates a statement
    got = keys(nlp, "The town was hit by a Russian missile in November that killed four people")
    assert got["four"] is None
    assert keys(nlp, "Officials said in January that 40 people had died.")["40"] == "people killed"


def test_pleas_charges_and_outpatients_are_counted(nlp):
    assert keys(nlp, "The judge said three of the defendants had pleaded guilty.")["three"] == (
        "people pleaded guilty"
    )
    assert keys(nlp, "Two of the accused admitted guilt, prosecutors said.")["Two"] == "people pleaded guilty"
    assert keys(nlp, "Two men pleaded not guilty on Tuesday.")["Two"] == "people pleaded not guilty"
    assert keys(nlp, "Forty people received outpatient care.")["Forty"] == "people treated"
    assert keys(nlp, "About 900 residents were brought to safety.")["About 900"] == "people evacuated"
    # a part named by what it includes: "the dead included four children" counts dead children
    assert keys(nlp, "The dead included four children.")["four"] == "children killed"


def test_the_attackers_are_one_count_whatever_happens_to_them(nlp):
    assert keys(nlp, "At least six gunmen stormed the mall.")["At least six"] == "attackers"
    assert keys(nlp, "The three men who attacked the station were detained.")["three"] == "attackers"
    assert keys(nlp, "At least two people in masks opened fire on the crowd.")["At least two"] == "attackers"
    got = keys(nlp, "Police detained nine people, including the three gunmen.")
    assert got == {"nine": "people arrested", "three": "attackers"}
    # men who were detained are people detained, not attackers
    assert keys(nlp, "Police detained four men on Monday.")["four"] == "people arrested"


def test_a_part_of_the_same_count_named_with_including_is_no_second_figure(nlp):
    got = keys(nlp, "Police have detained 12 people, including the five men suspected of planning the raid.")
    assert got == {"12": "people arrested", "five": None}
    # a part of another kind keeps its own series
    assert keys(nlp, "A total of 2,400 people were evacuated, including 310 children.")["310"] == (
        "children evacuated"
    )


def test_an_unnamed_town_or_area_under_a_side_is_that_sides_area(nlp, gazetteer):
    got = keys(nlp, "Six residents of a Russian-occupied town near the river have died.", gazetteer)
    assert got["Six"] == "people killed in occupied areas"
    got = keys(nlp, "Nearly 2,000 people were evacuated in Russian areas.", gazetteer)
    assert got["Nearly 2,000"] == "people evacuated in occupied areas"
    # a place's own name before "areas" is no side
    got = keys(nlp, "Nine people died in flooded Kherson areas.", gazetteer)
    assert "occupied" not in (got["Nine"] or "")


def test_a_bare_tally_takes_the_event_of_the_paragraphs_last_figure(nlp):
    from reportedly.model import Measure

    doc = nlp("The confirmed total now stands at 9,100.")
    sent = next(iter(doc.sents))
    times = find_times(sent, 0, PUBLISHED)
    qs = find_quantities(sent, 0, times)
    assert type_measures(sent, qs, 0, times, PUBLISHED) == [None]
    (m,) = type_measures(sent, qs, 0, times, PUBLISHED, before=Measure("killed", "people"))
    assert m.key == "people killed"


def test_a_part_with_a_place_of_its_own_is_that_places_figure(nlp, gazetteer):
    text = (
        "The agency has reported a death toll of about 3,000 for all of Yemen, "
        "including 1,200 in the rebel-held north."
    )
    got = keys(nlp, text, gazetteer)
    assert got == {
        "about 3,000": "people killed in Yemen",
        "1,200": "people killed in held:rebel, north areas",
    }


def test_a_place_that_opens_the_sentence_holds_for_every_clause(nlp, gazetteer):
    got = keys(
        nlp,
        "In Kherson oblast, 12 villages were flooded, two people died, and 480 people were evacuated.",
        gazetteer,
    )
    assert got == {
        "12": "settlements flooded in Kherson region",
        "two": "people killed in Kherson region",
        "480": "people evacuated in Kherson region",
    }
    # a phrase that opens the sentence but names no place sets no place
    assert keys(nlp, "In a statement, officials said 12 people died.", gazetteer)["12"] == "people killed"


def test_a_verb_the_parse_hangs_on_the_next_clause_keeps_its_own_tally(nlp):
    got = keys(
        nlp,
        "According to him, the official death toll from the flooding is currently at ten, "
        "20 more people were injured.",
    )
    assert got == {"ten": "people killed", "20": "people injured"}


def test_a_count_growing_by_a_factor_is_a_forecast_unless_told_as_past(nlp):
    assert (
        keys(nlp, "The death toll could rise eight-fold, the agency warned.")["eight-fold"]
        == "times [forecast]"
    )
    assert (
        keys(nlp, "Those numbers are likely to increase as much as six times.")["six"] == "times [forecast]"
    )
    assert (
        keys(nlp, "We often see fivefold increases on the initial numbers.")["fivefold"] == "times [forecast]"
    )
    assert keys(nlp, "The toll has risen fivefold since Monday.")["fivefold"] == "times"
    # "three times" with no growth counts occurrences: nothing tracked
    assert keys(nlp, "He was arrested three times.")["three"] is None


def test_a_part_named_with_including_counts_what_its_whole_counts(nlp):
    got = keys(nlp, "Sixty people injured in the blast, including four children, remain in hospital.")
    assert got == {"Sixty": "people in hospital", "four": "children in hospital"}


def test_a_countrys_side_of_the_border_is_that_country(nlp, gazetteer):
    text = (
        "The toll reached 5,100, with another 1,600 people confirmed dead on the Syrian side of the border."
    )
    assert keys(nlp, text, gazetteer)["1,600"] == "people killed in Syria"
    # "the Ukrainian side" alone is a party that speaks, not a place
    assert keys(nlp, "The Ukrainian side said 12 people died.", gazetteer)["12"] == "people killed"


def test_a_figure_that_includes_counts_goes_on_from_the_last_figure_told():
    from reportedly import analyze

    text = (
        "The death toll from Monday's earthquake rose to nearly 9,000 on Friday.\n\n"
        "The new figure, which is certain to rise, included over 7,600 people in Turkey and more than "
        "1,300 in Syria."
    )
    got = {q.text: q.measure.key if q.measure else None for c in analyze(text).claims for q in c.quantities}
    assert got["over 7,600"] == "people killed in Turkey"
    assert got["more than 1,300"] == "people killed in Syria"


def test_a_place_in_the_event_a_tally_is_of_is_the_tallys(nlp, gazetteer):
    text = (
        "Rescuers said the death toll from the earthquake in northwestern Syria has risen to more than 740."
    )
    assert keys(nlp, text, gazetteer)["more than 740"] == "people killed in Syria (northwest)"
    # a place only near the event places the event, not the count
    assert (
        keys(nlp, "The death toll from the attack near Moscow rose to 143.", gazetteer)["143"]
        == "people killed"
    )


def test_the_sentences_places_are_looked_up_once_and_only_when_a_reading_needs_them(nlp):
    """The gazetteer search is costly (a tenth of the analysis when every sentence paid for it):
    a sentence with no quantity, or whose quantities are read as no measure before their place
    matters, never asks; one with several measures asks once, and the places still reach them."""
    from reportedly.extract.measure_places import gazetteer_places

    gaz = gazetteer_places()
    asked: list[str] = []

    def counting(sent):
        asked.append(sent.text)
        return gaz(sent)

    assert measures(nlp, "Officials in Kherson said the water was receding.", counting) == []
    assert asked == []  # no quantity: no search
    got = keys(nlp, "The storm killed 120 people in Turkey and injured 300 in Syria.", counting)
    assert got == {"120": "people killed in Turkey", "300": "people injured in Syria"}
    assert len(asked) == 1  # two measures, one search
    asked.clear()
    assert keys(nlp, "Istanbul is home to 15.6 million people.", counting) == {"15.6 million": None}
    assert asked == []  # a count of things with no event is no measure, wherever it is


def test_a_place_owning_the_speaker_or_the_strikes_is_not_where_the_number_holds(nlp, gazetteer):
    # a place on officials, an agency or an attack names whose they are, not where people died
    got = keys(nlp, "The blast killed at least 60 people, according to Damascus officials.", gazetteer)
    assert got["at least 60"] == "people killed"
    got = keys(nlp, "Medics said 90 people had been killed in Turkey's shelling of the town.", gazetteer)
    assert got["90"] == "people killed"
    text = "The French intelligence community believes that 40 people died in the blast in Syria."
    assert keys(nlp, text, gazetteer)["40"] == "people killed in Syria"
    # a place on a tally or a place noun is still the number's own
    got = keys(nlp, "Syria's death toll rose to 700 on Monday.", gazetteer)
    assert got["700"] == "people killed in Syria"
    got = keys(nlp, "Twelve people died in the Turkish province of Hatay.", gazetteer)
    assert got["Twelve"] == "people killed in Hatay"


def test_likely_before_a_past_verb_hedges_a_count_and_forecasts_nothing(nlp):
    got = measures(nlp, "Analysts judge that there likely were 70 to 90 people killed in the blast.")
    assert got[0][1].scope is MeasureScope.POINT and got[0][1].what == "killed"
    got = measures(nlp, "Officials said 45 people probably died in the fire.")
    assert got[0][1].scope is MeasureScope.POINT
    got = measures(nlp, "Officials said the toll will likely rise to 500.")
    assert got[0][1].scope is MeasureScope.FORECAST


def test_nationals_and_martyrs_are_people(nlp):
    got = measures(nlp, "The ministry said 310 Lebanese and 45 Syrians were killed in the strikes.")
    by_text = {t: m for t, m in got}
    assert by_text["45"].unit == "people" and by_text["45"].subject == "Syrian"
    assert keys(nlp, "The ministry said 45 Syrian people were killed.")["45"] == by_text["45"].key
    assert keys(nlp, "The death toll reached 230 martyrs, the ministry said.")["230"] == "people killed"


def test_a_figure_at_the_end_of_a_range_is_a_tally_of_what_the_range_counts(nlp):
    text = "Officials estimated the death toll was probably at the low end of the 70 to 90 range."
    assert keys(nlp, text)["70 to 90"] == "people killed"


def test_an_estimated_tally_is_a_count_and_a_week_told_as_when_is_no_period(nlp):
    got = measures(nlp, "Investigators estimated the death toll at 70 to 90, officials said.")
    assert got[0][1].key == "people killed" and got[0][1].scope is MeasureScope.POINT
    got = measures(nlp, "Officials estimate the toll will reach 5,000.")
    assert got[0][1].scope is MeasureScope.FORECAST
    got = measures(nlp, "Analysts said 70 people died in the explosion at the depot earlier this week.")
    assert got[0][1].scope is MeasureScope.POINT


def test_the_displacement_of_people_counts_the_displaced(nlp):
    text = "In the region, the storm has caused the displacement of more than 8,000 people, the agency said."
    assert keys(nlp, text)["more than 8,000"] == "people displaced"


def test_a_toll_that_surpassed_a_figure_counts_its_dead(nlp):
    assert keys(nlp, "He said the death toll in the city had surpassed 2,000.")["2,000"] == "people killed"


def test_a_weight_is_one_unit_however_it_is_abbreviated(nlp):
    a = measures(nlp, "Investigators said the rocket carried a charge of about 5 kilograms.")[0][1]
    b = measures(nlp, "Investigators said the rocket exploded with a charge of about 5 kilos.")[0][1]
    assert a is not None and b is not None and a.unit == b.unit == "kilograms"


def test_a_tally_that_falls_or_is_revised_still_counts_its_event(nlp):
    # news tells a tally going down as it tells one going up: "fell to", "revised down to"
    got = keys(nlp, "The number of people who are missing fell from 64 to 52, the sheriff said.")
    assert got["52"] == "people missing"
    got = keys(nlp, "Officials have revised the number of deaths from the storm down to 38 people.")
    assert got["38"] == "people killed"
    assert keys(nlp, "The coroner pegged the death toll at 19 on Friday.")["19"] == "people killed"


def test_a_count_listed_or_registered_as_an_event_counts_that_event(nlp):
    got = keys(nlp, "By Tuesday, 640 people were still listed as missing after the mudslide.")
    assert got["640"] == "people missing"
    got = keys(nlp, "Some 210 residents were registered as displaced, the council said.")
    assert got["Some 210"] == "people displaced"
    # "as" in another sense says nothing of what is counted
    assert keys(nlp, "As many as 30 buses were parked outside.")["As many as 30"] is None


def test_a_bare_number_with_its_own_participle_counts_that_participle(nlp):
    # the parse leaves "9,500 wounded" on its own after a conjunction: it counts the wounded
    got = keys(
        nlp,
        "Earlier on Monday, the health office said at least 1,650 Yemenis were killed and 7,300 "
        "wounded in air raids since March 3.",
    )
    assert got["7,300"] == "people injured"
    # however the parse hangs it: on the verb as a conjoined subject
    got = keys(nlp, "The agency said at least 2,100 soldiers were killed and 9,500 wounded in the offensive.")
    assert got["9,500"] == "people injured"


def test_the_identified_dead_are_a_count_of_their_own(nlp):
    got = keys(nlp, "So far, 41 of the victims have been identified, the medical examiner said.")
    assert got["41"] == "people identified"
    assert (
        keys(nlp, "So far, 63 of the deceased have been positively identified.")["63"] == "people identified"
    )
    got = keys(nlp, "Of the 88 fatalities, 17 people have been identified and their families told.")
    assert got["17"] == "people identified" and got["88"] == "people killed"


def test_who_is_in_critical_condition_is_a_count_of_its_own(nlp):
    got = keys(nlp, "Six people remain in critical condition, the hospital said.")
    assert got["Six"] == "people critical"
    got = keys(nlp, "At least 19 people are said to be in critical condition.")
    assert got["At least 19"] == "people critical"
    got = keys(nlp, "The toll reached 52, and 11 critical cases remain at the clinic.")
    assert got["52"] == "people killed" and got["11"] == "people critical"
    # raised through "said to be", a state that is no condition keeps its own reading
    got = keys(nlp, "Five people are said to be in hospital, officials said.")
    assert got["Five"] == "people in hospital"


def test_a_number_beside_a_name_is_an_age_not_a_count(nlp):
    got = keys(nlp, "Residents Alma Reyes, 81, and Tomas Berg, 56, were identified by the coroner.")
    assert got["81"] is None and got["56"] is None
    got = keys(nlp, "Victims include Maria Lopez, 41, a nurse, who was killed in the fire.")
    assert got["41"] is None
    # a count beside a name with its own noun is still a count
    got = keys(nlp, "The county said Lahaina, 12 people among them, lost 40 homes, and 9 people died.")
    assert got["9"] == "people killed"


@pytest.mark.parametrize(
    "text",
    [
        "The last figure the region gave was on 3 March when only 12 deaths were reported.",
        "The count was last published on Monday, when 12 people had been confirmed dead.",
    ],
)
def test_a_when_clause_holds_on_the_day_it_hangs_on(nlp, text: str) -> None:
    got = dict(measures(nlp, text))
    assert got["12"].what == "killed" and got["12"].as_of == date(2025, 3, 3)


def test_a_when_clause_without_a_day_keeps_the_report_day(nlp) -> None:
    got = dict(measures(nlp, "Rescuers wept when 12 bodies were found under the bridge."))
    assert got["12"].as_of == PUBLISHED


def test_what_people_are_with_says_what_they_count(nlp) -> None:
    got = keys(nlp, "The toll reached 85 dead, in addition to 240 people with various injuries.")
    assert got["85"] == "people killed" and got["240"] == "people injured"
    # "with" naming no event leaves the count to its verb
    assert keys(nlp, "The flood killed 40 people with homes near the river.")["40"] == "people killed"


def test_an_event_word_right_after_the_counted_noun_says_what_it_counts(nlp) -> None:
    # the parse the English model gave a real report's "giving estimates of up to 10,000 people
    # missing": "missing" hung on "giving" as a clause of its own; built by hand, as the model
    # gives it only in some contexts
    from spacy.tokens import Doc

    from reportedly.extract.measure_what import what_counted

    words = ["aid", "groups", "giving", "estimates", "of", "6,000", "people", "missing", "."]
    doc = Doc(
        nlp.vocab,
        words=words,
        heads=[1, 2, 2, 2, 3, 6, 4, 2, 2],
        deps=["compound", "nsubj", "ROOT", "dobj", "prep", "nummod", "pobj", "advcl", "punct"],
        tags=["NN", "NNS", "VBG", "NNS", "IN", "CD", "NNS", "VBG", "."],
        pos=["NOUN", "NOUN", "VERB", "NOUN", "ADP", "NUM", "NOUN", "VERB", "PUNCT"],
        lemmas=["aid", "group", "give", "estimate", "of", "6,000", "people", "miss", "."],
    )
    assert what_counted(doc[5], doc[6]) == "missing"


def test_a_toll_that_names_its_event_wins_over_a_verb_joined_to_it(nlp):
    # the toll's own event says what the figure it moved to counts; the number joined after it
    # with its own participle counts that participle's event
    got = keys(
        nlp,
        "The death toll from the collision of two trains in the state has surged to 140 and more "
        "than 500 are injured, an official told reporters on Saturday.",
    )
    assert got["140"] == "people killed" and got["more than 500"] == "people injured"
    # a parse that hangs the number on a person's name: the name is nobody's unit, and the
    # toll's "of" phrase is the event the toll is of, not what it counts
    got = keys(
        nlp,
        "The death toll of the ferry accident at Rivermouth has increased to 140 and over 300 "
        "injured, informed Chief Secretary Arun Mehta.",
    )
    assert got["140"] == "people killed" and got["over 300"] == "people injured"


def test_tallies_fixed_going_up_or_expected_to_fall(nlp):
    assert keys(nlp, "The final toll has been fixed at 96, the minister said.")["96"] == "people killed"
    assert keys(nlp, "She said the death toll could go up to 300.")["up to 300"] == "people killed [forecast]"
    got = keys(nlp, "The mayor said the number of missing was expected to fall to around 40.")
    assert got["around 40"] == "people missing [forecast]"
    assert (
        keys(nlp, "More than 80 passengers lost their lives in the crash.")["More than 80"] == "people killed"
    )


def test_the_identified_and_the_not_yet_identified_are_two_counts(nlp):
    # a noun for the dead says they are dead; what they are counted as is what is done to them
    assert keys(nlp, "Officials said 45 bodies have been identified.")["45"] == "people identified"
    assert keys(nlp, "As many as 30 bodies remain unidentified.")["As many as 30"] == "people not identified"
    got = keys(nlp, "At least 12 victims of the crash are yet to be identified, officials said.")
    assert got["At least 12"] == "people not identified"
    assert keys(nlp, "The 12 unidentified bodies are kept at the morgue.")["12"] == "people not identified"
    # bodies with nothing done to them are the dead
    assert keys(nlp, "Rescuers recovered 200 bodies from the river.")["200"] == "people killed"
    assert keys(nlp, "Police released the identities of three people.")["three"] == "people identified"


def test_a_reckoning_of_the_past_is_no_forecast(nlp):
    got = measures(nlp, "The fire was estimated to have burned more than 600 hectares.")
    assert got[0][1].key == "hectares burned" and got[0][1].scope is MeasureScope.POINT
    assert keys(nlp, "The toll was estimated at 300 by the ministry.")["300"] == "people killed"
    # "certain" meaning "some" forecasts nothing
    got = keys(nlp, "The toll has been revised to 96 after accounting for certain double counts.")
    assert got["96"] == "people killed"


def test_a_place_a_distance_is_measured_from_is_not_where_a_figure_holds(nlp, gazetteer):
    got = keys(nlp, "About 400 people were injured in the crash, about 120 km north of Lucknow.", gazetteer)
    assert got["About 400"] == "people injured"
    got = keys(nlp, "About 400 people were injured in Lucknow.", gazetteer)
    assert got["About 400"] == "people injured in Lucknow"


def test_the_earlier_value_of_a_placed_tally_is_that_place_s(nlp, gazetteer):
    got = keys(nlp, "The agency raised the toll in Peru to 412, up from 388 a day earlier.", gazetteer)
    assert got["412"] == got["388"] == "people killed in Peru"


def test_what_is_done_with_the_counted_and_their_own_clause(nlp):
    # the noun the counted hang on says what is counted of them, not their own participle
    got = keys(nlp, "So far, the county has released the identities of two people killed in the blaze.")
    assert got["two"] == "people identified"
    # a number standing for people with its own clause
    got = keys(
        nlp, "Prosecutors ordered the eight to be jailed pending the investigation, the statement added."
    )
    assert got["eight"] == "people arrested"


def test_a_dateline_is_where_the_report_was_filed_not_where_a_figure_holds(nlp, gazetteer):
    assert (
        keys(nlp, "LUCKNOW, India (AP) — The death toll rose to 40 on Monday.", gazetteer)["40"]
        == "people killed"
    )
    assert keys(nlp, "Lucknow: The death toll rose to 40 on Monday.", gazetteer)["40"] == "people killed"
    # a syndication feed's country in brackets ("Lucknow [India], March 3:")
    got = keys(nlp, "Lucknow [India], March 3: The death toll rose to 40 on Monday.", gazetteer)
    assert got["40"] == "people killed"
    got = keys(nlp, "In Lucknow, the death toll rose to 40 on Monday.", gazetteer)
    assert got["40"] == "people killed in Lucknow"


def test_people_named_by_a_role_are_people(nlp):
    got = keys(nlp, "Police detained eight officials, and prosecutors ordered the eight to be jailed.")
    assert got["eight"] == "people arrested"
    assert keys(nlp, "Twelve workers were injured at the plant.")["Twelve"] == "people injured"


def test_a_share_of_a_named_whole_and_a_cost_are_series_of_their_own(nlp):
    got = keys(nlp, "An official estimated that 25% of the town was destroyed.")
    assert got["25%"] == "percent of town destroyed"
    assert keys(nlp, "Crews have covered only 3% of the search area.")["3%"] == "percent of area"
    # a percentage of no named whole compares with nothing
    assert keys(nlp, "Prices rose 5% in March.")["5%"] is None
    got = measures(nlp, "The cost to rebuild the town was estimated at $5.5 billion, the agency said.")
    assert got[0][1].key == "cost (USD)" and got[0][1].scope is MeasureScope.POINT
    assert keys(nlp, "The storm caused $1 billion in damage.")["$1 billion"] == "cost (USD)"
    # an amount of nothing named (a price) says nothing two reports could share; aid and loans
    # are typed by their noun (tests/test_measure_money.py)
    assert keys(nlp, "A ticket to the show costs $40.")["$40"] is None


def test_what_is_fired_is_counted_by_the_verb_only(nlp):
    assert keys(nlp, "The army said some 450 rockets fired from the strip had fallen short.")["some 450"] == (
        "rockets launched"
    )
    assert keys(nlp, "The air force said 40 drones were launched overnight.")["40"] == "drones launched"
    # the noun is something else: a fire that destroyed, gunmen who opened fire and killed
    assert keys(nlp, "The fire destroyed 1,000 buildings.")["1,000"] == "buildings destroyed"
    assert keys(nlp, "Gunmen opened fire and killed 40 people.")["40"] == "people killed"


def test_a_figure_the_parse_hung_elsewhere_counts_the_event_right_before_it(nlp):
    # the parse hangs "at least 40 people" on "closed", the verb of the next clause
    got = keys(nlp, "The storm has injured at least 40 people and a mudslide has closed the coastal road.")
    assert got == {"at least 40": "people injured"}
    got = keys(nlp, "The blast caused the loss of two lives and injuries to 55 passengers.")
    assert got["55"] == "people injured"


def test_a_bare_number_after_and_counts_what_the_figure_before_it_counts(nlp, gazetteer):
    got = keys(
        nlp,
        "The fighting has killed more than 900 people in Armenia, most of them soldiers,"
        " and about 600 in Georgia.",
        gazetteer,
    )
    assert got == {"more than 900": "people killed in Armenia", "about 600": "people killed in Georgia"}


def test_a_bare_tally_beside_a_tally_naming_its_event_is_that_tally(nlp):
    got = keys(
        nlp,
        "The death toll from the storm is set to climb well above the provisional tally of more than 300.",
    )
    assert got["more than 300"] == "people killed"
    got = keys(nlp, "The mayor said the death toll from the blaze is as high as 90, officials said.")
    assert got["90"] == "people killed"


def test_the_martyred_are_the_dead_and_wholly_damaged_homes_are_destroyed(nlp):
    assert keys(nlp, "“We have over 300 people martyred in the shelling,” the commander said.") == {
        "over 300": "people killed"
    }
    assert keys(nlp, "The governor said 640 houses completely damaged in the storm.") == {
        "640": "homes destroyed"
    }
    got = keys(nlp, "About 300 homes were totally destroyed and 500 homes were partially damaged.")
    assert got == {"About 300": "homes destroyed", "500": "homes damaged"}


def test_a_share_of_those_killed_is_a_share_of_people_and_no_flow(nlp):
    got = keys(nlp, "More than 70% of those killed in the floods last week were children, the agency said.")
    assert got == {"More than 70%": "percent of people killed"}
    got = keys(nlp, "Officials said 60 percent of the people killed by the storm last weekend were elderly.")
    assert got == {"60 percent": "percent of people killed"}


def test_a_part_in_grave_condition_is_a_count_of_its_own(nlp):
    got = keys(nlp, "Another 900 people were hurt, including 310 in a critical condition, the agency said.")
    assert got["900"] == "people injured" and got["310"] == "people critical"
    got = keys(
        nlp,
        "The ministry said 700 people had died and 1,500 were injured, "
        "of whom 410 were in a serious condition.",
    )
    assert got["1,500"] == "people injured" and got["410"] == "people critical"
    assert keys(nlp, "At least another 1,800 people were injured, 604 critically, officials said.")[
        "604"
    ] == ("people critical")
    got = keys(
        nlp,
        "The storm claimed the lives of 312 people and injured 959, with 204 of them in serious condition.",
    )
    assert got["959"] == "people injured" and got["204"] == "people critical"
    got = keys(nlp, "The blast killed at least 305 people and gravely wounded 832.")
    assert got["at least 305"] == "people killed" and got["832"] == "people critical"


def test_figures_listed_by_place_count_what_the_first_one_counts(nlp, gazetteer):
    got = keys(
        nlp,
        "By province, the storm caused 604 fatalities in Ancona, 276 in Pesaro, and one death in Rimini.",
        gazetteer,
    )
    assert got["604"] == "people killed in Ancona" and got["276"] == "people killed in Pesaro"
    got = keys(
        nlp,
        "As many as 684 of the deaths were in the central Ancona province, "
        "and 280 others in the Pesaro province.",
        gazetteer,
    )
    assert got["280"] == "people killed in Pesaro"
    # a number beside a name with no place of its own is still an age
    assert keys(nlp, "Clyde Wakida, 74, was identified on Friday.", gazetteer)["74"] is None


def test_a_tally_noun_s_own_value_counts_its_event(nlp):
    got = keys(nlp, "An updated toll put the number of dead at 681 and the number of injured at 501.")
    assert got["681"] == "people killed" and got["501"] == "people injured"
    got = keys(
        nlp, "The death toll from the storm has risen to 901, and the injuries to 530, the government said."
    )
    assert got["901"] == "people killed" and got["530"] == "people injured"


def test_the_dead_laid_to_rest_are_a_count_of_their_own(nlp):
    assert keys(nlp, "The ministry said 530 of the dead had been buried.")["530"] == "people buried"
    assert (
        keys(nlp, "As of today, 884 of the deceased victims have been laid to rest.")["884"]
        == "people buried"
    )
    # who lies under the rubble is not laid to rest
    assert keys(nlp, "Rescuers said 40 people were buried under the rubble.")["40"] != "people buried"


def test_damaged_or_destroyed_is_the_count_of_the_destroyed(nlp):
    assert keys(nlp, "About 1,320 houses were damaged or destroyed.")["About 1,320"] == "homes destroyed"
    assert keys(nlp, "The storm damaged or destroyed 1,320 houses.")["1,320"] == "homes destroyed"
    # damage alone stays damage
    assert keys(nlp, "About 300 houses were damaged.")["About 300"] == "homes damaged"


def test_a_number_joined_to_another_s_noun_has_its_own_place(nlp, gazetteer):
    got = keys(
        nlp,
        "The tremor killed 1,591 people in the province of Ancona and 809 in the province of Pesaro.",
        gazetteer,
    )
    assert got["1,591"] == "people killed in Ancona" and got["809"] == "people killed in Pesaro"


def test_feared_dead_estimates_the_toll_unless_a_worst_case(nlp):
    got = measures(nlp, "Officials said 3,000 people were feared dead in the city.")
    assert [(q, m.key, m.scope) for q, m in got] == [("3,000", "people killed", MeasureScope.POINT)]
    # a worst case given as an upper bound reaches for the eventual toll
    got = measures(nlp, "Up to 9,000 people are feared dead, the governor said.")
    assert got[0][1].scope is MeasureScope.FORECAST
    assert measures(nlp, "Officials fear the toll could reach 5,000.")[0][1].scope is MeasureScope.FORECAST


def test_a_tally_gone_up_to_a_figure_is_no_bound():
    from reportedly.nlp import load

    doc = load()("The death toll has gone up to 1,234, officials said.")
    (q,) = find_quantities(doc[:], 0, [])
    assert (q.text, q.value, q.low, q.high) == ("1,234", 1234, 1234, 1234)
    doc = load()("Up to 1,234 people were evacuated.")
    (q,) = find_quantities(doc[:], 0, [])
    assert q.high == 1234 and q.low is None


def test_people_on_board_are_a_count_of_their_own(nlp):
    # no event word says what these count: the load of a boat, plane, bus or train
    got = keys(nlp, "Officials said up to 300 people were on board the ferry.")
    assert got["up to 300"] == "people on board"
    assert keys(nlp, "There were at least 250 passengers aboard.")["at least 250"] == "people on board"
    assert keys(nlp, "Survivors said there were 600 people on the boat.")["600"] == "people on board"
    assert keys(nlp, "The trawler, carrying up to 500 migrants, capsized.")["up to 500"] == "people on board"
    got = keys(nlp, "Between 200 and 400 people had crammed onto the vessel.")
    assert got["Between 200 and 400"] == "people on board"
    got = keys(nlp, "The ferry had been carrying between 200 and 350 people, agencies reported.")
    assert got["between 200 and 350"] == "people on board"
    # an event on board is that event; a capacity is no count of who was aboard
    assert keys(nlp, "Twelve people were killed on the bus.")["Twelve"] == "people killed"
    assert keys(nlp, "The ship's capacity was about 400 passengers.")["about 400"] is None


def test_survivors_are_the_rescued_and_a_nationality_among_them_a_part(nlp):
    assert keys(nlp, "The coastguard said 95 survivors were taken to the port.")["95"] == "people rescued"
    assert keys(nlp, "Only 95 people survived.")["95"] == "people rescued"
    # a part "among" a whole counts what the whole counts, named by who they are
    assert keys(nlp, "Nine Tunisians were among the 95 survivors.")["Nine"] == "Tunisian people rescued"
    assert keys(nlp, "The 11 Tunisians who survived were flown home.")["11"] == "Tunisian people rescued"
    got = keys(nlp, "Only 95 people have been rescued, including 40 Tunisians, 30 Libyans and two Sudanese.")
    assert got == {
        "95": "people rescued",
        "40": "Tunisian people rescued",
        "30": "Libyan people rescued",
        "two": "Sudanese people rescued",
    }
    # a part of the same people is still no second figure of the whole's series
    assert keys(nlp, "Police detained 11 people, including the four suspects.")["four"] is None


def test_people_counted_by_what_they_are_accused_of_are_people(nlp):
    # "smugglers", "traffickers": people, as "suspects" are; one series with "people arrested"
    assert keys(nlp, "Police arrested six suspected smugglers.")["six"] == "people arrested"
    assert keys(nlp, "Five traffickers were detained at the border.")["Five"] == "people arrested"
    # a noun joined to the survivors counts its own event
    got = keys(nlp, "Crews brought 60 survivors and 20 bodies ashore.")
    assert got == {"60": "people rescued", "20": "people killed"}


def test_where_the_counted_come_from_is_not_where_they_are_counted(nlp):
    places = gazetteer_places_once()
    got = measures(nlp, "As many as 300 migrants from Chad and Niger were on board the boat.", places)
    assert [(t, m.key, m.place) for t, m in got] == [("As many as 300", "people on board", None)]
    # a town the counted come from is where they were counted: the people of the town
    (m,) = [
        m
        for _, m in measures(
            nlp, "Around 6,000 people from Kherson were displaced, aid workers said.", places
        )
    ]
    assert m.place_name == "Kherson"
    (m,) = [m for _, m in measures(nlp, "Some 40 people were evacuated from Kherson on Monday.", places)]
    assert m.place_name == "Kherson"


def test_nationals_are_people(nlp):
    got = keys(nlp, "The consulate has identified 14 nationals who were pulled from the river.")
    assert got["14"] == "people identified"


def test_a_forecast_about_another_figure_leaves_a_count_alone(nlp):
    got = measures(
        nlp,
        "A bus plunged into a gorge on Friday, killing at least 31 people, amid fears that the "
        "number of victims could reach 60.",
    )
    scopes = {t: m.scope for t, m in got}
    assert scopes == {"at least 31": MeasureScope.POINT, "60": MeasureScope.FORECAST}
    # a fear whose phrase holds the number still forecasts it
    (m,) = [m for _, m in measures(nlp, "There are fears of up to 60 more deaths.")]
    assert m.scope is MeasureScope.FORECAST


def test_on_board_figures_the_parse_hangs_on_the_wrong_word(nlp):
    # a range hung on the verb before it: the subject-less clause after it is its own
    got = keys(nlp, "Witnesses suggested between 60 and 90 people had crammed onto the ferry.")
    assert got == {"between 60 and 90": "people on board"}
    # a place put before an existential "there were", wherever the parse hung it
    got = keys(
        nlp, "According to the agency, on board the bus, which left at dawn, there were at least 52 people."
    )
    assert got == {"at least 52": "people on board"}
    # "onboard" after a number is no counted noun
    assert keys(nlp, "The bus seats 40 passengers, but there were around 65 onboard.")["around 65"] == (
        "people on board"
    )
    # not a place on a noun, nor a range whose clause has its own subject
    assert keys(nlp, "The crew on board the ferry said there were 40 cars in the hold.") == {"40": None}
    assert keys(nlp, "Officials suggested between 20 and 30 people had died.") == {
        "between 20 and 30": "people killed"
    }


def test_a_vessels_crew_is_a_count_of_its_own(nlp):
    # told with no event ("are safe", "remain on board", "there are … on the ship"): who works the
    # vessel, apart from everyone aboard and from any toll; a ship's name is no place of it
    assert keys(nlp, "All 17 crew aboard the tanker were reported safe by the port authority.") == {
        "17": "crew on board"
    }
    assert (
        keys(nlp, "There are 19 sailors on the Marisol, the shipping company said.")["19"] == "crew on board"
    )
    got = measures(nlp, "The 19 crew members of the Marisol remain onboard the stricken freighter.")
    assert [m.key for _, m in got] == ["crew on board"]
    # a crew told with others ("including the pilot") counts everyone aboard
    got = keys(nlp, "All 18 crew members aboard the freighter, including the pilot, were accounted for.")
    assert got["18"] == "people on board"
    # with an event, sailors are people like any others
    assert keys(nlp, "Four sailors were injured when the crane fell.")["Four"] == "people injured"


def test_who_lost_their_lives_in_a_relative_clause_are_the_dead(nlp):
    got = keys(nlp, "Relatives gathered to honour the nine workers who lost their lives in the blast.")
    assert got["nine"] == "people killed"
    assert keys(nlp, "The 14 passengers who suffered injuries were flown out.")["14"] == "people injured"


def test_wreckage_removed_by_weight(nlp):
    got = keys(nlp, "Clearing the harbour involved the removal of about 30,000 tonnes of steel wreckage.")
    assert got == {"about 30,000": "tonnes removed"}
    assert (
        keys(nlp, "Salvage crews have removed 2,500 tons of debris from the canal.")["2,500"]
        == "tonnes removed"
    )
    # a weight with no such event stays untyped
    assert keys(nlp, "About 1,200 tons of steel fell into the river.")["About 1,200"] is None


def test_a_magnitude_beside_a_toll_is_the_quakes(nlp):
    # the toll's event is no magnitude's: "up to 6.3 magnitude" follows a death toll
    got = keys(nlp, "The death toll rose to 95 on Friday after tremors of up to 6.3 magnitude shook hills.")
    assert got == {"95": "people killed", "up to 6.3": "magnitude"}


def test_a_toll_that_totals_a_number(nlp):
    # "total" as the tally's verb, with the toll's noun phrase running long before it
    got = keys(nlp, "The death toll in the province from the magnitude-6.1 quake that hit Sunday totaled 57.")
    assert got["57"] == "people killed"
    assert got["6.1"] == "magnitude"
    assert keys(nlp, "Deaths in the district totalled 31 by Friday.")["31"] == "people killed"


def test_bodies_waiting_for_identification_are_the_not_yet_identified(nlp):
    text = (
        "Officials said coroners had examined 150 victims and that 62 bodies were still pending "
        "identification."
    )
    assert keys(nlp, text)["62"] == "people not identified"
    assert keys(nlp, "Some 40 bodies are awaiting identification.")["Some 40"] == "people not identified"
    assert (
        keys(nlp, "There were 30 victims awaiting identification on Monday.")["30"] == "people not identified"
    )
    # waiting for something that has no count of its own opposite says nothing of the sort
    assert keys(nlp, "Some 40 people are awaiting rescue.")["Some 40"] != "people not identified"
    assert keys(nlp, "Rescuers have identified 88 bodies.")["88"] == "people identified"


def test_a_day_in_a_clause_about_someone_else_does_not_date_the_count():
    import reportedly

    text = (
        "Flood update\n\nThe authorities said that at least 90 people have lost their lives, with 80 of "
        "those deaths in the north, two in the hills—where a man who had been missing since Tuesday was "
        "found—and one on the coast."
    )
    led = reportedly.analyze(text, published="2024-11-03")
    days = {q.text: q.measure.as_of for c in led.claims for q in c.quantities if q.measure}
    assert days["at least 90"] == date(2024, 11, 3)
    # a day the count's own verb carries still dates it
    led = reportedly.analyze(
        "Flood update\n\nThe toll rose to 40 on Tuesday, officials said.", published="2024-11-03"
    )
    days = {q.text: q.measure.as_of for c in led.claims for q in c.quantities if q.measure}
    assert days["40"] == date(2024, 10, 29)


def test_a_day_since_opens_a_span_and_dates_no_count(nlp):
    # the woman went missing on Monday; the count of the dead is the one known when it is told
    text = (
        "Officials said at least 80 people have died, with 70 in the river valley, where a man "
        "missing since Monday was found dead this morning."
    )
    got = dict(measures(nlp, text))
    assert got["at least 80"].as_of == PUBLISHED
    got = measures(nlp, "The toll has risen to 45 since Tuesday.")
    assert got[-1][1].as_of == PUBLISHED
    # a day that is not opened by "since" still dates the tally's own verb
    got = measures(nlp, "The toll rose on Tuesday to 43.")
    assert got[-1][1].as_of == date(2025, 3, 4)


def test_a_place_and_the_one_holding_it_after_a_comma_are_one_place(nlp):
    # "in Valmont, Eastland": a town and its region, not two places the toll is summed over (the
    # nearer of the two is read, as for any two places not joined)
    got = keys(nlp, "The toll from the floods in Valmont, Eastland, jumped to 95 people.", _places)
    assert got["95"] in ("people killed in Valmont", "people killed in Eastland")
    # a list that goes on is still a list of places
    got = keys(nlp, "The combined toll rose to over 700 in Valmont, Riverton and Eastland.", _places)
    assert "and" in (got["over 700"] or "")
