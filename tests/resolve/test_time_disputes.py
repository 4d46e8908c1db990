"""Disputed times of a happening (weekday, date, part of the day), and the narrower
responsibility denials and office clashes, on sentences written for these tests."""
from __future__ import annotations

from newsgraph.model import Article, Event, Evidence, Relation
from newsgraph.resolve.relation_conflicts import relation_contradictions
from newsgraph.resolve.stance_disputes import stance_disputes
from newsgraph.resolve.time_disputes import read_when, time_disputes
from tests.shipped import data

LEX = data().disputes


def when(text: str, published: str | None = "2024-02-01"):
    return read_when(text, LEX.times, LEX.months, published)


def article(doc: str, text: str, published: str | None = "2024-02-01") -> Article:
    return Article(id=doc, source=doc + ".txt", text=text, published=published)


def report(eid: str, art: Article, first: str) -> Event:
    at = art.text.index(first)
    return Event(id=eid, doc=art.id, type="ASSAULT",
                 evidence=Evidence(doc=art.id, start=at, end=at + len(first), text=first))


def test_a_weekday_beside_a_part_of_the_day_is_read() -> None:
    got = when("Officials said the raid on the depot took place on Saturday night.")
    assert (got.weekday, sorted(got.parts)) == (5, ["night"])


def test_a_date_gives_its_weekday_through_the_article_s_year() -> None:
    assert when("It was the deadliest blow since a Jan. 28 strike on the outpost.").weekday == 6
    assert when("It was the deadliest blow since a Jan. 28 strike.", published="2023-02-01").weekday == 5


def test_the_day_of_a_saying_or_of_a_dateline_is_not_the_happening_s() -> None:
    assert when("The ministry said on Monday that the depot was hit.") is None
    assert when("Feb. 10 (Wire Agency) -- Guards were hurt at the depot.") is None
    got = when("The army confirmed Monday evening that an overnight raid hit the depot.")
    assert (got.weekday, sorted(got.parts)) == (None, ["night"])


def test_a_cue_inside_a_longer_one_is_not_read_again() -> None:
    got = when("Missiles hit the base before dawn.")
    assert (sorted(got.parts), got.label) == (["night"], "before dawn")


def test_clock_times_give_their_part_of_the_day() -> None:
    assert sorted(when("The shelling lasted from 2.30pm to 3.30pm.").parts) == ["afternoon"]
    assert sorted(when("The blasts came at 1:45 a.m. local time.").parts) == ["night"]


def test_two_outlets_giving_different_times_of_one_happening_dispute() -> None:
    a = article("d1", "Gunmen attacked the border post. The assault began on Saturday evening.")
    b = article("d2", "Gunmen stormed the border post. Fighting started after midnight Saturday.")
    c = article("d3", "Militants hit the border post. Guards fought them on Saturday evening.")
    events = [report("a", a, "Gunmen attacked the border post."),
              report("b", b, "Gunmen stormed the border post."),
              report("c", c, "Militants hit the border post.")]
    got = time_disputes(events, clusters={"a": "k", "b": "k", "c": "k"}, articles=[a, b, c], lex=LEX)
    assert [(x.field, sorted(v.value for v in x.values)) for x in got] == [
        ("time", ["midnight saturday", "saturday evening"])]
    agree = time_disputes(events[::2], clusters={"a": "k", "c": "k"}, articles=[a, c], lex=LEX)
    assert agree == []


def test_two_moments_inside_one_article_are_no_dispute() -> None:
    a = article("d1", "Clashes broke out in the square. They began on Monday afternoon. "
                      "On Tuesday morning, medics counted the wounded.")
    got = time_disputes([report("a", a, "Clashes broke out in the square.")], clusters={"a": "k"},
                        articles=[a], lex=LEX)
    assert got == []


def test_a_denial_about_the_place_is_no_denial_of_responsibility() -> None:
    a = article("d1", "Drones hit the outpost. The Koro militia claimed responsibility.")
    b = article("d2", "A drone attack hit the outpost. The ministry denied that the attack took place "
                      "within its borders.")
    c = article("d3", "Drones struck the outpost. The militia denied any role in it.")
    events = [report("a", a, "Drones hit the outpost."), report("b", b, "A drone attack hit the outpost."),
              report("c", c, "Drones struck the outpost.")]
    got = stance_disputes(events[:2], clusters={"a": "k", "b": "k"}, articles=[a, b], mentions=[],
                          entity_of={}, lex=LEX)
    assert got == []
    got = stance_disputes(events, clusters={"a": "k", "b": "k", "c": "k"}, articles=[a, b, c],
                          mentions=[], entity_of={}, lex=LEX)
    assert [sorted(v.value for v in x.values) for x in got] == [["claimed", "denied"]]


def _office(doc: str, office: str) -> Relation:
    return Relation(id="r" + doc, doc=doc, subject="m" + doc, predicate="holds_office",
                    object=None, object_text=office,
                    evidence=Evidence(doc=doc, start=0, end=5, text="x" * 5))


def test_offices_of_two_jurisdictions_for_one_person_are_no_dispute() -> None:
    ent = {"md1": "P", "md2": "P"}
    rels = [_office("d1", "U.S. President"), _office("d2", "Iran's leader")]
    assert relation_contradictions(rels, entity_of=ent) == []
    rels = [_office("d1", "U.S. President"), _office("d2", "U.S. Secretary of State")]
    assert [c.field for c in relation_contradictions(rels, entity_of=ent)] == ["office"]


def test_responsible_for_a_role_or_another_matter_is_no_blame() -> None:
    from newsgraph.resolve.stances import first_kind
    assert first_kind("Leaders said fraud was responsible for their loss of seats.", LEX.responsibility) is None
    assert first_kind("Tarek was responsible for the militia's drone program.", LEX.responsibility) is None
    assert first_kind("Officials said the Koro militia was responsible for the attack.",
                      LEX.responsibility)[0] == "blamed"
