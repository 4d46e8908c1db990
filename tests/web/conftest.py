"""One server over the hand-made store (plus two disputes) and one headless Chromium
(Debian `chromium`) for every browser test."""
from __future__ import annotations

import shutil

import pytest

from newsgraph.web.loopback import CHROMIUM, CHROMIUM_ARGS, serve
from tests import handmade, shipped


@pytest.fixture(scope="session")
def base_url(tmp_path_factory):
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is absent (apt-get install -y chromium)")
    from newsgraph.web import assets
    if not assets.assets_present():
        if shutil.which("npm") is None:
            pytest.skip("web assets missing and npm absent (run `make web`)")
        assets.main()
    db = handmade.build_store(tmp_path_factory.mktemp("e2e") / "kb.sqlite",
                              extra=handmade.disputes())
    server, url = serve(db, data=shipped.with_kb(handmade.knowledge_base()))
    yield url + "/"
    server.should_exit = True


@pytest.fixture(scope="session")
def browser(base_url):
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
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
