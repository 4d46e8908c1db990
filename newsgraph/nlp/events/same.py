"""Do two event mentions of one article tell one happening? One decision over two
mentions, returning a verdict with its reasons, so a learned model can replace it.

A mention is a clause-level event as the extractor reads it (`model.Event`). The cues
are classes of words and values, never sentences (data/lexicons/event_grouping.yaml):

- hard conflicts: types of different families or means, a fresh happening ("another
  attack", "in a separate incident", "last week's strike"), a series or habit against
  one happening ("has regularly claimed strikes"), a reply against what it answers
  ("the strikes were retaliation for the attack", "retaliatory strikes"), actors and
  targets swapped (an attack and the counter-attack), dates or places stated in both
  sentences that differ, "no casualties" against a toll, two mentions of one sentence;
- support: a definite re-mention ("the attack", "Sunday's strike"), a shared actor or
  target, the same stated day, place or toll, the same trigger word, or a mention
  adding nothing of its own; an indefinite one ("a strike") counts against.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date as Date

from ...lexicons.grouping import GroupingRules
from ...model import Event, Location

_WORD = re.compile(r"[\w'’]+")
_BROAD = ("country", "region")


@dataclass(frozen=True, slots=True, kw_only=True)
class Cues:
    """What the decision reads of one mention."""
    event: Event
    family: str
    definite: bool          # a definite re-mention ("the attack")
    indefinite: bool        # introduced as new ("a strike")
    fresh: bool             # told as another happening ("another attack", "last week's")
    series: bool            # told as a series or habit ("has regularly claimed strikes")
    reply: bool             # told as a reply to another happening ("retaliatory strikes")
    own_date: str | None    # a date stated in the mention's own sentence
    own_place: Location | None    # finer than a country: a country is often the actor's
    participants: frozenset[str]


@dataclass(frozen=True, slots=True, kw_only=True)
class Verdict:
    same: bool
    score: float
    reasons: tuple[str, ...]
    conflict: bool = False     # refused for a conflict, not for want of support


def cues(event: Event, rules: GroupingRules) -> Cues:
    """Read the cues of one mention from its evidence and values."""
    ev = event.evidence
    before = _words_before(ev.text, event.trigger, rules.window)
    near = before[-2:]
    definite = any(w in rules.definite_words for w in near) or (
        rules.possessive_definite and bool(near) and near[-1].endswith(("'s", "’s")))
    indefinite = not definite and any(w in rules.indefinite_words for w in near)
    low = ev.text.lower()
    fresh = any(w in rules.fresh_words for w in before) or any(
        p in low for p in rules.fresh_phrases)
    series = any(p in low for p in rules.series_phrases)
    reply = event.type in rules.reply_types and _reply(ev.text, event.trigger, rules,
                                                       definite=definite)
    own_date = None
    if event.date is not None and event.date.date and ev.start <= event.date.start < ev.end:
        own_date = event.date.date
    loc = event.location
    own_place = loc if loc is not None and loc.evidence is not None and (
        loc.kind not in _BROAD and ev.start <= loc.evidence.start < ev.end) else None
    return Cues(event=event, family=rules.family(event.type), definite=definite,
                indefinite=indefinite, fresh=fresh, series=series,
                reply=reply,
                own_date=own_date, own_place=own_place,
                participants=frozenset(event.actors) | frozenset(event.targets))


def _words_before(text: str, trigger: str, window: int) -> list[str]:
    at = text.find(trigger) if trigger else -1
    if at < 0:
        return []
    return [w.lower() for w in _WORD.findall(text[:at])][-window:]


def _reply(text: str, trigger: str, rules: GroupingRules, *, definite: bool) -> bool:
    """Is the mention told as a reply? A reply word on the trigger ("retaliatory
    strikes"); else, unless a cause phrase just before the trigger makes it the
    happening replied to ("in retaliation for the attack"), a reply word naming another
    happening in its sentence ("the attack was followed by a counterattack"), or for a
    mention not definite a reply phrase ("In response, troops launched raids"; "the
    attack, a response to ..." names a happening told already)."""
    before = _words_before(text, trigger, rules.reply_window)
    marks = (*rules.reply_phrases, *rules.reply_words)
    if any(p in " ".join([*before[-2:], trigger.lower()]) for p in marks):
        return True
    if any(p in " ".join(before) for p in rules.cause_phrases):
        return False
    low = text.lower()
    return any(w in low for w in rules.reply_words) or (
        not definite and any(p in low for p in rules.reply_phrases))


def judge(a: Cues, b: Cues, rules: GroupingRules, *, between: str) -> Verdict:
    """Is `b` (told later) the happening `a` tells? `between` is the article text
    between the two mentions' evidence (empty when they overlap)."""
    conflict = _conflict(a, b, rules, between=between)
    if conflict:
        return Verdict(same=False, score=0.0, reasons=(conflict,), conflict=True)
    reasons = _support(a, b, rules)
    score = sum(rules.weights.get(r, 0.0) for r in reasons)
    return Verdict(same=score >= rules.threshold, score=score, reasons=reasons)


def _conflict(a: Cues, b: Cues, rules: GroupingRules, *, between: str) -> str | None:
    ea, eb = a.event, b.event
    if a.family != b.family or ea.type not in rules.grouped_types:
        return "type"
    if ea.evidence.end > eb.evidence.start or not re.search(
            r"[.!?\n]", ea.evidence.text[-1:] + between):
        return "one sentence"
    if b.fresh:
        return "fresh"
    if a.series != b.series:
        return "series"
    if b.reply and not a.reply or a.reply and not b.reply and not _share_word(
            ea.trigger, eb.trigger):
        return "reply"     # a later reply never joins what it answers; a re-mention of
                           # a reply joins it only by the reply's own word
    if _swapped(ea, eb):
        return "swapped"
    if not rules.modes_agree(ea.mode, eb.mode):
        return "mode"
    if _dates_differ(ea, eb, near_days=rules.near_days):
        return "date"
    if a.own_place is not None and b.own_place is not None and not _places_agree(
            a.own_place, b.own_place):
        return "place"
    return None


def _support(a: Cues, b: Cues, rules: GroupingRules) -> tuple[str, ...]:
    ea, eb = a.event, b.event
    out = []
    if b.definite:
        out.append("anaphor")
    if a.participants & b.participants:
        out.append("participants")
    if b.indefinite:
        out.append("indefinite")
    if a.own_date and len(a.own_date) == 10 and a.own_date == b.own_date:
        out.append("date")
    if a.own_place is not None and b.own_place is not None and (
            a.own_place.name == b.own_place.name and a.own_place.kind not in _BROAD):
        out.append("place")
    if ea.fatalities is not None and ea.fatalities == eb.fatalities:
        out.append("toll")
    if ea.type in rules.reply_types and _share_word(ea.trigger, eb.trigger):
        out.append("trigger")
    if b.own_date is None and b.own_place is None:
        out.append("nothing_new")
    return tuple(out)


def _swapped(a: Event, b: Event) -> bool:
    """Each one's actor is the other's target and they share no actor: an attack and
    the attack back."""
    return bool(set(a.actors) & set(b.targets) and set(a.targets) & set(b.actors)
                and not set(a.actors) & set(b.actors))


def _share_word(a: str, b: str) -> bool:
    """Two triggers share a word stem ('strikes' / 'the strike')."""
    stems = lambda t: {w.lower()[:5] for w in _WORD.findall(t or "") if len(w) > 2}
    return bool(stems(a) & stems(b))


def _dates_differ(a: Event, b: Event, *, near_days: int) -> bool:
    x, y = a.date and a.date.date, b.date and b.date.date
    if not x or not y:
        return False
    n = min(len(x), len(y))
    if x[:n] == y[:n]:
        return False
    if n < 10:
        return True
    try:
        return abs((Date.fromisoformat(x[:10]) - Date.fromisoformat(y[:10])).days) > near_days
    except ValueError:
        return True


def _places_agree(a: Location, b: Location) -> bool:
    """One place, or one inside the other (a country and its city, a city and its site)."""
    if a.name == b.name:
        return True
    if a.country and b.country and a.country != b.country:
        return False
    if a.kind in _BROAD or b.kind in _BROAD:
        return True
    return bool(a.admin1 and (a.admin1 in (b.name, b.admin1))) or bool(
        b.admin1 and b.admin1 == a.name)
