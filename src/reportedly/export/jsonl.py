"""JSON Lines: one ledger per line, the lossless export for scripts and pipelines.

Each line is ``Ledger.to_dict()`` with the article text added under
``document.text``: the ledger's offsets are only auditable next to the text
they index, and a reader of the export should not need the database to check
them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from reportedly.model import Ledger


def ledger_record(ledger: Ledger) -> dict[str, Any]:
    """The exported form of one ledger: ``Ledger.to_dict()`` plus the document text."""
    record = ledger.to_dict()
    record["document"]["text"] = ledger.document.text
    return record


def jsonl_lines(ledgers: Iterable[Ledger]) -> Iterator[str]:
    """One JSON line (newline included) per ledger, so large stores stream."""
    for ledger in ledgers:
        # ensure_ascii=False keeps the text readable; json still escapes the
        # newlines inside strings, so one record stays one line.
        yield json.dumps(ledger_record(ledger), ensure_ascii=False, default=str) + "\n"


def ledgers_to_jsonl(ledgers: Iterable[Ledger]) -> str:
    return "".join(jsonl_lines(ledgers))
