"""HTML pages: boilerplate removal, metadata, pages without an article."""
from __future__ import annotations

from pathlib import Path

import trafilatura

from .helpers import ENGLISH, articles, only_skip, read

BOILERPLATE = ("cookies", "Subscribe now", "Leave a Reply", "Zebracorn", "Log Out",
               "Most read", "Transfer window", "All rights reserved", "Privacy policy")


def test_boilerplate_removed_body_kept(fixtures: Path) -> None:
    (article,) = articles(read(fixtures / "page.html"))
    assert "Hundreds of dock workers walked off the job" in article.text
    assert "pushed up the price of imported flour" in article.text
    for junk in BOILERPLATE:
        assert junk not in article.text, junk


def test_text_is_what_trafilatura_extracts(fixtures: Path) -> None:
    html = (fixtures / "page.html").read_text(encoding="utf-8")
    (article,) = articles(read(fixtures / "page.html"))
    assert article.text == trafilatura.extract(html, include_comments=False, favor_precision=True)


def test_metadata_from_the_page(fixtures: Path) -> None:
    (article,) = articles(read(fixtures / "page.html"))
    assert article.title == "Port workers strike over unpaid wages"
    assert article.published == "2021-03-14"
    assert article.publisher == "The Harbour Gazette"
    assert article.source == "page.html"


def test_meta_jsonl_wins_over_the_page(fixtures: Path, tmp_path: Path) -> None:
    (tmp_path / "p.html").write_bytes((fixtures / "page.html").read_bytes())
    (tmp_path / "meta.jsonl").write_text(
        '{"file": "p.html", "title": "Dockers strike", "published": "2021-03-15"}\n', encoding="utf-8")
    (article,) = articles(read(tmp_path))
    assert (article.title, article.published) == ("Dockers strike", "2021-03-15")
    assert article.publisher == "The Harbour Gazette"


def test_page_without_article_text(tmp_path: Path) -> None:
    (tmp_path / "broken.html").write_text("<html><body><div><nav>Home</nav></span></td><p", encoding="utf-8")
    skip = only_skip(read(tmp_path))
    assert skip.source == "broken.html" and skip.reason.startswith("no article text found in HTML")


def test_html_in_legacy_encoding(tmp_path: Path) -> None:
    body = ENGLISH.replace("capital", "capital café") * 3
    html = f'<html><head><meta charset="windows-1252"></head><body><article><p>{body}</p></article></body></html>'
    (tmp_path / "legacy.html").write_bytes(html.encode("cp1252"))
    (article,) = articles(read(tmp_path))
    assert "capital café" in article.text


def test_binary_html_file(tmp_path: Path) -> None:
    (tmp_path / "x.htm").write_bytes(b"\x00\x01\x02" * 100)
    assert "binary" in only_skip(read(tmp_path)).reason
