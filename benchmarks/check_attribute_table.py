"""Does the attribute table (reportedly/nlp/attributes.py) tag every token as spaCy's attribute_ruler does?

Parses the blocks of every .txt file in the folders given twice, with the English model as
shipped (plus the web sentence starts reportedly adds) and with the table in the ruler's
place, and compares each token's tag, part of speech, morphology, lemma, dependency, head,
entity and sentence start. Prints the blocks that differ (none expected) and the CPU seconds
of each pipeline.

    python benchmarks/check_attribute_table.py ../shared/data/polnear/dev/text [MORE_FOLDERS…]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import spacy
from spacy.tokens import Doc

from reportedly.ingest.layout import parse_layout
from reportedly.nlp import MODEL_NAME, _web_sentences
from reportedly.nlp.attributes import use_table
from reportedly.nlp.blocks import block_spans


def _rows(doc: Doc) -> list[tuple[object, ...]]:
    return [
        (t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_type_, t.ent_iob_, t.is_sent_start)
        for t in doc
    ]


def main(folders: list[str]) -> None:
    files = [f for d in folders for f in sorted(Path(d).glob("*.txt"))]
    stock, table = spacy.load(MODEL_NAME), spacy.load(MODEL_NAME)
    for nlp in (stock, table):
        nlp.max_length = 5_000_000
        _web_sentences(nlp)
    if not use_table(table):
        sys.exit("the table cannot apply this model's attribute rules")
    texts = []
    for f in files:
        document = parse_layout(f.read_text(encoding="utf-8"))
        texts += [document.text[s:e] for _, s, e in block_spans(document)]
    cpu = {"stock": 0.0, "table": 0.0}
    tokens = differ = 0
    for at in range(0, len(texts), 256):
        chunk = texts[at : at + 256]
        parsed = {}
        for name, nlp in (("stock", stock), ("table", table)):
            start = time.process_time()
            parsed[name] = list(nlp.pipe(chunk, batch_size=64))
            cpu[name] += time.process_time() - start
        for a, b in zip(parsed["stock"], parsed["table"], strict=True):
            tokens += len(a)
            if _rows(a) != _rows(b):
                differ += 1
                print("differs:", a.text[:80])
    print(f"{len(files)} files, {len(texts)} blocks, {tokens} tokens; blocks that differ: {differ}")
    print(f"CPU: attribute_ruler {cpu['stock']:.2f} s, table {cpu['table']:.2f} s")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: check_attribute_table.py FOLDER [FOLDER…]")
    main(sys.argv[1:])
