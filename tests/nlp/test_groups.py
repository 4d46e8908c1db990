"""Group descriptions as actors: backer compounds and followers (sentences written for
the test, shipped KB and name lexicon)."""
from __future__ import annotations

import pytest

from newsgraph.names.linker import kb_index
from newsgraph.nlp.actors.coref import Cand
from newsgraph.nlp.actors.groups import backer_compounds, follower_mentions
from tests.shipped import data


def _at(text: str, word: str, label: str, kb_id: str | None = None, nth: int = 0) -> Cand:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return Cand(start=start, end=start + len(word), label=label, text=word, kb_id=kb_id)


def _spans(text: str, cands: list[Cand]) -> dict[str, tuple[str, str | None]]:
    return {text[c.start:c.end]: (c.label, c.kb_id) for c in cands}


def test_led_compound_swallowed_by_one_name_is_split_into_backer_and_group():
    lex = data()
    text = "Rockets hit a base of the US-led coalition near the river."
    whole = _at(text, "US-led coalition", "ORG", "cjtf_oir")
    found = _spans(text, backer_compounds(text, [whole], kb=lex.kb, names=lex.names))
    assert found == {"US": ("GPE", "united_states"), "coalition": ("ORG", "cjtf_oir")}


def test_backed_compound_links_the_group_and_adds_the_backer_the_tagger_missed():
    lex = data()
    text = "Tehran-backed armed groups denied the claim on Sunday."
    found = _spans(text, backer_compounds(text, [], kb=lex.kb, names=lex.names))
    assert found["Tehran"] == ("GPE", "iran")
    assert found["armed groups"] == ("ORG", "iran_backed_militias")


def test_named_group_inside_the_compound_is_the_group():
    lex = data()
    text = "The Iran-backed Kataib Hezbollah militia fired first."
    cands = [_at(text, "Iran", "GPE", "iran"), _at(text, "Kataib Hezbollah", "ORG", "kataib_hezbollah")]
    assert backer_compounds(text, cands, kb=lex.kb, names=lex.names) == cands


def test_unknown_backer_of_an_unknown_group_is_left_alone():
    lex = data()
    text = "Zorbish-led brigades moved north."
    assert backer_compounds(text, [], kb=lex.kb, names=lex.names) == []


def test_followers_of_a_leader_are_his_movement_on_the_date():
    lex = data()
    text = "Supporters of the cleric Muqtada al-Sadr marched, and al-Sadr's loyalists stayed."
    sadr = _at(text, "Muqtada al-Sadr", "PERSON", "muqtada_al_sadr")
    short = _at(text, "al-Sadr", "PERSON", "muqtada_al_sadr", nth=1)
    found = follower_mentions(text, [sadr, short], kb=lex.kb, names=lex.names,
                              published="2022-08-30")
    assert [(text[c.start:c.end], c.kb_id) for c in found] == [
        ("Supporters", "sadrist_movement"), ("loyalists", "sadrist_movement")]


def test_the_crowd_backing_or_loyal_to_a_leader_is_his_movement():
    lex = data()
    text = ("Those backing the cleric Muqtada al-Sadr stormed the hall, young men loyal to "
            "al-Sadr clashed with guards, and the party is backing al-Sadr.")
    cands = [_at(text, "Muqtada al-Sadr", "PERSON", "muqtada_al_sadr"),
             _at(text, "al-Sadr", "PERSON", "muqtada_al_sadr", nth=1),
             _at(text, "al-Sadr", "PERSON", "muqtada_al_sadr", nth=2)]
    found = follower_mentions(text, cands, kb=lex.kb, names=lex.names, published="2022-08-30")
    assert [(text[c.start:c.end], c.kb_id) for c in found] == [
        ("Those", "sadrist_movement"), ("men", "sadrist_movement")]


def test_no_follower_mention_without_a_leader_tie():
    lex = data()
    text = "Supporters of Jane Roe gathered."
    roe = _at(text, "Jane Roe", "PERSON", None)
    assert follower_mentions(text, [roe], kb=lex.kb, names=lex.names, published=None) == []


def test_title_case_word_for_an_acronym_links_to_the_acronym():
    lex = data()
    index = kb_index(lex.kb, lex.names)
    assert index.exact("Isis") == index.exact("ISIS") != frozenset()


@pytest.mark.model
def test_upper_case_dateline_city_chains_with_the_city(nlp):
    from newsgraph.ids import article_id
    from newsgraph.model import Article
    from newsgraph.nlp.actors.mentions import mentions_from_doc
    from newsgraph.nlp.text import normalise
    text = "MOSUL, Iraq (AP) - Residents of Mosul said the market reopened on Monday."
    article = Article(id=article_id(text), source="t.txt", text=text, published="2020-01-02")
    lex = data()
    ms = mentions_from_doc(nlp(normalise(text)), article, kb=lex.kb, names=lex.names)
    by_text = {m.text: m for m in ms}
    assert by_text["MOSUL"].local == by_text["Mosul"].local


def test_a_state_office_has_no_followers():
    lex = data()
    text = "Supporters of Ali Khamenei gathered."
    leader = _at(text, "Ali Khamenei", "PERSON", "ali_khamenei")
    assert follower_mentions(text, [leader], kb=lex.kb, names=lex.names,
                             published="2020-01-05") == []


def test_group_named_in_apposition_is_left_to_the_name():
    lex = data()
    text = "Weapons were stored by an Iran-backed militia, Kataib Hezbollah, officials said."
    cands = [_at(text, "Kataib Hezbollah", "ORG", "kataib_hezbollah")]
    found = _spans(text, backer_compounds(text, cands, kb=lex.kb, names=lex.names))
    assert found == {"Iran": ("GPE", "iran"), "Kataib Hezbollah": ("ORG", "kataib_hezbollah")}


def test_group_that_is_a_name_of_its_own_stays_a_name():
    lex = data()
    text = "The commander of the Kurdish-led Syrian Democratic Forces spoke."
    whole = _at(text, "Kurdish-led Syrian Democratic Forces", "ORG", "sdf")
    found = {text[c.start:c.end]: (c.label, c.kind, c.kb_id)
             for c in backer_compounds(text, [whole], kb=lex.kb, names=lex.names)}
    assert found == {"Kurdish": ("NORP", "name", None),
                     "Syrian Democratic Forces": ("ORG", "name", "sdf")}
