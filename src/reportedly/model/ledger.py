"""The ledger of one document: the document, its entities and claims, their spans and values.

What :func:`reportedly.analyze` returns; the types the link stage builds across documents are in
:mod:`.stories`. Both are re-exported by :mod:`reportedly.model`, the name to import them by.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, Self

from .encode import as_json
from .kinds import (
    ClaimKind,
    EntityType,
    Measure,
    QuantityScope,
    SectionKind,
    Stance,
)


@dataclass(frozen=True, slots=True)
class Span:
    """A contiguous piece of the document text."""

    start: int
    end: int
    text: str

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """The inverse of :meth:`to_dict`."""
        return cls(data["start"], data["end"], data["text"])

    @classmethod
    def cut(cls, text: str, start: int, end: int) -> Self:
        """The span ``[start:end]`` of ``text``, its text cut from it (how offsets-only dicts are read)."""
        return cls(start, end, text[start:end])

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(slots=True)
class Located:
    """The offsets and text that a source mention, cue, time or number points at in the document.

    Declared once so that those four read and write them alike: ``text``, ``start`` and ``end``
    lead each one's dict. Not a :class:`Span` (which is frozen and may be used as a key); the
    types built on it are filled in as analysis goes on.
    """

    start: int
    end: int
    text: str

    @staticmethod
    def located(data: Mapping[str, Any]) -> tuple[int, int, str]:
        """``start``, ``end`` and ``text`` from a dict :meth:`located_dict` began."""
        return data["start"], data["end"], data["text"]

    def located_dict(self) -> dict[str, Any]:
        """``text``, ``start`` and ``end``: the head of every subclass's ``to_dict`` (those written
        with :func:`~.encode.as_json` name the three first)."""
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(slots=True)
class Section:
    """A region of the document with a role: only ``body`` is running text."""

    kind: SectionKind
    start: int
    end: int

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """The inverse of :meth:`to_dict`."""
        return cls(SectionKind(data["kind"]), data["start"], data["end"])

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind.value, "start": self.start, "end": self.end}


@dataclass(slots=True)
class Document:
    """An article as ingested: the exact text plus what we know about it.

    ``id`` is derived from the normalised text so that ingesting the same
    article twice (from a file, a URL or a feed) yields the same id.
    """

    text: str
    id: str = ""
    title: str | None = None
    subtitle: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    dateline: Span | None = None
    byline: str | None = None
    byline_span: Span | None = None
    paragraphs: list[Span] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.id:
            self.id = document_id(self.text)

    def section_at(self, offset: int) -> SectionKind:
        for sec in self.sections:
            if sec.start <= offset < sec.end:
                return sec.kind
        return SectionKind.BODY

    def span(self, start: int, end: int) -> Span:
        return Span(start, end, self.text[start:end])

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], text: str | None = None) -> Self:
        """The inverse of :meth:`to_dict`, given the text that ``to_dict`` leaves out.

        ``text`` defaults to ``data["text"]`` (the API's and ``ledgers.json``'s documents carry
        it). Paragraph texts are cut from it; ``byline_span``, which ``to_dict`` does not write,
        comes back as None.
        """
        if text is None:
            text = data.get("text")
        if text is None:
            raise ValueError("Document.from_dict needs the document text: to_dict writes only its length")
        if len(text) != data.get("length", len(text)):
            raise ValueError(f"the text has {len(text)} characters, the dict says {data['length']}")
        return cls(
            text=text,
            id=data["id"],
            title=data.get("title"),
            subtitle=data.get("subtitle"),
            outlet=data.get("outlet"),
            url=data.get("url"),
            published=date.fromisoformat(data["published"]) if data.get("published") else None,
            dateline=Span.from_dict(data["dateline"]) if data.get("dateline") else None,
            byline=data.get("byline"),
            paragraphs=[Span.cut(text, a, b) for a, b in data.get("paragraphs", [])],
            sections=[Section.from_dict(x) for x in data.get("sections", [])],
            meta=dict(data.get("meta") or {}),
        )

    def to_dict(self) -> dict[str, Any]:
        """Its fields but the text (``length`` stands for it) and ``byline_span``; paragraphs as offsets."""
        return as_json(
            self,
            "id title subtitle outlet url published dateline byline paragraphs sections length meta",
            paragraphs=[[p.start, p.end] for p in self.paragraphs],
            length=len(self.text),
        )


def normalise_text(text: str) -> str:
    """The form used for identity: NFC, unified newlines, no trailing space."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.strip().split("\n"))


