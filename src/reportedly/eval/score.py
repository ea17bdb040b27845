"""Span and relation metrics for attribution extraction, as the shared scorer defines them.

The project's reference numbers come from ``../shared/eval/score_attributions.py``.
This module implements the same definitions from its documentation, so that
tests, the quality floor and error analysis can score in-process, on strings,
without files or a subprocess; ``tests/test_eval.py`` checks that both give
identical results. The definitions, restated:

* Annotations are brat standoff. Each segment of a text-bound span is trimmed
  of surrounding white space and quote marks (annotators disagree on whether
  the quotation marks belong to the content; that should not count), empty
  segments vanish, and a span is the sorted tuple of its segments.
* **exact** (per type Source, Cue, Content): P/R/F1 over the *set* of distinct
  spans of that type in each document.
* **token** (per type): P/R/F1 over the whitespace tokens of the document
  touched by any span of that type.
* **relation exact**: one relation per E line with both a cue and a content
  (all roles of the same name merged, ``Content2`` into ``Content``); a
  predicted relation matches when source (or its absence), cue and content are
  all exactly a gold relation's.
* **relation lenient**: each predicted relation, in file order, takes the first
  still unmatched gold relation whose cue shares a token with it, whose
  content has token Jaccard >= 0.5 with it, and whose source shares a token
  with it (or both have none): greedy, one-to-one.
* The gold file for ``NAME.txt`` is the first of ``NAME_*.ann`` in sorted
  order, else ``NAME.ann``; texts without gold are skipped; a missing
  prediction counts as empty.

Only the standard library is used, like the shared scorer.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from ..corpora.polnear import gold_file

SPAN_TYPES = ("Source", "Cue", "Content")
#: Characters trimmed from both ends of every segment before comparison.
TRIM_CHARS = frozenset(" \t\r\n\"'“”‘’")

Segment = tuple[int, int]
SpanKey = tuple[Segment, ...]
#: (source or None, cue, content) of one relation.
Triple = tuple[SpanKey | None, SpanKey, SpanKey]
PRF = tuple[float, float, float]

_TOKEN = re.compile(r"\S+")
_ROLE_NUMBER = re.compile(r"\d+$")


@dataclass(slots=True)
class Annotations:
    """One parsed ``.ann`` file: trimmed spans by T id, and the roles of every E line."""

    spans: dict[str, tuple[str, SpanKey]] = field(default_factory=dict)
    events: list[dict[str, list[str]]] = field(default_factory=list)

    def of_type(self, kind: str) -> set[SpanKey]:
        return {key for k, key in self.spans.values() if k == kind}


def _trimmed(text: str, start: int, end: int) -> Segment | None:
    start, end = max(0, start), min(end, len(text))
    while start < end and text[start] in TRIM_CHARS:
        start += 1
    while end > start and text[end - 1] in TRIM_CHARS:
        end -= 1
    return (start, end) if end > start else None


def parse_annotations(ann_text: str | None, text: str) -> Annotations:
    """Parse brat standoff for scoring; ``None`` (no file) is an empty annotation.

    Lenient by design, because predictions can come from any tool: lines that
    are not well-formed T or E lines are skipped rather than fatal. A T line
    whose segments all trim away is dropped, and so is its role in any E line.
    """
    ann = Annotations()
    if not ann_text:
        return ann
    for line in ann_text.splitlines():
        if line.startswith("T"):
            columns = line.split("\t")
            head = columns[1].split(" ", 1) if len(columns) > 1 else []
            if len(head) < 2:
                continue
            try:
                raw = [tuple(int(n) for n in piece.split()) for piece in head[1].split(";")]
            except ValueError:
                continue
            if any(len(r) != 2 or r[0] < 0 for r in raw):
                continue
            segments = [seg for s, e in raw if (seg := _trimmed(text, s, e)) is not None]
            if segments:
                ann.spans[columns[0]] = (head[0], tuple(sorted(segments)))
        elif line.startswith("E"):
            columns = line.split("\t")
            if len(columns) < 2:
                continue
            roles: dict[str, list[str]] = {}
            for item in columns[1].split()[1:]:  # the first item is the anchor, not a role
                role, sep, ref = item.partition(":")
                if sep:
                    roles.setdefault(_ROLE_NUMBER.sub("", role), []).append(ref)
            ann.events.append(roles)
    return ann


def relation_triples(ann: Annotations) -> list[Triple]:
    """One (source, cue, content) per E line that has a cue and a content, in file order."""

    def role(roles: dict[str, list[str]], name: str) -> SpanKey | None:
        segments = [seg for ref in roles.get(name, []) if ref in ann.spans for seg in ann.spans[ref][1]]
        return tuple(sorted(segments)) if segments else None

    triples: list[Triple] = []
    for roles in ann.events:
        cue, content = role(roles, "Cue"), role(roles, "Content")
        if cue is not None and content is not None:
            triples.append((role(roles, "Source"), cue, content))
    return triples


class Tokens:
    """The whitespace tokens of a text, with a fast lookup of the tokens a span touches."""

    def __init__(self, text: str) -> None:
        found = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
        self.starts = [s for s, _ in found]
        self.ends = [e for _, e in found]

    def __len__(self) -> int:
        return len(self.starts)

    def covered(self, segments: Iterable[Segment]) -> set[int]:
        """Indices of the tokens that overlap any segment by at least one character."""
        out: set[int] = set()
        for start, end in segments:
            # Tokens are sorted and disjoint: the overlapping ones are those
            # ending after ``start`` and starting before ``end``.
            first = bisect_right(self.ends, start)
            last = bisect_left(self.starts, end)
            out.update(range(first, last))
        return out


@dataclass(slots=True)
class Counts:
    """Raw tallies summed over documents; :func:`metrics` turns them into P/R/F1."""

    documents: int = 0
    source_gold: int = 0
    source_pred: int = 0
    source_exact: int = 0
    source_tok_gold: int = 0
    source_tok_pred: int = 0
    source_tok_both: int = 0
    cue_gold: int = 0
    cue_pred: int = 0
    cue_exact: int = 0
    cue_tok_gold: int = 0
    cue_tok_pred: int = 0
    cue_tok_both: int = 0
    content_gold: int = 0
    content_pred: int = 0
    content_exact: int = 0
    content_tok_gold: int = 0
    content_tok_pred: int = 0
    content_tok_both: int = 0
    rel_gold: int = 0
    rel_pred: int = 0
    rel_exact: int = 0
    rel_lenient: int = 0

    def __iadd__(self, other: Counts) -> Counts:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))
        return self


def _bump(counts: Counts, name: str, value: int) -> None:
    setattr(counts, name, getattr(counts, name) + value)


def _jaccard_at_least_half(a: set[int], b: set[int]) -> bool:
    # |a & b| / max(1, |a | b|) >= 0.5, in integers so no rounding can creep in.
    return 2 * len(a & b) >= max(1, len(a | b))


def lenient_matches(gold: list[Triple], pred: list[Triple], tokens: Tokens) -> list[tuple[int, int]]:
    """Greedy one-to-one lenient matching; returns (pred index, gold index) pairs.

    Exposed (not only counted) so error analysis can see which relations
    paired up.
    """
    gold_tokens = [
        (tokens.covered(cue), tokens.covered(content), None if src is None else tokens.covered(src))
        for src, cue, content in gold
    ]
    used: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for i, (src, cue, content) in enumerate(pred):
        p_cue, p_content = tokens.covered(cue), tokens.covered(content)
        p_src = None if src is None else tokens.covered(src)
        for j, (g_cue, g_content, g_src) in enumerate(gold_tokens):
            if j in used or not p_cue & g_cue or not _jaccard_at_least_half(p_content, g_content):
                continue
            if (g_src is None) != (p_src is None):
                continue
            if g_src is not None and p_src is not None and not g_src & p_src:
                continue
            used.add(j)
            pairs.append((i, j))
            break
    return pairs


def count_document(text: str, gold_ann: str | None, pred_ann: str | None) -> Counts:
    """Tallies for one document, given the text and the two ``.ann`` contents (``None``: no file)."""
    counts = Counts(documents=1)
    tokens = Tokens(text)
    gold, pred = parse_annotations(gold_ann, text), parse_annotations(pred_ann, text)
    for kind in SPAN_TYPES:
        key = kind.lower()
        g, p = gold.of_type(kind), pred.of_type(kind)
        _bump(counts, f"{key}_gold", len(g))
        _bump(counts, f"{key}_pred", len(p))
        _bump(counts, f"{key}_exact", len(g & p))
        g_tok = tokens.covered(seg for span in g for seg in span)
        p_tok = tokens.covered(seg for span in p for seg in span)
        _bump(counts, f"{key}_tok_gold", len(g_tok))
        _bump(counts, f"{key}_tok_pred", len(p_tok))
        _bump(counts, f"{key}_tok_both", len(g_tok & p_tok))
    g_rel, p_rel = relation_triples(gold), relation_triples(pred)
    counts.rel_gold = len(g_rel)
    counts.rel_pred = len(p_rel)
    counts.rel_exact = len(set(g_rel) & set(p_rel))
    counts.rel_lenient = len(lenient_matches(g_rel, p_rel, tokens))
    return counts


def prf(correct: int, predicted: int, gold: int) -> PRF:
    """Precision, recall and F1; 0.0 wherever a denominator is zero."""
    precision = correct / predicted if predicted else 0.0
    recall = correct / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def metrics(counts: Counts) -> dict[str, Any]:
    """The result dict, keyed and shaped like the shared scorer's (tuples are (P, R, F1))."""
    result: dict[str, Any] = {"documents": counts.documents}
    for kind in SPAN_TYPES:
        key = kind.lower()

        def get(suffix: str, key: str = key) -> int:
            return getattr(counts, f"{key}_{suffix}")

        result[f"{key}_exact"] = prf(get("exact"), get("pred"), get("gold"))
        result[f"{key}_token"] = prf(get("tok_both"), get("tok_pred"), get("tok_gold"))
    result["relation_exact"] = prf(counts.rel_exact, counts.rel_pred, counts.rel_gold)
    result["relation_lenient"] = prf(counts.rel_lenient, counts.rel_pred, counts.rel_gold)
    result["counts"] = {"gold_relations": counts.rel_gold, "pred_relations": counts.rel_pred}
    return result


