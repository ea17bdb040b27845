"""Hand-built ledgers for the web API, export and browser tests.

Built from the model directly (no spaCy), so these tests pin the web and
export layers independently of what extraction produces today. One article
is ordinary; the other carries script-injection payloads in its title, outlet
and text, because everything the UI shows comes from untrusted articles.
"""

from __future__ import annotations

from datetime import date

from reportedly.model import (
    ChainLink,
    Claim,
    ClaimKind,
    Cue,
    Document,
    Entity,
    EntityType,
    Ledger,
    Quantity,
    QuantityScope,
    Section,
    SectionKind,
    SourceMention,
    Span,
    Stance,
    TimeExpr,
)
from reportedly.store import LinkRows

FERRY_TEXT = (
    "Storm keeps Portview ferries in harbour\n"
    "PORTVIEW, March 12 - The regional ferry operator said on Tuesday that about 40 sailings had been "
    'cancelled since Sunday. "We cannot open the east pier until the crane is inspected," the operator\'s '
    "spokeswoman, Mira Lund, said.\n"
    "Council members said the harbour authority told them that repairs could cost up to 2 million euros.\n"
    "The harbour authority declined to comment on the timetable."
)

# The payloads would set window.__pwned and change the page title if they ever ran.
PAYLOAD_SCRIPT = "<script>window.__pwned = true; document.title = 'pwned';</script>"
PAYLOAD_IMG = "<img src=x onerror=\"window.__pwned = true; document.title = 'pwned'\">"
HOSTILE_TITLE = f"Water back in Eastbrook {PAYLOAD_SCRIPT}"
HOSTILE_OUTLET = '<b onmouseover="window.__pwned = true">Eastbrook Echo</b>'
HOSTILE_TEXT = (
    f"{HOSTILE_TITLE}\n"
    f"The water board said on Friday that {PAYLOAD_IMG} supply was restored to 3,000 homes.\n"
    "A resident, Tom Ash, said the tap water still tasted of chlorine."
)


def at(text: str, fragment: str, after: int = 0) -> Span:
    start = text.index(fragment, after)
    return Span(start, start + len(fragment), fragment)


def _cue(text: str, fragment: str, lemma: str, after: int = 0) -> Cue:
    s = at(text, fragment, after)
    return Cue(s.start, s.end, s.text, lemma)


def _mention(text: str, fragment: str, entity: Entity | None, after: int = 0) -> SourceMention:
    s = at(text, fragment, after)
    return SourceMention(s.start, s.end, s.text, entity)


OPERATOR = Entity("portview-ferries", "Portview Ferries", EntityType.ORGANIZATION, ["ferry operator"])
LUND = Entity("mira-lund", "Mira Lund", EntityType.PERSON)
COUNCIL = Entity("w1-council-members", "council members", EntityType.OFFICIAL_GROUP, anonymous=True)
HARBOUR = Entity("harbour-authority", "Harbour Authority", EntityType.AGENCY, ["the harbour authority"])
WATER = Entity("water-board", "Water Board", EntityType.AGENCY)
ASH = Entity("tom-ash", "Tom Ash", EntityType.PERSON)


def ferry_ledger() -> Ledger:
    t = FERRY_TEXT
    head_end = t.index("\n")
    doc = Document(
        text=t,
        title="Storm keeps Portview ferries in harbour",
        outlet="Harbour Gazette",
        url="https://news.example.org/ferries",
        published=date(2024, 3, 12),
        dateline=at(t, "PORTVIEW, March 12"),
        paragraphs=[Span(0, head_end, t[:head_end]), Span(head_end + 1, len(t), t[head_end + 1 :])],
        sections=[
            Section(SectionKind.HEADLINE, 0, head_end),
            Section(SectionKind.BODY, head_end + 1, len(t)),
        ],
    )
    first = at(t, "The regional ferry operator")
    c0 = Claim(
        id="ferry-0",
        kind=ClaimKind.INDIRECT,
        section=SectionKind.BODY,
        stance=Stance.ASSERTED,
        cue=_cue(t, "said", "say", first.end),
        content=[at(t, "about 40 sailings had been cancelled since Sunday")],
        source=SourceMention(first.start, first.end, first.text, OPERATOR),
        quantities=[
            Quantity(
                *_span(t, "about 40"),
                value=40.0,
                approximate=True,
                unit="sailings",
                scope=QuantityScope.PERIOD,
            )
        ],
        times=[TimeExpr(*_span(t, "Tuesday"), resolved="2024-03-12", granularity="day")],
        sentence=Span(first.start, t.index("Sunday.") + 7, t[first.start : t.index("Sunday.") + 7]),
    )
    quote = at(t, "We cannot open the east pier until the crane is inspected,")
    c1 = Claim(
        id="ferry-1",
        kind=ClaimKind.DIRECT,
        section=SectionKind.BODY,
        stance=Stance.ASSERTED,
        cue=_cue(t, "said", "say", quote.end),
        content=[quote],
        source=_mention(t, "the operator's spokeswoman, Mira Lund", LUND),
        inverted=True,
    )
    council = at(t, "Council members")
    c2 = Claim(
        id="ferry-2",
        kind=ClaimKind.INDIRECT,
        section=SectionKind.BODY,
        stance=Stance.REPORTED,
        cue=_cue(t, "said", "say", council.end),
        content=[at(t, "repairs could cost up to 2 million euros")],
        source=SourceMention(council.start, council.end, council.text, COUNCIL),
        chain=[
            ChainLink(COUNCIL, cue="said", mention=council),
            ChainLink(HARBOUR, cue="told", mention=at(t, "the harbour authority", council.end)),
        ],
        quantities=[Quantity(*_span(t, "up to 2 million"), high=2_000_000.0, unit="euros")],
        hedges=["could"],
    )
    c3 = Claim(
        id="ferry-3",
        kind=ClaimKind.NON_STATEMENT,
        section=SectionKind.BODY,
        stance=Stance.NO_COMMENT,
        cue=_cue(t, "declined to comment", "decline"),
        content=[at(t, "the timetable")],
        source=_mention(t, "The harbour authority", HARBOUR, council.end + 30),
    )
    return Ledger(doc, [c0, c1, c2, c3], [OPERATOR, LUND, COUNCIL, HARBOUR])


