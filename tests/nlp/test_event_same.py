"""The decision over two event mentions and the grouping it drives (no model: the
mentions are built by hand)."""
from __future__ import annotations

from dataclasses import replace

from newsgraph.model import DateRef, Event, Evidence, Location
from newsgraph.nlp.events.group import group_mentions
from newsgraph.nlp.events.same import cues, judge
from tests.shipped import data

RULES = data().grouping
TEXT = ("Militants attacked an army post in Haditha on Monday. "
        "The attack killed five soldiers, the army said. "
        "Another attack hit a market in Rutba on Tuesday. "
        "Officials said the post had been rebuilt.")


def _mention(sentence: str, trigger: str, *, date: str | None = None, place: str | None = None,
             fatalities: int | None = None, mode: str | None = None) -> Event:
    start = TEXT.index(sentence)
    ev = Evidence(doc="d", start=start, end=start + len(sentence), text=sentence)
    when = where = None
    if date:
        at = start + sentence.index(date.split("|")[0])
        when = DateRef(start=at, end=at + 6, text=date.split("|")[0], date=date.split("|")[1],
                       precision="day")
    if place:
        at = start + sentence.index(place)
        where = Location(name=place, country="IQ", kind="city",
                         evidence=Evidence(doc="d", start=at, end=at + len(place), text=place))
    return Event(id=f"e{start}", doc="d", type="ASSAULT", trigger=trigger, date=when,
                 location=where, fatalities=fatalities, mode=mode, evidence=ev)


FIRST = _mention("Militants attacked an army post in Haditha on Monday.", "attacked",
                 date="Monday|2021-03-08", place="Haditha")
AGAIN = _mention("The attack killed five soldiers, the army said.", "attack", fatalities=5)
OTHER = _mention("Another attack hit a market in Rutba on Tuesday.", "attack",
                 date="Tuesday|2021-03-09", place="Rutba")


def _verdict(a: Event, b: Event):
    between = TEXT[a.evidence.end:b.evidence.start]
    return judge(cues(a, RULES), cues(b, RULES), RULES, between=between)


def test_a_definite_re_mention_tells_the_same_happening() -> None:
    verdict = _verdict(FIRST, AGAIN)
    assert verdict.same and "anaphor" in verdict.reasons


def test_another_happening_at_another_place_and_date_is_refused_with_its_reason() -> None:
    verdict = _verdict(FIRST, OTHER)
    assert not verdict.same and verdict.conflict and verdict.reasons == ("fresh",)
    later = replace(AGAIN, date=replace(FIRST.date, date="2021-03-09"))
    assert _verdict(FIRST, later).reasons == ("date",)


def test_other_type_or_means_never_joins() -> None:
    assert _verdict(FIRST, replace(AGAIN, type="PROTEST")).reasons == ("type",)
    drone = _verdict(replace(FIRST, mode="drone"), replace(AGAIN, mode="firearms"))
    assert drone.reasons == ("mode",)


def test_grouping_keeps_every_sentence_and_the_toll_of_the_sentence_giving_it() -> None:
    events = group_mentions([FIRST, AGAIN, OTHER], text=TEXT, rules=RULES)
    assert len(events) == 2
    one, other = events
    assert one.id == FIRST.id and other.id == OTHER.id
    assert one.more_evidence == (AGAIN.evidence,)
    assert one.fatalities == 5 and one.toll_evidence == AGAIN.evidence
    assert one.date == FIRST.date and one.date_evidence is None     # its own sentence
    assert [x.start for x in one.all_evidence()] == [FIRST.evidence.start, AGAIN.evidence.start]


def test_date_and_place_point_at_the_sentence_they_come_from() -> None:
    bare = replace(FIRST, date=None, location=None)
    dated = replace(AGAIN, date=DateRef(start=AGAIN.evidence.start, end=AGAIN.evidence.start + 3,
                                        text="The", date="2021-03-08", precision="day"))
    (event,) = group_mentions([bare, dated], text=TEXT, rules=RULES)
    assert event.date == dated.date and event.date_evidence == AGAIN.evidence
    assert event.location is None and event.place_evidence is None


def test_without_rules_the_mentions_are_kept_as_they_are() -> None:
    assert group_mentions([FIRST, AGAIN], text=TEXT, rules=None) == [FIRST, AGAIN]


def test_a_series_or_habit_is_not_the_happening() -> None:
    series = replace(AGAIN, evidence=replace(
        AGAIN.evidence, text="The attack was one of a series of raids, the army said."))
    assert _verdict(FIRST, series).reasons == ("series",)


def test_a_mention_told_as_new_needs_more_than_adding_nothing() -> None:
    fresh = replace(AGAIN, trigger="raid", evidence=replace(
        AGAIN.evidence, text="A raid killed five soldiers, the army said."))
    verdict = _verdict(FIRST, fresh)
    assert "indefinite" in verdict.reasons and not verdict.same


def _told(event: Event, text: str, trigger: str, **changes) -> Event:
    return replace(event, trigger=trigger, evidence=replace(event.evidence, text=text), **changes)


def test_a_reply_never_joins_the_happening_it_answers() -> None:
    reply = _told(AGAIN, "Troops launched retaliatory strikes on the militants, the army said.",
                  "strikes")
    assert _verdict(FIRST, reply).reasons == ("reply",)
    answered = _told(AGAIN, "Troops struck the hills in retaliation for the attack, the army said.",
                     "attack")
    assert _verdict(FIRST, answered).same      # the happening replied to is no reply


def test_a_definite_re_mention_is_a_reply_only_when_its_sentence_names_one() -> None:
    followed = _told(AGAIN, "The attack was followed by a counterattack, the army said.", "attack")
    assert _verdict(FIRST, followed).reasons == ("reply",)
    framed = _told(AGAIN, "The attack, a response to arrests, killed five, the army said.", "attack")
    assert _verdict(FIRST, framed).same


def test_a_later_mention_joins_a_reply_by_the_reply_s_own_word() -> None:
    reply = _told(FIRST, "Troops launched retaliatory strikes on the hills on Monday.", "strikes")
    assert _verdict(reply, _told(AGAIN, "The strikes killed five, the army said.", "strikes")).same
    assert _verdict(reply, AGAIN).reasons == ("reply",)


def test_swapped_actors_and_targets_are_two_happenings() -> None:
    first = replace(FIRST, actors=("militants",), targets=("army",))
    back = replace(AGAIN, actors=("army",), targets=("militants",))
    assert _verdict(first, back).reasons == ("swapped",)
    same = replace(AGAIN, actors=("militants",), targets=("army",))
    assert "participants" in _verdict(first, same).reasons
