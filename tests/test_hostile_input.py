"""Hostile inputs are refused with a message naming the cause, and over-limit documents are skipped."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reportedly.cli import EXIT_INPUT, app
from reportedly.ingest import IngestError, load_documents
from reportedly.ingest.reader import read_bytes

runner = CliRunner()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need POSIX")
def test_named_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(IngestError) as caught:
        read_bytes(fifo)  # would block forever if it opened the pipe
    assert "not a regular file" in caught.value.message
    assert str(fifo) in caught.value.message or "pipe.txt" in caught.value.message


def test_symlink_loop_is_refused(tmp_path: Path) -> None:
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    with pytest.raises(IngestError) as caught:
        read_bytes(loop)
    assert "cannot be read" in caught.value.message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need POSIX")
def test_pipe_and_symlink_loop_have_reasons_of_their_own(tmp_path: Path) -> None:
    """Both used to be reported as ``not_found``, which sends a user looking for a missing file."""
    os.mkfifo(tmp_path / "pipe.txt")
    os.mkfifo(tmp_path / "pipe.jsonl")  # the JSONL reader opened it and blocked
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    (tmp_path / "loop.jsonl").symlink_to(tmp_path / "loop.jsonl")
    reasons = {}
    for name in ("pipe.txt", "pipe.jsonl", "loop.txt", "loop.jsonl"):
        (error,) = list(load_documents(tmp_path / name))
        assert isinstance(error, IngestError) and name in error.message
        reasons[name] = error.reason
    assert reasons == {
        "pipe.txt": "not_regular_file",
        "pipe.jsonl": "not_regular_file",
        "loop.txt": "symlink_loop",
        "loop.jsonl": "symlink_loop",
    }


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads a file of mode 000")
def test_unreadable_file_is_not_reported_missing(tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text("Locked\n\nThe council said the road would reopen.", encoding="utf-8")
    locked.chmod(0)
    (error,) = list(load_documents(locked))
    assert isinstance(error, IngestError) and error.reason == "unreadable"


@pytest.mark.slow  # waits out a 10 s time limit
def test_analyze_stops_a_document_over_its_time_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    import reportedly

    good = tmp_path / "a_good.txt"
    good.write_text(
        "Pier closed\n\nThe harbour authority said on Monday the pier would close.", encoding="utf-8"
    )
    slow = tmp_path / "b_slow.txt"
    slow.write_text("Slow article\n\nThe minister said on Tuesday that prices would fall.", encoding="utf-8")
    real = reportedly.analyze_document

    def sometimes_slow(document, nlp=None):  # noqa: ANN001, ANN202 - stand-in for the real one
        if "minister" in document.text:
            time.sleep(120)
        return real(document, nlp)

    monkeypatch.setattr(reportedly, "analyze_document", sometimes_slow)
    result = runner.invoke(app, ["analyze", str(tmp_path), "--timeout", "10"], env={"COLUMNS": "200"})
    assert result.exit_code == EXIT_INPUT
    assert "b_slow.txt" in result.output and "--timeout" in result.output
    assert "harbour authority" in result.output.lower() or "Pier closed" in result.output


def test_memory_limit_stops_an_analysis_that_keeps_growing(monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    import psutil

    import reportedly
    from reportedly.batch import analyze_outcome
    from reportedly.model import Document

    def hog(document, nlp=None):  # noqa: ANN001, ANN202 - stand-in that only allocates
        held = []
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            held.append(bytearray(8 * 1024 * 1024))
            time.sleep(0.005)
        raise AssertionError("the memory limit never stopped the analysis")

    monkeypatch.setattr(reportedly, "analyze_document", hog)
    before = psutil.Process().memory_info().rss / 2**20
    limit = 300  # MiB the document may add, whatever the process held before it
    outcome = analyze_outcome(Document(text="Some text."), timeout=0, max_memory=limit)
    assert outcome.reason == "memory"
    assert "--max-memory" in outcome.message and f"{limit:g} MiB" in outcome.message
    assert psutil.Process().memory_info().rss / 2**20 < before + limit + 200  # the hog's memory was let go


def test_the_memory_limit_bounds_growth_not_what_the_process_already_holds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A process already above the limit's size (a notebook, a server after many requests) still
    analyses documents: the limit is what one document adds."""
    import psutil

    import reportedly
    from reportedly.batch import analyze_outcome
    from reportedly.model import Document

    # loading the models is the process's memory, not the document's: run alone, this test
    # would otherwise count the model load as the document's growth
    reportedly.warm_up()
    reportedly.analyze("The mayor said 3 people were hurt.")
    held = bytearray(400 * 1024 * 1024)  # the process holds 400 MiB more than the limit allows a document
    held[::4096] = b"x" * len(held[::4096])  # touch every page so it is resident
    assert psutil.Process().memory_info().rss / 2**20 > 200
    outcome = analyze_outcome(Document(text="The mayor said 12 people were hurt."), timeout=0, max_memory=200)
    assert outcome.ok, outcome.message
    del held


def test_size_refusal_names_the_flag_and_the_flag_raises_the_limit(tmp_path: Path) -> None:
    from reportedly import cli
    from reportedly.ingest.reader import DEFAULT_MAX_BYTES

    assert cli.DEFAULT_MAX_BYTES == DEFAULT_MAX_BYTES
    article = tmp_path / "long.txt"
    article.write_text("Title\n\n" + "The mayor said on Monday that the bridge would reopen. " * 40)
    refused = runner.invoke(app, ["analyze", str(article), "--max-bytes", "1000"])
    assert refused.exit_code == EXIT_INPUT
    assert "--max-bytes" in refused.output and "long.txt" in refused.output
    allowed = runner.invoke(app, ["analyze", str(article), "--max-bytes", "100000", "--json"])
    assert allowed.exit_code == 0, allowed.output


def test_symlink_loop_given_directly_is_named_as_unreadable(tmp_path: Path) -> None:
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    result = runner.invoke(app, ["analyze", str(loop)])
    assert result.exit_code == EXIT_INPUT
    assert "cannot be read" in result.output and "does not exist" not in result.output


def test_a_directory_where_a_file_is_expected_is_not_reported_missing(tmp_path: Path) -> None:
    """A directory exists: calling it ``not_found`` sent users looking for a missing path."""
    from reportedly.ingest.jsonl import documents_from_jsonl

    folder = tmp_path / "articles.txt"
    folder.mkdir()
    with pytest.raises(IngestError) as caught:
        read_bytes(folder)
    assert caught.value.reason == "is_directory"
    assert "articles.txt is a directory, not a file" in caught.value.message
    batch = tmp_path / "batch.jsonl"
    batch.mkdir()  # was "not a regular file (a named pipe, device or socket)"
    (error,) = list(documents_from_jsonl(batch))
    assert isinstance(error, IngestError) and error.reason == "is_directory"
    assert "batch.jsonl is a directory" in error.message


def test_a_directory_without_articles_says_so(tmp_path: Path) -> None:
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (error,) = list(load_documents(tmp_path))
    assert isinstance(error, IngestError) and error.reason == "no_articles"
    assert "holds no" in error.message and str(tmp_path) in error.message
