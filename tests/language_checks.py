"""Checks every language test makes of a ledger, kept in one place.

Each test module reads its own sentences in one language; what it asserts first is always the
same: the document was detected as that language, every claim's offsets reproduce its text
(``Ledger.validate``), and, where a test is about one construction, there is exactly one claim.
"""

from __future__ import annotations

import reportedly
from reportedly.model import Claim, Ledger


def analysed(text: str, language: str, published: str) -> Ledger:
    """The ledger of ``text``, after checking its detected language and its offsets."""
    ledger = reportedly.analyze(text, published=published)
    assert ledger.document.meta["language"] == language
    assert ledger.validate() == []  # every offset reproduces its text
    return ledger


def only(ledger: Ledger) -> Claim:
    """The ledger's one claim; a test of one construction fails if it finds more or none."""
    assert len(ledger.claims) == 1, [c.content_text for c in ledger.claims]
    return ledger.claims[0]
