"""When a measure holds: its scope, whether it belongs to an earlier event, and its as-of day.

Read off the number's clause and the time expressions of its sentence, apart from what the number
counts (:mod:`.measures`) and where (:mod:`.measure_places`):

* **scope**: a forecast ("could rise to", "is expected to exceed") or a hypothesis (an if-clause)
  never sits in the series of counts; a period needs a length or a rate ("in the past 24 hours",
  "per day"); else the quantity's own scope (:func:`read_scope`);
* **another event**: a year before the publication's ("the 2015 quake that killed 9,000") or a
  day months before it on the event the clause hangs from makes the figure that event's
  (:func:`is_historical`, :func:`event_long_before`);
* **as of**: a day the clause's verb is dated by, else the day it was said, else the publication
  date (:func:`as_of_day`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date

from spacy.tokens import Span, Token

from ..model import MeasureScope, Quantity, QuantityScope, TimeExpr
from .lexicon import REPORTING_VERBS
from .measure_words import EVENTS, MONEY_NOUNS, TALLY_NOUNS, TALLY_VERBS

_FORECAST_WORDS = frozenset(
    [
        "could",
        "may",
        "might",
        "would",
        "will",
        "expect",
        "forecast",
        "project",
        "predict",
        "fear",
        "likely",
        "feared",
        "projected",
        "expected",
        "estimate",
        "warn",
        "liable",
        "set",
        "certain",
    ]
)
_NOT_FORECAST_AFTER = frozenset({"have", "'ve"})  # "might have died": a hedged count, not a forecast
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")


#: Adverbs of likelihood: before a verb in the past tense they hedge a count, they forecast nothing.
_HEDGES = frozenset({"likely", "probably"})


def _past_next(clause: list[Token], i: int) -> bool:
    """The next word of the clause is a verb or auxiliary in the past tense ("likely were", "likely died")."""
    return i + 1 < len(clause) and clause[i + 1].tag_ in ("VBD", "VBN")


#: What the feared are said to be: "were feared dead", "are feared killed".
_DEAD = frozenset({"dead", "killed", "drowned", "lost"})


def _feared_dead(t: Token) -> bool:
    """ "2,000 were feared dead": the passive of "fear" with a state of death estimates deaths that
    have happened (a hedged count of the toll), it forecasts none. Only a worst case given as an
    upper bound ("up to 20,000 are feared dead") reaches for the eventual toll, and stays a forecast
    (the caller checks the bound)."""
    return (
        _lemma(t) == "fear"
        and t.tag_ == "VBN"
        and any(c.dep_ == "auxpass" for c in t.children)
        and any(c.dep_ in ("oprd", "acomp", "xcomp") and c.lower_ in _DEAD for c in t.children)
    )


_RATE = frozenset({"per", "daily", "weekly", "monthly", "hourly", "annually", "yearly"})


def read_scope(
    anchor: Token, clause: list[Token], q: Quantity, times: list[TimeExpr], offset: int
) -> MeasureScope:
    """The scope of the number at ``anchor``: hypothetical, forecast, cumulative, period or point."""
    for i, t in enumerate(clause):
        low = t.lower_
        if low == "if" or (low == "unless" and t.dep_ == "mark"):
            return MeasureScope.HYPOTHETICAL
        if low in _FORECAST_WORDS or _lemma(t) in _FORECAST_WORDS:
            nxt = clause[i + 1].lower_ if i + 1 < len(clause) else ""
            if nxt in _NOT_FORECAST_AFTER:
                continue
            if nxt == "to" and i + 2 < len(clause) and clause[i + 2].lower_ in _NOT_FORECAST_AFTER:
                continue  # "was estimated to have burned 850 hectares": a reckoning of the past
            if t.pos_ == "NOUN" and not any(a == t for a in anchor.ancestors):
                # "killing 78, amid fears that the toll could reach 500": another figure's fear
                continue
            if low == "certain" and t.dep_ == "amod":
                continue  # "after accounting for certain double countings": some, not sure to come
            if low in _HEDGES and _past_next(clause, i):
                continue  # "there likely were 100 to 300 killed": a hedged count of the past
            if _feared_dead(t) and not (q.high is not None and q.low is None):
                continue  # "2,000 were feared dead": deaths that happened, estimated, not foretold
            if _lemma(t) in ("estimate", "warn") and t.dep_ not in ("ROOT", "xcomp", "ccomp"):
                continue
            if _lemma(t) == "estimate" and _estimates_a_tally(t):
                continue  # "estimated the death toll at 100 to 300": a count of the past, estimated
            if (
                low in ("will", "would")
                and t.head.lemma_ == "be"
                and not any(c.lower_ in ("likely", "expected") for c in t.head.children)
            ):
                continue
            return MeasureScope.FORECAST
    if _modal_above(anchor, clause):
        return MeasureScope.FORECAST
    if q.scope is QuantityScope.CUMULATIVE:
        return MeasureScope.CUMULATIVE
    if q.scope is QuantityScope.PERIOD and _explicit_period(clause, times, offset):
        return MeasureScope.PERIOD
    return MeasureScope.POINT


_MODALS = frozenset({"could", "may", "might", "will", "would"})
#: Verbs whose complement clause is a forecast ("expected to fall to", "projected to reach").
_EXPECTING = frozenset({"expect", "forecast", "project", "predict"})


def _modal_above(anchor: Token, clause: list[Token]) -> bool:
    """ "could result in the water level rising by as much as 12 metres": a modal on a verb the
    number's clause hangs from (not a reporting verb) makes the number a forecast too."""
    inside = {t.i for t in clause}
    below = anchor
    for verb in anchor.ancestors:
        if _reason_clause(below):
            return False  # "the toll could rise, as 19 were in critical condition": a stated cause is a fact
        below = verb
        if verb.i in inside or verb.pos_ not in ("VERB", "AUX"):
            continue
        if _lemma(verb) in _EXPECTING and any(c.dep_ == "xcomp" and c.i in inside for c in verb.children):
            # "the number of missing was expected to fall to around 50" (a raising verb, where
            # "officials expect that 50 died" reports a belief about the past)
            return not any(c.dep_ == "neg" for c in verb.children)
        if verb.lemma_ in REPORTING_VERBS:
            return False  # "officials said 5 died": the speaker's tense is not the count's
        if any(c.dep_ == "neg" for c in verb.children):
            return False  # "would not rule out that 500 might have died": a hedged count
        for c in verb.children:
            if c.dep_ == "aux" and c.lower_ in _MODALS and not _followed_by_have(c):
                return True
    return False


