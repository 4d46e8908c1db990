"""Screenshots of every view of the web UI for the README (not run by the tests):

    python -m scripts.screenshots --db build/demo.sqlite [--out docs/screenshots]

Serves the database on a free loopback port and saves one PNG per view, taken in
headless Chromium (/usr/bin/chromium) at 1280 px, plus the events list at 390 px.
"""
from __future__ import annotations

import argparse
import socket
import threading
import time
from pathlib import Path
from urllib.parse import quote

import httpx
import uvicorn

from newsgraph.api import create_app

ROOT = Path(__file__).resolve().parents[1]
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def routes(base: str) -> dict[str, str]:
    """Screenshot name -> UI route, with ids taken from the store."""
    get = lambda path: httpx.get(base + path).json()
    top = get("api/entities?limit=1")["items"][0]["id"]
    outlet = get("api/outlets")["items"][0]["outlet"]
    disputes = get("api/contradictions?limit=50")["items"]
    cluster = next((c["about"] for c in disputes if c["about_kind"] == "cluster"), None)
    event = get("api/events?limit=1&sort=-fatalities")["items"][0]["evidence"][0]
    incidents = get("api/incidents?limit=1&sort=-sources")["items"]
    out = {"events": "#/events", "actor": f"#/entity/{top}", "actors": "#/entities",
           "incidents": "#/incidents?sort=-sources", "articles": "#/articles",
           "claims": "#/claims", "relations": "#/relations", "sources": "#/outlets",
           "source": f"#/outlet/{quote(outlet)}", "network": "#/graph", "timeline": "#/timeline",
           "map": "#/map", "contradictions": "#/contradictions",
           "article": f"#/article/{event['doc']}?start={event['start']}&end={event['end']}",
           "api-docs": "docs"}
    if cluster:
        out["event"] = f"#/cluster/{cluster}"
    if incidents:
        out["incident"] = f"#/incident/{incidents[0]['id']}"
    return out


def serve(db: str) -> tuple[uvicorn.Server, str]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port,
                                           log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return server, f"http://127.0.0.1:{port}/"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    server, base = serve(args.db)
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        wide = browser.new_page(viewport={"width": 1280, "height": 860})
        for name, route in routes(base).items():
            wide.goto(base + route)
            wide.wait_for_timeout(2500)
            wide.screenshot(path=str(out / f"{name}.png"))
            print(f"wrote {out / name}.png ({route})")
        phone = browser.new_page(viewport={"width": 390, "height": 844})
        phone.goto(base + "#/events")
        phone.wait_for_timeout(2000)
        phone.screenshot(path=str(out / "events-390px.png"))
        browser.close()
    server.should_exit = True


if __name__ == "__main__":
    main()
