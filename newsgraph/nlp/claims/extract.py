"""Attributed statements: who says what ("X said that ...", quotes, "according to X").

A `Claim` holds the statement span (the complement clause or the quote), the speaker
(a mention id when a mention names the speaker, and the speaker as written), the
speech verb, and the whole attribution sentence as evidence. The cue words are data
(data/lexicons/speech_verbs.yaml). `voice_of` tells whether a span of the article is
inside an attributed statement or in the article's own voice.
"""
from __future__ import annotations

import dataclasses
import logging
import re
from functools import lru_cache
from dataclasses import dataclass
from typing import Iterable, Sequence

from spacy.tokens import Doc, Span, Token

from ...ids import record_id
from ...lexicons.claims import ClaimTypeLexicon, SpeechLexicon
from ...model import Article, Claim, Evidence, Mention
from .. import grammar as g
from ..forms import token_forms
from ..layout import Layout, layout, read_layout
from ..phrases import Match, Phrases
from ..text import doc_text
from .host import host_statement
from .speakers import mention_index, noun_speaker, speaker
from .types import claim_type

log = logging.getLogger(__name__)

EXTRACTOR = "claims.v1"
_SENTENCE_END = re.compile(r"(?<![A-Z])[.!?]\s")   # not after an initial ("U.S. President")
_SKIP_DEPS = ("punct", "cc", "conj", "nsubj", "nsubjpass", "aux", "auxpass", "neg", "mark", "advmod")


@dataclass(frozen=True, slots=True)
class _Found:
    start: int          # statement (characters)
    end: int
    ev_start: int       # attribution (characters)
    ev_end: int
    verb: str
    speaker: Token | None


def extract_claims(doc: Doc, article: Article, *, mentions: Sequence[Mention],
                   lex: SpeechLexicon, types: ClaimTypeLexicon | None = None) -> list[Claim]:
    """Attributed statements in one article, in text order, each typed (kind and value)
    when `types` is given."""
    quotes = find_quotes(doc_text(doc), layout(doc))
    found: list[_Found] = []
    lemmas = token_forms(doc).lemma_lower
    cues = _according_phrases(lex.according).find(doc)
    for sent in doc.sents:
        found += _verb_claims(sent, lex, quotes, lemmas=lemmas)
        found += _according(sent, lex, cues=cues)
    found += _noun_quotes(doc, lex, quotes, found)
    found += _continued(doc_text(doc), quotes, found, layout(doc))
    by_token = mention_index(doc, mentions)
    out: dict[str, Claim] = {}
    for f in found:
        claim = _claim(f, doc, article, by_token, lex)
        if claim is not None and types is not None:
            claim = _typed(claim, doc, mentions, types)
        if claim is not None and claim.id not in out:
            out[claim.id] = claim
    return sorted(out.values(), key=lambda c: (c.start, c.end))


def voice_of(start: int, end: int, claims: Iterable[Claim]) -> str:
    """'attributed' when [start, end) lies inside an attributed statement, else 'own'."""
    for c in claims:
        if c.start <= start and end <= c.end or (start < c.end and c.start < end
                                                  and min(end, c.end) - max(start, c.start) >= (end - start) / 2):
            return "attributed"
    return "own"


def find_quotes(text: str, lay: Layout | None = None) -> list[tuple[int, int]]:
    """Spans inside double quotes; a quote left open runs to the end of its paragraph."""
    out = []
    for start, end in (lay or read_layout(text)).paragraphs:
        opened = None
        for i in range(start, end):
            if text[i] != '"':
                continue
            if opened is None:
                opened = i + 1
            else:
                out.append((opened, i))
                opened = None
        if opened is not None:
            out.append((opened, end))
    out = [(s + len(text[s:e]) - len(text[s:e].lstrip()), e) for s, e in out]
    return [(s, e) for s, e in out if len(text[s:e].strip(" .,")) >= 3]


def _verb_claims(sent: Span, lex: SpeechLexicon, quotes: list[tuple[int, int]], *,
                 lemmas: Sequence[str]) -> list[_Found]:
    out = []
    for i in range(sent.start, sent.end):
        if lemmas[i] not in lex.verbs:        # lemmas: the doc's lower-cased lemmas
            continue
        v = sent.doc[i]
        if v.pos_ not in ("VERB", "AUX") or _inside(v.idx, quotes):
            continue
        if g.negated(v):
            continue
        span = _statement(v, lex, quotes, sent)
        if span is None:
            continue
        p_start, p_end = layout(sent.doc).paragraph(v.idx)
        span = (max(span[0], p_start), min(span[1], p_end))
        if span[1] - span[0] < 3:
            continue
        ev_start = max(min(span[0], sent.start_char), p_start)
        ev_end = min(max(span[1], sent.end_char), p_end)
        out.append(_Found(start=span[0], end=span[1], ev_start=ev_start, ev_end=ev_end,
                          verb=v.text, speaker=_reported_by(v, lex) or _subject(v, quotes)))
    return out


