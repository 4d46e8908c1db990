"""The relation cue lexicon (data/lexicons/relations.yaml): schema, predicate checks and
the runtime form."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..model import ENTITY_TYPES, PREDICATES
from .patterns import PatternEntry, read_pattern_file
from .schema import Strict, fail, read_yaml, validate

Phrase = tuple[str, ...]


class ByVerb(Strict):
    predicate: str
    inverse: bool = False


class Cue(Strict):
    words: list[str]
    preps: list[str]
    predicate: str


class Located(Strict):
    preps: list[str] = []
    directions: list[str] = []
    place_kinds: list[str] = []
    seats: list[str] = []


class StateMedia(Strict):
    markers: list[str] = []
    nouns: list[str] = []


class Mutual(Strict):
    nouns: list[str] = []       # "the rivalry between X and Y"
    states: list[str] = []      # "X and Y have been at war", "X is at odds with Y"


class Arguments(Strict):
    subject: list[str] = []
    object: list[str] = []
    recast: dict[str, str] = {}     # subject entity type -> the predicate said instead


class RelationsFile(Strict):
    version: int = 1
    titles: dict[str, list[str]] = {}
    posts: list[str] = []
    rulers: list[str] = []
    offices: list[str] = []
    title_modifiers: list[str] = []
    ranks: list[str] = []
    ended: list[str] = []
    backing: dict[str, list[str]] = {}
    by_verbs: dict[str, ByVerb] = {}
    cues: list[Cue] = []
    verbs: dict[str, str] = {}
    verb_preps: dict[str, dict[str, str]] = {}
    comprising: list[str] = []
    state_bodies: list[str] = []
    anaphors: list[str] = []
    units: list[str] = []
    state_media: StateMedia = StateMedia()
    anaphor_sectors: list[str] = []
    examples: list[str] = []
    located: Located = Located()
    negation: list[str] = []
    mutual: dict[str, Mutual] = {}
    arguments: dict[str, Arguments] = {}


@dataclass(frozen=True, slots=True, kw_only=True)
class RelationLexicon:
    titles: dict[Phrase, str]            # title phrase -> predicate
    offices: frozenset[Phrase]
    posts: frozenset[Phrase]             # titles naming a post in an organisation
    rulers: frozenset[Phrase]            # titles whose holder leads the state named
    modifiers: frozenset[str]
    ranks: frozenset[str]                # military ranks between a title and a name
    ended: frozenset[str]
    backing: dict[str, str]              # participle -> predicate ("backed" -> backed_by)
    by_verbs: dict[str, tuple[str, bool]]   # lemma -> (predicate, inverse)
    cues: dict[str, tuple[frozenset[str], str]]   # word -> (prepositions, predicate)
    verbs: dict[str, str]
    verb_preps: dict[str, dict[str, str]]     # lemma -> preposition -> predicate
    comprising: frozenset[Phrase]
    state_bodies: frozenset[str]         # last words of an organ of a state ("X's ... Ministry")
    examples: frozenset[Phrase]
    located_preps: frozenset[str]
    directions: frozenset[str]
    place_kinds: frozenset[str]
    negation: frozenset[str]
    seats: frozenset[str] = frozenset()  # "the B capital of A": A lies in B
    anaphors: frozenset[str] = frozenset()  # "the group": the organisation named last
    units: frozenset[str] = frozenset()     # last words of a unit's name ("X Force of Y")
    media_markers: frozenset[str] = frozenset()     # "state-run", "official"
    media_nouns: frozenset[str] = frozenset()       # "news agency", "television"
    anaphor_sectors: frozenset[str] = frozenset()  # ... of one of these KB sectors
    mutual_nouns: dict[str, str] = field(default_factory=dict)     # "rivalry" -> opposes
    mutual_states: dict[Phrase, str] = field(default_factory=dict)  # ("at", "war") -> opposes

    max_title: int = 0                   # longest title or office, in words (set on load)
    arguments: dict[str, dict[str, frozenset[str]]] = field(default_factory=dict)
    recast: dict[str, dict[str, str]] = field(default_factory=dict)   # pred -> subject type -> pred
    patterns: tuple[PatternEntry, ...] = ()    # construction patterns (patterns/relations.yaml)
    patterns_file: str = ""


def phrase(text: str) -> Phrase:
    """Split a lexicon phrase the way spaCy splits words ("secretary-general" -> 3 tokens)."""
    return tuple(text.casefold().replace("-", " - ").split())


def _words(values: list[str]) -> frozenset[str]:
    return frozenset(v.casefold() for v in values)


def load_relations(path: Path, *, patterns: Path | None = None) -> RelationLexicon:
    """The relation lexicon and (from `patterns`) its construction patterns."""
    data = validate(RelationsFile, read_yaml(path), file=path.name)
    _check(data, path.name)
    titles = {phrase(w): pred for pred, words in data.titles.items() for w in words}
    offices = frozenset(phrase(o) for o in data.offices)
    cues: dict[str, tuple[frozenset[str], str]] = {}
    for entry in data.cues:
        for w in entry.words:
            cues[w.casefold()] = (_words(entry.preps), entry.predicate)
    return RelationLexicon(
        titles=titles, offices=offices,
        max_title=max((len(p) for p in (*titles, *offices)), default=0),
        posts=frozenset(phrase(o) for o in data.posts),
        rulers=frozenset(phrase(o) for o in data.rulers),
        modifiers=_words(data.title_modifiers),
        ranks=frozenset(w.casefold().rstrip(".") for w in data.ranks), ended=_words(data.ended),
        backing={w.casefold(): p for p, ws in data.backing.items() for w in ws},
        by_verbs={k: (v.predicate, v.inverse) for k, v in data.by_verbs.items()},
        cues=cues, verbs=dict(data.verbs),
        verb_preps={k: {p.casefold(): pr for p, pr in v.items()} for k, v in data.verb_preps.items()},
        comprising=frozenset(phrase(w) for w in data.comprising),
        state_bodies=_words(data.state_bodies),
        examples=frozenset(phrase(w) for w in data.examples),
        located_preps=_words(data.located.preps), directions=_words(data.located.directions),
        place_kinds=_words(data.located.place_kinds), negation=_words(data.negation),
        seats=_words(data.located.seats), anaphors=_words(data.anaphors), units=_words(data.units),
        media_markers=frozenset(w for m in data.state_media.markers for w in phrase(m) if w != "-"),
        media_nouns=_words(data.state_media.nouns),
        anaphor_sectors=_words(data.anaphor_sectors),
        mutual_nouns={w.casefold(): p for p, m in data.mutual.items() for w in m.nouns},
        mutual_states={phrase(w): p for p, m in data.mutual.items() for w in m.states},
        arguments={pred: {side: frozenset(x.upper() for x in labels)
                          for side, labels in sides.model_dump(exclude_unset=True).items()
                          if side != "recast"}
                   for pred, sides in data.arguments.items()},
        recast={pred: {label.upper(): to for label, to in sides.recast.items()}
                for pred, sides in data.arguments.items() if sides.recast},
        patterns=tuple(read_pattern_file(patterns)) if patterns else (),
        patterns_file=patterns.name if patterns else "")


def _check(data: RelationsFile, file: str) -> None:
    """Every predicate named is one of model.PREDICATES; argument labels are entity types."""
    named = [*((f"titles.{p}", p) for p in data.titles), *((f"backing.{p}", p.removesuffix("_inverse")) for p in data.backing),
             *((f"by_verbs.{k}", v.predicate) for k, v in data.by_verbs.items()),
             *((f"cues.{c.words[0] if c.words else '?'}", c.predicate) for c in data.cues),
             *((f"verbs.{k}", v.removesuffix("_inverse")) for k, v in data.verbs.items()),
             *((f"verb_preps.{k}.{p}", pr) for k, v in data.verb_preps.items() for p, pr in v.items()),
             *((f"mutual.{p}", p) for p in data.mutual),
             *((f"arguments.{p}", p) for p in data.arguments),
             *((f"arguments.{p}.recast", to) for p, a in data.arguments.items() for to in a.recast.values())]
    for entry, pred in named:
        if pred not in PREDICATES:
            raise fail(file, entry, f"predicate '{pred}' is not a relation predicate")
    for pred, sides in data.arguments.items():
        for label in (*sides.subject, *sides.object, *sides.recast):
            if label.upper() not in ENTITY_TYPES:
                raise fail(file, f"arguments.{pred}", f"'{label}' is not an entity type")
