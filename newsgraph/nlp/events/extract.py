"""Events: trigger words from the lexicon (verbs and nominalisations alike), kept
only when the clause reports them as having happened, typed with PLOVER type and
mode, with actors, targets, date, place and reported casualties.

One event per sentence and PLOVER type: 'launched an attack ... killing 10' is one
ASSAULT, unless coordinated clauses tell two ('protests in A and the November uprising
in B': see event_clauses); such events take their clause as evidence. A
following sentence that only adds the toll ('The raids killed 41') is folded into the
event it continues.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from typing import Mapping, Sequence

from spacy.tokens import Doc, Span, Token

from ... import ids
from ...learn.gate import Keep
from ...lexicons.grouping import GroupingRules
from ...model import Article, DateRef, Event, Evidence, Location, Mention
from .. import grammar as g
from ..forms import token_forms
from ..layout import layout, sentences
from ..places import PlaceContext, place_context
from ..text import doc_text
from . import background, carry
from . import places as places_of
from . import roles, tolls
from .clauses import clauses, split_same_type
from .draft import Draft, Hit
from .group import group_mentions
from .kinds import kind_of, named_kinds, pair_of
from .lexicon import Lexicon, Rule

log = logging.getLogger(__name__)
EXTRACTOR = "events.v1"
_MODE_RANK = ("riot", "vandalize", "obstruct", "strike", "hunger", "boycott", "demo")


def _keys(tok: Token) -> tuple[str, ...]:
    lemma, low = tok.lemma_.lower(), tok.lower_
    return (lemma,) if lemma == low else (lemma, low)


_NOT_ROLES = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"}
_NAMES = {"ORG", "PERSON", "FAC", "WORK_OF_ART", "LAW", "PRODUCT", "EVENT"}


def _in_name(tok: Token) -> bool:
    """Trigger words inside names ('the October Demonstration Committee') or compound
    adjectives ('the state-sanctioned umbrella', 'a US-backed force') are not events."""
    if tok.ent_type_ in _NAMES:
        return True
    if tok.i > 0 and tok.nbor(-1).text == "-" and not tok.nbor(-1).whitespace_ and (
            tok.dep_ in ("amod", "compound") and tok.tag_ in ("VBN", "VBD", "JJ")):
        return True
    return tok.pos_ == "PROPN" and tok.is_title and tok.i > tok.sent.start and any(
        n.pos_ == "PROPN" and n.is_title for n in (tok.nbor(-1), *(
            [tok.nbor(1)] if tok.i + 1 < len(tok.doc) else [])))


def _match_at(tokens: Sequence[Token], i: int, rule: Rule) -> tuple[Token, ...] | None:
    if rule.pos and tokens[i].pos_ not in rule.pos:
        return None
    if rule.objectless and any(c.dep_ in ("dobj", "nsubjpass") for c in tokens[i].children):
        return None
    got, j = [tokens[i]], i + 1
    for word, gap in zip(rule.words[1:], rule.gaps[1:]):
        limit = j + (3 if gap else 1)
        while j < min(limit, len(tokens)) and word not in _keys(tokens[j]):
            j += 1
        if j >= min(limit, len(tokens)):
            return None
        got.append(tokens[j])
        j += 1
    return tuple(got)


def find_triggers(sent: Span, lex: Lexicon) -> list[Hit]:
    """Longest lexicon matches, left to right, never overlapping."""
    # Python, not nlp.phrases: rules have '*' gaps where the first next word wins, plus POS,
    # objectless and needs tests; the start scan below is a set test on token_forms.
    forms = token_forms(sent.doc)
    offset = sent.start
    starts = [i for i in range(len(sent)) if forms.lemma_lower[offset + i] in lex.rules
              or forms.lower[offset + i] in lex.rules]
    if not starts:
        return []
    tokens = list(sent)
    words = {k for t in tokens for k in _keys(t)}
    hits: list[Hit] = []
    used: set[int] = set()
    for i in starts:
        tok = tokens[i]
        if tok.i in used or _in_name(tok):
            continue
        for key in _keys(tok):
            found = next((h for rule in lex.rules.get(key, ())
                          if (not rule.needs or rule.needs & words)
                          and (h := _match_at(tokens, i, rule))), None)
            if found:
                rule = next(r for r in lex.rules[key] if _match_at(tokens, i, r) == found
                            and (not r.needs or r.needs & words))
                hits.append(Hit(rule=rule, tokens=found))
                used.update(t.i for t in found)
                break
    return hits


def _context_mode(sent: Span, ptype: str, lex: Lexicon) -> str | None:
    lemmas = [t.lemma_.lower() for t in sent]
    bigrams = {" ".join(p) for p in zip(lemmas, lemmas[1:])} | {
        " ".join(p) for p in zip((t.lower_ for t in sent), (t.lower_ for t in sent[1:]))}
    present = set(lemmas) | {t.lower_ for t in sent} | bigrams
    for mode, words in lex.context_modes.get(ptype, ()):
        if any(w in present for w in words):
            return mode
    return None


def _mode(draft: Draft, lex: Lexicon) -> str | None:
    specific = [h.rule.mode for h in draft.hits if h.rule.mode and not h.rule.generic]
    if draft.type == "PROTEST" and specific:
        return min(specific, key=lambda m: _MODE_RANK.index(m) if m in _MODE_RANK else 99)
    if specific:
        return specific[0]
    return _context_mode(draft.sent, draft.type, lex)


def _drafts(sent: Span, lex: Lexicon, marks: Sequence[tuple[int, str]]) -> list[Draft]:
    """The sentence's events: one per type, or per coordinated clause (event_clauses)."""
    hits = [h for h in find_triggers(sent, lex) if roles.is_factual(h.head, lex)]
    hits = [h for h in hits if h not in background.attributions(hits, lex.blame_verbs)]
    if not hits:
        return []
    if lex.accidental is not None and any(h.rule.type == "ASSAULT" and h.rule.generic
                                          for h in hits) and lex.accidental.search(
            doc_text(sent.doc)[sent.start_char:sent.end_char]):
        hits = [h for h in hits if not (h.rule.type == "ASSAULT" and h.rule.generic)]
    by_type: dict[str, list[Hit]] = {}
    for hit in hits:
        by_type.setdefault(hit.rule.type, []).append(hit)
    drafts = [Draft(sent=sent, type=t, hits=tuple(hs[k] for k in group))
              for t, hs in by_type.items()
              for group in split_same_type([h.head for h in hs], marks, sent)]
    drafts.sort(key=lambda d: d.hits[0].tokens[0].i)
    spans = clauses([[t for h in d.hits for t in h.tokens] for d in drafts], sent)
    if spans is not None:
        drafts = [replace(d, clause=c) for d, c in zip(drafts, spans)]
    if len(drafts) > 1:
        every = [frozenset(t.i for h in d.hits for t in h.tokens) for d in drafts]
        drafts = [replace(d, rivals=frozenset().union(*every[:k], *every[k + 1:]))
                  for k, d in enumerate(drafts)]
    return sorted(drafts, key=_salience)