def _reported_by(v: Token, lex: SpeechLexicon) -> Token | None:
    """The speaker of a verb whose subject is not the speaker: 'X issued a statement
    saying ...', 'X ... in a statement which reads ...' (the statement's issuer), 'Y quoted
    X as saying ...' (the quoted X), 'Y cited X saying ...' (X)."""
    noun = v.head
    if v.dep_ in ("acl", "relcl") and noun.lemma_.lower() in lex.nouns:
        issuer = g.subject(noun.head, deps=("nsubj",)) if noun.dep_ == "dobj" else None
        return noun_speaker(noun) or issuer
    if v.dep_ == "acl" and v.tag_ == "VBG" and g.complements(v, deps=("ccomp",)) and (
            noun.lemma_.lower() in lex.anonymous or noun.pos_ == "PROPN"
            or noun.ent_type_ in ("PERSON", "ORG", "NORP")):
        return noun        # "Y cited two officials saying ...": the officials speak
    if v.dep_ == "pcomp" and v.head.lower_ == "as" and v.head.head.lemma_.lower() in lex.quoting:
        quoting = v.head.head       # "Y quoted X as saying", "X was quoted as saying"
        return g.direct_object(quoting) or g.subject(quoting, deps=("nsubjpass",))
    return None


def _statement(v: Token, lex: SpeechLexicon, quotes: list[tuple[int, int]], sent: Span) -> tuple[int, int] | None:
    near = [q for q in quotes if q[0] < sent.end_char + 2 and q[1] > sent.start_char - 45]
    comp = next(iter(g.complements(v)), None)
    for q in near:
        before, after = doc_text(sent.doc)[_end(v):q[0]], doc_text(sent.doc)[q[1]:v.idx]
        adjacent = q[0] >= _end(v) and len(before) < 30 and not _SENTENCE_END.search(before) or (
            q[1] <= v.idx and len(after) < 45 and "." not in after.strip('". '))
        if adjacent and (comp is None or _inside(comp.idx, [q])):
            return q
    for q in near:      # 'X called the deal a "victory"': a quoted fragment the verb governs
        if q[0] > v.idx and q[1] <= sent.end_char + 1 and _governs(v, q):
            return q
    later = g.complements(v, deps=("ccomp",), after=True)
    if comp is not None and comp.i < v.i and later:
        comp = later[0]     # "A reported ..., X said that ...": the statement follows the verb
    elif comp is not None and comp.i < v.i and ";" in sent.doc[comp.right_edge.i:v.i].text:
        comp = None         # "A happens; nothing reported": no statement across a semicolon
    if comp is not None:
        toks = list(comp.subtree)
        first = next((t for t in toks if t.dep_ != "mark" and t.pos_ != "PUNCT"), toks[0])
        return first.idx, _end(toks[-1])
    hosted = host_statement(v)
    if hosted is not None:
        return hosted
    if v.lemma_.lower() not in lex.object_ok:
        return None
    rights = [c for c in v.rights if c.dep_ not in _SKIP_DEPS]
    if not rights or all(_when(c) for c in rights):
        return None     # "X reported on 28 December, ...": a time is no statement
    return rights[0].left_edge.idx, _end(rights[-1].right_edge)


def _when(tok: Token) -> bool:
    """A phrase that only says when: "on 28 December", "late on Monday"."""
    words = [t for t in tok.subtree if not t.is_punct and t.dep_ not in ("prep", "det", "advmod")]
    return bool(words) and all(t.ent_type_ in ("DATE", "TIME") for t in words)


def _governs(v: Token, q: tuple[int, int]) -> bool:
    """The quote's first word hangs from the verb, with no other verb in between."""
    first = v.doc.char_span(q[0], q[1], alignment_mode="expand")
    if first is None or not len(first):
        return False
    tok = first[0]
    while tok.i != tok.head.i and tok.head.i != v.i:
        if tok.head.pos_ in ("VERB", "AUX") and tok.head.i != v.i and tok.head.dep_ not in ("relcl", "acl"):
            return False
        tok = tok.head
    return tok.head.i == v.i and tok.i != v.i


