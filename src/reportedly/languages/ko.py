"""Korean: attributed claims from kiwipiepy's morphemes.

Korean reports put the source first, marked by a topic or subject particle, and close the
reported clause with a quotative ending before the reporting verb::

    중대본은 30일 사망자는 154명이라고 밝혔다.          source 은/는 … content 라고 verb
    … 파병됐다고 보고했다고 박선원 의원이 전했다.        content 고 source 이/가 verb (a relay)
    소방당국에 따르면 사망자는 3천여 명으로 추정된다.   according to
    최 서장은 "…"라며 "…"고 말했다.                   two quoted statements, one verb

The reporting verb is found among the morphemes (밝히/VV, 말/NNG+하/XSV …) only when a
quotative ending (다고, 라고, 고/JKQ) or a "것으로" complement comes before it, so 밝히다
in its sense "to find out" is not a cue. A reporting clause inside the content of another
is a deeper hop of the chain. kiwipiepy's model is a package (kiwipiepy-model): nothing is
downloaded. Numbers and dates are read in :mod:`.ko_numbers`.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import Any

from ..model import ClaimKind, Document, Ledger, Quantity, Stance, TimeExpr
from .common import (
    Attribution,
    Hop,
    Range,
    Sentence,
    build_ledger,
    paragraphs_of,
)
from .ko_numbers import QUANTITY, quantities, times

code = "ko"


@lru_cache(maxsize=1)
def kiwi() -> Any:
    """The process's one kiwipiepy analyser (also :mod:`.places`' for place names)."""
    from kiwipiepy import Kiwi

    return Kiwi()


#: reporting verbs (VV lemmas) and their stance
VERBS: dict[str, Stance] = {
    "밝히": Stance.ASSERTED,
    "전하": Stance.ASSERTED,
    "말하": Stance.ASSERTED,
    "알리": Stance.ASSERTED,
    "덧붙이": Stance.ASSERTED,
    "답하": Stance.ASSERTED,
    "털어놓": Stance.ASSERTED,
    "내다보": Stance.EXPECTED,
    "보": Stance.ESTIMATED,  # "…것으로 보고 있다": their reading
}
#: reporting nouns made verbs by 하 (말했다, 설명했다 …) and their stance
NOUNS: dict[str, Stance] = {
    "말": Stance.ASSERTED,
    "설명": Stance.ASSERTED,
    "보고": Stance.ASSERTED,
    "강조": Stance.ASSERTED,
    "발표": Stance.ASSERTED,
    "주장": Stance.ASSERTED,
    "지적": Stance.ASSERTED,
    "언급": Stance.ASSERTED,
    "브리핑": Stance.ASSERTED,
    "당부": Stance.ASSERTED,
    "요청": Stance.ASSERTED,
    "촉구": Stance.ASSERTED,
    "호소": Stance.ASSERTED,
    "공지": Stance.ASSERTED,
    "통보": Stance.ASSERTED,
    "답변": Stance.ASSERTED,
    "증언": Stance.ASSERTED,
    "발언": Stance.ASSERTED,
    "선포": Stance.ASSERTED,  # "…″고 선포했다": proclaimed (the mourning period, in a speech)
    "확인": Stance.CONFIRMED,
    "인정": Stance.CONFIRMED,
    "시인": Stance.CONFIRMED,
    "부인": Stance.DENIED,
    "부정": Stance.DENIED,
    "반박": Stance.DENIED,
    "추정": Stance.ESTIMATED,
    "추산": Stance.ESTIMATED,
    "파악": Stance.ESTIMATED,
    "판단": Stance.ESTIMATED,
    "분석": Stance.ESTIMATED,
    "예상": Stance.EXPECTED,
    "전망": Stance.EXPECTED,
    "예측": Stance.EXPECTED,
    "집계": Stance.REPORTED,
}
#: nouns ending a source: organisations, offices and titles ("소방당국", "중대본", "장관")
AGENT_ENDINGS = (
    "당국", "본부", "부", "청", "처", "원", "실", "국", "관", "장", "의원", "대통령", "총리", "정부",
    "경찰", "소방", "대변인", "관계자", "위원회", "위원", "군", "사령부", "측", "통신", "방송", "신문",
    "매체", "언론", "기관", "당", "센터", "연구소", "협회", "단체", "전문가", "교수", "소식통", "외신",
    "주민", "목격자", "검찰", "법원", "재단", "공사", "공단", "그", "그녀", "이들",
)  # fmt: skip
#: titles after a person's name ("최성범 용산소방서장", "이 장관")
TITLES = (
    "대통령", "총리", "장관", "차관", "청장", "서장", "의원", "대변인", "위원장", "본부장", "국장", "실장",
    "처장", "교수", "대표", "시장", "지사", "소장", "원장", "회장", "사령관", "비서관", "수석", "부장",
    "과장", "팀장", "기자", "씨", "총장", "장", "원내대표", "단장", "대사", "특파원", "소방관", "경찰관",
)  # fmt: skip
_TIME_WORDS = {"이날", "오늘", "어제", "전날", "앞서", "지난", "최근", "당시", "현재", "오전", "오후", "새벽", "밤"}  # fmt: skip  # noqa: E501
_NP_TAGS = {"NNP", "NNG", "NNB", "SL", "SH", "SN", "XSN", "XPN", "NR", "SSO", "SSC", "MM"}
_QUOTATIVE = {"다고", "라고", "냐고", "자고", "고", "이라고", "으라고", "라", "다"}
_QUOTATIVE |= {"며", "면서", "라며", "다며"}  # "…″며 이렇게 말했다"
#: what may stand before a sentence's source ("특히 윤 청장은", "구체적으로 윤 청장은")
_BEFORE_SOURCE = {"SN", "NNB", "SP", "MAG", "MM", "MAJ", "NNG", "XR", "JKB", "XSN"}
#: pronouns that name the last person quoted
PRONOUNS = {"그", "그녀", "그는", "이들"}
_QUOTE_OPEN = "\"“‘'″«"
_QUOTE_CLOSE = "\"”’'″»"


def extract(document: Document) -> Ledger:
    """The claim ledger of a Korean document."""
    return build_ledger(document, Korean())


class Korean:
    code = "ko"

    def sentences(self, document: Document) -> list[Sentence]:
        """Kiwi's sentences within each paragraph, as document offsets."""
        out: list[Sentence] = []
        text = document.text
        for n, (start, end) in enumerate(paragraphs_of(document)):
            open_quote = False
            for s in kiwi().split_into_sents(text[start:end]):
                runs_on = bool(out) and out[-1].paragraph == n and not _closed(text, out[-1].end)
                if (open_quote or runs_on) and out:
                    # a quotation runs on, or kiwi cut where no full stop is: one sentence
                    out[-1].end = start + s.end
                else:
                    out.append(Sentence(start + s.start, start + s.end, n))
                open_quote = _unclosed(text[out[-1].start : out[-1].end])
        return out

    pronouns = PRONOUNS

    def person(self, name: str) -> tuple[str, str | None] | None:
        return person_of(name)

    def full_name(self, surname: str, mention: str, before: str) -> str | None:
        """The full name an earlier sentence gives a surname with a title ("이 장관" → 이상민)."""
        title = mention.split()[-1]
        pattern = (
            rf"(?<![가-힣])({re.escape(surname)}[가-힣]{{1,2}})\s+(?:[가-힣]+\s+)?[가-힣]*{re.escape(title)}"
        )
        found = list(re.finditer(pattern, before))
        return found[-1].group(1) if found else None

    def stance_of(self, sentence: str) -> Stance:
        return content_stance(sentence, Stance.REPORTED)

    def marked(self, sentence: str) -> bool:
        return stance_sentence(sentence)

    def attributions(self, text: str, sent: Sentence) -> list[Attribution]:
        from .ko_acts import act

        found = attributions(text[sent.start : sent.end], sent.start)
        done = None if found else act(text[sent.start : sent.end], sent.start)  # an official's act
        return found or ([done] if done is not None else [])

    def quantities(self, text: str, sent: Sentence) -> list[Quantity]:
        return quantities(text[sent.start : sent.end], sent.start)

    def times(self, text: str, sent: Sentence, published: date | None) -> list[TimeExpr]:
        return times(text[sent.start : sent.end], sent.start, published)


