"""Write the ledger of each text file as JSON, to check that a speed-up changed no output.

Run it with the old code and the new (``PYTHONPATH`` pointing at each), then ``diff -r`` the two
folders: every file must be byte-identical. Issue 18's exact rewrites were checked this way on
the demo article, the seed and the 84 PolNeAR dev texts::

    PYTHONPATH=/tmp/old/src python benchmarks/ledger_snapshot.py /tmp/before \\
        src/reportedly/data/demo-article.txt ../shared/seed/seed-article.txt \\
        ../shared/data/polnear/dev/text/*.txt
    PYTHONPATH=src python benchmarks/ledger_snapshot.py /tmp/after (the same files)
    diff -r /tmp/before /tmp/after && echo identical
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import reportedly


def main(out: Path, files: list[Path]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    reportedly.warm_up()
    for path in files:
        ledger = reportedly.analyze(path.read_text(encoding="utf-8"))
        dumped = json.dumps(ledger.to_dict(), ensure_ascii=False, sort_keys=True, indent=1)
        (out / (path.stem + ".json")).write_text(dumped, encoding="utf-8")
    print(f"{len(files)} ledgers written to {out}")


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit("usage: ledger_snapshot.py OUT_DIR FILE...")
    main(Path(sys.argv[1]), [Path(a) for a in sys.argv[2:]])
