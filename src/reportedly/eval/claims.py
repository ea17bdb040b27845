"""Scoring single-article ledgers against a story corpus's per-article claims.

The gold (``gold.json`` → ``claims``) lists the key claims of each article: a
source, a chain (outermost relay first, the publishing outlet included), a
stance, the quote, its quantities and the date the speaker spoke. It is not
exhaustive, so a system claim that matches no gold claim is not counted wrong
here: it is *listed* for a person to judge, and precision is reported both
strictly (every unmatched claim wrong) and after judging (see BENCHMARKS.md).

Matching is one to one first: gold and system claims are paired greedily by the
overlap of the quote with the claim's content (:mod:`reportedly.eval.matching`),
its cue and its source counted with it when the quote meets the content or the
cue (a gold quote often takes the whole sentence, "Erdogan announced on Tuesday
that 35,418 people have died", whose speaker and verb are the claim's too).
Then a gold quote left unpaired that lies inside a system claim's content is
found in that claim (``matched_inside``): the gold splits one sentence into one
claim per proposition ("X said 27 people are missing, while 47 settlements are
still flooded" is two), and the ledger keeps the sentence's content as one claim,
which a reader finds both propositions in. On the pairs:

* **source**: the system's source names the gold source (:func:`same_name`);
* **chain**: the hops after the outlet (a wire, a platform, relays, the
  origin) are the system's chain, hop for hop; scored separately on
  *multi-hop* gold chains (two hops or more after the outlet). A wire the
  text never names (the gold knows it from the page's site) is dropped from
  the gold chain for the main figure; the ``_strict`` figures keep it;
* **stance**: the same value; ``stance_confusion`` tabulates gold stance against the
  ledger's on every pair (``{gold: {system: n}}``), which tells a rule the ledger lacks from a
  convention one gold keeps and another does not (BENCHMARKS.md, issue 16);
* **quantities**: every gold number has a system quantity with the same value
  (or the same bound);
* **date**: the statement's date, when the gold gives one.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from datetime import date
from typing import Any

from ..model import Claim, ClaimKind, Ledger, SectionKind
from .matching import MIN_OVERLAP, Located, claim_extent, locate, match_score, merged_spans

_PAREN = re.compile(r"\(([^)]*)\)")
#: words of any script (Hangul, Cyrillic): gold names carry the original in brackets
_WORD = re.compile(r"[^\W_]+")
_STOP = frozenset(
    """the a an of and in on for to by at from with via its his her their s
    unnamed unspecified unidentified anonymous""".split()  # noqa: SIM905 - a word list reads better so
)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).lower()


def name_words(text: str) -> set[str]:
    return {w for w in _WORD.findall(_fold(text)) if w not in _STOP and len(w) > 1}


def _same_word(a: str, b: str) -> bool:
    """Equal, or one a close inflection of the other: Ukraine/Ukrainian, official/officials."""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 5 and len(long_) - len(short) <= 4 and long_[: len(short) - 1] == short[:-1]


def _covered(words: set[str], by: set[str]) -> bool:
    return all(any(_same_word(w, o) for o in by) for w in words)


def same_name(system: list[str], gold: str) -> bool:
    """Whether one of the system's names for a source names the gold source.

    The gold writes a name with an optional description in brackets ("Dmitry
    Peskov (Kremlin spokesman)", "Russian officials (unspecified)"). A match is
    a system name whose words are all among the gold's (close inflections
    compared, so "Ukraine" names "Ukrainian government"), or the gold name's
    words all among the system's, or one long shared word (a surname, "Peskov").
    """
    gold_all = name_words(gold)
    gold_core = name_words(_PAREN.sub(" ", gold))
    for name in system:
        words = name_words(name)
        if not words or not gold_core:
            continue
        if _covered(words, gold_all) or _covered(gold_core, words):
            return True
        longest = max(words, key=len)
        if len(longest) > 4 and any(_same_word(longest, g) for g in gold_core):
            return True
    return False


def unattributed_right(c: Claim, gold: str) -> bool:
    """Whether the gold says nobody is named for a claim ("unattributed (earlier reports)") and
    the system names nobody either: a claim in the outlet's own voice, with no source mention."""
    return gold.lower().startswith("unattributed") and c.source is None