# ------------------------------------------------------------------------------------ attribution


def _closed(text: str, end: int) -> bool:
    """Whether a sentence ending at ``end`` ends with a full stop (or a quote mark after one)."""
    tail = text[:end].rstrip()[-2:]
    return bool(tail) and (tail[-1] in ".?!…。" or (tail[-1] in _QUOTE_CLOSE and tail[:1] in ".?!"))


def _unclosed(sentence: str) -> bool:
    """Whether a quotation opened in the sentence is still open at its end."""
    straight = sentence.count('"') + sentence.count("″")
    curly = sentence.count("“") - sentence.count("”")
    return straight % 2 == 1 or curly > 0


def _cue_at(toks: list[Any], i: int) -> tuple[str, Stance, int] | None:
    """(lemma, stance, index of the last morpheme) when a reporting predicate starts at ``i``."""
    t = toks[i]
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if t.tag == "VV" and t.form in VERBS:
        return t.form, VERBS[t.form], i
    if t.form == "하" and t.tag in ("VV", "XSV") and i > 0:  # "…라고 했다", "…라고도 했다"
        prev = toks[i - 1] if toks[i - 1].form != "도" or i < 2 else toks[i - 2]
        if prev.tag in ("EC", "JKQ") and prev.form in ("라고", "다고", "고", "이라고"):
            return "하", Stance.ASSERTED, i
    if t.tag == "NNG" and t.form in NOUNS and nxt is not None and nxt.tag == "XSV" and nxt.form == "하":
        return t.form, NOUNS[t.form], i + 1
    return None


