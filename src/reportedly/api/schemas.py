"""The shapes the web API sends and accepts, as Pydantic models.

They mirror the model's ``to_dict`` output field for field (the API serves
``Claim.to_dict()`` and friends, never a second serialisation), and exist so
that FastAPI validates requests, documents every field in the OpenAPI schema
and refuses to send anything the schema does not promise.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from reportedly.model import ClaimKind, ConflictKind, EntityType, QuantityScope, SectionKind, Stance

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    """One page of a listing. ``total`` counts every match, so clients can page to the end."""

    items: list[T]
    total: int = Field(description="How many items match in all, across every page.")
    limit: int
    offset: int


class SpanOut(BaseModel):
    text: str
    start: int = Field(description="Character offset into the document text (inclusive).")
    end: int = Field(description="Character offset into the document text (exclusive).")


class SourceOut(BaseModel):
    text: str = Field(description="The source as written in the article.")
    start: int
    end: int
    joint: list[str] = Field(description="Further speakers of a joint statement.")
    entity: str = Field(description="Canonical name of the resolved entity (the mention text if unresolved).")
    entity_id: str | None
    type: EntityType
    anonymous: bool


class CueOut(BaseModel):
    text: str
    start: int
    end: int
    lemma: str


class ContentOut(BaseModel):
    text: str = Field(description="The content spans joined with ' … '.")
    spans: list[tuple[int, int]]


class ChainLinkOut(BaseModel):
    entity: str
    entity_id: str
    type: EntityType
    anonymous: bool
    cue: str | None
    mention: SpanOut | None


class QuantityOut(BaseModel):
    text: str
    start: int
    end: int
    value: float | None
    low: float | None
    high: float | None
    approximate: bool
    unit: str | None
    scope: QuantityScope
    attribute: bool = Field(description="A calibre or model number, not a count.")


class TimeOut(BaseModel):
    text: str
    start: int
    end: int
    resolved: str | None
    granularity: str


class ClaimOut(BaseModel):
    """One attributed proposition (see GLOSSARY.md), with the id of its document."""

    id: str
    document_id: str
    kind: ClaimKind
    section: SectionKind
    stance: Stance
    source: SourceOut | None
    cue: CueOut
    content: ContentOut
    chain: list[ChainLinkOut] = Field(description="Nearest source first; the last link is the origin.")
    quantities: list[QuantityOut]
    times: list[TimeOut]
    negated: bool
    hedges: list[str]
    inverted: bool
    not_denied: bool = Field(
        default=False, description="A non-denial (\"has not denied\"): stance no_comment, never denied."
    )
    sentence: SpanOut | None


class DocumentBrief(BaseModel):
    id: str
    title: str | None
    outlet: str | None
    published: date | None


class ClaimListItem(ClaimOut):
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


class SectionOut(BaseModel):
    kind: SectionKind
    start: int
    end: int


class DocumentOut(BaseModel):
    id: str
    title: str | None
    subtitle: str | None
    outlet: str | None
    url: str | None
    published: date | None
    dateline: SpanOut | None
    byline: str | None
    paragraphs: list[tuple[int, int]]
    sections: list[SectionOut]
    length: int
    meta: dict[str, Any]
    text: str = Field(description="The article text every offset indexes.")


class LedgerEntity(BaseModel):
    id: str
    name: str
    type: EntityType
    aliases: list[str]
    anonymous: bool


class LedgerOut(BaseModel):
    """A stored document with its text, its claims and the entities it names."""

    document: DocumentOut
    claims: list[ClaimOut]
    entities: list[LedgerEntity]


class EntityOut(LedgerEntity):
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
    def _clean(cls, value: str | None) -> str | None:
        return None if value is None else clean_text(value)

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


class ErrorOut(BaseModel):
    detail: str
    reason: str | None = None


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


class ClaimRefOut(BaseModel):
    id: str
    document: str
    outlet: str | None
    published: date | None
    source: str | None
    origin: str | None
    stance: Stance
    negated: bool
    evidence: SpanOut
    sentence: SpanOut | None


class OriginOut(BaseModel):
    key: str
    name: str
    anonymous: bool
    claims: list[str]
    outlets: list[str]


class ClusterOut(BaseModel):
    """One proposition across documents: how many outlets carried it, from how many independent origins."""

    id: str
    story: str
    label: str
    measure: str | None
    claims: list[ClaimRefOut]
    documents: list[str]
    outlets: int
    outlet_names: list[str]
    independent_origins: int
    origins: list[OriginOut]


class ConflictOut(BaseModel):
    kind: ConflictKind
    story: str | None
    measure: str | None
    a: ClaimRefOut
    b: ClaimRefOut
    why: str
    declined: bool = False


class TimelinePointOut(BaseModel):
    date: date | None
    value: float | None
    low: float | None
    high: float | None
    unit: str | None
    approximate: bool
    scope: QuantityScope
    source: str | None
    stance: Stance
    outlet: str | None
    document: str
    claim: str
    evidence: SpanOut


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
