"""Entities across documents: one canonical source per real speaker, modelled on news wording.

Each test builds the entities extraction gives (or analyses a short passage) and
checks what the story level makes of them. Every assertion can fail: the
"never" cases are as important as the merges.
"""

from __future__ import annotations

from datetime import date

import pytest

import reportedly
from reportedly.link.corpus import DocItem, claim_item
from reportedly.link.entities import (
    EntityIndex,
    is_relay,
    load_aliases,
    org_parts,
    repair,
    same_surname,
)
from reportedly.link.independence import origins
from reportedly.model import (
    ChainLink,
    Claim,
    ClaimKind,
    Cue,
    Document,
    Entity,
    EntityType,
    SectionKind,
    Span,
    Stance,
)

P = EntityType.PERSON


def keys(*entities: Entity, index: EntityIndex | None = None) -> dict[str, str]:
    index = index or EntityIndex()
    index.add(entities)
    return {e.id: index.canonical(e).key for e in entities}


def person(name: str, *aliases: str, etype: EntityType = P) -> Entity:
    return Entity(name.lower().replace(" ", "-"), name, etype, list(aliases))


def org(name: str, etype: EntityType = EntityType.GOVERNMENT) -> Entity:
    return Entity(name.lower().replace(" ", "-").replace("'", ""), name, etype)


def anon(name: str, doc: str, etype: EntityType = EntityType.OFFICIAL_GROUP) -> Entity:
    return Entity(f"{name.lower().replace(' ', '-')}@{doc}", name, etype, [], True)


# -- people --------------------------------------------------------------------------------------


def test_one_presidents_three_spellings_are_one_person() -> None:
    # "Ukrainian President Volodymyr Zelensky said …" / "… Volodymyr Zelenskyy told …" / "Zelenskiy said"
    k = keys(
        person("Volodymyr Zelensky"),
        person("Volodymyr Zelenskyy"),
        person("Zelenskiy"),
        person("Zelensky"),
    )
    assert len(set(k.values())) == 1


def test_transliterations_and_diacritics_join() -> None:
    k = keys(
        person("Recep Tayyip Erdoğan"),
        person("Tayyip Erdogan"),  # the given name most outlets use
        person("Erdoğan"),
        person("Sergei Shoigu"),
        person("Sergey Shoygu"),
        person("Andrei Alekseyenko"),
        person("Andrey Alekseenko"),
        person("António Guterres"),
        person("Antonio Guterres"),
    )
    assert k["recep-tayyip-erdoğan"] == k["tayyip-erdogan"] == k["erdoğan"]
    assert k["sergei-shoigu"] == k["sergey-shoygu"]
    assert k["andrei-alekseyenko"] == k["andrey-alekseenko"]
    assert k["antónio-guterres"] == k["antonio-guterres"] == "person:antonio-guterres"
    assert len(set(k.values())) == 4


def test_two_named_people_are_never_merged() -> None:
    k = keys(
        person("Dmitry Peskov"),
        person("Dmitry Pestov"),  # one consonant apart: another man
        person("Oleksandr Prokudin"),
        person("Viktor Prokudin"),  # same surname, another given name
        person("Prokudin"),  # which of the two? never guessed
    )
    assert k["dmitry-peskov"] != k["dmitry-pestov"]
    assert k["oleksandr-prokudin"] != k["viktor-prokudin"]
    assert k["prokudin"] not in {k["oleksandr-prokudin"], k["viktor-prokudin"]}
    assert not same_surname("peskov", "pestov") and same_surname("klymenko", "klimenko")


def test_a_bare_surname_joins_the_only_full_name_in_the_corpus() -> None:
    # spaCy often labels a lone surname as an organisation ("Prokudin said")
    k = keys(person("Oleksandr Prokudin"), person("Prokudin", etype=EntityType.ORGANIZATION))
    assert k["prokudin"] == k["oleksandr-prokudin"] == "person:oleksandr-prokudin"