#: Conjunctions of a stated cause ("as", "because", "since"): the clause they mark tells a fact.
_BECAUSE = frozenset({"as", "because", "since"})


def _reason_clause(t: Token) -> bool:
    """A verb heading an adverbial clause of cause ("… could rise further as 33 remain in serious
    condition"): its count is the present state the forecast rests on, not part of the forecast."""
    return t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _BECAUSE for c in t.children)


def _estimates_a_tally(verb: Token) -> bool:
    """ "estimated the death toll at …", "estimated casualties at …": the verb's object is a tally
    or what it counts, so the figure is a count as someone reckons it, not a forecast."""
    for c in verb.children:
        low = c.lemma_.lower()
        if c.dep_ in ("dobj", "nsubjpass") and (low in TALLY_NOUNS or low in EVENTS or low in MONEY_NOUNS):
            return True  # "estimated the toll at 300", "the toll was estimated at 300", "… the cost at"
    return False


def _followed_by_have(t: Token) -> bool:
    nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
    return nxt is not None and nxt.lower_ in _NOT_FORECAST_AFTER


def _explicit_period(clause: list[Token], times: list[TimeExpr], offset: int) -> bool:
    """An interval of known length ("in the past 24 hours", "over two months") or a rate ("per day").

    "since Monday's quake" or "on Thursday" make no period: a toll counted since the event
    began is a running total, one series with the other counts.
    """
    if any(t.lower_ in _RATE for t in clause):
        return True
    for t, span in _times_in(clause, times, offset):
        if not (t.resolved and "/" in t.resolved):
            continue
        if span is not None and _dates_a_noun(span.root):
            continue  # "as a result of last week's earthquake": the week dates the quake
        if span is not None and _told_as_when(span):
            continue  # "died in the explosion earlier this week": when it happened, not for how long
        return True
    return False


