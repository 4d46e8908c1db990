"""Incidents in the store (migration 006): write <-> read round trips (the model <-> JSON
one a property test), filtered pages."""
from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from newsgraph.model import Evidence, Figure, Incident, Location, Outlet, Participant, Reported
from newsgraph.resolve.incidents import build_incidents
from newsgraph.store import View, Writer, connect
from newsgraph.store.incident_rows import incident_from_json, incident_to_json
from newsgraph.store.browse import BrowseView
from tests import handmade


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return handmade.build_store(tmp_path_factory.mktemp("inc") / "kb.sqlite")


def expected():
    recs, res = handmade.records()
    return build_incidents([e for r in recs for e in r.events], [r.article for r in recs], res)


def test_round_trip_gives_back_the_model_objects(db):
    stored = View.open(db).incidents()
    assert stored == sorted(expected(), key=lambda i: (i.date_from is None, i.date_from, i.id))
    strike = next(i for i in stored if i.id == handmade.CLUSTER)
    assert len(strike.events) == 2 and strike.status == "contested"
    assert {f.value for f in strike.figures} == {10, 12}


def test_resolve_replaces_the_incidents(tmp_path):
    path = handmade.build_store(tmp_path / "kb.sqlite")
    conn = connect(path)
    _, res = handmade.records()
    Writer(conn).write_resolution(dataclasses.replace(res, incidents=expected()[:1]))
    assert [i.id for i in View(conn).incidents()] == [expected()[0].id]
    assert conn.execute("SELECT count(*) FROM incident_events").fetchone()[0] == len(
        expected()[0].events)


@pytest.mark.parametrize("filters, ids", [
    ({"status": "contested"}, {handmade.CLUSTER}),
    ({"type": "protest"}, {"PROTEST"}),
    ({"place": "mosu"}, {handmade.CLUSTER}),
    ({"date_from": "2020-01", "date_to": "2020-12-31"}, {handmade.CLUSTER}),
    ({"date_to": "2019-12-31"}, {"PROTEST"}),
    ({"actor": handmade.BRIGADES}, {handmade.CLUSTER}),
    ({"actor": handmade.NADIR}, set()),
])
def test_incident_page_filters(db, filters, ids):
    total, found = BrowseView.open(db).incident_page(**filters)
    assert total == len(found)
    assert {i.id if i.id == handmade.CLUSTER else i.type for i in found} == ids


def test_incident_page_pages(db):
    view = BrowseView.open(db)
    total, first = view.incident_page(limit=1)
    _, second = view.incident_page(limit=1, offset=1)
    assert total == 2 and first[0].id != second[0].id


_text = st.text(max_size=12)
_evidence = st.builds(Evidence, doc=_text, start=st.integers(0, 99), end=st.integers(0, 99),
                      text=_text)
_reported = st.builds(Reported, value=_text, outlet=_text, doc=_text, event=_text,
                      evidence=st.none() | _evidence)
_incident = st.builds(
    Incident, id=_text, events=st.tuples(_text), type=_text, headline=_text,
    date_from=st.none() | _text, dates=st.tuples(_reported), places=st.tuples(_reported),
    place=st.none() | st.builds(Location, name=_text, country=st.none() | _text,
                                evidence=st.none() | _evidence),
    actors=st.tuples(st.builds(Participant, name=_text, entity=st.none() | _text,
                               outlets=st.tuples(_text))),
    figures=st.tuples(st.builds(Figure, kind=_text, value=st.integers(0, 10**6), outlet=_text,
                                doc=_text, event=_text, speaker=st.none() | _text,
                                evidence=st.none() | _evidence)),
    outlets=st.tuples(st.builds(Outlet, name=_text, docs=st.tuples(_text, _text),
                                also=st.tuples(_text))))


@hsettings(max_examples=50, deadline=None)
@given(_incident)
def test_incident_json_round_trip(incident):
    assert incident_from_json(incident_to_json(incident)) == incident