def score_documents(items: Iterable[tuple[str, str | None, str | None]]) -> dict[str, Any]:
    """Score in memory: ``items`` are (text, gold .ann content, predicted .ann content)."""
    total = Counts()
    for text, gold_ann, pred_ann in items:
        total += count_document(text, gold_ann, pred_ann)
    return metrics(total)


def _read(path: Path) -> str:
    # Text mode with universal newlines, as the shared scorer reads: the offsets
    # of gold and predictions index this form of the text.
    return path.read_text(encoding="utf-8")


def collect_counts(text_dir: str | Path, gold_dir: str | Path, pred_dir: str | Path) -> dict[str, Counts]:
    """Per-document tallies (by text name) for every text that has a gold file."""
    per_doc: dict[str, Counts] = {}
    for txt in sorted(Path(text_dir).glob("*.txt")):
        gold = gold_file(gold_dir, txt.stem)
        if gold is None:
            continue
        pred = Path(pred_dir) / f"{txt.stem}.ann"
        per_doc[txt.stem] = count_document(_read(txt), _read(gold), _read(pred) if pred.exists() else None)
    return per_doc


def score_folder(text_dir: str | Path, gold_dir: str | Path, pred_dir: str | Path) -> dict[str, Any]:
    """Score a folder of predictions: the same inputs and the same result as the shared scorer."""
    total = Counts()
    for counts in collect_counts(text_dir, gold_dir, pred_dir).values():
        total += counts
    return metrics(total)