_MATERIAL = ("ASSAULT", "PROTEST", "COERCE", "MOBILIZE", "RETREAT", "SANCTION", "AID",
             "COOPERATE")


def _salience(draft: Draft) -> tuple[bool, int, int, int]:
    """Events of one sentence, the one it reports first: not one told in a relative
    clause ('leaders who killed ...'); violence, then other material events, then
    verbal ones ('accused of launching an attack' is first the attack); within a kind,
    the trigger nearest the root."""
    rank = _MATERIAL.index(draft.type) if draft.type in _MATERIAL else len(_MATERIAL)
    background, depth = min(g.embedding(h.head) for h in draft.hits)
    return background, rank, depth, draft.hits[0].tokens[0].i


def _roles(draft: Draft, mentions: Sequence[Mention], text: str, *, lex: Lexicon,
           kinds: Mapping[str, str]) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...],
                      set[int], set[int]]:
    actors: list[Token] = []
    targets: list[Token] = []
    units = lex.unit_nouns
    for hit in draft.hits:
        head = hit.head
        if head.pos_ in ("VERB", "AUX") and not g.stands_as_noun(head):
            a, t = roles.verb_roles(head, hit.tokens, lex=lex)
        else:
            a, t = roles.noun_roles(head, hit.tokens, of_is_actor=draft.type in lex.of_agent_types,
                                    lex=lex)
        actors += a + _nested_actors(a, draft)
        targets += t
    out: dict[str, list[str]] = {"a": [], "t": [], "at": [], "tt": []}
    used: set[int] = set()
    by_actor: set[int] = set()
    inside = {t.i for h in draft.hits for t in h.tokens}
    for key, toks in (("a", actors), ("t", targets)):
        for tok in g.expand(g.quantified(t) for t in toks):
            if tok.i in inside or tok.ent_type_ in _NOT_ROLES:
                continue
            mid, phrase = roles.resolve_role(tok, mentions, text, units=units)
            pair = pair_of(tok, mentions, lex) if mid is None and phrase else []
            if mid is None and phrase:
                mid = kind_of(tok, kinds)      # 'the militants' of 'A militants'
            used.update(range(tok.left_edge.i, tok.i + 1))
            if key == "a":
                by_actor.update(range(tok.left_edge.i, tok.i + 1))
            for one in pair or [mid]:
                if one and one not in out[key]:
                    out[key].append(one)
            if phrase and not mid and not pair and phrase not in out[key + "t"]:
                out[key + "t"].append(phrase)
    return tuple(out["a"]), tuple(out["t"]), tuple(out["at"]), tuple(out["tt"]), used, by_actor


