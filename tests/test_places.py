"""The places gazetteer: names in, places out; sentences in, mentions with offsets out.

Every sentence here is written for these tests in the manner of news reports.
"""

from __future__ import annotations

import pytest

from reportedly.places import Place, Places, default_places


@pytest.fixture(scope="module")
def places() -> Places:
    return default_places()


def ids(places: Places, text: str) -> list[tuple[str, str]]:
    return [(m.text, m.place.id) for m in places.find(text)]


# -- countries ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "iso"),
    [
        ("Russia", "RU"),
        ("the Russian Federation", "RU"),
        ("South Korea", "KR"),
        ("Republic of Korea", "KR"),
        ("North Korea", "KP"),
        ("U.S.", "US"),
        ("US", "US"),
        ("the United States of America", "US"),
        ("America", "US"),
        ("Syria", "SY"),
        ("Syrian Arab Republic", "SY"),
        ("Türkiye", "TR"),
        ("Turkey", "TR"),
        ("Turkiye", "TR"),
        ("UK", "GB"),
        ("Great Britain", "GB"),
        ("Ivory Coast", "CI"),
        ("Côte d’Ivoire", "CI"),
    ],
)
def test_countries_by_their_common_names(places: Places, name: str, iso: str) -> None:
    place = places.lookup(name)
    assert place is not None and place.kind == "country" and place.id == iso


def test_a_country_is_its_own_country_with_no_region(places: Places) -> None:
    ua = places.lookup("Ukraine")
    assert ua == Place("UA", "Ukraine", "country", "UA", None, ua.population)
    assert ua.ancestor_ids == () and places.ancestors(ua) == []


def test_unknown_names_are_none(places: Places) -> None:
    assert places.lookup("Qzxvillebourg") is None
    assert places.lookup("") is None
    assert places.demonym("Atlantean") is None


# -- regions --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["Kherson region", "Kherson Oblast", "the Kherson oblast", "Khersonska oblast", "the region of Kherson"],
)
def test_a_region_in_all_its_english_forms(places: Places, name: str) -> None:
    place = places.lookup(name)
    assert place is not None and (place.id, place.kind, place.country) == ("UA-65", "region", "UA")


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Kursk region", "RU-KRS"),
        ("Belgorod Oblast", "RU-BEL"),
        ("Krasnodar Krai", "RU-KDA"),
        ("Idlib province", "SY-ID"),
        ("Aleppo governorate", "SY-HL"),
        ("Hatay province", "TR-31"),
        ("the province of Hatay", "TR-31"),
        ("Kahramanmaras province", "TR-46"),
        ("Mykolaiv oblast", "UA-48"),
        ("Odesa region", "UA-51"),
        ("Moscow region", "RU-MOS"),  # the oblast, not the federal city
    ],
)
def test_regions_named_after_their_city(places: Places, name: str, code: str) -> None:
    place = places.lookup(name)
    assert place is not None and place.id == code


def test_a_bare_region_name_that_is_no_city_is_the_region(places: Places) -> None:
    assert places.lookup("Hatay").id == "TR-31"
    assert places.lookup("Texas").id == "US-TX"


def test_possessive_looks_inside_the_owner(places: Places) -> None:
    for text in ("Russia's Kursk region", "Russia’s Kursk region"):
        kursk = places.lookup(text)
        assert kursk is not None and kursk.id == "RU-KRS"
        assert places.contains(places.lookup("Russia"), kursk)


# -- cities, spellings ------------------------------------------------------------------------


def test_cities_and_their_other_spellings(places: Places) -> None:
    assert places.lookup("Kahramanmaraş") == places.lookup("Kahramanmaras")
    assert places.lookup("Kahramanmaras").kind == "city"
    assert places.lookup("Kiev") == places.lookup("Kyiv")
    assert places.lookup("Nova Kakhovka").region == "UA-65"
    kherson = places.lookup("Kherson")
    assert (kherson.kind, kherson.country, kherson.region) == ("city", "UA", "UA-65")
    assert kherson.id.startswith("geo:") and places.get(kherson.id) == kherson


def test_a_shared_name_prefers_the_country_asked_for(places: Places) -> None:
    assert places.lookup("Moscow").country == "RU"
    assert places.lookup("Moscow", country="US").country == "US"
    assert places.lookup("Antioch", country="TR").name == "Antakya"
    assert places.lookup("Georgia").id == "GE"
    assert places.lookup("Georgia", country="US").id == "US-GA"