def test_a_person_carries_the_roles_the_articles_gave_them() -> None:
    index = EntityIndex()
    peskov = person("Dmitry Peskov", "Kremlin spokesman")
    index.add([peskov, person("Dmitry Peskov", "spokesman for President Vladimir Putin")])
    c = index.canonical(peskov)
    assert c.roles == {"Kremlin spokesman", "spokesman for President Vladimir Putin"}
    assert c.to_dict()["roles"] == sorted(c.roles) and "Kremlin spokesman" not in c.to_dict()["aliases"]


def test_an_unnamed_role_joins_the_one_person_the_corpus_gives_it() -> None:
    erdogan = person("Recep Tayyip Erdogan", "Turkish President")
    unnamed = anon("Turkish president", "b1", P)  # "… led the Turkish president to declare …"
    bare = anon("president", "c2", P)  # "the president said": whose? never guessed across articles
    russian = anon("Russian president", "d3", P)
    k = keys(erdogan, person("Fuat Oktay", "Vice President"), unnamed, bare, russian)
    assert k[unnamed.id] == k[erdogan.id]
    assert k[bare.id] not in {k[erdogan.id], k["fuat-oktay"]}
    assert k[russian.id] != k[erdogan.id]


# -- roles inside one article (extraction) ---------------------------------------------------------


def sources(text: str) -> list[tuple[str, str]]:
    ledger = reportedly.analyze(text, published="2023-06-07")
    return [(c.source.text, c.source.entity.name) for c in ledger.claims if c.source and c.source.entity]


def test_a_role_after_a_name_is_that_person() -> None:
    got = sources(
        "Kherson Governor Oleksandr Prokudin said on Wednesday that 1,300 people had been evacuated.\n\n"
        "The governor said the water level would keep rising through the night."
    )
    assert got == [
        ("Kherson Governor Oleksandr Prokudin", "Oleksandr Prokudin"),
        ("The governor", "Oleksandr Prokudin"),
    ]


def test_an_apposition_role_and_a_qualified_role_resolve_to_the_person() -> None:
    got = sources(
        "Dmitry Peskov, the Kremlin spokesman, said the dam had been sabotaged.\n\n"
        "President Volodymyr Zelensky said the explosion was an act of terror.\n\n"
        "The Kremlin spokesman said Moscow would open an investigation.\n\n"
        "The Ukrainian president said 80 settlements were flooded."
    )
    assert [name for _, name in got] == [
        "Dmitry Peskov",
        "Volodymyr Zelensky",
        "Dmitry Peskov",
        "Volodymyr Zelensky",
    ]
    ledger = reportedly.analyze("Dmitry Peskov, the Kremlin spokesman, said the dam had been sabotaged.")
    assert "Kremlin spokesman" in ledger.claims[0].source.entity.aliases  # the role, to be shown


def test_a_vice_president_is_not_the_president() -> None:
    got = sources(
        "Turkish President Recep Tayyip Erdogan said 35,418 people had died.\n\n"
        "Vice President Fuat Oktay said 13,000 people were still in hospital.\n\n"
        "The president said the state would rebuild every home within a year."
    )
    assert [name for _, name in got] == ["Recep Tayyip Erdogan", "Fuat Oktay", "Recep Tayyip Erdogan"]


def test_a_role_nobody_was_introduced_with_stays_an_unnamed_person_of_the_article() -> None:
    ledger = reportedly.analyze(
        "Russian President Vladimir Putin said the strike was planned in Kyiv.\n\n"
        "The mayor said three people had died in the flooding."
    )
    mayor = ledger.claims[-1].source.entity
    assert mayor.anonymous and mayor.type is P and mayor.name == "mayor"


def test_a_person_named_inside_a_group_description_is_not_the_source() -> None:
    ledger = reportedly.analyze("A senior Biden administration official said there was no firm evidence yet.")
    entity = ledger.claims[0].source.entity
    assert entity.anonymous and "official" in entity.name and entity.type is not P


# -- organisations -------------------------------------------------------------------------------


def test_one_ministry_described_four_ways() -> None:
    k = keys(
        org("Ukraine's interior ministry"),
        org("Interior Ministry"),  # "the Interior Ministry said" in another article
        org("Ukrainian Interior Ministry"),
        org("Ministry of Internal Affairs of Ukraine"),
    )
    assert len(set(k.values())) == 1


