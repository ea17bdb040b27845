"""The number-free miss probe (``benchmarks/polarity_gates.py``): what it reads of a pair of claims.

Sentences are our own."""

from __future__ import annotations

import sys
from pathlib import Path

from test_link_conflicts_figures import said

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from polarity_gates import pair_gates  # noqa: E402


def test_a_denial_in_the_other_claims_words_carries_all_its_negated_words():
    closed = said("the police", "the bridge over the river was closed on Monday", [], day=3)
    open_ = said("the council", "the bridge over the river was not closed", [], day=3)
    open_.negative = True
    shared, terms, carried = pair_gates(closed, open_)
    assert len(terms) == 1 and next(iter(terms)).startswith("clos")  # one stemmed word
    assert carried == 1.0 and shared > 0.5
    # the order of the two claims does not matter: the negative one is read for its negation
    assert pair_gates(open_, closed) == (shared, terms, carried)


def test_an_answer_in_other_words_carries_few_of_the_negated_words():
    towed = said("a survivor", "the patrol boat pulled the vessel too fast and it sank", [], day=3)
    denial = said("the spokesman", "there was no attempt to tow the vessel", [], day=3)
    denial.negative = True
    shared, terms, carried = pair_gates(towed, denial)
    assert "tow" in terms and carried < 0.5 and shared < 0.3
