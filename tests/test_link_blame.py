"""Blame conflicts: two claims naming different sides as responsible for one event, and denials.

Our own sentences, in the shapes wire reports use; sides resolve through the entity gazetteer
(capitals and seats of government are their countries) and demonyms.
"""

from __future__ import annotations

from datetime import date

from reportedly.extract.gazetteer import load_gazetteer
from reportedly.link.blame import (
    MUTUAL,
    blame_conflicts,
    blame_groups,
    blame_of,
    gazetteer_sides,
    with_place_demonyms,
)
from reportedly.link.corpus import ClaimItem, DocItem
from reportedly.link.entities import Canonical
from reportedly.model import (
    Claim,
    ClaimKind,
    ConflictKind,
    Cue,
    Document,
    EntityType,
    SectionKind,
    SourceMention,
    Span,
    Stance,
)

GAZ = load_gazetteer()
SIDES = gazetteer_sides(GAZ.lookup, {n for n, t in GAZ.by_key.values() if t is EntityType.COUNTRY})


def item(source: str, cue: str, content: str, *, day: int = 6, stance: Stance = Stance.ASSERTED) -> ClaimItem:
    text = f"{source} {cue} {content}"
    doc = Document(text=text, outlet=f"Outlet {source}", published=date(2023, 6, day))
    c0 = len(source) + 1
    k0 = c0 + len(cue) + 1
    claim = Claim(
        ClaimKind.INDIRECT,
        SectionKind.BODY,
        stance,
        Cue(c0, c0 + len(cue), cue, cue.split()[0]),
        [Span(k0, len(text), content)],
        source=SourceMention(0, len(source), source),
        id=f"{source}:{content[:10]}",
    )
    return ClaimItem(claim, DocItem(doc, doc.outlet), None, None, stance is Stance.DENIED)


def test_blame_groups_part_by_who_accuses():
    # one side's accusation and third parties' suspicion are two propositions, though both blame Russia
    items = [
        item("Kyiv", "accused", "Russian forces of blowing up the dam"),
        item("Ukrainian officials", "said", "Russian forces blew up the dam overnight", day=7),
        item("Analysts", "said", "Russia was behind the destruction of the dam", day=8),
        item("Engineers", "said", "the evidence suggests Russia was responsible for the blast", day=9),
        item("Moscow", "said", "the blast was deliberate sabotage by the Ukrainian side"),
        item("The Kremlin", "said", "the dam was destroyed in a strike by Ukrainian forces", day=7),
        item("Both sides", "blamed", "each other for the destruction"),
        item("Ukraine and Russia", "blamed", "each other for blowing up the structure", day=8),
    ]
    groups = dict(blame_groups(items, SIDES))
    assert {k: sorted(it.claim.source.text for it in v) for k, v in groups.items()} == {
        "Russia": ["Analysts", "Engineers"],
        "Russia|Ukraine": ["Kyiv", "Ukrainian officials"],
        "Ukraine|Russia": ["Moscow", "The Kremlin"],
        MUTUAL: ["Both sides", "Ukraine and Russia"],
    }


def test_sides_from_names_capitals_and_demonyms():
    assert SIDES(["Russian", "forces"][0]) == "Russia"
    assert SIDES("Kyiv") == "Ukraine"
    assert SIDES("the Kremlin") == "Russia"
    assert SIDES("reservoir") is None


def test_who_is_blamed():
    assert blame_of(item("Kyiv", "accused", "Russian forces of blowing up the dam"), SIDES).side == "Russia"
    assert (
        blame_of(
            item("Moscow", "said", "the blast was deliberate sabotage by the Ukrainian side"), SIDES
        ).side
        == "Ukraine"
    )
    assert (
        blame_of(item("The spokesman", "said", "all responsibility lies with the Kyiv regime"), SIDES).side
        == "Ukraine"
    )
    # a patient is not a doer; "each other" names no side
    assert blame_of(item("Engineers", "said", "the dam in Ukraine was destroyed overnight"), SIDES) is None
    assert blame_of(item("Both sides", "blamed", "each other for the collapse"), SIDES) is None
    rejected = blame_of(
        item("The Kremlin", "said", "it rejected accusations that Moscow's forces were behind it"), SIDES
    )
    assert rejected.side == "Russia" and rejected.denied


