"""Unnamed group descriptions as article-local actors (nlp/actors/local.py), on hand-built
parses with the shipped name lexicon and KB."""
from __future__ import annotations

from newsgraph import ids
from newsgraph.model import Article, Mention
from newsgraph.nlp.actors.local import local_groups
from tests.nlp.grammar.parses import parse
from tests.shipped import data


def _article(doc) -> Article:
    return Article(id=ids.article_id(doc.text), source="t.txt", text=doc.text)


def _mention(doc, first: int, last: int, label: str, kb_id: str | None = None) -> Mention:
    start, end = doc[first].idx, doc[last].idx + len(doc[last])
    return Mention(id=f"m{first}", doc="d", start=start, end=end, text=doc.text[start:end],
                   label=label, name=doc.text[start:end], kb_id=kb_id, local=f"m{first}")


def _found(doc, mentions=(), **kw) -> dict[str, tuple[str, str, str | None]]:
    lex = data()
    got = local_groups(doc, _article(doc), list(mentions), names=lex.names, **kw)
    return {m.text: (m.kind, m.name, m.kb_id) for m in got}


def test_descriptions_of_one_group_are_one_local_chain() -> None:
    # protesters marched and the demonstrators blocked roads
    doc = parse("protesters nsubj 1 NOUN NNS protester", "marched ROOT - VERB VBD march",
                "and cc 1 CCONJ", "the det 4 DET", "demonstrators nsubj 5 NOUN NNS demonstrator",
                "blocked conj 1 VERB VBD block", "roads dobj 5 NOUN NNS road")
    lex = data()
    got = local_groups(doc, _article(doc), [], names=lex.names)
    assert [(m.text, m.kind, m.label, m.name) for m in got] == [
        ("protesters", "group", "NORP", "protesters"),
        ("demonstrators", "group", "NORP", "protesters")]
    assert got[0].local == got[1].local == got[0].id


def test_a_two_word_description_spans_its_modifier() -> None:
    # security forces fired on protesters
    doc = parse("security compound 1 NOUN NN security", "forces nsubj 2 NOUN NNS force",
                "fired ROOT - VERB VBD fire", "on prep 2 ADP", "protesters pobj 3 NOUN NNS protester")
    found = _found(doc)
    assert found["security forces"] == ("group", "security forces", None)
    assert "forces" not in found and "protesters" in found


def test_a_description_tied_to_a_name_or_an_owner_is_not_local() -> None:
    # Zarkan gunmen attacked their supporters ; fighters from Dorvan fled ; protester deaths
    doc = parse("Zarkan compound 1 PROPN NNP", "gunmen nsubj 2 NOUN NNS gunman",
                "attacked ROOT - VERB VBD attack", "their poss 4 PRON PRP$",
                "supporters dobj 2 NOUN NNS supporter", "fighters nsubj 8 NOUN NNS fighter",
                "from prep 5 ADP", "Dorvan pobj 6 PROPN NNP", "fled ROOT - VERB VBD flee",
                "protester compound 10 NOUN NN protester", "deaths ROOT - NOUN NNS death")
    assert _found(doc, [_mention(doc, 0, 0, "ORG"), _mention(doc, 7, 7, "GPE")]) == {}


def test_a_description_ending_a_named_group_is_that_group() -> None:
    # the Zarkan Police arrived ; police fired
    doc = parse("the det 2 DET", "Zarkan compound 2 PROPN NNP", "Police nsubj 3 PROPN NNP police",
                "arrived ROOT - VERB VBD arrive", "police nsubj 5 NOUN NN police",
                "fired ROOT - VERB VBD fire")
    zarkan = _mention(doc, 1, 2, "ORG", kb_id="zarkan_police")
    assert _found(doc, [zarkan]) == {"police": ("nominal", "Zarkan Police", "zarkan_police")}


def test_a_kind_noun_the_article_ties_to_a_group_is_skipped() -> None:
    doc = parse("militants nsubj 1 NOUN NNS militant", "fled ROOT - VERB VBD flee")
    assert _found(doc, skip={"militant"}) == {}
    assert _found(doc)["militants"][0] == "group"


def test_security_forces_of_the_state_the_article_names_are_its_force() -> None:
    # Iraq : security forces fired
    doc = parse("Iraq ROOT - PROPN NNP", "security compound 2 NOUN NN security",
                "forces nsubj 3 NOUN NNS force", "fired ROOT - VERB VBD fire")
    lex = data()
    state = _mention(doc, 0, 0, "GPE", kb_id="iraq")
    found = _found(doc, [state], kb=lex.kb, demonyms=lex.places.demonyms)
    assert found["security forces"] == ("nominal", lex.kb.actors["iraqi_security_forces"].name,
                                        "iraqi_security_forces")
    assert _found(doc, [state])["security forces"][0] == "group"     # without the KB
