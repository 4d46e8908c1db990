"""A small knowledge base built from hand-made records (no spaCy model needed).

Used by the API, export and browser tests. Names are fictional test input.
"""
from __future__ import annotations

import dataclasses
from pathlib import Path

from newsgraph.ids import article_id, record_id
from newsgraph.kb import Actor, KnowledgeBase, Tie
from newsgraph.model import (
    Article,
    ArticleRecords,
    Claim,
    Contradiction,
    ContradictionValue,
    DateRef,
    DisputeSide,
    Entity,
    Event,
    Evidence,
    Location,
    Mention,
    Relation,
)
from newsgraph.resolve.incidents import build_incidents
from newsgraph.store import Writer, connect
from newsgraph.store.writer import Resolution

TEXTS = {
    "wire": ("General Karim Nadir leads the Northern Brigades. On 3 January 2020 a drone strike"
             " near Mosul killed 10 people, officials said. Nadir said the Brigades would"
             " respond to any attack."),
    "daily": ("Karim Nadir, head of the Northern Brigades, was seen in Mosul. A drone strike in"
              " Mosul on Friday killed 12 people."),
    "protest": "Thousands of protesters marched in Basra on 1 October 2019 against corruption.",
    "evil": ('<script>window.__pwned = 1</script><b>Bold</b> <img src=x onerror="window.__pwned=2">'
             " Karim Nadir met reporters & said <i>nothing</i>."),
}
PUBLISHERS = {"wire": ("Wire One", "2020-01-04"), "daily": ("Daily Two", "2020-01-05"),
              "protest": ("Wire One", "2019-10-02"), "evil": ("Evil Site", "2020-02-01")}
NADIR, BRIGADES, EASTLAND = "Enadir000000000", "Ebrigades000000", "Eeastland000000"
CLUSTER = "Kstrike00000000"


class _Article:
    def __init__(self, key: str):
        self.key, self.text = key, TEXTS[key]
        publisher, published = PUBLISHERS[key]
        self.article = Article(id=article_id(self.text), source=f"{key}.txt", text=self.text,
                               title=f"{key} story", publisher=publisher, published=published,
                               url=f"https://example.org/{key}")
        self.mentions: list[Mention] = []

    @property
    def id(self) -> str:
        return self.article.id

    def span(self, fragment: str, nth: int = 0) -> Evidence:
        start = -1
        for _ in range(nth + 1):
            start = self.text.index(fragment, start + 1)
        return Evidence(doc=self.id, start=start, end=start + len(fragment), text=fragment)

    def mention(self, fragment: str, label: str, nth: int = 0) -> Mention:
        ev = self.span(fragment, nth)
        mid = record_id("m", self.id, ev.start, ev.end)
        m = Mention(id=mid, doc=self.id, start=ev.start, end=ev.end, text=fragment, label=label,
                    name=fragment, local=mid)
        self.mentions.append(m)
        return m


def _strike(a: _Article, sentence: str, date_text: str, date: str, place: str,
            killed: int, actor: Mention) -> Event:
    ev, d, p = a.span(sentence), a.span(date_text), a.span(place, 1 if a.key == "daily" else 0)
    loc = Location(name="Mosul", country="XX", lat=36.34, lon=43.13, evidence=p)
    return Event(id=record_id("e", a.id, ev.start, ev.end, "ASSAULT"), doc=a.id, type="ASSAULT",
                 mode="drone", trigger="strike", date=DateRef(start=d.start, end=d.end,
                 text=date_text, date=date, precision="day"), location=loc,
                 actors=(actor.id,), fatalities=killed, evidence=ev)


def records() -> tuple[list[ArticleRecords], Resolution]:
    wire, daily, protest, evil = (_Article(k) for k in ("wire", "daily", "protest", "evil"))
    n1, b1 = wire.mention("Karim Nadir", "PERSON"), wire.mention("Northern Brigades", "ORG")
    n1b = wire.mention("Nadir", "PERSON", 1)
    n2, b2 = daily.mention("Karim Nadir", "PERSON"), daily.mention("Northern Brigades", "ORG")
    n3 = evil.mention("Karim Nadir", "PERSON")
    rels = {
        wire: [Relation(id=record_id("r", wire.id, 1), doc=wire.id, subject=n1.id,
                        predicate="leader_of", object=b1.id,
                        evidence=wire.span("General Karim Nadir leads the Northern Brigades.")),
               Relation(id=record_id("r", wire.id, 2), doc=wire.id, subject=n1.id,
                        predicate="holds_office", object_text="Commander of the Brigades",
                        evidence=wire.span("General Karim Nadir"))],
        daily: [Relation(id=record_id("r", daily.id, 1), doc=daily.id, subject=n2.id,
                         predicate="leader_of", object=b2.id,
                         evidence=daily.span("Karim Nadir, head of the Northern Brigades"))]}
    events = {
        wire: [_strike(wire, "On 3 January 2020 a drone strike near Mosul killed 10 people",
                       "3 January 2020", "2020-01-03", "Mosul", 10, b1)],
        daily: [_strike(daily, "A drone strike in Mosul on Friday killed 12 people",
                        "Friday", "2020-01-03", "Mosul", 12, b2)],
        protest: [_protest(protest)]}
    claim_ev = wire.span("Nadir said the Brigades would respond to any attack.")
    statement = wire.span("the Brigades would respond to any attack")
    claims = {wire: [Claim(id=record_id("c", wire.id, claim_ev.start), doc=wire.id,
                           speaker=n1b.id, speaker_text="Nadir", verb="said",
                           text=statement.text, start=statement.start, end=statement.end,
                           evidence=claim_ev, claim_type="attribution", value="the Brigades")]}
    recs = [ArticleRecords(article=a.article, mentions=tuple(a.mentions),
                           relations=tuple(rels.get(a, ())), events=tuple(events.get(a, ())),
                           claims=tuple(claims.get(a, ())))
            for a in (wire, daily, protest, evil)]
    return recs, _resolution([n1, n1b, n2, n3], [b1, b2], events, wire, daily)


