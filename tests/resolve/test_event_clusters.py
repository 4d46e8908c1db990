"""Clustering event reports across articles and the contradictions between them."""
from __future__ import annotations

from newsgraph.model import DateRef, Event, Evidence, Location
from newsgraph.resolve.events import cluster_events, event_contradictions

TOWN = Location(name="Koro", country="XX", admin1="North", kind="city")
OTHER_TOWN = Location(name="Lanto", country="XX", admin1="South", kind="city")
COUNTRY = Location(name="Xland", country="XX", kind="country")


def ev(eid: str, doc: str, *, type: str = "ASSAULT", mode: str | None = "drone",
       date: str | None = "2021-03-07", loc: Location | None = TOWN,
       actors: tuple[str, ...] = (), fatalities: int | None = None, start: int = 0) -> Event:
    d = DateRef(start=0, end=5, text="x", date=date, precision="day") if date else None
    return Event(id=eid, doc=doc, type=type, mode=mode, date=d, location=loc, actors=actors,
                 fatalities=fatalities,
                 evidence=Evidence(doc=doc, start=start, end=start + 10, text=f"{eid} text"))


def clusters(events):
    return cluster_events(events, entity_of={"m1": "E1", "m2": "E1", "m3": "E3"}, published={})


def test_same_event_in_two_articles_share_a_cluster() -> None:
    c = clusters([ev("a", "d1"), ev("b", "d2", loc=COUNTRY, mode=None)])
    assert c["a"] == c["b"]


def test_one_day_off_needs_a_tie() -> None:
    tied = clusters([ev("a", "d1", actors=("m1",)), ev("b", "d2", date="2021-03-08", actors=("m2",))])
    assert tied["a"] == tied["b"]
    loose = clusters([ev("a", "d1", mode=None), ev("b", "d2", date="2021-03-08", mode=None)])
    assert loose["a"] != loose["b"]


def test_incompatible_reports_stay_apart() -> None:
    c = clusters([ev("a", "d1"), ev("b", "d2", date="2021-03-20"),
                  ev("c", "d3", loc=OTHER_TOWN), ev("d", "d4", type="CONSULT", mode=None)])
    assert len({c["a"], c["b"], c["c"], c["d"]}) == 4


def test_two_events_of_one_article_never_merge() -> None:
    c = clusters([ev("a", "d1"), ev("b", "d1", start=50), ev("c", "d2")])
    assert c["a"] != c["b"]
    assert c["c"] in (c["a"], c["b"])


def test_cluster_ids_are_deterministic() -> None:
    events = [ev("a", "d1"), ev("b", "d2")]
    assert clusters(events) == clusters(list(reversed(events)))


def test_contradictions_on_date_toll_and_actor() -> None:
    events = [ev("a", "d1", fatalities=10, actors=("m1",)),
              ev("b", "d2", date="2021-03-08", fatalities=12, actors=("m1", "m3"))]
    events.append(ev("c", "d3", date="2021-03-08", fatalities=12, actors=("m1",)))
    c = clusters(events)
    assert len(set(c.values())) == 1
    found = {x.field: x for x in event_contradictions(events, clusters=c, entity_of={"m1": "E1", "m3": "E3"})}
    assert set(found) == {"date", "fatalities"}
    assert {v.value for v in found["fatalities"].values} == {"10", "12"}
    assert all(v.evidence for v in found["date"].values)


def test_disjoint_perpetrators_are_a_contradiction() -> None:
    events = [ev("a", "d1", actors=("m1",)), ev("b", "d2", actors=("m3",))]
    c = clusters(events)
    assert c["a"] == c["b"]
    fields = [x.field for x in event_contradictions(events, clusters=c, entity_of={"m1": "E1", "m3": "E3"})]
    assert fields == ["actor"]
