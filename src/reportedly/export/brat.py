"""Brat standoff for attribution relations, in the shape PolNeAR annotates them.

PolNeAR, the corpus we measure extraction on, stores every attribution as
three text-bound annotations (``Source``, ``Cue``, ``Content``) plus an
``Attribution`` anchor over the cue, tied together by one event line::

    T1  Source 89 106   The New York Post
    T2  Cue 107 114     reports
    T3  Content 115 290 that Hillary Clinton's team ...
    T4  Attribution 107 114     reports
    E1  Attribution:T4 Cue:T2 Source:T1 Content:T3

(fields are separated by tabs). Writing our ledgers in exactly that shape lets
the shared scorer, brat itself and any PolNeAR tooling read our predictions
without a converter. Offsets are characters into the document text, end
exclusive; a discontinuous span is written ``S E;S2 E2``.
"""

from __future__ import annotations

import re
from typing import Any

from ..model import ClaimKind, Ledger

#: The roles of one attribution relation, in the order their T lines are written.
ROLES = ("Source", "Cue", "Content")
#: Type of the T line that anchors the E line (PolNeAR puts it on the cue's offsets).
ANCHOR_TYPE = "Attribution"

# Characters that would end a line for str.splitlines() (which brat readers,
# the shared scorer included, use), plus the tab that separates fields: none
# may survive in the free-text field or the file would no longer parse.
_FIELD_BREAKS = re.compile("[\t\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_ROLE_SUFFIX = re.compile(r"\d+$")

Segment = tuple[int, int]


def _offsets(segments: list[Segment]) -> str:
    return ";".join(f"{start} {end}" for start, end in segments)


def _field_text(text: str, segments: list[Segment]) -> str:
    """The free-text field: segments joined by one space, on a single line."""
    return _FIELD_BREAKS.sub(" ", " ".join(text[start:end] for start, end in segments))


def ledger_to_brat(ledger: Ledger) -> str:
    """Write a ledger's claims as PolNeAR-style brat standoff (the content of a ``.ann`` file).

    One relation per claim, T lines numbered from 1 in claim order. A claim
    without a source gets no ``Source:`` role (PolNeAR does the same for
    agentless attributions). The outlet's own statements (kind ``outlet``) are
    not attributions and are left out, as are claims whose content or cue is
    empty: brat cannot represent a zero-length span, and a relation without
    content cannot be scored. Returns ``""`` for a ledger with nothing to write.
    """
    text = ledger.document.text
    lines: list[str] = []
    t_count = 0
    e_count = 0

    def add_t(kind: str, segments: list[Segment]) -> str:
        nonlocal t_count
        t_count += 1
        lines.append(f"T{t_count}\t{kind} {_offsets(segments)}\t{_field_text(text, segments)}")
        return f"T{t_count}"

    for claim in ledger.claims:
        if claim.kind is ClaimKind.OUTLET:
            continue  # the outlet's own statement: no attribution to annotate
        content = [(s.start, s.end) for s in claim.content if s.end > s.start]
        cue = (claim.cue.start, claim.cue.end)
        if not content or cue[1] <= cue[0]:
            continue
        source = claim.source
        source_id = None
        if source is not None and source.end > source.start:
            source_id = add_t("Source", [(source.start, source.end)])
        cue_id = add_t("Cue", [cue])
        content_id = add_t("Content", content)
        anchor_id = add_t(ANCHOR_TYPE, [cue])
        roles = [f"{ANCHOR_TYPE}:{anchor_id}", f"Cue:{cue_id}"]
        if source_id is not None:
            roles.append(f"Source:{source_id}")
        roles.append(f"Content:{content_id}")
        e_count += 1
        lines.append(f"E{e_count}\t{' '.join(roles)}")
    return "\n".join(lines) + "\n" if lines else ""


def _parse_segments(offsets: str, text: str, where: str) -> list[Segment]:
    segments: list[Segment] = []
    for piece in offsets.split(";"):
        numbers = piece.split()
        if len(numbers) != 2 or not all(n.isdigit() for n in numbers):
            raise ValueError(f"{where}: offsets {offsets!r} are not 'START END[;START END...]'")
        start, end = int(numbers[0]), int(numbers[1])
        if not 0 <= start <= end <= len(text):
            raise ValueError(f"{where}: span {start}-{end} lies outside the text (length {len(text)})")
        segments.append((start, end))
    return segments


def read_brat(ann_text: str, text: str, *, check_text: bool = False) -> list[dict[str, Any]]:
    """Parse brat standoff into one dict per attribution relation (E line), in file order.

    Each dict holds ``id`` (``E3``), ``type`` and ``anchor`` (the anchor's role
    name and T id), and per role the segments as ``(start, end)`` tuples in
    file order plus the text they cover (segment texts joined by a space):
    ``cue``/``cue_text``, ``content``/``content_text`` (``Content2`` and
    further numbered roles are merged into ``content``) and
    ``source``/``source_text``; both are ``None`` when the relation lacks
    that role (PolNeAR's agentless ``Attribution-no-source`` relations have
    no source). Lines other than T and E lines (notes, attributes) are ignored.

    ``text`` is the document the offsets index: every span is checked to lie
    inside it, and with ``check_text`` the free-text field of each T line
    must equal what its offsets cover, which catches an ``.ann`` paired with
    the wrong or a re-encoded text. Raises ``ValueError`` naming the line.
    """
    spans: dict[str, tuple[str, list[Segment]]] = {}
    events: list[tuple[str, list[tuple[str, str]], str]] = []
    for number, line in enumerate(ann_text.splitlines(), 1):
        where = f"line {number}"
        if line.startswith("T"):
            fields = line.split("\t")
            head = fields[1].split(" ", 1) if len(fields) > 1 else []
            if len(head) != 2:
                raise ValueError(f"{where}: a T line needs 'ID<TAB>TYPE START END<TAB>TEXT', got {line!r}")
            segments = _parse_segments(head[1], text, where)
            if check_text and len(fields) > 2 and fields[2] != _field_text(text, segments):
                raise ValueError(f"{where}: text {fields[2]!r} does not match its offsets {head[1]!r}")
            spans[fields[0]] = (head[0], segments)
        elif line.startswith("E"):
            fields = line.split("\t")
            args = fields[1].split() if len(fields) > 1 else []
            pairs: list[tuple[str, str]] = []
            for arg in args:
                role, sep, ref = arg.partition(":")
                if not sep:
                    raise ValueError(f"{where}: an E line needs 'ID<TAB>TYPE:Tn ROLE:Tn ...', got {line!r}")
                pairs.append((role, ref))
            if not pairs:
                raise ValueError(f"{where}: an E line needs 'ID<TAB>TYPE:Tn ROLE:Tn ...', got {line!r}")
            events.append((fields[0], pairs, where))

    relations: list[dict[str, Any]] = []
    for event_id, pairs, where in events:
        for _, ref in pairs:
            if ref not in spans:
                raise ValueError(f"{where}: {event_id} refers to {ref}, which no T line defines")
        anchor_type, anchor = pairs[0]
        found: dict[str, list[Segment]] = {}
        for role, ref in pairs[1:]:
            name = _ROLE_SUFFIX.sub("", role)
            if name in ROLES:
                found.setdefault(name, []).extend(spans[ref][1])
        relation: dict[str, Any] = {"id": event_id, "type": anchor_type, "anchor": anchor}
        for name in ROLES:
            key = name.lower()
            segments = found.get(name)
            relation[key] = segments
            relation[f"{key}_text"] = " ".join(text[a:b] for a, b in segments) if segments else None
        relations.append(relation)
    return relations
