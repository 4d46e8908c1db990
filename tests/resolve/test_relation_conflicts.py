"""Contradictions between relations."""
from __future__ import annotations

from newsgraph.model import Evidence, Relation
from newsgraph.resolve.relation_conflicts import overlaps, relation_contradictions


def rel(doc: str, subj: str, pred: str, obj: str | None = None, office: str | None = None, *,
        start: int = 0, valid_from: str | None = None, valid_to: str | None = None) -> Relation:
    return Relation(id=f"r{doc}{subj}{pred}{obj}{office}", doc=doc, subject=subj, predicate=pred,
                    object=obj, object_text=office, valid_from=valid_from, valid_to=valid_to,
                    evidence=Evidence(doc=doc, start=start, end=start + 5, text="x" * 5))


ENT = {"m1": "A", "m2": "B", "m3": "C", "m4": "B"}


def test_allied_and_opposed():
    got = relation_contradictions([rel("d1", "m1", "allied_with", "m2"), rel("d2", "m4", "opposes", "m1")],
                                  entity_of=ENT)
    assert len(got) == 1 and got[0].field == "predicate"
    assert {v.value for v in got[0].values} == {"allied_with", "opposes"}
    assert all(v.evidence for v in got[0].values)


def test_two_leaders_from_different_articles():
    rels = [rel("d1", "m1", "leader_of", "m3"), rel("d2", "m2", "leader_of", "m3")]
    got = relation_contradictions(rels, entity_of=ENT)
    assert [(c.about, c.field) for c in got] == [("C", "leader")]
    assert {v.value for v in got[0].values} == {"A", "B"}


def test_leaders_at_different_times_do_not_clash():
    rels = [rel("d1", "m1", "leader_of", "m3", valid_to="2010"),
            rel("d2", "m2", "leader_of", "m3", valid_from="2014")]
    assert relation_contradictions(rels, entity_of=ENT) == []


def test_same_article_leaders_do_not_clash():
    rels = [rel("d1", "m1", "leader_of", "m3"), rel("d1", "m2", "leader_of", "m3", start=9)]
    assert relation_contradictions(rels, entity_of=ENT) == []


def test_office_holders_and_offices():
    rels = [rel("d1", "m1", "holds_office", office="Prime Minister of Iraq"),
            rel("d2", "m2", "holds_office", office="Iraqi prime minister"),
            rel("d2", "m1", "holds_office", office="Governor of Y")]
    got = relation_contradictions(rels, entity_of=ENT)
    fields = sorted(c.field for c in got)
    assert fields == ["holder", "office"]


def test_former_office_does_not_clash_with_current():
    a = rel("d1", "m1", "holds_office", office="President", valid_to="2019-01-01")
    b = rel("d2", "m2", "holds_office", office="President")
    assert not overlaps(a, b)
    assert relation_contradictions([a, b], entity_of=ENT) == []


def test_deterministic_ids():
    rels = [rel("d1", "m1", "allied_with", "m2"), rel("d2", "m1", "opposes", "m2")]
    assert relation_contradictions(rels, entity_of=ENT) == relation_contradictions(rels[::-1], entity_of=ENT)


def test_wording_variants_of_one_office_are_no_dispute():
    rels = [rel("d1", "m1", "holds_office", office="U.S. Secretary of State"),
            rel("d2", "m1", "holds_office", office="US secretary of state"),
            rel("d3", "m1", "holds_office", office="Secretary of State")]
    assert relation_contradictions(rels, entity_of=ENT) == []


def test_holders_of_an_office_without_jurisdiction_do_not_clash():
    rels = [rel("d1", "m1", "holds_office", office="President"),
            rel("d2", "m2", "holds_office", office="president")]
    assert relation_contradictions(rels, entity_of=ENT) == []


def test_former_holder_does_not_clash_with_the_holder():
    rels = [rel("d1", "m1", "holds_office", office="former Iraqi Prime Minister"),
            rel("d2", "m2", "holds_office", office="Iraqi Prime Minister")]
    assert [c.field for c in relation_contradictions(rels, entity_of=ENT)] == []


def test_holders_of_one_named_office_clash_with_their_evidence():
    rels = [rel("d1", "m1", "holds_office", office="Iraqi Prime Minister"),
            rel("d2", "m2", "holds_office", office="Prime Minister of Iraq")]
    got = relation_contradictions(rels, entity_of=ENT)
    assert [c.field for c in got] == ["holder"]
    assert all(v.evidence for v in got[0].values)


def test_holders_in_articles_published_years_apart_are_two_terms_not_a_clash():
    rels = [rel("d1", "m1", "holds_office", office="Iraqi Prime Minister"),
            rel("d2", "m2", "holds_office", office="Prime Minister of Iraq")]
    close = {"d1": "2021-03-01", "d2": "2021-04-15"}
    apart = {"d1": "2015-03-01", "d2": "2021-04-15"}
    assert [c.field for c in relation_contradictions(rels, entity_of=ENT, published=close,
                                                     same_time_days=92)] == ["holder"]
    assert relation_contradictions(rels, entity_of=ENT, published=apart, same_time_days=92) == []
