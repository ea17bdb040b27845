"""Acceptance: the seed article, one test per item the ledger must get right.

The seed lives in the shared folder beside the repository
(``../shared/seed/seed-article.txt``); the module is skipped when it is absent,
e.g. in a checkout without the shared folder.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import reportedly
from reportedly.model import Claim, ClaimKind, Entity, Ledger, SectionKind, Stance

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "seed-article.txt"

if not SEED.exists():
    pytest.skip(
        f"seed article not found at {SEED}: the shared folder must sit beside the repository",
        allow_module_level=True,
    )

PUBLISHED = "2024-11-20"  # a Wednesday: "Tuesday" is 2024-11-19, "Sunday" 2024-11-17

RELATED_HEADLINES = (
    "Biden adding ‘fuel to fire’ with Ukraine missile decision: Kremlin",
    "Biden lets Ukraine use long-range US missiles to hit Russia, North Korea troops",
    "North Koreans in Russia in place but not in combat: Ukraine official",
)


# --------------------------------------------------------------------------- helpers


def norm(name: str) -> str:
    key = " ".join(name.split()).lower()
    return key[4:] if key.startswith("the ") else key


def bare(text: str) -> str:
    marks = "\"'“”‘’"
    text = text.strip().strip(marks).strip()
    if text and text[-1] in ",.;:":
        text = text[:-1]
    return text.strip().strip(marks).strip()


def name_of(entity: Entity | None) -> str:
    return norm(entity.name) if entity else ""


def describe(claim: Claim) -> str:
    source = "None"
    if claim.source is not None:
        entity = claim.source.entity.name if claim.source.entity else None
        source = f"{claim.source.text!r}->{entity!r}"
    chain = [link.entity.name for link in claim.chain]
    return (
        f"[{claim.kind.value}/{claim.stance.value}/{claim.section.value}] cue={claim.cue.text!r} "
        f"source={source} chain={chain} content={claim.content_text[:90]!r}"
    )


def dump(ledger: Ledger) -> str:
    return "\n".join("  " + describe(c) for c in ledger.claims)


def find(
    ledger: Ledger,
    *,
    cue: str | None = None,
    contains: str | None = None,
    section: SectionKind | None = None,
) -> list[Claim]:
    """Claims whose cue contains ``cue`` (or has it as lemma), whose content contains ``contains``."""
    out = []
    for c in ledger.claims:
        if cue is not None and cue.lower() not in c.cue.text.lower() and c.cue.lemma.lower() != cue.lower():
            continue
        if contains is not None and contains.lower() not in c.content_text.lower():
            continue
        if section is not None and c.section != section:
            continue
        out.append(c)
    return out


def one(ledger: Ledger, **where: object) -> Claim:
    found = find(ledger, **where)  # type: ignore[arg-type]
    assert found, f"no claim where {where}; claims:\n{dump(ledger)}"
    return found[0]


def source_entities(claim: Claim) -> list[Entity]:
    """The source's entity, the further entities of a joint source, and the chain's entities."""
    out: list[Entity] = []
    if claim.source is not None:
        if claim.source.entity is not None:
            out.append(claim.source.entity)
        out += list(getattr(claim.source, "joint", []) or [])
    out += [link.entity for link in claim.chain]
    return out


def has_time(claim: Claim, text: str, resolved: str) -> bool:
    return any(text.lower() in t.text.lower() and t.resolved == resolved for t in claim.times)


def times_of(claim: Claim) -> list[tuple[str, str | None]]:
    return [(t.text, t.resolved) for t in claim.times]


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def ledger() -> Ledger:
    return reportedly.analyze(SEED.read_text(encoding="utf-8"), published=PUBLISHED)


@pytest.fixture(scope="module")
def text(ledger: Ledger) -> str:
    return ledger.document.text


# --------------------------------------------------------------------------- acceptance items


def test_spy_agency_confirmation(ledger: Ledger) -> None:
    """“South Korea’s spy agency confirmed on Tuesday that …” is the NIS, confirming, on 2024-11-19."""
    claim = one(ledger, cue="confirmed", contains="additional artillery", section=SectionKind.BODY)
    assert claim.stance is Stance.CONFIRMED
    assert claim.source is not None and "spy agency" in claim.source.text
    assert name_of(claim.source.entity) == "national intelligence service"
    assert has_time(claim, "Tuesday", "2024-11-19"), times_of(claim)


def test_nis_alias_defined_in_text(ledger: Ledger) -> None:
    """“the National Intelligence Service, or NIS” makes NIS an alias; later “the NIS” is the same entity."""
    nis = [e for e in ledger.entities if norm(e.name) == "national intelligence service"]
    assert len(nis) == 1, [e.name for e in ledger.entities]
    assert "NIS" in nis[0].aliases
    claim = one(ledger, contains="conflicting information")
    assert claim.source is not None and claim.source.entity is not None
    assert claim.source.entity.id == nis[0].id


def test_agentless_suspicion(ledger: Ledger) -> None:
    """“North Korea has been suspected of sending weapons …”: passive, suspected, no source."""
    claim = one(ledger, cue="suspected", contains="sending weapons")
    assert claim.kind is ClaimKind.PASSIVE
    assert claim.stance is Stance.SUSPECTED
    assert claim.source is None


def test_the_south_container_figures(ledger: Ledger) -> None:
    """“The South said last month that … about 7,000 containers … bringing the total … to 20,000.”"""
    claim = one(ledger, cue="said", contains="7,000 containers")
    assert claim.source is not None and norm(claim.source.text) == "south"
    assert name_of(claim.source.entity) == "south korea"

    period = [q for q in claim.quantities if q.value == 7000]
    assert period, [q.to_dict() for q in claim.quantities]
    q = period[0]
    assert q.approximate is True
    assert q.unit is not None and "container" in q.unit.lower()
    assert q.scope.value == "period"

    total = [q for q in claim.quantities if q.value == 20000]
    assert total, [q.to_dict() for q in claim.quantities]
    assert total[0].scope.value == "cumulative"

    assert has_time(claim, "last month", "2024-10"), times_of(claim)


def test_inverted_quote_cited_by_lawmakers(ledger: Ledger) -> None:
    """“… 170mm self-propelled artillery and 240mm howitzers,” said the NIS, as cited by lawmakers."""
    claim = one(ledger, cue="said", contains="170mm")
    assert claim.kind is ClaimKind.DIRECT
    assert claim.inverted is True
    assert bare(claim.content_text) == (
        "In addition to artillery missiles, North Korea has also exported 170mm self-propelled "
        "artillery and 240mm howitzers"
    )
    assert len(claim.chain) == 2, [link.entity.name for link in claim.chain]
    assert "lawmakers" in claim.chain[0].entity.name.lower()
    assert name_of(claim.chain[-1].entity) == "national intelligence service"
    assert claim.origin is not None and name_of(claim.origin) == "national intelligence service"

    for calibre in ("170mm", "240mm"):
        assert any(q.attribute and calibre in q.text for q in claim.quantities), (
            calibre,
            [q.to_dict() for q in claim.quantities],
        )
    counted = [q.value for q in claim.quantities if not q.attribute]
    assert 170 not in counted and 240 not in counted, [q.to_dict() for q in claim.quantities]


def test_lawmakers_briefed_by_nis(ledger: Ledger) -> None:
    """“The lawmakers, who were briefed by the NIS, added that … are known to have participated …”"""
    claim = one(ledger, cue="added", contains="participated in combat")
    assert claim.source is not None and "lawmakers" in claim.source.text.lower()
    assert len(claim.chain) == 2, [link.entity.name for link in claim.chain]
    assert "lawmakers" in claim.chain[0].entity.name.lower()
    assert name_of(claim.chain[-1].entity) == "national intelligence service"
    assert any("known to" in h.lower() for h in claim.hedges), claim.hedges


def test_lawmakers_quote_citing_nis(ledger: Ledger) -> None:
    """“The soldiers assigned to the Kursk front …,” the lawmakers said, citing the NIS."""
    claim = one(ledger, cue="said", contains="Kursk front")
    assert claim.kind is ClaimKind.DIRECT
    assert claim.inverted is False  # the subject precedes the verb
    assert len(claim.chain) == 2, [link.entity.name for link in claim.chain]
    assert name_of(claim.chain[-1].entity) == "national intelligence service"
    # "the lawmakers" is the group introduced as "South Korean lawmakers"
    earlier = one(ledger, cue="said", contains="170mm")
    assert earlier.chain and claim.chain[0].entity.id == earlier.chain[0].entity.id


def test_us_estimate_more_than_ten_thousand(ledger: Ledger) -> None:
    """“The U.S. estimated more than 10,000 North Korean soldiers had been sent …”"""
    claim = one(ledger, cue="estimated", contains="10,000")
    assert claim.stance is Stance.ESTIMATED
    assert claim.source is not None and name_of(claim.source.entity) == "united states"
    matches = [q for q in claim.quantities if q.low == 10000]
    assert matches, [q.to_dict() for q in claim.quantities]
    q = matches[0]
    assert q.high is None
    assert q.unit is not None and "soldier" in q.unit.lower()


def test_nis_conflicting_information_is_unverified(ledger: Ledger) -> None:
    """the NIS said: “There is a lot of conflicting information, so we are in the process of confirming …”"""
    claim = one(ledger, contains="conflicting information")
    assert claim.stance is Stance.UNVERIFIED
    assert claim.kind is ClaimKind.DIRECT
    assert claim.source is not None and name_of(claim.source.entity) == "national intelligence service"
    assert bare(claim.content_text) == (
        "There is a lot of conflicting information, so we are in the process of confirming the exact details"
    )


def test_joint_us_and_south_korea(ledger: Ledger) -> None:
    """“The U.S. and South Korea said that …”: one claim whose source covers both."""
    claim = one(ledger, cue="said", contains="already been fighting")
    assert claim.stance is Stance.ASSERTED
    assert claim.source is not None
    assert "U.S." in claim.source.text and "South Korea" in claim.source.text


def test_moscow_and_pyongyang_remained_silent(ledger: Ledger) -> None:
    """“both Moscow and Pyongyang have remained silent …”: no comment from Russia and North Korea."""
    silent = find(ledger, cue="silent")
    assert silent, f"no 'remained silent' claim:\n{dump(ledger)}"
    for claim in silent:
        assert claim.stance is Stance.NO_COMMENT
        assert claim.kind is ClaimKind.NON_STATEMENT
    names = {name_of(e) for claim in silent for e in source_entities(claim)}
    assert {"russia", "north korea"} <= names, names


def test_washington_post_report_and_the_newspaper(ledger: Ledger) -> None:
    """The Post “reported on Tuesday”; “Citing unidentified American officials, the newspaper said …”."""
    report = one(ledger, cue="reported", contains="land mines")
    assert report.source is not None and name_of(report.source.entity) == "washington post"
    assert report.stance is Stance.REPORTED
    assert has_time(report, "Tuesday", "2024-11-19"), times_of(report)

    said = one(ledger, cue="said", contains="deeply concerned")
    assert said.source is not None and norm(said.source.text) == "newspaper"
    assert name_of(said.source.entity) == "washington post"
    assert [name_of(link.entity) for link in said.chain] == ["washington post", "u.s. officials"]
    assert said.chain[-1].entity.anonymous is True


def test_new_york_times_citing_the_same_officials(ledger: Ledger) -> None:
    """“The New York Times, also citing the U.S. officials, reported on Sunday that … likely …”"""
    claim = one(ledger, cue="reported", contains="long-range U.S. missiles")
    assert claim.source is not None and name_of(claim.source.entity) == "new york times"
    assert len(claim.chain) == 2, [link.entity.name for link in claim.chain]
    assert name_of(claim.chain[0].entity) == "new york times"
    assert claim.chain[-1].entity.anonymous is True
    assert "officials" in claim.chain[-1].entity.name.lower()
    assert has_time(claim, "Sunday", "2024-11-17"), times_of(claim)
    assert any("likely" in h.lower() for h in claim.hedges), claim.hedges


def test_no_reversed_citing_claim(ledger: Ledger) -> None:
    """*also citing the U.S. officials* is a hop of the Times' claim, never a claim "U.S. officials —
    citing — The New York Times" whose content is the newspaper that cites them."""
    for claim in ledger.claims:
        if claim.cue.lemma in {"cite", "quote"}:
            assert "New York Times" not in claim.content_text, claim.content_text
            assert "Washington Post" not in claim.content_text, claim.content_text


