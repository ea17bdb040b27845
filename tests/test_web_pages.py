"""Web pages as stored: clutter stays out of the ledger, run-on sentences split, numbers spelled out.

Every page here is written for the test (our own invented story, laid out the way pages saved
from news sites arrive): a photo credit above the headline, captions ending in a credit, time
stamps, buttons, "Read more" lines, a run-on sentence with no space after its full stop, and
spelled-out numbers.
"""

from __future__ import annotations

import pytest

import reportedly
from reportedly.ingest.clutter import clutter_reason
from reportedly.ingest.layout import parse_layout
from reportedly.model import Ledger, SectionKind, Stance

PAGE = """Photo : HARBOUR NEWS

Ferry sinks off Kemi island, dozens rescued

11:39 PM

✕ Close

KEMI, Finland (AP) — Coast guard spokesman Ari Lehto said 41 passengers were rescued on Tuesday.

Rescue boats circle the wreck near the harbour. Mika Salo/dpa

Lehto said divers would search the hull again at dawn. The operator declined to comment on the cause.

Read more: Storm warnings issued for the northern coast

Share this article
"""


@pytest.fixture(scope="module")
def ledger() -> Ledger:
    return reportedly.analyze(PAGE, published="2024-11-20")


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Photo : HARBOUR NEWS", "photo credit"),
        ("Image: Reuters", "photo credit"),
        ("11:39 PM", "time stamp"),
        ("Updated: Nov. 19, 2024 9:12 AM", "time stamp"),
        ("✕ Close", "button"),
        ("Read more", "button"),
        ("Related", "button"),
        ("Read more: Storm warnings issued for the northern coast", "link"),
        ("Rescue boats circle the wreck near the harbour. Mika Salo/dpa", "caption"),
        ("Divers prepare their gear on the pier (AP Photo/Lena Berg)", "caption"),
    ],
)
def test_clutter_lines(line: str, reason: str) -> None:
    assert clutter_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "The operator said 40 people died in the storm. (AFP)",  # a wire credit ends text, not a caption
        "The photo showed the ferry listing to one side before it sank.",
        "Lehto said divers would search the hull again at dawn.",
        "Details of the rescue were released on Wednesday.",
    ],
)
def test_text_is_not_clutter(line: str) -> None:
    assert clutter_reason(line) is None


def test_clutter_is_kept_out_of_sections_and_recorded() -> None:
    doc = parse_layout(PAGE)
    headline = next(s for s in doc.sections if s.kind is SectionKind.HEADLINE)
    assert PAGE[headline.start : headline.end] == "Ferry sinks off Kemi island, dozens rescued"
    reasons = {PAGE[a:b].strip(): why for a, b, why in doc.meta["clutter"]}
    assert reasons["Photo : HARBOUR NEWS"] == "photo credit"
    assert reasons["11:39 PM"] == "time stamp"
    assert reasons["✕ Close"] == "button"
    assert reasons["Rescue boats circle the wreck near the harbour. Mika Salo/dpa"] == "caption"
    for p in doc.paragraphs:
        assert clutter_reason(p.text) is None, p.text


def test_no_claim_from_page_clutter(ledger: Ledger) -> None:
    clutter = [(a, b) for a, b, _ in ledger.document.meta["clutter"]]
    for claim in ledger.claims:
        parts = [claim.cue, *claim.content] + ([claim.source] if claim.source else [])
        for part in parts:
            assert not any(a <= part.start < b for a, b in clutter), (claim.cue.text, claim.content_text)
        assert claim.source is None or claim.source.text not in {"PM", "Photo", "Close"}


def test_wire_dateline_is_every_claims_first_hop(ledger: Ledger) -> None:
    said = [c for c in ledger.claims if c.source is not None and "Lehto" in c.source.text]
    assert said
    for claim in said:
        assert [link.entity.name for link in claim.chain][:1] == ["Associated Press"]
        assert claim.chain[-1].entity.name.endswith("Lehto")


def test_refusal_in_a_page_is_no_comment(ledger: Ledger) -> None:
    refusal = [c for c in ledger.claims if "declined" in c.cue.text]
    assert refusal and refusal[0].stance is Stance.NO_COMMENT


