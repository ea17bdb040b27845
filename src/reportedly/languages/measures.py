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
    as_of = _day(times) or published
    for q in quantities:
        if q.unit == "percent":
            continue
        a, b = q.start - offset, q.end - offset
        left = max(sentence.rfind(c, 0, a) for c in ",;:(") + 1
        rights = [i for i in (sentence.find(c, b) for c in ",;)") if i != -1]
        clause = sentence[left : min(rights) if rights else len(sentence)].lower()
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


def _day(times: list[TimeExpr]) -> date | None:
    for t in times:
        if t.granularity == "day" and t.resolved and "/" not in t.resolved:
            try:
                return date.fromisoformat(t.resolved)
            except ValueError:
                continue
    return None