def test_us_officials_are_one_entity(ledger: Ledger) -> None:
    """“unidentified American officials” and, later, “the U.S. officials” plainly name one group."""
    post = one(ledger, cue="said", contains="deeply concerned")
    times = one(ledger, cue="reported", contains="long-range U.S. missiles")
    assert post.chain and times.chain
    assert post.chain[-1].entity.id == times.chain[-1].entity.id


def test_the_newspaper_added_is_the_new_york_times(ledger: Ledger) -> None:
    """“The newspaper added that although the officials did not believe …” — the Times, not the Post."""
    claim = one(ledger, cue="added", contains="one aim was to warn")
    assert claim.source is not None and norm(claim.source.text) == "newspaper"
    assert name_of(claim.source.entity) == "new york times"
    # the nested "the officials did not believe ..." need not be a claim of its own; if it is, it is negated
    for nested in find(ledger, cue="believe"):
        assert nested.negated is True, describe(nested)


def test_us_has_not_commented(ledger: Ledger) -> None:
    """“The U.S. has not officially commented on the report”."""
    claim = one(ledger, cue="comment")
    assert claim.stance is Stance.NO_COMMENT
    assert claim.kind is ClaimKind.NON_STATEMENT
    assert claim.source is not None and name_of(claim.source.entity) == "united states"


