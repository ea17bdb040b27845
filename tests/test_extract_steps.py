"""Each registered step alone: the same passage through an extractor without and with the step.

The extractor's step list is data, so a step is tested by adding it to the list
(after ``merge``, which every other step expects) and comparing the claims.
"""

from __future__ import annotations

import pytest

from passages import StubModel, run
from reportedly.extract import STEPS, Extractor, Models
from reportedly.extract.learned import load_model
from reportedly.extract.registry import STEPS as REGISTERED
from reportedly.extract.registry import Article, get_step, step
from reportedly.model import Ledger


def claims(ledger: Ledger) -> list[tuple[str, str | None, list[str]]]:
    """(cue, source, content) of every claim, as text."""
    return [
        (c.cue.text, c.source.text if c.source else None, [s.text for s in c.content]) for c in ledger.claims
    ]


def stub(first_word: str, cue: str, source: str, content: str, **options: object) -> dict[str, object]:
    """Run options: a learned model that tags one relation in the block that starts with ``first_word``."""
    return {"models": Models(StubModel({first_word: [(cue, source, content)]}))} | options


CASES = [
    (
        "before_next_cue",
        "Merrill says Machado promised to keep supporting Clinton and said she would vote for her.",
        {},
        ("says", "Merrill", ["Machado promised to keep supporting Clinton and said she would vote for her"]),
        ("says", "Merrill", ["Machado promised to keep supporting Clinton"]),
    ),
    (
        "colon_closes",
        "The minister said: “We will win the vote.”",
        {},
        ("said", "The minister", ["We will win the vote."]),
        ("said:", "The minister", ["We will win the vote."]),
    ),
    (
        "after_dateline",  # the learned source takes in the dateline
        "Talks.\n\nWASHINGTON -- President Obama said on Friday that the talks would resume.",
        stub("WASHINGTON", "said", "WASHINGTON -- President Obama", "that the talks would resume"),
        ("said", "WASHINGTON -- President Obama", ["that the talks would resume"]),
        ("said", "President Obama", ["that the talks would resume"]),
    ),
    (
        "quote_runs_on",  # the learned content stops at the first sentence of the quotation
        'Ortiz said: "We kept every promise. The parks stay open." The vote was 7-2.',
        stub("Ortiz", "said", "Ortiz", '" We kept every promise .', finders=("learned",)),
        ("said", "Ortiz", ['"We kept every promise.']),
        ("said", "Ortiz", ['"We kept every promise. The parks stay open.']),
    ),
    (
        "full_stop",
        "Obama said the generals were “reduced to rubble.” It stuck.",
        {},
        ("said", "Obama", ["the generals were “reduced to rubble"]),
        ("said", "Obama", ["the generals were “reduced to rubble."]),
    ),
    (
        "cited_content",  # a learned *citing* reading that took the main clause
        "The court blocked the sale, citing a threat to public health.",
        stub("The", "citing", "The court", "The court blocked the sale", finders=("learned",)),
        ("citing", "The court", ["blocked the sale"]),
        ("citing", "The court", ["a threat to public health"]),
    ),
    (
        "lead_ins",
        "The mayor spoke.\n\nShe added:\n\n“The night route stays.”\n\nThe council votes next month.",
        {},
        None,
        ("added:", "She", ["The night route stays."]),
    ),
    (
        "continue_quotes",
        "The mayor spoke.\n\n“The ferry is our lifeline.\n\n“Closing it would cut us off,” the mayor said.",
        {},
        ("said", "the mayor", ["Closing it would cut us off,"]),
        ("said", "the mayor", ["The ferry is our lifeline.", "Closing it would cut us off,"]),
    ),
    (
        "quote_resumes",
        '"The numbers do not add up," said Ana Ruiz, an accountant. "We found gaps." The hearing ended.',
        {},
        ("said", "Ana Ruiz", ["The numbers do not add up,"]),
        ("said", "Ana Ruiz", ["The numbers do not add up,", "We found gaps."]),
    ),
    (
        "quote_follows",
        "The mayor spoke.\n\n“The ferry is our lifeline,” the mayor said.\n\n“Closing it would cut us off.”",
        {},
        ("said", "the mayor", ["The ferry is our lifeline,"]),
        [  # a claim of its own for the paragraph that goes on, by the same speaker and cue
            ("said", "the mayor", ["The ferry is our lifeline,"]),
            ("said", "the mayor", ["Closing it would cut us off."]),
        ],
    ),
]


def test_every_default_step_is_registered_and_has_a_test_here() -> None:
    assert set(STEPS) <= set(REGISTERED)
    assert STEPS[0] == "merge"
    assert set(STEPS) == {name for name, *_ in CASES} | {"merge"}


