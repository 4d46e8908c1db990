"""Plain-text files: encodings, binary, empty, size, unreadable."""
from __future__ import annotations

import codecs
import pathlib
from pathlib import Path

import pytest

from .helpers import ENGLISH, articles, only_skip, read


def test_utf8_bom_is_removed(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(codecs.BOM_UTF8 + ENGLISH.encode("utf-8"))
    (article,) = articles(read(path))
    assert article.text == ENGLISH


def test_utf16_with_bom_is_read(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes(ENGLISH.encode("utf-16"))
    (article,) = articles(read(path))
    assert article.text == ENGLISH


def test_crlf_and_typographic_characters_unchanged(tmp_path: Path) -> None:
    text = "Kata’ib “strike” — 10 killed\r\n" + ENGLISH.replace(". ", ".\r\n")
    path = tmp_path / "crlf.txt"
    path.write_bytes(text.encode("utf-8"))
    (article,) = articles(read(path))
    assert article.text == text
    start = text.index("“strike”")
    assert article.text[start:start + 8] == "“strike”"


def test_invalid_utf8_reports_the_byte_offset(tmp_path: Path) -> None:
    data = ENGLISH.encode("utf-8")
    path = tmp_path / "latin1.txt"
    path.write_bytes(data[:50] + "café".encode("latin-1") + data[50:])
    skip = only_skip(read(path))
    assert skip.source == "latin1.txt"
    assert "not valid UTF-8" in skip.reason and "byte offset 53" in skip.reason


def test_invalid_utf8_after_bom_counts_the_bom(tmp_path: Path) -> None:
    path = tmp_path / "bom_bad.txt"
    path.write_bytes(codecs.BOM_UTF8 + b"abc\xff" + ENGLISH.encode())
    assert "byte offset 6" in only_skip(read(path)).reason


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    assert "binary" in only_skip(read(path)).reason


def test_mostly_control_bytes_is_binary(tmp_path: Path) -> None:
    path = tmp_path / "blob.txt"
    path.write_bytes(bytes(range(1, 32)) * 50 + ENGLISH.encode())
    assert "binary" in only_skip(read(path)).reason


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    assert only_skip(read(tmp_path)).reason == "file is empty"


def test_whitespace_only(tmp_path: Path) -> None:
    (tmp_path / "blank.txt").write_text(" \n\t\r\n  \u00a0\n", encoding="utf-8")
    assert "only whitespace" in only_skip(read(tmp_path)).reason


def test_huge_file_is_rejected_without_reading_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:                 # 50 MB sparse file: no disk, no memory
        fh.truncate(50_000_000)
    opened: list[Path] = []
    real_open = pathlib.Path.open

    def spy(self: Path, *args: object, **kwargs: object):
        opened.append(self)
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(pathlib.Path, "open", spy)
    skip = only_skip(read(path))
    assert "too large (50.0 MB)" in skip.reason and "max_chars" in skip.reason
    assert path not in opened


def test_text_longer_than_max_chars(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text(ENGLISH * 3, encoding="utf-8")      # under 4 x limit in bytes, over in chars
    skip = only_skip(read(path, max_chars=len(ENGLISH) * 2))
    assert "too long" in skip.reason and "max_chars" in skip.reason


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "ok.txt").write_text(ENGLISH, encoding="utf-8")
    locked = tmp_path / "locked.txt"
    locked.write_text(ENGLISH + " Locked.", encoding="utf-8")
    real_open = pathlib.Path.open

    def deny(self: Path, *args: object, **kwargs: object):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(pathlib.Path, "open", deny)
    items = read(tmp_path)
    assert [a.source for a in articles(items)] == ["ok.txt"]
    (skip,) = [x for x in items if x.source == "locked.txt"]
    assert skip.reason == "cannot read file: Permission denied"