def test_an_unqualified_ministry_stays_apart_when_two_countries_have_one() -> None:
    k = keys(org("Ukraine's interior ministry"), org("Russia's interior ministry"), org("Interior Ministry"))
    assert k["ukraines-interior-ministry"] != k["russias-interior-ministry"]
    assert k["interior-ministry"] not in {k["ukraines-interior-ministry"], k["russias-interior-ministry"]}


def test_a_different_ministry_of_the_same_country_stays_apart() -> None:
    k = keys(org("Syrian health ministry"), org("Syrian Ministry of Health"), org("Syrian interior ministry"))
    assert k["syrian-health-ministry"] == k["syrian-ministry-of-health"] != k["syrian-interior-ministry"]


def test_agency_descriptions_reach_the_gazetteer_entry() -> None:
    k = keys(
        org("National Intelligence Service(NIS", EntityType.AGENCY),  # a malformed mention
        org("South Korean intelligence", EntityType.AGENCY),
        org("Seoul's intelligence service", EntityType.AGENCY),  # not written so in the gazetteer
        org("Turkey’s disaster agency", EntityType.AGENCY),
        org("AFAD", EntityType.ORGANIZATION),
        org("Turkey's emergency services", EntityType.AGENCY),  # first responders, not the agency
    )
    assert {k[i] for i in ["national-intelligence-service(nis", "south-korean-intelligence"]} == {
        "national-intelligence-service"
    }
    assert k["seouls-intelligence-service"] == "national-intelligence-service"
    assert k["turkey’s-disaster-agency"] == k["afad"] == "disaster-and-emergency-management-authority"
    assert k["turkeys-emergency-services"] != k["afad"]


def test_acronyms_spellings_and_members_join_their_organisation() -> None:
    k = keys(
        org("World Health Organization", EntityType.ORGANIZATION),
        org("World Health Organisation", EntityType.ORGANIZATION),
        org("WHO", EntityType.ORGANIZATION),
        org("NORSAR", EntityType.ORGANIZATION),
        org("Researchers of Norway’s NORSAR institute", EntityType.AGENCY),
        org("Pentagon statement", EntityType.GOVERNMENT),  # "a Pentagon statement said"
    )
    assert k["world-health-organization"] == k["world-health-organisation"] == k["who"]
    assert k["researchers-of-norway’s-norsar-institute"] == k["norsar"]
    assert k["pentagon-statement"] == "pentagon"


def test_repair_and_parts() -> None:
    assert repair("National Intelligence Service(NIS") == ("National Intelligence Service", ["NIS"])
    assert repair("the Syrian Civil Defense (White Helmets)") == (
        "the Syrian Civil Defense",
        ["White Helmets"],
    )
    country_of = EntityIndex().country_of
    parts = org_parts("Ministry of Internal Affairs of Ukraine", country_of)
    assert parts is not None and (parts.country, parts.head, parts.domain) == (
        "ukraine",
        "ministry",
        frozenset({"interior", "affairs"}),
    )


def test_country_words_come_from_the_function_the_index_is_given() -> None:
    # a places gazetteer plugs in here; this one knows no country at all
    blind = EntityIndex(load_aliases(), country_of=lambda _text: None)
    k = keys(org("Ukraine's interior ministry"), org("Russia's interior ministry"), index=blind)
    assert (
        k["ukraines-interior-ministry"] != k["russias-interior-ministry"]
    )  # still apart: domain words differ


# -- unnamed groups ------------------------------------------------------------------------------


def test_unnamed_officials_of_two_articles_are_two_entities_with_one_description() -> None:
    index = EntityIndex()
    a, b = anon("Ukrainian officials", "aaaa"), anon("Ukrainian officials", "bbbb")
    index.add([a, b])
    ca, cb = index.canonical(a), index.canonical(b)
    assert ca.key != cb.key and ca.group == cb.group == "anon:ukraine official"


# -- relays --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["reporters", "media", "local media", "Russian state media", "local outlets", "social media", "Telegram"],
)
def test_relays(name: str) -> None:
    assert is_relay(name)


@pytest.mark.parametrize(
    "name", ["The Associated Press", "Reporters Without Borders", "Kyiv Independent", "Interfax"]
)
def test_not_relays(name: str) -> None:
    assert not is_relay(name)


