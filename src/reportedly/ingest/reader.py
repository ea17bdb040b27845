"""Reading raw bytes from files or stdin and turning them into text safely.

Users point the tool at whatever is on their disk, so the reader must fail
fast and clearly on the usual mistakes (a 2 GB log, a PNG, a Latin-1 export)
instead of loading it all into memory or guessing an encoding and producing
mojibake that would then be quoted as evidence in the ledger.
"""

from __future__ import annotations

import codecs
import os
import stat
import sys
from pathlib import Path

from reportedly.ingest.errors import IngestError, unreadable

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
SNIFF_BYTES = 8192

# Formats people plausibly feed us by accident; naming them makes the error actionable.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "zip archive (or .docx/.xlsx/.epub)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy Office document"),
    (b"\x7fELF", "executable"),
    (b"SQLite format 3\x00", "SQLite database"),
)
_UTF16_32_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters that legitimately appear in text files.
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\b\x1b")
_MAX_CONTROL_SHARE = 0.10


def _source_name(source: str | os.PathLike[str]) -> str:
    return "<stdin>" if str(source) == "-" else str(source)


def _human_size(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB" if n >= 1024 * 1024 else f"{n} bytes"


def _too_large(name: str, size: int | None, max_bytes: int) -> IngestError:
    what = f"is {_human_size(size)}" if size is not None else "is larger than the limit"
    return IngestError(
        "too_large",
        name,
        f"{name} {what}, over the {_human_size(max_bytes)} limit; "
        "split it into single articles or raise the limit with --max-bytes",
    )


def binary_kind(sample: bytes) -> str | None:
    """Name the binary format of ``sample``, or None when it looks like text.

    Only the head is inspected: a text file never starts with a PNG header, and
    scanning 8 KB is enough to see NUL bytes or a flood of control characters
    without paying for a multi-megabyte scan.
    """
    sample = sample[:SNIFF_BYTES]
    for magic, kind in _MAGIC:
        if sample.startswith(magic):
            return kind
    if not sample:
        return None
    if b"\x00" in sample:
        return "binary data (contains NUL bytes)"
    controls = sum(1 for b in sample if (b < 0x20 and b not in _TEXT_CONTROLS) or b == 0x7F)
    if controls / len(sample) > _MAX_CONTROL_SHARE:
        return "binary data (many control characters)"
    return None


def kind_phrase(kind: str) -> str:
    """``kind`` from :func:`binary_kind` as it reads after "looks like": "an executable",
    "a PDF document", and "binary data (…)" without an article."""
    if kind.startswith("binary data"):
        return kind
    return f"{'an' if kind[0].lower() in 'aeiou' else 'a'} {kind}"


def read_bytes(path_or_dash: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read a file or stdin, refusing oversize input before it is in memory.

    Files are sized with ``stat`` first; the read is still capped at
    ``max_bytes + 1`` because special files (pipes, ``/dev/zero``) report a
    size of 0 and files can grow between the stat and the read.
    """
    name = _source_name(path_or_dash)
    if str(path_or_dash) == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise _too_large(name, None, max_bytes)
        return data
    path = Path(path_or_dash)
    try:
        st = path.stat()
    except FileNotFoundError:
        raise IngestError("not_found", name, f"{name} does not exist; check the path") from None
    except OSError as exc:
        raise unreadable(name, exc, "check the path") from None
    if path.is_dir():
        # it exists, so "not_found" sent users looking for a missing path
        raise IngestError(
            "is_directory",
            name,
            f"{name} is a directory, not a file; pass one of its files, or ingest the directory as a batch",
        )
    if not stat.S_ISREG(st.st_mode):
        # Opening a named pipe blocks until a writer comes, possibly forever; a device
        # or socket has no end. Only regular files (or '-') are read.
        raise IngestError(
            "not_regular_file",
            name,
            f"{name} is not a regular file (a named pipe, device or socket); "
            "save it to a file first, or pipe it in as '-'",
        )
    if st.st_size > max_bytes:
        raise _too_large(name, st.st_size, max_bytes)
    try:
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise unreadable(name, exc, "check its permissions") from None
    if len(data) > max_bytes:
        raise _too_large(name, None, max_bytes)
    return data


def _not_text(name: str, kind: str) -> IngestError:
    """The error for bytes that are a file of another kind (an image, a PDF …), not text."""
    return IngestError(
        "binary",
        name,
        f"{name} looks like {kind_phrase(kind)}, not text; pass an article as .txt, .html, .jsonl or a feed",
    )


def _decode(data: bytes, codec: str, name: str, described: str, hint: str, shift: int = 0) -> str:
    """``data`` decoded, or an error naming the first bad byte and its offset in the file
    (``shift``: the length of a byte-order mark cut off before decoding) and what to do."""
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1]
        raise IngestError(
            "encoding",
            name,
            f"{name} is not valid {described} (byte 0x{bad.hex()} at offset {exc.start + shift}); {hint}",
        ) from None


def decode_bytes(data: bytes, source: str | None, encoding: str | None = None) -> str:
    """Decode ``data`` strictly; a wrong guess would corrupt quoted evidence.

    Without ``encoding`` only UTF-8 (with or without BOM) and BOM-marked
    UTF-16/32 are accepted. With ``encoding`` the caller has taken
    responsibility, but binary content is still refused.
    """
    name = source or "<input>"
    if not data.strip():
        raise IngestError("empty", name, f"{name} is empty; nothing to analyse")

    if encoding is None:
        codec = "utf-8"
        body = data
        bom_len = 0
        for bom, bom_codec in _UTF16_32_BOMS:
            if data.startswith(bom):
                codec, body = bom_codec, data  # the utf-16/32 codecs consume the BOM themselves
                break
        else:
            if data.startswith(codecs.BOM_UTF8):
                bom_len = len(codecs.BOM_UTF8)
                body = data[bom_len:]
            kind = binary_kind(body)
            if kind:
                raise _not_text(name, kind)
        text = _decode(
            body, codec, name, codec.upper(), "re-save it as UTF-8 or pass --encoding latin-1", shift=bom_len
        )
    else:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise IngestError(
                "encoding",
                name,
                f"unknown encoding {encoding!r}; use a name such as utf-8, latin-1 or cp1252",
            ) from None
        kind = _binary_kind_for_explicit(data, encoding)
        if kind:
            raise _not_text(name, kind)
        text = _decode(data, encoding, name, encoding, "check the --encoding value")

    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise IngestError("empty", name, f"{name} contains only whitespace; nothing to analyse")
    return text


def _binary_kind_for_explicit(data: bytes, encoding: str) -> str | None:
    """Binary sniffing that does not trip over wide encodings the user asked for."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    norm = codecs.lookup(encoding).name
    if norm.startswith(("utf-16", "utf-32")):
        return None  # NUL bytes are normal there; a bad file will fail to decode instead
    return binary_kind(data)


def read_source(
    path_or_dash: str | os.PathLike[str], *, encoding: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> str:
    """The text of a file, or of stdin for ``-``, checked and decoded."""
    data = read_bytes(path_or_dash, max_bytes=max_bytes)
    return decode_bytes(data, _source_name(path_or_dash), encoding)
