"""Russian and Ukrainian numbers and dates: ``более 1 200 человек``, ``2,5 тыс.``, ``в понедельник``.

Read from one sentence at a time (``base`` is its offset in the text) for the reader in
:mod:`.cyrillic`; the words that differ between the two languages come in its ``Lexicon``,
and dates are resolved against the publication date.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..model import Quantity, TimeExpr
from .common import as_of, month_before, sentence_quantity
from .cyrillic_lexicon import Lexicon, morph, parse_word

#: a number "до" follows is reached, not a bound ("выросло до 46", "зросла до 36")
_ROSE = r"(?:вырос|возрос|увеличил|достиг|зрос|збільшил|сягну|досяг)\w*\s*$"
_NUM = r"\d{1,3}(?:[ \u00a0]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"


#: words before a number that make it a label: an article, part or item of a law
_LABEL = re.compile(
    r"(?:(?<![\w.])(?<!т\.\s)(?<!т\.)(?:ст|ч|п|пп)\.|(?<!\w)(?:стать\w*|статт\w*|част\w*|пункт\w*))\s*$",
    re.IGNORECASE,
)

#: after a number, a time of day: "11 часов утра", "11 часов сегодня", "6 утра", "9 годині ранку",
#: "16 часов по местному времени" (the hour, not a count of hours)
_CLOCK_AFTER = re.compile(
    r"\s*(?:(?:час(?:а|ов)?|годин[іиау]?)\s+)?(?:утра|дня|вечера|ночи|ранку|вечора|ночі"
    r"|(?<=\w\s)(?:сегодня|сьогодні)|по (?:местному|московскому|москве)|за (?:місцевим|київським))\b",
    re.IGNORECASE,
)


#: a case ending after the digits before a noun of people ("поранення 44-х людей", "52-х пострадавших")
_CASE_ENDING = re.compile(
    r"-х\s+(?:люд|челов|чолов|осіб|особ|дит|дет|пострад|постраж|поранен|ранен|загибл|погибш|жертв|громадян|гражд)"
)


def _counted_case(digits: str, after: str) -> bool:
    """ "44-х людей", "зросла до 24-х": a case ending on a count. A decade is a multiple of ten
    ("90-х", "2010-х"), and "-х лет/років" an age or a span; any other number with "-х" is a count."""
    if _CASE_ENDING.match(after):
        return True
    if not after.startswith("-х") or re.match(r"-х\s+(?:лет|год|рок|рік)", after):
        return False
    return digits.isdigit() and int(digits) % 10 != 0


def _value(digits: str) -> float | None:
    d = digits.replace("\u00a0", " ")
    if re.fullmatch(r"\d{1,3}(?: \d{3})+(?:[.,]\d+)?", d):
        d = d.replace(" ", "")
    d = d.replace(",", ".")
    try:
        return float(d)
    except ValueError:
        return None


_PATTERNS: dict[str, re.Pattern[str]] = {}


def _quantity_re(lex: Lexicon) -> re.Pattern[str]:
    if lex.code not in _PATTERNS:
        _PATTERNS[lex.code] = _build_quantity_re(lex)
    return _PATTERNS[lex.code]


def _build_quantity_re(lex: Lexicon) -> re.Pattern[str]:
    mods = sorted((*lex.more, *lex.less, *lex.about), key=len, reverse=True)
    mod = "|".join(re.escape(m) for m in mods)
    mult = "|".join(
        re.escape(m) for m in sorted((*lex.thousands, *lex.millions, *lex.billions), key=len, reverse=True)
    )
    return re.compile(
        rf"(?<![\w.,:])(?:(?P<mod>{mod})\s+)?"
        rf"(?:(?:от|від)\s+)?(?P<a>{_NUM})(?:\s*(?:[-–—]|до)\s*(?P<b>{_NUM}))?"
        rf"(?:\s*(?P<mult>{mult})(?![\w]))?"
        rf"(?P<pct>\s*%)?"
        rf"|(?<![\w'’‘ʼ])(?:(?P<mod2>{mod})\s+)?(?P<word>{_LETTERS})(?![\w])(?:(?=\s+(?P<wmult>{_LETTERS})))?",
        re.IGNORECASE,
    )


#: a Cyrillic word, its apostrophe included ("дев'ятеро", "п‘ятеро"); number words are told by
#: their lemma, so every case is read ("трьома", "тремя", "трьох сотень")
_LETTERS = r"[а-яёіїєґ]+(?:['’‘ʼ][а-яёіїєґ]+)?"
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})
#: nouns that multiply the number word before them ("трьох сотень", "двух тысяч"), and that
#: stand for a number alone in the singular ("по миллиону рублей")
_SCALE_NOUNS = {
    "десяток": 10,
    "десятка": 10,  # Ukrainian "два десятки" reads only as "десятка"
    "півсотня": 50,
    "полсотни": 50,
    "сотня": 100,
    "тысяча": 1000,
    "тисяча": 1000,
    "миллион": 1_000_000,
    "мільйон": 1_000_000,
    "миллиард": 1_000_000_000,
    "мільярд": 1_000_000_000,
}


def word_value(lex: Lexicon, word: str) -> float | None:
    """The number a word spells in any case ("трьома" 3, "дев'ятеро" 9, "одиннадцать" 11):
    the word as the lexicon lists it, else a numeral whose lemma it lists. "Один"/"одна" stay out
    unless written as listed ("одна из ракет" is no count)."""
    w = word.lower().translate(_APOSTROPHES)
    if w in lex.number_words:
        return float(lex.number_words[w])
    # a numeral among the first readings, not only the first: "дев'яноста" reads first as the
    # ordinal "дев'яностий", yet "близько дев'яноста осіб" is 90
    for p in morph(lex.code).parse(w)[:3]:
        lemma = p.normal_form.translate(_APOSTROPHES)
        if p.tag.POS == "NUMR" and lemma in lex.number_words and lex.number_words[lemma] != 1:
            return float(lex.number_words[lemma])
    return None


#: what names a part of a tally just before it ("включая одного ребенка", "серед них одна дитина")
_PART_OF = re.compile(
    r"(?:включая|в том числе|в т\.\s?ч\.|среди них|среди которых|из них|в тому числі|включно з|серед них"
    r"|серед яких|з них|зокрема)\s*$"
)


#: a death told just before "one of …" ("скончалась", "о смерти", "помер", "загинула")
_DEATH_OF_ONE = re.compile(r"(?:скончал|умер|погиб|смерт|помер|загину|загинул)\w*\s+(?:\w+\s+)?$")
#: "of the injured / the victims": a casualty noun after "one of"
_HURT = re.compile(r"\s+(?:из|з|із)\s+(?:пострадавш|раненых|погибш|жертв|постраждал|поранен|загибл)")


def _one_counted(lex: Lexicon, stext: str, start: int, end: int) -> bool:
    """ "одна дитина", "один человек": "one" in the nominative before a noun in the nominative
    counts (a child among the wounded); so does "one" in any case before a noun naming a part of
    a tally ("включая одного ребенка"); "одна из ракет", "ни одной капли" do not."""
    word = stext[start:end].lower()
    if parse_word(lex.code, word)[0] != "один":
        return False
    if re.search(r"(?:\bни|\bні|\bжодн\w*)\s*$", stext[max(0, start - 8) : start].lower()):
        return False
    nxt = re.match(r"\s+([а-яёіїєґ'’]+)", stext[end:].lower())
    if nxt is None:
        return False
    # the noun's readings, not only the first ("людина" reads first as a possessive adjective)
    parses = morph(lex.code).parse(nxt.group(1))[:4]
    if parses and parses[0].tag.POS in ("PREP", "CONJ", "PRCL"):
        # "один из спасателей": one of several, no count; but a death told of one of the hurt
        # ("скончалась одна из пострадавших", "о смерти одной из раненых") is one death
        return bool(_DEATH_OF_ONE.search(stext[max(0, start - 30) : start].lower())) and bool(
            _HURT.match(stext[end:].lower())
        )
    if re.search(r"(?:\bещ[её]|\bще)\s+$", stext[max(0, start - 6) : start].lower()):
        return True  # "ещё одной погибшей стала …", "ще одна людина": one more, a count in any case
    nouns = [p for p in parses if p.tag.POS == "NOUN"]
    if word in ("один", "одна", "одно", "одне"):
        return any(p.tag.case == "nomn" for p in nouns)
    return bool(nouns) and bool(_PART_OF.search(stext[max(0, start - 24) : start].lower()))


def _scale_readings(lex: Lexicon, word: str) -> tuple[int | None, list]:
    """The multiplier a scale noun stands for and its readings as that noun, from its first four
    readings, not only the first (Ukrainian "десятки" reads first as "десятка", a ten-note)."""
    parses = [p for p in morph(lex.code).parse(word.lower())[:4] if p.normal_form in _SCALE_NOUNS]
    return (_SCALE_NOUNS[parses[0].normal_form], parses) if parses else (None, [])


def _scale(lex: Lexicon, word: str | None) -> int | None:
    """The multiplier a word after a number word stands for ("сотень" 100, "тысяч" 1,000, "два
    десятки" 10)."""
    if not word:
        return None
    return _scale_readings(lex, word)[0]


def _scale_alone(lex: Lexicon, word: str, bounded: bool = False) -> float | None:
    """A singular "миллион" / "тысяча" standing for its number ("по миллиону рублей"); the plural
    ("тысячи людей") is a vague many, not a count, and so are "сотня" and "десяток" alone. After a
    bound or "about" ("близько тисячі", "около тысячи", "понад тисячу", "майже сотня", "понад
    десяток", "близько півсотні"), which govern the genitive, a singular scale noun is its number:
    "тисячі" / "тысячи" is then the genitive singular, one thousand."""
    value, parses = _scale_readings(lex, word)
    if value is None:
        return None
    if bounded and any(p.tag.number != "plur" and p.tag.case in ("nomn", "gent", "accs") for p in parses):
        return float(value)
    if value < 1000 or any(p.tag.number == "plur" for p in parses):
        return None  # "тысячи" reads as a plural too
    return float(value)


def _compound(lex: Lexicon, stext: str, end: int, value: float) -> tuple[float, int]:
    """A number written in several words ("триста двадцять вісім", "сорок два"): each word after
    the first smaller than the place the one before it leaves open adds to it."""
    place = 100 if value >= 100 and value % 100 == 0 else 10 if value >= 20 and value % 10 == 0 else 0
    while place:
        nxt = re.match(rf"\s+({_LETTERS})(?![\w])", stext[end:])
        v = word_value(lex, nxt.group(1)) if nxt else None
        if nxt is None or v is None or v < 1 or v >= place or v != int(v):
            break
        value += v
        end += nxt.end()
        place = 10 if place == 100 and v >= 20 and v % 10 == 0 else 0
    return value, end


def month_words(lex: Lexicon) -> str:
    """A month's name in any case: its stem and at most three letters more ("травня", "листопада",
    "мая"), so a participle that opens with a stem ("219 травмованих", "трав" for травень) is
    no month and its number no date."""
    return rf"(?:{'|'.join(lex.months)})[а-яёіїєґ]{{0,3}}(?![\w'’ʼ])"


def quantities(lex: Lexicon, stext: str, base: int) -> list[Quantity]:
    """Counts and measures: digits (with тыс./млн), number words, bounds and approximations."""
    out: list[Quantity] = []
    months = month_words(lex)
    taken = 0  # where the last quantity ended ("10 тис. 300" runs past its match)
    for m in _quantity_re(lex).finditer(stext):
        start, end = m.span()
        if start < taken:
            continue
        after = stext[end : end + 20].lower()
        before = stext[max(0, start - 3) : start]
        mod = (m.group("mod") or m.group("mod2") or "").lower()
        if m.group("word"):
            word_v = word_value(lex, m.group("word"))
            scale = _scale(lex, m.group("wmult")) if word_v is not None else None
            if word_v is None:
                word_v = _scale_alone(lex, m.group("word"), bounded=bool(mod))
            if word_v is None and _one_counted(lex, stext, start, m.end("word")):
                word_v = 1.0
            if word_v is None:
                continue
            if scale is not None:  # "трьох сотень": the multiplier is part of the number
                end = m.end("wmult")
            elif word_v >= 20:
                word_v, end = _compound(lex, stext, end, word_v)
            a = word_v * (scale or 1)
            low = high = a
            b = None
        else:
            year = re.fullmatch(r"(?:19|20)\d\d", m.group("a") or "")
            if re.match(rf"\s*(?:{months})", after) or (
                year and re.match(r"\s*(?:года?\b|году\b|годом\b|року\b|році\b|рік\b|г\.|гг\.|р\.)", after)
            ):
                continue  # a date or a year ("2023 года"), not "69 годин"
            if re.match(r"[:.]\d", stext[end : end + 2]) or before.endswith(":"):
                continue  # a clock time
            if re.match(r"-?(?:летн|річн|лет\b|х\b|х\s)", after) and not _counted_case(m.group("a"), after):
                continue  # an age, a decade ("90-х"); but "44-х людей" counts people
            if re.match(r"-(?:месячн|місячн|дневн|денн|недельн|тижнев)", after):
                continue  # an age in months, days or weeks ("10-месячного младенца")
            if _CLOCK_AFTER.match(after) and _value(m.group("a") or "") <= 24:
                continue  # a time of day ("около 11 часов утра", "в 6 утра", "о 9 годині ранку")
            if before.rstrip().endswith("№") or _LABEL.search(stext[max(0, start - 12) : start]):
                continue  # a number that names ("ст. 279 УК", "частина 2 статті 438"), no count
            if re.search(r"[A-Za-zА-Яа-яІіЇїЄєҐґ]-$", stext[max(0, start - 4) : start]) and not mod:
                continue  # a model name ("Х-22", "С-300", "Су-34"), not a count
            a = _value(m.group("a")) or 0.0
            b = _value(m.group("b")) if m.group("b") else None
            scale = 1.0
            mult = (m.group("mult") or "").lower()
            if mult:
                scale = 1e3 if mult in lex.thousands else 1e6 if mult in lex.millions else 1e9
            a *= scale
            b = b * scale if b is not None else None
            rest = re.match(r"\s+(\d{1,3})(?![\d.,:])", stext[end:]) if scale == 1e3 and b is None else None
            if rest and not re.match(rf"\s*(?:{months})", stext[end + rest.end() :].lower()):
                a += float(rest.group(1))  # "10 тис. 300 м кв.": 10,300
                end += rest.end()
            low = high = a
        value: float | None = a
        approx = False
        if b is not None:
            value, low, high = None, a, b
        elif mod in lex.more:
            high = None
        elif mod in lex.less and not (
            mod in ("до", "майже до") and re.search(_ROSE, stext[max(0, start - 24) : start].lower())
        ):
            low = None  # "до 15": up to 15; but "выросло до 46" is 46
        elif mod in lex.about:
            approx = True
            low = high = None
        unit_name = "percent" if (not m.group("word") and m.group("pct")) else None
        out.append(sentence_quantity(stext, base, (start, end), (value, low, high), approx, unit_name))
        taken = end
    return out


def times(lex: Lexicon, stext: str, base: int, published: date | None) -> list[TimeExpr]:
    out: list[TimeExpr] = []
    stems = "|".join(lex.months)
    pattern = rf"(?<!\d)(\d{{1,2}})\s+(?=(?:{month_words(lex)}))({stems})\w*(?:\s+(\d{{4}}))?"
    for m in re.finditer(pattern, stext, re.IGNORECASE):
        day, month = int(m.group(1)), lex.months[m.group(2).lower()]
        year = int(m.group(3)) if m.group(3) else None
        when = None
        if year is None and published is not None:
            year = published.year - (1 if (month, day) > (published.month, published.day) else 0)
        if year is not None:
            try:
                when = date(year, month, day)
            except ValueError:
                when = None
        out.append(_expr(stext, base, m.start(), m.end(), when))
    taken = [(t.start - base, t.end - base) for t in out]
    wd = "|".join(lex.weekdays)
    for m in re.finditer(rf"(?<!\w)(?:в|у|во)\s+({wd})\w*", stext, re.IGNORECASE):
        when = None
        if published is not None:
            back = (published.weekday() - lex.weekdays[m.group(1).lower()]) % 7
            when = published - timedelta(days=back)
        out.append(_expr(stext, base, m.start(), m.end(), when))
    words = [(w, 0) for w in lex.today] + [(w, 1) for w in lex.yesterday]
    for w, back in words:
        for m in re.finditer(rf"(?<!\w){w}(?!\w)", stext, re.IGNORECASE):
            if any(a <= m.start() < b for a, b in taken):
                continue
            when = published - timedelta(days=back) if published else None
            out.append(_expr(stext, base, m.start(), m.end(), when))
    for w in lex.last_month:
        for m in re.finditer(rf"(?<!\w){w}(?!\w)", stext, re.IGNORECASE):
            resolved = month_before(published)
            out.append(
                TimeExpr(
                    base + m.start(),
                    base + m.end(),
                    m.group(0),
                    resolved,
                    "month" if resolved else "unresolved",
                )
            )
    for m in re.finditer(r"(?<!\d)(\d{1,2})-?(?:го|е|го числа)?\s+числа", stext):
        out.append(_expr(stext, base, m.start(), m.end(), as_of(published, int(m.group(1)))))
    out.sort(key=lambda t: t.start)
    return out


def _expr(stext: str, base: int, a: int, b: int, when: date | None) -> TimeExpr:
    return TimeExpr(
        base + a, base + b, stext[a:b], when.isoformat() if when else None, "day" if when else "unresolved"
    )
