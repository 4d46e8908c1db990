"""Within-article coreference for names: chains of full names, partial names, titles.

- Full names that match (name keys + rules, or the same KB actor) form one chain.
- A one-word name joins the one chain whose full name ends with it (a surname) or,
  failing that, begins with it (a given name used alone); it stays alone if ambiguous.
- Office phrases from the KB ("the <country> president") resolve to the office holder on
  the publication date; generic roles ("the governor of X") to an appositive name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Callable, Iterator

import numpy as np
from spacy.attrs import IS_ALPHA, IS_TITLE, LENGTH, LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from ...kb import KnowledgeBase
from ...lexicons import NameLexicon
from ...names.keys import parse
from ...names.match import MatchContext, match, type_class
from .. import grammar as g
from ..text import doc_text

NAMED = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})


@dataclass(frozen=True, slots=True, kw_only=True)
class Cand:
    """A mention being built: character span (into the article), type, chain."""
    start: int
    end: int
    label: str
    text: str                      # normalised text of the span
    kb_id: str | None = None
    source: str = "ner"            # ner | ruler | office | role
    kind: str = "name"
    name: str = ""
    chain: tuple[int, int] | None = None   # (start, end) of the chain's representative


def clean_name(text: str, lex: NameLexicon) -> str:
    """The name without leading titles ("General X" -> "X")."""
    titles = parse(text, lex).titles
    words = text.split()
    drop = sum(len(t.split()) for t in titles)
    return " ".join(words[drop:]) if 0 < drop < len(words) else text


@dataclass(slots=True)
class _Chain:
    rep: Cand
    label: str
    kb_id: str | None


def build_chains(cands: list[Cand], *, names: NameLexicon,
                 kb: KnowledgeBase | None = None) -> list[Cand]:
    """Give every name candidate its chain (representative span), name and KB id."""
    ordered = sorted(cands, key=lambda c: (c.start, c.end))
    chains: list[_Chain] = []
    full = [c for c in ordered if len(parse(c.text, names).keys) > 1 or c.kb_id]
    for c in sorted(full, key=lambda c: (-len(parse(c.text, names).keys), c.start)):
        chain = _find_chain(c, chains, full_only=True, lex=names)
        if chain is None:
            chains.append(_Chain(rep=c, label=c.label, kb_id=c.kb_id))
        elif chain.kb_id is None:
            chain.kb_id = c.kb_id
    out = []
    for c in ordered:
        chain = _find_chain(c, chains, full_only=False, lex=names)
        if chain is None:
            chain = _Chain(rep=c, label=c.label, kb_id=c.kb_id)
            chains.append(chain)
        partial = (chain.rep is not c
                   and len(parse(c.text, names).keys) < len(parse(chain.rep.text, names).keys))
        kb_id = c.kb_id or chain.kb_id
        actor = kb.get(kb_id) if kb and kb_id else None
        out.append(replace(c, chain=(chain.rep.start, chain.rep.end), kb_id=kb_id,
                           label=chain.label if chain.rep is not c else c.label,
                           name=actor.name if actor else clean_name(chain.rep.text, names),
                           kind="partial" if partial and c.kind == "name" else c.kind))
    return out


def _find_chain(c: Cand, chains: list[_Chain], *, full_only: bool,
                lex: NameLexicon) -> _Chain | None:
    for chain in chains:
        if chain.rep is c:
            return chain
    if c.kb_id:
        for chain in chains:
            if chain.kb_id == c.kb_id:
                return chain
    hits = [ch for ch in chains if _compatible(c, ch, lex) and _same(c, ch, lex)]
    if not hits and not full_only and c.label == "PERSON":
        hits = _given_name_hits(c, [ch for ch in chains if ch.label == "PERSON"], lex)
    hits = [h for h in hits if not (c.kb_id and h.kb_id and c.kb_id != h.kb_id)]
    return hits[0] if len(hits) == 1 or (hits and full_only) else None


def _compatible(c: Cand, chain: _Chain, lex: NameLexicon) -> bool:
    """Same type, or a one-word model entity that may be a person's surname
    (the small model calls surnames GPE or ORG)."""
    if type_class(c.label) == type_class(chain.label):
        return True
    return (chain.label == "PERSON" and c.source == "ner" and not c.kb_id
            and c.label in ("GPE", "LOC", "ORG") and len(parse(c.text, lex).keys) == 1)


def _same(c: Cand, chain: _Chain, lex: NameLexicon) -> bool:
    return _same_names(c.text, c.label, bool(c.kb_id), chain.rep.text, chain.label, lex)


@lru_cache(maxsize=100_000)
def _same_names(text: str, label: str, linked: bool, rep_text: str, rep_label: str,
                lex: NameLexicon) -> bool:
    """Cached: the same pairs of names recur within and across articles."""
    p, rep = parse(text, lex), parse(rep_text, lex)
    if rep_label == "PERSON":
        ctx = MatchContext(lex=lex, label_a="PERSON", label_b="PERSON")
        return match(text, rep_text, context=ctx).same
    if len(p.keys) == 1 and len(rep.keys) > 1 and p.first == rep.first and not p.acronym:
        rest = {w for w in rep.parts[1:]}
        if type_class(rep_label) == "PLACE":
            return rest <= lex.minor_place_heads
        return rep_label == "ORG" and not linked and not rep.text.split()[0].isupper()
    ctx = MatchContext(lex=lex, label_a=label, label_b=rep_label)
    return match(text, rep_text, context=ctx).same


def _given_name_hits(c: Cand, chains: list[_Chain], lex: NameLexicon) -> list[_Chain]:
    p = parse(c.text, lex)
    if len(p.keys) != 1:
        return []
    return [ch for ch in chains if len(parse(ch.rep.text, lex).keys) > 1
            and parse(ch.rep.text, lex).first == p.first]


def surname_mentions(doc: Doc, cands: list[Cand], *, names: NameLexicon) -> list[Cand]:
    """Bare surnames the model missed ("<surname> resigned"), when one person chain of
    the article ends with that surname; the new mention joins that chain."""
    by_last: dict[str, list[Cand]] = {}
    for c in cands:
        p = parse(c.text, names)
        if c.label == "PERSON" and c.chain == (c.start, c.end) and len(p.keys) > 1:
            by_last.setdefault(p.last, []).append(c)
    out: list[Cand] = []
    if not by_last:
        return out
    taken = [(c.start, c.end) for c in cands]
    text = ""                      # doc_text(doc) rebuilds the string: fetch it once, lazily
    for tok in _tokens_where(doc, lambda a: (a[:, 0] == 1) & (a[:, 1] >= 4) & (a[:, 2] == 1),
                             (IS_TITLE, LENGTH, IS_ALPHA)):
        p = parse(tok.text, names)
        reps = by_last.get(p.last) if len(p.keys) == 1 else None
        if not reps or len(reps) != 1 or any(s <= tok.idx < e for s, e in taken):
            continue
        start = _article_start(doc, tok, names.articles)
        rep = reps[0]
        end = tok.idx + len(tok)
        text = text or doc_text(doc)
        out.append(Cand(start=start, end=end, label="PERSON", text=text[start:end],
                        kb_id=rep.kb_id, kind="partial", name=rep.name, chain=rep.chain,
                        source="surname"))
        taken.append((start, end))
    return out


def _tokens_where(doc: Doc, test: Callable[[np.ndarray], np.ndarray],
                  attrs: tuple[int, ...]) -> Iterator[Token]:
    """The tokens whose lexical attributes pass `test` (a vectorised filter over
    doc.to_array(attrs)): no Python Token object for the others."""
    if not len(doc):
        return
    table = doc.to_array(list(attrs)).reshape(len(doc), len(attrs))
    for i in np.flatnonzero(test(table)):
        yield doc[int(i)]


def _article_start(doc: Doc, tok, arts: frozenset[str]) -> int:
    """Start of "Al-X" / "al X" when the surname follows an article."""
    i = tok.i
    if i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in arts and not doc[i - 2].whitespace_:
        return doc[i - 2].idx
    if i >= 1 and doc[i - 1].lower_.rstrip("-") in arts and doc[i - 1].text[:1].isupper():
        return doc[i - 1].idx
    return tok.idx


def office_mentions(text: str, *, kb: KnowledgeBase, published: str | None,
                    taken: list[tuple[int, int]]) -> list[Cand]:
    """Office phrases ("the <country> president") resolved to the one holder on the date;
    not when the phrase is a title right before a name ("<country> President <name>")."""
    out = []
    lowered = text.lower() if text.isascii() else None
    for office in kb.offices.values():
        if not office.phrases or not _may_occur(office.phrases, lowered):
            continue
        holders = kb.holders(office.name, published)
        if len(holders) != 1:
            continue
        holder = holders[0]
        for m in _office_regex(office.phrases).finditer(text):
            if any(m.start() < e and s < m.end() or m.end() < s <= m.end() + 1 for s, e in taken):
                continue
            out.append(Cand(start=m.start(), end=m.end(), label=holder.type, text=m.group(0),
                            kb_id=holder.id, kind="title", name=holder.name))
            taken.append((m.start(), m.end()))
    return out


def _may_occur(phrases: tuple[str, ...], lowered: str | None) -> bool:
    """Cheap pre-filter: can one of the phrases match the (lower-cased ASCII) text?"""
    if lowered is None:
        return True
    return any(p is None or p in lowered for p in _lowered(phrases))


@lru_cache(maxsize=4096)
def _lowered(phrases: tuple[str, ...]) -> tuple[str | None, ...]:
    """Each phrase lower-cased; None for a non-ASCII one (it may match anywhere)."""
    return tuple(p.lower() if p.isascii() else None for p in phrases)


@lru_cache(maxsize=4096)
def _office_regex(phrases: tuple[str, ...]) -> re.Pattern[str]:
    pattern = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{pattern})(?!\w)", flags=re.IGNORECASE)


def role_mentions(doc: Doc, cands: list[Cand], *, roles: frozenset[str]) -> list[Cand]:
    """"the governor of X" next to a person's name (apposition) refers to that person."""
    people = [c for c in cands if c.label == "PERSON" and c.kind == "name"]
    out = []
    wanted = np.array([get_string_id(r) for r in roles], dtype=np.uint64)
    for tok in _tokens_where(doc, lambda a: np.isin(a[:, 0], wanted), (LOWER,)):
        if tok.i == 0 or doc[tok.i - 1].lower_ != "the":
            continue
        span = doc[tok.i - 1: _role_end(tok)]
        if any(span.start_char < c.end and c.start < span.end_char for c in cands
               if c.label == "PERSON" or c.start < span.start_char):
            continue
        person = _apposed(span, people)
        if person is not None:
            out.append(Cand(start=span.start_char, end=span.end_char, label="PERSON",
                            text=span.text, kb_id=person.kb_id, kind="title",
                            name=person.name or person.text, chain=person.chain))
    return out


def _role_end(tok) -> int:
    """End of "the governor of X Province" (the role and its first of-phrase)."""
    objs = g.prep_objects(tok, ("of",))
    return objs[0].i + 1 if objs else tok.i + 1


def _apposed(span, people: list[Cand]) -> Cand | None:
    doc = span.doc
    before = doc[span.start - 2] if span.start >= 2 and doc[span.start - 1].text == "," else None
    after = doc[span.end + 1] if span.end + 1 < len(doc) and doc[span.end].text == "," else None
    for c in people:
        if before is not None and c.start <= before.idx < c.end:
            return c
        if after is not None and c.start <= after.idx < c.end:
            return c
        beside = g.apposed_to(span.root)
        if beside is not None and c.start <= beside.idx < c.end:
            return c
    return None
