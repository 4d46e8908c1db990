"""Odd folder entries and broken JSON are skips with a reason, never a crash."""
from __future__ import annotations

import json
import os

from newsgraph.model import Skipped

from .helpers import ENGLISH, articles, read


def _reasons(items) -> dict[str, str]:
    return {i.source: i.reason for i in items if isinstance(i, Skipped)}


def test_symlink_loop_dangling_link_and_fifo_are_reported(tmp_path):
    (tmp_path / "ok.txt").write_text(ENGLISH)
    os.symlink("b", tmp_path / "a")
    os.symlink("a", tmp_path / "b")
    os.symlink("missing.txt", tmp_path / "gone.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    items = read(tmp_path)
    reasons = _reasons(items)
    assert reasons["a"] == reasons["b"] == "cannot read: symlink loop"
    assert "dangling symlink" in reasons["gone.txt"]
    assert "FIFO" in reasons["pipe.txt"]
    assert [a.source for a in articles(items)] == ["ok.txt"]


def test_symlink_loop_given_directly(tmp_path):
    os.symlink("b", tmp_path / "a")
    os.symlink("a", tmp_path / "b")
    assert _reasons(read(tmp_path / "a")) == {str(tmp_path / "a"): "symlink loop"}


def test_lone_surrogate_and_deep_nesting_cost_one_line(tmp_path):
    lines = ['{"id": "s", "text": "\\ud800 ' + ENGLISH + '"}',
             '{"text": ' + "[" * 50_000 + "]" * 50_000 + "}",
             json.dumps({"id": "ok", "text": ENGLISH})]
    (tmp_path / "in.jsonl").write_text("\n".join(lines))
    items = read(tmp_path)
    reasons = _reasons(items)
    assert "lone surrogate" in reasons["in.jsonl line 1"]
    assert "nested too deeply" in reasons["in.jsonl line 2"]
    assert [a.source for a in articles(items)] == ["ok"]


def test_deep_meta_line_is_a_warning(tmp_path):
    (tmp_path / "ok.txt").write_text(ENGLISH)
    (tmp_path / "meta.jsonl").write_text('{"file": "ok.txt", "x": ' + "[" * 50_000 + "]" * 50_000 + "}")
    items = read(tmp_path)
    assert "nested too deeply" in _reasons(items)["meta.jsonl line 1"]
    assert len(articles(items)) == 1


def test_duplicate_record_id_is_skipped_with_reason(tmp_path):
    other = ENGLISH.replace("Monday", "Tuesday")
    (tmp_path / "in.jsonl").write_text(json.dumps({"id": "x", "text": ENGLISH}) + "\n"
                                       + json.dumps({"id": "x", "text": other}) + "\n")
    items = read(tmp_path)
    assert [a.text for a in articles(items)] == [ENGLISH]
    assert "duplicate record id" in _reasons(items)["x"]


def test_punctuation_only_text_is_too_short(tmp_path):
    (tmp_path / "dots.txt").write_text("... --- !!! ;;; " * 50)
    assert "too short: 0 words" in _reasons(read(tmp_path))["dots.txt"]


def test_articles_know_their_origin(tmp_path):
    (tmp_path / "ok.txt").write_text(ENGLISH)
    (tmp_path / "in.jsonl").write_text(json.dumps({"id": "r1", "text": ENGLISH + " More."}))
    origins = sorted(a.origin for a in articles(read(tmp_path)))
    assert origins == [f"{tmp_path}/in.jsonl#r1", f"{tmp_path}/ok.txt"]
