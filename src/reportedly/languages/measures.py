"""What a number counts in a Korean, Russian or Ukrainian sentence, as the English pipeline's
:class:`~reportedly.model.Measure`, so that "사망자는 154명", "погибли 46 человек" and "154 people
were killed" fall in one series (``people killed``).

The clause around the number (to the nearest comma or clause boundary) is searched for the
stems of the events the English lexicon names; a number that counts no people, or people with no
such event, gets no measure.
"""

from __future__ import annotations

import re
from datetime import date

from ..model import Measure, Quantity, TimeExpr

#: event → stems, per language (matched at the start of words for Cyrillic, anywhere for Hangul)
EVENTS: dict[str, dict[str, tuple[str, ...]]] = {
    "ko": {
        "killed": ("사망", "숨진", "숨졌", "희생자", "목숨"),
        "injured": ("부상", "다친", "다쳤", "중상", "경상"),
        "missing": ("실종",),
        "evacuated": ("대피",),
        "displaced": ("이재민",),
        "rescued": ("구조된", "구조했"),
    },
    "ru": {
        "killed": ("погиб", "смерт", "жертв", "умер", "скончал"),
        "injured": ("пострада", "ранен", "госпитализ", "травм"),
        "missing": ("пропал", "без вести"),
        "evacuated": ("эвакуир", "эвакуац"),
        "rescued": ("спасен", "спасён", "спасли"),
    },
    "uk": {
        "killed": ("загин", "загибл", "жертв", "помер", "смерт"),
        "injured": ("поранен", "постражда", "травмов", "госпіталіз"),
        "missing": ("зникл", "безвісти", "безвісті"),
        "evacuated": ("евакуйов", "евакуац"),
        "rescued": ("врятов",),
    },
}
#: the counted thing when it is people
PEOPLE: dict[str, tuple[str, ...]] = {
    "ko": ("명",),
    "ru": ("человек", "люд", "жител", "граждан", "дет", "взрослы"),
    "uk": ("люд", "осіб", "особ", "мешкан", "жител", "діт", "громадян"),
}


def type_measures(
    code: str,
    sentence: str,
    offset: int,
    quantities: list[Quantity],
    times: list[TimeExpr],
    published: date | None,
) -> None:
    """Set each quantity's measure from the clause it stands in (``sentence`` starts at ``offset``)."""
    events = EVENTS.get(code)
    if not events:
        return
    as_of = _as_of(code, sentence, offset, times) or published
    for n, q in enumerate(quantities):
        if q.unit == "percent":
            continue
        a, b = q.start - offset, q.end - offset
        left = max(sentence.rfind(c, 0, a) for c in ",;:(") + 1
        rights = [i for i in (sentence.find(c, b) for c in ",;)") if i != -1]
        clause = sentence[left : min(rights) if rights else len(sentence)].lower()
        # the words since the number before (or the clause's start) say whether it is a part
        near = max(left, quantities[n - 1].end - offset) if n > 0 else left
        before, after = sentence[near:a].lower(), sentence[b : b + 12].lower()
        if re.search(PART[code], before) or re.match(CHANGE[code], after) or re.search(BY[code], before):
            continue  # a part ("외국인은 26명", "20대가 103명") or a change ("1명 늘어"), not the total
        what = next(
            (
                event
                for event, stems in events.items()
                if any((s in clause) if code == "ko" else re.search(rf"(?<!\w){s}", clause) for s in stems)
            ),
            None,
        )
        if what is None:
            continue
        people = q.unit == "people" or (q.unit is None and any(p in clause for p in PEOPLE[code]))
        if people:  # events count people; "대피소 3곳" (three shelters) counts no evacuee
            q.measure = Measure(what=what, unit="people", as_of=as_of)


#: words that make a number a part of the total: foreigners, women, an age group, the severely hurt
PART: dict[str, str] = {
    "ko": r"외국인|내국인|여성|남성|\d+대|중상|경상|어린이|학생|청소년|제외|중\s*$|가운데\s*$",
    "ru": r"иностран|женщин|мужчин|дет(?:ей|и)|подрост|из них",
    "uk": r"іноземц|жінок|чоловік|діт(?:ей|и)|підліт|з них",
}
#: what after a number makes it a change, not a count ("1명 늘어", "на 5 больше")
CHANGE: dict[str, str] = {
    "ko": r"\s*(?:늘|증가|추가|감소|줄|더\s|을?\s*제외)",
    "ru": r"\s*(?:больше|меньше)",
    "uk": r"\s*(?:більше|менше)",
}
#: what before a number makes it a change ("увеличилось на 5", "ещё 2")
BY: dict[str, str] = {
    "ko": r"(?!x)x",
    "ru": r"(?:\bна|ещ[её])\s*$",
    "uk": r"(?:\bна|ще)\s*$",
}
#: words that tie a day to a figure ("30일 오전 6시 기준", "по состоянию на 5 июня", "станом на 15 січня")
AS_OF: dict[str, str] = {
    "ko": r"^[^,.]{0,16}(?:기준|현재)",
    "ru": r"состоянию на\s*$",
    "uk": r"станом на\s*$",
}


def _as_of(code: str, sentence: str, offset: int, times: list[TimeExpr]) -> date | None:
    """The day a figure holds: one the sentence ties to it ("기준", "по состоянию на"), else none
    (the caller takes publication: an event's day, "29일 밤 … 사고", is not the figure's)."""
    for t in times:
        before, after = sentence[: t.start - offset], sentence[t.end - offset :]
        tied = re.search(AS_OF[code], after) if code == "ko" else re.search(AS_OF[code], before)
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
