"""Environment variables are read in reportedly.settings only, and when asked for."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from reportedly import settings

SRC = Path(__file__).resolve().parents[1] / "src" / "reportedly"


def test_values_are_read_when_asked_for(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(settings.DB_ENV, raising=False)
    assert settings.db() == "reportedly.db"
    monkeypatch.setenv(settings.DB_ENV, "news.db")
    assert settings.db() == "news.db"
    monkeypatch.setenv(settings.ALIASES_ENV, os.pathsep.join(["a.tsv", "", "b.tsv"]))
    assert settings.alias_files() == ["a.tsv", "b.tsv"]
    for value, allowed in (("1", True), ("yes", True), ("true", True), ("0", False), ("", False)):
        monkeypatch.setenv(settings.ALLOW_PRIVATE_ENV, value)
        assert settings.allow_private() is allowed
    monkeypatch.delenv(settings.ENCODER_ENV, raising=False)
    assert settings.encoder() == ""
    monkeypatch.setenv(settings.DEBUG_ENV, "1")
    assert settings.debug()


def test_no_other_module_reads_the_environment() -> None:
    reads = re.compile(r"os\.environ\.get|os\.environ\[|os\.getenv|envvar=\"")
    offenders = [
        str(path.relative_to(SRC))
        for path in SRC.rglob("*.py")
        if path.name != "settings.py" and reads.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_every_variable_is_listed_in_the_docstring() -> None:
    names = [v for k, v in vars(settings).items() if k.endswith("_ENV")]
    assert len(names) >= 8
    for name in names:
        assert name in (settings.__doc__ or "")


def test_encoder_threads_for_dask_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(settings.ENCODER_THREADS_ENV, raising=False)
    assert settings.encoder_threads() is None
    monkeypatch.setenv(settings.ENCODER_THREADS_ENV, " 2 ")
    assert settings.encoder_threads() == 2
    for bad in ("0", "two", "-1"):
        monkeypatch.setenv(settings.ENCODER_THREADS_ENV, bad)
        with pytest.raises(ValueError, match="whole number"):
            settings.encoder_threads()
