"""FollowTheMoney entities (JSON lines) from the JSON export dict.

Actors become Person / Organization / PublicBody / LegalEntity / Address, relations
become Directorship, Membership, Occupancy (+ Position) or UnknownLink, and events
become Event entities. Everything is built with followthemoney's model, so values
are cleaned and every line validates against its schema. Each entity carries
sourceUrl/publisher of the articles it was found in.
"""
from __future__ import annotations

import json
from typing import TextIO

from followthemoney import model
from followthemoney.proxy import EntityProxy

from ..ids import digest

PREFIX = "ng-"
STATE_SECTORS = ("government", "military")


def _schema(e: dict) -> str:
    if e["type"] == "PERSON":
        return "Person"
    if e["type"] == "ORG":
        return "PublicBody" if e.get("sector") in STATE_SECTORS else "Organization"
    return "Address" if e["type"] in ("LOC", "FAC") else "LegalEntity"


class _Builder:
    def __init__(self, export: dict):
        self.docs = {d["id"]: d for d in export.get("documents", [])}
        self.proxies: dict[str, EntityProxy] = {}

    def make(self, schema: str, key: str) -> EntityProxy:
        proxy = model.make_entity(schema)
        proxy.id = PREFIX + key
        self.proxies[proxy.id] = proxy
        return proxy

    def cite(self, proxy: EntityProxy, evidence: list[dict], *, limit: int = 20) -> None:
        docs = list(dict.fromkeys(ev["doc"] for ev in evidence))[:limit]
        proxy.add("sourceUrl", [self.docs.get(d, {}).get("url") for d in docs], quiet=True)
        proxy.add("publisher", [self.docs.get(d, {}).get("publisher") for d in docs], quiet=True)

    def entity(self, e: dict) -> None:
        proxy = self.make(_schema(e), e["id"])
        proxy.add("full" if proxy.schema.name == "Address" else "name", e["name"])
        if proxy.schema.name != "Address":
            proxy.add("alias", [a for a in e.get("aliases", []) if a != e["name"]])
            proxy.add("sector", e.get("sector"), quiet=True)
        proxy.add("country", e.get("country"), quiet=True)
        proxy.add("wikidataId", e.get("wikidata"), quiet=True)
        self.cite(proxy, e.get("mentions", []))

    def relation(self, r: dict, origin: str) -> None:
        subj = self.proxies.get(PREFIX + r["subject"])
        obj = self.proxies.get(PREFIX + r["object"]) if r.get("object") else None
        if subj is None or (obj is None and not r.get("object_text")):
            return
        if obj is None:
            obj = self.position(r["object_text"])
        link = self.make(*_link_schema(r["predicate"], subj, obj), r["id"])
        for prop, value in zip(_link_props(link.schema.name), (subj, obj)):
            link.add(prop, value.id)
        if link.schema.name != "Occupancy":
            link.add("role", r["predicate"].replace("_", " "))
        link.add("startDate", r.get("valid_from"), quiet=True)
        link.add("endDate", r.get("valid_to"), quiet=True)
        link.add("status", r.get("status") or ("knowledge base" if origin == "kb" else None))
        link.add("summary", [ev["text"] for ev in r.get("evidence", [])[:5]])
        self.cite(link, r.get("evidence", []))

    def position(self, office: str) -> EntityProxy:
        key = "office-" + digest(office.casefold())
        return self.proxies.get(PREFIX + key) or _named(self.make("Position", key), office)

    def event(self, e: dict) -> None:
        proxy = self.make("Event", e["id"])
        proxy.add("name", " ".join(x for x in (e["type"], e.get("mode")) if x))
        proxy.add("date", e.get("date"), quiet=True)
        loc = e.get("location") or {}
        proxy.add("location", loc.get("name"))
        proxy.add("country", loc.get("country"), quiet=True)
        proxy.add("involved", [PREFIX + i for i in (*e["actors"], *e["targets"])
                               if PREFIX + i in self.proxies])
        proxy.add("summary", [ev["text"] for ev in e.get("evidence", [])])
        self.cite(proxy, e.get("evidence", []))


def _named(proxy: EntityProxy, name: str) -> EntityProxy:
    proxy.add("name", name)
    return proxy


def _link_schema(predicate: str, subj: EntityProxy, obj: EntityProxy) -> tuple[str]:
    org = obj.schema.is_a("Organization")
    legal = subj.schema.is_a("LegalEntity")
    if predicate == "holds_office" and subj.schema.is_a("Person") and obj.schema.is_a("Position"):
        return ("Occupancy",)
    if predicate == "leader_of" and org and legal:
        return ("Directorship",)
    if predicate in ("member_of", "part_of", "affiliated_with") and org and legal:
        return ("Membership",)
    return ("UnknownLink",)


def _link_props(schema: str) -> tuple[str, str]:
    return {"Occupancy": ("holder", "post"), "Directorship": ("director", "organization"),
            "Membership": ("member", "organization")}.get(schema, ("subject", "object"))


def write_ftm(export: dict, out: TextIO) -> None:
    b = _Builder(export)
    for e in export.get("entities", []):
        b.entity(e)
    for r in export.get("relations", []):
        b.relation(r, "text")
    for r in export.get("kb_relations", []):
        b.relation(r, "kb")
    for e in export.get("events", []):
        b.event(e)
    for proxy in sorted(b.proxies.values(), key=lambda p: p.id):
        out.write(json.dumps(proxy.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")
