"""Quantities: the numbers a claim asserts, with their bounds, unit and scope.

Reports disagree about numbers more than about anything else, so a claim's numbers are kept
in a form that can be compared across articles: a value, bounds ("more than 10,000" is a lower
bound, not 10,000), whether it is hedged as approximate, what is counted, and whether it is a
count at a time (``point``), a flow within an interval (``period``) or a running total
(``cumulative``). Two figures with different scopes do not contradict each other.

Finding is pattern-based over the span's text, because numbers have a regular surface form
that spaCy's CARDINAL entities bound inconsistently ("Some 8,000" but not "-12,000"). The
parse is used where the surface is not enough: the counted noun when it is not adjacent
("bringing the total number of containers to 20,000") and the clause that carries scope cues.

Numbers that are part of a time expression (years, days of the month, "the last two months")
are not quantities; we ask :func:`reportedly.extract.times.find_times` for those spans so the
two extractors agree. Ordinals are not quantities. Calibres ("170mm", "152 mm") and model
designations ("F-16", "KN-23") are kept but flagged ``attribute``: they describe a thing
rather than count it, and must never be compared with counts.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass, replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from reportedly.extract.dates import resolve
from reportedly.extract.times import find_times
from reportedly.model import Quantity, QuantityScope, TimeExpr
from reportedly.nlp import doc_text, span_text

from .fractions import fraction_shares
from .number_parse import SCALES, clause_tokens, counted_noun, counted_unit, number_token

__all__ = ["clause_tokens", "counted_noun", "find_quantities", "number_token"]

# ---------------------------------------------------------------------------
# Surface patterns

_UNITS_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_CURRENCIES = {"us$": "USD", "$": "USD", "€": "EUR", "£": "GBP"}

_DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_SMALL = "|".join(sorted(_UNITS_WORDS, key=len, reverse=True))
_WORD = rf"(?:(?:{'|'.join(_TENS_WORDS)})(?:-(?:{_SMALL}))?|{_SMALL})"
_SCALE = r"(?:dozen|hundred|thousand|million|billion|trillion)"
_TENS = f"(?:{'|'.join(_TENS_WORDS)})"
# After a spelled-out scale, the rest of the number in words, British "one hundred and four" or US
# "one hundred four" ("two thousand five hundred"): one number. Only after a scale written in
# words, so "two and three" and "100 and four" stay two numbers.
_REST = rf"(?:\s+(?:and\s+)?{_WORD}\b(?:(?:\s+|-){_SCALE}\b)*)"
_NUMBER = (
    rf"(?:{_WORD}(?:(?:\s+|-){_SCALE}\b)+{_REST}*"
    # a scale may be joined by a hyphen, as web copy spells numbers out: "15-hundred", "ten-thousand"
    rf"|(?:{_DIGITS}(?:\s?(?:bn|mn)\b)?|{_WORD}\b)(?:(?:\s+|-){_SCALE}\b)*"
    rf"|(?:an?|half\s+an?)\s+{_SCALE}\b(?:\s+{_SCALE}\b)*{_REST}*)"
)
_CORE = rf"(?:(?:US\$|\$|€|£)\s?)?{_NUMBER}(?:\s?%|\s+percent\b|\s+per\s+cent\b)?"

# Bound and hedge words directly before the number; classified by _PRE_KIND below.
_PRE_KIND = {
    "more than": "low", "over": "low", "at least": "low", "upwards of": "low",
    "in excess of": "low", "no fewer than": "low", "no less than": "low", "not less than": "low",
    "above": "low", "greater than": "low", "exceeding": "low", "well over": "low",
    "well above": "low", "well in excess of": "low",
    "up to": "high", "less than": "high", "fewer than": "high", "under": "high",
    "at most": "high", "as many as": "high", "no more than": "high", "not more than": "high",
    "below": "high", "a maximum of": "high", "well under": "high", "well below": "high",
    "about": "approx", "around": "approx", "some": "approx", "roughly": "approx",
    "approximately": "approx", "an estimated": "approx", "estimated": "approx",
    "close to": "approx", "circa": "approx", "approx.": "approx", "~": "approx",
    "an approximate": "approx", "nearly": "approx_high", "almost": "approx_high",
    "just under": "approx_high", "slightly less than": "approx_high",
    "slightly fewer than": "approx_high", "just over": "approx_low", "just above": "approx_low",
    "slightly more than": "approx_low", "a little over": "approx_low",
    "a little more than": "approx_low",
}  # fmt: skip
_PRE = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(_PRE_KIND, key=len, reverse=True))
#: A verb of motion right before "up to": "has gone up to 2,497" moves a tally, it bounds nothing.
_MOVED_UP = re.compile(r"\b(?:gone|went|shot|jumped|moved)\s+$", re.I)
_POST = r"(?:\s+or\s+(?:more|so|fewer|less)\b|\+|-plus\b)"

# Characters that may not touch a number on either side without making it something else
# (a decimal, a time "10:30", a fraction, a designation "F-16", a compound adjective "20-year").
_NUMBER_RE = re.compile(
    # "more than a 100": an article between the bound and digits is a slip, the bound still holds
    rf"(?:(?<![\w$€£.,/:\-])|(?<=magnitude-))(?:(?P<pre>{_PRE})(?:\s+|(?<=~))(?:an?\s+(?=\d))?)?"
    rf"(?:(?P<between>between)\s+(?P<a>{_CORE})\s+and\s+(?P<b>{_CORE})"
    # "twenty-five" is one number, not the range twenty to five
    # (nor "three thousand and sixty-two": every tens word ends in "ty")
    rf"|(?!{_TENS}-(?:{_SMALL})\b(?!\s*(?:-|–|—|\bto\b)))(?P<a2>{_CORE})(?!(?<=ty)-(?:{_SMALL})\b)"
    rf"\s*(?:-|–|—|\bto\b)\s*(?P<b2>{_CORE})"
    rf"|(?P<one>{_CORE}))"
    rf"(?P<post>{_POST})?"
    # a hyphen joins the number into a compound ("a 5-year-old"), except "-strong", "-plus" and a
    # quake's "7.8-magnitude"
    r"(?!\w|-(?!strong\b|plus\b|magnitude\b)[A-Za-z]|[.,]\d|:\d|/\d)",
    re.IGNORECASE,
)

# Terminal control sequences (ECMA-48) are stored as given (issue 18) but are no prose: the
# digits of "ESC [ 2 J", "ESC ] 0 ; title BEL" or a C1 "CSI 31 m" are parameters, never figures.
# CSI (ESC [ or U+009B) with its parameter, intermediate and final bytes; OSC, DCS, SOS, PM and
# APC strings up to their terminator (BEL, ESC \\ or U+009C; unterminated: to the end); any other
# two-character escape.
_CONTROL_SEQUENCE_RE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -~]?"
)

# "thousands of", "tens of thousands", "several hundred": a vague magnitude, kept as a lower
# bound (two of the named magnitude) because that is all the phrase commits to.
_VAGUE_RE = re.compile(
    rf"(?<![\w\-])(?:(?P<pre>{_PRE})\s+)?"
    r"(?P<vague>(?:(?:tens|hundreds|dozens)\s+of\s+)?(?:dozens|hundreds|thousands|millions|billions)"
    r"|(?:several|a\s+few)\s+(?:dozen|hundred|thousand|million|billion))\b",
    re.IGNORECASE,
)

_FOLD_RE = re.compile(rf"(?<![\w$€£.,/:\-])(?P<num>{_DIGITS}|{_WORD})(?:-|\s)?fold\b", re.IGNORECASE)
_CALIBRE_RE = re.compile(r"(?<![\w.,\-])(?P<num>\d+(?:\.\d+)?)(?:\s?-\s?|\s)?(?:mm|millimet(?:er|re)s?)\b")

# Model designations: a capitalised stem, a hyphen and digits ("AK-47", "Su-25", "KN-23",
# "Hwasong-11") or a short all-capital prefix glued to digits ("M777", "G7").
_DESIGNATION_RE = re.compile(
    r"(?<![\w\-])(?:[A-Z][A-Za-z]{0,9}-\d+[A-Za-z0-9]*|[A-Z]{1,3}\d{1,4}[A-Z]?s?)(?![\w\-])"
)


_CUMULATIVE_WORDS = {
    "total", "totals", "totaled", "totalled", "totaling", "totalling", "cumulative",
    "cumulatively", "altogether",
}  # fmt: skip
_CUMULATIVE_PAIRS = {("so", "far"), ("thus", "far"), ("to", "date"), ("all", "told"), ("in", "all")}
_PERIOD_PREPOSITIONS = {
    "over",
    "during",
    "within",
    "throughout",
    "since",
    "from",
    "between",
    "through",
    "for",
}
_RATE_WORDS = {"daily", "weekly", "monthly", "annually", "yearly", "annual", "annualised", "annualized"}
_DURATION_RE = re.compile(
    r"(?:the\s+)?(?:last|past|previous|next|coming|recent)\s+.*(?:hours|days|weeks|months|years|decades)"
    r"|(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|few|several)"
    r"\s+(?:hours?|days?|weeks?|months?|years?|decades?)",
    re.IGNORECASE,
)
# Any fixed date: only used to learn the shape (granularity) of a time phrase.
_SHAPE_BASE = date(2000, 6, 15)


@dataclass(slots=True)
class _Core:
    value: float
    scale: float  # the multiplier written after the number ("million"), 1.0 when none
    currency: str | None
    percent: bool
    bare_integer: bool  # digits only, no comma, decimal or scale: could be a name or a year


def _parse_core(text: str) -> _Core:
    """Turn one matched number ("$3 billion", "7,000", "twenty-five", "a dozen") into parts."""
    t = text.strip()
    currency = None
    for symbol, code in _CURRENCIES.items():
        if t.lower().startswith(symbol):
            currency, t = code, t[len(symbol) :].strip()
            break
    percent = bool(re.search(r"(?:%|percent|per\s+cent)$", t, re.IGNORECASE))
    t = re.sub(r"\s*(?:%|percent|per\s+cent)$", "", t, flags=re.IGNORECASE)
    words = re.sub(rf"-(?={_SCALE}\b)", " ", t.lower()).split()  # "15-hundred": 15 hundred
    value: float
    scale = 1.0
    first = words[0]
    bare = bool(re.fullmatch(r"\d+", first)) and len(words) == 1
    compact = re.fullmatch(rf"({_DIGITS})(bn|mn)", first)
    if compact:
        value, scale = float(compact.group(1).replace(",", "")), SCALES[compact.group(2)]
    elif re.fullmatch(_DIGITS, first):
        value = float(first.replace(",", ""))
    elif first in ("a", "an"):
        value = 1.0
    elif first == "half":
        value = 0.5  # "half a million": the article is skipped with the scales below
    else:
        value = _word_value(first)
    total, group = 0.0, value * scale
    for word in words[1:]:
        if word in SCALES:
            scale *= SCALES[word]
            group *= SCALES[word]
            if SCALES[word] >= 1e3:  # "two thousand five hundred": a closed group of thousands
                total, group = total + group, 0.0
        elif word not in ("and", "a", "an"):  # the rest in words: "one hundred and four"
            group += _word_value(word)
            scale = 1.0  # "one hundred and four" ends in units: no scale for a range to borrow
    return _Core(total + group, scale, currency, percent, bare)


def _word_value(word: str) -> float:
    """ "four", "twenty", "twenty-five": a number word below one hundred."""
    tens, _, unit = word.partition("-")
    if tens in _TENS_WORDS:
        return float(_TENS_WORDS[tens] + _UNITS_WORDS.get(unit, 0))
    return float(_UNITS_WORDS[word])


# ---------------------------------------------------------------------------
# Finding


def find_quantities(span: Span, offset: int, times: list[TimeExpr] | None = None) -> list[Quantity]:
    """Quantities inside ``span``, with absolute offsets (``offset`` + doc char index).

    ``times`` are the span's time expressions (absolute offsets) when the caller has found
    them already: dates are no quantities, and finding them is the slow part.

    Field conventions, chosen so that bounds can be compared across claims:

    - exact "20,000": ``value = low = high = 20000``;
    - "more than N" / "N or more": ``low = N``; "up to N": ``high = N`` (``value = N`` in both);
    - "about N": ``approximate`` with no bounds; "nearly N" / "almost N": approximate and
      ``high = N`` (the phrase says the true figure is below N);
    - ranges "between A and B", "A-B", "A to B": ``value = None``, ``low = A``, ``high = B``;
    - vague magnitudes "thousands of": ``value = None``, approximate, ``low`` = two of the
      magnitude ("dozens" -> 24, "tens of thousands" -> 20,000);
    - calibres: attribute, ``value`` = the calibre, unit "mm"; model designations ("F-16") and
      numbers that are part of a name ("Resolution 2231"): attribute with no value.
    """
    doc = span.doc
    full = doc_text(doc)
    base = span.start_char
    text = span_text(span)
    if times is None:
        times = find_times(span, 0, None)  # doc-relative offsets
    else:
        times = [replace(t, start=t.start - offset, end=t.end - offset) for t in times]
    blocked = Taken([(t.start, t.end) for t in times])
    if "\x1b" in text or any("\x90" <= c <= "\x9f" for c in text):
        for m in _CONTROL_SEQUENCE_RE.finditer(text):
            blocked.add(base + m.start(), base + m.end())
    found: list[Quantity] = []
    free = blocked.free

    def emit(q: Quantity) -> None:
        blocked.add(q.start, q.end)
        found.append(q)

    for m in _DESIGNATION_RE.finditer(text):
        start, end = base + m.start(), base + m.end()
        if free(start, end) and not _is_time_word(m.group(0)):
            emit(Quantity(start, end, full[start:end], attribute=True))

    for m in _CALIBRE_RE.finditer(text):
        start, end = base + m.start(), base + m.end()
        if free(start, end):
            value = float(m.group("num"))
            emit(Quantity(start, end, full[start:end], value, value, value, unit="mm", attribute=True))

    for m in _FOLD_RE.finditer(text):
        # "could rise eight-fold", "eightfold increases": a multiplier, the number it multiplies by
        start, end = base + m.start(), base + m.end()
        if free(start, end):
            value = _parse_core(m.group("num")).value
            emit(Quantity(start, end, full[start:end], value, value, value, unit="fold"))

    for a, b, pct in fraction_shares(text):
        # "a quarter of the city": the share in percent, its whole read as for "25% of" (fractions.py)
        if free(base + a, base + b):
            # a fraction word is a round share ("a quarter" of what may be 23%): approximate, no bounds
            emit(
                Quantity(base + a, base + b, full[base + a : base + b], pct, approximate=True, unit="percent")
            )

    for m in _VAGUE_RE.finditer(text):
        start, end = base + m.start(), base + m.end()
        if free(start, end):
            emit(_vague(doc, span, m, start, end, times))

    for m in _NUMBER_RE.finditer(text):
        start, end = base + m.start(), base + m.end()
        if not free(start, end):
            continue
        for q in _numbers(doc, span, m, base, times):
            emit(q)

    found.sort(key=lambda q: q.start)
    return [replace(q, start=q.start + offset, end=q.end + offset) for q in found]


class Taken:
    """Character ranges already read, asked whether a new range overlaps any of them.

    By position: a range overlapping ``[start, end)`` starts before ``end`` and, being no longer
    than the longest range taken, after ``start - longest``; only those are read. A scan of
    every range per number grew with the square of the numbers in a sentence (a paragraph of
    quotation fragments is one sentence with hundreds of them; issue 18).
    """

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        self.ranges: list[tuple[int, int]] = []
        self.longest = 0
        for start, end in ranges:
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        insort(self.ranges, (start, end))
        self.longest = max(self.longest, end - start)

    def free(self, start: int, end: int) -> bool:
        """Whether no range taken overlaps ``[start, end)`` (``start < b_end and b_start < end``)."""
        ranges = self.ranges
        lo = bisect_right(ranges, (start - self.longest, float("inf")))
        hi = bisect_left(ranges, (end, float("-inf")))
        return not any(start < b_end for _, b_end in ranges[lo:hi])


def _is_time_word(text: str) -> bool:
    """Designation shapes that are really quarters ("Q3") are not attributes of a weapon."""
    return bool(re.fullmatch(r"Q[1-4]", text))


def _vague(doc: Doc, span: Span, m: re.Match[str], start: int, end: int, times: list[TimeExpr]) -> Quantity:
    phrase = re.sub(r"\s+", " ", m.group("vague").lower())
    words = phrase.split()
    magnitude = {"dozens": 12.0, "hundreds": 1e2, "thousands": 1e3, "millions": 1e6, "billions": 1e9}
    if words[0] in ("several", "a"):
        low = (3.0 if words[0] == "several" else 2.0) * SCALES[words[-1]]
    elif len(words) == 3:  # "tens of thousands", "hundreds of millions"
        low = 2.0 * {"tens": 10.0, "hundreds": 100.0, "dozens": 12.0}[words[0]] * magnitude[words[2]]
    else:
        low = 2.0 * magnitude[words[0]]
    kind = _PRE_KIND.get(_norm(m.group("pre") or ""), "")
    high = None
    if kind in ("high", "approx_high"):
        low, high = None, None  # "up to thousands": no usable bound either way
    q = Quantity(start, end, doc_text(doc)[start:end], None, low, high, approximate=True)
    anchor = number_token(doc, start, end)
    q.unit = counted_unit(anchor, end, span)
    q.scope = _scope(anchor, span, times)
    return q


def _numbers(doc: Doc, span: Span, m: re.Match[str], base: int, times: list[TimeExpr]) -> list[Quantity]:
    """Build the quantity (or two, for "from 5,000 to 20,000") for one number match."""
    full = doc_text(doc)
    start, end = base + m.start(), base + m.end()
    kind = _PRE_KIND.get(_norm(m.group("pre") or ""), "")
    post = _norm(m.group("post") or "")
    if _norm(m.group("pre") or "") == "up to" and _MOVED_UP.search(full[max(0, start - 20) : start]):
        # "the toll has gone up to 2,497": "up" goes with the verb, the figure is where it went
        kind, start = "", base + m.end("pre")
        start += len(full[start:]) - len(full[start:].lstrip())

    if m.group("a2") is not None:
        preceding = full[max(0, start - 6) : start].lower().split()
        joined_by_to = "to" in full[base + m.end("a2") : base + m.start("b2")].lower()
        descending = _parse_core(m.group("a2")).value > _parse_core(m.group("b2")).value
        # "rose from 5,000 to 20,000", "by 5,000 to 20,000", "sent 5,000 to 10 regions":
        # two numbers, not a range.
        if not kind and ((preceding and preceding[-1] in ("from", "by")) or (joined_by_to and descending)):
            out = []
            for group in ("a2", "b2"):
                g_start, g_end = base + m.start(group), base + m.end(group)
                q = _single(doc, span, g_start, g_end, _parse_core(m.group(group)), "", "", times)
                if q is not None:
                    out.append(q)
            return out

    low_text, high_text = (
        (m.group("a"), m.group("b")) if m.group("between") else (m.group("a2"), m.group("b2"))
    )
    if low_text is not None and high_text is not None:
        a, b = _parse_core(low_text), _parse_core(high_text)
        # "8 to 12 million", "$3-5 billion", "15 to 20 percent": the first end borrows the second's form.
        if a.scale == 1.0 and b.scale != 1.0:
            a.value *= b.scale
        a.currency = a.currency or b.currency
        a.percent = a.percent or b.percent
        if a.value > b.value:
            return []  # "10-3" is a score or a code, not a range
        q = Quantity(
            start,
            end,
            full[start:end],
            None,
            a.value,
            b.value,
            approximate=kind.startswith("approx"),
        )
        anchor = number_token(
            doc,
            base + m.start("b" if m.group("between") else "b2"),
            base + m.end("b" if m.group("between") else "b2"),
        )
        q.unit = _explicit_unit(a) or counted_unit(anchor, end, span)
        q.scope = _scope(anchor, span, times)
        return [q]

    core = _parse_core(m.group("one"))
    q = _single(doc, span, start, end, core, kind, post, times, base + m.start("one"), base + m.end("one"))
    return [q] if q is not None else []


def _single(
    doc: Doc,
    span: Span,
    start: int,
    end: int,
    core: _Core,
    kind: str,
    post: str,
    times: list[TimeExpr],
    core_start: int | None = None,
    core_end: int | None = None,
) -> Quantity | None:
    core_start = start if core_start is None else core_start
    core_end = end if core_end is None else core_end
    anchor = number_token(doc, core_start, core_end)
    number_text = doc_text(doc)[core_start:core_end].lower()
    if number_text == "one" and not kind and not post and anchor.dep_ != "nummod":
        return None  # "one of the", "no one": a pronoun, not a count
    if core.bare_integer and not kind and not post and _names_a_thing(anchor):
        # "Resolution 2231", "Unit 8214", "No. 10": the number is part of a name.
        return Quantity(start, end, doc_text(doc)[start:end], attribute=True)

    value = core.value
    lost = _lost_group(doc_text(doc), core_start, core_end)
    if lost:
        value *= 1000.0
    q = Quantity(start, end, doc_text(doc)[start:end], value)
    if lost:
        # "exceeded 11,<>": the digits after the separator are lost, the number lies between
        # 11,000 and 11,999; a bound word before it narrows that range on its side only.
        q.low = value if kind != "high" else None
        q.high = value + 999.0 if kind != "low" and post not in ("or more", "+", "-plus") else None
    elif kind == "low" or post in ("or more", "+", "-plus"):
        q.low = value
    elif kind == "high" or post in ("or fewer", "or less"):
        q.high = value
    elif kind == "approx_high":
        q.high, q.approximate = value, True
    elif kind == "approx_low":
        q.low, q.approximate = value, True
    elif kind == "approx" or post == "or so":
        q.approximate = True
    else:
        q.low = q.high = value
    q.unit = _explicit_unit(core) or counted_unit(anchor, end, span)
    q.scope = _scope(anchor, span, times)
    return q


# A thousands separator glued to a symbol that is neither a digit, a letter, a space nor a closing
# quotation or bracket: the group after it was lost when the text was converted ("11,<>", "11,?").
_LOST_GROUP_RE = re.compile(r",[^\w\s\"'”’)\]]")


def _lost_group(full: str, start: int, end: int) -> bool:
    """Whether the number ``full[start:end]`` is the head of a thousands-grouped number whose
    last group is missing: 1–3 digits (or already grouped ones) then a comma and a stray symbol.
    Read as it stands ("11") it would be a thousandth of what the writer meant."""
    number = full[start:end]
    return bool(re.fullmatch(r"\d{1,3}(?:,\d{3})*", number) and _LOST_GROUP_RE.match(full, end))


def _norm(words: str) -> str:
    return re.sub(r"\s+", " ", words.strip().lower())


def _names_a_thing(token: Token) -> bool:
    if token.i == 0:
        return False
    prev = token.doc[token.i - 1]
    if prev.lower_ in ("no.", "#"):
        return True
    if (
        not prev.is_title
        or prev.pos_ != "PROPN"
        or prev.ent_type_ in ("GPE", "NORP", "DATE", "TIME", "CARDINAL")
    ):
        return False
    return token.head == prev or prev.head == token


# ---------------------------------------------------------------------------
# Unit


def _explicit_unit(core: _Core) -> str | None:
    if core.percent:
        return "percent"
    return core.currency


# ---------------------------------------------------------------------------
# Scope


def _scope(anchor: Token, span: Span, times: list[TimeExpr]) -> QuantityScope:
    clause = clause_tokens(anchor, span)
    indexes = {t.i for t in clause}
    for token in clause:
        low = token.lower_
        # "20 percent of the total" compares with a total; it is not one.
        if low in _CUMULATIVE_WORDS and token.head.lower_ != "of":
            return QuantityScope.CUMULATIVE
        nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
        if nxt is not None and (low, nxt.lower_) in _CUMULATIVE_PAIRS:
            after = nxt.nbor(1) if nxt.i + 1 < len(token.doc) else None
            if (
                (low, nxt.lower_) == ("in", "all")
                and after is not None
                and after.pos_ in ("NOUN", "PROPN", "DET", "ADJ", "NUM")
            ):
                continue  # "in all regions"
            if (low, nxt.lower_) == ("to", "date") and token.i > 0 and token.nbor(-1).lower_ == "up":
                continue
            return QuantityScope.CUMULATIVE

    for t in times:
        region = anchor.doc.char_span(t.start, t.end, alignment_mode="expand")
        if region is None or region.start not in indexes:
            continue
        if _is_period(t, region):
            return QuantityScope.PERIOD
    for token in clause:
        if token.lower_ == "since" or token.lower_ in _RATE_WORDS:
            return QuantityScope.PERIOD
        if token.lower_ in ("per", "a", "an", "each", "every") and token.i + 1 < len(token.doc):
            nxt = token.nbor(1)
            later = nxt.nbor(1).lower_ if nxt.i + 1 < len(token.doc) else ""
            if nxt.lower_ in ("day", "week", "month", "year") and later != "ago":
                return QuantityScope.PERIOD
    return QuantityScope.POINT


def _is_period(t: TimeExpr, region: Span) -> bool:
    """Whether a time phrase makes a number a flow over an interval rather than a count at a time."""
    if _DURATION_RE.fullmatch(t.text):
        return True
    granularity = resolve(t.text, _SHAPE_BASE)[1]
    before = region.doc[region.start - 1].lower_ if region.start > 0 else ""
    if before in _PERIOD_PREPOSITIONS:
        return True
    if before == "in" and granularity != "day":
        return True
    lowered = t.text.lower()
    return lowered.startswith(("this ", "last ", "earlier this ", "later this ")) and granularity in (
        "week",
        "month",
        "year",
        "interval",
    )