_WHEN_IN = frozenset({"earlier", "later"})


def _told_as_when(span: Span) -> bool:
    """ "earlier this week", "later this month": a calendar interval placed before or after now
    tells when something happened within it, not the length of a count."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    return span[0].lower_ in _WHEN_IN or (before is not None and before.lower_ in _WHEN_IN)


def _times_in(
    clause: list[Token], times: Iterable[TimeExpr], offset: int
) -> Iterator[tuple[TimeExpr, Span | None]]:
    """The time expressions written inside the clause, in the order given, each with the tokens
    it covers (None where its characters do not align with tokens): what a date or a period of
    the clause is looked for in. ``offset`` is the document offset of the clause's ``Doc``."""
    if not clause:
        return
    doc = clause[0].doc
    lo = clause[0].idx + offset
    hi = clause[-1].idx + len(clause[-1].text) + offset
    for t in times:
        if lo <= t.start and t.end <= hi:
            yield t, doc.char_span(t.start - offset, t.end - offset, alignment_mode="expand")


def event_noun(clause: list[Token]) -> list[Token]:
    """ "a 1999 quake that killed 17,000": the noun a relative clause describes, with its modifiers."""
    roots = [t for t in clause if t.dep_ in ("relcl", "acl") and t.head.pos_ in ("NOUN", "PROPN")]
    if not roots:
        return []
    head = roots[0].head
    return [head, *(c for c in head.children if c.dep_ in ("compound", "amod", "nummod", "poss", "npadvmod"))]


#: Days before publication after which a dated event is another, earlier event.
EARLIER_EVENT_DAYS = 30


def event_long_before(
    clause: list[Token], times: Iterable[TimeExpr], offset: int, published: date | None
) -> bool:
    """ "hit by a missile in December that killed three": the number's clause hangs from an event
    (a noun or verb) dated months before the report, so the number belongs to that earlier event."""
    inside = {t.i for t in clause}
    roots = [
        t
        for t in clause
        if t.head.i not in inside
        and (
            t.dep_ in ("relcl", "acl", "advcl")
            or (t.dep_ == "ccomp" and t.head.lemma_ not in REPORTING_VERBS)
        )
    ]
    if published is None or not roots:
        return False
    described = roots[0].head
    doc = described.doc
    for t in times:
        if t.granularity not in ("day", "month") or not t.resolved or "/" in t.resolved:
            continue
        span = doc.char_span(t.start - offset, t.end - offset, alignment_mode="expand")
        if span is None or span.root.i in inside:
            continue
        attach = span.root.head.head if span.root.head.pos_ == "ADP" else span.root.head
        if attach != described:
            continue
        try:
            day = date.fromisoformat(t.resolved if t.granularity == "day" else f"{t.resolved}-01")
        except ValueError:
            continue
        if (published - day).days > EARLIER_EVENT_DAYS:
            return True
    return False


def is_historical(tokens: Iterable[Token], published: date | None) -> bool:
    """A year before the publication's in the number's clause or on its noun ("the 2015 quake")."""
    if published is None:
        return False
    return any(_YEAR.match(t.text) and int(t.text) < published.year - 1 for t in tokens)