def test_capitals_for_the_entity_layer(places: Places) -> None:
    moscow = places.capital_of(places.lookup("Russia"))
    assert moscow is not None and moscow.kind == "city" and moscow.name == "Moscow"
    assert places.country_of_capital("Moscow").id == "RU"
    assert places.country_of_capital("Kiev").id == "UA"
    assert places.country_of_capital("Washington").id == "US"
    assert places.country_of_capital("Kherson") is None


@pytest.mark.parametrize(
    ("word", "iso"),
    [
        ("Ukrainian", "UA"),
        ("North Korean", "KP"),
        ("North Koreans", "KP"),
        ("Syrian", "SY"),
        ("Turkish", "TR"),
        ("American", "US"),
        ("British", "GB"),
        ("Chinese", "CN"),
    ],
)
def test_demonyms(places: Places, word: str, iso: str) -> None:
    assert places.demonym(word).id == iso


# -- containment ------------------------------------------------------------------------------


def test_containment_region_in_country_city_in_region(places: Places) -> None:
    ua, kherson_oblast, kherson = places.get("UA"), places.get("UA-65"), places.lookup("Kherson")
    assert places.contains(ua, kherson_oblast)
    assert places.contains(kherson_oblast, kherson)
    assert places.contains(ua, kherson)
    assert not places.contains(kherson_oblast, ua)
    assert not places.contains(kherson, kherson_oblast)
    assert not places.contains(ua, ua)  # strict: a total is not a subset of itself
    assert not places.contains(places.get("RU"), kherson)
    assert not places.contains(places.lookup("Mykolaiv oblast"), kherson)
    assert [p.id for p in places.ancestors(kherson)] == ["UA-65", "UA"]
    assert places.related(kherson, ua) == "within"
    assert places.related(places.lookup("Idlib"), places.lookup("Hatay")) == "apart"


# -- finding places in sentences ----------------------------------------------------------------


def test_offsets_reproduce_the_text(places: Places) -> None:
    text = "Three people died in the occupied town of Oleshky in Kherson Oblast, and 1,200 left Kryvyi Rih."
    found = places.find(text)
    assert [(m.text, m.place.id) for m in found][:2] == [
        ("Oleshky", places.lookup("Oleshky").id),
        ("Kherson Oblast", "UA-65"),
    ]
    assert all(text[m.start : m.end] == m.text for m in found)
    assert any(m.place.name.startswith("Kryvyy") for m in found)


@pytest.mark.parametrize(
    ("text", "name", "qualifier"),
    [
        ("Residents of Russian-occupied Nova Kakhovka fled overnight.", "Nova Kakhovka", ("occupied", "RU")),
        ("Flooding hit occupied Oleshky on Wednesday.", "Oleshky", ("occupied", None)),
        ("Aid reached government-held areas of Syria on Friday.", "Syria", ("held", "government")),
        ("Rescuers in rebel-held Idlib dug through the night.", "Idlib", ("held", "rebel")),
        ("The toll in Syria's opposition-held northwest passed 4,000.", "Syria", ("held", "opposition")),
        ("Shells hit Ukrainian-controlled parts of Kherson region.", "Kherson region", ("controlled", "UA")),
        ("Convoys left regime-held Aleppo at dawn.", "Aleppo", ("held", "regime")),
        ("Kyiv-controlled Kherson was shelled again.", "Kherson", ("controlled", "UA")),
        ("Nova Kakhovka, held by Russian forces since 2022, was flooded.", "Nova Kakhovka", ("held", "RU")),
        ("Villages under Russian control in the Zaporizhzhia region were hit.", "Zaporizhzhia region", None),
        ("The city of Kherson, which is under Ukrainian control, was hit.", "Kherson", ("controlled", "UA")),
    ],
)
def test_who_holds_a_place(places: Places, text: str, name: str, qualifier) -> None:
    found = {m.text: m for m in places.find(text)}
    assert name in found
    assert found[name].qualifier == qualifier


