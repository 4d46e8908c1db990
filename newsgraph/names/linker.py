"""Link a name to a knowledge-base actor: exact alias first, then name keys + match rules."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..kb import KnowledgeBase
from ..lexicons.names import NameLexicon
from .keys import fold, is_acronym, parse
from .match import MatchContext, match, type_class

_CACHE: dict[tuple[int, int], tuple[KnowledgeBase, NameLexicon, KBIndex]] = {}


@dataclass(frozen=True, slots=True)
class KBIndex:
    """Lookup tables over every name and alias of the KB, keyed with the name lexicon."""
    kb: KnowledgeBase
    lex: NameLexicon
    by_text: dict[str, frozenset[str]]        # folded alias -> actor ids
    by_key: dict[str, frozenset[str]]         # full key -> actor ids
    by_flat: dict[str, frozenset[str]]        # key without word breaks -> actor ids
    by_last: dict[str, tuple[tuple[str, str], ...]]  # last key -> (alias, actor id)
    by_metonym: dict[str, frozenset[str]]     # folded metonym (a capital) -> actor ids

    def metonym(self, name: str) -> str | None:
        """The one actor `name` stands for as a metonym (a capital for its state)."""
        ids = self.by_metonym.get(fold(name), frozenset())
        return next(iter(ids)) if len(ids) == 1 else None

    def exact(self, name: str) -> frozenset[str]:
        """Actors that have `name` as a name or alias (folded; acronyms as written)."""
        p = parse(name, self.lex)
        if p.acronym:
            return self.by_key.get(p.key, frozenset())
        found = self.by_text.get(fold(name), frozenset())
        if not found and name.strip().istitle() and is_acronym(name.upper()):
            found = self.by_key.get(parse(name.upper(), self.lex).key, frozenset())
        return found    # "Xyz" written for the acronym "XYZ" when no name is spelled so

    def link_exact(self, name: str, label: str | None = None) -> str | None:
        """The one actor with `name` as a name or alias (no spelling variation)."""
        ids = self._typed(self.exact(name), label)
        return next(iter(ids)) if len(ids) == 1 else None

    def link(self, name: str, label: str | None = None, *, single: bool = True) -> str | None:
        """The one actor `name` stands for, or None when unknown or ambiguous; with
        `single=False` one-word names link only exactly (a demonym is not a country)."""
        ids = self._typed(self.exact(name), label)
        if len(ids) == 1:
            return next(iter(ids))
        p = parse(name, self.lex)
        if p.acronym or not p.keys or label == "NORP" or (len(p.keys) == 1 and not single):
            return None
        for table, key in ((self.by_key, p.key), (self.by_flat, p.flat)):
            ids = self._typed(table.get(key, frozenset()), label)
            if len(ids) == 1:
                return next(iter(ids))
            if len(ids) > 1:
                return None
        return self._by_rules(name, label) if len(p.keys) > 1 else None

    def _by_rules(self, name: str, label: str | None) -> str | None:
        found = set()
        lex = self.lex
        for alias, actor_id in self.by_last.get(parse(name, lex).last, ()):
            actor = self.kb.actors[actor_id]
            if (label and not _compatible(label, actor.type)) or len(parse(alias, lex).keys) < 2:
                continue
            ctx = MatchContext(lex=lex, label_a=label or actor.type, label_b=actor.type)
            if match(name, alias, context=ctx).same:
                found.add(actor_id)
        return found.pop() if len(found) == 1 else None

    def _typed(self, ids: frozenset[str], label: str | None) -> frozenset[str]:
        if not label:
            return ids
        return frozenset(i for i in ids if _compatible(label, self.kb.actors[i].type))


def _compatible(label: str, actor_type: str) -> bool:
    return type_class(label) == type_class(actor_type)


def build_index(kb: KnowledgeBase, lex: NameLexicon) -> KBIndex:
    by_text: dict[str, set[str]] = defaultdict(set)
    by_key: dict[str, set[str]] = defaultdict(set)
    by_flat: dict[str, set[str]] = defaultdict(set)
    by_last: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for alias, actor_id in kb.alias_items():
        p = parse(alias, lex)
        if not p.acronym:
            by_text[fold(alias)].add(actor_id)
        if not p.keys:
            continue
        by_key[p.key].add(actor_id)
        if not p.acronym:
            by_flat[p.flat].add(actor_id)
            by_last[p.last].add((alias, actor_id))
    by_metonym: dict[str, set[str]] = defaultdict(set)
    for actor in kb.actors.values():
        for name in actor.metonyms:
            by_metonym[fold(name)].add(actor.id)
    freeze = lambda d: {k: frozenset(v) for k, v in d.items()}
    return KBIndex(kb, lex, freeze(by_text), freeze(by_key), freeze(by_flat),
                   {k: tuple(sorted(v)) for k, v in by_last.items()}, freeze(by_metonym))


def kb_index(kb: KnowledgeBase, lex: NameLexicon) -> KBIndex:
    """The index of `kb` keyed with `lex`, built once per pair of objects."""
    hit = _CACHE.get((id(kb), id(lex)))
    if hit is not None and hit[0] is kb and hit[1] is lex:
        return hit[2]
    if len(_CACHE) > 8:
        _CACHE.clear()
    index = build_index(kb, lex)
    _CACHE[(id(kb), id(lex))] = (kb, lex, index)
    return index
