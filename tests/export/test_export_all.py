"""export_all: every format of a store from one snapshot, the same text as each writer."""
from __future__ import annotations

import io
import json

from newsgraph.export import FORMATS, export_all, write_export
from newsgraph.store import View
from tests import handmade


def test_every_format_as_its_writer_writes_it(tmp_path) -> None:
    db = handmade.build_store(tmp_path / "kb.sqlite")
    got = export_all(db)
    assert list(got) == list(FORMATS)
    assert json.loads(got["json"])["events"]
    buf = io.StringIO()
    write_export(View.open(db), "geojson", buf)
    assert got["geojson"] == buf.getvalue()
