"""Entity-ruler patterns for gazetteer names (no model needed)."""
from __future__ import annotations

from newsgraph.nlp.ruler import place_variants
from tests.shipped import data

HEADS = data().names.lowercase_place_heads


def test_place_variants_drop_and_vary_the_article() -> None:
    got = place_variants("Al Dorvana", HEADS)
    assert {"Dorvana", "al-Dorvana", "Al-Dorvana", "Dorvanah"} <= got


def test_an_article_inside_a_place_name_varies_in_case_and_hyphen() -> None:
    got = place_variants("Tel al-Dorvana", HEADS)
    assert {"Tel Al-Dorvana", "Tel al Dorvana", "Tel Al Dorvana"} <= got
    assert not any(v.startswith("Tel Dorvana") for v in got)
    assert not any(" al" in v.lower() for v in place_variants("Tel Dorvana", HEADS))


def test_generic_head_words_also_match_in_lower_case() -> None:
    assert "Dorvana governorate" in place_variants("Dorvana Governorate", HEADS)
    assert "Velmar square" in place_variants("Velmar Square", HEADS)
    assert {"Koro Hills"} == {v for v in place_variants("Koro Hills", HEADS) if "ills" in v}
    assert "dorvana governorate" not in place_variants("Dorvana Governorate", HEADS)


def _blank_with_ruler():
    import spacy

    from newsgraph.nlp.ruler import RULER_FACTORY, Pattern
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe(RULER_FACTORY)
    ruler.add_patterns([Pattern(text="Velmar Front", label="ORG", id="Q1"),
                        Pattern(text="VF", label="ORG", id="Q1", exact_case=True),
                        Pattern(text="Dorvana", label="GPE", exact_case=True)])
    return nlp


def test_registered_ruler_marks_kb_names_and_places(tmp_path) -> None:
    nlp = _blank_with_ruler()
    doc = nlp("The velmar front and the VF left Dorvana, not dorvana or vf.")
    assert [(e.text, e.label_, e.ent_id_) for e in doc.ents] == [
        ("velmar front", "ORG", "Q1"), ("VF", "ORG", "Q1"), ("Dorvana", "GPE", "")]


def test_ruler_round_trips_through_disk(tmp_path) -> None:
    import spacy
    nlp = _blank_with_ruler()
    nlp.to_disk(tmp_path / "pipe")
    again = spacy.load(tmp_path / "pipe")
    text = "VF fighters entered Dorvana."
    assert [(e.text, e.ent_id_) for e in again(text).ents] == [("VF", "Q1"), ("Dorvana", "")]
    assert again.pipe_names == ["newsgraph_kb_ruler_v1"]
    assert len(again.get_pipe("newsgraph_kb_ruler_v1").patterns) == 3
