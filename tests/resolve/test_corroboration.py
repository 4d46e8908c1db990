"""Independent sources: syndicated copies count once."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.ids import article_id
from newsgraph.model import Article
from newsgraph.resolve.corroboration import assess, independent_publisher, source_groups

WORDS = ("militia rocket base governor protest parliament minister strike convoy border "
         "province election candidate coalition ceasefire statement embassy drone").split()


def story(seed: int, n: int = 120) -> str:
    return " ".join(WORDS[(seed * 7 + i * (seed % 5 + 1)) % len(WORDS)] + str(i % 13) for i in range(n))


def art(text: str, publisher: str | None, title: str | None = None, tag: str = "") -> Article:
    return Article(id=article_id(text + tag), source=tag or "x", text=text, publisher=publisher, title=title)


def test_near_duplicates_group_and_count_once():
    base = story(1)
    copy = base.replace("militia0", "militias0", 1)          # one word edited by the republisher
    other = story(2)
    arts = [art(base, "Wire A"), art(copy, "Paper B"), art(other, "Paper C")]
    groups = source_groups(arts)
    assert groups[arts[0].id] == groups[arts[1].id] != groups[arts[2].id]
    pubs = {a.id: a.publisher for a in arts}
    got = assess({"k": [a.id for a in arts], "solo": [arts[0].id, arts[1].id]}, groups=groups,
                 publishers=pubs, contested={"c"})
    assert got["k"] == (2, "corroborated")
    assert got["solo"] == (1, "single-source")


def test_same_publisher_and_title_group():
    a, b = art(story(3), "Daily X", "Attack on base"), art(story(4), "Daily X", "Attack on base ")
    groups = source_groups([a, b])
    assert groups[a.id] == groups[b.id]


def test_republisher_counts_as_the_original():
    assert independent_publisher("Site Y (republishing Wire A)") == "wire a"
    arts = [art(story(5), "Wire A"), art(story(6), "Site Y (republishing Wire A)")]
    groups = source_groups(arts)
    got = assess({"k": [a.id for a in arts]}, groups=groups, publishers={a.id: a.publisher for a in arts})
    assert got["k"] == (1, "single-source")


def test_contested_wins():
    arts = [art(story(7), "A"), art(story(8), "B")]
    got = assess({"k": [a.id for a in arts]}, groups=source_groups(arts),
                 publishers={a.id: a.publisher for a in arts}, contested=["k"])
    assert got["k"] == (2, "contested")


@settings(max_examples=40, deadline=None)
@given(seeds=st.lists(st.integers(0, 40), min_size=1, max_size=5, unique=True),
       pubs=st.lists(st.sampled_from(["A", "B", "C", None]), min_size=5, max_size=5),
       which=st.integers(0, 4), copy_pub=st.sampled_from(["A", "B", "D", None]))
def test_adding_an_exact_copy_never_increases_sources(seeds, pubs, which, copy_pub):
    arts = [art(story(s), pubs[i], tag=str(i)) for i, s in enumerate(seeds)]
    original = arts[which % len(arts)]
    copy = art(original.text, copy_pub, tag="copy")
    before = assess({"k": [a.id for a in arts]}, groups=source_groups(arts),
                    publishers={a.id: a.publisher for a in arts})["k"][0]
    more = [*arts, copy]
    after = assess({"k": [a.id for a in more]}, groups=source_groups(more),
                   publishers={a.id: a.publisher for a in more})["k"][0]
    assert after <= before
