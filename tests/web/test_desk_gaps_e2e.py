"""The last gaps of issue 16 in headless Chromium: facets and downloads on the incident
list, single map markers opened from the keyboard, focus kept on a sort header after a
sort, and the network's lists as sortable tables."""
from __future__ import annotations

import csv
import io

import pytest

from tests import handmade

from .test_desk_e2e import _open, _until

pytestmark = pytest.mark.browser
ACTIVE_FOCUS = "() => document.activeElement && document.activeElement.dataset.focus"


def _facet(page, name: str) -> list[str]:
    return [" ".join(x.split()) for x in page.locator(f".facet[data-facet={name}] li").all_inner_texts()]


def test_incident_list_has_facets_with_counts(page, base_url):
    _open(page, base_url, "incidents", ".facets")
    assert page.inner_text(".count") == "2 found"
    assert _facet(page, "outlet") == ["Wire One 2", "Daily Two 1"]
    assert _facet(page, "status") == ["contested 1", "single-source 1"]
    assert _facet(page, "actor") == ["Northern Brigades 1"]
    assert _facet(page, "place") == ["Basra 1", "Mosul 1"]
    assert _facet(page, "month") == ["2019-10 1", "2020-01 1"]
    page.locator(".facet[data-facet=outlet] a", has_text="Daily Two").click()
    page.wait_for_url("**outlet=Daily+Two**")
    page.wait_for_selector(".count:text-is('1 found')")
    assert "drone strike" in page.inner_text("section.incidents tbody tr")
    assert _facet(page, "outlet") == ["Daily Two 1", "Wire One 1"]     # counts follow the filter
    page.locator(".facet[data-facet=month] a", has_text="2020-01").click()
    page.wait_for_url("**from=2020-01**")
    page.wait_for_selector(".count:text-is('1 found')")
    assert page.locator(".chips .chip").count() == 3          # outlet, from, to
    assert page.errors == []


def test_incident_downloads_honour_the_filters(page, base_url):
    _open(page, base_url, "incidents?status=single-source", "a.download")
    formats = page.locator("a.download").all_inner_texts()
    assert formats == ["CSV", "JSON", "GEOJSON"]
    href = page.get_attribute("a.download:text-is('CSV')", "href")
    assert href.startswith("/api/download/incidents?") and "status=single-source" in href
    rows = list(csv.DictReader(io.StringIO(page.request.get(base_url.rstrip("/") + href).text())))
    assert [(r["type"], r["place"], r["outlets"], r["status"]) for r in rows] == [
        ("PROTEST", "Basra", "Wire One", "single-source")]
    geo = page.request.get(base_url.rstrip("/") + page.get_attribute(
        "a.download:text-is('GEOJSON')", "href")).json()
    assert [f["properties"]["place"] for f in geo["features"]] == ["Basra"]
    assert geo["features"][0]["geometry"]["type"] == "Point"
    body = page.request.get(base_url.rstrip("/") + page.get_attribute(
        "a.download:text-is('JSON')", "href")).json()
    assert body["total"] == 1 and body["items"][0]["status"] == "single-source"
    assert page.errors == []


def test_single_map_marker_opens_from_the_keyboard(page, base_url):
    _open(page, base_url, "map", "#map path.event-marker")
    page.focus("#map")
    for _ in range(30):                                   # Tab from the map to the marker
        if page.evaluate("() => document.activeElement.matches('path.event-marker')"):
            break
        page.keyboard.press("Tab")
    label = page.evaluate("() => document.activeElement.getAttribute('aria-label')")
    assert label.startswith("PROTEST") and "Basra" in label
    page.keyboard.press("Enter")
    page.wait_for_selector(".map-popup")
    assert "PROTEST" in page.inner_text(".map-popup")
    _until(page, "() => document.activeElement.closest('.map-popup') !== null")
    page.keyboard.press("Enter")                          # its first link opens the article
    page.wait_for_selector("#article-text mark.hl")
    assert page.errors == []


@pytest.mark.parametrize("route, header, key", [
    ("events", "Date", "events:date"), ("incidents", "Toll", "incidents:toll"),
    ("outlets", "Articles", "o:articles")])
def test_sort_header_keeps_the_focus(page, base_url, route, header, key):
    _open(page, base_url, route, "th a.sort")
    page.locator("th a.sort", has_text=header).click()
    page.wait_for_url("**sort=**")
    _until(page, ACTIVE_FOCUS + f" === '{key}'")
    before = page.url
    page.keyboard.press("Enter")                          # the focused header again, by keyboard
    _until(page, f"() => location.href !== '{before}'")
    _until(page, ACTIVE_FOCUS + f" === '{key}'")
    assert page.evaluate("() => document.activeElement.closest('th').getAttribute('aria-sort')")
    assert page.errors == []


def test_network_lists_are_sortable_tables(page, base_url):
    _open(page, base_url, f"graph?entity={handmade.BRIGADES}&kb=1", "#graph canvas")
    page.click(".graph-lists summary")
    page.locator(".node-list th a.sort", has_text="Actor").click()
    page.wait_for_url("**gn_sort=name**")
    page.wait_for_selector(".graph-lists[open] .node-list th[aria-sort=ascending]")
    names = page.locator(".node-list tbody td:first-child").all_inner_texts()
    assert names == sorted(names) and len(names) == 3
    page.locator(".node-list th a.sort", has_text="Actor").click()
    page.wait_for_url("**gn_sort=-name**")
    page.wait_for_selector(".node-list th[aria-sort=descending]")
    assert page.locator(".node-list tbody td:first-child").all_inner_texts() == sorted(names, reverse=True)
    page.locator(".edge-list th a.sort", has_text="Support").click()
    page.wait_for_url("**ge_sort=-weight**")
    page.wait_for_selector(".edge-list th[aria-sort=descending]")   # the table re-drawn
    page.wait_for_selector(".edge-list tbody tr")
    supports = page.locator(".edge-list tbody td:nth-child(4)").all_inner_texts()
    assert supports and supports[-1] == "knowledge base"     # text ties first, KB ties last
    assert page.errors == []


def test_search_results_open_as_sortable_tables(page, base_url):
    _open(page, base_url, "search?q=drone", "main h1")
    page.locator("a", has_text="Articles with these words as a sortable table").click()
    page.wait_for_url("**#/articles?q=drone**")
    page.wait_for_selector("section.articles tbody tr")
    assert sorted(page.locator("section.articles tbody td:nth-child(3)").all_inner_texts()) == [
        "Daily Two", "Wire One"]
    page.locator("th a.sort", has_text="Outlet").click()
    page.wait_for_url("**sort=outlet**")
    page.wait_for_selector("th[aria-sort=ascending]")
    assert page.locator("section.articles tbody td:nth-child(3)").all_inner_texts() == [
        "Daily Two", "Wire One"]
    _open(page, base_url, "search?q=Nadir", "main h1")
    page.locator("a", has_text="Actors with this name as a sortable table").click()
    page.wait_for_url("**#/entities?q=Nadir**")
    page.wait_for_selector("[data-table=e] tbody tr")
    assert page.locator("[data-table=e] tbody td:first-child").all_inner_texts() == ["Karim Nadir"]
    assert page.errors == []
