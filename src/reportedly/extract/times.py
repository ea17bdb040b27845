"""Time expressions: find them in a span; :mod:`reportedly.extract.dates` resolves them.

A time expression is resolved against the publication date (``Document.published``) by
:func:`~reportedly.extract.dates.resolve`; here we find the phrases and decide whether each
belongs to a clause that lies ahead (*will meet on Tuesday*), which changes its reading.

Finding combines spaCy's DATE/TIME entities with our own patterns, because the small English
model misses or mis-bounds many of the forms that matter here (weekday names, "early August",
"the last two months", bare years). Each candidate is resolved; overlapping candidates are
settled in favour of the one we can resolve, then the longer one, so an entity such as
"Monday and Tuesday" yields two resolved days instead of one unresolved phrase.

The text of a time expression is the phrase itself without its preposition: "Tuesday" in
"on Tuesday", "the last two months" in "over the last two months".
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from spacy.tokens import Doc, Span, Token

from reportedly.extract.dates import MONTHS, WEEKDAYS, resolve
from reportedly.extract.spans import first_from
from reportedly.model import TimeExpr
from reportedly.nlp import doc_text, span_text

__all__ = ["find_times", "resolve"]

# ---------------------------------------------------------------------------
# Vocabulary

# Month names are matched case-sensitively: lower-case "may", "march" are ordinary words.
_MONTH_FULL = "(?:" + "|".join(n for n in calendar.month_name if n) + ")"
_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_MONTH_ANY = f"(?:{_MONTH_FULL}|{_MONTH_ABBR})"
_WEEKDAY = "(?:" + "|".join(calendar.day_name) + ")"
_YEAR = r"(?:1[89]\d\d|20\d\d|2100)"
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
_COUNT = (
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
    r"few|several|(?:a\s+)?couple\s+of)"
)
_UNITS = r"(?:hours?|days?|weeks?|months?|years?|decades?)"
_PART_OF_DAY = r"(?:morning|afternoon|evening|night)"

# Patterns that find time expressions in running text. Order does not matter: overlaps are
# settled by resolvability and length (see module docstring).
_FIND_PATTERNS: list[re.Pattern[str]] = [
    re.compile(r"\b\d{4}-\d{2}-\d{2}\b"),
    re.compile(rf"\b{_MONTH_ANY}\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?"),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH_ANY}(?:,?\s+{_YEAR}\b)?"),
    re.compile(
        rf"\b(?i:early|mid|late|the\s+(?:beginning|start|end|middle)\s+of)[\s-]+"
        rf"(?:{_MONTH_FULL}(?:,?\s+{_YEAR})?|{_YEAR})\b"
    ),
    re.compile(rf"\b(?:(?i:last|this|next)\s+)?{_MONTH_FULL}(?:,?\s+(?:of\s+)?{_YEAR})?\b"),
    re.compile(rf"\b(?:(?i:last|this|next)\s+)?{_WEEKDAY}(?:\s+(?i:{_PART_OF_DAY}))?\b"),
    re.compile(
        r"\b(?i:yesterday|today|tonight|tomorrow|the\s+day\s+before\s+yesterday|last\s+night"
        r"|this\s+(?:morning|afternoon|evening))\b"
    ),
    re.compile(
        r"\b(?i:(?:(?:early|mid|late|the\s+(?:beginning|start|end|middle)\s+of)[\s-]+)?"
        r"(?:(?:earlier|later)\s+this|this|last|next|the\s+past|the\s+previous|the\s+coming)"
        r"\s+(?:week|month|year|weekend))\b"
    ),
    re.compile(
        rf"\b(?i:(?:the\s+)?(?:last|past|previous|next|coming)\s+(?:{_COUNT}\s+)?"
        rf"(?:hours|days|weeks|months|years|decades))\b"
    ),
    re.compile(rf"\b(?i:{_COUNT}\s+{_UNITS}\s+ago)\b"),
    re.compile(r"\b(?i:recent\s+(?:days|weeks|months|years)|the\s+(?:near\s+|distant\s+)?future|soon)\b"),
    re.compile(r"\b(?i:the\s+weekend)\b"),
    re.compile(
        r"\b(?i:(?:early|mid|late|the\s+(?:beginning|start|end|middle)\s+of)[\s-]+the\s+(?:week|month|year))\b"
    ),
    re.compile(rf"\b{_YEAR}\b"),
    # A bare duration counts only after a preposition that makes it temporal ("in two months").
    re.compile(rf"\b(?i:in|for|within|over|after)\s+(?P<t>(?i:{_COUNT}\s+{_UNITS}))\b"),
]

# Words that are not part of the time phrase when an entity starts with them.
_LEADING_FUNCTION_WORDS = {
    "on", "in", "over", "since", "during", "by", "until", "till", "at", "from", "for", "within",
    "throughout", "of", "through", "as", "around", "before", "after",
}  # fmt: skip

# An entity that we cannot resolve and that has none of these is unlikely to be a time
# reference: "annual", or a mislabelled count such as "Between 10 and 15 percent".
_TIME_WORDS = re.compile(
    r"\d{1,2}:\d\d|\b\d{1,2}\s?[ap]\.?m\b|\b\d{2,4}s\b|o'clock|\b(?:GMT|UTC)\b"
    r"|\b(?:day|days|week|weeks|weekend|month|months|year|years|decade|decades|century|hour|hours"
    r"|today|yesterday|tomorrow|tonight|morning|afternoon|evening|night|ago|recent|future|past"
    r"|quarter|spring|summer|autumn|fall|winter|noon|midnight|now)\b"
    rf"|\b(?:{'|'.join(MONTHS)}|{'|'.join(WEEKDAYS)})\b",
    re.IGNORECASE,
)


# A fixed reference used only to ask "would this resolve if we had a date?".
_SHAPE_BASE = date(2000, 6, 15)

# ---------------------------------------------------------------------------
# Finding


def find_times(span: Span, offset: int, published: date | None) -> list[TimeExpr]:
    """Time expressions inside ``span``, with absolute offsets (``offset`` + doc char index).

    ``offset`` is where the spaCy doc's text starts inside the full document text.
    """
    doc = span.doc
    full = doc_text(doc)
    base = span.start_char
    text = span_text(span)
    candidates: list[tuple[int, int, bool]] = []  # (doc start, doc end, from our patterns)

    for ent_start, ent_end in _time_entities(doc):
        start, end = max(ent_start, span.start_char), min(ent_end, span.end_char)
        if start >= end:
            continue
        trimmed = _trim_entity(full, start, end)
        if trimmed is None:
            continue
        phrase = full[trimmed[0] : trimmed[1]]
        understood = resolve(phrase, _SHAPE_BASE)[0] is not None
        if (understood or _TIME_WORDS.search(phrase)) and _plausible(span, *trimmed, phrase):
            candidates.append((trimmed[0], trimmed[1], False))

    for pattern in _FIND_PATTERNS:
        for m in pattern.finditer(text):
            # A pattern with a group named "t" needs context that is not part of the phrase.
            group = "t" if "t" in pattern.groupindex else 0
            start, end = base + m.start(group), base + m.end(group)
            if _plausible(span, start, end, m.group(group)):
                candidates.append((start, end, True))

    scored = []
    for start, end, ours in set(candidates):
        ahead = published is not None and _looks_ahead(span, start, end)
        resolved, granularity = resolve(full[start:end], published, ahead)
        # Shape without a publication date still tells us whether the phrase is a time we
        # understand; use it to rank even when ``published`` is None.
        understood = resolved is not None or resolve(full[start:end], _SHAPE_BASE)[0] is not None
        # Ties go to the earlier phrase so that the result does not depend on set order.
        scored.append(((understood, end - start, ours, -start), start, end, resolved, granularity))
    scored.sort(key=lambda item: item[0], reverse=True)

    chosen: list[TimeExpr] = []
    taken: list[tuple[int, int]] = []
    for _, start, end, resolved, granularity in scored:
        if any(start < t_end and t_start < end for t_start, t_end in taken):
            continue
        taken.append((start, end))
        chosen.append(
            TimeExpr(
                start=offset + start,
                end=offset + end,
                text=full[start:end],
                resolved=resolved,
                granularity=granularity,
            )
        )
    chosen.sort(key=lambda t: t.start)
    return chosen


def _time_entities(doc: Doc) -> list[tuple[int, int]]:
    """DATE and TIME entities of a doc, computed once: ``Doc.ents`` walks every token on each access,
    and a block's claims ask for times many times over."""
    cached = doc.user_data.get("reportedly.time_ents")
    if cached is None:
        cached = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("DATE", "TIME")]
        doc.user_data["reportedly.time_ents"] = cached
    return cached


