"""CSV: one row per claim, for spreadsheets and for reading the ledger by eye.

A spreadsheet cannot hold nested lists, so chains, numbers and dates are
flattened into readable cells ("lawmakers → NIS", "~10,000 troops [point]");
offsets stay as plain integers (and content spans as JSON) so the evidence
can still be cut from the text. Cells that a spreadsheet would run as a
formula (a claim beginning with ``=`` …) are prefixed with an apostrophe:
article text is untrusted and CSV injection is a real attack on the people
who open exports.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any

from reportedly.model import Claim, Ledger, Quantity

COLUMNS = (
    "document_id",
    "document_title",
    "outlet",
    "published",
    "url",
    "claim_id",
    "section",
    "kind",
    "stance",
    "negated",
    "not_denied",
    "hedges",
    "source_text",
    "source_entity",
    "source_entity_id",
    "source_type",
    "source_anonymous",
    "joint_sources",
    "chain",
    "origin",
    "cue",
    "cue_start",
    "cue_end",
    "content",
    "content_spans",
    "quantities",
    "dates",
)

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _safe(value: Any) -> Any:
    """Defuse spreadsheet formulas in text cells; numbers pass as they are."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _number(q: Quantity) -> str:
    return q.display


def claim_row(ledger: Ledger, claim: Claim) -> dict[str, Any]:
    """The CSV row of one claim (before formula defusing)."""
    doc = ledger.document
    src = claim.source
    entity = src.entity if src else None
    origin = claim.origin
    return {
        "document_id": doc.id,
        "document_title": doc.title or "",
        "outlet": doc.outlet or "",
        "published": doc.published.isoformat() if doc.published else "",
        "url": doc.url or "",
        "claim_id": claim.id,
        "section": claim.section.value,
        "kind": claim.kind.value,
        "stance": claim.stance.value,
        "negated": "yes" if claim.negated else "no",
        "not_denied": "yes" if claim.not_denied else "no",
        "hedges": "; ".join(claim.hedges),
        "source_text": src.text if src else "",
        "source_entity": entity.name if entity else (src.text if src else ""),
        "source_entity_id": entity.id if entity else "",
        "source_type": entity.type.value if entity else "",
        "source_anonymous": "yes" if entity and entity.anonymous else "no",
        "joint_sources": "; ".join(e.name for e in src.joint) if src else "",
        "chain": " → ".join(link.entity.name for link in claim.chain),
        "origin": origin.name if origin else "",
        "cue": claim.cue.text,
        "cue_start": claim.cue.start,
        "cue_end": claim.cue.end,
        "content": claim.content_text,
        "content_spans": json.dumps([[s.start, s.end] for s in claim.content]),
        "quantities": "; ".join(_number(q) for q in claim.quantities),
        "dates": "; ".join(f"{t.text} = {t.resolved or 'unresolved'}" for t in claim.times),
    }


def csv_chunks(ledgers: Iterable[Ledger]) -> Iterator[str]:
    """The CSV text in pieces (header first), so a large store streams."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for ledger in ledgers:
        for claim in ledger.claims:
            writer.writerow({k: _safe(v) for k, v in claim_row(ledger, claim).items()})
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def ledgers_to_csv(ledgers: Iterable[Ledger]) -> str:
    return "".join(csv_chunks(ledgers))
