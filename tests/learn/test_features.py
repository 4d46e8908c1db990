"""Candidate features, from hand-made events: re-mention counts, cue counts, types."""
from __future__ import annotations

import numpy as np

from newsgraph.learn import features
from newsgraph.model import DateRef, Event, Evidence

TEXT = ("Rebels attacked a convoy on Monday. The attack killed four. "
        "They did not attack the base and could attack again if talks fail.")


def _event(fragment: str, trigger: str, etype: str = "ASSAULT", dated: bool = False) -> Event:
    start = TEXT.index(fragment)
    ev = Evidence(doc="d", start=start, end=start + len(fragment), text=fragment)
    date = DateRef(start=0, end=1, text="Monday", date="2024-01-01", precision="day")
    return Event(id=f"e{start}", doc="d", type=etype, trigger=trigger, evidence=ev,
                 date=date if dated else None)


def _value(row: list[float], name: str) -> float:
    return row[features.rule_names().index(name)]


def test_re_mentions_are_counted_in_order() -> None:
    events = [_event("Rebels attacked a convoy on Monday.", "attacked", dated=True),
              _event("The attack killed four.", "attack"),
              _event("The attack killed four.", "killed", etype="COERCE")]
    rows = [features.rule_row(c) for c in features.candidates(events, TEXT)]
    assert [_value(r, "earlier_same_type") for r in rows] == [0.0, 1.0, 0.0]
    assert [_value(r, "same_sentence") for r in rows] == [0.0, 1.0, 1.0]
    assert [_value(r, "date_resolved") for r in rows] == [1.0, 0.0, 0.0]
    assert [_value(r, "type_COERCE") for r in rows] == [0.0, 0.0, 1.0]


def test_cues_come_from_the_lexicon_file() -> None:
    fragment = "They did not attack the base and could attack again if talks fail."
    row = features.rule_row(features.candidates([_event(fragment, "attack")], TEXT)[0])
    assert _value(row, "cue_negation") == 1.0
    assert _value(row, "cue_modal") == 1.0
    assert _value(row, "cue_condition") == 1.0
    assert _value(row, "cue_reported") == 0.0


def test_rows_append_the_embedding() -> None:
    cands = features.candidates([_event("The attack killed four.", "attack")], TEXT)
    x = features.rows(cands, np.full((1, 4), 0.5))
    assert x.shape == (1, len(features.rule_names()) + 4)
    assert features.feature_names(embedding_dim=4)[-1] == "emb_3"
