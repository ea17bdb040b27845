"""Throughput of the full analyze path against plain spaCy parsing of the same texts.

Both are measured in the same process, on the same texts, several times; the
figures reported are medians, and the ratio (analyze / spaCy words per second)
is what to compare across machines, since these machines are shared and noisy.
The baseline is the English model as shipped (``spacy.load``, every component,
whole texts); the CPU ratio (CPU seconds of every thread) says what the work
costs, the wall-clock ratio what a user waits, reading and parsing ahead
included.

    python benchmarks/bench_analyze.py                      # demo article (+ seed if ../shared exists)
    python benchmarks/bench_analyze.py --texts ../shared/data/polnear/dev/text --repeat 3
    python benchmarks/bench_analyze.py --texts DIR --workers 2

The encoder runs in ONNX Runtime (``REPORTEDLY_ENCODER_RUNTIME=torch`` for the
torch model). By default, as for a user running ``reportedly analyze``, the
next documents are read by the encoder and parsed by spaCy on helper threads
while the current one is extracted;
``--torch-threads 1`` holds this process to one core, like spaCy and the CRFs
(the per-core figure). Worker processes always use one thread each, as ``eval
--workers`` does, so the speed-up measures scaling over processes.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from importlib import resources
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "seed" / "seed-article.txt"


def load_texts(folder: str | None) -> list[tuple[str, str]]:
    if folder:
        files = sorted(Path(folder).glob("*.txt"))
        if not files:
            sys.exit(f"no .txt files in {folder}")
        return [(f.name, f.read_text(encoding="utf-8")) for f in files]
    texts = [
        ("demo-article.txt", (resources.files("reportedly") / "data" / "demo-article.txt").read_text("utf-8"))
    ]
    if SEED.exists():
        texts.append((SEED.name, SEED.read_text(encoding="utf-8")))
    return texts


def _init_worker(threads: int) -> None:
    from reportedly.extract.encoder import set_threads

    set_threads(threads)


def _analyze_chunk(texts: list[str]) -> int:
    import reportedly
    from reportedly.ingest.layout import parse_layout

    docs = [parse_layout(t) for t in texts]
    return sum(len(led.claims) for led in reportedly.analyze_many(docs))


def run(texts: list[str], repeat: int, workers: int) -> dict[str, float]:
    import spacy

    import reportedly
    from reportedly.eval.runner import balanced_chunks
    from reportedly.ingest.layout import parse_layout
    from reportedly.nlp import MODEL_NAME, load

    load()  # the analyze path's own pipeline, loaded before the clock starts
    nlp = spacy.load(MODEL_NAME)  # the baseline: the model as shipped, every component, nothing of ours
    words = sum(len(t.split()) for t in texts)
    # warm-up: model load, lazy imports, gazetteer
    list(nlp.pipe(texts[:2]))
    list(reportedly.analyze_many([parse_layout(t) for t in texts[:2]]))

    spacy_times, full_times, spacy_cpu, full_cpu, claims = [], [], [], [], 0
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        for _doc in nlp.pipe(texts, batch_size=64):
            pass
        spacy_times.append(time.perf_counter() - t0)
        spacy_cpu.append(time.process_time() - c0)
        t0, c0 = time.perf_counter(), time.process_time()
        claims = sum(len(led.claims) for led in reportedly.analyze_many(parse_layout(t) for t in texts))
        full_times.append(time.perf_counter() - t0)
        full_cpu.append(time.process_time() - c0)
    result = {
        "documents": len(texts),
        "words": words,
        "claims": claims,
        "repeat": repeat,
        "spacy_s_median": statistics.median(spacy_times),
        "analyze_s_median": statistics.median(full_times),
    }
    result["spacy_words_per_s"] = words / result["spacy_s_median"]
    result["analyze_words_per_s"] = words / result["analyze_s_median"]
    result["analyze_ms_per_article"] = 1000 * result["analyze_s_median"] / len(texts)
    result["ratio_analyze_to_spacy"] = result["analyze_words_per_s"] / result["spacy_words_per_s"]
    # CPU seconds of every thread: what the work costs, whatever the machine's load and cores
    result["spacy_cpu_s_median"] = statistics.median(spacy_cpu)
    result["analyze_cpu_s_median"] = statistics.median(full_cpu)
    result["ratio_cpu_analyze_to_spacy"] = result["spacy_cpu_s_median"] / result["analyze_cpu_s_median"]
    if workers > 1:
        # the same split as `reportedly eval --workers`: equal words per worker, not equal counts
        # (round robin gave 38,713 and 28,896 words on PolNeAR dev, capping the speed-up at 1.75x)
        chunks = balanced_chunks(texts, workers, lambda t: len(t.split()))
        par_times = []
        import multiprocessing

        context = multiprocessing.get_context("spawn")  # torch's thread pools do not survive fork
        pool_args = {"mp_context": context, "initializer": _init_worker, "initargs": (1,)}
        with ProcessPoolExecutor(workers, **pool_args) as pool:
            list(pool.map(_analyze_chunk, [c[:1] for c in chunks]))  # warm the workers
            for _ in range(repeat):
                t0 = time.perf_counter()
                list(pool.map(_analyze_chunk, chunks))
                par_times.append(time.perf_counter() - t0)
        result["workers"] = workers
        result["parallel_s_median"] = statistics.median(par_times)
        result["speedup"] = result["analyze_s_median"] / result["parallel_s_median"]
    result["peak_rss_mb_all"] = _peak_rss_mb()
    return result


def _peak_rss_mb() -> float:
    """This process's own peak RSS (VmHWM); ru_maxrss survives exec on Linux and would report the parent's."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def analyze_peak_rss(folder: str | None) -> float:
    """Peak RSS of the analyze path alone, in a fresh process (the spaCy baseline would mask it)."""
    import subprocess

    cmd = [sys.executable, __file__, "--rss-probe"] + (["--texts", folder] if folder else [])
    return float(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.strip())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--texts", help="folder of .txt articles (default: demo article and the seed)")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument(
        "--torch-threads",
        "--threads",
        dest="torch_threads",
        type=int,
        default=0,
        help="encoder threads here; 1 also stops reading and parsing ahead (default: the spare cores)",
    )
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--rss-probe", action="store_true", help=argparse.SUPPRESS)
    a = ap.parse_args()
    texts = [t for _, t in load_texts(a.texts)]
    if a.torch_threads:
        _init_worker(a.torch_threads)
    if a.rss_probe:
        _analyze_chunk(texts)
        print(_peak_rss_mb())
        return
    res = run(texts, a.repeat, a.workers)
    from reportedly.extract import encoder

    tagger = encoder.load_encoder()
    res["encoder_runtime"] = tagger.backend if tagger else "none"
    res["encoder_reads_ahead"] = bool(tagger and encoder.overlaps(tagger))
    res["analyze_peak_rss_mb"] = analyze_peak_rss(a.texts)
    if a.json:
        print(json.dumps(res, indent=2))
        return
    for k, v in res.items():
        print(f"{k:<24} {v:,.3f}" if isinstance(v, float) else f"{k:<24} {v}")


if __name__ == "__main__":
    main()