def test_related_headlines_stay_in_related(ledger: Ledger, text: str) -> None:
    """The three RELATED STORIES headlines are their own section and never feed body claims."""
    regions = []
    for headline in RELATED_HEADLINES:
        start = text.find(headline)
        assert start >= 0, headline
        regions.append((start, start + len(headline)))
        assert ledger.document.section_at(start) is SectionKind.RELATED, headline

    for claim in ledger.claims:
        if claim.section is SectionKind.RELATED:
            continue
        spans = [(s.start, s.end) for s in claim.content] + [(claim.cue.start, claim.cue.end)]
        if claim.source is not None:
            spans.append((claim.source.start, claim.source.end))
        for a, b in spans:
            for start, end in regions:
                reaches = a < end and start < b
                assert not reaches, (
                    f"{claim.section.value} claim reaches a related headline: {describe(claim)}"
                )

    in_place = one(ledger, contains="in place but not in combat")
    assert in_place.kind is ClaimKind.HEADLINE
    assert in_place.section is SectionKind.RELATED
    assert in_place.source is not None and in_place.source.text == "Ukraine official"

    kremlin = one(ledger, contains="fuel to fire")
    assert kremlin.kind is ClaimKind.HEADLINE
    assert kremlin.section is SectionKind.RELATED
    assert kremlin.source is not None and name_of(kremlin.source.entity) == "russia"


