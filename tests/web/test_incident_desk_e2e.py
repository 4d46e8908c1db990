"""Incident-first desk in headless Chromium: the incidents an actor takes part in,
each outlet's sentence one click from the incident page, disputes with one column per
side, permalinks that a reload restores (filters, sort, page), sortable tables, and
keyboard access to every view."""
from __future__ import annotations

import pytest

from tests import handmade

from .test_desk_e2e import VIEWS, _open, _until

pytestmark = pytest.mark.browser
STRIKE_WIRE = "On 3 January 2020 a drone strike near Mosul killed 10 people"
STRIKE_DAILY = "A drone strike in Mosul on Friday killed 12 people"


def _cells(page, table: str, column: int) -> list[str]:
    return page.locator(f"{table} tbody tr td:nth-child({column})").all_inner_texts()


def test_actor_page_lists_its_incidents_beside_its_articles(page, base_url):
    _open(page, base_url, f"entity/{handmade.BRIGADES}", ".actor-incidents table")
    rows = page.locator(".actor-incidents tbody tr")
    assert rows.count() == 1                      # two reports, one happening
    cells = rows.first.locator("td").all_inner_texts()
    assert cells[0] == "2020-01-03" and "drone strike" in cells[1] and cells[2] == "Mosul"
    assert cells[3] == "Wire One, Daily Two" and cells[4] == "10–12 killed" and cells[5] == "contested"
    assert page.locator(".actor-articles h2").inner_text().startswith(
        "Articles that mention Northern Brigades (2)")
    assert sorted(_cells(page, ".actor-articles", 3)) == ["Daily Two", "Wire One"]
    rows.first.locator("a", has_text="drone strike").click()
    page.wait_for_url(f"**#/incident/{handmade.CLUSTER}")
    page.wait_for_selector("section.incident-page .outlet")
    assert page.errors == []


def test_actor_page_of_an_actor_without_incident(page, base_url):
    _open(page, base_url, f"entity/{handmade.EASTLAND}", ".actor-incidents")
    assert page.inner_text(".actor-incidents") .endswith("No incident names this actor.")
    assert page.errors == []


@pytest.mark.parametrize("outlet, sentence", [("Wire One", STRIKE_WIRE), ("Daily Two", STRIKE_DAILY)])
def test_each_outlets_sentence_is_one_click_from_the_incident(page, base_url, outlet, sentence):
    _open(page, base_url, f"incident/{handmade.CLUSTER}", "section.incident-page .outlet")
    column = page.locator("section.incident-page .outlet", has=page.locator("h3", has_text=outlet))
    column.locator(".report a.evidence").click()
    page.wait_for_selector("#article-text mark.hl")
    marked = "".join(page.locator("#article-text mark.hl").all_inner_texts())
    assert marked == sentence
    _until(page, "() => document.activeElement.matches('#article-text mark.hl')")
    assert page.errors == []


def _sides(page, card) -> list[tuple[str, str, str]]:
    out = []
    for value in card.locator(".dispute-value").all():
        label = value.locator(".value").inner_text()
        for side in value.locator(".side").all():
            speaker = side.locator(".side-speaker")
            out.append((label, side.locator(".side-outlet").inner_text(),
                        speaker.inner_text() if speaker.count() else ""))
    return out


def test_disputes_show_each_side_in_its_own_column(page, base_url):
    _open(page, base_url, "contradictions", ".contradiction .side")
    actor = page.locator(".contradiction", has_text="actor")
    assert _sides(page, actor) == [("Northern Brigades", "Wire One", "according to officials"),
                                   ("Eastland", "Daily Two", "")]
    fatal = page.locator(".contradiction", has_text="fatalities")   # no stored sides: outlet from the article
    assert _sides(page, fatal) == [("10", "Wire One", ""), ("12", "Daily Two", "")]
    tops = fatal.locator(".dispute-value").evaluate_all("els => els.map(e => e.getBoundingClientRect().top)")
    assert len(set(tops)) == 1                    # side by side, not one under the other
    actor.locator(".side", has_text="Daily Two").locator("a.evidence").click()
    page.wait_for_selector("#article-text mark.hl")
    assert "".join(page.locator("#article-text mark.hl").all_inner_texts()) == STRIKE_DAILY
    assert page.errors == []


def test_incident_page_disputes_name_values_and_hide_wording_variants(page, base_url):
    _open(page, base_url, f"incident/{handmade.CLUSTER}", "section.incident-page .contradiction")
    fields = page.locator("section.incident-page .contradiction h2").all_inner_texts()
    assert sorted(fields) == ["actor", "fatalities"]        # the wording variant is hidden
    values = page.locator("section.incident-page .contradiction .value").all_inner_texts()
    assert "Northern Brigades" in values and handmade.BRIGADES not in values
    page.locator("a", has_text="Show 1 wording variant(s)").click()
    page.wait_for_url("**trivial=1**")
    page.wait_for_selector(".contradiction.trivial")
    assert page.errors == []


