"""The blocks of incremental resolution: which stored rows a batch of new articles can
change (docs/linking.md, "Incremental resolution").

Every resolver compares rows only inside blocks; the blocks are keys, and two rows
that share no key are never compared:

- entities: a mention's unit (its KB actor, or type class and name) and the name keys
  `group_entities` compares a name in (entities.item_keys);
- event reports: the linker's blocking keys of a report (event_link.Profile keys within
  its type family, `events._block_keys`), its copy bin (syndicated copies) and its
  article (two reports of one article can be one sentence read twice);
- articles: the MinHash bands and the publisher + title of `corroboration.source_groups`.

This module computes the keys and keeps them in the store (tables resolve_items and
resolve_keys, migration 011); resolve/incremental.py walks them.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence

from ..geo.gazetteer import Gazetteer
from ..lexicons import Lexicons
from ..model import Article, Event, Mention, Relation
from .corroboration import BANDS, ROWS, _signature, independent_publisher, shingles
from .entities import item_keys, link_mentions, site_names
from .event_facets import LinkConfig, evidence_text, stated_place
from .event_link import Profile
from .events import _block_keys, _type_blocks
from .states import link_states, state_arguments

CHUNK = 500          # ids per IN (...) list


def chunks(values: Sequence, size: int = CHUNK) -> Iterable[Sequence]:
    for i in range(0, len(values), size):
        yield values[i:i + size]


def marks(values: Sequence) -> str:
    return ", ".join("?" * len(values))


# entities ------------------------------------------------------------------------
def linked_mentions(mentions: Sequence[Mention], relations: Sequence[Relation],
                    events: Sequence[Event], data: Lexicons) -> list[Mention]:
    """The mentions of whole articles after the article-level passes (state words as
    arguments, place fragments, KB linking): what `group_entities` groups."""
    ms = link_states(mentions, kb=data.kb, names=data.names, demonyms=data.places.demonyms,
                     arguments=state_arguments(relations, events))
    return link_mentions(ms, kb=data.kb, names=data.names)


def site_of(data: Lexicons) -> dict[str, str]:
    """The gazetteer's site spellings by name key (entities.site_names), as the full
    resolve groups places (stage.store_inputs)."""
    return site_names(Gazetteer.load().site_surfaces(), data.names)


def item_rows(mentions: Sequence[Mention], data: Lexicons
              ) -> tuple[list[dict], dict[str, list[str]]]:
    """resolve_items rows of linked mentions, and each name unit's keys."""
    rows, keys = [], {}
    sites = site_of(data)
    for m in mentions:
        item, found = item_keys(m, data.names, sites)
        rows.append(dict(mention=m.id, doc=m.doc, item=item, label=m.label, kb_id=m.kb_id))
        if item.startswith("n:") and item not in keys:
            keys[item] = [key_text(k) for k in found]
    return rows, keys


def key_text(key: tuple) -> str:
    return json.dumps(list(key), ensure_ascii=False)


# event reports ---------------------------------------------------------------------
def copy_key(e: Event, p: Profile) -> str:
    """The copy bin of a report (events._copies): equal for syndicated copies."""
    where = e.location
    key = (e.type, e.mode, e.date and e.date.date, evidence_text(e), p.published,
           where and (where.name, where.kind), stated_place(e) is not None,
           sorted(p.participants), sorted(p.actors))
    return "c:" + hashlib.blake2b(json.dumps(key, ensure_ascii=False).encode(),
                                  digest_size=12).hexdigest()


def linker_keys(p: Profile, cfg: LinkConfig) -> set[str]:
    """The keys `events.candidate_pairs` blocks a report on (the hand linker's)."""
    return {key_text(k) for family in _type_blocks(p.event.type, cfg)
            for k in _block_keys(p, family)}


