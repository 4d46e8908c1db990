"""The name lexicon (data/lexicons/names.yaml): schema and lookup-ready form."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .schema import Strict, fail, read_yaml, validate


class Articles(Strict):
    plain: list[str]
    assimilated: list[str]


class NamesFile(Strict):
    version: int = 1
    titles: list[str]
    title_sectors: dict[str, list[str]]
    articles: Articles
    kunya: list[str] = []
    abd: list[str]
    kunya_canonical: dict[str, str]
    connectors: list[str]
    variant_classes: list[tuple[str, str]]
    org_heads: dict[str, str]
    org_words: list[str]
    sector_words: dict[str, str]
    org_head_classes: list[list[str]]
    junk: list[str]
    political_verbs: list[str]
    political_nouns: list[str]
    minor_place_heads: list[str]
    lowercase_place_heads: list[str] = []
    region_modifiers: list[str]
    roles: list[str]
    backer_links: list[str] = []
    group_heads: list[str] = []
    follower_nouns: list[str] = []
    follower_ties: list[str] = []
    follower_sectors: list[str] = []
    local_groups: dict[str, list[str]] = {}
    state_groups: list[str] = []


@dataclass(frozen=True, slots=True, kw_only=True, eq=False)
class NameLexicon:
    """The name lexicon in lookup-ready form (compared and hashed by identity, so the
    name-key functions can memoise per lexicon)."""
    titles: tuple[tuple[str, ...], ...]          # longest first
    title_sectors: dict[str, str]
    articles: frozenset[str]
    assimilated: frozenset[str]
    kunya: dict[str, str]
    abd: tuple[str, ...]                          # longest first
    connectors: frozenset[str]
    letter_map: dict[str, str]
    letter_re: re.Pattern
    org_heads: dict[str, str]
    org_words: frozenset[str]
    org_head_class: dict[str, str]
    sector_words: dict[str, str]
    junk: frozenset[str]
    political_verbs: frozenset[str]
    political_nouns: frozenset[str]
    minor_place_heads: frozenset[str]
    lowercase_place_heads: frozenset[str]
    region_modifiers: frozenset[str]
    roles: frozenset[str]
    backer_links: tuple[str, ...] = ()
    group_heads: tuple[str, ...] = ()
    follower_nouns: tuple[str, ...] = ()
    follower_ties: tuple[str, ...] = ()        # 'those backing <leader>', 'men loyal to <leader>'
    follower_sectors: frozenset[str] = frozenset()
    local_groups: dict[str, str] | None = None   # noun lemma(s) -> the group it describes
    state_groups: tuple[str, ...] = ()           # groups that are the home state's force


def load_names(path: Path) -> NameLexicon:
    data = validate(NamesFile, read_yaml(path), file=path.name)
    for i, cls in enumerate(data.org_head_classes):
        if not cls:
            raise fail(path.name, f"org_head_classes.#{i + 1}", "an empty class")
    titles = sorted({tuple(t.split()) for t in data.titles}, key=lambda t: (-len(t), t))
    pairs = {a: b for a, b in data.variant_classes}
    letter_re = re.compile("|".join(sorted(map(re.escape, pairs), key=lambda s: (-len(s), s))))
    heads = {}
    for cls in data.org_head_classes:
        heads.update({w: cls[0] for w in cls})
    return NameLexicon(
        titles=tuple(titles),
        title_sectors={t: s for s, ts in data.title_sectors.items() for t in ts},
        articles=frozenset(data.articles.plain),
        assimilated=frozenset(data.articles.assimilated),
        kunya=dict(data.kunya_canonical),
        abd=tuple(sorted(data.abd, key=lambda s: (-len(s), s))),
        connectors=frozenset(data.connectors),
        letter_map=pairs, letter_re=letter_re,
        org_heads=dict(data.org_heads), org_head_class=heads,
        org_words=frozenset((*data.org_heads, *data.org_words)),
        sector_words=dict(data.sector_words),
        junk=frozenset(data.junk),
        political_verbs=frozenset(data.political_verbs),
        political_nouns=frozenset(data.political_nouns),
        minor_place_heads=frozenset(data.minor_place_heads),
        lowercase_place_heads=frozenset(data.lowercase_place_heads),
        region_modifiers=frozenset(data.region_modifiers),
        roles=frozenset(data.roles),
        backer_links=tuple(data.backer_links),
        group_heads=tuple(sorted(data.group_heads, key=lambda w: (-len(w), w))),
        follower_nouns=tuple(data.follower_nouns),
        follower_ties=tuple(data.follower_ties),
        follower_sectors=frozenset(data.follower_sectors),
        local_groups={" ".join(n.lower().split()): group
                      for group, nouns in data.local_groups.items() for n in nouns},
        state_groups=tuple(data.state_groups),
    )
