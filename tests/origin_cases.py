"""Builders for origin-counting tests: one claim per (article, speaker), counted as one cluster.

Shared by the origin tests of several rounds, so that each test file states only its passages and
its speakers; the claims are what extraction gives for "X said …" over the whole passage.
"""

from __future__ import annotations

from datetime import date

from reportedly.link.blame import SideOf
from reportedly.link.corpus import DocItem, claim_item
from reportedly.link.entities import EntityIndex
from reportedly.link.independence import origins
from reportedly.model import ChainLink, Claim, ClaimKind, Cue, Document, Entity, SectionKind, Span, Stance


def doc_item(key: str, text: str, published: date) -> DocItem:
    """An article whose id and outlet are ``key``."""
    return DocItem(Document(text, id=key, outlet=key, published=published), key)


def said(d: DocItem, e: Entity) -> Claim:
    """``e`` said the whole passage of ``d``: a direct, asserted claim with one hop."""
    text = d.document.text
    return Claim(
        ClaimKind.DIRECT,
        SectionKind.BODY,
        Stance.ASSERTED,
        Cue(0, 1, text[0], "said"),
        [Span(0, len(text), text)],
        chain=[ChainLink(e, "said", None)],
        id=f"{d.id}:{e.id}",
    )


def origin_keys(
    docs: dict[str, DocItem], voices: tuple[tuple[str, Entity], ...], side_of: SideOf | None = None
) -> list[str]:
    """The origin keys of one cluster whose claims are (article key, speaker) pairs; ``side_of``
    (a phrase -> country resolver) turns on the rules that need sides."""
    index = EntityIndex()
    index.add([e for _key, e in voices])
    items = [claim_item(said(docs[k], e), docs[k], index) for k, e in voices]
    found, _ = origins(items, side_of)
    return sorted(o.key for o in found)
