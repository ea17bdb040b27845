"""Recognising the layout of a plain-text news article without touching its text.

Extraction must be able to say "this claim is in the headline" and must not
mistake a list of related-story headlines or an editor's credit for reporting,
so ingest marks those regions. Every offset indexes the input string exactly
as given (Windows newlines included): the ledger's evidence spans are only
auditable if ``text[start:end]`` is what the reader sees in the original.

The rules are deliberately conservative: a line is only promoted to headline,
standfirst, dateline, related block or credit when its shape is unambiguous;
anything else stays a body paragraph, because dropping real reporting is a
worse failure than keeping a stray line. Credits, bylines and datelines are read line by line
in :mod:`.bylines`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from reportedly.ingest.bylines import (
    CROSSHEAD_MAX,
    CROSSHEAD_MAX_WORDS,
    HEADLINE_MAX,
    STANDFIRST_MAX,
    byline_of,
    credit_of,
    dateline_of,
    top_byline_of,
)
from reportedly.ingest.clutter import clutter_reason
from reportedly.ingest.errors import IngestError
from reportedly.model import Document, Section, SectionKind, Span

# A block whose lines are all at most this long is read as one hard-wrapped
# paragraph; a longer line means the writer put one paragraph per line.
WRAP_WIDTH = 100

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060"
_CLOSERS = "\"'”’»)]"

_RELATED_MARKER = re.compile(
    r"""^(?:
        related(?:\s+(?:stories|articles|coverage|content|links|reading|news))?
      | read\s+(?:more|also|next)
      | also\s+read
      | see\s+also
      | further\s+reading
      | recommended(?:\s+(?:stories|reading))?
      | you\s+(?:may|might)\s+also\s+like
      | more\s+(?:from|on)\b[^.!?]{0,60}
      | more\s+stories
    )\s*(?::\s*(?P<inline>\S.*)?)?$""",
    re.IGNORECASE | re.VERBOSE,
)


_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"“‘'(]?[A-Z])")
_ABBREVIATIONS = frozenset(
    str.split("mr mrs ms dr st jr sr no vs gen col lt sgt rep sen gov prof capt maj adm cmdr inc corp co ltd")
)


@dataclass(slots=True)
class _Unit:
    """A candidate paragraph: stripped offsets plus the blank lines before it."""

    start: int
    end: int
    gap_before: int
    lines: int = 1
    role: str = "paragraph"
    info: dict[str, Any] = field(default_factory=dict)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in _INVISIBLE):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _INVISIBLE):
        end -= 1
    return start, end


def _raw_lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every line, line terminators (\\n, \\r\\n, \\r) excluded."""
    pos = 0
    if "\r" not in text:
        # str.split is far faster than the regex and gives the same lines here.
        for line in text.split("\n"):
            yield pos, pos + len(line)
            pos += len(line) + 1
        return
    for m in _LINE_BREAK.finditer(text):
        yield pos, m.start()
        pos = m.end()
    yield pos, len(text)


def _line_ranges(text: str) -> list[tuple[int, int]]:
    """Stripped (start, end) of every line; blank lines come back empty (start == end)."""
    return [_trim(text, s, e) for s, e in _raw_lines(text)]


def _ends_sentence(s: str, marks: str = ".!?…") -> bool:
    s = s.rstrip(_CLOSERS + " ")
    return bool(s) and s[-1] in marks


def _is_related_marker(s: str) -> re.Match[str] | None:
    if len(s) > HEADLINE_MAX:
        return None
    m = _RELATED_MARKER.match(s)
    if m and not m.group("inline") and _ends_sentence(s, ".!?"):
        return None  # "More from the minister later." is a sentence, not a marker
    return m


def _one_sentence(s: str) -> bool:
    for m in _SENTENCE_BREAK.finditer(s):
        before = s[: m.start()].split()
        word = before[-1].lower().strip("(\"'“‘") if before else ""
        if len(word) <= 1 or word in _ABBREVIATIONS or re.fullmatch(r"(?:[a-z]\.)+[a-z]?", word):
            continue  # "U.S. officials", "Mr. Kim": an abbreviation, not a sentence end
        return False
    return True


def _units(text: str) -> list[_Unit]:
    """Group lines into candidate paragraphs, remembering blank-line gaps."""
    blocks: list[tuple[int, list[tuple[int, int]]]] = []
    gap = 0
    current: list[tuple[int, int]] | None = None
    for start, end in _line_ranges(text):
        if start == end:
            gap += 1
            current = None
            continue
        if current is None:
            current = []
            blocks.append((gap, current))
            gap = 0
        current.append((start, end))

    units: list[_Unit] = []
    for block_gap, lines in blocks:
        # A hard-wrapped paragraph ends in sentence punctuation; a stack of
        # short unpunctuated lines is a list (related headlines, credits).
        per_line = (
            len(lines) == 1
            or any(e - s > WRAP_WIDTH for s, e in lines)
            or not _ends_sentence(text[lines[-1][0] : lines[-1][1]])
        )
        if per_line:
            units.extend(_Unit(s, e, block_gap if idx == 0 else 0) for idx, (s, e) in enumerate(lines))
            continue
        unit: _Unit | None = None
        in_related = False
        for idx, (s, e) in enumerate(lines):
            line = text[s:e]
            gap_here = block_gap if idx == 0 else 0
            # Structural lines split a hard-wrapped block even when short.
            special = bool(_is_related_marker(line) or byline_of(line))
            if special or in_related or unit is None:
                unit = _Unit(s, e, gap_here)
                units.append(unit)
                in_related = in_related or bool(_is_related_marker(line))
                if special and not in_related:
                    unit = None  # the line after a credit starts afresh
            else:
                unit.end = e
                unit.lines += 1
    return units


