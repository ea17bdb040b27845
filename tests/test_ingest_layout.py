"""Layout recognition on plain-text articles: structure found, text untouched."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from reportedly.ingest import IngestError, parse_layout
from reportedly.model import Document, SectionKind

# An invented story laid out the way wire copy arrives as plain text.
ARTICLE = "\n".join(
    [
        "Harbour authority confirms second oil leak near Marlow Bay",
        "",
        (
            "The port’s environment office also said clean-up crews had recovered most of the "
            "fuel; fishing remains suspended."
        ),
        "",
        (
            "MARLOW, Kestria – The Marlow harbour authority confirmed on Thursday that a second "
            "tanker had leaked fuel oil into the bay, and that the slick had been “largely” "
            "contained."
        ),
        "",
        (
            "Fishermen had reported a sheen on the water near the northern pier since the weekend."
            " The authority said last week that about 4,000 litres had escaped from the first "
            "vessel, bringing the total to roughly 9,000 litres."
        ),
        "",
        (
            "“Our divers found a cracked valve on the second ship,” said Ines Barlow, the "
            "authority’s operations chief, at a briefing on Friday."
        ),
        "",
        (
            "Local boat owners, who met the port director, said some compensation claims were "
            "already being processed."
        ),
        "",
        "The shipping company has not commented on the findings.",
        "",
        "",
        "RELATED STORIES",
        "",
        "Tanker owner blames storm for first leak: port source",
        "",
        "Fishing ban extended along the northern coast",
        "",
        "Divers search wreck for missing cargo: coastguard",
        "",
        "",
        "Fines for polluters",
        "",
        (
            "The regional assembly voted on Wednesday to double fines for ships that discharge "
            "fuel, the Kestria Herald reported."
        ),
        "",
        "Citing two members of the assembly, the newspaper said the vote passed without opposition.",
        "",
        "Edited by Nora Vint.",
        "",
    ]
)

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seed" / "seed-article.txt"


def _texts(doc: Document, kind: SectionKind) -> list[str]:
    return [doc.text[s.start : s.end] for s in doc.sections if s.kind == kind]


def _assert_offsets(doc: Document) -> None:
    """Every span and section must index the text it claims to."""
    for span in [*doc.paragraphs, doc.dateline, doc.byline_span]:
        if span is not None:
            assert doc.text[span.start : span.end] == span.text
    for sec in doc.sections:
        assert 0 <= sec.start < sec.end <= len(doc.text)
        assert doc.text[sec.start : sec.end] == doc.text[sec.start : sec.end].strip()
    starts = [s.start for s in doc.sections]
    assert starts == sorted(starts)
    for a, b in zip(doc.sections, doc.sections[1:], strict=False):
        assert a.end <= b.start, "sections must not overlap"


def test_text_is_kept_verbatim() -> None:
    doc = parse_layout(ARTICLE)
    assert doc.text == ARTICLE
    _assert_offsets(doc)


def test_headline_and_standfirst() -> None:
    doc = parse_layout(ARTICLE)
    assert doc.title == "Harbour authority confirms second oil leak near Marlow Bay"
    assert doc.subtitle is not None and doc.subtitle.startswith("The port’s environment office")
    assert _texts(doc, SectionKind.HEADLINE) == [doc.title]
    assert _texts(doc, SectionKind.SUBHEADLINE) == [doc.subtitle]
    assert doc.sections[0].kind == SectionKind.HEADLINE
    assert doc.sections[1].kind == SectionKind.SUBHEADLINE


def test_dateline_place_and_body_start() -> None:
    doc = parse_layout(ARTICLE)
    assert doc.dateline is not None and doc.dateline.text == "MARLOW, Kestria"
    assert doc.dateline.start == doc.paragraphs[0].start
    assert doc.text[doc.meta["dateline_end"] :].startswith("The Marlow harbour authority")


def test_related_block_is_not_body() -> None:
    doc = parse_layout(ARTICLE)
    related = _texts(doc, SectionKind.RELATED)
    assert related == [
        "RELATED STORIES",
        "Tanker owner blames storm for first leak: port source",
        "Fishing ban extended along the northern coast",
        "Divers search wreck for missing cargo: coastguard",
    ]
    para_texts = [p.text for p in doc.paragraphs]
    assert not any("RELATED" in p or "coastguard" in p for p in para_texts)
    offset = ARTICLE.index("Fishing ban")
    assert doc.section_at(offset) == SectionKind.RELATED
    marker = ARTICLE.index("RELATED STORIES")
    assert doc.meta["related_markers"] == [[marker, marker + len("RELATED STORIES")]]


def test_crosshead_is_body_but_not_a_paragraph() -> None:
    doc = parse_layout(ARTICLE)
    start = ARTICLE.index("Fines for polluters")
    assert doc.meta["crossheads"] == [[start, start + len("Fines for polluters")]]
    assert doc.section_at(start) == SectionKind.BODY
    assert "Fines for polluters" not in [p.text for p in doc.paragraphs]


def test_trailing_edited_by_is_the_byline() -> None:
    doc = parse_layout(ARTICLE)
    assert doc.byline == "Nora Vint"
    assert doc.byline_span is not None and doc.byline_span.text == "Edited by Nora Vint."
    assert not any("Edited by" in p.text for p in doc.paragraphs)
    bspan = doc.byline_span
    assert not any(s.start <= bspan.start < s.end for s in doc.sections)
    assert doc.meta["credits"] == [{"role": "edited", "names": "Nora Vint"}]


def test_paragraphs_are_the_running_text_only() -> None:
    doc = parse_layout(ARTICLE)
    assert len(doc.paragraphs) == 7
    assert doc.paragraphs[0].text.startswith("MARLOW, Kestria –")
    assert doc.paragraphs[4].text == "The shipping company has not commented on the findings."
    assert doc.paragraphs[-1].text.startswith("Citing two members")
    body = [s for s in doc.sections if s.kind == SectionKind.BODY]
    assert len(body) == 2  # before and after the related block
    for p in doc.paragraphs:
        assert doc.section_at(p.start) == SectionKind.BODY


def test_crlf_offsets_index_the_original() -> None:
    crlf = ARTICLE.replace("\n", "\r\n")
    doc = parse_layout(crlf)
    lf = parse_layout(ARTICLE)
    assert doc.text == crlf
    _assert_offsets(doc)
    assert [p.text for p in doc.paragraphs] == [p.text for p in lf.paragraphs]
    assert not any("\r" in p.text for p in doc.paragraphs)
    assert _texts(doc, SectionKind.RELATED) == _texts(lf, SectionKind.RELATED)
    assert doc.dateline is not None and doc.dateline.text == "MARLOW, Kestria"
    assert crlf[doc.meta["dateline_end"] :].startswith("The Marlow")
    assert doc.byline == "Nora Vint"
    assert doc.id == lf.id  # identity ignores newline style


def test_no_headline_when_article_starts_with_a_paragraph() -> None:
    text = (
        "The council said on Monday it would close the old library, citing repair costs.\n\n"
        "Residents have until March to object."
    )
    doc = parse_layout(text)
    assert doc.title is None and doc.subtitle is None
    assert not [s for s in doc.sections if s.kind != SectionKind.BODY]
    assert [p.text for p in doc.paragraphs] == text.split("\n\n")


def test_short_first_paragraph_with_full_stop_is_not_a_headline() -> None:
    doc = parse_layout("Prices rose again.\n\nThe bakery blamed flour costs, its owner said.")
    assert doc.title is None
    assert len(doc.paragraphs) == 2


def test_single_line_is_body_not_headline() -> None:
    doc = parse_layout("Officials said the road would reopen")
    assert doc.title is None
    assert [p.text for p in doc.paragraphs] == ["Officials said the road would reopen"]


def test_given_title_wins_and_matches_first_line() -> None:
    text = "Road to reopen.\n\nOfficials said the road would reopen on Friday."
    doc = parse_layout(text, title="Road to reopen.")
    assert doc.title == "Road to reopen."
    assert _texts(doc, SectionKind.HEADLINE) == ["Road to reopen."]
    assert [p.text for p in doc.paragraphs] == ["Officials said the road would reopen on Friday."]


def test_standfirst_needs_more_article_after_it() -> None:
    text = "Bridge closed\n\nDrivers face long detours.\n\nMARLOW – The bridge was closed, police said."
    doc = parse_layout(text)
    assert doc.title == "Bridge closed"
    assert doc.subtitle is None  # nothing would be left for the article
    assert len(doc.paragraphs) == 2


def test_one_sentence_lede_without_dateline_is_body() -> None:
    text = (
        "Bridge closed\n\n"
        "The river bridge was closed on Monday after engineers found cracks, police said.\n\n"
        "Drivers were told to use the ferry.\n\n"
        "Repairs will take a month, the city said."
    )
    doc = parse_layout(text)
    assert doc.subtitle is None
    assert doc.paragraphs[0].text.startswith("The river bridge")
    assert len(doc.paragraphs) == 3


def test_unpunctuated_deck_is_a_subheadline() -> None:
    text = (
        "Bridge closed\n\n"
        "Engineers find cracks in the main span\n\n"
        "The river bridge was closed on Monday, police said.\n\n"
        "Repairs will take a month, the city said."
    )
    doc = parse_layout(text)
    assert doc.subtitle == "Engineers find cracks in the main span"
    assert len(doc.paragraphs) == 2


def test_standfirst_before_a_byline() -> None:
    text = (
        "Bridge closed\n\n"
        "Engineers found cracks in the main span, the city said.\n\n"
        "By Ada Quill\n\n"
        "The river bridge was closed on Monday, police said.\n\n"
        "Repairs will take a month."
    )
    doc = parse_layout(text)
    assert doc.subtitle == "Engineers found cracks in the main span, the city said."
    assert doc.byline == "Ada Quill"
    assert len(doc.paragraphs) == 2


def test_two_sentence_line_is_not_a_standfirst() -> None:
    text = (
        "Bridge closed\n\n"
        "The bridge was closed on Monday. Police said it was unsafe.\n\n"
        "MARLOW – Drivers were told to use the ferry, a spokesman said.\n\n"
        "Repairs will take a month."
    )
    doc = parse_layout(text)
    assert doc.subtitle is None
    assert doc.paragraphs[0].text.startswith("The bridge was closed")


def test_standfirst_with_abbreviation_is_one_sentence() -> None:
    text = (
        "Envoy visits capital\n\n"
        "The U.S. envoy met Mr. Hale, officials said.\n\n"
        "MARLOW – The envoy arrived on Sunday, the embassy said.\n\n"
        "Talks continue today."
    )
    assert parse_layout(text).subtitle == "The U.S. envoy met Mr. Hale, officials said."


@pytest.mark.parametrize(
    ("opening", "place", "rest"),
    [
        ("WASHINGTON (Reuters) - ", "WASHINGTON", "The"),
        ("KYIV, Ukraine — ", "KYIV, Ukraine", "The"),
        ("NEW DELHI: ", "NEW DELHI", "The"),
        ("ST. PETERSBURG, Fla. – ", "ST. PETERSBURG, Fla.", "The"),
        ("LAGOS, Nov 19 (Reuters) - ", "LAGOS", "The"),
        ("WASHINGTON -- ", "WASHINGTON", "The"),
        ("WASHINGTON-", "WASHINGTON", "The"),
    ],
)
def test_dateline_variants(opening: str, place: str, rest: str) -> None:
    text = f"Port reopens\n\n{opening}The port reopened on Monday, officials said.\n\nShips queued all day."
    doc = parse_layout(text)
    assert doc.dateline is not None and doc.dateline.text == place
    assert text[doc.meta["dateline_end"] :].startswith(rest)


def test_dateline_agency_and_date_are_kept() -> None:
    text = "Port reopens\n\nLAGOS, Nov 19 (Reuters) - The port reopened.\n\nShips queued."
    doc = parse_layout(text)
    assert doc.meta["dateline_agency"] == "Reuters"
    assert doc.meta["dateline_date"] == "Nov 19"


@pytest.mark.parametrize(
    "first",
    [
        "Meanwhile – the port reopened on Monday, officials said.",
        "US: prices rose in May, the agency said.",
        "The port reopened on Monday - officials said so.",
        # a hyphenated word in capitals opens the sentence; it is no place
        "AL-SHABAAB fighters left the port on Monday, officials said.",
    ],
)
def test_no_false_dateline(first: str) -> None:
    doc = parse_layout(f"Port reopens\n\n{first}\n\nShips queued all day.")
    assert doc.dateline is None
    assert "dateline_end" not in doc.meta


def test_top_byline_and_agency_credit_line() -> None:
    text = (
        "Grain exports climb\n\n"
        "By Ada Quill and Tom Rook\n\n"
        "Grain exports rose 12% in June, the ministry said.\n\n"
        "Traders expect a record harvest.\n\n"
        "Reporting by Ada Quill in Marlow; Editing by Lena Ortiz\n"
    )
    doc = parse_layout(text)
    assert doc.byline == "Ada Quill and Tom Rook"
    assert doc.byline_span is not None and doc.byline_span.text == "By Ada Quill and Tom Rook"
    assert len(doc.meta["byline_spans"]) == 2
    assert {"role": "editing", "names": "Lena Ortiz"} in doc.meta["credits"]
    assert {"role": "reporting", "names": "Ada Quill"} in doc.meta["credits"]
    assert [p.text for p in doc.paragraphs] == [
        "Grain exports rose 12% in June, the ministry said.",
        "Traders expect a record harvest.",
    ]


def test_sentence_starting_with_by_is_a_paragraph() -> None:
    text = "Grain exports climb\n\nBy Monday, the ships had left port.\n\nTraders expect more."
    doc = parse_layout(text)
    assert doc.byline is None
    assert doc.paragraphs[0].text == "By Monday, the ships had left port."


def test_inline_related_marker_and_list_without_blank_lines() -> None:
    text = (
        "Dam repairs begin\n\n"
        "Work started on Monday, the water board said.\n\n"
        "Read more: Board warns of summer shortages\n\n"
        "Crews expect to finish in May, a foreman said.\n\n"
        "See also:\n"
        "Reservoir levels hit record low\n"
        "Farmers seek drought aid\n"
    )
    doc = parse_layout(text)
    assert _texts(doc, SectionKind.RELATED) == [
        "Read more: Board warns of summer shortages",
        "See also:",
        "Reservoir levels hit record low",
        "Farmers seek drought aid",
    ]
    assert [p.text for p in doc.paragraphs] == [
        "Work started on Monday, the water board said.",
        "Crews expect to finish in May, a foreman said.",
    ]
    see_also = text.index("See also:")
    # The inline "Read more: ..." line carries a headline, so it is not a bare marker.
    assert doc.meta["related_markers"] == [[see_also, see_also + len("See also:")]]


def test_related_block_ends_at_a_long_punctuated_paragraph() -> None:
    text = (
        "Dam repairs begin\n\n"
        "Work started on Monday, the water board said.\n\n"
        "MORE FROM THE HERALD\n\n"
        "Board warns of summer shortages\n\n"
        "Crews expect to finish the dam in May, a foreman said on site.\n\n"
        "Costs remain unclear."
    )
    doc = parse_layout(text)
    assert _texts(doc, SectionKind.RELATED) == ["MORE FROM THE HERALD", "Board warns of summer shortages"]
    assert doc.paragraphs[-2].text.startswith("Crews expect")


def test_sentence_mentioning_more_from_is_not_a_marker() -> None:
    doc = parse_layout("Talks stall\n\nMore from the minister later.\n\nNo deal was reached, aides said.")
    assert _texts(doc, SectionKind.RELATED) == []
    assert doc.paragraphs[0].text == "More from the minister later."


def test_hard_wrapped_paragraphs_stay_whole() -> None:
    text = (
        "Library to close\n\n"
        "The council said on Monday it would close the old library\n"
        "on Elm Street, citing repair costs that it put at more\n"
        "than two million crowns.\n\n"
        "Residents have until March to object, a clerk said.\n"
    )
    doc = parse_layout(text)
    assert doc.title == "Library to close"
    assert len(doc.paragraphs) == 2
    first = doc.paragraphs[0]
    assert first.text.startswith("The council") and first.text.endswith("million crowns.")
    assert "\n" in first.text and text[first.start : first.end] == first.text


def test_one_paragraph_per_line_without_blank_lines() -> None:
    long1 = (
        "The council said on Monday it would close the old library on Elm Street, "
        "citing repair costs of many millions."
    )
    assert len(long1) > 100  # one paragraph per line, not hard-wrapped
    long2 = (
        "Residents have until March to object, a clerk said, and a public meeting is planned for the spring."
    )
    doc = parse_layout(f"Library to close\n{long1}\n{long2}\n")
    assert doc.title == "Library to close"
    assert [p.text for p in doc.paragraphs] == [long1, long2]


def test_unbalanced_quotes_parse_fine() -> None:
    text = (
        "Minister quits\n\n"
        "“I have done my part, the minister told reporters on Friday.\n\n"
        'She added: "The rest is up to them.\n\n'
        "Her office gave no further details."
    )
    doc = parse_layout(text)
    assert doc.title == "Minister quits"
    assert [p.text for p in doc.paragraphs] == text.split("\n\n")[1:]
    _assert_offsets(doc)


def test_separator_lines_are_not_paragraphs() -> None:
    doc = parse_layout(
        "Storm hits coast\n\nWinds reached 120 km/h, forecasters said.\n\n* * *\n\nPower was restored."
    )
    assert [p.text for p in doc.paragraphs] == [
        "Winds reached 120 km/h, forecasters said.",
        "Power was restored.",
    ]


def test_leading_bom_and_zero_width_space_are_not_part_of_spans() -> None:
    text = (
        "\ufeffFerry fares rise\n\n\u200bFares rose 5% on Monday, the operator said.\n\nCommuters complained."
    )
    doc = parse_layout(text)
    assert doc.title == "Ferry fares rise"
    assert doc.paragraphs[0].text == "Fares rose 5% on Monday, the operator said."
    _assert_offsets(doc)


@pytest.mark.parametrize(
    "value",
    [
        date(2024, 11, 19),
        datetime(2024, 11, 19, 23, 5),
        "2024-11-19",
        "2024-11-19T08:00:00Z",
        "2024-11-19 08:00",
    ],
)
def test_published_is_coerced_to_date(value: date | datetime | str) -> None:
    doc = parse_layout("Some text said.", published=value)
    assert doc.published == date(2024, 11, 19)
    assert type(doc.published) is date


def test_bad_published_is_a_parse_error() -> None:
    with pytest.raises(IngestError) as info:
        parse_layout("Some text said.", published="19/11/2024")
    assert info.value.reason == "parse"
    assert "YYYY-MM-DD" in info.value.message


def test_metadata_arguments_are_stored() -> None:
    doc = parse_layout("Some text said.", url="https://news.example/a", outlet="Kestria Herald")
    assert (doc.url, doc.outlet) == ("https://news.example/a", "Kestria Herald")


@pytest.mark.skipif(not SEED.exists(), reason=f"seed article not present at {SEED}")
def test_seed_article_layout() -> None:
    text = SEED.read_text(encoding="utf-8")
    doc = parse_layout(text)
    _assert_offsets(doc)
    assert doc.title is not None and doc.title.startswith("Seoul confirms")
    assert doc.subtitle is not None and doc.subtitle.startswith("The South’s spy agency")
    assert doc.dateline is not None and doc.dateline.text == "TAIPEI, Taiwan"
    related = _texts(doc, SectionKind.RELATED)
    headlines = [r for r in related if r != "RELATED STORIES"]
    assert len(headlines) == 3
    assert any(h.endswith("Ukraine official") for h in headlines)
    start = text.index("US mines for Ukraine")
    assert [start, start + len("US mines for Ukraine")] in doc.meta["crossheads"]
    assert doc.byline == "Mike Firn"
    assert not any("RELATED STORIES" in p.text or "Edited by" in p.text for p in doc.paragraphs)
