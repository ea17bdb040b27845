"""What a number counts in a Korean, Russian or Ukrainian sentence, as the English pipeline's
:class:`~reportedly.model.Measure`, so that "사망자는 154명", "погибли 46 человек" and "154 people
were killed" fall in one series (``people killed``).

The clause around the number (to the nearest comma or clause boundary) is searched for the
stems of the events the English lexicon names; a number that counts no people, or people with no
such event, gets no measure. The place the clause names, nearest the number, is the measure's
(:mod:`.places`, the English gazetteer's ids), so that "서울에서 154명 사망" and "154 killed in
Seoul" are one series (``people killed in Seoul``).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..model import Measure, Quantity, TimeExpr
from .places import number_place


@dataclass(frozen=True, slots=True)
class Rules:
    """One language's words for what a number counts (its table in ``lexicons/measures.toml``)."""

    #: event → stems (matched at the start of words for Cyrillic, anywhere for Hangul)
    events: dict[str, tuple[str, ...]]
    #: the counted thing when it is people
    people: tuple[str, ...]
    #: words that make a number a part of the total: foreigners, women, an age group, the severely hurt
    part: str
    #: foreigners, a part of a toll counted as a series of its own ("foreigners killed")
    foreign: str
    #: what after a number makes it a change, not a count ("1명 늘어", "на 5 больше")
    change: str
    #: what before a number makes it a change ("увеличилось на 5", "ещё 2")
    by: str
    #: the gravely hurt among the injured ("중상자 19명"), a series of its own as English types "19 in
    #: critical condition" (``people critical``); a pattern that matches nothing where none is listed
    critical: str
    #: words that tie a day to a figure ("30일 오전 6시 기준", "по состоянию на 5 июня", "станом на 15 січня")
    as_of: str


def _rules() -> dict[str, Rules]:
    """Each language's :class:`Rules`, from the package data ``lexicons/measures.toml`` (one table a
    language): the three records have one shape, which as Python was the same declaration thrice."""
    data = tomllib.loads((Path(__file__).parent / "lexicons" / "measures.toml").read_text(encoding="utf-8"))
    return {
        code: Rules(
            **{k: v for k, v in table.items() if k not in ("events", "people")},
            events={event: tuple(stems) for event, stems in table["events"].items()},
            people=tuple(table["people"]),
        )
        for code, table in data.items()
    }


RULES = _rules()


def tells_casualties(code: str, words: list[tuple[str, str | None]]) -> bool:
    """Whether words (text, part of speech) tell the dead, hurt or missing with their first verb
    and no figure ("загинули фельдшер та рятувальник", "погибли сотрудники МЧС"): a tally all the
    same, as "десятки раненых" is. A noun alone ("соболезнования семьям погибших"), a later verb
    ("терористи вдарили по місту, постраждали цивільні": the attack is what is said) or a
    negated one ("щоб люди не постраждали") tells none."""
    stems = [s for k in ("killed", "injured", "missing") for s in RULES[code].events.get(k, ())]
    first = next((n for n, (_w, pos) in enumerate(words) if pos == "VERB"), None)
    if first is None or (first > 0 and words[first - 1][0].lower() == "не"):
        return False
    return any(words[first][0].lower().startswith(s) for s in stems)


