"""Where the analyze path spends its time: a cProfile of ``analyze_many`` over a folder of texts.

One process, one thread (the encoder reads each document when its turn comes, as with
``--threads 1`` in bench_analyze.py), so every cost shows up in one profile. Absolute
seconds move with the machine's load; the shares do not move much, and the plain spaCy
parse of the same texts is timed in the same run so costs can be read against it.

    python benchmarks/profile_analyze.py --texts ../shared/data/polnear/dev/text --limit 20
    python benchmarks/profile_analyze.py --texts DIR --limit 20 --top 40 --out /tmp/analyze.prof
    python benchmarks/profile_analyze.py --texts DIR --limit 84 --threads --repeat 3
    python benchmarks/profile_analyze.py --texts DIR --limit 20 --components --repeat 3
    python benchmarks/profile_analyze.py --texts DIR --limit 10 --onnx-ops

``--components`` profiles nothing either: it runs spaCy's components one after the other over
the blocks the analysis parses, the model as shipped, and reports each one's CPU seconds
(the fastest of ``--repeat`` runs).

``--onnx-ops`` runs the encoder's windows of the texts through ONNX Runtime's own profiler
(one thread) and reports each operator type's share of the kernel time.

``--threads`` profiles nothing: it runs ``analyze_many`` as users get it (parsing and
reading ahead on a spare core) and reports the CPU seconds of each thread: the caller's
(extraction), the parser's, the encoder's, and the rest of the process (ONNX Runtime's
pool). On an otherwise idle machine the wall time cannot be shorter than the longest of
them, nor than the process's CPU divided by its cores; on a busy one these CPU figures
are still what the work costs, when the wall time is not.

The summary groups the profile into the stages of the analyze path (cumulative CPU seconds
of the functions that enter each stage; a stage called from inside another is counted in
both, so the shares do not add up to exactly 1).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import sys
import time
from pathlib import Path

#: stage -> (file suffix, function name) of the functions whose cumulative time is the stage's
STAGES: dict[str, tuple[tuple[str, str], ...]] = {
    "spaCy parse of the blocks": (("spacy/language.py", "pipe"),),
    "encoder (windows + ONNX/torch)": (("extract/encoder.py", "tag"),),
    "block views (token arrays, CRF base features)": (("extract/learned.py", "of"),),
    "learned finder (CRF features, taggers, pair head)": (("finders/learned.py", "learned"),),
    "ledger (sources, numbers, measures, places, outlet claims)": (("extract/claims.py", "ledger"),),
    "quotation pairing (find_quotes)": (("extract/quotes.py", "find_quotes"),),
}


def _cumulative(stats: pstats.Stats, targets: tuple[tuple[str, str], ...]) -> float:
    total = 0.0
    for (file, _line, name), (_cc, _nc, _tt, ct, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        if any(file.endswith(suffix) and name == fn for suffix, fn in targets):
            total += ct
    return total


def _called_from(
    stats: pstats.Stats, caller: tuple[str, str], files: tuple[str, ...], skip: str = ""
) -> float:
    """Cumulative time of the functions in ``files`` that ``caller`` calls directly (the
    registered finders and steps are called by the extractor, not by name)."""
    total = 0.0
    for (file, _line, name), (_cc, _nc, _tt, _ct, callers) in stats.stats.items():  # type: ignore[attr-defined]
        if not any(f in file for f in files) or name == skip:
            continue
        for (cfile, _cline, cname), (_c1, _c2, _t, ct) in callers.items():
            if cfile.endswith(caller[0]) and cname == caller[1]:
                total += ct
    return total


def threads(texts: list[str], repeat: int) -> dict[str, object]:
    """CPU seconds per thread of ``analyze_many`` with reading and parsing ahead, medians of ``repeat``."""
    import statistics
    from collections import defaultdict

    import spacy

    import reportedly
    from reportedly.extract.encoder import spare_core
    from reportedly.ingest.layout import parse_layout
    from reportedly.nlp import MODEL_NAME

    if not spare_core():
        sys.exit("--threads needs two cores or more: there is nothing to read ahead on")
    spent: dict[str, float] = defaultdict(float)
    ahead = reportedly._ahead

    def timed(tasks, name: str, depth: int = 3):  # noqa: ANN001, ANN202 - as reportedly._ahead
        def clocked(task):  # noqa: ANN001, ANN202
            def run():  # noqa: ANN202
                start = time.thread_time()
                try:
                    return task()
                finally:
                    spent[name] += time.thread_time() - start

            return run

        yield from ahead((clocked(t) for t in tasks), name, depth)

    reportedly._ahead = timed
    plain = spacy.load(MODEL_NAME)
    list(plain.pipe(texts[:2]))
    list(reportedly.analyze_many(parse_layout(t) for t in texts[:2]))
    rows: dict[str, list[float]] = defaultdict(list)
    for _ in range(repeat):
        start = time.process_time()
        for _doc in plain.pipe(texts, batch_size=64):
            pass
        rows["spacy_cpu_s"].append(time.process_time() - start)
        spent.clear()
        wall, cpu, own = time.perf_counter(), time.process_time(), time.thread_time()
        list(reportedly.analyze_many(parse_layout(t) for t in texts))
        rows["analyze_wall_s"].append(time.perf_counter() - wall)
        rows["analyze_cpu_s"].append(time.process_time() - cpu)
        rows["caller_thread_cpu_s"].append(time.thread_time() - own)
        rows["parser_thread_cpu_s"].append(spent["reportedly-parser"])
        rows["encoder_thread_cpu_s"].append(spent["reportedly-encoder"])
        rows["other_threads_cpu_s"].append(
            rows["analyze_cpu_s"][-1] - sum(rows[k][-1] for k in rows if k.endswith("thread_cpu_s"))
        )
    out: dict[str, object] = {"texts": len(texts), "repeat": repeat}
    out.update({k: statistics.median(v) for k, v in rows.items()})
    spacy_cpu, cpu = out["spacy_cpu_s"], out["analyze_cpu_s"]
    longest = max(out[k] for k in ("caller_thread_cpu_s", "parser_thread_cpu_s", "encoder_thread_cpu_s"))
    out["ratio_cpu_analyze_to_spacy"] = spacy_cpu / cpu  # type: ignore[operator]
    # the best a quiet machine with two cores could do: the longest thread, or half the CPU
    out["ratio_bound_two_idle_cores"] = spacy_cpu / max(longest, cpu / 2)  # type: ignore[operator]
    return out


def components(texts: list[str], repeat: int) -> dict[str, object]:
    """CPU seconds of each of spaCy's components over the analysis's blocks, run one after another."""
    import spacy

    from reportedly.ingest.layout import parse_layout
    from reportedly.nlp import MODEL_NAME
    from reportedly.nlp.blocks import block_spans

    nlp = spacy.load(MODEL_NAME)  # as shipped: the attribute_ruler, not our table
    blocks = [d.text[s:e] for d in map(parse_layout, texts) for _, s, e in block_spans(d)]
    list(nlp.pipe(blocks[:50]))
    best: dict[str, float] = {}
    for _ in range(repeat):
        start = time.process_time()
        docs = [nlp.make_doc(b) for b in blocks]
        best["tokenizer"] = min(best.get("tokenizer", 1e9), time.process_time() - start)
        for name, proc in nlp.pipeline:
            start = time.process_time()
            docs = list(proc.pipe(docs, batch_size=64)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
            best[name] = min(best.get(name, 1e9), time.process_time() - start)
    total = sum(best.values())
    return {"blocks": len(blocks), "total_cpu_s": total} | {
        f"{name}_share": seconds / total for name, seconds in best.items()
    }


def onnx_ops(texts: list[str]) -> dict[str, object]:
    """Each ONNX operator type's share of the encoder's kernel time over the texts' windows."""
    import os
    import tempfile
    from collections import Counter

    import numpy as np
    import onnxruntime as ort
    from safetensors.numpy import load_file

    from reportedly.extract.encoder import default_encoder_path, special_ids, windows
    from reportedly.extract.encoder_input import WEIGHTS, base_model_dir
    from reportedly.extract.onnx_encoder import encoder_graph, mapped_tensor

    path = default_encoder_path()
    words = mapped_tensor(base_model_dir() / "model.safetensors", "word_embeddings.weight")
    options = ort.SessionOptions()
    options.intra_op_num_threads = options.inter_op_num_threads = 1
    options.log_severity_level = 3
    options.enable_profiling = True
    with tempfile.TemporaryDirectory() as tmp:
        options.profile_file_prefix = os.path.join(tmp, "encoder")
        session = ort.InferenceSession(encoder_graph(load_file(str(path / WEIGHTS))), options)
        cls, sep = special_ids()
        runs = [[cls, *w.ids, sep] for t in texts for w in windows(t)]
        for ids in runs:
            session.run(None, {"words": np.asarray(words[np.asarray(ids)], dtype=np.float32)})
        events = json.loads(Path(session.end_profiling()).read_text())
    spent: Counter[str] = Counter()
    for event in events:
        if event.get("cat") == "Node" and event["name"].endswith("_kernel_time"):
            spent[event["args"]["op_name"]] += event["dur"]
    total = sum(spent.values())
    return {"windows": len(runs), "kernel_ms": total / 1000} | {
        f"{op}_share": us / total for op, us in spent.most_common()
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--texts", required=True, help="folder of .txt articles")
    ap.add_argument("--limit", type=int, default=20, help="the first N texts in sorted order (default 20)")
    ap.add_argument("--top", type=int, default=30, help="functions listed by own time (default 30)")
    ap.add_argument("--out", help="also write the raw profile here (for snakeviz, pstats)")
    ap.add_argument("--threads", action="store_true", help="CPU per thread with reading ahead, no profile")
    ap.add_argument("--components", action="store_true", help="CPU of each spaCy component, no profile")
    ap.add_argument("--onnx-ops", action="store_true", help="ONNX Runtime's profile of the encoder's windows")
    ap.add_argument("--repeat", type=int, default=1, help="runs for --threads (medians), --components (best)")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()

    files = sorted(Path(a.texts).glob("*.txt"))[: a.limit]
    if not files:
        sys.exit(f"no .txt files in {a.texts}")
    texts = [f.read_text(encoding="utf-8") for f in files]

    if a.threads or a.components or a.onnx_ops:
        if a.threads:
            res = threads(texts, a.repeat)
        else:
            res = components(texts, a.repeat) if a.components else onnx_ops(texts)
        if a.json:
            print(json.dumps(res, indent=2))
        else:
            for k, v in res.items():
                print(f"{k:<28} {v:,.3f}" if isinstance(v, float) else f"{k:<28} {v}")
        return

    from reportedly.extract.encoder import set_threads

    set_threads(1)
    import spacy

    import reportedly
    from reportedly.ingest.layout import parse_layout
    from reportedly.nlp import MODEL_NAME

    plain = spacy.load(MODEL_NAME)  # the baseline: the model as shipped, every component
    reportedly.warm_up()
    # as bench_analyze.py does: the first documents load what warm_up does not (dateparser's tables)
    list(plain.pipe(texts[:2]))
    list(reportedly.analyze_many(parse_layout(t) for t in texts[:2]))

    t0 = time.process_time()
    for _doc in plain.pipe(texts, batch_size=64):
        pass
    spacy_cpu = time.process_time() - t0

    prof = cProfile.Profile(time.process_time)
    t0 = time.process_time()
    prof.enable()
    claims = sum(len(led.claims) for led in reportedly.analyze_many(parse_layout(t) for t in texts))
    prof.disable()
    analyze_cpu = time.process_time() - t0
    if a.out:
        prof.dump_stats(a.out)

    stats = pstats.Stats(prof)
    stages = {name: _cumulative(stats, targets) for name, targets in STAGES.items() if targets}
    stages["rule finders (every finder but learned)"] = _called_from(
        stats, ("extract/extractor.py", "find"), ("/extract/finders/",), skip="learned"
    )
    stages["steps (merge … quote_resumes)"] = _called_from(
        stats, ("extract/extractor.py", "__call__"), ("/extract/steps/", "/extract/merge.py")
    )
    result = {
        "texts": len(texts),
        "words": sum(len(t.split()) for t in texts),
        "claims": claims,
        "spacy_cpu_s": spacy_cpu,
        "analyze_cpu_s": analyze_cpu,
        "ratio_under_profile": spacy_cpu / analyze_cpu,  # cProfile slows the analysis, not spaCy
        "stages_share_of_analyze": {k: v / analyze_cpu for k, v in stages.items()},
        "stages_x_spacy": {k: v / spacy_cpu for k, v in stages.items()},
    }
    if a.json:
        print(json.dumps(result, indent=2))
        return
    for key in ("texts", "words", "claims", "spacy_cpu_s", "analyze_cpu_s", "ratio_under_profile"):
        v = result[key]
        print(f"{key:<24} {v:,.3f}" if isinstance(v, float) else f"{key:<24} {v}")
    print("\nstage (cumulative CPU)                                          share   x spaCy")
    for k, v in stages.items():
        print(f"  {k:<60} {v / analyze_cpu:6.3f}  {v / spacy_cpu:6.3f}")
    buf = io.StringIO()
    pstats.Stats(prof, stream=buf).sort_stats("tottime").print_stats(a.top)
    print(buf.getvalue())


if __name__ == "__main__":
    main()
