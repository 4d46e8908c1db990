"""End to end in headless Chromium (Debian `chromium`): search, profile, evidence, map,
timeline, network, and an article full of HTML shown inert."""
from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from tests import handmade, shipped

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is absent (apt-get install -y chromium)")
    from newsgraph.web import assets
    if not assets.assets_present():
        if shutil.which("npm") is None:
            pytest.skip("web assets missing and npm absent (run `make web`)")
        assets.main()
    import uvicorn

    from newsgraph.api import create_app
    db = handmade.build_store(tmp_path_factory.mktemp("e2e") / "kb.sqlite")
    port = _free_port()
    app = create_app(db, data=shipped.with_kb(handmade.knowledge_base()))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}/"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser(base_url):
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    pg = browser.new_page(viewport={"width": 1280, "height": 900})
    pg.errors = []
    pg.on("pageerror", lambda exc: pg.errors.append(str(exc)))
    yield pg
    pg.close()


def test_search_profile_and_evidence(page, base_url):
    page.goto(base_url)
    page.fill("#search-input", "Nadir")
    page.press("#search-input", "Enter")
    page.locator("main a", has_text="Karim Nadir").first.click()
    page.wait_for_selector("section.entity-page h1")
    assert page.inner_text("main h1") == "Karim Nadir"
    assert page.locator("main", has_text="Q4115189").count() == 1
    page.locator("a.evidence", has_text="leads the Northern Brigades").first.click()
    page.wait_for_selector("mark.hl")
    marked = "".join(page.locator("mark.hl").all_inner_texts()[1:])   # [0] is the legend
    assert marked == "General Karim Nadir leads the Northern Brigades."
    assert "start=0" in page.url
    page.wait_for_selector("#entity-graph canvas, #article-text")
    assert page.errors == []


def test_map_timeline_and_network_render(page, base_url):
    page.goto(base_url + "#/map")
    page.wait_for_selector("#map[data-markers='3']")
    assert page.locator("#map path.event-marker").count() == 3
    assert page.locator("#map .leaflet-overlay-pane path").count() > 100     # countries
    page.goto(base_url + "#/timeline")
    page.wait_for_selector("#timeline-svg")
    assert page.locator("#timeline-svg circle.timeline-event").count() == 3
    page.goto(base_url + "#/graph")
    page.wait_for_selector("#graph canvas")
    assert int(page.get_attribute("#graph", "data-nodes")) >= 3
    page.goto(base_url + "#/contradictions")
    page.wait_for_selector(".contradiction .value")
    assert sorted(page.locator(".contradiction .value").all_inner_texts()) == ["10", "12"]
    assert page.errors == []


def test_hostile_article_is_inert(page, base_url):
    evil = handmade.article_ids()["evil"]
    page.goto(base_url + f"#/article/{evil}")
    page.wait_for_selector("#article-text")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned") is None
    assert page.text_content("#article-text") == handmade.TEXTS["evil"]
    assert page.locator("#article-text script, #article-text img, #article-text b").count() == 0
    assert page.errors == []
