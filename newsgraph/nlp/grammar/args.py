"""Arguments of a word: subjects, objects, the agent of a passive, prepositional
phrases, possessors, apposition and coordination."""
from __future__ import annotations

from typing import Collection, Iterable, Iterator

from spacy.tokens import Token

from .mood import perfect

SUBJECTS = ("nsubj", "nsubjpass")
OBJECTS = ("dobj", "dative")
# Links through which a verb shares the subject of the word it depends on: 'A stormed
# and burned B' (conj), 'A tried to storm' (xcomp), 'A opened fire, killing B' (advcl).
SHARED_SUBJECT = ("conj", "xcomp", "advcl")
MODIFIERS = ("compound", "poss", "amod", "nmod")


def subjects(verb: Token, *, deps: Collection[str] = SUBJECTS) -> list[Token]:
    """The subject children of a verb: 'A attacked B' -> [A]; 'B was attacked' -> [B]."""
    return [c for c in verb.children if c.dep_ in deps]


def subject(verb: Token, *, deps: Collection[str] = SUBJECTS) -> Token | None:
    """The first subject of a verb, or None: 'A attacked B' -> A."""
    return next((c for c in verb.children if c.dep_ in deps), None)


def is_subject(tok: Token) -> bool:
    """Is the token a subject (active or passive)? 'A attacked B': A -> True."""
    return tok.dep_ in SUBJECTS


def subject_chain(verb: Token, *, via: Collection[str] = SHARED_SUBJECT,
                  steps: int = 3) -> Iterator[Token]:
    """The verb, then up to `steps` words it hangs from by a link in `via`, where its
    subject is to be found: 'A tried to storm B' (token storm) -> storm, tried. A
    preposition on the way is skipped: 'A stands accused of launching' -> launching,
    accused (with pcomp in `via`)."""
    cur = verb
    yield cur
    for _ in range(steps):
        head = cur.head
        if head == cur or cur.dep_ not in via:
            return
        cur = head.head if head.pos_ == "ADP" else head
        yield cur


# Links of a word that stands where a noun does (argument or object of a preposition).
NOMINAL_SLOTS = ("nsubj", "nsubjpass", "dobj", "pobj", "dative", "attr", "appos")


def stands_as_noun(tok: Token) -> bool:
    """A noun, or a word tagged as a finite or bare verb in a noun's slot (a plural noun
    the tagger took for a verb): 'US airstrikes killed B' (airstrikes as nsubj, VBZ) ->
    True; 'A attacked B' (attacked) -> False; 'killing B' (gerund) -> False."""
    if tok.pos_ in ("NOUN", "PROPN"):
        return True
    return tok.dep_ in NOMINAL_SLOTS and tok.tag_ in ("VBZ", "VBP", "VB")


def reporter(verb: Token) -> Token | None:
    """The subject of the verb whose complement the verb's clause is: 'A said it
    attacked B' (token attacked) -> A; 'A said B attacked C' (token attacked) -> A;
    None outside a complement or when that subject is itself a pronoun. 'A quoted B as
    saying we attacked C' (token attacked) -> B: the one quoted said it."""
    cur = verb
    while cur.dep_ == "conj" and cur.head != cur:
        cur = cur.head
    if cur.dep_ != "ccomp" or cur.head == cur:
        return None
    quoted = _quoted(cur.head)
    if quoted is not None:
        return quoted
    subj = subject(cur.head, deps=("nsubj",))
    return subj if subj is not None and subj.pos_ != "PRON" else None


_QUOTING = ("quote", "cite")


def _quoted(verb: Token) -> Token | None:
    """The object of 'A quoted B as saying' (`verb` quoted or saying), else None."""
    if verb.lemma_.lower() == "say" and verb.dep_ in ("pcomp", "advcl") and verb.head != verb:
        verb = verb.head.head if verb.head.lower_ == "as" else verb.head
    if verb.lemma_.lower() not in _QUOTING:
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ != "PRON"), None)
    return obj


# Closed-class words that count a noun given in their 'of' phrase.
QUANTITY_WORDS = frozenset({"hundred", "thousand", "dozen", "score", "million", "number",
                            "handful", "couple", "tens"})


def quantified(tok: Token) -> Token:
    """The noun a quantity counts: 'hundreds of A' (token hundreds) -> A; 'three of the
    A' -> A; any other token -> itself."""
    if tok.like_num or tok.pos_ == "NUM" or tok.lemma_.lower() in QUANTITY_WORDS:
        counted = prep_objects(tok, ("of",))
        if counted:
            return counted[0]
    return tok


