"""K-fold cross-validated PolNeAR figures of the CRF layer, beside the rules alone and the shipped models.

Dev has been read after every tuning step (docs/quality.md counts them), so this
scores text the rules and thresholds were not chosen on: train is cut into K
parts (every K-th text in sorted order), both CRFs are trained with the shipped
recipe on K-1 of them and the whole extractor is scored on the part left out;
the parts' scores are pooled. The encoder is NOT retrained per fold (an hour
per fold on a CPU): every part is read by the shipped encoder, which was trained
on all of train, so the figure is an optimistic bound for the whole extractor
and a held-out figure for the CRFs, the merge and the rules only. The same
parsed texts are also scored by the rules alone and by the shipped models (in
sample), so the three columns compare text for text.

    python benchmarks/cv_polnear.py --corpus ../shared/data/polnear/train --folds 4 --json

A full run (840 texts, 4 folds) reads every text once (parse, encoder,
features) and trains 4 × 2 CRFs: 30 to 40 minutes on a quiet 2-core machine.
--limit, --only and --max-iterations make shorter runs (the report says which);
--work-dir keeps what is done, and a rerun with the same folder resumes.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from reportedly.train.crossval import METRICS, VARIANTS, cross_validate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog="Example: python benchmarks/cv_polnear.py --corpus ../shared/data/polnear/train "
        "--folds 4 --json",
    )
    parser.add_argument(
        "--corpus", required=True, type=Path, help="A PolNeAR split with text/ and attributions/."
    )
    parser.add_argument("--folds", type=int, default=4, help="Parts to cut the split into (default 4).")
    parser.add_argument("--limit", type=int, help="Only the first N texts in sorted order.")
    parser.add_argument(
        "--only",
        type=int,
        action="append",
        help="Score only this part (repeatable); each is still trained on all others.",
    )
    parser.add_argument(
        "--max-iterations", type=int, help="CRFsuite iterations (the recipe's 150 by default)."
    )
    parser.add_argument("--work-dir", type=Path, help="Keep the feature files and the fold models here.")
    parser.add_argument("--json", action="store_true", help="Print the report as JSON.")
    parser.add_argument("--quiet", action="store_true", help="No progress lines on stderr.")
    args = parser.parse_args(argv)

    def say(message: str) -> None:
        if not args.quiet:
            print(message, file=sys.stderr, flush=True)

    try:
        report = cross_validate(
            args.corpus,
            args.folds,
            limit=args.limit,
            only=args.only,
            max_iterations=args.max_iterations,
            work_dir=args.work_dir,
            progress=say,
        )
    except ValueError as exc:  # TrainingError: a folder or a fold count that cannot be used
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print(
        f"{report['texts_scored']} of {report['texts']} texts, {report['folds']} folds; "
        f"encoder: {report['encoder']}"
    )
    print(f"{'extractor':<20}" + "".join(f"{m:>18}" for m in METRICS))
    for variant in VARIANTS:
        print(f"{variant:<20}" + "".join(f"{report[variant][m]['f1']:>18.3f}" for m in METRICS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
