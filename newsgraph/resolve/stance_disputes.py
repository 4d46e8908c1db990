"""Disputed responsibility (one outlet has a claim, another says the attack is
unclaimed, a third that the accused denies it) and disputed states of a named person
(unharmed in one report, hurt in another), per cluster, across and inside articles."""
from __future__ import annotations

from collections import Counter
from typing import Iterable, Mapping, Sequence

from ..lexicons.disputes import DisputeLexicon
from ..model import Article, Contradiction, Event, Evidence, Mention
from .said import Attacher, Stated, contradictions
from .sentences import sentence_spans
from .stances import every_kind, first_kind, says_he

_NEAR_NAME = 60          # characters from a name to its state cue ("X, 45, was unhurt")
_NEAR_PRONOUN = 25       # ... from "he"/"she" ("he had suffered minor injuries")
RESPONSIBILITY = "responsibility"
STATE = "state:"            # field prefix: "state:<entity id>"


def stance_disputes(events: Sequence[Event], *, clusters: Mapping[str, str],
                    articles: Iterable[Article], mentions: Iterable[Mention],
                    entity_of: Mapping[str, str], lex: DisputeLexicon) -> list[Contradiction]:
    """Per cluster: responsibility stances, and each named person's states, that differ."""
    attacher = Attacher(events, clusters)
    wanted = set(attacher.docs())
    people: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.label == "PERSON" and m.doc in wanted and m.id in entity_of:
            people.setdefault(m.doc, []).append(m)
    stated: list[Stated] = []
    for article in articles:
        if article.id in wanted:
            stated += _stated(article, attacher, people.get(article.id, []), entity_of, lex)
    differ = lambda a, b: a.value != b.value      # noqa: E731
    blame = [s for s in stated if s.field == RESPONSIBILITY]
    states = [s for s in stated if s.field != RESPONSIBILITY]
    return [*contradictions(blame, differ, within=False),
            *contradictions(states, differ, same_sentence=True)]


def _stated(article: Article, attacher: Attacher, people: list[Mention],
            entity_of: Mapping[str, str], lex: DisputeLexicon) -> list[Stated]:
    out = []
    for start, end in sentence_spans(article.text):
        text = article.text[start:end]
        ev = Evidence(doc=article.id, start=start, end=end, text=text)
        about = attacher.cluster(article.id, start, end, lex.stance_types)
        if about is None:
            continue
        if found := first_kind(text, lex.responsibility):
            out.append(Stated(about=about, field=RESPONSIBILITY, value=found[0], evidence=ev,
                              detail=found[1]))
        for state, at in every_kind(text, lex.person_state):
            if who := _person(people, start, start + at, text, entity_of):
                named = [(m.start, m.end) for m in people if entity_of[m.id] == who]
                about = attacher.cluster_of(article.id, named, lex.stance_types) or about
                out.append(Stated(about=about, field=STATE + who, value=state, evidence=ev,
                                  detail=at))
    return out


def _person(people: list[Mention], start: int, cue: int, text: str,
            entity_of: Mapping[str, str]) -> str | None:
    """The entity of the person named last before the cue, close to it (the subject:
    "Al-Kadhimi was unharmed"), unless "he" or "she" comes between them; a pronoun just
    before the cue ("said he was unhurt") stands for the article's most named person."""
    inside = [m for m in people if start <= m.start and m.end <= cue]
    after = inside[-1].end - start if inside else 0
    if not says_he(text[max(after, cue - start - _NEAR_PRONOUN):cue - start]):
        return entity_of[inside[-1].id] if inside and cue - inside[-1].end <= _NEAR_NAME else None
    counts = Counter(entity_of[m.id] for m in people)
    return max(sorted(counts), key=counts.__getitem__) if counts else None
