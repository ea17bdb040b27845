"""Where extraction leaves the story layer short: gold evidence with no claim, and wrong sources.

The story scorer finds a gold proposition mention (or a measure point) through the claim whose
content overlaps its quote; a mention with no such claim can be neither clustered nor counted
as an origin. This lists, per development corpus:

* **proposition mentions with no claim** and **measure points with no quantity**, each classified
  by the shape of its sentence (a claim elsewhere in the sentence: the quote cut short or a clause
  beside it; no claim in the sentence: a headline, an "according to", a passive "was reported by",
  a quotation with no cue, a reporting verb the finders missed, a fragment or list item, the
  outlet's own voice with a figure or without one);
* **gold per-article claims the ledger misses** (``eval-claims`` misses), classified the same way;
* **gold claims whose source the ledger gets wrong** (``eval-claims`` pairs with the source
  wrong), classified by what the ledger says instead (no source, a function word or fragment, a
  pronoun's person, another name).

Ledgers are analysed once per corpus and cached (``--cache DIR``, pickles, one per corpus;
``--reanalyse`` after a change to extraction)::

    PYTHONPATH=src python benchmarks/extraction_gaps.py all --cache /tmp/gaps-cache [--reanalyse] \\
        [--list] [--json OUT.json]

Names: kakhovka quake crocus derna alahli maui balasore herat morocco (or ``all``). Gold folders are read from
``../shared/data/stories`` and ``benchmarks/stories``, texts from ``../stories-local/<story>/articles``
(``--local`` to change it). Prints one table of counts per class; ``--list`` adds every item.
"""

from __future__ import annotations

import argparse
import json
import pickle
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from story_sets import STORIES as DEVELOPMENT_STORIES  # the sibling table (python benchmarks/x.py)

from reportedly import analyze_many
from reportedly.corpora.stories import load_story_corpus
from reportedly.eval.claims import score_claims
from reportedly.eval.matching import best_claim, claim_extent, locate, quantity_in
from reportedly.model import Claim, Ledger, SectionKind

REPO = Path(__file__).resolve().parent.parent
STORIES = DEVELOPMENT_STORIES

_ACCORDING = re.compile(r"\baccording\s+to\b", re.I)
_PASSIVE = re.compile(
    r"\b(?:was|were|has\s+been|have\s+been|had\s+been|is|are|being)\s+(?:\w+ly\s+)?"
    r"(?:reported|confirmed|announced|stated|given|released|put|cited|quoted|estimated|recorded|"
    r"registered|shared|published|disclosed|revealed|provided)\s+by\b",
    re.I,
)
_REPORTING = re.compile(
    r"\b(?:said|says|say|told|tells|tell|reported|reports|announced|announces|stated|states|added|"
    r"adds|confirmed|confirms|estimated|estimates|claimed|claims|warned|warns|wrote|writes|noted|"
    r"notes|explained|insisted|denied|denies|posted|tweeted|acknowledged|urged|described|"
    r"blamed|accused|vowed|pledged|called|cited|citing|quoted|updated|revised)\b",
    re.I,
)
_QUOTES = re.compile(r"[“”\"]")
_FIGURE = re.compile(r"\d")
_SENT_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][”\"’']))\s+(?=[“\"A-Z0-9])|\n+")


def sentence_of(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or the line, for a headline or a list item) around a quote, by punctuation."""
    line_a = text.rfind("\n", 0, start) + 1
    line_b = text.find("\n", end)
    line_b = len(text) if line_b < 0 else line_b
    a, b = line_a, line_b
    for m in _SENT_END.finditer(text, line_a, line_b):
        if m.end() <= start:
            a = m.end()
        elif m.start() >= end:
            b = m.start()
            break
    return a, b


def _overlaps(c: Claim, a: int, b: int) -> bool:
    spans = [*claim_extent(c), (c.cue.start, c.cue.end)]
    if c.source is not None:
        spans.append((c.source.start, c.source.end))
    return any(s < b and a < e for s, e in spans)


def _with_speaker(c: Claim, a: int, b: int) -> float:
    """Share of the quote covered by the claim's content, cue and source together."""
    spans = [*claim_extent(c), (c.cue.start, c.cue.end)]
    if c.source is not None:
        spans.append((c.source.start, c.source.end))
    covered = set()
    for s, e in spans:
        covered.update(range(max(s, a), min(e, b)))
    return len(covered) / max(1, b - a)


def section_at(ledger: Ledger, at: int) -> SectionKind:
    for s in ledger.document.sections:
        if s.start <= at < s.end:
            return s.kind
    return SectionKind.BODY


