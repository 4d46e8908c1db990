"""Article metadata (url, title, publisher, published) from meta.jsonl sidecars and records.

Bad metadata never costs an article: a bad value is dropped and reported as an
`InputWarning`, and the article is kept without it.
"""
from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Iterator

from ..model import DATACLASS, Skipped

log = logging.getLogger(__name__)

FIELDS = ("url", "title", "publisher", "published")
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}(?:$|[T ])")
HAS_YEAR = re.compile(r"\b\d{4}\b")
DATEPARSER_SETTINGS = {"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DATES_FROM": "past"}
META_FILE = "meta.jsonl"
EARLIEST_YEAR = 1900           # earlier publication dates are typos or placeholders


@dataclass(**DATACLASS)   # the same options as Skipped (frozen, slots, kw_only)
class InputWarning(Skipped):
    """A problem in the input that did not cost an article (e.g. a bad meta value).

    It is a `Skipped` so that anything reporting skips also reports it; check
    `isinstance(item, InputWarning)` first to file it under warnings instead.
    """


@dataclass(frozen=True, slots=True, kw_only=True)
class Meta:
    url: str | None = None
    title: str | None = None
    publisher: str | None = None
    published: str | None = None   # YYYY-MM-DD


def parse_meta(record: dict, *, where: str) -> tuple[Meta, list[InputWarning]]:
    """Metadata fields of a JSON record; bad values become None plus a warning."""
    values: dict[str, str | None] = {}
    warnings: list[InputWarning] = []
    for name in FIELDS:
        value = record.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        if not isinstance(value, str):
            warnings.append(InputWarning(
                source=where, reason=f"{name} should be a string, got {type(value).__name__}; ignored"))
            continue
        if not _encodable(value):
            warnings.append(InputWarning(
                source=where, reason=f"{name} holds a lone surrogate escape (not valid text); ignored"))
            continue
        if name == "published":
            value, problem = normalise_published(value)
            if problem:
                warnings.append(InputWarning(source=where, reason=problem))
        values[name] = value.strip() if value else None
    return Meta(**values), warnings


def _encodable(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def normalise_published(value: str) -> tuple[str | None, str | None]:
    """(YYYY-MM-DD or None, problem or None) for a publication date as written."""
    text = value.strip()
    if ISO_DAY.match(text):
        try:
            return plausible(date.fromisoformat(text[:10]), value)
        except ValueError:
            return None, f"published date {value!r} is not a valid calendar date; left empty"
    if HAS_YEAR.search(text):
        import dateparser  # slow to import; only needed for unusual formats
        try:
            parsed = dateparser.parse(text, languages=["en"], settings=DATEPARSER_SETTINGS)
        except (ValueError, OverflowError, RecursionError):
            parsed = None
        if parsed is not None:
            return plausible(parsed.date(), value)
    return None, f"published date {value!r} is not a full date (day, month, year); left empty"


def plausible(day: date, value: str) -> tuple[str | None, str | None]:
    """(day, None) for a date between EARLIEST_YEAR and the time of the build (plus
    one day for time zones); else (None, the problem)."""
    latest = datetime.now(timezone.utc).date() + timedelta(days=1)
    if day.year < EARLIEST_YEAR:
        return None, f"published date {value!r} is before {EARLIEST_YEAR}; left empty"
    if day > latest:
        return None, f"published date {value!r} is in the future; left empty"
    return day.isoformat(), None


def merge(first: Meta, second: Meta) -> Meta:
    """Field by field: the value of `first`, else the value of `second`."""
    return Meta(**{name: getattr(first, name) or getattr(second, name) for name in FIELDS})


def load_folder_meta(folder: Path, *, label: str) -> tuple[dict[str, tuple[Meta, str]], list[InputWarning]]:
    """The folder's meta.jsonl as {file path relative to folder: (Meta, where)}.

    `label` names the meta file in reports. A missing meta.jsonl gives {}; broken
    lines are reported and skipped.
    """
    path = folder / META_FILE
    found: dict[str, tuple[Meta, str]] = {}
    warnings: list[InputWarning] = []
    if not path.is_file():
        return found, warnings
    for number, record, problem in _records(path):
        where = f"{label} line {number}" if number else label
        if problem:
            warnings.append(InputWarning(source=where, reason=problem))
            continue
        name = record.get("file")
        if not isinstance(name, str) or not name.strip():
            warnings.append(InputWarning(source=where, reason='meta line has no "file" name; ignored'))
            continue
        meta, bad = parse_meta(record, where=where)
        warnings.extend(bad)
        key = Path(name.strip()).as_posix()
        if key in found:
            warnings.append(InputWarning(
                source=where, reason=f"second meta line for {key}; the first one ({found[key][1]}) is used"))
            continue
        found[key] = (meta, where)
    return found, warnings


def _records(path: Path) -> Iterator[tuple[int, dict, str | None]]:
    """(line number, record, problem) for each non-blank line of a small JSONL file."""
    try:
        with path.open("rb") as fh:
            lines = list(fh)
    except OSError as exc:
        yield 0, {}, f"cannot read {META_FILE}: {exc.strerror or exc}"
        return
    for number, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        try:
            record = json.loads(raw.decode("utf-8-sig" if number == 1 else "utf-8"))
        except UnicodeDecodeError as exc:
            yield number, {}, f"not valid UTF-8 (byte offset {exc.start} in the line); line ignored"
            continue
        except json.JSONDecodeError as exc:
            yield number, {}, f"invalid JSON: {exc}; line ignored"
            continue
        except RecursionError:
            yield number, {}, "invalid JSON: nested too deeply; line ignored"
            continue
        if not isinstance(record, dict):
            yield number, {}, f"expected a JSON object, got {type(record).__name__}; line ignored"
            continue
        yield number, record, None