#: The agencies a gold document's ``wire`` (or ``wire_other``) field names, with their long names.
WIRE_NAMES = {
    "AP": ["AP", "Associated Press"],
    "AFP": ["AFP", "Agence France-Presse"],
    "Reuters": ["Reuters"],
    "dpa": ["dpa", "DPA", "Deutsche Presse-Agentur"],
    "Xinhua": ["Xinhua"],
}


def _wire_aliases(names: list[str]) -> list[str]:
    """A hop naming a news agency by one of its names ("Associated Press") goes by the others ("AP")."""
    for group in WIRE_NAMES.values():
        if any(n in group for n in names):
            return names + [g for g in group if g not in names]
    return names


def _claim_names(c: Claim, publication: list[str] = ()) -> list[str]:
    """The names the system gives a claim's source; the outlet's own voice is the publication's.

    A claim with no source mention (an outlet claim, an agentless passive such as "some 1,000
    are confirmed to have died") is said in the outlet's voice, through the wire it carries: its
    chain holds no one else (GLOSSARY.md, "Chain": the publishing outlet is the implicit first link).
    """
    names = []
    if c.source is not None:
        if c.source.entity is not None:
            names += [c.source.entity.name, *c.source.entity.aliases]
        names.append(c.source.text)
    elif c.kind is ClaimKind.OUTLET or not c.chain or all(link.cue == "credit" for link in c.chain):
        names += [link.entity.name for link in c.chain] + list(publication)
    return names


def _derivable(hops: list[str], wire: str | None, text: str) -> list[str]:
    """The gold hops a reader of this text can know: a wire hop only when the text names the wire.

    A gold file knows that a page is an AP copy from the page's site; when the stored text
    never says so, no reader of the text (and no system) can put AP in the chain.

    The same holds for an agency the gold puts first in a chain without a ``wire`` field (a
    dpa copy whose byline, "DPA", the stored text lost): a hop naming a news agency that the
    text never names is dropped; and for a hop the gold writes wholly in brackets, its mark for
    a hop the text leaves unnamed ("(The New York Times, not named)").
    """
    hops = [h for h in hops if not (h.strip().startswith("(") and h.strip().endswith(")"))]
    if not hops:
        return hops
    groups = [WIRE_NAMES.get(wire, [wire])] if wire else []
    groups += [g for g in WIRE_NAMES.values() if g not in groups]
    unnamed = [g for g in groups if not any(re.search(rf"\b{re.escape(n)}\b", text) for n in g)]
    return [h for h in hops if not any(_is_agency(g, h) for g in unnamed)]


def _is_agency(names: list[str], hop: str) -> bool:
    """Whether a gold hop is the agency: one of its names, word for word ("Turkey's disaster
    agency" is not Agence France-Presse, which a shared long word would make it)."""
    core = name_words(_PAREN.sub(" ", hop))
    return bool(core) and any(name_words(n) == core for n in names)


def _same_chain(ours: list[list[str]], hops: list[str]) -> bool:
    """Hop for hop, each system hop named by its entity's name or one of its aliases (as sources are:
    the Associated Press entity is the gold's "AP")."""
    return len(ours) == len(hops) and all(same_name(o, h) for o, h in zip(ours, hops, strict=True))


def claim_date(c: Claim, published: date | None) -> date | None:
    """When the source spoke: a day outside the content (\"said on Tuesday\"), else publication."""
    for t in c.times:
        inside = any(s.start <= t.start and t.end <= s.end for s in c.content)
        if not inside and t.granularity == "day" and t.resolved and "/" not in t.resolved:
            try:
                return date.fromisoformat(t.resolved)
            except ValueError:
                continue
    return published


def _numbers_match(c: Claim, gold_q: list[dict[str, Any]]) -> bool:
    have = []
    for q in c.quantities:
        have.append({float(x) for x in (q.value, q.low, q.high) if x is not None})
    for g in gold_q:
        want = {float(x) for x in (g.get("value"), g.get("low"), g.get("high")) if x is not None}
        if want and not any(want & h for h in have):
            return False
    return True


#: Share of a gold quote a claim's content must hold for the quote to be found inside it.
INSIDE = 0.9


def _spans_with_speaker(c: Claim) -> list[tuple[int, int]]:
    """A claim's extent with its cue and its source mention: the whole of what the sentence says."""
    spans = claim_extent(c) + [(c.cue.start, c.cue.end)]
    if c.source is not None and c.source.end > c.source.start:
        spans.append((c.source.start, c.source.end))
    return merged_spans(spans)