def classify(ledger: Ledger, start: int, end: int) -> tuple[str, str]:
    """Why no claim holds ``text[start:end]``: a class name and the sentence."""
    text = ledger.document.text
    a, b = sentence_of(text, start, end)
    sent = text[a:b]
    near = [c for c in ledger.claims if _overlaps(c, a, b)]
    if near:
        best = max(_with_speaker(c, start, end) for c in near)
        if best >= 0.5:
            return "claim right, quote takes its speaker too", sent
        if any(_overlaps(c, start, end) for c in near):
            return "claim in the sentence covers part of the quote", sent
        return "claim in the sentence elsewhere (a clause beside it)", sent
    if section_at(ledger, start) is not SectionKind.BODY:
        return "headline / page part", sent
    first = next((p for p in ledger.document.paragraphs if p.end > p.start), None)
    lead = first is not None and first.start <= start < first.end
    if _PASSIVE.search(sent):
        return "passive attribution (was reported by)", sent
    if _ACCORDING.search(sent):
        return "according to", sent
    if _REPORTING.search(sent):
        return "reporting verb, no claim", sent
    if _QUOTES.search(sent):
        return "quotation with no cue", sent
    words = len(re.findall(r"[A-Za-z]+", sent))
    if words < 6 or sent.lstrip()[:1] in "-•*–":
        return "fragment / list item", sent
    where = "lead line" if lead else "body"
    if _FIGURE.search(sent):
        return f"outlet voice with a figure ({where})", sent
    return f"outlet voice, no figure ({where})", sent


def _source_class(system: dict[str, Any], gold: str) -> str:
    """What the ledger names instead of the gold's source."""
    if system.get("kind") == "outlet" or not system.get("sourced", True) or not system["source"]:
        return f"no speaker found ({system.get('kind')})"
    name = system["source"][0]
    if name.lower() in {"that", "which", "the", "it", "this", "who", "they", "he", "she"} or len(name) <= 3:
        return "a function word or fragment"
    if system.get("kind") in ("passive", "according_to") and not name[:1].isupper():
        return "a common noun"
    gold_words = set(re.findall(r"[a-z]+", gold.lower()))
    words = set(re.findall(r"[a-z]+", name.lower()))
    if name[:1].islower() or name.split()[0].lower() in {"a", "an", "the"}:
        return "a description of the speaker (no name linked)" if words & gold_words else "a common noun"
    if words & gold_words:
        return "the same speaker, named otherwise (alias)"
    return "another speaker"


def chain_end(c: Claim, ledger: Ledger) -> str:
    """Who a claim's chain ends at: its last link, its source, or the outlet for its own voice."""
    if c.chain:
        return c.chain[-1].entity.name
    if c.source is not None:
        return c.source.entity.name if c.source.entity is not None else c.source.text
    return f"(outlet) {ledger.document.outlet or ''}"


def load(
    name: str, cache: Path | None, reanalyse: bool, local: Path
) -> tuple[dict[str, Any], dict[str, Ledger]]:
    gold_dir, folder = STORIES[name]
    corpus = load_story_corpus(REPO / gold_dir, local / folder / "articles")
    files = list(corpus.articles)
    path = cache / f"{name}.pkl" if cache else None
    if path is not None and path.exists() and not reanalyse:
        ledgers = pickle.loads(path.read_bytes())
    else:
        ledgers = dict(zip(files, analyze_many([corpus.articles[f].document for f in files]), strict=True))
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(pickle.dumps(ledgers))
    return corpus.gold, ledgers