def _protest(a: _Article) -> Event:
    ev, d = a.span(a.text), a.span("1 October 2019")
    return Event(id=record_id("e", a.id, ev.start, ev.end, "PROTEST"), doc=a.id, type="PROTEST",
                 mode="demo", trigger="marched", date=DateRef(start=d.start, end=d.end,
                 text=d.text, date="2019-10-01", precision="day"),
                 location=Location(name="Basra", country="XX", lat=30.51, lon=47.78,
                                   evidence=a.span("Basra")),
                 actor_text=("protesters",), evidence=ev)


def _resolution(nadirs, brigades, events, wire, daily) -> Resolution:
    ents = (Entity(id=NADIR, name="Karim Nadir", type="PERSON", sector="military",
                   country="XX", wikidata="Q4115189", kb_id="nadir", aliases=("Nadir",),
                   mentions=tuple(m.id for m in nadirs)),
            Entity(id=BRIGADES, name="Northern Brigades", type="ORG", sector="paramilitary",
                   kb_id="brigades", mentions=tuple(m.id for m in brigades)),
            Entity(id=EASTLAND, name="Eastland", type="GPE", sector="government",
                   country="XX", kb_id="eastland"))
    strikes = [events[wire][0], events[daily][0]]
    contra = Contradiction(id="Xfatal000000000", about=CLUSTER, field="fatalities", values=tuple(
        ContradictionValue(value=str(e.fatalities), evidence=(e.evidence,)) for e in strikes))
    return Resolution(entities=ents, clusters={e.id: CLUSTER for e in strikes},
                      contradictions=(contra,))


def knowledge_base() -> KnowledgeBase:
    """The KB the hand-made store links to: one tie between two stored actors."""
    actors = {"nadir": Actor(id="nadir", name="Karim Nadir", type="PERSON"),
              "brigades": Actor(id="brigades", name="Northern Brigades", type="ORG",
                                ties=(Tie(predicate="backed_by", object="eastland"),)),
              "eastland": Actor(id="eastland", name="Eastland", type="GPE")}
    return KnowledgeBase(actors=actors, offices={})


def build_store(path: Path, *, extra: tuple[Contradiction, ...] = ()) -> Path:
    """The hand-made store at `path`, with `extra` contradictions if given."""
    conn = connect(path)
    recs, resolution = records()
    if extra:
        resolution = dataclasses.replace(
            resolution, contradictions=resolution.contradictions + extra)
    events = [e for rec in recs for e in rec.events]
    resolution = dataclasses.replace(resolution, incidents=build_incidents(
        events, [rec.article for rec in recs], resolution))
    writer = Writer(conn)
    for rec in recs:
        writer.write_records(rec)
    writer.write_resolution(resolution)
    conn.close()
    return path


def article_ids() -> dict[str, str]:
    return {k: article_id(t) for k, t in TEXTS.items()}


def disputes() -> tuple[Contradiction, ...]:
    """Two more disputes about the strike: one whose values are entity ids (the UI must
    show names), its sides naming outlet and speaker; one that is only a wording
    variant (hidden by default)."""
    recs, _ = records()
    wire, daily = (r.events[0].evidence for r in recs[:2])
    by_id = ContradictionValue(value=BRIGADES, evidence=(wire,), sides=(DisputeSide(
        evidence=wire, outlet="Wire One", speaker="officials"),)), ContradictionValue(
        value=EASTLAND, evidence=(daily,), sides=(DisputeSide(evidence=daily, outlet="Daily Two"),))
    wording = ContradictionValue(value="Mosul", evidence=(wire,)), ContradictionValue(
        value="mosul.", evidence=(daily,))
    return (Contradiction(id="Xactor000000000", about=CLUSTER, field="actor", values=by_id),
            Contradiction(id="Xwording0000000", about=CLUSTER, field="place", values=wording))
