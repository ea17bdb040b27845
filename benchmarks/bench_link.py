"""Story linking on a real corpus: ingest cost, link cost, and how link cost grows.

PolNeAR's texts carry no dates or outlets in the text itself, so the first
step writes them to a JSON Lines file with the corpus metadata (publisher,
publication date, title): the same path a user with a scraped archive takes.

    python benchmarks/bench_link.py jsonl --out /tmp/polnear.jsonl
    /usr/bin/time -v reportedly ingest /tmp/polnear.jsonl --db /tmp/polnear.db -q --json
    python benchmarks/bench_link.py link --db /tmp/polnear.db            # time + peak memory
    python benchmarks/bench_link.py scale --db /tmp/polnear.db           # 3 corpus sizes
    python benchmarks/bench_link.py sample --db /tmp/polnear.db -n 20    # clusters to hand-check
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
POLNEAR = REPO.parent / "shared" / "data" / "polnear"


def write_jsonl(corpus: Path, out: Path, splits: tuple[str, ...] = ("train", "dev")) -> int:
    """One JSON line per article: text plus the corpus metadata the text lacks."""
    n = 0
    with (corpus / "metadata.tsv").open(encoding="utf-8") as fh, out.open("w", encoding="utf-8") as dst:
        for row in csv.DictReader(fh, delimiter="\t"):
            if row["compartment"] not in splits:
                continue
            path = corpus / row["compartment"] / "text" / f"{row['filename']}.txt"
            if not path.exists():
                continue
            record = {
                "text": path.read_text(encoding="utf-8"),
                "title": row["title"] or None,
                "outlet": row["publisher"],
                "published": row["publication_date"],
                "url": f"polnear:{row['compartment']}/{row['filename']}",
            }
            dst.write(json.dumps(record, ensure_ascii=False) + "\n")
            n += 1
    return n


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="cmd", required=True)
    j = sub.add_parser("jsonl", help="write PolNeAR train+dev as JSON Lines with metadata")
    j.add_argument("--corpus", type=Path, default=POLNEAR)
    j.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    if args.cmd == "jsonl":
        n = write_jsonl(args.corpus, args.out)
        print(f"wrote {n} articles to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