def _score(c: Claim, where: Located) -> float:
    """The match score of :func:`match_score`, the claim's cue and source counted with its content
    when the quote meets the content or the cue (a quote meeting only a source is another claim's)."""
    own = match_score(c, where, "content")
    touches = own > 0 or (c.cue.start < where.end and where.start < c.cue.end)
    if not touches:
        return own
    spans = _spans_with_speaker(c)
    shared = sum(max(0, min(e, where.end) - max(b, where.start)) for b, e in spans)
    size = sum(e - b for b, e in spans)
    return max(own, shared / max(1, min(size, where.length)))


def _inside(c: Claim, where: Located) -> bool:
    """Whether the claim holds the quote (all but a tenth of it) and the quote meets its content.

    What the claim holds runs from the first to the last of its source, cue and content: "The
    president announced on Tuesday that 35,418 people have died" is inside the claim whose
    content is "that 35,418 people have died in Turkey as a result of …".
    """
    if not any(s.start < where.end and where.start < s.end for s in c.content):
        return False
    spans = _spans_with_speaker(c)
    start, end = spans[0][0], spans[-1][1]
    if c.sentence is not None and max(s.end for s in c.content) <= min(c.cue.start, end):
        # "…, the ministry announced on Tuesday.": a frame closing the sentence takes its adverbials
        end = max(end, c.sentence.end)
    return min(end, where.end) - max(start, where.start) >= INSIDE * where.length


def _pair(gold_claims: list[dict[str, Any]], ledger: Ledger, file: str) -> list[tuple[int, Claim | None]]:
    """One-to-one pairs (gold index, system claim), best overlaps first."""
    scored = []
    for gi, g in enumerate(gold_claims):
        where = locate(ledger.document.text, g["quote"], file)
        if where is None:
            continue
        for c in ledger.claims:
            s = _score(c, where)
            if s >= MIN_OVERLAP:
                size = sum(e - b for b, e in claim_extent(c))
                scored.append((s, -abs(size - where.length), gi, c))
    scored.sort(key=lambda t: (t[0], t[1]), reverse=True)
    used_g: set[int] = set()
    used_c: set[str] = set()
    pairs: dict[int, Claim | None] = {}
    for _s, _t, gi, c in scored:
        if gi in used_g or c.id in used_c:
            continue
        used_g.add(gi)
        used_c.add(c.id)
        pairs[gi] = c
    return [(gi, pairs.get(gi)) for gi in range(len(gold_claims))]


def _holder(g: dict[str, Any], ledger: Ledger, file: str) -> Claim | None:
    """The claim whose content holds an unpaired gold quote (the tightest, when several do)."""
    where = locate(ledger.document.text, g["quote"], file)
    if where is None:
        return None
    holders = [c for c in ledger.claims if _inside(c, where)]
    return min(holders, key=lambda c: sum(e - b for b, e in claim_extent(c)), default=None)