def _headline_like(s: str, lines: int) -> bool:
    return (
        lines == 1
        and len(s) < HEADLINE_MAX
        and any(c.isalpha() for c in s)
        and not _ends_sentence(s, ".…,;:")
        and not _is_related_marker(s)
        and byline_of(s) is None
    )


def _crosshead_like(s: str, lines: int) -> bool:
    return (
        lines == 1
        and len(s) <= CROSSHEAD_MAX
        and len(s.split()) <= CROSSHEAD_MAX_WORDS
        and (s[0].isupper() or s[0].isdigit() or s[0] in "\"“‘'")
        and not _ends_sentence(s, ".!?…,;:")
    )


def _standfirst_evidence(text: str, line: str, following: _Unit) -> bool:
    """Whether a one-sentence line after the headline is a standfirst rather than the lede.

    Ledes are typically a single sentence under 300 characters too, so shape
    alone would demote the first paragraph of most articles. A standfirst is
    accepted when it is an unpunctuated deck, or when the next block is where
    the article visibly starts: a dateline or a "By NAME" line.
    """
    if not _ends_sentence(line, ".!?…"):
        return True
    if dateline_of(text, following.start, following.end) is not None:
        return True
    return following.lines == 1 and top_byline_of(text[following.start : following.end]) is not None


def to_date(value: date | datetime | str | None, source: str | None = None) -> date | None:
    """Coerce a publication date; a bad user-supplied date must fail loudly, not vanish."""
    if value is None or isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, datetime):
        return value.date()
    s = str(value).strip()
    if not s:
        return None
    try:
        return date.fromisoformat(s[:10])
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(s).date()
    except ValueError:
        raise IngestError(
            "parse", source, f"published date {s!r} is not an ISO date; use YYYY-MM-DD, e.g. 2024-11-19"
        ) from None


def _same_headline(line: str, title: str) -> bool:
    """Whether a first line is the supplied title as a site prints it: one contains the other
    ("Dam bursts | The Daily" and "Dam bursts"), compared on words."""
    a, b = (" ".join(re.findall(r"\w+", s.lower())) for s in (line, title))
    return bool(a) and bool(b) and (a in b or b in a)


def parse_layout(
    text: str,
    *,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    published: date | datetime | str | None = None,
) -> Document:
    """Build a Document whose sections and paragraphs index ``text`` unchanged.

    When ``title`` equals the first line, that line is the headline even if
    its shape is unusual (HTML titles can end in a full stop).
    """
    units = _units(text)
    n = len(units)

    def s_of(u: _Unit) -> str:
        return text[u.start : u.end]

    i = 0

    # A "By NAME" line can precede or follow the headline and standfirst.
    def take_top_byline() -> None:
        nonlocal i
        if i < n and units[i].lines == 1:
            info = top_byline_of(s_of(units[i]))
            if info:
                units[i].role, units[i].info["credits"] = "byline", info
                i += 1

    def skip_clutter() -> None:
        nonlocal i
        while i < n and units[i].lines <= 3 and (reason := clutter_reason(s_of(units[i]))):
            units[i].role, units[i].info["clutter"] = "clutter", reason
            i += 1

    skip_clutter()  # "Photo : YONHAP News" above the headline is no headline
    take_top_byline()
    skip_clutter()
    headline: _Unit | None = None
    if i < n:
        first = s_of(units[i])
        given = title is not None and " ".join(first.split()) == " ".join(title.split())
        shaped = (
            i < n - 1  # a lone line is the article, not its headline
            and _headline_like(first, units[i].lines)
            and dateline_of(text, units[i].start, units[i].end) is None
        )
        if title is not None and not given and not _same_headline(first, title):
            shaped = False  # a supplied title wins over a first line that is not it (a credit, a label)
        if given or shaped:
            headline = units[i]
            headline.role = "headline"
            i += 1
    subheadline: _Unit | None = None
    if headline is not None:
        skip_clutter()  # "11:39 PM" under the headline is no standfirst
        take_top_byline()
        skip_clutter()
        if i < n - 2:  # a standfirst needs an article after it
            cand, nxt = units[i], units[i + 1]
            s = s_of(cand)
            if (
                cand.lines == 1
                and len(s) < STANDFIRST_MAX
                and nxt.gap_before >= 1
                and _one_sentence(s)
                and not s.rstrip().endswith(":")
                and dateline_of(text, cand.start, cand.end) is None
                and not _is_related_marker(s)
                and byline_of(s) is None
                and _standfirst_evidence(text, s, nxt)
            ):
                subheadline = cand
                cand.role = "subheadline"
                i += 1
        take_top_byline()

    seen_paragraph = False
    while i < n:
        u = units[i]
        s = s_of(u)
        marker = _is_related_marker(s)
        if marker:
            u.role = "related"
            i += 1
            if marker.group("inline"):
                continue
            u.info["marker"] = True
            while i < n:
                item = units[i]
                t = s_of(item)
                if (
                    item.gap_before > 1
                    or item.lines > 1
                    or len(t) >= HEADLINE_MAX
                    or _ends_sentence(t, ".…")
                    or _is_related_marker(t)
                    or byline_of(t)
                ):
                    break
                item.role = "related"
                i += 1
            continue
        reason = clutter_reason(s) if u.lines <= 3 else None
        if reason:
            u.role, u.info["clutter"] = "clutter", reason  # a credit, caption, stamp or button
            i += 1
            continue
        credits = credit_of(s) if u.lines == 1 else None
        if credits is None and not seen_paragraph and u.lines == 1:
            credits = top_byline_of(s)
        if credits:
            u.role, u.info["credits"] = "byline", credits
        elif not any(c.isalnum() for c in s):
            u.role = "separator"  # "* * *", "---": layout, not text
        elif i < n - 1 and _crosshead_like(s, u.lines):  # a crosshead introduces what follows
            u.role = "crosshead"
        else:
            u.role = "paragraph"
            seen_paragraph = True
        i += 1

    return _build(
        text, units, headline, subheadline, title=title, url=url, outlet=outlet, published=published
    )