def test_crosshead_is_not_a_claim(ledger: Ledger) -> None:
    """“US mines for Ukraine” is a crosshead: no claim draws on it."""
    for claim in ledger.claims:
        assert "US mines for Ukraine" not in claim.content_text, describe(claim)
        assert claim.source is None or "mines" not in claim.source.text, describe(claim)


def test_byline(ledger: Ledger) -> None:
    """“Edited by Mike Firn.” is the byline, not a claim."""
    assert ledger.document.byline == "Mike Firn"
    for claim in ledger.claims:
        assert "Mike Firn" not in claim.content_text, describe(claim)
        assert claim.source is None or "Mike Firn" not in claim.source.text, describe(claim)


def test_dateline(ledger: Ledger) -> None:
    """“TAIPEI, Taiwan –” is the dateline, never part of a source."""
    assert ledger.document.dateline is not None
    assert ledger.document.dateline.text == "TAIPEI, Taiwan"
    for claim in ledger.claims:
        assert claim.source is None or "TAIPEI" not in claim.source.text, describe(claim)


def test_headline_seoul_confirms(ledger: Ledger) -> None:
    """“Seoul confirms North Korea’s additional export of artillery to Russia”."""
    claim = one(ledger, section=SectionKind.HEADLINE)
    assert claim.kind is ClaimKind.HEADLINE
    assert claim.stance is Stance.CONFIRMED
    assert claim.source is not None and claim.source.text == "Seoul"
    assert name_of(claim.source.entity) == "south korea"
    assert "additional export" in claim.content_text


def test_standfirst_spy_agency(ledger: Ledger) -> None:
    """“The South’s spy agency also said …” in the standfirst is the NIS too."""
    claim = one(ledger, section=SectionKind.SUBHEADLINE, cue="said")
    assert claim.source is not None and name_of(claim.source.entity) == "national intelligence service"


def test_every_offset_reproduces_its_text(ledger: Ledger, text: str) -> None:
    assert ledger.validate() == []
    for claim in ledger.claims:
        for span in claim.content:
            assert text[span.start : span.end] == span.text
        for link in claim.chain:
            if link.mention is not None:
                assert text[link.mention.start : link.mention.end] == link.mention.text
