"""Property tests (hypothesis): ingest never raises whatever the bytes or JSON, and every
offset the per-article step emits slices the stored text to the quoted text."""
from __future__ import annotations

import dataclasses
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.ingest import read_articles
from newsgraph.model import Article, Skipped
from newsgraph.settings import Settings
from tests.shipped import data

from .hostile import GOOD, OTHER

FAST = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
                    | st.text(), lambda inner: st.lists(inner, max_size=4)
                    | st.dictionaries(st.text(max_size=8), inner, max_size=4), max_leaves=12)
FIELDS = st.fixed_dictionaries({}, optional={
    "id": JSON, "title": JSON, "published": st.text(max_size=30) | JSON, "url": JSON,
    "text": st.text(max_size=400) | st.just(GOOD) | JSON, "html": st.text(max_size=200)})


def _read(folder: Path) -> list:
    return list(read_articles([folder], settings=Settings(min_words=3)))


def _check(items: list) -> None:
    for item in items:
        assert isinstance(item, (Article, Skipped))
        if isinstance(item, Article):
            item.text.encode("utf-8")                  # storable text
            assert item.published is None or "1900" <= item.published[:4]
        else:
            assert item.reason


@FAST
@given(content=st.binary(max_size=2000))
def test_any_bytes_in_a_text_file(content):
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "x.txt").write_bytes(content)
        items = _read(Path(tmp))
    _check(items)
    assert len([i for i in items if i.source == "x.txt"]) == 1   # an article or a reason


@FAST
@given(text=st.text(max_size=2000))
def test_text_files_are_stored_unchanged(text):
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "x.txt").write_text(text, encoding="utf-8", errors="surrogatepass")
        items = _read(Path(tmp))
    _check(items)
    for item in items:
        if isinstance(item, Article):
            assert item.text == text.lstrip("\ufeff")


@FAST
@given(records=st.lists(FIELDS | JSON, max_size=5), meta=st.lists(JSON | FIELDS, max_size=3))
def test_any_json_lines_and_meta(records, meta):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "in.jsonl").write_text("\n".join(json.dumps(r) for r in records))
        (folder / "a.txt").write_text(OTHER)
        (folder / "meta.jsonl").write_text("\n".join(json.dumps(m) for m in meta))
        items = _read(folder)
    _check(items)
    assert any(isinstance(i, Article) and i.source == "a.txt" for i in items)


SENTENCES = [
    GOOD, OTHER, "The Northern Brigades denied the report.",
    "Two soldiers were wounded in a blast near Dravik on 2 May 2021, the army said.",
    "“We will not negotiate,” said Colonel Ardan Vesh.", "Talks resumed in Velmar.",
]
NOISE = st.sampled_from([" ", "  ", "\n", "\n\n", "\t", " \u00a0", "\u200b ", "é ", "😀 ", "\r\n"])


def _spans(obj, found: list) -> list:
    """Every (start, end, text) held by a record, however deeply nested."""
    if dataclasses.is_dataclass(obj):
        names = {f.name for f in dataclasses.fields(obj)}
        if {"start", "end", "text"} <= names and isinstance(obj.text, str):
            found.append((obj.start, obj.end, obj.text))
        for name in names:
            _spans(getattr(obj, name), found)
    elif isinstance(obj, (tuple, list)):
        for item in obj:
            _spans(item, found)
    return found


@pytest.mark.model
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(first=NOISE, parts=st.lists(st.tuples(st.sampled_from(SENTENCES), NOISE), max_size=5))
def test_evidence_is_a_slice_of_the_stored_text(first, parts):
    from newsgraph.ids import article_id
    from newsgraph.model import ArticleRecords
    from newsgraph.nlp.runner import analyse_batch
    # the first sentence always names an actor, a place and a date, so there are spans
    text = SENTENCES[3] + first + "".join(s + n for s, n in parts)
    article = Article(id=article_id(text), source="p.txt", text=text)
    [records] = analyse_batch([article], Settings(), data=data())
    assert isinstance(records, ArticleRecords)
    spans = _spans(records, [])
    assert spans, "the sentences name actors, places and dates"
    for start, end, quoted in spans:
        assert text[start:end] == quoted