def _trim_entity(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Drop leading prepositions and trailing punctuation/possessives from an entity span."""
    while True:
        m = re.match(r"(\w+)\s+", text[start:end])
        if m and m.group(1).lower() in _LEADING_FUNCTION_WORDS:
            start += m.end()
        else:
            break
    m = re.search(r"(?:['’]s|[\s,.;:])+$", text[start:end])
    if m:
        cut = start + m.start()
        # Keep an abbreviation's point ("Nov.", "10 a.m.") but not sentence punctuation.
        if text[cut:end].startswith(".") and re.search(rf"\b{_MONTH_ABBR}$|\.[a-z]$", text[start:cut]):
            cut += 1
        end = cut
    return (start, end) if start < end else None


def _plausible(span: Span, start: int, end: int, matched: str) -> bool:
    """Reject pattern hits that are not times in context.

    A bare four-digit number is a year unless it directly counts something ("2000 troops"),
    and a bare "May" is a month only when the tagger does not read it as the modal verb.
    """
    doc = span.doc
    full = doc_text(doc)
    if re.fullmatch(_YEAR, matched):
        before = full[max(0, start - 2) : start]
        after = full[end : end + 1]
        if "$" in before or after in ("%",) or re.match(r"[,.]\d", full[end : end + 2]):
            return False
        following = _token_after(span, end)
        if following is None:
            return True
        counts_something = following.tag_ == "NNS" and following.lower_ != "elections"
        return not counts_something and following.lower_ not in ("percent", "per")
    if re.fullmatch(r"(?:(?:last|this|next) )?May", matched):
        token = doc.char_span(end - 3, end, alignment_mode="expand")
        return token is not None and token[0].tag_ != "MD"
    return True


#: Auxiliaries of a future clause (*will*, *'ll*, *shall*; *wo* of *won't*).
_FUTURE_AUX = frozenset({"will", "'ll", "’ll", "shall", "wo", "would", "must", "should"})
#: Prepositions naming a deadline: *closed until Friday*, *decide by Thursday* look ahead
#: unless their clause is itself in the past (*was closed until Friday*).
_DEADLINE_PREPS = frozenset({"until", "till", "by"})
#: Verbs whose complement clause lies ahead: *plans to meet*, *is due to vote*, *is going to sign*.
_AHEAD_HEADS = frozenset({"plan", "schedule", "due", "set", "expect", "intend", "go", "aim", "slate"})


def _looks_ahead(span: Span, start: int, end: int) -> bool:
    """Whether the time phrase at doc characters [start, end) belongs to a future clause.

    The phrase's own clause decides, not the sentence: in *said on Monday that
    it will vote*, Monday belongs to *said*. The clause is the nearest verb
    above the phrase in the parse; it looks ahead when it has a future
    auxiliary, or is the complement of *plan*, *expect*, *be due / set /
    scheduled*, *be going* (to), or is itself *is expected / scheduled* in
    the present tense.
    """
    token = next((t for t in span if t.idx >= start), None)
    if token is None or token.idx >= end:
        return False
    verb = token
    # Tokens are views made afresh on each access: the root is found by index, not identity.
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if _past(verb):
        return False
    if token.head.lower_ in _DEADLINE_PREPS and token.head.dep_ == "prep":
        return True
    for clause in (verb, verb.head):
        if any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in clause.children):
            return True
        if clause is verb and verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _AHEAD_HEADS:
            return True
        if (
            clause is verb
            and verb.tag_ == "VBN"
            and verb.lemma_.lower() in _AHEAD_HEADS
            and any(c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in verb.children)
        ):
            return True  # "is expected in early December", "are scheduled for Monday"
        if clause.dep_ not in ("xcomp", "conj"):
            break
    return False


def _past(verb: Token) -> bool:
    """Whether a clause is plainly in the past: a past-tense verb or auxiliary (*was closed*,
    *closed*), or a perfect (*would have stayed*, *had been*), which no modal moves ahead."""
    if verb.tag_ == "VBD":
        return True
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return any(c.tag_ == "VBD" or c.lemma_.lower() == "have" for c in auxes)


def _token_after(span: Span, end: int) -> Token | None:
    first = first_from(span, end)
    return span.doc[first] if first < span.end else None
