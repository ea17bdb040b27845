"""The shapes the web API sends and accepts, as Pydantic models.

The API serves ``Claim.to_dict()`` and friends, never a second serialisation, so the models
of what the ledger and story dataclasses write are not written out here but derived from
the dataclasses (:func:`derive`): the keys ``to_dict`` writes, typed by the fields they come
from. Only what ``to_dict`` reshapes is declared. The remaining models describe shapes that
are no dataclass (store summaries, requests, jobs). All exist so that FastAPI validates
requests, documents every field in the OpenAPI schema and refuses to send anything the
schema does not promise.
"""

from __future__ import annotations

import functools
import operator
import re
from dataclasses import MISSING, fields, is_dataclass
from datetime import date
from enum import Enum
from types import UnionType
from typing import Any, Generic, Literal, TypeVar, Union, get_args, get_origin, get_type_hints

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    create_model,
    field_validator,
    model_validator,
)

from reportedly.model import (
    VOCABULARY,
    ChainLink,
    Claim,
    ClaimCluster,
    ClaimRef,
    Conflict,
    Cue,
    Document,
    Entity,
    EntityType,
    Ledger,
    Origin,
    Quantity,
    Section,
    SourceMention,
    Span,
    TimeExpr,
    TimelinePoint,
)

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    """One page of a listing. ``total`` counts every match, so clients can page to the end."""

    items: list[T]
    total: int = Field(description="How many items match in all, across every page.")
    limit: int
    offset: int


# ---------------------------------------------------------------- derived from the model's dataclasses

#: the response model derived for each model dataclass, so nested dataclasses map to their models
_DERIVED: dict[type, type[BaseModel]] = {}


def _placeholder(tp: Any) -> Any:
    """Some value of type ``tp``, enough to construct a dataclass and call its ``to_dict``."""
    origin, args = get_origin(tp), get_args(tp)
    if origin in (Union, UnionType):
        return None if type(None) in args else _placeholder(args[0])
    if origin is list or tp is list:
        return []
    if origin is dict or tp is dict:
        return {}
    if isinstance(tp, type) and issubclass(tp, Enum):
        return next(iter(tp))
    if is_dataclass(tp):
        return _sample(tp)
    if tp is date:
        return date(2000, 1, 1)
    return tp()  # str, int, float, bool


def _sample(cls: type) -> Any:
    """An instance of ``cls`` with placeholder values in its required fields."""
    hints = _hints(cls)
    required = [f for f in fields(cls) if f.default is MISSING and f.default_factory is MISSING]
    return cls(**{f.name: _placeholder(hints[f.name]) for f in required})


def _hints(cls: type) -> dict[str, Any]:
    # localns={}: with slots a field named like its type (``date: date``) would shadow the type
    return get_type_hints(cls, localns={})


def _wire_type(tp: Any) -> Any:
    """The type a field has on the wire: each model dataclass stands for its derived model."""
    origin, args = get_origin(tp), get_args(tp)
    if origin in (Union, UnionType):
        return functools.reduce(operator.or_, (_wire_type(a) for a in args))
    if origin is list:
        return list[_wire_type(args[0])]  # type: ignore[misc]
    if is_dataclass(tp):
        if tp not in _DERIVED:
            raise TypeError(f"derive the model of {tp.__name__} before the models that hold it")
        return _DERIVED[tp]
    return tp


