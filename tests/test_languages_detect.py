"""Language detection: each document's language is found, kept in its meta and shown in the store."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportedly.languages import detect_language, language_of
from reportedly.model import Document, Ledger
from reportedly.store import Store


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The ministry said on Tuesday that the dam had been breached overnight.", "en"),
        ("정보당국은 사망자가 모두 12명으로 늘었다고 23일 밝혔다.", "ko"),
        ("Глава района заявил, что вода поднялась более чем на два метра.", "ru"),
        ("Голова обласної адміністрації повідомив, що кількість загиблих зросла до 12.", "uk"),
        ("Міністр сказав, що евакуація триває.", "uk"),
        ("Министр сказал, что эвакуация продолжается, подъём воды объявлен.", "ru"),
    ],
)
def test_detects_the_language_of_a_text(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_empty_text_falls_back_to_english() -> None:
    assert detect_language("  12 345 ") == "en"


def test_language_is_kept_in_meta_and_a_given_one_wins() -> None:
    from reportedly.ingest.layout import parse_layout

    doc: Document = parse_layout("정보당국은 사망자가 모두 12명으로 늘었다고 23일 밝혔다.")
    assert language_of(doc) == "ko"
    assert doc.meta["language"] == "ko"
    doc.meta["language"] = "ru"  # what a feed or the caller said is kept
    assert language_of(doc) == "ru"


def test_store_lists_the_language_of_each_document(tmp_path: Path) -> None:
    from reportedly.ingest.layout import parse_layout

    doc = parse_layout("Глава района заявил, что вода поднялась более чем на два метра.")
    language_of(doc)
    with Store(tmp_path / "ledger.db") as store:
        store.save(Ledger(document=doc), source="ru.txt")
        (row,) = store.documents()
        assert row["language"] == "ru"
        assert store.load(doc.id).document.meta["language"] == "ru"