def _concrete(hit: Hit, lex: Lexicon) -> bool:
    """A verb in the past (not a simple present passive: 'people are detained in
    overcrowded cells' tells a habit), or a noun made concrete by its verb or modifier
    ('launched an attack', 'a crackdown launched in', 'a bloody crackdown')."""
    head = hit.head
    if head.pos_ == "VERB":
        habitual = any(c.dep_ == "auxpass" and c.tag_ in ("VBP", "VBZ") for c in head.children)
        return head.tag_ not in ("VBP", "VBZ") and not habitual
    near = [head.head, *head.children]
    return any(t.lemma_.lower() in lex.support_verbs and t.pos_ == "VERB" for t in near) or any(
        c.lower_ in lex.concrete_modifiers for c in head.children)


def _nested_actors(tokens: Sequence[Token], draft: Draft) -> list[Token]:
    """'killed by a US drone strike': the actor of the agent noun that is itself a trigger."""
    inside = {t.i for h in draft.hits for t in h.tokens}
    out: list[Token] = []
    for tok in tokens:
        if tok.i in inside and g.stands_as_noun(tok):
            hit = next(h for h in draft.hits if tok in h.tokens)
            out += roles.noun_roles(tok, hit.tokens, of_is_actor=False)[0]
    return out


def _anchored(draft: Draft, *, dated: bool, placed: bool, lex: Lexicon) -> bool:
    """Generic mentions of a kind of event ('the protests', 'they refuse to') are not
    events: a trigger needs a date or place attached to it, a toll, or concreteness."""
    if dated or placed or draft.fatalities or draft.injuries:
        return True
    return any(_concrete(h, lex) for h in draft.hits)


