"""``analyze_many`` parses and reads ahead on a spare core: the ledgers are the ones it makes one
document at a time, the work really runs on the helper threads, and the helpers stay a bounded
number of documents ahead (issue 20)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from importlib import resources

import pytest

import reportedly
from reportedly.extract import encoder
from reportedly.ingest.layout import parse_layout
from reportedly.nlp import blocks

TEXTS = [
    (resources.files("reportedly") / "data" / "demo-article.txt").read_text("utf-8"),
    "Port repairs end\n\nThe port authority in Odesa said on Monday that 40 cranes were repaired.\n\n"
    "“We are open again,” the harbour master told reporters, adding that 12 ships had docked.",
    "Talks stall\n\nNegotiators have not agreed on a date, according to two diplomats.\n\n"
    "The ministry declined to comment. Officials denied that troops had crossed the border.",
    "Storm warning\n\nForecasters expect winds of up to 120 km/h by Friday, the weather service said.",
]


def _ledgers() -> list[str]:
    docs = [parse_layout(t, published="2024-11-20") for t in TEXTS]
    return [json.dumps(led.to_dict(), sort_keys=True) for led in reportedly.analyze_many(docs)]


@pytest.fixture
def threads_seen(monkeypatch: pytest.MonkeyPatch) -> Iterator[set[str]]:
    """The names of the threads spaCy's parse ran on."""
    seen: set[str] = set()
    parse_many = blocks.parse_many

    def spy(*args: object, **kwargs: object) -> Iterator[list[blocks.Block]]:
        for parsed in parse_many(*args, **kwargs):  # type: ignore[arg-type]
            seen.add(threading.current_thread().name)
            yield parsed

    monkeypatch.setattr(blocks, "parse_many", spy)
    yield seen


def test_parsing_ahead_gives_the_ledgers_of_one_core(
    monkeypatch: pytest.MonkeyPatch, threads_seen: set[str]
) -> None:
    monkeypatch.setattr(encoder.os, "cpu_count", lambda: 4)
    monkeypatch.setattr(encoder, "_threads", 1)  # set_threads(1): no spare core, all in this thread
    alone = _ledgers()
    assert threads_seen == {threading.current_thread().name}
    threads_seen.clear()
    monkeypatch.setattr(encoder, "_threads", None)
    ahead = _ledgers()
    assert threads_seen and all(name.startswith("reportedly-parser") for name in threads_seen)
    assert ahead == alone
    assert any('"claims": [{' in led for led in ahead)  # the texts do have claims to compare


def test_one_document_is_parsed_in_the_callers_thread(
    monkeypatch: pytest.MonkeyPatch, threads_seen: set[str]
) -> None:
    monkeypatch.setattr(encoder.os, "cpu_count", lambda: 4)
    monkeypatch.setattr(encoder, "_threads", None)
    reportedly.analyze(TEXTS[1])
    assert threads_seen == {threading.current_thread().name}


def test_ahead_keeps_order_and_a_bounded_lead() -> None:
    started: list[int] = []
    lead: list[int] = []

    def task(n: int):  # noqa: ANN202 - a task factory
        def run() -> int:
            started.append(n)
            return n * n

        return run

    results = []
    for value in reportedly._ahead((task(n) for n in range(10)), "test-ahead", depth=3):
        results.append(value)
        lead.append(len(started) - len(results))
    assert results == [n * n for n in range(10)]
    assert max(lead) <= 3


def test_ahead_raises_where_the_failing_result_would_come() -> None:
    def ok() -> str:
        return "ok"

    def fails() -> str:
        raise ValueError("document 2 failed")

    got = []
    with pytest.raises(ValueError, match="document 2 failed"):
        for value in reportedly._ahead(iter([ok, ok, fails, ok]), "test-ahead"):
            got.append(value)
    assert got == ["ok", "ok"]


class _FakeLibc:
    calls: list[tuple[int, int]] = []

    def __init__(self, name: str) -> None:
        assert name == "libc.so.6"

    def mallopt(self, option: int, value: int) -> int:
        self.calls.append((option, value))
        return 1


def test_helpers_start_with_malloc_held_to_two_arenas(monkeypatch: pytest.MonkeyPatch) -> None:
    import ctypes

    _FakeLibc.calls = []
    monkeypatch.setattr(ctypes, "CDLL", _FakeLibc)
    monkeypatch.setattr(reportedly, "_ARENAS_CAPPED", False)
    monkeypatch.delenv("MALLOC_ARENA_MAX", raising=False)
    assert list(reportedly._ahead(iter([lambda: 1, lambda: 2]), "test-ahead")) == [1, 2]
    list(reportedly._ahead(iter([lambda: 3]), "test-ahead"))  # once per process
    assert _FakeLibc.calls == [(-8, 2)]  # M_ARENA_MAX


def test_a_users_malloc_arena_max_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    import ctypes

    _FakeLibc.calls = []
    monkeypatch.setattr(ctypes, "CDLL", _FakeLibc)
    monkeypatch.setattr(reportedly, "_ARENAS_CAPPED", False)
    monkeypatch.setenv("MALLOC_ARENA_MAX", "8")
    list(reportedly._ahead(iter([lambda: 1]), "test-ahead"))
    assert _FakeLibc.calls == []