def test_run_on_sentence_after_a_stop_without_space() -> None:
    text = (
        "The festival will run until Oct. 8.In a statement released on Friday, the organisers said "
        "the U.S. delegation had withdrawn."
    )
    ledger = reportedly.analyze(text, published="2024-10-05")
    said = [c for c in ledger.claims if c.cue.text == "said"]
    assert said, [c.cue.text for c in ledger.claims]
    assert said[0].source is not None and said[0].source.text == "the organisers"
    assert "U.S. delegation had withdrawn" in said[0].content_text
    # "Oct." and "U.S." are abbreviations, not sentence ends
    assert not any(c.source and c.source.text.lower() in {"last time", "oct"} for c in ledger.claims)


def test_quote_ending_a_sentence_then_a_new_one() -> None:
    text = "“The bridge is closed,” the mayor said.The ministry said repairs would start in May."
    ledger = reportedly.analyze(text, published="2024-10-05")
    sources = sorted(c.source.text for c in ledger.claims if c.source)
    assert sources == ["The ministry", "the mayor"]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Officials said 15-hundred homes were flooded.", 1500),
        ("The army said ten-thousand troops had arrived.", 10000),
        ("The mayor said fifteen-hundred people were evacuated.", 1500),
        ("The mayor said twenty-five people were evacuated.", 25),
    ],
)
def test_spelled_out_numbers(sentence: str, value: int) -> None:
    ledger = reportedly.analyze(sentence, published="2024-10-05")
    values = [q.value for c in ledger.claims for q in c.quantities]
    assert values == [value]


def test_supplied_title_wins_over_a_first_line_that_is_not_it() -> None:
    text = "Live coverage\n\nKEMI, Finland (AP) — Ari Lehto said 41 were rescued.\n\nLehto said more.\n"
    doc = parse_layout(text, title="Ferry sinks off Kemi island")
    assert doc.title == "Ferry sinks off Kemi island"
    assert not any(s.kind is SectionKind.HEADLINE for s in doc.sections)
    # the title as the site prints it, with the outlet's name after it, is still the headline
    printed = "Ferry sinks off Kemi island | Harbour News\n\nAri Lehto said 41 passengers were rescued.\n"
    doc = parse_layout(printed, title="Ferry sinks off Kemi island")
    headline = next(s for s in doc.sections if s.kind is SectionKind.HEADLINE)
    assert printed[headline.start : headline.end].startswith("Ferry sinks")


