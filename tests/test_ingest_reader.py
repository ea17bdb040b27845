"""Reading files and stdin: the failures users actually hit must be named clearly."""

from __future__ import annotations

import io
import pickle
import sys
import time
from pathlib import Path

import pytest

from reportedly.ingest import IngestError, decode_bytes, read_source
from reportedly.ingest.reader import DEFAULT_MAX_BYTES, binary_kind


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _reason(exc_info: pytest.ExceptionInfo[IngestError]) -> str:
    return exc_info.value.reason


def test_reads_utf8_file_exactly(tmp_path: Path) -> None:
    body = "Café owners said “prices rose”.\r\nSecond line — with a dash.\n"
    path = _write(tmp_path, "a.txt", body.encode("utf-8"))
    assert read_source(path) == body  # newlines and characters untouched


def test_strips_utf8_bom(tmp_path: Path) -> None:
    path = _write(tmp_path, "bom.txt", b"\xef\xbb\xbfHeadline here\n\nBody text.")
    assert read_source(path) == "Headline here\n\nBody text."


def test_utf16_with_bom_is_text_not_binary(tmp_path: Path) -> None:
    path = _write(tmp_path, "u16.txt", "Wide text, said the clerk.".encode("utf-16"))
    assert read_source(path) == "Wide text, said the clerk."


def test_empty_file(tmp_path: Path) -> None:
    with pytest.raises(IngestError) as info:
        read_source(_write(tmp_path, "empty.txt", b""))
    assert _reason(info) == "empty"
    assert "empty.txt" in str(info.value)


def test_whitespace_only_file(tmp_path: Path) -> None:
    with pytest.raises(IngestError) as info:
        read_source(_write(tmp_path, "blank.txt", b" \n\t\r\n   \n"))
    assert _reason(info) == "empty"


def test_unicode_whitespace_only_is_empty(tmp_path: Path) -> None:
    with pytest.raises(IngestError) as info:
        read_source(_write(tmp_path, "nbsp.txt", "\u00a0\u2003\n".encode()))
    assert _reason(info) == "empty"


def test_png_like_file_is_binary(tmp_path: Path) -> None:
    data = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4
    with pytest.raises(IngestError) as info:
        read_source(_write(tmp_path, "photo.txt", data))
    assert _reason(info) == "binary"
    assert "PNG" in str(info.value)


def test_zip_and_nul_bytes_are_binary(tmp_path: Path) -> None:
    with pytest.raises(IngestError) as info:
        read_source(_write(tmp_path, "a.txt", b"PK\x03\x04\x14\x00\x00\x00rest"))
    assert _reason(info) == "binary"
    with pytest.raises(IngestError) as info:
        read_source(_write(tmp_path, "b.txt", b"plain start\x00then nul"))
    assert _reason(info) == "binary"


def test_control_character_flood_is_binary() -> None:
    assert binary_kind(bytes([1, 2, 3, 4, 5, 6, 0x0E, 0x0F]) * 100 + b"abc") is not None
    assert binary_kind(b"Normal text\twith tabs\r\nand lines.\n") is None


def test_invalid_utf8_names_byte_and_offset_and_fix(tmp_path: Path) -> None:
    data = b"Caf" + b"\xe9 owners complained."
    path = _write(tmp_path, "latin.txt", data)
    with pytest.raises(IngestError) as info:
        read_source(path)
    err = info.value
    assert err.reason == "encoding"
    assert err.source == str(path)
    assert "0xe9" in err.message and "offset 3" in err.message
    assert "--encoding latin-1" in err.message
    assert read_source(path, encoding="latin-1") == "Café owners complained."


def test_invalid_utf8_offset_counts_the_bom(tmp_path: Path) -> None:
    path = _write(tmp_path, "bom-latin.txt", b"\xef\xbb\xbfab\xff")
    with pytest.raises(IngestError) as info:
        read_source(path)
    assert "offset 5" in info.value.message


def test_unknown_encoding_is_an_encoding_error(tmp_path: Path) -> None:
    with pytest.raises(IngestError) as info:
        read_source(_write(tmp_path, "a.txt", b"text"), encoding="no-such-codec")
    assert _reason(info) == "encoding"


def test_huge_sparse_file_is_rejected_fast_without_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.write(b"A line of text that starts a very large file.\n")
        fh.truncate(50 * 1024 * 1024)

    def no_open(*args: object, **kwargs: object) -> None:
        raise AssertionError("the oversize file must be refused before it is opened")

    monkeypatch.setattr(Path, "open", no_open)
    t0 = time.perf_counter()
    with pytest.raises(IngestError) as info:
        read_source(path)
    assert time.perf_counter() - t0 < 1.0
    assert _reason(info) == "too_large"
    assert "50.0 MB" in info.value.message and "10.0 MB" in info.value.message


def test_max_bytes_is_configurable(tmp_path: Path) -> None:
    path = _write(tmp_path, "a.txt", b"x" * 200)
    with pytest.raises(IngestError) as info:
        read_source(path, max_bytes=100)
    assert _reason(info) == "too_large"
    assert read_source(path, max_bytes=200) == "x" * 200


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(IngestError) as info:
        read_source(tmp_path / "nope.txt")
    assert _reason(info) == "not_found"
    with pytest.raises(IngestError) as info:
        read_source(tmp_path)
    assert _reason(info) == "is_directory"
    assert "is a directory, not a file" in info.value.message


def _fake_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> io.BytesIO:
    raw = io.BytesIO(data)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(raw, encoding="utf-8"))
    return raw


def test_stdin_dash(monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_stdin(monkeypatch, "Headline\n\nBody “quoted”.\n".encode())
    assert read_source("-") == "Headline\n\nBody “quoted”.\n"


def test_stdin_reads_at_most_max_bytes_plus_one(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = _fake_stdin(monkeypatch, b"y" * 5000)
    with pytest.raises(IngestError) as info:
        read_source("-", max_bytes=1000)
    assert _reason(info) == "too_large"
    assert info.value.source == "<stdin>"
    assert raw.tell() <= 1001 + io.DEFAULT_BUFFER_SIZE  # did not slurp the whole stream


def test_stdin_empty(monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_stdin(monkeypatch, b"")
    with pytest.raises(IngestError) as info:
        read_source("-")
    assert _reason(info) == "empty"


def test_decode_bytes_used_by_url_path() -> None:
    assert decode_bytes(b"ok text", "https://x.example/a") == "ok text"
    with pytest.raises(IngestError) as info:
        decode_bytes(b"bad \x92 quote", "https://x.example/a")
    assert info.value.source == "https://x.example/a"
    assert decode_bytes(b"bad \x92 quote", "u", "cp1252") == "bad \u2019 quote"


def test_default_limit_is_ten_megabytes() -> None:
    assert DEFAULT_MAX_BYTES == 10 * 1024 * 1024


def test_ingest_error_contract() -> None:
    err = IngestError("fetch", "https://x.example", "could not fetch; check the URL", line=3)
    assert str(err) == "could not fetch; check the URL"
    assert err.to_dict() == {
        "reason": "fetch",
        "source": "https://x.example",
        "message": "could not fetch; check the URL",
        "line": 3,
    }
    back = pickle.loads(pickle.dumps(err))
    assert (back.reason, back.source, back.message, back.line) == (
        "fetch",
        "https://x.example",
        err.message,
        3,
    )
    with pytest.raises(ValueError):
        IngestError("oops", None, "a typo in a reason must not pass")
