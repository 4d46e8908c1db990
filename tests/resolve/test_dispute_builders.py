"""Disputed figures, responsibility and a person's state per cluster, across and inside
articles, each value with its sentences; sides with outlet and speaker."""
from __future__ import annotations

from dataclasses import replace

from newsgraph.model import Article, Claim, Contradiction, DateRef, Event, Evidence, Mention
from newsgraph.resolve.dispute_sides import Sides, with_sides
from newsgraph.resolve.figure_disputes import figure_disputes
from newsgraph.resolve.stance_disputes import stance_disputes
from tests.shipped import data

LEX = data().disputes


def article(doc: str, text: str, publisher: str | None = None) -> Article:
    return Article(id=doc, source=doc + ".txt", text=text, publisher=publisher)


def report(eid: str, art: Article, first: str, type: str = "ASSAULT") -> Event:
    at = art.text.index(first)
    return Event(id=eid, doc=art.id, type=type,
                 evidence=Evidence(doc=art.id, start=at, end=at + len(first), text=first))


def values(c: Contradiction) -> dict[str, list[str]]:
    return {v.value: [e.doc for e in v.evidence] for v in c.values}


def test_figures_of_one_unit_that_cannot_both_hold_are_disputed_across_articles() -> None:
    a = article("d1", "A drone strike hit the depot. Militants fired 22 missiles at it.")
    b = article("d2", "The depot was struck at dawn. The army said 16 missiles struck it.")
    c = article("d3", "Missiles hit a depot. Officials said more than a dozen missiles fell.")
    events = [report("a", a, "A drone strike hit the depot."),
              report("b", b, "The depot was struck at dawn."), report("c", c, "Missiles hit a depot.")]
    got = figure_disputes(events, clusters={"a": "k", "b": "k", "c": "k"}, articles=[a, b, c], lex=LEX)
    assert [x.field for x in got] == ["count:missiles"]
    assert values(got[0]) == {"16": ["d2"], "22": ["d1"], "more than a dozen": ["d3"]}
    assert got[0].values[0].evidence[0].text == "The army said 16 missiles struck it."


def test_agreeing_and_vaguer_figures_are_no_dispute() -> None:
    a = article("d1", "Rockets hit the base. At least 12 people were wounded.")
    b = article("d2", "A rocket attack hit the base. Twelve people were wounded, officials said.")
    events = [report("a", a, "Rockets hit the base."), report("b", b, "A rocket attack hit the base.")]
    assert figure_disputes(events, clusters={"a": "k", "b": "k"}, articles=[a, b], lex=LEX) == []


def test_a_figure_revised_further_down_one_article_is_a_dispute() -> None:
    a = article("d1", "Gunmen attacked the market. Four people were killed, police said. "
                      "Hours later the toll rose to nine people killed.")
    got = figure_disputes([report("a", a, "Gunmen attacked the market.")], clusters={"a": "k"},
                          articles=[a], lex=LEX)
    assert [set(values(x)) for x in got] == [{"four", "nine"}]


def test_a_retold_happening_s_figure_speaks_of_the_shared_report() -> None:
    """The article tells the strike twice, as two reports (its grouping missed it); only
    the first is clustered with the other outlet's. The figure of the second report's
    sentence is about the shared happening, unless the two reports give other days."""
    a = article("d1", "A drone struck the residence. A drone hit the building, injuring six guards.")
    b = article("d2", "Explosions hit the residence. Seven guards were injured in the attack.")
    a1, a2 = report("a1", a, "A drone struck the residence."), report(
        "a2", a, "A drone hit the building, injuring six guards.")
    events = [a1, a2, report("b", b, "Explosions hit the residence.")]
    clusters = {"a1": "k", "b": "k", "a2": "k2"}
    got = figure_disputes(events, clusters=clusters, articles=[a, b], lex=LEX)
    assert [(x.about, set(values(x))) for x in got] == [("k", {"six", "seven"})]
    day = lambda e, d: replace(e, date=DateRef(start=0, end=1, text="x", date=d, precision="day"))  # noqa: E731
    events = [day(a1, "2021-11-07"), day(a2, "2021-10-01"), events[2]]
    assert figure_disputes(events, clusters=clusters, articles=[a, b], lex=LEX) == []


