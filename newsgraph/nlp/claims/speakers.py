"""Who speaks: the speaker token of an attribution, resolved to a mention.

A named speaker is the mention on its head word (or on a name in apposition: "The
governor, A B, said"); a pronoun stands for the nearest fitting mention before it that
spoke, else that was a subject (labels per pronoun are data: `pronoun_referents`), and so
does a definite description ("the group said": `definite_referents`); a
statement noun ("the statement said", "a statement by X") stands for its issuer; a
proxy ("his office said") for its owner.
"""
from __future__ import annotations

from typing import Sequence

from spacy.tokens import Doc, Span, Token

from ...lexicons.claims import SpeechLexicon
from ...model import Mention
from .. import grammar as g


def speaker(tok: Token | None, doc: Doc, by_token: dict[int, Mention], lex: SpeechLexicon,
             text: str) -> tuple[Mention | None, str | None]:
    if tok is None:
        return None, None
    if tok.lower_ in lex.pronouns or tok.lower_ in lex.referents:
        person = tok.lower_ in lex.pronouns
        labels = ("PERSON",) if person else lex.referents[tok.lower_]
        return _antecedent(tok, by_token, labels, lex=lex, anywhere=person), tok.text
    mention = by_token.get(tok.i)
    named = _apposed(tok, by_token) or _comma_named(tok, doc, by_token) if mention is None else None
    span = _speaker_phrase(tok, doc, appos=named is not None)
    said = text[span.start_char:span.end_char] if len(span) else tok.text
    mention = mention or named
    lemma = tok.lemma_.lower()
    if mention is None and _definite(tok, lex):       # "the group said": as a pronoun
        return _antecedent(tok, by_token, lex.definite[tok.lower_], lex=lex), said
    if mention is None and _anonymous(tok, lemma, lex):
        return None, said       # "a White House spokesman", "media reports": nobody named
    if mention is None and (lemma in lex.proxies or lemma in lex.nouns):      # "his office said"
        owner = next(iter(g.possessors(tok)), None)
        if owner is not None and owner.lower_ in lex.pronouns:
            return speaker(owner, doc, by_token, lex, text)[0], said
        if lemma in lex.nouns:      # "a statement by X said"; "the statement said": its issuer before
            owner = noun_speaker(tok)
            named = by_token.get(owner.i) if owner is not None and owner.pos_ != "PRON" else None
            return named or _antecedent(tok, by_token, ("ORG",), lex=lex), said
        return _named_in(span, by_token, ("PERSON",)) or _named_in(span, by_token, ("ORG",)), said
    if mention is None and len(span) <= 4:       # not past a preposition: "sources in X" are not X
        head = span[:next((t.i - span.start for t in span if t.pos_ == "ADP"), len(span))]
        mention = next((by_token[t.i] for t in head if t.i in by_token
                        and by_token[t.i].label not in ("NORP", "GPE", "LOC")), None)
    if mention is None and span[0].is_title and span[-1].i in by_token and \
            not any(t.lower_ == "to" for t in span):    # "the adviser to X" is not X
        last = by_token[span[-1].i]     # "Leader of the Revolution Ayatollah X": a title, then the name
        mention = last if last.label == "PERSON" else None
    return mention, said


def _definite(tok: Token, lex: SpeechLexicon) -> bool:
    """'the group', 'the militia' (lexicon `definite_referents`) alone: not 'a group of X',
    not 'the health ministry' (a name of its own)."""
    return tok.lower_ in lex.definite and [c.lower_ for c in tok.children] == ["the"]


def _anonymous(tok: Token, lemma: str, lex: SpeechLexicon) -> bool:
    if lemma in lex.anonymous:
        return True
    return lemma in lex.nouns and any(c.dep_ in ("compound", "amod") and c.lower_ in lex.media
                                      for c in tok.children)


