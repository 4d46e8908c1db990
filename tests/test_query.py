"""Query layer: a relation whose evidence is a side of a contradiction is contested,
in the export path (View) and in the browsing path (BrowseView) alike."""
from __future__ import annotations

import pytest

from newsgraph import query, query_actors
from newsgraph.model import Contradiction, ContradictionValue
from newsgraph.store import View, connect
from newsgraph.store.browse import BrowseView
from tests import handmade


def _store(path, *, dispute: bool):
    if not dispute:
        return handmade.build_store(path)
    recs, _ = handmade.records()
    leads = [r for rec in recs for r in rec.relations if r.predicate == "leader_of"]
    contra = Contradiction(id="Xleader0000000", about="Ebrigades000000", field="leader",
                           values=tuple(ContradictionValue(value=v, evidence=(r.evidence,))
                                        for v, r in zip(("A", "B"), leads)))
    return handmade.build_store(path, extra=(contra,))


def _leader_status(rows):
    [row] = [r for r in rows if r["predicate"] == "leader_of"]
    return row["sources"], row["status"]


@pytest.mark.parametrize("dispute, expected", [(False, "corroborated"), (True, "contested")])
def test_relation_status_follows_contradiction_evidence(tmp_path, dispute, expected):
    db = _store(tmp_path / "kb.sqlite", dispute=dispute)
    assert _leader_status(query.relations(View.open(db))) == (2, expected)
    assert _leader_status(query_actors.linked_relations(BrowseView.open(db))) == (2, expected)


def test_undisputed_relation_of_same_store_stays_single_source(tmp_path):
    db = _store(tmp_path / "kb.sqlite", dispute=True)
    [office] = [r for r in query.relations(View.open(db)) if r["predicate"] == "holds_office"]
    assert (office["sources"], office["status"]) == (1, "single-source")


def test_store_remembers_the_extra_kb_it_was_built_with(tmp_path):
    user_kb = tmp_path / "mine.yaml"
    user_kb.write_text("- id: my_brigades\n  name: Northern Brigades\n  type: ORG\n"
                       "  sector: paramilitary\n  country: IQ\n", encoding="utf-8")
    db = handmade.build_store(tmp_path / "kb.sqlite")
    assert View.open(db).kb_paths() == ()
    conn = connect(db)
    conn.execute("INSERT OR REPLACE INTO meta VALUES ('kb_paths', ?)", (f'["{user_kb}"]',))
    conn.commit()
    conn.close()
    view = View.open(db)
    assert view.kb_paths() == (str(user_kb),)
    assert "my_brigades" in view.knowledge_base().actors