def _introduced(toks: list[Any], i: int, object_ok: bool = False) -> tuple[int, int] | None:
    """(index of the quotative or complement, index of a source NP's particle or -1) before ``i``.

    Between the quotative and the verb only a source ("… 박선원 의원이 전했다"), adverbs
    and time words may stand.
    """
    j = i - 1
    particle = -1
    while j >= 0:
        t = toks[j]
        if t.tag in ("EC", "JKQ") and t.form in _QUOTATIVE:
            return j, particle
        if t.form == "고" and t.tag == "MM" and j > 0 and toks[j - 1].tag == "EF":  # kiwi: "…했다 고"
            return j, particle
        if t.tag == "JKB" and t.form in ("으로", "로") and j > 0 and toks[j - 1].form in ("것", "수"):
            return j, particle
        if t.tag == "JKO" and object_ok:  # "…보도를 부인했다": what is denied or confirmed
            return j, particle
        if t.form in ("이렇", "이같", "그렇", "같이") or (
            t.form == "게" and j > 0 and toks[j - 1].form in ("이렇", "그렇")
        ):
            j -= 1  # "…″며 이렇게 말했다": thus
            if t.form == "같이" and j >= 0 and toks[j].tag == "NP" and toks[j].form in ("이", "그"):
                j -= 1  # "이같이" read as the pronoun 이 and the particle 같이
            continue
        if t.tag in ("JKS", "JX") and particle == -1:
            particle = j
            j -= 1
            continue
        if t.tag in _NP_TAGS or t.tag in ("MAG", "SP", "JKB", "VCP"):
            j -= 1
            continue
        return None
    return None


