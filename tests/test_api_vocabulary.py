"""``GET /api/vocabulary`` serves the model's enums, and the web UI keeps no copy of them.

The UI's claim filters once listed stances and kinds from arrays in ``app.js``, and those had
fallen behind the model (no ``expected``, ``conditional`` or ``outlet``); the browser test
(tests/test_browser.py) checks the filters now show what this endpoint serves.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from reportedly.api import create_app
from reportedly.model import VOCABULARY, ClaimKind, ConflictKind, EntityType, SectionKind, Stance

STATIC = Path(__file__).resolve().parents[1] / "src" / "reportedly" / "api" / "static"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with TestClient(create_app(tmp_path_factory.mktemp("vocabulary") / "v.db")) as c:
        yield c


def test_the_vocabulary_is_every_enum_value_in_order(client: TestClient) -> None:
    answer = client.get("/api/vocabulary")
    assert answer.status_code == 200
    words = answer.json()
    assert set(words) == set(VOCABULARY) >= {"stance", "kind", "section", "entity_type", "conflict_kind"}
    for name, enum in VOCABULARY.items():
        assert words[name] == [m.value for m in enum], name
    assert words["stance"] == [s.value for s in Stance] and "conditional" in words["stance"]
    assert words["kind"][-1] == ClaimKind.OUTLET.value
    assert words["entity_type"] == [t.value for t in EntityType]
    assert words["conflict_kind"] == [k.value for k in ConflictKind]


def test_the_vocabulary_is_in_the_openapi_schema(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert "/api/vocabulary" in schema["paths"]
    props = schema["components"]["schemas"]["VocabularyOut"]["properties"]
    assert props["stance"]["items"] == {"$ref": "#/components/schemas/Stance"}


@pytest.mark.parametrize("name", ["stance", "kind", "section"])
def test_every_listed_value_is_a_valid_claim_filter(client: TestClient, name: str) -> None:
    for value in client.get("/api/vocabulary").json()[name]:
        assert client.get("/api/claims", params={name: value}).status_code == 200, (name, value)
    assert client.get("/api/claims", params={name: "no-such-value"}).status_code == 422


def test_the_ui_scripts_carry_no_copy_of_an_enum() -> None:
    """No two consecutive values of any enum stand as a list in a UI script."""
    scripts = {p.name: p.read_text(encoding="utf-8") for p in STATIC.glob("*.js")}
    assert "app.js" in scripts
    for enum in (*VOCABULARY.values(), SectionKind):
        values = [m.value for m in enum]
        for a, b in zip(values, values[1:], strict=False):
            pair = re.compile(rf"""["']{re.escape(a)}["']\s*,\s*["']{re.escape(b)}["']""")
            for name, text in scripts.items():
                assert not pair.search(text), f"{name} lists {enum.__name__} values {a!r}, {b!r}"