def direct_objects(verb: Token, *, deps: Collection[str] = OBJECTS) -> list[Token]:
    """Object children: 'A gave B a warning' -> [B, warning]."""
    return [c for c in verb.children if c.dep_ in deps]


def direct_object(verb: Token) -> Token | None:
    """The first direct object: 'A attacked B' -> B."""
    return next((c for c in verb.children if c.dep_ == "dobj"), None)


def is_passive(verb: Token) -> bool:
    """Passive voice: 'B was attacked by A', 'B, attacked by A' -> True; 'A has
    attacked B' -> False."""
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or (
        verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl") and not any(
            c.dep_ == "aux" for c in verb.children))


def passive_participle(verb: Token) -> bool:
    """A past participle outside a perfect, whatever its attachment: 'B was accused',
    'B stands accused' -> True; 'A has accused B' -> False. (Speakers are read with
    this test: `is_passive` measured worse for them.)"""
    return verb.tag_ == "VBN" and not perfect(verb)


def pobjects(prep: Token) -> list[Token]:
    """The objects of a preposition: 'with A' -> [A]."""
    return [c for c in prep.children if c.dep_ == "pobj"]


def agent(verb: Token) -> list[Token]:
    """The doer named by a passive's 'by' phrase (labelled `agent`, or a 'by'
    preposition): 'B was attacked by A' -> [A]."""
    return [o for c in verb.children
            if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")
            for o in pobjects(c)]


def participle_agent(noun: Token) -> list[Token]:
    """The agent of a passive participle on a noun: 'a B launched by A' (noun B) -> [A]."""
    for c in noun.children:
        if c.dep_ == "acl" and c.tag_ == "VBN":
            found = agent(c)
            if found:
                return found
    return []


def prep_objects(tok: Token, preps: Collection[str]) -> list[Token]:
    """Objects of the prepositions in `preps` attached to the token: 'talks with A
    against B', preps {with} -> [A]."""
    return [o for c in tok.children if c.dep_ == "prep" and c.lower_ in preps
            for o in pobjects(c)]


def possessors(tok: Token) -> list[Token]:
    """'A's attack' (noun attack) -> [A]."""
    return [c for c in tok.children if c.dep_ == "poss"]


def modified_noun(tok: Token) -> Token | None:
    """The word a prenominal modifier (compound, possessive, adjective, nmod) belongs
    to: 'the A embassy' (token A) -> embassy; None for a head."""
    return tok.head if tok.dep_ in MODIFIERS and tok.head != tok else None


def appositives(tok: Token) -> list[Token]:
    """Phrases put beside the token: 'A, a group of B' (token A) -> [group]."""
    return [c for c in tok.children if c.dep_ == "appos"]


def apposed_to(tok: Token) -> Token | None:
    """The word an appositive stands beside: 'A, a group' (token group) -> A."""
    return tok.head if tok.dep_ == "appos" else None


def relative_antecedent(tok: Token) -> Token | None:
    """The noun a relative clause holding the token describes: 'A, which B' (token
    which) -> A."""
    x = tok
    while x.dep_ != "relcl" and x.head.i != x.i:
        x = x.head
    return x.head if x.dep_ == "relcl" else None


def conjuncts(tok: Token) -> list[Token]:
    """The token and the words coordinated with it: 'A, B and C' (any of them) -> [A, B, C]."""
    return [tok, *tok.conjuncts]


def expand(tokens: Iterable[Token]) -> list[Token]:
    """The tokens and their conjuncts, without duplicates: [A] of 'A and B' -> [A, B]."""
    seen: dict[int, Token] = {}
    for tok in tokens:
        for t in conjuncts(tok):
            seen.setdefault(t.i, t)
    return list(seen.values())


def conjunct_after(cc: Token) -> Token | None:
    """The conjunct a coordinator (or semicolon) introduces: 'A and B' (token and) -> B."""
    return next((c for c in cc.head.children if c.i > cc.i and c.dep_ in ("conj", "parataxis")), None)


def first_conjunct(tok: Token) -> Token:
    """The first item of the list the token is in: 'A, B and C' (token C) -> A."""
    while tok.dep_ == "conj" and tok.head != tok:
        tok = tok.head
    return tok


def later_conjunct(tok: Token, of: Collection[int]) -> bool:
    """Is the token a later item of a list whose earlier item is one of `of` (indices)?
    'A, B and C' (token C, of {A}) -> True."""
    cur = tok
    while cur.dep_ == "conj" and cur.head != cur:
        cur = cur.head
        if cur.i in of:
            return True
    return False
