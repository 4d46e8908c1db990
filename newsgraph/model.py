"""The domain: plain frozen dataclasses. No spaCy, no SQL here.

Every extracted record carries `Evidence` (article id, character offsets into the
article text as stored, and the quoted text) and the name of the extractor that
produced it. Records reference mentions by id; resolution maps mentions to entities.
"""
from __future__ import annotations

from dataclasses import dataclass, field

DATACLASS = dict(frozen=True, slots=True, kw_only=True)

ENTITY_TYPES = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP")
PREDICATES = (
    "leader_of", "member_of", "part_of", "backed_by", "allied_with", "opposes",
    "holds_office", "deputy_of", "successor_of", "located_in", "affiliated_with",
)
PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
    "OTHER",
)


@dataclass(**DATACLASS)
class Article:
    id: str                      # content hash of the text (ids.article_id)
    source: str                  # file name / jsonl id the article came from
    text: str                    # the text as stored; all offsets point into it
    url: str | None = None
    title: str | None = None
    publisher: str | None = None
    published: str | None = None  # ISO date YYYY-MM-DD
    language: str = "en"
    origin: str | None = None    # where it was read (file path, or JSONL path#id); the source map


@dataclass(**DATACLASS)
class Evidence:
    doc: str
    start: int
    end: int
    text: str


@dataclass(**DATACLASS)
class Mention:
    """A span of an article that names (or refers to) an actor or place."""
    id: str
    doc: str
    start: int
    end: int
    text: str
    label: str                   # PERSON ORG GPE LOC FAC NORP
    kind: str = "name"           # name | partial | title | nominal | metonym
    name: str = ""               # the full name this mention stands for in the article
    kb_id: str | None = None     # knowledge-base actor id when linked
    local: str = ""              # id of the article-local coreference chain (a mention id)
    extractor: str = "ner.v1"


@dataclass(**DATACLASS)
class Location:
    name: str
    country: str | None = None   # ISO 3166-1 alpha-2
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    kind: str = "city"           # city | admin1 | country | site | region
    evidence: Evidence | None = None


@dataclass(**DATACLASS)
class DateRef:
    """A date expression resolved against the publication date (or the discourse)."""
    start: int
    end: int
    text: str
    date: str | None             # YYYY-MM-DD, YYYY-MM or YYYY; None = unresolved
    precision: str | None        # day | month | year | None


@dataclass(**DATACLASS)
class Relation:
    id: str
    doc: str
    subject: str                 # mention id
    predicate: str               # one of PREDICATES
    object: str | None = None    # mention id (None for holds_office with object_text)
    object_text: str | None = None
    valid_from: str | None = None
    valid_to: str | None = None
    evidence: Evidence
    extractor: str = "relations.v1"


@dataclass(**DATACLASS)
class Event:
    id: str
    doc: str
    type: str                    # PLOVER type or OTHER
    mode: str | None = None
    trigger: str = ""
    date: DateRef | None = None
    location: Location | None = None
    actors: tuple[str, ...] = ()    # mention ids
    targets: tuple[str, ...] = ()   # mention ids
    actor_text: tuple[str, ...] = ()   # unresolved actor phrases ("protesters")
    target_text: tuple[str, ...] = ()
    fatalities: int | None = None
    injuries: int | None = None
    toll_source: str | None = None   # who gives the figure, as written
    evidence: Evidence
    toll_evidence: Evidence | None = None   # the sentence giving the toll, when not the event's own
    extractor: str = "events.v1"
    # Further sentences of the article telling the same happening (nlp/events/group).
    more_evidence: tuple[Evidence, ...] = ()
    date_evidence: Evidence | None = None    # the sentence giving the date, when not the event's own
    place_evidence: Evidence | None = None   # the sentence giving the place, when not the event's own

    def all_evidence(self) -> tuple[Evidence, ...]:
        """Every sentence the event is read from: its own first, then the others, once each."""
        spans = (self.evidence, *self.more_evidence, self.toll_evidence,
                 self.date_evidence, self.place_evidence)
        return tuple(dict.fromkeys(x for x in spans if x is not None))


