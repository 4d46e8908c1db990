"""The analyst's desk in headless Chromium: lists with facets, sorting and paging,
filters by name with autocomplete, downloads of the filtered view, quotes with their
outlet, review marks, outlet pages, the map legend and clusters, timeline stacking and
counts, page titles, 390 px layout, keyboard access, axe-core, and /docs offline."""
from __future__ import annotations

import csv
import io
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests import handmade

pytestmark = pytest.mark.browser
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
VIEWS = ["", "events", "entities", "articles", "claims", "relations", "outlets", "graph",
         "timeline", "map", "contradictions", f"entity/{handmade.NADIR}",
         f"cluster/{handmade.CLUSTER}", "outlet/Wire One",
         f"article/{handmade.article_ids()['wire']}", "incidents", f"incident/{handmade.CLUSTER}"]


def _open(page, base_url, route: str, selector: str = "main h1") -> None:
    page.goto(base_url + "#/" + route)
    page.wait_for_selector(selector)


def _until(page, js: str, arg=None, tries: int = 50) -> None:
    """Poll a JS predicate (wait_for_function evaluates strings, which the CSP forbids)."""
    for _ in range(tries):
        if page.evaluate(js, arg):
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"never true: {js}")


def test_event_list_facets_filter_and_sort(page, base_url):
    _open(page, base_url, "events", ".facets")
    assert page.inner_text(".count") == "3 found"
    outlets = page.locator(".facet[data-facet=outlet] li").all_inner_texts()
    assert [" ".join(x.split()) for x in outlets] == ["Wire One 2", "Daily Two 1"]
    page.locator(".facet[data-facet=type] a", has_text="ASSAULT").click()
    page.wait_for_url("**type=ASSAULT**")
    page.wait_for_selector(".count:text-is('2 found')")
    page.locator("th a.sort", has_text="Date").click()          # date ascending -> descending
    page.wait_for_url("**sort=-date**")
    page.wait_for_selector("th[aria-sort=descending]")
    assert page.locator(".chips .chip").all_inner_texts() == ["Type: ASSAULT ✕"]
    assert page.errors == []


def test_actor_filter_takes_a_name_and_autocompletes(page, base_url):
    _open(page, base_url, "events", "#f-actor")
    page.fill("#f-actor", "Nor")
    page.wait_for_selector("#dl-actor option", state="attached")
    assert page.get_attribute("#dl-actor option", "value") == "Northern Brigades"
    page.fill("#f-actor", "Northern Brigades")
    page.fill("#f-place", "Mosul")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**actor=Northern**")
    page.wait_for_selector(".count:text-is('2 found')")
    rows = page.locator(".desk-main tbody tr").all_inner_texts()
    assert all("Mosul" in r and "Northern Brigades" in r for r in rows)
    assert page.errors == []


def test_download_honours_the_filters(page, base_url):
    _open(page, base_url, "events?type=PROTEST", "a.download")
    href = page.get_attribute("a.download", "href")
    assert "type=PROTEST" in href and "format=csv" in href
    body = page.request.get(base_url.rstrip("/") + href).text()
    rows = list(csv.DictReader(io.StringIO(body)))
    assert [r["type"] for r in rows] == ["PROTEST"]
    assert rows[0]["outlet"] == "Wire One" and rows[0]["place_precision"] == "town"
    geo = page.request.get(base_url + "api/download/events?format=geojson&place=Mosul").json()
    assert len(geo["features"]) == 2
    assert page.errors == []


def test_quotes_show_outlet_and_date(page, base_url):
    _open(page, base_url, f"entity/{handmade.NADIR}", "section.entity-page .quote .source")
    quote = page.locator(".quote", has_text="leads the Northern Brigades").first
    assert "Wire One, 2020-01-04" in quote.inner_text()
    page.locator("a", has_text="Articles that mention Karim Nadir").click()
    page.wait_for_selector("section.articles tbody tr")
    titles = page.locator("section.articles tbody tr td:nth-child(2)").all_inner_texts()
    assert titles[0] == "wire story" and len(titles) == 3      # most mentions first
    assert page.errors == []


