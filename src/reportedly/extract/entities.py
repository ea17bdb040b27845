"""Source resolution: from a mention in the text to one canonical entity.

Resolution runs in document order, because news refers back: "the newspaper"
means the outlet last named, "he" the person last quoted, "NIS" the alias the
article defined in "the National Intelligence Service, or NIS". Known sources
(countries and their capitals, agencies, outlets) come from a gazetteer file
that users can extend; everything else is typed from spaCy's entity labels and
the words of the description.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..model import Entity, EntityType
from ..nlp import span_text
from .gazetteer import Gazetteer, load_gazetteer, normalise_key, slug
from .lexicon import (
    ANAPHORIC_NOUNS,
    ANONYMITY_MARKERS,
    DEMONYMS,
    GROUP_NOUNS,
    TITLES,
)
from .mentions import (
    RELATIVE_WORDS,
    acronym_of,
    body_behind_figures,
    clean_name,
    guess_type,
    in_passing,
    is_relative_subject,
    issuer,
    relative_antecedent,
    split_conjuncts,
    strip_the,
    titled_name,
    where_a_place_stands,
)
from .pronouns import Genders, Trail
from .roles import contradicts, is_role_mention, role_of, role_words, same_stem, whole_name
from .spans import EntityBounds, mention_span

_DETERMINERS = {
    "the",
    "a",
    "an",
    "both",
    "also",
    "some",
    "several",
    "two",
    "three",
    "four",
    "many",
    "other",
    "another",
    "these",
    "those",
    "this",
    "that",
    "its",
    "their",
    "his",
    "her",
}
_DROP_IN_GROUPS = ANONYMITY_MARKERS | {
    "senior",
    "top",
    "high-ranking",
    "current",
    "unidentified",
    "u.s.-based",
}
#: How far back (characters) a pronoun's antecedent is looked for: farther than any news article's
#: "he said" reaches, and it keeps a quote-dense text of thousands of "she said" linear (issue 18).
PRONOUN_REACH = 20_000
_PRONOUNS_PERSON = {"he", "she", "him", "her"}
_PRONOUNS_PLURAL = {"they", "them"}
_PRONOUNS_THING = {"it"}
_ACRONYM = re.compile(r"(?:,?\s+or\s+|\s*\()([A-Z][A-Z0-9&.-]{1,9})(?=\)|[\s,.;:]|$)")
_NAME_WORD = r"(?:[A-Z][\w’'.&-]*|of|for|on|and|the|de)"
_NAME_BEFORE = re.compile(rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,12}},?$")
#: A second name in brackets after a name: "the Syrian Civil Defence (White Helmets)".
_AKA = re.compile(r"\s\(((?:[A-Z][a-z][\w’'-]*\s+){1,3}[A-Z][a-z][\w’'-]*)\)")
_CONTEXT_ALIASES = {"south": ("korea", "South Korea"), "north": ("korea", "North Korea")}


@dataclass(slots=True)
class Mention:
    """What a source resolved to: one entity, or several for joint sources."""

    entities: list[Entity]


class EntityResolver:
    """Resolves source mentions of one document, in text order."""

    def __init__(self, doc_id: str, text: str, gazetteer: Gazetteer | None = None) -> None:
        self.doc_id = doc_id
        self.text = text
        self.lower_text = text.lower()
        self.gaz = gazetteer or load_gazetteer()
        self.entities: dict[str, Entity] = {}
        self.defined: dict[str, str] = {}  # alias key defined in the text -> entity id
        self.history: list[tuple[int, Entity]] = []  # (offset, entity) for anaphora
        self.candidates: list[tuple[int, str, str]] = []  # (offset, text, NER label), not yet entities
        # the same two lists, searchable by the kind of pronoun an entry can stand for
        self.mentioned: Trail[Entity] = Trail(_MENTION_KINDS)
        self.named: Trail[tuple[str, bool, bool]] = Trail(_NAME_KINDS)  # (NER label, oblique, placed)
        self.spans: dict[int, Span] = {}  # parsed noun phrases of plural candidates, by offset
        self.roles: list[tuple[int, Span, str]] = []  # (offset, person name, role introduced with it)
        self.genders = Genders()  # which of "he" / "she" the text has used for a person

    # --- learning from the text -------------------------------------------------------------
    def learn(self, span: Span, offset: int) -> None:
        """Record alias definitions and antecedents (named entities, subject noun phrases) in a block."""
        for ent in span.ents:
            if ent.label_ in {"PERSON", "ORG", "GPE", "NORP"}:
                placed = ent.label_ == "PERSON" and where_a_place_stands(ent.root)
                self._candidate(offset + ent.start_char, ent.text, ent.label_, in_passing(ent.root), placed)
            # a first name the tagger split from its surname ("Oleksandr" "Prokudin") waits for it
            split = ent.end < len(ent.doc) and ent.doc[ent.end].ent_type_ == "PERSON"
            name = whole_name(ent) if ent.label_ == "PERSON" and not split else None
            role = role_of(name) if name is not None else None
            if name is not None and role:  # "Kremlin spokesman Dmitry Peskov", "Yevhen Ryshchuk, the mayor …"
                self.roles.append((offset + name.start_char, name, role))
        run: list[Token] = []
        ents = EntityBounds(span.doc)  # read once: ``Span.ents`` builds every entity on each read
        for tok in [*span, None]:  # known names the statistical NER missed ("Le Monde")
            if tok is not None and tok.pos_ == "PROPN":
                run.append(tok)
                continue
            if run:
                name = span.doc[run[0].i : run[-1].i + 1]
                if not ents.inside(name.start, name.end) and self.gaz.lookup(name.text):
                    self._candidate(offset + name.start_char, name.text, "ORG")
                run = []
        for tok in span:
            if (
                tok.dep_ in {"nsubj", "nsubjpass"}
                and tok.pos_ in {"NOUN", "PROPN"}
                and tok.tag_ in {"NNS", "NNPS"}
            ):
                np = mention_span(tok)
                self._candidate(offset + np.start_char, np.text, "PLURAL")
                self.spans[offset + np.start_char] = np
        # "the National Intelligence Service, or NIS," / "the International Atomic Energy Agency (IAEA)".
        # Find the short form first, then read the name backwards from it: a single forward regex
        # over runs of capitalised words backtracks exponentially on long title-case text.
        text = span_text(span)
        for m in _ACRONYM.finditer(text):
            window = text[max(0, m.start() - 160) : m.start()]
            name = _NAME_BEFORE.search(window)
            if not name:
                continue
            written = name.group(0).strip()
            start = m.start() - len(window) + name.start()
            # "Marenna’s National Food Security Agency, or NFSA": the owner is not part of the name
            cut = max(written.rfind("’s "), written.rfind("'s "))
            full = written[cut + 3 :] if cut >= 0 else written
            words = full.split()
            while words and not words[0][:1].isupper():
                words = words[1:]
            full, short = re.sub(r"^(?i:the)\s+", "", " ".join(words)), m.group(1).rstrip(".")
            initials = "".join(w[0] for w in re.findall(r"[A-Za-z][A-Za-z0-9’']*", full) if w[0].isupper())
            if not initials or short[0] != initials[0] or not acronym_of(short.replace(".", ""), initials):
                continue
            entity = self._named(full, "ORG", offset + span.start_char + start)
            self.defined[normalise_key(short)] = entity.id
            self.defined[normalise_key(written)] = entity.id
            entity.aliases.append(short)
        # "the Syrian Civil Defence (White Helmets)": the bracketed name is another name of the body,
        # unless it is a name known already (a place, a country: "the Nova Plant (Ukraine)")
        for m in _AKA.finditer(text):
            aka = m.group(1)
            name = _NAME_BEFORE.search(text[max(0, m.start() - 160) : m.start()])
            if (
                not name
                or self.gaz.lookup(aka)
                or any(
                    e.label_ in {"GPE", "LOC"}
                    for e in span.char_span(m.start(1), m.end(1), alignment_mode="expand").ents
                )
            ):
                continue
            words = name.group(0).strip().rstrip(",").split()
            while words and not words[0][:1].isupper():
                words = words[1:]
            full = re.sub(r"^(?i:the)\s+", "", " ".join(words))
            if len(full.split()) < 2:
                continue
            entity = self._named(full, "ORG", offset + span.start_char + m.start() - len(name.group(0)))
            self.defined[normalise_key(aka)] = entity.id
            entity.aliases.append(aka)

    # --- resolution --------------------------------------------------------------------------
    def resolve(self, mention: Span, offset: int) -> list[Entity]:
        """Entities for a source mention (the noun phrase without relative clauses)."""
        at = offset + mention.start_char
        conjuncts = split_conjuncts(mention)
        if len(conjuncts) > 1 and not self._known_whole(mention):
            out: list[Entity] = []
            for c in conjuncts:
                for e in self._resolve_one(c, at):
                    if e not in out:
                        out.append(e)
            return out
        return self._resolve_one(mention, at)

    def _known_whole(self, mention: Span) -> bool:
        """Whether a coordinated mention is one known name ("Turkey's Disaster and Emergency
        Management Authority (AFAD)"): a body whose name holds *and* is not two sources."""
        text = re.sub(r"\s*\([^()]*\)\s*$", "", mention.text)
        return self.gaz.lookup(text) is not None or normalise_key(text) in self.defined

    def resolve_name(self, name: str, at: int = 0) -> Entity:
        """The entity for a name read off the page rather than a parsed mention (a wire credit)."""
        return self._named(name, "ORG", at)

    def _resolve_one(self, mention: Span, at: int) -> list[Entity]:
        body = body_behind_figures(mention)
        if body is not None:  # "the latest statistics from the observatory showed": the observatory speaks
            whole = mention_span(body)  # "data compiled by the FBI and local police": both bodies
            parts = [whole] if self._known_whole(whole) else split_conjuncts(whole)
            found: list[Entity] = []
            for part in parts:
                found += [e for e in self._resolve_one(part, at) if e not in found]
            return found
        text = mention.text.strip()
        # "the National Intelligence Service, or NIS": the name is before the alias
        m = re.match(r"^(.+?)(?:,?\s+or\s+|\s*\()[A-Z][A-Z0-9&.-]{1,9}\)?$", text)
        if m:
            text = m.group(1)
            mention = (
                mention.doc.char_span(
                    mention.start_char, mention.start_char + len(text), alignment_mode="contract"
                )
                or mention
            )
        key = normalise_key(text)
        words = key.split()
        if not words:
            return []
        first = mention[0].lower_
        # pronouns
        if len(mention) == 1 and first in _PRONOUNS_PERSON | _PRONOUNS_PLURAL | _PRONOUNS_THING:
            ent = self._antecedent_for_pronoun(first, at)
            return [ent] if ent else [self._new(text, EntityType.UNKNOWN, anonymous=True, at=at)]
        if first in {"i", "we", "you", "me", "us"} and len(mention) == 1:
            return []
        if len(mention) == 1 and first in RELATIVE_WORDS:  # "the WHO, which said"; unresolved: no source
            ante = relative_antecedent(mention[0]) if is_relative_subject(mention[0]) else None
            return self._resolve_one(mention_span(ante), at) if ante is not None else []
        # aliases the article defined
        if key in self.defined:
            return [self._touch(self.entities[self.defined[key]], at)]
        # gazetteer (also for "South Korea's spy agency")
        hit = self.gaz.lookup(key)
        if hit:
            return [self._touch(self._canonical(hit[0], hit[1]), at)]
        ctx = _CONTEXT_ALIASES.get(key)
        if ctx and ctx[0] in self.lower_text:
            hit = self.gaz.lookup(ctx[1])
            if hit:
                return [self._touch(self._canonical(hit[0], hit[1]), at)]
        # a role introduced with a name: "the Ukrainian president" after "President Volodymyr Zelensky"
        if is_role_mention(mention):
            ent = self._role_antecedent(mention, at)
            if ent is not None:
                return [ent]
            if mention.root.lower_ not in GROUP_NOUNS:  # an unnamed president, governor: this document's
                return [self._new(clean_name(text), EntityType.PERSON, anonymous=True, at=at)]
        # "Maui County said in a statement …" / "… the brief statement said": who issued it
        if first in {"the", "that", "this"} and (ent := issuer(mention, at, self.history, self.lower_text)):
            return [self._touch(ent, at)]
        # nominal anaphora: "the newspaper", "the agency", "the lawmakers", "the officials"
        if first in {"the", "that", "this", "these", "those"}:
            ent = self._nominal_antecedent(mention, at)
            if ent:
                return [self._touch(ent, at)]
        # a body whose name holds a preposition: "Doctors Without Borders, an aid group"
        if (titled := titled_name(mention)) is not None:
            return [self._named(titled.text, "ORG", at)]
        # people
        person = [e for e in mention.ents if e.label_ == "PERSON"]
        # the name holding the head, or in apposition ("the chief executive, Hana Sato"); a name
        # before a group's head only qualifies it ("a senior Biden administration official")
        holding = [e for e in person if e.start <= mention.root.i < e.end or e.start > mention.root.i]
        if holding or (person and mention.root.lower_ not in GROUP_NOUNS):
            return [self._person(whole_name((holding or person)[-1]), at)]
        if len(mention) == 1 and mention[0].pos_ == "PROPN":
            for _, ent in reversed(self.history):
                if ent.type is EntityType.PERSON and ent.name.split()[-1].lower() == mention[0].lower_:
                    return [self._touch(ent, at)]
            for pos, cand, label in reversed(self.candidates):
                words = cand.split()
                if (
                    pos < at
                    and label == "PERSON"
                    and len(words) > 1
                    and words[-1].lower() == mention[0].lower_
                ):
                    return [self._named(cand, label, at)]
        # possessive descriptions: "Russia's defense ministry" -> resolve the owner for the name
        head = mention.root
        named = any(t.pos_ == "PROPN" and t.ent_type_ == "ORG" for t in mention)  # a person's aide is a group
        if (head.lemma_.lower() in GROUP_NOUNS or head.lower_ in GROUP_NOUNS) and not named:
            return [self._group(mention, at)]
        label = next((e.label_ for e in mention.ents), None)
        if mention.root.pos_ == "PROPN" or label in {"ORG", "GPE", "PERSON", "NORP"}:
            return [self._named(text, label, at)]
        return [self._new(clean_name(text), guess_type(text, label), anonymous=False, at=at)]

    # --- helpers ------------------------------------------------------------------------------
    def _touch(self, entity: Entity, at: int) -> Entity:
        self.history.append((at, entity))
        self.mentioned.add(at, entity)
        return entity

    def _candidate(self, at: int, text: str, label: str, oblique: bool = False, placed: bool = False) -> None:
        self.genders.learn_name(self.text[max(0, at - 6) : at], text) if label == "PERSON" else None
        self.candidates.append((at, text, label))
        self.named.add(at, (label, oblique, placed))

    def _canonical(self, name: str, etype: EntityType) -> Entity:
        eid = slug(name)
        if eid not in self.entities:
            self.entities[eid] = Entity(eid, name, etype, list(self.gaz.aliases.get(name, [])), False)
        return self.entities[eid]

    def _new(self, name: str, etype: EntityType, *, anonymous: bool, at: int) -> Entity:
        name = name.strip() or "unnamed source"
        eid = slug(name) + (f"@{self.doc_id[:8]}" if anonymous else "")
        ent = self.entities.get(eid)
        if ent is None:
            ent = self.entities[eid] = Entity(eid, name, etype, [], anonymous)
        return self._touch(ent, at)

    def _named(self, text: str, label: str | None, at: int) -> Entity:
        name = clean_name(text)
        hit = self.gaz.lookup(name)
        if hit:
            return self._touch(self._canonical(*hit), at)
        ent = self.entities.get(slug(name))
        if ent is None:
            ent = self._new(name, guess_type(name, label), anonymous=False, at=at)
        elif text != name and text not in ent.aliases:
            ent.aliases.append(strip_the(text))
        return self._touch(ent, at)

    def _person(self, span: Span, at: int) -> Entity:
        words = [w for w in span.text.replace("’s", "").replace("'s", "").split() if w.lower() not in TITLES]
        name = " ".join(words) or span.text
        # a surname alone refers to the full name met earlier, as a source or not
        if len(words) == 1:
            for ent in self.entities.values():
                if ent.type is EntityType.PERSON and ent.name.split()[-1] == words[0]:
                    return self._touch(ent, at)
            for pos, cand, label in reversed(self.candidates):
                full = [w for w in cand.split() if w.lower() not in TITLES]
                if pos < at and label == "PERSON" and len(full) > 1 and full[-1] == words[0]:
                    return self._new(" ".join(full), EntityType.PERSON, anonymous=False, at=at)
        return self._new(name, EntityType.PERSON, anonymous=False, at=at)

    def _role_antecedent(self, mention: Span, at: int) -> Entity | None:
        """The person the text introduced with this role, or None.

        Candidates are the people named before with the same role noun; the one
        whose role shares most of the mention's qualifiers wins, the nearest on a
        tie. A qualifier that contradicts the role ("the Russian president" for
        "Ukrainian President …") rules a person out; a qualifier the role lacks
        is accepted only when one person holds that role noun.
        """
        want = role_words(mention.text)
        best: tuple[int, int] | None = None
        found: Span | None = None
        people: set[str] = set()
        for pos, name, role in self.roles:
            if pos >= at:
                continue
            have = role_words(role)
            if have[0] != want[0] or have[2] != want[2] or contradicts(want[1], have[1]):
                continue
            people.add(name.text.split()[-1])
            score = (sum(any(same_stem(w, h) for h in have[1]) for w in want[1]), pos)
            if best is None or score > best:
                best, found = score, name
        if found is not None and best is not None and (best[0] == len(want[1]) or len(people) == 1):
            last = found[-1].text
            for ent in self.entities.values():  # the person as this document already resolved them
                if ent.type is EntityType.PERSON and not ent.anonymous and ent.name.split()[-1] == last:
                    return self._touch(ent, at)
            return self._person(found, at)
        return None

    def _group(self, mention: Span, at: int) -> Entity:
        """Unnamed groups: "unidentified American officials" -> "U.S. officials" (anonymous)."""
        keep: list[str] = []
        root = mention.root
        for tok in mention:
            if tok.i > root.i:
                break
            low = tok.lower_
            if tok.dep_ in {"det", "nummod", "predet", "punct", "poss", "case"} or low in _DETERMINERS:
                continue
            if low in _DROP_IN_GROUPS:
                continue
            keep.append(tok.text)
        phrase = " ".join(keep)
        # unify demonyms ("American officials" -> "U.S. officials")
        for demonym, norm in sorted(DEMONYMS.items(), key=lambda kv: -len(kv[0])):
            phrase = re.sub(rf"(?i)^{re.escape(demonym)}\b", norm, phrase)
        name = phrase or root.text
        # "the officials" / "the U.S. officials" refer to the group met before
        for _, ent in reversed(self.history):
            if ent.anonymous and ent.name.lower() == name.lower():
                return self._touch(ent, at)
        etype = (
            EntityType.OFFICIAL_GROUP
            if root.lemma_.lower()
            in {
                "official",
                "lawmaker",
                "diplomat",
                "legislator",
                "authority",
                "minister",
                "spokesman",
                "spokeswoman",
                "spokesperson",
                "aide",
                "officer",
                "commander",
                "envoy",
                "ambassador",
                "senator",
                "representative",
                "prosecutor",
                "investigator",
                "adviser",
                "advisor",
            }
            else EntityType.UNKNOWN
        )
        return self._new(name, etype, anonymous=True, at=at)

    def _antecedent_for_pronoun(self, pronoun: str, at: int) -> Entity | None:
        """The nearest preceding fitting mention, whether or not it was a source itself.

        The last fitting mention recorded before the pronoun and within reach; then a name
        recorded after it and before the pronoun (within reach too when no mention fits),
        which wins. Both lists are read backwards in the order recorded, as a scan would
        (:class:`Trail`): the first entry out of reach ends the search.
        """
        kind = "person" if pronoun in _PRONOUNS_PERSON else "plural" if pronoun in _PRONOUNS_PLURAL else "it"
        fits, stop = self.genders.fits, self.mentioned.last_below(at - PRONOUN_REACH)
        n = self.mentioned.nearest(kind, at, stop=stop)
        while n >= 0 and not fits(pronoun, self.history[n][1].name):  # "she" after a man named last
            n = self.mentioned.nearest(kind, self.history[n][0], stop=stop)
        best_pos, best = self.history[n] if n >= 0 else (-1, None)
        # a mention found lies within reach, and so does every name after it
        stop = self.named.last_below(at - PRONOUN_REACH) if best is None else -1
        n = self.named.nearest(kind, at, after=best_pos, stop=stop)
        while n >= 0 and not fits(pronoun, self.candidates[n][1]):
            n = self.named.nearest(kind, self.candidates[n][0], after=best_pos, stop=stop)
        if n >= 0:
            pos, text, label = self.candidates[n]
            if label == "PLURAL" and pos in self.spans:
                return self._resolve_one(self.spans[pos], at)[0]
            best = self._named(text, label, at)
        elif best is not None:
            best = self._touch(best, at)
        if isinstance(best, Entity) and best.type is EntityType.PERSON:
            self.genders.note(pronoun, best.name)
        return best

    def _nominal_antecedent(self, mention: Span, at: int) -> Entity | None:
        head = mention.root
        lemma = head.lemma_.lower()
        types = ANAPHORIC_NOUNS.get(lemma)
        # only bare descriptions refer back ("the newspaper", not "the newspaper's editors"); a
        # kind word compounded on the noun keeps it bare ("told the news agency" after "told AFP")
        modifiers = [
            t
            for t in mention
            if t.i != head.i
            and t.dep_ not in {"det", "punct"}
            and not (t.dep_ == "compound" and t.lower_ in _KIND_COMPOUNDS)
        ]
        if types and not modifiers:
            best_pos, best = -1, None
            for pos, ent in reversed(self.history):
                if pos < at and ent.type.value in types:
                    best_pos, best = pos, ent
                    break
            for pos, text, label in reversed(self.candidates):
                if best_pos < pos < at and label in {"ORG", "PERSON", "GPE"}:
                    hit = self.gaz.lookup(text)
                    etype = hit[1] if hit else guess_type(text, label)
                    if etype.value in types:
                        return self._named(text, label, at)
            if best is not None:
                return best
        if lemma in GROUP_NOUNS or head.lower_ in GROUP_NOUNS:
            for _, ent in reversed(self.history):
                same_head = (ent.name.lower().split() or [""])[-1] in {head.lower_, lemma, lemma + "s"}
                if ent.anonymous and same_head and all(m.lower_ in ent.name.lower() for m in modifiers):
                    return ent
        return None

    def all(self) -> list[Entity]:
        """The document's entities; a person carries the roles the text gave them as aliases."""
        for ent in self.entities.values():
            ent.aliases.extend(role for role in self.roles_of(ent) if role not in ent.aliases)
        return list(self.entities.values())

    def roles_of(self, ent: Entity) -> list[str]:
        """The roles the text has given a person so far ("Kremlin spokesman" for Dmitry Peskov),
        before :meth:`all` files them as aliases: the stance rules read a speaker's institution in them."""
        if ent.type is not EntityType.PERSON or ent.anonymous:
            return []
        roles: list[str] = []
        named = ent.name.split()
        for _pos, name, role in self.roles:
            words = [
                w for w in name.text.replace("’s", "").replace("'s", "").split() if w.lower() not in TITLES
            ]
            if (
                words
                and named[-1] == words[-1]
                and (len(named) == 1 or len(words) == 1 or named == words)
                and role not in roles
            ):
                roles.append(role)
        return roles


#: Words that say what kind of body a noun is without narrowing which: "the news agency", "the wire service".
_KIND_COMPOUNDS = frozenset({"news", "wire"})


def _plural(ent: Entity) -> bool:
    return ent.anonymous and ent.name.endswith("s")


#: What each kind of pronoun can stand for: a mention's entity ("he": a person; "they": any
#: other; "it": any other but an unnamed group) and a name's NER label.
_MENTION_KINDS: dict[str, Callable[[Entity], bool]] = {
    "person": lambda ent: ent.type is EntityType.PERSON,
    "plural": lambda ent: ent.type is not EntityType.PERSON,
    "it": lambda ent: ent.type is not EntityType.PERSON and not _plural(ent),
}
_NAME_KINDS: dict[str, Callable[[tuple[str, bool, bool]], bool]] = {
    # "he said" goes on from a person, not from a "person" the tagger found where a place stands
    "person": lambda name: name[0] == "PERSON" and not name[2],
    "plural": lambda name: name[0] in {"PLURAL", "ORG", "NORP"},
    # "It said" goes on from a body that spoke or acted, not from a place, an owner or a
    # reporter named in passing ("contacts in Ukraine", "a Gaza hospital", "seen by Reuters")
    "it": lambda name: name[0] in {"ORG", "GPE"} and not name[1],
}
