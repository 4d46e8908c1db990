"""Screenshot of the web UI for the README: `python -m scripts.ui_screenshot --db kb.sqlite`.

Serves the database on a free loopback port, opens the most mentioned actor's page
(or --route) in headless Chromium (/usr/bin/chromium) and writes docs/screenshot.png.
"""
from __future__ import annotations

import argparse
import socket
import threading
import time
from pathlib import Path

import httpx
import uvicorn

from newsgraph.api import create_app

ROOT = Path(__file__).resolve().parents[1]
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--route", help="UI route, e.g. '#/map' (default: top actor's page)")
    ap.add_argument("--out", default=str(ROOT / "docs" / "screenshot.png"))
    args = ap.parse_args()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(args.db), host="127.0.0.1", port=port,
                                           log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}/"
    route = args.route or "#/entity/" + httpx.get(base + "api/entities?limit=1").json()["items"][0]["id"]
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 860})
        page.goto(base + route)
        page.wait_for_timeout(2500)
        page.screenshot(path=args.out)
        browser.close()
    server.should_exit = True
    print(f"wrote {args.out} ({route})")


if __name__ == "__main__":
    main()