def test_quote_lands_on_the_sentence_and_sentence_links_to_its_incident(page, base_url):
    wire = handmade.article_ids()["wire"]
    start = handmade.TEXTS["wire"].index("On 3 January")
    _open(page, base_url, f"article/{wire}?start={start}&end={start + 10}", "#article-text mark.hl")
    _until(page, "() => document.activeElement.matches('#article-text mark.hl')")
    page.locator("#article-text a.incident-link").first.click()
    page.wait_for_url(f"**#/incident/{handmade.CLUSTER}")
    page.wait_for_selector("section.incident-page .outlet")
    heads = page.locator("section.incident-page .outlet h3").all_inner_texts()
    assert sorted(heads) == ["Daily Two", "Wire One"]
    assert page.errors == []


def test_review_mark_is_stored(page, base_url):
    _open(page, base_url, "contradictions", "button.review")
    button = page.locator(".contradiction", has_text="fatalities").locator("button.review")
    button.click()
    page.wait_for_selector("button.review[aria-pressed=true]")
    page.reload()
    page.wait_for_selector("button.review[aria-pressed=true]")
    marks = page.request.get(base_url + "api/reviews").json()["items"]
    assert [(m["kind"], m["id"], m["status"]) for m in marks] == [
        ("contradiction", "Xfatal000000000", "reviewed")]
    hidden = page.locator("a", has_text="Show 1 wording variant(s)")
    hidden.click()
    page.wait_for_selector(".contradiction.trivial")
    assert page.errors == []


def test_outlet_page(page, base_url):
    _open(page, base_url, "outlets", "main table")
    page.locator("main a", has_text="Wire One").first.click()
    page.wait_for_selector("section.outlet")
    text = page.inner_text("section.outlet")
    assert "Only source for 1 of the 2 events it reports (50%)" in text
    assert page.locator("section.outlet tbody tr").count() == 2
    assert page.errors == []


def test_map_legend_and_timeline_stacking(page, base_url):
    _open(page, base_url, "map", ".map-legend")
    legend = page.inner_text(".map-legend")
    for label in ("exact place", "town", "region", "country centre"):
        assert label in legend
    _open(page, base_url, "timeline", "#timeline-svg")
    ys = page.eval_on_selector_all("#timeline-svg circle.timeline-event",
                                   "cs => cs.map(c => [c.getAttribute('cx'), c.getAttribute('cy')])")
    assert len(ys) == 3 and len(set(map(tuple, ys))) == 3     # same-day reports stacked
    assert page.locator("#counts-svg rect.count-bar").count() == 2   # 2019-10, 2020-01
    assert page.errors == []


def test_every_view_has_its_own_title(page, base_url):
    titles = set()
    for route in VIEWS:
        _open(page, base_url, route)
        h1 = page.inner_text("main h1").strip()
        _until(page, "t => document.title.startsWith(t)", h1)
        titles.add(page.title())
    assert len(titles) == len(VIEWS)
    assert page.errors == []


def test_layout_fits_390_px(phone, base_url):
    for route in VIEWS:
        _open(phone, base_url, route)
        phone.wait_for_timeout(150)
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, (route, width)
    assert phone.errors == []


def test_keyboard_reaches_views_and_timeline_dots(page, base_url):
    page.goto(base_url + "#/")
    page.wait_for_selector("main h1")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    for _ in range(2):
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Events"
    page.keyboard.press("Enter")
    page.wait_for_selector("section.events")
    _open(page, base_url, "timeline", "#timeline-svg a.timeline-link")
    page.focus("#timeline-svg a.timeline-link")
    page.keyboard.press("Enter")
    page.wait_for_selector("#article-text mark.hl")
    assert page.errors == []


@pytest.mark.skipif(not AXE.exists(), reason="axe-core missing (npm ci)")
def test_axe_finds_no_serious_violation(axe_page, base_url):
    found = {}
    for route in VIEWS:
        _open(axe_page, base_url, route)
        axe_page.wait_for_timeout(200)
        axe_page.add_script_tag(path=str(AXE))
        result = axe_page.evaluate("axe.run(document, {resultTypes: ['violations']})")
        bad = [v["id"] for v in result["violations"] if v["impact"] in ("serious", "critical")]
        if bad:
            found[route] = bad
    assert found == {}


def test_docs_load_offline(page, base_url):
    hosts = []
    page.on("request", lambda r: hosts.append(urlsplit(r.url).hostname))
    page.goto(base_url + "docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=15000)
    assert set(hosts) <= {"127.0.0.1", None}
    assert page.errors == []