def derive(
    cls: type,
    name: str,
    *,
    doc: str | None = None,
    types: dict[str, Any] | None = None,
    renamed: dict[str, str] | None = None,
    after: dict[str, str] | None = None,
    optional: tuple[str, ...] = (),
    hidden: tuple[str, ...] = (),
    docs: dict[str, str] | None = None,
) -> type[BaseModel]:
    """The response model of a model dataclass: the keys its ``to_dict`` writes, typed by its fields.

    The API serves ``to_dict`` output, so the keys (and their order) are read from ``to_dict``
    itself, called on a placeholder instance; each key takes the type of the dataclass field of
    that name (a nested dataclass becomes its own derived model). A field added to a dataclass
    and written by its ``to_dict`` thus appears in the API, typed, without a line here. What
    ``to_dict`` reshapes is declared: ``types`` for keys that are no field or whose wire type
    differs (a flattened entity, offsets without text) and for keys the API adds; ``renamed``
    maps a wire key to the field it writes; ``after`` places a key after another; ``optional``
    keys take the field's default (keys added after clients existed); ``hidden`` keys are
    written by ``to_dict`` but not served; ``docs`` are field descriptions for the schema.
    """
    types, renamed, docs = types or {}, renamed or {}, docs or {}
    hints = _hints(cls)
    by_name = {f.name: f for f in fields(cls)}
    written = list(_sample(cls).to_dict())
    unknown = [k for k in hidden if k not in written]
    if unknown:
        raise TypeError(f"{cls.__name__}.to_dict writes no {unknown}")
    keys = [k for k in written if k not in hidden] + [k for k in types if k not in written]
    for key, previous in (after or {}).items():
        keys.remove(key)
        keys.insert(keys.index(previous) + 1, key)
    definitions: dict[str, Any] = {}
    for key in keys:
        source = renamed.get(key, key)
        if key in types:
            tp = types[key]
        elif source in hints:
            tp = _wire_type(hints[source])
        else:
            raise TypeError(f"{cls.__name__}.to_dict writes {key!r}, which is no field: give its type")
        default = by_name[source].default if key in optional else ...
        definitions[key] = (tp, Field(default, description=docs.get(key)))
    model = create_model(name, __doc__=doc, __module__=__name__, **definitions)
    _DERIVED[cls] = model
    return model


SpanOut = derive(
    Span,
    "SpanOut",
    docs={
        "start": "Character offset into the document text (inclusive).",
        "end": "Character offset into the document text (exclusive).",
    },
)
SourceOut = derive(
    SourceMention,
    "SourceOut",
    types={"joint": list[str], "entity": str, "entity_id": str | None, "type": EntityType, "anonymous": bool},
    docs={
        "text": "The source as written in the article.",
        "joint": "Further speakers of a joint statement.",
        "entity": "Canonical name of the resolved entity (the mention text if unresolved).",
    },
)
CueOut = derive(Cue, "CueOut")


# ``Claim.to_dict``'s content: the spans as offsets, their texts joined (no dataclass of its own).
# (A comment, not a docstring: a docstring would become the schema's description.)
class ContentOut(BaseModel):
    text: str = Field(description="The content spans joined with ' … '.")
    spans: list[tuple[int, int]]


ChainLinkOut = derive(
    ChainLink, "ChainLinkOut", types={"entity": str, "entity_id": str, "type": EntityType, "anonymous": bool}
)
#: ``measure`` is written by ``Quantity.to_dict`` but has never been served: hidden to keep the API as it was
QuantityOut = derive(
    Quantity,
    "QuantityOut",
    hidden=("measure",),
    types={"display": str},
    docs={
        "attribute": "A calibre or model number, not a count.",
        "display": "The number as shown everywhere: bounds, approximation, unit, scope.",
    },
)
TimeOut = derive(TimeExpr, "TimeOut")
ClaimOut = derive(
    Claim,
    "ClaimOut",
    doc="One attributed proposition (see GLOSSARY.md), with the id of its document.",
    types={"content": ContentOut, "document_id": str},
    after={"document_id": "id"},
    optional=("not_denied",),
    docs={
        "chain": "Nearest source first; the last link is the origin.",
        "not_denied": 'A non-denial ("has not denied"): stance no_comment, never denied.',
    },
)


class DocumentBrief(BaseModel):
    id: str
    title: str | None
    outlet: str | None
    published: date | None


class ClaimListItem(ClaimOut):  # type: ignore[misc,valid-type]
    """A claim in a listing, with enough of its document to show where it is from."""

    document: DocumentBrief


class DocumentSummary(BaseModel):
    id: str
    title: str | None
    outlet: str | None
    published: date | None
    url: str | None
    source: str | None = Field(description="Where the article was read from (path, URL or 'api').")
    ingested_at: str | None
    claims: int
    language: str | None = Field(default=None, description="ISO 639-1 code detected at analysis.")


