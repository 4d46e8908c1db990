"""Claim cues of wire copy: a parenthetical "it said", "as announced by X", "Y cited X
saying", "X reported N injuries" (sentences written for these tests; loads the spaCy
model)."""
from __future__ import annotations

import pytest

from tests.nlp.test_claims import run


@pytest.mark.model
def test_a_parenthetical_attribution_reports_its_host_clause(model):
    claims, _ = run(model, "Zarvania's army said the road was closed. Two more bases were hit, "
                           "the ministry said, and the roads were closed.")
    assert [(c.speaker_text, c.text) for c in claims][-1] == ("the ministry", "Two more bases were hit")


@pytest.mark.model
def test_it_said_between_commas_speaks_for_the_organisation_before(model):
    claims, _ = run(model, "The Velmar Front met on Monday. In addition, it said, several trucks "
                           "had been destroyed in the raid.")
    assert [(c.speaker_text, c.text) for c in claims] == [
        ("it", "several trucks had been destroyed in the raid")]


@pytest.mark.model
def test_as_announced_by_reports_the_clause_it_follows(model):
    claims, _ = run(model, "Five guards were killed in the raid, as announced by the Velmar Front today.")
    assert [(c.speaker_text, c.text) for c in claims] == [
        ("the Velmar Front", "Five guards were killed in the raid")]


@pytest.mark.model
def test_cited_officials_saying_speak_themselves(model):
    claims, _ = run(model, "The agency cited two Zarvani officials saying that the deal had been approved.")
    assert [(c.speaker_text, c.text) for c in claims] == [
        ("two Zarvani officials", "the deal had been approved")]


@pytest.mark.model
def test_a_deal_announced_on_a_day_is_no_speaker(model):
    claims, _ = run(model, "Troops moved in after the deal announced on Monday by both sides.")
    assert claims == []


@pytest.mark.model
def test_a_reported_figure_is_a_claim(model):
    claims, _ = run(model, "The health ministry reported 40 injuries, most of them among the guards.")
    assert [c.speaker_text for c in claims] == ["The health ministry"]
    assert claims[0].text.startswith("40 injuries")


@pytest.mark.model
def test_a_time_after_the_verb_is_no_statement(model):
    claims, _ = run(model, "The agency reported on 28 December, and the talks went on.")
    assert claims == []


@pytest.mark.model
def test_an_as_clause_with_its_own_object_is_no_attribution(model):
    claims, _ = run(model, "As the marchers indicated their resolve to stay, the plan to clear the square failed.")
    assert claims == []