def _np_before(toks: list[Any], k: int, floor: int = 0) -> int:
    """Index of the first morpheme of the noun phrase that ends just before ``toks[k]``."""
    j = k - 1
    while j >= floor and toks[j].tag in _NP_TAGS:
        j -= 1
    a = j + 1
    # a date or time before the name is not part of it ("31일 중대본에 따르면")
    while a < k - 1 and (
        toks[a].form in _TIME_WORDS
        or (toks[a].tag == "SN" and toks[a + 1].form in ("일", "시", "분", "월", "년", "시쯤"))
    ):
        a += 1 if toks[a].form in _TIME_WORDS else 2
    return a


def is_agent(phrase: str) -> bool:
    words = phrase.replace("(", " ").replace(")", " ").split()
    if not words:
        return False
    last = words[0] if "(" in phrase else words[-1]
    if any(last.endswith(e) for e in AGENT_ENDINGS) or person_of(phrase) is not None:
        return True
    from ..extract.gazetteer import load_gazetteer

    return load_gazetteer().lookup(clean_name(phrase)) is not None  # "중대본", "합참": known names


def clean_name(phrase: str) -> str:
    """The name a source resolves by: the words before a bracketed short form."""
    return re.sub(r"\s*\([^)]*\)\s*", " ", phrase).strip()


def topic_source(toks: list[Any], end: int, base: int) -> tuple[Range, str, int] | None:
    """The sentence's first topic or subject phrase before morpheme ``end`` when it names an agent.

    Only time words, numbers and adverbs may come before it ("30일 중대본은 …").
    """
    for k in range(end):
        t = toks[k]
        if t.tag in ("JX", "JKS") and t.form in ("은", "는", "이", "가", "도", "께서"):
            a = _np_before(toks, k)
            if a == k:
                return None
            if any(toks[m].tag not in _BEFORE_SOURCE and toks[m].form not in _TIME_WORDS for m in range(a)):
                return None
            while a < k and (toks[a].form in _TIME_WORDS or toks[a].tag in ("SN", "SP")):
                a += 1
                while a < k and toks[a].tag in ("NNB", "SN", "SP"):
                    a += 1
            if a >= k:
                return None
            start, stop = toks[a].start, toks[k - 1].start + toks[k - 1].len
            return (base + start, base + stop), "", k
        if t.tag.startswith("V") or t.tag in ("EC", "EF", "JKQ"):
            return None
    return None


def attributions(stext: str, base: int) -> list[Attribution]:
    """The attributed statements of one sentence (``stext`` starts at document offset ``base``)."""
    toks = kiwi().tokenize(stext)
    found = _according_to(toks, stext, base)
    # the last reporting predicate closes the sentence's main statement
    for i in range(len(toks) - 1, -1, -1):
        cue = _cue_at(toks, i)
        if cue is None:
            continue
        intro = _introduced(toks, i, cue[1] in (Stance.DENIED, Stance.CONFIRMED))
        if intro is None:
            continue
        found += _reported(toks, stext, base, i, cue, intro)
        break
    return found


def _end(t: Any) -> int:
    return t.start + t.len


def _according_to(toks: list[Any], stext: str, base: int) -> list[Attribution]:
    """ "X에 따르면, …": X is the source, the rest of the sentence the content."""
    for k in range(1, len(toks) - 2):
        if toks[k].form == "에" and toks[k + 1].form == "따르" and toks[k + 2].form in ("면", "으면"):
            a = _np_before(toks, k)
            if a == k:
                return []
            source = (base + toks[a].start, base + _end(toks[k - 1]))
            after = _end(toks[k + 2])
            content = (base + after, base + len(stext))
            body = stext[after:]
            return [
                Attribution(
                    cue=(base + toks[k].start, base + _end(toks[k + 2])),
                    lemma="에 따르면",
                    content=[content],
                    stance=content_stance(body, Stance.REPORTED),
                    kind=ClaimKind.ACCORDING_TO,
                    source=source,
                    source_name=clean_name(stext[toks[a].start : _end(toks[k - 1])]),
                )
            ]
    return []


