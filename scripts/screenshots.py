"""Screenshots of every view of the web UI for the README (not run by the tests):

    python -m scripts.screenshots --db build/demo.sqlite [--out docs/screenshots]

Serves the database on a free loopback port and saves one PNG per view, taken in
headless Chromium (/usr/bin/chromium) at 1280 px, plus the events list at 390 px.
"""
from __future__ import annotations

import argparse
from pathlib import Path
from urllib.parse import quote

import httpx

from newsgraph.web.loopback import CHROMIUM, CHROMIUM_ARGS, serve

ROOT = Path(__file__).resolve().parents[1]


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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    server, base = serve(args.db)
    base += "/"
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
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
