"""A quotation that runs over a paragraph break, closed and cued in the next paragraph.

News pages print a long quotation as two paragraphs, the first with its opening mark and no
closing one, the second with the closing mark and the cue, with no opening mark of its own:

    «Російська ракета по звичайному місту. … Мої співчуття рідним та близьким.
    Рятувальна операція триває. Пошкоджені будинки», – відреагував X.

The reader goes sentence by sentence, so when it meets the first paragraph it gives the open
quotation to the speaker named before (a quotation standing alone goes on with the last
speaker), and the second paragraph's first sentences, which have no mark of their own, to the
outlet. Only the cue at the end says whose words they are: :func:`credit_runs_over` gives every
claim from the opening mark to the closing one to the cue's speaker, once the cue is read; and so
for a quotation of three paragraphs or more, the middle ones with no marks of their own.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Claim, ClaimKind, Document

#: opening mark → closing mark; a straight quotation mark opens and closes
_PAIRS = {"«": "»", "„": "“", "“": "”", '"': '"'}


def _left_open(s: str) -> str | None:
    """The opening mark of a quotation left open at the end of ``s`` (None when all are closed)."""
    for open_, close in _PAIRS.items():
        if open_ == close:
            if s.count(open_) % 2:
                return open_
        elif s.count(open_) > s.count(close):
            return open_
    return None


def _closed_unopened(s: str, mark: str) -> bool:
    """Whether ``s`` closes a quotation of ``mark`` it never opened (its first mark closes)."""
    close = _PAIRS[mark]
    if mark == close:
        return s.count(mark) % 2 == 1 and not s.lstrip().startswith(mark)
    return s.count(close) > s.count(mark)


def _opening(text: str, paragraphs: list[tuple[int, int]], at: int, cue: int) -> int | None:
    """Where the quotation that paragraph ``at`` closes before ``cue`` without opening it was
    opened: in an earlier paragraph left open, with none but paragraphs free of its marks between
    (a quotation of a few paragraphs); None when there is no such quotation."""
    head = text[paragraphs[at][0] : cue]
    for mark in _PAIRS:
        if not _closed_unopened(head, mark):
            continue
        for k in range(at - 1, max(-1, at - 6), -1):
            a, b = paragraphs[k]
            if _left_open(text[a:b]) == mark:
                return text.rfind(mark, a, b)
            if mark in text[a:b] or _PAIRS[mark] in text[a:b]:
                return None
    return None


def credit_runs_over(claims: list[Claim], document: Document, paragraphs: list[tuple[int, int]]) -> None:
    """Give a quotation that opens in one paragraph and is closed and cued in the next (module
    docstring) to the cue's speaker: every claim between its opening mark and its cue."""
    text = document.text
    for cued in claims:
        if cued.source is None or not cued.content:
            continue
        if cued.content[0].start > cued.cue.start:
            continue  # the cue opens the quotation: it runs over no paragraph before
        at = next((n for n, (a, b) in enumerate(paragraphs) if a <= cued.cue.start < b), None)
        if not at:
            continue
        opened = _opening(text, paragraphs, at, cued.cue.start)
        if opened is None:
            continue
        for claim in claims:
            where = claim.sentence.start if claim.sentence else claim.cue.start
            if claim is cued or not opened <= where < cued.cue.start or claim.source is cued.source:
                continue
            claim.kind, claim.cue = ClaimKind.DIRECT, replace(cued.cue)
            claim.source, claim.chain = cued.source, list(cued.chain)
