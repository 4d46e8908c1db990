"""Entity scores: mention recall and precision, alias clustering (pairwise over forms)."""
from __future__ import annotations

from collections import Counter

from .mentions import Occurrence, SpanIndex, SysMention, best_mention
from .spans import pairwise, prf

ACTOR_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})


def score_entities(occurrences: list[Occurrence], mentions: list[SysMention]) -> dict:
    """Mention P/R/F1 and alias-clustering P/R/F1 (see docs/evaluation.md)."""
    index = SpanIndex(mentions, lambda m: m.span)
    out = _mention_scores(occurrences, mentions, index)
    alias = alias_clustering(occurrences, index)
    out.update({"alias_precision": alias["precision"], "alias_recall": alias["recall"],
                "alias_f1": alias["f1"]})
    out["counts"].update({f"alias_{k}": v for k, v in alias["counts"].items()})
    return out


def _mention_scores(occurrences: list[Occurrence], mentions: list[SysMention],
                    index: SpanIndex) -> dict:
    alias_occ: dict = {}
    for occ in occurrences:
        if not occ.nominal:
            alias_occ.setdefault(occ.span, occ)
    covered = sum(1 for occ in alias_occ.values() if best_mention(occ, index) is not None)
    gold_index = SpanIndex(occurrences, lambda o: o.span)
    typed = [m for m in mentions if m.type in ACTOR_TYPES]
    correct = sum(1 for m in typed if gold_index.overlapping(m.span))
    scores = prf(correct, len(typed), covered, len(alias_occ))
    return {"mention_precision": scores["precision"], "mention_recall": scores["recall"],
            "mention_f1": scores["f1"],
            "counts": {"gold_alias_occurrences": len(alias_occ), "covered": covered,
                       "system_mentions": len(typed), "system_mentions_on_gold": correct}}


def alias_clustering(occurrences: list[Occurrence], index: SpanIndex) -> dict:
    """Pairwise P/R/F1 over distinct alias forms; pairs of identical strings not counted.

    Each (gold entity, form) is labelled with the system entity that most of its
    occurrences resolve to (the mention covering at least half of the occurrence);
    a form none of whose occurrences is covered stays unlabelled, so it can only miss.
    """
    system = form_labels(occurrences, index)
    gold = {form: form[0] for form in system}
    return pairwise(gold, system, same_ok=lambda a, b: a[1] != b[1])


def form_labels(occurrences: list[Occurrence], index: SpanIndex
                ) -> dict[tuple[str, str], str | None]:
    """(gold entity, alias form) -> the system entity most of its occurrences resolve to
    (None when none is covered)."""
    votes: dict[tuple[str, str], Counter] = {}
    for occ in occurrences:
        if occ.nominal:
            continue
        c = votes.setdefault((occ.entity, occ.form), Counter())
        m = best_mention(occ, index)
        if m is not None:
            c[m.entity] += 1
    return {form: _top(c) for form, c in votes.items()}


def _top(votes: Counter) -> str | None:
    if not votes:
        return None
    return sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
