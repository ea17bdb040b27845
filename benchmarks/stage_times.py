"""CPU time of each stage of the analysis on N quotation fragments, to find what grows faster than the text.

Issue 18: 2,000 fragments must take no more than 4x the time of 500. The whole run's time says
whether; this says where. Each finder, each step, the encoder's reading, spaCy's parse, the learned
view and the parts of the ledger (claims, the pronoun search, numbers) are timed on their own
(``time.process_time``, nested stages included in their parents), the sizes interleaved
``--repeat`` times, and each stage's median printed for the smallest and largest size with their
ratio and the excess over 4x. ``--one-thread`` runs the encoder on one thread, so that CPU time
does not swing with whether another job holds the second core.
Usage: python benchmarks/stage_times.py 500 2000 --repeat 3 --one-thread
"""

from __future__ import annotations

import argparse
import functools
import statistics
import time
from collections.abc import Callable, Iterator
from typing import Any

from bench_quote_fragments import fragments

import reportedly

acc: dict[str, float] = {}


def timed(label: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:  # noqa: ANN401 - any stage's arguments
        started = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            acc[label] = acc.get(label, 0.0) + time.process_time() - started

    return wrapper


_saved: list[tuple[Any, str, Any]] = []


def _swap(owner: Any, name: str, value: Any) -> None:  # noqa: ANN401 - a module or a class
    _saved.append((owner, name, owner.__dict__[name] if isinstance(owner, type) else getattr(owner, name)))
    setattr(owner, name, value)


def restore() -> None:
    """Put back every attribute :func:`instrument` wrapped (the script may run inside a test)."""
    while _saved:
        owner, name, value = _saved.pop()
        setattr(owner, name, value)


def instrument() -> None:
    """Wrap the stages (module attributes, so the callers find the wrapped ones)."""
    from spacy.language import Language

    from reportedly.extract import claims, entities, extractor, learned

    _swap(extractor.Extractor, "read", timed("encoder read", extractor.Extractor.read))
    _swap(extractor, "find_quotes", timed("find_quotes", extractor.find_quotes))
    _swap(learned.BlockView, "of", classmethod(timed("BlockView.of", learned.BlockView.of.__func__)))
    _swap(extractor, "ledger", timed("ledger (all)", extractor.ledger))
    for name in ("claim_of", "nest_relays", "outlet_claims", "carry_relays"):
        _swap(claims, name, timed("ledger: " + name, getattr(claims, name)))
    _swap(claims._SentenceNumbers, "of", timed("ledger: numbers", claims._SentenceNumbers.of))
    _swap(entities.EntityResolver, "learn", timed("ledger: resolver.learn", entities.EntityResolver.learn))
    resolver = entities.EntityResolver
    _swap(
        resolver, "_antecedent_for_pronoun", timed("ledger: pronoun search", resolver._antecedent_for_pronoun)
    )
    init = extractor.Extractor.__init__

    def wrapped_init(self: Any, *args: Any, **kwargs: Any) -> None:  # noqa: ANN401
        init(self, *args, **kwargs)
        self.finders = [type(f)(f.name, f.scope, timed("finder " + f.name, f.find)) for f in self.finders]
        self.steps = [type(s)(s.name, timed("step " + s.name, s.run)) for s in self.steps]

    _swap(extractor.Extractor, "__init__", wrapped_init)
    pipe = Language.pipe

    def timed_pipe(self: Language, texts: Any, **kwargs: Any) -> Iterator[Any]:  # noqa: ANN401
        parsed = pipe(self, texts, **kwargs)  # lazy: the parse runs inside next()
        while True:
            started = time.process_time()
            doc = next(parsed, None)
            acc["spacy parse"] = acc.get("spacy parse", 0.0) + time.process_time() - started
            if doc is None:
                return
            yield doc

    _swap(Language, "pipe", timed_pipe)


def main(counts: list[int], repeat: int, one_thread: bool) -> None:
    if one_thread:
        from reportedly.extract.encoder import set_threads

        set_threads(1)
    reportedly.warm_up()
    instrument()
    try:
        _run(counts, repeat)
    finally:
        restore()


def _run(counts: list[int], repeat: int) -> None:
    runs: dict[int, list[dict[str, float]]] = {n: [] for n in counts}
    for _ in range(repeat):
        for n in counts:
            acc.clear()
            started = time.process_time()
            ledger = reportedly.analyze("Officials spoke on Monday.\n\n" + fragments(n) + " end.")
            acc["TOTAL"] = time.process_time() - started
            runs[n].append(dict(acc))
            print(f"{n} fragments: {acc['TOTAL']:.2f} s CPU, {len(ledger.claims)} claims", flush=True)
    small, large = min(counts), max(counts)

    def median(n: int, label: str) -> float:
        return statistics.median(run.get(label, 0.0) for run in runs[n])

    factor = large / small
    print(f"stage: median CPU s at {small} and {large} fragments, ratio, excess over {factor:g}x")
    for label in sorted(runs[large][0], key=lambda label: -median(large, label)):
        a, b = median(small, label), median(large, label)
        ratio = f"{b / a:5.2f}x" if a else "    -"
        print(f"{label:28s} {a:7.3f} {b:7.3f}  {ratio}  {b - factor * a:+.3f}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("counts", nargs="*", type=int, default=[500, 2000], help="fragments per paragraph")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each size, interleaved")
    parser.add_argument("--one-thread", action="store_true", help="the encoder on one thread")
    args = parser.parse_args()
    main(args.counts, args.repeat, args.one_thread)
