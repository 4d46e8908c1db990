"""Trigger coverage of mainstream news wording (issue 12): captures, deals, rounds of
talks, prisoner exchanges, praise, broken ties and public statements, on sentences written for
these tests, and the same words where they tell no event."""
from __future__ import annotations

import pytest

from tests.nlp.test_events import _run, parse  # noqa: F401  (the module's model fixture)

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, ptype", [
    ("Rebel fighters captured three villages east of Maradi on Monday.", "COERCE"),
    ("The two governments reached a deal on water rights in Maradi on Monday.", "AGREE"),
    ("A prisoner swap between the two rivals took place in Maradi on Monday.", "CONCEDE"),
    ("The kingdom broke off ties with its neighbour on Monday.", "SANCTION"),
    ("The president praised the ceasefire in a speech in Maradi on Monday.", "SUPPORT"),
    ("Envoys from both sides held a new round of talks in Maradi on Monday.", "CONSULT"),
    ("The interior ministry issued a statement on the unrest in Maradi on Monday.", "OTHER"),
])
def test_news_wording_is_an_event(parse, text: str, ptype: str) -> None:  # noqa: F811
    events, _ = _run(parse, text, places=["Maradi"] if "Maradi" in text else [],
                     dates=[("Monday", "2021-03-08")])
    assert ptype in [e.type for e in events]


@pytest.mark.parametrize("text", [
    "Police captured the scene on camera.",
    "The ministry said it would not reach a deal with the union.",
    "The spokesman refused to issue a statement.",
    "Shareholders receive a statement of accounts every quarter.",
])
def test_same_words_without_an_event(parse, text: str) -> None:  # noqa: F811
    events, _ = _run(parse, text)
    assert not [e for e in events if e.type in ("COERCE", "AGREE", "OTHER")]


def test_other_events_get_no_mode(parse) -> None:  # noqa: F811
    events, _ = _run(parse, "On Monday the army said in a statement that the road was open.",
                     dates=[("Monday", "2021-03-08")])
    assert [(e.type, e.mode) for e in events] == [("OTHER", None)]
