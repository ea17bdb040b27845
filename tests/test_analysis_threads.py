"""Two analyses at once in threads of one process give the ledgers each gives alone.

The API's pool of analysis workers (``serve --analysis-workers``, default 2) runs analyses in
threads sharing one spaCy pipeline and one encoder; this checks that sharing changes nothing.
"""

from __future__ import annotations

import threading

import pytest

import reportedly

TEXTS = [
    "Harbour pier to stay shut\n\nThe harbour authority said on Monday that the east pier would "
    "stay closed until June. \u201cRepairs will take at least twelve weeks,\u201d a spokeswoman said.",
    "Council delays vote\n\nCouncillors told reporters on Tuesday that the budget vote had been put "
    "off. The mayor denied that the delay would raise taxes, according to a statement.",
]


def _run(n: int, start: threading.Barrier, results: dict[int, dict]) -> None:
    start.wait()
    results[n] = reportedly.analyze(TEXTS[n]).to_dict()


@pytest.mark.slow  # loads the models
def test_two_analyses_at_once_match_each_alone() -> None:
    reportedly.warm_up()
    alone = [reportedly.analyze(text).to_dict() for text in TEXTS]
    assert all(led["claims"] for led in alone)
    for _ in range(3):
        results: dict[int, dict] = {}
        start = threading.Barrier(2)

        threads = [threading.Thread(target=_run, args=(n, start, results)) for n in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
        assert [results[0], results[1]] == alone