def as_of_day(
    clause: list[Token], times: Iterable[TimeExpr], offset: int, published: date | None
) -> date | None:
    """The day the figure holds: a day the number's verb is dated by, else the publication date.

    A day inside a noun phrase ("Monday's quake", "the dam breach on Tuesday") dates the event,
    not the count, and is passed over.
    """
    if not clause:
        return published
    for t, span in _times_in(clause, times, offset):
        if not (t.granularity in ("day", "month") and t.resolved) or "/" in t.resolved:
            continue
        if span is None or _dates_a_noun(span.root) or _dates_the_event(span.root) or _since(span):
            continue
        try:  # a month ("sent … last month") holds from its first day
            day = date.fromisoformat(t.resolved if t.granularity == "day" else f"{t.resolved}-01")
        except ValueError:
            continue
        if published is None or day <= published:
            return day
    return _when_day(clause, times, offset, published) or _statement_day(clause, times, offset, published)


def _when_day(
    clause: list[Token], times: Iterable[TimeExpr], offset: int, published: date | None
) -> date | None:
    """ "was on 12 June when only ten deaths were reported", "on Tuesday, when 40 had died": a
    "when" clause holds on the day the words it hangs on carry, not on the day of the report."""
    inside = {t.i for t in clause}
    root = next((t for t in clause if t.head.i not in inside or t.head == t), None)
    if root is None or not any(c.lower_ == "when" and c.dep_ == "advmod" for c in root.children):
        return None
    governor = root.head
    for t in times:
        if t.granularity != "day" or not t.resolved or "/" in t.resolved:
            continue
        span = governor.doc.char_span(t.start - offset, t.end - offset, alignment_mode="expand")
        if span is None or span.root.i in inside:
            continue
        attach = span.root.head.head if span.root.head.pos_ == "ADP" else span.root.head
        if governor in (span.root, attach):
            try:
                day = date.fromisoformat(t.resolved)
            except ValueError:
                continue
            if published is None or day <= published:
                return day
    return None


def _statement_day(
    clause: list[Token], times: Iterable[TimeExpr], offset: int, published: date | None
) -> date | None:
    """ "South Korea said last month that 7,000 containers had been sent": the figure held when it was
    said, so a date of the reporting verb (outside the number's clause) dates it; else publication."""
    root = clause[0].sent.root if clause else None
    if root is None:
        return published
    for t in times:
        if t.granularity not in ("day", "month") or not t.resolved or "/" in t.resolved:
            continue
        span = root.doc.char_span(t.start - offset, t.end - offset, alignment_mode="expand")
        if span is None or span.root.head != root:
            continue
        try:
            day = date.fromisoformat(t.resolved if t.granularity == "day" else f"{t.resolved}-01")
        except ValueError:
            continue
        if published is None or day <= published:
            return day
    return published


def _dates_the_event(token: Token) -> bool:
    """ "which killed 139 people on Friday": the day of the killing, not of the count of the dead.

    A day on the event verb itself dates the event; the count of its dead or injured is the one
    known when it is told. A day on a tally verb ("the toll rose on Wednesday to 143") or a
    reporting verb dates the count.
    """
    node = token
    for _ in range(4):
        head = node.head
        if head == node:
            return False
        if head.pos_ in ("VERB", "AUX"):
            return _lemma(head) in EVENTS and _lemma(head) not in TALLY_VERBS
        node = head
    return False


def _since(span: Span) -> bool:
    """ "missing since Tuesday", "has risen to 40 since Sunday": a day "since" opens is where a span
    begins, never the day a count holds (the count is the one known when it is told)."""
    first = span[0]
    before = first.doc[first.i - 1] if first.i > 0 else None
    return first.lower_ == "since" or (before is not None and before.lower_ == "since")


def _dates_a_noun(token: Token) -> bool:
    node = token
    for _ in range(4):
        head = node.head
        if head == node or head.pos_ in ("VERB", "AUX"):
            return False
        nominal = head.pos_ in ("NOUN", "PROPN")
        modifies = nominal and node.dep_ in ("poss", "compound", "pobj", "prep", "npadvmod", "nmod")
        if modifies and (head.dep_ != "pobj" or head.head.lower_ not in ("as", "by", "until", "since")):
            return True
        node = head
    return False


def _lemma(t: Token) -> str:
    return t.lemma_.lower()