def _continued(text: str, quotes: list[tuple[int, int]], found: list[_Found],
               lay: Layout) -> list[_Found]:
    """Quotes that carry on a quote attributed just before: the next quote of the same
    paragraph after the attribution ('"A," he said. "B."'), and a paragraph that opens
    with a quote after a paragraph whose quote was left open (wire copy)."""
    by_quote = {(f.start, f.end): f for f in found}
    for q in quotes:        # a statement cut from its quote ('"A,"' read as 'A') owns the quote
        inside = [f for f in found if q[0] <= f.start and f.end <= q[1] and f.end - f.start >= (q[1] - q[0]) * 0.8]
        if inside and q not in by_quote:
            by_quote[q] = inside[0]
    out = []
    for prev, q in zip(quotes, quotes[1:]):
        owner = by_quote.get(prev)
        if owner is None or any(f.start < q[1] and q[0] < f.end for f in by_quote.values()):
            continue
        para_start = lay.paragraph_start(q[0])
        if para_start == lay.paragraph_start(prev[0]):
            if not _attribution_between(text, prev[1], q[0], owner):
                continue
            ev_start = q[0]
        else:
            opens_para = not text[para_start:q[0]].strip(' "')
            prev_open = not text[prev[1]:lay.paragraph(prev[1])[1]].strip(' ".')
            if not (opens_para and prev_open):
                continue
            ev_start = para_start
        f = _Found(start=q[0], end=q[1], ev_start=ev_start, ev_end=q[1], verb=owner.verb, speaker=owner.speaker)
        by_quote[q] = f
        out.append(f)
    return out + _quote_paragraphs(text, quotes, found + out, lay)


def _quote_paragraphs(text: str, quotes: list[tuple[int, int]], found: list[_Found],
                      lay: Layout) -> list[_Found]:
    """A paragraph that is nothing but a quote, right after a paragraph that ends with an
    attributed statement, carries on that statement's speaker (wire copy)."""
    out: list[_Found] = []
    for q in quotes:
        p_start, p_end = lay.paragraph(q[0])
        found = found + out[-1:]       # a run of quote paragraphs keeps its speaker
        if text[p_start:q[0]].strip(' "') or text[q[1]:p_end].strip(' ".') or \
                any(f.start < q[1] and q[0] < f.end for f in found):
            continue
        prev = [p for p in lay.paragraphs if p[1] <= p_start]
        if not prev:
            continue
        before = [f for f in found if prev[-1][0] <= f.ev_start and f.ev_end <= prev[-1][1]
                  and f.speaker is not None]
        if not before:
            continue
        owner = max(before, key=lambda f: (f.ev_end, f.start))
        if text[owner.ev_end:prev[-1][1]].strip(' ".\u201d'):
            continue        # the paragraph before goes on past its statement
        out.append(_Found(start=q[0], end=q[1], ev_start=p_start, ev_end=q[1], verb=owner.verb,
                          speaker=owner.speaker))
    return out


def _attribution_between(text: str, end: int, start: int, owner: _Found) -> bool:
    """Only the attribution of the quote before stands between two quotes of one
    paragraph ('"A," he said. "B."'): the gap ends a sentence and holds the speech verb."""
    gap = text[end:start].rstrip(' "')
    return owner.verb in gap and len(gap) < 200 and gap.endswith((".", ":")) and \
        not _SENTENCE_END.search(gap[:-1])


@lru_cache(maxsize=4)
def _according_phrases(according: tuple[tuple[str, ...], ...]) -> Phrases:
    """The 'according to' cues compiled once per cue list."""
    return Phrases(according)


def _according(sent: Span, lex: SpeechLexicon, *, cues: Sequence[Match]) -> list[_Found]:
    """cues: the doc's matches of `lex.according` (phrase index, start, end)."""
    out = []
    for k, c_start, c_end in cues:
        if c_start < sent.start or c_end > sent.end:
            continue
        ph, i = lex.according[k], c_start - sent.start
        cue = sent[i:i + len(ph)]
        src = next((t for t in cue[-1].children if t.dep_ == "pobj"), None) or (
            sent[i + len(ph)] if i + len(ph) < len(sent) else None)
        if src is None:
            continue
        phrase_end = _end(src.right_edge)
        p_start, p_end = layout(sent.doc).paragraph(cue.start_char)
        s_start, s_end = max(sent.start_char, p_start), min(sent.end_char, p_end)
        if cue.start_char - s_start > s_end - phrase_end:
            start, end = s_start, cue.start_char
        else:
            start, end = phrase_end, s_end
        text = doc_text(sent.doc)[start:end]
        lead = len(text) - len(text.lstrip(" ,:-"))
        trail = len(text.rstrip(" ,.:-"))
        if trail - lead > 3:
            out.append(_Found(start=start + lead, end=start + trail, ev_start=s_start,
                              ev_end=s_end, verb=" ".join(ph), speaker=src))
    return out