def test_one_conflict_per_pair_of_sides_naming_every_origin():
    items = [
        item("Kyiv", "accused", "Russian forces of blowing up the dam", day=6),
        item("Moscow", "said", "the blast was deliberate sabotage by the Ukrainian side", day=6),
        item("Washington", "said", "Russia was behind the attack on the dam", day=7),
        item("The Kremlin", "said", "it rejected accusations that Moscow's forces were behind it", day=7),
    ]
    found = blame_conflicts(items, SIDES, "s1")
    kinds = sorted(c.kind.value for c in found)
    assert kinds == [ConflictKind.POLARITY.value, ConflictKind.STANCE.value]
    polarity = next(c for c in found if c.kind is ConflictKind.POLARITY)
    assert "Russia according to" in polarity.why and "Ukraine according to" in polarity.why
    stance = next(c for c in found if c.kind is ConflictKind.STANCE)
    # one denier read "… The Kremlin deny it" (round-9 trial): no verb has to agree with the names
    assert stance.why.startswith("Russia held responsible by ")
    assert stance.why.endswith("; denied by Outlet The Kremlin")
    assert not any(f" {verb} " in f" {stance.why} {polarity.why} " for verb in ("say", "deny", "hold"))
    # the accusation shown is the one the denial answers: the nearest in time (Washington's, day 7)
    assert stance.a.id == items[2].claim.id and stance.b.id == items[3].claim.id
    # each side's other claims travel with the conflict: every report of the disagreement
    assert [r.id for r in stance.a_also] == [items[0].claim.id]  # Kyiv's accusation, the other one
    assert stance.b_also == []
    assert sorted(sorted(r.id for r in side) for side in polarity.sides()) == sorted(
        [
            sorted([items[0].claim.id, items[2].claim.id]),  # those who blame Russia: Kyiv, Washington
            [items[1].claim.id],  # Moscow, who blames Ukraine
        ]
    )


def test_a_side_denying_its_own_part_is_one_proposition_however_worded():
    from reportedly.link.blame import DENIES

    items = [
        item("Ukraine", "has denied", "any involvement in the attack", stance=Stance.DENIED),
        item("Kyiv", "rejected", "any involvement", day=7, stance=Stance.DENIED),
        item("Ukrainian officials", "denied", "responsibility for the blast", day=8, stance=Stance.DENIED),
        # a denial of someone else's part is no self-denial
        item("Moscow", "denied", "that Ukraine had any involvement", day=8, stance=Stance.DENIED),
        # a denial of something else is no denial of a part at all
        item("Kyiv", "denied", "that the talks had failed", day=9, stance=Stance.DENIED),
    ]
    groups = dict(blame_groups(items, SIDES))
    assert sorted(it.claim.source.text for it in groups[DENIES + "Ukraine"]) == [
        "Kyiv",
        "Ukraine",
        "Ukrainian officials",
    ]
    assert not any(k.startswith(DENIES) and k != DENIES + "Ukraine" for k in groups)


def test_the_same_accusers_naming_two_parties_is_a_joint_blame_not_a_conflict():
    items = [
        item("Moscow", "said", "the attack was organised by British intelligence", day=26),
        item("Moscow", "said", "Washington was behind the attack", day=26),
        item("The Kremlin", "said", "Washington and London were behind the attack", day=27),
    ]
    assert not [c for c in blame_conflicts(items, SIDES, "s1") if c.kind is ConflictKind.POLARITY]
    # another accuser blaming a third party still contradicts them
    items.append(item("Kyiv", "said", "Russia was behind the attack on its own concert hall", day=27))
    polarity = [c for c in blame_conflicts(items, SIDES, "s1") if c.kind is ConflictKind.POLARITY]
    assert polarity and all("Russia according to" in c.why for c in polarity)


def _negated(it: ClaimItem) -> ClaimItem:
    """As the linker reads it: a negation in the content makes an asserted claim negative."""
    it.negative = True
    return it


def test_a_negated_statement_of_a_sides_own_part_is_its_denial():
    from reportedly.link.blame import DENIES

    items = [
        # asserted, with the negation in the content: "has nothing to do with"
        _negated(item("A Ukrainian adviser", "said", "Ukraine has nothing to do with the shooting")),
        # the place after the part is where it happened, not whose part is denied
        item(
            "The Ukrainian Foreign Ministry",
            "dismissed",
            "any allegations of the country's involvement in the shooting in Moscow Region",
            day=7,
            stance=Stance.DENIED,
        ),
        item("Kyiv", "has rejected", "any involvement", day=8, stance=Stance.DENIED),
        # a denial of "the claims" answers the charges against the speaker's own side
        item("Kyiv", "categorically denied", "the claims", day=9, stance=Stance.DENIED),
    ]
    assert [b.side for it in items if (b := blame_of(it, SIDES))] == ["Ukraine"] * 4
    assert all(b.denied for it in items if (b := blame_of(it, SIDES)))
    groups = dict(blame_groups(items, SIDES))
    assert len(groups[DENIES + "Ukraine"]) == 4
    # pointing back at charges needs a speaker of a known side, and a content of nothing more
    assert blame_of(item("A spokesman", "denied", "the claims", stance=Stance.DENIED), SIDES) is None
    deal = item("Kyiv", "denied", "the claims of a ceasefire deal", stance=Stance.DENIED)
    assert blame_of(deal, SIDES) is None
    # a negated statement about something else is no denial of a part
    assert blame_of(_negated(item("Kyiv", "said", "the talks had not failed")), SIDES) is None