def type_measures(
    code: str,
    sentence: str,
    offset: int,
    quantities: list[Quantity],
    times: list[TimeExpr],
    published: date | None,
) -> None:
    """Set each quantity's measure from the clause it stands in (``sentence`` starts at ``offset``)."""
    rules = RULES.get(code)
    if rules is None:
        return
    events = rules.events
    as_of = _as_of(code, rules.as_of, sentence, offset, times) or published
    for n, q in enumerate(quantities):
        if q.unit == "percent":
            continue
        a, b = q.start - offset, q.end - offset
        left = max(sentence.rfind(c, 0, a) for c in ",;:") + 1
        paren = sentence.rfind("(", 0, a)
        if paren >= left and sentence.find(")", paren, a) == -1:
            # a parenthesis still open at the number starts its clause; one closed before it
            # ("154명(외국인 26명)에서 1명 추가돼 155명이 됐다") is an aside inside the clause
            left = paren + 1
        rights = [i for i in (sentence.find(c, b) for c in ",;)") if i != -1]
        clause = sentence[left : min(rights) if rights else len(sentence)].lower()
        # the words since the number before (or the clause's start) say whether it is a part
        near = max(left, quantities[n - 1].end - offset) if n > 0 else left
        before, after = sentence[near:a].lower(), sentence[b : b + 12].lower()
        if re.match(rules.change, after) or re.search(rules.by, before):
            continue  # a change ("1명 늘어"), not the total
        if re.search(rules.part, before):
            # a part ("외국인은 26명", "20대가 103명"), not the total; foreigners among the dead are a
            # series of their own, as English types "26 foreigners" (unit "foreigner")
            if re.search(rules.foreign, before):
                q.measure = _foreigners(events, sentence[:a].lower(), as_of)
            elif re.search(rules.critical, before) and not re.search(rules.foreign, clause):
                text = sentence[left : min(rights) if rights else len(sentence)]
                where = number_place(code, text, a - left)
                q.measure = Measure(
                    what="critical",
                    unit="people",
                    place=where.id if where else None,
                    place_name=where.name if where else None,
                    as_of=as_of,
                )
            continue
        if code == "ko":
            lo = max(left, quantities[n - 1].end - offset) if n > 0 else left
            nxt = quantities[n + 1].start - offset if n + 1 < len(quantities) else len(sentence)
            hi = min(nxt, min(rights) if rights else len(sentence))
            what = _nearest_event(events, clause, a - left, b - left, lo - left, hi - left)
        else:
            what = next(
                (
                    event
                    for event, stems in events.items()
                    if any(re.search(rf"(?<!\w){s}", clause) for s in stems)
                ),
                None,
            )
        if what is None:
            continue
        people = q.unit == "people" or (q.unit is None and any(p in clause for p in rules.people))
        if people:  # events count people; "대피소 3곳" (three shelters) counts no evacuee
            text = sentence[left : min(rights) if rights else len(sentence)]
            where = number_place(code, text, a - left)
            q.measure = Measure(
                what=what,
                unit="people",
                place=where.id if where else None,
                place_name=where.name if where else None,
                as_of=as_of,
            )


def _foreigners(events: dict[str, tuple[str, ...]], before: str, as_of: date | None) -> Measure | None:
    """ "희생자 중 외국인은 26명", "외국인 사망자 2명": the foreigners among those the last event named
    before the number counts (none: no measure). The foreigners are the counted unit, as English
    types "26 foreigners", so both languages share one key ("foreigners killed") and one series."""
    found = [
        (m.start(), event) for event, stems in events.items() for s in stems for m in re.finditer(s, before)
    ]
    if not found:
        return None
    return Measure(what=max(found)[1], unit="foreigner", subject=None, as_of=as_of)


def _nearest_event(
    events: dict[str, tuple[str, ...]], clause: str, a: int, b: int, lo: int, hi: int
) -> str | None:
    """The event of the number ``clause[a:b]`` in a Korean clause (neighbouring numbers end at
    ``lo`` and start at ``hi``).

    One clause may count two events with no comma between them: "153명이 숨지고 103명이 다쳤다"
    (153 died and 103 were hurt), "사망자는 154명이며 부상자는 149명". A predicate follows its count
    ("153명이 숨지고") and a noun precedes it ("사망자는 154명"), so the first predicate after the
    number, before the next number, is its event; else the last event noun before it, after the
    number before; else (a clause that says it farther away) the first event the clause names.
    """
    found = sorted(
        (m.start(), m.end(), event)
        for event, stems in events.items()
        for s in stems
        for m in re.finditer(re.escape(s), clause)
    )
    after = [e for x, y, e in found if b <= x < hi and _predicate(clause, y)]
    if after:
        return after[0]
    before = [e for x, y, e in found if lo <= x and y <= a and not _predicate(clause, y)]
    if before:
        return before[-1]
    return next((event for event, stems in events.items() if any(s in clause for s in stems)), None)


def _predicate(clause: str, end: int) -> bool:
    """Whether the event word ending at ``end`` is a verb: a verb's own form ("숨졌", "다친"), or a
    noun made a verb by 하다/되다/당하다 ("사망했다", "부상당한")."""
    word = clause[max(0, end - 2) : end]
    if word[-1:] in "진졌지친쳤된했":
        return True
    return clause[end : end + 1] in ("하", "했", "한", "해", "되", "됐", "된", "돼", "당")


def _as_of(code: str, tie: str, sentence: str, offset: int, times: list[TimeExpr]) -> date | None:
    """The day a figure holds: one the sentence ties to it ("기준", "по состоянию на"), else none
    (the caller takes publication: an event's day, "29일 밤 … 사고", is not the figure's)."""
    for t in times:
        before, after = sentence[: t.start - offset], sentence[t.end - offset :]
        tied = re.search(tie, after) if code == "ko" else re.search(tie, before)
        if tied:
            day = _day([t])
            if day is not None:
                return day
    return None


def _day(times: list[TimeExpr]) -> date | None:
    for t in times:
        if t.granularity == "day" and t.resolved and "/" not in t.resolved:
            try:
                return date.fromisoformat(t.resolved)
            except ValueError:
                continue
    return None
