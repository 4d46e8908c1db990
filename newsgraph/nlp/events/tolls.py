"""Reported tolls of violent events (attacks, and crackdowns however typed: a protest
met with live fire, an assault on a crowd, `TOLL_TYPES`): the figure of the event's own clause, victims named one
by one, and a toll told by the next sentence ('The raids killed 41'), which is
folded into the attack it continues and kept as that event's toll evidence."""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span

from .. import grammar as g
from ..text import doc_text
from . import quantities, roles
from .draft import Draft

DEFINITE = {"the", "this", "these", "that", "those"}
TOLL_TYPES = ("ASSAULT", "COERCE", "PROTEST")     # types whose sentences report a toll


def with_toll(draft: Draft, text: str) -> Draft:
    if draft.type not in TOLL_TYPES:
        return draft
    dead, hurt = quantities.reported(text)
    named = dead is None
    if dead is None:
        dead = _named_victims(draft)
    return replace(draft, fatalities=dead, injuries=hurt, named=named and dead is not None,
                   toll_source=quantities.toll_source(text) if dead or hurt else None)


def _named_victims(draft: Draft) -> int | None:
    """'X and Y were killed' -> 2: victims named one by one, without a figure."""
    for hit in draft.hits:
        head = hit.head
        if head.lemma_.lower() not in ("kill", "assassinate", "shoot", "murder"):
            continue
        _, targets = roles.verb_roles(head, hit.tokens) if head.pos_ == "VERB" else ([], [])
        victims = [t for t in g.expand(targets[:1]) if t.pos_ == "PROPN" or t.ent_type_ == "PERSON"
                   or any(c.lower_ in ("a", "an") for c in t.children)]
        if victims:
            return len(victims)
    return None


def _is_follow_up(draft: Draft) -> bool:
    """A sentence that only restates an earlier attack ('The raids killed 41')."""
    if draft.type != "ASSAULT":
        return False
    for hit in draft.hits:
        head = hit.head
        definite = any(c.lower_ in DEFINITE for c in head.children)
        bare_passive = head.pos_ == "VERB" and g.is_passive(head) and not g.agent(head)
        if not hit.rule.generic or not (definite or bare_passive):
            return False
    return True


def fold(drafts: list[Draft], sents: list[Span], doc: Doc) -> list[Draft]:
    """Give an attack the toll of the next sentence when that sentence continues it."""
    out: list[Draft] = []
    index = {s.start: i for i, s in enumerate(sents)}
    for draft in drafts:
        prev = next((d for d in reversed(out) if d.type == "ASSAULT"
                     and index[d.sent.start] == index[draft.sent.start] - 1), None)
        if prev and draft.type == "ASSAULT" and _is_follow_up(draft):
            larger = prev.named and (draft.fatalities or 0) > (prev.fatalities or 0)
            if larger or (prev.fatalities is None and prev.injuries is None):
                told = draft.fatalities is not None or draft.injuries is not None
                out[out.index(prev)] = replace(prev, fatalities=draft.fatalities,
                                               injuries=draft.injuries,
                                               toll_source=draft.toll_source,
                                               toll_span=draft.span() if told else None)
            continue
        out.append(draft)
    for i, draft in enumerate(out):
        if draft.type != "ASSAULT" or draft.fatalities is not None or draft.injuries is not None:
            continue
        k = index[draft.sent.start] + 1
        if k < len(sents) and not any(d.sent.start == sents[k].start and d.type == "ASSAULT"
                                      for d in out):
            text = doc_text(doc)[sents[k].start_char:sents[k].end_char]
            dead, hurt = quantities.reported(text)
            if dead is not None or hurt is not None:
                out[i] = replace(draft, fatalities=dead, injuries=hurt,
                                 toll_source=quantities.toll_source(text),
                                 toll_span=(sents[k].start_char, sents[k].end_char))
    return out
