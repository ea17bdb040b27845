"""Could the encoder skip paragraphs where no cue is plausible? What a word-list gate would cost.

For every .txt of a PolNeAR split with its gold ``.ann``: a paragraph (a line, as the
encoder's windows see them) is *plausible* when it holds a quotation mark or colon, or a
word whose lemma is one of reportedly's reporting, passive or citing verbs (or "according",
"reportedly"). Reports the share of paragraphs and subwords a gate would skip, and the
share of gold cues that lie in skipped paragraphs (each one the encoder would no longer
read); and the subwords of whole windows with no plausible paragraph, the only skip that
leaves every other reading unchanged. Run it on train, not dev: dev judges.

    python benchmarks/encoder_gate_reach.py ../shared/data/polnear/train --limit 120
"""

from __future__ import annotations

import argparse
from pathlib import Path

from reportedly.extract.encoder_input import _paragraphs, pieces, windows
from reportedly.extract.lexicon import CITING_VERBS, PASSIVE_VERBS, REPORTING_VERBS
from reportedly.nlp import load

WORDS = set(REPORTING_VERBS) | set(PASSIVE_VERBS) | set(CITING_VERBS) | {"accord", "according", "reportedly"}
MARKS = set('"“”„«»:')


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("split", help="a PolNeAR split folder (with text/ and attributions/)")
    ap.add_argument("--limit", type=int, default=120)
    a = ap.parse_args()
    root = Path(a.split)
    nlp = load()
    paragraphs = skipped = subwords = skipped_subwords = window_subwords = window_skipped = 0
    cues = cues_skipped = 0
    for f in sorted((root / "text").glob("*.txt"))[: a.limit]:
        text = f.read_text(encoding="utf-8")
        gold = sorted((root / "attributions").glob(f.stem + "_*.ann")) or [
            root / "attributions" / (f.stem + ".ann")
        ]
        starts = []
        if gold[0].exists():
            for line in gold[0].read_text(encoding="utf-8").splitlines():
                parts = line.split("\t")
                if len(parts) > 1 and parts[1].startswith("Cue "):
                    starts.append(int(parts[1].split()[1]))
        spans = _paragraphs(text)
        plausible = []
        for (s, e), doc in zip(spans, nlp.pipe(text[s:e] for s, e in spans), strict=True):
            ok = any(t.lemma_.lower() in WORDS or t.lower_ in WORDS for t in doc) or bool(
                MARKS & set(text[s:e])
            )
            n = len(pieces(text[s:e]).ids)
            paragraphs += 1
            subwords += n
            skipped += not ok
            skipped_subwords += 0 if ok else n
            plausible.append(ok)
            inside = [c for c in starts if s <= c < e]
            cues += len(inside)
            cues_skipped += 0 if ok else len(inside)
        for w in windows(text):
            window_subwords += len(w.ids)
            held = [
                ok for (s, e), ok in zip(spans, plausible, strict=True) if s < w.ends[-1] and w.starts[0] < e
            ]
            window_skipped += 0 if any(held) else len(w.ids)
    print(
        f"paragraphs skipped: {skipped}/{paragraphs} ({skipped / paragraphs:.1%}), "
        f"subwords {skipped_subwords / subwords:.1%}; gold cues in them: {cues_skipped}/{cues} "
        f"({cues_skipped / max(cues, 1):.1%}); "
        f"whole windows skipped: {window_skipped / window_subwords:.2%} of subwords"
    )


if __name__ == "__main__":
    main()
