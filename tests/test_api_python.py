"""The Python API of the package root: build, open_store, query, export."""
from __future__ import annotations

import csv
import json

import pytest

import newsgraph
from newsgraph.errors import UsageError
from tests import handmade


def test_open_store_query_and_export(tmp_path):
    db = handmade.build_store(tmp_path / "kb.sqlite")
    view = newsgraph.open_store(db)
    names = {e["name"] for e in newsgraph.query.entities(view)}
    assert {"Karim Nadir", "Northern Brigades"} <= names
    newsgraph.export_file(view, "json", tmp_path / "kb.json")
    exported = json.loads((tmp_path / "kb.json").read_text(encoding="utf-8"))
    assert len(exported["events"]) == 3
    newsgraph.export_file(view, "acled", tmp_path / "events.csv")
    reader = csv.DictReader((tmp_path / "events.csv").open(encoding="utf-8"))
    # ACLED's 31 columns; the handmade places are in the user-assigned country XX,
    # which ACLED has no name for, so no event gets a row (tests/export covers rows)
    assert len(reader.fieldnames) == 31 and reader.fieldnames[-1] == "timestamp"
    assert list(reader) == []


def test_unknown_attribute_and_format_are_errors(tmp_path):
    with pytest.raises(AttributeError):
        newsgraph.nothing_here  # noqa: B018
    view = newsgraph.open_store(handmade.build_store(tmp_path / "kb.sqlite"))
    with pytest.raises(UsageError, match="pdf"):
        newsgraph.export_file(view, "pdf", tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.model
def test_build_reports_what_it_read(tmp_path):
    from tests.conftest import EXAMPLES
    report = newsgraph.build([EXAMPLES], db=tmp_path / "kb.sqlite")
    assert report.articles_read >= 10 and not report.skipped
