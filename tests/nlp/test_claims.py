"""Attributed statements on sentences written for these tests."""
from __future__ import annotations

import pytest

from newsgraph import ids
from newsgraph.model import Article, Claim, Evidence, Mention
from newsgraph.nlp.claims.extract import extract_claims, find_quotes, voice_of
from newsgraph.nlp.text import normalise
from tests.shipped import data

LABELS = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP")


def run(model, text: str):
    article = Article(id=ids.article_id(text), source="t.txt", text=text)
    doc = model(normalise(text))
    mentions = [Mention(id=ids.record_id("m", article.id, e.start_char, e.end_char), doc=article.id,
                        start=e.start_char, end=e.end_char, text=e.text, label=e.label_)
                for e in doc.ents if e.label_ in LABELS]
    claims = extract_claims(doc, article, mentions=mentions, lex=data().speech)
    for c in claims:
        assert c.text == text[c.start:c.end]
        assert c.evidence.text == text[c.evidence.start:c.evidence.end]
        assert c.evidence.start <= c.start and c.end <= c.evidence.end
    return claims, {m.id: m.text for m in mentions}


def spoken(model, text: str) -> list[tuple[str | None, str]]:
    """(speaker as written, statement) of every claim found in `text`."""
    return [(c.speaker_text, c.text) for c in run(model, text)[0]]


def _claim(start: int, end: int) -> Claim:
    ev = Evidence(doc="a", start=0, end=100, text="")
    return Claim(id="c", doc="a", text="", start=start, end=end, evidence=ev)


def test_find_quotes_pairs_and_open_paragraphs():
    text = 'He said: "We stay." Then:\n"An open quote runs on\n"and ends here."'
    got = [text[s:e] for s, e in find_quotes(text)]
    assert got == ["We stay.", "An open quote runs on", "and ends here."]


def test_find_quotes_close_at_a_single_line_break():
    text = 'He said: "We stay\nThey left. "We go," she said.'
    got = [text[s:e] for s, e in find_quotes(text)]
    assert got == ["We stay", "We go,"]


def test_voice_of():
    claims = [_claim(10, 50)]
    assert voice_of(12, 20, claims) == "attributed"
    assert voice_of(60, 70, claims) == "own"
    assert voice_of(0, 5, []) == "own"


@pytest.mark.model
def test_reported_speech_with_that(model):
    claims, names = run(model, "Defence Minister Benny Gantz said that the army would respond to any attack.")
    assert len(claims) == 1
    c = claims[0]
    assert c.text.startswith("the army would respond")
    assert names.get(c.speaker) == "Benny Gantz" and "Gantz" in (c.speaker_text or "")


@pytest.mark.model
def test_direct_quote_after_verb(model):
    text = "The spokesman of the ministry told reporters: \u201cWe will not accept any foreign forces.\u201d"
    claims, _ = run(model, text)
    assert any(c.text == "We will not accept any foreign forces." for c in claims)
    assert any("spokesman" in (c.speaker_text or "") for c in claims)


@pytest.mark.model
def test_quote_before_said(model):
    text = '"The strikes were a violation of our sovereignty," Iraqi President Barham Salih said on Sunday.'
    claims, names = run(model, text)
    assert claims and claims[0].text.startswith("The strikes were a violation")
    assert names.get(claims[0].speaker) == "Barham Salih"


@pytest.mark.model
def test_according_to(model):
    claims, names = run(model, "At least 12 people were killed in the clashes, according to Reuters.")
    assert claims and claims[0].verb == "according to"
    assert claims[0].text.startswith("At least 12 people")
    assert names.get(claims[0].speaker) == "Reuters"


def test_no_statement_across_a_semicolon_headline(model):
    claims, _ = run(model, "Rockets hit the northern base; no casualties reported")
    assert not any(c.speaker_text and "casualties" in c.speaker_text for c in claims)


@pytest.mark.model
def test_it_speaks_for_the_organisation_named_before(model):
    claims, names = run(model, "The Northern Alliance met on Monday. It said that the talks had failed.")
    assert [(c.speaker_text, names.get(c.speaker)) for c in claims] == [("It", "The Northern Alliance")]
    assert claims[0].text == "the talks had failed"


@pytest.mark.model
def test_a_quote_carries_on_after_its_attribution_and_across_paragraphs(model):
    text = ('"We will not leave the city," the commander said. "Our men are ready to fight.\n'
            '"The enemy knows it."')
    claims, _ = run(model, text)
    assert [c.text for c in claims] == ["We will not leave the city,", "Our men are ready to fight.",
                                        "The enemy knows it."]
    assert {c.speaker_text for c in claims} == {"the commander"}