def _subject(v: Token, quotes: list[tuple[int, int]] = ()) -> Token | None:
    if g.passive_participle(v):
        return _agent(v)    # "X was accused", "stand accused": the subject is not the speaker
    for tok in g.subject_chain(v):
        subj = next((c for c in g.subjects(tok) if not _inside(c.idx, quotes)), None)
        if subj is not None and _quoted_before(v, subj, quotes):
            return _after_quote(v, quotes) or subj
        if subj is not None:
            return subj if "\n" not in doc_text(v.doc)[min(subj.idx, v.idx):max(subj.idx, v.idx)] else _para_subject(v)
    return _agent(v)


def _agent(v: Token) -> Token | None:
    return next(iter(g.agent(v)), None)


def _para_subject(v: Token) -> Token | None:
    """A proper name opening the verb's paragraph ("Smith hit back and ... tweeted")."""
    i = v.i
    while i > 0 and "\n" not in v.doc[i - 1].text_with_ws:
        i -= 1
    first = v.doc[i]
    return first if (first.pos_ == "PROPN" or first.is_title) and first.i < v.i else None


def _quoted_before(v: Token, subj: Token, quotes: list[tuple[int, int]]) -> bool:
    """'"...," X wrote': a quote closes between the parsed subject and the verb."""
    return any(subj.idx < e <= v.idx for _, e in quotes)


def _after_quote(v: Token, quotes: list[tuple[int, int]]) -> Token | None:
    """The noun-phrase head standing between the closing quote and the verb."""
    close = max(e for _, e in quotes if e <= v.idx)
    heads = [t for t in v.doc[v.sent.start:v.i] if t.idx > close and t.pos_ in ("PROPN", "NOUN", "PRON")]
    return heads[-1] if heads else None


def _claim(f: _Found, doc: Doc, article: Article, by_token: dict[int, Mention],
           lex: SpeechLexicon) -> Claim | None:
    if f.end - f.start < 3:
        return None
    text, aid = article.text, article.id
    who, speaker_text = speaker(f.speaker, doc, by_token, lex, text)
    if speaker_text is None or speaker_text.casefold() in lex.unresolved or (
            who is None and speaker_text.casefold() in lex.referents):   # "it" with nothing before
        return None
    return Claim(id=record_id("c", aid, f.start, f.end), doc=aid, speaker=who.id if who else None,
                 speaker_text=speaker_text, verb=f.verb, text=text[f.start:f.end], start=f.start,
                 end=f.end, extractor=EXTRACTOR,
                 evidence=Evidence(doc=aid, start=f.ev_start, end=f.ev_end, text=text[f.ev_start:f.ev_end]))


def _typed(claim: Claim, doc: Doc, mentions: Sequence[Mention], types: ClaimTypeLexicon) -> Claim:
    said = next((m for m in mentions if m.id == claim.speaker), None) if claim.speaker else None
    kind, value = claim_type(doc, start=claim.start, end=claim.end, ev_start=claim.evidence.start,
                             ev_end=claim.evidence.end, verb=claim.verb, speaker=said,
                             mentions=mentions, lex=types)
    return dataclasses.replace(claim, claim_type=kind, value=value)


def _noun_quotes(doc: Doc, lex: SpeechLexicon, quotes: list[tuple[int, int]],
                 found: list[_Found]) -> list[_Found]:
    """'in a statement, which reads, "..."', 'the message of X to Y is clear: "..."'."""
    out = []
    for q in quotes:
        if any(f.start < q[1] and q[0] < f.end for f in found) or len(doc_text(doc)[q[0]:q[1]].split()) < 4:
            continue
        first = doc.char_span(q[0], q[1], alignment_mode="expand")
        if first is None:
            continue
        sent = first[0].sent
        nouns = [t for t in doc[sent.start:first.start] if t.lemma_.lower() in lex.nouns
                 and q[0] - _end(t) < 60 and "." not in doc_text(doc)[_end(t):q[0]].strip('" ')]
        issuer = noun_speaker(nouns[-1]) if nouns else None
        if issuer is None:
            continue
        p_start, p_end = layout(doc).paragraph(q[0])
        out.append(_Found(start=q[0], end=q[1], ev_start=max(sent.start_char, p_start),
                          ev_end=min(max(sent.end_char, q[1]), p_end), verb=nouns[-1].text, speaker=issuer))
    return out


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


def _end(tok: Token) -> int:
    return tok.idx + len(tok.text)