@pytest.mark.parametrize(("name", "text", "options", "before", "after"), CASES, ids=[c[0] for c in CASES])
def test_a_step_alone_changes_what_it_is_for(name: str, text: str, options: dict, before, after) -> None:  # noqa: ANN001
    without = claims(run(text, steps=("merge",), **options))
    with_step = claims(run(text, steps=("merge", name), **options))
    wanted = after if isinstance(after, list) else [after]  # a step may add claims of its own
    first = wanted[0][0].rstrip(":")
    assert [c for c in without if c[0].rstrip(":") == first] == ([before] if before else [])
    assert [c for c in with_step if c[0].rstrip(":") == first] == wanted


def test_merge_keeps_one_claim_per_cue_and_drops_a_passive_inside_another_claim() -> None:
    text = "Officials said the ship is believed to be damaged."
    assert [c[0] for c in claims(run(text, steps=()))] == ["said", "is believed"]
    assert [c[0] for c in claims(run(text, steps=("merge",)))] == ["said"]


def test_merge_gives_a_rule_reading_the_learned_boundaries_of_the_same_cue() -> None:
    text = "The mayor, Ana Ruiz, said the bridge would reopen in March."
    learned = stub("The", "said", "The mayor , Ana Ruiz ,", "the bridge would reopen in March")
    assert claims(run(text, steps=("merge",))) == [
        ("said", "The mayor", ["the bridge would reopen in March"])
    ]
    merged = claims(run(text, steps=("merge",), **learned))
    assert merged == [("said", "The mayor, Ana Ruiz,", ["the bridge would reopen in March"])]


def test_merge_drops_a_learned_reading_that_does_not_stand_alone() -> None:
    text = "That said, the bridge is safe."
    assert claims(run(text, steps=("merge",), **stub("That", "said", "", "the bridge is safe"))) == []


def test_the_step_list_is_data() -> None:
    seen: list[int] = []

    @step("test_counts_drafts")
    def count(article: Article) -> None:
        seen.append(len(article.drafts))

    text = "The mayor said the bridge would reopen. The engineer said it was safe."
    Extractor(steps=("merge", "test_counts_drafts"))(*_parsed(text))
    assert seen == [2]
    with pytest.raises(ValueError, match="already registered"):
        step("merge")(count)
    with pytest.raises(KeyError, match="no step named 'nonesuch'"):
        get_step("nonesuch")


def test_crfs_trained_on_the_encoder_are_left_out_without_it() -> None:
    model = load_model()
    assert model is not None and model.meta.get("encoder_features")
    assert Extractor(Models(model, None)).attribution is None
    assert Extractor(Models(StubModel())).attribution is not None  # a model that needs no encoder


def _parsed(text: str):  # noqa: ANN202
    from passages import blocks_of

    return blocks_of(text)


def test_clause_beside_cuts_the_clause_joined_to_the_cue() -> None:
    """Registered, not in the default list: it cost PolNeAR dev content exact 0.002 (BENCHMARKS.md)."""
    text = (
        "The rebel group has said several times since Friday that it set the fire, and allied channels "
        "have published videos of the blaze."
    )
    content = "that it set the fire , and allied channels have published videos of the blaze"
    options = stub("The", "has said several times", "The rebel group", content, finders=("learned",))
    assert "clause_beside" in REGISTERED and "clause_beside" not in STEPS
    found = claims(run(text, steps=("merge", "clause_beside"), **options))
    assert found == [("has said several times", "The rebel group", ["that it set the fire"])]


@pytest.mark.parametrize(
    ("text", "cue", "source", "content", "kept"),
    [
        # a bare "but" before a named subject: another actor's statement
        (
            "The port authority claimed that the tanker was behind the spill but Norway's coast guard "
            "blamed a broken pipeline.",
            "claimed",
            "The port authority",
            "that the tanker was behind the spill but Norway 's coast guard blamed a broken pipeline",
            "that the tanker was behind the spill",
        ),
        # a pronoun subject continues the speaker's account
        (
            "The mayor said the bridge was safe, and it would reopen on Monday.",
            "said",
            "The mayor",
            "the bridge was safe , and it would reopen on Monday",
            "the bridge was safe, and it would reopen on Monday",
        ),
        # a joined figure is the speaker's own count
        (
            "The agency said 40 homes were destroyed, and 300 residents were moved to shelters.",
            "said",
            "The agency",
            "40 homes were destroyed , and 300 residents were moved to shelters",
            "40 homes were destroyed, and 300 residents were moved to shelters",
        ),
    ],
)
def test_clause_beside_cuts_only_another_subjects_clause(
    text: str, cue: str, source: str, content: str, kept: str
) -> None:
    options = stub(text.split()[0], cue, source, content, finders=("learned",))
    found = claims(run(text, steps=("merge", "clause_beside"), **options))
    assert [c[2] for c in found if c[0] == cue] == [[kept]]