def hostile_ledger() -> Ledger:
    t = HOSTILE_TEXT
    head_end = t.index("\n")
    doc = Document(
        text=t,
        title=HOSTILE_TITLE,
        outlet=HOSTILE_OUTLET,
        url="javascript:window.__pwned=true",
        published=date(2024, 4, 5),
        paragraphs=[Span(0, head_end, t[:head_end]), Span(head_end + 1, len(t), t[head_end + 1 :])],
        sections=[
            Section(SectionKind.HEADLINE, 0, head_end),
            Section(SectionKind.BODY, head_end + 1, len(t)),
        ],
    )
    c0 = Claim(
        id="water-0",
        kind=ClaimKind.INDIRECT,
        section=SectionKind.BODY,
        stance=Stance.CONFIRMED,
        cue=_cue(t, "said", "say"),
        content=[at(t, f"{PAYLOAD_IMG} supply was restored to 3,000 homes")],
        source=_mention(t, "The water board", WATER),
        quantities=[Quantity(*_span(t, "3,000"), value=3000.0, unit="homes")],
        times=[TimeExpr(*_span(t, "Friday"), resolved="2024-04-05", granularity="day")],
    )
    ash = at(t, "A resident, Tom Ash")
    c1 = Claim(
        id="water-1",
        kind=ClaimKind.INDIRECT,
        section=SectionKind.BODY,
        stance=Stance.ASSERTED,
        cue=_cue(t, "said", "say", ash.end),
        content=[at(t, "the tap water still tasted of chlorine")],
        source=SourceMention(ash.start, ash.end, ash.text, ASH),
    )
    return Ledger(doc, [c0, c1], [WATER, ASH])


def _span(text: str, fragment: str) -> tuple[int, int, str]:
    s = at(text, fragment)
    return s.start, s.end, s.text


# ---------------------------------------------------------------- a story across two outlets

FOLLOWUP_TEXT = (
    "Portview ferry cancellations pass 60\n"
    "More than 60 sailings have been cancelled since the weekend, Portview Ferries said on Wednesday. "
    "The harbour authority denied that repairs would cost 2 million euros. "
    "Portview Ferries said up to 75 sailings could be cancelled by Friday."
)
STORY_ID = "story-portview-storm"
MEASURE = "sailings cancelled in Portview"


