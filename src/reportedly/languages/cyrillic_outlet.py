"""The outlet's own voice in Russian and Ukrainian: an event it tells in a sentence with no cue.

"СКР возбудил уголовное дело по факту взрыва в Сергиевом Посаде." "Уголовное дело возбуждено по
статье 217 УК РФ." "Напомним, утром на заводе в Подольске произошел взрыв." A report tells much
of what happened in its own voice, with no source in the sentence and no figure in it. The
English pipeline makes such a sentence a claim of the outlet (``extract/outlet.py``, "an event
the outlet itself tells"): other outlets tell the same event in their own words, and without a
claim a reader could not see that six reports state it. The same test, with the same three
conditions, read here with pymorphy3's tags instead of a parser's:

* a main verb in the past: a finite past ("произошел", "відбувся"), a short passive participle
  ("возбуждено", "объявлена") or a Ukrainian impersonal in -но/-то ("пошкоджено"), outside
  quotation marks, and no reporting verb anywhere outside them (speech the finders did not
  take is not the outlet's);
* no pronoun for a subject ("Он отметил …", "Вони повернулися …" point back at a speaker or a
  thing of the sentence before), and no modal or conditional (a judgement, not an event);
* a name, outside quotation marks or as a short quoted name ("компания «Пиро-Росс»", the
  Cyrillic way of writing a company's name): a capitalised word that is not the sentence's first,
  an abbreviation ("СК", "ЧП", "ДСНС"), or a first word the dictionary knows as a name or a place.
  A body of people as the subject ("Спасатели нашли ребёнка", "Рятувальники ліквідували
  пожежу": a plural animate noun in the nominative) counts as a name: other reports tell what
  the rescuers did. A sentence with neither ("Пострадали и жилые дома") is not checkable by
  anyone else, as in English.

A sentence of fewer than five words is none (a label, a caption).
"""

from __future__ import annotations

import re

from .common import Range
from .cyrillic_lexicon import Lexicon, morph
from .cyrillic_tokens import QUOTES, Tok, quoted_words, tokens

#: words in a sentence that make it a judgement or a hypothesis, not an event told
_MODAL = frozenset(
    """мочь могти можливо возможно бы б би якби если якщо""".split()  # noqa: SIM905
)
#: pronouns that point back at a speaker or a thing of the sentence before
_BACK = frozenset(
    """он она оно они это мы я вы він вона воно вони це ми ви""".split()  # noqa: SIM905
)
#: dictionary tags of a word that names something: a first name, a surname, a place, an organisation
_NAME_TAGS = ("Name", "Surn", "Geox", "Orgn", "Abbr")
_MIN_WORDS = 5


def event_verb(code: str, lex: Lexicon, sentence: str) -> Range | None:
    """The main verb of an event the outlet tells in ``sentence`` (offsets in the sentence), or
    None when the sentence is not one (module docstring)."""
    s = sentence.strip()
    if not s or s[0] in QUOTES or s.endswith("?"):
        return None
    toks = tokens(code, sentence)
    words = [t for t in toks if not t.punct]
    if sum(1 for t in words if t.text[0].isalpha()) < _MIN_WORDS:
        return None
    quoted = quoted_words(toks)
    # "Напомним, …" / "Нагадаємо, …": the outlet's reminder opens the sentence, nobody else speaks
    lead = re.match(r"\s*" + lex.recap, sentence, re.IGNORECASE) if lex.recap else None
    opening = lead.end() if lead else 0
    verb: Tok | None = None
    for n, t in enumerate(toks):
        if quoted[n] or t.punct or t.end <= opening:
            continue
        speech = t.lemma in lex.verbs and not _passive(code, t.text)
        if speech or t.lemma in _MODAL or t.text.lower() in _MODAL:
            return None  # someone says it, or a judgement ("объявлена эвакуация" names no speaker)
        if verb is None and _past(code, t.text):
            if any(x.text.lower() in _BACK for x in toks[:n] if not x.punct):
                return None  # "Он отметил …": a subject pointing back
            verb = t
    if verb is None or not _named(code, toks, quoted):
        return None
    return verb.start, verb.end


def by_group_only(code: str, sentence: str) -> bool:
    """Whether the event's only name is a body of people ("Однако спасатели нашли ребёнка"):
    after a speaker in its paragraph such a sentence may be the speaker's going on (the rescue
    service telling what its rescuers did) as well as the outlet's, so it is left unread there;
    a named actor ("СК возбудил дело") is the outlet's event."""
    toks = tokens(code, sentence)
    quoted = quoted_words(toks)
    return not _named(code, toks, quoted, groups=False)


def _past(code: str, word: str) -> bool:
    """A finite past, a short passive participle or a Ukrainian impersonal (-но/-то): in the
    likeliest reading, or in another when the likeliest is a verb too ("стався" reads first as an
    imperative; "дело" is a noun before it is a past of "деть")."""
    parses = morph(code).parse(word.lower())[:3]
    if not parses or parses[0].tag.POS not in ("VERB", "PRTS"):
        return False
    for p in parses:
        tag = p.tag
        if tag.POS == "VERB" and ("past" in tag or "Impe" in tag):
            return True
        if tag.POS == "PRTS" and "past" in tag:
            return True
    return False


def _passive(code: str, word: str) -> bool:
    """A short passive participle or an impersonal in -но/-то ("объявлена", "оголошено"): what was
    done, with no one speaking."""
    tag = morph(code).parse(word.lower())[0].tag
    return tag.POS == "PRTS" or (tag.POS == "VERB" and "Impe" in tag)


def _named(code: str, toks: list[Tok], quoted: list[bool], groups: bool = True) -> bool:
    """A name in the sentence (module docstring): what makes the event checkable."""
    first = next((n for n, t in enumerate(toks) if not t.punct), None)
    for n, t in enumerate(toks):
        if t.punct or not t.text[0].isalpha():
            continue
        if len(t.text) > 1 and t.text.isupper():
            return True  # an abbreviation, quoted or not: "СК", "УК РФ", "ДСНС"
        if not t.cap:
            continue
        if quoted[n]:
            if n > 0 and toks[n - 1].text in QUOTES and _short_quote(toks, n):
                return True  # «Пиро-Росс», "Укрзалізниця": a company's name
            continue
        if n != first:
            return True
        if any(any(tag in str(p.tag) for tag in _NAME_TAGS) for p in morph(code).parse(t.text.lower())[:2]):
            return True
    return groups and any(not quoted[n] and _group(code, t) for n, t in enumerate(toks))


def _group(code: str, t: Tok) -> bool:
    """A body of people as the subject ("спасатели", "силовики", "рятувальники", "росіяни"): a
    plural animate noun in the nominative, in its likeliest reading. Who they are is as
    checkable as a name: other reports tell what rescuers or the police did."""
    if t.punct or not t.text[0].isalpha():
        return False
    tag = morph(code).parse(t.text.lower())[0].tag
    return tag.POS == "NOUN" and "anim" in tag and tag.number == "plur" and tag.case == "nomn"


def _short_quote(toks: list[Tok], n: int) -> bool:
    """Whether the quotation opening before ``toks[n]`` closes within three words."""
    return any(toks[k].text in QUOTES for k in range(n, min(len(toks), n + 4)))
