"""One server over the hand-made store (plus two disputes) and one headless Chromium
(Debian `chromium`) for every browser test."""
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


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
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
    db = handmade.build_store(tmp_path_factory.mktemp("e2e") / "kb.sqlite",
                              extra=handmade.disputes())
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


@pytest.fixture(scope="session")
def browser(base_url):
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


def _page(browser, **options):
    pg = browser.new_page(**options)
    pg.errors = []
    pg.on("pageerror", lambda exc: pg.errors.append(str(exc)))
    return pg


@pytest.fixture
def page(browser):
    pg = _page(browser, viewport={"width": 1280, "height": 900})
    yield pg
    pg.close()


@pytest.fixture
def phone(browser):
    """A 390 px wide page."""
    pg = _page(browser, viewport={"width": 390, "height": 844})
    yield pg
    pg.close()


@pytest.fixture
def axe_page(browser):
    """A page where axe-core can be injected (the UI's CSP allows only its own scripts)."""
    pg = _page(browser, viewport={"width": 1280, "height": 900}, bypass_csp=True)
    yield pg
    pg.close()
