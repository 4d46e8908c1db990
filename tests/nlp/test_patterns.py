"""Construction pattern files: the schema (no model) and every pattern on its own example."""
from __future__ import annotations

import pytest

from newsgraph.errors import DataError
from newsgraph.lexicons.patterns import read_pattern_file
from newsgraph.nlp.patterns import Patterns
from newsgraph.nlp.relations.constructions import PATTERN_FILE, USED, constructions
from tests.shipped import data

GOOD = """version: 1
patterns:
  - name: hyphen_backing
    construction: "A-backed B"
    kind: token
    pattern: [{TEXT: "-"}, {LOWER: {IN: "@backing"}}]
    example: "An A-backed group."
    expect: ["-", "backed"]
"""


def _write(tmp_path, text: str):
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_file_loads(tmp_path) -> None:
    entries = read_pattern_file(_write(tmp_path, GOOD))
    assert [(e.name, e.kind, len(e.pattern)) for e in entries] == [("hyphen_backing", "token", 2)]


@pytest.mark.parametrize(("old", "new", "says"), [
    ("kind: token", "kind: regex", "hyphen_backing"),
    ('    example: "An A-backed group."\n', "", "example"),
    ("name: hyphen_backing", "name: Hyphen Backing", "pattern 0"),
    ("version: 1", "version: 2", "version"),
])
def test_a_bad_entry_names_the_file_and_the_entry(tmp_path, old, new, says) -> None:
    path = _write(tmp_path, GOOD.replace(old, new))
    with pytest.raises(DataError) as err:
        read_pattern_file(path)
    assert str(path) in str(err.value) and says in str(err.value)


def test_dependency_nodes_must_hang_on_earlier_nodes(tmp_path) -> None:
    bad = GOOD.replace("kind: token", "kind: dependency").replace(
        'pattern: [{TEXT: "-"}, {LOWER: {IN: "@backing"}}]',
        "pattern: [{RIGHT_ID: v, RIGHT_ATTRS: {POS: VERB}},"
        " {LEFT_ID: w, REL_OP: '>', RIGHT_ID: s, RIGHT_ATTRS: {DEP: nsubj}}]")
    with pytest.raises(DataError, match="not an earlier node"):
        read_pattern_file(_write(tmp_path, bad))


def test_duplicate_names_are_refused(tmp_path) -> None:
    twice = GOOD + GOOD.split("patterns:\n", 1)[1]
    with pytest.raises(DataError, match="duplicate names"):
        read_pattern_file(_write(tmp_path, twice))


def test_an_unknown_word_list_is_an_error(tmp_path) -> None:
    with pytest.raises(DataError, match="no word list '@backing'"):
        Patterns.load(_write(tmp_path, GOOD), words={"verbs": ["oppose"]})


def test_the_relation_file_has_every_pattern_the_rules_use() -> None:
    assert set(USED) <= set(constructions(data().relations).names())


@pytest.mark.model
@pytest.mark.parametrize("entry", read_pattern_file(PATTERN_FILE), ids=lambda e: e.name)
def test_each_relation_pattern_matches_its_example(model, entry) -> None:
    doc = model(entry.example)
    found = constructions(data().relations).find(doc)[entry.name]
    as_text = [[doc[i].text for i in m] if entry.kind == "dependency" else [t.text for t in doc[m[0]:m[1]]]
               for m in found]
    assert entry.expect in as_text


@pytest.mark.model
def test_the_rooted_dependency_matcher_finds_what_spacys_finds(model) -> None:
    """Same matches, same order as spaCy's DependencyMatcher, on several sentences with
    every dependency pattern of the relation file."""
    from spacy.matcher import DependencyMatcher

    from newsgraph.nlp.patterns import RootedDependencyMatcher, tree_roots
    doc = model("The Northern Brigades, a militia backed by Eastland, attacked the base. "
                "Its commander Karim Nadir said the group would fight on. Officials in "
                "Qarvan, the provincial capital, said three soldiers were killed.")
    roots = tree_roots(doc)
    assert [int(roots[t.i]) for t in doc] == [([t, *t.ancestors])[-1].i for t in doc]
    ours, theirs = RootedDependencyMatcher(model.vocab), DependencyMatcher(model.vocab)
    entries = [e for e in read_pattern_file(PATTERN_FILE) if e.kind == "dependency"]
    specs = constructions(data().relations).specs
    for e in entries:
        ours.add(e.name, [specs[e.name]])
        theirs.add(e.name, [specs[e.name]])
    wide = [{"RIGHT_ID": "v", "RIGHT_ATTRS": {"POS": "VERB"}},
            {"LEFT_ID": "v", "REL_OP": ">>", "RIGHT_ID": "n", "RIGHT_ATTRS": {"POS": "PROPN"}}]
    ours.add("wide", [wide])
    theirs.add("wide", [wide])
    found = ours(doc)
    assert found == theirs(doc) and len(found) >= 3