def document_id(text: str) -> str:
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:16]


@dataclass(slots=True)
class Entity:
    """A real-world source, canonical within one ledger.

    ``id`` is stable across documents for named entities (a slug of the
    canonical name), so the store can join the same entity across articles.
    Anonymous groups get a per-document id: "U.S. officials" in two articles
    are not known to be the same people.
    """

    id: str
    name: str
    type: EntityType = EntityType.UNKNOWN
    aliases: list[str] = field(default_factory=list)
    anonymous: bool = False

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """The inverse of :meth:`to_dict`."""
        return cls(
            id=data["id"],
            name=data["name"],
            type=EntityType(data.get("type", "unknown")),
            aliases=list(data.get("aliases", [])),
            anonymous=bool(data.get("anonymous", False)),
        )

    def to_dict(self) -> dict[str, Any]:
        return as_json(self, "id name type aliases anonymous", aliases=sorted(set(self.aliases)))


def _entity_ref(
    entity_id: str, name: str, type_: str, anonymous: bool, entities: Mapping[str, Entity] | None
) -> Entity:
    """The entity a flattened reference (name, id, type, anonymous) names.

    ``entities`` (a ledger's entities by id) gives back the very entity, aliases included;
    without it the entity is rebuilt from the reference, which carries no aliases.
    """
    if entities is not None and entity_id in entities:
        return entities[entity_id]
    return Entity(id=entity_id, name=name, type=EntityType(type_), anonymous=bool(anonymous))


@dataclass(slots=True)
class SourceMention(Located):
    """Where the source is named in the text, and what it resolved to."""

    entity: Entity | None = None
    #: further sources of a joint statement ("The U.S. and South Korea said")
    joint: list[Entity] = field(default_factory=list)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], entities: Mapping[str, Entity] | None = None) -> Self:
        """The inverse of :meth:`to_dict`.

        ``to_dict`` names joint sources by name only: they come back as the ledger's entity of
        that name when ``entities`` has one, else as an entity with no id.
        """
        entity = None
        if data.get("entity_id") is not None:
            entity = _entity_ref(
                data["entity_id"],
                data["entity"],
                data.get("type", "unknown"),
                data.get("anonymous", False),
                entities,
            )
        by_name = {e.name: e for e in (entities or {}).values()}
        joint = [by_name.get(name) or Entity(id="", name=name) for name in data.get("joint", [])]
        return cls(*cls.located(data), entity, joint)

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.located_dict(),
            "joint": [e.name for e in self.joint],
            "entity": self.entity.name if self.entity else self.text,
            "entity_id": self.entity.id if self.entity else None,
            "type": (self.entity.type if self.entity else EntityType.UNKNOWN).value,
            "anonymous": bool(self.entity and self.entity.anonymous),
        }


@dataclass(slots=True)
class Cue(Located):
    lemma: str

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """The inverse of :meth:`to_dict`."""
        return cls(*cls.located(data), data["lemma"])

    def to_dict(self) -> dict[str, Any]:
        return {**self.located_dict(), "lemma": self.lemma}


@dataclass(slots=True)
class ChainLink:
    """One hop of provenance: an entity and the cue that ties it to the next hop."""

    entity: Entity
    cue: str | None = None
    mention: Span | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], entities: Mapping[str, Entity] | None = None) -> Self:
        """The inverse of :meth:`to_dict` (``entities``: see :func:`_entity_ref`)."""
        entity = _entity_ref(data["entity_id"], data["entity"], data["type"], data["anonymous"], entities)
        mention = Span.from_dict(data["mention"]) if data.get("mention") else None
        return cls(entity, data.get("cue"), mention)

    def to_dict(self) -> dict[str, Any]:
        return {
            "entity": self.entity.name,
            "entity_id": self.entity.id,
            "type": self.entity.type.value,
            "anonymous": self.entity.anonymous,
            "cue": self.cue,
            "mention": self.mention.to_dict() if self.mention else None,
        }


