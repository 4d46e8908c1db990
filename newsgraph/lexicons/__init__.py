"""Every data file under newsgraph/data, validated and typed, loaded by one function.

`load()` reads the lexicons, the place tables and the actor KB (plus users' --kb files)
and returns one frozen `Lexicons`. The runner loads it once per worker and the
resolve stage once per run, and both hand it down; nothing keeps loaded data in a
module global. An invalid file is a DataError naming the file and the entry.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..settings import DATA_DIR
from .claims import ClaimTypeLexicon, LoadedLexicon, SpeechLexicon, load_claim_types, load_loaded, load_speech
from .disputes import DisputeLexicon, load_disputes
from .events import Lexicon as EventLexicon
from .events import Plover, load_events, load_plover
from .grouping import GroupingRules, load_grouping
from .kb import KnowledgeBase, load_kb
from .linking import LinkConfig, load_linking
from .names import NameLexicon, load_names
from .places import PlaceTables, load_places
from .relations import RelationLexicon, load_relations


@dataclass(frozen=True, slots=True, kw_only=True, eq=False)
class Lexicons:
    """All loaded data of one run (compared and hashed by identity)."""
    plover: Plover
    events: EventLexicon
    relations: RelationLexicon
    speech: SpeechLexicon
    loaded: LoadedLexicon
    names: NameLexicon
    linking: LinkConfig
    grouping: GroupingRules
    places: PlaceTables
    kb: KnowledgeBase
    disputes: DisputeLexicon
    claim_types: ClaimTypeLexicon


def load(kb_paths: Iterable[str | Path] = (), *, data_dir: Path = DATA_DIR) -> Lexicons:
    """Read and check every data file under `data_dir` plus the extra KB files."""
    lex = data_dir / "lexicons"
    plover = load_plover(lex / "plover.yaml")
    disputes = load_disputes(lex / "disputes.yaml", plover=plover)
    return Lexicons(
        plover=plover,
        events=load_events(lex / "events.yaml", plover=plover),
        relations=load_relations(lex / "relations.yaml", patterns=lex / "patterns" / "relations.yaml"),
        speech=load_speech(lex / "speech_verbs.yaml"),
        loaded=load_loaded(lex / "loaded.yaml"),
        names=load_names(lex / "names.yaml"),
        linking=load_linking(lex / "event_linking.yaml", plover=plover),
        grouping=load_grouping(lex / "event_grouping.yaml", plover=plover),
        places=load_places(data_dir / "places"),
        kb=load_kb(data_dir, kb_paths),
        disputes=disputes,
        claim_types=load_claim_types(lex / "claim_types.yaml", disputes=disputes),
    )


__all__ = ["ClaimTypeLexicon", "DisputeLexicon", "EventLexicon", "GroupingRules", "KnowledgeBase", "Lexicons", "LinkConfig", "LoadedLexicon",
           "NameLexicon", "PlaceTables", "Plover", "RelationLexicon", "SpeechLexicon", "load"]
