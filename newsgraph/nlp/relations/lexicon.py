"""The relation cue lexicon (data/lexicons/relations.yaml) as a typed object."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from ...errors import DataError
from ...model import PREDICATES
from ...settings import DATA_DIR

Phrase = tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class RelationLexicon:
    titles: dict[Phrase, str]            # title phrase -> predicate
    offices: frozenset[Phrase]
    posts: frozenset[Phrase]             # titles naming a post in an organisation
    modifiers: frozenset[str]
    ended: frozenset[str]
    backing: dict[str, str]              # participle -> predicate ("backed" -> backed_by)
    by_verbs: dict[str, tuple[str, bool]]   # lemma -> (predicate, inverse)
    cues: dict[str, tuple[frozenset[str], str]]   # word -> (prepositions, predicate)
    verbs: dict[str, str]
    verb_preps: dict[str, dict[str, str]]     # lemma -> preposition -> predicate
    comprising: frozenset[Phrase]
    examples: frozenset[Phrase]
    located_preps: frozenset[str]
    directions: frozenset[str]
    place_kinds: frozenset[str]
    negation: frozenset[str]

    max_title: int = 0                   # longest title or office, in words (set on load)
    arguments: dict[str, dict[str, frozenset[str]]] = field(default_factory=dict)


def phrase(text: str) -> Phrase:
    """Split a lexicon phrase the way spaCy splits words ("secretary-general" -> 3 tokens)."""
    return tuple(text.casefold().replace("-", " - ").split())


def _words(values: list) -> frozenset[str]:
    return frozenset(str(v).casefold() for v in values or ())


@lru_cache(maxsize=4)
def load_lexicon(path: Path | None = None) -> RelationLexicon:
    path = path or DATA_DIR / "lexicons" / "relations.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise DataError(f"{path}: cannot read relation lexicon: {exc}") from exc
    titles = {phrase(w): pred for pred, words in data.get("titles", {}).items() for w in words}
    backing = {w.casefold(): p for p, ws in data.get("backing", {}).items() for w in ws}
    cues: dict[str, tuple[frozenset[str], str]] = {}
    for entry in data.get("cues", []):
        for w in entry["words"]:
            cues[str(w).casefold()] = (_words(entry["preps"]), entry["predicate"])
    by_verbs = {k: (v["predicate"], bool(v.get("inverse"))) for k, v in data.get("by_verbs", {}).items()}
    offices = frozenset(phrase(o) for o in data.get("offices", []))
    lex = RelationLexicon(
        titles=titles, offices=offices,
        max_title=max((len(p) for p in (*titles, *offices)), default=0),
        posts=frozenset(phrase(o) for o in data.get("posts", [])),
        modifiers=_words(data.get("title_modifiers")), ended=_words(data.get("ended")),
        backing=backing, by_verbs=by_verbs, cues=cues, verbs=dict(data.get("verbs", {})),
        verb_preps={k: {str(p).casefold(): pr for p, pr in v.items()} for k, v in data.get("verb_preps", {}).items()},
        comprising=frozenset(phrase(w) for w in data.get("comprising", [])),
        examples=frozenset(phrase(w) for w in data.get("examples", [])),
        located_preps=_words(data.get("located", {}).get("preps")),
        directions=_words(data.get("located", {}).get("directions")),
        place_kinds=_words(data.get("located", {}).get("place_kinds")),
        negation=_words(data.get("negation")),
        arguments={pred: {side: frozenset(str(x).upper() for x in labels)
                          for side, labels in sides.items()}
                   for pred, sides in (data.get("arguments") or {}).items()})
    _check(lex, path)
    return lex


def _check(lex: RelationLexicon, path: Path) -> None:
    used = {*lex.titles.values(), *lex.backing.values(), *(p for p, _ in lex.by_verbs.values()),
            *(p for _, p in lex.cues.values()),
            *(v.removesuffix("_inverse") for v in lex.verbs.values()),
            *(pr for v in lex.verb_preps.values() for pr in v.values())}
    bad = (used | set(lex.arguments)) - set(PREDICATES)
    if bad:
        raise DataError(f"{path}: unknown predicates {sorted(bad)}")
