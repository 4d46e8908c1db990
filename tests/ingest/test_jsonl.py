"""JSONL input: records with text or html, broken lines, streaming."""
from __future__ import annotations

import json
from pathlib import Path

from newsgraph.ingest import InputWarning

from .helpers import ENGLISH, articles, only_skip, read, skipped


def test_records_with_text_and_html(fixtures: Path) -> None:
    items = read(fixtures / "articles.jsonl")
    assert skipped(items) == []
    first, second, third = articles(items)
    assert first.source == "wire-001" and first.title == "Ceasefire holds"
    assert first.text.startswith("A ceasefire agreed on Friday")
    assert (first.publisher, first.published) == ("Example Wire", "2020-03-01")
    assert second.source == "wire-002" and "aid convoy of twelve trucks" in second.text
    assert "Home | World" not in second.text and "Copyright" not in second.text
    assert third.source == "articles.jsonl#3" and third.url == "https://example.org/wire/3"


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_broken_line_is_reported_and_the_next_lines_read(tmp_path: Path) -> None:
    good = json.dumps({"text": ENGLISH})
    path = _write(tmp_path / "feed.jsonl", [good, '{"text": "unterminated', json.dumps({"text": ENGLISH + " Again."})])
    items = read(path)
    assert len(articles(items)) == 2
    (skip,) = skipped(items)
    assert skip.source == "feed.jsonl line 2" and skip.reason.startswith("invalid JSON: ")


def test_record_without_text_or_html(tmp_path: Path) -> None:
    path = _write(tmp_path / "feed.jsonl", [json.dumps({"id": "x", "title": "No body"})])
    skip = only_skip(read(path))
    assert skip.source == "feed.jsonl line 1" and skip.reason == 'record has neither "text" nor "html"'


def test_record_of_the_wrong_shape(tmp_path: Path) -> None:
    path = _write(tmp_path / "feed.jsonl", ["[1, 2]", json.dumps({"text": 42})])
    reasons = [s.reason for s in skipped(read(path))]
    assert reasons == ["expected a JSON object, got a list", '"text" should be a string, got a int']


def test_empty_record_text(tmp_path: Path) -> None:
    path = _write(tmp_path / "feed.jsonl", [json.dumps({"id": "e", "text": ""})])
    assert only_skip(read(path)).reason == "record text is empty"


def test_bad_published_is_a_warning_not_a_skip(tmp_path: Path) -> None:
    path = _write(tmp_path / "feed.jsonl", [json.dumps({"text": ENGLISH, "published": "soon"})])
    items = read(path)
    (article,) = articles(items)
    assert article.published is None
    (warning,) = skipped(items)
    assert isinstance(warning, InputWarning) and "soon" in warning.reason


def test_invalid_utf8_line(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_bytes(b'{"text": "caf\xe9"}\n' + json.dumps({"text": ENGLISH}).encode() + b"\n")
    items = read(path)
    assert len(articles(items)) == 1
    assert "not valid UTF-8" in skipped(items)[0].reason


def test_large_jsonl_is_streamed_and_overlong_lines_skipped(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        fh.write(json.dumps({"text": "x " * 100_000}) + "\n")          # a line over the byte limit
        fh.write(json.dumps({"id": "long", "text": "y " * 30_000}) + "\n")  # a text over max_chars
        for n in range(300):
            fh.write(json.dumps({"id": f"n{n}", "text": f"Item {n}. {ENGLISH}"}) + "\n")
    items = read(path, max_chars=20_000)            # the file is ~15 times max_chars
    assert len(articles(items)) == 300
    line, text = skipped(items)
    assert line.source == "big.jsonl line 1" and "line is too long" in line.reason
    assert text.source == "long" and "text is too long (60,000 characters" in text.reason


def test_jsonl_in_a_folder(fixtures: Path, tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "feed.jsonl").write_bytes((fixtures / "articles.jsonl").read_bytes())
    sources = [a.source for a in articles(read(tmp_path))]
    assert sources == ["wire-001", "wire-002", "sub/feed.jsonl#3"]
