"""The shared seed corpus (skipped when /work/main/../shared is absent)."""
from __future__ import annotations

import json
from pathlib import Path

from .helpers import articles, read


def test_seeds_read_with_their_metadata(shared: Path) -> None:
    folder = shared / "corpus" / "seeds"
    meta = {}
    for line in (folder / "meta.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        meta[record["file"]] = record
    items = read(folder)
    found = articles(items)
    assert len(found) == 5 and len(items) == 5
    for article in found:
        expected = meta[article.source]
        assert article.publisher == expected["publisher"]
        assert article.published == expected["published"]
        assert article.text == (folder / article.source).read_text(encoding="utf-8")
    assert [a.source for a in found] == sorted(meta)