def _reported(
    toks: list[Any], stext: str, base: int, i: int, cue: tuple[str, Stance, int], intro: tuple[int, int]
) -> list[Attribution]:
    lemma, stance, last = cue
    q, particle = intro
    cue_range = (base + toks[i].start, base + _end(toks[last]))
    # the verb's tense and ending belong to the cue ("밝혔다")
    m = last + 1
    while m < len(toks) and toks[m].tag in ("EP", "EF", "EC", "ETM", "VX") and toks[m].form != "며":
        cue_range = (cue_range[0], base + _end(toks[m]))
        if toks[m].tag == "EF":
            break
        m += 1
    source: Range | None = None
    name = None
    inverted = False
    first = 0
    if particle != -1:  # "… 고 박선원 의원이 전했다"
        a = _np_before(toks, particle, q + 1)
        if a < particle:
            source = (base + toks[a].start, base + _end(toks[particle - 1]))
            inverted = True
    if source is None:
        topic = topic_source(toks, q, base)
        if topic is not None and is_agent(stext[topic[0][0] - base : topic[0][1] - base]):
            source, _, first = topic[0], None, topic[2] + 1
    if source is not None:
        name = clean_name(stext[source[0] - base : source[1] - base])
    # content: after the source (and its time words) up to the quotative
    start = toks[first].start if first < len(toks) else 0
    while first < q and (toks[first].form in _TIME_WORDS or toks[first].tag in ("SN", "NNB", "SP")):
        first += 1
        start = toks[first].start
    stop = toks[q].start
    if toks[q].tag == "JKO":  # "…를 부인했다": the object denied
        stop = toks[q].start
    elif toks[q].tag == "JKB" or (q > 0 and toks[q - 1].tag == "VCP"):
        # "…것으로 추정했다" without 것; "149명이라고" without the copula
        stop = toks[q - 1].start
    region = (start, stop)
    hops: list[Hop] = []
    inner = _inner(toks, q, base, stext, first)
    if inner is not None:
        hop, region = inner
        hops.append(hop)
    out = []
    for part, quoted in _statements(stext, region):
        body = stext[part[0] : part[1]]
        part_stance = content_stance(body, stance)
        if part_stance is Stance.ASSERTED and counts(body):
            part_stance = Stance.REPORTED  # an official tally told, not an opinion asserted
        out.append(
            Attribution(
                cue=cue_range,
                lemma=lemma,
                content=[(base + part[0], base + part[1])],
                stance=part_stance,
                kind=ClaimKind.DIRECT if quoted else ClaimKind.INDIRECT,
                source=source,
                source_name=name,
                hops=list(hops),
                negated=part_stance is Stance.DENIED,
                inverted=inverted,
            )
        )
    return out


def _inner(toks: list[Any], q: int, base: int, stext: str, first: int) -> tuple[Hop, Range] | None:
    """A reporting clause inside the content ("국정원이 … 보고했다고"): its source is a deeper hop."""
    for i in range(q - 1, first, -1):
        cue = _cue_at(toks, i)
        if cue is None or toks[i].form in ("보",):
            continue
        intro = _introduced(toks, i)
        if intro is None:
            continue
        iq = intro[0]
        topic = topic_source(toks[first:], iq - first, 0)
        if topic is None:
            continue
        (s, e), _, k = topic
        phrase = stext[s:e]
        if not is_agent(phrase):
            continue
        hop = Hop((base + s, base + e), clean_name(phrase), stext[toks[i].start : _end(toks[cue[2]])])
        return hop, (toks[first + k + 1].start if first + k + 1 < len(toks) else e, toks[iq].start)
    return None


