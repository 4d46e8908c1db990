"""Nationality words and capitals that stand for a state (KB and demonym data)."""
from __future__ import annotations

from newsgraph.kb import Actor, KnowledgeBase
from newsgraph.model import Event, Evidence, Mention, Relation
from newsgraph.resolve.entities import resolve_entities
from newsgraph.resolve.states import link_states, state_arguments
from tests.shipped import data

KB = KnowledgeBase(actors={
    "germany": Actor(id="germany", name="Germany", type="GPE", country="DE",
                     metonyms=("Berlin",)),
    "brigade": Actor(id="brigade", name="Velmar Brigade", type="ORG"),
}, offices={})
EV = Evidence(doc="d", start=0, end=5, text="xxxxx")


def _m(mid: str, text: str, label: str) -> Mention:
    return Mention(id=mid, doc="d", start=0, end=len(text), text=text, label=label, name=text)


def _rel(subject: str, predicate: str, obj: str) -> Relation:
    return Relation(id=f"r-{subject}-{obj}", doc="d", subject=subject, predicate=predicate,
                    object=obj, evidence=EV)


def _link(mentions: list[Mention], arguments: set[str]) -> list[Mention]:
    return link_states(mentions, kb=KB, names=data().names, demonyms=data().places.demonyms,
                       arguments=arguments)


def test_nationality_word_backing_a_group_is_the_state() -> None:
    mentions = [_m("m1", "Velmar Brigade", "ORG"), _m("m2", "German", "NORP"),
                _m("m3", "German", "NORP"), _m("m4", "Berlin", "GPE")]
    rels = [_rel("m1", "backed_by", "m2"), _rel("m1", "allied_with", "m4")]
    linked = {m.id: m.kb_id for m in _link(mentions, state_arguments(rels, []))}
    assert linked == {"m1": None, "m2": "germany", "m3": None, "m4": "germany"}
    entities = resolve_entities(_link(mentions, state_arguments(rels, [])),
                                kb=KB, names=data().names)
    germany = next(e for e in entities if e.kb_id == "germany")
    assert set(germany.mentions) == {"m2", "m4"}


def test_nationality_word_led_by_someone_or_attacked_stays_a_nationality() -> None:
    mentions = [_m("m1", "Velmar Brigade", "ORG"), _m("m2", "German", "NORP"),
                _m("m3", "German", "NORP")]
    attack = Event(id="e", doc="d", type="ASSAULT", actors=("m3",), targets=("m2",), evidence=EV)
    args = state_arguments([_rel("m1", "leader_of", "m2")], [attack])
    linked = {m.id: m.kb_id for m in _link(mentions, args)}
    assert linked == {"m1": None, "m2": None, "m3": "germany"}   # the attacker is the state