def _doc(outlet: str, day: int) -> DocItem:
    text = f"{outlet} text"
    return DocItem(Document(text, id=outlet, outlet=outlet, published=date(2023, 2, day)), outlet)


def _claim(d: DocItem, *chain: Entity) -> Claim:
    text = d.document.text
    return Claim(
        ClaimKind.ACCORDING_TO,
        SectionKind.BODY,
        Stance.REPORTED,
        Cue(0, 1, text[0], "according to"),
        [Span(0, len(text), text)],
        chain=[ChainLink(e) for e in chain],
        id=f"{d.id}:0",
    )


def test_the_origin_is_the_last_hop_that_is_not_a_relay() -> None:
    index = EntityIndex()
    media = anon("state media", "x", EntityType.MEDIA_OUTLET)
    ministry = org("Syrian Health Ministry")
    reuters = org("Reuters", EntityType.MEDIA_OUTLET)
    index.add([media, ministry, reuters])
    assert (
        index.origin([media, ministry]).key == "syrian-health-ministry"
    )  # "state media, citing the ministry"
    assert index.origin([reuters, media]).key == "reuters"
    assert index.origin([media]) is None

    a, b, c = _doc("A", 7), _doc("B", 7), _doc("C", 8)
    items = [
        claim_item(_claim(a, anon("local media", "A", EntityType.MEDIA_OUTLET)), a, index),
        claim_item(_claim(b, anon("local media", "B", EntityType.MEDIA_OUTLET)), b, index),
        claim_item(_claim(c, anon("state media", "C", EntityType.MEDIA_OUTLET), ministry), c, index),
    ]
    # "local media" twice is not one origin standing behind two outlets: each outlet counts for itself
    found, _ = origins(items[:2])
    assert sorted(o.key for o in found) == ["outlet:a", "outlet:b"]
    # ... but where another outlet names the ministry, the unattributed restatements repeat it
    found, per_claim = origins(items)
    assert [o.key for o in found] == ["syrian-health-ministry"]
    assert {per_claim[it.id].key for it in items} == {"syrian-health-ministry"}


def test_unattributed_restatements_join_the_most_reported_named_origin() -> None:
    index = EntityIndex()
    usgs, afad = org("US Geological Survey"), org("AFAD")
    index.add([usgs, afad])
    docs = [_doc(name, 6) for name in "ABCDE"]
    items = [
        claim_item(_claim(docs[0], usgs), docs[0], index),
        claim_item(_claim(docs[1], usgs), docs[1], index),
        claim_item(_claim(docs[2], afad), docs[2], index),
        claim_item(_claim(docs[3]), docs[3], index),  # the outlet's own voice
        claim_item(_claim(docs[4]), docs[4], index),
    ]
    found, per_claim = origins(items)
    assert len(found) == 2 and per_claim[items[2].id].key != "us-geological-survey"
    assert per_claim[items[3].id].key == per_claim[items[4].id].key == "us-geological-survey"


def test_an_organisation_wrapped_in_outlets_descriptions_is_one_entity() -> None:
    """Outlets wrap a group's name in their own words; the gazetteer knows it by its spellings."""
    k = keys(
        org("Militant Islamist group Islamic State", EntityType.ORGANIZATION),
        org("The ISIS transnational jihadist group", EntityType.ORGANIZATION),
        org("ISIS itself", EntityType.ORGANIZATION),
        org("The Islamic State group", EntityType.ORGANIZATION),
        org("Daesh", EntityType.ORGANIZATION),
        org("the militant group Hamas", EntityType.ORGANIZATION),
    )
    assert len({k[e] for e in k if e != "the-militant-group-hamas"}) == 1
    assert k["the-militant-group-hamas"] != k["daesh"]


def test_descriptor_cores() -> None:
    from reportedly.link.organisations import descriptor_cores

    assert descriptor_cores("Militant Islamist group Islamic State") == ["Islamic State"]
    assert descriptor_cores("The ISIS transnational jihadist group") == ["ISIS"]
    assert descriptor_cores("ISIS itself") == ["ISIS"]
    assert descriptor_cores("Interior Ministry") == []
    assert descriptor_cores("the rebel group") == []  # no name inside it
