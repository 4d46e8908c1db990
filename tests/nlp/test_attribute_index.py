"""The indexed attribute ruler gives every token what spaCy's own ruler gives it."""
import spacy
import pytest

from newsgraph.nlp.attribute_index import FACTORY, IndexedAttributeRuler, replace_attribute_ruler
from newsgraph.settings import Settings

TEXTS = [
    "The mayor said on Tuesday that two drones struck a fuel depot near the river port.",
    "They ain't gonna sign it, a spokesman told reporters: 'We won't.'",
    "Ms. Oduya, 54, has led the party since 2019 and isn't standing again.",
    "Rebels   shelled the town\n\nPolice arrested 12 people; three were later released!",
]


@pytest.fixture(scope="module")
def pair():
    try:
        stock, indexed = spacy.load(Settings().model), spacy.load(Settings().model)
    except OSError:
        pytest.skip("spaCy model not installed")
    replace_attribute_ruler(indexed)
    return stock, indexed


def test_replaces_in_place_with_the_same_rules(pair):
    stock, indexed = pair
    assert indexed.pipe_names == stock.pipe_names
    ruler = indexed.get_pipe("attribute_ruler")
    assert isinstance(ruler, IndexedAttributeRuler)
    assert ruler.patterns == stock.get_pipe("attribute_ruler").patterns
    assert indexed.get_pipe_meta("attribute_ruler").factory == FACTORY


@pytest.mark.parametrize("text", TEXTS)
def test_same_annotations_and_matches(pair, text):
    stock, indexed = pair
    a, b = stock(text), indexed(text)
    assert [(t.pos_, str(t.morph), t.lemma_) for t in a] == [
        (t.pos_, str(t.morph), t.lemma_) for t in b]
    with stock.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        doc = stock(text)
    assert stock.get_pipe("attribute_ruler").match(doc) == indexed.get_pipe("attribute_ruler").match(doc)


def test_rules_the_index_cannot_answer_still_apply(pair):
    """Several-token and REGEX rules go through a Matcher ("gonna" -> lemma "go", "to")."""
    _, indexed = pair
    ruler = indexed.get_pipe("attribute_ruler")
    rules, rest, _ = ruler._compiled()
    assert len(rest) > 0 and len(rules) > 100
    doc = indexed("We are gonna win.")
    assert [t.lemma_ for t in doc][2:4] == ["go", "to"]
