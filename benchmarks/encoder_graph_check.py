"""The shipped encoder graph against its reference (standard operators only): same bits, CPU seconds.

``onnx_encoder`` builds the encoder and the pair head with ONNX Runtime's fused operators
(``QuantizeLinear`` for the activations' quantisation, ``Gelu``); ``reference=True`` builds
them with the standard operators these replace. This reads every window of a folder of
texts through both, one thread each, says how many outputs differ in any bit (0 expected),
then times both, alternating, in this one process (CPU seconds: the machine may be shared).
The pair head is read against three cue positions per window.

    python benchmarks/encoder_graph_check.py --texts ../shared/data/polnear/dev/text --repeat 3
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np


def main() -> None:
    import onnxruntime as ort
    from safetensors.numpy import load_file

    from reportedly.extract import encoder as enc
    from reportedly.extract import onnx_encoder as oe
    from reportedly.extract.encoder_input import distance_buckets_np, special_ids, windows

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--texts", required=True, help="folder of .txt articles")
    ap.add_argument("--limit", type=int, default=0, help="the first N texts in sorted order (0: all)")
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    state = load_file(str(enc.default_encoder_path() / enc.WEIGHTS))
    table = oe.mapped_tensor(oe.base_model_dir() / "model.safetensors", "word_embeddings.weight")
    options = ort.SessionOptions()
    options.intra_op_num_threads = options.inter_op_num_threads = 1
    options.log_severity_level = 3
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")

    def session(graph: bytes) -> ort.InferenceSession:
        return ort.InferenceSession(graph, options, providers=["CPUExecutionProvider"])

    graphs = {"reference": (oe.encoder_graph(state, True), oe.pair_graph(state, True))}
    graphs["shipped"] = (oe.encoder_graph(state), oe.pair_graph(state))
    runs = {name: (session(e), session(p)) for name, (e, p) in graphs.items()}
    cls, sep = special_ids()
    files = sorted(Path(a.texts).glob("*.txt"))[: a.limit or None]
    feeds = [
        {"words": np.asarray(table[np.asarray([cls, *w.ids, sep])], dtype=np.float32)}
        for f in files
        for w in windows(f.read_text(encoding="utf-8"), enc.MAX_LEN)
    ]
    differ, pair_feeds = 0, []
    for feed in feeds:
        outs = [runs[name][0].run(None, feed) for name in ("reference", "shipped")]
        differ += not all(np.array_equal(x, y) for x, y in zip(*outs, strict=True))
        hidden, projected = outs[0][0], outs[0][2]
        for at in (1, len(hidden) // 2, len(hidden) - 2):
            dist = np.arange(len(hidden)) - at
            cue = hidden[at : at + 1].mean(0)[None]
            pair_feeds.append({"projected": projected, "cue": cue, "bucket": distance_buckets_np(dist)})
    pair_differ = sum(
        not np.array_equal(runs["reference"][1].run(None, f)[0], runs["shipped"][1].run(None, f)[0])
        for f in pair_feeds
    )
    print(f"windows {len(feeds)}, differing in any bit: {differ}")
    print(f"pair head readings {len(pair_feeds)}, differing in any bit: {pair_differ}")
    for part, inputs in ((0, feeds), (1, pair_feeds)):
        spent: dict[str, list[float]] = {"reference": [], "shipped": []}
        for _ in range(a.repeat):
            for name in spent:
                start = time.process_time()
                for feed in inputs:
                    runs[name][part].run(None, feed)
                spent[name].append(time.process_time() - start)
        label = ("encoder", "pair head")[part]
        print(label, {k: [round(v, 3) for v in vs] for k, vs in spent.items()})


if __name__ == "__main__":
    main()