@dataclass(slots=True)
class TimeExpr(Located):
    """A time expression, resolved against the publication date when possible.

    ``resolved`` is an ISO date (``2024-11-19``), month (``2024-10``), year,
    or interval (``2024-08-01/2024-08-10``); ``None`` when it could not be
    resolved, in which case ``granularity`` is ``unresolved``.
    """

    resolved: str | None = None
    granularity: str = "unresolved"

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """The inverse of :meth:`to_dict`."""
        return cls(*cls.located(data), data.get("resolved"), data.get("granularity", "unresolved"))

    def to_dict(self) -> dict[str, Any]:
        return as_json(self, "text start end resolved granularity")


def bounded_text(value: float | None, low: float | None, high: float | None, approximate: bool) -> str:
    """How a number was bounded, at a glance: "≥10,000" (more than), "≤500" (up to), "3,000–5,000",
    "~7,000" (about), "≥~1,000". The one formatter the CLI, the exports, the API and the web UI
    show, so a bound is never dropped in one of them ("more than 10,000" is not "10,000")."""

    def n(x: float) -> str:
        return f"{int(x):,}" if float(x).is_integer() else f"{x:,}"

    approx = "~" if approximate else ""
    if low is not None and high is not None and low != high:
        return f"{approx}{n(low)}–{n(high)}"
    if low is not None and high is None:
        return f"≥{approx}{n(low)}"
    if high is not None and low is None:
        return f"≤{approx}{n(high)}"
    x = value if value is not None else low
    return f"{approx}{n(x)}" if x is not None else "?"


@dataclass(slots=True)
class Quantity(Located):
    """A number bound to a claim. Calibres and model numbers are attributes, not counts."""

    value: float | None = None
    low: float | None = None
    high: float | None = None
    approximate: bool = False
    unit: str | None = None
    scope: QuantityScope = QuantityScope.POINT
    attribute: bool = False
    #: what the number counts, where and when (None: not a comparable count)
    measure: Measure | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """The inverse of :meth:`to_dict`."""
        return cls(
            *cls.located(data),
            value=data.get("value"),
            low=data.get("low"),
            high=data.get("high"),
            approximate=bool(data.get("approximate", False)),
            unit=data.get("unit"),
            scope=QuantityScope(data.get("scope", "point")),
            attribute=bool(data.get("attribute", False)),
            measure=Measure.from_dict(data["measure"]) if data.get("measure") else None,
        )

    @property
    def display(self) -> str:
        """The number as people read it: bounds, approximation, unit and scope ("≥10,000 troops
        [point]"); an attribute is its own text ("170mm (attribute)")."""
        if self.attribute:
            return f"{self.text} (attribute)"
        unit = f" {self.unit}" if self.unit else ""
        return f"{bounded_text(self.value, self.low, self.high, self.approximate)}{unit} [{self.scope.value}]"

    def to_dict(self) -> dict[str, Any]:
        """Its fields, and ``display`` (derived, ignored by :meth:`from_dict`)."""
        return as_json(self, "text start end value low high approximate unit scope attribute measure display")


