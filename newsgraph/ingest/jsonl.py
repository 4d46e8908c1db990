"""Articles from a JSONL file, one JSON object a line, streamed line by line.

A record is {"id", "url", "title", "publisher", "published", "text"} with "html"
allowed instead of "text". A broken line is reported and the next lines are read.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import BinaryIO, Iterator

from ..model import Skipped
from .draft import Draft
from .meta import parse_meta
from .text import byte_limit

CHUNK = 1 << 20


def read_jsonl(path: Path, *, label: str, max_chars: int) -> Iterator[Draft | Skipped]:
    """Drafts (and skips/warnings) for each line of a .jsonl file; memory is bounded
    by the longest accepted line, whatever the file size."""
    limit = byte_limit(max_chars) + 64 * 1024   # room for the JSON around the text
    origin = os.path.abspath(path)
    try:
        fh = path.open("rb")
    except OSError as exc:
        yield Skipped(source=label, reason=f"cannot read file: {exc.strerror or exc}")
        return
    with fh:
        number = 0
        while True:
            try:
                raw = fh.readline(limit + 1)
            except OSError as exc:
                yield Skipped(source=label, reason=f"cannot read file after line {number}: {exc}")
                return
            if not raw:
                return
            number += 1
            where = f"{label} line {number}"
            if len(raw) > limit and not raw.endswith(b"\n"):
                _skip_rest_of_line(fh)
                yield Skipped(source=where, reason=(
                    f"line is too long (over {limit:,} bytes); articles are limited to "
                    f"{max_chars:,} characters (setting max_chars)"))
                continue
            if raw.strip():
                yield from _record(raw, number=number, label=label, where=where, origin=origin)


def _record(raw: bytes, *, number: int, label: str, where: str,
            origin: str) -> Iterator[Draft | Skipped]:
    try:
        record = json.loads(raw.decode("utf-8-sig" if number == 1 else "utf-8"))
    except UnicodeDecodeError as exc:
        yield Skipped(source=where, reason=f"not valid UTF-8 (bad byte at offset {exc.start} in the line)")
        return
    except json.JSONDecodeError as exc:
        yield Skipped(source=where, reason=f"invalid JSON: {exc}")
        return
    except RecursionError:
        yield Skipped(source=where, reason="invalid JSON: nested too deeply")
        return
    if not isinstance(record, dict):
        yield Skipped(source=where, reason=f"expected a JSON object, got {_kind(record)}")
        return
    key, content = _content(record)
    if key is None:
        yield Skipped(source=where, reason='record has neither "text" nor "html"')
        return
    if not isinstance(content, str):
        yield Skipped(source=where, reason=f'"{key}" should be a string, got {_kind(content)}')
        return
    if bad := unencodable(record, (key, "id")):   # metadata: parse_meta warns instead
        yield Skipped(source=where, reason=f'"{bad}" holds a lone surrogate escape (like '
                      '\\ud800), which is not valid Unicode text')
        return
    meta, warnings = parse_meta(record, where=where)
    yield from warnings
    source = _source(record, label=label, number=number)
    yield Draft(source=source, content=content, kind="html" if key == "html" else "text",
                meta=meta, record=True, origin=f"{origin}#{source}")


def unencodable(record: dict, keys: tuple[str, ...]) -> str | None:
    """The first of `keys` whose string value cannot be written as UTF-8 (a lone
    surrogate such as "\\ud800" is valid JSON but not valid text)."""
    for key in keys:
        value = record.get(key)
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                return key
    return None


def _content(record: dict) -> tuple[str | None, object]:
    for key in ("text", "html"):
        if record.get(key) is not None:
            return key, record[key]
    return None, None


def _source(record: dict, *, label: str, number: int) -> str:
    """The record's own id when it has one, else "file.jsonl#line"."""
    ident = record.get("id")
    if isinstance(ident, (str, int)) and not isinstance(ident, bool) and str(ident).strip():
        return str(ident).strip()
    return f"{label}#{number}"


def _skip_rest_of_line(fh: BinaryIO) -> None:
    while chunk := fh.readline(CHUNK):
        if chunk.endswith(b"\n"):
            return


def _kind(value: object) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean",
            type(None): "null"}.get(type(value), f"a {type(value).__name__}")