def _speaker_phrase(tok: Token, doc: Doc, *, appos: bool = False) -> Span:
    """The speaker as written: up to the first comma after the head (or a participle
    clause of speech after it: "officials saying that ..."), or (`appos`: the
    name is in apposition) with its apposition ("The governor, A B, said" -> "The
    governor, A B")."""
    if appos and g.appositives(tok):
        return doc[tok.left_edge.i:max(a.right_edge.i for a in g.appositives(tok)) + 1]
    words = [t for t in tok.subtree if t.i >= tok.left_edge.i]
    cut = next((t.i for t in words if t.text == "," and t.i > tok.i), tok.right_edge.i + 1)
    acl = [c.left_edge.i for c in tok.rights if c.dep_ == "acl" and c.tag_ == "VBG"
           and any(x.dep_ == "ccomp" for x in c.children)]
    return doc[tok.left_edge.i:min([cut, *acl])]     # "two officials saying ...": the officials


def _comma_named(tok: Token, doc: Doc, by_token: dict[int, Mention]) -> Mention | None:
    """'The governor of X, A B, said': a person named between commas right after the
    described speaker's phrase (which the parse may not link as an apposition)."""
    end = tok.right_edge.i + 1
    cut = next((t.i for t in doc[tok.i:end] if t.text == ","), end)
    if cut + 1 >= len(doc) or doc[cut].text != "," or cut + 1 not in by_token:
        return None
    m = by_token[cut + 1]
    last = max(i for i, x in by_token.items() if x is m)
    after = doc[last + 1] if last + 1 < len(doc) else None
    return m if m.label == "PERSON" and after is not None and after.text == "," else None


def _apposed(tok: Token, by_token: dict[int, Mention]) -> Mention | None:
    """A person or organisation named in apposition to a described speaker."""
    return next((by_token[a.i] for a in g.appositives(tok) if a.i in by_token
                 and by_token[a.i].label in ("PERSON", "ORG")), None)


def _antecedent(tok: Token, by_token: dict[int, Mention], labels: Sequence[str], *,
                lex: SpeechLexicon, anywhere: bool = False) -> Mention | None:
    """The mention with one of the labels that a pronoun stands for ("it" -> ORG): the
    nearest one before it that spoke (subject of a speech verb), else the nearest
    subject, else (`anywhere`) the nearest mention."""
    prior = [(i, m) for i, m in by_token.items() if i < tok.i and m.label in labels]
    roles = [(_role(tok.doc[i], lex), m) for i, m in prior]
    for wanted in ("speaker", "subject", "any" if anywhere else None):
        found = [m for role, m in roles if role == wanted or (wanted == "subject" and role == "speaker")
                 or wanted == "any"]
        if found:
            return found[-1]
    return None


def _role(tok: Token, lex: SpeechLexicon) -> str:
    """'speaker' in the subject of a speech verb, 'subject' in another subject, else 'any';
    a name behind a preposition in the subject is neither ("the adviser to X said": X
    did not speak)."""
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        if tok.dep_ == "pobj":
            return "any"
        if g.is_subject(tok):
            return "speaker" if tok.head.lemma_.lower() in lex.verbs else "subject"
        tok = tok.head
    return "any"


def _named_in(span: Span, by_token: dict[int, Mention], labels: tuple[str, ...]) -> Mention | None:
    return next((by_token[t.i] for t in span if t.i in by_token and by_token[t.i].label in labels), None)


def noun_speaker(noun: Token) -> Token | None:
    """Whose statement: 'their/X's message', 'the message of X', 'X ... in a statement'."""
    owner = g.possessors(noun) or g.prep_objects(noun, ("of", "from", "by"))
    if owner:
        return owner[0]
    if noun.dep_ == "pobj" and noun.head.head.pos_ in ("VERB", "AUX"):
        return g.subject(noun.head.head, deps=("nsubj",))
    return None


def mention_index(doc: Doc, mentions: Sequence[Mention]) -> dict[int, Mention]:
    out: dict[int, Mention] = {}
    for m in sorted(mentions, key=lambda m: m.end - m.start):
        s = doc.char_span(m.start, m.end, alignment_mode="expand")
        for t in s or ():
            out[t.i] = m
    return dict(sorted(out.items()))