@dataclass(slots=True)
class Claim:
    """One attributed proposition in one document (see GLOSSARY.md)."""

    kind: ClaimKind
    section: SectionKind
    stance: Stance
    cue: Cue
    content: list[Span]
    source: SourceMention | None = None
    chain: list[ChainLink] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    negated: bool = False
    hedges: list[str] = field(default_factory=list)
    inverted: bool = False
    sentence: Span | None = None
    id: str = ""
    #: a non-denial ("has not denied"): stance ``no_comment``, never ``denied`` (GLOSSARY.md)
    not_denied: bool = False

    @property
    def content_text(self) -> str:
        return " … ".join(s.text for s in self.content)

    @property
    def origin(self) -> Entity | None:
        return self.chain[-1].entity if self.chain else None

    @classmethod
    def from_dict(
        cls, data: Mapping[str, Any], text: str | None = None, entities: Mapping[str, Entity] | None = None
    ) -> Self:
        """The inverse of :meth:`to_dict`.

        ``to_dict`` writes the content as offsets plus the joined text: given the document
        ``text``, each content span's text is cut from it (exact); without it the joined text is
        split back at its ``" … "`` joints, which rejoins to the same content text but can split
        wrongly where a span itself holds ``" … "``. ``entities`` (the ledger's, by id) gives the
        sources and chain links their entities with aliases. A dict carrying more keys than
        ``to_dict`` writes (the API's ``document_id``) is read all the same.
        """
        spans = [tuple(pair) for pair in data["content"]["spans"]]
        if text is not None:
            content = [Span.cut(text, a, b) for a, b in spans]
        else:
            parts = data["content"]["text"].split(" … ", max(len(spans) - 1, 0)) if spans else []
            content = [Span(a, b, part) for (a, b), part in zip(spans, parts, strict=True)]
        return cls(
            id=data.get("id", ""),
            kind=ClaimKind(data["kind"]),
            section=SectionKind(data["section"]),
            stance=Stance(data["stance"]),
            cue=Cue.from_dict(data["cue"]),
            content=content,
            source=SourceMention.from_dict(data["source"], entities) if data.get("source") else None,
            chain=[ChainLink.from_dict(link, entities) for link in data.get("chain", [])],
            quantities=[Quantity.from_dict(q) for q in data.get("quantities", [])],
            times=[TimeExpr.from_dict(t) for t in data.get("times", [])],
            negated=bool(data.get("negated", False)),
            hedges=list(data.get("hedges", [])),
            inverted=bool(data.get("inverted", False)),
            not_denied=bool(data.get("not_denied", False)),
            sentence=Span.from_dict(data["sentence"]) if data.get("sentence") else None,
        )

    def to_dict(self) -> dict[str, Any]:
        """Its fields; the content as its joined text and its spans' offsets."""
        return as_json(
            self,
            "id kind section stance source cue content chain quantities times negated hedges inverted"
            " not_denied sentence",
            content={"text": self.content_text, "spans": [[s.start, s.end] for s in self.content]},
        )


@dataclass(slots=True)
class Ledger:
    """The result of analysing one document."""

    document: Document
    claims: list[Claim] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], text: str | None = None) -> Self:
        """The inverse of :meth:`to_dict`, given the document text (default: ``data["document"]["text"]``).

        Claims' sources and chain links share the ledger's entity objects, as the extractor
        builds them.
        """
        document = Document.from_dict(data["document"], text)
        entities = [Entity.from_dict(e) for e in data.get("entities", [])]
        by_id = {e.id: e for e in entities}
        claims = [Claim.from_dict(c, document.text, by_id) for c in data.get("claims", [])]
        return cls(document, claims, entities)

    def to_dict(self) -> dict[str, Any]:
        return as_json(self, "document claims entities")

    def validate(self) -> list[str]:
        """Every offset must reproduce its text; returns the problems found."""
        text = self.document.text
        problems: list[str] = []

        def check(what: str, start: int, end: int, expected: str) -> None:
            if not (0 <= start <= end <= len(text)) or text[start:end] != expected:
                problems.append(f"{what} [{start}:{end}] does not reproduce {expected!r}")

        for c in self.claims:
            check(f"claim {c.id} cue", c.cue.start, c.cue.end, c.cue.text)
            if c.source:
                check(f"claim {c.id} source", c.source.start, c.source.end, c.source.text)
            for s in c.content:
                check(f"claim {c.id} content", s.start, s.end, s.text)
            for q in c.quantities:
                check(f"claim {c.id} quantity", q.start, q.end, q.text)
            for t in c.times:
                check(f"claim {c.id} time", t.start, t.end, t.text)
        return problems


def as_plain(obj: Any) -> Any:
    """dataclasses.asdict that also flattens enums and dates (for debugging dumps)."""
    return asdict(obj)
