"""The one converter behind the ledger types' JSON: keys in order, values by their declared types."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pytest

from reportedly.model import ClaimRef, Span, Stance, TimelinePoint
from reportedly.model.encode import as_json, from_json, plain


@dataclass(slots=True)
class _Row:
    id: str
    stance: Stance
    when: date | None
    spans: list[Span] = field(default_factory=list)
    flag: bool = False


def test_as_json_writes_the_keys_in_the_order_given_each_value_plainly() -> None:
    row = _Row("r1", Stance.DENIED, date(2024, 11, 20), [Span(0, 2, "ab")], True)
    written = as_json(row, "flag when id stance spans count", count=len(row.spans))
    assert list(written) == ["flag", "when", "id", "stance", "spans", "count"]
    assert written == {
        "flag": True,
        "when": "2024-11-20",
        "id": "r1",
        "stance": "denied",
        "spans": [{"text": "ab", "start": 0, "end": 2}],
        "count": 1,
    }


def test_as_json_refuses_a_value_for_a_key_it_does_not_write() -> None:
    with pytest.raises(AssertionError, match="extra"):
        as_json(_Row("r1", Stance.DENIED, None), "id", extra=1)


def test_from_json_reads_each_field_by_its_type_and_is_the_inverse() -> None:
    row = _Row("r1", Stance.DENIED, date(2024, 11, 20), [Span(0, 2, "ab")], True)
    assert from_json(_Row, as_json(row, "id stance when spans flag")) == row
    assert plain(None) is None and plain([Stance.REPORTED]) == ["reported"]


def test_from_json_fills_missing_keys_as_data_get_did_and_names_a_required_one() -> None:
    evidence = {"text": "x", "start": 0, "end": 1}
    ref = ClaimRef.from_dict({"id": "c", "document": "d", "stance": "reported", "evidence": evidence})
    assert (ref.document_id, ref.outlet, ref.published, ref.negated, ref.content) == (
        "d",
        None,
        None,
        False,
        Span(0, 1, "x"),
    )
    with pytest.raises(KeyError, match="stance"):
        ClaimRef.from_dict({"id": "c", "document": "d", "evidence": evidence})
    point = TimelinePoint.from_dict(
        {"date": "", "value": 0.0, "stance": "reported", "document": "d", "claim": "c", "evidence": evidence}
    )
    assert (point.date, point.value, point.approximate) == (None, 0.0, False)  # 0 stays a number
