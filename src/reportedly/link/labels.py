"""Labels for proposition clusters: a member's content that reads as a sentence.

Split out of :mod:`.clusters` (which forms the clusters): choosing how a cluster is shown is a
separate concern from deciding what belongs in it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

    from .clusters import Group


#: Words a content opens with when it is the tail of a sentence, not a clause of its own:
#: "to continue to rise" (after "expected"), "and warned …", "which …".
_FRAGMENT_OPENERS = frozenset(
    [
        "to",
        "and",
        "but",
        "or",
        "nor",
        "as",
        "of",
        "for",
        "with",
        "by",
        "which",
        "who",
        "whom",
        "whose",
        "because",
        "while",
        "than",
        "so",
        "then",
    ]
)


def _readable(text: str) -> str:
    """A content as a label: without a leading "that" and with a capital, so that it reads as a
    sentence ("that 1,000 people were missing" → "1,000 people were missing")."""
    text = re.sub(r"^(?:that|whether)\s+", "", text.strip(), flags=re.I).strip(" ,;:")
    k = next((i for i, ch in enumerate(text[:3]) if ch.isalpha()), 0)  # after an opening quote
    return text[:k] + text[k : k + 1].upper() + text[k + 1 :]


def _opens_a_clause(text: str) -> bool:
    """Whether a content starts where a clause can (its first word no infinitive "to",
    conjunction or relative pronoun), once a leading "that" is taken off."""
    words_ = re.sub(r"^(?:that|whether)\s+", "", text.strip(" “”\"'‘’"), flags=re.I).split(maxsplit=1)
    return bool(words_) and words_[0].lower().strip(",") not in _FRAGMENT_OPENERS


def label(group: Group, vectors: dict[str, np.ndarray]) -> str:
    """The most typical member's content (closest to the centroid) that opens a clause, read as a
    sentence; or the measure. The story page showed labels such as "to continue to rise" (the
    tail of "expected the toll to continue to rise"): a member whose content starts mid-sentence
    gives way to the next most typical one that does not, and a content is shown without its
    leading "that" and with a capital (:func:`_readable`)."""
    if group.measure:
        return group.measure
    ranked = sorted(group.items, key=lambda it: -float(vectors[it.id] @ group.centroid))
    best = next((it for it in ranked if _opens_a_clause(it.text)), ranked[0])
    text = _readable(best.text)
    if not _opens_a_clause(best.text):  # no member opens a clause: its sentence, which does
        sentence = best.claim.sentence
        text = sentence.text.strip() if sentence is not None and sentence.text.strip() else text
    return text if len(text) <= 160 else text[:157].rstrip() + "…"
