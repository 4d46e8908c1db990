"""How two event reports compare on one facet: type, mode, date, place.

Each function returns a small label (``same``, ``near``, ``conflict``, ...) that the
link score (event_link) turns into points and the contradiction finder (events) into
disputes. Dates are compared at the precision of the vaguer side; places by name,
geonames id, admin1 and country.
"""
from __future__ import annotations

import math
import re
from datetime import date as Date
from datetime import timedelta
from functools import lru_cache

from anyascii import anyascii

from ..lexicons.linking import LinkConfig, TypeRelation
from ..model import Event, Evidence, Location

_COARSE_PLACES = ("country", "region", "admin1")
_WORDS = re.compile(r"[a-z]+")


def evidence_spans(e: Event) -> tuple[Evidence, ...]:
    """Every sentence that tells the event: its own, then the re-mentions grouped with
    it in the article (nlp/events/group.py)."""
    return (e.evidence, *e.more_evidence)


def evidence_text(e: Event) -> str:
    """The event's own sentence: what its word vector is made of (the re-mentions are
    compared one by one, see event_link.cosine)."""
    return e.evidence.text


def type_relation(a: Event, b: Event, cfg: LinkConfig) -> str:
    """same | family (different types one happening may be given) | related (one report
    tells the other's happening: event_linking.yaml type_relations) | conflict."""
    if a.type == b.type:
        return "same"
    if any(a.type in f and b.type in f for f in cfg.families):
        return "family"
    if any(tells(x, y, r) for r in cfg.relations for x, y in ((a, b), (b, a))):
        return "related"
    return "conflict"


def tells(teller: Event, told: Event, rel: TypeRelation) -> bool:
    """`teller`'s own sentence names the happening of `told`'s type: a blame that trails
    the attack it is about ("three were killed in a strike, an attack blamed on X"), a
    meeting reported by the deal it produced, a withdrawal by the seizure it allowed."""
    if teller.type != rel.teller or told.type != rel.told:
        return False
    text = teller.evidence.text.lower()
    if rel.before_trigger:
        at = text.find(teller.trigger.lower()) if teller.trigger else -1
        if at < 0:
            return False
        text = text[:at]
    return not rel.tells.isdisjoint(_WORDS.findall(text))


def mode_relation(a: Event, b: Event, cfg: LinkConfig) -> str:
    """same | group | other | unknown (a side gives no mode, or only a weak one)."""
    if not a.mode or not b.mode:
        return "unknown"
    if a.mode == b.mode:
        return "unknown" if a.mode in cfg.weak_modes else "same"
    if any(a.mode in g and b.mode in g for g in cfg.mode_groups):
        return "group"
    return "other"


def recency(dated: Event, published: str | None, cfg: LinkConfig) -> str:
    """How the date of `dated` stands to the publication of an article whose report of
    the same kind gives no date: ``after`` (the article could not report it),
    ``recent`` (within recent_days before it) or ``unknown``."""
    when, pub = _date(dated), day(published)
    if not when or pub is None:
        return "unknown"
    if when[:7] > pub.isoformat()[:7] or ((x := day(when)) and (x - pub).days > 1):
        return "after"
    last = day(when) or _month_end(when)
    return "recent" if last and -1 <= (pub - last).days <= cfg.recent_days else "unknown"


