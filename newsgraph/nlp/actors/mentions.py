"""Mentions of actors and places in one parsed article.

From the Doc's entities (model + KB/gazetteer ruler): trim possessives and a leading
"the", split names glued to captions or headlines, fix types the small model gets
wrong (KB type first, then org head words), drop junk; then chain them within the
article (coref.py) and add office titles, appositive roles and capital metonyms.
Offsets are into the article; `Mention.text` is sliced from the ORIGINAL text.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from ...ids import record_id
from ...kb import KnowledgeBase
from ...lexicons import NameLexicon
from ...model import Article, Mention
from ...names.keys import fold, looks_like_org
from ...names.linker import kb_index
from .. import grammar as g
from ..layout import Layout, layout
from ..ruler import RULER_SPANS
from ..text import doc_text
from .coref import (
    NAMED,
    Cand,
    build_chains,
    office_mentions,
    role_mentions,
    surname_mentions,
)
from .groups import backer_compounds, follower_mentions

_SPLIT = re.compile(r"\s*(?:\||:\s|\s[-/]\s)\s*")
_CITIES = re.compile(r"[^/]+")
_LEAD = frozenset({"the", "a", "an", "'", '"', "(", "-", ",", ".", ":"})
_TRAIL = frozenset({"'s", "'", "s", '"', ")", ",", ".", ":", ";", "-"})
_POSSESSIVE = frozenset({"'s", "\u2019s"})
_DEBRIS = re.compile(r"https?:|www\.|@|\.com\b|\.org\b|\d+\s*x\s*\d+")

def mentions_from_doc(doc: Doc, article: Article, *, kb: KnowledgeBase,
                      names: NameLexicon) -> list[Mention]:
    """All actor/place mentions of the article, with chains, titles and metonyms."""
    ruled = {tuple(x) for x in doc.user_data.get(RULER_SPANS, [])}
    lay = layout(doc)
    cands = [c for ent in doc.ents if ent.label_ in NAMED
             for c in _cands_from_ent(ent, kb=kb, names=names, ruled=ruled, lay=lay)]
    cities = _dateline_cities(doc, lay, kb=kb, names=names)
    cands = _dedupe(cities + [c for c in cands if not _overlaps(c, cities)])
    cands = backer_compounds(doc_text(doc), cands, kb=kb, names=names)
    chained = build_chains(cands, kb=kb, names=names)
    chained = [_metonym(c, doc, kb=kb, names=names) for c in chained]
    chained += surname_mentions(doc, chained, names=names)
    taken = [(c.start, c.end) for c in chained if c.label in ("PERSON", "ORG")]
    extra = office_mentions(doc_text(doc), kb=kb, published=article.published, taken=taken)
    chained = [c for c in chained if c.label != "NORP"
               or not any(x.start <= c.start and c.end <= x.end for x in extra)]
    extra += [r for r in role_mentions(doc, chained, roles=names.roles)
              if not any(r.start < x.end and x.start < r.end for x in extra)]
    extra += follower_mentions(doc_text(doc), chained + extra, kb=kb, names=names,
                               published=article.published)
    rep_of = {c.kb_id: c.chain for c in chained if c.kb_id and c.chain}
    extra = [c if c.chain else _join(c, rep_of) for c in extra]
    return [_to_mention(c, article) for c in sorted(_dedupe(chained + extra),
                                                    key=lambda c: (c.start, c.end))]


def _dateline_cities(doc: Doc, lay: Layout, *, kb: KnowledgeBase,
                     names: NameLexicon) -> list[Cand]:
    """The dateline's city ('CITY', each of 'CITY/CITY') is a place, whatever the model
    made of the upper-case word."""
    if lay.dateline is None or lay.dateline.city is None:
        return []
    text = doc_text(doc)
    out = []
    for m in _CITIES.finditer(text, *lay.dateline.city):
        start, end = m.start() + len(m.group()) - len(m.group().lstrip()), m.end()
        city = _unshout(text[start:end])
        out.append(Cand(start=start, end=end, label="GPE", text=city, source="layout",
                        kb_id=kb_index(kb, names).link_exact(city, "GPE")))
    return out


def _unshout(city: str) -> str:
    """An upper-case dateline city is matched as "Cityname", not as an acronym."""
    return city.title() if city.isupper() and len(city) > 3 else city


def _overlaps(c: Cand, others: list[Cand]) -> bool:
    return any(c.start < o.end and o.start < c.end for o in others)


def _cands_from_ent(ent: Span, *, kb: KnowledgeBase, names: NameLexicon, ruled: set,
                    lay: Layout) -> list[Cand]:
    out = []
    for piece, state in (p for whole in _pieces(ent, lay) for p in _possessor_split(whole, kb, names)):
        span = _trim(piece)
        if span is None or _junk(span, names.junk):
            continue
        if state is not None:
            out.append(Cand(start=span.start_char, end=span.end_char, label="GPE",
                            text=span.text, kb_id=state or None, source="ner"))
            continue
        from_ruler = (span.start_char, span.end_char) in ruled or ent.ent_id_
        region = _region(span, names.region_modifiers)
        if region is not None:
            out.append(Cand(start=region.start_char, end=region.end_char, label="LOC",
                            text=region.text, source="ner"))
            continue
        kb_id, label = _link(span, ent, kb=kb, names=names, from_ruler=bool(from_ruler))
        span = _with_title(span, names.titles) if label == "PERSON" else span
        out.append(Cand(start=span.start_char, end=span.end_char, label=label,
                        text=span.text, kb_id=kb_id, source="ruler" if from_ruler else "ner"))
    return out


def _with_title(span: Span, titles: tuple[tuple[str, ...], ...]) -> Span:
    """Include capitalised titles just before a person's name ("Grand Ayatollah X")."""
    longest, index, lengths = _title_table(titles)
    doc, start = span.doc, span.start
    before = [(t.text[:1].isupper(), t.lower_.rstrip("."))
              for t in doc[max(0, start - longest):start]]
    best: tuple[int, int] | None = None          # (position in the title list, length)
    for n in lengths:
        if n > len(before) or not all(upper for upper, _ in before[len(before) - n:]):
            continue
        k = index.get(tuple(word for _, word in before[len(before) - n:]))
        if k is not None and (best is None or k < best[0]):
            best = (k, n)
    return _with_title(doc[start - best[1]: span.end], titles) if best else span