@pytest.mark.model
def test_a_quote_after_unrelated_narration_is_not_carried_on(model):
    claims, _ = run(model, '"We will stay," the commander said. Troops then left the town. "It is over."')
    assert [c.text for c in claims] == ["We will stay,"]


@pytest.mark.model
def test_a_statement_which_reads_speaks_for_its_issuer(model):
    text = 'The Northern Alliance answered in a statement, which reads, "We reject the plan entirely."'
    claims, names = run(model, text)
    assert [c.text for c in claims] == ["We reject the plan entirely."]
    assert claims[0].speaker_text == "The Northern Alliance"


@pytest.mark.model
@pytest.mark.parametrize("text", [
    pytest.param("The ministry did not say that the talks had failed.", id="negated verb"),
    pytest.param("Armed groups in the city stand accused of launching the rocket attack.",
                 id="the accused of a passive"),
    pytest.param("It said that the talks had failed.", id="'it' with nothing named before"),
    pytest.param("Reporters visited the Northern Alliance base in Geneva. It said the talks had"
                 " failed.", id="'it' for a body named outside a subject"),
])
def test_no_claim(model, text: str) -> None:
    assert run(model, text)[0] == []


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("The army issued a statement saying the border town was calm.",
                 [("The army", "the border town was calm")], id="issued a statement saying"),
    pytest.param("The agency quoted a senior officer as saying the convoy had been hit.",
                 [("a senior officer", "the convoy had been hit")], id="quoted as saying"),
    pytest.param("The Northern Alliance met in Geneva. An official was quoted as saying that it"
                 " was too early to judge.", [("An official", "it was too early to judge")],
                 id="was quoted as saying"),
    pytest.param('The minister called the deal "a historic mistake for the region."',
                 [("The minister", "a historic mistake for the region.")], id="called it a quote"),
    pytest.param("The ministry described the strike as a grave violation.",
                 [("The ministry", "the strike as a grave violation")], id="described it as"),
])
def test_speaker_and_statement(model, text: str, expected: list) -> None:
    assert spoken(model, text) == expected


@pytest.mark.model
@pytest.mark.parametrize(("text", "speaker_text", "entity", "opens"), [
    pytest.param('The Northern Alliance met on Monday. "Our forces remain on alert," it read.',
                 None, "The Northern Alliance", "Our forces remain on alert", id="it read"),
    pytest.param("The Northern Alliance met on Monday. The statement said a new round would"
                 " start.", "The statement", "The Northern Alliance", None,
                 id="the statement speaks for its issuer"),
    pytest.param("The provincial governor, Karim Haddad, said the roads were closed.",
                 "The provincial governor, Karim Haddad", "Karim Haddad", None,
                 id="the speaker keeps its apposition"),
    pytest.param("A statement by the Northern Alliance said the talks had failed.",
                 None, "the Northern Alliance", None, id="a statement by a body speaks for it"),
])
def test_one_claim_and_the_entity_that_speaks(model, text: str, speaker_text: str | None,
                                              entity: str, opens: str | None) -> None:
    claims, names = run(model, text)
    assert len(claims) == 1
    assert names.get(claims[0].speaker) == entity
    assert speaker_text is None or claims[0].speaker_text == speaker_text
    assert opens is None or claims[0].text.startswith(opens)
def test_called_it_a_quote_and_described_it_as(model):
    claims, _ = run(model, 'The minister called the deal "a historic mistake for the region."')
    assert [(c.speaker_text, c.text) for c in claims] == [("The minister", "a historic mistake for the region.")]
    claims, _ = run(model, "The ministry described the strike as a grave violation.")
    assert [(c.speaker_text, c.text) for c in claims] == [("The ministry", "the strike as a grave violation")]


@pytest.mark.model
def test_the_group_speaks_for_the_organisation_named_before(model):
    claims, names = run(model, "The Northern Alliance claimed the attack on Monday. "
                               "The group said that its fighters had hit four bases.")
    assert [(c.speaker_text, names.get(c.speaker)) for c in claims][-1] == ("The group", "The Northern Alliance")


@pytest.mark.model
def test_a_group_of_people_is_not_a_definite_referent(model):
    claims, names = run(model, "The Northern Alliance met on Monday. "
                               "A group of residents said that the water had been cut.")
    assert all(names.get(c.speaker) is None for c in claims)