@dataclass(frozen=True, slots=True, kw_only=True)
class Context:
    """What every event of one article is built from."""
    article: Article
    mentions: Sequence[Mention]
    dates: Sequence[DateRef]
    places: Sequence[Location]
    where: PlaceContext
    lex: Lexicon
    seen: dict[tuple[str, str], DateRef]    # (type, trigger lemma) -> date of an earlier event
    told: carry.Told = field(default_factory=dict)  # type -> the date a sentence last stated
    kinds: Mapping[str, str]                # kind noun -> the group it names (kinds.py)
    grouping: GroupingRules | None = None   # its cause phrases keep a main clause's date apart


def _date(draft: Draft, parts: list[Token], ctx: Context) -> tuple[DateRef | None, bool]:
    """The sentence's date; else, for a definite re-mention ('the attack'), the date of
    the earlier event it names (carry.py); else the date the paragraph last set."""
    telling = ctx.lex.telling_verbs if draft.type in ctx.lex.told_date_types else frozenset()
    date, dated = roles.pick_date(draft.sent, parts,
                                  [d for d in ctx.dates if draft.admits(d.start, date=True)],
                                  telling=telling)
    if date is not None and _embedded(draft, date, ctx):
        return None, False
    if date is not None and date.date is not None:
        return date, dated
    if _embedded(draft, None, ctx):
        return date, False       # background ("came days after attacks") inherits no date
    par = ctx.where.paragraph_start(draft.sent.start_char)
    if draft.hits and not _tells_reply(draft, ctx):
        earlier = carry.seen_date(draft.type, draft.hits, ctx.seen) or carry.cued_date(
            draft.hits, ctx.told, ctx.places, ctx.where.paragraph_start(par - 1))
        if earlier is not None:
            return earlier, False
    return roles.inherited_date(draft.sent, ctx.dates, paragraph=par) or date, False


def _tells_reply(draft: Draft, ctx: Context) -> bool:
    """The sentence names a reply ("the attack was followed by a counterattack"): its
    definite re-mention does not take the earlier happening's date."""
    low = draft.sent.text.lower()
    return ctx.grouping is not None and any(w in low for w in ctx.grouping.reply_words)


def _embedded(draft: Draft, date: DateRef | None, ctx: Context) -> bool:
    """The date belongs to the happening whose cause or background the trigger is told
    as ("X struck on Friday in retaliation for an attack"), see background.py; without
    a date: is the trigger told as such?"""
    rules = ctx.grouping
    if rules is None:
        return False
    at = date.start if date is not None else draft.sent.start_char - 1
    return all(background.date_outside(ctx.article.text, date_start=at,
                                       sent_start=draft.sent.start_char,
                                       trigger_at=hit.tokens[0].idx,
                                       phrases=rules.background_phrases, window=rules.reply_window)
               for hit in draft.hits)


def _build(draft: Draft, ctx: Context) -> list[Event]:
    sent, article, lex = draft.sent, ctx.article, ctx.lex
    evidence = _evidence(article, draft.span())
    start, end = evidence.start, evidence.end
    parts = [t for h in draft.hits for t in h.tokens]
    actors, targets, actor_text, target_text, used, by_actor = _roles(
        draft, ctx.mentions, article.text, lex=lex, kinds=ctx.kinds)
    date, dated = _date(draft, parts, ctx)
    places = [p for p in ctx.places if p.evidence is not None
              and sent.start_char <= p.evidence.start < sent.end_char
              and draft.admits(p.evidence.start)
              and not places_of.owned_by_rival(p, sent, parts, draft.rivals)]
    filed = draft.type in lex.dateline_types
    located = lex.place_object_verbs if filed else None
    place, placed = places_of.pick_place(sent, parts, places, roles=used, located=located)
    if not _anchored(draft, dated=dated, placed=placed, lex=lex):
        return []
    if place is not None and not placed and draft.type == "PROTEST":
        crowd = places_of.crowd_nationality(sent, by_actor, ctx.where)
        place = crowd if crowd is not None and crowd.country != place.country else place
    if place is None:
        place = places_of.fallback_place(sent, parts, places, context=ctx.where,
                                         exclude=_participants(draft, used, by_actor, lex),
                                         roles=used, filed=filed, located=located)
    if date is not None and date.date is not None:
        for hit in draft.hits:
            ctx.seen[(draft.type, hit.head.lemma_.lower())] = date
        if dated and carry.stated(date, sent):
            ctx.told[draft.type] = (date, place)
    first = next((h for h in draft.hits if not h.rule.generic), draft.hits[0])
    trig = article.text[first.tokens[0].idx: first.tokens[-1].idx + len(first.tokens[-1])]
    where = [place]
    if place is not None and draft.fatalities is None and draft.injuries is None and (
            placed or not filed):
        where = places_of.coordinated(place, places, sent, parts, attached=placed)
    one = Event(
        id=ids.record_id("e", article.id, start, end, draft.type), doc=article.id,
        type=draft.type, mode=_mode(draft, lex), trigger=trig, date=date, location=place,
        actors=actors, targets=targets, actor_text=actor_text, target_text=target_text,
        fatalities=draft.fatalities, injuries=draft.injuries, toll_source=draft.toll_source,
        toll_evidence=_evidence(article, draft.toll_span),
        evidence=evidence, extractor=EXTRACTOR)
    if len(where) == 1:
        return [one]
    return [replace(one, id=ids.record_id("e", article.id, start, end, draft.type, loc.name),
                    location=loc) for loc in where]