_TITLES: dict[int, tuple[tuple, tuple[int, dict[tuple[str, ...], int], list[int]]]] = {}


def _title_table(titles: tuple[tuple[str, ...], ...]) -> tuple[int, dict[tuple[str, ...], int], list[int]]:
    """Longest title, title -> first position in the list, and the distinct lengths."""
    cached = _TITLES.get(id(titles))
    if cached is not None and cached[0] is titles:
        return cached[1]
    index: dict[tuple[str, ...], int] = {}
    for k, title in enumerate(titles):
        index.setdefault(title, k)
    table = (max((len(t) for t in titles), default=0), index, sorted({len(t) for t in titles}))
    if len(_TITLES) > 8:
        _TITLES.clear()
    _TITLES[id(titles)] = (titles, table)
    return table


def _region(span: Span, modifiers: frozenset[str]) -> Span | None:
    """"southern X": a compass word before a country or province is a region."""
    if span.label_ not in ("GPE", "LOC") or span.start == 0:
        return None
    prev = span.doc[span.start - 1]
    if prev.lower_ in modifiers:
        return span.doc[span.start - 1: span.end]
    return None


def _pieces(ent: Span, lay: Layout) -> list[Span]:
    """Split an entity glued across a paragraph break, a caption bar or a headline colon."""
    start, end = ent.start_char, ent.end_char
    text = doc_text(ent.doc)
    if lay.paragraph(start) == lay.paragraph(end - 1) and not _SPLIT.search(text, start, end):
        return [ent]
    out = []
    for p_start, p_end in lay.paragraphs:
        pos, stop = max(start, p_start), min(end, p_end)
        if pos >= stop:
            continue
        for m in [*_SPLIT.finditer(text, pos, stop), None]:
            cut = m.start() if m else stop
            piece = ent.doc.char_span(pos, cut, label=ent.label_, alignment_mode="contract")
            if piece is not None and len(piece):
                out.append(piece)
            pos = m.end() if m else pos
    return out