def followup_ledger() -> Ledger:
    t = FOLLOWUP_TEXT
    head_end = t.index("\n")
    doc = Document(
        text=t,
        title="Portview ferry cancellations pass 60",
        outlet="Coastal Times",
        published=date(2024, 3, 13),
        paragraphs=[Span(0, head_end, t[:head_end]), Span(head_end + 1, len(t), t[head_end + 1 :])],
        sections=[
            Section(SectionKind.HEADLINE, 0, head_end),
            Section(SectionKind.BODY, head_end + 1, len(t)),
        ],
    )
    first = at(t, "Portview Ferries")
    c0 = Claim(
        id="follow-0",
        kind=ClaimKind.INDIRECT,
        section=SectionKind.BODY,
        stance=Stance.ASSERTED,
        cue=_cue(t, "said", "say", first.end),
        content=[at(t, "More than 60 sailings have been cancelled since the weekend")],
        source=SourceMention(first.start, first.end, first.text, OPERATOR),
        quantities=[
            Quantity(*_span(t, "More than 60"), low=60.0, unit="sailings", scope=QuantityScope.PERIOD)
        ],
        times=[TimeExpr(*_span(t, "Wednesday"), resolved="2024-03-13", granularity="day")],
    )
    c1 = Claim(
        id="follow-1",
        kind=ClaimKind.INDIRECT,
        section=SectionKind.BODY,
        stance=Stance.DENIED,
        cue=_cue(t, "denied", "deny"),
        content=[at(t, "repairs would cost 2 million euros")],
        source=_mention(t, "The harbour authority", HARBOUR),
        quantities=[Quantity(*_span(t, "2 million"), value=2_000_000.0, unit="euros")],
    )
    later = at(t, "Portview Ferries", first.end)
    c2 = Claim(
        id="follow-2",
        kind=ClaimKind.INDIRECT,
        section=SectionKind.BODY,
        stance=Stance.ESTIMATED,
        cue=_cue(t, "said", "say", later.end),
        content=[at(t, "up to 75 sailings could be cancelled by Friday")],
        source=SourceMention(later.start, later.end, later.text, OPERATOR),
        quantities=[Quantity(*_span(t, "up to 75"), high=75.0, unit="sailings", scope=QuantityScope.PERIOD)],
        times=[TimeExpr(*_span(t, "Friday"), resolved="2024-03-15", granularity="day")],
        hedges=["could"],
    )
    return Ledger(doc, [c0, c1, c2], [OPERATOR, HARBOUR])


def save_story(store: object) -> None:
    """Store the follow-up article and a hand-built link run over it and the ferry article.

    Built by hand, not by ``reportedly.link``, so the web tests pin how stories
    are shown, whatever the linking heuristics decide.
    """
    from reportedly.model import ClaimCluster, ClaimRef, Conflict, ConflictKind, Origin, Story

    ferry, follow = ferry_ledger(), followup_ledger()
    store.save(follow, source="followup.txt")  # type: ignore[attr-defined]

    def ref(ledger: Ledger, claim_id: str) -> ClaimRef:
        claim = next(c for c in ledger.claims if c.id == claim_id)
        return ClaimRef.from_claim(claim, ledger.document)

    sailings = ClaimCluster(
        id="cluster-sailings",
        story_id=STORY_ID,
        label="sailings have been cancelled",
        claims=[ref(ferry, "ferry-0"), ref(follow, "follow-0")],
        measure=MEASURE,
        origins=[
            Origin(
                "portview-ferries",
                "Portview Ferries",
                claims=["ferry-0", "follow-0"],
                outlets=["Harbour Gazette", "Coastal Times"],
            )
        ],
    )
    repairs = ClaimCluster(
        id="cluster-repairs",
        story_id=STORY_ID,
        label="repairs cost 2 million euros",
        claims=[ref(ferry, "ferry-2"), ref(follow, "follow-1")],
        origins=[
            Origin(
                "harbour-authority",
                "Harbour Authority",
                claims=["ferry-2", "follow-1"],
                outlets=["Harbour Gazette", "Coastal Times"],
            )
        ],
    )
    story = Story(
        id=STORY_ID,
        title="Storm closes Portview harbour",
        documents=[ferry.document.id, follow.document.id],
        first=date(2024, 3, 12),
        last=date(2024, 3, 13),
        outlets=["Harbour Gazette", "Coastal Times"],
        entities=["Portview Ferries", "Harbour Authority"],
        clusters=[sailings, repairs],
    )
    conflicts = [
        Conflict(
            ConflictKind.NUMERIC,
            ref(ferry, "ferry-0"),
            ref(follow, "follow-0"),
            "about 40 and more than 60 sailings cancelled do not overlap",
            STORY_ID,
            MEASURE,
        ),
        Conflict(
            ConflictKind.STANCE,
            ref(ferry, "ferry-2"),
            ref(follow, "follow-1"),
            "the repair cost is reported by one article and denied in the other",
            STORY_ID,
            a_also=[ref(follow, "follow-2")],  # the rest of the first side: folded under the pair
        ),
        Conflict(  # examined and declined: kept with its reason, listed only on request
            ConflictKind.NUMERIC,
            ref(follow, "follow-0"),
            ref(follow, "follow-2"),
            "an update: the same origin gives the later figure",
            STORY_ID,
            MEASURE,
            declined=True,
        ),
    ]
    measures = [
        ("ferry-0", 0, MEASURE, date(2024, 3, 12)),
        ("follow-0", 0, MEASURE, date(2024, 3, 13)),
        ("follow-2", 0, MEASURE, date(2024, 3, 15)),
    ]
    store.replace_links(  # type: ignore[attr-defined]
        LinkRows([story], conflicts, measures, method="hand-built", seconds=0.0, fingerprint="web-tests")
    )
