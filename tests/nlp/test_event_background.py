"""A happening named as another's cause or background does not take the date the
main clause states (sentences written for these tests)."""
from __future__ import annotations

from newsgraph.nlp.events.background import cause_before, date_outside
from tests.shipped import data

PHRASES = data().grouping.background_phrases
WINDOW = data().grouping.reply_window


def _outside(text: str, date: str, trigger: str) -> bool:
    return date_outside(text, date_start=text.index(date), sent_start=0,
                        trigger_at=text.index(trigger), phrases=PHRASES, window=WINDOW)


def test_the_main_clause_date_stays_with_the_main_clause() -> None:
    text = "Troops shelled the hills on Friday in retaliation for an ambush on a convoy."
    assert _outside(text, "on Friday", "ambush")
    assert not _outside(text, "on Friday", "shelled")


def test_a_date_inside_the_cause_phrase_is_the_embedded_happening_s() -> None:
    text = "The raid came days after a March 3 ambush on a convoy."
    assert not _outside(text, "March 3", "ambush")


def test_a_clause_break_ends_the_cause_phrase() -> None:
    text = "On Sunday, in response to the vote, crowds marched in the capital."
    assert cause_before(text, 0, text.index("marched"), PHRASES, window=WINDOW) is None
    assert not _outside(text, "On Sunday", "marched")