def _possessor_split(span: Span, kb: KnowledgeBase,
                     names: NameLexicon) -> list[tuple[Span, str | None]]:
    """"Xland's Security Council" tagged as one name: the state or capital the KB knows
    (its actor id, "" for a capital) and the body it owns, when the KB knows that body by
    name too; "People's ..." and "Xland's parliament" stay whole. Pieces come with None,
    the possessor with its id."""
    doc = span.doc
    k = next((i for i in range(span.start + 1, span.end - 1) if doc[i].text in _POSSESSIVE), None)
    if k is None:
        return [(span, None)]
    index, owner = kb_index(kb, names), doc[span.start:k]
    actor_id = index.link(owner.text, "GPE")
    if actor_id is None or kb.actors[actor_id].type != "GPE":
        actor_id = "" if index.metonym(owner.text) else None
    body = doc[k + 1:span.end]
    if actor_id is None or index.link(body.text, None, single=False) is None:
        return [(span, None)]       # the body must be a name on its own, not "Xland's parliament"
    return [(owner, actor_id), (body, None)]


def _trim(span: Span) -> Span | None:
    start, end = span.start, span.end
    while start < end and span.doc[start].lower_ in _LEAD:
        start += 1
    while end > start and span.doc[end - 1].lower_ in _TRAIL:
        end -= 1
    if start >= end:
        return None
    return span.doc[start:end] if (start, end) != (span.start, span.end) else span


def _junk(span: Span, junk: frozenset[str]) -> bool:
    text = span.text.strip()
    if len(text) < 2 or not any(c.isalpha() for c in text) or _DEBRIS.search(text):
        return True
    if len(span) == 1 and text[0].islower():
        return True
    folded = fold(text)
    return folded in junk or all(w in junk for w in folded.split())


def _link(span: Span, ent: Span, *, kb: KnowledgeBase, names: NameLexicon,
          from_ruler: bool) -> tuple[str | None, str]:
    """KB actor and corrected type: ruler id, else KB lookup, else head-word rules."""
    label = ent.label_
    if ent.ent_id_:
        actor = kb.get(ent.ent_id_)
        return ent.ent_id_, actor.type if actor else label
    index = kb_index(kb, names)
    actor_id = index.link(span.text, label, single=False)
    if actor_id is None and not from_ruler and label in ("PERSON", "ORG"):
        actor_id = index.link(span.text, None, single=False)
    if actor_id is not None:
        return actor_id, kb.actors[actor_id].type
    if (label in ("PERSON", "GPE", "LOC", "FAC", "NORP") and not from_ruler
            and looks_like_org(span.text, names)):
        return None, "ORG"
    return None, label


def _metonym(c: Cand, doc: Doc, *, kb: KnowledgeBase, names: NameLexicon) -> Cand:
    """A capital standing for its government: subject of a political verb, or the
    possessor of a political noun ("<capital>'s plot"); "in <capital>" stays the city."""
    if c.label not in ("GPE", "LOC") or c.kind != "name":
        return c
    target = _metonym_actor(c.text, kb, names)
    if target is None:
        return c
    span = doc.char_span(c.start, c.end, alignment_mode="expand")
    if span is None or not _political_use(span, names):
        return c
    actor = kb.actors[target]
    return Cand(start=c.start, end=c.end, label=actor.type, text=c.text, kb_id=actor.id,
                kind="metonym", name=actor.name, chain=None)


def _metonym_actor(text: str, kb: KnowledgeBase, names: NameLexicon) -> str | None:
    return kb_index(kb, names).metonym(text)


def _political_use(span: Span, lex: NameLexicon) -> bool:
    root = span.root
    if g.is_subject(root) and root.head.lemma_.lower() in lex.political_verbs:
        return True
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if nxt is not None and nxt.lower_ in ("'s", "'"):
        noun = root.head if root.dep_ == "poss" else None
        return noun is not None and noun.lemma_.lower() in lex.political_nouns | {
            n.rstrip("s") for n in lex.political_nouns}
    return False


def _join(c: Cand, rep_of: dict) -> Cand:
    chain = rep_of.get(c.kb_id) if c.kb_id else None
    return Cand(start=c.start, end=c.end, label=c.label, text=c.text, kb_id=c.kb_id,
                kind=c.kind, name=c.name, chain=chain or (c.start, c.end))


def _dedupe(cands: list[Cand]) -> list[Cand]:
    seen: dict[tuple[int, int], Cand] = {}
    for c in cands:
        seen.setdefault((c.start, c.end), c)
    return list(seen.values())


def _to_mention(c: Cand, article: Article) -> Mention:
    chain = c.chain or (c.start, c.end)
    return Mention(id=record_id("m", article.id, c.start, c.end), doc=article.id,
                   start=c.start, end=c.end, text=article.text[c.start:c.end], label=c.label,
                   kind=c.kind, name=c.name or c.text, kb_id=c.kb_id,
                   local=record_id("m", article.id, *chain))