def _statements(stext: str, region: Range) -> list[tuple[Range, bool]]:
    """The statements of a content region: each quotation of '"…"라며 "…"' apart, else the region."""
    a, b = region
    quotes = [
        (m.start() + 1, m.end() - 1)
        for m in re.finditer(rf"[{_QUOTE_OPEN}][^{_QUOTE_CLOSE}]+[{_QUOTE_CLOSE}]", stext[a:b])
    ]
    quotes = [(a + s, a + e) for s, e in quotes if e - s > 3]
    if not quotes:
        # "…인정한다면서 …하겠다고": two statements joined by 면서 / 며
        out, cut = [], a
        for m in re.finditer(r"(?<=[다라])(?:면서|며)\s+", stext[a:b]):
            out.append(((cut, a + m.start()), False))
            cut = a + m.end()
        return [*out, ((cut, b), False)]
    covered = sum(e - s for s, e in quotes) + 4 * len(quotes)
    if covered < 0.5 * (b - a):  # a quoted fragment in a paraphrase: one mixed statement
        return [((a, b), False)]
    # a quotation of several sentences is several statements
    out = []
    for qs, qe in quotes:
        cut = qs
        for m in re.finditer(r"(?<=[다요죠까])[.?!]\s+", stext[qs:qe]):
            out.append(((cut, qs + m.start() + 1), True))
            cut = qs + m.end()
        out.append(((cut, qe), True))
    return out


def content_stance(content: str, stance: Stance) -> Stance:
    """The stance the content's own ending gives ("…것으로 추정된다", "…가능성이 있다")."""
    tail = content.rstrip(" .\"”’″'")[-25:]
    if re.search(r"확인되지\s*않|확인되지 못|알려지지\s*않|밝혀지지\s*않|의문", tail):
        return Stance.UNVERIFIED
    if stance in (Stance.DENIED, Stance.CONFIRMED):
        return stance
    if re.search(r"(?:인정|시인)(?:한다|했다|합니다|했습니다)|확인했다|확인했습니다", tail):
        return Stance.CONFIRMED
    if re.search(r"부인(?:한다|했다)|사실이 아니", tail):
        return Stance.DENIED
    if re.search(r"추정|추산|것으로\s*(?:[가-힣]+\s+)?(?:보인|보여|보고|파악|판단)", tail):
        return Stance.ESTIMATED
    if re.search(
        r"가능성|전망|예상|예정|우려(?!할\s*정도)|겠다|겠습니다|겠다는|겠$|할 것이다|ㄹ 것이다", tail
    ):
        return Stance.EXPECTED
    return stance


#: sentence endings that say how surely an unattributed sentence holds (passives of stance verbs)
_STANCE_ENDING = re.compile(
    r"(?:확인되지\s*않았|추정된|추정됐|예상된|전망된|전망이|가능성(?:이|도)\s*있|집계됐|파악됐|확인됐)"
)


def stance_sentence(sentence: str) -> bool:
    """Whether a sentence nobody is quoted for still marks a claim by its ending ("…것으로 추정된다")."""
    return bool(_STANCE_ENDING.search(sentence.rstrip(" .")[-20:]))


def counts(content: str) -> bool:
    return bool(QUANTITY.search(content))


# ------------------------------------------------------------------------------------ people


def person_of(phrase: str) -> tuple[str, str | None] | None:
    """(name, surname) when the phrase is a person's name with a title ("이상민 행정안전부 장관")."""
    words = clean_name(phrase).split()
    if not words:
        return None
    head = words[0]
    titled = len(words) > 1 and any(words[-1].endswith(t) for t in TITLES)
    if re.fullmatch(r"[가-힣]{2,4}", head) and titled and not _is_org_word(head):
        return head, head[0]
    if re.fullmatch(r"[가-힣]", head) and titled:  # "이 장관", "최 서장": the surname alone
        return head, head
    if len(words) == 1:  # a name with its title written together: "윤희근경찰청장" is rare
        for t in sorted(TITLES, key=len, reverse=True):
            if head.endswith(t) and re.fullmatch(r"[가-힣]{2,3}", head[: -len(t)]) and len(t) >= 2:
                return None
    return None


def _is_org_word(word: str) -> bool:
    return any(word.endswith(e) for e in ("청", "처", "실", "국", "본부", "당국", "정부", "군"))


# ------------------------------------------------------------------------------------ numbers


# ------------------------------------------------------------------------------------ dates