SectionOut = derive(Section, "SectionOut")
DocumentOut = derive(
    Document,
    "DocumentOut",
    types={"paragraphs": list[tuple[int, int]], "length": int, "text": str},
    docs={"text": "The article text every offset indexes."},
)
LedgerEntity = derive(Entity, "LedgerEntity")
LedgerOut = derive(
    Ledger, "LedgerOut", doc="A stored document with its text, its claims and the entities it names."
)


class EntityOut(LedgerEntity):  # type: ignore[misc,valid-type]
    claims: int = Field(description="Claims the entity made, joined, or relayed through a chain.")


class GraphNode(BaseModel):
    id: str
    label: str
    kind: Literal["outlet", "source", "origin", "claim"]
    type: str | None = None
    anonymous: bool = False


class GraphEdge(BaseModel):
    source: str
    target: str
    label: str | None = None


class ProvenanceOut(BaseModel):
    """The claim's provenance as a graph: outlet → sources → origin → claim."""

    claim: ClaimOut
    document: DocumentSummary
    nodes: list[GraphNode]
    edges: list[GraphEdge]


_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def clean_text(value: str) -> str:
    """Drop NUL characters and replace lone surrogates (U+FFFD) in posted text.

    JSON may carry both (``"\\u0000"``, ``"\\ud800"``), but neither can be
    encoded as UTF-8 nor stored by PostgreSQL; left in, they failed after the
    analysis had run and answered 500.
    """
    if not _UNSTORABLE.search(value):
        return value
    return _UNSTORABLE.sub(lambda m: "" if m.group() == "\x00" else "\ufffd", value)


def refuse_binary(value: str, name: str) -> None:
    """Refuse posted text that is binary data, as the command line refuses such a file.

    The test is the command line's (:func:`~reportedly.ingest.reader.binary_kind` on the head of
    the text as UTF-8): a NUL character or a flood of control characters there. A stray NUL
    further on is dropped by :func:`clean_text` instead.
    """
    from reportedly.ingest.reader import SNIFF_BYTES, binary_kind, kind_phrase

    kind = binary_kind(value[:SNIFF_BYTES].encode("utf-8", "surrogatepass"))
    if kind:
        raise ValueError(
            f"{name} looks like {kind_phrase(kind)}, not text; post an article's text, its HTML or its URL"
        )


