"""Independent origins across articles: who a chain really ends at, modelled on news wording.

Each test builds the entities and chains extraction gives for a short passage of our own and
checks the origin the story level counts. The "stays apart" cases can fail as well as the merges.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from reportedly.link.corpus import DocItem, Measured, claim_item
from reportedly.link.entities import EntityIndex, name_parts, same_person
from reportedly.link.independence import origins, with_demonyms
from reportedly.link.organisations import base_name, with_short_form
from reportedly.model import (
    ChainLink,
    Claim,
    ClaimKind,
    Cue,
    Document,
    Entity,
    EntityType,
    Measure,
    Quantity,
    SectionKind,
    Span,
    Stance,
    TimeExpr,
)


def ent(name: str, etype: EntityType = EntityType.ORGANIZATION, *aliases: str, doc: str = "") -> Entity:
    key = name.lower().replace(" ", "-").replace("'", "")
    return Entity(f"{key}@{doc}" if doc else key, name, etype, list(aliases), bool(doc))


def doc(outlet: str, day: int = 18) -> DocItem:
    text = f"{outlet} text"
    return DocItem(Document(text, id=outlet, outlet=outlet, published=date(2023, 10, day)), outlet)


def claim(d: DocItem, *chain: Entity) -> Claim:
    text = d.document.text
    return Claim(
        ClaimKind.DIRECT,
        SectionKind.BODY,
        Stance.ASSERTED,
        Cue(0, 1, text[0], "said"),
        [Span(0, len(text), text)],
        chain=[ChainLink(e) for e in chain],
        id=f"{d.id}:{len(chain)}",
    )


def keys(*entities: Entity) -> dict[str, str]:
    index = EntityIndex()
    index.add(entities)
    return {e.id: index.canonical(e).key for e in entities}


def count(chains: list[tuple[str, list[Entity]]]) -> list[str]:
    """The origin keys of a cluster of claims, one per (outlet, chain)."""
    index = EntityIndex()
    index.add([e for _, chain in chains for e in chain])
    items = []
    for outlet, chain in chains:
        d = doc(outlet)
        items.append(claim_item(claim(d, *chain), d, index))
    found, _ = origins(items)
    return sorted(o.key for o in found)


# -- spokespeople speak for their body --------------------------------------------------------------


def test_a_spokesperson_is_the_voice_of_the_body_they_speak_for() -> None:
    # "The Israel Defense Forces said …" / "Rear Adm. Daniel Hagari, spokesperson for the Israel
    # Defense Forces, said …" / "Lt. Col. Jonathan Conricus, an IDF spokesman, told CNN …"
    idf = ent("Israel Defense Forces", EntityType.MILITARY_UNIT)
    hagari = ent("Daniel Hagari", EntityType.PERSON, "spokesperson for the Israel Defense Forces")
    conricus = ent("Jonathan Conricus", EntityType.PERSON, "IDF spokesman")
    found = count([("A", [idf]), ("B", [hagari]), ("C", [conricus])])
    assert len(found) == 1


def test_a_spokesperson_of_an_office_nobody_quotes_and_of_a_country_stay_people() -> None:
    # "Farhan Haq, deputy spokesman for the UN Secretary-General": no body of the corpus;
    # "Kremlin spokesman Dmitry Peskov" beside "Russia said": a country is not one body's voice
    haq = ent("Farhan Haq", EntityType.PERSON, "deputy spokesman for the UN Secretary-General")
    peskov = ent("Dmitry Peskov", EntityType.PERSON, "Kremlin spokesman")
    russia = ent("Russia", EntityType.COUNTRY)
    ocha = ent("UN Office for the Coordination of Humanitarian Affairs")
    found = count([("A", [haq]), ("B", [ocha]), ("C", [peskov]), ("D", [russia])])
    assert "person:farhan-haq" in found and "person:dmitry-peskov" in found


def test_two_named_officials_who_are_not_spokespeople_stay_two() -> None:
    a = ent("Tarek al-Kharraz", EntityType.PERSON, "interior ministry official")
    b = ent("Ossama Hamad", EntityType.PERSON, "head of the eastern government")
    assert len(count([("A", [a]), ("B", [b])])) == 2


def test_an_unnamed_spokesperson_for_a_named_body_is_the_body() -> None:
    # "A spokesperson for the Libyan Red Crescent denied …" beside "The Libyan Red Crescent said"
    k = keys(ent("Libyan Red Crescent"), ent("A spokesperson for the Libyan Red Crescent"))
    assert len(set(k.values())) == 1
    # "officials of the ministry" name no body: still an unnamed group of their article
    k = keys(ent("officials of the ministry", EntityType.OFFICIAL_GROUP, doc="A"), ent("Interior Ministry"))
    assert k["officials-of-the-ministry@A"].startswith("anon:")


# -- one body, several names --------------------------------------------------------------------------


def test_a_country_s_military_named_four_ways_is_one_body() -> None:
    k = keys(
        ent("Israel Defense Forces", EntityType.MILITARY_UNIT),
        ent("Israel's military", EntityType.MILITARY_UNIT),
        ent("Israeli army", EntityType.MILITARY_UNIT),
        ent("the Israeli military", EntityType.MILITARY_UNIT),
        ent("Ukraine's military", EntityType.MILITARY_UNIT),
        ent("Israeli military intelligence", EntityType.AGENCY),
    )
    israel = {k["israel-defense-forces"], k["israels-military"], k["israeli-army"], k["the-israeli-military"]}
    assert len(israel) == 1
    assert k["ukraines-military"] not in israel  # another country's armed forces
    assert k["israeli-military-intelligence"] not in israel  # a service of the military, not the military


def test_words_outlets_add_around_a_name_do_not_make_another_body() -> None:
    k = keys(
        ent("Libyan Red Crescent"),
        ent("Libyan Red Crescent aid organization"),
        ent("Libyan Red Crescent Society"),
        ent("Turkish Red Crescent"),
        ent("International Organization for Migration (IOM) Libya"),
        ent("International Organization for Migration"),
        ent("UN Office for the Coordination of Humanitarian Affairs"),
        ent("United Nations Office for the Coordination of Humanitarian Affairs"),
        ent("OCHA"),
    )
    assert (
        k["libyan-red-crescent"]
        == k["libyan-red-crescent-aid-organization"]
        == k["libyan-red-crescent-society"]
    )
    assert k["turkish-red-crescent"] != k["libyan-red-crescent"]
    assert (
        k["international-organization-for-migration-(iom)-libya"]
        == k["international-organization-for-migration"]
    )
    un = {k["un-office-for-the-coordination-of-humanitarian-affairs"], k["ocha"]}
    assert un == {k["united-nations-office-for-the-coordination-of-humanitarian-affairs"]}


def test_base_names_keep_names_apart_that_differ_in_a_name_word() -> None:
    country_of = EntityIndex().country_of
    assert base_name("Libyan Red Crescent Society", country_of) == ("libyan", "red", "crescent")
    assert base_name("Libyan Red Crescent", country_of) != base_name("Turkish Red Crescent", country_of)
    assert base_name("emergency services", country_of) is None  # a description, not a name


def test_what_a_body_published_is_the_body() -> None:
    # "according to the Libyan Red Crescent figures for Saturday's report"
    k = keys(ent("Libyan Red Crescent"), ent("Libyan Red Crescent figures for Saturday's report"))
    assert len(set(k.values())) == 1


def test_a_qaf_written_q_or_k_is_one_name() -> None:
    assert same_person(name_parts("Tawfik Shoukri"), name_parts("Tawfiq Shukri"))
    assert not same_person(name_parts("Tawfiq Shukri"), name_parts("Tariq Shukri"))


# -- the end of a chain --------------------------------------------------------------------------------


def test_a_pronoun_or_a_thing_cited_is_not_the_end_of_a_chain() -> None:
    # "The United Nations said that its current assessment indicated …"; "OCHA said, saying the
    # humanitarian toll of the disaster …, that 11,300 …" (a relative pronoun read as a speaker)
    index = EntityIndex()
    us, its = ent("United States", EntityType.COUNTRY), ent("its current assessment", EntityType.UNKNOWN)
    ocha, toll, that = ent("OCHA"), ent("humanitarian toll of the disaster", EntityType.UNKNOWN), ent("that")
    index.add([us, its, ocha, toll, that])
    assert index.origin([us, its]).key == index.canonical(us).key
    assert index.origin([ocha, toll, that]).key == index.canonical(ocha).key
    # alone, a thing is still what the report names ("The assessment states …")
    assert index.origin([its]).key == index.canonical(its).key


def test_a_news_outlet_inside_a_chain_passes_the_claim_on() -> None:
    # "The UN has amended the toll, according to CNN" / "a report seen by Reuters said"
    index = EntityIndex()
    cnn, un = ent("CNN", EntityType.MEDIA_OUTLET), ent("United Nations")
    index.add([cnn, un])
    assert index.origin([cnn, un]).key == index.canonical(un).key
    assert index.origin([un, cnn]).key == index.canonical(un).key


def test_a_news_outlet_as_the_only_source_is_that_newsroom_s_own_reporting() -> None:
    # "NBC News reported, citing two US officials, …" and "the New York Times said evidence
    # suggests …": two newsrooms' own reporting, two origins, beside the experts one of them quoted
    nbc, nyt = ent("NBC News", EntityType.MEDIA_OUTLET), ent("New York Times", EntityType.MEDIA_OUTLET)
    experts = ent("Engineering and ammunition experts", EntityType.OFFICIAL_GROUP)
    assert len(count([("A", [nbc]), ("B", [nyt]), ("C", [experts])])) == 3


def test_a_demonym_the_alias_table_lacks_comes_from_the_places_gazetteer() -> None:
    country_of = EntityIndex().country_of
    assert country_of("Libyan") == country_of("Libya") == "libya"
    assert country_of("health") is None


def test_a_news_outlet_named_for_a_figure_passes_on_the_count_of_the_body_that_keeps_it() -> None:
    # "OCHA said more than 9,000 people are still missing" (two outlets) / "over 9,000 people are
    # still missing, according to CNN" the same day: CNN relays OCHA's count
    index = EntityIndex()
    cnn, ocha = ent("CNN", EntityType.MEDIA_OUTLET), ent("OCHA")
    index.add([cnn, ocha])
    items = []
    for outlet, source in (("A", ocha), ("B", ocha), ("C", cnn)):
        d = doc(outlet)
        items.append(claim_item(claim(d, source), d, index))
    items[2].measures.append(Measured(0, Measure(what="missing", unit="people")))
    found, _ = origins(items)
    assert [o.key for o in found] == ["ocha"]
    # the same claim without a figure is the newsroom's own reporting
    items[2].measures.clear()
    found, _ = origins(items)
    assert sorted(o.key for o in found) == ["cnn", "ocha"]


def test_a_lower_case_ministry_joins_the_one_ministry_of_its_domain_in_the_corpus() -> None:
    # "the health ministry said 471 were killed" / "the Hamas-controlled Gaza Health Ministry"
    k = keys(
        ent("Hamas-controlled Gaza Health Ministry"), ent("health ministry"), ent("Hamas-run health ministry")
    )
    assert len(set(k.values())) == 1
    # "Gaza's health ministry blamed …" in one wire copy, "the Hamas-controlled Gaza Health Ministry"
    # in another: a place and a domain name one ministry however it is cased, in either order
    for names in (
        ("Gaza’s health ministry", "Hamas-controlled Gaza Health Ministry"),
        ("Hamas-controlled Gaza Health Ministry", "Gaza’s health ministry"),
    ):
        assert len(set(keys(*(ent(n) for n in names)).values())) == 1
    # another place's health ministry stays apart
    k = keys(ent("Gaza’s health ministry"), ent("West Bank health ministry"))
    assert len(set(k.values())) == 2
    # two health ministries in the corpus: which one is not known
    k = keys(ent("Syrian health ministry"), ent("Turkish health ministry"), ent("health ministry"))
    assert k["health-ministry"] not in {k["syrian-health-ministry"], k["turkish-health-ministry"]}
    # services are many: "emergency services" never joins by its domain
    k = keys(ent("Turkey's emergency services"), ent("emergency services"))
    assert k["emergency-services"] != k["turkeys-emergency-services"]


def test_a_lower_case_description_is_its_own_article_s_source() -> None:
    # "The statement said …" in one article and "the statement said …" in another the same day
    # point back at two different statements; "the Libyan Red Crescent said" twice is one body
    statement = ent("statement", EntityType.UNKNOWN)
    assert count([("A", [statement]), ("B", [statement])]) == ["statement@A", "statement@B"]
    lrc = ent("the Libyan Red Crescent")
    assert len(count([("A", [lrc]), ("B", [lrc])])) == 1


def test_a_figure_dated_to_a_briefing_days_before_is_that_news_cycle() -> None:
    # 12 June: "Interior Minister Ihor Klymenko confirmed ten deaths"; 16 June: "the death toll was
    # ten on 12 June, the Ukrainian authorities revealed": the unnamed side voice of 16 June is the
    # minister's figure of 12 June passed on, not a fifth-day briefing of its own
    index = EntityIndex()
    minister = ent("Ihor Klymenko", EntityType.PERSON, "Ukrainian Interior Minister")
    authorities = ent("Ukrainian authorities", EntityType.OFFICIAL_GROUP, doc="B")
    index.add([minister, authorities])
    a, b = doc("A", 12), doc("B", 16)
    items = [claim_item(claim(a, minister), a, index), claim_item(claim(b, authorities), b, index)]
    dead = Measure(what="killed", unit="people")

    def side_of(text: str) -> str | None:
        return "ukraine" if "ukrain" in text.lower() else None

    found, _ = origins(items, side_of)
    assert len(found) == 2  # four days apart, nothing dated: two news cycles
    items[1].measures.append(Measured(0, replace(dead, as_of=date(2023, 10, 12))))
    found, _ = origins(items, side_of)
    assert len(found) == 1


def test_the_head_of_a_body_is_the_one_person_the_corpus_calls_its_head() -> None:
    # "WMO chief Petteri Taalas told reporters …" / "The head of the World Meteorological
    # Organization (WMO) said …": one person speaking, not the organisation
    wmo = ent("World Meteorological Organization")
    taalas = ent("Petteri Taalas", EntityType.PERSON, "WMO chief")
    head = ent("head of the World Meteorological Organization")
    k = keys(wmo, taalas, head)
    assert (
        k["head-of-the-world-meteorological-organization"]
        == k["petteri-taalas"]
        != k["world-meteorological-organization"]
    )
    # two people the corpus calls its head (a successor): which one is not known
    successor = ent("Celeste Saulo", EntityType.PERSON, "WMO chief")
    k = keys(wmo, taalas, successor, head)
    assert k["head-of-the-world-meteorological-organization"] not in {k["petteri-taalas"], k["celeste-saulo"]}


# -- bodies described, not named; unnamed voices and flat statements ----------------------------------


def _items(*rows: tuple[str, int, Entity | None, tuple[float, ...]]) -> list:
    """Claims of a cluster: (outlet, day, source or None for the outlet's own voice, figures)."""
    index = EntityIndex()
    index.add([e for _, _, e, _ in rows if e is not None])
    out = []
    for outlet, day, source, figures in rows:
        d = doc(outlet, day)
        c = claim(d, *([source] if source is not None else []))
        c.quantities = [Quantity(0, 1, str(v), value=v) for v in figures]
        out.append(claim_item(c, d, index))
    return out


def _side(text: str) -> str | None:
    return {"russian": "russia", "russia": "russia", "moscow": "russia"}.get(text.lower())


def test_a_body_described_with_an_indefinite_article_is_the_named_body_it_describes() -> None:
    # "4,300 deaths have been reported, a UN relief agency said" / "more than 4,300 were dead, the UN
    # office for humanitarian affairs (OCHA) said" the day before: one UN body written two ways
    ocha = ent("UN Office for Humanitarian Affairs", EntityType.AGENCY, "OCHA")
    agency = ent("a UN relief agency", EntityType.AGENCY)
    found, _ = origins(_items(("A", 13, ocha, (4300,)), ("B", 14, agency, (4300,))), _side)
    assert [o.key for o in found] == ["un-office-for-humanitarian-affairs"]
    # "a Moscow court ordered …" / "the Basmanny District Court said …": its kind of body
    court = ent("Basmanny District Court", EntityType.GOVERNMENT)
    moscow_court = ent("A Moscow court", EntityType.GOVERNMENT)
    found, _ = origins(_items(("A", 25, court, ()), ("B", 27, moscow_court, ())), _side)
    assert len(found) == 1
    # weeks later it may be another ruling of another court
    found, _ = origins(_items(("A", 1, court, ()), ("B", 27, moscow_court, ())), _side)
    assert len(found) == 2


def test_a_described_body_sharing_only_a_country_word_stays_its_own() -> None:
    # "a Russian court ruled …" beside "the Russian Investigative Committee said …": the country
    # tells no body
    committee = ent("Russian Investigative Committee", EntityType.GOVERNMENT)
    court = ent("a Russian court", EntityType.GOVERNMENT)
    found, _ = origins(_items(("A", 18, committee, ()), ("B", 18, court, ())), _side)
    assert len(found) == 2


def test_a_short_form_in_brackets_binds_the_name_it_follows() -> None:
    # "the French military intelligence directorate (DRM) said on Friday …" / "… the DRM told
    # reporters": the report itself says the two are one body
    directorate = ent("French military intelligence directorate", EntityType.MILITARY_UNIT)
    drm = ent("DRM")
    written = with_short_form(directorate, "the French military intelligence directorate (DRM)")
    k = keys(written, drm)
    assert k["drm"] == k["french-military-intelligence-directorate"]
    k = keys(directorate, drm)  # without the bracket nothing binds them
    assert k["drm"] != k["french-military-intelligence-directorate"]
    # a bracket holding no short form adds nothing
    assert with_short_form(directorate, "the directorate (pictured)") is directorate


def test_a_past_day_a_claim_names_dates_what_it_passes_on() -> None:
    # 12 June: "Interior Minister Ihor Klymenko confirmed ten deaths" / 16 June: "The last time the
    # Ukrainian authorities revealed the death toll was on 12 June, when ten deaths were reported":
    # the day the report names puts the unnamed side voice in the minister's news cycle
    minister = ent("Ihor Klymenko", EntityType.PERSON, "Ukrainian Interior Minister")
    authorities = ent("Ukrainian authorities", EntityType.OFFICIAL_GROUP, doc="B")

    def ukraine(text: str) -> str | None:
        return "Ukraine" if text.lower().startswith("ukrain") else None

    items = _items(("A", 12, minister, (10,)), ("B", 16, authorities, (10,)))
    assert len(origins(items, ukraine)[0]) == 2  # four days apart, nothing dated
    items[1].claim.times = [TimeExpr(0, 7, "12 June", "2023-10-12", "day")]
    assert len(origins(items, ukraine)[0]) == 1
    # a day ahead of publication ("until 22 June") dates nothing it reports
    items[1].claim.times = [TimeExpr(0, 7, "22 June", "2023-10-22", "day")]
    assert len(origins(items, ukraine)[0]) == 2


def test_an_irregular_demonym_names_the_side_an_unnamed_official_speaks_for() -> None:
    # "according to a senior French military official" / "the French military intelligence
    # directorate (DRM) said" the same day: France speaking once, though the alias table knows
    # France only by its name
    directorate = ent("French military intelligence directorate", EntityType.MILITARY_UNIT)
    official = ent("French military official", EntityType.OFFICIAL_GROUP, doc="B")

    def by_name(text: str) -> str | None:
        return "France" if text.lower() == "france" else None

    items = _items(("A", 20, directorate, ()), ("B", 20, official, ()))
    sides = with_demonyms(by_name, EntityIndex().country_of, {"France"})
    assert sides("French") == "France" and sides("Libyan") == "libya" and sides("court") is None
    assert sides("and") is None  # no country code read into a common word
    assert len(origins(items, sides)[0]) == 1


def test_unnamed_officials_of_a_side_nobody_named_speaks_for_relay_the_named_figure() -> None:
    # "The Gaza health ministry said 471 were killed" / "471 people were killed, Palestinian officials
    # said" the next day: no named voice speaks for the officials' side, and the ministry speaks for
    # no other: the ministry's figure passed on
    ministry = ent("Gaza health ministry", EntityType.GOVERNMENT)
    officials = ent("Palestinian officials", EntityType.OFFICIAL_GROUP, doc="B")

    def sides(text: str) -> str | None:
        return {"palestinian": "Palestine", "israeli": "Israel", "israel": "Israel"}.get(text.lower())

    items = _items(("A", 18, ministry, (471,)), ("B", 19, officials, (471,)))
    assert len(origins(items, sides)[0]) == 1
    # beside a named origin of another side, the side tells them apart
    military = ent("Israeli military", EntityType.MILITARY_UNIT)
    items = _items(("A", 18, military, (471,)), ("B", 19, officials, (471,)))
    assert len(origins(items, sides)[0]) == 2
