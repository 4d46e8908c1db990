"""Speech cues (data/lexicons/speech_verbs.yaml), claim kinds (data/lexicons/claim_types.yaml)
and loaded language (data/lexicons/loaded.yaml): schemas and runtime forms."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field

from .disputes import DisputeLexicon
from .schema import FoldedSet, Strict, fail, read_yaml, strict, validate


MentionLabel = Literal["PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"]   # model.ENTITY_TYPES


def _phrases(value: object) -> object:
    """Phrases as case-folded word tuples ("according to" -> ("according", "to"))."""
    return [tuple(p.casefold().split()) for p in value] if isinstance(value, list) else value


def _fold_keys(value: object) -> object:
    return {str(k).casefold(): v for k, v in value.items()} if isinstance(value, dict) else value


@strict
@dataclass(frozen=True, slots=True, kw_only=True)
class SpeechLexicon:
    """The speech cue file (speech_verbs.yaml), read as it is written: its keys are these
    fields or their aliases; words case-folded."""
    version: int = 1
    verbs: FoldedSet = frozenset()
    object_ok: FoldedSet = frozenset()
    according: Annotated[tuple[tuple[str, ...], ...], BeforeValidator(_phrases)] = ()
    pronouns: FoldedSet = frozenset()
    unresolved: FoldedSet = frozenset()
    # "in a statement, which reads: '...'"
    nouns: Annotated[FoldedSet, Field(alias="statement_nouns")] = frozenset()
    # "the office of X said": X speaks
    proxies: Annotated[FoldedSet, Field(alias="speaker_proxies")] = frozenset()
    # pronoun -> mention labels it may stand for ("it" -> ORG): the nearest one before it
    referents: Annotated[dict[str, tuple[MentionLabel, ...]], Field(alias="pronoun_referents"),
                         BeforeValidator(_fold_keys)] = field(default_factory=dict)
    # "quoted X as saying": X speaks
    quoting: Annotated[FoldedSet, Field(alias="quoting_verbs")] = frozenset()
    # "the group said": noun -> labels of the mention it stands for, as a pronoun does
    definite: Annotated[dict[str, tuple[MentionLabel, ...]], Field(alias="definite_referents"),
                        BeforeValidator(_fold_keys)] = field(default_factory=dict)
    # "a White House spokesman": nobody named
    anonymous: Annotated[FoldedSet, Field(alias="anonymous_speakers")] = frozenset()
    # "media reports": nobody named
    media: Annotated[FoldedSet, Field(alias="anonymous_media")] = frozenset()


def load_speech(path: Path) -> SpeechLexicon:
    return validate(SpeechLexicon, read_yaml(path), file=path.name)


# The kinds a claim may have (the gold's claim_type values, plus "figure" for a figure
# whose unit maps to no kind of its own).
CLAIM_KINDS = ("denial", "attribution", "fatalities", "injuries", "munitions", "figure",
               "quote", "other")
FigureKind = Literal["fatalities", "injuries", "munitions", "figure"]


class ClaimTypeFile(Strict):
    version: int = 1
    denial_verbs: list[str] = []
    denial_openers: list[str] = []
    denial_phrases: list[str] = []
    attribution_verbs: list[str] = []
    attribution_phrases: list[str] = []
    accused_labels: list[MentionLabel] = []
    figure_kinds: dict[str, FigureKind] = {}
    kind_words: dict[FigureKind, list[str]] = {}
    quote_min_words: int = 3


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimTypeLexicon:
    denial_verbs: frozenset[str]
    denial_openers: tuple[str, ...]             # lower case, compared with the statement's start
    denial_phrases: tuple[str, ...]             # lower case, looked for in the statement
    attribution_verbs: frozenset[str]
    attribution_phrases: tuple[str, ...]        # lower case, looked for in the statement
    accused_labels: frozenset[str]
    figure_kinds: dict[str, str]                # disputes.yaml unit -> claim kind
    figures: DisputeLexicon                     # units, amounts and qualifiers of figures
    kind_words: dict[str, str] = field(default_factory=dict)    # word or lemma -> kind
    quote_min_words: int = 3


def load_claim_types(path: Path, *, disputes: DisputeLexicon) -> ClaimTypeLexicon:
    data = validate(ClaimTypeFile, read_yaml(path), file=path.name)
    units = {u.name for u in disputes.units}
    for unit in data.figure_kinds:
        if unit not in units:
            raise fail(path.name, f"figure_kinds.{unit}", "not a unit of disputes.yaml")
    low = lambda words: tuple(" ".join(w.casefold().split()) for w in words)
    return ClaimTypeLexicon(denial_verbs=frozenset(low(data.denial_verbs)),
                            denial_openers=low(data.denial_openers),
                            denial_phrases=low(data.denial_phrases),
                            attribution_verbs=frozenset(low(data.attribution_verbs)),
                            attribution_phrases=low(data.attribution_phrases),
                            accused_labels=frozenset(data.accused_labels),
                            figure_kinds=dict(data.figure_kinds), figures=disputes,
                            kind_words={w.casefold(): k for k, ws in data.kind_words.items() for w in ws},
                            quote_min_words=data.quote_min_words)


class LoadedTerm(Strict):
    term: str
    not_before: list[str] = []
    not_after: list[str] = []


class LoadedFile(Strict):
    version: int = 1
    categories: dict[str, list[LoadedTerm | str]] = {}


@dataclass(frozen=True, slots=True, kw_only=True)
class Entry:
    words: tuple[str, ...]
    category: str
    not_before: frozenset[str] = frozenset()
    not_after: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True, kw_only=True)
class LoadedLexicon:
    index: dict[str, tuple[Entry, ...]]     # first word -> entries starting with it, longest first


def load_loaded(path: Path) -> LoadedLexicon:
    data = validate(LoadedFile, read_yaml(path), file=path.name)
    index: dict[str, list[Entry]] = {}
    for category, terms in data.categories.items():
        for t in terms:
            t = t if isinstance(t, LoadedTerm) else LoadedTerm(term=t)
            words = tuple(t.term.casefold().replace("-", " - ").split())
            if not words:
                raise fail(path.name, f"categories.{category}", "an empty term")
            entry = Entry(words=words, category=category,
                          not_before=frozenset(w.casefold() for w in t.not_before),
                          not_after=frozenset(w.casefold() for w in t.not_after))
            index.setdefault(words[0], []).append(entry)
    return LoadedLexicon(index={k: tuple(sorted(v, key=lambda e: len(e.words), reverse=True))
                                for k, v in index.items()})
