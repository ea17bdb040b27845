"""The English model's ``attribute_ruler`` applied by table lookup: the same attributes, cheaper.

The ruler maps each token's fine tag to its coarse part of speech and morphology
(about 180 rules, most of one token, a few looking at the word, the dependency
label or the next word) and runs them through spaCy's ``Matcher``: a span object
and an attribute write per match, every token matched at least once. That was a
ninth of spaCy's time on news paragraphs, and it runs holding the GIL, while
most of spaCy's work (the networks, the parser's transitions) does not.

Every rule's outcome depends only on the words and tags the ruler reads, so the
attributes each combination gets are worked out once, from the ruler's own
patterns, and written once per token. Later rules override earlier ones, as in
the ruler (which sorts its matches by rule). Rules of several tokens are
checked where their first token fits. A rule this table cannot read (an
operator, an attribute or an extension it does not know) leaves the ruler in
place: :func:`attribute_table` then returns ``None``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

#: the token attributes a rule may read, in the order of ``Doc.to_array`` below
_READS = ("TAG", "LOWER", "DEP", "IS_SPACE")
#: combinations remembered at most; a long batch then starts again rather than grow
_MAX_KEYS = 200_000

Check = Callable[[tuple[str, str, str, bool]], bool]


class Unsupported(ValueError):
    """A rule uses something the table does not read."""


def _check(spec: dict[str, Any]) -> Check:
    """The token test of one pattern element: every attribute it names must hold."""
    tests: list[Callable[[tuple[str, str, str, bool]], bool]] = []
    for attr, want in spec.items():
        if attr not in _READS:
            raise Unsupported(f"attribute {attr!r}")
        k = _READS.index(attr)
        if attr == "IS_SPACE":
            if not isinstance(want, bool):
                raise Unsupported(f"IS_SPACE {want!r}")
            tests.append(lambda v, k=k, want=want: v[k] == want)
        elif isinstance(want, str):
            tests.append(lambda v, k=k, want=want: v[k] == want)
        elif isinstance(want, dict):
            for op, arg in want.items():
                if op == "IN":
                    tests.append(lambda v, k=k, arg=frozenset(arg): v[k] in arg)
                elif op == "NOT_IN":
                    tests.append(lambda v, k=k, arg=frozenset(arg): v[k] not in arg)
                elif op == "REGEX":
                    tests.append(lambda v, k=k, rx=re.compile(arg): rx.search(v[k]) is not None)
                else:
                    raise Unsupported(f"operator {op!r}")
        else:
            raise Unsupported(f"value {want!r}")
    return lambda v: all(t(v) for t in tests)


#: what every word no rule names stands for in the table's keys (no hash is negative)
_OTHER = -1
_OTHER_WORD = "\x00"


def _words(entry: dict[str, Any]) -> set[str]:
    """The words a rule compares ``LOWER`` with (equal, ``IN``, ``NOT_IN``)."""
    out: set[str] = set()
    for pattern in entry["patterns"]:
        for spec in pattern:
            want = spec.get("LOWER")
            if isinstance(want, str):
                out.add(want)
            elif isinstance(want, dict):
                for op in ("IN", "NOT_IN"):
                    out.update(want.get(op, ()))
    return out


def _word_patterns(entry: dict[str, Any]) -> list[str]:
    """The regular expressions a rule matches ``LOWER`` against."""
    return [
        spec["LOWER"]["REGEX"]
        for pattern in entry["patterns"]
        for spec in pattern
        if isinstance(spec.get("LOWER"), dict) and "REGEX" in spec["LOWER"]
    ]


class AttributeTable:
    """The rules of one ``AttributeRuler``, applied per token from a table of their outcomes."""

    def __init__(self, ruler: Any) -> None:
        self.vocab = ruler.vocab
        self.attrs: list[dict[Any, Any]] = list(ruler.attrs)  # normalised, as the ruler writes them
        self.single: list[tuple[int, Check]] = []  # (rule, test) of one-token patterns
        self.multi: list[tuple[int, list[Check], int]] = []  # (rule, tests, index of the token written)
        for rule, entry in enumerate(ruler.patterns):
            if any(key == "_" for key in self.attrs[rule]):
                raise Unsupported("extension attributes")
            for pattern in entry["patterns"]:
                if any("OP" in spec for spec in pattern) or not pattern:
                    raise Unsupported("operators")
                checks = [_check(spec) for spec in pattern]
                index = entry["index"]
                if not -len(pattern) <= index < len(pattern):
                    raise Unsupported(f"index {index}")
                if len(pattern) == 1:
                    self.single.append((rule, checks[0]))
                else:
                    self.multi.append((rule, checks, index % len(pattern)))
        self._rules: dict[tuple[int, int, int, int], tuple[tuple[int, ...], tuple[int, ...]]] = {}
        self._merged: dict[tuple[int, ...], dict[Any, Any]] = {}
        # A rule reads a word only to compare it with words it names or to match a pattern;
        # every other word stands for the same outcome (_OTHER), so the table grows with the
        # tags and labels, not with the vocabulary.
        self._named: frozenset[str] = frozenset().union(*(_words(entry) for entry in ruler.patterns))
        self._patterns = [re.compile(p) for entry in ruler.patterns for p in _word_patterns(entry)]
        if _OTHER_WORD in self._named or any(rx.search(_OTHER_WORD) for rx in self._patterns):
            raise Unsupported("a rule names the stand-in word")
        self._word_kind: dict[int, int] = {}

    def _values(self, key: tuple[int, int, int, int]) -> tuple[str, str, str, bool]:
        strings = self.vocab.strings
        tag, lower, dep, space = key
        word = _OTHER_WORD if lower == _OTHER else strings[lower]
        return strings[tag], word, strings[dep], bool(space)

    def _kind(self, lower: int) -> int:
        """The word itself when a rule may read it, else :data:`_OTHER`."""
        kind = self._word_kind.get(lower)
        if kind is None:
            if len(self._word_kind) >= _MAX_KEYS:
                self._word_kind.clear()
            word = self.vocab.strings[lower]
            read = word in self._named or any(rx.search(word) for rx in self._patterns)
            kind = self._word_kind[lower] = lower if read else _OTHER
        return kind

    def _rules_of(self, key: tuple[int, int, int, int]) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """The one-token rules a token with these attributes matches, and the rules of several
        tokens whose first element it fits (by position in :attr:`multi`)."""
        found = self._rules.get(key)
        if found is None:
            if len(self._rules) >= _MAX_KEYS:
                self._rules.clear()
            values = self._values(key)
            found = (
                tuple(rule for rule, test in self.single if test(values)),
                tuple(n for n, (_, tests, _) in enumerate(self.multi) if tests[0](values)),
            )
            self._rules[key] = found
        return found

    def _merge(self, rules: tuple[int, ...]) -> dict[Any, Any]:
        merged = self._merged.get(rules)
        if merged is None:
            merged = {}
            for rule in rules:  # in rule order: a later rule's value wins, as in the ruler
                merged.update(self.attrs[rule])
            self._merged[rules] = merged
        return merged

    def __call__(self, doc: Doc) -> Doc:
        rows = doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist() if len(doc) else []
        kind = self._kind
        found = [self._rules_of((tag, kind(lower), dep, space)) for tag, lower, dep, space in rows]
        extra: dict[int, list[int]] = {}
        for i, (_, starts) in enumerate(found):
            for n in starts:
                rule, tests, index = self.multi[n]
                end = i + len(tests)
                following = range(i + 1, end)
                if end <= len(rows) and all(
                    test(self._values(tuple(rows[j]))) for test, j in zip(tests[1:], following, strict=True)
                ):
                    extra.setdefault(i + index, []).append(rule)
        for i, (rules, _) in enumerate(found):
            if i in extra:
                rules = tuple(sorted({*rules, *extra[i]}))
            if rules:
                set_token_attrs(doc[i], self._merge(rules))
        return doc


def attribute_table(ruler: Any) -> AttributeTable | None:
    """The table of ``ruler``'s rules, or ``None`` when one of them is beyond it."""
    try:
        return AttributeTable(ruler)
    except Unsupported:
        return None


@Language.factory("attribute_table")
def make_attribute_table(nlp: Language, name: str) -> AttributeTable:
    """Built from the pipeline's own ``attribute_ruler``, which is then disabled (see :func:`use_table`)."""
    table = attribute_table(nlp.get_pipe("attribute_ruler"))
    if table is None:
        raise Unsupported("the attribute_ruler has rules the table cannot apply")
    return table


def use_table(nlp: Language) -> bool:
    """Apply ``nlp``'s attribute rules by table: the table goes in after the ruler, which is disabled.

    Returns whether it did: a pipeline without a ruler, or with rules the table
    cannot read, keeps its ruler.
    """
    if "attribute_ruler" not in nlp.pipe_names or "attribute_table" in nlp.component_names:
        return False
    if attribute_table(nlp.get_pipe("attribute_ruler")) is None:
        return False
    nlp.add_pipe("attribute_table", after="attribute_ruler")
    nlp.disable_pipe("attribute_ruler")
    return True
