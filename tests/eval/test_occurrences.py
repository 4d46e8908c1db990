"""Gold alias occurrences: a string that is an alias of several gold entities belongs,
in one document, to those the gold says that document mentions."""
from __future__ import annotations

from newsgraph.eval.mentions import gold_occurrences
from newsgraph.eval.spans import DocMap

TEXTS = {"one.txt": "Rockets fell on Qarvan overnight.",
         "two.txt": "Qarvan province officials met in Qarvan on Monday."}
EXPORT = {"documents": [{"id": "D1", "source": "one.txt"}, {"id": "D2", "source": "two.txt"}]}


def _gold(city_docs, province_docs):
    return {"entities": [
        {"id": "qarvan_city", "aliases": ["Qarvan"], "mentioned_in": city_docs},
        {"id": "qarvan_province", "aliases": ["Qarvan", "Qarvan province"],
         "mentioned_in": province_docs}]}


def _owners(gold) -> dict[tuple[str, int], set[str]]:
    docs = DocMap(EXPORT, None)
    out: dict[tuple[str, int], set[str]] = {}
    for occ in gold_occurrences(gold, TEXTS, docs):
        if occ.form == "Qarvan":
            out.setdefault((occ.span.doc, occ.span.start), set()).add(occ.entity)
    return out


def test_a_shared_alias_belongs_to_the_entities_its_document_mentions():
    owners = _owners(_gold(["one.txt", "two.txt"], ["two.txt"]))
    assert owners[("one.txt", 16)] == {"qarvan_city"}          # only the city is there
    assert owners[("two.txt", 0)] == {"qarvan_city", "qarvan_province"}


def test_without_a_mentioning_entity_every_owner_is_kept():
    owners = _owners(_gold([], []))
    assert owners[("one.txt", 16)] == {"qarvan_city", "qarvan_province"}