def test_the_agent_of_a_control_word_is_no_place(places: Places) -> None:
    found = places.find("The dam lies in the Russia-occupied part of Ukraine’s Kherson region.")
    assert [m.text for m in found] == ["Ukraine", "Kherson region"]
    assert found[1].qualifier == ("occupied", "RU")  # the region is held, not the owner
    assert found[0].qualifier is None


def test_the_left_bank(places: Places) -> None:
    found = places.find("Water covered the Russian-held left bank of the Dnipro in the Kherson region.")
    assert [(m.text, m.qualifier, m.side) for m in found] == [("Kherson region", ("held", "RU"), "left bank")]


def test_coordinated_regions_share_the_plural_noun_and_the_qualifier(places: Places) -> None:
    found = places.find("Evacuations continued from Ukrainian-held parts of Kherson and Mykolaiv oblasts.")
    held = ("held", "UA")
    assert [(m.place.id, m.qualifier) for m in found] == [("UA-65", held), ("UA-48", held)]
    found = places.find("More than 3,600 people left the Kherson and Mykolaiv regions.")
    assert [m.place.id for m in found] == ["UA-65", "UA-48"]


def test_demonym_before_a_place_noun_is_the_country(places: Places) -> None:
    found = places.find("Troops were sent to the southwestern Russian region on Sunday.")
    assert [(m.text, m.place.id, m.via) for m in found] == [("Russian", "RU", "demonym")]
    assert places.find("Kremlin officials blamed the Ukrainian side.") == []
    assert places.find("It was the fourth incident over North American airspace.") == []


def test_possessive_and_typographic_variants_in_text(places: Places) -> None:
    expected = [("Russia", "RU"), ("Kursk region", "RU-KRS")]
    assert ids(places, "Troops moved into Russia’s Kursk region.") == expected
    assert ids(places, "Troops moved into Russia's Kursk region.") == expected
    a = places.find("Rescuers reached Kahramanmaraş at dawn.")[0].place
    b = places.find("Rescuers reached Kahramanmaras at dawn.")[0].place
    assert a == b


def test_capitals_at_the_start_of_a_sentence_are_places(places: Places) -> None:
    moscow = places.lookup("Moscow").id
    assert ids(places, "Moscow said the dam was hit by Ukrainian shelling.")[0] == ("Moscow", moscow)


# -- false places ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Split the difference, the minister told reporters.",
        "Nice weather helped the rescue crews on Tuesday.",
        "Reading the report, officials found more victims.",
        "Mobile phone networks were down for two days.",
        "Of the 1,200 people evacuated, 300 were children.",
        "A shooting at Michigan State University left three dead.",
        "Bath time is over, one aid worker joked.",
        "Troops in December numbered about 10,000.",
        "The talks resume in May, and again in March.",
        "The Dnipro river burst its banks after the Kakhovka dam collapsed.",
        "The IT team and the TV crew arrived at 10 AM.",
        "The report said Tuesday that the agency, citing Xinhua, expects more.",
        "By Karolina Tagaris and Stamos Prousalis",
        "Speaking to the Kyiv Independent, the mayor said water was rising.",
    ],
)
def test_words_names_and_codes_that_are_not_places_here(places: Places, text: str) -> None:
    assert places.find(text) == []


def test_a_surname_stays_a_surname(places: Places) -> None:
    text = "Defense Secretary Lloyd Austin visited troops. Austin said more aid would follow."
    assert places.find(text) == []
    assert places.find("Frederick said the water was rising.") == []
    assert places.find("Jackson added that aid was coming.", not_places=["Jackson"]) == []


def test_a_common_word_that_is_a_town_is_believed_where_context_says_so(places: Places) -> None:
    assert [m.place.country for m in places.find("Rescuers in Van pulled two men from the rubble.")] == ["TR"]
    assert [m.place.country for m in places.find("The train from Split was late.")] == ["HR"]


def test_headlines_in_title_case(places: Places) -> None:
    found = ids(places, "Turkey Earthquake Death Toll Rises Above 20,000 In Hatay And Gaziantep")
    assert [t for t, _ in found] == ["Turkey", "Hatay", "Gaziantep"]
    assert found[1][1] == "TR-31"


def test_small_towns_in_a_list_of_places(places: Places) -> None:
    found = places.find("Convoys went to Damascus, Rif Dimashq, Quneitra, Homs and Tartus.")
    assert len(found) == 5 and {m.place.country for m in found} == {"SY"}


# -- loading ----------------------------------------------------------------------------------------