def test_two_figures_of_one_sentence_are_parts_not_rivals() -> None:
    a = article("d1", "Shelling hit the town. Seven civilians were killed, five children killed among them.")
    got = figure_disputes([report("a", a, "Shelling hit the town.")], clusters={"a": "k"},
                          articles=[a], lex=LEX)
    assert got == []


def test_unclaimed_against_blamed_is_a_responsibility_dispute() -> None:
    a = article("d1", "Rockets hit the base on Tuesday. No group has claimed responsibility.")
    b = article("d2", "A rocket attack hit the base. Officials blamed the Koro militia for the attack.")
    events = [report("a", a, "Rockets hit the base on Tuesday."),
              report("b", b, "A rocket attack hit the base.")]
    got = stance_disputes(events, clusters={"a": "k", "b": "k"}, articles=[a, b], mentions=[],
                          entity_of={}, lex=LEX)
    assert [(x.field, values(x)) for x in got] == [
        ("responsibility", {"blamed": ["d2"], "unclaimed": ["d1"]})]


def test_a_named_person_unhurt_in_one_report_and_hurt_in_another_is_a_dispute() -> None:
    a = article("d1", "Drones struck the home of Amal Tarek. Tarek was unharmed, officials said.")
    b = article("d2", "A drone attack hit the residence of Amal Tarek. Aides said he was wounded.")
    events = [report("a", a, "Drones struck the home of Amal Tarek."),
              report("b", b, "A drone attack hit the residence of Amal Tarek.")]
    mentions = [Mention(id=f"m{i}", doc=art.id, start=at, end=at + len(name), text=name, label="PERSON")
                for i, (art, name) in enumerate([(a, "Amal Tarek"), (a, "Tarek"), (b, "Amal Tarek")])
                for at in [art.text.index(name, art.text.index(name) + 1 if name == "Tarek" else 0)]]
    entity_of = {m.id: "E1" for m in mentions}
    got = stance_disputes(events, clusters={"a": "k", "b": "k"}, articles=[a, b],
                          mentions=mentions, entity_of=entity_of, lex=LEX)
    assert [(x.field, values(x)) for x in got] == [("state:E1", {"hurt": ["d2"], "unhurt": ["d1"]})]


def test_every_side_names_its_outlet_and_speaker() -> None:
    a = article("d1", "Rockets hit the base. Four people were killed, according to the health ministry.",
                publisher="Daily Koro")
    b = article("d2", "A rocket attack hit the base. \"Nine were killed,\" said Mayor Olu.",
                publisher="Lanto Times")
    events = [report("a", a, "Rockets hit the base."), report("b", b, "A rocket attack hit the base.")]
    quote = b.text.index("\"Nine")
    claim = Claim(id="c1", doc="d2", speaker_text="Mayor Olu", verb="said", text="Nine were killed,",
                  start=quote + 1, end=quote + 18,
                  evidence=Evidence(doc="d2", start=quote, end=len(b.text), text=b.text[quote:]))
    got = figure_disputes(events, clusters={"a": "k", "b": "k"}, articles=[a, b], lex=LEX)
    sides = Sides(articles=[a, b], claims=[claim], events=events, lex=LEX)
    [dispute] = with_sides(got, sides)
    assert [(s.outlet, s.speaker) for v in dispute.values for s in v.sides] == [
        ("Daily Koro", "the health ministry"), ("Lanto Times", "Mayor Olu")]
    assert all(len(v.sides) == len(v.evidence) for v in dispute.values)