def event_rows(events: Sequence[Event], reps: Sequence[Profile],
               copies: Sequence[Sequence[int]], cfg: LinkConfig) -> list[dict]:
    """resolve_keys rows of reports: every report its copy bin and article; the first
    report of each copy group (the one the linker scores) its blocking keys. `reps`:
    the profile of each copy group (its copies are equal in every linking feature)."""
    rows = []
    for p, group in zip(reps, copies, strict=True):
        for n, k in enumerate(group):
            e = events[k]
            keys = {copy_key(e, p), "a:" + e.doc} | (linker_keys(p, cfg) if n == 0 else set())
            rows += [dict(kind="event", key=key, id=e.id) for key in sorted(keys)]
    return rows


def link_rows(edges: Iterable[tuple[str, str]]) -> list[dict]:
    """resolve_keys rows of the pairs the clusters depend on, both ways (kind 'link':
    key is one report, id the other)."""
    return [dict(kind="link", key=a, id=b) for x, y in edges for a, b in ((x, y), (y, x))]


def probe_keys(p: Profile, cfg: LinkConfig) -> set[str]:
    """Every key a report may hold (as the first of its copy group)."""
    return {copy_key(p.event, p), "a:" + p.event.doc} | linker_keys(p, cfg)


# articles ----------------------------------------------------------------------------
def article_keys(a: Article) -> list[str]:
    """The MinHash bands of an article's text and its publisher + title."""
    keys = []
    sh = shingles(a.text)
    if sh:
        sig = _signature(sh)
        keys += [f"b:{band}:{sig[band * ROWS:(band + 1) * ROWS].tobytes().hex()}"
                 for band in range(BANDS)]
    if a.publisher and a.title:
        keys.append("t:" + key_text((independent_publisher(a.publisher),
                                     " ".join(a.title.casefold().split()))))
    return keys


def article_rows(articles: Iterable[Article]) -> list[dict]:
    return [dict(kind="article", key=k, id=a.id) for a in articles for k in article_keys(a)]


# the store -------------------------------------------------------------------------
def members(conn, kind: str, keys: Iterable[str]) -> dict[str, list[str]]:
    """key -> the ids holding it, in id order."""
    out: dict[str, list[str]] = {}
    for part in chunks(sorted(set(keys))):
        for key, rid in conn.execute(
                f"SELECT key, id FROM resolve_keys WHERE kind=? AND key IN ({marks(part)})"
                " ORDER BY key, id", (kind, *part)):
            out.setdefault(key, []).append(rid)
    return out


def keys_of(conn, kind: str, ids: Iterable[str]) -> dict[str, list[str]]:
    """id -> its stored keys."""
    out: dict[str, list[str]] = {}
    for part in chunks(sorted(set(ids))):
        for key, rid in conn.execute(
                f"SELECT key, id FROM resolve_keys WHERE kind=? AND id IN ({marks(part)})"
                " ORDER BY id, key", (kind, *part)):
            out.setdefault(rid, []).append(key)
    return out


def counts(conn, kind: str, keys: Iterable[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for part in chunks(sorted(set(keys))):
        out.update(conn.execute(
            f"SELECT key, count(*) FROM resolve_keys WHERE kind=? AND key IN ({marks(part)})"
            " GROUP BY key", (kind, *part)).fetchall())
    return out


def replace_keys(conn, kind: str, ids: Iterable[str], rows: list[dict]) -> None:
    """Drop the stored keys of `ids` and write `rows` in their place."""
    for part in chunks(sorted(set(ids))):
        conn.execute(f"DELETE FROM resolve_keys WHERE kind=? AND id IN ({marks(part)})",
                     (kind, *part))
    if rows:
        conn.executemany("INSERT OR IGNORE INTO resolve_keys (kind, key, id)"
                         " VALUES (:kind, :key, :id)", rows)


def item_key_rows(keys: Mapping[str, list[str]]) -> list[dict]:
    return [dict(kind="item", key=k, id=item) for item, ks in keys.items() for k in ks]
