"""Errors by type: where predicted attributions differ from gold, counted per relation.

F1 says how much is wrong; this says what. Each predicted relation is paired
with a gold relation of the same text by its cue (identical cue first, then a
shared whitespace token; one-to-one). An unpaired gold relation is a *missed
cue*, an unpaired prediction a *spurious cue*; within a pair the cue, source
and content are compared. Give several prediction folders (as written by
``reportedly eval --pred-out``) to compare extractors side by side:

    python benchmarks/error_table.py --text ../shared/data/polnear/dev/text \\
        --gold ../shared/data/polnear/dev/attributions /tmp/pred-old /tmp/pred-new

Prints a Markdown table (one column per folder), then the commonest missed and
spurious cue words of the last folder. ``--json`` prints counts and examples.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from reportedly.corpora.polnear import gold_file
from reportedly.eval.score import Tokens, lenient_matches, parse_annotations, relation_triples

ROWS = (
    "missed cue",
    "spurious cue",
    "wrong cue boundary",
    "missing source",
    "spurious source",
    "wrong source boundary",
    "wrong source (other mention)",
    "content too long",
    "content too short",
    "content shifted",
    "content elsewhere",
    "gold relation with no lenient match",
)


def _words(text: str, key) -> str:
    return " … ".join(text[a:b] for a, b in key).lower() if key else ""


def _pairs(gold, pred, toks: Tokens) -> list[tuple[int, int]]:
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for exact in (True, False):
        for i, (_, pc, _) in enumerate(pred):
            if i in used_p:
                continue
            for j, (_, gc, _) in enumerate(gold):
                if j in used_g:
                    continue
                if pc == gc if exact else toks.covered(pc) & toks.covered(gc):
                    used_g.add(j)
                    used_p.add(i)
                    pairs.append((i, j))
                    break
    return pairs


def _content_error(gold, pred) -> str | None:
    if gold == pred:
        return None
    g = {c for a, b in gold for c in range(a, b)}
    p = {c for a, b in pred for c in range(a, b)}
    if p > g:
        return "content too long"
    if p < g:
        return "content too short"
    return "content shifted" if p & g else "content elsewhere"


def categorise(text: str, gold_ann: str, pred_ann: str) -> tuple[Counter, list[tuple[str, str]]]:
    """Error counts of one text, and (category, cue words) per error for the word lists."""
    toks = Tokens(text)
    gold = relation_triples(parse_annotations(gold_ann, text))
    pred = relation_triples(parse_annotations(pred_ann, text))
    counts: Counter = Counter(gold=len(gold), predicted=len(pred))
    words: list[tuple[str, str]] = []
    pairs = _pairs(gold, pred, toks)
    paired_g = {j for _, j in pairs}
    paired_p = {i for i, _ in pairs}
    for j, (_, gc, _) in enumerate(gold):
        if j not in paired_g:
            counts["missed cue"] += 1
            words.append(("missed cue", _words(text, gc)))
    for i, (_, pc, _) in enumerate(pred):
        if i not in paired_p:
            counts["spurious cue"] += 1
            words.append(("spurious cue", _words(text, pc)))
    for i, j in pairs:
        ps, pc, pt = pred[i]
        gs, gc, gt = gold[j]
        if pc != gc:
            counts["wrong cue boundary"] += 1
        if gs is None and ps is not None:
            counts["spurious source"] += 1
        elif gs is not None and ps is None:
            counts["missing source"] += 1
        elif gs is not None and gs != ps:
            overlap = toks.covered(gs) & toks.covered(ps)
            counts["wrong source boundary" if overlap else "wrong source (other mention)"] += 1
        kind = _content_error(gt, pt)
        if kind:
            counts[kind] += 1
    counts["gold relation with no lenient match"] += len(gold) - len(lenient_matches(gold, pred, toks))
    return counts, words


def table(text_dir: Path, gold_dir: Path, pred_dirs: list[Path]) -> dict:
    result = {}
    for pred_dir in pred_dirs:
        total: Counter = Counter()
        words: Counter = Counter()
        for path in sorted(text_dir.glob("*.txt")):
            gold = gold_file(gold_dir, path.stem)
            if gold is None:
                continue
            text = path.read_text(encoding="utf-8")
            pred = pred_dir / f"{path.stem}.ann"
            predicted = pred.read_text(encoding="utf-8") if pred.exists() else ""
            counts, found = categorise(text, gold.read_text(encoding="utf-8"), predicted)
            total.update(counts)
            words.update(found)
        ranked = [[k, w, n] for (k, w), n in words.most_common()]
        result[str(pred_dir)] = {"counts": dict(total), "words": ranked}
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--text", required=True, type=Path, help="folder of NAME.txt")
    ap.add_argument("--gold", required=True, type=Path, help="folder of gold NAME[_ANNOTATOR].ann")
    ap.add_argument("pred", nargs="+", type=Path, help="prediction folders (reportedly eval --pred-out)")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    result = table(a.text, a.gold, a.pred)
    if a.json:
        print(json.dumps(result, indent=1, ensure_ascii=False))
        return
    cols = list(result)
    print("| error | " + " | ".join(Path(c).name for c in cols) + " |")
    print("|---|" + "---:|" * len(cols))
    for row in ("gold", "predicted", *ROWS):
        print(f"| {row} | " + " | ".join(f"{result[c]['counts'].get(row, 0):,}" for c in cols) + " |")
    last = result[cols[-1]]["words"]
    for kind in ("missed cue", "spurious cue"):
        top = [f"{w} {n}" for k, w, n in last if k == kind][:15]
        print(f"\n{kind}, commonest ({Path(cols[-1]).name}): " + ", ".join(top))


if __name__ == "__main__":
    main()
