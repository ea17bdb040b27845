"""Who a Russian or Ukrainian construction names as its source: the subject of a reporting verb,
the office behind "в МЧС заявили", the person after an inverted quotation, and the name each
resolves by (in the nominative, a person's whole name where the named entities gave one).

Split out of :mod:`.cyrillic` (issue 17) as the mixin :class:`Speakers`, which the sentence
finders (:mod:`.cyrillic_finders`) and the reader (:class:`.cyrillic.Cyrillic`) build on; the
reader supplies ``lex``, ``code``, ``names``, ``known`` and ``pronouns``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .common import Hop, Range
from .cyrillic_agreement import agreeing, agrees_with_title, in_gender, noun_cases
from .cyrillic_lexicon import Lexicon, morph, nominative
from .cyrillic_offices import abbreviation, correspondents_outlet, named_office, quoted_title
from .cyrillic_tokens import QUOTES, Tok, citing_words, closing_quote, tokens

#: where a statement was posted or aired: a channel, a site, a programme, never its source
_PLATFORM = re.compile(
    r"telegram|телеграм|канал|facebook|фейсбук|twitter|твиттер|твіттер|youtube|instagram|сайт|соцсет"
    r"|соцмереж|эфир|ефір",
    re.IGNORECASE,
)

#: a lower-case letter, then a capital: two words of a name written together ("ІгорТерехов")
_GLUED = re.compile(r"[а-яёіїєґ][А-ЯЁІЇЄҐ]")
#: parts of speech that end a source phrase
_ENDS_SOURCE = ("VERB", "INFN", "PREP", "CONJ", "ADVB", "PRCL", "ADJS", "PRTS", "GRND", "FUNC")


def _first_name(code: str, t: Tok) -> bool:
    """Whether a capitalised word is a first name ("Дмитрий", "Олена")."""
    return t.cap and "Name" in str(morph(code).parse(t.text.lower())[0].tag)


#: a word in Latin letters: a name in a Cyrillic sentence ("Baza", "Reuters")
_LATIN = re.compile(r"[A-Za-z]")


def _abbreviation(t: Tok) -> bool:
    """An abbreviation the dictionary does not know ("СКР"): capitals only, two letters at least."""
    return len(t.text) > 1 and t.text.isupper() and t.pos is None


def _named_channel(clause: list[Tok], i: int) -> bool:
    """ "Telegram-канал «112» сообщает": a channel in the nominative with its name in quotation
    marks is who says it, not where."""
    return clause[i].case == "nomn" and i + 1 < len(clause) and clause[i + 1].text in '«„“"'


def _closes_name(src: list[Tok]) -> bool:
    """Whether the phrase ends with the mark closing a quoted name it holds ("РИА «Новости»")."""
    return src[-1].text in '»“”"' and not src[0].punct and any(t.text in '«„“"' for t in src[1:-1])


#: prepositions whose object (a common noun) is never the subject of a reporting verb
_PREPOSITIONS = frozenset(
    """после перед до около во в на по при через без для из от с со к над под между среди о об обо про
    після перед до біля в у на по при через без для з із зі від к над під між серед""".split()  # noqa: SIM905
)

#: common nouns of places, which a locative before a plural verb is not an office in ("в городе
#: заявили" names nobody)
_PLACES = frozenset(
    """город район регион область село место страна мир столица результат время день связь
    місто регіон країна світ місце столиця результат час день зв'язок""".split()  # noqa: SIM905
)

#: relative pronouns, which open a clause and are never part of its subject
_RELATIVES = frozenset({"который", "какой", "чей", "який", "чий"})

#: bodies named with their remit after a preposition ("служба з надзвичайних ситуацій",
#: "комитет по делам …")
_BODIES = frozenset(
    """служба комітет комісія агентство управління департамент
    служба комитет комиссия агентство управление департамент""".split()  # noqa: SIM905
)

#: anonymous informants, whose source phrase goes on with where they sit ("источник в полиции")
_INFORMANTS = frozenset({"источник", "джерело", "собеседник", "співрозмовник"})


