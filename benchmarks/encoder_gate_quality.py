"""What a paragraph gate on the encoder saves, and what it costs in quality, on PolNeAR train.

Issue 20 asks whether the encoder can run only where a cue is plausible. The gate tried here
is the one of ``encoder_gate_reach.py``: a paragraph (a line, the unit the encoder's windows
are packed from) is read when it holds a quotation mark or colon, or a word whose lemma is one
of reportedly's reporting, passive or citing verbs (or "according", "reportedly"); the other
paragraphs are blanked (spaces, so every offset stays) before the windows are packed, and
their words take the no-encoder reading (probability 0, tag ``O``) in the CRFs' features.
``vocab`` widens the word list to every word of the gold cues of the *other* train texts;
``lenN`` is the cheaper window plan instead: every paragraph read, in windows of N subwords.

The same texts are scored twice in one process, gate off then on, by the shipped extractor
(its learned models trained on train, so the absolute figures are optimistic: the *difference*
decides, as docs/quality.md says), with the encoder's CPU seconds (``time.process_time``
around each window's run), its windows and subwords. Run it on train, not dev: dev judges.

    python benchmarks/encoder_gate_quality.py ../shared/data/polnear/train --step 28
    python benchmarks/encoder_gate_quality.py ../shared/data/polnear/train --cv 2 --limit 40
"""

from __future__ import annotations

import argparse
import json
import re
import tempfile
import time
from pathlib import Path
from typing import Any

from reportedly.eval.runner import evaluate, predict_annotations
from reportedly.extract import encoder as enc
from reportedly.extract.lexicon import CITING_VERBS, PASSIVE_VERBS, REPORTING_VERBS

WORDS = set(REPORTING_VERBS) | set(PASSIVE_VERBS) | set(CITING_VERBS) | {"accord", "according", "reportedly"}
MARKS = set('"“”„«»:')


def cue_forms(root: Path, skip: set[str], least: int) -> set[str]:
    """Lower-cased words of the gold cues of the split's texts not in ``skip``, seen ``least`` times."""
    counts: dict[str, int] = {}
    for ann in sorted((root / "attributions").glob("*.ann")):
        if any(ann.name.startswith(stem) for stem in skip):
            continue
        for line in ann.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) > 2 and parts[1].startswith("Cue "):
                for word in re.findall(r"\w+", parts[2].lower()):
                    counts[word] = counts.get(word, 0) + 1
    return {w for w, n in counts.items() if n >= least}


def gated_text(text: str, nlp: Any, words: set[str] | None = None) -> str:
    """The text with every implausible paragraph blanked out (same length, same offsets).

    ``words``: plausible lower-cased forms (the cue vocabulary gate); without it, the lexicon's lemmas.
    """
    out = list(text)
    pos = 0
    for line in text.split("\n"):
        if line.strip() and not (MARKS & set(line)):
            doc = nlp(line)
            if words is not None:
                keep = any(t.lower_ in words for t in doc)
            else:
                keep = any(t.lemma_.lower() in WORDS or t.lower_ in WORDS for t in doc)
            if not keep:
                out[pos : pos + len(line)] = " " * len(line)
        pos += len(line) + 1
    return "".join(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("split", help="a PolNeAR split folder (with text/ and attributions/)")
    ap.add_argument("--step", type=int, default=28, help="every STEP-th text in sorted order")
    ap.add_argument(
        "--gates",
        default="off,lexicon",
        help="comma-separated: off, lexicon (the lexicon's verbs), vocab (words of the gold cues of the "
        "other train texts, seen --least times), lenN (windows of at most N subwords, none skipped)",
    )
    ap.add_argument("--least", type=int, default=3)
    ap.add_argument(
        "--cv",
        type=int,
        default=0,
        help="instead: K-fold cross-validation (benchmarks/cv_polnear.py's procedure, CRFs retrained "
        "per part on the gated reading) of the first --limit texts, per gate",
    )
    ap.add_argument("--limit", type=int, default=40, help="with --cv: the first N texts")
    a = ap.parse_args()
    from reportedly.nlp import load

    enc.set_threads(1)
    root = Path(a.split)
    files = sorted((root / "text").glob("*.txt"))[:: a.step]
    texts = [f.read_text(encoding="utf-8") for f in files]
    nlp = load()
    stats = {"windows": 0, "subwords": 0, "cpu": 0.0}
    read = enc.EncoderTagger._read
    pack = enc.windows

    def timed_read(self: Any, w: Any, at: list[int]) -> Any:
        start = time.process_time()
        try:
            return read(self, w, at)
        finally:
            stats["cpu"] += time.process_time() - start
            stats["windows"] += 1
            stats["subwords"] += len(w.ids)

    enc.EncoderTagger._read = timed_read  # type: ignore[method-assign]
    results = {}
    vocab = cue_forms(root, {f.stem for f in files}, a.least) if "vocab" in a.gates else None
    for gate in a.gates.split(","):
        words = vocab if gate == "vocab" else None
        if gate == "off":
            enc.windows = pack
        elif gate.startswith("len"):  # the cheaper window plan: shorter windows, nothing skipped
            enc.windows = lambda text, max_len=enc.MAX_LEN, n=int(gate[3:]): pack(text, min(n, max_len))
        else:
            enc.windows = lambda text, max_len=enc.MAX_LEN, words=words: pack(
                gated_text(text, nlp, words), max_len
            )
        stats.update(windows=0, subwords=0, cpu=0.0)
        if a.cv:
            from reportedly.train.crossval import METRICS, VARIANTS, cross_validate

            report = cross_validate(root, a.cv, limit=a.limit)
            figures = {v: {m: round(report[v][m]["f1"], 3) for m in METRICS} for v in VARIANTS}
            results[gate] = {"cv": figures, **stats}
            print(gate, json.dumps(results[gate]), flush=True)
            continue
        with tempfile.TemporaryDirectory() as tmp:
            out, txt = Path(tmp) / "pred", Path(tmp) / "text"
            out.mkdir()
            txt.mkdir()
            for f, brat in zip(files, predict_annotations(texts), strict=True):
                (txt / f.name).symlink_to(f.resolve())
                (out / (f.stem + ".ann")).write_text(brat, encoding="utf-8")
            score = evaluate(txt, root / "attributions", out)
        results[gate] = {"score": score, **stats}
        print(gate, json.dumps({k: v for k, v in stats.items()}), flush=True)
        print(json.dumps(score)[:2000], flush=True)
    print(json.dumps(results, indent=1, default=str))


if __name__ == "__main__":
    main()