def test_nothing_is_loaded_until_asked_and_the_default_is_shared() -> None:
    fresh = Places()
    assert fresh._countries is None and fresh._cities is None
    assert fresh.demonym("Syrian").id == "SY"
    assert fresh._countries is not None and fresh._cities is None  # countries alone are cheap
    assert default_places() is default_places()


def test_the_countries_a_document_names_rank_a_shared_name_inside_them(places: Places) -> None:
    # "Valencia" alone is Venezuela's city (the larger); a report about Spain means Spain's
    alone = places.find("At least 95 people died in Valencia, officials said.")
    assert [m.place.country for m in alone] == ["VE"]
    hinted = places.find("At least 95 people died in Valencia, officials said.", hints={"ES"})
    assert [(m.text, m.place.country) for m in hinted] == [("Valencia", "ES")]
    # a country the sentence names itself still decides for its own names
    text = "Floods in Valencia, Venezuela, killed 12."
    assert [m.place.country for m in places.find(text, hints={"ES"}) if m.text == "Valencia"] == ["VE"]
    assert places.countries_in("Spain was hit by floods. In Valencia, 95 died. The US sent help.") == {
        "ES",
        "US",
    }
    assert places.countries_in("In Valencia, 95 died.") == frozenset()


def test_a_measure_reads_its_place_with_the_countries_its_document_names() -> None:
    from reportedly.extract.measure_places import gazetteer_places
    from reportedly.nlp import load

    nlp = load()
    sent = next(iter(nlp("At least 95 people died in Valencia, officials said.").sents))
    hinted = gazetteer_places(hints=frozenset({"ES"}))
    assert [(h.name, h.id) for h in hinted(sent)] == [("Valencia", "geo:2509954")]
    # with no country named anywhere, the gazetteer's own ranking
    assert [h.id for h in gazetteer_places()(sent)] == ["geo:3625549"]


def test_the_ledger_places_a_figure_inside_the_country_its_report_names() -> None:
    import reportedly

    text = (
        "Storms battered eastern Spain on Tuesday.\n\n"
        "At least 95 people died in Valencia, the regional government said on Wednesday."
    )
    ledger = reportedly.analyze(text)
    places = {q.measure.place for c in ledger.claims for q in c.quantities if q.measure and q.measure.place}
    assert places == {"geo:2509954"}


def test_a_country_written_after_its_town_says_where_the_town_is() -> None:
    from reportedly.extract.measure_places import gazetteer_places
    from reportedly.nlp import load

    nlp = load()
    find = gazetteer_places()
    sent = next(iter(nlp("The death toll from flash floods in Valencia, Spain, jumped to 95 people.").sents))
    assert [(h.name, h.id) for h in find(sent)] == [("Valencia", "geo:2509954")]
    # two places of their own, joined by a comma, stay two
    sent = next(iter(nlp("Floods killed 12 people in Valencia, Spain and Faro, Portugal.").sents))
    assert [h.id for h in find(sent)] == ["geo:2509954", "geo:2268339"]
    # a country that is not the town's is a second place
    sent = next(iter(nlp("Storms killed 30 people in Valencia, Portugal and Morocco.").sents))
    assert "PT" in [h.id for h in find(sent)]


def test_a_list_of_places_the_gazetteer_does_not_all_know_is_no_place_of_its_first() -> None:
    from reportedly.extract.measure_places import gazetteer_places
    from reportedly.nlp import load

    nlp = load()
    find = gazetteer_places(hints=frozenset({"ES"}))
    text = "At least 217 people died in Valencia, Castile-La Mancha and Andalusia, officials said."
    assert find(next(iter(nlp(text).sents))) == []
    # so does a place that closes such a list
    text = "In all, 9,000 people were affected across Upper Dale, Nether Wick (150 families) and Valencia."
    assert find(next(iter(nlp(text).sents))) == []
    # a list the gazetteer knows is every place in it
    text = "At least 30 people died in Valencia and Madrid, officials said."
    assert [h.name for h in find(next(iter(nlp(text).sents)))] == ["Valencia", "Madrid"]
    # a small foreign town is no place for a list of another country's places to vouch for
    assert [m.text for m in default_places().find("It hit Valencia and Andalusia.", hints={"ES"})] == [
        "Valencia"
    ]
