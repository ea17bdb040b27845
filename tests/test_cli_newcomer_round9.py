"""The newcomer's trial, round 9: defects a new user met in the ledger, the tables and the story
pages. Our own sentences; each test failed before its fix."""

from __future__ import annotations

from datetime import date

import pytest
from rich.console import Console

import reportedly
from reportedly.cli.output import claims_table, keep_words
from reportedly.model import Ledger, Measure


def _ledger(text: str) -> Ledger:
    return reportedly.analyze("Harbour news\n\n" + text, published=date(2024, 3, 12))


def _claims(ledger: Ledger) -> dict[str, tuple[str | None, str, str]]:
    """Each claim by its cue's place: (its speaker or None, its content, its evidence sentence)."""
    out = {}
    for c in ledger.claims:
        who = c.source.entity.name.lower() if c.source and c.source.entity else None
        evidence = c.sentence.text if getattr(c, "sentence", None) is not None else ""
        out[f"{c.cue.text}@{c.cue.start}"] = (who, c.content_text, evidence)
    return out


def test_two_coordinated_speakers_are_two_claims_each_with_its_own_words() -> None:
    """ "X said …, and the ferry operator said …": the parser hangs the second "said" beside the
    first one's clause, and the mayor's claim read "the bridge would reopen on Friday, and the
    ferry operator said services would resume next week", swallowing the operator's claim."""
    ledger = _ledger(
        "The mayor said the bridge would reopen on Friday, and the ferry operator said services "
        "would resume next week."
    )
    got = {(who, content) for who, content, _ in _claims(ledger).values()}
    assert ("mayor", "the bridge would reopen on Friday") in got, got
    assert ("ferry operator", "services would resume next week") in got, got
    for claim in ledger.claims:
        assert "said" not in claim.content_text


@pytest.mark.parametrize(
    ("text", "content_word", "speaker"),
    [
        # "which" with no group or name to stand for: no source rather than a source named "which"
        ("The ministry announced new rules, which said that all boats must carry radios.", "radios", None),
        # "a statement which claimed": whoever issued the statement
        ("The union issued a statement which claimed that wages had fallen sharply.", "wages", "union"),
        # "who" stands for the person its clause describes, never for the sentence's other party
        ("The police arrested a man who said he was innocent.", "innocent", "man"),
    ],
)
def test_a_relative_pronoun_is_never_a_source_by_itself(text: str, content_word: str, speaker: str | None):
    """'reportedly claims' listed sources named "which": a relative pronoun resolved to nothing
    became an entity of its own name."""
    ledger = _ledger(text)
    spoken = [c for c in ledger.claims if c.cue.lemma in {"say", "claim"}]
    claim = next(c for c in spoken if content_word in c.content_text)
    assert claim.source is not None
    name = claim.source.entity.name.lower() if claim.source.entity else None
    assert name not in {"which", "who", "that"}
    if speaker is None:
        assert name is None
    else:
        assert name is not None and speaker in name
    assert all(e.name.lower() not in {"which", "who", "that", "whom"} for e in ledger.entities)


def test_measure_names_read_as_words() -> None:
    """'reportedly timeline' listed "people pleaded_guilty" and "people in_hospital": the
    internal event word leaked into the series' name, which people read and type."""
    assert Measure(what="pleaded_guilty", unit="people").key == "people pleaded guilty"
    assert Measure(what="killed_or_injured", unit="people").key == "people killed or injured"
    assert "_" not in Measure(what="not_identified", unit="people", place_name="Lahaina").key


def _claim_dict(n: int) -> dict:
    return {
        "id": f"0123456789abcdef:{n}",
        "kind": "indirect",
        "section": "body",
        "stance": "asserted",
        "negated": False,
        "hedges": ["reportedly"],
        "source": {
            "entity": "National Harbour Authority",
            "entity_id": "e1",
            "text": "the harbour authority",
            "joint": [],
        },
        "chain": [],
        "cue": {"text": "reportedly announced", "start": 120},
        "content": {"text": "twelve ferries would stay in port until the inspection had been completed"},
        "quantities": [{"display": "12 ferries [cumulative]"}],
        "times": [{"text": "Monday", "resolved": "2024-03-11/2024-03-17"}],
    }


def _words_split(rendered: str, words: set[str]) -> list[str]:
    """Words of ``words`` not found whole on some line of the rendering (folded mid-word)."""
    return [w for w in words if w not in rendered]


def test_an_80_column_claims_table_keeps_its_words_whole() -> None:
    """At 80 columns the claims table printed the cue as "rep/ort/edl/y" (three characters a
    line) and dates as "2024-0/3-11": seven columns shared by ratio. Narrow terminals get five
    columns (cue over stance, numbers over dates), each wide enough for its words."""
    console = Console(width=80, record=True, file=open("/dev/null", "w"))  # noqa: SIM115
    table = keep_words(claims_table([_claim_dict(1), _claim_dict(2)], ids=True, width=80), 80)
    console.print(table)
    rendered = console.export_text()
    assert max(len(line) for line in rendered.splitlines()) <= 80
    whole = {
        "reportedly",
        "announced",
        "asserted",
        "National",
        "Authority",
        "inspection",
        "completed",
        "2024-03-11",
        "2024-03-17",
        "[cumulative]",
        "0123456789abcdef:1",
    }
    assert not _words_split(rendered, whole), rendered
    wide = Console(width=160, record=True, file=open("/dev/null", "w"))  # noqa: SIM115
    wide.print(keep_words(claims_table([_claim_dict(1)], width=160), 160))
    header = wide.export_text().splitlines()[1]
    assert "Stance" in header and "Dates" in header  # wide terminals keep the seven columns


