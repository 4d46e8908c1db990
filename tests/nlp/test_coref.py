"""In-article coreference helpers on hand-built Docs (no model): office phrases, surnames,
roles, titles and capital metonyms, including the cached / vectorised fast paths."""
from __future__ import annotations

import re

import pytest
import spacy

from newsgraph import kb as kb_module
from newsgraph.nlp.actors import coref, mentions
from newsgraph.nlp.actors.coref import (
    Cand,
    office_mentions,
    role_mentions,
    surname_mentions,
)
from tests.shipped import data

LEX = data().names


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


def _kb(*, phrases=("the northland president", "northland's president"), metonym="Capitol"):
    holder = kb_module.Actor(id="p1", name="Ana Vale", type="PERSON",
                             ties=(kb_module.Tie(predicate="holds_office",
                                                 office="President of Northland",
                                                 start="2019", end="2021"),))
    state = kb_module.Actor(id="g1", name="Northland", type="GPE", metonyms=(metonym,))
    office = kb_module.Office(name="President of Northland", phrases=tuple(phrases))
    return kb_module.KnowledgeBase(actors={"p1": holder, "g1": state},
                                   offices={office.name: office})


def _reference_offices(text, kb, published):
    """The straightforward version: every office, its holders, a fresh regex."""
    out, taken = [], []
    for office in kb.offices.values():
        holders = kb.holders(office.name, published)
        if len(holders) != 1 or not office.phrases:
            continue
        pattern = "|".join(re.escape(p) for p in sorted(office.phrases, key=len, reverse=True))
        for m in re.finditer(rf"(?<!\w)(?:{pattern})(?!\w)", text, flags=re.IGNORECASE):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            out.append((m.start(), m.end(), "p1"))
            taken.append((m.start(), m.end()))
    return out


@pytest.mark.parametrize("text", [
    "Yesterday THE NORTHLAND PRESIDENT spoke; later the Northland president left.",
    "Nothing about offices here at all.",
    "Caf\u00e9 owners said the northland president had visited.",   # non-ASCII: no pre-filter
    "Northland's president met the northland presidents' aides.",
])
def test_office_mentions_match_the_reference(text):
    kb = _kb()
    got = office_mentions(text, kb=kb, published="2020-05-01", taken=[])
    assert [(c.start, c.end, c.kb_id) for c in got] == _reference_offices(text, kb, "2020-05-01")


def test_office_mentions_need_one_holder_on_the_date():
    text = "the northland president spoke"
    assert office_mentions(text, kb=_kb(), published="2020-05-01", taken=[])
    assert not office_mentions(text, kb=_kb(), published="2023-05-01", taken=[])


def test_surname_mentions_join_the_one_chain(blank):
    doc = blank("Ali Hassan arrived. Hassan spoke, and hassan left. Hasan stayed. Omar left.")
    rep = Cand(start=0, end=10, label="PERSON", text="Ali Hassan", chain=(0, 10), name="Ali Hassan")
    out = surname_mentions(doc, [rep], names=LEX)
    assert [(c.text, c.chain, c.kind) for c in out] == [("Hassan", (0, 10), "partial"),
                                                       ("Hasan", (0, 10), "partial")]
    assert doc.text[out[0].start:out[0].end] == "Hassan"


def test_surname_mentions_none_without_person_chains(blank):
    doc = blank("Hassan spoke.")
    assert surname_mentions(doc, [], names=LEX) == []


def test_role_mentions_use_the_apposed_person(blank):
    doc = blank("Ali Hassan , the governor , said the governor was away .")
    person = Cand(start=0, end=10, label="PERSON", text="Ali Hassan", chain=(0, 10))
    out = role_mentions(doc, [person], roles=frozenset({"governor", "mayor"}))
    assert [(c.text, c.chain) for c in out] == [("the governor", (0, 10))]
    assert role_mentions(doc, [person], roles=frozenset({"mayor"})) == []


def test_same_names_is_cached_and_stable():
    a = Cand(start=0, end=10, label="PERSON", text="Ali Hassan")
    chain = coref._Chain(rep=Cand(start=20, end=35, label="PERSON", text="Ali Hasan"),
                         label="PERSON", kb_id=None)
    first = coref._same(a, chain, LEX)
    assert coref._same(a, chain, LEX) is first
    assert coref._same_names.cache_info().hits >= 1


def test_with_title_takes_capitalised_titles_only(blank):
    doc = blank("Grand Ayatollah Ali Hassan met the ayatollah Ali Hassan .")
    first = mentions._with_title(doc[2:4], LEX.titles)
    second = mentions._with_title(doc[7:9], LEX.titles)
    assert first.text == "Grand Ayatollah Ali Hassan"
    assert second.text == "Ali Hassan"


def test_metonym_index_is_per_knowledge_base():
    kb1, kb2 = _kb(metonym="Capitol"), _kb(metonym="Harbour City")
    assert mentions._metonym_actor("capitol", kb1, LEX) == "g1"
    assert mentions._metonym_actor("Capitol", kb2, LEX) is None
    assert mentions._metonym_actor("Harbour City", kb2, LEX) == "g1"
