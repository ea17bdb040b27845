"""Korean numbers and dates: ``1만2천 명``, ``3천여 가구``, ``지난 5일``, ``오는 10월``.

Read from one sentence of a Korean article at a time (``base`` is its offset in the text), for
the reader in :mod:`.ko`; the dates are resolved against the publication date.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..model import Quantity, TimeExpr
from .common import as_of, month_before, sentence_quantity, time_expr

_N = r"\d[\d,]*(?:\.\d+)?"
_KNUM = rf"(?=\d)(?:{_N}\s*만\s*)?(?:{_N}\s*천\s*)?(?:{_N}\s*백\s*)?(?:{_N})?"
_UNITS = (
    r"명|개국|개|곳|건|가구|채|대|마리|척|발|톤|㎞|km|킬로미터|미터|m|%|퍼센트|분|시간|개월|주|배|원|달러"  # noqa: E501
)


QUANTITY = re.compile(
    rf"(?P<pre>약\s*|최소\s*|최대\s*)?(?P<a>{_KNUM})(?P<a_yeo>여)?\s*(?:~|∼|-|에서)\s*(?P<b>{_KNUM})?(?P<b_yeo>여)?"
    rf"\s*(?P<unit>{_UNITS})(?P<post>\s*(?:이상|넘게|넘는|넘어|초과|이하|미만|가량|안팎|정도|쯤|내외))?"
    rf"|(?P<pre2>약\s*|최소\s*|최대\s*)?(?P<n>{_KNUM})(?P<yeo>여)?\s*(?P<unit2>{_UNITS})"
    rf"(?P<post2>\s*(?:이상|넘게|넘는|넘어|초과|이하|미만|가량|안팎|정도|쯤|내외))?"
)


_UNIT_NAMES = {"명": "people", "%": "percent", "퍼센트": "percent", "가구": "households", "채": "homes"}


def korean_number(written: str) -> float | None:
    """A Korean written number: "3천" = 3000, "1만 1천" = 11000, "1만1천" = 11000, "2,500" = 2500."""
    s = written.replace(" ", "").replace(",", "")
    if not s or not re.search(r"\d", s):
        return None
    total = 0.0
    rest = s
    for unit, mult in (("만", 10_000), ("천", 1_000), ("백", 100)):
        if unit in rest:
            head, rest = rest.split(unit, 1)
            total += float(head or 1) * mult
    if rest:
        total += float(rest)
    return total


def quantities(stext: str, base: int) -> list[Quantity]:
    """Counted numbers with their units; times of day, dates and ages are not quantities."""
    out: list[Quantity] = []
    for m in QUANTITY.finditer(stext):
        unit = m.group("unit") or m.group("unit2")
        start, end = m.span()
        while start < end and stext[start] == " ":
            start += 1
        before = stext[max(0, start - 4) : start]
        if unit == "분" and re.search(r"시\s*$", before):
            continue  # "6시 30분": a time of day
        if unit == "분" and re.search(r"\d\s*시\s*$", stext[max(0, start - 6) : start]):
            continue
        if unit in ("주", "배", "원", "달러") and not re.search(r"\d", m.group(0)):
            continue
        if unit == "대" and re.fullmatch(r"\d0", (m.group("n") or "").strip()):
            continue  # "20대": people in their twenties, not twenty vehicles
        if m.group("n") is not None:
            value = korean_number(m.group("n"))
            if value is None:
                continue
            yeo = bool(m.group("yeo"))
            pre, post = (m.group("pre2") or "").strip(), (m.group("post2") or "").strip()
            low = high = value
            approx = yeo or pre == "약" or post in ("가량", "안팎", "정도", "쯤", "내외")
            if yeo or post in ("이상", "넘게", "넘는", "넘어", "초과") or pre == "최소":
                high = None
            if post in ("이하", "미만") or pre == "최대":
                low = None
            if approx and not yeo:
                low = high = None
        else:
            a, b = korean_number(m.group("a") or ""), korean_number(m.group("b") or "")
            if a is None or b is None:
                continue
            if not re.search(r"[만천백]", m.group("a")) and re.search(r"[만천백]", m.group("b")):
                a *= _scale(m.group("b"))  # "8~10만명": both ends in 만
            value, low, high, approx = None, a, b, True
        unit_name = _UNIT_NAMES.get(unit, unit)
        out.append(sentence_quantity(stext, base, (start, end), (value, low, high), approx, unit_name))
    return out


def _scale(written: str) -> float:
    for unit, mult in (("만", 10_000), ("천", 1_000), ("백", 100)):
        if written.rstrip().endswith(unit):
            return mult
    return 1


_WEEKDAYS = "월화수목금토일"
_TIME = re.compile(
    r"(?P<ymd>(?P<y>\d{4})년\s*(?P<m>\d{1,2})월\s*(?P<d>\d{1,2})일)"
    r"|(?P<md>(?P<m2>\d{1,2})월\s*(?P<d2>\d{1,2})일)"
    r"|(?<![\d월.])(?P<day>\d{1,2})일(?!간|째|\s*동안|부터\s*\d)"
    r"|(?P<word>이날|오늘|어제|전날|그제|내일|지난달|지난해|작년|올해|지난주)"
    r"|(?:지난\s*)(?P<wd>[월화수목금토일])요일"
)


def times(stext: str, base: int, published: date | None) -> list[TimeExpr]:
    """Dates written in Korean, resolved against the publication date."""
    out = []
    for m in _TIME.finditer(stext):
        s, e = base + m.start(), base + m.end()
        text = stext[m.start() : m.end()]
        when: date | None = None
        if m.group("ymd"):
            when = _date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        elif m.group("md"):
            month, day = int(m.group("m2")), int(m.group("d2"))
            if published is not None:
                year = published.year - (1 if (month, day) > (published.month, published.day) else 0)
                when = _date(year, month, day)
        elif m.group("day"):
            when = as_of(published, int(m.group("day")))
        elif m.group("wd") and published is not None:
            back = (published.weekday() - _WEEKDAYS.index(m.group("wd"))) % 7 or 7
            when = published - timedelta(days=back)
        elif m.group("word") and published is not None:
            word = m.group("word")
            if word in ("이날", "오늘"):
                when = published
            elif word in ("어제", "전날"):
                when = published - timedelta(days=1)
            elif word == "그제":
                when = published - timedelta(days=2)
            elif word == "내일":
                when = published + timedelta(days=1)
            else:
                resolved = {
                    "지난달": month_before(published),
                    "지난해": str(published.year - 1),
                    "작년": str(published.year - 1),
                    "올해": str(published.year),
                    "지난주": None,
                }[word]
                gran = "month" if word == "지난달" else "year"
                out.append(TimeExpr(s, e, text, resolved, gran if resolved else "unresolved"))
                continue
        out.append(time_expr(stext, m.start(), m.end(), when))
        out[-1].start, out[-1].end = s, e
    return out


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
