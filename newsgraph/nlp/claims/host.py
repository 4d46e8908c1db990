"""A speech verb set inside the clause it reports: "In addition, it said, X had been
destroyed", "Two bases were hit, the ministry said, and ...", "Five were killed, as
announced by X". The statement is the host clause without the attribution."""
from __future__ import annotations

from spacy.tokens import Token


def host_statement(v: Token) -> tuple[int, int] | None:
    """(start, end) in characters of the clause `v` is set in, on the longer side of the
    attribution, or None when `v` is not a parenthetical or 'as' attribution."""
    host = v.head
    if host.i == v.i or host.pos_ not in ("VERB", "AUX") or not _parenthetical(v):
        return None
    left = [t for t in host.subtree if t.i < v.left_edge.i]
    right = [t for t in host.subtree if t.i > v.right_edge.i]
    side = max((left, right), key=lambda toks: sum(1 for t in toks if not t.is_punct))
    words = [t for t in side if not t.is_punct or t.text in "\"“”'"]
    if len([t for t in words if not t.is_punct]) < 3:
        return None
    # a clause joined after the attribution ("..., the ministry said, and the roads were
    # closed") is not part of what was said
    if side is left or not words:
        words = [t for t in words if not (t.i > v.i and t.dep_ in ("cc", "conj"))]
    return words[0].idx, words[-1].idx + len(words[-1].text)


def _parenthetical(v: Token) -> bool:
    """'it said' between commas, 'as X said', 'as announced by X': a speech verb with
    nothing of its own to say (no object, no clause)."""
    if any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr") for c in v.children):
        return False        # "As the crowd showed its resolve, the plan failed"
    if v.dep_ == "parataxis":
        return True
    return v.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in v.children)
