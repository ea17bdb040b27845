"""Story corpora: many outlets' articles on one event plus a gold file.

The format is the one of ``shared/data/stories/*`` (and of our own held-out
story in ``benchmarks/stories/``): a folder holding ``gold.json`` and, kept
apart because the texts are third-party pages, an ``articles/`` folder with
one text file per article::

    line 1  title
    line 2  published date (YYYY-MM-DD)
    line 3  outlet
    line 4  url
    line 5  (empty)
    line 6… the page text (the article *body*; every gold quote is a substring of it)

:func:`load_story_corpus` turns both into :class:`~reportedly.model.Document`
objects (body as text, header as metadata) and the gold as a plain dict, so a
scorer can analyse, store and link the documents exactly as ``ingest`` would.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..ingest.header import split_header
from ..ingest.layout import parse_layout
from ..model import Document


class CorpusError(ValueError):
    """A story corpus that cannot be read: the message says which file and what to do."""


@dataclass(slots=True)
class StoryCorpus:
    """A gold file and its articles, keyed by the gold's file names."""

    name: str
    gold: dict[str, Any]
    articles: dict[str, StoryArticle] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)

    def body(self, file: str) -> str:
        return self.articles[file].document.text

    def only_language(self, language: str) -> StoryCorpus:
        """The corpus cut to the documents the gold marks as written in ``language``
        (``documents[].language``; a document without one is English), to score one language
        of a mixed-language story apart."""
        keep = {d["file"] for d in self.gold.get("documents", []) if d.get("language", "en") == language}
        gold = {**self.gold, "claims": {f: c for f, c in self.gold.get("claims", {}).items() if f in keep}}
        return StoryCorpus(
            name=f"{self.name}:{language}",
            gold=gold,
            articles={f: a for f, a in self.articles.items() if f in keep},
            missing=[f for f in self.missing if f in keep],
        )

    def file_of(self, document_id: str) -> str | None:
        for file, art in self.articles.items():
            if art.document.id == document_id:
                return file
        return None


@dataclass(frozen=True, slots=True)
class StoryArticle:
    """One article of a corpus as the scorer needs it: the gold names it by ``file``; ``in_story``
    is False for a distractor, and ``wire`` names the agency whose copy it is (wire copies count
    as one origin)."""

    file: str
    document: Document
    in_story: bool
    wire: str | None = None


def read_article(path: Path) -> tuple[dict[str, str], str]:
    """The 4 header fields and the body of one article file."""
    try:
        raw = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise CorpusError(f"{path} is not UTF-8 text ({exc.reason})") from None
    found = split_header(raw, strict=False)
    if found is None:
        raise CorpusError(
            f"{path} does not start with the 5-line header (title, date, outlet, url, empty line)"
        )
    return found


def load_story_corpus(gold_dir: str | Path, articles_dir: str | Path | None = None) -> StoryCorpus:
    """Read ``gold_dir/gold.json`` and the articles it lists.

    ``articles_dir`` defaults to ``gold_dir/articles``. Articles the gold lists
    but the folder lacks are recorded in ``missing`` (the scorers skip their
    items and say how many); a folder holding none of them is an error.
    """
    gold_dir = Path(gold_dir)
    gold_path = gold_dir / "gold.json" if gold_dir.is_dir() else gold_dir
    if not gold_path.is_file():
        raise CorpusError(f"{gold_path} does not exist; give the folder that holds gold.json")
    try:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise CorpusError(f"{gold_path} is not valid JSON ({exc})") from None
    if not isinstance(gold, dict) or not isinstance(gold.get("documents"), list):
        raise CorpusError(f"{gold_path} has no 'documents' list; is it a story gold file?")
    folder = Path(articles_dir) if articles_dir is not None else gold_path.parent / "articles"
    if not folder.is_dir():
        raise CorpusError(
            f"articles folder {str(folder)!r} does not exist; collect the texts first "
            "(see the corpus README) and pass --articles"
        )
    corpus = StoryCorpus(name=gold_path.parent.name, gold=gold)
    for entry in gold["documents"]:
        file = entry["file"]
        path = folder / file
        if not path.is_file():
            corpus.missing.append(file)
            continue
        header, body = read_article(path)
        document = parse_layout(
            body,
            title=header["title"] or entry.get("title"),
            url=header["url"] or entry.get("url"),
            outlet=header["outlet"] or entry.get("outlet"),
            published=header["published"] or entry.get("published"),
        )
        document.meta.update(format="text", source=str(path))
        corpus.articles[file] = StoryArticle(
            file, document, bool(entry.get("in_story", True)), entry.get("wire")
        )
    if not corpus.articles:
        raise CorpusError(f"{folder} holds none of the {len(gold['documents'])} articles gold.json lists")
    return corpus