class Speakers:
    """The reader's ways of finding and naming a source phrase."""

    lex: Lexicon
    code: str
    names: Callable[[str], list[tuple[int, int, str, str]]]
    known: set[str]
    pronouns: frozenset[str] | set[str]
    last_person: Callable[[str], str | None]

    def _source(self, src: list[Tok], stext: str, base: int) -> tuple[Range | None, str | None, list[Hop]]:
        """The source phrase's range and name, and the origin after "со ссылкой на" within it."""
        hops: list[Hop] = []
        for n in range(len(src) - 2):
            size = citing_words(self.lex, src, n)
            if size:
                rest = src[n + size :]
                if rest:
                    r = (base + rest[0].start, base + rest[-1].end)
                    hops.append(Hop(r, self._name_in(stext, rest[0].start, rest[-1].end), "citing"))
                src = src[:n]
                break
        while src and (src[0].punct or src[0].pos in ("PREP", "CONJ", "ADVB", "FUNC")):
            src = src[1:]
        while src and (src[-1].punct or src[-1].pos in ("PREP", "CONJ", "FUNC")) and not _closes_name(src):
            src = src[:-1]
        if not src:
            return None, None, hops
        phrase = stext[src[0].start : src[-1].end]
        # a person named in the phrase ("глава района Иван Петров") is the source's name
        people = [
            normal
            for a, b, kind, normal in self.names(stext)
            if kind == "PER" and src[0].start <= a and b <= src[-1].end
        ]
        self.known.update(people)
        name = people[-1] if people else quoted_title(src, stext) or self.normal_name(phrase)
        name = (None if people else correspondents_outlet(self.code, src, stext)) or name
        return (base + src[0].start, base + src[-1].end), name, hops

    def _quoted_name(self, toks: list[Tok], src: list[Tok], right: int) -> list[Tok]:
        """ "сообщила газета «Известия»", "повідомляє портал "Коментарі"": a common noun alone,
        then a name in quotation marks closing the sentence; the name is who (empty: none)."""
        if len(src) != 1 or src[0].cap or src[0].pos != "NOUN" or right >= len(toks) - 2:
            return []
        if toks[right].text not in '«"„“' or src[0].end > toks[right].start - 1:
            return []
        close = next((x for x in range(right + 2, min(len(toks), right + 8)) if toks[x].text in '»"“”'), None)
        if close is None or any(t.punct for t in toks[right + 1 : close]):
            return []
        if any(not t.punct for t in toks[close + 1 :]):
            return []  # the sentence goes on: the quotation is not a name
        if src[0].lemma in self.lex.person_titles or toks[right + 1].case not in ("nomn", None):
            return []  # "главарь «Вагнера»": whose, not a name in apposition
        return toks[right + 1 : close]

    def _person_after(self, after: list[Tok], found: list[Tok], stext: str) -> list[Tok]:
        """ "– прокоментував удар керівник Офісу Андрій Єрмак": the verb's object came first; the
        source is the person named after it, with the title words before the name (back to a
        preposition's object)."""
        if not found or not after:
            return []
        people = [
            (a, b)
            for a, b, kind, _n in self.names(stext)
            if kind == "PER" and after[0].start <= a and b <= after[-1].end
        ]
        if not people or any(found[0].start <= a and b <= found[-1].end for a, b in people):
            return []
        a, b = people[0]
        idx = [n for n, t in enumerate(after) if a <= t.start and t.end <= b]
        if not idx:
            return []
        first, last = idx[0], idx[-1]
        while first > 0 and after[first - 1].pos in ("NOUN", "ADJF", None) and not after[first - 1].punct:
            if first > 1 and after[first - 2].text.lower() in _PREPOSITIONS:
                break  # "удар по Чернігову": the object of a preposition is not the title
            first -= 1
        if first == 0:
            return []  # nothing came before the title: the subject found was right
        return after[first : last + 1]

    def _title_after_object(self, found: list[Tok]) -> list[Tok]:
        """ "«…», — прокоментував дії російських військ президент": the verb's object came first and
        the speaker is a title alone after it. The phrase found after the verb then opens with a
        common noun that is no title and holds, after a word in the genitive (the object's own
        modifier), a title in the nominative: the title and the words after it are the speaker
        (empty: the phrase is one). A name after the title is :meth:`_person_after`'s case."""
        if len(found) < 2 or found[0].cap or self._is_title(found[0]):
            return []
        for n in range(1, len(found)):
            t = found[n]
            if self._is_title(t) and t.case in ("nomn", None) and self._genitive(found[n - 1]):
                return found[n:]
        return []

    def _is_title(self, t: Tok) -> bool:
        """A noun that names a person by office ("голова", "министр", "президент")."""
        heads = ("президент", "президентка")
        return t.pos == "NOUN" and (t.lemma in self.lex.person_titles or t.lemma in heads)

    def _where_first(self, toks: list[Tok], j: int) -> int:
        """ "Як зазначив у своєму відеозверненні президент …": after "как/як" and a verb, where it
        was said comes before who said it; the first word of the source after it. So does to whom
        it was said: "Как сказала журналистам соседка Мария" (a common noun in the dative)."""
        first = toks[j]
        to_whom = first.pos == "NOUN" and first.case == "datv" and not first.cap
        lead = self._adverbials(toks[j:]) if first.text.lower() in ("в", "во", "у", "на") or to_whom else 0
        return j + lead if lead and toks[j + lead].case == "nomn" else j

    def _adverbials(self, after: list[Tok]) -> int:
        """How many words after a verb tell where and when it was said before who said it:
        "сообщил в своем Telegram-канале глава региона", "заявив на брифінгу 8 липня міністр",
        "сообщил 25 января на брифинге глава МЧС", "заявил журналистам пресс-секретарь". A place
        is a preposition and the words after it that are not in the nominative (the subject is); a
        day is a number and a month; to whom, a common noun in the dative."""
        lead = 0
        while lead < len(after) - 1:
            t = after[lead]
            if t.text.lower() in ("в", "во", "у", "на"):
                n = lead + 1
                while n < len(after) - 1 and after[n].case in ("loct", "ablt", "gent", "datv"):
                    n += 1
                if n == lead + 1:
                    break
                lead = n
            elif t.text.isdigit() and after[lead + 1].text.lower().startswith(tuple(self.lex.months)):
                lead += 2
            elif t.pos == "NOUN" and t.case == "datv" and not t.cap:
                lead += 1  # "заявил журналистам на брифинге пресс-секретарь": to whom
            elif t.pos == "ADVB" and not t.cap:
                lead += 1  # "повідомив увечері 5 жовтня начальник": when
            else:
                break
        if not lead or after[lead].case != "nomn":
            # nobody in the nominative after them: "повідомили у МВС України" (the office is who;
            # "у" and the words in the locative after it are skipped, and it is found again)
            lead = 0
            if after[0].text.lower() in ("в", "во", "у") and len(after) >= 2:
                lead = 1
                while lead < len(after) - 1 and after[lead].case in ("loct", "ablt"):
                    lead += 1
        return lead

    def _office(self, before: list[Tok], verb: Tok) -> tuple[list[Tok], list[Tok], str] | None:
        """ "В пресс-службе правительства сообщили, что …", "У Повітряних силах попередили …": a
        plural verb with no subject, after the office it was said in (a common noun in the
        locative, with its adjectives and genitives). The words left before the verb are whom it
        was told ("журналистам ТАСС"), a relay when they name one."""
        lead = 0  # "Позже в администрации рассказали": an adverb first
        while (
            lead < len(before)
            and before[lead].pos in ("ADVB", "COMP", "FUNC", "CONJ", "PRCL")
            and (before[lead].text.lower() not in ("в", "во", "у"))
        ):
            lead += 1
        before = before[lead:]
        if len(before) < 2 or before[0].text.lower() not in ("в", "во", "у"):
            return None
        if morph(self.code).parse(verb.text.lower())[0].tag.number != "plur":
            return None
        n = 1
        while n < len(before) and before[n].pos in ("ADJF", "PRTF"):
            n += 1
        if n + 1 < len(before) and _PLATFORM.search(before[n].text) and self._genitive(before[n + 1]):
            # "у Telegram-каналі обласної ради пишуть": the channel's owner (a genitive) said it
            end = n + 1
            while end < len(before) and self._genitive(before[end]) and (end == n + 1 or not before[end].cap):
                end += 1
            return before[n + 1 : end], [], "gent"
        if n >= len(before) or before[n].pos != "NOUN":
            return None
        head = before[n]
        named = head.cap and named_office(self.code, head)  # "В Минобороны РФ сообщили", "В Кремле"
        if head.cap and not named:
            return None  # "В Москве сообщили": a place, no office
        if head.lemma in _PLACES or not (
            any(
                p.tag.case in ("loct", "loc2") or "Fixd" in p.tag
                for p in morph(self.code).parse(head.text.lower())
            )
        ):
            return None
        end = n + 1
        while end < len(before) and (not before[end].cap or named) and self._genitive(before[end]):
            end += 1  # "пресс-службе правительства региона", "Минобороны РФ"
        if not named and end < len(before) and abbreviation(before[end].text):
            end += 1  # "у міністерстві оборони РФ", "в пресс-службе МВД": whose office
        told = [t for t in before[end:] if t.cap]
        # "У міській раді також повідомили": an adverb between is no one told
        between = [t for t in before[end:] if t.pos not in ("ADVB", "FUNC", "PRCL", "CONJ")]
        if between and not told:
            return None  # "в пресс-службе в среду сообщили": not told anyone, a time between
        return before[1:end], told, "loct"

    def _genitive_name(self, word: str) -> str:
        """A quoted name after "по данным" is in the genitive singular: "Базы" → "База"."""
        for p in morph(self.code).parse(word.lower())[:4]:
            if p.tag.POS == "NOUN" and p.tag.case == "gent" and p.tag.number == "sing":
                form = p.inflect({"nomn"})
                if form is not None:
                    return form.word[:1].upper() + form.word[1:] if word[:1].isupper() else form.word
        return word

    def _genitive(self, t: Tok) -> bool:
        """Whether a word can be a genitive of a noun phrase ("правительства", "региона")."""
        return t.pos in ("NOUN", "ADJF", "PRTF") and any(
            p.tag.case == "gent" for p in morph(self.code).parse(t.text.lower())[:4]
        )

    def _new_subject(self, t: Tok) -> bool:
        """A common noun that cannot be in the genitive: after "за даними X" / "по данным X" (whose
        X is a genitive) it opens what is told, not more of the name; one in the locative is the
        object of a preposition ("Як зазначили у міністерстві")."""
        if t.pos != "NOUN" or t.cap or self._genitive(t):
            return False
        return any(p.tag.case == "nomn" for p in morph(self.code).parse(t.text.lower())[:4])

    @staticmethod
    def _modified(t: Tok) -> bool:
        """Whether a word is an adjective or participle in the nominative ("местная", "перший"):
        the noun after it is the head of its phrase."""
        return t.pos in ("ADJF", "PRTF") and t.case in ("nomn", None)

    def _office_name(self, place: list[Tok], case: str = "loct") -> str:
        """The office's phrase in the nominative: "оперативных службах" → "оперативные службы",
        "городской администрации" → "городская администрация" (its genitives kept)."""
        out = []
        head_seen = False
        gender = None  # the adjectives' gender, which the head noun agrees with ("міській раді": рада)
        for t in place:
            word = t.text
            if not head_seen and t.pos in ("ADJF", "PRTF", "NOUN") and not t.text.isupper():
                parses = morph(self.code).parse(t.text.lower())
                agree = [q for q in parses if q.tag.case == case and gender in (None, q.tag.gender)]
                p = next(iter(agree), None) or next((q for q in parses if q.tag.case == case), parses[0])
                if t.pos != "NOUN" and p.tag.number != "plur":
                    gender = p.tag.gender
                form = p.inflect({"nomn"})
                if t.pos == "NOUN" and p.tag.number is None and self.code == "uk":
                    form = p  # uk tags no singular: "відділі" would inflect to the plural "відділи"
                    word = p.normal_form if not t.cap else p.normal_form[:1].upper() + p.normal_form[1:]
                elif form is not None:
                    word = form.word if not t.cap else form.word[:1].upper() + form.word[1:]
                head_seen = t.pos == "NOUN"
            out.append(word)
        return " ".join(out)

    def _citing_anywhere(self, toks: list[Tok], stext: str, base: int, content: Range) -> list[Hop]:
        for i in range(len(toks)):
            if toks[i].start >= content[0] and toks[i].start < content[1]:
                continue
            n = citing_words(self.lex, toks, i)
            if n:
                j = i + n
                k = j
                while k < len(toks) and not toks[k].punct:
                    k += 1
                if k > j:
                    r = (base + toks[j].start, base + toks[k - 1].end)
                    return [Hop(r, self._name_in(stext, toks[j].start, toks[k - 1].end), "citing")]
        return []

    def _subject(self, clause: list[Tok], leading: bool = False) -> list[Tok]:
        """The source phrase in a clause: from a nominative noun (or a name) with what follows it."""
        head = None
        governed = False  # after a preposition: its object is no subject ("После полуночи …")
        tail = False
        for i, t in enumerate(clause):
            if t.punct:
                continue
            if i > 0 and clause[i - 1].text.isdigit() and t.text.lower().startswith(tuple(self.lex.months)):
                continue  # "Об этом 11 мая сообщил X": a day and its month tell when, never who
            if t.pos in ("ADVB", "COMP", "PRED", "CONJ", "PRCL", "INTJ", "PREP", "FUNC"):
                if leading:
                    return []
                governed = t.text.lower() in _PREPOSITIONS
                continue
            if _PLATFORM.search(t.text) and not _named_channel(clause, i):
                continue  # "в своем Telegram-канале": where it was said, never who
            if governed and t.pos == "NOUN" and not t.cap:
                governed = False
                tail = True  # and the genitives after it ("По итогам совещания министр …")
                continue
            if governed and t.pos not in ("ADJF", "PRTF", "NUMR"):
                governed = False  # "Об этом …", "Про це …": the pronoun was the object
            if tail and t.pos == "NOUN" and not t.cap and self._genitive(t):
                continue
            tail = False
            title = t.pos == "NOUN" and t.case is None and t.lemma in self.lex.titles  # uk "глава"
            if (
                (t.pos == "NOUN" and t.case == "nomn")
                or title
                or (t.pos == "NPRO" and t.lemma in self.pronouns)
            ):
                head = i
                break
            if t.cap and t.pos in ("NOUN", None) and (i > 0 or _LATIN.match(t.text) or _abbreviation(t)):
                # a name; first in the clause, one in Latin letters ("Baza пишет") or an
                # abbreviation the dictionary does not know ("сообщает СКР", round 13)
                head = i
                break
            if leading and t.pos not in ("ADJF", "NOUN", None, "PRTF"):
                return []
        if head is None:
            return []
        # adjectives before the head belong to it; a relative pronoun does not ("аудиозапись, в
        # которой Пригожин обвинил …": the subject is the name alone)
        start = head
        while (
            start > 0
            and clause[start - 1].pos in ("ADJF", "PRTF")
            and not clause[start - 1].punct
            and clause[start - 1].lemma not in _RELATIVES
        ):
            start -= 1
        end = head + 1
        citing = False
        while end < len(clause):
            t = clause[end]
            if t.text in '«„“"' and end == head + 1 and (close := closing_quote(clause, end)) is not None:
                end = close + 1  # a name in quotation marks after its noun: "РИА «Новости»"
                continue
            if t.punct and t.text not in ("-",):
                break
            if citing and t.pos not in ("VERB",):  # the origin runs to the clause's end
                end += 1
                continue
            if citing_words(self.lex, clause, end):
                citing = True
                end += citing_words(self.lex, clause, end)
                continue
            if (
                t.text.lower() in ("в", "во", "у")
                and clause[head].lemma in _INFORMANTS
                and end + 1 < len(clause)
                and clause[end + 1].pos in ("ADJF", "NOUN", None)
            ):
                end += 1  # "источник в силовых структурах", "джерело в СБУ": where the informant sits
                continue
            if t.text.lower() in ("з", "із", "по") and clause[head].lemma in _BODIES:
                # "Державна служба України з надзвичайних ситуацій", "Служба по чрезвычайным
                # ситуациям": a body's remit is part of its name
                remit = end + 1
                while remit < len(clause) and clause[remit].pos in ("ADJF", "NOUN") and not clause[remit].cap:
                    remit += 1
                if any(x.pos == "NOUN" for x in clause[end + 1 : remit]):
                    end = remit
                    continue
            surname = t.cap and t.pos == "ADJS" and _first_name(self.code, clause[end - 1])
            if t.pos in _ENDS_SOURCE and not surname:
                # "со ссылкой на …": keep the relay's origin with it; a surname after a first name
                # stays, whatever else the dictionary reads in it ("Дмитрий Акулов": "акуловый")
                break
            end += 1
        return clause[start:end]

    def _statement_of(self, stext: str, at: int, base: int) -> tuple[Range | None, str | None]:
        """Whose statement "говорится в сообщении …" names after it: "… городской администрации",
        "… в Telegram-канале администрации главы региона" (the channel is where, not who)."""
        rest = []
        for t in tokens(self.code, stext[at:]):
            if t.punct and t.text not in QUOTES:
                break  # "… міської ради. - Пам'ятаймо": the name ends with its sentence
            if not t.punct:
                rest.append(t)
        n = 0
        if (
            len(rest) > 1
            and rest[0].text.lower() in ("в", "во", "у")
            and re.search(
                r"telegram|телеграм|канал|facebook|фейсбук|сайт|соцсет|соцмереж", rest[1].text, re.IGNORECASE
            )
        ):
            n = 2
        words = []
        for t in rest[n:]:
            if not (t.cap or self._genitive(t)):
                break
            words.append(t)
        if not words or not any(t.pos == "NOUN" or t.cap for t in words):
            return None, None
        a, b = at + words[0].start, at + words[-1].end
        # "в телеграм-канале главы региона Сергея Петрова": a person named in it is whose
        people = [n for x, y, kind, n in self.names(stext) if kind == "PER" and a <= x and y <= b]
        return (base + a, base + b), people[-1] if people else self._office_name(words, "gent")

    def _site_owner(self, src: list[Tok]) -> list[Tok]:
        """ "(по информации) с сайта завода" / "з сайту мережі": the owner of the site or channel
        after it is the source ("завода"); ``src`` itself when it names no platform first."""
        words = [t for t in src if not (t.pos == "FUNC" or t.punct)]
        if len(words) > 1 and _PLATFORM.search(words[0].text) and self._genitive(words[1]):
            return src[src.index(words[1]) :]
        return src

    def _agrees(self, subject: list[Tok], verb: Tok, clause: list[Tok]) -> bool:
        """Whether a subject found before a plural verb can be its subject: a common noun with no
        plural reading ("Гибель 11 шахтеров подтвердили власти") is the object, put first; one
        joined by "и" / "та" to a nominative ("Петров и Иванов заявили") is not judged."""
        parse = morph(self.code).parse
        if "plur" not in parse(verb.text.lower())[0].tag or "past" not in parse(verb.text.lower())[0].tag:
            return True
        head = next((t for t in subject if t.pos == "NOUN" and not t.text.isupper()), None)
        if head is None or any(t.pos == "NPRO" for t in subject):
            return True
        readings = [p for p in parse(head.text.lower()) if p.tag.POS == "NOUN"]
        if not readings or any(p.tag.number == "plur" for p in readings) or not readings[0].is_known:
            return True
        at = next((n for n, t in enumerate(clause) if t is subject[-1]), len(clause))
        joined = clause[at + 1 : at + 3]
        if joined and joined[0].text.lower() in ("и", "та", "і", "й") and len(joined) > 1:
            return joined[1].case == "nomn" or joined[1].cap  # "и троих пожарных": the object's
        return False

    def _name_in(self, stext: str, a: int, b: int) -> str:
        """The name a phrase of the sentence resolves by: a person named in it, else the phrase in
        the nominative ("повідомлення голови ОДА Валентина Резніченка" → Валентин Резніченко)."""
        people = [normal for s, e, kind, normal in self.names(stext) if kind == "PER" and a <= s and e <= b]
        self.known.update(people)
        return people[-1] if people else self.normal_name(stext[a:b])

    def title_of(self, mention: str) -> str | None:
        """The title a source phrase names one person by, when it names nobody ("главарь
        «Вагнера»", "Официальный спикер Кремля", "Глава області"): the first noun's lemma, singular,
        with no person's name in the phrase."""
        words = [t for t in tokens(self.code, mention) if not t.punct]
        head = next((t for t in words if t.pos == "NOUN" or t.lemma in self.lex.person_titles), None)
        if head is None:
            return None
        # the reading that is a title, when the likeliest is not (uk "голови" reads first as a
        # plural-only noun, then as the genitive of "голова")
        readings = morph(self.code).parse(head.text.lower())[:4]
        titled = [p for p in readings if p.normal_form in self.lex.person_titles]
        if head.lemma not in self.lex.person_titles and not titled:
            return None
        parse = titled[0] if titled else morph(self.code).parse(head.text.lower())[0]
        if parse.tag.number == "plur":
            return None
        cases = noun_cases(self.code, head.text)
        for t in words:
            tag = morph(self.code).parse(t.text.lower())[0].tag
            if t.cap and any(g in tag for g in ("Name", "Surn")) and self._agrees_with_title(t.text, cases):
                return None  # a name in the title's case ("Кривого Рогу" after "голова": a town)
            if _GLUED.search(t.text):
                return None  # "ІгорТерехов": a name and a surname a page lost the space between
        return str(parse.normal_form)

    def titled_person(self, title: str, text: str, first: bool = False) -> str | None:
        """The last (or ``first``) person named with ``title`` before them in ``text`` ("Главарь …
        компании «Вагнер» Евгений Пригожин"), their name in the nominative; None when nobody was."""
        found = None
        for para in text.split("\n"):
            if not para.strip():
                continue
            for a, _b, kind, normal in self.names(para):
                if kind != "PER":
                    continue
                # up to ten words between ("віцепрем'єр-міністр з відновлення – міністр розвитку
                # громад та територій Олексій Кулеба": the first title is his too)
                lead = [t for t in tokens(self.code, para[max(0, a - 100) : a]) if not t.punct][-10:]
                if any(t.lemma == title for t in lead):
                    if first:
                        return normal
                    found = normal
        return found

    def lemmas(self, phrase: str) -> set[str]:
        """The lemmas of a phrase's words, to know "глави ОВА" in "Голова ОВА Валентин Резніченко"."""
        return {t.lemma for t in tokens(self.code, phrase) if not t.punct}

    def _agrees_with_title(self, word: str, cases: set[str | None]) -> bool:
        return agrees_with_title(self.code, word, cases)

    def normal_name(self, phrase: str) -> str:
        """The phrase in the nominative: "главы района" → "глава района"; names of people whole.
        A name after a title agrees with it ("главы района Иванова"): a word read as a surname only
        in another case is no name ("голова Ради оборони Кривого Рогу": a town's genitive)."""
        words = phrase.split()
        out = []
        title_cases = noun_cases(self.code, words[0]) if words else set()
        leading = True  # adjectives so far: the head noun after them agrees ("офіційного сайту")
        for n, w in enumerate(words):
            tag = morph(self.code).parse(w.lower())[0].tag
            person = any(g in tag for g in ("Name", "Surn", "Patr"))
            head = n > 0 and leading and ((tag.POS == "NOUN" and not person) or tag.POS == "ADJF")
            leading = leading and tag.POS == "ADJF"
            if (
                n == 0
                or head
                or (
                    w[:1].isupper()
                    and person
                    and tag.case in ("gent", "datv", "ablt", "loct", "accs")
                    and self._agrees_with_title(w, title_cases)
                )
            ):
                if w.isupper() or not w[:1].isalpha():
                    out.append(w)
                    continue
                form = nominative(self.code, w)
                if leading and tag.POS == "ADJF":
                    form = in_gender(self.code, w, words[n + 1 :]) or form
                if head and tag.POS == "NOUN" and words[0][:1].isalpha():
                    form = agreeing(self.code, w, morph(self.code).parse(words[0].lower())[0].tag) or form
                out.append(form)
            else:
                out.append(w)
        return " ".join(out)
