"""Shared state and helpers for the relation rules: mentions by token, emit with evidence."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Token

from ...ids import record_id
from ...kb import KnowledgeBase
from ...model import Article, Evidence, Mention, Relation
from .. import grammar as g
from ..forms import token_forms
from ..patterns import Found
from ..phrases import Phrases
from .constructions import constructions
from .lexicon import Phrase, RelationLexicon
from .offices import office_name, office_text

EXTRACTOR = "relations.v1"
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
STATE_LABELS = frozenset({"GPE", "NORP", "LOC"})
# Descriptions ("the commander of X") are read by the rules themselves, not used as arguments.
DESCRIPTIVE_KINDS = frozenset({"title", "nominal"})
RELATIVE = frozenset({"who", "whom", "which", "that"})
PERSONAL = frozenset({"he", "she"})
OWNERS = frozenset({"its", "their"})      # possessive pronouns of an organisation or a state
GROUP_LABELS = frozenset({"ORG", "GPE"})
OWNER_STEPS = 12         # heads climbed to find the clause subject an "its" refers to
PRONOUN_REACH = 80       # tokens back to look for the person a pronoun stands for
BOUNDARY = frozenset({",", ";", ".", ":", "(", ")", "!", "?", '"', "[", "]"})
_SINCE = re.compile(r"\bsince (?:\w+ )?(\d{4})\b")
_UNTIL = re.compile(r"\b(?:until|till) (?:\w+ )?(\d{4})\b")


@dataclass(slots=True)
class Ctx:
    """One document being read: tokens, the mention covering each token, results so far."""
    doc: Doc
    article: Article
    lex: RelationLexicon
    at: list[Mention | None]
    span: dict[str, tuple[int, int]]
    lower: list[str] = field(default_factory=list)      # lower-case form of each token
    lemma: list[str] = field(default_factory=list)      # lower-case lemma of each token
    found: dict[str, Relation] = field(default_factory=dict)
    titles: frozenset[Phrase] = frozenset()             # title and office phrases
    matched: dict[frozenset[Phrase], dict[int, tuple[int, ...]]] = field(default_factory=dict)
    title_ends: dict[int, int] | None = None
    constructs: Found | None = None                     # construction pattern matches
    kb: KnowledgeBase | None = None                     # a prior: the jurisdiction of a bare office

    @classmethod
    def build(cls, doc: Doc, article: Article, mentions: list[Mention], lex: RelationLexicon,
              kb: KnowledgeBase | None = None) -> "Ctx":
        at: list[Mention | None] = [None] * len(doc)
        span: dict[str, tuple[int, int]] = {}
        for m in sorted(mentions, key=lambda m: m.end - m.start):
            if m.kind in DESCRIPTIVE_KINDS:
                continue
            s = doc.char_span(m.start, m.end, alignment_mode="expand")
            if s is None or not len(s):
                continue
            span[m.id] = (s.start, s.end)
            for i in range(s.start, s.end):
                at[i] = m          # longer mentions (sorted last) win
        tf = token_forms(doc)
        return cls(doc=doc, article=article, lex=lex, at=at, span=span,
                   lower=list(tf.lower), lemma=list(tf.lemma_lower),
                   titles=frozenset(lex.titles) | lex.offices, kb=kb)

    def tokens_with(self, words: "dict | frozenset", *, lemma: bool = False,
                    lower: bool = False) -> list[Token]:
        """The tokens whose lemma and/or lower-case form is in `words`, in order
        (cheap: only those tokens are created)."""
        doc = self.doc
        if lower and lemma:
            return [doc[i] for i, (low, lem) in enumerate(zip(self.lower, self.lemma))
                    if low in words or lem in words]
        forms = self.lower if lower else self.lemma if lemma else ()
        return [doc[i] for i, form in enumerate(forms) if form in words]

    def matches(self, name: str) -> list[tuple[int, ...]]:
        """The matches of construction pattern `name` (data/lexicons/patterns/relations.yaml)."""
        if self.constructs is None:
            self.constructs = constructions(self.lex).find(self.doc)
        return self.constructs[name]

    # -- mentions ---------------------------------------------------------
    def mention(self, i: int) -> Mention | None:
        return self.at[i] if 0 <= i < len(self.at) else None

    def starts_at(self, i: int) -> Mention | None:
        m = self.mention(i)
        return m if m and self.span[m.id][0] == i else None

    def ends_at(self, i: int) -> Mention | None:
        """The mention whose last token is i."""
        m = self.mention(i)
        return m if m and self.span[m.id][1] == i + 1 else None

    def before_ranks(self, i: int) -> int:
        """The first token of the military ranks just before token i ("Lt. Gen."), else i."""
        k = i
        while k > 0 and (self.lower[k - 1].rstrip(".") in self.lex.ranks or
                         self.doc[k - 1].text in (".", "-") and k > 1 and
                         self.lower[k - 2].rstrip(".") in self.lex.ranks):
            k -= 1
        return k

    def is_rank(self, m: Mention) -> bool:
        """A 'name' that is only a rank ("Col" split from the name after it)."""
        s, e = self.span[m.id]
        return self.before_ranks(e) <= s

    def is_modifier(self, m: Mention) -> bool:
        """A mention used as a hyphenated modifier ("X-backed") is not a head."""
        e = self.span[m.id][1]
        return e + 1 < len(self.doc) and self.doc[e].text == "-" and self.doc[e + 1].lower_ in self.lex.backing

    def head_mention(self, start: int, end: int) -> Mention | None:
        """The right-most mention in tokens [start, end) that is not a hyphen modifier."""
        best = None
        for i in range(max(start, 0), min(end, len(self.doc))):
            m = self.at[i]
            if m and not self.is_modifier(m) and (best is None or best.id != m.id):
                best = m
        return best

    def of_token(self, tok: Token) -> Mention | None:
        """The mention a noun-phrase head stands for (itself, else a modifier inside its phrase)."""
        if self.at[tok.i]:
            return self.at[tok.i]
        end = tok.i + 1
        for child in tok.rights:
            if child.dep_ in ("conj", "cc", "punct", "appos", "relcl", "acl", "prep"):
                break
            end = child.right_edge.i + 1
        return self.head_mention(tok.left_edge.i, end)

    def refer(self, tok: Token) -> Mention | None:
        """What a pronoun stands for: a relative pronoun's antecedent ('X, which ...'),
        or for he/she the last person named within the preceding sentences."""
        low = tok.lower_
        if low in RELATIVE:
            noun = g.relative_antecedent(tok)
            if noun is None:
                return None
            return self.of_token(noun) or (self.of_token(noun.head) if noun.dep_ == "appos" else None)
        if low in OWNERS:
            return self.owner(tok)
        if low not in PERSONAL:
            return None
        for i in range(tok.i - 1, max(tok.i - PRONOUN_REACH, 0) - 1, -1):
            m = self.at[i]
            if m is not None and m.label == "PERSON":
                return m
        return None

    def owner(self, tok: Token) -> Mention | None:
        """What "its" / "their" stands for: the nearest subject, up the clauses, that names
        an organisation or a state outside the pronoun's own phrase ("Xland says it will
        help its ally Y"), else the first subject before it in its sentence that names one
        ("Xland avoided the war, but it ... its enemy Y"), else the last one named before it."""
        cur = tok
        for _ in range(OWNER_STEPS):        # up the clauses: "X says it will help its ally"
            subj = g.subject(cur) if cur.pos_ in ("VERB", "AUX") else None
            if subj is not None and not subj.left_edge.i <= tok.i <= subj.right_edge.i:
                m = self.of_token(subj)
                if m is not None and m.label in GROUP_LABELS:
                    return m
            if cur.head == cur:
                break
            cur = cur.head
        named = [m for i in range(max(tok.i - PRONOUN_REACH, tok.sent.start), tok.i)
                 if (m := self.at[i]) is not None and m.label in GROUP_LABELS and not self.is_modifier(m)]
        subjects = [m for m in named if g.is_subject(self.doc[self.span[m.id][1] - 1])]
        return (subjects or named or [None])[-1 if not subjects else 0]

    def anaphor(self, start: int, end: int) -> Mention | None:
        """The organisation a definite description in tokens [start, end) stands for
        ("the group", "the militia's"): the last one named before it, within reach."""
        at = next((i for i in range(max(start, 1), end) if self.lower[i] in self.lex.anaphors
                   and self.lower[i - 1] == "the" and self.at[i] is None), None)
        if at is None:
            return None
        for i in range(at - 2, max(at - 2 * PRONOUN_REACH, 0) - 1, -1):
            m = self.at[i]
            if m is not None and m.label == "ORG" and self._group_like(m):
                return m
        return None

    def _group_like(self, m: Mention) -> bool:
        actor = self.kb.get(m.kb_id) if self.kb is not None and m.kb_id else None
        return actor is None or (actor.sector or "") in self.lex.anaphor_sectors

    def sector(self, m: Mention) -> str:
        """The KB sector of a mention's actor ("" when not known): a prior for the predicate."""
        actor = self.kb.get(m.kb_id) if self.kb is not None and m.kb_id else None
        return (actor.sector or "") if actor is not None else ""

    # -- phrases ----------------------------------------------------------
    def lowers(self, start: int, end: int) -> Phrase:
        return tuple(self.lower[max(start, 0):end])

    def title_ending(self, end: int) -> tuple[int, Phrase] | None:
        """The longest title or office ending just before token `end`."""
        n = self._title_ends().get(end)
        return (end - n, self.lowers(end - n, end)) if n else None

    def title_starting(self, start: int, end: int) -> tuple[int, Phrase] | None:
        """The longest title or office at token `start` that ends by token `end`."""
        n = next((n for n in self._starting(self.titles).get(start, ()) if start + n <= end), 0)
        return (start + n, self.lowers(start, start + n)) if n else None

    def phrase_at(self, i: int, phrases: frozenset[Phrase]) -> int:
        """Length of the phrase from `phrases` starting at token i (0 if none)."""
        return next(iter(self._starting(phrases).get(i, ())), 0)

    def _starting(self, phrases: frozenset[Phrase]) -> dict[int, tuple[int, ...]]:
        """Start token -> lengths (longest first) of the phrases from `phrases` found there."""
        got = self.matched.get(phrases)
        if got is None:
            lengths: dict[int, set[int]] = {}
            for _, s, e in _compiled(phrases).find(self.doc):
                lengths.setdefault(s, set()).add(e - s)
            got = self.matched[phrases] = {s: tuple(sorted(ns, reverse=True)) for s, ns in lengths.items()}
        return got

    def _title_ends(self) -> dict[int, int]:
        """End token -> length of the longest title or office ending there."""
        if self.title_ends is None:
            self.title_ends = {}
            for s, ns in self._starting(self.titles).items():
                for n in ns:
                    self.title_ends[s + n] = max(self.title_ends.get(s + n, 0), n)
        return self.title_ends

    # -- output -----------------------------------------------------------
    def emit(self, subj: Mention | None, predicate: str, obj: Mention | None = None, *,
             office: str | None = None, cue: tuple[int, ...] = (), ended: bool = False) -> None:
        if subj is None or (obj is None and not office):
            return
        if obj is not None and (obj.id == subj.id or _key(obj) == _key(subj)):
            return
        predicate = self.lex.recast.get(predicate, {}).get(subj.label, predicate)
        if not self.fits(predicate, subj, obj):
            return
        if office and predicate == "holds_office":
            office = self.qualified(subj, office)
        toks = [*cue, *self.span[subj.id]] + ([*self.span[obj.id]] if obj else [])
        ts, te = min(toks), max(toks)
        te = max(te, max(cue, default=0) + 1)
        if self.negated(ts, te, cue):
            return
        start, end = self.doc[ts].idx, self.doc[te - 1].idx + len(self.doc[te - 1])
        valid_from, valid_to = self.dates(ts, te)
        if ended and not valid_to:
            valid_to = self.article.published
        aid = self.article.id
        rid = record_id("r", aid, subj.id, predicate, obj.id if obj else office, start, end)
        self.found.setdefault(rid, Relation(
            id=rid, doc=aid, subject=subj.id, predicate=predicate,
            object=obj.id if obj else None, object_text=None if obj else office,
            valid_from=valid_from, valid_to=valid_to, extractor=EXTRACTOR,
            evidence=Evidence(doc=aid, start=start, end=end, text=self.article.text[start:end])))

    def qualified(self, subj: Mention, office: str) -> str:
        """The office as the KB names it (relations/offices.py): an office phrase of the KB,
        or a bare office ("President") with the jurisdiction of the holder's matching KB
        office or country ("President of the United States"); else as written."""
        actor = self.kb.get(subj.kb_id) if self.kb is not None and subj.kb_id else None
        return office_name(office, actor, self.kb)

    def fits(self, predicate: str, subj: Mention, obj: Mention | None) -> bool:
        """The arguments carry labels the predicate allows (lexicon `arguments`)."""
        allowed = self.lex.arguments.get(predicate, {})
        sides = (("subject", subj), ("object", obj))
        return all(m is None or side not in allowed or m.label in allowed[side]
                   for side, m in sides)

    def negated(self, ts: int, te: int, cue: tuple[int, ...]) -> bool:
        if any(t.lower_ in self.lex.negation for t in self.doc[ts:te]):
            return True
        return any(g.negated_clause(self.doc[i]) for i in cue)

    def dates(self, ts: int, te: int) -> tuple[str | None, str | None]:
        sent = self.doc[ts].sent
        window = self.doc[ts:min(max(te + 6, ts), sent.end)].text
        since, until = _SINCE.search(window), _UNTIL.search(window)
        return (since.group(1) if since else None), (until.group(1) if until else None)


@lru_cache(maxsize=64)
def _compiled(phrases: frozenset[Phrase]) -> Phrases:
    return Phrases(sorted(phrases))


def _key(m: Mention) -> str:
    return " ".join((m.name or m.text).casefold().split())


