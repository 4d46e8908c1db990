"""Claim cues of wire copy: a parenthetical "it said", "as announced by X", "Y cited X
saying", "X reported N injuries" (sentences written for these tests; loads the spaCy
model)."""
from __future__ import annotations

import pytest

from tests.nlp.test_claims import run, spoken


@pytest.mark.model
def test_a_parenthetical_attribution_reports_its_host_clause(model):
    claims, _ = run(model, "Zarvania's army said the road was closed. Two more bases were hit, "
                           "the ministry said, and the roads were closed.")
    assert [(c.speaker_text, c.text) for c in claims][-1] == ("the ministry", "Two more bases were hit")


@pytest.mark.model
def test_a_reported_figure_is_a_claim(model):
    claims, _ = run(model, "The health ministry reported 40 injuries, most of them among the guards.")
    assert [c.speaker_text for c in claims] == ["The health ministry"]
    assert claims[0].text.startswith("40 injuries")


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("The Velmar Front met on Monday. In addition, it said, several trucks had been"
                 " destroyed in the raid.", [("it", "several trucks had been destroyed in the raid")],
                 id="'it said' between commas speaks for the organisation before"),
    pytest.param("Five guards were killed in the raid, as announced by the Velmar Front today.",
                 [("the Velmar Front", "Five guards were killed in the raid")],
                 id="'as announced by' reports the clause it follows"),
    pytest.param("The agency cited two Zarvani officials saying that the deal had been approved.",
                 [("two Zarvani officials", "the deal had been approved")],
                 id="officials cited saying speak themselves"),
    pytest.param("Troops moved in after the deal announced on Monday by both sides.", [],
                 id="a deal announced on a day has no speaker"),
    pytest.param("The agency reported on 28 December, and the talks went on.", [],
                 id="a time after the verb is no statement"),
    pytest.param("As the marchers indicated their resolve to stay, the plan to clear the square"
                 " failed.", [], id="an 'as' clause with its own object is no attribution"),
])
def test_cue(model, text: str, expected: list) -> None:
    assert spoken(model, text) == expected