def _month_end(value: str) -> Date | None:
    """The last day a month date ("2019-11") can mean."""
    first = day(value[:7] + "-01") if len(value) == 7 else None
    if first is None:
        return None
    return (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


def day(value: str | None) -> Date | None:
    try:
        return Date.fromisoformat(value) if value and len(value) == 10 else None
    except ValueError:
        return None


def background(e: Event, cfg: LinkConfig) -> bool:
    """The report's own sentence tells it as the background of another happening ("the
    strike came days after the U.S. military launched ...", "who had already been
    staging a sit-in"): a cue of `background_cues` before its trigger (anywhere in the
    sentence when the trigger is not in it)."""
    if not cfg.background_cues:
        return False
    text = " ".join(_WORDS.findall(e.evidence.text.lower()))
    at = text.find(" ".join(_WORDS.findall(e.trigger.lower()))) if e.trigger else -1
    head = f" {text[:at] if at > 0 else text} "
    return any(f" {cue} " in head for cue in cfg.background_cues)


def _date(e: Event) -> str | None:
    return e.date.date if e.date and e.date.date else None


def says_start(e: Event, cfg: LinkConfig) -> bool:
    """The evidence says when something began ("protests that began on 1 October")."""
    return bool(set(re.findall(r"[a-z]+", evidence_text(e).lower())) & cfg.start_words)


def is_campaign(e: Event, cfg: LinkConfig) -> bool:
    """A nationwide collective event (a protest wave) rather than one day in one town:
    a country-wide place, or no place and a start ("the uprising that began ...")."""
    if e.type not in cfg.campaign_types:
        return False
    if e.location is None:
        return says_start(e, cfg)
    return e.location.kind in cfg.campaign_place_kinds


def date_relation(a: Event, b: Event, cfg: LinkConfig) -> str:
    """same_day | same (at the vaguer precision) | near | far | unknown."""
    da, db = _date(a), _date(b)
    if not da or not db:
        return "unknown"
    n = min(len(da), len(db))
    if da[:n] == db[:n]:
        return "same_day" if n == 10 else "same"
    xa, xb = day(da), day(db)
    if xa is None or xb is None:
        return "far"
    window = cfg.campaign_days if is_campaign(a, cfg) and is_campaign(b, cfg) else cfg.near_days
    return "near" if abs((xa - xb).days) <= window else "far"


@lru_cache(maxsize=65536)
def place_key(name: str | None) -> str:
    if not name:
        return ""
    words = anyascii(name).lower().replace("-", " ").replace(",", " ").split()
    words = [w[3:] if w.startswith(("al-", "el-")) else w for w in words]
    return " ".join(w for w in words if w not in ("the", "al", "el", "city", "of", "province"))


def _inside(small: Location, big: Location) -> bool:
    """`small` lies in `big` as far as names, admin1 and country tell."""
    kb = place_key(big.name)
    if big.kind in ("country", "region"):
        return bool(small.country and small.country == big.country)
    if big.kind == "admin1":
        return place_key(small.admin1) in (kb, place_key(big.admin1))
    return bool(kb) and (kb == place_key(small.admin1) or f" {kb} " in f" {place_key(small.name)} ")


def stated_place(e: Event) -> Location | None:
    """The event's place when the report states it: named inside one of the event's own
    sentences (any evidence of an article-level event) and finer than a country. Places inferred from the paragraph or the
    article, and country-level places (often the attacker's or a modifier: "a U.S.
    base", "<country>-backed"), may agree but never veto a link or make a dispute."""
    loc = e.location
    if loc is None or loc.kind in ("country", "region") or loc.evidence is None:
        return None
    inside = any(x.start <= loc.evidence.start and loc.evidence.end <= x.end
                 for x in e.all_evidence())
    return loc if inside and loc.evidence.doc == e.evidence.doc else None


def near_sites(a: Location | None, b: Location | None, km: float) -> bool:
    """Two named sites (a square and the bridge beside it) at most `km` apart."""
    if a is None or b is None or a.kind != "site" or b.kind != "site":
        return False
    if None in (a.lat, a.lon, b.lat, b.lon):
        return False
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h))) <= km


def place_relation(a: Location | None, b: Location | None) -> str:
    """same | compatible (one inside the other) | unknown | conflict."""
    if a is None or b is None:
        return "unknown"
    if place_key(a.name) == place_key(b.name) or (a.geonames_id and a.geonames_id == b.geonames_id):
        return "same"
    if a.country and b.country and a.country != b.country:
        return "conflict"
    if _inside(a, b) or _inside(b, a):
        return "compatible"
    if "region" in (a.kind, b.kind):     # "the south": too vague to contradict a town
        return "compatible"
    same_admin = a.admin1 and b.admin1 and place_key(a.admin1) == place_key(b.admin1)
    sites = a.kind == "site" or b.kind == "site"
    return "compatible" if same_admin and sites else "conflict"
