"""The error table's categories on a hand-made text: each kind of error lands in its own row."""

from __future__ import annotations

import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "error_table.py"
spec = importlib.util.spec_from_file_location("error_table", SCRIPT)
assert spec and spec.loader
error_table = importlib.util.module_from_spec(spec)
spec.loader.exec_module(error_table)

TEXT = (
    "The mayor, a Democrat, said the bridge will reopen in March, adding that tolls stay.\n"
    "Critics argued the plan was late. Police declined to comment."
)


def _span(text: str, part: str, after: int = 0) -> tuple[int, int]:
    start = TEXT.index(part, after)
    return start, start + len(part)


def _ann(*relations: tuple[str | None, str, str]) -> str:
    lines, n = [], 0
    for source, cue, content in relations:
        ids = {}
        for role, part in (("Source", source), ("Cue", cue), ("Content", content)):
            if part is None:
                continue
            n += 1
            a, b = _span(TEXT, part)
            lines.append(f"T{n}\t{role} {a} {b}\t{part}")
            ids[role] = f"T{n}"
        roles = " ".join(f"{r}:{t}" for r, t in ids.items())
        lines.append(f"E{n}\tAttribution:{ids['Cue']} {roles}")
    return "\n".join(lines) + "\n"


def test_each_error_kind_is_counted_once() -> None:
    gold = _ann(
        ("The mayor, a Democrat,", "said", "the bridge will reopen in March"),
        ("Critics", "argued", "the plan was late"),
        ("Police", "declined to comment", "comment"),
    )
    pred = _ann(
        # source too short, content too long
        ("The mayor", "said", "the bridge will reopen in March, adding that tolls stay"),
        ("Critics", "argued", "the plan"),  # content too short
        (None, "adding", "tolls stay"),  # not in gold
    )
    counts, words = error_table.categorise(TEXT, gold, pred)
    assert counts["gold"] == 3 and counts["predicted"] == 3
    assert counts["wrong source boundary"] == 1
    assert counts["content too long"] == 1
    assert counts["content too short"] == 1
    assert counts["missed cue"] == 1 and ("missed cue", "declined to comment") in words
    assert counts["spurious cue"] == 1 and ("spurious cue", "adding") in words
    assert counts["wrong cue boundary"] == 0


def test_identical_predictions_have_no_errors() -> None:
    gold = _ann(("Critics", "argued", "the plan was late"))
    counts, words = error_table.categorise(TEXT, gold, gold)
    assert words == []
    assert all(counts[row] == 0 for row in error_table.ROWS)
