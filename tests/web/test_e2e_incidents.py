"""End to end in headless Chromium: the incident list and an incident page showing
each outlet's figures side by side with its sentence."""
from __future__ import annotations

import pytest

from tests import handmade

pytestmark = pytest.mark.browser


def test_incident_list_and_page(page, base_url):
    page.goto(base_url + "#/incidents")
    page.wait_for_selector("section.incidents table")
    assert page.locator("section.incidents tbody tr").count() == 2
    page.locator("section.incidents a", has_text="drone strike").first.click()
    page.wait_for_selector("section.incident-page .outlet")
    columns = page.locator("section.incident-page .outlet")
    assert columns.count() == 2
    texts = {columns.nth(i).locator("h3").inner_text(): columns.nth(i).inner_text()
             for i in range(2)}
    assert "10 killed" in texts["Wire One"] and "killed 10 people" in texts["Wire One"]
    assert "12 killed" in texts["Daily Two"] and "killed 12 people" in texts["Daily Two"]
    assert page.locator("section.incident-page", has_text="Disputes").count() == 1
    assert page.url.endswith("#/incident/" + handmade.CLUSTER)
    assert page.errors == []


def test_incident_filter_by_status(page, base_url):
    page.goto(base_url + "#/incidents?status=contested")
    page.wait_for_selector("section.incidents table")
    assert page.locator("section.incidents tbody tr").count() == 1
    assert page.errors == []
