"""Folders, meta.jsonl sidecars, single files, order."""
from __future__ import annotations

import shutil
from pathlib import Path

from newsgraph.ingest import InputWarning, read_articles
from newsgraph.model import Article
from newsgraph.settings import Settings

from .helpers import ENGLISH, articles, only_skip, read, skipped


def test_folder_with_meta(fixtures: Path) -> None:
    items = read(fixtures / "folder")
    found = {a.source: a for a in articles(items)}
    assert sorted(found) == ["a_ministers.txt", "c_talks.htm", "sub/b_floods.txt"]
    assert skipped(items) == []                      # readme.md is silently not an article
    a = found["a_ministers.txt"]
    assert (a.url, a.publisher, a.published) == ("https://example.org/politics/1", "Example Daily", "2020-02-04")
    b = found["sub/b_floods.txt"]
    assert (b.title, b.publisher, b.published) == ("Floods cut power in the capital", "Example Wire", "2020-02-05")
    c = found["c_talks.htm"]
    assert c.publisher == "Example Radio" and c.published == "2020-02-06"
    assert c.title == "Talks resume in the capital"       # from the page, meta has none
    assert "Home" not in c.text and "prisoners" in c.text


def test_txt_text_is_the_file_unchanged(fixtures: Path) -> None:
    path = fixtures / "folder" / "a_ministers.txt"
    (article,) = articles(read(path))
    assert article.text == path.read_text(encoding="utf-8")
    quote = article.text.index("“We will not vote")
    assert article.text[quote:quote + 2] == "“W"      # typographic quotes kept, offsets hold
    assert article.source == "a_ministers.txt"
    assert article.publisher == "Example Daily"        # sibling meta.jsonl used for a single file


def test_title_from_first_line_without_meta(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("Strike at the port\n\n" + ENGLISH, encoding="utf-8")
    (tmp_path / "y.txt").write_text(ENGLISH + "\n" + ENGLISH.upper(), encoding="utf-8")
    found = {a.source: a for a in articles(read(tmp_path))}
    assert found["x.txt"].title == "Strike at the port"
    assert found["x.txt"].text.startswith("Strike at the port\n\n")
    assert found["y.txt"].title is None                 # a long first line is not a title


def test_same_order_twice(fixtures: Path, tmp_path: Path) -> None:
    for name in ("b.txt", "a.txt", "c/a.txt", "B.txt", "c/0.txt"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(f"{name}\n{ENGLISH}", encoding="utf-8")
    first = [x.source for x in read(tmp_path, fixtures / "articles.jsonl")]
    second = [x.source for x in read(tmp_path, fixtures / "articles.jsonl")]
    assert first == second
    assert first[:5] == ["B.txt", "a.txt", "b.txt", "c/0.txt", "c/a.txt"]


def test_missing_path_does_not_stop_the_rest(fixtures: Path) -> None:
    items = read("/no/such/folder", fixtures / "folder" / "a_ministers.txt")
    skip = skipped(items)[0]
    assert skip.source == "/no/such/folder" and "not found" in skip.reason
    assert len(articles(items)) == 1


def test_unsupported_single_file(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.4")
    skip = only_skip(read(path))
    assert "unsupported file type '.pdf'" in skip.reason


def test_meta_with_broken_line_is_reported_and_the_rest_used(fixtures: Path, tmp_path: Path) -> None:
    shutil.copy(fixtures / "folder" / "a_ministers.txt", tmp_path / "a.txt")
    (tmp_path / "meta.jsonl").write_text(
        '{"file": "a.txt", "publisher": "Good Meta"\n'        # broken: no closing brace
        '{"file": "a.txt", "publisher": "Example Daily", "published": "2020-02-31"}\n'
        '{"file": "gone.txt", "publisher": "Nobody"}\n', encoding="utf-8")
    items = read(tmp_path)
    (article,) = articles(items)
    assert article.publisher == "Example Daily"
    assert article.published is None                      # invalid date dropped, article kept
    warnings = [x for x in items if isinstance(x, InputWarning)]
    reasons = {w.source: w.reason for w in warnings}
    assert "invalid JSON" in reasons["meta.jsonl line 1"]
    assert "not a valid calendar date" in reasons["meta.jsonl line 2"]
    assert "gone.txt, but there is no such article file" in reasons["meta.jsonl line 3"]
    assert all(not isinstance(x, Article) for x in warnings)


def test_published_formats_normalised(tmp_path: Path) -> None:
    values = {"a": "2020-01-03T10:00:00Z", "b": "January 3, 2020", "c": "Fri, 03 Jan 2020 10:00:00 GMT",
              "d": "2020-01", "e": "yesterday", "f": 20200103}
    lines = []
    for name, value in values.items():
        (tmp_path / f"{name}.txt").write_text(f"{name} {ENGLISH}", encoding="utf-8")
        lines.append(f'{{"file": "{name}.txt", "published": {value!r}}}'.replace("'", '"'))
    (tmp_path / "meta.jsonl").write_text("\n".join(lines), encoding="utf-8")
    items = read(tmp_path)
    dates = {a.source: a.published for a in articles(items)}
    assert dates == {"a.txt": "2020-01-03", "b.txt": "2020-01-03", "c.txt": "2020-01-03",
                     "d.txt": None, "e.txt": None, "f.txt": None}
    assert len([x for x in items if isinstance(x, InputWarning)]) == 3


def test_sources_are_read_lazily(fixtures: Path) -> None:
    def sources():
        yield fixtures / "folder" / "a_ministers.txt"
        raise AssertionError("the second source was asked for before the first article")

    stream = read_articles(sources(), settings=Settings())
    first = next(stream)
    assert isinstance(first, Article) and first.source == "a_ministers.txt"