@pytest.mark.parametrize(
    ("page", "agency"),
    [
        # a credit line of its own under the lead
        (
            "Ferry toll rises to 12\n\nThe toll rose overnight, rescuers said.\n\nAFP, Helsinki,\n\n"
            "Coast guard spokesman Ari Lehto said 12 passengers had died.\n",
            "Agence France-Presse",
        ),
        # a dateline with no place
        (
            "Ferry toll rises to 12\n\n(Baltic Wire) – Coast guard spokesman Ari Lehto said 12 passengers "
            "had died.\n\nDivers will search the hull again at dawn, he said.\n",
            "Baltic Wire",
        ),
        # a paragraph signed by the wire at its end
        (
            "Ferry toll rises to 12\n\nCoast guard spokesman Ari Lehto said 12 passengers had died.\n\n"
            "Rescue boats circled the wreck all night, the operator said. (Reuters)\n",
            "Reuters",
        ),
        # an agency's photo lower down and the agency's own interview in the text
        (
            "Ferry toll rises to 12\n\nCoast guard spokesman Ari Lehto said 12 passengers had died.\n\n"
            "Rescue boats circle the wreck near Kemi harbour. (AP Photo/Mika Salo)\n\n"
            "In an interview with The Associated Press, Lehto defended the night search.\n",
            "Associated Press",
        ),
        # the agency's own pictures described in the text and a witness who told the agency
        (
            "Ferry toll rises to 12\n\nCoast guard spokesman Ari Lehto said 12 passengers had died.\n\n"
            '"The deck tilted in seconds," one passenger told Reuters.\n\n'
            "Smoke rose above the harbour, Reuters pictures showed.\n",
            "Reuters",
        ),
        # a syndicator's opening naming the copy's source
        (
            "Ferry toll rises to 12\n\n(NEWSFEED- Baltic Wire) Coast guard spokesman Ari Lehto said 12 "
            "passengers had died.\n\nDivers will search the hull again at dawn, he said.\n",
            "Baltic Wire",
        ),
        # an aggregator's line that is nothing but a known outlet's name, between lead and rest
        (
            "Ferry toll rises to 12\n\nThe toll rose overnight after the storm.\n\nUSA Today\n\n"
            "Coast guard spokesman Ari Lehto said 12 passengers had died.\n",
            "USA Today",
        ),
        # an aggregator's source line at the end: the first outlet named
        (
            "Ferry toll rises to 12\n\nCoast guard spokesman Ari Lehto said 12 passengers had died.\n\n"
            "Divers will search the hull again at dawn.\n\nSource: Reuters, AFP\n",
            "Reuters",
        ),
        # a relay's line closing the lead: the agency it cites is the copy's wire
        (
            "Ferry toll rises to 12\n\nHELSINKI. Twelve people died when the ferry sank, the coast guard "
            "said Monday, Nordic Daily reports citing Xinhua.\n\nCoast guard spokesman Ari Lehto said "
            "12 passengers had died.\n",
            "Xinhua",
        ),
        # a lead photo whose caption ends in a bare agency, the page crediting nobody else
        (
            "Ferry toll rises to 12\n\nRescue boats circle the wreck near Kemi harbour on November 19, "
            "2024. AFP\n\nCoast guard spokesman Ari Lehto said 12 passengers had died.\n",
            "Agence France-Presse",
        ),
        # a lead photo's caption in the agency's own credit form, kept out as clutter
        (
            "Ferry toll rises to 12\n\nRescue boats circle the wreck near Kemi harbour. (AP Photo/Mika Salo)"
            "\n\nCoast guard spokesman Ari Lehto said 12 passengers had died.\n",
            "Associated Press",
        ),
    ],
)
def test_a_wire_credited_in_the_body_is_every_claims_first_hop(page: str, agency: str) -> None:
    ledger = reportedly.analyze(page, published="2024-11-20")
    lehto = [c for c in ledger.claims if c.source is not None and "Lehto" in c.source.text]
    assert lehto, [(c.cue.text, c.content_text) for c in ledger.claims]
    assert [link.entity.name for link in lehto[0].chain] == [agency, "Ari Lehto"]


def test_a_wire_named_inside_a_sentence_is_no_credit() -> None:
    page = (
        "Ferry toll rises to 12\n\nCoast guard spokesman Ari Lehto said 12 passengers had died, "
        "the operator told (Reuters) reporters.\n\nLehto said the hull would be raised (AFP).\n"
    )
    ledger = reportedly.analyze(page, published="2024-11-20")
    for claim in ledger.claims:
        assert all(link.entity.name not in {"Reuters", "Agence France-Presse"} for link in claim.chain[:1])


def test_a_source_line_naming_people_and_a_photo_lower_down_are_no_credit() -> None:
    """A "Source:" line listing people and posts is a sources label, not an outlet's credit; an
    agency's photo further down the page (after the text began) says nothing of who wrote it."""
    page = (
        "Ferry toll rises to 12\n\nCoast guard spokesman Ari Lehto said 12 passengers had died.\n\n"
        "Rescue boats circle the wreck near Kemi harbour. (AP Photo/Mika Salo)\n\n"
        "Divers will search the hull again at dawn, Lehto said.\n\n"
        "Source: Ari Lehto, the coast guard spokesman, on Facebook; Harbour Radio\n"
    )
    ledger = reportedly.analyze(page, published="2024-11-20")
    lehto = [c for c in ledger.claims if c.source is not None and "Lehto" in c.source.text]
    assert lehto
    assert all([link.entity.name for link in c.chain] == ["Ari Lehto"] for c in lehto)