def gaps(gold: dict[str, Any], ledgers: dict[str, Ledger]) -> dict[str, Any]:
    """Every gap of one corpus, classified."""
    items: dict[str, list[dict[str, Any]]] = {
        "mention": [],
        "point": [],
        "claim": [],
        "source": [],
        "origin": [],
    }
    seen = set()
    for p in gold.get("propositions", []):
        for m in p["mentions"]:
            ledger = ledgers.get(m["file"])
            where = locate(ledger.document.text, m["quote"], m["file"]) if ledger else None
            if where is None or (m["file"], m["quote"]) in seen:
                continue
            seen.add((m["file"], m["quote"]))
            if best_claim(ledger.claims, where) is None:
                why, sent = classify(ledger, where.start, where.end)
                items["mention"].append({"file": m["file"], "prop": p["id"], "why": why, "sentence": sent})
    for ms in gold.get("measures", []):
        for pt in ms["points"]:
            ledger = ledgers.get(pt["file"])
            where = locate(ledger.document.text, pt["quote"], pt["file"]) if ledger else None
            if where is None:
                continue
            if quantity_in(ledger.claims, where, pt.get("value"), pt.get("low"), pt.get("high")) is None:
                why, sent = classify(ledger, where.start, where.end)
                items["point"].append({"file": pt["file"], "measure": ms["id"], "why": why, "sentence": sent})
    for p in gold.get("propositions", []):
        ends = set()
        told: list[str] = []
        for m in p["mentions"]:
            ledger = ledgers.get(m["file"])
            where = locate(ledger.document.text, m["quote"], m["file"]) if ledger else None
            c = best_claim(ledger.claims, where) if where else None
            if c is None:
                told.append(f"{m['file'][:3]}: -")
                continue
            end = chain_end(c, ledger)
            ends.add(end.lower())
            told.append(f"{m['file'][:3]}: {end}")
        if len(ends) != p["independent_origins"]:
            why = (
                "more chain ends than origins" if len(ends) > p["independent_origins"] else "fewer chain ends"
            )
            items["origin"].append(
                {"file": "", "prop": p["id"], "why": why, "gold": p["independent_origins"], "ends": told}
            )
    report = score_claims(gold, ledgers)
    for miss in report["misses"]:
        ledger = ledgers[miss["file"]]
        where = locate(ledger.document.text, miss["quote"], miss["file"])
        why, sent = classify(ledger, where.start, where.end) if where else ("not found", "")
        items["claim"].append({"file": miss["file"], "why": why, "source": miss["source"], "sentence": sent})
    for w in report["wrong"]:
        if w.get("source_right", True):
            continue
        why = _source_class(w["system"], w["gold"]["source"])
        items["source"].append(
            {
                "file": w["file"],
                "why": why,
                "gold": w["gold"]["source"],
                "system": (w["system"]["source"] or [None])[0],
                "quote": w["quote"],
            }
        )
    figures = {
        k: report[k]
        for k in ("recall", "precision_strict", "source_accuracy", "chain_accuracy", "stance_accuracy")
    }
    figures["gold_claims"] = report["counts"].get("gold", 0)
    figures["system_claims"] = report["counts"].get("system", 0)
    return {"figures": figures, "items": items}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("names", nargs="+", help="corpora, or 'all'")
    ap.add_argument("--cache", type=Path, help="folder of cached ledgers (one pickle per corpus)")
    ap.add_argument("--reanalyse", action="store_true", help="analyse afresh even with a cache")
    ap.add_argument("--local", type=Path, default=REPO.parent / "stories-local", help="collected texts")
    ap.add_argument("--list", action="store_true", help="print every item, not only the counts")
    ap.add_argument("--json", type=Path, help="write every item as JSON here")
    args = ap.parse_args(argv)
    names = list(STORIES) if args.names == ["all"] else args.names
    out: dict[str, Any] = {}
    for name in names:
        gold, ledgers = load(name, args.cache, args.reanalyse, args.local)
        out[name] = gaps(gold, ledgers)
        f = out[name]["figures"]
        print(
            f"## {name}: claims recall {f['recall']:.3f} strict P {f['precision_strict']:.3f} "
            f"source {f['source_accuracy']:.3f} chain {f['chain_accuracy']:.3f} "
            f"stance {f['stance_accuracy']:.3f} "
            f"({f['gold_claims']} gold, {f['system_claims']} system claims)",
            flush=True,
        )
    for kind, title in (
        ("mention", "proposition mentions with no claim"),
        ("point", "measure points with no quantity"),
        ("claim", "gold claims missed (eval-claims)"),
        ("source", "gold claims with the source wrong (eval-claims)"),
        ("origin", "propositions whose mentions' chain ends do not number its origins"),
    ):
        whys = sorted({i["why"] for n in out for i in out[n]["items"][kind]})
        print(f"\n### {title}\n")
        print("| class | " + " | ".join(names) + " | all |")
        print("| --- | " + " | ".join("---:" for _ in names) + " | ---: |")
        for why in sorted(
            whys, key=lambda w: -sum(i["why"] == w for n in out for i in out[n]["items"][kind])
        ):
            counts = [sum(i["why"] == why for i in out[n]["items"][kind]) for n in names]
            print(f"| {why} | " + " | ".join(map(str, counts)) + f" | {sum(counts)} |")
        totals = [len(out[n]["items"][kind]) for n in names]
        print("| **total** | " + " | ".join(map(str, totals)) + f" | {sum(totals)} |")
        if args.list:
            for n in names:
                for i in sorted(out[n]["items"][kind], key=lambda i: i["why"]):
                    rest = {k: v for k, v in i.items() if k not in ("why",)}
                    print(f"- [{n}] {i['why']}: " + json.dumps(rest, ensure_ascii=False)[:400])
    if args.json:
        args.json.write_text(json.dumps(out, indent=1, ensure_ascii=False))
    counts = Counter(i["why"] for n in out for k in out[n]["items"] for i in out[n]["items"][k])
    return 0 if counts is not None else 1


if __name__ == "__main__":
    sys.exit(main())
