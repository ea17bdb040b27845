"""Guard: extraction quality on a fixed PolNeAR dev subset must not fall below the recorded floors.

Rule changes that fix one construction often break another; this catches a
drop on real news within one test run instead of at the next full
evaluation. The subset is the first ``subset`` texts of the dev split in
sorted order, scored against the first annotator with the shared scorer's
metrics (our implementation, tested in ``test_eval.py`` to agree exactly).
The floors live in ``quality_floor.json``: the F1 measured when they were set,
minus a 0.02 margin. Raise them when extraction improves (see docs/quality.md).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reportedly.corpora.polnear import gold_file
from reportedly.eval.runner import predict_annotations
from reportedly.eval.score import score_documents

DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "dev"
FLOORS_FILE = Path(__file__).with_name("quality_floor.json")

if not (DEV / "text").is_dir() or not (DEV / "attributions").is_dir():
    pytest.skip(f"PolNeAR dev split not found at {DEV} (checkout without ../shared)", allow_module_level=True)


@pytest.mark.slow  # analyses a PolNeAR dev subset
def test_quality_floor_on_dev_subset() -> None:
    config = json.loads(FLOORS_FILE.read_text(encoding="utf-8"))
    floors = {k: float(v) for k, v in config.items() if k != "subset" and not k.startswith("_")}
    texts = sorted((DEV / "text").glob("*.txt"))[: int(config["subset"])]
    assert len(texts) == config["subset"], f"dev split has only {len(texts)} texts"
    contents = [t.read_text(encoding="utf-8") for t in texts]
    golds = []
    for t in texts:
        gold = gold_file(DEV / "attributions", t.stem)
        assert gold is not None, f"no gold annotation for {t.name}"
        golds.append(gold.read_text(encoding="utf-8"))
    result = score_documents(zip(contents, golds, predict_annotations(contents), strict=True))

    unknown = sorted(set(floors) - {k for k, v in result.items() if isinstance(v, tuple)})
    assert not unknown, f"{FLOORS_FILE.name} names metrics the scorer does not produce: {unknown}"
    drops = [
        f"{metric} F1 is {result[metric][2]:.4f}, {floor - result[metric][2]:.4f} below its floor {floor:.4f}"
        for metric, floor in floors.items()
        if result[metric][2] < floor
    ]
    measured = ", ".join(f"{m}={result[m][2]:.4f}" for m in floors)
    assert not drops, (
        f"extraction quality dropped on the first {config['subset']} PolNeAR dev texts: "
        + "; ".join(drops)
        + f". Measured: {measured}"
    )
