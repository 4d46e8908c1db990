"""ACLED CSV from the JSON export dict: ACLED's columns, vocabularies and conventions."""
from __future__ import annotations

import csv
import io

from newsgraph.export import acled
from newsgraph.export.acled import COLUMNS, acled_rows, acled_type, write_acled_csv
from newsgraph.export.codebook import codebook
from tests.shipped import data

EVENTS = data().events

BAGHDAD = {"name": "Baghdad", "country": "IQ", "admin1": "Baghdad", "lat": 33.34,
           "lon": 44.4, "kind": "city"}


def event(i: str, **kw) -> dict:
    base = {"id": i, "doc": "d1", "type": "ASSAULT", "mode": "drone",
            "acled_event_type": "Explosions/Remote violence",
            "acled_sub_event_type": "Air/drone strike", "date": "2020-01-03",
            "date_precision": "day", "actors": ["E1"], "targets": [], "target_text": [],
            "location": BAGHDAD, "fatalities": 10,
            "evidence": [{"doc": "d1", "start": 0, "end": 30, "text": f"A drone hit a car {i}."}]}
    return base | kw


def export(*events: dict) -> dict:
    return {"documents": [{"id": "d1", "publisher": "www.aljazeera.com",
                           "published": "2020-01-20"}],
            "entities": [{"id": "E1", "name": "United States", "type": "GPE",
                          "sector": "government", "country": "US"},
                         {"id": "E2", "name": "Brigade of Y", "type": "ORG",
                          "sector": "paramilitary", "country": "IQ"}],
            "events": list(events)}


def rows(*events: dict) -> list[dict]:
    out = io.StringIO()
    write_acled_csv(export(*events), out, timestamp=1700000000)
    return list(csv.DictReader(io.StringIO(out.getvalue())))


def test_columns_are_acleds_31_in_order() -> None:
    assert len(COLUMNS) == 31
    assert COLUMNS[:5] == ("event_id_cnty", "event_date", "year", "time_precision",
                           "disorder_type")
    assert COLUMNS[-3:] == ("fatalities", "tags", "timestamp")
    assert tuple(rows(event("a"))[0]) == COLUMNS


def test_acled_type_mapping() -> None:
    assert acled_type("ASSAULT", "drone", False, lex=EVENTS) == ("Explosions/Remote violence", "Air/drone strike")
    assert acled_type("ASSAULT", "crowd-control", True, lex=EVENTS) == ("Protests", "Excessive force against protesters")
    assert acled_type("CONSULT", "meet", False, lex=EVENTS) == (None, None)


def test_foreign_state_actor_country_names_and_codes() -> None:
    row = rows(event("a1b2", targets=["E2"]))[0]
    assert row["actor1"] == "Military Forces of the United States (2017-2021)"
    assert (row["inter1"], row["actor2"], row["inter2"], row["interaction"]) == \
        ("8", "Brigade of Y", "3", "38")
    assert (row["country"], row["iso"], row["region"]) == ("Iraq", "368", "Middle East")
    assert row["event_id_cnty"] == f"IRQ{acled.event_number('a1b2')}"
    assert (row["event_date"], row["year"], row["time_precision"]) == ("2020-01-03", "2020", "1")
    assert (row["geo_precision"], row["disorder_type"]) == ("1", "Political violence")
    assert (row["source"], row["source_scale"]) == ("www.aljazeera.com", "International")
    assert row["timestamp"] == "1700000000" and row["fatalities"] == "10"