def test_a_source_resolved_to_no_entity_is_shown_as_written_not_as_a_name() -> None:
    claim = _claim_dict(1)
    claim["source"] = {"entity": "which", "entity_id": None, "text": "which", "joint": []}
    console = Console(width=120, record=True, file=open("/dev/null", "w"))  # noqa: SIM115
    console.print(claims_table([claim], width=120))
    rendered = console.export_text()
    row = next(line for line in rendered.splitlines() if "│ 1 " in line)
    assert "│ —" in row and "“which”" in rendered


def _item(content: str, n: int):  # noqa: ANN202
    """A claim item of one document: "The harbour master said <content>"."""
    from reportedly.link.corpus import ClaimItem, DocItem
    from reportedly.model import Claim, ClaimKind, Cue, Document, SectionKind, SourceMention, Span, Stance

    text = f"The harbour master said {content}."
    doc = Document(text=text, outlet=f"Outlet {n}", published=date(2024, 3, 12))
    claim = Claim(
        ClaimKind.INDIRECT,
        SectionKind.BODY,
        Stance.ASSERTED,
        Cue(18, 22, "said", "say"),
        [Span(24, 24 + len(content), content)],
        source=SourceMention(0, 17, "The harbour master"),
        sentence=Span(0, len(text), text),
        id=f"d{n}:0",
    )
    return ClaimItem(claim, DocItem(doc, doc.outlet), None, None, False)


def test_a_cluster_label_starts_where_a_clause_starts() -> None:
    """The story page labelled a cluster "to continue to rise" (the tail of "expected the toll to
    continue to rise"), its most typical member's content: a member that opens a clause is
    taken instead, read as a sentence (no leading "that", a capital)."""
    import numpy as np

    from reportedly.link.clusters import Group
    from reportedly.link.labels import label

    tail = _item("to continue to rise", 1)
    whole = _item("that the toll of the storm would rise further", 2)
    vectors = {tail.id: np.array([1.0, 0.0]), whole.id: np.array([0.8, 0.6])}
    group = Group("g", [tail, whole], centroid=np.array([1.0, 0.0]))
    assert label(group, vectors) == "The toll of the storm would rise further"
    # no member opens a clause: the sentence of the most typical one, which does
    alone = Group("g", [tail], centroid=np.array([1.0, 0.0]))
    assert label(alone, vectors) == "The harbour master said to continue to rise."


def test_a_timeline_point_shows_the_words_around_its_number() -> None:
    """'reportedly timeline --measure M' showed as evidence only the number ("36"): each point
    now carries the words around it in its sentence, cut at spaces, at most about 100
    characters, and the table shows them."""
    from reportedly.model import Span
    from reportedly.store.measures import number_context

    sentence = (
        "After a night of searching in the flooded valley, rescue teams said on Tuesday that 36 "
        "people had died in the villages below the dam, and that many more were still missing."
    )
    doc_offset = 500
    at = sentence.index("36")
    span = Span(doc_offset, doc_offset + len(sentence), sentence)
    got = number_context(span, doc_offset + at, doc_offset + at + 2)
    assert got is not None and "36 people had died" in got
    assert got.startswith("… ") and got.endswith(" …") and len(got) <= 104
    inner = got.removeprefix("… ").removesuffix(" …")
    assert f" {inner} " in f" {sentence} "  # cut at spaces, never inside a word
    short = "Officials said 12 ferries stayed in port."
    assert number_context(Span(0, len(short), short), 15, 17) == short
    assert number_context(None, 15, 17) is None
    assert number_context(Span(0, len(short), short), 100, 102) is None  # not in its sentence


def test_reportedly_hedges_only_its_own_clause() -> None:
    """In "The harbour master reportedly ordered …, and the ferry operator said …" the ledger
    gave the operator's claim the hedge "reportedly" (any hedge of the sentence counted) and the
    unnamed reports' claim ran on into ", and the ferry operator"."""
    ledger = _ledger(
        "The harbour master reportedly ordered 12 ferries to stay in port on Monday, and the ferry "
        "operator said the strike would spread."
    )
    operator = next(c for c in ledger.claims if c.cue.text == "said")
    assert operator.hedges == [] and "strike would spread" in operator.content_text
    reports = next(c for c in ledger.claims if c.cue.text == "reportedly")
    assert reports.content_text.endswith("on Monday") and "operator" not in reports.content_text
    # the sentence's own hedge still reaches a claim that holds it or that it comes before
    said = _ledger("The minister allegedly took bribes, officials said.").claims[0]
    assert said.hedges == ["allegedly"]
