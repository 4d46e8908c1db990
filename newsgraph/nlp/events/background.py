"""Happenings named inside another's sentence as its cause or background ("the strikes
came days after an air assault on militia sites", "in retaliation for the killing of
three soldiers"): a date stated before the cause phrase is the main happening's, never
the embedded one's (data: `background_phrases` of event_grouping.yaml). A blame verb
on another trigger's noun only attributes that happening (`attributions`)."""
from __future__ import annotations

import re
from collections.abc import Sequence

from .draft import Hit

_WORD = re.compile(r"[\w'’-]+")


def cause_before(text: str, start: int, trigger_at: int, phrases: tuple[str, ...],
                 *, window: int) -> int | None:
    """Offset of the cause phrase that introduces the trigger at `trigger_at` (within
    `window` words before it, no comma or clause break between), searched from `start`;
    None when the trigger is not introduced by one."""
    words = list(_WORD.finditer(text, start, trigger_at))[-window:]
    if not words:
        return None
    lead = words[0].start()
    low = text[lead:trigger_at].lower()
    hits = [m.start() + lead for p in phrases
            for m in re.finditer(rf"(?<![\w-]){re.escape(p)}(?![\w-])", low)]
    if not hits or re.search(r"[,;:()\u2014]", text[max(hits):trigger_at]):
        return None
    return max(hits)


def date_outside(text: str, *, date_start: int, sent_start: int, trigger_at: int,
                 phrases: tuple[str, ...], window: int) -> bool:
    """Does a date at `date_start` belong to the happening the trigger's cause phrase
    hangs from (it stands before that phrase) rather than to the trigger's?"""
    if not phrases or date_start >= trigger_at:
        return False
    at = cause_before(text, sent_start, trigger_at, phrases, window=window)
    return at is not None and date_start < at



def attributions(hits: Sequence[Hit], blame_verbs: frozenset[str]) -> list[Hit]:
    """The hits that only lay another trigger's happening at someone's door ('an attack
    blamed on A', 'an attack the ministry blamed on A'): a blame verb modifying the
    other trigger's noun tells who acted (frames.attributed), not a second event."""
    heads = {h.head.i for h in hits}
    return [h for h in hits if h.head.lemma_.lower() in blame_verbs
            and h.head.dep_ in ("acl", "relcl") and h.head.head.i in heads
            and h.head.head.i != h.head.i]
