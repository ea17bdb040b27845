"""Boundary steps: conventions applied to every draft of a block, rule or learned.

Each step is registered by name (see :mod:`reportedly.extract.registry`) and
runs over every draft of the article; the function of the same name does the
work for one draft, so other steps (the colon lead-in) can apply it too.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from ...model import ClaimKind
from ...nlp.blocks import Block
from ..drafts import Draft
from ..grammar import what_is_cited
from ..quotes import Quote
from ..registry import Article, step
from ..spans import char_span, mention_span, trim


@step("before_next_cue")
def _step_before_next_cue(article: Article) -> None:
    for block, drafts in article.by_block():
        before_next_cue(drafts, block, article.text)


@step("colon_closes")
def _step_colon_closes(article: Article) -> None:
    for draft in article.drafts:
        draft.cue = colon_closes(draft.cue, article.text)


@step("after_dateline")
def _step_after_dateline(article: Article) -> None:
    for draft in article.drafts:
        after_dateline(draft, draft.block, article.text)


@step("quote_runs_on")
def _step_quote_runs_on(article: Article) -> None:
    for block, drafts in article.by_block():
        quotes = article.quotes_of(block)
        for draft in drafts:
            draft.content = quote_runs_on(draft.content, quotes, article.text)


@step("full_stop")
def _step_full_stop(article: Article) -> None:
    for draft in article.drafts:
        draft.content = full_stop(draft.content, draft.block, article.text, draft.kind)


@step("clause_beside")
def _step_clause_beside(article: Article) -> None:
    for draft in article.drafts:
        draft.content = clause_beside(draft, draft.block, article.text)


@step("cited_content")
def _step_cited_content(article: Article) -> None:
    for draft in article.drafts:
        draft.content = cited_content(draft, draft.block, article.text)


def colon_closes(cue: tuple[int, int], text: str) -> tuple[int, int]:
    """A colon right after the cue belongs to it ("said:"), as PolNeAR annotates it.

    In PolNeAR train 367 of 385 cues directly followed by a colon include it.
    """
    start, end = cue
    return (start, end + 1) if text[end : end + 1] == ":" else cue


# a place in capitals, maybe a region, then a dash set off by spaces ("AL-QAEDA" is no dateline)
_DATELINE_LEAD = re.compile(
    r"[A-Z][A-Z.'’]*(?: [A-Z][A-Z.'’]*)*(?:, [A-Z][A-Za-z.]*)?(?: ?(?:--|[–—]) ?| - )"
)


def after_dateline(draft: Draft, block: Block, text: str) -> None:
    """A source at the start of a paragraph does not take in its dateline
    ("WASHINGTON -- President Obama said …": the source is the president); a source that is
    nothing but the dateline ("NEW YORK -- Clinton's campaign said …") gives way to the
    noun phrase that follows it."""
    m = _DATELINE_LEAD.match(text, block.offset)
    source, words = draft.source_span, draft.source_tokens
    if m is None or source is None:
        return
    named_after = words is None or words.start_char + block.offset >= m.end()
    if source[0] >= m.end() and named_after:
        return
    if source[1] <= m.end():  # nothing but the dateline
        phrase = phrase_after(block, m.end())
        if phrase is not None:
            draft.source_tokens = phrase
            draft.source_span = char_span(list(phrase), block.offset, text)
        return
    draft.source_span = (max(source[0], m.end()), source[1])
    if words is not None:  # the entity is named from these: no "BRUSSELS European leaders"
        kept = [t.i for t in words if t.idx + block.offset >= m.end()]
        draft.source_tokens = words.doc[kept[0] : kept[-1] + 1] if kept else words


def phrase_after(block: Block, at: int) -> Span | None:
    """The noun phrase that starts at character ``at`` (the first word after a dateline)."""
    first = next((t for t in block.doc if t.idx + block.offset >= at), None)
    if first is None or first.pos_ not in {"PROPN", "NOUN", "DET", "ADJ"}:
        return None
    tok = first
    while tok.head.i != tok.i and tok.head.left_edge.i == first.i and tok.head.pos_ in {"PROPN", "NOUN"}:
        tok = tok.head
    if tok.pos_ not in {"PROPN", "NOUN"}:
        return None
    return mention_span(tok)


_QUOTE_MARKS = frozenset('"“”„«»')


def quote_runs_on(content: list[tuple[int, int]], quotes: list[Quote], text: str) -> list[tuple[int, int]]:
    """Content that stops at a sentence end inside a quotation runs on to the quotation's end.

    The span tagger sees two sentences either side of its cue, so a long
    quotation loses its last sentences; PolNeAR's content is the whole
    quotation. On dev, 19 of 25 contents cut this way end where the gold
    content ends once extended; the others sat in mispaired marks, which the
    "no further mark" test leaves alone.
    """
    if not content:
        return content
    a, b = content[-1]
    for q in quotes:
        if q.start <= a + 1 and a < q.end and b < q.end - 1:
            rest = text[b : q.end]
            whole = text[b - 1 : b] in {".", "?", "!", "…"} and rest[:1].isspace()
            if whole and not _QUOTE_MARKS & set(rest):
                return [*content[:-1], (a, q.end)]
            break
    return content


_CLOSERS = ("”", '"', "’’", "''")


def full_stop(
    content: list[tuple[int, int]], block: Block, text: str, kind: ClaimKind = ClaimKind.INDIRECT
) -> list[tuple[int, int]]:
    """A content's final stop or comma follows the quotation marks, as PolNeAR annotates it.

    Inside a quotation it is part of what was said (“… reduced to rubble.”): in PolNeAR train
    3,476 contents ending before a closing mark take the stop and 4 leave it; 1,716 take the
    comma and none leave it. Outside one it belongs to the reporter's sentence: 8,425 contents
    leave the stop and 139 take it (abbreviations such as *U.S.*, whose stop is part of the
    word); 2,827 leave the comma and 103 take it. Direct speech without marks (a transcript's
    ``PENCE: Well, look, …``) keeps its stop: the whole line was said.
    """
    if not content:
        return content
    a, b = content[-1]
    if text[b : b + 1] in {".", "?", "!", ","} and text[b + 1 :].startswith(_CLOSERS):
        return [*content[:-1], (a, b + 1)]
    own_stop = text[b - 1 : b] in {".", ","} and not text[b:].startswith(_CLOSERS)
    if kind is not ClaimKind.DIRECT and b - a > 1 and own_stop:
        at = b - 1 - block.offset
        if block.doc.char_span(at, at + 1) is not None:  # a token of its own, not an abbreviation's stop
            return [*content[:-1], (a, b - 1)]
    return content


_CITING = frozenset({"cite", "quote"})


def cited_content(draft: Draft, block: Block, text: str) -> list[tuple[int, int]]:
    """The content of a participial *citing X* / *quoting X* read as a statement is X, to the end
    of its clause.

    "The court blocked the sale, citing a threat to public health." says the court
    cited a threat, not that it blocked the sale; the span tagger, used to contents
    beside their cue, sometimes takes the main clause. PolNeAR train annotates all
    32 *citing* / *quoting* cues with what follows them.
    """
    if draft.cue_lemma not in _CITING or draft.kind is ClaimKind.CITING:
        return draft.content  # the rules' CITING reading: X is the origin of the main clause
    at = draft.cue[0] - block.offset, draft.cue[1] - block.offset
    cue = block.doc.char_span(*at, alignment_mode="contract")
    verb = next((t for t in cue or () if t.lemma_ in _CITING and t.tag_ == "VBG"), None)
    if verb is None or not any(c.dep_ == "dobj" for c in verb.children):
        return draft.content
    span = what_is_cited(verb, block.offset, text)
    return [span] if span else draft.content


_JOINED = frozenset({"conj", "advcl"})


def before_next_cue(drafts: list[Draft], block: Block, text: str) -> None:
    """A content ends before a verb joined to it that is another claim's cue.

    ``Merrill says Machado promised to keep supporting Clinton and said she would …``: what
    Merrill says stops at *and said*, which is Machado's own claim; likewise ``, arguing that
    …`` or ``, implicitly putting …`` after a reported clause. The learned span tagger often runs
    on through them. Any cue verb joined (``conj``, ``advcl``) to a word of the content counts,
    even one with a subject of its own (``… was right when he said …``): sparing those scored
    lower on PolNeAR dev and train (docs/quality.md, step 56). Quotations are left whole.
    """
    for d in drafts:
        if not d.content or d.kind is ClaimKind.DIRECT:
            continue  # a quotation is what was said, whatever verbs it holds
        a, b = d.content[-1]
        for other in drafts:
            verb = other.cue_token
            if other is d or verb is None or verb.doc is not block.doc or verb.dep_ not in _JOINED:
                continue
            at = block.offset + verb.idx
            if not (a < at < b) or other.cue[0] < d.cue[1]:
                continue
            head_at = block.offset + verb.head.idx
            if not (a <= head_at < at):
                continue
            cut = trim(a, at, text, " \t\n,;:—–-")
            while cut is not None and re.search(r"\s(and|but|or|then)$", text[cut[0] : cut[1]]):
                cut = trim(cut[0], cut[1] - len(text[cut[0] : cut[1]].split()[-1]), text, " \t\n,;:—–-")
            if cut is not None:
                a, b = cut
                d.content = [*d.content[:-1], cut]


#: Pronoun subjects: a joined clause about "it" or "they" still tells of what the speaker said.
_PRONOUN_SUBJECTS = frozenset({"i", "we", "you", "he", "she", "it", "they", "this", "that", "these", "those"})


def clause_beside(draft: Draft, block: Block, text: str) -> list[tuple[int, int]]:
    """An indirect content ends before a main clause joined to it with a subject of its own.

    ``The group said it set the fire, and affiliated channels have published videos``: the
    speaker said the first clause; the second is the outlet's own (or, after *but*, another
    actor's: ``… claimed Israel was behind it but Israel's military blamed a rocket``). The span
    tagger runs the content on to the sentence end, so a gold quote of what the speaker said
    matches less than half of it. Cut when the joined verb (``conj`` of a verb of the content,
    or of the cue itself) has a noun subject, not a pronoun (``it was …`` continues the
    speaker's account), and no figure (``2,000 died, and 10,000 were displaced`` lists the
    speaker's own counts), and is
    introduced by ``, and`` / ``, but``, or by a bare *but* before a named subject. Quotations
    and mixed speech are left whole: what is inside the marks was said. Not in the default step
    list: on PolNeAR dev it cost content exact 0.002 and on Crocus origins 0.04 (BENCHMARKS.md).
    """
    if not draft.content or draft.kind is not ClaimKind.INDIRECT:
        return draft.content
    a, b = draft.content[-1]
    doc, off = block.doc, block.offset
    for verb in doc:
        at = off + verb.idx
        if not (a < at < b) or verb.dep_ != "conj" or verb.pos_ not in ("VERB", "AUX"):
            continue
        head_at = off + verb.head.idx
        # joined to a verb of the content, or to the cue itself (the parser's other reading)
        if not (a <= head_at < at or draft.cue[0] <= head_at < draft.cue[1]) or verb.left_edge.i < 2:
            continue
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.i > verb.i or subject.pos_ in ("PRON", "NUM"):
            continue
        if subject.lower_ in _PRONOUN_SUBJECTS or any(w.like_num for w in subject.subtree):
            continue
        cc = doc[verb.left_edge.i - 1]
        if cc.dep_ != "cc" or cc.lower_ not in ("and", "but"):
            continue
        comma = doc[cc.i - 1].text in (",", ";")
        named = any(w.pos_ == "PROPN" or w.ent_type_ == "NORP" for w in subject.subtree)
        if not comma and not (cc.lower_ == "but" and named):
            continue
        cut = trim(a, off + doc[cc.i - 1 if comma else cc.i].idx, text)
        if cut is not None and cut[1] > a:
            return [*draft.content[:-1], cut]
    return draft.content
