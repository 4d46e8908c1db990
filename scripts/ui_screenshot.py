"""Screenshot of the web UI for the README: `python -m scripts.ui_screenshot --db kb.sqlite`.

Serves the database on a free loopback port, opens the most mentioned actor's page
(or --route) in headless Chromium (/usr/bin/chromium) and writes docs/screenshot.png.
"""
from __future__ import annotations

import argparse
from pathlib import Path

import httpx

from newsgraph.web.loopback import CHROMIUM, CHROMIUM_ARGS, serve

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--route", help="UI route, e.g. '#/map' (default: top actor's page)")
    ap.add_argument("--out", default=str(ROOT / "docs" / "screenshot.png"))
    args = ap.parse_args()
    server, base = serve(args.db)
    base += "/"
    route = args.route or "#/entity/" + httpx.get(base + "api/entities?limit=1").json()["items"][0]["id"]
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 860})
        page.goto(base + route)
        page.wait_for_timeout(2500)
        page.screenshot(path=args.out)
        browser.close()
    server.should_exit = True
    print(f"wrote {args.out} ({route})")


if __name__ == "__main__":
    main()