def test_sides_survive_the_store_codec() -> None:
    from newsgraph.model import ContradictionValue, DisputeSide
    from newsgraph.store.codec import values_from_json, values_to_json
    ev = Evidence(doc="d1", start=0, end=5, text="Four.")
    vals = (ContradictionValue(value="4", evidence=(ev,),
                               sides=(DisputeSide(evidence=ev, outlet="Daily Koro", speaker="police"),)),
            ContradictionValue(value="9", evidence=(ev,)))
    assert values_from_json(values_to_json(vals)) == vals


def test_one_figure_reader_reads_each_sentence_once_for_disputes_and_incidents(monkeypatch) -> None:
    from newsgraph import figures as module
    from newsgraph.resolve.incidents import figures as incident_figures
    a = article("d1", "A drone strike hit the depot. Militants fired 22 missiles at it.")
    b = article("d2", "The depot was struck at dawn. The army said 16 missiles struck it.")
    events = [report("a", a, "Militants fired 22 missiles at it."),
              report("b", b, "The army said 16 missiles struck it.")]
    read, seen = module.FigureReader(LEX), []
    real = module.read_figures
    monkeypatch.setattr(module, "read_figures", lambda text, lex: seen.append(text) or real(text, lex))
    got = figure_disputes(events, clusters={"a": "k", "b": "k"}, articles=[a, b], lex=LEX, read=read)
    counts = [f for e in events for f in incident_figures(e, "Outlet", read)]
    assert [values(c) for c in got] == [{"22": ["d1"], "16": ["d2"]}]
    assert sorted(f.value for f in counts) == [16, 22]
    assert len(seen) == len(set(seen)) == 4        # four sentences, each read once


def test_blame_and_denial_inside_one_article_are_no_responsibility_dispute() -> None:
    """"The army blamed X; X denied responsibility" is one outlet telling both sides."""
    a = article("d1", "Rockets hit the base. The army blamed the Koro militia. "
                      "The militia denied responsibility.")
    b = article("d2", "A rocket attack hit the base. The army blamed the Koro militia for it.")
    events = [report("a", a, "Rockets hit the base."), report("b", b, "A rocket attack hit the base.")]
    got = stance_disputes(events[:1], clusters={"a": "k"}, articles=[a], mentions=[],
                          entity_of={}, lex=LEX)
    assert got == []
    got = stance_disputes(events, clusters={"a": "k", "b": "k"}, articles=[a, b], mentions=[],
                          entity_of={}, lex=LEX)
    assert [values(x) for x in got] == [{"blamed": ["d1", "d2"], "denied": ["d1"]}]


def test_a_sentence_telling_two_reports_speaks_of_the_one_others_tell_too() -> None:
    a = article("d1", "Fighters captured seven villages and threatened the town.")
    b = article("d2", "Nine villages were captured by the fighters.")
    a1 = report("a1", a, "Fighters captured seven villages and threatened the town.", type="COERCE")
    a0 = replace(a1, id="a0", type="THREATEN")       # sorts first
    events = [a0, a1, report("b", b, "Nine villages were captured by the fighters.", type="COERCE")]
    got = figure_disputes(events, clusters={"a1": "k", "a0": "k2", "b": "k"}, articles=[a, b], lex=LEX)
    assert [(x.about, values(x)) for x in got] == [("k", {"nine": ["d2"], "seven": ["d1"]})]


def test_a_side_s_speaker_is_read_from_a_reporting_verb_when_nothing_else_names_it() -> None:
    a = article("d1", "Rockets hit the base. A police source in Koro told the agency that four died. "
                      "\"Nine people died,\" said Mayor Olu. Six people died.", publisher="Daily Koro")
    sides = Sides(articles=[a], claims=[], events=[], lex=LEX)

    def speaker(sentence: str) -> str | None:
        at = a.text.index(sentence)
        return sides.speaker(Evidence(doc="d1", start=at, end=at + len(sentence), text=sentence))
    assert speaker("A police source in Koro told the agency that four died.") == "A police source in Koro"
    assert speaker("\"Nine people died,\" said Mayor Olu.") == "Mayor Olu"
    assert speaker("Six people died.") is None