@pytest.mark.parametrize("route, check", [
    ("events?type=ASSAULT&sort=-date&limit=1&offset=1",
     {"#f-type": "ASSAULT", "pager": "2–2 of 2", "sorted": "Date"}),
    ("incidents?status=contested&sort=-toll", {"#f-status": "contested", "sorted": "Toll", "rows": 1}),
    ("articles?outlet=Wire+One&sort=title&limit=1&offset=1",
     {"#f-outlet": "Wire One", "pager": "2–2 of 2", "sorted": "Title"}),
    ("claims?actor=Nadir&sort=-published", {"#f-actor": "Nadir", "sorted": "Quote", "rows": 1}),
    ("entities?e_sort=name&type=PERSON", {"sorted": "Name", "first": "Karim Nadir", "rows": 1}),
    ("entities?e_sort=type", {"sorted": "Type", "first": "Eastland"}),
    ("outlets?o_sort=-articles", {"sorted": "Articles", "first": "Wire One"}),
    ("outlets?o_sort=outlet", {"sorted": "Outlet", "first": "Daily Two"}),
    (f"entity/{handmade.BRIGADES}?inc_sort=-toll&art_sort=title&rel_sort=predicate",
     {"sorted": "Toll", "first": "2020-01-03"}),
    ("graph?offices=1&kb=1&limit=30", {"graph": "4"}),
    ("timeline?from=2020-01&to=2020-01&ev_sort=-sources", {"#f-from": "2020-01", "sorted": "Evidence"}),
])
def test_reload_restores_filters_sort_and_page(page, base_url, route, check):
    _open(page, base_url, route, "main h1")
    page.wait_for_timeout(200)
    first = _state(page, check)
    page.reload()
    page.wait_for_selector("main h1")
    page.wait_for_timeout(200)
    assert _state(page, check) == first
    for key, want in check.items():
        assert first[key] == want, (key, first)
    assert page.errors == []


def _state(page, check: dict) -> dict:
    out = {}
    for key in check:
        if key.startswith("#"):
            out[key] = page.input_value(key)
        elif key == "pager":
            out[key] = page.locator(".pager .muted").first.inner_text()
        elif key == "sorted":
            out[key] = page.locator("th[aria-sort]").first.text_content().rstrip(" ▲▼")
        elif key == "rows":
            out[key] = page.locator("main table").first.locator("tbody tr").count()
        elif key == "first":
            out[key] = page.locator("main table").first.locator("tbody tr td").first.inner_text()
        elif key == "graph":
            page.wait_for_selector("#graph canvas")
            out[key] = page.get_attribute("#graph", "data-nodes")
    return out


def test_clicks_write_sort_and_page_into_the_url(page, base_url):
    _open(page, base_url, "events?limit=1", ".pager")
    page.locator(".pager button", has_text="Next").click()
    page.wait_for_url("**offset=1**")
    page.locator("th a.sort", has_text="Date").click()
    page.wait_for_url("**sort=-date**")
    assert "limit=1" in page.url
    _open(page, base_url, f"entity/{handmade.NADIR}", "[data-table=rel] th a.sort")
    page.locator("[data-table=rel] th a.sort", has_text="Relation").click()
    page.wait_for_url("**rel_sort=predicate**")
    page.wait_for_selector("[data-table=rel] th[aria-sort=ascending]")
    assert _cells(page, "[data-table=rel]", 2) == sorted(_cells(page, "[data-table=rel]", 2))
    page.locator("[data-table=rel] th a.sort", has_text="Relation").click()
    page.wait_for_url("**rel_sort=-predicate**")
    page.wait_for_selector("[data-table=rel] th[aria-sort=descending]")
    got = _cells(page, "[data-table=rel]", 2)
    assert got == sorted(got, reverse=True) and len(set(got)) > 1
    assert page.errors == []


def test_keyboard_sorts_and_opens_an_incident(page, base_url):
    _open(page, base_url, "incidents", "section.incidents table")
    page.focus("th a.sort >> text=Toll")
    page.keyboard.press("Enter")
    page.wait_for_url("**sort=toll**")
    page.wait_for_selector("th[aria-sort=ascending]")
    _tab_to(page, "section.incidents tbody a")
    page.keyboard.press("Enter")
    page.wait_for_url("**#/incident/**")
    page.wait_for_selector("section.incident-page .outlet")
    _tab_to(page, "section.incident-page .report a.evidence")
    page.keyboard.press("Enter")
    page.wait_for_selector("#article-text mark.hl")
    assert page.errors == []


def _tab_to(page, selector: str, tries: int = 80) -> None:
    for _ in range(tries):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


@pytest.mark.parametrize("route", VIEWS)
def test_tab_reaches_every_view_content(page, base_url, route):
    """From the page top, Tab enters the view and every link, button and field in it
    can take the focus (none is taken out of the tab order)."""
    _open(page, base_url, route)
    page.wait_for_timeout(150)
    page.evaluate("document.activeElement && document.activeElement.blur()")
    _tab_to(page, "main *")
    untabbable = page.evaluate("""() => [...document.querySelectorAll(
        'main a[href], main button, main input, main select, main [onclick]')]
        .filter(e => e.tabIndex < 0 && !e.disabled).map(e => e.outerHTML.slice(0, 80))""")
    assert untabbable == []
    assert page.errors == []
