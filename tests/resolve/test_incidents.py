"""Incidents (resolve/incidents.py) from small hand-made events: every facet."""
from __future__ import annotations

from newsgraph.model import (
    Article,
    Contradiction,
    ContradictionValue,
    DateRef,
    Entity,
    Event,
    Evidence,
    Location,
)
from newsgraph.resolve.incidents import agreed_place, build_incidents
from newsgraph.store.writer import Resolution
from tests.shipped import data

TOWN = Location(name="Ashford", country="XX", admin1="North Province", kind="city")
VILLAGE = Location(name="Bramley", country="XX", admin1="North Province", kind="city")
FARTOWN = Location(name="Corwen", country="XX", admin1="South Province", kind="city")
PROVINCE = Location(name="North Province", country="XX", admin1="North Province", kind="admin1")
COUNTRY = Location(name="Examplestan", country="XX", kind="country")


def article(key: str, publisher: str | None, text: str = "") -> Article:
    return Article(id=f"a-{key}", source=f"{key}.txt", text=text or f"Story {key}.",
                   publisher=publisher, published="2021-05-03")


def report(key: str, doc: str, sentence: str, **kw) -> Event:
    ev = Evidence(doc=doc, start=0, end=len(sentence), text=sentence)
    return Event(id=f"e-{key}", doc=doc, type=kw.pop("type", "ASSAULT"), evidence=ev, **kw)


def day(value: str) -> DateRef:
    return DateRef(start=0, end=3, text="Monday", date=value, precision="day")


def incidents(events, articles, *, clusters=None, contested=(), groups=None, entities=()):
    res = Resolution(entities=tuple(entities), clusters=clusters or {},
                     source_groups=groups or {},
                     contradictions=tuple(Contradiction(
                         id=f"X{about}", about=about, field="fatalities",
                         values=(ContradictionValue(value="1", evidence=()),))
                         for about in contested))
    return {i.id: i for i in build_incidents(events, articles, res, lex=data().disputes)}


def two_outlets():
    arts = [article("one", "Wire One"), article("two", "Daily Two")]
    events = [
        report("1", "a-one", "A blast in Ashford killed 4 people, police said.",
               date=day("2021-05-02"), location=TOWN, fatalities=4, toll_source="police",
               actors=("m1",)),
        report("2", "a-two", "Six died when a bomb went off in the province on Sunday.",
               date=day("2021-05-01"), location=PROVINCE, fatalities=6, injuries=9,
               actors=("m2",), actor_text=("gunmen",))]
    return arts, events


def test_lone_event_is_an_incident_of_one_report():
    found = incidents([report("1", "a-one", "Shots were fired.")], [article("one", "W")])
    only = found["e-1"]
    assert only.events == ("e-1",) and only.status == "single-source"
    assert [o.name for o in only.outlets] == ["W"]
    assert only.headline == "Shots were fired."


def test_dates_range_and_each_outlets_date_with_its_sentence():
    arts, events = two_outlets()
    inc = incidents(events, arts, clusters={"e-1": "K1", "e-2": "K1"})["K1"]
    assert (inc.date_from, inc.date_to) == ("2021-05-01", "2021-05-02")
    assert {(d.outlet, d.value) for d in inc.dates} == {("Wire One", "2021-05-02"),
                                                         ("Daily Two", "2021-05-01")}
    assert all(d.evidence and d.evidence.doc == d.doc for d in inc.dates)


def test_finest_place_no_outlet_contradicts():
    arts, events = two_outlets()
    inc = incidents(events, arts, clusters={"e-1": "K1", "e-2": "K1"})["K1"]
    assert inc.place.name == "Ashford"          # the province report contains the town
    assert {p.value for p in inc.places} == {"Ashford", "North Province"}


def test_place_falls_back_to_admin1_then_country():
    assert agreed_place([TOWN, VILLAGE]).name == "North Province"
    assert agreed_place([TOWN, VILLAGE]).kind == "admin1"
    assert agreed_place([TOWN, FARTOWN]).kind == "country"
    assert agreed_place([TOWN, FARTOWN]).country == "XX"
    assert agreed_place([TOWN, COUNTRY]).name == "Ashford"
    assert agreed_place([TOWN, Location(name="Elsewhere", country="YY")]) is None
    assert agreed_place([]) is None


def test_actors_with_the_outlets_attributing_them():
    arts, events = two_outlets()
    ent = Entity(id="E1", name="Red Front", type="ORG", mentions=("m1", "m2"))
    inc = incidents(events, arts, clusters={"e-1": "K1", "e-2": "K1"}, entities=[ent])["K1"]
    assert [(a.name, a.entity, a.outlets) for a in inc.actors] == [
        ("Red Front", "E1", ("Daily Two", "Wire One")), ("gunmen", None, ("Daily Two",))]
    assert inc.targets == ()


def test_every_figure_with_outlet_speaker_and_sentence():
    arts, events = two_outlets()
    inc = incidents(events, arts, clusters={"e-1": "K1", "e-2": "K1"})["K1"]
    got = {(f.kind, f.value, f.outlet, f.speaker) for f in inc.figures}
    assert got == {("killed", 4, "Wire One", "police"), ("killed", 6, "Daily Two", None),
                   ("injured", 9, "Daily Two", None)}
    assert all(f.evidence.doc == f.doc for f in inc.figures)


def test_counts_of_dispute_units_are_figures_too():
    arts = [article("one", "Wire One")]
    events = [report("1", "a-one", "Militants fired 14 rockets at the base overnight.")]
    inc = incidents(events, arts)["e-1"]
    assert [(f.kind, f.value) for f in inc.figures] == [("count:rockets", 14)]


def test_syndicated_copies_count_once():
    arts = [article("one", "Wire One"), article("copy", "Paper (republishing Wire One)"),
            article("sib", "Site Three")]
    events = [report(k, f"a-{k}", "A blast hit Ashford.") for k in ("one", "copy", "sib")]
    clusters = {e.id: "K" for e in events}
    inc = incidents(events[:2], arts, clusters=clusters)["K"]
    assert inc.status == "single-source" and len(inc.outlets) == 1
    assert inc.outlets[0].docs == ("a-copy", "a-one")
    grouped = incidents(events, arts, clusters=clusters, groups={"a-sib": "a-one",
                                                                 "a-one": "a-one"})["K"]
    assert len(grouped.outlets) == 1 and set(grouped.outlets[0].also) == {
        "Site Three", "Wire One"} - {grouped.outlets[0].name}


def test_status_corroborated_and_contested():
    arts, events = two_outlets()
    clusters = {"e-1": "K1", "e-2": "K1"}
    assert incidents(events, arts, clusters=clusters)["K1"].status == "corroborated"
    assert incidents(events, arts, clusters=clusters,
                     contested=["K1"])["K1"].status == "contested"


def test_headline_is_the_most_complete_reports_sentence():
    arts, events = two_outlets()
    inc = incidents(events, arts, clusters={"e-1": "K1", "e-2": "K1"})["K1"]
    assert inc.headline == "A blast in Ashford killed 4 people, police said."
    assert inc.type == "ASSAULT"
