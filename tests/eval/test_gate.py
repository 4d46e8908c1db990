"""The quality gate: failures listed, floors never lowered without the flag."""
from __future__ import annotations

import json

import pytest

from newsgraph.errors import QualityGateError
from newsgraph.eval.gate import check, flatten, floor_for, update_baseline

SCORES = {"seeds_dev": {"entities": {"mention_recall": 0.734, "alias_f1": None,
                                     "counts": {"covered": 12}},
                        "documents": {"annotated": 3, "missing": []}}}


def test_flatten_skips_counts_and_non_scores():
    assert flatten(SCORES) == {"seeds_dev.entities.mention_recall": 0.734,
                               "seeds_dev.entities.alias_f1": None}


def test_floor_rounds_down_with_margin():
    assert floor_for(0.734) == 0.72
    assert floor_for(1.0) == 0.99
    assert floor_for(0.0) == 0.0
    assert floor_for(None) == 0.0


def test_check_lists_each_failure():
    baseline = {"floors": {"seeds_dev.entities.mention_recall": 0.80,
                           "seeds_dev.entities.alias_f1": 0.10,
                           "seeds_dev.events.recall": 0.0}}
    failures = check(SCORES, baseline)
    assert len(failures) == 3
    assert any("mention_recall" in f and "0.734" in f for f in failures)
    assert any("alias_f1" in f for f in failures)          # None counts as 0
    assert any("events.recall" in f and "missing" in f for f in failures)


def test_check_passes_at_the_floor():
    assert check(SCORES, {"floors": {"seeds_dev.entities.mention_recall": 0.734}}) == []
    assert check(SCORES, {"seeds_dev.entities.alias_f1": 0.0}) == []


def test_update_writes_floors_and_keeps_others(tmp_path):
    path = tmp_path / "quality" / "baseline.json"
    path.parent.mkdir()
    path.write_text(json.dumps({"floors": {"other.events.f1": 0.5}}))
    floors = update_baseline(SCORES, path)
    written = json.loads(path.read_text())["floors"]
    assert written == floors
    assert written["seeds_dev.entities.mention_recall"] == 0.72
    assert written["other.events.f1"] == 0.5
    assert check(SCORES, json.loads(path.read_text())) == []    # 'other' not scored here


def test_update_refuses_to_lower(tmp_path):
    path = tmp_path / "baseline.json"
    path.write_text(json.dumps({"floors": {"seeds_dev.entities.mention_recall": 0.8}}))
    with pytest.raises(QualityGateError, match="mention_recall"):
        update_baseline(SCORES, path)
    assert json.loads(path.read_text())["floors"]["seeds_dev.entities.mention_recall"] == 0.8
    update_baseline(SCORES, path, allow_lower=True)
    assert json.loads(path.read_text())["floors"]["seeds_dev.entities.mention_recall"] == 0.72


def test_update_keeps_a_floor_the_score_still_clears(tmp_path):
    path = tmp_path / "baseline.json"
    path.write_text(json.dumps({"floors": {"seeds_dev.entities.mention_recall": 0.73}}))
    update_baseline(SCORES, path)
    assert json.loads(path.read_text())["floors"]["seeds_dev.entities.mention_recall"] == 0.73


def test_lower_is_better_metrics_get_a_ceiling(tmp_path):
    scores = {"g": {"events": {"recall": 0.5, "dates_without_gold": 0.234}}}
    path = tmp_path / "baseline.json"
    update_baseline(scores, path)
    body = json.loads(path.read_text())
    assert body["ceilings"] == {"g.events.dates_without_gold": 0.25}
    assert "g.events.dates_without_gold" not in body["floors"]
    assert check(scores, body) == []
    worse = {"g": {"events": {"recall": 0.5, "dates_without_gold": 0.4}}}
    assert any("dates_without_gold" in f and "ceiling" in f for f in check(worse, body))
    with pytest.raises(QualityGateError, match="dates_without_gold"):
        update_baseline(worse, path)
    update_baseline(worse, path, allow_lower=True)
    assert json.loads(path.read_text())["ceilings"]["g.events.dates_without_gold"] == 0.41


def test_split_scores_are_pinned_under_the_gold_name():
    scores = {"nw": {"held-out": {"events": {"recall": 0.7}}}}
    assert flatten(scores) == {"nw.held-out.events.recall": 0.7}
    assert check(scores, {"floors": {"nw.held-out.events.recall": 0.8}})
