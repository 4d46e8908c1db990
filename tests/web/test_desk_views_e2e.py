"""More of the desk in headless Chromium: the place facet takes the places inside a
country, the month facet and the chart zoom to a month, place autocomplete, the
network's legend, one actor's neighbourhood and its GraphML download, and a JSON
download that honours the filters."""
from __future__ import annotations

import re

import pytest

from tests import handmade

from .test_desk_e2e import _open

pytestmark = pytest.mark.browser


def test_country_and_month_facets(page, base_url):
    _open(page, base_url, "events?type=ASSAULT", ".facet[data-facet=country]")
    page.locator(".facet[data-facet=country] a", has_text="XX").click()
    page.wait_for_url("**place=XX**")
    page.wait_for_selector(".count:text-is('2 found')")       # Mosul is inside XX
    page.locator(".chip", has_text="Type").click()                # drop the type filter
    page.wait_for_selector(".count:text-is('3 found')")           # Mosul and Basra
    page.locator(".facet[data-facet=month] a", has_text="2020-01").click()
    page.wait_for_url("**from=2020-01**")
    page.wait_for_selector(".count:text-is('2 found')")
    assert page.input_value("#f-from") == page.input_value("#f-to") == "2020-01"
    assert page.errors == []


def test_place_autocomplete(page, base_url):
    _open(page, base_url, "events", "#f-place")
    page.fill("#f-place", "Bas")
    page.wait_for_selector("#dl-place option", state="attached")
    assert page.get_attribute("#dl-place option", "value") == "Basra"
    assert page.errors == []


def test_network_legend_neighbourhood_and_graphml(page, base_url):
    _open(page, base_url, "graph", "#graph canvas")
    legend = page.inner_text(".graph-legend")
    for label in ("person", "organisation", "office (job title)", "tie read from the text",
                  "knowledge-base tie"):
        assert label in legend
    assert _graphml_nodes(page, base_url) == int(page.get_attribute("#graph", "data-nodes")) == 2
    _open(page, base_url, f"graph?entity={handmade.BRIGADES}&kb=1", "#graph canvas")
    assert page.inner_text("main h1") == "Network around Northern Brigades"
    names = page.locator(".node-list tbody td:first-child a").all_text_contents()   # in a closed <details>
    assert sorted(names) == ["Eastland", "Karim Nadir", "Northern Brigades"]
    assert _graphml_nodes(page, base_url) == 3
    assert page.errors == []


def _graphml_nodes(page, base_url) -> int:
    href = page.get_attribute("a.download:text-is('GRAPHML')", "href")
    body = page.request.get(base_url.rstrip("/") + href).text()
    return len(re.findall(r"<node ", body))


def test_timeline_month_bar_zooms(page, base_url):
    _open(page, base_url, "timeline", "#counts-svg")
    assert page.locator("#timeline-svg circle.timeline-event").count() == 3
    page.locator("#counts-svg a[aria-label^='2020-01']").first.click()
    page.wait_for_url("**from=2020-01**")
    page.wait_for_selector("#f-from[value='2020-01']")
    assert page.locator("#timeline-svg circle.timeline-event").count() == 2
    assert page.errors == []


def test_json_download_honours_the_filters(page, base_url):
    _open(page, base_url, "articles?outlet=Wire+One", "a.download")
    href = page.get_attribute("a.download:text-is('JSON')", "href")
    assert "outlet=Wire+One" in href or "outlet=Wire%20One" in href
    body = page.request.get(base_url.rstrip("/") + href).json()
    items = body["items"] if isinstance(body, dict) else body
    assert sorted(a["title"] for a in items) == ["protest story", "wire story"]
    assert {a["publisher"] for a in items} == {"Wire One"}
    assert page.errors == []
