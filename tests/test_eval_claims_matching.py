"""How the per-article claim scorer pairs gold quotes with ledger claims (issue 16).

Hand-built ledgers over sentences written for these tests, so that each rule of the scorer can
fail on its own: a quote that takes the speaker and the verb with the content, a quote inside a
longer content (the gold splits one sentence into one claim per proposition), a quote that meets
only another claim's source, and a sourceless claim said in the outlet's voice.
"""

from __future__ import annotations

from reportedly.eval.claims import score_claims
from reportedly.model import (
    ChainLink,
    Claim,
    ClaimKind,
    Cue,
    Document,
    Entity,
    Ledger,
    SectionKind,
    SourceMention,
    Span,
    Stance,
)

FILE = "01_test-gazette_2025-05-02.txt"


def _span(text: str, part: str, after: int = 0) -> Span:
    at = text.index(part, after)
    return Span(at, at + len(part), part)


def _claim(
    text: str,
    *,
    source: str | None,
    cue: str,
    content: str,
    kind: ClaimKind = ClaimKind.INDIRECT,
    stance: Stance = Stance.ASSERTED,
    cid: str,
) -> Claim:
    c = _span(text, cue)
    mention = None
    chain = []
    if source is not None:
        s = _span(text, source)
        entity = Entity(source.lower().replace(" ", "-"), source)
        mention = SourceMention(s.start, s.end, s.text, entity)
        chain = [ChainLink(entity, "say")]
    return Claim(
        kind=kind,
        section=SectionKind.BODY,
        stance=stance,
        cue=Cue(c.start, c.end, c.text, cue.split()[-1]),
        content=[_span(text, content)],
        source=mention,
        chain=chain,
        id=cid,
    )


def _gold(*claims: tuple[str, str, str]) -> dict:
    return {
        "documents": [{"file": FILE, "outlet": "Test Gazette", "wire": None}],
        "claims": {
            FILE: [{"source": s, "stance": st, "quote": q, "chain": ["Gazette"]} for s, q, st in claims]
        },
    }


def _ledger(text: str, claims: list[Claim]) -> dict[str, Ledger]:
    doc = Document(text=text, outlet="Test Gazette")
    return {FILE: Ledger(document=doc, claims=claims)}


def test_a_quote_with_the_speaker_and_verb_finds_the_claim_whose_content_runs_on():
    text = (
        "The harbour master announced on Friday that 212 boats have been lost in the storm, "
        "making it the worst season the port has known since the 1890s."
    )
    claim = _claim(
        text,
        source="The harbour master",
        cue="announced",
        content="that 212 boats have been lost in the storm, making it the worst season the port has known "
        "since the 1890s",
        cid="a",
    )
    quote = "The harbour master announced on Friday that 212 boats have been lost"
    gold = _gold(("harbour master", quote, "asserted"))
    report = score_claims(gold, _ledger(text, [claim]))
    assert report["recall"] == 1.0 and report["source_accuracy"] == 1.0
    assert report["counts"]["matched_inside"] == 0


def test_a_quote_meeting_only_a_source_is_not_that_claims():
    text = "The mayor, who has called the flood a calamity for the valley, said 40 homes were without power."
    claim = _claim(
        text,
        source="The mayor, who has called the flood a calamity for the valley,",
        cue="said",
        content="40 homes were without power",
        cid="a",
    )
    gold = _gold(("mayor", "who has called the flood a calamity for the valley", "asserted"))
    report = score_claims(gold, _ledger(text, [claim]))
    assert report["recall"] == 0.0 and report["misses"][0]["quote"].startswith("who has called")


def test_every_proposition_inside_one_content_is_found_in_that_claim():
    text = "The fire chief said 14 people are unaccounted for, while 9 barns are still burning nearby."
    claim = _claim(
        text,
        source="The fire chief",
        cue="said",
        content="14 people are unaccounted for, while 9 barns are still burning nearby",
        cid="a",
    )
    gold = _gold(
        ("fire chief", "14 people are unaccounted for", "asserted"),
        ("fire chief", "9 barns are still burning", "asserted"),
    )
    report = score_claims(gold, _ledger(text, [claim]))
    assert report["recall"] == 1.0 and report["recall_one_to_one"] == 0.5
    assert report["counts"]["matched_inside"] == 1
    # one system claim, matched: precision counts it once
    assert report["precision_strict"] == 1.0 and report["counts"]["system"] == 1


def test_a_quote_only_half_inside_a_content_stays_missed():
    text = "The fire chief said 14 people are unaccounted for. Nine barns burned overnight near the ridge."
    claim = _claim(
        text, source="The fire chief", cue="said", content="14 people are unaccounted for", cid="b"
    )
    gold = _gold(
        ("fire chief", "The fire chief said 14 people are unaccounted for", "asserted"),
        ("fire chief", "unaccounted for. Nine barns burned overnight", "asserted"),
    )
    report = score_claims(gold, _ledger(text, [claim]))
    assert report["counts"]["matched"] == 1 and len(report["misses"]) == 1