def _participants(draft: Draft, used: set[int], by_actor: set[int], lex: Lexicon) -> set[int]:
    """Tokens whose places are the event's participants, not where it happened: an
    attack's actor ('<country> struck ...'); any actor or target of a verbal or
    diplomatic event ('<country> and <country> signed a deal', 'a deal with
    <country>', `dateline_types`); a protest's crowd may name its place."""
    if draft.type in lex.dateline_types:
        return used
    return by_actor if draft.type == "ASSAULT" else set()


def _evidence(article: Article, span: tuple[int, int] | None) -> Evidence | None:
    """The span's evidence, trailing whitespace left out."""
    if span is None:
        return None
    start, end = span
    while end > start and article.text[end - 1].isspace():
        end -= 1
    return Evidence(doc=article.id, start=start, end=end, text=article.text[start:end])




def extract_events(doc: Doc, article: Article, *, mentions: Sequence[Mention],
                   dates: Sequence[DateRef], places: Sequence[Location],
                   lex: Lexicon, demonyms: Mapping[str, str],
                   keep: Keep | None = None,
                   grouping: GroupingRules | None = None) -> list[Event]:
    """Every event the article reports as having happened (threats as THREATEN);
    `demonyms` places an event by a nationality word when its sentence names no place;
    `keep` (the learned filter, see newsgraph.learn.gate) picks among the candidates;
    `grouping` makes one event of the mentions telling one happening (group.py)."""
    sents = sentences(doc)
    marks = [(d.start, d.date or d.text) for d in dates] + [
        (p.evidence.start, p.name) for p in places if p.evidence is not None]
    drafts = [tolls.with_toll(d, doc_text(doc)[slice(*d.span())])
              for sent in sents for d in _drafts(sent, lex, marks)]
    drafts = tolls.fold(drafts, sents, doc)
    # A dateline is where the story was filed: never a place an event states (the lead of
    # a `dateline_types` event may fall back on it, see places.fallback_place).
    lay = layout(doc)
    own = [p for p in places if p.evidence is None or not lay.in_dateline(p.evidence.start)]
    ctx = Context(article=article, mentions=sorted(mentions, key=lambda m: (m.start, -m.end)),
                  dates=dates, places=own, where=place_context(article, places, demonyms=demonyms, layout=lay),
                  lex=lex, seen={}, kinds=named_kinds(doc, mentions, lex),
                  grouping=grouping)
    found = [e for d in drafts for e in _build(d, ctx)]
    if keep is not None:
        found = keep(found, article.text)
    return group_mentions(found, text=article.text, rules=grouping)