def score_claims(gold: dict[str, Any], ledgers: dict[str, Ledger]) -> dict[str, Any]:
    """Per-article claim figures over every file the gold gives claims for."""
    counts: Counter[str] = Counter()
    confusion: Counter[tuple[str, str]] = Counter()
    extras: list[dict[str, Any]] = []
    misses: list[dict[str, Any]] = []
    wrong: list[dict[str, Any]] = []
    wires = {d["file"]: d.get("wire") or d.get("wire_other") for d in gold.get("documents", [])}
    outlets = {d["file"]: d.get("outlet") for d in gold.get("documents", [])}
    for file, gold_claims in sorted(gold.get("claims", {}).items()):
        ledger = ledgers.get(file)
        wire = wires.get(file)
        publication = [n for n in [outlets.get(file), ledger.document.outlet if ledger else None] if n]
        publication += WIRE_NAMES.get(wire, [wire]) if wire else []
        if ledger is None:
            counts["skipped_not_collected"] += len(gold_claims)
            continue
        text = ledger.document.text
        located = [g for g in gold_claims if locate(text, g["quote"], file) is not None]
        counts["skipped_quote_not_found"] += len(gold_claims) - len(located)
        pairs = _pair(located, ledger, file)
        matched_ids = set()
        for gi, c in pairs:
            g = located[gi]
            counts["gold"] += 1
            if c is None and (c := _holder(g, ledger, file)) is not None:
                counts["matched_inside"] += 1
            if c is None:
                misses.append({"file": file, "source": g["source"], "quote": g["quote"]})
                continue
            matched_ids.add(c.id)
            counts["matched"] += 1
            src_ok = same_name(_claim_names(c, publication), g["source"]) or unattributed_right(
                c, g["source"]
            )
            counts["source_right"] += src_ok
            strict = list(g.get("chain", []))[1:]
            hops = _derivable(strict, wire, text)
            ours_names = [_wire_aliases([link.entity.name, *link.entity.aliases]) for link in c.chain]
            ours = [names[0] for names in ours_names]
            chain_ok = _same_chain(ours_names, hops)
            counts["chain_right"] += chain_ok
            counts["chain_right_strict"] += _same_chain(ours_names, strict)
            if len(hops) >= 2:
                counts["multi_hop"] += 1
                counts["multi_hop_right"] += chain_ok
            if len(strict) >= 2:
                counts["multi_hop_strict"] += 1
                counts["multi_hop_right_strict"] += _same_chain(ours_names, strict)
            stance_ok = c.stance.value == g["stance"]
            counts["stance_right"] += stance_ok
            confusion[g["stance"], c.stance.value] += 1
            if g.get("quantities"):
                counts["with_quantities"] += 1
                counts["quantities_right"] += _numbers_match(c, g["quantities"])
            if g.get("date"):
                counts["with_date"] += 1
                d = claim_date(c, ledger.document.published)
                counts["date_right"] += d is not None and d.isoformat() == g["date"]
            if not (src_ok and chain_ok and stance_ok):
                wrong.append(
                    {
                        "file": file,
                        "quote": g["quote"][:100],
                        "source_right": src_ok,
                        "gold": {"source": g["source"], "chain": hops, "stance": g["stance"]},
                        "system": {
                            "source": _claim_names(c, publication)[:1],
                            "chain": ours,
                            "stance": c.stance.value,
                            "kind": c.kind.value,
                            "sourced": c.source is not None,
                        },
                    }
                )
        for c in ledger.claims:
            counts["system"] += 1
            if c.id in matched_ids:
                counts["system_matched"] += 1
                continue
            extras.append(
                {
                    "file": file,
                    "claim": c.id,
                    "section": c.section.value,
                    "source": (_claim_names(c, publication) or [None])[0],
                    "kind": c.kind.value,
                    "cue": c.cue.text,
                    "stance": c.stance.value,
                    "content": " ".join(c.content_text.split())[:160],
                    "page_part": c.section is not SectionKind.BODY,
                }
            )

    def share(a: str, b: str) -> float:
        return round(counts[a] / counts[b], 4) if counts[b] else 0.0

    counts["matched_inside"] += 0  # always in the report, 0 included
    counts["matched_one_to_one"] = counts["matched"] - counts["matched_inside"]
    return {
        "recall": share("matched", "gold"),
        "recall_one_to_one": share("matched_one_to_one", "gold"),
        "precision_strict": share("system_matched", "system"),
        "source_accuracy": share("source_right", "matched"),
        "chain_accuracy": share("chain_right", "matched"),
        "chain_accuracy_strict": share("chain_right_strict", "matched"),
        "multi_hop_chain_accuracy": share("multi_hop_right", "multi_hop"),
        "multi_hop_chain_accuracy_strict": share("multi_hop_right_strict", "multi_hop_strict"),
        "stance_accuracy": share("stance_right", "matched"),
        "quantity_accuracy": share("quantities_right", "with_quantities"),
        "date_accuracy": share("date_right", "with_date"),
        "counts": dict(sorted(counts.items())),
        "stance_confusion": {
            gold: {system: n for (g, system), n in sorted(confusion.items()) if g == gold}
            for gold in sorted({g for g, _ in confusion})
        },
        "extras": extras,
        "misses": misses,
        "wrong": wrong,
    }


def evaluate_claims_corpus(corpus: Any, *, progress: Any = None) -> dict[str, Any]:
    """Analyse a :class:`~reportedly.corpora.stories.StoryCorpus` and score its per-article claims."""
    from .. import analyze_many

    say = progress or (lambda _msg: None)
    files = list(corpus.articles)
    say(f"analysing {len(files)} articles")
    ledgers = dict(zip(files, analyze_many([corpus.articles[f].document for f in files]), strict=True))
    report = score_claims(corpus.gold, ledgers)
    report["corpus"] = corpus.name
    report["missing_articles"] = list(corpus.missing)
    return report