def test_a_sourceless_claim_speaks_in_the_outlets_voice():
    text = "Some 300 cattle are confirmed to have drowned in the lower valley."
    claim = _claim(
        text,
        source=None,
        cue="are confirmed",
        content="Some 300 cattle",
        kind=ClaimKind.PASSIVE,
        stance=Stance.CONFIRMED,
        cid="a",
    )
    gold = _gold(("Test Gazette", "Some 300 cattle are confirmed to have drowned", "confirmed"))
    report = score_claims(gold, _ledger(text, [claim]))
    assert report["recall"] == 1.0 and report["source_accuracy"] == 1.0
    gold_other = _gold(("valley farmers", "Some 300 cattle are confirmed to have drowned", "confirmed"))
    assert score_claims(gold_other, _ledger(text, [claim]))["source_accuracy"] == 0.0


def test_a_quote_with_the_speaker_is_found_in_a_claim_another_gold_quote_took():
    text = "The harbour master announced on Friday that 212 boats were lost, the worst toll since the 1890s."
    claim = _claim(
        text,
        source="The harbour master",
        cue="announced",
        content="that 212 boats were lost, the worst toll since the 1890s",
        cid="a",
    )
    gold = _gold(
        ("Test Gazette", "the worst toll since the 1890s", "reported"),
        ("harbour master", "The harbour master announced on Friday that 212 boats were lost", "asserted"),
    )
    report = score_claims(gold, _ledger(text, [claim]))
    assert report["recall"] == 1.0 and report["counts"]["matched_inside"] == 1
    # the first quote is the outlet's aside inside the master's content: matched, its source wrong
    assert report["source_accuracy"] == 0.5


def test_a_frame_closing_the_sentence_holds_its_adverbials():
    text = "The toll stands at 86, while 412 people were treated, the health office announced on Friday."
    claim = _claim(
        text,
        source="the health office",
        cue="announced",
        content="The toll stands at 86, while 412 people were treated",
        cid="a",
    )
    claim.sentence = Span(0, len(text), text)
    gold = _gold(
        ("health office", "The toll stands at 86", "asserted"),
        ("health office", "412 people were treated, the health office announced on Friday", "asserted"),
    )
    report = score_claims(gold, _ledger(text, [claim]))
    assert report["recall"] == 1.0 and report["counts"]["matched_inside"] == 1


def test_an_agency_the_text_never_names_is_no_hop_a_reader_can_know():
    def gold_with_agency() -> dict:
        gold = _gold(("harbour master", "212 boats were lost", "asserted"))
        gold["claims"][FILE][0]["chain"] = ["Gazette", "dpa", "harbour master"]
        return gold

    text = "The harbour master said 212 boats were lost."
    claim = _claim(text, source="The harbour master", cue="said", content="212 boats were lost", cid="a")
    report = score_claims(gold_with_agency(), _ledger(text, [claim]))
    assert report["chain_accuracy"] == 1.0 and report["chain_accuracy_strict"] == 0.0
    credited = text + " Photo: Kim Lee/dpa"
    claim = _claim(credited, source="The harbour master", cue="said", content="212 boats were lost", cid="a")
    assert score_claims(gold_with_agency(), _ledger(credited, [claim]))["chain_accuracy"] == 0.0


def test_a_hop_the_gold_marks_as_unnamed_is_no_hop_a_reader_can_know():
    text = "A senior official said 212 boats were lost."
    gold = _gold(("senior official", "212 boats were lost", "asserted"))
    gold["claims"][FILE][0]["chain"] = ["Gazette", "(The Evening Courier, not named)", "senior official"]
    claim = _claim(text, source="A senior official", cue="said", content="212 boats were lost", cid="a")
    report = score_claims(gold, _ledger(text, [claim]))
    assert report["chain_accuracy"] == 1.0 and report["chain_accuracy_strict"] == 0.0


def test_a_hop_sharing_a_word_with_an_agency_is_not_that_agency():
    text = "The border agency said 212 boats were lost."
    gold = _gold(("border agency", "212 boats were lost", "asserted"))
    gold["claims"][FILE][0]["chain"] = ["Gazette", "Turkey's border agency"]
    claim = _claim(text, source="The border agency", cue="said", content="212 boats were lost", cid="a")
    claim.chain = []
    report = score_claims(gold, _ledger(text, [claim]))
    # the hop stays in the gold chain ("agency" is not Agence France-Presse): the empty chain is wrong
    assert report["chain_accuracy"] == 0.0


def test_the_cli_table_gives_both_recalls():
    from pathlib import Path

    from typer.testing import CliRunner

    from reportedly.cli import app

    mini = Path(__file__).parent / "fixtures" / "stories" / "mini"
    result = CliRunner().invoke(app, ["eval-claims", str(mini)])
    assert result.exit_code == 0, result.output
    assert "recall, one to one" in result.output and "precision, strict" in result.output


def test_stance_confusion_tabulates_gold_against_ledger_on_every_pair():
    text = "The port authority said 30 cranes were damaged. The union warned the port would close."
    said = _claim(text, source="The port authority", cue="said", content="30 cranes were damaged", cid="a")
    union = _claim(
        text,
        source="The union",
        cue="warned",
        content="the port would close",
        stance=Stance.EXPECTED,
        cid="b",
    )
    gold = _gold(
        ("port authority", "30 cranes were damaged", "reported"),
        ("union", "the port would close", "expected"),
    )
    report = score_claims(gold, _ledger(text, [said, union]))
    assert report["stance_confusion"] == {"expected": {"expected": 1}, "reported": {"asserted": 1}}
    assert report["stance_accuracy"] == 0.5
