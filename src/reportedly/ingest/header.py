"""Article files that carry their own metadata: title, date, outlet and URL above the text.

The story corpora are collected in this shape (``../shared/data/stories/README.md``): line 1 the
title, line 2 the publication date, line 3 the outlet, line 4 the URL, line 5 empty, then the page
text. Read as plain text, the four lines would become a headline and three paragraphs of body and
the document would have no date, so stories could not be placed in time; read as a header, they
are the document's metadata and the text after them is its body (offsets count from the body).
"""

from __future__ import annotations

import re

#: Lines the header takes, the empty one included.
HEADER_LINES = 5
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?")
_URL = re.compile(r"https?://\S+")


def split_header(raw: str, *, strict: bool = True) -> tuple[dict[str, str], str] | None:
    """(``title``, ``published``, ``outlet``, ``url``; the body) when ``raw`` opens with the header.

    ``strict`` (how ``ingest`` guesses) asks for a title, an ISO date and an http(s) URL, so an
    ordinary article is never mistaken for one; a corpus reader that knows its files have the
    header passes ``strict=False`` and takes the four lines whatever they hold.
    """
    lines = raw.split("\n", HEADER_LINES)
    if len(lines) <= HEADER_LINES or lines[HEADER_LINES - 1].strip():
        return None
    title, published, outlet, url = (s.strip() for s in lines[: HEADER_LINES - 1])
    if strict and not (title and _DATE.fullmatch(published) and _URL.fullmatch(url)):
        return None
    return {"title": title, "published": published, "outlet": outlet, "url": url}, lines[HEADER_LINES]