def _build(
    text: str,
    units: list[_Unit],
    headline: _Unit | None,
    subheadline: _Unit | None,
    *,
    title: str | None,
    url: str | None,
    outlet: str | None,
    published: date | datetime | str | None,
) -> Document:
    def span(start: int, end: int) -> Span:
        return Span(start, end, text[start:end])

    sections: list[Section] = []
    paragraphs: list[Span] = []
    crossheads: list[list[int]] = []
    bylines: list[_Unit] = []
    body_run: list[_Unit] = []

    def close_body() -> None:
        if body_run:
            sections.append(Section(SectionKind.BODY, body_run[0].start, body_run[-1].end))
            body_run.clear()

    for u in units:
        if u.role == "clutter":
            continue  # kept out of every section: its offsets are in meta["clutter"]
        if u.role in ("paragraph", "crosshead", "separator"):
            body_run.append(u)
            if u.role == "paragraph":
                paragraphs.append(span(u.start, u.end))
            elif u.role == "crosshead":
                crossheads.append([u.start, u.end])
            continue
        close_body()
        if u.role == "headline":
            sections.append(Section(SectionKind.HEADLINE, u.start, u.end))
        elif u.role == "subheadline":
            sections.append(Section(SectionKind.SUBHEADLINE, u.start, u.end))
        elif u.role == "related":
            sections.append(Section(SectionKind.RELATED, u.start, u.end))
        elif u.role == "byline":
            bylines.append(u)
    close_body()

    meta: dict[str, Any] = {
        "crossheads": crossheads,
        # Pure marker lines ("RELATED STORIES") are RELATED sections with no headline to analyse.
        "related_markers": [[u.start, u.end] for u in units if u.info.get("marker")],
        # page clutter kept out of the parsed text (ingest/clutter.py): [start, end, reason]
        "clutter": [[u.start, u.end, u.info["clutter"]] for u in units if u.role == "clutter"],
    }
    dateline: Span | None = None
    if paragraphs:
        first = paragraphs[0]
        info = dateline_of(text, first.start, first.end)
        if info:
            dateline = span(*_trim(text, *info["place"]))
            meta["dateline_end"] = info["body_start"]
            if "agency" in info:
                meta["dateline_agency"] = info["agency"]
            if "date" in info:
                meta["dateline_date"] = info["date"]

    byline: str | None = None
    byline_span: Span | None = None
    if bylines:
        byline_span = span(bylines[0].start, bylines[0].end)
        byline = "; ".join(c["names"] for c in bylines[0].info["credits"])
        meta["byline_spans"] = [[u.start, u.end] for u in bylines]
        meta["credits"] = [c for u in bylines for c in u.info["credits"]]

    return Document(
        text=text,
        title=title if title is not None else (text[headline.start : headline.end] if headline else None),
        subtitle=text[subheadline.start : subheadline.end] if subheadline else None,
        outlet=outlet,
        url=url,
        published=to_date(published, url),
        dateline=dateline,
        byline=byline,
        byline_span=byline_span,
        paragraphs=paragraphs,
        sections=sorted(sections, key=lambda s: s.start),
        meta=meta,
    )
