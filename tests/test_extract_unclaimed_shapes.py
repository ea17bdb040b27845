"""Shapes of sentences the story corpora's gold counts as claims that extraction left unclaimed
(round 12, ``benchmarks/extraction_gaps.py``): a quotation paragraph that goes on in the words of
the speaker named just before it, an event told in the past progressive, and the outlet's own
clause coordinated before a speaker's. Every sentence here is written for these tests."""

from __future__ import annotations

import reportedly
from reportedly.model import ClaimKind, Ledger


def ledger(body: str) -> Ledger:
    return reportedly.analyze("Storm report\n\n" + body, published="2024-03-06")


def contents(led: Ledger) -> list[tuple[str, str | None, list[str]]]:
    return [
        (c.kind.value, c.source.text if c.source else None, [s.text for s in c.content]) for c in led.claims
    ]


def holding(led: Ledger, words: str) -> list[tuple[str, str | None, list[str]]]:
    return [c for c in contents(led) if any(words in s for s in c[2])]


def test_a_quotation_paragraph_goes_on_in_the_speaker_named_before() -> None:
    led = ledger(
        "“If the river had been watched, we could have moved people out,” the mayor of Lowtown said.\n\n"
        "“The warnings never came. And we lost dozens of homes.”\n"
    )
    [claim] = holding(led, "The warnings never came")
    assert claim[1] == "the mayor of Lowtown"
    assert claim[2] == ["The warnings never came. And we lost dozens of homes."]  # a claim of its own
    [first] = holding(led, "If the river")
    assert first[2] == ["If the river had been watched, we could have moved people out,"]


def test_an_indirect_speaker_closing_the_paragraph_goes_on_too() -> None:
    led = ledger(
        "A spokesperson for the fire service said in a statement that the blaze started in a storeroom.\n\n"
        '"Our crews arrived within ten minutes and contained it."\n'
    )
    [claim] = holding(led, "Our crews arrived")
    assert claim[1] == "A spokesperson for the fire service"


def test_a_quotation_opened_and_left_open_goes_on_in_the_next_paragraph() -> None:
    led = ledger(
        "Local radio quoted the fire chief as saying: “We believe the wiring failed.\n\n"
        "“The owner has not been found yet.”\n"
    )
    [claim] = holding(led, "The owner has not been found")
    assert claim[1] == "the fire chief"


def test_a_quotation_after_another_speakers_quotation_is_not_the_first_speakers() -> None:
    # the paragraph before ends on a quotation no claim of its speaker holds: whose words the
    # next paragraph goes on with is not told by the attribution, so it is left alone
    led = ledger(
        "Ruth Ames, a farmer, said the water came fast. “It was everywhere,” her neighbour added. "
        "“We ran.”\n\n“Nobody told us anything.”\n"
    )
    assert all(c[1] != "Ruth Ames" for c in holding(led, "Nobody told us"))


def test_a_paragraph_with_a_speaker_of_its_own_keeps_it() -> None:
    led = ledger("“The levee held,” the engineer said.\n\n“We were lucky,” said Paul Ortiz, a resident.\n")
    [claim] = holding(led, "We were lucky")
    assert claim[1] == "Paul Ortiz, a resident"
    assert all("We were lucky" not in s for c in holding(led, "The levee held") for s in c[2])


def test_a_quotation_after_the_outlets_own_paragraph_stays_unclaimed() -> None:
    led = ledger("Repairs on the Hill Road bridge began on Monday.\n\n“We will need months.”\n")
    assert not any(c[1] for c in holding(led, "We will need months"))


def test_an_event_in_the_past_progressive_is_the_outlets_claim() -> None:
    led = ledger("The workers, all of them from Lowtown, were repairing the Hill Road bridge when it fell.\n")
    [claim] = holding(led, "were repairing")
    assert claim[0] == ClaimKind.OUTLET.value


def test_a_present_progressive_scene_is_not_an_event() -> None:
    led = ledger("Volunteers from Lowtown are clearing the mud from the streets of the old town.\n")
    assert not holding(led, "are clearing")