@dataclass(**DATACLASS)
class Claim:
    id: str
    doc: str
    speaker: str | None = None   # mention id
    speaker_text: str | None = None
    verb: str = ""
    text: str                    # the attributed statement
    start: int                   # statement span in the article
    end: int
    evidence: Evidence           # the whole attribution (speaker + verb + statement)
    extractor: str = "claims.v1"
    # what kind of statement (lexicons.claims.CLAIM_KINDS: denial, attribution, fatalities,
    # injuries, munitions, figure, quote, other; "" when untyped) and its value: the
    # figure with its unit, the accused party, what is denied (None when it has none)
    claim_type: str = ""
    value: str | None = None


@dataclass(**DATACLASS)
class LoadedTerm:
    doc: str
    start: int
    end: int
    text: str
    category: str                # e.g. delegitimising, dehumanising, glorifying


@dataclass(**DATACLASS)
class ArticleRecords:
    """Everything the per-article step (a pure function) finds in one article."""
    article: Article
    mentions: tuple[Mention, ...] = ()
    relations: tuple[Relation, ...] = ()
    events: tuple[Event, ...] = ()
    claims: tuple[Claim, ...] = ()
    loaded_terms: tuple[LoadedTerm, ...] = ()
    places: tuple[Location, ...] = ()


@dataclass(**DATACLASS)
class Entity:
    id: str
    name: str
    type: str
    sector: str | None = None
    country: str | None = None
    wikidata: str | None = None
    kb_id: str | None = None
    aliases: tuple[str, ...] = ()
    mentions: tuple[str, ...] = ()   # mention ids


@dataclass(**DATACLASS)
class DisputeSide:
    """Who gives a disputed value, and where: the sentence, its outlet (the article's
    publisher) and its speaker ("according to the Interior Ministry"), when known."""
    evidence: Evidence
    outlet: str | None = None
    speaker: str | None = None


@dataclass(**DATACLASS)
class ContradictionValue:
    value: str
    evidence: tuple[Evidence, ...]
    sides: tuple[DisputeSide, ...] = ()     # one per evidence sentence, with outlet and speaker


@dataclass(**DATACLASS)
class Contradiction:
    id: str
    about: str                   # event cluster, relation or entity id
    field: str                   # date, fatalities, location, actor, predicate, ...
    values: tuple[ContradictionValue, ...]


@dataclass(**DATACLASS)
class Reported:
    """One outlet's value of an incident facet (a date, a place), with its sentence."""
    value: str
    outlet: str                  # the independent outlet (publisher) of the report
    doc: str
    event: str
    evidence: Evidence | None = None


@dataclass(**DATACLASS)
class Figure:
    """A figure one report gives: kind is killed, injured or count:<unit> (rockets, ...)."""
    kind: str
    value: int
    outlet: str
    doc: str
    event: str
    speaker: str | None = None   # who gives the figure, as written
    evidence: Evidence | None = None


@dataclass(**DATACLASS)
class Participant:
    """An actor or target of an incident and the outlets that attribute it."""
    name: str
    entity: str | None = None    # entity id when resolved
    outlets: tuple[str, ...] = ()


@dataclass(**DATACLASS)
class Outlet:
    """One independent source: syndicated copies and republications count once."""
    name: str
    docs: tuple[str, ...]
    also: tuple[str, ...] = ()   # other publishers carrying the same story


@dataclass(**DATACLASS)
class Incident:
    """One happening as every outlet tells it (resolve/incidents.py): the event
    reports of one cluster (a lone report is an incident of one), per-facet views."""
    id: str                      # the cluster id (the event id for a lone report)
    events: tuple[str, ...]
    type: str
    headline: str
    date_from: str | None = None
    date_to: str | None = None
    dates: tuple[Reported, ...] = ()
    place: Location | None = None   # the finest place no outlet contradicts
    places: tuple[Reported, ...] = ()
    actors: tuple[Participant, ...] = ()
    targets: tuple[Participant, ...] = ()
    figures: tuple[Figure, ...] = ()
    outlets: tuple[Outlet, ...] = ()
    status: str = "single-source"   # corroborated | single-source | contested


@dataclass(**DATACLASS)
class Skipped:
    source: str
    reason: str


@dataclass(**DATACLASS)
class RunReport:
    articles_read: int = 0
    articles_new: int = 0
    skipped: tuple[Skipped, ...] = ()
    warnings: tuple[Skipped, ...] = ()
    words: int = 0
    seconds: float = 0.0
    mentions: int = 0
    entities: int = 0
    relations: int = 0
    events: int = 0
    claims: int = 0
    counts: dict = field(default_factory=dict)
    resolved: str = ""              # how the store was resolved: full (why) or incremental

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0
