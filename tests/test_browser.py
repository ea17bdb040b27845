"""The web UI in a real browser: Debian's Chromium driven by Playwright, against a live server.

The server is started here (uvicorn in a thread, 127.0.0.1, a free port) over
a store of hand-built ledgers. Screenshots go to ``out/screenshots/``
(ignored by git). Skipped, with the reason, where Chromium or Playwright is
missing; ``.ci/run`` installs the Debian packages ``chromium`` and
``chromium-driver`` (never ``playwright install``, which downloads a browser).
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from reportedly.store import Store
from web_ledgers import (
    HOSTILE_TEXT,
    HOSTILE_TITLE,
    MEASURE,
    PAYLOAD_IMG,
    PAYLOAD_SCRIPT,
    STORY_ID,
    ferry_ledger,
    followup_ledger,
    hostile_ledger,
    save_story,
)

CHROMIUM = Path(os.environ.get("REPORTEDLY_CHROMIUM", "/usr/bin/chromium"))
SHOTS = Path(__file__).resolve().parents[1] / "out" / "screenshots"
TOKEN = "browser-test-token"
FERRY_ID = ferry_ledger().document.id
HOSTILE_ID = hostile_ledger().document.id

pytestmark = [
    pytest.mark.slow,  # a browser and a server
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason=f"{CHROMIUM} not found: apt-get install chromium chromium-driver"
    ),
]
sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright Python package is not installed")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    from reportedly.api import create_app

    db = tmp_path_factory.mktemp("browser") / "ui.db"
    with Store(db) as store:
        store.save(ferry_ledger(), source="ferry.txt")
        store.save(hostile_ledger(), source="water.txt")
        save_story(store)
    port = _free_port()
    config = uvicorn.Config(create_app(db, token=TOKEN), host="127.0.0.1", port=port, log_level="warning")
    web = uvicorn.Server(config)
    thread = threading.Thread(target=web.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not web.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        web.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser, server: str) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    tab = context.new_page()
    problems: list[str] = []
    tab.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: problems.append(str(e)))
    tab.on("response", lambda r: problems.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    tab.problems = problems  # type: ignore[attr-defined]
    try:
        yield tab
    finally:
        context.close()


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def no_sideways_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_claim_to_document_to_provenance(page, server: str) -> None:
    page.goto(server)
    rows = page.locator("#claim-list .row")
    rows.first.wait_for()
    assert rows.count() == 9
    assert page.locator(".result-count").inner_text() == "9 claims"
    assert no_sideways_scroll(page)
    shot(page, "claims")

    # Search from the keyboard: "/" focuses the box, Enter applies.
    page.locator("body").press("/")
    page.keyboard.type("council repairs")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelectorAll('#claim-list .row').length === 1")
    assert page.locator("#claim-list .row").inner_text().startswith("council members")

    page.locator("#claim-list .row").first.click()
    page.wait_for_function("() => window.__reportedlyGraph && window.__reportedlyGraph.nodes().length === 4")
    labels = page.evaluate("window.__reportedlyGraph.nodes().map(n => n.data('label'))")
    assert labels == [
        "Harbour Gazette",
        "council members",
        "Harbour Authority",
        "repairs could cost up to 2 million euros",
    ]
    # Every node and edge is drawn, inside the visible part of the graph.
    assert page.evaluate("() => window.__reportedlyGraph.elements().every(e => e.visible())")
    inside = """() => {
        const cy = window.__reportedlyGraph;
        return cy.nodes().every(n => {
            const b = n.renderedBoundingBox();
            return b.w > 20 && b.x1 >= 0 && b.y1 >= 0 && b.x2 <= cy.width() && b.y2 <= cy.height();
        });
    }"""
    assert page.evaluate(inside)
    canvas = page.locator("#provenance-graph canvas").first
    assert canvas.bounding_box()["width"] > 300
    assert no_sideways_scroll(page)
    shot(page, "provenance")

    page.locator("#show-in-document").click()
    page.locator("#article-text .hl-source").first.wait_for()
    assert page.locator("#article-text .hl-source").inner_text() == "Council members"
    assert page.locator("#article-text .hl-cue").inner_text() == "said"
    content = " ".join(page.locator("#article-text .hl-content").all_inner_texts())
    assert content.replace("  ", " ") == "repairs could cost up to 2 million euros"
    # The text on screen is the stored text, unchanged by the highlighting.
    assert page.locator("#article-text").inner_text() == ferry_ledger().document.text
    assert page.locator('.claim-button[aria-pressed="true"]').get_attribute("data-claim") == "ferry-2"
    assert no_sideways_scroll(page)
    shot(page, "document")

    # Choosing another claim moves the highlights without reloading.
    page.locator('.claim-button[data-claim="ferry-1"]').click()
    assert "Mira Lund" in page.locator("#article-text .hl-source").inner_text()
    assert "ferry-1" in page.url
    page.locator("#show-provenance").click()
    page.wait_for_function("() => window.__reportedlyGraph && window.__reportedlyGraph.nodes().length === 3")
    assert page.problems == []  # no script errors, no CSP violations


def test_claim_filters_list_the_servers_vocabulary(page, server: str) -> None:
    """The stance, kind and section filters offer what /api/vocabulary serves (no copy in app.js)."""
    from reportedly.model import ClaimKind, SectionKind, Stance

    page.goto(server + "#/claims?stance=conditional")
    page.locator("#f-stance option").nth(1).wait_for(state="attached")
    for name, enum in (("stance", Stance), ("kind", ClaimKind), ("section", SectionKind)):
        options = page.locator(f"#f-{name} option").evaluate_all("os => os.map(o => o.value)")
        assert options == ["", *(m.value for m in enum)], name
    # a value the old hard-coded list lacked is offered and kept selected
    assert page.locator("#f-stance").input_value() == "conditional"
    assert page.locator('#f-kind option[value="non_statement"]').inner_text() == "non statement"
    assert page.problems == []  # type: ignore[attr-defined]


def test_keyboard_navigation(page, server: str) -> None:
    page.goto(server + "#/claims")
    page.locator("#claim-list .row").first.wait_for()
    page.locator("#claim-list .row").first.focus()
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("document.activeElement.getAttribute('data-claim')")
    second = page.locator("#claim-list .row").nth(1).get_attribute("data-claim")
    assert focused == second
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", "")  # focus is visible
    page.keyboard.press("Enter")
    page.wait_for_function(f"() => location.hash === '#/claims/{second}'")
    page.locator("#page-title").wait_for()
    # Tab order reaches the navigation from the top of the page.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.tagName") == "A"


def test_lists_of_documents_and_sources(page, server: str) -> None:
    page.goto(server + "#/documents")
    page.locator("table.data").wait_for()
    assert page.locator("table.data tbody tr").count() == 3
    page.goto(server + "#/entities")
    page.locator("table.data").wait_for()
    assert page.locator("table.data tbody tr").count() == 6
    page.get_by_role("link", name="Harbour Authority").click()
    page.wait_for_function("() => document.querySelectorAll('#claim-list .row').length === 3")
    assert no_sideways_scroll(page)
    shot(page, "sources")


def test_hostile_article_runs_nothing(page, server: str) -> None:
    """An article carrying <script> and onerror= payloads is shown as text, and nothing of it runs."""
    for route in (
        "#/claims",
        f"#/documents/{HOSTILE_ID}?claim=water-0",
        "#/claims/water-0",
        "#/documents",
    ):
        page.goto(server + route)
        page.wait_for_load_state("networkidle")
        page.locator("#page-title").wait_for()
        page.wait_for_timeout(300)
        assert page.evaluate("window.__pwned === undefined"), route
        assert page.title() != "pwned" and "pwned" not in page.title().split(" · ")[0][:5], route
        assert page.locator("#view img, #view script, #view b").count() == 0, route
        assert page.locator("a[href^='javascript']").count() == 0, route

    page.goto(server + f"#/documents/{HOSTILE_ID}?claim=water-0")
    page.locator("#article-text .hl-content").first.wait_for()
    shown = page.locator("#article-text").inner_text()
    assert shown == HOSTILE_TEXT  # the payloads are there, literally, as text
    assert PAYLOAD_SCRIPT in shown and PAYLOAD_IMG in shown
    assert page.locator("#page-title").inner_text() == HOSTILE_TITLE
    assert page.title() == f"{HOSTILE_TITLE} · reportedly"  # as text in the title, not run
    assert "onerror=" in page.locator("#article-text .hl-content").first.inner_text()
    assert page.evaluate("window.__pwned === undefined")
    shot(page, "hostile-article")
    assert not [p for p in page.problems if "Content Security Policy" in p]


def test_adding_an_article_needs_the_token(page, server: str) -> None:
    page.goto(server + "#/add")
    page.locator("#add-form").wait_for()
    page.locator("#f-body").fill(
        "Library opens late on Sundays\n"
        "The city library said on Monday that it would open until 8 pm on Sundays."
    )
    page.locator("#f-token").fill("wrong")
    page.locator("#add-submit").click()
    page.locator("#add-result .error").wait_for()
    assert "token" in page.locator("#add-result").inner_text()
    page.locator("#f-token").fill(TOKEN)
    page.locator("#add-submit").click()
    page.locator("#add-result .notice a").wait_for(timeout=60_000)
    assert "Stored" in page.locator("#add-result").inner_text()
    shot(page, "add-article")
    page.locator("#add-result .notice a").click()
    page.locator("#article-text").wait_for()
    assert "city library" in page.locator("#article-text").inner_text()


def test_story_page(page, server: str) -> None:
    """Story list → story: clusters with origin counts, conflicts side by side, a timeline chart."""
    page.goto(server + "#/stories")
    page.locator("#story-table").wait_for()
    page.get_by_role("link", name="Storm closes Portview harbour").click()
    page.locator("#clusters .cluster").first.wait_for()
    assert page.locator("#page-title").inner_text() == "Storm closes Portview harbour"

    clusters = page.locator("#clusters .cluster")
    assert clusters.count() == 2
    sailings = page.locator('[data-cluster="cluster-sailings"]')
    assert "reported by 2 outlets" in sailings.inner_text()
    assert sailings.locator(".origins-count").inner_text() == "1 independent origin"

    conflicts = page.locator("#conflicts .conflict")
    assert conflicts.count() == 2
    numeric = page.locator('#conflicts .conflict[data-kind="numeric"]')
    left, right = numeric.locator(".side-a").bounding_box(), numeric.locator(".side-b").bounding_box()
    assert abs(left["y"] - right["y"]) < 2 and right["x"] > left["x"] + left["width"] - 1  # side by side
    assert "about 40 sailings" in numeric.locator(".side-a").inner_text()
    assert "More than 60 sailings" in numeric.locator(".side-b").inner_text()
    # a side's other claims are folded under the pair, one line each, as text
    stance = page.locator('#conflicts .conflict[data-kind="stance"]')
    assert stance.locator(".side-a-also summary").inner_text() == "1 more report saying the same as the first"
    assert stance.locator(".side-b-also").count() == 0 and numeric.locator("details").count() == 0
    stance.locator(".side-a-also summary").click()
    assert stance.locator(".side-a-also li").count() == 1
    # pairs declined (an update by the same origin) only on request, each with its reason
    assert page.locator("#declined .conflict").count() == 0
    page.locator("#show-declined").click()
    page.locator("#declined .conflict").first.wait_for()
    assert page.locator("#declined .conflict").count() == 1
    assert "declined: an update" in page.locator("#declined .why").inner_text()

    markers = page.locator("#timeline-chart g.marker")
    assert markers.count() == 3
    assert page.locator("#measure-select").input_value() == MEASURE
    assert page.locator("#timeline-table tbody tr").count() == 3
    assert no_sideways_scroll(page)
    shot(page, "story")
    page.set_viewport_size({"width": 1366, "height": 1200})
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(SHOTS / "story-top.png"))  # the README picture (docs/img/story.png)
    page.set_viewport_size({"width": 1366, "height": 768})
    page.locator("#timeline-chart").screenshot(path=str(SHOTS / "timeline.png"))

    # A point on the chart opens its evidence in the article, from the keyboard too.
    markers.nth(1).focus()
    page.keyboard.press("Enter")
    page.locator("#article-text .hl-content").first.wait_for()
    follow = followup_ledger()
    assert page.locator("#page-title").inner_text() == follow.document.title
    highlighted = "".join(page.locator("#article-text .hl-content").all_inner_texts())
    assert highlighted == "More than 60 sailings have been cancelled since the weekend"
    assert STORY_ID not in page.url
    assert page.problems == []
