"""Web page clutter: lines of a stored page that are no part of the article's text.

Pages as stored on the web keep what trafilatura (or whoever saved them) left of the
page around the article: photo credits ("Photo : YONHAP News"), captions that end in
one ("… after the quake. Anas Alkharboutli/dpa", "(AP Photo/Jane Doe)"), time stamps
("11:39 PM", "Updated: Feb. 7, 2023 9:12 AM"), buttons and labels ("✕ Close",
"Read more", "Related", "Share"). Parsed as sentences they become claims with a
source named ``PM`` or ``Photo``. The layout stage (:mod:`reportedly.ingest.layout`)
asks :func:`clutter_reason` about every line before it calls it a paragraph, and
keeps a clutter line out of the parsed text (its offsets stay: the text is never
changed) with the reason in ``Document.meta["clutter"]``.

Only whole lines are judged, and only by their shape: a sentence of the article that
merely mentions a photograph is not clutter. A paragraph ending in a wire credit
("… in Syria. (AFP)") is text, not a caption: only photo credits mark captions.
"""

from __future__ import annotations

import re

#: "Photo : YONHAP News", "Image: Reuters", "Credit: AFP Photo", "Photo credit - EPA"
_PHOTO_CREDIT = re.compile(
    r"^\s*(?:photo|photos|image|images|picture|photograph|video|credit|photo\s+credit|source\s+image)"
    r"\s*[:：|–—-]\s*\S.{0,80}$",
    re.I,
)
#: A caption's credit at its end: "(AP Photo/Ghaith Alsayed)", "Anas Alkharboutli/dpa",
#: "Credit: AFP Photo", "(Libkos / Associated Press)", "REUTERS/Umit Bektas", "Getty Images".
_CAPTION_CREDIT = re.compile(
    r"(?:\((?:AP|AFP|Reuters|EPA|Xinhua)\s+Photo[^)]*\)"
    r"|\([^()]{2,40}\s*/\s*(?:Associated\s+Press|AP|AFP|Reuters|Getty\s+Images|EPA|dpa|Anadolu)[^()]{0,30}\)"
    r"|\b[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}\s*/\s*(?:[A-Z][\w ]*\s+via\s+)?[\w ]*"
    r"(?:dpa|AFP|AP|Reuters|EPA|Getty\s+Images|Anadolu|ZUMA\s+Press\s+Wire|SOPA\s+Images|Shutterstock)"
    r"|\bREUTERS\s*/\s*[A-Z][\w ]+"
    r"|\bCredit:\s*[\w /]+(?:Photo|Images?)?"
    r"|\bGetty\s+Images)\s*$"
)
#: "11:39 PM", "09:12 GMT", "Updated: 7 Feb 2023 11:39 PM", "Published 2 hours ago"
_STAMP = re.compile(
    r"^\s*(?:(?:updated|published|posted|last\s+updated|first\s+published)\b[:\s].{0,60}"
    r"|\d{1,2}[:.]\d{2}\s*(?:[ap]\.?\s?m\.?)?\s*(?:gmt|utc|et|est|edt|bst|cet|kst|ist|msk)?"
    r"|(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4})"
    r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?\s?m\.?)?\s*(?:gmt|utc|et|est|ist|kst)?)?"
    r"|\d+\s+(?:minutes?|hours?|days?)\s+ago)\s*[|•·–—-]?\s*$",
    re.I,
)
#: Buttons and labels: "✕ Close", "Read more", "Related", "Share this article", "Advertisement".
_BUTTON = re.compile(
    r"^\s*[✕×x✖]?\s*(?:close|share|share\s+this(?:\s+article|\s+story)?|read\s+more|read\s+also|also\s+read|"
    r"related(?:\s+(?:articles?|stories|news|coverage))?|advertisement|sponsored|subscribe|sign\s+up|"
    r"follow\s+us(?:\s+on\s+\w+)?|watch|listen|print|email|comments?|show\s+more|load\s+more|"
    r"skip\s+to\s+(?:main\s+)?content|back\s+to\s+top)\s*[:›»>]?\s*$",
    re.I,
)
#: A button or label followed by a link's title: "Read more: Dam breach floods villages".
_LINK_LINE = re.compile(
    r"^\s*(?:read\s+more|read\s+also|also\s+read|related|see\s+also|watch)\s*[:|›»]\s*\S", re.I
)


def clutter_reason(line: str) -> str | None:
    """Why a line of a page is clutter ("photo credit", "caption", "time stamp", "button"), or
    None when it may be text of the article."""
    s = " ".join(line.split())
    if not s:
        return None
    if len(s) <= 100 and _PHOTO_CREDIT.match(s):
        return "photo credit"
    if len(s) <= 60 and _STAMP.match(s):
        return "time stamp"
    if len(s) <= 40 and _BUTTON.match(s):
        return "button"
    if len(s) <= 160 and _LINK_LINE.match(s):
        return "link"
    if len(s) <= 400 and _CAPTION_CREDIT.search(s):
        return "caption"
    return None
