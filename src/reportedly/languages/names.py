"""Sources of one document in Korean, Russian or Ukrainian, resolved to entities.

Split from :mod:`.common` because name resolution is its own concern: the alias table first,
then earlier mentions in the same document (surnames, titles, offices, pronouns).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..model import Document, Entity, EntityType

if TYPE_CHECKING:
    from .common import Language


class Names:
    """Sources of one document resolved to entities: alias table first, then within the document.

    A later short mention ("이 장관", "Песков") finds an earlier person by surname or title;
    otherwise a name is an entity of its own, with a slug id stable across documents.
    """

    def __init__(self, document: Document, lang: Language) -> None:
        from ..extract.gazetteer import load_gazetteer

        self.gazetteer = load_gazetteer()
        self.person = lang.person
        self.lang = lang
        self.text = document.text
        self.pronouns: set[str] = set(getattr(lang, "pronouns", ()))
        self.doc_id = document.id
        self.entities: dict[str, Entity] = {}
        self.people: list[tuple[Entity, str | None, str]] = []  # entity, surname, mention
        self.keys: dict[str, Entity] = {}  # names met in this document, short forms included
        self.last: Entity | None = None  # the source resolved last

    def resolve(self, mention: str, name: str | None = None, at: int = 0) -> Entity:
        """The entity a source mention names; ``name`` is its normalised form (lemma, no title)."""
        mention = " ".join(mention.split())
        last_named = getattr(self.lang, "last_person", None)
        if (
            mention in self.pronouns
            and mention.lower() not in ("они", "вони")
            and not self.people
            and last_named
        ):
            # "…, – написав він" before any person was a source: the person named last before it,
            # else (a page whose stored text begins mid-story) the person it names first after
            named = last_named(self.text[:at]) or self._named_after(at)
            if named:
                return self.resolve(named, named, at)
        if mention in self.pronouns and (self.people or self.entities):
            # he / she / they: the last person, else the last source
            return self.people[-1][0] if self.people else list(self.entities.values())[-1]
        inter = getattr(self.lang, "interlocutors", frozenset())
        first = mention.split()[0].lower() if mention.split() else ""
        if inter and self.last is not None and first in inter:
            # "сказал собеседник агентства", "розповів посадовець" (one, in the nominative): the
            # informant or official named just before, not someone new ("по словам собеседников
            # «Медузы»" names its own)
            return self.last
        heads = getattr(self.lang, "head_of_state", frozenset())
        lemmas = getattr(self.lang, "lemmas", None)
        if heads and lemmas is not None and " ".join(sorted(lemmas(mention))) in heads:
            # "написав глава держави", "зауважив президент": the president named before, else (as
            # for any title alone) the person who spoke last, else the person named last ("Про
            # це повідомив Володимир Зеленський. … «…», — прокоментував … президент")
            for ent, _sur, seen in reversed(self.people):
                if {"президент", "президентка"} & lemmas(seen):
                    return ent
            if self.last is not None and self.last.type is EntityType.PERSON:
                return self._also(self.last, mention)
            named = last_named(self.text[:at]) if last_named else None
            if named:  # nobody spoke yet: the person named last before it
                return self._also(self.resolve(named, named, at), mention)
        offices = getattr(self.lang, "offices", frozenset())
        words = mention.split()
        alone = len(words) == 1 and lemmas is not None and bool(lemmas(mention) & offices)
        # "сообщила пресс-служба ведомства": the office's press service speaks for the office
        press = len(words) == 2 and words[0].lower().startswith(("пресс-служб", "прес-служб"))
        alone = alone or (press and lemmas is not None and bool(lemmas(words[1]) & offices))
        if offices and ((name or mention).lower() in offices or alone):
            # "как отметили в ведомстве", "у міністерстві", "в пресс-службе ведомства" (the noun
            # alone, in any case): the institution that spoke last, else (round 13) the one the
            # text named last before it ("глава МЧС России … провёл заседание. Об этом сообщили в
            # пресс-службе ведомства")
            orgs = [e for e in self.entities.values() if e.type is not EntityType.PERSON]
            if orgs:
                return orgs[-1]
            named = self._org_before(at)
            if named is not None:
                return named
        ent = self._resolve(mention, name, at)
        for key in (mention, name, *re.findall(r"\(([^)]+)\)", mention)):
            if key:
                self.keys.setdefault(key, ent)
        self.last = ent
        return ent

    def _named_after(self, at: int) -> str | None:
        """The first person named by first name and surname in the three paragraphs from ``at``,
        else the first surname alone there ("Як повідомив Вілкул, …")."""
        names = getattr(self.lang, "names", None)
        paras = [p for p in self.text[at:].split("\n") if p.strip()][:3] if names is not None else []
        for para in paras:
            for _a, _b, kind, normal in names(para) if para.strip() else []:
                if kind == "PER" and len(normal.split()) > 1:
                    return normal
        for word in re.findall(r"\b[^\W\d_][^\W\d_'’ʼ-]+", " ".join(paras[1:])):
            who = self.person(word) if word[:1].isupper() and len(word) > 3 else None
            if who is not None and who[0] == who[1]:
                return who[0]
        return None

    def _org_before(self, at: int) -> Entity | None:
        """The organisation the alias table knows that the text names last in the three
        paragraphs before ``at`` (the language's named entities), or None."""
        names = getattr(self.lang, "names", None)
        if names is None:
            return None
        found = None
        for para in self.text[:at].split("\n")[-3:]:
            for a, b, kind, _normal in names(para) if para.strip() else []:
                if kind == "ORG":
                    hit = self.gazetteer.lookup(para[a:b])
                    if hit:
                        found = self._entity(hit[0], hit[1], para[a:b])
        return found

    def _resolve(self, mention: str, name: str | None, at: int) -> Entity:
        for key in (name, mention, *re.findall(r"\(([^)]+)\)", mention)):
            if key and key in self.keys:
                ent = self.keys[key]
                if mention != ent.name and mention not in ent.aliases:
                    ent.aliases.append(mention)
                return ent
        for key in (name, mention, *re.findall(r"\(([^)]+)\)", mention)):
            if key:
                hit = self.gazetteer.lookup(key)
                if hit:
                    return self._entity(hit[0], hit[1], mention)
        words = mention.split()
        for n in range(1, len(words)):  # "Агентство Интерфакс": a known name after a common noun
            hit = self.gazetteer.lookup(" ".join(words[n:]))
            if hit and words[n][:1].isupper():
                return self._entity(hit[0], hit[1], mention)
        for n in range(len(words) - 1, 1, -1):  # "Повітряні сили ЗСУ змушені": a known name first
            hit = self.gazetteer.lookup(" ".join(words[:n]))
            if hit:
                return self._entity(hit[0], hit[1], mention)
        who = self.person(name or mention)
        if who is not None:
            person, surname = who
            if len(person) <= 1 or person == surname:  # a title with a surname: an earlier person
                for ent, sur, seen in reversed(self.people):
                    alone = getattr(self.lang, "surname_alone", False)
                    if surname and sur == surname and (alone or _shares_title(seen, mention)):
                        ent.aliases.append(mention)
                        return ent
            full = None
            if person == surname and surname:  # the full name from earlier in the text
                full = getattr(self.lang, "full_name", lambda *_: None)(surname, mention, self.text[:at])
                if full:
                    person = full
            ent = self._entity(person if full or person != surname else mention, EntityType.PERSON, mention)
            self.people.append((ent, surname, mention))
            return ent
        words = mention.split()
        if len(words) == 1 and words[0][:1].isupper():  # a surname alone, inflected: "Пескова"
            for ent, _sur, _seen in reversed(self.people):
                last = ent.name.split()[-1]
                w = words[0]
                if w == last or (len(last) >= 4 and w[: len(last) - 1] == last[:-1]):
                    return ent
        lemmas = getattr(self.lang, "lemmas", None)
        if lemmas is not None and who is None:  # "глави ОВА" after "Голова ОВА Валентин Резніченко"
            mine = lemmas(mention)
            for ent, _sur, seen in reversed(self.people):
                if mine and mine <= lemmas(seen):
                    return ent
        for ent, _sur, seen in reversed(self.people):  # a title alone ("장관", "министр")
            if _shares_title(seen, mention) and len(mention.split()) == 1:
                return ent
        title_of = getattr(self.lang, "title_of", None)
        title = title_of(mention) if title_of is not None and who is None else None
        if title and lemmas is not None:
            # "— говорит главарь «Вагнера»", "Глава області додав": one person by office, no name;
            # the person named with that title, else the person who spoke last
            for ent, _sur, seen in reversed(self.people):
                if title in lemmas(seen):
                    return self._also(ent, mention)
            # named before, else named after (a live blog's later entry, "За даними глави ОВА"
            # before "Глава Черкаської ОВА Ігор Табурець заявив")
            named = self.lang.titled_person(title, self.text[:at]) or self.lang.titled_person(
                title, self.text[at:], first=True
            )
            if named:
                return self._resolve(named, named, at)
            if self.last is not None and self.last.type is EntityType.PERSON:
                return self._also(self.last, mention)
        describes = getattr(self.lang, "describes", None)
        if describes is not None and who is None and describes(mention):
            # "Задержанный стрелок заявил" after "… это 19-летний Ильназ Галявиев": a description
            # with no name points back to the person named last, in this paragraph or the one before
            named = self.lang.last_person(self.text[:at], paragraphs=2)
            if named:
                return self._also(self._resolve(named, named, at), mention)
        if lemmas is not None and who is None and mention[:1].islower():
            # "сказали в пресс-службе" after "пресс-служба правительства региона": the office
            # named before in full
            mine = lemmas(mention)
            for seen, ent in reversed(list(self.keys.items())):
                if ent.type is not EntityType.PERSON and mine and mine < lemmas(seen):
                    return ent
        return self._entity(name or mention, EntityType.ORGANIZATION, mention)

    def _also(self, ent: Entity, mention: str) -> Entity:
        """``ent``, with ``mention`` among its aliases."""
        if mention != ent.name and mention not in ent.aliases:
            ent.aliases.append(mention)
        return ent

    def _entity(self, name: str, etype: EntityType, mention: str) -> Entity:
        from ..extract.gazetteer import slug

        eid = slug(name)
        ent = self.entities.get(eid)
        if ent is None:
            ent = self.entities[eid] = Entity(eid, name, etype, [])
        if mention != name and mention not in ent.aliases:
            ent.aliases.append(mention)
        return ent


def _shares_title(seen: str, mention: str) -> bool:
    """Whether two mentions end in the same title word ("이상민 장관" / "이 장관")."""
    a, b = seen.split(), mention.split()
    return bool(a and b) and (a[-1] == b[-1] or a[-1].endswith(b[-1]) or b[-1].endswith(a[-1]))