def test_the_outlets_clause_before_a_speakers_coordinated_clause_is_its_own() -> None:
    led = ledger(
        "At least 40 people died in the storm on Monday, and county officials said on Tuesday that "
        "200 people were still missing.\n"
    )
    [outlet] = [c for c in contents(led) if c[0] == ClaimKind.OUTLET.value]
    assert outlet[2] == ["At least 40 people died in the storm on Monday"]
    assert holding(led, "200 people were still missing")[0][1] == "county officials"


def test_a_clause_the_speaker_says_stays_theirs() -> None:
    led = ledger("At least 40 people died in the storm on Monday, county officials said on Tuesday.\n")
    assert [c[0] for c in contents(led)] == [ClaimKind.INDIRECT.value]


def test_an_event_with_it_as_its_subject_is_the_outlets_claim() -> None:
    # round 14: "it" stands for the thing the sentence before names (the storm), not a speaker
    led = ledger(
        "Storm Varna reached the coast on Tuesday night.\n\n"
        "It also flattened the old school in the village of Brezno, which earlier floods had spared.\n"
    )
    [claim] = holding(led, "flattened the old school")
    assert claim[0] == ClaimKind.OUTLET.value


def test_an_event_with_it_as_its_subject_still_needs_a_name() -> None:
    led = ledger(
        "Storm Varna reached the coast on Tuesday night.\n\n"
        "It also triggered a flood warning in the province.\n"
    )
    assert not holding(led, "triggered a flood warning")


def test_an_event_with_he_or_they_as_its_subject_stays_unclaimed() -> None:
    led = ledger("They crossed the Lowtown bridge shortly after midnight on Friday.\n")
    assert not holding(led, "crossed the Lowtown bridge")


def test_an_event_with_no_name_and_a_common_noun_subject_stays_unclaimed() -> None:
    led = ledger("The old ferry was towed back to the harbour by two tugs on Sunday.\n")
    assert not holding(led, "towed back")


def test_it_with_be_is_no_event() -> None:
    led = ledger(
        "Storm Varna reached the coast on Tuesday night.\n\n"
        "It has been two days since Lowtown troops left the bridge at Brezno.\n"
    )
    assert not holding(led, "It has been two days")


def test_it_with_become_is_a_description_not_an_event() -> None:
    led = ledger(
        "Storm Varna reached the coast on Tuesday night.\n\n"
        "It became the strongest storm to hit the Brezno coast since records began.\n"
    )
    assert not holding(led, "It became the strongest")


def test_the_outlets_clause_before_a_speakers_subordinate_clause_is_its_own() -> None:
    led = ledger(
        "The number of people killed in the floods in Lowtown has risen to at least 211, as police "
        "fear more bodies are hidden in the mud.\n"
    )
    [outlet] = [c for c in contents(led) if c[0] == ClaimKind.OUTLET.value]
    assert outlet[2] == ["The number of people killed in the floods in Lowtown has risen to at least 211"]
    assert holding(led, "more bodies are hidden")[0][1] == "police"


def test_a_clause_of_time_after_a_speech_is_the_outlets_own() -> None:
    led = ledger(
        "The army will send another 5,000 soldiers to the valley, the defence minister said on "
        "Saturday, as the death toll from the storm rose to 211 people.\n"
    )
    [outlet] = [c for c in contents(led) if c[0] == ClaimKind.OUTLET.value]
    assert outlet[2] == ["the death toll from the storm rose to 211 people"]
    [q] = [q for c in led.claims if c.kind is ClaimKind.OUTLET for q in c.quantities]
    assert q.value == 211 and q.measure is not None and q.measure.what == "killed"
    # "as well as" goes on with the speaker's list; a clause the speaker's content holds stays theirs
    led = ledger("The mayor said 30 homes were destroyed, as well as 12 shops.\n")
    assert [c[0] for c in contents(led)] == [ClaimKind.INDIRECT.value]
    led = ledger("Officials said 30 homes were destroyed, as the river rose by 4 metres.\n")
    assert [c[0] for c in contents(led)] == [ClaimKind.INDIRECT.value]