class AnalyzeRequest(BaseModel):
    """An article to analyse and store: exactly one of ``text``, ``html`` or ``url``."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(None, description="Plain article text (headline on the first line).")
    html: str | None = Field(None, description="An article page's HTML.")
    url: str | None = Field(None, description="An http(s) URL to fetch (public addresses only).")
    published: date | None = Field(None, description="Publication date, for resolving relative dates.")
    title: str | None = None
    outlet: str | None = None
    source_url: str | None = Field(None, description="Where text or HTML came from, recorded with it.")

    @field_validator("text", "html", "url", "title", "outlet", "source_url")
    @classmethod
    def _clean(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is None:
            return None
        if info.field_name in ("text", "html"):
            refuse_binary(value, f"the posted {info.field_name}")
        return clean_text(value)

    @model_validator(mode="after")
    def _exactly_one_input(self) -> AnalyzeRequest:
        given = [name for name in ("text", "html", "url") if getattr(self, name) is not None]
        if len(given) != 1:
            raise ValueError("give exactly one of text, html or url")
        value = getattr(self, given[0])
        if not value.strip():
            raise ValueError(f"{given[0]} is empty; there is nothing to analyse")
        if self.url is not None:
            scheme, sep, rest = self.url.strip().partition("://")
            if not sep or scheme.lower() not in ("http", "https") or not rest:
                raise ValueError("url must be an http:// or https:// address")
        return self


class SavedDocument(BaseModel):
    document_id: str
    created: bool = Field(description="False when the same article was already stored.")
    claims: int
    title: str | None
    href: str = Field(description="API path of the stored ledger.")


class IngestProblem(BaseModel):
    reason: str
    source: str | None
    message: str


class AnalyzeResponse(BaseModel):
    documents: list[SavedDocument]
    errors: list[IngestProblem] = Field(description="Feed entries or pages that could not be read.")


class JobOut(BaseModel):
    """An analysis job queued by ``POST /api/documents?async=true``."""

    id: str
    status: Literal["queued", "running", "done", "error"]
    href: str = Field(description="This job's API path.")
    created: str
    started: str | None
    finished: str | None
    status_code: int | None = Field(
        description="Once finished, the status a synchronous POST would have answered (201, 200, 4xx)."
    )
    detail: str | None = Field(description="Why the job failed (status error).")
    document_id: str | None = Field(description="The first stored document, when done.")
    documents: list[SavedDocument]
    errors: list[IngestProblem]


class JobAccepted(BaseModel):
    """The answer to a queued POST: where to ask how the job stands."""

    id: str
    status: str
    href: str


class StatusOut(BaseModel):
    version: str
    documents: int
    claims: int
    entities: int
    writes_enabled: bool = Field(description="Whether POST /api/documents accepts a bearer token.")
    full_text_search: bool
    stories: bool = Field(description="Whether this build can serve stories, clusters and timelines.")
    last_link_run: dict[str, Any] | None = Field(
        None, description="When stories were last built (POST /api/stories/rebuild or `reportedly link`)."
    )


VocabularyOut = create_model(
    "VocabularyOut",
    __doc__="The closed vocabularies of the ledger, each in its declared order (model.VOCABULARY).",
    __module__=__name__,
    **{name: (list[enum], ...) for name, enum in VOCABULARY.items()},  # type: ignore[valid-type]
)


class ErrorOut(BaseModel):
    detail: str
    reason: str | None = None


#: What a route that looks one thing up declares for OpenAPI: a 404 with an :class:`ErrorOut`.
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": ErrorOut}}


# ---------------------------------------------------------------- stories (built by reportedly.link)


class StorySummary(BaseModel):
    id: str
    title: str
    first: date | None
    last: date | None
    documents: int
    outlets: list[str]
    clusters: int
    conflicts: int
    entities: list[str]


class StoryDocument(BaseModel):
    id: str
    title: str | None
    outlet: str | None
    url: str | None
    published: date | None


class MeasureOut(BaseModel):
    measure: str = Field(description="What is counted and where, e.g. 'North Korean troops in Kursk'.")
    points: int
    documents: int
    first: date | None
    last: date | None


class StoryOut(BaseModel):
    """A story without its clusters (page them with ``/api/stories/{id}/clusters``)."""

    id: str
    title: str
    first: date | None
    last: date | None
    outlets: list[str]
    entities: list[str]
    documents: list[StoryDocument]
    clusters: int
    conflicts: int
    measures: list[MeasureOut]


ClaimRefOut = derive(ClaimRef, "ClaimRefOut", renamed={"document": "document_id", "evidence": "content"})
OriginOut = derive(Origin, "OriginOut")
ClusterOut = derive(
    ClaimCluster,
    "ClusterOut",
    doc="One proposition across documents: how many outlets carried it, from how many independent origins.",
    renamed={"story": "story_id"},
    types={"documents": list[str], "outlets": int, "outlet_names": list[str], "independent_origins": int},
)
ConflictOut = derive(
    Conflict, "ConflictOut", renamed={"story": "story_id"}, after={"declined": "why"}, optional=("declined",)
)
TimelinePointOut = derive(
    TimelinePoint,
    "TimelinePointOut",
    renamed={"document": "document_id", "claim": "claim_id"},
    types={"display": str},
    optional=("context",),
    docs={
        "display": "The value as bounded: '≥10,000', '~7,000', '3,000–5,000'.",
        "context": "The words around the number in its sentence, cut at words (about 100 characters).",
    },
)


class TimelineOut(BaseModel):
    measure: str | None = Field(description="The measure charted; null when the story counts nothing.")
    points: list[TimelinePointOut]


class LinkRunOut(BaseModel):
    built_at: str | None
    documents: int
    claims: int
    method: str
    seconds: float
    fingerprint: str
    rebuilt: bool = Field(description="False when the stories were already up to date.")
