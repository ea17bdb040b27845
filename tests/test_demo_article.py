"""The bundled demo article (``reportedly/data/demo-article.txt``) analyses to a rich ledger.

The demo is an invented story (Marenna, the NFSA and the Harbor Times do not
exist) written to exercise the same constructions as the seed article.
"""

from __future__ import annotations

from importlib import resources

import pytest

import reportedly
from reportedly.model import Ledger, SectionKind, Stance

PUBLISHED = "2024-11-20"


def demo_text() -> str:
    return resources.files("reportedly").joinpath("data/demo-article.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def ledger() -> Ledger:
    return reportedly.analyze(demo_text(), published=PUBLISHED)


def test_demo_file_has_the_layout_it_is_meant_to_show() -> None:
    """A guard on the file itself (no analysis): the features the ledger tests rely on are present."""
    text = demo_text()
    lines = text.splitlines()
    assert ": " in lines[0] and len(lines[0]) < 100  # headline with colon attribution
    assert lines[1] == "" and lines[2]  # standfirst after a blank line
    assert " – " in text and "PORT ALDIS, Marenna – " in text  # dateline
    assert "RELATED STORIES" in text
    assert ", or NFSA," in text and "as cited by" in text and "who were briefed by" in text
    assert "more than " in text and "bringing the total to" in text
    assert lines[-1].startswith("Edited by ")
    assert 400 <= len(text.split()) <= 650


def test_demo_yields_many_claims(ledger: Ledger) -> None:
    assert len(ledger.claims) >= 10, len(ledger.claims)


@pytest.mark.parametrize("stance", [Stance.CONFIRMED, Stance.ESTIMATED, Stance.UNVERIFIED, Stance.NO_COMMENT])
def test_demo_covers_stance(ledger: Ledger, stance: Stance) -> None:
    assert any(c.stance is stance for c in ledger.claims), sorted({c.stance.value for c in ledger.claims})


def test_demo_has_a_two_link_chain(ledger: Ledger) -> None:
    assert any(len(c.chain) == 2 for c in ledger.claims)


def test_demo_has_a_cumulative_quantity(ledger: Ledger) -> None:
    totals = [q for c in ledger.claims for q in c.quantities if q.scope.value == "cumulative"]
    assert totals, [q.to_dict() for c in ledger.claims for q in c.quantities]
    assert any(q.value == 11500 for q in totals), [q.to_dict() for q in totals]


def test_demo_sections_and_metadata(ledger: Ledger) -> None:
    doc = ledger.document
    assert doc.byline == "Tomas Brenner"
    assert doc.dateline is not None and doc.dateline.text == "PORT ALDIS, Marenna"
    related = doc.text.find("Kestovia extends maize export ban")
    assert doc.section_at(related) is SectionKind.RELATED


def test_demo_validates(ledger: Ledger) -> None:
    assert ledger.validate() == []
    for claim in ledger.claims:
        for span in claim.content:
            assert ledger.document.text[span.start : span.end] == span.text