def _voiced(it: ClaimItem, name: str) -> ClaimItem:
    from reportedly.link.entities import Canonical

    it.origin = Canonical(name.lower().replace(" ", "-"), name, EntityType.ORGANIZATION)
    return it


def test_a_group_claiming_its_own_act_is_one_proposition_and_no_side_against_the_accused():
    from reportedly.link.blame import OWN

    items = [
        _voiced(
            item("The Islamic State group", "claimed responsibility for", "a brazen attack on a hall"),
            "Islamic State",
        ),
        _voiced(item("ISIS itself", "claimed", "responsibility for the attack", day=7), "Islamic State"),
        _voiced(item("Islamic State", "was swiftly claimed", "The attack", day=8), "Islamic State"),
        # "claimed" introducing a statement is no claim of the act
        _voiced(item("Moscow", "claimed", "that the gunmen had contacts across the border", day=8), "Russia"),
        item("The Kremlin", "said", "Ukraine was behind the attack", day=8),
    ]
    own = [b.side for it in items if (b := blame_of(it, SIDES)) and b.own]
    assert own == ["Islamic State"] * 3
    groups = dict(blame_groups(items, SIDES))
    assert len(groups[OWN + "Islamic State"]) == 3
    # the doer's claim sets no side against the one another accuses of sponsoring it
    assert not [c for c in blame_conflicts(items, SIDES, "s1") if c.kind is ConflictKind.POLARITY]


def test_a_side_tied_to_the_act_is_blamed_but_asking_for_proof_of_it_is_not():
    assert blame_of(item("Putin", "pointed to", "a possible Ukraine connection"), SIDES).side == "Ukraine"
    assert blame_of(item("Moscow", "has repeated", "its line of a link to Ukraine"), SIDES).side == "Ukraine"
    assert blame_of(item("Critics", "noted", "nobody gave any proof of a link with Ukraine"), SIDES) is None


def test_one_sides_accusers_naming_several_parties_set_no_party_against_another():
    items = [
        item("Putin", "alleged", "Ukrainian involvement", day=23),
        item("The FSB director", "said", "the UK, US and Ukraine were behind the attack", day=26),
    ]
    # one claim lists both parties: a joint blame, whoever else says either
    assert not [c for c in blame_conflicts(items, SIDES, "s1") if c.kind is ConflictKind.POLARITY]
    items = [
        item("The Kremlin", "alleged", "Ukrainian involvement", day=23),
        item("Russian officials", "said", "Washington was behind the attack", day=26),
    ]
    # two accusers of one side (Russia) naming two parties: still no contradiction between them
    assert not [c for c in blame_conflicts(items, SIDES, "s1") if c.kind is ConflictKind.POLARITY]


def test_blame_in_a_time_clause_is_the_reports_framing_not_one_more_accuser():
    from reportedly.link.entities import Canonical
    from reportedly.link.independence import origins

    minister = item("The minister", "said", "27 are missing after Russian troops destroyed the dam", day=8)
    accuser = item("Kyiv", "accused", "Russian forces of blowing up the dam", day=6)
    assert blame_of(minister, SIDES).presupposed
    assert not blame_of(accuser, SIDES).presupposed
    for it, name in ((minister, "Interior Minister"), (accuser, "Ukraine")):
        it.origin = Canonical(name.lower(), name, EntityType.PERSON if it is minister else EntityType.COUNTRY)
    groups = dict(blame_groups([minister, accuser], SIDES))
    (members,) = groups.values()
    assert {it.id for it in members} == {minister.id, accuser.id}  # one proposition, both reports
    found, _ = origins(members, SIDES)
    assert len(found) == 1  # the framing repeats the accusation: one origin, not two


def test_a_place_before_an_act_noun_is_where_it_happened_not_who_did_it():
    toll = item("The committee", "said", "the toll in Moscow concert hall attack rose to 93")
    assert blame_of(toll, SIDES) is None
    involved = item("The FSB chief", "said", "Ukraine, US and Britain were involved in Moscow attack")
    assert getattr(blame_of(involved, SIDES), "side", None) != "Russia"
    assert blame_of(item("Officials", "said", "Russian forces destroyed the dam"), SIDES).side == "Russia"