def test_generic_actors_when_the_text_names_none() -> None:
    attack = rows(event("b", actors=[], target_text=["civilians"], mode="firearms",
                        acled_event_type="Violence against civilians",
                        acled_sub_event_type="Attack"))[0]
    assert attack["actor1"] == "Unidentified Armed Group (Iraq)"
    assert (attack["actor2"], attack["interaction"]) == ("Civilians (Iraq)", "37")
    assert attack["civilian_targeting"] == "Civilian targeting"
    protest = rows(event("c", type="PROTEST", mode="demo", actors=["E2", "E1"],
                         acled_event_type="Protests", acled_sub_event_type="Peaceful protest",
                         fatalities=None, evidence=[{"doc": "d1", "start": 0, "end": 9,
                                                     "text": "Thousands marched."}]))[0]
    assert (protest["actor1"], protest["assoc_actor_1"]) == ("Protesters (Iraq)", "Brigade of Y")
    assert (protest["inter1"], protest["inter2"], protest["interaction"]) == ("6", "0", "60")
    assert protest["disorder_type"] == "Demonstrations"
    assert protest["tags"] == "crowd size=thousands" and protest["fatalities"] == "0"


def test_month_dates_and_country_places() -> None:
    row = rows(event("d", date="2020-01", date_precision="month",
                     location={"name": "Iraq", "country": "IQ", "lat": 34.1, "lon": 44.5,
                               "kind": "country"}))[0]
    assert (row["event_date"], row["time_precision"]) == ("2020-01-15", "3")
    assert (row["location"], row["geo_precision"], row["admin1"]) == ("Iraq", "3", "")


def test_events_acled_would_not_code_are_counted_with_reasons() -> None:
    wave = "More than 350 people have been killed since the protests began in October."
    found, skipped = acled_rows(export(
        event("a"), event("b", date="2020", date_precision="year"),
        event("c", location=None), event("d", type="CONSULT", acled_event_type=None),
        event("e", mode=None, acled_event_type="Battles", acled_sub_event_type="Armed clash",
              fatalities=350, evidence=[{"doc": "d1", "start": 0, "end": 9, "text": wave}])))
    assert [r["event_id_cnty"] for r in found] == [f"IRQ{acled.event_number('a')}"]
    assert skipped == {acled.NO_DATE: 1, acled.NO_PLACE: 1, acled.NOT_ACLED: 1,
                       acled.AGGREGATE: 1}
    worst = "The bombing, the deadliest since 2003, killed 40 people."
    assert acled.skip_reason(event("g", evidence=[{"doc": "d1", "start": 0, "end": 9,
                                                   "text": worst}])) is None


def test_formulas_neutralised_and_notes_bounded() -> None:
    text = "=HYPERLINK(\"x\") " + "word " * 200
    row = rows(event("f", evidence=[{"doc": "d1", "start": 0, "end": 9, "text": text}]))[0]
    assert row["notes"].startswith("On 3 January 2020, in Baghdad: =HYPERLINK")
    assert len(row["notes"]) <= 320
    assert acled.safe_cell("-2+3") == "'-2+3" and acled.safe_cell(-2.5) == -2.5
    assert acled.safe_cell("@SUM(A1)") == "'@SUM(A1)"


def test_same_export_same_file() -> None:
    first, second = io.StringIO(), io.StringIO()
    write_acled_csv(export(event("a"), event("b")), first, timestamp=5)
    write_acled_csv(export(event("b"), event("a")), second, timestamp=5)
    assert first.getvalue() == second.getvalue()


def test_every_sub_event_type_has_a_disorder_type() -> None:
    for etype, subs in codebook()["event_types"].items():
        assert subs and all(subs.values()), etype


def test_a_battle_has_two_sides_and_one_on_civilians_is_an_attack() -> None:
    clash = {"mode": None, "acled_event_type": "Battles", "acled_sub_event_type": "Armed clash"}
    battle = rows(event("g", actors=["E2"], **clash))[0]
    assert (battle["actor2"], battle["interaction"]) == ("Unidentified Armed Group (Iraq)", "33")
    attack = rows(event("h", actors=["E2"], target_text=["at least 14 civilians"], **clash))[0]
    assert (attack["event_type"], attack["sub_event_type"]) == ("Violence against civilians", "Attack")
    assert attack["civilian_targeting"] == "Civilian targeting"