def test_in_one_article_the_denial_answers_the_accusation_told_just_before_it():
    parts = [
        ("Officials", "said", "the river rose after a Ukrainian strike damaged the dam", Stance.ASSERTED),
        ("Local officials", "said", "the dam was destroyed in a strike by Ukrainian forces", Stance.ASSERTED),
        ("Ukrainian officials", "denied", "responsibility", Stance.DENIED),
    ]
    text = ""
    spans = []
    for source, cue, content, _stance in parts:
        start = len(text)
        text += f"{source} {cue} {content}. "
        spans.append(start)
    doc = DocItem(Document(text=text, outlet="Outlet", published=date(2023, 6, 6)), "Outlet")
    items = []
    for (source, cue, content, stance), start in zip(parts, spans, strict=True):
        c0 = start + len(source) + 1
        k0 = c0 + len(cue) + 1
        claim = Claim(
            ClaimKind.INDIRECT,
            SectionKind.BODY,
            stance,
            Cue(c0, c0 + len(cue), cue, cue),
            [Span(k0, k0 + len(content), content)],
            source=SourceMention(start, start + len(source), source),
            sentence=Span(start, k0 + len(content) + 1, text[start : k0 + len(content) + 1]),
            id=f"c{start:04d}",  # claim ids in text order: the lead's accusation sorts first
        )
        voice = Canonical(source, source, EntityType.OFFICIAL_GROUP)
        items.append(ClaimItem(claim, doc, voice, None, stance is Stance.DENIED))
    (stance,) = [c for c in blame_conflicts(items, SIDES, "s1") if c.kind is ConflictKind.STANCE]
    assert stance.a.id == items[1].claim.id and stance.b.id == items[2].claim.id


def test_a_denial_names_the_side_whose_part_it_denies_wherever_it_stands():
    # the first "responsibility" is the group's own; the denied part is Ukraine's "involvement"
    watson = item(
        "A White House spokesperson",
        "said",
        "the group bears sole responsibility for this attack. There was no Ukrainian involvement",
        stance=Stance.DENIED,
    )
    assert blame_of(watson, SIDES).side == "Ukraine"


def test_one_camp_blaming_a_list_of_parties_who_deny_it_is_one_disagreement():
    items = [
        item("The security chief", "said", "the USA, Britain and Ukraine are behind the attack", day=26),
        item("Russian officials", "have blamed", "Britain for the attack", day=26),
        item("Moscow", "accused", "Ukraine of preparing the attack", day=23),
        item("The UK, US and Ukraine", "continue to deny", "any involvement", day=26, stance=Stance.DENIED),
        item("Kyiv", "denied", "any involvement in the attack", day=23, stance=Stance.DENIED),
        item(
            "A White House spokesperson",
            "said",
            "the group bears sole responsibility. There was no Ukrainian involvement",
            day=24,
            stance=Stance.DENIED,
        ),
    ]
    rows = blame_conflicts(items, SIDES, "s1")
    stance = [c for c in rows if c.kind is ConflictKind.STANCE]
    assert len(stance) == 1
    row = stance[0]
    accusers = {row.a.id, *(r.id for r in row.a_also)}
    deniers = {row.b.id, *(r.id for r in row.b_also)}
    assert {it.id for it in items[:3]} <= accusers
    assert {it.id for it in items[3:]} <= deniers
    # the listed parties are a joint blame: no polarity row sets Britain against Ukraine
    assert not [c for c in rows if c.kind is ConflictKind.POLARITY]


def test_a_side_the_entity_gazetteer_lacks_comes_from_the_places_demonyms():
    sides = with_place_demonyms(SIDES)
    side = sides("Palestinian")
    assert side is not None and side == sides("Palestinians") and SIDES("Palestinian") is None
    assert sides("Gaza") is None  # a place is where it happened, not who did it
    assert sides("Russian") == SIDES("Russian") == "Russia"
    items = [
        item("The health ministry", "said", "Israel was responsible for the explosion", day=17),
        item("The army", "said", "an errant Palestinian rocket caused the blast", day=18),
        item("Hamas officials", "said", "all indications pointed to Israel's responsibility", day=19),
    ]
    assert blame_of(items[2], SIDES).side == "Israel"
    (row,) = [c for c in blame_conflicts(items, SIDES, "s1") if c.kind is ConflictKind.POLARITY]
    assert {row.a.id, row.b.id} & {items[1].id}
